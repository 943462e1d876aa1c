"""Damaged project files give a clear error and never a crash; a file from a newer MissionDesk says so; two
windows saving one project: the second is told and nothing is lost; a full disk during a save leaves the old
file whole."""

import dataclasses
import os
import random
import resource
import signal
import sqlite3

import pytest

from missiondesk.store import ProjectConflict, ProjectError, load, save, save_as
from missiondesk.store.workspace import Workspace
from tests.reliability.projects import a_project, add_round, rounds_in


@pytest.fixture
def saved(tmp_path):
    path = tmp_path / "p.mdproj"
    data = a_project(60)
    add_round(data, 1)
    save(data, path)
    return path


def _opens_or_says_why(path) -> None:
    try:
        load(path)
    except ProjectError as exc:
        assert path.name in str(exc) and ("damaged" in str(exc) or "not a MissionDesk" in str(exc)), exc


def test_a_truncated_project_gives_a_clear_error(saved):
    whole = saved.read_bytes()
    for size in (0, 50, 100, 512, 4096, len(whole) // 2, len(whole) - 4096, len(whole) - 1):
        saved.write_bytes(whole[:size])
        _opens_or_says_why(saved)
    saved.write_bytes(whole[:len(whole) // 2])
    with pytest.raises(ProjectError, match="damaged|not a MissionDesk"):
        load(saved)


def test_flipped_bits_give_a_clear_error_or_the_project(saved):
    whole = saved.read_bytes()
    rng = random.Random(7)
    for _ in range(200):
        damaged = bytearray(whole)
        for _ in range(rng.choice([1, 1, 4, 32])):
            damaged[rng.randrange(len(damaged))] ^= 1 << rng.randrange(8)
        saved.write_bytes(bytes(damaged))
        _opens_or_says_why(saved)  # any other exception fails the test


def test_a_damaged_record_is_named_as_damage(saved):
    with sqlite3.connect(saved) as db:
        db.execute("UPDATE facts SET payload = '{\"troop_counts\": [{\"value\": ' WHERE document = 'doc3'")
    with pytest.raises(ProjectError, match="p.mdproj: is damaged.*backup"):
        load(saved)


def test_a_project_from_a_newer_format(saved):
    with sqlite3.connect(saved) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'format'")
    with pytest.raises(ProjectError, match=r"p.mdproj: .*newer MissionDesk \(format 99.*update MissionDesk"):
        load(saved)


def test_two_windows_saving_one_project(saved, tmp_path):
    first, second = Workspace.open(saved), Workspace.open(saved)
    add_round(first.data, 2)
    first.save()
    add_round(second.data, 3)
    with pytest.raises(ProjectConflict, match="another window.*nothing was written.*Save As"):
        second.save()
    assert rounds_in(load(saved)) == {1, 2}  # the first window's work is there
    second.save(tmp_path / "mine.mdproj")  # the second keeps its work in another file
    assert rounds_in(load(tmp_path / "mine.mdproj")) == {1, 3}
    add_round(first.data, 4)
    first.save()  # the first window goes on saving
    assert rounds_in(load(saved)) == {1, 2, 4}


def test_work_recovered_from_an_autosave_is_checked_against_its_project(saved, tmp_path):
    work = Workspace.open(saved)
    add_round(work.data, 2)
    save_as(work.data, tmp_path / "p.mdproj.autosave")
    recovered = Workspace.open(tmp_path / "p.mdproj.autosave")
    recovered.path = saved
    recovered.save()  # nobody saved the project since: fine
    assert rounds_in(load(saved)) == {1, 2}
    other = Workspace.open(saved)
    add_round(other.data, 3)
    other.save()
    save_as(recovered.data, tmp_path / "p.mdproj.autosave")
    again = Workspace.open(tmp_path / "p.mdproj.autosave")
    again.path = saved
    with pytest.raises(ProjectConflict):
        again.save()


def test_a_full_disk_during_a_save_leaves_the_old_file(saved, tmp_path):
    before = saved.read_bytes()
    data = load(saved)
    add_round(data, 2)
    data.documents[0] = dataclasses.replace(data.documents[0], body="x" * 2_000_000)  # the new save is larger
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the writer, in a process where a file may grow no larger than the old project
        try:
            os.close(read_fd)
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
            resource.setrlimit(resource.RLIMIT_FSIZE, (len(before) + 8192, len(before) + 8192))
            try:
                save(data, saved)
                os.write(write_fd, b"saved")
            except ProjectError as exc:
                os.write(write_fd, str(exc).encode())
        finally:
            os._exit(0)
    os.close(write_fd)
    os.waitpid(pid, 0)
    message = os.read(read_fd, 65536).decode()
    os.close(read_fd)
    assert "p.mdproj" in message and "could not be saved" in message and "was not changed" in message, message
    assert saved.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.mdproj"]
    assert rounds_in(load(saved)) == {1}


def test_a_save_keeps_the_file_mode_and_a_new_file_gets_the_usual_one(tmp_path):
    umask = os.umask(0o022)
    os.umask(umask)
    path = tmp_path / "new.mdproj"
    save(a_project(3), path)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
    path.chmod(0o640)
    save(load(path), path)
    assert path.stat().st_mode & 0o777 == 0o640
