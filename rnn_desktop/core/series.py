"""Series, sliding windows, chronological split, scalers, metrics and forecasts.

``Series`` is the data layer's contract with the CSV reader, the generators
and the GUI. Windows are views of one array: no window is copied.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np


@dataclass
class Series:
    """A clean univariate time series, ready for windowing.

    ``values`` is 1-D float64 with no NaN. ``time`` is an optional x axis of the
    same length (numpy datetime64 or float); None means positions 0..n-1.
    ``missing_positions`` are the 0-based positions in the original rows that
    were missing and were filled (interpolate) or removed (drop).
    """

    values: np.ndarray
    name: str = "value"
    time: np.ndarray | None = None
    source: str = ""  # human-readable origin: "generator sine", a file path, ...
    missing_positions: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    details: dict[str, Any] = field(default_factory=dict)  # detected CSV settings, generator params

    def __len__(self) -> int:
        return int(self.values.shape[0])


SCALERS = ("minmax", "zscore", "none")
# Validation share for a CSV series when no split is given. The tutorial's 50
# validation windows suit its 200-value sine, but they would leave the 100-value
# Nile series no training window.
CSV_VAL_FRACTION = 0.2


# A value counts as far from the others when it lies more than this many interquartile
# ranges from the median. Typing slips such as 1e308 pass that limit, and so does a
# placeholder such as -9999 among values near 20. The largest monthly sunspot count
# lies 3.5 of them from the median.
OUTLIER_IQR_FACTOR = 100.0


def find_outliers(values: np.ndarray, factor: float = OUTLIER_IQR_FACTOR) -> np.ndarray:
    """Return the positions of the values more than ``factor`` interquartile ranges from the median.

    NaN values are ignored. Nothing counts as an outlier when fewer than 4
    values are known or when the middle half of them are all equal (IQR 0).
    """
    values = np.asarray(values, dtype=np.float64)
    known = values[~np.isnan(values)]
    if known.size < 4:
        return np.zeros(0, dtype=np.int64)
    with np.errstate(over="ignore", invalid="ignore"):
        low, median, high = np.percentile(known, [25.0, 50.0, 75.0])
        spread = high - low
        if not (np.isfinite(spread) and spread > 0.0):
            return np.zeros(0, dtype=np.int64)
        distance = np.abs(values - median)
        far = distance > factor * spread  # an infinite limit (spread near 1e308) leaves nothing far
    return np.flatnonzero(far).astype(np.int64)


def make_windows(values: np.ndarray, seq_len: int) -> tuple[np.ndarray, np.ndarray]:
    """Return (inputs, targets) for one-step-ahead prediction, both views of ``values``.

    inputs[i] = values[i : i + seq_len], shape (n, seq_len); targets[i] =
    values[i + seq_len], shape (n,); n = len(values) - seq_len. No window is copied.
    """
    values = np.asarray(values)
    n_windows = values.shape[0] - seq_len
    if seq_len < 1 or n_windows < 1:
        raise ValueError(f"a series of {values.shape[0]} values has no window of {seq_len} plus a target")
    inputs = np.lib.stride_tricks.sliding_window_view(values, seq_len)[:n_windows]
    return inputs, values[seq_len:]


@dataclass(frozen=True)
class Split:
    """Chronological split of ``n_windows`` windows: the first ``n_train`` train, the rest validate."""

    n_windows: int
    n_train: int
    n_val: int

    @property
    def train(self) -> slice:
        return slice(0, self.n_train)

    @property
    def val(self) -> slice:
        return slice(self.n_train, self.n_windows)


def count_val_windows(n_windows: int, val_windows: int | None, val_fraction: float | None) -> int:
    """Return how many of ``n_windows`` windows validate: ``val_windows``, or else
    round(val_fraction * n_windows) but at least 1."""
    if val_windows is not None:
        return int(val_windows)
    if val_fraction is None:
        raise ValueError("give val_windows or val_fraction")
    return max(1, int(round(val_fraction * n_windows)))


def split_windows(n_windows: int, val_windows: int | None = None,
                  val_fraction: float | None = None) -> Split:
    """Split windows chronologically; raise ValueError unless both parts have a window."""
    n_val = count_val_windows(n_windows, val_windows, val_fraction)
    n_train = n_windows - n_val
    if n_val < 1 or n_train < 1:
        raise ValueError(f"{n_windows} windows cannot give {n_val} validation windows and at least one training window")
    return Split(n_windows=n_windows, n_train=n_train, n_val=n_val)


def min_series_length(seq_len: int, val_windows: int | None, val_fraction: float | None) -> int:
    """Return the shortest series that gives at least one training and one validation window."""
    if val_windows is not None:
        return seq_len + 1 + int(val_windows)
    n_windows = 2
    while n_windows - count_val_windows(n_windows, None, val_fraction) < 1:
        n_windows += 1
    return seq_len + n_windows


# Below this many training windows, the window and train suggest a shorter window length.
FEW_TRAINING_WINDOWS = 20


def shorter_window_gain(length: int, seq_len: int, val_windows: int | None, val_fraction: float | None,
                        n_train: int) -> tuple[int, int] | None:
    """Return (a quarter of the series, its training windows) when ``seq_len`` leaves few that it adds to, else None.

    A quarter of the series is the longest window that the app's window picks
    for a series too short for its window length.
    """
    shorter = max(1, length // 4)
    if n_train >= FEW_TRAINING_WINDOWS or shorter >= seq_len:
        return None
    n_windows = length - shorter
    gained = n_windows - count_val_windows(n_windows, val_windows, val_fraction)
    return (shorter, gained) if gained > n_train else None


def longest_fitting_seq_len(length: int, seq_len: int, val_windows: int | None,
                            val_fraction: float | None) -> int | None:
    """Return the longest window shorter than ``seq_len`` that a series of ``length`` values fits, or None."""
    for shorter in range(seq_len - 1, 0, -1):
        if min_series_length(shorter, val_windows, val_fraction) <= length:
            return shorter
    return None


@dataclass(frozen=True)
class Scaler:
    """Affine scaling scaled = (x - shift) / divisor; ``inverse`` undoes it.

    minmax maps the fitted data to [0, 1], zscore to mean 0 and standard deviation 1,
    none is the identity. A constant series gets divisor 1.
    """

    kind: str = "none"
    shift: float = 0.0
    divisor: float = 1.0

    def transform(self, values: np.ndarray) -> np.ndarray:
        return (np.asarray(values, dtype=np.float64) - self.shift) / self.divisor

    def inverse(self, scaled: np.ndarray) -> np.ndarray:
        return np.asarray(scaled, dtype=np.float64) * self.divisor + self.shift

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "shift": float(self.shift), "divisor": float(self.divisor)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Scaler":
        return cls(kind=str(data["kind"]), shift=float(data["shift"]), divisor=float(data["divisor"]))


def fit_scaler(kind: str, values: np.ndarray) -> Scaler:
    """Fit a scaler of ``kind`` ("minmax", "zscore" or "none") on ``values``."""
    values = np.asarray(values, dtype=np.float64)
    if kind == "none":
        return Scaler("none", 0.0, 1.0)
    if kind == "minmax":
        low, high = float(values.min()), float(values.max())
        return Scaler("minmax", low, high - low if high > low else 1.0)
    if kind == "zscore":
        mean, std = float(values.mean()), float(values.std())
        return Scaler("zscore", mean, std if std > 0 else 1.0)
    raise ValueError(f"unknown scaler {kind!r}; use one of {', '.join(SCALERS)}")


def csv_source(path: str, column: str) -> str:
    """Return how the train command names a CSV series in a weights file: "PATH, column NAME"."""
    return f"{path}, column {column}"


def split_csv_source(source: str) -> tuple[str, str] | None:
    """Return (path, column) of a csv_source description, or None for any other source."""
    path, separator, column = source.rpartition(", column ")
    return (path, column) if separator and path and column else None


def series_origin(series: Series) -> dict[str, Any] | None:
    """Return what rebuilds ``series``: its CSV file with the reading settings, or its generator.

    The result is saved with the weights, so the window can offer to open the
    data they were trained on. None for a series from anywhere else.
    """
    details = series.details or {}
    if "generator" in details:
        fixed = ("generator", "length", "noise", "seed")
        return {"kind": "generator", "name": details["generator"], "length": int(details["length"]),
                "noise": float(details["noise"]), "seed": int(details["seed"]),
                "params": {name: float(value) for name, value in details.items() if name not in fixed}}
    if "path" in details and "column" in details:
        names = [entry.get("name") for entry in details.get("columns", ())]
        # Two columns of the same name are distinguished by index.
        column = details["column"] if names.count(details["column"]) <= 1 else details.get("column_index")
        return {"kind": "csv", "path": str(Path(details["path"]).resolve()), "column": column,
                "delimiter": details.get("delimiter"), "decimal": details.get("decimal"),
                "encoding": details.get("encoding"), "header": details.get("header"),
                "missing": details.get("missing_policy", "interpolate")}
    return None


def series_from_origin(origin: dict[str, Any]) -> Series:
    """Rebuild the series a weights file records: read its CSV file again, or run its generator."""
    if origin["kind"] == "csv":
        from rnn_desktop.core.csv_reader import read_series

        return read_series(origin["path"], column=origin["column"], delimiter=origin["delimiter"],
                           decimal=origin["decimal"], encoding=origin["encoding"], header=origin["header"],
                           missing=origin["missing"])
    from rnn_desktop.core.generators import generate

    return generate(origin["name"], length=origin["length"], noise=origin["noise"], seed=origin["seed"],
                    **origin["params"])


def origin_available(origin: dict[str, Any]) -> bool:
    """Return True when the data a weights file records can be opened: a generator, or a CSV file that exists."""
    if origin.get("kind") == "generator":
        from rnn_desktop.core.generators import GENERATORS

        return origin.get("name") in GENERATORS
    return origin.get("kind") == "csv" and Path(origin["path"]).is_file()


def recorded_csv_missing(origin: Any) -> bool:
    """Return True when a weights file's recorded ``origin`` is a CSV file that is not found any more."""
    return isinstance(origin, dict) and origin.get("kind") == "csv" and not origin_available(origin)


def origin_unreadable_text(weights_path: str, origin: dict[str, Any], error: BaseException) -> str:
    """Return the command line's sentence for recorded data that ``series_from_origin`` failed to read."""
    where = origin["path"] if origin["kind"] == "csv" else f"generator {origin['name']}"
    return (f"{weights_path} was trained on {where}, which could not be read again ({error}); "
            "give the data with --csv or --generator")


# A target at most this share of the largest target's magnitude counts as zero for MAPE.
ZERO_TARGET_SHARE = 1e-12


def date_readout_unit(seconds: np.ndarray) -> str:
    """Return the numpy date unit that names each time of a series: "Y", "M", "D", "m" or "s".

    ``seconds`` are the times in seconds since 1970. A yearly series reads as
    1905 rather than 1905-01-01, and an hourly one shows its hours.
    """
    if seconds.size < 2:
        return "D"
    steps = np.sort(np.diff(seconds))
    step = float(steps[steps.size // 2])
    stamps = seconds.astype("int64").astype("datetime64[s]")

    def all_start(unit: str) -> bool:
        return bool(np.array_equal(stamps.astype(f"datetime64[{unit}]").astype("datetime64[s]"), stamps))

    if step >= 365 * 86400 and all_start("Y"):
        return "Y"
    if step >= 28 * 86400 and all_start("M"):
        return "M"
    if all_start("D"):
        return "D"
    return "m" if all_start("m") else "s"


def times_go_forward(time: np.ndarray) -> bool:
    """Return whether no time is missing or earlier than the one before, and the times advance somewhere.

    A time may repeat, as one instant written with two UTC offsets at a change of summer time does.
    """
    time = np.asarray(time)
    if np.issubdtype(time.dtype, np.datetime64):
        if np.isnat(time).any():
            return False
        steps = np.diff(time.astype("datetime64[s]").astype(np.int64))
    else:
        if not np.isfinite(time).all():
            return False
        steps = np.diff(time)
    return bool((steps >= 0).all() and (steps > 0).any())


def time_texts(time: np.ndarray | None, count: int) -> list[str]:
    """Return the times as text at the series' step (1871, not 1871-01-01T00:00:00); "" for each without one.

    ``count`` is the number of texts returned when ``time`` is None.
    """
    if time is None:
        return [""] * count
    if np.issubdtype(time.dtype, np.datetime64) and time.size:
        seconds = time.astype("datetime64[s]").astype(np.int64).astype(np.float64)
        unit = date_readout_unit(seconds)
        return [str(stamp) for stamp in time.astype(f"datetime64[{unit}]")]
    return [str(value) for value in time]


def regression_metrics(target: np.ndarray, prediction: np.ndarray) -> dict[str, float | None]:
    """Return RMSE, MAE and MAPE (in percent) of ``prediction`` against ``target``.

    MAPE is None when the target contains a zero, where it is undefined, or a
    value within rounding error of zero (ZERO_TARGET_SHARE of the largest
    magnitude): sin(k pi) in float64 is about 1e-16, not 0, and gave MAPEs of
    1e13 %.
    RMSE comes from root_mean_square, so it stays finite whenever the errors are.
    """
    target = np.asarray(target, dtype=np.float64)
    # A diverged model may predict huge values or inf; inf is then the honest result.
    with np.errstate(over="ignore", invalid="ignore"):
        error = np.asarray(prediction, dtype=np.float64) - target
        mape = None
        magnitude = np.abs(target)
        near_zero = magnitude.size and np.any(magnitude <= ZERO_TARGET_SHARE * np.max(magnitude))
        if not near_zero:
            mape = float(np.mean(np.abs(error / target)) * 100.0)
        abs_error = np.abs(error)
        mae = float(np.mean(abs_error))
    return {"rmse": root_mean_square(abs_error), "mae": mae, "mape": mape}


def root_mean_square(errors: np.ndarray) -> float:
    """Return sqrt(mean(errors ** 2)), computed from the errors divided by the largest one.

    Squared directly, errors above about 1e154 give inf and errors below about
    1e-162 give 0; divided first, the result stays finite and nonzero whenever
    the errors are. NaN for no errors, inf when an error is infinite.
    """
    abs_error = np.abs(np.asarray(errors, dtype=np.float64))
    if abs_error.size == 0:
        return math.nan
    largest = float(np.max(abs_error))
    if largest == 0.0 or not math.isfinite(largest):
        return largest
    ratio = abs_error / largest
    return largest * float(np.sqrt(np.mean(ratio * ratio)))


def scaled_mse(rmse: float, divisor: float) -> float:
    """Return the mean squared error in scaled units, (rmse / divisor) ** 2, inf on overflow.

    A Python float's ** 2 raises OverflowError above about 1.3e154, where numpy gives inf.
    """
    with np.errstate(over="ignore"):
        return float(np.square(np.float64(rmse) / divisor))


def naive_persistence_rmse(values: np.ndarray, seq_len: int, windows: slice) -> float:
    """Return the RMSE of predicting each window's target by its last input value.

    ``windows`` selects window indices; window i predicts values[i + seq_len].
    """
    values = np.asarray(values, dtype=np.float64)
    inputs, targets = make_windows(values, seq_len)
    with np.errstate(over="ignore"):
        return root_mean_square(targets[windows] - inputs[windows, -1])


def predict_one_step(model: Any, scaler: Scaler, values: np.ndarray, seq_len: int,
                     dtype: Any = np.float64) -> tuple[np.ndarray, np.ndarray]:
    """Return (index, prediction): the one-step-ahead prediction of every window.

    ``index[i]`` is the position in ``values`` of the value that window i predicts;
    predictions are in original units. ``model.predict`` takes scaled windows (B, T).
    """
    scaled = scaler.transform(values).astype(dtype)
    inputs, _ = make_windows(scaled, seq_len)
    prediction = scaler.inverse(model.predict(inputs))
    return np.arange(seq_len, len(values)), prediction


def forecast_recursive(model: Any, scaler: Scaler, values: np.ndarray, seq_len: int, steps: int,
                       dtype: Any = np.float64) -> np.ndarray:
    """Forecast ``steps`` values beyond the end of ``values``, each fed back as input.

    Returns shape (steps,) in original units; element j is the value at position
    len(values) + j.
    """
    window = np.empty(seq_len + steps, dtype=dtype)
    window[:seq_len] = scaler.transform(np.asarray(values)[-seq_len:])
    for j in range(steps):
        window[seq_len + j] = model.predict(window[None, j:j + seq_len])[0]
    return scaler.inverse(window[seq_len:])
