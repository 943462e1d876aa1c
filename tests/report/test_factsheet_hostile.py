"""Article text that is markup, huge, right-to-left or emoji: the sheet is still written, shows it as text,
and never reaches for the network."""

import socket

import pytest

from missiondesk.corpus.document import Document
from missiondesk.extract.records import Extraction, Mission, Statement, TroopCount
from missiondesk.facts import FactFrames
from missiondesk.report.factsheet import write_factsheet
from tests.report.helpers import read_sheet

IMG = '<img src="http://example.invalid/x.png">'
LONG_WORD = "Supercalifragilistic" * 15  # 300 characters, no space
LONG_QUOTE = ("The mission goes on " * 249) + "ENDOFQUOTE"  # 4,990 + 10 characters
ARABIC = "قال المتحدث إن المهمة ستستمر"
HEBREW = "הדובר אמר שהמשימה תימשך"
EMOJI = "Troops 🪖 arrive 🇺🇦 😀"


def hostile_frames() -> FactFrames:
    docs = [
        Document("a", "/corpus/<font>&weird.txt", 'Allies <b>bold</b> & "friends" <font color=red>',
                 "Zeitung & <Co>", "Zoë <i>Łukasiewicz</i>", "2021-03-01", "body"),
        Document("b", "/corpus/b.txt", f"Переговоры {IMG}", None, None, "2021-04-15", "body"),
        Document("c", "/corpus/c.txt", "Undated & unnamed", "Ha'aretz", None, None, "body"),
    ]
    op = "op-<x>&y"
    mission = Mission(op, "Operation <Tag> & Co", "NATO & <EU>", "Kosovo", "2020-01-01", None, known=False)
    counts = [
        TroopCount("c1", "a", 4000, None, "approx", "troops", "NATO", "Kosovo", op,
                   f"About 4,000 <font>troops</font> & {IMG} remain.", 0, 10),
        TroopCount("c2", "b", 4600, None, "at_least", "troops", "NATO", "Kosovo", op,
                   f"{LONG_WORD} more than 4,600", 0, 10),
        TroopCount("c3", "c", 3000, 3500, "range", "troops", "NATO", "Kosovo", op,
                   "Between 3,000 and 3,500.", 0, 10),
        TroopCount("c4", "b", 200, None, "at_most", "police", "EU & <UN>", "Kosovo", op,
                   "Up to 200 police.", 20, 30),
        TroopCount("c5", "a", 150, None, "exact", "police", "EU & <UN>", "Kosovo", op, "150 police.", 40, 50),
    ]
    statements = [
        Statement("s1", "a", "Владимир <font>Петров</font>", "Minister & <chief>", "direct", LONG_QUOTE,
                  LONG_QUOTE, "withdrawal", op, 0, 10),
        Statement("s2", "b", "Владимир <font>Петров</font>", None, "reported",
                  f"that {LONG_WORD} & {IMG} matters", "x", None, op, 20, 30),
        Statement("s3", "c", "أحمد الخطيب", None, "direct", f"{ARABIC} {HEBREW}", "x", "peace talks", op,
                  0, 10),
        Statement("s4", "a", "Zoë “Ziggy” Ødegård", None, "direct", f"{EMOJI} \x00\x07 control", "x",
                  "general", None, 60, 70),
    ]
    return FactFrames.build(docs, Extraction([mission], counts, statements))


@pytest.fixture(scope="module")
def no_network():
    """Any attempt to open a connection fails the test."""
    original = socket.socket.connect

    def refuse(self, *args, **kwargs):
        raise AssertionError(f"the fact sheet tried to open a network connection to {args}")

    socket.socket.connect = refuse
    yield
    socket.socket.connect = original


@pytest.fixture(scope="module")
def hostile_sheets(no_network, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    frames = hostile_frames()
    return {
        "corpus": read_sheet(write_factsheet(folder / "corpus.pdf", frames)),
        "mission": read_sheet(write_factsheet(folder / "mission.pdf", frames, kind="mission",
                                              mission="op-<x>&y")),
        "actor": read_sheet(write_factsheet(folder / "actor.pdf", frames, kind="actor",
                                            actor="Владимир <font>Петров</font>")),
    }


@pytest.mark.parametrize("kind", ["corpus", "mission", "actor"])
def test_markup_in_articles_arrives_as_text(hostile_sheets, kind):
    sheet = hostile_sheets[kind]
    assert len(sheet.pages) >= 1
    assert "<font>" in sheet.flat
    assert "Владимир <font>Петров</font>" in sheet.flat
    assert IMG in sheet.flat


def test_titles_outlets_and_file_names_are_text(hostile_sheets):
    flat = hostile_sheets["corpus"].flat
    assert 'Allies <b>bold</b> & "friends" <font color=red>' in flat
    assert "Zeitung & <Co>" in flat
    assert "<font>&weird.txt" in flat
    assert "Operation <Tag> & Co" in flat


def test_long_quotes_are_cut_with_an_ellipsis(hostile_sheets):
    flat = hostile_sheets["actor"].flat
    assert "The mission goes on The mission goes on" in flat
    assert "ENDOFQUOTE" not in flat
    assert "…" in flat


def test_a_300_character_word_wraps_and_survives(hostile_sheets):
    text = hostile_sheets["mission"].text.replace("\u200b", "").replace("\n", "")
    assert LONG_WORD[:200] in text


def test_unicode_names_render(hostile_sheets):
    flat = hostile_sheets["corpus"].flat
    assert "Zoë" in flat and "Ødegård" in flat and "“Ziggy”" in flat
    assert "Ha'aretz" in flat


def test_bookmarks_and_metadata_take_article_text_as_it_is(hostile_sheets):
    assert "Operation <Tag> & Co" in hostile_sheets["corpus"].outline_titles()
    assert hostile_sheets["actor"].reader.metadata.title == "Владимир <font>Петров</font>: positions and figures"


def test_every_qualifier_is_written_as_analysts_write_it(hostile_sheets):
    text = hostile_sheets["mission"].text
    for figure in ("~4,000", "≥ 4,600", "3,000–3,500", "≤ 200", "150"):
        assert figure in text, figure
