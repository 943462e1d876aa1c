"""Statements on passages written for these tests (tests/extract/cases/statements.jsonl): every quoting and
reporting form, speakers with titles, pronouns, surnames, anonymous sources, broken quote marks."""

import pytest

from tests.extract.helpers import case_params, extract_text, load_cases
from tests.extract.statement_eval import corpus_figures, judge

CASES = load_cases("statements.jsonl")

KNOWN_MISSES = {
    "p1-curly-zelensky-delay": "a quote and a reported request in one sentence give one direct statement",
    "p2-split-fidan-adding": "the quote after 'adding that' joins the reported statement",
    "p5-multiparagraph-three-lacroix": "'the head of UN peacekeeping' is not in the office-holder list",
    "p8-two-people-briefed": "'one of them' is not resolved to the group named before",
    "p10-they-ministers-vs-kallas": "a decision ('agreed to') is kept as a position, as the seed gold does",
    "p12-single-unclosed-apostrophes": "an unclosed British single quote before 'said X'",
    "p12-unclosed-at-end": "a quote that never closes at the end of the text",
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


def test_a_closing_mark_glued_to_the_word_it_opens_on_opens_a_quote():
    """'said:”The troops ...,” he said': the colon and the mark are words of their own, the quote is one."""
    from missiondesk.extract.quotes import find_quotes

    text = "Maj Gen Peter Mugisha said:”The deploying troops are ready,” he said."
    (quote,) = find_quotes(text)
    assert quote.text(text) == "The deploying troops are ready" and quote.closed


def test_content_span_points_into_the_body():
    text = "Officials met on Monday. \"The border stays closed,\" a Polish diplomat said."
    (said,) = extract_text(text).statements
    assert text[said.start:said.end] == said.sentence and said.content == "The border stays closed"


# -- speaker resolution (issue 17): passages made up for these tests, one English pattern each ----------------

def _actors(text: str) -> list[str]:
    return [s.actor for s in extract_text(text).statements]


def test_the_reported_speaker_not_the_agency_that_reports():
    assert _actors("However, The Evening Times reported that two Defense Department sources insisted that no "
                   "troops had left.") == ["US Department of Defense (unnamed official)"]
    text = "The defence minister said the convoy had crossed the border, a news agency reported."
    assert _actors(text) == ["defence minister"]


def test_an_agency_with_no_one_else_speaking_is_the_speaker():
    (actor,) = _actors("The Anadolu news agency reported that a convoy of ten vehicles had left the camp.")
    assert "Anadolu" in actor


def test_a_correspondent_and_the_group_he_reports_both_speak():
    actors = _actors("Radio correspondent Tom Hale says the rebels have promised a wave of attacks on the convoy.")
    assert sorted(actors) == ["Tom Hale", "rebels"]


def test_the_name_in_apposition_not_the_title():
    (said,) = extract_text("Chad's interior minister, Ali Mahamat, noted that the camp was empty.").statements
    assert said.actor == "Ali Mahamat" and said.actor_role == "Chad's interior minister"
    (said,) = extract_text("\"The first soldiers arrive this month,\" said the UK's Ambassador to Latvia Ross Hale on "
                           "Friday.").statements
    assert said.actor == "Ross Hale"


def test_a_spokesman_for_a_named_person_is_not_that_person():
    assert _actors("A spokesman for President Ali Mahamat said the talks had ended.") != ["Ali Mahamat"]


def test_a_title_alone_refers_to_the_person_named_with_it():
    text = ("Interior Cabinet Secretary Ruto Kamau praised the police officers. Asked why, the CS compared the "
            "mission to a calling, asserting that the country was ready. \"We are ready,\" the CS stated.")
    assert _actors(text) == ["Ruto Kamau"] * 3
    text = "Alliance Secretary General Jan Peeters visited Kabul on Monday. The secretary general later said the " \
           "mission would continue."
    assert _actors(text) == ["Jan Peeters"]


def test_a_title_refers_to_the_last_speaker_described_by_it():
    text = ("Tom Baker, spokesperson for the Secretary-General, told reporters that two soldiers were hurt. A "
            "spokesperson for the army said troops had fired. The spokesperson said the case was under review.")
    actors = _actors(text)
    assert actors[0] == "Tom Baker" and actors[1] == actors[2] == "spokesperson for the army"


def test_a_pronoun_prefers_the_subject_to_a_person_named_as_object():
    text = ("\"The mission is not over,\" Le Drian told TV5's Marc Dubois. \"After that we may be able to leave,\" "
            "he said.")
    assert _actors(text) == ["Le Drian", "Le Drian"]
    text = "Marc Dubois met Le Drian in Gao. Dubois concurred that it was too early. \"It would be wrong,\" he said."
    assert _actors(text) == ["Marc Dubois", "Marc Dubois"]


def test_a_person_named_inside_a_quote_is_not_the_next_he():
    text = ("Prime Minister Gordon Hale visited Basra. He told the troops: \"I have just talked to prime minister "
            "Karim Saleh and he thanks you.\" He said the venture had worked and added that the army was proud.")
    assert set(_actors(text)) == {"Gordon Hale"}


def test_nationality_is_kept_on_bodies_and_two_countries_stay_two():
    text = ("The Georgian Defence Ministry said the convoy had crossed the border. The Polish Defence Ministry "
            "said its troops were ready. Russia's defense ministry said the drills had begun. The ministry added "
            "that the border was calm.")
    assert _actors(text) == ["Georgian Ministry of Defence", "Polish Ministry of National Defence",
                             "Russian Ministry of Defence", "Russian Ministry of Defence"]
    assert _actors("The Afghan government has repeatedly urged the alliance to expand the force.") == [
        "Government of Afghanistan"]


def test_a_ministry_goes_by_its_own_english_name():
    text = ("South Korea's defense ministry said the unit would return in May. The ministry added that no soldier "
            "was hurt. The Canadian defence ministry said 450 troops would stay. India's external affairs ministry "
            "said the talks went well. The Romanian Defence Ministry said the brigade would leave.")
    assert _actors(text) == ["South Korean Ministry of National Defense", "South Korean Ministry of National Defense",
                             "Canadian Department of National Defence", "Indian Ministry of External Affairs",
                             "Romanian Ministry of National Defence"]
    # a country the table does not list keeps the common form; a field it does not list too
    assert _actors("The Bulgarian defence ministry said 150 soldiers had arrived. The Polish interior ministry "
                   "said the border was calm.") == ["Bulgarian Ministry of Defence", "Polish Ministry of Interior"]


def test_a_renamed_ministry_has_the_name_of_the_articles_day():
    text = "The French defence ministry said the paratroopers had landed."
    assert [s.actor for s in extract_text(text, published="2022-03-01").statements] == [
        "French Ministry of the Armed Forces"]
    assert [s.actor for s in extract_text(text, published="2013-01-15").statements] == ["French Ministry of Defence"]


def test_a_bare_ministry_after_a_department_is_that_department():
    text = ("The Canadian defence ministry said the tanks would follow. The ministry added that the troops were "
            "ready.")
    assert _actors(text) == ["Canadian Department of National Defence"] * 2


def test_a_title_set_off_before_the_name_is_its_role_and_later_stands_for_it():
    fiji = ("Commander of the Republic of Fiji Military Forces, Rear Admiral Jone Kali says the soldiers will be "
            "quarantined. The RFMF Commander says another 60 peacekeepers will be deployed. The RFMF has confirmed "
            "that deployments will continue.")
    assert _actors(fiji) == ["Jone Kali", "Jone Kali", "RFMF"]  # the force alone is the body, not its commander
    kenya = ("Kenya will send 4,000 soldiers to Somalia, the country's Chief of Defence Forces, General Peter "
             "Mwangi has said. The military chief said the pursuit would continue.")
    assert _actors(kenya) == ["Peter Mwangi"] * 2
    spain = ("The Minister of Defence, Ana Ruiz, assured her counterpart in Beirut that Spain would stay. Regarding "
             "this matter, the Minister of Defense stated that Spain would keep its support.")
    assert _actors(spain) == ["Ana Ruiz"] * 2
    # a place before the comma is no title; nor a clause
    assert "Peter Mwangi" not in _actors("The troops reached Gao and Mopti, General Peter Mwangi said. The chief "
                                         "of staff said they were ready.")[1:]


def test_a_ministry_no_country_named_is_the_story_countrys_though_indefinite():
    text = ("Poland will send 1,000 soldiers to Afghanistan, a defence ministry communique said. The cost will be "
            "covered by Poland, the communique said. The Defence Ministry said the troops would leave in May.")
    got = extract_text(text, published="2006-09-12", title="Poland to send 1,000 troops to Afghanistan").statements
    assert [s.actor for s in got] == ["Polish Ministry of National Defence"] * 3


def test_people_who_spoke_together_are_the_ministers_after():
    text = ("Defence Minister Karl Weber and Foreign Minister Hans Roth said the withdrawal would be gradual. The "
            "ministers said the cabinet would decide by the end of the month.")
    got = extract_text(text).statements
    assert sorted(s.actor for s in got if s.content.startswith("the cabinet")) == ["Hans Roth", "Karl Weber"]
    # a noun that fits neither role is someone else
    text = ("Defence Minister Karl Weber and Foreign Minister Hans Roth said the withdrawal would be gradual. The "
            "generals said the cabinet would decide by the end of the month.")
    got = extract_text(text).statements
    assert [s.actor for s in got if s.content.startswith("the cabinet")] == ["generals"]


def test_a_given_name_alone_is_the_one_person_named_with_it():
    text = ("Deputy Defence Minister Adly Rahman said the group left on Monday. According to Adly, the contingent "
            "trained for a month.")
    assert _actors(text) == ["Adly Rahman"] * 2
    # two people share the given name: neither
    text = ("Defence Minister John Smith said the group left. General John Brown said they were ready. According "
            "to John, the contingent trained.")
    assert _actors(text)[-1] == "John"


def test_feelings_expressed_are_statements():
    text = ("The army commander, Peter Banda, has expressed happiness with the conduct of the troops. Defence "
            "Minister Joseph Mwale expressed pride in the soldiers. He expressed the parcel to Lusaka.")
    assert _actors(text) == ["Peter Banda", "Joseph Mwale"]


def test_a_surname_that_is_also_a_city_is_the_person():
    text = ("Chile will send 270 servicemen to Haiti, Chilean President Ricardo Lagos announced Monday. Mr. Lagos "
            "said the decision followed the resignation. \"Chile has agreed to take part,\" Lagos said. Troops flew "
            "from Lagos on Monday, the army said.")
    assert _actors(text) == ["Ricardo Lagos"] * 3 + ["army"]


@pytest.mark.parametrize("text, actor", [
    ("The Saudi Government said it had answered a call for help.", "Government of Saudi Arabia"),
    ("The Government of Mali said the troops would stay.", "Government of Mali"),
    ("The Ministry of Defense of the Russian Federation said 100 flights were made.", "Russian Ministry of Defence"),
    ("The Ministry of Foreign Affairs of Kazakhstan said the troops would stay.",
     "Kazakh Ministry of Foreign Affairs"),
    ("Kazakhstan will send 139 peacekeepers. The country's defense ministry said the troops were ready.",
     "Kazakh Ministry of Defence"),
])
def test_a_body_named_with_its_country_in_any_order(text, actor):
    assert _actors(text)[-1:] == [actor]


def test_as_the_speaker_said_attributes_the_clause_it_hangs_on():
    text = ("Defence Minister Ruslan Omarov spoke on Monday. As the minister said, the contingent trained for months. "
            "As Omarov noted, the troops are ready.")
    got = extract_text(text).statements
    assert [(s.actor, s.content) for s in got] == [("Ruslan Omarov", "the contingent trained for months"),
                                                   ("Ruslan Omarov", "the troops are ready")]


def test_a_ministry_no_country_named_is_the_one_of_the_country_its_sentence_opens_on():
    assert _actors("France is to reduce its contingent in Lebanon by 400, the foreign ministry said.") == [
        "French Ministry of Foreign Affairs"]
    # a country named only after it, or none in its sentence: no country is guessed
    assert _actors("The Ministry of National Defense said its unit will sail to the Strait of Hormuz near "
                   "Oman.") == ["Ministry of National Defense"]


def test_the_countrys_office_is_held_by_the_one_the_office_list_knows_for_that_country():
    text = ("France will reconsider its military strategy in the Sahel, the country's defence minister said on "
            "Tuesday. The French minister said the Takuba force would grow.")
    got = extract_text(text, title="France to cut Barkhane force", published="2021-01-20").statements
    assert [s.actor for s in got] == ["Florence Parly"] * 2


def test_an_official_of_a_body_named_by_a_clause_is_that_bodys():
    assert _actors("A spokesperson for the mission known as MINUSMA said Sweden plays an important role.") == [
        "MINUSMA (unnamed official)"]


def test_a_councils_bare_decision_is_no_statement_but_its_words_are():
    text = ("The Dutch Council of Ministers agreed on Friday to send up to 150 extra soldiers to Erbil. The council "
            "agreed that the mission was vital.")
    assert [s.content for s in extract_text(text).statements] == ["that the mission was vital"]


def test_noted_with_an_object_is_a_statement():
    text = "Defence Minister Anne Roy noted the major successes of the force last year."
    assert [(s.actor, s.content) for s in extract_text(text).statements] == [
        ("Anne Roy", "the major successes of the force")]


@pytest.mark.parametrize("text, said", [
    # the object of "according to" itself, not one inside its title
    ("According to Deputy Minister of Defence Nguyen Van Minh, the hospital was set up in 2017.",
     [("Nguyen Van Minh", "the hospital was set up in 2017")]),
    # a rank names its holder later
    ("Col. Brian Drake, the brigade commander, said the unit was ready. The colonel also said the brigade is "
     "always ready.", [("Brian Drake", "the unit was ready"), ("Brian Drake", "the brigade is always ready")]),
    # an announcement, like a statement, is its issuer's
    ("The Pentagon announced on Friday that 3,000 paratroopers will deploy. The announcement said 700 other "
     "soldiers also will be deployed.", [("US Department of Defense", "on Friday that 3,000 paratroopers will "
                                          "deploy"), ("US Department of Defense", "700 other soldiers also will "
                                                      "be deployed")]),
    # its own figures: the clause's subject speaks
    ("MINUSMA had about 12,000 troops in Mali in late 2021, according to its website.",
     [("MINUSMA", "MINUSMA had about 12,000 troops in Mali in late 2021")]),
    # a name before a description the parse took for a clause
    ("Major Jane Roe, officer commanding 60 squadron, said the trucks had left.",
     [("Jane Roe", "the trucks had left")]),
])
def test_speakers_the_parse_hides(text, said):
    assert [(s.actor, s.content.strip(" ,")) for s in extract_text(text).statements] == said


def test_the_communique_is_the_one_whose_communique_spoke_before():
    text = ("Poland will send 1,000 soldiers to Afghanistan, a defence ministry communique said. Poland leads a "
            "division in Iraq. The cost will be covered by Poland, the communique said.")
    assert _actors(text) == ["Polish Ministry of National Defence"] * 2


def test_an_office_in_the_opening_sentence_is_the_person_named_next():
    text = ("Poland will withdraw its 1,700 soldiers from Iraq, the defense minister said Tuesday. Jerzy Kowalski "
            "said it would take a few weeks for the troops to return.")
    assert _actors(text) == ["Jerzy Kowalski"] * 2
    # the next speaker has a title of their own: another person
    text = ("Poland will withdraw its 1,700 soldiers from Iraq, the defense minister said Tuesday. President Anna "
            "Nowak said it would take a few weeks.")
    assert _actors(text) == ["defense minister", "Anna Nowak"]


def test_alluding_is_speech_and_a_court_judging_a_case_is_not():
    assert _actors("Defence Minister Jan Roe alluded to the availability of 500 peacekeepers from Liberia.") == [
        "Jan Roe"]
    assert _actors("The court will judge the case next week.") == []


@pytest.mark.parametrize("text, actors", [
    ("Two Iraqi officials confirmed that the withdrawal had begun. The Iraqi officials said the process was slow.",
     ["Government of Iraq (unnamed official)"] * 2),
    ("A senior Qatari official said the soldiers were safe.", ["Government of Qatar (unnamed official)"]),
    # the one named before: "the Iraqi official" is him
    ("Iraq's military spokesman Yehia Rasool said the troops would stay. The Iraqi official said the advisers "
     "would remain.", ["Yehia Rasool"] * 2),
    # US officials stay a source of their own; diplomats and sources are no government's officials
    ("US officials said the plan was ready.", ["US officials"]),
    ("An Egyptian diplomat said the plan was ready.", ["Egyptian diplomat"]),
])
def test_a_nations_unnamed_officials_are_its_governments(text, actors):
    assert _actors(text) == actors


@pytest.mark.parametrize("text, actors", [
    # an office's initials with its "of" ("the COAS": Chief of Army Staff)
    ("The Chief of Army Staff, Lt. Gen. Musa Bello, said the troops were ready. The COAS added that the officers "
     "would leave in May.", ["Musa Bello"] * 2),
    # a force's name after a title word is no person: "he" later is the minister
    ("Defense and Security Minister, Kagiso Nkwe, says 1,338 Botswana Defense Force soldiers have served in "
     "Mozambique. He told Parliament that the fourth contingent had left.", ["Kagiso Nkwe"] * 2),
    # a body's whole proper name, however the parse chains it
    ("The UN Human Rights Council called for a probe into the army. The Human Rights Council said the troops must "
     "be vetted.", ["Human Rights Council"] * 2),
])
def test_names_of_offices_bodies_and_forces(text, actors):
    assert _actors(text) == actors


@pytest.mark.parametrize("text, actors", [
    # a Korean given name's second syllable after a hyphen stays in the name
    ("Defense Minister Yoon Kwang-ung said the plan was ready.", ["Yoon Kwang-ung"]),
    # the appositive's closing comma missing: the name before it speaks
    ("In a briefing on Monday, Won Tae-jae, a spokesman at the Ministry of Defense said the unit would leave.",
     ["Won Tae-jae"]),
    # not a name inside a phrase before a new subject
    ("After a meeting with NATO Secretary-General Jens Stoltenberg, the Serbian President said Serbia would stay "
     "neutral.", ["Serbian President"]),
])
def test_korean_names_and_an_appositive_left_open(text, actors):
    assert [a for a in _actors(text)] == actors


def test_an_unnamed_official_of_a_named_body():
    text = ("An Irish military spokesman said the force would leave on Monday. An official of the Georgian "
            "Defence Ministry said the border was calm. A senior US official said talks would continue.")
    # a country's military goes by its own name, as the gold answers write it (east08: "Irish Defence Forces")
    assert _actors(text) == ["Irish Defence Forces (unnamed official)",
                             "Georgian Ministry of Defence (unnamed official)", "senior US official"]


def test_hyphens_and_particles_stay_in_names():
    text = ("UN mission chief Ali Abdel-Rahman said the force would stay. Dutch envoy Pieter van den Berg said the "
            "talks had failed. Saudi minister Khalid bin Salman said the coalition would not leave. MP Kata Al-Hadi "
            "told the agency that the forces were not fighting.")
    assert _actors(text) == ["Ali Abdel-Rahman", "Pieter van den Berg", "Khalid bin Salman", "Kata Al-Hadi"]


def test_a_name_written_without_its_accents_stays_as_the_article_writes_it():
    # the office-holder list spells it with accents; the article's own spelling is the actor's name
    text = ("Serbian President Aleksandar Vucic said the troops were not welcome. Chad's leader Mahamat Deby said "
            "the French would leave.")
    assert _actors(text) == ["Aleksandar Vucic", "Mahamat Deby"]


def test_more_verbs_and_nouns_of_speech():
    text = ("Al-Hadi pointed out that the number was small. He expressed hope that the conflict would end. He spoke "
            "of a new era. Mabin concurred that it was too early. The ministry later clarified that aid would "
            "continue. He mentioned that some soldiers were stationed in Cincu.")
    assert len(extract_text(text).statements) == 6


def test_verbs_of_speech_only_in_their_construction():
    text = ("He pointed to the map. She expressed the parcel to Paris. He spoke with the driver. The minister "
            "mentioned the border on Monday.")
    assert extract_text(text).statements == []


def test_inverted_attribution_with_a_title():
    (said,) = extract_text("The base will be ready in May, stated mission chief Jane Doe.").statements
    assert said.actor == "Jane Doe"


def test_the_one_an_agency_quotes_is_the_speaker():
    text = "Defence Minister Ali Mahamat visited the camp. The agency quoted him as saying that the troops would stay."
    assert _actors(text) == ["Ali Mahamat"]


def test_a_shorter_name_is_the_fuller_one_the_article_gave():
    text = ("Foreign Minister Jean-Paul Le Maire arrived on Thursday. \"The mission is not over,\" Le Maire said. "
            "Vice Chairman of the Joint Chiefs of Staff John Hale agreed. \"It is essential,\" Hale said.")
    assert _actors(text) == ["Jean-Paul Le Maire", "John Hale"]


def test_two_speakers_joined_by_and_each_speak():
    text = "The Malian government and the African Union have repeatedly urged the force to stay."
    assert _actors(text) == ["Government of Mali", "African Union"]
    assert _actors("Diplomats and observers said the vote was calm.") == ["diplomats and observers"]


def test_the_person_leading_a_delegation_speaks_for_it():
    text = ("A Dutch delegation in Bamako, led by Deputy Minister Anna de Vries, told reporters that the camp "
            "would close.")
    assert _actors(text) == ["Anna de Vries"]


def test_one_of_a_group_is_the_group():
    text = "Two French officials said the base was empty. One of the officials also said the convoy had left."
    assert _actors(text) == ["Government of France (unnamed official)"] * 2


def test_a_document_speaks_for_the_body_that_wrote_it():
    text = ("The African Union has approved the plan. The resolution, which passed on Thursday, stated that the "
            "mission needs more troops. After a long debate, the adopted text also called for restraint.")
    assert _actors(text) == ["African Union", "African Union"]
    text = "According to a statement signed by the leaders of Chad and Niger on Monday, the force will deploy."
    assert _actors(text) == ["leaders of Chad and Niger"]
    text = "A statement issued by Bamako on Friday said the request had come from the president."
    assert _actors(text) == ["Government of Mali"]


def test_a_generic_name_for_a_body_named_before():
    text = ("The African Union peacekeeping force in the region has doubled, the pan-African body said on "
            "Saturday.")
    assert _actors(text) == ["African Union"]
    text = "The equipment has left the base, the Defense Department clarified on Friday, amid early reports."
    assert _actors(text) == ["US Department of Defense"]


def test_a_leader_named_before_is_the_office_named_after():
    text = ("Gordon Hale flew into the capital last night. The Prime Minister made a surprise visit to the base to "
            "confirm the handover of the city.")
    assert _actors(text) == ["Gordon Hale"]
    text = ("Defence Minister Anna Berg met Gordon Hale. The president said the handover would go ahead.")
    assert "Gordon Hale" not in _actors(text)


def test_who_took_pains_to_argue():
    assert _actors("Hale took pains to argue that the move was about strategy.") == ["Hale"]


@pytest.mark.parametrize("text", [
    "The minister called the deployment \"a historic step\" for the region.",
    "The envoy spoke of a \"new chapter\" in relations with Mali.",
    "The government requested that the mission extend its mandate.",
    "The rebels threatened to attack the convoy if it entered the town.",
    "Defence Minister Anna Berg made the announcement in Brussels on Tuesday.",
    "The ministry issued a warning to the rebels on Monday.",
    "The president expressed gratitude to the peacekeepers for their service.",
])
def test_verbs_and_nouns_of_speech_from_the_issue(text):
    assert len(extract_text(text).statements) == 1


@pytest.mark.parametrize("text", [
    "The army made progress in the north.",
    "The factory made 300 trucks last year.",
    "The ministry issued new passports to the soldiers.",
    "\"We stay,\" Anna Berg said. Anna Berg made the remarks after a meeting in Brussels.",
])
def test_make_and_issue_without_a_noun_of_speech(text):
    assert len(extract_text(text).statements) == (1 if "We stay" in text else 0)


def test_an_attribution_after_a_comma_with_the_speaker_after_the_verb():
    text = ("Ghana will send 300 soldiers, Chad 40 and Kenya 35, added the spokesman, without saying when. "
            "He stayed in the camp, and added that it was quiet.")
    actors = _actors(text)
    assert "spokesman" in actors and "Ghana" not in actors[1:]


def test_an_unnamed_speaker_named_soon_after():
    text = ("\"We already have 594 soldiers on the ground,\" said a spokesman for the AU's peace branch. The AU "
            "hopes to reach that level by November, according to the spokesman Tom Rein. More troops will come, "
            "added the spokesman. A senior official said the camp was empty.")
    assert _actors(text) == ["Tom Rein", "Tom Rein", "Tom Rein", "senior official"]


def test_adding_without_a_speaker_after_it_is_no_attribution():
    text = "The rebels have launched 40 attacks on ships, forcing companies to divert, adding 10 days to the trip."
    assert extract_text(text).statements == []


def test_a_closing_said_after_a_name_the_parser_hung_elsewhere():
    text = ("Russian peacekeepers have fully accomplished their mission in Karabakh, Viktor Orlov, first deputy "
            "chairman of the Federation Council committee on defence, said.")
    assert _actors(text) == ["Viktor Orlov"]
    assert _actors("The troops met Anna Berg in Gao, and said nothing new about the camp.") != ["Anna Berg"]


def test_a_speaker_the_parser_left_without_a_subject_role():
    assert _actors("In a post on X, rebel spokesman Jean Mbeki said the rebels never saw the mission as a "
                   "partner.") == ["Jean Mbeki"]
    assert _actors("Speaking to reporters in Addis Ababa, Kwame Mensah, the AU commissioner for peace, said the "
                   "mission was short of money.") == ["Kwame Mensah"]


def test_a_general_staff_speaks():
    text = "The last soldiers left the country on Friday, the French armed forces general staff announced."
    assert _actors(text) == ["French armed forces general staff"]


def test_a_person_described_in_apposition_is_one_person():
    text = ("Sen. Maria Stone, an Ohio Republican who sits on the committee, said in a statement that she had not "
            "been told. \"I don't think anyone believed the old number,\" she said.")
    assert _actors(text) == ["Maria Stone", "Maria Stone"]


def test_the_pentagon_is_the_us_department_of_defense():
    text = ("The Pentagon said the carrier would sail on Monday. A Pentagon spokesman said 500 troops were ready.")
    assert _actors(text) == ["US Department of Defense", "US Department of Defense (unnamed official)"]


def test_a_body_named_by_the_person_who_leads_it_speaks_as_the_body():
    text = ("The Trump administration says allies should pay more. The Trump White House announced on Friday that "
            "it would cut troops. President Joe Biden said the troops would stay.")
    assert _actors(text) == ["Trump administration", "White House", "Joe Biden"]


def test_a_participle_of_saying_tells_of_the_main_clause_subject():
    text = "Germany wants all NATO troops in Kosovo to stay there, saying that a reduction would send a wrong signal."
    assert _actors(text) == ["Germany"]


def test_described_as_is_a_statement_of_each_country_listed():
    text = 'Spain, France, and Italy have already described the attacks on the peacekeepers as "unjustifiable."'
    assert _actors(text) == ["Spain", "France", "Italy"]


def test_an_attribution_set_off_by_commas_inside_what_it_reports():
    text = ("President Barack Obama said more troops would go. The mission in Afghanistan, he added, was to defeat "
            "al-Qaeda and deny them the ability to regroup.")
    said = extract_text(text).statements
    assert [(s.actor, s.content) for s in said] == [
        ("Barack Obama", "more troops would go"),
        ("Barack Obama", "The mission in Afghanistan was to defeat al-Qaeda and deny them the ability to regroup")]


@pytest.mark.parametrize("text", [
    "The Security Council agreed to a major drawdown of peacekeepers in Darfur.",
    "The non-combat mission seeks to bolster the Iraqi army's capabilities.",
    "The base played a role in the American strategy to counter Iranian military construction.",
    "The strategy would deny the insurgents the ability to regroup.",
])
def test_decisions_and_aims_are_not_statements(text):
    assert extract_text(text).statements == []


def test_agreeing_to_do_something_is_still_a_statement():
    text = "NATO defence ministers agreed to extend the training mission in Iraq."
    assert _actors(text) == ["NATO defence ministers"]


def test_a_ministry_named_by_its_capital_is_the_countrys():
    assert _actors("The Defense Ministry in Minsk announced that almost 9,000 Russian troops would arrive.") == [
        "Belarusian Ministry of Defence"]


def test_a_countrys_leader_is_its_head_at_the_time():
    text = "In 2020 the Russian leader said the Azerbaijani and Armenian sides would remain in their positions."
    assert _actors(text) == ["Vladimir Putin"]


def test_a_rank_written_short_keeps_the_name_whole():
    from missiondesk.extract.model import load_model

    words = [t.text for t in load_model().make_doc("Lt. Col. Kotia advised the troops, and Capt. Jane Roe said so.")]
    assert words[:3] == ["Lt.", "Col.", "Kotia"] and "Capt." in words


def test_according_to_an_agency_that_quotes_someone_is_their_statement():
    assert _actors("According to Reuters, the minister said the troops would stay.") == ["minister"]


def test_an_agency_is_a_body_never_a_person():
    text = "Reuters said 300 soldiers arrived in Mali. The minister said they would stay."
    assert _actors(text) == ["Reuters", "minister"]


def test_a_party_before_a_title_still_refers_to_the_person_with_the_title():
    text = ("German Defence Minister Boris Pistorius visited Vilnius. The SPD minister said the brigade would be "
            "ready by 2027. Interior Cabinet Secretary Kipchumba Murkomen spoke on Friday. The CS said the police "
            "would leave.")
    assert _actors(text) == ["Boris Pistorius", "Kipchumba Murkomen"]


def test_a_person_is_named_by_the_fullest_name_the_article_gives():
    later = ("Le Drian said the mission would end in June. Later, Foreign Minister Jean-Yves Le Drian added that "
             "France would keep helping the army.")
    particles = ("Foreign Minister Jean-Marc de la Tour said the mission would end in June. De la Tour added that "
                 "France would keep helping the army.")
    assert [s.actor for s in extract_text(later).statements] == ["Jean-Yves Le Drian"] * 2
    assert [s.actor for s in extract_text(particles).statements] == ["Jean-Marc de la Tour"] * 2


def test_central_command_is_one_body_however_written():
    text = ("U.S. Central Command said the strikes hit three sites. According to central command, 350 troops were "
            "at the base. CENTCOM said the drone was shot down. Iran's central command said the base was hit.")
    assert [s.actor for s in extract_text(text).statements] == ["US Central Command"] * 3 + ["Iran's central command"]


def test_an_organisations_chief_is_its_head_of_the_day():
    said = lambda text: [s.actor for s in extract_text(text, published="2017-11-09").statements]  # noqa: E731
    assert said("NATO will raise its mission to 16,000 troops, the alliance chief said.") == ["Jens Stoltenberg"]
    assert said("NATO will raise its mission to 16,000 troops, the NATO chief said.") == ["Jens Stoltenberg"]
    assert said("The UN will send 2,000 more peacekeepers to Mali, the UN chief said.") == ["António Guterres"]
    # an army's chief is no office the list can name from the word alone
    assert said("The army will send 2,000 more soldiers to Mali, the army chief said.") == ["army chief"]


def test_a_bare_ministry_is_the_story_countrys():
    # the headline makes South Korea the story: its ministry, not one "Defense Ministry" for every country
    text = ("South Korea plans to bring home 1,000 of its 3,200 troops in Iraq. The Defense Ministry said it will "
            "include the plan in a bill. The ministry added that 2,200 troops would stay.")
    got = extract_text(text, title="South Korea to bring home 1,000 troops from Iraq").statements
    assert [s.actor for s in got] == ["South Korean Ministry of National Defense"] * 2
    # no headline nation: the one country the article names as a force (Iraq is only a place)
    assert {s.actor for s in extract_text(text).statements} == {"South Korean Ministry of National Defense"}
    # two countries named as often: no telling whose, so the ministry stays bare
    tied = "Ghana and Kenya will each send 300 troops to Somalia. The Defence Ministry said the troops would leave."
    assert {s.actor for s in extract_text(tied).statements} == {"Defence Ministry"}


def test_a_bare_ministry_is_the_headlines_nation_though_the_counts_tie():
    # the headline names Austria's soldiers; the article names the EU force as often: still Austria's ministry
    text = ("Due to the worsening situation, 120 Austrian soldiers are transferred to Sarajevo to reinforce the EU "
            "force Eufor. According to the Defense Ministry, this operation affects infantry companies.")
    got = extract_text(text, title="120 Austrian soldiers are transferred to Sarajevo").statements
    assert [s.actor for s in got] == ["Austrian Federal Ministry of Defence"]
    # a headline of the place the troops go to is no ministry's country
    got = extract_text(text.replace("Austrian ", ""), title="More troops for Bosnia").statements
    assert [s.actor for s in got] == ["Defense Ministry"]


def test_a_federal_ministry_is_the_country_whose_forces_were_named():
    text = ("The Bundeswehr wants to send the frigate Hessen. The ship will leave on Thursday, the Federal Ministry "
            "of Defense announced. According to the Ministry of Defense, the Hessen will leave with a crew of 240.")
    assert _actors(text) == ["German Federal Ministry of Defence"] * 2


def test_a_bodys_proper_name_is_kept_whole():
    """'The Maldives National Defence Force confirmed': the body's name, not a person called 'Force' or
    'National'; 'The Government of Mali said': with its country."""
    text = ("The Maldives National Defence Force confirmed the withdrawal had begun. The Government of Mali said the "
            "convoy had left Gao. The Swedish Armed Forces said 400 soldiers would take part.")
    assert _actors(text) == ["Maldives National Defence Force", "Government of Mali", "Swedish Armed Forces"]


@pytest.mark.parametrize("text, ministry", [
    ("Peru will send 205 army engineers to the Central African Republic. Some 25 of them are already in the Central "
     "African Republic and the remaining 180 will leave tomorrow, the Defense Ministry said.",
     "Peruvian Ministry of Defence"),
    ("Chile's 400 peacekeepers in Haiti will come home in April. Another 120 will stay in Haiti until June, the "
     "Defence Ministry said.", "Chilean Ministry of National Defense"),
    ("France is to reduce its contingent in Mali to 2,500 soldiers, the foreign ministry said.",
     "French Ministry of Foreign Affairs"),
    # the parse hangs the source on the clause before, as an appositive; its ministry is the story country's
    ("Italy is to send 500 more troops to Afghanistan to back the new strategy, a source in the defence ministry told "
     "AFP on Thursday.", "Italian Ministry of Defence (unnamed official)"),
])
def test_a_bare_ministry_is_not_of_the_country_its_troops_are_in(text, ministry):
    # the scorer's actor match is loose ('Haitian Ministry of Defence' ends like the Chilean one): the name exactly
    assert [s.actor for s in extract_text(text).statements] == [ministry]


@pytest.mark.parametrize("text, actor", [
    ("Australian Prime Minister Anna Lee announced the plan. The Lee government says the 2,500 Marines are welcome.",
     "Government of Australia"),
    ("In a statement, Chancellor Olaf Scholz's government confirmed that 1,000 German soldiers would stay in Mali.",
     "Government of Germany"),
])
def test_a_government_named_by_its_leader_is_the_leaders_countrys(text, actor):
    assert extract_text(text, published="2023-05-01").statements[-1].actor == actor
