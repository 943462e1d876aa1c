"""Run extraction over documents."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from missiondesk.corpus.document import Document
from missiondesk.extract.records import Extraction


def extract_documents(documents: Sequence[Document],
                      progress: Callable[[int, int], None] | None = None) -> Extraction:
    """Facts for every document. Filled by the domain components as they land."""
    result = Extraction()
    for done, _doc in enumerate(documents, 1):
        if progress:
            progress(done, len(documents))
    return result
