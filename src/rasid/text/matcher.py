"""Phrase matching over tokens, tolerant of Arabic proclitics and letter variants.

Lexicons (gazetteer names, actor aliases, trigger phrases) are compiled into a
word trie keyed on normalised words without the article ال. The first word of
a phrase may carry proclitics (وبالكلية الجوية, لمصراتة); the match span starts
after them but keeps the article, so ``span.text`` reads as the name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rasid.doc import Doc
from rasid.text.normalise import norm
from rasid.text.tokens import base_form, clitic_candidates

_END = object()


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The lookup key of a lexicon phrase: normalised words without the article."""
    return tuple(base_form(w) for w in norm(phrase).replace("-", " ").split())


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

    def _readings(self, word: str) -> tuple[tuple[int, str, bool], ...]:
        """The clitic readings of ``word`` whose key begins a phrase (cached per word)."""
        hit = self._starts.get(word)
        if hit is None:
            if len(self._starts) > 500_000:  # bound the cache on very large corpora
                self._starts.clear()
            keys = ((cut, base_form("ال" + stem) if art else base_form(stem), art) for cut, stem, art in clitic_candidates(word))
            hit = self._starts[word] = tuple(r for r in keys if r[1] in self._root)
        return hit

    def _longest_at(self, doc: Doc, i: int, limit: int) -> tuple[int, int, int, list[Any], str, bool] | None:
        """Longest phrase starting at token i: (span_cut, cut, end_token, payloads, prefix, had_article)."""
        tokens = doc.tokens
        best = None
        for cut, key, had_article in self._readings(tokens[i].norm):
            node = self._root[key]
            j = i + 1
            last = (j, node[_END]) if _END in node else None
            while j < limit:
                gap = doc.text[tokens[j - 1].end : tokens[j].start]
                if gap and not gap.isspace():
                    break  # names never run across punctuation
                nxt = node.get(base_form(tokens[j].norm))
                if nxt is None:
                    break
                node = nxt
                j += 1
                if _END in node:
                    last = (j, node[_END])
            if last and (best is None or last[0] > best[2] or (last[0] == best[2] and cut < best[1])):
                span_cut = cut - 2 if had_article and tokens[i].norm[cut - 2 : cut] == "ال" else cut
                best = (span_cut, cut, last[0], last[1], tokens[i].norm[:span_cut], had_article)
        return best

    def find(self, doc: Doc, tok_range: tuple[int, int] | None = None) -> list[Match]:
        """All longest non-overlapping matches, never crossing a sentence boundary."""
        tokens = doc.tokens
        lo, hi = tok_range or (0, len(tokens))
        out: list[Match] = []
        starts = self._starts
        i = lo
        while i < hi:
            word = tokens[i].norm
            hit = starts.get(word)  # the cached readings, inline: this loop runs over every token
            if hit is None:
                hit = self._readings(word)
            if not hit:
                i += 1
                continue
            sent = tokens[i].sentence
            limit = i + 1
            while limit < hi and tokens[limit].sentence == sent and limit - i < 12:
                limit += 1
            hit = self._longest_at(doc, i, limit)
            if hit is None:
                i += 1
                continue
            span_cut, _cut, j, payloads, prefix, had_article = hit
            tok = tokens[i]
            nstart = doc.raw_to_norm(tok.start) + span_cut
            start = doc.raw_span(nstart, nstart + 1)[0]
            end = tokens[j - 1].end
            article = had_article or tok.norm.startswith("ال", span_cut)
            out.append(Match(start, end, doc.text[start:end], i, j, payloads, prefix, article))
            i = j
        return out
