"""`missiondesk factsheet` end to end: the seed corpus in, a PDF out; misuse and failed writes told apart."""

import subprocess
import sys

from tests.conftest import SEEDS
from tests.report.helpers import read_sheet


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "missiondesk", "factsheet", *args], capture_output=True,
                          text=True, timeout=300)


def test_corpus_sheet_from_the_command_line(tmp_path):
    out = tmp_path / "seeds.pdf"
    result = run_cli(str(SEEDS), "-o", str(out), "--marking", "NATO UNCLASSIFIED - EXERCISE")
    assert result.returncode == 0, result.stderr
    sheet = read_sheet(out)
    assert "9,600" in sheet.text and "NATO UNCLASSIFIED - EXERCISE" in sheet.pages[0]
    assert "Sources" in sheet.outline_titles()


def test_unknown_mission_is_misuse_and_names_the_missions(tmp_path):
    result = run_cli(str(SEEDS), "-o", str(tmp_path / "x.pdf"), "--mission", "atlantis")
    assert result.returncode == 2
    assert result.stderr.startswith("missiondesk: ") and "resolute-support" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_a_missing_folder_fails_with_exit_1(tmp_path):
    result = run_cli(str(SEEDS), "-o", str(tmp_path / "missing" / "x.pdf"))
    assert result.returncode == 1
    assert "missiondesk: " in result.stderr and str(tmp_path / "missing") in result.stderr


def test_output_must_be_a_pdf(tmp_path):
    result = run_cli(str(SEEDS), "-o", str(tmp_path / "x.docx"))
    assert result.returncode == 2 and ".pdf" in result.stderr
