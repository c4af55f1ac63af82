"""Measure the numpy RNN's training speed against PyTorch, and its accuracy on the tutorial's data.

Usage: python benchmarks/bench_engine.py [--json OUT] [--repeats N] [--compare-relu] [--skip-accuracy]

Speed: one training epoch over N = 4096 windows of seq_len 50, hidden 128, tanh,
Adam, for batch 64 and 256 in float32 and float64. When PyTorch is installed,
torch.nn.RNN + Linear + Adam trains on the same windows in the same process.
The two engines alternate epochs, with a pause of SETTLE_SECONDS before each,
so that neither engine's idle BLAS or OpenMP threads, which keep polling for
work for a while after a product, take a core from the other's epoch. Each
cell reports the median of ``--repeats`` epochs after one warm-up epoch. The script also prints the machine's
large-matmul GFLOP/s and the fraction of it that the epoch reaches, counting
the matmul work only: 2 (3 T H^2 + 2 T H I + 2 H) FLOPs per sample for the
forward pass, the backward recursion and the weight gradients.

Accuracy: the default preset on sin(0..199) with 1 s of training, median
validation RMSE over 5 seeds; also the tutorial preset and the zero predictor.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time

import numpy as np

from rnn_desktop.core import rnn
from rnn_desktop.core.training import TrainConfig, Trainer

N_WINDOWS = 4096
SEQ_LEN = 50
HIDDEN = 128
BATCHES = (64, 256)
DTYPES = ("float32", "float64")
SETTLE_SECONDS = 0.5  # OpenBLAS's idle threads poll for about 0.1 s on this machine
ACCURACY_TARGET = 0.005  # validation RMSE on sin(0..199), in the series' units


def machine_info() -> dict:
    model = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as stream:
            for line in stream:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    info = {"cpu": model, "logical_cpus": os.cpu_count(), "python": platform.python_version(),
            "numpy": np.__version__, "blas": None}
    try:
        from threadpoolctl import threadpool_info

        blas = [entry for entry in threadpool_info() if entry.get("user_api") == "blas"]
        info["blas"] = [{key: entry.get(key) for key in ("internal_api", "version", "num_threads", "architecture")}
                        for entry in blas]
    except ImportError:
        info["blas"] = "threadpoolctl not installed"
    info["env"] = {key: value for key, value in os.environ.items()
                   if key.startswith(("OPENBLAS", "OMP_", "MKL_"))}
    return info


def matmul_gflops(dtype: str, size: int = 2048, repeats: int = 5) -> float:
    rng = np.random.default_rng(0)
    a = rng.standard_normal((size, size)).astype(dtype)
    b = rng.standard_normal((size, size)).astype(dtype)
    out = np.empty_like(a)
    np.matmul(a, b, out=out)
    best = min(_timed(lambda: np.matmul(a, b, out=out)) for _ in range(repeats))
    return 2.0 * size ** 3 / best / 1e9


def _timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def flops_per_sample(steps: int = SEQ_LEN, hidden: int = HIDDEN, inputs: int = 1) -> float:
    return 2.0 * (3 * steps * hidden * hidden + 2 * steps * hidden * inputs + 2 * hidden)


def bench_series(n_windows: int | None = None) -> np.ndarray:
    n_windows = N_WINDOWS if n_windows is None else n_windows
    rng = np.random.default_rng(0)
    length = n_windows + SEQ_LEN + 64
    return np.sin(0.1 * np.arange(length)) + 0.1 * rng.standard_normal(length)


class NumpyEngine:
    """The Trainer; ``blocked_limit`` overrides rnn.BLOCKED_WORK_LIMIT during its epochs."""

    def __init__(self, values: np.ndarray, dtype: str, batch: int, blocked_limit: int | None = None,
                 activation: str = "tanh") -> None:
        self.blocked_limit = rnn.BLOCKED_WORK_LIMIT if blocked_limit is None else blocked_limit
        config = TrainConfig(seq_len=SEQ_LEN, val_windows=64, hidden=HIDDEN, dtype=dtype, batch_size=batch,
                             lr=1e-3, optimizer="adam", clip_norm=None, patience=None, epochs=1000,
                             activation=activation)
        self.trainer = Trainer(config, values)

    def epoch(self) -> float:
        """Run one epoch and return training samples per second (validation excluded)."""
        saved = rnn.BLOCKED_WORK_LIMIT
        rnn.BLOCKED_WORK_LIMIT = self.blocked_limit
        try:
            return self.trainer.run_epoch().samples_per_second
        finally:
            rnn.BLOCKED_WORK_LIMIT = saved


class TorchEngine:
    def __init__(self, values: np.ndarray, dtype: str, batch: int) -> None:
        import torch

        self.torch = torch
        torch.manual_seed(0)
        torch_dtype = getattr(torch, dtype)
        scaled = (values - values.min()) / (values.max() - values.min())
        windows = np.lib.stride_tricks.sliding_window_view(scaled, SEQ_LEN)[:N_WINDOWS]
        self.x = torch.tensor(np.ascontiguousarray(windows.T)[:, :, None], dtype=torch_dtype)  # (T, N, 1)
        self.y = torch.tensor(scaled[SEQ_LEN:SEQ_LEN + N_WINDOWS, None], dtype=torch_dtype)
        self.rnn = torch.nn.RNN(1, HIDDEN, nonlinearity="tanh").to(torch_dtype)
        self.head = torch.nn.Linear(HIDDEN, 1).to(torch_dtype)
        self.optimizer = torch.optim.Adam(list(self.rnn.parameters()) + list(self.head.parameters()), lr=1e-3)
        self.batch = batch

    def epoch(self) -> float:
        torch = self.torch
        start = time.perf_counter()
        order = torch.randperm(N_WINDOWS)
        for first in range(0, N_WINDOWS, self.batch):
            index = order[first:first + self.batch]
            _, h_last = self.rnn(self.x[:, index])
            loss = torch.nn.functional.mse_loss(self.head(h_last[0]), self.y[index])
            self.optimizer.zero_grad(set_to_none=True)
            loss.backward()
            self.optimizer.step()
        return N_WINDOWS / (time.perf_counter() - start)


def bench_speed(repeats: int, gflops: dict[str, float], with_torch: bool,
                compare_blocking: bool = False, compare_relu: bool = False) -> list[dict]:
    values = bench_series()
    rows = []
    for dtype in DTYPES:
        for batch in BATCHES:
            engines = {"numpy": NumpyEngine(values, dtype, batch)}
            if compare_blocking:
                # The same engine with every matmul up to 8M multiply-adds run in one-thread blocks.
                engines["numpy_blocked"] = NumpyEngine(values, dtype, batch, blocked_limit=8 * 1024 * 1024)
            if compare_relu:
                # Relu costs one cheap pass per step, so this rate shows the epoch without tanh's exp.
                engines["numpy_relu"] = NumpyEngine(values, dtype, batch, activation="relu")
            if with_torch:
                engines["torch"] = TorchEngine(values, dtype, batch)
            for engine in engines.values():
                engine.epoch()  # warm-up: buffers, BLAS threads, caches
            rates: dict[str, list[float]] = {name: [] for name in engines}
            for _ in range(repeats):
                for name, engine in engines.items():
                    time.sleep(SETTLE_SECONDS)
                    rates[name].append(engine.epoch())
            numpy_rate = statistics.median(rates["numpy"])
            row = {"dtype": dtype, "batch": batch, "numpy_samples_per_s": numpy_rate,
                   "numpy_best_samples_per_s": max(rates["numpy"]),
                   "numpy_gflops": numpy_rate * flops_per_sample() / 1e9,
                   "matmul_fraction": numpy_rate * flops_per_sample() / 1e9 / gflops[dtype],
                   "numpy_runs": rates["numpy"]}
            if with_torch:
                torch_rate = statistics.median(rates["torch"])
                row.update(torch_samples_per_s=torch_rate, ratio=numpy_rate / torch_rate, torch_runs=rates["torch"],
                           torch_best_samples_per_s=max(rates["torch"]),
                           best_ratio=max(rates["numpy"]) / max(rates["torch"]))
            if compare_blocking:
                row.update(blocked_samples_per_s=statistics.median(rates["numpy_blocked"]),
                           blocked_best_samples_per_s=max(rates["numpy_blocked"]),
                           blocked_runs=rates["numpy_blocked"])
            if compare_relu:
                row.update(relu_samples_per_s=statistics.median(rates["numpy_relu"]), relu_runs=rates["numpy_relu"])
            rows.append(row)
            print(format_speed_row(row), flush=True)
    return rows


def format_speed_row(row: dict) -> str:
    text = (f"{row['dtype']:8} batch {row['batch']:3}: numpy {row['numpy_samples_per_s']:8.0f} samples/s "
            f"({row['numpy_gflops']:5.1f} GFLOP/s, {100 * row['matmul_fraction']:4.0f}% of large matmul)")
    if "torch_samples_per_s" in row:
        text += (f"  torch {row['torch_samples_per_s']:8.0f} samples/s  ratio {row['ratio']:.2f}x"
                 f"  (best epochs: numpy {row['numpy_best_samples_per_s']:.0f}, "
                 f"torch {row['torch_best_samples_per_s']:.0f}, ratio {row['best_ratio']:.2f}x)")
    if "relu_samples_per_s" in row:
        text += f"  numpy with relu {row['relu_samples_per_s']:.0f} samples/s"
        if "torch_samples_per_s" in row:
            text += f" ({row['relu_samples_per_s'] / row['torch_samples_per_s']:.2f}x torch with tanh)"
    if "blocked_samples_per_s" in row:
        text += (f"  numpy in one-thread blocks {row['blocked_samples_per_s']:.0f} samples/s "
                 f"(best {row['blocked_best_samples_per_s']:.0f})")
    return text


def train_for(config: TrainConfig, values: np.ndarray, budget: float) -> tuple[Trainer, float, int | None]:
    """Train until the epochs run out or ``budget`` seconds of training have passed.

    Returns the trainer, the seconds spent and the first epoch whose validation
    RMSE was at most ACCURACY_TARGET (None if none was).
    """
    trainer = Trainer(config, values)
    first_on_target = None
    start = time.perf_counter()
    while trainer.epoch < config.epochs and time.perf_counter() - start < budget:
        report = trainer.run_epoch()
        if first_on_target is None and report.val_rmse <= ACCURACY_TARGET:
            first_on_target = report.epoch
        if report.stop_reason is not None:
            break
    return trainer, time.perf_counter() - start, first_on_target


def val_rmse(trainer: Trainer) -> float:
    index, prediction = trainer.predict_windows()
    val = trainer.split.val
    return float(np.sqrt(np.mean((prediction[val] - trainer.values[index[val]]) ** 2)))


def bench_accuracy(budget: float = 1.0, seeds: int = 5) -> dict:
    values = np.sin(np.arange(200.0))
    runs = []
    for seed in range(seeds):
        trainer, seconds, first_on_target = train_for(TrainConfig(seed=seed), values, budget)
        runs.append({"seed": seed, "val_rmse": val_rmse(trainer), "epochs": trainer.epoch, "seconds": seconds,
                     "first_epoch_on_target": first_on_target, "stop_reason": trainer.stop_reason})
        print(f"default preset, seed {seed}: val_rmse {runs[-1]['val_rmse']:.5f} after {trainer.epoch} epochs "
              f"in {seconds:.2f} s (first at or below {ACCURACY_TARGET}: epoch {first_on_target})", flush=True)
    tutorial, seconds, _ = train_for(TrainConfig.preset("tutorial"), values, budget=float("inf"))
    zero = float(np.sqrt(np.mean(values[150:] ** 2)))
    result = {
        "budget_seconds": budget,
        "median_val_rmse": statistics.median(run["val_rmse"] for run in runs),
        "runs": runs,
        "tutorial_preset_val_rmse": val_rmse(tutorial),
        "tutorial_preset_seconds": seconds,
        "zero_predictor_val_rmse": zero,
        "naive_persistence_val_rmse": tutorial.naive_val_rmse,
    }
    print(f"default preset: median val_rmse {result['median_val_rmse']:.5f} (target <= {ACCURACY_TARGET}); "
          f"tutorial preset {result['tutorial_preset_val_rmse']:.4f} in {seconds:.1f} s; "
          f"always zero {zero:.4f}; naive persistence {tutorial.naive_val_rmse:.4f}", flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    global N_WINDOWS
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", metavar="OUT", help="write all results to OUT as JSON")
    parser.add_argument("--repeats", type=int, default=3, help="timed epochs per cell (default: 3)")
    parser.add_argument("--windows", type=int, default=N_WINDOWS,
                        help=f"training windows per epoch (default: {N_WINDOWS})")
    parser.add_argument("--skip-speed", action="store_true", help="only run the accuracy benchmark")
    parser.add_argument("--compare-blocking", action="store_true",
                        help="also time the engine with every matmul up to 8M multiply-adds in one-thread blocks")
    parser.add_argument("--compare-relu", action="store_true",
                        help="also time the engine with relu in place of tanh, to show the activation's share")
    parser.add_argument("--skip-accuracy", action="store_true", help="only run the speed benchmark")
    args = parser.parse_args(argv)

    N_WINDOWS = args.windows
    info = machine_info()
    print(f"CPU: {info['cpu']}, {info['logical_cpus']} logical CPUs; numpy {info['numpy']}; BLAS {info['blas']}")
    results: dict = {"machine": info, "command": " ".join([os.path.basename(sys.argv[0]), *sys.argv[1:]])}

    if not args.skip_speed:
        gflops = {dtype: matmul_gflops(dtype) for dtype in DTYPES}
        results["matmul_gflops"] = gflops
        print("large matmul (2048 x 2048): " + ", ".join(f"{d} {g:.1f} GFLOP/s" for d, g in gflops.items()))
        try:
            import torch

            results["torch"] = {"version": torch.__version__, "threads": torch.get_num_threads()}
            with_torch = True
        except ImportError:
            print("PyTorch is not installed: no comparison")
            with_torch = False
        results["speed"] = bench_speed(args.repeats, gflops, with_torch, args.compare_blocking,
                                       args.compare_relu)
    if not args.skip_accuracy:
        results["accuracy"] = bench_accuracy()

    if args.json:
        with open(args.json, "w", encoding="utf-8") as stream:
            json.dump(results, stream, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
