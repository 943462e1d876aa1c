"""Bodies and offices as speakers: a country's ministry or government, a mission by its acronym, and the
holder of an office the gazetteer knows ('NATO's Secretary General')."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from missiondesk.extract.context import COUNTRIES, DocContext, acting
from missiondesk.extract.officeholders import office_holder
from missiondesk.extract.speaker_words import _DETERMINERS, _MINISTRY_FIELDS, _lexicon


@cache
def _demonyms() -> dict[str, str]:
    """Country -> its first demonym in the gazetteer ('Georgia' -> 'Georgian')."""
    from missiondesk.extract.gazetteer import _entries

    table: dict[str, str] = {}
    for alias, entity in _entries():
        if entity.kind == "demonym" and alias[:1].isupper() and not alias.endswith("s"):
            table.setdefault(entity.name, alias)
    return table


def _national_body(subject: Token, phrase: list[Token], ctx: DocContext, home: str | None = None) -> str | None:
    """A country's ministry or government, named the way the gold answers and the registry name bodies:
    'the Georgian Defence Ministry' and 'Georgia's defence ministry' -> 'Georgian Ministry of Defence',
    'the Polish government' -> 'Government of Poland', 'the German cabinet' -> 'German Cabinet'. None when the
    phrase names no country, unless a ministry's `home` country is given."""
    lemma = subject.lemma_.lower()
    if subject.lower_ == "forces" and any(t.lower_ == "armed" for t in phrase if t.i < subject.i):
        lemma = "armed forces"  # "the French armed forces said": the French Armed Forces
    if lemma not in ("ministry", "government", "cabinet", "armed forces"):
        return None
    country, rest = None, []
    for tok in phrase:
        if tok.tag_ == "VBN" and tok.dep_ == "amod" or tok.head.tag_ == "VBN" and tok.head.dep_ == "amod":
            continue  # "the US-backed Afghan government": the sponsor is not the country
        mention = ctx.by_token.get(tok.i)
        seat = tok.i > subject.i and tok.head.lower_ == "in" and tok.head.head.i == subject.i  # "in Minsk"
        if mention is not None and tok.i > subject.i and not seat:
            # "the Ministry of Defense of the Russian Federation": the country after the field, in its own "of"
            first = subject.doc[mention.start - 1] if mention.start > 0 else tok
            first = subject.doc[first.i - 1] if first.lower_ == "the" and first.i > 0 else first
            seat = first.lower_ == "of" and any(t.lower_ not in ("of", "the") for t in
                                                subject.doc[subject.i + 1:first.i]) and first.i > subject.i + 1
        if mention is not None and mention.entity.kind in ("country", "demonym", "city") and (tok.i < subject.i
                                                                                            or seat):
            country = mention.entity.country or mention.entity.name  # the one next to the noun
            continue
        if tok.lower_ in ("country", "nation") and tok.dep_ == "poss" and tok.i < subject.i:
            country = country or home_country(subject, ctx)  # "the country's defence ministry": the one just named
            continue
        if tok.i != subject.i and tok.lower_ not in _DETERMINERS and tok.text not in ("'s", "’s", "of") \
                and not tok.is_punct:
            rest.append(tok)
    if country is None and lemma == "ministry":
        country = home
    if country is None:
        return None
    if lemma == "government":
        return f"Government of {country}" if not rest or all(t.pos_ == "ADJ" for t in rest) else None
    if lemma == "armed forces":
        return f"{_demonyms().get(country, country)} Armed Forces" if all(
            t.pos_ == "ADJ" or t.lower_ in ("armed", "forces") for t in rest) else None
    if lemma == "cabinet":  # "the German cabinet", "Germany's cabinet": the German Cabinet
        return f"{_demonyms().get(country, country)} Cabinet" if not rest or all(t.pos_ == "ADJ" for t in rest) \
            else None
    rest = [t for t in rest if t.lower_ != "federal"]  # "the Federal Ministry of Defense": the country's own name
    field = " ".join(t.text for t in rest if t.i < subject.i) or " ".join(t.text for t in rest)
    if not _MINISTRY_FIELDS.match(field):
        return None
    demonym = _demonyms().get(country, country)
    official = official_ministry(country, field, ctx.reference_date)
    if official:
        return official.format(demonym)
    field = re.sub(r"(?i)defense", "defence", field)  # one spelling, so 'defense ministry' is the same body
    field = re.sub(r"(?i)^foreign$", "foreign affairs", field)
    return f"{demonym} Ministry of {' '.join(w[:1].upper() + w[1:] for w in field.split())}"


def official_ministry(country: str, field: str, day: str | None) -> str | None:
    """A country's defence or foreign ministry by its own English name (statements.toml), with '{}' for the
    demonym: 'South Korea', 'defense' -> '{} Ministry of National Defense'; France's before May 2017 -> '{} Ministry
    of Defence'. None for another field or a country the table does not list."""
    words = field.lower().split()
    if words and words[0] == "national":
        words = words[1:]
    if words in (["defence"], ["defense"]):
        table = "defence_ministries"
    elif words in (["foreign"], ["foreign", "affairs"], ["external", "affairs"]):
        table = "foreign_ministries"
    else:
        return None
    lexicon = _lexicon()
    before = lexicon.get(f"{table}_before", {}).get(country)
    if before and day and day < before[0]:
        return before[1]
    return lexicon.get(table, {}).get(country)


def story_country(ctx: DocContext) -> str | None:
    """The country an article is about, when its headline names one more than any other force ('the Defense
    Ministry said' in a story of South Korea's troops in Iraq is South Korea's); not the force the article names
    most, which may be another country's ('a US-led coalition')."""
    nation = ctx.story_nation()
    return nation if nation in COUNTRIES else None


def home_country(subject: Token, ctx: DocContext) -> str | None:
    """The country a bare 'the cabinet' governs: the country named nearest it in its sentence, before it, else
    after it ('the cabinet announced that the Dutch deployment ...'), else in the sentence before, else the one
    the article is about (its main force)."""
    sent = subject.sent
    first = subject.doc[sent.start - 1].sent.start if sent.start > 0 else 0
    for i in [*range(subject.i - 1, sent.start - 1, -1), *range(subject.i + 1, sent.end),
              *range(sent.start - 1, first - 1, -1)]:
        mention = ctx.by_token.get(i)
        if mention is not None and mention.entity.kind in ("country", "demonym", "city"):
            return mention.entity.country or mention.entity.name
    main = ctx.main_force()
    return main if main in COUNTRIES else None


def _acting_country(subject: Token, ctx: DocContext) -> str | None:
    """The one country that is a subject or an owner in the sentence of `subject`, before it."""
    sent = subject.sent
    found = {m.force for m in ctx.mentions if sent.start <= m.start < subject.i and m.force in COUNTRIES
             and m.entity.kind in ("country", "demonym") and acting(m, subject.doc)}
    return found.pop() if len(found) == 1 else None


_FORCE_NOUNS = {"army", "military", "troops", "forces", "soldiers", "navy", "force", "armed", "contingent"}


def force_country(subject: Token, ctx: DocContext, sentences: int = 3) -> str | None:
    """The country whose forces a bare 'the military' or 'the army' is: the one named last on troops, an army or
    forces before it ('The Turkish army has begun ..., the military said'), in its sentence or the two before."""
    doc = subject.doc
    first = subject.sent.start
    for _ in range(sentences - 1):
        if first > 0:
            first = doc[first - 1].sent.start
    for i in range(subject.i - 1, first - 1, -1):
        tok = doc[i]
        named = ctx.by_token.get(i)
        if named is not None and named.entity.kind == "institution" and named.force in COUNTRIES:
            return named.force  # "The Bundeswehr wants to send the frigate": its own name for a nation's forces
        if tok.lemma_.lower() not in _FORCE_NOUNS and tok.lower_ not in _FORCE_NOUNS:
            continue
        # "South Korea's Army chief of staff": the possessive may hang on the noun the force word modifies
        holders = [tok, tok.head] if tok.dep_ == "compound" else [tok]
        for mod in (c for h in holders for c in h.children):
            mention = ctx.by_token.get(mod.i)
            if mod.dep_ in ("amod", "compound", "poss", "nmod") and mention is not None \
                    and mention.entity.kind in ("country", "demonym"):
                return mention.entity.country or mention.entity.name
    # "Uganda has resumed rotation of its troops ..., the military has said": the country whose troops its own
    # sentence tells of, as the subject
    sent = subject.sent
    if any(t.lemma_.lower() in _FORCE_NOUNS or t.lower_ in _FORCE_NOUNS for t in sent if t.i != subject.i):
        for tok in sent:
            mention = ctx.by_token.get(tok.i)
            if tok.dep_ == "nsubj" and tok.i < subject.i and mention is not None and mention.entity.kind == "country":
                return mention.entity.name
    return None


def mission_actor(mission_id: str) -> str:
    """How a mission is named as a speaker: its acronym where it has a word-like one (UNIFIL, KFOR, MINUSMA,
    EUFOR), else its name."""
    from missiondesk.extract.gazetteer import missions

    known = missions().get(mission_id)
    if known is None:
        return mission_id
    acronyms = [a for a in known.get("aliases", []) if re.fullmatch(r"[A-Z]{4,8}", a)]
    return acronyms[0] if acronyms else known["name"]


# the office of an organisation's head, which the news calls its "chief"
_ORG_HEADS = {"NATO": "Secretary General", "United Nations": "Secretary-General"}
# words the news uses for an organisation, when it is the one the article names most
_ORG_WORDS = {"alliance": "NATO"}


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
        if tok.lower_ in _ORG_WORDS and org is None and _ORG_WORDS[tok.lower_] == ctx.main_organisation():
            org = _ORG_WORDS[tok.lower_]  # "the alliance chief" in a story of NATO's
            continue
        if tok.lower_ in ("country", "nation") and tok.dep_ == "poss" and org is None:
            # "the country's defence minister": of the country acting in its sentence ("Sweden has decided ...,
            # said the country's foreign minister"), else of the country just named
            org = _acting_country(subject, ctx) or home_country(subject, ctx)
            continue
        title_words.append(tok.text)
    if not title_words:
        return None
    title = " ".join(title_words)
    if title.lower() in ("chief", "head", "boss") and org in _ORG_HEADS:
        # "the NATO chief", "the alliance chief", "the UN chief": the organisation's head by its office's name
        return office_holder(org, _ORG_HEADS[org], ctx.reference_year)
    if title.lower() == "leader" and org:  # "the Russian leader": the country's head, whatever the office is called
        for office in ("President", "Prime Minister", "Chancellor"):
            found = office_holder(org, office, ctx.reference_year)
            if found:
                return found
    return office_holder(org, title, ctx.reference_year)
