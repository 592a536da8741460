"""Quote stage (placeholder until the actors/attribution issue lands)."""

from __future__ import annotations

from rasid.doc import Doc, Span
from rasid.pipeline import stage
from rasid.resources import Resources


@stage("quotes", requires=("sentences", "tokens", "actors"), assigns=("quotes",))
def quotes_stage(doc: Doc, resources: Resources) -> None:
    doc.quotes = []


def claim_for(doc: Doc, anchor: Span) -> tuple[list[str], bool]:
    """(claimed_by, denied) for an event reported at ``anchor``; [] means the outlet itself."""
    return [], False
