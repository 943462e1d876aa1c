"""Reopening a 10,000-article project: read the file and build the frames and comparisons; then the same in
the window (offscreen) until its tables are painted; and the peak memory with it open. The project is made
from generated articles with synthetic facts, so the benchmark does not wait for 10,000 extractions."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def make_project(path: Path, articles: int, missions: int = 0) -> None:
    """A project of generated articles with synthetic facts; with `missions`, each article names one of that
    many missions, and its counts are of it."""
    from missiondesk.corpus.loader import build_document, document_id
    from missiondesk.corpus.readers import RawArticle
    from missiondesk.extract.pipeline import DocumentFacts, MissionHitRecord
    from missiondesk.store import ProjectData, save
    from tests.benchmarks.corpus import _paragraphs, article
    from tests.benchmarks.facts import synthetic

    paragraphs, titles = _paragraphs()
    docs_meta, extraction = synthetic(articles)
    data = ProjectData()
    by_doc: dict[str, DocumentFacts] = {}
    for i, meta in enumerate(docs_meta):
        text = article(i, paragraphs, titles)
        doc = build_document(document_id(text.encode()), f"a{i:05d}.txt", RawArticle(text, "txt"))
        data.documents.append(doc)
        by_doc[meta.id] = DocumentFacts(doc.id)
        by_doc[meta.id].document = doc.id
    for count in extraction.troop_counts:
        count.document = by_doc[count.document].document
        by_doc[f"d{int(count.id[1:].split('-')[0])}"].troop_counts.append(count)
    for statement in extraction.statements:
        statement.document = by_doc[f"d{int(statement.id[1:].split('-')[0])}"].document
        by_doc[f"d{int(statement.id[1:].split('-')[0])}"].statements.append(statement)
    if missions:
        for i, facts in enumerate(by_doc.values()):
            mission = f"mission-{i % missions}"
            facts.missions.append(MissionHitRecord(mission, 0, 7, f"Mission {i % missions}"))
            for count in facts.troop_counts:
                count.mission = mission
    data.facts = {f.document: f for f in by_doc.values()}
    save(data, path)


def window_reopen(path: Path) -> dict:
    """What the user waits for: the window opening the project until its tables are filled (offscreen)."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from missiondesk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow(quiet=True)
    window.show()
    app.processEvents()
    started = time.perf_counter()
    window.open_project(str(path))
    window.repaint()  # painted with its tables filled
    shown = time.perf_counter() - started
    started = time.perf_counter()
    app.processEvents()  # what the window does once idle: the search index
    idle = time.perf_counter() - started
    started = time.perf_counter()
    window.tabs.setCurrentWidget(window.positions_view)
    app.processEvents()
    positions = time.perf_counter() - started
    return {"window_reopen_s": shown, "then_idle_work_s": idle, "positions_tab_first_shown_s": positions,
            "window_rows": window.counts_model.rowCount(),
            "window_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def reopen(path: Path) -> dict:
    from missiondesk.facts import compare_counts, compare_statements
    from missiondesk.store.workspace import Workspace

    started = time.perf_counter()
    workspace = Workspace.open(path)
    opened = time.perf_counter()
    frames = workspace.frames()
    counts = compare_counts(frames)
    compare_statements(frames)
    done = time.perf_counter()
    return {"articles": len(workspace.data.documents), "counts": len(frames.counts), "keys": len(counts.keys),
            "read_file_s": opened - started, "frames_and_comparisons_s": done - opened,
            "reopen_total_s": done - started,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "stale_documents": len(workspace.stale())}


def run(articles: int = 10_000) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.mdproj"
        started = time.perf_counter()
        make_project(path, articles)
        made = time.perf_counter() - started
        out = subprocess.run([sys.executable, "-m", "tests.benchmarks.reopen", str(path)], capture_output=True,
                             text=True, check=True).stdout
        result = json.loads(out.strip().splitlines()[-1])
        out = subprocess.run([sys.executable, "-m", "tests.benchmarks.reopen", str(path), "--window"],
                             capture_output=True, text=True, check=True).stdout
        result.update(json.loads(out.strip().splitlines()[-1]))
        result["project_mb"] = path.stat().st_size / 2**20
        result["make_project_s"] = made
        return result


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "--window":
        print(json.dumps(window_reopen(Path(sys.argv[1]))))
    elif len(sys.argv) > 1:
        print(json.dumps(reopen(Path(sys.argv[1]))))
    else:
        for key, value in run().items():
            print(f"{key:26s} {value:,.3f}")
