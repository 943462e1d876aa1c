"""Who speaks, as tokens of the parse: the subject of a verb of saying, and the places the parser puts a speaker
elsewhere (after the verb, after a comma, in apposition at the end of a title's phrase, after an opening
participle, in an outlet run on before its verb, the agent of 'as stated by'). Resolving a token to an actor is
speakers.py's work; statements.py finds the verbs."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Token

from missiondesk.extract.actor import Actor
from missiondesk.extract.reporters import is_reporter
from missiondesk.extract.sentences import sentence_of
from missiondesk.extract.speaker_phrases import _role_nouns
from missiondesk.extract.speaker_words import _HONORIFICS, _RANKS, _TITLE_NOUNS, _TITLE_WORDS, _lexicon

if TYPE_CHECKING:
    from missiondesk.extract.statements import _Article

_INVERTING = {"say", "add", "state", "note", "explain", "insist", "write", "stress", "warn", "claim", "argue",
              "confirm", "announce", "observe", "remark", "declare", "conclude", "continue", "report", "judge",
              "estimate", "recall", "underline", "emphasise", "emphasize", "detail"}

# Verbs of speech that a force's own acts share ("defend", "push", "press", "counter", "secure"): with troops or a
# unit as their subject they tell of an act, not of words
# "ended a visit by reaffirming her country's commitment": verbs of stating a stand, after "by"
_AFFIRMING = {"reaffirm", "affirm", "reiterate", "stress", "emphasise", "emphasize", "pledge", "promise", "vow",
              "thank", "praise", "welcome", "underline", "underscore"}
_PLAIN_SPEECH = {"say", "tell", "announce", "state", "declare", "confirm", "report", "claim", "warn", "add", "deny",
                 "write", "note", "explain", "insist", "stress", "urge", "call", "tweet", "accuse", "request",
                 "threaten", "condemn", "speak", "ask", "demand"}


# Nouns of something said: "The assurance came from General X"
_SAID_NOUNS = {"assurance", "assurances", "announcement", "statement", "warning", "remarks", "remark", "comments",
               "comment", "appeal", "claim", "confirmation", "denial", "pledge", "message", "criticism",
               "admission", "revelation", "disclosure", "call", "plea", "promise", "threat", "reassurance"}


def came_from(verb: Token) -> Token | None:
    """'The assurance came from Lt. General X': who a noun of something said came from speaks."""
    if verb.lemma_.lower() != "come" or not any(
            c.dep_ == "nsubj" and c.lemma_.lower() in _SAID_NOUNS for c in verb.children):
        return None
    return next((o for p in verb.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children
                 if o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                                          or o.lower_ in _lexicon()["speaker_nouns"])), None)


_SPEAKING_OBJECTS = {"official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson",
                     "minister", "ministry", "diplomat", "diplomats", "officer", "officers", "commander"}


def _quoted_by_reporter(verb: Token) -> Token | None:
    """'..., news portal Sun.mv reported, quoting Zameer as saying', '..., the agency reported, quoting a ministry
    spokesman': the one the report quotes speaks, not the outlet."""
    if verb.lemma_.lower() not in ("report", "say", "write", "add") or not is_reporter(
            next((c for c in verb.children if c.dep_ == "nsubj"), verb)):
        return None
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.lemma_.lower() not in ("quote", "cite") or clause.tag_ != "VBG":
            continue
        quoted = next((c for c in clause.children if c.dep_ == "dobj"), None)
        as_saying = any(c.lower_ == "as" for c in clause.children)
        if quoted is not None and (as_saying or clause.lemma_.lower() == "quote" and (
                quoted.ent_type_ == "PERSON" or quoted.lower_ in _SPEAKING_OBJECTS)):
            return quoted  # (not "citing its sources", "citing the ministry": the outlet's own report)
    return None


def _speaker_of(verb: Token, art: _Article) -> Token | None:
    source = came_from(verb)
    if source is not None:
        return source
    quoted = _quoted_by_reporter(verb)
    if quoted is not None:
        return quoted
    if verb.lower_ == "according":
        to = verb.nbor(1)
        # the object of "to" itself before one inside a title ("According to Deputy Minister of Defence X")
        objects = [c for c in to.children if c.dep_ == "pobj"] or [t for t in to.subtree if t.dep_ == "pobj"] or [
            c for c in verb.children if c.dep_ == "pobj"] or [
            t for t in to.children if t.dep_ == "pcomp" and t.text[:1].isupper()]  # "According to Adly," mis-tagged
        if objects and is_reporter(objects[0]):
            # "According to ORF, the ambassador, Anna Evstigneeva, renewed her criticism": the one reported on
            person = next((c for c in verb.head.children if c.dep_ == "nsubj" and (
                c.ent_type_ == "PERSON" or any(
                    a.dep_ == "appos" and a.pos_ == "PROPN" for a in c.children))), None)
            if person is not None and verb.head.pos_ == "VERB":
                return person
        if objects and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.head.children):
            # "According to ORF, Russia's deputy ambassador, Anna Evstigneeva, renewed ...": the parser hung the
            # clause's subject on the source as an appositive
            person = next((t for t in objects[0].subtree if t.dep_ == "appos" and t.ent_type_ == "PERSON"
                           and t.i > objects[0].i and objects[0].ent_type_ != "PERSON"
                           and t.doc[t.left_edge.i - 1].text == ","), None)
            if person is not None:
                return person
        if objects:
            named = _name_after_title(objects[0])
            if named is not None:  # "According to the Press Officer of the mission, Lt. Jane Roe, ...": Jane Roe
                return named
        return objects[0] if objects else None
    agent = _agent(verb)
    if agent is not None and any(c.dep_ == "auxpass" for c in verb.children):
        return agent  # "it was corroborated by an Egyptian official", "the plan was announced by the ministry"
    if _as_stated(verb):  # "As stated by the ministry, ...", "As stated in the mission's statement, ..."
        return agent or next((o for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"
                              for o in p.children if o.dep_ == "pobj"), None)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and art.inside(c.idx) is None]
    if subjects:
        # "UNIFIL spokesperson Andrea Tenenti said" can parse with two subjects: the name, else the nearest
        # ("The NATO Military Commander in Afghanistan John Nicholson said": a title the tagger made a name is not)
        people = sorted((c for c in subjects if c.ent_type_ == "PERSON"),  # the nearest of two names
                        key=lambda c: (c.lower_ in _TITLE_NOUNS, abs(c.i - verb.i)))
        child = people[0] if people else min(subjects, key=lambda c: abs(c.i - verb.i))
        if child.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
            return verb.head
        adjacent = verb.doc[verb.i - 1] if verb.i > 0 else None
        if adjacent is not None and adjacent.ent_type_ == "PERSON" and adjacent.dep_ == "appos" and \
                adjacent.head.i == child.i and verb.i - child.i > 8:
            # "alongside his counterpart, Defence Minister X, to the troops stationed there now Mr Y said": the
            # parse made the name far before the subject and the one right before the verb its appositive
            return adjacent
        return _name_closing_title(child) or _name_before_title(child) or child
    opening = _after_opening_participle(verb)
    if opening is not None:
        return opening
    described = _name_before_description(verb)
    if described is not None:  # "Major X, officer commanding 60 squadron, said:": the parse made the
        return described       # description a clause with the name as its subject
    outlet = _outlet_before(verb)
    if outlet is not None:  # "..., Turkey's Hurriyet daily reported": the parser hung the outlet elsewhere
        return outlet
    if verb.dep_ == "acl" and verb.head.dep_ == "dobj" and any(c.lower_ == "to" for c in verb.children):
        return _speaker_of(verb.head.head, art)  # "Esper took pains to argue": who took pains
    if verb.dep_ == "pcomp" and verb.head.lower_ == "by" and verb.head.head.pos_ == "VERB" and verb.tag_ == "VBG" \
            and (verb.lemma_.lower() in _PLAIN_SPEECH or verb.lemma_.lower() in _AFFIRMING
                 and verb.head.head.tag_ in ("VBD", "VBZ", "VBP")):  # not "wants to draw a line by underscoring"
        return _speaker_of(verb.head.head, art)  # "an official responded to the reports by saying ...": who responded
    quoting = quoting_verb(verb)
    if quoting is not None:
        # "the agency quoted him as saying", "X was quoted by AFP as saying": the one quoted speaks
        quoted = next((c for c in quoting.children if c.dep_ in ("dobj", "nsubjpass")), None)  # "X was quoted"
        if quoted is not None:
            return quoted
        # the parse may hang "as saying" elsewhere: "news agency RIA quoted ambassador X as saying", the words
        # between the verb and "as"
        between = list(verb.doc[quoting.i + 1: verb.head.i])
        roots = [t for t in between if not quoting.i < t.head.i < verb.head.i and t.pos_ in ("PROPN", "NOUN", "PRON")]
        if len(roots) == 1:
            return roots[0]
    # '"...?" asked a Ghanaian officer': after a quote the speaker may follow the verb as its object; so may
    # it after a comma ("South Africa will send 256 soldiers, added the spokesman, without saying when")
    before = art.text[max(0, verb.idx - 4):verb.idx]
    if re.search(r",\s*$", before) and verb.lemma_.lower() in _INVERTING and _speaker_after(verb) is not None:
        return _speaker_after(verb)
    if re.search(r"[\"”’']\s*$", before):
        for child in verb.children:
            if child.dep_ in ("dobj", "attr", "dative", "npadvmod", "appos") and child.i > verb.i:
                return child
    named = _name_just_before(verb) or _speaker_just_before(verb)
    if named is not None:  # "Chile will send 270 troops to Haiti, President Ricardo Lagos announced": the parse
        return named        # hung the name on the place before it
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head
        if verb.tag_ == "VBG" and verb.dep_ == "advcl":
            # "Germany wants the troops to stay, saying ...": the participle tells of the main clause's subject,
            # not of the clause the parser hung it on
            while head.dep_ in ("ccomp", "xcomp") and head.head.i != head.i and head.head.pos_ in ("VERB", "AUX"):
                head = head.head
        return _speaker_of(head, art)
    return _closing_speaker(verb, art)


def quoting_verb(verb: Token) -> Token | None:
    """'quoted X as saying', 'cited X as saying': the verb of quoting that a 'saying' after 'as' belongs to, also
    where the parse hung 'as saying' on another word; within a few words before it."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as":
        return None
    if verb.head.head.lemma_.lower() in ("quote", "cite"):
        return verb.head.head
    start = sentence_of(verb).start
    return next((t for t in reversed(verb.doc[max(start, verb.head.i - 8): verb.head.i])
                 if t.lemma_.lower() in ("quote", "cite")), None)


def _name_before_title(subject: Token) -> Token | None:
    """'Won Tae-jae, a spokesman at the Ministry of Defense said': the appositive's closing comma is missing, so the
    parse made the title the subject; the name set off before it speaks."""
    doc = subject.doc
    start = subject.left_edge.i
    if start < 2 or doc[start - 1].text != "," or doc[start].lower_ not in ("a", "an") \
            or subject.lower_ not in _TITLE_NOUNS and subject.lemma_.lower() not in _TITLE_NOUNS:
        return None
    name = doc[start - 2]  # not one inside a phrase before ("After a meeting with X, a ... said")
    return name if name.ent_type_ == "PERSON" and name.dep_ != "pobj" else None


def _name_before_description(verb: Token) -> Token | None:
    """A person's name set off by a comma before a description the parser read as a clause of its own
    ('Major Jane Roe, officer commanding the squadron, said'): the name is the speaker."""
    doc = verb.doc
    for clause in verb.children:
        if clause.dep_ not in ("advcl", "npadvmod", "ccomp") or clause.i > verb.i:
            continue
        name = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.ent_type_ == "PERSON"
                     and c.i < clause.i), None)
        if name is None:
            continue
        end = max((t.i for t in name.subtree if not t.is_punct), default=name.i)  # the comma may hang on the name
        if end + 1 < len(doc) and doc[end + 1].text == "," and doc[verb.i - 1].text == ",":
            return name
    return None


def _name_just_before(verb: Token) -> Token | None:
    """A person's name right before a verb of speech that has no subject of its own, set off by a comma from the
    clause before it ('..., Chilean President Ricardo Lagos announced Monday'): the name speaks."""
    doc = verb.doc
    if verb.i == 0 or verb.lemma_.lower() not in _PLAIN_SPEECH:
        return None
    last = doc[verb.i - 1]
    if last.ent_type_ != "PERSON":
        return None
    start = last.i
    while start > 0 and (doc[start - 1].ent_type_ == "PERSON" or doc[start - 1].dep_ == "compound"
                         and doc[start - 1].head.i in range(start, last.i + 1) and doc[start - 1].text[:1].isupper()):
        start -= 1
    return last if start > 0 and doc[start - 1].text == "," else None


def _speaker_just_before(verb: Token) -> Token | None:
    """'Italy is to send 1,500 troops to back the new strategy, a source in the defence ministry told AFP': an
    unnamed speaker set off by a comma right before a verb of speech that has no subject, which the parse hung on
    the clause before (as an appositive): it speaks."""
    doc = verb.doc
    if verb.i < 3 or verb.lemma_.lower() not in _PLAIN_SPEECH or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    comma = next((i for i in range(verb.i - 1, max(verb.i - 9, 0), -1) if doc[i].text == ","), None)
    if comma is None:
        return None
    phrase = doc[comma + 1:verb.i]
    roots = [t for t in phrase if not (comma < t.head.i < verb.i) or t.head.i == t.i]
    if len(roots) != 1 or roots[0].lemma_.lower() not in _lexicon()["speaker_nouns"] or \
            not any(t.lower_ in ("a", "an", "the") or t.pos_ == "PROPN" for t in phrase if t.i < roots[0].i):
        return None
    return roots[0]


def _name_closing_title(subject: Token) -> Token | None:
    """'the spokesman for the Ugandan contingent Captain Jane Roe said', 'Commanding Officer of X, Lieutenant
    Colonel Jane Roe told': the name in apposition that closes a title's phrase is the one who speaks."""
    if subject.lower_ not in _TITLE_NOUNS and subject.lemma_.lower() not in _TITLE_NOUNS and \
            subject.lower_ not in _lexicon()["speaker_nouns"]:
        return None
    last = subject.doc[max(t.i for t in subject.subtree)]
    if last.i > subject.i + 1 and last.ent_type_ == "PERSON" and last.dep_ == "appos":
        return last  # also "Commanding Officer of Marine Rotational Force Darwin, Lieutenant Colonel X told"
    return None

def _keep_title(name: Token, actor: Actor) -> None:
    """A name taken from the end of a title's phrase keeps the title's nouns, so that 'the UNCI spokesperson'
    later is still the person ('The spokesperson for the UN operations (UNCI), Hamadou Toure, announced')."""
    title = name.head
    if name.dep_ != "appos" or actor.kind != "person" or title.i == name.i:
        return
    words = " ".join(t.text for t in title.subtree if t.i < name.left_edge.i and not t.is_punct)
    actor.nouns |= _role_nouns(words)
    actor.role = actor.role or words or None

def _after_opening_participle(verb: Token) -> Token | None:
    """'Addressing the contingent at the airport, Lt Gen Jane Roe, chief of staff, said ...': the parser may make
    the opening participle the verb's subject and the person after its comma the participle's object."""
    opening = next((c for c in verb.children if c.dep_ == "csubj" and c.tag_ == "VBG"), None)
    if opening is None:
        # "Speaking at the parade at the training centre, Karen, the Commander of Land Forces, Major General X,
        # said": no subject at all, the whole run hung on the participle; the name set off right before the verb
        opening = next((c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i < verb.i), None)
        doc = verb.doc
        if opening is None or verb.i < 2 or doc[verb.i - 1].text != ",":
            return None
        last = doc[verb.i - 2]
        return last if last.ent_type_ == "PERSON" and last.i in {t.i for t in opening.subtree} else None
    comma = next((t for t in opening.subtree if t.text == "," and t.i > opening.i), None)
    if comma is None:
        return None
    return next((t for t in opening.subtree if t.i > comma.i and t.ent_type_ == "PERSON" and t.dep_ != "compound"),
                None)

def _name_after_title(title: Token) -> Token | None:
    """'the Press and Information Officer of UNIFIL, Lt. Andy La-Anyane,': the name set off by commas right after
    a title's phrase is its holder's, however the parser hung it."""
    if title.lower_ not in _TITLE_NOUNS and title.lower_ not in _TITLE_WORDS:
        return None
    doc = title.doc
    k = max(t.i for t in title.subtree) + 1
    if k >= len(doc) or doc[k].text != ",":
        return None
    k += 1
    while k < len(doc) and (doc[k].lower_ in _RANKS or doc[k].lower_ in _HONORIFICS) and not doc[k].ent_type_:
        k += 1
    ent = next((e for e in doc.ents if e.label_ == "PERSON" and e.start == k), None)
    if ent is None or ent.end >= len(doc) or doc[ent.end].text != ",":
        return None
    return doc[ent.end - 1]

def _closing_speaker(verb: Token, art: _Article) -> Token | None:
    """'Russian peacekeepers have done their job, Viktor Bondarev, first deputy chairman of the committee,
    said.': a verb of saying whose speaker the parser hung elsewhere: the person named right before it, or the
    nearest one set off by commas before the appositive that ends at the verb; outside quotes."""
    if verb.i == 0 or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    sent = sentence_of(verb)
    people = [e for e in verb.doc.ents if e.label_ == "PERSON" and sent.start <= e.start and e.end <= verb.i
              and art.inside(e.start_char) is None]
    if people and people[-1].end == verb.i:  # "In a post on X, M23 spokesman Innocent Rugira said": right before
        return people[-1][-1]
    described = _described_before(verb, sent)
    if described is not None:  # "..., a communications officer for the mission said.": the parse hung it elsewhere
        return described
    if verb.nbor(-1).text != ",":
        return None
    for ent in reversed(people):  # "..., Kwame Asante, the AU commissioner for peace, said"
        if ent.start > sent.start and verb.doc[ent.start - 1].text == "," and verb.doc[ent.end].text == ",":
            return ent[-1]
    return None

def _described_before(verb: Token, sent) -> Token | None:
    """A speaker described between the last comma and a subjectless verb of saying at the sentence's end ('...,
    a communications officer for the mission said.'): the phrase's head, a speaker noun."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or verb.i + 2 < sent.end and not all(
            t.is_punct or t.is_space or t.pos_ in ("ADV", "NOUN", "PROPN", "ADP", "DET")
            for t in verb.doc[verb.i + 1: sent.end]):
        return None
    comma = next((k for k in range(verb.i - 1, sent.start - 1, -1) if verb.doc[k].text == ","), None)
    if comma is None or not 1 < verb.i - comma <= 9 or verb.doc[comma + 1].lower_ not in ("a", "an", "the"):
        return None
    inside = range(comma + 1, verb.i)
    nouns = _lexicon()["speaker_nouns"]
    return next((t for t in verb.doc[comma + 1: verb.i] if t.head.i not in inside and t.pos_ == "NOUN"
                 and (t.lemma_.lower() in nouns or t.lower_ in nouns)), None)


def _outlet_before(verb: Token) -> Token | None:
    """'..., Turkey's Hurriyet daily reported', '..., the Czech News Agency (CTK) reported': an outlet named after
    a comma right before its verb, which the parser hung on the clause before; its head word."""
    span = _outlet_span(verb)
    return verb.doc[span[1]] if span else None

def _outlet_span(verb: Token) -> tuple[int, int] | None:
    """The first and the head word of the outlet _outlet_before finds."""
    if verb.lemma_.lower() not in _INVERTING or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    doc = verb.doc
    k = verb.i - 1
    if k > 0 and doc[k].text == ")":  # "(CTK)"
        while k > 0 and doc[k].text != "(":
            k -= 1
        k -= 1
    if k < 1:
        return None
    head = doc[k]
    if not is_reporter(head) and not (head.pos_ == "PROPN" and any(is_reporter(t) for t in doc[max(0, k - 3):k + 1])):
        return None
    first = k
    while first > 0 and doc[first - 1].text != "," and (
            doc[first - 1].pos_ in ("PROPN", "DET", "PART", "ADJ", "NOUN") or doc[first - 1].text in ("'s", "’s")):
        first -= 1
    if first == 0 or doc[first - 1].text != "," or k - first > 6:
        return None
    return first, k

def _speaker_after(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("dobj", "attr", "npadvmod", "appos") and c.i > verb.i and (
        c.ent_type_ == "PERSON" or c.lemma_.lower() in _lexicon()["speaker_nouns"]
        or c.pos_ == "PROPN" and is_reporter(c))), None)  # "..., reported Moscow Times"

_SAID_BY = {"announce", "confirm", "corroborate", "deny", "condemn", "criticise", "criticize", "reject", "tell",
            "report", "state", "declare", "reveal", "disclose", "urge", "warn", "dismiss"}

def _agent(verb: Token) -> Token | None:
    """The one 'by' whom a passive verb of saying was done: 'was confirmed by the ministry' (not 'written by',
    'praised by': authorship and judgement of a thing, no words of their own reported)."""
    if verb.lemma_.lower() not in _SAID_BY:
        return None
    return next((p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)


_AS_SAID = {"say", "note", "state", "tell", "explain", "put", "announce", "stress", "confirm", "point", "add",
            "emphasise", "emphasize", "report", "write", "warn"}


def _as_said(verb: Token) -> bool:
    """'As the ministry said, the contingent trained for months', '..., as the minister put it': a clause of saying
    with its own subject, set off by 'as', that attributes the clause it hangs on."""
    return verb.dep_ == "advcl" and verb.lemma_.lower() in _AS_SAID and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and not any(
        c.dep_ in ("ccomp", "dobj") and c.lower_ not in ("it",) for c in verb.children)


def _as_stated(verb: Token) -> bool:
    """'As stated by the ministry, ...', 'as announced in the mission's statement': a participle of saying that
    attributes the clause it hangs on."""
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and any(
        c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "in" for c in verb.children)
