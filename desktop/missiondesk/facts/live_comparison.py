"""The comparisons the window shows, kept up to date review by review. Comparing 2,000 articles takes a second
or more; a review changes a fact or two, an article's details a handful. So every fact is kept as a row
(`fact_rows`), and after a review only the rows it changed are built again, only the fact keys those rows
belong to (before and after) are compared again, and their rows are put in the place a full comparison would
give them. The result is the same as comparing the whole corpus again (a test holds it to that)."""

from __future__ import annotations

from collections.abc import Generator

import numpy as np
import pandas as pd

from missiondesk.facts.actor_reviews import KIND as ACTOR
from missiondesk.facts.article_tallies import ArticleTallies
from missiondesk.facts.collection import collector_paused
from missiondesk.facts.compare import (
    Comparison,
    _empty_cells,
    _empty_keys,
    compare_keyed_counts,
    count_keys,
    date_order,
    document_header,
    statement_cells,
    statement_key_table,
    statement_keys,
)
from missiondesk.facts.fact_rows import (
    COUNT_FRAME,
    STATEMENT_FRAME,
    count_row,
    count_rows,
    documents_info,
    statement_row,
    statement_rows,
)
from missiondesk.facts.frames import FactFrames, documents_frame
from missiondesk.facts.key_rows import count_rows_compared, order_positions, statement_rows_compared
from missiondesk.facts.keyed_table import KeyedTable, TableChange, Update
from missiondesk.facts.live_lookups import LiveLookups
from missiondesk.facts.mission_reviews import GONE, apply_mission_reviews, merged_into
from missiondesk.facts.row_changes import (
    changed_rows,
    column_diffs,
    first_rows,
    group_label,
    group_labels,
    keyed,
    positions_in,
    rows_shown,
    same,
    touched_keys,
    unequal,
    within,
    write_rows,
)
from missiondesk.facts.with_rejected import counts_with_rejected, statements_with_rejected


class LiveComparison(LiveLookups):
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
        self._info: dict | None = None  # each article's outlet, title and dates, for facts built one by one
        self._order: tuple | None = None  # the articles' date order and column headers
        self._headers: dict[str, str] = {}  # each article's column header
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
        self._registered: tuple | None = None  # the statements shown, and their actors before the analyst's reviews
        self._statements["actor"], self._statements["actor_id"] = self._actors()
        self._counts["group"] = group_labels(self._counts) if len(self._counts) else []
        self._counts["key"] = None
        present = self._counts.index[self._counts["present"].to_numpy()]
        if len(present):
            self._counts.loc[present, "key"] = count_keys(self._counts.loc[present]).to_numpy()
        self._statements["key"] = statement_keys(self._statements).where(self._statements["present"], None) \
            if len(self._statements) else None
        self._tallies = ArticleTallies(self._docs, self._counts, self._statements)
        self.count_table = KeyedTable(self._count_parts(self._counts[self._counts["present"]]))
        self._positions: KeyedTable | None = None  # compared when first asked for
        self._fact_rows: dict[str, dict[str, list[int]]] = {}  # by kind: fact id -> its rows (`_rows_of`)
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
        def build() -> pd.DataFrame:
            docs = self._marked(self._docs.assign(counts=self._tallies.shown[0], statements=self._tallies.shown[1]))
            if self._order is None:  # sorted once per change of the articles' details, not per review
                ids = docs["id"].tolist()
                if any(doc not in self._headers for doc in ids):  # made again for the articles changed only
                    columns = (docs[c].tolist() for c in ("outlet", "title", "published"))
                    self._headers.update((doc, document_header(*values)) for doc, *values in zip(ids, *columns)
                                         if doc not in self._headers)
                order = date_order(docs["date"].to_numpy(), docs["title"].tolist())
                self._order = (np.array(order, dtype=np.int64), [self._headers[ids[i]] for i in order])
            ordered = docs.iloc[self._order[0]].reset_index(drop=True)
            ordered["header"] = self._order[1]
            return ordered
        return self._output("documents", build)

    @property
    def frames_shown(self) -> FactFrames:
        """The facts the tables show: with the rejected ones (status 'rejected') when they are kept."""
        def build() -> FactFrames:
            counts = rows_shown(self._counts, self._counts["present"], COUNT_FRAME)
            statements = rows_shown(self._statements, self._statements["present"], STATEMENT_FRAME)
            docs = self._marked(self._docs.assign(counts=self._tallies.shown[0], statements=self._tallies.shown[1]))
            return FactFrames(docs, counts, statements, self._missions_standing)
        return self._output("frames_shown", build)

    @property
    def frames(self) -> FactFrames:
        """The facts without the rejected ones (status bar, exports, the Corpus list's numbers)."""
        def build() -> FactFrames:
            if not self.keep_rejected:
                return self.frames_shown
            counts = rows_shown(self._counts, self._counts["present"] & (self._counts["status"] != "rejected"),
                            COUNT_FRAME)
            statements = rows_shown(self._statements, self._statements["present"]
                                & (self._statements["status"] != "rejected"), STATEMENT_FRAME)
            return FactFrames(self.standing_documents, counts, statements, self._missions_standing)
        return self._output("frames", build)

    @property
    def standing_documents(self) -> pd.DataFrame:
        """The articles with their numbers of facts not rejected (the Corpus list)."""
        return self._output("standing_documents", lambda: self._marked(self._docs.assign(
            counts=self._tallies.standing[0], statements=self._tallies.standing[1])))

    def _marked(self, documents: pd.DataFrame) -> pd.DataFrame:
        """The articles with the analyst's marks (a date typed by hand, the time zone), as the workspace gives."""
        self.workspace.mark_documents(documents)
        return documents

    def fact_count(self) -> int:
        """How many troop counts and statements the project holds, rejected or not."""
        return len(self._counts) + len(self._statements)

    def totals(self) -> tuple[int, int, int]:
        """How many articles, and troop counts and statements not rejected (the status bar)."""
        return len(self._docs), int(self._tallies.standing[0].sum()), int(self._tallies.standing[1].sum())

    @property
    def missions_standing(self) -> pd.DataFrame:
        """The missions neither rejected nor merged into another (the mission filter's choices)."""
        return self._missions_standing

    @property
    def missions_shown(self) -> pd.DataFrame:
        """The Missions tab: with rejected and merged missions when rejected facts are kept."""
        return self._missions_shown

    def _output(self, name: str, build):
        if name not in self._outputs:
            self._outputs[name] = build()
        return self._outputs[name]

    # -- a review -------------------------------------------------------------------------------------------
    def update(self) -> Update:
        """Bring everything up to the workspace's reviews as they stand; what changed."""
        steps = self.update_in_steps()
        while True:
            with collector_paused():
                try:
                    next(steps)
                except StopIteration as done:
                    return done.value

    def update_in_steps(self) -> Generator[None, None, Update]:
        """`update` in steps, a generator whose value is the Update: the window runs a step an event-loop turn
        so a step that changes thousands of facts (an actor merged) holds it for none of them whole. Nothing
        may be read from this object between the first step and the last (the window shows no update until
        the last, and finishes the steps before anything reads its tables)."""
        now = self.workspace.data.reviews
        changed = {k for k in self._reviews.keys() | now.keys() if self._reviews.get(k) is not now.get(k)}
        self._reviews = dict(now)
        update = Update()
        if not changed:
            return update
        documents = {k[0] for k in changed if k[1] == "document"}
        if documents:
            self._docs = documents_frame(self.workspace.documents())
            self._order = None
            for doc in documents:
                self._headers.pop(doc, None)
            if self._info is not None:  # the changed articles' entries only
                self._info.update(documents_info(self._docs[self._docs["id"].isin(documents).to_numpy()]))
            update.documents = True
            yield  # the articles' details are made again; their facts next
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
                moved[kind] = [r for r in np.flatnonzero(unequal(old, frame["mission"].to_numpy(dtype=object)))
                               .tolist() if r not in set(rows[kind])]
        self._present()
        # the corpus's names of actors depend on every statement shown: made again when a speaker changed; the
        # analyst's merges and renames of actors are applied again to the names as they stand
        speakers = bool(changed_rows(before["statement"], statements, ["actor_raw", "present"]))
        if speakers or any(k[1] == ACTOR for k in changed):
            yield  # the reviews' rows are made again; every statement's actor next
            old = (statements["actor"].to_numpy(dtype=object).copy(), statements["actor_id"].to_numpy(dtype=object))
            statements["actor"], statements["actor_id"] = self._actors(speakers)
            renamed = unequal(old[0], statements["actor"].to_numpy(dtype=object)) | \
                unequal(old[1], statements["actor_id"].to_numpy(dtype=object))
            moved["statement"] = sorted(set(moved["statement"]) | set(np.flatnonzero(renamed).tolist())
                                        - set(rows["statement"]))
        touched_s = rows["statement"] + moved["statement"]
        if len(touched_s) > _STEP_ROWS:
            yield  # the actors' and missions' names are made; the keys and comparisons next
        if touched_s:
            keys = statement_keys(statements.iloc[touched_s]).to_numpy(dtype=object)
            present = statements["present"].to_numpy(bool)[touched_s]
            write_rows(statements, touched_s, "key", [k if p else None for k, p in zip(keys, present)])
        diffs = {kind: column_diffs(before[kind], frame) for kind, frame in (("count", counts),
                                                                               ("statement", statements))}
        if len(touched_s) > _STEP_ROWS:
            yield  # the rows' keys are written; the comparisons next
        update.counts = yield from self._update_counts(before["count"], diffs["count"], rows["count"],
                                                       moved["count"], old_keys[0])
        update.positions = yield from self._update_positions(diffs["statement"], rows["statement"],
                                                             moved["statement"], old_keys[1])
        for kind, frame in (("count", counts), ("statement", statements)):
            rebuilt = [rows[kind][i] for i in positions_in(diffs[kind])]
            update.facts |= set(frame["id"].iloc[rebuilt + moved[kind]].tolist())
        update.tallies = self._tallies.recount(before, self._counts, self._statements)
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
            if len(rows[kind]) <= _FEW_ROWS:
                self._rebuild_few(kind, frame, rows[kind], records)
                continue
            fresh = build([records[r] for r in rows[kind]], self._docs, self._reviews)
            fresh["mission"] = self._remap(fresh["mission_raw"])
            if kind == "count":
                fresh["group"] = group_labels(fresh)
            for column in fresh.columns:
                if column not in ("actor", "actor_id"):  # the canonical actor is the corpus's, made below
                    write_rows(frame, rows[kind], column, fresh[column].tolist())

    def _rebuild_few(self, kind: str, frame: pd.DataFrame, rows: list[int], records: list) -> None:
        """`_rebuild_rows` in plain Python, row by row (a review's fact, an article's few); only the values that
        changed are written (writing one value into a text column copies the whole column)."""
        if self._info is None:
            self._info = documents_info(self._docs)
        make = count_row if kind == "count" else statement_row
        merged = self._merged
        at = {name: frame.columns.get_loc(name) for name in frame.columns}
        for row in rows:
            record = records[row]
            values = make(record, self._reviews.get((record.document, kind, record.start, record.end)),
                          self._info[record.document])
            values["mission"] = merged.get(values["mission_raw"], values["mission_raw"])
            if kind == "count":
                values["group"] = group_label(values)
            for name, value in values.items():
                if not same(frame.iat[row, at[name]], value):
                    frame.iat[row, at[name]] = value

    def _update_counts(self, before: pd.DataFrame, diffs: dict[str, set[int]], rows: list[int], moved: list[int],
                       old_keys: np.ndarray) -> Generator[None, None, TableChange]:
        """The counts' keys the rows changed compared again (a generator: a step between comparing many keys, as
        an article dated anew regroups, and writing them into the table)."""
        counts = self._counts
        rebuilt = [rows[i] for i in positions_in(diffs, _COMPARED_COUNTS)]
        if not rebuilt and moved:  # a merge renamed missions: only each key's mission can change
            return self.count_table.remission(counts, moved)
        changed = rebuilt + moved
        if not changed:
            return TableChange()
        if positions_in(diffs, _KEYED_BY):  # a count joined or left a group, or its date moved
            groups = set(before["group"].tolist()) | set(counts["group"].iloc[rows].tolist())
            present = counts["present"].to_numpy(bool)
            regroup = np.flatnonzero(present & within(counts["group"].to_numpy(dtype=object), groups))
            write_rows(counts, [r for r in rows if not present[r]], "key", None)
            if len(regroup):
                keys = count_keys(counts.iloc[regroup]).to_numpy(dtype=object)
                now = counts["key"].to_numpy(dtype=object)[regroup]
                differ = np.flatnonzero(unequal(now, keys))
                write_rows(counts, regroup[differ].tolist(), "key", keys[differ].tolist())
                changed += regroup[differ].tolist()
        touched, parts, pairs = yield from _compare_touched(counts, changed, old_keys, self._count_parts)
        return self.count_table.replace(touched, parts, pairs=pairs)

    def _update_positions(self, diffs: dict[str, set[int]], rows: list[int], moved: list[int],
                          old_keys: np.ndarray) -> Generator[None, None, TableChange]:
        """The positions' keys the rows changed compared again (a generator: a step between comparing many
        statements and writing them into the table)."""
        if self._positions is None:
            return TableChange()
        statements = self._statements
        rebuilt = [rows[i] for i in positions_in(diffs, _COMPARED_STATEMENTS)]
        keys = statements["key"].to_numpy(dtype=object)
        if not rebuilt and moved and not unequal(old_keys[moved], keys[moved]).any():
            return self._positions.remission(statements, moved)  # missions merged (or actors' ids changed)
        changed = rebuilt + moved
        if not changed:
            return TableChange()
        touched, parts, pairs = yield from _compare_touched(statements, changed, old_keys, self._statement_parts)
        return self._positions.replace(touched, parts, order_positions, pairs)

    # -- comparing some keys --------------------------------------------------------------------------------
    def _count_parts(self, rows: pd.DataFrame, pairs: set | None = None
                     ) -> tuple[pd.DataFrame, pd.DataFrame, list, pd.Series]:
        """The key rows, cells and disagreements of the counts `rows` (every count of each of their keys), and
        each key's first row (where a full comparison puts it)."""
        if not len(rows):
            return _empty_keys(), _empty_cells(), [], pd.Series(dtype="int64")
        counts = keyed(rows, COUNT_FRAME)
        table = getattr(self, "count_table", None)
        if table is not None and len(table.keys) and len(rows) < _FEW:
            keys, cells, disagreements = count_rows_compared(counts, self.keep_rejected, (table.keys, table.cells),
                                                             pairs)
            return keys, cells, disagreements, first_rows(rows)
        compared = compare_keyed_counts(counts, self._docs)
        if self.keep_rejected:
            frames = FactFrames(self._docs, counts, self._statements.iloc[0:0], self._missions_standing)
            compared = counts_with_rejected(frames, compared, counts["key"].to_numpy())
        return compared.keys, compared.cells, compared.disagreements, first_rows(rows)

    def _statement_parts(self, rows: pd.DataFrame, pairs: set | None = None
                         ) -> tuple[pd.DataFrame, pd.DataFrame, list, pd.Series]:
        if not len(rows):
            return _empty_keys(), _empty_cells(), [], pd.Series(dtype="int64")
        statements = keyed(rows, STATEMENT_FRAME)
        table = self._positions
        if table is not None and len(table.keys) and len(rows) < _FEW:
            keys, cells = statement_rows_compared(statements, self.keep_rejected, (table.keys, table.cells), pairs)
            return keys, cells, [], first_rows(rows)
        cells = statement_cells(statements)
        compared = Comparison(statement_key_table(statements), cells, self._docs, [])
        if self.keep_rejected:
            frames = FactFrames(self._docs, self._counts.iloc[0:0], statements, self._missions_standing)
            compared = statements_with_rejected(frames, compared)
        return compared.keys, compared.cells, [], first_rows(rows)

    # -- the rest -------------------------------------------------------------------------------------------
    def _present(self) -> None:
        for frame in (self._counts, self._statements):
            present = np.ones(len(frame), dtype=bool) if "valid" not in frame else frame["valid"].to_numpy(bool)
            if not self.keep_rejected:
                present = present & (frame["status"] != "rejected").to_numpy()
            frame["present"] = present
            frame["rejected"] = (frame["status"] == "rejected").to_numpy()

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


# what a comparison is made of: a change elsewhere (a fact accepted) leaves every key as it was
_COMPARED_COUNTS = [c for c in COUNT_FRAME if c != "status"] + ["present", "rejected"]
_COMPARED_STATEMENTS = [c for c in STATEMENT_FRAME if c != "status"] + ["present", "rejected", "key"]
def _compare_touched(frame: pd.DataFrame, changed: list[int], old_keys: np.ndarray, parts_of
                     ) -> Generator[None, None, tuple]:
    """The keys the `changed` rows left or joined, their rows compared again by `parts_of` (a step after
    comparing many), and the (old, new) key pairs when few enough to follow one by one."""
    keys = frame["key"].to_numpy(dtype=object)
    touched, pairs = touched_keys(changed, old_keys, keys, frame["document"])
    at = np.flatnonzero(frame["present"].to_numpy(bool) & within(keys, touched))
    parts = parts_of(frame.iloc[at], pairs)
    if len(at) > _STEP_ROWS:
        yield
    return touched, parts, pairs if len(at) < _FEW else None


_FEW = 3_000  # rows compared in plain Python below this; pandas is quicker for many
_FEW_ROWS = 64  # rows a review changes that are built again one by one
_STEP_ROWS = 64  # statements a step changes above which `update_in_steps` yields between its parts
_KEYED_BY = ["group", "date", "period", "sentence", "present"]  # what count_keys reads
