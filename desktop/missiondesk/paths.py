"""Where the data the code reads lives: in the source tree, in an installed wheel, or in a frozen build."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    frozen = getattr(sys, "_MEIPASS", None)
    found = [_PACKAGE / "_data" / name, _PACKAGE.parent.parent / name]
    if frozen:
        found.insert(0, Path(frozen) / name)
    return found


@cache
def _first_dir(name: str) -> Path:
    for candidate in _candidates(name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"MissionDesk's {name}/ folder is missing; reinstall the application.")


def resources_dir() -> Path:
    """The folder of gazetteers, word lists, fonts and icons."""
    return _first_dir("resources")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def seeds_dir() -> Path:
    """The embedded default corpus, opened when nothing else is given."""
    return _first_dir("seeds")
