"""The stage registry and the ``Pipeline`` that runs stages in order over a ``Doc``.

A stage is a function ``(doc, resources) -> None`` registered with
``@stage(name, requires=..., assigns=...)``. ``requires`` and ``assigns`` name
Doc layers ("sentences", "tokens", "times", "places", "actors", "quotes",
"triggers", "events"); the pipeline checks that each stage's inputs are
assigned by an earlier stage.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from rasid.doc import ArticleMeta, Doc, Event
from rasid.options import Options
from rasid.resources import Resources

StageFn = Callable[[Doc, Resources], None]


@dataclass(frozen=True)
class StageInfo:
    name: str
    fn: StageFn
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


_STAGES: dict[str, StageInfo] = {}

# where each stage is defined: importing the module registers it
STAGE_MODULES: dict[str, str] = {
    "sentences": "rasid.text.sentences",
    "tokens": "rasid.text.tokens",
    "time": "rasid.time.stage",
    "places": "rasid.places.stage",
    "actors": "rasid.actors.stage",
    "quotes": "rasid.quotes.stage",
    "triggers": "rasid.events.triggers",
    "modality": "rasid.events.modality",
    "events": "rasid.events.assembly",
}


def stage(
    name: str, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()
) -> Callable[[StageFn], StageFn]:
    """Register a pipeline stage."""

    def deco(fn: StageFn) -> StageFn:
        _STAGES[name] = StageInfo(name, fn, tuple(requires), tuple(assigns))
        return fn

    return deco


def get_stage(name: str) -> StageInfo:
    if name not in _STAGES:
        module = STAGE_MODULES.get(name)
        if module is None:
            raise KeyError(f"unknown stage {name!r}; known: {sorted(STAGE_MODULES)}")
        importlib.import_module(module)
    return _STAGES[name]


class Pipeline:
    """Runs the configured stages in order; resources are loaded once and shared."""

    def __init__(self, options: Options | None = None, resources: Resources | None = None) -> None:
        self.options = options or Options()
        self.resources = resources or Resources(self.options)
        self.stages = [get_stage(n) for n in self.options.stages]
        assigned: set[str] = set()
        for st in self.stages:
            missing = [r for r in st.requires if r not in assigned]
            if missing:
                raise ValueError(f"stage {st.name!r} needs {missing}, which no earlier stage assigns")
            assigned.update(st.assigns)

    def __call__(self, doc: Doc) -> Doc:
        for st in self.stages:
            st.fn(doc, self.resources)
        return doc

    def make_doc(self, text: str, meta: ArticleMeta | None = None) -> Doc:
        return self(Doc(text, meta))

    def extract(self, text: str, meta: ArticleMeta | None = None) -> list[Event]:
        return self.make_doc(text, meta).events
