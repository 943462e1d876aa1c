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


def count_rows_compared(rows: pd.DataFrame, keep_rejected: bool, like: tuple[pd.DataFrame, pd.DataFrame]
                        ) -> tuple[pd.DataFrame, pd.DataFrame, list]:
    """Key rows, cells and disagreements of `rows` (counts with their 'key', every count of each key)."""
    counts = rows.copy()
    to = counts["value_to"].tolist()
    counts["cell"] = [label(v, None if t != t else t, q) for v, t, q in
                      zip(counts["value"].tolist(), to, counts["qualifier"].tolist())]
    records = counts.to_dict("records")
    by_key: dict[str, list[dict]] = {}
    for record in records:
        by_key.setdefault(record["key"], []).append(record)
    keys, disagreements = [], []
    for key, members in by_key.items():
        dates = [m["date"] for m in members if not _missing(m["date"])]
        whose, where, unit = (_first(members, name) for name in ("whose", "where", "unit"))
        first = min(dates) if dates else _NAT
        row = {"key": key, "whose": whose, "where": where, "unit": unit, "mission": _mode(members, "mission"),
               "first": first, "last": max(dates) if dates else _NAT,
               "documents": len({m["document"] for m in members}), "facts": len(members), "kind": "count",
               "label": _count_label(whose, where, unit, first)}
        clash = _clash(members)
        if clash is not None:
            high, low = clash
            explanation = (f"{row['label']}: {_source(_Row(high))} reports "
                           f"{describe(high['value'], _int(high['value_to']), high['qualifier'])}, but "
                           f"{_source(_Row(low))} reports "
                           f"{describe(low['value'], _int(low['value_to']), low['qualifier'])}; both cannot be true.")
            disagreements.append(Disagreement(key=key, label=row["label"], explanation=explanation, rows=counts))
        row["disagree"] = clash is not None
        if keep_rejected:
            standing = [m for m in members if m["status"] != "rejected"]
            row["disagree"] = _clash(standing) is not None
            row["rejected"] = len(members) - len(standing)
            row["label"] = _with_rejected(row["label"], row["rejected"])
            if not row["disagree"]:
                disagreements = [d for d in disagreements if d["key"] != key]
        keys.append(row)
    cells = _cells(records, "cell", "; ", True)
    return _typed(keys, like[0]), _typed(cells, like[1]), disagreements


def statement_rows_compared(rows: pd.DataFrame, keep_rejected: bool, like: tuple[pd.DataFrame, pd.DataFrame]
                            ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Key rows (not yet in the Positions order) and cells of `rows` (statements with their 'key')."""
    statements = rows.copy()
    statements["text"] = [c[:80] if isinstance(c, str) else c for c in statements["content"].tolist()]
    records = statements.to_dict("records")
    by_key: dict[str, list[dict]] = {}
    for record in records:
        by_key.setdefault(record["key"], []).append(record)
    keys = []
    for key, members in by_key.items():
        dates = [m["date"] for m in members if not _missing(m["date"])]
        actor, topic = _first(members, "actor"), _first(members, "topic")
        row = {"key": key, "actor": actor, "topic": topic, "role": _first(members, "actor_role"),
               "mission": _mode(members, "mission"), "documents": len({m["document"] for m in members}),
               "facts": len(members), "first": min(dates) if dates else _NAT, "kind": "statement",
               "label": f"{actor} — {topic if not _missing(topic) else 'general'}"}
        if keep_rejected:
            row["label"] = _with_rejected(row["label"], sum(m["status"] == "rejected" for m in members),
                                          "statement")
        keys.append(row)
    return _typed(keys, like[0]), _typed(_cells(records, "text", " | ", False), like[1])


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


def _clash(members: list[dict]) -> tuple[dict, dict] | None:
    """The figures that allow the most and the least when sources in two or more articles cannot all hold."""
    if len({m["document"] for m in members}) < 2:
        return None
    high = max(members, key=lambda m: m["lo"])  # max() keeps the first of equals, as idxmax does
    low = min(members, key=lambda m: m["hi"])
    return (high, low) if high["lo"] > low["hi"] else None


def _cells(records: list[dict], text: str, joiner: str, bounds: bool) -> list[dict]:
    pairs: dict[tuple, list[dict]] = {}
    for record in records:
        pairs.setdefault((record["key"], record["document"]), []).append(record)
    out = []
    for (key, document), members in pairs.items():
        head = members[0]
        cell = {"key": key, "document": document, "text": joiner.join(m[text] for m in members) if len(members) > 1
                else head[text], "outlet": head["outlet"], "published": head["published"], "date": head["date"]}
        if bounds:
            cell["lo"] = float(np.fmax.reduce([m["lo"] for m in members]))
            cell["hi"] = float(np.fmin.reduce([m["hi"] for m in members]))
        cell["ids"] = [m["id"] for m in members]
        out.append(cell)
    return out


def _typed(rows: list[dict], like: pd.DataFrame) -> pd.DataFrame:
    if not len(like):
        return pd.DataFrame(rows)
    frame = pd.DataFrame(rows, columns=list(like.columns), dtype=object)  # None stays None until typed
    for column in frame.columns:
        if column in like and frame[column].dtype != like[column].dtype:
            try:
                frame[column] = frame[column].astype(like[column].dtype)
            except (TypeError, ValueError):
                pass
    return frame


def _first(members: list[dict], name: str):
    """The first value that is not missing (pandas' 'first')."""
    return next((m[name] for m in members if not _missing(m[name])), None)


def _mode(members: list[dict], name: str):
    """The most frequent value, the smallest of equals (pandas' mode().iat[0]); None when all are missing."""
    counted = Counter(m[name] for m in members if not _missing(m[name]))
    if not counted:
        return None
    top = max(counted.values())
    return min(v for v, n in counted.items() if n == top)


def _missing(value) -> bool:
    return value is None or value is _NAT or (isinstance(value, float) and value != value)


class _Row:
    """A record read by attribute, as `_source` reads pandas rows."""

    def __init__(self, record: dict) -> None:
        self.__dict__.update(record)
