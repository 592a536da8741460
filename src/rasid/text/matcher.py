"""Phrase matching over tokens, tolerant of Arabic proclitics and letter variants.

Lexicons (gazetteer names, actor aliases, trigger phrases) are compiled into a
word trie keyed on normalised words without the article ال. The first word of
a phrase may carry proclitics (وبالكلية الجوية, لمصراتة); the match span starts
after them but keeps the article, so ``span.text`` reads as the name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, filterfalse, islice
from typing import Any

from rasid.doc import Doc, Token
from rasid.text.normalise import norm
from rasid.text.tokens import base_form, clitic_candidates

_END = object()
_INDEX = "text.token_index"  # doc.user key of the document's TokenIndex
_MAX_PHRASE = 12  # the longest phrase looked for, in tokens
_MAX_STARTS = 500_000  # bound on each matcher's cache of first-word readings


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The lookup key of a lexicon phrase: normalised words without the article."""
    return tuple(base_form(w) for w in norm(phrase).replace("-", " ").split())


@lru_cache(maxsize=200_000)
def _reading_keys(word: str) -> tuple[tuple[int, str, bool], ...]:
    """Every clitic reading of a normalised word as (cut, trie key, had_article), for any lexicon."""
    return tuple(
        (cut, base_form("ال" + stem) if art else base_form(stem), art)
        for cut, stem, art in clitic_candidates(word)
    )


@dataclass
class TokenIndex:
    """What phrase matching reads at every token, computed once per document (kept in ``doc.user``)."""

    tokens: list[Token]  # the token list this index describes
    norms: list[str]
    keys: list[str]  # base_form of each token's normalised form
    joined: list[bool]  # joined[j]: nothing but whitespace between token j-1 and token j
    sent_end: list[int]  # index after the last token of token i's sentence
    vocab: set[str]  # the distinct normalised words
    found: dict[tuple[Any, ...], list[Match]] = field(default_factory=dict)  # PhraseMatcher.find results

    @classmethod
    def build(cls, doc: Doc) -> TokenIndex:
        tokens = doc.tokens
        text = doc.text
        norms = [t.norm for t in tokens]
        joined = [True]
        for a, b in zip(tokens, tokens[1:]):
            gap = text[a.end : b.start]
            joined.append(not gap or gap.isspace())
        sent_end = [0] * len(tokens)
        end = len(tokens)
        for i in range(len(tokens) - 1, -1, -1):
            if i + 1 < len(tokens) and tokens[i + 1].sentence != tokens[i].sentence:
                end = i + 1
            sent_end[i] = end
        return cls(tokens, norms, [base_form(w) for w in norms], joined[: len(tokens)], sent_end, set(norms))


def token_index(doc: Doc) -> TokenIndex:
    """The document's TokenIndex, rebuilt whenever ``doc.tokens`` has been replaced or extended."""
    idx = doc.user.get(_INDEX)
    if idx is None or idx.tokens is not doc.tokens or len(idx.norms) != len(doc.tokens):
        idx = doc.user[_INDEX] = TokenIndex.build(doc)
    return idx


@dataclass
class Match:
    start: int  # raw offsets of the matched name (proclitics excluded)
    end: int
    text: str
    tok_start: int
    tok_end: int  # exclusive
    payloads: list[Any]
    prefix: str  # proclitics stripped from the first word (normalised), e.g. "وب"
    article: bool = False  # the first word carried the article ال in the text


class PhraseMatcher:
    """Longest-match, non-overlapping phrase lookup over ``doc.tokens``."""

    def __init__(self, entries: Iterable[tuple[str, Any]] = ()) -> None:
        self._root: dict = {}
        self._starts: dict[str, tuple[tuple[int, str, bool], ...]] = {}  # word -> readings that begin a phrase
        self.size = 0
        for phrase, payload in entries:
            self.add(phrase, payload)

    def add(self, phrase: str, payload: Any) -> None:
        key = phrase_key(phrase)
        if not key:
            return
        node = self._root
        for w in key:
            node = node.setdefault(w, {})
        node.setdefault(_END, []).append(payload)
        self._starts.clear()
        self.size += 1

    def __contains__(self, phrase: str) -> bool:
        node = self._root
        for w in phrase_key(phrase):
            if w not in node:
                return False
            node = node[w]
        return _END in node

    def lookup(self, phrase: str) -> list[Any]:
        node = self._root
        for w in phrase_key(phrase):
            node = node.get(w)
            if node is None:
                return []
        return list(node.get(_END, []))

    def _cache_readings(self, words: Iterable[str]) -> None:
        """Cache, for each word not yet seen, its clitic readings whose key begins a phrase."""
        starts = self._starts
        missing = list(filterfalse(starts.__contains__, words))
        if len(starts) + len(missing) > _MAX_STARTS:  # bound the cache on very large corpora
            starts.clear()
        root = self._root
        for w in missing:
            starts[w] = tuple([r for r in _reading_keys(w) if r[1] in root])

    def _longest_at(
        self, idx: TokenIndex, i: int, limit: int, readings: tuple[tuple[int, str, bool], ...]
    ) -> tuple[int, int, int, list[Any], str, bool] | None:
        """Longest phrase starting at token i: (span_cut, cut, end_token, payloads, prefix, had_article)."""
        keys, joined = idx.keys, idx.joined
        word = idx.norms[i]
        best = None
        for cut, key, had_article in readings:
            node = self._root[key]
            j = i + 1
            last = (j, node[_END]) if _END in node else None
            while j < limit:
                if not joined[j]:
                    break  # names never run across punctuation
                nxt = node.get(keys[j])
                if nxt is None:
                    break
                node = nxt
                j += 1
                if _END in node:
                    last = (j, node[_END])
            if last and (best is None or last[0] > best[2] or (last[0] == best[2] and cut < best[1])):
                span_cut = cut - 2 if had_article and word[cut - 2 : cut] == "ال" else cut
                best = (span_cut, cut, last[0], last[1], word[:span_cut], had_article)
        return best

    def find(self, doc: Doc, tok_range: tuple[int, int] | None = None) -> list[Match]:
        """All longest non-overlapping matches, never crossing a sentence boundary.

        The matches of a (matcher, range) are computed once per document; each call gets its own list.
        """
        idx = token_index(doc)
        lo, hi = tok_range or (0, len(idx.norms))
        memo = (self, self.size, lo, hi)
        found = idx.found.get(memo)
        if found is None:
            found = idx.found[memo] = self._find(doc, idx, lo, hi)
        return list(found)

    def _find(self, doc: Doc, idx: TokenIndex, lo: int, hi: int) -> list[Match]:
        tokens, norms, sent_end = idx.tokens, idx.norms, idx.sent_end
        self._cache_readings(idx.vocab if lo == 0 and hi >= len(norms) else set(islice(norms, lo, hi)))
        starts = self._starts
        out: list[Match] = []
        nxt = lo  # the first token not inside an earlier match
        # only tokens with a reading that begins a phrase are tried
        for i in compress(range(lo, hi), map(starts.__getitem__, islice(norms, lo, hi))):
            if i < nxt:
                continue
            hit = self._longest_at(idx, i, min(hi, sent_end[i], i + _MAX_PHRASE), starts[norms[i]])
            if hit is None:
                continue
            span_cut, _cut, j, payloads, prefix, had_article = hit
            tok = tokens[i]
            nstart = doc.raw_to_norm(tok.start) + span_cut
            start = doc.raw_span(nstart, nstart + 1)[0]
            end = tokens[j - 1].end
            article = had_article or tok.norm.startswith("ال", span_cut)
            out.append(Match(start, end, doc.text[start:end], i, j, payloads, prefix, article))
            nxt = j
        return out
