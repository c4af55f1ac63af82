"""Time ways to compute one step's tanh, to see whether any beats the engine's.

For each dtype and batch (hidden 128) it prints microseconds per call, fastest
of several rounds:

- engine: ``apply_activation("tanh", ...)``, the exp form the engine uses;
- np.tanh;
- np.exp alone, the cost inside the exp form;
- 22 passes: 22 one-pass ufunc calls (clip, square, Horner steps, divide), the
  count an odd [13/6] rational approximation needs. It is a lower bound for
  such an approximation written with numpy calls, not the approximation
  itself;
- exp on two threads: the rows split between the calling thread and a worker,
  handed over with two locks (numpy releases the GIL inside the loop);
- matmul + exp, on one thread and then with exp on two threads, to show how
  OpenBLAS's own threads interact with the worker.

Usage: python benchmarks/probe_tanh.py [--rounds N]
"""

from __future__ import annotations

import argparse
import threading
import time

import numpy as np

from rnn_desktop.core.rnn import apply_activation

HIDDEN = 128
CALLS_PER_ROUND = 400


class TwoThreadUfunc:
    """Run a one-input ufunc on the first half of the rows here and the rest on a worker."""

    def __init__(self) -> None:
        self._start = threading.Lock()
        self._start.acquire()
        self._finished = threading.Lock()
        self._finished.acquire()
        self._job: tuple | None = None
        threading.Thread(target=self._work, daemon=True).start()

    def _work(self) -> None:
        while True:
            self._start.acquire()
            ufunc, values, out = self._job
            ufunc(values, out=out)
            self._finished.release()

    def __call__(self, ufunc: np.ufunc, values: np.ndarray, out: np.ndarray) -> None:
        half = values.shape[0] // 2
        self._job = (ufunc, values[half:], out[half:])
        self._start.release()
        ufunc(values[:half], out=out[:half])
        self._finished.acquire()


def passes(values: np.ndarray, out: np.ndarray, scratch: np.ndarray, squares: np.ndarray) -> None:
    """Make the 22 one-pass calls of an odd [13/6] rational form (constants are placeholders)."""
    np.clip(values, -9.0, 9.0, out=out)
    np.multiply(out, out, out=squares)
    np.multiply(squares, 0.5, out=scratch)
    for _ in range(5):
        scratch += 0.5
        scratch *= squares
    scratch += 0.5
    scratch *= out
    np.multiply(squares, 0.5, out=out)
    for _ in range(2):
        out += 0.5
        out *= squares
    out += 0.5
    np.divide(scratch, out, out=out)


def fastest(call, rounds: int) -> float:
    call()
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(CALLS_PER_ROUND):
            call()
        best = min(best, (time.perf_counter() - start) / CALLS_PER_ROUND)
    return best * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="rounds of 400 calls per entry (default: 7)")
    args = parser.parse_args()
    two_threads = TwoThreadUfunc()
    rng = np.random.default_rng(0)
    print(f"numpy {np.__version__}; microseconds per call, fastest of {args.rounds} rounds")
    for dtype in (np.float32, np.float64):
        for batch in (64, 256):
            values = rng.uniform(-3.0, 3.0, (batch, HIDDEN)).astype(dtype)
            weights = (rng.standard_normal((HIDDEN, HIDDEN)) * 0.05).astype(dtype)
            out, scratch, squares, product = (np.empty_like(values) for _ in range(4))
            times = {
                "engine": lambda: apply_activation("tanh", values, out=out, overflow_ignored=True),
                "np.tanh": lambda: np.tanh(values, out=out),
                "np.exp": lambda: np.exp(values, out=out),
                "22 passes": lambda: passes(values, out, scratch, squares),
                "exp on two threads": lambda: two_threads(np.exp, values, out),
                "matmul + exp": lambda: (np.matmul(values, weights, out=product), np.exp(values, out=out)),
                "matmul + exp on two threads": lambda: (np.matmul(values, weights, out=product),
                                                        two_threads(np.exp, values, out)),
            }
            with np.errstate(over="ignore"):
                line = ", ".join(f"{name} {fastest(call, args.rounds):.1f}" for name, call in times.items())
            print(f"{np.dtype(dtype).name} batch {batch}: {line}")


if __name__ == "__main__":
    main()
