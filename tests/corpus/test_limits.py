"""The stated limits on what one article can be, each refused by name with what to do, and a very long line
judged by its ends only."""

import pytest

from missiondesk.corpus import load_corpus, loader, readers
from missiondesk.corpus.lines import describe
from tests.conftest import ARTICLE


def test_the_stated_limits():
    assert (readers.MAX_TAGS, loader.MAX_LINES) == (200_000, 100_000)


def test_a_page_of_too_many_tags_is_refused_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_TAGS", 100)
    page = tmp_path / "tags.html"
    page.write_text("<html><body><p>" + ARTICLE + "</p>" + "<b></b>" * 60 + "</body></html>")
    corpus = load_corpus([page])
    assert "126 tags" in corpus.errors[0].error and "limit is 100" in corpus.errors[0].error


def test_a_file_of_too_many_lines_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "MAX_LINES", 10)
    path = tmp_path / "lines.txt"
    path.write_text(ARTICLE + "Troops remain.\n" * 20)
    corpus = load_corpus([path])
    assert "lines" in corpus.errors[0].error and "split it" in corpus.errors[0].error


@pytest.mark.parametrize("line", ["Share on Facebook", "By Jane Porter | Reuters", ARTICLE.splitlines()[4]])
def test_a_long_line_reads_as_its_ends(line):
    long = line + " " + "word " * 5000 + line
    assert describe(0, long, True).text == long
    assert describe(0, long, True).sentence_end == describe(0, line, True).sentence_end
