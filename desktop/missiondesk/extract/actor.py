"""A speaker as one article names it, before the corpus's actor registry (facts/actors.py) joins the articles."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Actor:
    name: str  # canonical: "Jens Stoltenberg", "NATO", "senior US official"
    kind: str  # person | body | anonymous
    role: str | None = None
    gender: str | None = None  # m | f | None
    plural: bool = False
    text: str = ""  # as the article words it
    nouns: set[str] = field(default_factory=set)  # head nouns that can refer back: official, statement...
