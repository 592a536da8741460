"""Readers for article sources: .txt (one article), .jsonl (the corpus schema), .html.

Each reader yields ``Article`` records or ``Problem`` records (one per bad input,
naming it and the reason) so that a batch goes on past bad files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rasid.doc import ArticleMeta
from rasid.ingest.decode import InputProblem, check_article_text, decode_bytes

SUPPORTED = (".txt", ".jsonl", ".html", ".htm")
MAX_CHARS = 300_000


@dataclass
class Article:
    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    source: str = ""

    @property
    def content_hash(self) -> str:
        h = hashlib.sha256()
        for part in (
            self.text,
            self.title or "",
            str(self.published or ""),
            self.outlet or "",
            self.url or "",
        ):
            h.update(part.encode("utf-8"))
            h.update(b"\x1f")
        return h.hexdigest()

    def meta(self) -> ArticleMeta:
        return ArticleMeta(self.id, self.title, self.published, self.outlet, self.url, self.source)


@dataclass
class Problem:
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def parse_date(value: object) -> dt.date | None:
    """An ISO date (or datetime) string to a date; None when absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _read_text(path: Path, max_bytes: int | None = None) -> str | Problem:
    """A file's decoded text, or the problem that names it and why it cannot be read."""
    try:
        data = path.read_bytes()
        text, _enc = decode_bytes(data) if max_bytes is None else decode_bytes(data, max_bytes=max_bytes)
        return text
    except InputProblem as exc:
        return Problem(str(path), str(exc))
    except OSError as exc:
        return Problem(str(path), f"cannot read ({exc.strerror})")


def read_txt(
    path: Path, published: dt.date | None = None, max_chars: int = MAX_CHARS
) -> Iterator[Article | Problem]:
    text = _read_text(path)
    if isinstance(text, Problem):
        yield text
        return
    try:
        text = check_article_text(text, max_chars)
    except InputProblem as exc:
        yield Problem(str(path), str(exc))
        return
    yield Article(id=path.stem, text=text, published=published, source=str(path))


def read_jsonl(
    path: Path, published: dt.date | None = None, max_chars: int = MAX_CHARS
) -> Iterator[Article | Problem]:
    body = _read_text(path, max_bytes=2_000_000_000)
    if isinstance(body, Problem):
        yield body
        return
    for n, line in enumerate(body.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(where, f"not valid JSON ({exc.msg})")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            yield Problem(where, "no 'text' field")
            continue
        try:
            text = check_article_text(rec["text"], max_chars)
        except InputProblem as exc:
            yield Problem(f"{where} (id {rec.get('id', '?')})", str(exc))
            continue
        art_id = str(rec.get("id") or hashlib.sha1(text.encode()).hexdigest()[:16])
        yield Article(
            id=art_id,
            text=text,
            title=rec.get("title"),
            published=parse_date(rec.get("published")) or published,
            outlet=rec.get("outlet"),
            url=rec.get("url"),
            source=where,
        )


def read_html(
    path: Path, published: dt.date | None = None, max_chars: int = MAX_CHARS
) -> Iterator[Article | Problem]:
    html = _read_text(path, max_bytes=20_000_000)
    if isinstance(html, Problem):
        yield html
        return
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=False, with_metadata=True
        )
    except Exception as exc:  # noqa: BLE001 - broken HTML of any kind is one bad input
        yield Problem(str(path), f"HTML could not be parsed ({type(exc).__name__})")
        return
    text = getattr(doc, "text", None) if doc is not None else None
    if not text:
        yield Problem(str(path), "no article text found in the HTML")
        return
    try:
        text = check_article_text(text, max_chars)
    except InputProblem as exc:
        yield Problem(str(path), str(exc))
        return
    yield Article(
        id=path.stem,
        text=text,
        title=getattr(doc, "title", None),
        published=published or parse_date(getattr(doc, "date", None)),
        outlet=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        url=getattr(doc, "url", None),
        source=str(path),
    )


READERS = {".txt": read_txt, ".jsonl": read_jsonl, ".html": read_html, ".htm": read_html}


def iter_paths(paths: list[str | Path]) -> Iterator[Path | Problem]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED)
            if not found:
                yield Problem(str(path), f"no {', '.join(SUPPORTED)} files in this folder")
            yield from found
        elif path.exists():
            yield path
        else:
            yield Problem(str(path), "no such file or folder")


def read_articles(
    paths: list[str | Path], published: dt.date | None = None, max_chars: int = MAX_CHARS
) -> Iterator[Article | Problem]:
    """Articles (and problems) from files and folders, in order."""
    for item in iter_paths(paths):
        if isinstance(item, Problem):
            yield item
            continue
        reader = READERS.get(item.suffix.lower())
        if reader is None:
            yield Problem(
                str(item),
                f"unsupported file type {item.suffix or '(none)'}; rasid reads {', '.join(SUPPORTED)}",
            )
            continue
        yield from reader(item, published, max_chars)
