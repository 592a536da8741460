"""Event lexicons (triggers, taxonomy, context and modality cues, fatality cues), loaded once per Resources.

All language knowledge lives in ``rasid/events/data/*.tsv``; this module only compiles it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasid.doc import Doc
from rasid.options import Options
from rasid.resources import data_tsv, resource
from rasid.text.matcher import PhraseMatcher

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


@resource("events.context")
def load_context(options: Options) -> dict[str, PhraseMatcher]:
    """kind -> matcher whose payload is the row's value (instrument sub-type, or '')."""
    out: dict[str, PhraseMatcher] = {}
    for row in data_tsv(DATA, "context_cues.tsv"):
        m = out.setdefault(row["kind"], PhraseMatcher())
        for form in _forms(row["phrase"]):
            m.add(form, row.get("value") or "")
    return out


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
def load_fatality_cues(options: Options) -> dict[str, PhraseMatcher]:
    out: dict[str, PhraseMatcher] = {}
    for row in data_tsv(DATA, "fatality_cues.tsv"):
        m = out.setdefault(row["kind"], PhraseMatcher())
        for form in _forms(row["phrase"]):
            m.add(form, int(row["value"]) if row.get("value") else 0)
    return out


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


def token_hits(doc: Doc, key: str, matcher: PhraseMatcher) -> dict[int, list]:
    """token index -> matches starting there (a per-doc index of ``cached_matches``)."""
    cache = doc.user.setdefault("events.token_hits", {})
    if key not in cache:
        idx: dict[int, list] = {}
        for m in cached_matches(doc, key, matcher):
            idx.setdefault(m.tok_start, []).append(m)
        cache[key] = idx
    return cache[key]
