"""Mission mentions by name and by description, linked to the gazetteer by lead, theater and date."""

import json

import pytest

from missiondesk.paths import resource
from tests.extract.helpers import extract_text


def _missions(text: str, published: str | None = None) -> set[str]:
    return {m.id for m in extract_text(text, published=published).missions}


def test_gazetteer_has_at_least_40_missions_with_every_field():
    missions = json.loads(resource("gazetteers", "missions.json").read_text(encoding="utf-8"))
    assert len(missions) >= 40
    kinds = {m["kind"] for m in missions}
    assert {"nato", "un", "eu", "coalition", "national"} <= kinds
    for mission in missions:
        assert {"id", "name", "lead", "theater", "start", "end", "aliases"} <= set(mission)
    ids = {m["id"] for m in missions}
    assert {"resolute-support", "isaf", "nato-mission-iraq", "kfor", "unifil", "minusma", "monusco",
            "eufor-althea", "inherent-resolve", "barkhane"} <= ids


@pytest.mark.parametrize("text, published, expected", [
    ("UNIFIL said its patrols along the Blue Line would resume.", "2024-03-01", "unifil"),
    ("The U.N. Interim Force in Lebanon said its patrols would resume.", "2024-03-01", "unifil"),
    ("The alliance's training mission in Iraq will grow, ministers decided.", "2021-02-18", "nato-mission-iraq"),
    ("NATO's support mission in Afghanistan is under review, NATO officials said.", "2019-05-01", "resolute-support"),
    ("NATO's stabilisation mission in Afghanistan was at its largest, NATO officials said.", "2011-05-01", "isaf"),
    ("The EU's peacekeeping operation in Bosnia was extended by the Security Council.", "2023-11-02", "eufor-althea"),
    ("France's counter-terrorism operation in the Sahel has ended, Paris said.", "2022-11-10", "barkhane"),
    ("The UN peacekeeping mission in Mali must leave, the junta said.", "2023-06-17", "minusma"),
])
def test_described_missions_link_to_the_gazetteer(text, published, expected):
    assert expected in _missions(text, published)


def test_a_described_mission_the_gazetteer_lacks_is_kept_with_its_theater():
    result = extract_text("The African Union's training mission in Guinea-Bissau will start next year, "
                          "officials said.", published="2025-01-10")
    (mission,) = result.missions
    assert mission.known is False and mission.theater == "Guinea-Bissau" and mission.lead == "African Union"


def test_counts_link_to_the_mission_of_their_sentence_or_theater():
    result = extract_text("KFOR currently includes roughly 4,500 troops. Separately, some 450 Italian soldiers "
                          "serve in Kosovo.", published="2025-05-01")
    assert {c.value: c.mission for c in result.troop_counts} == {4500: "kfor", 450: "kfor"}


def test_no_mission_without_a_theater():
    assert _missions("Crisis-management missions strengthen deterrence, diplomats argued.", "2026-02-19") == set()


def _two_articles(first: str, second: str):
    from missiondesk.corpus.document import Document
    from missiondesk.extract import extract_documents

    return extract_documents([Document(id=i, path=f"{i}.txt", title="", outlet=None, author=None,
                                       published="2026-03-01", body=body)
                              for i, body in (("a", first), ("b", second))])


def test_a_described_mission_worded_two_ways_is_one_mission_across_articles():
    result = _two_articles(
        "The African Union's training mission in Guinea-Bissau will start next year. "
        "The AU mission in Guinea-Bissau, officials said, will be small.",
        "The African Union mission in Guinea-Bissau opened its headquarters on Monday.")
    (mission,) = result.missions
    assert mission.lead == "African Union" and mission.theater == "Guinea-Bissau" and mission.kind == "au"
    assert {m.document for m in mission.mentions} == {"a", "b"} and len(mission.mentions) == 3


def test_two_leads_in_one_theater_stay_two_missions():
    result = _two_articles("The African Union's training mission in Guinea-Bissau will start next year.",
                           "Portugal's training mission in Guinea-Bissau will end next year.")
    assert sorted((m.lead, m.kind) for m in result.missions) == [("African Union", "au"), ("Portugal", "national")]


def test_a_mission_found_through_a_count_is_mentioned_by_its_own_words_not_the_number():
    result = extract_text("Poland will keep 900 troops in Iraq until the end of the year.", published="2005-12-01")
    (mission,) = result.missions
    assert mission.id == "poland-forces-in-iraq" and mission.kind == "national"
    assert [m.text for m in mission.mentions] == ["troops in Iraq"]


def test_a_national_deployment_is_one_mission_however_worded():
    result = _two_articles("Some 300 Turkish soldiers are based in Qatar.",
                           "Turkey keeps about 3,000 troops in Qatar, an official said.")
    assert [m.id for m in result.missions] == ["turkey-forces-in-qatar"]
    assert all("3,000" not in m.text and "300" not in m.text for m in result.missions[0].mentions)


def test_a_theater_is_the_country_and_the_region_is_kept_beside_it():
    (mission,) = extract_text("Some 7,000 UNAMID peacekeepers remain in Darfur.", published="2016-05-01").missions
    assert mission.theater == "Sudan" and mission.region == "Darfur"


def _theaters(text: str, published: str | None = None) -> dict[str, str | None]:
    return {m.id: m.theater for m in extract_text(text, published=published).missions}


def test_a_national_deployment_outside_the_gazetteer_missions_theater_is_its_own_mission():
    # the gazetteer's operation in Iraq and Syria is based in Iraq: US troops in Syria, the operation unnamed,
    # are the US forces in Syria
    assert _theaters("There are about 900 American troops in Syria, officials said.", "2019-01-11") == {
        "united-states-forces-in-syria": "Syria"}
    assert _theaters("The United States keeps roughly 2,500 troops in Iraq and 900 in Syria.",
                     "2024-02-01")["united-states-forces-in-syria"] == "Syria"


def test_a_named_operation_keeps_its_counts_in_each_of_its_countries():
    theaters = _theaters("Operation Inherent Resolve has about 900 US troops in Syria, the coalition said.",
                         "2019-01-11")
    assert "inherent-resolve" in theaters and "united-states-forces-in-syria" not in theaters


def test_a_country_sending_troops_to_a_region_is_a_national_deployment_there():
    assert set(_theaters("The Pentagon is sending 1,000 more US troops to the Middle East after the attacks.",
                         "2019-06-18").values()) == {"Middle East"}


def test_a_countrys_forces_in_a_region_the_text_words_are_a_national_deployment_there():
    assert set(_theaters("Iran wants an end to the US military presence in the Middle East.",
                         "2018-12-01").values()) == {"Middle East"}


def test_an_alliances_troops_in_a_region_are_no_national_deployment():
    assert _theaters("NATO has put 40,000 troops in Europe on alert.", "2022-03-01") == {}


def _deployment(lead: str, theater: str):
    from missiondesk.extract.missions import national_described, national_id
    from missiondesk.extract.pipeline import MissionHitRecord

    return MissionHitRecord(national_id(lead, theater), 0, 6, "troops", national_described(lead, theater))


def test_a_host_country_read_as_sending_troops_to_its_guest_is_dropped():
    from missiondesk.extract.missions import hosts_as_senders

    polish, iraqi = _deployment("Poland", "Iraq"), _deployment("Iraq", "Poland")
    made = {polish.mission, iraqi.mission}
    # Poland's troops in Iraq counted three times, "Iraq's troops in Poland" once: the one is a swapped reading
    assert hosts_as_senders([polish, iraqi], made, [polish.mission] * 3 + [iraqi.mission]) == {iraqi.mission}
    # as well attested both ways: neither can be told from the other
    assert hosts_as_senders([polish, iraqi], made, [polish.mission, iraqi.mission]) == made
    # a deployment the text words itself ("Iraqi troops in Poland") is kept, and outweighs a count's reading
    assert hosts_as_senders([polish, iraqi], {polish.mission}, [polish.mission] * 3) == {polish.mission}


def test_deployments_of_two_guests_in_one_host_are_both_kept():
    from missiondesk.extract.missions import hosts_as_senders

    polish, ukrainian = _deployment("Poland", "Iraq"), _deployment("Ukraine", "Iraq")
    assert hosts_as_senders([polish, ukrainian], {polish.mission, ukrainian.mission},
                            [polish.mission, ukrainian.mission]) == set()


@pytest.mark.parametrize("text, expected", [
    ("Some of the several hundred Turkish troops who had been stationed in a camp outside the Iraqi city of "
     "Mosul have pulled out.", {"Iraq"}),
    ("Trump increased the number of US troops deployed to Syria last summer.", {"Syria"}),
    ("The Japanese government wants fewer American marines based in Okinawa.", {"Japan"}),
    ("The deal raises the number of U.S. Navy destroyers in Rota, Spain, to six.", {"Spain"}),
    ("Russian warships stationed in Syria will stay, officials in Damascus said.", {"Syria"}),
    # trained, not placed there; and where they come from is no deployment
    ("Several hundred Turkish troops who had been trained in Germany have returned.", set()),
    ("Turkish troops who had been flown from Germany have pulled out.", set()),
])
def test_a_clause_that_places_a_countrys_troops_abroad_is_a_national_deployment(text, expected):
    assert set(_theaters(text, "2015-12-14").values()) == expected


@pytest.mark.parametrize("text, expected", [
    ("The United Nations is shutting down its mission in Ivory Coast this month.", {"unoci": "Ivory Coast"}),
    ("It was not yet time for France to hand over responsibility for the mission in Mali.", {"Mali"}),
    ("About 350 of those are coming from an existing UN mission, the one in Haiti.", {"minustah": "Haiti"}),
    # neither a lead, nor an activity, nor a mission the article refers to
    ("The rescue operation in Turkey ended on Sunday.", set()),
    ("A mission in Mali would be dangerous, one analyst wrote.", set()),
])
def test_a_mission_named_by_its_pronoun_or_as_the_mission_there(text, expected):
    theaters = _theaters(text, "2017-04-01")
    if isinstance(expected, dict):
        assert theaters == expected
    else:
        assert set(theaters.values()) == expected


@pytest.mark.parametrize("text, expected", [
    # where the troops come from is no deployment
    ("Uganda said just over 5,000 troops from Burundi and Uganda have been deployed.", set()),
    # withdrawn from a place, they were there
    ("The United States will withdraw 2,000 troops from Syria, officials said.", {"Syria"}),
    ("Poland has 900 troops in Iraq, officials said.", {"Iraq"}),
])
def test_a_count_is_a_deployment_where_its_troops_are_not_where_they_come_from(text, expected):
    assert set(_theaters(text, "2010-06-01").values()) == expected


@pytest.mark.parametrize("text, expected", [
    ("The US plans to move 5,600 troops to Belgium and Italy.", {"Belgium", "Italy"}),
    ("Germany will keep 500 soldiers in Lithuania and Latvia next year.", {"Lithuania", "Latvia"}),
    # one region named by its countries, not a deployment in each
    ("Officials said there are US forces in Iraq and Syria.", {"Iraq", "Syria"}),
    ("Chad deployed some 1,000 soldiers to the tri-border region of Niger, Burkina Faso and Mali in February.",
     {"Niger"}),
])
def test_a_count_sent_to_two_countries_is_a_deployment_in_each(text, expected):
    assert set(_theaters(text, "2021-03-01").values()) == expected


@pytest.mark.parametrize("text", [
    "Currently there are nearly 4,000 Nepali peacekeepers serving in Lebanon, Congo, Haiti and Liberia.",
    "Nearly 4,000 Nepali peacekeepers are serving in Lebanon, Congo, Haiti and Liberia, the army said.",
])
def test_peacekeepers_over_a_list_of_countries_are_no_national_deployment_in_each(text):
    assert set(_theaters(text, "2012-03-01").values()) == set()


@pytest.mark.parametrize("text, expected", [
    ("Its soldiers will not go to post-war Iraq, where US troops come under almost daily attack.", {"Iraq"}),
    ("The base lies near Syria's border with Jordan, where a small number of American soldiers are stationed.",
     {"Jordan"}),
    # the forces are not the subject of the clause: nothing is placed there
    ("Guam is a key location in the Pacific, where a third of the land is owned by the US military.", set()),
])
def test_a_countrys_troops_in_a_where_clause_are_deployed_in_its_place(text, expected):
    assert set(_theaters(text, "2003-08-11").values()) == expected


def _counts_and_context(text: str, published: str):
    from missiondesk.extract.context import DocContext
    from missiondesk.extract.gazetteer import gazetteer_for, mentions_in
    from missiondesk.extract.model import load_model
    from missiondesk.extract.troops import find_counts

    nlp = load_model()
    doc, gazetteer = nlp(text), gazetteer_for(nlp)
    ctx = DocContext.build(text, published, mentions_in(doc, gazetteer), [], doc=doc, title_doc=nlp.make_doc(""))
    return find_counts(doc, ctx), ctx


def test_a_count_read_the_wrong_way_round_makes_no_deployment():
    from dataclasses import replace

    from missiondesk.extract.missions import mission_for_count

    (count,), ctx = _counts_and_context("The report found Russian mercenaries in Libya, some 1,200 troops.",
                                        "2020-05-07")
    # the owner named only as where the troops are, the place not at all: no deployment of Libya's in Russia
    assert mission_for_count(replace(count, whose="Libya", where="Russia"), ctx, []) is None
    assert mission_for_count(replace(count, whose="Russia", where="Libya"), ctx, []) == "russia-forces-in-libya"


@pytest.mark.parametrize("text, expected", [
    ("The United Nations is shutting down its mission in Ivory Coast this month and will pull its "
     "peacekeepers out of Haiti by the end of October.", {"Ivory Coast", "Haiti"}),
    ("Britain will withdraw its troops from Afghanistan next year, the minister said.", {"Afghanistan"}),
    ("Pakistani troops will withdraw from Afghanistan, officials said.", {"Afghanistan"}),
    ("Paris announced the withdrawal of French troops from Mali on Thursday.", {"Mali"}),
    ("U.S. troops finalize their pullout from neighboring Afghanistan.", {"Afghanistan"}),
    # nothing placed: a withdrawal from talks, or troops the clause's subject does not own
    ("Britain will withdraw its troops from the talks, the minister said.", set()),
    ("Reporters watched the convoy withdraw its troops from Afghanistan.", set()),
    ("The departure of Turkish troops from the talks was noted.", set()),
])
def test_forces_withdrawn_from_a_country_were_deployed_there(text, expected):
    assert set(_theaters(text, "2017-04-01").values()) == expected


def test_a_bare_counts_mention_of_its_deployment_keeps_the_place_after_it():
    result = extract_text("American forces overseas will by Jan. 15 be reduced to 2,500 in Afghanistan and 2,500 "
                          "in Iraq.", published="2020-11-17")
    assert sorted(x.text for m in result.missions for x in m.mentions) == ["2,500 in Afghanistan", "2,500 in Iraq"]


@pytest.mark.parametrize("text, expected", [
    # a list of countries after a mission noun: one mission in each
    ("NATO deployed four battalions to the Baltic states Estonia, Latvia and Lithuania as well as Poland.",
     {"efp-estonia", "efp-latvia", "efp-lithuania", "efp-poland"}),
    ("The alliance later set up four new battle groups, including in Bulgaria, Hungary, Romania and Slovakia, "
     "NATO said.", set()),  # no lead named with the noun nor as the subject that sets them up: none
    ("NATO battle groups that have been stationed in Slovakia and Hungary since 2022 are growing.",
     {"efp-slovakia", "efp-hungary"}),
    # a name for them all ("the Enhanced Forward Presence") with the list: each country's own battlegroup
    ("NATO's Enhanced Forward Presence has four multinational battalions in Estonia, Latvia, Lithuania and "
     "Poland.", {"efp-estonia", "efp-latvia", "efp-lithuania", "efp-poland"}),
    # one place, or places that are no list of countries: one mission, as before
    ("NATO's battlegroup in Lithuania is led by Germany.", {"efp-lithuania"}),
])
def test_a_mission_noun_over_a_list_of_countries_is_a_mission_in_each(text, expected):
    found = _missions(text, published="2023-05-01")
    assert {m for m in found if not m.startswith("enhanced-forward-presence")} == expected


def test_each_mission_of_a_list_is_mentioned_by_the_noun_not_by_another_s_place():
    result = extract_text("NATO deployed four battalions to Estonia, Latvia and Lithuania.", published="2023-05-01")
    mentions = {m.id: [x.text for x in m.mentions] for m in result.missions}
    assert mentions == {"efp-estonia": ["four battalions"], "efp-latvia": ["four battalions"],
                        "efp-lithuania": ["four battalions"]}


def test_missions_named_in_a_list_are_not_the_story_s_main_mission():
    # the Lithuanian battlegroup is named on its own; the list names the others only in passing, so the
    # count with no place of its own is in Lithuania, not in the list's first country
    text = ("NATO deployed four battalions to Estonia, Latvia, Lithuania and Poland in 2017. Germany leads "
            "NATO's battlegroup in Lithuania. Berlin has pledged 350 more soldiers.")
    counts = extract_text(text, published="2022-02-22").troop_counts
    assert [(c.value, c.whose, c.where) for c in counts] == [(350, "Germany", "Lithuania")]


@pytest.mark.parametrize("text, published, expected", [
    ("INTERFET troops landed in Dili on Monday.", "1999-09-21", "interfet"),
    ("The UN Mission of Support in East Timor will leave next year.", "2004-05-01", "unmiset"),
    ("RAMSI police and soldiers arrived in Honiara.", "2003-07-25", "ramsi"),
    ("The UN Mission for Justice Support in Haiti closed in 2019.", "2019-10-01", "minujusth"),
    ("MINURCAT troops guarded the camps in eastern Chad.", "2009-06-01", "minurcat"),
    ("The Marine Rotational Force-Darwin will be 2,500 strong.", "2019-04-01", "mrf-darwin"),
])
def test_missions_of_east_timor_the_pacific_haiti_and_chad_are_known_by_name(text, published, expected):
    assert expected in _missions(text, published)


def test_a_disputed_territory_is_where_its_troops_are_and_its_mission_is_in_the_country_named():
    # the Golan Heights lies between Syria and Israel: a force there is in the Golan Heights, however often the
    # story names Syria, while the mission, like one across a broad region, is placed in the country named
    text = ("Syria's war has come close to the line. The UN force of about 1,100 troops watches the ceasefire in "
            "the Golan Heights. Austria keeps 380 soldiers with UNDOF.")
    result = extract_text(text, published="2013-06-10")
    assert {(c.value, c.where) for c in result.troop_counts} == {(1100, "Golan Heights"), (380, "Golan Heights")}
    assert [(m.id, m.theater, m.region) for m in result.missions] == [("undof-syria", "Syria", "Golan Heights")]


def test_a_mission_whose_theater_is_the_place_comes_before_one_that_only_reaches_into_it():
    # both at work in 2015: the force in Darfur is UNAMID (theater Sudan), not the force for Abyei on Sudan's border
    assert set(_theaters("Six African countries have given written pledges to contribute more than 12,000 troops to "
                         "an African Union-United Nations peacekeeping force in Sudan's Darfur, an official said.",
                         "2015-06-01")) == {"unamid"}


def test_a_longer_mission_name_is_not_read_as_the_shorter_one_it_starts_with():
    # "EUFOR RCA" is the EU force in the Central African Republic, not EUFOR (Althea) in Bosnia
    assert set(_theaters("Five EU countries have offered troops to the EUFOR RCA mission. Poland could provide "
                         "some 140 soldiers.", "2014-02-14").items()) == {("eufor-rca", "Central African Republic")}


def test_a_figure_over_several_regions_makes_no_deployment_in_each():
    # "stationed overseas, in Europe, Africa, Asia and the Middle East": in no one place, and no US forces in Africa
    assert _theaters("The Pentagon announced changes. Some 200,000 American soldiers are stationed abroad, in "
                     "Europe, Africa, Asia and the Middle East.", "2004-08-16") == {}


def test_a_continent_is_no_mission_theater():
    # "France's military presence in Africa" is many deployments; the one in Mali is a mission
    theaters = _theaters("France will cut its military presence in Africa. It keeps 2,500 troops in Mali and sent "
                         "more troops to Africa last year.", "2023-02-01")
    assert list(theaters.values()) == ["Mali"]
    assert _theaters("The US keeps about 40,000 troops in Europe.", "2023-02-01") == {
        "united-states-forces-in-europe": "Europe"}  # a region the gazetteer keeps as a theater
