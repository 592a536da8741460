"""Quote stage: reported speech, its speaker (span, canonical actor, role) and the span it claims.

Cues (verbs of saying, "according to" prepositions, continuing participles) come from
``data/cues.tsv`` and are found with the shared ``PhraseMatcher``. For each cue the speaker is

* the noun phrase after the verb (VSO: "قال المتحدث ... إن"),
* or the noun phrase before it (SVO: "... أن الناطق باسم X، فلان، قال"),
* or, after "نقلت صحيفة X عن Y": Y (reported via X); after بحسب / وفقا لـ / نقلا عن: the phrase after it,
* or, with no subject ("وأضاف أن"، "مشيرا إلى"): the last speaker whose gender agrees (carry-over).

A short later mention ("الوكالة"، "المصدر"، "المسماري") is linked to the earlier full one, so that claimed_by
names the full speaker and inherits its canonical actor. Side information per quote (names for claimed_by,
via, antecedent) is kept in ``doc.user["quotes.info"]`` aligned with ``doc.quotes``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rasid.doc import ActorMention, Doc, Quote, Span, Token
from rasid.pipeline import stage
from rasid.quotes.lexicon import Cue, QuoteLexicon, key1
from rasid.resources import Resources
from rasid.text.normalise import norm

INFO_KEY = "quotes.info"

_BREAK = set("،,:؛;\"'«»“”‘’()[]{}-–—/")
_QUOTE_OPEN = '"«“‘'
_QUOTE_CLOSE = '"»”’'
_NO_QUOTES = str.maketrans("", "", "\"«»“”'")
_NEGATORS = {"لم", "ولم", "فلم", "لن", "ولن", "لا", "ولا"}
_COMPLEMENT = {"ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", "فان", "وان", "الي", "عن"}
_BACK_BOUNDARY = {
    "وفيما",
    "وبينما",
    "فبينما",
    "وحيث",
    "وان",
    "لكن",
    "ولكن",
    "لكنه",
    "بينما",
    "فيما",
    "حيث",
    "اذ",
    "واذ",
    "ان",
    "انه",
    "انها",
    "بان",
    "فان",
    "لان",
    "كان",
    "كانت",
    "وكان",
    "وكانت",
    "قد",
    "لقد",
    "وقد",
}
_MAX_NP = 12
_NEUTRAL = {"لدي", "عن", "نحو", "ضد", "مع", "في", "فى", "من", "علي", "الي", "لدى"}
_NO_CARRY = {"تبني", "تبنت"}  # تبنى X الهجوم needs its subject
_NAME_TAILS = {"الدين", "الله", "الرحمن", "الاسلام", "الحق"}
_NAME_LINKS = {"عبد", "ابو", "بن", "ابن", "ام", "بنت", "ولد"}


def _find_close(text: str, start: int) -> int:
    """The first closing quotation mark at or after ``start`` (-1 if none within 60 characters)."""
    for p in range(start, min(len(text), start + 60)):
        if text[p] in _QUOTE_CLOSE:
            return p
    return -1


def _definiteness(w: str) -> str:
    """def (ال / لل / بال...), neutral (a preposition without the article), or indef."""
    if w in _NEUTRAL:
        return "neutral"
    if w[:1] in "وف" and len(w) > 4:
        w = w[1:]
    if w.startswith(("ال", "لل")) or (w[:1] == "ب" and w[1:3] == "ال"):
        return "def"
    if w[:1] in "بل" and len(w) > 3:
        return "neutral"
    return "indef"


_CARRY_SENTENCES = 3


@dataclass
class QuoteInfo:
    """What claim_for needs beyond the ``Quote`` fields."""

    kind: str
    gender: str
    names: list[str] = field(default_factory=list)  # claimed_by names, most specific first
    keys: tuple[str, ...] = ()  # content words of the speaker phrase (base forms)
    head: str | None = None  # speaker head noun ("وكاله", "مصدر"), for short-mention linking
    name_keys: tuple[str, ...] = ()  # words of a person's name
    antecedent: int | None = None  # index of the quote this one continues or refers back to
    carried: bool = False
    via: str | None = None
    actors: list[str] = field(default_factory=list)  # canonical actors of the speaker
    cue_start: int = 0
    secondary: bool = False  # nested in another quote's claim, or a trailing "حسبما ذكرت": not carried over


def _lex(resources: Resources) -> QuoteLexicon:
    return resources.get("quotes.lexicon")


class _Ctx:
    """Per-document helpers over tokens."""

    def __init__(self, doc: Doc, lex: QuoteLexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.toks: list[Token] = doc.tokens
        self.sent_range: dict[int, tuple[int, int]] = {}  # sentence -> [first, last + 1) token index
        sent_range = self.sent_range
        for t in self.toks:
            i = t.index
            r = sent_range.get(t.sentence)
            if r is None:
                sent_range[t.sentence] = (i, i + 1)
            elif i < r[0] or i >= r[1]:
                sent_range[t.sentence] = (min(r[0], i), max(r[1], i + 1))
        self.cue_at: dict[int, tuple[Cue, int]] = {}

    def gap(self, i: int) -> str:
        """Raw text between token i-1 and token i."""
        if i <= 0 or i >= len(self.toks):
            return ""
        return self.doc.text[self.toks[i - 1].end : self.toks[i].start]

    def breaks(self, i: int) -> bool:
        return any(c in _BREAK for c in self.gap(i))

    def is_stop(self, w: str) -> bool:
        stops = self.lex.stops
        if w in stops or w in ("ب", "ك", "ل", "و"):
            return True
        if len(w) > 2 and w[0] in "وف" and w[1:] in stops:
            return True
        if w.isdigit():
            return True
        # "لصحيفة"، "لوسائل إعلام"، "لقناتي": a statement *to* an outlet, not part of the speaker
        if len(w) > 3 and w[0] == "ل" and key1(w[1:]) in self.lex.media:
            return True
        if len(w) > 4 and w.startswith("لل") and w[2:] in self.lex.media:
            return True
        return False

    def np_forward(self, j: int, hi: int, cut: int = 0, name_slot: bool = False) -> int:
        """End (exclusive) of a speaker phrase starting at token j.

        Stops at punctuation, stop words and cues; continues through one "في" after a source or role head
        ("مصدر أمني في وزارة الداخلية") unless it opens the occasion ("في تصريح"); and ends where a definite word
        is followed by an indefinite one (a definite noun takes no genitive: "الجماعة | إيقاف مواجهاتها"),
        allowing one such step into a name after a role ("المتحدث باسم القوات الموالية ناصر الشعيبي").
        """
        k = j
        indef = 0
        prev_state = ""
        steps = 0
        first = self.toks[j].norm
        if cut:
            first = "ال" + first[2:] if cut == 2 else first[cut:]
        role_start = key1(first) in self.lex.roles
        source_start = role_start or self.head_kind_of(first) in ("source", "role")
        used_fi = 0
        while k < hi and k - j < _MAX_NP:
            if k > j and self.breaks(k):
                g = self.gap(k).strip()
                if not (g and all(c in _QUOTE_OPEN for c in g)):
                    break
                if not (
                    self.names_follow(k - 1) or (prev_state == "indef" and self.short_quoted_name(k, hi))
                ):
                    break
                # صحيفة "العنوان"، موقع "إرم نيوز": the outlet's name runs to the closing mark
                close = _find_close(self.doc.text, self.toks[k].start)
                if close < 0 or close - self.toks[k].start > 40:
                    break  # a quotation, not a name
                while k < hi and close >= 0 and self.toks[k].end <= close:
                    k += 1
                break
            w = first if k == j else self.toks[k].norm
            fi_ok = j < k <= j + 2 or (
                role_start and steps == 0 and not any(self.is_title(x) for x in range(j, k))
            )
            if (
                w in ("في", "فى")
                and fi_ok
                and source_start
                and used_fi < (2 if role_start else 1)
                and k + 1 < hi
            ):
                nxt = self.toks[k + 1].norm
                if key1(nxt) not in self.lex.manner and not self.is_stop(nxt) and not self.breaks(k + 1):
                    used_fi += 1
                    prev_state = "neutral"
                    indef = 0
                    k += 1
                    continue
            if w in ("صدر", "صادر", "الصادر") and k + 1 < hi and self.toks[k + 1].norm == "عن":
                k += 2  # "بيان صدر عن مكتب أوغلو"
                prev_state, indef = "neutral", 0
                continue
            if w == "من" and k == j + 1 and self.head_kind_of(first) == "partitive" and k + 1 < hi:
                k += 1  # "عدد من مؤيدي الأسد"، "روايات من ضباط": the phrase runs on
                prev_state, indef = "neutral", 0
                continue
            if w in ("مطلع", "المطلع") and k > j and self.head_kind_of(self.toks[k - 1].norm) == "source":
                k += 1  # "مصدر مطلع": informed, not "مطلع يوليو"
                prev_state, indef = _definiteness(w), indef + 1
                continue
            if self.is_stop(w) and not (w == "علي" and self.toks[k].text.endswith("ي") and k > j):
                break  # (علي with a final ya is the name, على the preposition)
            if k > j and k in self.cue_at:
                break
            if k > j and indef and self.is_media(k):
                break  # "مسؤول محلي | وكالة فرانس برس": told to an agency
            state = _definiteness(w)
            if (k > j and self.toks[k - 1].norm in _NAME_LINKS) or (k > j and w in _NAME_TAILS):
                state = "indef"  # عبد الرحمن، أبو بكر، سيف الدين: one name
            if steps >= 1 and w.startswith(("بال", "لل")):
                break  # "وزير الدفاع آشتون كارتر | بقوات البيشمركة": the name has ended
            if prev_state == "def" and state == "indef" and not self.is_title(k - 1) and not name_slot:
                steps += 1
                if steps > (1 if role_start else 0):
                    break
            definite = state == "def"
            # "تقارير إعلامية التيار ...": after an indefinite noun and its nisba adjective, a definite word
            # starts another phrase (a construct "وكالة الأنباء" has the definite word right after the head)
            if definite and indef >= 2 and self.toks[k - 1].norm.endswith(("يه", "ي")):
                break
            indef = 0 if definite else indef + 1
            prev_state = state
            k += 1
        return k

    def short_quoted_name(self, k: int, hi: int) -> bool:
        """ "أمين عام «الائتلاف» أن": a quoted name of at most three words, then the complementiser or a comma."""
        end = k
        while end < hi and end - k <= 3 and not (end > k and self.breaks(end)):
            end += 1
        if end >= hi or end - k > 3 or not any(c in _QUOTE_CLOSE for c in self.gap(end)):
            return False
        return "،" in self.gap(end) or "," in self.gap(end) or self.toks[end].norm in _COMPLEMENT

    def names_follow(self, k: int) -> bool:
        """Whether a quoted name may follow token k: صحيفة "العنوان"، باسم "الجيش الوطني"."""
        return self.is_media(k) or self.toks[k].norm in ("باسم", "بإسم")

    def head_kind_of(self, w: str) -> str | None:
        return self.lex.head_kind.get((key1(w),))

    def is_media(self, k: int) -> bool:
        w = self.toks[k].norm
        return key1(w) in self.lex.media or (w[:1] in "وبل" and key1(w[1:]) in self.lex.media)

    def text(self, a: int, b: int, cut: int = 0) -> tuple[int, int, str]:
        """Raw (start, end, text) of tokens [a, b), dropping ``cut`` normalised chars of token a."""
        start = self.toks[a].start
        if cut:
            n = self.doc.raw_to_norm(start) + cut
            start = self.doc.raw_span(n, n + 1)[0]
        end = self.toks[b - 1].end
        return start, end, self.doc.text[start:end]

    def is_title(self, k: int) -> bool:
        if k > 0 and self.toks[k - 1].norm in _NAME_LINKS:
            return False  # "ولد الشيخ أحمد": part of a name
        w = self.toks[k].norm
        return w in self.lex.title_words or (w[:1] == "و" and w[1:] in self.lex.title_words)

    def is_role(self, k: int) -> bool:
        w = self.toks[k].norm
        return key1(w) in self.lex.roles or (w[:1] == "و" and key1(w[1:]) in self.lex.roles)


@dataclass
class _Speaker:
    a: int  # token range of the whole phrase
    b: int
    sa: int  # token range of the speaker proper (name when a role is apposed)
    sb: int
    role: tuple[int, int] | None = None
    name: tuple[int, int] | None = None  # tokens of a person's name (no title)
    cut: int = 0  # chars of proclitics to drop from token a (لل -> ل)


def _parse_np(ctx: _Ctx, j: int, hi: int, cut: int = 0) -> _Speaker | None:
    """A speaker phrase at token j with an apposed role or name ("الناطق باسم X، فلان")."""
    k = ctx.np_forward(j, hi, cut)
    if k <= j or ctx.head_kind_of(ctx.toks[j].norm) == "none":
        return None  # "وذكرت المعلومات": what is said, nobody who says it
    sp = _Speaker(j, k, j, k, cut=cut)
    if k < hi and ctx.breaks(k) and all(c in " ،,\u00a0" for c in ctx.gap(k)):
        k2 = ctx.np_forward(k, hi, name_slot=ctx.is_role(j))
        if k < k2:
            if (
                k2 <= k + 5
                and ctx.is_role(j)
                and not ctx.is_role(k)
                and not any(ctx.is_title(x) for x in range(j, k))
            ):
                sp = _Speaker(j, k2, k, k2, role=(j, k), cut=cut)  # role، name
            elif not ctx.is_role(j) and ctx.is_role(k) and k - j <= 4:
                sp = _Speaker(j, k2, j, k, role=(k, k2), cut=cut)  # name، role
    # a title inside the speaker marks where a person's name starts
    for x in range(sp.sa, sp.sb):
        if ctx.is_title(x):
            n0 = x + 1
            while (
                n0 < sp.sb and ctx.is_title(n0) or (n0 < sp.sb and key1(ctx.toks[n0].norm) in ("اول", "ركن"))
            ):
                n0 += 1
            if n0 < sp.sb:
                sp.name = (n0, sp.sb)
                for r in range(n0 + 1, sp.sb):  # "العقيد ميلود الزوي المتحدث الرسمي للقوات الخاصة"
                    if ctx.is_role(r) and ctx.toks[r].norm.startswith("ال"):
                        if sp.role is None:
                            sp.role = (r, sp.sb)
                        sp.name, sp.sb = (n0, r), r
                        break
                if x > sp.sa and sp.role is None:
                    sp.role = (sp.sa, x)
                    sp.sa = x
            break
    else:
        if sp.role is not None and not ctx.is_role(sp.sa):
            sp.name = (sp.sa, sp.sb)
        elif sp.role is None and ctx.is_role(sp.sa) and _place_split(ctx, sp):
            pass
        elif sp.role is None and ctx.is_role(sp.sa):
            # "الإعلامي الليبي نبيل السكني": the name starts where a definite word meets an indefinite one
            for x in range(sp.sa + 1, sp.sb):
                if (
                    _definiteness(ctx.toks[x - 1].norm) == "def"
                    and _definiteness(ctx.toks[x].norm) == "indef"
                    and ctx.toks[x - 1].norm not in _NAME_LINKS
                ):
                    sp.role, sp.name, sp.sa = (sp.sa, x), (x, sp.sb), x
                    break
        elif sp.role is None:
            # "ناصر الحاسي المتحدث باسم القوات الجوية": a name, then a role without a comma
            first = ctx.toks[sp.sa].norm
            for x in range(sp.sa + 1, min(sp.sb, sp.sa + 5)):
                if _definiteness(first) != "indef" or ctx.head_kind_of(first):
                    break
                if ctx.is_role(x) and ctx.toks[x].norm.startswith("ال"):
                    sp.name, sp.role, sp.sb = (sp.sa, x), (x, sp.sb), x
                    break
    return sp


def _place_split(ctx: _Ctx, sp: _Speaker) -> bool:
    """ "المسؤول الصحي في عدن الخضر لصور": role .. في <place>, then the name."""
    for x in range(sp.sa + 1, sp.sb - 2):
        if ctx.toks[x].norm not in ("في", "فى"):
            continue
        place = ctx.toks[x + 1]
        if any(p.start <= place.start and place.end <= p.end and p.end <= place.end for p in ctx.doc.places):
            sp.role, sp.name, sp.sa = (sp.sa, x + 2), (x + 2, sp.sb), x + 2
            return True
        return False
    return False


def _quoted_subject(ctx: _Ctx, k: int, hi: int) -> bool:
    """ "وأفاد «المرصد السوري لحقوق الإنسان» أمس، بمقتل": a short quoted name as the subject, not a statement."""
    g = ctx.gap(k).strip()
    if not g or not all(c in _QUOTE_OPEN for c in g):
        return False
    end = k
    while end < hi and end - k <= 5 and not (end > k and ctx.breaks(end)):
        end += 1
    if end >= hi or end - k > 5 or not any(c in _QUOTE_CLOSE for c in ctx.gap(end)):
        return False
    first = ctx.toks[k].norm
    if not (first.startswith("ال") or ctx.head_kind_of(first)):
        return False
    after = ctx.gap(end)
    return any(c in after for c in "،,") or ctx.is_stop(ctx.toks[end].norm)


def _negated(ctx: _Ctx, i: int) -> bool:
    if i == 0:
        return False
    p = ctx.toks[i - 1].norm
    if p in _NEGATORS:
        return True
    return p == "ان" and i >= 2 and ctx.toks[i - 2].norm in ("دون", "بدون", "ودون")


def _svo_speaker(ctx: _Ctx, i: int, lo: int) -> _Speaker | None:
    """The subject before a verb: "... أن الناطق باسم X، فلان، قال"، "وكان الأمين العام ... دعا"."""
    if ctx.breaks(i) and not all(c in " ،,\u00a0" + _QUOTE_CLOSE for c in ctx.gap(i)):
        return None
    b = i
    if b - 1 >= lo and ctx.toks[b - 1].norm in ("قد", "لقد"):
        b -= 1
    a = b
    while a - 1 >= lo:
        w = ctx.toks[a - 1].norm
        if w in _BACK_BOUNDARY or (a - 1) in ctx.cue_at:
            break
        g = ctx.gap(a) if a < b else ""
        if any(c in g for c in ":؛;()[]") or (any(c in g for c in '«»“”"') and not ctx.names_follow(a - 1)):
            break  # "رابط الخبر: عسيري ينفي"; but "المتحدث باسم "الجيش الوطني"، أعلن" runs on
        a -= 1
        if b - a > 14:
            return None
    if a >= b:
        return None
    sp = _parse_np(ctx, a, b)
    if sp is None:
        return None
    if sp.b != b and not (sp.b < b and ctx.toks[sp.b].norm in ("الذي", "التي", "الذين")):
        if (
            b - a <= 6
            and a > lo
            and ctx.toks[a - 1].norm in _BACK_BOUNDARY
            and not any(ctx.breaks(x) for x in range(a + 1, b))
            and not ctx.is_stop(ctx.toks[a].norm)
        ):
            return _Speaker(a, b, a, b)  # "عدة روايات من شهود عيان أكدت"
        return None
    if ctx.breaks(i) and sp.role is None and (a == lo or ctx.toks[a - 1].norm not in _BACK_BOUNDARY):
        return None  # "وفي السادس من أغسطس، أعلن ...": an adverbial, not a subject
    return sp


def _topic_speaker(ctx: _Ctx, i: int, lo: int) -> _Speaker | None:
    """The topic of "أما X فـ<verb>": X speaks."""
    for a in range(i - 1, max(lo, i - 16) - 1, -1):
        if ctx.toks[a].norm in ("اما", "واما"):
            sp = _parse_np(ctx, a + 1, i)
            return sp if sp is not None and a + 1 < i else None
    return None


def _compatible(g_cue: str, g_prev: str) -> bool:
    if g_cue == "-" or g_prev == "-":
        return True
    if g_cue == g_prev:
        return True
    # broken plurals take feminine verbs (المصادر ... وأضافت), and a verb before its subject stays singular
    # (نفى مسؤولون ... وقالوا)
    return "p" in (g_cue, g_prev)


def _carry(
    quotes: list[Quote], infos: list[QuoteInfo], gender: str, sent: int, same_sentence: bool
) -> int | None:
    for qi in range(len(quotes) - 1, -1, -1):
        q = quotes[qi]
        if sent - q.sentence > _CARRY_SENTENCES:
            break
        if same_sentence and q.sentence != sent:
            continue
        if q.speaker_text is None or infos[qi].secondary:
            continue
        if _compatible(gender, infos[qi].gender):
            return qi
    return None


def _content_keys(ctx: _Ctx, a: int, b: int) -> tuple[str, ...]:
    out = []
    for x in range(a, b):
        if ctx.is_title(x):
            continue
        w = ctx.toks[x].norm
        out.append(key1("ال" + w[2:] if w[:2] == "لل" else w))
    return tuple(out)


def _head_of(ctx: _Ctx, a: int, b: int) -> str | None:
    w = ctx.toks[a].norm
    for cand in (w, w[1:] if w[:1] in "لبو" else w, "ال" + w[2:] if w[:2] == "لل" else w):
        k = key1(cand)
        if (k,) in ctx.lex.head_kind or any(h[0] == k for h in ctx.lex.head_kind):
            return k
    return None


def _short_variant(ctx: _Ctx, a: int, b: int, cut: int) -> str | None:
    """The head and its adjectives of a definite phrase: "المجلس البلدي للمدينة" -> "المجلس البلدي"."""
    if not ctx.toks[a].norm[cut:].startswith("ال"):
        return None
    k = a + 1
    while k < b and ctx.toks[k].norm.startswith("ال"):
        k += 1
    if k == b:
        return None
    return ctx.text(a, k, cut)[2]


def _baism(ctx: _Ctx, a: int, b: int) -> str | None:
    """The organisation in "الناطق باسم X"."""
    for x in range(a, b - 1):
        if ctx.toks[x].norm in ("باسم", "بإسم", "باسم"):
            return ctx.text(x + 1, b)[2]
    return None


def _actors_in(doc: Doc, start: int, end: int) -> list[str]:
    out: list[str] = []
    mentions: list[ActorMention] = [m for m in doc.actors if m.start < end and start < m.end]
    mentions.sort(key=lambda m: -(m.end - m.start))
    for m in mentions:
        for name in (
            m.canonical,
            m.side if isinstance(m.side, str) and m.side not in ("", "neutral") else None,
        ):
            if name and name not in out:
                out.append(name)
    return out


def _add(names: list[str], name: str | None) -> None:
    if not name:
        return
    name = " ".join(name.translate(_NO_QUOTES).split()).strip(" ،,:-–")
    if name and norm(name) not in {norm(n) for n in names}:
        names.append(name)


def _registry(ctx: _Ctx) -> list[tuple[int, int, str, tuple[str, ...], str]]:
    """Every phrase headed by a speaker noun (a later short mention may refer back to it)."""
    out = []
    for m in ctx.lex.heads.find(ctx.doc):
        if m.text.startswith("ال") and m.tok_end - m.tok_start == 1:
            pass
        b = ctx.np_forward(m.tok_start, ctx.sent_range[ctx.toks[m.tok_start].sentence][1])
        if b - m.tok_start >= 2:
            cut = len(m.prefix)
            s, e, t = ctx.text(m.tok_start, b, cut)
            head = _head_of(ctx, m.tok_start, b) or ""
            keys = _content_keys(ctx, m.tok_start, b)
            out.append((m.tok_start, b, t, keys, head))
    return out


def _link(
    ctx: _Ctx, sp: _Speaker, quotes: list[Quote], infos: list[QuoteInfo], registry
) -> tuple[int | None, str | None]:
    """An earlier fuller mention of the same speaker: (quote index, or None, and registry text)."""
    keys = _content_keys(ctx, sp.sa, sp.sb)
    if not keys:
        return None, None
    head = _head_of(ctx, sp.sa, sp.sb)
    definite = ctx.toks[sp.sa].norm[sp.cut :].startswith("ال") or ctx.toks[sp.sa].norm.startswith("لل")
    if head and definite and len(keys) <= 3:
        want = set(keys) - {head}
        for qi in range(len(quotes) - 1, -1, -1):
            inf = infos[qi]
            if inf.head == head and len(inf.keys) > len(keys) and want <= set(inf.keys):
                return qi, None
        for a, _b, text, rkeys, rhead in reversed(registry):
            if a < sp.sa and rhead == head and len(rkeys) > len(keys) and want <= set(rkeys):
                return None, text
        return None, None
    if head is None and len(keys) <= 2:  # a surname: "المسماري" -> "أحمد المسماري"
        for qi in range(len(quotes) - 1, -1, -1):
            nk = infos[qi].name_keys
            if nk and len(nk) > len(keys) and nk[-len(keys) :] == keys:
                return qi, None
    return None, None


def _claim_range(ctx: _Ctx, after: int, hi: int) -> tuple[int, int] | None:
    """Raw range of what is claimed: from after the speaker (or cue) to the end of the sentence."""
    if after >= hi:
        return None
    return ctx.toks[after].start, ctx.toks[hi - 1].end


def _extend_to_close(doc: Doc, start: int, end: int) -> int:
    """Extend a claim that opens a quotation mark to where it closes (quotes spanning sentences)."""
    seg = doc.text[start:end]
    opens = sum(seg.count(c) for c in "«“")
    closes = sum(seg.count(c) for c in "»”")
    plain = seg.count('"')
    if opens > closes:
        closers = "»”"
    elif plain % 2 == 1:
        closers = '"'
    else:
        return end
    limit = min(len(doc.text), end + 800)
    for p in range(end, limit):
        if doc.text[p] in closers:
            return p + 1
        if doc.text[p] == "\n" and doc.text[p + 1 : p + 2] == "\n":
            break
    return end


def find_quotes(doc: Doc, lex: QuoteLexicon) -> tuple[list[Quote], list[QuoteInfo]]:
    ctx = _Ctx(doc, lex)
    matches = []
    for m in lex.cues.find(doc):
        cues = [c for c in m.payloads if isinstance(c, Cue)]
        if not cues:
            continue
        cue = cues[0]
        t0 = doc.tokens[m.tok_start]
        if norm(m.text).startswith("ال") and not norm(cue.form).startswith("ال"):
            continue  # الكشف، التابع: nouns, not verbs
        prefix = m.prefix
        if cue.form.endswith("ى") and m.text.endswith("ي"):
            continue  # "نفي" / "روي" with a final ya: the noun (رفض نفي أو تأكيد), not the verb نفى / روى
        if cue.kind == "according":
            if prefix not in ("", "و", "ف", "وب", "ب", "فب"):
                continue
        elif prefix not in ("", "و", "ف"):
            continue
        if (
            cue.conj_required
            and not prefix
            and not (m.tok_start > 0 and doc.tokens[m.tok_start - 1].norm in ("كما", "وكما"))
        ):
            if m.tok_start != ctx.sent_range[t0.sentence][0]:
                continue
        matches.append((m, cue))
        ctx.cue_at[m.tok_start] = (cue, m.tok_end)

    registry = _registry(ctx)
    quotes: list[Quote] = []
    infos: list[QuoteInfo] = []
    consumed: set[int] = set()
    for m, cue in matches:
        i, j = m.tok_start, m.tok_end
        if i in consumed:
            continue
        sent = doc.tokens[i].sentence
        lo, hi = ctx.sent_range[sent]
        if cue.kind != "according" and _negated(ctx, i):
            continue
        cue_start, cue_end = m.start, m.end
        gender = cue.gender
        denial = cue.denial
        kind = cue.kind
        sp: _Speaker | None = None
        via: str | None = None
        antecedent: int | None = None
        carried = False
        claim: tuple[int, int] | None = None

        if kind == "according":
            k = j
            if norm(cue.form) in ("وفق", "وفقا", "طبقا") and j < hi:
                nxt = doc.tokens[j].norm
                known = any(
                    key1(nxt) in inf.name_keys for inf in infos
                )  # "وفق عبد الرحمن" after "قال عبد الرحمن"
                if not (nxt == "ما" or (nxt.startswith("ل") and not nxt.startswith("ال")) or known):
                    continue  # "وفق أحكام القانون"
            if k < hi and doc.tokens[k].norm == "ما":
                k += 1
            if k < hi and k in ctx.cue_at and ctx.cue_at[k][0].kind in ("say", "about"):
                vcue, vend = ctx.cue_at[k]
                consumed.add(k)
                gender, denial = vcue.gender, vcue.denial
                cue_end = doc.tokens[vend - 1].end
                k = vend
            elif k > j and k + 1 < hi and not ctx.breaks(k + 1):
                k += 1  # "بحسب ما وثق ناشطون"، "حسب ما أوردته صحيفة": the verb after ما
            while k < hi and doc.tokens[k].norm in lex.after_cue and k + 1 < hi:
                k += 1
            if k < hi and doc.tokens[k].norm in ("الي", "عن") and k + 1 < hi:  # استنادا إلى / نقلا عن
                k += 1
            w = doc.tokens[k].norm if k < hi else ""
            cut = (
                2
                if w.startswith("لل")
                else 1
                if (w[:1] == "ل" and len(w) > 3 and not w.startswith("ال"))
                else 0
            )
            if k < hi:
                sp = _parse_np(ctx, k, hi, cut)
                if sp is None and ctx.head_kind_of(doc.tokens[k].norm) == "none":
                    continue  # "بحسب المعلومات": unattributed
            s_sent = doc.sentences[sent]
            rest = [x for x in range(sp.b if sp else k, hi) if not ctx.is_stop(doc.tokens[x].norm)]
            if i == lo and len(rest) < 3 and sent > 0:
                prev = doc.sentences[sent - 1]
                claim = (prev.start, prev.end)  # "... 300 قتيل.بحسب ما أعلن المركز الإعلامي"
            else:
                claim = (s_sent.start, s_sent.end)
        elif kind == "participle":
            antecedent = _carry(quotes, infos, gender, sent, same_sentence=True)
            if antecedent is None:
                antecedent = _carry(quotes, infos, gender, sent, same_sentence=False)
            carried = True
            claim = _claim_range(ctx, j, hi)
        else:
            k = j
            while k < hi and doc.tokens[k].norm in lex.after_cue and not ctx.breaks(k) and k + 1 < hi:
                if doc.tokens[k].norm == "من" and doc.tokens[k + 1].norm not in ("جهته", "جهتها"):
                    break
                k += 1
            if k < hi and (not (ctx.breaks(k) or ":" in ctx.gap(k)) or _quoted_subject(ctx, k, hi)):
                if kind == "via":
                    # نقلت صحيفة X عن مصادر Y قولها
                    src = _parse_np(ctx, k, hi)
                    kk = src.b if src else k
                    while (
                        kk < min(hi, k + 10)
                        and doc.tokens[kk].norm not in ("عن", "عنه", "عنها", "عنهم")
                        and doc.tokens[kk].norm not in _COMPLEMENT
                    ):
                        kk += 1
                    if kk < hi and doc.tokens[kk].norm in ("عنه", "عنها", "عنهم"):
                        # "ونقلت صحيفة حريت عنه قوله": the speaker named before
                        if src:
                            via = ctx.text(src.a, src.b)[2]
                        pron = {"عنه": "m", "عنها": "f", "عنهم": "p"}[doc.tokens[kk].norm]
                        antecedent = _carry(quotes, infos, pron, sent, same_sentence=False)
                        carried = True
                    elif kk < hi and doc.tokens[kk].norm == "عن" and kk + 1 < hi:
                        if src:
                            via = ctx.text(src.a, src.b)[2]
                        sp = _parse_np(ctx, kk + 1, hi)
                    elif src and any(
                        doc.tokens[x].norm in _COMPLEMENT for x in range(src.b, min(hi, src.b + 3))
                    ):
                        sp = src  # "ونقلت وكالة الأناضول السبت أن ...": the agency reports
                        kind = "say"
                    else:
                        continue  # "طائرة نقل": a noun, not "نقلت ... عن"
                else:
                    sp = _parse_np(ctx, k, hi)
            if sp is None and k < hi and ctx.head_kind_of(doc.tokens[k].norm) == "none":
                continue  # "وذكرت المعلومات أن ...": no speaker, and none carried over either
            if kind == "about" and not any(doc.tokens[x].norm in ("عن", "ان", "بان") for x in range(j, hi)):
                continue  # "أن تحدث مجزرة": happens, not speaks
            if (
                kind in ("describe", "attribute")
                and sp is not None
                and not (
                    _head_of(ctx, sp.sa, sp.sb)
                    or _actors_in(doc, doc.tokens[sp.a].start, doc.tokens[sp.b - 1].end)
                )
            ):
                sp = None
            if kind in ("describe", "attribute") and sp is None:
                continue  # "ما وصفته بـ...": the current speaker's own wording
            if (
                kind == "say"
                and not prefix_has_conj(m.prefix)
                and not (i > 0 and doc.tokens[i - 1].norm in ("كما", "وكما"))
            ):
                svo = _svo_speaker(ctx, i, lo)
                if svo is not None:
                    sp = svo
            if sp is None and m.prefix.startswith("ف"):
                sp = _topic_speaker(ctx, i, lo)  # "أما حزب العمال الكردستاني فتحدث عن ..."
            if sp is None and antecedent is None:
                if norm(cue.form) in _NO_CARRY:
                    continue  # "وتبنت منذ مراحلها الأولى منهج العنف": adopted, not a claim of responsibility
                antecedent = _carry(quotes, infos, gender, sent, same_sentence=False)
                carried = True
            if kind == "attribute":
                claim = (doc.sentences[sent].start, doc.sentences[sent].end)
            if sp is not None and i > lo + 1 and doc.tokens[i - 1].norm in ("حيث", "اذ", "واذ"):
                # "أحبطت السلطات تهريب شحنة، حيث أعلنت الجمارك عن ضبطها": the source of the whole sentence
                claim = (doc.sentences[sent].start, doc.sentences[sent].end)
            if claim is None:
                after = sp.b if (sp is not None and sp.a >= j) else j
                claim = _claim_range(ctx, after, hi)

        q = Quote(0, 0, "", cue=doc.text[cue_start:cue_end], denied=denial, sentence=sent)
        info = QuoteInfo(kind=kind, gender=gender, carried=carried, via=via)
        if kind == "according":
            info.secondary = i > lo + 1
        else:
            info.secondary = any(
                p.sentence == sent
                and p.claim_start is not None
                and p.claim_start <= cue_start < (p.claim_end or 0)
                for p in quotes
            )
        names: list[str] = []
        if sp is not None:
            s, e, t = ctx.text(sp.sa, sp.sb, sp.cut if sp.sa == sp.a else 0)
            if e < len(doc.text) and doc.text[e] in _QUOTE_CLOSE and sum(t.count(c) for c in _QUOTE_OPEN) % 2:
                e += 1  # صحيفة “العنوان”: keep the closing mark
                t = doc.text[s:e]
            q.speaker_start, q.speaker_end, q.speaker_text = s, e, t
            if sp.role:
                q.speaker_role = ctx.text(sp.role[0], sp.role[1], sp.cut if sp.role[0] == sp.a else 0)[2]
            info.keys = _content_keys(ctx, sp.sa, sp.sb)
            info.head = _head_of(ctx, sp.sa, sp.sb)
            if sp.name:
                info.name_keys = _content_keys(ctx, *sp.name)
                _add(names, ctx.text(*sp.name)[2])
            elif info.head is None and len(info.keys) <= 4 and not ctx.is_role(sp.sa):
                info.name_keys = info.keys
            if not (ctx.is_title(sp.sa) and sp.name):
                _add(names, "ال" + t if sp.cut == 2 and sp.sa == sp.a else t)
            for x in range(sp.sa + 1, sp.sb):  # "مصادر محلية وشهود عيان": each conjunct speaks
                w = ctx.toks[x].norm
                if w[:1] == "و" and (ctx.head_kind_of(w[1:]) or key1(w[1:]) in ctx.lex.roles):
                    _add(names, ctx.text(sp.sa, x, sp.cut if sp.sa == sp.a else 0)[2])
                    _add(names, ctx.text(x, sp.sb, 1)[2])
                    break
            if not sp.name and not ctx.is_title(sp.sa):
                _add(names, _short_variant(ctx, sp.sa, sp.sb, sp.cut if sp.sa == sp.a else 0))
            ante_q, ante_text = _link(ctx, sp, quotes, infos, registry)
            if ante_q is not None:
                antecedent = ante_q
            _add(names, ante_text)
            if ante_text:
                for a, b, rt, _k, _h in registry:
                    if rt == ante_text:
                        _add(names, _short_variant(ctx, a, b, 0))
                        break
            span_lo = doc.tokens[sp.a].start
            span_hi = doc.tokens[sp.b - 1].end
            info.actors = _actors_in(doc, span_lo, span_hi)
            if sp.role:
                _add(names, _baism(ctx, *sp.role))
                if ctx.is_role(sp.role[0]) and sp.role[1] - sp.role[0] <= 8:
                    _add(names, ctx.text(*sp.role)[2])  # "المتحدث باسم القوات الجوية"
            _add(names, _baism(ctx, sp.sa, sp.sb))
        if antecedent is not None:
            aq, ai = quotes[antecedent], infos[antecedent]
            if sp is None:
                q.speaker_start, q.speaker_end, q.speaker_text = (
                    aq.speaker_start,
                    aq.speaker_end,
                    aq.speaker_text,
                )
                q.speaker_role = aq.speaker_role
                info.keys, info.head, info.name_keys = ai.keys, ai.head, ai.name_keys
                if info.via is None:
                    info.via = ai.via
            for n in ai.names:
                _add(names, n)
            for a in ai.actors:
                if a not in info.actors:
                    info.actors.append(a)
        if info.via:
            _add(names, info.via)
        for a in info.actors:
            _add(names, a)
        info.names = names
        info.antecedent = antecedent
        q.speaker_actor = info.actors[0] if info.actors else None
        if claim is not None:
            cs, ce = claim
            s_end = doc.sentences[sent].end
            if ce >= s_end - 1 and sent + 1 < len(doc.sentences):
                gap = doc.text[s_end : doc.sentences[sent + 1].start]
                if doc.text[s_end - 1] == ":" or (
                    doc.text[s_end - 1] not in ".!?؟…\"'»”" and "\n" not in gap
                ):
                    # "قال المتحدث عبر صفحته:" + the statement on the next line, or a long sentence cut in two
                    ce = doc.sentences[sent + 1].end
            ce = _extend_to_close(doc, cs, ce)
            q.claim_start, q.claim_end = cs, ce
        pieces = [cue_start, cue_end]
        if sp is not None:
            pieces += [doc.tokens[sp.a].start, doc.tokens[sp.b - 1].end]
        if claim is not None and q.claim_start is not None and q.claim_end is not None:
            # the quote text covers cue (and speaker) .. end of claim, within the cue's sentence onwards
            if q.claim_start >= min(pieces):
                pieces.append(q.claim_end)
            else:
                pieces.append(max(q.claim_end, cue_end))
        q.start, q.end = min(pieces), max(pieces)
        q.text = doc.text[q.start : q.end]
        info.cue_start = cue_start
        quotes.append(q)
        infos.append(info)
    _end_at_continuation(quotes, infos)
    return quotes, infos


def _end_at_continuation(quotes: list[Quote], infos: list[QuoteInfo]) -> None:
    """A claim ends where the same speaker goes on in the same sentence ("نفى X أن ...، مؤكدا أن ..."):
    what follows is the continuing quote's claim, so a denial does not cover an assertion after it."""
    for qi, inf in enumerate(infos):
        ai = inf.antecedent
        if ai is None or not inf.carried or ai >= qi:
            continue
        prev = quotes[ai]
        if prev.sentence != quotes[qi].sentence or prev.claim_start is None or prev.claim_end is None:
            continue
        if prev.claim_start < inf.cue_start < prev.claim_end:
            prev.claim_end = inf.cue_start


def prefix_has_conj(prefix: str) -> bool:
    return bool(prefix) and prefix[0] in "وف"


@stage("quotes", requires=("sentences", "tokens", "actors"), assigns=("quotes",))
def quotes_stage(doc: Doc, resources: Resources) -> None:
    quotes, infos = find_quotes(doc, _lex(resources))
    for q, info in zip(quotes, infos):
        q.names, q.via = list(info.names), info.via
    doc.quotes = quotes
    doc.user[INFO_KEY] = infos


def _between_same_speaker(doc: Doc, anchor: Span, infos: list[QuoteInfo]) -> list[tuple[Quote, QuoteInfo]]:
    """A sentence with no quote of its own between two sentences attributed to the same speaker ("وقال مدير
    المرصد ..." / <sentence> / "وتسببت الاشتباكات وفق عبد الرحمن ...") continues that speaker's account."""
    if not doc.sentences:
        return []
    si = doc.sentence_index(anchor.start)
    if any(q.sentence == si for q in doc.quotes):
        return []
    before = [(q, inf) for q, inf in zip(doc.quotes, infos) if q.sentence == si - 1 and inf.names]
    after = [(q, inf) for q, inf in zip(doc.quotes, infos) if q.sentence == si + 1 and inf.names]
    if not before or not after:
        return []

    def own(inf: QuoteInfo) -> set[str]:  # the speaker's own names, not the organisation it belongs to
        return {norm(n) for n in inf.names if n not in inf.actors}

    keys_after = set().union(*(own(inf) for _q, inf in after))
    for q, inf in reversed(before):
        if own(inf) & keys_after:
            return [(q, inf)]
    return []


def claim_for(doc: Doc, anchor: Span) -> tuple[list[str], bool]:
    """(claimed_by, denied) for an event reported at ``anchor``; [] means the outlet itself.

    The anchor is claimed by every quote whose claim span holds its start, or its end in the quote's sentence (a quote's
    own claim, a sentence continuing the speaker, a sentence under بحسب / وفقا لـ); the outermost (widest)
    speaker comes first. ``denied`` is true when any of them is a denial (نفى، كذب).
    """
    infos: list[QuoteInfo] = doc.user.get(INFO_KEY) or []
    if len(infos) != len(doc.quotes):
        return [], False

    def holds(q: Quote) -> bool:
        if q.claim_start is None or q.claim_end is None:
            return False
        if q.claim_start <= anchor.start < q.claim_end:
            return True
        # an evidence span that opens before the claim ("ففي ...، أعلن الجيش، شن ضربات") and ends in it
        return q.claim_start < anchor.end <= q.claim_end and anchor.start >= doc.sentences[q.sentence].start

    holding = [(q, inf) for q, inf in zip(doc.quotes, infos) if holds(q)]
    if not holding and len(anchor.text.strip()) >= 4 and doc.sentences:
        # "نجا فلان من محاولة اغتيال، وقال مصدر إن فلانا تعرض إلى محاولة اغتيال": the happening named first
        # and restated in the claim of the same sentence is the speaker's claim too
        si = doc.sentence_index(anchor.start)
        key = norm(anchor.text)
        holding = [
            (q, inf)
            for q, inf in zip(doc.quotes, infos)
            if q.sentence == si
            and q.claim_start is not None
            and q.claim_start > anchor.start
            and key in doc.norm_of(q.claim_start, q.claim_end or q.claim_start)
        ]
    if not holding:
        holding = _between_same_speaker(doc, anchor, infos)
    if not holding:
        return [], False
    holding.sort(key=lambda p: (-(p[0].claim_end - p[0].claim_start), p[0].start))
    names: list[str] = []
    for _q, inf in holding:
        for n in inf.names:
            _add(names, n)
    denied = any(q.denied for q, _ in holding)
    return names, denied


__all__ = ["quotes_stage", "claim_for", "find_quotes", "QuoteInfo", "INFO_KEY"]
