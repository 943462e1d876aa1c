"""`missiondesk batch` on a 2-worker LocalCluster: the Parquet facts are `missiondesk extract`'s, fact for fact;
a second run adds nothing; a grown folder has only its new files extracted; a file that cannot be read or
extracted is a row in the errors table, not a failed job."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from missiondesk.batch import factset
from missiondesk.batch.cluster import connect, run_batch
from tests.benchmarks.corpus import generate
from tests.conftest import SEEDS

GENERATED = 320  # 300 in the first run, 20 more when the folder grows


def cli(*args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "missiondesk", *args], capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    return result


def extract_json(*paths: Path, out: Path) -> dict:
    cli("extract", *map(str, paths), "-o", str(out))
    return json.loads(out.read_text(encoding="utf-8"))


def _as_text(record: dict, fields: list[str]) -> str:
    return json.dumps([record[k] for k in fields])


def files_of(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*.parquet")}


def assert_same_facts(root: Path, expected: dict) -> None:
    """Every table's rows against the contract JSON's records, field by field, then the whole contract JSON
    made from the fact set against `extract`'s (the corpus-wide fields: mission names, actor registry)."""
    documents = factset.current_documents(root).to_pylist()
    assert [{k: d[k] for k in expected["documents"][0]} for d in documents] == expected["documents"]
    corpus_wide = {"actor", "actor_id", "actor_aliases"}  # the actor registry of the whole corpus names these
    for name in ("troop_counts", "statements"):
        # (a statement's id is not always unique: two claims of one sentence by one actor share it)
        fields = [k for k in expected[name][0] if k not in corpus_wide]
        assert sorted(_as_text(r, fields) for r in factset.table(root, name).to_pylist()) == sorted(
            _as_text(f, fields) for f in expected[name])
    mentions = sorted((r["mission"], r["document"], r["start"], r["end"], r["text"])
                      for r in factset.table(root, "mission_mentions").to_pylist())
    assert mentions == sorted((m["id"], x["document"], x["start"], x["end"], x["text"])
                              for m in expected["missions"] for x in m["mentions"])
    assert extract_json(root, out=root.parent / f"{root.name}.json") == expected


@pytest.fixture(scope="module")
def client():
    with connect(workers=2) as client:
        yield client


@pytest.fixture(scope="module")
def seed_set(tmp_path_factory) -> tuple[Path, Path, dict]:
    """The seeds, an empty file and an article too long to analyse, through the command line."""
    folder = tmp_path_factory.mktemp("seeds") / "articles"
    shutil.copytree(SEEDS, folder)
    (folder / "empty.txt").write_bytes(b"")
    sentence = "NATO said some 10,000 troops will stay in the country for another year while talks go on. "
    (folder / "huge.txt").write_text("A very long report\n\n" + "\n\n".join([sentence * 12] * 1000))
    out = folder.parent / "facts"
    result = cli("batch", str(folder), "--out", str(out), "--workers", "2")
    assert "extracted 6 article(s)" in result.stdout  # the empty file is no article
    return folder, out, extract_json(folder, out=folder.parent / "extract.json")


def test_seed_facts_equal_extract(seed_set):
    _, out, expected = seed_set
    assert len(expected["documents"]) == 6 and len(expected["troop_counts"]) >= 10
    assert_same_facts(out, expected)


def test_failures_are_rows_of_the_errors_table(seed_set):
    _, out, expected = seed_set
    errors = {Path(e["path"]).name: e for e in factset.table(out, "errors").to_pylist()}
    assert set(errors) == {"empty.txt", "huge.txt"}
    assert errors["empty.txt"]["error"] == "the file is empty (0 bytes)" and errors["empty.txt"]["document"] is None
    assert "1,000,000" in errors["huge.txt"]["error"] and errors["huge.txt"]["document"]
    assert sorted(e["path"] for e in expected["errors"]) == sorted(e["path"] for e in errors.values())


def test_second_run_adds_nothing(client, seed_set):
    folder, out, _ = seed_set
    before = files_of(out)
    summary = run_batch(client, [folder], out, progress=False)
    assert (summary.extracted, summary.errors, summary.skipped) == (0, 0, 6)
    assert files_of(out) == before


def test_generated_archive_and_a_grown_folder(client, tmp_path):
    generated = generate(tmp_path / "generated", GENERATED)
    folder = tmp_path / "archive"
    folder.mkdir()
    for path in generated[:300]:
        shutil.copy(path, folder)
    shutil.copy(generated[0], folder / "copy-of-a00000.txt")  # the same article twice is extracted once
    out = tmp_path / "facts"
    first = run_batch(client, [folder], out, progress=False)
    assert (first.extracted, first.skipped, first.errors) == (300, 1, 0)
    assert len(factset.table(out, "documents")) == 300

    for path in generated[300:]:
        shutil.copy(path, folder)
    grown = run_batch(client, [folder], out, progress=False)
    assert (grown.extracted, grown.skipped) == (20, 301)
    runs = factset.table(out, "documents", ["path", "run"]).to_pylist()
    assert sorted(Path(r["path"]).name for r in runs if r["run"] == max(x["run"] for x in runs)) == [
        p.name for p in generated[300:]]
    assert first.worker_memory and first.bytes > 0

    assert_same_facts(out, extract_json(folder, out=tmp_path / "extract.json"))


def test_a_partition_that_fails_is_rows_to_retry_not_a_failed_job(client, tmp_path):
    out = tmp_path / "facts"
    run_batch(client, [], out, progress=False)  # makes the fact set
    (out / "troop_counts").write_text("a file where the table's folder goes: every partition fails to write")
    failed = run_batch(client, [SEEDS], out, progress=False)
    assert (failed.extracted, failed.errors) == (0, 5)
    rows = factset.table(out, "errors").to_pylist()
    assert len(rows) == 5 and all(r["retry"] and "run the batch again" in r["error"] for r in rows)
    (out / "troop_counts").unlink()
    again = run_batch(client, [SEEDS], out, progress=False)
    assert (again.extracted, again.skipped) == (5, 0)
    assert factset.unreadable(out) == []  # the errors of the lost run no longer stand
