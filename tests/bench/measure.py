"""Run a command from a small process and record its wall time and peak memory: `measure.py RESULT -- CMD...`.

A child forked straight from the (large) benchmark process would report that process's memory as its own
peak (Linux counts the memory a child had before exec), so commands are started from this small launcher,
which reads resource.getrusage(RUSAGE_CHILDREN).ru_maxrss after its one child ends.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    result, cmd = argv[0], argv[argv.index("--") + 1:]
    started = time.perf_counter()
    code = subprocess.call(cmd)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    peak_mb = peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux
    with open(result, "w", encoding="utf-8") as handle:
        json.dump({"seconds": seconds, "peak_mb": peak_mb, "code": code}, handle)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
