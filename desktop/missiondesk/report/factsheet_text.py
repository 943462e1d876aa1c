"""Article text made safe for a fact sheet: reportlab's Paragraph reads its text as markup, so every string
that comes from an article passes through `escaped` before it reaches one; `plain` does the same cleaning
for text drawn straight onto the canvas (header, chart labels, bookmarks), where no markup is read."""

from __future__ import annotations

import math
import re
from xml.sax.saxutils import escape

import pandas as pd

QUOTE_LIMIT = 300  # characters of a statement shown in a table; the sentence is in the article
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")
# reportlab writes code points beyond U+FFFF into the font's ToUnicode map as five hex digits, which is not
# valid PDF (readers warn, copy and paste breaks); emoji are noise in a briefing, so they become U+FFFD.
_ASTRAL = re.compile(r"[\U00010000-\U0010ffff]+")
_SPACE = re.compile(r"\s+")
_LONG_WORD = re.compile(r"\S{40,}")
_BREAK_EVERY = 24
_ZWSP = "\u200b"  # reportlab breaks lines here; an invisible break opportunity inside a long 'word'


def missing(value) -> bool:
    """None, NaN, NaT, pd.NA and the empty string all mean 'the article does not say'."""
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def plain(value, limit: int | None = None, default: str = "") -> str:
    """One line of article text without control characters, whitespace runs collapsed, shortened to
    `limit` characters at a word boundary with an ellipsis."""
    if missing(value):
        return default
    text = _SPACE.sub(" ", _ASTRAL.sub("\ufffd", _CONTROL.sub("", str(value)))).strip()
    if not text:
        return default
    return shorten(text, limit) if limit else text


def shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:  # end on a whole word unless that throws away too much
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"


def escaped(value, limit: int | None = None, default: str = "") -> str:
    """Article text ready for a Paragraph: cleaned, shortened, '&', '<' and '>' escaped, and a break
    opportunity every few characters of a long unbroken run (URLs, hashes) so a table cell can wrap it."""
    text = plain(value, limit, default)
    text = _LONG_WORD.sub(lambda m: _ZWSP.join(m.group(0)[i:i + _BREAK_EVERY]
                                               for i in range(0, len(m.group(0)), _BREAK_EVERY)), text)
    return escape(text)


def quoted(content, kind: str | None, limit: int = QUOTE_LIMIT) -> str:
    """A statement as markup: a direct quote in curly quotes, reported speech in italics."""
    text = escaped(content, limit)
    if kind == "direct":
        return f"“{text}”"
    return f"<i>{text}</i>"


def day(value) -> str:
    """An article's date as the sheet shows it (ISO, like the comparison's sentences), or 'undated'."""
    if missing(value):
        return "undated"
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return plain(value, 20, "undated")


def count_noun(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n:,} {singular if n == 1 else (plural or singular + 's')}"
