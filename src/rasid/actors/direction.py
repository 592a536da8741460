"""Direction: who acts (actor1) and who is acted upon (actor2) for an event trigger.

Reads the actor mentions of the trigger's sentence only (never a far part of the article), the
clause around the trigger first. Handles verb-subject-object and subject-verb-object order, verbal
nouns with a genitive agent and an object after ل (استهداف الطيران التركي لمنازل المدنيين), passives
(تعرضت X لهجوم; قتل ... على يد X / من قبل X / بنيران X), "بين X و Y" and "مع X" for clashes.
Function words come from ``data/direction_cues.tsv``.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

from rasid.doc import ActorMention, Doc, Span
from rasid.resources import data_tsv
from rasid.text.matcher import PhraseMatcher

CLAUSE_PUNCT = "،,.;؛:!?؟\n"
NEAR = 3  # tokens between a trigger and an agent right after it


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
    if ts is not None and te is not None and te > ts and doc.tokens[ts].start <= m.start + 4:
        return ts, te
    return _tok_index(doc, m.start), _tok_index(doc, max(m.end - 1, m.start)) + 1


def _punct_between(doc: Doc, t0: int, t1: int) -> bool:
    """Clause punctuation between the end of token t0 and the start of token t1 (t0 < t1)."""
    if t1 <= t0:
        return False
    return any(c in CLAUSE_PUNCT for c in doc.text[doc.tokens[t0].end : doc.tokens[t1].start])


def actors_for(doc: Doc, anchor: Span) -> tuple[ActorMention | None, ActorMention | None]:
    """(actor1, actor2) of an event reported at ``anchor``: who acts, who is acted upon."""
    if not doc.tokens or not doc.actors:
        return None, None
    a_s = _tok_index(doc, anchor.start)
    a_e = _tok_index(doc, max(anchor.end - 1, anchor.start)) + 1
    sent = doc.tokens[a_s].sentence
    s_lo = a_s
    while s_lo > 0 and doc.tokens[s_lo - 1].sentence == sent:
        s_lo -= 1
    s_hi = a_e
    while s_hi < len(doc.tokens) and doc.tokens[s_hi].sentence == sent:
        s_hi += 1
    c_lo = a_s
    while c_lo > s_lo and not _punct_between(doc, c_lo - 1, c_lo):
        c_lo -= 1
    c_hi = a_e
    while c_hi < s_hi and not _punct_between(doc, c_hi - 1, c_hi):
        c_hi += 1

    ments = []
    for m in doc.actors:
        ts, te = _bounds(doc, m)
        if ts < s_lo or te > s_hi:
            continue
        if ts <= a_s and a_e <= te:
            continue  # the trigger is inside the mention
        if ts < a_e and a_s < te:
            continue
        ments.append((ts, te, m))
    if not ments:
        return None, None
    ments.sort(key=lambda x: x[0])

    # function words of the sentence, by the token they end at
    cue_before: dict[int, str] = {}
    cue_at: dict[int, str] = {}
    for c in _cues().find(doc, (s_lo, s_hi)):
        cue_before[c.tok_end] = c.payloads[0]
        cue_at[c.tok_start] = c.payloads[0]

    def prep(ts: int, m) -> str:
        """The function-word type governing a mention ('' when none)."""
        t = cue_before.get(ts)
        if t:
            return t
        pre = getattr(m, "prefix", "")
        if pre.endswith("ل"):
            return "l"
        if pre.endswith("ب") or pre.endswith("ك"):
            return "prep"
        return ""

    info = [(ts, te, m, prep(ts, m)) for ts, te, m in ments]

    def subjectish(x) -> bool:
        return x[3] == "" and not getattr(x[2], "country_name", False)

    def in_clause(x) -> bool:
        return c_lo <= x[0] and x[1] <= c_hi

    a1 = a2 = None
    # 1. an explicit agent after the trigger: على يد X, من قبل X, بنيران X
    for x in info:
        if x[0] >= a_e and x[3] == "agent":
            a1 = x
            break
    # 2. بين X و Y
    for x in info:
        if x[0] >= a_e and x[3] == "between" and x[0] - a_e <= 4:
            a1 = a1 or x
            rest = [y for y in info if y[0] >= x[1] and y[0] - x[1] <= 8 and y[2] is not x[2]]
            if rest:
                a2 = rest[0]
            break
    # 3. passive: تعرض X لـ <trigger>
    passive = any(cue_at.get(k) == "passive" for k in range(c_lo, a_s))
    if passive and a2 is None:
        for x in info:
            if x[0] < a_s and in_clause(x) and x[3] in ("", "l"):
                p_idx = max(k for k in range(c_lo, a_s) if cue_at.get(k) == "passive")
                if x[0] > p_idx:
                    a2 = x
                    break
    # 4. the agent right after the trigger (VSO verb, or a verbal noun's genitive)
    if a1 is None:
        for x in info:
            if x[0] >= a_e and x[0] - a_e <= NEAR and not _punct_between(doc, a_e - 1, x[0]):
                if subjectish(x) and x[2].kind not in ("civilians",) and not passive:
                    a1 = x
                break
    # 5. the subject before the trigger (SVO, or the subject of a support verb: شن الجيش غارات)
    if a1 is None and not passive:
        for pool in ([x for x in info if in_clause(x)], info):
            before = [x for x in pool if x[1] <= a_s and subjectish(x) and x is not a2]
            if before:
                a1 = before[-1]
                break
    # 6. an agent further after the trigger in its clause
    if a1 is None and not passive:
        for x in info:
            if x[0] >= a_e and in_clause(x) and subjectish(x) and x[2].kind != "civilians" and x is not a2:
                a1 = x
                break
    # 7. fall back to a qualified actor (الدفاعات الجوية التابعة للجيش): before the trigger, same clause
    if a1 is None and not passive:
        for x in reversed(info):
            if x[1] <= a_s and in_clause(x) and x[3] in ("modifier", "l"):
                a1 = x
                break

    # actor2: the first argument after the trigger that is not actor1 or one of its qualifiers
    if a2 is None:
        a1_can = a1[2].canonical if a1 else None
        start_after = max(a_e, a1[1]) if a1 and a1[0] >= a_e else a_e
        for pool in ([x for x in info if in_clause(x)], info):
            cands = [
                x
                for x in pool
                if x[0] >= start_after
                and x is not a1
                and x[3] in ("", "l", "target", "with")
                and not (a1_can and x[2].canonical == a1_can)
                and not (getattr(x[2], "country_name", False) and x[3] not in ("", "target"))
            ]
            civ = [x for x in cands if x[2].kind == "civilians"]
            pick = (
                civ[0]
                if civ and (not cands or civ[0][0] - cands[0][0] <= 6)
                else (cands[0] if cands else None)
            )
            if pick is not None:
                a2 = pick
                break
        # SVO with the object fronted is rare; a civilian target before the trigger in the clause
        if a2 is None:
            for x in info:
                if x[1] <= a_s and in_clause(x) and x[2].kind == "civilians" and x is not a1:
                    a2 = x
    return (a1[2] if a1 else None), (a2[2] if a2 else None)
