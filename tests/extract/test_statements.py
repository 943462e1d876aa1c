"""Statements on passages written for these tests (tests/extract/cases/statements.jsonl): every quoting and
reporting form, speakers with titles, pronouns, surnames, anonymous sources, broken quote marks."""

import pytest

from tests.extract.helpers import case_params, extract_text, load_cases
from tests.extract.statement_eval import corpus_figures, judge

CASES = load_cases("statements.jsonl")

KNOWN_MISSES = {
    "p1-curly-zelensky-delay": "a quote and a reported request in one sentence give one direct statement",
    "p1-single-healey-bbc": "the speaker in apposition after 'the defence secretary' is not found",
    "p2-split-fidan-adding": "the quote after 'adding that' joins the reported statement",
    "p2-split-question-asked": "the parser splits 'Lt. Cmdr. Ana Petrescu' into sentences",
    "p5-multiparagraph-three-lacroix": "'the head of UN peacekeeping' is not in the office-holder list",
    "p8-two-people-briefed": "'one of them' is not resolved to the group named before",
    "p10-they-ministers-vs-kallas": "a decision ('agreed to') is kept as a position, as the seed gold does",
    "p12-single-unclosed-apostrophes": "an unclosed British single quote before 'said X'",
    "p12-unclosed-at-end": "a quote that never closes at the end of the text",
    "t13-what-he-called": "'what he called \"...\"' is taken as a direct quote",
}


def _params() -> list:
    return case_params(CASES, KNOWN_MISSES)


@pytest.mark.parametrize("case", _params())
def test_statements_in_passage(case):
    verdict = judge(case)
    wrong = [(r["want"]["actor"], r["want"]["kind"], r["got"]) for r in verdict["results"]
             if not (r["attributed"] and r["kind_ok"])]
    assert wrong == [] and verdict["false_hits"] == []


def test_corpus_figures_hold():
    figures = corpus_figures(CASES)
    assert figures["statements"] >= 200
    assert figures["recall"] >= 0.95 and figures["precision"] >= 0.98
    assert figures["attributed_f1"] >= 0.95


def test_pronoun_and_surname_resolve_to_the_full_name():
    result = extract_text("German Defence Minister Boris Pistorius visited Rukla on Monday. He said the brigade "
                          "would be ready by 2027. \"We are here to stay,\" Pistorius told soldiers.")
    assert [(s.actor, s.kind) for s in result.statements] == [("Boris Pistorius", "reported"),
                                                               ("Boris Pistorius", "direct")]
    assert result.statements[0].actor_role is None or "Minister" in (result.statements[0].actor_role or "")


def test_role_is_kept_apart_from_the_name():
    (said,) = extract_text("Pentagon press secretary Pat Ryder said the carrier would stay in the region.").statements
    assert said.actor == "Pat Ryder" and said.actor_role == "Pentagon press secretary"


def test_the_statement_and_the_official_refer_back():
    text = ("The Taliban warned NATO in a statement on Saturday against any extension. \"Anyone seeking war will be "
            "held liable,\" the statement said. A senior US official said talks would continue. \"All options "
            "remain open,\" added the official.")
    actors = [s.actor for s in extract_text(text).statements]
    assert actors == ["Taliban", "Taliban", "senior US official", "senior US official"]


def test_group_and_its_officials_are_one_actor():
    text = "Taliban officials argued that they had met the terms of the deal."
    assert [s.actor for s in extract_text(text).statements] == ["Taliban"]


def test_unbalanced_quotes_do_not_swallow_the_article():
    text = ("\"We will not leave, the commander said on Monday.\n\n"
            "Ministers met in Brussels. The Dutch minister said the mission would be extended by a year.")
    statements = extract_text(text).statements
    assert any(s.kind == "reported" and "extended by a year" in s.content for s in statements)
    assert all("Ministers met" not in s.content for s in statements)


def test_content_span_points_into_the_body():
    text = "Officials met on Monday. \"The border stays closed,\" a Polish diplomat said."
    (said,) = extract_text(text).statements
    assert text[said.start:said.end] == said.sentence and said.content == "The border stays closed"
