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


@pytest.mark.parametrize("text, expected", [
    ("Under the plan, some 2,000 UN peacekeepers will leave South Kivu by the end of April.",
     [("United Nations", "Democratic Republic of the Congo")]),
    ("About 1,500 German soldiers will reinforce Lithuania next year, the ministry said.", [("Germany", "Lithuania")]),
    ("About 1,200 soldiers make up Germany's contingent in Lithuania.", [("Germany", "Lithuania")]),
    ("Some 500 soldiers were deployed by Paris to Chad.", [("France", "Chad")]),
    ("About 1,000 troops serve with Moscow's forces in Syria.", [("Russia", "Syria")]),
    # a number with what it is right after it: a nationality is whose they are, a place is where they are
    ("Britain has 900 troops in Estonia. Some 200 are in Latvia.",
     [("United Kingdom", "Estonia"), ("United Kingdom", "Latvia")]),
    ("The US has about 2,500 troops in Iraq, of whom 900 are in Syria.",
     [("United States", "Iraq"), ("United States", "Syria")]),
    ("The African Union force has 18,000 troops in Somalia, of whom 3,500 are Ugandan.",
     [("African Union", "Somalia"), ("Uganda", "Somalia")]),
    ("NATO has 4,000 troops in Kosovo; some 450 are Americans.", [("NATO", "Kosovo"), ("United States", "Kosovo")]),
])
def test_whose_and_where_from_the_troops_own_clause(text, expected):
    assert [(c.whose, c.where) for c in extract_text(text).troop_counts] == expected


@pytest.mark.parametrize("text, statements", [
    ("A senior officer, who asked to remain anonymous, said the base would close.",
     [("senior officer", "the base would close")]),
    ("Kenya has asked to be named lead nation of the new mission, the foreign ministry said.",
     [("Kenyan Ministry of Foreign Affairs", "Kenya has asked to be named lead nation of the new mission")]),
    # a participle phrase says who the speaker is: it stays in the description
    ("A Ghanaian officer serving with UNIFIL said the patrols would continue.",
     [("Ghanaian officer serving with UNIFIL", "the patrols would continue")]),
])
def test_anonymity_and_speaker_descriptions(text, statements):
    assert [(s.actor, s.content) for s in extract_text(text).statements] == statements


def test_a_verb_of_saying_as_the_articles_last_word():
    from missiondesk.corpus.document import Document
    from missiondesk.extract import pipeline

    text = "NATO Secretary General Jens Stoltenberg said the troops would stay. They will call"
    facts, = pipeline.extract_each([Document("t", "t.txt", "", None, None, None, text)], workers=1)
    assert facts.error is None
    assert [s.actor for s in facts.statements] == ["Jens Stoltenberg"]
