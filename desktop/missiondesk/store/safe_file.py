"""Replacing a file so that a crash, a kill or a full disk at any moment leaves either the old file or the new
one, whole: the new file is written beside the old, flushed to the disk, renamed over it in one step, and the
folder's entry flushed too (POSIX rename is atomic; without the fsyncs a power cut could still lose the data
the rename points at). Writers of one folder take turns under a lock on the folder."""

from __future__ import annotations

import contextlib
import os
import stat
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; the rename is still atomic
    fcntl = None


def temp_prefix(target: Path) -> str:
    """The name every temporary file for `target` starts with (hidden, beside it)."""
    return f".{target.name}.saving"


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on `folder` (another writer of a file in it waits its turn)."""
    if fcntl is None:
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # a folder one may write to but not list: save without the lock rather than not at all
        yield
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:  # some network file systems have no locks; the rename is still atomic
            pass
        yield
    finally:
        os.close(fd)  # closing releases the lock


def remove_leftovers(target: Path) -> None:
    """Delete the temporary files of writers that were killed before they finished (call under the lock: no
    live writer has one then)."""
    prefix = temp_prefix(target)
    for leftover in target.parent.glob(f"{prefix}*"):
        if leftover.name.startswith(prefix):
            leftover.unlink(missing_ok=True)


def replace_with(target: Path, write: Callable[[Path], None]) -> None:
    """Call `write(temporary path)`, then put what it wrote in place of `target` atomically and durably.
    On any failure `target` is untouched and the temporary file is gone; the error propagates."""
    tmp = target.with_name(f"{temp_prefix(target)}-{uuid.uuid4().hex}")
    # created as any new file is (the user's umask applies, unlike mkstemp's 0600); empty, which SQLite takes
    # as an empty database
    os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    try:
        write(tmp)
        with contextlib.suppress(FileNotFoundError):
            os.chmod(tmp, stat.S_IMODE(os.stat(target).st_mode))  # keep the permissions the file had
        fsync_file(tmp)
        os.replace(tmp, target)
        fsync_folder(target.parent)
    finally:
        tmp.unlink(missing_ok=True)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (not possible, nor needed, on Windows)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
