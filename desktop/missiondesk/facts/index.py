"""Every fact by id, with its review status and edited values applied: what the evidence panel, the article
highlights and the search need. Rejected facts stay here (struck through in the article, restorable)."""

from __future__ import annotations

from itertools import groupby
from operator import attrgetter

from missiondesk.extract.records import Statement, TroopCount
from missiondesk.facts.qualifiers import label


class FactIndex:
    """Each fact's dict (its record's fields, its review applied, and what the evidence panel needs: the
    sentence's place in the body, the article's outlet and title, a label) is built the first time the fact is
    asked for, and the search texts the first time someone searches: opening a 10,000-article project does
    neither for 100,000 facts."""

    def __init__(self) -> None:
        self._records: dict[str, object] = {}  # id -> TroopCount, Statement, or a mission mention's dict
        self._reviews: dict = {}
        self._facts: dict[str, dict] = {}  # the dicts built so far
        self._by_document: dict[str, list[str]] = {}
        self._missions: dict[str, list[str]] = {}
        self._docs: dict = {}
        self._search: dict[str, str] | None = None
        self._stale: set[str] = set()  # facts whose search text is to be made again
        self._pending = None  # the workspace to build from on first use
        self._workspace = None

    def rebuild(self, workspace) -> None:
        """From a Workspace: its extraction, documents and reviews (read when the index is first used)."""
        self._pending = self._workspace = workspace

    def forget(self, fact_ids) -> None:
        """The facts' reviews changed: their dicts (and search texts) are made again when next asked for, the rest
        of the index stays (building it again for a review cost a tenth of the review)."""
        if self._pending is not None:
            return
        fact_ids = list(fact_ids)
        for fact_id in fact_ids:
            self._facts.pop(fact_id, None)
        if self._search is not None:  # made again at the next search (an actor merged touches thousands)
            self._stale.update(fact_ids)

    def _ensure(self) -> None:
        if self._pending is not None:
            workspace, self._pending = self._pending, None
            self._build(workspace)

    def _build(self, workspace) -> None:
        self._docs = {d.id: d for d in workspace.data.documents}
        self._reviews = workspace.data.reviews
        for table in (self._records, self._facts, self._by_document, self._missions):
            table.clear()
        self._search = None
        self._stale.clear()
        extraction = workspace.extraction()
        for items in (extraction.troop_counts, extraction.statements):
            self._records.update(zip(map(attrgetter("id"), items), items))
            for document, group in groupby(items, key=attrgetter("document")):  # facts come document by document
                self._by_document.setdefault(document, []).extend(map(attrgetter("id"), group))
        for mission in extraction.missions:
            for n, mention in enumerate(mission.mentions):
                fact_id = f"mission:{mission.id}:{n}"
                fact = {"id": fact_id, "kind": "mission", "document": mention.document, "start": mention.start,
                        "end": mention.end, "mission": mission.id, "sentence": mention.text,
                        "status": "unreviewed", "label": mission.name}
                self._records[fact_id] = fact
                self._by_document.setdefault(mention.document, []).append(fact_id)
                self._missions.setdefault(mission.id, []).append(fact_id)

    def _review(self, kind: str, record):
        return self._reviews.get((record.document, kind, record.start, record.end))

    def _fields(self, fact_id: str) -> dict:
        """The fact's own fields with its review applied (no evidence-panel extras)."""
        record = self._records[fact_id]
        kind = _kind(record)
        if kind == "mission":
            return record
        fact = vars(record).copy()  # records are flat: a shallow copy is a full one
        fact["kind_of"] = fact.get("kind")
        fact["kind"] = kind
        review = self._review(kind, record)
        fact["status"] = review.status if review else "unreviewed"
        if review and review.status == "edited":
            fact.update(review.changes)
        return fact

    def _complete(self, fact_id: str) -> dict:
        fact = self._facts.get(fact_id)
        if fact is not None:
            return fact
        fact = self._fields(fact_id)
        doc = self._docs.get(fact["document"])
        fact["sentence_start"], fact["sentence_end"] = _sentence_span(doc.body if doc else "", fact)
        fact["outlet"] = doc.outlet if doc else None
        fact["title"] = doc.title if doc else ""
        fact["published"] = doc.published if doc else None
        if fact["kind"] == "count":
            fact["label"] = f"{label(fact['value'], fact.get('value_to'), fact['qualifier'])} " \
                            f"{fact.get('whose') or ''} {fact.get('unit') or ''}".strip()
        elif fact["kind"] == "statement":
            fact["label"] = f"{fact['actor']}: {str(fact.get('content') or '')[:40]}"
        self._facts[fact_id] = fact
        return fact

    def __len__(self) -> int:
        self._ensure()
        return len(self._records)

    def __contains__(self, fact_id: str) -> bool:
        self._ensure()
        return fact_id in self._records

    def get(self, fact_id: str | None) -> dict | None:
        self._ensure()
        return self._complete(fact_id) if fact_id in self._records else None

    def statuses(self) -> dict[str, str]:
        """The status of every reviewed count and statement; a fact that is absent is unreviewed. Only the
        articles that have reviews are looked at (and the index is not built for it)."""
        if self._workspace is None:
            return {}
        data = self._workspace.data
        out = {}
        for document in {review.document for review in data.reviews.values()}:
            facts = data.facts.get(document)
            for record in [*facts.troop_counts, *facts.statements] if facts else []:
                review = data.reviews.get((record.document, _kind(record), record.start, record.end))
                if review is not None:
                    out[record.id] = review.status
        return out

    def search_texts(self) -> dict[str, str]:
        """Words a search should find a fact by: its sentence, speaker, force, place, outlet (built on the
        first search, kept until the next rebuild)."""
        self._ensure()
        if self._search is not None:
            for fact_id in self._stale & self._search.keys():
                self._search[fact_id] = self._search_text(fact_id)
            self._stale.clear()
            return self._search
        self._search = {fact_id: self._search_text(fact_id) for fact_id, record in self._records.items()
                        if _kind(record) != "mission"}
        return self._search

    def _search_text(self, fact_id: str) -> str:
        fact = self._fields(fact_id)
        doc = self._docs.get(fact["document"])
        parts = [fact.get("sentence"), fact.get("actor"), fact.get("actor_role"), fact.get("whose"),
                 fact.get("where"), fact.get("topic"), doc.outlet if doc else None, str(fact.get("value") or "")]
        return " ".join(str(p) for p in parts if p).lower()

    def highlights(self, document: str) -> list[tuple[str, str, int, int, str]]:
        self._ensure()
        out = []
        for fact_id in self._by_document.get(document, []):
            fact = self._complete(fact_id)
            out.append((fact_id, fact["kind"], fact["start"], fact["end"], fact["status"]))
        return out

    def first_mention(self, mission_id: str) -> str | None:
        self._ensure()
        mentions = self._missions.get(mission_id)
        return mentions[0] if mentions else None

    def of_kind(self, kind: str) -> list[dict]:
        self._ensure()
        return [self._complete(i) for i, record in self._records.items() if _kind(record) == kind]


def _kind(record) -> str:
    return _KINDS.get(type(record), "mission")


_KINDS = {TroopCount: "count", Statement: "statement"}


def _sentence_span(body: str, fact: dict) -> tuple[int, int]:
    """Where the fact's sentence stands in the body (the fact's own span when the sentence is not found)."""
    sentence = fact.get("sentence") or ""
    if fact["kind"] == "count" and sentence:
        at = body.rfind(sentence, 0, fact["end"] + len(sentence))
        if at != -1 and at <= fact["start"]:
            return at, at + len(sentence)
    return fact["start"], fact["end"]
