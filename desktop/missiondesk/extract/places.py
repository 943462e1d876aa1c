"""Where the troops are: the count's own phrase of place, then its clause's, then the mission or the place the
article is about; places passed through, waited in or named for something else are not where."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from missiondesk.extract.context import (
    GROUPINGS,
    NO_THEATERS,
    PLACE_NOUNS,
    DocContext,
    acting,
    first_named,
    headquartered,
    headquarters,
    naming_people,
)
from missiondesk.extract.gazetteer import Entity, Mention, missions, region_members
from missiondesk.extract.owners import (
    _MISSION_NOUNS,
    _the_country,
    antecedent,
    respective_names,
)
from missiondesk.extract.roles import (
    _HEDGES,
    _PLACE_NOUNS,
    _bound_for,
    _clause_verbs,
    _excluded,
    _leads,
    _mentions,
    _verb_chain,
    _withdrawing,
    head_token,
    part_of_a_whole,
    parts_of,
    subject_of,
    whole_of_a_part,
)
from missiondesk.extract.sentences import sentence_of, start_back
from missiondesk.extract.wording import words

_NEAR_HEADS = {"close", "near", "next", "border", "boundary", "outside", "frontier", "edge"}


_WHERE_PREPS = {"in", "into", "to", "at", "across", "throughout", "inside", "within", "near", "on", "along",
                "around", "over", "for", "through", "via"}


_BACK = {"back", "home", "homeward", "out", "away", "over", "down", "up"}  # "bring 6,400 troops back to the US"
_LAST_PLACE = "missiondesk_last_place"  # doc.user_data key: where the last count its own sentence placed was
_FELL_BACK = "missiondesk_fell_back"  # doc.user_data key: the count's place came from the story, not its sentence


def where(anchor: Token, span: Span, sent: Span, ctx: DocContext, force: str | None,
          inherited: str | None = None) -> str | None:
    """The country or region the troops are in; `inherited` is the place of the count a bare number
    refers back to, used when the number's own clause names none. Troops sent to a grouping of states ('to the
    Baltic states') are in none of them in particular."""
    doc = anchor.doc
    doc.user_data[_FELL_BACK] = False
    place = _where(anchor, span, sent, ctx, force, inherited)
    if place and _nowhere_in_particular(anchor, span, ctx):
        return None
    if place and not doc.user_data[_FELL_BACK]:
        doc.user_data[_LAST_PLACE] = place
    return None if place in GROUPINGS else place


_SCATTERED = re.compile(r"(?i)\b(?:around the (?:world|globe)|across the (?:world|globe)|"
                        r"(?:in|to|across|among) (?:the |its |their )?(?:[\w’'-]+ ){0,4}battle ?groups\b|"
                        r"(?:for|on|in) (?:foreign|overseas) (?:deployments?|missions?|operations|service)|"
                        r"(?:(?:in|across|throughout) (?:various|several|many|different|\d+|a number of|these|those|"
                        r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)(?: [\w-]+)?|"
                        r"both|all(?: the)?|the (?:two|three|four|five|six|seven|eight|nine|ten|\d+))|(?:to|in|among) "
                        r"other(?: (?:nato|european|allied|eu|member|african|partner))?) (?:countries|"
                        r"nations|missions|operations|theaters|theatres|parts of the world)|"
                        r"(?:to|in|with|on|for|join|joined|completed) (?:the )?(?:(?:nearly|some|over|about|around) )?"
                        r"(?:(?:(?:\d+|various|several|other|many|different|all) )+(?:of the \d+ )?(?:un |u\.n\. |"
                        r"united nations |international |un[’']s )?(?:\(un\) )?(?:peace[- ]?keeping |peace )?|"
                        r"(?:un |u\.n\. |united nations |international |foreign |un[’']s )(?:\(un\) )?"
                        r"(?:peace[- ]?keeping |peace )?|"
                        r"peace[- ]?keeping |peace )(?:missions|operations)|"
                        r"(?:to|for) (?:un |international )?peace[- ]?keeping(?! (?:mission|force|operation|troop|"
                        r"contingent|battalion|unit|dut)))\b")
_ABROAD = {"abroad", "overseas", "worldwide"}
_TIME_PREPS = {"since", "until", "till"}
# a ranking of contributing nations: "ranks second", "in fifth place", "is followed by", "the top spot"
_RANKING = re.compile(r"(?i)\b(?:ranks? (?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|top)|"
                      r"ranked|(?:is|are) followed by|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                      r"tenth|top|\d+(?:st|nd|rd|th)) (?:place|position|spot))\b")


def _nowhere_in_particular(anchor: Token, span: Span, ctx: DocContext) -> bool:
    """'98,000 soldiers deployed in various countries', '826 officers were overseas', 'has sent 4,000 troops to
    UN missions since 2006': the count's own clause places the troops in many places or abroad in general and
    names no country; they are in no one place."""
    sized = _sized_subject(anchor)
    if sized is not None and _listing(sized, {t.i for t in sized.subtree}, ctx):
        return True  # "the battlegroups in Lithuania, Latvia and Estonia are to double from 3,400 troops to 6,000"
    tokens = _own_words(anchor, span)
    if not tokens:
        return False
    doc = anchor.doc
    for i in tokens:  # "600 soldiers, divided between Iraq, Syria, Jordan and Kuwait": in no one of them
        if doc[i].lower_ in ("between", "among", "amongst", "across") and doc[i].dep_ == "prep" and doc[
                i].head.lemma_.lower() in _SPREADING and len(
                {m.place for m in _mentions(ctx, list(doc[i].subtree)) if m.place}) >= 2:
            return True
    if _listing(anchor, tokens, ctx):
        return True  # "780 in Iraq and Syria", "deployed to Romania, Bulgaria and Hungary": one figure, several places
    if any(_in_each_place(doc[i]) for i in tokens):
        return True  # "1,500 soldiers in each country", "about 100 in each of the three cities": one figure, many
    words = doc[min(tokens):max(tokens) + 1]
    scattered = _SCATTERED.search(words.text)
    if not scattered and not any(
            doc[i].lower_ in _ABROAD and (doc[i].pos_ == "ADV" or doc[i].dep_ in ("advmod", "acomp")) for i in tokens):
        return False  # "were serving overseas", not "its largest overseas posting"
    parts = {t.i for i in tokens if doc[i].lower_ == "including" and doc[i].dep_ == "prep" for t in doc[i].subtree}
    parts = set() if anchor.i in parts or span[-1].i in parts else parts
    own = range(span.start, span.end)  # nor another figure's ("350 in KFOR and nearly 150 in Bosnia": the 150's)
    parts |= {t.i for i in tokens if doc[i].dep_ == "conj" and anchor.i not in {x.i for x in doc[i].subtree}
              and any(x.like_num and x.i not in own for x in doc[i].subtree) for t in doc[i].subtree}
    named = [m for m in _mentions(ctx, [doc[i] for i in sorted(tokens) if i not in parts])  # not the parts' places:
             # "700 peacekeepers serving in foreign missions, including 350 in KFOR and 150 in Bosnia"
             if m.entity.kind in ("country", "city", "region", "mission") and (m.place or m.entity.kind == "mission")
             and not any(a.lower_ in _TIME_PREPS and a.dep_ == "prep" for a in doc[m.start].ancestors)]
    # (not "in 51 UN missions since the first one for Korea in 1953": a place that only dates the count)
    # "for 11 UN missions in Congo, South Sudan, Western Sahara, ... as well as three non-UN missions in Iraq,
    # Kosovo and Afghanistan": the many missions' places, listed, no one place
    # "on peacekeeping missions in different countries which include South Sudan (UNMISS), Sudan (UNAMID) and
    # the CAR (MINUSCA)": the missions' theaters are more of the same places
    theaters = {m.place or m.theater for m in named}
    # "in nine war-torn countries, mainly in the African continent": a continent only says which countries
    return not named or bool(scattered) and (len(theaters - {None}) > 1 or theaters <= NO_THEATERS)


def _with_figure(span: Span) -> bool:
    """'Ethiopia with 6,662 peacekeepers', 'with about 6,197 and 6,073 personnel': a figure given 'with' a name."""
    doc = span.doc
    i = span.start - 1
    while i > 0 and (doc[i].lower_ in ("some", "about", "around", "over", "nearly", "almost", "roughly", "than",
                                        "more", "and", ",") or doc[i].like_num):
        i -= 1
    return doc[i].lower_ == "with"


def _sized_subject(anchor: Token) -> Token | None:
    """The subject whose size a 'from N to M' figure gives ('the battlegroups ... are to double from 3,400 troops to
    more than 6,000'), when it is a force."""
    prep = anchor.head if anchor.dep_ == "pobj" and anchor.head.lower_ in ("from", "to") else None
    verb = prep.head if prep is not None else None
    while verb is not None and verb.dep_ in ("prep", "pobj") and verb.head.i != verb.i:
        verb = verb.head  # "quadruple in strength from 3,400"
    if verb is None:
        return None
    chain = [verb, *(a for a in verb.ancestors if a.pos_ in ("VERB", "AUX"))][:3]  # ("double" may be tagged ADJ)
    subject = next((s for s in map(subject_of, chain) if s is not None), None)
    if subject is not None and subject.lemma_.lower() in ("size", "strength", "number"):  # "the size of X"
        subject = next((o for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                        if o.dep_ == "pobj"), subject)
    nouns = _BOUND_NOUNS | {"battlegroup", "mission"}
    return subject if subject is not None and (subject.lemma_.lower() in nouns or subject.lower_.rstrip("s") in nouns) \
        else None


def _list_head(token: Token) -> Token:
    """The first of a list of names; the parse may hang a second name on the first as its apposition ('in Sudan,
    South Sudan, the CAR, Chad ...')."""
    while token.dep_ in ("conj", "appos") and token.head.i < token.i:
        token = token.head
    return token


_EACH_PLACE = {"country", "nation", "city", "capital", "base", "state", "island", "camp", "province", "region"}


def _in_each_place(token: Token) -> bool:
    """'in each country', 'in each of the three cities': a figure repeated over several places."""
    if token.lower_ != "each":
        return False
    if token.head.lemma_.lower() in _EACH_PLACE:
        return True
    return any(p.lower_ == "of" and any(o.lemma_.lower() in _EACH_PLACE for o in p.children) for p in token.children)


def _own_words(anchor: Token, span: Span) -> set[int]:
    """The count's own words and its clause's phrases of place and manner."""
    tokens = {t.i for t in anchor.subtree} | {t.i for t in span}
    for verb in _clause_verbs(anchor):
        tokens |= {t.i for c in verb.children if (c.dep_ in ("prep", "advmod", "npadvmod", "dobj", "acomp")
                   or c.dep_ == "dative" and c.lower_ == "to")  # "sent 6,000 soldiers to sites around the world"
                   and c.lower_ != "of" for t in c.subtree}  # not the whole of "Of the 640 abroad, 210 ..."
        # "has sent 4,000 troops to join UN missions": the purpose the troops were sent for
        tokens |= {t.i for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in _SERVING
                   for p in c.children if p.dep_ in ("dobj", "prep") for t in p.subtree}
    return tokens


_SERVING = {"join", "serve", "participate", "take"}


def deployed_in_each(anchor: Token, span: Span, ctx: DocContext) -> list[str]:
    """The countries of a figure spread over a plain list of them ('to Poland and Romania'), each a deployment of
    its own; not those given as examples ('including in Latvia') or for a plural ('in eight countries – ...')."""
    tokens = _own_words(anchor, span)
    if anchor.lemma_.lower() in ("peacekeeper", "peace-keeper") or tokens and _SCATTERED.search(
            anchor.doc[min(tokens):max(tokens) + 1].text):
        return []  # "4,000 Nepali peacekeepers serving in Lebanon, Congo and Haiti", "for 11 UN missions in
        #            Congo, South Sudan, ...": troops of UN missions, no national deployment in each country
    # not regions ("stationed overseas, in Europe, Africa and Asia"): a deployment is in a country
    return [p for p in _listing(anchor, tokens, ctx, plain=True) if ctx_is_country(p)]


def _listing(anchor: Token, tokens: set[int], ctx: DocContext, plain: bool = False) -> list[str]:
    """The countries one figure is spread over when its own phrase of place (among `tokens`) lists two or more
    ('some 780 in Iraq and Syria', 'serving with UNMISS and MINUSCA'); empty when it names one place or none.
    `plain`: only a list of the places themselves, not one of examples or for a plural noun."""
    doc = anchor.doc
    above = {t.i for t in anchor.ancestors}
    for i in sorted(tokens):
        prep = doc[i]
        leaving = prep.lower_ == "from" and (prep.head.lemma_.lower() in words("withdraw_verbs")
                                             or prep.head.i == anchor.i and _withdrawing(anchor))
        if prep.dep_ != "prep" or prep.lower_ not in _LISTING_PREPS and not leaving or \
                _of_another_count(prep, anchor, above):
            continue  # (a place listed after "withdraw ... from" is where they are; after another "from", origins)
        if plain and (any(c.dep_ == "pobj" and c.lower_ in _MANY_PLACES for c in prep.children)
                      or prep.head.lower_ in ("including", "includes", "include", "like", "as")):
            continue
        places = _listed_places(prep, ctx)
        if len(places) >= 2:
            return places
    return []


def _of_another_count(prep: Token, anchor: Token, above: set[int]) -> bool:
    """'270 troops in Afghanistan, with some 780 in Iraq and Syria': the phrase belongs to the other number.
    `above`: the indices of the count's own ancestors."""
    tok = prep.head
    while tok.i != anchor.i:
        if tok.like_num or any(c.dep_ == "nummod" and c.like_num for c in tok.children):
            return True
        if tok.pos_ == "VERB" and any(c.dep_ in ("dobj", "nsubjpass") and c.i != anchor.i and c.i not in above
                                      and (c.like_num or any(n.dep_ == "nummod" for n in c.children))
                                      for c in tok.children):
            return True  # "bring 6,400 back to the US and move 5,600 to Belgium and Italy": the second verb's
        if tok.head.i == tok.i or tok.i in above:
            return False
        tok = tok.head
    return False


_MANY_PLACES = {"countries", "nations", "states", "missions", "operations", "places", "theatres", "theaters"}
_LISTING_PREPS = {"in", "to", "into", "across", "throughout", "at", "with", "inside"}


def _listed_places(prep: Token, ctx: DocContext) -> list[str]:
    """The distinct countries, or missions' theatres, that the objects of `prep` list: 'in Iraq and Syria' gives
    two, 'in Baghdad and Erbil' one (both are in Iraq), 'to Romania' one; else the broad regions it lists ('in
    Europe, Asia and the Middle East')."""
    members = [c for c in prep.children if c.dep_ == "pobj"]
    for member in members:
        # "in eight countries – Sudan, Chad and Mali": the countries a plural noun stands for; "in Sudan, South
        # Sudan, the CAR, Chad": the parse may hang the second name on the first as its apposition ("in Juba,
        # South Sudan" is one country all the same); "from the African nations of Chad and Ivory Coast"
        members += [c for c in member.children if c.dep_ in ("conj", "appos")]
        if member.lower_ in _MANY_PLACES:
            members += [o for p in member.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                        if o.dep_ == "pobj"]
    places: list[str] = []
    regions: list[str] = []
    for member in members:
        mention = ctx.by_token.get(member.i)
        if mention is None or prep.lower_ == "with" and mention.entity.kind != "mission":
            continue  # "with UNMISS and MINUSCA", not "Germany with 830, France and Britain"
        if mention.theater:
            if not ctx.is_broad(mention.theater) and mention.theater not in places:
                places.append(mention.theater)
        elif mention.place and ctx_is_country(mention.place) and mention.place not in places:
            places.append(mention.place)
        elif mention.place and ctx.is_broad(mention.place) and mention.place not in regions:
            regions.append(mention.place)
    # "stationed overseas, in Europe, Africa, Asia and the Middle East": several regions where the troops are, no
    # one place (not "the hub for operations in Europe and Africa")
    if len(places) < 2 and len(regions) >= 2 and prep.head.pos_ in ("VERB", "AUX"):
        return regions
    return places


def _where(anchor: Token, span: Span, sent: Span, ctx: DocContext, force: str | None,
           inherited: str | None = None) -> str | None:
    if inherited and anchor.like_num:
        served = gapped_service(span, ctx)
        if served is not None:
            return served  # "210 serve with UNIFIL, 40 with UNMISS": the gapped clause's own mission or place
        # "800 troops from Croatia are stationed in Hungary, 900 from the United States in Bulgaria": a gapped
        # clause's own place, before the clause's and the place of the count it repeats
        joined = {t.i for c in anchor.children if c.dep_ in ("conj", "cc") for t in c.subtree}
        own_place = place_after([t for t in anchor.subtree if t.i > anchor.i and t.i not in joined], ctx)
        if own_place:
            return own_place
    clause = _clause_verbs(anchor)
    # "are scheduled to arrive in Nepal", "is expected to deploy to Mali": the verb a raising verb hands on to
    clause += [x for v in clause for x in v.children if x.dep_ == "xcomp" and x.pos_ == "VERB" and x.i > v.i
               and v.lemma_.lower() in _RAISING]
    if _back_home(anchor, clause, ctx, force):
        return force  # "400 troops have already returned": home, where they now are
    homeward = any(c.dep_ in ("advmod", "prt") and c.lower_ in ("home", "homeward") for v in clause for c in v.children)
    withdraw = _withdrawing(anchor) or homeward
    moving = homeward or any(v.lemma_.lower() in _TRAVEL for v in clause)
    subjects = [s for s in (subject_of(v) for v in clause[-1:]) if s is not None and s.i != anchor.i]
    # not "headquartered at N'Djamena": where a force has its headquarters is not where its troops are
    described = [c for c in anchor.children if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX")
                 and not headquartered(c)]
    # "reinforcements of 7,000 troops for Afghanistan", "a contingent of 300 soldiers to Mali": the whole's phrases
    whole = [anchor.head.head] if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and \
        anchor.head.head.lemma_.lower() in _BOUND_NOUNS else []
    holders = [anchor, span[-1], *whole, *described, *clause, *subjects]
    holders += [a for h in clause for a in h.children if a.dep_ == "advmod" and a.lower_ in _NEAR_HEADS]
    holders += [a for h in clause for a in h.children if a.dep_ in ("advmod", "prt") and a.lower_ in _BACK]
    own = {anchor.i, span[-1].i, *(d.i for d in described)}
    doc = anchor.doc
    if part_of_a_whole(span, anchor) and any(
            v.lemma_.lower() in words("movement_verbs") or v.lemma_.lower() in words("relocation_verbs")
            for v in clause):
        # "4,000 of the 19,000 Marines in Okinawa will be moved to Guam": the whole's place is not the part's
        own = {span[-1].i}
        holders = [h for h in holders if h.i != anchor.i]
    # "3,000 US troops based in Germany would move to Poland": a journey the sentence speaks of ends where they
    # will be, before the place the count's own description gives
    listed = anchor.dep_ == "conj" or span[-1].dep_ == "conj" or any(c.dep_ == "conj" for c in anchor.children)
    # not "1,000 soldiers to Romania and 2,000 to Poland", nor the whole of "4,000 of the 19,000 in Okinawa"
    describing = {d.i for d in described}
    for verb in ([] if listed or whole_of_a_part(anchor) or _whole_of_some(anchor) else clause):
        if verb.lemma_.lower() not in _TRAVEL or verb.i in describing or verb.dep_ == "relcl":
            continue
        leaving = verb.lemma_.lower() in ("leave", "depart", "head", "sail", "fly")  # "leaving for Haiti"
        for end in (p for p in verb.children if p.dep_ == "prep" and (p.lower_ in ("to", "into")
                                                                      or leaving and p.lower_ == "for")):
            place = _place_in(end, ctx, None)
            if place:
                return place
    # "sent 225 soldiers to Estonia": the parse may make that "to" a dative
    preps = [(holder, prep) for holder in holders for prep in holder.children
             if prep.dep_ == "prep" or prep.dep_ == "dative" and prep.lower_ == "to"]
    # the count's own phrases first, then the clause's, nearest the count first ("bring 6,400 troops back to the
    # United States and move 5,600 to Belgium")
    order = {id(pair): (pair[0].i not in own, abs(pair[1].i - anchor.i) if pair[0].i not in own else 0, n)
             for n, pair in enumerate(preps)}
    seen: set[int] = set()
    for holder, prep in sorted(preps, key=lambda pair: order[id(pair)]):
        if prep.i in seen:
            continue
        seen.add(prep.i)
        word = prep.lower_
        if _staging(prep) or word == "via" or (word == "through" and moving):
            continue  # "via Cyprus", "flying home through Qatar": a place passed through
        if headquartered(holder):
            continue  # "deployed a force, headquartered at N'Djamena": where its headquarters are
        onward = [p for _, p in preps] + [c for c in prep.children if c.dep_ == "prep"]
        if word == "from" and withdraw and any(p.lower_ in ("to", "into") and _place_in(p, ctx, None)
                                               for p in onward):
            continue  # "relocate 1,000 soldiers from Germany to Romania": where they are going
        bound_for = word == "for" and (holder.i in own or holder.lemma_.lower() in _BOUND_NOUNS
                                       or holder.lemma_.lower() in words("sending_verbs")
                                       or holder.lemma_.lower() == "promise") and any(
            o.dep_ == "pobj" and ctx.by_token.get(o.i) is not None and ctx.by_token[o.i].entity.kind == "country"
            for o in prep.children)  # "7,000 troops for Afghanistan", "reinforcements for Mali": where they go
        if word in _WHERE_PREPS or (word == "from" and withdraw) or bound_for:
            if prep.head.lower_ in _NEAR_HEADS:
                near = _place_in(prep, ctx, force)
                if near and force and force != near and ctx_is_country(force) and ctx_is_country(near):
                    return force  # "deployed close to Kosovo": a national force on its own side
                continue
            own_side = _own_border(prep, ctx, force)
            if own_side:
                return own_side
            # "back to the United States", "home to France", "return to Belgium": the force's own country is
            # where they go
            back = holder.lower_ in _BACK or (word in ("to", "into") and holder.lemma_.lower() in _RETURN_VERBS) or (
                word in ("to", "into", "in") and any(  # "arrived back in New Zealand"
                    c.dep_ in ("advmod", "prt") and c.lower_ in ("back", "home") for c in holder.children)) or (
                word in ("in", "at", "on") and holder.lemma_.lower() in _ARRIVING)  # "arrived in South Africa"
            place = _place_in(prep, ctx, None if back else force)
            if place:
                return place
    hosted = anchor
    while hosted.dep_ == "conj" and hosted.head.i != hosted.i:
        hosted = hosted.head  # "hosts around 900 US troops, as well as 140 Italian and 250 Polish troops"
    verb = hosted.head
    if hosted.dep_ == "dobj" and verb.lemma_.lower() in words("host_verbs") and not any(
            c.dep_ == "auxpass" for c in verb.children):
        subject = subject_of(verb)
        if subject is not None:
            place = _place_in(subject, ctx, None)
            if place is None and subject.lower_ in ("it", "they"):  # "the republic said it will welcome 600"
                place = antecedent(subject, ctx)
                place = place if place and ctx_is_country(place) else None
            if place:
                return place
    for verb in clause:  # "Senegal, where some 350 French troops remain"
        if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
            place = _place_in(verb.head, ctx, force, shallow=True)
            if place:
                return place
    deictic = _deictic_place(anchor, clause, sent, ctx, force)
    if deictic:
        return deictic
    served = _served_mission(clause, ctx, force)
    if served:
        return served
    if inherited:
        return inherited
    # a mission the sentence names, the one nearest the count ("150 soldiers to Takuba and 250 as part of
    # MINUSMA")
    named_missions = [m for m in _mentions(ctx, sent) if m.entity.kind == "mission"]
    if named_missions:
        return mission_place(min(named_missions, key=lambda m: abs(m.start - anchor.i)).entity.name, ctx, force)
    doc = sent.doc
    named = _mentions(ctx, sent)
    parts = parts_of(anchor)  # "the contingent includes forces of France and Belgium": its parts' nations
    # countries the sentence names as owners or origins of troops ("including 300 from Italy") are not the
    # story's place for this count
    owners = frozenset(m.place for m in named if m.place and (_names_a_number(m, sent, ctx) or _acts(m, sent)
                                                                 or _counted_nationals(m, doc)
                                                                 or m.start in parts
                                                                 or _is_origin(m, sent) or _where_said(m, doc)))
    # "300 Dutch and 200 Belgian soldiers": the other figure's nation is whose those are, not where these are
    owners |= {m.force for m in named if m.force and m.force != force and _counted_nationals(m, doc)}
    candidates = [m for m in named if m.place and m.place != force and not _near(m, sent) and not _excluded(m, doc)
                  and not _leads(m, doc) and not _acts(m, sent)
                  and not _staging(doc[m.end - 1].head) and not headquarters(m, doc)
                  and not _for_something_else(m, doc, anchor) and not _another_clause(m, doc, anchor)
                  and not _is_origin(m, sent) and not _metonym(m, sent) and not _in_a_part(m, sent)
                  and not _names_a_number(m, sent, ctx) and not _modifier_only(m, sent) and not _agent(m, sent)
                  and not _compared(m, sent) and not _describes_a_place(m, doc, ctx) and not _where_said(m, doc)
                  and not _counted_nationals(m, doc) and m.start not in parts]
    if _RANKING.search(sent.text) and _with_figure(span):
        # "Bangladesh is followed by Ethiopia with 6,662 peacekeepers": a nation's total, everywhere; the places
        # named are the ranked nations, unless the figure's own phrase names one ("with 900 in Mali")
        own = [m for m in _mentions(ctx, list(anchor.subtree)) if m.place and m.start > anchor.i
               and _under(m, doc, ("in", "at"))]
        return own[0].place if own else None
    onward = [m for m in candidates if _under(m, doc, ("to", "into"))]
    if onward and withdraw:  # "relocate 1,000 soldiers from Vilseck, Germany to Romania": where they go
        candidates = [m for m in candidates if not _under(m, doc, ("from",))] or candidates
    bound = [m for m in named if m.place and _bound_for(m, sent.doc)]
    if bound:
        return bound[0].place  # "Iraq-bound forces": where they are going
    if candidates:
        # a country or a place within one before a broad region ("near the Black Sea coast")
        nearest = min(candidates, key=lambda m: (ctx.is_broad(m.place), abs(m.start - anchor.i)))
        return nearest.place
    anchor.doc.user_data[_FELL_BACK] = True  # the sentence says nothing of where: the story's place
    earlier = ctx.mission_before(anchor.i) or ctx.main_mission
    if earlier and earlier in missions():
        mission = missions()[earlier]
        main = ctx.main_place(besides=force, owners=owners)
        if ctx.is_broad(mission["theater"]) and main in mission.get("countries", []):
            return main  # an Estonia story about the eastern-flank battlegroups: Estonia
        last = _last_place(anchor, force)
        if last:
            return last
        if force == mission["lead"]:
            return mission["theater"]  # the lead's whole force across the region ("France's 5,100 in the Sahel")
        return _country_in_region(mission["theater"], ctx, force, owners, mission.get("countries"))
    if force and ctx.located[force] and ctx.located[force] == max(ctx.located.values()) and \
            2 * ctx.located[force] >= ctx.force_counts[force] and ctx.main_place(owners=owners) == force:
        # "5,000 Filipino troops" in a story of drills in the Philippines, named as the place things happen in
        # more than half as often as an actor: the host's own troops, at home
        return force
    return _last_place(anchor, force) or _country_in_region(ctx.main_place(besides=force, owners=owners), ctx, force,
                                                           owners)


def _last_place(anchor: Token, force: str | None) -> str | None:
    """Where the count before was, as its own sentence placed it ('Poland has 900 troops in Iraq. ... Some 200 will
    leave in March'), when it is not the count's own force's country: a figure with no place goes on about it."""
    last = anchor.doc.user_data.get(_LAST_PLACE)
    return last if last and last != force else None


def _country_in_region(place: str | None, ctx: DocContext, force: str | None, owners, members=None) -> str | None:
    """The article's main place, when it is a broad region ('the Middle East') and the article names one country
    of it as a place more than any other: that country ('50 soldiers from the Special Forces' in a story of
    Norway's troops in the Middle East that names Iraq)."""
    if place is None or not ctx.is_broad(place):
        return place
    members = set(members or region_members().get(place, ()))
    inside = [(n, p) for p, n in ctx.place_counts.items() if p in members and p != force and p not in owners]
    if not inside:
        return place
    inside.sort(reverse=True)
    return inside[0][1] if len(inside) == 1 or inside[0][0] > inside[1][0] else place


_RETURN_VERBS = {"return", "repatriate", "rotate"}
# verbs whose subject does what the verb after them says: "are scheduled to arrive", "are expected to deploy"
_RAISING = {"schedule", "expect", "set", "slate", "due", "plan", "intend", "prepare", "begin", "start", "continue"}
_BOUND_NOUNS = {"reinforcement", "troop", "soldier", "contingent", "force", "deployment", "batch", "group",
                "team", "unit", "battalion", "company"}
# Verbs of arriving: troops that arrive in their own country are home ("257 SANDF members arrived in South Africa")
_ARRIVING = {"arrive", "land", "touch", "touchdown"}
# Verbs of a journey: "through Germany" on their way is a place passed, not where troops serve
_TRAVEL = {"travel", "fly", "sail", "drive", "head", "go", "come", "transit", "pass", "ship", "airlift", "return",
           "move", "leave", "depart", "send", "deploy", "transfer", "redeploy", "relocate", "journey", "march"}


def _back_home(anchor: Token, clause: list[Token], ctx: DocContext, force: str | None) -> bool:
    """Troops that have returned (the count the subject of 'returned', no place they went to named) are home:
    '400 troops have already returned', 'returned from Somalia last week'."""
    if not force or not ctx_is_country(force):
        return False
    for verb in clause:
        subject = subject_of(verb)
        if subject is None or subject.i != anchor.i or verb.tag_ not in ("VBD", "VBN"):
            continue
        if verb.lemma_.lower() == "return" and not any(  # not "returned to Lebanon"; "to their families" is home
                p.dep_ == "prep" and p.lower_ in ("to", "into") and any(  # (the object's own words, not its phrases)
                    ctx.by_token.get(t.i) for o in p.children if o.dep_ == "pobj" for t in [o, *o.lefts])
                for p in verb.children):
            return True
        if verb.lemma_.lower() in ("come", "get") and any(  # (not "flew home via Cyprus": on the way)
                c.dep_ == "advmod" and c.lower_ == "home" for c in verb.children):
            return True  # "170 soldiers came home this week"
    return False


def _demonym_place(mention: Mention, doc) -> Mention | None:
    """'the southern Iraqi city of Nasiriya': a nationality naming a place is that country."""
    if mention.entity.kind != "demonym" or mention.end >= len(doc):
        return None
    head = doc[mention.end - 1].head
    if head.lower_ not in PLACE_NOUNS:
        return None
    return Mention(mention.start, mention.end, Entity("country", mention.entity.country), mention.text)


def _deictic_place(anchor: Token, clause: list[Token], sent: Span, ctx: DocContext, force: str | None) -> str | None:
    """'About 3,300 U.S. soldiers are stationed here', 'Spain keeps 600 troops there': the country named last
    before the sentence (not the force's own, nor one that leads or acts), up to three sentences back."""
    holders = [anchor, *clause, *(v for v in anchor.children if v.dep_ in ("acl", "relcl"))]
    # "to the region", "in the area": a place named before, a broad region as much as a country
    # "on the island": the island country named before
    def the_noun(preps: tuple[str, ...], nouns: tuple[str, ...]) -> bool:
        return any(p.dep_ == "prep" and p.lower_ in preps and any(
            o.dep_ == "pobj" and o.lemma_.lower() in nouns and any(d.lower_ == "the" for d in o.children)
            for o in p.children) for v in holders for p in v.children)

    region = the_noun(("to", "in", "into", "on"), ("region", "area", "island"))
    # "the 530 Spanish troops in the Middle Eastern country", "stationed in the country": the country named last
    country = the_noun(("to", "in", "into", "inside"), ("country", "kingdom", "nation"))
    if not region and not country and not any(c.dep_ == "advmod" and c.lower_ in ("here", "there")
                                              for v in holders for c in v.children):
        return None
    doc = sent.doc
    start = start_back(anchor, 3)
    earlier = [_demonym_place(m, doc) or m for m in ctx.mentions if start <= m.start < anchor.i]
    earlier = [m for m in earlier if m.place and m.place != force and not naming_people(m, doc)
               and (m.entity.kind in ("country", "city") or region and m.entity.kind == "region")
               and not _leads(m, doc)
               and not _agent(m, sentence_of(doc[m.start]))
               and (not acting(m, doc) or doc[m.end - 1].head.lemma_.lower() in words("host_verbs")
                    or first_named(doc[m.end - 1]).dep_ == "nsubjpass")]  # "Kuwait was liberated": not acting
    regions = [m for m in earlier if m.entity.kind == "region"] if region else []
    if country and not region and earlier:  # "the country": of those named before, the one the story names most
        return max(reversed(earlier), key=lambda m: ctx.place_counts[m.place]).place
    return (regions or earlier)[-1].place if earlier else None


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


_CLAUSE_MARKS = {"as", "while", "whilst", "when", "because", "although", "though", "since", "whereas"}


def _another_clause(mention: Mention, doc, anchor: Token) -> bool:
    """'5,000 U.S. personnel have been taking part in the exercise, as the civil war continues in neighboring
    Syria': a place in a clause of its own, with its own subject, says where something else happens."""
    tok = doc[mention.end - 1]
    for verb in tok.ancestors:
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CLAUSE_MARKS for c in verb.children):
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return subject is not None and subject.i != mention.start and anchor not in verb.subtree
    return False


def _for_something_else(mention: Mention, doc, anchor: Token) -> bool:
    """'a setback for the United States', 'a victory for Russia': a country something is for, when that thing is
    not the troops ('500 troops for Afghanistan' is where they go)."""
    head = doc[mention.end - 1]
    prep = head.head
    if _on_a_trip(mention, doc):
        return True
    if head.dep_ == "pobj" and prep.lower_ in ("in", "at") and prep.head.lemma_.lower() in _PEOPLE_PLACED:
        return True  # "a need that commanders in Europe had identified": where those people are
    return head.dep_ == "pobj" and prep.lower_ == "for" and prep.head.pos_ == "NOUN" and prep.head.i != anchor.i \
        and prep.head.lemma_.lower() not in _MISSION_NOUNS


def _on_a_trip(mention: Mention, doc) -> bool:
    """'aligning with President Ruto's state visit to the US': someone's journey, not the troops'."""
    head = doc[mention.end - 1]
    return head.dep_ == "pobj" and head.head.lower_ in ("to", "in") and head.head.head.lemma_.lower() in _TRIPS


# People a place may be said of, who are not troops ("commanders in Europe", "officials in Kabul")
_PEOPLE_PLACED = {"commander", "official", "diplomat", "leader", "lawmaker", "analyst", "expert", "journalist",
                  "reporter", "resident", "source", "observer", "envoy", "ambassador", "minister", "politician"}

# Nouns of a person's journey or meeting: a place after them is theirs ("his visit to Washington")
_TRIPS = {"visit", "trip", "tour", "talks", "meeting", "summit", "stopover", "speech", "address", "interview"}


def _acts(mention: Mention, sent: Span) -> bool:
    """'Italy provides', 'Turkey has sent', 'Germany and Italy will send': a country as the subject of a verb
    other than 'be'."""
    head = first_named(sent.doc[mention.end - 1])
    if mention.entity.kind in ("country", "city") and any(  # "Britain, which contributes 272 soldiers"
            c.dep_ == "relcl" and c.lemma_.lower() != "be" and any(g.lower_ in ("which", "that") and g.dep_ == "nsubj"
                                                                 for g in c.children) for c in head.children):
        return True
    if mention.entity.kind in ("country", "city") and head.dep_ in ("nsubj", "nsubjpass") and \
            head.head.lemma_.lower() != "be":
        return True
    # "and Nigeria, Ghana, Burundi and Malawi would be sending the rest": a run of names before a modal or an
    # auxiliary is that verb's subject, however the parse hangs the names
    doc, i = sent.doc, mention.end
    while i < sent.end and (doc[i].pos_ == "PROPN" or doc[i].lower_ in (",", "and", "&")):
        i += 1
    if mention.entity.kind != "country" or i >= sent.end - 1 or not (
            doc[i].tag_ == "MD" or doc[i].lemma_ in ("have", "be") and doc[i].pos_ == "AUX"):
        return False
    k = i + 1
    while k < sent.end - 1 and doc[k].pos_ == "ADV":  # "and Croatia has already gone"
        k += 1
    return doc[k].pos_ in ("VERB", "AUX") and doc[mention.start - 1].lower_ in (",", "and", "while", "but")


def _metonym(mention: Mention, sent: Span) -> bool:
    """'Washington has signalled', 'Italy provides', 'Ankara's force': a country or capital acting, or owning,
    is the government, not the place where troops are."""
    if mention.entity.kind not in ("city", "country"):
        return False
    head = sent.doc[mention.end - 1]
    return acting(mention, sent.doc) or head.dep_ == "conj" and head.head.dep_ in ("nsubj", "nsubjpass")


def ctx_is_country(name: str) -> bool:
    from missiondesk.extract.context import COUNTRIES

    return name in COUNTRIES


def _near(mention: Mention, sent: Span) -> bool:
    """'near the Black Sea coast', 'close to Kosovo': beside a place, not in it (a city near is in)."""
    if mention.entity.kind == "city":
        return False
    tok = sent.doc[mention.end - 1]
    if tok.head.lower_ in ("in", "inside", "within") and tok.head.head.pos_ == "PROPN":
        return False  # "a camp near Liptovsky Mikulas in Slovakia": the town is near, the country holds it
    for ancestor in [tok, *tok.ancestors][:4]:
        if ancestor.lower_ in ("near", "off", "beside") or ancestor.lower_ in _NEAR_HEADS:
            return True
    return False


def _modifier_only(mention: Mention, sent: Span) -> bool:
    """'NATO's Madrid summit', 'the Dayton agreement': a place naming an event, not a location."""
    last = sent.doc[mention.end - 1]
    if last.dep_ == "compound" and last.head.i == mention.end and last.head.lower_ in _GEOGRAPHIC:
        return False  # "the Golan Heights", "Kabul Airport": the name goes on, it is still a place
    return last.dep_ in ("compound", "amod", "nmod", "poss") and last.head.pos_ in ("NOUN", "PROPN") and \
        last.head.lower_ not in _PLACE_NOUNS


# The last word of a place's longer name ("the Golan Heights", "the Gaza Strip", "Kabul Airport")
_GEOGRAPHIC = {"heights", "hills", "mountains", "valley", "strip", "bank", "peninsula", "island", "islands",
               "airport", "coast", "province", "sea", "gulf", "desert", "plateau", "corridor", "highlands", "basin",
               "delta", "lake", "river", "region", "state", "county", "district"}


def _agent(mention: Mention, sent: Span) -> bool:
    """'signed by Russia, Azerbaijan and Armenia', 'the war between Israel and Hezbollah': parties to
    something, not where troops are."""
    tok = head_token(mention, sent.doc)
    while tok.dep_ == "conj":
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in _PARTY_PREPS


# "signed by", "the war between", "fighting against", "the largest contributor after the US", "more than Italy"
_PARTY_PREPS = {"by", "between", "against", "with", "after", "than", "like", "unlike", "behind", "besides"}


_MEASURES = {"size", "area", "length", "population", "width", "scale"}


def _own_border(prep: Token, ctx: DocContext, force: str | None) -> str | None:
    """'massed on its border with Ukraine', 'along India's border with China': troops on a country's own
    border are in that country, not in the neighbour it borders."""
    for noun in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in _BORDER_NOUNS):
        for owner in (c for c in noun.children if c.dep_ == "poss"):
            if owner.lower_ in ("its", "their", "his", "her", "our"):
                return force if force and ctx_is_country(force) else None
            named = ctx.by_token.get(owner.i)
            if named is not None and named.place and ctx_is_country(named.place):
                return named.place
    return None


# Where something is said: "told reporters in Oslo", "said at a news conference in Brussels"
_SAYING_NOUNS = {"reporters", "journalists", "press", "conference", "briefing", "interview", "summit", "meeting",
                 "talks", "visit", "speech", "statement", "event", "ceremony", "forum"}


def _where_said(mention: Mention, doc) -> bool:
    """'..., Stoltenberg told reporters in Oslo': the place a statement is made is not where the troops are."""
    head = doc[mention.end - 1]
    if head.dep_ != "pobj" or head.head.lower_ not in ("in", "at"):
        return False
    holder = head.head.head
    while holder.lower_ in _SAYING_NOUNS and holder.dep_ in ("dobj", "pobj", "prep", "npadvmod", "dative"):
        holder = holder.head if holder.dep_ != "pobj" else holder.head.head
    return holder.lemma_.lower() in _SAYING_VERBS or holder.lower_ in _SAYING_NOUNS


_SAYING_VERBS = {"say", "tell", "announce", "add", "state", "confirm", "declare", "speak", "warn", "note", "report",
                 "insist", "stress", "explain", "claim", "write", "tweet"}


def _neighbour(mention: Mention, doc) -> bool:
    """'the border with Russia': the country on the other side of a border."""
    head = doc[mention.end - 1]
    return head.dep_ == "pobj" and head.head.lower_ == "with" and head.head.head.lemma_.lower() in _BORDER_NOUNS


_BORDER_NOUNS = {"border", "frontier", "boundary"}
_PLACE_HEADS = PLACE_NOUNS | {"nation", "state", "island", "republic"}  # a clause on one of these describes a place


def _describes_a_place(mention: Mention, doc, ctx: DocContext) -> bool:
    """'in the NATO country, which borders Poland and Belarus': a country in a clause that describes another
    place is not where the troops are."""
    for verb in doc[mention.end - 1].ancestors:
        if verb.dep_ in ("relcl", "acl") and verb.pos_ in ("VERB", "AUX"):
            noun = verb.head
            named = ctx.by_token.get(noun.i)
            return noun.lemma_.lower() in _PLACE_HEADS or (
                named is not None and named.place is not None and named is not mention)
    return False


def _compared(mention: Mention, sent: Span) -> bool:
    """'a province the size of France', 'an area twice as large as Belgium': a yardstick, not a place."""
    tok = head_token(mention, sent.doc)
    prep = tok.head
    return tok.dep_ == "pobj" and (prep.lower_ == "of" and prep.head.lemma_.lower() in _MEASURES
                                   or prep.lower_ in ("as", "than") and prep.head.pos_ == "ADJ")


def _in_a_part(mention: Mention, sent: Span) -> bool:
    """'30 personnel, including operators at a base in Qatar': a place of some of them, not of the count."""
    return any(a.lower_ in ("including", "excluding") for a in head_token(mention, sent.doc).ancestors)


def _counted_nationals(mention: Mention, doc) -> bool:
    """'330 Australian and 100 New Zealand troops': a nationality right after a figure is whose they are."""
    return mention.entity.kind == "demonym" and mention.start > 0 and doc[mention.start - 1].like_num


def _names_a_number(mention: Mention, sent: Span, ctx: DocContext) -> bool:
    """'the US some 600 and Turkey around 400', 'Tanzania and Gambia 196': a country heading a number (alone or
    in a run of names) is its owner, not a place."""
    doc = sent.doc
    i = mention.end
    while i + 1 < sent.end and doc[i].lower_ in ("and", ",", "&") and ctx.by_token.get(i + 1):
        i = ctx.by_token[i + 1].end
    if i < sent.end - 1 and doc[i].text in (":", "–", "—") and doc[i].whitespace_:
        i += 1  # "- Egypt: 1,091 troops": a line of a list of contributors
    if i < sent.end - 2 and doc[i].text == "," and doc[i + 1].lower_ == "with":
        i += 1  # "include Italy, with approximately 1,000 soldiers; Spain, with about 680"
    if i < sent.end - 1 and doc[i].lower_ == "with":
        i += 1  # "led by the US with around 18,000 troops and Britain with more than 8,000"
    while i < sent.end - 1 and (doc[i].lower_ in _HEDGES or doc[i].lower_ in ("more", "than", "less", "fewer")):
        i += 1
    if i + 1 < sent.end and doc[i].text == "(" and doc[i + 1].like_num:
        return True  # "Serbia (48)": a contributor and its figure
    listed = respective_names(sent, ctx) if mention.entity.kind in ("country", "demonym") else None
    if listed and mention.force in listed[0]:
        return True  # "Argentina, Slovakia and Hungary follow, with 265, 157 and 77 respectively"
    return i < sent.end and doc[i].like_num and doc[i].pos_ == "NUM"


def _under(mention: Mention, doc, preps: tuple[str, ...]) -> bool:
    """The place is the object of one of `preps` ('from Vilseck, Germany': Germany in apposition counts)."""
    tok = doc[mention.end - 1]
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in preps


def _is_origin(mention: Mention, sent: Span) -> bool:
    """'troops from Austria', 'refugees from Darfur': where people come from, not where the count is."""
    tok = head_token(mention, sent.doc)
    while tok.dep_ == "conj":  # "drawn from Austria, Bulgaria, Romania and Slovakia"
        tok = tok.head
    if tok.dep_ == "appos" and tok.head.lemma_.lower() in ("country", "nation", "state", "ally"):
        tok = tok.head  # "troops from 11 countries - Albania, Canada, ...": the countries listed are the origins
    held = tok.head.head  # "the withdrawal of Ukraine's troops from Iraq": the troops the withdrawal is of
    leaving = held.lemma_.lower() in _LEAVING_NOUNS or held.dep_ == "pobj" and held.head.lower_ == "of" and \
        held.head.head.lemma_.lower() in _LEAVING_NOUNS
    return tok.head.lower_ == "from" and not leaving and not any(
        v.lemma_.lower() in words("withdraw_verbs") for v in _verb_chain(tok, 3))


# "its withdrawal from Somalia": the place they leave is where they were
_LEAVING_NOUNS = {"withdrawal", "pullout", "pull-out", "drawdown", "exit", "departure", "retreat", "evacuation"}


def _phrase(token: Token) -> list[Token]:
    """The words of the phrase under `token`, without the clauses inside it ('in an effort to punish Germany'
    is not a place phrase)."""
    clauses = {t.i for d in token.subtree if d.i != token.i and d.pos_ in ("VERB", "AUX") and d.dep_ in (
        "acl", "relcl", "xcomp", "advcl", "ccomp", "pcomp") for t in d.subtree}
    return [t for t in token.subtree if t.i not in clauses]


def _place_in(token: Token, ctx: DocContext, force: str | None, shallow: bool = False) -> str | None:
    sent = sentence_of(token)
    own = _own_part(token, ctx)
    if own:
        return own  # "massed 3,000 troops in its southern region of Diffa on the border with Nigeria": Niger
    for mention in _mentions(ctx, [token] if shallow else _phrase(token)):
        if _neighbour(mention, token.doc) or mention.start > token.i and _on_a_trip(mention, token.doc):
            continue  # "near the border with Russia": the country across the border; "in time for his visit to X"
        if mention.place and mention.place != force and not _modifier_only(mention, sent) \
                and not _leads(mention, token.doc) and not _compared(mention, sent) \
                and not _counted_nationals(mention, token.doc):  # "300 Dutch and 200 Belgian soldiers"
            return mention.place
        theater = None if shallow else mention.theater  # "350 in NATO's KFOR mission and 150 in Bosnia": the
        if theater and theater != force and not ctx.is_broad(theater):  # mission named first, Kosovo
            return theater
        if mention.entity.kind == "demonym":
            nxt = token.doc[mention.end] if mention.end < len(token.doc) else None
            if nxt is not None and nxt.lower_ in _PLACE_NOUNS:
                return mention.entity.country  # "in the Afghan capital"
    for tok in token.subtree:
        if tok.lower_ in _OWN_PARTS:
            place = _own_part(tok, ctx, noun=tok)
            if place:
                return place
    return None


_OWN_PARTS = {"soil", "territory", "region", "regions", "province", "provinces", "north", "south", "east", "west",
              "northeast", "northwest", "southeast", "southwest"}


def _own_part(token: Token, ctx: DocContext, noun: Token | None = None) -> str | None:
    """'on its soil', 'in their territory', 'in its southern region': a part of the country that is the
    subject of the clause (the preposition `token`'s object, or `noun`)."""
    if noun is None:
        noun = next((c for c in token.children if c.dep_ == "pobj"), None)
    if noun is None or noun.lower_ not in _OWN_PARTS or not any(
            c.lower_ in ("its", "their", "our") for c in noun.children):
        return None
    verb = _verb_chain(noun, 3)
    subject = subject_of(verb[0]) if verb else None
    if subject is None:
        return None
    for mention in _mentions(ctx, subject.subtree):
        if mention.place:
            return mention.place
    if subject.lower_ in ("it", "they"):
        found = antecedent(subject, ctx)  # "it massed troops in its north"
    elif subject.lemma_.lower() in ("country", "nation"):
        found = _the_country([subject], ctx)  # "the country massed troops in its southern region"
    else:
        return None
    return found if found and ctx_is_country(found) else None


_SPREADING = {"divide", "split", "spread", "distribute", "deploy", "station", "scatter", "share", "base", "rotate"}
_SHARES = {"some", "most", "half", "part", "many", "several", "majority", "bulk", "rest", "remainder", "portion",
           "third", "quarter", "hundreds", "dozens", "one", "two", "few"}


def _whole_of_some(anchor: Token) -> bool:
    """'Some of the 500 Canadian troops stationed in Iraq will leave for Kuwait': the count is the whole, and the
    move is the share's; the whole stays where its own phrase puts it."""
    return anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.lower_ in _SHARES


_GAP_PREPS = ("with", "in", "at", "to", "under")


def mission_place(mission_id: str, ctx: DocContext, force: str | None) -> str:
    """Where a known mission's troops are: its theater. Across a broad region ('the Sahel'), one contributor's
    troops (not the lead's whole force) are in the country of it the article names most ('Swedish soldiers in
    Takuba', in a story about Mali)."""
    known = missions()[mission_id]
    theater = known["theater"]
    if not ctx.is_broad(theater) or force is None or force == known["lead"]:
        return theater
    named = [(ctx.place_counts[c], c) for c in known.get("countries", []) if ctx.place_counts[c]]
    return max(named)[1] if named else theater


def _served_mission(clause: list[Token], ctx: DocContext, force: str | None) -> str | None:
    """'..., 203 were with the MFO, 168 were with UNAMI': the mission the count's own clause says the troops serve
    with or under, before any other mission in the sentence."""
    for verb in clause:
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("with", "under"):
                continue
            for mention in _mentions(ctx, list(prep.subtree)):
                if mention.entity.kind == "mission" and mention.entity.name in missions():
                    place = mission_place(mention.entity.name, ctx, force)
                    return None if ctx.is_broad(place) else place
    return None


def gapped_service(span: Span, ctx: DocContext) -> str | None:
    """'Of the 640, 210 serve with UNIFIL, 40 with UNMISS, 150 with the MFO in Sinai': a bare number right before
    a preposition and a mission or place, up to the next comma or 'and', is a gapped clause saying where that
    share serves: its place, or None when the words after the number are no such clause."""
    doc = span.doc
    sent = sentence_of(span)
    start = span.end
    if start >= sent.end or doc[start].lower_ not in _GAP_PREPS:
        return None
    end = start
    while end < sent.end and doc[end].text not in (",", ";", ".") and doc[end].lower_ not in ("and", "while"):
        end += 1
    segment = list(doc[start:end])
    if any(t.like_num or t.pos_ in ("VERB", "AUX") for t in segment):
        return None
    place = place_after(segment, ctx)
    if place:
        return place
    return next((m.theater for m in _mentions(ctx, segment) if m.theater), None)


def place_after(tokens, ctx: DocContext) -> str | None:
    """The place in the first 'in X' of `tokens`."""
    for tok in tokens:
        if tok.lower_ in ("in", "at", "to", "into"):
            place = _place_in(tok, ctx, None)
            if place:
                return place
    return None
