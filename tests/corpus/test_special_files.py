"""Only regular files are read: pipes, devices, sockets and broken or looping links are reported by name, and
file names of any bytes load. A hang here would block the whole load, so each case runs under an alarm."""

import os
import signal
import socket
from pathlib import Path

import pytest

from missiondesk.corpus import UnreadableFile, load_corpus
from missiondesk.corpus.readers import read_bytes

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX file kinds")


@pytest.fixture(autouse=True)
def no_hang():
    """Turn a blocked read into a failure instead of a test run that never ends (a generous bound)."""
    def hung(signum, frame):
        raise TimeoutError("the load blocked on a file")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def _only_error(corpus, path: Path, pattern: str) -> None:
    import re

    errors = {e.path: e.error for e in corpus.errors}
    assert str(path) in errors, corpus.errors
    assert re.search(pattern, errors[str(path)]), errors[str(path)]


def test_a_named_pipe_in_a_folder_is_reported_not_waited_on(tmp_path, article_file):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    corpus = load_corpus([tmp_path])
    assert [d.path for d in corpus.documents] == [str(article_file)]
    _only_error(corpus, fifo, "named pipe")


def test_a_named_pipe_given_by_name_is_reported(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    corpus = load_corpus([fifo])
    assert corpus.documents == []
    _only_error(corpus, fifo, "named pipe.*ordinary files")


def test_reading_refuses_a_pipe_that_replaced_a_file_after_listing(tmp_path):
    fifo = tmp_path / "swapped.txt"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableFile, match="named pipe"):
        read_bytes(fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_an_endless_device_is_not_read(tmp_path, article_file):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    corpus = load_corpus([tmp_path])
    assert [d.path for d in corpus.documents] == [str(article_file)]
    _only_error(corpus, link, "a device")
    with pytest.raises(UnreadableFile, match="a device"):
        read_bytes(link)


def test_a_socket_is_reported(tmp_path):
    path = tmp_path / "s.txt"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        corpus = load_corpus([tmp_path])
    finally:
        server.close()
    _only_error(corpus, path, "socket")


def test_a_symlink_loop_and_a_dangling_link_are_reported(tmp_path, article_file):
    (tmp_path / "loop1.txt").symlink_to("loop2.txt")
    (tmp_path / "loop2.txt").symlink_to("loop1.txt")
    (tmp_path / "gone.txt").symlink_to("nowhere.txt")
    corpus = load_corpus([tmp_path])
    assert [d.path for d in corpus.documents] == [str(article_file)]
    _only_error(corpus, tmp_path / "loop1.txt", "symlink loop")
    _only_error(corpus, tmp_path / "loop2.txt", "symlink loop")
    _only_error(corpus, tmp_path / "gone.txt", "no such file|gone")


def test_a_link_to_a_folder_above_does_not_make_the_walk_endless(tmp_path, article_file):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    corpus = load_corpus([tmp_path])
    assert [d.path for d in corpus.documents] == [str(article_file)] and corpus.errors == []


def test_a_link_to_an_article_is_read_once(tmp_path, article_file):
    (tmp_path / "link.txt").symlink_to(article_file)
    corpus = load_corpus([tmp_path])
    assert len(corpus.documents) == 1 and corpus.errors == []


def test_names_with_a_newline_or_latin1_bytes_load_with_a_printable_path(tmp_path, article_file):
    folder = tmp_path / "odd"
    folder.mkdir()
    newline = folder / "two\nlines.txt"
    newline.write_text(article_file.read_text() + "\nMore.\n")
    latin1 = os.path.join(os.fsencode(folder), b"caf\xe9.txt")
    with open(latin1, "wb") as stream:
        stream.write(article_file.read_bytes() + b"\nOther.\n")
    corpus = load_corpus([folder])
    assert corpus.errors == []
    paths = sorted(d.path for d in corpus.documents)
    assert paths == sorted([str(newline), str(folder / "caf\\xe9.txt")])
    for path in paths:
        path.encode("utf-8")  # no lone surrogates: the path can be stored, printed and written as JSON
