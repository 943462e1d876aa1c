"""File > Open Fact Set: a fact set opens read-only with its filter; the articles the filter takes join the
project with their facts, and the set's files are left as they were."""

from PySide6.QtCore import Qt

from tests.batch.helpers import make_fact_set
from tests.conftest import SEEDS


def test_a_filtered_working_set_joins_the_project(qtbot, window, tmp_path):
    facts = make_fact_set(SEEDS, tmp_path / "facts")
    before = {p: p.stat().st_mtime_ns for p in facts.rglob("*")}
    window.load_paths([str(facts)])  # as `missiondesk gui FACTS_DIR` does
    dialog = window.fact_set_dialog
    assert dialog.isVisible() and dialog.matches.text() == "5 article(s) match"
    dialog.mission.setCurrentIndex(dialog.mission.findData("nato-mission-iraq"))
    dialog.since.setText("2021")  # not a date yet: nothing to add
    qtbot.waitUntil(lambda: "YYYY-MM-DD" in dialog.matches.text())
    assert not dialog.add.isEnabled()
    dialog.since.setText("2021-01-01")
    qtbot.waitUntil(lambda: dialog.matches.text() == "2 article(s) match")
    with qtbot.waitSignal(window.loading_finished, timeout=60_000):
        qtbot.mouseClick(dialog.add, Qt.MouseButton.LeftButton)
    assert window.documents_model.rowCount() == 2
    assert set(window.frames.documents["outlet"]) == {"AFP", "Caliber.az"}
    assert len(window.frames.counts) > 0 and window.workspace.dirty
    assert {p: p.stat().st_mtime_ns for p in facts.rglob("*")} == before


def test_a_folder_that_is_no_fact_set_is_refused(qtbot, window, tmp_path):
    from missiondesk.ui.fact_set_dialog import open_fact_set

    assert open_fact_set(window, str(tmp_path)) is None
    assert "is not a fact set" in window.status_label.text()
