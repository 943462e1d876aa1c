"""tok2vec's word embedding with each distinct word's vector worked out once. The first half of spaCy's tok2vec
(six hashed embeddings of the word's norm, prefix, suffix, shape, trailing space and is-space, mixed by a maxout
layer and a layer norm) looks at one word only, not at its neighbours: its output for a token depends on those
six numbers alone. It was a third of tok2vec's matrix products and all its table look-ups, done again for every
token of every article; here the vectors of the words seen before are taken from a memo and the stock layers
compute the others, as one matrix, the same way. The numbers are the same, bit for bit
(tests/extract/test_embeddings.py): OpenBLAS gives each row of a product the same bits whatever the other rows,
except in its path for products of one to four rows, so new words are computed at least _MIN_ROWS at a time,
and a batch that small altogether keeps the stock path."""

from __future__ import annotations

import threading

import numpy

_MEMO_LIMIT = 50_000  # distinct words remembered (about 0.5 KB each) before the memo starts afresh
_MIN_ROWS = 16  # rows in each product: OpenBLAS takes another path for one to four


class EmbeddingMemo:
    """Stands in for the forward pass of tok2vec's embedding layer (docs in, one array of vectors per doc out)
    when the model is run, not trained."""

    def __init__(self, embed) -> None:
        # extract_features >> list2ragged >> with_array(hash embeddings) >> with_array(maxout, layer norm)
        # >> ragged2list: the stock forward, and its per-token layers
        self.stock = embed._func
        self.columns = embed.layers[0].attrs["columns"]
        self.hashed = embed.layers[2].layers[0]
        self.mixed = embed.layers[3].layers[0]
        self.rows: dict[bytes, int] = {}  # a word's six numbers, as bytes -> its row in self.vectors
        self.vectors = numpy.zeros((1024, embed.get_dim("nO")), dtype="float32")  # grown by doubling
        self.lock = threading.Lock()  # one batch at a time reads and grows the memo

    def __call__(self, model, docs, is_train: bool):
        tables = [doc.to_array(self.columns).reshape(len(doc), len(self.columns)) for doc in docs]
        lengths = [len(t) for t in tables]
        if is_train or sum(lengths) < _MIN_ROWS:
            return self.stock(model, docs, is_train)
        keys = numpy.concatenate(tables).astype("uint64", copy=False)
        with self.lock:
            rows = self._rows(keys)  # first: it may grow self.vectors
            out = self.vectors.take(rows, axis=0)
        return numpy.split(out, numpy.cumsum(lengths)[:-1]), _no_backprop

    def _rows(self, keys: numpy.ndarray) -> numpy.ndarray:
        """Each token's row in self.vectors; the vectors of words not seen before are worked out first."""
        words = keys.view(f"S{keys.shape[1] * keys.itemsize}").ravel().tolist()
        if len(self.rows) + len(words) > _MEMO_LIMIT:
            self.rows.clear()
        new = {}
        for at, word in enumerate(words):
            if word not in self.rows and word not in new:
                new[word] = at
        if new:
            first = list(new.values())
            at = numpy.array(first + first[:1] * max(0, _MIN_ROWS - len(first)))
            vectors = self.mixed.predict(self.hashed.predict(keys[at]))[:len(first)]
            base = len(self.rows)
            while base + len(first) > len(self.vectors):
                self.vectors = numpy.concatenate([self.vectors, numpy.zeros_like(self.vectors)])
            self.vectors[base:base + len(first)] = vectors
            self.rows.update((word, base + n) for n, word in enumerate(new))
        rows = self.rows
        return numpy.fromiter((rows[word] for word in words), dtype=numpy.intp, count=len(words))


def _no_backprop(_):
    raise NotImplementedError("MissionDesk's embedding memo runs the model; it does not train it")


def memoize_embeddings(tok2vec) -> bool:
    """Have the tok2vec component's embedding layer remember each word's vector (its results unchanged).
    A model whose tok2vec has another form keeps the stock layer; returns whether the memo is in use."""
    model = tok2vec.model
    embed = model.layers[0] if model.layers else None
    names = [layer.name for layer in embed.layers] if embed is not None else []
    if len(names) != 5 or names[0] != "extract_features" or names[1] != "list2ragged" \
            or names[4] != "ragged2list" or not names[2].startswith("with_array") \
            or not names[3].startswith("with_array(maxout"):
        return False
    embed.replace_callbacks(EmbeddingMemo(embed))
    return True
