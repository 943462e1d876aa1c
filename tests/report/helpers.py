"""Reading a fact sheet back: its text, outline, metadata and fonts, as a reader (or a PDF tool) sees them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader


@dataclass
class Sheet:
    path: Path
    reader: PdfReader
    pages: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def flat(self) -> str:
        """The text with line breaks and the break opportunities inside long words removed."""
        return " ".join(self.text.replace("\u200b", "").split())

    def outline_titles(self) -> list[str]:
        titles = []

        def walk(items):
            for item in items:
                if isinstance(item, list):
                    walk(item)
                else:
                    titles.append(item.title)

        walk(self.reader.outline)
        return titles

    def fonts(self) -> dict[str, object]:
        """Every font any page (or a form a page draws) uses, by base name."""
        found = {}

        def visit(resources):
            resources = resources.get_object() if resources is not None else {}
            for font in (resources.get("/Font") or {}).values():
                font = font.get_object()
                found[str(font["/BaseFont"])] = font
            for xobject in (resources.get("/XObject") or {}).values():
                xobject = xobject.get_object()
                if "/Resources" in xobject:
                    visit(xobject["/Resources"])

        for page in self.reader.pages:
            visit(page.get("/Resources"))
        return found


def read_sheet(path: Path) -> Sheet:
    reader = PdfReader(str(path))
    return Sheet(path, reader, [page.extract_text() or "" for page in reader.pages])
