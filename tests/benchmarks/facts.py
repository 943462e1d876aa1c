"""Frames, fact keys, matrix and disagreements for 10,000 articles' worth of facts."""

from __future__ import annotations

import random
import time

from missiondesk.corpus.document import Document
from missiondesk.extract.records import Extraction, Statement, TroopCount

FORCES = ["NATO", "United States", "United Kingdom", "France", "Germany", "United Nations", "Turkey", "Italy"]
PLACES = ["Afghanistan", "Iraq", "Kosovo", "Mali", "Lebanon", "Estonia", "Poland", "Somalia", "Syria", "Niger"]
QUALIFIERS = ["exact", "approx", "at_least", "at_most", "range", "change"]
ACTORS = ["Jens Stoltenberg", "Mark Rutte", "Lloyd Austin", "Taliban", "senior US official", "European diplomat"]


def synthetic(articles: int, seed: int = 7) -> tuple[list[Document], Extraction]:
    """Deterministic facts: five counts and five statements an article, spread over eight years."""
    rng = random.Random(seed)
    docs, extraction = [], Extraction()
    for i in range(articles):
        day = rng.randrange(0, 8 * 365)
        published = f"{2017 + day // 365}-{day % 365 // 31 + 1:02d}-{day % 28 + 1:02d}"
        docs.append(Document(f"d{i}", f"d{i}.txt", f"Article {i}", f"Outlet {i % 40}", None, published, "x"))
        for j in range(5):
            q = rng.choice(QUALIFIERS)
            value = rng.choice([500, 1000, 2500, 4500, 9600, 10000, 12000])
            extraction.troop_counts.append(TroopCount(
                f"c{i}-{j}", f"d{i}", value, value * 2 if q in ("range", "change") else None, q, "troops",
                rng.choice(FORCES), rng.choice(PLACES), None, f"Some {value} troops.", j * 10, j * 10 + 8))
            extraction.statements.append(Statement(
                f"s{i}-{j}", f"d{i}", rng.choice(ACTORS), None, "reported", "the mission will go on", "x",
                rng.choice(["withdrawal", "peace talks", None]), None, j * 10, j * 10 + 8))
    return docs, extraction


def run(articles: int = 10_000, repeats: int = 5) -> dict[str, float]:
    """Each figure for the first build (what opening a project pays) and the median of `repeats` builds (this
    machine's timings vary by a third from run to run)."""
    import statistics

    docs, extraction = synthetic(articles)
    runs = [_once(docs, extraction) for _ in range(repeats)]
    out = {k: v for k, v in runs[0].items() if not k.endswith("_s")}
    for key in [k for k in runs[0] if k.endswith("_s")]:
        out[f"{key[:-2]}_first_s"] = runs[0][key]
        out[f"{key[:-2]}_median_s"] = statistics.median(r[key] for r in runs)
    return out


def _once(docs, extraction) -> dict[str, float]:
    from missiondesk.facts import FactFrames, compare_counts, compare_statements

    started = time.perf_counter()
    frames = FactFrames.build(docs, extraction)
    built = time.perf_counter()
    counts = compare_counts(frames)
    compared = time.perf_counter()
    counts.matrix()
    matrix_done = time.perf_counter()
    positions = compare_statements(frames)
    done = time.perf_counter()
    return {"articles": len(docs), "counts": len(frames.counts), "statements": len(frames.statements),
            "keys": len(counts.keys), "position_keys": len(positions.keys), "disagreements": len(counts.disagreements),
            "frames_s": built - started, "count_keys_disagreements_s": compared - built,
            "count_matrix_s": matrix_done - compared, "frames_plus_matrix_s": matrix_done - started,
            "positions_s": done - matrix_done}


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:34s} {value:,.3f}")
