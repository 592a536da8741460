"""The shipped Arabic gazetteer and the place lexicon built from it (loaded once per Resources).

``places.lexicon`` holds:
  * ``places``: id -> ``Place`` (rows of data/gazetteer.tsv, built by tools/build_gazetteer.py);
  * ``matcher``: a PhraseMatcher over every Arabic name (payload ``("name", id)``) and nisba adjective
    (payload ``("nisba", id)``), minus the stop-listed names of mode ``never``;
  * ``stop_cue``: names matched only after a place-type noun or a direction (data/stoplist.tsv);
  * cue word sets (data/cues.tsv) and English country names.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field

from rasid.options import Options
from rasid.resources import data_bytes, data_text, data_tsv, resource
from rasid.text.matcher import PhraseMatcher, phrase_key
from rasid.text.normalise import norm

DATA = "rasid.places.data"

FACILITY = {
    "airport",
    "airbase",
    "base",
    "port",
    "oil_terminal",
    "oilfield",
    "college",
    "checkpoint",
    "border_crossing",
    "landmark",
    "road",
    "camp",
    "prison",
}
SETTLEMENT = {"capital", "city", "town", "village", "hamlet"}
AREA = {"admin1", "region", "mountain"}


@dataclass
class Place:
    id: str
    name_ar: str
    names_ar: list[str]
    nisba_ar: list[str]
    name_en: str
    feature: str
    lat: float
    lon: float
    admin1: str
    country: str  # ISO2
    population: int
    parent: str
    capital: str
    source: str
    country_name: str = ""

    @property
    def kind(self) -> str:
        if self.feature == "country":
            return "country"
        if self.feature in AREA:
            return "area"
        if self.feature in FACILITY:
            return "facility"
        if self.feature == "district":
            return "district"
        return "settlement"


@dataclass
class Lexicon:
    places: dict[str, Place]
    matcher: PhraseMatcher
    stop_cue: set[tuple[str, ...]]
    stop_article: set[tuple[str, ...]]
    heads: set[tuple[str, ...]]
    near: set[tuple[str, ...]]
    nisba_heads: set[tuple[str, ...]]
    capital_words: set[tuple[str, ...]]
    not_name: set[str]
    titles: set[tuple[str, ...]]
    demonstratives: set[tuple[str, ...]]
    person_next: set[str]
    idiom_next: set[str]
    country_names: dict[str, str] = field(default_factory=dict)  # ISO2 -> English
    checksum: str = ""
    affiliation: set[tuple[str, ...]] = field(default_factory=set)
    border: set[tuple[str, ...]] = field(default_factory=set)
    street: set[tuple[str, ...]] = field(default_factory=set)
    continuation: set[tuple[str, ...]] = field(default_factory=set)
    anaphor: set[tuple[str, ...]] = field(default_factory=set)
    article_only: set[tuple[str, tuple[str, ...]]] = field(default_factory=set)  # (place id, key)
    generic_local: set[tuple[str, ...]] = field(default_factory=set)
    person_like: set[tuple[str, ...]] = field(default_factory=set)
    place_of: set[tuple[str, ...]] = field(default_factory=set)
    prepositions: set[tuple[str, ...]] = field(default_factory=set)
    distance: set[tuple[str, ...]] = field(default_factory=set)
    locative: set[tuple[str, ...]] = field(default_factory=set)
    exact_forms: set[str] = field(default_factory=set)
    quarters: set[str] = field(default_factory=set)  # شرق غرب شمال جنوب
    outlet_heads: set[str] = field(default_factory=set)  # صحيفة, قناة: a quoted name after them is an outlet
    admin1_acled: dict[tuple[str, str], str] = field(
        default_factory=dict
    )  # (ISO2, GeoNames) -> ACLED  # raw spellings that lift a "cue" stop ("إب")

    def country_place(self, iso2: str) -> Place | None:
        return self.places.get(f"c.{iso2}")


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def load_places() -> dict[str, Place]:
    out: dict[str, Place] = {}
    for r in data_tsv(DATA, "gazetteer.tsv"):
        out[r["id"]] = Place(
            id=r["id"],
            name_ar=r["name_ar"],
            names_ar=[n for n in r["names_ar"].split("|") if n],
            nisba_ar=[n for n in r["nisba_ar"].split("|") if n],
            name_en=r["name_en"],
            feature=r["feature"],
            lat=float(r["lat"]),
            lon=float(r["lon"]),
            admin1=r["admin1"],
            country=r["country"],
            population=int(r["population"] or 0),
            parent=r["parent"],
            capital=r["capital"],
            source=r["source"],
            country_name=r.get("country_name", ""),
        )
    return out


def verify_checksum() -> str:
    """The sha256 of the shipped gazetteer; raises if it does not match gazetteer.tsv.sha256."""
    digest = hashlib.sha256(data_bytes(DATA, "gazetteer.tsv")).hexdigest()
    expected = data_text(DATA, "gazetteer.tsv.sha256").split()[0]
    if digest != expected:
        raise ValueError(
            f"gazetteer.tsv checksum {digest} != {expected}: rebuild with tools/build_gazetteer.py"
        )
    return digest


@resource("places.lexicon")
def load_lexicon(options: Options) -> Lexicon:
    places = load_places()
    stop_never: set[tuple[str, ...]] = set()
    stop: dict[str, set[tuple[str, ...]]] = {"never": set(), "cue": set(), "article": set()}
    for r in data_tsv(DATA, "stoplist.tsv"):
        if r["mode"] not in stop:
            raise ValueError(f"stoplist.tsv: unknown mode {r['mode']!r} for {r['name']!r}")
        stop[r["mode"]].add(phrase_key(r["name"]))
    stop_never = stop["never"]
    matcher = PhraseMatcher()
    article_only: set[tuple[str, tuple[str, ...]]] = set()
    small = {"district", "village", "hamlet"}
    for p in places.values():
        if p.feature in small:
            keys = {}
            for n in p.names_ar:
                k = phrase_key(n)
                if len(k) == 1:
                    keys.setdefault(k, set()).add(norm(n).startswith("ال"))
            article_only.update((p.id, k) for k, arts in keys.items() if arts == {True})
    for p in places.values():
        for n in p.names_ar:
            if phrase_key(n) not in stop_never:
                matcher.add(n, ("name", p.id))
        for n in p.nisba_ar:
            matcher.add(n, ("nisba", p.id))
    cues: dict[str, set[tuple[str, ...]]] = {}
    exact_forms: set[str] = set()
    for r in data_tsv(DATA, "cues.tsv"):
        cues.setdefault(r["kind"], set()).add(phrase_key(r["phrase"]))
        if r["kind"] == "exact_form":
            exact_forms.add(r["phrase"])
    country_names = {p.country: p.country_name for p in places.values() if p.country_name}
    country_names.update({p.country: p.name_en for p in places.values() if p.feature == "country"})
    return Lexicon(
        places=places,
        matcher=matcher,
        stop_cue=stop["cue"],
        stop_article=stop["article"],
        heads=cues.get("head", set()),
        near=cues.get("near", set()),
        nisba_heads=cues.get("nisba_head", set()),
        capital_words=cues.get("capital", set()),
        not_name={k[0] for k in cues.get("not_name", set()) if len(k) == 1},
        titles=cues.get("title", set()),
        demonstratives=cues.get("demonstrative", set()),
        person_next={k[0] for k in cues.get("person_next", set()) if len(k) == 1},
        idiom_next={k[0] for k in cues.get("idiom_next", set()) if len(k) == 1},
        country_names=country_names,
        checksum=verify_checksum(),
        affiliation=cues.get("affiliation", set()),
        border=cues.get("border", set()),
        street=cues.get("street", set()),
        continuation=cues.get("continuation", set()),
        anaphor=cues.get("anaphor", set()),
        distance=cues.get("distance", set()),
        article_only=article_only,
        generic_local=cues.get("generic_local", set()),
        person_like=cues.get("person_like", set()),
        place_of=cues.get("place_of", set()),
        prepositions=cues.get("preposition", set()),
        locative=cues.get("locative", set()),
        exact_forms=exact_forms,
        quarters={k[0] for k in cues.get("quarter", set()) if len(k) == 1},
        outlet_heads={k[0] for k in cues.get("outlet", set()) if len(k) == 1},
        admin1_acled={
            (r["country"], r["admin1"]): r["acled_admin1"] for r in data_tsv(DATA, "admin1_acled.tsv")
        },
    )
