"""Reading a fact set: what is done already (for `batch` to skip), and a working set chosen by mission, date,
outlet and words, as the Corpus and DocumentFacts the rest of MissionDesk takes. Read-only: nothing here
writes to the fact set."""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

from missiondesk.batch import tables
from missiondesk.corpus.document import LoadError
from missiondesk.corpus.loader import Corpus
from missiondesk.extract.pipeline import EXTRACTOR_VERSION, DocumentFacts


@dataclass(frozen=True)
class Selection:
    """Which articles of a fact set to take; every field left empty takes all."""

    mission: str | None = None  # a mission id: articles that name it or have a fact about it
    since: str | None = None  # YYYY-MM-DD, inclusive; an undated article is outside any range
    until: str | None = None
    outlet: str | None = None  # exact, as the documents table has it
    text: str | None = None  # words in the title or body, any case


def table(root: str | os.PathLike, name: str, columns: list[str] | None = None,
          where: pc.Expression | None = None) -> pa.Table:
    """One table of the fact set (empty, with its columns, when nothing was written to it)."""
    folder = Path(root) / name
    schema = tables.SCHEMAS[name].append(pa.field(tables.PARTITION, pa.string()))
    if not folder.is_dir():
        return schema.empty_table().select(columns or schema.names)
    dataset = ds.dataset(folder, format="parquet", schema=schema,
                         partitioning=ds.partitioning(pa.schema([(tables.PARTITION, pa.string())]), flavor="hive"))
    return dataset.to_table(columns=columns, filter=where)


def done(root: str | os.PathLike) -> tuple[set[str], set[tuple[str, str]]]:
    """What a run with this extractor version need not do again: the content hashes extracted (or that failed
    for a reason of their own), and the (path, error) pairs of files that could not be read at all."""
    version = pc.field("version") == EXTRACTOR_VERSION
    ids = set(table(root, "documents", ["id"], version)["id"].to_pylist())
    errors = table(root, "errors", ["path", "document", "error"], version & ~pc.field("retry")).to_pylist()
    ids.update(e["document"] for e in errors if e["document"])
    return ids, {(e["path"], e["error"]) for e in errors if not e["document"]}


def current_documents(root: str | os.PathLike, selection: Selection | None = None,
                      columns: list[str] | None = None) -> pa.Table:
    """Each document's newest row (this extractor version's first) among those `selection` takes, sorted by
    path."""
    selection = selection or Selection()
    where = None
    for condition in (pc.field("outlet") == selection.outlet if selection.outlet else None,
                      pc.field("published") >= selection.since if selection.since else None,
                      pc.field("published") <= selection.until if selection.until else None):
        if condition is not None:
            where = condition if where is None else where & condition
    wanted = columns and list(dict.fromkeys([*columns, "id", "path", "version", "run"]))
    found = table(root, "documents", wanted, where)
    if selection.text:
        words = selection.text.strip()
        found = found.filter(pc.or_(pc.match_substring(found["title"], words, ignore_case=True),
                                    pc.match_substring(found["body"], words, ignore_case=True)))
    if selection.mission:
        found = found.filter(pc.is_in(found["id"], pa.array(sorted(_naming(root, selection.mission)), pa.string())))
    if not found.num_rows:
        return found
    current = pc.equal(found["version"], EXTRACTOR_VERSION)
    found = found.append_column("_current", current).sort_by([("id", "ascending"), ("_current", "descending"),
                                                               ("run", "descending")])
    keep = pc.not_equal(found["id"], pa.concat_arrays([pa.array([None], pa.string()),
                                                       found["id"].combine_chunks()[:-1]]))
    found = found.filter(pc.fill_null(keep, True)).drop_columns(["_current"])
    return found.sort_by([("path", "ascending"), ("id", "ascending")])


def walk_order(path: str) -> list[tuple[int, str]]:
    """A sort key that puts paths in the order `extract` reads a folder in: in each folder its files (by name)
    before its subfolders (by name), as os.walk goes."""
    *folders, name = path.split("/")
    return [(1, folder) for folder in folders] + [(0, name)]


def _naming(root, mission: str) -> set[str]:
    """The documents that name `mission` or have a fact about it."""
    named: set[str] = set()
    for name in tables.FACT_TABLES:
        named.update(table(root, name, ["document"], pc.field("mission") == mission)["document"].to_pylist())
    return named


def read_fact_set(root: str | os.PathLike, selection: Selection | None = None) -> tuple[Corpus, list[DocumentFacts]]:
    """The articles `selection` takes and their facts, as Workspace.read_and_extract gives them for files."""
    documents = sorted(current_documents(root, selection).to_pylist(), key=lambda d: walk_order(d["path"]))
    runs = {d["id"]: d["run"] for d in documents}
    ids = pa.array(sorted(runs), pa.string())
    rows: dict[str, dict[str, list[dict]]] = {}
    for name in tables.FACT_TABLES:
        per_document: dict[str, list[dict]] = defaultdict(list)
        for row in table(root, name, where=pc.field("document").isin(ids)).to_pylist():
            if runs.get(row["document"]) == row["run"]:  # the facts of the run its document row names
                per_document[row["document"]].append(row)
        rows[name] = per_document
    errors = _errors(root, runs)
    corpus = Corpus(documents=[tables.document_from_row(d) for d in documents])
    facts = [tables.facts_from_rows(d["id"], d["version"], rows["troop_counts"].get(d["id"], []),
                                    rows["statements"].get(d["id"], []), rows["mission_mentions"].get(d["id"], []),
                                    errors.get(d["id"])) for d in documents]
    failed = [LoadError(d["path"], errors[d["id"]]) for d in documents if d["id"] in errors and not d["version"]]
    corpus.errors = (unreadable(root) if selection is None else []) + failed
    return corpus, facts


def _errors(root, runs: dict[str, str]) -> dict[str, str]:
    """What went wrong with each document of `runs` whose facts could not be found in that run."""
    found = table(root, "errors", ["document", "error", "run"],
                  pc.field("document").isin(pa.array(sorted(runs), pa.string())))
    return {e["document"]: e["error"] for e in found.to_pylist() if runs.get(e["document"]) == e["run"]}


def unreadable(root: str | os.PathLike) -> list[LoadError]:
    """The files of the set's runs that could not be read into a document, newest error for each path."""
    rows = table(root, "errors", ["path", "document", "error", "run"]).sort_by([("run", "descending")]).to_pylist()
    documents = table(root, "documents", ["id", "path"])
    known, read = set(documents["id"].to_pylist()), set(documents["path"].to_pylist())
    latest: dict[str, str] = {}
    for row in rows:
        if row["document"] not in known and row["path"] not in read:
            latest.setdefault(row["path"], row["error"])
    return [LoadError(path, error) for path, error in sorted(latest.items())]


@dataclass
class Choices:
    """What a fact set's filter can offer: its missions, outlets and date range, and how many articles."""

    articles: int
    missions: list[str]
    outlets: list[str]
    first: str | None
    last: str | None


def choices(root: str | os.PathLike) -> Choices:
    documents = current_documents(root, columns=["outlet", "published"])
    missions: set[str] = set()
    for name in tables.FACT_TABLES:
        missions.update(m for m in table(root, name, ["mission"])["mission"].to_pylist() if m)
    dates = pc.min_max(documents["published"]) if documents.num_rows else {"min": None, "max": None}
    return Choices(documents.num_rows, sorted(missions),
                   sorted({o for o in documents["outlet"].to_pylist() if o}),
                   dates["min"].as_py() if documents.num_rows else None,
                   dates["max"].as_py() if documents.num_rows else None)
