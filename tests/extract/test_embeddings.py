"""tok2vec with its word vectors remembered gives the stock layer's vectors, bit for bit, whatever the batch:
words seen before and new ones mixed, batches of one to many articles, tiny ones, and a memo that starts afresh."""

import numpy
import spacy

from missiondesk.extract import embeddings
from missiondesk.extract.model import load_model
from tests.extract.test_attributes import _texts

TINY = ["", "a", "Hi there", "One two three four", "x y z w v", "NATO troops left."]


def _vectors_both_ways(nlp, texts, batch_sizes):
    """tok2vec's output for each text through the memo and through the stock layer."""
    tok2vec = nlp.get_pipe("tok2vec")
    embed = tok2vec.model.layers[0]
    memo = embed._func
    assert isinstance(memo, embeddings.EmbeddingMemo)
    got, expected = [], []
    at = 0
    for size in batch_sizes:
        docs = [nlp.make_doc(t) for t in texts[at:at + size]]
        at += size
        got += tok2vec.predict(docs)
        embed._func = memo.stock
        try:
            expected += tok2vec.predict(docs)
        finally:
            embed._func = memo
    return got, expected


def _same_bits(got, expected):
    assert len(got) == len(expected)
    for a, b in zip(got, expected):
        assert a.dtype == b.dtype and a.shape == b.shape
        assert numpy.array_equal(a.view("int32"), b.view("int32"))


def test_remembered_vectors_are_the_stock_layers():
    texts = _texts()
    texts = [*texts, *TINY, *texts[:5], *TINY]  # read back from the memo as well as filled
    sizes = [8, 1, 3, 2, 5, 16, 1, 1, 1, 1, 1, 1] * (len(texts) // 40 + 1)
    _same_bits(*_vectors_both_ways(load_model(), texts, sizes))


def test_the_memo_starts_afresh_when_full_and_gives_the_same_vectors(monkeypatch):
    monkeypatch.setattr(embeddings, "_MEMO_LIMIT", 40)
    nlp = load_model.__wrapped__()  # a model of its own, whose memo fills up
    sentences = [s for text in _texts() for s in text.split(". ") if 10 < len(s) < 200][:60]
    _same_bits(*_vectors_both_ways(nlp, sentences, [3] * 20))
    distinct = {t.text for s in sentences for t in nlp.make_doc(s)}
    assert 0 < len(nlp.get_pipe("tok2vec").model.layers[0]._func.rows) < len(distinct) // 2  # it started afresh


def test_a_tok2vec_of_another_form_is_left_as_it_is():
    nlp = spacy.blank("en")
    tok2vec = nlp.add_pipe("tok2vec", config={"model": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.CharacterEmbed.v2", "width": 32, "rows": 100, "nM": 8, "nC": 4,
                  "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 32, "depth": 1, "window_size": 1,
                   "maxout_pieces": 2}}})
    nlp.initialize()
    before = tok2vec.model.layers[0]._func
    assert embeddings.memoize_embeddings(tok2vec) is False
    assert tok2vec.model.layers[0]._func is before
