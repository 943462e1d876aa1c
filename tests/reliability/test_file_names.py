"""File names the operating system allows never crash `missiondesk extract`: each file is loaded or listed under
`errors`, the JSON stays valid (UTF-8, whatever the terminal's encoding) and the exit status is 0."""

import json
import os

from tests.conftest import ARTICLE
from tests.reliability.bounded import run_cli


def test_odd_names_are_loaded_or_listed_and_the_json_is_valid(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "two\nlines.txt").write_text(ARTICLE.replace("Naqoura", "Naqoura, Łódź and Zürich — “東京”"),
                                           encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"r\xe9sum\xe9.txt"), "wb") as stream:  # Latin-1, not UTF-8
        stream.write(ARTICLE.replace("10,000", "11,000").encode("utf-8"))
    (folder / "loop1.txt").symlink_to("loop2.txt")
    (folder / "loop2.txt").symlink_to("loop1.txt")
    os.mkfifo(folder / "pipe.txt")
    # a terminal that cannot show most of it: the JSON is still whole UTF-8
    run = run_cli("extract", str(folder), env={"LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "latin-1",
                                               "PYTHONUTF8": "0"})
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout.decode("utf-8"))
    loaded = {d["path"]: d["body"] for d in data["documents"]}
    assert sorted(loaded) == sorted([str(folder / "two\nlines.txt"), str(folder / "r\\xe9sum\\xe9.txt")])
    assert "東京" in loaded[str(folder / "two\nlines.txt")]
    assert len(data["troop_counts"]) == 2
    errors = {e["path"]: e["error"] for e in data["errors"]}
    assert sorted(errors) == sorted(str(folder / n) for n in ("loop1.txt", "loop2.txt", "pipe.txt"))
    assert "symlink loop" in errors[str(folder / "loop1.txt")] and "named pipe" in errors[str(folder / "pipe.txt")]
