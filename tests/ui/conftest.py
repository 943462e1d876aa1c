import shutil

import pytest
from PySide6.QtCore import QStandardPaths

from missiondesk.store.workspace import Workspace
from tests.conftest import SEEDS


@pytest.fixture(autouse=True, scope="session")
def _isolated_settings():
    """QSettings and app data go to test locations, never the user's."""
    QStandardPaths.setTestModeEnabled(True)
    yield


@pytest.fixture(scope="session")
def seed_project(tmp_path_factory):
    """The seeds, read and extracted once, saved as a project file."""
    workspace = Workspace()
    corpus = workspace.read([SEEDS])
    workspace.add(corpus, Workspace.extract(corpus.documents))
    path = tmp_path_factory.mktemp("project") / "seeds.mdproj"
    workspace.save(path)
    return path


@pytest.fixture
def window(qtbot):
    from missiondesk.ui.main_window import MainWindow

    win = MainWindow(quiet=True)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.workspace.dirty = False  # nothing to ask on close


@pytest.fixture
def opened(qtbot, window, seed_project, tmp_path):
    """The window on a copy of the seed project."""
    path = tmp_path / "work.mdproj"
    shutil.copy(seed_project, path)
    assert window.open_project(str(path))
    return window
