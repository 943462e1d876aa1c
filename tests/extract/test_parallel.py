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
