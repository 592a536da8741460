"""Event lexicons (triggers, taxonomy, context and modality cues, fatality cues), loaded once per Resources.

All language knowledge lives in ``rasid/events/data/*.tsv``; this module only compiles it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasid.doc import Doc
from rasid.options import Options
from rasid.resources import data_tsv, resource
from rasid.text.matcher import Match, PhraseMatcher, phrase_key

DATA = "rasid.events.data"


def _forms(cell: str) -> list[str]:
    return [f.strip() for f in cell.split("|") if f.strip()]


@dataclass(frozen=True)
class TriggerEntry:
    phrase: str
    event_type: str
    sub_event_type: str
    weight: float
    flags: frozenset[str]


@dataclass(frozen=True)
class SubType:
    event_type: str
    sub_event_type: str
    family: str
    rank: int


@resource("events.taxonomy")
def load_taxonomy(options: Options) -> dict[str, SubType]:
    """sub_event_type -> SubType (family and precedence rank)."""
    out: dict[str, SubType] = {}
    for row in data_tsv(DATA, "acled_taxonomy.tsv"):
        out[row["sub_event_type"]] = SubType(row["event_type"], row["sub_event_type"], row["family"], int(row["rank"]))
    return out


@resource("events.trigger_matcher")
def load_trigger_matcher(options: Options) -> PhraseMatcher:
    m = PhraseMatcher()
    for row in data_tsv(DATA, "triggers.tsv"):
        flags = frozenset((row.get("flags") or "").split())
        for form in _forms(row["phrase"]):
            m.add(form, TriggerEntry(form, row["event_type"], row["sub_event_type"], float(row["weight"]), flags))
    return m


class KindView:
    """One kind of cue inside a combined matcher (see ``KindMatchers``)."""

    def __init__(self, combined: PhraseMatcher, kind: str) -> None:
        self.combined = combined
        self.kind = kind

    def lookup(self, phrase: str) -> list:
        n = len(phrase_key(phrase))
        return [v for k, v, m in self.combined.lookup(phrase) if k == self.kind and m == n]


class KindMatchers(dict):
    """kind -> KindView over ONE PhraseMatcher holding every kind, so that a document is scanned once for
    all kinds. A phrase also carries the kinds of the shorter phrases it starts with (طائرة مسيرة is an
    instrument and, through طائرة, an aircraft), so longest-match does not hide a shorter cue of another kind."""

    def __init__(self, rows: list[tuple[str, str, object]]) -> None:
        super().__init__()
        self.combined = PhraseMatcher()
        by_key: dict[tuple[str, ...], list[tuple[str, tuple]]] = {}
        for kind, phrase, value in rows:
            key = phrase_key(phrase)
            if key:
                by_key.setdefault(key, []).append((phrase, (kind, value, len(key))))
        for key, items in by_key.items():
            extra = [pl for p in range(1, len(key)) for _ph, pl in by_key.get(key[:p], ())]
            for phrase, payload in items:
                self.combined.add(phrase, payload)
            for payload in extra:
                self.combined.add(items[0][0], payload)
        for kind in {k for k, _p, _v in rows}:
            self[kind] = KindView(self.combined, kind)


@resource("events.context")
def load_context(options: Options) -> KindMatchers:
    """kind -> cue view whose payload is the row's value (instrument sub-type, or '')."""
    rows = []
    for row in data_tsv(DATA, "context_cues.tsv"):
        for form in _forms(row["phrase"]):
            rows.append((row["kind"], form, row.get("value") or ""))
    return KindMatchers(rows)


@dataclass(frozen=True)
class Cue:
    phrase: str
    modality: str
    scope: str


@resource("events.modality_cues")
def load_modality_cues(options: Options) -> PhraseMatcher:
    m = PhraseMatcher()
    for row in data_tsv(DATA, "modality_cues.tsv"):
        for form in _forms(row["phrase"]):
            m.add(form, Cue(form, row["modality"], row["scope"]))
    return m


@resource("events.fatality_cues")
def load_fatality_cues(options: Options) -> KindMatchers:
    rows = []
    for row in data_tsv(DATA, "fatality_cues.tsv"):
        for form in _forms(row["phrase"]):
            rows.append((row["kind"], form, int(row["value"]) if row.get("value") else 0))
    return KindMatchers(rows)


def set_active_sentences(doc: Doc, sentences: set[int]) -> None:
    """Restrict cue matching to these sentences (those with triggers): cues elsewhere are never asked for."""
    ranges: list[tuple[int, int]] = []
    for t in doc.tokens:
        if t.sentence in sentences:
            if ranges and ranges[-1][1] == t.index:
                ranges[-1] = (ranges[-1][0], t.index + 1)
            else:
                ranges.append((t.index, t.index + 1))
    doc.user["events.active_ranges"] = ranges
    doc.user.pop("events.matches", None)
    doc.user.pop("events.token_hits", None)


def cached_matches(doc: Doc, key: str, matcher: PhraseMatcher) -> list:
    """Matches of ``matcher`` over the doc (or its active sentences), computed once per doc."""
    cache = doc.user.setdefault("events.matches", {})
    if key not in cache:
        ranges = doc.user.get("events.active_ranges")
        if ranges is None:
            cache[key] = matcher.find(doc)
        else:
            cache[key] = [m for r in ranges for m in matcher.find(doc, r)]
    return cache[key]


def token_hits(doc: Doc, key: str, matcher) -> dict[int, list]:
    """token index -> matches starting there (a per-doc index of ``cached_matches``)."""
    cache = doc.user.setdefault("events.token_hits", {})
    if key not in cache:
        if isinstance(matcher, KindView):
            _index_kinds(doc, matcher.combined, cache)
            cache[key] = cache.get(f"kind:{id(matcher.combined)}:{matcher.kind}", {})
        else:
            idx: dict[int, list] = {}
            for m in cached_matches(doc, key, matcher):
                idx.setdefault(m.tok_start, []).append(m)
            cache[key] = idx
    return cache[key]


def _index_kinds(doc: Doc, combined: PhraseMatcher, cache: dict) -> None:
    """Scan the doc once with a combined matcher; index the matches per kind (with each kind's length)."""
    tag = f"kind:{id(combined)}:"
    if tag + "*" in cache:
        return
    cache[tag + "*"] = True
    toks = doc.tokens
    for m in cached_matches(doc, tag, combined):
        per: dict[tuple[str, int], list] = {}
        for kind, value, n in m.payloads:
            per.setdefault((kind, n), []).append(value)
        for (kind, n), values in per.items():
            end_tok = min(m.tok_start + n, m.tok_end)
            end = toks[end_tok - 1].end
            sub = Match(m.start, end, doc.text[m.start : end], m.tok_start, end_tok, values, m.prefix)
            cache.setdefault(tag + kind, {}).setdefault(m.tok_start, []).append(sub)
