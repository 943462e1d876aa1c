"""Key figures: one block of rows per fact key with every source's number, the disagreements called out in
words, and the chart of reported counts by date and source."""

from __future__ import annotations

import pandas as pd
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from missiondesk.facts.qualifiers import label as figure_label
from missiondesk.report.factsheet_chart import chartable, count_chart
from missiondesk.report.factsheet_scope import MissionGroup, Scope
from missiondesk.report.factsheet_styles import (
    ALERT_HEX,
    ALERT_ROW,
    GRID,
    RULE,
    Styles,
    callout_table,
    grid_table,
)
from missiondesk.report.factsheet_text import escaped, missing, quoted

REVIEW_MARK = {"accepted": "✓", "edited": "✎"}
QUESTIONS_LIMIT = 30  # fact keys in one mission's table: disagreements first, then the most reported
REPORTS_LIMIT = 12  # articles shown for one key
UNDATED_LIMIT = 20
CALLOUTS_LIMIT = 10


def cite(scope: Scope, document: str) -> str:
    """[n], linked to the article's entry in the Sources list."""
    number = scope.cite(document)
    return f'<a href="#source-{number}" color="#24415e">[{number}]</a>' if number else ""


def source_name(scope: Scope, document: str, limit: int = 60) -> str:
    """The outlet, or the article's title in italics when the outlet is not known."""
    row = scope.articles[document]
    if not missing(row["outlet"]):
        return escaped(row["outlet"], limit)
    return f"<i>{escaped(row['title'], limit, 'untitled article')}</i>"


def key_figures(scope: Scope, group: MissionGroup, styles: Styles, width: float) -> list:
    """The figures table for a mission, its disagreements, and its chart."""
    if group.keys.empty:
        return [Paragraph("No troop counts were reported for this mission.", styles.note)]
    out = [_figures_table(scope, group, styles, width)]
    if len(group.keys) > QUESTIONS_LIMIT:
        out.append(Paragraph(f"The {QUESTIONS_LIMIT} questions with disagreements or the most reports are "
                             f"shown; {len(group.keys) - QUESTIONS_LIMIT:,} more are in the comparison "
                             "(missiondesk compare, or the window's Troop counts tab).", styles.note))
    by_key = {d["key"]: d for d in scope.comparison.disagreements}
    shown = [by_key[k] for k in group.keys["key"].head(QUESTIONS_LIMIT) if k in by_key]
    for item in shown[:CALLOUTS_LIMIT]:
        out += [Spacer(1, 6), disagreement_callout(scope, item, styles, width)]
    if len(shown) > CALLOUTS_LIMIT:
        more = len(shown) - CALLOUTS_LIMIT
        out.append(Paragraph(f"{more:,} more disagreements are marked in the table above.", styles.note))
    if chartable(group.counts):
        out.extend(_chart(scope, group, styles, width))
    return out


def _figures_table(scope: Scope, group: MissionGroup, styles: Styles, width: float) -> Table:
    widths = [width * f for f in (0.31, 0.19, 0.29, 0.14, 0.07)]  # '12,000 → 24,000' fits on one line
    head = [Paragraph(t, styles.cell_head) for t in ("Question", "Reported", "Source", "Published", "Ref.")]
    rows, style = [head], grid_table(inner=False)
    status = dict(zip(scope.frames.counts["id"], scope.frames.counts["status"]))
    order = {d: i for i, d in enumerate(scope.sources["id"])}  # date order, undated last
    for key in group.keys[["key", "label", "disagree"]].head(QUESTIONS_LIMIT).to_dict("records"):
        first = len(rows)
        cells = sorted(scope.cells_of(key["key"]), key=lambda c: order.get(c["document"], 0))
        for i, cell in enumerate(cells[:REPORTS_LIMIT]):
            label = ""
            if i == 0:
                label = f"<b>{escaped(key['label'], 200)}</b>"
                if key["disagree"]:
                    label += f'<br/><font color="{ALERT_HEX}" size="7.5"><b>✗ SOURCES DISAGREE</b></font>'
            rows.append([
                Paragraph(label, styles.cell),
                Paragraph(f"<b>{escaped(cell['text'], 60)}</b>{_review_mark(cell['ids'], status)}",
                          styles.cell_right),
                Paragraph(source_name(scope, cell["document"]), styles.cell),
                Paragraph(scope.dated(cell["document"], cell["published"]), styles.cell),
                Paragraph(cite(scope, cell["document"]), styles.cell),
            ])
        if len(cells) > REPORTS_LIMIT:
            rows.append(["", Paragraph(f'<font color="#5b6470">… and {len(cells) - REPORTS_LIMIT:,} more '
                                       "reports</font>", styles.cell), "", "", ""])
            style.append(("SPAN", (1, len(rows) - 1), (-1, len(rows) - 1)))
        last = len(rows) - 1
        style.append(("LINEABOVE", (0, first), (-1, first), 0.8, RULE))
        style.append(("NOSPLIT", (0, first), (-1, min(last, first + 5))))  # a question stays with its figures
        if first < last:  # the question's cell stays open down its block; its sources are ruled lightly
            style.append(("LINEBELOW", (1, first), (-1, last - 1), 0.25, GRID))
        if key["disagree"]:
            style.append(("BACKGROUND", (0, first), (-1, last), ALERT_ROW))
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return table


def _review_mark(ids, status: dict) -> str:
    marks = {status.get(i) for i in ids}
    for name in ("edited", "accepted"):
        if name in marks:
            return f' <font size="7" color="#5b6470">{REVIEW_MARK[name]}</font>'
    return ""


def disagreement_callout(scope: Scope, item: dict, styles: Styles, width: float) -> KeepTogether:
    """The explanation sentence in a tinted box, then each source's figure and the sentence it came from."""
    rows = [[Paragraph(f"Disagreement: {escaped(item['label'], 200)}", styles.callout_head)],
            [Paragraph(escaped(item["explanation"], 600), styles.callout)]]
    for source in item["sources"][:REPORTS_LIMIT]:
        sentence = "" if missing(source.get("sentence")) else quoted(source["sentence"], "direct", 220)
        rows.append([Paragraph(
            f"<b>{escaped(source.get('text'), 40)}</b>  {source_name(scope, source['document'])}, "
            f"{scope.dated(source['document'], source.get('published'))} {cite(scope, source['document'])}: "
            f"{sentence}", styles.small)])
    table = Table(rows, colWidths=[width], hAlign="LEFT")
    table.setStyle(callout_table())
    return KeepTogether([table])


def _chart(scope: Scope, group: MissionGroup, styles: Styles, width: float) -> list:
    labels = dict(zip(group.keys["key"], group.keys["label"]))
    drawing, dropped = count_chart(group.counts, labels, scope.cite, width)
    caption = (f"<b>Reported counts by date and source</b> — {escaped(group.name, 120)}. Each point is one "
               "article's figure, labelled with its outlet and citation; a bar shows the range its wording "
               "allows (“some” ±10 %), an arrow a figure open upwards (“more than”).")
    parts = [Spacer(1, 8), KeepTogether([drawing, Paragraph(caption, styles.note)])]
    if dropped:
        parts.append(Paragraph(f"Not charted (fewer reports): {escaped('; '.join(dropped), 600)}.",
                               styles.note))
    undated = _undated(scope, group)
    if undated:
        parts.append(Paragraph(f"<b>Undated reports, not on the chart:</b> {undated}.", styles.note))
    return parts


def _undated(scope: Scope, group: MissionGroup) -> str:
    counts = group.counts[group.counts["date"].isna()]
    if counts.empty:
        return ""
    labels = dict(zip(group.keys["key"], group.keys["label"]))
    parts = []
    for key, rows in counts.head(UNDATED_LIMIT).groupby("key", sort=False):
        figures = ", ".join(f"{escaped(figure(r), 40)} {source_name(scope, r.document, 40)} "
                            f"{cite(scope, r.document)}" for r in rows.itertuples())
        parts.append(f"{escaped(labels.get(key, key), 120)}: {figures}")
    more = f"; and {len(counts) - UNDATED_LIMIT:,} more" if len(counts) > UNDATED_LIMIT else ""
    return "; ".join(parts) + more


def figure(count) -> str:
    """A count's figure as the comparison writes it: '≥ 10,000', '~2,500', '500 → 4,000'; from a row of
    the counts frame or a record (dict) of it."""
    get = count.get if isinstance(count, dict) else lambda name: getattr(count, name)
    to = None if pd.isna(get("value_to")) else int(get("value_to"))
    return figure_label(int(get("value")), to, get("qualifier"))
