"""A fact set made without a cluster: one partition extracted in this process, as a worker would."""

from pathlib import Path

from missiondesk.batch import tables
from missiondesk.batch.partition import extract_partition
from missiondesk.corpus.files import expand


def make_fact_set(folder: Path, out: Path) -> Path:
    tables.create_fact_set(out)
    run, date = tables.new_run()
    files, _ = expand([folder])
    extract_partition([(str(f.absolute()), str(f)) for f in files], [str(folder)], str(out), run, date, run)
    return out
