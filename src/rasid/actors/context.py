"""Country context: which country a generic or country-parameterised actor belongs to, from the nearest evidence.

An article's country is a poor guide in a roundup (a Saudi paper on Yemen, Syria and Iraq; a Tunisian radio piece
on Libya; a piece on arrests in Italy of smugglers based in Libya). ``CountryContext`` collects the country
evidence of every sentence -- country names, nationality adjectives and cue words (cities, leaders) from
``countries.tsv``, and the places the places stage resolved (``doc.places``, filled before the actors stage) -- and
answers, for a token, the country of the nearest evidence: the same sentence (weighted by distance in tokens), else
the same paragraph (weighted by distance in sentences, the sentences before counting more), else the article.

The article's country keeps a bonus at each level, so one passing mention of another country (أدانت فرنسا)
does not move a sentence; a country name used as an actor (قصفت تركيا) weighs less than one used as a place
(في سوريا, بليبيا). ``allowed`` restricts the answer to the countries a name can denote (the ``country`` column of
``aliases.tsv``: الجيش الوطني is an army in Libya, Yemen, Tunisia and Egypt only).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from rasid.doc import Doc

_CLAUSE_MARK = re.compile("[،,;؛:]")  # between two tokens: a new clause

# weight of one piece of evidence by kind
W_NAME_PLACE = 3.0  # في سوريا, بليبيا: the country as a place
W_NAME_MOTION = 1.5  # متوجها إلى مصر, قادمين من ليبيا: where the actor comes from or goes to
W_NAME_ACTOR = 1.0  # قصفت تركيا: the country as an actor (its setting may be elsewhere)
W_CUE = 2.0  # a city or region of the country (مدنين, الرقة), a leader (أردوغان)
W_PLACE = 2.5  # a place the places stage resolved to the country (باليرمو)
W_ADJ = 1.0  # a nationality adjective (التونسية, التركي)
W_ADJ_ACTOR = 0.3  # a nationality adjective inside an actor's name (الطائرات التركية): who acts, not where
TOKEN_SCALE = 6.0  # evidence this many tokens away counts half
CLAUSE_FACTOR = 0.7  # each comma, semicolon or colon between the evidence and the token weakens it
# a place right after the name (تنظيم داعش في ليبيا, أنصار الشريعة في تونس) counts this many times
ATTACHED = 3.0
# the article's country in a sentence with evidence: base + factor * its share of the article's evidence
SENTENCE_BONUS = (0.3, 1.0)
PARAGRAPH_BONUS = (0.5, 0.5)  # the same inside a paragraph whose other sentences have evidence
MIN_PARAGRAPH = 1.0  # paragraph evidence below this is not enough to leave the article's country


@dataclass
class Evidence:
    tok: int
    sentence: int
    iso: str
    weight: float
    clause: int = 0  # index of the clause (comma-separated stretch) within the sentence
    place: bool = False  # written as a place (في X, بX), not as an actor or an adjective


@dataclass
class CountryContext:
    article: str | None
    by_sentence: dict[int, list[Evidence]] = field(default_factory=dict)
    paragraph: list[int] = field(default_factory=list)  # sentence index -> paragraph index
    clause_of: list[int] = field(default_factory=list)  # token index -> clause index in its sentence
    share: float = 0.0  # the article country's share of all the evidence in the article
    actor_names: set[int] = field(
        default_factory=set
    )  # tokens of country names written as actors (قصفت تركيا)

    def sentence_scores(self, sentence: int, tok: int | None = None, end: int | None = None) -> Counter[str]:
        score: Counter[str] = Counter()
        for e in self.by_sentence.get(sentence, ()):
            if tok is not None and end is not None and tok <= e.tok < end:
                continue  # the name's own words (الشرعية, الجيش السوري): its readings decide, not its evidence
            w = e.weight
            if end is not None and e.place and 0 <= e.tok - end <= 2:
                w *= ATTACHED
            elif tok is not None:
                # tokens between the evidence and the nearer edge of the name
                d = e.tok - end + 1 if end is not None and e.tok >= end else abs(e.tok - tok)
                w /= 1.0 + d / TOKEN_SCALE
                if tok < len(self.clause_of):
                    w *= CLAUSE_FACTOR ** abs(self.clause_of[tok] - e.clause)
            score[e.iso] += w
        return score

    def paragraph_scores(self, sentence: int) -> Counter[str]:
        score: Counter[str] = Counter()
        if not (0 <= sentence < len(self.paragraph)):
            return score
        par = self.paragraph[sentence]
        for s, evs in self.by_sentence.items():
            if s == sentence or s >= len(self.paragraph) or self.paragraph[s] != par:
                continue
            dist = sentence - s if s < sentence else 2 * (s - sentence)  # what came before counts more
            for e in evs:
                score[e.iso] += e.weight / (1.0 + dist)
        return score

    def country(
        self, sentence: int, tok: int | None = None, allowed: set[str] | None = None, end: int | None = None
    ) -> str | None:
        """ISO2 of the country the nearest evidence points to. With ``allowed`` (the countries a name can denote),
        the article's country when the nearest evidence points elsewhere, None when that is not allowed either."""
        best = self._nearest(sentence, tok, end)
        if allowed is None or best in allowed:
            return best
        return self.article if self.article in allowed else None

    def _nearest(self, sentence: int, tok: int | None, end: int | None) -> str | None:
        for scores, bonus, floor in (
            (self.sentence_scores(sentence, tok, end), SENTENCE_BONUS, 0.0),
            (self.paragraph_scores(sentence), PARAGRAPH_BONUS, MIN_PARAGRAPH),
        ):
            if not scores or max(scores.values()) < floor:
                continue
            if self.article is not None:
                scores[self.article] += bonus[0] + bonus[1] * self.share
            top = max(scores.values())
            first = [c for c, v in scores.items() if v >= top - 1e-9]
            return self.article if self.article in first else first[0]
        return self.article


def build_context(doc: Doc, kb, article: str | None) -> CountryContext:
    """Collect the country evidence of every sentence of ``doc``."""
    ctx = CountryContext(article)
    toks = doc.tokens
    # clauses: commas, semicolons and colons cut a sentence
    clause = 0
    for i, t in enumerate(toks):
        if i > 0 and (toks[i - 1].sentence != t.sentence):
            clause = 0
        elif i > 0 and _CLAUSE_MARK.search(doc.text, toks[i - 1].end, t.start):
            clause += 1
        ctx.clause_of.append(clause)
    in_actor: set[int] = set()
    for m in kb.matcher.find(doc):
        if any(k == "alias" for k, _ in m.payloads) and m.tok_end - m.tok_start > 1:
            in_actor.update(range(m.tok_start, m.tok_end))
    covered: list[tuple[int, int]] = []
    name_end: dict[int, str] = {}  # token after a country name -> its country (الولايات المتحدة الأميركية)
    for m in kb.cue_matcher.find(doc):
        sent = toks[m.tok_start].sentence
        covered.append((m.start, m.end))
        if all(k == "adj" for k, _ in m.payloads) and name_end.get(m.tok_start) in {i for _, i in m.payloads}:
            continue  # the adjective of the name just before: one piece of evidence, not two
        if any(k == "name" for k, _ in m.payloads):
            name_end[m.tok_end] = m.payloads[0][1]
        prev = toks[m.tok_start - 1].norm if m.tok_start > 0 else ""
        motion = prev in kb.words.get("motion", set()) or m.prefix.endswith("ل")
        place_like = "ب" in m.prefix or prev in kb.words.get("locative", set()) or motion
        for kind, iso in m.payloads:
            if kind == "name":
                w = (W_NAME_MOTION if motion else W_NAME_PLACE) if place_like else W_NAME_ACTOR
                if not place_like:
                    ctx.actor_names.add(m.tok_start)
            elif kind == "cue":
                w = W_CUE
            else:
                w = W_ADJ_ACTOR if m.tok_start in in_actor else W_ADJ
            ctx.by_sentence.setdefault(sent, []).append(
                Evidence(m.tok_start, sent, iso, w, ctx.clause_of[m.tok_start], place_like and kind != "adj")
            )
    for p in getattr(doc, "places", None) or []:
        if not p.country or any(s <= p.start < e for s, e in covered):
            continue
        iso = _iso(kb, p.country)
        if iso is None:
            continue
        tok = _token_at(doc, p.start)
        if tok is None:
            continue
        sent = toks[tok].sentence
        ctx.by_sentence.setdefault(sent, []).append(
            Evidence(tok, sent, iso, W_PLACE, ctx.clause_of[tok], True)
        )
    total: Counter[str] = Counter()
    for evs in ctx.by_sentence.values():
        for e in evs:
            total[e.iso] += e.weight
    if article and total:
        ctx.share = total[article] / sum(total.values())
    # paragraphs: a line break between two sentences starts a new one
    par = 0
    prev_end = None
    for s in doc.sentences:
        if prev_end is not None and "\n" in doc.text[prev_end : s.start]:
            par += 1
        ctx.paragraph.append(par)
        prev_end = s.end
    return ctx


def _iso(kb, country: str) -> str | None:
    c = country.strip()
    if len(c) == 2 and c.upper() in kb.countries:
        return c.upper()
    for iso, ctry in kb.countries.items():
        if ctry.name_en.lower() == c.lower():
            return iso
    return None


def _token_at(doc: Doc, raw: int) -> int | None:
    lo, hi = 0, len(doc.tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc.tokens[mid].end <= raw:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(doc.tokens) else None
