"""Actor stage: actor mentions canonicalised against the knowledge base, and event direction.

``actors_stage`` fills ``doc.actors`` with :class:`Mention` (an ``ActorMention`` with token bounds and
the proclitics of its first word). Mentions come from, in order of trust:

1. the knowledge base (aliases read by the article's country and year, people with their affiliation);
2. generic heads: a descriptor before a known actor (ميليشيات حفتر -> LNA, hostile framing), a named unknown
   group (كتيبة فرسان جنزور -> canonical "كتيبة فرسان جنزور", kind militia), communities (أهالي X, أعيان X);
3. people with roles (الناطق باسم X, آمر X, اللواء <name>);
4. optionally a CRF named-entity tagger (``Options.use_ner`` and a trained model present).

``actors_for(doc, anchor)`` gives (actor1, actor2) of an event whose trigger is ``anchor``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rasid.actors.context import CountryContext, build_context
from rasid.actors.direction import actors_for
from rasid.actors.kb import KB, AliasRow, norm_name
from rasid.doc import ActorMention, Doc
from rasid.pipeline import stage
from rasid.resources import Resources
from rasid.text.matcher import Match, phrase_key
from rasid.text.normalise import norm

__all__ = ["actors_stage", "actors_for", "Mention", "infer_country"]


# tokens that end a group name (كتيبة X ...): prepositions, relatives, connectives, generic modifiers
@dataclass
class Mention(ActorMention):
    """An actor mention with its token bounds and what the stage knows of its reading."""

    tok_start: int = 0
    tok_end: int = 0
    prefix: str = ""  # proclitics of the first word (normalised), e.g. "وب"
    origin: str = ""  # kb | person | group | role | ner
    known: bool = False  # resolved to a knowledge-base actor
    country_name: bool = False  # a bare country name (تركيا): an actor or a place
    template: bool = False  # canonical filled from the article's country (Islamic State (Libya))
    filled: bool = False  # a template or generic force (الجيش, الشرطة) whose country came from the context


# --- country of the article --------------------------------------------------------------------------


def infer_country(doc: Doc, kb: KB, options_default: tuple[str, ...] = ()) -> str | None:
    """ISO2 of the country the article is about, from country names, demonyms and cities."""
    score: Counter[str] = Counter()
    for m in kb.cue_matcher.find(doc):
        for kind, iso in m.payloads:
            score[iso] += {"name": 3, "adj": 1, "cue": 2}[kind] * kb.countries[iso].prior
    title = doc.meta.title
    if title:
        tdoc = Doc(title)
        from rasid.text.tokens import tokenize

        tdoc.sentences = [tdoc.span(0, len(title))]
        tdoc.tokens = tokenize(tdoc)
        for m in kb.cue_matcher.find(tdoc):
            for _kind, iso in m.payloads:
                score[iso] += 3
    for p in getattr(doc, "places", []) or []:
        c = (p.country or "").upper()
        if len(c) == 2:
            score[c] += 1
        else:
            for iso, ctry in kb.countries.items():
                if ctry.name_en.upper() == c:
                    score[iso] += 1
    if not score:
        return options_default[0] if options_default else None
    return score.most_common(1)[0][0]


# --- the stage ----------------------------------------------------------------------------------------


def _mention(doc: Doc, m: Match, **kw) -> Mention:
    return Mention(
        m.start,
        m.end,
        m.text,
        tok_start=m.tok_start,
        tok_end=m.tok_end,
        prefix=m.prefix,
        sentence=doc.tokens[m.tok_start].sentence,
        **kw,
    )


def _kb_mentions(
    doc: Doc, kb: KB, country: str | None, year: int | None, ctx: CountryContext
) -> list[Mention]:
    out: list[Mention] = []
    last_place = -1
    queue = kb.matcher.find(doc)
    qi = -1
    retried: set[int] = set()

    def retry(m: Match) -> None:
        """A match with no reading here: look again inside it (مقاتلات التحالف -> التحالف الدولي)."""
        if m.tok_start in retried:
            return
        retried.add(m.tok_start)
        nxt = queue[qi + 1].tok_start if qi + 1 < len(queue) else len(doc.tokens)
        sub = [x for x in kb.matcher.find(doc, (m.tok_start + 1, nxt)) if x.tok_start < nxt]
        queue[qi + 1 : qi + 1] = sub

    while qi + 1 < len(queue):
        qi += 1
        m = queue[qi]
        alias_rows: list[AliasRow] = [p for k, p in m.payloads if k == "alias"]
        person_rows = [p for k, p in m.payloads if k == "person"]
        country_rows = [p for k, p in m.payloads if k == "country"]
        if alias_rows:
            tok = doc.tokens[m.tok_start].norm
            article = m.prefix.endswith(("ال", "لل")) or tok[len(m.prefix) :].startswith("ال")
            if not article:
                # قاعدة is not القاعدة, جيش not الجيش: a reading written with the article needs it
                alias_rows = [
                    r for r in alias_rows if not (norm(r.alias).startswith("ال") and " " not in r.alias)
                ]
                if not alias_rows:
                    retry(m)
                    continue
            row = None
            sent = doc.tokens[m.tok_start].sentence
            # the countries this name can denote: those of its country-specific readings, any country if it has
            # a reading for every country (الجيش: the LNA in Libya, Hadi's army in Yemen, else "Military Forces of X")
            specific = {r.country for r in alias_rows if r.country}
            anywhere = any(not r.country for r in alias_rows)
            allowed = None if anywhere else specific
            local = ctx.country(sent, m.tok_start, allowed, m.tok_end) if specific else None
            if local is not None and local != country:
                # a name read in the country of its own sentence or paragraph (الجيش الوطني in a Tunisian sentence)
                row = kb.resolve(alias_rows, local, year)
            row = row or kb.resolve(alias_rows, country, year)
            if row is None and all(r.country and r.country != country for r in alias_rows):
                retry(m)
                continue  # a word that names an actor only in another country's news (القاعدة, النظام)
            if row is None:
                # no reading fits this article: keep the text, never guess a known actor
                kinds = {kb.actors[r.actor].kind for r in alias_rows if r.actor in kb.actors}
                framing = Counter(r.framing for r in alias_rows).most_common(1)[0][0]
                out.append(
                    _mention(
                        doc,
                        m,
                        canonical=norm_name(m.text),
                        kind=kinds.pop() if len(kinds) == 1 else "",
                        framing=framing,
                        origin="kb",
                        known=False,
                    )
                )
                continue
            actor = kb.actors[row.actor]
            if row.generated and actor.kind == "civilians" and m.tok_start > 0:
                if doc.tokens[m.tok_start - 1].norm in kb.soldier_words:
                    continue  # جنديين ليبيين: soldiers, not civilians
            fill_country = country
            if actor.is_template:
                # Islamic State / Civilians / Unidentified Armed Group / Military Forces of X: of the country of
                # the nearest evidence (the sentence, its paragraph, the article)
                fill_country = (
                    ctx.country(doc.tokens[m.tok_start].sentence, m.tok_start, None, m.tok_end) or country
                )
                if actor.kind == "civilians" and m.tok_end < len(doc.tokens):
                    nat = kb.adjective_country.get(doc.tokens[m.tok_end].base)
                    if nat and norm(doc.tokens[m.tok_end].base).endswith("ين"):
                        fill_country = nat  # مواطنين إيطاليين: Italian civilians
            canonical, aid, side = kb.fill(actor, fill_country)
            home = actor.country if actor.country != "*" else fill_country
            out.append(
                _mention(
                    doc,
                    m,
                    canonical=canonical if canonical else norm_name(m.text),
                    actor_id=aid,
                    kind=actor.kind,
                    side=side,
                    country=kb.country_name(home),
                    framing=row.framing,
                    origin="kb",
                    known=canonical is not None,
                    template=actor.is_template and not actor.id.endswith("_generic"),
                    filled=actor.is_template,
                )
            )
        elif person_rows:
            pr = kb.persons_for(person_rows, year) or kb.persons_for(person_rows, None)
            if pr is None:
                out.append(_mention(doc, m, canonical=None, kind="person", origin="person"))
                continue
            actor = kb.actors[pr.actor]
            canonical, aid, side = kb.fill(actor, ctx.country(doc.tokens[m.tok_start].sentence, m.tok_start))
            out.append(
                _mention(
                    doc,
                    m,
                    canonical=canonical,
                    actor_id=aid,
                    kind="person",
                    side=side,
                    country=kb.country_name(actor.country if actor.country != "*" else country),
                    role=pr.role,
                    origin="person",
                    known=canonical is not None,
                )
            )
        elif country_rows:
            iso = country_rows[0]
            tok = doc.tokens[m.tok_start].norm
            has_article = m.prefix.endswith("ال") or tok[len(m.prefix) :].startswith("ال")
            if has_article and not any(norm(n).startswith("ال") for n in kb.countries[iso].names_ar):
                continue  # السورية: an adjective, not the country
            prev = doc.tokens[m.tok_start - 1].norm if m.tok_start > 0 else ""
            if (
                any(c in m.prefix for c in "بل")
                or prev in kb.words["locative"]
                or (m.prefix.startswith("و") and m.tok_start == last_place)
            ):
                last_place = m.tok_end
                continue  # في تونس, من مصر, بليبيا, في العراق وسوريا: a place
            actor = kb.actors[f"country_{iso}"]
            out.append(
                _mention(
                    doc,
                    m,
                    canonical=actor.canonical,
                    actor_id=actor.id,
                    kind="state",
                    side=actor.side,
                    country=actor.canonical,
                    origin="kb",
                    known=True,
                    country_name=True,
                )
            )
    _bare_forces(doc, out)
    return out


COREF_SENTENCES = 3  # how far back a bare الجيش / الشرطة looks for the same head with a nationality


def _bare_forces(doc: Doc, out: list[Mention]) -> None:
    """A bare force word (الجيش, الشرطة) filled from the context takes the country of the last mention of the same
    head with a nationality (قال الجيش الأمريكي ... كما قال الجيش: the American army), if one is near."""
    last: dict[str, Mention] = {}
    for m in sorted(out, key=lambda x: x.start):
        head = doc.tokens[m.tok_start].base
        aid = m.actor_id or ""
        if not aid.startswith(("mil_", "pol_")):
            continue
        prev = last.get(head)
        if (
            m.filled
            and m.tok_end - m.tok_start == 1
            and prev is not None
            and prev.actor_id != aid
            and prev.actor_id.split("_")[0] == aid.split("_")[0]
            and m.sentence - prev.sentence <= COREF_SENTENCES
        ):
            m.canonical, m.actor_id, m.side, m.country = (
                prev.canonical,
                prev.actor_id,
                prev.side,
                prev.country,
            )
            last[head] = m  # a chain: الجيش الأمريكي ... الجيش ... الجيش
            continue
        if not m.filled and m.tok_end - m.tok_start > 1:
            last[head] = m


def _punct_between_toks(doc: Doc, k: int) -> bool:
    """Punctuation between token k-1 and token k."""
    return k > 0 and any(c in doc.text[doc.tokens[k - 1].end : doc.tokens[k].start] for c in "،,.;؛:()[]\n")


def _verb_like(kb: KB, w: str) -> bool:
    """A word that reads as a verb rather than a name (يطالبون, تبقى, سعت, تلقوا)."""
    if w in kb.place_words or w.startswith("ال"):
        return False
    if w.endswith("وا") and len(w) >= 4:
        return True
    if w[:1] in "يت" and len(w) >= 4:
        return True
    if w[:2] in ("سي", "ست", "سن") and len(w) >= 5:
        return True
    return len(w) == 3 and w.endswith("ت")


def _name_tokens(doc: Doc, kb: KB, start: int, limit: int = 3, person: bool = False) -> int:
    """End token (exclusive) of a name starting at token ``start`` (``start`` itself: no name)."""
    toks = doc.tokens
    if start <= 0 or start >= len(toks):
        return start
    sent = toks[start - 1].sentence
    j = start
    while j < len(toks) and j - start < limit:
        t = toks[j]
        w = t.norm
        if t.sentence != sent:
            break
        gap = doc.text[toks[j - 1].end : t.start]
        if any(ch in gap for ch in "،,.;؛:()[]\n–"):
            break
        if w in kb.words["name_stop"] or (w[:1] in "وف" and w[1:] in kb.words["name_stop"]):
            break
        if w.startswith("و") and len(w) > 2 and w not in kb.place_words:
            break  # "و..." starts the next conjunct
        if w.startswith(("لل", "بال", "لت", "لي", "لا", "كال", "فال")):
            break  # a prepositional phrase or a purpose clause
        if _verb_like(kb, w):
            break
        if person and j > start and (w in kb.role_words or (w[:1] in "وف" and w[1:] in kb.role_words)):
            break  # "<name> رئيس المجلس": the role of the name starts
        if (
            not person
            and w[:1] == "ل"
            and len(w) > 4
            and w not in kb.place_words
            and w[1:] not in kb.place_words
        ):
            break  # لمتشددي: a prepositional phrase, not a name
        if person and j > start and w[:1] == "ل":
            break  # لقناتي: a prepositional phrase after the name
        if (
            j > start
            and not person
            and not (w.startswith("ال") or w[:1].isdigit() or toks[j - 1].norm in kb.construct)
            and not toks[j - 1].norm[:1].isdigit()
        ):
            break  # a bare word continues a name only after أبو / فرسان / مدينة ...
        j += 1
    return j


def _head_with_known(doc: Doc, g, nxt, end: int, kind: str, framing: str) -> Mention:
    """A group head joined to the known actor after it (عناصر داعش, كتيبة + a known brigade): that actor."""
    return Mention(
        g.start,
        end,
        doc.text[g.start : end],
        canonical=nxt.canonical,
        actor_id=nxt.actor_id,
        kind=kind,
        side=nxt.side,
        country=nxt.country,
        framing=framing,
        sentence=nxt.sentence,
        tok_start=g.tok_start,
        tok_end=nxt.tok_end,
        prefix=g.prefix,
        origin="group",
        known=True,
    )


def _group_mentions(
    doc: Doc, kb: KB, known: list[Mention], country: str | None
) -> tuple[list[Mention], set[int]]:
    """Mentions from generic heads; returns new mentions and ids of known mentions they absorb."""
    by_start = {m.tok_start: m for m in known}
    covered = set()
    for m in known:
        covered.update(range(m.tok_start, m.tok_end))
    out: list[Mention] = []
    absorbed: set[int] = set()
    bare_heads = {
        m.tok_start: m
        for m in known
        if m.tok_end - m.tok_start == 1
        and (m.origin == "kb")
        and (phrase_key(m.text) in kb.head_keys or phrase_key(m.text) in kb.civic_keys)
    }
    for g in kb.group_matcher.find(doc):
        head = g.payloads[0]
        bare = bare_heads.get(g.tok_start)
        if bare is not None and head.mode == "civic" and head.kind == "civilians":
            k = g.tok_end
            if (
                k < len(doc.tokens)
                and doc.tokens[k].base in kb.place_country
                and not _punct_between_toks(doc, k)
            ):
                # أهالي الزاوية: the civilians of that place
                absorbed.add(id(bare))
                iso = kb.place_country[doc.tokens[k].base]
                civ = kb.actors["civilians"]
                canonical, aid, _side = kb.fill(civ, iso)
                end_raw = doc.tokens[k].end
                out.append(
                    Mention(
                        g.start,
                        end_raw,
                        doc.text[g.start : end_raw],
                        canonical=canonical,
                        actor_id=aid,
                        kind="civilians",
                        country=kb.country_name(iso),
                        sentence=doc.tokens[g.tok_start].sentence,
                        tok_start=g.tok_start,
                        tok_end=k + 1,
                        prefix=g.prefix,
                        origin="group",
                        known=True,
                    )
                )
                covered.update(range(g.tok_start, k + 1))
            continue
        if bare is not None and head.mode == "both":
            end = _name_tokens(doc, kb, g.tok_end)
            first = doc.tokens[g.tok_end].norm if g.tok_end < len(doc.tokens) else ""
            if first.startswith("ال") and not first.endswith(("يه", "ي", "يين", "يون")):
                end = (
                    g.tok_end
                )  # المليشيات المتواصلة: an adjective, not a name (names here are nisbas: الأمازيغية)
            if end > g.tok_end and not any(i in covered for i in range(g.tok_end, end)):
                # الميليشيات الأمازيغية: a named group, not the bare word's reading
                absorbed.add(id(bare))
                text = doc.text[g.start : doc.tokens[end - 1].end]
                out.append(
                    Mention(
                        g.start,
                        doc.tokens[end - 1].end,
                        text,
                        canonical=norm_name(text),
                        kind=head.kind,
                        country=kb.country_name(country),
                        framing=head.framing,
                        sentence=doc.tokens[g.tok_start].sentence,
                        tok_start=g.tok_start,
                        tok_end=end,
                        prefix=g.prefix,
                        origin="group",
                        known=False,
                    )
                )
                covered.update(range(g.tok_start, end))
            continue
        if g.tok_start in covered:
            continue
        toks = doc.tokens
        nxt = by_start.get(g.tok_end)
        gap = doc.text[g.end : nxt.start] if nxt is not None else ""
        if (
            nxt is not None
            and nxt.known
            and nxt.kind != "civilians"
            and not any(c in gap for c in "،,.;؛:")
            and head.mode in ("descriptor", "both")
            and nxt.prefix in ("", "ال")
        ):
            # descriptor + known actor: the known actor, framed by the descriptor
            framing = "hostile" if head.framing == "hostile" else nxt.framing
            text_end = nxt.end
            kind = nxt.kind
            if kind == "person":  # طائرات حفتر: the person's forces
                base = kb.actors.get(nxt.actor_id or "")
                kind = base.kind if base else "militia"
            out.append(_head_with_known(doc, g, nxt, text_end, kind, framing))
            absorbed.add(id(nxt))
            continue
        if (
            nxt is not None
            and head.mode in ("named", "both")
            and nxt.known
            and nxt.prefix == ""
            and nxt.kind in ("militia", "rebel")
            and not gap.strip()
        ):
            # كتيبة + known brigade name
            framing = nxt.framing if head.framing != "hostile" else "hostile"
            out.append(_head_with_known(doc, g, nxt, nxt.end, nxt.kind, framing))
            absorbed.add(id(nxt))
            continue
        if head.mode == "descriptor":
            continue
        if (
            head.mode == "civic"
            and head.kind == "civilians"
            and nxt is not None
            and getattr(nxt, "country_name", False)
            and not gap.strip()
        ):
            # سكان ليبيا: the civilians of that country
            iso = (nxt.actor_id or "")[len("country_") :]
            civ_actor = kb.actors.get(f"civilians_{iso}")
            if civ_actor is not None:
                absorbed.add(id(nxt))
                out.append(
                    Mention(
                        g.start,
                        nxt.end,
                        doc.text[g.start : nxt.end],
                        canonical=civ_actor.canonical,
                        actor_id=civ_actor.id,
                        kind="civilians",
                        country=kb.country_name(iso),
                        sentence=nxt.sentence,
                        tok_start=g.tok_start,
                        tok_end=nxt.tok_end,
                        prefix=g.prefix,
                        origin="group",
                        known=True,
                    )
                )
                covered.update(range(g.tok_start, nxt.tok_end))
                continue
        head_tok = toks[g.tok_start]
        has_article = head_tok.norm[len(g.prefix) :].startswith("ال") or g.prefix.endswith("ال")
        if has_article and head.mode != "both" and not norm(head.head).startswith("ال"):
            continue  # الكتيبة, القبيلة: anaphoric, names nothing
        end = _name_tokens(doc, kb, g.tok_end)
        if end == g.tok_end:
            continue  # a bare head: no name, no actor
        if head.mode == "civic" and end - g.tok_end > 1 and toks[g.tok_end].norm not in kb.construct:
            end = g.tok_end + 1  # أهالي طرابلس, أعيان مصراتة: one place word (or مدينة X)
        if any(i in covered for i in range(g.tok_end, end)):
            end = min(i for i in range(g.tok_end, end) if i in covered)
            if end == g.tok_end:
                continue
        start_raw, end_raw = g.start, toks[end - 1].end
        text = doc.text[start_raw:end_raw]
        sent = toks[g.tok_start].sentence
        if head.mode == "civic" and head.kind == "civilians":
            actor = kb.actors["civilians"]
            place_iso = next(
                (kb.place_country[t.base] for t in toks[g.tok_end : end] if t.base in kb.place_country), None
            )
            canonical, aid, side = kb.fill(actor, place_iso or country)
            out.append(
                Mention(
                    start_raw,
                    end_raw,
                    text,
                    canonical=canonical,
                    actor_id=aid,
                    kind="civilians",
                    country=kb.country_name(country),
                    sentence=sent,
                    tok_start=g.tok_start,
                    tok_end=end,
                    prefix=g.prefix,
                    origin="group",
                    known=True,
                )
            )
            continue
        canonical = norm_name(text)
        if head.mode == "civic":
            # أعيان مدينة مصراتة = أعيان مصراتة: the place word, without مدينة / منطقة
            words = canonical.split()
            canonical = " ".join(
                w for i, w in enumerate(words) if i == 0 or norm(w) not in kb.words["civic_filler"]
            )
        out.append(
            Mention(
                start_raw,
                end_raw,
                text,
                canonical=canonical,
                kind=head.kind,
                country=kb.country_name(country),
                framing=head.framing,
                sentence=sent,
                tok_start=g.tok_start,
                tok_end=end,
                prefix=g.prefix,
                origin="group",
                known=False,
            )
        )
        covered.update(range(g.tok_start, end))
    return out, absorbed


def _allegiance(doc: Doc, kb: KB, mentions: list[Mention]) -> list[Mention]:
    """مسلحين تابعين لـ X / عناصر موالية لـ X: the armed men are X's (or a group named by the whole phrase)."""
    toks = doc.tokens
    starts = {m.tok_start: m for m in mentions}
    drop: set[int] = set()
    out = []
    # generic units: مجموعة محسوبة على X, وحدات تابعة لـ X, القوات الموالية لـ X
    for k0 in range(len(toks) - 2):
        if toks[k0].norm not in kb.unit_words and toks[k0].base not in kb.unit_words:
            continue
        if toks[k0 + 1].norm not in kb.words["allegiance"] or toks[k0 + 1].sentence != toks[k0].sentence:
            continue
        own = starts.get(k0)  # القوات الموالية (a reading of its own) + لحكومة ... هادي
        if own is not None and own.tok_end != k0 + 2:
            continue
        k = k0 + 2
        if toks[k].norm in ("على", "علي") and k + 1 < len(toks):
            k += 1
        x = None
        for kk in range(k, min(k + 8, len(toks))):
            if toks[kk].sentence != toks[k0].sentence:
                break
            if kk in starts and starts[kk].known and starts[kk].kind not in ("civilians",):
                x = starts[kk]
                break
            if kk > k and any(c in doc.text[toks[kk - 1].end : toks[kk].start] for c in "،,.;؛:"):
                break
        if x is None or id(x) in drop:
            continue
        canonical, aid, kind, side = x.canonical, x.actor_id, x.kind, x.side
        base = kb.actors.get(aid or "")
        if (toks[k0].norm in kb.words["force_unit"] or toks[k0].base in kb.words["force_unit"]) and (
            x.kind == "person" or (base and base.id.startswith(("gov_", "yemen_gov")))
        ):
            forces = next((a for a in kb.actors.values() if a.canonical == x.side), None)
            if forces is not None:  # القوات الموالية لهادي: the forces of the government's side
                canonical, aid, kind, side = forces.canonical, forces.id, forces.kind, forces.side
        if kind == "person":
            kind = base.kind if base else "militia"
        start = toks[k0].start
        text = doc.text[start : x.end]
        out.append(
            Mention(
                start,
                x.end,
                text,
                canonical=canonical,
                actor_id=aid,
                kind=kind,
                side=side,
                country=x.country,
                framing=x.framing,
                sentence=x.sentence,
                tok_start=k0,
                tok_end=x.tok_end,
                origin="group",
                known=True,
            )
        )
        drop.add(id(x))
        if own is not None:
            drop.add(id(own))
    for m in sorted(mentions, key=lambda x: x.tok_start):
        if id(m) in drop or not (m.actor_id or "").startswith("unidentified"):
            continue
        k = m.tok_end
        if k >= len(toks) or toks[k].norm not in kb.words["allegiance"] or toks[k].sentence != m.sentence:
            continue
        k += 1
        if k < len(toks) and toks[k].norm[:1] == "ل" and toks[k].norm[1:] in kb.words["one_of"]:
            k += 1
        x = starts.get(k)
        if x is None or x.kind in ("civilians", "person"):
            continue
        text = doc.text[m.start : x.end]
        merged = Mention(
            m.start,
            x.end,
            text,
            sentence=m.sentence,
            tok_start=m.tok_start,
            tok_end=x.tok_end,
            prefix=m.prefix,
            origin="group",
            framing=m.framing,
        )
        if x.known:
            merged.canonical, merged.actor_id, merged.kind = x.canonical, x.actor_id, x.kind
            merged.side, merged.country, merged.known = x.side, x.country, True
        else:
            merged.canonical, merged.kind, merged.country = norm_name(text), "militia", m.country
        drop.update((id(m), id(x)))
        out.append(merged)
    return [m for m in mentions if id(m) not in drop] + out


TITLE_NAME_MAX = 4


def _role_mentions(doc: Doc, kb: KB, mentions: list[Mention]) -> tuple[list[Mention], set[int]]:
    """People introduced by a role (الناطق باسم X) or a title (اللواء <name>)."""
    toks = doc.tokens
    starts = {m.tok_start: m for m in mentions}
    covered = {}
    for m in mentions:
        for i in range(m.tok_start, m.tok_end):
            covered[i] = m
    out: list[Mention] = []
    absorbed: set[int] = set()
    for r in kb.role_matcher.find(doc):
        cue = r.payloads[0]
        if r.tok_start in covered:
            continue
        sent = toks[r.tok_start].sentence
        if cue.type == "role":
            # affiliation: the first known actor right after the cue (skipping one linking word)
            aff = None
            j = r.tok_end
            skipped = 0
            while j < len(toks) and j < r.tok_end + 6 and toks[j].sentence == sent and skipped <= 2:
                gap = doc.text[toks[j - 1].end : toks[j].start]
                if any(c in gap for c in "،,.;؛:"):
                    break
                m = starts.get(j)
                if m is not None:
                    if m.known and m.kind != "person" and m.kind != "civilians":
                        aff = m
                        if (
                            m.canonical
                            and "{" not in m.canonical
                            and not m.actor_id.startswith(("mil_", "pol_"))
                        ):
                            break
                    j = m.tok_end
                    continue
                if toks[j].norm in kb.words["name_stop"]:
                    break
                skipped += 1
                j += 1
            if aff is None:
                continue
            end_tok = aff.tok_end
            # a name after the affiliation: title + name, or a known person
            k = end_tok
            name_end = None
            if (
                k < len(toks)
                and toks[k].sentence == sent
                and not any(c in doc.text[toks[k - 1].end : toks[k].start] for c in "،,.;؛:")
            ):
                pm = starts.get(k)
                if pm is not None and pm.kind == "person":
                    name_end = pm.tok_end
                    absorbed.add(id(pm))
                    if pm.known:
                        aff = pm  # the curated affiliation of a known person wins over the body named
                else:
                    t = kb.role_matcher.lookup(toks[k].norm)
                    if t and t[0].type == "title":
                        e = _name_tokens(doc, kb, k + 1, TITLE_NAME_MAX, person=True)
                        if e > k + 1:
                            name_end = e
            if name_end is not None:
                end_tok = name_end
            s, e = r.start, toks[end_tok - 1].end
            absorbed.add(id(aff))
            canonical, actor_id = aff.canonical, aff.actor_id
            if getattr(aff, "country_name", False) and (aff.actor_id or "").startswith("country_"):
                gov = kb.actors.get("gov_" + aff.actor_id[len("country_") :])
                if gov is not None:  # وزير خارجية قطر: the government of Qatar
                    canonical, actor_id = gov.canonical, gov.id
            out.append(
                Mention(
                    s,
                    e,
                    doc.text[s:e],
                    canonical=canonical,
                    actor_id=actor_id,
                    kind="person",
                    side=aff.side,
                    country=aff.country,
                    framing=aff.framing,
                    role=cue.role,
                    sentence=sent,
                    tok_start=r.tok_start,
                    tok_end=end_tok,
                    prefix=r.prefix,
                    origin="role",
                    known=True,
                )
            )
            for i in range(r.tok_start, end_tok):
                covered[i] = out[-1]
        else:
            # title + personal name not in the knowledge base
            if r.tok_end in starts:
                continue
            if toks[r.tok_end].norm.startswith("ال") if r.tok_end < len(toks) else True:
                continue  # اللواء الأول مشاة: a unit, not a person (names do not take the article)
            e = _name_tokens(doc, kb, r.tok_end, TITLE_NAME_MAX, person=True)
            if e < r.tok_end + 2 or any(i in covered for i in range(r.tok_end, e)):
                continue
            if toks[r.tok_end].norm[:1].isdigit():
                continue  # اللواء 106: a brigade, not a person
            s, en = r.start, toks[e - 1].end
            pm = Mention(
                s,
                en,
                doc.text[s:en],
                canonical=None,
                kind="person",
                role=cue.role,
                sentence=sent,
                tok_start=r.tok_start,
                tok_end=e,
                prefix=r.prefix,
                origin="role",
                known=False,
            )
            # an apposition after a comma: "<name>، آمر <org>" gives the affiliation
            out.append(pm)
            for i in range(r.tok_start, e):
                covered[i] = pm
    # apposition: a title+name person right after or before a role mention, set off by a comma
    by_start = {m.tok_start: m for m in out}
    by_end = {m.tok_end: m for m in out}
    for pm in out:
        if pm.origin == "role" and not pm.known:
            prv = by_end.get(pm.tok_start)
            if (
                prv is not None
                and prv.known
                and prv.kind == "person"
                and doc.text[prv.end : pm.start].strip() in ("،", ",")
            ):
                pm.canonical, pm.actor_id, pm.side, pm.country = (
                    prv.canonical,
                    prv.actor_id,
                    prv.side,
                    prv.country,
                )
                pm.role, pm.known = prv.role, True
    for pm in out:
        if pm.origin == "role" and not pm.known:
            nxt = by_start.get(pm.tok_end)
            if nxt is not None and nxt.known and nxt.kind == "person":
                gap = doc.text[pm.end : nxt.start]
                if gap.strip() in ("،", ","):
                    pm.canonical, pm.actor_id, pm.side, pm.country = (
                        nxt.canonical,
                        nxt.actor_id,
                        nxt.side,
                        nxt.country,
                    )
                    pm.role = nxt.role
                    pm.known = True
    return out, absorbed


ANAPHOR_SENTENCES = 4  # how far back an anaphor (التنظيم) looks for its actor


def _anaphors(doc: Doc, kb: KB, mentions: list[Mention]) -> list[Mention]:
    """التنظيم / الجماعة standing alone: the last known actor named with that head (تنظيم داعش ... التنظيم)."""
    covered = set()
    for m in mentions:
        covered.update(range(m.tok_start, m.tok_end))
    ordered = sorted((m for m in mentions if m.known and m.canonical), key=lambda m: m.start)
    out = []
    for t in doc.tokens:
        if (
            t.index in covered
            or t.base not in kb.anaphors
            or not (t.prefix.endswith("ال") or t.prefix.endswith("لل"))
        ):
            continue
        prev = [
            m
            for m in ordered
            if m.end <= t.start
            and t.sentence - m.sentence <= ANAPHOR_SENTENCES
            and phrase_key(m.text)[:1] == (t.base,)
        ]
        if not prev and t.base == "تنظيم":
            # التنظيم after داعش / القاعدة: the last armed organisation named
            prev = [
                m
                for m in ordered
                if m.end <= t.start and t.sentence - m.sentence <= ANAPHOR_SENTENCES and m.kind == "rebel"
            ]
        if not prev:
            continue
        a = prev[-1]
        keep = len(t.prefix) - (1 if t.prefix.endswith("لل") else 2)  # proclitics before the article
        start = (
            doc.raw_span(doc.raw_to_norm(t.start) + keep, doc.raw_to_norm(t.end))[0] if keep > 0 else t.start
        )
        proclitics = t.prefix[: max(keep, 0)]
        out.append(
            Mention(
                start,
                t.end,
                doc.text[start : t.end],
                canonical=a.canonical,
                actor_id=a.actor_id,
                kind=a.kind,
                side=a.side,
                country=a.country,
                framing=a.framing,
                sentence=t.sentence,
                tok_start=t.index,
                tok_end=t.index + 1,
                prefix=proclitics,
                origin="anaphor",
                known=True,
            )
        )
    return out


def _ner_mentions(doc: Doc, resources: Resources, taken: list[Mention], country: str | None) -> list[Mention]:
    from rasid.actors.ner import tag_doc

    out = []
    covered = set()
    for m in taken:
        covered.update(range(m.tok_start, m.tok_end))
    kb: KB = resources.get("actor_kb")
    for label, ts, te in tag_doc(doc, resources):
        if label not in ("ORG", "PERS") or any(i in covered for i in range(ts, te)):
            continue
        s, e = doc.tokens[ts].start, doc.tokens[te - 1].end
        text = doc.text[s:e]
        if label == "ORG":
            out.append(
                Mention(
                    s,
                    e,
                    text,
                    canonical=norm_name(text),
                    kind="organisation",
                    country=kb.country_name(country),
                    sentence=doc.tokens[ts].sentence,
                    tok_start=ts,
                    tok_end=te,
                    origin="ner",
                )
            )
        else:
            out.append(
                Mention(
                    s,
                    e,
                    text,
                    canonical=None,
                    kind="person",
                    sentence=doc.tokens[ts].sentence,
                    tok_start=ts,
                    tok_end=te,
                    origin="ner",
                )
            )
    return out


def find_mentions(doc: Doc, resources: Resources) -> list[Mention]:
    kb: KB = resources.get("actor_kb")
    year = doc.meta.published.year if doc.meta.published else None
    country = infer_country(doc, kb, tuple(resources.options.default_countries))
    doc.user["actors.country"] = country
    doc.user["actors.country_name"] = kb.country_name(country)
    doc.user["actors.kb"] = kb
    ctx = build_context(doc, kb, country)
    doc.user["actors.context"] = ctx
    known = _kb_mentions(doc, kb, country, year, ctx)
    groups, absorbed = _group_mentions(doc, kb, known, country)
    mentions = [m for m in known if id(m) not in absorbed] + groups
    mentions = _allegiance(doc, kb, mentions)
    roles, absorbed2 = _role_mentions(doc, kb, mentions)
    role_tokens = set()
    for r in roles:
        role_tokens.update(range(r.tok_start, r.tok_end))
    mentions = [
        m
        for m in mentions
        if id(m) not in absorbed2 and not (set(range(m.tok_start, m.tok_end)) & role_tokens)
    ]
    mentions += roles
    mentions += _anaphors(doc, kb, mentions)
    if resources.options.use_ner:
        from rasid.actors.ner import model_available

        if model_available(resources):
            mentions += _ner_mentions(doc, resources, mentions, country)
    mentions.sort(key=lambda m: (m.start, -m.end))
    # drop overlaps (keep the earlier, longer one)
    out: list[Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


@stage("actors", requires=("sentences", "tokens"), assigns=("actors",))
def actors_stage(doc: Doc, resources: Resources) -> None:
    """Assign ``doc.actors``."""
    doc.actors = list(find_mentions(doc, resources))
