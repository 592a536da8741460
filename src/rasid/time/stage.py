"""Time stage: find time expressions, resolve each to a window of days with ACLED precision,
and give each event the window that governs it.

``doc.times`` gets one ``TimeMention`` per expression (raw offsets). Expressions that cannot date an
event by themselves (since 2011, a bare duration, an impossible or contradictory date) are kept with
``date_start = None`` or are skipped by ``event_window``.

``event_window(doc, anchor)`` (the event's trigger span):
1. the expression of the anchor's clause (the comma/semicolon-delimited stretch around it, including a
   clause that holds nothing but a time expression right after it: "شن غارات، أواخر يوليو الماضي،");
2. else the nearest expression before the anchor in its sentence;
3. else the nearest expression after it in the sentence (headline-style "قتل 5 ... امس");
4. else the last dated expression of the previous three sentences (reported speech continues:
   "وأضاف ..."), or, before the article's first dated sentence, the first one of the next two sentences
   (a lede is dated by the sentence after it) when it lies within a month before publication;
   Carry-over takes only a day or a few days (precision 1-2), and stops at an aside ("يذكر ان", "الجدير
   بالذكر") unless the aside dates a statement ("قال يوم الثلاثاء") that the next sentences continue;
5. else the article reference: the day before publication and the day itself (pub-1 .. pub), precision 3
   (category "article"; precision 3 marks a date the text does not state): undated reports in daily news are
   of the last day or two (the dev gold's undated events are dated so), and a window ending at publication
   never puts an event after the article. None when the article has no publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from rasid.doc import Doc, Span, TimeMention
from rasid.pipeline import stage
from rasid.resources import Resources
from rasid.text.normalise import norm
from rasid.time.calendars import Lexicon, lexicon
from rasid.time.finder import Grammar, build_grammar, find

_GRAMMARS: dict[int, Grammar] = {}


def _grammar(lex: Lexicon) -> Grammar:
    g = _GRAMMARS.get(id(lex))
    if g is None or g.lex is not lex:
        g = build_grammar(lex)
        _GRAMMARS[id(lex)] = g
    return g


def find_times(doc: Doc, lex: Lexicon | None = None) -> list[TimeMention]:
    """Time mentions of a Doc (sentences should be set for the sentence index)."""
    g = _grammar(lex or lexicon())
    out: list[TimeMention] = []
    for f in find(doc.norm, doc.meta.published, g):
        rs, re_ = doc.raw_span(f.nstart, f.nend)
        tm = TimeMention(
            rs,
            re_,
            doc.text[rs:re_],
            date_start=f.date_start,
            date_end=f.date_end,
            precision=f.precision,
            category=f.category,
            sentence=doc.sentence_index(rs) if doc.sentences else 0,
        )
        tm.governs = f.governs
        out.append(tm)
    return _join_coordinated_days(doc, out)


_AND_BETWEEN = re.compile(r"\s*و\s*")
# "اندلعت مساء السبت واستمرت حتى وقت مبكر من أمس": from one day until another
UNTIL_BETWEEN = re.compile(r"[^.،,؛;:!?؟\n]{0,40}(?:[،,]\s*)?و?حتى[^.،,؛;:!?؟\n]{0,25}")

JOINED_MAX_DAYS = 7


def _join_coordinated_days(doc: Doc, times: list[TimeMention]) -> list[TimeMention]:
    """"أمس واليوم", "يومي السبت والأحد", "مساء السبت واستمرت حتى فجر الأحد": two days joined by و or
    حتى are one window spanning both."""
    out: list[TimeMention] = []
    for tm in times:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.governs
            and tm.governs
            and prev.precision == 1
            and tm.precision == 1
            and prev.date_start is not None
            and tm.date_start is not None
            and prev.sentence == tm.sentence
            and (_AND_BETWEEN.fullmatch(doc.text[prev.end : tm.start]) or UNTIL_BETWEEN.fullmatch(doc.text[prev.end : tm.start]))
        ):
            lo = min(prev.date_start, tm.date_start)
            hi = max(prev.date_end or prev.date_start, tm.date_end or tm.date_start)
            if 0 < (hi - lo).days <= JOINED_MAX_DAYS:
                out[-1] = replace(
                    prev, end=tm.end, text=doc.text[prev.start : tm.end], date_start=lo, date_end=hi,
                    precision=2, category="coordinated",
                )
                continue
        out.append(tm)
    return out


@stage("time", requires=("sentences", "tokens"), assigns=("times",))
def time_stage(doc: Doc, resources: Resources) -> None:
    doc.times = find_times(doc, resources.get("time.lexicon"))


def resolve_text(text: str, published: dt.date | str | None) -> list[TimeMention]:
    """Time mentions of a bare string (for tests and benchmarks)."""
    from rasid.doc import ArticleMeta
    from rasid.text.sentences import split_sentences

    if isinstance(published, str):
        published = dt.date.fromisoformat(published[:10])
    doc = Doc(text, ArticleMeta(published=published))
    doc.sentences = [Span(s, e, text[s:e]) for s, e in split_sentences(text)]
    return find_times(doc)


# --- event windows --------------------------------------------------------------------------------
_CLAUSE_BREAK = re.compile(r"[،,؛;:]")
_STOP = re.compile(r"(?<=[0-9])\.\s+(?=\S)")
_TIME_ONLY_FILLER = re.compile(r"^[\s،,؛;:\-–()\"'«»“”]*(?:و?(?:في|فى|منذ|خلال|يوم|بتاريخ|وذلك|ذلك)\s+)*$")


ARTICLE_DAYS = 1  # the article reference: the day before publication and the day itself


def _cue_re(kind: str) -> re.Pattern:
    lex = lexicon()
    words = sorted(lex.cues.get(kind, {}), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])")


_CUE_CACHE: dict[str, re.Pattern] = {}


def _cue(kind: str) -> re.Pattern:
    if kind not in _CUE_CACHE:
        _CUE_CACHE[kind] = _cue_re(kind)
    return _CUE_CACHE[kind]


def _starts_with_ago(text: str) -> bool:
    """The expression opens with a "since / ago" cue of the time lexicon (منذ أسبوعين, قبل شهر)."""
    if "ago" not in _AGO_CACHE:
        _AGO_CACHE["ago"] = tuple(w for w, v in lexicon().cues.get("since", {}).items() if v == "ago")
    return norm(text).lstrip("و").startswith(_AGO_CACHE["ago"])


_AGO_CACHE: dict[str, tuple[str, ...]] = {}


def _is_aside(doc: Doc, k: int) -> bool:
    """The sentence opens with an aside marker (يذكر ان, الجدير بالذكر, يشار الي)."""
    sent = doc.sentences[k]
    head = doc.norm_of(sent.start, min(sent.end, sent.start + 30))
    m = _cue("background").search(head)
    return m is not None and m.start() <= 2


def _say_re() -> re.Pattern:
    """Reporting verbs with a conjunction and a subject suffix (وأكدت، وقالوا، فأعلن)."""
    if "say+" not in _CUE_CACHE:
        words = sorted(lexicon().cues.get("say", {}), key=len, reverse=True)
        _CUE_CACHE["say+"] = re.compile(
            r"(?<![\w])[وف]?(?:" + "|".join(re.escape(w) for w in words) + r")(?:ت|وا|ا|تا)?(?![\w])"
        )
    return _CUE_CACHE["say+"]


def _after_say(doc: Doc, t: TimeMention) -> bool:
    """A reporting verb just before the expression: "قال يوم الثلاثاء", "وأكدت ترينتا في الثامن من"."""
    before = doc.norm_of(max(0, t.start - 40), t.start)
    last = list(_say_re().finditer(before))
    return bool(last) and len(before) - last[-1].end() <= 25


def _future(t: TimeMention, pub: dt.date | None) -> bool:
    return pub is not None and t.date_start is not None and t.date_start > pub


def _usable(t: TimeMention) -> bool:
    return t.date_start is not None and getattr(t, "governs", True)


SINCE_CARRY_DAYS = 7  # "منذ أسبوعين" further back than this is where an ongoing span began, not a day to carry


def _carries(t: TimeMention, pub: dt.date | None = None) -> bool:
    """May date the events of a neighbouring sentence: a day or a few days, not a vague span
    ("في الأيام الماضية") that only sets the scene, nor the start of a span weeks back ("المعارك المتواصلة منذ
    أسبوعين")."""
    if (t.precision or 3) > 2 or t.category == "duration":
        return False
    far_since = (
        pub is not None
        and t.date_end is not None
        and _starts_with_ago(t.text)
        and (pub - t.date_end).days > SINCE_CARRY_DAYS
    )
    return not far_since


def _clause_bounds(text: str, lo: int, hi: int, pos: int) -> tuple[int, int]:
    a = lo
    for m in _CLAUSE_BREAK.finditer(text, lo, pos):
        a = m.end()
    m = _CLAUSE_BREAK.search(text, pos, hi)
    b = m.start() if m else hi
    return a, b


def _is_time_clause(doc: Doc, t: TimeMention, lo: int, hi: int) -> bool:
    """The clause holding ``t`` holds nothing else (", في الرابع من يوليو الماضي،")."""
    a, b = _clause_bounds(doc.text, lo, hi, t.start)
    before = doc.norm_of(a, t.start)
    after = doc.norm_of(t.end, b)
    return bool(_TIME_ONLY_FILLER.match(before)) and bool(_TIME_ONLY_FILLER.match(after))


SPEECH_RELATIVE = frozenset({"relative", "duration", "weekday", "time_of_day"})


def _speech_date(doc: Doc, anchor: Span, told: TimeMention | None = None) -> dt.date | None:
    """The day a quoted speaker spoke, when the text dates the statement ("وأكدت ترينتا في الثامن من
    أغسطس ... وأضافت أن ...") and the anchor lies in what that speaker said. ``told``: the time the event
    itself is told at, which never dates the statement ("أفاد به 4 مهربين تم توقيفهم ليلة الأحد")."""
    infos = doc.user.get("quotes.info") or []
    for qi, q in enumerate(doc.quotes):
        end = q.claim_end if q.claim_end is not None else q.end
        if not ((q.claim_start if q.claim_start is not None else q.start) <= anchor.start < end):
            continue
        chain, seen = [qi], {qi}
        while qi < len(infos) and infos[qi].antecedent is not None and infos[qi].antecedent not in seen:
            qi = infos[qi].antecedent
            seen.add(qi)
            chain.append(qi)
        who = q.names[0] if q.names else q.speaker_text
        if who:  # the same speaker's statement a little earlier ("وأكدت ترينتا ... وأضافت ترينتا")
            chain += [
                k
                for k, o in enumerate(doc.quotes)
                if k not in seen
                and 0 < q.sentence - o.sentence <= 3
                and (o.names[:1] == [who] or o.speaker_text == who)
            ]
        for k in chain:
            sent = doc.quotes[k].sentence
            said = [
                t
                for t in doc.times
                if t.sentence == sent and t.precision == 1 and t.date_end is not None and _after_say(doc, t)
                and (told is None or (t.start, t.end) != (told.start, told.end))
            ]
            if said:
                return said[0].date_end
        return None
    return None


def _from_speech(doc: Doc, anchor: Span, t: TimeMention) -> TimeMention:
    """A relative expression inside dated reported speech counts from the day of the statement."""
    pub = doc.meta.published
    if t.category not in SPEECH_RELATIVE or pub is None:
        return t
    spoke = _speech_date(doc, anchor, t)
    if spoke is None or spoke >= pub:
        return t
    again = [m for m in resolve_text(t.text, spoke) if m.date_start is not None]
    if not again:
        return t
    m = again[0]
    return replace(t, date_start=m.date_start, date_end=m.date_end, precision=m.precision)


def event_window(doc: Doc, anchor: Span) -> TimeMention | None:
    """The time window governing an event reported at ``anchor`` (a trigger span); see the module doc."""
    tm = _event_window(doc, anchor)
    if tm is not None and tm.sentence == doc.sentence_index(anchor.start) and tm.category != "article":
        return _from_speech(doc, anchor, tm)
    return tm


def _event_window(doc: Doc, anchor: Span) -> TimeMention | None:
    if not doc.sentences:
        return None
    si = doc.sentence_index(anchor.start)
    sent = doc.sentences[si]
    times = [t for t in doc.times if _usable(t)]
    # a full stop after a number does not end a core sentence ("عام 2011. ويحاول"): treat it as one here
    lo = sent.start
    for m in _STOP.finditer(doc.text, sent.start, anchor.start + 1):
        lo = m.end()
    in_sent = [t for t in times if t.sentence == si and t.start >= lo]
    earlier = [t for t in times if t.sentence == si and t.end <= lo and (t.precision or 3) <= 2]
    if in_sent:
        ca, cb = _clause_bounds(doc.text, lo, sent.end, anchor.start)
        same = [t for t in in_sent if t.start >= ca and t.end <= cb]
        if same:
            return min(same, key=lambda t: abs(t.start - anchor.start))
        # a clause that is only a time expression, adjacent after the anchor's clause
        after = [t for t in in_sent if t.start >= cb]
        if after:
            t0 = min(after, key=lambda t: t.start)
            between = doc.text[cb : t0.start]
            if len(_CLAUSE_BREAK.findall(between)) <= 1 and _is_time_clause(doc, t0, lo, sent.end):
                return t0
        # outside its own clause, a date after publication (a plan, a schedule) dates nothing
        pub = doc.meta.published
        in_sent = [t for t in in_sent if not _future(t, pub)]
        before = [t for t in in_sent if t.end <= anchor.start]
        if before:
            return max(before, key=lambda t: t.end)
        if in_sent:
            return min(in_sent, key=lambda t: t.start)
    times = [t for t in times if not _future(t, doc.meta.published)]
    earlier = [t for t in earlier if not _future(t, doc.meta.published)]
    if earlier:
        return earlier[-1]
    # carry over from the previous sentences: a day or a few days (not a month or a year of background),
    # and from an aside ("يذكر ان ...") only the time of a statement that the next sentences continue
    for k in range(si - 1, max(-1, si - 4), -1):
        prev = [t for t in times if t.sentence == k and _carries(t, doc.meta.published)]
        if not prev:
            continue
        if _is_aside(doc, k):
            said = [t for t in prev if _after_say(doc, t)]
            if said:
                return said[-1]
            break
        return prev[-1]
    pub = doc.meta.published
    # a lede before any dated sentence: dated by the next sentences (not by an aside), when recent
    if not any(t.sentence < si for t in times):
        for k in range(si + 1, si + 3):
            nxt = [t for t in times if t.sentence == k and _carries(t, doc.meta.published)]
            if nxt and not _is_aside(doc, k):
                t = nxt[0]
                if (
                    pub is not None
                    and t.date_end is not None
                    and dt.timedelta(0) <= pub - t.date_end <= dt.timedelta(days=31)
                ):
                    return t
                break
    if pub is None:
        return None
    pos = sent.start
    return TimeMention(
        pos,
        pos,
        "",
        date_start=pub - dt.timedelta(days=ARTICLE_DAYS),
        date_end=pub,
        precision=3,
        category="article",
        sentence=si,
    )
