"""Finding time expressions in the normalised text and resolving them to windows of days.

The grammar is a set of regular expressions over ``doc.norm`` built from the data files (month names of
every calendar, weekdays, cue words, ordinal number words): the finder compiles them once per lexicon.
Every candidate is resolved against the publication date; overlapping candidates are resolved by taking
the longest (then the earliest). The result is a list of ``Found`` (normalised offsets + resolution).

Conventions (what a careful reader takes each expression to mean; see data/README.md):
- a day: that day, precision 1; "ليلة السبت" = the night Friday->Saturday: Fri..Sat, precision 1
- early/mid/late month (مطلع/منتصف/أواخر): days 1-10 / 11-20 / 21-end, precision 2; a whole month: precision 3
- a month without a year: the most recent one not after publication (الماضي: strictly before; المقبل: next)
- last week (الأسبوع الماضي): the previous Saturday-Friday week, precision 2
- N days ago: that day (precision 1); about a week ago: 4-10 days back (precision 2)
- since X (منذ 2011) and bare durations (على مدى يومين) do not date an event by themselves
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from rasid.resources import data_tsv
from rasid.text.normalise import norm
from rasid.text.numbers import parse_number_words
from rasid.time.calendars import Lexicon, hijri_to_gregorian, month_end, safe_date

D = dt.timedelta


@dataclass
class Found:
    nstart: int
    nend: int
    date_start: dt.date | None
    date_end: dt.date | None
    precision: int | None
    category: str
    governs: bool = True  # may date an event (False: since/duration/future-only)


def _alt(words) -> str:
    ws = sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words if w}, key=len, reverse=True)
    return "(?:" + "|".join(ws) + ")"


_B = r"(?<![\w])"  # word start
_BD = r"(?:(?<![\w])|(?<=[\u0621-\u064a])(?=[0-9]))"  # word start, or digits glued to a word ("في7 مارس")
_E = r"(?![\w])"  # word end


@dataclass
class Grammar:
    patterns: list[tuple[str, re.Pattern]]
    lex: Lexicon
    future: re.Pattern  # a future cue in the sentence
    name_head: re.Pattern  # a noun that makes a following day+month a name
    name_head_dated: re.Pattern  # ... even with a year (ثورة 11 فبراير 2011, ثوار 17 فبراير)
    # pattern name -> a cheap regex for a part every match of that pattern contains: a text where it does
    # not occur is not scanned with the pattern (most articles name no Hijri month, no season, no weekday)
    needs: dict[str, re.Pattern] = field(default_factory=dict)


_CLAUSE_START = re.compile(r"[.،,؛\n]|(?<![\w])[او]?ن(?![\w])")


def _clause_before(text: str, s: int, limit: int = 80) -> str:
    """The text of the clause before offset s (back to a comma, full stop or أن/إن)."""
    lo = max(0, s - limit)
    a = lo
    for m in _CLAUSE_START.finditer(text, lo, s):
        a = m.end()
    return text[a:s]


def _sentence_around(text: str, s: int, e: int) -> str:
    a = max(text.rfind(".", 0, s), text.rfind("\n", 0, s)) + 1
    b = min([x for x in (text.find(".", e), text.find("\n", e)) if x != -1], default=len(text))
    return text[a:b]


@lru_cache(maxsize=4)
def _ordinal_words() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    ords, tens, units = [], [], []
    for row in data_tsv("rasid.time.data", "number_words.tsv"):
        w = norm(row["word"])
        if row["kind"] == "ordinal":
            ords.append(w)
        elif row["kind"] == "ten" and w.endswith("ين"):
            tens.append(w)
        elif row["kind"] == "unit":
            units.append(w)
    return tuple(ords), tuple(tens), tuple(units)


def build_grammar(lex: Lexicon) -> Grammar:
    ords, tens, units = _ordinal_words()
    cues = lex.cues
    month_re = _alt(lex.months)
    hijri_re = _alt(lex.hijri)
    wd_re = _alt(lex.weekdays)
    rel_re = _alt(cues["yearrel"])
    part_re = _alt(cues["part"])
    tod_re = _alt(cues["tod"])
    unit_re = _alt(cues["unit"])
    relday_re = _alt(cues["relday"])
    ord_word = _alt(ords)
    ten_word = _alt(tens)
    unit_word = _alt(units)
    # a day of the month: digits (also "الـ20") or an ordinal phrase (الخامس, الحادي عشر, الثاني والعشرين)
    day = rf"(?:(?:ال)?[0-9]{{1,2}}(?![0-9])|(?:ال)?{ord_word}(?:\s+عشر{_E}|\s+وال{ten_word})?|ال{ten_word})"
    yword = r"(?:(?:من\s+)?(?:عام|العام|سنه|السنه)\s+)"
    year = rf"(?:{yword}?[0-9]{{4}}(?![0-9])(?:\s*(?:م|ه|ميلادي|ميلاديه|للميلاد|هجري|هجريه|للهجره)(?![\w]))?)"
    monthx = rf"(?P<m1>{month_re}){_E}(?:\s*[/\-]\s*(?P<m2>{month_re}){_E}|\s*\(\s*(?P<m3>{month_re})\s*\)|\s+(?P<m4>{month_re}){_E})?"
    tail = (
        rf"(?:\s*[,،]?\s*(?P<year>{year})|\s+(?:من\s+)?(?:العام|السنه)\s+(?P<yrel>{rel_re}){_E})?"
        rf"(?:\s+(?P<rel>{rel_re}){_E})?"
    )
    wdpre = (
        rf"(?:(?:(?P<tod0>{tod_re})\s+)?(?:اليوم\s+|يوم\s+|امس\s+)?(?P<wd>{wd_re})(?:\s+{rel_re})?"
        rf"\s*[,،]?\s*\(?\s*(?:الموافق\s+)?)?"
    )
    count = rf"(?:[0-9]+|{unit_word}(?:\s+عشر)?|{ten_word}|بضعه|بضع|عده)"
    approx = r"(?:نحو|حوالي|حوالى|قرابه|زهاء|اكثر\s+من|اقل\s+من|ما\s+يقارب|ما\s+يزيد\s+عن|ما\s+يزيد\s+علي)"
    pc = r"(?P<pc>[وف]?[بل]?)"  # proclitics kept out of the span
    season_re = _alt(cues.get("season", {}))
    pats: list[tuple[str, str]] = [
        (
            "numeric",
            rf"{_BD}(?P<d>[0-9]{{1,2}})\s*[/\-.]\s*(?P<m>[0-9]{{1,2}})\s*[/\-.]\s*(?P<y>[0-9]{{4}})(?![0-9])",
        ),
        ("iso", rf"{_BD}(?P<y>[0-9]{{4}})-(?P<m>[0-9]{{1,2}})-(?P<d>[0-9]{{1,2}})(?![0-9])"),
        (
            "range",
            rf"{_BD}(?P<night>الليله\s+الفاصله\s+)?(?:(?:من|بين|ما\s+بين)\s+)?(?:يومي\s+|الفتره\s+(?:من|بين)\s+)?(?P<d1>{day})\s*(?:-|–|الي|حتي|و|ولغايه|لغايه)\s*(?P<d2>{day})\s*(?:من\s+)?(?:شهر\s+)?{monthx}{tail}",
        ),
        (
            "range2",
            rf"{_BD}(?P<night>الليله\s+الفاصله\s+)?(?:(?:من|بين)\s+)?(?:يومي\s+)?(?P<d1>{day})\s+(?:من\s+)?(?P<ma>{month_re}){_E}\s*(?:-|–|الي|حتي|و|ولغايه)\s*(?P<d2>{day})\s+(?:من\s+)?{monthx}{tail}",
        ),
        (
            "mrange",
            rf"{_B}(?:من|بين)\s+(?:شهر\s+)?(?P<ma>{month_re}){_E}(?:\s*\(\s*{month_re}\s*\)|\s*[/\-]\s*{month_re}{_E})?\s*(?:-|–|الي|حتي|و)\s*(?:شهر\s+)?{monthx}{tail}",
        ),
        ("date", rf"{_BD}{pc}{wdpre}(?P<day>{day})\s*(?:من\s+)?(?:شهر\s+)?{monthx}{tail}"),
        (
            "dayrel",
            rf"{_BD}{pc}(?P<day>{day})\s+من\s+(?P<per>الشهر)\s+(?P<rel>{rel_re}){_E}",
        ),
        (
            "hijri",
            rf"{_BD}{pc}{wdpre}(?:(?P<day>{day})\s*(?:من\s+)?)?(?:شهر\s+)?(?P<hm>{hijri_re}){_E}(?:\s*[/]?\s*(?:من\s+)?(?:(?:عام|العام|سنه)\s+)?(?P<hy>1[34][0-9]{{2}})(?![0-9])(?:\s*(?:ه|هجري|هجريه|للهجره)(?![\w]))?)?(?:\s+(?:من\s+)?(?:العام|السنه)\s+(?P<yrel>{rel_re}){_E})?(?:\s+(?P<rel>{rel_re}){_E})?",
        ),
        (
            "hpart",
            rf"{_B}{pc}(?P<part>{part_re})\s+(?:من\s+)?(?:شهر\s+)?(?P<hm>{hijri_re}){_E}(?:\s*(?:(?:عام|العام|سنه)\s+)?(?P<hy>1[34][0-9]{{2}})(?![0-9])(?:\s*(?:ه|هجري|هجريه|للهجره)(?![\w]))?)?(?:\s+(?P<rel>{rel_re}){_E})?",
        ),
        ("part", rf"{_B}{pc}(?P<part>{part_re})\s+(?P<min>من\s+)?(?:شهر\s+)?{monthx}{tail}"),
        (
            "part_period",
            rf"{_B}{pc}(?P<part>{part_re})\s+(?P<per>الاسبوع|الشهر|العام|السنه)(?:\s+(?P<rel>{rel_re}){_E}|\s+(?P<same>نفسه|ذاته|نفسها|ذاتها){_E})?",
        ),
        (
            "sametime",
            rf"{_B}{pc}(?:في\s+)?مثل\s+هذا\s+(?P<what>الوقت|اليوم|الشهر|الاسبوع)\s+من\s+(?:العام|السنه)\s+(?P<rel>{rel_re}){_E}",
        ),
        (
            "season",
            rf"{_B}{pc}(?P<season>{season_re})\s+(?:(?P<per>العام|السنه)\s+)?(?P<rel>{rel_re}){_E}",
        ),
        (
            "part_year",
            rf"{_B}{pc}(?P<part>{part_re})\s+(?P<year>(?:عام|العام|سنه|السنه)?\s*[0-9]{{4}})(?![0-9])",
        ),
        ("month", rf"{_B}{pc}(?P<shahr>شهر\s+|(?:في|خلال|منذ|طيله|طوال)\s+)?{monthx}{tail}"),
        (
            "year",
            rf"{_B}(?P<pre>منذ\s+(?:عام|العام|سنه|السنه)|عام|العام|سنه|السنه|منذ|في|خلال)\s+(?P<year>[0-9]{{4}})(?![0-9])(?:\s*(?:م|ميلادي|للميلاد)(?![\w]))?",
        ),
        (
            "period",
            rf"{_B}{pc}(?:(?P<dur>خلال|طيله|طوال|علي\s+مدي|علي\s+مدار)\s+)?(?:(?P<this>هذا|هذه)\s+)?(?P<per>الاسبوع|الشهر|العام|السنه|الاسبوعين|الشهرين)(?:\s+(?P<rel>{rel_re}){_E})?",
        ),
        (
            "relday",
            rf"{_B}{pc}(?:(?P<tod>{tod_re})\s+)?(?:(?:من|هذا)\s+)?(?P<relday>{relday_re}){_E}(?:\s*[,،]?\s*\(?\s*(?P<wd>{wd_re})\s*\)?)?",
        ),
        (
            "weekday",
            rf"{_B}{pc}(?:(?P<tod>{tod_re})\s+)?(?:(?:يوم|نهار)\s+)?(?P<wd>{wd_re}){_E}(?:(?:\s*[-–/]\s*|\s+(?:(?:إلى|الى|الي)\s+)?)(?P<wd2>{wd_re}){_E})?(?:\s+(?P<rel>{rel_re}){_E})?"
            rf"(?:\s+من\s+(?:ال[أا]سبوع)\s+(?P<wkrel>{rel_re}){_E})?",
        ),
        (
            "ago",
            rf"{_B}{pc}(?P<cue>منذ|قبل)\s+(?:(?P<approx>{approx})\s+)?(?:(?P<n>{count})\s+)?(?P<unit>{unit_re}){_E}",
        ),
        (
            "during",
            rf"{_B}{pc}(?:(?P<cue>خلال|علي\s+مدي|علي\s+مدار|طيله|طوال|لمده|في|منذ)\s+)?(?:(?P<n>(?:ال)?{count})\s+)?(?P<unit>(?:ال)?{unit_re}){_E}(?:\s+(?:القليله|القليلين|الاولي|الاول))?(?:\s+(?P<rel>الماضيه|الماضيين|الماضي|الاخيره|الاخيرين|المنصرمه|الفائته|الاخير|المقبله|المقبلين|القادمه|القادمين))?",
        ),
    ]
    compiled = [(name, re.compile(p)) for name, p in pats]
    # each need is a mandatory part of its patterns above (outside every optional group); patterns whose
    # mandatory parts are common words (ago, relday, year) are cheaper to scan than to guard
    need_month = re.compile(rf"{month_re}{_E}")  # every month name above is followed by {_E}
    need_hijri, need_part = re.compile(hijri_re), re.compile(part_re)
    needs = {
        "numeric": re.compile(r"[0-9]{1,2}\s*[/\-.]\s*[0-9]{1,2}\s*[/\-.]\s*[0-9]{4}(?![0-9])"),
        "iso": re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?![0-9])"),
        **dict.fromkeys(("range", "range2", "mrange", "date", "month"), need_month),
        "part": need_part,
        "dayrel": re.compile(r"من\s+الشهر\s"),
        "hijri": need_hijri,
        "hpart": need_hijri,
        "part_period": need_part,
        "part_year": need_part,
        "sametime": re.compile(r"مثل\s+هذا\s"),
        "season": re.compile(season_re),
        "period": re.compile(r"الاسبوع|الشهر|العام|السنه"),
        "weekday": re.compile(wd_re),
        "during": re.compile(unit_re),
    }
    future = re.compile(rf"(?<![\w])(?:{_alt(cues.get('future', {}))[3:-1]})(?![\w])")
    name_head = re.compile(rf"(?<![\w])(?:[وفبل]?(?:ال)?){_alt(cues.get('name_head', {}))}\s+$")
    name_head_dated = re.compile(rf"(?<![\w])(?:[وفبل]?(?:ال)?){_alt(cues.get('name_head_dated', {}))}\s+$")
    return Grammar(compiled, lex, future, name_head, name_head_dated, needs)


# --- resolution helpers ---------------------------------------------------------------------------
_NOT_TODAY_AFTER = re.compile(
    r"^\s*(?:الاول|الثاني|الثالث|التالي|الموالي|نفسه|ذاته|نفسها|ذاتها|الفاصله|الوطني|العالمي|الدولي|السابق|الاخير|الذي|التي|المشهود|الموعود)"
)
_NOT_TODAY_BEFORE = re.compile(r"(?:ذلك|نفس|ذات|عين|صحيفه|جريده|صحيفة|حتي|لغايه|الي|طوال|طيله)\s+$")
_NOT_FRIDAY_BEFORE = re.compile(r"(?:صلاه|خطبه|خطبتي|صلاتي|مسجد|جامع|جمعه)\s+$")


def _day_value(s: str | None) -> int | None:
    if not s:
        return None
    s = s.strip().removeprefix("ال")
    if s.isdigit():
        return int(s)
    return parse_number_words(s)


def _month(lex: Lexicon, name: str | None):
    if not name:
        return None
    return lex.months.get(" ".join(name.split()))


def _year_of(s: str | None) -> int | None:
    if not s:
        return None
    m = re.search(r"[0-9]{4}", s)
    return int(m.group(0)) if m else None


def _infer_year(month: int, day: int | None, rel: str | None, pub: dt.date) -> int:
    """The year of a month (and day) given without one: past closest to publication unless المقبل."""
    y = pub.year
    if rel == "next":
        if day is None:
            return y if month > pub.month else y + 1
        d = safe_date(y, month, min(day, 28)) or dt.date(y, month, 1)
        return y if (month, day) > (pub.month, pub.day) else y + 1
    if rel == "current":
        return y
    if day is None:
        if rel == "past":
            return y if month < pub.month else y - 1
        return y if month <= pub.month else y - 1
    # a day: most recent occurrence on or before publication; a few days after publication in the same
    # month is read as this year (publication dates are often a day or two off, and it cannot be a year ago)
    if (month, day) <= (pub.month, pub.day):
        return y
    d = safe_date(y, month, day)
    if rel is None and d is not None and 0 < (d - pub).days <= 3:
        return y
    return y - 1


def _rel(lex: Lexicon, word: str | None) -> str | None:
    if not word:
        return None
    return lex.cues["yearrel"].get(" ".join(word.split()))


def _plausible_year(y: int, pub: dt.date | None) -> bool:
    if y < 1900 or y > 2100:
        return False
    if pub is not None and y > pub.year + 1:
        return False
    return True


def _weekday_near(target: dt.date, wd: int, max_days: int = 3) -> dt.date | None:
    best = None
    for k in range(-max_days, max_days + 1):
        d = target + D(days=k)
        if d.weekday() == wd and (best is None or abs(k) < abs((best - target).days)):
            best = d
    return best


def _with_weekday(d: dt.date, wd: int | None) -> tuple[dt.date, dt.date, int]:
    """A stated date checked against a stated weekday: agree -> the day; disagree -> a small window, precision 2."""
    if wd is None or d.weekday() == wd:
        return d, d, 1
    w = _weekday_near(d, wd)
    if w is None:
        return d, d, 2
    return min(d, w), max(d, w), 2


def _part_window(part: str, year: int, month: int) -> tuple[dt.date, dt.date, int]:
    end = month_end(year, month)
    if part == "early":
        return dt.date(year, month, 1), dt.date(year, month, 10), 2
    if part == "mid":
        return dt.date(year, month, 11), dt.date(year, month, 20), 2
    if part == "late":
        return dt.date(year, month, 21), end, 2
    if part == "first":
        return dt.date(year, month, 1), dt.date(year, month, 1), 1
    return dt.date(year, month, 1), end, 3


def _week_start(d: dt.date) -> dt.date:
    """The Saturday that starts d's week (the Arab working week)."""
    return d - D(days=(d.weekday() - 5) % 7)


def _unit_days(unit: str) -> tuple[str, int]:
    """(unit kind, count implied by the word itself: 2 for a dual, 0 otherwise)."""
    if unit.endswith("2"):
        return unit[:-1], 2
    return unit, 0


# --- the finder -----------------------------------------------------------------------------------
def find(norm_text: str, pub: dt.date | None, grammar: Grammar) -> list[Found]:
    cands: list[tuple[int, int, int, Found]] = []
    present: dict[re.Pattern, bool] = {}  # need -> does it occur in the text (each searched once)
    for prio, (name, pat) in enumerate(grammar.patterns):
        need = grammar.needs.get(name)
        if need is not None:
            if need not in present:
                present[need] = need.search(norm_text) is not None
            if not present[need]:
                continue  # a part every match contains is absent: the pattern cannot match
        for m in pat.finditer(norm_text):
            if m.end() <= m.start():
                continue
            try:
                f = _resolve(name, m, norm_text, pub, grammar)
            except (ValueError, OverflowError):
                f = Found(m.start(), m.end(), None, None, None, "invalid", governs=False)
            if f is not None:
                cands.append((f.nstart, f.nend, prio, f))
    # longest first, then earliest, then grammar order
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    taken: list[Found] = []
    for s, e, _p, f in cands:
        if any(s < t.nend and t.nstart < e for t in taken):
            continue
        taken.append(f)
    taken.sort(key=lambda f: f.nstart)
    return _attach_durations(taken, norm_text)


def _attach_durations(found: list[Found], text: str) -> list[Found]:
    """'... 5 اغسطس علي مدي يومين' : a duration right after a day extends that day's window."""
    out: list[Found] = []
    for f in found:
        if (
            out
            and f.category == "duration"
            and f.date_start is None
            and out[-1].date_start is not None
            and out[-1].precision == 1
            and 0 <= f.nstart - out[-1].nend <= 3
            and getattr(f, "_days", 0)
        ):
            prev = out[-1]
            prev.date_end = prev.date_start + D(days=f._days - 1)  # type: ignore[attr-defined]
            prev.precision = 1 if f._days <= 1 else 2  # type: ignore[attr-defined]
            prev.nend = f.nend
            prev.category = "range"
            continue
        out.append(f)
    return out


_SINCE_BEFORE = re.compile(r"(?:^|[\s(\"])و?منذ\s+$")
_FUTURE_CUE = re.compile(
    r"(?<![\w])(?:المقبل|القادم|المقبله|القادمه|سوف|المقرر|المرتقب|سيتم|ستعقد|سيعقد|ستنطلق|ستبدا|سيبدا|يعتزم|تعتزم)(?![\w])"
)


def _resolve(name: str, m: re.Match, text: str, pub: dt.date | None, g: Grammar) -> Found | None:
    f = _resolve_inner(name, m, text, pub, g)
    if f is None:
        return None
    pc = m.groupdict().get("pc")
    if pc:
        f.nstart = max(f.nstart, m.end("pc"))
    if (
        f.date_start is not None
        and name not in ("ago", "during", "relday", "weekday", "year")
        and _SINCE_BEFORE.search(text[max(0, f.nstart - 8) : f.nstart])
    ):
        f.category = "since"
        f.governs = False
    return f


def _resolve_inner(name: str, m: re.Match, text: str, pub: dt.date | None, g: Grammar) -> Found | None:
    lex = g.lex
    gd = m.groupdict()
    s, e = m.start(), m.end()
    # trim trailing spaces captured by optional groups
    while e > s and text[e - 1].isspace():
        e -= 1
    while s < e and text[s].isspace():
        s += 1

    def out(ds, de, prec, cat, governs=True) -> Found:
        return Found(s, e, ds, de, prec, cat, governs)

    def none(cat: str) -> Found:
        return Found(s, e, None, None, None, cat, governs=False)

    wd = lex.weekdays.get(gd["wd"]) if gd.get("wd") else None

    if name in ("numeric", "iso"):
        y, mo, d = int(gd["y"]), int(gd["m"]), int(gd["d"])
        if 1300 <= y <= 1500 and name == "numeric":
            hd = hijri_to_gregorian(y, mo, d) if 1 <= mo <= 12 else None
            if hd is None or (pub is not None and hd.year > pub.year + 1):
                return none("invalid")
            return out(hd, hd, 1, "hijri")
        date = safe_date(y, mo, d)
        if date is None or not _plausible_year(y, pub):
            return none("invalid")
        return out(date, date, 1, "numeric")

    if name in ("date", "range", "range2", "part", "month", "mrange"):
        mn = _month(lex, gd.get("m1"))
        if mn is None:
            return None
        m2 = _month(lex, gd.get("m2") or gd.get("m3") or gd.get("m4"))
        if m2 is not None and m2.month != mn.month:
            return none("contradictory")
        system = mn.system if mn.system != "gregorian" or m2 is None else m2.system
        ambiguous = mn.ambiguous and (m2 is None or m2.ambiguous)
        rel = _rel(lex, gd.get("rel"))
        year = _year_of(gd.get("year"))
        yrel = _rel(lex, gd.get("yrel"))
        if yrel is not None and pub is not None:
            year = pub.year + {"past": -1, "next": 1}.get(yrel, 0)
        if name == "month":
            m1s = m.start("m1")
            prev_word = re.search(r"(\S+)\s+$", text[max(0, m1s - 16) : m1s])
            if not gd.get("shahr") and (
                re.search(r"[0-9]\s*$", text[max(0, m1s - 4) : m1s])
                or (prev_word and prev_word.group(1) in ("واحد", "اثنين", "ثلاثه", "اربعه", "خمسه"))
            ):
                return None  # "قوى 8 آذار", "حي واحد حزيران": the day was refused as a name
            if (
                ambiguous
                and not (gd.get("shahr") and "شهر" in gd["shahr"])
                and year is None
                and rel is None
                and m2 is None
            ):
                return None
            if (
                mn.system == "libyan"
                and m2 is None
                and year is None
                and not (gd.get("shahr") and "شهر" in gd["shahr"])
            ):
                return None
            if gd.get("shahr") and "شهر" not in gd["shahr"]:
                s = m.start("m1")
        if year is not None and not _plausible_year(year, pub):
            return none("invalid")
        cat = "gregorian" if system == "gregorian" else system
        if name == "month":
            if year is None:
                if pub is None:
                    return none(cat)
                if rel is None and mn.month > pub.month and g.future.search(_clause_before(text, s)):
                    rel = "next"  # "ستجري الانتخابات في اكتوبر": a future verb before the month
                year = _infer_year(mn.month, None, rel, pub)
            ds, de = dt.date(year, mn.month, 1), month_end(year, mn.month)
            since = gd.get("shahr") and gd["shahr"].strip() == "منذ"
            if since:
                return out(ds, de, 3, "since", governs=False)
            return out(ds, de, 3, cat if cat != "gregorian" else "month")
        if name == "mrange":
            ma = _month(lex, gd.get("ma"))
            if ma is None or pub is None and year is None:
                return None
            if year is None:
                year = _infer_year(mn.month, None, rel, pub)
            y1 = year if ma.month <= mn.month else year - 1
            return out(dt.date(y1, ma.month, 1), month_end(year, mn.month), 3, "range")
        if name == "part":
            part = lex.cues["part"].get(" ".join(gd["part"].split()))
            if gd.get("min") and gd["part"] in ("بدايه", "بدايات"):
                return None  # "بدايه من شهر ..." = as of (Maghrebi usage), not "early"
            if year is None:
                if pub is None:
                    return none("part_of_month")
                if rel is None and mn.month > pub.month and g.future.search(_clause_before(text, s)):
                    rel = "next"
                year = _infer_year(mn.month, None, rel, pub)
            ds, de, prec = _part_window(part or "whole", year, mn.month)
            return out(ds, de, prec, "part_of_month")
        if name in ("range", "range2"):
            night = bool(gd.get("night"))
            d1, d2 = _day_value(gd["d1"]), _day_value(gd["d2"])
            ma = _month(lex, gd.get("ma")) if name == "range2" else mn
            if d1 is None or d2 is None or ma is None:
                return None
            if year is None:
                if pub is None:
                    return none("range")
                year = _infer_year(mn.month, d2, rel, pub)
            y1 = year if ma.month <= mn.month else year - 1
            a, b = safe_date(y1, ma.month, d1), safe_date(year, mn.month, d2)
            if a is None or b is None or b < a or (b - a).days > 370:
                return none("invalid")
            prec = 1 if a == b or (night and (b - a).days == 1) else (2 if (b - a).days < 11 else 3)
            return out(a, b, prec, "range")
        # a day and a month
        before = text[max(0, s - 14) : s]
        if rel is None and not gd.get("wd") and (
            (year is None and g.name_head.search(before)) or g.name_head_dated.search(before)
        ):
            return None  # قوى 8 آذار, شارع 26 سبتمبر, ثورة 17 فبراير (2011): a name
        day = _day_value(gd.get("day"))
        if day is None or not 1 <= day <= 31:
            return none("invalid")
        # an ambiguous name after a day number still reads as a month ("4 الطير", "4 آب", "28 ماي")
        if year is None:
            if pub is None:
                return none(cat)
            year = _infer_year(mn.month, day, rel, pub)
            if rel is None and year < pub.year:
                # a day within two weeks after publication in a sentence with a future cue: the coming one
                d_this = safe_date(pub.year, mn.month, day)
                if d_this is not None and 0 < (d_this - pub).days <= 14:
                    if g.future.search(_sentence_around(text, m.start(), m.end())):
                        year = pub.year
        date = safe_date(year, mn.month, day)
        if date is None:
            return none("invalid")
        ds, de, prec = _with_weekday(
            date, wd
        )  # a stated date wins over a night shift ("ليله الثلاثاء 20 ...")
        return out(ds, de, prec, cat)

    if name == "hijri":
        hm = lex.hijri.get(" ".join(gd["hm"].split()))
        if hm is None:
            return None
        hy = int(gd["hy"]) if gd.get("hy") else None
        day = _day_value(gd.get("day"))
        if hm.ambiguous and day is None and hy is None:
            return None
        if day is None and hy is None and not gd.get("rel"):
            # a bare month name (رمضان) is too often a name or a season to date anything
            if hm.month != 9:
                return None
        if pub is not None and hy is None:
            # the Hijri year whose month is the most recent not after publication
            from rasid.time.calendars import gregorian_to_hijri

            py, pm, pd = gregorian_to_hijri(pub)
            rel = _rel(lex, gd.get("rel"))
            yrel = _rel(lex, gd.get("yrel"))
            if yrel is not None:
                hy = py + {"past": -1, "next": 1}.get(yrel, 0)
            elif rel == "next":
                hy = py if hm.month > pm else py + 1
            elif rel == "past":
                hy = py if hm.month < pm else py - 1
            else:
                hy = py if (hm.month, day or 1) <= (pm, pd + 3) else py - 1
        if hy is None:
            return none("hijri")
        if day is None:
            a = hijri_to_gregorian(hy, hm.month, 1)
            b = (
                hijri_to_gregorian(hy, hm.month + 1, 1) - D(days=1)
                if hm.month < 12
                else hijri_to_gregorian(hy + 1, 1, 1) - D(days=1)
            )
            if a is None:
                return none("invalid")
            if pub is not None and abs(a.year - pub.year) > 1 and a.year > pub.year:
                return none("invalid")
            return out(a, b, 3, "hijri")
        date = hijri_to_gregorian(hy, hm.month, day)
        if date is None:
            return none("invalid")
        if pub is not None and date.year > pub.year + 1:
            return none("invalid")
        if wd is not None:
            w = _weekday_near(date, wd, 2)
            if w is not None:
                return out(w, w, 1, "hijri")
            return out(date - D(days=1), date + D(days=1), 2, "hijri")
        return out(date, date, 1, "hijri")

    if name == "dayrel":
        day = _day_value(gd.get("day"))
        rel = _rel(lex, gd["rel"])
        if pub is None or day is None:
            return none("relative")
        y, mo = pub.year, pub.month
        if rel == "past":
            y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        elif rel == "next":
            y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
        d = safe_date(y, mo, day)
        if d is None:
            return none("invalid")
        return out(d, d, 1, "relative")

    if name == "sametime":
        # "في مثل هذا الوقت من العام الماضي": a year before publication, give or take a month (a day: that day)
        rel = _rel(lex, gd["rel"])
        if pub is None or rel not in ("past", "next"):
            return None
        y = pub.year + (-1 if rel == "past" else 1)
        c = safe_date(y, pub.month, min(pub.day, 28))
        if gd["what"] == "اليوم":
            c = safe_date(y, pub.month, pub.day) or c
            return out(c, c, 1, "relative", governs=rel == "past")
        w = {"الاسبوع": 7}.get(gd["what"], 31)
        return out(c - D(days=w), c + D(days=w), 3, "relative", governs=rel == "past")

    if name == "season":
        season = lex.cues["season"].get(gd["season"])
        rel = _rel(lex, gd["rel"])
        if pub is None or season is None or rel is None:
            return None
        first = {"summer": 6, "autumn": 9, "winter": 12}[season]
        # the season of the year named (العام الماضي) or the last/next one entirely before/after publication
        if gd.get("per"):
            y = pub.year + {"past": -1, "next": 1}.get(rel, 0)
        else:
            y = pub.year
            start = dt.date(y, first, 1)
            end_m = (first + 2 - 1) % 12 + 1
            end = month_end(y + (1 if end_m < first else 0), end_m)
            if rel == "past":
                while end >= pub:
                    y -= 1
                    end = month_end(y + (1 if end_m < first else 0), end_m)
            elif rel == "next":
                while start <= pub:
                    y += 1
                    start = dt.date(y, first, 1)
        end_m = (first + 2 - 1) % 12 + 1
        ds = dt.date(y, first, 1)
        de = month_end(y + (1 if end_m < first else 0), end_m)
        return out(ds, de, 3, "season", governs=rel != "next")

    if name == "hpart":
        from rasid.time.calendars import gregorian_to_hijri, hijri_month_length

        hm = lex.hijri.get(" ".join(gd["hm"].split()))
        part = lex.cues["part"].get(" ".join(gd["part"].split()))
        if hm is None or part is None:
            return None
        hy = int(gd["hy"]) if gd.get("hy") else None
        if hy is None:
            if pub is None:
                return none("hijri")
            py, pm, _pd = gregorian_to_hijri(pub)
            rel = _rel(lex, gd.get("rel"))
            if rel == "next":
                hy = py if hm.month > pm else py + 1
            elif rel == "past":
                hy = py if hm.month < pm else py - 1
            else:
                hy = py if hm.month <= pm else py - 1
        n = hijri_month_length(hy, hm.month)
        d1, d2 = {"early": (1, 10), "mid": (11, 20), "late": (21, n), "first": (1, 1)}.get(part, (1, n))
        a, b = hijri_to_gregorian(hy, hm.month, d1), hijri_to_gregorian(hy, hm.month, d2)
        if a is None or b is None or (pub is not None and a.year > pub.year + 1):
            return none("invalid")
        return out(a, b, 1 if a == b else (2 if (b - a).days < 11 else 3), "hijri")

    if name == "part_period":
        part = lex.cues["part"].get(" ".join(gd["part"].split()))
        rel = _rel(lex, gd.get("rel")) or "current"
        per = gd["per"]
        if pub is None or part is None:
            return none("part_of_month")
        if gd.get("same"):
            # "نهايه العام نفسه": the year named last before it in the text, else no date
            ys = [
                int(y) for y in re.findall(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])", text[max(0, s - 400) : s])
            ]
            if per not in ("العام", "السنه") or not ys or not _plausible_year(ys[-1], pub):
                return none("part_of_month")
            rng = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}.get(part, (1, 12))
            return out(dt.date(ys[-1], rng[0], 1), month_end(ys[-1], rng[1]), 3, "part_of_year")
        if per == "الشهر":
            y, mo = pub.year, pub.month
            if rel == "past":
                y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
            elif rel == "next":
                y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
            ds, de, prec = _part_window(part, y, mo)
            return out(ds, de, prec, "part_of_month")
        if per == "الاسبوع":
            ws = _week_start(pub) + D(days={"past": -7, "next": 7}.get(rel or "", 0))
            off = {"early": (0, 2), "mid": (2, 4), "late": (4, 6), "first": (0, 0)}.get(part, (0, 6))
            return out(ws + D(days=off[0]), ws + D(days=off[1]), 2 if off[0] != off[1] else 1, "part_of_week")
        y = pub.year + {"past": -1, "next": 1}.get(rel or "", 0)
        rng = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}.get(part, (1, 12))
        return out(dt.date(y, rng[0], 1), month_end(y, rng[1]), 3, "part_of_year")

    if name == "part_year":
        part = lex.cues["part"].get(" ".join(gd["part"].split()))
        y = _year_of(gd["year"])
        if y is None or not _plausible_year(y, pub) or part is None:
            return none("invalid")
        rng = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}.get(part, (1, 12))
        return out(dt.date(y, rng[0], 1), month_end(y, rng[1]), 3, "year")

    if name == "year":
        y = int(gd["year"])
        if not _plausible_year(y, pub):
            return none("invalid")
        pre = gd["pre"]
        if pre in ("في", "خلال") and not (1990 <= y <= (pub.year if pub else 2100)):
            return None
        if pre.startswith("منذ"):
            return out(dt.date(y, 1, 1), dt.date(y, 12, 31), 3, "since", governs=False)
        if pre in ("في", "خلال"):
            s = m.start("year")
        return out(dt.date(y, 1, 1), dt.date(y, 12, 31), 3, "year")

    if name == "period":
        per = gd["per"]
        rel = _rel(lex, gd.get("rel"))
        this = gd.get("this")
        if this:
            rel = rel or "current"
        if rel is None:
            if gd.get("dur") and per == "الاسبوع" and pub is not None:
                return out(pub - D(days=6), pub, 2, "duration")
            return None
        if pub is None:
            return none("relative")
        dur = gd.get("dur")
        if per in ("الاسبوع", "الاسبوعين"):
            if per == "الاسبوعين":
                if rel == "past":
                    return out(pub - D(days=14), pub, 3, "duration")
                return none("duration")
            if dur and rel == "past":
                return out(pub - D(days=7), pub, 2, "relative")
            ws = _week_start(pub)
            if rel == "past":
                return out(ws - D(days=7), ws - D(days=1), 2, "relative")
            if rel == "current":
                return out(ws, pub, 2, "relative")
            return out(ws + D(days=7), ws + D(days=13), 2, "relative", governs=False)
        if per in ("الشهر", "الشهرين"):
            if per == "الشهرين":
                return out(pub - D(days=61), pub, 3, "duration") if rel == "past" else none("duration")
            y, mo = pub.year, pub.month
            if rel == "past":
                y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
                return out(dt.date(y, mo, 1), month_end(y, mo), 3, "relative")
            if rel == "current":
                return out(dt.date(y, mo, 1), pub, 3, "relative")
            y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
            return out(dt.date(y, mo, 1), month_end(y, mo), 3, "relative", governs=False)
        y = pub.year + {"past": -1, "next": 1}.get(rel, 0)
        if rel == "current":
            return out(dt.date(y, 1, 1), pub, 3, "relative")
        return out(dt.date(y, 1, 1), dt.date(y, 12, 31), 3, "relative", governs=(rel == "past"))

    if name == "relday":
        word = " ".join(gd["relday"].split())
        val = lex.cues["relday"].get(word, "0")
        if val == "night":
            # "الليله", "الليله الماضيه", "ليله امس": last night, from the day before publication into it
            if _NOT_TODAY_AFTER.match(text[m.end() : m.end() + 12]) or _NOT_TODAY_BEFORE.search(
                text[max(0, s - 10) : s]
            ):
                return None
            if pub is None:
                return none("relative")
            return out(pub - D(days=1), pub, 1, "relative")
        off = int(val)
        if word == "اليوم" and not gd.get("wd") and not gd.get("tod"):
            if _NOT_TODAY_AFTER.match(text[m.end() : m.end() + 12]) or _NOT_TODAY_BEFORE.search(
                text[max(0, s - 10) : s]
            ):
                return None
        if pub is None:
            return none("relative")
        base = pub + D(days=off)
        tod = gd.get("tod")
        night = tod is not None and lex.cues["tod"].get(" ".join(tod.split())) == "night"
        if wd is not None:
            w = _weekday_near(base, wd, 3)
            if w is None:
                return none("contradictory")
            k = abs((w - base).days)
            if k <= 1 or w < base:
                # "اليوم الأربعاء" in a report dated Friday: the weekday is the writer's day (the publication
                # date of a re-published or crawled page comes later)
                ds, de, prec = w, w, 1
            else:
                ds, de, prec = min(w, base), max(w, base), 2
        else:
            ds, de, prec = base, base, 1
        if night and off < 0:
            de = de + D(days=1)
        return out(ds, de, prec, "relative", governs=off <= 0)

    if name == "weekday":
        if wd is None:
            return None
        if wd == 4 and not gd.get("tod") and _NOT_FRIDAY_BEFORE.search(text[max(0, s - 10) : s]):
            return None
        if wd == 6 and not gd.get("tod") and "يوم" not in m.group(0) and not gd.get("rel"):
            # الاحد is also "one" (الاحد عشر, الواحد الاحد); in news it is almost always Sunday
            if re.match(r"\s*عشر", text[m.end() : m.end() + 6]) or text[max(0, s - 7) : s].endswith(
                "الواحد "
            ):
                return None
        if pub is None:
            return none("weekday")
        rel = _rel(lex, gd.get("rel"))
        tod = gd.get("tod")
        night = tod is not None and tod.strip().startswith("ليل")
        wd2 = lex.weekdays.get(gd["wd2"]) if gd.get("wd2") else None
        if gd.get("wkrel") and _rel(lex, gd["wkrel"]) == "past" and rel is None:
            # "ليلة الأحد إلى الاثنين من الأسبوع الفارط": the days of the previous Saturday-Friday week
            ws = _week_start(pub) - D(days=7)
            d = ws + D(days=(wd - 5) % 7)
            if wd2 is not None and (wd2 - wd) % 7 == 1:
                return out(d, d + D(days=1), 1, "weekday")
            return out(d - D(days=1) if night else d, d, 1, "weekday")
        if wd2 is not None:
            if (wd2 - wd) % 7 != 1:
                return none("contradictory")
            # "ليل الخميس - الجمعة": the night from the first day to the second, the most recent one
            k = (pub.weekday() - wd2) % 7
            if rel == "past" and k == 0:
                k = 7
            d2 = pub - D(days=k)
            return out(d2 - D(days=1), d2, 1, "weekday")
        if rel is None and wd != pub.weekday() and g.future.search(_clause_before(text, s)):
            rel = "next"
        if rel == "next":
            k = (wd - pub.weekday()) % 7 or 7
            d = pub + D(days=k)
            return out(d - D(days=1) if night else d, d, 1, "weekday", governs=False)
        k = (pub.weekday() - wd) % 7
        if rel == "past" and k == 0:
            k = 7
        d = pub - D(days=k)
        if night:
            return out(d - D(days=1), d, 1, "weekday")
        return out(d, d, 1, "weekday")

    if name == "ago":
        unit, implied = _unit_days(lex.cues["unit"].get(" ".join(gd["unit"].split()), ""))
        if not unit:
            return None
        after = text[m.end() : m.end() + 12]
        if re.match(r"\s+من(?![\w])", after) and gd["cue"] == "قبل":
            return None  # "قبل ايام من رفع التقرير": before another event, not before publication
        plural = gd["unit"] in ("ايام", "اسابيع", "اشهر", "شهور", "سنوات", "اعوام", "ساعات", "سنين")
        if not gd.get("n") and plural and re.match(r"\s+ال\w", after):
            return None  # "منذ ايام الملك فاروق": a construct, not a count of days
        n_s = gd.get("n")
        if n_s:
            n = _day_value(n_s) if not n_s.startswith(("عده", "بضع")) else None
            vague = n is None
        else:
            n = implied or (
                None
                if gd["unit"] in ("ايام", "اسابيع", "اشهر", "شهور", "سنوات", "اعوام", "ساعات", "سنين")
                else 1
            )
            vague = n is None
        approx = bool(gd.get("approx"))
        if pub is None:
            return none("relative")
        if unit == "hour":
            return out(pub - D(days=1), pub, 1, "relative")
        if unit == "day":
            if vague:
                return out(pub - D(days=7), pub - D(days=2), 2, "relative")
            if n is None or n > 60:
                return none("relative")
            if approx or n > 7:
                w = max(1, round(n * 0.2))
                return out(pub - D(days=n + w), pub - D(days=max(0, n - w)), 2, "relative")
            return out(pub - D(days=n), pub - D(days=n), 1, "relative")
        if unit == "week":
            if vague:
                return out(pub - D(days=35), pub - D(days=10), 3, "relative")
            if n is None or n > 12:
                return none("relative")
            c = 7 * n
            w = 3 if approx else 1
            return out(pub - D(days=c + w), pub - D(days=c - w), 2, "relative")
        if unit == "month":
            if vague or n is None or n > 24:
                return none("relative")
            c = 30 * n
            w = 10 if n == 1 else 15
            return out(pub - D(days=c + w), pub - D(days=c - w), 3, "relative")
        if unit == "year":
            if vague or n is None or n > 100:
                return none("since")
            # "منذ 10 سنوات": that year (usually the start of a state: it does not date an event itself)
            y = pub.year - n
            return out(dt.date(y, 1, 1), dt.date(y, 12, 31), 3, "relative", governs=False)
        return None

    if name == "during":
        unit, implied = _unit_days(lex.cues["unit"].get(" ".join(gd["unit"].removeprefix("ال").split()), ""))
        if not unit:
            unit, implied = _unit_days(lex.cues["unit"].get(" ".join(gd["unit"].split()), ""))
        if not unit:
            return None
        rel = gd.get("rel")
        cue = gd.get("cue")
        n_s = gd.get("n")
        if cue in (None, "في") and not n_s and gd["unit"] in ("الاسبوع", "الشهر", "العام", "السنه"):
            return None  # "الاسبوع الماضي", "في العام الماضي": a calendar period (the period pattern)
        n = _day_value(n_s) if n_s and not n_s.startswith(("عده", "بضع")) else (implied or None)
        if rel in ("المقبله", "المقبلين", "القادمه", "القادمين"):
            return none("duration")
        if rel and pub is not None:
            if unit == "hour":
                return out(pub - D(days=1), pub, 1, "duration")
            if unit == "day":
                k = n or 5  # "الايام الماضيه": the past few days
                return out(pub - D(days=k), pub, 2 if k > 1 else 1, "duration")
            if unit == "week":
                k = 7 * (n or 1)
                return out(pub - D(days=k), pub, 2 if k <= 7 else 3, "duration")
            if unit == "month":
                return out(pub - D(days=30 * (n or 1)), pub, 3, "duration")
            return none("duration")
        if not cue or cue in ("في", "منذ"):
            return None
        if n is None and not implied and not n_s:
            return None
        f = none("duration")
        days = {"day": 1, "week": 7}.get(unit, 0) * (n or 0)
        f._days = days  # type: ignore[attr-defined]
        return f
    return None
