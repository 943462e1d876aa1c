"""spaCy components of our own, registered by name."""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from missiondesk.extract.sentences import text_of

_MONTH_DAY = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?")
# A wire-story dateline at the head of a paragraph: "PRISTINA, Kosovo (AP) — ", "BEIRUT/GENEVA, Oct 11
# (Reuters) - ", "WASHINGTON — ", "Nigeria, March 15, 2016 – ". Left in the sentence, the parser makes the city
# the subject of its verb.
_DATELINE = re.compile(r"(?:[A-Z][A-Z.'’/-]{2,}(?: [A-Z][A-Z.'’/-]+){0,3}(?:, [^\n()—–]{1,40}?)?"
                       r"|[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}, " + _MONTH_DAY + r")"
                       r"(?: \([^()\n]{1,30}\))? ?(?:—|–|--?) ?")


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence never runs across a paragraph: the token after a line break starts a new one. A dateline
    is a sentence of its own."""
    starts = {0}
    # a line break is in a whitespace token (spaCy keeps at most one plain space after a word): only those
    # are looked at, found from the doc's array
    for i in numpy.flatnonzero(doc.to_array([IS_SPACE]).reshape(-1)[:-1]).tolist() if len(doc) else ():
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
            starts.add(doc[i + 1].idx)
    text = text_of(doc)
    for start in starts:
        match = _DATELINE.match(text, start)
        if match and match.end() < len(text) and not text[match.end()].isspace():
            span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
            if span is not None and span.start > 0 and span[0].idx == match.end():
                span[0].is_sent_start = True
    return doc
