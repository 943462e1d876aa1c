"""Start the application: the window on the given paths or project, or on the seed corpus."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from missiondesk import __version__
from missiondesk.paths import seeds_dir
from missiondesk.ui.main_window import MainWindow


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("MissionDesk")
    app.setOrganizationName("MissionDesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("missiondesk")
    return app


def run_app(paths: list[str], screenshot: str | None = None) -> int:
    app = make_application()
    window = MainWindow(quiet=bool(screenshot))
    if screenshot:
        def save_and_quit() -> None:
            app.processEvents()
            window.grab().save(screenshot)
            app.quit()

        window.loading_finished.connect(lambda: QTimer.singleShot(300, save_and_quit))
    window.show()
    if not screenshot:
        from missiondesk.extract.pipeline import start_workers

        # The worker server loads the model while the analyst looks around, so a large load starts at once.
        QTimer.singleShot(1500, start_workers)
    if not paths and not screenshot and window.recover_untitled():
        return app.exec()
    window.load_paths(list(paths) or [str(seeds_dir())])
    return app.exec()
