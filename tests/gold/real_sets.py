"""The real-article sets: their article files and one gold document per set, merged from the per-article files."""

from __future__ import annotations

import hashlib
import json
import sys
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


POOL = "pool"  # annotated articles not yet split into dev/ and test/


def all_folders() -> list[Path]:
    return [REAL / name for name in (*SETS, POOL) if (REAL / name).is_dir()]


def sources_table() -> str:
    """SOURCES.md: every article with its address as stored, outlet, date and how the date is known."""
    rows = ["# Sources of the real-article corpus", "",
            "Each article file is a stored public page's text as the `search` tool's `pages` corpus returned it "
            "(from the page's beginning), byte for byte; `SHA256SUMS` holds their checksums.", "",
            "| file | address as stored | outlet | date | how the date is known |", "|---|---|---|---|---|"]
    for folder in all_folders():
        for path in gold_files(folder):
            for a in json.loads(path.read_text(encoding="utf-8"))["articles"]:
                how = a.get("date_note") or a.get("published_source") or "not known"
                cells = [f"`{folder.name}/{a['article']}`", a.get("url", ""), a["outlet"], a.get("published") or "—",
                         f"{a.get('published_source') or 'none'}: {how}".replace("|", "/")]
                rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"


def checksums() -> str:
    return "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {folder.name}/{p.name}\n"
                   for folder in all_folders() for p in article_files(folder))


def split(test_size: int = 20) -> dict[str, list[str]]:
    """Move pool/ into dev/ and test/, whole outlets at a time, in an order no one chose: outlets sorted by
    the sha256 of their name fill test/ up to test_size articles, the rest go to dev/. Run once."""
    by_outlet: dict[str, list[Path]] = {}
    for path in gold_files(REAL / POOL):
        outlet = json.loads(path.read_text(encoding="utf-8"))["articles"][0]["outlet"].casefold()
        by_outlet.setdefault(outlet, []).append(path)
    chosen: dict[str, list[str]] = {"dev": [], "test": []}
    for outlet in sorted(by_outlet, key=lambda o: hashlib.sha256(o.encode()).hexdigest()):
        side = "test" if len(chosen["test"]) + len(by_outlet[outlet]) <= test_size else "dev"
        for gold in by_outlet[outlet]:
            (REAL / side).mkdir(exist_ok=True)
            for part in (gold, gold.with_suffix(".txt")):
                part.rename(REAL / side / part.name)
            chosen[side].append(gold.stem)
    (REAL / POOL).rmdir()
    return chosen


if __name__ == "__main__":
    if sys.argv[1:] == ["--split"]:
        print({side: len(names) for side, names in split().items()})
    (REAL / "SOURCES.md").write_text(sources_table(), encoding="utf-8")
    (REAL / "SHA256SUMS").write_text(checksums(), encoding="utf-8")
    print(f"wrote {REAL / 'SOURCES.md'} and {REAL / 'SHA256SUMS'}")
