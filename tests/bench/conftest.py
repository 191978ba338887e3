"""Keep pytest out of the benchmark: nothing here is a test, and nothing here asserts a wall-clock time."""

collect_ignore_glob = ["*.py"]
