"""The person-name finder (extract/names.py) on sentences written for these tests."""

import pytest

from missiondesk.extract.model import load_model


def _people(text: str) -> list[str]:
    return [e.text for e in load_model()(text).ents if e.label_ == "PERSON"]


@pytest.mark.parametrize("text, name", [
    # after a rank, the whole run is the name, also when a known first name comes inside it
    ("The spokesman Captain Kato Ahmad Hassan said the troops would stay.", "Kato Ahmad Hassan"),
    ("Lt. Col. Okello Hassan Musa told reporters that 300 troops had left.", "Okello Hassan Musa"),
    # with no rank or title before it, a run of capitals starts at the first name it holds
    ("Joint Chiefs of Staff John Hyten said the troops would stay.", "John Hyten"),
])
def test_the_name_and_only_the_name(text, name):
    assert name in _people(text)


def test_a_title_word_the_name_finder_took_in_is_left_out():
    """'interim Minister of Foreign Affairs Catalin Predoiu said': the name finder takes 'Affairs' into the name."""
    from tests.extract.helpers import extract_text

    said = extract_text("Romania will send 100 more troops to Afghanistan, interim Minister of Foreign Affairs "
                        "Catalin Predoiu said on Tuesday.").statements
    assert [s.actor for s in said] == ["Catalin Predoiu"]


def test_a_rank_written_short_with_a_hyphen_is_no_part_of_the_name():
    from tests.extract.helpers import extract_text

    said = extract_text("UN military adviser Lieutenant-General Babacar Gaye confirmed that 170 personnel from Fiji "
                        "would join UNDOF. \"We expect them in the Golan by June,\" Lt.-Gen. Gaye said.").statements
    assert [s.actor for s in said] == ["Babacar Gaye", "Babacar Gaye"]
