"""Archives beyond one machine: `missiondesk batch` extracts with Dask into a fact set (Parquet tables in a
folder), which `compare`, `factsheet`, `extract` and the window read back. Needs the `cluster` extra (dask,
pyarrow); nothing here is imported by the desktop app until a fact set is used."""

CLUSTER_EXTRA = ("this needs the cluster extra, which is not installed: "
                 "pip install 'missiondesk[cluster]' (dask[distributed] and pyarrow)")

MARKER = "factset.json"  # the file that makes a folder a fact set


def is_fact_set(path) -> bool:
    """Whether `path` is a fact set's folder (answered without the cluster extra)."""
    from pathlib import Path

    return (Path(path) / MARKER).is_file()
