"""The comparison as files: CSV (the matrix; one row per fact is facts_csv.py), XLSX (matrix, disagreements,
positions, counts, statements, and the long table of facts_csv.py) and JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd

from missiondesk.facts.compare import Comparison
from missiondesk.facts.frames import FactFrames
from missiondesk.report.facts_csv import ENCODING, facts_long


def comparison_json(counts: Comparison, positions: Comparison) -> dict:
    """'matrix': one entry per fact key with its cells per article; 'disagreements': one per disagreeing key."""
    docs = counts.documents.set_index("id")

    def entries(comparison: Comparison) -> list[dict]:
        by_key = {k: g for k, g in comparison.cells.groupby("key", sort=False)}
        out = []
        for row in comparison.keys.itertuples():
            cells = by_key.get(row.key, comparison.cells.iloc[0:0])
            out.append({
                "key": row.key, "kind": row.kind, "label": row.label, "disagree": bool(row.disagree),
                "cells": [{"document": c.document, "outlet": _plain(docs.loc[c.document, "outlet"]),
                           "published": _plain(docs.loc[c.document, "published"]),
                           "title": docs.loc[c.document, "title"],
                           "value": c.text, "facts": list(c.ids)} for c in cells.itertuples()],
            })
        return out

    return {"version": 1,
            "documents": [{"id": d.id, "title": d.title, "outlet": _plain(d.outlet), "published": _plain(d.published)}
                          for d in counts.documents.itertuples()],
            "matrix": entries(counts), "positions": entries(positions),
            "disagreements": [{**d, "sources": [{k: _plain(v) for k, v in s.items()} for s in d["sources"]]}
                              for d in counts.disagreements]}


def _plain(value):
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return value


def write_comparison(path: Path, frames: FactFrames, counts: Comparison, positions: Comparison,
                     notes: dict[tuple, str] | None = None) -> None:
    """Write by the file's ending; the file appears whole or not at all. `notes`: the analyst's latest note on
    each fact (facts_csv.review_notes), for the XLSX's long sheet."""
    suffix = path.suffix.lower()
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        if suffix == ".json":
            tmp.write_text(json.dumps(comparison_json(counts, positions), ensure_ascii=False, indent=2,
                                      default=str), encoding="utf-8")
        elif suffix == ".csv":
            csv_matrix(counts).to_csv(tmp, encoding=ENCODING)
        elif suffix == ".xlsx":
            with pd.ExcelWriter(tmp, engine="openpyxl") as book:
                _for_excel(_matrix_with_disagreement(counts)).to_excel(book, sheet_name="Troop counts")
                _for_excel(pd.DataFrame(counts.disagreements)[["label", "explanation"]]).to_excel(
                    book, sheet_name="Disagreements", index=False) if counts.disagreements else \
                    pd.DataFrame(columns=["label", "explanation"]).to_excel(book, sheet_name="Disagreements")
                _for_excel(positions.matrix()).to_excel(book, sheet_name="Positions")
                _for_excel(_strip_tz(frames.counts.drop(columns=["lo", "hi"]))).to_excel(
                    book, sheet_name="Counts", index=False)
                _for_excel(_strip_tz(frames.statements)).to_excel(book, sheet_name="Statements", index=False)
                _long_sheet(book, frames, notes)
        else:
            raise ValueError(f"unknown output type '{suffix}'; use .csv, .xlsx or .json")
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


TYPED_NOTE = "Date typed by the analyst"


def _long_sheet(book: pd.ExcelWriter, frames: FactFrames, notes: dict[tuple, str] | None) -> None:
    """The 'Facts' sheet: one row per fact, the long CSV's columns; a date the analyst typed is in italics with
    a comment saying so (its column stays the long CSV's)."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    table = facts_long(frames, notes)
    _for_excel(table.astype(object).where(table.notna(), None)).to_excel(book, sheet_name="Facts", index=False)
    docs = frames.documents
    typed = set(docs.loc[docs["date_typed"].to_numpy(dtype=bool), "id"]) if "date_typed" in docs else set()
    if not typed or table.empty:
        return
    sheet = book.sheets["Facts"]
    column = table.columns.get_loc("date") + 1
    for row in np.flatnonzero(table["article_id"].isin(typed).to_numpy() & table["date"].notna().to_numpy()):
        cell = sheet.cell(row=int(row) + 2, column=column)  # below the header row, 1-based
        cell.font = Font(italic=True)
        cell.comment = Comment(TYPED_NOTE, "MissionDesk")


def csv_matrix(counts: Comparison) -> pd.DataFrame:
    """The matrix as a spreadsheet reads it: the key column headed, each article's column headed by its plain
    title (the window's two-line 'outlet / date' header becomes one cell a spreadsheet cannot show whole)."""
    wide = _matrix_with_disagreement(counts)
    wide.index.name = "troop count"
    docs = counts.documents
    used = np.unique(pd.Index(docs["id"]).get_indexer(counts.cells["document"]).astype(np.int64)) \
        if len(counts.cells) else np.empty(0, dtype=np.int64)  # the articles matrix() gives columns, in order
    wide.columns = ["disagree", *docs["title"].to_numpy()[used]]
    return wide


def _matrix_with_disagreement(counts: Comparison) -> pd.DataFrame:
    wide = counts.matrix()
    flags = counts.keys.set_index("label")["disagree"]
    wide.insert(0, "disagree", [bool(flags.get(label, False)) for label in wide.index])
    return wide


# Excel holds at most this many characters in a cell, and no control characters but tab and line breaks
# (openpyxl raises IllegalCharacterError on them: an article with a stray \x08 broke the export).
_EXCEL_CELL_MAX = 32_767
_EXCEL_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _excel_cell(value):
    """Article text as an Excel cell takes it: control characters dropped, cut at Excel's cell size, and text
    that starts with '=' kept as text (openpyxl would write it as a formula)."""
    if isinstance(value, str):
        value = _EXCEL_ILLEGAL.sub("", value)
        if value.startswith("="):
            value = "'" + value
        value = value[:_EXCEL_CELL_MAX]
    return value


def _for_excel(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.map(_excel_cell)
    for axis in ("index", "columns"):
        labels = getattr(frame, axis)
        if isinstance(labels, pd.MultiIndex):
            cleaned = pd.MultiIndex.from_tuples([tuple(map(_excel_cell, t)) for t in labels], names=labels.names)
        else:
            cleaned = pd.Index([_excel_cell(v) for v in labels], name=labels.name, dtype=labels.dtype)
        setattr(frame, axis, cleaned)
    return frame


def _strip_tz(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(date=frame["date"].dt.strftime("%Y-%m-%d")) if "date" in frame else frame
