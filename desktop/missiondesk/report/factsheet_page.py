"""The page: A4 with the marking top and bottom, a header band (title, when generated, the span of article
dates), 'Page X of Y', bookmarks for headings, and progress and cancel checks between flowables."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, CondPageBreak, Frame, PageTemplate, Paragraph

from missiondesk.report.factsheet_styles import ACCENT, BAND_FILL, BOLD, FONT, INK, MARGIN, MUTED, RULE, fit

PAGE_WIDTH, PAGE_HEIGHT = A4
TOP = 66  # marking and header band above the frame
BOTTOM = 52  # footer and marking below it
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
_TOTAL_FORM = "missiondesk-page-total"
CAVEAT = "Machine-extracted from open sources; check each figure against the cited article."


@dataclass(frozen=True)
class Header:
    marking: str
    title: str
    generated: str
    span: str


class Heading(Paragraph):
    """A heading that also becomes an entry in the PDF's outline (bookmarks)."""

    def __init__(self, markup: str, style, outline: str, level: int = 0) -> None:
        super().__init__(markup, style)
        self.outline = outline
        self.outline_level = level


def heading(markup: str, style, outline: str, level: int = 0, room: float = 110) -> list:
    """A heading that starts a new page unless `room` points are left under it: a heading never sits alone
    at the foot of a page, and a long table after it still starts on the same page when it can."""
    return [CondPageBreak(room), Heading(markup, style, outline, level)]


class FactSheetDocument(BaseDocTemplate):
    def __init__(self, target, header: Header, *, title: str, subject: str, author: str,
                 on_flowable: Callable[[], None]) -> None:
        super().__init__(target, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP,
                         bottomMargin=BOTTOM, title=title, subject=subject, author=author,
                         creator="MissionDesk",
                         producer="MissionDesk (ReportLab)", keywords=[header.marking, "fact sheet"],
                         displayDocTitle=True, lang="en", initialFontName=FONT, initialFontSize=9)
        self.header = header
        self._on_flowable = on_flowable
        self._bookmarks = 0
        frame = Frame(MARGIN, BOTTOM, CONTENT_WIDTH, PAGE_HEIGHT - TOP - BOTTOM, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate(id="sheet", frames=[frame], onPage=self._decorate)])

    def build_sheet(self, story: list) -> None:
        self.build(story, canvasmaker=_PageCountingCanvas)

    def afterFlowable(self, flowable) -> None:
        outline = getattr(flowable, "outline", None)
        if outline:
            self._bookmarks += 1
            key = f"section-{self._bookmarks}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(outline, key, level=flowable.outline_level, closed=False)
            if self._bookmarks == 1:
                self.canv.showOutline()
        self._on_flowable()

    def _decorate(self, canvas: Canvas, doc) -> None:
        h = self.header
        width = CONTENT_WIDTH
        canvas.saveState()
        _marking(canvas, h.marking, PAGE_HEIGHT - 24)
        band_top, band_h = PAGE_HEIGHT - 31, 24
        canvas.setFillColor(BAND_FILL)
        canvas.rect(MARGIN, band_top - band_h, width, band_h, stroke=0, fill=1)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN, band_top - band_h, MARGIN + width, band_top - band_h)
        canvas.setFont(FONT, 6.8)
        canvas.setFillColor(MUTED)
        lines = [f"Generated {h.generated}", f"Articles {h.span}"]
        side = min(max(stringWidth(t, FONT, 6.8) for t in lines), width * 0.42)
        canvas.drawRightString(MARGIN + width - 6, band_top - 9.5, fit(lines[0], FONT, 6.8, side))
        canvas.drawRightString(MARGIN + width - 6, band_top - 18.5, fit(lines[1], FONT, 6.8, side))
        canvas.setFont(BOLD, 9)
        canvas.setFillColor(INK)
        canvas.drawString(MARGIN + 6, band_top - 15.5, fit(h.title, BOLD, 9, width - side - 24))

        canvas.setStrokeColor(RULE)
        canvas.line(MARGIN, BOTTOM - 12, MARGIN + width, BOTTOM - 12)
        canvas.setFont(FONT, 7)
        canvas.setFillColor(MUTED)
        label = f"Page {doc.page} of "
        canvas.drawString(MARGIN, BOTTOM - 21, label)
        canvas.saveState()
        canvas.translate(MARGIN + stringWidth(label, FONT, 7), BOTTOM - 21)
        canvas.doForm(_TOTAL_FORM)
        canvas.restoreState()
        canvas.drawRightString(MARGIN + width, BOTTOM - 21, CAVEAT)
        _marking(canvas, h.marking, 16)
        canvas.restoreState()


def _marking(canvas: Canvas, marking: str, y: float) -> None:
    canvas.setFont(BOLD, 9)
    canvas.setFillColor(INK)
    canvas.drawCentredString(PAGE_WIDTH / 2, y, fit(marking, BOLD, 9, CONTENT_WIDTH))


class _PageCountingCanvas(Canvas):
    """Every page's footer draws the same small form for 'Y' in 'Page X of Y'; the form is filled in here,
    once the number of pages is known, so the document is laid out once."""

    def save(self) -> None:
        if len(self._code):
            self.showPage()
        total = self.getPageNumber() - 1
        self.beginForm(_TOTAL_FORM)
        self.setFont(FONT, 7)
        self.setFillColor(MUTED)
        self.drawString(0, 0, str(total))
        self.endForm()
        super().save()
