"""Numbers as news writes them: 10,000 / 12 000 / 2.500 / 1.2 million / one thousand / a dozen / 9,600-strong."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
# No force on earth has more people: a larger figure is a population, money or noise, never a head count (and
# 10^30 from an article overflowed pandas' integers in the fact sheet).
MAX_FORCE = 10_000_000
_WORD_LIST = sorted([*_UNITS, *_TENS, *_SCALES, *(f"{scale}s" for scale in _SCALES), "dozen", "a", "an", "and"],
                    key=len, reverse=True)
# The same alternation grouped by first letter, each group's words in the same order (longest first): the regex
# engine tries one group at a word's start, not every word. Words with different first letters never match at
# the same place, so the matches are the same.
_BY_FIRST: dict[str, list[str]] = {}
for _word in _WORD_LIST:
    _BY_FIRST.setdefault(_word[0], []).append(_word[1:])
_WORD = "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in _BY_FIRST.items())
_FIRST_LETTERS = "".join(_BY_FIRST)

# Digits: grouped by commas, apostrophes (Swiss style: 1'400), spaces (incl. narrow no-break) or dots (European
# style), or plain; then a scale word.
_DIGITS = re.compile(
    r"(?<![\w.,/:£$€])(?<![A-Za-z]-)(?<!\d\d\d\d-)(?<!\d\d\d\d-\d\d-)"  # not inside a date: 2022-11-13
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d{1,3}(?:['’]\d{3})+(?![\d'’])"
    r"|\d{1,3}(?:[ \u202f\u2009]\d{3})+(?![\d,.]\d)|\d{1,3}(?:\.\d{3})+(?![\d,])"
    r"|\d+(?:\.\d+)?)"
    r"(?P<scale>\s*(?:million|thousand|hundred)|[mk]\b(?!\)))?"  # "1.2m", not "10 m tall" (metres) nor "(2m)"
    r"(?![\w]|[.,]\d)",
    re.I,
)
_ANY_DIGIT = re.compile(r"\d")  # in every match of _DIGITS
# A number in words may carry a size suffix: "a thousand-strong contingent", "a hundred-man unit".
# (A lookahead for the words' first letters, right after the lookbehind, turns most words away at once.)
_WORDS = re.compile(rf"(?<![\w-])(?=[{_FIRST_LETTERS}])(?:(?:{_WORD})(?:[\s-]+(?:{_WORD}))*)(?!\w)"
                    r"(?!-(?!(?:strong|man|member)\b))", re.I)


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: int
    text: str
    approximate: bool = False  # "dozens", "several hundred": vague, never a count
    is_year_like: bool = False


def parse_words(text: str) -> int | None:
    """'one thousand' -> 1000; 'two dozen' -> 24; 'a dozen' -> 12; 'three hundred and fifty' -> 350."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w and w != "and"]
    if not words:
        return None
    if len(words) > 1 and words[0] in _UNITS | _TENS:  # "six thousands servicemen", as some copy has it
        words = [w[:-1] if w[:-1] in _SCALES else w for w in words]
    if words[0] in _SCALES or words[0] == "dozen":
        return None  # "hundreds", "several hundred": the quantity is vague
    if words[0] in ("a", "an"):
        if len(words) == 1:
            return None
        words = ["one", *words[1:]]
    total, current, seen = 0, 0, False
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in _SCALES:
            scale = _SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _digit_value(num: str, scale: str | None, text: str) -> tuple[int, bool] | None:
    scale = (scale or "").strip().lower()
    compact = num.replace(" ", "").replace("\u202f", "").replace("\u2009", "").replace("'", "").replace("’", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", compact) and not scale:
        value = float(compact.replace(".", ""))  # 2.500 soldiers, as continental papers write it
    else:
        value = float(compact.replace(",", ""))
    factor = {"million": 1_000_000, "m": 1_000_000, "thousand": 1000, "k": 1000, "hundred": 100}.get(scale, 1)
    value *= factor
    if not value <= MAX_FORCE:  # also an infinite float, from hundreds of digits
        return None
    if value != int(value):
        return None  # 2.5 troops is no head count
    year_like = not scale and re.fullmatch(r"(1[89]|20)\d{2}", num) is not None
    return int(value), year_like


@lru_cache(maxsize=4096)
def _word_number(chunk: str) -> tuple[int, str, int | None]:
    """A run of number words ('a', 'and', 'two thousand'): where its number starts in it, the number's words
    and value. Worked out once per distinct run: most are a lone 'a' or 'and'."""
    # Trim leading "and"/"a" that belong to the sentence, not the number, and trailing "and"/"a".
    stripped = re.sub(r"^(?:(?:and)\s+)+|(?:\s+(?:and|a|an))+$", "", chunk, flags=re.I)
    return chunk.find(stripped), stripped, parse_words(stripped)


_STRAY_GROUP = re.compile(r"\d{1,3}, \d{3}")
_TROOPS_AFTER = re.compile(r"\s+(?:(?:more|additional|extra|new|fresh)\s+)?(?:troops|soldiers|personnel|"
                           r"peacekeepers|servicemen|service members|military personnel|marines)\b", re.I)
_DATE_OR_NAME_BEFORE = re.compile(r"(?:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?|"
                                  r"\b[A-Z][\w-]*)\s+$")


def _stray_spaces_joined(found: list[Number], text: str) -> list[Number]:
    """'Chad has pulled out 1, 200 troops': one figure typed with a space after its comma, when troops follow
    and no date or name comes before ('on May 1, 200 soldiers left' is a day and a count)."""
    for k in range(len(found) - 1, 0, -1):
        first, second = found[k - 1], found[k]
        if _STRAY_GROUP.fullmatch(text[first.start:second.end]) and _TROOPS_AFTER.match(text, second.end) \
                and not _DATE_OR_NAME_BEFORE.search(text, 0, first.start):
            found[k - 1:k + 1] = [Number(first.start, second.end, first.value * 1000 + second.value,
                                         text[first.start:second.end])]
    return found


def find_numbers(text: str) -> list[Number]:
    """Every number in `text`, with its character span and integer value."""
    found: list[Number] = []
    for match in _DIGITS.finditer(text) if _ANY_DIGIT.search(text) else ():  # most sentences have no digit
        parsed = _digit_value(match.group("num"), match.group("scale"), text)
        if parsed is None:
            continue
        end = match.end("scale") if match.group("scale") else match.end("num")
        found.append(Number(match.start(), end, parsed[0], text[match.start():end], is_year_like=parsed[1]))
    found = _stray_spaces_joined(found, text)
    taken = [(n.start, n.end) for n in found]
    for match in _WORDS.finditer(text):
        lead, stripped, value = _word_number(match.group(0))
        offset = match.start() + lead
        if value is None or value > MAX_FORCE or any(s < offset + len(stripped) and offset < e for s, e in taken):
            continue
        found.append(Number(offset, offset + len(stripped), value, stripped))
    return sorted(found, key=lambda n: n.start)
