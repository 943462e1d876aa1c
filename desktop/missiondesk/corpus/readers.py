"""One reader per file format: bytes -> RawArticle (text plus whatever metadata the format carries)."""

from __future__ import annotations

import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

from missiondesk.corpus.decode import decode_text
from missiondesk.corpus.document import UnreadableFile
from missiondesk.corpus.files import UNSUPPORTED, article_format, not_regular, stat_error
from missiondesk.corpus.word import read_word

MAX_BYTES = 50 * 1024 * 1024  # stated in the README: larger files are refused, not truncated
# A heavy news page has some 20,000 elements; parsing costs about 35 microseconds an element, so a page of
# millions (42 MB of empty tags took minutes and 1.7 GB) is refused before the parser sees it. In the README.
MAX_TAGS = 200_000


@dataclass
class RawArticle:
    """Text as the format gives it; `is_page` says whether it may still carry page furniture."""

    text: str
    format: str
    is_page: bool = True
    title: str | None = None
    author: str | None = None
    published: str | None = None
    outlet: str | None = None


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing anything but a regular file of at most MAX_BYTES."""
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer; the kind of file is then checked on the
        # open descriptor itself, so a file swapped for a pipe or a device after the folder was listed is refused.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except PermissionError:
        raise UnreadableFile("permission denied; make the file readable for your user and add it again") from None
    except IsADirectoryError:
        raise UnreadableFile("this is a folder, not a file; add the folder to read the articles in it") from None
    except OSError as exc:
        raise UnreadableFile(stat_error(exc)) from None
    try:
        info = os.fstat(fd)
        reason = not_regular(info.st_mode)
        if reason:
            raise UnreadableFile(reason)
        if info.st_size > MAX_BYTES:
            raise UnreadableFile(_too_large(info.st_size))
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read(MAX_BYTES + 1)  # never more, even if the file grows while it is read
    except PermissionError:
        raise UnreadableFile("permission denied; make the file readable for your user and add it again") from None
    except OSError as exc:
        raise UnreadableFile(f"the file could not be read ({exc.strerror or exc}); check the disk") from None
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise UnreadableFile(_too_large(len(data)))
    if not data:
        raise UnreadableFile("the file is empty (0 bytes)")
    return data


def _too_large(size: int) -> str:
    return (f"the file is {size / 2**20:.0f} MB, above the {MAX_BYTES // 2**20} MB limit for one article; "
            "split it into smaller files")


def read_article(path: Path) -> tuple[bytes, RawArticle]:
    """Read one file. Raises UnreadableFile with a message a person can act on."""
    fmt = article_format(path)
    if fmt is None:
        raise UnreadableFile(UNSUPPORTED)
    data = read_bytes(path)
    return data, _READERS[fmt](data)


def _read_text(data: bytes) -> RawArticle:
    return RawArticle(decode_text(data), "txt")


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?)|(?<!\w)[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?!\w)", re.M)


def _read_markdown(data: bytes) -> RawArticle:
    text = decode_text(data)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_MARKS.sub("", text)
    return RawArticle(text, "md")


def _read_html(data: bytes) -> RawArticle:
    import trafilatura

    html = decode_text(data)
    tags = html.count("<")
    if tags > MAX_TAGS:
        raise UnreadableFile(f"the page has {tags:,} tags, far more than any article page (a few tens of "
                             f"thousands; the limit is {MAX_TAGS:,}); save the article's text as a .txt file")
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, favor_recall=True, include_comments=False,
                                          include_tables=False)
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken markup
        raise UnreadableFile(f"the page could not be parsed as HTML ({type(exc).__name__}); save it again from the "
                             "browser, or save the article's text as a .txt file") from None
    text = (doc.text or "").strip() if doc else ""
    if not text:
        raise UnreadableFile("the page holds no article text (only scripts, styles or markup); save the article's "
                             "text from the browser instead")
    title = (doc.title or "").strip() or None
    lines = text.splitlines()
    if title and lines and lines[0].strip() == title:
        text = "\n".join(lines[1:])
    return RawArticle(text, "html", is_page=False, title=title, author=doc.author or None,
                      published=doc.date or None, outlet=doc.sitename or None)


# A page of an article draws a few kB of text operators. pypdf unpacks up to 75 MB a stream by default, and a
# file of pages that share one 70 MB stream took half a minute and 400 MB to refuse; 16 MB is still far above
# any real page's content (pictures are not unpacked to read text).
PDF_STREAM_LIMIT = 16 * 1024 * 1024


def _pdf_limits():
    """pypdf's own limits, lowered for reading articles (older pypdf has no configuration: its defaults)."""
    import contextlib

    import pypdf

    apply = getattr(pypdf, "apply_configuration", None)
    if apply is None:
        return contextlib.nullcontext()
    return apply(zlib_maximum_output_length=PDF_STREAM_LIMIT, lzw_maximum_output_length=PDF_STREAM_LIMIT,
                 run_length_maximum_output_length=PDF_STREAM_LIMIT,
                 array_based_stream_maximum_output_length=PDF_STREAM_LIMIT)


def _read_pdf(data: bytes) -> RawArticle:
    with _pdf_limits():
        return _read_pdf_limited(data)


def _read_pdf_limited(data: bytes) -> RawArticle:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableFile("the PDF is encrypted with a password; save an unprotected copy and add that")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
    except UnreadableFile:
        raise
    except LimitReachedError:
        raise UnreadableFile("the PDF unpacks to more data than any article holds (a damaged file or a 'PDF bomb'); "
                             "export the article again, or save its text as a .txt file") from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise UnreadableFile(f"the PDF is damaged and cannot be read ({type(exc).__name__}); "
                             "export it again from its source") from None
    except Exception as exc:  # pypdf's dependencies raise their own errors on some broken files
        if "crypt" in str(exc).lower() or "AES" in str(exc):
            raise UnreadableFile("the PDF is encrypted in a way MissionDesk cannot open; "
                                 "save an unprotected copy and add that") from None
        raise UnreadableFile(f"the PDF could not be read ({type(exc).__name__}); export it again") from None
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text.strip():
        raise UnreadableFile("the PDF has no text layer (a scanned image?); run it through OCR first")
    return RawArticle(unwrap_lines(text), "pdf", title=_pdf_field(info, "/Title"),
                      author=_pdf_field(info, "/Author"))


def _pdf_field(info, key: str) -> str | None:
    try:
        value = info.get(key)
    except Exception:
        return None
    value = str(value).strip() if value else ""
    return value or None


def _read_docx(data: bytes) -> RawArticle:
    text, title, author = read_word(data)
    if not text.strip():
        raise UnreadableFile("the Word document holds no text; check it is the article you meant")
    # The file's creation date is not the article's; the date comes from the text, or stays empty.
    return RawArticle(text, "docx", title=title, author=author)


_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]\s*$")


def unwrap_lines(text: str) -> str:
    """Join hard-wrapped lines (PDF, e-mail) into paragraphs: a line that does not end a sentence and is
    followed by one starting in lower case continues it."""
    out: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if (out and out[-1] and stripped and not _SENTENCE_END.search(out[-1])
                and (stripped[0].islower() or stripped[0].isdigit())):
            # A trailing hyphen is kept: "NATO-led" split at the line end must stay "NATO-led".
            out[-1] = out[-1] + ("" if out[-1].endswith("-") else " ") + stripped
        else:
            out.append(stripped)
    return "\n".join(out)


_READERS = {"txt": _read_text, "md": _read_markdown, "html": _read_html, "pdf": _read_pdf, "docx": _read_docx}
