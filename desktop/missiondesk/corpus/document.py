"""The records the corpus stage produces."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One article, cleaned. Spans of every fact are offsets into `body`."""

    id: str
    path: str
    title: str
    outlet: str | None
    author: str | None
    published: str | None  # ISO date, YYYY-MM-DD
    body: str
    format: str = "txt"
    warnings: tuple[str, ...] = field(default=())

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "outlet": self.outlet,
            "author": self.author,
            "published": self.published,
            "body": self.body,
        }

    @property
    def word_count(self) -> int:
        return len(self.body.split())


@dataclass(frozen=True)
class LoadError:
    """A file that could not be read, with a sentence a person can act on."""

    path: str
    error: str

    def to_json(self) -> dict:
        return {"path": self.path, "error": self.error}


class UnreadableFile(Exception):
    """Raised by a reader; the message says what is wrong and what to do."""
