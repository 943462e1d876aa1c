"""The rows a review changed, as `LiveComparison` finds and writes them: snapshots compared column by column,
values written one by one where pandas' assignment by label would cost more than the change, and the helpers that
name what a key is made of."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

_GROUP = ["whose", "where", "unit"]  # count_keys numbers periods within these: a group is keyed on its own


def write_rows(frame: pd.DataFrame, rows: list[int], column: str, values) -> None:
    """Set a column's value at some rows: one by one when they are few (a pandas assignment by label costs a
    millisecond whatever its size), by label when many."""
    if not len(rows):
        return
    values = values if isinstance(values, list) else [values] * len(rows)
    if len(rows) <= 16:
        at = frame.columns.get_loc(column)
        for row, value in zip(rows, values):
            frame.iat[row, at] = value
    else:
        frame.loc[frame.index[rows], column] = pd.Series(values, index=frame.index[rows], dtype=frame[column].dtype)


def changed_rows(before: pd.DataFrame, after: pd.DataFrame, columns: list[str], positions: bool = False) -> list:
    """The rows of the snapshot `before` (taken from `after` before a change) whose `columns` changed: their
    row numbers in `after`, or their positions in `before` with `positions`."""
    out = []
    if not len(before):
        return out
    rows = before.index.tolist()
    for column in columns:
        if column in before and column in after:
            differ = unequal(before[column].tolist(), after[column].iloc[rows].tolist())
            out.extend(np.flatnonzero(differ).tolist())
    found = sorted(set(out))
    return found if positions else before.index[found].tolist()


def column_diffs(before: pd.DataFrame, after: pd.DataFrame) -> dict[str, set[int]]:
    """For each column of the snapshot `before` (rows taken from `after` before a change), the positions of its
    rows whose value changed."""
    if not len(before):
        return {}
    columns = list(before.columns)
    old = before.to_numpy(dtype=object)  # one conversion per frame: per column, pandas' overhead was the cost
    now = after.iloc[before.index.tolist()][columns].to_numpy(dtype=object)
    return {name: set(np.flatnonzero(unequal(old[:, j], now[:, j])).tolist()) for j, name in enumerate(columns)}


def positions_in(diffs: dict[str, set[int]], columns: list[str] | None = None) -> list[int]:
    """The snapshot's positions that changed in any of `columns` (any column when None)."""
    return sorted(set().union(*(v for k, v in diffs.items() if columns is None or k in columns)))


def unequal(a, b) -> np.ndarray:
    """Where two object arrays (or lists) differ (NaN, NaT and None equal to each other)."""
    return np.array([not same(x, y) for x, y in zip(a, b)], dtype=bool)


def same(x, y) -> bool:
    """Two values equal, or both missing (NaN, NaT, None)."""
    return bool(x is y or x == y or (_missing(x) and _missing(y)))


def within(values, wanted) -> np.ndarray:
    """Where the values of an object array (or list) are in the set `wanted`: np.isin sorts object arrays, which
    took a tenth of a second for 10,000 keys; a set lookup per value takes a millisecond or two."""
    wanted = wanted if isinstance(wanted, (set, frozenset, dict)) else set(wanted)
    values = values.tolist() if isinstance(values, np.ndarray) else values
    return np.fromiter((v in wanted for v in values), dtype=bool, count=len(values))


def touched_keys(changed: list[int], old_keys: np.ndarray, keys: np.ndarray, documents: pd.Series
             ) -> tuple[set[str], set[tuple[str, str]]]:
    """The keys the changed rows were and are in, and their (key, article) cells."""
    docs = documents.iloc[changed].tolist() if changed else []
    pairs = {(k, d) for r, d in zip(changed, docs) for k in (old_keys[r], keys[r]) if k is not None}
    return {k for k, _ in pairs}, pairs


def keyed(rows: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """The rows to compare, their keys typed as a full comparison's are (pandas infers them from the values)."""
    frame = rows[columns].copy()
    frame["key"] = pd.Series(rows["key"].to_numpy(dtype=object), index=rows.index)
    return frame


def rows_shown(rows: pd.DataFrame, mask, columns: list[str]) -> pd.DataFrame:
    return rows.loc[np.asarray(mask, dtype=bool), columns].reset_index(drop=True)


def per_document(ids: pd.Series, documents: pd.Series) -> np.ndarray:
    counted = Counter(documents.tolist())
    return np.array([counted.get(i, 0) for i in ids.tolist()], dtype=int)


def _missing(value) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and value != value)


def group_label(row: dict) -> str:
    """`group_labels` of one count's values."""
    whose, where, unit = (row[name] for name in _GROUP)
    return "\x1f".join(str(default if _missing(value) else value)
                        for value, default in ((whose, "?"), (where, "?"), (unit, "troops")))


def group_labels(counts: pd.DataFrame) -> np.ndarray:
    filled = counts[_GROUP].fillna({"whose": "?", "where": "?", "unit": "troops"})
    return (filled["whose"].astype(str) + "\x1f" + filled["where"].astype(str) + "\x1f"
            + filled["unit"].astype(str)).to_numpy(dtype=object)


def first_rows(rows: pd.DataFrame) -> pd.Series:
    """Each key's first row among all facts: the order a full comparison lists keys in."""
    first: dict[str, int] = {}
    for row, key in zip(rows.index.tolist(), rows["key"].tolist()):
        first.setdefault(key, row)  # rows come in order
    return pd.Series(first, dtype="int64")
