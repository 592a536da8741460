"""The scorer implements ../shared/gold/README.md: checked with predictions built from the gold itself."""

from __future__ import annotations

import copy

import pytest

from rasid.evaluate.gold import locate, read_gold
from rasid.evaluate.scorer import fold_name, name_ok, score
from tests.conftest import SEEDS_GOLD


def perfect_predictions(gold):
    """One prediction per gold event with the gold's own preferred values."""
    preds = {}
    for art in gold:
        out = []
        for e in art.events:
            s, t = locate(art.text, e["evidence"])[0]
            loc = e.get("location") or {}
            out.append(
                {
                    "event_id": f"{art.id}-{e['id']}",
                    "event_type": e["types"][0][0],
                    "sub_event_type": e["types"][0][1],
                    "date_start": (e.get("date") or {}).get("start"),
                    "date_end": (e.get("date") or {}).get("end"),
                    "latitude": loc.get("lat"),
                    "longitude": loc.get("lon"),
                    "actor1": (e.get("actor1") or [None])[0],
                    "actor2": (e.get("actor2") or [None])[0],
                    "civilian_targeting": e.get("civilian_targeting", False),
                    "fatalities": e.get("fatalities"),
                    "claimed_by": (e.get("claimed_by") or [])[:1],
                    "evidence": art.text[s:t],
                    "evidence_start": s,
                    "evidence_end": t,
                }
            )
        preds[art.id] = out
    return preds


@pytest.fixture(scope="module")
def gold():
    if not SEEDS_GOLD.exists():
        pytest.skip("shared gold not present")
    return read_gold(SEEDS_GOLD)


def test_perfect_predictions_score_one(gold):
    rep = score(gold, perfect_predictions(gold))
    assert rep.f1 == 1.0
    assert rep.fp == 0 and rep.not_event_hits == 0
    for name, (acc, _n) in rep.attribute_accuracy().items():
        assert acc == 1.0, name


def test_no_predictions_miss_every_required_event(gold):
    rep = score(gold, {})
    required = sum(e["required"] for a in gold for e in a.events)
    assert rep.tp == 0 and rep.fn == required and rep.f1 == 0.0


def test_wrong_subtype_is_half_credit_and_wrong_type_no_match(gold):
    preds = perfect_predictions(gold)
    art = gold[0]
    req = [
        i
        for i, e in enumerate(art.events)
        if e["required"] and e["types"][0][0] == "Explosions/Remote violence"
    ][0]
    p = preds[art.id][req]
    p["sub_event_type"] = "Shelling/artillery/missile attack"
    rep = score(gold, preds)
    assert rep.tp == pytest.approx(rep.tp + rep.fn - 0.5)
    p["event_type"], p["sub_event_type"] = "Protests", "Peaceful protest"
    rep = score(gold, preds)
    assert rep.fp == 1 and rep.fn == 1


def test_date_outside_window_does_not_match(gold):
    preds = perfect_predictions(gold)
    art = gold[0]
    i = next(i for i, e in enumerate(art.events) if e["required"] and e["date"])
    preds[art.id][i]["date_start"] = preds[art.id][i]["date_end"] = "2001-01-01"
    assert score(gold, preds).fn == 1


def test_prediction_on_not_event_passage_is_a_hit(gold):
    preds = copy.deepcopy(perfect_predictions(gold))
    art = gold[0]
    s, t = locate(art.text, art.not_events[0])[0]
    preds[art.id].append(
        {
            "event_type": "Battles",
            "sub_event_type": "Armed clash",
            "evidence": art.text[s:t],
            "evidence_start": s,
            "evidence_end": t,
        }
    )
    rep = score(gold, preds)
    assert rep.not_event_hits == 1 and rep.fp == 1


def test_long_evidence_matches_nothing(gold):
    preds = perfect_predictions(gold)
    art = gold[0]
    i = next(i for i, e in enumerate(art.events) if e["required"])
    preds[art.id][i]["evidence_start"] = max(0, preds[art.id][i]["evidence_start"] - 700)
    assert score(gold, preds).fn == 1


def test_duplicate_predictions_count_once():
    from rasid.evaluate.gold import GoldArticle

    text = "قصفت الطائرات مدينة درنة أمس."
    g = GoldArticle(
        "a",
        text,
        "2015-07-21",
        [
            {
                "id": "e1",
                "required": True,
                "types": [["Explosions/Remote violence", "Air/drone strike"]],
                "date": None,
                "evidence": "قصفت الطائرات",
            }
        ],
        [],
    )
    p = {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "evidence_start": 0,
        "evidence_end": len(text),
    }
    rep = score([g], {"a": [p, dict(p)]})
    assert rep.tp == 1 and rep.fp == 1


def test_names_fold_case_and_letter_variants():
    assert fold_name("الجيش الوطني الليبي") == fold_name("الجيش الوطنى الليبى")
    assert name_ok(["lna"], ["LNA"])
    assert name_ok([None], None)
    assert not name_ok(["Turkey"], None)
