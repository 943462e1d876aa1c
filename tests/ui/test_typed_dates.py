"""A date the analyst typed (Article properties) is marked as such wherever an export shows it: the fact sheet
(† after the date, and in words under Sources) and the XLSX's long 'Facts' sheet (italics and a comment), which
holds one row per fact with the long CSV's columns."""

import openpyxl
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog

from missiondesk.report.facts_csv import LONG_COLUMNS
from missiondesk.ui.article_properties import ArticlePropertiesDialog


def _type_date(win, monkeypatch, day, zone=""):
    """Type a date for an undated article with troop counts, in the real dialog; its id."""
    model = win.documents_model
    undated = set(win.frames.documents.loc[win.frames.documents["published"].isna(), "id"])
    doc_id = next(d for d in win.frames.counts["document"] if d in undated)
    row = next(r for r in range(model.rowCount()) if model.row(r)["id"] == doc_id)
    win.documents_view.setCurrentIndex(model.index(row, 0))

    def fill(dialog):
        dialog._fields["published"].setText(day)
        dialog._fields["timezone"].setText(zone)
        return True

    monkeypatch.setattr(ArticlePropertiesDialog, "exec", fill)
    win.edit_article_properties()
    return doc_id


def test_the_fact_sheet_marks_a_typed_date(qtbot, opened, monkeypatch, tmp_path):
    from missiondesk.ui.export_dialog import export_factsheet

    win = opened
    _type_date(win, monkeypatch, "2021-03-04")
    target = tmp_path / "sheet.pdf"
    with qtbot.waitSignal(win.loading_finished, timeout=300_000):
        export_factsheet(win, target, "corpus", None, None, "UNCLASSIFIED", False)
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "2021-03-04 (date typed by the analyst)" in text  # under Sources
    assert "2021-03-04 †" in text  # in the key figures
    assert "† marks a date the analyst typed" in text
    assert text.count("(date typed by the analyst)") == 1  # only the one article typed


def test_the_xlsx_export_adds_the_long_sheet_with_typed_dates_marked(qtbot, opened, monkeypatch, tmp_path):
    win = opened
    doc_id = _type_date(win, monkeypatch, "2021-03-04")
    target = tmp_path / "comparison.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args: (str(target), "Excel (*.xlsx)"))
    win.export_comparison()
    book = openpyxl.load_workbook(target)
    assert "Troop counts" in book.sheetnames and "Facts" in book.sheetnames  # as before, plus the long sheet
    sheet = book["Facts"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == LONG_COLUMNS
    assert len(rows) - 1 == len(win.frames.counts) + len(win.frames.statements)
    date_column = LONG_COLUMNS.index("date") + 1
    for number, row in enumerate(rows[1:], start=2):
        cell = sheet.cell(row=number, column=date_column)
        typed = row[LONG_COLUMNS.index("article_id")] == doc_id
        assert (cell.value == "2021-03-04") if typed else True
        assert bool(cell.font.italic) == typed and (cell.comment is not None) == typed
        if typed:
            assert cell.comment.text.startswith("Date typed by the analyst")


def test_a_dates_time_zone_is_typed_shown_and_printed(qtbot, opened, monkeypatch, tmp_path):
    from missiondesk.ui.article_properties import ArticlePropertiesDialog as Dialog
    from missiondesk.ui.export_dialog import export_factsheet

    win = opened
    doc_id = _type_date(win, monkeypatch, "2021-03-04", "+2")
    model = win.documents_model
    shown = {model.row(r)["id"]: model.row(r)["published"] for r in range(model.rowCount())}
    assert shown[doc_id] == "2021-03-04 UTC+02:00 ✎"  # in the Corpus list, kept as typed
    win.undo_stack.undo()
    shown = {model.row(r)["id"]: model.row(r)["published"] for r in range(model.rowCount())}
    assert not isinstance(shown[doc_id], str) or "UTC" not in shown[doc_id]
    win.undo_stack.redo()
    document = next(d for d in win.workspace.documents() if d.id == doc_id)
    dialog = Dialog(document, document, [], win, "UTC+02:00")  # opened again, the zone is in its field
    qtbot.addWidget(dialog)
    assert dialog._fields["timezone"].text() == "UTC+02:00"
    dialog._fields["timezone"].setText("Mars/Olympus")
    dialog._check_and_accept()
    assert "not a time zone" in dialog.error.text() and dialog.result() == 0
    target = tmp_path / "sheet.pdf"
    with qtbot.waitSignal(win.loading_finished, timeout=300_000):
        export_factsheet(win, target, "corpus", None, None, "UNCLASSIFIED", False)
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "2021-03-04 UTC+02:00 (date typed by the analyst)" in text



def test_an_article_still_undated_shows_no_date_after_another_is_dated(opened, monkeypatch):
    win = opened
    dated = _type_date(win, monkeypatch, "2021-02-15")
    model = win.documents_model
    column = [name for name, _ in model._columns].index("published")
    cells = {model.row(r)["id"]: model.data(model.index(r, column)) for r in range(model.rowCount())}
    undated = set(win.frames.documents.loc[win.frames.documents["published"].isna(), "id"]) - {dated}
    assert undated and all(not cells[d] for d in undated)  # not 'nan'
    assert cells[dated].startswith("2021-02-15")
