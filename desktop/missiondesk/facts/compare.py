"""Side by side across articles: the fact key that makes two facts 'the same question', the comparison
matrix (keys down, articles across in date order), disagreements, and timelines."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from missiondesk.facts.collection import collector_paused
from missiondesk.facts.frames import FactFrames
from missiondesk.facts.qualifiers import describe, label

SAME_DEPLOYMENT_DAYS = 45  # reports this close in time are about the same state of a deployment
_PAST_YEAR = r"\b(?:in|since|by|of|at its peak in|until)\s+((?:19|20)\d\d)\b"


@dataclass
class Comparison:
    keys: pd.DataFrame  # one row per fact key: key, kind, label, whose, where, unit, mission, documents, disagree
    cells: pd.DataFrame  # one row per (key, document): the value(s) that article gives, as text and intervals
    documents: pd.DataFrame  # the articles, in date order, with the header text of their column
    disagreements: list[dict]

    def matrix(self, keys: list[str] | None = None) -> pd.DataFrame:
        """The wide matrix: keys down, articles across in date order; empty where an article is silent."""
        cells = self.cells if keys is None else self.cells[self.cells["key"].isin(keys)]
        key_codes, key_names = pd.factorize(cells["key"])
        doc_codes = pd.Index(self.documents["id"]).get_indexer(cells["document"]).astype(np.int64)
        used = np.unique(doc_codes)
        grid = np.full((len(key_names), len(self.documents)), None, dtype=object)
        grid[key_codes, doc_codes] = cells["text"].to_numpy(dtype=object)  # one cell per (key, document)
        labels = self.keys.set_index("key")["label"]
        return pd.DataFrame(grid[:, used], index=[labels.get(k, k) for k in key_names],
                            columns=self.documents["header"].to_numpy()[used], dtype=object)


@collector_paused()
def compare_counts(frames: FactFrames) -> Comparison:
    counts = frames.counts.copy()
    docs = _ordered_documents(frames)
    if counts.empty:
        return Comparison(_empty_keys(), _empty_cells(), docs, [])
    counts["key"] = count_keys(counts)
    return compare_keyed_counts(counts, docs)


def compare_keyed_counts(counts: pd.DataFrame, docs: pd.DataFrame) -> Comparison:
    """The comparison of counts whose 'key' column is set (changed in place: a 'cell' column is added). Every
    figure of the result is worked out key by key, so the counts of some keys give those keys' rows exactly as
    the whole corpus would (what a review's update relies on)."""
    counts["cell"] = _labels(counts)
    cells = _cells(counts, "cell", "; ", {"lo": "max", "hi": "min"})
    keys = _count_key_table(counts)
    disagreements = _disagreements(counts, keys)
    keys["disagree"] = keys["key"].isin({d["key"] for d in disagreements})
    return Comparison(keys, cells, docs, disagreements)


def _labels(counts: pd.DataFrame) -> list[str]:
    to = counts["value_to"].to_numpy()
    return [label(v, None if t != t else t, q) for v, t, q in zip(counts["value"].to_numpy(), to,
                                                                   counts["qualifier"].to_numpy())]


def _cells(frame: pd.DataFrame, text: str, joiner: str, extra: dict[str, str]) -> pd.DataFrame:
    """One row per (key, document), in the order the pairs first appear: most pairs hold one fact and are
    taken as they are; the pairs with several facts are joined group by group over sorted arrays (pandas'
    per-group aggregation was the slow part on large corpora)."""
    columns = ["key", "document", text, "id", "outlet", "published", "date", *extra]
    dup = frame.duplicated(["key", "document"], keep=False).to_numpy()
    single = frame.loc[~dup, columns].rename(columns={text: "text"})
    single["ids"] = single.pop("id").to_numpy()[:, None].tolist()
    several = frame.loc[dup, columns]
    if not len(several):
        return single.reset_index(drop=True)
    codes, _ = pd.factorize(pd.MultiIndex.from_frame(several[["key", "document"]]))
    order = np.argsort(codes, kind="stable")  # groups in order of first appearance, rows in order within
    starts = np.flatnonzero(np.r_[True, codes[order][1:] != codes[order][:-1]])
    bounds = list(zip(starts.tolist(), [*starts[1:].tolist(), len(order)]))
    rows = several.iloc[order]
    texts, ids = rows[text].tolist(), rows["id"].tolist()
    grouped = rows.iloc[starts][["key", "document", "outlet", "published", "date"]].reset_index(drop=True)
    grouped["text"] = [joiner.join(texts[a:b]) for a, b in bounds]
    grouped["ids"] = [ids[a:b] for a, b in bounds]
    for name, how in extra.items():
        reduce = {"max": np.fmax, "min": np.fmin}[how]  # NaN-skipping, as pandas max and min
        grouped[name] = reduce.reduceat(rows[name].to_numpy(dtype=float), starts)
    return pd.concat([single, grouped[single.columns]], ignore_index=True)


def count_keys(counts: pd.DataFrame) -> pd.Series:
    """whose + where + unit + the time the counts describe: reports within SAME_DEPLOYMENT_DAYS of each other
    share a key; an undated article joins the latest period of its group; a count the sentence dates years
    before the article ('at its peak in 2014') gets its own period. Vectorised: group codes, one lexsort."""
    if counts.empty:
        return pd.Series([], dtype=object, index=counts.index)
    groups = counts[["whose", "where", "unit"]].fillna({"whose": "?", "where": "?", "unit": "troops"})
    group = groups.groupby(["whose", "where", "unit"], sort=False).ngroup().to_numpy()
    dates = counts["date"].copy()
    past = counts.index[(counts["period"] == "past").to_numpy()]
    if len(past):  # only past-tense counts can describe an earlier year
        years = counts.loc[past, "sentence"].str.extract(_PAST_YEAR, expand=False).astype(float)
        article_year = counts.loc[past, "date"].dt.year
        before = years.notna() & (article_year.isna() | (years < article_year - 1))
        moved = before[before].index
        dates.loc[moved] = pd.to_datetime(years[moved].astype(int).astype(str) + "-07-01")
    valid = dates.notna().to_numpy()
    stamp = np.where(valid, dates.to_numpy(dtype="datetime64[ns]").astype("int64"), np.iinfo(np.int64).max)
    order = np.lexsort((stamp, group))
    g, t, ok = group[order], stamp[order], valid[order]
    starts = np.r_[True, g[1:] != g[:-1]]
    limit = np.int64(SAME_DEPLOYMENT_DAYS) * 86_400 * 10**9
    gap = np.r_[False, (t[1:] - t[:-1]) > limit] & ~starts & ok  # undated rows never open a period
    cum = np.cumsum(gap)
    first = np.maximum.accumulate(np.where(starts, np.arange(len(g)), 0))
    period = np.empty(len(g), dtype=np.int64)
    period[order] = cum - cum[first]
    codes = group.astype(np.int64) * 100_000 + period
    uniques, inverse = np.unique(codes, return_inverse=True)
    first_row = {}
    for row, code in enumerate(codes):
        first_row.setdefault(code, row)
    names = np.array([f"count|{groups.iat[first_row[c], 0]}|{groups.iat[first_row[c], 1]}|"
                      f"{groups.iat[first_row[c], 2]}|{c % 100_000}" for c in uniques], dtype=object)
    return pd.Series(names[inverse], index=counts.index)


def _count_key_table(counts: pd.DataFrame) -> pd.DataFrame:
    keys = (counts.groupby("key", sort=False)
            .agg(whose=("whose", "first"), where=("where", "first"), unit=("unit", "first"),
                 mission=("mission", lambda s: s.mode().iat[0] if s.notna().any() else None),
                 first=("date", "min"), last=("date", "max"), documents=("document", "nunique"),
                 facts=("id", "count"))
            .reset_index())
    keys["kind"] = "count"
    keys["label"] = [_count_label(w, p, u, d) for w, p, u, d in zip(keys["whose"], keys["where"], keys["unit"],
                                                                      keys["first"])]
    return keys


def _count_label(whose, where, unit, first) -> str:
    who = whose or "Unattributed"
    what = {"troops": "troops", "civilians": "civilian personnel", "police": "police"}.get(unit, unit or "troops")
    place = f" in {where}" if where else ""
    when = f", {first:%b %Y}" if isinstance(first, pd.Timestamp) and not pd.isna(first) else ""
    return f"{who} {what}{place}{when}"


def _disagreements(counts: pd.DataFrame, keys: pd.DataFrame) -> list[dict]:
    """Keys whose reported figures cannot all be true, each with a sentence naming the sources: the source
    whose figure allows the most against the one that allows the least (found for all keys in one pass)."""
    grouped = counts.groupby("key", sort=False).agg(lo=("lo", "max"), hi=("hi", "min"), docs=("document", "nunique"))
    clash = grouped[(grouped["docs"] >= 2) & (grouped["lo"] > grouped["hi"])].index
    if not len(clash):
        return []
    labels = keys.set_index("key")["label"]
    subset = counts[counts["key"].isin(clash)]
    highs = subset.loc[subset.groupby("key", sort=False)["lo"].idxmax()].set_index("key")
    lows = subset.loc[subset.groupby("key", sort=False)["hi"].idxmin()].set_index("key")
    out = []
    for key in clash:
        high, low = highs.loc[key], lows.loc[key]
        explanation = (f"{labels[key]}: {_source(high)} reports "
                       f"{describe(high.value, _int(high.value_to), high.qualifier)}, but {_source(low)} reports "
                       f"{describe(low.value, _int(low.value_to), low.qualifier)}; both cannot be true.")
        out.append(Disagreement(key=key, label=labels[key], explanation=explanation, rows=subset))
    return out


def _int(value) -> int | None:
    return None if pd.isna(value) else int(value)


def _source(row) -> str:
    return f"{_text(row.outlet, 'unknown outlet')} ({_text(row.published, 'undated')})"


def _text(value, default: str) -> str:
    return default if value is None or (isinstance(value, float) and np.isnan(value)) or value == "" else str(value)


class Disagreement(dict):
    """key, label, explanation; 'sources' (each source's value, qualifier, outlet, date, sentence) is built when
    first read: on a large corpus most disagreements are only counted or listed."""

    def __init__(self, key: str, label: str, explanation: str, rows: pd.DataFrame) -> None:
        super().__init__(key=key, label=label, explanation=explanation)
        self._rows = rows

    def __missing__(self, name: str):
        if name != "sources":
            raise KeyError(name)
        rows = self._rows[self._rows["key"] == self["key"]].sort_values("date", na_position="first", kind="stable")
        table = rows[["document", "outlet", "published", "value", "value_to", "qualifier", "cell", "sentence", "id"]]
        table = table.astype(object).where(table.notna(), None)
        self["sources"] = table.rename(columns={"cell": "text", "id": "fact"}).to_dict("records")
        return self["sources"]


def _ordered_documents(frames: FactFrames) -> pd.DataFrame:
    """The articles in date order with their column headers; worked out once per frames (both comparisons
    and the window ask for them)."""
    docs = frames.documents
    cached = getattr(frames, "_ordered_documents", None)
    if cached is not None and cached[0] is docs:
        return cached[1]
    ordered = docs.sort_values(["date", "title"], na_position="first").reset_index(drop=True)
    ordered["header"] = [document_header(o, t, p) for o, t, p in
                         zip(*(ordered[c].to_numpy(dtype=object) for c in ("outlet", "title", "published")))]
    frames._ordered_documents = (docs, ordered)
    return ordered


def document_header(outlet, title, published) -> str:
    """An article's column header: its outlet (its title's first words when it has none) over its date."""
    return f"{_text(outlet, _short(title))}\n{_text(published, 'undated')}"


def date_order(dates: np.ndarray, titles: list) -> list[int]:
    """The order `_ordered_documents` puts articles in (by date, then title, the missing first; ties as they
    come), worked out in plain Python: pandas' sort costs more than the sorting for a few thousand articles.
    `dates`: datetime64 values (compared as integers: comparing Timestamps is slow)."""
    undated = np.isnat(dates).tolist()
    ticks = dates.astype(np.int64).tolist()

    def key(i: int) -> tuple:
        title = titles[i]
        titled = not _missing_value(title)
        return not undated[i], 0 if undated[i] else ticks[i], titled, title if titled else ""
    return sorted(range(len(ticks)), key=key)


def _missing_value(value) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and value != value)


def _short(title: str, limit: int = 18) -> str:
    return title if len(title) <= limit else title[:limit].rsplit(" ", 1)[0] + "…"


def _empty_keys() -> pd.DataFrame:
    return pd.DataFrame(columns=["key", "kind", "label", "whose", "where", "unit", "mission", "documents", "facts",
                                 "disagree"])


def _empty_cells() -> pd.DataFrame:
    return pd.DataFrame(columns=["key", "document", "text", "lo", "hi", "ids", "outlet", "published", "date"])


@collector_paused()
def compare_statements(frames: FactFrames) -> Comparison:
    """Positions: actors (and topics) down, articles across."""
    st = frames.statements.copy()
    docs = _ordered_documents(frames)
    if st.empty:
        return Comparison(_empty_keys(), _empty_cells(), docs, [])
    st["key"] = statement_keys(st)
    st["text"] = st["content"].str.slice(0, 80)
    cells = _cells(st, "text", " | ", {})
    return Comparison(order_statement_keys(statement_key_table(st)), cells, docs, [])


def statement_keys(statements: pd.DataFrame) -> pd.Series:
    """actor + topic: what makes two statements the same question."""
    return "statement|" + statements["actor"] + "|" + statements["topic"].fillna("general")


def statement_cells(statements: pd.DataFrame) -> pd.DataFrame:
    """The Positions cells of statements whose 'key' column is set (a 'text' column is added), key by key."""
    statements["text"] = statements["content"].str.slice(0, 80)
    return _cells(statements, "text", " | ", {})


def statement_key_table(st: pd.DataFrame) -> pd.DataFrame:
    """One row per key of statements whose 'key' column is set, in order of first appearance (key by key)."""
    keys = (st.groupby("key", sort=False)
            .agg(actor=("actor", "first"), topic=("topic", "first"), role=("actor_role", "first"),
                 mission=("mission", lambda s: s.mode().iat[0] if s.notna().any() else None),
                 documents=("document", "nunique"), facts=("id", "count"), first=("date", "min"))
            .reset_index())
    keys["kind"] = "statement"
    keys["label"] = keys["actor"] + " — " + keys["topic"].fillna("general")
    return keys


def order_statement_keys(keys: pd.DataFrame) -> pd.DataFrame:
    """Actors down: the most quoted first, each actor's topics together (ties in order of first appearance)."""
    weight = keys.groupby("actor")["facts"].transform("sum")
    keys = keys.assign(weight=weight).sort_values(["weight", "actor", "first"], ascending=[False, True, True],
                                                  na_position="last").drop(columns="weight").reset_index(drop=True)
    keys["disagree"] = False
    return keys


def count_timeline(frames: FactFrames, key: str | None = None) -> pd.DataFrame:
    """Reported counts over time: date, value, interval, source; for one key or every key."""
    counts = frames.counts.copy()
    if counts.empty:
        return counts
    counts["key"] = count_keys(counts)
    if key is not None:
        counts = counts[counts["key"] == key]
    return counts.sort_values(["key", "date"], na_position="first")[
        ["key", "date", "published", "value", "value_to", "qualifier", "lo", "hi", "outlet", "document", "id"]]


def statement_timeline(frames: FactFrames, actor: str | None = None) -> pd.DataFrame:
    """Each actor's statements over time."""
    st = frames.statements
    if actor is not None:
        st = st[st["actor"] == actor]
    return st.sort_values(["actor", "date"], na_position="first")[
        ["actor", "date", "published", "topic", "kind", "content", "outlet", "document", "id"]]
