"""The indexed attribute ruler finds exactly what spaCy's stock one finds, so every tag, lemma and part of
speech the rules read is unchanged."""

import pytest
import spacy

from missiondesk.corpus import load_corpus
from missiondesk.extract.attributes import IndexedMatch, index_attribute_ruler
from missiondesk.extract.model import model_package
from tests.conftest import SEEDS

# Sentences that reach the model's word exceptions and its two-token rules ("gonna", "let's", "ain't", "y'all").
ODD_WORDS = [
    "We're gonna stay, and y'all know it ain't over, he said.",
    "Let's be clear: it isn't a withdrawal, and I'm not leaving; nothin' has changed.",
    "There are 2,500 troops there, and there's no plan to gotta leave.",
    "She gets what she wants; they got 300 more soldiers.\n\nC'mon, do you think that they did it?",
    "It was whether or not the alliance had told him and me that it would.",
]


@pytest.fixture(scope="module")
def stock():
    return spacy.load(model_package(), exclude=["ner"])


def _texts() -> list[str]:
    return [d.body for d in load_corpus([SEEDS]).documents] + ODD_WORDS


def test_indexed_matches_are_the_stock_matches(stock):
    ruler = stock.get_pipe("attribute_ruler")
    indexed = IndexedMatch(ruler)
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        docs = list(stock.pipe(_texts()))
    pairs = 0
    for doc in docs:
        expected = ruler.match(doc)
        assert indexed(doc) == expected, doc.text[:60]
        pairs += sum(1 for _, _, start, end in expected if end - start == 2)
    assert pairs >= 3  # the two-token rules were exercised


def test_the_indexed_pipeline_annotates_as_the_stock_one(stock):
    fast = spacy.load(model_package(), exclude=["ner"])
    index_attribute_ruler(fast.get_pipe("attribute_ruler"))
    for text in _texts():
        a, b = stock(text), fast(text)
        assert [(t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_) for t in a] == \
            [(t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_) for t in b]


def _ruler(patterns):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler


def test_a_rule_whose_patterns_both_fit_matches_once_as_in_spacy():
    nlp, ruler = _ruler([{"patterns": [[{"LOWER": "got"}], [{"LOWER": {"REGEX": "^g"}}]], "attrs": {"LEMMA": "get"}},
                         {"patterns": [[{"LOWER": {"IN": ["ta", "ta"]}}]], "attrs": {"LEMMA": "to"}}])
    doc = nlp("We got ta go")
    assert IndexedMatch(ruler)(doc) == ruler.match(doc)
    assert len(ruler.match(doc)) == 3  # "got" once (two patterns fit), "go", "ta" once (listed twice)


def test_rules_the_index_cannot_read_keep_spacys_matcher():
    nlp, ruler = _ruler([{"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"LEMMA": "very"}}])
    stock = ruler.match
    assert index_attribute_ruler(ruler) is False
    assert ruler.match == stock
    assert len(ruler.match(nlp("very very good"))) >= 2


def test_the_array_path_annotates_as_the_stock_one(stock, monkeypatch):
    """In pipelines the ruler's values are written as one array per doc, from a table of what each kind of token
    writes; the same annotations, the two-token rules included, also once the table has started afresh."""
    from missiondesk.extract import attributes

    fast = spacy.load(model_package(), exclude=["ner"])
    ruler = fast.get_pipe("attribute_ruler")
    assert index_attribute_ruler(ruler)
    annotations = ruler.pipe.__self__
    assert isinstance(annotations, attributes.ArrayAnnotations)
    texts = _texts() + ODD_WORDS

    def seen(docs):
        return [[(t.pos_, t.tag_, t.lemma_, str(t.morph), t.dep_) for t in doc] for doc in docs]

    expected = seen(stock.pipe(texts))
    assert seen(fast.pipe(texts)) == expected
    assert seen(fast.pipe(texts)) == expected  # from the table
    monkeypatch.setattr(attributes, "_MEMO_LIMIT", 50)
    assert seen(fast.pipe(texts)) == expected
    assert len(annotations.rows) < 50 + max(len(doc) for doc in fast.pipe(texts))
