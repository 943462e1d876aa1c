"""Fact sheets of the seed corpus, read back with pypdf: figures, names, citations, sources, the
disagreement, markings, page numbers, metadata, bookmarks and embedded fonts; then reviews."""

import re

import pytest

from missiondesk.facts import FactFrames, Review
from missiondesk.report.factsheet import (
    DEFAULT_MARKING,
    FactSheetCancelled,
    FactSheetError,
    InvalidSubject,
    write_factsheet,
)
from tests.report.helpers import read_sheet

DISAGREEMENT = ("NATO troops in Afghanistan, Feb 2021: Euronews (undated) reports more than 10,000, but AFP "
                "(2021-02-17) reports 9,600; both cannot be true.")


@pytest.fixture(scope="module")
def sheets(seed_frames, tmp_path_factory):
    folder = tmp_path_factory.mktemp("sheets")
    return {
        "corpus": read_sheet(write_factsheet(folder / "corpus.pdf", seed_frames)),
        "mission": read_sheet(write_factsheet(folder / "mission.pdf", seed_frames, kind="mission",
                                              mission="resolute-support")),
        "actor": read_sheet(write_factsheet(folder / "actor.pdf", seed_frames, kind="actor",
                                            actor="Jens Stoltenberg", marking="NATO RESTRICTED - EXERCISE")),
    }


@pytest.mark.parametrize("kind", ["corpus", "mission", "actor"])
def test_every_sheet_gives_the_afghanistan_figures_and_the_disagreement(sheets, kind):
    sheet = sheets[kind]
    assert "NATO troops in Afghanistan" in sheet.flat
    for figure in ("9,600", "10,000", "≥ 10,000", "~10,000"):
        assert figure in sheet.text, figure
    assert "SOURCES DISAGREE" in sheet.text
    assert DISAGREEMENT in sheet.flat
    assert "Jens Stoltenberg" in sheet.text


@pytest.mark.parametrize("kind", ["corpus", "mission", "actor"])
def test_citations_lead_to_a_sources_list(sheets, kind):
    sheet = sheets[kind]
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", sheet.text)}
    assert cited and min(cited) == 1
    sources = sheet.flat[sheet.flat.rindex("Sources"):]
    for number in cited:
        assert f"[{number}]" in sources
    assert "AFP, 2021-02-17" in sources
    assert "Euronews, undated" in sources
    assert "002_0456c59c1de563e2.txt" in sources  # the file name, so an analyst can open the article


def test_corpus_sheet_lists_every_article_and_every_mission(sheets):
    sheet = sheets["corpus"]
    sources = sheet.flat[sheet.flat.rindex("Sources"):]
    assert all(f"[{n}]" in sources for n in range(1, 6)) and "[6]" not in sources
    for mission in ("Resolute Support Mission", "Kosovo Force", "NATO Mission Iraq"):
        assert mission in sheet.text
    assert "~4,500" in sheet.text and "500 → 4,000" in sheet.text
    assert "Caliber.az" in sheet.text


def test_mission_sheet_keeps_to_its_mission(sheets):
    sheet = sheets["mission"]
    assert "Resolute Support Mission" in sheet.pages[0]
    assert "Kosovo" not in sheet.flat.replace("Kosovo Force", "")  # no Kosovo figures
    assert "~4,500" not in sheet.text
    assert "Caliber.az" not in sheet.text  # the Kosovo article is not cited


def test_actor_sheet_gives_the_actors_positions_over_time(sheets):
    sheet = sheets["actor"]
    assert "Positions over time" in sheet.text
    assert "Although no ally wants to stay in Afghanistan" in sheet.flat
    assert "Figures in the same articles" in sheet.text


def test_markings_top_and_bottom_of_every_page_and_page_numbers(sheets):
    for kind, marking in (("corpus", DEFAULT_MARKING), ("actor", "NATO RESTRICTED - EXERCISE")):
        sheet = sheets[kind]
        for number, text in enumerate(sheet.pages, start=1):
            assert text.count(marking) == 2, (kind, number)
            # the total is a small form drawn after the page's text, so extractors may put a break before it
            assert re.search(rf"Page {number} of\s*{len(sheet.pages)}\b", text), (kind, number)
    assert "Page 1 of" in sheets["mission"].pages[0]


def test_header_band_names_generation_date_and_article_span(sheets):
    first = sheets["corpus"].pages[0]
    assert re.search(r"Generated \d{4}-\d\d-\d\d \d\d:\d\d UTC", first)
    assert "Articles 2021-02-17 to 2026-02-19 (2 undated)" in first


def test_metadata(sheets):
    corpus = sheets["corpus"].reader.metadata
    assert corpus.title == "Military missions: troop counts and positions"
    assert corpus.creator == "MissionDesk"
    assert corpus.author and corpus.subject
    assert "Resolute Support Mission" in sheets["mission"].reader.metadata.title
    assert "Jens Stoltenberg" in sheets["actor"].reader.metadata.title


def test_bookmarks_for_each_section(sheets):
    corpus = sheets["corpus"].outline_titles()
    for title in ("Summary", "Resolute Support Mission", "Key figures", "Positions by actor", "Timeline",
                  "Sources"):
        assert title in corpus
    assert {"Summary", "Positions over time", "Timeline", "Sources"} <= set(sheets["actor"].outline_titles())


@pytest.mark.parametrize("kind", ["corpus", "mission", "actor"])
def test_every_font_is_embedded(sheets, kind):
    fonts = sheets[kind].fonts()
    assert fonts and any("DejaVuSans" in name for name in fonts)
    for name, font in fonts.items():
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{name} is not embedded"


def _count(extraction, value):
    return next(c for c in extraction.troop_counts if c.value == value)


def test_a_rejected_count_is_left_out(seed_corpus, tmp_path):
    documents, extraction = seed_corpus
    count = _count(extraction, 9600)
    frames = FactFrames.build(documents, extraction,
                              [Review(count.document, "count", count.start, count.end, "rejected")])
    sheet = read_sheet(write_factsheet(tmp_path / "rejected.pdf", frames))
    assert "9,600" not in sheet.text
    assert "SOURCES DISAGREE" not in sheet.text  # the rest agree once it is gone
    assert "≥ 10,000" in sheet.text


def test_an_edited_count_shows_its_edited_value(seed_corpus, tmp_path):
    documents, extraction = seed_corpus
    count = _count(extraction, 9600)
    edit = Review(count.document, "count", count.start, count.end, "edited", {"value": 9700})
    frames = FactFrames.build(documents, extraction, [edit])
    sheet = read_sheet(write_factsheet(tmp_path / "edited.pdf", frames))
    assert "9,700" in sheet.text
    assert "AFP (2021-02-17) reports 9,700" in sheet.flat
    assert "✎" in sheet.text  # marked as edited by an analyst


def test_accepted_only_drops_unreviewed_facts(seed_corpus, tmp_path):
    documents, extraction = seed_corpus
    count = _count(extraction, 9600)
    quote = next(s for s in extraction.statements if s.content.startswith("Although no ally wants"))
    reviews = [Review(count.document, "count", count.start, count.end, "accepted"),
               Review(quote.document, "statement", quote.start, quote.end, "accepted")]
    frames = FactFrames.build(documents, extraction, reviews, accepted_only=True)
    sheet = read_sheet(write_factsheet(tmp_path / "accepted.pdf", frames))
    assert "9,600" in sheet.text and "Although no ally wants" in sheet.flat
    assert "10,000" not in sheet.text and "2,500" not in sheet.text
    body = sheet.flat[:sheet.flat.rindex("Sources")]
    assert "Taliban" not in body.replace("the Taliban", "")  # no other actor's statements
    assert "1 count on 1 question" in body
    sources = sheet.flat[sheet.flat.rindex("Sources"):]
    assert "not cited in this sheet (4 articles)" in sources  # every article read is listed


def test_unknown_mission_or_actor_says_what_exists(seed_frames, tmp_path):
    with pytest.raises(InvalidSubject, match="resolute-support"):
        write_factsheet(tmp_path / "x.pdf", seed_frames, kind="mission", mission="no-such-mission")
    with pytest.raises(InvalidSubject, match="Jens Stoltenberg"):
        write_factsheet(tmp_path / "x.pdf", seed_frames, kind="actor", actor="Nobody At All")
    with pytest.raises(InvalidSubject, match="kind"):
        write_factsheet(tmp_path / "x.pdf", seed_frames, kind="weekly")
    assert not list(tmp_path.iterdir())


def test_no_facts_is_an_error_a_person_can_act_on(seed_corpus, tmp_path):
    documents, extraction = seed_corpus
    frames = FactFrames.build(documents, extraction, accepted_only=True)  # nothing reviewed yet
    with pytest.raises(FactSheetError, match="nothing to put in a fact sheet"):
        write_factsheet(tmp_path / "empty.pdf", frames)
    assert not list(tmp_path.iterdir())


def test_progress_reaches_the_end_and_cancel_leaves_nothing(seed_frames, tmp_path):
    seen = []
    write_factsheet(tmp_path / "p.pdf", seed_frames, progress=lambda d, t, text: seen.append((d, t, text)))
    assert seen[-1][:2] == (100, 100)
    assert [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)

    existing = tmp_path / "keep.pdf"
    existing.write_bytes(b"%PDF-1.4 the analyst's earlier sheet")
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 20  # part way through laying out pages

    with pytest.raises(FactSheetCancelled):
        write_factsheet(existing, seed_frames, cancelled=cancelled)
    assert existing.read_bytes() == b"%PDF-1.4 the analyst's earlier sheet"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.pdf", "p.pdf"]


@pytest.mark.parametrize("asked", ["jens stoltenberg", "Stoltenberg", "Mr Stoltenberg", "the NATO secretary general"])
def test_an_actor_sheet_takes_any_name_the_articles_use(seed_frames, tmp_path, asked):
    from missiondesk.report.factsheet_scope import select

    scope = select(seed_frames, "actor", None, asked, None)
    assert scope.actor == "Jens Stoltenberg"


def test_a_surname_two_actors_share_is_not_guessed(seed_frames):
    from missiondesk.report.factsheet_scope import _actor_named

    ranked = ["Jens Stoltenberg", "Anna Stoltenberg"]
    assert _actor_named(seed_frames.statements, ranked, "Stoltenberg") is None
