"""A short topic for a statement, and the mission it is about."""

from __future__ import annotations

from collections import Counter
from functools import cache

from spacy.attrs import LEMMA
from spacy.tokens import Doc

from missiondesk.extract.sentences import span_text
from missiondesk.extract.speaker_words import _lexicon


def topic_of(doc: Doc, start: int, end: int) -> str | None:
    """The topic whose keywords the statement's sentence holds most often (the first listed on a tie). A
    one-word keyword counts as a lemma or as a word between spaces, a longer one as words between spaces."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    text = f" {span_text(span).lower()} "
    words = set(text.split(" "))  # `k in words` is `f" {k} " in text` for a keyword without spaces
    words.update(_lower_lemmas(doc)[span.start:span.end])
    best, best_hits = None, 0
    for topic, singles, phrases in _keywords():
        hits = sum(singles[k] for k in words.intersection(singles)) + sum(1 for k in phrases if f" {k} " in text)
        if hits > best_hits:
            best, best_hits = topic, hits
    return best


@cache
def _keywords() -> list[tuple[str, Counter, list[str]]]:
    """Each topic's one-word keywords (each with how often the list names it, as each listing counts a hit) and
    its longer ones."""
    return [(topic, Counter(k for k in keywords if " " not in k), [k for k in keywords if " " in k])
            for topic, keywords in _lexicon()["topics"].items()]


def _lower_lemmas(doc: Doc) -> list[str]:
    """Every token's lemma in lower case, read once per document from its array."""
    found = doc.user_data.get(_LEMMAS)
    if found is None:
        strings = doc.vocab.strings
        lowered = _LOWERED
        if len(lowered) > _LOWERED_LIMIT:
            lowered.clear()
        found = doc.user_data[_LEMMAS] = [
            lowered.get(h) or lowered.setdefault(h, strings[h].lower())
            for h in doc.to_array([LEMMA]).reshape(-1).tolist()]
    return found


_LEMMAS = "missiondesk_lower_lemmas"
_LOWERED: dict[int, str] = {}  # lemma hash -> the lemma in lower case, each worked out once
_LOWERED_LIMIT = 200_000


def mission_for_statement(start: int, end: int, hits, linked: list[str]) -> str | None:
    """A mission named in the statement's sentence, else the mission the article is mostly about."""
    for hit in hits:
        if start <= hit.start < end:
            return hit.mission_id
    counts = Counter([h.mission_id for h in hits] + list(linked))
    return counts.most_common(1)[0][0] if counts else None
