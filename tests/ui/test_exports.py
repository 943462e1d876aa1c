"""File > Export Comparison writes one row per fact or the matrix as the chosen form says, with the analyst's
corrections in; every export dialog opens in the folder the last export went to."""

import csv

from PySide6.QtWidgets import QFileDialog

from missiondesk.report.facts_csv import LONG_COLUMNS
from missiondesk.ui.export_dialog import FactSheetDialog


def test_exports_write_the_chosen_form_and_remember_the_folder(qtbot, opened, monkeypatch, tmp_path):
    win = opened
    reports = tmp_path / "reports"
    reports.mkdir()
    asked = []

    def save_as(form, name):
        def dialog(_parent, _caption, start, _filters):
            asked.append(start)
            return str(reports / name), form
        return dialog

    doc_id = win.documents_model.row(0)["id"]
    win.documents_view.selectRow(0)
    win.set_outlet_for_selected("Field Desk")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as("CSV, one row per fact (*.csv)", "comparison.xlsx"))
    win.export_comparison()
    with open(reports / "comparison.csv", encoding="utf-8-sig", newline="") as fh:  # the name follows the form
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == LONG_COLUMNS
    assert len(rows) == len(win.frames.counts) + len(win.frames.statements)
    assert {r["outlet"] for r in rows if r["article_id"] == doc_id} == {"Field Desk"}
    assert win.status_label.text() == "Exported comparison.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as("CSV, the matrix (*.csv)", "matrix"))
    win.export_comparison()
    assert asked[1].startswith(str(reports))  # opened where the last export went
    with open(reports / "matrix.csv", encoding="utf-8-sig", newline="") as fh:
        assert next(csv.reader(fh))[:2] == ["troop count", "disagree"]
    dialog = FactSheetDialog(win)
    qtbot.addWidget(dialog)
    assert dialog.path.text() == str(reports / "factsheet.pdf")


def test_a_written_fact_sheet_can_be_opened_from_the_status_bar(qtbot, opened, monkeypatch, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QDesktopServices

    from missiondesk.ui.export_dialog import export_factsheet

    win = opened
    opened_urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened_urls.append(url.toLocalFile()))
    target = tmp_path / "sheet.pdf"
    with qtbot.waitSignal(win.loading_finished, timeout=300_000):
        export_factsheet(win, target, "corpus", None, None, "UNCLASSIFIED", False)
    assert target.exists() and win.open_written.isVisible()
    qtbot.mouseClick(win.open_written, Qt.MouseButton.LeftButton)
    assert opened_urls == [str(target)]
