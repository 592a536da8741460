"""Event locations: place_for on the evidence of every required gold event with a location.

Gold: the seeds (/work/shared/gold/seeds.jsonl) and the dev gold of the repo (devgold/libya.jsonl,
devgold/other.jsonl: Yemen, Syria, Iraq, Turkey). The anchor is the gold evidence span, so the number
measures the place stage alone (the full pipeline's figure on matched events is in
benchmarks/results/places.md). A prediction is right within the gold radius.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from rasid.doc import Span
from rasid.options import Options
from rasid.pipeline import Pipeline
from rasid.places.stage import place_for

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
GOLD = [
    (SHARED / "gold" / "seeds.jsonl", SHARED),
    (REPO / "devgold" / "libya.jsonl", REPO),
    (REPO / "devgold" / "other.jsonl", REPO),
]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _evidence_span(text: str, evidence: str) -> tuple[int, int] | None:
    folded, idx = [], []
    for i, ch in enumerate(text):
        if ch.isspace():
            if folded and folded[-1] == " ":
                continue
            ch = " "
        folded.append(ch)
        idx.append(i)
    ev = " ".join(evidence.split())
    k = "".join(folded).find(ev)
    if k < 0:
        return None
    return idx[k], idx[k + len(ev) - 1] + 1


def evaluate() -> dict[str, list[int]]:
    pipe = Pipeline(Options(stages=("sentences", "tokens", "places")))
    out: dict[str, list[int]] = {}
    for path, base in GOLD:
        if not path.exists():
            continue
        good = total = 0
        for line in path.open(encoding="utf-8"):
            art = json.loads(line)
            text = (base / art["file"]).read_text(encoding="utf-8")
            doc = pipe.make_doc(text)
            for ev in art["events"]:
                loc = ev.get("location")
                if not loc or not ev.get("required"):
                    continue
                span = _evidence_span(text, ev["evidence"])
                assert span is not None, (art["id"], ev["id"])
                pm = place_for(doc, Span(span[0], span[1], text[span[0] : span[1]]))
                total += 1
                if pm is not None and pm.latitude is not None:
                    good += _km(pm.latitude, pm.longitude, loc["lat"], loc["lon"]) <= loc["radius_km"]
        out[path.stem] = [good, total]
    return out


@pytest.mark.skipif(not (SHARED / "gold" / "seeds.jsonl").exists(), reason="shared gold not present")
def test_event_locations(capsys):
    res = evaluate()
    good = sum(g for g, _ in res.values())
    total = sum(t for _, t in res.values())
    with capsys.disabled():
        print()
        for name, (g, t) in res.items():
            print(f"event locations {name}: {g}/{t} = {g / t:.3f}")
        print(f"event locations all: {good}/{total} = {good / total:.3f}")
    assert total >= 50
    assert good / total >= 0.90
