"""The audit trail as an analyst reads it: who did what to which fact, when, the status and values before and
after, and the note. The History panel and `missiondesk audit` show the same rows."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from missiondesk.facts import actor_reviews
from missiondesk.facts.qualifiers import label
from missiondesk.store.project import ProjectData

COLUMNS = [("at", "When"), ("who", "Who"), ("action", "What"), ("fact", "Fact"), ("before", "Before"),
           ("after", "After"), ("note", "Note")]


def audit_rows(data: ProjectData, key: tuple[str, str, int, int] | None = None) -> list[dict]:
    """Every entry of the project's trail, oldest first (only those about the fact at `key` when given)."""
    labels = _labels(data)
    out = []
    for at, who, action, detail in data.audit:
        entry_key = tuple(detail.get("key") or ())
        if key is not None and entry_key != tuple(key):
            continue
        if entry_key[1:2] == (actor_reviews.KIND,):  # an actor merged or renamed: said in the actors' names
            state, fact = actor_reviews.describe, actor_reviews.label(detail)
        else:
            state, fact = _state, labels.get(entry_key, "")
        out.append({"at": at, "who": who, "action": _action(action, detail), "fact": fact,
                    "before": state(detail.get("before")), "after": state(detail.get("after")),
                    "note": detail.get("note") or "", "key": entry_key})
    return out


def audit_csv(rows: Iterable[dict]) -> str:
    """The rows as CSV text, with a header line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([title for _, title in COLUMNS])
    for row in rows:
        writer.writerow([row[name] for name, _ in COLUMNS])
    return buffer.getvalue()


def _action(action: str, detail: dict) -> str:
    if action in ("undo", "note"):
        return action
    after = detail.get("after")
    if after is None:
        return "cleared review" if detail.get("before") else action
    if tuple(detail.get("key") or ())[1:2] == (actor_reviews.KIND,) and after.get("status") == "edited":
        return "renamed"
    return {"accepted": "accepted", "rejected": "rejected", "edited": "edited", "merged": "merged"}.get(
        after.get("status"), action)


def _state(review: dict | None) -> str:
    """'unreviewed', 'accepted', 'edited: value 12,000; whose NATO'."""
    if not review:
        return "unreviewed"
    changes = review.get("changes") or {}
    if not changes:
        return review.get("status", "")
    shown = "; ".join(f"{name.replace('_', ' ')} {_value(value)}" for name, value in changes.items())
    return f"{review.get('status', '')}: {shown}"


def _value(value) -> str:
    if isinstance(value, bool) or value is None:
        return "—" if value is None else str(value)
    return f"{value:,}" if isinstance(value, int) else str(value)


def _labels(data: ProjectData) -> dict[tuple, str]:
    """A short label for each fact a review can be about, by its key (document, kind, start, end)."""
    wanted = {tuple(detail.get("key") or ()) for _, _, _, detail in data.audit}
    documents = {key[0] for key in wanted if key}
    out = {}
    for document in documents:
        facts = data.facts.get(document)
        if facts is None:
            continue
        for count in facts.troop_counts:
            key = (document, "count", count.start, count.end)
            if key in wanted:
                out[key] = f"{label(count.value, count.value_to, count.qualifier)} {count.whose or ''} " \
                           f"{count.unit or ''}".replace("  ", " ").strip()
        for statement in facts.statements:
            key = (document, "statement", statement.start, statement.end)
            if key in wanted:
                out[key] = f"{statement.actor}: {str(statement.content or '')[:60]}"
    titles = {d.id: d.title for d in data.documents}
    for key in wanted - set(out):
        if key and key[1] == "mission":
            out[key] = f"mission {key[0]}"
        elif key and key[1] == "document":  # the article's details (title, outlet, author, date) as read
            out[key] = f"article '{titles.get(key[0], key[0])}'"
        elif key:
            out[key] = f"{key[1]} in '{titles.get(key[0], key[0])}' at {key[2]}–{key[3]}"
    return out
