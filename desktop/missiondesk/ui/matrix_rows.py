"""A matrix's rows changed in place after a review: a comparison of 2,000 articles holds millions of cells, and
setting it again (a model reset) holds the window for a fifth of a second. Each key keeps its slot in the
model's arrays; a key that goes frees its slot and a new one takes a free slot (the arrays grow a little when none
is free); `_rank` gives each slot its place among the rows, so a key moving needs no copy."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QModelIndex, Qt

from missiondesk.facts.compare import Comparison
from missiondesk.facts.keyed_table import TableChange


def spare_slots(keys: int) -> int:
    """Free slots to keep beyond `keys`: growing copies every cell of the matrix (a seventh of a second at 2,000
    articles), so it is done seldom and by a good margin."""
    return max(64, keys // 8)


class IncrementalRows:
    """Mixed into MatrixModel: `update_rows` after `set_comparison`."""

    def update_rows(self, comparison: Comparison, change: TableChange, documents: bool = False) -> None:
        """Show `comparison` where it differs from the one shown by `change` (and by the articles' details when
        `documents`); a change of the articles' order sets the whole comparison again."""
        self._fact_places()  # built now, then kept up to date below (the cells it was built from change)
        docs = comparison.documents
        if documents and list(docs["id"]) != self._documents:
            if sorted(docs["id"]) != sorted(self._documents):
                self.set_comparison(comparison, fact_status=self._fact_status, search_text=self._search_text)
                return
            self._move_columns(list(docs["id"]))  # an article's date changed: its column moves
        if documents:
            self._headers = [f"{h} ✎" if d in self.hand_dated else h for d, h in zip(self._documents, docs["header"])]
            if self._documents:
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._documents) - 1)
        if not change:
            return
        slots = self._slots()
        if not change.cells:  # the keys' missions changed, nothing they show
            keys = comparison.keys
            at = keys["key"].isin(change.changed).to_numpy()
            if "mission" in keys:
                self._mission[[slots[k] for k in keys["key"][at]]] = keys["mission"][at].to_numpy(dtype=object)
            return
        for key in change.removed | change.changed:
            if key in slots:
                self._clear_slot(slots[key])
        for key in change.removed:
            slots.pop(key, None)
        new = [key for key in change.changed if key not in slots]
        for key, slot in zip(new, self._free_slots(len(new))):
            slots[key] = slot
            self._keys[slot] = key
        cells = comparison.cells[comparison.cells["key"].isin(change.changed).to_numpy()]
        self._fill(cells, slots)
        keys = comparison.keys
        listed = keys["key"].tolist()
        if len(slots) != len(listed) or any(k not in slots for k in listed):  # not the table this one changed
            self.set_comparison(comparison, fact_status=self._fact_status, search_text=self._search_text)
            return
        at = np.array([slots[k] for k in listed], dtype=np.int64)
        self._alive[:] = False
        self._alive[at] = True
        self._rank[at] = np.arange(len(at))
        self._labels[at] = keys["label"].to_numpy(dtype=object)
        self._disagree[at] = keys["disagree"].to_numpy(dtype=bool)
        if "mission" in keys:
            self._mission[at] = keys["mission"].to_numpy(dtype=object)
        self._label_rank = None
        self._search = None  # built again on the next search
        changed = [slots[k] for k in change.changed]
        for slot in changed:
            self._unreviewed[slot] = any(self._fact_status.get(i, "unreviewed") == "unreviewed"
                                         for cell in self._ids[slot] if cell for i in cell)
        rows = self._visible()
        if np.array_equal(rows, self._rows):
            # only the changed keys' rows: the whole column of row labels told again makes the header measure
            # two hundred of them
            shown = np.flatnonzero(np.isin(rows, np.array(changed, dtype=np.int64)))
            if len(shown):
                first, last = int(shown[0]), int(shown[-1])
                self.dataChanged.emit(self.index(first, 0), self.index(last, max(0, len(self._documents) - 1)))
                self.headerDataChanged.emit(Qt.Orientation.Vertical, first, last)
            return
        self.layoutAboutToBeChanged.emit()
        # the views' selections and current cells hold persistent indexes: each follows its key (or is dropped)
        persistent = self.persistentIndexList()
        held = [int(self._rows[i.row()]) if 0 <= i.row() < len(self._rows) else -1 for i in persistent]
        self._rows = rows
        place = {slot: row for row, slot in enumerate(rows.tolist())}
        self.changePersistentIndexList(persistent, [
            self.index(place[slot], index.column()) if slot in place else QModelIndex()
            for slot, index in zip(held, persistent)])
        self.layoutChanged.emit()

    def _move_columns(self, documents: list[str]) -> None:
        """Put the columns in the articles' new order (a date changed moves one article's column past the ones
        between its old and new place): only the maps between the view's columns and the arrays' change."""
        stored = {doc: c for c, doc in enumerate(self._stored)}
        before = {doc: c for c, doc in enumerate(self._documents)}
        self.layoutAboutToBeChanged.emit()
        self._col = np.array([stored[doc] for doc in documents], dtype=np.int64)
        self._view_of = np.empty_like(self._col)
        self._view_of[self._col] = np.arange(len(self._col))
        new_column = np.array([before[doc] for doc in documents], dtype=np.int64)  # new column -> old column
        old_to_new = np.empty_like(new_column)
        old_to_new[new_column] = np.arange(len(new_column))
        self._documents = documents
        if self._order is not None and 0 <= self._order[0] < len(documents):
            self._order = (int(old_to_new[self._order[0]]), self._order[1])
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(persistent, [self.index(i.row(), int(old_to_new[i.column()]))
                                                    for i in persistent])
        self.layoutChanged.emit()

    def _slots(self) -> dict[str, int]:
        """Key -> its slot; made from the keys shown by `set_comparison`, then kept by `update_rows`."""
        if getattr(self, "_slot_of", None) is None:
            self._slot_of = {k: int(i) for i, k in enumerate(self._keys) if self._alive[i]}
        return self._slot_of

    def _clear_slot(self, slot: int) -> None:
        places = self._places
        if places is not None:
            for column in np.flatnonzero(self._has[slot]).tolist():
                for i in self._ids[slot, column] or ():
                    if places.get(i, (None,))[0] == slot:
                        places.pop(i)
        self._text[slot] = ""
        self._ids[slot] = None
        self._number[slot] = np.nan
        self._has[slot] = False
        self._row_facts[slot] = 0
        self._unreviewed[slot] = False
        self._alive[slot] = False

    def _free_slots(self, count: int) -> list[int]:
        if not count:
            return []
        taken = set(self._slots().values())  # a changed key's slot is cleared, not free
        free = [i for i in np.flatnonzero(~self._alive).tolist() if i not in taken]
        if len(free) < count:
            self._grow(count - len(free) + spare_slots(len(self._keys)))
            return self._free_slots(count)
        return free[:count]

    def _grow(self, more: int) -> None:
        m = len(self._documents)
        self._text = np.vstack([self._text, np.full((more, m), "", dtype=object)])
        self._ids = np.vstack([self._ids, np.empty((more, m), dtype=object)])
        self._number = np.vstack([self._number, np.full((more, m), np.nan)])
        self._has = np.vstack([self._has, np.zeros((more, m), dtype=bool)])
        for name, fill in (("_keys", None), ("_labels", ""), ("_mission", None)):
            setattr(self, name, np.concatenate([getattr(self, name), np.full(more, fill, dtype=object)]))
        self._disagree = np.concatenate([self._disagree, np.zeros(more, dtype=bool)])
        self._unreviewed = np.concatenate([self._unreviewed, np.zeros(more, dtype=bool)])
        self._alive = np.concatenate([self._alive, np.zeros(more, dtype=bool)])
        self._rank = np.concatenate([self._rank, np.zeros(more, dtype=np.int64)])
        self._row_facts = np.concatenate([self._row_facts, np.zeros(more, dtype=np.int64)])

    def _fill(self, cells: pd.DataFrame, slots: dict[str, int]) -> None:
        if not len(cells) or not self._documents:
            return
        rows = np.array([slots.get(k, -1) for k in cells["key"].tolist()], dtype=np.int64)
        cols = pd.Index(self._stored).get_indexer(cells["document"])
        ok = (rows >= 0) & (cols >= 0)
        rows, cols = rows[ok], cols[ok]
        ids = cells["ids"].to_numpy(dtype=object)[ok]
        self._text[rows, cols] = cells["text"].to_numpy(dtype=object)[ok]
        self._ids[rows, cols] = ids
        self._has[rows, cols] = True
        if "lo" in cells:
            self._number[rows, cols] = cells["lo"].to_numpy(dtype=float)[ok]
        np.add.at(self._row_facts, rows, [len(set(i)) if i else 0 for i in ids])
        if self._places is not None:
            for r, c, cell in zip(rows.tolist(), cols.tolist(), ids):
                for i in cell or ():
                    self._places.setdefault(i, (r, c))
