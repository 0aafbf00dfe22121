"""Reading and checking one published report: the median wall time of importing and checking a PDF,
in process (the reader's own cost, not Python's start-up).

    PYTHONPATH=src .venv/bin/python benchmarks/published.py REPORT.pdf [REPORT.html …] [--runs 9]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from govreport.api import check_workbook


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("reports", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    for path in args.reports:
        check_workbook(path)  # warm-up: imports, font and format caches
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            result = check_workbook(path).result
            times.append(time.perf_counter() - started)
        print(
            f"{path.name}: median {statistics.median(times) * 1000:.0f} ms, "
            f"min {min(times) * 1000:.0f} ms over {args.runs} runs ({len(result.findings)} findings)"
        )


if __name__ == "__main__":
    main()
