"""Behaviour of the actor stage on real sentences: unknown names stay unknown, framing, people, spans."""

from __future__ import annotations

import time

from rasid.actors.stage import actors_for
from rasid.doc import ArticleMeta, Doc, Trigger
from tests.actors.conftest import actor_pipeline, analysed, articles, read_tsv


def run(text: str, published: str = "2019-08-20") -> Doc:
    import datetime as dt

    return actor_pipeline()(Doc(text, ArticleMeta(published=dt.date.fromisoformat(published))))


def mention(doc: Doc, text: str):
    hits = [m for m in doc.actors if m.text == text]
    assert hits, (text, [m.text for m in doc.actors])
    return hits[0]


# from seed-000 (2019)
CLASH = (
    "اندلعت اشتباكات عنيفة عند البوابة المعروفة ببوابة الـ17 على الطريق الساحلي الرابط مدينتي طرابلس والزاوية ، "
    'بين "كتيبة معمر الضاوي" التابعة لوزارة دفاع حكومة الوفاق و "كتيبة فرسان جنزور".'
)


def test_unknown_group_keeps_its_own_name():
    doc = run(CLASH)
    m = mention(doc, "كتيبة فرسان جنزور")
    assert m.canonical == "كتيبة فرسان جنزور"
    assert m.actor_id is None and m.kind == "militia" and not m.known
    assert mention(doc, "حكومة الوفاق").canonical == "Government of National Accord"


def test_a_name_out_of_its_years_is_not_a_known_actor():
    # the GNA did not exist in 2012: the name stays unknown rather than becoming the GNA
    doc = run("وأعلنت حكومة الوفاق الوطني أنها ستعقد اجتماعا في طرابلس.", "2012-05-01")
    m = mention(doc, "حكومة الوفاق الوطني")
    assert m.actor_id is None and m.canonical == "حكومة الوفاق الوطني"
    doc = run("وأعلنت حكومة الوفاق الوطني أنها ستعقد اجتماعا في طرابلس.", "2019-05-01")
    assert mention(doc, "حكومة الوفاق الوطني").actor_id == "gna"


def test_same_name_different_country():
    ly = run("وقال مصدر إن الجيش الوطني تقدم نحو طرابلس بعد معارك في ترهونة.", "2019-05-01")
    ye = run("وقال مصدر إن الجيش الوطني تقدم نحو صنعاء بعد معارك في مأرب وتعز.", "2015-08-01")
    assert mention(ly, "الجيش الوطني").canonical == "Libyan National Army"
    assert mention(ye, "الجيش الوطني").canonical == "Military Forces of Yemen (2012-) Supporters of Hadi"


def test_framing_of_aliases():
    doc = run(
        "وقالت مصادر إن قوات الكرامة وميليشيات حفتر قصفت مواقع قرب طرابلس، فيما رد الجيش الوطني الليبي."
    )
    assert mention(doc, "قوات الكرامة").framing == "hostile"
    assert mention(doc, "ميليشيات حفتر").framing == "hostile"
    assert mention(doc, "الجيش الوطني الليبي").framing == "pro"
    assert {m.canonical for m in doc.actors} == {"Libyan National Army"}


def test_descriptor_before_a_known_actor():
    doc = run(
        "وقصفت طائرات الجيش الوطني الليبي مواقع في مصراتة، كما قصفت ميليشيا لواء الصمود أحياء في طرابلس."
    )
    assert mention(doc, "طائرات الجيش الوطني الليبي").canonical == "Libyan National Army"
    m = mention(doc, "ميليشيا لواء الصمود")
    assert (
        m.canonical == "Al Samoud Brigade"
        and m.framing == "hostile"
        and m.side == "Government of National Accord"
    )


def test_people_with_roles(seed_texts):
    text, published = seed_texts["seed-000"]
    doc = analysed("seed-000", published)
    spokes = [m for m in doc.actors if m.kind == "person" and m.role == "spokesman"]
    assert any("المسماري" in m.text for m in spokes)
    assert all(m.canonical == "Libyan National Army" for m in spokes)
    mishri = [m for m in doc.actors if "المشري" in m.text]
    assert mishri and mishri[0].canonical == "Government of National Accord" and mishri[0].role == "head"


def test_generic_patterns():
    doc = run(
        "وقال مسؤول إن مسلحين مجهولين اختطفوا صحفيا في سبها، بينما اشتبك أهالي الزاوية مع مسلحين من قبيلة المشاشية."
    )
    assert mention(doc, "مسلحين مجهولين").canonical == "Unidentified Armed Group (Libya)"
    assert mention(doc, "أهالي الزاوية").canonical == "Civilians (Libya)"
    assert mention(doc, "قبيلة المشاشية").canonical == "قبيلة المشاشية"


def test_direction_passive_and_agent():
    doc = run("وقتل ثلاثة مدنيين على يد مسلحين مجهولين في بنغازي.", "2016-03-01")
    at = doc.text.index("وقتل") + 1
    trig = Trigger(
        at, at + 3, doc.text[at : at + 3], event_type="Violence against civilians", sub_event_type="Attack"
    )
    doc.triggers = [trig]
    a1, a2 = actors_for(doc, trig)
    assert a1.canonical == "Unidentified Armed Group (Libya)"
    assert a2.canonical == "Civilians (Libya)"
    doc = run("وتعرضت قوات الجيش الليبي لهجوم من قبل تنظيم داعش قرب سرت.", "2016-03-01")
    at = doc.text.index("لهجوم") + 1
    trig = Trigger(at, at + 4, doc.text[at : at + 4], event_type="Battles", sub_event_type="Armed clash")
    doc.triggers = [trig]
    a1, a2 = actors_for(doc, trig)
    assert a1.canonical == "Islamic State (Libya)"
    assert a2.canonical == "Libyan National Army"


def test_direction_never_reaches_another_sentence():
    doc = run("قصفت طائرات الجيش الوطني الليبي مواقع في مصراتة. وفي سياق آخر وقعت اشتباكات في الجنوب.")
    at = doc.text.index("اشتباكات")
    a1, a2 = actors_for(doc, doc.span(at, at + len("اشتباكات")))
    assert a1 is None and a2 is None


def test_spans_are_exact_on_real_articles(need_shared):
    ids = sorted({r["source"] for r in read_tsv("mentions.tsv")})[:40]
    for source in ids:
        doc = actor_pipeline()(Doc(articles()[source]))
        for m in doc.actors:
            assert doc.text[m.start : m.end] == m.text
            assert doc.sentences[m.sentence].start <= m.start


def test_speed(need_shared):
    texts = list(articles().values())[:150]
    pipe = actor_pipeline()
    pipe(Doc(texts[0]))
    t0 = time.perf_counter()
    chars = 0
    for t in texts:
        pipe(Doc(t))
        chars += len(t)
    secs = time.perf_counter() - t0
    print(
        f"actors (with sentences, tokens, places): {len(texts)} articles, {chars} chars in {secs:.2f} s "
        f"= {len(texts) / secs:.0f} articles/s"
    )
    assert secs < 30
