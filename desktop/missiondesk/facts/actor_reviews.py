"""The analyst's corrections to the actor registry: two actors merged (the same speaker under two names) and an
actor renamed. A review of an actor is keyed by the registry's actor id (the review's document field holds the
id, its kind is 'actor', its span 0-0), never by a row, so it is applied again when the articles are extracted
again and the registry gives the same actors. Like a merged mission, a merged actor is status 'merged' with
changes {'into': id}; a rename is status 'edited' with changes {'name': the new name}. Each also keeps the names
shown when it was made ('actor', 'into_name'), so the audit trail reads in names, and a merge still names its
actor when the one it went into is no longer found. Plain Python, no Qt."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import pandas as pd

from missiondesk.facts.reviews import Review, merge_targets

KIND = "actor"
MERGED = "merged"
RENAMED = "edited"


def actor_key(actor_id: str) -> tuple[str, str, int, int]:
    return (actor_id, KIND, 0, 0)


def merge_changes(into: str, into_name: str, name: str) -> dict:
    """What a merge review holds: the id it goes into, and both names as the analyst saw them."""
    return {"into": into, "into_name": into_name, "actor": name}


def rename_changes(new_name: str, name: str) -> dict:
    """What a rename review holds: the new name and the name it replaced."""
    return {"name": new_name, "actor": name}


def actor_reviews(reviews: Iterable[Review]) -> list[Review]:
    return [r for r in reviews if r.kind == KIND]


def merged_into(reviews: Iterable[Review]) -> dict[str, str]:
    """Each merged actor's id -> the id of the actor it now counts as (a chain of merges followed, a loop cut)."""
    return {actor_id: target for actor_id, target in merge_targets(reviews, KIND).items() if target != actor_id}


def renamed(reviews: Iterable[Review]) -> dict[str, str]:
    """Each renamed actor's id -> its new name."""
    return {r.document: str(r.changes["name"]) for r in reviews
            if r.kind == KIND and r.status == RENAMED and str(r.changes.get("name") or "").strip()}


def spoken_names(statements: pd.DataFrame) -> dict[str, str]:
    """Each registry actor's id -> what the articles call it most (the name it keeps when nothing renames it)."""
    said: dict[str, Counter] = {}
    for actor_id, actor in zip(statements["actor_id"].tolist(), statements["actor"].tolist()):
        if isinstance(actor, str) and actor:
            said.setdefault(actor_id, Counter())[actor] += 1
    return {actor_id: counter.most_common(1)[0][0] for actor_id, counter in said.items()}


def apply_actor_reviews(statements: pd.DataFrame, reviews: Iterable[Review],
                        spoken: dict[str, str] | None = None) -> pd.DataFrame:
    """A statements frame (with `actor_id`, facts.actors.with_actors) with the analyst's merges and renames
    applied: a merged actor's statements take the id and the name of the actor it went into, a renamed actor's
    statements its new name. Everything the registry feeds (Positions, Side by side, fact sheets, exports) reads
    these two columns. `spoken`: `spoken_names(statements)` when already known (the window keeps it)."""
    reviews = actor_reviews(reviews)
    if not reviews or statements.empty or "actor_id" not in statements:
        return statements
    merged, names = merged_into(reviews), renamed(reviews)
    # the name each merge saw its target by: the name kept when the target is no longer found
    recorded = {r.changes.get("into"): r.changes.get("into_name") for r in reviews if r.status == MERGED}
    ids = statements["actor_id"].tolist()
    actors = statements["actor"].tolist()
    final = [merged.get(i, i) for i in ids]
    if final == ids and not names.keys() & set(ids):
        return statements
    # the name an actor keeps: its new name, else what the articles call it most (before any merge into it)
    shown: dict[str, str] = {}
    for target in set(merged.values()):
        shown[target] = recorded.get(target) or target
    shown.update(spoken if spoken is not None else spoken_names(statements))
    shown.update(names)
    frame = statements.copy()
    frame["actor_id"] = final
    frame["actor"] = [shown.get(f, a) if (f != i or f in names) else a for i, f, a in zip(ids, final, actors)]
    return frame


def describe(review: dict | None) -> str:
    """An actor review as the History panel and `missiondesk audit` say it: 'merged into Jens Stoltenberg',
    'renamed to NATO Secretary General'; 'unreviewed' for none."""
    if not review:
        return "unreviewed"
    changes = review.get("changes") or {}
    if review.get("status") == MERGED:
        return f"merged into {changes.get('into_name') or changes.get('into')}"
    if review.get("status") == RENAMED:
        return f"renamed to {changes.get('name')}"
    return str(review.get("status", ""))


def label(detail: dict) -> str:
    """The actor an audit entry is about, by the name it had when the review was made."""
    for state in (detail.get("after"), detail.get("before")):
        name = ((state or {}).get("changes") or {}).get("actor")
        if name:
            return f"actor {name}"
    key = detail.get("key") or ["?"]
    return f"actor {key[0]}"
