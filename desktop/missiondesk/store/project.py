"""The project file: one SQLite database holding documents, their extracted facts (cached by extractor
version, so reopening never re-runs the pipeline), the analyst's reviews and an audit trail.

Every save writes a new file beside the project and renames it into place (store/safe_file.py), so a crash, a
kill or a full disk at any moment leaves the file as it was before or after the save, never in between, and
never one that will not open. Each save stamps the file with a new revision; saving in place first checks that
the file is still the revision this work was read from, so a second window saving the same project is told
instead of writing over the first one's work."""

from __future__ import annotations

import errno
import gc
import json
import os
import sqlite3
import uuid
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

from missiondesk.corpus.document import Document
from missiondesk.extract.pipeline import EXTRACTOR_VERSION, DocumentFacts
from missiondesk.facts.reviews import Review
from missiondesk.store.safe_file import folder_lock, remove_leftovers, replace_with

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


class ProjectConflict(ProjectError):
    """The project file was saved by someone else (another window) since this work was read from it."""


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
        # The revision of the project file this work was read from or last saved to (None: not known, as for
        # work that was never saved); saving in place refuses to write over a file at another revision.
        self.revision: str | None = None

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
    """Save the work to its own project file at `path`, replacing it whole. Raises ProjectConflict when the
    file was saved by someone else since `data` was read from it (nothing is written then)."""
    _save(data, Path(path), check=True)


def save_as(data: ProjectData, path: str | os.PathLike) -> None:
    """Write the work to `path` (another file, or a copy such as the autosave), replacing whatever is there whole.
    The file keeps the revision the work descends from, so work recovered from an autosave is checked on save
    against the project it came from."""
    _save(data, Path(path), check=False)


def _save(data: ProjectData, path: Path, check: bool) -> None:
    if not path.parent.is_dir():
        raise ProjectError(f"{path}: the folder {path.parent} does not exist; choose another place to save")
    target = Path(os.path.realpath(path))  # a link to the project: replace the file it points at, not the link
    revision = uuid.uuid4().hex if check else data.revision
    try:
        with folder_lock(target.parent):  # a second writer waits, then finds the revision changed
            remove_leftovers(target)
            if check and data.revision is not None:
                on_disk = _revision_of(target)
                if on_disk not in (None, data.revision):
                    raise ProjectConflict(
                        f"{path}: this project was saved from another window or by another person since you opened "
                        "it; your work is still open and nothing was written. Use Save As to keep it in a new "
                        "file, then compare the two")
            replace_with(target, lambda tmp: _write(data, tmp, revision))
    except ProjectError:
        raise
    except PermissionError:
        raise ProjectError(f"{path}: permission denied; choose a folder you can write to (the project file "
                           "was not changed)") from None
    except (sqlite3.Error, OSError) as exc:
        raise ProjectError(f"{path}: {_write_failure(exc)}") from None
    if check:
        data.revision = revision


def _write_failure(exc: BaseException) -> str:
    full = isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG) \
        or isinstance(exc, sqlite3.Error) and "full" in str(exc)
    if full:
        return ("could not be saved: the disk is full. Free some space and save again; the project file on disk "
                "was not changed")
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return (f"could not be saved ({reason}); the project file on disk was not changed. Check that the disk "
            "is there and has free space, then save again")


def _revision_of(path: Path) -> str | None:
    """The revision stamped in the project file at `path`; None when there is none to compare with (no file, an
    unstamped file from an older MissionDesk, or one that cannot be read: it is replaced whole anyway)."""
    if not path.exists():
        return None
    try:
        db = _open_for_reading(path)
    except (ProjectError, sqlite3.Error):
        return None
    try:
        return dict(db.execute("SELECT key, value FROM meta")).get("revision")
    except sqlite3.Error:
        return None
    finally:
        db.close()


def _write(data: ProjectData, path: Path, revision: str | None) -> None:
    """Write the whole project into the new, empty file `path` (nobody else sees it until it is renamed into
    place, so no journal is needed: a write cut short leaves only a temporary file)."""
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")  # the whole file is flushed once, before the rename
        db.executescript(_SCHEMA)
        db.execute("BEGIN")
        meta = [("format", str(FORMAT_VERSION)), ("application", "MissionDesk"), ("saved", _now())]
        if revision is not None:
            meta.append(("revision", revision))
        db.executemany("INSERT INTO meta VALUES (?, ?)", meta)
        db.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
            (d.id, i, d.path, d.title, d.outlet, d.author, d.published, d.body, d.format)
            for i, d in enumerate(data.documents)])
        db.executemany("INSERT INTO facts VALUES (?, ?, ?)", [
            (doc_id, facts.version, json.dumps(facts.to_json(), ensure_ascii=False))
            for doc_id, facts in data.facts.items()])
        db.executemany('INSERT INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
            (r.document, r.kind, r.start, r.end, r.status, json.dumps(r.changes, ensure_ascii=False), r.who, r.when)
            for r in data.reviews.values()])
        # The trail in memory holds everything the file had and more, so it is the file's whole trail; clearing
        # entries after a write lost every review an autosave (another file) wrote before the real save.
        db.executemany("INSERT INTO audit (at, who, action, detail) VALUES (?, ?, ?, ?)", [
            (at, who, action, json.dumps(detail, ensure_ascii=False)) for at, who, action, detail in data.audit])
        db.execute("COMMIT")
    finally:
        db.close()


def _open_for_reading(path: Path) -> sqlite3.Connection:
    """A read-only connection to the project at `path`. A file left by an older MissionDesk's in-place save that
    was killed has a hot journal beside it, which only a read-write connection can roll back: open it so once,
    and SQLite restores the last complete save."""
    journal = path.with_name(path.name + "-journal")
    if journal.exists():
        try:
            db = sqlite3.connect(path)
            try:
                db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the rollback happens here
            finally:
                db.close()
        except sqlite3.Error as exc:
            raise ProjectError(f"{path}: an interrupted save left {journal.name} beside it and it could not be "
                               f"undone ({exc}); make the folder writable and open the project again") from None
    try:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: cannot be opened ({exc})") from None


def load(path: str | os.PathLike) -> ProjectData:
    """Read a project file; raises ProjectError naming the file and the problem."""
    path = Path(path)
    if not path.exists():
        raise ProjectError(f"{path}: no such project file")
    db = _open_for_reading(path)
    collecting = gc.isenabled()
    gc.disable()  # hundreds of thousands of new objects, none of them garbage: no point scanning them midway
    try:
        meta = dict(db.execute("SELECT key, value FROM meta"))
        fmt = meta.get("format")
        if fmt is None or not str(fmt).isdigit():
            raise ProjectError(f"{path}: is not a MissionDesk project or is damaged (it names no format); "
                               "open a backup copy or the autosave beside it")
        if int(fmt) > FORMAT_VERSION:
            raise ProjectError(f"{path}: this project was written by a newer MissionDesk (format {fmt}, this "
                               f"one reads {FORMAT_VERSION}); update MissionDesk to open it")
        data = ProjectData()
        data.revision = meta.get("revision")
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
        raise ProjectError(f"{path}: is not a MissionDesk project or is damaged ({exc}); open a backup copy "
                           "or the autosave beside it") from None
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError) as exc:
        # a file damaged inside a record (a flipped bit in the facts' JSON) reads as SQLite but not as facts
        raise ProjectError(f"{path}: is damaged: a saved record cannot be read ({type(exc).__name__}); open a "
                           "backup copy or the autosave beside it") from None
    finally:
        db.close()
        if collecting:
            # What was just read lives as long as the project is open and holds no reference cycles: move it
            # out of the collector's sight, or every later full collection rescans it (a second on 10,000 articles).
            gc.freeze()
            gc.enable()


def audit_trail(path: str | os.PathLike) -> list[dict]:
    """The saved audit trail, oldest first."""
    db = _open_for_reading(Path(path))
    try:
        return [{"at": at, "who": who, "action": action, "detail": json.loads(detail)}
                for at, who, action, detail in db.execute("SELECT at, who, action, detail FROM audit ORDER BY id")]
    finally:
        db.close()
