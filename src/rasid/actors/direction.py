"""Direction: who acts (actor1) and who is acted upon (actor2) for an event trigger.

Reads the actor mentions of the trigger's sentence only (never a far part of the article), the
clause around the trigger first. Handles verb-subject-object and subject-verb-object order, verbal
nouns with a genitive agent and an object after ل (استهداف الطيران التركي لمنازل المدنيين), an agent
after ل (قصف جوي للقوات العراقية), passives (تعرضت X لهجوم; قتل ... على يد X / من قبل X / بنيران X),
"بين X و Y" and "مع X" for clashes. Function words come from ``data/direction_cues.tsv``.

Three conventions of ACLED coding are applied when the sentence names no actor:
- an attack, abduction or bombing with no perpetrator named: actor1 = Unidentified Armed Group (<country>);
- a strike, shelling or battle with no other party named (قصفت قوات النظام الحولة, سيطرت المقاومة على ...):
  actor2 = the side the article most often names against actor1 (the holder of the places hit), when one
  side clearly leads (no tie);
- an unaffiliated person as the target is a civilian: actor2 = Civilians (<country>).
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from rasid.doc import ActorMention, Doc, Span
from rasid.resources import data_tsv
from rasid.text.matcher import PhraseMatcher
from rasid.text.normalise import norm

CLAUSE_PUNCT = "،,.;؛:!?؟\n"
NEAR = 3  # tokens between a trigger and an agent right after it
NOT_AGENT_ROLES = {"spokesman", "adviser", "official", "civilian"}
UNIDENTIFIED_SUBS = {
    "Abduction/forced disappearance",
    "Attack",
    "Remote explosive/landmine/IED",
    "Suicide bomb",
    "Grenade",
    "Sexual violence",
}
REMOTE_SUBS = {"Air/drone strike", "Shelling/artillery/missile attack"}
FIGHTING_KINDS = {"state", "rebel", "militia", "identity", "external"}


@lru_cache(maxsize=1)
def _cues() -> PhraseMatcher:
    return PhraseMatcher((r["cue"], r["type"]) for r in data_tsv("rasid.actors.data", "direction_cues.tsv"))


def _tok_index(doc: Doc, offset: int) -> int:
    starts = doc.user.get("_actors_tok_starts")
    if starts is None or len(starts) != len(doc.tokens):
        starts = [t.start for t in doc.tokens]
        doc.user["_actors_tok_starts"] = starts
    return max(bisect.bisect_right(starts, offset) - 1, 0)


def _bounds(doc: Doc, m: Span) -> tuple[int, int]:
    ts = getattr(m, "tok_start", None)
    te = getattr(m, "tok_end", None)
    if (
        ts is not None
        and te is not None
        and te > ts
        and te <= len(doc.tokens)
        and doc.tokens[ts].start <= m.start + 4
    ):
        return ts, te
    return _tok_index(doc, m.start), _tok_index(doc, max(m.end - 1, m.start)) + 1


def _punct_between(doc: Doc, t0: int, t1: int) -> bool:
    """Clause punctuation between the end of token t0 and the start of token t1 (t0 < t1)."""
    if t1 <= t0:
        return False
    return any(c in CLAUSE_PUNCT for c in doc.text[doc.tokens[t0].end : doc.tokens[t1].start])


def _in_negated_clause(doc: Doc, k: int, s_lo: int) -> bool:
    """Token k sits in a clause that denies (ولم تشمل الإيطاليين): no party of the event is named there."""
    kb = doc.user.get("actors.kb")
    negations = kb.words.get("negation", set()) if kb is not None else set()
    j = k - 1
    while j >= s_lo and not _punct_between(doc, j, j + 1):
        if doc.tokens[j].norm in negations:
            return True
        j -= 1
    return False


def _trigger_at(doc: Doc, anchor: Span):
    for t in getattr(doc, "triggers", []) or []:
        if t.start < max(anchor.end, anchor.start + 1) and anchor.start < t.end:
            return t
    return None


def _country(doc: Doc, sentence: int | None = None, besides: Span | None = None) -> str | None:
    """The country of an event in ``sentence``: a place named there (other than ``besides``), else the nearest
    country evidence (rasid.actors.context: the sentence's cues, its paragraph, the article)."""
    ctx = doc.user.get("actors.context")
    as_actor = {doc.tokens[i].start for i in ctx.actor_names} if ctx is not None else set()
    if sentence is not None:
        for p in getattr(doc, "places", []) or []:
            if besides is not None and p.overlaps(besides):
                continue
            if p.start in as_actor:
                continue  # a country written as an actor or a nationality (مقيما تركيا), not the event's place
            if p.sentence == sentence and p.country and len(p.country) > 2:
                return p.country
        kb = doc.user.get("actors.kb")
        if ctx is not None and kb is not None:
            # no place in the sentence: the nearest country evidence (its cues, its paragraph, the article)
            return kb.country_name(ctx.country(sentence)) or doc.user.get("actors.country_name")
    return doc.user.get("actors.country_name")


def _template(doc: Doc, at: int, name: str, kind: str, actor_id: str) -> ActorMention:
    """A mention the text implies but does not write: an empty span at the trigger."""
    from rasid.actors.stage import Mention

    sent = doc.sentence_index(at)
    country = _country(doc, sent)
    if name.endswith(" of"):  # Police Forces of Libya
        canonical = f"{name} {country}" if country else None
    else:
        canonical = f"{name} ({country})" if country else name
    return Mention(
        at,
        at,
        "",
        canonical=canonical,
        actor_id=actor_id,
        kind=kind,
        country=country,
        sentence=sent,
        origin="implied",
    )


def _with_country(name: str, doc: Doc, sentence: int | None = None) -> str:
    c = _country(doc, sentence)
    return f"{name} ({c})" if c else name


def _opponent(doc: Doc, a1: ActorMention) -> ActorMention | None:
    """The actor the article most often names on another side than ``a1`` (a holder of targeted positions)."""
    side1 = a1.side or a1.canonical
    counts: Counter[str] = Counter()
    first: dict[str, ActorMention] = {}
    for m in doc.actors:
        if not m.canonical or m.kind not in FIGHTING_KINDS or not getattr(m, "known", True):
            continue
        if getattr(m, "country_name", False) or m.kind == "person":
            continue
        side = m.side or m.canonical
        if side == side1 or m.canonical == a1.canonical:
            continue
        counts[m.canonical] += 1
        first.setdefault(m.canonical, m)
    if not counts:
        return None
    (best, n), *rest = counts.most_common(2) + [("", 0)]
    if rest and rest[0][1] == n:
        return None  # a tie: no clear holder
    return first[best]


def _words(doc: Doc, cls: str) -> set[str]:
    """A function-word class of ``actors/data/words.tsv`` (normalised)."""
    kb = doc.user.get("actors.kb")
    return kb.words.get(cls, set()) if kb is not None else set()


def _is_air_force(doc: Doc, m: ActorMention) -> bool:
    """An actor named by its aircraft (طائرات سلاح الجو الليبي, الطيران الحربي)."""
    text = norm(m.text or "")
    return any(w in text for w in _words(doc, "air_force"))


def _last_between_pair(doc: Doc, before: int) -> tuple[ActorMention, ActorMention] | None:
    """The two actors of the last "بين X و Y" told before ``before`` (the sides "الطرفين" points back to)."""
    ments = sorted((m for m in doc.actors if m.canonical and m.end <= before and m.text), key=lambda m: m.start)
    best = None
    for c in _cues().find(doc, (0, len(doc.tokens))):
        if c.payloads[0] != "between" or c.end > before:
            continue
        sent = doc.tokens[c.tok_start].sentence
        after = [
            m for m in ments
            if m.start >= c.end and _tok_index(doc, m.start) - c.tok_end <= 8 and doc.sentence_index(m.start) == sent
            and (m.kind in FIGHTING_KINDS or (m.kind == "person" and m.side))
        ]
        if len(after) >= 2 and after[0].canonical != after[1].canonical:
            best = (after[0], after[1])
    return best


def _leading_pair(doc: Doc, before: int) -> tuple[ActorMention, ActorMention] | None:
    """The two sides the article names most before ``before`` (first mentions, in order)."""
    counts: Counter[str] = Counter()
    first: dict[str, ActorMention] = {}
    for m in doc.actors:
        if m.start >= before or not m.canonical:
            continue
        if m.kind not in FIGHTING_KINDS and not (m.kind == "person" and m.side):
            continue  # a leader counts for his side (خليفة حفتر: the LNA)
        if getattr(m, "country_name", False) or not getattr(m, "known", True):
            continue
        counts[m.canonical] += 1
        first.setdefault(m.canonical, m)
    # most named first; a tie goes to the side named earlier (the two sides of the story's first clash)
    ranked = sorted(counts, key=lambda c: (-counts[c], first[c].start))
    if len(ranked) < 2:
        return None
    a, b = first[ranked[0]], first[ranked[1]]
    return (a, b) if a.start < b.start else (b, a)


def _sentence_cues(doc: Doc, sent: int, kind: str) -> bool:
    """A function word of ``kind`` (direction_cues.tsv) in sentence ``sent``."""
    if sent >= len(doc.sentences):
        return False
    lo = _tok_index(doc, doc.sentences[sent].start)
    hi = lo
    while hi < len(doc.tokens) and doc.tokens[hi].sentence == sent:
        hi += 1
    return any(c.payloads[0] == kind for c in _cues().find(doc, (lo, hi)))


def actors_for(doc: Doc, anchor: Span) -> tuple[ActorMention | None, ActorMention | None]:
    """(actor1, actor2) of an event reported at ``anchor``: who acts, who is acted upon."""
    if not doc.tokens:
        return None, None
    trig = _trigger_at(doc, anchor)
    etype = trig.event_type if trig else ""
    sub = trig.sub_event_type if trig else ""
    a1, a2, civ_near, has_target_noun = _direction(doc, anchor)
    sent = doc.sentence_index(anchor.start)
    national = _national_forces(doc, anchor)
    if national is not None and (a1 is None or a1.start < anchor.start):
        # قصف جوي تركي, غارة جوية أمريكية: the adjective names who strikes
        if a2 is None and a1 is not None and a1.canonical != national.canonical:
            a2 = a1
        a1 = national
    if etype in ("Protests", "Riots"):
        if a1 is None or a1.kind not in ("civilians", "protesters", "rioters"):
            a1 = civ_near or a1
        if a1 is not None and a1.kind == "civilians":
            name = "Protesters" if etype == "Protests" else "Rioters"
            a1 = replace(a1, canonical=_with_country(name, doc, sent), kind=name.lower())
    if a1 is not None and (a1.actor_id or "").startswith(("unidentified", "islamist_militants")):
        # مسلحون من قبيلتي التبو والطوارق: the armed men are the groups they come from
        groups = _groups_after(doc, a1)
        if groups:
            a1 = groups[0]
            if len(groups) > 1 and (a2 is None or a2 is groups[0] or a2.start < a1.end) and etype == "Battles":
                a2 = groups[1]
    if sub == "Air/drone strike" and a1 is not None and a1.kind in ("rebel", "militia", "identity") and not _is_air_force(doc, a1):
        # قصفت مواقع للمتمردين الحوثيين (an air strike): armed groups without aircraft are the ones hit
        a1, a2 = (a2, a1) if a2 is not None and a2.kind in ("state", "external") else (None, a2 or a1)
    if sub in REMOTE_SUBS and a1 is None:
        # قامت ثلاث مقاتلات اف-16 من سلاح الجو التركي بقصف: the air force named before the act strikes
        before = [
            m for m in doc.actors
            if m.text and m.start < anchor.end and doc.sentence_index(m.start) == sent and _is_air_force(doc, m)
            and m.canonical and m is not a2
        ]  # (also one the trigger phrase runs into: "نفذ الطيران" + الطيران الحربي النظامي)
        if before:
            a1 = before[-1]
    if sub in REMOTE_SUBS and a1 is None and a2 is not None and _is_air_force(doc, a2):
        # قصفت إحدى طائرات سلاح الجو الليبي أحد المراكب: aircraft drop the bombs, they are never the target
        a1, a2 = a2, None
    if etype == "Battles" and a1 is None and a2 is not None:
        # لقي جندي بالجيش مصرعه جراء الاشتباكات مع ميليشيا X: the fallen's force is the other side, the one
        # acted upon (actor2); the side it fought, X, acts
        before = [
            m
            for m in doc.actors
            if m.text
            and m.end <= anchor.start
            and doc.sentence_index(m.start) == sent
            and m.kind in ("state", "militia", "rebel")
            and m.canonical
            and m.canonical != a2.canonical
        ]
        if before:
            a1, a2 = a2, before[-1]
    if etype == "Battles" and (a1 is None or a2 is None) and _sentence_cues(doc, sent, "pair"):
        # قتل عشرات المقاتلين من الطرفين, وكانت اشتباكات مماثلة دارت ...: the two sides named so far
        known = [m for m in (a1, a2) if m is not None and m.kind not in ("civilians", "person")]
        pair = _last_between_pair(doc, anchor.start) or _leading_pair(doc, anchor.start)
        if pair and all(m.canonical in {p.canonical for p in pair} for m in known):
            a1, a2 = pair  # (ثلاثة أشخاص قتلوا في اشتباكات بين الجانبين: the dead are no side)
        elif len(known) == 1 and known[0] is a1:
            a2 = _opponent(doc, a1) or a2  # the side named in the sentence, against its usual opponent
    if etype in ("Protests", "Riots") and (a1 is None or a1.kind not in ("civilians", "protesters", "rioters")):
        # ACLED: the crowd acts; forces named beside it are the ones acting on it
        name = "Protesters" if etype == "Protests" else "Rioters"
        a1 = _template(doc, anchor.start, name, name.lower(), name.lower())
    if etype in ("Protests", "Riots") and a2 is not None:
        if a2 is a1 or (a1 is not None and a2.start == a1.start) or a2.kind not in ("state", "militia"):
            a2 = None  # a protest has no target unless forces act on it (قوات الأمن بتفريق التظاهرة)
    combatants = "combatant_victims" in getattr(trig, "flags", ())
    if a2 is not None and a2.kind == "person" and not a2.canonical and not combatants:
        a2 = replace(a2, canonical=_with_country("Civilians", doc, sent), kind="civilians")
    if a1 is not None and a1.kind == "person" and not a1.canonical:
        a1 = None
    if a1 is None and (sub in UNIDENTIFIED_SUBS or etype == "Battles"):
        a1 = _template(doc, anchor.start, "Unidentified Armed Group", "militia", "unidentified")
    if sub == "Arrests":
        # ACLED: arrests are made by the state's police unless the text names another force; the arrested
        # are civilians unless named
        if a1 is None:
            a1 = _template(doc, anchor.start, "Police Forces of", "state", "pol_generic")
        if a2 is None:
            a2 = _template(doc, anchor.start, "Civilians", "civilians", "civilians")
    civilian_target = (etype == "Violence against civilians" and not combatants) or (
        etype == "Explosions/Remote violence" and bool(trig and trig.civilian_targeting)
    )
    armed_target = (
        (sub == "Attack" or etype == "Explosions/Remote violence")
        and a2 is not None and bool(a2.text) and a2 is not a1 and a2.kind in ("state", "militia", "rebel")
    )  # shots or a bomb at a named force: not violence against civilians (the events stage retypes an attack)
    if civilian_target and not armed_target and (a2 is None or a2.kind != "civilians"):
        # violence against civilians: the target is civilians (named in the sentence, else implied)
        a2 = civ_near if civ_near is not None and civ_near is not a1 else None
        if a2 is None:
            a2 = _template(doc, anchor.start, "Civilians", "civilians", "civilians")
    if a2 is None and a1 is not None and a1.kind != "civilians" and etype not in ("Protests", "Riots"):
        if sub in REMOTE_SUBS and civ_near is not None and civ_near is not a1:
            a2 = civ_near  # مدافع الميليشيات استهدفت المدنيين ... وخلفت قتلى: the civilians named are the target
        elif sub in REMOTE_SUBS or etype == "Battles":
            a2 = _opponent(doc, a1)
    return _refill(doc, a1, sent, a2), _refill(doc, a2, sent, a1)


GROUP_KINDS = ("identity", "militia", "rebel", "state", "political")


def _groups_after(doc: Doc, m: ActorMention) -> list[ActorMention]:
    """Known groups right after "من" following an unnamed-gunmen mention (up to two joined by و)."""
    if not m.text or not doc.tokens:
        return []
    i = _tok_index(doc, m.end - 1) + 1
    if i >= len(doc.tokens) or doc.tokens[i].norm not in ("من", "ومن") or _punct_between(doc, i - 1, i):
        return []
    after = sorted(
        (a for a in doc.actors if a.start > doc.tokens[i].start and a.kind in GROUP_KINDS and a.canonical),
        key=lambda a: a.start,
    )
    out: list[ActorMention] = []
    for a in after:
        k = _tok_index(doc, a.start)
        if k - i > 3 or any(_punct_between(doc, j, j + 1) for j in range(i, k)):
            break
        out.append(a)
        i = k
        if len(out) == 2:
            break
    return out


def _refill(doc: Doc, m: ActorMention | None, sent: int, other: ActorMention | None) -> ActorMention | None:
    """A template actor (Islamic State (X), Civilians (X)) named after the country of the event (not the
    country that acts in it: قصفت تركيا مواقع لداعش في سوريا)."""
    if m is None or not getattr(m, "template", False) or not m.canonical or "(" not in m.canonical:
        return m
    besides = other if other is not None and getattr(other, "country_name", False) else None
    country = _country(doc, sent, besides)
    if not country:
        return m
    name = m.canonical.rsplit(" (", 1)[0]
    return replace(m, canonical=f"{name} ({country})", country=country)


def _national_forces(doc: Doc, anchor: Span) -> ActorMention | None:
    """A nationality adjective right after the trigger (قصف جوي تركي): that country's forces, implied."""
    kb = doc.user.get("actors.kb")
    if kb is None or not doc.tokens:
        return None
    a_e = _tok_index(doc, max(anchor.end - 1, anchor.start)) + 1
    for k in range(a_e, min(a_e + 2, len(doc.tokens))):
        t = doc.tokens[k]
        if t.sentence != doc.tokens[a_e - 1].sentence or _punct_between(doc, k - 1, k):
            break
        if doc.tokens[k - 1].norm in kb.words["name_stop"]:
            break  # القبض على تونسي: the person the act falls on, not the forces that act
        iso = kb.adjective_country.get(t.norm)
        if iso and not t.norm.endswith("ين"):
            actor = kb.actors.get(f"mil_{iso}")
            if actor is None:
                return None
            from rasid.actors.stage import Mention

            return Mention(
                t.start,
                t.end,
                t.text,
                canonical=actor.canonical,
                actor_id=actor.id,
                kind=actor.kind,
                side=actor.side,
                country=kb.country_name(iso),
                sentence=t.sentence,
                tok_start=k,
                tok_end=k + 1,
                origin="implied",
                known=True,
            )
    return None


def _direction(doc: Doc, anchor: Span):
    """(actor1, actor2, the civilian mention nearest the anchor, a target noun follows the anchor)."""
    a_s = _tok_index(doc, anchor.start)
    a_e = _tok_index(doc, max(anchor.end - 1, anchor.start)) + 1
    toks = doc.tokens
    sent = toks[a_s].sentence
    s_lo = a_s
    while s_lo > 0 and toks[s_lo - 1].sentence == sent:
        s_lo -= 1
    s_hi = a_e
    while s_hi < len(toks) and toks[s_hi].sentence == sent:
        s_hi += 1
    c_lo = a_s
    while c_lo > s_lo and not _punct_between(doc, c_lo - 1, c_lo):
        c_lo -= 1
    c_hi = a_e
    while c_hi < s_hi and not _punct_between(doc, c_hi - 1, c_hi):
        c_hi += 1

    # function words of the sentence
    cue_before: dict[int, str] = {}
    cue_at: dict[int, str] = {}
    for c in _cues().find(doc, (s_lo, s_hi)):
        if c.tok_start < a_e and a_s < c.tok_end:
            continue  # the trigger's own word (استهدفت X: X is its subject, not a target)
        cue_before[c.tok_end] = c.payloads[0]
        cue_at[c.tok_start] = c.payloads[0]
    has_target_noun = any(cue_at.get(k) == "target_noun" for k in range(a_e, s_hi))

    ments = []
    for m in doc.actors:
        if not m.text or getattr(m, "origin", "") == "ner":
            continue  # tagger names (people, bodies) are for speakers, not event parties
        ts, te = _bounds(doc, m)
        if ts < s_lo or te > s_hi or (ts < a_e and a_s < te):
            continue
        ments.append((ts, te, m))
    if not ments:
        return None, None, None, has_target_noun
    ments.sort(key=lambda x: x[0])

    def prep(ts: int, m) -> str:
        """The function-word type governing a mention ('' when none)."""
        t = cue_before.get(ts)
        if t == "prep" and ts >= 2 and toks[ts - 1].norm == "من":
            q = cue_before.get(ts - 1)
            if q == "quantity" or toks[ts - 2].norm[:1].isdigit():
                return "q"  # عدد من المدنيين, 5 من الحوثيين: a part of the group (an object, not a subject)
        if t == "target_noun":
            return "target"
        if t == "quantity":
            t = "q"
        if t == "control":
            return ""  # تمكنت القوات العراقية من تحرير: the subject of the control verb acts
        if t:
            return t
        pre = getattr(m, "prefix", "")
        if pre.endswith("ل"):
            return "l"
        if pre.endswith("ب") or pre.endswith("ك"):
            return "prep"
        return ""

    info = [(ts, te, m, prep(ts, m)) for ts, te, m in ments]

    def agentish(x) -> bool:
        m = x[2]
        if m.kind == "civilians":
            return False
        if getattr(m, "country_name", False) and (x[3] != "" or m.canonical == _country(doc, sent, m)):
            return False  # تركيا as a subject (قصفت تركيا) acts; the event's own country is its setting
        if m.kind == "person" and (not m.canonical or m.role in NOT_AGENT_ROLES):
            return False
        return True

    def subjectish(x) -> bool:
        return x[3] == "" and agentish(x)

    def in_clause(x) -> bool:
        return c_lo <= x[0] and x[1] <= c_hi

    a1 = a2 = None
    # 1. an explicit agent after the trigger: على يد X, من قبل X, بنيران X, شنه (من يشتبه بأنهم) X
    agent_cues = [k for k, t in cue_before.items() if t == "agent" and a_e <= k <= a_e + 10]
    for k in sorted(agent_cues):
        near = [
            x for x in info if k <= x[0] <= k + 5 and agentish(x) and not _punct_between(doc, k - 1, x[0])
        ]
        if near:
            a1 = near[0]
            break
    # 2. بين X و Y (the last بين of the clause: "بين A و B وتحديدا بين C و D")
    betweens = [x for x in info if x[0] >= a_e and x[3] == "between" and in_clause(x) and agentish(x)]
    if not betweens:  # "اشتباكات عند البوابة ...، بين X و Y": بين opening the next clause
        betweens = [
            x
            for x in info
            if x[0] >= a_e
            and x[3] == "between"
            and agentish(x)
            and x[0] - a_e <= 25
            and _punct_between(doc, x[0] - 2, x[0] - 1)
        ]
    if not betweens and c_hi < s_hi and toks[c_hi].norm in _words(doc, "relative"):
        # "المعارك المسلحة، التي تدور في درنة بين X و Y": a relative clause describing the trigger's noun
        r_hi = c_hi + 1
        while r_hi < s_hi and not _punct_between(doc, r_hi - 1, r_hi):
            r_hi += 1
        betweens = [x for x in info if c_hi <= x[0] < r_hi and x[3] == "between" and agentish(x)]
    # ... "بالإضافة إلى اشتباكات أخرى بين Z و W": a later clash word takes the pairs after it
    later = [
        getattr(t, "tok_start", 10**9)
        for t in doc.triggers
        if t.sentence == sent and t.event_type == "Battles" and getattr(t, "tok_start", -1) >= a_e
    ]
    if later:
        betweens = [x for x in betweens if x[0] < min(later)] or betweens
    if betweens:
        x = betweens[-1]
        rest = [
            y
            for y in info
            if y[0] >= x[1]
            and y[0] - x[1] <= 8
            and y[2] is not x[2]
            and y[3] not in ("modifier", "l", "prep")
        ]
        conj = [y for y in rest if getattr(y[2], "prefix", "").startswith("و") or toks[y[0] - 1].norm == "و"]
        # "بين قوات النظام وحزب الله من جهة، والفصائل المعارضة من جهة أخرى": the other side follows "من جهة"
        side_mark = next(
            (k for k in range(x[1], min(s_hi, x[1] + 12)) if toks[k].norm == "من" and k + 1 < s_hi
             and toks[k + 1].norm in _words(doc, "other_side")),
            None,
        )
        if side_mark is not None:
            other = [y for y in info if side_mark + 2 <= y[0] <= side_mark + 8 and y[2] is not x[2] and agentish(y)]
            if other:
                conj = rest = other[:1]
        if a1 is None:
            a1 = x
        if conj or rest:
            a2 = (conj or rest)[0]
        elif a1 is x and not (x[1] < len(toks) and toks[x[1]].norm.startswith("و")):
            a2 = x  # بين فصائل مسلحة متنافسة: fighting among the group itself
    # 3. passive: تعرض X لـ <trigger>
    passive_at = [k for k in range(c_lo, a_s) if cue_at.get(k) == "passive"]
    if not passive_at and a_s > s_lo and (toks[a_s - 1].norm in ("الى", "الي") or toks[a_s].norm.startswith("ل")):
        # تعرضت دورية ...، فجر اليوم، إلى إطلاق نار: the passive verb's complement after a time adverbial
        passive_at = [k for k in range(s_lo, c_lo) if cue_at.get(k) == "passive"][-1:]
    passive = bool(passive_at)
    if passive and a2 is None:
        for x in info:
            # تعرضت دورية تابعة لحرس السواحل لإطلاق نار: the force the patrol belongs to is hit
            if passive_at[-1] < x[0] < a_s and x[3] in ("", "l", "modifier"):
                a2 = x
                break
    if passive and a1 is None:
        # تعرضت القرية إلى قصف مكثف من الميليشيات الحوثية: after a passive, "من X" right after the act names
        # who did it
        for x in info:
            if a_e <= x[0] <= a_e + 4 and x[3] == "prep" and toks[x[0] - 1].norm == "من" and agentish(x):
                a1 = x
                break
    # 4. the agent right after the trigger (VSO verb, a verbal noun's genitive, or ل after a verbal noun);
    #    not after a control verb (حاولوا مباغتة الثوار: the genitive is the target, the subject is before)
    controlled = a_s > 0 and cue_before.get(a_s) == "control"
    if a1 is None and not passive and not controlled:
        for x in info:
            if x[0] >= a_e and x[0] - a_e <= NEAR and not _punct_between(doc, a_e - 1, x[0]):
                # no preposition between (غارات على معاقل المتمردين: the rebels are hit, not hitting)
                between = any(cue_at.get(k) in ("prep", "target", "target_noun") for k in range(a_e, x[0]))
                if agentish(x) and not between and (x[3] == "" or (x[3] == "l" and x[0] - a_e <= 1)):
                    a1 = x
                break
    # 5. the subject before the trigger (SVO, or the subject of a support verb: شن الجيش غارات)
    if a1 is None and not passive:
        for pool in ([x for x in info if in_clause(x)], info):
            before = [x for x in pool if x[1] <= a_s and subjectish(x) and x is not a2]
            if before:
                a1 = before[-1]
                # coordinated subjects "X و Y <trigger>" (قبيلتا التبو والطوارق وقعتا اتفاقا): X acts, Y is the other party
                if (
                    len(before) >= 2
                    and getattr(a1[2], "prefix", "").startswith("و")
                    and before[-2][1] == a1[0]
                ):
                    first, second = before[-2], a1
                    if a2 is None and not (first[2].side and first[2].side == second[2].side):
                        a1, a2 = first, second
                    else:
                        a1 = first
                break
    # 6. an agent further after the trigger in its clause
    if a1 is None and not passive:
        for x in info:
            if x[0] >= a_e and in_clause(x) and subjectish(x) and x is not a2:
                a1 = x
                break
    # 7. a qualified actor before the trigger (الدفاعات الجوية التابعة للجيش), same clause
    if a1 is None and not passive:
        for x in reversed(info):
            if x[1] <= a_s and in_clause(x) and x[3] in ("modifier", "l") and agentish(x):
                a1 = x
                break

    # actor2: the first argument after the trigger that is not actor1 or one of its qualifiers
    if a2 is None:
        a1_can = a1[2].canonical if a1 else None
        start_after = a_e
        for pool in ([x for x in info if in_clause(x)], [x for x in info if not _in_negated_clause(doc, x[0], s_lo)]):
            cands = [
                x
                for x in pool
                if x[0] >= start_after
                and x is not a1
                and x[3] in ("", "l", "q", "target", "with")
                and not (a1_can and x[2].canonical == a1_can)
                and not (getattr(x[2], "country_name", False) and x[3] != "target")
                and not (a1 is not None and x[2].side and x[2].side == a1[2].side)
                and not (x[2].kind == "person" and x[2].role in ("spokesman",))
            ]
            pick = cands[0] if cands else None
            if pick is not None:
                a2 = pick
                break
        # a target before the trigger in its clause: civilians (ان اربعة ايطاليين ... خطفوا), or the victims
        # when the agent comes after the trigger (قتل 5 من الحوثيين في كمين للمقاومة)
        if a2 is None:
            a1_after = a1 is not None and a1[0] >= a_e
            for x in reversed(info):
                if x[1] > a_s or not in_clause(x) or x is a1 or (a1_can and x[2].canonical == a1_can):
                    continue
                victim = x[3] == "q" or (a1_after and x[3] in ("", "target"))  # سبعة من قادة التنظيم
                if x[2].kind == "civilians" or (victim and agentish(x)):
                    a2 = x
                    break
    civs = [x for x in info if x[2].kind in ("civilians", "protesters") and not _in_negated_clause(doc, x[0], s_lo)]
    civs.sort(key=lambda x: (0 if x[0] >= a_e else 1, abs(x[0] - a_e)))
    civ_near = civs[0][2] if civs else None
    return (a1[2] if a1 else None), (a2[2] if a2 else None), civ_near, has_target_noun
