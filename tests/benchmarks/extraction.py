"""Load and extraction time on the seed corpus, after the language model has loaded, and how fast each of
spaCy's statistical components runs (a spaCy build whose parser takes the interpreter lock in its inner loop
shows here as a parser at half speed; README, Performance)."""

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
            "seed_words": words, "words_per_s": words / min(timings), **_components(corpus.documents * 40)}


def _components(documents) -> dict[str, float]:
    """Words per second of tok2vec, the tagger and the parser alone, each at the batch size extraction uses."""
    from missiondesk.extract.model import load_model
    from missiondesk.extract.pipeline import BATCH_SIZE, COMPONENT_BATCHES

    nlp = load_model()
    words = sum(d.word_count for d in documents)
    docs = [nlp.make_doc(d.body) for d in documents]
    figures = {}
    for name in ("tok2vec", "tagger", "paragraph_breaks", "parser"):
        component = nlp.get_pipe(name)
        started = time.perf_counter()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, **COMPONENT_BATCHES.get(name, {"batch_size": BATCH_SIZE})))
        else:
            docs = [component(doc) for doc in docs]
        if name != "paragraph_breaks":
            figures[f"{name}_words_per_s"] = words / (time.perf_counter() - started)
    return figures


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:20s} {value:,.3f}")
