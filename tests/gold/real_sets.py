"""The real-article sets: their article files and one gold document per set, merged from the per-article files."""

from __future__ import annotations

import json
from pathlib import Path

REAL = Path(__file__).resolve().parent / "real"
SETS = ("dev", "test")


def article_files(folder: Path) -> list[Path]:
    """The articles of a set: every file with a gold file of the same stem beside it."""
    return sorted(p for p in folder.iterdir() if p.suffix != ".json" and p.with_suffix(".json").is_file())


def gold_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


def merged_gold(folder: Path) -> dict:
    """One gold document (the shape eval/score.py reads) for all the per-article gold files of a folder.

    A mission described in several files must have the same theater in each; a clash is an error, since the
    scorer compares missions by theater."""
    articles, missions = [], {}
    for path in gold_files(folder):
        gold = json.loads(path.read_text(encoding="utf-8"))
        articles += gold["articles"]
        for m in gold.get("missions", []):
            seen = missions.setdefault(m["id"], m)
            if seen["theater"] != m["theater"]:
                raise ValueError(f"{path.name}: mission {m['id']} has theater {m['theater']!r}, "
                                 f"elsewhere {seen['theater']!r}")
            seen.setdefault("theater_aliases", [])
            for alias in m.get("theater_aliases", []):
                if alias not in seen["theater_aliases"]:
                    seen["theater_aliases"].append(alias)
    return {"schema": "gold-v1", "articles": articles, "missions": list(missions.values())}
