"""Is extraction's output the same as another checkout's? For speed work, whose changes must find exactly what
the code before them found.

    python -m tests.benchmarks.same_output OTHER_CHECKOUT [--generated N] [--keep DIR]

Runs `missiondesk extract` with this checkout and with OTHER_CHECKOUT (e.g. a detached checkout of main) on the
seeds, the real-article sets (tests/gold/real: dev, test) and N generated articles (tests/benchmarks/corpus.py,
1,000 by default), and compares the JSON each writes. Prints one line per set, same or not and how many
articles differ, never the articles' text (test/ is only measured, never read). Exit status 1 if any differs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "gold"))

from real_sets import all_folders, article_files  # noqa: E402


def extract(checkout: Path, files: list[Path], out: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": f"{checkout / 'desktop'}{os.pathsep}{checkout}", "PYTHONDONTWRITEBYTECODE": "1"}
    subprocess.run([sys.executable, "-m", "missiondesk", "extract", *map(str, files), "-o", str(out)],
                   cwd=checkout, env=env, check=True, capture_output=True)
    return json.loads(out.read_text(encoding="utf-8"))


def differing(ours: dict, theirs: dict) -> list[str]:
    """The keys of the top level whose values differ, and how many articles' facts differ (by document id)."""
    if ours == theirs:
        return []
    found = [key for key in sorted(set(ours) | set(theirs)) if ours.get(key) != theirs.get(key)]
    by_document = {}
    for side, payload in (("ours", ours), ("theirs", theirs)):
        for key, value in payload.items():
            for item in value if isinstance(value, list) else []:
                if isinstance(item, dict) and "document" in item:
                    by_document.setdefault(item["document"], {"ours": [], "theirs": []})[side].append(item)
    articles = sum(1 for facts in by_document.values() if facts["ours"] != facts["theirs"])
    return [*found, f"{articles} articles' facts"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="the other checkout (its desktop/ is imported)")
    parser.add_argument("--generated", type=int, default=1000, help="generated articles (0: none)")
    parser.add_argument("--keep", type=Path, help="keep both sides' JSON in this folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        sets = {"seeds": sorted((ROOT / "seeds").iterdir())}
        sets.update((folder.name, article_files(folder)) for folder in all_folders())
        if args.generated:
            from tests.benchmarks.corpus import generate

            sets["generated"] = generate(Path(tmp) / "generated", args.generated)
        same = True
        for name, files in sets.items():
            ours = extract(ROOT, files, work / f"{name}.ours.json")
            theirs = extract(args.other.resolve(), files, work / f"{name}.theirs.json")
            differs = differing(ours, theirs)
            same = same and not differs
            verdict = "same" if not differs else "DIFFERENT: " + ", ".join(differs)
            print(f"{name:10s} {len(files):5d} files  {verdict}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
