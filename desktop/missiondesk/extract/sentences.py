"""The sentence of a token or span, and the document's text, each built once per document. spaCy's Token.sent walks
the document's sentences on every call, which dominated extraction time."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token

_KEY = "missiondesk_sentences"
_TEXT = "missiondesk_text"


def _table(doc: Doc) -> tuple[list[Span], list[int]]:
    table = doc.user_data.get(_KEY)
    if table is None:
        sents = list(doc.sents)
        table = (sents, [s.start for s in sents])
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


def text_of(doc: Doc) -> str:
    """The document's text, built once: spaCy's Doc.text joins every token again on each call."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


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
