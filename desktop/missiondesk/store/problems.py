"""What the analyst must know is missing from a project: files that could not be read, articles whose
extraction failed, and articles not extracted yet (a cancelled load, another extractor version)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from missiondesk.extract.pipeline import EXTRACTOR_VERSION

UNREADABLE, FAILED, NOT_EXTRACTED = "Unreadable file", "Extraction failed", "Not extracted"


@dataclass(frozen=True)
class Problem:
    kind: str  # UNREADABLE | FAILED | NOT_EXTRACTED
    path: str
    title: str
    reason: str
    document: str | None = None  # the article's id when it was read


def problems(workspace) -> list[Problem]:
    """Every problem of a Workspace as it stands now: a file read since, or an article extracted since, is gone."""
    data = workspace.data
    out = []
    for document in workspace.stale():
        facts = data.facts.get(document.id)
        if facts is not None and facts.error:
            out.append(Problem(FAILED, document.path, document.title,
                               f"finding its facts failed ({facts.error})", document.id))
        elif facts is not None and facts.version != EXTRACTOR_VERSION:
            out.append(Problem(NOT_EXTRACTED, document.path, document.title,
                               "its facts come from another version of MissionDesk", document.id))
        else:
            out.append(Problem(NOT_EXTRACTED, document.path, document.title,
                               "its facts were never extracted (the load was cancelled or stopped)", document.id))
    loaded = {d.path for d in data.documents}
    seen = set()
    for error in workspace.errors:
        if error.path in loaded or (error.path, error.error) in seen:
            continue
        seen.add((error.path, error.error))
        out.append(Problem(UNREADABLE, error.path, Path(error.path).name, error.error))
    return out
