"""Run the extractor on a piece of text, as one document, the way the command line does."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from missiondesk.corpus.document import Document
from missiondesk.extract import extract_documents
from missiondesk.extract.gazetteer import gazetteer_for
from missiondesk.extract.model import load_model

CASES = Path(__file__).parent / "cases"


def load_cases(name: str) -> list[dict]:
    return [json.loads(line) for line in (CASES / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def case_params(cases: list[dict], known_misses: dict[str, str], keep=lambda case: True) -> list:
    """pytest params, one per case; a known miss is a strict xfail with its reason, so a fix shows as XPASS."""
    import pytest

    return [pytest.param(case, id=case["id"], marks=[pytest.mark.xfail(reason=known_misses[case["id"]], strict=True)]
                         if case["id"] in known_misses else [])
            for case in cases if keep(case)]


def extract_text(text: str, published: str | None = None, title: str = ""):
    doc = Document(id="t", path="t.txt", title=title, outlet=None, author=None, published=published, body=text)
    return extract_documents([doc])


@cache
def _names() -> dict[str, str]:
    """Every surface form of a place or force -> its canonical name, to compare answers written differently."""
    table = {}
    nlp = load_model()
    for words, entity in ((w, e) for entries in gazetteer_for(nlp)._table.values() for w, e in entries):
        name = entity.country if entity.kind in ("demonym", "city", "institution") else entity.name
        table.setdefault(" ".join(words).lower(), name)
    return table


def canonical(name: str | None) -> str | None:
    if name is None:
        return None
    return _names().get(name.lower().replace(" - ", "-"), name)
