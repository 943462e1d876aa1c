"""Whose troops: the force a count belongs to, read from its noun phrase, the verb that sends or keeps it, and
the country or body a pronoun stands for."""

from __future__ import annotations

import itertools
import re

from spacy.tokens import Span, Token

from missiondesk.extract.context import (
    ARMED_GROUPS,
    COUNTRIES,
    PLACE_NOUNS,
    DocContext,
    acting,
    head_token,
    located,
)
from missiondesk.extract.officeholders import country_served
from missiondesk.extract.roles import (
    _PLACE_PREPS,
    _clause_verbs,
    _excluded,
    _mentions,
    _names_a_place,
    _skip_hedges,
    _verb_chain,
    _withdrawing,
    label_before,
    nearer_antecedent,
    part_of_a_whole,
    parts_verb,
    subject_of,
    whole_of_a_part,
)
from missiondesk.extract.sentences import sentence_of, start_back
from missiondesk.extract.wording import words

_ORIGIN_VERBS = {"come", "hail", "arrive", "draw", "be", "originate", "fly", "travel"}
_SENT_VERBS = {"expect", "send", "dispatch", "deploy", "pledge", "promise"}  # "troops expected from Benin"


def whose(anchor: Token, span: Span, sent: Span, ctx: DocContext) -> str | None:
    """The force the troops belong to."""
    doc = sent.doc
    labelled = label_before(span, ctx) or _named_with(span, ctx)
    if labelled:
        return labelled  # "- Egypt: 1,091 troops": a line of a list of contributors
    if part_of_a_whole(span, anchor) and span[-1].dep_ == "dobj" and span[-1].head.lemma_.lower() not in _SPEECH:
        # "Germany will provide 1,000 of the 5,000 troops of the NATO mission": the part is the giver's
        subject = subject_of(span[-1].head)
        joint = subject is not None and any(c.dep_ == "conj" for c in subject.children)  # "Tokyo and Washington"
        found = _subject_force(subject, ctx, span[-1].head) if subject is not None and not joint else None
        if found:
            return found
    # "the European Union will contribute 6,900 of the required 15,000-strong force": the whole is not the giver's
    whole = whole_of_a_part(anchor)
    sized = _mission_sized(anchor, whole, ctx)
    if sized:
        return sized
    if _whole_a_part_is_in(anchor):
        # "increase its contribution to 2,000 soldiers as part of a force of 15,000": the whole is the mission's
        found = _mission_named(sent, ctx) or ctx.main_mission_lead() or ctx.main_organisation()
        return found if found not in COUNTRIES else None
    # 1. the noun phrase: its possessor ("Austria's some 300-strong contingent", "NATO's mission"), then its
    #    modifiers ("2,500 U.S. troops", "German KFOR soldiers"), a nationality before an organisation
    owner: list[Token] = []
    before = span.start - 1
    while before >= sent.start and doc[before].lower_ in ("the", "some", "about", "around", "roughly", "nearly",
                                                           "over", "planned", "entire", "whole"):
        before -= 1
    if before - 1 >= sent.start and doc[before].lower_ in ("'s", "’s"):
        owner.append(doc[before - 1])
    # "its 1,500-troop force": the count names the troops of a compound, the possessor is the whole noun's
    nouns = [anchor, anchor.head] if anchor.dep_ == "compound" and anchor.head.pos_ == "NOUN" else [anchor]
    for tok in (c for noun in nouns for c in noun.children):
        if tok.dep_ == "poss":
            owner.extend(tok.subtree)
    owner_force = bracketed(span, ctx) or respectively(span, sent, ctx) or _owner_mission(owner, ctx) \
        or _with_owner(anchor, span, ctx) or _the_country(owner, ctx) or _sent_by(anchor, ctx) \
        or _relative_holder(anchor, ctx) or _changed_to(anchor, span, ctx)
    if owner_force:
        return owner_force
    pronouns = [t for t in owner if t.lower_ in _POSSESSIVE_PRONOUNS] if len(owner) == 1 else []
    for prep in anchor.children:  # "the 900 remaining soldiers of its force"
        if prep.dep_ == "prep" and prep.lower_ == "of":
            pronouns += [c for o in prep.children if o.dep_ == "pobj" and (_is_troop_noun(o))
                         for c in o.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS]
    if len(owner) == 1 and owner[0].lower_ == "our" and (side := ctx.side_at(owner[0].idx)):
        return side  # "'all our soldiers in Cyprus ...,' the British spokesman said"
    for pronoun in pronouns[:1]:
        owner_force = antecedent(pronoun, ctx)  # "Poland ... its 1,500-troop force"
        if owner_force:
            return owner_force
    modifiers = [t for t in doc[span.start: anchor.i + 1]] + [c for c in anchor.lefts]
    if anchor.dep_ == "conj" and anchor.head.pos_ == "NOUN":  # "4,800 Bundeswehr personnel and some 200 civilian"
        modifiers += [c for c in anchor.head.lefts]
    unit = anchor.head.head if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" else None
    if unit is not None and unit.lemma_.lower() in words("collectives"):  # "the Irish contingent of 340 soldiers"
        modifiers += [t for c in unit.lefts for t in c.subtree]
    for prep in anchor.children:  # "the 3,000-plus soldiers of the US Army's 3rd Infantry Division"
        if prep.dep_ == "prep" and prep.lower_ == "of":
            # not the place inside it: "the 5,000 troops of the NATO mission in Lithuania"
            located = {t.i for p in prep.subtree if p.dep_ == "prep" and p.i != prep.i and p.lower_ in _PLACE_PREPS
                       for t in p.subtree}
            modifiers += [t for t in prep.subtree if t.i not in located][:8]
    # "some 450 are Americans", "around 150 from Hungary": a nationality right after a bare number; not a
    # place ("some 200 are in Latvia", "of whom 900 are in Syria" say where they are)
    tail = doc[span.end: min(sent.end, span.end + 4)]
    if anchor.i == span[-1].i and tail and tail[0].lower_ in ("are", "is", "were", "from", "of"):
        after = list(itertools.takewhile(lambda t: t.lower_ not in _PLACE_PREPS, tail[1:]))
        if tail[0].lower_ in ("are", "is", "were"):
            after = [t for m in _mentions(ctx, after) if m.entity.kind == "demonym" for t in doc[m.start:m.end]]
        if len({m.force for m in _mentions(ctx, after) if m.force}) > 1:
            after = []  # "3,300 from France, Belgium and Italy": several nations' troops, a mission's force
        modifiers += [t for t in after if t.lower_ not in ("them", "whom")]
    # "300 soldiers in the 10th Mountain Division's 1st Brigade", "troops with the 82nd Airborne": a unit only one
    # army has, in the phrase after the count, is whose they are
    units = [m for prep in anchor.children if prep.dep_ == "prep" and prep.lower_ in ("in", "with", "from")
             for m in _mentions(ctx, list(prep.subtree)) if m.entity.kind == "institution" and m.force]
    if units:
        return units[0].force
    regional = _regional_force(anchor, sent, ctx)
    if regional:
        return regional
    for group in (owner, modifiers):
        found = [m for m in _mentions(ctx, group) if (m.force and m.entity.kind != "city" or
                 (m.entity.kind == "city" and group is owner)) and not _names_a_place(m, doc)
                 and not _excluded(m, doc)]
        national = [m for m in found if m.entity.kind in ("country", "demonym", "institution", "city")]
        if national and group is modifiers and _several_nations(national, doc) and not any(
                t.like_num and not span.start <= t.i < span.end  # not "fifty Burundian and fifty Ugandan soldiers"
                for t in doc[max(min(m.start for m in national) - 1, sent.start):anchor.i]):
            # "6,700 Brazilian, Chilean, Argentine and other peacekeepers": several nations' troops together are
            # the mission's they serve in, where the article has one
            joint = _joint_force(sent, ctx)
            if joint:
                return joint
        if national:
            return national[0].force
        if found:  # "UN peacekeepers", "NATO troops": the body's, unless a nation sends them
            origin = {m.force for prep in anchor.children if prep.dep_ == "prep" and prep.lower_ == "from"
                      for m in _mentions(ctx, list(prep.subtree)) if m.entity.kind in ("country", "demonym")}
            if len(origin) == 1:  # "KFOR soldiers from Austria": Austria's
                return origin.pop()
            return _sender(anchor, ctx) or contributors_part(anchor, sent, ctx, found[0].force)
    american = ctx.force_counts["United States"] or ctx.place_counts["United States"]
    if anchor.text == "Marines" and american and not any(
            m.force for m in _mentions(ctx, list(anchor.subtree)) if m.entity.kind in ("country", "demonym")):
        # "Roughly 18,000 Marines are based on Okinawa": Marines with no nation named, in an article that names
        # the United States, are the US Marine Corps ("Royal Marines", "South Korean Marines" name their own)
        return "United States"
    # 2. "troops from Turkey", "some 300 of them come from Austria"
    withdraw = _withdrawing(anchor)
    if _from_many_nations(anchor):  # "98,000 soldiers from 120 countries ... on UN missions": the body's
        body = next((m.force for m in _mentions(ctx, sent) if m.entity.kind in ("org", "mission") and m.force
                     and m.force not in ARMED_GROUPS), None)
        body = body or ctx.main_mission_lead()  # "2,583 troops from troop-contributing countries": the mission's
        if body and body not in COUNTRIES:
            return body
    # "a total of 850 soldiers in South Sudan from Ghana": the parse may hang the origin on the whole they make
    whole_noun = anchor.head.head if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and \
        anchor.head.head.lemma_.lower() in _WHOLE_NOUNS else None
    holders = [anchor, span[-1], *([whole_noun] if whole_noun is not None else []),
               *(v for v in _clause_verbs(anchor) if v.lemma_.lower() in _ORIGIN_VERBS)]
    holders += [v for v in _clause_verbs(anchor) if v not in holders]  # "join 341 troops from the Philippines"
    # "750 troops expected from the Benin Republic", "200 soldiers sent from Ghana": a participle on the troops
    described = [c for c in anchor.children if c.dep_ == "acl" and c.lemma_.lower() in _ORIGIN_VERBS | _SENT_VERBS]
    holders += described
    for holder in holders:
        for prep in holder.children:
            # on the verb, only a "from" right after the count: the parse hung the count's own phrase there
            adjacent = holder.i in (anchor.i, span[-1].i) or holder.lemma_.lower() in _ORIGIN_VERBS \
                or holder in described or prep.i == anchor.i + 1 or whole_noun is not None and holder.i == whole_noun.i
            if prep.lower_ == "from" and not withdraw and adjacent:
                # not a place inside it: "troops from all contributing countries in Somalia"
                located = {t.i for p in prep.subtree if p.dep_ == "prep" and p.i != prep.i and p.lower_ in _PLACE_PREPS
                           for t in p.subtree}
                origins = [m.force for m in _mentions(ctx, [t for t in prep.subtree if t.i not in located])
                           if m.force and m.entity.kind != "city"]
                # the list may run past what the parse gave the phrase ("from SA, Malawi, and Tanzania are")
                end = next((t.i for t in doc[prep.i: holder.head.i] if t.like_num), holder.head.i)  # not the
                listed = [m.force for m in _mentions(ctx, doc[prep.i: end]) if m.force and  # next count's
                          m.entity.kind == "country"] if holder.i == anchor.i and holder.head.i > prep.i else []
                if len(set(origins)) > 1 or len(set(listed)) > 1:
                    break  # "5,000 troops from Burundi and Uganda": several nations' troops, a mission's force
                if origins:
                    return origins[0]
                country = [t for t in prep.subtree if t.lower_ in _COUNTRY_NOUNS and t.dep_ == "poss"]
                if country and (found := _the_country(country, ctx)):
                    return found  # "400 soldiers from the country's Sinha regiment": the country named before
    # 3. the subject that has, sends or keeps them ("Spain has almost 700 soldiers in Latvia"), or the
    #    force they serve with ("troops serve with the UN Mission", "make up the NATO battlegroup")
    parts = parts_verb(anchor)
    commander = None
    mandated = _mission_of_a_ceiling(anchor, sent, ctx)
    if mandated:
        return mandated
    if from_several(anchor, ctx) and not any(t.lower_ == "each" for t in anchor.doc[anchor.i + 1:anchor.i + 3]):
        joint = _mission_named(sent, ctx) or ctx.main_organisation()  # "It consists of more than 1,000 personnel
        if joint and joint not in COUNTRIES:  # from Albania, Bulgaria, Greece and Italy": several nations' troops,
            return joint  # the mission's or the alliance's, whoever "it" is taken for
    if unit is not None and unit.lemma_.lower() in _MISSION_NOUNS and _multinational(unit) and not any(
            v.lemma_.lower() in words("command_verbs") for v in _verb_chain(anchor, 5)):  # not "Poland commands
        joined = _joint_force(sent, ctx) or ctx.main_organisation()
        if joined:  # a multinational force of 4,700": "Nigeria, Niger and Ghana will send a joint force of 7,500
            return joined  # troops": the body that joins them
    if parts is not None and anchor.lemma_.lower() in _MISSION_NOUNS | {"battlegroup"}:
        # "The 1,100-strong battlegroup will contain 800 UK troops": a whole made of parts is no part's; the
        # mission's, or the alliance's the article names
        whole_of = _mission_named(sent, ctx) or ctx.main_mission_lead() or ctx.main_organisation()
        if whole_of:
            return whole_of
    if _raised_total(anchor):  # "the 900 Djiboutians will raise the total peacekeeping force to about 10,300"
        joint = _joint_force(sent, ctx)
        if joint:
            return joint
    # "a contribution of six jets, a refueller, 200 special forces soldiers and 400 staff": the list is one step
    listed = anchor.head if anchor.dep_ == "compound" and anchor.head.pos_ == "NOUN" else anchor
    while listed.dep_ in ("conj", "appos") and listed.head.pos_ in ("NOUN", "PROPN") and listed.head.i != listed.i:
        listed = listed.head
    for verb in ([] if whole else _verb_chain(listed, 5)):
        if verb.lemma_.lower() in words("host_verbs"):
            break
        if verb.lemma_.lower() in _MANDATING and _a_council(subject_of(verb), ctx):
            # "The Security Council authorised 4,000 troops for the African Union force": a council that
            # authorises troops does not own them; the force they are for, or the mission the sentence names,
            # does (a country that approves troops for a mission sends its own: "Germany approved 1,200 more")
            found = _force_they_are_for(anchor, verb, ctx) or _mission_named(sent, ctx)
            if found:
                return found
        if parts is not None and verb.i == parts.i:
            continue  # "the 1,200-strong contingent includes forces of France and Belgium": its parts' nations
        if verb.lemma_.lower() in words("command_verbs") and _commanded(anchor, verb):
            # "Brazil, which commands the existing force of 12,250": a mission's troops, not Brazil's; with no
            # mission named, the force it leads is its own ("Poland leads a contingent of 2,000 from 12 countries")
            subject = subject_of(verb)
            led = [c for c in verb.children if c.dep_ == "dobj" and (c.i == anchor.i or anchor in c.subtree)]
            if subject is not None and not any(d.lower_ in ("the", "this", "that") for o in led for d in o.children):
                commander = _subject_force(subject, ctx, verb)  # not "the existing force": the mission's, named
            break
        subject = subject_of(verb)
        if subject is not None and (subject.i == anchor.i or anchor in subject.subtree and subject.i > anchor.i):
            for child in verb.children:
                if child.dep_ in ("dobj", "attr", "agent") or (child.dep_ == "prep" and child.lower_ in ("with", "by")):
                    moving = verb.lemma_.lower() in words("movement_verbs")
                    if child.dep_ == "dobj" and moving and _is_place(child, ctx):
                        continue  # "will leave South Kivu", "reinforce Estonia": where they go, not whose they are
                    if _by_vehicle(child):
                        continue  # "airlifted by U.S. aircraft": who carries them, not whose they are
                    found = _force_in_phrase(child, ctx, deep=True)
                    if found and found not in COUNTRIES and verb.lemma_.lower() in _JOINING:
                        # "600 soldiers will join UNMISS" in a story of Nepal's contingent: the mission is what
                        # they serve in; they are Nepal's
                        return ctx.contingent_nation() or found
                    if found:
                        return found
            continue
        if subject is not None and verb.lemma_.lower() in _SPEECH and subject.i > anchor.i:
            break  # "..., and 500 will stay on, the UN said": who reports the figure does not own it
        if subject is not None and _joint_subject(subject, ctx) and not any(
                t.lower_ in ("each", "respectively") for t in sent):  # "have promised 500 soldiers each"
            # "Uganda and Burundi have 9,000 soldiers in the country": several nations' troops together, the
            # mission's, else the body's the article names
            joint = _joint_force(sent, ctx) or ctx.main_mission_lead() or ctx.main_organisation()
            if joint:
                return joint
        if subject is not None:
            found = _subject_force(subject, ctx, verb)
            if found:
                return found
    # 4. a mission named in the sentence; for "other foreign troops", "international forces", an alliance too
    foreign = any(c.dep_ == "amod" and c.lower_ in _MULTINATIONAL_WORDS for c in anchor.children)
    for mention in _mentions(ctx, sent):
        if mention.entity.kind == "mission" or (foreign and mention.entity.kind == "org" and mention.force
                                                and mention.force not in ARMED_GROUPS):
            return mention.force if foreign else contributors_part(anchor, sent, ctx, mention.force)
    if commander:
        return commander
    # "the multinational force will be cut to 500 troops from the 7,000": the body's, as the 500 are
    if anchor.lemma_.lower() in _MISSION_NOUNS and _multinational(anchor):
        return ctx.main_organisation()
    return None


def _named_with(span: Span, ctx: DocContext) -> str | None:
    """'and Pakistan in sixth position with 4,440 peacekeeping members', 'followed by Ethiopia with 6,662
    peacekeepers': in a ranking, the nation named right before 'with' and its figure owns the figure."""
    doc = span.doc
    start = sentence_of(span).start
    i = _skip_hedges(doc, span.start - 1, start)
    if i <= start or doc[i].lower_ != "with":
        return None
    i -= 1
    if i > start and doc[i].text == ",":
        i -= 1
    ranked = i - 2 > start and doc[i].lower_ in ("place", "position", "spot") and doc[i - 2].lower_ == "in"
    if ranked:
        i -= 3  # "Pakistan in sixth position with"
    mention = ctx.by_token.get(i)
    if mention is None or mention.end - 1 != i or mention.entity.kind not in ("country", "demonym") or \
            not mention.force:
        return None
    # a rank, not a place the troops are in ("has troops in Kosovo with 500 more to come")
    followed = [t.lower_ for t in doc[max(start, mention.start - 2):mention.start]] == ["followed", "by"]
    return mention.force if ranked or followed else None


def _mission_sized(anchor: Token, whole: bool, ctx: DocContext) -> str | None:
    """'Out of the 11,200 peacekeeping soldiers deployed in MINUSCA, Cameroon provides ...', 'there are more than
    14,000 UN-backed soldiers involved in MONUSCO': a mission's whole size, named in the count's own phrase, is the
    mission lead's (in a contributor's story too), unless a nation is named for the troops."""
    existential = anchor.dep_ in ("attr", "nsubj") and anchor.head.lemma_ == "be" and any(
        c.dep_ == "expl" for c in anchor.head.children)
    if not (whole or existential):
        return None
    own = [t for c in anchor.children if c.dep_ in ("acl", "prep", "relcl") for t in c.subtree]
    named = [m for m in _mentions(ctx, own) if m.entity.kind == "mission" and m.force]
    # a nation named for the troops: "20 Hungarians", "91 members of the Slovenian Armed Forces"
    phrase = [anchor, *(t for c in anchor.lefts for t in c.subtree),
              *(t for p in anchor.children if p.dep_ == "prep" and p.lower_ == "of" for t in p.subtree)]
    national = [m for m in _mentions(ctx, phrase) if m.entity.kind in ("country", "demonym", "institution")
                and m.force]
    return named[0].force if named and not national else None


def _whole_a_part_is_in(anchor: Token) -> bool:
    """'(as) part of a force of 15,000', 'part of the 12,000-strong mission': the force a part belongs to."""
    return anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.lower_ == "part" \
        and anchor.lemma_.lower() in words("collectives")


_CHANGE_TO = {"increase", "raise", "bring", "boost", "cut", "reduce", "lower", "expand", "trim", "scale", "drop"}


def _changed_to(anchor: Token, span: Span, ctx: DocContext) -> str | None:
    """'increase the size of the Irish contribution to around 700 personnel', 'bring Germany's contingent to
    1,200', 'reduce U.S. troop levels in the country to around 2,100', 'the strength of US troops is to be reduced
    from 4,500 to 2,500 troops': the figures a named nation's force is changed from and to are that nation's (not a
    place in its phrase)."""
    verb = None
    for tok in (anchor, span[-1]):  # the count's noun, or the bare number of "to around 2,100"
        prep = tok.head
        while prep.dep_ == "conj" and prep.head.i != prep.i:
            prep = prep.head
        if tok.dep_ == "pobj" and prep.lower_ in ("to", "from") and prep.head.lemma_.lower() in _CHANGE_TO:
            verb = prep.head
            break
    if verb is None:
        return None
    changed = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in verb.children):
        changed += [c for c in verb.head.children if c.dep_ == "nsubj"]  # "the strength of US troops is to be cut"
    for obj in changed:
        # not a place in its phrase, nor a clause on it ("working in Yemen within the coalition led by Saudi Arabia")
        located_at = {t.i for p in obj.subtree if p.dep_ == "prep" and p.lower_ in _PLACE_PREPS
                      or p.dep_ in ("acl", "relcl") for t in p.subtree}
        nations = {m.force for m in _mentions(ctx, [t for t in obj.subtree if t.i not in located_at])
                   if m.force and m.entity.kind in ("country", "demonym", "institution") and not _names_a_place(
                       m, anchor.doc) and not _theater_of(m, anchor.doc)}
        if len(nations) == 1:
            return nations.pop()
    return None


def _theater_of(mention, doc) -> bool:
    """'the Somalia deployment', 'the Afghanistan mission': a country's name before a deployment's noun is where
    it is, not whose."""
    head = doc[mention.end - 1]
    return mention.entity.kind == "country" and head.dep_ == "compound" and \
        head.head.lemma_.lower() in ("deployment", "mission", "operation")


# nouns of a whole a count is 'of' ("a total of 850 soldiers", "a contingent of 300")
_WHOLE_NOUNS = {"total", "contingent", "group", "batch", "team", "unit", "battalion", "company", "force"}

# verbs by which a council or government authorises a force it need not own
_MANDATING = {"authorize", "authorise", "approve", "mandate", "sanction", "endorse"}
# a council member's stand on a mission's size: "France had proposed a troop cap of 17,000"
_STANDS = {"want", "propose", "push", "seek", "call", "agree", "suggest", "favour", "favor", "back", "support",
           "oppose", "demand", "insist", "urge", "ask", "recommend", "request", "prefer", "accept", "reject"}
_CEILINGS = {"cap", "ceiling", "limit"}


def _force_they_are_for(anchor: Token, verb: Token, ctx: DocContext) -> str | None:
    """'authorised 4,000 troops for the African Union force, AMISOM': the force named after 'for'."""
    for holder in (anchor, verb):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                found = _force_in_phrase(prep, ctx, deep=True)
                if found and found not in COUNTRIES:
                    return found
    return None


def _a_council(subject: Token | None, ctx: DocContext) -> bool:
    """'the UN Security Council', 'the Council', 'the AU Peace and Security Council': a body of many nations."""
    if subject is None:
        return False
    if subject.lemma_.lower() == "council":
        return True
    mention = ctx.by_token.get(subject.i)
    return mention is not None and mention.entity.kind == "org" and bool(mention.force) \
        and mention.force not in COUNTRIES and mention.force not in ARMED_GROUPS


def _mission_named(sent: Span, ctx: DocContext) -> str | None:
    return next((m.force for m in _mentions(ctx, sent) if m.entity.kind == "mission" and m.force), None)


def _mission_of_a_ceiling(anchor: Token, sent: Span, ctx: DocContext) -> str | None:
    """'France had proposed a troop cap of 17,000', 'Washington wanted the ceiling cut to 11,000', 'agreed to boost
    the authorised strength to 11,650': a mission's ceiling that a country argues for is the mission's, not that
    country's: the mission the sentence names, else the story's mission when a body (not a country) leads it."""
    noun = anchor.head if anchor.dep_ == "compound" else anchor
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head  # "a ceiling of 13,000 troops"
    lemma = noun.lemma_.lower()
    if not (lemma in _CEILINGS or lemma in ("strength", "level") and any(
            c.lower_ in ("authorized", "authorised", "mandated") for c in noun.children)):
        return None
    if any(c.dep_ == "poss" for c in noun.children):
        return None  # "its troop ceiling": the possessor's
    if not any(v.lemma_.lower() in _STANDS for v in _verb_chain(noun, 5)):
        return None
    lead = _mission_named(sent, ctx) or ctx.main_mission_lead()
    return lead if lead and lead not in COUNTRIES else None


# verbs of taking part in a mission: its troops are a contributor's when the story is that contributor's part
_JOINING = {"join", "serve", "reinforce", "bolster", "augment", "strengthen", "be"}

# "Some 32,000 other foreign troops are serving in Afghanistan but NATO allies ...": troops of many nations
_MULTINATIONAL_WORDS = {"foreign", "international", "multinational", "allied", "coalition"}


def _multinational(noun: Token) -> bool:
    """'the multinational force', 'the regional force': a force of several nations, no one nation's."""
    return any(c.dep_ == "amod" and c.lower_ in _MULTINATIONAL_WORDS | _JOINED for c in noun.children)


_JOINED = {"regional", "joint", "combined", "hybrid"}  # "a joint force": several nations' together


_HOLDING = {"have", "keep", "maintain", "station", "base"}
_WHOLE_WORDS = {"total", "all", "altogether", "whole", "entire", "overall", "international", "multinational",
                "multi-national", "combined", "foreign", "allied", "strong", "-strong", "mission", "force"}


def contributors_part(anchor: Token, sent: Span, ctx: DocContext, body: str, unnamed: bool = False) -> str:
    """In a story of one nation's part in a mission (the headline's contingent), troops a sentence counts with
    only the mission named ('The 184 UN forces are with the engineering unit', '850 soldiers ... UNMISS
    added') are that nation's; the mission's size ('the 10,000-strong force', 'a total of 12,000', 'the
    mission has') stays the body's."""
    nation = ctx.contingent_nation()
    if not nation or nation == body or body in COUNTRIES or ctx.located[nation] >= ctx.force_counts[nation]:
        return body  # no one nation's story, or the nation is as much a place as an actor in it
    if anchor.lower_ == "police" or anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and (
            anchor.head.head.lemma_.lower() in _WHOLE_FORCES):
        # "300 UN police officers", "the AU force of more than 2,300 soldiers": the body's (not "a smaller group of
        # 85 soldiers", "the first contingent of 161 soldiers": a part, the story nation's)
        return body
    if re.search(r"(?i)\b(?:strength|size|ceiling|authori[sz]ed|troop levels?)\b", sent.text):
        return body  # "The UNIFIL strength has been expanded from 2,000 to 7,000": the mission's size
    if any(m.force == nation and _excluded(m, sent.doc) for m in _mentions(ctx, sent)):
        return body  # "troops other than the Germans": the nation is the one they are not
    mission_named = any(m.entity.kind == "mission" for m in _mentions(ctx, sent))
    if any(m.entity.kind in ("country", "demonym") and m.force and m.force != nation
           and not ((unnamed or mission_named) and m.entity.kind == "country" and located(m, sent.doc))
           and not _of_others_than_forces(m, sent.doc) for m in _mentions(ctx, sent)):
        return body  # another nation named in the sentence: not plainly the story nation's part; where the count
        #              names no force at all or the sentence names the mission, a country named only as the place
        #              the troops are in does not count (not "1,000 NATO troops had arrived in Estonia")
    if _own_armed_forces(anchor):
        return nation  # "a total of 338 Defence Forces personnel": the nation's own forces, by their usual name
    phrase = {t.lower_ for t in anchor.subtree} | {t.lower_ for t in anchor.head.children} | {
        t.lower_ for t in sent.doc[max(sent.start, anchor.i - 4):anchor.i]}
    if phrase & _WHOLE_WORDS or any(t.lower_.endswith("-strong") for t in sent.doc[anchor.i - 2:anchor.i + 2]):
        return body
    subject = subject_of(anchor.head) if anchor.dep_ in ("dobj", "attr") else None
    if subject is not None and ctx.by_token.get(subject.i) is not None and \
            ctx.by_token[subject.i].entity.kind in ("mission", "org"):
        return body  # "UNMISS has 12,000 peacekeepers": the mission's own
    return nation


def sent_to_support(anchor: Token) -> bool:
    """'200 soldiers were sent to Gao to support the ongoing UN mission', 'deployed to join the force': troops sent
    to help a mission are a contributor's, not the mission's own."""
    for verb in _verb_chain(anchor, 3):
        if verb.lemma_.lower() not in _SENDING:
            continue
        return any(c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in _SUPPORTING for c in verb.children)
    return False


_SENDING = {"send", "deploy", "dispatch", "airlift", "fly", "despatch"}
_SUPPORTING = {"support", "join", "reinforce", "bolster", "assist", "help", "augment", "strengthen"}


def _own_armed_forces(anchor: Token) -> bool:
    """'338 Defence Forces personnel', '120 Armed Forces members': the troop noun modified by an army's generic
    capitalised name, which names no country of its own."""
    words = [t for c in anchor.lefts if c.dep_ == "compound" for t in c.subtree if t.text[:1].isupper()]
    words += [anchor] if anchor.text[:1].isupper() else []  # the parse may make "Forces" the head
    names = {t.lower_ for t in words}
    # "members of the Defence Forces": the army's name in the phrase after the troop noun
    named = [[t for t in o.subtree if t.text[:1].isupper()] for p in anchor.children if p.dep_ == "prep" and
             p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return any(bool(n & {"forces", "force"}) and bool(n & {"defence", "defense", "armed"})
               for n in [names, *({t.lower_ for t in ws} for ws in named)])


def _of_others_than_forces(mention, doc) -> bool:
    """'marred by Syrian rebel kidnappings', 'Syrian refugees': a nationality said of rebels, refugees or acts, no
    nation's troops beside the story nation's."""
    if mention.entity.kind != "demonym":
        return False
    head = doc[mention.end - 1].head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return head.pos_ == "NOUN" and not any(  # the words from the nationality to its noun, the noun included
        t.lemma_.lower() in words("collectives") or _is_troop_noun(t) or t.lemma_.lower() in _FORCE_PEOPLE
        for t in doc[mention.end:head.i + 1])


_WHOLE_FORCES = {"force", "mission", "operation", "presence", "deployment", "army", "garrison", "military"}
_FORCE_PEOPLE = {"peacekeeper", "marine", "personnel", "officer", "contingent", "sailor", "airman", "paratrooper",
                 "commando", "engineer", "medic", "trainer", "instructor", "servicemen", "serviceman", "army", "navy",
                 "government", "official", "minister", "president", "leader", "authorities", "military"}
_MANY = {"various", "several", "many", "different", "numerous", "multiple", "other"}


def _joint_force(sent: Span, ctx: DocContext) -> str | None:
    """The body several nations' troops together belong to: the mission the sentence names, else the article's
    main mission's lead, when that is no single country."""
    joint = _mission_named(sent, ctx) or ctx.main_mission_lead()
    return joint if joint and joint not in COUNTRIES else None


def _raised_total(anchor: Token) -> bool:
    """'raise the total peacekeeping force to about 10,300 troops', 'bringing the total to 22,000': the figure a
    total is brought to, whoever brings it there."""
    if anchor.dep_ != "pobj" or anchor.head.lower_ != "to":
        return False
    verb = anchor.head.head
    if verb.lemma_.lower() not in ("raise", "bring", "increase", "boost", "take", "push", "swell", "lift"):
        return False
    # not "take Brazil's total contribution to more than 2,000": a total someone owns is theirs
    return any(c.dep_ == "dobj" and (c.lower_ == "total" or any(a.lower_ == "total" for a in c.children))
               and not any(t.dep_ in ("poss", "nmod") or t.pos_ == "PROPN" for t in c.lefts) for c in verb.children)


def _joint_subject(subject: Token, ctx: DocContext) -> bool:
    """'Uganda and Burundi have ...', 'five countries including Ghana and Togo are to contribute ...': a subject
    that coordinates several countries, or counts them."""
    if subject.lemma_.lower() in ("country", "nation", "state") and subject.tag_ == "NNS" and not ctx.by_token.get(
            subject.i) and any(c.dep_ in ("nummod", "amod") and c.lower_ not in ("other", "many", "some")
                               or c.lower_ == "both" or c.dep_ == "compound" and (m := ctx.by_token.get(c.i))
                               and m.entity.kind == "org" for c in subject.children):  # "NATO nations"
        return True  # "African countries cannot raise 20,000 troops"; not "other nations are looking to pull out"
    forces = {m.force for tok in [subject, *subject.conjuncts] if (m := ctx.by_token.get(tok.i)) is not None
              and m.force and m.entity.kind in ("country", "demonym")}
    return len(forces) > 1


def _regional_force(anchor: Token, sent: Span, ctx: DocContext) -> str | None:
    """'the 3,500 West African troops' are ECOWAS's; 'some 2,000 African soldiers' the mission's the sentence or
    the article names, else the African body's it names (the African Union's): troops named by a region's people,
    no nation's."""
    doc = anchor.doc
    holder = anchor.head.head if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" else None
    nouns = [anchor, holder] if holder is not None and holder.lemma_.lower() in _MISSION_NOUNS else [anchor]
    adjective = next((c for noun in nouns for c in noun.children if c.dep_ in ("amod", "compound")
                      and c.lower_ == "african" and not ctx.by_token.get(c.i)), None)  # "an African force of 3,300"
    if adjective is None:
        return None
    if adjective.i > sent.start and doc[adjective.i - 1].lower_ in ("west", "western"):
        return "Economic Community of West African States"
    if adjective.i > sent.start and doc[adjective.i - 1].pos_ in ("PROPN", "ADJ") and doc[adjective.i - 1].lower_ \
            not in ("other",):
        return None  # "East African", "Central African": another region, or a country's people
    joint = _joint_force(sent, ctx)  # the mission the sentence names, else the article's: its lead, if a body
    if joint:
        return joint  # "a force of 12,600 African troops" in a story of the UN mission they were folded into
    main = ctx.main_organisation()
    return main if main in ("African Union", "Economic Community of West African States") else "African Union"


def _several_nations(national: list, doc) -> bool:
    """'Brazilian, Chilean and Argentine peacekeepers', 'Italian and other troops': nationalities coordinated on
    one troop noun."""
    demonyms = [m for m in national if m.entity.kind == "demonym"]
    if len({m.force for m in demonyms}) > 1:
        return True
    return any(m.end + 1 < len(doc) and doc[m.end].lower_ == "and" and doc[m.end + 1].lower_ == "other"
               for m in demonyms)


def from_several(anchor: Token, ctx: DocContext) -> bool:
    """'5,000 troops from Burundi and Uganda': troops of several countries the count's own 'from' names."""
    origins = {m.force for prep in anchor.children if prep.dep_ == "prep" and prep.lower_ == "from"
               for m in _mentions(ctx, list(prep.subtree)) if m.force and m.entity.kind in ("country", "demonym")}
    return len(origins) > 1


def _from_many_nations(anchor: Token) -> bool:
    """'soldiers from 120 countries', 'troops from several nations', 'troops from troop-contributing countries':
    troops of many countries, no one's."""
    return any(prep.dep_ == "prep" and prep.lower_ == "from" and any(
        obj.lemma_.lower() in ("country", "nation") and obj.tag_ in ("NNS", "NNPS") and any(
            c.dep_ == "nummod" or c.lower_ in _MANY or c.lower_.endswith("contributing") for c in obj.children)
        for obj in prep.children if obj.dep_ == "pobj")
        # the parse may hang the count's own "from" on the verb, right after the count
        for prep in [*anchor.children, *(c for c in anchor.head.children if c.i == anchor.i + 1)])


def _relative_holder(anchor: Token, ctx: DocContext) -> str | None:
    """'the 370 troops that Austria is withdrawing', 'the 5,000 soldiers Germany has sent': the subject of a
    relative clause that sends, keeps or withdraws the troops."""
    holders = [anchor]
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.lower_ in _PARTITIVES:
        holders.append(anchor.head.head)  # "most of the 150 troops they plan to deploy": the clause hangs there
    for clause in (c for holder in holders for c in holder.children):
        if clause.dep_ != "relcl":
            continue
        # "the troops Sweden plans to deploy": the verb of sending may be the clause's infinitive
        verbs = [clause] + [c for c in clause.children if c.dep_ == "xcomp"]
        if not any(v.lemma_.lower() in words("sending_verbs") or v.lemma_.lower() in words("withdraw_verbs")
                   or v.lemma_.lower() in _HOLDING for v in verbs):
            continue
        if any(c.dep_ == "nsubj" and nearer_antecedent(c) is not None for c in clause.children):
            continue  # "5,432 troops after Uganda that had deployed 6,200": the clause is Uganda's, not theirs
        subject = subject_of(clause)
        if subject is not None and subject.lower_ in ("they", "it"):
            return antecedent(subject, ctx)
        if subject is not None and subject.lower_ == "we":  # "the battle group we already have in Estonia"
            return ctx.side_at(subject.idx)
        mention = ctx.by_token.get(subject.i) if subject is not None else None
        if mention is not None and mention.force and mention.entity.kind in ("country", "org", "demonym"):
            return mention.force
    return None


_PARTITIVES = {"most", "some", "all", "many", "half", "part", "majority", "bulk", "rest", "remainder"}


def _sender(anchor: Token, ctx: DocContext) -> str | None:
    """'Chad planned to deploy 1,000 additional UN peacekeepers', 'Sri Lanka has 800 UN peacekeepers in Lebanon': the
    nation that sends or keeps troops named for the body they serve under."""
    if anchor.dep_ != "dobj" or anchor.head.lemma_.lower() not in words("sending_verbs") \
            and anchor.head.lemma_.lower() not in _HOLDING:  # "Sri Lanka has 800 UN peacekeepers in Lebanon"
        return None
    for verb in _verb_chain(anchor, 3):
        subject = subject_of(verb)
        if subject is not None:
            mention = ctx.by_token.get(subject.i)
            return mention.force if mention and mention.entity.kind in ("country", "demonym") else \
                _whose_country(subject, ctx)
    return None


def _whose_country(subject: Token, ctx: DocContext) -> str | None:
    """'French Ambassador Denis Pietton, whose country has 1,500 UNIFIL troops': the country of the person the
    relative clause is said of, as their own phrase gives it ('French', 'his German counterpart')."""
    if subject.lemma_.lower() not in _COUNTRY_NOUNS or not any(
            c.dep_ == "poss" and c.lower_ == "whose" for c in subject.children):
        return None
    clause = subject.head
    while clause.dep_ != "relcl" and clause.head.i != clause.i and clause.pos_ in ("VERB", "AUX"):
        clause = clause.head
    if clause.dep_ != "relcl":
        return None
    person = clause.head
    described = person.head if person.dep_ == "appos" else person  # "his German counterpart Thomas De Maiziere"
    phrase = [t for t in described.subtree if t.i < clause.i]
    doc = subject.doc
    # "Pietton, whose country ...": the person as the article introduced them before ("French Ambassador Denis
    # Pietton")
    phrase += [t for earlier in doc[:described.left_edge.i] if earlier.text == person.text and earlier.i != person.i
               for t in doc[max(earlier.i - 5, 0):earlier.i]]
    nations = {m.force for m in _mentions(ctx, phrase) if m.force in COUNTRIES and m.entity.kind in (
        "country", "demonym")}
    return nations.pop() if len(nations) == 1 else None


def _commanded(anchor: Token, verb: Token) -> bool:
    """The count is (in) the object of a verb of commanding: 'commands the force of 12,250', 'leads a
    5,000-strong mission'."""
    return any(c.dep_ == "dobj" and (c.i == anchor.i or anchor in c.subtree) and c.lemma_.lower() in
               words("collectives") for c in verb.children)


_CARRIERS = {"aircraft", "plane", "airplane", "jet", "helicopter", "ship", "vessel", "boat", "truck", "lorry",
             "convoy", "train", "bus", "airlift", "flight", "c-130", "c-17"}


def _by_vehicle(child: Token) -> bool:
    """'by U.S. aircraft', 'with Turkish trucks': the means of transport, not the owner."""
    objects = [t for t in child.subtree if t.dep_ == "pobj"] if child.dep_ in ("agent", "prep") else [child]
    return any(t.lemma_.lower() in _CARRIERS or t.lower_ in _CARRIERS for t in objects[:1])


def bracketed(span: Span, ctx: DocContext) -> str | None:
    """'Serbia (48), Australia (15)': a contributor's figure in brackets after its name."""
    mention = _name_before_brackets(span, ctx)
    if mention is None or mention.entity.kind not in ("country", "demonym") or _listed_after_in(mention, span.doc, ctx):
        return None
    return mention.force


def bracketed_place(span: Span, ctx: DocContext) -> str | None:
    """'Polish soldiers serve in Iraq (900), Afghanistan (1,200) and Lebanon (640)': a figure in brackets after a
    country listed after 'in' counts the troops there."""
    mention = _name_before_brackets(span, ctx)
    if mention is None or mention.entity.kind != "country" or not _listed_after_in(mention, span.doc, ctx):
        return None
    return mention.place


def _name_before_brackets(span: Span, ctx: DocContext):
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "(" or span.end >= len(doc) or doc[span.end].text != ")":
        return None
    return ctx.by_token.get(span.start - 2)


def _listed_after_in(mention, doc, ctx: DocContext) -> bool:
    """The name opens, or continues, a list 'in A (n), B (n) and C (n)': back over each ', B (n)' to the word
    before the first name."""
    start = mention.start
    while start >= 4 and doc[start - 1].lower_ in (",", "and") and doc[start - 2].text == ")":
        opening = next((i for i in range(start - 3, max(start - 8, 0), -1) if doc[i].text == "("), None)
        earlier = ctx.by_token.get(opening - 1) if opening else None
        if earlier is None or earlier.entity.kind != "country":
            break
        start = earlier.start
    return start > 0 and doc[start - 1].lower_ in ("in", "to", "at")


def respectively(span: Span, sent: Span, ctx: DocContext) -> str | None:
    """'Argentina, Slovakia and Hungary follow, with 265, 157 and 77 soldiers respectively': the n-th figure is
    the n-th name's."""
    listed = respective_names(sent, ctx)
    if not listed:
        return None
    names, numbers = listed
    return names[numbers.index(span.start)] if span.start in numbers else None


def respective_names(sent: Span, ctx: DocContext) -> tuple[list[str], list[int]] | None:
    """The names and the figures' first tokens of a '..., respectively' sentence, when they pair one to one."""
    doc = sent.doc
    end = next((t.i for t in sent if t.lower_ == "respectively"), None)
    if end is None:
        return None
    numbers: list[int] = []
    i = end - 1
    while i >= sent.start and (doc[i].pos_ == "NOUN" or doc[i].text == ",") and not numbers:
        i -= 1  # "... 157 and 77 soldiers respectively", "1,158 and 1,066 troops, respectively": the noun after
    while i >= sent.start and (doc[i].like_num or doc[i].lower_ in (",", "and")):
        if doc[i].like_num and not (i > sent.start and doc[i - 1].like_num):
            numbers.insert(0, i)
        i -= 1
    seen, names = set(), []
    for i in range(sent.start, numbers[0] if numbers else end):
        mention = ctx.by_token.get(i)
        if mention is not None and id(mention) not in seen and mention.entity.kind in ("country", "demonym"):
            seen.add(id(mention))
            names.append((mention.force, i))
    # the run of names joined by commas and "and" right before the figures
    run: list[str] = []
    for force, i in reversed(names):
        run.insert(0, force)
        if len(run) == len(numbers):
            break
    if len(numbers) < 2 or len(run) != len(numbers):
        return None
    return run, numbers


def _sent_by(anchor: Token, ctx: DocContext) -> str | None:
    """'200 soldiers sent by the United Kingdom', 'troops deployed by France': the force that sends them; not the
    council that mandates them ('the 12,000 mandated by a United Nations resolution')."""
    for verb in anchor.children:
        if verb.dep_ == "acl" and verb.pos_ == "VERB" and verb.lemma_.lower() not in _MANDATING:
            for agent in verb.children:
                if agent.dep_ == "agent" and not _by_vehicle(agent):
                    found = _force_in_phrase(agent, ctx, deep=True)
                    if found:
                        return found
    return None


def _the_country(owner: list[Token], ctx: DocContext) -> str | None:
    """'the country's 400-strong contingent': the country last named as an actor before it (not a place)."""
    noun = next((t for t in owner if t.lower_ in _COUNTRY_NOUNS and any(
        c.lower_ == "the" for c in t.children)), None)
    if noun is None:
        return None
    doc = noun.doc
    start = start_back(noun, 2)  # this sentence and the two before ("... a U.N. request ..." may split in two)
    # the last one named before it, else one named after it in its sentence ("The kingdom has deployed 150,000
    # soldiers to the Yemeni border, Saudi officials said")
    def named(indices) -> list:
        return [m for i in indices if (m := ctx.by_token.get(i)) is not None and m.force in COUNTRIES
                and m.entity.kind in ("country", "demonym") and not located(m, doc)
                and not _names_a_place(m, doc) and not _names_a_mission(m, doc)]

    # one that acts before one only named ("The Dominican Republic will pull its troops out, following the
    # lead of Spain and Honduras ... the country's 302 troops": the Dominican Republic's); with none before it,
    # the nation the story is about ("To date, the country has dispatched 8,000 peacekeepers to missions in
    # Sudan, South Sudan, ..." in a story of Cambodia's), else one after it
    before = named(range(noun.i - 1, start - 1, -1))
    found = next((m for m in before if acting(m, doc)), before[0] if before else None)
    if found:
        return found.force
    nation = ctx.story_nation() or ctx.contingent_nation() or ctx.most_named_country()
    if nation in COUNTRIES:
        return nation
    after = named(range(noun.i + 1, sentence_of(noun).end))
    found = next((m for m in after if acting(m, doc)), after[0] if after else None)
    return found.force if found else None


def _names_a_mission(mention, doc) -> bool:
    """'the United Nations Cyprus peacekeeping mission', 'the Afghanistan operation': a country that names where
    a mission is, not an actor."""
    head = head_token(mention, doc)
    return mention.entity.kind == "country" and head.dep_ == "compound" and \
        head.head.lemma_.lower() in ("mission", "operation")


_COUNTRY_NOUNS = {"country", "nation", "kingdom", "republic", "emirate", "monarchy"}


def _with_owner(anchor: Token, span: Span, ctx: DocContext) -> str | None:
    """'the US with around 18,000 troops and Britain with more than 8,000': the force that has them."""
    for tok in (anchor, span[-1]):
        if tok.dep_ == "pobj" and tok.head.lower_ == "with":
            # the parse may hang "with" on the verb ("led by the US with ..."): the name just before it
            mention = ctx.by_token.get(tok.head.head.i)
            before = ctx.by_token.get(tok.head.i - 1)
            if before is None and tok.head.i >= 2 and tok.doc[tok.head.i - 1].text == ",":
                before = ctx.by_token.get(tok.head.i - 2)  # "include Italy, with approximately 1,000 soldiers"
            last = tok.doc[before.end - 1] if before is not None else None
            # not a phrase's object ("arrived in Mali with 300 soldiers", "largest within AMISOM with 5,432")
            if mention is None and last is not None and not (last.dep_ == "pobj" and last.head.lower_ != "by"):
                mention = before
            if mention is None:  # "leave the UN force with just 534 troops": the force noun's own name
                mention = _named_force_noun(tok.doc[tok.head.i - 1], ctx)
            holder = tok.head.head  # or the noun right before "with", wherever the parse hung it
            if tok.doc[tok.head.i - 1].lemma_.lower() in _CONTRIBUTOR_NOUNS:
                holder = tok.doc[tok.head.i - 1]
            edge = holder.left_edge.i
            if mention is None and holder.lemma_.lower() in _CONTRIBUTOR_NOUNS and edge >= 2 \
                    and tok.doc[edge - 1].text == ",":
                # "Austria, previously the top contributor with almost 380 soldiers": the country it describes,
                # however the parse hangs the description
                mention = ctx.by_token.get(edge - 2)
            if mention is not None and mention.force and \
                    mention.entity.kind in ("country", "demonym", "org", "institution", "mission"):
                return mention.force
    return None


_CONTRIBUTOR_NOUNS = {"contributor", "provider", "country", "nation", "member", "partner", "ally"}


def _named_force_noun(noun: Token, ctx: DocContext):
    """The name on a force noun ('the UN force', 'the German contingent'), when `noun` is one."""
    if noun.lemma_.lower() not in words("collectives"):
        return None
    return next((ctx.by_token[c.i] for c in noun.children if c.dep_ in ("compound", "amod")
                 and c.i in ctx.by_token), None)


def _owner_mission(owner: list[Token], ctx: DocContext) -> str | None:
    """'the mission's strength', 'its contingent' said of the mission the article is about."""
    for tok in owner:
        if tok.lemma_.lower() in _MISSION_NOUNS and not ctx.by_token.get(tok.i):
            return ctx.main_mission_lead()
    return None


_ACTOR_NOUNS = {"army", "military", "navy", "government", "ministry", "forces", "force", "troops", "battalion",
                "brigade", "contingent", "mission", "administration", "command", "air", "corps", "parliament",
                "cabinet", "battlegroup", "battlegroups", "regiment", "division", "garrison", "coalition", "alliance"}


_MISSION_NOUNS = {"mission", "force", "operation", "deployment", "presence", "contingent", "battlegroup",
                  "brigade", "battalion", "garrison"}


_NATIONAL_PARTS = {"contingent", "deployment"}  # what one nation sends to a mission, where "force" is the whole's

_SPEECH = {"say", "tell", "report", "claim", "warn", "note", "add", "state", "confirm", "estimate", "believe",
           "insist", "argue", "write", "according", "show", "suggest"}


_POSSESSIVE_PRONOUNS = {"its", "their"}
_PERSONAL_POSSESSIVES = {"his", "her", "their", "its", "our"}


def _is_troop_noun(token: Token) -> bool:
    return token.lemma_.lower() in _MISSION_NOUNS or token.lemma_.lower() in ("troop", "soldier", "force")


_SPOKESPEOPLE = {"official", "officials", "minister", "government", "authorities", "spokesman", "spokeswoman",
                 "spokesperson", "leader", "leaders", "commander", "commanders"}


_ACTOR_DEPS = ("nsubj", "nsubjpass", "poss")


def antecedent(pronoun: Token, ctx: DocContext, sentences_back: int = 2) -> str | None:
    """The force an 'it', 'its', 'they' or 'their' stands for: the last country, organisation, capital or mission
    that was the subject or the owner of something in this sentence or the two before."""
    doc = pronoun.doc
    controller = _object_controller(pronoun, ctx)
    if controller:
        return controller
    sent = sentence_of(pronoun)
    start = start_back(pronoun, sentences_back)
    i = pronoun.i - 1
    owner_of_event = None  # "Israel's withdrawal": kept in case no subject comes before it
    # "The government revealed that it plans to send 15 soldiers": a bare government as the subject before is the
    # story's nation, nearer than any country named earlier
    bare = next((k for k in range(pronoun.i - 1, start - 1, -1) if _bare_government(doc[k], ctx)), None)
    while i >= start:
        if bare is not None and i < bare:
            nation = ctx.story_nation() or ctx.contingent_nation()
            if nation:
                return nation
            bare = None
        mention = ctx.by_token.get(i)
        if mention is None:
            i -= 1
            continue
        i = mention.start - 1
        head = doc[mention.end - 1]
        while head.dep_ in ("compound", "conj", "nmod") and head.head.i != head.i and head.head.i < mention.end + 4:
            head = head.head
        if mention.force and mention.entity.kind in ("country", "org", "city", "mission", "institution") and \
                (head.dep_ in _ACTOR_DEPS or _spoken_for(head)) and not _excluded(mention, doc):
            if head.dep_ == "poss" and head.head.lower_ in PLACE_NOUNS:
                continue  # "left for Sudan's Darfur region as part of its contingent": a place, not who acts
            if head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "relcl" and head.i < sent.start:
                continue  # "... the conflict that France helped to dampen. It has 11,000 troops": not France
            if head.dep_ == "poss" and head.head.pos_ == "NOUN" and head.head.lemma_.lower() in _EVENT_NOUNS:
                owner_of_event = owner_of_event or mention.force
                continue
            return mention.force
        holder = head.head
        while holder.dep_ == "compound" and holder.head.i != holder.i:
            holder = holder.head  # "Australian Defence Minister Richard Marles says his government"
        if mention.entity.kind == "demonym" and head.dep_ in ("amod", "compound") and \
                holder.dep_ in _ACTOR_DEPS and (holder.lemma_.lower() in _SPOKESPEOPLE | _ACTOR_NOUNS or
                                                holder.pos_ == "PROPN"):
            return mention.force  # "Polish officials said ... its force", "Australian minister Jo Bloggs: his"
    return owner_of_event


_BARE_BODIES = {"government", "cabinet", "ministry"}


def _bare_government(token: Token, ctx: DocContext) -> bool:
    """'The government', 'the cabinet', 'the ministry' as a subject, no country named in its phrase."""
    return token.dep_ in ("nsubj", "nsubjpass") and token.lemma_.lower() in _BARE_BODIES and any(
        c.lower_ == "the" for c in token.children) and not any(ctx.by_token.get(t.i) for t in token.subtree)


def _spoken_for(head: Token) -> bool:
    """'A spokesman for the Swedish Armed Forces said ... they': the body a subject speaks for acts as it."""
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ in ("for", "of") and prep.head.dep_ in ("nsubj", "nsubjpass") \
        and prep.head.lower_ in _SPOKESPEOPLE


# Nouns of an act a possessor does ("Israel's withdrawal"): the possessor is less likely what a later "it"
# stands for than the subject before it ("UNIFIL was set up to oversee Israel's withdrawal ... it now includes")
_EVENT_NOUNS = {"withdrawal", "pullout", "invasion", "decision", "announcement", "request", "offer", "attack",
                "offensive", "departure", "arrival", "exit", "entry", "intervention", "war", "occupation"}


def _object_controller(pronoun: Token, ctx: DocContext) -> str | None:
    """'the junta ordered the U.S. to withdraw its 1,000 personnel', 'asked France to pull its soldiers': in a
    clause after 'order X to', 'ask X to', the pronoun stands for X."""
    verb = next((a for a in pronoun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.dep_ != "xcomp":
        return None
    obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    mention = ctx.by_token.get(obj.i)
    if mention is not None and mention.force:
        return mention.force
    return _force_in_phrase(obj, ctx, deep=True)  # "asked the government of Burundi to withdraw its troops"


def _subject_force(subject: Token, ctx: DocContext, verb: Token | None = None) -> str | None:
    """A subject that stands for a force: a country, an institution, 'the French army', 'French officials
    have floated sending' -- but not people who only speak ('Lithuanian officials say')."""
    own = ctx.by_token.get(subject.i)
    if own and own.force:
        return own.force
    if subject.lower_ in ("it", "they"):
        return antecedent(subject, ctx)
    if subject.lower_ == "we":  # "we have 1,200 soldiers on the island," said the British spokesman
        return ctx.side_at(subject.idx)
    if subject.lemma_.lower() in _COUNTRY_NOUNS:  # "The West African nation already has 700 soldiers"
        return _whose_country(subject, ctx) or _the_country([subject], ctx)
    # "the NATO-led Kosovo Force (KFOR), a UN-mandated peacekeeping mission that includes ...": a mission
    # described right after it is named is that mission
    if subject.lemma_.lower() in _MISSION_NOUNS:
        for child in subject.children:  # "the U.S. presence", "the German contingent": its own nation first
            found = ctx.by_token.get(child.i)
            if child.dep_ in ("compound", "amod", "poss") and found and found.force and \
                    found.entity.kind in ("country", "demonym", "institution") and not _place_named(child, found, ctx):
                return found.force
        sent = sentence_of(subject)
        for i in range(subject.i - 1, max(sent.start, subject.i - 14) - 1, -1):
            found = ctx.by_token.get(i)
            if found and found.entity.kind == "mission":
                return found.force
        if subject.lemma_.lower() in _NATIONAL_PARTS and any(c.lower_ == "the" for c in subject.children):
            found = _named_part_before(subject, ctx)
            if found:
                return found  # "a contingent of 179 Bangladeshi UN peacekeepers ... The contingent is composed of"
        if subject.lemma_.lower() in _NATIONAL_PARTS and ctx.contingent_nation():
            return ctx.contingent_nation()  # "The contingent has 5,500 personnel", "the Iraq deployment was
            #                                 extended": one nation's part in a story of that nation's part
        if any(c.lower_ in ("the", "its", "this") for c in subject.children) and ctx.main_mission_lead():
            return ctx.main_mission_lead()  # "the mission", "the force": the one the article is about
        if _multinational(subject):
            return ctx.main_organisation()  # "The multinational force" in a story of ECOWAS's troops
    if subject.lemma_.lower() in _ACTOR_NOUNS or subject.lower_ in _ACTOR_NOUNS:
        if any(c.dep_ == "poss" and c.lower_ == "whose" for c in subject.children) and subject.head.dep_ == "relcl":
            owner = ctx.by_token.get(subject.head.head.i)  # "Nepal, whose government voted to dispatch 850"
            if owner is not None and owner.force:
                return owner.force
        pronoun = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in _PERSONAL_POSSESSIVES), None)
        if pronoun is not None and not _force_in_phrase(subject, ctx):
            return antecedent(pronoun, ctx)  # "Australia's defence minister says his government will send"
        seat = next((m for p in subject.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children
                     if (m := ctx.by_token.get(o.i)) is not None and m.entity.kind == "city"), None)
        if subject.lemma_.lower() in _BARE_BODIES and seat is not None and seat.entity.country:
            return seat.entity.country  # "the government in Ottawa decided to send 460 more troops": Canada's
        if _bare_government(subject, ctx):  # "The government has pledged 304 soldiers to the SADC mission" in
            # a story of Zimbabwe's troops; "the ministry is planning to deploy 390 soldiers" in a Czech story
            return ctx.story_nation() or ctx.contingent_nation() or ctx.most_named_country() or None
        return _force_in_phrase(subject, ctx)
    if subject.lemma_.lower() in ("ally", "partner"):
        # "The US allies promised 7,000 troops", "Washington's allies": the allies of that country, not it; the
        # alliance the article names, if any
        organisation = ctx.main_organisation()
        return organisation if organisation and organisation not in COUNTRIES else None
    speaking = verb is not None and verb.lemma_.lower() in _SPEECH
    for child in subject.children:
        if child.dep_ in ("poss", "compound") or (child.dep_ == "amod" and not speaking):
            # "the USS Eisenhower strike group": a name inside the compound names the force too
            inside = child.subtree if child.dep_ in ("compound", "poss") else [child]
            found = next((ctx.by_token[t.i] for t in inside if t.i in ctx.by_token), None)
            if found and found.force:
                return found.force
    if subject.pos_ == "PROPN" and subject.ent_type_ == "PERSON":
        # "UK Prime Minister Boris Johnson said ... to send 900 more soldiers", "Colonel Emmanuel Nibo, a
        # spokesman for Ghana's military, says a 200-member contingent will leave": the country of the title
        titles = [t for t in subject.subtree if t.i < subject.i] + [
            t for c in subject.children if c.dep_ == "appos" for t in c.subtree]
        for tok in titles:
            found = ctx.by_token.get(tok.i)
            if tok.dep_ in ("compound", "amod", "poss") and found is not None and \
                    found.entity.kind in ("country", "demonym") and found.force:
                return found.force
    if subject.text[:1].isupper() and subject.pos_ in ("PROPN", "NOUN") and subject.i not in ctx.by_token:
        # "Ramaphosa extended the contingent's stay", "Defense Minister Franz Josef Jung said ... 1,000 soldiers
        # will go": a head of government or minister the office-holder list knows acts for that country
        name = [t.text for t in subject.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [subject.text]
        return country_served(" ".join(name[-3:]), ctx.reference_year, COUNTRIES) or \
            country_served(subject.text, ctx.reference_year, COUNTRIES)
    return None


def _named_part_before(noun: Token, ctx: DocContext) -> str | None:
    """The one nation of the same noun named in the sentence or the two before 'the contingent': 'a contingent of
    179 Bangladeshi UN peacekeepers departed ... The contingent is composed of 125 members of ...'."""
    doc = noun.doc
    for tok in reversed(doc[start_back(noun, 2):noun.i]):
        if tok.lemma_.lower() != noun.lemma_.lower():
            continue
        nations = {m.force for t in tok.subtree if (m := ctx.by_token.get(t.i)) is not None and m.force in COUNTRIES
                   and m.entity.kind in ("country", "demonym", "institution") and not located(m, doc)}
        return nations.pop() if len(nations) == 1 else None
    return None


def _place_named(modifier: Token, mention, ctx: DocContext) -> bool:
    """'the Iraq deployment', 'the Afghanistan mission': a country's name (not its people's) before a mission
    noun, in an article that names it as a place troops are in or go to, is where the mission is, not whose."""
    return modifier.dep_ == "compound" and mention.entity.kind == "country" and ctx.located[mention.place] > 0 \
        and mention.force not in ctx.title_forces[:1]


def force_of_phrase(token: Token, ctx: DocContext) -> str | None:
    """The force named inside the phrase headed by `token` ('the number of American troops')."""
    return _force_in_phrase(token, ctx, deep=True)


def _is_place(token: Token, ctx: DocContext) -> bool:
    """The phrase's head word is itself a country, region or city ('South Kivu', 'Estonia'; not 'Germany's
    contingent')."""
    mention = ctx.by_token.get(token.i)
    return mention is not None and mention.entity.kind in ("country", "region", "city")


def _force_in_phrase(token: Token, ctx: DocContext, deep: bool = False) -> str | None:
    tokens = list(token.subtree) if deep else [token, *token.lefts, *(t for c in token.lefts for t in c.subtree)]
    # not a clause with a subject of its own: "provide expertise in air support, which Kenyan officials said ..."
    aside = {t.i for c in tokens if c.dep_ == "relcl" and c.i != token.i and any(
        s.dep_ in ("nsubj", "nsubjpass") and s.lower_ not in ("which", "that", "who") for s in c.children)
        for t in c.subtree}
    tokens = [t for t in tokens if t.i not in aside]
    for mention in _mentions(ctx, sorted(set(tokens), key=lambda t: t.i)):
        if mention.force:
            return mention.force
    return _led_collective(tokens, ctx)


def _led_collective(tokens: list[Token], ctx: DocContext) -> str | None:
    """'the coalition', 'the alliance' after 'the Saudi-led coalition': the force named as its leader."""
    for token in tokens:
        if token.lemma_.lower() in ("coalition", "alliance") and any(c.lower_ == "the" for c in token.children):
            return ctx.leader_before(token.i)
    return None
