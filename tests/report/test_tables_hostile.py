"""Article text in the table exports: control characters (openpyxl refuses them), text that looks like a formula
and cells beyond Excel's size are written as text a spreadsheet opens."""

import openpyxl

from missiondesk.corpus.document import Document
from missiondesk.extract.records import Extraction, Statement, TroopCount
from missiondesk.facts import FactFrames, compare_counts, compare_statements
from missiondesk.report.tables import write_comparison


def test_control_characters_formulas_and_huge_cells_in_xlsx(tmp_path):
    docs = [Document("a", "a.txt", "Title\x08 one", "AF\x01P", None, "2024-01-01", "body"),
            Document("b", "b.txt", "=cmd|' /C calc'!A0", None, None, None, "body")]
    counts = [TroopCount("c1", "a", 4000, None, "exact", "troops", "NA\x08TO", "Kos\x0bovo", None,
                         "=SUM(A1)\x08" + "x" * 40_000, 0, 10),
              TroopCount("c2", "b", 5000, None, "exact", "troops", "NA\x08TO", "Kos\x0bovo", None, "y", 0, 10)]
    statements = [Statement("s1", "a", "Je\x08ns", None, "direct", "\x00We stay", "=1+1", "top\x07ic", None, 0, 5)]
    frames = FactFrames.build(docs, Extraction([], counts, statements))
    path = tmp_path / "c.xlsx"
    write_comparison(path, frames, compare_counts(frames), compare_statements(frames))
    book = openpyxl.load_workbook(path)
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert cells and all(c.data_type == "s" for c in cells)  # no formula anywhere
    texts = [c.value for c in cells]
    assert all(len(t) <= 32_767 and not any(ord(ch) < 9 for ch in t) for t in texts)
    assert any(t.startswith("'=cmd|") for t in texts) and "NATO" in " ".join(texts)
