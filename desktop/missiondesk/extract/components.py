"""spaCy components of our own, registered by name."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

# A wire-story dateline at the head of a paragraph: "PRISTINA, Kosovo (AP) — ", "BEIRUT/GENEVA, Oct 11
# (Reuters) - ", "WASHINGTON — ". Left in the sentence, the parser makes the city the subject of its verb.
_DATELINE = re.compile(r"[A-Z][A-Z.'’/-]{2,}(?: [A-Z][A-Z.'’/-]+){0,3}(?:, [^\n()—–]{1,40}?)?"
                       r"(?: \([^()\n]{1,30}\))? ?(?:—|–|--?) ?")


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence never runs across a paragraph: the token after a line break starts a new one. A dateline
    is a sentence of its own."""
    starts = {0}
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
            starts.add(doc[token.i + 1].idx)
    text = doc.text
    for start in starts:
        match = _DATELINE.match(text, start)
        if match and match.end() < len(text) and not text[match.end()].isspace():
            span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
            if span is not None and span.start > 0 and span[0].idx == match.end():
                span[0].is_sent_start = True
    return doc
