"""Load, extraction, project reopening, fact sheet and memory for corpora of 100, 1,000 and 10,000 articles.
Each size runs in its own process so peak memory is its own. `BENCH_SIZES=100,1000 make bench` to choose."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def measure(size: int) -> dict:
    from missiondesk.extract.gazetteer import gazetteer_for
    from missiondesk.extract.model import load_model
    from missiondesk.facts import compare_counts, compare_statements
    from missiondesk.store.workspace import Workspace
    from tests.benchmarks.corpus import generate

    gazetteer_for(load_model())
    _warm_workers()  # as in the window, which starts the worker server once it is shown
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        generate(folder, size)
        workspace = Workspace()
        started = time.perf_counter()
        corpus, facts = workspace.read_and_extract([folder])  # the worker processes extract while files are read
        extracted = time.perf_counter()
        workspace.add(corpus, facts)
        words = sum(d.word_count for d in corpus.documents)
        project = Path(tmp) / "bench.mdproj"
        workspace.save(project)
        saved = time.perf_counter()
        reopened = Workspace.open(project)
        frames = reopened.frames()
        compare_counts(frames)
        compare_statements(frames)
        reopen_s = time.perf_counter() - saved
        factsheet_s = None
        try:
            from missiondesk.report.factsheet import write_factsheet

            t = time.perf_counter()
            write_factsheet(Path(tmp) / "sheet.pdf", frames)
            factsheet_s = time.perf_counter() - t
        except ImportError:
            pass
        peak_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                   + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
        return {"articles": len(corpus.documents), "words": words, "load_and_extract_s": extracted - started,
                "words_per_s": words / (extracted - started),
                "counts": len(frames.counts), "statements": len(frames.statements),
                "project_mb": project.stat().st_size / 2**20, "reopen_s": reopen_s, "factsheet_s": factsheet_s,
                "peak_mb": peak_mb}


def _warm_workers() -> None:
    """Start the worker server and wait until it has the model (a small parallel run on the seeds)."""
    from missiondesk.corpus import load_corpus
    from missiondesk.extract import pipeline
    from tests.conftest import SEEDS

    pipeline.start_workers()
    pipeline.extract_each(load_corpus([SEEDS]).documents * (pipeline.PARALLEL_MIN_DOCUMENTS // 5 + 1))


def run(sizes: list[int] | None = None) -> list[dict]:
    sizes = sizes or [int(s) for s in os.environ.get("BENCH_SIZES", "100,1000,10000").split(",")]
    results = []
    for size in sizes:
        output = subprocess.run([sys.executable, "-m", "tests.benchmarks.scale", str(size)], capture_output=True,
                                text=True, check=True).stdout
        results.append(json.loads(output.strip().splitlines()[-1]))
    return results


if __name__ == "__main__":
    if len(sys.argv) > 1:
        print(json.dumps(measure(int(sys.argv[1]))))
    else:
        for row in run():
            print(json.dumps(row))
