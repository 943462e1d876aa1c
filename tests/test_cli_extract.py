"""End to end: the command line on the seed corpus, scored against the hand-made answers."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import GOLD, SEEDS

SCORER = Path(__file__).parent / "gold" / "score.py"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "missiondesk", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def seed_extraction(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("extract") / "seeds.json"
    result = run_cli("extract", str(SEEDS), "-o", str(out))
    assert result.returncode == 0, result.stderr
    return out, json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores(seed_extraction) -> dict[str, float]:
    out, _ = seed_extraction
    result = subprocess.run([sys.executable, str(SCORER), str(out), str(GOLD)], capture_output=True, text=True)
    return {m.group(1): float(m.group(2)) for m in re.finditer(r"^(\w+)\s+([\d.]+)$", result.stdout, re.M)}


def test_contract_shape(seed_extraction):
    _, data = seed_extraction
    assert data["version"] == 1
    assert set(data) >= {"documents", "missions", "troop_counts", "statements", "errors"}
    assert len(data["documents"]) == 5 and data["errors"] == []
    for doc in data["documents"]:
        assert set(doc) >= {"id", "path", "title", "outlet", "author", "published", "body"}
        assert doc["body"] and doc["title"]
    assert len({d["id"] for d in data["documents"]}) == 5


@pytest.mark.parametrize("figure", ["boilerplate_removed", "quotes_kept_in_body", "date_accuracy"])
def test_corpus_figures_on_the_seeds(scores, figure):
    assert scores[figure] == 1.0


def test_stdout_and_errors(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = run_cli("extract", str(SEEDS / "002_0456c59c1de563e2.txt"), str(bad))
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert len(data["documents"]) == 1
    assert data["errors"] == [{"path": str(bad), "error": "the file is empty (0 bytes)"}]
    assert "empty.txt" in result.stderr


def test_misuse_exits_2():
    assert run_cli("extract").returncode == 2
    assert run_cli("no-such-command").returncode == 2


def test_unwritable_output_is_reported(tmp_path):
    result = run_cli("extract", str(SEEDS), "-o", str(tmp_path / "missing-dir" / "out.json"))
    assert result.returncode == 1 and "cannot write" in result.stderr


@pytest.mark.parametrize("figure", ["troop_full_f1", "mission_f1"])
def test_extraction_figures_on_the_seeds(scores, figure):
    assert scores[figure] == 1.0


def test_statement_figures_on_the_seeds(scores):
    # The seed gold lists every attributed statement, so each one found, with its speaker, and nothing else.
    assert scores["statement_recall"] == 1.0 and scores["speaker_accuracy"] == 1.0
    assert scores["attributed_f1"] == 1.0
