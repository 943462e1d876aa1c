"""Qt table models: thin adapters over the plain comparisons that the core builds (the lists' model is in
frame_model.py). data() returns early for roles it does not serve; cells are read from numpy arrays, not pandas
lookups."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from missiondesk.facts.compare import Comparison
from missiondesk.ui.frame_model import SEARCH_ROLE
from missiondesk.ui.matrix_rows import IncrementalRows, spare_slots

FACTS_ROLE = Qt.ItemDataRole.UserRole + 1  # the fact ids behind a cell (list[str])
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # the fact key of a row
_DISPLAY = Qt.ItemDataRole.DisplayRole


class Palette:
    """Colours that read on light and dark schemes."""

    def __init__(self, dark: bool = False) -> None:
        self.dark = dark
        self.disagree = QColor("#5c2b2b") if dark else QColor("#fde2e1")
        self.accepted = QColor("#7fd18b") if dark else QColor("#1b7a2f")
        self.rejected = QColor("#e68a8a") if dark else QColor("#b3261e")
        self.edited = QColor("#8ab4f8") if dark else QColor("#1a56b3")
        self.struck = QColor("#8a8a8a") if dark else QColor("#9a9a9a")  # a rejected figure, greyed

    def legend(self) -> str:
        """What the matrices' marks mean, in their own colours (rich text for a label)."""
        return (f"<span style='background:{self.disagree.name()}'>&nbsp;⚠ sources disagree&nbsp;</span> · "
                f"<b style='color:{self.accepted.name()}'>accepted</b> · "
                f"<b style='color:{self.edited.name()}'>edited</b> · "
                f"<s style='color:{self.struck.name()}'>rejected</s>")


class MatrixModel(IncrementalRows, QAbstractTableModel):
    """A comparison: fact keys down, articles across in date order; disagreements marked; each cell carries the
    ids of the facts behind it. Search, the unreviewed filter and sorting happen here, on numpy arrays, so a
    table of 100,000 keys stays quick; `_rows` maps visible rows to keys."""

    def __init__(self, palette: Palette | None = None, parent=None) -> None:
        super().__init__(parent)
        self.palette = palette or Palette()
        self._labels = np.empty(0, dtype=object)
        self._keys = np.empty(0, dtype=object)
        self._disagree = np.zeros(0, dtype=bool)
        self._headers: list[str] = []
        self._documents: list[str] = []
        # the cell arrays' columns stay in the order they were filled in: an article's date changed moves its
        # column by these two maps (the view's column -> the arrays' column and back), copying no cell
        self._stored: list[str] = []  # the articles in the arrays' order
        self._col = np.arange(0)
        self._view_of = np.arange(0)
        self._text = np.empty((0, 0), dtype=object)
        self._ids = np.empty((0, 0), dtype=object)
        self._number = np.empty((0, 0))
        self._search: np.ndarray | None = None
        self._search_text = None
        self._unreviewed = np.zeros(0, dtype=bool)
        self._fact_status: dict[str, str] = {}
        self._places: dict[str, tuple[int, int]] | None = None
        self._filled = (np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64))
        self._rows = np.arange(0)
        self._filter = ("", False, False, None)  # search words, unreviewed only, disagreements only, mission
        self._mission = np.empty(0, dtype=object)  # each key's mission id (None: no mission)
        self._keep: np.ndarray | None = None  # the rows the shared filters keep (facts/filters.py); None: all
        self._has = np.zeros((0, 0), dtype=bool)  # which cells hold a figure: for hiding empty columns
        self._row_facts = np.zeros(0, dtype=np.int64)
        self._alive = np.zeros(0, dtype=bool)  # slots holding a key (a key gone leaves its slot free)
        self._rank = np.zeros(0, dtype=np.int64)  # each slot's place among the rows, unsorted
        self._order: tuple[int, Qt.SortOrder] | None = None
        self._label_rank: np.ndarray | None = None
        self.hand_dated: set[str] = set()  # articles whose date the analyst typed: their header says so
        # fact id -> its whole text, for a cell's tooltip (the comparison's cells hold a statement's first words)
        self.full_text: Callable[[str], str | None] | None = None

    def set_comparison(self, comparison: Comparison, documents: list[str] | None = None,
                       fact_status: dict[str, str] | None = None,
                       search_text: Callable[[], dict[str, str]] | None = None) -> None:
        """Show `comparison`, only over `documents` when given (Side by side). `search_text` gives each fact's
        searchable words; it is called on the first search, not before."""
        self.beginResetModel()
        docs = comparison.documents
        cells = comparison.cells
        keys = comparison.keys
        if documents is not None:
            docs = docs[docs["id"].isin(documents)]
            cells = cells[cells["document"].isin(set(docs["id"]))]
            keys = keys[keys["key"].isin(set(cells["key"]))]
        # copies: reviews change them in place (`update_rows`), and pandas may hand out its own memory
        self._keys = np.array(keys["key"].to_numpy(dtype=object), dtype=object)
        self._labels = np.array(keys["label"].to_numpy(dtype=object), dtype=object)
        self._disagree = np.array(keys["disagree"].to_numpy(dtype=bool), dtype=bool)
        self._mission = np.array(keys["mission"].to_numpy(dtype=object), dtype=object) if "mission" in keys else \
            np.full(len(self._keys), None, dtype=object)
        self._documents = list(docs["id"])
        self._stored = list(self._documents)
        self._col = np.arange(len(self._documents))
        self._view_of = np.arange(len(self._documents))
        self._headers = [f"{h} ✎" if d in self.hand_dated else h for d, h in zip(self._documents, docs["header"])]
        n, m = len(self._keys), len(self._documents)
        # free slots beyond the keys, for the keys reviews add (`update_rows`): growing copies every cell
        total = n + spare_slots(n)
        self._text = np.full((total, m), "", dtype=object)
        self._ids = np.empty((total, m), dtype=object)
        self._number = np.full((total, m), np.nan)
        self._filled = (np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64))  # (key, column) of each cell
        self._has = np.zeros((total, m), dtype=bool)
        self._row_facts = np.zeros(total, dtype=np.int64)  # facts per row: how many a search matches
        if n and m and len(cells):
            rows = pd.Index(self._keys).get_indexer(cells["key"])
            cols = pd.Index(self._documents).get_indexer(cells["document"])
            ok = (rows >= 0) & (cols >= 0)
            self._filled = (rows[ok], cols[ok])
            self._has[rows[ok], cols[ok]] = True
            sizes = [len(set(i)) if i else 0 for i in cells["ids"].to_numpy(dtype=object)[ok]]
            self._row_facts = np.bincount(rows[ok], weights=sizes, minlength=total).astype(np.int64)
            self._text[rows[ok], cols[ok]] = cells["text"].to_numpy(dtype=object)[ok]
            self._ids[rows[ok], cols[ok]] = cells["ids"].to_numpy(dtype=object)[ok]
            if "lo" in cells:
                self._number[rows[ok], cols[ok]] = cells["lo"].to_numpy(dtype=float)[ok]
        spare = total - n
        for name, fill in (("_keys", None), ("_labels", ""), ("_mission", None)):
            setattr(self, name, np.concatenate([getattr(self, name), np.full(spare, fill, dtype=object)]))
        self._disagree = np.concatenate([self._disagree, np.zeros(spare, dtype=bool)])
        self._alive = np.arange(total) < n
        self._rank = np.arange(total, dtype=np.int64)
        self._slot_of = None
        self._fact_status = fact_status or {}
        self._keep = None
        self._places: dict[str, tuple[int, int]] | None = None  # fact id -> (key index, column), built on first use
        self._label_rank = None
        self._search_text = search_text
        self._search = None
        self._update_unreviewed()
        self._rows = self._visible()
        self.endResetModel()

    def _update_unreviewed(self) -> None:
        status = self._fact_status
        self._unreviewed = np.array([any(status.get(i, "unreviewed") == "unreviewed"
                                         for cell in row if cell for i in cell) for row in self._ids], dtype=bool)

    def prepare_search(self) -> None:
        """Build the search index now (the window calls this when idle after showing a comparison)."""
        self._search_index()

    def _search_index(self) -> np.ndarray:
        """Each row's label, cells and facts' words, lower-cased: built once per comparison."""
        if self._search is None:
            search_text = self._search_text() if self._search_text else {}
            by_key_text = [" ".join(t for t in row if t) for row in self._text]
            facts_text = [" ".join(search_text.get(i, "") for cell in row if cell for i in cell)
                          for row in self._ids] if search_text else [""] * len(self._keys)
            self._search = np.array([f"{a} {b} {c}".lower() for a, b, c in
                                     zip(self._labels, by_key_text, facts_text)], dtype=str) \
                if len(self._keys) else np.empty(0, dtype=str)
        return self._search

    def _visible(self) -> np.ndarray:
        text, unreviewed_only, disagreements_only, mission = self._filter
        mask = self._alive.copy()
        for word in text.split():
            mask &= np.char.find(self._search_index(), word) >= 0
        if unreviewed_only:
            mask &= self._unreviewed
        if disagreements_only:
            mask &= self._disagree
        if mission is not None:
            mask &= self._mission == mission
        if self._keep is not None and len(self._keep) == len(mask):
            mask &= self._keep
        rows = np.flatnonzero(mask)
        rows = rows[np.argsort(self._rank[rows], kind="stable")]
        if self._order is not None and self._order[0] < len(self._documents):
            column, order = self._order
            if column < 0:
                if self._label_rank is None:  # one string sort per comparison, integer sorts after that
                    self._label_rank = np.argsort(np.argsort(self._labels.astype(str), kind="stable"))
                rows = rows[np.argsort(self._label_rank[rows], kind="stable")]
            else:
                values = self._number[rows, self._col[column]]
                rows = rows[np.argsort(np.where(np.isnan(values), np.inf, values), kind="stable")]
            if order == Qt.SortOrder.DescendingOrder:
                rows = rows[::-1]
        return rows

    def set_filter(self, text: str = "", unreviewed_only: bool = False, disagreements_only: bool = False,
                   mission: str | None = None, keys=None) -> None:
        """Rows whose label, cells or facts hold every word of `text`; only rows with unreviewed facts; only rows
        whose sources disagree; only the rows of one mission (its id); only the rows whose key is in `keys` (the
        shared filters' answer; None: every row)."""
        self.beginResetModel()
        self._keep = None if keys is None else \
            np.fromiter((k in keys for k in self._keys), dtype=bool, count=len(self._keys))
        self._filter = (text.strip().lower(), unreviewed_only, disagreements_only, mission)
        self._rows = self._visible()
        self.endResetModel()

    def facts_shown(self) -> int:
        """How many facts the rows shown hold (what a search says it matched)."""
        return int(self._row_facts[self._rows].sum()) if len(self._rows) else 0

    def empty_columns(self) -> np.ndarray:
        """The columns (articles) with no figure in any row shown: hidden on request, so that with 2,000
        articles the few that give a disagreeing row's figures sit side by side."""
        if not len(self._documents):
            return np.empty(0, dtype=np.int64)
        return np.flatnonzero(~self._has[self._rows].any(axis=0)[self._col])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """By an article's figures (column), or by the key labels (column -1)."""
        self.layoutAboutToBeChanged.emit()
        self._order = (column, order)
        self._rows = self._visible()
        self.layoutChanged.emit()

    def update_statuses(self, fact_status: dict[str, str], changed: set[str] | None = None) -> None:
        """New review statuses; `changed`: the facts whose status changed, so only their rows are looked at
        again (all rows when None: a row holds as many cells as there are articles)."""
        self._fact_status = fact_status
        if changed is None or self._unreviewed.shape != (len(self._keys),):
            self._update_unreviewed()
        else:
            places = self._fact_places()
            for key in {places[i][0] for i in changed if i in places}:
                self._unreviewed[key] = any(fact_status.get(i, "unreviewed") == "unreviewed"
                                            for cell in self._ids[key] if cell for i in cell)
        if len(self._rows):
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1,
                                                               max(0, len(self._documents) - 1)))

    def locate(self, fact_id: str | None) -> QModelIndex:
        """The visible cell holding the fact (an invalid index when it is filtered out or not in this table)."""
        if fact_id is None:
            return QModelIndex()
        place = self._fact_places().get(fact_id)
        if place is None:
            return QModelIndex()
        rows = np.flatnonzero(self._rows == place[0])
        return self.index(int(rows[0]), int(self._view_of[place[1]])) if len(rows) else QModelIndex()

    def _fact_places(self) -> dict[str, tuple[int, int]]:
        """Fact id -> (key index, the arrays' column), built from the filled cells once per comparison, on first use."""
        if self._places is None:
            self._places = {}
            for k, c in zip(*(a.tolist() for a in self._filled)):
                for i in self._ids[k, c] or ():
                    self._places.setdefault(i, (k, c))
        return self._places

    def next_unreviewed(self, fact_id: str | None, step: int = 1, skip: frozenset[str] = frozenset(),
                        unreviewed_only: bool = True) -> str | None:
        """The next (step 1) or previous (step -1) unreviewed fact after `fact_id` in reading order (rows top to
        bottom, cells left to right, facts within a cell in order), wrapping around; None when every fact is
        reviewed. `skip`: facts to treat as reviewed (the one a review is being made on). With
        `unreviewed_only` False: the next or previous fact, reviewed or not."""
        n, m = len(self._rows), len(self._documents)
        if not n or not m:
            return None
        start = self.locate(fact_id)
        row, column = (start.row(), start.column()) if start.isValid() else (-1 if step > 0 else n, 0)
        status = self._fact_status
        unreviewed = self._unreviewed[self._rows]

        def candidates(r: int, first_column: int | None, after: str | None) -> str | None:
            if first_column is None:
                first_column = 0 if step > 0 else m - 1
            columns = range(first_column, m) if step > 0 else range(first_column, -1, -1)
            for c in columns:
                ids = list(dict.fromkeys(self._ids[self._rows[r], self._col[c]] or []))
                if step < 0:
                    ids.reverse()
                if after is not None and c == columns[0] and after in ids:
                    ids = ids[ids.index(after) + 1:]
                for i in ids:
                    if i not in skip and (not unreviewed_only or status.get(i, "unreviewed") == "unreviewed"):
                        return i
            return None

        if start.isValid():
            found = candidates(row, column, fact_id)
            if found:
                return found
        # rows after (or before) this one that still hold an unreviewed fact, then from the other end
        order = list(range(row + step, n) if step > 0 else range(row + step, -1, -1)) + \
            list(range(row + 1) if step > 0 else range(n - 1, row - 1, -1))
        for r in order:
            if unreviewed[r] or not unreviewed_only:
                found = candidates(r, None, None)
                if found:
                    return found
        return None

    def key(self, row: int) -> str:
        return self._keys[self._rows[row]]

    def facts(self, row: int, column: int) -> list[str]:
        """The ids of the facts in a cell, each once (the extraction can list one statement twice)."""
        return list(dict.fromkeys(self._ids[self._rows[row], self._col[column]] or []))

    def row_facts(self, row: int) -> list[str]:
        return [i for cell in self._ids[self._rows[row]][self._col] if cell for i in cell]

    def document(self, column: int) -> str:
        return self._documents[column]

    def disagrees(self, row: int) -> bool:
        return bool(self._disagree[self._rows[row]])

    def label(self, row: int) -> str:
        return self._labels[self._rows[row]]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._documents)

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        if not index.isValid():
            return None
        r, column = self._rows[index.row()], index.column()
        c = self._col[column]
        if role == _DISPLAY:
            return self._text[r, c]
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(self.palette.disagree) if self._disagree[r] else None
        if role == Qt.ItemDataRole.ForegroundRole:
            statuses = self._statuses(r, c)
            if statuses == {"rejected"}:
                return QBrush(self.palette.struck)
            for status in ("edited", "accepted", "rejected"):
                if status in statuses:
                    return QBrush(getattr(self.palette, status))
            return None
        if role == Qt.ItemDataRole.FontRole:
            statuses = self._statuses(r, c)
            if statuses == {"rejected"}:  # every fact of the cell rejected: still there, struck through
                font = QFont()
                font.setStrikeOut(True)
                return font
            if statuses & {"accepted", "edited"}:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._text[r, c]
            if text and self.full_text is not None:
                whole = [self.full_text(i) for i in dict.fromkeys(self._ids[r, c] or [])]
                text = "\n\n".join(w for w in whole if w) or text
            rejected = " (rejected)" if self._statuses(r, c) == {"rejected"} else \
                " (some rejected)" if "rejected" in self._statuses(r, c) else ""
            return f"{self._labels[r]}\n{self._headers[column]}: {text}{rejected}" if text else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            rejected = ", rejected" if self._statuses(r, c) == {"rejected"} else ""
            return (f"{self._labels[r]}, {self._headers[column].replace(chr(10), ' ')}: "
                    f"{self._text[r, c] or 'no figure'}{rejected}")
        if role == FACTS_ROLE:
            return self._ids[r, c] or []
        if role == KEY_ROLE:
            return self._keys[r]
        if role == SEARCH_ROLE:
            return str(self._search_index()[r])
        return None

    def _statuses(self, r: int, c: int) -> set[str]:
        return {self._fact_status.get(i, "unreviewed") for i in (self._ids[r, c] or [])}

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            if role == _DISPLAY:  # each line fits a narrow column on its own; the tooltip has the whole
                return "\n".join(_fit(line) for line in self._headers[section].split("\n"))
            if role == Qt.ItemDataRole.ToolTipRole:
                typed = "\n✎ date typed by the analyst" if self._documents[section] in self.hand_dated else ""
                return self._headers[section].removesuffix(" ✎") + typed
            return None
        if section >= len(self._rows):
            return None
        r = self._rows[section]
        if role == _DISPLAY:
            return ("⚠ " if self._disagree[r] else "") + self._labels[r]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self._labels[r]}\nSources disagree: double-click to see their articles side by side" \
                if self._disagree[r] else self._labels[r]
        if role == Qt.ItemDataRole.BackgroundRole and self._disagree[r]:
            return QBrush(self.palette.disagree)
        return None


def _fit(line: str, limit: int = 13) -> str:
    """A header line cut to what a four-article-wide matrix column shows, ending in '…' where cut."""
    return line if len(line) <= limit else line[:limit - 1].rstrip() + "…"
