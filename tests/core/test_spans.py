"""Every span of every layer reads back from the raw text, on the seeds and 200 corpus articles."""

from __future__ import annotations

import pytest

import rasid
from rasid.text.normalise import normalise
from tests.conftest import corpus_articles


def _check(doc) -> int:
    n = 0
    for s in doc.all_spans():
        assert doc.text[s.start : s.end] == s.text, (type(s).__name__, s)
        n += 1
    for q in doc.quotes:
        if q.speaker_start is not None:
            assert doc.text[q.speaker_start : q.speaker_end] == q.speaker_text
    for e in doc.events:
        assert doc.text[e.evidence_start : e.evidence_end] == e.evidence
    return n


def test_spans_on_seeds(seed_texts):
    for text, published in seed_texts.values():
        doc = rasid.analyse(text, published)
        assert doc.sentences and doc.tokens
        assert _check(doc) > 100


def test_spans_on_200_corpus_articles():
    arts = corpus_articles(200)
    if len(arts) < 200:
        pytest.skip("shared corpus not present")
    total = 0
    for a in arts:
        doc = rasid.analyse(a["text"], a.get("published"), article_id=a["id"])
        total += _check(doc)
    assert total > 10_000


def test_normalised_view_maps_back():
    raw = "قالَ المتحدثُ: إنّ «الجيشَ» قصفَ مواقعَ في بنغازي يوم ١٨ أغسطس\u00a0الجاري"
    view, offsets = normalise(raw)
    assert "الجيش" in view and "18" in view and "\u00a0" not in view
    i = view.index("الجيش")
    assert raw[offsets[i]] == "ا"
    assert len(offsets) == len(view) + 1
