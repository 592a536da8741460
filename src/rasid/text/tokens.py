"""Tokenisation with Arabic clitic analysis.

Tokens are runs of letters/digits in the normalised view, mapped back to raw
offsets. Arabic words carry proclitics (و ف ب ل ك and the article ال) and
enclitic pronouns; ``clitic_candidates`` lists the readings a lexicon lookup
should try, from the whole word to the most stripped, since a word such as
بنغازي starts with a letter that only looks like a clitic.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rasid.doc import Doc, Token
from rasid.pipeline import stage
from rasid.resources import Resources

_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W_]+")
_MARKS = set(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670", "ـ"}

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ARTICLE = "ال"
PRONOUN_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ك", "ي")
MIN_STEM = 2
MIN_BASE = 3  # the article is stripped for lexicon keys only when 3+ letters remain (not الله -> له, ألفي -> في)


@lru_cache(maxsize=200_000)
def clitic_candidates(word: str) -> tuple[tuple[int, str, bool], ...]:
    """Readings of a normalised word as (chars stripped before the stem, stem, had_article).

    The first reading is the word itself. Stems never carry the article:
    "والجيش" -> (3, "جيش", True); "للجيش" (ل + الجيش) -> (2, "جيش", True);
    "بنغازي" -> (0, "بنغازي", False) and (1, "نغازي", False).
    """
    out: list[tuple[int, str, bool]] = [(0, word, False)]
    seen = {(word, False)}

    def add(cut: int, stem: str, had_article: bool) -> None:
        if len(stem) >= MIN_STEM and (stem, had_article) not in seen:
            seen.add((stem, had_article))
            out.append((cut, stem, had_article))

    for c in (0, 1) if word[:1] in CONJUNCTIONS else (0,):
        for p in (0, 1) if word[c : c + 1] in PREPOSITIONS else (0,):
            cut = c + p
            rest = word[cut:]
            if cut:
                add(cut, rest, False)
            if rest.startswith(ARTICLE):
                add(cut + 2, rest[2:], True)
            elif p and word[c] == "ل" and rest.startswith("ل"):
                add(cut + 1, rest[1:], True)  # للجيش = ل + الجيش
    return tuple(out)


_DEFAULT_STRIP = re.compile(r"^(?:[وف]?[بلك]?ال|[وف]?لل)(?=..)")


def default_analysis(word: str) -> tuple[str, str]:
    """(prefix, base): strip proclitics only where an article makes the reading safe."""
    m = _DEFAULT_STRIP.match(word)
    if not m:
        return "", word
    return word[: m.end()], word[m.end() :]


@lru_cache(maxsize=200_000)
def base_form(word: str) -> str:
    """Strip one leading article ال (the form lexicon keys use for each word), keeping short words whole
    (الله, الفي from ألفي) so that they do not collide with particles (له, في)."""
    return word[2:] if word.startswith(ARTICLE) and len(word) - 2 >= MIN_BASE else word


def suffix_candidates(stem: str) -> list[str]:
    """The stem and, where long enough, the stem with one pronoun suffix removed."""
    out = [stem]
    for suf in PRONOUN_SUFFIXES:
        if stem.endswith(suf) and len(stem) - len(suf) >= 3:
            s = stem[: -len(suf)]
            out.append(s)
            if s.endswith("ت"):  # ta marbuta before a suffix: قائدته -> قائده
                out.append(s[:-1] + "ه")
    return out


def tokenize(doc: Doc) -> list[Token]:
    toks: list[Token] = []
    text = doc.text
    n_text = len(text)
    sent_i = 0
    sent_starts = [s.start for s in doc.sentences[1:]]  # sent_starts[k]: start of sentence k + 1
    next_start = sent_starts[0] if sent_starts else n_text + 1
    for m in _WORD.finditer(doc.norm):
        rs, re_ = doc.raw_span(m.start(), m.end())
        while re_ < n_text and text[re_] in _MARKS:  # trailing diacritics belong to the word
            re_ += 1
        while next_start <= rs:
            sent_i += 1
            next_start = sent_starts[sent_i] if sent_i < len(sent_starts) else n_text + 1
        w = m.group(0)
        prefix, base = default_analysis(w)
        toks.append(Token(rs, re_, text[rs:re_], w, base, prefix, len(toks), sent_i))
    return toks


@stage("tokens", requires=("sentences",), assigns=("tokens",))
def tokens_stage(doc: Doc, resources: Resources) -> None:
    """Assign ``doc.tokens``."""
    doc.tokens = tokenize(doc)
