"""Each article's numbers of troop counts and statements: those the tables show (rejected ones too, when kept)
and those standing (not rejected), kept up to date from the rows a review changed."""

from __future__ import annotations

import numpy as np
import pandas as pd

from missiondesk.facts.row_changes import per_document


class ArticleTallies:
    """`shown` and `standing`: [counts, statements], each an array in the articles' order."""

    def __init__(self, docs: pd.DataFrame, counts: pd.DataFrame, statements: pd.DataFrame) -> None:
        ids = docs["id"]
        self._index = {doc: i for i, doc in enumerate(ids.tolist())}
        self.shown, self.standing = [], []
        for frame in (counts, statements):
            present = frame["present"].to_numpy(bool)
            self.shown.append(per_document(ids, frame["document"][present]))
            self.standing.append(per_document(ids, frame["document"][present & ~frame["rejected"].to_numpy(bool)]))

    def recount(self, before: dict[str, pd.DataFrame], counts: pd.DataFrame, statements: pd.DataFrame) -> bool:
        """Take the rebuilt rows' old place (`before`: their snapshots by kind) out and their new one in; whether a
        number changed."""
        shown = [a.copy() for a in self.shown]  # new arrays: frames made before hold the old ones
        standing = [a.copy() for a in self.standing]
        for k, (kind, frame) in enumerate((("count", counts), ("statement", statements))):
            old = before[kind]
            if not len(old):
                continue
            rows = old.index.tolist()
            now = (frame["present"].iloc[rows].tolist(), frame["rejected"].iloc[rows].tolist())
            for doc, was, was_rejected, is_, is_rejected in zip(old["document"].tolist(), old["present"].tolist(),
                                                                 old["rejected"].tolist(), *now):
                i = self._index[doc]
                shown[k][i] += int(is_) - int(was)
                standing[k][i] += int(is_ and not is_rejected) - int(was and not was_rejected)
        changed = any(not np.array_equal(a, b) for a, b in zip(shown + standing, self.shown + self.standing))
        self.shown, self.standing = shown, standing
        return changed
