"""The store's tables, as an ordered list of migrations (shared by the backends)."""

from __future__ import annotations

EVENT_COLUMNS: list[tuple[str, str]] = [
    ("event_id", "TEXT PRIMARY KEY"),
    ("article_id", "TEXT NOT NULL"),
    ("event_type", "TEXT NOT NULL"),
    ("sub_event_type", "TEXT NOT NULL"),
    ("date_start", "TEXT"),
    ("date_end", "TEXT"),
    ("time_precision", "INTEGER"),
    ("location_name", "TEXT"),
    ("location_name_ar", "TEXT"),
    ("latitude", "REAL"),
    ("longitude", "REAL"),
    ("geo_precision", "INTEGER"),
    ("admin1", "TEXT"),
    ("country", "TEXT"),
    ("actor1", "TEXT"),
    ("actor2", "TEXT"),
    ("actor1_text", "TEXT"),
    ("actor2_text", "TEXT"),
    ("civilian_targeting", "INTEGER"),
    ("fatalities", "INTEGER"),
    ("claimed_by", "TEXT"),  # JSON list
    ("claim_denied", "INTEGER"),
    ("evidence", "TEXT"),
    ("evidence_start", "INTEGER"),
    ("evidence_end", "INTEGER"),
    ("evidence_spans", "TEXT"),  # JSON list of [start, end]
    ("trigger", "TEXT"),
    ("confidence", "REAL"),
    ("outlet", "TEXT"),
    ("url", "TEXT"),
]
JSON_COLUMNS = {"claimed_by", "evidence_spans"}
BOOL_COLUMNS = {"civilian_targeting", "claim_denied"}

MIGRATIONS: list[str] = [
    # 1: articles, events, input problems
    """
    CREATE TABLE articles (
        article_id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        pipeline_version TEXT NOT NULL,
        title TEXT,
        published TEXT,
        outlet TEXT,
        url TEXT,
        source TEXT,
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE events (
    """
    + ",\n".join(f"        {n} {t}" for n, t in EVENT_COLUMNS)
    + """,
        FOREIGN KEY (article_id) REFERENCES articles(article_id) ON DELETE CASCADE
    );
    CREATE INDEX events_article ON events(article_id);
    CREATE INDEX events_date ON events(date_start);
    CREATE INDEX events_type ON events(event_type);
    CREATE TABLE problems (
        source TEXT PRIMARY KEY,
        reason TEXT NOT NULL,
        seen_at TEXT NOT NULL
    );
    """,
]
