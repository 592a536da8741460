"""Shared helpers for the actor tests: articles by id, a pipeline that runs only up to the actor stage (with the
places stage before it, as in the full pipeline: the actors stage reads doc.places for country context)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from functools import lru_cache
from pathlib import Path

import pytest

from rasid.doc import ArticleMeta, Doc
from rasid.options import Options
from rasid.pipeline import Pipeline
from rasid.text.normalise import norm

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent.parent / "shared"


def read_tsv(name: str) -> list[dict[str, str]]:
    text = (HERE / name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=1)
def articles() -> dict[str, str]:
    """Article id -> raw text, for the corpus files and the seeds."""
    out: dict[str, str] = {}
    for f in ("libya_articles.jsonl", "other_conflicts_articles.jsonl"):
        p = SHARED / "data" / "corpus" / f
        if p.exists():
            for line in p.open(encoding="utf-8"):
                r = json.loads(line)
                out[r["id"]] = r["text"]
    gold = SHARED / "gold" / "seeds.jsonl"
    if gold.exists():
        for line in gold.open(encoding="utf-8"):
            r = json.loads(line)
            out[r["id"]] = (SHARED / r["file"]).read_text(encoding="utf-8")
    return out


@lru_cache(maxsize=1)
def actor_pipeline() -> Pipeline:
    return Pipeline(Options(stages=("sentences", "tokens", "places", "actors")))


_DOCS: dict[tuple[str, str], Doc] = {}


def analysed(source: str, published: str) -> Doc:
    key = (source, published)
    if key not in _DOCS:
        text = articles()[source]
        meta = ArticleMeta(article_id=source, published=dt.date.fromisoformat(published))
        _DOCS[key] = actor_pipeline()(Doc(text, meta))
    return _DOCS[key]


def fold(name: str | None) -> str:
    """Case, Arabic letter variants, tatweel and whitespace folded (as the gold scorer compares names)."""
    return norm(name or "").replace("ـ", "").strip().lower()


@pytest.fixture(scope="session")
def need_shared():
    if not articles():
        pytest.skip("shared corpus and seeds not present")
