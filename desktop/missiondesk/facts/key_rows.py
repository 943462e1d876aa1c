"""The comparison rows of a few fact keys, worked out in plain Python: what `compare_keyed_counts` (with
`counts_with_rejected`) and the Positions comparison give for those keys, without pandas' grouping machinery,
which costs tens of milliseconds however few the rows. A review touches one to a few keys; this is what keeps
it quick. The columns are typed as the table the rows go into types them (`like`)."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from missiondesk.facts.compare import Disagreement, _count_label, _int, _source
from missiondesk.facts.qualifiers import describe, label
from missiondesk.facts.with_rejected import _with_rejected

_NAT = pd.NaT


def count_rows_compared(rows: pd.DataFrame, keep_rejected: bool, like: tuple[pd.DataFrame, pd.DataFrame],
                        pairs: set[tuple[str, str]] | None = None) -> tuple[pd.DataFrame, pd.DataFrame, list]:
    """Key rows, cells and disagreements of `rows` (counts with their 'key', every count of each key); only the
    cells of `pairs` (key, article) when given (the others have not changed)."""
    counts = rows.copy()
    to = counts["value_to"].tolist()
    counts["cell"] = [label(v, None if t != t else t, q) for v, t, q in
                      zip(counts["value"].tolist(), to, counts["qualifier"].tolist())]
    cols = _columns(counts, ["key", "document", "whose", "where", "unit", "mission", "date", "status", "lo", "hi",
                             "value", "value_to", "qualifier", "outlet", "published", "cell", "id"])
    keys, disagreements = [], []
    for key, members in _by_key(cols["key"]).items():
        whose, where, unit = (_first(cols[name], members) for name in ("whose", "where", "unit"))
        dates = [d for d in (cols["date"][i] for i in members) if not _missing(d)]
        first = min(dates) if dates else _NAT
        row = {"key": key, "whose": whose, "where": where, "unit": unit, "mission": mode_of(cols["mission"], members),
               "first": first, "last": max(dates) if dates else _NAT,
               "documents": len({cols["document"][i] for i in members}), "facts": len(members), "kind": "count",
               "label": _count_label(whose, where, unit, first)}
        clash = _clash(cols, members)
        if clash is not None:
            high, low = (_Row(cols, i) for i in clash)
            explanation = (f"{row['label']}: {_source(high)} reports "
                           f"{describe(high.value, _int(high.value_to), high.qualifier)}, but {_source(low)} reports "
                           f"{describe(low.value, _int(low.value_to), low.qualifier)}; both cannot be true.")
            disagreements.append(Disagreement(key=key, label=row["label"], explanation=explanation, rows=counts))
        row["disagree"] = clash is not None
        if keep_rejected:
            standing = [i for i in members if cols["status"][i] != "rejected"]
            row["disagree"] = _clash(cols, standing) is not None
            row["rejected"] = len(members) - len(standing)
            row["label"] = _with_rejected(row["label"], row["rejected"])
            if not row["disagree"]:
                disagreements = [d for d in disagreements if d["key"] != key]
        keys.append(row)
    cells = _cells(cols, "cell", "; ", True, pairs)
    return _typed(keys, like[0]), _typed(cells, like[1]), disagreements


def statement_rows_compared(rows: pd.DataFrame, keep_rejected: bool, like: tuple[pd.DataFrame, pd.DataFrame],
                            pairs: set[tuple[str, str]] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Key rows (not yet in the Positions order) and cells (of `pairs` when given) of `rows` (statements with
    their 'key')."""
    cols = _columns(rows, ["key", "document", "actor", "topic", "actor_role", "mission", "date", "status",
                           "outlet", "published", "content", "id"])
    cols["text"] = [c[:80] if isinstance(c, str) else c for c in cols["content"]]
    keys = []
    for key, members in _by_key(cols["key"]).items():
        dates = [d for d in (cols["date"][i] for i in members) if not _missing(d)]
        actor, topic = _first(cols["actor"], members), _first(cols["topic"], members)
        row = {"key": key, "actor": actor, "topic": topic, "role": _first(cols["actor_role"], members),
               "mission": mode_of(cols["mission"], members), "documents": len({cols["document"][i] for i in members}),
               "facts": len(members), "first": min(dates) if dates else _NAT, "kind": "statement",
               "label": f"{actor} — {topic if not _missing(topic) else 'general'}"}
        if keep_rejected:
            row["label"] = _with_rejected(row["label"], sum(cols["status"][i] == "rejected" for i in members),
                                          "statement")
        keys.append(row)
    return _typed(keys, like[0]), _typed(_cells(cols, "text", " | ", False, pairs), like[1])


def _columns(frame: pd.DataFrame, names: list[str]) -> dict[str, list]:
    return {name: frame[name].tolist() for name in names}


def _by_key(keys: list[str]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        out.setdefault(key, []).append(i)
    return out


def order_positions(keys: pd.DataFrame) -> pd.DataFrame:
    """`order_statement_keys` in plain Python: the most quoted actor first, each actor's topics together."""
    actors = keys["actor"].tolist()
    weight = Counter()
    for actor, facts in zip(actors, keys["facts"].tolist()):
        weight[actor] += facts
    firsts = keys["first"].tolist()
    order = sorted(range(len(keys)), key=lambda i: (-weight[actors[i]], actors[i], _missing(firsts[i]),
                                                    firsts[i] if not _missing(firsts[i]) else 0))
    out = keys.iloc[order].reset_index(drop=True)
    out["disagree"] = False
    return out


def _clash(cols: dict[str, list], members: list[int]) -> tuple[int, int] | None:
    """The figures that allow the most and the least when sources in two or more articles cannot all hold."""
    if len({cols["document"][i] for i in members}) < 2:
        return None
    high = max(members, key=lambda i: cols["lo"][i])  # max() keeps the first of equals, as idxmax does
    low = min(members, key=lambda i: cols["hi"][i])
    return (high, low) if cols["lo"][high] > cols["hi"][low] else None


def _cells(cols: dict[str, list], text: str, joiner: str, bounds: bool,
           pairs: set[tuple[str, str]] | None) -> list[dict]:
    found: dict[tuple, list[int]] = {}
    for i, pair in enumerate(zip(cols["key"], cols["document"])):
        if pairs is None or pair in pairs:
            found.setdefault(pair, []).append(i)
    out = []
    for (key, document), members in found.items():
        head = members[0]
        cell = {"key": key, "document": document,
                "text": joiner.join(cols[text][i] for i in members) if len(members) > 1 else cols[text][head],
                "outlet": cols["outlet"][head], "published": cols["published"][head], "date": cols["date"][head]}
        if bounds:
            cell["lo"] = float(np.fmax.reduce([cols["lo"][i] for i in members]))
            cell["hi"] = float(np.fmin.reduce([cols["hi"][i] for i in members]))
        cell["ids"] = [cols["id"][i] for i in members]
        out.append(cell)
    return out


def _typed(rows: list[dict], like: pd.DataFrame) -> pd.DataFrame:
    """The rows as a frame whose columns are typed as `like`'s (each built straight in its type)."""
    if not len(like):
        return pd.DataFrame(rows)
    columns = {}
    for name in like.columns:
        values = [row.get(name) for row in rows]
        try:
            columns[name] = pd.Series(values, dtype=like[name].dtype)
        except (TypeError, ValueError):
            columns[name] = pd.Series(values, dtype=object)
    return pd.DataFrame(columns)


def _first(values: list, members: list[int]):
    """The first value that is not missing (pandas' 'first')."""
    return next((values[i] for i in members if not _missing(values[i])), None)


def mode_of(values: list, members: list[int]):
    """The most frequent value, the smallest of equals (pandas' mode().iat[0]); None when all are missing."""
    counted = Counter(values[i] for i in members if not _missing(values[i]))
    if not counted:
        return None
    top = max(counted.values())
    return min(v for v, n in counted.items() if n == top)


def _missing(value) -> bool:
    return value is None or value is _NAT or (isinstance(value, float) and value != value)


class _Row:
    """One count read by attribute, as `_source` reads pandas rows."""

    def __init__(self, cols: dict[str, list], i: int) -> None:
        self.__dict__.update((name, values[i]) for name, values in cols.items())
