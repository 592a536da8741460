"""Calendars: month names per system (data files), weekdays, cue words, and Hijri -> Gregorian.

Everything language-specific is read from ``rasid/time/data/*.tsv`` once (``@resource("time.lexicon")``)
with keys normalised by ``rasid.text.normalise.norm``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass, field
from functools import lru_cache

from rasid.options import Options
from rasid.resources import data_tsv, resource
from rasid.text.normalise import norm

_PKG = "rasid.time.data"

MONTH_FILES = {
    "gregorian": "months_gregorian.tsv",
    "syriac": "months_syriac.tsv",
    "maghrebi": "months_maghrebi.tsv",
    "libyan": "months_libyan.tsv",
    "hijri": "months_hijri.tsv",
}


@dataclass(frozen=True)
class MonthName:
    name: str  # normalised
    month: int
    system: str
    ambiguous: bool


@dataclass
class Lexicon:
    months: dict[str, MonthName] = field(default_factory=dict)  # normalised name -> month (non-Hijri)
    hijri: dict[str, MonthName] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    cues: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> {normalised phrase: value}


def load_lexicon() -> Lexicon:
    lex = Lexicon()
    for system, fname in MONTH_FILES.items():
        for row in data_tsv(_PKG, fname):
            name = norm(row["name"])
            m = MonthName(name, int(row["month"]), system, row.get("ambiguous", "0") == "1")
            target = lex.hijri if system == "hijri" else lex.months
            if name in target and target[name].month != m.month:
                raise ValueError(f"month name {name!r} maps to two months")
            target.setdefault(name, m)
    for row in data_tsv(_PKG, "weekdays.tsv"):
        lex.weekdays[norm(row["name"])] = int(row["weekday"])
    for row in data_tsv(_PKG, "cues.tsv"):
        lex.cues.setdefault(row["kind"], {})[norm(row["phrase"])] = row["value"]
    return lex


@resource("time.lexicon")
def _lexicon_resource(options: Options) -> Lexicon:
    return load_lexicon()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon outside a pipeline (tests, benchmark)."""
    return load_lexicon()


# --- Hijri (tabular Islamic calendar, civil epoch) ---------------------------------------------
_HIJRI_EPOCH_JDN = 1948440  # 1 Muharram 1 AH = Julian 16 July 622 (civil epoch), as a Julian Day Number
_JDN_ORDINAL_OFFSET = 1721425  # date.fromordinal(jdn - offset)


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian date of a Hijri date by the tabular calendar; None when impossible."""
    if not (1 <= month <= 12 and 1 <= day <= 30 and 1 <= year <= 2000):
        return None
    if day == 30 and hijri_month_length(year, month) < 30:
        return None
    jdn = (
        day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + _HIJRI_EPOCH_JDN - 1
    )
    return dt.date.fromordinal(jdn - _JDN_ORDINAL_OFFSET)


def hijri_month_length(year: int, month: int) -> int:
    if month % 2 == 1:
        return 30
    if month == 12 and (14 + 11 * year) % 30 < 11:
        return 30
    return 29


def gregorian_to_hijri(d: dt.date) -> tuple[int, int, int]:
    jdn = d.toordinal() + _JDN_ORDINAL_OFFSET
    year = (30 * (jdn - _HIJRI_EPOCH_JDN) + 10646) // 10631
    month = min(12, math.ceil((jdn - (29 + _hijri_jdn(year, 1, 1))) / 29.5) + 1)
    month = max(1, month)
    day = jdn - _hijri_jdn(year, month, 1) + 1
    return year, month, day


def _hijri_jdn(year: int, month: int, day: int) -> int:
    return (
        day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + _HIJRI_EPOCH_JDN - 1
    )


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
