"""The extraction as the JSON document of shared/CONTRACT.md (a public interface: extend, never rename)."""

from __future__ import annotations

from missiondesk.corpus.loader import Corpus
from missiondesk.extract.records import Extraction

CONTRACT_VERSION = 1


def extraction_json(corpus: Corpus, extraction: Extraction) -> dict:
    return {
        "version": CONTRACT_VERSION,
        "documents": [d.to_json() for d in corpus.documents],
        "missions": [m.to_json() for m in extraction.missions],
        "troop_counts": [c.to_json() for c in extraction.troop_counts],
        "statements": [s.to_json() for s in extraction.statements],
        "errors": [e.to_json() for e in corpus.errors],
    }
