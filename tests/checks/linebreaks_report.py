"""Print the line-break agreement table (model vs LibreOffice): `python -m tests.checks.linebreaks_report`."""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from tests.checks.linebreaks import agreement, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--boxes", type=int, default=160, help="corpus size (default 160)")
    parser.add_argument("--keep", type=Path, help="keep the deck and PDF in this folder")
    args = parser.parse_args()
    if args.keep:
        print(report(agreement(args.keep, args.boxes)))
        return
    with tempfile.TemporaryDirectory(prefix="linebreaks-") as tmp:
        print(report(agreement(Path(tmp), args.boxes)))


if __name__ == "__main__":
    main()
