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
    return out


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
