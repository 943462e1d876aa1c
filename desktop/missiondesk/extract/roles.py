"""Whose troops, where, and when: read off the dependency parse around a count's head noun."""

from __future__ import annotations

import itertools

from spacy.tokens import Span, Token

from missiondesk.extract.context import DocContext
from missiondesk.extract.gazetteer import Mention, missions
from missiondesk.extract.sentences import sentence_of
from missiondesk.extract.wording import words

_ORIGIN_VERBS = {"come", "hail", "arrive", "draw", "be", "originate", "fly", "travel"}
_NEAR_HEADS = {"close", "near", "next", "border", "boundary", "outside", "frontier", "edge"}
_WHERE_PREPS = {"in", "into", "to", "at", "across", "throughout", "inside", "within", "near", "on", "along",
                "around", "over", "for", "through", "via"}
_PLACE_NOUNS = {"soil", "territory", "capital", "province", "border", "coast", "region", "country", "bases",
                "base", "north", "south", "east", "west", "frontier", "city", "town", "village", "port", "district",
                "airport", "countryside", "desert", "mountains", "waters"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")
_BACK = {"back", "home", "homeward", "out", "away", "over", "down", "up"}  # "bring 6,400 troops back to the US"
_PLACE_PREPS = {"in", "at", "to", "into", "near", "on", "across", "inside", "outside", "around"}
# verbs whose object is where the troops go or are, when the troops are their subject
_MOVEMENT_VERBS = {"leave", "reach", "enter", "reinforce", "cross", "quit", "exit", "vacate", "invade", "occupy",
                   "patrol", "secure", "guard", "defend", "protect", "return", "arrive", "depart", "evacuate"}


def _verb_chain(token: Token, limit: int = 6) -> list[Token]:
    """The verbs governing `token`, nearest first, through xcomp, ccomp, relcl, conj and prepositions."""
    chain = []
    current = token
    for _ in range(limit):
        if current.head.i == current.i:
            break
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            chain.append(current)
    return chain


_RELATIVE = {"which", "who", "that", "whom", "whose"}


def subject_of(verb: Token) -> Token | None:
    """The verb's subject; a relative pronoun stands for the noun it refers to."""
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return child
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
        return subject_of(verb.head)
    if verb.dep_ in ("relcl", "acl"):
        return verb.head
    return None


def _clause_verbs(token: Token) -> list[Token]:
    """The verbs of the clause holding `token`: up to and including the first that has a subject."""
    out = []
    for verb in _verb_chain(token, 4):
        out.append(verb)
        if any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
            break
    return out


def head_token(mention: Mention, doc) -> Token:
    """The word of a name the parse hangs the rest on ('Korea' in 'North Korea')."""
    for i in range(mention.start, mention.end):
        if not mention.start <= doc[i].head.i < mention.end or doc[i].head.i == i:
            return doc[i]
    return doc[mention.end - 1]


def _mentions(ctx: DocContext, tokens) -> list[Mention]:
    seen, out = set(), []
    for tok in tokens:
        mention = ctx.by_token.get(tok.i)
        if mention and id(mention) not in seen:
            seen.add(id(mention))
            out.append(mention)
    return out


def first_force(tokens, ctx: DocContext, nationality_only: bool = False) -> str | None:
    """The first nationality, country or organisation among `tokens`."""
    for mention in _mentions(ctx, tokens):
        if nationality_only and tokens.doc[mention.start].head.dep_ == "pobj":
            continue
        if mention.force and mention.entity.kind != "city":
            return mention.force
    return None


def place_after(tokens, ctx: DocContext) -> str | None:
    """The place in the first 'in X' of `tokens`."""
    for tok in tokens:
        if tok.lower_ in ("in", "at", "to", "into"):
            place = _place_in(tok, ctx, None)
            if place:
                return place
    return None


_HEDGES = ("some", "about", "around", "roughly", "nearly", "almost", "over", "another", "just", "only")


def force_before(span: Span, ctx: DocContext) -> str | None:
    """In 'the US some 600', 'Turkey around 400', 'Tanzania and Gambia 196': the force named just before a bare
    number (the first of a run of names joined by 'and'); not a place the number's phrase is in ('the number
    of police in Haiti to 744')."""
    doc = span.doc
    start = sentence_of(span).start
    i = _skip_hedges(doc, span.start - 1, start)
    mention = ctx.by_token.get(i)
    if not mention or mention.entity.kind not in ("country", "org", "demonym"):
        return None
    if head_token(mention, doc).dep_ == "pobj":
        return None
    while mention.start - 2 >= start and doc[mention.start - 1].lower_ in ("and", ",", "&"):
        earlier = ctx.by_token.get(mention.start - 2)
        if not earlier or earlier.entity.kind not in ("country", "org", "demonym"):
            break
        mention = earlier
    return mention.force


def _skip_hedges(doc, i: int, start: int) -> int:
    """The token before a number's hedges: 'up to', 'more than', 'some', 'about'."""
    while i > start:
        low = doc[i].lower_
        if low in _HEDGES or (low == "than" and doc[i - 1].lower_ in ("more", "less", "fewer")) or \
                (low == "to" and doc[i - 1].lower_ == "up"):
            i -= 1 if low in _HEDGES else 2
            continue
        break
    return i


def is_trainee(head: Token) -> bool:
    """'has trained 15,000 Malian soldiers': the soldiers were trained, they are not the force."""
    return head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in (
        "train", "recruit", "arm", "equip", "graduate", "instruct", "mentor", "vet", "pay", "educate", "drill")



def is_casualty(head: Token, span: Span) -> bool:
    """The noun phrase counts the killed, wounded, captured: 'killed 59 troops', '30 soldiers were wounded'."""
    casualty = words("casualty_words")

    def hit(tok: Token) -> bool:
        if tok.lower_ == "body" and any(c.lower_ == "main" for c in tok.children):
            return False  # "the main body of the force": most of it, alive
        return tok.lemma_.lower() in casualty or tok.lower_ in casualty

    own_subject = head.dep_ in ("nsubj", "nsubjpass") and any(  # a nearer subject is the verb's own
        c.dep_ in ("nsubj", "nsubjpass") and abs(c.i - head.head.i) < abs(head.i - head.head.i)
        for c in head.head.children)
    if (hit(head.head) and not own_subject) or any(hit(c) for c in head.children if c.dep_ in ("acl", "relcl", "amod")):
        return True
    if head.dep_ == "pobj" and hit(head.head.head):
        return True  # "the lives of 4,500 service members", "deaths of 13 peacekeepers"
    noun = head.head if head.dep_ in ("nummod", "quantmod") else head
    for verb in _verb_chain(head, 2):
        if noun.dep_ in ("nsubj", "nsubjpass") and any(
                c.dep_ in ("nsubj", "nsubjpass") and abs(c.i - verb.i) < abs(noun.i - verb.i) for c in verb.children):
            break  # "700 peacekeepers served ..., and 47 lost their lives": the verb has a subject of its own
        # a conjoined verb with a subject of its own is another clause ("..., days after two were wounded")
        if hit(verb) or any(hit(c) for c in verb.children if c.dep_ == "conj" and not any(
                g.dep_ in ("nsubj", "nsubjpass") for g in c.children)):
            return head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj") or head.i == span[-1].i
        if any(hit(c) for c in verb.children if c.dep_ in _RESULTS and c.i > head.i
               and c.tag_ in ("VBN", "VBD", "JJ")):
            return True  # "clashes left 30 of its peacekeepers injured", "found two soldiers dead"
        if verb.lemma_ == "be" and any(hit(o) for p in verb.children if p.dep_ == "prep" and p.lower_ == "among"
                                       for o in p.children if o.dep_ == "pobj"):
            return True  # "among the injured were 11 Italian soldiers", "12 soldiers were among the dead"
        break
    for tok in span[-1].children:
        if hit(tok):
            return True
    # "hold about 9,000 fighters in prisons": captives
    holders = [head, *(v for v in _verb_chain(head, 1))]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and any(o.lemma_.lower() in _CAPTIVITY for o in prep.children if o.dep_ == "pobj"):
                return True
    return False


_RESULTS = ("advcl", "oprd", "xcomp", "ccomp", "acomp")  # the state a verb leaves its object in
_CAPTIVITY = {"prison", "jail", "detention", "custody", "captivity", "camp", "cell", "prisoner"}


def not_a_force(head: Token, span: Span) -> bool:
    """'a survey of 1,200 soldiers', '40 percent of the troops': the count belongs to something else."""
    shares = words("not_a_force_heads")
    doc = span.doc
    whole = span.start > 0 and doc[span.start - 1].lower_ in ("the", "its", "their", "his", "her", "our")
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in shares:
        return not whole  # "a third of the 37,000 troops": the whole force is still counted
    if any(t.lower_ == "ex" for t in doc[max(0, head.i - 2): head.i]) and head.i > 0 and doc[head.i - 1].text in "-‐":
        return True  # "75,000 ex-fighters": former members are no force
    return span[-1].head.lower_ in shares and span[-1].head.i != head.i


def whose(anchor: Token, span: Span, sent: Span, ctx: DocContext) -> str | None:
    """The force the troops belong to."""
    doc = sent.doc
    # 1. the noun phrase: its possessor ("Austria's some 300-strong contingent", "NATO's mission"), then its
    #    modifiers ("2,500 U.S. troops", "German KFOR soldiers"), a nationality before an organisation
    owner: list[Token] = []
    before = span.start - 1
    while before >= sent.start and doc[before].lower_ in ("the", "some", "about", "around", "roughly", "nearly",
                                                           "over", "planned", "entire", "whole"):
        before -= 1
    if before - 1 >= sent.start and doc[before].lower_ in ("'s", "’s"):
        owner.append(doc[before - 1])
    for tok in anchor.children:
        if tok.dep_ == "poss":
            owner.extend(tok.subtree)
    owner_force = _owner_mission(owner, ctx)
    if owner_force:
        return owner_force
    pronouns = [t for t in owner if t.lower_ in _POSSESSIVE_PRONOUNS] if len(owner) == 1 else []
    for prep in anchor.children:  # "the 900 remaining soldiers of its force"
        if prep.dep_ == "prep" and prep.lower_ == "of":
            pronouns += [c for o in prep.children if o.dep_ == "pobj" and (_is_troop_noun(o))
                         for c in o.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS]
    for pronoun in pronouns[:1]:
        owner_force = antecedent(pronoun, ctx)  # "Poland ... its 1,500-troop force"
        if owner_force:
            return owner_force
    modifiers = [t for t in doc[span.start: anchor.i + 1]] + [c for c in anchor.lefts]
    if anchor.dep_ == "conj":  # "4,800 Bundeswehr personnel and some 200 civilian employees"
        modifiers += [c for c in anchor.head.lefts]
    unit = anchor.head.head if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" else None
    if unit is not None and unit.lemma_.lower() in words("collectives"):  # "the Irish contingent of 340 soldiers"
        modifiers += [t for c in unit.lefts for t in c.subtree]
    for prep in anchor.children:  # "the 3,000-plus soldiers of the US Army's 3rd Infantry Division"
        if prep.dep_ == "prep" and prep.lower_ == "of":
            modifiers += list(prep.subtree)[:8]
    # "some 450 are Americans", "around 150 from Hungary": a nationality right after a bare number; not a
    # place ("some 200 are in Latvia", "of whom 900 are in Syria" say where they are)
    tail = doc[span.end: min(sent.end, span.end + 4)]
    if anchor.i == span[-1].i and tail and tail[0].lower_ in ("are", "is", "were", "from", "of"):
        after = list(itertools.takewhile(lambda t: t.lower_ not in _PLACE_PREPS, tail[1:]))
        if tail[0].lower_ in ("are", "is", "were"):
            after = [t for m in _mentions(ctx, after) if m.entity.kind == "demonym" for t in doc[m.start:m.end]]
        modifiers += [t for t in after if t.lower_ not in ("them", "whom")]
    for group in (owner, modifiers):
        found = [m for m in _mentions(ctx, group) if (m.force and m.entity.kind != "city" or
                 (m.entity.kind == "city" and group is owner)) and not _names_a_place(m, doc)
                 and not _excluded(m, doc)]
        national = [m for m in found if m.entity.kind in ("country", "demonym", "institution", "city")]
        if national or found:
            return (national or found)[0].force
    # 2. "troops from Turkey", "some 300 of them come from Austria"
    withdraw = _withdrawing(anchor)
    holders = [anchor, span[-1], *(v for v in _clause_verbs(anchor) if v.lemma_.lower() in _ORIGIN_VERBS)]
    for holder in holders:
        for prep in holder.children:
            if prep.lower_ == "from" and not withdraw:
                for mention in _mentions(ctx, prep.subtree):
                    if mention.force and mention.entity.kind != "city":
                        return mention.force
    # 3. the subject that has, sends or keeps them ("Spain has almost 700 soldiers in Latvia"), or the
    #    force they serve with ("troops serve with the UN Mission", "make up the NATO battlegroup")
    for verb in _verb_chain(anchor, 5):
        if verb.lemma_.lower() in words("host_verbs"):
            break
        subject = subject_of(verb)
        if subject is not None and (subject.i == anchor.i or anchor in subject.subtree and subject.i > anchor.i):
            for child in verb.children:
                if child.dep_ in ("dobj", "attr", "agent") or (child.dep_ == "prep" and child.lower_ in ("with", "by")):
                    if child.dep_ == "dobj" and verb.lemma_.lower() in _MOVEMENT_VERBS and _is_place(child, ctx):
                        continue  # "will leave South Kivu", "reinforce Estonia": where they go, not whose they are
                    found = _force_in_phrase(child, ctx, deep=True)
                    if found:
                        return found
            continue
        if subject is not None:
            found = _subject_force(subject, ctx, verb)
            if found:
                return found
    # 4. a mission named in the sentence
    for mention in _mentions(ctx, sent):
        if mention.entity.kind == "mission":
            return mention.force
    return None


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
_SPEECH = {"say", "tell", "report", "claim", "warn", "note", "add", "state", "confirm", "estimate", "believe",
           "insist", "argue", "write", "according", "show", "suggest"}


_POSSESSIVE_PRONOUNS = {"its", "their"}


def _is_troop_noun(token: Token) -> bool:
    return token.lemma_.lower() in _MISSION_NOUNS or token.lemma_.lower() in ("troop", "soldier", "force")
_SPOKESPEOPLE = {"official", "officials", "minister", "government", "authorities", "spokesman", "spokeswoman",
                 "spokesperson", "leader", "leaders", "commander", "commanders"}
_ACTOR_DEPS = ("nsubj", "nsubjpass", "poss")


def antecedent(pronoun: Token, ctx: DocContext, sentences_back: int = 2) -> str | None:
    """The force an 'it', 'its', 'they' or 'their' stands for: the last country, organisation, capital or mission
    that was the subject or the owner of something in this sentence or the two before."""
    doc = pronoun.doc
    sent = sentence_of(pronoun)
    start = sent.start
    for _ in range(sentences_back):
        if start == 0:
            break
        start = sentence_of(doc[start - 1]).start
    i = pronoun.i - 1
    while i >= start:
        mention = ctx.by_token.get(i)
        if mention is None:
            i -= 1
            continue
        i = mention.start - 1
        head = doc[mention.end - 1]
        while head.dep_ in ("compound", "conj") and head.head.i != head.i and head.head.i < mention.end + 4:
            head = head.head
        if mention.force and mention.entity.kind in ("country", "org", "city", "mission", "institution") and \
                head.dep_ in _ACTOR_DEPS and not _excluded(mention, doc):
            return mention.force
        if mention.entity.kind == "demonym" and head.dep_ == "amod" and head.head.dep_ in _ACTOR_DEPS and \
                head.head.lemma_.lower() in _SPOKESPEOPLE | _ACTOR_NOUNS:
            return mention.force  # "Polish officials said ... its force"
    return None


def _subject_force(subject: Token, ctx: DocContext, verb: Token | None = None) -> str | None:
    """A subject that stands for a force: a country, an institution, 'the French army', 'French officials
    have floated sending' -- but not people who only speak ('Lithuanian officials say')."""
    own = ctx.by_token.get(subject.i)
    if own and own.force:
        return own.force
    if subject.lower_ in ("it", "they"):
        return antecedent(subject, ctx)
    # "the NATO-led Kosovo Force (KFOR), a UN-mandated peacekeeping mission that includes ...": a mission
    # described right after it is named is that mission
    if subject.lemma_.lower() in _MISSION_NOUNS:
        for child in subject.children:  # "the U.S. presence", "the German contingent": its own nation first
            found = ctx.by_token.get(child.i)
            if child.dep_ in ("compound", "amod", "poss") and found and found.force and \
                    found.entity.kind in ("country", "demonym", "institution"):
                return found.force
        sent = sentence_of(subject)
        for i in range(subject.i - 1, max(sent.start, subject.i - 14) - 1, -1):
            found = ctx.by_token.get(i)
            if found and found.entity.kind == "mission":
                return found.force
        if any(c.lower_ in ("the", "its", "this") for c in subject.children) and ctx.main_mission_lead():
            return ctx.main_mission_lead()  # "the mission", "the force": the one the article is about
    if subject.lemma_.lower() in _ACTOR_NOUNS or subject.lower_ in _ACTOR_NOUNS:
        return _force_in_phrase(subject, ctx)
    speaking = verb is not None and verb.lemma_.lower() in _SPEECH
    for child in subject.children:
        if child.dep_ in ("poss", "compound") or (child.dep_ == "amod" and not speaking):
            found = ctx.by_token.get(child.i)
            if found and found.force:
                return found.force
    return None


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
    for mention in _mentions(ctx, sorted(set(tokens), key=lambda t: t.i)):
        if mention.force:
            return mention.force
    return None


def _withdrawing(anchor: Token) -> bool:
    return any(v.lemma_.lower() in words("withdraw_verbs") for v in _verb_chain(anchor, 3))


def where(anchor: Token, span: Span, sent: Span, ctx: DocContext, force: str | None,
          inherited: str | None = None) -> str | None:
    """The country or region the troops are in; `inherited` is the place of the count a bare number
    refers back to, used when the number's own clause names none."""
    withdraw = _withdrawing(anchor)
    clause = _clause_verbs(anchor)
    subjects = [s for s in (subject_of(v) for v in clause[-1:]) if s is not None and s.i != anchor.i]
    described = [c for c in anchor.children if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX")]
    holders = [anchor, span[-1], *described, *clause, *subjects]
    holders += [a for h in clause for a in h.children if a.dep_ == "advmod" and a.lower_ in _NEAR_HEADS]
    holders += [a for h in clause for a in h.children if a.dep_ in ("advmod", "prt") and a.lower_ in _BACK]
    own = {anchor.i, span[-1].i, *(d.i for d in described)}
    preps = [(holder, prep) for holder in holders for prep in holder.children if prep.dep_ == "prep"]
    # the count's own phrases first, then the clause's, nearest the count first ("bring 6,400 troops back to the
    # United States and move 5,600 to Belgium")
    order = {id(pair): (pair[0].i not in own, abs(pair[1].i - anchor.i) if pair[0].i not in own else 0, n)
             for n, pair in enumerate(preps)}
    seen: set[int] = set()
    for holder, prep in sorted(preps, key=lambda pair: order[id(pair)]):
        if prep.i in seen:
            continue
        seen.add(prep.i)
        if _staging(prep):
            continue
        word = prep.lower_
        if word in _WHERE_PREPS or (word == "from" and withdraw):
            if prep.head.lower_ in _NEAR_HEADS:
                near = _place_in(prep, ctx, force)
                if near and force and force != near and ctx_is_country(force) and ctx_is_country(near):
                    return force  # "deployed close to Kosovo": a national force on its own side
                continue
            # "back to the United States", "home to France", "return to Belgium": the force's own country is
            # where they go
            back = holder.lower_ in _BACK or (word in ("to", "into") and (
                holder.lemma_.lower() in _RETURN_VERBS or any(
                    c.dep_ in ("advmod", "prt") and c.lower_ in ("back", "home") for c in holder.children)))
            place = _place_in(prep, ctx, None if back else force)
            if place:
                return place
    verb = anchor.head
    if anchor.dep_ == "dobj" and verb.lemma_.lower() in words("host_verbs") and not any(
            c.dep_ == "auxpass" for c in verb.children):
        subject = subject_of(verb)
        if subject is not None:
            place = _place_in(subject, ctx, None)
            if place:
                return place
    for verb in clause:  # "Senegal, where some 350 French troops remain"
        if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
            place = _place_in(verb.head, ctx, force, shallow=True)
            if place:
                return place
    if inherited:
        return inherited
    # a place elsewhere in the sentence, nearest the count
    for mention in _mentions(ctx, sent):
        if mention.entity.kind == "mission":
            return missions()[mention.entity.name]["theater"]
    doc = sent.doc
    named = _mentions(ctx, sent)
    owners = frozenset(m.place for m in named if m.place and (_names_a_number(m, sent, ctx) or _acts(m, sent)))
    candidates = [m for m in named if m.place and m.place != force and not _near(m, sent) and not _excluded(m, doc)
                  and not _staging(doc[m.end - 1].head)
                  and not _for_something_else(m, doc, anchor)
                  and not _is_origin(m, sent) and not _metonym(m, sent) and not _in_a_part(m, sent)
                  and not _names_a_number(m, sent, ctx) and not _modifier_only(m, sent) and not _agent(m, sent)]
    bound = [m for m in named if m.place and _bound_for(m, sent.doc)]
    if bound:
        return bound[0].place  # "Iraq-bound forces": where they are going
    if candidates:
        # a country or a place within one before a broad region ("near the Black Sea coast")
        nearest = min(candidates, key=lambda m: (ctx.is_broad(m.place), abs(m.start - anchor.i)))
        return nearest.place
    earlier = ctx.mission_before(anchor.i) or ctx.main_mission
    if earlier and earlier in missions():
        mission = missions()[earlier]
        main = ctx.main_place(besides=force, owners=owners)
        if ctx.is_broad(mission["theater"]) and main in mission.get("countries", []):
            return main  # an Estonia story about the eastern-flank battlegroups: Estonia
        return mission["theater"]
    return ctx.main_place(besides=force, owners=owners)


_RETURN_VERBS = {"return", "repatriate", "rotate"}
# "troops other than the Americans", "all contingents except the French", "via Qatar": not whose, not where
_EXCLUDING = {"except", "excluding", "besides", "unlike", "via", "through"}


def _excluded(mention: Mention, doc) -> bool:
    """A nationality negated ('non-Italian'), set apart ('other than the Americans', 'except France') or a place
    passed through ('via Qatar', 'through Kuwait')."""
    before = [t.lower_ for t in doc[max(0, mention.start - 2): mention.start]]
    if before[-1:] == ["non"] or before[-2:] in (["non", "-"], ["non", "‐"]):
        return True
    head = doc[mention.end - 1]
    for ancestor in [head, *head.ancestors][:4]:
        low = ancestor.lower_
        if low in _EXCLUDING or (low == "than" and ancestor.i > 0 and doc[ancestor.i - 1].lower_ == "other") or \
                (low == "from" and ancestor.i > 0 and doc[ancestor.i - 1].lower_ in ("apart", "aside")) or \
                (low == "of" and ancestor.i > 0 and doc[ancestor.i - 1].lower_ == "instead"):
            return True
        if ancestor.pos_ in ("VERB", "AUX"):
            break
    return False


_WAITING = {"standby", "alert", "notice", "reserve", "readiness"}


def _staging(prep: Token) -> bool:
    """'on standby in Germany', 'on alert in Kuwait to deploy to Iraq': where troops wait to go, not where they
    serve."""
    if prep.dep_ != "prep":
        return False
    if any(c.dep_ == "pobj" and c.lower_ in _WAITING for c in prep.children):
        return True
    head = prep.head
    if head.lower_ in _WAITING:
        return True
    return prep.lower_ in ("in", "at") and any(
        c.dep_ == "prep" and c.lower_ in ("on", "in") and any(o.lower_ in _WAITING for o in c.children)
        for c in head.children)


def _for_something_else(mention: Mention, doc, anchor: Token) -> bool:
    """'a setback for the United States', 'a victory for Russia': a country something is for, when that thing is
    not the troops ('500 troops for Afghanistan' is where they go)."""
    head = doc[mention.end - 1]
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ == "for" and prep.head.pos_ == "NOUN" and prep.head.i != anchor.i \
        and prep.head.lemma_.lower() not in _MISSION_NOUNS


def _names_a_place(mention: Mention, doc) -> bool:
    """'Iraq-bound forces', 'the Chadian capital', 'the northern Iraqi town': a destination or a place, never the
    troops' owner."""
    if _bound_for(mention, doc):
        return True
    nxt = doc[mention.end] if mention.end < len(doc) else None
    return mention.entity.kind == "demonym" and nxt is not None and nxt.lower_ in _PLACE_NOUNS


def _bound_for(mention: Mention, doc) -> bool:
    following = [t.lower_ for t in doc[mention.end: mention.end + 2]]
    return following[:1] == ["bound"] or following[:2] in (["-", "bound"], ["‐", "bound"])


def _acts(mention: Mention, sent: Span) -> bool:
    """'Italy provides', 'Turkey has sent': a country as the subject of a verb other than 'be'."""
    head = sent.doc[mention.end - 1]
    return mention.entity.kind in ("country", "city") and head.dep_ in ("nsubj", "nsubjpass") and \
        head.head.lemma_.lower() != "be"


def _metonym(mention: Mention, sent: Span) -> bool:
    """'Washington has signalled', 'Italy provides', 'Ankara's force': a country or capital acting, or owning,
    is the government, not the place where troops are."""
    if mention.entity.kind not in ("city", "country"):
        return False
    head = sent.doc[mention.end - 1]
    if head.dep_ == "poss" or any(c.lower_ in ("'s", "’s") for c in head.children):
        return head.head.lower_ not in _PLACE_NOUNS  # "on Syria's coast" is a place
    if head.dep_ == "conj" and head.head.dep_ in ("nsubj", "nsubjpass"):
        return True
    return head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() not in ("be",)


def ctx_is_country(name: str) -> bool:
    from missiondesk.extract.context import COUNTRIES

    return name in COUNTRIES


def _near(mention: Mention, sent: Span) -> bool:
    """'near the Black Sea coast', 'close to Kosovo': beside a place, not in it (a city near is in)."""
    if mention.entity.kind == "city":
        return False
    tok = sent.doc[mention.end - 1]
    for ancestor in [tok, *tok.ancestors][:4]:
        if ancestor.lower_ in ("near", "off", "beside") or ancestor.lower_ in _NEAR_HEADS:
            return True
    return False


def _leads(mention: Mention, doc) -> bool:
    """'a U.S.-led mission', 'the French led operation', 'NATO-backed': who leads or backs, not where."""
    following = doc[mention.end: mention.end + 2]
    words = [t.lower_ for t in following]
    return bool(words) and (words[0] in _LEAD_WORDS or words[0] in ("-", "‐") and words[1:2] and words[1] in _LEAD_WORDS)


_LEAD_WORDS = {"led", "backed", "mandated", "sponsored", "brokered", "funded", "commanded"}


def _modifier_only(mention: Mention, sent: Span) -> bool:
    """'NATO's Madrid summit', 'the Dayton agreement': a place naming an event, not a location."""
    last = sent.doc[mention.end - 1]
    return last.dep_ in ("compound", "amod", "nmod", "poss") and last.head.pos_ in ("NOUN", "PROPN") and \
        last.head.lower_ not in _PLACE_NOUNS


def _agent(mention: Mention, sent: Span) -> bool:
    """'signed by Russia, Azerbaijan and Armenia', 'the war between Israel and Hezbollah': parties to
    something, not where troops are."""
    tok = head_token(mention, sent.doc)
    while tok.dep_ == "conj":
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in _PARTY_PREPS


# "signed by", "the war between", "fighting against", "the largest contributor after the US", "more than Italy"
_PARTY_PREPS = {"by", "between", "against", "with", "after", "than", "like", "unlike", "behind", "besides"}


def _in_a_part(mention: Mention, sent: Span) -> bool:
    """'30 personnel, including operators at a base in Qatar': a place of some of them, not of the count."""
    return any(a.lower_ in ("including", "excluding") for a in head_token(mention, sent.doc).ancestors)


def _names_a_number(mention: Mention, sent: Span, ctx: DocContext) -> bool:
    """'the US some 600 and Turkey around 400', 'Tanzania and Gambia 196': a country heading a number (alone or
    in a run of names) is its owner, not a place."""
    doc = sent.doc
    i = mention.end
    while i + 1 < sent.end and doc[i].lower_ in ("and", ",", "&") and ctx.by_token.get(i + 1):
        i = ctx.by_token[i + 1].end
    while i < sent.end - 1 and doc[i].lower_ in _HEDGES:
        i += 1
    return i < sent.end and doc[i].like_num and doc[i].pos_ == "NUM"


def _is_origin(mention: Mention, sent: Span) -> bool:
    """'troops from Austria', 'refugees from Darfur': where people come from, not where the count is."""
    tok = head_token(mention, sent.doc)
    while tok.dep_ == "conj":  # "drawn from Austria, Bulgaria, Romania and Slovakia"
        tok = tok.head
    return tok.head.lower_ == "from" and not any(
        v.lemma_.lower() in words("withdraw_verbs") for v in _verb_chain(tok, 3))


def _phrase(token: Token) -> list[Token]:
    """The words of the phrase under `token`, without the clauses inside it ('in an effort to punish Germany'
    is not a place phrase)."""
    clauses = {t.i for d in token.subtree if d.i != token.i and d.pos_ in ("VERB", "AUX") and d.dep_ in (
        "acl", "relcl", "xcomp", "advcl", "ccomp", "pcomp") for t in d.subtree}
    return [t for t in token.subtree if t.i not in clauses]


def _place_in(token: Token, ctx: DocContext, force: str | None, shallow: bool = False) -> str | None:
    sent = sentence_of(token)
    for mention in _mentions(ctx, [token] if shallow else _phrase(token)):
        if mention.place and mention.place != force and not _modifier_only(mention, sent) \
                and not _leads(mention, token.doc):
            return mention.place
        if mention.entity.kind == "demonym":
            nxt = token.doc[mention.end] if mention.end < len(token.doc) else None
            if nxt is not None and nxt.lower_ in _PLACE_NOUNS:
                return mention.entity.country  # "in the Afghan capital"
    for tok in token.subtree:
        if tok.lower_ in ("soil", "territory") and any(c.lower_ in ("its", "their", "our") for c in tok.children):
            verb = _verb_chain(tok, 3)
            subject = subject_of(verb[0]) if verb else None
            if subject is not None:
                for mention in _mentions(ctx, subject.subtree):
                    if mention.place:
                        return mention.place
    return None


def period(anchor: Token, span: Span, sent: Span) -> str:
    """current, planned or past, from the verbs that govern the count and the time words in its clause."""
    chain = _verb_chain(anchor, 4)
    planned = words("planned_words")
    tokens = [*chain, *(c for v in chain for c in v.children if c.dep_ in ("aux", "auxpass", "neg", "advmod"))]
    texts = {t.lower_ for t in tokens} | {t.lemma_.lower() for t in chain}
    if texts & planned or any(v.tag_ == "VB" and any(c.lower_ == "to" for c in v.children) for v in chain[:1]):
        return "planned"
    doc = sent.doc
    verb = chain[0] if chain else None
    lo = min(span.start, verb.i if verb is not None else span.start) - 3
    hi = max(anchor.i, verb.i if verb is not None else anchor.i) + 3
    clause = doc[max(sent.start, lo): min(sent.end, hi + 1)]
    clause = clause[:next((i for i, t in enumerate(clause) if t.text in (";", "—") and t.i > anchor.i), len(clause))]
    near = f" {clause.text.lower()} "
    if any(f" {w} " in near or f" {w}" in near and w.startswith("remain") for w in words("current_words")):
        return "current"
    if any(w in near for w in words("past_words") if " " in w):
        return "past"
    if verb is not None and (verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
            c.lower_ == "had" for c in verb.children))) and verb.lemma_ != "remain":
        return "past"
    return "current"


def delta(anchor: Token, span: Span, qualifier: str) -> str | None:
    doc = span.doc
    nearby = [doc[i] for i in range(max(0, span.start - 2), min(len(doc), anchor.i + 1))]
    for tok in nearby:
        if tok.lower_ in words("delta_plus") and not (tok.lower_ == "more" and tok.nbor(1).lower_ == "than"):
            return "+"
    for verb in _verb_chain(anchor, 2):
        if verb.lemma_.lower() in words("delta_minus_verbs"):
            return "-"
    return None
