"""Corrections to an article's details are reviews of kind 'document': applied whenever the articles are shown,
kept in the project file and its audit trail, still there when the article is read and extracted again."""

import pytest

from missiondesk.corpus import Corpus
from missiondesk.corpus.document import Document
from missiondesk.facts.reviews import Review
from missiondesk.store import ProjectData, load
from missiondesk.store.audit import audit_rows
from missiondesk.store.document_reviews import changes_from, document_key, typed_date, with_corrections
from missiondesk.store.workspace import Workspace

READ = Document("d1", "field/a.txt", "Untitled page", None, None, None, "Ten thousand troops stay.")


def _workspace() -> Workspace:
    data = ProjectData()
    data.add_documents([READ, Document("d2", "b.txt", "Other", "AFP", "Jo Roe", "2024-01-02", "Body.")])
    return Workspace(data)


def test_a_correction_is_applied_saved_and_survives_reading_again(tmp_path):
    workspace = _workspace()
    changes = changes_from(READ, {"title": "Troops stay", "outlet": "Field Desk", "author": "",
                                  "published": "2024-03-05"})
    assert changes == {"title": "Troops stay", "outlet": "Field Desk", "published": "2024-03-05"}
    workspace.set_review(document_key("d1"), "edited", changes)
    docs = workspace.frames().documents.set_index("id")
    assert docs.loc["d1", "outlet"] == "Field Desk" and str(docs.loc["d1", "date"].date()) == "2024-03-05"
    assert docs.loc["d2", "outlet"] == "AFP" and workspace.hand_dated() == {"d1"}
    assert workspace.data.documents[0] == READ  # the article as read is kept: extraction works on it
    path = tmp_path / "p.mdproj"
    workspace.save(path)
    again = Workspace.open(path)
    assert again.documents()[0].title == "Troops stay" and again.hand_dated() == {"d1"}
    again.add(Corpus(documents=[READ]))  # the file read again (and extracted again) changes nothing
    assert again.documents()[0].outlet == "Field Desk"
    [row] = [r for r in audit_rows(load(path)) if r["key"] == document_key("d1")]
    assert row["fact"] == "article 'Untitled page'" and row["action"] == "edited"


def test_a_field_set_back_to_the_file_value_is_no_correction():
    assert changes_from(READ, {"title": "Untitled page", "outlet": " "}) == {}
    assert changes_from(READ, {"outlet": "X"}) == {"outlet": "X"}
    edited = ProjectData()
    edited.add_documents([READ])
    edited.set_review(None, document_key("d1"))
    assert with_corrections(edited.documents, edited.reviews.values()) == [READ]


def test_a_cleared_outlet_clears_it_but_a_title_stays():
    from missiondesk.facts.reviews import Review

    d2 = Document("d2", "b.txt", "Other", "AFP", None, None, "Body.")
    review = Review("d2", "document", 0, 0, "edited", {"outlet": None, "title": None})
    [shown] = with_corrections([d2], [review])
    assert shown.outlet is None and shown.title == "Other"


@pytest.mark.parametrize("typed, expected", [("2024-03-05", "2024-03-05"), (" ", None), ("", None)])
def test_typed_dates(typed, expected):
    assert typed_date(typed) == expected


@pytest.mark.parametrize("typed", ["03/04/2024", "2024-13-01", "March 5"])
def test_a_typed_date_that_is_not_iso_is_refused(typed):
    with pytest.raises(ValueError):
        typed_date(typed)


def test_a_time_zone_is_kept_beside_the_fields_and_read_as_typed():
    from missiondesk.store.document_reviews import TIME_ZONE, time_zones, typed_time_zone

    assert typed_time_zone("+2") == typed_time_zone("UTC+2") == "UTC+02:00"
    assert typed_time_zone("GMT-05:30") == "UTC-05:30" and typed_time_zone("utc") == "UTC"
    assert typed_time_zone("Europe/Berlin") == "Europe/Berlin" and typed_time_zone(" ") is None
    for wrong in ("UTC+15", "Mars/Olympus", "tomorrow"):
        with pytest.raises(ValueError):
            typed_time_zone(wrong)
    changes = changes_from(READ, {"outlet": "X", TIME_ZONE: "UTC+02:00"})
    assert changes == {"outlet": "X", TIME_ZONE: "UTC+02:00"}
    assert changes_from(READ, {TIME_ZONE: ""}) == {}
    review = Review(READ.id, "document", 0, 0, "edited", changes)
    assert time_zones([review]) == {READ.id: "UTC+02:00"}
    assert with_corrections([READ], [review])[0].outlet == "X"  # the zone is not a field of the article
