"""Reading gold annotation files (the format of ../shared/gold/README.md)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class GoldArticle:
    id: str
    text: str
    published: str | None
    events: list[dict[str, Any]]
    not_events: list[str]
    quotes: list[dict[str, Any]] = field(default_factory=list)
    outlet: str | None = None
    url: str | None = None
    source: str = ""


def read_gold(path: str | Path) -> list[GoldArticle]:
    """Read a gold JSONL file; each line's ``file`` is relative to the parent of the file's folder."""
    path = Path(path)
    root = path.resolve().parent.parent
    out: list[GoldArticle] = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
            if "text" in rec:
                text = rec["text"]
            else:
                text_path = root / rec["file"]
                if not text_path.exists():
                    raise FileNotFoundError(f"{path}:{n}: article file {text_path} not found")
                text = text_path.read_text(encoding="utf-8")
            out.append(
                GoldArticle(
                    id=rec["id"],
                    text=text,
                    published=rec.get("published"),
                    events=rec.get("events", []),
                    not_events=rec.get("not_events", []),
                    quotes=rec.get("quotes", []),
                    outlet=rec.get("outlet"),
                    url=rec.get("url"),
                    source=str(path),
                )
            )
    return out


def locate(text: str, passage: str) -> list[tuple[int, int]]:
    """Raw offsets of every occurrence of ``passage`` in ``text``, whitespace runs folded."""
    words = passage.split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(w) for w in words)
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]
