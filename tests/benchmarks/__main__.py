"""`make bench`: every benchmark, its figures printed."""

from tests.benchmarks import extraction, facts

for name, module in (("extraction (seed corpus)", extraction), ("facts (10,000 articles' worth)", facts)):
    print(f"== {name}")
    for key, value in module.run().items():
        print(f"   {key:20s} {value:,.3f}")
