"""Whose side a speaker speaks for: 'we have 1,200 soldiers', 'our troops' inside a statement are the troops of
the speaker's country or body ('said Burundian Army Spokesman Colonel X', 'Defence Minister Jung said')."""

from __future__ import annotations

from missiondesk.extract.context import COUNTRIES, DocContext
from missiondesk.extract.officeholders import country_served
from missiondesk.extract.sentences import text_of

_SIDES = ("country", "demonym", "org", "institution")


def speaker_sides(doc, said_list, ctx: DocContext) -> list[tuple[int, int, str]]:
    """(start, end, force) in document characters: the quotes of each statement, or its sentence when it is
    reported, with the force its speaker speaks for."""
    text = text_of(doc)
    sides = []
    for said in said_list:
        force = _side_of(said, doc, text, ctx)
        if force is None:
            continue
        spans = [(q.inner_start, q.inner_end) for q in said.quotes] or [(said.start, said.end)]
        sides.extend((start, end, force) for start, end in spans)
    return sides


def _side_of(said, doc, text: str, ctx: DocContext) -> str | None:
    """The force named in the words that name the speaker ('Burundian Army Spokesman', 'the UK's Ambassador to
    Estonia Ross Allen', where the article first names them), else the country whose office the speaker held."""
    places = [(text.find(said.actor.text, said.start, said.end + len(said.actor.text)), said.actor.text)]
    if said.actor.kind == "person":
        places.append((text.find(said.actor.name), said.actor.name))
    for at, words in places:
        span = doc.char_span(at, at + len(words), alignment_mode="expand") if words and at >= 0 else None
        if span is None:
            continue
        titles = [t for t in span.root.subtree if t.i < span.start] + list(span) + [
            t for c in span.root.children if c.dep_ == "appos" for t in c.subtree]
        for token in titles:
            mention = ctx.by_token.get(token.i)
            if mention is not None and mention.force and mention.entity.kind in _SIDES and not _host(mention, doc):
                return mention.force
    if said.actor.kind == "person":
        return country_served(said.actor.name, ctx.reference_year, COUNTRIES)
    return None


def _host(mention, doc) -> bool:
    """'Ambassador to Estonia', 'envoy to the UN': the country an envoy is sent to is not the side they speak for."""
    last = doc[mention.end - 1]
    return last.dep_ == "pobj" and last.head.lower_ == "to" and last.head.head.pos_ in ("NOUN", "PROPN")
