"""The analyst's working state, with no Qt: the project's documents, facts and reviews, what changed since the
last save, and the derived frames the views show. The command line, the tests and the window drive it alike."""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from missiondesk.corpus import Corpus, load_corpus
from missiondesk.corpus.document import Document, LoadError
from missiondesk.corpus.files import expand
from missiondesk.corpus.loader import read_into
from missiondesk.extract.pipeline import DocumentFacts, extract_each, extract_stream, merge, prepare_workers
from missiondesk.extract.records import Extraction
from missiondesk.facts import FactFrames
from missiondesk.facts.mission_reviews import apply_to_frames
from missiondesk.facts.reviews import Review
from missiondesk.store import project
from missiondesk.store.document_reviews import hand_dated, time_zones, with_corrections
from missiondesk.store.project import ProjectData

Progress = Callable[[int, int, str], None]


class Workspace:
    def __init__(self, data: ProjectData | None = None, path: Path | None = None) -> None:
        self.data = data or ProjectData()
        self.path = path
        self.dirty = False
        self.errors: list[LoadError] = []
        self._extraction: Extraction | None = None
        self.who = _user()

    # -- opening and saving -----------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike) -> Workspace:
        return cls(project.load(path), Path(path))

    def save(self, path: str | os.PathLike | None = None) -> Path:
        target = Path(path) if path is not None else self.path
        if target is None:
            raise project.ProjectError("this project has no file yet; use Save As")
        if path is not None and Path(path) != self.path:
            project.save_as(self.data, target)
        else:
            project.save(self.data, target)
        self.path = target
        self.dirty = False
        return target

    # -- documents and facts ----------------------------------------------------------------------------
    def read(self, paths: Iterable[str | os.PathLike], progress: Progress | None = None,
             cancelled: Callable[[], bool] | None = None) -> Corpus:
        """Read files (no change to the workspace yet: safe on a worker thread)."""
        paths = list(paths)
        prepare_workers(paths)
        return load_corpus(paths, progress, cancelled)

    def read_and_extract(self, paths: Iterable[str | os.PathLike], progress: Progress | None = None,
                         cancelled: Callable[[], bool] | None = None, known: set[str] | None = None
                         ) -> tuple[Corpus, list[DocumentFacts]]:
        """Read files and extract the facts of the documents the project has no facts for, at once: the worker
        processes extract the first articles while the rest are read. Progress runs over both, reading and
        extracting each file; no change to the workspace yet (safe on a worker thread, given `known`: the ids
        of the documents whose facts the project holds, read on the GUI thread)."""
        paths = list(paths)
        prepare_workers(paths)
        found, bad = expand(paths)
        files = len(found) + len(bad)
        known = set(self.data.facts) if known is None else known
        corpus = Corpus()
        state = {"read": 0, "extracted": 0, "skipped": 0}

        def report(label: str) -> None:
            if progress:
                # each file counts twice, read and extracted; one that could not be read, or a copy, has nothing
                # to extract, nor has an article the project knows
                nothing = state["read"] - len(corpus.documents) + state["skipped"]
                done = state["read"] + state["extracted"] + nothing
                progress(min(done, 2 * files), 2 * files, label)

        def reading(done: int, total: int, path: str) -> None:
            state["read"] = done
            report(reading_text(done, files, extracting_text(), Path(path).name))

        def extracting_text() -> str:
            # only the articles read so far are known to need extracting: the count grows while reading goes on
            queued = len(corpus.documents) - state["skipped"]
            return f"extracted {state['extracted']} of {queued}" if queued else ""

        def fresh():
            for document in read_into(corpus, paths, reading, cancelled):
                if document.id in known:
                    state["skipped"] += 1
                else:
                    yield document

        def extracting(done: int, total: int) -> None:
            state["extracted"] = done
            if state["read"] < files:
                report(reading_text(state["read"], files, extracting_text()))
            else:
                queued = len(corpus.documents) - state["skipped"]
                report(f"Extracting facts: {done} of {queued} articles")

        facts = extract_stream(fresh(), files, extracting, cancelled)
        corpus.errors.extend(failures(facts, corpus.documents))
        if state["read"] < files:  # extraction was cancelled before every file was read
            corpus.cancelled = True
        return corpus, facts

    @staticmethod
    def extract(documents: list[Document], progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None):
        """Facts for documents (no change to the workspace yet: safe on a worker thread)."""
        def step(done: int, total: int) -> None:
            if progress:
                progress(done, total, f"Extracted {done} of {total} articles · {documents[done - 1].title[:40]}")
        return extract_each(documents, step, cancelled)

    def add(self, corpus: Corpus, facts=()) -> list[Document]:
        """Take in what a worker read and extracted (on the GUI thread)."""
        added = self.data.add_documents(corpus.documents)
        self.errors.extend(corpus.errors)
        for item in facts:
            if item.error and item.document in self.data.facts:
                continue  # extracting it again failed: the facts it had stay (and it stays listed as stale)
            self.data.facts[item.document] = item
        if added or facts:
            self.dirty = True
            self._extraction = None
        return added

    def stale(self) -> list[Document]:
        return self.data.stale()

    def extraction(self) -> Extraction:
        if self._extraction is None:
            self._extraction = merge(self.data.facts[d.id] for d in self.data.documents if d.id in self.data.facts)
        return self._extraction

    def frames(self, accepted_only: bool = False) -> FactFrames:
        """The facts as frames with the analyst's reviews applied (rejected facts and missions left out)."""
        frames = FactFrames.build(self.documents(), self.extraction(), self.data.reviews.values(), accepted_only)
        apply_to_frames(frames, self.extraction(), self.data.reviews.values())
        self.mark_documents(frames.documents)
        return frames

    def mark_documents(self, documents) -> None:
        """A documents frame's analyst marks: a date typed by hand (marked in fact sheets) and the time zone."""
        documents["date_typed"] = documents["id"].isin(self.hand_dated())
        zones = time_zones(self.data.reviews.values())
        documents["timezone"] = [zones.get(doc_id) for doc_id in documents["id"].tolist()]  # None where none is set

    def documents(self) -> list[Document]:
        """The articles with the analyst's corrections to their title, outlet, author and date applied (the
        documents as read stay in `data.documents`: extraction works on them)."""
        return with_corrections(self.data.documents, self.data.reviews.values())

    def hand_dated(self) -> set[str]:
        """The ids of the articles whose date the analyst typed."""
        return hand_dated(self.data.reviews.values())

    # -- reviews ----------------------------------------------------------------------------------------
    def review(self, key: tuple[str, str, int, int]) -> Review | None:
        return self.data.reviews.get(key)

    def set_review(self, key: tuple[str, str, int, int], status: str | None, changes: dict | None = None,
                   note: str | None = None) -> None:
        """Accept, reject or edit a fact (status None removes the review); `note` goes into the audit trail."""
        review = None if status is None else Review(key[0], key[1], key[2], key[3], status, dict(changes or {}),
                                                    self.who)
        self.data.set_review(review, key, self.who, note)
        self.dirty = True

    def add_note(self, key: tuple[str, str, int, int], note: str) -> None:
        """A note on a fact's review, kept in the audit trail."""
        self.data.add_note(key, self.who, note)
        self.dirty = True

    def restore_review(self, key: tuple[str, str, int, int], review: Review | None) -> None:
        """Put back a previous review exactly (for undo); the trail records it as an undo."""
        self.data.set_review(review, key, self.who, action="undo")
        self.dirty = True


def reading_text(read: int, files: int, extracting: str = "", name: str = "") -> str:
    """'Reading 12 of 40 articles (a.txt) · extracted 5 of 11': reading and extracting run at once and the
    analyst sees each one's count, not one bar that mixes them."""
    text = f"Reading {read} of {files} articles" + (f" ({name})" if name else "")
    return f"{text} · {extracting}" if extracting else text


def failures(facts: Iterable[DocumentFacts], documents: Iterable[Document]) -> list[LoadError]:
    """The documents whose facts could not be found, by file, each with what went wrong."""
    paths = {d.id: d.path for d in documents}
    return [LoadError(paths.get(f.document, f.document),
                      f"it was read, but finding its facts failed ({f.error}); the other articles are not affected")
            for f in facts if f.error]


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in some sandboxes and services
        return "analyst"
