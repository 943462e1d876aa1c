"""A saved project's facts as the reports use them, without the window: the analyst's reviews applied (facts
rejected, edited or accepted, missions and actors merged or renamed). Articles whose facts are out of date
(another extractor version) are extracted again first, and the reviews apply to the new facts as the window
applies them; the project file is not changed."""

from __future__ import annotations

import os

from missiondesk.corpus import Corpus
from missiondesk.facts import FactFrames
from missiondesk.store.project import SUFFIX
from missiondesk.store.workspace import Workspace


def is_project(paths: list[str]) -> bool:
    """Whether the paths given are one saved project (PROJECT.mdproj) rather than articles."""
    return len(paths) == 1 and str(paths[0]).lower().endswith(SUFFIX)


def reviewed_frames(path: str | os.PathLike, accepted_only: bool = False) -> FactFrames:
    """The project's frames with its reviews applied; raises ProjectError naming the file when it cannot be read."""
    workspace = Workspace.open(path)
    stale = workspace.stale()
    if stale:
        workspace.add(Corpus(), Workspace.extract(stale))
    return workspace.frames(accepted_only)
