"""Modality stage (placeholder): marks triggers that are not events."""

from __future__ import annotations

from rasid.doc import Doc
from rasid.pipeline import stage
from rasid.resources import Resources


@stage("modality", requires=("sentences", "tokens", "triggers"), assigns=())
def modality_stage(doc: Doc, resources: Resources) -> None:
    return None
