"""A page saved as text -> the article's paragraphs and its metadata, with the page furniture left out.

The method is that of jusText and trafilatura applied to lines: each line is judged on its own
(length, sentence punctuation, density of function words, furniture vocabulary, credits, script),
then by its place: the article is the run from the first to the last line that reads like prose,
and inside it, short lines survive unless they carry furniture signs. Above the article, the
headline is the first title-like line; title-like lines between it and the first paragraph
(standfirst, summary points) are article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from missiondesk.corpus import metadata
from missiondesk.corpus.lines import Line, describe, page_is_latin
from missiondesk.corpus.readers import unwrap_lines

_HEADER_SCAN = 40  # lines above the first paragraph searched for the headline
# Bylines, dates and copyright lines are short; a longer line is never read for them (a 35 MB line took minutes).
_META_MAX = 2000
# "NAQOURA, Lebanon —" or "KYIV, Ukraine (AP) —" alone on a line: it opens the first paragraph.
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w .'’-]+)?\s*(?:\([\w .&/-]+\))?\s*[—–-]{1,2}$")


@dataclass
class CleanPage:
    paragraphs: list[str]
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


def clean_page(text: str) -> CleanPage:
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    if _looks_hard_wrapped(text):
        text = _join_blocks(text) if _BLANK_LINE.search(text) else unwrap_lines(text)
    elif _BLANK_LINE.search(text):
        text = _join_wrapped_blocks(text)
    latin = page_is_latin(text)
    rows = _split_credits(_split_date_lines([raw.strip() for raw in text.splitlines() if raw.strip()]))
    rows = _merge_datelines(rows)
    lines = [describe(i, row, latin) for i, row in enumerate(rows)]
    if not lines:
        return CleanPage([])
    captions = _captions(lines)
    keep = _article_lines(lines, captions)
    title_pos = _keep_header(lines, keep, captions)
    page = CleanPage([ln.text for ln, k in zip(lines, keep) if k])
    page.title = lines[title_pos].text if title_pos is not None else None
    _read_metadata(page, lines, keep, title_pos)
    return page


# "date 2020-11-10 Russia sends nearly 2,000 peacekeepers to Karabakh": a stored page's date field, with the
# headline or first paragraph run on after it on the same line
_DATE_FIELD = re.compile(r"^(date \d{4}-\d{2}-\d{2})\s+(\S.*)$")


def _split_date_lines(rows: list[str]) -> list[str]:
    """The date field on a line of its own; the headline after it once, when the page prints it again below."""
    out: list[str] = []
    for pos, row in enumerate(rows):
        found = _DATE_FIELD.match(row)
        if not found:
            out.append(row)
            continue
        out.append(found.group(1))
        if pos + 1 >= len(rows) or rows[pos + 1] != found.group(2):
            out.append(found.group(2))
    return out


# "... TASS said. (Reporting by Maria Kiselyova; Editing by Alison Williams)": a wire credit run on after the
# story's last sentence, on the same line
_TRAILING_CREDIT = re.compile(r"(?<=[.!?\"”])\s+(\((?:Additional )?(?:Reporting|Writing|Editing|Compiled|Translated)\b"
                              r"[^()]*\))\s*$", re.I)


def _split_credits(rows: list[str]) -> list[str]:
    """A wire credit run on after a paragraph's last sentence is a line of its own (the page's furniture); the
    paragraph stays the story's."""
    out: list[str] = []
    for row in rows:
        found = _TRAILING_CREDIT.search(row)
        if found and found.start() > 0:
            out += [row[:found.start()].rstrip(), found.group(1)]
        else:
            out.append(row)
    return out


def _merge_datelines(rows: list[str]) -> list[str]:
    merged: list[str] = []
    for row in rows:
        if merged and _DATELINE.match(merged[-1]):
            merged[-1] = f"{merged[-1]} {row}"
        else:
            merged.append(row)
    return merged


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _join_blocks(text: str) -> str:
    """A hard-wrapped page whose paragraphs are set apart by blank lines: each block of lines is one paragraph,
    whatever letter its lines start with ('... the\nAsia-Pacific region')."""
    blocks = _BLANK_LINE.split(text)
    return "\n\n".join(" ".join(line.strip() for line in block.splitlines() if line.strip()) for block in blocks)


def _join_wrapped_blocks(text: str) -> str:
    """A page with menus around a hard-wrapped story: each block of lines set apart by blank lines that reads as
    one paragraph wrapped ('Armenia intends to increase the number of its peacekeepers in Kosovo\\n from 34 to
    70 in June ...') is joined; other blocks keep their lines."""
    blocks = _BLANK_LINE.split(text)
    return "\n\n".join(" ".join(r.strip() for r in block.splitlines() if r.strip()) if _wrapped_block(block)
                       else block for block in blocks)


def _wrapped_block(block: str) -> bool:
    """Lines of one paragraph wrapped by hand: every line but the last is long (35 characters or more), most
    stop where no sentence ends, and at least one goes on in lower case on the next line."""
    rows = [r.strip() for r in block.splitlines() if r.strip()]
    if len(rows) < 2 or any(len(r) < 35 for r in rows[:-1]):
        return False
    open_ended = [not re.search(r"[.!?\"”:]$", r) for r in rows[:-1]]
    return sum(open_ended) * 2 >= len(open_ended) and any(
        ended and nxt[:1].islower() for ended, nxt in zip(open_ended, rows[1:]))


def _looks_hard_wrapped(text: str) -> bool:
    rows = [r for r in text.splitlines() if r.strip()]
    if len(rows) < 8:
        return False
    wrapped = sum(1 for r in rows if 50 <= len(r) <= 90 and not re.search(r"[.!?\"”]\s*$", r))
    return wrapped > 0.5 * len(rows)


def _captions(lines: list[Line]) -> set[int]:
    """Photo captions repeat: the alt text, then the caption with its credit. Repeated non-prose lines
    and a line that the next few lines repeat with more words are captions (or repeated widgets)."""
    found: set[int] = set()
    for pos, line in enumerate(lines):
        for offset, other in enumerate(lines[pos + 1: pos + 4], pos + 1):
            same = other.text == line.text
            # (not a standfirst the story's first paragraph repeats as a sentence: both are the article's)
            extends = line.words >= 4 and other.text.startswith(line.text) and not line.prose \
                and not (line.words >= 8 and other.prose and not other.credit)
            if same and not line.prose or extends:
                found.update((pos, offset))
    return found


def _furniture(line: Line) -> bool:
    return line.furniture or line.credit or line.marker or line.foreign_script or line.bio


def _article_lines(lines: list[Line], captions: set[int]) -> list[bool]:
    prose = [pos for pos, ln in enumerate(lines) if ln.prose and pos not in captions]
    if not prose:  # a short note: its sentences, if it has any; menus and headlines alone are no article
        return [ln.sentence_like and pos not in captions for pos, ln in enumerate(lines)]
    first, last = prose[0], prose[-1]
    while first > 0 and lines[first - 1].sentence_like and first - 1 not in captions:
        first -= 1
    while last + 1 < len(lines) and lines[last + 1].sentence_like and last + 1 not in captions:
        last += 1
    if last + 2 == len(lines) and lines[-1].cut_off and last + 1 not in captions:
        last += 1  # the page was stored up to a length: its last paragraph stops mid-sentence
    keep = [False] * len(lines)
    in_related = False
    for pos in range(first, last + 1):
        line = lines[pos]
        if line.marker:
            in_related = True  # a block of links to other stories follows
            continue
        if in_related:
            # Links to other stories are headline-long; a subheading is short and a paragraph follows it.
            nxt = lines[pos + 1] if pos + 1 < len(lines) else None
            subheading = line.words <= 5 and nxt is not None and nxt.prose
            if not (line.prose and line.words >= 12 or subheading):
                continue
            in_related = False
        nxt = lines[pos + 1] if pos + 1 < len(lines) else None
        keep[pos] = pos not in captions and _kept_inside(line, nxt)
    return keep


def _kept_inside(line: Line, nxt: Line | None) -> bool:
    """Inside the article, a line stays unless it shows furniture signs or is a stray headline."""
    if _furniture(line):
        return False
    if line.prose or line.sentence_like or line.bullet or (nxt is None and line.cut_off):
        return True
    if _is_meta(line):
        return False  # a byline or date line under a standfirst
    if line.words <= 1:
        # "Try." stays; "Advertisement", "Share", "WORLD" go; a capitalised heading between paragraphs stays
        # ("QATAR" over the paragraph about the troops there)
        return line.sentence_end or (line.text.isupper() and line.text.isalpha() and nxt is not None and nxt.prose)
    continues_below = nxt is not None and nxt.text[:1].islower()
    if line.words >= 6 and not line.continues and not continues_below:
        return False  # the headline of another story, or a caption, set between paragraphs
    return True  # a subheading


def _is_meta(line: Line) -> bool:
    return len(line.text) <= _META_MAX and bool(metadata.parse_byline(line.text) or metadata.is_date_line(line.text)
                or metadata.is_person_name(line.text) or metadata.outlet_from_line(line.text) == line.text)


def _keep_header(lines: list[Line], keep: list[bool], captions: set[int]) -> int | None:
    """Find the headline above the first kept paragraph; keep the standfirst and summary lines below it.
    Returns the headline's position."""
    first = next((pos for pos, k in enumerate(keep) if k), len(lines))
    title_pos = None
    for pos in range(max(0, first - _HEADER_SCAN), first):
        line = lines[pos]
        if pos in captions or _furniture(line) or _is_meta(line):
            continue
        if title_pos is None:
            if line.words >= 4 and line.has_lower_word and metadata.is_title_candidate(line.text, line.words):
                title_pos = pos
        elif line.words >= 6 or line.bullet:
            keep[pos] = True  # standfirst, summary point
    return title_pos


def _read_metadata(page: CleanPage, lines: list[Line], keep: list[bool], title_pos: int | None) -> None:
    kept = [pos for pos, k in enumerate(keep) if k]
    anchor = title_pos if title_pos is not None else (kept[0] if kept else 0)
    outside = [ln for pos, ln in enumerate(lines)
               if not keep[pos] and pos != title_pos and len(ln.text) <= _META_MAX]
    # The date nearest the headline wins (a site's "today" banner sits further up), 'published' first.
    dates = sorted((metadata.date_rank(ln.text), abs(ln.index - anchor), ln.text) for ln in outside
                   if metadata.is_date_line(ln.text))
    for _, _, text in dates:
        page.published = metadata.parse_date(text)
        if page.published:
            break
    for ln in outside:
        byline = metadata.parse_byline(ln.text)
        if byline:
            page.author = page.author or byline[0]
            page.outlet = page.outlet or byline[1]
    if not page.author:
        names = sorted((abs(ln.index - anchor), ln.text) for ln in outside if metadata.is_person_name(ln.text))
        page.author = names[0][1] if names else None
    if page.paragraphs and not page.published:
        page.published = _dateline_date(page.paragraphs[0])
    page.outlet = page.outlet or (metadata.outlet_from_dateline(page.paragraphs[0]) if page.paragraphs else None)
    if not page.outlet:
        for ln in outside:
            page.outlet = metadata.outlet_from_line(ln.text)
            if page.outlet:
                break


def _dateline_date(paragraph: str) -> str | None:
    """'WASHINGTON, March 3, 2024 (Reuters) -': a date inside the opening dateline."""
    head = re.split(r"\s[-–—]\s", paragraph[:120], maxsplit=1)
    return metadata.parse_date(head[0]) if len(head) == 2 else None
