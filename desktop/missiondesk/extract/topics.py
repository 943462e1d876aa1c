"""A short topic for a statement, and the mission it is about."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from missiondesk.extract.sentences import span_text
from missiondesk.extract.speakers import _lexicon


def topic_of(doc: Doc, start: int, end: int) -> str | None:
    """The topic whose keywords the statement's sentence holds most often (the first listed on a tie)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    text = f" {span_text(span).lower()} "
    lemmas = {t.lemma_.lower() for t in span}
    best, best_hits = None, 0
    for topic, keywords in _lexicon()["topics"].items():
        hits = sum(1 for k in keywords if (k in lemmas if " " not in k else f" {k} " in text) or f" {k} " in text)
        if hits > best_hits:
            best, best_hits = topic, hits
    return best


def mission_for_statement(start: int, end: int, hits, linked: list[str]) -> str | None:
    """A mission named in the statement's sentence, else the mission the article is mostly about."""
    for hit in hits:
        if start <= hit.start < end:
            return hit.mission_id
    counts = Counter([h.mission_id for h in hits] + list(linked))
    return counts.most_common(1)[0][0] if counts else None
