"""The analyst's reviews of missions. A mission is reviewed as a whole, keyed by its canonical id (a review's
document field holds the id, its span is 0-0), so the review survives re-extraction as count reviews do. Besides
accepted, rejected and edited, a mission can be merged into another (status 'merged', changes {'into': id}): the
same mission under two names; its mentions, counts and statements then count for the other."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from missiondesk.facts.reviews import Review, merge_targets

MISSION_FIELDS = ("name", "lead", "theater", "start", "end")


def mission_key(mission_id: str) -> tuple[str, str, int, int]:
    return (mission_id, "mission", 0, 0)


MERGED = "merged"
GONE = ("rejected", MERGED)  # missions left out of frames, exports and fact sheets


def merged_into(reviews: Iterable[Review]) -> dict[str, str]:
    """Each merged mission's id -> the id of the mission it now counts as (a chain of merges followed)."""
    return merge_targets(reviews, "mission")


def apply_mission_reviews(missions: pd.DataFrame, reviews: Iterable[Review], keep_rejected: bool = False,
                          documents: dict[str, set[str]] | None = None) -> pd.DataFrame:
    """The missions table with each mission's review applied: a 'status' column, edited fields replaced, a
    merged mission's mentions added to the mission it was merged into (and its articles, given `documents`:
    each mission's article ids), and rejected and merged missions left out (kept, with their status, when
    `keep_rejected`)."""
    reviews = list(reviews)
    by_id = {r.document: r for r in reviews if r.kind == "mission"}
    missions = missions.copy()
    missions["status"] = [by_id[i].status if i in by_id else "unreviewed" for i in missions["id"]]
    for row, mission_id in enumerate(missions["id"].tolist()):
        review = by_id.get(mission_id)
        if review is not None and review.status == "edited":
            for name, value in review.changes.items():
                if name in MISSION_FIELDS and name in missions.columns:
                    missions[name] = missions[name].astype(object)
                    missions.iat[row, missions.columns.get_loc(name)] = value
    merged = merged_into(reviews)
    if merged and len(missions):
        ids = missions["id"].tolist()
        mentions = dict(zip(ids, missions["mentions"].tolist()))
        articles = {i: set((documents or {}).get(i, ())) for i in ids}
        for source, target in merged.items():
            if source in mentions and target in mentions:
                mentions[target] += mentions[source]
                articles[target] |= articles[source]
        missions["mentions"] = [mentions[i] for i in ids]
        if documents is not None:
            missions["documents"] = [len(articles[i]) if articles[i] else n
                                     for i, n in zip(ids, missions["documents"].tolist())]
    if not keep_rejected:
        missions = missions[~missions["status"].isin(GONE)].reset_index(drop=True)
    return missions


def remap_merged(frame: pd.DataFrame, reviews: Iterable[Review]) -> pd.DataFrame:
    """A counts or statements frame whose 'mission' column names the mission each merged one became."""
    merged = merged_into(reviews)
    if not merged or "mission" not in frame or not len(frame):
        return frame
    frame = frame.copy()
    frame["mission"] = [merged.get(m, m) for m in frame["mission"].tolist()]
    return frame


def apply_to_frames(frames, extraction, reviews: Iterable[Review], keep_rejected: bool = False) -> pd.DataFrame:
    """Apply mission reviews to FactFrames in place (counts and statements of a merged mission count for the
    mission it became; the missions table without rejected and merged missions) and return the missions table
    as the window shows it (with them when `keep_rejected`)."""
    reviews = list(reviews)
    raw = frames.missions
    documents = {m.id: {x.document for x in m.mentions} for m in extraction.missions} \
        if merged_into(reviews) else None
    frames.missions = apply_mission_reviews(raw, reviews, documents=documents)
    frames.counts = remap_merged(frames.counts, reviews)
    frames.statements = remap_merged(frames.statements, reviews)
    return apply_mission_reviews(raw, reviews, keep_rejected=True, documents=documents) if keep_rejected \
        else frames.missions
