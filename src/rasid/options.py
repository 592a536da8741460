"""One options object for the whole pipeline; every default lives here."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def default_db_path() -> Path:
    """Where the store lives unless ``--db`` says otherwise: $RASID_DB or ~/.local/share/rasid/rasid.db."""
    env = os.environ.get("RASID_DB")
    if env:
        return Path(env)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "rasid" / "rasid.db"


@dataclass
class Options:
    """Pipeline options with defaults."""

    stages: tuple[str, ...] = (
        "sentences",
        "tokens",
        "time",
        "places",
        "actors",
        "quotes",
        "triggers",
        "modality",
        "events",
    )
    # countries assumed for place disambiguation when the article gives no hint (ISO2)
    default_countries: tuple[str, ...] = ()
    min_event_confidence: float = 0.3
    max_article_chars: int = 300_000
    use_ner: bool = False
    extra: dict = field(default_factory=dict)
