"""Paths as the user gives them -> the article files to read, and the paths that cannot be used."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from missiondesk.corpus.document import LoadError

SUPPORTED = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
             ".xhtml": "html", ".pdf": "pdf", ".docx": "docx"}

SUPPORTED_LIST = ", ".join(sorted({s for s in SUPPORTED if s not in (".text", ".markdown", ".xhtml")}))


def article_format(path: Path) -> str | None:
    return SUPPORTED.get(path.suffix.lower())


def expand(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[LoadError]]:
    """Files in the order given (folders read recursively, sorted), and errors for unusable paths."""
    files: list[Path] = []
    errors: list[LoadError] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            files.append(path)

    for raw in paths:
        path = Path(raw)
        if not path.exists():
            errors.append(LoadError(str(raw), "no such file or folder; check the path"))
        elif path.is_dir():
            for child in _walk(path):
                if article_format(child):
                    add(child)
        elif article_format(path):
            add(path)
        else:
            errors.append(LoadError(str(raw), f"not an article format MissionDesk reads ({SUPPORTED_LIST})"))
    return files, errors


def _walk(folder: Path) -> list[Path]:
    found = []
    for root, dirs, names in os.walk(folder, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / n for n in sorted(names) if not n.startswith("."))
    return found
