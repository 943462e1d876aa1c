"""The operations the model runs on (numpy's BLAS, numpy's maxout, our layer norm) and the batch sizes the
pipeline uses give the annotations of spaCy's stock pipeline, to the last tag and arc."""

import numpy
import pytest
import spacy
from thinc.api import NumpyOps

from missiondesk.corpus import load_corpus
from missiondesk.extract import pipeline
from missiondesk.extract.model import load_model, model_package
from missiondesk.extract.ops import InferenceOps, PieceMajorMaxout, layer_norm_forward
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def stock():
    return spacy.load(model_package(), exclude=["ner"])


@pytest.mark.parametrize("pieces", [1, 2, 3, 4])
def test_maxout_takes_the_same_values_as_thincs(pieces):
    rng = numpy.random.default_rng(pieces)
    X = rng.standard_normal((257, 96, pieces)).astype("float32")
    X[::7, :, -1] = X[::7, :, 0]  # ties: the first piece wins in both
    X[::11] = 0.0
    X[::13, 5, 0] = -0.0
    best, _ = InferenceOps().maxout(X)
    expected, _ = NumpyOps(use_blis=False).maxout(X)
    assert best.dtype == expected.dtype and best.shape == expected.shape
    assert numpy.array_equal(best.view("int32"), expected.view("int32"))  # bit for bit, signed zeros too


def test_layer_norm_gives_thincs_numbers(stock):
    from thinc.layers.layernorm import forward

    norms = [n for n in stock.get_pipe("tok2vec").model.walk() if n.name == "layernorm"]
    X = numpy.random.default_rng(7).standard_normal((300, 96)).astype("float32") * 3
    X[5] = 0.0  # a row with no variance
    for norm in norms:
        expected, _ = forward(norm, X, False)
        got, _ = layer_norm_forward(norm, X.copy(), False)
        assert numpy.array_equal(got.view("int32"), expected.view("int32"))
    with pytest.raises(NotImplementedError):
        layer_norm_forward(norms[0], X, True)


@pytest.mark.parametrize("rows", [1, 3, 4, 5, 16, 257, 2700])
def test_piece_major_maxout_gives_thincs_numbers(stock, rows):
    """tok2vec's maxout layers with their weights reordered piece by piece: the same numbers as thinc's forward
    on the same operations, bit for bit, for products of any number of rows."""
    from thinc.layers.maxout import forward

    layers = [n for n in stock.get_pipe("tok2vec").model.walk() if n.name == "maxout"]
    rng = numpy.random.default_rng(rows)
    for layer in layers:
        stock_ops, layer.ops = layer.ops, InferenceOps()  # the operations the pipeline runs them on
        try:
            X = rng.standard_normal((rows, layer.get_dim("nI"))).astype("float32")
            X[::3] = 0.0  # rows of ties
            expected, _ = forward(layer, X, False)
            got, _ = PieceMajorMaxout()(layer, X, False)
        finally:
            layer.ops = stock_ops  # the stock pipeline stays stock for the tests after this one
        assert numpy.array_equal(got.view("int32"), expected.view("int32"))
    with pytest.raises(NotImplementedError):
        PieceMajorMaxout()(layers[0], X, True)


def test_the_model_runs_on_the_inference_ops():
    nlp = load_model()
    for name in ("tok2vec", "tagger"):
        assert all(isinstance(node.ops, InferenceOps) for node in nlp.get_pipe(name).model.walk())
    assert isinstance(nlp.get_pipe("parser").model.ops, InferenceOps)  # its C loop takes the BLAS from these
    norms = [n for n in nlp.get_pipe("tok2vec").model.walk() if n.name == "layernorm"]
    assert len(norms) == 5 and all(n._func is layer_norm_forward for n in norms)
    maxouts = [n for n in nlp.get_pipe("tok2vec").model.walk() if n.name == "maxout"]
    assert len(maxouts) == 5 and all(isinstance(n._func, PieceMajorMaxout) for n in maxouts)


def _annotations(doc):
    return [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.is_sent_start) for t in doc]


def test_the_pipeline_annotates_as_the_stock_one_in_its_batches(stock):
    """Against spaCy as it comes (its BLIS, its maxout, one document at a time), with only our paragraph breaks
    added: the same tags, arcs, lemmas and sentences, for more documents than one batch."""
    documents = load_corpus([SEEDS]).documents * (pipeline.BATCH_SIZE // 5 + 3)
    stock.add_pipe("paragraph_breaks", before="parser")
    parsed = pipeline._parse(load_model(), documents)
    assert len(parsed) > pipeline.BATCH_SIZE
    for document, doc in zip(documents, parsed):
        assert _annotations(doc) == _annotations(stock(document.body)), document.id
