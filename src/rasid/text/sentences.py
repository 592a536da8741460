"""Sentence splitting for Arabic news text.

Splits on sentence-final punctuation (. ! ? ؟ …) even when no space follows
(news copy often glues sentences: "منذ سنوات.وفي المقابل"), never between
digits (3.5), on newlines, and breaks sentences longer than ``MAX_SENTENCE``
characters at clause boundaries (؛ or a comma before و/ف; failing that any comma, colon or space).
"""

from __future__ import annotations

import re

from rasid.doc import Doc, Span
from rasid.pipeline import stage
from rasid.resources import Resources

MAX_SENTENCE = 400

_END = re.compile(
    r"""(?:
        [.](?![0-9٠-٩.])                 # a full stop, not a decimal point or an ellipsis part
      | \.\.\.+ | …
      | [!?؟]+
    )
    [\"'»”\)\]]*                       # closing quotes/brackets stay with the sentence
    """,
    re.VERBOSE,
)
_NEWLINE = re.compile(r"\s*\n\s*")
# clause boundaries, strongest first: semicolon or comma before و/ف; any comma or colon; any space
_CUTS = (
    re.compile(r"؛\s*|[،,]\s*(?=[وف]\S)"),
    re.compile(r"[،,:]\s+"),
    re.compile(r"\s+"),
)


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    for m in _END.finditer(text, start, end):
        e = m.end()
        # an abbreviation like "د." or a single-letter initial: do not split
        if m.group(0) == "." and m.start() - pos < 3:
            continue
        if (
            e < end
            and text[e] not in " \t\u00a0\n"
            and not ("\u0600" <= text[e] <= "\u06ff" or text[e] in "\"'«“(")
        ):
            continue
        out.append((pos, e))
        pos = e
    if pos < end:
        out.append((pos, end))
    return out


def _break_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an over-long sentence at the clause boundary nearest its middle (recursively)."""
    if end - start <= MAX_SENTENCE:
        return [(start, end)]
    mid = (start + end) // 2
    for pattern in _CUTS:
        cuts = [m.end() for m in pattern.finditer(text, start, end) if start + 40 < m.end() < end - 40]
        if cuts:
            cut = min(cuts, key=lambda c: abs(c - mid))
            return _break_long(text, start, cut) + _break_long(text, cut, end)
    return [(start, end)]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) raw offsets of the sentences, trimmed of surrounding space."""
    spans: list[tuple[int, int]] = []
    pos = 0
    lines = []
    for m in _NEWLINE.finditer(text):
        lines.append((pos, m.start()))
        pos = m.end()
    lines.append((pos, len(text)))
    for ls, le in lines:
        for s, e in _split_line(text, ls, le):
            for s2, e2 in _break_long(text, s, e):
                while s2 < e2 and text[s2].isspace():
                    s2 += 1
                while e2 > s2 and text[e2 - 1].isspace():
                    e2 -= 1
                if e2 > s2 and any(c.isalnum() for c in text[s2:e2]):
                    spans.append((s2, e2))
    return spans


@stage("sentences", assigns=("sentences",))
def sentences_stage(doc: Doc, resources: Resources) -> None:
    """Assign ``doc.sentences``."""
    doc.sentences = [Span(s, e, doc.text[s:e]) for s, e in split_sentences(doc.text)]
