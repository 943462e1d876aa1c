"""Every count and statement the extraction found as one row each, its review applied, with nothing left out: a
rejected fact stays (status 'rejected', its extracted values) and so does a figure that is no head count ('valid'
False). A review then changes rows in place, never the set of rows; the frames `FactFrames.build` gives are these
rows filtered. Built for all facts when a project opens, and for the few facts a review touches after that."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from missiondesk.facts.frames import COUNT_COLUMNS, STATEMENT_COLUMNS, _apply, _columns, _figure, _with_documents
from missiondesk.facts.qualifiers import APPROX_TOLERANCE, intervals
from missiondesk.facts.reviews import Review

# the columns of FactFrames' counts and statements, in their order (the actor is the corpus's canonical name)
COUNT_FRAME = [*COUNT_COLUMNS, "status", "outlet", "title", "date", "published", "lo", "hi"]
STATEMENT_FRAME = [*STATEMENT_COLUMNS, "status", "actor_id", "outlet", "title", "date", "published"]


def count_rows(records: list, docs: pd.DataFrame, reviews: dict[tuple, Review]) -> pd.DataFrame:
    """One row per count record: COUNT_FRAME's columns but a mission before merges ('mission_raw' too), and
    'valid' (its figures are a head count)."""
    frame = _reviewed(_columns(records, COUNT_COLUMNS), "count", reviews)
    frame = _with_documents(frame, docs)
    values = [_figure(v) for v in frame["value"]]
    ends = [_figure(v) for v in frame["value_to"]]
    frame["valid"] = np.array([v is not None for v in values], dtype=bool)
    frame["value"] = np.array([0 if v is None else v for v in values], dtype="int64")
    frame["value_to"] = np.array([np.nan if e is None else e for e in ends], dtype="float64")
    frame["lo"], frame["hi"] = intervals(frame["value"].to_numpy(), frame["value_to"].to_numpy(),
                                         frame["qualifier"].to_numpy(dtype=object))
    frame["mission_raw"] = frame["mission"]
    return frame


def statement_rows(records: list, docs: pd.DataFrame, reviews: dict[tuple, Review]) -> pd.DataFrame:
    """One row per statement record: STATEMENT_FRAME's columns but the actor as the article (or the analyst's
    edit) names it ('actor_raw' too; the corpus's canonical name needs every statement) and 'actor_id' empty."""
    frame = _reviewed(_columns(records, STATEMENT_COLUMNS), "statement", reviews)
    frame["actor_id"] = None
    frame = _with_documents(frame, docs)
    frame["actor_raw"] = frame["actor"]
    frame["mission_raw"] = frame["mission"]
    return frame


def _reviewed(frame: pd.DataFrame, kind: str, reviews: dict[tuple, Review]) -> pd.DataFrame:
    """Status and edited values, as `FactFrames.build` applies them; a rejected fact keeps what was extracted."""
    standing = {r.key[2:] + (r.document,): r for r in reviews.values() if r.kind == kind and r.status != "rejected"}
    frame = _apply(frame, standing, False)
    rejected = {r.key for r in reviews.values() if r.kind == kind and r.status == "rejected"}
    if rejected and len(frame):
        gone = [(d, kind, s, e) in rejected for d, s, e in zip(frame["document"], frame["start"], frame["end"])]
        frame.loc[np.array(gone, dtype=bool), "status"] = "rejected"
    return frame


def documents_info(docs: pd.DataFrame) -> dict[str, tuple]:
    """Article id -> (outlet, title, date, published) as `_with_documents` puts them on a fact (an article with no
    outlet shows its title's first words)."""
    titles = docs["title"].tolist()
    outlets = [t[:24] if isinstance(t, str) and _missing(o) else o for o, t in zip(docs["outlet"].tolist(), titles)]
    return {i: info for i, *info in zip(docs["id"].tolist(), outlets, titles, docs["date"].tolist(),
                                        docs["published"].tolist())}


def count_row(record, review: Review | None, info: tuple) -> dict:
    """One count's row as `count_rows` makes it, in plain Python (a review changes one or a few)."""
    row = _reviewed_row(record, COUNT_COLUMNS, review, info)
    value, end = _figure(row["value"]), _figure(row["value_to"])
    row["valid"] = value is not None
    row["value"] = 0 if value is None else value
    row["value_to"] = np.nan if end is None else float(end)
    v, to, qualifier = float(row["value"]), (row["value_to"] if end is not None else float(row["value"])), \
        row["qualifier"]
    lo = hi = v
    if qualifier == "approx":
        lo, hi = v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE)
    elif qualifier == "at_least":
        hi = math.inf
    elif qualifier == "at_most":
        lo = 0.0
    elif qualifier in ("range", "change"):
        lo, hi = min(v, to), max(v, to)
    row["lo"], row["hi"] = lo, hi
    row["mission_raw"] = row["mission"]
    return row


def statement_row(record, review: Review | None, info: tuple) -> dict:
    """One statement's row as `statement_rows` makes it, in plain Python (its canonical actor is left out)."""
    row = _reviewed_row(record, STATEMENT_COLUMNS, review, info)
    row["actor_raw"] = row.pop("actor")
    row["mission_raw"] = row["mission"]
    return row


def _reviewed_row(record, columns: list[str], review: Review | None, info: tuple) -> dict:
    row = {name: getattr(record, name) for name in columns}
    if review is None:
        row["status"] = "unreviewed"
    else:
        row["status"] = review.status
        if review.status == "edited":
            row.update((name, value) for name, value in review.changes.items() if name in row)
    row["outlet"], row["title"], row["date"], row["published"] = info
    return row


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and value != value)
