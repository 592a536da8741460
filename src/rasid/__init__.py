"""rasid (راصد): Arabic conflict news in, checkable ACLED-style event data out.

>>> import rasid
>>> events = rasid.extract("...", published="2019-08-23")
"""

from __future__ import annotations

import datetime as dt

from rasid.doc import ArticleMeta, Doc, Event
from rasid.options import Options
from rasid.pipeline import Pipeline

__all__ = ["extract", "analyse", "Pipeline", "Options", "Doc", "Event", "ArticleMeta", "__version__"]
__version__ = "0.1.0"

_default_pipeline: Pipeline | None = None


def _pipeline() -> Pipeline:
    global _default_pipeline
    if _default_pipeline is None:
        _default_pipeline = Pipeline()
    return _default_pipeline


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def analyse(
    text: str,
    published: str | dt.date | None = None,
    *,
    article_id: str = "article",
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Doc:
    """Run the pipeline on one article; return the annotated ``Doc``."""
    meta = ArticleMeta(
        article_id=article_id, title=title, published=_as_date(published), outlet=outlet, url=url
    )
    return _pipeline().make_doc(text, meta)


def extract(text: str, published: str | dt.date | None = None, **kwargs) -> list[Event]:
    """The events an Arabic article reports (see ``analyse`` for keyword arguments)."""
    return analyse(text, published, **kwargs).events
