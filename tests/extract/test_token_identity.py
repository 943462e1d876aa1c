"""Rules that ask whether two tokens are the same one compare their positions: spaCy makes a new Token object
on every access, so `a is b` was always false (a relative clause stayed in a speaker's description, a verb's
root was walked past, 'of whom ... are Ugandan' never applied)."""

import pytest

from missiondesk.extract.model import load_model
from missiondesk.extract.roles import _verb_chain
from tests.extract.helpers import extract_text


def test_the_verb_chain_stops_at_the_root():
    doc = next(load_model().pipe(["Officials said the alliance would send 300 more troops to the region."]))
    troops = next(t for t in doc if t.text == "troops")
    chain = [v.text for v in _verb_chain(troops)]
    assert chain == ["send", "said"]  # not "said" again and again up to the limit


@pytest.mark.parametrize("text, speaker", [
    ("A senior police officer who asked not to be named said the first patrols would begin within days.",
     "senior police officer"),
    ("A diplomat in Brussels who follows the talks said the most likely outcome was a slow drawdown.",
     "diplomat in Brussels"),
])
def test_a_relative_clause_is_not_part_of_the_speaker(text, speaker):
    statements = extract_text(text).statements
    assert [s.actor for s in statements] == [speaker]
    assert "not to be named" not in statements[0].content


@pytest.mark.parametrize("text, whose", [
    ("Under the plan, some 2,000 UN peacekeepers will leave South Kivu by the end of April.", "United Nations"),
    ("About 1,500 German soldiers will reinforce Lithuania next year, the ministry said.", "Germany"),
])
def test_a_place_the_troops_go_to_is_not_whose_they_are(text, whose):
    counts = extract_text(text).troop_counts
    assert [(c.value, c.whose) for c in counts][:1] == [(counts[0].value, whose)]
