"""Names the domain rules recognise: countries, regions, cities, nationalities, organisations, institutions,
missions. Loaded once from resources/gazetteers and matched against spaCy tokens, longest match first."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from functools import cache

from spacy.attrs import IDX, LOWER, ORTH
from spacy.tokens import Span

from missiondesk.extract.sentences import text_of
from missiondesk.paths import resource

MAX_TOKENS = 8


@dataclass(frozen=True)
class Entity:
    kind: str  # country | region | city | demonym | org | institution | mission
    name: str  # canonical country, region or organisation name, or a mission id
    country: str | None = None  # the country a city, demonym or institution stands for, or a region lies in


_SPONSOR_ENDINGS = ("mandated", "backed", "funded", "sanctioned", "authorised", "authorized", "brokered",
                    "sponsored", "supported", "approved", "endorsed")


@dataclass(frozen=True)
class Mention:
    start: int  # token index
    end: int  # token index, exclusive
    entity: Entity
    text: str

    @property
    def force(self) -> str | None:
        """The force this name stands for when it modifies or sends troops ('American' -> United States)."""
        kind = self.entity.kind
        if kind == "org" and self.text.lower().endswith(_SPONSOR_ENDINGS):
            return None  # "UN-mandated", "NATO-backed": authorised or supported by, not made up of
        if kind in ("country", "org"):
            return self.entity.name
        if kind in ("demonym", "institution", "city"):
            return self.entity.country
        if kind == "mission":
            return missions()[self.entity.name]["lead"]
        return None

    @property
    def place(self) -> str | None:
        """The country troops are in when this name is their location ('in Kabul' -> Afghanistan, 'in Darfur'
        -> Sudan); a region across several countries is its own name ('the Sahel')."""
        kind = self.entity.kind
        if kind == "country":
            return self.entity.name
        if kind in ("city", "region"):
            return self.entity.country or self.entity.name
        return None

    @property
    def region(self) -> str | None:
        """The region this name is, when it is one ('Darfur', 'the Sahel')."""
        return self.entity.name if self.entity.kind == "region" else None

    @property
    def theater(self) -> str | None:
        """The theater of the known mission this name is ('KFOR' -> Kosovo), else None."""
        known = missions().get(self.entity.name) if self.entity.kind == "mission" else None
        return known["theater"] if known else None


def _load(name: str):
    with open(resource("gazetteers", name), encoding="utf-8") as fh:
        return json.load(fh)


@cache
def missions() -> dict[str, dict]:
    """The known missions by id. A theater that is a region inside one country ('Darfur') becomes that
    country, the region kept as `region`; a region across countries ('the Sahel') stays, as its own region."""
    inside = region_countries()
    found = {}
    for mission in _load("missions.json"):
        theater = mission["theater"]
        if theater in inside:
            mission = {**mission, "region": theater, "theater": inside[theater] or theater}
        found[mission["id"]] = mission
    return found


@cache
def region_countries() -> dict[str, str | None]:
    """Each region the gazetteer knows -> the one country it lies in, or None when it spans several."""
    return {r["name"]: r.get("in_country") for r in _load("places.json")["regions"]}


@cache
def region_members() -> dict[str, tuple[str, ...]]:
    """Each region the gazetteer knows -> the countries it spans."""
    return {r["name"]: tuple(r.get("countries", ())) for r in _load("places.json")["regions"]}


@cache
def lexicon() -> dict:
    with open(resource("extract", "troops.toml"), "rb") as fh:
        return tomllib.load(fh)


def _entries() -> list[tuple[str, Entity]]:
    places = _load("places.json")
    entries: list[tuple[str, Entity]] = []
    for country in places["countries"]:
        name = country["name"]
        for alias in [name, *country["aliases"]]:
            entries.append((alias, Entity("country", name)))
        for demonym in country["demonyms"]:
            entries.append((demonym, Entity("demonym", name, name)))
        for city in [country.get("capital"), *country.get("cities", [])]:
            if city:
                entries.append((city, Entity("city", city, name)))
    for region in places["regions"]:
        for alias in [region["name"], *region["aliases"]]:
            entries.append((alias, Entity("region", region["name"], region.get("in_country"))))
    for org in _load("organisations.json"):
        for alias in [org["name"], *org["aliases"], *org.get("adjectives", [])]:
            entries.append((alias, Entity("org", org["name"])))
    for surface, country in lexicon()["institutions"].items():
        if country:
            entries.append((surface, Entity("institution", surface, country)))
    for mission in _load("missions.json"):
        for alias in [mission["name"], *mission["aliases"]]:
            entries.append((alias, Entity("mission", mission["id"])))
    return entries


class Gazetteer:
    """Token-sequence lookup. Case matters where the name has capitals ('US' is not 'us', 'Chad' not 'chad')."""

    def __init__(self, tokenizer) -> None:
        self._table: dict[tuple[str, ...], list[tuple[tuple[str, ...], Entity]]] = {}
        for alias, entity in _entries():
            words = tuple(t.text for t in tokenizer(alias))
            if not words or len(words) > MAX_TOKENS:
                continue
            key = tuple(w.lower() for w in words)
            self._table.setdefault(key, []).append((words, entity))
        self._ids: tuple[dict, frozenset] | None = None
        self._fits: dict[tuple, Entity | None] = {}  # (id of a name's entries, its words' ids) -> entity

    def _id_table(self, strings) -> tuple[dict, frozenset]:
        """The table keyed by the string-store ids of its lower-case words (ids are hashes, the same in every
        vocab), and every leading part of its keys (a name's first word, its first two, ...), so that a run of
        words is followed only while some name still starts with it."""
        if self._ids is None:
            by_ids: dict[tuple[int, ...], list] = {}
            for key, entries in self._table.items():
                by_ids[tuple(strings.add(word) for word in key)] = entries
            self._ids = by_ids, frozenset(ids[:size] for ids in by_ids for size in range(1, len(ids) + 1))
        return self._ids

    def find(self, tokens) -> list[Mention]:
        """Non-overlapping mentions in a Doc or Span: the longest names win, then the leftmost."""
        doc = tokens.doc
        offset = tokens.start if isinstance(tokens, Span) else 0
        n = len(tokens)
        strings = doc.vocab.strings
        # words from the doc's arrays, names looked up by their words' ids: no Token is made
        table = doc.to_array([LOWER, ORTH, IDX])[offset:offset + n].tolist() if n else []
        lower_ids = [row[0] for row in table]
        by_ids, prefixes = self._id_table(strings)
        text = text_of(doc)
        candidates: list[Mention] = []
        for i in [i for i, lower_id in enumerate(lower_ids) if (lower_id,) in prefixes]:
            # the names that start here, longest first: the words are followed while a name starts with them
            sizes = []
            size = 1
            while True:
                if (ids := tuple(lower_ids[i:i + size])) in by_ids:
                    sizes.append((size, ids))
                if i + size >= n or tuple(lower_ids[i:i + size + 1]) not in prefixes:
                    break
                size += 1
            for size, ids in reversed(sizes):
                entity = self._entity(by_ids[ids], tuple(row[1] for row in table[i:i + size]), strings)
                if entity is not None:
                    last = table[i + size - 1]
                    candidates.append(Mention(offset + i, offset + i + size, entity,
                                              text[table[i][2]:last[2] + len(strings[last[1]])]))
                    break
        taken: set[int] = set()
        found = []
        for mention in sorted(candidates, key=lambda m: (m.start - m.end, m.start)):
            if not taken.intersection(range(mention.start, mention.end)):
                taken.update(range(mention.start, mention.end))
                found.append(mention)
        return sorted((m for m in found if not _inside_a_longer_name(m, doc, taken)), key=lambda m: m.start)

    def _entity(self, entries: list, orths: tuple[int, ...], strings) -> Entity | None:
        """The first entry whose capitals the words as written fit, or None; remembered per (entries, words)."""
        key = (id(entries), orths)
        if key not in self._fits:
            if len(self._fits) >= _FITS_LIMIT:
                self._fits.clear()
            texts = [strings[orth] for orth in orths]
            self._fits[key] = next((e for words, e in entries if _case_fits(words, texts)), None)
        return self._fits[key]


def _inside_a_longer_name(mention: Mention, doc, taken: set[int]) -> bool:
    """'the Australian-led International Stabilisation Force': a mission's name right after a capitalised word the
    gazetteer does not know (not opening a sentence) is the end of another force's name, not that mission."""
    if mention.entity.kind != "mission" or mention.start == 0 or not mention.text[:1].isupper():
        return False
    before = doc[mention.start - 1]
    return before.i not in taken and before.is_alpha and before.text[:1].isupper() and not before.is_upper \
        and not before.is_sent_start and before.lower_ not in ("the", "a", "an", "operation")


_FITS_LIMIT = 100_000  # (name, words as written) answers remembered before the memo starts afresh


def _case_fits(alias: tuple[str, ...], seen: list[str]) -> bool:
    for want, got in zip(alias, seen):
        letters = [c for c in want if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            # an acronym must be written in capitals: US, not us; one of four letters or more may be written
            # as a word, as some newsrooms do ('Amisom', 'Unifil', 'Minusma')
            if got.upper() != got and not (len(letters) >= 4 and got == want.capitalize()):
                return False
        elif want[:1].isupper() and not got[:1].isupper():
            return False
    return True


@cache
def gazetteer_for(nlp) -> Gazetteer:
    return Gazetteer(nlp.tokenizer)


_MENTIONS = "missiondesk_mentions"


def mentions_in(doc, gazetteer: Gazetteer) -> list[Mention]:
    """The gazetteer's mentions in a whole Doc, found once (the person-name component and the rules both
    need them)."""
    found = doc.user_data.get(_MENTIONS)
    if found is None:
        found = doc.user_data[_MENTIONS] = _named_before(gazetteer.find(doc))
    return found


def _anaphoric(mention: Mention) -> bool:
    """'the alliance': a common noun that stands for an organisation only where the article has named it
    ('the bloc' is the EU by default: the speaker rules tell it from another body that spoke just before)."""
    return mention.entity.kind == "org" and mention.text.lower() == "the alliance"


def _named_before(mentions: list[Mention]) -> list[Mention]:
    """'the alliance' is NATO only in an article that names NATO; in a story of the Saudi-led coalition it is
    that coalition, which the gazetteer does not know."""
    named = {m.entity.name for m in mentions if not _anaphoric(m)}
    return [m for m in mentions if not _anaphoric(m) or m.entity.name in named]
