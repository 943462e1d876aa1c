"""The memoized lemmatizer (and the rest of the pipeline as load_model sets it up: numpy's BLAS, the indexed
attribute ruler) annotates exactly as spaCy's stock pipeline does, batch after batch."""

import pytest
import spacy

from missiondesk.extract import lemmas
from missiondesk.extract.model import load_model, model_package
from tests.extract.test_attributes import _texts

# The same words in other parts of speech and forms, so the memo is read back as well as filled.
REPEATS = [
    "The troops said they would stay; the troop says it stays. Saying so, the minister stayed.",
    "Deploying 300 soldiers, NATO deployed more; deployments of forces were forced through.",
    "Leaves fell as the mission leaves; she left the left bank and lefts nothing.",
]


@pytest.fixture(scope="module")
def stock():
    return spacy.load(model_package(), exclude=["ner"])


def _annotations(nlp, texts):
    return [[(t.text, t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_, t.head.i) for t in doc]
            for doc in nlp.pipe(texts, batch_size=4)]


def test_the_fast_pipeline_annotates_as_the_stock_one(stock):
    texts = _texts() + REPEATS * 2
    fast = load_model()
    with fast.select_pipes(disable=["paragraph_breaks", "person_names"]):
        got = _annotations(fast, texts)
    expected = _annotations(stock, texts)
    for text, a, b in zip(texts, got, expected):
        assert a == b, text[:60]


def test_the_memo_starts_afresh_when_full_and_gives_the_same_lemmas(stock, monkeypatch):
    monkeypatch.setattr(lemmas, "_MEMO_LIMIT", 5)
    nlp = spacy.load(model_package(), exclude=["ner"])
    assert lemmas.memoize_lemmatizer(nlp.get_pipe("lemmatizer"))
    got = [[t.lemma_ for t in doc] for doc in nlp.pipe(REPEATS)]
    assert got == [[t.lemma_ for t in doc] for doc in stock.pipe(REPEATS)]
    assert got[1][0] == "deploy" and got[2][5] == "leave"


def test_a_lookup_lemmatizer_is_left_as_it_is():
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert lemmas.memoize_lemmatizer(lemmatizer) is False
