"""Batch extraction: articles in, events out and stored; bad inputs reported and skipped."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from rasid import __version__
from rasid.doc import Event
from rasid.ingest.readers import Article, Problem
from rasid.options import Options
from rasid.pipeline import Pipeline


def _fingerprint() -> str:
    """The package version plus a short digest of every shipped source and data file: a stored article is
    re-extracted whenever the code or the language data that produced its events change, not only on a release."""
    import hashlib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".tsv", ".json", ".npz")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


PIPELINE_VERSION = _fingerprint()


@dataclass
class BatchStats:
    articles: int = 0
    events: int = 0
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0


_worker_pipeline: Pipeline | None = None


def _init_worker(options: Options) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(options)


def _extract_one(article: Article) -> tuple[Article, list[Event] | str]:
    assert _worker_pipeline is not None
    try:
        return article, _worker_pipeline.extract(article.text, article.meta())
    except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the batch
        return article, f"internal error while reading the article ({type(exc).__name__}: {exc})"


def extract_stream(
    items: Iterator[Article | Problem], options: Options | None = None, jobs: int = 1
) -> Iterator[tuple[Article, list[Event]] | Problem]:
    """Run the pipeline over articles (in ``jobs`` processes); problems pass through in order."""
    options = options or Options()
    if jobs <= 1:
        _init_worker(options)
        for item in items:
            if isinstance(item, Problem):
                yield item
                continue
            art, res = _extract_one(item)
            yield Problem(art.source, res) if isinstance(res, str) else (art, res)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(options,)) as pool:
        pending: list = []
        for item in items:
            pending.append(item if isinstance(item, Problem) else pool.submit(_extract_one, item))
            if len(pending) >= jobs * 8:
                yield from _drain(pending[: jobs * 4])
                pending = pending[jobs * 4 :]
        yield from _drain(pending)


def _drain(pending: list) -> Iterator[tuple[Article, list[Event]] | Problem]:
    for p in pending:
        if isinstance(p, Problem):
            yield p
        else:
            art, res = p.result()
            yield Problem(art.source, res) if isinstance(res, str) else (art, res)


class Progress:
    """A one-line progress counter on stderr (only when stderr is a terminal, or forced)."""

    def __init__(self, enabled: bool | None = None) -> None:
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.start = time.perf_counter()
        self.n = 0

    def tick(self, events: int) -> None:
        self.n += 1
        if self.enabled and (self.n % 10 == 0 or self.n < 10):
            rate = self.n / max(time.perf_counter() - self.start, 1e-9)
            sys.stderr.write(f"\r  {self.n} articles read, {events} events ({rate:.0f} articles/s)")
            sys.stderr.flush()

    def done(self) -> None:
        if self.enabled and self.n:
            sys.stderr.write("\n")


def run_batch(
    items: Iterator[Article | Problem],
    store=None,
    options: Options | None = None,
    jobs: int = 1,
    on_events: Callable[[Article, list[Event]], None] | None = None,
    on_problem: Callable[[Problem], None] | None = None,
    progress: Progress | None = None,
) -> BatchStats:
    """Extract, store (skipping unchanged articles) and report; never stops on one bad input."""
    stats = BatchStats()
    t0 = time.perf_counter()

    def todo() -> Iterator[Article | Problem]:
        for it in items:
            if (
                isinstance(it, Article)
                and store is not None
                and not store.needs_update(it.id, it.content_hash, PIPELINE_VERSION)
            ):
                stats.unchanged += 1
                stats.articles += 1
                stored = [Event(**d) for d in _stored_events(store, it.id)]
                stats.events += len(stored)
                if on_events:
                    on_events(it, stored)
                continue
            yield it

    for res in extract_stream(todo(), options, jobs):
        if isinstance(res, Problem):
            stats.problems.append(res)
            if store is not None:
                store.record_problem(res.source, res.reason)
            if on_problem:
                on_problem(res)
            continue
        art, events = res
        stats.articles += 1
        stats.events += len(events)
        if store is not None:
            state = store.save_article(art, events, PIPELINE_VERSION)
            setattr(stats, state, getattr(stats, state) + 1)
        if on_events:
            on_events(art, events)
        if progress:
            progress.tick(stats.events)
    if progress:
        progress.done()
    stats.seconds = time.perf_counter() - t0
    return stats


def _stored_events(store, article_id: str) -> list[dict]:
    from dataclasses import fields

    names = {f.name for f in fields(Event)}
    out = []
    for d in store.events(article_id=article_id):
        d = {k: v for k, v in d.items() if k in names}
        d["evidence_spans"] = [tuple(s) for s in d.get("evidence_spans") or []]
        out.append(d)
    return out
