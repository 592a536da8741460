"""The CLI end to end on the shipped samples: extract, store, query, export."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from tests.conftest import REPO

SAMPLES = REPO / "samples" / "seeds.jsonl"


def rasid(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rasid.cli", *args], capture_output=True, text=True, timeout=600)


def test_extract_jsonl_fields_and_store(tmp_path):
    """The samples give events with every documented field; the store returns the same events."""
    db = tmp_path / "r.db"
    r = rasid("extract", str(SAMPLES), "--db", str(db))
    assert r.returncode == 0, r.stderr
    assert f"stored in {db}" in r.stderr
    events = [json.loads(line) for line in r.stdout.splitlines()]
    required = {
        "article_id", "event_id", "event_type", "sub_event_type", "date_start", "date_end", "time_precision",
        "location_name", "location_name_ar", "latitude", "longitude", "geo_precision", "admin1", "country",
        "actor1", "actor2", "actor1_text", "actor2_text", "civilian_targeting", "fatalities", "claimed_by",
        "evidence", "evidence_start", "evidence_end", "confidence", "outlet", "url",
    }  # fmt: skip
    texts = {json.loads(line)["id"]: json.loads(line)["text"] for line in SAMPLES.open(encoding="utf-8")}
    for e in events:
        assert required <= set(e)
        assert texts[e["article_id"]][e["evidence_start"] : e["evidence_end"]] == e["evidence"]
    assert len({e["event_id"] for e in events}) == len(events)

    q = rasid("events", "--db", str(db), "--format", "jsonl")
    assert q.returncode == 0
    stored = [json.loads(line) for line in q.stdout.splitlines()]
    assert sorted(e["event_id"] for e in stored) == sorted(e["event_id"] for e in events)

    c = rasid("events", "--db", str(db), "--format", "csv")
    reader = csv.DictReader(io.StringIO(c.stdout))
    rows = list(reader)
    assert len(rows) == len(events)
    assert {"event_date", "event_type", "sub_event_type", "actor1", "latitude", "notes"} <= set(reader.fieldnames)

    g = rasid("events", "--db", str(db), "--format", "geojson")
    fc = json.loads(g.stdout)
    assert fc["type"] == "FeatureCollection"
    assert all(-90 <= f["geometry"]["coordinates"][1] <= 90 for f in fc["features"])


def test_parallel_jobs_give_the_same_events(tmp_path):
    one = rasid("extract", str(SAMPLES), "--no-store")
    two = rasid("extract", str(SAMPLES), "--no-store", "--jobs", "2")
    assert one.returncode == two.returncode == 0
    assert sorted(one.stdout.splitlines()) == sorted(two.stdout.splitlines())


def test_events_without_store_says_what_to_do(tmp_path):
    r = rasid("events", "--db", str(tmp_path / "none.db"))
    assert r.returncode == 2 and "rasid extract" in r.stderr


def test_help_speaks_plainly():
    r = rasid("--help")
    assert "Arabic news" in r.stdout and "extract" in r.stdout and "eval" in r.stdout
