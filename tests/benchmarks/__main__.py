"""`make bench`: every benchmark, its figures printed."""

from tests.benchmarks import extraction

print("== extraction (seed corpus)")
for key, value in extraction.run().items():
    print(f"   {key:18s} {value:,.3f}")
