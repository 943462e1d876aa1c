"""The analyst's reviews of missions. A mission is reviewed as a whole, keyed by its canonical id (a review's
document field holds the id, its span is 0-0), so the review survives re-extraction as count reviews do."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from missiondesk.facts.reviews import Review

MISSION_FIELDS = ("name", "lead", "theater", "start", "end")


def mission_key(mission_id: str) -> tuple[str, str, int, int]:
    return (mission_id, "mission", 0, 0)


def apply_mission_reviews(missions: pd.DataFrame, reviews: Iterable[Review], keep_rejected: bool = False
                          ) -> pd.DataFrame:
    """The missions table with each mission's review applied: a 'status' column, edited fields replaced, and
    rejected missions left out (kept, with status 'rejected', when `keep_rejected`)."""
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
    if not keep_rejected:
        missions = missions[missions["status"] != "rejected"].reset_index(drop=True)
    return missions
