"""Work recovered from an autosave keeps the revision of the project it came from, so saving it over a project
that another window has saved since is refused (the two-window check), not written over it."""

import pytest

from missiondesk.store import ProjectConflict, load, save, save_as
from missiondesk.ui.project_actions import _snapshot
from tests.reliability.projects import a_project, add_round


def test_recovered_autosave_is_checked_against_its_project(tmp_path):
    project, autosave = tmp_path / "p.mdproj", tmp_path / "p.mdproj.autosave"
    mine = a_project(5)
    save(mine, project)
    add_round(mine, 1)
    save_as(_snapshot(mine), autosave)  # what the window's autosave writes

    theirs = load(project)  # another window saves the project meanwhile
    add_round(theirs, 2)
    save(theirs, project)

    recovered = load(autosave)
    assert recovered.revision == mine.revision
    with pytest.raises(ProjectConflict):
        save(recovered, project)
