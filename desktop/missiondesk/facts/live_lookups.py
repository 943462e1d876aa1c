"""What `LiveComparison` finds by a fact's id without making its frames again (the timeline's counts, a
statement's actor for the Evidence panel), and each statement's actor as the corpus's registry names it, the
analyst's merges and renames applied."""

from __future__ import annotations

import numpy as np
import pandas as pd

from missiondesk.facts.actor_reviews import actor_reviews, apply_actor_reviews, spoken_names
from missiondesk.facts.actors import with_actors
from missiondesk.facts.fact_rows import COUNT_FRAME


class LiveLookups:
    """Mixed into LiveComparison: expects self._counts, self._statements (with 'present'), self._reviews,
    self._fact_rows ({}) and self._registered (None)."""

    def counts_shown_of(self, ids: list[str]) -> pd.DataFrame:
        """The rows of `frames_shown.counts` whose id is in `ids`, in its order, without making the frame (the
        timeline's few rows after a review)."""
        present = self._counts["present"].to_numpy(bool)
        rows = sorted({r for i in set(ids) for r in self._rows_of("count").get(i, ()) if present[r]})
        return self._counts.iloc[rows][COUNT_FRAME].reset_index(drop=True)

    def actor_shown_of(self, statement_id: str):
        """The actor `frames_shown.statements` gives the statement (the registry's name, the analyst's merges and
        renames applied); None when the statement is not shown."""
        present = self._statements["present"].to_numpy(bool)
        rows = [r for r in self._rows_of("statement").get(statement_id, ()) if present[r]]
        return self._statements["actor"].iat[rows[0]] if rows else None

    def _rows_of(self, kind: str) -> dict[str, list[int]]:
        """Fact id -> its rows among the counts or the statements (made when first asked for; rows stay)."""
        if kind not in self._fact_rows:
            frame = self._counts if kind == "count" else self._statements
            self._fact_rows[kind] = {}
            for row, fact_id in enumerate(frame["id"].tolist()):
                self._fact_rows[kind].setdefault(fact_id, []).append(row)
        return self._fact_rows[kind]

    def _actors(self, speakers: bool = True) -> tuple[list, list]:
        """Each statement's actor as the corpus's registry names it (every statement shown counts), the analyst's
        merges and renames applied; lists, so that pandas reads them as it reads `with_actors`'. The registry is
        made again only when `speakers` changed (an actor merged or renamed changes no speaker)."""
        statements = self._statements
        actor, actor_id = statements["actor_raw"].tolist(), [None] * len(statements)
        if speakers or self._registered is None:
            present = np.flatnonzero(statements["present"].to_numpy(bool))
            registered = with_actors(statements.iloc[present][["actor_raw", "document"]]
                                     .rename(columns={"actor_raw": "actor"})) if len(present) else None
            self._registered = (present, registered, None)
        present, registered, spoken = self._registered
        if len(present):
            if spoken is None and actor_reviews(self._reviews.values()):  # kept for the next actor step
                spoken = spoken_names(registered)
                self._registered = (present, registered, spoken)
            named = apply_actor_reviews(registered, self._reviews.values(), spoken)  # merges and renames
            for row, name, entry in zip(present.tolist(), named["actor"].tolist(), named["actor_id"].tolist()):
                actor[row], actor_id[row] = name, entry
        return actor, actor_id
