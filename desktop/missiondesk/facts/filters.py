"""The filters every tab shares (actor, whose, where, a date range, review status), worked out on numpy arrays
so that a 2,000-article corpus answers at once; the window only shows what they keep.

A filter on a field one kind of fact lacks narrows that kind to the articles where a matching fact of the other
kind stands: with an actor chosen, the troop counts shown are those of the articles that quote the actor (as on
an actor's fact sheet); with a force or a place chosen, the positions shown are those of the articles that
report such troops."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd

from missiondesk.facts.compare import Comparison
from missiondesk.facts.frames import FactFrames

REVIEW_STATUSES = ("unreviewed", "accepted", "edited", "rejected")


@dataclass(frozen=True)
class FactFilter:
    """What the analyst narrowed the facts to; None: not narrowed by that field. `since`/`until` bound the
    article's date (both days included); `status` is a review status, or 'reviewed' for any verdict."""

    actor: str | None = None
    whose: str | None = None
    where: str | None = None
    since: pd.Timestamp | None = None
    until: pd.Timestamp | None = None
    status: str | None = None

    def active(self) -> bool:
        return any(getattr(self, f.name) is not None for f in fields(self))

    def by_facts(self) -> bool:
        """Whether it looks at facts, not only at the articles' dates."""
        return any(v is not None for v in (self.actor, self.whose, self.where, self.status))

    def describe(self) -> list[str]:
        """Each field set, in the analyst's words ('the actor Jens Stoltenberg', 'dated from 2021-01-01')."""
        out = []
        if self.actor:
            out.append(f"the actor {self.actor}")
        if self.whose:
            out.append(f"forces of {self.whose}")
        if self.where:
            out.append(f"troops in {self.where}")
        if self.since is not None:
            out.append(f"dated from {self.since:%Y-%m-%d}")
        if self.until is not None:
            out.append(f"dated to {self.until:%Y-%m-%d}")
        if self.status:
            out.append(f"review status {self.status}")
        return out


_BOUND = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def date_bound(text: str, end: bool = False) -> pd.Timestamp | None:
    """A typed date bound: '2021', '2021-03' or '2021-03-05' (None when empty). A year or a month is its first
    day as a start and its last day as an `end`. Raises ValueError for anything else."""
    text = (text or "").strip()
    if not text:
        return None
    match = _BOUND.fullmatch(text)
    if match is None:
        raise ValueError(f"'{text}' is not a date: type 2021, 2021-03 or 2021-03-05")
    year, month, day = match.groups()
    try:
        start = pd.Timestamp(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise ValueError(f"'{text}' is not a day of the calendar") from None
    if not end or day:
        return start
    return start + (pd.offsets.MonthEnd(0) if month else pd.offsets.YearEnd(0))


class FactFilters:
    """The facts of one set of frames, prepared once (each field as an array), filtered many times."""

    def __init__(self, frames: FactFrames) -> None:
        self.frames = frames
        counts, statements = frames.counts, frames.statements
        self._n_counts = len(counts)
        self._ids = np.concatenate([_column(counts, "id"), _column(statements, "id")])
        self._doc = np.concatenate([_column(counts, "document"), _column(statements, "document")])
        # articles as integer codes: 'the articles where such a fact stands' is then a boolean lookup (numpy's
        # isin over strings took a quarter of a second on 2,000 articles)
        self._doc_code, self._doc_names = pd.factorize(pd.Series(self._doc, dtype=object))
        self._mission = np.concatenate([_column(counts, "mission"), _column(statements, "mission")])
        self._whose = _column(counts, "whose")
        self._where = _column(counts, "where")
        self._actor = _column(statements, "actor")
        self._date = np.concatenate([_dates(counts), _dates(statements)])
        index = pd.Index(self._ids)
        # an extraction can list one statement twice: its first row stands for it
        first = None if index.is_unique else np.flatnonzero(~index.duplicated())
        self._index = index if first is None else pd.Index(self._ids[first])
        self._positions = first
        self._cells: dict[int, tuple[pd.DataFrame, np.ndarray, np.ndarray]] = {}
        self._last: tuple[FactFilter, dict | None, np.ndarray] | None = None
        docs = frames.documents
        self._doc_ids = docs["id"].to_numpy(dtype=object) if "id" in docs else np.empty(0, dtype=object)
        self._doc_dates = _dates(docs)

    # -- what the choosers offer --------------------------------------------------------------------------
    def choices(self, field: str) -> list[tuple[str, int]]:
        """Each value of 'actor', 'whose' or 'where' with how many facts give it, most frequent first."""
        values = {"actor": self._actor, "whose": self._whose, "where": self._where}[field]
        counts = pd.Series(values, dtype=object).dropna().value_counts()
        counts = counts[[isinstance(v, str) and v != "" for v in counts.index]]
        return sorted(((str(v), int(n)) for v, n in counts.items()), key=lambda item: (-item[1], item[0]))

    # -- filtering ----------------------------------------------------------------------------------------
    def fact_mask(self, chosen: FactFilter, statuses: dict[str, str] | None = None) -> np.ndarray:
        """Which facts (counts, then statements, in the frames' order) the filter keeps (read-only). One change of
        filter asks it for every table and list: the last answer is kept for the same filter and statuses."""
        last = self._last
        if last is not None and last[0] == chosen and (chosen.status is None or last[1] is statuses):
            return last[2]
        mask = self._fact_mask(chosen, statuses)
        mask.setflags(write=False)
        self._last = (chosen, statuses, mask)
        return mask

    def _fact_mask(self, chosen: FactFilter, statuses: dict[str, str] | None) -> np.ndarray:
        n = len(self._ids)
        k = self._n_counts
        keep = np.ones(n, dtype=bool)
        if chosen.since is not None:
            keep &= self._date >= chosen.since.to_datetime64()
        if chosen.until is not None:
            keep &= self._date <= chosen.until.to_datetime64()  # NaT compares False: undated facts leave
        if chosen.status is not None:
            keep &= self._status_mask(statuses or {}, chosen.status)
        counts, statements = keep[:k].copy(), keep[k:].copy()
        if chosen.whose is not None:
            counts &= self._whose == chosen.whose
        if chosen.where is not None:
            counts &= self._where == chosen.where
        if chosen.actor is not None:
            statements &= self._actor == chosen.actor
        # a field the other kind lacks: the articles where a kept fact of the kind that has it stands
        codes = self._doc_code
        if chosen.actor is not None:
            counts &= self._present(codes[k:][statements])[codes[:k]]
        if chosen.whose is not None or chosen.where is not None:
            statements &= self._present(codes[:k][counts])[codes[k:]]
        return np.concatenate([counts, statements])

    def _present(self, codes: np.ndarray) -> np.ndarray:
        """A lookup by article code: True for the articles among `codes` (the last entry, for code -1, False)."""
        table = np.zeros(len(self._doc_names) + 1, dtype=bool)
        table[codes[codes >= 0]] = True
        return table

    def keys(self, comparison: Comparison, chosen: FactFilter, statuses: dict[str, str] | None = None) -> set[str]:
        """The fact keys (rows) of `comparison` holding at least one fact the filter keeps."""
        keys, positions = self._cell_facts(comparison)
        if not len(keys):
            return set()
        mask = self.fact_mask(chosen, statuses)
        if self._positions is not None:
            mask = mask[self._positions]
        found = positions >= 0
        kept = np.zeros(len(positions), dtype=bool)
        kept[found] = mask[positions[found]]
        return set(pd.unique(keys[kept]).tolist())

    def documents(self, chosen: FactFilter, statuses: dict[str, str] | None = None) -> set[str]:
        """The articles the filter keeps: those in its date range and, when it looks at facts, holding a fact it
        keeps."""
        if chosen.by_facts():
            return self._names(self.fact_mask(chosen, statuses), 0)
        keep = np.ones(len(self._doc_ids), dtype=bool)
        if chosen.since is not None:
            keep &= self._doc_dates >= chosen.since.to_datetime64()
        if chosen.until is not None:
            keep &= self._doc_dates <= chosen.until.to_datetime64()
        return set(self._doc_ids[keep].tolist())

    def articles(self, chosen: FactFilter, kind: str) -> set[str] | None:
        """The articles (columns) a matrix of `kind` ('count' or 'statement') is narrowed to: those in the date
        range and, for a field only the other kind has, those where a fact of that kind matches it. None: every
        article."""
        dates = FactFilter(since=chosen.since, until=chosen.until)
        k = self._n_counts
        if kind == "count" and chosen.actor is not None:
            mask = self.fact_mask(FactFilter(actor=chosen.actor, since=chosen.since, until=chosen.until))
            return self._names(mask[k:], k)
        if kind == "statement" and (chosen.whose is not None or chosen.where is not None):
            mask = self.fact_mask(FactFilter(whose=chosen.whose, where=chosen.where, since=chosen.since,
                                             until=chosen.until))
            return self._names(mask[:k], 0)
        return self.documents(dates) if dates.active() else None

    def missions(self, chosen: FactFilter, statuses: dict[str, str] | None = None) -> set[str]:
        """The missions named by a fact the filter keeps."""
        named = self._mission[self.fact_mask(chosen, statuses)]
        return {m for m in pd.unique(named).tolist() if isinstance(m, str)}

    def _status_mask(self, statuses: dict[str, str], wanted: str) -> np.ndarray:
        """Which facts have the status `wanted` ('reviewed': any verdict); a fact `statuses` lacks is unreviewed.
        Only the reviewed facts are looked up (a few among 20,000)."""
        reviewed = list(statuses)
        status = np.full(len(self._index), "unreviewed", dtype=object)
        if reviewed:
            where = self._index.get_indexer(reviewed)
            found = where >= 0
            status[where[found]] = np.array([statuses[i] for i in reviewed], dtype=object)[found]
        if self._positions is not None:  # back from one entry per fact id to one per row
            status = status[pd.Index(self._ids[self._positions]).get_indexer(self._ids)]
        return status != "unreviewed" if wanted == "reviewed" else status == wanted

    def prepare(self, comparison: Comparison) -> None:
        """Work out which facts stand behind `comparison`'s rows now (the window calls this when idle)."""
        self._cell_facts(comparison)

    def _names(self, mask: np.ndarray, start: int) -> set[str]:
        """The ids of the articles of the facts `mask` keeps (facts from `start` on)."""
        codes = self._doc_code[start:start + len(mask)][mask]
        return set(self._doc_names[np.unique(codes[codes >= 0])].tolist())

    def _cell_facts(self, comparison: Comparison) -> tuple[np.ndarray, np.ndarray]:
        """Each fact behind a cell of `comparison`: its row's key and its place in these frames (-1: not in them);
        worked out once per comparison."""
        cells = comparison.cells
        cached = self._cells.get(id(cells))
        if cached is not None and cached[0] is cells:
            return cached[1], cached[2]
        ids = cells["ids"].tolist() if "ids" in cells else []
        sizes = np.fromiter((len(i) if isinstance(i, list) else 0 for i in ids), dtype=np.int64, count=len(ids))
        keys = np.repeat(cells["key"].to_numpy(dtype=object), sizes) if len(ids) else np.empty(0, dtype=object)
        flat = np.array([i for group in ids if isinstance(group, list) for i in group], dtype=object)
        positions = self._index.get_indexer(flat) if len(flat) else np.empty(0, dtype=np.int64)
        self._cells[id(cells)] = (cells, keys, positions)
        return keys, positions


def _column(frame: pd.DataFrame, name: str) -> np.ndarray:
    if name in frame:
        return frame[name].to_numpy(dtype=object)
    return np.full(len(frame), None, dtype=object)


def _dates(frame: pd.DataFrame) -> np.ndarray:
    if "date" not in frame or not len(frame):
        return np.full(len(frame), np.datetime64("NaT"), dtype="datetime64[ns]")
    return pd.to_datetime(frame["date"], errors="coerce").to_numpy(dtype="datetime64[ns]")


