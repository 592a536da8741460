"""Events: trigger typing, modality, fatalities and assembly on real Arabic sentences."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from rasid.doc import Doc
from rasid.events.assembly import calibrate, candidates
from rasid.events.fatalities import fatalities_in
from rasid.options import Options
from rasid.pipeline import Pipeline

HERE = Path(__file__).parent
EVENT_STAGES = ("sentences", "tokens", "triggers", "modality")


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(Options(stages=EVENT_STAGES))


def _cases() -> list[dict[str, str]]:
    text = (HERE / "triggers.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE))


def _events(pipe: Pipeline, text: str):
    doc = pipe(Doc(text))
    th = pipe.resources.options.min_event_confidence
    return doc, [c for c in candidates(doc, pipe.resources) if calibrate(c.confidence) >= th]


def test_trigger_typing_accuracy(pipe):
    cases = _cases()
    assert len(cases) >= 20
    right = 0
    wrong = []
    for c in cases:
        _doc, evs = _events(pipe, c["sentence"])
        if c["event_type"] == "NONE":
            ok = not evs
        else:
            ok = any((e.event_type, e.sub_event_type) == (c["event_type"], c["sub_event_type"]) for e in evs)
        right += ok
        if not ok:
            wrong.append((c["sentence"][:50], [(e.event_type, e.sub_event_type) for e in evs]))
    assert right / len(cases) >= 0.85, wrong


def test_spans_are_raw_offsets(pipe):
    text = "وفي الثامن عشر من أغسطس، قصفتها طائرات الجيش\u00a0الليبي، وأسقطتها الدفاعات الجوية."
    doc = pipe(Doc(text))
    assert doc.triggers
    for t in doc.triggers:
        assert doc.text[t.start : t.end] == t.text


MODALITY = [
    # (sentence, trigger text, expected modality)
    ("غير أن مليشيا لواء الصمود هدد عبر مواقع التواصل الاجتماعي، برد قاسٍ على قصف قاعدة مصراتة.", "قصف", "threat"),
    ("وأدان المجلس مطلع يوليو الجاري، استهداف الطيران التركي لمنازل المدنيين.", "استهداف", "condemnation"),
    ("فمطلع مايو الماضي، بلغت حصيلة قتلى وجرحى الاشتباكات الدائرة في العاصمة طرابلس أكثر من 300 قتيل.", "الاشتباكات", "total"),
    ("ونفت وزارة الدفاع أن تكون طائراتها قد قصفت أي موقع مدني في المدينة.", "قصفت", "denied"),
    ("وقال القائد إن قواته تستعد لشن هجوم واسع على مواقع المسلحين.", "هجوم", "plan"),
    ("ودعا الأمين العام إلى وقف القتال فورا في المدينة.", "القتال", "call"),
    ("إذا هاجمت الميليشيات المدينة فإن الجيش سيرد بقوة.", "هاجمت", "conditional"),
    ("أكدت الوزيرة أن القوات الايطالية ليست هدفا للقصف الجوي الذي تشنه الطائرات.", "قصف الجوي", "negated"),
    ("هل تستخدم في اجهزتكم الامنية اية وسائل تعذيب لانتزاع الاعترافات؟", "تعذيب", "question"),
    ("وفي الثامن عشر من أغسطس الجاري، قصفت طائرات الجيش الوطني الليبي مواقع في مصراتة.", "قصفت", "asserted"),
    ("حيث اندلعت اشتباكات عنيفة عند البوابة على الطريق الساحلي.", "اندلعت اشتباكات", "asserted"),
]


@pytest.mark.parametrize("sentence,word,expected", MODALITY)
def test_modality(pipe, sentence, word, expected):
    doc = pipe(Doc(sentence))
    hits = [t for t in doc.triggers if t.text == word]
    assert hits, [t.text for t in doc.triggers]
    assert hits[0].modality == expected


def test_not_events_give_no_event(pipe):
    for s in (
        "إن القوات المسلحة ستُحبط أي مشروع لإنشاء قواعد أجنبية تدعم وتموّل الإرهاب داخل ليبيا.",
        "غير أن مليشيا لواء الصمود هدد عبر مواقع التواصل الاجتماعي، برد قاسٍ على قصف قاعدة مصراتة.",
        "فمطلع مايو الماضي، بلغت حصيلة قتلى وجرحى الاشتباكات الدائرة في العاصمة طرابلس أكثر من 300 قتيل و2500 جريح.",
    ):
        _doc, evs = _events(pipe, s)
        assert not evs, (s, [(e.sub_event_type, e.anchor.text) for e in evs])


FATALITIES = [
    ("وأسفر الهجوم عن مقتل 5 أشخاص وإصابة 12 آخرين.", 5),
    ("قالت الشرطة ان بين 30 و35 شخصا قتلوا في انفجارين ضربا الموكب.", 30),
    ("وأسفرت الغارة عن مقتل ثلاثة مسلحين على الأقل.", 3),
    ("وقتل عامل في شركة السكك الحديدية وأصيب شخص آخر في هجوم بالأسلحة.", 1),
    ("وأدى القصف إلى مقتل العشرات من المدنيين.", 12),
    ("وأصيب سبعة أشخاص بجروح في الانفجار.", None),
    ("مخلفة عددًا من القتلى والجرحى.", None),
    ("مما أدى إلى وقوع أربعة قتلى وعدد من الإصابات.", 4),
]


@pytest.mark.parametrize("sentence,expected", FATALITIES)
def test_fatalities(pipe, sentence, expected):
    doc = pipe(Doc(sentence))
    assert fatalities_in(doc, pipe.resources, 0, len(doc.tokens)) == expected


def test_assembly_merges_repeats_and_keeps_distinct_events():
    import rasid

    text = (
        "قصفت طائرات حربية مواقع في مدينة مصراتة يوم الأحد 18 أغسطس 2019.\n"
        "وقال المتحدث إن طائرات حربية شنت غارات جوية على مصراتة ودمرت مخازن للطائرات المسيرة.\n"
        "وفي اليوم نفسه، اندلعت اشتباكات عنيفة بين كتيبتين في مدينة الزاوية.\n"
    )
    doc = rasid.analyse(text, "2019-08-20")
    types = [(e.event_type, e.sub_event_type) for e in doc.events]
    assert ("Battles", "Armed clash") in types
    strikes = [e for e in doc.events if e.sub_event_type == "Air/drone strike"]
    assert len(strikes) >= 1
    for e in doc.events:
        assert doc.text[e.evidence_start : e.evidence_end] == e.evidence
        assert e.event_id.startswith(doc.meta.article_id)
    if strikes[0].location_name is not None:  # merging needs the place stage
        assert len(strikes) == 1 and len(strikes[0].evidence_spans) == 2


def test_sentence_model_ships_small_and_scores():
    from importlib import resources as ir

    from rasid.events.model import load_sentence_model

    path = ir.files("rasid.events.data").joinpath("sentence_model.npz")
    assert path.is_file() and len(path.read_bytes()) < 2_000_000
    model = load_sentence_model(Options())
    yes = model.score("فجر انتحاري سيارة مفخخة أمام مطعم يرتاده رجال الشرطة مما أدى إلى مقتل عشرة أشخاص.", "ASSAULT")
    no = model.score("بحث رئيس الوزراء مع نظيره تطورات الأوضاع السياسية في المنطقة.", "ASSAULT")
    assert yes > no


def test_accurate_model_is_opt_in_and_numpy_scored():
    import numpy as np

    from rasid.events.model import AccurateModel, load_accurate_model

    assert load_accurate_model(Options()) is None  # off by default: the default pipeline never embeds
    from importlib import resources as ir

    raw = ir.files("rasid.events.data").joinpath("sentence_model_e5.npz").read_bytes()
    model = AccurateModel.from_npz(raw)
    assert set(model.weights) == {"ASSAULT", "PROTEST"}
    w, _ = model.weights["ASSAULT"]
    e = w / np.linalg.norm(w)  # an embedding along the weights scores high, its opposite low
    assert model.score("", "ASSAULT", 0.5, emb=e) > model.score("", "ASSAULT", 0.5, emb=-e)
    assert model.score("", "OTHER", 0.3) == 0.3


def test_sentence_model_verb_lexicon_round_trip(tmp_path):
    import numpy as np

    from rasid.events.model import DIM, SentenceModel

    plain = SentenceModel({"PROTEST": (np.zeros(DIM, dtype=np.float32), 0.0)})
    lexicon = SentenceModel(dict(plain.weights), {"PROTEST": ({"احتشد": 0.9}, (1.0, 3.0, -1.0))})
    path = tmp_path / "m.npz"
    lexicon.to_npz(str(path))
    back = SentenceModel.from_npz(path.read_bytes())
    assert back.verbs["PROTEST"][0] == {"احتشد": 0.9}
    text = "احتشد المئات امام البرلمان"
    assert plain.score(text, "PROTEST") == 0.5
    assert back.score(text, "PROTEST") > 0.5 > back.score("بحث الوزير الاوضاع", "PROTEST")
    assert back.score(text, "PROTEST", use_verbs=False) == 0.5


MORE_MODALITY = [
    ("قال مسؤول في الجيش إن سلاح الجو التابع للجيش سيشن المزيد من الغارات الجوية على مواقع الميليشيات.", "الغارات الجوية", "plan"),
    ("قتل 9 مدنيين وأصيب 42 آخرون خلال الاشتباكات في المدينة خلال شهر يوليو الماضي.", "الاشتباكات", "total"),
    ("كما أشار إلى أن الاحتقان قد يتجاوز التعبير إلى أفعال ترقى إلى مظاهرات.", "مظاهرات", "plan"),
    ("إن وجهاء القبيلتين حاولوا التفاوض على هدنة لكن المحادثات فشلت.", "هدنة", "plan"),
]


@pytest.mark.parametrize("sentence,word,expected", MORE_MODALITY)
def test_more_modality(pipe, sentence, word, expected):
    doc = pipe(Doc(sentence))
    hits = [t for t in doc.triggers if t.text == word]
    assert hits, [t.text for t in doc.triggers]
    assert hits[0].modality == expected


def test_light_verb_keeps_noun_eventive(pipe):
    doc = pipe(Doc("وقالت مصادر إن مسلحين قاموا بالاعتداء على الاستاذ الجامعي أمام منزله."))
    trig = [t for t in doc.triggers if "الاعتداء" in t.text]
    assert trig and "reference" not in trig[0].flags
    doc = pipe(Doc("وطالب الأهالي بالتحقيق في الاعتداء على الاستاذ الجامعي."))
    trig = [t for t in doc.triggers if "الاعتداء" in t.text]
    assert trig and ("reference" in trig[0].flags or trig[0].modality != "asserted")


def test_evidence_leaves_out_the_call():
    import rasid

    text = (
        "وكان عدد من المتظاهرين قد خرجوا في عدد من المدن الليبية رافعين أعلام النظام السابق احتجاجًا على "
        "أحكام الإعدام الصادرة في حق عدد من رموزه، ودعا عدد من مناصري النظام السابق إلى تنظيم تظاهرات أخرى."
    )
    doc = rasid.analyse(text, "2015-08-09")
    protests = [e for e in doc.events if e.event_type == "Protests"]
    assert protests
    for e in protests:
        assert "ودعا" not in e.evidence
        assert doc.text[e.evidence_start : e.evidence_end] == e.evidence


MORE_FATALITIES = [
    ("قال مسعفون إن جنديين ليبيين قتلا وأصيب عشرة بجروح في قتال في وسط مدينة بنغازي.", 2),
    ("لقي 5 أشخاص اليوم الأربعاء مصرعهم في مدينة سرت الليبية في هجوم انتحاري.", 5),
    ("ولقي مدرس وزوجته مصرعهما بنيران مسلحين مجهولين جنوبي العاصمة.", 2),
    ("قال مسؤول إن 12 شخصا على الأقل قتلوا اليوم السبت عندما هاجم انتحاريان حمام سباحة.", 12),
]


@pytest.mark.parametrize("sentence,expected", MORE_FATALITIES)
def test_more_fatalities(pipe, sentence, expected):
    doc = pipe(Doc(sentence))
    assert fatalities_in(doc, pipe.resources, 0, len(doc.tokens)) == expected


SEEDS = Path("/work/shared/seeds")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not available")
def test_seed_articles_spans_and_ids():
    import rasid

    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = rasid.analyse(text, "2019-08-23", article_id=path.stem)
        assert doc.events
        for t in doc.triggers:
            assert doc.text[t.start : t.end] == t.text
        ids = [e.event_id for e in doc.events]
        assert len(ids) == len(set(ids))
        for e in doc.events:
            assert doc.text[e.evidence_start : e.evidence_end] == e.evidence
            assert (e.evidence_start, e.evidence_end) in e.evidence_spans
            assert e.confidence >= 0.3
