"""Missions: named ones from the gazetteer, described ones ("the alliance's training mission in Iraq")
linked to the gazetteer by lead, theater, activity and the article's date, and troop counts linked to them."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Token

from missiondesk.extract.context import BROAD_REGIONS, COUNTRIES, DISPUTED, NO_THEATERS, DocContext
from missiondesk.extract.gazetteer import missions
from missiondesk.extract.roles import subject_of
from missiondesk.extract.sentences import tokens_where
from missiondesk.paths import resource

_MULTINATIONAL = {"nato", "un", "eu", "au", "coalition"}


@cache
def _vocab() -> dict:
    with open(resource("extract", "missions.toml"), "rb") as fh:
        return tomllib.load(fh)


@dataclass
class MissionHit:
    mission_id: str
    start: int  # characters in the document
    end: int
    text: str
    described: dict | None = None  # for a mission the gazetteer lacks: lead, theater, activity
    aside: bool = False  # placed by a clause on its troops ("US forces stationed in Iraq"): not what the
    #                      article is about, so never its main mission


def find_mentions(doc: Doc, ctx: DocContext) -> list[MissionHit]:
    hits = [MissionHit(m.entity.name, doc[m.start].idx, _end_char(doc, m.end), m.text)
            for m in ctx.mentions if m.entity.kind == "mission"]
    named = {(h.start, h.end) for h in hits}
    for i in tokens_where(doc, _mission_noun, _MISSION_NOUNS):
        hits += [hit for hit in _described(doc[i], ctx) if not any(s <= hit.start < e for s, e in named)]
    taken = [(h.start, h.end) for h in hits]
    for i in tokens_where(doc, _national_noun, _NATIONAL_NOUNS):
        for hit in _national(doc[i], ctx):
            if not any(s < hit.end and hit.start < e for s, e in taken):
                hits.append(hit)
    return hits


_NATIONAL_NOUNS: dict = {}


def _national_noun(lower: str, lemma: str) -> bool:
    return lower in _vocab()["national_nouns"]


def _national(token: Token, ctx: DocContext) -> list[MissionHit]:
    """One country's forces in another: 'Turkish troops in Qatar', 'the US military presence in South Korea'.
    The owner modifies the noun (a nationality, a country, its possessive); the place is in a phrase of place
    after it; the two differ, and the owner is a state, not an armed group or an alliance."""
    owner = None
    for child in token.lefts:
        for tok in child.subtree:
            mention = ctx.by_token.get(tok.i)
            if mention and mention.entity.kind in ("country", "demonym", "institution") and mention.force:
                owner = owner or (mention, tok)
    withdrawn = token.dep_ in ("dobj", "nsubj") and token.head.lemma_.lower() in _vocab()["withdrawal_verbs"]
    if owner is None and withdrawn and any(c.dep_ == "poss" and c.lower_ in _vocab()["owner_pronouns"]
                                           for c in token.lefts):
        owner = _subject_mention(token.head, ctx)  # "the UN will pull its peacekeepers out of Haiti"
        own_words = min([token.i, *(t.i for c in token.lefts for t in c.subtree)])
    else:
        own_words = None
    if owner is None:
        return []
    place, last = None, None
    placed_by = [verb for verb in token.rights if verb.dep_ in ("acl", "relcl")
                 and verb.lemma_.lower() in _vocab()["placement_verbs"]]  # "troops (who were) stationed in Iraq"
    aside = False
    for prep in [*token.rights, *(c for verb in placed_by for c in verb.rights)]:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "into", "to", "inside", "across", "throughout"):
            for tok in prep.subtree:
                mention = ctx.by_token.get(tok.i)
                if mention and mention.place and mention.entity.kind in ("country", "city", "region"):
                    place, last = mention, mention.end - 1
                    break
        if place:
            aside = prep.head.i != token.i
            break
    leaving = token.head if withdrawn else _withdrawal_noun(token)
    if place is None and leaving is not None:  # "withdraw its troops from Afghanistan", "pull them out of
        #                                          Haiti", "the withdrawal of French troops from Mali"
        for prep in leaving.rights:
            if prep.dep_ in ("prep", "prt") and prep.lower_ in ("from", "out"):
                for tok in prep.subtree:
                    mention = ctx.by_token.get(tok.i)
                    if mention and mention.place and mention.entity.kind in ("country", "city", "region"):
                        place, last, aside = mention, mention.end - 1, True
                        break
            if place:
                break
    if place is None:  # "post-war Iraq, where US troops come under attack"
        place = _where_clause_place(token, ctx)
        last, aside = (place.end - 1, True) if place else (None, aside)
    mention, first = owner
    if place is None or place.place == mention.force or place.place in NO_THEATERS:
        return []  # not "French troops in Africa": a continent is many deployments
    aside = aside or ctx.is_broad(place.place)  # "US troops in the Middle East": a theater, seldom the story
    lead = mention.force
    doc = token.doc
    begin = min(first.i, mention.start, place.start) if own_words is None else min(own_words, place.start)
    last = max(last, token.i)
    found = [(place.place, last, aside)]
    for tok in doc[last].conjuncts:  # "US forces in Iraq and Syria": in each
        other = ctx.by_token.get(tok.i)
        if other and other.place and other.entity.kind == "country" and other.place not in (lead, place.place) \
                and not ctx.is_broad(other.place):
            found.append((other.place, other.end - 1, True))
    hits = []
    for theater, end, secondary in found:
        text = doc[begin: end + 1].text
        mission_id = link(theater, lead, None, ctx, strict_lead=True)
        if mission_id is None or not (_placed(missions()[mission_id], theater, ctx)
                                      or any(mission_id == named for _, named in ctx.missions)):
            mission_id = national_id(lead, theater)  # "American troops in Syria", no operation named: not the
            #                                          operation the gazetteer has based in Iraq
        if mission_id not in missions() and lead not in COUNTRIES:
            continue  # the UN's peacekeepers where the gazetteer has no UN mission: no national deployment
        described = None if mission_id in missions() else national_described(lead, theater, text)
        hits.append(MissionHit(mission_id, doc[begin].idx, doc[end].idx + len(doc[end].text), text, described,
                               secondary))
    return hits


def described_id(lead: str | None, theater: str) -> str:
    """One id for a mission the gazetteer lacks: its lead and its theater."""
    return _slug(f"{lead or 'unattributed'} mission {theater}")


def kind_of(lead: str | None) -> str:
    """'national' for one country's mission, else the kind of body that leads it."""
    if lead in COUNTRIES:
        return "national"
    return {"NATO": "nato", "United Nations": "un", "European Union": "eu", "African Union": "au"}.get(
        lead or "", "coalition")


def national_id(lead: str, theater: str) -> str:
    """One id for a country's forces in another, the same in every article."""
    return _slug(f"{lead} forces in {theater}")


def national_described(lead: str, theater: str, text: str | None = None) -> dict:
    return {"lead": lead, "theater": theater, "activity": None, "kind": "national",
            "name": f"{lead} forces in {theater}"}


_MISSION_NOUNS: dict = {}  # (lower, lemma) hashes -> whether the word is a mission noun, for tokens_where


def _mission_noun(lower: str, lemma: str) -> bool:
    nouns = _vocab()["nouns"]
    return lemma.lower() in nouns or lower in nouns or lower in ("group", "groups")  # "battle groups": below


def _end_char(doc: Doc, end_token: int) -> int:
    last = doc[end_token - 1]
    return last.idx + len(last.text)


def _described(token: Token, ctx: DocContext) -> list[MissionHit]:
    """A mission noun with a theater ("in Iraq") and a lead or an activity ("NATO's", "training"); one mission
    for each country a list names ("NATO deployed four battlegroups to Estonia, Latvia, Lithuania and Poland")."""
    vocab = _vocab()
    if not _mission_noun(token.lower_, token.lemma_):
        return []
    if token.lower_ in ("group", "groups") and not any(c.lower_ == "battle" for c in token.lefts):
        return []  # a battle group is a mission's unit; any other group is not
    if token.lower_ in ("force", "forces") and not any(c.lower_ in vocab["activities"] for c in token.lefts):
        return []  # "Kurdish forces in Iraq" are fighters, not a mission
    left = [t for c in token.lefts for t in c.subtree]
    lead = None
    for tok in left:
        mention = ctx.by_token.get(tok.i)
        if mention and mention.entity.kind in ("org", "country", "demonym", "institution") and mention.force:
            lead = mention.force
            break
    activity = next((vocab["activities"][t.lower_] for t in left if t.lower_ in vocab["activities"]), None)
    theaters, listed = _theaters(token, ctx)
    if not theaters:
        return []
    placing = _placing_verb(token)
    if lead is None and activity is None:
        owner = next((c for c in token.lefts if c.dep_ == "poss" and c.lower_ in vocab["owner_pronouns"]), None)
        if owner is not None or placing is not None:
            # "The United Nations is shutting down its mission in Ivory Coast", "NATO deployed battlegroups to"
            lead = _subject_force(token, ctx)
            if lead is None:
                return []
        elif not (token.lemma_.lower() in vocab["bare_nouns"] and any(c.lower_ == "the" for c in token.lefts)):
            return []  # "the mission in Mali" stands for the article's mission there; "an operation" does not
    lead = lead or ctx.main_force()
    doc = token.doc
    first = min([token.i, *(t.i for t in left)])
    joined = {t.i for c in token.rights if c.dep_ in ("cc", "conj", "punct", "appos", "relcl") for t in c.subtree}
    stop = next((t.i for t in doc[token.i + 1: token.i + 7] if t.is_punct and t.text not in "-‐"), token.i + 7)
    last = max(t.i for t in token.subtree if token.i <= t.i < stop and t.i not in joined)
    if listed:
        last = token.i  # "four battalions" for each of "... in Estonia, Latvia and Lithuania": not one's place
    text = doc[first: last + 1].text
    hits = []
    for theater in (t for t in theaters if t not in NO_THEATERS):
        mission_id = link(theater, lead, activity, ctx, noun=token.lemma_)
        described = None
        if mission_id and listed:  # "battalions in Estonia, Latvia and Lithuania" under a name for all of them
            mission_id, described = _country_part(mission_id, theater, ctx)
        if mission_id is None and lead in COUNTRIES and lead != theater:
            # one country's own deployment, however the article words it: the same id as "French troops in Mali"
            mission_id, described = national_id(lead, theater), national_described(lead, theater)
        elif mission_id is None:
            # one id per lead and theater, however the article words it ("the EU's training mission in Mali",
            # "the EU mission there"), the same in every article
            mission_id = described_id(lead, theater)
            described = {"lead": lead, "theater": theater, "activity": activity, "name": text}
        if any(h.mission_id == mission_id for h in hits):
            continue
        hits.append(MissionHit(mission_id, doc[first].idx, doc[last].idx + len(doc[last].text), text, described,
                               aside=listed))  # one of a list of places: named in passing, not the story's
    return hits


def _country_part(mission_id: str, country: str, ctx: DocContext) -> tuple[str, dict | None]:
    """A mission over several countries, in one of them: the gazetteer's mission of the same lead there (the
    Estonian battlegroup of the Enhanced Forward Presence), else that country's part of it."""
    known = missions()[mission_id]
    if known["theater"] == country or not ctx.is_broad(known["theater"]):
        return mission_id, None
    own = [m for m in missions().values() if m["lead"] == known["lead"] and m["theater"] == country
           and _active(m, ctx.reference_date)]
    if own:
        return max(own, key=lambda m: (_active(m, ctx.reference_date, 0), m.get("start") or ""))["id"], None
    part = localised(mission_id, ctx, [country])
    return part if part else (mission_id, None)


def _placing_verb(token: Token) -> Token | None:
    """The verb that sends or places the mission noun it takes as object: 'deployed' in 'NATO deployed four
    battlegroups to the Baltic states'."""
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lemma_.lower() in _vocab()["nouns"]:
        return None
    if token.dep_ == "dobj" and verb.lemma_.lower() in _vocab()["placement_verbs"]:
        return verb
    return None


def _theaters(token: Token, ctx: DocContext) -> tuple[list[str], bool]:
    """The places a mission noun is in: its own phrase of place ('in Iraq', 'including in Bulgaria and
    Hungary'), a clause that places it ('battlegroups that were stationed in Poland'), or the phrase of the
    verb that sends it ('deployed four battlegroups to Estonia'); each country of a list, a grouping ('the
    Baltic states') only when it names none; and whether the place was one of a list."""
    ones = [c for c in token.rights if c.dep_ == "appos" and c.lower_ == "one"]  # "a UN mission, the one in Haiti"
    placed_by = [v for v in token.rights if v.dep_ in ("acl", "relcl") and v.lemma_.lower() in
                 _vocab()["placement_verbs"]]
    holders = [token, *ones, *placed_by]
    placing = _placing_verb(token)
    preps = [c for h in holders for c in h.rights if c.dep_ == "prep"]
    preps += [p for inc in preps if inc.lower_ == "including" for p in inc.children if p.dep_ == "prep"]
    if placing is not None:
        preps += [c for c in placing.rights if c.dep_ == "prep" and c.i > token.i]
    for prep in preps:
        if prep.lower_ not in ("in", "to", "for", "across", "inside", "into"):
            continue
        for tok in prep.subtree:
            mention = ctx.by_token.get(tok.i)
            if mention and mention.place:
                listed = [m.place for m in _listed(tok.doc[mention.end - 1], ctx)]
                countries = [place for place in listed if place in COUNTRIES]
                return list(dict.fromkeys(countries if len(countries) > 1 else [mention.place])), len(listed) > 1
    return [], False


def _listed(tok: Token, ctx: DocContext) -> list:
    """The place mentions of a list headed by `tok`: its conjuncts and what stands beside it in apposition
    ('the Baltic states Estonia, Latvia and Lithuania as well as Poland')."""
    out, todo, seen = [], [tok], set()
    while todo:
        cur = todo.pop(0)
        if cur.i in seen:
            continue
        seen.add(cur.i)
        mention = ctx.by_token.get(cur.i)
        if mention and mention.place and mention not in out:
            out.append(mention)
        todo += [c for c in cur.children if c.dep_ in ("conj", "appos")]
    return out


def _withdrawal_noun(token: Token) -> Token | None:
    """The noun of leaving the forces are the agent of: 'the withdrawal of French troops', 'US troops finalize
    their pullout'."""
    nouns = _vocab()["withdrawal_nouns"]
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in nouns:
        return token.head.head
    if token.dep_ == "nsubj":
        return next((c for c in token.head.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns), None)
    return None


def _where_clause_place(token: Token, ctx: DocContext):
    """The place a 'where' clause whose subject the noun is is about: 'Iraq' in 'Iraq, where US troops come
    under attack', 'Syria, where a small number of American soldiers are stationed'."""
    tok = token
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":  # "a small number of American soldiers"
        tok = tok.head.head
    verb = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "relcl" or not any(
            c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children):
        return None
    mention = ctx.by_token.get(verb.head.i)
    return mention if mention and mention.place and mention.entity.kind in ("country", "city", "region") else None


def _subject_mention(verb: Token, ctx: DocContext) -> tuple | None:
    """The force that is the verb's subject, with its token: 'the United Nations' in 'the United Nations will
    pull its peacekeepers out of Haiti'."""
    subject = subject_of(verb)
    for tok in subject.subtree if subject is not None else ():
        mention = ctx.by_token.get(tok.i)
        if mention and mention.force:
            return mention, tok
    return None


def _subject_force(token: Token, ctx: DocContext) -> str | None:
    """The force that is the subject of the clause a noun is in: what 'its' refers to in 'the UN is shutting
    down its mission'."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    found = _subject_mention(verb, ctx) if verb.pos_ in ("VERB", "AUX") else None
    return found[0].force if found else None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _covers(mission: dict, place: str) -> bool:
    return place == mission["theater"] or place in mission.get("countries", [])


@cache
def _covering() -> dict[str, list[dict]]:
    """The known missions that cover each place (_covers), in the gazetteer's order: link looks a place up here
    instead of testing every known mission."""
    found: dict[str, list[dict]] = {}
    for mission in missions().values():
        for place in dict.fromkeys([mission["theater"], *mission.get("countries", [])]):
            found.setdefault(place, []).append(mission)
    return found


def _active(mission: dict, date: str | None, slack_years: int = 1) -> bool:
    if not date:
        return True
    year = int(date[:4])
    start = int(mission["start"][:4]) if mission.get("start") else 0
    end = int(mission["end"][:4]) if mission.get("end") else 9999
    return start - slack_years <= year <= end + slack_years


def _on(mission: dict, date: str | None) -> bool:
    """Whether the mission ran on that very day (ISO dates compare as text; a year alone stands for all of it):
    MINUSTAH in April 2017, not MINUJUSTH, which followed it that October."""
    if not date:
        return True
    start, end = mission.get("start") or "", mission.get("end") or "9999"
    return start[:len(date)] <= date <= end + "-99"


def link(place: str | None, lead: str | None, activity: str | None, ctx: DocContext,
         multinational_only: bool = False, noun: str | None = None, strict_lead: bool = False) -> str | None:
    """The gazetteer mission for a lead, a place and an activity at the article's date."""
    if not place:
        return None
    date = ctx.reference_date
    candidates = [m for m in _covering().get(place, ()) if _active(m, date)]
    if multinational_only:
        candidates = [m for m in candidates if m["kind"] in _MULTINATIONAL]
    if lead:
        led = [m for m in candidates if m["lead"] == lead]
        if strict_lead:  # a count of one force never joins a mission another force leads, unless named
            candidates = led
        else:
            candidates = led or ([] if multinational_only else [m for m in candidates if m["kind"] in _MULTINATIONAL])
    if not candidates:
        return None
    mentioned = {mid for _, mid in ctx.missions}

    def rank(m: dict) -> tuple:
        named_like = bool(noun and noun.lower() in m["name"].lower())  # "operation" ~ "Operation Barkhane"
        # a mission whose theater is the place before one that only reaches into it (in Sudan, UNAMID before
        # the force for Abyei, on its border)
        return (m["id"] in mentioned, bool(activity and activity in m.get("activities", [])),
                _active(m, date, 0), _on(m, date), m["theater"] == place, named_like, m.get("start") or "")

    return max(candidates, key=rank)["id"]


def mission_for_count(count, ctx: DocContext, hits: list[MissionHit], linked: list[str] = ()) -> str | None:
    """The mission a troop count belongs to: one named in its sentence, one the article names in the same
    theater, or the gazetteer's mission for that force in that place at the article's date."""
    sent = count.sentence
    in_sentence = [h for h in hits if sent.start_char <= h.start < sent.end_char]
    for hit in sorted(in_sentence, key=lambda h: abs(h.start - count.start)):
        known = missions().get(hit.mission_id)
        theater = known["theater"] if known else (hit.described or {}).get("theater")
        if count.where is None or theater == count.where or (known and _covers(known, count.where)):
            return hit.mission_id
    named = {h.mission_id for h in hits}
    for mission_id in [h.mission_id for h in hits] + list(linked):
        known = missions().get(mission_id)
        if known and count.where and _covers(known, count.where) and (
                known["lead"] == count.whose or known["kind"] in _MULTINATIONAL) and (
                mission_id in named or _placed(known, count.where, ctx)):
            return mission_id
    for hit in hits:  # a deployment the article describes: "Turkish troops in Qatar" ... "3,000 troops"
        described = hit.described or {}
        if count.where and described.get("theater") == count.where and described.get("lead") == count.whose:
            return hit.mission_id
    found = link(count.where, count.whose, None, ctx, strict_lead=True)
    if found is not None and not _placed(missions()[found], count.where, ctx) and is_deployment_abroad(
            count.whose, count.where):
        found = None  # "900 US troops in Syria" where the article names no operation: the US forces in Syria,
        #               not the operation the gazetteer has in Iraq and Syria
    if found is None and is_deployment_abroad(count.whose, count.where) and not _only_origin(count, ctx) \
            and not _backwards(count, ctx):
        return national_id(count.whose, count.where)  # "Poland has 900 troops in Iraq": Poland's forces in Iraq
    return found


def also_placed(count, ctx: DocContext, hits: list[MissionHit], linked: list[str] = ()) -> list:
    """The count as it stands for each other country its place is joined to ('reshuffle nearly 5,600 to
    Belgium and Italy'), each with its own national deployment; none when the count has no deployment of its
    own there; a count spread over several countries ('some 780 in Iraq and Syria') stands for each of them."""
    if count.where is None and count.spread:
        placed = [replace(count, where=place) for place in count.spread if is_deployment_abroad(count.whose, place)]
        for other in placed:
            other.mission = mission_for_count(other, ctx, hits, linked)
        return [other for other in placed if other.mission]
    if count.mission is None or not is_deployment_abroad(count.whose, count.where):
        return []
    sent = count.sentence
    place = next((m for i in range(sent.start, sent.end) if (m := ctx.by_token.get(i)) and m.start == i
                  and m.place == count.where), None)
    if place is None:
        return []
    token = sent.doc[place.end - 1]
    if not (token.dep_ == "pobj" and token.head.lower_ in _vocab()["place_prepositions"]):
        return []  # "the tri-border region of Niger, Burkina Faso and Mali" is one place, not three
    placed, seen = [], {count.where, count.mission}
    for tok in token.conjuncts:
        mention = ctx.by_token.get(tok.i)
        if mention is None or mention.place in seen or mention.entity.kind != "country" or not \
                is_deployment_abroad(count.whose, mention.place):
            continue
        other = replace(count, where=mention.place)
        other.mission = mission_for_count(other, ctx, hits, linked)
        if other.mission not in seen:
            placed.append(other)
            seen.update((mention.place, other.mission))
    return placed


def _backwards(count, ctx: DocContext) -> bool:
    """Whether the count's owner is named in its sentence only as a place the troops are in or go to, and its
    place not at all ('the presence of Wagner's private military in Libya ... 800 troops' read as Libya's
    troops elsewhere): owner and place read the wrong way round, no deployment to build on."""
    owner = _namings(count, ctx, count.whose, as_force=True)
    return bool(owner) and not _namings(count, ctx, count.where) and all(
        t.dep_ == "pobj" and t.head.lower_ in _vocab()["place_prepositions"] for t in owner)


def _namings(count, ctx: DocContext, place: str | None, as_force: bool = False) -> list[Token]:
    """The last token of each naming of a place (or, as_force, of a force too) in the count's sentence, the
    first of a joined run for each."""
    sent = count.sentence
    heads = []
    for i in range(sent.start, sent.end):
        mention = ctx.by_token.get(i)
        if mention and mention.start == i and place and (
                mention.place == place or (as_force and mention.force == place)):
            tok = sent.doc[mention.end - 1]
            while tok.dep_ == "conj" and tok.head.i != tok.i:  # "from Burundi and Uganda"
                tok = tok.head
            heads.append(tok)
    return heads


def _only_origin(count, ctx: DocContext) -> bool:
    """Whether the count's sentence names its place only as where troops come from ('5,000 troops from Burundi
    and Uganda'): no deployment there. Withdrawn from a place ('remove 12,000 troops from Germany', the phrase
    on the verb), they were there."""
    heads = _namings(count, ctx, count.where)
    return bool(heads) and all(t.dep_ == "pobj" and t.head.lower_ in _vocab()["origin_prepositions"]
                               and t.head.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON") for t in heads)


def hosts_as_senders(records: list, made_by_counts: set[str], count_missions: list[str]) -> set[str]:
    """The national deployments that only troop counts made whose lead is where another mission of the article
    is, as well or better attested: a host country is not also sending troops to the country it hosts
    ("Poland's forces in Iraq" beside "Iraq's forces in Poland" is one count's owner and place read the wrong
    way round). Attested: the mission's mentions and counts; a mission the text names outweighs any."""
    weight = Counter(count_missions) + Counter(record.mission for record in records)
    theaters: dict[str, set[str]] = {}
    for record in records:
        known = missions().get(record.mission)
        theater = (record.described or {}).get("theater") or (known or {}).get("theater")
        if theater:
            theaters.setdefault(theater, set()).add(record.mission)

    def outweighed(mission_id: str, lead: str | None) -> bool:
        return any(other not in made_by_counts or weight[other] >= weight[mission_id]
                   for other in theaters.get(lead, set()) - {mission_id})

    return {record.mission for record in records if record.mission in made_by_counts and record.described
            and outweighed(record.mission, record.described.get("lead"))}


def _placed(known: dict, where: str, ctx: DocContext) -> bool:
    """Whether a count in `where` is in the mission's own theater (a broad one is placed per country later)."""
    return known["theater"] == where or ctx.is_broad(known["theater"])


def is_deployment_abroad(whose: str | None, where: str | None) -> bool:
    """A country's troops in another country, or in a region ('1,000 more US troops to the Middle East'), or in
    a territory two countries dispute ('Filipino soldiers in the Golan Heights')."""
    return bool(whose and where and whose != where and whose in COUNTRIES and where not in NO_THEATERS and (
        where in COUNTRIES or where in BROAD_REGIONS or where in DISPUTED))


def localised(mission_id: str, ctx: DocContext, places: list[str]) -> tuple[str, dict] | None:
    """A known mission whose theater spans several countries ('the Sahel', NATO's eastern flank), as the
    article places it: in the country its troop counts are in (`places`), else the country of the mission's
    the article names most; likewise a mission in a disputed territory (UNDOF in the Golan Heights: Syria).
    Returns the id for that country's part and its description, or None."""
    known = missions().get(mission_id)
    if known is None or not (ctx.is_broad(known["theater"]) or known["theater"] in DISPUTED) \
            or not known.get("countries"):
        return None
    inside = [p for p in places if p in known["countries"]]
    if inside:
        country = Counter(inside).most_common(1)[0][0]
    else:
        named = [(n, p) for p, n in ctx.place_counts.items() if p in known["countries"]]
        if not named:
            return None
        country = max(named)[1]
    described = {"known_as": mission_id, "lead": known["lead"], "theater": country, "region": known["theater"],
                 "name": f"{known['name']} in {country}"}
    return f"{mission_id}-{_slug(country)}", described


def deployment_words(count, ctx: DocContext) -> tuple[int, int]:
    """The words of a count's sentence that name the deployment it belongs to, without the number: its owner,
    its noun and its place ('Polish troops ... in Iraq' -> 'troops in Iraq', 'Turkish soldiers'); with no noun,
    the count and the place after it ('2,500 in Afghanistan'), else the count's own characters."""
    head = count.head
    if head is None:
        doc = count.sentence.doc
        after = next((t.i for t in count.sentence if t.idx >= count.end), count.sentence.end)
        for i in range(after, min(count.sentence.end, after + 4)):
            mention = ctx.by_token.get(i)
            if mention is not None and mention.place and mention.place == count.where:
                return count.start, doc[mention.end - 1].idx + len(doc[mention.end - 1].text)
            if doc[i].is_punct:
                break
        return count.start, count.end
    doc = head.doc
    first = head
    for tok in head.lefts:
        mention = ctx.by_token.get(tok.i)
        if mention is not None and mention.force and tok.i > count.sentence.start:
            first = doc[mention.start]
            break
    last = head
    for i in range(head.i + 1, min(count.sentence.end, head.i + 7)):
        mention = ctx.by_token.get(i)
        if mention is not None and mention.place and mention.place == count.where:
            last = doc[mention.end - 1]
            break
        if doc[i].is_punct and doc[i].text not in "-‐":
            break
    return first.idx, last.idx + len(last.text)
