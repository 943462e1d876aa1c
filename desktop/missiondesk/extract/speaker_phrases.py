"""Reading a speaker's words off the parse: the subject's phrase without its clauses, the name in it as the
article writes it, the title or appositive with it, and the speakers joined to it by 'and'."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from missiondesk.extract.sentences import join_tokens
from missiondesk.extract.speaker_words import (
    _ABBREVIATION,
    _DETERMINERS,
    _HONORIFICS,
    _HYPHENS,
    _RANKS,
    _TITLE_NOUNS,
    _TITLE_WORDS,
    _WRITTEN,
    _word_set,
)


def _role_fits(role: str | None, title: list[str]) -> bool:
    """Whether a person's role carries a title: its words ('secretary general' in 'NATO Secretary General')
    or its initials ('CS' for 'Interior Cabinet Secretary')."""
    if not role:
        return False
    words = re.findall(r"[\w-]+", role)
    lower = [w.lower().replace("defense", "defence") for w in words]
    lower += [part for w in lower if "-" in w for part in w.split("-")]  # "Secretary-General": its two words
    title = [t.replace("defense", "defence") for t in title]
    office = any(t.lower() in _TITLE_NOUNS for t in title)
    for t in title:
        if _ABBREVIATION.fullmatch(t):
            capitals = [w for w in words if w[:1].isupper()]
            initials = "".join(w[0] for w in capitals)
            every = "".join(w[0].upper() for w in words)  # "COAS": Chief of Army Staff, the "of" too
            if t not in initials and t not in every and t.lower() not in lower:
                return False
            if not office and t not in lower and t.lower() not in lower:
                # "the CS" alone is an office ('Cabinet Secretary'), "the RFMF" alone a body ('Commander of Republic
                # of Fiji Military Forces'): the initials must cover a title noun of the role
                source, at = (capitals, initials.find(t)) if t in initials else (words, every.find(t))
                if at < 0 or not any(w.lower() in _TITLE_NOUNS for w in source[at:at + len(t)]):
                    return False
        elif t not in lower and t not in ("the",) and not _TITLE_SYNONYMS.get(t, set()) & set(lower) and not (
                t == "chief" and "general" in lower and ("secretary" in lower or "director" in lower)):
            return False  # (the "NATO chief", "the UN chief": a body's Secretary General, its head)
    return True


# words a later reference uses for the title a person was given: "the Russian envoy" for "Russia's ambassador", "the
# military chief" for "the Army commander", "the army chief" for "chief of defence forces", "the defence spokesman"
# for "the Director of Defence Information"
_TITLE_SYNONYMS = {"envoy": {"ambassador", "representative"}, "ambassador": {"envoy"},
                   "chief": {"commander", "head"}, "commander": {"chief"}, "head": {"chief"},
                   "army": {"military", "forces", "defence"},
                   # "the defence spokesman" for "the Director of Defence Information"
                   **dict.fromkeys(("spokesman", "spokeswoman", "spokesperson"), {
                       "spokesman", "spokeswoman", "spokesperson", "information", "press", "communications"})}


# bodies that speak side by side: "the UN mission in the country and Senegal's army said"
_COORDINATED_BODIES = {"government", "ministry", "council", "army", "military", "navy", "mission", "police",
                       "command", "embassy"}


def named_after_title(subject: Token) -> Token | None:
    """The holder's name set off by a comma after a title: 'army head, General John Doe (and ...)'; the parse
    makes it an apposition or, with a list after it, a conjunct."""
    return next((c for c in subject.children if c.dep_ in ("appos", "conj", "npadvmod") and c.i > subject.i
                 and c.ent_type_ == "PERSON" and c.doc[c.left_edge.i - 1].text == ","), None)


def coordinated(subject: Token) -> list[Token]:
    """'The Afghan government and the UN have urged': the other speakers joined to the subject by 'and'.
    Only names and bodies: 'diplomats and observers' stay one group."""
    if subject.pos_ not in ("PROPN", "NOUN"):
        return []
    # "Minister Jane Roe and army chief General John Doe said": the parse may hang the first name on the
    # second (as a modifier that carries the "and"): both speak
    first = [c for c in subject.children if c.dep_ in ("nmod", "compound") and c.i < subject.i
             and c.ent_type_ == "PERSON" and any(cc.dep_ == "cc" and cc.lower_ == "and" for cc in c.children)]
    if subject.ent_type_ == "PERSON" and first:
        return first[:1]
    # "the Pentagon and Nigerien defense officials said": a body the parse hung on the officials, with its "and"
    body = [c for c in subject.children if c.dep_ == "nmod" and c.i < subject.i and c.pos_ == "PROPN"
            and any(cc.dep_ == "cc" and cc.lower_ == "and" for cc in c.children)]
    if subject.pos_ == "NOUN" and subject.tag_ == "NNS" and body:
        return body[:1]
    # "SANDF head, General Rudzani Maphwanya and Motshekga called": the title's holder and the one joined to them
    base = subject if subject.ent_type_ == "PERSON" else named_after_title(subject) or subject
    # "Somalia, the African Union Transition Mission (ATMIS), and the UN Support Office": a list the parse made
    # an apposition, the list going on from it with "and"
    listed = [c for c in base.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > base.i and any(
        cc.dep_ == "cc" and cc.lower_ == "and" for cc in c.children) and any(j.dep_ == "conj" for j in c.children)]
    # "Peter Roe from the Green Party and Urban Doe from the Social Democrats say": the parse may join the second
    # name to the first one's party
    inside = [t for p in base.children if p.dep_ == "prep" and base.ent_type_ == "PERSON" for t in p.subtree
              if t.dep_ == "conj" and t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and t.head.ent_type_ != "PERSON"
              and any(c.dep_ == "cc" and c.lower_ == "and" for c in t.head.children)]
    others, frontier = list(listed[:1]) + inside[:1], [base, *listed[:1]]
    while frontier:  # "Spain, France and Italy": the parse chains each name to the one before
        nxt = [c for t in frontier for c in t.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
        others += nxt
        frontier = nxt
    # "Minister X and army chief General Y": the parse may join the title ("chief") and hang the name after it
    # elsewhere (as a second conjunct or in apposition to the first speaker): the name is the speaker
    doc = subject.doc
    titled = []
    for t in others:
        name = next((o for o in doc[t.i + 1: min(len(doc), t.i + 5)] if o.pos_ == "PROPN" and o.ent_type_ == "PERSON"
                     and o.dep_ in ("conj", "appos")), None) if t.pos_ == "NOUN" or (
            t.pos_ == "PROPN" and t.ent_type_ != "PERSON" and t.lower_ in _TITLE_NOUNS) else None  # "Minister"
        titled.append(name if name is not None else t)
    others = list(dict.fromkeys(titled))
    named = [base, *others]
    if not others or not all(t.pos_ == "PROPN" or t.lemma_.lower() in _COORDINATED_BODIES
                             or t.ent_type_ for t in named):
        return []
    return others


def _part_of(subject: Token) -> Token | None:
    """'One of the officials', 'some of the ministers': the group the subject is part of."""
    if subject.lower_ not in ("one", "some", "two", "three", "several", "many", "most", "each", "none", "both"):
        return None
    return next((pobj for prep in subject.children if prep.dep_ == "prep" and prep.lower_ == "of"
                 for pobj in prep.children if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN")), None)


def _keeper_of(subject: Token, data_nouns: frozenset[str]) -> tuple[Token, list[Token]] | None:
    """'Pentagon data', 'a State Department tally', 'the latest information from the DPA', 'the army's figures':
    the body whose figures they are speaks through them; its word and its phrase."""
    if subject.lemma_.lower() not in data_nouns and subject.lower_ not in data_nouns:
        return None
    before = [c for c in subject.children if c.i < subject.i and (
        c.dep_ == "compound" and c.pos_ == "PROPN" or c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN"))]
    own = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    if not before and own is not None:  # "MINUSMA had 12,000 troops, according to its website": the clause's
        root = subject.sent.root  # subject, whose figures they are
        owner = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN"), None)
        if owner is not None:
            return owner, _phrase(owner)
    if before:  # "State Department tally": the words before the noun, up to it, name the body
        owner = before[-1]
        phrase = [t for t in subject.subtree if t.i < subject.i and (t.i >= before[0].left_edge.i)
                  and t.text not in ("'s", "’s")]
        return owner, phrase
    owner = next((pobj for prep in subject.children if prep.dep_ == "prep" and prep.lower_ in ("from", "of", "by")
                  for pobj in prep.children if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN")), None)
    return (owner, _phrase(owner)) if owner is not None else None


def _led_by(subject: Token) -> Token | None:
    """'a delegation, led by X,' / 'a team headed by X': the person at its head."""
    for acl in subject.children:
        if acl.dep_ == "acl" and acl.lemma_.lower() in ("lead", "head", "chair"):
            for agent in acl.children:
                if agent.dep_ == "agent":
                    return next((p for p in agent.children if p.dep_ == "pobj" and p.ent_type_ == "PERSON"), None)
    return None


def _in_clause(token: Token, subject: Token) -> bool:
    """Whether a word of the subject's phrase sits in a clause of its own ('an officer serving with UNIFIL')."""
    head = token
    while head.i != subject.i and head.head.i != head.i:
        if head.pos_ in ("VERB", "AUX"):
            return True
        head = head.head
    return False


def _is_subject(token: Token) -> bool:
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True
    return token.dep_ in ("appos", "compound") and token.head.dep_ in ("nsubj", "nsubjpass")


def _title_of(ent: Span) -> str | None:
    """The title written with a name: the words before it ('Interior Cabinet Secretary Kipchumba Murkomen'),
    or an appositive right after it ('Viktor Bondarev, first deputy chairman of the committee,')."""
    doc = ent.doc
    words = []
    k = ent.start - 1
    while k >= 0 and len(words) < 6:
        tok = doc[k]
        if tok.text in ("-", "‐") and words and k > 0 and not tok.whitespace_ and not doc[k - 1].whitespace_:
            words.append(tok)  # "Secretary-General": the hyphen inside a title
            k -= 1
            continue
        if tok.lower_ in _TITLE_WORDS or tok.lower_ in _TITLE_NOUNS or tok.text in ("'s", "’s") or (
                tok.pos_ in ("PROPN", "ADJ") and tok.text[:1].isupper() and not tok.ent_type_) or (
                tok.pos_ == "NOUN" and tok.dep_ == "compound" and words):  # "mission chief Jane Doe"
            words.append(tok)
            k -= 1
            continue
        break
    while words and words[-1].text in ("'s", "’s"):
        words.pop()
    if words and any(t.lower_ in _TITLE_NOUNS or t.lower_ in _TITLE_WORDS for t in words):
        return join_tokens(words) or None
    head = ent.root.head
    if ent.root.dep_ == "appos" and head.i < ent.start - 1 and doc[ent.start - 1].text == "," \
            and head.lower_ in _TITLE_NOUNS:
        # "The Italian Minister of Defence, Guido Crosetto, informed": the title in apposition before the name
        before = [t for t in doc[head.left_edge.i:ent.start - 1] if t.lower_ not in _DETERMINERS]
        if before and not any(t.ent_type_ == "PERSON" for t in before):
            return join_tokens(before) or None
    if ent.end + 1 < len(doc) and doc[ent.end].text == ",":
        after = []
        for tok in doc[ent.end + 1:min(len(doc), ent.end + 12)]:
            if tok.text in (",", ".", ";", "(") or tok.pos_ == "VERB":
                break
            after.append(tok)
        if after and any(t.lower_ in _TITLE_NOUNS for t in after):
            return join_tokens([t for t in after if t.lower_ not in _DETERMINERS]) or None
    return None


def _author_of_document(subject: Token) -> Token | None:
    if subject.lemma_.lower() not in _WRITTEN:
        return None
    for tok in subject.subtree:
        if tok.dep_ in ("agent", "prep") and tok.lower_ == "by":
            objects = [c for c in tok.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _outside_clauses(subject: Token) -> list[Token]:
    """The subject's words with its appositives but not its relative clauses ('the force, which replaced X')."""
    out = []
    for tok in subject.subtree:
        head = tok  # spaCy makes a new Token on each access: compare positions, not objects
        while head.i != subject.i and head.dep_ not in ("relcl", "acl") and head.head.i != head.i:
            head = head.head
        if head.i == subject.i:
            out.append(tok)
    return out


def _phrase(subject: Token) -> list[Token]:
    """The subject's words without relative clauses or what follows a comma after it ('NATO defence ministers,
    holding a two-day video meeting, decided ...')."""
    keep = []
    for tok in subject.subtree:
        if tok.i > subject.i and (tok.dep_ == "relcl" and tok.head.i == subject.i or tok.text in (",", "(")
                                  or tok.dep_ == "cc" and tok.head.i == subject.i and coordinated(subject)):
            break
        keep.append(tok)
    while keep and keep[-1].is_punct:
        keep.pop()
    # cut relative clauses and their words
    out = []
    for tok in keep:
        if any(a.dep_ == "relcl" and a.head.i == subject.i for a in tok.ancestors if a.i > subject.i):
            continue
        out.append(tok)
    return out


def _text(tokens) -> str:
    return join_tokens(tokens)


def _clean_name(ent: Span) -> str:
    kept = [t for t in ent if t.lower_ not in _HONORIFICS and t.lower_ not in _RANKS and t.lower_ not in _TITLE_WORDS]
    return re.sub(r"['’]s$", "", name_text(kept)).strip() if kept else ""


def name_text(tokens) -> str:
    """A name's words as the article writes them: a hyphen between two of them stays ("Abdel-Rahman",
    "Al-Rikabi"), other skipped words leave a space."""
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens:
        return ""
    doc = tokens[0].doc
    out = [tokens[0].text]
    for prev, tok in zip(tokens, tokens[1:]):
        gap = doc[prev.i + 1:tok.i]
        if len(gap) and all(g.text in _HYPHENS for g in gap):
            out.append(doc.text[prev.idx + len(prev.text):tok.idx])
        elif tok.text in _HYPHENS or prev.text in _HYPHENS:
            out.append(prev.whitespace_)
        else:
            out.append(prev.whitespace_ if tok.i == prev.i + 1 else " ")
        out.append(tok.text)
    return "".join(out).strip()


def _honorific_before(token: Token) -> bool:
    return any(t.lower_ in _HONORIFICS for t in token.lefts)


def _honorific_gender(token: Token) -> str | None:
    for t in token.lefts:
        if t.lower_ in ("mr", "mr.", "sir"):
            return "m"
        if t.lower_ in ("mrs", "mrs.", "ms", "ms.", "dame", "madam"):
            return "f"
    return None


def _role(phrase: list[Token], name_tokens: list[Token], subject: Token) -> str | None:
    """Title words before the name ('German Defense Minister') or an appositive after it."""
    first = min(t.i for t in name_tokens)
    before = [t for t in phrase if t.i < first and t.lower_ not in _DETERMINERS
              and (not t.is_punct or t.text in ("-", "‐", "–"))]
    appos = [c for c in subject.children if c.dep_ == "appos"]
    if not appos and all(t.lower_ in _RANKS or t.lower_ in _HONORIFICS for t in before):
        set_off = _title_set_off(subject.doc[first - len(before)] if before else subject.doc[first])
        if set_off:
            return set_off
    if appos:
        words = [t for t in appos[0].subtree if not t.is_punct or t.text in ("-", "'s", "’s")]
        text = _text([t for t in words if t.lower_ not in _DETERMINERS or t.i > appos[0].i])
        return text or None
    text = _text(before)
    text = re.sub(r"['’]s$", "", text).strip()
    return text or None


def _title_set_off(first: Token) -> str | None:
    """'Commander of the Fiji Military Forces, Rear Admiral Jone Kali, says', 'the country's Chief of Defence
    Forces, General Peter Mwangi has said': the title before the comma that sets off the holder's name (ranks
    between them), back to the clause's start or the comma before; a phrase with a verb or no title is none."""
    doc = first.doc
    comma = first.i - 1
    if comma < 1 or doc[comma].text != ",":
        return None
    start = comma
    while start > first.sent.start and doc[start - 1].text not in (",", ";", ":", "(", "—", "–") \
            and comma - start < 10:
        start -= 1
    words = [t for t in doc[start:comma] if t.lower_ not in _DETERMINERS]
    if not words or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    if start > first.sent.start and doc[start - 1].text == "," and not any(
            t.lower_ in ("the", "its", "their") or t.text in ("'s", "’s")
            for t in words[:3] + list(doc[start:start + 1])):
        return None  # "..., to Somalia, Chief X said": a list or a clause, not a title set off
    if not any(t.lower_ in _TITLE_NOUNS for t in words):
        return None
    return re.sub(r"['’]s$", "", _text(words)).strip() or None


def _role_nouns(role: str | None) -> set[str]:
    if not role:
        return set()
    nouns = _word_set("speaker_nouns")
    found = {w for w in re.findall(r"[a-z]+", role.lower()) if w in nouns}
    if found & _OFFICES:  # "Iraq's military spokesman Yehia Rasool ... the Iraqi official said": him
        found.add("official")
    return found


# Titles whose holders the news may call 'the official' later
_OFFICES = {"spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "ambassador", "envoy", "commander",
            "chief", "adviser", "advisor", "representative", "negotiator", "coordinator", "head"}


def _nation_names(text: str) -> list[tuple[list[str], str]]:
    """The runs of one to three words of a phrase that name a country or give its demonym, each with the country."""
    words = re.findall(r"[\w.-]+", text or "")
    table = _nation_words()
    return [(words[i:i + n], table[" ".join(words[i:i + n])]) for n in (3, 2, 1) for i in range(len(words) - n + 1)
            if " ".join(words[i:i + n]) in table]


def nations_in(text: str) -> set[str]:
    """The countries a phrase names or gives a demonym of ('commander of French forces' -> {'France'})."""
    return {country for _, country in _nation_names(text)}


def nation_words_in(text: str) -> set[str]:
    """The words of a phrase that belong to a country's name or nationality ('DR Congo President' -> {'DR',
    'Congo'})."""
    return {w for run, _ in _nation_names(text) for w in run}


def same_nation(one: str, other: str) -> bool:
    """Two titles that could be one person's: not 'German commander' and 'commander of French forces'."""
    first, second = nations_in(one), nations_in(other)
    return not first or not second or bool(first & second)


@cache
def _nation_words(cities: bool = False) -> dict[str, str]:
    """Every country's name and nationality (and, with `cities`, every city's name) the gazetteer knows -> the
    country."""
    from missiondesk.extract.gazetteer import _entries

    kinds = ("country", "demonym", "city") if cities else ("country", "demonym")
    return {alias: entity.country or entity.name for alias, entity in _entries()
            if entity.kind in kinds and alias[:1].isupper()}
