"""The furniture patterns searched through AnyOf answer as one case-blind regex of them all does."""

import re
import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from missiondesk.corpus.lines import AnyOf, _top_level_alternation
from missiondesk.paths import resource

with open(resource("boilerplate.toml"), "rb") as fh:
    DATA = tomllib.load(fh)

PIECES = ["Share this", "SHARE", "shares", "share of", "Tweet", "E-mail", "Email article", "Print", "Comments (12)",
          "Menu", "Home", "Views: 1,204", "1.2k shares", "© 2025", "(c) AP", "Sign up", "LOG IN", "3 min read",
          "5 hours ago", "Next article", "Watch live:", "A+", "troops", "said", "the", "Kosovo", " ", ". ", "|", "x",
          "PRİVACY POLİCY", "COOKİES", "LİNKEDİN", "Sİgn up", "Subſcribe", "lınkedin", "Straße", "ΣΗΜΕΡΑ", "K", "ǅ"]


def _stock(key: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in DATA[key]), re.I)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=4), min_size=1, max_size=6).map(" ".join))
def test_any_of_answers_as_one_case_blind_regex(text):
    for key in ("furniture", "furniture_strong"):
        assert AnyOf(DATA[key]).search(text) == bool(_stock(key).search(text)), (key, text)


def test_lines_with_letters_that_lower_case_changes_answer_as_the_regex_does():
    furniture = AnyOf(DATA["furniture"])
    for text in ("PRİVACY POLİCY", "COOKİES", "Subſcribe", "lınkedin"):
        assert furniture.search(text) == bool(_stock("furniture").search(text)) is True, text


def test_only_a_pattern_anchored_as_a_whole_is_tried_at_the_start_alone():
    either = AnyOf(["^menu|tweet"])
    assert either.search("Please tweet this") and either.search("Menu")
    anchored = AnyOf(["^(menu|home)$", "share"])
    assert anchored.search("HOME") and not anchored.search("go home") and anchored.search("please share")
    assert _top_level_alternation("^a|b") and not _top_level_alternation("^(a|b)")
    assert not _top_level_alternation(r"^\|x") and not _top_level_alternation("^[|]x")
