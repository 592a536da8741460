"""Numbers written as words and digits."""

from __future__ import annotations

import pytest

import rasid
from rasid.text.numbers import find_numbers, parse_number_words


@pytest.mark.parametrize(
    "text,value",
    [
        ("ثلاثة عشر", 13),
        ("ثلاث عشرة", 13),
        ("الحادي والعشرين", 21),
        ("الثامن عشر", 18),
        ("مائة وثمانين", 180),
        ("مئة وثمانون", 180),
        ("ثلاثمائة وخمسة وعشرون", 325),
        ("ثلاث مائة", 300),
        ("خمسة وعشرين", 25),
        ("إحدى عشرة", 11),
        ("اثنا عشر", 12),
        ("ثلاثة آلاف", 3000),
        ("ألفين وخمسمائة", 2500),
        ("عشرة آلاف", 10000),
        ("الخامس", 5),
        ("الثلاثين", 30),
        ("سبعة", 7),
        ("عشرات", 12),
        ("عدد من", 3),
        ("مئات", 100),
        ("بضعة", 3),
        ("١٨٠", 180),
    ],
)
def test_parse_number_words(text, value):
    assert parse_number_words(text) == value


@pytest.mark.parametrize("text", ["طرابلس", "الجيش الوطني", "", "ثلاثة طرابلس"])
def test_not_numbers(text):
    assert parse_number_words(text) is None


def test_find_numbers_in_real_sentence():
    # Asharq Al-Awsat, 2015 (SaudiNewsNet): numbers as words and digits, vague counts
    text = (
        "قتل ثلاثة متمردين أكراد وجرح سبعة أشخاص بينهم شرطيان، وسقط العشرات من الجرحى "
        "وقتل ١٢ شخصاً على الأقل واعتقل عدد من الشبان، ونزح مئات المدنيين و3 آلاف آخرون"
    )
    doc = rasid.analyse(text, "2015-08-07")
    found = [(doc.text[s:e], v, k) for s, e, v, k in find_numbers(doc)]
    assert ("ثلاثة", 3, "cardinal") in found
    assert ("سبعة", 7, "cardinal") in found
    assert ("العشرات", 12, "vague") in found
    assert ("١٢", 12, "digits") in found
    assert ("عدد من", 3, "vague") in found
    assert ("مئات", 100, "vague") in found
    assert ("3 آلاف", 3000, "digits") in found
    for s, e, _v, _k in find_numbers(doc):
        assert doc.text[s:e].strip() == doc.text[s:e]


def test_find_numbers_strips_proclitics():
    doc = rasid.analyse("استهدف قاعدة مصراتة بثلاث ضربات متزامنة وقتل الحادي والعشرين", "2019-08-23")
    found = [(doc.text[s:e], v, k) for s, e, v, k in find_numbers(doc)]
    assert ("ثلاث", 3, "cardinal") in found
    assert ("الحادي والعشرين", 21, "ordinal") in found


def test_weekday_and_decimal():
    doc = rasid.analyse("نزح 3.5 مليون شخص وقتل 1,500 يوم الاثنين", "2015-08-03")
    found = [(doc.text[s:e], v, k) for s, e, v, k in find_numbers(doc)]
    assert ("3.5 مليون", 3_500_000, "digits") in found
    assert ("1,500", 1500, "digits") in found
    assert not any(t == "الاثنين" for t, _v, _k in found)  # Monday, not "two"
