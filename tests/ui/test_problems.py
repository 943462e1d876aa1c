"""The Problems panel: unreadable files and articles without facts stay listed, by name and reason, are marked
in the Corpus list, and can be retried."""

from PySide6.QtCore import Qt

from missiondesk.extract.pipeline import DocumentFacts
from missiondesk.store import load, save
from missiondesk.store.problems import FAILED, UNREADABLE
from missiondesk.store.workspace import Workspace


def test_an_unreadable_file_stays_listed_and_retry_reads_it(qtbot, window, article_file, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    with qtbot.waitSignal(window.loading_finished, timeout=120_000):
        window.load_paths([str(article_file), str(bad)])
    panel = window.problems_panel
    assert [(p.kind, p.title) for p in panel.problems] == [(UNREADABLE, "empty.txt")]
    assert not panel.extract_remaining.isEnabled()  # nothing was read, so there is nothing to extract
    assert panel.table.item(0, 2).text() and window.problems_dock.isVisible()
    assert window.problems_dock.windowTitle() == "Problems (1)"
    bad.write_text("About 4,000 NATO troops remain in Kosovo, officials said on 3 March 2024.", encoding="utf-8")
    with qtbot.waitSignal(window.loading_finished, timeout=120_000):
        qtbot.mouseClick(panel.retry, Qt.MouseButton.LeftButton)
    assert panel.problems == [] and window.documents_model.rowCount() == 2


def test_a_failed_extraction_is_marked_and_retried(qtbot, window, seed_project, tmp_path, monkeypatch):
    data = load(seed_project)
    victim = data.documents[1]
    del data.facts[victim.id]  # as if the project was saved before this article was extracted
    path = tmp_path / "partial.mdproj"
    save(data, path)

    def failing(documents, progress=None, cancelled=None):
        return [DocumentFacts(d.id, version="", error="a rule broke on it") for d in documents]

    monkeypatch.setattr(Workspace, "extract", staticmethod(failing))
    with qtbot.waitSignal(window.loading_finished, timeout=120_000):
        assert window.open_project(str(path))
    panel = window.problems_panel
    assert [(p.kind, p.document) for p in panel.problems] == [(FAILED, victim.id)]
    assert "a rule broke on it" in panel.table.item(0, 2).text() and panel.extract_remaining.isEnabled()
    titles = [window.documents_model.row(r)["title"] for r in range(window.documents_model.rowCount())]
    assert titles.count(f"⚠ {FAILED}: {victim.title}") == 1
    assert sum(t.startswith("⚠") for t in titles) == 1
    monkeypatch.undo()  # the rule is fixed: retry extracts it
    with qtbot.waitSignal(window.loading_finished, timeout=120_000):
        qtbot.mouseClick(panel.retry, Qt.MouseButton.LeftButton)
    assert panel.problems == [] and not window.workspace.stale()
    assert not any(window.documents_model.row(r)["title"].startswith("⚠")
                   for r in range(window.documents_model.rowCount()))


def test_articles_being_extracted_are_not_listed_as_problems(qtbot, window, seed_project, tmp_path):
    data = load(seed_project)
    del data.facts[data.documents[0].id]
    path = tmp_path / "partial.mdproj"
    save(data, path)
    with qtbot.waitSignal(window.loading_finished, timeout=120_000):
        assert window.open_project(str(path))
        assert window.problems_panel.problems == []  # extraction has started: nothing is wrong yet
        assert not any(window.documents_model.row(r)["title"].startswith("⚠")
                       for r in range(window.documents_model.rowCount()))
    assert window.problems_panel.problems == [] and not window.workspace.stale()
