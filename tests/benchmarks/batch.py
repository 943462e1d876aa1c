"""`missiondesk batch` (Dask, a LocalCluster) beside the built-in process pool, on the same generated articles
(1,000 by default; BENCH_BATCH_ARTICLES to change), each with as many workers as the pool uses here. Both are
timed with their workers up and the model loaded (the pool's server warmed, the cluster started); the
cluster's start is shown apart. Also the figures of the cost model in the README: memory per worker and
Parquet bytes per article."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

ROUNDS = 2


def run(articles: int | None = None) -> dict[str, float]:
    from missiondesk.batch.cluster import connect, run_batch
    from missiondesk.extract.pipeline import worker_count
    from missiondesk.store.workspace import Workspace
    from tests.benchmarks.corpus import generate
    from tests.benchmarks.scale import _warm_workers

    articles = articles or int(os.environ.get("BENCH_BATCH_ARTICLES", "1000"))
    workers = worker_count()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        generate(folder, articles)
        _warm_workers()
        pool, batch = [], []
        started = time.perf_counter()
        with connect(workers=workers) as client:
            start_s = time.perf_counter() - started
            # alternately, best of each: the two cores here are shared, and a busy minute should not decide
            for round_ in range(ROUNDS):
                started = time.perf_counter()
                corpus, _ = Workspace().read_and_extract([folder])
                pool.append(time.perf_counter() - started)
                batch.append(run_batch(client, [folder], Path(tmp) / f"facts{round_}", progress=False))
            again = run_batch(client, [folder], Path(tmp) / "facts0", progress=False)
    words = sum(d.word_count for d in corpus.documents)
    pool_rate = words / min(pool)
    best = max(batch, key=lambda s: s.words_per_s)
    return {"articles": articles, "words": words, "workers": workers,
            "pool_words_per_s": pool_rate, "batch_words_per_s": best.words_per_s,
            "batch_vs_pool": best.words_per_s / pool_rate,
            "batch_words_per_core_s": best.words_per_core_s,
            "batch_words_per_cpu_s": best.words_per_cpu_s,
            "cluster_start_s": start_s, "batch_s": best.seconds, "pool_s": min(pool),
            "rerun_nothing_new_s": again.seconds,
            "worker_memory_mb": max(best.worker_memory) / 2**20,
            "parquet_bytes_per_article": best.bytes / max(1, best.extracted)}


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:28s} {value:,.3f}")
