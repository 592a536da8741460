"""Event assembly: asserted triggers -> ACLED-style Event records, one per happening.

Candidates, per sentence: triggers of one family (violence; protest; abduction; each kind of strategic
development) make one candidate typed by ACLED's precedence (the best-ranked sub-event type: a suicide bomb
over other explosions, an air strike over shelling, territory over a clash); battles stay apart from remote
violence told in the same sentence, and remote violence of different kinds in different clauses is split.
Generic words (قتل, أصيب, دمر, استهدف) join the nearest specific trigger or, typed by their clause, stand
alone. The confidence (lexicon weight, +agreement of several triggers, ± the sentence model) is calibrated so
that the default threshold sits where the dev gold separates events from non-events.

Arguments come from the trigger's clause first, then its sentence: date ``event_window``, place
``place_for``, actors ``actors_for``, claim ``claim_for`` (denied claims are not events), fatalities
``fatalities_in``. The evidence is the sentence less the comma-level stretches that voice a non-event.
Mentions of one happening merge (ACLED: one event per type, date, place and actor pair): same type,
sub-type and place, compatible actors, and the same date window (or none of its own); the event keeps
every mention as an evidence span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import rasid.events.model  # noqa: F401  (registers the sentence model resource)
from rasid.doc import Doc, Event
from rasid.events.fatalities import fatalities_in
from rasid.events.modality import EVENT_MODALITIES, SPOKEN_OF
from rasid.events.triggers import EventTrigger, clause_range, function_words
from rasid.pipeline import stage
from rasid.resources import Resources

HISTORY_DAYS = 120  # an event that ended this long before publication is background
ASIDE_DAYS = 30  # a past-perfect aside (وكان ... قد) dated further back than this recalls background
BACKGROUND_RECENT_DAYS = 14  # "يذكر أن" + an event dated within this many days of publication is still news
MIN_SENTENCE_TOKENS = 5  # shorter lines (tags, captions) report no event
WEAK_TRIGGER = 0.3  # triggers below this confidence (definite nouns of weak words) do not set the sub-type
WEAK_STRATEGIC = 0.5  # strategic triggers below this weight do not stand beside a violent event
MODEL_WEIGHT = 0.7  # confidence shift per unit of (model probability - 0.5)
BATTLE_MODEL_WEIGHT = 0.0  # the ASSAULT model says nothing useful of conventional fighting (dev gold)
STRONG_PROTEST = 0.8  # a protest word this sure keeps its weight beside violence the PROTEST model misreads
MODEL_LABEL = {"violence": "ASSAULT", "civilians": "ASSAULT", "abduction": "ASSAULT", "protest": "PROTEST"}
GENERIC_CAP = 0.7  # a group of generic words only (killed, targeted) is never sure
GENERIC_ALONE = ("kill", "target", "attack", "explosion")  # generic kinds that may report an event alone


@dataclass
class Candidate:
    sentence: int
    triggers: list[EventTrigger]
    anchor: EventTrigger
    event_type: str
    sub_event_type: str
    confidence: float
    civilian_targeting: bool


def sentence_tokens(doc: Doc) -> dict[int, tuple[int, int]]:
    """sentence index -> [first, last + 1) token indices (computed once per doc)."""
    cache = doc.user.get("events.sentence_tokens")
    if cache is None:
        cache = {}
        for t in doc.tokens:
            lo, _hi = cache.get(t.sentence, (t.index, t.index))
            cache[t.sentence] = (lo, t.index + 1)
        doc.user["events.sentence_tokens"] = cache
    return cache


def _group_key(t: EventTrigger) -> str:
    if t.family in ("violence", "civilians"):
        return "violence"
    if t.family == "protest":
        return "protest"
    return t.family or t.sub_event_type


def _choose(triggers: list[EventTrigger], tax) -> tuple[str, str, EventTrigger]:
    """Type of a group by ACLED precedence; specific triggers before generic ones."""
    specific = [t for t in triggers if "generic" not in t.flags]
    pool = specific or triggers
    fam = pool[0].family
    if fam == "protest":
        subs = {t.sub_event_type for t in pool}
        flags = set().union(*(t.flags for t in pool))
        protest = any(t.event_type == "Protests" and not ({"intervention", "force"} & t.flags) for t in pool)
        if "force" in flags:
            sub = "Excessive force against protesters"
        elif "Mob violence" in subs:
            sub = "Mob violence"
        elif "riot" in flags:
            sub = "Violent demonstration"
        elif "intervention" in flags and protest:
            sub = "Protest with intervention"
        else:
            sub = "Peaceful protest"
        st = tax[sub]
        # the first clear mention anchors the protest (تصاعدت التظاهرات في بغداد ...، احتجاجا على ...: the
        # adverbial "in protest at" comes after the report and its places)
        clear = [t for t in pool if t.confidence >= WEAK_TRIGGER]
        anchor = min(clear, key=lambda t: t.start) if clear else max(pool, key=lambda t: (t.confidence, -t.start))
        return st.event_type, sub, anchor
    strong = [t for t in pool if t.confidence >= WEAK_TRIGGER] or pool  # a weak mention does not decide the type
    best = min(strong, key=lambda t: (t.rank, -t.confidence, t.start))
    return best.event_type, best.sub_event_type, best


def candidates(doc: Doc, resources: Resources) -> list[Candidate]:
    tax = resources.get("events.taxonomy")
    by_sent: dict[int, list[EventTrigger]] = {}
    for t in doc.triggers:
        if getattr(t, "modality", "asserted") in EVENT_MODALITIES and isinstance(t, EventTrigger):
            by_sent.setdefault(t.sentence, []).append(t)
    out: list[Candidate] = []
    for si in sorted(by_sent):
        lo, hi = sentence_tokens(doc).get(si, (0, 0))
        if hi - lo < MIN_SENTENCE_TOKENS:
            continue
        groups: dict[str, list[EventTrigger]] = {}
        for t in by_sent[si]:
            groups.setdefault(_group_key(t), []).append(t)
        if "abduction" in groups and all("raid" in t.flags for t in groups.get("arrests", [None]) if t):
            # "أقدمت القوات على مداهمة جامعة ذمار، حيث اختطفت خمسة من الطلاب": the raid is how the abduction was done
            groups["abduction"].extend(groups.pop("arrests", []))
        if "violence" in groups:
            for k, part in enumerate(_split_violence(doc, resources, groups.pop("violence"))):
                groups[f"violence{k}"] = part
        for gkey, trigs in groups.items():
            key = "violence" if gkey.startswith("violence") else gkey
            specific = [t for t in trigs if "generic" not in t.flags]
            if key == "protest" and not any(not ({"intervention"} & t.flags) for t in trigs):
                continue  # dispersal words without a protest
            if not specific and not any(set(GENERIC_ALONE) & t.flags for t in trigs):
                continue  # injuries or destruction alone: not an event by themselves
            etype, sub, anchor = _choose(trigs, tax)
            if sub == "Shelling/artillery/missile attack" and _ground_attack_with_small_arms(doc, resources, trigs):
                st = tax["Armed clash"]  # شنوا هجوما ... استخدم خلالها أسلحة متوسطة فضلا عن قذائف: shells in a ground attack
                etype, sub = st.event_type, st.sub_event_type
            conf = max(t.confidence for t in trigs)
            reporting = [t for t in trigs if "reference" not in t.flags]  # references do not corroborate
            if reporting:
                conf = min(
                    1.0, conf + 0.1 * (len({t.sub_event_type for t in reporting}) - 1) + 0.05 * (len(reporting) - 1)
                )
            if not specific:
                conf = min(conf, GENERIC_CAP)
                if key == "violence" and _armed_agent(doc, resources, trigs):
                    conf = min(1.0, conf + ARMED_AGENT_BONUS)  # مسلحون قاموا بالاعتداء: someone armed acted
            if etype == "Battles" and not specific and any(t.civilian_targeting for t in trigs):
                st = tax["Attack"]  # an attack told only in generic words, on civilians: violence against them
                etype, sub = st.event_type, st.sub_event_type
            if sub == "Arrests" and _protesters_in_clause(doc, resources, anchor):
                # احتجاز المتظاهرين, اعتقال عشرات المحتجين: ACLED codes a protest with intervention
                st = tax["Protest with intervention"]
                etype, sub = st.event_type, st.sub_event_type
            civ = any(t.civilian_targeting for t in trigs) and etype in (
                "Explosions/Remote violence",
                "Violence against civilians",
            )
            if etype == "Violence against civilians":
                civ = not all("combatant_victims" in t.flags for t in trigs)
            conf = _model_adjust(doc, resources, si, key, conf, trigs)
            out.append(Candidate(si, trigs, anchor, etype, sub, conf, civ))
        violent = any(c.sentence == si and c.anchor.family in ("violence", "civilians") for c in out)
        if violent:
            # a weak strategic word (reinforcements, a base, a meeting) beside a violent event is its detail
            out = [
                c
                for c in out
                if c.sentence != si or c.event_type != "Strategic developments" or max(t.weight for t in c.triggers) >= WEAK_STRATEGIC
            ]
    return out


ARMED_AGENT_BONUS = 0.15


def _ground_attack_with_small_arms(doc: Doc, resources: Resources, trigs: list[EventTrigger]) -> bool:
    """A word of attack (هجوم, not a strike) and small or medium arms in its sentence: a battle fought on the ground."""
    from rasid.events.triggers import context_in

    attacks = [t for t in trigs if {"attack", "generic"} <= t.flags]
    if not attacks:
        return False
    lo, hi = sentence_tokens(doc).get(attacks[0].sentence, (0, 0))
    return bool(context_in(doc, resources, "direct_fire", lo, hi))


def _protesters_in_clause(doc: Doc, resources: Resources, anchor) -> bool:
    """Demonstrators or a demonstration named in the clause of the trigger."""
    from rasid.events.triggers import context_in

    lo, hi = clause_range(doc, resources, anchor.tok_start)
    return bool(context_in(doc, resources, "protester", lo, hi))


def _armed_agent(doc: Doc, resources: Resources, trigs: list[EventTrigger]) -> bool:
    """An armed group named in the clause of a generic trigger (gunmen, a militia, fighters)."""
    from rasid.events.triggers import context_in

    for t in trigs:
        lo, hi = clause_range(doc, resources, t.tok_start)
        if context_in(doc, resources, "armed", lo, hi):
            return True
    return False


def _split_at_also(
    doc: Doc, resources: Resources, by_clause: dict[int, list[EventTrigger]]
) -> dict[int, list[EventTrigger]]:
    """Within one clause, remote triggers of different kinds joined by "إضافة إلى" / "فضلا عن" (بدأت بقصف
    ... بالمدفعية، إضافة إلى ضربات جوية) are two happenings: the part after the cue becomes its own clause."""
    from rasid.events.triggers import context_in

    out: dict[int, list[EventTrigger]] = {}
    extra = max(by_clause, default=0) + 1000
    for cid, part in by_clause.items():
        part = sorted(part, key=lambda t: t.tok_start)
        specific = [t for t in part if "generic" not in t.flags and t.event_type == "Explosions/Remote violence"]
        cut = None
        for a, b in zip(specific, specific[1:]):
            if a.sub_event_type != b.sub_event_type and context_in(doc, resources, "also", a.tok_end, b.tok_start):
                cut = b.tok_start
                break
        if cut is None:
            out[cid] = part
            continue
        out[cid] = [t for t in part if t.tok_start < cut]
        out[extra] = [t for t in part if t.tok_start >= cut]
        extra += 1
    return out


def _opens_contrast(doc: Doc, resources: Resources, t: EventTrigger, words_of=None) -> bool:
    """The trigger's clause opens with a contrast connector (بينما, في حين, فيما): another happening told
    beside the first, not more of it. ``words_of``: another connector list (كذلك، كما inside a sentence)."""
    connectors = _CONTRAST if words_of is None else words_of
    word = doc.tokens[t.tok_start].norm.lstrip("وف")
    if word.startswith(("ال", "بال", "لل", "كال")):
        return False  # "فيما أصيب 50 بجروح نتيجة القصف": the definite noun points back at the first
    lo, _hi = clause_range(doc, resources, t.tok_start)
    words = [doc.tokens[i].norm for i in range(lo, min(lo + 2, t.tok_start + 1))]
    return bool(words) and (words[0] in connectors or " ".join(words) in connectors)


def _split_generic_at_contrast(doc: Doc, resources: Resources, trigs: list[EventTrigger]) -> list[list[EventTrigger]]:
    """Generic words only (مقتل 11 جراء استهداف مبنى في الميادين، بينما قتل 29 في استهداف معسكر قرب الطبقة): a clause
    that opens with a contrast connector and names a place of its own tells a second happening."""
    ordered = sorted(trigs, key=lambda t: t.tok_start)
    for t in ordered[1:]:
        if not _opens_contrast(doc, resources, t):
            continue
        lo, hi = clause_range(doc, resources, t.tok_start)
        a, b = doc.tokens[lo].start, doc.tokens[hi - 1].end
        if any(a <= p.start < b for p in doc.places):
            return [[g for g in ordered if g.tok_start < t.tok_start], [g for g in ordered if g.tok_start >= t.tok_start]]
    return [trigs]


def _split_violence(doc: Doc, resources: Resources, trigs: list[EventTrigger]) -> list[list[EventTrigger]]:
    """Violent triggers of one sentence -> one group per happening: battles apart from remote violence
    (clashes accompanied by shelling are two events), attacks on civilians inside remote violence when
    both are told (remote violence against civilians stays remote violence); generic words (killed,
    wounded, destroyed) join the nearest specific trigger, preferring their own clause."""
    from rasid.events.triggers import clause_ids

    ids = clause_ids(doc, resources)
    buckets: dict[str, list[EventTrigger]] = {}
    generic: list[EventTrigger] = []
    for t in trigs:
        seeds_remote = t.event_type == "Explosions/Remote violence" and bool({"target", "attack", "explosion"} & t.flags)
        if t.confidence <= 0 and len(trigs) > 1:
            continue  # "حزب الله الذي يقاتل الى جانب القوات": a description, no happening to gather the dead around
        if "generic" in t.flags and not seeds_remote:
            generic.append(t)
            continue
        buckets.setdefault(t.event_type, []).append(t)
    if "Explosions/Remote violence" in buckets and "Violence against civilians" in buckets:
        buckets["Explosions/Remote violence"].extend(buckets.pop("Violence against civilians"))
    if not buckets:
        return _split_generic_at_contrast(doc, resources, trigs)
    battles = buckets.pop("Battles", None)
    if battles:
        # "اشتباكات بين X و Y، بالإضافة إلى اشتباكات أخرى بين Z و W": another clash is another event
        from rasid.events.triggers import context_in

        part = 0
        for t in sorted(battles, key=lambda t: t.tok_start):
            new = context_in(doc, resources, "distinct", t.tok_end, t.tok_end + 2) or (
                "generic" not in t.flags and _opens_contrast(doc, resources, t, _NEXT_IN_SENTENCE)
            )
            if new and buckets.get(f"Battles{part}"):
                part += 1
            buckets.setdefault(f"Battles{part}", []).append(t)
    remote = buckets.pop("Explosions/Remote violence", None)
    if remote:
        # remote violence of different kinds in different clauses (a strike in reply to a suicide attack)
        # are different events; in one clause the precedence rule makes them one
        by_clause: dict[int, list[EventTrigger]] = {}
        for t in remote:
            by_clause.setdefault(ids[t.tok_start], []).append(t)
        by_clause = _split_at_also(doc, resources, by_clause)
        by_sub: dict[str, list[EventTrigger]] = {}
        turn = 0
        for part in sorted(by_clause.values(), key=lambda p: min(t.tok_start for t in p)):
            best = min((t for t in part if t.event_type == "Explosions/Remote violence"), key=lambda t: t.rank, default=None)
            if best is not None and "generic" not in best.flags and by_sub and _opens_contrast(
                doc, resources, best, _NEXT_IN_SENTENCE
            ):
                turn += 1  # "قصفت قوات النظام سلمى ..., بينما تعرضت الكوم لقصف": a second happening
            key = f"{best.sub_event_type}#{turn}" if best else ""
            by_sub.setdefault(key, []).extend(part)
        if "" in by_sub and len(by_sub) > 1:
            extra = by_sub.pop("")
            next(iter(by_sub.values())).extend(extra)
        for k, part in enumerate(by_sub.values()):
            buckets[f"remote{k}"] = part
    for g in generic:
        def dist(bucket: list[EventTrigger], g: EventTrigger = g) -> tuple[int, int]:
            return min((ids[t.tok_start] != ids[g.tok_start], abs(t.tok_start - g.tok_start)) for t in bucket)

        best = min(buckets, key=lambda k: dist(buckets[k]))
        buckets[best].append(g)
    return list(buckets.values())


def _model_adjust(doc: Doc, resources: Resources, si: int, key: str, conf: float, trigs) -> float:
    """Raise or lower a violent or protest candidate's confidence by the sentence model's probability."""
    mode = resources.options.extra.get("events_mode", "combined")
    label = MODEL_LABEL.get(key)
    specific = [t for t in trigs if "generic" not in t.flags]
    if key == "violence" and specific and all(t.event_type == "Battles" for t in specific):
        weight = BATTLE_MODEL_WEIGHT  # PLOVER's ASSAULT is not conventional fighting nor territory
    elif key == "violence" and specific and all(t.sub_event_type == "Air/drone strike" for t in specific):
        weight = BATTLE_MODEL_WEIGHT  # nor air campaigns: the model was trained on few of them
    elif (
        key == "protest"
        and any(t.event_type == "Protests" and not t.flags and t.weight >= STRONG_PROTEST for t in trigs)
        and any(
            t.sentence == si and t.family in ("violence", "civilians") and "generic" not in t.flags
            and getattr(t, "modality", "asserted") in EVENT_MODALITIES
            for t in doc.triggers
        )
    ):
        # "تظاهر أنصار الحزب ... بعد مقتل ثلاثة في الاشتباكات": the PROTEST model, trained on one-label sentences,
        # reads the violence told beside the protest as "no protest"
        weight = BATTLE_MODEL_WEIGHT
    else:
        weight = MODEL_WEIGHT
    model = resources.get("events.sentence_model") if label and mode != "rules" else None
    if model is None or label not in model.weights:
        return conf
    cache = doc.user.setdefault("events.model_scores", {})
    if (si, label) not in cache:
        sent = doc.sentences[si]
        accurate = resources.get("events.sentence_model_accurate")
        if accurate is None:
            cache[(si, label)] = model.score(doc.norm_of(sent.start, sent.end), label, normalised=True)
        else:  # opt-in: stack the e5-embedding model on the plain n-gram score
            p_ngram = model.score(doc.norm_of(sent.start, sent.end), label, normalised=True, use_verbs=False)
            cache[(si, label)] = accurate.score(doc.text[sent.start : sent.end], label, p_ngram)
    p = cache[(si, label)]
    for t in trigs:
        t.model_score = p
    if mode == "model":
        return p
    return max(0.0, min(1.0, conf + weight * (p - 0.5)))


NON_EVENT_CUES = frozenset(
    {
        "threat", "plan", "call", "denied", "conditional", "question", "total", "history", "rumour", "judicial",
        "reference", "statement",
    }
)


def _segments(doc: Doc, resources: Resources, lo: int, hi: int) -> list[int]:
    """A segment number for tokens [lo, hi): clauses, further cut at every comma (for evidence only)."""
    from rasid.events.triggers import clause_ids

    ids = clause_ids(doc, resources)
    seg = []
    n = 0
    for i in range(lo, hi):
        if i > lo and (ids[i] != ids[i - 1] or _COMMA.search(doc.text, doc.tokens[i - 1].end, doc.tokens[i].start)):
            n += 1
        seg.append(n)
    return seg


_COMMA = re.compile(r"[،,]")


def _construct_with_place(doc: Doc, t: EventTrigger) -> bool:
    """A verbal noun in construct with a place name (قصف القرداحة): definite, the happening named again."""
    if t.tok_end >= len(doc.tokens):
        return False
    nxt = doc.tokens[t.tok_end]
    return any(p.resolved and p.start == nxt.start for p in doc.places) and doc.tokens[t.tok_start].norm[:1] not in "يتن"


def _speech_participle(resources: Resources, word: str) -> bool:
    """A quote cue that adds a further statement of the same speaker (مضيفا، مفيدا، مشيرا)."""
    return any(cue.kind == "participle" for cue in resources.get("quotes.lexicon").cues.lookup(word))


def evidence_span(doc: Doc, resources: Resources, c: Candidate) -> tuple[int, int]:
    """The sentence, less the stretches before or after the event's own that voice a non-event
    (a threat, a plan, a call, a running total): the evidence shows what happened, not what was said
    about it. Stretches are clauses cut at commas."""
    from rasid.events.lexicon import token_hits

    sent = doc.sentences[c.sentence]
    lo_t, hi_t = sentence_tokens(doc).get(c.sentence, (0, 0))
    if hi_t <= lo_t:
        return sent.start, sent.end
    seg = _segments(doc, resources, lo_t, hi_t)
    nseg = seg[-1] + 1
    blocked = set()
    hits = token_hits(doc, "modality", resources.get("events.modality_cues"))
    for i in range(lo_t, hi_t):
        for m in hits.get(i, ()):
            if any(cue.modality in NON_EVENT_CUES for cue in m.payloads):
                blocked.add(seg[i - lo_t])
    for t in doc.triggers:
        if t.sentence == c.sentence and getattr(t, "modality", "asserted") not in EVENT_MODALITIES:
            blocked.add(seg[t.tok_start - lo_t])
    anchor_seg = seg[c.anchor.tok_start - lo_t]
    # "...، مفيدا أن مردّ اختطافهم ...": a further statement of the speaker, not this report
    reporting = {
        seg[t.tok_start - lo_t] for t in c.triggers if not {"topic", "reference"} & t.flags and not _construct_with_place(doc, t)
    }
    added = {
        seg[i - lo_t]
        for i in range(lo_t + 1, hi_t)
        if seg[i - lo_t] != seg[i - 1 - lo_t] and seg[i - lo_t] > anchor_seg and seg[i - lo_t] not in reporting
        and _speech_participle(resources, doc.tokens[i].norm)
    }
    blocked |= added
    own = sorted({seg[t.tok_start - lo_t] for t in c.triggers} - added)
    first, last = own[0], own[-1]
    while first > 0 and first - 1 not in blocked:
        first -= 1
    while last + 1 < nseg and last + 1 not in blocked:
        last += 1
    toks = range(lo_t, hi_t)
    start = sent.start if first == 0 else min(doc.tokens[i].start for i in toks if seg[i - lo_t] == first)
    end = sent.end if last == nseg - 1 else max(doc.tokens[i].end for i in toks if seg[i - lo_t] == last)
    return start, end


CALIBRATION_KNEE = 0.5  # the raw score that best separates events from non-events on the dev gold


def calibrate(raw: float) -> float:
    """Map the raw rule+model score so that the default threshold (0.3) falls at the knee:
    piecewise linear, 0 -> 0, knee -> 0.3, 1 -> 1."""
    if raw <= CALIBRATION_KNEE:
        return round(0.3 * raw / CALIBRATION_KNEE, 3)
    return round(0.3 + 0.7 * (raw - CALIBRATION_KNEE) / (1 - CALIBRATION_KNEE), 3)


ANTECEDENT_REACH = 2  # sentences back to the mention a definite noun points at
POINTED_NON_EVENTS = frozenset({"total", "plan", "threat", "history", "denied", "conditional", "rumour"})


def _points_back_at_non_event(doc: Doc, c: Candidate) -> bool:
    """Only a definite mention (في الغارات التركية) and words of casualty, pointing back at the same kind of
    happening told just before as a total, a plan or a threat ("390 قتلوا خلال أسبوعين من الغارات" then "أربعة
    من قادة الحزب قتلوا في الغارات"): a detail of that non-event, not a happening of its own."""
    if any(not {"reference", "generic"} & t.flags for t in c.triggers):
        return False
    if not any({"kill", "injury"} & t.flags for t in c.triggers) or _dated_here(doc, c.anchor, c.sentence):
        return False  # only a toll with no day of its own points back (شن سلسلة من الغارات reports strikes)
    refs = {t.sub_event_type for t in c.triggers if "reference" in t.flags and "generic" not in t.flags}
    if not refs:
        return False
    family = c.anchor.family
    for s in range(c.sentence - 1, max(-1, c.sentence - 1 - ANTECEDENT_REACH), -1):
        told = [t for t in doc.triggers if t.sentence == s and t.family == family]
        if not told:
            continue
        if any(getattr(t, "modality", "asserted") in EVENT_MODALITIES for t in told):
            return False  # "أفادت مصادر بمقتل 13" just before: the toll goes on reporting what happened
        same = [t for t in told if t.sub_event_type in refs and "generic" not in t.flags]
        return bool(same) and all(getattr(t, "modality", "asserted") in POINTED_NON_EVENTS for t in same)
    return False


def _opens_past_perfect(doc: Doc, sentence: int) -> bool:
    """The sentence opens with a form of كان (وكان التنظيم قد سيطر ...): the past perfect of an aside."""
    lo, hi = sentence_tokens(doc).get(sentence, (0, 0))
    return hi > lo and doc.tokens[lo].norm in _KANA


def _government_side(actor) -> bool:
    """A state force, or a force fighting on a state force's side (ACLED: government or its affiliates)."""
    if actor.kind == "state":
        return True
    side = actor.side or ""
    return side.startswith(STATE_SIDE_PREFIXES)


STATE_SIDE_PREFIXES = ("Military Forces of", "Police Forces of")
ARMED_KINDS = ("state", "militia", "rebel")


def _iso(d) -> str | None:
    return d.isoformat() if d is not None else None


def _fill(doc: Doc, resources: Resources, c: Candidate) -> Event | None:
    from rasid.actors.stage import actors_for
    from rasid.places.stage import place_for
    from rasid.quotes.stage import claim_for
    from rasid.time.stage import event_window

    anchor = c.anchor
    claimed, denied = claim_for(doc, anchor)
    if denied:
        return None
    if resources.options.extra.get("events_trim") is False:  # ablation: the whole sentence
        ev_start, ev_end = doc.sentences[c.sentence].start, doc.sentences[c.sentence].end
    else:
        ev_start, ev_end = evidence_span(doc, resources, c)
    ev = Event(
        article_id=doc.meta.article_id or "article",
        event_id="",
        event_type=c.event_type,
        sub_event_type=c.sub_event_type,
        civilian_targeting=c.civilian_targeting,
        evidence=doc.text[ev_start:ev_end],
        evidence_start=ev_start,
        evidence_end=ev_end,
        evidence_spans=[(ev_start, ev_end)],
        trigger=anchor.text,
        confidence=round(c.confidence, 3),
        outlet=doc.meta.outlet,
        url=doc.meta.url,
        claimed_by=list(claimed or []),
        claim_denied=bool(denied),
    )
    tm = event_window(doc, anchor)
    pub = doc.meta.published
    if tm is not None:
        ev.date_start, ev.date_end, ev.time_precision = _iso(tm.date_start), _iso(tm.date_end), tm.precision
        if pub is not None and tm.date_end is not None and (pub - tm.date_end).days > HISTORY_DAYS:
            return None  # history: background the article recalls, not news it reports
    if all(getattr(t, "modality", "asserted") == "background" for t in c.triggers):
        # "يذكر أن ..." recalls background: an event only when its own sentence dates it to the last days
        recent = (
            tm is not None
            and tm.category != "article"
            and tm.sentence == c.sentence
            and pub is not None
            and tm.date_end is not None
            and (pub - tm.date_end).days <= BACKGROUND_RECENT_DAYS
        )
        if not recent:
            return None
    if tm is not None and _opens_past_perfect(doc, c.sentence) and tm.sentence == c.sentence and tm.category != "article":
        # "وكان الملا منصور وجه في يونيو تحذيرا ... بعد اشتباكات دارت": a past-perfect aside dated a month or
        # weeks back recalls what happened before the news
        if tm.precision == 3 or (pub is not None and tm.date_end is not None and (pub - tm.date_end).days > ASIDE_DAYS):
            return None
    pm = place_for(doc, anchor)
    if pm is not None:
        ev.location_name = pm.name_en or pm.name_ar or pm.text
        ev.location_name_ar = pm.name_ar or pm.text
        ev.latitude, ev.longitude = pm.latitude, pm.longitude
        ev.geo_precision, ev.admin1, ev.country = pm.geo_precision, pm.admin1, pm.country
    a1, a2 = actors_for(doc, anchor)
    if a1 is not None:
        ev.actor1, ev.actor1_text = a1.canonical or a1.text, a1.text
    if a2 is not None:
        ev.actor2, ev.actor2_text = a2.canonical or a2.text, a2.text
    if ev.event_type in ("Battles", "Explosions/Remote violence") and not ev.actor1_text:
        # "أوضحت قيادة العمليات المشتركة أن 7 عناصر من داعش قتلوا": a force that reports, with no other agent
        # named, what its enemy lost reports its own operation
        force = _speaking_force(doc, anchor)
        if force is not None and force[0] != ev.actor2:
            ev.actor1, ev.actor1_text = force
    if ev.event_type == "Battles" and ev.sub_event_type == "Armed clash":
        # "قتل 13 مسلحا من ميليشيات الحوثي في مواجهات اندلعت أمس في جبل صبر": in a two-sided war, the side the text
        # does not name is the other camp
        kb = resources.get("actor_kb")
        if not ev.actor1_text and ev.actor2:
            other = kb.opponent(ev.country, ev.date_start, ev.actor2)
            if other is not None:
                ev.actor1 = other.canonical
        elif not ev.actor2_text and ev.actor1:
            other = kb.opponent(ev.country, ev.date_start, ev.actor1)
            if other is not None:
                ev.actor2 = other.canonical
    if ev.sub_event_type == "Air/drone strike" and not ev.actor1_text:
        # "شنت غارات مكثفة صباح أمس على مواقع التمرد حول مدينة تعز": in a war where one side alone flies, an
        # air strike told with no agent is that side's
        operator = resources.get("actor_kb").air_operator(ev.country, ev.date_start)
        if operator is not None and operator.canonical != ev.actor2:
            ev.actor1 = operator.canonical
    crowd = {"Protests": "Protesters", "Riots": "Rioters"}
    if ev.event_type == "Explosions/Remote violence" and a2 is not None and a2.text and a2.kind in ARMED_KINDS:
        ev.civilian_targeting = False  # عربة مفخخة استهدفت حاجزا للقوات النظامية: a force was the target
    if ev.event_type in crowd and ev.actor1 and ev.actor1.startswith(("Protesters", "Rioters")):
        # the crowd is named after the event's type, whichever protest word anchors it
        ev.actor1 = crowd[ev.event_type] + ev.actor1[ev.actor1.find(" (") :] if " (" in ev.actor1 else crowd[ev.event_type]
    if ev.event_type == "Battles" and ev.sub_event_type in (
        "Government regains territory",
        "Non-state actor overtakes territory",
    ) and a1 is not None and a1.kind:
        ev.sub_event_type = (
            "Government regains territory" if _government_side(a1) else "Non-state actor overtakes territory"
        )
    if (
        ev.event_type == "Violence against civilians"
        and ev.sub_event_type == "Attack"
        and a2 is not None
        and a2.text
        and a2.kind in ARMED_KINDS
        and _in_clause(doc, resources, anchor, a2)
        and not any("execution" in t.flags for t in c.triggers)  # executed captives or deserters: one-sided
    ):
        # ACLED: violence against civilians is one-sided violence on unarmed people; an attack on a named
        # force (تعرضت دورية لحرس السواحل لإطلاق نار) is a battle
        ev.event_type, ev.sub_event_type, ev.civilian_targeting = "Battles", "Armed clash", False
    if c.event_type in ("Explosions/Remote violence", "Battles", "Violence against civilians", "Riots", "Protests"):
        lo, hi = clause_range(doc, resources, anchor.tok_start)
        others = [
            t
            for t in doc.triggers
            if t.sentence == c.sentence and t not in c.triggers and "generic" not in t.flags
            and t.event_type in VIOLENT_TYPES and getattr(t, "modality", "asserted") in EVENT_MODALITIES
        ]
        # the clause's toll, else the sentence's, within the stretch no other happening told there owns
        # (قتل ثمانية في مواجهات ...، وشن طيران التحالف سبع غارات: the eight are not the strikes')
        a = anchor.tok_start
        own_lo = max([t.tok_end for t in others if t.tok_end <= a], default=0)
        own_hi = min([t.tok_start for t in others if t.tok_start > a], default=len(doc.tokens))
        crowd_event = c.event_type in ("Protests", "Riots")
        if crowd_event:
            # "تظاهر أنصار الحزب ... بعد مقتل ثلاثة في الاشتباكات": the deaths after بعد / إثر are the protest's cause
            own_hi = min(
                [k for k in range(anchor.tok_end, min(hi, own_hi)) if doc.tokens[k].norm in _AFTER_PREPS],
                default=own_hi,
            )
        fat = fatalities_in(doc, resources, max(lo, own_lo), min(hi, own_hi), told_from=c.anchor.tok_start)
        if fat is None and not crowd_event:
            s_lo, s_hi = sentence_tokens(doc).get(c.sentence, (lo, hi))
            fat = fatalities_in(doc, resources, max(s_lo, own_lo), min(s_hi, own_hi), told_from=c.anchor.tok_start)
        ev.fatalities = fat
    return ev


def _in_clause(doc: Doc, resources: Resources, anchor, span) -> bool:
    """``span`` lies in the clause of ``anchor`` (not after بعدما, in the reason told later)."""
    lo, hi = clause_range(doc, resources, anchor.tok_start)
    return doc.tokens[lo].start <= span.start < doc.tokens[hi - 1].end


def _speaking_force(doc: Doc, anchor) -> tuple[str, str] | None:
    """(canonical, speaker text) of a state force whose quote holds ``anchor``, if any."""
    kb = doc.user.get("actors.kb")
    if kb is None:
        return None
    by_name = doc.user.get("events.actors_by_name")
    if by_name is None:  # once per article, not per event
        by_name = doc.user["events.actors_by_name"] = {a.canonical: a for a in kb.actors.values() if not a.is_template}
    for q in doc.quotes:
        if q.claim_start is None or q.claim_end is None or not q.claim_start <= anchor.start < q.claim_end:
            continue
        actor = by_name.get(q.speaker_actor or "")
        if actor is not None and actor.kind == "state" and q.speaker_text:
            return actor.canonical, q.speaker_text
    return None


def _stated(name: str | None, text: str | None) -> str | None:
    """An actor the text names; ACLED's implied defaults (Unidentified Armed Group, Civilians for an unnamed
    victim, the state's police for an arrest) are written nowhere and so agree with any named actor."""
    return name if name and text else None


def camps(doc: Doc) -> dict[str, str]:
    """Canonical actor -> the camp it fights with (the KB's ``side``: Free Syrian Army -> Opposition Rebels)."""
    kb = doc.user.get("actors.kb")
    if kb is None:
        return {}
    return {a.canonical: a.side for a in kb.actors.values() if a.side and not a.is_template}


def _actors_compatible(a: Event, b: Event, camp: dict[str, str] | None = None) -> bool:
    """No named actor of one mention contradicts the other's; the two sides of a battle in either order;
    a named unit and its camp (Free Syrian Army, Opposition Rebels (Syria)) do not contradict each other."""
    a1, a2 = _stated(a.actor1, a.actor1_text), _stated(a.actor2, a.actor2_text)
    b1, b2 = _stated(b.actor1, b.actor1_text), _stated(b.actor2, b.actor2_text)
    camp = camp or {}

    def agree(pairs) -> bool:
        return all(x is None or y is None or camp.get(x, x) == camp.get(y, y) for x, y in pairs)

    if agree(((a1, b1), (a2, b2))):
        return True
    return a.event_type == "Battles" and agree(((a1, b2), (a2, b1)))


def _same_happening(
    a: Event,
    b: Event,
    b_dated_here: bool,
    distance: int,
    text_dated: bool = True,
    camp: dict[str, str] | None = None,
    b_armed: bool = False,
    settlements: frozenset[str] = frozenset(),
) -> bool:
    """ACLED's rule: one event per type, date, place and actor pair. Mentions merge when type, sub-type and
    place are the same and the actors do not differ; a mention that states its own date must state the same
    window (a distinct date is a distinct event); a mention without one repeats the event. ``distance``
    (sentences) is kept for callers; a place on one side only never merges."""
    if a.event_type != b.event_type:
        return False
    if a.sub_event_type != b.sub_event_type and (
        b_dated_here or b_armed or a.event_type != "Explosions/Remote violence" or a.location_name is None
    ):
        # an undated bombardment (قصف) at a place already struck refers back to that strike, unless it names
        # its own weapon (بقصف ... بالمدفعية الثقيلة after an air strike: shelling, another event); unplaced
        # mentions merge only with their own sub-type
        return False
    if not _actors_compatible(a, b, camp):
        return False
    if not _same_place(a, b, settlements):
        return False
    if (
        text_dated
        and a.date_start
        and b.date_start
        and (b.date_start > (a.date_end or a.date_start) or a.date_start > (b.date_end or b.date_start))
    ):
        return False  # windows that do not even overlap are different days
    return not b_dated_here or _same_window(a, b)


WEAK_MENTION = 0.35  # calibrated confidence of a mention that barely passes
STRONG_MENTION = 0.6
NESTED_MAX_DAYS = 2  # "أمس واليوم" holds "أمس"; a week does not pin one day down


def _same_window(a: Event, b: Event) -> bool:
    """The same window, or a day inside a window of a few days that holds it."""
    if (a.date_start, a.date_end) == (b.date_start, b.date_end):
        return True
    if not (a.date_start and b.date_start):
        return False
    a_end, b_end = a.date_end or a.date_start, b.date_end or b.date_start
    wide, narrow = ((a.date_start, a_end), (b.date_start, b_end))
    if _days(*narrow) > _days(*wide):
        wide, narrow = narrow, wide
    return wide[0] <= narrow[0] and narrow[1] <= wide[1] and _days(*wide) <= NESTED_MAX_DAYS


def _days(start: str, end: str) -> int:
    """Days between two ISO dates."""
    import datetime as dt

    return (dt.date.fromisoformat(end[:10]) - dt.date.fromisoformat(start[:10])).days


MERGE_KM = 20.0  # a facility and its town (the air college, the airport, Misrata) are one place for merging


SETTLEMENT_FEATURES = frozenset({"village", "town", "city", "capital", "hamlet"})


def _settlements(doc: Doc) -> frozenset[str]:
    """Names of the towns, villages and cities the article names (not facilities, districts or regions)."""
    return frozenset(
        p.name_en or p.name_ar or p.text for p in doc.places if p.resolved and p.feature in SETTLEMENT_FEATURES and not p.near
    )


def _same_place(a: Event, b: Event, settlements: frozenset[str] = frozenset()) -> bool:
    """The same named place, or two known points within ``MERGE_KM`` of each other, unless both are towns of
    their own (تلبيسة is 13 km from حمص, and another place for ACLED)."""
    if a.location_name is None and b.location_name is None:
        return True  # told nowhere both times: the second mention repeats the first (unresolved names: _local_name)
    if a.location_name is None or b.location_name is None:
        return False
    if a.location_name == b.location_name:
        return True
    if a.location_name in settlements and b.location_name in settlements:
        return False
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    from rasid.evaluate.scorer import haversine_km

    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= MERGE_KM


def _told_as_distinct(doc: Doc, resources: Resources, c: Candidate) -> bool:
    """"في انفجار آخر منفصل", "من ناحية أخرى، ...": the text says this is another happening, not a repeat."""
    from rasid.events.triggers import context_in

    lo, hi = clause_range(doc, resources, c.anchor.tok_start)
    if context_in(doc, resources, "distinct", max(lo, c.anchor.tok_start - 3), min(hi, c.anchor.tok_end + 3)):
        return True
    if "generic" not in c.anchor.flags and _opens_contrast(doc, resources, c.anchor):
        return True  # "..., بينما تعرضت أماكن في منطقتي الكوم ... لقصف": told beside the first, not a repeat
    s_lo, _s_hi = sentence_tokens(doc).get(c.sentence, (0, 0))
    return bool(context_in(doc, resources, "new_topic", s_lo, s_lo + 2))


def _split_shared_evidence(doc: Doc, resources: Resources, events: list[Event], anchors: dict) -> None:
    """Events told in one sentence ("اشتباكات بين A و B، بالإضافة إلى اشتباكات أخرى بين C و D") each keep
    their own stretch of it as evidence: from the clause of their trigger to the next event's clause."""
    by_span: dict[tuple[int, int], list[Event]] = {}
    for ev in events:
        by_span.setdefault((ev.evidence_start, ev.evidence_end), []).append(ev)
    for (start, end), group in by_span.items():
        if len(group) < 2 or any(id(ev) not in anchors for ev in group):
            continue
        group.sort(key=lambda ev: anchors[id(ev)].start)
        cuts = [start]
        for prev, ev in zip(group, group[1:]):
            a_prev, a_this = anchors[id(prev)], anchors[id(ev)]
            commas = [m.end() for m in _COMMA.finditer(doc.text, a_prev.end, a_this.start)]
            lo, _hi = clause_range(doc, resources, a_this.tok_start)
            cut = commas[-1] if commas else max(doc.tokens[lo].start, a_prev.end)
            while cut < a_this.start and doc.text[cut].isspace():
                cut += 1
            if not cuts[-1] < cut < end:
                break
            cuts.append(cut)
        if len(cuts) != len(group):
            continue
        cuts.append(end)
        for ev, a, b in zip(group, cuts, cuts[1:]):
            while b > a and doc.text[b - 1] in " \t\n،,؛;":
                b -= 1
            ev.evidence, ev.evidence_start, ev.evidence_end = doc.text[a:b], a, b
            ev.evidence_spans[0] = (a, b) if ev.evidence_spans else (a, b)


def _places_here(doc: Doc, sentence: int) -> bool:
    """The sentence names a place of its own (resolved in the gazetteer)."""
    return any(p.resolved and doc.sentence_index(p.start) == sentence for p in doc.places)


VIOLENT_TYPES = ("Explosions/Remote violence", "Battles", "Violence against civilians")


STALE_DAYS = 7  # an event that ended this long before publication does not host an undated mention


def _weeks_before_publication(doc: Doc, ev: Event) -> bool:
    """The event's window ended more than ``STALE_DAYS`` before the article was published."""
    import datetime as dt

    pub = doc.meta.published
    end = ev.date_end or ev.date_start
    return pub is not None and end is not None and (pub - dt.date.fromisoformat(end[:10])).days > STALE_DAYS


DETAIL_REACH = 2  # sentences back to the strikes a bare targeting details


def _bare_targeting(c: Candidate) -> bool:
    """Only generic words, one of them a word of targeting (مقتل 11 جراء استهداف مبنى): no weapon, no act of its own."""
    return all("generic" in t.flags for t in c.triggers) and any("target" in t.flags for t in c.triggers)


def _casualties_only(c: Candidate) -> bool:
    """Only generic words of killing or injury (قتلوا, مقتل, أصيب): a toll, typed from nothing specific."""
    return all("generic" in t.flags and ({"kill", "injury"} & t.flags) for t in c.triggers)


def _actors_compatible_loose(a: Event, b: Event) -> bool:
    """The toll's named perpetrator, if any, is the happening's."""
    b1 = _stated(b.actor1, b.actor1_text)
    return b1 is None or b1 in (a.actor1, a.actor2)


def _local_name(doc: Doc, c: Candidate) -> str | None:
    """A place the gazetteer lacks, named after the trigger in its sentence (مديرية النادرة): its text."""
    after = [
        p for p in doc.places
        if not p.resolved and p.sentence == c.sentence and p.start >= c.anchor.end and p.text
    ]
    return min(after, key=lambda p: p.start).text if after else None


def _names_its_weapon(doc: Doc, resources: Resources, c: Candidate) -> bool:
    """The mention's clause names a weapon of its own sub-type (بالمدفعية الثقيلة for shelling)."""
    from rasid.events.triggers import context_in

    lo, hi = clause_range(doc, resources, c.anchor.tok_start)
    return any(c.sub_event_type in m.payloads for m in context_in(doc, resources, "instrument", lo, hi))


def _voices_non_event(doc: Doc, sentence: int, until: int) -> bool:
    """The sentence voices a non-event (a threat, a plan, a demand) before offset ``until`` (the end of the
    mention's evidence): annotators, like ACLED's coders, cite a happening from a sentence that only reports
    it. What follows the report ("مضيفا أن العملية ستحسم قريبا") is a further statement, not its frame."""
    return any(
        t.sentence == sentence and t.start < until and getattr(t, "modality", "asserted") not in EVENT_MODALITIES
        for t in doc.triggers
    )


def _condemned_only(c: Candidate) -> bool:
    """Every trigger of the candidate sits under a condemnation (أدان، ندد، استنكر) or a claim of responsibility
    (تبنت الجبهة خطف المجموعة): the happening is real, and the sentence speaks of it again."""
    return all(getattr(t, "modality", "asserted") in SPOKEN_OF for t in c.triggers)


def _text_dated(doc: Doc, anchor) -> bool:
    """The event's window comes from a time expression (not the publication-date fallback)."""
    from rasid.time.stage import event_window

    tm = event_window(doc, anchor)
    return tm is not None and tm.category != "article"


def _day_dated(doc: Doc, anchor) -> bool:
    """The text dates the event to a day or a few days, not only to a span ("خلال اليومين الماضيين"): such a
    mention is the one that pins the happening down, and may become its primary evidence."""
    from rasid.time.stage import event_window

    tm = event_window(doc, anchor)
    return tm is not None and tm.category not in ("article", "duration")


def _dated_here(doc: Doc, anchor, sentence: int) -> bool:
    """True when the event's sentence itself states its date."""
    from rasid.time.stage import event_window

    tm = event_window(doc, anchor)
    return tm is not None and tm.category != "article" and tm.sentence == sentence and tm.date_start is not None


_CONTRAST = function_words()["contrast"]
_AFTER_PREPS = function_words()["after_prep"]
_NEXT_IN_SENTENCE = _CONTRAST | function_words()["also_opening"]
_KANA = function_words()["kana"]
_LIST_WORDS = {k: v for k, v in function_words().items() if k in ("another", "between", "from", "temporal_prep", "among")}
LIST_SPLIT_TYPES = ("Explosions/Remote violence", "Battles")
LIST_GAP_TOKENS = 3  # "الحولة وتلبيسة", "قرب الموصل، وقرب الرمادي": the words that may join two listed places
LIST_AMONG_TOKENS = 12  # from "من بينها" to the first place it lists ("من بينها مواقع في منطقة بيت مران")
LIST_NEAR_TOKENS = 8  # from the trigger to the first listed place ("ثلاث غارات على مواقع للحوثيين بالجفينة")
LIST_MIN_KM = MERGE_KM  # places closer than this are one location for ACLED


def _after_among(doc: Doc, first_tok: int, lo_tok: int) -> bool:
    """"استهدفت غارات التحالف مواقع ... في العديد من المحافظات من بينها مواقع في منطقة ...": "among them" a few
    words before the first place opens the list of what the act hit, however far it is from the verb."""
    words = [doc.tokens[i].norm for i in range(max(lo_tok, first_tok - LIST_AMONG_TOKENS), first_tok)]
    pairs = [" ".join(words[k : k + 2]) for k in range(len(words) - 1)]
    return any(w in _LIST_WORDS["among"] for w in words + pairs)


def _listed_places(doc: Doc, resources: Resources, c: Candidate) -> list:
    """Towns listed after the trigger as the places one act hit ("قصفت قوات النظام الحولة وتلبيسة", "ثلاث غارات
    ... بالجفينة، وثلاث أخرى ... بالمخدرة"): ACLED codes one event per place. Only settlements, districts and
    facilities more than ``LIST_MIN_KM`` apart, joined by و (or by "another N" words), none after بين or من."""
    from rasid.places.stage import _dist_km, _specificity

    if c.event_type not in LIST_SPLIT_TYPES:
        return []
    affiliated = doc.user.get("places.affiliated", set())
    reference = doc.user.get("places.reference", set())
    s_lo, s_hi = sentence_tokens(doc).get(c.sentence, (0, 0))
    after = sorted(
        (
            p for p in doc.places
            if p.resolved and p.latitude is not None and p.sentence == c.sentence and p.start >= c.anchor.end
            and (p.start, p.end) not in affiliated and (p.start, p.end) not in reference
        ),
        key=lambda p: p.start,
    )
    listed = [p for p in after if _specificity(p) <= 1]
    if len(listed) < 2:
        return []
    others = [
        t for t in doc.triggers
        if t.sentence == c.sentence and t not in c.triggers and t.start >= c.anchor.end
    ]
    toks = range(s_lo, s_hi)
    chain = [listed[0]]
    for p in listed[1:]:
        prev = chain[-1]
        gap = [i for i in toks if doc.tokens[i].end > prev.end and doc.tokens[i].end <= p.start]
        p_tok = next((i for i in toks if doc.tokens[i].start <= p.start < doc.tokens[i].end), None)
        joined = p_tok is not None and doc.tokens[p_tok].norm.startswith("و") and doc.tokens[p_tok].start < p.start
        words = [doc.tokens[i].norm for i in gap]
        if not joined and words and words[0].startswith("و"):
            joined = True
        if not joined or any(t.start < p.start and t.end > prev.end for t in others):
            break
        if len(gap) > LIST_GAP_TOKENS and not any(w in _LIST_WORDS["another"] for w in words):
            break
        chain.append(p)
    if len(chain) < 2:
        return []
    # the list hangs on the candidate's last trigger before it (18 غارة ... بينها أربع غارات قرب الموصل ومثلها ...)
    near = max((t for t in c.triggers if t.end <= chain[0].start), key=lambda t: t.end, default=c.anchor)
    lo_tok = next((i for i in toks if doc.tokens[i].start >= near.end), s_lo)
    first_tok = next(i for i in toks if doc.tokens[i].end > chain[0].start)
    among = _after_among(doc, first_tok, lo_tok)
    if (first_tok - lo_tok > LIST_NEAR_TOKENS and not among) or clause_range(doc, resources, first_tok) != clause_range(
        doc, resources, near.tok_start
    ):
        return []  # the list must be what the act hit, in its clause and close to it (or opened by "من بينها")
    if any(doc.tokens[i].norm in _LIST_WORDS["between"] for i in range(lo_tok, first_tok + 1)) or (
        doc.tokens[first_tok - 1].norm in _LIST_WORDS["from"] | _LIST_WORDS["temporal_prep"]
    ):
        return []  # بين البلدتين, من الموصل إلى الرمادي, بعد الضالع وعدن: ground or a comparison, not a list
    for a in range(len(chain)):
        for b in range(a + 1, len(chain)):
            if _dist_km(chain[a], chain[b]) < LIST_MIN_KM:
                return []
    return chain


def _per_place(doc: Doc, resources: Resources, ev: Event, places: list) -> list[Event]:
    """One copy of ``ev`` per listed place, each with its stretch of the sentence as evidence and its own toll."""
    import copy

    bounds = [ev.evidence_start]
    for p in places[1:]:
        tok = next(t for t in doc.tokens if t.end > p.start)
        k = doc.tokens.index(tok)
        while k > 0 and doc.tokens[k - 1].end > bounds[-1] and not doc.tokens[k].norm.startswith("و"):
            k -= 1  # back to the و that joins this place to the list
        bounds.append(max(bounds[-1], doc.tokens[k].start))
    bounds.append(ev.evidence_end)
    out = []
    for i, p in enumerate(places):
        e = copy.copy(ev) if i else ev
        e.claimed_by = list(ev.claimed_by)
        start, end = bounds[i], bounds[i + 1]
        if i:
            e.evidence_start = start
        while end > start and doc.text[end - 1] in " \t\n،,؛;":
            end -= 1
        e.evidence_end = end
        e.evidence = doc.text[e.evidence_start : e.evidence_end]
        e.evidence_spans = [(e.evidence_start, e.evidence_end)]
        e.location_name = p.name_en or p.name_ar or p.text
        e.location_name_ar = p.name_ar or p.text
        e.latitude, e.longitude = p.latitude, p.longitude
        e.geo_precision, e.admin1, e.country = p.geo_precision, p.admin1, p.country
        lo = next((k for k, t in enumerate(doc.tokens) if t.end > e.evidence_start), 0)
        hi = next((k for k, t in enumerate(doc.tokens) if t.start >= e.evidence_end), len(doc.tokens))
        own = fatalities_in(doc, resources, lo, hi)
        if own is not None or i:
            e.fatalities = own
        out.append(e)
    return out


@stage("events", requires=("sentences", "tokens", "times", "places", "actors", "quotes", "triggers"), assigns=("events",))
def events_stage(doc: Doc, resources: Resources) -> None:
    threshold = resources.options.min_event_confidence
    merge = resources.options.extra.get("events_merge") is not False  # ablation switch
    split = resources.options.extra.get("events_split_places") is not False  # ablation switch
    events: list[Event] = []
    dated: list[bool] = []
    textdated: list[bool] = []  # the window comes from the text, not the publication-date fallback
    anchors: dict[int, EventTrigger] = {}
    last_sent: list[int] = []
    locals_: list[str | None] = []  # the unresolved named place each event was told at, if any
    mixed: list[bool] = []  # the event's primary sentence also voices a non-event
    camp = camps(doc)
    settlements = _settlements(doc)
    n = 0
    # dated reports first, then undated mentions (which may refer back or forward to them), then
    # condemnations of a happening the article may also report
    cands = sorted(candidates(doc, resources), key=lambda c: (_condemned_only(c), not _day_dated(doc, c.anchor)))
    for c in cands:
        c.confidence = calibrate(c.confidence)
        if c.confidence < threshold:
            continue
        if _points_back_at_non_event(doc, c):
            continue
        ev = _fill(doc, resources, c)
        if ev is None:
            continue
        if ev.event_type == "Battles" and _bare_targeting(c):
            # "أفاد المرصد بمقتل 51 جراء قصف طائرات التحالف ..." then "مقتل 11 جراء استهداف مبنى في الميادين":
            # a bare targeting with no weapon and no agent details the strikes told just before it
            strike = next(
                (
                    e
                    for e in reversed(events)
                    if e.event_type == "Explosions/Remote violence"
                    and 0 < c.sentence - anchors[id(e)].sentence <= DETAIL_REACH
                    # no agent named, or only the side the strikes hit ("بينما قتل 29 منهم")
                    and _stated(ev.actor1, ev.actor1_text) in (None, e.actor2)
                ),
                None,
            )
            if strike is not None:
                ev.event_type, ev.sub_event_type = strike.event_type, strike.sub_event_type
                ev.actor1, ev.actor1_text = strike.actor1, strike.actor1_text
                if ev.actor2 is None or ev.actor2 == ev.actor1:
                    ev.actor2, ev.actor2_text = strike.actor2, strike.actor2_text
        listed = _listed_places(doc, resources, c) if split else []
        for ev in _per_place(doc, resources, ev, listed) if len(listed) > 1 else [ev]:  # noqa: B020
            if merge and all("anaphoric" in t.flags for t in c.triggers):
                # هذه الغارات, تلك الهجمات: points back at a happening already told, never a new one
                same = [e for e in events if e.event_type == ev.event_type and e.evidence_start < ev.evidence_start]
                if same:
                    same[-1].evidence_spans.append((ev.evidence_start, ev.evidence_end))
                continue
            if merge and not _places_here(doc, c.sentence) and all("reference" in t.flags for t in c.triggers):
                # "وتأتي الغارات قبل ساعات من الهدنة": a definite mention with no place of its own points back
                host = next(
                    (e for e in reversed(events) if e.event_type == ev.event_type and _same_window(e, ev)), None
                )
                if host is not None:
                    host.evidence_spans.append((ev.evidence_start, ev.evidence_end))
                    continue
            if merge and _casualties_only(c) and not _told_as_distinct(doc, resources, c):
                # "خمسة أشخاص قتلوا قرب المحطة" after the bombing there: the toll of a happening already told
                host = next(
                    (
                        e
                        for e in reversed(events)
                        if e.event_type in VIOLENT_TYPES and _same_place(e, ev) and _same_window(e, ev)
                        and _actors_compatible_loose(e, ev)
                    ),
                    None,
                )
                if host is not None:
                    host.evidence_spans.append((ev.evidence_start, ev.evidence_end))
                    if host.fatalities is None and ev.fatalities is not None:
                        host.fatalities = ev.fatalities
                    continue
            if merge and _condemned_only(c):
                same = [e for e in events if e.event_type == ev.event_type]
                if same:  # the condemned happening is already coded: the condemnation is one more mention of it
                    best = next((e for e in same if e.sub_event_type == ev.sub_event_type), same[-1])
                    best.evidence_spans.append((ev.evidence_start, ev.evidence_end))
                    continue
            if all(getattr(t, "modality", "asserted") == "condemnation" for t in c.triggers):
                # "وأدان الليلة قبل الماضية اختطاف الموظفين الإيطاليين", "مستنكرا ... إطلاق سراح موظفي القنصلية": a
                # condemned happening the article reports nowhere else is the statement's subject, not news of it
                # (every gold set lists such condemnations among the not-events)
                continue
            merged = False
            armed = _names_its_weapon(doc, resources, c)
            local = _local_name(doc, c)
            dated_here = _dated_here(doc, c.anchor, c.sentence)
            text_dated = _text_dated(doc, c.anchor)
            for k in range(len(events) - 1, -1, -1) if merge and not _told_as_distinct(doc, resources, c) else ():
                if local and local != locals_[k]:
                    continue  # "سيطروا على مديرية القفر" and "على مديرية النادرة": two places the gazetteer lacks
                if not text_dated and _weeks_before_publication(doc, events[k]):
                    continue  # an undated report in the news is recent, not the happening of "في أكتوبر" told before
                if _same_happening(
                    events[k], ev, dated_here, c.sentence - last_sent[k], text_dated and textdated[k], camp, armed,
                    settlements,
                ):
                    old = events[k]
                    old.evidence_spans.append((ev.evidence_start, ev.evidence_end))
                    plain_here = not _voices_non_event(doc, c.sentence, ev.evidence_end)
                    if mixed[k] and plain_here and (dated_here or not dated[k]):
                        # "أعلنت المحافظة قرب تنفيذ المرحلة الثانية، واعتقلت القوات العشرات" then "قبضت القوات على 76":
                        # the sentence that only reports the happening becomes its evidence
                        old.evidence, old.evidence_start, old.evidence_end = ev.evidence, ev.evidence_start, ev.evidence_end
                        old.trigger = ev.trigger
                        mixed[k] = False
                    elif old.confidence < WEAK_MENTION and ev.confidence >= STRONG_MENTION:
                        # a passing mention (دمروا قوة الإرهاب في معارك) gives way to the report of the happening
                        old.evidence, old.evidence_start, old.evidence_end = ev.evidence, ev.evidence_start, ev.evidence_end
                        old.trigger = ev.trigger
                    if dated_here and not dated[k]:
                        if not textdated[k] and _day_dated(doc, c.anchor):
                            # the mention that dates the happening becomes its primary evidence (else the first: the lede)
                            old.evidence, old.evidence_start, old.evidence_end = ev.evidence, ev.evidence_start, ev.evidence_end
                            old.trigger = ev.trigger
                        old.date_start, old.date_end, old.time_precision = ev.date_start, ev.date_end, ev.time_precision
                        for f in ("location_name", "location_name_ar", "latitude", "longitude", "geo_precision", "admin1", "country"):
                            if getattr(ev, f) is not None:
                                setattr(old, f, getattr(ev, f))
                    elif dated_here and ev.date_start and _days(ev.date_start, ev.date_end or ev.date_start) < _days(
                        old.date_start or ev.date_start, old.date_end or old.date_start or ev.date_start
                    ):
                        # "أمس" inside "أمس واليوم": the narrower window dates the happening
                        old.date_start, old.date_end, old.time_precision = ev.date_start, ev.date_end, ev.time_precision
                    old.confidence = max(old.confidence, ev.confidence)
                    if ev.fatalities is not None:
                        old.fatalities = ev.fatalities if old.fatalities is None else min(old.fatalities, ev.fatalities)
                    for name in ev.claimed_by:
                        if name not in old.claimed_by:
                            old.claimed_by.append(name)
                    dated[k] = dated[k] or dated_here
                    last_sent[k] = c.sentence
                    merged = True
                    break
            if merged:
                continue
            n += 1
            ev.event_id = f"{ev.article_id}-e{n:02d}"
            events.append(ev)
            locals_.append(local)
            mixed.append(_voices_non_event(doc, c.sentence, ev.evidence_end))
            anchors[id(ev)] = c.anchor
            dated.append(dated_here)
            textdated.append(text_dated)
            last_sent.append(c.sentence)
    _split_shared_evidence(doc, resources, events, anchors)
    events.sort(key=lambda e: e.evidence_start)
    for k, ev in enumerate(events, 1):
        ev.event_id = f"{ev.article_id}-e{k:02d}"
    doc.events = events
