"""Title, byline, outlet and publication date, read from the lines around an article."""

from __future__ import annotations

import datetime
import json
import re
from functools import cache, lru_cache

from missiondesk.paths import resource

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_YEAR = r"(?:19|20)\d{2}"
# Every candidate names a year: a date is never guessed from a weekday or "yesterday".
_DATE = re.compile(
    rf"\b{_YEAR}-\d{{1,2}}-\d{{1,2}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+{_YEAR}\b"
    rf"|\b{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}\b"
    rf"|\b\d{{1,2}}[./]\d{{1,2}}[./]{_YEAR}\b",
    re.I,
)
_UPDATED = re.compile(r"\b(updated|modified|last edited)\b", re.I)
_PUBLISHED = re.compile(r"\b(published|posted|first published|date|issued|released)\b", re.I)
_BYLINE = re.compile(r"^\s*(?:by|written by|words by|story by|text by)\s*:?\s+(.{2,120}?)\s*$", re.I)
_NAME_PART = r"[A-Z][\w'’.-]*"
_PERSON = re.compile(rf"^{_NAME_PART}(?:\s+(?:de|van|von|der|al|el|bin|da|di|le)?\s*{_NAME_PART}){{1,3}}$")
_AGENCY_TAG = re.compile(r"\(([A-Z][\w.&/ -]{1,30})\)")
_DOMAIN_LIKE = re.compile(r"^[A-Za-z][\w-]*\.(?:[a-z]{2,6}|[A-Z][a-z]{1,5})$")
_COPYRIGHT_OWNER = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*"
                              r"([A-Z][\w&'’ .-]*?)\s*(?:\b\d{4}\b|[,|–—]|\.\s|all rights|$)", re.I)


@cache
def _outlets() -> dict[str, str]:
    """Every known outlet name and alias, lower-cased -> canonical name."""
    with open(resource("gazetteers", "outlets.json"), encoding="utf-8") as fh:
        table = {}
        for outlet in json.load(fh):
            for name in [outlet["name"], *outlet["aliases"]]:
                table[name.lower()] = outlet["name"]
    return table


def known_outlet(text: str) -> str | None:
    return _outlets().get(text.strip().strip(".").lower())


def parse_date(text: str) -> str | None:
    """The first date in `text` that names day, month and year, as YYYY-MM-DD; else None."""
    for match in _DATE.finditer(text):
        parsed = _parse_one(match.group(0))
        if parsed is not None:
            return parsed
    return None


# The two written forms most pages use, read by the standard library (dateparser took 0.8 ms a date, half of
# reading an article); a test checks both agree on every such date. Other forms and impossible days go on.
_DAY_MONTH_YEAR = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+({_YEAR})", re.I)
_MONTH_DAY_YEAR = re.compile(rf"({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({_YEAR})", re.I)
_MONTH_NUMBERS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


def _written_date(text: str) -> str | None:
    """'12 March 2024', '12th Mar. 2024', 'March 12, 2024' as 2024-03-12; None for other forms."""
    if match := _DAY_MONTH_YEAR.fullmatch(text):
        day, month, year = match.groups()
    elif match := _MONTH_DAY_YEAR.fullmatch(text):
        month, day, year = match.groups()
    else:
        return None
    try:
        return datetime.date(int(year), _MONTH_NUMBERS[month[:3].lower()], int(day)).isoformat()
    except ValueError:  # '31 February 2024': dateparser says why not
        return None


@lru_cache(maxsize=4096)
def _parse_one(text: str) -> str | None:
    written = _written_date(text)
    if written is not None:
        return written
    import dateparser

    # Only absolute dates: the candidates always name a year, so the relative ("2 days ago") parser, which
    # cost half the time, has nothing to find.
    parsed = dateparser.parse(
        text, languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY", "PARSERS": ["absolute-time"],
                  "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if parsed is not None else None


def is_date_line(text: str) -> bool:
    """A short line whose main content is a date ("17 August 2021, 22:07 | Updated: ...")."""
    if not _DATE.search(text):
        return False
    rest = _DATE.sub(" ", text)
    rest = re.sub(r"\b\d{1,2}[:.]\d{2}\b|\b(am|pm|gmt|utc|cet|est|edt|bst)\b", " ", rest, flags=re.I)
    return len(re.findall(r"[^\W\d_]+", rest)) <= 8


def date_rank(text: str) -> int:
    """Lower is better: a 'published' line before a plain date line before an 'updated' one."""
    if _PUBLISHED.search(text) and not _UPDATED.search(text.split("|")[0]):
        return 0
    return 2 if _UPDATED.search(text.split("|")[0]) else 1


def parse_byline(text: str) -> tuple[str | None, str | None] | None:
    """'By Jane Doe, Reuters' -> ('Jane Doe', 'Reuters'); None when the line is no byline."""
    match = _BYLINE.match(text)
    if not match:
        return None
    authors: list[str] = []
    outlet = None
    for part in re.split(r"\s*(?:,|\||/|;|\band\b|&)\s*", match.group(1)):
        part = part.strip(" .")
        if not part:
            continue
        part, trailing_outlet = _split_trailing_outlet(part)
        if trailing_outlet:
            outlet = outlet or trailing_outlet
            if not part:
                continue
        if part.isupper() and len(part.split()) >= 2:
            part = part.title()
        if known_outlet(part):
            outlet = outlet or known_outlet(part)
        elif _PERSON.match(part):
            authors.append(part)
        elif len(part.split()) == 1 and part[0].isupper():
            outlet = outlet or part
        else:
            return None  # "By the end of the year ...": a sentence, not a byline
    if not authors and not outlet:
        return None
    return (", ".join(authors) or None), outlet


def _split_trailing_outlet(part: str) -> tuple[str, str | None]:
    """'DAVID R. MARSH Associated Press' -> ('DAVID R. MARSH', 'AP')."""
    words = part.split()
    for cut in range(1, len(words)):
        tail = " ".join(words[cut:])
        if known_outlet(tail):
            return " ".join(words[:cut]), known_outlet(tail)
    return part, None


def is_person_name(text: str) -> bool:
    """A line that is only a name, as bylines without 'By' are: 'Lejla Hodžić'."""
    words = text.split()
    return 2 <= len(words) <= 4 and bool(_PERSON.match(text.strip())) and not known_outlet(text)


_OWNER_BEFORE_MARK = re.compile(r"^([A-Z][\w.&' -]{1,50}?)\s*(?:©|\(c\))")
_LEGAL_SUFFIX = re.compile(r"\s+(?:Ltd\.?|Limited|SARL|S\.?A\.?|UAB|Inc\.?|LLC|GmbH|plc|PLC|AG|Co\.?|"
                           r"sp\. z o\.o\.|S\.?p\.?A\.?|B\.?V\.?|N\.?V\.?|Pty|OÜ|AS|\d{4})\.?$")


def outlet_from_line(text: str) -> str | None:
    """An outlet named by a line of page furniture: an agency tag, a copyright owner, a site name."""
    for tag in _AGENCY_TAG.findall(text):
        if known_outlet(tag):
            return known_outlet(tag)
    stripped = text.strip()
    if known_outlet(stripped):
        return known_outlet(stripped)
    if _DOMAIN_LIKE.match(stripped):
        return stripped
    owner = _COPYRIGHT_OWNER.search(text) or _OWNER_BEFORE_MARK.search(text)
    if owner:
        name = owner.group(1).strip()
        while _LEGAL_SUFFIX.search(name):
            name = _LEGAL_SUFFIX.sub("", name).strip()
        return known_outlet(name) or (name if name and len(name.split()) <= 4 else None)
    return None


def outlet_from_dateline(paragraph: str) -> str | None:
    """'BRUSSELS (AFP) - ...' or 'KYIV, Ukraine (AP) —': the agency in the opening dateline."""
    head = paragraph[:80]
    for tag in _AGENCY_TAG.findall(head):
        if known_outlet(tag):
            return known_outlet(tag)
    return None


def is_title_candidate(text: str, words: int) -> bool:
    if not 3 <= words <= 30 or _DATE.search(text) and is_date_line(text):
        return False
    if text.isupper() or text.rstrip().endswith((".", ",", ";", ":")) and not text.rstrip().endswith("..."):
        return False
    return True
