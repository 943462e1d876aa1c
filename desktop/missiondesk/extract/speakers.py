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
          "pvt.", "private", "lt", "maj", "col", "brig", "adm", "sgt", "cmdr"}
_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "they": "plural", "we": "plural", "it": "it", "i": "i"}
_TITLE_WORDS = {"secretary", "general", "secretary-general", "minister", "president", "prime", "chief", "head",
                "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "commander", "chancellor",
                "deputy", "defence", "defense", "foreign", "interior", "state", "press", "secretary", "director",
                "chairman", "chair", "king", "queen", "premier", "governor", "senator", "representative",
                "inspector", "acting", "vice", "high", "supreme", "allied", "coordinator", "adviser", "advisor",
                "leader", "officer", "official", "ministry", "department", "office", "nato", "un", "eu"}
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
    return _officeholders()[1].get(name.lower(), name)


def gender_of(name: str) -> str | None:
    people, aliases = _officeholders()
    person = people.get(aliases.get(name.lower(), ""))
    if person and person.get("gender") in ("m", "f"):
        return person["gender"]
    first = name.split()[0].lower() if name.split() else ""
    return _first_names().get(first)


class SpeakerResolver:
    """Resolves speakers in one article, in order; remembers who spoke and who was named."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.history: list[Actor] = []
        self.persons: dict[str, Actor] = {}  # surname -> person named in the article
        self.timeline: list[tuple[int, Actor]] = []  # (character, actor): people and speakers, in order

    # -- people named anywhere: a surname alone later refers to them --------------------------------------
    def note_people(self, doc) -> None:
        """Every person the article names: a surname or a pronoun later may refer to them."""
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
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
            self.timeline.append((ent.start_char, actor))

    def person_before(self, char: int, within_chars: int) -> Actor | None:
        """The last person named before `char`, when close enough."""
        for at, actor in reversed(self.timeline):
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
        phrase = _phrase(subject)
        actor = self._name(subject, phrase) or self._name_inside(subject, phrase) or self._body(subject, phrase) \
            or self._possessor(subject) or self._description(subject, phrase)
        if actor is not None:
            self._remember(actor, subject.idx)
        return actor

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
        return None

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
        if actor.kind == "person":
            self.persons.setdefault(actor.name.split()[-1].lower(), actor)
            if at is not None:
                self.timeline.append((at, actor))
                self.timeline.sort(key=lambda item: item[0])

    def _last(self, fits) -> Actor | None:
        for actor in reversed(self.history):
            if fits(actor):
                return actor
        return None

    def _pronoun(self, kind: str, subject: Token) -> Actor | None:
        if kind in ("m", "f"):
            found = None
            for at, actor in reversed(self.timeline):  # the last person named or heard, of that gender
                if at < subject.idx and actor.gender in (kind, None):
                    found = actor
                    break
        elif kind == "plural":
            found = self._last(lambda a: a.plural or a.kind == "body")
        elif kind == "it":
            found = self._last(lambda a: a.kind == "body" and not a.plural)
        else:
            found = None
        if found is not None:
            self.history.append(found)
        return found

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
        if not kept or all(t.lower_ in _TITLE_WORDS for t in kept):
            return None  # "Secretary General", "Minister": a title, not a name
        name = re.sub(r"['’]s$", "", join_tokens(kept)).strip()
        if len(name.split()) == 1:
            known = self.persons.get(name.lower())
            if known is None:
                full = self._full_from_gazetteer(name)
                if full is None:
                    return Actor(name, "person", gender=_honorific_gender(subject), text=name, nouns=set())
                name = full
            else:
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
        spokes = set(_lexicon()["spokes_nouns"])
        group_spokes = set(_lexicon()["group_spokes_nouns"])
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
        nouns = set(_lexicon()["speaker_nouns"])
        if lemma not in nouns and subject.lower_ not in nouns:
            return None
        definite = any(t.lower_ in ("the", "this", "that") for t in subject.lefts)
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
        if tok.i > subject.i and (tok.dep_ == "relcl" and tok.head.i == subject.i or tok.text == ","):
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
    return re.sub(r"['’]s$", "", join_tokens(kept)).strip() if kept else ""


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
    nouns = set(_lexicon()["speaker_nouns"])
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
