"""Exports of event records: JSON Lines, ACLED-style CSV, GeoJSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

ACLED_COLUMNS = [
    ("event_id_cnty", "event_id"),
    ("event_date", "date_start"),
    ("time_precision", "time_precision"),
    ("event_type", "event_type"),
    ("sub_event_type", "sub_event_type"),
    ("actor1", "actor1"),
    ("actor2", "actor2"),
    ("civilian_targeting", "civilian_targeting"),
    ("country", "country"),
    ("admin1", "admin1"),
    ("location", "location_name"),
    ("latitude", "latitude"),
    ("longitude", "longitude"),
    ("geo_precision", "geo_precision"),
    ("source", "outlet"),
    ("source_scale", None),
    ("notes", "evidence"),
    ("fatalities", "fatalities"),
]


def to_jsonl(events: Iterable[dict[str, Any]]) -> str:
    return "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events)


def to_acled_csv(events: Iterable[dict[str, Any]]) -> str:
    """ACLED's column names and conventions (civilian_targeting as 'Civilian targeting' or empty)."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow([c for c, _ in ACLED_COLUMNS] + ["date_end", "claimed_by", "article_id", "url"])
    for e in events:
        row = []
        for col, key in ACLED_COLUMNS:
            v = e.get(key) if key else ""
            if col == "civilian_targeting":
                v = "Civilian targeting" if v else ""
            if col == "fatalities" and v is None:
                v = 0
            row.append("" if v is None else v)
        row += [
            e.get("date_end") or "",
            "; ".join(e.get("claimed_by") or []),
            e.get("article_id", ""),
            e.get("url") or "",
        ]
        w.writerow(row)
    return buf.getvalue()


def to_geojson(events: Iterable[dict[str, Any]]) -> str:
    """A FeatureCollection of the events that have coordinates."""
    feats = []
    for e in events:
        if e.get("latitude") is None or e.get("longitude") is None:
            continue
        props = {k: v for k, v in e.items() if k not in ("latitude", "longitude")}
        feats.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [e["longitude"], e["latitude"]]},
                "properties": props,
            }
        )
    return json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False)


def to_table(events: list[dict[str, Any]], width: int = 28) -> str:
    """A plain-text table for the terminal."""
    cols = [
        (
            "date",
            lambda e: (
                e.get("date_start") or "?"
                if e.get("date_start") == e.get("date_end")
                else f"{e.get('date_start') or '?'}..{(e.get('date_end') or '?')[5:]}"
            ),
        ),
        ("type", lambda e: e.get("sub_event_type") or ""),
        ("place", lambda e: e.get("location_name") or e.get("location_name_ar") or ""),
        ("actor1", lambda e: e.get("actor1") or ""),
        ("actor2", lambda e: e.get("actor2") or ""),
        ("dead", lambda e: "" if e.get("fatalities") is None else str(e["fatalities"])),
        ("claimed by", lambda e: ", ".join((e.get("claimed_by") or [])[:1]) or "(outlet)"),
        ("article", lambda e: e.get("article_id") or ""),
    ]

    def cut(s: str) -> str:
        s = " ".join(str(s).split())
        return s if len(s) <= width else s[: width - 1] + "…"

    rows = [[cut(f(e)) for _, f in cols] for e in events]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, (h, _) in enumerate(cols)]
    line = "  ".join(h.ljust(w) for (h, _), w in zip(cols, widths))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
    return "\n".join(out)


FORMATS = {"jsonl": to_jsonl, "csv": to_acled_csv, "geojson": to_geojson}
