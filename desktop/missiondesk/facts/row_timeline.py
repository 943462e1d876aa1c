"""One row of the troop-count matrix over time: the figures behind a fact key, each with its date, its source and
the interval its wording allows, for the window's timeline (the fact sheet's chart, for one question)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from missiondesk.facts.compare import Comparison
from missiondesk.facts.frames import FactFrames
from missiondesk.facts.qualifiers import label

POINT_COLUMNS = ["id", "document", "outlet", "published", "date", "value", "value_to", "qualifier", "lo", "hi",
                 "text"]


def row_points(comparison: Comparison, frames: FactFrames | None, key: str,
               counts_of: Callable[[list[str]], pd.DataFrame] | None = None) -> pd.DataFrame:
    """The troop counts behind the row `key` of `comparison` (POINT_COLUMNS, 'text' as a cell shows the figure),
    dated ones in date order, then the undated. `counts_of(ids)`: those counts' rows as `frames.counts` holds
    them, found without reading every count (the window's live comparison gives them)."""
    cells = comparison.cells
    ids = [i for group in cells.loc[cells["key"] == key, "ids"].tolist() if isinstance(group, list) for i in group]
    if not ids:
        return pd.DataFrame(columns=POINT_COLUMNS)
    if counts_of is not None:
        rows = counts_of(ids)
    else:
        counts = frames.counts
        if counts.empty:
            return pd.DataFrame(columns=POINT_COLUMNS)
        rows = counts[counts["id"].isin(set(ids))]
    rows = rows.drop_duplicates("id")
    rows = rows.assign(text=[label(v, None if pd.isna(t) else t, q) for v, t, q in
                             zip(rows["value"], rows["value_to"], rows["qualifier"])])
    return rows.sort_values(["date", "outlet"], na_position="last")[POINT_COLUMNS].reset_index(drop=True)
