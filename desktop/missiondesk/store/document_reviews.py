"""The analyst's corrections to an article's metadata (title, outlet, author, date), kept as reviews of kind
'document' beside the reviews of facts. The document as read stays untouched in the project: the corrections are
applied whenever the articles are shown or compared, so they survive reading the file again and re-extraction,
and an undo only has to put the review back."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from missiondesk.corpus.document import Document
from missiondesk.facts.reviews import Review

DOCUMENT = "document"
DOCUMENT_FIELDS = ("title", "outlet", "author", "published")
TIME_ZONE = "timezone"  # the zone of the article's date, as the analyst typed it (files give none): kept beside
                        # the fields, never applied to the Document itself


def document_key(doc_id: str) -> tuple[str, str, int, int]:
    """A document review is keyed by the article's id, spanning nothing (a mission's review is keyed alike)."""
    return (doc_id, DOCUMENT, 0, 0)


def corrections(reviews: Iterable[Review]) -> dict[str, dict]:
    """Article id -> the fields the analyst set on it."""
    return {r.document: r.changes for r in reviews if r.kind == DOCUMENT and r.status == "edited" and r.changes}


def with_corrections(documents: Iterable[Document], reviews: Iterable[Review]) -> list[Document]:
    """The articles as the analyst corrected them (the same objects when nothing was set on them)."""
    by_id = corrections(reviews)
    if not by_id:
        return list(documents)
    out = []
    for document in documents:
        changes = by_id.get(document.id)
        if changes:
            fields = {k: (v or None) for k, v in changes.items() if k in DOCUMENT_FIELDS}
            if not fields.get("title", True):  # an article always has a title: a cleared one keeps the file's
                fields.pop("title")
            document = replace(document, **fields)
        out.append(document)
    return out


def hand_dated(reviews: Iterable[Review]) -> set[str]:
    """The articles whose date the analyst typed (it is marked wherever the date is shown)."""
    return {doc_id for doc_id, changes in corrections(reviews).items() if changes.get("published")}


def changes_from(original: Document, wanted: dict[str, str | None]) -> dict[str, str | None]:
    """The fields of `wanted` that differ from the article as read: what the review must hold. A field set back
    to what the file said is no longer a correction."""
    out = {}
    for name in DOCUMENT_FIELDS:
        if name not in wanted:
            continue
        value = (wanted[name] or "").strip() or None
        if value != (getattr(original, name) or None):
            out[name] = value
    zone = (wanted.get(TIME_ZONE) or "").strip() or None
    if zone:
        out[TIME_ZONE] = zone
    return out


def time_zones(reviews: Iterable[Review]) -> dict[str, str]:
    """Article id -> the time zone the analyst gave its date."""
    return {doc_id: changes[TIME_ZONE] for doc_id, changes in corrections(reviews).items() if changes.get(TIME_ZONE)}


_OFFSET = re.compile(r"(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)


def typed_time_zone(text: str) -> str | None:
    """A time zone as typed (empty: none) as it is kept: 'UTC', an offset as 'UTC+02:00' (from '+2', 'UTC+2',
    'GMT-05:30'), or a zone name the time zone database knows ('Europe/Berlin'). Raises ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    if text.upper() in ("UTC", "GMT", "Z"):
        return "UTC"
    match = _OFFSET.fullmatch(text)
    if match:
        sign, hours, minutes = match.group(1), int(match.group(2)), int(match.group(3) or 0)
        if hours > 14 or minutes >= 60:
            raise ValueError(f"'{text}' is not an offset from UTC (they run from UTC-12:00 to UTC+14:00)")
        return f"UTC{sign}{hours:02d}:{minutes:02d}"
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"'{text}' is not a time zone: type an offset such as UTC+02:00, or a zone such as "
                         "Europe/Berlin") from None
    return text


def typed_date(text: str) -> str | None:
    """A date as typed (YYYY-MM-DD, or empty for undated) as the ISO date stored; raises ValueError otherwise.
    Only ISO is taken: '03/04/2024' reads as March or April depending on who typed it."""
    text = text.strip()
    if not text:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(f"'{text}' is not a date as YYYY-MM-DD (for example 2024-03-05)")
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(f"'{text}' is not a day of the calendar") from None
