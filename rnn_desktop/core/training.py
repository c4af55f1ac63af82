"""Training configuration, per-epoch reports and the Trainer.

The GUI worker, the command line and the tests drive the Trainer through the
names documented on each class here. Nothing here imports Qt.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import threading
import time
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Callable

import numpy as np

from rnn_desktop.core import series as series_mod
from rnn_desktop.core import weights as weights_mod
from rnn_desktop.core.errors import ConfigError, DataError, IncompatibleWeightsError, value_as_typed
from rnn_desktop.core.optim import (STATE_SLOTS, clip_by_global_norm, clip_by_value, global_norm,
                                    make_optimizer)
from rnn_desktop.core.rnn import BatchInterrupted, ElmanRNN

logger = logging.getLogger(__name__)

ACTIVATIONS = ("tanh", "sigmoid", "relu")
INITS = ("glorot", "uniform")  # glorot: Glorot uniform + orthogonal W_hh; uniform: U(0, 1) everywhere
OPTIMIZERS = ("sgd", "momentum", "adam")
SCALERS = ("minmax", "zscore", "none")
DTYPES = ("float64", "float32")

# Reasons for the end of training, used by EpochReport.stop_reason and Trainer.stop_reason.
STOP_COMPLETED = "completed"  # all requested epochs ran
STOP_EARLY = "early_stopping"  # validation loss stopped improving for `patience` epochs
STOP_DIVERGED = "diverged"  # non-finite or runaway loss, or non-finite gradient; earlier weights kept
STOP_REQUESTED = "stopped"  # the user (or caller) asked to stop
STOP_REASONS = (STOP_COMPLETED, STOP_EARLY, STOP_DIVERGED, STOP_REQUESTED)


@dataclass
class TrainConfig:
    """Every hyperparameter of one training run, for the data, model and optimiser.

    Defaults are the "default" (recommended) preset. On the tutorial's series,
    sin(0..199) with 100 training and 50 validation windows, it reaches a
    validation RMSE below 0.005 in about 17 epochs, the median of 5 seeds
    measured by benchmarks/bench_engine.py.
    """

    # data
    seq_len: int = 50
    val_windows: int | None = 50  # number of validation windows (the tutorial uses 50)
    val_fraction: float | None = None  # used when val_windows is None
    scale: str = "minmax"

    # model
    hidden: int = 32
    activation: str = "tanh"
    init: str = "glorot"
    dtype: str = "float64"

    # training
    epochs: int = 200
    batch_size: int = 16
    lr: float = 0.005
    optimizer: str = "adam"
    momentum: float = 0.9  # used by optimizer == "momentum"
    bptt_truncate: int | None = None  # None or >= seq_len: full BPTT
    clip_value: float | None = None  # element-wise clipping to [-v, v]
    clip_norm: float | None = 5.0  # global-norm clipping
    seed: int = 0
    patience: int | None = 30  # early stopping on validation loss; None disables
    reduce_on_plateau: bool = False
    plateau_patience: int = 10
    plateau_factor: float = 0.5
    min_lr: float = 1e-6

    @classmethod
    def preset(cls, name: str) -> "TrainConfig":
        """Return the configuration of preset ``"default"`` or ``"tutorial"``."""
        if name == "default":
            return cls()
        if name == "tutorial":
            return cls(
                seq_len=50, val_windows=50, val_fraction=None, scale="none",
                hidden=100, activation="sigmoid", init="uniform", dtype="float64",
                epochs=25, batch_size=1, lr=1e-4, optimizer="sgd",
                bptt_truncate=5, clip_value=10.0, clip_norm=None, patience=None,
            )
        raise ConfigError(
            f"unknown preset {name!r}; use 'default' or 'tutorial'",
            code="config.preset", value=name, allowed=("default", "tutorial"),
        )

    def replace(self, **changes: Any) -> "TrainConfig":
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "TrainConfig":
        """Build a config from a dict, ignoring unknown keys (files from newer versions)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def validate(self) -> None:
        """Raise ConfigError naming the first invalid value and how to fix it.

        The error's code is "config.<field>" and its params hold ``name``,
        ``value`` and either ``allowed`` or ``minimum``.
        """
        _check_int(self, "seq_len", minimum=1)
        if self.val_windows is None and self.val_fraction is None:
            raise ConfigError("set val_windows (a number of windows) or val_fraction (between 0 and 1)",
                              code="config.val_windows", name="val_windows", value=None, minimum=1)
        if self.val_windows is not None:
            _check_int(self, "val_windows", minimum=1)
        elif not (_is_number(self.val_fraction) and 0.0 < self.val_fraction < 1.0):
            raise ConfigError(f"val_fraction must be between 0 and 1 (exclusive), got {self.val_fraction!r}",
                              code="config.val_fraction", name="val_fraction", value=self.val_fraction,
                              allowed="(0, 1)")
        _check_choice(self, "scale", SCALERS)
        _check_int(self, "hidden", minimum=1)
        _check_choice(self, "activation", ACTIVATIONS)
        _check_choice(self, "init", INITS)
        _check_choice(self, "dtype", DTYPES)
        _check_int(self, "epochs", minimum=0)
        _check_int(self, "batch_size", minimum=1)
        _check_positive(self, "lr")
        _check_choice(self, "optimizer", OPTIMIZERS)
        if not (_is_number(self.momentum) and 0.0 <= self.momentum < 1.0):
            raise ConfigError(f"momentum must be at least 0 and below 1, got {value_as_typed(self.momentum)}",
                              code="config.momentum", name="momentum", value=self.momentum, allowed="[0, 1)")
        if self.bptt_truncate is not None:
            _check_int(self, "bptt_truncate", minimum=1)
        if self.clip_value is not None:
            _check_positive(self, "clip_value")
        if self.clip_norm is not None:
            _check_positive(self, "clip_norm")
        _check_int(self, "seed", minimum=0)
        if self.patience is not None:
            _check_int(self, "patience", minimum=1)
        _check_int(self, "plateau_patience", minimum=1)
        if not (_is_number(self.plateau_factor) and 0.0 < self.plateau_factor < 1.0):
            raise ConfigError(f"plateau_factor must be between 0 and 1 (exclusive), got {value_as_typed(self.plateau_factor)}",
                              code="config.plateau_factor", name="plateau_factor", value=self.plateau_factor,
                              allowed="(0, 1)")
        if not (_is_number(self.min_lr) and math.isfinite(self.min_lr) and self.min_lr >= 0.0):
            raise ConfigError(f"min_lr must be 0 or more, got {value_as_typed(self.min_lr)}",
                              code="config.min_lr", name="min_lr", value=self.min_lr, minimum=0.0)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)


def _check_int(config: TrainConfig, name: str, minimum: int) -> None:
    value = getattr(config, name)
    if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < minimum:
        raise ConfigError(f"{name} must be an integer of at least {minimum}, got {value!r}; set it to {minimum} or more",
                          code=f"config.{name}", name=name, value=value, minimum=minimum)


def _check_positive(config: TrainConfig, name: str) -> None:
    value = getattr(config, name)
    if not (_is_number(value) and math.isfinite(value) and value > 0):
        raise ConfigError(f"{name} must be a number above 0, got {value_as_typed(value)}; set a positive value",
                          code=f"config.{name}", name=name, value=value, minimum=0.0)


def _check_choice(config: TrainConfig, name: str, allowed: tuple[str, ...]) -> None:
    value = getattr(config, name)
    if value not in allowed:
        raise ConfigError(f"unknown {name} {value!r}; use one of {', '.join(allowed)}",
                          code=f"config.{name}", name=name, value=value, allowed=allowed)


@dataclass
class EpochReport:
    """Per-epoch report of the Trainer. Losses are MSE on scaled data;
    rmse/mae/mape are in the series' original units."""

    epoch: int  # 1-based
    train_loss: float
    val_loss: float
    val_rmse: float
    val_mae: float
    val_mape: float | None  # None when the validation target contains zeros
    train_rmse: float
    grad_norm: float  # global L2 norm of the last batch's gradient, before clipping
    lr: float
    seconds: float  # wall time of this epoch, without the time spent paused
    samples_per_second: float
    best_val_loss: float
    stop_reason: str | None = None  # set on the last report of a run
    # Optional diagnostics, filled only when requested (see Trainer.__init__):
    # (seq_len,) mean ||dL/dh_t|| over the epoch's last batch; None when the epoch stopped before it.
    dh_norms: np.ndarray | None = None
    hidden_states: np.ndarray | None = None  # (seq_len, hidden) for the chosen window
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def diverged_at_start(self) -> bool:
        """True when the loss diverged in the first batch of fresh weights, so no update was made."""
        return bool((self.extra.get("divergence") or {}).get("at_start"))


class TrainingControl:
    """Thread-safe pause and stop requests, checked by the Trainer between batches."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()
        # Seconds spent blocked in checkpoint(); only the training thread writes it.
        self.paused_seconds = 0.0

    def request_stop(self) -> None:
        self._stop.set()
        self._running.set()  # wake a paused trainer so it can stop

    def request_pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def stop_requested(self) -> bool:
        return self._stop.is_set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def checkpoint(self) -> bool:
        """Block while paused, adding the time blocked to ``paused_seconds``; return False when a stop
        was requested."""
        if not self._running.is_set():
            started = time.perf_counter()
            self._running.wait()
            self.paused_seconds += time.perf_counter() - started
        return not self._stop.is_set()

    def clear(self) -> None:
        self._stop.clear()
        self._running.set()


# EpochReport fields that are plain numbers or strings, kept in weights-file histories.
_HISTORY_FIELDS = ("epoch", "train_loss", "val_loss", "val_rmse", "val_mae", "val_mape", "train_rmse",
                   "grad_norm", "lr", "seconds", "samples_per_second", "best_val_loss", "stop_reason")

# Fields that define the model or its input; a loaded weights file fixes them.
_MODEL_FIELDS = ("seq_len", "hidden", "activation", "init", "dtype", "scale")


def report_to_dict(report: EpochReport) -> dict[str, Any]:
    """Return the scalar fields of ``report`` and its JSON-friendly extras."""
    data = {name: getattr(report, name) for name in _HISTORY_FIELDS}
    data["extra"] = {key: value for key, value in report.extra.items()
                     if isinstance(value, (str, int, float, bool)) or value is None}
    return data


def report_from_dict(data: dict[str, Any]) -> EpochReport:
    """Rebuild an EpochReport from ``report_to_dict`` output; null numbers become NaN."""
    values = {}
    for name in _HISTORY_FIELDS:
        value = data.get(name)
        if name not in ("val_mape", "stop_reason", "epoch") and value is None:
            value = math.nan
        values[name] = value
    values["epoch"] = int(values["epoch"] or 0)
    return EpochReport(**values, extra=dict(data.get("extra", {})))


# Windows the model predicts in one forward pass (ElmanRNN.predict's default chunk).
_PREDICT_CHUNK = 512

# A loss above this many times the mean square of the scaled training targets
# (at least 1) counts as divergence. Predicting 0 everywhere scores the mean
# square, so such a model is off by 1e5 times the targets' size.
DIVERGENCE_FACTOR = 1e10
# Early stopping after the validation loss rose this many times above its best
# names the learning rate as the likely cause.
RUNAWAY_LOSS_FACTOR = 100.0
# From this many hidden units on, drawing the orthogonal W_hh takes a second or more (15 s for 4096 here).
LARGE_MODEL_HIDDEN = 1024
# A batch whose forward pass takes at least this many multiply-adds also honours
# pause and stop requests between its time steps, at most every STEP_CHECK_SECONDS.
# That forward pass takes about 15 ms at this machine's float64 matmul rate, and the
# whole batch three times as long. A first batch of 4096 hidden units once ran 76 s
# under load with no way to stop it. Smaller batches check only between batches, so
# the fast path pays nothing.
INTERRUPTIBLE_BATCH_WORK = 250_000_000
STEP_CHECK_SECONDS = 0.05
# Below this many validation windows, one lucky epoch can set a best validation loss that
# later epochs rise far above, so a runaway loss is not blamed on the learning rate alone.
FEW_VALIDATION_WINDOWS = 5


def estimate_memory_bytes(hidden: int, seq_len: int, batch_size: int, n_windows: int, dtype: str,
                          optimizer: str) -> int:
    """Estimate the bytes a Trainer allocates for its model, optimiser and forward buffers.

    Counted: the parameters with their gradients, the optimiser's scratch and state,
    the trainer's backup and best-weights copies and one matmul temporary, plus the
    forward workspaces (hidden states and pre-activations of every step) for a
    training batch and a prediction chunk, each twice for the shorter last batch.
    """
    n_params = hidden * hidden + 3 * hidden + 1
    param_copies = 6 + len(STATE_SLOTS.get(optimizer, ()))
    prediction_batch = min(_PREDICT_CHUNK, n_windows)
    workspace_rows = 2 * (batch_size + prediction_batch)
    workspace = workspace_rows * ((2 * seq_len + 2) * hidden + seq_len)
    return (param_copies * n_params + workspace) * np.dtype(dtype).itemsize


def physical_memory_bytes() -> int | None:
    """Return the computer's physical memory in bytes, or None where os.sysconf cannot tell (Windows)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):
        return None


# Memory assumed where the physical memory cannot be read.
FALLBACK_MEMORY_BYTES = 8 * 2**30


def check_memory(config: TrainConfig, n_windows: int, available: int | None = None) -> None:
    """Raise ConfigError when the estimated memory of training exceeds ``available`` bytes.

    ``available`` defaults to the physical memory. The error names the largest hidden
    size that fits with the same window length and batch size.
    """
    if available is None:
        available = physical_memory_bytes() or FALLBACK_MEMORY_BYTES
    batch = min(config.batch_size, max(n_windows, 1))

    def estimate(hidden: int) -> int:
        return estimate_memory_bytes(hidden, config.seq_len, batch, n_windows, config.dtype, config.optimizer)

    needed = estimate(config.hidden)
    if needed <= available:
        return
    low, high = 0, config.hidden  # estimate(low) fits, or low is 0; estimate(high) does not fit
    while high - low > 1:
        middle = (low + high) // 2
        if estimate(middle) <= available:
            low = middle
        else:
            high = middle
    gib = 2**30
    if low >= 1:
        # The buffers grow with seq_len x batch_size x hidden, so a long window may be the cause.
        fix = f"use hidden {low} or less, or a shorter seq_len or a smaller batch_size"
    else:
        fix = "use a shorter seq_len or a smaller batch_size"
    raise ConfigError(
        f"hidden {config.hidden} needs an estimated {needed / gib:.1f} GiB of memory for the weights, "
        f"optimiser state and training buffers, but this computer has {available / gib:.1f} GiB; {fix}",
        code="config.memory", name="hidden", value=config.hidden, estimated_bytes=needed,
        available_bytes=available, maximum=low)


def check_values(values: Any) -> np.ndarray:
    """Return ``values`` as a 1-D float64 array, or raise DataError on a bad shape or NaN/inf."""
    try:
        array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise DataError(f"the series is not numeric ({error})", code="data.not_numeric") from None
    if array.ndim != 1:
        raise DataError(f"the series must be one-dimensional, got shape {array.shape}",
                        code="data.shape", shape=array.shape)
    bad = np.flatnonzero(~np.isfinite(array))
    if bad.size:
        raise DataError(f"the series contains {bad.size} NaN or infinite values, the first at position {bad[0]}; "
                        "fill or drop them before training",
                        code="data.non_finite", count=int(bad.size), position=int(bad[0]))
    return array


def check_model_changes(path: Any, loaded: weights_mod.WeightsFile, changes: dict[str, Any]) -> dict[str, Any]:
    """Raise IncompatibleWeightsError when ``changes`` alter a field that defines the saved model.

    The fields are seq_len, hidden, activation, init, dtype and scale, and the
    returned dict contains their values in ``loaded``.
    """
    meta = loaded.metadata
    fixed = {"seq_len": meta["seq_len"], "hidden": meta["model"]["hidden"],
             "activation": meta["model"]["activation"], "init": meta["model"].get("init", "glorot"),
             "dtype": meta["model"]["dtype"], "scale": meta["scaler"]["kind"]}
    for name, value in changes.items():
        if name in fixed and value != fixed[name]:
            raise IncompatibleWeightsError(
                f"{name} {value!r} does not match the weights file {path}, which has {name} "
                f"{fixed[name]!r}; leave {name} unset or train a new model",
                name=name, value=value, expected=fixed[name], path=str(path))
    return fixed


def check_hidden_window(record_hidden_window: int | None, n_windows: int) -> None:
    """Raise ConfigError unless the window to record hidden states of is None or one of the ``n_windows``."""
    if record_hidden_window is not None and not 0 <= record_hidden_window < n_windows:
        raise ConfigError(f"record_hidden_window must be a window index from 0 to {n_windows - 1}, "
                          f"got {record_hidden_window}", code="config.record_hidden_window",
                          name="record_hidden_window", value=record_hidden_window, minimum=0)


def clipping_on(config: TrainConfig) -> bool:
    return config.clip_value is not None or config.clip_norm is not None


def divergence_advice(config: TrainConfig) -> str:
    """Say what to change after a divergence; clipping is suggested only while it is off."""
    if clipping_on(config):
        return "lower the learning rate (gradient clipping is already on)"
    return "lower the learning rate or enable gradient clipping"


class Trainer:
    """Trains one ElmanRNN on one series, epoch by epoch.

    Contract used by the GUI worker and the command line:

    - ``Trainer(config, values, control=None, record_dh=False, record_hidden_window=None)``
      where ``values`` is the 1-D float series in original units. Validates the
      config against the data (raises ConfigError / DataError), builds windows,
      split and scaler, and initialises the model from ``config.seed``.
      ``record_dh=True`` fills ``EpochReport.dh_norms``; ``record_hidden_window=i``
      fills ``EpochReport.hidden_states`` with h_1..h_T of window i (0-based over
      all windows, training windows first).
    - ``run_epoch() -> EpochReport`` runs one epoch (checks ``control`` between
      batches; an interrupted epoch returns a report with stop_reason "stopped").
    - ``run(epochs=None, on_epoch=None) -> str`` runs ``epochs`` more epochs
      (default: what is left of ``config.epochs``) and returns the stop reason;
      ``on_epoch(report)`` is called after each epoch. A stop request is not
      cleared here: call ``control.clear()`` before training again.
    - ``set_lr(lr)`` changes the learning rate without resetting optimiser state.
    - ``set_recording(record_dh, record_hidden_window)`` turns the two recordings
      on or off for the following epochs.
    - ``reset_weights(seed=None)`` re-initialises model and optimiser.
    - ``on_batch``: None, or a callable that receives (batches done, batches in the
      epoch) after each batch, for progress within a long epoch. It is not pickled.
    - ``epoch`` (epochs run so far), ``history`` (list of EpochReport),
      ``stop_reason``, ``model``, ``scaler``, ``split`` attributes, and
      ``naive_val_rmse``, the persistence baseline on the validation windows.
    - ``predict_windows() -> (index, prediction)`` one-step-ahead predictions in
      original units for every window; ``index`` is the position in ``values``
      of each predicted value; ``split.n_train`` windows come first.
    - ``forecast(steps) -> np.ndarray`` recursive forecast beyond the end.
    - ``save(path)`` writes a weights file; ``Trainer.from_file(path, values,
      control=None, source=None)`` rebuilds a trainer from one (raises WeightsFileError /
      IncompatibleWeightsError), with the optimiser state, batch order, early
      stopping counters, best weights and stop reason saved in it when the file
      has them (``optimizer_restored``). ``load_warning`` is a
      sentence to show when ``values`` differ from the series the weights were
      trained on, else None. ``source`` (for example ``Series.source``) describes
      the data in files saved later and in that warning.

    Early stopping restores the weights of the best validation loss. Training
    again after an early stop (``run`` or ``run_epoch``) continues from those
    weights with the patience count back at 0, and the first report's
    ``extra["continued_from_epoch"]`` names the epoch they come from. A non-finite
    loss, gradient or parameter stops training with reason "diverged" and keeps
    the weights from before the failing batch; ``EpochReport.extra["reason"]``
    explains it. Losses are bit-identical for the same seed and settings: one
    seeded generator draws the initial weights and another shuffles the batches.
    """

    def __init__(self, config: TrainConfig, values: Any, control: TrainingControl | None = None,
                 record_dh: bool = False, record_hidden_window: int | None = None,
                 scaler: series_mod.Scaler | None = None, source: str | None = None,
                 draw_weights: bool = True) -> None:
        config.validate()
        values = check_values(values)
        minimum = series_mod.min_series_length(config.seq_len, config.val_windows, config.val_fraction)
        if values.shape[0] < minimum:
            need = (f"{config.val_windows} validation windows" if config.val_windows is not None
                    else f"a validation fraction of {config.val_fraction}")
            fitting = series_mod.longest_fitting_seq_len(values.shape[0], config.seq_len, config.val_windows,
                                                         config.val_fraction)
            quarter = max(1, values.shape[0] // 4)
            if fitting and quarter < fitting:
                # The longest fitting window leaves as few as one training window.
                smaller = (f"a smaller seq_len (the longest that fits is {fitting}, and a quarter of the series, "
                           f"{quarter}, leaves more training windows)")
            elif fitting:
                smaller = f"a smaller seq_len (at most {fitting})"
            else:
                smaller = "a smaller seq_len"
            # With this window length, the validation windows that still leave one training window.
            max_val_windows = values.shape[0] - config.seq_len - 1 if config.val_windows is not None else 0
            fewer = "fewer validation windows"
            if max_val_windows >= 1:
                fewer += f" (at most {max_val_windows})"
            raise DataError(
                f"the series has {values.shape[0]} values but needs at least {minimum} for windows of "
                f"{config.seq_len} values, their targets and {need}; use a longer series, {smaller} "
                f"or {fewer}",
                code="data.too_short", length=int(values.shape[0]), minimum=minimum,
                largest_seq_len=fitting, largest_val_windows=max_val_windows or None)

        n_windows = values.shape[0] - config.seq_len
        check_memory(config, n_windows)
        check_hidden_window(record_hidden_window, n_windows)

        self.config = config
        self.values = values
        self.source = source  # description of the data (Series.source), saved with the weights
        # How to rebuild the data (series.series_origin), saved with the weights when known.
        self.origin: dict[str, Any] | None = None
        # The origin in the weights file this trainer was loaded from, if any.
        self.saved_origin: dict[str, Any] | None = None
        # Set by from_file when the weights were trained on other data, for the caller to show.
        self.load_warning: str | None = None
        # What crossed which limit in the epoch that is diverging, until its report takes it.
        self._divergence: dict[str, Any] | None = None
        self.control = control if control is not None else TrainingControl()
        self.on_batch: Callable[[int, int], None] | None = None
        self.record_dh = bool(record_dh)
        self.record_hidden_window = record_hidden_window
        self.split = series_mod.split_windows(n_windows, config.val_windows, config.val_fraction)
        train_part = values[: self.split.n_train + config.seq_len]
        self.scaler = scaler if scaler is not None else series_mod.fit_scaler(config.scale, train_part)
        self._prepare_windows()
        self.naive_val_rmse = series_mod.naive_persistence_rmse(values, config.seq_len, self.split.val)

        # reset_weights draws the weights, so the model starts at zero: one orthogonal draw, not two.
        self.model = ElmanRNN(1, config.hidden, config.activation, config.init, config.dtype, draw=False)
        self.optimizer = make_optimizer(config.optimizer, self.model.params, config.lr, config.momentum)
        self._backup = {name: np.empty_like(p) for name, p in self.model.params.items()}
        self.reset_weights(config.seed, refit_scaler=False, draw_weights=draw_weights)
        # True after from_file restored the optimiser state saved with the weights.
        self.optimizer_restored = False

    def _prepare_windows(self) -> None:
        """Scale the series once and take windows as views of the scaled copy."""
        self._scaled = self.scaler.transform(self.values).astype(self.config.dtype)
        self._inputs, self._targets = series_mod.make_windows(self._scaled, self.config.seq_len)
        # Time-major view of the training windows: column j is window j.
        self._train_inputs_tm = self._inputs[self.split.train].T
        self._val_targets = self.values[self.config.seq_len:][self.split.val]
        train_targets = self._targets[self.split.train].astype(np.float64)
        mean_square = float(np.mean(train_targets * train_targets)) if train_targets.size else 0.0
        self._divergence_loss = DIVERGENCE_FACTOR * max(mean_square, 1.0)

    # --- pickling ---------------------------------------------------------------

    # Attributes rebuilt from the others on unpickling: the scaled series and its window views.
    _DERIVED = ("_scaled", "_inputs", "_targets", "_train_inputs_tm", "_val_targets", "_divergence_loss",
                "_validation_cache")

    def __getstate__(self) -> dict[str, Any]:
        """Return every attribute except the control, whose locks do not pickle, and the derived windows.

        The GUI sends this state to its training process and back, so it contains
        the weights, the optimiser state, the batch-order generator and the history.
        """
        state = {name: value for name, value in self.__dict__.items()
                 if name not in ("control", "on_batch") and name not in self._DERIVED}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Take ``state`` from ``__getstate__``, keeping this trainer's control when it has one."""
        control = self.__dict__.get("control")
        self.__dict__.update(state)
        self.control = control if control is not None else TrainingControl()
        self.__dict__.setdefault("on_batch", None)  # not pickled, so a fresh copy has none
        self._prepare_windows()

    # --- state ----------------------------------------------------------------

    def reset_weights(self, seed: int | None = None, refit_scaler: bool = True, draw_weights: bool = True) -> None:
        """Re-initialise the model and the optimiser from ``seed`` (default: config.seed)
        and forget the history.

        With ``refit_scaler`` the scaler is fitted again on this trainer's training
        part, so a fresh model never keeps the scaler of weights loaded from other data.
        ``draw_weights=False`` leaves the weights as they are, for a caller that sets
        them next; the rest, the batch shuffling included, is as after a draw.
        """
        if seed is not None and seed != self.config.seed:
            self.config = self.config.replace(seed=int(seed))
            self.config.validate()
        if refit_scaler:
            train_part = self.values[: self.split.n_train + self.config.seq_len]
            fitted = series_mod.fit_scaler(self.config.scale, train_part)
            if fitted != self.scaler:
                logger.info("the new weights use a scaler fitted on this series, not the loaded one")
                self.scaler = fitted
                self._prepare_windows()
            self.load_warning = None
        init_seed, shuffle_seed = np.random.SeedSequence(self.config.seed).spawn(2)
        if draw_weights:
            self.model.reinitialise(np.random.default_rng(init_seed))
        self._shuffle_rng = np.random.default_rng(shuffle_seed)
        self.optimizer.reset()
        self.optimizer.lr = self.config.lr
        self.epoch = 0
        self.history: list[EpochReport] = []
        self.stop_reason: str | None = None
        self.best_val_loss = math.inf
        self.best_epoch = 0
        self._best_weights: dict[str, np.ndarray] | None = None
        self._epochs_without_improvement = 0
        self._epochs_on_plateau = 0
        # The best epoch whose weights training continues from after early stopping, until the next report.
        self._continued_from_epoch: int | None = None
        logger.info("initialised model (hidden %d, %s, %s, %s) with seed %d",
                    self.config.hidden, self.config.activation, self.config.init, self.config.dtype,
                    self.config.seed)

    def set_recording(self, record_dh: bool, record_hidden_window: int | None) -> None:
        """Turn on or off the recording of dL/dh norms and of one window's hidden states (None records none).

        Called between two batches, the dL/dh change applies from the next epoch
        and the hidden-state change already to the report of the current one.
        """
        check_hidden_window(record_hidden_window, self.values.shape[0] - self.config.seq_len)
        self.record_dh = bool(record_dh)
        self.record_hidden_window = record_hidden_window

    def window_hidden_states(self, window: int) -> np.ndarray:
        """Return the hidden states (seq_len, hidden) of window ``window`` under the current weights, in float64."""
        check_hidden_window(window, self.values.shape[0] - self.config.seq_len)
        self.model.forward(self._inputs[window:window + 1].T)
        return self.model.hidden_states()[:, 0, :].astype(np.float64)

    @property
    def lr(self) -> float:
        return self.optimizer.lr

    def set_lr(self, lr: float) -> None:
        """Use ``lr`` from the next batch on; optimiser state (momentum, Adam moments) is kept."""
        changed = self.config.replace(lr=lr)
        changed.validate()
        self.config = changed
        self.optimizer.lr = float(lr)

    # --- training -------------------------------------------------------------

    def run(self, epochs: int | None = None, on_epoch: ProgressCallback | None = None) -> str:
        """Run up to ``epochs`` more epochs and return the stop reason."""
        remaining = epochs if epochs is not None else max(0, self.config.epochs - self.epoch)
        logger.info("training starts at epoch %d for up to %d epochs", self.epoch, remaining)
        self._continue_after_early_stop()
        self.stop_reason = STOP_COMPLETED
        for index in range(remaining):
            if self.control.stop_requested:
                self.stop_reason = STOP_REQUESTED
                if self.history:
                    self.history[-1].stop_reason = STOP_REQUESTED
                break
            epochs_before = self.epoch
            report = self.run_epoch()
            if self.epoch == epochs_before:
                # Stopped before the epoch's first batch: there is no new epoch to report.
                self.stop_reason = report.stop_reason or STOP_REQUESTED
                break
            if report.stop_reason is None and index == remaining - 1:
                report.stop_reason = self.stop_reason = STOP_COMPLETED
            if on_epoch is not None:
                on_epoch(report)
            if report.stop_reason is not None:
                self.stop_reason = report.stop_reason
                break
        logger.info("training stopped at epoch %d: %s", self.epoch, self.stop_reason)
        return self.stop_reason

    def run_epoch(self) -> EpochReport:
        """Train on every training window once, in a new random order, then validate."""
        self._continue_after_early_stop()
        # Overflow is detected through non-finite losses and weights, so numpy's
        # warnings would only repeat it.
        with np.errstate(over="ignore", invalid="ignore"):
            return self._run_epoch()

    def _continue_after_early_stop(self) -> None:
        """Start the patience count again when training goes on after early stopping.

        Early stopping leaves the count at ``patience`` and the model at the best
        weights, so without this the next epoch would stop again at once. The best
        validation loss stays, so an epoch counts as an improvement only when it beats it.
        """
        if self.stop_reason != STOP_EARLY:
            return
        logger.info("training continues after early stopping from the weights of epoch %d; "
                    "the patience count starts again at 0 (it was %d)", self.best_epoch,
                    self._epochs_without_improvement)
        self._epochs_without_improvement = 0
        self._epochs_on_plateau = 0
        self.stop_reason = None
        self._continued_from_epoch = self.best_epoch

    def _run_epoch(self) -> EpochReport:
        config, model = self.config, self.model
        started = time.perf_counter()
        paused_before = self.control.paused_seconds
        n_train = self.split.n_train
        batch_size = min(config.batch_size, n_train)
        n_batches = -(-n_train // batch_size)
        shuffle_state = self._shuffle_rng.bit_generator.state
        order = self._shuffle_rng.permutation(n_train)
        dh_norms = np.zeros(config.seq_len) if self.record_dh else None

        interrupt = self._interrupt_requested if self.stops_inside_batches else None
        self._next_check = 0.0

        loss_sum, seen, batches_run = 0.0, 0, 0
        grad_norm = math.nan
        stop: str | None = None
        reason = ""
        for batch in range(n_batches):
            if not self.control.checkpoint():
                stop = STOP_REQUESTED
                break
            index = order[batch * batch_size:(batch + 1) * batch_size]
            record = dh_norms if batch == n_batches - 1 else None
            try:
                model.forward(self._train_inputs_tm[:, index], interrupt=interrupt)
                loss = model.backward(self._targets[index], config.bptt_truncate, record, interrupt=interrupt)
            except BatchInterrupted:
                # The weights are still those of the last finished batch.
                stop = STOP_REQUESTED
                break
            norm = global_norm(model.grads)
            if not (math.isfinite(loss) and math.isfinite(norm)) or loss > self._divergence_loss:
                stop = STOP_DIVERGED
                where = f"at epoch {self.epoch + 1}, batch {batch + 1} of {n_batches}"
                if loss > self._divergence_loss:
                    happened = (f"the training loss reached {loss:.3g} {where}, above the divergence "
                                f"limit of {self._divergence_loss:.3g}")
                    self._divergence = {"quantity": "training loss", "value": loss,
                                        "limit": self._divergence_loss, "batch": batch + 1}
                else:
                    what = "training loss" if not math.isfinite(loss) else "gradient norm"
                    value = loss if not math.isfinite(loss) else norm
                    happened = f"the {what} became {value} {where}"
                    self._divergence = {"quantity": what, "value": value, "limit": None, "batch": batch + 1}
                # Before the first update only the starting weights, the activation and the data count.
                at_start = self.epoch == 0 and batch == 0
                self._divergence["at_start"] = at_start
                if at_start:
                    reason = (f"{happened}, before any update: the starting weights already give it, so a lower "
                              "learning rate or clipping cannot help. Choose another initialisation or activation, "
                              "and train again from fresh weights.")
                else:
                    reason = (f"{happened}; the weights from before that batch are kept, but they may already "
                              f"predict far off. {divergence_advice(config).capitalize()}, and train "
                              "again from fresh weights or from weights saved before the divergence.")
                break
            grad_norm = norm

            if config.clip_value is not None:
                clip_by_value(model.grads, config.clip_value)
            if config.clip_norm is not None:
                clip_by_global_norm(model.grads, config.clip_norm,
                                    norm=None if config.clip_value is not None else norm)
            for name, p in model.params.items():
                np.copyto(self._backup[name], p)
            self.optimizer.step(model.grads)
            if not all(np.isfinite(p).all() for p in model.params.values()):
                model.set_weights(self._backup)
                stop = STOP_DIVERGED
                self._divergence = {"quantity": "weight", "value": math.nan, "limit": None, "batch": batch + 1}
                reason = (f"a weight became NaN or infinite after batch {batch + 1} of {n_batches} in epoch "
                          f"{self.epoch + 1}; the weights from before that batch are kept, but they may "
                          "already predict far off. Lower the learning rate, and train again from fresh "
                          "weights or from weights saved before the divergence.")
                break
            loss_sum += loss * index.shape[0]
            seen += index.shape[0]
            batches_run += 1
            if self.on_batch is not None:
                self.on_batch(batches_run, n_batches)
        if batches_run < n_batches:
            # The last batch, the one recorded, did not finish, so there is no gradient record.
            dh_norms = None
        if stop == STOP_REQUESTED and batches_run == 0:
            # Nothing was trained, so this is no epoch: the shuffle is undone, and a
            # resumed run draws the same order an uninterrupted one would.
            self._shuffle_rng.bit_generator.state = shuffle_state
            return self._stop_before_first_batch()
        # A pause inside the epoch is not training time, so it is left out of seconds and samples per second.
        paused = self.control.paused_seconds - paused_before
        started += paused
        train_seconds = time.perf_counter() - started

        return self._finish_epoch(started, train_seconds, loss_sum, seen, batches_run, n_batches,
                                  grad_norm, dh_norms, stop, reason)

    @property
    def stops_inside_batches(self) -> bool:
        """True when pause and stop requests also act between the time steps of a batch."""
        batch_size = min(self.config.batch_size, self.split.n_train)
        hidden, inputs = self.model.hidden, self.model.input_size
        return self.config.seq_len * batch_size * hidden * (hidden + inputs) >= INTERRUPTIBLE_BATCH_WORK

    def _interrupt_requested(self) -> bool:
        """Check the control inside a long batch, at most every STEP_CHECK_SECONDS; True means stop.

        A pause blocks here, between two time steps, and the batch goes on
        afterwards exactly as it would have without the pause.
        """
        if time.perf_counter() < self._next_check:
            return False
        running = self.control.checkpoint()
        self._next_check = time.perf_counter() + STEP_CHECK_SECONDS
        return not running

    def _stop_before_first_batch(self) -> EpochReport:
        """Return the last report, marked stopped, for a stop that came before any batch; epoch is unchanged."""
        self.stop_reason = STOP_REQUESTED
        if self.history:
            self.history[-1].stop_reason = STOP_REQUESTED
            return self.history[-1]
        nan = math.nan
        return EpochReport(epoch=self.epoch, train_loss=nan, val_loss=nan, val_rmse=nan, val_mae=nan, val_mape=None,
                           train_rmse=nan, grad_norm=nan, lr=self.optimizer.lr, seconds=0.0, samples_per_second=nan,
                           best_val_loss=self.best_val_loss, stop_reason=STOP_REQUESTED)

    def _finish_epoch(self, started: float, train_seconds: float, loss_sum: float, seen: int,
                      batches_run: int, n_batches: int, grad_norm: float, dh_norms: np.ndarray | None,
                      stop: str | None, reason: str) -> EpochReport:
        """Validate, apply early stopping and reduce-on-plateau, and build the report."""
        config = self.config
        self.epoch += 1
        lr_used = self.optimizer.lr
        train_loss = loss_sum / seen if seen else math.nan

        metrics = self.validation_metrics()
        val_loss = series_mod.scaled_mse(metrics["rmse"], self.scaler.divisor)
        if stop is None and not math.isfinite(val_loss):
            stop = STOP_DIVERGED
            reason = f"the validation loss became {val_loss} at epoch {self.epoch}; {divergence_advice(config)}."
            self._divergence = {"quantity": "validation loss", "value": val_loss, "limit": None, "batch": None}
        elif stop is None and val_loss > self._divergence_loss:
            stop = STOP_DIVERGED
            self._divergence = {"quantity": "validation loss", "value": val_loss,
                                "limit": self._divergence_loss, "batch": None}
            reason = (f"the validation loss reached {val_loss:.3g} at epoch {self.epoch}, above the "
                      f"divergence limit of {self._divergence_loss:.3g}; {divergence_advice(config)}.")

        extra: dict[str, Any] = {"batches_run": batches_run, "batches": n_batches}
        if self._continued_from_epoch is not None:
            extra["continued_from_epoch"] = self._continued_from_epoch
            self._continued_from_epoch = None
        if stop == STOP_DIVERGED:
            extra["reason"] = reason
            # The same facts as numbers, for a caller that words them in its own language.
            extra["divergence"] = self._divergence
            self._divergence = None
            logger.warning("training diverged: %s", reason)

        improved = val_loss < self.best_val_loss
        if improved:
            self.best_val_loss = val_loss
            self.best_epoch = self.epoch
            self._best_weights = self.model.get_weights()
            self._epochs_without_improvement = 0
            self._epochs_on_plateau = 0
        else:
            self._epochs_without_improvement += 1
            self._epochs_on_plateau += 1

        if (stop is None and config.patience is not None
                and self._epochs_without_improvement >= config.patience):
            stop = STOP_EARLY
            self.model.set_weights(self._best_weights)
            extra["reason"] = (f"validation loss did not improve for {config.patience} epochs; "
                               f"restored the weights of epoch {self.best_epoch}")
            extra["restored_epoch"] = self.best_epoch
            peak = max([val_loss] + [r.val_loss for r in self.history if r.epoch > self.best_epoch])
            if self.best_val_loss > 0 and peak >= RUNAWAY_LOSS_FACTOR * self.best_val_loss:
                extra["runaway_val_loss"] = peak
                extra["reason"] += (f"; the validation loss then rose to {peak:.3g}, over "
                                    f"{RUNAWAY_LOSS_FACTOR:g} times its best ({self.best_val_loss:.3g})")
                if self.split.n_val < FEW_VALIDATION_WINDOWS:
                    extra["reason"] += (f". With only {self.split.n_val} validation "
                                        f"window{'s' if self.split.n_val != 1 else ''}, that best may be luck; "
                                        "a longer series gives a steadier measure, and a lower learning rate "
                                        "may help too")
                else:
                    extra["reason"] += ", as a learning rate that is too high often makes it do: try a lower one"
        if (stop is None and config.reduce_on_plateau
                and self._epochs_on_plateau >= config.plateau_patience):
            new_lr = max(self.optimizer.lr * config.plateau_factor, config.min_lr)
            if new_lr < self.optimizer.lr:
                logger.info("validation loss on a plateau: learning rate %g -> %g", self.optimizer.lr, new_lr)
                extra["lr_reduced_to"] = new_lr
            self.optimizer.lr = new_lr
            self._epochs_on_plateau = 0

        hidden_states = None
        if self.record_hidden_window is not None:
            hidden_states = self.window_hidden_states(self.record_hidden_window)

        if stop is not None:
            self.stop_reason = stop
        report = EpochReport(
            epoch=self.epoch, train_loss=train_loss, val_loss=val_loss,
            val_rmse=metrics["rmse"], val_mae=metrics["mae"], val_mape=metrics["mape"],
            train_rmse=math.sqrt(train_loss) * self.scaler.divisor if seen else math.nan,
            grad_norm=grad_norm, lr=lr_used, seconds=time.perf_counter() - started,
            samples_per_second=seen / train_seconds if train_seconds > 0 else math.nan,
            best_val_loss=self.best_val_loss, stop_reason=stop,
            dh_norms=dh_norms, hidden_states=hidden_states, extra=extra,
        )
        self.history.append(report)
        return report

    # --- predictions ------------------------------------------------------------

    def validation_metrics(self) -> dict[str, Any]:
        """Return the RMSE, MAE and MAPE of the current weights on the validation windows, in original units.

        While the weights stay the same, the last result is reused. A large model
        on a long series takes seconds to score, and the epoch that a stop ends
        and the train command's summary scored the same weights twice (27 and 29 s
        for 512 units on 10,000 validation windows).
        """
        key = self._weights_digest()
        cached = getattr(self, "_validation_cache", None)
        if cached is not None and cached[0] == key:
            return dict(cached[1])
        prediction = self.scaler.inverse(self.model.predict(self._inputs[self.split.val]))
        metrics = series_mod.regression_metrics(self._val_targets, prediction)
        self._validation_cache = (key, dict(metrics))
        return metrics

    def _weights_digest(self) -> bytes:
        """Return a digest of what the validation metrics depend on: parameters, scaler, split and series."""
        digest = hashlib.blake2b(digest_size=16)
        for name in sorted(self.model.params):
            digest.update(np.ascontiguousarray(self.model.params[name]).tobytes())
        digest.update(repr((sorted(self.scaler.to_dict().items()), self.split, self.config.seq_len)).encode())
        digest.update(np.ascontiguousarray(self.values).tobytes())
        return digest.digest()

    def predict_windows(self) -> tuple[np.ndarray, np.ndarray]:
        """Return (index, prediction) in original units for every window, training ones first."""
        prediction = self.scaler.inverse(self.model.predict(self._inputs))
        return np.arange(self.config.seq_len, self.values.shape[0]), prediction

    def forecast(self, steps: int) -> np.ndarray:
        """Forecast ``steps`` values beyond the end of the series, feeding each prediction back."""
        if steps < 0:
            raise ConfigError(f"forecast steps must be 0 or more, got {steps}", code="config.forecast_steps",
                              name="forecast_steps", value=steps, minimum=0)
        return series_mod.forecast_recursive(self.model, self.scaler, self.values, self.config.seq_len,
                                             steps, dtype=self.model.dtype)

    # --- weights files ------------------------------------------------------------

    def save(self, path: Any) -> None:
        """Write the weights, config, scaler and history to ``path`` (atomic replace)."""
        metadata = {
            "model": {"input_size": self.model.input_size, "hidden": self.model.hidden,
                      "activation": self.model.activation, "init": self.model.init,
                      "dtype": self.model.dtype.name},
            "seq_len": self.config.seq_len,
            "config": self.config.to_dict(),
            "scaler": self.scaler.to_dict(),
            "epoch": self.epoch,
            "lr": self.optimizer.lr,
            "stop_reason": self.stop_reason,
            "history": [report_to_dict(report) for report in self.history],
            "shuffle_rng": self._shuffle_rng.bit_generator.state,
            "data": {"source": self.source or "", "length": int(self.values.shape[0]),
                     "sha256": values_digest(self.values)},
        }
        if self.origin is not None:
            metadata["data"]["origin"] = self.origin
        optimizer_arrays = {weights_mod.optimizer_array_name(slot, name): array
                            for slot, arrays in self.optimizer.state_slots().items()
                            for name, array in arrays.items()}
        if all(np.isfinite(array).all() for array in optimizer_arrays.values()):
            metadata["optimizer_state"] = {"name": self.config.optimizer, "step": self.optimizer.t}
        else:
            # A diverged step can overflow the optimiser state while the kept weights stay finite,
            # so the file keeps the weights and a later load starts the optimiser fresh.
            logger.warning("the %s optimiser state contains NaN or infinite values; saving %s without it",
                           self.config.optimizer, path)
            optimizer_arrays = {}
        early_stopping, best_arrays = self._early_stopping_state(path)
        if early_stopping is not None:
            metadata["early_stopping"] = early_stopping
        weights_mod.save_weights(path, self.model.params, metadata,
                                 extra_arrays={**optimizer_arrays, **best_arrays})

    def _early_stopping_state(self, path: Any) -> tuple[dict[str, Any] | None, dict[str, np.ndarray]]:
        """Return the early stopping metadata and best-weights arrays to save, or (None, {}) when not savable."""
        best = self._best_weights if math.isfinite(self.best_val_loss) else None
        if best is not None and not all(np.isfinite(array).all() for array in best.values()):
            # A weights file rejects non-finite arrays, so the file is written as one without this state.
            logger.warning("the best weights contain NaN or infinite values; saving %s without the early "
                           "stopping state", path)
            return None, {}
        state = {
            "best_val_loss": self.best_val_loss if best is not None else None,
            "best_epoch": self.best_epoch,
            "epochs_without_improvement": self._epochs_without_improvement,
            "epochs_on_plateau": self._epochs_on_plateau,
            "best_weights": best is not None,
        }
        arrays = {weights_mod.best_array_name(name): array for name, array in (best or {}).items()}
        return state, arrays

    @classmethod
    def from_file(cls, path: Any, values: Any, control: TrainingControl | None = None,
                  record_dh: bool = False, record_hidden_window: int | None = None,
                  source: str | None = None, **changes: Any) -> "Trainer":
        """Build a trainer on ``values`` with the model, scaler and history from ``path``.

        ``changes`` override training settings of the saved config (epochs, lr, ...).
        Changing a field that defines the model (seq_len, hidden, activation, init,
        dtype, scale) raises IncompatibleWeightsError. The saved scaler is reused, so
        the model predicts exactly what it predicted before saving. When ``values``
        differ from the data the weights were trained on, ``load_warning`` says so.
        """
        loaded = weights_mod.load_weights(path)
        meta = loaded.metadata
        fixed = check_model_changes(path, loaded, changes)
        config = TrainConfig.from_dict({**loaded.config, **fixed, **changes})

        try:
            # The file's weights replace a draw, which takes seconds for a large model.
            trainer = cls(config, values, control, record_dh, record_hidden_window,
                          scaler=series_mod.Scaler.from_dict(meta["scaler"]), source=source, draw_weights=False)
        except DataError as error:
            if error.code != "data.too_short":
                raise
            # The file fixes seq_len, so only the series or the split can change.
            need = (f"{config.val_windows} validation windows" if config.val_windows is not None
                    else f"a validation fraction of {config.val_fraction}")
            raise IncompatibleWeightsError(
                f"the weights in {path} need windows of {config.seq_len} values, and the series has "
                f"{error.params['length']} values, fewer than the {error.params['minimum']} needed for such "
                f"windows, their targets and {need}; use a longer series or fewer validation windows "
                "(val_windows or val_fraction)",
                code="weights.incompatible", path=str(path), seq_len=config.seq_len, **error.params) from None
        trainer.model.set_weights(loaded.arrays)
        trainer.epoch = int(meta.get("epoch", 0))
        trainer.history = [report_from_dict(item) for item in loaded.history]
        if meta.get("stop_reason") in STOP_REASONS:
            trainer.stop_reason = meta["stop_reason"]
        trainer._restore_early_stopping(path, loaded)
        if isinstance(meta.get("lr"), (int, float)) and "lr" not in changes and meta["lr"] > 0:
            trainer.optimizer.lr = float(meta["lr"])
        trainer._restore_optimizer(path, loaded, seed_changed="seed" in changes)
        trainer.load_warning = other_data_warning(path, meta.get("data"), trainer.values, source)
        trainer.saved_origin = (meta.get("data") or {}).get("origin")
        if trainer.load_warning is None:
            # The same data, so it can be rebuilt the same way unless the caller knows better.
            trainer.origin = trainer.saved_origin
        if trainer.load_warning is not None:
            logger.warning("%s", trainer.load_warning)
            trainer._restart_early_stopping()
            # Saved with the history, so a file trained on two series keeps which epochs came first.
            for report in trainer.history:
                report.extra["other_data"] = True
        logger.info("loaded weights from %s (epoch %d)", path, trainer.epoch)
        return trainer

    def _restore_early_stopping(self, path: Any, loaded: weights_mod.WeightsFile) -> None:
        """Continue the saved early stopping counters and best weights.

        Files without them count from the loaded weights: the best validation loss
        is the history's lowest, and the loaded weights are used as the best ones.
        """
        state = loaded.early_stopping
        if state is None:
            valid = [r.val_loss for r in self.history if math.isfinite(r.val_loss)]
            if valid:
                self.best_val_loss = min(valid)
            self._best_weights = self.model.get_weights()
            restored = self.history[-1].extra.get("restored_epoch") if self.history else None
            if self.stop_reason == STOP_EARLY and isinstance(restored, int):
                # Saved after early stopping, so the loaded weights are those of the restored epoch.
                self.best_epoch = restored
            logger.info("the weights file %s has no early stopping state; the patience count starts at 0", path)
            return
        self.best_val_loss = state.best_val_loss
        self.best_epoch = state.best_epoch
        self._epochs_without_improvement = state.epochs_without_improvement
        self._epochs_on_plateau = state.epochs_on_plateau
        if state.best_weights is not None:
            self._best_weights = {name: np.array(array, copy=True) for name, array in state.best_weights.items()}
        logger.info("restored early stopping from %s: best epoch %d, %d epochs without improvement",
                    path, self.best_epoch, self._epochs_without_improvement)

    def _restart_early_stopping(self) -> None:
        """Count early stopping afresh from the loaded weights, as after loading onto other data.

        Validation losses on other data do not compare with the saved best one, which
        would stop the run at once and restore weights fitted to the old data.
        """
        self.best_val_loss = math.inf
        if not (self.stop_reason == STOP_EARLY and 0 < self.best_epoch <= self.epoch):
            # Else the loaded weights are those of the epoch that early stopping kept, and keep its number.
            self.best_epoch = self.epoch
        self._best_weights = self.model.get_weights()
        self._epochs_without_improvement = 0
        self._epochs_on_plateau = 0
        logger.info("early stopping counts afresh from epoch %d on the new data", self.epoch)

    def _restore_optimizer(self, path: Any, loaded: weights_mod.WeightsFile, seed_changed: bool) -> None:
        """Continue the saved optimiser state and batch order, so training resumes where it stopped.

        Sets ``optimizer_restored``. The shuffle order is restored only when the seed is unchanged.
        """
        state = loaded.optimizer_state
        self.optimizer_restored = False
        if state is None:
            logger.warning("the weights file %s has no optimiser state; the %s optimiser starts fresh",
                           path, self.config.optimizer)
        elif state.name != self.config.optimizer:
            logger.warning("the weights file %s holds %s optimiser state but training uses %s; "
                           "the %s optimiser starts fresh", path, state.name, self.config.optimizer,
                           self.config.optimizer)
        else:
            self.optimizer.load_state(state.step, state.slots)
            self.optimizer_restored = True
            logger.info("restored the %s optimiser state after %d steps from %s", state.name, state.step, path)
        if loaded.shuffle_rng_state is not None and not seed_changed:
            self._shuffle_rng.bit_generator.state = loaded.shuffle_rng_state


def values_digest(values: np.ndarray) -> str:
    """Return the SHA-256 of ``values`` as float64 bytes, to recognise the same series later."""
    return hashlib.sha256(np.ascontiguousarray(values, dtype=np.float64).tobytes()).hexdigest()


def same_source(saved: dict[str, Any], source: str | None) -> bool:
    """Return whether ``source`` names the file or generator that a weights file's ``data`` entry records.

    The train command names a CSV series "PATH, column NAME" (series.csv_source)
    with the path as typed, so "air.csv" and "/data/air.csv" are the same file
    when they resolve to the path the entry's origin records.
    """
    if not source:
        return False
    if saved.get("source") == source:
        return True
    origin = saved.get("origin") or {}
    path_and_column = series_mod.split_csv_source(source)
    if origin.get("kind") != "csv" or path_and_column is None:
        return False
    path, column = path_and_column
    return column == origin.get("column") and os.path.realpath(path) == os.path.realpath(origin.get("path", ""))


def other_data_warning(path: Any, saved: dict[str, Any] | None, values: np.ndarray,
                       source: str | None) -> str | None:
    """Return a warning when ``values`` are not the series the weights in ``path`` were trained on.

    ``saved`` is the weights file's ``data`` entry; files without one give no warning.
    """
    if saved is None or saved.get("sha256") == values_digest(values):
        return None
    trained_on = saved.get("source") or "another series"
    this_series = source or "this series"
    if same_source(saved, source):
        if saved.get("length") == values.shape[0]:
            what = f"the same number of values, {values.shape[0]}, but other ones"
        else:
            what = f"{saved.get('length')} values then, {values.shape[0]} now"
        return (f"the data in {source} changed since the weights in {path} were saved ({what}); the scaler "
                "fitted then is reused, so the predictions and errors may be far off. Train on, or train a new "
                "model.")
    if series_mod.recorded_csv_missing(saved.get("origin")):
        advice = f"{trained_on} is not found any more, so train a new model for this series."
    else:
        advice = "Train a new model for this series, or open the data the weights were trained on."
    return (f"the weights in {path} were trained on {trained_on} ({saved.get('length')} values), not on "
            f"{this_series} ({values.shape[0]} values); the scaler fitted on {trained_on} is reused, so the "
            f"predictions and errors may be far off. {advice}")


ProgressCallback = Callable[[EpochReport], None]
