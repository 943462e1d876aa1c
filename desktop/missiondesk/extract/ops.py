"""thinc's numpy operations and layer norm, tuned for running spaCy's model (never for training it): matrices
are multiplied by numpy's OpenBLAS, faster here than the BLIS that spaCy bundles (165 against 105 GFLOP/s);
maxout takes the largest piece with numpy's elementwise maximum, seven times faster than thinc's loop, without
the index of the winning piece that only training needs; tok2vec's maxout layers keep their weights with each
piece's rows together, so that each piece's outputs are one block of columns (a row of a product does not
depend on where the other rows of the weights are); layer norms do their arithmetic once. The numbers are the
same, bit for bit (tests/extract/test_ops.py)."""

from __future__ import annotations

import numpy
from thinc.api import NumpyOps


class InferenceOps(NumpyOps):
    name = "missiondesk-inference"

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("use_blis", False)
        super().__init__(**kwargs)

    def maxout(self, X):
        """The largest of each unit's pieces (X's last axis); ties keep the first piece, as thinc's does.
        No winner index is returned, so a model run with these operations cannot be trained."""
        best = X[..., 0].copy()
        for piece in range(1, X.shape[-1]):
            numpy.maximum(X[..., piece], best, out=best)  # a tie (0.0, -0.0) keeps the second: the earlier
        return best, None


def layer_norm_forward(model, X, is_train: bool):
    """thinc's LayerNorm forward for running the model: the same arithmetic in the same order, with the mean
    and the centred values worked out once (thinc's var() works them out again) and the scaling done in
    place. Running only: it has no backward pass."""
    if is_train:
        raise NotImplementedError("MissionDesk's layer norm runs the model; it does not train it")
    mu = X.mean(axis=1, keepdims=True)
    Y = X - mu
    var = numpy.square(Y).sum(axis=1, keepdims=True)
    var /= X.shape[1]
    var += 1e-08
    Y *= var ** (-1.0 / 2.0)
    Y *= model.get_param("G")
    Y += model.get_param("b")
    return Y, None


def run_layer_norms_faster(model) -> None:
    """Give each LayerNorm in `model` the forward above."""
    for node in model.walk():
        if node.name == "layernorm":
            node.replace_callbacks(layer_norm_forward)


class PieceMajorMaxout:
    """thinc's Maxout forward for running the model: the weights' rows ordered piece by piece (all units' first
    piece, then their second, ...), so the product holds each piece as a block of columns and the largest is
    taken block by block (contiguous rows) instead of every third number. Each output number is the same
    product, bias sum and maximum, in the same order, as thinc's forward with InferenceOps.maxout."""

    def __init__(self) -> None:
        self.source = None  # the W the reordered copy was made from
        self.W = self.b = None

    def __call__(self, model, X, is_train: bool):
        if is_train:
            raise NotImplementedError("MissionDesk's maxout runs the model; it does not train it")
        nO, nP, nI = model.get_dim("nO"), model.get_dim("nP"), model.get_dim("nI")
        W = model.get_param("W")
        if W is not self.source:
            order = numpy.arange(nO * nP).reshape(nO, nP).T.ravel()
            self.W = numpy.ascontiguousarray(W.reshape(nO * nP, nI)[order])
            self.b = model.get_param("b").reshape(nO * nP)[order].reshape(nP, nO)
            self.source = W
        Y = model.ops.gemm(X, self.W, trans2=True)
        best = Y[:, :nO] + self.b[0]
        for piece in range(1, nP):
            part = Y[:, piece * nO:(piece + 1) * nO]
            part += self.b[piece]
            numpy.maximum(part, best, out=best)  # argument order as InferenceOps.maxout: ties alike
        return best, None


def run_maxouts_faster(model) -> None:
    """Give each Maxout layer in `model` the piece-major forward above."""
    for node in model.walk():
        if node.name == "maxout":
            node.replace_callbacks(PieceMajorMaxout())
