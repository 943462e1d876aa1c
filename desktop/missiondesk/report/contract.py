"""The extraction as the JSON document of shared/CONTRACT.md (a public interface: extend, never rename)."""

from __future__ import annotations

from missiondesk.corpus.loader import Corpus
from missiondesk.extract.records import Extraction
from missiondesk.facts.actors import build_registry

CONTRACT_VERSION = 1


def extraction_json(corpus: Corpus, extraction: Extraction) -> dict:
    return {
        "version": CONTRACT_VERSION,
        "documents": [d.to_json() for d in corpus.documents],
        "missions": [m.to_json() for m in extraction.missions],
        "troop_counts": [c.to_json() for c in extraction.troop_counts],
        "statements": statements_json(extraction.statements),
        "errors": [e.to_json() for e in corpus.errors],
    }


def statements_json(statements: list) -> list[dict]:
    """Each statement with its actor as the corpus's actor registry names it: `actor` the canonical name (a
    person's or body's; an anonymous source keeps its description),
    `actor_id` the registry entry, `actor_aliases` the entry's other names (fields added to the contract)."""
    registry = build_registry(statements)
    out = []
    for statement in statements:
        data = statement.to_json()
        entry = registry.of_statement(statement.id)
        if entry is not None:
            if entry.kind != "source":  # an unnamed source keeps the article's description; its id joins them
                data["actor"] = entry.name
            data["actor_id"] = entry.id
            data["actor_aliases"] = list(entry.aliases)
        else:
            data["actor_id"], data["actor_aliases"] = None, []
        out.append(data)
    return out
