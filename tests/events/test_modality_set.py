"""The events stage on 200 real sentences labelled blind: does it code the reports and skip the rest?

``modality_sentences.tsv`` (see README_modality_sentences.md): 100 sentences that report a happening and 100
that only talk about one (threats, plans, calls, denials, totals, history, rumour, judicial, references).
First run, before any change made for it: event recall 0.72, not-event specificity 0.81, accuracy 0.765.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import rasid

HERE = Path(__file__).parent
FLOORS = {"event_recall": 0.73, "none_specificity": 0.87, "accuracy": 0.81}


def _rows() -> list[dict[str, str]]:
    text = (HERE / "modality_sentences.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE))


def test_modality_set_accuracy():
    rows = _rows()
    assert len(rows) == 200
    hit = {"event": 0, "none": 0}
    total = {"event": 0, "none": 0}
    wrong = []
    for r in rows:
        doc = rasid.analyse(r["sentence"], r["published"] or None)
        ok = bool(doc.events) == (r["label"] == "event")
        total[r["label"]] += 1
        hit[r["label"]] += ok
        if not ok:
            wrong.append((r["label"], r["kind"], r["sentence"][:60]))
    figures = {
        "event_recall": hit["event"] / total["event"],
        "none_specificity": hit["none"] / total["none"],
        "accuracy": (hit["event"] + hit["none"]) / len(rows),
    }
    for name, floor in FLOORS.items():
        assert figures[name] >= floor, (figures, wrong[:20])
