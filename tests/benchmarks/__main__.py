"""`make bench`: every benchmark, its figures printed. BENCH_SIZES chooses the corpus sizes (default
100,1000,10000; the largest takes several minutes). The batch one needs the cluster extra (`make` installs it)."""

from tests.benchmarks import batch, extraction, facts, factsheet, large_matrix, reopen, review, scale, table


def show(name: str, figures: dict) -> None:
    print(f"== {name}")
    for key, value in figures.items():
        print(f"   {key:28s} {'—' if value is None else f'{value:,.3f}'}")


show("extraction (seed corpus)", extraction.run())
show("batch on Dask beside the built-in pool (1,000 articles)", batch.run())
show("fact sheet (seed corpus)", factsheet.run())
show("facts: frames and matrix (10,000 articles' worth)", facts.run())
show("window table: sort and filter (100,000 rows)", table.run())
show("reopen a 10,000-article project", reopen.run())
show("reviews in the window (2,000 articles): ms the GUI thread is held, per action (target 100)", review.run())
show("large matrix: filters, toggles and search (model 1,000 x 2,000; window on 2,000 articles)", large_matrix.run())
for row in scale.run():
    show(f"corpus of {row['articles']:,} articles", row)
