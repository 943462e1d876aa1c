"""Hostile inputs through the command line, each within generous bounds (60 s, 1 GB): pipes, devices, link
loops, Word zip bombs and entity tricks, PDF bombs, pages of millions of tags or 100,000 nested elements, files of
millions of lines, numbers of hundreds of digits. Each file is loaded or named under `errors` with a reason; the
JSON is valid, the exit status 0, and no traceback is printed."""

import json
import re

import pytest

from tests.reliability import hostile
from tests.reliability.bounded import PEAK_MB, SECONDS, run_cli


def _check_extraction(run, folder, names):
    assert not run.hung, f"still running after {SECONDS} s"
    assert run.peak_mb < PEAK_MB, f"peak memory {run.peak_mb:.0f} MB"
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr[-2000:]
    data = json.loads(run.stdout.decode("utf-8"))
    loaded = {d["path"] for d in data["documents"]}
    errors = {e["path"]: e["error"] for e in data["errors"]}
    for name in names:
        path, expected = str(folder / name), hostile.EXPECTED[name]
        if path in loaded and "loaded" in expected.split("|"):
            continue
        assert path in errors, f"{name}: neither loaded nor reported"
        assert re.search(expected, errors[path]), f"{name}: {errors[path]}"
        assert not re.search(r"unexpected|Traceback", errors[path]), f"{name}: {errors[path]}"
    return data


def test_the_hostile_corpus_in_one_run(tmp_path):
    """All the cases in one folder, one process: the bounds hold for all of them together."""
    hostile.build(tmp_path)
    run = run_cli("extract", str(tmp_path))
    data = _check_extraction(run, tmp_path, list(hostile.EXPECTED))
    assert all(c["value"] <= 10_000_000 for c in data["troop_counts"])


@pytest.mark.soak
@pytest.mark.parametrize("name", sorted(hostile.EXPECTED))
def test_each_hostile_case_through_every_command(tmp_path, name):
    folder = tmp_path / "in"
    folder.mkdir()
    hostile.build(folder, [name])
    _check_extraction(run_cli("extract", str(folder)), folder, [name])
    for args in (["compare", str(folder), "-o", str(tmp_path / "c.xlsx")],
                 ["factsheet", str(folder), "-o", str(tmp_path / "s.pdf")]):
        run = run_cli(*args)
        assert not run.hung and run.peak_mb < PEAK_MB, (args, run.seconds, run.peak_mb)
        # a fact sheet of a corpus where nothing could be read is refused (status 1), never a crash
        assert run.returncode in (0, 1) and "Traceback" not in run.stderr, run.stderr[-2000:]
