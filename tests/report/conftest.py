import pytest

from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seed_corpus():
    """The seed articles and what extraction finds in them; built once for each test module that asks."""
    from missiondesk.corpus import load_corpus
    from missiondesk.extract import extract_documents

    corpus = load_corpus([SEEDS])
    return corpus.documents, extract_documents(corpus.documents)


@pytest.fixture(scope="module")
def seed_frames(seed_corpus):
    from missiondesk.facts import FactFrames

    documents, extraction = seed_corpus
    return FactFrames.build(documents, extraction)
