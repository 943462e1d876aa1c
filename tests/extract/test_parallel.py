"""The fast path (worker processes) gives exactly the facts of the unhurried one."""

from missiondesk.corpus import load_corpus
from missiondesk.extract import pipeline
from tests.conftest import SEEDS


def test_worker_processes_give_the_same_facts_as_one_process(monkeypatch):
    documents = load_corpus([SEEDS]).documents
    serial = pipeline.extract_each(documents, workers=1)
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_DOCUMENTS", 1)
    monkeypatch.setattr(pipeline, "CHUNK", 2)
    parallel = pipeline.extract_each(documents, workers=2)
    assert [f.to_json() for f in parallel] == [f.to_json() for f in serial]
    assert sum(len(f.troop_counts) for f in serial) >= 9


def test_cancel_stops_the_workers_and_keeps_what_is_done(monkeypatch):
    documents = load_corpus([SEEDS]).documents * 4
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_DOCUMENTS", 1)
    monkeypatch.setattr(pipeline, "CHUNK", 2)
    done = pipeline.extract_each(documents, workers=2, cancelled=lambda: True)
    assert 0 < len(done) < len(documents)


def test_a_missing_model_is_reported_with_its_remedy_not_as_a_dead_worker(monkeypatch):
    import pytest

    from missiondesk.extract import model

    documents = load_corpus([SEEDS]).documents
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_DOCUMENTS", 1)
    monkeypatch.setattr(model, "MODEL_PACKAGES", ("no_such_model_package",))
    with pytest.raises(model.ModelMissing, match="make run"):
        pipeline.extract_each(documents, workers=2)


def test_a_worker_that_dies_loses_its_own_articles_only(monkeypatch):
    import concurrent.futures
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    class Pool:  # runs chunks in this process; the second chunk's worker "dies"
        def __init__(self, **kwargs):
            self.chunks = 0

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def submit(self, fn, chunk):
            self.chunks += 1
            future = Future()
            if self.chunks == 2:
                future.set_exception(BrokenProcessPool("a worker died"))
            else:
                future.set_result(fn(chunk))
            return future

        def shutdown(self, **kwargs):
            pass

    documents = load_corpus([SEEDS]).documents
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Pool)
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_DOCUMENTS", 1)
    monkeypatch.setattr(pipeline, "CHUNK", 2)
    monkeypatch.setattr(pipeline, "TASKS_PER_WORKER", 1)  # chunks of two, however few the documents
    facts = pipeline.extract_each(documents, workers=2)
    assert [f.document for f in facts] == [d.id for d in documents]
    assert [bool(f.error) for f in facts] == [False, False, True, True, False]
    assert "BrokenProcessPool" in facts[2].error and facts[2].version == ""
    assert all(f.troop_counts for f in facts if not f.error)


def test_a_small_load_is_cut_so_that_each_worker_gets_several_tasks():
    assert pipeline.chunk_size(10_000, 2) == pipeline.CHUNK
    for expected in (24, 100, 130, 255):
        size = pipeline.chunk_size(expected, 2)
        tasks = -(-expected // size)
        assert size <= pipeline.CHUNK and tasks >= 2 * pipeline.TASKS_PER_WORKER - 1, expected
    assert pipeline.chunk_size(1, 4) == 1


def test_each_worker_starts_on_a_small_task_and_the_last_tasks_shrink():
    from itertools import islice

    for expected, workers in ((1000, 2), (181, 2), (100, 4), (24, 2)):
        size = pipeline.chunk_size(expected, workers)
        sizes = []
        for step in pipeline.chunk_sizes(expected, workers):
            if sum(sizes) >= expected:
                break
            sizes.append(step)
        assert sizes[:workers] == [min(pipeline.SMALL_CHUNK, size)] * workers, expected
        assert max(sizes) == size and all(s >= min(pipeline.SMALL_CHUNK, size) for s in sizes), expected
        tail = sizes[sizes.index(size):]
        assert tail == sorted(tail, reverse=True), expected  # never a larger task after a smaller one
        assert tail[-1] <= pipeline.SMALL_CHUNK, expected
    assert list(islice(pipeline.chunk_sizes(1000, 2), 40))[-1] == pipeline.SMALL_CHUNK  # more than expected: small
