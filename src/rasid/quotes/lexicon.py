"""The quote stage's word lists (data/*.tsv), loaded once per ``Resources``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rasid.options import Options
from rasid.resources import data_tsv, resource
from rasid.text.matcher import PhraseMatcher, phrase_key
from rasid.text.normalise import norm

PKG = "rasid.quotes.data"


@dataclass(frozen=True)
class Cue:
    form: str
    kind: str  # say | via | about | according | participle | describe
    gender: str  # m | f | p | -
    denial: bool
    conj_required: bool


@dataclass
class QuoteLexicon:
    cues: PhraseMatcher
    titles: PhraseMatcher
    heads: PhraseMatcher
    head_kind: dict[tuple[str, ...], str] = field(default_factory=dict)
    title_words: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)  # base forms (no article)
    stops: set[str] = field(default_factory=set)  # normalised forms
    media: set[str] = field(default_factory=set)  # base forms of media heads (first word)
    manner: set[str] = field(default_factory=set)  # base forms of statement-occasion nouns (تصريح، بيان)
    after_cue: set[str] = field(default_factory=set)  # normalised words skipped between a cue and its speaker


@lru_cache(maxsize=65536)
def key1(word: str) -> str:
    """The base form of one word (normalised, one article removed)."""
    k = phrase_key(word)
    return k[0] if k else ""


def build_lexicon() -> QuoteLexicon:
    cues = PhraseMatcher()
    for row in data_tsv(PKG, "cues.tsv"):
        cues.add(
            row["form"],
            Cue(row["form"], row["kind"], row["gender"], row["denial"] == "1", row["conj"] == "req"),
        )
    titles = PhraseMatcher()
    title_words: set[str] = set()
    for row in data_tsv(PKG, "titles.tsv"):
        titles.add(row["title"], row["title"])
        title_words.add(norm(row["title"]).split()[0])
    heads = PhraseMatcher()
    head_kind: dict[tuple[str, ...], str] = {}
    media: set[str] = set()
    for row in data_tsv(PKG, "speaker_heads.tsv"):
        heads.add(row["head"], row["kind"])
        head_kind[phrase_key(row["head"])] = row["kind"]
        if row["kind"] == "media":
            media.add(phrase_key(row["head"])[0])
    roles = {key1(r["role"]) for r in data_tsv(PKG, "roles.tsv")}
    stops = {norm(r["word"]) for r in data_tsv(PKG, "stops.tsv")}
    manner = {key1(r["word"]) for r in data_tsv(PKG, "manner.tsv")}
    after_cue = {norm(r["word"]) for r in data_tsv(PKG, "after_cue.tsv")}
    return QuoteLexicon(cues, titles, heads, head_kind, title_words, roles, stops, media, manner, after_cue)


@resource("quotes.lexicon")
def _load(options: Options) -> QuoteLexicon:
    return build_lexicon()
