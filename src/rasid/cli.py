"""The ``rasid`` command: a thin layer over the Python API."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rasid import __version__
from rasid.options import Options, default_db_path

EPILOG = """examples:
  rasid extract samples/seeds.jsonl                  read articles, print events, store them
  rasid extract article.txt --published 2019-08-23   one plain-text article with its date
  rasid events --place Misrata --from 2019-08-01     query what is stored
  rasid events --format csv > events.csv             ACLED-style CSV (also: jsonl, geojson)
  rasid eval gold.jsonl                              score rasid against hand annotations
"""


def _date(value: str):
    from rasid.ingest.readers import parse_date

    d = parse_date(value)
    if d is None:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2019-08-23")
    return d


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="rasid",
        description="rasid (راصد) reads Arabic news about armed conflict and turns it into event data you can check.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"rasid {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser(
        "extract", help="read articles (.txt, .jsonl, .html, or folders of them) and extract events"
    )
    ex.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    ex.add_argument(
        "--published", type=_date, help="publication date for articles that do not carry one (YYYY-MM-DD)"
    )
    ex.add_argument(
        "--db", type=Path, default=None, help=f"SQLite store to write to (default: {default_db_path()})"
    )
    ex.add_argument("--no-store", action="store_true", help="do not write to the store; only print")
    ex.add_argument(
        "--format",
        choices=["jsonl", "table", "csv", "geojson"],
        default="jsonl",
        help="how to print the events (default: jsonl)",
    )
    ex.add_argument("-o", "--output", type=Path, help="write the events to this file instead of the screen")
    ex.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default: 1)")
    ex.add_argument("--progress", action="store_true", help="show progress even when not on a terminal")

    ev = sub.add_parser("events", help="list stored events, with filters")
    ev.add_argument(
        "--db", type=Path, default=None, help=f"SQLite store to read (default: {default_db_path()})"
    )
    ev.add_argument("--from", dest="date_from", type=_date, help="events on or after this date")
    ev.add_argument("--to", dest="date_to", type=_date, help="events on or before this date")
    ev.add_argument("--place", help="place name (English or Arabic), admin1 or country")
    ev.add_argument("--actor", help="actor name (canonical or as written)")
    ev.add_argument("--type", dest="event_type", help="event type or sub-event type, e.g. 'Air/drone strike'")
    ev.add_argument("--article", help="only this article id")
    ev.add_argument("--limit", type=int, help="at most this many events")
    ev.add_argument("--format", choices=["table", "jsonl", "csv", "geojson"], default="table")

    ee = sub.add_parser("eval", help="score rasid against gold annotations (see shared/gold/README.md)")
    ee.add_argument("gold", nargs="+", type=Path, metavar="GOLD.jsonl")
    ee.add_argument("--json", action="store_true", help="machine-readable output")
    ee.add_argument("--brief", action="store_true", help="headline numbers only, no lists of errors")
    return p


def _open_store(path: Path | None):
    from rasid.store.sqlite import SQLiteStore

    return SQLiteStore(path or default_db_path())


def cmd_extract(args: argparse.Namespace) -> int:
    from rasid.export import FORMATS, to_table
    from rasid.ingest.batch import Progress, run_batch
    from rasid.ingest.readers import read_articles

    options = Options()
    store = None if args.no_store else _open_store(args.db)
    out = args.output.open("w", encoding="utf-8") if args.output else sys.stdout
    collected: list[dict] = []

    def on_events(article, events) -> None:
        dicts = [e.to_dict() for e in events]
        if args.format == "jsonl":
            out.write(FORMATS["jsonl"](dicts))
            out.flush()
        else:
            collected.extend(dicts)

    def on_problem(problem) -> None:
        print(f"rasid: skipped {problem.source}: {problem.reason}", file=sys.stderr)

    items = read_articles(args.paths, published=args.published, max_chars=options.max_article_chars)
    stats = run_batch(
        items,
        store,
        options,
        jobs=args.jobs,
        on_events=on_events,
        on_problem=on_problem,
        progress=Progress(True if args.progress else None),
    )
    if args.format == "table":
        out.write(to_table(collected) + "\n")
    elif args.format != "jsonl":
        out.write(FORMATS[args.format](collected))
    if args.output:
        out.close()
    where = f"stored in {store.path}" if store is not None else "not stored (--no-store)"
    summary = (
        f"rasid: {stats.articles} articles, {stats.events} events, {where}"
        + (
            f" ({stats.new} new, {stats.replaced} replaced, {stats.unchanged} unchanged)"
            if store is not None
            else ""
        )
        + (f"; {len(stats.problems)} inputs skipped" if stats.problems else "")
    )
    print(summary, file=sys.stderr)
    if store is not None:
        store.close()
    return 1 if stats.problems else 0


def cmd_events(args: argparse.Namespace) -> int:
    from rasid.export import FORMATS, to_table

    db = args.db or default_db_path()
    if not Path(db).exists():
        print(f"rasid: no store at {db}; run 'rasid extract PATH' first", file=sys.stderr)
        return 2
    with _open_store(db) as store:
        rows = store.events(
            date_from=args.date_from.isoformat() if args.date_from else None,
            date_to=args.date_to.isoformat() if args.date_to else None,
            place=args.place,
            actor=args.actor,
            event_type=args.event_type,
            article_id=args.article,
            limit=args.limit,
        )
    if args.format == "table":
        print(to_table(rows))
        print(f"({len(rows)} events)", file=sys.stderr)
    else:
        sys.stdout.write(FORMATS[args.format](rows))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from rasid.evaluate.run import evaluate_files, format_report

    for g in args.gold:
        if not g.exists():
            print(f"rasid: gold file {g} not found", file=sys.stderr)
            return 2
    reports = evaluate_files(args.gold)
    if args.json:
        print(
            json.dumps(
                {k: r.to_dict(details=not args.brief) for k, r in reports.items()},
                ensure_ascii=False,
                indent=1,
            )
        )
    else:
        print("\n\n".join(format_report(k, r, details=not args.brief) for k, r in reports.items()))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return {"extract": cmd_extract, "events": cmd_events, "eval": cmd_eval}[args.command](args)
    except KeyboardInterrupt:
        print("rasid: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
