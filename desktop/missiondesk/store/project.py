"""The project file: one SQLite database holding documents, their extracted facts (cached by extractor
version, so reopening never re-runs the pipeline), the analyst's reviews and an audit trail.

Every save is one transaction, so a crash at any moment leaves the file as it was before or after the save,
never in between; Save As writes a new file beside the target and renames it into place."""

from __future__ import annotations

import gc
import json
import os
import sqlite3
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

from missiondesk.corpus.document import Document
from missiondesk.extract.pipeline import EXTRACTOR_VERSION, DocumentFacts
from missiondesk.facts.reviews import Review

FORMAT_VERSION = 1
SUFFIX = ".mdproj"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, position INTEGER NOT NULL, path TEXT NOT NULL, title TEXT NOT NULL, outlet TEXT,
    author TEXT, published TEXT, body TEXT NOT NULL, format TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS facts (
    document TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE, version TEXT NOT NULL,
    payload TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reviews (
    document TEXT NOT NULL, kind TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    status TEXT NOT NULL, changes TEXT NOT NULL, who TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (document, kind, start, "end"));
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, who TEXT NOT NULL, action TEXT NOT NULL,
    detail TEXT NOT NULL);
"""


class ProjectError(Exception):
    """The project file cannot be opened or written; the message names the file and says why."""


class ProjectData:
    """What a project holds, in memory: documents in order, facts per document, reviews by key."""

    def __init__(self) -> None:
        self.documents: list[Document] = []
        self.facts: dict[str, DocumentFacts] = {}
        self.reviews: dict[tuple[str, str, int, int], Review] = {}
        # The whole audit trail, oldest first: what the file held when it was read, then every later change.
        # Each entry is (at, who, action, detail). It is never cleared: every write puts the whole trail in the
        # file written, so an autosave, a Save As to a new file or a recovered autosave loses no entry.
        self.audit: list[tuple[str, str, str, dict]] = []

    def add_documents(self, documents: Iterable[Document]) -> list[Document]:
        """Append the documents not already in the project (same content, same id); return those added."""
        known = {d.id for d in self.documents}
        added = []
        for document in documents:
            if document.id not in known:
                known.add(document.id)
                added.append(document)
        self.documents.extend(added)
        return added

    def stale(self) -> list[Document]:
        """Documents whose facts are missing or from another extractor version."""
        return [d for d in self.documents
                if d.id not in self.facts or self.facts[d.id].version != EXTRACTOR_VERSION]

    def set_review(self, review: Review | None, key: tuple[str, str, int, int], who: str = "",
                   note: str | None = None, action: str = "review") -> None:
        """Put `review` (None: no review) on the fact at `key` and log it, with the analyst's note if any."""
        before = self.reviews.get(key)
        if review is None:
            self.reviews.pop(key, None)
        else:
            self.reviews[key] = review
        detail = {"key": list(key), "before": _review_json(before), "after": _review_json(review)}
        if note:
            detail["note"] = note
        self.audit.append((_now(), who, action, detail))

    def add_note(self, key: tuple[str, str, int, int], who: str, note: str) -> None:
        """A note on the fact at `key` and its review as it stands; the trail only grows, so it is an entry."""
        review = _review_json(self.reviews.get(key))
        self.audit.append((_now(), who, "note", {"key": list(key), "before": review, "after": review, "note": note}))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _review_json(review: Review | None) -> dict | None:
    if review is None:
        return None
    return {"status": review.status, "changes": review.changes, "who": review.who, "when": review.when}


def save(data: ProjectData, path: str | os.PathLike) -> None:
    """Write the whole project to `path` in one transaction (a new file goes through a temporary one)."""
    path = Path(path)
    if not path.parent.is_dir():
        raise ProjectError(f"{path}: the folder {path.parent} does not exist; choose another place to save")
    if path.exists():
        _write(data, path)
        return
    tmp = path.with_name(f".{path.name}.saving")
    tmp.unlink(missing_ok=True)
    try:
        _write(data, tmp)
        os.replace(tmp, path)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: could not be written ({exc}); check the disk and try again") from None
    finally:
        tmp.unlink(missing_ok=True)


def save_as(data: ProjectData, path: str | os.PathLike) -> None:
    """Write a fresh file and put it in place of `path` only when it is complete."""
    path = Path(path)
    if not path.parent.is_dir():
        raise ProjectError(f"{path}: the folder {path.parent} does not exist; choose another place to save")
    tmp = path.with_name(f".{path.name}.saving")
    tmp.unlink(missing_ok=True)
    try:
        _write(data, tmp)
        os.replace(tmp, path)
    except PermissionError:
        raise ProjectError(f"{path}: permission denied; choose a folder you can write to") from None
    except (sqlite3.Error, OSError) as exc:
        raise ProjectError(f"{path}: could not be written ({exc}); check the disk and try again") from None
    finally:
        tmp.unlink(missing_ok=True)


def _write(data: ProjectData, path: Path) -> None:
    try:
        db = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: could not be opened for writing ({exc})") from None
    try:
        db.execute("PRAGMA journal_mode=DELETE")
        db.execute("PRAGMA synchronous=FULL")
        db.executescript(_SCHEMA)
        db.execute("BEGIN IMMEDIATE")
        db.execute("DELETE FROM meta")
        db.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("format", str(FORMAT_VERSION)), ("application", "MissionDesk"), ("saved", _now())])
        db.execute("DELETE FROM documents")
        db.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            (d.id, i, d.path, d.title, d.outlet, d.author, d.published, d.body, d.format)
            for i, d in enumerate(data.documents)])
        db.execute("DELETE FROM facts")
        db.executemany("INSERT INTO facts VALUES (?, ?, ?)", [
            (doc_id, facts.version, json.dumps(facts.to_json(), ensure_ascii=False))
            for doc_id, facts in data.facts.items()])
        db.execute("DELETE FROM reviews")
        db.executemany('INSERT INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
            (r.document, r.kind, r.start, r.end, r.status, json.dumps(r.changes, ensure_ascii=False), r.who, r.when)
            for r in data.reviews.values()])
        # The trail in memory holds everything the file had and more, so it replaces the file's trail; clearing
        # entries after a write lost every review an autosave (another file) wrote before the real save.
        db.execute("DELETE FROM audit")
        db.executemany("INSERT INTO audit (at, who, action, detail) VALUES (?, ?, ?, ?)", [
            (at, who, action, json.dumps(detail, ensure_ascii=False)) for at, who, action, detail in data.audit])
        db.execute("COMMIT")
    except sqlite3.Error as exc:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise ProjectError(f"{path}: could not be written ({exc}); check the disk and try again") from None
    finally:
        db.close()


def load(path: str | os.PathLike) -> ProjectData:
    """Read a project file; raises ProjectError naming the file and the problem."""
    path = Path(path)
    if not path.exists():
        raise ProjectError(f"{path}: no such project file")
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: cannot be opened ({exc})") from None
    collecting = gc.isenabled()
    gc.disable()  # hundreds of thousands of new objects, none of them garbage: no point scanning them midway
    try:
        fmt = dict(db.execute("SELECT key, value FROM meta")).get("format")
        if fmt is None or int(fmt) > FORMAT_VERSION:
            raise ProjectError(f"{path}: this project was written by a newer MissionDesk (format {fmt}); "
                               "update MissionDesk to open it")
        data = ProjectData()
        data.documents = [Document(id=r[0], path=r[1], title=r[2], outlet=r[3], author=r[4], published=r[5],
                                   body=r[6], format=r[7])
                          for r in db.execute("SELECT id, path, title, outlet, author, published, body, format "
                                              "FROM documents ORDER BY position")]
        for doc_id, version, payload in db.execute("SELECT document, version, payload FROM facts"):
            facts = DocumentFacts.from_json(json.loads(payload))
            facts.version = version
            data.facts[doc_id] = facts
        for row in db.execute('SELECT document, kind, start, "end", status, changes, who, at FROM reviews'):
            review = Review(row[0], row[1], row[2], row[3], row[4], json.loads(row[5]), row[6], row[7])
            data.reviews[review.key] = review
        trail = db.execute("SELECT at, who, action, detail FROM audit ORDER BY id")
        data.audit = [(at, who, action, json.loads(detail)) for at, who, action, detail in trail]
        return data
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{path}: is not a MissionDesk project or is damaged ({exc})") from None
    finally:
        db.close()
        if collecting:
            # What was just read lives as long as the project is open and holds no reference cycles: move it
            # out of the collector's sight, or every later full collection rescans it (a second on 10,000 articles).
            gc.freeze()
            gc.enable()


def audit_trail(path: str | os.PathLike) -> list[dict]:
    """The saved audit trail, oldest first."""
    db = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    try:
        return [{"at": at, "who": who, "action": action, "detail": json.loads(detail)}
                for at, who, action, detail in db.execute("SELECT at, who, action, detail FROM audit ORDER BY id")]
    finally:
        db.close()
