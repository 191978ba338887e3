"""The benchmark (`python -m tests.bench.run`): timings, sizes and memory; never part of the test run."""
