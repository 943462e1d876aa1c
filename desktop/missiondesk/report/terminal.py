"""The comparison printed for a terminal: one block per fact key, one line per article, then disagreements."""

from __future__ import annotations

import shutil
import textwrap
from typing import TextIO

from missiondesk.facts.compare import Comparison


def print_comparison(counts: Comparison, out: TextIO) -> None:
    width = min(shutil.get_terminal_size((100, 24)).columns, 120)
    docs = counts.documents.set_index("id")
    order = {d: i for i, d in enumerate(counts.documents["id"])}
    out.write(f"Troop counts across {len(counts.documents)} articles ({len(counts.keys)} questions)\n\n")
    for key in counts.keys.itertuples():
        mark = "  ✗ DISAGREE" if key.disagree else ""
        out.write(f"{key.label}{mark}\n")
        cells = counts.cells[counts.cells["key"] == key.key]
        for cell in sorted(cells.itertuples(), key=lambda c: order.get(c.document, 0)):
            doc = docs.loc[cell.document]
            source = f"{doc['outlet'] if isinstance(doc['outlet'], str) else doc['title'][:30]}, " \
                     f"{doc['published'] if isinstance(doc['published'], str) else 'undated'}"
            out.write(f"    {cell.text:>16}   {source}\n")
        out.write("\n")
    if counts.disagreements:
        out.write("Disagreements\n")
        for item in counts.disagreements:
            out.write(textwrap.fill(item["explanation"], width=width, initial_indent="  • ",
                                    subsequent_indent="    ") + "\n")
    else:
        out.write("No disagreements.\n")
