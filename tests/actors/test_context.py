"""Country context per sentence and paragraph (rasid.actors.context) on real news text.

The texts are sentences quoted from corpus articles (SaudiNewsNet 2015, Jawhara FM), put together the way
their articles run: a roundup whose sentences and paragraphs are about different countries.
"""

from __future__ import annotations

import datetime as dt

from rasid.doc import ArticleMeta, Doc
from tests.actors.conftest import actor_pipeline


def _canon(text: str, mention: str, occurrence: int = 1) -> str | None:
    doc = actor_pipeline()(Doc(text, ArticleMeta(article_id="t", published=dt.date(2015, 7, 27))))
    pos = -1
    for _ in range(occurrence):
        pos = text.index(mention, pos + 1)
    hits = [m for m in doc.actors if m.start <= pos < m.end]
    assert hits, f"{mention!r} not found among {[m.text for m in doc.actors]}"
    return hits[0].canonical


TUNISIA = (
    "وقتل ما لا يقل عن 39 شخصا، جلهم سياح أجانب، برصاص مسلح تسلل إلى شاطئ فندق بمدينة سوسة الساحلية "
    "التونسية. وكانت عملية متحف باردو في تونس قد فاجأت الجميع. ولذلك، استسلم الرزقي لرصاص قوات الأمن "
    "التونسي بمجرد نجاحه في قتل عدد كبير من السياح في سوسة.\n"
)


def test_paragraph_about_another_country():
    text = (
        TUNISIA + "إلى الشمال، استهدف الإرهاب مصنعًا للغاز الصناعي قرب ليون شرق فرنسا، حيث اقتحم المشتبه "
        "به مصنع الغاز. وعثرت الشرطة على رأس مقطوع عليه كتابات بالعربية معلقًا على سياج قرب المصنع.\n"
    )
    assert _canon(text, "الشرطة") == "Police Forces of France"


def test_place_in_the_sentence_beats_the_article():
    text = (
        TUNISIA + "ووجه ممثلو الادعاء اتهامات ضد 147 شخصًا يشتبه في دعمهم لمقاتلين في سوريا، حيث يسيطر "
        "تنظيم داعش على أجزاء كبيرة من البلاد.\n"
    )
    assert _canon(text, "تنظيم داعش") == "Islamic State (Syria)"
    # the article's own sentences keep the article's country
    assert _canon(text, "قوات الأمن") == "Police Forces of Tunisia"


def test_place_attached_to_the_name():
    text = (
        TUNISIA + "وصرحت رئيسة الجمعية أن المرأة التونسية تحتل المرتبة الأولى في النساء المتورطات مع "
        "تنظيم داعش الإرهابي في ليبيا، أمام الجنسيتين المصرية والجزائرية.\n"
    )
    assert _canon(text, "تنظيم داعش") == "Islamic State (Libya)"


def test_a_destination_does_not_move_the_army():
    text = (
        "أكد الرئيس اليمني عبدربه منصور هادي أن الانتصارات التي حققها الجيش الوطني والمقاومة الشعبية في "
        "بلاده ضد المليشيات المتمردة لن تتوقف حتى يتم تطهير كل المحافظات اليمنية. وقال الرئيس هادي، لدى "
        'مغادرته الرياض، متوجها إلى مصر إن "الجيش الوطني والمقاومة لن يألوا جهداً في مواصلة عملية استعادة '
        'الدولة". ميدانيا صد الجيش الوطني والمقاومة الشعبية اليمنية هجومًا لميليشيا الحوثي في أبين.\n'
    )
    hadi = "Military Forces of Yemen (2012-) Supporters of Hadi"
    assert _canon(text, "الجيش الوطني", 2) == hadi
    assert _canon(text, "الجيش الوطني", 3) == hadi


def test_bare_army_after_a_named_one():
    text = (
        "قال الجيش الأمريكي يوم امس السبت إن الولايات المتحدة وحلفاءها قصفوا أهدافا تابعة لتنظيم الدولة "
        "الإسلامية في العراق في 23 غارة جوية يوم الجمعة بالقرب من تلعفر والرمادي. كما قال الجيش إن خمس "
        "غارات شنت بالقرب من الرمادي دمرت مواقع قتالية.\n"
    )
    assert _canon(text, "الجيش", 2) == "Military Forces of the United States"
    assert _canon(text, "تنظيم الدولة") == "Islamic State (Iraq)"


def test_a_bare_army_with_no_named_one_is_of_its_country():
    text = (
        "أفاد المرصد السوري لحقوق الإنسان بمقتل اثنين من كبار قادة تنظيم داعش في غارة جوية بشمال شرق "
        "سوريا. وأعلنت مصادر ميدانية أن الجيش قصف مواقع التنظيم في الحسكة.\n"
    )
    assert _canon(text, "الجيش") == "Military Forces of Syria"


def test_nationality_inside_the_name_decides():
    text = (
        "تشهد مدينة بن قردان حالة من الاحتقان بعد وفاة شخص من أبناء المنطقة بطلق ناري من قبل مجموعات ليبية "
        "مسلحة على الحدود التونسية الليبية. وقرار تسليم أم سياف إلى الحكومة العراقية جاء بعد أن اعتقلتها "
        "القوات الأميركية في سوريا.\n"
    )
    assert _canon(text, "مجموعات ليبية مسلحة") == "Unidentified Armed Group (Libya)"
    assert _canon(text, "الحكومة العراقية") == "Government of Iraq"
    assert _canon(text, "القوات الأميركية") == "Military Forces of the United States"
