"""Paths as the user gives them -> the article files to read, and the paths that cannot be used.

Only regular files are ever read: a named pipe would block the load forever and a device such as /dev/zero
would be read until memory runs out, so anything else (also a link that loops or points nowhere) is reported
by name instead."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from missiondesk.corpus.document import LoadError

SUPPORTED = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
             ".xhtml": "html", ".pdf": "pdf", ".docx": "docx"}

SUPPORTED_LIST = ", ".join(sorted({s for s in SUPPORTED if s not in (".text", ".markdown", ".xhtml")}))
UNSUPPORTED = f"not an article format MissionDesk reads ({SUPPORTED_LIST}); save the article in one of these"


def article_format(path: Path) -> str | None:
    return SUPPORTED.get(path.suffix.lower())


def shown(path: str | os.PathLike) -> str:
    """A path as text that can always be printed, stored and written as JSON: a file name whose bytes are not
    UTF-8 (a Latin-1 name) shows the bytes it has as \\xNN instead of carrying unencodable surrogates."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def not_regular(mode: int) -> str | None:
    """Why a file of this kind is not read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        kind = "a named pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        kind = "not an ordinary file"
    return f"this is {kind}, not an article file; only ordinary files are read, so copy the article to a file"


def stat_error(exc: OSError) -> str:
    """What an OSError from looking at a path means for the person who gave it."""
    if exc.errno == errno.ELOOP:
        return "it is a link that leads back to itself (a symlink loop); remove the link or point it at the file"
    if exc.errno == errno.ENOENT:
        return "no such file or folder (or a link to a file that is gone); check the path"
    if exc.errno == errno.EACCES:
        return "permission denied; make it readable for your user and add it again"
    if exc.errno == errno.ENAMETOOLONG:
        return "the path is too long for the system; move or rename the file"
    return f"it could not be looked at ({exc.strerror or exc}); check the disk"


def expand(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[LoadError]]:
    """Files in the order given (folders read recursively, sorted), and errors for unusable paths."""
    files: list[Path] = []
    errors: list[LoadError] = []
    seen: set[tuple[int, int]] = set()

    def add(path: Path, given: bool) -> None:
        try:
            info = path.stat()  # follows links: a link to an article is read, a link to a device is not
        except OSError as exc:
            if given or exc.errno != errno.ENOENT or path.is_symlink():
                errors.append(LoadError(shown(path), stat_error(exc)))
            return
        if stat.S_ISDIR(info.st_mode):
            if given:
                for child in _walk(path, errors):
                    if article_format(child):
                        add(child, False)
            return
        if not article_format(path):
            if given:
                errors.append(LoadError(shown(path), UNSUPPORTED))
            return
        reason = not_regular(info.st_mode)
        if reason:
            errors.append(LoadError(shown(path), reason))
            return
        key = (info.st_dev, info.st_ino)  # the same file by two names (a link, a copy path) is read once
        if key not in seen:
            seen.add(key)
            files.append(path)

    for raw in paths:
        add(Path(raw), True)
    return files, errors


def _walk(folder: Path, errors: list[LoadError]) -> list[Path]:
    found = []

    def unreadable(exc: OSError) -> None:
        errors.append(LoadError(shown(exc.filename or folder), stat_error(exc)))

    # Links to folders are not followed (os.walk's default), so a link to a parent cannot make the walk endless.
    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / n for n in sorted(names) if not n.startswith("."))
    return found
