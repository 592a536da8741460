"""Language resources (lexicons, gazetteer, models): loaded once, passed to stages.

A module registers a loader with ``@resource("name")``; ``Resources.get("name")``
calls it the first time and caches the result for the life of the object.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from importlib import resources as _ir
from typing import Any

from rasid.options import Options

_LOADERS: dict[str, Callable[[Options], Any]] = {}


def resource(name: str) -> Callable[[Callable[[Options], Any]], Callable[[Options], Any]]:
    """Register a loader for a named resource."""

    def deco(fn: Callable[[Options], Any]) -> Callable[[Options], Any]:
        _LOADERS[name] = fn
        return fn

    return deco


class Resources:
    """Lazily loaded, cached language resources."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self._cache: dict[str, Any] = {}

    def get(self, name: str) -> Any:
        if name not in self._cache:
            try:
                loader = _LOADERS[name]
            except KeyError:
                raise KeyError(f"no resource named {name!r}; known: {sorted(_LOADERS)}") from None
            self._cache[name] = loader(self.options)
        return self._cache[name]


def data_text(package: str, name: str) -> str:
    """Read a data file shipped inside a package (e.g. ``("rasid.time.data", "months.tsv")``)."""
    return _ir.files(package).joinpath(name).read_text(encoding="utf-8")


def data_bytes(package: str, name: str) -> bytes:
    return _ir.files(package).joinpath(name).read_bytes()


def data_tsv(package: str, name: str) -> Iterator[dict[str, str]]:
    """Rows of a shipped TSV file with a header line; lines starting with '#' are comments."""
    text = data_text(package, name)
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    yield from csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)


def data_json(package: str, name: str) -> Any:
    return json.loads(data_text(package, name))
