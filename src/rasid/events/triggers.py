"""Trigger stage: find words and phrases that report events and type them in ACLED's taxonomy.

The lexicon (``data/triggers.tsv``) is matched with the proclitic-tolerant PhraseMatcher; words it misses
because of an attached pronoun (قصفتها, أسقطتها) are looked up again with the suffix stripped. Each trigger
is then typed from its clause: an instrument (طائرة, هاون, عبوة ناسفة, انتحاري) sets the sub-event type of
remote violence, civilian victims or targets set ``civilian_targeting``, and generic words (قتل, استهدف,
هجوم) take the type their clause supports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rasid.doc import Doc, Trigger
from rasid.events.lexicon import TriggerEntry, set_active_sentences, token_hits
from rasid.pipeline import stage
from rasid.resources import Resources, data_tsv
from rasid.text.normalise import norm
from rasid.text.tokens import clitic_candidates, suffix_candidates


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """``data/function_words.tsv``: kind -> the normalised words of that kind."""
    return {
        r["kind"]: frozenset(norm(w) for w in r["words"].split("|") if w)
        for r in data_tsv("rasid.events.data", "function_words.tsv")
    }


_WORDS = function_words()
_TEMPORAL_PREPS = _WORDS["temporal_prep"]
_PERSON_NOUNS = _WORDS["person_noun"]
_COUNTED_PEOPLE = _PERSON_NOUNS - _WORDS["nationality_noun"]
_PEOPLE_COUNTED = _WORDS["people"]
_DESTROY_NOUNS = _WORDS["destroy_noun"]
_MATERIAL = _WORDS["material"]  # تدمير أسلحة ومتفجرات: stores hit, not a device stopped
_FOIL = _WORDS["foil"]
FOIL_REACH = 6  # from a verb of foiling to the attempt it foiled, past its subject (أحبطت الأجهزة الأمنية المصرية محاولة)
PEOPLE_NEAR = 4  # from a killing word to the people it counts (قتل 18 شخصا, مقتل ثلاثة أشخاص)
_TOOK_PLACE = _WORDS["took_place"]
_IN_RESPONSE = _WORDS["in_response"]
_AFTER = _WORDS["after_clause"]
_ONGOING = _WORDS["ongoing"]
_CONNECTIVE_HEADS = _WORDS["connective_head"]
_SUPPORT = _WORDS["support"]
_IN_THE_WAKE = _WORDS["in_the_wake"]
_NEGATIONS = _WORDS["negation"]
_RELATIVES = _WORDS["relative"]
_COMPLEMENTIZERS = _WORDS["complementizer"]
_LIGHT_PREPS = _WORDS["light_prep"]
_CARRY_OUT = _WORDS["carry_out"]
_NOT_SUFFIXED = _WORDS["not_suffixed"]
_TARGET_PREPS = _WORDS["target_prep"]
_KILLED_NOUNS = _WORDS["killed_noun"]

_OBJECT_SUFFIXES = ("هما", "هم", "هن", "ها", "ه", "نا")  # not كم: "you" is addressed in threats
_PLURAL_POSSESSED = re.compile(r"ات(?:ها|هم|هما|هن|ه|نا)$")
# a short name in quotes («هيومان رايتس ووتش», "داعش") belongs to its clause
_QUOTED_NAME = re.compile(r"[«\"“](?:[^\s«»\"“”.،,:؛!?؟]+\s?){1,4}[»\"”]")
_CLAUSE_PUNCT = re.compile(r"[؛;:.!?؟\"«»“”()\[\]]|\s-\s|–")


@dataclass
class EventTrigger(Trigger):
    """A Trigger with what later event stages need: token range, lexicon weight and flags."""

    tok_start: int = 0
    tok_end: int = 0
    weight: float = 0.0
    flags: frozenset[str] = field(default_factory=frozenset)
    family: str = ""
    rank: int = 99
    cue: str = ""  # the modality cue that governs it (if any)
    model_score: float | None = None
    phrase: str = ""  # the lexicon form it matched


def clause_ids(doc: Doc, resources: Resources) -> list[int]:
    """A clause number for every token: clauses break at sentence ends, ؛ : quotes and boundary words."""
    cache = doc.user.get("events.clause_ids")
    if cache is not None:
        return cache
    ctx = resources.get("events.context")
    starts = set()
    if "boundary" in ctx:
        for m in token_hits(doc, "ctx.boundary", ctx["boundary"]).values():
            for mm in m:
                starts.add(mm.tok_start)
    ids: list[int] = []
    cid = 0
    toks = doc.tokens
    name_quotes = {q for m in _QUOTED_NAME.finditer(doc.text) for q in (m.start(), m.end() - 1)}
    for i, t in enumerate(toks):
        if i > 0:
            prev = toks[i - 1]
            gap = doc.text[prev.end : t.start]
            if name_quotes and gap and not gap.isspace():  # (whitespace alone never ends a clause)
                gap = "".join(ch for k, ch in enumerate(gap, prev.end) if k not in name_quotes)
            if prev.sentence != t.sentence or i in starts or _CLAUSE_PUNCT.search(gap):
                cid += 1
        ids.append(cid)
    doc.user["events.clause_ids"] = ids
    return ids


def clause_range(doc: Doc, resources: Resources, tok: int) -> tuple[int, int]:
    """[lo, hi) token range of the clause containing token ``tok``."""
    ids = clause_ids(doc, resources)
    c = ids[tok]
    lo = tok
    while lo > 0 and ids[lo - 1] == c:
        lo -= 1
    hi = tok + 1
    while hi < len(ids) and ids[hi] == c:
        hi += 1
    return lo, hi


def context_in(doc: Doc, resources: Resources, kind: str, lo: int, hi: int) -> list:
    """Context-cue matches of ``kind`` starting in tokens [lo, hi)."""
    ctx = resources.get("events.context")
    if kind not in ctx:
        return []
    hits = token_hits(doc, "ctx." + kind, ctx[kind])
    out = []
    for i in range(lo, hi):
        out.extend(hits.get(i, ()))
    return out


def _suffix_hits(doc: Doc, matcher, covered: set[int]) -> list[tuple[int, TriggerEntry, int]]:
    """(token index, entry, chars of proclitics) for words found only after removing an attached pronoun."""
    out = []
    cache = _SUFFIX_CACHE.setdefault(id(matcher), {})
    if len(cache) > 200_000:
        cache.clear()
    for t in doc.tokens:
        if t.index in covered or len(t.norm) < 4 or not t.norm.endswith(_OBJECT_SUFFIXES):
            continue
        if t.text.endswith("ة") or t.text.endswith("ى"):
            continue  # ta marbuta / alef maqsura: no attached pronoun
        if t.norm not in cache:
            cache[t.norm] = _suffix_lookup(matcher, t.norm)
        found = cache[t.norm]
        if found:
            entries = [e for e in found[1] if "territory" not in e.flags]
            # سيطر takes على: سيطرتها is the noun (its control), not a verb with an object
            if entries:
                out.append((t.index, entries, found[0]))
    return out


_SUFFIX_CACHE: dict[int, dict[str, tuple[int, list] | None]] = {}


_ALEF_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots")


def _alef_hits(doc: Doc, matcher, covered: set[int]) -> list[tuple[int, list, int]]:
    """(token index, entries, chars of proclitics) for words found only after removing a final alef: the dual of
    a past verb (مسلحان هاجما, انتحاريان فجرا) or the accusative of a noun (نفذ أكثر من ألف شخص اعتصاما)."""
    out = []
    cache = _ALEF_CACHE.setdefault(id(matcher), {})
    if len(cache) > 200_000:
        cache.clear()
    for t in doc.tokens:
        w = t.norm
        if t.index in covered or len(w) < 4 or w[-1] != "ا" or w[-2] == "ا" or w in _NOT_SUFFIXED:
            continue
        if w not in cache:
            cache[w] = _alef_lookup(matcher, w)
        if cache[w]:
            out.append((t.index, cache[w][1], cache[w][0]))
    return out


_ALEF_CACHE: dict[int, dict[str, tuple[int, list] | None]] = {}


def _alef_lookup(matcher, word: str) -> tuple[int, list] | None:
    for cut, stem, _art in clitic_candidates(word):
        if len(stem) < 4:
            continue
        entries = [e for e in matcher.lookup(stem[:-1]) if e.event_type in _ALEF_TYPES and "territory" not in e.flags]
        if entries:
            return cut, entries
    return None


def _suffix_lookup(matcher, word: str) -> tuple[int, list] | None:
    for cut, stem, _art in clitic_candidates(word):
        if not stem.endswith(_OBJECT_SUFFIXES) or stem.endswith(("كم", "كن")):
            continue
        for s in suffix_candidates(stem)[1:]:
            if len(s) < 3:
                continue
            entries = matcher.lookup(s)
            if entries:
                return cut, entries
    return None


def _best_entry(entries: list[TriggerEntry]) -> TriggerEntry:
    return max(entries, key=lambda e: e.weight)


def _fitting_entry(doc: Doc, resources: Resources, entries: list[TriggerEntry], tok_end: int) -> TriggerEntry:
    """Of the entries that need words after them, the heaviest whose words follow in its sentence (أطلق ...
    النار: opened fire; أطلق ... قذائف: launched shells); else the heaviest entry, as for one reading."""
    if len(entries) == 1:
        return entries[0]
    sentence = doc.tokens[tok_end - 1].sentence

    def met(e: TriggerEntry) -> bool:
        for flag, (kind, reach) in NEEDS_AFTER.items():
            if flag in e.flags:
                hi = tok_end
                while hi < min(len(doc.tokens), tok_end + reach) and doc.tokens[hi].sentence == sentence:
                    hi += 1
                if not context_in(doc, resources, kind, tok_end, hi):
                    return False
        return True

    fitting = [e for e in entries if NEEDS_AFTER.keys() & e.flags and met(e)]
    return _best_entry(fitting or entries)


def _make(doc: Doc, start: int, end: int, tok_start: int, tok_end: int, e: TriggerEntry, tax) -> EventTrigger:
    st = tax.get(e.sub_event_type)
    return EventTrigger(
        start,
        end,
        doc.text[start:end],
        event_type=e.event_type,
        sub_event_type=e.sub_event_type,
        confidence=e.weight,
        civilian_targeting="civilian" in e.flags,
        sentence=doc.tokens[tok_start].sentence,
        tok_start=tok_start,
        tok_end=tok_end,
        weight=e.weight,
        flags=e.flags,
        family=st.family if st else "other",
        rank=st.rank if st else 99,
        phrase=e.phrase,
    )


def find_triggers(doc: Doc, resources: Resources) -> list[EventTrigger]:
    matcher = resources.get("events.trigger_matcher")
    tax = resources.get("events.taxonomy")
    out: list[EventTrigger] = []
    covered: set[int] = set()
    for m in matcher.find(doc):
        covered.update(range(m.tok_start, m.tok_end))
        out.append(_make(doc, m.start, m.end, m.tok_start, m.tok_end, _fitting_entry(doc, resources, m.payloads, m.tok_end), tax))
    for ti, entries, cut in _suffix_hits(doc, matcher, covered):
        t = doc.tokens[ti]
        if t.norm in _NOT_SUFFIXED:
            continue  # قبضتها (its grip), not قبضت + ها (arrested her)
        nstart = doc.raw_to_norm(t.start) + cut
        start = doc.raw_span(nstart, nstart + 1)[0] if cut else t.start
        trig = _make(doc, start, t.end, ti, ti + 1, _fitting_entry(doc, resources, entries, ti + 1), tax)
        prev = doc.tokens[ti - 1].norm if ti > 0 and doc.tokens[ti - 1].sentence == t.sentence else ""
        if _PLURAL_POSSESSED.search(t.norm) or prev in _TEMPORAL_PREPS:
            # a plural noun with a possessive (مواجهاتها, هجماتهم), or a possessed noun after بعد/قبل
            # (بعد اختطافهم): a back-reference to a happening told elsewhere
            trig.flags = trig.flags | {"reference"}
            trig.confidence = max(0.0, round(trig.confidence - REFERENCE_PENALTY, 3))
        out.append(trig)
    covered.update(t.tok_start for t in out)
    for ti, entries, cut in _alef_hits(doc, matcher, covered):
        t = doc.tokens[ti]
        nstart = doc.raw_to_norm(t.start) + cut
        start = doc.raw_span(nstart, nstart + 1)[0] if cut else t.start
        out.append(_make(doc, start, t.end, ti, ti + 1, _best_entry(entries), tax))
    ctx = resources.get("events.context")
    if resources.options.extra.get("events_reference") is not False:  # ablation switch
        for t in out:
            if "eventive" not in t.flags:
                _reference_penalty(
                    doc, t, ctx.get("anaphora"), ctx.get("light_verb"), ctx.get("about"), ctx.get("copula"),
                    ctx.get("begin_verb"), ctx.get("superlative"),
                )
    out.sort(key=lambda x: x.start)
    return out


ANAPHORA_PENALTY = 0.35  # هذه الغارات: a back-reference
TOPIC_PENALTY = 0.5  # حول الغارة, بشأن الهجوم: what a statement is about
REFERENCE_PENALTY = 0.25  # definite noun
GOVERNED_PENALTY = 0.1  # noun after a preposition
LIGHT_VERB_CONF = 0.6  # قامت الميليشيا بنهب, تمكنت القوة من قتل: a verbal noun reported as an act
LIGHT_NEAR = 4  # tokens from a light verb to its verbal noun anywhere in the clause
OPERATIONS_NEAR = 8  # from a killing word to the operations it happened in (قتل 15 عنصرا من تنظيم داعش اليوم بعملية أمنية)
DEVICE_NEAR = 4
DESTROYED_DEVICE = 0.7  # weight of "تدمير" + a device: as sure as a verb of defusing
BY_HAND_NEAR = 6  # from a killing word to "على يد" naming the killers
PROJECTILE_NEAR = 7  # from a verb of launching to the rockets (أطلقوا مساء أمس نحو ثمانية صواريخ)
FIRE_NEAR = 6  # from a verb of opening to the fire (فتحت القوات النظامية نيران رشاشاتها)  # from a defusing verb to its device (تفكيك 21 عبوة ناسفة)
CARRY_OUT_SPAN = 10  # ونفذت جبهة النصرة (ذراع القاعدة في سورية) حكم الإعدام: its subject may be long
LIGHT_SPAN = 8  # ... and from one opening its clause (وقامت مجموعة مسلحة مجهولة الهوية باختطاف)
INSTRUMENT_NEAR = 2  # tokens between an attack verb and the weapon that makes it a strike


def _past_a_temporal(doc: Doc, trig: EventTrigger, k: int) -> bool:
    """A weapon named after the trigger beyond بعد / عقب / إثر belongs to the earlier happening (شن سلاح الجو
    غاراته بعد أربعة أيام على التفجير الانتحاري)."""
    return k > trig.tok_end and any(doc.tokens[j].norm in _TEMPORAL_PREPS for j in range(trig.tok_end, k))


def _in_support(doc: Doc, k: int) -> bool:
    """Token k is named inside a support phrase (بدعم من طيران التحالف, بمساندة الحشد والطيران)."""
    sent = doc.tokens[k].sentence
    for j in range(k - 1, max(-1, k - 6), -1):
        if doc.tokens[j].sentence != sent or doc.text[doc.tokens[j].end : doc.tokens[j + 1].start].strip(" "):
            return False
        if doc.tokens[j].norm in _SUPPORT:
            return True
    return False


def _after_since(doc: Doc, t: EventTrigger) -> bool:
    """The trigger opens a "بعد أن" / "بعدما" clause (at most one word between)."""
    k = t.tok_start
    sent = doc.tokens[k].sentence
    for j in (k - 1, k - 2):
        if j < 0 or doc.tokens[j].sentence != sent:
            return False
        w = doc.tokens[j].norm
        if w in _AFTER or (w == "ان" and j > 0 and doc.tokens[j - 1].norm in ("بعد", "وبعد")):
            return True
    return False



def _before_complementizer(doc: Doc, k: int, trig_start: int) -> bool:
    """Token k stands before "أن" that opens the clause of the trigger: it is in the speaker's phrase
    (أعلنت قيادة قوات التحالف ... أن أحد رجال الحرس قتل)."""
    return k < trig_start and any(doc.tokens[j].norm in _COMPLEMENTIZERS for j in range(k + 1, trig_start))


def _attacked(doc: Doc, trig: EventTrigger, found: list[EventTrigger]) -> bool:
    """A gathering word that is the target of an attack word just before it (هجوم ... على تجمع لهم)."""
    prev = doc.tokens[trig.tok_start - 1].norm if trig.tok_start > 0 else ""
    if prev not in _TARGET_PREPS:
        return False
    return any(
        {"attack", "target"} & t.flags and t.sentence == trig.sentence and 0 < trig.tok_start - t.tok_end <= 6
        for t in found
    )


def _punct_before(doc: Doc, k: int) -> bool:
    """Punctuation between token k-1 and token k (k opens a clause)."""
    return k > 0 and any(c in "،,.;؛:" for c in doc.text[doc.tokens[k - 1].end : doc.tokens[k].start])


def _carried_out_by(doc: Doc, t: EventTrigger) -> bool:
    """A verb of carrying out (نفذ, نفذت) opens the trigger's clause within ``CARRY_OUT_SPAN`` tokens before it."""
    tok = doc.tokens[t.tok_start]
    for k in range(max(0, t.tok_start - CARRY_OUT_SPAN), t.tok_start):
        if doc.tokens[k].sentence != tok.sentence or doc.tokens[k].norm not in _CARRY_OUT:
            continue
        if k > 0 and doc.tokens[k - 1].norm in _RELATIVES:
            continue  # المسلح الذي نفذ الهجوم: identifies someone by a past act
        return True
    return False


def _reference_penalty(
    doc: Doc, t: EventTrigger, anaphora=None, light=None, about=None, copula=None, begin=None, superlative=None
) -> None:
    """Lower the confidence of nominal mentions that refer back rather than report: a definite noun
    (القصف, المعارك) or a noun governed by a preposition (بمقتل, لاغتيال): news introduces a new happening
    with a verb or an indefinite noun (قصفت, غارات جوية) and refers to it afterwards with the article."""
    tok = doc.tokens[t.tok_start]
    nstart = doc.raw_to_norm(tok.start)
    prefix = doc.norm[nstart : doc.raw_to_norm(t.start)]
    word = doc.norm[doc.raw_to_norm(t.start) : doc.raw_to_norm(tok.end)]
    lexical_al = norm(t.phrase).startswith("ال")  # a verb such as التقى, not the article
    definite = not lexical_al and (word.startswith("ال") or prefix.endswith("ل") and word[:1] == "ل")
    governed = any(c in prefix for c in "بلك")
    if t.tok_start > 0:
        # an anaphoric demonstrative (هذه الغارات, تلك الهجمات) refers back to a happening already reported
        prev = doc.tokens[t.tok_start - 1]
        described = copula is not None and copula.lookup(prev.norm)  # هي ضربة جوية: a description
        if prev.sentence == tok.sentence and ((about is not None and about.lookup(prev.norm)) or described):
            # تعليق حول الغارة: talk about a happening, not its report
            t.flags = t.flags | {"reference", "topic"}
            t.confidence = max(0.0, round(t.confidence - TOPIC_PENALTY, 3))
            return
        if (
            t.tok_start > 1
            and t.event_type in ("Protests", "Riots")
            and prev.sentence == tok.sentence
            and prev.norm in ("على", "علي")
            and doc.tokens[t.tok_start - 2].norm in _IN_RESPONSE
        ):
            # ردا على احتجاجات ضد الفساد: the protests an act answers, named as its cause, not reported (an attack
            # after ردا على is often news in its own right: ردا على هجوم انتحاري استهدف نقطتي تفتيش)
            t.flags = t.flags | {"reference", "topic"}
            t.confidence = max(0.0, round(t.confidence - TOPIC_PENALTY, 3))
            return
        if prev.sentence == tok.sentence and prev.norm in ("منذ", "ومنذ"):
            # أرفع ضابط قتل منذ مقتل اللواء ...: what a comparison counts from, not news
            t.flags = t.flags | {"reference", "topic"}
            t.confidence = max(0.0, round(t.confidence - TOPIC_PENALTY, 3))
            return
        if (
            prev.sentence == tok.sentence
            and prev.norm in _RELATIVES
            and t.tok_start > 1
            and doc.tokens[t.tok_start - 2].norm.lstrip("و").startswith("ال")
            and not word.startswith("ال")
        ):
            # العصابة التي احتجزت شقيقه, المقاتلين الذين استهدفوا, والمدن التي سيطر عليها الحوثيون: a past act that
            # identifies someone or somewhere already in the story; the happening is told where it is reported
            t.flags = t.flags | {"reference"}
            t.confidence = max(0.0, round(t.confidence - REFERENCE_PENALTY, 3))
            if len(word) >= 4 and word[0] in "يت":
                t.confidence = 0.0  # المقاومة التي تخوض معارك مع الميليشيا: an ongoing description, no happening
            return
        if prev.sentence == tok.sentence and definite and prev.norm in _IN_THE_WAKE:
            # في أعقاب الاشتباكات التي تشهدها الضواحي: what a statement follows, told as its occasion
            t.flags = t.flags | {"reference", "topic"}
            t.confidence = max(0.0, round(t.confidence - TOPIC_PENALTY, 3))
            return
        if (
            anaphora is not None
            and superlative is not None
            and t.tok_start > 1
            and prev.sentence == tok.sentence
            and superlative.lookup(prev.norm)
            and anaphora.lookup(doc.tokens[t.tok_start - 2].norm)
        ):
            # هذه أول مظاهرة, هذا أعنف هجوم: a comment on a happening already told, not a new one
            t.flags = t.flags | {"reference", "topic"}
            t.confidence = max(0.0, round(t.confidence - TOPIC_PENALTY, 3))
            return
        if (
            prev.sentence == tok.sentence
            and anaphora is not None
            and anaphora.lookup(prev.norm)
            and not doc.text[prev.end : tok.start].strip()
            and not (t.tok_start > 1 and doc.tokens[t.tok_start - 2].norm in _CONNECTIVE_HEADS)
        ):
            t.flags = t.flags | {"reference", "anaphoric"}
            t.confidence = max(0.0, round(t.confidence - ANAPHORA_PENALTY, 3))
            return
    if _after_since(doc, t):
        # بعد أن سيطروا على المدينة: the clause recalls what came before the news, the happening is told elsewhere
        t.flags = t.flags | {"reference"}
        t.confidence = max(0.0, round(t.confidence - REFERENCE_PENALTY, 3))
        return
    after_prep = t.tok_start > 0 and doc.tokens[t.tok_start - 1].norm in _LIGHT_PREPS
    if (governed or after_prep) and light is not None:
        # قام بقصف, تعرضت لهجوم, إثر قيام الميليشيات بقتل, نجح الجيش ... في السيطرة: a light verb makes the
        # noun the report itself (its subject may stand between)
        for k in range(max(0, t.tok_start - LIGHT_SPAN), t.tok_start):
            far = t.tok_start - k > LIGHT_NEAR
            opens = k == 0 or doc.tokens[k - 1].sentence != tok.sentence or _punct_before(doc, k)
            if far and not opens:
                continue  # "إضافة إلى تعرض ضباط ... للاغتيال": a far light verb must open its clause
            lights = [light] + ([begin] if begin is not None and governed else [])
            if doc.tokens[k].sentence == tok.sentence and any(
                m.lookup(s) for m in lights for _c, s, _a in clitic_candidates(doc.tokens[k].norm)
            ):
                governed = False
                definite = False
                t.confidence = max(t.confidence, LIGHT_VERB_CONF)  # the act itself, told as done
                break
    if definite and not governed and _carried_out_by(doc, t):
        definite = False  # ونفذت الجبهة حكم الإعدام: the object of a verb of carrying out is the act, done
    nxt = doc.tokens[t.tok_end] if t.tok_end < len(doc.tokens) else None
    if definite and _took_place_after(doc, t):
        definite = False  # عملية الاختطاف تمت فجر أمس, المواجهات بين المقاومة والمسلحين احتدمت: its subject, reported
    if definite and t.tok_start > 0 and doc.tokens[t.tok_start - 1].sentence == tok.sentence and (
        doc.tokens[t.tok_start - 1].norm.lstrip("وف") in _TOOK_PLACE
    ):
        definite = False  # تجددت الاشتباكات, اندلعت المواجهات: a verb of happening before its subject reports it
    if (
        not definite
        and t.tok_end - t.tok_start == 1
        and word.endswith("ات")
        and nxt is not None
        and nxt.sentence == tok.sentence
        and nxt.norm.startswith("ال")
        and not doc.text[tok.end : nxt.start].strip()
    ):
        definite = True  # ضربات الكلية الجوية: a plural noun in construct with a definite noun is definite
    if definite or governed:
        t.flags = t.flags | {"reference"}
        penalty = REFERENCE_PENALTY if definite else GOVERNED_PENALTY
        t.confidence = max(0.0, round(t.confidence - penalty, 3))


def type_in_context(doc: Doc, resources: Resources, trig: EventTrigger) -> EventTrigger | None:
    """Refine a trigger's type from its clause; None when the context rules it out."""
    tax = resources.get("events.taxonomy")
    lo, hi = clause_range(doc, resources, trig.tok_start)
    flags = trig.flags
    if "aircraft" in flags:
        # shot down / intercepted: needs an aircraft, drone or missile nearby (or an attached object pronoun)
        near = context_in(doc, resources, "aircraft", max(lo, trig.tok_start - 6), min(hi, trig.tok_end + 5))
        if not near and not _has_object_suffix(trig.text):
            return None
        if not near:
            near = context_in(doc, resources, "aircraft", lo, hi)
            if not near:
                return None
    if trig.sub_event_type == "Arrests" and context_in(doc, resources, "criminal", lo, hi):
        return None  # القبض على مهرب مخدرات: a common crime, not conflict
    if trig.sub_event_type == "Arrests" and any(
        m.tok_start == trig.tok_end for m in context_in(doc, resources, "fighting", trig.tok_end, trig.tok_end + 1)
    ):
        return None  # توقيف المعارك: the fighting stopped, no one arrested
    for flag, (kind, reach) in NEEDS_AFTER.items():
        # فتح الطريق (nothing fired), أطلق سراح (nothing launched), حقق نجاحا (no ground), محاولة تسلل 45 شخصا
        # (migrants), ألقى القبض (nothing dropped), حجز السفينة (nothing armed), تفكيك الخلية (no device): the word
        # reports the act only with what it needs a few words after it
        if flag in flags and not context_in(doc, resources, kind, trig.tok_end, min(hi, trig.tok_end + reach)):
            if flag == "armed_people" and _intercepted(doc, resources, trig, lo, hi):
                # "أحبطت الأجهزة الأمنية محاولة تسلل 130 شخصا": people stopped crossing, an arrest
                st = tax["Arrests"]
                trig.event_type, trig.sub_event_type, trig.family, trig.rank = (
                    st.event_type, st.sub_event_type, st.family, st.rank
                )
                trig.flags = flags = (flags - {"armed_people"}) | {"intercepted"}
                break
            return None
    if "detain" in flags and not _detained_after(doc, resources, trig, hi):
        return None  # إيقاف القتال, أوقفت الرحلات: something stopped, no one arrested
    if "fire" in flags and context_in(doc, resources, "into_air", trig.tok_end, min(hi, trig.tok_end + INTO_AIR_NEAR)):
        return None  # أطلقوا الرصاص في الهواء, أطلق جنوده النار ابتهاجا: shots into the air, no one shot at
    not_weapons = context_in(doc, resources, "not_instrument", lo, hi)
    instruments = [
        m
        for m in context_in(doc, resources, "instrument", lo, hi)
        if not any(n.tok_start <= m.tok_start < n.tok_end for n in not_weapons)  # جماعات مقاتلة, مضاد طيران
        and not _in_support(doc, m.tok_start) and not _past_a_temporal(doc, trig, m.tok_start)
        and not _before_complementizer(doc, m.tok_start, trig.tok_start)
    ]
    inst_sub = None
    for m in instruments:
        for sub in m.payloads:
            st = tax.get(sub)
            if st and (inst_sub is None or st.rank < tax[inst_sub].rank):
                inst_sub = sub
    civ = any(
        not _negated_between(doc, trig.tok_end, getattr(m, "tok_start", trig.tok_end)) and not _in_armed_name(doc, m)
        for m in context_in(doc, resources, "civilian", trig.tok_end, hi)
    ) or any(
        not _in_armed_name(doc, m)
        for m in context_in(doc, resources, "civilian", max(lo, trig.tok_start - 3), trig.tok_start)
    )
    generic = "generic" in flags
    sub = trig.sub_event_type
    if trig.event_type == "Explosions/Remote violence" and inst_sub:
        cur = tax.get(sub)
        if generic or "explosion" in flags or sub == "Shelling/artillery/missile attack" or (
            cur and tax[inst_sub].rank < cur.rank and inst_sub in ("Suicide bomb", "Chemical weapon")
        ):
            sub = inst_sub
        if (
            generic
            and "destroy" in flags
            and inst_sub == "Air/drone strike"
            and any(0 <= m.tok_start - trig.tok_end <= INSTRUMENT_NEAR for m in instruments)
        ):
            # ودمر طيران التحالف دبابتين: aircraft named as the destroyer, a strike told
            trig.flags = flags = flags - {"generic"}
            trig.confidence = max(trig.confidence, LIGHT_VERB_CONF)
            generic = False
    elif generic and ("target" in flags or "attack" in flags or "destroy" in flags or "kill" in flags) and inst_sub:
        sub = inst_sub  # killed by mortar fire, targeted by drones: the instrument types it
        before = doc.tokens[trig.tok_start - 1].norm if trig.tok_start > lo else ""
        if (
            ({"target", "attack"} & flags)
            and before not in _TEMPORAL_PREPS | _ONGOING
            and any(
                abs(m.tok_start - trig.tok_end) <= INSTRUMENT_NEAR
                or (0 <= trig.tok_start - m.tok_end <= 1 and not _instrumental(doc, m))
                for m in instruments
            )
        ):
            # هاجمت طائرة حربية, استهدفت بقذائف الهاون, طيران التحالف استهدف: the weapon right at the verb (after
            # it, or its subject right before it) makes it a strike
            trig.flags = flags = flags - {"generic"}
            generic = False
    elif generic and ("target" in flags or "attack" in flags) and civ:
        sub = "Attack"
    if sub != trig.sub_event_type:
        st = tax[sub]
        trig.event_type, trig.sub_event_type, trig.family, trig.rank = st.event_type, sub, st.family, st.rank
    if (
        not civ
        and generic
        and "kill" in flags
        and trig.event_type == "Violence against civilians"
        and _victims_are_combatants(doc, resources, trig, hi)
    ):
        sub = "Armed clash"  # مقتل 3 جنود, استشهاد ثلاثة من عناصر المقاومة: fighters fell, a battle
        st = tax[sub]
        trig.event_type, trig.sub_event_type, trig.family, trig.rank = st.event_type, sub, st.family, st.rank
    if (
        generic
        and "kill" in flags
        and trig.event_type == "Battles"
        and context_in(doc, resources, "operations", trig.tok_end, min(hi, trig.tok_end + OPERATIONS_NEAR))
    ):
        # مقتل 17 داعشيا ضمن عمليات شرقي الفلوجة: fighters killed in the army's operations, a battle told
        trig.flags = flags = flags - {"generic"}
        generic = False
    if generic and "kill" in flags and context_in(
        doc, resources, "by_hand", trig.tok_end, min(hi, trig.tok_end + BY_HAND_NEAR)
    ):
        # قتلوا امس على يد عناصر المقاومة: the killers are named, a killing done, not a toll
        trig.flags = flags = flags - {"generic"}
        trig.confidence = max(trig.confidence, LIGHT_VERB_CONF)
        generic = False
    if trig.family == "abduction" and _abducted_are_combatants(doc, resources, trig):
        # خطفت جبهة النصرة ... خمسة مقاتلين: fighters taken, not civilians
        trig.flags = flags = flags | {"combatant_victims"}
        civ = False
    if (
        not civ
        and trig.event_type in ("Explosions/Remote violence", "Violence against civilians")
        and "kill" in flags
        and any(doc.tokens[k].norm in _PEOPLE_COUNTED for k in range(trig.tok_end, min(hi, trig.tok_end + PEOPLE_NEAR)))
        and not context_in(doc, resources, "combatant", lo, hi)
    ):
        civ = True  # قتل 18 شخصا إثر سقوط صاروخ: people, with no fighter named, killed by a bomb or a shell
    if civ and trig.family in ("violence", "civilians", "abduction"):
        trig.civilian_targeting = True
    if trig.event_type == "Battles" and trig.civilian_targeting and (generic or "fire" in flags):
        st = tax["Attack"]
        trig.event_type, trig.sub_event_type, trig.family, trig.rank = st.event_type, "Attack", st.family, st.rank
    signing = [
        m
        for m in context_in(doc, resources, "agreement_verb", max(lo, trig.tok_start - SIGNING_WINDOW), trig.tok_start)
        if not doc.tokens[m.tok_start].norm.startswith(("ال", "وال", "بال", "لل"))  # a verb, not التوصل
    ]
    if trig.sub_event_type == "Agreement" and signing:
        # وقعت القبيلتان ... اتفاقا لوقف إطلاق النار: the noun is what was signed, a report of the signing
        trig.confidence = max(trig.confidence, SIGNED_AGREEMENT)
        trig.flags = trig.flags - {"reference"}
    if "territory" in flags and not _territory_object(doc, resources, trig, hi):
        return None  # استولى على الغاز: a seizure of goods, not of ground
    if trig.event_type == "Battles" and "territory" in flags:
        state = context_in(doc, resources, "state", lo, min(hi, trig.tok_end + 6))  # subject before or after (VSO)
        sub = "Government regains territory" if state else trig.sub_event_type
        st = tax[sub]
        trig.sub_event_type, trig.rank = sub, st.rank
    return trig


TOOK_PLACE_REACH = 5  # tokens from a definite event noun to the verb of happening it is the subject of


def _took_place_after(doc: Doc, t) -> bool:
    """A verb of happening follows the noun within a few words, with no punctuation between (المواجهات بين
    المقاومة والمسلحين احتدمت يوم أمس)."""
    for k in range(t.tok_end, min(len(doc.tokens), t.tok_end + TOOK_PLACE_REACH)):
        if doc.tokens[k].sentence != doc.tokens[t.tok_start].sentence:
            return False
        if k > t.tok_end and re.search(r"[،,.:;؛]", doc.text[doc.tokens[k - 1].end : doc.tokens[k].start]):
            return False
        if doc.tokens[k].norm in _TOOK_PLACE:
            return True
    return False


def _in_armed_name(doc: Doc, m) -> bool:
    """The civilian word is part of an armed group's name (حزب العمال الكردستاني: "workers")."""
    start, end = doc.tokens[m.tok_start].start, doc.tokens[m.tok_end - 1].end
    return any(
        a.start <= start and end <= a.end and a.kind not in ("civilians", "protesters", "rioters", "")
        for a in doc.actors
    )


def _instrumental(doc: Doc, m) -> bool:
    """The weapon is written with the preposition ب (بصاروخ, بقذائف): the means of an earlier verb, not a subject."""
    tok = doc.tokens[m.tok_start]
    return m.start > tok.start and doc.text[tok.start : m.start].lstrip("وف").startswith("ب")


DROP_NEAR = 5  # from a verb of dropping to the barrels (ألقى الطيران المروحي عشرين برميلا)
WEAPON_NEAR = 12  # from a verb of seizing to the arms, past its subject and time (حجزت العناصر الأمنية ... مخزنا لسلاح)
ARMED_PEOPLE_NEAR = 4  # from an infiltration word to the fighters who tried it (محاولة تسلل لعناصر تنظيم داعش)
GAIN_NEAR = 10  # from a verb of achieving to the advance, past its subject (وحققت قوات المقاومة الشعبية والجيش ... تقدما)
# trigger flag -> (context kind that must follow it, within how many tokens): the flags of data/triggers.tsv
NEEDS_AFTER = {
    "fire": ("fire", FIRE_NEAR),
    "projectile": ("projectile", PROJECTILE_NEAR),
    "gain": ("gain", GAIN_NEAR),
    "armed_people": ("combatant", ARMED_PEOPLE_NEAR),
    "grip": ("control", GAIN_NEAR),
    "drop": ("dropped", DROP_NEAR),
    "weapon": ("weapon", WEAPON_NEAR),
    "device": ("device", DEVICE_NEAR),
}
INTO_AIR_NEAR = 6  # from a verb of firing to "into the air" (أطلق الجنود النار في الهواء)
DETAIN_FAR = 16  # ... or further, within its clause, to a word for people
_HUMAN_PLURAL_OBJECT = tuple(_WORDS["human_plural_object"])
DETAIN_NEAR = 5  # from a verb of stopping to the people stopped, past its subject (أوقف الأمن التونسي اليوم 3)


def _detained_after(doc: Doc, resources: Resources, trig: EventTrigger, hi: int) -> bool:
    """A count or a person a few words after a verb of stopping (إيقاف 7 أفارقة, أوقفت الشرطة أحدهما): an arrest."""
    from rasid.text.numbers import parse_number_words

    stop = min(hi, trig.tok_end + DETAIN_NEAR)
    if context_in(doc, resources, "fighting", trig.tok_end, min(stop, trig.tok_end + 1)):
        return False
    if doc.tokens[trig.tok_end - 1].norm.endswith(_HUMAN_PLURAL_OBJECT):
        return True  # تم إيقافهم, أوقفوهما: the people stopped are the object pronoun
    for k in range(trig.tok_end, stop):
        w = doc.tokens[k].norm
        if w[:1] == "ب" and w[1:].isdigit():
            w = w[1:]  # الإطاحة ب3 مهربين
        if w.isdigit() or parse_number_words(w) is not None or w.lstrip("و") in _PERSON_NOUNS:
            return True
    if context_in(doc, resources, "combatant", trig.tok_end, stop) or context_in(doc, resources, "civilian", trig.tok_end, stop):
        return True
    # "أوقفت التشكيلة العسكرية العاملة بالمنطقة ...، حوالي الساعة الواحدة من ظهر أمس، 13 شخصا": the people
    # stopped come after a long subject and time; further on, only a word for people counts (not a bare number)
    if doc.tokens[trig.tok_start].norm.startswith("ال"):
        return False  # الإطاحة بالنظام: a noun governs what follows it at once
    far = min(clause_range(doc, resources, trig.tok_start)[1], hi, trig.tok_end + DETAIN_FAR)
    return any(doc.tokens[k].norm.lstrip("و") in _COUNTED_PEOPLE for k in range(stop, far))


SIGNING_WINDOW = 10  # tokens between a signing verb and the agreement noun (the parties may come between)
SIGNED_AGREEMENT = 0.7
_QUANTITY = re.compile(r"^(?:[0-9]+|من|ومن)$")


def _victims_are_combatants(doc: Doc, resources: Resources, trig: EventTrigger, hi: int) -> bool:
    """The people a killing word counts are armed: a number or من before a combatant word right after it
    (قتل 5 جنود, استشهاد ثلاثة من عناصر المقاومة), or a combatant genitive of the noun (مقتل جنديين)."""
    from rasid.text.numbers import parse_number_words

    stop = min(hi, trig.tok_end + 5)
    lo, _hi = clause_range(doc, resources, trig.tok_start)
    if trig.tok_end - trig.tok_start == 1 and not norm(trig.text).startswith(tuple(_KILLED_NOUNS)):
        # "22 مسلحا من الحوثيين قتلوا", "20 عنصرا من داعش قتلوا": the counted fighters before a killing verb
        for m in context_in(doc, resources, "combatant", max(lo, trig.tok_start - 5), trig.tok_start):
            for j in (m.tok_start - 1, m.tok_start - 2):
                if j >= lo and (_QUANTITY.match(doc.tokens[j].norm) or parse_number_words(doc.tokens[j].norm) is not None):
                    if not _QUANTITY.match(doc.tokens[j].norm) or doc.tokens[j].norm.isdigit():
                        return True
    for m in context_in(doc, resources, "combatant", trig.tok_end, stop):
        k = m.tok_start
        if k == trig.tok_end:  # مقتل جنديين, قتل شرطيين: the killed named right after the word
            return True
        for j in (k - 1, k - 2):
            if j >= trig.tok_end and (
                _QUANTITY.match(doc.tokens[j].norm) or parse_number_words(doc.tokens[j].norm) is not None
            ):
                return True
    return False




ABDUCTED_SPAN = 14  # tokens after an abduction verb where its object may stand (the subject comes first)


def _abducted_are_combatants(doc: Doc, resources: Resources, trig: EventTrigger) -> bool:
    """The first counted people after an abduction word are armed (خطفت ... خمسة مقاتلين, ثمانية عناصر من)."""
    from rasid.text.numbers import parse_number_words

    sent = doc.tokens[trig.tok_start].sentence
    stop = trig.tok_end
    while stop < min(len(doc.tokens), trig.tok_end + ABDUCTED_SPAN) and doc.tokens[stop].sentence == sent:
        stop += 1
    for k in range(trig.tok_end, stop):
        t = doc.tokens[k].norm
        if t in ("من", "ومن") or not (_QUANTITY.match(t) or parse_number_words(t) is not None or t.isdigit()):
            continue  # (من قبل الحوثيين names who abducted, not whom)
        nxt = [
            m for m in context_in(doc, resources, "combatant", k + 1, min(stop, k + 3))
            if not m.text.startswith(("تنظيم", "داعش"))
        ]
        return bool(nxt)  # the first count decides
    return False


def _negated_between(doc: Doc, lo: int, hi: int) -> bool:
    """A negation between two tokens (غارات ... ولم تشمل الإيطاليين: the civilians were not hit)."""
    return any(doc.tokens[k].norm in _NEGATIONS for k in range(lo, min(hi, len(doc.tokens))))


def _territory_object(doc: Doc, resources: Resources, trig: EventTrigger, hi: int) -> bool:
    """Control changes hands over ground: a place or a word for ground after the trigger in its clause
    trigger (or an attached pronoun standing for one)."""
    end = min(hi, trig.tok_end + 15)  # verb-subject-object: the subject may come between
    if context_in(doc, resources, "territory_object", trig.tok_end, end):
        return True
    if trig.tok_end < len(doc.tokens):
        start, stop = doc.tokens[trig.tok_end].start, doc.tokens[end - 1].end if end > trig.tok_end else 0
        if any(start <= p.start < stop for p in doc.places):
            return True
    return _has_object_suffix(trig.text) and not trig.text.endswith("ه")


def _intercepted(doc: Doc, resources: Resources, trig: EventTrigger, lo: int, hi: int) -> bool:
    """A verb of foiling before an attempt to cross, and people counted after it (أحبط الجيش محاولة اختراق مركبة
    على متنها 9 أشخاص): the people were stopped."""
    if not any(doc.tokens[k].norm.lstrip("و") in _FOIL for k in range(max(lo, trig.tok_start - FOIL_REACH), trig.tok_start)):
        return False
    far = min(hi, trig.tok_end + DETAIN_FAR)
    for k in range(trig.tok_end, far):
        w = doc.tokens[k].norm
        if w.lstrip("و") in _COUNTED_PEOPLE or (k + 1 < far and w.isdigit() and doc.tokens[k + 1].norm in _COUNTED_PEOPLE):
            return True
    return False


def _crowd_in_clause(doc: Doc, resources: Resources, trig: EventTrigger, found: list[EventTrigger]) -> bool:
    """Protesters, people acting as a group, or another word of protest in the trigger's clause
    (المتظاهرين قد خرجوا ... احتجاجا; قام عدد من التجار ... في تحرك ... احتجاجا)."""
    lo, hi = clause_range(doc, resources, trig.tok_start)
    if context_in(doc, resources, "protester", lo, hi) or context_in(doc, resources, "gathering", lo, hi):
        return True
    return any(t is not trig and t.family == "protest" and lo <= t.tok_start < hi for t in found)


def _has_object_suffix(text: str) -> bool:
    return any(text.endswith(s) for s in ("ها", "ه", "هما", "هم"))


def _destroyed_devices(doc: Doc, resources: Resources, trigs: list[EventTrigger]) -> list[EventTrigger]:
    """"تمكنت القوات من تدمير خمس عجلات مفخخة": the verbal noun of destroying with an explosive device as its
    object (not its means: تدمير منزل بعبوة) is a device put out of action before it went off (ACLED: Disrupted
    weapons use); the device word is its object, not an explosion."""
    tax = resources.get("events.taxonomy")
    drop: set[int] = set()
    for t in trigs:
        if not ({"destroy", "generic"} <= t.flags and norm(t.phrase) in _DESTROY_NOUNS):
            continue
        stop = t.tok_end
        while stop < min(len(doc.tokens), t.tok_end + DEVICE_NEAR) and doc.tokens[stop].sentence == t.sentence:
            stop += 1
        devices = [
            m for m in context_in(doc, resources, "device", t.tok_end, stop)
            if not _instrumental(doc, m) and doc.tokens[m.tok_start].norm.lstrip("و") not in _MATERIAL
        ]
        if not devices:
            continue
        st = tax["Disrupted weapons use"]
        t.event_type, t.sub_event_type, t.family, t.rank = st.event_type, st.sub_event_type, st.family, st.rank
        t.flags, t.confidence, t.weight = frozenset({"device"}), DESTROYED_DEVICE, DESTROYED_DEVICE
        end = max(m.tok_end for m in devices)
        drop.update(
            id(o) for o in trigs
            if o is not t and o.sentence == t.sentence and t.tok_end <= o.tok_start < end
            and o.event_type == "Explosions/Remote violence"
        )
    return [t for t in trigs if id(t) not in drop]


@stage("triggers", requires=("sentences", "tokens"), assigns=("triggers",))
def triggers_stage(doc: Doc, resources: Resources) -> None:
    doc.user.pop("events.clause_ids", None)
    set_active_sentences(doc, set(range(len(doc.sentences))))
    found = find_triggers(doc, resources)
    set_active_sentences(doc, {t.sentence for t in found})
    out = []
    places = [(p.start, p.end) for p in doc.places if p.text]
    for trig in found:
        if any(a <= trig.start and trig.end <= b for a, b in places):
            continue  # منطقة التحرير, ساحة الشهداء: a word of a place's name, not a happening
        if trig.family == "protest" and _attacked(doc, trig, found):
            continue  # هجوم ... على تجمع لهم: the gathering is what was attacked, not a protest
        if "crowd" in trig.flags and not _crowd_in_clause(doc, resources, trig, found):
            continue  # انسحبا من الاجتماع احتجاجا على: the reason for an act, no one protesting
        t = type_in_context(doc, resources, trig)
        if t is not None:
            out.append(t)
    out = _destroyed_devices(doc, resources, out)
    caught = [t for t in out if "intercepted" in t.flags]
    if caught:
        # the foiling verb before an interception is that arrest, not a weapons seizure of its own
        out = [
            t for t in out
            if not (
                t.sub_event_type == "Disrupted weapons use" and not t.flags
                and any(c.sentence == t.sentence and 0 < c.tok_start - t.tok_start <= FOIL_REACH for c in caught)
            )
        ]
    doc.triggers = out
