"""The seed corpus's fact sheet: time to write the PDF once extraction is done (target: under a second)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from tests.conftest import SEEDS


def run(repeats: int = 3) -> dict[str, float]:
    from pypdf import PdfReader

    from missiondesk.corpus import load_corpus
    from missiondesk.extract import extract_documents
    from missiondesk.facts import FactFrames
    from missiondesk.report.factsheet import write_factsheet

    corpus = load_corpus([SEEDS])
    frames = FactFrames.build(corpus.documents, extract_documents(corpus.documents))
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "seeds.pdf"
        started = time.perf_counter()
        write_factsheet(target, frames)  # the first sheet also loads the fonts
        first = time.perf_counter() - started
        timings = []
        for _ in range(repeats):
            started = time.perf_counter()
            write_factsheet(target, frames)
            timings.append(time.perf_counter() - started)
        pages = len(PdfReader(str(target)).pages)
        size = target.stat().st_size
    return {"first_sheet_s": first, "corpus_sheet_s": min(timings), "pages": pages, "kilobytes": size / 1024}


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:18s} {value:,.3f}")
