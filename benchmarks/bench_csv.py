"""Time ``read_series`` on large generated CSV files, 3 columns each, in several dialects.

Usage: python benchmarks/bench_csv.py [--rows 1000000] [--repeats 5] [--cases numeric,...]

Each case writes one file to a temporary folder, reads it ``--repeats``
times and prints a Markdown table with the best and median wall time of a
whole read (file read, decoding, detection, parsing, missing-value policy),
and the CPU time of the best read. On a shared machine the wall time grows
with the load from other processes while the CPU time stays close to the
cost of the read itself.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from rnn_desktop.core.csv_reader import read_series


def _numbers(rows: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal((rows, 2)) * 100.0


def write_numeric(path: Path, rows: int) -> None:
    """index,a,b with point decimals."""
    values = _numbers(rows, 0)
    lines = "\n".join(f"{i},{a:.6f},{b:.6f}" for i, (a, b) in enumerate(values.tolist()))
    path.write_text("index,a,b\n" + lines + "\n", encoding="utf-8")


def write_german(path: Path, rows: int) -> None:
    """Semicolons, decimal commas and CRLF, as a German spreadsheet exports them."""
    values = _numbers(rows, 1)
    lines = "\r\n".join(f"{i};{a:.6f};{b:.6f}".replace(".", ",") for i, (a, b) in enumerate(values.tolist()))
    path.write_bytes(("Nr;Wert A;Wert B\r\n" + lines + "\r\n").encode("cp1252"))


def write_dated(path: Path, rows: int) -> None:
    """An ISO date-time column, which becomes the time axis, and two numeric columns."""
    values = _numbers(rows, 2)
    start = np.datetime64("2000-01-01T00:00:00")
    stamps = (start + np.arange(rows) * np.timedelta64(60, "s")).astype(str)
    lines = "\n".join(f"{stamp},{a:.6f},{b:.6f}" for stamp, (a, b) in zip(stamps.tolist(), values.tolist()))
    path.write_text("time,a,b\n" + lines + "\n", encoding="utf-8")


def write_missing(path: Path, rows: int) -> None:
    """Like the numeric case, with 1% of the target cells written as NA."""
    values = _numbers(rows, 3)
    gaps = np.random.default_rng(4).random(rows) < 0.01
    lines = "\n".join(f"{i},{a:.6f},{'NA' if gap else f'{b:.6f}'}"
                      for i, ((a, b), gap) in enumerate(zip(values.tolist(), gaps.tolist())))
    path.write_text("index,a,b\n" + lines + "\n", encoding="utf-8")


CASES = {
    "numeric": ("comma, point decimal", write_numeric),
    "german": ("semicolon, decimal comma, CRLF, cp1252", write_german),
    "dated": ("ISO date-time axis + 2 numeric", write_dated),
    "missing": ("comma, 1% NA in target", write_missing),
}


def time_reads(path: Path, repeats: int) -> list[tuple[float, float]]:
    """Return (wall seconds, CPU seconds) of each read."""
    timings = []
    for _ in range(repeats):
        started, started_cpu = time.perf_counter(), time.process_time()
        series = read_series(path)
        timings.append((time.perf_counter() - started, time.process_time() - started_cpu))
    assert np.isfinite(series.values).all()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="data rows per file")
    parser.add_argument("--repeats", type=int, default=5, help="reads per file")
    parser.add_argument("--cases", default=",".join(CASES), help=f"comma-separated, from: {', '.join(CASES)}")
    args = parser.parse_args()

    print(f"python {platform.python_version()}, numpy {np.__version__}, {platform.machine()}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start")
    print(f"{args.rows} rows x 3 columns, {args.repeats} reads per file\n")
    print("| case | dialect | file MB | best wall s | median wall s | CPU s of best | rows/s (best) |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name in args.cases.split(","):
            label, write = CASES[name]
            path = Path(folder) / f"{name}.csv"
            write(path, args.rows)
            timings = time_reads(path, args.repeats)
            size = path.stat().st_size / 1e6
            best, best_cpu = min(timings)
            median = statistics.median(wall for wall, _ in timings)
            print(f"| {name} | {label} | {size:.1f} | {best:.2f} | {median:.2f} | {best_cpu:.2f} "
                  f"| {args.rows / best:,.0f} |", flush=True)
            path.unlink()
    print(f"\nload average {os.getloadavg()[0]:.2f} at end")


if __name__ == "__main__":
    main()
