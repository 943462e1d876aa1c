"""kill -9 at random moments while a project of a few hundred articles is saved over and over: after every kill
the project opens, holds every save the writer reported complete, and its audit trail is whole. 5 kills in
`make test`, 60 under `make soak`."""

import os
import random
import select
import signal
import sqlite3
import time

import pytest

from missiondesk.store import load, save
from missiondesk.store.project import audit_trail
from tests.reliability.conftest import SOAK
from tests.reliability.projects import a_project, add_round, rounds_in

KILLS = 60 if SOAK else 5


def _writer(path, write_fd: int) -> None:
    """The child: save again and again, one round of reviews more each time, reporting each finished save."""
    try:
        data = load(path)
        n = max(rounds_in(data), default=0)
        os.write(write_fd, b"ready\n")
        while True:
            n += 1
            add_round(data, n)
            save(data, path)
            os.write(write_fd, b"%d\n" % n)
    finally:
        os._exit(1)


def _kill_after(path, delay: float) -> int:
    """Start a writer, kill it `delay` seconds after it is ready; return the last round it reported saved."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        _writer(path, write_fd)
    os.close(write_fd)
    output = b""
    try:
        while b"ready\n" not in output:
            ready, _, _ = select.select([read_fd], [], [], 60)
            assert ready, "the writer never started"
            output += os.read(read_fd, 4096)
        time.sleep(delay)
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    while chunk := os.read(read_fd, 4096):
        output += chunk
    os.close(read_fd)
    saved = [int(line) for line in output.split() if line.isdigit()]
    return max(saved, default=0)


@pytest.mark.kill
def test_kill_during_save_never_loses_a_reported_save(tmp_path):
    path = tmp_path / "p.mdproj"
    save(a_project(), path)
    rng = random.Random(20)
    reported = 0
    for _ in range(KILLS):
        reported = max(reported, _kill_after(path, rng.uniform(0.0, 0.6)))
        data = load(path)  # always opens
        held = rounds_in(data)
        assert set(range(1, reported + 1)) <= held, (reported, sorted(held))
        assert len(data.documents) == 300 and len(data.facts) == 300
        assert len(audit_trail(path)) == 50 * max(held, default=0)  # the trail, whole, of the last save
    assert reported > 0, "no save finished between the kills: the test would prove nothing"
    save(load(path), path)  # the next save clears what killed writers left
    assert [p.name for p in tmp_path.iterdir()] == ["p.mdproj"]


def test_a_hot_journal_from_an_older_in_place_save_is_rolled_back(tmp_path):
    """A project an older MissionDesk was saving in place when it was killed: the journal beside it holds the
    last complete save, and opening the project restores it (read-only opening could not: 3 of 3 kills)."""
    path = tmp_path / "p.mdproj"
    save(a_project(), path)
    pid = os.fork()
    if pid == 0:
        try:
            db = sqlite3.connect(path, isolation_level=None)
            db.execute("PRAGMA journal_mode=DELETE")
            db.execute("PRAGMA cache_size=1")  # changed pages go to the file before the commit
            db.execute("BEGIN IMMEDIATE")
            db.execute("DELETE FROM documents")
            db.execute("DELETE FROM facts")
            db.execute("INSERT INTO documents VALUES ('x', 0, 'x', 'x', NULL, NULL, NULL, 'half a save', 'txt')")
            os.kill(os.getpid(), signal.SIGKILL)
        finally:
            os._exit(1)
    os.waitpid(pid, 0)
    assert (tmp_path / "p.mdproj-journal").exists()
    data = load(path)
    assert len(data.documents) == 300 and len(data.facts) == 300
    assert not (tmp_path / "p.mdproj-journal").exists()
