"""The fact model: records, pandas frames, alignment across articles, disagreements."""

from missiondesk.facts.compare import (
           Comparison,
           compare_counts,
           compare_statements,
           count_timeline,
           statement_timeline,
)
from missiondesk.facts.frames import FactFrames
from missiondesk.facts.reviews import Review

__all__ = ["Comparison", "FactFrames", "Review", "compare_counts", "compare_statements", "count_timeline",
           "statement_timeline"]
