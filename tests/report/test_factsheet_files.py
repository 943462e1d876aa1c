"""The file appears whole or not at all: a bad folder is named before any work, a failed or cancelled write
leaves an earlier sheet as it was and no temporary file behind."""

import os

import pytest

from missiondesk.report import factsheet, factsheet_sections
from missiondesk.report.factsheet import FactSheetCancelled, FactSheetError, write_factsheet
from tests.report.helpers import read_sheet
from tests.report.test_factsheet_hostile import hostile_frames

EARLIER = b"%PDF-1.4 the sheet the analyst sent yesterday"


@pytest.fixture(scope="module")
def frames():
    return hostile_frames()


def test_a_missing_folder_is_named_and_nothing_is_written(frames, tmp_path):
    target = tmp_path / "no such folder" / "sheet.pdf"
    with pytest.raises(FactSheetError, match="no such folder") as caught:
        write_factsheet(target, frames)
    assert str(target) in str(caught.value)
    assert not target.parent.exists()


def test_a_folder_as_target_is_refused(frames, tmp_path):
    with pytest.raises(FactSheetError, match="is a folder"):
        write_factsheet(tmp_path, frames)


def test_a_failed_save_keeps_the_earlier_file(frames, tmp_path, monkeypatch):
    target = tmp_path / "sheet.pdf"
    target.write_bytes(EARLIER)

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(factsheet.os, "replace", disk_full)
    with pytest.raises(FactSheetError, match="No space left on device"):
        write_factsheet(target, frames)
    assert target.read_bytes() == EARLIER
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]


def test_a_failure_while_laying_out_keeps_the_earlier_file(frames, tmp_path, monkeypatch):
    target = tmp_path / "sheet.pdf"
    target.write_bytes(EARLIER)

    def broken(*args, **kwargs):
        raise RuntimeError("layout bug")

    monkeypatch.setattr(factsheet, "sources", broken)
    with pytest.raises(RuntimeError):
        write_factsheet(target, frames)
    assert target.read_bytes() == EARLIER
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]


@pytest.mark.parametrize("after", [1, 5, 30])
def test_cancel_at_any_point_leaves_nothing(frames, tmp_path, after):
    target = tmp_path / "sheet.pdf"
    target.write_bytes(EARLIER)
    calls = []
    with pytest.raises(FactSheetCancelled):
        write_factsheet(target, frames, cancelled=lambda: calls.append(1) or len(calls) >= after)
    assert target.read_bytes() == EARLIER
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]


def test_a_successful_write_replaces_the_earlier_file(frames, tmp_path):
    target = tmp_path / "sheet.pdf"
    target.write_bytes(EARLIER)
    assert write_factsheet(target, frames) == target
    assert target.read_bytes().startswith(b"%PDF") and target.read_bytes() != EARLIER
    assert read_sheet(target).pages
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.pdf"]
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())  # an ordinary file, not a 0600 temp


def test_a_custom_title_and_marking(frames, tmp_path):
    sheet = read_sheet(write_factsheet(tmp_path / "t.pdf", frames, title="Weekly <brief> & notes",
                                       marking="EXERCISE ONLY"))
    assert "Weekly <brief> & notes" in sheet.flat
    assert sheet.reader.metadata.title == "Weekly <brief> & notes"
    assert all(page.count("EXERCISE ONLY") == 2 for page in sheet.pages)


def test_the_sections_module_is_what_the_story_uses():
    """Guards the monkeypatch above: the sheet takes `sources` from factsheet, which imports it."""
    assert factsheet.sources is factsheet_sections.sources


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
