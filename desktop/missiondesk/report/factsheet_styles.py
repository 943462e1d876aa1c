"""The fact sheet's look: the embedded DejaVu Sans family, paragraph styles, colours and table styles."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import TableStyle

from missiondesk.paths import resource

FONT = "MissionDeskSans"
BOLD = f"{FONT}-Bold"
ITALIC = f"{FONT}-Oblique"
BOLD_ITALIC = f"{FONT}-BoldOblique"
_FILES = {FONT: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf",
          BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf"}

MARGIN = 18 * mm
INK = colors.HexColor("#1b1f24")
MUTED = colors.HexColor("#5b6470")
RULE = colors.HexColor("#b8c0c8")
GRID = colors.HexColor("#c9d0d6")
HEADER_FILL = colors.HexColor("#dde3e9")
BAND_FILL = colors.HexColor("#edf1f4")
ACCENT = colors.HexColor("#24415e")
ALERT_HEX = "#a4262c"
ALERT = colors.HexColor(ALERT_HEX)
ALERT_FILL = colors.HexColor("#fbeaea")
ALERT_ROW = colors.HexColor("#fdf3f3")
# one colour per question on a chart; distinguishable in greyscale print as well
SERIES = [colors.HexColor(c) for c in ("#1f5f99", "#c8553d", "#2e8b57", "#7b4f9d", "#b8860b", "#4a4a4a")]

_lock = threading.Lock()


def register_fonts() -> None:
    """Register the shipped DejaVu Sans faces once; <b> and <i> in a Paragraph pick the right face."""
    with _lock:
        if FONT in pdfmetrics.getRegisteredFontNames():
            return
        for name, file in _FILES.items():
            path = resource("fonts", file)
            if not path.is_file():
                raise FileNotFoundError(f"The fact sheet font {path} is missing; reinstall MissionDesk.")
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)


def fit(text: str, font: str, size: float, width: float) -> str:
    """Shorten one line of plain text with an ellipsis until it fits `width` points."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle
    note: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    callout_head: ParagraphStyle
    callout: ParagraphStyle
    source: ParagraphStyle


def make_styles() -> Styles:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, textColor=INK, alignment=TA_LEFT,
                          spaceAfter=4, splitLongWords=1, bulletFontName=FONT)
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=MUTED),
        cell=cell,
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=BOLD, textColor=INK),
        note=ParagraphStyle("note", parent=body, fontSize=8, leading=10, textColor=MUTED, spaceBefore=2,
                            spaceAfter=6),
        title=ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=17, leading=21, textColor=ACCENT,
                             spaceAfter=3),
        subtitle=ParagraphStyle("subtitle", parent=body, fontSize=10, leading=13, textColor=MUTED,
                                spaceAfter=10),
        h1=ParagraphStyle("h1", parent=body, fontName=BOLD, fontSize=13, leading=16, textColor=ACCENT,
                          spaceBefore=12, spaceAfter=3),
        h2=ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=10.5, leading=13, textColor=INK,
                          spaceBefore=9, spaceAfter=4),
        h3=ParagraphStyle("h3", parent=body, fontName=BOLD, fontSize=9.5, leading=12, textColor=INK,
                          spaceBefore=6, spaceAfter=2, keepWithNext=1),
        callout_head=ParagraphStyle("callout_head", parent=body, fontName=BOLD, fontSize=9, leading=11.5,
                                    textColor=ALERT, spaceAfter=2),
        callout=ParagraphStyle("callout", parent=body, fontSize=9, leading=11.5, spaceAfter=2),
        source=ParagraphStyle("source", parent=body, fontSize=8.5, leading=10.5, leftIndent=22,
                              firstLineIndent=-22, spaceAfter=3),
    )


def grid_table(header_rows: int = 1, inner: bool = True) -> list[tuple]:
    """A light grid (or only its vertical lines), a shaded header row and top-aligned cells."""
    lines = ("INNERGRID", (0, header_rows), (-1, -1), 0.25, GRID) if inner else \
        ("LINEBEFORE", (1, 0), (-1, -1), 0.25, GRID)
    head = [("LINEBELOW", (0, 0), (-1, header_rows - 1), 0.8, ACCENT),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL)] if header_rows else []
    return [lines, *head,
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOX", (0, 0), (-1, -1), 0.5, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]


def callout_table() -> TableStyle:
    """A disagreement: tinted box with a heavy red rule down its left side."""
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("BACKGROUND", (0, 0), (-1, -1), ALERT_FILL),
        ("LINEBEFORE", (0, 0), (0, -1), 3, ALERT),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, 0), 6),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ])
