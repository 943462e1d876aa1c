"""Quoted passages in an article: straight, curly and guillemet double quotes, British single quotes.
A quote that never closes ends with its paragraph, so a stray mark never swallows the rest of the article."""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN_DOUBLE = "“«„"
_CLOSE_DOUBLE = "”»"
_WORD = re.compile(r"\w+")
_STRAIGHT_DOUBLE = '"″'  # a double prime typed for a straight mark: its side comes from its neighbours
_DOUBLE_MARK = re.compile("[" + re.escape(_OPEN_DOUBLE + _CLOSE_DOUBLE + _STRAIGHT_DOUBLE) + "]")


@dataclass(frozen=True)
class Quote:
    start: int  # the opening mark, in document characters
    end: int  # just past the closing mark (or the paragraph's end when it never closes)
    inner_start: int
    inner_end: int
    closed: bool
    opens_paragraph: bool

    def text(self, doc_text: str) -> str:
        return doc_text[self.inner_start:self.inner_end].strip().rstrip(",").strip()

    def words(self, doc_text: str) -> int:
        return len(_WORD.findall(doc_text[self.inner_start:self.inner_end]))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blocks separated by blank lines, or lines when there are none."""
    spans, pos = [], 0
    for block in re.split(r"(\n\s*\n)", text):
        if block.strip() and not re.fullmatch(r"\n\s*\n", block):
            lead = len(block) - len(block.lstrip())
            spans.append((pos + lead, pos + len(block.rstrip())))
        pos += len(block)
    return spans


def find_quotes(text: str) -> list[Quote]:
    found: list[Quote] = []
    for start, end in paragraphs(text):
        chunk = text[start:end]
        doubles = _double_quotes(chunk, start)
        found.extend(doubles if doubles or not _has_single_quotes(chunk) else _single_quotes(chunk, start))
    return found


def _double_quotes(chunk: str, base: int) -> list[Quote]:
    """Pair double quote marks. A straight mark's side comes from its neighbours: after a space it opens,
    before a space or punctuation it closes. A closing mark with nothing open means the opening mark is
    missing at the paragraph's start, when an attribution follows it; otherwise it is a stray mark."""
    quotes, opened = [], None
    i = 0
    while (mark := _DOUBLE_MARK.search(chunk, i)) is not None:
        i = mark.start()
        ch = chunk[i]
        if i + 1 < len(chunk) and chunk[i + 1] == ch and ch in '"“″':
            i += 1  # a doubled mark (""We ...) is one mark
        side = _side(chunk, i, ch)
        if side == "open":
            if opened is not None:
                quotes.append(_quote(base, opened, i, False, chunk))  # the previous quote never closed
            opened = i
        elif side == "close":
            if opened is not None:
                quotes.append(_quote(base, opened, i + 1, True))
                opened = None
            elif _ATTRIBUTION.match(chunk, i + 1) and not quotes:
                quotes.append(Quote(base, base + i + 1, base, base + i, True, True))
            elif quotes and quotes[-1].closed and (resumed := _resumed_at(chunk, quotes[-1].end - base, i)):
                # '“There are 1,890 instructors,” RIA quoted X as saying. The government wants more.”': the
                # opening mark of a quote that goes on after its attribution was lost; it begins with the
                # sentence after the attribution
                quotes.append(Quote(base + resumed, base + i + 1, base + resumed, base + i, True, False))
        i += 1
    if opened is not None:
        quotes.append(_quote(base, opened, len(chunk), False, chunk))
    return quotes


def _side(chunk: str, i: int, ch: str) -> str:
    if ch in _OPEN_DOUBLE:
        return "open"
    before = chunk[i - 1] if i > 0 else " "
    after = chunk[i + 1] if i + 1 < len(chunk) else " "
    if ch in _CLOSE_DOUBLE:
        # 'said:”The troops ...,” he said': a closing mark typed to open, after a space or colon and glued to
        # the word it opens on
        return "open" if (before.isspace() or before in ":(" or i == 0) and after.isalnum() else "close"
    if before.isspace() or before in "([{—–-:/" or i == 0:
        return "open" if not after.isspace() else "close"
    if after.isspace() or after in ".,;:!?)]—–-" or i + 1 == len(chunk):
        return "close"
    if before in ",.!?" and after.isalpha():
        return "close"  # '"... to the Taliban,"the Department said': the space after the mark was lost
    return "open"


def _resumed_at(chunk: str, after: int, close: int) -> int | None:
    """Where a quote whose opening mark was lost starts again: the first sentence after the last quote and its
    attribution, when that sentence attributes nothing itself and ends at the closing mark."""
    found = re.search(r"[.!?]\s+(?=[A-Z])", chunk[after:close])
    if found is None:
        return None
    start = after + found.end()
    inner = chunk[start:close]
    if len(inner.split()) < 4 or _ATTRIBUTION_INSIDE.search(inner) or re.search(r"[“”\"]", inner):
        return None
    return start


_ATTRIBUTION = re.compile(r"\s*[,—–-]?\s+(?:(?:the|a|an)\s+)?(?:[\w'’.-]+\s+){0,7}?"
                          r"(?:said|says|added|told|warned|wrote|asked)\b")


_ATTRIBUTION_INSIDE = re.compile(r"[,—–-]\s+(?:(?:the|a|an)\s+)?(?:[\w'’.-]+\s+){0,7}?"
                                 r"(?:said|says|added|told|warned|wrote|asked)\b")


def _quote(base: int, open_at: int, end: int, closed: bool, chunk: str | None = None) -> Quote:
    inner_end = end - 1 if closed else end
    if not closed and chunk is not None:
        # A quote that never closes but runs into its own attribution ("We will stay, he said. ...")
        # ends where the attribution starts, so the sentences after it stay outside the quote.
        cut = _ATTRIBUTION_INSIDE.search(chunk, open_at + 1, end)
        if cut:
            inner_end = end = cut.start()
    return Quote(base + open_at, base + end, base + open_at + 1, base + inner_end, closed, open_at == 0)


_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))['‘](?=[A-Za-z0-9(\[])")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?)\]])['’′](?=$|[\s.,;:!?)\]—–-])")  # a prime may close: ‘Tower 22′


def _has_single_quotes(chunk: str) -> bool:
    return bool(_SINGLE_OPEN.search(chunk))


def _single_quotes(chunk: str, base: int) -> list[Quote]:
    """British style: 'We will stay,' he said. Apostrophes inside words (Nato's, don't) are not marks."""
    quotes = []
    pos = 0
    while True:
        opening = _SINGLE_OPEN.search(chunk, pos)
        if not opening:
            break
        closing = None
        for candidate in _SINGLE_CLOSE.finditer(chunk, opening.end()):
            before = chunk[candidate.start() - 1]
            after = chunk[candidate.end():candidate.end() + 1]
            if before == "s" and after == " " and not chunk[candidate.start() - 2: candidate.start()].endswith(("ss",)):
                # "the allies' decision": a plural possessive, unless a comma or stop ends the quote
                nxt = chunk[candidate.end():].lstrip()[:1]
                if nxt and nxt.islower():
                    continue
            closing = candidate
            break
        if closing is None:
            quotes.append(_quote(base, opening.start(), len(chunk), False, chunk))
            break
        quotes.append(_quote(base, opening.start(), closing.end(), True))
        pos = closing.end()
    return quotes
