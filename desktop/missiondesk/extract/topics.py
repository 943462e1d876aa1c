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
    topics, singles, phrases = _index()
    hits = [0] * len(topics)
    for word in words.intersection(singles):
        for at, weight in singles[word]:
            hits[at] += weight
    for probe, where in phrases:
        if probe in text:
            for at in where:
                hits[at] += 1
    best, best_hits = None, 0
    for topic, topic_hits in zip(topics, hits):
        if topic_hits > best_hits:
            best, best_hits = topic, topic_hits
    return best


@cache
def _index() -> tuple[list[str], dict[str, list[tuple[int, int]]], list[tuple[str, list[int]]]]:
    """_keywords turned round, so a statement's words are looked up once rather than once per topic: the topics
    in order; each one-word keyword with the (topic, weight) pairs that list it; each longer keyword, as it is
    searched for between spaces, with the topics listing it (once per listing)."""
    topics = [topic for topic, _, _ in _keywords()]
    singles: dict[str, list[tuple[int, int]]] = {}
    phrases: dict[str, list[int]] = {}
    for at, (_, words, longer) in enumerate(_keywords()):
        for word, weight in words.items():
            singles.setdefault(word, []).append((at, weight))
        for phrase in longer:
            phrases.setdefault(f" {phrase} ", []).append(at)
    return topics, singles, list(phrases.items())


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
