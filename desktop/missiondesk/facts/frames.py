"""The extraction as pandas frames: one row per document, count, statement and mission, with the analyst's
reviews applied (a rejected fact drops out, an edited one shows its edited values)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter

import numpy as np
import pandas as pd

from missiondesk.corpus.document import Document
from missiondesk.extract.numbers import MAX_FORCE
from missiondesk.extract.records import Extraction
from missiondesk.facts.actor_reviews import apply_actor_reviews
from missiondesk.facts.actors import with_actors
from missiondesk.facts.collection import collector_paused
from missiondesk.facts.qualifiers import intervals
from missiondesk.facts.reviews import Review

COUNT_COLUMNS = ["id", "document", "value", "value_to", "qualifier", "unit", "whose", "where", "mission", "period",
                 "delta", "derived_from", "sentence", "start", "end"]
STATEMENT_COLUMNS = ["id", "document", "actor", "actor_role", "kind", "content", "sentence", "topic", "mission",
                     "start", "end"]


@dataclass
class FactFrames:
    documents: pd.DataFrame
    counts: pd.DataFrame
    statements: pd.DataFrame
    missions: pd.DataFrame

    @classmethod
    @collector_paused()
    def build(cls, documents: Iterable[Document], extraction: Extraction, reviews: Iterable[Review] = (),
              accepted_only: bool = False) -> FactFrames:
        docs = documents_frame(documents)
        counts = _columns(extraction.troop_counts, COUNT_COLUMNS)
        statements = _columns(extraction.statements, STATEMENT_COLUMNS)
        by_kind: dict[str, dict] = {"count": {}, "statement": {}}
        for review in reviews:
            by_kind.setdefault(review.kind, {})[review.key[2:] + (review.document,)] = review
        counts = _apply(counts, by_kind["count"], accepted_only)
        statements = with_actors(_apply(statements, by_kind["statement"], accepted_only))
        statements = apply_actor_reviews(statements, by_kind.get("actor", {}).values())  # merges and renames
        counts = _with_documents(counts, docs)
        statements = _with_documents(statements, docs)
        counts = _head_counts(counts)
        lo, hi = intervals(counts["value"].to_numpy(), counts["value_to"].to_numpy(),
                           counts["qualifier"].to_numpy(dtype=object))
        counts["lo"], counts["hi"] = lo, hi
        missions = pd.DataFrame(
            [(m.id, m.name, m.lead, m.theater, m.start, m.end, m.known, len({x.document for x in m.mentions}),
              len(m.mentions)) for m in extraction.missions],
            columns=["id", "name", "lead", "theater", "start", "end", "known", "documents", "mentions"])
        docs["counts"] = docs["id"].map(counts["document"].value_counts()).fillna(0).astype(int)
        docs["statements"] = docs["id"].map(statements["document"].value_counts()).fillna(0).astype(int)
        return cls(docs, counts, statements, missions)


def documents_frame(documents: Iterable[Document]) -> pd.DataFrame:
    """One row per article: id, path, title, outlet, author, published and the date it parses to."""
    docs = pd.DataFrame([(d.id, d.path, d.title, d.outlet, d.author, d.published) for d in documents],
                        columns=["id", "path", "title", "outlet", "author", "published"])
    docs["date"] = pd.to_datetime(docs["published"], errors="coerce")
    return docs


def _columns(records: list, columns: list[str]) -> pd.DataFrame:
    """Each record's fields read at once (operator.attrgetter), then transposed into columns."""
    if not records:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(list(map(attrgetter(*columns), records)), columns=columns, dtype=object)
    for name in ("start", "end"):  # text stays object: inferring string columns costs more than it brings
        frame[name] = frame[name].astype("int64")
    return frame


def _head_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """Counts whose figures are whole numbers a force can have. The extractor finds no others, but a project
    edited by hand or written by another version may hold any value, and nothing in it may crash the tables
    and fact sheets (10^30 overflows int64)."""
    values = [_figure(v) for v in counts["value"]]
    ends = [_figure(v) for v in counts["value_to"]]
    keep = np.array([v is not None for v in values], dtype=bool)
    if not keep.all():
        counts = counts[keep].reset_index(drop=True)
        values = [v for v, k in zip(values, keep) if k]
        ends = [e for e, k in zip(ends, keep) if k]
    counts["value"] = np.array(values, dtype="int64")
    counts["value_to"] = np.array([np.nan if e is None else e for e in ends], dtype="float64")
    return counts


def _figure(value) -> int | None:
    if isinstance(value, (bool, np.bool_)) or value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    if not 0 <= number <= MAX_FORCE or number != int(number):
        return None
    return int(number)


def _apply(frame: pd.DataFrame, reviews: dict, accepted_only: bool) -> pd.DataFrame:
    frame = frame.copy()
    frame["status"] = "unreviewed"
    if reviews and len(frame):
        keys = list(zip(frame["start"], frame["end"], frame["document"]))
        found = [reviews.get(k) for k in keys]
        frame["status"] = [r.status if r else "unreviewed" for r in found]
        for row, review in enumerate(found):
            if review is not None and review.status == "edited":
                for column, value in review.changes.items():
                    if column in frame.columns:
                        frame.iat[row, frame.columns.get_loc(column)] = value
        frame = frame[frame["status"] != "rejected"]
    if accepted_only:
        frame = frame[frame["status"].isin(["accepted", "edited"])]
    return frame.reset_index(drop=True)


def _with_documents(frame: pd.DataFrame, docs: pd.DataFrame) -> pd.DataFrame:
    info = docs.set_index("id")
    info = info.assign(outlet=info["outlet"].fillna(info["title"].str.slice(0, 24)))
    index = pd.Index(info.index).get_indexer(frame["document"])
    for column in ("outlet", "title", "date", "published"):
        frame[column] = info[column].to_numpy()[index] if len(frame) else info[column].iloc[0:0].to_numpy()
    return frame


def empty_like(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.iloc[0:0].copy()


__all__ = ["FactFrames", "empty_like", "np"]
