"""What the whole article says that a single sentence does not: its date, its main force and place."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from missiondesk.extract.gazetteer import Mention
from missiondesk.extract.wording import words


def _armed_groups() -> frozenset[str]:
    import json

    from missiondesk.paths import resource

    with open(resource("gazetteers", "organisations.json"), encoding="utf-8") as fh:
        return frozenset(o["name"] for o in json.load(fh) if o["kind"] in ("armed group", "private military company"))


ARMED_GROUPS = _armed_groups()


def _place_tables() -> tuple[frozenset[str], ...]:
    """Country names, regions that span several countries ('Sahel', 'Eastern flank', 'Black Sea'), and the
    regions that are only a grouping of states ('the Baltic states', 'NATO's eastern flank'): troops sent there
    are in one or several of its countries, never in the grouping; the territories two countries dispute
    ('the Golan Heights', 'Kashmir'): troops there are in that place, not in a broad region, but a mission there
    is placed in the country the article names, like one across a broad region; and the continents that are no
    mission's theater (`"theater": false`)."""
    import json

    from missiondesk.paths import resource

    with open(resource("gazetteers", "places.json"), encoding="utf-8") as fh:
        places = json.load(fh)
    countries = frozenset(c["name"] for c in places["countries"])
    broad = frozenset(r["name"] for r in places["regions"]
                      if len(r.get("countries", [])) != 1 and not r.get("disputed"))
    groupings = frozenset(r["name"] for r in places["regions"] if r.get("grouping"))
    disputed = frozenset(r["name"] for r in places["regions"] if r.get("disputed"))
    # continents too wide to be one mission's theater ('France's military presence in Africa' is many deployments)
    no_theaters = frozenset(r["name"] for r in places["regions"] if r.get("theater") is False)
    return countries, broad, groupings, disputed, no_theaters


COUNTRIES, BROAD_REGIONS, GROUPINGS, DISPUTED, NO_THEATERS = _place_tables()
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@dataclass
class DocContext:
    published: str | None
    mentions: list[Mention]
    by_token: dict[int, Mention] = field(default_factory=dict)
    reference_year: int | None = None
    force_counts: Counter = field(default_factory=Counter)
    place_counts: Counter = field(default_factory=Counter)
    missions: list[tuple[int, str]] = field(default_factory=list)  # (token, mission id) the article names

    title_forces: list[str] = field(default_factory=list)
    leaders: list[tuple[int, str]] = field(default_factory=list)  # (token, force): "the Saudi-led coalition"
    located: Counter = field(default_factory=Counter)  # places named as where something is or goes ("in Iraq")
    sides: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, force): who a statement speaks for

    @classmethod
    def build(cls, text: str, published: str | None, mentions: list[Mention],
              title_mentions: list[Mention] = (), doc=None, title_doc=None) -> DocContext:
        ctx = cls(published, mentions)
        placed = _title_places(title_mentions, title_doc)
        ctx.title_forces = [m.force for m in title_mentions if m.force and not _armed_group(m)
                            and id(m) not in placed  # "... troops from Germany", "soldiers in UAE, Lebanon"
                            and not (title_doc is not None and _names_a_topic(m, title_doc, title_mentions))
                            and not (title_doc is not None and _mission_place(m, title_doc))]
        for mention in mentions:
            for i in range(mention.start, mention.end):
                ctx.by_token[i] = mention
            placed_here = doc is not None and (mention.entity.kind == "country" or mention.place is not None) \
                and located(mention, doc)  # read once: it walks the parse
            if mention.entity.kind in ("org", "demonym", "mission", "institution") or (
                    mention.entity.kind == "country" and not placed_here):  # "the Ghana Armed Forces": Ghana acts
                ctx.force_counts[mention.force] += 1
            if doc is not None and leads(mention, doc):
                if mention.force:  # "the Saudi-led coalition": who leads it, not the story's geography
                    ctx.leaders.append((mention.start, mention.force))
            elif mention.place:
                weight = 0.5 if mention.place in BROAD_REGIONS else 1
                if placed_here:
                    weight *= 2  # "troops in Afghanistan", "sent to Mali": where the story happens
                    ctx.located[mention.place] += 1
                elif doc is not None and (acting(mention, doc) or naming_people(mention, doc)
                                          or headquarters(mention, doc)):
                    weight *= 0.5  # "Britain will withdraw", "Poland's contingent", "U.S. officials": the
                    #                government or its people, not a place
                ctx.place_counts[mention.place] += weight
            elif mention.entity.kind == "demonym":
                ctx.place_counts[mention.entity.country] += 1  # "Lithuanian officials": the story's geography
            if mention.entity.kind == "mission":
                ctx.missions.append((mention.start, mention.entity.name))
        if published:
            ctx.reference_year = int(published[:4])
        else:
            years = [int(y) for y in _YEAR.findall(text)]
            ctx.reference_year = max(years) if years else None
        return ctx

    @property
    def reference_date(self) -> str | None:
        if self.published:
            return self.published
        return f"{self.reference_year}-06-30" if self.reference_year else None

    main_mission: str | None = None  # the mission the article names or describes most

    def is_broad(self, place: str) -> bool:
        return place in BROAD_REGIONS

    def main_mission_lead(self) -> str | None:
        if not self.main_mission:
            return None
        from missiondesk.extract.gazetteer import missions

        known = missions().get(self.main_mission)
        return known["lead"] if known else None

    def mission_before(self, token: int) -> str | None:
        """The mission named last before `token`."""
        earlier = [mission for start, mission in self.missions if start < token]
        return earlier[-1] if earlier else None

    def leader_before(self, token: int) -> str | None:
        """The force named last before `token` as leading something ('the Saudi-led coalition')."""
        earlier = [force for start, force in self.leaders if start < token]
        return earlier[-1] if earlier else None

    def side_at(self, char: int) -> str | None:
        """The force the speaker of the statement around character `char` speaks for ('we', 'our')."""
        return next((force for start, end, force in self.sides if start <= char < end), None)

    def main_place(self, besides: str | None = None, owners: frozenset[str] = frozenset()) -> str | None:
        """The place the article names most, other than the force `besides` and the `owners` the sentence
        names as owners of troops."""
        for place, _ in self.place_counts.most_common():
            if place != besides and place not in owners and place not in GROUPINGS:
                return place
        return None

    def main_organisation(self) -> str | None:
        """The alliance or body (not a country, not an armed group) the article names most."""
        for force, _ in self.force_counts.most_common():
            if force and force not in COUNTRIES and force not in ARMED_GROUPS:
                return force
        return None

    def main_force(self, sent=None) -> str | None:
        """The force the article is about: its main mission's lead, the first force its headline names,
        else the most mentioned. In a story of one nation's part in a mission (the headline's country, named
        more than any other force: "Irish peacekeepers depart for Lebanon"), a sentence that names no body
        and no group of countries speaks of that nation's troops."""
        lead = self.main_mission_lead()
        nation = self.story_nation()
        if nation and lead and nation != lead and sent is not None and not self.names_bodies(sent):
            return nation
        if lead and (self.force_counts[lead] or not self.title_forces):
            return lead
        if self.title_forces:  # a mission linked by its place alone, its lead never named: the headline's force
            return self.title_forces[0]
        for force, _ in self.force_counts.most_common():
            if force and force not in ARMED_GROUPS:
                return force
        return None

    def main_force_besides(self, place: str) -> str | None:
        """The force the article names most as an actor, other than `place` and armed groups."""
        for force, _ in self.force_counts.most_common():
            if force and force != place and force not in ARMED_GROUPS:
                return force
        return None

    def contingent_nation(self) -> str | None:
        """The nation whose part of a mission 'the contingent' is: the country the headline names first, when it
        is not the mission's lead nor the place the story happens in."""
        from missiondesk.extract.gazetteer import missions

        known = missions().get(self.main_mission or "")
        hosts = (known["theater"], *known.get("countries", [])) if known else ()
        # "South Sudan: Japanese engineers join UN mission": a headline's label naming the host comes first
        guests = [f for f in self.title_forces if f in COUNTRIES and f not in hosts]
        nation = (guests[0] if guests else self.title_forces[0]) if self.title_forces else self.most_named_country()
        if nation not in COUNTRIES or nation == self.main_mission_lead():
            return None
        if known:  # a mission's host is no contributor to it, wherever the story is told from
            return None if nation in hosts else nation
        most = max(self.located.values(), default=0)
        return None if most and self.located[nation] == most else nation

    def most_named_country(self) -> str | None:
        """With no headline force: the country the article names as a force more than any other country."""
        named = [(n, force) for force, n in self.force_counts.items() if force in COUNTRIES]
        if not named:
            return None
        named.sort(reverse=True)
        return named[0][1] if len(named) == 1 or named[0][0] > named[1][0] else None

    def story_nation(self) -> str | None:
        """The country the headline names first, when the article names it more than any other force."""
        nation = self.title_forces[0] if self.title_forces else None
        if nation not in COUNTRIES or self.located[nation] and \
                self.located[nation] == max(self.located.values()):
            return None  # "US troops leave Iraq": the country the story happens in is not one nation's part
        others = max((n for force, n in self.force_counts.items() if force != nation), default=0)
        return nation if self.force_counts[nation] > others else None

    def names_bodies(self, sent) -> bool:
        """The sentence names an alliance, a body or a mission, or speaks of several countries ('About 40
        countries contribute 47,600 troops')."""
        for i in range(sent.start, sent.end):
            mention = self.by_token.get(i)
            if mention is not None and mention.entity.kind in ("org", "mission") and mention.force not in ARMED_GROUPS:
                return True
            word = sent.doc[i]
            if word.lower_ in _SEVERAL_NATIONS and not (word.text[:1].isupper() and word.i > sent.start and (
                    word.dep_ in ("compound", "amod") and word.head.i > word.i or word.ent_type_ in ("FAC", "ORG"))):
                return True  # not a name's own word: "Mogadishu International Airport"
        return False


_SEVERAL_NATIONS = {"countries", "nations", "contributors", "allies", "partners", "multinational",
                    "troop-contributing", "international"}


# Nouns of a dispute or an event: "Russia-Ukraine tensions", "the Iran deal" name no force in a headline.
_TOPIC_NOUNS = {"tension", "tensions", "war", "wars", "conflict", "crisis", "border", "talks", "deal", "summit",
                "standoff", "row", "dispute", "ties", "relations", "clash", "clashes", "peace", "ceasefire", "truce"}


def _names_a_topic(mention: Mention, title_doc, mentions) -> bool:
    """'Russia-Ukraine tensions', 'Iran deal': a country before a noun of a dispute (through a hyphen and a
    second name) in a headline."""
    i = mention.end
    while i < len(title_doc) and (title_doc[i].text in ("-", "–", "/") or any(m.start == i for m in mentions)):
        i = next((m.end for m in mentions if m.start == i), i + 1)
    return i < len(title_doc) and title_doc[i].lower_ in _TOPIC_NOUNS


_LOCATIVE = {"in", "into", "to", "at", "near", "across", "inside", "throughout", "within"}
_DEPARTING = {"leave", "depart", "head", "sail", "fly", "embark"}  # "left for Haiti": where they go


_MISSION_HEADS = {"mission", "missions", "deployment", "operation", "presence", "contingent"}


def _mission_place(mention: Mention, doc) -> bool:
    """A headline's 'Haiti military mission', 'Iraq deployment': a country's name before a mission noun (and the
    lower-case words describing it) is where the mission is, not the story's force."""
    if mention.entity.kind != "country":
        return False
    for token in doc[mention.end: mention.end + 3]:  # a headline is not parsed: read the words after it
        if token.lower_ in _MISSION_HEADS:
            return True
        if not (token.is_alpha and token.is_lower):
            return False  # "Haiti military mission", not "Haiti, the mission"
    return False


def _title_places(mentions: list[Mention], title_doc) -> set[int]:
    """The countries a headline names after a preposition of place or origin, and those listed on after them
    ('visit soldiers in UAE, Lebanon'): where, not whose."""
    placed: set[int] = set()
    if title_doc is None:
        return placed
    previous = None
    for m in mentions:
        before = title_doc[m.start - 1].lower_ if m.start > 0 else ""
        if m.entity.kind == "country" and (before in _LOCATIVE | {"from", "for", "out"} or before in (
                ",", "and", "&") and previous is not None and id(previous) in placed and previous.end == m.start - 1):
            placed.add(id(m))
        previous = m
    return placed


def head_token(mention: Mention, doc):
    """The word of a name the parse hangs the rest on ('Korea' in 'North Korea')."""
    for i in range(mention.start, mention.end):
        if not mention.start <= doc[i].head.i < mention.end or doc[i].head.i == i:
            return doc[i]
    return doc[mention.end - 1]


def located(mention: Mention, doc) -> bool:
    """'troops in Liberia', 'sent to Mali', 'Romania hosts', 'will leave Mali': a country named as where things
    are or go, which says nothing of whose force the article is about."""
    head = head_token(mention, doc)  # "Republic" in "the Democratic Republic of the Congo", not its last word
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    verb = head.head.lemma_.lower()
    following = [t.lower_ for t in doc[mention.end: mention.end + 2]]
    if headquarters(mention, doc):
        return False  # "a force headquartered at N'Djamena": where its command sits, not where the story happens
    return (head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE
            or head.dep_ == "pobj" and head.head.lower_ == "for" and head.head.head.lemma_.lower() in _DEPARTING
            or following in (["-", "based"], ["‐", "based"])  # "the Germany-based regiment"
            or head.dep_ == "nsubj" and verb in words("host_verbs")
            or head.dep_ == "dobj" and verb in words("movement_verbs"))


_HEADQUARTERED = {"headquarter", "headquartered"}


def headquartered(token) -> bool:
    """'headquartered', 'headquarter': the word that says where a force has its headquarters."""
    return token.lemma_.lower() in _HEADQUARTERED or token.lower_ in _HEADQUARTERED


def headquarters(mention: Mention, doc) -> bool:
    """'a force headquartered at N'Djamena, the capital of Chad': where a force has its headquarters."""
    tok = doc[mention.end - 1]
    for _ in range(5):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if headquartered(tok):
            return True
    return False


# Nouns a country's possessive makes a place of: "Syria's coast", "Yemen's north".
PLACE_NOUNS = frozenset({"soil", "territory", "capital", "province", "border", "coast", "region", "country", "bases",
                         "base", "north", "south", "east", "west", "frontier", "city", "town", "village", "port",
                         "district", "airport", "countryside", "desert", "mountains", "waters"})


def acting(mention: Mention, doc) -> bool:
    """'Britain will withdraw', 'Washington has signalled', 'Poland's contingent': a country acting or owning
    (not 'Yemen's north', a place)."""
    head = doc[mention.end - 1]
    if head.dep_ == "poss" or any(c.lower_ in ("'s", "’s") for c in head.children):
        return head.head.lower_ not in PLACE_NOUNS
    head = first_named(head)
    if head.dep_ == "dobj" and any(c.dep_ == "xcomp" and c.i > head.i and any(a.lower_ == "to" for a in c.children)
                                   for c in head.head.children):
        return True  # "prompting Honduras to follow", "urged Germany to send": the one who is to do it
    return head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() != "be"


def first_named(token):
    """The first of names joined by 'and': in "Germany and Italy will send", Italy stands where Germany does,
    as the subject."""
    while token.dep_ == "conj" and token.head.i < token.i and token.head.pos_ == "PROPN":
        token = token.head
    return token


def naming_people(mention: Mention, doc) -> bool:
    """'U.S. officials', 'U.S. troops': a country naming whose people, not a place ('the Syria border' is one)."""
    head = doc[mention.end - 1]
    return mention.entity.kind == "country" and head.dep_ in ("compound", "amod") and \
        head.head.pos_ == "NOUN" and head.head.lower_ not in PLACE_NOUNS


def leads(mention: Mention, doc) -> bool:
    """'a U.S.-led mission', 'the French led operation', 'the Saudi-owned newspaper': who leads, owns or backs,
    not where."""
    following = [t.lower_ for t in doc[mention.end: mention.end + 2]]
    lead = words("lead_words")
    return bool(following) and (following[0] in lead or
                                following[0] in ("-", "‐") and following[1:2] != [] and following[1] in lead)


def _armed_group(mention: Mention) -> bool:
    return mention.force in ARMED_GROUPS
