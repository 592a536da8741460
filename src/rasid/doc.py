"""The document model: one ``Doc`` per article, spans as offsets into its raw text.

Every annotation a stage adds is a ``Span`` subclass carrying ``start``/``end``
offsets into ``Doc.text`` (the raw article, kept verbatim) and the text it covers,
so that ``doc.text[s.start:s.end] == s.text`` always holds.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from rasid.text.normalise import normalise


@dataclass
class Span:
    """A stretch of the raw text: ``text == doc.text[start:end]``."""

    start: int
    end: int
    text: str

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def within(self, other: Span) -> bool:
        return other.start <= self.start and self.end <= other.end


@dataclass
class Token(Span):
    """A whitespace/punctuation token with its normalised form and clitic analysis."""

    norm: str = ""
    base: str = ""  # normalised form with proclitics (و ف ب ل ك ال) removed
    prefix: str = ""  # the removed proclitics, normalised (e.g. "وال")
    index: int = 0
    sentence: int = 0


@dataclass
class TimeMention(Span):
    """A time expression resolved to a window of days with ACLED precision (1-3)."""

    date_start: dt.date | None = None
    date_end: dt.date | None = None
    precision: int | None = None
    category: str = ""
    sentence: int = 0
    governs: bool = True  # False: a duration, "since", or future date that must not date an event


@dataclass
class PlaceMention(Span):
    """A place name resolved (or not) to a gazetteer entry."""

    place_id: str | None = None
    name_en: str | None = None
    name_ar: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    feature: str = ""
    admin1: str | None = None
    country: str | None = None
    geo_precision: int | None = None
    near: bool = False  # "near X" / "south of X" style mention
    resolved: bool = True
    sentence: int = 0


@dataclass
class ActorMention(Span):
    """A mention of an actor: canonical actor (or None when unknown) and framing."""

    canonical: str | None = None
    actor_id: str | None = None
    kind: str = ""  # state, rebel, militia, identity, civilians, external, protesters, person, ...
    side: str | None = None
    country: str | None = None
    framing: str = "neutral"  # neutral | pro | hostile
    role: str | None = None  # for persons: spokesman, commander, minister ...
    sentence: int = 0


@dataclass
class Quote(Span):
    """Reported speech: the cue, who speaks, what is claimed. ``text`` covers cue..claim."""

    cue: str = ""
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_text: str | None = None
    speaker_actor: str | None = None  # canonical actor of the speaker (if known)
    speaker_role: str | None = None
    claim_start: int | None = None
    claim_end: int | None = None
    denied: bool = False
    sentence: int = 0
    names: list[str] = field(default_factory=list)  # who is claiming, most specific first (for claimed_by)
    via: str | None = None  # the outlet that relays the speaker ("نقلت صحيفة X عن مصادر ...")


@dataclass
class Trigger(Span):
    """A word or phrase that reports an event, typed in ACLED's taxonomy."""

    event_type: str = ""
    sub_event_type: str = ""
    confidence: float = 0.0
    modality: str = "asserted"  # asserted | threat | plan | denied | conditional | call | question | total | history | negated
    civilian_targeting: bool = False
    sentence: int = 0


@dataclass
class Event:
    """One event record (one happening as one article reports it)."""

    article_id: str
    event_id: str
    event_type: str
    sub_event_type: str
    date_start: str | None = None
    date_end: str | None = None
    time_precision: int | None = None
    location_name: str | None = None
    location_name_ar: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    admin1: str | None = None
    country: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    actor1_text: str | None = None
    actor2_text: str | None = None
    civilian_targeting: bool = False
    fatalities: int | None = None
    claimed_by: list[str] = field(default_factory=list)
    claim_denied: bool = False
    evidence: str = ""
    evidence_start: int = 0
    evidence_end: int = 0
    evidence_spans: list[tuple[int, int]] = field(default_factory=list)
    trigger: str = ""
    confidence: float = 0.0
    outlet: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        d = asdict(self)
        d["evidence_spans"] = [list(s) for s in self.evidence_spans]
        return d


@dataclass
class ArticleMeta:
    """What is known of an article besides its text."""

    article_id: str = ""
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    source: str | None = None  # file path or feed the article came from


class Doc:
    """One article: raw text, normalised view with offsets back, and annotations."""

    def __init__(self, text: str, meta: ArticleMeta | None = None) -> None:
        self.text = text
        self.meta = meta or ArticleMeta()
        self.norm, self._n2r = normalise(text)
        self.sentences: list[Span] = []
        self.tokens: list[Token] = []
        self.times: list[TimeMention] = []
        self.places: list[PlaceMention] = []
        self.actors: list[ActorMention] = []
        self.quotes: list[Quote] = []
        self.triggers: list[Trigger] = []
        self.events: list[Event] = []
        self.user: dict[str, Any] = {}  # scratch space for stages (not persisted)
        self._sent_starts: list[int] = []

    # --- offsets -------------------------------------------------------------
    def raw_span(self, nstart: int, nend: int) -> tuple[int, int]:
        """Map a [start, end) range of the normalised view to raw offsets."""
        if nend <= nstart:
            r = self._n2r[nstart]
            return r, r
        return self._n2r[nstart], self._n2r[nend - 1] + 1

    def raw_to_norm(self, raw_offset: int) -> int:
        """The first normalised index whose raw offset is >= ``raw_offset``."""
        return bisect.bisect_left(self._n2r, raw_offset, 0, len(self._n2r) - 1)

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def norm_of(self, start: int, end: int) -> str:
        """The normalised text of a raw range."""
        return self.norm[self.raw_to_norm(start) : self.raw_to_norm(end)]

    # --- navigation ----------------------------------------------------------
    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing raw ``offset`` (or the one before it)."""
        if len(self._sent_starts) != len(self.sentences):
            self._sent_starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(self._sent_starts, offset) - 1
        return max(i, 0)

    def sentence_of(self, span: Span) -> Span | None:
        if not self.sentences:
            return None
        return self.sentences[self.sentence_index(span.start)]

    def in_sentence(self, items: list, index: int) -> list:
        """The annotations of ``items`` whose ``sentence`` attribute is ``index``."""
        return [x for x in items if getattr(x, "sentence", -1) == index]

    def all_spans(self) -> list[Span]:
        """Every span of every layer (for invariant checks)."""
        out: list[Span] = []
        for layer in (
            self.sentences,
            self.tokens,
            self.times,
            self.places,
            self.actors,
            self.quotes,
            self.triggers,
        ):
            out.extend(layer)
        return out

    def __repr__(self) -> str:
        return f"Doc({self.meta.article_id!r}, {len(self.text)} chars, {len(self.events)} events)"
