"""The audit trail from the window: no review is lost to an autosave."""

from missiondesk.store import audit_trail
from tests.ui.helpers import disagreement_cell


def test_a_review_made_before_an_autosave_reaches_the_saved_project(qtbot, opened):
    win = opened
    win.counts_view.setCurrentIndex(disagreement_cell(win))
    win.review_current("rejected")
    assert win.autosave() is not None
    assert win.save_project()
    trail = audit_trail(win.workspace.path)
    assert [e["detail"]["after"]["status"] for e in trail if e["action"] == "review"] == ["rejected"]
