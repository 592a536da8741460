"""The CRF named-entity tagger: span decoding, training on a slice (~7 s), and the stage without a model."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from rasid.actors.ner import sent_features, spans_from_tags
from rasid.doc import Doc
from rasid.options import Options
from rasid.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data" / "ner" / "cleananercorp"


def test_spans_from_tags():
    tags = ["B-PERS", "I-PERS", "O", "B-LOC", "B-LOC", "I-ORG", "O", "B-ORG", "I-ORG"]
    assert spans_from_tags(tags) == [
        ("PERS", 0, 2),
        ("LOC", 3, 4),
        ("LOC", 4, 5),
        ("ORG", 5, 6),
        ("ORG", 7, 9),
    ]
    assert spans_from_tags(["O", "O"]) == []


def test_features_are_per_word():
    words = "قال اللواء أحمد المسماري في بنغازي".split()
    feats = sent_features(words)
    assert len(feats) == len(words)
    assert feats[5].get("lex_place") == 1.0  # بنغازي is a known place
    assert feats[2].get("-1title") == 1.0  # after the title اللواء


def test_stage_runs_without_a_model(tmp_path):
    opts = Options(
        stages=("sentences", "tokens", "actors"), use_ner=True, extra={"ner_model": str(tmp_path / "none")}
    )
    doc = Pipeline(opts)(Doc("وقال الناطق باسم الجيش الوطني الليبي أحمد المسماري إن قواته تقدمت."))
    assert any(m.canonical == "Libyan National Army" for m in doc.actors)


def _train_module():
    spec = importlib.util.spec_from_file_location("train_ner", REPO / "tools" / "train_ner.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["train_ner"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_train_on_a_slice_and_tag(tmp_path):
    if not DATA.exists():
        pytest.skip("CleanANERcorp not present")
    tr = _train_module()
    train = tr.read_conll(DATA / "cleananercorp_TRAIN.txt", 600)
    test = tr.read_conll(DATA / "cleananercorp_TEST.txt")[:300]
    model = tmp_path / "ner.crfsuite"
    tr.train(train, model, 0.1, 0.01, 60)
    scores = tr.evaluate([t for _, t in test], tr.predict(model, test))
    print({k: round(v[2], 3) for k, v in scores.items()})
    assert scores["ALL"][2] > 0.3
    opts = Options(stages=("sentences", "tokens", "actors"), use_ner=True, extra={"ner_model": str(model)})
    doc = Pipeline(opts)(Doc("وقال رئيس بلدية سبها حامد الخيالي إن الاشتباكات تجددت في المدينة."))
    for m in doc.actors:
        assert doc.text[m.start : m.end] == m.text
