"""spaCy's rule lemmatizer with every answer remembered. The stock component makes a Token object for each word
and caches only some of its answers (not the base forms nor the words without rules), which cost a fifteenth
of the pipeline's time. A lemma depends only on the word, its part of speech and its morphology, so here each
distinct (word, POS, morphology) is lemmatized once by the stock rules and the lemmas are written back to the
doc as one array. A test checks the lemmas equal the stock component's."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

_ARRAY = [ORTH, POS, MORPH, LEMMA]
_MEMO_LIMIT = 200_000  # distinct (word, POS, morphology) remembered before the memo starts afresh


class MemoLemmas:
    """Stands in for the lemmatizer's `pipe` (what Language.pipe calls); nlp(text) keeps the stock path."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.strings = lemmatizer.vocab.strings
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        table = doc.to_array(_ARRAY)
        lemmas = table[:, 3].copy()
        memo = self.memo
        for i, row in enumerate(table.tolist()):
            if row[3] and not self.lemmatizer.overwrite:
                continue  # set by the attribute ruler's exceptions
            key = (row[0], row[1], row[2])
            lemma = memo.get(key)
            if lemma is None:
                if len(memo) >= _MEMO_LIMIT:
                    memo.clear()
                lemma = memo[key] = self.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        if len(doc):
            doc.from_array([LEMMA], numpy.ascontiguousarray(lemmas.reshape(-1, 1)))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def memoize_lemmatizer(lemmatizer: Lemmatizer) -> bool:
    """Have `lemmatizer` remember its answers in pipelines (its rules and results unchanged); only the rule mode
    is memoized, as its lemmas depend on nothing else. Returns whether the memo is in use."""
    if getattr(lemmatizer, "mode", None) != "rule":
        return False
    lemmatizer(Doc(lemmatizer.vocab, words=[]))  # the stock component checks its tables on first use
    lemmatizer.pipe = MemoLemmas(lemmatizer).pipe
    return True
