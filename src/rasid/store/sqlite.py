"""The default store: one SQLite file, schema created and migrated by rasid.

Articles are keyed by id and carry a content hash: ingesting the same article
again changes nothing; a changed article (or a new pipeline version) replaces
its own events in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rasid.doc import Event
from rasid.store.schema import BOOL_COLUMNS, EVENT_COLUMNS, JSON_COLUMNS, MIGRATIONS

EVENT_FIELDS = [n for n, _ in EVENT_COLUMNS]


class SQLiteStore:
    """Articles, events and input problems in one SQLite database file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(path))
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.migrate()

    # --- schema ---------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        version = self.schema_version
        for i, sql in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.conn:
                self.conn.executescript(sql)
                self.conn.execute(f"PRAGMA user_version = {i}")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing --------------------------------------------------------------
    def article_state(self, article_id: str) -> tuple[str, str] | None:
        """(content_hash, pipeline_version) of a stored article, or None."""
        row = self.conn.execute(
            "SELECT content_hash, pipeline_version FROM articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def needs_update(self, article_id: str, content_hash: str, pipeline_version: str) -> bool:
        return self.article_state(article_id) != (content_hash, pipeline_version)

    def save_article(self, article: Any, events: Iterable[Event], pipeline_version: str) -> str:
        """Store an article and its events; return 'new', 'replaced' or 'unchanged'."""
        state = self.article_state(article.id)
        new_state = (article.content_hash, pipeline_version)
        if state == new_state:
            return "unchanged"
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.conn:
            self.conn.execute("DELETE FROM events WHERE article_id = ?", (article.id,))
            self.conn.execute(
                """INSERT INTO articles (article_id, content_hash, pipeline_version, title, published, outlet, url, source, text, ingested_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(article_id) DO UPDATE SET content_hash=excluded.content_hash,
                     pipeline_version=excluded.pipeline_version, title=excluded.title, published=excluded.published,
                     outlet=excluded.outlet, url=excluded.url, source=excluded.source, text=excluded.text,
                     ingested_at=excluded.ingested_at""",
                (
                    article.id,
                    article.content_hash,
                    pipeline_version,
                    article.title,
                    article.published.isoformat() if article.published else None,
                    article.outlet,
                    article.url,
                    article.source,
                    article.text,
                    now,
                ),
            )
            self.conn.executemany(
                f"INSERT INTO events ({', '.join(EVENT_FIELDS)}) VALUES ({', '.join('?' for _ in EVENT_FIELDS)})",
                [self._event_row(e) for e in events],
            )
            self.conn.execute("DELETE FROM problems WHERE source LIKE ?", (f"{article.source}%",))
        return "new" if state is None else "replaced"

    def record_problem(self, source: str, reason: str) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.conn:
            self.conn.execute(
                "INSERT INTO problems (source, reason, seen_at) VALUES (?, ?, ?) "
                "ON CONFLICT(source) DO UPDATE SET reason=excluded.reason, seen_at=excluded.seen_at",
                (source, reason, now),
            )

    @staticmethod
    def _event_row(e: Event) -> tuple:
        d = e.to_dict()
        row = []
        for name in EVENT_FIELDS:
            v = d.get(name)
            if name in JSON_COLUMNS:
                v = json.dumps(v, ensure_ascii=False)
            elif name in BOOL_COLUMNS:
                v = int(bool(v))
            row.append(v)
        return tuple(row)

    # --- reading --------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        q = self.conn.execute
        return {
            "articles": q("SELECT COUNT(*) FROM articles").fetchone()[0],
            "events": q("SELECT COUNT(*) FROM events").fetchone()[0],
            "problems": q("SELECT COUNT(*) FROM problems").fetchone()[0],
        }

    def events(
        self,
        date_from: str | None = None,
        date_to: str | None = None,
        place: str | None = None,
        actor: str | None = None,
        event_type: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Events matching all given filters (place/actor/type: case-insensitive substring)."""
        where, args = [], []
        if date_from:
            where.append("COALESCE(date_end, date_start) >= ?")
            args.append(date_from)
        if date_to:
            where.append("date_start <= ?")
            args.append(date_to)
        if place:
            where.append(
                "(location_name LIKE ? OR location_name_ar LIKE ? OR admin1 LIKE ? OR country LIKE ?)"
            )
            args += [f"%{place}%"] * 4
        if actor:
            where.append("(actor1 LIKE ? OR actor2 LIKE ? OR actor1_text LIKE ? OR actor2_text LIKE ?)")
            args += [f"%{actor}%"] * 4
        if event_type:
            where.append("(event_type LIKE ? OR sub_event_type LIKE ?)")
            args += [f"%{event_type}%"] * 2
        if article_id:
            where.append("article_id = ?")
            args.append(article_id)
        sql = "SELECT * FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY date_start IS NULL, date_start, article_id, event_id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        out = []
        for row in self.conn.execute(sql, args):
            d = dict(row)
            for k in JSON_COLUMNS:
                d[k] = json.loads(d[k]) if d[k] else []
            for k in BOOL_COLUMNS:
                d[k] = bool(d[k])
            out.append(d)
        return out
