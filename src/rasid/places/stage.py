"""The place stage: find place mentions, resolve them against the gazetteer, pick an event's place.

Detection
  * gazetteer names through ``PhraseMatcher`` (proclitics و ف ب ل ك ال stripped: بطرابلس, وبنغازي,
    لمصراتة); the longest name wins, so "الكلية الجوية بمصراتة" is one facility, not the city;
  * stop-listed names (data/stoplist.tsv): ``never`` (common words: المدينة, الحدث as "the event") or
    ``cue`` (only after a place-type noun or a direction: "بلدة الحدث");
  * nisba adjectives ("الأراضي الليبية" -> Libya, "المدن المصراتية" -> Misrata) only after a
    geographic noun (data/cues.tsv ``nisba_head``): after other nouns ("الحكومة الليبية",
    "الجيش الليبي") they name an actor's affiliation, not a place, and only feed the country context;
  * "العاصمة" -> the capital of the country that follows as a nisba ("العاصمة الليبية") or, alone,
    of the article's country context; "العاصمة طرابلس" is the name itself;
  * an unknown name after a place-type noun ("منطقة الرواجح") is kept as text, ``resolved=False``,
    no coordinates.

Disambiguation (``_score``): the article's country context (country names, nisba adjectives and
unambiguous places, weighted), population, feature type and nearness to the other places of the
article. A match whose every reading is a small place in a country the article does not mention is
dropped (or, after a place-type noun, kept unresolved): never geocoded to a wrong country.

ACLED geo precision: 1 a settlement, district or facility itself; 2 "near X" / "south of X" or a
named part of a region ("ريف حلب"); 3 a province, region or country.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from functools import lru_cache

from rasid.doc import Doc, PlaceMention, Span
from rasid.pipeline import stage
from rasid.places.gazetteer import Lexicon, Place, haversine
from rasid.resources import Resources
from rasid.text.matcher import token_index
from rasid.text.normalise import norm
from rasid.text.tokens import base_form, clitic_candidates

# feature preferences for disambiguation (between readings of one name)
_FEATURE_PRIOR = {
    "country": 2.5,
    "capital": 0.9,
    "admin1": 0.5,
    "region": 0.6,
    "city": 0.6,
    "town": 0.35,
    "district": 0.45,
    "village": 0.0,
    "hamlet": -0.2,
}
_SMALL = {"village", "hamlet"}
_NISBA_ACTOR_BEFORE = {"خفر", "حرس", "قوات"}  # "خفر السواحل الليبية", "حرس الحدود التونسية"
_UNKNOWN_HEADS = ("منطق", "بلد", "قري", "حي", "مدين", "ضاحي", "مديري", "ناحي", "مخيم", "معسكر")
_UNKNOWN_HEAD_IN = re.compile("|".join(_UNKNOWN_HEADS))  # one of them anywhere in a word
_BREAK = re.compile(r"[،,.:;؛()\[\]!?؟\n]")
_COMPOUND = {
    "طريق",
    "شارع",
    "وادي",
    "جبل",
    "عين",
    "بئر",
    "سيدي",
    "ابو",
    "ام",
    "بني",
    "بن",
    "راس",
    "تل",
    "قصر",
    "باب",
}


def _prior(p: Place) -> float:
    if p.kind == "facility":
        return 0.8
    return _FEATURE_PRIOR.get(p.feature, 0.3)


def _precision(p: Place, near: bool) -> int:
    if p.kind in ("country", "area"):
        return 3
    return 2 if near else 1


def _tok_key(doc: Doc, i: int) -> str:
    return base_form(doc.tokens[i].norm)


@lru_cache(maxsize=100_000)
def _first_words(word: str, article: bool) -> tuple[str, ...]:
    """The forms the first word of a cue may take: its key, or a stem after و ف ب ل ك (بمدينة, وقرب), but
    after the article only when ``article`` ("بالغرب" is "in the West", not "west of")."""
    stems = [stem for _cut, stem, art in clitic_candidates(word) if article or not art]
    return tuple(dict.fromkeys([base_form(word), *stems]))


def _prev_phrase(
    doc: Doc, i: int, phrases: set[tuple[str, ...]], max_len: int = 3, article: bool = False
) -> int:
    """Length (in tokens) of a cue phrase ending right before token i in the same sentence, else 0."""
    toks = doc.tokens
    keys = token_index(doc).keys
    sent = toks[i].sentence if i < len(toks) else -1
    best = 0
    for n in range(1, max_len + 1):
        j = i - n
        if j < 0 or toks[j].sentence != sent:
            break
        rest = tuple(keys[j + 1 : i])
        if any((f, *rest) in phrases for f in _first_words(toks[j].norm, article)):
            best = n
    return best


def _looks_like_person(doc: Doc, lex: Lexicon, m) -> bool:
    """ "المستشار صلاح الدين عبد الكريم", "خليفة بن ...": a person's name, not a place (nor an idiom: مسقط رأس)."""
    toks = doc.tokens
    j = m.tok_end
    if j < len(toks) and toks[j].sentence == toks[m.tok_start].sentence:
        nxt = toks[j].norm
        if nxt.startswith("عبد") or nxt in lex.person_next:
            return True
        if nxt in lex.idiom_next:
            return True  # مسقط رأس الرئيس: "birthplace", not Muscat
    if _prev_phrase(doc, m.tok_start, lex.titles, 1):
        return True
    # a name that is also a common given name ("صلاح الدين"), bare (no و/ب/في before it), not
    # governed by a noun that takes a place ("محافظ", "عمليات", "نازحي"), followed by a bare word that
    # is not a function word, a direction or a plural verb: a person's full name ("صلاح الدين دمرداش")
    key = tuple(_tok_key(doc, k) for k in range(m.tok_start, m.tok_end))
    if key not in lex.person_like or m.prefix or j >= len(toks):
        return False
    if toks[j].sentence != toks[m.tok_start].sentence or doc.text[m.end : toks[j].start].strip():
        return False
    if _prev_phrase(doc, m.tok_start, lex.place_of, 2) or _prev_phrase(doc, m.tok_start, lex.locative, 1):
        return False
    nxt = toks[j]
    w = base_form(nxt.norm)
    if nxt.prefix.endswith("ال") and nxt.norm.endswith("ي") and not nxt.prefix[:-2]:
        # "صلاح الدين الجمالي", "صلاح الدين الأيوبي": a family or dynastic name, unless it is a place's
        # nisba adjective ("صلاح الدين العراقي" is not written; the feminine "العراقية" ends in ة)
        return not any(kind == "nisba" for kind, _pid in lex.matcher.lookup(nxt.norm))
    if nxt.prefix or nxt.norm.startswith("و") or (w,) in lex.prepositions or (w,) in lex.near:
        return False  # "صلاح الدين وديالى", "صلاح الدين بأنه", "صلاح الدين شمال بغداد"
    if nxt.norm.endswith("وا"):
        return False  # a plural verb: "نازحي صلاح الدين حاولوا"
    return len(w) >= 3 and not w.isdigit()


def _parent_mentioned(p: Place, lex: Lexicon, near_ids: set[str]) -> bool:
    """Whether the city of a local place (its parent, or a settlement within 30 km) is named nearby."""
    if p.parent in near_ids:
        return True
    for pid in near_ids:
        q = lex.places[pid]
        if q.id != p.id and q.kind == "settlement" and haversine(q.lat, q.lon, p.lat, p.lon) < 30:
            return True
    return False


def _local_city(m, matches: list, toks) -> tuple[set[str], list[str]]:
    """Readings (and their parents) of the local place a generic local name belongs to, and its city.

    The nearest settlement, district or facility named in the same sentence ("ميناء بنغازي وطريق
    المطار"), else the last one named before it in the article: "طريق المطار" of a Benghazi passage is
    Benghazi's even when Tripoli is named in the dateline. The second value is the city a same-sentence
    district or facility belongs to (its parent), the only case where a generic name is read as a part of
    another city.
    """
    sent = toks[m.tok_start].sentence

    def local(c) -> bool:
        return any(p.kind in ("settlement", "district", "facility") for p in c)

    same = [
        (abs(o.tok_start - m.tok_start), o, c)
        for (o, c, isn, _n, _h) in matches
        if o is not m and not isn and toks[o.tok_start].sentence == sent and local(c)
    ]
    city: list[str] = []
    if same:
        _d, _o, cands = min(same, key=lambda x: (x[0], x[1].tok_start))
        if len(cands) == 1 and cands[0].kind in ("district", "facility") and cands[0].parent:
            city = [cands[0].parent]
    else:
        before = [
            (o, c) for (o, c, isn, _n, _h) in matches if o.tok_end <= m.tok_start and not isn and local(c)
        ]
        if not before:
            return set(), []
        cands = before[-1][1]
    ids = {p.id for p in cands if p.kind != "area" and p.feature != "country"}
    return ids | {p.parent for p in cands if p.kind != "settlement" and p.parent}, city


def _container(doc: Doc, lex: Lexicon, m, matches: list) -> tuple[list[Place], float] | None:
    """Readings of the place named as containing m right after it: "X في (مدينة) Y", "X بـ(محافظة) Y"."""
    toks = doc.tokens
    for o, cands, isn, _n, _h in matches:
        if o.tok_start < m.tok_end or isn:
            continue
        if o.tok_start > m.tok_end + 2 or toks[o.tok_start].sentence != toks[m.tok_start].sentence:
            return None
        gap = range(m.tok_end, o.tok_start)
        if _BREAK.search(doc.text[m.end : o.start]):
            return None
        words = [_tok_key(doc, k) for k in gap]
        prep = any(w in ("في", "فى") for w in words) or (
            o.prefix.startswith("ب") if not words else toks[m.tok_end].norm.startswith("ب")
        )
        heads_ok = all(
            w in ("في", "فى")
            or any(
                (stem,) in lex.heads and (stem,) not in lex.near
                for _c, stem, _a in clitic_candidates(toks[k].norm)
            )
            for k, w in zip(gap, words)
        )
        if not (prep and heads_ok):
            return None
        cands = [p for p in cands if p.kind == "settlement" or p.feature == "admin1"]
        if not cands or any(p.feature == "country" for p in cands):
            return None  # "X في ليبيا", "X في شرق ليبيا": the country context decides
        city_head = any(w.lstrip("وب").startswith(("مدين", "بلد", "قري")) for w in words)
        # "X في مدينة Y" / "X في Y": within the town; "X بمحافظة Y", "X بـY": within its province
        return cands, (40.0 if city_head or "في" in words else 150.0)
    return None


def _within(p: Place, container: list[Place], km: float = 40.0) -> bool:
    for c in container:
        if c.id == p.id:
            return False  # the same place twice is no containment
        if p.parent == c.id:
            return True
        if c.feature == "admin1":
            if p.country == c.country and p.admin1 and p.admin1 == c.admin1:
                return True
        elif haversine(p.lat, p.lon, c.lat, c.lon) <= km:
            return True
    return False


_SIDE_ADJ = {norm(w) for w in ("الشرقية", "الغربية", "الشمالية", "الجنوبية", "الشرقي", "الغربي", "الشمالي", "الجنوبي")}


def _reference(doc: Doc, lex: Lexicon, m, matches: list) -> list[Place] | None:
    """Readings of the settlement R in "X شرقي R" / "X وY وZ جنوب R" (no distance between), else None."""
    toks = doc.tokens
    sent = toks[m.tok_start].sentence
    k = m.tok_end
    starts = {o.tok_start: (o, c, isn) for (o, c, isn, _n, _h) in matches}
    for _ in range(6):  # list items joined by و ("والملاحمة والبوعلوان")
        if k < len(toks) and toks[k].sentence == sent and toks[k].norm in _SIDE_ADJ:
            k += 1  # "حصيبة الشرقية": the eastern one of the name
        if k >= len(toks) or toks[k].sentence != sent or not toks[k].norm.startswith("و"):
            break
        if _BREAK.search(doc.text[toks[k - 1].end : toks[k].start]):
            return None
        if k in starts:
            k = starts[k][0].tok_end
        elif (base_form(toks[k].norm[1:]),) in lex.heads and k + 1 in starts and toks[k + 1].sentence == sent:
            k = starts[k + 1][0].tok_end  # "وجزيرة الخالدية": a place noun and its name
        elif toks[k].norm.startswith("وال") and toks[k].norm[1:] not in lex.not_name:
            k += 1  # an unknown definite list item ("والملاحمة والبوعلوان")
        else:
            return None  # "قرب الموصل ومثلها قرب الرمادي", "وأصيب": not a list of places
    if k >= len(toks) or toks[k].sentence != sent or (_tok_key(doc, k),) not in lex.near:
        return None
    if (
        k + 1 < len(toks)
        and toks[k + 1].sentence == sent
        and toks[k + 1].norm.startswith("و")
        and (base_form(toks[k + 1].norm[1:]),) in lex.near
    ):
        k += 1  # "شمال وشرق الرمادي": two sides of one reference
    if _BREAK.search(doc.text[toks[m.tok_start].start : toks[k].end]):
        return None
    j = k + 1
    if j not in starts or toks[j].sentence != sent:
        return None
    o, cands, isn = starts[j]
    if isn or o.prefix or any(p.feature == "country" for p in cands):
        return None  # "شرق تونس": eastern Tunisia, not east of Tunis
    cands = [p for p in cands if p.kind == "settlement"]
    return cands or None


def _context_weight(lex: Lexicon, payloads) -> tuple[str, float] | None:
    """The country one match speaks for and how much (None: its readings lie in several countries)."""
    pls = [lex.places[pid] for _kind, pid in payloads]
    kinds = {kind for kind, _ in payloads}
    ccs = {p.country for p in pls}
    if len(ccs) != 1:
        return None
    cc = next(iter(ccs))
    if "nisba" in kinds:
        return cc, 1.0
    if any(p.feature == "country" for p in pls):
        return cc, 2.0
    if any(p.kind != "settlement" or p.feature not in _SMALL for p in pls):
        return cc, 1.5
    return cc, 0.3


def _country_context(doc: Doc, lex: Lexicon, matches: list, options_countries: tuple[str, ...]) -> Counter:
    ctx: Counter = Counter()
    for cc in options_countries:
        ctx[cc] += 1.0
    for m in matches:
        got = _context_weight(lex, m.payloads)
        if got:
            ctx[got[0]] += got[1]
    return ctx


def _score(
    p: Place, ctx: Counter, total: float, anchors: list[Place], sent_ccs: set[str] = frozenset()
) -> float:
    share = ctx.get(p.country, 0.0) / total if total else 0.0
    s = 3.0 * share + _prior(p) + math.log10(p.population + 1) / 7.0
    if p.country in sent_ccs:
        s += 1.5  # the sentence itself names the country ("أبناء طرابلس ... في لبنان")
    if anchors and p.feature != "country":
        d = min(haversine(p.lat, p.lon, a.lat, a.lon) for a in anchors)
        if d < 50:
            s += 1.0
        elif d < 200:
            s += 0.5
    return s


def _mention(
    doc: Doc, start: int, end: int, p: Place | None, lex: Lexicon, near: bool, sent: int
) -> PlaceMention:
    if p is None:
        return PlaceMention(start, end, doc.text[start:end], resolved=False, sentence=sent, near=near)
    return PlaceMention(
        start,
        end,
        doc.text[start:end],
        place_id=p.id,
        name_en=p.name_en,
        name_ar=p.name_ar,
        latitude=p.lat,
        longitude=p.lon,
        feature=p.feature,
        admin1=lex.admin1_acled.get((p.country, p.admin1), p.admin1) or None,
        country=lex.country_names.get(p.country, p.country),
        geo_precision=2
        if p.kind == "area" and doc.norm_of(start, end).startswith("ريف")
        else _precision(p, near),
        near=near,
        resolved=True,
        sentence=sent,
    )


def find_places(doc: Doc, lex: Lexicon, default_countries: tuple[str, ...] = ()) -> list[PlaceMention]:
    toks = doc.tokens
    if not toks:
        return []
    raw_matches = lex.matcher.find(doc)
    # --- filter stop-listed names and nisba adjectives ----------------------------------------
    matches = []  # (match, place candidates, is_nisba, near, head)
    nisba_ctx = []
    unknown_compounds: list[tuple[int, int, int]] = []
    last_end = -10  # token index after the last accepted place (for lists: "صعدة والجوف وحجة")
    for m in raw_matches:
        if _BREAK.search(doc.text[m.start : m.end]):
            continue  # "المدينة، "باب ...": a name never spans a comma or a full stop
        key = tuple(_tok_key(doc, k) for k in range(m.tok_start, m.tok_end))
        key = (base_form(doc.tokens[m.tok_start].norm[len(m.prefix) :]),) + key[1:]
        head = _prev_phrase(doc, m.tok_start, lex.heads, 1)
        near = _prev_phrase(doc, m.tok_start, lex.near)
        names = [pid for kind, pid in m.payloads if kind == "name"]
        nisbas = [pid for kind, pid in m.payloads if kind == "nisba"]
        has_article = doc.norm_of(m.start, m.end).startswith("ال")
        in_list = m.prefix.startswith("و") and m.tok_start - last_end <= 1
        exact = doc.text[m.start : m.end] in lex.exact_forms  # "إب" as written is Ibb, not آب/أب
        if key in lex.stop_cue and not (head or near or in_list or exact):
            names = []
        if key in lex.stop_article and not has_article:
            names = []
        if names and nisbas and (has_article or all(lex.places[p].feature in _SMALL for p in names)):
            names = []  # "السورية", "التركي": the nisba, not the name "سورية" or a village
        if names and not (head or near) and _looks_like_person(doc, lex, m):
            names = []
        if (
            names
            and has_article
            and doc.text[m.start : m.end].endswith("ية")
            and all(lex.places[p].feature == "country" for p in names)
            and m.tok_start > 0
            and toks[m.tok_start - 1].sentence == toks[m.tok_start].sentence
            and toks[m.tok_start - 1].norm.startswith("ال")
            and (_tok_key(doc, m.tok_start - 1),) not in lex.prepositions  # "إلى السعودية"
            and (_tok_key(doc, m.tok_start - 1),) not in lex.heads
            and not doc.text[toks[m.tok_start - 1].end : m.start].strip()
        ):
            # "القوات السعودية", "الحكومة السعودية": the adjective after a definite noun, not the country
            # name (a geographic head - "الأراضي السعودية" - still makes it the country, below)
            nisbas, names = names, []
        if names and not has_article and len(key) == 1:
            # "ظهرة" is not "الظهرة": a district or village written with the article needs it
            names = [pid for pid in names if (pid, key) not in lex.article_only]
        if names and _prev_phrase(doc, m.tok_start, lex.demonstratives, 1):
            names = []  # "هذه الزاوية"
        if (
            names
            and all(lex.places[p].feature == "region" for p in names)
            and toks[m.tok_start].norm.lstrip("وب") in lex.quarters
            and m.tok_start > 0
            and toks[m.tok_start - 1].norm.lstrip("وفب") in lex.quarters
        ):
            # "جنوب شرق ليبيا" is the south-east, not the east (برقة): only the country is named
            names = [lex.places[p].parent for p in names if lex.places[p].parent in lex.places] or []
        street_at = (
            m.tok_start - 1 if m.tok_start > 0 and toks[m.tok_start - 1].norm.isdigit() else m.tok_start
        )
        if (
            names
            and _prev_phrase(doc, street_at, lex.street, 1)
            and all(lex.places[p].kind == "settlement" or lex.places[p].feature == "country" for p in names)
        ):
            # "حي دمشق" in Tripoli, "شارع بغداد", "ساحة المغرب العربي": a street, square or district named
            # after a city or a country
            unknown_compounds.append((m.start, m.end, toks[m.tok_start].sentence))
            continue
        if names and head and key in lex.stop_cue and len(key) == 1 and key[0] in _COMPOUND:
            nxt = m.tok_end
            if (
                nxt < len(toks)
                and toks[nxt].sentence == toks[m.tok_start].sentence
                and not doc.text[m.end : toks[nxt].start].strip()
                and toks[nxt].norm not in lex.not_name
                and not _prev_phrase(doc, nxt + 1, lex.near, 1)
            ):
                # "قرية تل شور": the stop-listed word starts a longer unknown name
                unknown_compounds.append((m.start, toks[nxt].end, toks[m.tok_start].sentence))
                last_end = nxt + 1
                continue
        if names:
            matches.append((m, [lex.places[p] for p in dict.fromkeys(names)], False, bool(near), bool(head)))
            last_end = m.tok_end
        elif nisbas:
            nisba_ctx.append(m)
            guard = m.tok_start >= 2 and _tok_key(doc, m.tok_start - 2) in _NISBA_ACTOR_BEFORE
            if guard:
                continue  # "خفر السواحل الليبية": the Libyan coast guard, an actor
            if _prev_phrase(doc, m.tok_start, lex.nisba_heads, 1, article=True) or _prev_phrase(
                doc, m.tok_start, lex.capital_words, 1, article=True
            ):
                matches.append((m, [lex.places[p] for p in dict.fromkeys(nisbas)], True, False, False))

    # --- country context ------------------------------------------------------------------------
    class _M:  # adapter for _country_context
        def __init__(self, payloads):
            self.payloads = payloads

    ctx = _country_context(
        doc,
        lex,
        [_M([("name", p.id) for p in cands]) for (_m, cands, isn, _n, _h) in matches if not isn]
        + [_M(m.payloads) for m in nisba_ctx],
        default_countries,
    )
    total = sum(ctx.values())
    top_cc = ctx.most_common(1)[0][0] if ctx else None
    # --- resolve: unambiguous first, then the rest with them as anchors ---------------------------
    anchors = list(
        {
            c[0].id: c[0]
            for (_m, c, isn, _n, _h) in matches
            if len(c) == 1 and not isn and c[0].feature != "country"
        }.values()
    )
    sent_countries: dict[int, set[str]] = {}
    for m, cands, _isn, _n, _h in matches:
        if len({p.country for p in cands}) == 1:
            sent_countries.setdefault(toks[m.tok_start].sentence, set()).add(cands[0].country)
    for m in nisba_ctx:
        ccs = {lex.places[pid].country for _k, pid in m.payloads}
        if len(ccs) == 1:
            sent_countries.setdefault(toks[m.tok_start].sentence, set()).update(ccs)
    own_weight: Counter = Counter()  # (readings, country) -> what that name adds to the country context
    for _m, cands, isn, _n, _h in matches:
        got = None if isn else _context_weight(lex, [("name", p.id) for p in cands])
        if got:
            own_weight[(tuple(p.id for p in cands), got[0])] += got[1]
    out: list[PlaceMention] = []
    covered: set[int] = set()
    city_headed: set[tuple[int, int]] = set()
    doc.user["places.city_headed"] = city_headed
    for m, cands, is_nisba, near, head in matches:
        sent = toks[m.tok_start].sentence
        if head and any(p.feature != "country" for p in cands):
            cands = [p for p in cands if p.feature != "country"]  # "مدينة تونس": the city
        sent_ccs = sent_countries.get(sent, set())
        best = max(cands, key=lambda p: (_score(p, ctx, total, anchors, sent_ccs), p.population, p.id))
        if best.feature in _SMALL:
            # a village (population 0 is common: unknown) never beats a well-known town of the same name
            # through nearness alone, in its own country or in one the article speaks of at least half as
            # much (سنجار in a Syrian article that names Iraq); "X بمحافظة Y" below can still pick it
            own_cc = ctx.get(best.country, 0.0)
            known = [
                p
                for p in cands
                if p.kind == "settlement"
                and (p.feature in ("capital", "city") or p.population >= 15_000)
                and (p.country == best.country or ctx.get(p.country, 0.0) >= 0.5 * own_cc > 0)
            ]
            if known:
                best = max(known, key=lambda p: (_score(p, ctx, total, anchors, sent_ccs), p.population, p.id))
        if not head and best.feature != "country":
            country = [p for p in cands if p.feature == "country"]
            if country and best.country == country[0].country:
                best = country[
                    0
                ]  # "في تونس" is the country even with Carthage next to it; "مدينة تونس" the city
        local = head or best.feature in _SMALL or best.kind in ("district", "facility")
        found = _container(doc, lex, m, matches) if best.kind != "country" and not is_nisba else None
        if found and not local and best.country in {c.country for c in found[0]}:
            found = None  # "مدينة مديات بمحافظة ماردين": a known town of the container's country stays itself
        container, within_km = found if found else (None, 40.0)
        ref = (
            None
            if container or is_nisba or best.kind == "area" or any(p.population >= 100_000 for p in cands)
            else _reference(doc, lex, m, matches)
        )  # a big city is nobody's namesake: "قرب الموصل ومثلها قرب الرمادي"
        if ref and not any(_within(p, ref, 200.0) for p in cands):
            # "الحصيبة والملاحمة والبوعلوان شرقي الرمادي": every reading lies far from the place it is
            # said to be near - a namesake; the place is somewhere near the reference (precision 2)
            city = max(ref, key=lambda p: (_score(p, ctx, total, anchors, sent_ccs), p.population, p.id))
            out.append(_mention(doc, m.start, m.end, city, lex, True, sent))
            continue
        if ref:
            near_ref = [p for p in cands if _within(p, ref, 200.0)]
            best = max(near_ref, key=lambda p: (_score(p, ctx, total, anchors, sent_ccs), p.population, p.id))
        if container and best.kind != "area":
            inside = [p for p in cands if _within(p, container, within_km)]
            if (
                not inside
                and best.feature in ("city", "town", "capital")
                and best.country in {c.country for c in container}
            ):
                pass  # "مدينة مديات بمحافظة ماردين": a town of its own, whatever the distance
            elif not inside:
                # "منطقة الزيتون في مدينة بنغازي": no reading lies in the named city - a part of it the
                # gazetteer lacks, not a namesake far away: the city itself
                city = max(
                    container, key=lambda p: (_score(p, ctx, total, anchors, sent_ccs), p.population, p.id)
                )
                out.append(_mention(doc, m.start, m.end, city, lex, near, sent))
                continue
            else:
                best = max(
                    inside, key=lambda p: (_score(p, ctx, total, anchors, sent_ccs), p.population, p.id)
                )
        # the country's share of the evidence without this name's own mentions: a namesake in a country
        # the article never mentions otherwise ("الزوية" in Anbar read as a Libyan town) speaks for nobody
        own = own_weight.get((tuple(p.id for p in cands), best.country), 0.0)
        share = max(0.0, ctx.get(best.country, 0.0) - own) / total if total else 0.0
        # ... and it is the article's main country only if nothing else outweighs the name itself
        foreign = share == 0.0 and (
            (own == 0.0 and total >= 3.0)
            or (total - own >= 3.0 and 2 * own < max((w for c, w in ctx.items() if c != best.country), default=0.0))
        )
        area_head = head and _tok_key(doc, m.tok_start - 1).startswith(("منطق", "حي", "ضاحي"))
        foreign_small = (
            best.feature in _SMALL
            or (best.kind == "settlement" and best.population < 200_000 and not (head or near))
            or (best.kind == "settlement" and area_head)  # "منطقة العريش" in Aden: a local namesake
        )
        if foreign_small and foreign and not is_nisba:
            # a small place of a country the article never mentions: most likely a common word or
            # a namesake; never geocode it there (after a place noun it is kept, unresolved)
            if head:
                out.append(_mention(doc, m.start, m.end, None, lex, near, sent))
            continue
        mkey = (base_form(toks[m.tok_start].norm[len(m.prefix) :]),) + tuple(
            _tok_key(doc, k) for k in range(m.tok_start + 1, m.tok_end)
        )
        if mkey in lex.generic_local:
            loc, city_ids = _local_city(m, matches, toks)
            if not _parent_mentioned(best, lex, loc):
                # "طريق المطار" exists in every city: the one of the city the passage is about; listed
                # with a district or facility of another city ("ميناء بنغازي وطريق المطار"), a part of
                # that city; otherwise kept unresolved
                city = next((lex.places[i] for i in city_ids if i in lex.places), None)
                if city is not None and city.kind != "settlement":
                    city = None
                out.append(_mention(doc, m.start, m.end, city, lex, near, sent))
                continue
        cap_i = _prev_phrase(doc, m.tok_start, lex.capital_words, 1, article=True)
        if cap_i and not is_nisba and best.feature == "country":
            is_nisba = True  # "العاصمة السعودية": السعودية is also the country's name
        if is_nisba and cap_i:
            # "العاصمة الليبية": the capital of that country
            country = lex.places.get(f"c.{best.country}")
            cap = lex.places.get(country.capital) if country else None
            if cap is not None:
                t = toks[m.tok_start - 1]
                cap_near = bool(_prev_phrase(doc, m.tok_start - 1, lex.near))
                out.append(_mention(doc, t.start, m.end, cap, lex, cap_near, sent))
                covered.add(m.tok_start - 1)
                continue
        out.append(_mention(doc, m.start, m.end, best, lex, near, sent))
        covered.update(range(m.tok_start, m.tok_end))
        if head and best.kind == "area" and _tok_key(doc, m.tok_start - 1).startswith(("مدين", "بلد")):
            city_headed.add((m.start, m.end))  # "مدينة الجفرة": the town centre of a district
    # --- "العاصمة" alone: the capital of the article's country ---------------------------------
    matched_starts = {m.tok_start for (m, *_r) in matches}
    keys = token_index(doc).keys
    for i, t in enumerate(toks):
        if i in covered or (keys[i],) not in lex.capital_words:
            continue
        if not t.prefix.endswith("ال"):
            continue  # "عاصمة المحافظة", "عاصمة الإقليم": the capital of something named next, not the country's
        if t.norm.endswith(("ها", "هم")):
            continue
        if i + 1 < len(toks) and toks[i + 1].sentence == t.sentence and (i + 1) in matched_starts:
            continue  # "العاصمة طرابلس": the name follows
        if top_cc is None:
            continue
        country = lex.places.get(f"c.{top_cc}")
        cap = lex.places.get(country.capital) if country else None
        if cap is None:
            continue
        nstart = doc.raw_to_norm(t.start) + len(t.prefix) - (2 if t.prefix.endswith("ال") else 0)
        start = doc.raw_span(nstart, nstart + 1)[0]
        out.append(_mention(doc, start, t.end, cap, lex, bool(_prev_phrase(doc, i, lex.near)), t.sentence))
    # --- unknown names after a place-type noun: kept as text, unresolved ---------------------------
    taken = set(covered) | {k for (m, *_r) in matches for k in range(m.tok_start, m.tok_end)}
    for i, t in enumerate(toks[:-1]):
        if not _UNKNOWN_HEAD_IN.search(t.norm):
            continue  # cheap test first: no place-type noun in this token
        nxt = toks[i + 1]
        if (
            i + 1 in taken
            or nxt.sentence != t.sentence
            or any(a <= nxt.start < b for a, b, _s in unknown_compounds)
        ):
            continue
        if "ال" in t.prefix:
            continue  # "المنطقة X": a definite noun heads no name ("أبناء المنطقة وسخط")
        # the head may carry و ف ب ل ك ("وقرية الفلاحين", "بمنطقة الرواجح") but not the article
        head_w = next(
            (
                stem
                for _cut, stem, art in clitic_candidates(t.norm)
                if not art and (stem,) in lex.heads and stem.startswith(_UNKNOWN_HEADS)
            ),
            None,
        )
        if head_w is None:
            continue

        w = nxt.norm
        if (
            w in lex.not_name
            or base_form(w) in lex.not_name
            or (len(base_form(w)) < 3 and w not in _COMPOUND)
            or w.isdigit()
        ):
            continue
        if doc.text[t.end : nxt.start].strip(" \u00a0\"'«»“”"):
            continue  # punctuation between (quotes are fine: منطقة «الضباب»)
        if (base_form(w),) in lex.heads and i + 2 in taken:
            continue  # "منطقة سهل الزبداني": a second place noun before a known name, not a name
        if head_w == "حي" and not w.startswith("ال"):
            continue  # "حي" is also a typo of "حين": only "حي ال..." is a district
        if not w.startswith("ال") and w[:1] not in "ابتثجحخدذرزسشصضطظعغفقكلمنهوي":
            continue
        end = nxt.end
        if w in _COMPOUND and i + 2 < len(toks) and toks[i + 2].sentence == t.sentence:
            end = toks[i + 2].end  # "منطقة طريق المطار", "حي وادي الربيع": the name has two words
        out.append(_mention(doc, nxt.start, end, None, lex, False, nxt.sentence))
    for start, end, sent in unknown_compounds:
        out.append(_mention(doc, start, end, None, lex, False, sent))
    out.sort(key=lambda p: (p.start, p.end))
    return out


_JOINED = re.compile(r"(?:^|\s)و\S")  # a word joined by و between two places: a list, not a reference

DISTANCE_SPAN = 4  # words from a distance unit to the place it is measured from ("كم شرق مدينة سرت")


def _annotate_context(doc: Doc, lex: Lexicon) -> None:
    """Facts place_for needs: affiliation places ("ميليشيات مصراتة") and sentences that refer back."""
    toks = doc.tokens
    starts = [t.start for t in toks]
    affiliated: set[tuple[int, int]] = set()
    for p in doc.places:
        # the token holding the mention's start (it may start after proclitics inside a token)
        i = bisect.bisect_right(starts, p.start) - 1
        if i >= 0 and _prev_phrase(doc, i, lex.affiliation, 3):
            affiliated.add((p.start, p.end))
    refer_back: set[int] = set()
    first_tok: dict[int, int] = {}
    keys = token_index(doc).keys
    for i, t in enumerate(toks):
        first_tok.setdefault(t.sentence, i)
        if (keys[i],) in lex.anaphor:
            refer_back.add(t.sentence)
    for sent, i in first_tok.items():
        if (toks[i].norm,) in lex.continuation or (base_form(toks[i].norm),) in lex.continuation:
            refer_back.add(sent)
    # "في محافظة اب بجنوب صنعاء": a "near" place right after another place is its reference point
    reference: set[tuple[int, int]] = set()
    for a, b in zip(doc.places, doc.places[1:]):
        if (
            b.near
            and a.resolved
            and 0 <= b.start - a.end <= 12
            and not _BREAK.search(doc.text[a.end : b.start])
            and not _JOINED.search(doc.text[a.end : b.start])  # "قرب الموصل ومثلها قرب الرمادي": a second place
        ):
            reference.add((b.start, b.end))
    # "بوابة السدرة التي تبعد حوالي 180 كم شرق مدينة سرت": a place told a distance away from another place
    # of its sentence is that place's reference point
    for a in doc.places:
        i = bisect.bisect_right(starts, a.start) - 1
        if i < 0 or not a.resolved:
            continue
        unit = next((k for k in range(i - 1, max(-1, i - DISTANCE_SPAN - 1), -1) if (keys[k],) in lex.distance), None)
        if unit is not None and toks[unit].sentence == toks[i].sentence and any(
            b.resolved and b.sentence == a.sentence and b.end <= toks[unit].start for b in doc.places
        ):
            reference.add((a.start, a.end))
    # "على الحدود مع اليمن": the neighbour across a border locates, it is not where the event is
    border: set[tuple[int, int]] = set()
    for p in doc.places:
        i = bisect.bisect_right(starts, p.start) - 1
        if p.feature == "country" and i >= 0 and _prev_phrase(doc, i, lex.border, 3):
            border.add((p.start, p.end))
    reference |= border
    doc.user["places.reference"] = reference
    doc.user["places.border"] = border
    doc.user["places.affiliated"] = affiliated
    doc.user["places.refer_back"] = refer_back


@stage("places", requires=("sentences", "tokens"), assigns=("places",))
def places_stage(doc: Doc, resources: Resources) -> None:
    lex: Lexicon = resources.get("places.lexicon")
    doc.places = [p for p in find_places(doc, lex, tuple(resources.options.default_countries)) if not _outlet(doc, lex, p)]
    _annotate_context(doc, lex)


_OPEN_QUOTE = re.compile(r"[«\"“(]\s*$")
_CLOSE_QUOTE = re.compile(r"^\s*[»\"”)]")
_TOLD_TO = re.compile(r"(?:^|\s)لـ?\s*[«\"“(]\s*$")  # "قال مصدر لـ«الرياض»", ل"الرياض": told to an outlet


def _outlet(doc: Doc, lex: Lexicon, p: PlaceMention) -> bool:
    """A quoted name told to (لـ«الرياض») or after an outlet noun (صحيفة «الرياض»): a newspaper, not a place."""
    before = doc.text[max(0, p.start - 30) : p.start]
    if not _OPEN_QUOTE.search(before) or not _CLOSE_QUOTE.match(doc.text[p.end : p.end + 3]):
        return False
    if _TOLD_TO.search(before):
        return True
    words = before[: _OPEN_QUOTE.search(before).start()].split()
    if not words:
        return False
    return any(stem in lex.outlet_heads for _cut, stem, _art in clitic_candidates(norm(words[-1])))


# --- the place of an event ---------------------------------------------------------------------
_AREA_FEATURES = ("admin1", "region", "mountain")
_SETTLEMENTS = ("capital", "city", "town", "village", "hamlet")


def _specificity(p: PlaceMention) -> int:
    if p.feature == "country":
        return 3
    if p.feature in _AREA_FEATURES:
        return 2
    if p.feature in _SETTLEMENTS:
        return 1
    return 0  # districts and facilities


def _same_paragraph(doc: Doc, a: Span, b: Span) -> bool:
    lo, hi = (a, b) if a.start <= b.start else (b, a)
    return "\n" not in doc.text[lo.end : hi.start]


def _dist_km(a: PlaceMention, b: PlaceMention) -> float:
    return haversine(a.latitude, a.longitude, b.latitude, b.longitude)


def _pick(doc: Doc, cands: list[PlaceMention], anchor: Span) -> PlaceMention | None:
    cands = [p for p in cands if p.resolved and p.latitude is not None]
    if not cands:
        return None
    affiliated = doc.user.get("places.affiliated", set())
    if any(p.feature != "country" for p in cands):
        cands = [p for p in cands if p.feature != "country"]
    # a facility or district beats the city that contains it; a settlement beats its province/region
    drop = set()
    for p in cands:
        for q in cands:
            if _specificity(q) < _specificity(p) and q.country == p.country:
                if _specificity(p) == 1:
                    inside = _dist_km(p, q) < 30  # a facility or district of this city
                else:  # a settlement of this province (same admin1) or of this region (close by)
                    if p.feature == "admin1":
                        inside = bool(p.admin1) and p.admin1 == q.admin1
                    else:
                        inside = _dist_km(p, q) < 60
                if inside:
                    drop.add(id(p))
    cands = [p for p in cands if id(p) not in drop] or cands
    # "ميليشيات مصراتة", "قبائل كاباو": who, not where - only when the sentence names nothing else
    cands = [p for p in cands if (p.start, p.end) not in affiliated] or cands
    affiliated = doc.user.get("places.affiliated", set())
    reference = doc.user.get("places.reference", set())
    city_headed = doc.user.get("places.city_headed", set())

    def cost(p: PlaceMention) -> float:
        if p.start < anchor.end and p.end > anchor.start:
            dist = -0.3  # inside the reported evidence (or the trigger)
        elif p.start >= anchor.end:
            dist = (p.start - anchor.end) / 40.0
        elif p.end <= anchor.start:
            dist = (anchor.start - p.end) / 40.0 + 0.7  # before the trigger: less likely its place
        else:
            dist = 0.0
        if p.near:
            dist += 0.3  # "جنوب صنعاء": approximate
        if (p.start, p.end) in reference:
            dist += 1.5  # "في محافظة اب بجنوب صنعاء": Sanaa only locates Ibb
        spec = 1 if (p.start, p.end) in city_headed else _specificity(p)
        return dist + 0.6 * spec

    return min(cands, key=lambda p: (cost(p), p.start))


def _resolved_in(doc: Doc, k: int) -> list[PlaceMention]:
    return [p for p in doc.places if p.sentence == k and p.resolved and p.latitude is not None]


def place_for(doc: Doc, anchor: Span) -> PlaceMention | None:
    """The most specific place the sentence of ``anchor`` supports for an event there.

    1. The resolved places of the anchor's sentence, preferring places inside the anchor span, then after
       the trigger and close to it ("في/على/قرب X"); a facility or district over the city that contains
       it and a settlement over its province or region; places that name an affiliation ("ميليشيات
       مصراتة", "قبائل كاباو") count less; a country only when the sentence has nothing finer.
    2. When the sentence has only a country (or region), a finer place of that country in the next or
       previous sentence is taken ("خطفوا في ليبيا. ... في منطقة مليتة"), unless the sentence also names
       a local place the gazetteer lacks ("مديرية القفر", kept unresolved).
    3. When the sentence has no resolved place: the last place of the up to 3 previous sentences of the
       same paragraph; if the sentence refers back ("المدينة", "وأضاف"), the previous paragraphs too
       (up to 4 sentences back).
    4. Otherwise None: the events stage decides.
    """
    if not doc.places or not doc.sentences:
        return None
    si = doc.sentence_index(anchor.start)
    here_places = _resolved_in(doc, si)
    affiliated = doc.user.get("places.affiliated", set())
    if here_places and si in doc.user.get("places.refer_back", set()):
        if all((p.start, p.end) in affiliated for p in here_places):
            here_places = []  # "المسؤول الصحي في عدن ... في المدينة": the city of an earlier sentence
    got = _pick(doc, here_places, anchor)
    # "وفي محافظة إب ... سيطروا على مديرية القفر": a local name the gazetteer lacks is finer than the
    # province the sentence names; a place of the next sentence is another place, not this one
    unknown_here = any(not p.resolved and p.sentence == si for p in doc.places)
    if got is not None and _specificity(got) >= 2 and not unknown_here:
        for k in (si + 1, si - 1, si + 2):
            if 0 <= k < len(doc.sentences):
                finer = [
                    p
                    for p in _resolved_in(doc, k)
                    if p.country == got.country and _specificity(p) < _specificity(got)
                ]
                if got.feature == "admin1":
                    finer = [p for p in finer if got.admin1 and p.admin1 == got.admin1]
                elif got.feature != "country":
                    finer = [p for p in finer if _dist_km(p, got) < 100]
                if finer:
                    ref = Span(doc.sentences[k].start, doc.sentences[k].start, "")
                    return _pick(doc, finer, ref) or got
    border = doc.user.get("places.border", set())
    if got is not None and (got.start, got.end) not in border:
        return got
    if got is not None:
        # the passage names only the neighbour across a border: this side's place told next, if any
        for k in (si + 1, si + 2):
            if k < len(doc.sentences) and (k == si + 1 or _same_paragraph(doc, doc.sentences[k], doc.sentences[si])):
                here = [p for p in _resolved_in(doc, k) if p.country != got.country and p.feature != "country"]
                if here:
                    ref = Span(doc.sentences[k].start, doc.sentences[k].start, "")
                    return _pick(doc, here, ref)
    refer_back = si in doc.user.get("places.refer_back", set())
    here = doc.sentences[si]
    coarse: list[PlaceMention] = []
    for k in range(si - 1, max(si - 5, -1), -1):
        same = _same_paragraph(doc, doc.sentences[k], here)
        if not same and not refer_back:
            break
        if si - k > 3 and same:
            break
        prev = [
            p for p in _resolved_in(doc, k)
            if (got is None or p.country != got.country) and (p.start, p.end) not in affiliated
        ]  # (وزير الداخلية بحكومة طبرق: who, not where)
        if prev and all(p.feature == "country" for p in prev):
            coarse = coarse or prev  # a sentence naming only a country: look further back for a finer place
            continue
        if prev:
            end = doc.sentences[k].end
            return _pick(doc, prev, Span(end, end, ""))
    if coarse:
        return _pick(doc, coarse, Span(here.start, here.start, ""))
    return got  # the border country itself only when the passage names nothing else
