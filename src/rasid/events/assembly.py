"""Event assembly (placeholder): one record per asserted trigger."""

from __future__ import annotations

from rasid.doc import Doc
from rasid.pipeline import stage
from rasid.resources import Resources


@stage("events", requires=("sentences", "tokens", "times", "places", "actors", "quotes", "triggers"), assigns=("events",))
def events_stage(doc: Doc, resources: Resources) -> None:
    doc.events = []
