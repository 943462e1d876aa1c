"""What a fact sheet covers: the whole corpus, one mission or one actor. Picks the facts and articles,
groups the figures by mission, and numbers the articles for citation."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from missiondesk.facts import Comparison, FactFrames, compare_counts
from missiondesk.facts.compare import count_keys
from missiondesk.report.factsheet_errors import FactSheetError, InvalidSubject
from missiondesk.report.factsheet_text import count_noun, day, missing, plain

KINDS = ("corpus", "mission", "actor")
OTHER = "Facts without an identified mission"

TYPED_MARK = "†"  # after a date the analyst typed (Article properties), where the sheet shows it


@dataclass
class MissionGroup:
    """One mission's share of the sheet: its fact keys (figures) and statements (positions)."""

    mission: str | None
    name: str
    details: str
    keys: pd.DataFrame  # rows of the comparison's keys
    counts: pd.DataFrame  # the counts behind those keys, with a 'key' column
    statements: pd.DataFrame

    @property
    def facts(self) -> int:
        return len(self.counts) + len(self.statements)


@dataclass
class Scope:
    kind: str
    title: str
    subject: str  # the document's metadata subject
    subtitle: str  # the line under the title
    frames: FactFrames  # only the facts and articles this sheet covers
    comparison: Comparison
    groups: list[MissionGroup]
    sources: pd.DataFrame  # the articles this sheet covers, in date order (undated last)
    actor: str | None = None
    mission: str | None = None

    def __post_init__(self) -> None:
        self.citations: dict[str, int] = {}  # document id -> n, in the order the sheet first cites them
        self.articles = {row["id"]: row for row in self.frames.documents.to_dict("records")}
        self._cells: dict[str, list[dict]] = {}
        for cell in self.comparison.cells.to_dict("records"):
            self._cells.setdefault(cell["key"], []).append(cell)

    def cells_of(self, key: str) -> list[dict]:
        """What each article reports on one fact key: text ('≥ 10,000'), document, published, ids."""
        return self._cells.get(key, [])

    @property
    def date_span(self) -> str:
        dates = self.sources["date"].dropna()
        undated = int(self.sources["date"].isna().sum())
        span = "no dated articles" if dates.empty else (
            day(dates.min()) if dates.min() == dates.max() else f"{day(dates.min())} to {day(dates.max())}")
        return span + (f" ({undated} undated)" if undated and not dates.empty else "")

    def dated(self, document: str, published=None) -> str:
        """The article's date as the sheet shows it, followed by TYPED_MARK when the analyst typed it (the
        frames' documents say so in 'date_typed')."""
        article = self.articles.get(document, {})
        shown = day(article.get("published") if published is None else published)
        return f"{shown} {TYPED_MARK}" if date_typed(article) and shown != "undated" else shown

    def cite(self, document: str) -> int | None:
        """The article's citation number; the first article cited is [1], as a reader meets them."""
        if document not in self.articles:
            return None
        return self.citations.setdefault(document, len(self.citations) + 1)


def select(frames: FactFrames, kind: str, mission: str | None, actor: str | None,
           title: str | None) -> Scope:
    """The facts a sheet of this kind covers; raises InvalidSubject for a mission or actor the articles
    do not hold and FactSheetError when there is nothing to report."""
    if kind == "corpus" and (mission is not None) != (actor is not None):
        kind = "mission" if mission is not None else "actor"
    if kind not in KINDS:
        raise InvalidSubject(f"Unknown fact sheet kind '{kind}'; use one of: {', '.join(KINDS)}.")
    if kind == "mission":
        return _mission_scope(frames, mission, title)
    if kind == "actor":
        return _actor_scope(frames, actor, title)
    if frames.counts.empty and frames.statements.empty:
        raise FactSheetError("These articles hold no troop counts or statements (once reviews are applied), so "
                             "there is nothing to put in a fact sheet; add articles about military missions, "
                             "or include facts that are not yet accepted.")
    n = len(frames.documents)
    outlets = frames.documents["outlet"].dropna().nunique()
    return _scope("corpus", frames, title or "Military missions: troop counts and positions",
                  f"Troop counts and positions from {count_noun(n, 'article')}",
                  f"Fact sheet on {count_noun(n, 'article')} from {count_noun(outlets, 'named outlet')}")


def _mission_scope(frames: FactFrames, mission: str | None, title: str | None) -> Scope:
    known = frames.missions["id"].tolist()
    if missing(mission) or mission not in known:
        listing = _listing(known, "missions")
        asked = ("A mission fact sheet needs a mission id" if missing(mission)
                 else f"No mission '{plain(mission, 60)}'")
        raise InvalidSubject(f"{asked} in these articles; {listing}.")
    counts = frames.counts[frames.counts["mission"] == mission]
    statements = frames.statements[frames.statements["mission"] == mission]
    row = frames.missions[frames.missions["id"] == mission].iloc[0]
    name = plain(row["name"], 120, mission)
    if counts.empty and statements.empty:
        raise FactSheetError(f"No troop counts or statements are linked to {name} ({mission}); "
                             "make a corpus fact sheet instead, or edit the facts to link them to the "
                             "mission.")
    docs = set(counts["document"]) | set(statements["document"])
    sub = _subset(frames, docs, counts, statements, frames.missions[frames.missions["id"] == mission])
    scope = _scope("mission", sub, title or f"{name}: fact sheet",
                   f"{name}: troop counts and positions from {count_noun(len(docs), 'article')}",
                   f"Troop counts and positions from {count_noun(len(docs), 'article')}")
    scope.mission = mission
    return scope


def _actor_scope(frames: FactFrames, actor: str | None, title: str | None) -> Scope:
    actors = frames.statements["actor"].dropna()
    ranked = actors.value_counts().index.tolist()
    name = None if missing(actor) else str(actor)
    if name is not None and name not in set(ranked):
        name = _actor_named(frames.statements, ranked, name)
    if name is None:
        asked = ("An actor fact sheet needs an actor's name" if missing(actor)
                 else f"No actor '{plain(actor, 60)}'")
        raise InvalidSubject(f"{asked} in these articles; {_listing(ranked, 'actors with most statements')}.")
    statements = frames.statements[frames.statements["actor"] == name]
    docs = set(statements["document"])
    counts = frames.counts[frames.counts["document"].isin(docs)]
    used = set(statements["mission"].dropna()) | set(counts["mission"].dropna())
    sub = _subset(frames, docs, counts, statements, frames.missions[frames.missions["id"].isin(used)])
    shown = plain(name, 120)
    scope = _scope("actor", sub, title or f"{shown}: positions and figures",
                   f"Positions of {shown} in {count_noun(len(docs), 'article')}, with their figures",
                   f"Statements in {count_noun(len(docs), 'article')}, with the troop counts they report")
    scope.actor = name
    return scope


_HONORIFICS = ("mr ", "mrs ", "ms ", "dr ", "the ")


def _actor_named(statements, ranked: list[str], asked: str) -> str | None:
    """The actor an analyst means by another of its names: any case, a surname or 'Mr Stoltenberg' that only one
    actor ends with, or the role of only one ('the NATO secretary general')."""
    low = asked.strip().casefold()
    folded = [a for a in ranked if a.casefold() == low]
    if folded:
        return folded[0]
    bare = low
    for honorific in _HONORIFICS:
        bare = bare.removeprefix(honorific)
    ending = [a for a in ranked if a.casefold().split()[-1:] == bare.split()[-1:] and " " not in bare]
    if len(ending) == 1:
        return ending[0]
    roles = statements.dropna(subset=["actor_role"])
    holders = {a for a, r in zip(roles["actor"], roles["actor_role"]) if _role_key(str(r)) == _role_key(bare)}
    return holders.pop() if len(holders) == 1 else None


def _role_key(role: str) -> str:
    """'Nato's Secretary-General' and 'the NATO secretary general' alike."""
    role = re.sub(r"['’]s\b", "", role.casefold()).replace("-", " ")
    return " ".join(role.split()).removeprefix("the ")


def _listing(names: list[str], what: str, first: int = 8) -> str:
    if not names:
        return f"there are no {what.split()[0]} in them"
    shown = ", ".join(plain(n, 60) for n in names[:first])
    more = f" and {len(names) - first} more" if len(names) > first else ""
    return f"{what}: {shown}{more}"


def _subset(frames: FactFrames, docs: set, counts: pd.DataFrame, statements: pd.DataFrame,
            missions: pd.DataFrame) -> FactFrames:
    documents = frames.documents[frames.documents["id"].isin(docs)]
    return FactFrames(documents.reset_index(drop=True), counts.reset_index(drop=True),
                      statements.reset_index(drop=True), missions.reset_index(drop=True))


def _scope(kind: str, frames: FactFrames, title: str, subject: str, subtitle: str) -> Scope:
    comparison = compare_counts(frames)
    counts = frames.counts.copy()
    counts["key"] = count_keys(counts) if len(counts) else pd.Series(dtype=object)
    sources = frames.documents.sort_values(["date", "title"], na_position="last").reset_index(drop=True)
    groups = _groups(frames, comparison, counts)
    return Scope(kind, plain(title, 160, "Fact sheet"), plain(subject, 200), plain(subtitle, 200), frames,
                 comparison, groups, sources)


def _groups(frames: FactFrames, comparison: Comparison, counts: pd.DataFrame) -> list[MissionGroup]:
    """Missions with facts, most facts first; facts with no mission last."""
    keys = comparison.keys
    key_mission = dict(zip(keys["key"], keys["mission"]))
    counts = counts.assign(group=[_id(key_mission.get(k)) for k in counts["key"]])
    statements = frames.statements.assign(group=[_id(m) for m in frames.statements["mission"]])
    keys = keys.assign(group=[_id(m) for m in keys["mission"]])
    info = frames.missions.drop_duplicates("id").set_index("id")
    groups = []
    for mission in dict.fromkeys([*counts["group"], *statements["group"]]):
        group_keys = keys[keys["group"] == mission].sort_values(["disagree", "facts", "label"],
                                                                ascending=[False, False, True])
        row = info.loc[mission] if mission in info.index else None
        groups.append(MissionGroup(
            mission or None,
            OTHER if not mission else plain(row["name"] if row is not None else mission, 120, mission),
            _details(row, mission),
            group_keys.drop(columns="group"),
            counts[counts["group"] == mission].drop(columns="group"),
            statements[statements["group"] == mission].drop(columns="group")))
    return sorted(groups, key=lambda g: (g.mission is None, -g.facts, g.name))


def _id(value) -> str:
    return "" if missing(value) else str(value)


def _details(row, mission: str) -> str:
    if not mission:
        return "Counts and statements the extraction could not tie to a mission."
    if row is None:
        return f"Mission id {mission}."
    parts = []
    if not missing(row["lead"]):
        parts.append(f"Led by {plain(row['lead'], 60)}")
    if not missing(row["theater"]):
        parts.append(f"theatre {plain(row['theater'], 60)}")
    start, end = row["start"], row["end"]
    if not missing(start):
        since, until = plain(start, 12), plain(end, 12)
        parts.append(f"since {since}" if missing(end) else f"{since} to {until}")
    if not bool(row["known"]):
        parts.append("not in the mission gazetteer (described in the articles)")
    return (", ".join(parts) or f"Mission id {mission}") + "."


def date_typed(article: dict) -> bool:
    """Whether the analyst typed this article's date (False when the frames do not say)."""
    value = article.get("date_typed")
    return isinstance(value, (bool, np.bool_)) and bool(value)
