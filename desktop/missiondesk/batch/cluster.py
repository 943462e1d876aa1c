"""`missiondesk batch`: the client side. Lists the files, has the workers hash them, leaves out what the fact
set holds already, and hands the rest to the workers in partitions; each worker (its model loaded once) reads,
extracts and writes its partition's Parquet files. On a LocalCluster when no scheduler is given."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from missiondesk.batch import factset, tables
from missiondesk.corpus.files import expand, shown
from missiondesk.extract.pipeline import EXTRACTOR_VERSION, worker_count

MAX_PARTITION = 500  # articles a task takes at most: fewer, larger Parquet files for a large archive
PARTITIONS_PER_WORKER = 8  # a small run is cut finer, so that the workers finish together
HASH_PARTITION = 1000  # files a hashing task takes


@dataclass
class BatchSummary:
    """What a run did, with the figures the cost model is made of."""

    extracted: int = 0  # articles read and extracted in this run
    words: int = 0
    skipped: int = 0  # files whose content the fact set holds already, or that repeat another file's
    errors: int = 0  # error rows this run wrote
    seconds: float = 0.0  # from the first hash to the last file written (not the cluster's start)
    workers: int = 0
    bytes: int = 0  # Parquet bytes this run wrote
    task_seconds: float = 0.0  # the workers' time in extraction tasks, added up (reading, parsing, writing)
    cpu_seconds: float = 0.0  # the processor time of those tasks' worker processes
    worker_memory: list[int] = field(default_factory=list)  # resident bytes of each worker at the end

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def words_per_core_s(self) -> float:
        """Words a worker (a core) extracts a second, whatever the run's start and end cost."""
        return self.words / self.task_seconds if self.task_seconds else 0.0

    @property
    def words_per_cpu_s(self) -> float:
        """Words a second of processor time extracts: what a core does when nothing else runs on it."""
        return self.words / self.cpu_seconds if self.cpu_seconds else 0.0

    def lines(self) -> list[str]:
        out = [f"extracted {self.extracted:,} article(s), {self.words:,} words, in {self.seconds:.1f} s "
               f"on {self.workers} worker(s): {self.words_per_s:,.0f} words/s "
               f"({self.words_per_core_s:,.0f} a second of a worker's time, {self.words_per_cpu_s:,.0f} a second of "
               "processor time)",
               f"skipped {self.skipped:,} file(s) already in the fact set (or repeating another file)"]
        if self.errors:
            out.append(f"{self.errors:,} file(s) could not be read or extracted: see the errors table")
        if self.extracted:
            out.append(f"wrote {self.bytes / 2**20:,.1f} MiB of Parquet ({self.bytes / self.extracted:,.0f} bytes "
                       "per article)")
        if self.worker_memory:
            out.append(f"worker memory: {max(self.worker_memory) / 2**20:,.0f} MiB at most")
        return out


def partition_size(articles: int, workers: int) -> int:
    return max(1, min(MAX_PARTITION, -(-articles // (max(1, workers) * PARTITIONS_PER_WORKER))))


@contextmanager
def connect(scheduler: str | None = None, workers: int | None = None, dashboard: str | None = None):
    """A Dask client on `scheduler`, or on a LocalCluster of `workers` single-threaded worker processes on this
    machine (listening on localhost only; the dashboard only when `dashboard` gives its address)."""
    import dask
    from distributed import Client, LocalCluster

    from missiondesk.batch.partition import LanguageModel

    if scheduler:
        client = Client(scheduler, timeout="30s")
        cluster = None
    else:
        # spaCy holds the interpreter lock: a process per worker, a thread each, one BLAS thread each
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        with dask.config.set({"distributed.nanny.pre-spawn-environ": worker_environment()}):
            cluster = LocalCluster(n_workers=workers or worker_count(), threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=dashboard, silence_logs=logging.ERROR,
                                   # without a dashboard, its small web server (health checks) takes any free
                                   # port on localhost, not 8787 that a dashboard may want
                                   scheduler_kwargs={"dashboard": bool(dashboard),
                                                     "dashboard_address": dashboard or "127.0.0.1:0"})
        client = Client(cluster)
    try:
        if dashboard or scheduler:
            print(f"missiondesk: Dask dashboard: {client.dashboard_link}", file=sys.stderr)
        client.register_plugin(LanguageModel())  # each worker loads the model now, and any that joins later
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def worker_environment() -> dict:
    """Dask's environment for worker processes, less its MALLOC_TRIM_THRESHOLD_: setting it turns off glibc's
    adaptive mmap threshold, so each of spaCy's larger arrays is mapped and unmapped anew, and a worker spent
    about a fifth more processor time on the same articles (README, Archives beyond one machine)."""
    import dask

    environment = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
    environment.pop("MALLOC_TRIM_THRESHOLD_", None)
    return environment


def run_batch(client, paths: Sequence[str | os.PathLike], out: str | os.PathLike, progress: bool = True
              ) -> BatchSummary:
    """Extract every article under `paths` that the fact set at `out` does not hold yet, on `client`'s workers."""
    from distributed import progress as progress_bar
    from distributed import wait

    from missiondesk.batch.partition import content_ids, extract_partition, worker_memory

    root = Path(out).absolute()
    tables.create_fact_set(root)
    run, date = tables.new_run()
    summary = BatchSummary(workers=len(client.nthreads()))
    started = time.perf_counter()
    files, bad = expand(paths)
    folders = [str(Path(p)) for p in paths if Path(p).is_dir()]
    absolute = [str(f.absolute()) for f in files]
    hashed = client.map(content_ids, [absolute[i:i + HASH_PARTITION]
                                      for i in range(0, len(absolute), HASH_PARTITION)], pure=False)
    ids = [found for part in client.gather(hashed) for found in part]
    done, unreadable = factset.done(root)
    errors = [tables.error_row(e.path, None, e.error, EXTRACTOR_VERSION, run) for e in bad]
    todo: list[tuple[str, str]] = []
    seen: set[str] = set()
    for path, full, (content, why) in zip(files, absolute, ids):
        if content is None:
            errors.append(tables.error_row(shown(path), None, why, EXTRACTOR_VERSION, run))
        elif content in done or content in seen:
            summary.skipped += 1
        else:
            seen.add(content)
            todo.append((full, str(path)))
    errors = [e for e in errors if (e["path"], e["error"]) not in unreadable]
    size = partition_size(len(todo), summary.workers)
    parts = [todo[i:i + size] for i in range(0, len(todo), size)]
    futures = [client.submit(extract_partition, part, folders, str(root), run, date, f"{run}-{n:05d}",
                             key=f"missiondesk-extract-{run}-{n:05d}", pure=False) for n, part in enumerate(parts)]
    if futures and progress:
        progress_bar(futures)
    wait(futures)
    for part, future in zip(parts, futures):
        if future.status == "finished":
            result = future.result()
            summary.extracted += result["documents"]
            summary.words += result["words"]
            summary.errors += result["errors"]
            summary.bytes += result["bytes"]
            summary.task_seconds += result["seconds"]
            summary.cpu_seconds += result["cpu_seconds"]
        else:  # the partition was lost (its workers died, or its files could not be written): tried next run
            exc = future.exception()
            why = f"the partition it was in failed ({type(exc).__name__}: {exc}); run the batch again"
            errors.extend(tables.error_row(shown(given), None, why, EXTRACTOR_VERSION, run, retry=True)
                          for _, given in part)
    summary.errors += len(errors)
    summary.bytes += tables.write_rows(root, "errors", date, f"{run}-client", errors)
    summary.seconds = time.perf_counter() - started
    summary.worker_memory = sorted(client.run(worker_memory).values())
    return summary
