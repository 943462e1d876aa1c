"""Article text made of what news holds and what it should not (figures of any size and form, forces, places,
quotes and speakers, markup, control characters, right-to-left and emoji) goes through reading, extraction,
comparison and every export without an exception. 20 examples in `make test`, 2,000 under `make soak`."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from missiondesk.corpus.decode import decode_text
from missiondesk.corpus.document import UnreadableFile
from missiondesk.corpus.loader import build_document, document_id
from missiondesk.corpus.readers import RawArticle
from missiondesk.extract.numbers import MAX_FORCE
from missiondesk.extract.pipeline import extract_each, merge
from missiondesk.facts import FactFrames
from tests.reliability.conftest import SOAK
from tests.reliability.exports import export_everything

NOISE = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
FIGURES = st.one_of(
    st.integers(0, 10**40).map(str),
    st.integers(0, 10**12).map("{:,}".format),
    st.integers(0, 10**9).map(lambda n: f"{n:,}".replace(",", " ")),
    st.integers(0, 10**9).map(lambda n: f"{n:,}".replace(",", ".")),
    st.floats(0, 1e40, allow_nan=False).map(lambda x: f"{x:.1f}"),
    st.sampled_from(["a dozen", "one thousand", "ninety-nine million", "1.2 million", "-5", "10^30", "1e30",
                     "9,600-strong", "between 3,000 and 5,000", "from 500 to 4,000", "0", "½", "٣٠٠٠", "2.5"]),
)
FORCES = st.one_of(st.sampled_from(["NATO", "UN", "US", "British", "French", "Turkish", "EU", "the alliance's",
                                    "Russian", "KFOR", "UNIFIL", "coalition"]), NOISE)
UNITS = st.one_of(st.sampled_from(["troops", "soldiers", "peacekeepers", "personnel", "police", "civilians",
                                   "marines", "dead", "members"]), NOISE)
PLACES = st.one_of(st.sampled_from(["Kosovo", "Iraq", "Afghanistan", "Lebanon", "Mali", "Darfur", "Qatar",
                                    "the Sinai", "south Lebanon"]), NOISE)
SPEAKERS = st.one_of(st.sampled_from(["Jens Stoltenberg", "NATO Secretary General Jens Stoltenberg",
                                      "the spokesperson", "he", "she", "Mr Stoltenberg", "officials",
                                      "the minister"]), NOISE)
MARKUP = st.sampled_from(["<b>", "</font>", "&amp;", "<script>alert(1)</script>", "\x00", "\x07", "\u202e",
                          "🪖", "\ufeff", "\r", "\t", "“", "”", "\"", "'", "—", "\u200b", "&#x27;", "%s", "{0}"])
SENTENCES = st.one_of(
    st.builds("{} will keep about {} {} {} in {}, officials said.".format, FORCES, FIGURES, FORCES, UNITS, PLACES),
    st.builds("Some {} {} remain in {} after {}.".format, FIGURES, UNITS, PLACES, FIGURES),
    st.builds("\"{} {}\", {} said on Tuesday.".format, NOISE, FIGURES, SPEAKERS),
    st.builds("{} said the mission in {} would end with {} {}.".format, SPEAKERS, PLACES, FIGURES, UNITS),
    st.builds("{}{}{}".format, MARKUP, NOISE, MARKUP),
    NOISE,
)
PARAGRAPHS = st.lists(SENTENCES, min_size=1, max_size=4).map(" ".join)
ARTICLES = st.builds(
    lambda title, byline, date, paragraphs: "\n\n".join([title, f"By {byline}", date, *paragraphs]),
    NOISE, SPEAKERS, st.sampled_from(["12 March 2024", "March 12, 2024", "2024-03-12", "", "32 Foo 99999"]),
    st.lists(PARAGRAPHS, min_size=1, max_size=5))

EXAMPLES = 2000 if SOAK else 20


def _document(n: int, text: str):
    data = text.encode("utf-8")
    try:
        return build_document(document_id(data) + str(n), f"fuzz/{n}.txt", RawArticle(decode_text(data), "txt"))
    except UnreadableFile:
        return None


@settings(max_examples=EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(ARTICLES, min_size=1, max_size=3))
def test_any_article_text_extracts_compares_and_exports(articles):
    documents = [d for d in (_document(n, text) for n, text in enumerate(articles)) if d is not None]
    facts = extract_each(documents)
    assert [f.error for f in facts if f.error] == []  # a rule that breaks on the text is a bug, not an answer
    extraction = merge(facts)
    bodies = {d.id: d.body for d in documents}
    for count in extraction.troop_counts:
        assert 0 <= count.start < count.end <= len(bodies[count.document])
        assert count.value <= MAX_FORCE and (count.value_to or 0) <= MAX_FORCE
    frames = FactFrames.build(documents, extraction)
    with tempfile.TemporaryDirectory() as folder:
        for path in export_everything(frames, Path(folder), sheets=1):
            if path.suffix == ".pdf":
                assert path.read_bytes()[:5] == b"%PDF-"
