"""Modality stage: mark triggers that do not report a real happening.

A trigger stays ``asserted`` unless a cue from ``data/modality_cues.tsv`` governs it: a threat, plan, call,
denial, condition, rumour or running total before it in the same clause (هدد/يعتزم/دعا/نفى/إذا/حصيلة ...),
a negation right before it (لم/لن/عدم), a series marker right after it (القصف المتكرر), a question, or a
denial quote (``doc.quotes`` with ``denied``) covering it, or a "since" date weeks back in its clause
(``doc.times``, when the time stage ran: بدأت منذ نوفمبر في شن غارات). ``condemnation`` is kept apart: the condemned
attack did happen, so it remains an event (claimed by whoever condemns it).
"""

from __future__ import annotations

import re

from rasid.doc import Doc
from rasid.events.lexicon import Cue, token_hits
from rasid.events.triggers import clause_range, function_words
from rasid.pipeline import stage
from rasid.resources import Resources
from rasid.text.normalise import norm
from rasid.time.stage import UNTIL_BETWEEN

BEFORE_WINDOW = 12  # tokens between a cue and the trigger it governs
COMPLEMENT_WINDOW = 20  # ... or its complement after إلى (ويسعى الجيش ...، ومقرها البيضاء، إلى استعادة)
AFTER_WINDOW = 3
AGREED_ON_WINDOW = 12  # tokens from an agreement word to what it is on (the parties may stand between)
EVENT_MODALITIES = frozenset({"asserted", "condemnation", "responsibility", "background"})  # background: kept when recent
SPOKEN_OF = frozenset({"condemnation", "responsibility"})  # a happening someone condemns or claims: real, told again


_FUTURE = re.compile(r"^[وف]?س[يتن][\u0621-\u064a]{2,}$")
_LASTING = function_words()["lasting"]
_TO = function_words()["to"]
_CARRY_OUT = function_words()["carry_out"]
_KANA = function_words()["kana"]
_KILLED_NOUNS = function_words()["killed_noun"]
_STATE_AGENTS = function_words()["state_agent"]
_PASSIVE_AUX = function_words()["passive_aux"]
_ERA_NAMES = function_words()["era_name"]
_RELATIVE = function_words()["relative"]
_KILL_VERBS = function_words()["killed_verb"]
_DISTINCT = function_words()["similar"]
_TENS_OF = function_words()["tens"]


SINCE_LONG_DAYS = 7
TALLY_MIN = 100
PERIOD_DAYS = 14  # a window from one date until another longer than this is a period, its figures a total  # strikes counted in the hundreds or more  # "منذ" a date further back than this: what goes on since is not one event


def _is_imperfect(word: str) -> bool:
    return len(word) >= 4 and word[0] in "يتن"


def _is_future(word: str) -> bool:
    return bool(_FUTURE.match(word))


QUANTITY_TYPES = frozenset({"Explosions/Remote violence", "Violence against civilians", "Battles"})
CLAUSE_WIDE = frozenset({"total", "history", "call", "threat", "rumour"})


def _superlative_before(doc: Doc, resources: Resources, i: int, lo: int) -> bool:
    ctx = resources.get("events.context")
    if "superlative" not in ctx:
        return False
    hits = token_hits(doc, "ctx.superlative", ctx["superlative"])
    return any(k in hits for k in range(max(lo, i - 8), i))


def _sentence_range(doc: Doc, si: int, tok: int) -> tuple[int, int]:
    lo = tok
    while lo > 0 and doc.tokens[lo - 1].sentence == si:
        lo -= 1
    hi = tok
    while hi < len(doc.tokens) and doc.tokens[hi].sentence == si:
        hi += 1
    return lo, hi


def _carried_out(doc: Doc, si: int, cue_tok: int) -> bool:
    """A verb of carrying out, then a named non-state agent, before a word of sentence (ونفذت الجبهة (...) حكم الإعدام)."""
    lo = _sentence_range(doc, si, cue_tok)[0]
    for k in range(max(lo, cue_tok - BEFORE_WINDOW), cue_tok):
        if doc.tokens[k].norm in _CARRY_OUT:
            # the armed group that carried it out is named; a state's or an unnamed court sentence ("نفذت دولة
            # الإمارات حكم الإعدام", "تم تنفيذ حكم القتل") is justice, which ACLED does not code
            near = [doc.tokens[j].norm for j in range(max(lo, k - 4), cue_tok) if j != k]
            passive = k > lo and doc.tokens[k - 1].norm in _PASSIVE_AUX
            return not passive and not any(w in _STATE_AGENTS for w in near)
    return False


def _tally(word: str) -> bool:
    """A count in the hundreds or more, in digits or words (390, ألف, آلاف, مئات)."""
    from rasid.text.numbers import parse_number_words

    if word.isdigit():
        return int(word) >= TALLY_MIN
    n = parse_number_words(word)
    return n is not None and n >= TALLY_MIN


def _after_kana(doc: Doc, si: int, qad: int) -> bool:
    """A form of كان stands before this قد in its sentence: كان ... قد + verb is the past perfect."""
    lo = _sentence_range(doc, si, qad)[0]
    return any(doc.tokens[k].norm in _KANA for k in range(max(lo, qad - BEFORE_WINDOW), qad))


LASTING_REACH = 8  # from a lasting participle to the period that describes it (المحاصر من قبل X منذ ...)
PERIOD_SENTENCE_TOKENS = 40  # a sentence longer than this is a round-up: a period governs only its own clause


def _period_range(doc: Doc, resources: Resources, trig) -> tuple[int, int]:
    """Where a period cue governs a trigger: its sentence, or in a long round-up sentence (ten happenings
    joined by بينما، كذلك، في وقت) only the trigger's clause."""
    s_lo, s_hi = _sentence_range(doc, trig.sentence, trig.tok_start)
    if s_hi - s_lo <= PERIOD_SENTENCE_TOKENS:
        return s_lo, s_hi
    return clause_range(doc, resources, trig.tok_start)


def _in_name(doc: Doc, i: int) -> bool:
    """Token ``i`` is part of a place or actor name (سنجار, سيلة المسيمير): not a future verb."""
    tok = doc.tokens[i]
    return any(m.start <= tok.start < m.end for m in doc.places) or any(
        m.start <= tok.start < m.end for m in doc.actors
    )


SEPARATE_PLACES_REACH = 6  # tokens after "in two separate attacks" within which the places it splits are named


def _places_named_after(doc: Doc, tok: int, hi: int) -> int:
    """How many distinct places are named in the few tokens after token ``tok`` (up to ``hi``)."""
    end = min(hi, tok + SEPARATE_PLACES_REACH)
    if tok >= end:
        return 0
    a, b = doc.tokens[tok].start, doc.tokens[end - 1].end
    named = [p for p in doc.places if a <= p.start < b]
    # "في بعقوبة مركز محافظة ديالى": the province a named town lies in is not another place
    towns_in = {p.admin1 for p in named if p.feature != "admin1" and p.admin1}
    return len({norm(p.text) for p in named if not (p.feature == "admin1" and p.admin1 in towns_in)})


def _cue_hits(doc: Doc, resources: Resources) -> dict[int, list]:
    return token_hits(doc, "modality", resources.get("events.modality_cues"))


def modality_of(doc: Doc, resources: Resources, trig) -> tuple[str, str]:
    """(modality, cue text) for one trigger."""
    hits = _cue_hits(doc, resources)
    ts, te = trig.tok_start, trig.tok_end
    lo, hi = clause_range(doc, resources, ts)
    # negation right before the trigger (one token may intervene: لم يتم قصف)
    for i in range(max(lo, ts - 2), ts):
        for m in hits.get(i, ()):
            for cue in m.payloads:
                if cue.scope == "adjacent" and m.tok_end >= ts - 1 and m.tok_end <= ts:
                    return "negated", m.text
    # series marker right after it
    for i in range(te, min(hi, te + AFTER_WINDOW)):
        for m in hits.get(i, ()):
            for cue in m.payloads:
                if cue.scope == "after":
                    return cue.modality, m.text
    # what an agreement is on (اتفق الجانبان على ضرورة دعم التشاور): a principle or an effort, not an act
    if trig.sub_event_type == "Agreement":
        for i in range(te, min(hi, te + AGREED_ON_WINDOW)):
            for m in hits.get(i, ()):
                for cue in m.payloads:
                    if cue.scope == "agreed_on":
                        return cue.modality, m.text
    # hundreds or thousands of strikes, or of dead after a killing verb: a running total, not one event
    # (protests and arrests of thousands are single events)
    if trig.event_type in QUANTITY_TYPES:
        near = list(range(max(lo, ts - 2), ts)) + list(range(te, min(hi, te + AFTER_WINDOW)))
        for i in near:
            for m in hits.get(i, ()):
                for cue in m.payloads:
                    if cue.scope == "quantity":
                        return cue.modality, m.text
    if trig.tok_end < hi and (doc.tokens[ts].norm in _KILLED_NOUNS or doc.tokens[ts].norm.lstrip("و") in _KILL_VERBS):
        # مقتل 390 إرهابيا, قتل 1592 شخصا: hundreds dead under one word of death are a campaign's toll
        w = doc.tokens[te].norm
        if w.isdigit() and int(w) >= TALLY_MIN:
            return "total", doc.tokens[te].text
    if trig.event_type in QUANTITY_TYPES:
        # فإن 1280 شخصا قتلوا خلال هجوم المتشددين على سنجار: hundreds counted before a verb of killing are a
        # toll, and so is the attack the clause tells it in
        for i in range(lo, hi - 1):
            w = doc.tokens[i].norm
            if _tally(w) and any(
                doc.tokens[j].norm.lstrip("و").startswith(tuple(_KILL_VERBS)) for j in range(i + 1, min(hi, i + 4))
            ):
                return "total", doc.tokens[i].text
    if trig.sub_event_type == "Air/drone strike" and "generic" not in trig.flags:
        # 12053 غارة, 150 ضربة جوية: air strikes counted in the hundreds are a campaign's tally (a barrage
        # of 1400 shells on one day is one event)
        for i in range(max(lo, ts - 2), ts):
            w = doc.tokens[i].norm
            if (w.isdigit() and int(w) >= TALLY_MIN) or w.lstrip("و") in _TENS_OF:
                return "total", doc.tokens[i].text  # (عشرات الغارات التي تلت ذلك: dozens of strikes, a campaign)
    # the nearest governing cue before it in its clause
    best: tuple[int, Cue, str] | None = None
    first = lo
    if ts > 0 and doc.tokens[ts - 1].norm in _TO:
        first = min(lo, max(_sentence_range(doc, trig.sentence, ts)[0], ts - COMPLEMENT_WINDOW))
    for i in range(first, ts + 1):
        for m in hits.get(i, ()):
            if m.tok_start == ts and m.tok_end <= te:
                continue  # the cue is the trigger itself
            if m.tok_start < ts and m.tok_end > te:
                continue  # a longer phrase around the trigger, not a cue before it
            for cue in m.payloads:
                if cue.scope != "before":
                    continue
                # totals and history govern their whole clause; other cues a window before the trigger
                if ts - m.tok_start > BEFORE_WINDOW and cue.modality not in CLAUSE_WIDE and not (
                    ts - m.tok_start <= COMPLEMENT_WINDOW and doc.tokens[ts - 1].norm in _TO
                ):
                    continue  # (a verb of aim or demand reaches its complement "إلى ..." further away)
                if cue.modality == "judicial" and doc.tokens[m.tok_start].text.lstrip("وفب").startswith("إ"):
                    continue  # إحكام السيطرة (tightening) normalises like أحكام (sentences); the hamza tells them apart
                if cue.modality == "judicial" and _carried_out(doc, trig.sentence, m.tok_start):
                    continue  # نفذت الجماعة حكم الإعدام: the sentence was carried out, the killing happened
                if best is None or m.tok_start > best[0]:
                    best = (m.tok_start, cue, m.text)
    spoken: tuple[str, str] | None = None
    if best is not None:
        if best[1].modality not in SPOKEN_OF:
            return best[1].modality, best[2]
        # condemned or claimed: the act is real, unless a rule below makes it a total, a plan or history
        spoken = (best[1].modality, best[2])
    # period cues anywhere in the sentence (قتل 9 مدنيين ... خلال شهر يوليو: a monthly total), unless a
    # superlative makes the period a comparison (أسوأ قتال منذ أكثر من عام)
    p_lo, p_hi = _period_range(doc, resources, trig)
    for i in range(p_lo, p_hi):
        for m in hits.get(i, ()):
            for cue in m.payloads:
                if cue.scope == "clause" and not _superlative_before(doc, resources, i, p_lo):
                    if any(doc.tokens[k].norm in _LASTING for k in range(max(te, i - LASTING_REACH), i)):
                        # انقطاع التيار المستمر منذ سنوات, مطار أبو الظهور المحاصر من قبل النصرة منذ أكثر من
                        # عامين: another noun's standing situation, told after the trigger
                        continue
                    return cue.modality, m.text
    # cues that govern the whole sentence (حوادث منفصلة: a summary of separate incidents)
    s_lo, s_hi = _sentence_range(doc, trig.sentence, ts)
    for i in range(s_lo, s_hi):
        for m in hits.get(i, ()):
            for cue in m.payloads:
                if cue.scope == "sentence" and cue.modality != "question":
                    if cue.modality == "total" and _places_named_after(doc, m.tok_end, s_hi) >= 2:
                        continue  # في هجومين منفصلين بإقليمي فان واغري: each place's attack is told, not summed up
                    if cue.modality == "total" and _superlative_before(doc, resources, i, s_lo):
                        continue  # ضمن أسوأ أعمال عنف تشهدها ليبيا: a comparison, not a summary
                    if cue.modality == "total" and m.tok_end < s_hi and doc.tokens[m.tok_end].norm in _DISTINCT:
                        continue  # في أحداث عنف مماثلة حدثت الخميس: an earlier incident named, not a summary
                    return cue.modality, m.text
    # cues that govern the rest of their line (رابط الخبر: ... a link's headline, cut into sentences by "..")
    line_lo = doc.text.rfind("\n", 0, doc.tokens[ts].start) + 1
    for i, ms in hits.items():
        if i < ts and line_lo <= doc.tokens[i].start:
            for m in ms:
                for cue in m.payloads:
                    if cue.scope == "line":
                        return cue.modality, m.text
    # a future verb (س + imperfect: ستقصف, سيوقعون) before it in its clause, or قد + imperfect (may)
    for i in range(max(lo, ts - BEFORE_WINDOW), ts):
        if doc.tokens[i].norm in ("قد", "وقد") and i + 1 < len(doc.tokens) and _is_imperfect(doc.tokens[i + 1].norm):
            if not _after_kana(doc, trig.sentence, i):  # وكان القائد قد تحدث: past perfect, not "may"
                return "plan", doc.tokens[i].text
        if _is_future(doc.tokens[i].norm) and not any(
            c.scope == "future_exception" for m in hits.get(i, ()) for c in m.payloads
        ) and not _in_name(doc, i):
            return "plan", doc.tokens[i].text
    # a campaign under way since a date weeks back (بدأت منذ نوفمبر في شن غارات): a standing situation
    pub = doc.meta.published
    if pub is not None:
        c_start, c_end = doc.tokens[lo].start, doc.tokens[hi - 1].end
        for tm in doc.times:
            if not c_start <= tm.start < c_end:
                continue
            if tm.date_start is not None and tm.date_start > pub and tm.category in ("relative", "weekday", "gregorian"):
                return "plan", tm.text  # تنظيم تظاهرة ... مساء غد: dated after publication, a plan
            since = tm.category == "since" or norm(tm.text).startswith(("منذ", "ومنذ"))
            k = next((i for i in range(lo, hi) if doc.tokens[i].end > tm.start), lo)
            if since and _superlative_before(doc, resources, k, lo):
                continue  # أسوأ قتال منذ أكثر من عامين: a comparison, not a standing situation
            if since and any(doc.tokens[j].norm in _LASTING for j in range(max(te, k - LASTING_REACH), k)):
                continue  # مطار أبو الظهور المحاصر ... منذ أكثر من عامين: the siege lasts, not the strike
            if since and k > te and any(doc.tokens[j].norm in _RELATIVE for j in range(te, k)):
                continue  # قصفت ... مع تحليق طيران التحالف الذي تقوده المملكة منذ 26 مارس: the coalition's span
            if since and tm.date_end is not None and (pub - tm.date_end).days > SINCE_LONG_DAYS:
                return "total", tm.text
            long_window = tm.date_start is None or (
                tm.date_end is not None and (tm.date_end - tm.date_start).days >= PERIOD_DAYS
            )
            if tm.category == "duration" and long_window and any(
                u in norm(tm.text) for u in function_words()["long_span"]
            ):
                return "total", tm.text  # خلال أسبوعين من الغارات, خلال الأسبوعين الماضيين: a toll over weeks
        in_clause = [tm for tm in doc.times if c_start <= tm.start < c_end and tm.date_start is not None]
        for a, b in zip(in_clause, in_clause[1:]):
            # في الفترة من 7 يوليو وحتى الخامس من الشهر الجاري: from one date until another weeks later
            if UNTIL_BETWEEN.fullmatch(doc.text[a.end : b.start]) and (
                (b.date_end or b.date_start) - a.date_start
            ).days > PERIOD_DAYS:
                return "total", doc.text[a.start : b.end]
    # a year before the article's in the trigger's clause (في صيف 2014): history
    if pub is not None:
        for i in range(lo, hi):
            w = doc.tokens[i].norm
            if len(w) == 4 and w.isdigit() and 1900 < int(w) < pub.year:
                if any(doc.tokens[k].norm in ("منذ", "ومنذ") for k in range(max(lo, i - 6), i)):
                    continue  # أسوأ عنف منذ الإطاحة بالقذافي في 2011: a comparison, not the event's date
                if any(doc.tokens[k].norm in _ERA_NAMES for k in range(max(lo, i - 4), i)):
                    continue  # من شباب ثورة 11 فبراير 2011: the name of a revolution, not the event's date
                return "history", doc.tokens[i].text
    # a question word opening the sentence (لماذا دخلنا معهما في هدنة), or a question mark
    s_lo2, _s_hi2 = _sentence_range(doc, trig.sentence, ts)
    for i in range(s_lo2, min(s_lo2 + 2, ts)):
        for m in hits.get(i, ()):
            if any(c.modality == "question" for c in m.payloads):
                return "question", m.text
    # questions
    sent = doc.sentences[trig.sentence] if trig.sentence < len(doc.sentences) else None
    if sent is not None and sent.text.rstrip("\"'»” )").endswith(("؟", "?")):
        return "question", "؟"
    # a denial reported in a quote
    for q in doc.quotes:
        if q.denied and q.start <= trig.start and trig.end <= q.end:
            return "denied", q.cue
    return spoken or ("asserted", "")


@stage("modality", requires=("sentences", "tokens", "triggers"), assigns=())
def modality_stage(doc: Doc, resources: Resources) -> None:
    if resources.options.extra.get("events_modality") is False:  # ablation: every trigger asserted
        return
    for trig in doc.triggers:
        if not hasattr(trig, "tok_start"):
            continue
        mod, cue = modality_of(doc, resources, trig)
        trig.modality = mod
        trig.cue = cue
