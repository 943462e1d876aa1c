"""The real-article corpus holds together: every quote is in its article, every value in its quote, the split
keeps outlets apart, the articles are the stored pages as they came (checksums), and SOURCES.md lists each."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gold_check import numbers_in, problems  # noqa: E402
from real_sets import REAL, SETS, all_folders, article_files, checksums, gold_files, merged_gold, sources_table  # noqa: E402

GOLDS = [p for folder in all_folders() for p in gold_files(folder)]
SPLIT = all((REAL / name).is_dir() for name in SETS)
needs_split = pytest.mark.skipif(not SPLIT, reason="the corpus is still being annotated in pool/; not yet split")


@pytest.mark.parametrize("gold", GOLDS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_gold_agrees_with_its_article(gold):
    assert problems(gold) == []


def _outlets(name: str) -> set[str]:
    return {a["outlet"].casefold() for p in gold_files(REAL / name)
            for a in json.loads(p.read_text(encoding="utf-8"))["articles"]}


@needs_split
def test_the_split_keeps_each_outlet_on_one_side():
    assert _outlets("dev") & _outlets("test") == set()


@needs_split
def test_corpus_size_and_spread():
    assert len(article_files(REAL / "dev")) >= 40 and len(article_files(REAL / "test")) >= 20
    assert len(_outlets("dev") | _outlets("test")) >= 40
    for name in SETS:
        assert len(gold_files(REAL / name)) == len(article_files(REAL / name))


def test_missions_are_described_alike_across_files():
    for folder in all_folders():
        merged_gold(folder)  # raises on one mission id given two theaters


def test_articles_are_unchanged():
    # SHA256SUMS was written when each page was stored (python tests/gold/real_sets.py); an edit shows here.
    assert checksums() == (REAL / "SHA256SUMS").read_text(encoding="utf-8")


def test_sources_lists_every_article():
    sources = (REAL / "SOURCES.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([\w./-]+\.txt)` \|", sources, re.M))
    assert listed == {f"{f.name}/{p.name}" for f in all_folders() for p in article_files(f)}
    assert sources == sources_table()


@pytest.mark.parametrize("text, value", [
    ("some 10,000 troops", 10000), ("12 000 soldiers", 12000), ("2.500 personnel", 2500),
    ("5\u00a0600 peacekeepers", 5600), ("three thousand troops", 3000), ("a thousand soldiers", 1000),
    ("a dozen marines", 12), ("one hundred and fifty soldiers", 150), ("the 9,600-strong force", 9600),
    ("1.5 million", 1_500_000),
])
def test_the_checker_reads_numbers_as_newsrooms_write_them(text, value):
    assert value in numbers_in(text)


@pytest.mark.parametrize("text, value", [("a soldier", 1), ("two-thirds of its troops", 3), ("in 2,0000", 2000)])
def test_the_checker_finds_no_number_that_is_not_written(text, value):
    assert value not in numbers_in(text)


def test_the_checker_reports_a_quote_that_is_not_in_the_article(tmp_path):
    (tmp_path / "a.txt").write_text("About 500 soldiers arrived in Tallinn.", encoding="utf-8")
    gold = {"articles": [{"article": "a.txt", "title": "t", "outlet": "o", "published": None,
                          "published_source": None, "boilerplate": ["Share"], "missions": [],
                          "positions": [{"actor": "X", "quote": "He said so."}],
                          "troop_counts": [{"value": 600, "qualifier": "approx", "unit": "soldiers", "whose": "X",
                                            "where": "Estonia", "quote": "About 500 soldiers arrived in Tallinn."}]}],
            "missions": []}
    (tmp_path / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    found = problems(tmp_path / "a.json")
    assert any("600 is not written" in p for p in found)
    assert any("position quote not in the text" in p for p in found)
    assert any("boilerplate is not a line" in p for p in found)
