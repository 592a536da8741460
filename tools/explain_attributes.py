"""Print gold against predicted values for every wrong attribute of matched events (development aid).

Usage: ``python tools/explain_attributes.py GOLD.jsonl [...] [--only actor2,location]``.
Never run it on a blind held-out set: reading its per-event errors ends its blindness.
"""

from __future__ import annotations

import argparse

from rasid.evaluate.gold import read_gold
from rasid.evaluate.run import predict
from rasid.evaluate.scorer import attribute_scores, haversine_km, score_article
from rasid.pipeline import Pipeline

PRED_FIELDS = {
    "sub_event_type": ("event_type", "sub_event_type"),
    "date": ("date_start", "date_end"),
    "location": ("location", "latitude", "longitude"),
    "actor1": ("actor1", "actor1_text"),
    "actor2": ("actor2", "actor2_text"),
    "civilian_targeting": ("civilian_targeting",),
    "fatalities": ("fatalities",),
    "claimed_by": ("claimed_by",),
}
GOLD_FIELDS = {
    "sub_event_type": "types", "date": "date", "location": "location", "actor1": "actor1",
    "actor2": "actor2", "civilian_targeting": "civilian_targeting", "fatalities": "fatalities",
    "claimed_by": "claimed_by",
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", nargs="+")
    ap.add_argument("--only", default="", help="comma-separated attributes to show")
    args = ap.parse_args(argv)
    only = {a for a in args.only.split(",") if a}
    pipeline = Pipeline()
    for path in args.gold:
        golds = read_gold(path)
        preds = predict(golds, pipeline)
        for g in golds:
            res = score_article(g, preds[g.id])
            for gid, p, _credit in res.matches:
                gold_event = res.gold_events[gid]
                wrong = [k for k, ok in attribute_scores(p, gold_event).items() if ok is False]
                wrong = [k for k in wrong if not only or k in only]
                if not wrong:
                    continue
                print(f"== {g.id} {gid}: {gold_event['evidence'][:110]}")
                print(f"   pred evidence: {g.text[p['evidence_start']:p['evidence_end']][:110]}")
                for k in wrong:
                    got = {f: p.get(f) for f in PRED_FIELDS[k]}
                    want = gold_event.get(GOLD_FIELDS[k])
                    extra = ""
                    if k == "location" and want and p.get("latitude") is not None:
                        km = haversine_km(p["latitude"], p["longitude"], want["lat"], want["lon"])
                        extra = f" ({km:.0f} km)"
                    print(f"   {k}: gold {want} | pred {got}{extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
