"""What the words around a number say about it: qualifier, time, added or removed, vague or not a count."""

from __future__ import annotations

import re
from functools import cache

from missiondesk.extract.gazetteer import lexicon

_MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" \
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_MONTH_BEFORE = re.compile(rf"\b{_MONTHS}\.?\s*$", re.I)
_MONTH_AFTER = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTHS}\b", re.I)
_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥₹]|\b(?:usd|eur|gbp|us\$|rs\.?|rupees?|dollars?)\s?)\s*$", re.I)
_CLOCK = re.compile(r"^\s*(?:[:.]\d\d|\s?(?:am|pm|a\.m\.|p\.m\.|gmt|utc|hrs|h)\b)", re.I)


@cache
def _phrases(kind: str) -> list[tuple[str, str]]:
    """(phrase, qualifier) pairs, longest first."""
    table = lexicon()[kind]
    pairs = [(phrase.lower(), qualifier) for qualifier, phrases in table.items() for phrase in phrases]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


@cache
def _any_of(kind: str) -> tuple[str, ...]:
    """Every phrase of a list, as one tuple: str.endswith and str.startswith test them all at once, so most
    numbers, with none of them beside them, are done with in one call."""
    table = lexicon()[kind]
    if isinstance(table, dict):
        return tuple(phrase for phrase, _ in _phrases(kind))
    return tuple(table)


def prefix_qualifier(before: str) -> tuple[str | None, int]:
    """The qualifier the words just before a number give, and how many characters they take."""
    text = before.lower().rstrip()
    if not text.endswith(_any_of("qualifiers")):
        return None, 0
    for phrase, qualifier in _phrases("qualifiers"):
        if text.endswith(phrase):
            start = len(text) - len(phrase)
            if start == 0 or not text[start - 1].isalpha():
                return qualifier, len(before) - start
    return None, 0


def suffix_qualifier(after: str) -> str | None:
    text = after.lower()
    if not text.startswith(_any_of("suffix_qualifiers")):
        return None
    for phrase, qualifier in _phrases("suffix_qualifiers"):
        if text.startswith(phrase) and not text[len(phrase):len(phrase) + 1].isalpha():
            return qualifier
    return None


def vague(before: str) -> bool:
    text = before.lower().rstrip()
    if not text.endswith(_any_of("vague_before")):
        return False
    return any(text.endswith(p) and (len(text) == len(p) or not text[-len(p) - 1].isalpha())
               for p in lexicon()["vague_before"])


def not_a_count(before: str, after: str) -> bool:
    """Dates, times, money, durations, distances, percentages, ordinals."""
    low = after.lower()
    for marker in lexicon()["not_a_count_after"] if low.startswith(_any_of("not_a_count_after")) else ():
        if low.startswith(marker) and (marker[-1] in "-:%" or not low[len(marker):len(marker) + 1].isalpha()):
            return True
    return bool(_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after) or _CURRENCY_BEFORE.search(before)
                or _CLOCK.match(after) or _MODEL_BEFORE.search(before))


# a machine's model number right after its noun: "combat vehicles 9040", "main battle tank 122", "type 054"
_MODEL_BEFORE = re.compile(r"(?i)\b(?:vehicles?|tanks?|carriers?|howitzers?|helicopters?|jets?|rifles?|missiles?|"
                           r"launchers?|frigates?|corvettes?|drones?|type|class|model|mark|mk\.?)\s+$")


def words(name: str) -> frozenset[str]:
    return _word_set(name)


@cache
def _word_set(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon()[name])
