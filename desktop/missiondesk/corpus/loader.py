"""Paths -> Documents: the corpus stage as the command line, the tests and the window all drive it."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from missiondesk.corpus.clean import clean_page
from missiondesk.corpus.document import Document, LoadError, UnreadableFile
from missiondesk.corpus.files import expand, shown
from missiondesk.corpus.metadata import known_outlet, parse_date
from missiondesk.corpus.readers import RawArticle, read_article

Progress = Callable[[int, int, str], None]

# The longest articles have a few thousand lines and a whole saved page rarely 10,000; judging a line takes some
# 60 microseconds, so a file of millions of lines (minutes) is refused as not one article. In the README.
MAX_LINES = 100_000


@dataclass
class Corpus:
    documents: list[Document] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)
    cancelled: bool = False


def document_id(data: bytes) -> str:
    """Same bytes, same id: adding a file twice is a no-op."""
    return hashlib.sha256(data).hexdigest()[:16]


def read_document(path: Path, shown_as: str | None = None) -> Document:
    """One file -> one Document; raises UnreadableFile."""
    data, raw = read_article(path)
    return build_document(document_id(data), shown_as or shown(path), raw)


def build_document(doc_id: str, path: str, raw: RawArticle) -> Document:
    lines = raw.text.count("\n") + 1
    if lines > MAX_LINES:
        raise UnreadableFile(f"it has {lines:,} lines, far more than one article (the limit is {MAX_LINES:,}); "
                             "split it into one file an article")
    page = clean_page(raw.text)
    if not page.paragraphs:
        raise UnreadableFile("no article text was found in it (only menus, links or captions); open the page and "
                             "save the article's own text")
    body = page.body
    headline = raw.title or page.title
    if headline and _HEADLINE_FIGURE.search(headline) and not _MARKUP.search(headline) and \
            not body.startswith(headline):
        # a headline's figure is a fact of the article ('US to send 3,000 troops to Baltic states'): the headline
        # is shown above the rest as the article's first line
        body = f"{headline}\n\n{body}"
    title = _BULLET.sub("", headline or "") or _first_words(body) or Path(path).stem
    outlet = known_outlet(raw.outlet) if raw.outlet and known_outlet(raw.outlet) else raw.outlet or page.outlet
    published = _iso(raw.published) or page.published
    return Document(id=doc_id, path=path, title=title, outlet=outlet, author=raw.author or page.author,
                    published=published, body=body, format=raw.format)


_HEADLINE_FIGURE = re.compile(r"\d")
_BULLET = re.compile(r"^[\s\-–—•*·]+")  # "- ECOWAS to deploy 1,650 troops": a key-points line shown as a title
_MARKUP = re.compile(r"[\[\]<>=_{}|@#]")  # a page's code or widgets picked as its title, never a headline


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
        return value[:10]
    return parse_date(value)


def _first_words(body: str, limit: int = 90) -> str:
    first = re.split(r"(?<=[.!?])\s", body.strip(), maxsplit=1)[0]
    return first if len(first) <= limit else first[:limit].rsplit(" ", 1)[0] + "…"


def folder_outlet(path: Path, folders: Iterable[Path]) -> str | None:
    """The outlet a file's folder names, for an article that names none itself: a folder called as a known
    outlet ('reuters'), or a subfolder of a folder the analyst added (a folder per outlet is a common way to keep
    a corpus; the added folder itself says nothing: 'articles', 'Downloads')."""
    parent = path.parent
    known = known_outlet(parent.name) if parent.name else None
    if known:
        return known
    for folder in folders:
        if parent != folder and folder in parent.parents:
            return parent.name
    return None


def iter_corpus(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[int, int, Document | LoadError]]:
    """Yield (done, total, document or error) for each file, in order; errors for bad paths come first."""
    paths = list(paths)
    files, errors = expand(paths)
    folders = [Path(p) for p in paths if Path(p).is_dir()]
    total = len(files) + len(errors)
    done = 0
    for error in errors:
        done += 1
        yield done, total, error
    for path in files:
        done += 1
        try:
            document = read_document(path)
            if not document.outlet:
                outlet = folder_outlet(path, folders)
                document = replace(document, outlet=outlet) if outlet else document
            yield done, total, document
        except UnreadableFile as exc:
            yield done, total, LoadError(shown(path), str(exc))
        except Exception as exc:  # a reader bug must not lose the rest of the corpus
            yield done, total, LoadError(shown(path), f"MissionDesk failed while reading it ({type(exc).__name__}); "
                                                      "the other files are not affected: save the article "
                                                      "as plain text and add that, and please report the file")


def load_corpus(paths: Iterable[str | os.PathLike], progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None) -> Corpus:
    """Read every file under `paths`. Duplicate content is kept once; unreadable files become errors."""
    corpus = Corpus()
    for _ in read_into(corpus, paths, progress, cancelled):
        pass
    return corpus


def read_into(corpus: Corpus, paths: Iterable[str | os.PathLike], progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None) -> Iterator[Document]:
    """Read the files under `paths` into `corpus`, yielding each new document as soon as it is read (so that
    extraction can start on it while the rest are read). Duplicates are kept once; errors go to corpus.errors."""
    seen = {d.id for d in corpus.documents}
    for done, total, item in iter_corpus(paths):
        if isinstance(item, LoadError):
            corpus.errors.append(item)
        elif item.id not in seen:
            seen.add(item.id)
            corpus.documents.append(item)
            yield item
        if progress:
            progress(done, total, item.path)
        if cancelled and cancelled():
            corpus.cancelled = True
            return
