"""The audit trail from the window: no review is lost to an autosave; the History panel shows who did what,
before and after, and why; an edit keeps the extracted value in sight."""

from PySide6.QtCore import Qt

from missiondesk.store import audit_trail
from tests.ui.helpers import disagreement_cell


def test_a_review_made_before_an_autosave_reaches_the_saved_project(qtbot, opened):
    win = opened
    win.counts_view.setCurrentIndex(disagreement_cell(win))
    win.review_current("rejected")
    with qtbot.waitSignal(win.autosaved, timeout=60_000):
        assert win.autosave() is not None
    assert win.save_project()
    trail = audit_trail(win.workspace.path)
    assert [e["detail"]["after"]["status"] for e in trail if e["action"] == "review"] == ["rejected"]


def test_the_history_panel_shows_who_what_before_after_and_the_note(qtbot, opened):
    win = opened
    win.counts_view.setCurrentIndex(disagreement_cell(win))
    fact_id = win.current_fact
    win.evidence.note.setText("two outlets round differently")
    qtbot.mouseClick(win.evidence.reject, Qt.MouseButton.LeftButton)
    assert win.evidence.note.text() == ""  # the note went with that review, not the next
    newest = win.history.rows_shown()[0]
    assert newest[1] == win.workspace.who and newest[2] == "rejected"
    assert newest[4] == "unreviewed" and newest[5] == "rejected" and newest[6] == "two outlets round differently"
    assert win.facts.get(fact_id)["label"].split()[0] in newest[3]
    # the selected fact only: the panel follows the selection
    win.history.only_fact.setChecked(True)
    assert win.history.rows_shown() == []  # the selection moved on to an unreviewed fact
    win.select_fact(fact_id)
    assert len(win.history.rows_shown()) == 1
    # a note on a review already made
    win.history.note.setText("checked against the NATO fact sheet")
    qtbot.mouseClick(win.history.add_note, Qt.MouseButton.LeftButton)
    rows = win.history.rows_shown()
    assert [r[2] for r in rows] == ["note", "rejected"] and rows[0][6] == "checked against the NATO fact sheet"
    assert win.save_project()
    notes = [e["detail"].get("note") for e in audit_trail(win.workspace.path)]
    assert notes == ["two outlets round differently", "checked against the NATO fact sheet"]


def test_an_edit_shows_the_extracted_value_and_keeps_its_reason(qtbot, opened, monkeypatch):
    from missiondesk.ui.edit_dialog import EditFactDialog

    win = opened
    win.counts_view.setCurrentIndex(disagreement_cell(win))
    fact_id = win.current_fact
    extracted = win.facts.get(fact_id)["value"]

    def fill_and_accept(dialog):
        dialog._fields["value"].setValue(12345)
        dialog._reason.setText("the ministry's own figure")
        return True

    monkeypatch.setattr(EditFactDialog, "exec", fill_and_accept)
    qtbot.keyClick(win.counts_view, Qt.Key.Key_F2)
    assert win.facts.get(fact_id)["value"] == 12345
    win.select_fact(fact_id)
    shown = win.evidence.extracted
    assert shown.isVisible() and shown.text() == f"Extracted: value {extracted:,} → 12,345"
    entry = win.workspace.data.audit[-1][3]
    assert entry["note"] == "the ministry's own figure" and entry["after"]["changes"] == {"value": 12345}


def test_the_missions_tab_shows_no_python_values(qtbot, opened):
    model = opened.missions_model
    texts = {model.data(model.index(r, c)) for r in range(model.rowCount()) for c in range(model.columnCount())}
    assert not texts & {"True", "False", "None", "nan", "NaT"}
    column = [title for _, title in model._columns].index("In gazetteer")
    assert {model.data(model.index(r, column)) for r in range(model.rowCount())} <= {"yes", "no"}


def test_autosave_writes_off_the_gui_thread_and_keeps_every_review(qtbot, opened, monkeypatch):
    import threading

    from missiondesk.store import load, project

    win = opened
    writers = []
    save_as = project.save_as

    def recording(data, path):
        writers.append(threading.current_thread())
        save_as(data, path)

    monkeypatch.setattr(project, "save_as", recording)
    win.counts_view.setCurrentIndex(disagreement_cell(win))
    fact = win.facts.get(win.current_fact)
    win.review_current("rejected")
    with qtbot.waitSignal(win.autosaved, timeout=60_000) as written:
        target = win.autosave()
        win.review_current("accepted")  # the analyst goes on while it is written
    assert writers and writers[0] is not threading.main_thread()
    assert written.args == [str(target)]
    saved = load(target)
    assert saved.reviews[(fact["document"], "count", int(fact["start"]), int(fact["end"]))].status == "rejected"
    assert [e["detail"]["after"]["status"] for e in audit_trail(target)] == ["rejected"]
    assert len(win.workspace.data.audit) == 2  # the later review waits for the next save, not lost
