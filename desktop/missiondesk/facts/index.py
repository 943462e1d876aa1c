"""Every fact by id, with its review status and edited values applied: what the evidence panel, the article
highlights and the search need. Rejected facts stay here (struck through in the article, restorable)."""

from __future__ import annotations

from dataclasses import asdict

from missiondesk.facts.qualifiers import label


class FactIndex:
    def __init__(self) -> None:
        self._facts: dict[str, dict] = {}
        self._by_document: dict[str, list[str]] = {}
        self._missions: dict[str, list[str]] = {}

    def rebuild(self, workspace) -> None:
        """From a Workspace: its extraction, documents and reviews."""
        docs = {d.id: d for d in workspace.data.documents}
        reviews = workspace.data.reviews
        self._facts.clear()
        self._by_document.clear()
        self._missions.clear()
        extraction = workspace.extraction()
        for kind, items in (("count", extraction.troop_counts), ("statement", extraction.statements)):
            for item in items:
                fact = asdict(item)
                fact["kind_of"] = fact.get("kind")
                fact["kind"] = kind
                review = reviews.get((item.document, kind, item.start, item.end))
                fact["status"] = review.status if review else "unreviewed"
                if review and review.status == "edited":
                    fact.update(review.changes)
                self._add(fact, docs)
        for mission in extraction.missions:
            for n, mention in enumerate(mission.mentions):
                fact_id = f"mission:{mission.id}:{n}"
                fact = {"id": fact_id, "kind": "mission", "document": mention.document, "start": mention.start,
                        "end": mention.end, "mission": mission.id, "sentence": mention.text,
                        "status": "unreviewed", "label": mission.name}
                self._add(fact, docs)
                self._missions.setdefault(mission.id, []).append(fact_id)

    def _add(self, fact: dict, docs: dict) -> None:
        doc = docs.get(fact["document"])
        fact["sentence_start"], fact["sentence_end"] = _sentence_span(doc.body if doc else "", fact)
        fact["outlet"] = doc.outlet if doc else None
        fact["title"] = doc.title if doc else ""
        fact["published"] = doc.published if doc else None
        if fact["kind"] == "count":
            fact["label"] = f"{label(fact['value'], fact.get('value_to'), fact['qualifier'])} " \
                            f"{fact.get('whose') or ''} {fact.get('unit') or ''}".strip()
        elif fact["kind"] == "statement":
            fact["label"] = f"{fact['actor']}: {str(fact.get('content') or '')[:40]}"
        self._facts[fact["id"]] = fact
        self._by_document.setdefault(fact["document"], []).append(fact["id"])

    def __len__(self) -> int:
        return len(self._facts)

    def __contains__(self, fact_id: str) -> bool:
        return fact_id in self._facts

    def get(self, fact_id: str | None) -> dict | None:
        return self._facts.get(fact_id) if fact_id else None

    def statuses(self) -> dict[str, str]:
        return {i: f["status"] for i, f in self._facts.items() if f["kind"] != "mission"}

    def search_texts(self) -> dict[str, str]:
        """Words a search should find a fact by: its sentence, speaker, force, place."""
        out = {}
        for fact_id, fact in self._facts.items():
            if fact["kind"] == "mission":
                continue
            parts = [fact.get("sentence"), fact.get("actor"), fact.get("actor_role"), fact.get("whose"),
                     fact.get("where"), fact.get("topic"), fact.get("outlet"), str(fact.get("value") or "")]
            out[fact_id] = " ".join(str(p) for p in parts if p).lower()
        return out

    def highlights(self, document: str) -> list[tuple[str, str, int, int, str]]:
        return [(i, self._facts[i]["kind"], self._facts[i]["start"], self._facts[i]["end"], self._facts[i]["status"])
                for i in self._by_document.get(document, [])]

    def first_mention(self, mission_id: str) -> str | None:
        mentions = self._missions.get(mission_id)
        return mentions[0] if mentions else None

    def of_kind(self, kind: str) -> list[dict]:
        return [f for f in self._facts.values() if f["kind"] == kind]


def _sentence_span(body: str, fact: dict) -> tuple[int, int]:
    """Where the fact's sentence stands in the body (the fact's own span when the sentence is not found)."""
    sentence = fact.get("sentence") or ""
    if fact["kind"] == "count" and sentence:
        at = body.rfind(sentence, 0, fact["end"] + len(sentence))
        if at != -1 and at <= fact["start"]:
            return at, at + len(sentence)
    return fact["start"], fact["end"]
