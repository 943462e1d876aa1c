"""The window as a user drives it: load the seeds, drop files, cancel, see errors."""

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from missiondesk.ui.document_model import DocumentTableModel
from missiondesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):
    win = MainWindow()
    win.setProperty("quiet", True)
    qtbot.addWidget(win)
    win.show()
    return win


def test_loads_the_seed_corpus_into_the_list(qtbot, window, seeds_dir):
    with qtbot.waitSignal(window.loading_finished, timeout=30000):
        window.load_paths([str(seeds_dir)])
    model = window.table.model()
    assert model.rowCount() == 5
    titles = {model.index(r, 0).data() for r in range(5)}
    assert "NATO Chief Says Afghanistan Troop Pullout Depends on Taliban" in titles
    dates = {model.index(r, 2).data() for r in range(5)}
    assert {"2021-02-17", "2021-08-17", "2026-02-19", "undated"} <= dates
    assert "5 articles" in window.status_label.text()


def test_drop_files_adds_them_and_reports_bad_ones(qtbot, window, article_file, tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article_file)), QUrl.fromLocalFile(str(bad))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.loading_finished, timeout=30000):
        window.dropEvent(event)
    assert window.table.model().rowCount() == 1
    assert [e.path for e in window.corpus.errors] == [str(bad)]
    assert "1 could not be read" in window.status_label.text()


def test_loading_twice_keeps_one_copy(qtbot, window, article_file):
    for _ in range(2):
        with qtbot.waitSignal(window.loading_finished, timeout=30000):
            window.load_paths([str(article_file)])
    assert window.table.model().rowCount() == 1


def test_cancel_keeps_what_was_loaded(qtbot, window, tmp_path):
    for i in range(40):
        (tmp_path / f"{i:02}.txt").write_text(f"Report {i}: about {i + 1},000 troops remain in Kosovo, officials said.")
    with qtbot.waitSignal(window.loading_finished, timeout=30000):
        window.load_paths([str(tmp_path)])
        window.cancel_loading()
    assert window.table.model().rowCount() <= 40
    assert not window.progress.isVisible()


def test_document_model_passes_the_model_tester(qtmodeltester, seeds_dir):
    from missiondesk.corpus import load_corpus

    model = DocumentTableModel()
    model.set_documents(load_corpus([seeds_dir]).documents)
    qtmodeltester.check(model)
