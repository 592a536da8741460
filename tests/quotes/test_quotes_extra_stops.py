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


def test_information_is_not_a_speaker_and_carries_none():
    # corpus sentence (Asharq Al-Awsat, Aug 2015): "the information stated" attributes the passage to nobody,
    # not to the sources quoted before it
    doc = rasid.analyse(
        "وأكدت المصادر لـ«الشرق الأوسط» أن الاشتباكات اندلعت إثر خلافات بين الطرفين. "
        "وكانت اشتباكات مماثلة دارت أول من أمس، وذكرت المعلومات أن رقعة الخلافات بين الجانبين تتسع.",
        "2015-08-09",
    )
    assert [q.speaker_text for q in doc.quotes] == ["المصادر"]


def test_according_to_the_statements_of_x_is_x():
    doc = rasid.analyse(
        "وقتل ستة مسلحين حوثيين في قصف على مواقعهم، بحسب تأكيدات الصحفي ناصر الشعيبي.", "2015-08-02"
    )
    assert [q.speaker_text for q in doc.quotes] == ["ناصر الشعيبي"]
