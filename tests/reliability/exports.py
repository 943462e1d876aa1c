"""Every export of a set of frames, as the analyst can ask for them: the comparison in each table format and
every fact sheet (the corpus, each mission, each actor). Shared by the huge-number tests and the fuzz test."""

from __future__ import annotations

from pathlib import Path

from missiondesk.facts import FactFrames, compare_counts, compare_statements
from missiondesk.report.factsheet import FactSheetError, InvalidSubject, write_factsheet
from missiondesk.report.tables import write_comparison


def export_everything(frames: FactFrames, folder: Path, sheets: int = 3) -> list[Path]:
    """Write everything; return the files written. Raises only what an export may raise: FactSheetError when
    there is nothing to report. `sheets` caps the mission and actor sheets (each takes a fifth of a second)."""
    counts, positions = compare_counts(frames), compare_statements(frames)
    written = []
    for suffix in (".csv", ".xlsx", ".json"):
        write_comparison(folder / f"comparison{suffix}", frames, counts, positions)
        written.append(folder / f"comparison{suffix}")
    subjects = [("corpus", None, None)]
    subjects += [("mission", m, None) for m in sorted(set(frames.missions["id"]))[:sheets]]
    subjects += [("actor", None, a) for a in sorted(set(frames.statements["actor"].dropna()))[:sheets]]
    for n, (kind, mission, actor) in enumerate(subjects):
        try:
            written.append(write_factsheet(folder / f"sheet{n}.pdf", frames, kind=kind, mission=mission,
                                           actor=actor))
        except InvalidSubject:
            raise
        except FactSheetError as exc:  # nothing to report is an answer, not a crash
            assert "nothing" in str(exc).lower() or "no " in str(exc).lower(), exc
    return written
