"""Scoring of statements against tests/extract/cases/statements.jsonl, as the seed scorer does it:
a statement is found when a predicted one carries the expected words; attributed when its speaker fits too."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from tests.extract.helpers import extract_text, load_cases


@cache
def _scorer():
    spec = importlib.util.spec_from_file_location("score", Path(__file__).parents[1] / "gold" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def actor_match(predicted: str, expected: str) -> bool:
    return _scorer().actor_match(predicted, expected)


def judge(case: dict) -> dict:
    """found / attributed / kind_ok per expected statement, and the predicted ones that match none."""
    text = case["text"]
    got = extract_text(text).statements
    results = []
    matched_predictions = set()
    for want in case["statements"]:
        start = text.find(want["anchor"])
        holders = [s for s in got if s.start <= start < s.end]
        matched_predictions.update(id(s) for s in holders)
        attributed = [s for s in holders if actor_match(s.actor, want["actor"])]
        results.append({"found": bool(holders), "attributed": bool(attributed),
                        "kind_ok": any(s.kind == want["kind"] for s in attributed),
                        "want": want, "got": [(s.actor, s.kind) for s in holders]})
    false_hits = [s for s in got if id(s) not in matched_predictions]
    return {"results": results, "false_hits": false_hits, "predicted": len(got)}


def corpus_figures(cases: list[dict] | None = None) -> dict[str, float]:
    cases = cases or load_cases("statements.jsonl")
    n_gold = found = attributed = kinds = predicted = false_hits = 0
    for case in cases:
        verdict = judge(case)
        n_gold += len(verdict["results"])
        found += sum(r["found"] for r in verdict["results"])
        attributed += sum(r["attributed"] for r in verdict["results"])
        kinds += sum(r["kind_ok"] for r in verdict["results"])
        predicted += verdict["predicted"]
        false_hits += len(verdict["false_hits"])
    precision = (predicted - false_hits) / predicted if predicted else 0.0
    recall = attributed / n_gold
    return {"statements": n_gold, "recall": found / n_gold, "precision": precision,
            "speaker_accuracy": attributed / found if found else 0.0, "kind_accuracy": kinds / max(attributed, 1),
            "attributed_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0}
