"""Print the README's quality table: ``rasid eval`` figures per gold file, as Markdown rows.

    .venv/bin/python tools/quality_table.py ../shared/gold/seeds.jsonl devgold/libya.jsonl ...

One row per file and one for all of them pooled (the same numbers ``rasid eval`` prints), so that the
table in README.md is pasted from a run, never typed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rasid.evaluate.run import evaluate_files

COLUMNS = ("sub_event_type", "date", "location", "actor1", "actor2", "fatalities", "claimed_by")
HEADER = (
    "| gold | articles | required | P | R | F1 | not-event hits | sub-type | date | location | actor1 | actor2 "
    "| fatalities | claimed_by |"
)


def rows(paths: list[str]) -> list[str]:
    """Markdown table lines for the gold files at ``paths``."""
    out = [HEADER, "|" + "---|" * (HEADER.count("|") - 1)]
    for name, rep in evaluate_files(paths).items():
        d = rep.to_dict(details=False)
        attrs = d["attributes"]
        cells = [
            name if name == "all" else str(Path(name)).replace("../shared/", "shared/"),
            str(d["articles"]),
            f"{d['required_events']:g}",
            f"{d['precision']:.3f}",
            f"{d['recall']:.3f}",
            f"{d['f1']:.3f}",
            str(d["not_event_hits"]),
            *(f"{attrs[c]['accuracy']:.3f}" if c in attrs else "–" for c in COLUMNS),
        ]
        out.append("| " + " | ".join(cells) + " |")
    return out


def main(argv: list[str] | None = None) -> int:
    paths = list(argv if argv is not None else sys.argv[1:])
    if not paths:
        print(__doc__)
        return 2
    print("\n".join(rows(paths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
