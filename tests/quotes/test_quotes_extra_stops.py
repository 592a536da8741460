"""A fronted adverbial or a conjunction is never a speaker."""

from __future__ import annotations

import rasid


def test_a_fronted_adverbial_is_not_the_speaker():
    doc = rasid.analyse(
        "بهذه الجملة أبلغ الناشط الحقوقي عبد القادر الجنيد العالم باختطافه من قبل الحوثيين مساء أول من أمس.",
        "2015-08-07",
    )
    names = [n for q in doc.quotes for n in (q.names or [])]
    assert not any("الجملة" in n for n in names)
