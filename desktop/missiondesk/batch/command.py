"""The command line's side of fact sets: `missiondesk batch`, and reading a FACTS_DIR given to `extract`,
`compare` or `factsheet` in place of article files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from missiondesk.batch import CLUSTER_EXTRA


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("batch", help="extract a large archive with Dask into a fact set (Parquet)",
                       description="Extract every article under PATH that FACTS_DIR does not hold yet, on a Dask "
                                   "cluster (a local one unless --scheduler is given), into Parquet tables.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders (read recursively)")
    p.add_argument("--out", metavar="FACTS_DIR", required=True, help="the fact set to add to (made if new)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="a running Dask scheduler, e.g. tcp://10.0.0.5:8786 "
                                                          "(its workers must see PATH and FACTS_DIR at the same paths)")
    p.add_argument("--workers", metavar="N", type=int, help="worker processes of the local cluster "
                                                            "(default: one per core, at most four)")
    p.add_argument("--dashboard", metavar="ADDRESS", nargs="?", const="127.0.0.1:8787",
                   help="serve Dask's dashboard for the local cluster (default address 127.0.0.1:8787)")
    return p


def run(args: argparse.Namespace) -> int:
    try:
        from missiondesk.batch.cluster import connect, run_batch
    except ImportError:
        print(f"missiondesk: batch: {CLUSTER_EXTRA}", file=sys.stderr)
        return 1
    from missiondesk.extract.model import ModelMissing, model_package

    if args.workers is not None and args.workers < 1:
        print("missiondesk: batch: --workers must be 1 or more", file=sys.stderr)
        return 2
    try:
        if not args.scheduler:  # (a remote cluster's workers have their own)
            model_package()  # said here, not as a local worker that failed to start
    except ModelMissing as exc:
        print(f"missiondesk: batch: {exc}", file=sys.stderr)
        return 1
    try:
        with connect(args.scheduler, args.workers, args.dashboard) as client:
            summary = run_batch(client, args.paths, args.out)
    except FileExistsError as exc:
        print(f"missiondesk: batch: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # no scheduler at the address, a fact set that cannot be written
        print(f"missiondesk: batch: {exc}", file=sys.stderr)
        return 1
    print(f"fact set: {Path(args.out)}")
    for line in summary.lines():
        print(line)
    return 0


def split_fact_sets(paths: list[str]) -> tuple[list[str], list[str]]:
    """(the fact sets among `paths`, the other paths)."""
    from missiondesk.batch import is_fact_set

    sets = [p for p in paths if is_fact_set(p)]
    return sets, [p for p in paths if p not in sets]


def read_fact_sets(fact_sets: list[str]):
    """The articles and facts of each fact set, as Workspace.read_and_extract gives them for files; raises
    ImportError with what to install when the cluster extra is missing."""
    from missiondesk.corpus.loader import Corpus

    if not fact_sets:
        return Corpus(), []
    try:
        from missiondesk.batch.factset import read_fact_set
    except ImportError as exc:
        raise ImportError(f"reading a fact set: {CLUSTER_EXTRA}") from exc

    corpus, facts, seen = Corpus(), [], set()
    for root in fact_sets:
        found, found_facts = read_fact_set(root)
        corpus.errors.extend(found.errors)
        for document, item in zip(found.documents, found_facts):
            if document.id not in seen:  # the same article in two sets is taken once, as a copy of a file is
                seen.add(document.id)
                corpus.documents.append(document)
                facts.append(item)
    return corpus, facts
