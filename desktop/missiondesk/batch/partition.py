"""What runs on a Dask worker: the language model loaded once per worker process, files hashed, and a
partition of articles read, extracted and written to the fact set. Each task returns a small summary, never
the facts: the workers write them, so the client's memory and network do not grow with the archive."""

from __future__ import annotations

import time
from pathlib import Path

from distributed.diagnostics.plugin import WorkerPlugin

from missiondesk.batch import tables


class LanguageModel(WorkerPlugin):
    """Loads spaCy's model and the gazetteers when a worker joins, once for all the tasks it will run."""

    name = "missiondesk-language-model"

    def setup(self, worker) -> None:
        from missiondesk.extract.gazetteer import gazetteer_for
        from missiondesk.extract.model import load_model

        gazetteer_for(load_model())


def content_ids(paths: list[str]) -> list[tuple[str | None, str | None]]:
    """(content hash, None) for each file, or (None, why it cannot be read): the same hash `extract` gives the
    document, so the client can tell which files are new before any is parsed."""
    from missiondesk.corpus.document import UnreadableFile
    from missiondesk.corpus.loader import document_id
    from missiondesk.corpus.readers import read_bytes

    out: list[tuple[str | None, str | None]] = []
    for path in paths:
        try:
            out.append((document_id(read_bytes(Path(path))), None))
        except UnreadableFile as exc:
            out.append((None, str(exc)))
        except Exception as exc:  # one odd file does not cost the partition
            out.append((None, f"it could not be read ({type(exc).__name__}: {exc})"))
    return out


def extract_partition(items: list[tuple[str, str]], folders: list[str], root: str, run: str, date: str,
                      name: str) -> dict:
    """Read, extract and write one partition. `items` are (absolute path, path as given) pairs. Every article
    ends up in the documents table or the errors table; nothing here raises for an article."""
    from missiondesk.extract.pipeline import EXTRACTOR_VERSION, extract_each
    from missiondesk.store.workspace import failures

    started, cpu = time.perf_counter(), time.process_time()
    documents, errors = _read(items, [Path(f) for f in folders], run)
    facts = extract_each(documents, workers=1)
    rows: dict[str, list[dict]] = {name_: [] for name_ in tables.SCHEMAS}
    for document, found in zip(documents, facts):
        for table, found_rows in tables.fact_rows(found, run).items():
            rows[table].extend(found_rows)
        rows["documents"].append(tables.document_row(document, found, run))
    ids = {d.path: d.id for d in documents}
    errors.extend(tables.error_row(e.path, ids.get(e.path), e.error, EXTRACTOR_VERSION, run)
                  for e in failures(facts, documents))  # the same sentence `extract` gives
    rows["errors"] = errors
    written = 0
    # the documents last: a document row says its facts are all written (a partition stopped half-way leaves
    # facts no document row names, which readers ignore, and its articles are extracted again next run)
    for table in (*tables.FACT_TABLES, "errors", "documents"):
        written += tables.write_rows(Path(root), table, date, name, rows[table])
    return {"documents": len(documents), "words": sum(d.word_count for d in documents),
            "errors": len(errors), "bytes": written, "seconds": time.perf_counter() - started,
            "cpu_seconds": time.process_time() - cpu}


def _read(items: list[tuple[str, str]], folders: list[Path], run: str) -> tuple[list, list[dict]]:
    """The documents as `missiondesk extract` reads them (same id, path, and outlet from the folder), and an
    error row for each file that cannot be read."""
    from dataclasses import replace

    from missiondesk.corpus.document import UnreadableFile
    from missiondesk.corpus.files import shown
    from missiondesk.corpus.loader import folder_outlet, read_document
    from missiondesk.extract.pipeline import EXTRACTOR_VERSION

    documents, errors = [], []
    for path, given in items:
        try:
            document = read_document(Path(path), shown(given))
            if not document.outlet:
                outlet = folder_outlet(Path(given), folders)
                document = replace(document, outlet=outlet) if outlet else document
            documents.append(document)
        except UnreadableFile as exc:
            errors.append(tables.error_row(shown(given), _id_of(path), str(exc), EXTRACTOR_VERSION, run))
        except Exception as exc:  # a reader bug must not lose the rest of the partition
            errors.append(tables.error_row(shown(given), _id_of(path), f"MissionDesk failed while reading it "
                                           f"({type(exc).__name__}); the other files are not affected",
                                           EXTRACTOR_VERSION, run))
    return documents, errors


def _id_of(path: str) -> str | None:
    (found, _), = content_ids([path])
    return found


def worker_memory() -> int:
    """This worker process's resident memory, in bytes."""
    import psutil

    return psutil.Process().memory_info().rss
