"""Who is speaking: names with titles and appositives, pronouns, 'the official', surnames, bodies and
anonymous sources, resolved inside an article and made canonical across the corpus."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Span, Token

from missiondesk.extract.context import ARMED_GROUPS, DocContext
from missiondesk.extract.sentences import join_tokens, sentence_of
from missiondesk.paths import resource

_DETERMINERS = {"a", "an", "the", "some", "several", "two", "three", "four", "other", "another", "one", "many",
                "few", "all", "both", "these", "those", "this", "that"}
_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "prof", "prof.", "madam"}
_RANKS = {"gen.", "gen", "general", "maj.", "major", "col.", "colonel", "lt.", "lieutenant", "capt.", "captain",
          "sgt.", "sergeant", "adm.", "admiral", "brig.", "brigadier", "cmdr.", "commander", "cpl.", "corporal",
          "pvt.", "private", "lt", "maj", "col", "brig", "adm", "sgt", "cmdr", "lieut", "lieut.", "lt.-col.",
          "lieutenant-colonel", "lieutenant-general", "major-general", "brigadier-general", "sen.", "sen", "rep.",
          "gov.", "amb.", "pres."}
_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "they": "plural", "we": "plural", "it": "it", "i": "i"}
_TITLE_WORDS = {"secretary", "general", "secretary-general", "minister", "president", "prime", "chief", "head",
                "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "commander", "chancellor",
                "deputy", "defence", "defense", "foreign", "interior", "state", "press", "secretary", "director",
                "chairman", "chair", "king", "queen", "premier", "governor", "senator", "representative",
                "inspector", "acting", "vice", "high", "supreme", "allied", "coordinator", "adviser", "advisor",
                "leader", "officer", "official", "ministry", "department", "office", "nato", "un", "eu", "mp", "cs",
                "lawmaker", "legislator", "congressman", "congresswoman", "mayor", "sheikh", "emir", "crown"}
_OWNED_WORDS = {"statement", "communique", "communiqué", "letter", "post", "tweet", "message"}
_QUANTIFIER_SUBJECTS = {"many", "some", "others", "most", "several", "few", "both", "all"}


@cache
def _lexicon() -> dict:
    with open(resource("extract", "statements.toml"), "rb") as fh:
        return tomllib.load(fh)


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
def _word_set(name: str) -> frozenset[str]:
    """A word list of statements.toml as a set, built once."""
    return frozenset(_lexicon()[name])


@cache
def _reporting_name_list() -> frozenset[str]:
    """Outlets' names (from the outlet gazetteer) and the words for reporters, lower case."""
    names = set(_lexicon()["reporter_words"])
    path = resource("gazetteers", "outlets.json")
    if path.exists():
        for outlet in json.loads(path.read_text(encoding="utf-8")):
            names.update(n.lower() for n in [outlet["name"], *outlet.get("aliases", [])] if len(n) > 2)
    return frozenset(names)


@cache
def _reporting_names() -> re.Pattern:
    """Those names as one pattern over a phrase's lower-case text."""
    names = sorted(map(re.escape, _reporting_name_list()), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(names) + r")\b")


@cache
def _reporting_words() -> frozenset[str]:
    """Every word of those names: a subject with none of them is no reporter, without the pattern."""
    return frozenset(w for name in _reporting_name_list() for w in name.split())


def is_reporter(subject: Token) -> bool:
    """'The New York Times', 'a news agency', 'BBC defence correspondent Paul Wood': a subject that reports
    what others said."""
    words = [t for t in subject.subtree if t.i <= subject.i or t.dep_ in ("compound", "appos", "amod")]
    if not any(t.lower_ in _reporting_words() for t in words):
        return False
    return bool(_reporting_names().search(join_tokens(words).lower()))


@cache
def _first_names() -> dict[str, str]:
    path = resource("gazetteers", "first_names.json")
    if not path.exists():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {**{n.lower(): "m" for n in data.get("m", [])}, **{n.lower(): "f" for n in data.get("f", [])}}


@dataclass
class Actor:
    name: str  # canonical: "Jens Stoltenberg", "NATO", "senior US official"
    kind: str  # person | body | anonymous
    role: str | None = None
    gender: str | None = None  # m | f | None
    plural: bool = False
    text: str = ""  # as the article words it
    nouns: set[str] = field(default_factory=set)  # head nouns that can refer back: official, statement...


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


_PERSONS_BODIES = {"administration", "house", "government", "cabinet", "campaign", "team", "camp"}


class SpeakerResolver:
    """Resolves speakers in one article, in order; remembers who spoke and who was named."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.history: list[Actor] = []
        self.persons: dict[str, Actor] = {}  # surname -> person named in the article
        # (character, actor, as a subject): people named and speakers, in order; a pronoun prefers a subject
        self.timeline: list[tuple[int, Actor, bool]] = []
        self.described: list[tuple[int, Actor]] = []  # (character, actor): bodies and unnamed speakers heard
        self.introduced: list[tuple[int, Actor, str]] = []  # "the spokesman Assane Ba": (character, person, noun)

    # -- people named anywhere: a surname alone later refers to them --------------------------------------
    def note_people(self, doc, quoted=None) -> None:
        """Every person the article names outside quotes: a surname, a pronoun or their title ('the CS', 'the
        minister') later may refer to them. `quoted(char)` tells whether a character is inside a quote."""
        for ent in doc.ents:
            if ent.label_ != "PERSON" or quoted is not None and quoted(ent.start_char):
                continue
            if ent.root.dep_ == "appos" and ent.root.head.ent_type_ == "PERSON":
                continue  # "Marian Tate, an Ohio Republican": a description of the person before, not another
            name = _clean_name(ent)
            if not name:
                continue
            if len(name.split()) >= 2:
                name = canonical_person(name)
                actor = self.persons.setdefault(name.split()[-1].lower(),
                                                Actor(name, "person", gender=gender_of(name), text=name))
            else:
                actor = self.persons.get(name.lower())
                if actor is None:
                    continue
            if actor.gender is None:
                actor.gender = _honorific_gender(ent[0]) or _honorific_gender(ent[-1])
            if actor.role is None:
                actor.role = _title_of(ent)
                actor.nouns |= _role_nouns(actor.role)
            if ent.start >= 2 and doc[ent.start - 2].lower_ == "the" and doc[ent.start - 1].lower_ in _TITLE_NOUNS:
                self.introduced.append((ent.start_char, actor, doc[ent.start - 1].lower_))
            self.timeline.append((ent.start_char, actor, _is_subject(ent.root)))

    def named_later(self, actor: Actor, start: int, end: int) -> Actor | None:
        """'said a spokesman for the AU ... according to the spokesman Assane Ba': the unnamed speaker whom the
        article names soon after, with 'the' and the same noun."""
        if actor.kind != "anonymous" or actor.plural:
            return None
        for at, person, noun in self.introduced:
            if start < at and at - end <= _NAMED_REACH and noun in actor.nouns:
                return person
        return None

    def person_before(self, char: int, within_chars: int) -> Actor | None:
        """The last person named before `char`, when close enough."""
        for at, actor, _ in reversed(self.timeline):
            if at < char:
                return actor if char - at <= within_chars else None
        return None

    def resolve(self, subject: Token, verb: Token | None = None) -> Actor | None:
        low = subject.lower_
        if low in _PRONOUNS:
            return self._pronoun(_PRONOUNS[low], subject)
        if low in _QUANTIFIER_SUBJECTS and not list(subject.children):
            # "some allies accept ..., many favour ...": the group named just before in the sentence
            sent = sentence_of(subject)
            for tok in reversed(list(sent[: subject.i - sent.start])):
                if tok.tag_ in ("NNS", "NNPS") and tok.dep_ in ("nsubj", "nsubjpass") \
                        and tok.lower_ not in _QUANTIFIER_SUBJECTS:
                    return self.resolve(tok, verb)
            return self._last(lambda a: a.plural)
        part = _part_of(subject)
        if part is not None:  # "one of the officials", "some of the ministers": the group speaks
            return self.resolve(part, verb)
        leader = _led_by(subject)
        if leader is not None:  # "a delegation, led by Assistant Secretary X, told ...": X
            found = self.resolve(leader, verb)
            if found is not None and found.kind == "person":
                return found
        phrase = _phrase(subject)
        actor = self._known_body(subject, phrase) or self._generic_body(subject, phrase) \
            or self._title_reference(subject, phrase) or self._document(subject, phrase) \
            or self._persons_body(subject, phrase) or self._name(subject, phrase) \
            or self._name_inside(subject, phrase) or self._body(subject, phrase) \
            or self._possessor(subject) or self._description(subject, phrase)
        if actor is None or actor.kind == "anonymous":
            actor = self._leader_named_before(subject, phrase) or actor
        if actor is not None:
            self._remember(actor, subject.idx)
        return actor

    def _persons_body(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'the Trump administration says', 'the Trump White House announced': a body named by the person who
        leads it speaks as that body, not as the person."""
        head = subject.lemma_.lower()
        if head not in _PERSONS_BODIES:
            return None
        person = next((c for c in subject.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" and (
            c.ent_type_ == "PERSON" or c.lower_ in self.persons or self._full_from_gazetteer(c.text))), None)
        if person is None:
            return None
        if head == "house":
            if not any(c.lower_ == "white" for c in subject.children):
                return None
            return Actor("White House", "body", text=_text(phrase), nouns={"house", "statement"})
        name = f"{person.text} {subject.lower_}"
        return Actor(name, "body", text=_text(phrase), nouns={head, "statement"})

    def _name_inside(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'UNIFIL spokesperson Andrea Tenenti' parsed with 'spokesperson' as head, or 'Zelensky's spokesman,
        Serhiy Nykyforov': the name in apposition or compound, not the owner nor one after a preposition."""
        candidates = [c for c in subject.children if c.dep_ == "appos"] + \
            [c for c in subject.children if c.dep_ in ("compound", "npadvmod") and c.pos_ == "PROPN"] + \
            [t for t in subject.subtree if t.dep_ == "appos" and t.head.i != subject.i and t.i > subject.i
             and t.doc[t.left_edge.i - 1].text == ","]  # ", Colonel X," set off by commas, however it parsed
        for tok in candidates:
            head = tok if tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN" else None
            if head is None or self.ctx.by_token.get(head.i):
                continue
            found = self._name(head, [t for t in head.subtree])
            if found is not None:
                found.role = found.role or _text([t for t in phrase if t.i < min(x.i for x in head.subtree)
                                                  and t.lower_ not in _DETERMINERS]) or None
                return found
        return self._name_ending(subject, phrase)

    def _name_ending(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'the UK's Ambassador to Estonia Ross Allen': a title whose phrase ends in the holder's name. Not
        'a spokesman for President X' nor 'an aide to Y': those speak for the person named."""
        if subject.lower_ not in _TITLE_NOUNS or subject.lower_ in _SPEAKS_FOR or not phrase:
            return None
        last = phrase[-1]
        ent = next((e for e in subject.doc.ents if e.label_ == "PERSON" and e.start <= last.i < e.end), None)
        if ent is None or ent.start <= subject.i or ent.end - 1 != last.i:
            return None
        between = subject.doc[subject.i + 1:ent.start]
        if any(t.lower_ in ("for", "with", "and", "or") or t.text == "," for t in between):
            return None
        found = self._name(last, list(ent))
        if found is not None:
            found.role = found.role or _text([t for t in phrase if t.i < ent.start
                                              and t.lower_ not in _DETERMINERS]) or None
        return found

    def _possessor(self, subject: Token) -> Actor | None:
        """'Lecornu's statement said': the statement's owner speaks."""
        if subject.lemma_.lower() not in _OWNED_WORDS:
            return None
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is None or owner.lower_ in _PRONOUNS or owner.lower_ in ("its", "their", "his", "her"):
            return None
        return self._name(owner, [owner]) or self._body(owner, [owner])

    def _remember(self, actor: Actor, at: int | None = None) -> None:
        self.history.append(actor)
        if at is not None and actor.kind != "person":
            self.described.append((at, actor))
        if actor.kind == "person":
            self.persons.setdefault(actor.name.split()[-1].lower(), actor)
            if at is not None:
                self.timeline.append((at, actor, True))
                self.timeline.sort(key=lambda item: item[0])

    def _last(self, fits) -> Actor | None:
        for actor in reversed(self.history):
            if fits(actor):
                return actor
        return None

    def _pronoun(self, kind: str, subject: Token) -> Actor | None:
        if kind in ("m", "f"):
            # the last person named or heard, of that gender; one named as a subject (or a speaker) wins over
            # one named after them as an object ("X told FRANCE 24's Y ... he said" is X)
            fits = [(at, actor, subj) for at, actor, subj in self.timeline
                    if at < subject.idx and actor.gender in (kind, None)]
            found = fits[-1][1] if fits else None
            subjects = [item for item in fits if item[2]]
            if subjects and fits[-1][2] is False and subject.idx - subjects[-1][0] <= _SUBJECT_REACH:
                found = subjects[-1][1]
        elif kind == "plural":
            found = self._last(lambda a: a.plural or a.kind == "body")
        elif kind == "it":
            found = self._last(lambda a: a.kind == "body" and not a.plural)
        else:
            found = None
        if found is not None:
            self.history.append(found)
        return found

    def _title_reference(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'the CS', 'the Prime Minister', 'the secretary general': a title alone, with 'the', stands for the
        last person named with that title ('Interior Cabinet Secretary Kipchumba Murkomen')."""
        words = [t for t in phrase if t.lower_ not in _DETERMINERS]
        if not words or not any(t.lower_ == "the" for t in phrase if t.i < subject.i) or any(
                t.ent_type_ == "PERSON" for t in words):
            return None
        title = []
        for tok in words:
            if _ABBREVIATION.fullmatch(tok.text) and not self.ctx.by_token.get(tok.i):
                title.append(tok.text)
            elif tok.lower_ in _TITLE_WORDS or tok.lower_ in _TITLE_NOUNS:
                title.append(tok.lower_)
            elif not (self.ctx.by_token.get(tok.i) or tok.text in ("'s", "’s")):
                return None  # "the defence minister's aide", "the new president of the council"
        if not title or not any(t.lower() in _TITLE_NOUNS or _ABBREVIATION.fullmatch(t) for t in title):
            return None
        nouns = {t.lower() for t in title}
        later = max((at for at, actor in self.described if at < subject.idx and actor.nouns & nouns), default=-1)
        for at, actor, _ in reversed(self.timeline):
            if at < later:
                return None  # "a spokesperson for the military said ... The spokesperson said": that one
            if at < subject.idx and actor.kind == "person" and _role_fits(actor.role, title):
                self.history.append(actor)
                return actor
        return None

    def _leader_named_before(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'Gordon Brown flew into Iraq ... The Prime Minister made a visit': a bare 'the president' or 'the
        prime minister' that nothing else resolved is the person named just before as a subject, when that
        person was given no other title. Not 'the US president': a qualified office is the gazetteer's."""
        words = [t for t in phrase if t.lower_ not in _DETERMINERS]
        if not any(t.lower_ == "the" for t in phrase) or not words or any(
                t.lower_ not in _TITLE_WORDS and t.lower_ not in _TITLE_NOUNS for t in words) \
                or any(self.ctx.by_token.get(t.i) for t in words) or not {t.lower_ for t in words} & _LEADER_TITLES:
            return None
        for at, actor, subj in reversed(self.timeline):
            if at >= subject.idx:
                continue
            if subject.idx - at > _SUBJECT_REACH or actor.role:
                return None
            if subj and actor.kind == "person":
                self.history.append(actor)
                return actor
        return None

    def _known_body(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'the Defense Department', 'the State Department', 'the Pentagon': bodies the news names without their
        country."""
        if subject.lemma_.lower() not in ("department", "pentagon"):
            return None
        words = " ".join(t.lower_ for t in phrase if t.lower_ not in _DETERMINERS and not t.is_punct)
        name = _lexicon().get("body_names", {}).get(words)
        return Actor(name, "body", text=_text(phrase), nouns={subject.lemma_.lower(), "statement"}) if name else None

    def _generic_body(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'the pan-African body said', 'the bloc added': the organisation named last before it."""
        if subject.lemma_.lower() not in _GENERIC_BODIES or not any(t.lower_ == "the" for t in phrase) \
                or any(self.ctx.by_token.get(t.i) for t in phrase):
            return None  # "the SADC bloc" names its body: not a reference back
        body = next((m for i, m in sorted(self.ctx.by_token.items(), reverse=True)
                     if i < subject.i and subject.i - i < _DOCUMENT_REACH and m.entity.kind == "org"), None)
        if body is None:
            return None
        return Actor(body.entity.name, "body", text=_text(phrase), nouns={subject.lemma_.lower(), "statement"})

    def _document(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'the resolution stated', 'the adopted text called for', 'a statement signed by the leaders of X':
        a document speaks for whoever wrote it: its signatory, its owner, else the body named last before it."""
        lemma = subject.lemma_.lower()
        if lemma not in _DOCUMENTS:
            return None
        author = next((pobj for acl in subject.children if acl.dep_ == "acl" and acl.lemma_.lower() in _AUTHORED
                       for agent in acl.children if agent.dep_ == "agent"
                       for pobj in agent.children if pobj.dep_ == "pobj"), None)
        if author is not None:  # "a statement signed by the leaders of Armenia", "issued by Kigali"
            for tok in author.subtree:
                mention = self.ctx.by_token.get(tok.i)
                if mention is not None and mention.entity.kind in ("city", "country") and (
                        tok.head.i == author.i or tok.i == author.i):
                    country = mention.entity.country or mention.entity.name
                    return Actor(f"Government of {country}", "body", text=_text(phrase), nouns={lemma, "statement"})
            return self.resolve(author)
        owner = next((c for c in subject.children if c.dep_ in ("poss", "compound")), None)
        if owner is not None and owner.lower_ not in _PRONOUNS and owner.lower_ not in ("its", "their"):
            found = self._name(owner, [owner]) or self._body(owner, [owner])
            if found is None and owner.lemma_.lower() in _MISSION_SPEAKERS:  # "the mission statement"
                mission = self.ctx.mission_before(subject.i) or self.ctx.main_mission
                found = Actor(mission_actor(mission), "body", nouns={lemma, "statement"}) if mission else None
            if found is not None:
                return found
        if lemma in ("statement", "report", "letter") or not any(t.lower_ in ("the", "this") for t in phrase):
            return None  # "the statement said": the last speaker that made one (_description)
        found = self._last(lambda a: a.kind == "body" and lemma in a.nouns)
        if found is not None:
            return found
        body = next((m for i, m in sorted(self.ctx.by_token.items(), reverse=True)
                     if i < subject.i and subject.i - i < _DOCUMENT_REACH
                     and m.entity.kind in ("org", "institution")), None)
        if body is None:
            return None
        return Actor(body.entity.name, "body", text=_text(phrase), nouns={lemma, "statement"})

    def _name(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """A person: 'German Defense Minister Annegret Kramp-Karrenbauer', 'Mr Stoltenberg', 'O'Donnell'."""
        doc = subject.doc
        ent = next((e for e in doc.ents if e.label_ == "PERSON" and e.start <= subject.i < e.end), None)
        name_tokens: list[Token]
        if ent is not None:
            name_tokens = [t for t in ent if t.i <= subject.i or t.pos_ == "PROPN"]
        elif (subject.pos_ == "PROPN" or subject.lower_ in self.persons) and not self.ctx.by_token.get(subject.i):
            name_tokens = [t for t in subject.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"
                           and not self.ctx.by_token.get(t.i)] + [subject]
            if len(name_tokens) == 1 and (subject.lower_ in _TITLE_WORDS or not subject.text[:1].isupper()):
                return None
        else:
            return None
        kept = [t for t in name_tokens if t.lower_ not in _HONORIFICS and t.lower_ not in _RANKS
                and t.text not in ("'s", "’s")]
        while kept and kept[0].lower_ in _TITLE_WORDS and len(kept) > 1 and kept[0].i < subject.i \
                and kept[0].ent_type_ != "PERSON":
            kept = kept[1:]  # "MP Kata'a Al-Rikabi", "Minister Ali Mahamat": the title before the name
        if not kept or all(t.lower_ in _TITLE_WORDS for t in kept):
            return None  # "Secretary General", "Minister": a title, not a name
        name = re.sub(r"['’]s$", "", name_text(kept)).strip()
        if len(name.split()) == 1:
            known = self.persons.get(name.lower())
            if known is None:
                full = self._full_from_gazetteer(name)
                if full is None:
                    return Actor(name, "person", gender=_honorific_gender(subject), text=name, nouns=set())
                name = full
            else:
                name = known.name
        else:  # "Le Drian" after "Jean-Yves Le Drian": the fuller name the article gave
            known = self.persons.get(name.split()[-1].lower())
            words = name.lower().split()
            if known is not None and known.name.lower().split()[-len(words):] == words:
                name = known.name
        name = canonical_person(name)
        role = _role(phrase, name_tokens, subject)
        return Actor(name, "person", role=role, gender=gender_of(name) or _honorific_gender(subject),
                     text=" ".join(t.text for t in phrase), nouns=_role_nouns(role))

    def _full_from_gazetteer(self, surname: str) -> str | None:
        people, _ = _officeholders()
        matches = [p for p in people if p.split()[-1].lower() == surname.lower()]
        year = self.ctx.reference_year
        if len(matches) > 1 and year:
            matches = [p for p in matches if any(int(str(r.get("from") or 0)[:4]) <= year <= int(str(
                r.get("to") or 9999)[:4]) for r in people[p].get("roles", []))]
        return matches[0] if len(matches) == 1 else None

    def _body(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """An organisation or government: 'the Taliban', 'Taliban officials', 'NATO', 'Washington'."""
        mention = self.ctx.by_token.get(subject.i)
        spokes = _word_set("spokes_nouns")
        group_spokes = _word_set("group_spokes_nouns")
        if mention is None and (subject.lower_ in spokes or subject.lower_ in group_spokes):
            for tok in phrase:
                candidate = self.ctx.by_token.get(tok.i)
                if candidate and candidate.entity.kind in ("org", "institution", "mission") and tok.i < subject.i:
                    # "Taliban officials" speak for the Taliban; "EU officials" stay a description
                    if subject.lower_ in spokes or candidate.entity.name in ARMED_GROUPS:
                        mention = candidate
                    break
        if mention is None or mention.entity.kind not in ("org", "country", "institution", "city", "mission"):
            return None
        if mention.start != subject.i and subject.lower_ in ("spokesman", "spokeswoman", "spokesperson") \
                and mention.entity.name not in ARMED_GROUPS:
            return None  # "the MINUSCA spokesperson" is a person, described
        if mention.entity.kind == "city" and subject.dep_ not in ("nsubj", "nsubjpass"):
            return None
        name = mention.entity.name if mention.entity.kind in ("org", "country", "institution") else (
            mission_actor(mention.entity.name) if mention.entity.kind == "mission" else mention.force)
        if mention.entity.kind == "city":
            name = mention.entity.country
        plural = name in ARMED_GROUPS or subject.tag_ == "NNPS" or subject.lower_.endswith("s") and \
            subject.lower_ in spokes
        return Actor(name, "body", plural=plural, text=" ".join(t.text for t in phrase),
                     nouns={subject.lemma_.lower(), "statement", "group"} if name in ARMED_GROUPS
                     else {subject.lemma_.lower(), "statement"})

    def _unnamed_official(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'an official of the Georgian Defence Ministry', 'two Defense Department sources', 'an Irish military
        spokesman': an unnamed official of a named body is that body's, marked '(unnamed official)'."""
        if subject.lemma_.lower() not in _OFFICIAL_NOUNS:
            return None
        words = [t for t in phrase if t.i != subject.i and t.lower_ not in _DETERMINERS and not t.is_punct
                 and t.pos_ != "NUM" and t.lower_ not in _RANK_ADJECTIVES and not _in_clause(t, subject)]
        body_nouns = [t for t in words if t.lemma_.lower() in _BODY_NOUNS]
        org = next((m for m in (self.ctx.by_token.get(t.i) for t in words)
                    if m and m.entity.kind in ("org", "institution", "mission")), None)
        if body_nouns:
            head = body_nouns[-1]
            if head.i > subject.i and not (head.head.dep_ == "pobj" and head.head.head.lower_ in _OF_BODY
                                           or head.dep_ == "pobj" and head.head.lower_ in _OF_BODY):
                return None  # "a source close to the ministry" is not one of its officials
            body_words = [t for t in words if t.i <= head.i and t.lower_ not in _OF_BODY
                          and (t.i > subject.i) == (head.i > subject.i)]
            if not any(t.pos_ == "PROPN" or self.ctx.by_token.get(t.i) for t in body_words):
                return None  # "a military source": no body named
            name = _national_body(head, body_words, self.ctx) or _lexicon().get("body_names", {}).get(
                " ".join(t.lower_ for t in body_words)) or re.sub(r"^(?:the|a|an)\s+", "", _text(body_words))
        elif org is not None and subject.tag_ not in ("NNS", "NNPS"):  # "NATO officials" stay a group
            name = mission_actor(org.entity.name) if org.entity.kind == "mission" else org.entity.name
            name = _lexicon().get("body_names", {}).get(name.lower(), name)  # "a Pentagon spokesman"
        else:
            return None
        return Actor(f"{name} (unnamed official)", "anonymous", plural=subject.tag_ in ("NNS", "NNPS"),
                     text=_text(phrase), nouns={subject.lemma_.lower(), subject.lower_})

    def _member_group(self, subject: Token, words: list[Token]) -> str | None:
        """'other NATO members', 'NATO countries', 'the allies': the members of an alliance, one actor."""
        if subject.lower_ not in _MEMBERS or subject.tag_ not in ("NNS", "NNPS"):
            return None
        for tok in words:
            mention = self.ctx.by_token.get(tok.i)
            if mention and mention.entity.kind == "org":
                return f"{mention.entity.name} allies" if mention.entity.name == "NATO" else \
                    f"{mention.entity.name} member states"
        return None

    def _description(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'a senior US official', 'the official', 'the statement', 'diplomats familiar with the discussions'."""
        lemma = subject.lemma_.lower()
        nouns = _word_set("speaker_nouns")
        if lemma not in nouns and subject.lower_ not in nouns:
            return None
        definite = any(t.lower_ in ("the", "this", "that") for t in subject.lefts)
        body = _national_body(subject, phrase, self.ctx)
        if body is not None:  # "the Georgian Defence Ministry", "Russia's defence ministry", "the Afghan government"
            return Actor(body, "body", text=_text(phrase), nouns={lemma, "statement"})
        unnamed = self._unnamed_official(subject, phrase)
        if unnamed is not None:
            return unnamed
        titled = _title_holder(subject, phrase, self.ctx)
        if titled:  # "NATO's Secretary General", "the Nato secretary general"
            return Actor(titled, "person", role=_text(phrase), gender=gender_of(titled), text=_text(phrase),
                         nouns={lemma})
        if lemma in _MISSION_SPEAKERS:  # "the EU force in Bosnia, EUFOR, said": the mission its phrase names
            named = next((m for m in (self.ctx.by_token.get(t.i) for t in _outside_clauses(subject))
                          if m and m.entity.kind == "mission"), None)
            if named is not None:
                return Actor(mission_actor(named.entity.name), "body", text=_text(phrase),
                             nouns={lemma, "statement"})
        if definite:  # "the official", "the statement", "the ministry": the last one that fits
            found = self._last(lambda a: lemma in a.nouns or subject.lower_ in a.nouns)
            if found is not None:
                self.history.append(found)
                return found
            mission = self.ctx.mission_before(subject.i) or self.ctx.main_mission \
                if lemma in _MISSION_SPEAKERS else None
            if mission:  # "the mission said": the one the article names
                return Actor(mission_actor(mission), "body", text=_text(phrase), nouns={lemma, "statement"})
        words = [t for t in phrase if t.lower_ not in _DETERMINERS or t.i > subject.i]
        author = _author_of_document(subject)
        group = self._member_group(subject, words)
        if group:
            return Actor(group, "anonymous", plural=True, text=_text(words), nouns={lemma, subject.lower_})
        if author is not None:  # "a study commissioned by the US Congress" -> "US Congress study"
            text = f"{_text([t for t in author.subtree if t.lower_ not in _DETERMINERS])} {subject.text}"
        else:
            text = re.sub(r"\s+([,’'])", r"\1", _text(words)).strip(" ,")
        text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
        if not text:
            return None
        plural = subject.tag_ in ("NNS", "NNPS")
        first = words[0] if words else subject
        if first.is_sent_start and first.pos_ != "PROPN" and not first.ent_type_ and not first.text.isupper() \
                and not self.ctx.by_token.get(first.i):
            text = text[:1].lower() + text[1:]  # "Diplomats say" and "diplomats said" are one actor
        return Actor(text, "anonymous", plural=plural, text=text, nouns={lemma, subject.lower_})


_MISSION_SPEAKERS = {"mission", "force", "operation"}
_GENERIC_BODIES = {"body", "bloc", "organisation", "organization", "grouping", "union"}
_DOCUMENTS = {"resolution", "text", "declaration", "communique", "communiqué", "statement", "report", "letter",
              "document", "memo", "memorandum", "charter", "mandate"}
_AUTHORED = {"sign", "issue", "release", "publish", "adopt", "write", "draft", "send"}
_DOCUMENT_REACH = 400  # tokens: how far back the body a document stands for may be named
_OFFICIAL_NOUNS = {"official", "source", "spokesman", "spokeswoman", "spokesperson", "insider"}
_OF_BODY = {"of", "at", "for", "from", "in"}
_BODY_NOUNS = {"ministry", "department", "military", "army", "navy", "government", "embassy", "command", "police",
               "forces", "headquarters", "presidency", "office"}
_RANK_ADJECTIVES = {"senior", "top", "high-ranking", "junior", "former", "another", "other", "one", "two", "three",
                    "several", "some", "many", "anonymous", "unnamed"}
_MINISTRY_FIELDS = re.compile(r"^(?:national\s+)?(?:defen[cs]e|foreign(?:\s+affairs)?|interior|home\s+affairs|"
                              r"security|justice|finance|health|information)$", re.I)
_SUBJECT_REACH = 1500
_NAMED_REACH = 800  # characters: how soon after an unnamed speaker 'the spokesman X' still names them  # characters: how far back a subject still wins a pronoun over a later object
_ABBREVIATION = re.compile(r"[A-Z]{2,4}")
_LEADER_TITLES = {"president", "premier", "chancellor", "minister", "king", "queen", "emir"}
_SPEAKS_FOR = {"spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "representative"}
# nouns that name an office on their own: "the president", "the CS", "the minister"
_TITLE_NOUNS = {"president", "minister", "premier", "chancellor", "secretary", "secretary-general", "chief",
                "commander", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "general",
                "governor", "senator", "king", "queen", "emir", "mayor", "chairman", "director", "coordinator",
                "head", "leader", "adviser", "advisor", "representative", "colonel", "admiral"}


@cache
def _demonyms() -> dict[str, str]:
    """Country -> its first demonym in the gazetteer ('Georgia' -> 'Georgian')."""
    from missiondesk.extract.gazetteer import _entries

    table: dict[str, str] = {}
    for alias, entity in _entries():
        if entity.kind == "demonym" and alias[:1].isupper() and not alias.endswith("s"):
            table.setdefault(entity.name, alias)
    return table


def _national_body(subject: Token, phrase: list[Token], ctx: DocContext) -> str | None:
    """A country's ministry or government, named the way the gold answers and the registry name bodies:
    'the Georgian Defence Ministry' and 'Georgia's defence ministry' -> 'Georgian Ministry of Defence',
    'the Polish government' -> 'Government of Poland'. None when the phrase names no country."""
    lemma = subject.lemma_.lower()
    if lemma not in ("ministry", "government"):
        return None
    country, rest = None, []
    for tok in phrase:
        if tok.tag_ == "VBN" and tok.dep_ == "amod" or tok.head.tag_ == "VBN" and tok.head.dep_ == "amod":
            continue  # "the US-backed Afghan government": the sponsor is not the country
        mention = ctx.by_token.get(tok.i)
        if mention is not None and mention.entity.kind in ("country", "demonym", "city") and tok.i < subject.i:
            country = mention.entity.country or mention.entity.name  # the one next to the noun
            continue
        if tok.i != subject.i and tok.lower_ not in _DETERMINERS and tok.text not in ("'s", "’s", "of") \
                and not tok.is_punct:
            rest.append(tok)
    if country is None:
        return None
    if lemma == "government":
        return f"Government of {country}" if not rest or all(t.pos_ == "ADJ" for t in rest) else None
    field = " ".join(t.text for t in rest if t.i < subject.i) or " ".join(t.text for t in rest)
    if not _MINISTRY_FIELDS.match(field):
        return None
    demonym = _demonyms().get(country, country)
    field = re.sub(r"(?i)defense", "defence", field)  # one spelling, so 'defense ministry' is the same body
    field = re.sub(r"(?i)^foreign$", "foreign affairs", field)
    return f"{demonym} Ministry of {' '.join(w[:1].upper() + w[1:] for w in field.split())}"


def _role_fits(role: str | None, title: list[str]) -> bool:
    """Whether a person's role carries a title: its words ('secretary general' in 'NATO Secretary General')
    or its initials ('CS' for 'Interior Cabinet Secretary')."""
    if not role:
        return False
    words = re.findall(r"[\w-]+", role)
    lower = [w.lower() for w in words]
    for t in title:
        if _ABBREVIATION.fullmatch(t):
            initials = "".join(w[0] for w in words if w[:1].isupper())
            if t not in initials and t.lower() not in lower:
                return False
        elif t not in lower and t not in ("the",):
            return False
    return True


def coordinated(subject: Token) -> list[Token]:
    """'The Afghan government and the UN have urged': the other speakers joined to the subject by 'and'.
    Only names and bodies: 'diplomats and observers' stay one group."""
    if subject.pos_ not in ("PROPN", "NOUN"):
        return []
    others, frontier = [], [subject]
    while frontier:  # "Spain, France and Italy": the parse chains each name to the one before
        nxt = [c for t in frontier for c in t.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
        others += nxt
        frontier = nxt
    named = [subject, *others]
    if not others or not all(t.pos_ == "PROPN" or t.lemma_.lower() in ("government", "ministry", "council")
                             or t.ent_type_ for t in named):
        return []
    return others


def _part_of(subject: Token) -> Token | None:
    """'One of the officials', 'some of the ministers': the group the subject is part of."""
    if subject.lower_ not in ("one", "some", "two", "three", "several", "many", "most", "each", "none", "both"):
        return None
    return next((pobj for prep in subject.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for pobj in prep.children if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN")), None)


def _led_by(subject: Token) -> Token | None:
    """'a delegation, led by X,' / 'a team headed by X': the person at its head."""
    for acl in subject.children:
        if acl.dep_ == "acl" and acl.lemma_.lower() in ("lead", "head", "chair"):
            for agent in acl.children:
                if agent.dep_ == "agent":
                    return next((p for p in agent.children if p.dep_ == "pobj" and p.ent_type_ == "PERSON"), None)
    return None


def _in_clause(token: Token, subject: Token) -> bool:
    """Whether a word of the subject's phrase sits in a clause of its own ('an officer serving with UNIFIL')."""
    head = token
    while head.i != subject.i and head.head.i != head.i:
        if head.pos_ in ("VERB", "AUX"):
            return True
        head = head.head
    return False


def _is_subject(token: Token) -> bool:
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True
    return token.dep_ in ("appos", "compound") and token.head.dep_ in ("nsubj", "nsubjpass")


def _title_of(ent: Span) -> str | None:
    """The title written with a name: the words before it ('Interior Cabinet Secretary Kipchumba Murkomen'),
    or an appositive right after it ('Viktor Bondarev, first deputy chairman of the committee,')."""
    doc = ent.doc
    words = []
    k = ent.start - 1
    while k >= 0 and len(words) < 6:
        tok = doc[k]
        if tok.lower_ in _TITLE_WORDS or tok.lower_ in _TITLE_NOUNS or tok.text in ("'s", "’s") or (
                tok.pos_ in ("PROPN", "ADJ") and tok.text[:1].isupper() and not tok.ent_type_):
            words.append(tok)
            k -= 1
            continue
        break
    while words and words[-1].text in ("'s", "’s"):
        words.pop()
    if words and any(t.lower_ in _TITLE_NOUNS or t.lower_ in _TITLE_WORDS for t in words):
        return join_tokens(words) or None
    if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
        after = []
        for tok in doc[ent.end + 1:min(len(doc), ent.end + 12)]:
            if tok.text in (",", ".", ";", "(") or tok.pos_ == "VERB":
                break
            after.append(tok)
        if after and any(t.lower_ in _TITLE_NOUNS for t in after):
            return join_tokens([t for t in after if t.lower_ not in _DETERMINERS]) or None
    return None


def mission_actor(mission_id: str) -> str:
    """How a mission is named as a speaker: its acronym where it has a word-like one (UNIFIL, KFOR, MINUSMA,
    EUFOR), else its name."""
    from missiondesk.extract.gazetteer import missions

    known = missions().get(mission_id)
    if known is None:
        return mission_id
    acronyms = [a for a in known.get("aliases", []) if re.fullmatch(r"[A-Z]{4,8}", a)]
    return acronyms[0] if acronyms else known["name"]


_WRITTEN = {"study", "report", "assessment", "survey", "review", "analysis", "document", "memo", "letter", "poll",
            "paper", "audit", "investigation", "inquiry"}
_MEMBERS = {"member", "members", "ally", "allies", "country", "countries", "state", "states", "nations", "partners"}


def _author_of_document(subject: Token) -> Token | None:
    if subject.lemma_.lower() not in _WRITTEN:
        return None
    for tok in subject.subtree:
        if tok.dep_ in ("agent", "prep") and tok.lower_ == "by":
            objects = [c for c in tok.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _outside_clauses(subject: Token) -> list[Token]:
    """The subject's words with its appositives but not its relative clauses ('the force, which replaced X')."""
    out = []
    for tok in subject.subtree:
        head = tok  # spaCy makes a new Token on each access: compare positions, not objects
        while head.i != subject.i and head.dep_ not in ("relcl", "acl") and head.head.i != head.i:
            head = head.head
        if head.i == subject.i:
            out.append(tok)
    return out


def _phrase(subject: Token) -> list[Token]:
    """The subject's words without relative clauses or what follows a comma after it ('NATO defence ministers,
    holding a two-day video meeting, decided ...')."""
    keep = []
    for tok in subject.subtree:
        if tok.i > subject.i and (tok.dep_ == "relcl" and tok.head.i == subject.i or tok.text == ","
                                  or tok.dep_ == "cc" and tok.head.i == subject.i and coordinated(subject)):
            break
        keep.append(tok)
    while keep and keep[-1].is_punct:
        keep.pop()
    # cut relative clauses and their words
    out = []
    for tok in keep:
        if any(a.dep_ == "relcl" and a.head.i == subject.i for a in tok.ancestors if a.i > subject.i):
            continue
        out.append(tok)
    return out


def _text(tokens) -> str:
    return join_tokens(tokens)




def _clean_name(ent: Span) -> str:
    kept = [t for t in ent if t.lower_ not in _HONORIFICS and t.lower_ not in _RANKS and t.lower_ not in _TITLE_WORDS]
    return re.sub(r"['’]s$", "", name_text(kept)).strip() if kept else ""


_HYPHENS = {"-", "‐", "‑"}


def name_text(tokens) -> str:
    """A name's words as the article writes them: a hyphen between two of them stays ("Abdel-Rahman",
    "Al-Rikabi"), other skipped words leave a space."""
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens:
        return ""
    doc = tokens[0].doc
    out = [tokens[0].text]
    for prev, tok in zip(tokens, tokens[1:]):
        gap = doc[prev.i + 1:tok.i]
        if len(gap) and all(g.text in _HYPHENS for g in gap):
            out.append(doc.text[prev.idx + len(prev.text):tok.idx])
        elif tok.text in _HYPHENS or prev.text in _HYPHENS:
            out.append(prev.whitespace_)
        else:
            out.append(prev.whitespace_ if tok.i == prev.i + 1 else " ")
        out.append(tok.text)
    return "".join(out).strip()


def _honorific_before(token: Token) -> bool:
    return any(t.lower_ in _HONORIFICS for t in token.lefts)


def _honorific_gender(token: Token) -> str | None:
    for t in token.lefts:
        if t.lower_ in ("mr", "mr.", "sir"):
            return "m"
        if t.lower_ in ("mrs", "mrs.", "ms", "ms.", "dame", "madam"):
            return "f"
    return None


def _role(phrase: list[Token], name_tokens: list[Token], subject: Token) -> str | None:
    """Title words before the name ('German Defense Minister') or an appositive after it."""
    first = min(t.i for t in name_tokens)
    before = [t for t in phrase if t.i < first and t.lower_ not in _DETERMINERS
              and (not t.is_punct or t.text in ("-", "‐", "–"))]
    appos = [c for c in subject.children if c.dep_ == "appos"]
    if appos:
        words = [t for t in appos[0].subtree if not t.is_punct or t.text in ("-", "'s", "’s")]
        text = _text([t for t in words if t.lower_ not in _DETERMINERS or t.i > appos[0].i])
        return text or None
    text = _text(before)
    text = re.sub(r"['’]s$", "", text).strip()
    return text or None


def _role_nouns(role: str | None) -> set[str]:
    if not role:
        return set()
    nouns = _word_set("speaker_nouns")
    return {w for w in re.findall(r"[a-z]+", role.lower()) if w in nouns}


def _title_holder(subject: Token, phrase: list[Token], ctx: DocContext) -> str | None:
    """'NATO's Secretary General', 'the Nato secretary general': an office the gazetteer can name."""
    words = [t for t in phrase if t.lower_ not in _DETERMINERS and t.text not in ("'s", "’s")]
    org = None
    title_words = []
    for tok in words:
        mention = ctx.by_token.get(tok.i)
        if mention and mention.entity.kind in ("org", "country", "demonym", "institution") and org is None:
            org = mention.force
            continue
        title_words.append(tok.text)
    if not title_words:
        return None
    return office_holder(org, " ".join(title_words), ctx.reference_year)
