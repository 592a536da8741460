"""Arabic normalisation with an offset map back to the raw text.

The normalised view folds letter variants so that matching is robust
(alef forms -> ا, ى -> ي, ة -> ه, Arabic/Persian digits -> ASCII,
no-break and other spaces -> ' ', Latin lower-case) and drops tatweel and
diacritics. Folding is character-for-character or a deletion, so every
normalised character keeps the raw offset it came from.
"""

from __future__ import annotations

import re
import unicodedata
from array import array

# one character -> one character folds
_FOLD: dict[int, str] = {}
for _c in "أإآٱٲٳ":
    _FOLD[ord(_c)] = "ا"
_FOLD[ord("ى")] = "ي"
_FOLD[ord("ی")] = "ي"  # Persian yeh
_FOLD[ord("ک")] = "ك"  # Persian kaf
_FOLD[ord("ة")] = "ه"
_FOLD[ord("ۀ")] = "ه"
for _i, _c in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _FOLD[ord(_c)] = str(_i)
for _i, _c in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _FOLD[ord(_c)] = str(_i)
for _c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t":
    _FOLD[ord(_c)] = " "
_FOLD[ord("٪")] = "%"
_FOLD[ord("“")] = '"'
_FOLD[ord("”")] = '"'
_FOLD[ord("«")] = '"'
_FOLD[ord("»")] = '"'

# characters dropped from the normalised view
_DROP = {ord("ـ"), 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF}
_DROP.update(range(0x064B, 0x0660))  # harakat, shadda, sukun, ...
_DROP.add(0x0670)  # superscript alef
_DROP.update(range(0x06D6, 0x06EE))  # Quranic marks


def fold_char(ch: str) -> str:
    """Return the normalised form of one character ('' when dropped)."""
    o = ord(ch)
    if o in _DROP:
        return ""
    f = _FOLD.get(o)
    if f is not None:
        return f
    if "A" <= ch <= "Z":
        return ch.lower()
    if 0xFB50 <= o <= 0xFEFF:  # presentation forms
        n = unicodedata.normalize("NFKC", ch)
        return "".join(fold_char(c) for c in n)[:1]
    return ch


# the same folds as one str.translate table (presentation forms excepted: they go through fold_char)
_TABLE: dict[int, str | None] = {o: None for o in _DROP}
_TABLE.update(_FOLD)
_TABLE.update({o: chr(o).lower() for o in range(ord("A"), ord("Z") + 1)})


_PRESENTATION = re.compile("[\ufb50-\ufefe]")
_DROPPED = re.compile("[" + "".join(re.escape(chr(o)) for o in sorted(_DROP)) + "]+")


def _has_presentation_forms(text: str) -> bool:
    return _PRESENTATION.search(text) is not None


def normalise(raw: str) -> tuple[str, array]:
    """Normalise ``raw``; return the view and, for each of its characters,
    the raw offset it came from (plus one final entry: ``len(raw)``)."""
    if not _has_presentation_forms(raw):
        view = raw.translate(_TABLE)
        if len(view) == len(raw):
            offsets = array("l", range(len(raw) + 1))
        else:  # the offsets of the kept characters: every run between two runs of dropped ones
            offsets = array("l")
            kept = 0
            for m in _DROPPED.finditer(raw):
                offsets.extend(range(kept, m.start()))
                kept = m.end()
            offsets.extend(range(kept, len(raw) + 1))
        return view, offsets
    out: list[str] = []
    offsets = array("l")
    for i, ch in enumerate(raw):
        f = fold_char(ch)
        if f:
            out.append(f)
            offsets.append(i)
    offsets.append(len(raw))
    return "".join(out), offsets


def norm(text: str) -> str:
    """The normalised form of a string (no offsets), for lexicon keys."""
    if not _has_presentation_forms(text):
        return " ".join(text.translate(_TABLE).split())
    return " ".join("".join(fold_char(c) for c in text).split())


def fold_spaces(text: str) -> str:
    """Fold every run of whitespace (incl. no-break spaces) to one space."""
    return " ".join(text.split())
