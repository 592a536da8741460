"""Actor stage (placeholder until the actors issue lands)."""

from __future__ import annotations

from rasid.doc import ActorMention, Doc, Span
from rasid.pipeline import stage
from rasid.resources import Resources


@stage("actors", requires=("sentences", "tokens"), assigns=("actors",))
def actors_stage(doc: Doc, resources: Resources) -> None:
    doc.actors = []


def actors_for(doc: Doc, anchor: Span) -> tuple[ActorMention | None, ActorMention | None]:
    """(actor1, actor2) of an event reported at ``anchor``: who acts, who is acted upon."""
    return None, None
