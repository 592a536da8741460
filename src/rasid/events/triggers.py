"""Trigger stage (placeholder until the events issue lands)."""

from __future__ import annotations

from rasid.doc import Doc
from rasid.pipeline import stage
from rasid.resources import Resources


@stage("triggers", requires=("sentences", "tokens"), assigns=("triggers",))
def triggers_stage(doc: Doc, resources: Resources) -> None:
    doc.triggers = []
