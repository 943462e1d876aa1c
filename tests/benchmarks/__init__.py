"""Benchmarks: run with `make bench`; they print figures and never fail a build on a time."""
