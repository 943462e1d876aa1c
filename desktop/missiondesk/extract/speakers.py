"""Who is speaking: names with titles and appositives, pronouns, 'the official', surnames, bodies and
anonymous sources, resolved inside an article and made canonical across the corpus. SpeakerResolver holds the
people, pronouns and titles; the speakers an article describes instead of naming are in described_speakers.py,
the words both read by in speaker_words.py and speaker_phrases.py."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import numpy
from spacy.attrs import DEP, POS
from spacy.symbols import PROPN, nsubj
from spacy.tokens import Token

from missiondesk.extract.actor import Actor
from missiondesk.extract.context import COUNTRIES, DocContext
from missiondesk.extract.described_speakers import DescribedSpeakers
from missiondesk.extract.names import _JOINERS
from missiondesk.extract.officeholders import (
    _officeholders,
    canonical_person,
    country_served,
    gender_of,
    held,
    is_officeholder,
    misspelt,
    people_by_surname,
)
from missiondesk.extract.reporters import is_reporter, outlet_named_before
from missiondesk.extract.sentences import sentence_of, text_of
from missiondesk.extract.speaker_bodies import _national_body
from missiondesk.extract.speaker_phrases import (
    _clean_name,
    _honorific_gender,
    _is_subject,
    _keeper_of,
    _led_by,
    _nation_words,
    _part_of,
    _phrase,
    _role,
    _role_fits,
    _role_nouns,
    _text,
    _title_of,
    name_text,
    named_after_title,
    nation_words_in,
    nations_in,
    same_nation,
)
from missiondesk.extract.speaker_words import (
    _ABBREVIATION,
    _BODY_NOUNS,
    _DETERMINERS,
    _DOCUMENTS,
    _FACILITY_WORDS,
    _HONORIFICS,
    _LEADER_TITLES,
    _MILITARY_HEADS,
    _NAMED_REACH,
    _OUTLET_NOUNS,
    _OWNED_WORDS,
    _PRONOUNS,
    _QUANTIFIER_SUBJECTS,
    _RANK_PARTS,
    _RANKS,
    _SPEAKS_FOR,
    _SUBJECT_REACH,
    _TITLE_NOUNS,
    _TITLE_WORDS,
    _lexicon,
    _word_set,
)

_PARTY_CODE = re.compile(r"[A-Z][A-Z0-9]{1,4}")  # "D66", "CDU", "AKP" before a title noun


_EMBASSY = re.compile(r"^(?:the\s+)?([A-Z][\w.'’ -]*?)\s+[Ee]mbassy\s+in\s+([A-Z][\w.'’ -]*?)"
                      r"((?: \(unnamed official\))?)$")


def _embassy(actor: Actor) -> Actor:
    """'the French embassy in Tallinn' -> 'Embassy of France in Estonia': one name for an embassy however the
    article puts it."""
    found = _EMBASSY.match(actor.name)
    if not found:
        return actor
    places = _nation_words(cities=True)
    sender, host = places.get(found.group(1)), places.get(found.group(2))
    if not sender or not host:
        return actor
    return Actor(f"Embassy of {sender} in {host}{found.group(3)}", actor.kind, role=actor.role, text=actor.text,
                 nouns=actor.nouns, plural=actor.plural)


def _set_off_title(text: str, at: int) -> str | None:
    """The title set off by commas just before a name at `at`: 'the Minister for Justice, Equality & Defence, Mr.'
    -> 'Minister for Justice, Equality & Defence'; None when the name is not set off so."""
    before = text[max(0, at - 90):at]
    found = re.search(r"\bthe ((?:[A-Z][\w&'’-]*|for|of|and|&|,)(?:[ ,]+(?:[A-Z][\w&'’-]*|for|of|and|&))*),\s*"
                      r"(?:(?:Mr|Mrs|Ms|Dr|Sir|Dame)\.?\s*)?$", before)
    return found.group(1) if found else None


def _bare(name: str) -> str:
    """A body's name as the text gives it, without its article: 'The UN' -> 'un'."""
    return re.sub(r"^the\s+", "", name.lower())


_REPORTER_NOUNS = {"correspondent", "reporter"}
_PERSONS_BODIES = {"administration", "house", "government", "cabinet", "campaign", "team", "camp"}

# Heads of a body's proper name ("the Maldives National Defence Force", "the Government of Mali") that the
# parse or the name finder take for a person's; ministries and councils are named by the rules for bodies
_PROPER_BODY_HEADS = frozenset({"force", "forces", "government"})
# The last word of a body's name, never of a person's: "the Security Council", "the European Commission"
_INSTITUTION_HEADS = frozenset({"council", "commission", "committee", "assembly", "parliament", "agency",
                                "secretariat", "organization", "organisation", "senate", "congress", "court"})


def _proper_body(subject: Token, phrase: list[Token]) -> Actor | None:
    """A body by its proper name, the capitalised words up to its head and a proper noun after 'of': 'the
    Swedish Armed Forces', 'the Maldives National Defence Force', 'the Government of Mali'. None for a lone
    head ('the Council')."""
    doc = subject.doc
    words = [t for t in phrase if t.i <= subject.i and t.lower_ not in _DETERMINERS and t.text not in ("'s", "’s")
             and (t.text[:1].isupper() or t.lower_ in ("and", "&") and 0 < t.i < subject.i  # "Peace and Security"
                  and doc[t.i - 1].text[:1].isupper() and doc[t.i + 1].text[:1].isupper())]
    if not words or words[-1].i != subject.i or any(t.i < subject.i and t.dep_ == "poss" for t in words):
        return None
    of = next((p for p in subject.children if p.dep_ == "prep" and p.lower_ == "of"), None)
    owner = sorted((t for t in of.subtree if t.lower_ not in _DETERMINERS and (t.text[:1].isupper() or t.lower_ in (
        "and", "&") and doc[t.i - 1].text[:1].isupper() and t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper())),
        key=lambda t: t.i) if of is not None else []
    if len(words) + len(owner) < 2 or words[0].i != min(t.i for t in phrase if t.lower_ not in _DETERMINERS):
        return None
    name = " ".join([*(t.text for t in words), *(["of", *(t.text for t in owner)] if owner else [])])
    return Actor(name, "body", text=_text(phrase), nouns={subject.lower_, subject.lemma_.lower(), "statement"})


# Ranks written short, by the word a later reference uses ("Col. X ... the colonel")
_RANK_WORDS = {"gen": "general", "maj": "major", "col": "colonel", "lt": "lieutenant", "capt": "captain",
               "sgt": "sergeant", "adm": "admiral", "brig": "brigadier", "cmdr": "commander", "cpl": "corporal",
               "pvt": "private", "lieut": "lieutenant", "lt.-col": "colonel", "lieutenant-colonel": "colonel",
               "lieutenant-general": "general", "major-general": "general", "brigadier-general": "general"}

_RANK_NOUNS = frozenset(_RANK_WORDS.values())

# Days and months the parse sometimes hangs on a subject ("the government of Mali last Friday asked")
_CALENDAR_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                             "january", "february", "march", "april", "may", "june", "july", "august", "september",
                             "october", "november", "december"})


_ASIDE = "aside"  # a person named as the subject of a clause about when, where or which
_ASIDE_REACH = 400  # characters


def _subject_kind(token: Token) -> bool | str:
    """True for a main clause's subject, _ASIDE for the subject of a clause set inside it ('when the Minister
    toured the camp'), False for no subject."""
    if not _is_subject(token):
        return False
    subject = token if token.dep_ in ("nsubj", "nsubjpass") else token.head
    return _ASIDE if subject.head.dep_ in ("advcl", "relcl", "acl") else True


@cache
def _official_forces() -> dict[str, list[str]]:
    """Each country's armed forces by their own names, from the institutions list: the whole ("Turkish Armed
    Forces", "Armed Forces of the Philippines") and its army ("Indian Army"); not initials."""
    from missiondesk.extract.gazetteer import lexicon

    out: dict[str, list[str]] = {}
    for name, country in lexicon()["institutions"].items():
        if country and not name.isupper() and _WHOLE_FORCES.search(name):
            out.setdefault(country, []).append(name)
    for country, names in out.items():  # "... Defence Force" and "... Defence Forces": one name, the plural
        out[country] = [n for n in names if n + "s" not in names]
    return out


_INITIALS = re.compile(r"[A-Z][A-Z&]{1,7}")
_SPELLED = re.compile(r"((?:[A-Z][\w'’.-]*(?:\s+(?:of|for|and|the|de|du|des|la|le)\b)*\s+){1,8})\(([A-Z][A-Z&]{1,7})\)")


@lru_cache(maxsize=4)
def spelled_out(text: str) -> dict[str, str]:
    """Initials the text spells out before them in brackets: 'Inter-Services Public Relations (ISPR)' -> {'ISPR':
    'Inter-Services Public Relations'}; the name's capitalised words (and their hyphenated parts) give the
    initials, function words in lower case do not."""
    found: dict[str, str] = {}
    for match in _SPELLED.finditer(text):
        words, initials = match.group(1).split(), match.group(2)
        for start in range(len(words)):
            kept = words[start:]
            if not kept[0][:1].isupper():
                continue
            letters = "".join(part[0] for w in kept if w[:1].isupper() for part in w.split("-") if part[:1].isupper())
            if letters == initials.replace("&", ""):
                found.setdefault(initials, " ".join(kept))
                break
    return found


_WHOLE_FORCES = re.compile(r"(?i)\b(?:armed forces|defen[cs]e forces?|military forces|army)$|^armed forces of")


class _Surnames(dict):
    """Surnames whatever their accents: 'General Traore' is the 'Daniel Sidiki Traoré' named before."""

    @staticmethod
    def _key(name: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))

    def get(self, key, default=None):
        return super().get(self._key(key), default)

    def setdefault(self, key, default=None):
        return super().setdefault(self._key(key), default)

    def __contains__(self, key) -> bool:
        return super().__contains__(self._key(key))

    def __getitem__(self, key):
        return super().__getitem__(self._key(key))

    def __setitem__(self, key, value) -> None:
        super().__setitem__(self._key(key), value)


# What a body issues: "a statement by the army" is the army's word
_ISSUED_PAPERS = {"statement", "communique", "communiqué", "release", "report", "letter", "announcement", "post",
                  "tweet", "message", "notice"}

# a country's forces by a common noun ("Philippine military", "Kenyan army") and a force's own name
_GENERIC_FORCES = re.compile(r"(?i)^(?:the )?[\w' .-]+ (military|army|armed forces|defen[cs]e forces?)$")
_FORCES_NAME = re.compile(r"(?i)\b(?:army|armed forces|defen[cs]e forces?|military)\b")


class SpeakerResolver(DescribedSpeakers):
    """Resolves speakers in one article, in order; remembers who spoke and who was named."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.history: list[Actor] = []
        self.persons: dict[str, Actor] = _Surnames()  # surname -> person named in the article
        # (character, actor, as a subject): people named and speakers, in order; a pronoun prefers a subject
        self.timeline: list[tuple[int, Actor, bool]] = []
        self.described: list[tuple[int, Actor]] = []  # (character, actor): bodies and unnamed speakers heard
        self.introduced: list[tuple[int, Actor, str]] = []  # "the spokesman Assane Ba": (character, person, noun)
        self.bare_names: list[tuple[int, Actor]] = []  # lone capitalised subjects with no entity: maybe surnames
        self.spoken: list[tuple[int, Actor]] = []  # (character, actor): each statement's speaker, in order
        self._doc = None  # the article's parse, for the words it writes in lower case (read when first needed)
        self._lower_words: frozenset[str] | None = None

    def role_of(self, name: str) -> str | None:
        """The title the article gave the person of this name, if any."""
        return next((a.role for a in self.persons.values() if a.name == name and a.role), None)

    def _unlike_words(self, name: str) -> bool:
        """'Ignazio La Russa', not 'Forward Presence Battle': a name of two words or more, none of which the article
        also writes in lower case as a word of its own (a common noun is no part of a person's name)."""
        parts = name.split()
        if len(parts) < 2:
            return False
        if self._lower_words is None:
            self._lower_words = frozenset(t.text for t in self._doc or () if t.is_alpha and t.text.islower())
        return not any(p.lower() in self._lower_words for p in parts if p.lower() not in _JOINERS)

    def _by_given_name(self, name: str) -> Actor | None:
        """'According to Adly' after 'Deputy Defence Minister Adly Zahari': a name the article gave first in one
        person's full name only (many Malay, Indonesian and Arab names are shortened so), that person."""
        low = name.lower()
        found = {a.name: a for a in self.persons.values() if len(a.name.split()) >= 2
                 and a.name.split()[0].lower() == low}
        return next(iter(found.values())) if len(found) == 1 else None

    def spoke(self, at: int, actor: Actor) -> None:
        """`actor` made a statement at character `at`: 'the statement' later may be theirs."""
        self.spoken.append((at, actor))

    # -- people named anywhere: a surname alone later refers to them --------------------------------------
    def note_people(self, doc, quoted=None) -> None:
        """Every person the article names outside quotes: a surname, a pronoun or their title ('the CS', 'the
        minister') later may refer to them. `quoted(char)` tells whether a character is inside a quote."""
        self._doc, self._lower_words = doc, None
        for ent in doc.ents:
            if ent.label_ != "PERSON" or quoted is not None and quoted(ent.start_char):
                continue
            if ent.root.dep_ == "appos" and ent.root.head.ent_type_ == "PERSON" and not any(
                    t.lower_ == "and" for t in doc[ent.root.head.i + 1:ent.start]):
                # "Marian Tate, an Ohio Republican": a description of the person before, not another (but not
                # "Minister X and Foreign Minister Y", which the parse may hang so)
                continue
            if ent.root.dep_ == "compound" and ent.root.head.lower_ in _OUTLET_NOUNS:
                continue  # "La Repubblica newspaper", "the Kathimerini daily": an outlet's name, no person
            if ent[-1].lower_ in _FACILITY_WORDS:
                continue  # "Bagram Air Field", "Camp Lemonnier": a place the tagger took for a person
            name = _clean_name(ent)
            if not name:
                continue
            if len(name.split()) >= 2:
                name = canonical_person(name)
                actor = self.persons.setdefault(name.split()[-1].lower(),
                                                Actor(name, "person", gender=gender_of(name), text=name))
                if misspelt(actor.name, name) and is_officeholder(name) and not is_officeholder(actor.name):
                    actor.name = name  # "Jen Stoltenberg" earlier in the article, "Jens Stoltenberg" here
            else:
                actor = self.persons.get(name.lower())
                if actor is None and _is_subject(ent.root) and name[:1].isupper() and name.lower() not in _TITLE_WORDS:
                    # "Ollongren spoke to ...": a surname alone as a subject is a person; 'the minister' later is them
                    full = canonical_person(self._full_from_gazetteer(name) or name)
                    actor = self.persons.setdefault(name.lower(), Actor(full, "person", gender=gender_of(full),
                                                                        text=name))
                if actor is None:
                    continue
            if actor.gender is None:
                actor.gender = _honorific_gender(ent[0]) or _honorific_gender(ent[-1])
            if actor.role is None:
                actor.role = _title_of(ent)
                actor.nouns |= _role_nouns(actor.role)
            if ent.start >= 2 and doc[ent.start - 2].lower_ == "the" and doc[ent.start - 1].lower_ in _TITLE_NOUNS:
                self.introduced.append((ent.start_char, actor, doc[ent.start - 1].lower_))
            self.timeline.append((ent.start_char, actor, _subject_kind(ent.root)))
        for i in _proper_subjects(doc):  # "Ollongren spoke to the president": a lone surname the tagger gave no entity
            tok = doc[i]
            if not tok.ent_type_ and tok.is_alpha and len(tok) > 2 \
                    and tok.text[:1].isupper() and not tok.text.isupper() and tok.head.pos_ == "VERB" \
                    and not any(c.dep_ in ("compound", "det", "poss", "amod") for c in tok.children) \
                    and not self.ctx.by_token.get(tok.i) and tok.lower_ not in _TITLE_WORDS and not is_reporter(tok) \
                    and (quoted is None or not quoted(tok.idx)):
                name = canonical_person(self._full_from_gazetteer(tok.text) or tok.text)
                self.bare_names.append((tok.idx, Actor(name, "person", gender=gender_of(name), text=tok.text)))

    def named_later(self, actor: Actor, start: int, end: int) -> Actor | None:
        """'said a spokesman for the AU ... according to the spokesman Assane Ba': the unnamed speaker whom the
        article names soon after, with 'the' and the same noun."""
        if actor.kind != "anonymous" or actor.plural:
            return None
        for at, person, noun in self.introduced:
            if start < at and at - end <= _NAMED_REACH and noun in actor.nouns:
                return person
        return self._titled_later(actor, end)

    def _titled_later(self, actor: Actor, end: int) -> Actor | None:
        """'..., the country's defense minister said. ... Romanian Defense Minister Vasile Dancu told reporters';
        '..., a spokesman for the French military said. ... said Lt. Col Guillaume Leroy': an unnamed speaker
        given a title is the person named soon after the statement with that title (and the country the title
        gives, if any), not named before it; a spokesman is the first person named after with only a military rank."""
        words = [w.replace("defence", "defense") for w in re.findall(r"[\w-]+", (actor.text or "").lower())]
        title = [w for w in words if w in _TITLE_NOUNS or w in _TITLE_WORDS and w not in ("nato", "un", "eu")]
        if not title or not any(w in _TITLE_NOUNS for w in title):
            return None
        # the words before the title say whose it is ("Romanian Defense Minister"); those after it ("commander of
        # US forces in the Middle East") say what the holder leads, which the later title may name otherwise
        before = re.split(r"(?i)\b(?:of|for|in|at)\b", actor.text or "", maxsplit=1)[0]
        qualifiers = {w for w in re.findall(r"[\w-]+", before) if w[:1].isupper()
                      and w.lower() not in _TITLE_WORDS and w.lower() not in _TITLE_NOUNS}
        qualifiers -= nation_words_in(before)  # "the DR Congo President": the nation is same_nation's to match
        seen: list[str] = []
        for at, person, subject in self.timeline:
            if at < end or person.kind != "person" or person.name in seen:
                continue
            if at - end > _NAMED_REACH:
                break
            seen.append(person.name)
            if any(a.name == person.name and when < end for when, a, _ in self.timeline):
                continue  # named before: the article would have called them by their name
            role = next((a.role for when, a, _ in self.timeline if when >= end and a.name == person.name and a.role),
                        "") or ""
            role_words = re.findall(r"[\w.-]+", role.lower().replace("defence", "defense"))
            if role_words and set(title) <= set(role_words) and qualifiers <= set(re.findall(r"[\w-]+", role)) \
                    and same_nation(role, actor.text or ""):
                return person
            if not role_words and held(person.name, " ".join(title), self.ctx.reference_year):
                return person  # "the foreign minister told journalists ... Péter Szijjártó said": the list knows
            if len(seen) == 1 and not role_words and subject is True \
                    and (gender_of(person.name) or self._unlike_words(person.name)) \
                    and not is_officeholder(person.name) \
                    and qualifiers <= set(re.findall(r"[\w-]+", person.text or "")):
                # "..., said the country's foreign minister. ... Ann Linde told reporters": the first person named
                # after, as a main clause's subject, with no title of their own (and none the office-holder list
                # gives them), is the one the title stood for
                return person
            if len(seen) == 1 and _rank_only(role_words) and (
                    set(title) & _SPEAKS_FOR or subject is True and set(title) & _MILITARY_HEADS):
                # "a spokesman for the French military" ... "said Lt. Col Guillaume Leroy"; "..., the defense chief
                # said. Air Chief Marshal Angus Houston told a Senate panel": a rank is no other office
                return person
        return None

    def fullest(self, actor: Actor) -> Actor:
        """A person under the fullest name the article gives them, also when that name comes after ('Le Drian
        said ... Foreign Minister Jean-Yves Le Drian added'); a country's armed forces under their own name."""
        if actor.kind in ("body", "anonymous", "person"):
            actor = self._spelled_out(actor)
        if actor.kind in ("body", "anonymous"):
            return self._forces_by_name(_embassy(actor))
        if actor.kind != "person" or not actor.name.split():
            return actor
        known = self.persons.get(actor.name.split()[-1].lower())
        words = actor.name.lower().split()
        if known is not None and known is not actor and misspelt(known.name, actor.name) and \
                is_officeholder(known.name) and not is_officeholder(actor.name):
            # "Jen Stoltenberg" beside "Jens Stoltenberg": one person, under the name the office-holder list knows
            return Actor(known.name, "person", role=actor.role or known.role, gender=actor.gender or known.gender,
                         text=actor.text, nouns=actor.nouns)
        if known is None or known is actor or len(known.name.split()) <= len(words) \
                or known.name.lower().split()[-len(words):] != words:
            return actor
        return Actor(known.name, "person", role=actor.role or known.role, gender=actor.gender or known.gender,
                     text=actor.text, nouns=actor.nouns)

    def _after_a_visit(self, subject: Token) -> Actor | None:
        """'Visiting Kosovo, Foreign Minister Ilkka Kanerva said', 'Speaking at the centre, Jaji, the GOC, Major
        General X, said': in a sentence a participle opens, the parse may make a place (or the participle itself)
        the subject; the person set off after it speaks."""
        doc = subject.doc
        sent = sentence_of(subject)
        opening = doc[sent.start]  # a participle, whatever the tag its capital got it
        if not (opening.tag_ in ("VBG", "VBN") or opening.lower_.endswith("ing")) or subject.ent_type_ == "PERSON":
            return None
        mention = self.ctx.by_token.get(subject.i)
        place = mention is not None and mention.entity.kind in ("country", "city", "region") or \
            subject.ent_type_ in ("GPE", "LOC", "FAC") or subject.pos_ == "PROPN" and not subject.ent_type_
        if not place and subject.i != opening.i:
            return None
        inside = {t.i for t in subject.subtree if t.i > subject.i}
        person = next((e for e in reversed(doc.ents) if e.label_ == "PERSON" and len(e) >= 2
                       and e.start in inside and e.end - 1 in inside), None)
        return self._name(person[-1], list(person)) if person is not None else None

    def _spelled_out(self, actor: Actor) -> Actor:
        """'the ISPR press statement said' after 'Inter-Services Public Relations (ISPR)': a body under the name the
        article spells out for its initials."""
        name, unnamed, suffix = actor.name.partition(" (unnamed official)")
        if not _INITIALS.fullmatch(name) or getattr(self, "_doc", None) is None:
            return actor
        full = spelled_out(text_of(self._doc)).get(name)
        if full is None:
            return actor
        return Actor(full + unnamed + suffix, "anonymous" if unnamed else "body", role=actor.role, text=actor.text,
                     nouns=actor.nouns, plural=actor.plural)

    def _forces_by_name(self, actor: Actor) -> Actor:
        """'the Philippine military said' in an article that also names the Armed Forces of the Philippines: that
        body, when the article names just one armed force of the country by its own name."""
        name, unnamed, suffix = actor.name.partition(" (unnamed official)")
        generic = _GENERIC_FORCES.search(name)
        nations = nations_in(name) if generic else set()
        if len(nations) != 1:
            return actor
        nation = next(iter(nations))
        noun = "army" if generic.group(1).lower() == "army" else ""  # "the Kenyan army" is no navy nor air force
        in_article = {m.entity.name for m in self.ctx.by_token.values() if m.entity.kind == "institution"
                      and m.entity.country == nation and _FORCES_NAME.search(m.entity.name)}
        named = {name for name in in_article if noun in name.lower()}
        if not named:  # none named in the article: the country's own name for them, when the list knows one
            named = {n for n in _official_forces().get(nation, ()) if (noun == "army") == ("army" in n.lower())}
        if not named and noun == "army" and not in_article:
            # "the Austrian army", "the Ugandan army", no armed force of theirs named: a country whose land force
            # has no name of its own is known by its armed forces' name
            named = set(_official_forces().get(nation, ()))
        if len(named) != 1:
            return actor
        return Actor(named.pop() + unnamed + suffix, actor.kind, role=actor.role, text=actor.text, nouns=actor.nouns,
                     plural=actor.plural)

    def person_before(self, char: int, within_chars: int) -> Actor | None:
        """The last person named before `char`, when close enough."""
        for at, actor, _ in reversed(self.timeline):
            if at < char:
                return actor if char - at <= within_chars else None
        return None

    def person_named_at(self, char: int) -> int | None:
        """Where the last person named before `char` was named."""
        return next((at for at, _, _ in reversed(self.timeline) if at < char), None)

    def resolve(self, subject: Token, verb: Token | None = None, phrase: list[Token] | None = None) -> Actor | None:
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
        issuer = next((o for p in subject.children if p.dep_ == "prep" and p.lower_ == "by" for o in p.children
                       if o.dep_ == "pobj"), None) if subject.lemma_.lower() in _ISSUED_PAPERS else None
        if issuer is not None:  # "according to a statement by the Ugandan military": the military
            found = self.resolve(issuer, verb)
            if found is not None:
                return found
        keeper = _keeper_of(subject, _word_set("data_nouns"))
        if keeper is not None:  # "according to Pentagon data": the Pentagon
            return self.resolve(*keeper[:1], verb, keeper[1])
        leader = _led_by(subject)
        if leader is not None:  # "a delegation, led by Assistant Secretary X, told ...": X
            found = self.resolve(leader, verb)
            if found is not None and found.kind == "person":
                return found
        visitor = self._after_a_visit(subject)
        if visitor is not None:
            return visitor
        phrase = phrase or _phrase(subject)
        actor = self._titled_apposition(subject, phrase) or self._name_after_title(subject, phrase) \
            or self._known_body(subject, phrase) or self._ministry_named_before(subject, phrase) \
            or self._generic_body(subject, phrase) \
            or self._title_reference(subject, phrase) or self._document(subject, phrase) \
            or self._persons_body(subject, phrase) or self._name(subject, phrase) \
            or self._name_inside(subject, phrase) or self._body(subject, phrase) \
            or self._possessor(subject) or self._correspondent(subject, phrase) or self._outlet_before(subject) \
            or self._description(subject, phrase)
        if actor is not None and actor.kind == "person" and subject.lower_ in _INSTITUTION_HEADS \
                and subject.ent_type_ != "PERSON":
            actor.kind, actor.gender = "body", None  # "the Commission said": a body ("it"), never a person ("he")
        if actor is not None and actor.kind == "person" and subject.ent_type_ == "PERSON" and is_reporter(subject):
            actor.nouns |= _REPORTER_NOUNS  # "the BBC's Ian Pannell": 'our correspondent' later is him
        if actor is None or actor.kind == "anonymous":
            actor = self._leader_named_before(subject, phrase) or actor
        if actor is None or actor.kind == "anonymous":
            actor = self._holder_named_before(subject, phrase) or actor
        if actor is None or actor.kind == "anonymous":
            actor = self._named_next(subject, phrase) or actor
        if actor is not None:
            self._remember(actor, subject.idx)
        return actor

    def _named_next(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'Poland will withdraw its 1,700 soldiers, the defense minister said Tuesday. Jerzy Kowalski said it would
        take weeks': a bare office in an article's opening sentence, no holder named before, is the person named in
        full as the next sentence's speaker, given no other title (the wire services' lead-then-name style)."""
        words = [t for t in phrase if t.lower_ not in _DETERMINERS]
        if not any(t.lower_ == "the" for t in phrase) or not words or subject.lower_ not in _LEADER_TITLES \
                or any(t.lower_ not in _TITLE_WORDS and t.lower_ not in _TITLE_NOUNS for t in words) \
                or any(self.ctx.by_token.get(t.i) for t in words):
            return None
        doc = subject.doc
        sent = subject.sent
        if any(t.pos_ in ("NOUN", "PROPN") and t.ent_type_ == "PERSON" for t in doc[:sent.start]):
            return None  # not the opening: someone was named before
        nxt = doc[sent.end].sent if sent.end < len(doc) else None
        if nxt is None:
            return None
        ent = next((e for e in doc.ents if e.label_ == "PERSON" and nxt.start <= e.start < nxt.start + 2), None)
        if ent is None or len(ent) < 2 or ent.root.dep_ not in ("nsubj", "nsubjpass") \
                or ent.root.head.lemma_.lower() not in _word_set("speech_verbs"):
            return None
        if any(t.lower_ in _TITLE_WORDS or t.lower_ in _TITLE_NOUNS for t in doc[ent.start - 1: ent.start]):
            return None  # "President X said": a title of their own
        found = self._name(ent.root, list(ent))
        if found is not None:
            found.role = found.role or _text(words)
        return found

    def _outlet_before(self, subject: Token) -> Actor | None:
        """'According to the publication': the outlet named last before it."""
        name = outlet_named_before(subject)
        return Actor(name, "body", text=subject.text, nouns={"agency", "statement", "report"}) if name else None

    def _correspondent(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'..., our correspondent says': the outlet's reporter the article named before ('says the BBC's Ian
        Pannell in Kabul'), giving their own account."""
        if subject.lemma_.lower() not in _REPORTER_NOUNS or not any(
                t.lower_ in ("our", "the", "this") for t in phrase if t.i < subject.i) or len(phrase) > 3:
            return None
        found = self._last(lambda a: a.kind == "person" and bool(a.nouns & _REPORTER_NOUNS))
        if found is not None:
            self.history.append(found)
        return found

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
        if head == "government":  # ("the Trump administration" stays as named: the gold answers differ on it)
            # "the Morrison government says", "Olaf Scholz's government confirmed": the government of the country
            # the leader serves, by the office-holder list or the title the article gave them
            known = self.persons.get(person.text.lower())
            full = known.name if known is not None else person.text
            country = country_served(full, self.ctx.reference_year, COUNTRIES)
            if country is None and known is not None:
                nations = nations_in(known.role or "")
                country = nations.pop() if len(nations) == 1 else None
            if country:
                return Actor(f"Government of {country}", "body", text=_text(phrase), nouns={head, "statement"})
        name = f"{person.text} {subject.lower_}"
        return Actor(name, "body", text=_text(phrase), nouns={head, "statement"})

    def _name_inside(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'UNIFIL spokesperson Andrea Tenenti' parsed with 'spokesperson' as head, or 'Zelensky's spokesman,
        Serhiy Nykyforov': the name in apposition or compound, not the owner nor one after a preposition."""
        own = self.ctx.by_token.get(subject.i)  # "Mainly Muslim Indonesia announced": a word before a country
        named_body = own is not None and own.entity.kind in ("country", "org", "mission")  # is no person's name
        body_name = subject.lower_ in _PROPER_BODY_HEADS  # "the Maldives National Defence Force": one name
        candidates = [c for c in subject.children if c.dep_ == "appos"] + \
            [c for c in subject.children if c.dep_ in ("compound", "npadvmod") and c.pos_ == "PROPN"
             and not body_name] + \
            [t for t in subject.subtree if t.dep_ == "appos" and t.head.i != subject.i and t.i > subject.i
             and t.doc[t.left_edge.i - 1].text == ","]  # ", Colonel X," set off by commas, however it parsed
        for tok in candidates:
            if named_body and tok.ent_type_ != "PERSON":
                continue
            head = tok if tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN" else None
            if head is None or self.ctx.by_token.get(head.i) or tok.ent_type_ in ("DATE", "TIME") \
                    or tok.lower_ in _CALENDAR_WORDS:
                continue  # "the government of Mali last Friday asked": a day, no name
            if tok.i > 0 and tok.doc[tok.i - 1].text == "(" and sum(c.isupper() for c in tok.text) >= 2:
                continue  # "the Qatari ministry of defense (MoD) announced": the phrase's own abbreviation
            if tok.lower_ in _lexicon().get("body_names", {}):
                continue  # "DoD officials", "a Pentagon spokesman": a body's people, not a person's name
            if tok.ent_type_ != "PERSON" and _PARTY_CODE.fullmatch(tok.text) and subject.lower_ in _TITLE_NOUNS:
                continue  # "the D66 minister": a party's code before a title is no name
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
            known = self.persons.get(actor.name.split()[-1].lower())
            words, short = actor.name.lower().split(), known.name.lower().split() if known else []
            if known is not None and len(words) > len(short) and words[-len(short):] == short:
                # "De la Tour" noted first, "Foreign Minister Jean-Marc de la Tour said" later: the fuller name
                known.name, known.role = actor.name, known.role or actor.role
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
            main = [item for item in fits if item[2] is True]
            if fits and fits[-1][2] == _ASIDE and main and subject.idx - main[-1][0] <= _ASIDE_REACH:
                # "Lt. Col. X announced this when the Minister, Lt. Gen. Y, toured the camp. He said ...": the
                # main clause's subject, not the one of the clause about when
                found = main[-1][1]
            female = [item for item in fits if item[1].gender == "f"]
            if kind == "f" and found is not None and found.gender is None and female \
                    and subject.idx - female[-1][0] <= _SUBJECT_REACH:
                found = female[-1][1]  # "Minister Hannah Tetteh hinted ... Col X told ... she noted": her
            if found is not None and found.gender is None:
                # "X said ..., he said": X is a man from now on, so a later "she said" is not X
                for _, actor, _ in self.timeline:
                    if actor.name == found.name and actor.gender is None:
                        actor.gender = kind
        elif kind == "plural":
            found = self._last(lambda a: a.plural or a.kind == "body")
        elif kind == "it":  # a body, also one named by a description ("The Kenyan army said ... It said")
            found = self._last(lambda a: not a.plural and (a.kind == "body" or a.kind == "anonymous" and len(
                a.name.split()) >= 2 and a.name.split()[-1].lower() in _BODY_NOUNS))
            heard = max((at for at, actor in self.described if actor is found), default=-1)
            acted = self._body_acting_before(subject)
            if acted is not None and acted[0] > heard:
                found = acted[1]  # "The Security Council extended the mission on Friday. It demands ...": the
                #                   body the sentence before was about, named since the last one heard
        else:
            found = None
        if found is not None:
            self.history.append(found)
        return found

    def _body_acting_before(self, subject: Token) -> tuple[int, Actor] | None:
        """The named body that is the subject of the sentence before the one of `subject`, with where it is."""
        sent = sentence_of(subject)
        if sent.start == 0:
            return None
        before = sentence_of(subject.doc[sent.start - 1])
        actor = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
        mention = self.ctx.by_token.get(actor.i) if actor is not None else None
        if (mention is None or mention.entity.kind not in ("org", "mission", "institution")) and (
                actor is None or actor.lemma_.lower() not in _BODY_NOUNS | _DOCUMENTS | _INSTITUTION_HEADS):
            return None  # "The Security Council extended ...", "The Kenyan army deployed ...", "The resolution ..."
        found = self.resolve(actor)
        return (actor.idx, found) if found is not None and found.kind == "body" and not found.plural else None

    def _titled_apposition(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'The Deputy Commander Land Forces, Maj Gen Sam Kavuma, said': a title set off by a comma before the
        holder's name; the name speaks, with the title as role."""
        if not any(t.lower_ in _TITLE_WORDS or t.lower_ in _TITLE_NOUNS for t in phrase) \
                and subject.lower_ not in _CALENDAR_WORDS:  # "Early Friday, Col. Sean Ryan ... said"
            return None
        name = named_after_title(subject)
        if name is None:
            return None
        found = self._name(name, [t for t in name.subtree])
        if found is not None:
            found.role = found.role or _text([t for t in phrase if t.lower_ not in _DETERMINERS]) or None
        return found

    def _name_after_title(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'according to the Commandant of the PSO-TC, Brig Gen Bonny Wolimbwa.': a title, a comma and a name
        that ends the clause, however the parse hung the name; the name speaks."""
        if subject.lower_ not in _TITLE_WORDS and subject.lower_ not in _TITLE_NOUNS or not phrase:
            return None
        doc = subject.doc
        after = phrase[-1].i + 1
        if after >= len(doc) or doc[after].text != ",":
            return None
        ent = next((e for e in doc.ents if e.label_ == "PERSON" and after < e.start <= after + 4), None)
        if ent is None or any(t.lower_ not in _RANKS and t.lower_ not in _HONORIFICS
                              for t in doc[after + 1:ent.start]):
            return None
        closing = doc[ent.end] if ent.end < len(doc) else None
        if closing is not None and not (closing.is_punct or closing.pos_ in ("VERB", "AUX")):
            return None
        found = self._name(ent[-1], list(ent))
        if found is not None:
            found.role = found.role or _text([t for t in phrase if t.lower_ not in _DETERMINERS]) or None
        return found

    def _title_reference(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'the CS', 'the Prime Minister', 'the secretary general': a title alone, with 'the', stands for the
        last person named with that title ('Interior Cabinet Secretary Kipchumba Murkomen')."""
        words = [t for t in phrase if t.lower_ not in _DETERMINERS]
        if not words or not any(t.lower_ == "the" for t in phrase if t.i < subject.i) or any(
                t.ent_type_ == "PERSON" for t in words):
            return None
        title = []
        titled = any(t.lower_ in _TITLE_NOUNS for t in words)
        if subject.lemma_.lower() == "diplomat" and any(t.lower_ in ("chief", "top") for t in words):
            words, title, titled = [], ["foreign", "minister"], True  # "the chief diplomat": the foreign minister
        for tok in words:
            if tok.text in ("-", "‐") and not tok.whitespace_:
                continue  # "the Secretary-General": the hyphen inside the title
            if titled and _PARTY_CODE.fullmatch(tok.text) and not self.ctx.by_token.get(tok.i):
                continue  # "the D66 minister", "the CDU minister": a party before a title, not a title
            if _ABBREVIATION.fullmatch(tok.text) and not self.ctx.by_token.get(tok.i):
                title.append(tok.text)
            elif tok.lower_ in _TITLE_WORDS or tok.lower_ in _TITLE_NOUNS:
                title.append(tok.lower_)
            elif tok.dep_ == "compound" and tok.i < subject.i and titled and (
                    tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.ent_type_ != "PERSON"):
                title.append(tok.lower_)  # "the mission chief", "the Force Commander": the role must carry it too
            elif tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.i < subject.i and titled and tok.text.islower():
                continue  # "the military chief": a word of description, not of the title
            elif titled and tok.i > subject.i and tok.lower_ in ("of", "for") and tok.head.i == subject.i:
                continue  # "the Minister of Defence": the title goes on after its preposition
            elif titled and tok.i > subject.i and tok.dep_ == "pobj" and tok.head.head.i == subject.i \
                    and tok.pos_ in ("NOUN", "PROPN") and not self.ctx.by_token.get(tok.i):
                title.append(tok.lower_)  # "Defence" in "the Minister of Defence": the role must carry it
            elif not (self.ctx.by_token.get(tok.i) or tok.text in ("'s", "’s")):
                return None  # "the defence minister's aide", "the new president of the council"
        if not title or not any(t.lower() in _TITLE_NOUNS or _ABBREVIATION.fullmatch(t) for t in title):
            return None
        nouns = {t.lower() for t in title}
        # "the Pentagon spokesman" is not the State Department's: a body it names must be in the role too
        bodies = [m for m in (self.ctx.by_token.get(t.i) for t in words)
                  if m and m.entity.kind not in ("country", "demonym")]
        # "the French military spokesman" is not the British spokeswoman: a nation it names must be in the role
        nations = [m for m in (self.ctx.by_token.get(t.i) for t in words) if m and m.entity.kind in ("country",
                                                                                                      "demonym")]
        # a description with the same noun heard since ("a spokesperson for the military said ... The spokesperson
        # said": that one), of the same body if this names one (not "the UN chief" for "the NATO chief")
        later = max((at for at, actor in self.described if at < subject.idx and actor.nouns & nouns and all(
            _bare(m.text) in (actor.text or actor.name).lower() for m in bodies)), default=-1)
        fitting = []
        for at, actor, _ in reversed(self.timeline):
            if at < later:
                break
            # a person given no role may have had the title set off before the name ("the Minister for Justice,
            # Equality & Defence, Mr. Alan Shatter, T.D., reviewed ..."): the words just before it
            given = actor.role or (_set_off_title(text_of(subject.doc), at) if actor.kind == "person" else None)
            role = (given or "").lower()
            if at < subject.idx and actor.kind == "person" and (_role_fits(given, title) or set(title) <= (
                    actor.nouns & _RANK_NOUNS)) and all(
                    _bare(m.text) in role or m.entity.name.lower() in role for m in bodies) and all(
                    m.text.lower() in role or (m.entity.country or m.entity.name).lower() in role for m in nations):
                fitting.append((actor, given or ""))
        if not fitting:
            return None
        found = fitting[0][0]
        home = self.ctx.story_nation() or self.ctx.contingent_nation() or self.ctx.most_named_country()
        if not nations and home and nations_in(fitting[0][1]) - {home}:
            # "the prime minister said" after "a meeting with Latvian Prime Minister X" in a story of Canada's
            # troops: a title with no nation is the story's own office-holder, named with no other nation
            found = next((a for a, given in fitting if not nations_in(given) - {home}), found)
        self.history.append(found)
        return found

    def _leader_named_before(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'Gordon Brown flew into Iraq ... The Prime Minister made a visit': a bare 'the president' or 'the
        prime minister' that nothing else resolved is the person named just before as a subject, when that
        person was given no other title. Not 'the US president': a qualified office is the gazetteer's."""
        words = [t for t in phrase if t.lower_ not in _DETERMINERS and not (
            _PARTY_CODE.fullmatch(t.text) and not self.ctx.by_token.get(t.i))]  # "the D66 minister"
        if not any(t.lower_ == "the" for t in phrase) or not words or any(
                t.lower_ not in _TITLE_WORDS and t.lower_ not in _TITLE_NOUNS for t in words) \
                or any(self.ctx.by_token.get(t.i) for t in words) or not {t.lower_ for t in words} & _LEADER_TITLES:
            return None
        named = sorted([*self.timeline, *((at, actor, True) for at, actor in self.bare_names)], key=lambda x: x[0])
        for at, actor, subj in reversed(named):
            if at >= subject.idx:
                continue
            if subject.idx - at > _SUBJECT_REACH:
                return None
            if not subj:
                continue  # "Ollongren spoke to the country's president, Gitanas Nauseda": the subject before
            if actor.role:
                return None
            if actor.kind == "person":
                self.history.append(actor)
                return actor
        return None

    def _holder_named_before(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'David Cameron has announced ... Defence Secretary Philip Hammond ... The Prime Minister told MPs': a bare
        title, given to no one in the article, is the one person named before who held it then by the office-holder
        list (of the country the phrase names, if it names one)."""
        words = [t for t in phrase if t.lower_ not in _DETERMINERS]
        named = [m for m in (self.ctx.by_token.get(t.i) for t in words) if m is not None]
        bare = [t for t in words if not self.ctx.by_token.get(t.i) and t.text not in ("'s", "’s")]
        if not any(t.lower_ == "the" for t in phrase) or not bare or any(
                t.lower_ not in _TITLE_WORDS and t.lower_ not in _TITLE_NOUNS for t in bare) \
                or not any(t.lower_ in _TITLE_NOUNS for t in bare) or any(m.entity.kind not in (
                    "country", "demonym") for m in named):
            return None
        title = " ".join(t.lower_ for t in bare)
        orgs = {m.force for m in named if m.force}
        nouns = {t.lower_ for t in bare}
        # "A spokesperson for the military said ... The spokesperson said": the one described since
        later = max((at for at, actor in self.described if at < subject.idx and actor.nouns & nouns), default=-1)
        holders: dict[str, Actor] = {}
        for at, actor, _ in reversed(self.timeline):
            if later < at < subject.idx and actor.kind == "person" and actor.name not in holders and held(
                    actor.name, title, self.ctx.reference_year, orgs):
                holders[actor.name] = actor
        if len(holders) != 1:
            return None
        found = next(iter(holders.values()))
        self.history.append(found)
        return found

    def _name(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """A person: 'German Defense Minister Annegret Kramp-Karrenbauer', 'Mr Stoltenberg', 'O'Donnell'."""
        if subject.pos_ == "PROPN" and is_reporter(subject) and subject.ent_type_ != "PERSON":
            owned = [i for i, t in enumerate(phrase) if t.lower_ in ("'s", "’s") and i + 1 < len(phrase)]
            phrase = phrase[owned[-1] + 1:] if owned else phrase  # "China's Xinhua News Agency": the agency
            name = " ".join(t.text for t in phrase if t.lower_ not in _DETERMINERS)
            return Actor(name, "body", text=name, nouns={"agency", "statement", "report"})  # "Reuters": an outlet
        if subject.lower_ == "ministry" and subject.text[:1].isupper():
            # "the Federal Ministry of Defense": a ministry, by its country's own name for it, else as written
            national = self._bare_ministry(subject, phrase)
            if national:
                return Actor(national, "body", text=_text(phrase), nouns={"ministry", "statement"})
            return _proper_body(subject, phrase)
        if subject.lower_ in _PROPER_BODY_HEADS:  # "the Maldives National Defence Force", "the Government of
            national = _national_body(subject, phrase, self.ctx) if subject.lower_ == "government" else None
            if national:  # "The Saudi Government said": the Government of Saudi Arabia
                return Actor(national, "body", text=_text(phrase), nouns={"government", "statement"})
            return _proper_body(subject, phrase)  # Mali": a body's name; "Force" alone is no person either
        doc = subject.doc
        ent = next((e for e in doc.ents if e.label_ == "PERSON" and e.start <= subject.i < e.end), None)
        if ent is None and subject.lower_ in _INSTITUTION_HEADS and subject.text[:1].isupper() \
                and not self.ctx.by_token.get(subject.i):  # "the Security Council": a body, never a person
            own = [t for t in phrase if not ((m := self.ctx.by_token.get(t.i)) and m.entity.kind == "org"
                                             and t.text.replace(".", "").isupper())]
            body = _proper_body(subject, own)  # "the AU Peace and Security Council": the council's own name
            if body is not None:
                return body
        name_tokens: list[Token]
        if ent is not None:
            name_tokens = [t for t in ent if t.i <= subject.i or t.pos_ == "PROPN"]
        elif subject.pos_ == "PROPN" and subject.text.islower() and subject.lower_ not in self.persons:
            return None  # "Mali's foreign affairs ministry" tagged as a name: a lower-case head is no name
        elif (subject.pos_ == "PROPN" or subject.lower_ in self.persons or subject.text[:1].isupper()
              and self._by_given_name(subject.text)) and not self.ctx.by_token.get(subject.i):
            name_tokens = [t for t in subject.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"
                           and not self.ctx.by_token.get(t.i)]
            inner = [m for m in (self.ctx.by_token.get(t.i) for t in subject.lefts if t.dep_ == "compound")
                     if m is not None and m.entity.kind == "org"]
            if name_tokens and inner and not subject.ent_type_ == "PERSON" and inner[0].end == name_tokens[0].i:
                # "the United Nations Development Program": a body whose own name begins with another's
                name_tokens = [*(t for t in doc[inner[0].start:inner[0].end] if t.lower_ not in _DETERMINERS),
                               *name_tokens]
            if name_tokens and name_tokens[0].i == subject.i - 1:  # "Human Rights Council": "Human" on "Rights"
                name_tokens = [t for t in name_tokens[0].lefts if t.dep_ == "compound" and t.pos_ == "PROPN"
                               and t.i == name_tokens[0].i - 1 and not self.ctx.by_token.get(t.i)] + name_tokens
            name_tokens = name_tokens + [subject]
            if len(name_tokens) == 1 and (subject.lower_ in _TITLE_WORDS or not subject.text[:1].isupper()):
                return None
        else:
            return None
        kept = [t for t in name_tokens if t.lower_ not in _HONORIFICS and t.lower_ not in _RANKS
                and t.text not in ("'s", "’s")]
        while kept and kept[0].lower_ in _TITLE_WORDS and len(kept) > 1 and kept[0].i < subject.i \
                and (kept[0].ent_type_ != "PERSON" or len(kept) > 2):
            kept = kept[1:]  # "MP Kata'a Al-Rikabi", "Minister Ali Mahamat": the title before the name, also when
            #                  the name finder took it in ("Foreign Affairs Catalin Predoiu")
        if not kept or all(t.lower_ in _TITLE_WORDS or t.lower_ in _PROPER_BODY_HEADS for t in kept):
            return None  # "Secretary General", "Minister", "Force Commander": a title, not a name
        name = re.sub(r"['’]s$", "", name_text(kept)).strip()
        if len(name.split()) == 1:
            known = self.persons.get(name.lower()) or self._by_given_name(name)
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
        # "Col. Brian Drake, the brigade commander, said ... The colonel also said": the rank names them too
        ranks = {_RANK_WORDS.get(t.lower_.rstrip("."), t.lower_.rstrip(".")) for t in phrase
                 if t.lower_ in _RANKS and t.i < min(x.i for x in name_tokens)}
        return Actor(name, "person", role=role, gender=gender_of(name) or _honorific_gender(subject),
                     text=" ".join(t.text for t in phrase), nouns=_role_nouns(role) | ranks)

    def _full_from_gazetteer(self, surname: str) -> str | None:
        people, _ = _officeholders()
        matches = people_by_surname().get(surname.lower(), [])
        year = self.ctx.reference_year
        if len(matches) > 1 and year:
            matches = [p for p in matches if any(int(str(r.get("from") or 0)[:4]) <= year <= int(str(
                r.get("to") or 9999)[:4]) for r in people[p].get("roles", []))]
        return matches[0] if len(matches) == 1 else None


def _proper_subjects(doc) -> list[int]:
    """Indices of the proper nouns that are a verb's subject (POS PROPN, dependency nsubj), read from the doc's
    arrays: no Token is made for the other words."""
    if not len(doc):
        return []
    table = doc.to_array([POS, DEP])
    return numpy.flatnonzero((table[:, 0] == PROPN) & (table[:, 1] == nsubj)).tolist()


def _rank_only(role_words: list[str]) -> bool:
    """'Lt. Col', 'Air Chief Marshal', 'Vice Admiral': a military rank and nothing else (no office)."""
    return bool(role_words) and any(w in _RANKS for w in role_words) and all(
        w in _RANKS or w in _RANK_PARTS for w in role_words)
