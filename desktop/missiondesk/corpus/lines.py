"""Features of one line of a page saved as text: how much it reads like prose, how much like furniture."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache

from missiondesk.paths import resource

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A sentence ends in . ! ? (not an ellipsis, which marks a cut teaser), maybe followed by quotes or brackets.
_SENTENCE_END = re.compile(r"(?<!\.\.)[.!?][\"'”’»)\]]*\s*$")
_CONTINUES = re.compile(r"[,;:\-–—]\s*$")
# "READ MORE: <headline>", "Related: <headline>": a link to another story on one line.
_LINK_PREFIX = re.compile(r"^\W*(read more|read also|also read|related|see also|more|watch|listen)\s*[:|»>]", re.I)
_BULLET = re.compile(r"^\s*([-•*▪●◦–]|\d{1,2}[.)])\s+\S")


class AnyOf:
    """Case-blind search for any of many patterns (written in lower case), as one regex with re.I would, at a
    third of its cost: an ASCII line is lowered once, and the patterns anchored at its start are tried there
    only. Other lines go to the one regex ('İ' lowers to two characters; re.I also matches 'ı' and 'ſ')."""

    def __init__(self, patterns: list[str]) -> None:
        self._stock = re.compile("|".join(f"(?:{p})" for p in patterns), re.I)
        anchored = [p[1:] for p in patterns if p.startswith("^") and not _top_level_alternation(p)]
        anywhere = [p for p in patterns if not (p.startswith("^") and not _top_level_alternation(p))]
        self._at_start = re.compile("|".join(f"(?:{p})" for p in anchored)) if anchored else None
        self._anywhere = re.compile("|".join(f"(?:{p})" for p in anywhere)) if anywhere else None

    def search(self, text: str) -> bool:
        if not text.isascii():
            return bool(self._stock.search(text))
        low = text.lower()
        return bool((self._at_start and self._at_start.match(low)) or (self._anywhere and self._anywhere.search(low)))


def _top_level_alternation(pattern: str) -> bool:
    """Whether `pattern` has a | outside every group and character class ('^a|b' is not anchored as a whole)."""
    depth, in_class, escaped = 0, False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


@dataclass(frozen=True)
class Vocabulary:
    function_words: frozenset[str]
    related_markers: re.Pattern
    furniture: AnyOf
    furniture_strong: AnyOf
    credits: tuple[re.Pattern, ...]
    author_bio: tuple[re.Pattern, ...]


@cache
def vocabulary() -> Vocabulary:
    with open(resource("boilerplate.toml"), "rb") as fh:
        data = tomllib.load(fh)
    return Vocabulary(
        function_words=frozenset(data["function_words"].split()),
        related_markers=re.compile(r"^\W*(?:%s)\W*$" % "|".join(data["related_markers"]), re.I),
        furniture=AnyOf(data["furniture"]),
        furniture_strong=AnyOf(data["furniture_strong"]),
        credits=tuple(re.compile(p) for p in data["credits"]),
        author_bio=tuple(re.compile(p) for p in data["author_bio"]),
    )


@dataclass
class Line:
    """One non-empty line of the page and what it looks like."""

    index: int
    text: str
    words: int
    function_density: float
    sentence_end: bool
    continues: bool
    has_lower_word: bool
    bullet: bool
    foreign_script: bool
    marker: bool
    furniture: bool
    credit: bool
    bio: bool
    lower_share: float = 0.0  # of its words, the share that start with a small letter

    @property
    def prose(self) -> bool:
        """Reads like a paragraph of an article, on its own."""
        if self.furniture or self.credit or self.marker or self.foreign_script or self.bio:
            return False
        if self.sentence_end and self.words >= 8 and self.function_density >= 0.2:
            return True
        return self.words >= 20 and self.function_density >= 0.3

    @property
    def cut_off(self) -> bool:
        """A paragraph that stops mid-sentence, as the last line of a page stored only up to a length does: long,
        written in small letters (no headline), not a teaser ending in an ellipsis."""
        if self.furniture or self.credit or self.marker or self.foreign_script or self.bio or self.sentence_end:
            return False
        worded = self.words >= 8 and self.function_density >= 0.25 and self.lower_share >= 0.5
        # a sentence ended inside it and a long run of small letters after: prose, however few its little words
        sentences = self.words >= 20 and self.lower_share >= 0.6 and bool(_INNER_STOP.search(self.text))
        return (worded or sentences) and not self.text.rstrip().endswith(("…", "...")) \
            and not _SOCIAL.search(self.text)

    @property
    def sentence_like(self) -> bool:
        """A short line that could still be article text: a one-line quote, 'It did not elaborate.'"""
        if self.furniture or self.credit or self.marker or self.foreign_script or self.bio:
            return False
        return (self.sentence_end or self.continues) and self.words >= 3 and self.has_lower_word \
            and self.function_density >= 0.15


_INNER_STOP = re.compile(r"[a-z][.!?]\s+[A-Z]")
# A post shown in the page: a hashtag, a handle or a link ("... 2000 #ATMIS soldiers by 30 Jun")
_SOCIAL = re.compile(r"(?:^|\s)[#@]\w|https?://|pic\.twitter")


# A line this long is a paragraph whatever it holds: its signs are read from its start and end only, so that a
# 35 MB file on one line is judged in milliseconds instead of minutes and gigabytes of word lists.
_PROBE = 4000


def describe(index: int, text: str, latin_page: bool) -> Line:
    line = _describe(index, text if len(text) <= _PROBE else f"{text[:_PROBE // 2]} {text[-_PROBE // 2:]}",
                     latin_page)
    if len(text) > _PROBE:
        line.text = text
    return line


def _describe(index: int, text: str, latin_page: bool) -> Line:
    vocab = vocabulary()
    words = _WORD.findall(text)
    lowered = [w.lower() for w in words]
    n = len(words)
    density = sum(1 for w in lowered if w in vocab.function_words) / n if n else 0.0
    sentence_end = bool(_SENTENCE_END.search(text))
    return Line(
        index=index,
        text=text,
        words=n,
        function_density=density,
        sentence_end=sentence_end,
        continues=bool(_CONTINUES.search(text)),
        has_lower_word=any(w[0].islower() for w in words),
        bullet=bool(_BULLET.match(text)),
        foreign_script=latin_page and _mostly_non_latin(text),
        marker=bool(vocab.related_markers.match(text)),
        furniture=bool(_LINK_PREFIX.match(text)) or _is_menu(text)
        or (not sentence_end and vocab.furniture.search(text))
        or (n <= 60 and vocab.furniture_strong.search(text)),
        credit=n < 30 and any(p.search(text) for p in vocab.credits),
        bio=any(p.search(text) for p in vocab.author_bio),
        lower_share=_lower_share(words),
    )


def _lower_share(words: list[str]) -> float:
    """Of the words made of letters, the share that start with a small letter (figures left out)."""
    lettered = [w for w in words if w[0].isalpha()]
    return sum(1 for w in lettered if w[0].islower()) / len(lettered) if lettered else 0.0


def _is_menu(text: str) -> bool:
    """'World | Politics | Business' or 'Kosovo / Serbia / Bosnia': short items between separators."""
    items = re.split(r"\s+[|/·•»]\s+|\t+", text)
    return len(items) >= 3 and sum(len(i.split()) for i in items) / len(items) <= 4


def _letters(text: str) -> tuple[int, list[str]]:
    """How many ASCII letters `text` has (counted in C), and its other letters (few, in Latin pages)."""
    ascii_letters = len(text.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))
    return ascii_letters, [ch for ch in _NON_ASCII.findall(text) if ch.isalpha()]


_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _mostly_non_latin(text: str) -> bool:
    if text.isascii():
        return False
    ascii_letters, others = _letters(text)
    other = sum(1 for ch in others if ord(ch) > 0x24F and not unicodedata.name(ch, "").startswith("LATIN"))
    return other > 0.5 * (ascii_letters + len(others))


def page_is_latin(text: str) -> bool:
    ascii_letters, others = _letters(text[:20000])
    letters = ascii_letters + len(others)
    return letters > 0 and ascii_letters + sum(1 for ch in others if ord(ch) <= 0x24F) > 0.7 * letters
