"""PyInstaller's entry script: one executable for the window and the command line.

`missiondesk` with no arguments opens the window; `missiondesk extract ...`, `compare ...`, `gui ...` and the
other sub-commands work as they do from the Python package (`missiondesk.cli:main`).
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from missiondesk.cli import main

    sys.exit(main())
