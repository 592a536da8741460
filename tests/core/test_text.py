"""Sentences, tokens with clitics, and phrase matching on real Arabic news text."""

from __future__ import annotations

from rasid.doc import Doc
from rasid.text.matcher import PhraseMatcher
from rasid.text.normalise import norm
from rasid.text.sentences import MAX_SENTENCE, split_sentences
from rasid.text.tokens import clitic_candidates, default_analysis, tokenize


def _sentences(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_glued_sentences_are_split():
    text = "التي ترسخ وجودها فيها منذ سنوات.وفي المقابل سارعت حكومة الوفاق الى الدعوة لمواجهة الجيش."
    assert _sentences(text) == [
        "التي ترسخ وجودها فيها منذ سنوات.",
        "وفي المقابل سارعت حكومة الوفاق الى الدعوة لمواجهة الجيش.",
    ]


def test_decimals_newlines_and_quotes():
    text = "ارتفع السعر 3.5 في المئة.\nوقال المتحدث «انتهت العملية.» ثم غادر."
    got = _sentences(text)
    assert got[0] == "ارتفع السعر 3.5 في المئة."
    assert got[1] == "وقال المتحدث «انتهت العملية.»"


def test_long_sentences_break_at_clauses():
    clause = "واستهدفت الغارات مواقع للمسلحين في محيط المدينة، "
    text = clause * 20
    for s, e in split_sentences(text):
        assert e - s <= MAX_SENTENCE + len(clause)


def test_clitic_readings():
    assert (3, "جيش", True) in clitic_candidates("والجيش")
    assert (2, "جيش", True) in clitic_candidates("للجيش")
    assert clitic_candidates("بنغازي")[0] == (0, "بنغازي", False)
    assert default_analysis("وبالكليه") == ("وبال", "كليه")
    assert default_analysis("بنغازي") == ("", "بنغازي")


def test_tokens_map_to_raw_text():
    doc = Doc("وأعلنَ الجيشُ الوطني الليبي، شنّ ضربات جوية على قاعدة جوية في مصراتة.")
    from rasid.text.sentences import sentences_stage

    sentences_stage(doc, None)
    toks = tokenize(doc)
    assert [t.text for t in toks][:3] == ["وأعلنَ", "الجيشُ", "الوطني"]
    assert toks[1].norm == "الجيش" and toks[1].base == "جيش"


def test_phrase_matcher_strips_proclitics_and_keeps_article():
    from rasid.text.sentences import sentences_stage

    m = PhraseMatcher([("الكلية الجوية", "college"), ("مصراتة", "misrata"), ("الجيش الوطني الليبي", "lna")])
    doc = Doc("وقصفت طائرات الجيش الوطني الليبي، بالكلية الجوية بمصراتة ولمصراته.")
    sentences_stage(doc, None)
    doc.tokens = tokenize(doc)
    hits = m.find(doc)
    assert [(h.text, h.payloads[0]) for h in hits] == [
        ("الجيش الوطني الليبي", "lna"),
        ("الكلية الجوية", "college"),
        ("مصراتة", "misrata"),
        ("مصراته", "misrata"),
    ]
    for h in hits:
        assert doc.text[h.start : h.end] == h.text


def test_norm_folds_variants():
    assert norm("إبريل") == norm("ابريل")
    assert norm("مصراتة") == "مصراته"
    assert norm("الأحد ١٨") == "الاحد 18"


def test_phrases_do_not_run_across_punctuation():
    from rasid.text.sentences import sentences_stage

    m = PhraseMatcher([("باب العزيزية", "bab"), ("المدينة", "city")])
    doc = Doc('وصلوا إلى المدينة، "باب العزيزية" ثم باب العزيزية.')
    sentences_stage(doc, None)
    doc.tokens = tokenize(doc)
    hits = m.find(doc)
    assert [h.text for h in hits] == ["المدينة", "باب العزيزية", "باب العزيزية"]
    assert hits[0].article and not hits[1].article


def test_fast_normalisation_equals_the_character_by_character_folds():
    from array import array

    from rasid.text import normalise as N

    for raw in ("قصفت الطائرات ـ مواقعَ «داعش» في ٣ مدن، ABC\u00a0x", "ﻻ إله ﷲ", "", "\ufeffأمس"):
        out, offs = [], array("l")
        for i, ch in enumerate(raw):
            f = N.fold_char(ch)
            if f:
                out.append(f)
                offs.append(i)
        offs.append(len(raw))
        view, offsets = N.normalise(raw)
        assert view == "".join(out) and list(offsets) == list(offs)
        assert N.norm(raw) == " ".join("".join(N.fold_char(c) for c in raw).split())
