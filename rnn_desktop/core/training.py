"""Training configuration, per-epoch reports and the Trainer.

API CONTRACT (skeleton): the GUI, the command line and the tests are written
against the names below. Bodies marked ``NotImplementedError`` are being filled
in; signatures and field names must not change without updating every caller.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Callable

import numpy as np

from rnn_desktop.core.errors import ConfigError

ACTIVATIONS = ("tanh", "sigmoid", "relu")
INITS = ("glorot", "uniform")  # glorot: Glorot uniform + orthogonal W_hh; uniform: U(0, 1) everywhere
OPTIMIZERS = ("sgd", "momentum", "adam")
SCALERS = ("minmax", "zscore", "none")
DTYPES = ("float64", "float32")

# Why training ended; EpochReport.stop_reason and Trainer.stop_reason use these.
STOP_COMPLETED = "completed"  # all requested epochs ran
STOP_EARLY = "early_stopping"  # validation loss stopped improving for `patience` epochs
STOP_DIVERGED = "diverged"  # non-finite loss or gradient; last finite weights kept
STOP_REQUESTED = "stopped"  # the user (or caller) asked to stop


@dataclass
class TrainConfig:
    """Every hyperparameter of one training run, for the data, model and optimiser.

    Defaults are the "default" (recommended) preset.
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
    lr: float = 0.01
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
        """Raise ConfigError naming the first invalid value and how to fix it."""
        raise NotImplementedError


@dataclass
class EpochReport:
    """What the Trainer reports after each epoch. Losses are MSE on scaled data;
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
    seconds: float  # wall time of this epoch
    samples_per_second: float
    best_val_loss: float
    stop_reason: str | None = None  # set on the last report of a run
    # Optional diagnostics, filled only when requested (see Trainer.__init__):
    dh_norms: np.ndarray | None = None  # (seq_len,) mean ||dL/dh_t|| over the last batch
    hidden_states: np.ndarray | None = None  # (seq_len, hidden) for the chosen window
    extra: dict[str, Any] = field(default_factory=dict)


class TrainingControl:
    """Thread-safe pause and stop requests, checked by the Trainer between batches."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()

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
        """Block while paused; return False when a stop was requested."""
        self._running.wait()
        return not self._stop.is_set()

    def clear(self) -> None:
        self._stop.clear()
        self._running.set()


class Trainer:
    """Trains one ElmanRNN on one series, epoch by epoch.

    Contract used by the GUI worker and the command line:

    - ``Trainer(config, values, control=None, record_dh=False, record_hidden_window=None)``
      where ``values`` is the 1-D float series in original units. Validates the
      config against the data (raises ConfigError / DataError), builds windows,
      split and scaler, and initialises the model from ``config.seed``.
    - ``run_epoch() -> EpochReport`` runs one epoch (checks ``control`` between
      batches; an interrupted epoch returns a report with stop_reason "stopped").
    - ``run(epochs=None, on_epoch=None) -> str`` runs until done and returns the
      stop reason; ``on_epoch(report)`` is called after each epoch.
    - ``set_lr(lr)`` changes the learning rate without resetting optimiser state.
    - ``reset_weights(seed=None)`` re-initialises model and optimiser.
    - ``epoch`` (epochs run so far), ``history`` (list of EpochReport),
      ``stop_reason``, ``model``, ``scaler``, ``split`` attributes.
    - ``predict_windows() -> (index, prediction)`` one-step-ahead predictions in
      original units for every window; ``index`` is the position in ``values``
      of each predicted value; ``split.n_train`` windows come first.
    - ``forecast(steps) -> np.ndarray`` recursive forecast beyond the end.
    - ``save(path)`` writes a weights file; ``Trainer.from_file(path, values,
      control=None)`` rebuilds a trainer from one (raises WeightsFileError /
      IncompatibleWeightsError).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise NotImplementedError


ProgressCallback = Callable[[EpochReport], None]
