"""The sections around the figures: title, summary, positions by actor, timeline and sources."""

from __future__ import annotations

import re
from pathlib import PurePath

import pandas as pd
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from missiondesk.report.factsheet_figures import cite, figure, source_name
from missiondesk.report.factsheet_page import Heading, heading
from missiondesk.report.factsheet_scope import Scope, date_typed
from missiondesk.report.factsheet_styles import BAND_FILL, GRID, RULE, Styles, grid_table
from missiondesk.report.factsheet_text import count_noun, day, escaped, missing, plain, quoted

PER_ACTOR = 10  # statements shown for each actor on a corpus or mission sheet; the actor sheet shows them all
ACTOR_SHEET_LIMIT = 300
TIMELINE_LIMIT = 150
TIMELINE_QUOTE = 160
UNCITED_LIMIT = 100
SUMMARY_DISAGREEMENTS = 8
ACTORS_LIMIT = 20  # actors in one mission's positions, most statements first
_PERIOD = re.compile(r", [A-Z][a-z]{2} \d{4}$")
_THE = re.compile(r"^the\s+", re.I)
SHORT_SOURCE = 28  # an outlet, or an untitled outlet's headline, in a narrow column
NOTATION = ("<b>Reading the figures.</b> ≥ more than · ~ about (±10 %) · ≤ up to · a–b between · "
            "a → b a change from a to b. ✓ accepted and ✎ edited by an analyst; other facts are as "
            "extracted. [n] cites the numbered article under Sources. Dates are the articles' publication "
            "dates; † marks a date the analyst typed.")


def title_block(scope: Scope, styles: Styles) -> list:
    return [Heading(escaped(scope.title), styles.title, plain(scope.title, 120), 0),
            Paragraph(escaped(scope.subtitle), styles.subtitle)]


def summary(scope: Scope, styles: Styles, width: float) -> list:
    f, comparison = scope.frames, scope.comparison
    docs = f.documents
    outlets = sorted({plain(o) for o in docs["outlet"] if not missing(o)})
    no_outlet = int(docs["outlet"].map(missing).sum())
    disagreements = comparison.disagreements
    actors = f.statements["actor"].nunique()
    lines = []
    if scope.kind == "actor":
        lines.append(("Actor", _actor_line(scope)))
    if scope.kind == "mission" and scope.groups:
        lines.append(("Mission", f"<b>{escaped(scope.groups[0].name)}</b> ({escaped(scope.mission)}). "
                                 f"{escaped(scope.groups[0].details)}"))
    lines += [
        ("Articles", f"{count_noun(len(docs), 'article')}; dated {escaped(scope.date_span)}"),
        ("Outlets", (escaped(", ".join(outlets), 600) if outlets else "none named")
         + (f"; {count_noun(no_outlet, 'article')} without a named outlet" if no_outlet else "")),
        ("Troop counts", f"{count_noun(len(f.counts), 'count')} on "
                         f"{count_noun(len(comparison.keys), 'question')}"),
    ]
    if scope.kind != "actor":
        lines.append(("Statements",
                      f"{count_noun(len(f.statements), 'statement')} by {count_noun(actors, 'actor')}"))
    if scope.kind != "mission":
        named = [g for g in scope.groups if g.mission]
        loose = sum(g.facts for g in scope.groups if not g.mission)
        listed = "; ".join(f"{escaped(g.name)} ({count_noun(g.facts, 'fact')})" for g in named)
        loose = f"; {count_noun(loose, 'fact')} without a mission" if loose else ""
        lines.append(("Missions", (listed or "none identified") + loose))
    lines.append(("Disagreements", _disagreement_count(disagreements)))
    lines.append(("Review", _review_line(f)))
    rows = [[Paragraph(f"<b>{k}</b>", styles.cell), Paragraph(v, styles.cell)] for k, v in lines]
    table = Table(rows, colWidths=[width * 0.2, width * 0.8], hAlign="LEFT")
    table.setStyle(TableStyle([*grid_table(header_rows=0), ("BACKGROUND", (0, 0), (0, -1), BAND_FILL)]))
    out = [*heading("Summary", styles.h1, "Summary", 0), table, Spacer(1, 6)]
    if disagreements:
        out.append(Paragraph("<b>Where the sources disagree</b>", styles.body))
        out += [Paragraph(escaped(d["explanation"], 600), styles.body, bulletText="•")
                for d in disagreements[:SUMMARY_DISAGREEMENTS]]
        if len(disagreements) > SUMMARY_DISAGREEMENTS:
            more = len(disagreements) - SUMMARY_DISAGREEMENTS
            out.append(Paragraph(f"… and {more:,} more, marked in the key figures.", styles.body))
    out.append(Paragraph(NOTATION, styles.note))
    return out


def _disagreement_count(disagreements: list) -> str:
    if not disagreements:
        return "none: every question's figures are compatible once their wording is allowed for"
    return f"{count_noun(len(disagreements), 'question')} on which the sources' figures cannot all be true"


def _review_line(f) -> str:
    status = pd.concat([f.counts["status"], f.statements["status"]])
    seen = status.value_counts()
    reviewed = int(seen.get("accepted", 0) + seen.get("edited", 0))
    if not reviewed:
        return "no fact has been reviewed by an analyst yet"
    return (f"{seen.get('accepted', 0)} accepted, {seen.get('edited', 0)} edited, "
            f"{seen.get('unreviewed', 0)} not reviewed (rejected facts are left out)")


def _actor_line(scope: Scope) -> str:
    st = scope.frames.statements
    role = actor_role(st["actor_role"])
    topics = st["topic"].fillna("general").value_counts()
    listed = ", ".join(f"{escaped(t, 60)} ({n})" for t, n in topics.head(8).items())
    return (f"<b>{escaped(scope.actor, 120)}</b>{f' ({escaped(role, 80)})' if role else ''}: "
            f"{count_noun(len(st), 'statement')} on {listed}")


def actor_role(roles) -> str | None:
    """The role the articles give most often, skipping bare honorifics such as 'Mr'."""
    roles = [_THE.sub("", plain(r)) for r in roles if not missing(r)]
    roles = [r for r in roles if len(r) > 3]
    return max(dict.fromkeys(roles), key=roles.count) if roles else None


def positions(scope: Scope, statements: pd.DataFrame, styles: Styles, width: float,
              by_actor: bool = True) -> list:
    """Statements grouped by actor (most statements first), each dated and cited; or, on an actor's sheet,
    one list in date order."""
    if statements.empty:
        return [Paragraph("No statements were found.", styles.note)]
    widths = [width * f for f in (0.18, 0.17, 0.58, 0.07)]
    head = [Paragraph(t, styles.cell_head) for t in ("Date, source", "Topic", "Statement", "Ref.")]
    rows, style = [head], grid_table()
    order = {d: i for i, d in enumerate(scope.sources["id"])}
    columns = ["document", "actor", "actor_role", "kind", "content", "topic", "start", "status", "published"]
    records = sorted(statements[columns].to_dict("records"),
                     key=lambda r: (order.get(r["document"], 0), r["start"]))
    if not by_actor:
        for record in records[:ACTOR_SHEET_LIMIT]:
            rows.append(_statement_row(scope, record, styles))
        if len(records) > ACTOR_SHEET_LIMIT:
            rows.append(_spanning(f"… and {len(records) - ACTOR_SHEET_LIMIT} more statements.", styles))
            style.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
    else:
        by_name: dict[str, list[dict]] = {}
        for record in records:
            by_name.setdefault(plain(record["actor"], default="Unnamed speaker"), []).append(record)
        actors = sorted(by_name, key=lambda a: (-len(by_name[a]), a.casefold()))
        for actor in actors[:ACTORS_LIMIT]:
            mine = by_name[actor]
            role = actor_role(r["actor_role"] for r in mine)
            label = (f"<b>{escaped(actor, 120)}</b>" + (f" — {escaped(role, 80)}" if role else "")
                     + f' <font color="#5b6470">· {count_noun(len(mine), "statement")}</font>')
            rows.append(_spanning(label, styles))
            at = len(rows) - 1
            style += [("SPAN", (0, at), (-1, at)), ("BACKGROUND", (0, at), (-1, at), BAND_FILL),
                      ("NOSPLIT", (0, at), (-1, at + 1)),  # an actor's name never ends a page
                      ("LINEABOVE", (0, at), (-1, at), 0.6, RULE)]
            rows += [_statement_row(scope, record, styles) for record in mine[:PER_ACTOR]]
            if len(mine) > PER_ACTOR:
                more = (f'<font color="#5b6470">… and {len(mine) - PER_ACTOR} more by {escaped(actor, 80)}; '
                        "an actor fact sheet lists them all.</font>")
                rows.append(_spanning(more, styles))
                style.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
        if len(actors) > ACTORS_LIMIT:
            rest = sum(len(by_name[a]) for a in actors[ACTORS_LIMIT:])
            rows.append(_spanning(f'<font color="#5b6470">… and {count_noun(rest, "statement")} by '
                                  f"{count_noun(len(actors) - ACTORS_LIMIT, 'other actor')}.</font>", styles))
            style.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    return [table]


def _spanning(markup: str, styles: Styles) -> list:
    return [Paragraph(markup, styles.cell), "", "", ""]


def _statement_row(scope: Scope, record: dict, styles: Styles) -> list:
    mark = {"accepted": " ✓", "edited": " ✎"}.get(record["status"], "")
    document = record["document"]
    source = source_name(scope, document, SHORT_SOURCE)
    return [Paragraph(f"{scope.dated(document, record['published'])}<br/>{source}", styles.cell),
            Paragraph(escaped(record["topic"], 60, "general"), styles.cell),
            Paragraph(quoted(record["content"], record["kind"]) + mark, styles.cell),
            Paragraph(cite(scope, document), styles.cell)]


def timeline(scope: Scope, styles: Styles, width: float) -> list:
    """Dated counts and statements in date order; the date is printed once for each day."""
    events = _events(scope)
    out = heading("Timeline", styles.h1, "Timeline", 0)
    undated = (len(scope.frames.counts) + len(scope.frames.statements)) - len(events)
    if not events:
        return out + [Paragraph("No fact comes from a dated article, so there is no timeline.", styles.note)]
    shown = events[-TIMELINE_LIMIT:]  # the latest, in date order
    labels = dict(zip(scope.comparison.keys["key"], scope.comparison.keys["label"]))
    widths = [width * f for f in (0.13, 0.18, 0.62, 0.07)]
    head = [Paragraph(t, styles.cell_head) for t in ("Date", "Source", "Event", "Ref.")]
    rows, style = [head], grid_table(inner=False)
    previous = (None, None)
    for when, _, kind, record in shown:
        document, text = record["document"], _event_text(kind, record, labels)
        new_day, new_article = when != previous[0], (when, document) != previous
        # the day repeated in grey and the citation on every row: a page that continues a day still says
        # which day and which article
        source = source_name(scope, document, SHORT_SOURCE) if new_article else ""
        rows.append([Paragraph(f"<b>{day(when)}</b>" if new_day else _grey(day(when)), styles.cell),
                     Paragraph(source, styles.cell),
                     Paragraph(text, styles.cell),
                     Paragraph(cite(scope, document), styles.cell)])
        at = len(rows) - 1
        if new_day:
            style.append(("LINEABOVE", (0, at), (-1, at), 0.7, RULE))
            style.append(("NOSPLIT", (0, at), (-1, min(at + 1, len(shown)))))
        elif new_article:
            style.append(("LINEABOVE", (1, at), (-1, at), 0.5, RULE))
        else:
            style.append(("LINEABOVE", (2, at), (-1, at), 0.25, GRID))
        previous = (when, document)
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(style))
    out.append(table)
    notes = []
    if len(events) > TIMELINE_LIMIT:
        notes.append(f"The latest {TIMELINE_LIMIT} of {len(events):,} dated events are shown.")
    if undated:
        notes.append(f"{count_noun(undated, 'fact')} from undated articles {'is' if undated == 1 else 'are'} "
                     "not on the timeline.")
    if notes:
        out.append(Paragraph(" ".join(notes), styles.note))
    return out


def _grey(markup: str) -> str:
    return f'<font color="#9aa3ad">{markup}</font>'


def _events(scope: Scope) -> list[tuple]:
    """(date, article order, kind, record) for every dated fact, oldest first; on a day, article by article,
    counts (kind 0) before statements (kind 1). Markup is made only for the events shown."""
    order = {d: i for i, d in enumerate(scope.sources["id"])}
    counts = pd.concat([g.counts for g in scope.groups]) if scope.groups else scope.frames.counts.iloc[0:0]
    st = scope.frames.statements
    dated = []
    for kind, frame in ((0, counts), (1, st)):
        if len(frame):
            dated += [(r["date"], order.get(r["document"], 0), kind, r)
                      for r in frame[frame["date"].notna()].to_dict("records")]
    dated.sort(key=lambda e: e[:3])
    return dated


def _event_text(kind: int, record: dict, labels: dict) -> str:
    if kind == 0:
        what = _PERIOD.sub("", labels.get(record["key"], ""))
        return f"<b>{escaped(figure(record), 40)}</b> {escaped(what, 160)}"
    topic = "" if missing(record["topic"]) else f" ({escaped(record['topic'], 60)})"
    said = quoted(record["content"], record["kind"], TIMELINE_QUOTE)
    return f"<b>{escaped(record['actor'], 100)}</b>{topic}: {said}"


def sources(scope: Scope, styles: Styles) -> list:
    """The cited articles by number; then, on a corpus sheet, the articles read but not cited."""
    out = heading("Sources", styles.h1, "Sources", 0, room=80)
    numbered = sorted(scope.citations.items(), key=lambda item: item[1])
    cited = [Paragraph(f'<a name="source-{n}"/><b>[{n}]</b>\u00a0 {_source_entry(scope.articles[doc])}',
                       styles.source) for doc, n in numbered]
    # a short list is not split across pages
    out += [KeepTogether([out.pop(), *cited])] if len(cited) <= 15 else cited
    rest = [r for r in scope.sources.to_dict("records") if r["id"] not in scope.citations]
    if rest and scope.kind == "corpus":
        out.append(Paragraph(f"<b>Also read</b>, not cited in this sheet "
                             f"({count_noun(len(rest), 'article')}):", styles.body))
        out += [Paragraph(f"–\u00a0 {_source_entry(r)}", styles.source) for r in rest[:UNCITED_LIMIT]]
        if len(rest) > UNCITED_LIMIT:
            out.append(Paragraph(f"… and {len(rest) - UNCITED_LIMIT:,} more.", styles.note))
    return out


def _source_entry(article: dict) -> str:
    outlet = escaped(article["outlet"], 120, "Outlet not named")
    title = escaped(article["title"], 300, "Untitled article")
    stop = "" if title.endswith((".", "…", "?", "!")) else "."
    file = escaped(PurePath(str(article["path"])).name, 200)
    dated = day(article["published"]) != "undated"
    zone = article.get("timezone")
    typed = (f" {escaped(zone, 40)}" if dated and isinstance(zone, str) and zone else "") + \
        (" (date typed by the analyst)" if date_typed(article) and dated else "")
    return (f'{outlet}, {day(article["published"])}{typed}. <i>{title}</i>{stop} '
            f'<font color="#5b6470">File {file}</font>')
