"""Facts as a spreadsheet reads them: one row per troop count or statement (long form), each with its article,
its figures, its words and its review, so that a pivot table or a filter does the comparing the analyst wants."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from missiondesk.facts.frames import FactFrames

LONG_COLUMNS = ["fact_id", "kind", "article_id", "title", "outlet", "date", "value", "value_to", "qualifier", "unit",
                "whose", "where", "mission", "actor", "statement", "sentence", "start", "end", "review_status",
                "note"]

# A spreadsheet reads a CSV without a byte order mark as the machine's code page: 'Zelenskyy’s' turns to
# mojibake in Excel. The mark is invisible to pandas, csv and LibreOffice.
ENCODING = "utf-8-sig"


def review_notes(audit: Iterable[tuple[str, str, str, dict]]) -> dict[tuple, str]:
    """The latest note the analyst wrote on each fact, by review key (document, kind, start, end)."""
    notes = {}
    for _at, _who, _action, detail in audit:
        if detail.get("note") and detail.get("key"):
            notes[tuple(detail["key"])] = detail["note"]
    return notes


def facts_long(frames: FactFrames, notes: dict[tuple, str] | None = None) -> pd.DataFrame:
    """One row per fact, LONG_COLUMNS: troop counts first, then statements, each in article order."""
    notes = notes or {}
    docs = frames.documents.set_index("id")
    parts = []
    for kind, frame in (("count", frames.counts), ("statement", frames.statements)):
        if not len(frame):
            continue
        index = pd.Index(docs.index).get_indexer(frame["document"])
        out = pd.DataFrame({
            "fact_id": frame["id"].to_numpy(), "kind": kind, "article_id": frame["document"].to_numpy(),
            # the article's own title, outlet and date (the frames fill a missing outlet with the title, for the
            # matrix headers: a spreadsheet should see it is missing)
            "title": docs["title"].to_numpy()[index], "outlet": docs["outlet"].to_numpy()[index],
            "date": docs["published"].to_numpy()[index]})
        for column in ("value", "value_to", "qualifier", "unit", "whose", "where"):
            out[column] = frame[column].to_numpy() if column in frame else None
        out["mission"] = frame["mission"].to_numpy()
        out["actor"] = frame["actor"].to_numpy() if "actor" in frame else None
        out["statement"] = frame["content"].to_numpy() if "content" in frame else None
        out["sentence"] = frame["sentence"].to_numpy()
        out["start"], out["end"] = frame["start"].to_numpy(), frame["end"].to_numpy()
        out["review_status"] = frame["status"].to_numpy() if "status" in frame else "unreviewed"
        out["note"] = [notes.get((d, kind, int(s), int(e)), "") for d, s, e in
                       zip(frame["document"].to_numpy(), frame["start"].to_numpy(), frame["end"].to_numpy())]
        parts.append(out)
    if not parts:
        return pd.DataFrame(columns=LONG_COLUMNS)
    table = pd.concat(parts, ignore_index=True)[LONG_COLUMNS]
    for column in ("value", "value_to", "start", "end"):  # whole numbers, not '10000.0', blank when absent
        table[column] = pd.to_numeric(table[column], errors="coerce").round().astype("Int64")
    return table


def write_facts_csv(path: Path, frames: FactFrames, notes: dict[tuple, str] | None = None) -> None:
    """The long table as CSV at `path`; the file appears whole or not at all."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        facts_long(frames, notes).to_csv(tmp, index=False, encoding=ENCODING)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
