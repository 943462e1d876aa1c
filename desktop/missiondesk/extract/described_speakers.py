"""Speakers an article describes instead of naming: bodies ('the Defense Department', 'the bloc', 'Taliban
officials'), documents that speak for their authors ('the resolution stated'), unnamed officials of a named
body, members of an alliance, and descriptions ('a senior US official', 'diplomats familiar with ...').
A mixin of SpeakerResolver (speakers.py), which holds the people, pronouns and titles."""

from __future__ import annotations

import re

from spacy.tokens import Token

from missiondesk.extract.actor import Actor
from missiondesk.extract.context import ARMED_GROUPS, COUNTRIES
from missiondesk.extract.officeholders import gender_of
from missiondesk.extract.speaker_bodies import (
    _demonyms,
    _national_body,
    _title_holder,
    force_country,
    home_country,
    mission_actor,
    story_country,
)
from missiondesk.extract.speaker_phrases import (
    _author_of_document,
    _in_clause,
    _outside_clauses,
    _text,
    nations_in,
    same_nation,
)
from missiondesk.extract.speaker_words import (
    _AUTHORED,
    _BODY_NOUNS,
    _DETERMINERS,
    _DOCUMENT_REACH,
    _DOCUMENTS,
    _GENERIC_BODIES,
    _MEMBERS,
    _MISSION_SPEAKERS,
    _OF_BODY,
    _OFFICIAL_NOUNS,
    _PRONOUNS,
    _RANK_ADJECTIVES,
    _lexicon,
    _word_set,
)

_ADOPTED = {"adopt", "pass", "approve", "issue", "release", "publish", "sign", "draft", "write", "send", "table"}


def _writer_before(subject: Token, lemma: str) -> Token | None:
    """The subject of the last verb before `subject` that adopted, issued or signed a document of the same kind
    ('the Security Council adopted a resolution'), within _DOCUMENT_REACH tokens."""
    doc = subject.doc
    for tok in reversed(doc[max(0, subject.i - _DOCUMENT_REACH):subject.i]):
        if tok.lemma_.lower() == lemma and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ADOPTED:
            return next((c for c in tok.head.children if c.dep_ == "nsubj" and c.lower_ not in _PRONOUNS), None)
    return None


def _ministry_field(name: str) -> str | None:
    """'defence' for 'Ministry of Defense', 'the defence ministry'; None when the name gives no field."""
    found = re.search(r"(?i)\b(defen[cs]e|armed forces|foreign|external|state department|interior|home|justice|"
                      r"finance|health|security|information)\b", name)
    if not found:
        return None
    field = found.group(1).lower()
    return {"defense": "defence", "armed forces": "defence", "external": "foreign",
            "state department": "foreign"}.get(field, field)


_MINISTRY_NAME = re.compile(r"Ministry|Department of|State Department|Foreign Office|Secretariat of")
_WHEN = re.compile(r"\s+(?:on|last|this|late|early)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|"
                   r"March|April|May|June|July|August|September|October|November|December)\b(?:\s+\d{1,2}\b)?")
_SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson"}
_NAMELESS_BODIES = {"ministry", "presidency", "embassy"}  # bodies the article names without their country
_NATIONAL_FORCES = {"army", "military", "navy"}  # a country's, when the phrase names it
# texts a speaker issues, unlike a report or a study
_ISSUED = {"statement", "communique", "communiqué", "release", "announcement"}
_SPOKEN_REACH = 1000  # characters: how far back a body that spoke is still 'the bloc', 'the organisation'


def _sentence_country(subject: Token, ctx) -> str | None:
    """The country a sentence opens on, before a ministry that gives none ('France is to reduce its contingent ...,
    the foreign ministry said'): the ministry is that country's."""
    sent = subject.sent
    for i in range(sent.start, subject.i):
        mention = ctx.by_token.get(i)
        if mention is not None and mention.entity.kind in ("country", "demonym") and not _where_troops_are(
                subject.doc[mention.end - 1]):
            return mention.entity.country or mention.entity.name
    return None


def _where_troops_are(tok: Token) -> bool:
    """'25 of them are already in the Central African Republic, the Defense Ministry said': a country named as the
    place of troops ('in', 'to', 'into', 'inside') is where they are, not whose ministry speaks."""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "to", "into", "inside", "at")


_BODY_REFERENCES = {"institution", "ministry", "body", "organisation", "organization", "agency", "department"}
_ISSUERS = _BODY_REFERENCES | {"government"}  # bodies a generic word may stand for, by their head noun


def _headline_country(ctx) -> str | None:
    """The country the headline names first as a force ('120 Austrian soldiers are transferred to Sarajevo'),
    when it is not the place the story happens in."""
    nation = ctx.title_forces[0] if ctx.title_forces else None
    if nation not in COUNTRIES or ctx.located[nation] and ctx.located[nation] == max(ctx.located.values()):
        return None
    return nation


class DescribedSpeakers:
    """The resolver's methods for bodies, documents and described speakers; expects self.ctx, self.history,
    self.resolve(), self._name() and self._last() (SpeakerResolver)."""

    def _known_body(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'the Defense Department', 'the State Department', 'the Pentagon': bodies the news names without their
        country."""
        if subject.lemma_.lower() not in ("department", "pentagon", "command", "centcom"):
            return None
        words = " ".join(t.lower_ for t in phrase if t.lower_ not in _DETERMINERS and not t.is_punct
                         and t.dep_ != "cc")  # "the Pentagon and Nigerien officials": the Pentagon
        name = _lexicon().get("body_names", {}).get(words)
        return Actor(name, "body", text=_text(phrase), nouns={subject.lemma_.lower(), "statement"}) if name else None

    def _ministry_named_before(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'the Georgian Defence Ministry said ... According to the Ministry of Defense, ...': a ministry the phrase
        gives no country is the one that spoke before in the article, when their fields (defence, foreign...) agree."""
        if subject.lemma_.lower() != "ministry" or not any(t.lower_ == "the" for t in phrase if t.i < subject.i):
            return None
        if any((m := self.ctx.by_token.get(t.i)) and m.entity.kind in ("country", "demonym", "city") for t in phrase):
            return None  # "the Polish defence ministry" names its country
        field = _ministry_field(_text(phrase))
        for _, actor in reversed(self.described):
            if actor.kind not in ("body", "anonymous") or actor.plural or not _MINISTRY_NAME.search(actor.name):
                continue
            before = _ministry_field(actor.name)
            if field and before and field != before:
                continue
            self.history.append(actor)
            return actor
        return None

    def _generic_body(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'the pan-African body said', 'the bloc added': the organisation named last before it."""
        if subject.lemma_.lower() not in _GENERIC_BODIES or not any(t.lower_ == "the" for t in phrase):
            return None
        if [t.lower_ for t in phrase] == ["the", subject.lower_]:
            # "NATO said in a statement. The bloc added ...": the organisation that spoke just before, over the
            # one a gazetteer gives the bare word ("the bloc" is often the EU)
            orgs = {m.entity.name for m in self.ctx.by_token.values() if m.entity.kind == "org"}
            spoke = next((a for at, a in reversed(self.described) if at < subject.idx
                          and subject.idx - at <= _SPOKEN_REACH and a.kind == "body"), None)
            if spoke is not None and spoke.name in orgs:
                self.history.append(spoke)
                return spoke
        if any(self.ctx.by_token.get(t.i) for t in phrase):
            return None  # "the SADC bloc" names its body: not a reference back
        body = next((m for i, m in sorted(self.ctx.by_token.items(), reverse=True)
                     if i < subject.i and subject.i - i < _DOCUMENT_REACH and m.entity.kind == "org"), None)
        if body is None:
            return None
        return Actor(body.entity.name, "body", text=_text(phrase), nouns={subject.lemma_.lower(), "statement"})

    def _issuing_body(self, subject: Token) -> Actor | None:
        """'the institution's press release says', 'the ministry's statement': the body the article named or
        heard last, which a generic word for a body stands for."""
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is None or owner.lemma_.lower() not in _BODY_REFERENCES or not any(
                c.lower_ == "the" for c in owner.children):
            return None
        doc = subject.doc
        sent = subject.sent
        # the subject its sentence opens on first ("The Romanian Ministry of National Defense has been informed
        # ..., the institution's press release says"), then the body named last before
        order = [*(i for i in range(sent.start, owner.i) if doc[i].dep_ in ("nsubj", "nsubjpass")),
                 *range(owner.i - 1, max(-1, owner.i - _DOCUMENT_REACH), -1)]
        for i in order:
            named = self.ctx.by_token.get(i)
            if named is not None and named.entity.kind in ("org", "institution") and named.end - 1 == i \
                    or doc[i].lemma_.lower() in _ISSUERS and doc[i].text[:1].isupper():
                return self.resolve(doc[i])
        return None

    def _document(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'the resolution stated', 'the adopted text called for', 'a statement signed by the leaders of X':
        a document speaks for whoever wrote it: its signatory, its owner, else the body named last before it."""
        lemma = subject.lemma_.lower()
        if lemma not in _DOCUMENTS:
            return None
        author = next((pobj for acl in subject.children if acl.dep_ == "acl" and acl.lemma_.lower() in _AUTHORED
                       for agent in acl.children if agent.dep_ == "agent"
                       for pobj in agent.children if pobj.dep_ == "pobj"), None)
        if author is None:  # "the letter Ramaphosa sent to the Speaker", "the statement the ministry issued"
            author = next((c for rel in subject.children
                           if rel.dep_ == "relcl" and rel.lemma_.lower() in _AUTHORED
                           for c in rel.children if c.dep_ == "nsubj" and c.lower_ not in ("which", "that", "who")
                           and c.lower_ not in _PRONOUNS), None)
        from_sender = author is None  # "a statement from the Kenyan defence ministry": a body or person sent it
        if from_sender:
            author = next((o for p in subject.children if p.dep_ == "prep" and p.lower_ in ("from", "by")
                           for o in p.children if o.dep_ == "pobj"), None)
        if author is not None:  # "a statement signed by the leaders of Armenia", "issued by Kigali"
            for tok in author.subtree:
                mention = self.ctx.by_token.get(tok.i)
                if mention is not None and mention.entity.kind in ("city", "country") and (
                        tok.head.i == author.i or tok.i == author.i):
                    country = mention.entity.country or mention.entity.name
                    return Actor(f"Government of {country}", "body", text=_text(phrase), nouns={lemma, "statement"})
            found = self.resolve(author)
            if not from_sender or found is not None and found.kind != "anonymous":
                return found  # a sender that is no body or person: the rules below
        owner = next((c for c in subject.children if c.dep_ in ("poss", "compound")), None)
        if owner is not None and owner.lower_ not in _PRONOUNS and owner.lower_ not in ("its", "their"):
            found = self._name(owner, [owner]) or self._body(owner, [owner]) or self._owning_body(owner)
            if found is None and owner.lemma_.lower() in _MISSION_SPEAKERS:  # "the mission statement"
                mission = self.ctx.mission_before(subject.i) or self.ctx.main_mission
                found = Actor(mission_actor(mission), "body", nouns={lemma, "statement"}) if mission else None
            if found is not None:
                found.nouns.add(lemma)  # "a defence ministry communique said ... the communique said": theirs
                return found
        if lemma in ("statement", "report", "letter") and any(t.lower_ in ("the", "this") for t in phrase):
            writer = _writer_before(subject, lemma)
            if writer is not None:  # "The army issued a statement on Monday. The statement said ...": the army
                found = self.resolve(writer)
                if found is not None:
                    found.nouns.add(lemma)
                    return found
        if lemma in ("statement", "report", "letter") or not any(t.lower_ in ("the", "this") for t in phrase):
            return None  # "the statement said": the last speaker that made one (_description)
        writer = _writer_before(subject, lemma)
        if writer is not None:  # "The Security Council adopted a resolution ... The resolution condemned": its adopter
            found = self.resolve(writer)
            if found is not None:
                return found
        found = self._last(lambda a: a.kind == "body" and lemma in a.nouns)
        if found is not None:
            return found
        body = next((m for i, m in sorted(self.ctx.by_token.items(), reverse=True)
                     if i < subject.i and subject.i - i < _DOCUMENT_REACH
                     and m.entity.kind in ("org", "institution")), None)
        if body is None:
            return None
        return Actor(body.entity.name, "body", text=_text(phrase), nouns={lemma, "statement"})

    def _owning_body(self, owner: Token) -> Actor | None:
        """'a French defence ministry statement': the body its words name, with its country."""
        if owner.dep_ != "compound":
            return None
        document = owner.head  # the nationality may hang on the document: "French (defence ministry) statement"
        words = [t for t in owner.doc[document.left_edge.i:owner.i + 1] if t.dep_ not in ("det", "poss")]
        if len(words) < 2:
            return None
        found = self._description(owner, words)
        return found if found is not None and found.kind == "body" else None

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
        if mention is not None and mention.entity.kind == "demonym" and mention.entity.country \
                and mention.start == subject.i and subject.dep_ in ("nsubj", "nsubjpass") \
                and any(c.lower_ == "the" for c in subject.children) and not any(
                    c.dep_ in ("amod", "compound", "nummod") for c in subject.children):
            # "the Germans announced", "the French said": a people as a subject speaks as its country
            return Actor(mention.entity.country, "body", plural=True, text=" ".join(t.text for t in phrase),
                         nouns={"statement"})
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
        # "DoD officials": a body the news names by its short name, right before them (not "the Pentagon and
        # Nigerien defense officials", two bodies' officials)
        named_body = [t for t in words if t.lower_ in _lexicon().get("body_names", {}) and t.head.i == subject.i
                      and t.dep_ in ("compound", "nmod") and not any(c.dep_ in ("cc", "conj") for c in t.children)]
        body_nouns = [t for t in words if t.lemma_.lower() in _BODY_NOUNS or t in named_body]
        org = next((m for m in (self.ctx.by_token.get(t.i) for t in words)
                    if m and m.entity.kind in ("org", "institution", "mission")), None)
        if org is None:  # "a spokesperson for the mission known as MINUSMA": the name the clause gives it
            org = next((m for t in phrase if t.dep_ == "acl" and t.lemma_.lower() in ("know", "call", "name")
                        for m in (self.ctx.by_token.get(x.i) for x in t.subtree)
                        if m and m.entity.kind in ("org", "mission")), None)
        if body_nouns:
            head = body_nouns[-1]
            if head.i > subject.i and not (head.head.dep_ == "pobj" and head.head.head.lower_ in _OF_BODY
                                           or head.dep_ == "pobj" and head.head.lower_ in _OF_BODY):
                return None  # "a source close to the ministry" is not one of its officials
            body_words = [t for t in words if t.i <= head.i and t.lower_ not in _OF_BODY
                          and (t.i > subject.i) == (head.i > subject.i)]
            if not any(t.pos_ == "PROPN" or self.ctx.by_token.get(t.i) for t in body_words):
                nation = [t.lemma_.lower() for t in body_words] == ["government"] and (
                    self.ctx.story_nation() or self.ctx.contingent_nation() or self.ctx.most_named_country())
                if nation in COUNTRIES:
                    # "a government spokeswoman said" in a story of Germany's troops: Germany's government
                    return Actor(f"Government of {nation} (unnamed official)", "anonymous",
                                 plural=subject.tag_ in ("NNS", "NNPS"), text=_text(phrase),
                                 nouns={subject.lemma_.lower(), subject.lower_})
                ministry = self._last(lambda a: a.kind == "body" and " Ministry " in f" {a.name} ") if [
                    t.lemma_.lower() for t in body_words] == ["ministry"] else None
                if ministry is not None:  # "the Foreign Ministry said ... a ministry spokesperson said": its
                    return Actor(f"{ministry.name} (unnamed official)", "anonymous",  # spokesperson
                                 plural=subject.tag_ in ("NNS", "NNPS"), text=_text(phrase),
                                 nouns={subject.lemma_.lower(), subject.lower_})
                return None  # "a military source": no body named
            name = _national_body(head, body_words, self.ctx) or (  # "a source in the defence ministry": the
                self._bare_ministry(head, body_words) if head.lemma_.lower() == "ministry" else None  # story's
            ) or _lexicon().get("body_names", {}).get(
                " ".join(t.lower_ for t in body_words)) or re.sub(r"^(?:the|a|an)\s+", "", _text(body_words))
        elif org is not None and subject.tag_ not in ("NNS", "NNPS"):  # "NATO officials" stay a group
            name = mission_actor(org.entity.name) if org.entity.kind == "mission" else org.entity.name
            name = _lexicon().get("body_names", {}).get(name.lower(), name)  # "a Pentagon spokesman"
        else:
            country = self._officials_country(subject, words)
            if country is None:
                return None
            name = f"Government of {country}"  # "an Egyptian official", "two Iraqi officials": the government's
        return Actor(f"{name} (unnamed official)", "anonymous", plural=subject.tag_ in ("NNS", "NNPS"),
                     text=_text(phrase), nouns={subject.lemma_.lower(), subject.lower_})

    def _bare_ministry(self, subject: Token, phrase: list[Token]) -> str | None:
        """A ministry the phrase names no country for: the story's country's, else the one its sentence opens on."""
        return _national_body(subject, phrase, self.ctx, home=story_country(self.ctx) or _sentence_country(
            subject, self.ctx) or _headline_country(self.ctx) or force_country(subject, self.ctx)
            # "the Defense Ministry informed" in a story of a Peruvian contingent: the country named most as a force
            or self.ctx.most_named_country())

    def _officials_country(self, subject: Token, words: list[Token]) -> str | None:
        """The one country an official's nationality names ('an Egyptian official', 'Iraqi officials'), when no
        body is named; not a country whose officials the news and the gold answers keep as a source of their own
        ('US officials', statements.toml). Only officials, not sources, diplomats or spokespeople."""
        if subject.lemma_.lower() != "official" or any(c.lower_ in ("the", "this", "that") for c in subject.lefts):
            return None  # "the Iraqi official" points back at someone named or described before
        nations = {m.entity.country or m.entity.name for m in (self.ctx.by_token.get(t.i) for t in words)
                   if m is not None and m.entity.kind in ("demonym", "country") and m.start < subject.i}
        if len(nations) != 1:
            return None
        country = nations.pop()
        return None if country in _word_set("officials_kept_as_source") else country

    def _spokesperson_named_before(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'the British military spokesman' after 'Major Guy Richardson, the British spokesman for ISAF': the
        person named with that title, when the phrase's nation agrees and every body it names is in their title."""
        if subject.lemma_.lower() not in _SPOKESPEOPLE:
            return None
        text = _text(phrase)
        # the bodies it names, by name or by a proper noun that is no nation ("the Pentagon spokesman")
        names = {m.entity.name for m in (self.ctx.by_token.get(t.i) for t in phrase)
                 if m and m.entity.kind in ("org", "institution", "mission")}
        names |= {t.text for t in phrase if t.pos_ == "PROPN" and not nations_in(t.text)}
        # the last spokesperson that fits; one described without a name since ("A spokesperson for the army
        # said ... The spokesperson said") is the one meant, and the rules after this find it
        found = self._last(lambda a: bool(a.nouns & _SPOKESPEOPLE) and same_nation(text, f"{a.role} {a.text}")
                           and all(n.lower() in f"{a.role} {a.text} {a.name}".lower() for n in names))
        return found if found is not None and found.kind == "person" else None

    def _heard_before(self, subject: Token, kind: str | None = None) -> Actor | None:
        """The last speaker of a statement within reach before `subject` (of that kind, if given)."""
        return next((a for at, a in reversed(self.spoken) if at < subject.idx and subject.idx - at <= _SPOKEN_REACH
                     and kind in (None, a.kind)), None)

    def _whose_spokesperson(self, subject: Token) -> str | None:
        """The body a bare 'the spokesperson' speaks for: the last body heard before it, else the article's mission."""
        body = self._heard_before(subject, "body")
        if body is not None:
            return body.name
        mission = self.ctx.mission_before(subject.i) or self.ctx.main_mission
        return mission_actor(mission) if mission else None

    def _official_of_a_country(self, subject: Token, phrase: list[Token]) -> Actor | None:
        """'an official in Burundi', 'a senior official from Rwanda': the same speaker as 'a Burundian official'."""
        if subject.lemma_.lower() not in _OFFICIAL_NOUNS:
            return None
        country = next((m.entity.name for prep in subject.children if prep.dep_ == "prep"
                        and prep.lower_ in ("in", "from") for obj in prep.children if obj.dep_ == "pobj"
                        for m in [self.ctx.by_token.get(obj.i)] if m is not None and m.entity.kind == "country"), None)
        demonym = _demonyms().get(country) if country else None
        if demonym is None:
            return None
        ranks = [t.lower_ for t in phrase if t.i < subject.i and t.lower_ in _RANK_ADJECTIVES]
        text = " ".join([*ranks, demonym, subject.lower_])
        return Actor(text, "anonymous", plural=subject.tag_ in ("NNS", "NNPS"), text=text,
                     nouns={subject.lemma_.lower(), subject.lower_})

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
        issuer = self._issuing_body(subject) if lemma in _ISSUED else None
        if issuer is not None:  # "the institution's press release says": the body named just before
            return issuer
        spoke = self._spokesperson_named_before(subject, phrase) if definite else None
        if spoke is not None:  # "Major Jane Roe, the British spokeswoman, ... said the British military
            self.history.append(spoke)  # spokeswoman": the one named, not an unnamed official
            return spoke
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
        if not definite and lemma in _SPOKESPEOPLE and len(phrase) == 2 and phrase[0].lower_ in ("a", "an"):
            voice = self._whose_spokesperson(subject)
            if voice:  # "..., the military said. ..., a spokesman said": an official of the body heard before
                return Actor(f"{voice} (unnamed official)", "anonymous", text=_text(phrase), nouns={lemma})
        if definite:  # "the official", "the statement", "the ministry": the last one that fits
            # "the police chief" is not "the mission chief": a noun before the head must fit too
            mods = [t.lower_ for t in phrase if t.dep_ == "compound" and t.pos_ == "NOUN" and t.i < subject.i]
            # a body is not a person whose title names it ("head of the military section in the presidency")
            # nor is a body's paper ("the Defence Department release")
            of_a_body = lemma in _BODY_NOUNS or any(t.lemma_.lower() in _BODY_NOUNS for t in phrase if t.i < subject.i)
            found = self._last(lambda a: not (of_a_body and a.kind == "person") and (
                lemma in a.nouns or subject.lower_ in a.nouns) and same_nation(_text(phrase), f"{a.role} {a.text}")
                and all(
                m in a.nouns or m in (a.role or "").lower().split() or m in f"{a.text} {a.name}".lower().split()
                for m in mods))
            if found is not None:
                self.history.append(found)
                return found
            forces = force_country(subject, self.ctx) if lemma in ("military", "army") and len(phrase) == 2 else None
            if forces:  # "The Turkish army has begun ..., the military said": the Turkish military
                return Actor(f"{_demonyms().get(forces, forces)} {subject.lower_}", "body", text=_text(phrase),
                             nouns={lemma, "statement"})
            ministry = self._bare_ministry(subject, phrase) if lemma == "ministry" else None
            if ministry:  # "the Defense Ministry said", none named before: the ministry of the story's country
                return Actor(ministry, "body", text=_text(phrase), nouns={lemma, "statement"})
            voice = self._whose_spokesperson(subject) if lemma in _SPOKESPEOPLE and len(phrase) == 2 else None
            if voice:  # "the spokesperson said", no one named so: the body that spoke last, else the mission
                return Actor(f"{voice} (unnamed official)", "anonymous", text=_text(phrase), nouns={lemma})
            home = home_country(subject, self.ctx) if lemma == "cabinet" and len(phrase) == 2 else None
            if home:  # "the cabinet announced", no cabinet named before: the government of the article's country
                return Actor(f"Government of {home}", "body", text=_text(phrase), nouns={lemma, "statement"})
            if lemma in _ISSUED:  # "the statement said", nobody named as its issuer: the one who spoke last
                found = self._heard_before(subject)
                if found is not None and of_a_body and found.kind == "person":
                    # "the Defence Department release": the department heard before, not the last person
                    named = {t.lower_ for t in phrase if t.lemma_.lower() in _BODY_NOUNS}
                    found = self._last(lambda a: a.kind != "person" and bool(named & set(a.name.lower().split())))
                if found is not None:
                    return found
            mission = self.ctx.mission_before(subject.i) or self.ctx.main_mission \
                if lemma in _MISSION_SPEAKERS else None
            if mission:  # "the mission said": the one the article names
                return Actor(mission_actor(mission), "body", text=_text(phrase), nouns={lemma, "statement"})
        national = self._official_of_a_country(subject, phrase)
        if national is not None:
            return national
        ministry = self._bare_ministry(subject, phrase) if lemma == "ministry" and not definite else None
        if ministry:  # "a defense ministry communique said": a country has one; the story's country's
            return Actor(ministry, "body", text=_text(phrase), nouns={lemma, "statement"})
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
        text = _WHEN.sub("", text)  # "the commander of X on Wednesday announced": the day is not the speaker's
        if not text:
            return None
        plural = subject.tag_ in ("NNS", "NNPS")
        first = words[0] if words else subject
        if first.is_sent_start and first.pos_ != "PROPN" and not first.ent_type_ and not first.text.isupper() \
                and not self.ctx.by_token.get(first.i):
            text = text[:1].lower() + text[1:]  # "Diplomats say" and "diplomats said" are one actor
        if not plural and (lemma in _NAMELESS_BODIES or lemma in _NATIONAL_FORCES and nations_in(text)):
            # "the Ministry of National Defense", "the Kenyan army": a body, which 'it' and 'a spokesman' are of
            return Actor(text, "body", text=text, nouns={lemma, subject.lower_, "statement"})
        return Actor(text, "anonymous", plural=plural, text=text, nouns={lemma, subject.lower_})
