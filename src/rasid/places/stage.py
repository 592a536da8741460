"""Place stage (placeholder until the places issue lands)."""

from __future__ import annotations

from rasid.doc import Doc, PlaceMention, Span
from rasid.pipeline import stage
from rasid.resources import Resources


@stage("places", requires=("sentences", "tokens"), assigns=("places",))
def places_stage(doc: Doc, resources: Resources) -> None:
    doc.places = []


def place_for(doc: Doc, anchor: Span) -> PlaceMention | None:
    """The most specific place the sentence of ``anchor`` supports for an event there."""
    return None
