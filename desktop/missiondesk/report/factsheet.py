"""PDF fact sheets: one per corpus, mission or actor, written whole or not at all.

    write_factsheet("sheet.pdf", frames)                                  # every mission with facts
    write_factsheet("rs.pdf", frames, kind="mission", mission="resolute-support")
    write_factsheet("js.pdf", frames, kind="actor", actor="Jens Stoltenberg")
"""

from __future__ import annotations

import io
import os
import uuid
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from reportlab.platypus import Paragraph

from missiondesk.facts import FactFrames
from missiondesk.report.factsheet_errors import FactSheetCancelled, FactSheetError, InvalidSubject
from missiondesk.report.factsheet_figures import key_figures
from missiondesk.report.factsheet_page import CONTENT_WIDTH, FactSheetDocument, Header, heading
from missiondesk.report.factsheet_scope import MissionGroup, Scope, select
from missiondesk.report.factsheet_sections import positions, sources, summary, timeline, title_block
from missiondesk.report.factsheet_styles import Styles, make_styles
from missiondesk.report.factsheet_text import escaped, plain

__all__ = ["DEFAULT_MARKING", "FactSheetCancelled", "FactSheetError", "InvalidSubject", "check_destination",
           "write_factsheet"]

DEFAULT_MARKING = "UNCLASSIFIED - OPEN SOURCES"
Progress = Callable[[int, int, str], None]


def write_factsheet(path: str | os.PathLike, frames: FactFrames, *, kind: str = "corpus",
                    mission: str | None = None, actor: str | None = None, marking: str = DEFAULT_MARKING,
                    title: str | None = None, progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> Path:
    """Write a fact sheet of `kind` ('corpus', 'mission' with `mission`, 'actor' with `actor`) to `path`;
    `kind` may be left as 'corpus' when one of `mission` or `actor` is given.

    Raises InvalidSubject (a FactSheetError) for an unknown kind, mission or actor, FactSheetError when there
    is nothing to report or the file cannot be written, FactSheetCancelled when `cancelled()` turns true.
    An existing file at `path` is replaced only once the new one is complete."""
    target = Path(path)
    check_destination(target)
    steps = _Steps(progress, cancelled)
    steps.report(0, "Selecting facts")
    scope = select(frames, kind, mission, actor, title)
    styles = make_styles()
    story = _story(scope, styles, steps)
    generated = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    header = Header(plain(marking, 200, DEFAULT_MARKING), scope.title, generated, scope.date_span)
    buffer = io.BytesIO()
    document = FactSheetDocument(buffer, header, title=scope.title, subject=scope.subject,
                                 author="MissionDesk", on_flowable=steps.flowable_done)
    steps.expect_flowables(len(story))
    document.build_sheet(story)
    steps.report(95, "Saving")
    _replace(target, buffer.getvalue())
    steps.report(100, "Fact sheet saved")
    return target


def _story(scope: Scope, styles: Styles, steps: _Steps) -> list:
    width = CONTENT_WIDTH
    story = [*title_block(scope, styles), *summary(scope, styles, width)]
    steps.report(3, "Summary")
    if scope.kind == "actor":
        story += [*heading("Positions over time", styles.h1, "Positions over time", 0),
                  *positions(scope, scope.frames.statements, styles, width, by_actor=False)]
        if scope.groups and not scope.frames.counts.empty:
            story += heading("Figures in the same articles", styles.h1, "Figures in the same articles", 0)
            for group in scope.groups:
                if not group.keys.empty:
                    story += [*heading(escaped(group.name), styles.h2, plain(group.name, 100), 1),
                              *key_figures(scope, group, styles, width)]
    elif scope.kind == "mission":
        for group in scope.groups:
            story += _mission_sections(scope, group, styles, level=0, say_when_empty=True)
    else:
        for index, group in enumerate(scope.groups):
            steps.report(3 + 7 * index // len(scope.groups), f"Mission {index + 1} of {len(scope.groups)}")
            story += [*heading(escaped(group.name), styles.h1, plain(group.name, 100), 0, room=200),
                      Paragraph(escaped(group.details), styles.note),
                      *_mission_sections(scope, group, styles, level=1, say_when_empty=False)]
    steps.check()
    story += [*timeline(scope, styles, width), *sources(scope, styles)]
    steps.report(10, "Laying out pages")
    return story


def _mission_sections(scope: Scope, group: MissionGroup, styles: Styles, level: int,
                      say_when_empty: bool) -> list:
    """Key figures and positions for one mission; a part with nothing in it is left out (or, on a mission's
    own sheet, says so)."""
    style = styles.h1 if level == 0 else styles.h2
    out = []
    if not group.keys.empty or say_when_empty:
        out += [*heading("Key figures", style, "Key figures", level),
                *key_figures(scope, group, styles, CONTENT_WIDTH)]
    if not group.statements.empty or say_when_empty:
        out += [*heading("Positions by actor", style, "Positions by actor", level),
                *positions(scope, group.statements, styles, CONTENT_WIDTH)]
    return out


class _Steps:
    """Progress out of 100 (selection and layout to 10, pages to 95, saving to 100) and the cancel check."""

    def __init__(self, progress: Progress | None, cancelled: Callable[[], bool] | None) -> None:
        self._progress = progress
        self._cancelled = cancelled
        self._flowables = 1
        self._done = 0
        self._last = -1

    def check(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise FactSheetCancelled("The fact sheet was cancelled; no file was written.")

    def report(self, percent: int, text: str) -> None:
        self.check()
        if self._progress is not None and percent != self._last:
            self._last = percent
            self._progress(percent, 100, text)

    def expect_flowables(self, count: int) -> None:
        self._flowables = max(count, 1)

    def flowable_done(self) -> None:
        self._done += 1
        self.report(10 + 85 * min(self._done, self._flowables) // self._flowables, "Laying out pages")


def check_destination(target: str | os.PathLike) -> None:
    """Raise FactSheetError, naming the path, when a fact sheet could not be saved there; call it before
    long work so a typo in the folder fails at once."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise FactSheetError(f"Cannot write the fact sheet to {target}: it is a folder; give a file name "
                             "ending in .pdf.")
    if not folder.is_dir():
        raise FactSheetError(f"Cannot write the fact sheet to {target}: the folder {folder} does not exist.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise FactSheetError(f"Cannot write the fact sheet to {target}: the folder {folder} is not writable.")
    if target.exists() and not os.access(target, os.W_OK):
        raise FactSheetError(f"Cannot write the fact sheet to {target}: the file is read-only.")


def _replace(target: Path, data: bytes) -> None:
    """Write beside the target and rename over it: a failed or interrupted write leaves the old file as is."""
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        raise FactSheetError(f"Cannot write the fact sheet to {target}: {exc.strerror or exc}.") from exc
    finally:
        tmp.unlink(missing_ok=True)
