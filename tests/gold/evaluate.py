"""`make eval`: extract the seeds and the real-article sets, score each, print the figures side by side.

    python tests/gold/evaluate.py [--misses SET ...] [--keep DIR]

One column per set (seeds, real dev, real test), one row per figure of the scorer, then the scorer's list of
misses and false hits for the sets named by --misses (dev by default). Only dev's misses are for reading:
test/ is there to be measured, never to be tuned against (tests/gold/real/README.md).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from real_sets import all_folders, article_files, merged_gold  # noqa: E402

ROOT = HERE.parents[1]
SHARED_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
SCORER = SHARED_SCORER if SHARED_SCORER.is_file() else HERE / "score.py"
FIGURE = re.compile(r"^(\w+)\s+(\d+\.\d+)$", re.M)


def extract(files: list[Path], out: Path) -> None:
    cmd = [sys.executable, "-m", "missiondesk", "extract", *map(str, files), "-o", str(out)]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"missiondesk extract failed ({result.returncode}):\n{result.stderr}")
    errors = json.loads(out.read_text(encoding="utf-8")).get("errors", [])
    for e in errors:
        print(f"  could not read {e['path']}: {e['error']}", file=sys.stderr)


def score(extraction: Path, gold: Path) -> tuple[dict[str, float], list[str]]:
    result = subprocess.run([sys.executable, str(SCORER), str(extraction), str(gold), "--verbose"],
                            capture_output=True, text=True, check=True)
    figures = {k: float(v) for k, v in FIGURE.findall(result.stdout)}
    lines = [line for line in result.stdout.splitlines() if line.startswith("  ") or line.startswith("missing")]
    return figures, lines


def gold_size(gold: dict) -> dict[str, int]:
    arts = gold["articles"]
    return {"articles": len(arts),
            "gold troop counts": sum(1 for a in arts for c in a["troop_counts"] if not c.get("optional")),
            "gold statements": sum(1 for a in arts for p in a["positions"] if not p.get("optional")),
            "gold missions": sum(len(a["missions"]) for a in arts)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", nargs="*", help="sets whose misses to list (default: dev)")
    parser.add_argument("--keep", type=Path, help="keep the extractions and merged gold files in this folder")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="missiondesk-eval-"))
    work.mkdir(parents=True, exist_ok=True)

    seed_gold = ROOT.parent / "shared" / "gold" / "seeds.json"
    sets = {"seeds": (sorted((ROOT / "seeds").glob("*.txt")),
                      json.loads((seed_gold if seed_gold.is_file() else HERE / "seeds.json").read_text("utf-8")))}
    for folder in all_folders():
        if article_files(folder):
            sets[folder.name] = (article_files(folder), merged_gold(folder))

    columns, misses = {}, {}
    for name, (files, gold) in sets.items():
        gold_path, out = work / f"{name}.gold.json", work / f"{name}.extraction.json"
        gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        extract(files, out)
        figures, lines = score(out, gold_path)
        columns[name] = {**gold_size(gold), **figures}
        misses[name] = lines

    rows = list(dict.fromkeys(k for col in columns.values() for k in col))
    print(f"{'':24s}" + "".join(f"{name:>9s}" for name in columns))
    for row in rows:
        cells = (columns[name].get(row) for name in columns)
        print(f"{row:24s}" + "".join(f"{c:9d}" if isinstance(c, int) else f"{c:9.3f}" for c in cells))
    print(f"(scored by {SCORER.relative_to(ROOT.parent) if SCORER == SHARED_SCORER else SCORER.relative_to(ROOT)})")
    for name in args.misses if args.misses is not None else [n for n in ("dev", "pool") if n in sets][:1]:
        print(f"\nMisses and false hits on {name} ({len(misses[name])}):")
        print("\n".join(misses[name]) or "  none")
    if args.keep:
        print(f"\nextractions and merged gold kept in {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
