"""Troop counts: a number, the noun that makes it a head count of a force, and what the sentence says
about it (qualifier, whose, where, when). Numbers that count casualties, years, money or members are not
head counts."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Span, Token

from missiondesk.extract import owners, places, roles
from missiondesk.extract.context import COUNTRIES, DocContext
from missiondesk.extract.gazetteer import lexicon
from missiondesk.extract.numbers import Number, find_numbers
from missiondesk.extract.sentences import folded_text, sentence_of, sentences, span_text, text_of
from missiondesk.extract.wording import not_a_count, prefix_qualifier, suffix_qualifier, vague, words

_STRONG = re.compile(r"^\s*[-‐–]?\s*(strong|odd|plus)\b", re.I)
# "the 8,000-member British force", "a 1,200-man contingent": a size, when a force noun follows
_MEMBERED = re.compile(r"^\s*[-‐–]?\s*(member|man|person)\b", re.I)
# "42 Commando", "16 Air Assault Brigade": a unit's name, its number no head count
_UNIT_NAME = re.compile(r"^\s+(?:[A-Z][a-z]+\s+){0,2}(?:Commando|Brigade|Regiment|Battalion|Squadron|Division|Wing|"
                        r"Corps|Fleet|Group|Company|Battery|Para|Rifles|Infantry)\b(?!s)")
# "Russia's Base 201", "Camp 7", "Task Force 51", "Resolution 2100": a name's number, no head count
_NAME_BEFORE = re.compile(r"\b(?:Base|Camp|Brigade|Battalion|Regiment|Division|Unit|Task Force|Squadron|Fleet|Group|"
                          r"Corps|Detachment|Rotation|Resolution|Outpost|Post|Sector|Zone|Highway|Route|Article|"
                          r"Chapter|Flight|Hill|Block|Phase|No\.?)\s*$")
# Verbs whose object is victims: a bare number they take counts no force
_HARMING = {"kill", "wound", "injure", "maim", "slay", "massacre", "murder", "displace", "uproot", "claim"}
# "more than 2,200 killed", "3,000 dead": casualties, whatever noun is left out
_CASUALTY_AFTER = re.compile(r"^\s*(?:(?:were|had been|have been|was|are)\s+)?(?:killed|wounded|dead|injured|died|"
                             r"missing|captured)\b", re.I)
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|or)\s*$", re.I)
_BETWEEN = re.compile(r"\bbetween\s*$", re.I)
_AIRCRAFT = re.compile(r"(?:[A-Z]{1,3}-?\d{1,3}[A-Z]?|MiG|Mirage|Rafale|Typhoon|Tornado|Gripen|Sukhoi|jet)")
_DAYS_OF_A_MONTH = re.compile(r"(?:\s*(?:,|and|&)\s*(?:and\s+)?\d{1,2})*\s*,?\s*(?:January|February|March|April|May|"
                              r"June|July|August|September|October|November|December)\b")
_DAY_IN_BRACKETS = re.compile(r"\b(?:today|tomorrow|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|"
                              r"saturday|sunday)\s*\(\s*$", re.I)
_FROM = re.compile(r"(?<![\w])(up|down)?\s*\bfrom(?:\s+(?:the|its|their|a))?(?:\s+(?:current|present|existing|"
                   r"previous|initial|original|earlier))?\s*$", re.I)  # "up from 4,500" compares, it is no change
_TO = re.compile(r"\bto\s*$", re.I)
_MEASURE = re.compile(r"\b(?:number|numbers|level|levels|strength|ceiling|cap|limit|presence|size|total|headcount|"
                      r"contingent|deployment|garrison|footprint|contribution|commitment|pledge|offer)\b", re.I)
_NUMBERING = {"number", "total", "comprise", "count", "stand", "include", "reach", "swell", "grow", "rise",
              "fall", "drop", "shrink", "increase", "decrease", "reduce", "cut", "boost", "raise", "lower", "bring",
              "expand", "enlarge", "double", "triple", "jump", "climb", "scale", "trim", "slash", "halve"}
_SHARE = re.compile(r"\b(?:(?:a|one|two|three)[ -])?(quarter|third|half|fifth|tenth|thirds|quarters)s?\s+of\s+"
                    r"(?:them|whom|those|these|the\s+\w+)", re.I)
_SHARE_WORDS = ("quarter", "third", "half", "fifth", "tenth")  # one is in every match of _SHARE
_POLICE_STORY = "missiondesk_police_story"  # doc.user_data key: the article is about a police mission
_LAST_OWNER = "missiondesk_last_owner"  # doc.user_data key: the owner the last count named explicitly
_OWNER_SIZES = "missiondesk_owner_sizes"  # doc.user_data key: each explicit owner's largest figure so far
_POLICE_WORDS = re.compile(r"\bpolice (?:officers|force|mission|contingent)\b", re.I)
_QUALIFYING_WORDS = {"some", "about", "around", "roughly", "nearly", "almost", "over"}
_FRACTIONS = {"quarter": 0.25, "third": 1 / 3, "half": 0.5, "fifth": 0.2, "tenth": 0.1}


@dataclass
class Count:
    value: int
    value_to: int | None
    qualifier: str
    unit: str
    whose: str | None
    where: str | None
    period: str
    delta: str | None
    start: int  # character offsets of the count's words in the document
    end: int
    sentence: Span
    head: Token | None = None
    derived_from: str | None = None
    mission: str | None = None
    spread: tuple[str, ...] = ()  # the countries a count in no one place is deployed in ("780 in Iraq and Syria")


def find_counts(doc, ctx: DocContext) -> list[Count]:
    counts: list[Count] = []
    doc.user_data.pop(_LAST_OWNER, None)
    doc.user_data.pop(_OWNER_SIZES, None)
    doc.user_data.pop(places._LAST_PLACE, None)
    doc.user_data[_POLICE_STORY] = bool(_POLICE_WORDS.search(text_of(doc)))
    for sent in sentences(doc):
        found = _sentence_counts(sent, ctx, counts)
        counts.extend(found)
    return counts


def _sentence_counts(sent: Span, ctx: DocContext, earlier: list[Count]) -> list[Count]:
    doc = sent.doc
    text = span_text(sent)
    base = sent.start_char
    numbers = [n for n in find_numbers(text)]
    consumed: set[int] = set()
    found: list[Count] = []
    for k, num in enumerate(numbers):
        if k in consumed:
            continue
        if k > 0 and numbers[k - 1].value == num.value and \
                re.fullmatch(r"\s*\(\s*", text[numbers[k - 1].end:num.start]):
            continue  # "Two hundred (200) more soldiers": the figure written again in digits
        start, end = base + num.start, base + num.end
        before = text_of(doc)[max(base, start - 48):start]
        after = text_of(doc)[end:min(sent.end_char, end + 40)]
        # "four police officers", "two senior officers from Belize": a number word under ten counts only with a
        # troop noun of its own right after it ("two officials said", "one of them" never)
        small_word = not num.text[0].isdigit() and num.value < 10
        if num.value < 2 or vague(before):
            continue
        if re.search(r"[A-Z][\w'’-]+,\s*$", before) and re.match(r"\s*,", after) and num.value < 120:
            continue  # "Gayane Harutyunyan, 71, who left her home": an age
        if num.value <= 31 and _DAY_IN_BRACKETS.search(before) and re.match(r"\s*\)", after):
            continue  # "leaving tomorrow (24)": the day of the month
        if num.value <= 31 and num.text.isdigit() and _DAYS_OF_A_MONTH.match(after):
            continue  # "the batches arrived on 18, 22 and 29 June": days of a month
        membered = _MEMBERED.match(after)
        if not _STRONG.match(after) and not membered and not_a_count(before, after):
            continue
        if (_UNIT_NAME.match(after) and num.text.isdigit() and num.value < 1000) or _CASUALTY_AFTER.match(after) \
                or (_NAME_BEFORE.search(before) and num.text.isdigit()):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        value_to, qualifier, partner = None, None, None
        # Ranges and changes: "between 3,000 and 5,000", "3,000 to 5,000 troops", "from 500 ... to 4,000".
        if k + 1 < len(numbers):
            nxt = numbers[k + 1]
            gap = text[num.end:nxt.start]
            if _BETWEEN.search(before) and re.fullmatch(r"\s*and\s*", gap):
                value_to, qualifier, partner = nxt.value, "range", k + 1
            elif _RANGE_JOIN.match(gap) and not _FROM.search(before) and nxt.value > num.value:
                value_to, qualifier, partner = nxt.value, "range", k + 1
        bare = before[:len(before) - prefix_qualifier(before)[1]]  # "from roughly 4,500": the word before "roughly"
        from_match = _FROM.search(bare)
        if partner is None and from_match and not from_match.group(1):
            for j in range(k + 1, min(k + 3, len(numbers))):
                upto = text[:numbers[j].start]
                upto = upto[:len(upto) - prefix_qualifier(upto)[1]]
                if _TO.search(upto) and len(text[num.end:numbers[j].start].split()) <= 8:
                    value_to, qualifier, partner = numbers[j].value, "change", j
                    break
        head, unit, strong = _head_noun(span, after)
        if membered and (head is None or not strong):
            continue  # "the 28-member alliance", "a 15-member council": members of a body
        long_name = small_word and head is not None and head.i - span[-1].i > 3 and all(
            t.pos_ in ("ADJ", "PROPN") or t.dep_ == "compound" for t in doc[span.end:head.i])
        if small_word and (head is None or strong or head.i - span[-1].i > 3 and not long_name
                           or head.lower_ == "forces"):
            # "two international forces, a NATO force and a US-led one": forces counted, not troops; but "75
            # Guatemalans and eight Salvadorans": a nationality right after it, beside a figure counted before
            nationals = _nationals(span, sent, ctx, found) if head is None and found else None
            if nationals is None or nationals.i != span[-1].i + 1:
                continue
            head, unit = nationals, "troops"
        if head is None:
            head = _nationals(span, sent, ctx, found)
            unit = "troops" if head is not None else None
        if head is None and partner is not None:
            far = numbers[partner]
            far_span = doc.char_span(base + far.start, base + far.end, alignment_mode="expand")
            if far_span is not None:
                head, unit, strong = _head_noun(far_span, text_of(doc)[base + far.end:sent.end_char])
        elliptical = None
        if head is None:
            elliptical = _elliptical(span, sent, before, found, earlier, num, ctx)
            if elliptical is None:
                continue
            unit = elliptical.unit
        elif num.is_year_like and head.i - span[-1].i > 1 and not strong and not (
                prefix_qualifier(before)[0] and all(t.pos_ in ("ADJ", "PROPN") or ctx.by_token.get(t.i)
                                                    for t in doc[span.end:head.i])):
            continue  # "in 2014 ... forces": a year next to a noun, not a head count (but "Nearly 2000 British
            #           troops": a hedged figure and a nationality before its noun)
        if head is not None and (roles.is_casualty(head, span) or roles.not_a_force(head, span)):
            continue
        if roles.is_casualty(span[-1], span) and (elliptical is None or span[-1].dep_ in ("nsubj", "nsubjpass") or any(
                c.dep_ in ("relcl", "acl") for c in span[-1].children)):
            continue  # "... and 47 lost their lives", "the 25 who died": a bare number the casualty is said of
        if elliptical is not None and span[-1].dep_ == "dobj" and span[-1].head.lemma_.lower() in _HARMING:
            continue  # "floods that killed at least 1,660 this week": the victims, whatever noun came before
        if partner is not None:
            consumed.add(partner)
        if qualifier is None:
            qualifier = prefix_qualifier(before)[0] or suffix_qualifier(after) or "exact"
        anchor = head if head is not None else (elliptical.anchor or span[-1])
        whose = owners.whose(anchor, span, sent, ctx)
        if whose:
            doc.user_data[_LAST_OWNER] = whose
            sizes = doc.user_data.setdefault(_OWNER_SIZES, {})
            sizes[whose] = max(sizes.get(whose, 0), num.value)
        if elliptical is not None:
            # "..., and 3,300 from France and Italy": a number with its own origin does not take the owner of
            # the count before it
            own_origin = any(c.dep_ == "prep" and c.lower_ == "from" for c in anchor.children)
            if whose and whose not in COUNTRIES and elliptical.whose in COUNTRIES \
                    and places.gapped_service(span, ctx) is not None:
                whose = None  # "Of Fiji's 826, 301 serve with UNDOF, 5 with UNMISS": the share is still Fiji's
            whose = roles.force_before(span, ctx) or (elliptical.named and elliptical.whose) or whose or \
                (None if own_origin else elliptical.whose)
        whole = _the_troops_before(span, anchor, sent, earlier) if elliptical is None else None
        if whole is not None:  # "... 900 U.S. personnel are in Jordan. 200 of the personnel were experts"
            whose = whole.whose
        guessed = False
        if not whose:
            whose = _conjoined_owner(anchor, found)
            guessed = not whose
        if not whose:
            whose = _the_force_before(span, sent, ctx) or _last_owner(num.value, sent, ctx)
            if not whose:
                whose = ctx.main_force(sent)
                if whose in COUNTRIES and whose != ctx.main_mission_lead() and owners.from_several(anchor, ctx):
                    whose = None  # "5,000 troops from Burundi and Uganda": no one of them, unless it leads the mission
            if whose and whose not in COUNTRIES and (not ctx.names_bodies(sent) or owners.sent_to_support(anchor)):
                # "The first batch will comprise of 281 soldiers" in a story of Uganda's part in AMISOM: Uganda's,
                # unless the sentence names the mission (but not one they are sent to support) or gives its own
                # size
                whose = owners.contributors_part(anchor, sent, ctx, whose, unnamed=True)
        where = places.where(anchor, span, sent, ctx, whose, inherited=elliptical.where if elliptical else None)
        if guessed and whose and where == whose and ctx.located[whose] and not _HOMECOMING.search(sent.text):
            # no owner in the sentence, and the article's main force is the very place they are in: the force
            # the article names most after it ("300 Marines" in Darwin, in a story that names Australia most)
            other = ctx.main_force_besides(whose)
            if other:
                whose = other
                where = places.where(anchor, span, sent, ctx, whose,
                                     inherited=elliptical.where if elliptical else None)
        if whole is not None and whole.where:
            where = whole.where
        if elliptical is not None and elliptical.placed:
            where = elliptical.where
        count = Count(
            value=num.value, value_to=value_to, qualifier=qualifier, unit=unit or "troops", whose=whose,
            where=where, period=roles.period(anchor, span, sent), delta=roles.delta(anchor, span, qualifier),
            start=start - prefix_qualifier(before)[1], end=max(end, anchor.idx + len(anchor.text)),
            sentence=sent, head=head, spread=() if where else tuple(places.deployed_in_each(anchor, span, ctx)))
        found.append(count)
        found.extend(_each(count, anchor, span, ctx))
    found.extend(_shares(sent, ctx, found, earlier))
    return found


def _the_force_before(span: Span, sent: Span, ctx: DocContext) -> str | None:
    """'A military contingent from El Salvador arrived in Haiti ... The 70 soldiers will provide air support': a
    count made definite by 'the' with no owner of its own is the troops the sentence before named by one nation
    (a nationality or an origin), when that sentence gave no figure of its own."""
    doc = sent.doc
    if span.start == sent.start or doc[span.start - 1].lower_ not in ("the", "these", "those") or sent.start == 0:
        return None
    before = sentence_of(doc[sent.start - 1])
    if any(t.like_num and t.pos_ == "NUM" for t in before):
        return None  # the sentence before has a figure: the last owner's rule
    nations = []
    for tok in before:
        if not (_is_head(tok) or _is_collective(tok)) or any(c.dep_ == "nummod" for c in tok.children) or \
                tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue  # the troops the sentence is about, not "a mission led by Kenyan police"
        phrase = [t for c in tok.lefts for t in c.subtree] + [
            t for p in tok.children if p.dep_ == "prep" and p.lower_ == "from" for t in p.subtree]
        named = {m.force for m in roles._mentions(ctx, phrase) if m.force and m.entity.kind in ("country", "demonym")}
        if len(named) == 1:
            nations.append(named.pop())
    return nations[-1] if len(set(nations)) == 1 else None


def _last_owner(value: int, sent: Span, ctx: DocContext) -> str | None:
    """The force the article last gave a count's owner explicitly ('Poland has 2,500 troops in Iraq. ... Some 900
    soldiers will leave in March'): a figure with no owner of its own goes on about it; not a figure far past that
    force's own in a story of a mission it does not lead ('Jordan's 1,800 ... the mission's 13,000': the whole's)."""
    doc = sent.doc
    last = doc.user_data.get(_LAST_OWNER)
    if last is None:
        return None
    lead = ctx.main_mission_lead() or ctx.main_force(sent)
    if lead and lead not in COUNTRIES and last != lead and value > 2 * doc.user_data[_OWNER_SIZES].get(last, 0):
        return None
    return last


def _each(count: Count, anchor: Token, span: Span, ctx: DocContext) -> list[Count]:
    """'400 soldiers each from Ethiopia, Uganda and Kenya', 'France and Germany will each send 500 troops': one
    count of the figure for every nation named; the first nation takes the count already made, the others get
    one each that ends at their name."""
    doc = span.doc
    after = doc[anchor.i + 1: anchor.i + 3]
    if any(t.lower_ == "each" for t in after):  # "400 soldiers each from A, B and C"
        origin = next((c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "from"), None) or next(
            (c for t in after for c in t.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        names = roles._mentions(ctx, origin.subtree) if origin is not None else []
    else:  # "France and Germany will each send 500 troops"
        verb = next((v for v in roles._verb_chain(anchor, 2) if any(c.lower_ == "each" for c in v.children)), None)
        subject = roles.subject_of(verb) if verb is not None else None
        group = [subject, *subject.conjuncts] if subject is not None else []
        names = [m for t in group if (m := ctx.by_token.get(t.i)) is not None]
    nations = list(dict.fromkeys(m.force for m in names if m.force and m.entity.kind in ("country", "demonym")))
    if len(nations) < 2:
        return []
    count.whose = nations[0]
    if count.where in nations:  # "... each from Ethiopia, Uganda and Kenya leave": where they come from
        count.where = ctx.main_place(owners=frozenset(nations))
    extra = []
    for mention in names[1:]:
        if mention.force not in nations[1:] or any(c.whose == mention.force for c in extra):
            continue
        first, last = doc[mention.start], doc[mention.end - 1]
        if first.idx < count.start:  # "France and Germany will each send": the span starts at the name
            extra.append(replace(count, whose=mention.force, start=first.idx))
        else:
            extra.append(replace(count, whose=mention.force, end=max(count.end, last.idx + len(last.text))))
    return extra


def _conjoined_owner(anchor: Token, found: list[Count]) -> str | None:
    """'India's deployment consists of a 300-strong air force contingent and a 100-member army team': a count
    joined by 'and' to one before it in the sentence shares its owner."""
    if anchor.dep_ != "conj":
        return None
    first = anchor
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # the parse may hang the second on a word inside the first's phrase
    return next((c.whose for c in found if c.head is not None and
                 c.head.left_edge.i <= first.i <= c.head.right_edge.i), None)


_HEDGES_BETWEEN = {"and", ",", "plus", "as", "well", "more", "than", "over", "about", "some", "nearly", "almost",
                   "around", "roughly"}


def _beside_troops(token: Token, heads: dict) -> bool:
    """'11,000 troops and 2,000 police', '1,500 police and 200 soldiers', 'a team of 100 civilians and 40 police':
    police or civilians counted beside troops, or as members of a team or contingent."""
    root = token
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in words("collectives"):
        return True
    number = next((c for c in token.children if c.dep_ == "nummod"), None)
    # "11,200 troops, plus 1,400 police", "personnel, more than 1,300 police": hedges and joining words between
    j = number.i - 1 if number is not None else -1
    while j > 0 and token.doc[j].lower_ in _HEDGES_BETWEEN:
        j -= 1
    if number is not None and any(token.doc[k].lower_ in ("and", ",", "plus") for k in range(j + 1, number.i)):
        before = token.doc[j]  # "11,650 military personnel and 2,080 police": the parse hung them apart
        if heads.get(before.lemma_.lower()) in ("troops", "personnel") and any(
                c.dep_ == "nummod" for c in before.children):
            return True
    partners = [root, *root.conjuncts]
    return any(p.i != token.i and (heads.get(p.lemma_.lower()) in ("troops", "personnel") or p.lower_ == "police"
                                   or p.lemma_.lower() == "member" and _is_head(p))  # "6,700 members of the
               and any(c.dep_ == "nummod" for c in p.children) for p in partners)  # armed forces and 1,622 police"


def _is_head(token: Token) -> str | None:
    """The unit when `token` is a noun that counts people in a force."""
    lex = lexicon()
    lemma = token.lemma_.lower()
    low = token.lower_
    if token.pos_ not in ("NOUN", "PROPN") and low not in ("troops", "personnel", "staff", "police"):
        return None
    if lemma == "force" and low == "force":
        return None  # singular "force" is a collective: "a 4,500-strong force"
    if low == "military" and (token.dep_ in ("compound", "amod") or not any(c.dep_ == "nummod" for c in token.children)):
        return None  # "1,500 military" counts; "900 military personnel" counts its personnel
    if low in ("boots",) and token.doc[token.i + 1: token.i + 4].text.lower() == "on the ground":
        return "troops"
    if lemma == "fighter" and any(_AIRCRAFT.fullmatch(t.text) for c in token.lefts for t in c.subtree):
        return None  # "13 Turkish F-16 fighters": aircraft
    heads = lex["head_nouns"]
    unit = heads.get(lemma) or heads.get(low) or heads.get(low.rstrip("s")) or heads.get(re.sub(r"men$", "man", low))
    if unit == "police" and low == "police" and not (token.doc.user_data.get(_POLICE_STORY) or any(
            c.dep_ in ("amod", "compound") and (c.text[:1].isupper() or c.lower_ == "military") for c in token.lefts)
            or _beside_troops(token, heads)):
        return None  # "230 Kenyan police", "UN police", "150 military police", police in a police mission's
        #              story; not a city's police
    if unit is None and lemma == "civilian" and token.tag_ == "NNS" and _beside_troops(token, heads):
        unit = "civilians"  # "a team of 100 civilians and 40 police", "350 troops and 100 civilians"
    if unit is None and lemma == "member" and token.tag_ == "NNS" and _members_of_a_force(token):
        unit = "troops"
    if unit is None and low in ("people", "persons") and _people_of_a_force(token):
        unit = "personnel"
    if unit is None and low in ("men", "women") and _men_of_a_force(token):
        unit = "troops"
    if unit is None and low == "officers" and any(c.dep_ == "conj" and c.lower_ in ("men", "ncos", "soldiers")
                                                  for c in token.children):
        unit = "troops"  # "376 officers and men", "50 officers and NCOs": a unit's whole strength
    if unit is None and lemma == "officer" and token.doc.user_data.get(_POLICE_STORY):
        unit = "police"  # "Kenya has pledged 1,000 officers" in a story about a police mission
    if unit is None and lemma == "officer" and token.tag_ == "NNS" and _in_a_police_force(token):
        unit = "police"  # "Twenty-four Australian officers remain in the UN Police"
    if unit is None and low == "officers" and _officers_of_a_force(token):
        unit = "personnel"  # "80 officers from the Fiji Military Forces", "850 officers left for UNIFIL"
    if unit is None:
        needs = lex["compound_heads"].get(lemma) or lex["compound_heads"].get(low.rstrip("s"))
        if needs and any(c.lower_ in needs for c in token.lefts):
            unit = "police" if any(c.lower_ == "police" for c in token.lefts) else "troops"
    if unit is None:
        return None
    for child in token.lefts:
        changed = lex["unit_modifiers"].get(child.lower_)
        if changed:
            return changed
    return unit


_MILITARY_UNITS = {"unit", "platoon", "squad", "contingent", "battalion", "brigade", "regiment", "company",
                   "detachment", "squadron", "garrison", "battlegroup", "force"}


def _people_of_a_force(token: Token) -> bool:
    """'200 people of the French contingent', 'the mission will pull out 2,000 people': a force's staff counted as
    people when the phrase or the withdrawing subject is the force."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "with"):
            if any(_is_collective(o) or _is_head(o) for o in prep.children if o.dep_ == "pobj"):
                return True
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in _MILITARY_UNITS:
        return True  # "a peacekeeping unit of 100 people", not "a group of 100 people"
    verb = token
    for _ in range(3):  # "the contingent's strength is (up to) 2,500 people", "the force numbers 2,500 people"
        if verb.dep_ not in ("attr", "dobj", "pobj", "prep", "advmod", "quantmod", "npadvmod") or verb.head.i == verb.i:
            break
        verb = verb.head
        if verb.lemma_ in ("be", "number", "total", "reach", "stand"):
            subject = roles.subject_of(verb)
            if subject is not None and any(_is_collective(t) for t in subject.subtree):
                return True
            break
    verb = token.head
    if token.dep_ == "dobj" and verb.lemma_.lower() in words("withdraw_verbs"):
        subject = roles.subject_of(verb)
        return subject is not None and _is_collective(subject)
    return False


_SERVICE_WORDS = re.compile(r"(?i)\b(?:peacekeep\w*|contingent|battalion|deploy\w*|mission|tour of duty|"
                            r"overseas|serv(?:e|es|ed|ing) (?:with|in|under)|armed forces|defen[cs]e (?:force|"
                            r"services)|army|navy|military)\b")
_SOLDIERS_AFTER = re.compile(r",\s*(?:mostly|mainly|chiefly|largely|including|all|many of them)?\s*(?:[\w-]+\s+)?"
                             r"(?:soldiers|troops|commandos|marines|paratroopers|servicemen|special forces)\b")
_ARMED_GROUP_WORDS = re.compile(r"(?i)\b(?:rebel\w*|militant\w*|militia\w*|insurgen\w*|jihadi\w*|gunmen|fighters|"
                                r"terroris\w*|bandits?|kill\w*|dead|died|wounded|injured|hostages?|kidnapp\w*)\b")
_POLICING = re.compile(r"(?i)\b(?:police|policing|constables?|gendarm\w*|cops?|prison|customs|immigration)\b")


def _officers_of_a_force(token: Token) -> bool:
    """'80 officers from the Republic of Fiji Military Forces', 'Of its 826 officers on peacekeeping duties':
    officers counted as a force's people, in a sentence about a force or its service abroad; not police, in a
    police story or a sentence about policing."""
    if token.doc.user_data.get(_POLICE_STORY) or not any(c.dep_ == "nummod" for c in token.children):
        return False
    sent = token.sent
    if _POLICING.search(sent.text):
        return False
    if token.dep_ == "pobj" and token.head.lower_ == "of" and _is_collective(token.head.head):
        return True  # "a batch of 63 officers", "a contingent of 40 officers"
    return _people_of_a_force(token) or bool(_SERVICE_WORDS.search(sent.text))


def _men_of_a_force(token: Token) -> bool:
    """'a battalion of 800 men', 'a 600-man unit ... its men', '4,000 men and women in uniform'."""
    doc = token.doc
    if token.dep_ == "pobj" and token.head.lower_ == "of" and _is_collective(token.head.head):
        return True
    if any(p.dep_ == "prep" and p.lower_ in ("of", "from") and any(
            o.dep_ == "pobj" and _is_collective(o) and not _counted_units(o) for o in p.children)
           for p in token.children):
        return True  # "825 men from the 10th Motorized Infantry Brigade", "300 men of the battalion"
    counted = token.lower_ == "men" and (any(c.dep_ == "nummod" for c in token.children) or token.dep_ == "pobj"
                                         and token.head.lower_ == "to" and token.i > 0 and doc[token.i - 1].like_num)
    if counted and token.dep_ == "dobj" and token.head.lemma_.lower() in words("sending_verbs"):
        return True  # "the Thai task force deployed 368 men", "Chad sent 1,200 men to Mali"
    if counted and _SERVICE_WORDS.search(token.sent.text) and not _ARMED_GROUP_WORDS.search(token.sent.text):
        return True  # "Ghana's soldiers in the ECOWAS mission will be reduced from 208 to 50 men"
    following = doc[token.i + 1: token.i + 5].text.lower()
    if counted and _SOLDIERS_AFTER.match(following):
        return True  # "the arrival in Mali of 90 men, mostly elite soldiers and military surgeons"
    if following.startswith("and women") and _SERVICE_WORDS.search(token.sent.text) and any(
            c.dep_ == "nummod" for c in token.children):
        return True  # "the Bundeswehr provides approximately 110 men and women for the EUTM training mission"
    return following.startswith("in uniform") or following.startswith("and women in uniform")


def _in_a_police_force(token: Token) -> bool:
    """'24 officers remain in the UN Police', '300 officers with the police mission': officers of a police force,
    named in their own phrase or their clause's."""
    holders = [token, *(v for v in roles._clause_verbs(token))]
    return any(p.dep_ == "prep" and p.lower_ in ("in", "with", "of", "from") and any(
        t.lower_ == "police" for t in p.subtree) for h in holders for p in h.children)


def _members_of_a_force(token: Token) -> bool:
    """'120 members of the Defence Forces', 'the force, which numbered 17,500 members': people of a force."""
    for prep in token.children:
        # "200 members of the SANDF": a force by its initials; "413 members from the PLA 80th Group Army"
        if prep.dep_ == "prep" and (prep.lower_ == "of" or prep.lower_ == "from" and token.tag_ == "NNS"):
            return any(_is_head(o) or _is_collective(o) or lexicon()["institutions"].get(o.text)
                       for o in prep.children if o.dep_ == "pobj")
    if any(c.dep_ in ("compound", "amod") and c.lower_ in ("peacekeeping", "military", "service", "uniformed")
           for c in token.lefts):
        return True  # "4,440 peacekeeping members", "200 military service members", "uniformed members"
    if any(c.dep_ == "compound" and (lexicon()["institutions"].get(c.text) or c.lower_ in _SERVICE_BRANCHES
                                     and c.text[:1].isupper()) for c in token.lefts):
        return True  # "1,495 SANDF members", "300 Bundeswehr members", "100 National Guard members": a force's name
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        # "an advance team of five members", "task forces consisting of about 370 members": a unit's members
        holder = token.head.head
        if holder.lemma_.lower() in ("consist", "compose", "comprise", "make") and holder.dep_ == "acl":
            holder = holder.head
        elif holder.lemma_.lower() in ("consist", "compose", "comprise", "make"):
            holder = roles.subject_of(holder) or holder  # "the peacekeeping force ... is composed of 413 members"
        if holder.lemma_.lower() in _MILITARY_UNITS or holder.lemma_.lower() == "team" or holder.lower_ == "forces":
            return True
    verb = token.head
    if token.dep_ in ("dobj", "attr") and verb.lemma_.lower() in _NUMBERING | _MADE_OF:
        subject = roles.subject_of(verb)
        if subject is not None and subject.lower_ in ("which", "that") and verb.dep_ == "relcl":
            subject = verb.head
        return subject is not None and (_is_head(subject) is not None or _is_collective(subject))
    return False


def _modifies_other_noun(token: Token, sent_end: int) -> bool:
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < sent_end else None
    if nxt is not None and nxt.text in ("-", "‐") and token.whitespace_ == "":
        return True
    if token.dep_ == "npadvmod" and token.head.dep_ in ("amod", "compound") and token.head.i > token.i \
            and token.head.head.tag_ in ("NNS", "NNPS"):
        return True  # "50 potential troop contributing countries": the countries are counted
    # "armoured personnel carriers", "fighter jets": a plural noun after it is what is counted
    return token.dep_ in ("compound", "amod") and token.head.i > token.i and not _is_head(token.head) \
        and token.head.pos_ in ("NOUN", "PROPN") and token.head.tag_ in ("NNS", "NNPS")


def _is_collective(token: Token) -> bool:
    """A noun for a body of troops; also a two-word one whose head alone is not ("an advance party of 31")."""
    collectives = words("collectives")
    return token.lemma_.lower() in collectives or token.lower_ in collectives or any(
        f"{c.lower_} {token.lemma_.lower()}" in collectives for c in token.lefts if c.dep_ in ("amod", "compound"))


def _head_noun(span: Span, after: str) -> tuple[Token | None, str | None, bool]:
    """The head noun a number counts, looking right along its noun phrase; (token, unit, -strong?)."""
    doc = span.doc
    sent_end = sentence_of(span).end
    i = span[-1].i + 1
    strong = False
    suffix = _STRONG.match(after)
    membered = _MEMBERED.match(after)
    if suffix or membered:
        strong = True  # "9,600-strong mission", "a 5,000-plus force", "6 400-odd soldiers": a force follows
        while i < sent_end and doc[i].lower_ in ("-", "‐", "–", "strong", "odd", "plus", "member", "man", "person"):
            i += 1
    elif after.lstrip().startswith("+"):
        i += 1
    if i + 1 < sent_end and doc[i].lower_ == "out" and doc[i + 1].lower_ == "of":
        i += 1  # "3,500 out of the 6,500 troops"
    partitive = i < sent_end and doc[i].lower_ == "of"
    if partitive:  # "4,500 of the 28,500 US troops", "1,000 of them"
        i += 1
    bracketed = set()  # "256 Royal Thai Army (RTA) soldiers": a name's abbreviation in brackets inside the phrase
    for j in range(i, min(i + 12, sent_end)):
        tok = doc[j]
        if j in bracketed:
            continue
        if tok.text == "(" and j + 2 < sent_end and doc[j + 2].text == ")" and doc[j + 1].text.isupper():
            bracketed |= {j + 1, j + 2}
            continue
        unit = _is_head(tok)
        if unit and _modifies_other_noun(tok, sent_end):
            unit = None  # "troop-contributing countries", "armoured personnel carriers", "fighter jets"
        if unit:
            return tok, unit, strong
        if strong and _is_collective(tok) and (tok.dep_ != "compound" or not (
                _is_collective(tok.head) or _is_head(tok.head))):
            # (not "a 300-strong army medical team": the team is the force; but "the 800-strong deployment
            # joins", where the parse took the verb for a noun)
            return tok, "troops", strong
        if j == i and not strong and tok.lower_ == "force" and tok.dep_ != "compound" and span.start > 0 and \
                doc[span.start - 1].lower_ in ("a", "an", "the", "its", "their") and span[-1].like_num:
            return tok, "troops", True  # "the AU has a 21,500 Force, AMISOM": a force of that size
        if membered and tok.pos_ in ("NOUN", "PROPN") and not (tok.dep_ == "compound" or _is_collective(tok)):
            return None, None, False  # "the 27-member bloc": the first noun is not a force
        if tok.lower_ in ("the", "its", "their", "his", "her", "our", "'s", "’s", "-", "more", "additional",
                          "extra", "further", "new", "fresh", "of") or tok.pos_ in ("ADJ", "PROPN", "NOUN", "NUM") \
                or (partitive and tok.lower_ in _HEDGE_WORDS):  # "4,000 of the approximately 19,000 Marines"
            continue
        if tok.dep_ in ("amod", "npadvmod", "punct") and j + 1 < sent_end and tok.head.i > j:
            continue  # "Iraq-bound forces", "UN-mandated troops": a modifier inside the noun phrase
        if j == i and (tok.pos_ == "ADJ" or tok.tag_ == "VBN") and j + 2 < sent_end and \
                doc[j + 1].lower_ in ("and", "or", ",") and doc[j + 2].like_num:
            continue  # "the 23 embarked and two shoreside staff": a modifier the parse took for a verb
        before_and = doc[j - 1]
        if tok.lower_ in ("and", "or", ",") and j > i and (before_and.lower_ in _nationality_words() or
                                                          before_and.lower_ in _SERVICE_BRANCHES
                                                          or (before_and.pos_ == "ADJ" or before_and.tag_ == "VBN")
                                                          and j - 1 == i) and \
                j + 1 < sent_end and doc[j + 1].like_num:
            continue  # "330 Australian and 100 New Zealand troops", "400 German, 300 Dutch and 200 Belgian
            #           soldiers", "121 Army, 58 Navy and 26 Air Force members", "the 23 embarked and two
            #           shoreside staff": the noun after the last figure is each one's
        if strong and tok.lower_ in ("and", "&") and j > i and before_and.pos_ in ("PROPN", "ADJ") and \
                j + 1 < sent_end and doc[j + 1].pos_ in ("PROPN", "ADJ"):
            continue  # "a 26,000-strong joint U.N. and African Union force": two names before the force
        break
    head = span[-1].head
    if span[-1].dep_ in ("nummod", "quantmod", "compound", "amod") and head.i > span[-1].i:
        unit = _is_head(head)
        if unit:
            return head, unit, strong
        if strong and _is_collective(head):
            return head, "troops", strong
    if suffix and head.lower_ == "strong" and head.dep_ == "acomp" and head.head.lemma_ == "be":
        # "the battle group is 1,300 strong": the size said of the clause's subject
        subject = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and (_is_collective(subject) or subject.lemma_.lower() in ("group", "battlegroup")):
            return subject, "troops", strong
    if suffix and head.lower_ == "strong" and head.dep_ in ("amod", "appos") and head.head.i < span.start:
        # "the first group of soldiers, 70-strong, departed": the size set off after the force it gives
        described = head.head
        unit = next((u for t in described.subtree if t.i < span.start and (u := _is_head(t))), None)
        if unit or _is_collective(described):
            return described, unit or "troops", strong
    return None, None, strong


@cache
def _nationality_words() -> frozenset[str]:
    """'french', 'australian', 'zealand': the last word of every nationality the gazetteer knows."""
    from missiondesk.extract.gazetteer import _entries

    return frozenset(alias.split()[-1].lower() for alias, entity in _entries() if entity.kind == "demonym")


_SERVICE_BRANCHES = {"army", "navy", "force", "guard", "corps", "gendarmerie"}  # "Air Force", "Coast Guard"
_HEDGE_WORDS = {"approximately", "about", "around", "roughly", "some", "nearly", "almost", "over", "estimated",
                "more", "than", "just", "only", "up", "to"}


@dataclass
class _Inherited:
    unit: str
    whose: str | None
    where: str | None
    anchor: Token | None = None  # the noun the number is about, when the sentence names one
    named: bool = False  # `whose` is a force the sentence names for this number, not one carried over
    placed: bool = False  # `where` is the place the sentence names for this number


def _counted_units(noun: Token) -> bool:
    """'the 71 missions', 'the five battalions': a plural a number counts, units rather than people."""
    return noun.tag_ == "NNS" and any(c.dep_ == "nummod" for c in noun.children)


def _elliptical(span: Span, sent: Span, before: str, found: list[Count], earlier: list[Count],
                num: Number, ctx: DocContext) -> _Inherited | None:
    """A number with no noun of its own that still counts troops: 'down from 5,100 at the height',
    'the number of American troops ... to 2,500', 'a force numbering 600', 'some 350 from Turkey'."""
    if num.is_year_like or num.value < 10:
        return None
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].pos_ == "PROPN" and doc[span.start - 1].is_upper \
            and span.start - 1 not in ctx.by_token and span.end < len(doc) and doc[span.end].text in ("-", "‐"):
        return None  # "MALBATT 850-12": a unit's name and number, no head count
    token = span[-1]
    while token.dep_ == "quantmod" and token.head.i != token.i and token.head.like_num:
        token = token.head  # "a force of 35,000 to 50,000": the range's first number hangs on its second
    if token.dep_ == "nummod" and token.head.lower_ in ("more", "fewer", "less") and token.head.dep_ in (
            "pobj", "dobj", "attr"):
        token = token.head  # "expand the force to 20,000 or more": the parse hangs the number on "more"
    after = [doc[token.i + 1]] if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ("of", "out") else []
    wholes = [o for p in {*(c for c in token.children if c.dep_ == "prep"), *after} if p.lower_ in ("of", "out")
              for o in p.subtree if o.dep_ == "pobj" and o.pos_ == "NOUN"]  # "53 out of the 72 missions", however
    #                                                                        the parse hangs the "out of"
    if wholes and not any(_is_head(o) or _is_collective(o) and not _counted_units(o) for o in wholes):
        return None  # "50 of the 71 UN peacekeeping missions", "53 out of the 72 missions": a share of other things
    unit = next((o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                 if o.dep_ == "pobj" and _is_collective(o) and not _counted_units(o)), None)
    if unit is not None:  # "withdraw about 1,000 of its 3,200-member contingent": a share of a unit's people
        return _Inherited("troops", None, None, unit)
    verb = token.head.head if token.dep_ == "pobj" else token.head if token.dep_ in ("attr", "dobj") else None
    if verb is not None and verb.pos_ in ("VERB", "AUX") and (
            subject := roles.subject_of(verb)) is not None and subject.lower_ in ("toll", "tally"):
        return None  # "as the death toll rises to 69", "the death toll of its soldiers is 29": the toll's number
    listed = roles.force_before(span, ctx)
    same = [c for c in found if c.sentence == sent]
    if listed and same:  # "send 256 soldiers, Tanzania and Gambia 196, Chad 40": each country's share
        return _Inherited(same[-1].unit, listed, same[-1].where)
    # "EFP troops in Latvia number more than 2,000", "the contingent numbers about 1,500": the verb the parse takes
    # for a noun
    numbering = _numbered_by_verb(token, before, sent)
    if numbering is not None:
        return _Inherited(_is_head(numbering) or "troops", None, None, numbering)
    if token.dep_ == "nummod" and token.head.pos_ in ("NOUN", "PROPN") and not _is_head(token.head):
        return None  # "12 bases", "50 countries": the number counts something else
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN" and not (
            _is_head(token.head.head) or _is_collective(token.head.head) or _MEASURE.search(token.head.head.text)
            or token.head.head.lower_ in _BOUNDS):
        return None  # "a population of more than 11 million"
    # "a second contingent of about 200", "a brigade of up to 5,000"
    if token.dep_ == "pobj" and token.head.lower_ == "of" and _is_collective(token.head.head):
        return _Inherited("troops", None, None, token.head.head)
    # "reduce troops in Germany from 36,000 to 24,000", "boost the UN force to 10,000": the troops the change is
    # about, the verb's object before its subject ("Indonesian troops arrived to boost the UN force to ...")
    changed = _changed_troops(token)
    if changed is not None:
        return _Inherited(_is_head(changed) or "troops", None, None, changed)
    # "a force numbering 600", "the mission, which numbers 4,500", "troop levels fell to 8,600"
    governor = token.head if token.dep_ != "pobj" else token.head.head
    if governor.lemma_.lower() in _NUMBERING:
        subject = roles.subject_of(governor)
        if subject is not None and (_is_head(subject) or _is_collective(subject) or _MEASURE.search(subject.text)):
            about = next((t for t in subject.subtree if _is_head(t)), subject)  # "the number of French troops"
            return _Inherited(_is_head(about) or "troops", None, None, about)
        if governor.dep_ == "acl" and (_is_head(governor.head) or _is_collective(governor.head)):
            return _Inherited(_is_head(governor.head) or "troops", None, None, governor.head)
    # "the number of American troops ... to 2,500"
    measure = _measure_phrase(sent)
    bare = before[:len(before) - prefix_qualifier(before)[1]]
    bare = re.sub(r"\b(now|currently|still|today|just|only|already|down|up)\s*$", "", bare.rstrip(), flags=re.I)
    if measure is not None and token.i > measure.i and re.search(
            r"\b(to|at|from|by|of|is|was|are|were|stands|stood|totals|totalled|totaled|reached)\s*$", bare, re.I):
        return _Inherited(_is_head(measure) or "troops", None, None, measure)
    place = owners.bracketed_place(span, ctx)
    troops = [t for t in sent if _is_head(t) or _is_collective(t)] if place else []
    if troops:  # "Polish soldiers serve in Iraq (900), Afghanistan (1,200)": there, the soldiers'
        force = next((f for f in (owners.force_of_phrase(t, ctx) for t in troops) if f), None)
        return _Inherited("troops", force, place, named=bool(force), placed=True)
    # a second number about the troops just counted: "up from about 4,500", "today it has about 1,100"
    recent = [c for c in found if c.sentence == sent] or [c for c in earlier[-1:]
                                                           if c.sentence.end >= sent.start - 60]
    if recent and token.dep_ in ("pobj", "dobj", "attr", "appos", "conj", "npadvmod", "nsubj", "nsubjpass", "ROOT"):
        ref = recent[-1]
        same = ref.sentence == sent
        if same and _TOTAL.match(text_of(sent.doc)[span.end_char:span.end_char + 20]):
            # "350 Irish troops ... with Polish, Hungarian and Maltese contingents, 600 in total": all of them
            return _Inherited(ref.unit, ctx.main_mission_lead(), ref.where, named=True)
        if same:  # "Italy will deploy 1,000 troops and the Irish Defence Forces are to send a further 400"
            other = _force_between(ref, span, ctx)
            if other:
                return _Inherited(ref.unit, other, ref.where, named=True)
        if not same and _refers_back(span, sent):  # "About 350 of those are ...", "Of those troops, 1,000 will"
            # the earlier count's force, unless a nationality follows ("Some 300 of them come from Austria")
            return _Inherited(ref.unit, ref.whose, ref.where, named=bool(ref.whose) and not _nationality_after(
                span, sent, ctx))
        return _Inherited(ref.unit, ref.whose if same and not _gapped(span) else None, ref.where)
    if owners.bracketed(span, ctx) and any(_is_head(t) or _is_collective(t) for t in sent):
        return _Inherited("troops", None, None, named=True)  # "after the American, British (8,500) and ..."
    return None


_VERBAL_NUMBER = re.compile(r"(?<!\bthe )(?<!\ba )(?<!\bits )(?<!\btheir )"
                            r"\b(?:number|numbers|numbered|totals|totalled|totaled)\s*$", re.I)


def _numbered_by_verb(token: Token, before: str, sent: Span) -> Token | None:
    """'EFP troops in Latvia number more than 2,000': a number after 'number(s)' used as a verb (no article before
    it) counts the troops or force named just before, with no other verb between."""
    bare = before[:len(before) - prefix_qualifier(before)[1]]
    if not _VERBAL_NUMBER.search(bare.rstrip()):
        return None
    doc = token.doc
    verb_at = next((t.i for t in reversed(doc[sent.start:token.i]) if t.lower_.startswith(("number", "total"))), None)
    if verb_at is None:
        return None
    for t in reversed(doc[sent.start:verb_at]):
        if t.pos_ in ("VERB", "AUX") or t.text in (";", ":"):
            return None
        if _is_head(t) or _is_collective(t):
            return t
    return None


def _nationality_after(span: Span, sent: Span, ctx: DocContext) -> bool:
    """'300 of them come from Austria', '200 of those are Irish': the share's own nationality is named."""
    return any(m.entity.kind in ("country", "demonym") for m in (
        ctx.by_token.get(t.i) for t in span.doc[span.end: min(span.end + 8, sent.end)]) if m is not None)


_TOTAL = re.compile(r"\s*(?:in total|in all|altogether|combined)\b", re.I)


_BACK_WORDS = {"those", "these", "them", "whom", "which"}


def _refers_back(span: Span, sent: Span) -> bool:
    """A share of troops counted just before: 'about 350 of those', 'Of those remaining troops, 1,000 will'."""
    doc = span.doc
    after = doc[span.end: min(span.end + 2, sent.end)]
    if len(after) == 2 and after[0].lower_ == "of" and after[1].lower_ in _BACK_WORDS:
        return True
    opening = doc[sent.start: min(sent.start + 2, sent.end)]
    if len(opening) == 2 and opening[0].lower_ in ("that", "this") and opening[1].lower_ in _FIGURE_WORDS:
        return True  # "Germany had more than 5,000 soldiers there. That number has dwindled to 1,500."
    return len(opening) == 2 and opening[0].lower_ == "of" and opening[1].lower_ in _BACK_WORDS and \
        "," in doc[sent.start: span.start].text


_FIGURE_WORDS = {"number", "figure", "total", "force", "contingent", "presence", "deployment"}


def _the_troops_before(span: Span, anchor: Token, sent: Span, earlier: list[Count]) -> Count | None:
    """'200 of the personnel were experts' after '900 U.S. military personnel are in Jordan': a share of 'the'
    troops, with nothing of their own, is a share of the count just before (in the sentence before)."""
    doc = span.doc
    if not (span.end + 1 < sent.end and doc[span.end].lower_ == "of" and doc[span.end + 1].lower_ == "the"):
        return None
    if anchor.i != span.end + 2 or any(c.dep_ != "det" for c in anchor.children if c.i < anchor.i):
        return None  # "200 of the 900 personnel", "of the Jordanian troops": the whole is described here
    if any(c.dep_ == "prep" for c in anchor.children):
        return None  # "of the troops in Syria": a whole of its own
    before = [c for c in earlier if sent.start - _SHARE_REACH <= c.sentence.end <= sent.start]
    same_unit = [c for c in before if c.head is not None and c.head.lemma_ == anchor.lemma_]
    return same_unit[-1] if same_unit else None


_SHARE_REACH = 40  # tokens: how far back "the personnel" still means the ones just counted


def _force_between(ref: Count, span: Span, ctx: DocContext) -> str | None:
    """A force named as an actor between an earlier count and this bare number, not as a place."""
    doc = span.doc
    start = (ref.head.i + 1) if ref.head is not None else doc.char_span(ref.start, ref.end, alignment_mode="expand").end
    found = None
    i = start
    while i < span.start:
        mention = ctx.by_token.get(i)
        if mention is None:
            i += 1
            continue
        i = mention.end
        head = doc[mention.end - 1]
        while head.dep_ in ("compound", "amod") and head.head.i > head.i:
            head = head.head
        # an actor: a subject, or a noun phrase the parser joined to the previous one ("and the Irish Defence
        # Forces are to send"); never one inside a phrase ("alongside French forces", "in Chad")
        nxt = doc[head.i + 1] if head.i + 1 < len(doc) else head
        joined = head.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN") and head.head.pos_ in ("NOUN", "PROPN") \
            and (head.head.dep_ != "pobj" or nxt.pos_ in ("AUX", "VERB"))  # the parser joined a new subject
        if mention.force and mention.entity.kind in ("country", "demonym", "org", "institution") and \
                (head.dep_ in ("nsubj", "nsubjpass") or joined):
            found = mention.force
    return found


_MEASURES = {"number", "size", "strength", "level", "total"}


def _measured(noun: Token) -> Token | None:
    """'the number of troops', 'the size of the contingent': the troop noun a measure of them stands for."""
    if noun.lemma_.lower() not in _MEASURES:
        return None
    return next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj" and (_is_head(o) or _is_collective(o))), None)


def _changed_troops(token: Token) -> Token | None:
    """The troop noun that a 'from N' / 'to N' phrase changes: the noun itself ('troops in Germany from 36,000')
    or the object of the verb of change ('reduce troops ... from 36,000 to 24,000')."""
    while token.dep_ == "quantmod" and token.head.i != token.i:
        token = token.head  # "from 36,000 to 24,000": the first number hangs on the second
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in _BOUNDS:
        token = token.head.head  # "reduce to a maximum of 75": the bound stands where the number would
    if token.dep_ == "pobj" and token.head.lower_ == "by" and (token.head.head.lemma_.lower() in _NUMBERING or
                                                                token.head.head.lemma_.lower() in
                                                                words("delta_minus_verbs")):
        # "reduce its contingent in Lebanon by 400", "increase the force by 1,000": the amount of the change
        return next((c for c in token.head.head.children if c.dep_ == "dobj" and (_is_head(c) or _is_collective(c))),
                    None)
    if token.dep_ != "pobj" or token.head.lower_ not in ("from", "to"):
        return None
    holder = token.head.head
    while holder.dep_ == "prep" or (holder.dep_ == "pobj" and holder.head.dep_ == "prep"):
        holder = holder.head  # "troops in Germany from ...": the prep hangs on the place
    if _is_head(holder) or (_is_collective(holder) and holder.tag_ == "NN"):
        return holder
    measured = _measured(holder)  # "the number of French ground troops ... from the current 900"
    if measured is not None:
        return measured
    if holder.lemma_.lower() in _NUMBERING or holder.lemma_.lower() in words("delta_minus_verbs"):
        changed = next((c for c in holder.children if c.dep_ == "dobj" and (_is_head(c) or _is_collective(c))), None)
        # "increase the number of French ground troops from the current 750"
        changed = changed or next((m for c in holder.children if c.dep_ == "dobj" and (m := _measured(c)) is not None),
                                  None)
        if changed is None and not any(c.dep_ == "dobj" for c in holder.children):
            # "the Taji deployment would reduce to a maximum of 75": the subject changes itself
            subject = roles.subject_of(holder)
            changed = subject if subject is not None and (_is_head(subject) or _is_collective(subject)) else None
        return changed
    return None


def _nationals(span: Span, sent: Span, ctx: DocContext, found: list[Count]) -> Token | None:
    """'392 Rwandans and 202 Nigerians', '600 Germans': people counted by nationality, a force's head count
    when the sentence is about troops (a troop noun, a unit, or a count already found in it)."""
    doc = span.doc
    i = span[-1].i + 1
    if i >= sent.end:
        return None
    mention = ctx.by_token.get(i)
    tok = doc[i]
    if mention is None or mention.entity.kind != "demonym" or mention.end - 1 != i or \
            not (tok.tag_ in ("NNPS", "NNS") or tok.lower_.endswith("s")) and not (
                tok.lower_ in _SAME_PLURAL and tok.dep_ not in ("amod", "compound")):  # "there are 700 French"
        return None
    if any(c.sentence == sent for c in found):
        return tok  # "... 392 Rwandans and 202 Nigerians, while 345 Nigerians were due to leave"
    # "a group of almost 200 Cambodians departed", "the contingent of 300 Nepalese": a force's people
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _is_collective(tok.head.head):
        return tok
    # "75 Guatemalans arrived", "200 Cambodians departed for Lebanon": nationals who move as a force does; "the 20
    # Hungarians serving at the UNFICYP headquarters"
    if (tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in _MOVING or any(
            c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _MOVING for c in tok.children)) and (
            _SERVICE_CONTEXT.search(sent.text)
            or any(m.entity.kind == "mission" for m in (ctx.by_token.get(t.i) for t in sent) if m)):
        return tok
    if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() == "station" for c in tok.children):
        return tok  # "300 Italians stationed in Nasiriyah have left": stationed as troops are
    # "troops deployed so far include 392 Rwandans", "the battalion consists of 600 Germans"
    governor = tok.head.head if tok.dep_ == "pobj" else tok.head
    while governor.dep_ == "conj" and governor.head.i != governor.i and governor.pos_ not in ("VERB", "AUX"):
        governor = governor.head
    if governor.lemma_.lower() in _MADE_OF:
        subject = roles.subject_of(governor)
        if subject is not None and (_is_head(subject) or _is_collective(subject)
                                    or subject.lemma_.lower() in ("arrival", "newcomer", "reinforcement")):
            return tok  # "the new arrivals were made up of 75 Guatemalans and eight Salvadorans"
    # "There are more than 300 Filipinos in the force": nationals in a force
    if tok.dep_ in ("attr", "nsubj") and tok.head.lemma_ == "be" and any(
            c.dep_ == "expl" for c in tok.head.children) and any(
            _is_collective(o) or _is_head(o) for p in (*tok.children, *tok.head.children)
            if p.dep_ == "prep" and p.lower_ in ("in", "with", "among") for o in p.children if o.dep_ == "pobj"):
        return tok
    # "The Honduran troops are attached to the Spanish regiment, along with 302 Dominicans": nationals beside troops
    if _ALONGSIDE.search(doc[sent.start:span.start].text) and any(
            _is_head(t) and t.dep_ in ("nsubj", "nsubjpass") for t in doc[sent.start:span.start]) and not any(
            t.lemma_.lower() in words("casualty_words") for t in sent):  # not "evacuated ... along with 300 Americans"
        return tok
    # "The 4,395 Ethiopians are a mixture of fresh troops and soldiers": what they are is troops
    if tok.dep_ == "nsubj" and tok.head.lemma_ == "be" and any(
            t.pos_ == "NOUN" and _is_head(t) for c in tok.head.children if c.dep_ == "attr" for t in c.subtree):
        return tok
    return None


_ALONGSIDE = re.compile(r"(?i)\b(?:along with|alongside|together with|as well as)(?:\s+(?:some|about|around|nearly|"
                        r"almost|more than|over|another))?\s*$")
# nationalities whose plural is the adjective itself: "700 French", "300 Dutch", "the 150 Irish"
_SAME_PLURAL = {"french", "british", "dutch", "irish", "swiss", "english", "welsh", "scottish", "chinese", "japanese",
                "portuguese", "lebanese", "sudanese", "senegalese", "nepalese", "vietnamese", "burmese", "togolese",
                "congolese", "beninese", "gabonese", "taiwanese", "maltese"}
_HOMECOMING = re.compile(r"(?i)\b(?:home|homecoming|return\w*|back|came back|arriv\w+ in)\b")
_BOUNDS = {"maximum", "minimum", "total", "ceiling", "cap", "peak", "high", "low", "limit"}
_MADE_OF = {"include", "comprise", "consist", "number", "total", "count", "make", "feature"}
_MOVING = {"depart", "arrive", "deploy", "land", "fly", "join", "leave", "return", "rotate", "serve", "head",
           "remain", "stay"}
_SERVICE_CONTEXT = re.compile(r"(?i)\b(?:peacekeep\w*|contingent|battalion|mission|troops|soldiers|force|army|"
                              r"military|deploy\w*|rotation|replace|combat)\b")


def _gapped(span: Span) -> bool:
    """'Italy provides about 800 troops, the US some 600': a new force names the number before it."""
    doc = span.doc
    i = span.start - 1
    while i > sentence_of(span).start and doc[i].lower_ in _QUALIFYING_WORDS:
        i -= 1
    return doc[i].pos_ == "PROPN"


def _measure_phrase(sent: Span) -> Token | None:
    """The head noun in 'the number of US troops', 'troop levels', 'the strength of the force'."""
    for tok in sent:
        if tok.lower_ in ("number", "numbers", "levels", "level", "strength", "ceiling", "size", "presence",
                          "headcount", "total", "limit", "cap"):
            for sub in list(tok.subtree)[:12]:
                if _is_head(sub) or sub.lower_ == "troop":
                    return sub
            whole = next((o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                          if o.dep_ == "pobj" and _is_collective(o) and not _counted_units(o)), None)
            if whole is not None:
                return whole  # "the full strength of the Hungarian-led contingent is 84"
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is not None and owner.pos_ == "NOUN" and _is_collective(owner):
                return owner  # "the force's authorized strength to 20,500": the force's
            if owner is not None and owner.lower_ in ("their", "its"):
                # "Russian troops were stationed in Transnistria ..., but their numbers have dwindled to 1,500",
                # "increasing the force from its authorized limit of 13,000 to 20,500"
                earlier = [t for t in sent if t.i < tok.i and t.pos_ == "NOUN" and (_is_head(t) or _is_collective(t))]
                if earlier:
                    return earlier[-1]
    return None


def _shares(sent: Span, ctx: DocContext, found: list[Count], earlier: list[Count]) -> list[Count]:
    """'around a quarter of them are US soldiers': a count derived from the one stated just before."""
    out = []
    folded = folded_text(sent.doc)[sent.start_char:sent.end_char]
    if not any(word in folded for word in _SHARE_WORDS):
        return out  # no fraction word, so no share: most sentences
    for match in _SHARE.finditer(span_text(sent)):
        # a count before it in the sentence; one from the sentence before only when "of them", "of those"
        # point back ("two-thirds of the troops in the ISAF mission" counts another whole)
        back = match.group(0).split()[-1].lower() in ("them", "whom", "those", "these")
        pool = [c for c in found if c.start < sent.start_char + match.start()] or (earlier[-1:] if back else [])
        if not pool:
            continue
        ref = pool[-1]
        word = match.group(1).lower().rstrip("s")
        fraction = _FRACTIONS.get(word)
        if fraction is None:
            continue
        multiple = match.group(0).lower().split()[0].split("-")[0]
        fraction *= {"two": 2, "three": 3}.get(multiple, 1)  # "two-thirds", "three quarters"
        start = sent.start_char + match.start()
        span = sent.doc.char_span(start, sent.start_char + match.end(), alignment_mode="expand")
        rest = sent.doc[span.end: min(sent.end, span.end + 4)]
        whose = roles.first_force(rest, ctx, nationality_only=True) or ref.whose
        place = places.place_after(sent.doc[span.end: sent.end], ctx) or ref.where
        qualifier_words = {"at_least": "more than ", "approx": "about ", "at_most": "up to "}.get(ref.qualifier, "")
        out.append(Count(
            value=round(ref.value * fraction), value_to=None, qualifier="approx", unit=ref.unit, whose=whose,
            where=place, period=ref.period, delta=None, start=start, end=sent.start_char + match.end(),
            sentence=sent, derived_from=f"{match.group(0)} ({qualifier_words}{ref.value:,})"))
    return out
