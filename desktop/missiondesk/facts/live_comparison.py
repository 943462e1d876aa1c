"""The comparisons the window shows, kept up to date review by review. Comparing 2,000 articles takes a second
or more; a review changes a fact or two, an article's details a handful. So every fact is kept as a row
(`fact_rows`), and after a review only the rows it changed are built again, only the fact keys those rows
belong to (before and after) are compared again, and their rows are put in the place a full comparison would
give them. The result is the same as comparing the whole corpus again (a test holds it to that)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from missiondesk.facts.actors import with_actors
from missiondesk.facts.collection import collector_paused
from missiondesk.facts.compare import (
    Comparison,
    _empty_cells,
    _empty_keys,
    _ordered_documents,
    compare_keyed_counts,
    count_keys,
    statement_cells,
    statement_key_table,
    statement_keys,
)
from missiondesk.facts.fact_rows import COUNT_FRAME, STATEMENT_FRAME, count_rows, statement_rows
from missiondesk.facts.frames import FactFrames, documents_frame
from missiondesk.facts.key_rows import count_rows_compared, order_positions, statement_rows_compared
from missiondesk.facts.keyed_table import KeyedTable, TableChange
from missiondesk.facts.mission_reviews import GONE, apply_mission_reviews, merged_into
from missiondesk.facts.with_rejected import counts_with_rejected, statements_with_rejected

_GROUP = ["whose", "where", "unit"]  # count_keys numbers periods within these: a group is keyed on its own


@dataclass
class Update:
    """What a review changed, for the window to redraw no more than that."""

    counts: TableChange = field(default_factory=TableChange)
    positions: TableChange = field(default_factory=TableChange)
    documents: bool = False  # the articles' details (title, outlet, date: the columns' headers and order)
    tallies: bool = False  # how many facts each article gives
    missions: bool = False
    facts: set[str] = field(default_factory=set)  # ids of the facts whose row changed (values or status)


class LiveComparison:
    """A workspace's frames and comparisons as the window shows them: with the rejected facts in
    (`keep_rejected`, struck through in the tables; they never make a disagreement) or without them. `update()`
    after the workspace's reviews changed; anything else (facts added, extracted again) needs a new one."""

    @collector_paused()
    def __init__(self, workspace, keep_rejected: bool = True) -> None:
        self.workspace = workspace
        self.keep_rejected = keep_rejected
        self._reviews = dict(workspace.data.reviews)
        extraction = workspace.extraction()
        self._counts_records, self._statement_records = extraction.troop_counts, extraction.statements
        self._docs = documents_frame(workspace.documents())
        self._counts = count_rows(self._counts_records, self._docs, self._reviews)
        self._statements = statement_rows(self._statement_records, self._docs, self._reviews)
        self._at: dict[tuple, list[tuple[str, int]]] = {}  # review key -> (kind, row) of the facts it is on
        self._of_document: dict[str, list[tuple[str, int]]] = {}
        for kind, frame in (("count", self._counts), ("statement", self._statements)):
            for row, (doc, start, end) in enumerate(zip(frame["document"], frame["start"], frame["end"])):
                self._at.setdefault((doc, kind, int(start), int(end)), []).append((kind, row))
                self._of_document.setdefault(doc, []).append((kind, row))
        self._raw_missions = pd.DataFrame(
            [(m.id, m.name, m.lead, m.theater, m.start, m.end, m.known, len({x.document for x in m.mentions}),
              len(m.mentions)) for m in extraction.missions],
            columns=["id", "name", "lead", "theater", "start", "end", "known", "documents", "mentions"])
        self._mission_documents = {m.id: {x.document for x in m.mentions} for m in extraction.missions}
        self._apply_missions()
        self._counts["mission"] = self._remap(self._counts["mission_raw"])
        self._statements["mission"] = self._remap(self._statements["mission_raw"])
        self._present()
        self._statements["actor"], self._statements["actor_id"] = self._actors()
        self._counts["group"] = _group_labels(self._counts) if len(self._counts) else []
        self._counts["key"] = None
        present = self._counts.index[self._counts["present"].to_numpy()]
        if len(present):
            self._counts.loc[present, "key"] = count_keys(self._counts.loc[present]).to_numpy()
        self._statements["key"] = statement_keys(self._statements).where(self._statements["present"], None) \
            if len(self._statements) else None
        self._documents_counted()
        self.count_table = KeyedTable(self._count_parts(self._counts[self._counts["present"]]))
        self._positions: KeyedTable | None = None  # compared when first asked for
        self._outputs: dict[str, object] = {}

    # -- what the window reads ------------------------------------------------------------------------------
    @property
    def counts(self) -> Comparison:
        """Troop counts as the matrix shows them."""
        return self._output("counts", lambda: self.count_table.comparison(self.documents))

    @property
    def positions(self) -> Comparison:
        """Positions (statements by actor and topic) as their matrix shows them."""
        def compare() -> Comparison:
            shown = self.positions_table.comparison(self.documents, order_positions)
            return shown if len(shown.keys) else Comparison(_empty_keys(), _empty_cells(), self.documents, [])
        return self._output("positions", compare)

    @property
    def positions_table(self) -> KeyedTable:
        if self._positions is None:
            self._positions = KeyedTable(self._statement_parts(self._statements[self._statements["present"]]))
        return self._positions

    @property
    def documents(self) -> pd.DataFrame:
        """The articles in date order, with their column headers."""
        return self._output("documents", lambda: _ordered_documents(FactFrames(
            self._docs.assign(counts=self._shown_counts[0], statements=self._shown_counts[1]), None, None, None)))

    @property
    def frames_shown(self) -> FactFrames:
        """The facts the tables show: with the rejected ones (status 'rejected') when they are kept."""
        def build() -> FactFrames:
            counts = _frame(self._counts, self._counts["present"], COUNT_FRAME)
            statements = _frame(self._statements, self._statements["present"], STATEMENT_FRAME)
            docs = self._docs.assign(counts=self._shown_counts[0], statements=self._shown_counts[1])
            return FactFrames(docs, counts, statements, self._missions_standing)
        return self._output("frames_shown", build)

    @property
    def frames(self) -> FactFrames:
        """The facts without the rejected ones (status bar, exports, the Corpus list's numbers)."""
        def build() -> FactFrames:
            if not self.keep_rejected:
                return self.frames_shown
            counts = _frame(self._counts, self._counts["present"] & (self._counts["status"] != "rejected"),
                            COUNT_FRAME)
            statements = _frame(self._statements, self._statements["present"]
                                & (self._statements["status"] != "rejected"), STATEMENT_FRAME)
            docs = self._docs.assign(counts=self._standing_counts[0], statements=self._standing_counts[1])
            return FactFrames(docs, counts, statements, self._missions_standing)
        return self._output("frames", build)

    @property
    def missions_shown(self) -> pd.DataFrame:
        """The Missions tab: with rejected and merged missions when rejected facts are kept."""
        return self._missions_shown

    def _output(self, name: str, build):
        if name not in self._outputs:
            self._outputs[name] = build()
        return self._outputs[name]

    # -- a review -------------------------------------------------------------------------------------------
    @collector_paused()
    def update(self) -> Update:
        """Bring everything up to the workspace's reviews as they stand; what changed."""
        now = self.workspace.data.reviews
        changed = {k for k in self._reviews.keys() | now.keys() if self._reviews.get(k) is not now.get(k)}
        self._reviews = dict(now)
        update = Update()
        if not changed:
            return update
        documents = {k[0] for k in changed if k[1] == "document"}
        if documents:
            self._docs = documents_frame(self.workspace.documents())
            update.documents = True
        where = {place for key in changed for place in self._at.get(key, ())}
        where |= {place for doc in documents for place in self._of_document.get(doc, ())}
        rows = {kind: sorted(row for k, row in where if k == kind) for kind in ("count", "statement")}
        counts, statements = self._counts, self._statements
        before = {"count": counts.iloc[rows["count"]].copy(), "statement": statements.iloc[rows["statement"]].copy()}
        old_keys = (counts["key"].to_numpy(dtype=object).copy(), statements["key"].to_numpy(dtype=object).copy())
        self._rebuild_rows(rows)
        moved = {"count": [], "statement": []}  # rows a merge (or its undo) gave another mission
        if any(k[1] == "mission" for k in changed):
            self._apply_missions()
            update.missions = True
            for kind, frame in (("count", counts), ("statement", statements)):
                old = frame["mission"].to_numpy(dtype=object).copy()
                frame["mission"] = self._remap(frame["mission_raw"])
                moved[kind] = [r for r in np.flatnonzero(_unequal(old, frame["mission"].to_numpy(dtype=object)))
                               .tolist() if r not in set(rows[kind])]
        self._present()
        # the corpus's names of actors depend on every statement shown: made again when a speaker changed
        if _changed_rows(before["statement"], statements, ["actor_raw", "present"]):
            old = (statements["actor"].to_numpy(dtype=object).copy(), statements["actor_id"].to_numpy(dtype=object))
            statements["actor"], statements["actor_id"] = self._actors()
            renamed = _unequal(old[0], statements["actor"].to_numpy(dtype=object)) | \
                _unequal(old[1], statements["actor_id"].to_numpy(dtype=object))
            moved["statement"] = sorted(set(moved["statement"]) | set(np.flatnonzero(renamed).tolist())
                                        - set(rows["statement"]))
        touched_s = rows["statement"] + moved["statement"]
        if touched_s:
            keys = statement_keys(statements.iloc[touched_s]).to_numpy(dtype=object)
            present = statements["present"].to_numpy(bool)[touched_s]
            _write(statements, touched_s, "key", [k if p else None for k, p in zip(keys, present)])
        update.counts = self._update_counts(before["count"], rows["count"], moved["count"], old_keys[0])
        update.positions = self._update_positions(before["statement"], rows["statement"], moved["statement"],
                                                  old_keys[1])
        for kind, frame in (("count", counts), ("statement", statements)):
            rebuilt = _changed_rows(before[kind], frame, [*before[kind].columns])
            update.facts |= set(frame["id"].iloc[rebuilt + moved[kind]].tolist())
        if documents or _changed_rows(before["count"], counts, ["present", "rejected"]) or \
                _changed_rows(before["statement"], statements, ["present", "rejected"]):
            tallies = (self._shown_counts, self._standing_counts)
            self._documents_counted()
            update.tallies = any(not np.array_equal(a, b) for old, new in zip(tallies, (
                self._shown_counts, self._standing_counts)) for a, b in zip(old, new))
        if update.documents or update.tallies:
            self._outputs.clear()
        else:  # the articles' columns stay as they are
            self._outputs = {"documents": self._outputs["documents"]} if "documents" in self._outputs else {}
        return update

    def _rebuild_rows(self, rows: dict[str, list[int]]) -> None:
        for kind, frame, records, build in (("count", self._counts, self._counts_records, count_rows),
                                            ("statement", self._statements,
                                             self._statement_records, statement_rows)):
            if not rows[kind]:
                continue
            fresh = build([records[r] for r in rows[kind]], self._docs, self._reviews)
            fresh["mission"] = self._remap(fresh["mission_raw"])
            if kind == "count":
                fresh["group"] = _group_labels(fresh)
            for column in fresh.columns:
                if column not in ("actor", "actor_id"):  # the canonical actor is the corpus's, made below
                    _write(frame, rows[kind], column, fresh[column].tolist())

    def _update_counts(self, before: pd.DataFrame, rows: list[int], moved: list[int],
                       old_keys: np.ndarray) -> TableChange:
        counts = self._counts
        changed = [rows[i] for i in _changed_rows(before, counts, _COMPARED_COUNTS, positions=True)] + moved
        if not changed:
            return TableChange()
        if _changed_rows(before, counts, _KEYED_BY):  # a count joined or left a group, or its date moved
            groups = set(before["group"].tolist()) | set(counts["group"].iloc[rows].tolist())
            present = counts["present"].to_numpy(bool)
            regroup = np.flatnonzero(present & np.isin(counts["group"].to_numpy(dtype=object), list(groups)))
            _write(counts, [r for r in rows if not present[r]], "key", None)
            if len(regroup):
                keys = count_keys(counts.iloc[regroup]).to_numpy(dtype=object)
                now = counts["key"].to_numpy(dtype=object)[regroup]
                differ = np.flatnonzero(_unequal(now, keys))
                _write(counts, regroup[differ].tolist(), "key", keys[differ].tolist())
                changed += regroup[differ].tolist()
        keys = counts["key"].to_numpy(dtype=object)
        touched = {k for r in changed for k in (old_keys[r], keys[r]) if k is not None}
        at = np.flatnonzero(counts["present"].to_numpy(bool) & np.isin(keys, list(touched)))
        return self.count_table.replace(touched, self._count_parts(counts.iloc[at]))

    def _update_positions(self, before: pd.DataFrame, rows: list[int], moved: list[int],
                          old_keys: np.ndarray) -> TableChange:
        if self._positions is None:
            return TableChange()
        statements = self._statements
        changed = [rows[i] for i in _changed_rows(before, statements, _COMPARED_STATEMENTS, positions=True)] + moved
        if not changed:
            return TableChange()
        keys = statements["key"].to_numpy(dtype=object)
        touched = {k for r in changed for k in (old_keys[r], keys[r]) if k is not None}
        at = np.flatnonzero(statements["present"].to_numpy(bool) & np.isin(keys, list(touched)))
        return self._positions.replace(touched, self._statement_parts(statements.iloc[at]), order_positions)

    # -- comparing some keys --------------------------------------------------------------------------------
    def _count_parts(self, rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, list, pd.Series]:
        """The key rows, cells and disagreements of the counts `rows` (every count of each of their keys), and
        each key's first row (where a full comparison puts it)."""
        if not len(rows):
            return _empty_keys(), _empty_cells(), [], pd.Series(dtype="int64")
        counts = _keyed(rows, COUNT_FRAME)
        table = getattr(self, "count_table", None)
        if table is not None and len(table.keys) and len(rows) < _FEW:
            keys, cells, disagreements = count_rows_compared(counts, self.keep_rejected, (table.keys, table.cells))
            return keys, cells, disagreements, _first_rows(rows)
        compared = compare_keyed_counts(counts, self._docs)
        if self.keep_rejected:
            frames = FactFrames(self._docs, counts, self._statements.iloc[0:0], self._missions_standing)
            compared = counts_with_rejected(frames, compared, counts["key"].to_numpy())
        return compared.keys, compared.cells, compared.disagreements, _first_rows(rows)

    def _statement_parts(self, rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, list, pd.Series]:
        if not len(rows):
            return _empty_keys(), _empty_cells(), [], pd.Series(dtype="int64")
        statements = _keyed(rows, STATEMENT_FRAME)
        table = self._positions
        if table is not None and len(table.keys) and len(rows) < _FEW:
            keys, cells = statement_rows_compared(statements, self.keep_rejected, (table.keys, table.cells))
            return keys, cells, [], _first_rows(rows)
        cells = statement_cells(statements)
        compared = Comparison(statement_key_table(statements), cells, self._docs, [])
        if self.keep_rejected:
            frames = FactFrames(self._docs, self._counts.iloc[0:0], statements, self._missions_standing)
            compared = statements_with_rejected(frames, compared)
        return compared.keys, compared.cells, [], _first_rows(rows)

    # -- the rest -------------------------------------------------------------------------------------------
    def _present(self) -> None:
        for frame in (self._counts, self._statements):
            present = np.ones(len(frame), dtype=bool) if "valid" not in frame else frame["valid"].to_numpy(bool)
            if not self.keep_rejected:
                present = present & (frame["status"] != "rejected").to_numpy()
            frame["present"] = present
            frame["rejected"] = (frame["status"] == "rejected").to_numpy()

    def _actors(self) -> tuple[list, list]:
        """Each statement's actor as the corpus's registry names it (every statement shown counts); lists, so
        that pandas reads them as it reads `with_actors`'."""
        statements = self._statements
        actor, actor_id = statements["actor_raw"].tolist(), [None] * len(statements)
        present = np.flatnonzero(statements["present"].to_numpy(bool))
        if len(present):
            named = with_actors(statements.iloc[present][["actor_raw", "document"]]
                                .rename(columns={"actor_raw": "actor"}))
            for row, name, entry in zip(present.tolist(), named["actor"].tolist(), named["actor_id"].tolist()):
                actor[row], actor_id[row] = name, entry
        return actor, actor_id

    def _apply_missions(self) -> None:
        reviews = list(self._reviews.values())
        self._merged = merged_into(reviews)
        documents = self._mission_documents if self._merged else None
        self._missions_shown = apply_mission_reviews(self._raw_missions, reviews, keep_rejected=self.keep_rejected,
                                                     documents=documents)
        self._missions_standing = self._missions_shown if not self.keep_rejected else \
            self._missions_shown[~self._missions_shown["status"].isin(GONE)].reset_index(drop=True)

    def _remap(self, missions: pd.Series):
        """The missions a merge renamed; a list when there are merges, so pandas reads it as remap_merged's is."""
        merged = self._merged
        return [merged.get(m, m) for m in missions.tolist()] if merged else \
            pd.Series(missions.to_numpy(dtype=object), index=missions.index, dtype=object)

    def _documents_counted(self) -> None:
        """Each article's number of counts and statements shown, and of those standing (not rejected)."""
        ids = self._docs["id"]
        shown, standing = [], []
        for frame in (self._counts, self._statements):
            present = frame["present"].to_numpy(bool)
            shown.append(_per_document(ids, frame["document"][present]))
            standing.append(_per_document(ids, frame["document"][present & (frame["status"] != "rejected").to_numpy()]))
        self._shown_counts, self._standing_counts = shown, standing


# what a comparison is made of: a change elsewhere (a fact accepted) leaves every key as it was
_COMPARED_COUNTS = [c for c in COUNT_FRAME if c != "status"] + ["present", "rejected"]
_COMPARED_STATEMENTS = [c for c in STATEMENT_FRAME if c != "status"] + ["present", "rejected", "key"]
_FEW = 3_000  # rows compared in plain Python below this; pandas is quicker for many
_KEYED_BY = ["group", "date", "period", "sentence", "present"]  # what count_keys reads


def _write(frame: pd.DataFrame, rows: list[int], column: str, values) -> None:
    """Set a column's value at some rows: one by one when they are few (a pandas assignment by label costs a
    millisecond whatever its size), by label when many."""
    if not len(rows):
        return
    values = values if isinstance(values, list) else [values] * len(rows)
    if len(rows) <= 16:
        at = frame.columns.get_loc(column)
        for row, value in zip(rows, values):
            frame.iat[row, at] = value
    else:
        frame.loc[frame.index[rows], column] = pd.Series(values, index=frame.index[rows], dtype=frame[column].dtype)


def _changed_rows(before: pd.DataFrame, after: pd.DataFrame, columns: list[str], positions: bool = False) -> list:
    """The rows of the snapshot `before` (taken from `after` before a change) whose `columns` changed: their
    row numbers in `after`, or their positions in `before` with `positions`."""
    out = []
    if not len(before):
        return out
    now = after.loc[before.index]
    for column in columns:
        if column in before and column in now:
            differ = _unequal(before[column].to_numpy(dtype=object), now[column].to_numpy(dtype=object))
            out.extend(np.flatnonzero(differ).tolist())
    found = sorted(set(out))
    return found if positions else before.index[found].tolist()


def _unequal(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Where two object arrays differ (NaN, NaT and None equal to each other)."""
    return np.array([not (x is y or x == y or (_missing(x) and _missing(y))) for x, y in zip(a, b)], dtype=bool)


def _keyed(rows: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The rows to compare, their keys typed as a full comparison's are (pandas infers them from the values)."""
    frame = rows[columns].copy()
    frame["key"] = pd.Series(rows["key"].to_numpy(dtype=object), index=rows.index)
    return frame


def _frame(rows: pd.DataFrame, mask, columns: list[str]) -> pd.DataFrame:
    return rows.loc[np.asarray(mask, dtype=bool), columns].reset_index(drop=True)


def _per_document(ids: pd.Series, documents: pd.Series) -> np.ndarray:
    counted = Counter(documents.tolist())
    return np.array([counted.get(i, 0) for i in ids.tolist()], dtype=int)


def _missing(value) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and value != value)


def _group_labels(counts: pd.DataFrame) -> np.ndarray:
    filled = counts[_GROUP].fillna({"whose": "?", "where": "?", "unit": "troops"})
    return (filled["whose"].astype(str) + "\x1f" + filled["where"].astype(str) + "\x1f"
            + filled["unit"].astype(str)).to_numpy(dtype=object)


def _first_rows(rows: pd.DataFrame) -> pd.Series:
    """Each key's first row among all facts: the order a full comparison lists keys in."""
    first: dict[str, int] = {}
    for row, key in zip(rows.index.tolist(), rows["key"].tolist()):
        first.setdefault(key, row)  # rows come in order
    return pd.Series(first, dtype="int64")
