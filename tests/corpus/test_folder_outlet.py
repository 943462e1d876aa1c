"""An article that names no outlet takes it from its folder when the corpus is kept a folder per outlet."""

from missiondesk.corpus import load_corpus
from missiondesk.corpus.loader import folder_outlet
from tests.conftest import ARTICLE


def _write(path, text=ARTICLE):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_folder_per_outlet_gives_the_outlet(tmp_path):
    """A known outlet's folder gives its canonical name; another folder its own name."""
    corpus_dir = tmp_path / "articles"
    _write(corpus_dir / "Field Desk" / "a.txt")
    _write(corpus_dir / "Kyiv Independent" / "b.txt", ARTICLE.replace("10,000", "11,000"))
    _write(corpus_dir / "c.txt", ARTICLE.replace("10,000", "12,000"))  # the added folder itself names nothing
    corpus = load_corpus([corpus_dir])
    outlets = {d.path.rsplit("/", 1)[-1]: d.outlet for d in corpus.documents}
    assert outlets == {"a.txt": "Field Desk", "b.txt": "The Kyiv Independent", "c.txt": None}


def test_the_article_own_outlet_wins_over_its_folder(tmp_path):
    _write(tmp_path / "in" / "Field Desk" / "a.txt", "By Jane Porter, Reuters\n\n" + ARTICLE.split("\n\n", 2)[2])
    [document] = load_corpus([tmp_path / "in"]).documents
    assert document.outlet == "Reuters"


def test_a_folder_named_as_a_known_outlet_counts_even_when_added_itself(tmp_path):
    _write(tmp_path / "reuters" / "a.txt")
    assert folder_outlet(tmp_path / "reuters" / "a.txt", []) == "Reuters"
    assert folder_outlet(tmp_path / "downloads" / "a.txt", [tmp_path / "downloads"]) is None
    [document] = load_corpus([tmp_path / "reuters" / "a.txt"]).documents
    assert document.outlet == "Reuters"
