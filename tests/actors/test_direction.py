"""Direction (actor1 acts, actor2 is acted upon) on real sentences: tests/actors/direction.tsv."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from rasid.actors.stage import actors_for
from rasid.doc import ArticleMeta, Doc, Trigger
from rasid.options import Options
from rasid.pipeline import Pipeline
from rasid.text.normalise import norm
from tests.actors.conftest import articles, read_tsv

MIN_ACTOR1 = 0.80
MIN_ACTOR2 = 0.75


def fold_name(name: str) -> str:
    """As the gold scorer compares names: case, letter variants, the article and spaces folded."""
    return norm(name).replace("ـ", "").replace("ال", "").replace(" ", "") if name else ""


def name_ok(pred, expected: str) -> bool | None:
    if expected == "?":
        return None
    names = [p for p in ((pred.canonical, pred.text) if pred is not None else ()) if p]
    if not expected:
        return not names
    gold = {fold_name(g) for g in expected.split("|")}
    return any(fold_name(p) in gold for p in names)


@lru_cache(maxsize=1)
def _pipeline() -> Pipeline:
    return Pipeline(Options(stages=("sentences", "tokens", "places", "actors")))


_DOCS: dict[str, Doc] = {}


def _doc(source: str, published: str) -> Doc:
    if source not in _DOCS:
        meta = ArticleMeta(article_id=source, published=dt.date.fromisoformat(published))
        _DOCS[source] = _pipeline()(Doc(articles()[source], meta))
    return _DOCS[source]


def run_row(row: dict[str, str]):
    doc = _doc(row["source"], row["published"])
    at = doc.text.find(row["sentence"])
    assert at >= 0, row["sentence"][:60]
    pos = -1
    for _ in range(int(row["occurrence"])):
        pos = row["sentence"].index(row["trigger"], pos + 1)
    start = at + pos
    end = start + len(row["trigger"])
    trig = Trigger(
        start,
        end,
        doc.text[start:end],
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        civilian_targeting=row["civilian_targeting"] == "1",
        sentence=doc.sentence_index(start),
    )
    doc.triggers = [trig]
    try:
        return actors_for(doc, trig)
    finally:
        doc.triggers = []


def test_direction_file_is_real(need_shared):
    rows = read_tsv("direction.tsv")
    assert len(rows) >= 40
    have = articles()
    assert all(r["sentence"] in have[r["source"]] for r in rows)


def test_direction_accuracy(need_shared):
    rows = read_tsv("direction.tsv")
    scores: dict[str, list[bool]] = {"actor1": [], "actor2": []}
    by_origin: dict[str, list[bool]] = {}
    for r in rows:
        a1, a2 = run_row(r)
        for key, pred in (("actor1", a1), ("actor2", a2)):
            ok = name_ok(pred, r[key])
            if ok is None:
                continue
            scores[key].append(ok)
            by_origin.setdefault(f"{r['origin']} {key}", []).append(ok)
            if not ok:
                got = (pred.canonical, pred.text) if pred is not None else None
                print(f"  {key} wrong [{r['trigger']}] expected {r[key]!r} got {got!r}: {r['sentence'][:90]}")
    acc = {k: sum(v) / len(v) for k, v in scores.items()}
    for k, v in list(scores.items()) + sorted(by_origin.items()):
        print(f"{k}: {sum(v)}/{len(v)} = {sum(v) / len(v):.3f}")
    assert acc["actor1"] >= MIN_ACTOR1
    assert acc["actor2"] >= MIN_ACTOR2


def test_spans_of_returned_mentions_are_exact(need_shared):
    rows = read_tsv("direction.tsv")
    for r in rows[:20]:
        doc = _doc(r["source"], r["published"])
        for m in run_row(r):
            if m is not None:
                assert doc.text[m.start : m.end] == m.text


def test_nationality_after_a_preposition_is_the_target_not_the_actor():
    text = (
        "تمكنت وحدات من مكتب مكافحة الجريمة ببلدية غريان الليبية خلال اليومين الماضيين من إلقاء القبض على "
        "تونسي كان يقوم بتوزيع منشورات تدعو للانضمام إلى تنظيم داعش."
    )
    doc = _pipeline()(Doc(text, ArticleMeta(published=dt.date(2016, 2, 24))))
    start = text.index("القبض على")
    end = start + len("القبض على")
    trig = Trigger(
        start,
        end,
        text[start:end],
        event_type="Strategic developments",
        sub_event_type="Arrests",
        sentence=doc.sentence_index(start),
    )
    doc.triggers = [trig]
    a1, _a2 = actors_for(doc, trig)
    assert a1 is None or "Tunisia" not in (a1.canonical or "")
