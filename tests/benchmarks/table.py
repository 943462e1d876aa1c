"""Sorting and filtering a 100,000-row troop-count table in the window's model."""

from __future__ import annotations

import os
import random
import time

import numpy as np
import pandas as pd


def synthetic_comparison(rows: int = 100_000, articles: int = 20, seed: int = 3):
    from missiondesk.facts.compare import Comparison

    rng = random.Random(seed)
    forces = ["NATO", "United States", "France", "Germany", "United Nations", "Turkey", "Italy", "Poland"]
    places = ["Afghanistan", "Iraq", "Kosovo", "Mali", "Lebanon", "Estonia", "Somalia", "Syria", "Niger", "Chad"]
    keys = pd.DataFrame({"key": [f"k{i}" for i in range(rows)],
                         "label": [f"{rng.choice(forces)} troops in {rng.choice(places)}, #{i}" for i in range(rows)],
                         "disagree": [rng.random() < 0.05 for _ in range(rows)]})
    docs = pd.DataFrame({"id": [f"d{j}" for j in range(articles)],
                         "header": [f"Outlet {j}\n2024-01-{j + 1:02d}" for j in range(articles)]})
    n_cells = rows * 3
    key_idx = np.repeat(np.arange(rows), 3)
    doc_idx = np.array([rng.randrange(articles) for _ in range(n_cells)])
    cells = pd.DataFrame({"key": keys["key"].to_numpy()[key_idx], "document": docs["id"].to_numpy()[doc_idx]})
    cells = cells.drop_duplicates(["key", "document"]).reset_index(drop=True)
    values = np.array([rng.choice([500, 1000, 2500, 4500, 9600, 10000]) for _ in range(len(cells))])
    cells["text"] = [f"~{v:,}" for v in values]
    cells["lo"] = values * 0.9
    cells["ids"] = [[f"f{i}"] for i in range(len(cells))]
    return Comparison(keys, cells, docs, [])


def run(rows: int = 100_000) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from missiondesk.ui.models import MatrixModel

    QApplication.instance() or QApplication([])
    comparison = synthetic_comparison(rows)
    model = MatrixModel()
    started = time.perf_counter()
    model.set_comparison(comparison)
    loaded = time.perf_counter()
    model.prepare_search()  # the window does this when idle, right after showing the table
    indexed = time.perf_counter()
    model.sort(3, Qt.SortOrder.AscendingOrder)
    sorted_ = time.perf_counter()
    model.sort(-1, Qt.SortOrder.DescendingOrder)
    sorted_labels = time.perf_counter()
    model.set_filter("nato afghanistan")
    filtered = time.perf_counter()
    matches = model.rowCount()
    model.set_filter("")
    return {"rows": rows, "load_model_s": loaded - started, "search_index_when_idle_ms": (indexed - loaded) * 1000,
            "sort_by_article_ms": (sorted_ - indexed) * 1000, "sort_by_label_ms": (sorted_labels - sorted_) * 1000,
            "filter_ms": (filtered - sorted_labels) * 1000, "filter_matches": matches}


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:20s} {value:,.3f}")
