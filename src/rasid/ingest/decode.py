"""Turning bytes into article text, or a clear reason why not.

Handles UTF-8 (with or without BOM), UTF-16 with BOM, and Windows-1256 (common
in Arabic news sites); rejects empty, binary, huge and non-Arabic input with a
one-line reason.
"""

from __future__ import annotations

import unicodedata

MAX_FILE_BYTES = 50_000_000
MIN_ARABIC_SHARE = 0.3


class InputProblem(Exception):
    """Input that cannot become an article; ``str(exc)`` is the user-facing reason."""


def arabic_share(text: str) -> float:
    """Share of Arabic letters among all letters of ``text`` (sampled)."""
    sample = text[:20000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return 0.0
    arabic = sum(
        1
        for c in letters
        if "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" or "\ufb50" <= c <= "\ufeff"
    )
    return arabic / len(letters)


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > len(head) * 0.05


def decode_bytes(data: bytes, max_bytes: int = MAX_FILE_BYTES) -> tuple[str, str]:
    """Decode article bytes; return (text, encoding) or raise InputProblem."""
    if len(data) > max_bytes:
        raise InputProblem(f"too large ({len(data) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB)")
    if not data.strip():
        raise InputProblem("empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputProblem("broken UTF-16 text") from None
    if looks_binary(data):
        raise InputProblem("binary data, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
        if arabic_share(text) >= MIN_ARABIC_SHARE:
            return text, "windows-1256"
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None:
            return str(best), best.encoding
    except Exception:  # noqa: BLE001 - any detector failure means "cannot decode"
        pass
    raise InputProblem("not valid UTF-8, UTF-16 or Windows-1256 text")


def check_article_text(text: str, max_chars: int) -> str:
    """Validate decoded article text; return it NFC-normalised or raise InputProblem."""
    if not text.strip():
        raise InputProblem("no text")
    if len(text) > max_chars:
        raise InputProblem(f"article too long ({len(text):,} characters; the limit is {max_chars:,})")
    share = arabic_share(text)
    if share < MIN_ARABIC_SHARE:
        raise InputProblem(f"not Arabic text ({share:.0%} of letters are Arabic)")
    return unicodedata.normalize("NFC", text)
