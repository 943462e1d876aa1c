"""The sentence of a token or span, and the document's text, each built once per document. spaCy's Token.sent walks
the document's sentences on every call, which dominated extraction time."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

import numpy
from spacy.attrs import LEMMA, LOWER, SENT_START
from spacy.tokens import Doc, Span, Token

_KEY = "missiondesk_sentences"
_TEXT = "missiondesk_text"
_WORDS = "missiondesk_word_keys"
_FOLDED = "missiondesk_folded_text"
_WORD_MEMO_LIMIT = 200_000


def _table(doc: Doc) -> tuple[list[Span], list[int]]:
    table = doc.user_data.get(_KEY)
    if table is None:
        # doc.sents makes a Token for every word; the sentence starts are one column of the doc's array
        if len(doc):
            starts = numpy.flatnonzero(doc.to_array([SENT_START]).reshape(-1) == 1).tolist()
            if not starts or starts[0] != 0:
                starts.insert(0, 0)
            table = ([doc[a:b] for a, b in zip(starts, [*starts[1:], len(doc)])], starts)
        else:
            table = ([], [])
        doc.user_data[_KEY] = table
    return table


def sentence_of(item: Token | Span) -> Span:
    """The sentence holding a token, or the first token of a span."""
    doc = item.doc
    index = item.i if isinstance(item, Token) else item.start
    sents, starts = _table(doc)
    return sents[bisect.bisect_right(starts, index) - 1]


def sentences(doc: Doc) -> list[Span]:
    return _table(doc)[0]


def start_back(token, back: int) -> int:
    """Where the sentence `back` sentences before `token`'s begins (its own when 0; the text's first at most)."""
    doc = token.doc
    start = sentence_of(token).start
    for _ in range(back):
        if start == 0:
            break
        start = sentence_of(doc[start - 1]).start
    return start


def text_of(doc: Doc) -> str:
    """The document's text, built once: spaCy's Doc.text joins every token again on each call."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


# The only letters outside ASCII that a case-insensitive pattern takes for ASCII ones ('İ' and 'ı' for 'i', the
# Kelvin sign for 'k', the long 's'); str.lower() makes 'İ' two characters, so they are made ASCII before it.
_ODD_CASES = re.compile("[\u0130\u0131\u212a\u017f]")
_ASCII_CASES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u212a": "k", "\u017f": "s"})


def folded_text(doc: Doc) -> str:
    """The document's text in lower case, character for character (same offsets), built once: an ASCII word
    that is not in it is nowhere in the text for a case-insensitive pattern either, so a rule can skip its
    pattern on a sentence without the word."""
    folded = doc.user_data.get(_FOLDED)
    if folded is None:
        text = text_of(doc)
        folded = doc.user_data[_FOLDED] = (text.translate(_ASCII_CASES) if _ODD_CASES.search(text) else text).lower()
    return folded


def remember_text(doc: Doc, text: str) -> None:
    """`text` is what `doc` was made from; spaCy's tokenizer loses no character, so it is the doc's text."""
    doc.user_data[_TEXT] = text


class TextKeepingTokenizer:
    """The pipeline's tokenizer, remembering each doc's text as it makes the doc (so Doc.text, which joins
    every token again, is never needed). Anything else is the wrapped tokenizer's."""

    def __init__(self, tokenizer) -> None:
        object.__setattr__(self, "tokenizer", tokenizer)

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        remember_text(doc, text)
        return doc

    def __getattr__(self, name: str):
        if name == "tokenizer":  # not set yet (copy and pickle make the object without __init__)
            raise AttributeError(name)
        return getattr(self.tokenizer, name)

    def __setattr__(self, name: str, value) -> None:
        setattr(self.tokenizer, name, value)  # nlp.tokenizer.rules = ... changes the real tokenizer


def span_text(span: Span) -> str:
    """Span.text without joining its tokens again."""
    return text_of(span.doc)[span.start_char:span.end_char]


def tokens_where(doc: Doc, test: Callable[[str, str], bool], memo: dict) -> list[int]:
    """Indices of the tokens whose (lower-case form, lemma) pass `test`, read from the doc's arrays with each
    distinct pair tested once (`memo`, one per test, remembers the answers): a cheap first pass before the
    rules look at a token's parse."""
    at = _word_keys(doc)
    strings = doc.vocab.strings
    found: list[int] = []
    for key, indices in at.items():
        hit = memo.get(key)
        if hit is None:
            if len(memo) >= _WORD_MEMO_LIMIT:
                memo.clear()
            hit = memo[key] = test(strings[key[0]], strings[key[1]])
        if hit:
            found.extend(indices)
    return sorted(found)


def _word_keys(doc: Doc) -> dict[tuple[int, int], list[int]]:
    """Each distinct (lower-case form, lemma) pair of hashes, in order of first use, with the indices of its
    tokens: read from the doc's array once for all the rules' first passes."""
    found = doc.user_data.get(_WORDS)
    if found is None:
        found = doc.user_data[_WORDS] = {}
        if len(doc):
            table = doc.to_array([LOWER, LEMMA])
            for i, key in enumerate(zip(table[:, 0].tolist(), table[:, 1].tolist())):
                if key in found:
                    found[key].append(i)
                else:
                    found[key] = [i]
    return found


def join_tokens(tokens) -> str:
    """Tokens as the article spaces them; a space wherever tokens were skipped (a comma left out of a
    clause must not glue 'tasks' to 'as')."""
    tokens = sorted(tokens, key=lambda t: t.i)
    out = []
    for tok, nxt in zip(tokens, [*tokens[1:], None]):
        out.append(tok.text)
        if nxt is not None:
            out.append(tok.whitespace_ if nxt.i == tok.i + 1 else " ")
    return "".join(out).strip()
