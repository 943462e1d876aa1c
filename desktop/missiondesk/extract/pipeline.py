"""Run extraction over documents: spaCy parses, the domain rules read the parse."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

from missiondesk.corpus.document import Document
from missiondesk.extract import roles
from missiondesk.extract.context import DocContext
from missiondesk.extract.gazetteer import gazetteer_for
from missiondesk.extract.model import load_model
from missiondesk.extract.gazetteer import missions as known_missions
from missiondesk.extract.missions import find_mentions, mission_for_count
from missiondesk.extract.records import Extraction, Mission, MissionMention, Statement, TroopCount
from missiondesk.extract.speakers import SpeakerResolver
from missiondesk.extract.statements import find_statements
from missiondesk.extract.topics import mission_for_statement, topic_of
from missiondesk.extract.troops import find_counts

EXTRACTOR_VERSION = "1"


def fact_id(*parts: object) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:12]


def extract_documents(documents: Sequence[Document],
                      progress: Callable[[int, int], None] | None = None) -> Extraction:
    """Facts for every document."""
    result = Extraction()
    if not documents:
        return result
    nlp = load_model()
    gazetteer = gazetteer_for(nlp)
    found: dict[str, Mission] = {}
    for done, (document, doc) in enumerate(zip(documents, nlp.pipe(d.body for d in documents)), 1):
        ctx = DocContext.build(document.body, document.published, gazetteer.find(doc),
                               gazetteer.find(nlp.make_doc(document.title or "")))
        roles.bind(ctx)
        hits = find_mentions(doc, ctx)
        ctx.main_mission = _most_named(hits)
        for hit in hits:
            _mission(found, hit.mission_id, hit.described).mentions.append(
                MissionMention(document.id, hit.start, hit.end, hit.text))
        linked: list[str] = []
        for count in find_counts(doc, ctx):
            count.mission = mission_for_count(count, ctx, hits, linked)
            if count.mission:
                linked.append(count.mission)
            if count.mission and not any(m.document == document.id for m in _mission(found, count.mission).mentions):
                # the count is itself the article's reference to the mission
                _mission(found, count.mission).mentions.append(
                    MissionMention(document.id, count.start, count.end, doc.text[count.start:count.end]))
            result.troop_counts.append(TroopCount(
                id=fact_id(document.id, "count", count.start, count.end, count.value),
                document=document.id, value=count.value, value_to=count.value_to, qualifier=count.qualifier,
                unit=count.unit, whose=count.whose, where=count.where, mission=count.mission,
                sentence=count.sentence.text.strip(), start=count.start, end=count.end, period=count.period,
                delta=count.delta, derived_from=count.derived_from))
        for said in find_statements(doc, SpeakerResolver(ctx)):
            sentence = doc.text[said.start:said.end].strip()
            result.statements.append(Statement(
                id=fact_id(document.id, "statement", said.start, said.end, said.actor.name),
                document=document.id, actor=said.actor.name, actor_role=said.actor.role, kind=said.kind,
                content=said.content, sentence=sentence, topic=topic_of(doc, said.start, said.end),
                mission=mission_for_statement(said.start, said.end, hits, linked), start=said.start,
                end=said.end, actor_text=said.actor.text or None))
        if progress:
            progress(done, len(documents))
    result.missions = list(found.values())
    return result


def _most_named(hits) -> str | None:
    from collections import Counter

    counts = Counter(h.mission_id for h in hits)
    return counts.most_common(1)[0][0] if counts else None


def _mission(found: dict[str, Mission], mission_id: str, described: dict | None = None) -> Mission:
    if mission_id not in found:
        known = known_missions().get(mission_id)
        if known:
            found[mission_id] = Mission(id=mission_id, name=known["name"], lead=known["lead"],
                                        theater=known["theater"], start=known.get("start"), end=known.get("end"),
                                        aliases=list(known.get("aliases", [])))
        else:
            described = described or {}
            found[mission_id] = Mission(id=mission_id, name=described.get("name", mission_id),
                                        lead=described.get("lead"), theater=described.get("theater"), known=False)
    return found[mission_id]
