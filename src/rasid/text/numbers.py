"""Numbers in Arabic text: digits (Arabic, Persian, ASCII) and numbers written as words.

``parse_number_words`` reads a normalised number phrase (ثلاثه عشر, الحادي والعشرين,
مائه وثمانين, ثلاثه الاف) as an int; ``find_numbers`` finds every number in a Doc as raw
spans with a kind: digits, cardinal, ordinal or vague (عشرات -> 12, عده/عدد من/بضعه -> 3,
مئات -> 100, الاف -> 1000: ACLED's conventions for "dozens", "several", "hundreds").

The word list is data: ``rasid/time/data/number_words.tsv``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rasid.doc import Doc
from rasid.resources import data_tsv
from rasid.text.normalise import norm

_PKG = "rasid.time.data"


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, list[tuple[int, str]]]:
    lex: dict[str, list[tuple[int, str]]] = {}
    for row in data_tsv(_PKG, "number_words.tsv"):
        lex.setdefault(norm(row["word"]), []).append((int(row["value"]), row["kind"]))
    return lex


def _readings(word: str) -> list[tuple[int, str, str]]:
    """(value, kind, prefix) readings of one normalised word, trying و/ال/ب/ل proclitics."""
    lex = _lexicon()
    out: list[tuple[int, str, str]] = []
    seen = set()
    for pre in ("", "و", "ال", "وال", "ب", "بال", "ل", "لل", "ف", "وب", "وبال", "ول", "ك"):
        if pre and not word.startswith(pre):
            continue
        rest = word[len(pre) :]
        if len(rest) < 2:
            continue
        for value, kind in lex.get(rest, ()):
            if (value, kind) not in seen:
                seen.add((value, kind))
                out.append((value, kind, pre))
    return out


def _word_value(word: str, kinds: tuple[str, ...]) -> tuple[int, str] | None:
    for value, kind, _pre in _readings(word):
        if kind in kinds:
            return value, kind
    return None


_NUMERIC_KINDS = ("unit", "ten", "hundred", "thousand", "million", "ordinal")


def _parse_words(words: list[str]) -> tuple[int, str, int] | None:
    """Parse the longest number phrase at the start of ``words``: (value, kind, n_words)."""
    total = 0
    current = 0
    used = 0
    kind_out = "cardinal"
    last_kind = ""
    i = 0
    while i < len(words):
        w = words[i]
        if w == "و" and used:
            i += 1
            continue
        r = _word_value(w, _NUMERIC_KINDS)
        if r is None:
            break
        value, kind = r
        # a word after the first must be joined by و unless it is عشر (teens), مائه after a unit, or الف after a count
        joined = w.startswith("و") or (i > 0 and words[i - 1] == "و")
        if used:
            if (
                kind == "unit"
                and value == 10
                and last_kind in ("unit", "ordinal")
                and current % 10
                and current < 10
            ):
                current += 10  # ثلاثه عشر, الحادي عشر
                if last_kind == "ordinal":
                    kind_out = "ordinal"
                used = i + 1
                last_kind = "teen"
                i += 1
                continue
            if kind == "hundred" and value == 100 and last_kind == "unit" and not joined and current < 10:
                current *= 100  # ثلاث مائه
                used = i + 1
                last_kind = "hundred"
                i += 1
                continue
            if kind in ("thousand", "million") and not joined:
                mult = 1000 if kind == "thousand" else 1_000_000
                total += max(current, 1) * mult if value in (1000, 1_000_000) else value
                current = 0
                used = i + 1
                last_kind = kind
                i += 1
                continue
            if not joined:
                break
        if kind == "ordinal":
            if used and last_kind not in ("hundred", "thousand", "million"):
                break
            kind_out = "ordinal"
            current += value
        elif kind in ("thousand", "million"):
            total += max(current, 1) * (value if value not in (1000, 1_000_000) else value)
            current = 0
        elif kind == "ten" and used and last_kind in ("unit", "ordinal", "teen") and current < 10:
            current += value  # خمسه وعشرين, الحادي والعشرين
        else:
            current += value
        last_kind = kind
        used = i + 1
        i += 1
    if not used:
        return None
    # an ordinal reading of the tens: "العشرين" after an ordinal unit, or alone with the article
    return total + current, kind_out, used


def parse_number_words(text: str) -> int | None:
    """The value of a number phrase (normalised or raw text); None when it is not one."""
    words = norm(text).split()
    if not words:
        return None
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    res = _parse_words(words)
    if res is None or res[2] != len(words):
        vague = _vague(words)
        if vague and vague[1] == len(words):
            return vague[0]
        return None
    return res[0]


def _vague(words: list[str]) -> tuple[int, int] | None:
    if not words:
        return None
    w = words[0]
    if len(words) > 1 and w in ("عدد", "وعدد", "بعدد", "لعدد") and words[1] == "من":
        return 3, 2
    for value, kind, _pre in _readings(w):
        if kind == "vague":
            return value, 1
    return None


_TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[\u0621-\u064a]+")


def find_numbers(doc: Doc) -> list[tuple[int, int, int, str]]:
    """Every number in the article: (raw start, raw end, value, kind), kind in digits/cardinal/ordinal/vague."""
    toks = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(doc.norm)]
    out: list[tuple[int, int, int, str]] = []
    i = 0
    while i < len(toks):
        s, e, w = toks[i]
        if w[0].isdigit():
            digits = w.replace(",", "")
            try:
                fvalue = float(digits)
            except ValueError:
                i += 1
                continue
            value = int(fvalue)
            # "3 الاف" / "2 مليون"
            if i + 1 < len(toks) and toks[i + 1][0] - e <= 2:
                r = _word_value(toks[i + 1][2], ("thousand", "million"))
                if r and r[0] in (1000, 1_000_000):
                    rs, re_ = doc.raw_span(s, toks[i + 1][1])
                    out.append((rs, re_, int(round(fvalue * r[0])), "digits"))
                    i += 2
                    continue
            rs, re_ = doc.raw_span(s, e)
            out.append((rs, re_, value, "digits"))
            i += 1
            continue
        # words: contiguous (same-sentence, single-space separated) run
        j = i
        words = []
        while j < len(toks) and j - i < 8:
            if j > i and toks[j][0] - toks[j - 1][1] > 1:
                break
            words.append(toks[j][2])
            j += 1
        vague = _vague(words)
        res = _parse_words(words)
        if res is not None and not (vague and res[2] <= vague[1]):
            value, kind, n = res
            # strip a proclitic from the first word for the span
            pre = ""
            for _v, _k, p in _readings(words[0]):
                if _k in _NUMERIC_KINDS:
                    pre = p
                    break
            if pre.endswith("ال"):
                pre = pre[:-2]
            if _readings(words[0]) and not _is_false_friend(words[0]):
                rs, re_ = doc.raw_span(s + len(pre), toks[i + n - 1][1])
                out.append((rs, re_, value, kind))
                i += n
                continue
        if vague is not None:
            value, n = vague
            rs, re_ = doc.raw_span(s, toks[i + n - 1][1])
            out.append((rs, re_, value, "vague"))
            i += n
            continue
        i += 1
    return out


# words that read as numbers only by accident of a proclitic or a homograph
_FALSE = {
    "اول", "الاول", "ثانيه", "ست", "سبع", "ثاني", "عشر", "بضع", "صفر", "احد", "الاحد", "وصفر",
    "الاثنين", "والاثنين", "بالاثنين", "للاثنين",  # Monday
}  # fmt: skip


def _is_false_friend(word: str) -> bool:
    """Words too ambiguous to count as a number on their own in running text (الاحد = Sunday, صفر = Safar)."""
    return word in _FALSE
