"""Shared fixtures: paths to the shared data and the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS_GOLD = SHARED / "gold" / "seeds.jsonl"
CORPUS = SHARED / "data" / "corpus"


def corpus_articles(
    n: int | None = None, files: tuple[str, ...] = ("libya_articles.jsonl", "other_conflicts_articles.jsonl")
):
    """Up to ``n`` corpus records, taken round-robin from the corpus files."""
    streams = []
    for f in files:
        path = CORPUS / f
        if path.exists():
            streams.append([json.loads(line) for line in path.open(encoding="utf-8") if line.strip()])
    out = []
    i = 0
    while streams and (n is None or len(out) < n):
        alive = [s for s in streams if i < len(s)]
        if not alive:
            break
        for s in alive:
            out.append(s[i])
            if n is not None and len(out) >= n:
                break
        i += 1
    return out


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, tuple[str, str]]:
    """Seed id -> (text, published) from the shared gold."""
    if not SEEDS_GOLD.exists():
        pytest.skip("shared gold not present")
    out = {}
    for line in SEEDS_GOLD.open(encoding="utf-8"):
        rec = json.loads(line)
        out[rec["id"]] = ((SHARED / rec["file"]).read_text(encoding="utf-8"), rec["published"])
    return out
