"""The facts extraction produces. Spans are character offsets into the document's body."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from functools import cache


@dataclass
class MissionMention:
    document: str
    start: int
    end: int
    text: str


@dataclass
class Mission:
    id: str
    name: str
    lead: str | None
    theater: str | None
    start: str | None = None
    end: str | None = None
    aliases: list[str] = field(default_factory=list)
    known: bool = True  # False for a mission the text describes but the gazetteer lacks
    mentions: list[MissionMention] = field(default_factory=list)
    region: str | None = None  # the region the theater lies in, where the gazetteer knows one ("Darfur")
    kind: str | None = None  # nato | un | eu | au | coalition | national

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class TroopCount:
    id: str
    document: str
    value: int
    value_to: int | None
    qualifier: str  # exact | approx | at_least | at_most | range | change
    unit: str
    whose: str | None
    where: str | None
    mission: str | None
    sentence: str
    start: int
    end: int
    period: str = "current"  # current | planned | past
    delta: str | None = None  # "+" for "send 700 more", "-" for "withdraw 2,500"
    derived_from: str | None = None  # "a quarter of more than 10,000"

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class Statement:
    id: str
    document: str
    actor: str
    actor_role: str | None
    kind: str  # direct | reported
    content: str
    sentence: str
    topic: str | None
    mission: str | None
    start: int
    end: int
    actor_text: str | None = None  # the words in the article that name the speaker

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class Extraction:
    missions: list[Mission] = field(default_factory=list)
    troop_counts: list[TroopCount] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)


@cache
def _field_names(cls) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls))


def from_saved(cls, data: dict):
    """A record from the dict its to_json wrote. When the dict has exactly the record's fields (anything this
    version saved) it becomes the record's attributes as it is, skipping __init__ (reopening a large project
    builds hundreds of thousands of records); otherwise __init__ fills defaults and refuses unknown fields."""
    if data.keys() == _field_names(cls):
        record = object.__new__(cls)
        record.__dict__ = data
        return record
    return cls(**data)
