"""An analyst's verdict on a fact. Keyed to the fact's document and span, so it survives re-extraction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

STATUSES = ("accepted", "rejected", "edited")
EDITABLE = {
    "count": ("value", "value_to", "qualifier", "unit", "whose", "where", "mission", "period"),
    "statement": ("actor", "actor_role", "kind", "content", "topic", "mission"),
}


@dataclass(frozen=True)
class Review:
    document: str
    kind: str  # count | statement
    start: int
    end: int
    status: str
    changes: dict = field(default_factory=dict)
    who: str = ""
    when: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))

    @property
    def key(self) -> tuple[str, str, int, int]:
        return (self.document, self.kind, self.start, self.end)


def review_key(kind: str, document: str, start: int, end: int) -> tuple[str, str, int, int]:
    return (document, kind, int(start), int(end))


def merge_targets(reviews, kind: str) -> dict[str, str]:
    """Each merged thing's id (a mission, an actor) -> the id it now counts as: a chain of merges followed to
    its end, a loop cut where it comes back."""
    direct = {r.document: r.changes.get("into") for r in reviews
              if r.kind == kind and r.status == "merged" and r.changes.get("into")}
    out = {}
    for start, target in direct.items():
        seen = {start}
        while target in direct and target not in seen:
            seen.add(target)
            target = direct[target]
        out[start] = target
    return out
