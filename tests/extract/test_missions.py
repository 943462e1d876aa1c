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
