"""The comparison an analyst reviews in: rejected facts stay in it (the window strikes them through), but only the
facts still standing decide whether sources disagree; each key says how many of its figures were rejected, so a
rejection never silently removes a disagreement. Exports and fact sheets keep using frames without them."""

from __future__ import annotations

from collections.abc import Iterable

from missiondesk.corpus.document import Document
from missiondesk.extract.records import Extraction
from missiondesk.facts.compare import Comparison, compare_counts, compare_statements, count_keys
from missiondesk.facts.frames import FactFrames
from missiondesk.facts.reviews import Review


def frames_with_rejected(documents: Iterable[Document], extraction: Extraction,
                         reviews: Iterable[Review]) -> FactFrames:
    """Frames holding every fact, rejected ones with status 'rejected' and their extracted values."""
    reviews = list(reviews)
    rejected = {r.key for r in reviews if r.status == "rejected"}
    frames = FactFrames.build(documents, extraction, [r for r in reviews if r.status != "rejected"])
    for kind, frame in (("count", frames.counts), ("statement", frames.statements)):
        if len(frame) and rejected:
            keys = zip(frame["document"], [kind] * len(frame), frame["start"], frame["end"])
            gone = [key in rejected for key in keys]
            frame.loc[gone, "status"] = "rejected"
    return frames


def without_rejected(frames: FactFrames) -> FactFrames:
    """The same frames with the rejected facts left out: what `FactFrames.build` gives, without building twice."""
    counts = frames.counts[frames.counts["status"] != "rejected"].reset_index(drop=True) \
        if "status" in frames.counts else frames.counts
    statements = frames.statements[frames.statements["status"] != "rejected"].reset_index(drop=True) \
        if "status" in frames.statements else frames.statements
    documents = frames.documents.copy()
    documents["counts"] = documents["id"].map(counts["document"].value_counts()).fillna(0).astype(int)
    documents["statements"] = documents["id"].map(statements["document"].value_counts()).fillna(0).astype(int)
    return FactFrames(documents, counts, statements, frames.missions)


def counts_with_rejected(frames: FactFrames, base: Comparison | None = None, row_keys=None) -> Comparison:
    """The troop-count comparison over `frames_with_rejected`: a key disagrees when the figures not rejected
    clash; its label starts with how many figures were rejected. `base`: `compare_counts(frames)` when it is
    at hand, and `row_keys` each count's key (`count_keys`): neither depends on the statuses, so a rejection or
    a restore only redoes what follows here."""
    comparison = compare_counts(frames) if base is None else base
    counts = frames.counts
    if counts.empty or "status" not in counts:
        return comparison
    counts = counts.assign(key=count_keys(counts).to_numpy() if row_keys is None else row_keys)
    standing = counts[counts["status"] != "rejected"]
    grouped = standing.groupby("key", sort=False).agg(lo=("lo", "max"), hi=("hi", "min"),
                                                      docs=("document", "nunique"))
    clash = set(grouped[(grouped["docs"] >= 2) & (grouped["lo"] > grouped["hi"])].index)
    rejected = counts.loc[counts["status"] == "rejected", "key"].value_counts()
    keys = comparison.keys.copy()
    keys["disagree"] = keys["key"].isin(clash)
    keys["rejected"] = keys["key"].map(rejected).fillna(0).astype(int)
    keys["label"] = [_with_rejected(label, n) for label, n in zip(keys["label"], keys["rejected"])]
    disagreements = [d for d in comparison.disagreements if d["key"] in clash]
    return Comparison(keys, comparison.cells, comparison.documents, disagreements)


def statements_with_rejected(frames: FactFrames, base: Comparison | None = None) -> Comparison:
    """Positions over `frames_with_rejected` (positions have no disagreements to keep); `base` as above."""
    comparison = compare_statements(frames) if base is None else base
    statements = frames.statements
    if statements.empty or "status" not in statements:
        return comparison
    keys = "statement|" + statements["actor"] + "|" + statements["topic"].fillna("general")
    rejected = keys[statements["status"].to_numpy() == "rejected"].value_counts()
    table = comparison.keys.copy()
    counts = table["key"].map(rejected).fillna(0).astype(int)
    table["label"] = [_with_rejected(label, n, "statement") for label, n in zip(table["label"], counts)]
    return Comparison(table, comparison.cells, comparison.documents, comparison.disagreements)


def _with_rejected(label: str, n: int, noun: str = "figure") -> str:
    if not n:
        return label
    # in front: the row header is narrower than most labels, and this is what the analyst must not miss
    return f"{n} {noun}{'s' if n > 1 else ''} rejected · {label}"

