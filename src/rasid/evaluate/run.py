"""Run the pipeline over gold files and score it (``rasid eval``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rasid.doc import ArticleMeta
from rasid.evaluate.gold import GoldArticle, read_gold
from rasid.evaluate.scorer import Report, score
from rasid.ingest.readers import parse_date
from rasid.pipeline import Pipeline


def predict(golds: list[GoldArticle], pipeline: Pipeline) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for g in golds:
        meta = ArticleMeta(
            article_id=g.id, published=parse_date(g.published), outlet=g.outlet, url=g.url, source=g.source
        )
        out[g.id] = [e.to_dict() for e in pipeline.make_doc(g.text, meta).events]
    return out


def evaluate_files(paths: list[str | Path], pipeline: Pipeline | None = None) -> dict[str, Report]:
    """Score each gold file and all of them together (key ``"all"``)."""
    pipeline = pipeline or Pipeline()
    reports: dict[str, Report] = {}
    every: list = []
    for path in paths:
        golds = read_gold(path)
        rep = score(golds, predict(golds, pipeline))
        reports[str(path)] = rep
        every.extend(rep.articles)
    if len(paths) > 1:
        reports["all"] = Report(every)
    return reports


def format_report(name: str, rep: Report, details: bool = True) -> str:
    """A readable report: headline numbers, attribute accuracy, misses and false positives."""
    d = rep.to_dict(details=details)
    lines = [
        f"== {name}: {d['articles']} articles, {d['required_events']:g} required events",
        f"required events  P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}"
        f"   (TP {d['true_positives']:g}, FP {d['false_positives']}, missed {d['misses']:g})",
        f"not-event hits   {d['not_event_hits']}",
        "attribute accuracy on matched events:",
    ]
    for k, v in d["attributes"].items():
        lines.append(f"  {k:<20} {v['accuracy']:.3f}  (n={v['n']})")
    if details:
        if d["missed"]:
            lines.append("missed:")
            lines += [f"  {m['article']} {m['gold']}: {m['evidence'][:90]}" for m in d["missed"]]
        if d["false_positive_list"]:
            lines.append("false positives:")
            lines += [
                f"  {f['article']} [{f['type']}] {f['evidence'][:90]}" for f in d["false_positive_list"]
            ]
        if d["not_event_hit_list"]:
            lines.append("not-event passages coded as events:")
            lines += [f"  {f['article']}: {f['passage'][:90]}" for f in d["not_event_hit_list"]]
        if d["attribute_errors"]:
            lines.append("attribute errors:")
            lines += [f"  {a['article']} {a['gold']}: {', '.join(a['wrong'])}" for a in d["attribute_errors"]]
    return "\n".join(lines)
