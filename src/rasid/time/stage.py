"""Time stage (placeholder until the time issue lands): finds no expressions."""

from __future__ import annotations

from rasid.doc import Doc, Span, TimeMention
from rasid.pipeline import stage
from rasid.resources import Resources


@stage("time", requires=("sentences", "tokens"), assigns=("times",))
def time_stage(doc: Doc, resources: Resources) -> None:
    doc.times = []


def event_window(doc: Doc, anchor: Span) -> TimeMention | None:
    """The time window governing an event reported at ``anchor`` (a trigger span).

    Governing expression of the clause, else the nearest before it in the sentence,
    else the article's own reference (publication date, low precision).
    """
    return None
