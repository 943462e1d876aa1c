"""Person names without the statistical entity recogniser (which took half of spaCy's time): runs of proper
nouns that the gazetteers do not know as places or bodies, accepted when they start with a known first name,
are a known office-holder, or follow a title, rank or honorific ('Defense Minister X', 'Mr X', 'Gen. X')."""

from __future__ import annotations

import re

from spacy.attrs import IS_PUNCT, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

_JOINERS = {"al", "al-", "bin", "ibn", "de", "da", "di", "van", "von", "der", "den", "ter", "le", "la", "el", "du", "dos",
            "del", "della", "des", "bint", "-", "‐", "‑"}
_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "prof", "prof."}
_HYPHENS = {"-", "‐", "‑"}


def _tables():
    from missiondesk.extract.officeholders import _first_names, _officeholders
    from missiondesk.extract.speaker_words import _RANKS, _TITLE_WORDS

    return _TITLE_WORDS, _RANKS, _first_names(), _officeholders()[1]


@Language.factory("person_names", default_config={})
def make_person_names(nlp, name):  # not annotated: spaCy 3.8.6's config checker cannot read postponed annotations
    from missiondesk.extract.gazetteer import gazetteer_for, mentions_in

    gazetteer = gazetteer_for(nlp)
    titles, ranks, first_names, aliases = _tables()
    cue_words = titles | ranks | _HONORIFICS

    def person_names(doc: Doc) -> Doc:
        mentions = mentions_in(doc, gazetteer)
        known = {i for m in mentions for i in range(m.start, m.end)}
        # a one-word city may be a surname: "Chilean President Ricardo Lagos", "Mr. Lagos said"
        towns = {m.start for m in mentions if m.entity.kind == "city" and m.end - m.start == 1}
        capitals = _capitalised(doc)
        spans = []
        i = 0
        n = len(doc)
        while i < n:
            if i not in capitals:  # _name_like needs a capital: no Token made for the other words
                i += 1
                continue
            tok = doc[i]
            after_honorific = i > 0 and doc[i - 1].lower_ in _HONORIFICS
            if not _name_like(tok) or i in known and not (i in towns and after_honorific) or tok.lower_ in cue_words:
                i += 1
                continue
            j = i
            while j + 1 < n and ((j + 1) not in known or (j + 1) in towns and j == i and (
                    doc[i].lower_ in first_names or i > 0 and doc[i - 1].lower_ in cue_words)):
                if _name_like(doc[j + 1]):
                    j += 1
                    continue
                # "van den Berg", "bin Salman", "Abdel-Rahman": one or two particles or a hyphen, then a name
                step = next((k for k in (2, 3) if j + k < n and _name_like(doc[j + k]) and all(
                    doc[j + m].lower_ in _JOINERS for m in range(1, k))), 0)
                if not step and j + 2 < n and doc[j + 1].text in _HYPHENS and not doc[j].whitespace_ \
                        and not doc[j + 1].whitespace_ and doc[j + 2].is_alpha and doc[j + 2].is_lower \
                        and len(doc[j + 2]) <= 5:
                    step = 2  # "Won Tae-jae", "Yoon Kwang-ung": a Korean given name's second syllable
                if not step:
                    break
                j += step
            # "Cabinet Secretary Kipchumba Murkomen": the name starts after the last title word in the run
            cue = max((k for k in range(i + 1, j) if doc[k].lower_ in cue_words), default=None)
            if cue is not None:
                i = cue + 1
            elif doc[i].lower_ not in first_names and not (i > 0 and doc[i - 1].lower_ in cue_words):
                # "Joint Chiefs of Staff John Hyten": the name starts at a known first name inside the run; not
                # right after a rank or title ("Captain Kato Ahmad Hassan" is all his name)
                i = next((k for k in range(i + 1, j) if doc[k].lower_ in first_names
                          and doc[k - 1].lower_ not in _JOINERS), i)
            run = doc[i:j + 1]
            before = doc[i - 1].lower_ if i > 0 else ""
            text = run.text
            size = sum(1 for t in run if t.text not in _HYPHENS)  # "Jean-Paul" is one name
            plain_names = 2 <= size <= 3 and all(t.pos_ == "PROPN" or t.text in _HYPHENS for t in run) and not any(
                t.lower_ in _NOT_NAMES or t.lower_ in cue_words for t in run)
            institution = any(t.lower_ in _NOT_NAMES for t in run)  # "Defense Force", "Defence Command": no one
            if (run[0].lower_ in first_names and len(run) >= 2) or text.lower() in aliases \
                    or (before in cue_words and size <= 4 and not institution) or plain_names:
                spans.append(Span(doc, i, j + 1, label="PERSON"))
            i = j + 1
        # the surname of a person named in full, alone later ("Lagos said"), not after a preposition of place
        surnames = {span[-1].text for span in spans if len(span) >= 2 and span[-1].i in towns}
        taken = {i for span in spans for i in range(span.start, span.end)}
        for i in sorted(towns - taken):
            if doc[i].text in surnames and not (i > 0 and doc[i - 1].pos_ == "ADP"):
                spans.append(Span(doc, i, i + 1, label="PERSON"))
        spans.sort(key=lambda span: span.start)
        doc.set_ents(spans, default="outside")
        named = {i for span in spans for i in range(span.start, span.end)}
        if named & towns:  # the surname is no place: "Lagos" in "Ricardo Lagos" names no city
            mentions[:] = [m for m in mentions if not (m.start in towns and m.start in named)]
        return doc

    return person_names


_NAME_SHAPE = re.compile(r"^[A-Z][a-zà-ÿ]*(?:['’-][A-Z]?[a-zà-ÿ]+)*$")
# Words that make a run of capitals an institution, a place or a title of something, not a person.
_NOT_NAMES = {"council", "ministry", "department", "force", "forces", "army", "agency", "office", "union",
              "nations", "committee", "group", "party", "university", "institute", "airport", "base", "province",
              "region", "city", "river", "sea", "ocean", "mountains", "street", "square", "summit", "news", "times",
              "post", "press", "mission", "operation", "command", "navy", "guard", "corps", "brigade", "division",
              "battalion", "regiment", "republic", "kingdom", "states", "state", "house", "court", "parliament",
              "assembly", "congress", "senate", "bank", "fund", "foundation", "centre", "center", "organization",
              "organisation", "alliance", "coalition", "front", "movement", "government", "administration",
              "strait", "gulf", "bay", "island", "islands", "valley", "desert", "line", "zone", "corridor",
              "program", "programme", "initiative", "agreement", "accord", "accords", "treaty", "plan", "act",
              "day", "week", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
              "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december", "world", "war", "cup", "games", "prize", "award", "school", "hospital",
              "company", "corporation", "group", "systems", "industries", "media", "tv", "radio", "channel",
              # words that begin place names: "New York", "North Kivu", "San Diego", "Fort Bragg", "Port Sudan"
              "new", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
              "upper", "lower", "san", "santa", "los", "las", "saint", "st", "st.", "port", "fort", "lake", "mount",
              "cape", "camp", "al-", "tel", "ras", "abu", "bab", "sidi", "ain", "kafr", "deir", "hong", "sri"}


_CAPITAL: dict[int, bool] = {}  # word id -> whether it starts with a capital letter


def _capitalised(doc: Doc) -> set[int]:
    """Indices of the tokens that start with a capital and are not punctuation, from the doc's arrays."""
    strings = doc.vocab.strings
    found = set()
    for i, (orth, punct) in enumerate(doc.to_array([ORTH, IS_PUNCT]).tolist()):
        capital = _CAPITAL.get(orth)
        if capital is None:
            if len(_CAPITAL) >= 200_000:
                _CAPITAL.clear()
            text = strings[orth]
            capital = _CAPITAL[orth] = bool(text) and text[0].isupper()
        if capital and not punct:
            found.add(i)
    return found


def _name_like(token) -> bool:
    text = token.text
    if not text or not text[0].isupper() or token.is_punct:
        return False
    if token.pos_ == "PROPN":
        return True
    # the tagger sometimes calls a surname a noun ("O'Donnell also accused ...")
    return token.pos_ in ("NOUN", "ADJ", "VERB") and bool(_NAME_SHAPE.match(text)) and len(text) > 2 and (
        not token.is_sent_start or "'" in text or "’" in text)
