"""Load and extraction time on the seed corpus, after the language model has loaded."""

from __future__ import annotations

import time

from tests.conftest import SEEDS


def run() -> dict[str, float]:
    from missiondesk.corpus import load_corpus
    from missiondesk.extract import extract_documents
    from missiondesk.extract.gazetteer import gazetteer_for
    from missiondesk.extract.model import load_model

    started = time.perf_counter()
    gazetteer_for(load_model())
    model_s = time.perf_counter() - started
    started = time.perf_counter()
    corpus = load_corpus([SEEDS])
    load_s = time.perf_counter() - started
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        extract_documents(corpus.documents)
        timings.append(time.perf_counter() - started)
    words = sum(d.word_count for d in corpus.documents)
    return {"model_load_s": model_s, "seed_load_s": load_s, "seed_extract_s": min(timings),
            "seed_words": words, "words_per_s": words / min(timings)}


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:18s} {value:,.3f}")
