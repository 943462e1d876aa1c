"""What the parse says around a troop count that both its owner and its place need: the verbs that govern it,
their subjects, the names in a phrase, and when it is (period, change); whether it counts a force at all."""

from __future__ import annotations

from spacy.tokens import Span, Token

from missiondesk.extract.context import PLACE_NOUNS as _PLACE_NOUNS
from missiondesk.extract.context import DocContext, head_token, leads
from missiondesk.extract.gazetteer import Mention
from missiondesk.extract.sentences import sentence_of
from missiondesk.extract.wording import words

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "expl")


_PLACE_PREPS = {"in", "at", "to", "into", "near", "on", "across", "inside", "outside", "around"}


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
                return nearer_antecedent(child) or _relative_antecedent(verb.head)
            return child
    for aux in verb.children:  # "Germany had this month already pledged ...": the parse hung it on "had"
        if aux.dep_ in ("aux", "auxpass") and aux.i < verb.i:
            found = next((c for c in aux.children if c.dep_ in _SUBJECT_DEPS), None)
            if found is not None:
                return found
    if verb.dep_ == "xcomp" and any(c.lower_ == "to" for c in verb.children):
        # "NATO urged Germany to send 500 troops", "prompting Honduras to follow": the one urged is to do it
        urged = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if urged is not None and urged.pos_ in ("PROPN", "NOUN", "PRON"):
            return urged
    if verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP") and verb.i > 0:
        # "MINUSMA is made up of Africans but China offered ...": the parse made "China" a second of "Africans"
        # and left "offered" without a subject; a name right before a finite verb is the verb's own subject
        before = verb.doc[verb.i - 1]
        if before.dep_ == "conj" and before.pos_ in ("PROPN", "NOUN") and before.head.i < before.i:
            return before
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
        return subject_of(verb.head)
    if verb.dep_ in ("relcl", "acl"):
        return _relative_antecedent(verb.head)
    return None


def nearer_antecedent(pronoun: Token) -> Token | None:
    """'5,432 troops after Uganda that had deployed 6,200': a relative clause follows what it describes; the
    parse hung it on a noun further back, but the country or body right before 'that' is its antecedent (not a
    place: 'the battlegroup in Latvia, which has ...' is the battlegroup's, below)."""
    if pronoun.i == 0:
        return None
    before = pronoun.doc[pronoun.i - 1]
    if before.i == pronoun.head.head.i or before.pos_ != "PROPN" or before.ent_type_ in ("PERSON", "DATE") \
            or before.dep_ != "pobj" or before.head.lower_ in _PLACE_PREPS:
        return None
    return before


def _relative_antecedent(head: Token) -> Token:
    """What a 'which' stands for: the parse hangs it on the nearest noun, but in 'the battlegroup in Latvia,
    which has 2,000 soldiers' it is the force, not the place its phrase puts it in."""
    prep = head.head
    if head.dep_ == "pobj" and prep.lower_ in _PLACE_PREPS and prep.dep_ == "prep" and prep.head.pos_ == "NOUN" \
            and (prep.head.lemma_.lower() in words("collectives") or prep.head.lemma_.lower() in words("head_nouns")):
        return prep.head
    return head


def _clause_verbs(token: Token) -> list[Token]:
    """The verbs of the clause holding `token`: up to and including the first that has a subject."""
    out = []
    for verb in _verb_chain(token, 4):
        out.append(verb)
        if any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
            break
    return out


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




_HEDGES = ("some", "about", "around", "roughly", "nearly", "almost", "over", "another", "just", "only")


def force_before(span: Span, ctx: DocContext) -> str | None:
    """In 'the US some 600', 'Turkey around 400', 'Tanzania and Gambia 196': the force named just before a bare
    number (the first of a run of names joined by 'and'); not a place the number's phrase is in ('the number
    of police in Haiti to 744')."""
    doc = span.doc
    start = sentence_of(span).start
    i = _skip_hedges(doc, span.start - 1, start)
    if i > start and doc[i].text in _LABEL_MARKS and doc[i].whitespace_:
        i -= 1  # "Belarus – 500, Tajikistan – 200": a dash between the name and its figure
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


def label_before(span: Span, ctx: DocContext) -> str | None:
    """'- Egypt: 1,091 troops', 'Uganda – 4,500 soldiers': a force that heads a line of a list, a colon or a dash
    between it and its figure, owns the figure."""
    doc, start = span.doc, sentence_of(span).start
    i = _skip_hedges(doc, span.start - 1, start)
    if i <= start or doc[i].text not in _LABEL_MARKS or not doc[i].whitespace_:
        return None
    return force_before(span, ctx)


_LABEL_MARKS = ("–", "—", "-", ":")


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


# What a verb does to people that makes them casualties or captives: "took hostage", "received injuries"
_HARM_OBJECTS = {"hostage", "hostages", "prisoner", "prisoners", "captive", "captives", "injury", "injuries",
                 "wounds"}


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
    whole = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    if whole is not None and whole.lemma_.lower() in ("total", "number", "group") \
            and whole.dep_ in ("nsubj", "nsubjpass") and hit(whole.head):
        return True  # "a total of 40 French soldiers have died": the total is the verb's subject (not "none of")
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
               and c.tag_ in ("VBN", "VBD", "JJ") and not any(g.dep_ in _SUBJECT_DEPS for g in c.children)):
            return True  # "clashes left 30 of its peacekeepers injured", "found two soldiers dead" (not "pull out
            #              its 500-strong contingent after five soldiers were killed": a clause of its own)
        if any(c.lower_ in _HARM_OBJECTS for c in verb.children if c.dep_ not in ("nsubj", "nsubjpass")):
            return True  # "took hostage 43 Fijian soldiers", "250 plus have received significant injuries"
        if verb.lemma_.lower() in ("sacrifice", "give", "lay") and any(
                c.dep_ == "dobj" and c.lower_ in ("life", "lives") for c in verb.children):
            return True  # "31 soldiers sacrificing their lives", "who gave their lives"
        subject = subject_of(verb)
        if verb.lemma_ == "be" and subject is not None and subject.lower_ in ("toll", "tally") and subject.i != noun.i:
            return True  # "Death toll of the Georgian soldiers in the mission is 29"
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
            if prep.dep_ == "prep" and any(_captivity(o) for o in prep.children if o.dep_ == "pobj"):
                return True
    return False


_RESULTS = ("advcl", "oprd", "xcomp", "ccomp", "acomp")  # the state a verb leaves its object in


_CAPTIVITY = {"prison", "jail", "detention", "custody", "captivity", "cell", "prisoner"}
_CAMP_KINDS = {"prison", "prisoner", "detention", "internment", "refugee", "displacement", "idp", "labour", "labor",
               "concentration", "holding", "camps"}


def _captivity(noun: Token) -> bool:
    """'in prisons', 'in detention camps'; a camp alone is a base ('troops at the camp near the border')."""
    if noun.lemma_.lower() in _CAPTIVITY:
        return True
    return noun.lemma_.lower() == "camp" and any(c.lower_ in _CAMP_KINDS or c.lemma_.lower() in _CAMP_KINDS
                                                 for c in noun.children if c.dep_ in ("compound", "amod", "nmod"))


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


def part_of_a_whole(span: Span, anchor: Token) -> bool:
    """'4,000 of the 19,000 Marines', '1,000 of the 5,000 troops': the number is a part, its noun the whole's."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ == "of" and anchor.i > span.end


def whole_of_a_part(anchor: Token) -> bool:
    """'1,000 of the 5,000 troops': the noun counted here is the whole that a number before it is part of."""
    return anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.like_num


# "the 1,200-strong contingent includes forces of France and Belgium": the verb names the force's parts
_MADE_UP_OF = {"include", "comprise", "consist", "incorporate", "contain"}


def parts_verb(anchor: Token) -> Token | None:
    """The verb by which the counted force, its subject, lists what it is made of ('the 1,200-strong battlegroup
    includes troops from France and Denmark'); the nations named there are parts, neither its owner nor its
    place."""
    verb = anchor.head
    if anchor.dep_ == "nsubj" and verb.lemma_.lower() in _MADE_UP_OF:
        return verb
    return None


def parts_of(anchor: Token) -> frozenset[int]:
    """The token indices of what `anchor`'s parts verb lists ('forces of France and Belgium'); none without one."""
    verb = parts_verb(anchor)
    if verb is None:
        return frozenset()
    return frozenset(t.i for c in verb.children if c.dep_ in ("dobj", "prep") and c.i > verb.i for t in c.subtree)


def _withdrawing(anchor: Token) -> bool:
    """A verb of withdrawing governs the troops, so 'from X' says where they were ('withdraw 1,000 troops from
    Germany'); not when the troops are its subject and 'from X' is their own ('200 soldiers from Djibouti have
    left': where they come from)."""
    first = anchor
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "200 soldiers from Djibouti and 600 from Burundi have left"
    if first.dep_ == "nsubj" and any(c.dep_ == "prep" and c.lower_ == "from" for c in anchor.children):
        return False
    return any(v.lemma_.lower() in words("withdraw_verbs") for v in _verb_chain(anchor, 3))


# "troops other than the Americans", "all contingents except the French", "via Qatar": not whose, not where
_EXCLUDING = {"except", "excluding", "besides", "unlike", "via", "through"}


def _excluded(mention: Mention, doc) -> bool:
    """A nationality negated ('non-Italian'), set apart ('other than the Americans', 'except France') or a place
    passed through ('via Qatar', 'through Kuwait')."""
    before = [t.lower_ for t in doc[max(0, mention.start - 2): mention.start]]
    if before[-1:] == ["non"] or before[-2:] in (["non", "-"], ["non", "‐"]):
        return True
    words = [t.lower_ for t in doc[max(0, mention.start - 4): mention.start] if t.lower_ not in ("the", "a", "an")]
    if words[-2:] == ["other", "than"] or words[-1:] in (["except"], ["excluding"], ["besides"]):
        return True  # "troops other than the Germans", however the parse hangs the name
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


def _names_a_place(mention: Mention, doc) -> bool:
    """'Iraq-bound forces', 'the Chadian capital', 'the northern Iraqi town': a destination or a place, never the
    troops' owner."""
    if _bound_for(mention, doc) or _based_in(mention, doc):
        return True
    nxt = doc[mention.end] if mention.end < len(doc) else None
    return mention.entity.kind == "demonym" and nxt is not None and nxt.lower_ in _PLACE_NOUNS


def _based_in(mention: Mention, doc) -> bool:
    """'the Germany-based 2nd Cavalry Regiment', 'Italy-based paratroopers': where the unit is based, not whose."""
    return [t.lower_ for t in doc[mention.end: mention.end + 2]] in (["-", "based"], ["‐", "based"])


def _bound_for(mention: Mention, doc) -> bool:
    following = [t.lower_ for t in doc[mention.end: mention.end + 2]]
    return following[:1] == ["bound"] or following[:2] in (["-", "bound"], ["‐", "bound"])


_leads = leads  # 'a U.S.-led mission', 'the Saudi-owned newspaper': who leads or owns, not where


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
