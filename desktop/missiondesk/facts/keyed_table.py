"""A comparison kept as parts that can be replaced key by key: its key rows in the order a full comparison lists
them (each key's first fact), its cells and its disagreements. `LiveComparison` compares the keys a review
touched and puts their rows in here; what changed is told as a `TableChange` per comparison, in an `Update`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from missiondesk.facts.compare import Comparison
from missiondesk.facts.key_rows import mode_of
from missiondesk.facts.row_changes import within


@dataclass
class TableChange:
    """What changed in one comparison: the keys whose row is new or different, the keys gone, and whether the
    rows' order changed (a key came, went or moved)."""

    changed: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)
    reordered: bool = False
    cells: bool = True  # False: only the changed keys' own fields (their missions), not their cells

    def __bool__(self) -> bool:
        return bool(self.changed or self.removed or self.reordered)


@dataclass
class Update:
    """What a review changed, for the window to redraw no more than that."""

    counts: TableChange = field(default_factory=TableChange)
    positions: TableChange = field(default_factory=TableChange)
    documents: bool = False  # the articles' details (title, outlet, date: the columns' headers and order)
    tallies: bool = False  # how many facts each article gives
    missions: bool = False
    facts: set[str] = field(default_factory=set)  # ids of the facts whose row changed (values or status)


Parts = tuple[pd.DataFrame, pd.DataFrame, list, pd.Series]  # keys, cells, disagreements, each key's first fact


class KeyedTable:
    def __init__(self, parts: Parts) -> None:
        keys, cells, disagreements, first = parts
        self.first = first  # key -> the row of its first fact
        self.keys = self._in_order(keys.reset_index(drop=True))
        self.cells = cells.reset_index(drop=True)
        self.disagreements = {d["key"]: d for d in disagreements}

    def _in_order(self, keys: pd.DataFrame) -> pd.DataFrame:
        if not len(keys):
            return keys
        first = self.first.reindex(keys["key"].to_numpy()).to_numpy()
        return keys.iloc[np.argsort(first, kind="stable")].reset_index(drop=True)

    def replace(self, touched: set[str], parts: Parts, order: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
                pairs: set[tuple[str, str]] | None = None) -> TableChange:
        """Put the new rows of the `touched` keys (those still there) in place of their old ones; `order` sorts
        the key rows as the comparison lists them (counts: as they are). `pairs`: the only (key, article) cells
        the parts hold, when not every cell of the touched keys."""
        keys, cells, disagreements, first = parts
        order = order or (lambda frame: frame)
        listed = order(self.keys)["key"].tolist() if len(self.keys) else []
        kept = self.keys[~self.keys["key"].isin(touched).to_numpy()]
        self.first = pd.concat([self.first[~self.first.index.isin(touched)], first]) if len(first) else \
            self.first[~self.first.index.isin(touched)]
        self.keys = self._in_order(_joined(kept, keys))
        gone = np.array(self.cells["key"].isin(touched).to_numpy(), dtype=bool)
        if pairs is not None:  # of the touched keys' cells, those of other articles stay
            now_keys = set(keys["key"].tolist())
            at = np.flatnonzero(gone)
            cell_keys = self.cells["key"].to_numpy(dtype=object)[at]
            gone[at] = [k not in now_keys or (k, d) in pairs
                        for k, d in zip(cell_keys, self.cells["document"].to_numpy(dtype=object)[at])]
        self.cells = _joined(self.cells[~gone], cells)
        for key in touched:
            self.disagreements.pop(key, None)
        self.disagreements.update((d["key"], d) for d in disagreements)
        now = set(keys["key"].tolist())
        listing = order(self.keys)["key"].tolist() if len(self.keys) else []
        return TableChange(now, touched - now, listing != listed)

    def remission(self, rows: pd.DataFrame, moved: list[int]) -> TableChange:
        """After missions were merged (or a merge undone): the mission of each key the `moved` rows (of all
        facts, `rows`) are in, made again; nothing else about a key depends on its facts' missions."""
        keys = rows["key"].to_numpy(dtype=object)
        touched = {k for k in keys[moved] if k is not None}
        if not touched:
            return TableChange()
        at = np.flatnonzero(rows["present"].to_numpy(bool) & within(keys, touched))
        missions: dict[str, list] = {}
        for key, mission in zip(keys[at].tolist(), rows["mission"].to_numpy(dtype=object)[at].tolist()):
            missions.setdefault(key, []).append(mission)
        table = self.keys.copy()  # comparisons handed out before keep theirs
        at = np.flatnonzero(table["key"].isin(touched).to_numpy())
        values = [mode_of(missions[k], range(len(missions[k]))) for k in table["key"].to_numpy(dtype=object)[at]]
        table.loc[table.index[at], "mission"] = pd.Series(values, index=table.index[at], dtype=table["mission"].dtype)
        self.keys = table
        return TableChange(touched, set(), False, cells=False)

    def comparison(self, documents: pd.DataFrame,
                   order: Callable[[pd.DataFrame], pd.DataFrame] | None = None) -> Comparison:
        keys = order(self.keys) if order is not None and len(self.keys) else self.keys
        disagreements = [self.disagreements[k] for k in keys["key"].tolist() if k in self.disagreements] \
            if self.disagreements else []
        return Comparison(keys, self.cells, documents, disagreements)


def _joined(kept: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """`kept` and `new` one after the other; a column the two parts typed apart (text in one, only None in the
    other) is typed from all its values, as a comparison of all keys at once types it."""
    if not len(new):
        return kept.reset_index(drop=True)
    if not len(kept):
        return new.reset_index(drop=True)
    joined = pd.concat([kept, new], ignore_index=True)
    before, added, now = kept.dtypes, new.dtypes, joined.dtypes  # read once: a column read costs more than a dtype
    for column in joined.columns:
        if column in before and column in added and before[column] != added[column] and now[column] == np.dtype(object):
            joined[column] = pd.Series(joined[column].tolist(), index=joined.index)
    return joined
