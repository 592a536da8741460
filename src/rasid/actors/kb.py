"""The actor knowledge base: canonical actors, aliases with framing, people, role cues, group heads.

Everything is read from the TSV files in ``rasid.actors.data`` (see README.md there) once per
``Resources`` through the ``actor_kb`` resource. Alias readings depend on the article's country and
year: ``KB.resolve`` picks the reading that fits, and returns nothing rather than a wrong actor.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rasid.options import Options
from rasid.resources import data_tsv, resource
from rasid.text.matcher import PhraseMatcher, phrase_key
from rasid.text.normalise import norm

PKG = "rasid.actors.data"
FRAMINGS = ("neutral", "pro", "hostile")


@dataclass(frozen=True)
class Actor:
    id: str
    canonical: str
    acled_name: str
    kind: str
    side: str | None
    country: str  # ISO2 or '*' for a template
    start: int | None
    end: int | None
    source: str = ""

    @property
    def is_template(self) -> bool:
        return self.country == "*" and "{country}" in self.canonical


@dataclass(frozen=True)
class AliasRow:
    alias: str
    actor: str
    framing: str
    country: str | None
    start: int | None
    end: int | None
    priority: int
    source: str
    generated: bool = False


def _generated_alias(text: str, actor_id: str) -> AliasRow:
    """An alias the KB builds from a group head and a nationality adjective (lowest priority, any country)."""
    return AliasRow(text, actor_id, "neutral", None, None, None, -10, "generated", True)


@dataclass(frozen=True)
class PersonRow:
    name: str
    actor: str
    role: str
    start: int | None
    end: int | None


@dataclass(frozen=True)
class Country:
    iso2: str
    name_en: str
    names_ar: tuple[str, ...]
    adjectives: tuple[str, ...]
    cues: tuple[str, ...]
    prior: float = 1.0  # weight of this country's cues when inferring an article's country


@dataclass(frozen=True)
class GroupHead:
    head: str
    kind: str
    framing: str
    mode: str


@dataclass(frozen=True)
class RoleCue:
    cue: str
    role: str
    type: str  # role | title


def _year(v: str | None) -> int | None:
    v = (v or "").strip()
    return int(v) if v else None


def _years_overlap(a0: int | None, a1: int | None, b0: int | None, b1: int | None) -> bool:
    lo_a, hi_a = a0 if a0 is not None else -(10**6), a1 if a1 is not None else 10**6
    lo_b, hi_b = b0 if b0 is not None else -(10**6), b1 if b1 is not None else 10**6
    return lo_a <= hi_b and lo_b <= hi_a


def _in_years(year: int | None, start: int | None, end: int | None) -> bool:
    if year is None:
        return True
    return (start is None or start <= year) and (end is None or year <= end)


def militia_spellings(alias: str) -> list[str]:
    """The alias and its other common spelling of ميليشيا/مليشيا."""
    out = [alias]
    if "ميليشي" in alias:
        out.append(alias.replace("ميليشي", "مليشي"))
    elif "مليشي" in alias:
        out.append(alias.replace("مليشي", "ميليشي"))
    return out


@dataclass
class KB:
    actors: dict[str, Actor]
    aliases: list[AliasRow]
    persons: list[PersonRow]
    countries: dict[str, Country]
    groups: list[GroupHead]
    roles: list[RoleCue]
    matcher: PhraseMatcher = field(default_factory=PhraseMatcher)  # aliases, persons, country names
    group_matcher: PhraseMatcher = field(default_factory=PhraseMatcher)
    role_matcher: PhraseMatcher = field(default_factory=PhraseMatcher)
    cue_matcher: PhraseMatcher = field(default_factory=PhraseMatcher)  # country cues for inference
    adjective_country: dict[str, str] = field(default_factory=dict)  # phrase key word -> ISO2
    construct: set[str] = field(default_factory=set)  # name words that take a word after them
    soldier_words: set[str] = field(default_factory=set)
    unit_words: set[str] = field(default_factory=set)
    anaphors: set[str] = field(default_factory=set)  # base forms (no article) of anaphoric heads
    words: dict[str, set[str]] = field(default_factory=dict)  # function-word classes (words.tsv), normalised
    head_keys: set[tuple[str, ...]] = field(default_factory=set)  # keys of named/both heads
    civic_keys: set[tuple[str, ...]] = field(default_factory=set)  # keys of civic heads (أهالي)
    place_words: set[str] = field(default_factory=set)  # normalised place cues (one word)
    place_country: dict[str, str] = field(default_factory=dict)  # normalised place word -> ISO2
    role_words: set[str] = field(default_factory=set)  # first words of role cues
    air_operators: list[tuple[str, str, str, str]] = field(default_factory=list)  # (ISO2, start, end, actor id)
    opponents: list[tuple[str, str, str, frozenset[str], str]] = field(default_factory=list)  # (ISO2, start, end, side, other)

    # --- resolution ------------------------------------------------------------
    def actor_years_ok(self, actor: Actor, year: int | None) -> bool:
        return _in_years(year, actor.start, actor.end)

    def resolve(self, rows: list[AliasRow], country: str | None, year: int | None) -> AliasRow | None:
        """The alias reading that holds in an article of ``country`` and ``year`` (None if none or a tie)."""
        fits = []
        for r in rows:
            actor = self.actors.get(r.actor)
            if actor is None:
                continue
            if r.country and r.country != country:
                continue
            start = r.start if r.start is not None else actor.start
            end = r.end if r.end is not None else actor.end
            if not _in_years(year, start, end):
                continue
            fits.append(r)
        if not fits:
            return None
        fits.sort(key=lambda r: (-r.priority, 0 if r.country else 1))
        best = fits[0]
        tied = [r for r in fits if r.priority == best.priority and bool(r.country) == bool(best.country)]
        if len({r.actor for r in tied}) > 1:
            return None
        return best

    def persons_for(self, rows: list[PersonRow], year: int | None) -> PersonRow | None:
        fits = [r for r in rows if _in_years(year, r.start, r.end) and r.actor in self.actors]
        if len({r.actor for r in fits}) != 1:
            return None
        return fits[0]

    def fill(self, actor: Actor, country: str | None) -> tuple[str | None, str | None, str | None]:
        """(canonical, actor_id, side) of an actor, templates filled with the article country."""
        if not actor.is_template:
            return actor.canonical, actor.id, actor.side
        c = self.countries.get(country or "")
        if actor.id.endswith("_generic"):
            if c is None:
                return None, None, None
            concrete = self.actors.get(actor.id.replace("_generic", "_" + c.iso2))
            if concrete is not None:
                return concrete.canonical, concrete.id, concrete.side
            return actor.canonical.format(country=c.name_en), actor.id, None
        if c is None:
            return actor.canonical.replace(" ({country})", ""), actor.id, actor.side
        return actor.canonical.format(country=c.name_en), f"{actor.id}_{c.iso2}", actor.side

    def air_operator(self, country_name: str | None, day: str | None) -> Actor | None:
        """The only air force striking in the event's country on that day (air_operators.tsv), if any."""
        if not country_name or not day:
            return None
        iso2 = next((c.iso2 for c in self.countries.values() if c.name_en == country_name), None)
        for cc, start, end, actor_id in self.air_operators:
            if cc == iso2 and start <= day[:10] and (not end or day[:10] <= end):
                return self.actors.get(actor_id)
        return None

    def opponent(self, country_name: str | None, day: str | None, canonical: str | None) -> Actor | None:
        """In a two-sided war (opponents.tsv), the actor fighting the side ``canonical`` belongs to."""
        if not country_name or not day or not canonical:
            return None
        iso2 = next((c.iso2 for c in self.countries.values() if c.name_en == country_name), None)
        ids = {a.id for a in self.actors.values() if a.canonical == canonical}
        for cc, start, end, side, other in self.opponents:
            if cc == iso2 and start <= day[:10] and (not end or day[:10] <= end) and ids & side:
                return self.actors.get(other)
        return None

    def country_name(self, iso2: str | None) -> str | None:
        c = self.countries.get(iso2 or "")
        return c.name_en if c else None


def _split(v: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in (v or "").split("|") if x.strip())


def load_kb() -> KB:
    countries = {
        r["iso2"]: Country(
            r["iso2"],
            r["name_en"],
            _split(r["names_ar"]),
            _split(r["adjectives"]),
            _split(r["cues"]),
            float(r.get("prior") or 1.0),
        )
        for r in data_tsv(PKG, "countries.tsv")
    }
    actors: dict[str, Actor] = {}
    for r in data_tsv(PKG, "actors.tsv"):
        actors[r["id"]] = Actor(
            r["id"],
            r["canonical"],
            r["acled_name"],
            r["kind"],
            r["side"] or None,
            r["country"],
            _year(r["start"]),
            _year(r["end"]),
            r["source"],
        )
    # generic state actors of every known country (explicit rows in actors.tsv take precedence)
    for c in countries.values():
        for prefix, pattern, kind in (
            ("mil", "Military Forces of {}", "state"),
            ("pol", "Police Forces of {}", "state"),
            ("gov", "Government of {}", "state"),
        ):
            aid = f"{prefix}_{c.iso2}"
            if aid not in actors:
                the = "the " if c.name_en.startswith("United ") else ""
                name = pattern.format(the + c.name_en)
                side = f"Military Forces of {c.name_en}"
                actors[aid] = Actor(aid, name, name, kind, side, c.iso2, None, None, "generated")
        civ = f"civilians_{c.iso2}"
        actors[civ] = Actor(
            civ,
            f"Civilians ({c.name_en})",
            f"Civilians ({c.name_en})",
            "civilians",
            None,
            c.iso2,
            None,
            None,
            "generated",
        )
        uid = f"unidentified_{c.iso2}"
        actors[uid] = Actor(
            uid,
            f"Unidentified Armed Group ({c.name_en})",
            f"Unidentified Armed Group ({c.name_en})",
            "militia",
            None,
            c.iso2,
            None,
            None,
            "generated",
        )
        cid = f"country_{c.iso2}"
        actors[cid] = Actor(
            cid,
            c.name_en,
            f"Government of {c.name_en}",
            "state",
            f"Military Forces of {c.name_en}",
            c.iso2,
            None,
            None,
            "generated",
        )

    aliases: list[AliasRow] = []
    for r in data_tsv(PKG, "aliases.tsv"):
        for spelling in militia_spellings(r["alias"]):
            aliases.append(
                AliasRow(
                    spelling,
                    r["actor"],
                    r["framing"],
                    r["country"] or None,
                    _year(r["start"]),
                    _year(r["end"]),
                    int(r["priority"] or 0),
                    r["source"],
                )
            )
    groups = [GroupHead(r["head"], r["kind"], r["framing"], r["mode"]) for r in data_tsv(PKG, "groups.tsv")]
    # military noun + nationality adjective -> that country's forces (explicit aliases outrank these)
    # a nationality's people (الإيطاليين, مصريين): civilians of that country
    for c in countries.values():
        for adj in c.adjectives:
            if norm(adj).endswith("ين"):
                aliases.append(
                    AliasRow(adj, f"civilians_{c.iso2}", "neutral", None, None, None, -10, "generated", True)
                )
    modifiers = [""] + [g.head + " " for g in groups if g.mode == "modifier"]
    # armed group + nationality (مجموعات ليبية مسلحة, المجموعة الليبية المسلحة, جماعة مسلحة ليبية)
    for g in groups:
        if g.mode != "armed":
            continue
        for c in countries.values():
            for adj in c.adjectives:
                if not norm(adj).endswith(("يه", "ية")) or adj.startswith("ال"):
                    continue
                for text in (f"{g.head} {adj} مسلحة", f"{g.head} مسلحة {adj}"):
                    aliases.append(
                        _generated_alias(text, f"unidentified_{c.iso2}")
                    )
    prefixes = {"military": "mil", "police": "pol", "government": "gov"}
    for g in groups:
        if g.mode not in prefixes:
            continue
        prefix = prefixes[g.mode]
        mods = modifiers if g.mode in ("military", "police") else [""]
        for c in countries.values():
            # the singular adjectives in every spelling (أمريكية, أميركية), not the plurals (الأتراك, الليبيين)
            singular = [
                a for a in c.adjectives if norm(a).endswith(("ي", "يه", "ية")) and not a.startswith("ال")
            ]
            for adj in singular or c.adjectives[:2]:
                for mod in mods:
                    aliases.append(
                        _generated_alias(f"{g.head} {mod}{adj}", f"{prefix}_{c.iso2}")
                    )
    persons = [
        PersonRow(r["name"], r["actor"], r["role"], _year(r["start"]), _year(r["end"]))
        for r in data_tsv(PKG, "persons.tsv")
    ]
    roles = [RoleCue(r["cue"], r["role"], r["type"]) for r in data_tsv(PKG, "roles.tsv")]

    kb = KB(actors, aliases, persons, countries, groups, roles)
    kb.air_operators = [(r["country"], r["start"], r["end"], r["actor"]) for r in data_tsv(PKG, "air_operators.tsv")]
    kb.opponents = [
        (r["country"], r["start"], r["end"], frozenset(r["side"].split("|")), r["opponent"])
        for r in data_tsv(PKG, "opponents.tsv")
    ]
    for r in data_tsv(PKG, "words.tsv"):
        kb.words.setdefault(r["class"], set()).add(norm(r["word"]))
    for a in aliases:
        kb.matcher.add(a.alias, ("alias", a))
    for p in persons:
        kb.matcher.add(p.name, ("person", p))
    for c in countries.values():
        for n in c.names_ar:
            kb.matcher.add(n, ("country", c.iso2))
            kb.cue_matcher.add(n, ("name", c.iso2))
        for adj in c.adjectives:
            kb.cue_matcher.add(adj, ("adj", c.iso2))
            kb.adjective_country[phrase_key(adj)[0]] = c.iso2
        for cue in c.cues:
            kb.cue_matcher.add(cue, ("cue", c.iso2))
    for g in groups:
        if g.mode in ("named", "descriptor", "both", "civic"):
            kb.group_matcher.add(g.head, g)
        if g.mode == "construct":
            kb.construct.add(norm(g.head))
        elif g.mode == "soldier":
            kb.soldier_words.add(norm(g.head))
        elif g.mode == "unit":
            kb.unit_words.add(norm(g.head))
        elif g.mode == "anaphor":
            kb.anaphors.add(phrase_key(g.head)[0])
        if g.mode in ("named", "both"):
            kb.head_keys.add(phrase_key(g.head))
        if g.mode == "civic":
            kb.civic_keys.add(phrase_key(g.head))
    for c in countries.values():
        for cue in c.cues + c.names_ar:
            kb.place_words.update(phrase_key(cue))
            for w in phrase_key(cue):
                kb.place_country.setdefault(w, c.iso2)
    for rc in roles:
        kb.role_matcher.add(rc.cue, rc)
        if rc.type == "role":
            kb.role_words.add(phrase_key(rc.cue)[0])
    return kb


@resource("actor_kb")
def _actor_kb(options: Options) -> KB:
    return load_kb()


def norm_name(text: str) -> str:
    """The canonical form of an unknown group's name: its text with whitespace folded and no diacritics."""
    n = norm(text)
    # keep the original letters (hamza forms, teh marbuta) but drop diacritics/tatweel
    out = "".join(ch for ch in text if not ("\u064b" <= ch <= "\u065f" or ch in "\u0670\u0640"))
    out = " ".join(out.replace("«", " ").replace("»", " ").replace('"', " ").split())
    return out or n


def validate(kb: KB) -> list[str]:
    """Problems in the knowledge base: dangling references, bad values, and aliases that read as two actors
    in the same years and article country with no priority to choose (empty when the files are sound)."""
    problems: list[str] = []
    for a in kb.aliases:
        if a.actor not in kb.actors:
            problems.append(f"alias {a.alias!r}: unknown actor {a.actor!r}")
        if a.framing not in FRAMINGS:
            problems.append(f"alias {a.alias!r}: framing {a.framing!r}")
        if a.country and a.country not in kb.countries:
            problems.append(f"alias {a.alias!r}: country {a.country!r}")
        if a.start is not None and a.end is not None and a.start > a.end:
            problems.append(f"alias {a.alias!r}: years {a.start}-{a.end}")
    for p in kb.persons:
        if p.actor not in kb.actors:
            problems.append(f"person {p.name!r}: unknown actor {p.actor!r}")
    by_key: dict[tuple[str, ...], list[AliasRow]] = {}
    for a in kb.aliases:
        by_key.setdefault(phrase_key(a.alias), []).append(a)
    for key, rows in by_key.items():
        for i, r in enumerate(rows):
            for s in rows[i + 1 :]:
                if (
                    r.actor == s.actor
                    or r.priority != s.priority
                    or r.actor not in kb.actors
                    or s.actor not in kb.actors
                ):
                    continue
                if r.country and s.country and r.country != s.country:
                    continue
                ra, sa = kb.actors[r.actor], kb.actors[s.actor]
                r0 = r.start if r.start is not None else ra.start
                r1 = r.end if r.end is not None else ra.end
                s0 = s.start if s.start is not None else sa.start
                s1 = s.end if s.end is not None else sa.end
                if _years_overlap(r0, r1, s0, s1):
                    problems.append(
                        f"alias {' '.join(key)!r}: {r.actor} and {s.actor} in the same years, same priority"
                    )
    return problems
