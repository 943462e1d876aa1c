"""Statements: direct quotes (with their attribution before, after, or split around them; running over
sentences and paragraphs) and reported speech (a verb of saying and what it governs)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from missiondesk.extract.actor import Actor
from missiondesk.extract.context import PLACE_NOUNS
from missiondesk.extract.quotes import Quote, find_quotes, paragraphs
from missiondesk.extract.reporters import is_reporter
from missiondesk.extract.sentences import join_tokens, sentence_of, span_text, text_of, tokens_where
from missiondesk.extract.speaker_phrases import coordinated
from missiondesk.extract.speaker_tokens import (
    _INVERTING,
    _PLAIN_SPEECH,
    _agent,
    _as_said,
    _as_stated,
    _keep_title,
    _outlet_before,
    _outlet_span,
    _speaker_after,
    _speaker_of,
    came_from,
    quoting_verb,
)
from missiondesk.extract.speaker_words import _lexicon
from missiondesk.extract.speakers import _CALENDAR_WORDS, SpeakerResolver

_COMPLEMENTS = ("ccomp", "xcomp", "dobj", "advcl", "parataxis", "dative", "attr", "oprd")
_COMPLEMENT_PREPS = ("for", "of", "against", "on", "about", "that", "as")
_REPORTED_CONTENT = ("ccomp", "xcomp")  # a verb of saying below one of these is part of what is reported
_VEHICLES = {"statement", "interview", "post", "letter", "briefing", "address", "tweet", "message", "speech",
             "communique", "communiqué", "report", "note"}
_HEDGES = {"appear", "seem"}
_ANONYMITY = {"name", "identify", "quote", "cite"}
_NEGATORS = {"decline", "refuse", "fail", "won't", "wouldn't", "cannot", "can't"}
# what 'deny' withholds when it says nothing: "denied the convoys air cover", "denied access to the base"
_GRANTED = {"access", "entry", "permission", "cover", "visa", "passage", "clearance", "overflight", "landing",
            "support", "request", "right", "use"}
_COGNITION = {"believe", "think", "consider", "estimate", "favour", "favor", "oppose", "decide", "agree", "welcome"}
_LEAD_IN = re.compile(r"^\s*(?:that\s*)?$|[:,]\s*$")


@dataclass
class Said:
    actor: Actor
    kind: str  # direct | reported
    content: str
    start: int  # characters: the sentence(s) carrying the statement
    end: int
    verb: Token | None = None
    quotes: list[Quote] = field(default_factory=list)
    paragraph: int = 0


class _Article:
    """The quotes and paragraphs of one document, with lookups the rules need."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.quotes = find_quotes(self.text)
        self.paras = paragraphs(self.text)
        self._starts = [s for s, _ in self.paras]
        self._inner_starts = [q.inner_start for q in self.quotes]

    def para_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self._starts, char) - 1)

    def inside(self, char: int) -> Quote | None:
        # quotes come in text order and never overlap: the last one opening before `char` is the only candidate
        at = bisect.bisect_right(self._inner_starts, char) - 1
        if at >= 0 and char < self.quotes[at].inner_end:
            return self.quotes[at]
        return None

    def sentence_bounds(self, char: int) -> tuple[int, int]:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None:
            return char, char + 1
        sent = sentence_of(span)
        return sent.start_char, sent.end_char


def find_statements(doc: Doc, resolver: SpeakerResolver) -> list[Said]:
    art = _Article(doc)
    resolver.note_people(doc, quoted=lambda char: art.inside(char) is not None)
    used: set[int] = set()
    found: list[Said] = []
    pairs: list[tuple[int, list[Actor]]] = []  # people who spoke together ("X and Y said"), where they did
    for i in tokens_where(doc, _may_be_speech, _SPEECH_WORDS):
        verb = doc[i]
        if not _is_speech(verb) or art.inside(verb.idx) is not None or _nested(verb) or _negated(verb):
            continue
        if _headline(verb):
            continue
        subject = _speaker_of(verb, art)
        maker = _maker_of_words(verb)
        if maker is not None and subject is not None and subject.pos_ == "PRON":
            subject = maker  # "Muizzu's recent statement, in which he said ...": Muizzu
        if subject is None or art.inside(subject.idx) is not None or not subject.text[:1].isalnum():
            continue
        if _relays(verb, subject):
            continue  # "The paper reported that two officials insisted ...": the officials speak
        if _fighting_words(verb, subject):
            continue  # "a brigade-sized force that can help defend against an invasion": no one speaks
        attached = _attached_quotes(verb, art, used)
        complement = _complement(verb)
        if not attached and complement is None:
            continue
        if not attached and verb.lemma_.lower() in _lexicon()["needs_clause"] and not any(
                c.dep_ in _REPORTED_CONTENT for c in verb.children) and not _inverted(verb) \
                and not _trailing(verb) and not _described_as(verb) and not _parenthetical(verb) \
                and not _attributing(verb) and _outlet_before(verb) is None and _told_that(verb) is None \
                and not _as_said(verb) and not _as_stated(verb):  # "As reported by France24, ..."
            continue
        actor = resolver.resolve(subject, verb)
        together = _spoke_together(subject, pairs) or (_joint_subject_before(subject, resolver) if actor is None
                                                        else None) or _they_again(subject, pairs, resolver)
        if not together and (actor is None or actor.kind == "anonymous"):
            together = _pair_named_near(subject, resolver)
        if together:  # "The ministers said ..." after "Defence Minister X and Foreign Minister Y said": both
            actor = actor if actor is not None and actor.name in {a.name for a in together} else together[0]
        if actor is None or _unnamed_decision(verb, subject, actor, resolver, attached) \
                or _state_decision(verb, subject, resolver, attached):
            continue
        _keep_title(subject, actor)
        actor.nouns |= _vehicles(verb)  # "X said in a statement ... the statement added": X's statement
        resolver.spoke(verb.idx, actor)
        found.append(_statement(verb, actor, attached, complement, art))
        group = [actor]
        for other in [*coordinated(subject), *_joint_with(verb)]:  # "the Afghan government and the UN have
            also = resolver.resolve(other, verb)                    # urged", "X said in a joint statement with Y"
            if also is not None and also.name != actor.name:
                found.append(_statement(verb, also, attached, complement, art))
                group.append(also)
        if len(group) > 1 and all(a.kind == "person" for a in group):
            for person in group:  # "Smith said in a joint statement with Foreign Minister Bob Carr": Smith's title
                person.role = person.role or resolver.role_of(person.name)  # from where the article gave it
            pairs.append((verb.idx, group))
        for also in together or []:
            if also.name != actor.name:
                found.append(_statement(verb, also, attached, complement, art))
        quoted = _quoted_speaker(attached, actor, art, resolver)
        if quoted is not None:  # '"... Maj Gen X emphasised the importance of ...," the army said': X's words too
            found.insert(len(found) - 1, _statement(verb, quoted, attached, complement, art))  # the body's goes on
        cited = _cited(verb)
        if cited is not None:  # "..., TASS reported, citing the Russian Defense Ministry": the ministry's too
            source = resolver.resolve(cited, verb)
            if source is not None and source.name != actor.name:
                found.append(_statement(verb, source, attached, complement, art))
        used.update(id(q) for q in attached)
    _lead_ins_without_verb(art, used, found, resolver)
    _attach_continuations(art, used, found, resolver)
    for said in found:
        said.end = len(art.text[:said.end].rstrip())
        named = resolver.named_later(said.actor, said.start, said.end)
        if named is not None:
            said.actor = named
        said.actor = resolver.fullest(said.actor)
    return sorted(_once_per_sentence(found), key=lambda s: s.start)


def _once_per_sentence(found: list[Said]) -> list[Said]:
    """One reported statement per speaker per sentence ("X said A and stressed B"), what each verb reported kept
    in it; a direct quote in the same sentence stays a statement of its own kind."""
    kept: dict[tuple[str, str, int, int], Said] = {}
    for said in found:
        key = (said.actor.name, said.kind, said.start, said.end)
        first = kept.setdefault(key, said)
        if first is said:
            continue
        if said.content not in first.content and first.content not in said.content:
            first.content = f"{first.content} … {said.content}"
        first.quotes = [*first.quotes, *(q for q in said.quotes if q not in first.quotes)]
    return list(kept.values())


def _decision(verb: Token, attached: list[Quote]) -> bool:
    """A verb of deciding or undertaking with only what is to be done after it ('agreed to send', 'pledged
    immediate deployment', 'is considering reducing'): no words reported, no clause, no quote."""
    return verb.lemma_.lower() in _lexicon()["decision_verbs"] and not attached and not any(
        c.dep_ == "ccomp" for c in verb.children)


_COUNTRY_SETS = {"country", "nation", "state", "government", "donor", "contributor"}

# A state's organs that decide rather than speak: "the French government has decided to send 200 troops"
_STATE_ORGANS = {"government", "cabinet", "authorities", "administration", "parliament", "country", "nation", "council",
                 "bundestag", "senate", "congress", "assembly", "legislature"}
_TOGETHER_REACH = 1500  # characters: how soon after two people spoke together 'the ministers' are still them
_GROUP_NOUNS = {"minister", "leader", "president", "official", "commander", "general", "chief", "envoy", "diplomat",
                "ambassador", "secretary", "spokesman", "spokesperson", "men", "two", "pair"}


def _spoke_together(subject: Token, pairs: list[tuple[int, list[Actor]]]) -> list[Actor] | None:
    """'the ministers', 'the two leaders', 'both men' after 'Defence Minister X and Foreign Minister Y said': the
    people who spoke together last, when the noun fits each one's role (or is a plain 'men', 'two')."""
    if not pairs or subject.tag_ not in ("NNS", "NNPS") and subject.lower_ not in ("both", "two"):
        return None
    if not any(c.lower_ in ("the", "both", "two") for c in subject.lefts) and subject.lower_ not in ("both", "two"):
        return None
    if any(c.dep_ in ("amod", "compound", "poss") and c.lower_ not in ("two", "both") for c in subject.lefts):
        return None  # "the German ministers", "the EU's foreign ministers": others, qualified
    at, group = pairs[-1]
    noun = subject.lemma_.lower()
    if noun not in _GROUP_NOUNS or subject.idx - at > _TOGETHER_REACH:
        return None
    if noun not in ("men", "two", "pair") and not all(noun in (a.role or "").lower() for a in group):
        return None
    return group


_DISCLOSURES = {"disclosure", "announcement", "revelation", "remark", "declaration", "pledge"}


def _said_on_date(verb: Token) -> bool:
    """'said July 23 that Iraq had requested the end of the mission': the parse may hang the 'that' clause on the
    date as a relative clause; it is what was said."""
    date = verb.head
    return verb.dep_ == "relcl" and (date.ent_type_ == "DATE" or date.lower_ in _CALENDAR_WORDS) and date.dep_ in (
        "npadvmod", "pobj") and any(
        c.dep_ in ("mark", "dobj") and c.lower_ == "that" and c.i < verb.i for c in verb.children) and (
        date.head.lemma_.lower() in _lexicon()["speech_verbs"] or date.head.head.lemma_.lower() in _lexicon()[
            "speech_verbs"])


def _they_again(subject: Token, pairs: list[tuple[int, list[Actor]]], resolver: SpeakerResolver) -> list[Actor] | None:
    """'The ministers said ... "...," they said', '..., the statement said': 'they' (or 'the statement') just after
    two people spoke together are those two (their joint statement)."""
    statement = subject.lemma_.lower() == "statement" and any(c.lower_ == "the" for c in subject.lefts)
    if subject.lower_ != "they" and not statement or not pairs or not resolver.spoken:
        return None
    at, group = pairs[-1]
    last_at, last = resolver.spoken[-1]
    if last_at < at or subject.idx - at > _TOGETHER_REACH or last.name not in {a.name for a in group}:
        return None
    return group


def _joint_subject_before(subject: Token, resolver: SpeakerResolver) -> list[Actor] | None:
    """'Prime Minister X and Defence Minister Y held a joint press conference today. They said ...', 'X and Y
    have insisted that ... Instead, they argue, ...': 'they' are the people joined by 'and' as the subject of a
    clause in the sentence before or earlier in their own."""
    if subject.lower_ != "they":
        return None
    doc = subject.doc
    sent = subject.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for tok in reversed(doc[start:subject.i]):
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.ent_type_ != "PERSON":
            continue
        others = coordinated(tok)
        if not others:
            continue
        group = [resolver.resolve(t) for t in (tok, *others)]
        if all(a is not None and a.kind == "person" for a in group) and len({a.name for a in group}) > 1:
            return group
        return None
    return None


_JOINT_NOUNS = {"statement", "conference", "briefing", "letter", "declaration", "communique", "appearance"}


def _joint_with(verb: Token) -> list[Token]:
    """'Smith said in a joint statement with Foreign Minister Bob Carr', 'told a joint news conference with X':
    the one the speaker spoke jointly with speaks too."""
    found = []
    for noun in (t for t in verb.subtree if t.lemma_.lower() in _JOINT_NOUNS and t.head.i in (verb.i, *(
            c.i for c in verb.children if c.dep_ == "prep"))):
        if not any(c.lower_ == "joint" for c in noun.children):
            continue
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"):
            found += [o for o in prep.children if o.dep_ == "pobj" and (o.ent_type_ in ("PERSON", "ORG", "NORP")
                                                                         or o.pos_ == "PROPN")]
    return found


_LEADER_ROLES = ("president", "prime minister", "chancellor", "premier", "king", "emir", "leader")
_PAIR_REACH = 3  # sentences: how far from 'the ministers' the two ministers may be named


def _pair_named_near(subject: Token, resolver: SpeakerResolver) -> list[Actor] | None:
    """'the foreign and defense ministers said ... Foreign Minister X and Defense Minister Y added', 'President X met
    President Y ... where the leaders insisted': 'the ministers', 'both ministers', 'the two leaders' are the two
    people a sentence nearby names together (the nearest sentence before, else after), when each one's title is
    the noun ('leaders' are heads of state or government) and fits the fields the phrase gives ('foreign and
    defense')."""
    if subject.tag_ not in ("NNS", "NNPS") or subject.lemma_.lower() not in _GROUP_NOUNS - {"men", "two", "pair"}:
        return None
    lefts = list(subject.lefts)
    if not any(c.lower_ in ("the", "both", "two") for c in lefts):
        return None
    fields = [c for c in lefts if c.dep_ in ("amod", "compound", "nmod")]
    fields += [f for c in fields for f in c.conjuncts]
    fields = {f.lower_.replace("defence", "defense") for f in fields if f.lower_ not in ("two", "both")}
    if fields and not all(_MINISTRY_FIELD.match(f) for f in fields):
        return None  # "the German ministers", "the EU's foreign ministers": others, qualified
    noun = subject.lemma_.lower()

    def role(actor: Actor) -> str:
        return (actor.role or "").lower().replace("defence", "defense")

    def fits(actor: Actor) -> bool:
        held = any(r in role(actor) for r in _LEADER_ROLES) if noun == "leader" else noun in role(actor)
        return actor.kind == "person" and held and (not fields or any(f in role(actor) for f in fields))

    doc = subject.doc
    here = subject.sent
    before = [doc[here.start - 1].sent] if here.start > 0 else []
    while before and len(before) < _PAIR_REACH and before[-1].start > 0:
        before.append(doc[before[-1].start - 1].sent)
    after, nxt = [], here
    while len(after) < _PAIR_REACH and nxt.end < len(doc):
        nxt = doc[nxt.end].sent
        after.append(nxt)
    for sent in [here, *before, *after]:
        named = {}
        for at, actor, _ in resolver.timeline:
            if sent.start_char <= at < sent.end_char and fits(actor):
                named.setdefault(actor.name, actor)
        if len(named) == 2:
            found = list(named.values())
            if not fields or all(any(f in role(a) for a in found) for f in fields):
                return found
        if named:
            return None  # one of them, or three: no pair
    return None


_MINISTRY_FIELD = re.compile(r"^(?:defense|foreign|interior|finance|security|justice|health)$")
_DECIDING = {"decide", "agree", "opt", "choose"}


def _state_decision(verb: Token, subject: Token, resolver: SpeakerResolver, attached: list[Quote]) -> bool:
    """'The French government has decided to send 200 troops', 'Spain and the U.S. agreed to hold meetings':
    a state's decision, no quote and no clause of words, is news of an act, not a statement (ministers who
    decide at a meeting, or a council whose words are quoted, still speak)."""
    if verb.lemma_.lower() not in _DECIDING or not _decision(verb, attached):
        return False
    for who in (subject, *coordinated(subject)):
        mention = resolver.ctx.by_token.get(who.i)
        if not (who.lemma_.lower() in _STATE_ORGANS or mention is not None and mention.entity.kind in ("country", "org")):
            return False  # "NATO decided to add four battalions": an alliance's decision is an act too
    return True


_UNIT_NOUNS = {"force", "forces", "troop", "troops", "soldier", "soldiers", "brigade", "battalion", "battlegroup",
               "contingent", "unit", "division", "regiment", "company", "platoon", "squadron", "marines"}


def _fighting_words(verb: Token, subject: Token) -> bool:
    """'a brigade-sized force that can help defend against an invasion', 'the troops pushed into the town'."""
    head = subject.head if subject.lower_ in ("that", "which", "who") and subject.head.dep_ == "relcl" else subject
    if head.lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
        head = verb.head
    if verb.lemma_.lower() == "defend" and any(c.dep_ == "dobj" and (c.lemma_.lower() in PLACE_NOUNS or c.ent_type_ in (
            "GPE", "LOC")) for c in verb.children):
        return True  # "NATO kicked off an exercise to defend its newly expanded Nordic territory": a place defended
    return head.lemma_.lower() in _UNIT_NOUNS and verb.lemma_.lower() not in _PLAIN_SPEECH


def _unnamed_decision(verb: Token, subject: Token, actor: Actor, resolver: SpeakerResolver,
                      attached: list[Quote]) -> bool:
    """'Some 10 countries have pledged 3,100 troops', 'Countries like Djibouti that had pledged deployment': a
    decision taken by a set of countries or people the article neither names nor ties to a body is news of an
    action, no one's statement. 'NATO defence ministers agreed to ...' names its body and stays."""
    if not _decision(verb, attached) or actor.kind != "anonymous" or not actor.plural or not any(
            t.lemma_.lower() in _COUNTRY_SETS for t in subject.subtree):
        return False  # "the rebels have promised a wave of attacks": a group's threat is still theirs
    return not any((m := resolver.ctx.by_token.get(t.i)) and m.entity.kind in ("org", "institution", "mission")
                   and not any(a.lower_ in ("like", "including", "as") for a in t.ancestors if a.i > subject.i)
                   for t in subject.subtree)


def _quoted_speaker(attached: list[Quote], actor: Actor, art: _Article, resolver: SpeakerResolver) -> Actor | None:
    """A body's statement that itself tells what a named person said ('"Prior to their departure, Maj Gen X
    emphasised the importance of discipline," the army said'): that person, whose words they are."""
    if actor.kind == "person" and not actor.name.isupper():  # "the RDF" may pass for a name; no person is
        return None
    for quote in attached:
        span = art.doc.char_span(quote.inner_start, quote.inner_end, alignment_mode="contract")
        for tok in span or ():
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in _lexicon()["speech_verbs"] or not _is_speech(tok):
                continue
            subject = next((c for c in tok.children if c.dep_ == "nsubj" and c.ent_type_ == "PERSON"), None)
            if subject is None:
                continue
            person = resolver.resolve(subject, tok)
            if person is not None and person.kind == "person":
                return person
    return None


def _vehicles(verb: Token) -> set[str]:
    """'said in a statement', 'told in an interview', 'wrote in a letter': the kind of text the speaker used."""
    return {p.lemma_.lower() for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "in"
            for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in _VEHICLES}


def _statement(verb: Token, actor: Actor, attached: list[Quote], complement, art: _Article) -> Said:
    sent = sentence_of(verb)
    if attached:
        start = min([sent.start_char, *(art.sentence_bounds(q.start)[0] for q in attached)])
        end = max([sent.end_char, *(art.sentence_bounds(q.end - 1)[1] for q in attached)])
        return Said(actor, "direct", " … ".join(q.text(art.text) for q in attached), start, end, verb, attached,
                    art.para_of(verb.idx))
    return Said(actor, "reported", _text(complement), sent.start_char, sent.end_char, verb, [],
                art.para_of(verb.idx))


_SPEECH_WORDS: dict = {}  # (lower, lemma) hashes -> whether _is_speech can hold, for tokens_where


def _may_be_speech(lower: str, lemma: str) -> bool:
    return lower == "according" or lemma.lower() in _lexicon()["speech_verbs"] or lemma.lower() == "come"


_DECISIONS = {"refuse", "decide", "agree"}  # said with a clause: "agreed that ...", "agreed to extend the mission"
_AIMS = {"seek", "counter"}  # said only with a that-clause or a quote: "countered that ..."
_SAID_WITH_A_CLAUSE = _DECISIONS | _AIMS


def _verb_as_noun(token: Token) -> bool:
    """'..., WIN reports.': a plural-looking word the parse made a noun that still has a subject and a clause of
    its own, as a verb has."""
    return token.tag_ == "NNS" and any(c.dep_ == "nsubj" for c in token.children) and any(
        c.dep_ == "ccomp" for c in token.children)


def _is_speech(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to":
        return True
    if lemma == "come":
        return came_from(token) is not None  # "The assurance came from General X"
    if token.pos_ not in ("VERB", "AUX") and not _verb_as_noun(token) or lemma not in _lexicon()["speech_verbs"]:
        return False
    if lemma == "call" and not any(c.lower_ in ("for", "on") for c in token.children) and not any(
            g.dep_ == "mark" and g.lower_ == "for" for c in token.children if c.dep_ in ("advcl", "xcomp", "ccomp")
            for g in c.children) and not any(  # "had called for the force to be increased": "for" on the clause
            c.dep_ in ("oprd", "ccomp") for c in token.children) and (
            token.i + 1 == len(token.doc) or token.nbor(1).text not in ('"', "“", "'", "‘")):
        if not any(c.dep_ == "dobj" for c in token.children):
            return False  # "called it a day" is not "called for a delay" nor "called the decision absurd"
    if lemma in _lexicon()["naming_verbs"] and any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ("what", "which")
                                                   for c in token.children):
        return False  # "part of what the military has called the alliance's Forward Presence": a name for a thing
    needs = _lexicon()["speech_needs"].get(lemma)
    if needs is not None and not _has_needed(token, needs):
        return False  # "pointed to the map", "expressed the parcel", "read the book": not speech
    if any(c.dep_ == "auxpass" for c in token.children) and _agent(token) is None:
        return False  # "the leader is said to have discussed": hearsay with no speaker
    if lemma in ("ask", "request") and any(c.dep_ == "xcomp" and _anonymity(c) for c in token.children):
        return False  # "who asked not to be named": the anonymity formula, not something said
    if _mentions_anonymity(token.doc) and any(t.lower_ in _NO_NAME_WORDS and t.head.i in (
            token.i, *(c.i for c in token.children)) for t in token.subtree):
        return False  # "who insisted on anonymity", "spoke on condition of anonymity": why no name is given
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in _HEDGES:
        return False  # "officials appear to be signalling that ...": the writer's reading, not their words
    if lemma == "say" and any(c.lower_ in _GREETINGS and c.dep_ in ("dobj", "npadvmod", "intj", "advmod")
                              for c in token.children):
        return False  # "Every officer says goodbye with a salute": a farewell, not a statement
    if lemma == "deny" and any(c.dep_ == "dative" for c in token.children):
        return False  # "deny them the ability": withhold, not say
    if lemma in _lexicon()["decision_verbs"] and not any(c.dep_ == "ccomp" for c in token.children) and (
            _background(token) or lemma == "consider" and _deliberating(token)):
        return False  # "days after Vienna decided to quit", "is considering reducing its contingent": no words said
    clauses = ("ccomp",) if lemma in _AIMS else ("ccomp", "xcomp")
    if lemma in _SAID_WITH_A_CLAUSE and not any(c.dep_ in clauses for c in token.children) and (
            token.i + 1 == len(token.doc) or token.nbor(1).text not in ('"', "“", ":")):
        return False  # "agreed to a drawdown", "seeks to bolster", "to counter Iran's build-up": no words said
    return token.dep_ not in ("amod", "compound") and (token.tag_ != "VBN" or any(
        c.dep_ == "aux" or c.dep_ == "nsubj" and (c.i > token.i or token.dep_ in ("ROOT", "relcl")) or c.dep_ == "agent"
        for c in token.children) or _outlet_span(token) is not None or _as_stated(token))
    # a VBN with its subject after it is an inverted attribution the tagger misread: "..., stated chief X"; so is
    # a VBN heading its sentence with an active subject: "X, the president of the Congo, requested that ..."; so is
    # one right after an outlet it was hung on: "..., Iraq's Shafaq news agency reported on Saturday"


_WHEN = {"after", "before", "since", "until", "once", "when", "while", "as"}
_GREETINGS = {"goodbye", "good-bye", "farewell", "hello", "bye", "grace"}


def _background(verb: Token) -> bool:
    """'shortly after the ministers agreed to ...', 'days after Vienna decided to quit': a decision told as the
    time of something else, in a clause that hangs on another verb."""
    if verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
        return True  # "The Kenyan government had pledged to send 1,000": a decision before the story's time
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _WHEN for c in verb.children)


def _deliberating(verb: Token) -> bool:
    """'is considering reducing its contingent', 'considered sending troops': weighing an action, not a view
    (the seed gold keeps 'is considering whether to stick to the deadline')."""
    return any(c.dep_ == "xcomp" and c.tag_ == "VBG" for c in verb.children)


def _described_as(verb: Token) -> bool:
    """'described the attacks as "unjustifiable"': a judgement said of something is a statement."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # the parse may hang "as" on the object
    return verb.lemma_.lower() == "describe" and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(True for _ in c.children) for h in holders for c in h.children)


def _has_needed(verb: Token, needs: dict) -> bool:
    """The particle, preposition, object or subject a verb needs to be one of saying."""
    children = list(verb.children)
    if "particle" in needs and any(c.dep_ == "prt" and c.lower_ in needs["particle"] for c in children):
        return True
    if "preposition" in needs and any(c.dep_ in ("prep", "prt") and c.lower_ in needs["preposition"]
                                      for c in children):
        return True
    if "object" in needs and any(c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in needs["object"] or
                                                                      c.lower_ in needs["object"]) for c in children):
        return True
    if "clear" in needs and any(c.dep_ in ("ccomp", "oprd", "acomp", "xcomp") and c.lower_ in needs["clear"]
                                for c in children):
        return True  # "has made it clear America would rather ...", "made clear that": a statement
    if "after_quote" in needs and any(c.dep_ == "dobj" and c.lemma_.lower() in needs["after_quote"]
                                      for c in children):
        # '"We will expand the base," the minister made the remarks at a forum': the remarks are the quote's
        subject = next((c for c in children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subject is not None and subject.left_edge.i >= 2 and subject.doc[subject.left_edge.i - 1].text in (
                '"', "”", "’", "'") and subject.doc[subject.left_edge.i - 2].text in (",", "?", "!"):
            return True
    return "subject" in needs and any(c.dep_ == "nsubj" and c.lemma_.lower() in needs["subject"]
                                      for c in children)


_NO_NAME_WORDS = ("anonymity", "anonymously")  # "spoke on condition of anonymity"
_ANONYMITY_WORDS: dict = {}  # (lower, lemma) hashes -> whether the word is one of _NO_NAME_WORDS, for tokens_where
_ANONYMITY_KEY = "missiondesk_mentions_anonymity"


def _mentions_anonymity(doc: Doc) -> bool:
    """Whether the doc has 'anonymity' or 'anonymously' at all: most have neither, and then no speech verb's
    subtree needs walking for them (found once per doc, from the doc's arrays)."""
    found = doc.user_data.get(_ANONYMITY_KEY)
    if found is None:
        found = doc.user_data[_ANONYMITY_KEY] = bool(
            tokens_where(doc, lambda lower, _: lower in _NO_NAME_WORDS, _ANONYMITY_WORDS))
    return found


def _anonymity(verb: Token) -> bool:
    """'not to be named / identified / quoted', 'to remain anonymous'."""
    children = list(verb.children)
    lemma = verb.lemma_.lower()
    if lemma in _ANONYMITY:
        return any(c.dep_ == "auxpass" for c in children) and any(c.dep_ == "neg" for c in children)
    return lemma in ("remain", "stay") and any(c.lower_ == "anonymous" for c in children)


def _told_that(verb: Token) -> Token | None:
    """'He reminded the troops that Ghana had carved for itself an enviable position': the parse may hang the
    that-clause on the listener as a relative clause; one whose verb has a subject and an object of its own
    besides 'that' can only be the message."""
    for listener in (c for c in verb.children if c.dep_ == "dobj"):
        for clause in (c for c in listener.children if c.dep_ == "relcl"):
            that = next((c for c in clause.children if c.lower_ == "that" and c.dep_ in ("dobj", "mark")), None)
            subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in clause.children)
            objects = any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.lower_ != "that" for c in clause.children)
            if that is not None and that.i == clause.left_edge.i and subject and objects:
                return clause
    return None


def _writers_frame(verb: Token) -> bool:
    """'It is worth noting that X said', 'It should be noted that X said': the writer's words, no one's statement
    that the one inside it would belong to."""
    if verb.dep_ == "xcomp" and verb.head.lower_ == "worth":
        return True
    return any(c.lower_ == "it" and c.dep_ == "nsubjpass" for c in verb.children)


# nouns of words someone spoke or wrote, which a clause "in which he said" belongs to
_WORDS_SPOKEN = {"statement", "speech", "remark", "interview", "address", "letter", "message", "post", "comment"}


def _describes_words(verb: Token) -> bool:
    """'a statement, in which he said', 'the speech she gave': a clause of saying on a noun of words spoken."""
    return verb.dep_ == "relcl" and verb.head.lemma_.lower() in _WORDS_SPOKEN


def _maker_of_words(verb: Token) -> Token | None:
    """'Muizzu's recent statement, in which he said': the owner of the words a clause of saying describes."""
    if not _describes_words(verb):
        return None
    return next((c for c in verb.head.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)


def _nested(verb: Token) -> bool:
    """A verb of saying inside what another reports ('He said the US faced a dilemma when deciding ...')
    belongs to that statement; one joined to it ('said ... and warned', 'told ..., adding that') does not,
    nor one inside what a reporter relays ('the agency reported that the minister said ...')."""
    if _describes_words(verb) and any(
            c.dep_ == "pobj" and c.lower_ == "which" for p in verb.children if p.dep_ == "prep" for c in p.children):
        return False  # "reported Muizzu's statement, in which he said ...": the words are the statement's maker's
    deps = []
    child = verb
    for ancestor in verb.ancestors:
        deps.append(child.dep_)
        if _is_speech(ancestor) and ancestor.lower_ != "according":
            if not any(d in _REPORTED_CONTENT for d in deps) or _writers_frame(ancestor):
                return False
            outer = next((c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if deps[0] == "conj" and _named_subject(verb) and verb.lemma_.lower() in _PLAIN_SPEECH:
                return False  # "Some countries say the force is too small and Ban said ...": a second speaker
            if (_named_subject(verb) or _national_body_subject(verb)) and verb.lemma_.lower() not in _COGNITION \
                    and any(c.dep_ == "ccomp" for c in verb.children):
                # "Barrow had requested that ..., a UN official said", "Mihaaru said the defence force confirmed
                # the withdrawal had begun": a named speaker's words inside another's are theirs as well; not
                # "Kenya has asked to be named lead nation, the ministry said" (an aim, no words of Kenya's)
                return False
            return outer is None or not (is_reporter(outer) or _trailing_report(ancestor)) or \
                not _own_subject(verb) or _directive(verb)
        child = ancestor
    return False


def _trailing_report(verb: Token) -> bool:
    """'"...," he told reporters, Bernama reported': a name that reports, after an attribution of its own (a
    verb of speech with its own subject before it), relays the words; the one who told them speaks."""
    if verb.lemma_.lower() != "report":
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ == "PERSON":
        return False
    return any(c.dep_ == "ccomp" and c.i < subject.i and _is_speech(c) and _own_subject(c) for c in verb.children)


def _inverted(verb: Token) -> bool:
    """'The US has started to withdraw equipment, the Defense Department clarified on Friday': an attribution
    after a comma that the parser hung on a noun of the clause before it."""
    if verb.dep_ != "relcl" or verb.head.i > verb.i:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in ("who", "which", "that", "whom"):
        return False
    first = subject.left_edge
    return first.i > 0 and first.nbor(-1).text == ","


def _attributing(verb: Token) -> bool:
    """'Russia has deployed 1,960 peacekeepers, TASS reported on Tuesday': a subject and its verb after a comma,
    hung on the clause before, report that clause."""
    if verb.dep_ not in ("advcl", "parataxis", "conj") or verb.head.i > verb.i:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    return subject is not None and subject.left_edge.i > 0 and verb.doc[subject.left_edge.i - 1].text == ","


def _cited(verb: Token) -> Token | None:
    """'..., the agency reported, citing the defence ministry': the source the reporter cites."""
    for child in verb.children:
        if child.lower_ == "citing" and child.dep_ in ("advcl", "xcomp", "conj", "prep"):
            return next((c for c in child.children if c.dep_ in ("dobj", "pobj")), None)
    return None


def _parenthetical(verb: Token) -> bool:
    """'The mission, he added, was to defeat al-Qaeda': an attribution set off by commas inside what it reports."""
    return verb.dep_ == "parataxis" and verb.head.i > verb.i and verb.i > 0 and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and "," in (
            verb.left_edge.text, verb.doc[verb.left_edge.i - 1].text)


def _trailing(verb: Token) -> bool:
    """'..., added the spokesman': a verb after a comma whose speaker follows it, reporting the clause before."""
    return verb.dep_ in ("conj", "parataxis") and verb.i > 0 and verb.nbor(-1).text == "," \
        and verb.lemma_.lower() in _INVERTING and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
        and _speaker_after(verb) is not None  # not "..., adding 10 to 14 days"


def _named_subject(verb: Token) -> bool:
    """A subject that names its speaker (a name or a country, not a pronoun nor a description)."""
    return any(c.dep_ == "nsubj" and c.pos_ == "PROPN" and (c.ent_type_ or c.text[:1].isupper())
               for c in verb.children)


def _national_body_subject(verb: Token) -> bool:
    """A subject that is a body of a named country: 'the Malian government', 'Kenya's defence ministry'."""
    return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lemma_.lower() in _NATIONAL_BODIES and any(
        m.dep_ in ("amod", "compound", "poss") and m.text[:1].isupper() for m in c.children) for c in verb.children)


_NATIONAL_BODIES = {"government", "ministry", "army", "military", "presidency", "embassy", "cabinet", "parliament"}


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("it", "which", "that") for c in verb.children)


def _relays(verb: Token, subject: Token) -> bool:
    """A reporter's verb whose content holds another speaker's verb: that speaker's statement, not the
    reporter's ("BBC correspondent X says the Taliban have promised ...")."""
    if verb.lower_ == "according":  # "According to Reuters, the minister said ...": the minister's statement
        head = verb.head  # the clause "according to" hangs on
        return is_reporter(subject) and head.i != verb.i and _is_speech(head) and _own_subject(head)
    if subject.ent_type_ == "PERSON" or not (is_reporter(subject) or _trailing_report(verb)):
        return False  # a correspondent's own account stays beside the speaker they report
    return any(t.i != verb.i and _is_speech(t) and _own_subject(t) and not _directive(t) for t in verb.subtree
               if t.i > verb.i or t.dep_ in _REPORTED_CONTENT)


def _directive(verb: Token) -> bool:
    """'asked Pentagon officials to look at options', 'ordered the troops to leave': an instruction the paper
    reports, no words of the one who gave it; the report stays the paper's."""
    return verb.lemma_.lower() in _DIRECTIVES and any(c.dep_ == "xcomp" for c in verb.children) and any(
        c.dep_ == "dobj" for c in verb.children)


_DIRECTIVES = {"ask", "order", "instruct", "direct", "request", "urge", "press", "tell"}


def _negated(verb: Token) -> bool:
    """'did not say', 'declined to say', 'was expected to announce': nothing was said (yet)."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("neither", "none", "nobody", "nothing") or any(
            d.dep_ == "det" and d.lower_ in ("neither", "no") for d in c.children)) for c in verb.children):
        return True  # "Neither country has revealed the number", "No official confirmed it"
    if verb.lemma_.lower() == "deny" and (any(c.dep_ == "dative" for c in verb.children) or any(
            c.dep_ == "dobj" and c.lemma_.lower() in _GRANTED for c in verb.children)):
        return True  # "denied the convoys air cover", "denied them access": a thing withheld, no words
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_.lower() in _NEGATORS:
        return True
    # "Obama was expected to announce his decision Monday", "France is due to announce": not said yet
    return verb.dep_ == "xcomp" and (head.lemma_.lower() == "expect" and any(
        c.dep_ == "auxpass" for c in head.children) or head.lower_ in ("due", "set", "scheduled", "poised"))


def _headline(verb: Token) -> bool:
    """'Kremlin says no plans for new mobilisation': a headline, with no full stop and a verb in the present."""
    sent = span_text(sentence_of(verb)).strip()
    if verb.tag_ not in ("VBZ", "VBP") or re.search(r"[.!?\"”’)]$", sent):
        return False
    # "Kremlin says ...", and a short crosshead in the same present: "- Burundi rejects AU's pull-out decision -"
    return verb.lower_ in ("says", "say") or len(sent.split()) <= 12


def _complement(verb: Token) -> list[Token] | None:
    """The words a verb of saying governs: 'said [the Taliban need to show ...]'."""
    if verb.lower_ == "according":
        to_end = max(x.i for x in verb.nbor(1).subtree)
        words = [t for t in sentence_of(verb) if not (verb.i <= t.i <= to_end)]
        while words and words[-1].is_punct:
            words.pop()
        while words and words[0].is_punct:
            words.pop(0)  # "According to X, the troops ...": what follows the comma
        return words or None
    parts = []
    sent = sentence_of(verb)
    if came_from(verb) is not None:  # "... are safe. The assurance came from General X": the sentence before
        return _sentence_before(sent) or [t for c in verb.children if c.dep_ == "nsubj" for t in c.subtree]
    outlet = _outlet_span(verb)
    if outlet is not None:  # "Soldiers entered Idlib on Friday, Turkey's Hurriyet daily reported": the clause before
        words = [t for t in sent if t.i < outlet[0] - 1]
        while words and (words[-1].is_punct or words[-1].is_space):
            words.pop()
        if len(words) >= 4:
            return words
    if _as_stated(verb) or _as_said(verb):  # "As stated in the mission's statement, this step is ...", "As the
        # ministry said, the troops ...": the clause it hangs on
        inside = {t.i for t in verb.subtree}
        words = [t for t in sent if t.i not in inside]
        while words and (words[0].is_punct or words[-1].is_punct):
            words = words[1:] if words[0].is_punct else words[:-1]
        return words or None
    agent = _agent(verb)
    if agent is not None and any(c.dep_ == "auxpass" for c in verb.children) and not any(
            c.dep_ in _REPORTED_CONTENT for c in verb.children):
        # "the report was corroborated by an official": what was said is the passive's subject
        said = [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree]
        if said and not (len(said) == 1 and said[0].pos_ == "PRON"):
            return said
        by = {t.i for t in verb.children if t.dep_ == "agent" for t in t.subtree}
        words = [t for t in sent if t.i not in by and not t.is_punct]
        return words or None
    if _inverted(verb):
        subject = next(c for c in verb.children if c.dep_ == "nsubj")
        words = [t for t in sent if t.i < subject.left_edge.i]
        while words and (words[-1].is_punct or words[-1].is_space):
            words.pop()
        if len(words) >= 4:
            return words
    if verb.dep_ in ("parataxis", "advcl", "conj") and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX") \
            and sentence_of(verb.head) == sent and "," in text_of(sent.doc)[sent.start_char:verb.idx]:
        # "Two tanks smashed through the gate, UNIFIL said.": what comes before the attribution
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        first = min([verb.i, *(t.i for t in subject.subtree)]) if subject is not None else verb.i
        words = [t for t in sent if t.i < first]
        while words and (words[-1].is_punct or words[-1].is_space):
            words.pop()
        if len(words) >= 4:
            return words
    if verb.dep_ == "parataxis" and verb.head.i > verb.i and sentence_of(verb.head) == sent:
        # "The mission in Afghanistan, he added, was to defeat al-Qaeda": the sentence around the attribution
        inside = {t.i for t in verb.subtree}
        words = [t for t in sent if t.i not in inside and not (t.is_punct and t.i + 1 in inside)]
        while words and (words[-1].is_punct or words[-1].is_space):
            words.pop()
        if len(words) >= 4:
            return words
    relative = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in ("which", "that")), None) \
        if verb.dep_ == "relcl" else None
    if relative is not None:  # "the drills, which the military described as a rehearsal": what it described
        parts.extend(t for t in verb.head.subtree if t.i <= verb.head.i)
        relative_at = relative.i
    else:
        relative_at = -1
    for child in verb.children:
        if child.i == relative_at:
            continue
        if child.dep_ == "prep" and any(t.lemma_.lower() in _VEHICLES and any(a.dep_ == "acl" for a in t.children)
                                        for t in child.subtree):
            parts.extend(child.subtree)  # "said in a statement that ..."
            continue
        # the date is the child itself ("said July 23") or its preposition's object ("said on July 23")
        dated = [c for d in (child, *child.children) for c in d.children if _said_on_date(c)] \
            if child.dep_ in ("npadvmod", "prep") else []
        if dated:
            parts.extend(dated[0].subtree)  # "said July 23 that Iraq had requested ...": the clause on the date
            continue
        if child.dep_ in _COMPLEMENTS or (child.dep_ == "prep" and child.lower_ in _COMPLEMENT_PREPS) or (
                child.dep_ == "prep" and child.lower_ == "to" and verb.lemma_.lower() == "allude"):
            if child.dep_ == "advcl" and child.lower_ == "adding":
                continue
            parts.extend(child.subtree)
    if not parts and verb.i + 1 < sent.end and verb.nbor(1).lower_ in ("this", "these"):
        # "Lt. Col. X announced this last Wednesday when ...": what the sentence before told
        return _sentence_before(sent)
    if not parts and verb.lemma_.lower() == "make" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _DISCLOSURES and any(d.lower_ == "the" for d in c.children)
            for c in verb.children):
        # "The Chief of Army Staff, X, made the disclosure during the graduation": what the sentence before told
        return _sentence_before(sent)
    return sorted(parts, key=lambda t: t.i) or None


def _sentence_before(sent) -> list[Token] | None:
    """The words of the sentence before `sent`, without its closing punctuation."""
    before = sentence_of(sent.doc[sent.start - 1]) if sent.start > 0 else None
    words = [t for t in before if not t.is_space] if before is not None else []
    while words and words[-1].is_punct:
        words.pop()
    return words or None


def _text(tokens: list[Token]) -> str:
    return join_tokens(tokens)


def _attached_quotes(verb: Token, art: _Article, used: set[int]) -> list[Quote]:
    """Quotes this verb attributes: just before it in its sentence ('"...," X said'), just after it
    ('X said: "..."', 'X said "..."'), or the paragraph after a lead-in ending with a colon."""
    sent = sentence_of(verb)
    text = art.text
    attached = []
    # '"...," the ministry quoted Major X, head of ..., as saying': the quote ends just before 'quoted'
    at = quoting_verb(verb) or verb
    for quote in art.quotes:
        if id(quote) in used or quote.start >= sent.end_char:
            continue
        split = quote.end <= sent.start_char and not text[quote.end:sent.start_char].strip() \
            and text[sent.start_char:sent.start_char + 1].islower()  # '"... the alternative?" he asked.' split at '?'
        if quote.end <= at.idx and (quote.end > sent.start_char - 1 or split):
            between = text[quote.end:at.idx]
            # '"...," X said' / '"...?" asked X': the quote ends its utterance, the attribution follows
            ends_utterance = re.search(r"[,.?!—–-]\s*$", text[quote.inner_start:quote.inner_end]) or \
                re.match(r"\s*[,?!—–-]", between)
            close = split or art.sentence_bounds(verb.idx)[0] <= quote.end
            if ends_utterance and close and len(between.split()) <= 12 and ";" not in between:
                attached.append(quote)
        elif quote.start > verb.idx and sent.start_char <= quote.start:
            between = text[verb.idx + len(verb.text):quote.start]
            if len(between.split()) <= 6 and _LEAD_IN.search(between):
                attached.append(quote)
    if not attached and text[sent.start_char:sent.end_char].rstrip().endswith(":"):
        nxt = art.para_of(verb.idx) + 1  # not of sent.end_char: a sentence keeps the blank line after it
        attached = [q for q in art.quotes if id(q) not in used and (
            q.opens_paragraph and art.para_of(q.start) == nxt
            or q.start >= sent.end_char and not text[sent.end_char:q.start].strip())][:1]  # the next line
    return attached


def _lead_ins_without_verb(art: _Article, used: set[int], found: list[Said], resolver: SpeakerResolver) -> None:
    """'Lecornu was blunt: "..."': a sentence ending in a colon hands the quote after it to its subject."""
    for quote in art.quotes:
        if id(quote) in used:
            continue
        before = art.text[:quote.start].rstrip()
        if not before.endswith(":"):
            continue
        span = art.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        if span is None:
            continue
        root = _clause_head(span[0], art)
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root else None
        if subject is None or _is_speech(root):
            continue
        actor = resolver.resolve(subject, root)
        if actor is None:
            continue
        used.add(id(quote))
        start = sentence_of(span).start_char
        found.append(Said(actor, "direct", quote.text(art.text), start, art.sentence_bounds(quote.end - 1)[1],
                          root, [quote], art.para_of(quote.start)))


def _clause_head(colon: Token, art: _Article) -> Token | None:
    """The verb whose clause ends in `colon` ('Lecornu was blunt:'), outside any quote."""
    tok = colon.nbor(-1) if colon.i > 0 else colon
    for candidate in [tok, *tok.ancestors]:
        if candidate.pos_ in ("VERB", "AUX") and art.inside(candidate.idx) is None:
            return candidate
    return None


def _attach_continuations(art: _Article, used: set[int], found: list[Said], resolver: SpeakerResolver) -> None:
    """A quote with no attribution of its own continues a statement: the second half of a split quote, the
    next paragraph of a quote that runs over several, or (when the attribution comes after) the next one.
    A quote paragraph right after a person is introduced is theirs."""
    text = art.text
    for quote in art.quotes:
        if id(quote) in used or quote.words(text) < 3:
            continue
        para = art.para_of(quote.start)
        if any(s.start <= quote.start < s.end for s in found):
            continue  # a partial quote inside a statement already found
        earlier = [s for s in found if s.start <= quote.start]
        later = [s for s in found if s.start > quote.start]
        last = earlier[-1] if earlier else None
        if last is not None and _continues(art, last, quote, para):
            _extend(last, quote, art, para)
            used.add(id(quote))
            continue
        nxt = later[0] if later else None
        if nxt is not None and quote.opens_paragraph and not quote.closed and nxt.kind == "direct" \
                and art.para_of(nxt.start) == para + 1:
            _extend(nxt, quote, art, para, before=True)  # the attribution comes in the next paragraph
            used.add(id(quote))
            continue
        if quote.opens_paragraph and quote.words(text) >= 5:
            actor = resolver.person_before(quote.start, within_chars=600)
            named_at = resolver.person_named_at(quote.start)
            if last is not None and last.paragraph == para - 1 and named_at is not None \
                    and last.start <= named_at < last.end and last.actor.kind == "person":
                # "... he stressed the presence would be 'morphed' into a mission in Dhi Qar.\n\n"This will be
                # ..."": a name inside what the last speaker said is no new speaker; the quote goes on theirs
                actor = last.actor
            if actor is not None:
                start, end = art.sentence_bounds(quote.start)[0], art.sentence_bounds(quote.end - 1)[1]
                found.append(Said(actor, "direct", quote.text(text), start, end, None, [quote], para))
                found.sort(key=lambda s: s.start)
                used.add(id(quote))


def _continues(art: _Article, last: Said, quote: Quote, para: int) -> bool:
    if quote.start < last.end:
        return False
    between = art.text[last.end:quote.start]
    span = art.doc.char_span(last.end, quote.start, alignment_mode="contract")
    if span is not None and any(_is_speech(t) for t in span):
        return False
    if para == last.paragraph:
        return len(between.strip()) <= 3
    return quote.opens_paragraph and para - last.paragraph == 1 and last.kind == "direct" and (
        not last.quotes or not last.quotes[-1].closed or last.quotes[-1].opens_paragraph)


def _extend(said: Said, quote: Quote, art: _Article, para: int, before: bool = False) -> None:
    said.quotes.append(quote)
    said.kind = "direct"
    if before:
        said.content = f"{quote.text(art.text)} … {said.content}"
        said.start = min(said.start, art.sentence_bounds(quote.start)[0])
    else:
        said.content = f"{said.content} … {quote.text(art.text)}"
        said.end = max(said.end, art.sentence_bounds(quote.end - 1)[1])
        said.paragraph = para
