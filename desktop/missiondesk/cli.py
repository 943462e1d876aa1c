"""Headless commands: extract, compare, factsheet, audit, batch (and the window, `gui`)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from missiondesk import __version__


def _add_paths(parser: argparse.ArgumentParser, required: bool = True, project: bool = False) -> None:
    parser.add_argument("paths", nargs="+" if required else "*", metavar="PATH",
                        help="article files or folders (read recursively)" + (
                            ", or one project saved by the window (PROJECT.mdproj): its reviews, merged and "
                            "renamed actors and missions applied" if project else ""))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="missiondesk", description=(
        "Read news articles about military missions; compare missions, troop counts and positions."))
    parser.add_argument("--version", action="version", version=f"missiondesk {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", help="write documents and extracted facts as JSON")
    _add_paths(p)
    p.add_argument("-o", "--output", metavar="OUT.json", help="write here instead of standard output")
    p.set_defaults(run=_extract)

    p = sub.add_parser("compare", help="troop counts side by side across articles, with disagreements")
    _add_paths(p, project=True)
    p.add_argument("-o", "--output", metavar="OUT.csv|OUT.xlsx|OUT.json", help="also write the comparison here")
    p.set_defaults(run=_compare)

    p = sub.add_parser("factsheet", help="write a PDF fact sheet: the whole corpus, one mission or one actor")
    _add_paths(p, project=True)
    p.add_argument("-o", "--output", metavar="OUT.pdf", required=True, help="the PDF to write")
    subject = p.add_mutually_exclusive_group()
    subject.add_argument("--mission", metavar="ID", help="one mission's sheet, by id (e.g. resolute-support)")
    subject.add_argument("--actor", metavar="NAME", help="one actor's positions, with the counts beside them")
    p.add_argument("--marking", metavar="TEXT", help="the marking printed at the top and foot of every page "
                                                     "(default: UNCLASSIFIED - OPEN SOURCES)")
    p.set_defaults(run=_factsheet)

    p = sub.add_parser("audit", help="the audit trail of a project: who reviewed what, when, and why")
    p.add_argument("project", metavar="PROJECT.mdproj", help="a project saved by the window")
    p.add_argument("-o", "--output", metavar="FILE.csv", help="write the trail as CSV instead of printing it")
    p.set_defaults(run=_audit)

    p = sub.add_parser("gui", help="open the window (on the seed corpus when no PATH is given)")
    _add_paths(p, required=False)  # a fact set (FACTS_DIR) opens its filter, to take a working set from it
    p.add_argument("--screenshot", metavar="FILE.png", help="save a picture of the window once loaded, then quit")
    p.set_defaults(run=_gui)

    from missiondesk.batch import command as batch  # imports no Dask: only its arguments

    batch.add_parser(sub).set_defaults(run=batch.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    import multiprocessing
    import os

    multiprocessing.freeze_support()  # extraction worker processes in a frozen build
    # Before numpy loads: one BLAS thread is as fast for spaCy's small matrices, and leaves the other core free.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        return _gui(parser.parse_args(["gui"]))
    return args.run(args)


def _read(paths):
    """The articles under `paths` and their facts (extracted while the files are read; a fact set's as
    `missiondesk batch` stored them), each file that cannot be read reported on stderr by name."""
    from missiondesk.batch.command import read_fact_sets, split_fact_sets
    from missiondesk.extract.pipeline import merge
    from missiondesk.store.workspace import Workspace

    fact_sets, paths = split_fact_sets(paths)
    try:
        corpus, facts = read_fact_sets(fact_sets)  # (nothing when no fact set is given)
    except ImportError as exc:
        print(f"missiondesk: {exc}", file=sys.stderr)
        raise SystemExit(1) from None
    if paths or not fact_sets:
        known = {d.id for d in corpus.documents}
        read, extracted = Workspace().read_and_extract(paths, known=known)
        corpus.documents.extend(d for d in read.documents if d.id not in known)
        corpus.errors.extend(read.errors)
        facts.extend(extracted)
    for error in corpus.errors:
        print(f"missiondesk: {error.path}: {error.error}", file=sys.stderr)
    return corpus, merge(facts)


def _extract(args: argparse.Namespace) -> int:
    from missiondesk.report.contract import extraction_json

    corpus, extraction = _read(args.paths)
    payload = extraction_json(corpus, extraction)
    # JSON is UTF-8 whatever the terminal's locale; a lone surrogate (from a PDF's broken text) is written as
    # JSON's own \udcXX escape, so the output always parses.
    data = (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8", "backslashreplace")
    if args.output:
        try:
            _write_atomically(Path(args.output), data)
        except OSError as exc:
            print(f"missiondesk: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return 1
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    return 0


def _compare(args: argparse.Namespace) -> int:
    from missiondesk.facts import compare_counts, compare_statements
    from missiondesk.report.terminal import print_comparison

    if args.output and Path(args.output).suffix.lower() not in (".csv", ".xlsx", ".json"):
        print(f"missiondesk: {args.output}: the output must end in .csv, .xlsx or .json", file=sys.stderr)
        return 2
    frames = _frames(args.paths)
    if isinstance(frames, int):
        return frames
    counts, positions = compare_counts(frames), compare_statements(frames)
    print_comparison(counts, sys.stdout)
    if args.output:
        from missiondesk.report.tables import write_comparison

        try:
            write_comparison(Path(args.output), frames, counts, positions)
        except OSError as exc:
            print(f"missiondesk: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return 1
    return 0


def _frames(paths):
    """The facts of the articles at `paths`, or of one saved project with its reviews applied; an exit code when
    the project cannot be read."""
    from missiondesk.facts import FactFrames
    from missiondesk.store import ProjectError
    from missiondesk.store.reviewed_frames import is_project, reviewed_frames

    if is_project(paths):
        try:
            return reviewed_frames(paths[0])
        except ProjectError as exc:
            print(f"missiondesk: {exc}", file=sys.stderr)
            return 1
    corpus, extraction = _read(paths)
    return FactFrames.build(corpus.documents, extraction)


def _factsheet(args: argparse.Namespace) -> int:
    from missiondesk.report.factsheet import (
        DEFAULT_MARKING,
        FactSheetError,
        InvalidSubject,
        check_destination,
        write_factsheet,
    )

    if Path(args.output).suffix.lower() != ".pdf":
        print(f"missiondesk: {args.output}: the fact sheet must end in .pdf", file=sys.stderr)
        return 2
    try:
        check_destination(Path(args.output))  # before minutes of extraction, not after
    except FactSheetError as exc:
        print(f"missiondesk: {exc}", file=sys.stderr)
        return 1
    frames = _frames(args.paths)
    if isinstance(frames, int):
        return frames
    if frames.documents.empty:
        print("missiondesk: no article could be read, so there is no fact sheet to write", file=sys.stderr)
        return 1
    kind = "mission" if args.mission else "actor" if args.actor else "corpus"
    try:
        path = write_factsheet(Path(args.output), frames, kind=kind, mission=args.mission, actor=args.actor,
                               marking=args.marking or DEFAULT_MARKING)
    except InvalidSubject as exc:
        print(f"missiondesk: {exc}", file=sys.stderr)
        return 2
    except FactSheetError as exc:
        print(f"missiondesk: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {path}")
    return 0


def _audit(args: argparse.Namespace) -> int:
    from missiondesk.store import ProjectError, load
    from missiondesk.store.audit import COLUMNS, audit_csv, audit_rows

    try:
        rows = audit_rows(load(args.project))
    except ProjectError as exc:
        print(f"missiondesk: {exc}", file=sys.stderr)
        return 1
    if args.output:
        try:
            _write_atomically(Path(args.output), audit_csv(rows).encode("utf-8"))
        except OSError as exc:
            print(f"missiondesk: cannot write {args.output}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        print(f"wrote {len(rows)} audit entries to {args.output}")
        return 0
    if not rows:
        print(f"{args.project}: no reviews recorded yet")
        return 0
    for row in rows:
        line = " · ".join(str(row[name]) for name, _ in COLUMNS[:4])
        line += f" · {row['before']} → {row['after']}"
        print(line + (f" · note: {row['note']}" if row["note"] else ""))
    return 0


def _write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target, then rename: an interrupted write never leaves half a file."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def _gui(args: argparse.Namespace) -> int:
    from missiondesk.ui.app import run_app

    return run_app(args.paths, screenshot=args.screenshot)
