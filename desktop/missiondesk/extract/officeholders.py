"""Who holds an office when (resources/gazetteers/officeholders.json), people's canonical names and their
gender, from the gazetteer or their first name."""

from __future__ import annotations

import json
import re
from functools import cache

from missiondesk.paths import resource


@cache
def _officeholders() -> tuple[dict[str, dict], dict[str, str]]:
    """Office-holders by canonical name, and every alias -> canonical name."""
    path = resource("gazetteers", "officeholders.json")
    if not path.exists():
        return {}, {}
    people = json.loads(path.read_text(encoding="utf-8"))
    by_name = {p["name"]: p for p in people}
    aliases = {}
    for person in people:
        for alias in [person["name"], *person.get("aliases", [])]:
            aliases[alias.lower()] = person["name"]
    return by_name, aliases


@cache
def people_by_surname() -> dict[str, list[str]]:
    """Office-holders' canonical names by the last word of the name in lower case, in the list's order: a
    lookup instead of a scan of every person."""
    table: dict[str, list[str]] = {}
    for name in _officeholders()[0]:
        table.setdefault(name.split()[-1].lower(), []).append(name)
    return table


@cache
def _first_names() -> dict[str, str]:
    path = resource("gazetteers", "first_names.json")
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {**{n.lower(): "m" for n in data.get("m", [])}, **{n.lower(): "f" for n in data.get("f", [])}}


@cache
def _roles_by_title() -> dict[str, list[tuple[dict, dict]]]:
    """Office-holders' roles by normalised title: a lookup instead of a scan of every person."""
    people, _ = _officeholders()
    table: dict[str, list[tuple[dict, dict]]] = {}
    for person in people.values():
        for role in person.get("roles", []):
            table.setdefault(re.sub(r"[-\s]+", " ", role["title"].lower()).strip(), []).append((person, role))
    return table


def office_holder(org: str | None, title: str, year: int | None) -> str | None:
    """The person holding `title` at `org` in `year` ('NATO', 'Secretary General', 2021 -> Jens Stoltenberg)."""
    title = re.sub(r"[-\s]+", " ", title.lower()).strip()
    found = []
    for person, role in _roles_by_title().get(title, ()):
        if org and role.get("org", "").lower() != org.lower():
            continue
        start = int(str(role.get("from") or "0")[:4])
        end = int(str(role.get("to") or "9999")[:4])
        if year is None or start <= year <= end:
            found.append(person["name"])
    return found[0] if len(found) == 1 else None


def canonical_person(name: str) -> str:
    """A person's name as the article writes it in full: 'Aleksandar Vucic', 'Bashar Assad', 'Mahamat Deby'
    stay so (the office-holder list's spelling is for finding who holds a title, not for renaming); one word
    alone takes the list's full name."""
    if len(name.split()) >= 2:
        return name
    return _officeholders()[1].get(name.lower(), name)


def gender_of(name: str) -> str | None:
    people, aliases = _officeholders()
    person = people.get(aliases.get(name.lower(), ""))
    if person and person.get("gender") in ("m", "f"):
        return person["gender"]
    first = name.split()[0].lower() if name.split() else ""
    return _first_names().get(first)


def _person(name: str) -> dict | None:
    """The office-holder list's entry for a name, an alias, or a surname only one person on the list has."""
    people, aliases = _officeholders()
    canonical = aliases.get(name.lower())
    if canonical is None and len(name.split()) == 1:
        found = people_by_surname().get(name.lower(), [])
        canonical = found[0] if len(found) == 1 else None
    return people.get(canonical or "")


def _in_office(role: dict, year: int | None) -> bool:
    start = int(str(role.get("from") or "0")[:4])
    end = int(str(role.get("to") or "9999")[:4])
    return year is None or start <= year <= end


def country_served(name: str, year: int | None, countries) -> str | None:
    """The country whose office `name` ('Franz Josef Jung', 'Jung') held in `year`, by the office-holder list;
    None when the list does not know the person, the offices were not a country's, or two countries match."""
    person = _person(name)
    if person is None:
        return None
    served = {role["org"] for role in person.get("roles", [])
              if _in_office(role, year) and role.get("org") in countries}
    return served.pop() if len(served) == 1 else None


def held(name: str, title: str, year: int | None, orgs=()) -> bool:
    """Whether `name` held `title` ('prime minister') in `year` by the office-holder list, at one of `orgs` when
    given; 'defense' and 'defence' are one spelling."""
    person = _person(name)
    want = _title_key(title)
    return person is not None and any(
        _title_key(role["title"]) == want and _in_office(role, year) and (not orgs or role.get("org") in orgs)
        for role in person.get("roles", []))


def _title_key(title: str) -> str:
    return re.sub(r"[-\s]+", " ", title.lower()).replace("defense", "defence").strip()


def is_officeholder(name: str) -> bool:
    """The office-holder list knows this name ('Jens Stoltenberg', 'Lord Robertson')."""
    return name.lower() in _officeholders()[1]


def misspelt(one: str, other: str, shortest: int = 3) -> bool:
    """Two spellings of one person's name: the same surname, and given names one letter apart ('Jen' and 'Jens',
    'Carman' and 'Carmen'), each at least `shortest` letters."""
    a, b = one.split(), other.split()
    if len(a) != len(b) or len(a) < 2 or a == b or a[-1].lower() != b[-1].lower():
        return False
    diffs = [(x.lower(), y.lower()) for x, y in zip(a[:-1], b[:-1]) if x.lower() != y.lower()]
    return len(diffs) == 1 and min(map(len, diffs[0])) >= shortest and _one_letter_apart(*diffs[0])


def _one_letter_apart(x: str, y: str) -> bool:
    if abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        return sum(c != d for c, d in zip(x, y)) == 1
    short, long_ = sorted((x, y), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
