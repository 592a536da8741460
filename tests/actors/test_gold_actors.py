"""actor1/actor2 of the whole pipeline on the matched events of the seed gold and the dev gold (devgold/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasid.evaluate.run import evaluate_files

REPO = Path(__file__).resolve().parents[2]
GOLD = [
    REPO.parent / "shared" / "gold" / "seeds.jsonl",
    REPO / "devgold" / "libya.jsonl",
    REPO / "devgold" / "other.jsonl",
]
# the target is 0.85 on both; the floor leaves room for changes in the event stage, which decides the matches
FLOOR = 0.75


def test_actor_accuracy_on_matched_gold_events():
    paths = [p for p in GOLD if p.exists()]
    if len(paths) < 2:
        pytest.skip("gold files not present")
    reports = evaluate_files(paths)
    for name, rep in reports.items():
        att = rep.to_dict(details=False)["attributes"]
        if "actor1" in att:
            print(
                f"{Path(name).name:14} actor1 {att['actor1']['accuracy']:.3f} actor2 {att['actor2']['accuracy']:.3f} "
                f"(n={att['actor1']['n']})"
            )
    att = reports["all"].to_dict(details=False)["attributes"]
    assert att["actor1"]["n"] >= 30
    assert att["actor1"]["accuracy"] >= FLOOR
    assert att["actor2"]["accuracy"] >= FLOOR
