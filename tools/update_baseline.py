"""Write baselines/eval.json: the headline gold numbers a test guards against regressions.

Run after an improvement: ``python tools/update_baseline.py`` (then commit the file).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from rasid.evaluate.run import evaluate_files  # noqa: E402

GOLD_FILES = {
    "seeds": REPO.parent / "shared" / "gold" / "seeds.jsonl",
    "devgold-libya": REPO / "devgold" / "libya.jsonl",
    "devgold-other": REPO / "devgold" / "other.jsonl",
    "devgold-more": REPO / "devgold" / "more.jsonl",
    "heldout": REPO / "devgold" / "heldout" / "heldout.jsonl",
    "heldout2": REPO / "devgold" / "heldout2" / "heldout2.jsonl",
    "heldout3": REPO / "devgold" / "heldout3" / "heldout3.jsonl",
    "devgold-dev4": REPO / "devgold" / "dev4" / "dev4.jsonl",
    "heldout4": REPO / "devgold" / "heldout4" / "heldout4.jsonl",
    "heldout5": REPO / "devgold" / "heldout5" / "heldout5.jsonl",
    "devgold-dev5": REPO / "devgold" / "dev5" / "dev5.jsonl",
    "devgold-dev6": REPO / "devgold" / "dev6" / "dev6.jsonl",
    "devgold-dev7": REPO / "devgold" / "dev7" / "dev7.jsonl",
    "devgold-dev8": REPO / "devgold" / "dev8" / "dev8.jsonl",
    "devgold-dev9": REPO / "devgold" / "dev9" / "dev9.jsonl",
    "devgold-dev10": REPO / "devgold" / "dev10" / "dev10.jsonl",
    "devgold-dev11": REPO / "devgold" / "dev11" / "dev11.jsonl",
    "devgold-dev12": REPO / "devgold" / "dev12" / "dev12.jsonl",
    "devgold-dev14": REPO / "devgold" / "dev14" / "dev14.jsonl",
    "heldout6": REPO / "devgold" / "heldout6" / "heldout6.jsonl",
    "heldout7": REPO / "devgold" / "heldout7" / "heldout7.jsonl",
}


def headline() -> dict:
    out = {}
    for name, path in GOLD_FILES.items():
        if not path.exists():
            continue
        rep = evaluate_files([path])[str(path)]
        d = rep.to_dict(details=False)
        out[name] = {
            "precision": d["precision"],
            "recall": d["recall"],
            "f1": d["f1"],
            "not_event_hits": d["not_event_hits"],
            "attributes": {k: v["accuracy"] for k, v in d["attributes"].items()},
        }
    return out


if __name__ == "__main__":
    data = headline()
    (REPO / "baselines" / "eval.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(data, indent=1))
