"""Scoring time expressions against a hand-made test set (tests/time/expressions.tsv).

A row gives a real sentence, the article's publication date, the expression (a piece of the sentence)
and the window a careful reader gives it (``expected_start``..``expected_end``, empty: no date) with its
ACLED precision. A prediction is right when
- the row expects no date and the system gives none for the expression, or
- the predicted window lies inside the expected one widened by a day each side (the project's gold
  scorer rule) and the precision is the expected one.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from rasid.doc import TimeMention


@dataclass
class Row:
    category: str
    expression: str
    sentence: str
    published: dt.date
    expected_start: dt.date | None
    expected_end: dt.date | None
    expected_precision: int | None
    source: str

    @property
    def span(self) -> tuple[int, int]:
        i = self.sentence.find(self.expression)
        return i, i + len(self.expression)


def _d(s: str) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def load_rows(path: str | Path) -> list[Row]:
    text = Path(path).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    out = []
    for r in csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE):
        out.append(
            Row(
                r["category"],
                r["expression"],
                r["sentence"],
                dt.date.fromisoformat(r["published"]),
                _d(r["expected_start"]),
                _d(r["expected_end"]),
                int(r["expected_precision"]) if r["expected_precision"] else None,
                r["source"],
            )
        )
    return out


Prediction = tuple[dt.date, dt.date, int | None] | None


def pick(mentions: list[TimeMention], span: tuple[int, int]) -> TimeMention | None:
    """The mention that overlaps the expression most (None when none overlaps)."""
    s, e = span
    best, best_ov = None, 0
    for t in mentions:
        ov = min(e, t.end) - max(s, t.start)
        if ov > best_ov:
            best, best_ov = t, ov
    return best


def rasid_predict(row: Row) -> Prediction:
    from rasid.time.stage import resolve_text

    t = pick(resolve_text(row.sentence, row.published), row.span)
    if t is None or t.date_start is None or t.date_end is None:
        return None
    return t.date_start, t.date_end, t.precision


def is_correct(pred: Prediction, row: Row, check_precision: bool = True) -> bool:
    if row.expected_start is None:
        return pred is None
    if pred is None:
        return False
    ps, pe, prec = pred
    one = dt.timedelta(days=1)
    ok = row.expected_start - one <= ps <= pe <= row.expected_end + one
    if check_precision:
        ok = ok and prec == row.expected_precision
    return ok


def accuracy_by_category(rows: list[Row], preds: list[Prediction], check_precision: bool = True):
    """{category: (correct, total)} plus the overall figure under key "ALL"."""
    out: dict[str, list[int]] = {}
    for row, pred in zip(rows, preds):
        ok = is_correct(pred, row, check_precision)
        for key in (row.category, "ALL"):
            c = out.setdefault(key, [0, 0])
            c[0] += ok
            c[1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}
