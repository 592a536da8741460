"""Scoring predicted events against gold, as ../shared/gold/README.md defines it.

1. A prediction matches a gold event when its evidence overlaps (or its sentence
   contains) the gold evidence, its evidence is at most 600 characters, its
   type pair is acceptable (event type alone: a partial match worth half), and
   its date, if any, lies in the gold window widened by one day each side.
2. Each gold event matches at most one prediction (and each prediction at most
   one gold event). Matched required events are true positives, unmatched
   required ones misses; predictions matching nothing (and no optional event)
   are false positives; predictions matching optional events are ignored.
3. Attributes are scored on matched required pairs.
4. A prediction on a ``not_events`` passage is a false positive whatever it matches.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

from rasid.evaluate.gold import GoldArticle, locate
from rasid.text.normalise import norm

MAX_EVIDENCE = 600
ATTRIBUTES = (
    "sub_event_type",
    "date",
    "location",
    "actor1",
    "actor2",
    "civilian_targeting",
    "fatalities",
    "claimed_by",
)


def _d(s: str | None) -> dt.date | None:
    return dt.date.fromisoformat(s[:10]) if s else None


def fold_name(name: str) -> str:
    """Names compared with case and Arabic letter variants folded."""
    return norm(name).replace("ال", "").replace(" ", "") if name else ""


def name_ok(pred_names: list[str | None], gold_names: list[str] | None) -> bool:
    """Pred (any of its names) among acceptable gold names; both empty counts as right."""
    preds = [p for p in pred_names if p]
    if not gold_names:
        return not preds
    gold = {fold_name(g) for g in gold_names}
    return any(fold_name(p) in gold for p in preds)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def date_ok(pred: dict[str, Any], gold_date: dict | None) -> bool | None:
    """True/False when the pred has a date and gold a window; None when no window to test."""
    if not gold_date:
        return None
    ps, pe = _d(pred.get("date_start")), _d(pred.get("date_end") or pred.get("date_start"))
    if ps is None:
        return False
    gs = _d(gold_date["start"]) - dt.timedelta(days=1)
    ge = _d(gold_date["end"]) + dt.timedelta(days=1)
    return gs <= ps and pe <= ge


def type_credit(pred: dict[str, Any], types: list[list[str]]) -> float:
    pair = [pred.get("event_type"), pred.get("sub_event_type")]
    if pair in [list(t) for t in types]:
        return 1.0
    if any(pred.get("event_type") == t[0] for t in types):
        return 0.5
    return 0.0


def attribute_scores(pred: dict[str, Any], gold: dict[str, Any]) -> dict[str, bool | None]:
    """Per-attribute correctness on one matched pair (None: not applicable)."""
    out: dict[str, bool | None] = {}
    out["sub_event_type"] = type_credit(pred, gold["types"]) == 1.0
    out["date"] = date_ok(pred, gold.get("date"))
    loc = gold.get("location")
    if loc:
        if pred.get("latitude") is None:
            out["location"] = False
        else:
            dist = haversine_km(pred["latitude"], pred["longitude"], loc["lat"], loc["lon"])
            out["location"] = dist <= loc.get("radius_km", 25)
    else:
        out["location"] = None
    out["actor1"] = name_ok([pred.get("actor1"), pred.get("actor1_text")], gold.get("actor1"))
    out["actor2"] = name_ok([pred.get("actor2"), pred.get("actor2_text")], gold.get("actor2"))
    out["civilian_targeting"] = bool(pred.get("civilian_targeting")) == bool(gold.get("civilian_targeting"))
    out["fatalities"] = pred.get("fatalities") == gold.get("fatalities")
    out["claimed_by"] = name_ok(list(pred.get("claimed_by") or []), gold.get("claimed_by"))
    return out


@dataclass
class ArticleScore:
    id: str
    tp: float = 0.0
    fp: int = 0
    fn: float = 0.0
    not_event_hits: int = 0
    matches: list[tuple[str, dict, float]] = field(default_factory=list)  # (gold id, pred, credit)
    misses: list[dict] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)
    not_event_predictions: list[tuple[str, dict]] = field(default_factory=list)
    attributes: dict[str, list[bool]] = field(default_factory=dict)
    gold_events: dict[str, dict] = field(default_factory=dict)


def _overlaps(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def score_article(gold: GoldArticle, preds: list[dict[str, Any]]) -> ArticleScore:
    """Score one article's predictions against its gold annotations."""
    res = ArticleScore(gold.id, gold_events={e["id"]: e for e in gold.events})
    text = gold.text
    gold_spans = [locate(text, g["evidence"]) for g in gold.events]
    not_spans = [locate(text, p) for p in gold.not_events]

    def pspan(p: dict) -> tuple[int, int]:
        return (int(p.get("evidence_start", 0)), int(p.get("evidence_end", 0)))

    # candidate edges (pred index, gold index, credit)
    cands: dict[int, list[tuple[int, float]]] = {}
    for pi, p in enumerate(preds):
        sp = pspan(p)
        if sp[1] - sp[0] > MAX_EVIDENCE:
            continue
        for gi, g in enumerate(gold.events):
            if not _overlaps(sp, gold_spans[gi]):
                continue
            credit = type_credit(p, g["types"])
            if credit == 0.0:
                continue
            if date_ok(p, g.get("date")) is False and p.get("date_start"):
                continue
            cands.setdefault(pi, []).append((gi, credit))

    # one-to-one assignment: required & full credit first, then partial, then optional (augmenting paths)
    gold_of: dict[int, int] = {}
    pred_of: dict[int, int] = {}

    def try_assign(pi: int, allowed: set[tuple[int, int]], seen: set[int]) -> bool:
        for gi, _credit in cands.get(pi, []):
            if (pi, gi) not in allowed or gi in seen:
                continue
            seen.add(gi)
            if gi not in pred_of or try_assign(pred_of[gi], allowed, seen):
                pred_of[gi] = pi
                gold_of[pi] = gi
                return True
        return False

    allowed: set[tuple[int, int]] = set()
    for tier in (
        lambda g, c: g["required"] and c == 1.0,
        lambda g, c: g["required"],
        lambda g, c: True,
    ):
        for pi, lst in cands.items():
            for gi, c in lst:
                if tier(gold.events[gi], c):
                    allowed.add((pi, gi))
        for pi in cands:
            if pi not in gold_of:
                try_assign(pi, allowed, set())

    for pi, p in enumerate(preds):
        hits = [gold.not_events[k] for k, sp in enumerate(not_spans) if _overlaps(pspan(p), sp)]
        if hits:
            res.not_event_hits += 1
            res.fp += 1
            res.not_event_predictions.append((hits[0], p))
            gi = gold_of.pop(pi, None)
            if gi is not None:
                pred_of.pop(gi, None)
            continue
        if pi in gold_of:
            continue
        if pi in cands and any(not gold.events[gi]["required"] for gi, _ in cands[pi]):
            continue  # matches an optional event (already taken or not): ignored
        res.fp += 1
        res.false_positives.append(p)

    for gi, g in enumerate(gold.events):
        if not g["required"]:
            continue
        if gi in pred_of:
            p = preds[pred_of[gi]]
            credit = dict(cands[pred_of[gi]])[gi]
            res.tp += credit
            res.fn += 1 - credit
            res.matches.append((g["id"], p, credit))
            for k, v in attribute_scores(p, g).items():
                if v is not None:
                    res.attributes.setdefault(k, []).append(v)
        else:
            res.fn += 1
            res.misses.append(g)
    return res


@dataclass
class Report:
    articles: list[ArticleScore]

    @property
    def tp(self) -> float:
        return sum(a.tp for a in self.articles)

    @property
    def fp(self) -> int:
        return sum(a.fp for a in self.articles)

    @property
    def fn(self) -> float:
        return sum(a.fn for a in self.articles)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def not_event_hits(self) -> int:
        return sum(a.not_event_hits for a in self.articles)

    def attribute_accuracy(self) -> dict[str, tuple[float, int]]:
        out: dict[str, tuple[float, int]] = {}
        for k in ATTRIBUTES:
            vals = [v for a in self.articles for v in a.attributes.get(k, [])]
            out[k] = (sum(vals) / len(vals) if vals else 0.0, len(vals))
        return out

    def to_dict(self, details: bool = True) -> dict[str, Any]:
        d: dict[str, Any] = {
            "articles": len(self.articles),
            "required_events": round(self.tp + self.fn, 2),
            "true_positives": round(self.tp, 2),
            "false_positives": self.fp,
            "misses": round(self.fn, 2),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "not_event_hits": self.not_event_hits,
            "attributes": {
                k: {"accuracy": round(v, 4), "n": n} for k, (v, n) in self.attribute_accuracy().items()
            },
        }
        if details:
            d["missed"] = [
                {"article": a.id, "gold": g["id"], "evidence": g["evidence"]}
                for a in self.articles
                for g in a.misses
            ]
            d["false_positive_list"] = [
                {
                    "article": a.id,
                    "type": f"{p.get('event_type')} / {p.get('sub_event_type')}",
                    "evidence": p.get("evidence", "")[:200],
                }
                for a in self.articles
                for p in a.false_positives
            ]
            d["not_event_hit_list"] = [
                {"article": a.id, "passage": passage, "evidence": p.get("evidence", "")[:200]}
                for a in self.articles
                for passage, p in a.not_event_predictions
            ]
            d["attribute_errors"] = [
                {
                    "article": a.id,
                    "gold": gid,
                    "wrong": [k for k, v in attribute_scores(p, g).items() if v is False],
                }
                for a in self.articles
                for gid, p, _ in a.matches
                for g in [a.gold_events[gid]]
                if any(v is False for v in attribute_scores(p, g).values())
            ]
        return d


def score(golds: list[GoldArticle], predictions: dict[str, list[dict[str, Any]]]) -> Report:
    """Score predictions (article id -> list of event dicts) against gold articles."""
    return Report([score_article(g, predictions.get(g.id, [])) for g in golds])
