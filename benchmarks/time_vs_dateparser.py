"""rasid's time resolver vs dateparser on the same real expressions: ``python benchmarks/time_vs_dateparser.py``.

On every row of tests/time/expressions.tsv (and tests/time/heldout*.tsv when present):
- rasid: the time stage on the sentence, the mention overlapping the expression;
- dateparser (a): ``DateDataParser(languages=['ar'], settings={RELATIVE_BASE: published,
  PREFER_DATES_FROM: 'past'}).get_date_data(expression)``; its period (day/week/month/year) becomes a
  window (the day; the week or month or year containing the date) and a precision (1/2/3/3);
- dateparser (b): ``dateparser.search.search_dates(sentence, ...)``, the found date whose text overlaps
  the expression, as a day (precision 1).
A prediction is right when its window lies inside the expected one widened by a day each side and the
precision matches ("window+precision"); "window" alone ignores precision. Speeds: per expression, and per
article over corpus articles (rasid: the time stage on the whole article; dateparser: search_dates).
``--write`` writes benchmarks/results/time.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO / "src"))

from rasid.doc import ArticleMeta, Doc  # noqa: E402
from rasid.text.sentences import split_sentences  # noqa: E402
from rasid.time.evaluation import Prediction, Row, is_correct, load_rows, pick  # noqa: E402
from rasid.time.stage import find_times, resolve_text  # noqa: E402

warnings.filterwarnings("ignore")
D = dt.timedelta


def rasid_pred(row: Row) -> Prediction:
    t = pick(resolve_text(row.sentence, row.published), row.span)
    if t is None or t.date_start is None:
        return None
    return t.date_start, t.date_end, t.precision


def _settings(pub: dt.date) -> dict:
    return {"RELATIVE_BASE": dt.datetime(pub.year, pub.month, pub.day), "PREFER_DATES_FROM": "past"}


def dateparser_parse(row: Row) -> Prediction:
    from dateparser.date import DateDataParser

    dd = DateDataParser(languages=["ar"], settings=_settings(row.published)).get_date_data(row.expression)
    if dd is None or dd.date_obj is None:
        return None
    d = dd.date_obj.date()
    period = dd.period or "day"
    if period == "week":
        return d - D(days=d.weekday()), d - D(days=d.weekday()) + D(days=6), 2
    if period == "month":
        nxt = (d.replace(day=28) + D(days=4)).replace(day=1)
        return d.replace(day=1), nxt - D(days=1), 3
    if period == "year":
        return d.replace(month=1, day=1), d.replace(month=12, day=31), 3
    return d, d, 1


def dateparser_search(row: Row) -> Prediction:
    from dateparser.search import search_dates

    try:
        found = search_dates(row.sentence, languages=["ar"], settings=_settings(row.published)) or []
    except Exception:  # dateparser raises on some inputs
        return None
    s, e = row.span
    pos = 0
    best = None
    for sub, when in found:
        i = row.sentence.find(sub, pos)
        if i < 0:
            i = row.sentence.find(sub)
        if i < 0:
            continue
        pos = i + len(sub)
        if min(e, i + len(sub)) > max(s, i):
            best = when.date()
            break
    return (best, best, 1) if best else None


def score(rows: list[Row], preds: list[Prediction], check_precision: bool) -> dict[str, tuple[int, int]]:
    out: dict[str, list[int]] = {}
    for r, p in zip(rows, preds):
        ok = is_correct(p, r, check_precision)
        for k in (r.category, "ALL"):
            c = out.setdefault(k, [0, 0])
            c[0] += ok
            c[1] += 1
    return {k: (a, b) for k, (a, b) in out.items()}


def timed(fn, rows):
    t0 = time.perf_counter()
    preds = [fn(r) for r in rows]
    return preds, (time.perf_counter() - t0) / max(1, len(rows))


def per_article_speed(n: int) -> tuple[float, float, int, float]:
    from dateparser.search import search_dates

    arts = []
    for f in ("libya_articles.jsonl", "other_conflicts_articles.jsonl"):
        p = SHARED / "data" / "corpus" / f
        if p.exists():
            arts += [json.loads(x) for x in p.open(encoding="utf-8") if x.strip()][: n // 2]
    arts = arts[:n]
    chars = sum(len(a["text"]) for a in arts) / max(1, len(arts))
    t0 = time.perf_counter()
    for a in arts:
        doc = Doc(a["text"], ArticleMeta(published=dt.date.fromisoformat(a["published"][:10])))
        from rasid.doc import Span

        doc.sentences = [Span(s, e, doc.text[s:e]) for s, e in split_sentences(doc.text)]
        find_times(doc)
    t_rasid = (time.perf_counter() - t0) / max(1, len(arts))
    t0 = time.perf_counter()
    for a in arts:
        pub = dt.date.fromisoformat(a["published"][:10])
        try:
            search_dates(a["text"], languages=["ar"], settings=_settings(pub))
        except Exception:
            pass
    t_dp = (time.perf_counter() - t0) / max(1, len(arts))
    return t_rasid, t_dp, len(arts), chars


def event_dates() -> tuple[int, int, int, int]:
    """Event windows at the gold evidence of the seeds and devgold/*.jsonl: (ok, total, ok_required, required)."""
    import re

    import rasid
    from rasid.time.stage import event_window

    golds = []
    seeds = SHARED / "gold" / "seeds.jsonl"
    if seeds.exists():
        golds += [(json.loads(x), SHARED) for x in seeds.open(encoding="utf-8") if x.strip()]
    for path in sorted((REPO / "devgold").glob("*.jsonl")):
        golds += [(json.loads(x), REPO) for x in path.open(encoding="utf-8") if x.strip()]
    ok = tot = rok = rtot = 0
    for g, base in golds:
        text = (base / g["file"]).read_text(encoding="utf-8")
        doc = rasid.analyse(text, g["published"])
        for ev in g["events"]:
            if not ev.get("date"):
                continue
            m = re.search(r"\s+".join(map(re.escape, ev["evidence"].split())), text)
            if not m:
                continue
            w = event_window(doc, doc.span(m.start(), m.end()))
            gs = dt.date.fromisoformat(ev["date"]["start"]) - D(days=1)
            ge = dt.date.fromisoformat(ev["date"]["end"]) + D(days=1)
            good = bool(w and w.date_start and gs <= w.date_start and w.date_end <= ge)
            tot += 1
            ok += good
            if ev.get("required"):
                rtot += 1
                rok += good
    return ok, tot, rok, rtot


def table(name: str, rows: list[Row], results: dict[str, list[Prediction]]) -> list[str]:
    cats = sorted({r.category for r in rows})
    systems = list(results)
    scored = {s: (score(rows, p, True), score(rows, p, False)) for s, p in results.items()}
    head = "| category | n | " + " | ".join(f"{s} (window+prec / window)" for s in systems) + " |"
    lines = [f"### {name}", "", head, "|" + " --- |" * (2 + len(systems))]
    for c in [*cats, "ALL"]:
        n = scored[systems[0]][0][c][1]
        cells = []
        for s in systems:
            a, _ = scored[s][0][c]
            b, _ = scored[s][1][c]
            cells.append(f"{a / n:.3f} / {b / n:.3f}")
        label = f"**{c}**" if c == "ALL" else c
        lines.append(f"| {label} | {n} | " + " | ".join(cells) + " |")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=60, help="corpus articles for the per-article speed")
    ap.add_argument("--write", action="store_true", help="write benchmarks/results/time.md")
    args = ap.parse_args()

    sets = [("test set (tests/time/expressions.tsv)", REPO / "tests" / "time" / "expressions.tsv")]
    held = REPO / "tests" / "time" / "heldout.tsv"
    if held.exists():
        sets.append(
            ("second set (tests/time/heldout.tsv; first run 42/52 = 0.808, see tests/time/README.md)", held)
        )
    held2 = REPO / "tests" / "time" / "heldout2.tsv"
    if held2.exists():
        sets.append(
            ("third set (tests/time/heldout2.tsv; first run 47/48 = 0.979, see tests/time/README.md)", held2)
        )
    md: list[str] = []
    speeds = {}
    for name, path in sets:
        rows = load_rows(path)
        p_r, t_r = timed(rasid_pred, rows)
        p_a, t_a = timed(dateparser_parse, rows)
        p_b, t_b = timed(dateparser_search, rows)
        results = {"rasid": p_r, "dateparser.parse": p_a, "dateparser.search_dates": p_b}
        speeds[name] = (t_r, t_a, t_b)
        lines = table(f"{name}: {len(rows)} expressions", rows, results)
        md += [*lines, ""]
        print("\n".join(lines))
        print(
            f"time per expression: rasid {t_r * 1000:.2f} ms (sentence), dateparser.parse {t_a * 1000:.2f} ms "
            f"(expression), search_dates {t_b * 1000:.2f} ms (sentence)\n"
        )
        md.append(
            f"Time per expression: rasid {t_r * 1000:.2f} ms (whole sentence), dateparser.parse "
            f"{t_a * 1000:.2f} ms (the expression alone), dateparser.search_dates {t_b * 1000:.2f} ms (sentence)."
        )
        md.append("")
    t_ra, t_dp, n, chars = per_article_speed(args.articles)
    speed = (
        f"Per article ({n} corpus articles, {chars:.0f} characters on average): rasid time finder "
        f"{t_ra * 1000:.1f} ms, dateparser.search_dates {t_dp * 1000:.1f} ms."
    )
    print(speed)
    md += [speed, ""]
    ok, tot, rok, rtot = event_dates()
    if tot:
        ev_line = (
            f"Event dates (rasid only): the window event_window gives at each gold event's evidence in the seeds "
            f"and devgold/*.jsonl lies in the gold window +-1 day for {ok}/{tot} dated events ({ok / tot:.3f}); "
            f"required events {rok}/{rtot} ({rok / max(1, rtot):.3f})."
        )
        print(ev_line)
        md += [ev_line, ""]
    if args.write:
        out = REPO / "benchmarks" / "results" / "time.md"
        header = [
            "# Time expressions: rasid vs dateparser",
            "",
            f"Generated by `python benchmarks/time_vs_dateparser.py --write` on {dt.date.today()} "
            "(dateparser 1.x, languages=['ar'], RELATIVE_BASE = publication date, PREFER_DATES_FROM = past).",
            "Right = the predicted window lies inside the expected window widened by one day each side "
            "(the project's gold rule); 'window+prec' also requires the expected ACLED precision. "
            "dateparser.parse gets the expression alone (its period day/week/month/year gives the window and "
            "precision 1/2/3/3); search_dates gets the sentence and the found date overlapping the expression.",
            "",
        ]
        out.write_text("\n".join(header + md + [NOTES]), encoding="utf-8")
        print(f"wrote {out}")


NOTES = """## About the three sets

The rules were developed on tests/time/expressions.tsv, so its figure measures coverage, not generalisation.
tests/time/heldout.tsv (52 expressions from articles not in the first set) was annotated before rasid was run
on it: the first run scored 42/52 = 0.808 (window+precision). Its errors led to general rule fixes (a day+month
after a naming noun is a name: قوى 8 آذار, قصر 22 مايو; future cue before a weekday; ranges over 10 days get
precision 3; الليلة الفاصلة with a month on each day; anaphoric ذات اليوم / العام نفسه; future durations), so the
figure above for it is no longer unseen either. tests/time/heldout2.tsv (48 expressions around trigger words
sampled at random from further unseen articles, negatives included: فجر ليبيا, فجر سترته, نهاية المطاف, عين اليوم)
was annotated after those fixes and before rasid was run on it: first run 47/48 = 0.979 (the miss, في مثل هذا
الوقت من العام الماضي, then got its own rule).

## What rasid adds beyond dateparser

- **Month systems dateparser does not know**: Syriac/Levantine (نيسان, آب, تشرين الأول), Maghrebi (جانفي,
  أفريل, جوان, جويلية, أوت, غشت, يوليوز), Libyan Jamahiriya (الطير, هانيبال) and paired forms (أبريل/نيسان,
  الطير/أبريل, يونيو (حزيران)), all as data files with sources.
- **Hijri dates** (25 شوال 1436 هـ, 11/8/1436, رمضان الماضي) by the tabular calendar, checked against a stated weekday.
- **Ordinal days** written as words (الثامن عشر من أغسطس, الحادي عشر من سبتمبر) and الـ20 من.
- **Parts of months and periods** (مطلع / منتصف / أواخر / نهاية, نهاية الأسبوع الماضي, صيف العام الماضي) as windows.
- **Year inference** (الماضي / الجاري / المقبل / الفارط, من العام الماضي) and the past-closest rule for bare months.
- **Weekday checks**: اليوم (الخميس) or أمس الثلاثاء in an article dated a day later resolves to the stated weekday;
  a date that contradicts its weekday is widened to both days with precision 2, never a wrong exact day.
- **Nights and times of day**: ليلة السبت = Friday night (Fri..Sat), ليل الخميس - الجمعة, فجر/مساء أمس.
- **Ranges and durations** (من 8 إلى 12 أفريل, يومي 19 و20 فيفري, الليلة الفاصلة بين 19 و20 ماي,
  خلال اليومين الماضيين, خلال الـ 24 ساعة الماضية); bare durations (على مدى ثلاثة أيام) give no date.
- **Since** (منذ 2011, منذ 28 مايو الماضي) is kept as the start of a state and does not date an event.
- **ACLED precision** for every window, and **spans** in the raw text for evidence.
- Where dateparser is better: on no category of these sets (search_dates ties with rasid on bare weekdays of
  the first set and on times of day of the second), so rasid does not call it at run time.
"""


if __name__ == "__main__":
    main()
