"""The fact set on disk: one folder per table, partitioned by extraction date (Hive style), each column a
field of shared/CONTRACT.md under its contract name.

    FACTS_DIR/factset.json                           marks the folder as a fact set (and its format)
    FACTS_DIR/documents/extracted=2026-12-06/RUN-00003.parquet
    FACTS_DIR/troop_counts/..., statements/..., mission_mentions/..., errors/...

Every row carries the `run` that wrote it, so a document's facts are the rows of the run its document row
names (a document extracted again by a later extractor version has two runs; readers take the newest).
Corpus-wide fields (a mission's name and lead, a statement's `actor_id`) are worked out when the set is read,
as `missiondesk extract` works them out over its corpus."""

from __future__ import annotations

import json
import os
import uuid
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from missiondesk.batch import MARKER, is_fact_set
from missiondesk.corpus.document import Document
from missiondesk.extract.pipeline import DocumentFacts, MissionHitRecord
from missiondesk.extract.records import Statement, TroopCount, from_saved

FORMAT = 1
PARTITION = "extracted"

_S, _I = pa.string(), pa.int64()
SCHEMAS = {
    "documents": pa.schema([("id", _S), ("path", _S), ("title", _S), ("outlet", _S), ("author", _S),
                            ("published", _S), ("body", _S), ("format", _S), ("words", _I), ("version", _S),
                            ("run", _S)]),
    "troop_counts": pa.schema([("id", _S), ("document", _S), ("value", _I), ("value_to", _I), ("qualifier", _S),
                               ("unit", _S), ("whose", _S), ("where", _S), ("mission", _S), ("sentence", _S),
                               ("start", _I), ("end", _I), ("period", _S), ("delta", _S), ("derived_from", _S),
                               ("run", _S)]),
    "statements": pa.schema([("id", _S), ("document", _S), ("actor", _S), ("actor_role", _S), ("kind", _S),
                             ("content", _S), ("sentence", _S), ("topic", _S), ("mission", _S), ("start", _I),
                             ("end", _I), ("actor_text", _S), ("run", _S)]),
    # `described`: how the article describes a mission the gazetteer lacks (JSON), for its name and lead
    "mission_mentions": pa.schema([("document", _S), ("mission", _S), ("start", _I), ("end", _I), ("text", _S),
                                   ("described", _S), ("run", _S)]),
    # `document` is null for a file whose bytes could not be read at all; `retry` marks a failure that was not
    # the article's (a worker that died), which the next run tries again
    "errors": pa.schema([("path", _S), ("document", _S), ("error", _S), ("version", _S), ("retry", pa.bool_()),
                         ("run", _S)]),
}
FACT_TABLES = ("troop_counts", "statements", "mission_mentions")


def new_run() -> tuple[str, str]:
    """A run id that sorts by time, and the extraction date its files are filed under (UTC)."""
    now = datetime.now(timezone.utc)
    return f"{now:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}", f"{now:%Y-%m-%d}"


def create_fact_set(root: Path) -> None:
    """Make `root` a fact set (an existing one is kept); refuses a folder that holds anything else."""
    if is_fact_set(root):
        return
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise FileExistsError(f"{root} is not empty and not a fact set; give an empty or new folder to --out")
    root.mkdir(parents=True, exist_ok=True)
    (root / MARKER).write_text(json.dumps({"format": FORMAT, "tables": sorted(SCHEMAS)}) + "\n", encoding="utf-8")


def document_row(document: Document, facts: DocumentFacts | None, run: str) -> dict:
    return {**document.to_json(), "format": document.format, "words": document.word_count,
            "version": facts.version if facts else "", "run": run}


def fact_rows(facts: DocumentFacts, run: str) -> dict[str, list[dict]]:
    return {
        "troop_counts": [{**c.to_json(), "run": run} for c in facts.troop_counts],
        "statements": [{**s.to_json(), "run": run} for s in facts.statements],
        "mission_mentions": [{"document": facts.document, "mission": m.mission, "start": m.start, "end": m.end,
                              "text": m.text, "described": json.dumps(m.described) if m.described else None,
                              "run": run} for m in facts.missions],
    }


def error_row(path: str, document: str | None, error: str, version: str, run: str, retry: bool = False) -> dict:
    return {"path": path, "document": document, "error": error, "version": version, "retry": retry, "run": run}


def write_rows(root: Path, table: str, date: str, name: str, rows: list[dict]) -> int:
    """Write `rows` as one Parquet file of `table` under the date's partition; returns the bytes written. The
    file is written under a hidden name and renamed, so a reader never sees half of one."""
    if not rows:
        return 0
    folder = root / table / f"{PARTITION}={date}"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.parquet"
    tmp = folder / f".{name}.parquet.tmp"
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[table]), tmp, compression="zstd")
    os.replace(tmp, target)
    return target.stat().st_size


def document_from_row(row: dict) -> Document:
    return Document(id=row["id"], path=row["path"], title=row["title"], outlet=row["outlet"], author=row["author"],
                    published=row["published"], body=row["body"], format=row["format"] or "txt")


_COUNT_FIELDS = [f for f in SCHEMAS["troop_counts"].names if f != "run"]
_STATEMENT_FIELDS = [f for f in SCHEMAS["statements"].names if f != "run"]


def facts_from_rows(document: str, version: str, counts: list[dict], statements: list[dict],
                    mentions: list[dict], error: str | None = None) -> DocumentFacts:
    """One document's DocumentFacts, as extraction made it, from its rows."""
    return DocumentFacts(
        document=document, version=version,
        troop_counts=[from_saved(TroopCount, {k: row[k] for k in _COUNT_FIELDS}) for row in counts],
        statements=[from_saved(Statement, {k: row[k] for k in _STATEMENT_FIELDS}) for row in statements],
        missions=[MissionHitRecord(row["mission"], row["start"], row["end"], row["text"],
                                   json.loads(row["described"]) if row["described"] else None) for row in mentions],
        error=None if version else error or "finding its facts failed")
