"""Reading and extracting at once (worker processes extract the first articles while the rest are read) gives
what reading, then extracting, gives; a file it cannot read is reported and the rest still load."""

import shutil

import pytest

from missiondesk.corpus import load_corpus
from missiondesk.extract import pipeline
from missiondesk.store.workspace import Workspace
from tests.conftest import SEEDS


@pytest.fixture
def folder(tmp_path):
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    return tmp_path


@pytest.fixture(params=[1, 2], ids=["one process", "worker processes"])
def workers(request, monkeypatch):
    monkeypatch.setattr(pipeline, "PARALLEL_MIN_DOCUMENTS", 1)
    monkeypatch.setattr(pipeline, "CHUNK", 2)
    monkeypatch.setattr(pipeline, "worker_count", lambda: request.param)
    return request.param


def test_the_same_documents_and_facts_as_reading_then_extracting(folder, workers):
    steps = []
    corpus, facts = Workspace().read_and_extract([folder], lambda done, total, label: steps.append((done, total)))
    expected = load_corpus([folder])
    assert [d.id for d in corpus.documents] == [d.id for d in expected.documents]
    assert [f.to_json() for f in facts] == [f.to_json() for f in pipeline.extract_each(expected.documents, workers=1)]
    assert [e.path for e in corpus.errors] == [str(folder / "broken.pdf")] and not corpus.cancelled
    assert steps[-1] == (12, 12)  # six files read, five extracted and one that could not be: all done
    assert [done for done, _ in steps] == sorted(done for done, _ in steps)


def test_documents_the_project_has_facts_for_are_not_extracted_again(folder, workers):
    workspace = Workspace()
    first = load_corpus([folder])
    known = {first.documents[0].id, first.documents[3].id}
    corpus, facts = workspace.read_and_extract([folder], known=known)
    assert len(corpus.documents) == 5
    assert [f.document for f in facts] == [d.id for d in corpus.documents if d.id not in known]


def test_cancelling_while_reading_keeps_what_is_done(folder, workers):
    read = []
    corpus, facts = Workspace().read_and_extract(
        [folder], lambda done, total, label: read.append(label), cancelled=lambda: len(read) >= 3)
    assert corpus.cancelled
    assert 0 < len(corpus.documents) < 5
    # what was extracted is the first articles read, in order, each with its facts
    assert [f.document for f in facts] == [d.id for d in corpus.documents][:len(facts)]
    assert all(f.troop_counts and f.error is None for f in facts)


def test_an_article_too_long_for_spacy_is_reported_and_the_rest_load(folder, monkeypatch):
    from missiondesk.extract.model import load_model

    monkeypatch.setattr(load_model(), "max_length", 3000)
    monkeypatch.setattr(pipeline, "worker_count", lambda: 1)
    corpus, facts = Workspace().read_and_extract([folder])
    long = {d.id for d in corpus.documents if len(d.body) > 3000}
    assert long and len(long) < len(corpus.documents)
    assert {f.document for f in facts if f.error} == long
    assert all(f.troop_counts for f in facts if f.document not in long)
    assert sum("characters long, more than the 3,000" in e.error for e in corpus.errors) == len(long)


def test_an_article_the_rules_fail_on_is_reported_by_name_and_the_rest_load(folder, monkeypatch):
    real = pipeline.find_counts

    def failing(doc, ctx):
        if "Kabul" in doc.text:
            raise IndexError("list index out of range")
        return real(doc, ctx)

    monkeypatch.setattr(pipeline, "find_counts", failing)
    monkeypatch.setattr(pipeline, "worker_count", lambda: 1)
    workspace = Workspace()
    corpus, facts = workspace.read_and_extract([folder])
    failed = [f for f in facts if f.error]
    assert failed and len(failed) < len(facts)
    assert all(f.troop_counts for f in facts if not f.error and "Kabul" not in _body(corpus, f.document))
    paths = {d.id: d.path for d in corpus.documents}
    reported = [e for e in corpus.errors if "finding its facts failed (IndexError" in e.error]
    assert [e.path for e in reported] == [paths[f.document] for f in failed]
    workspace.add(corpus, facts)
    assert {d.id for d in workspace.stale()} == {f.document for f in failed}  # extracted again when asked


def _body(corpus, doc_id: str) -> str:
    return next(d.body for d in corpus.documents if d.id == doc_id)


def test_extracting_again_and_failing_keeps_the_facts_an_article_had(folder):
    from missiondesk.corpus import Corpus
    from missiondesk.extract.pipeline import DocumentFacts
    from missiondesk.store.workspace import failures

    workspace = Workspace()
    corpus, facts = workspace.read_and_extract([folder])
    workspace.add(corpus, facts)
    first = corpus.documents[0]
    had = workspace.data.facts[first.id]
    failed = DocumentFacts(first.id, version="", error="IndexError: list index out of range")
    workspace.add(Corpus(), [failed])
    assert workspace.data.facts[first.id] is had
    assert [(e.path, "IndexError" in e.error) for e in failures([failed], workspace.data.documents)] == \
        [(first.path, True)]


def test_progress_says_how_many_articles_are_read_and_how_many_extracted(folder, workers):
    labels = []
    Workspace().read_and_extract([folder], lambda done, total, label: labels.append(label))
    assert labels[0].startswith("Reading 1 of 6 articles (")
    reading = [label for label in labels if label.startswith("Reading")]
    assert [int(label.split()[1]) for label in reading] == sorted(int(label.split()[1]) for label in reading)
    assert any(label.startswith("Reading 6 of 6 articles") for label in labels)
    # five articles to extract (the sixth file cannot be read): the last word on extraction is 5 of 5
    assert labels[-1].endswith("extracted 5 of 5") or labels[-1] == "Extracting facts: 5 of 5 articles"


def test_extracting_again_counts_articles():
    documents = load_corpus([SEEDS]).documents[:2]
    labels = []
    Workspace.extract(documents, lambda done, total, label: labels.append(label))
    assert [label.split(" · ")[0] for label in labels] == ["Extracted 1 of 2 articles", "Extracted 2 of 2 articles"]
    assert labels[0].endswith(documents[0].title[:40])
