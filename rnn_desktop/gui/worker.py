"""The training worker: runs a Trainer in a QThread and reports through signals only.

The worker never touches a widget. The GUI thread talks to it through
``WorkerControl`` (pause, resume, stop, step, learning rate), whose methods
are thread-safe and take effect at the Trainer's next checkpoint, which comes
between two batches.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from rnn_desktop.core.training import STOP_COMPLETED, STOP_REQUESTED, TrainingControl

if TYPE_CHECKING:
    from rnn_desktop.core.training import Trainer

log = logging.getLogger(__name__)

# Reason sent with `finished` when the run raised; `failed` carries the message.
STOP_FAILED = "failed"

# Minimum seconds between two prediction snapshots (at most 20 per second).
SNAPSHOT_INTERVAL = 0.05
# Share of the worker's time that predictions and the forecast may take. Each is
# computed again only after its last duration divided by its share has passed:
# a forecast of 50 steps took 97 ms against 46 ms for an epoch on the sine with
# the recommended settings (loaded 2-core machine), so computing it after every
# epoch made training three times slower.
PREDICTION_SHARE = 0.10
FORECAST_SHARE = 0.05


@dataclass
class PredictionSnapshot:
    """Predictions of the model after ``epoch`` epochs, in the series' original units.

    Every array is a private copy, so the GUI may keep it while training goes on.
    """

    epoch: int
    index: np.ndarray  # (n_windows,) position in the series of each predicted value
    prediction: np.ndarray  # (n_windows,) one-step-ahead predictions
    n_train: int  # the first n_train windows are training windows
    forecast: np.ndarray  # (forecast_steps,) recursive forecast after the last value
    forecast_epoch: int = 0  # the epoch the forecast was computed at, which may be older


def compute_forecast(trainer: Trainer, forecast_steps: int) -> np.ndarray:
    """Return a private copy of the recursive forecast; call only from the trainer's thread."""
    if forecast_steps <= 0:
        return np.zeros(0)
    return np.array(trainer.forecast(forecast_steps), dtype=np.float64, copy=True)


def take_snapshot(trainer: Trainer, forecast_steps: int, forecast: np.ndarray | None = None,
                  forecast_epoch: int | None = None) -> PredictionSnapshot:
    """Compute the predictions now, with ``forecast`` or else a new one; call only from the trainer's thread."""
    index, prediction = trainer.predict_windows()
    if forecast is None:
        forecast, forecast_epoch = compute_forecast(trainer, forecast_steps), trainer.epoch
    return PredictionSnapshot(
        epoch=trainer.epoch,
        index=np.array(index, dtype=np.int64, copy=True),
        prediction=np.array(prediction, dtype=np.float64, copy=True),
        n_train=int(trainer.split.n_train),
        forecast=forecast,
        forecast_epoch=trainer.epoch if forecast_epoch is None else forecast_epoch,
    )


class WorkerControl(TrainingControl):
    """TrainingControl with single-epoch steps and learning-rate changes for a running worker.

    The learning rate is applied in the worker thread at the next checkpoint,
    so the Trainer is never changed while a batch runs.
    """

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._pending_lr: float | None = None
        self._pause_after_epoch = False
        self.trainer: Trainer | None = None

    def set_lr(self, lr: float) -> None:
        with self._lock:
            self._pending_lr = float(lr)

    def request_step(self) -> None:
        """Run until the end of the current epoch, then pause."""
        with self._lock:
            self._pause_after_epoch = True
        self.resume()

    def take_pause_after_epoch(self) -> bool:
        with self._lock:
            requested = self._pause_after_epoch
            self._pause_after_epoch = False
        return requested

    def apply_pending_lr(self) -> None:
        with self._lock:
            lr, self._pending_lr = self._pending_lr, None
        if lr is not None and self.trainer is not None:
            self.trainer.set_lr(lr)
            log.info("learning rate set to %g at epoch %d", lr, self.trainer.epoch)

    def checkpoint(self) -> bool:
        running = super().checkpoint()
        self.apply_pending_lr()
        return running


class TrainingWorker(QObject):
    """Runs ``epochs`` more epochs of a Trainer; lives in a QThread.

    Connect ``finished`` to the thread's ``quit``: it fires exactly once per
    run, also after ``failed``.
    """

    # After every completed epoch, with its EpochReport.
    epoch_finished = Signal(object)
    # With a PredictionSnapshot, at most every SNAPSHOT_INTERVAL seconds (less often when
    # predicting is slow, see PREDICTION_SHARE), after a step and after the last epoch.
    snapshot_ready = Signal(object)
    # When the worker blocks in a pause (after a step or a pause request), with the epoch count.
    paused = Signal(object)
    # Once when the run raised, with the error message; `finished` follows with STOP_FAILED.
    failed = Signal(object)
    # Once at the end of the run, with the stop reason.
    finished = Signal(object)

    def __init__(self, trainer: Trainer, control: WorkerControl, epochs: int, forecast_steps: int,
                 snapshot_interval: float = SNAPSHOT_INTERVAL) -> None:
        super().__init__()
        self._trainer = trainer
        self._control = control
        self._control.trainer = trainer
        self._epochs = int(epochs)
        self._forecast_steps = int(forecast_steps)
        self._snapshot_interval = snapshot_interval
        self._next_prediction = 0.0  # perf_counter time after which predictions may be computed again
        self._next_forecast = 0.0
        self._forecast: np.ndarray | None = None
        self._forecast_epoch = 0

    @Slot()
    def run(self) -> None:
        """Train until the epochs are done, early stopping, divergence or a stop request."""
        trainer = self._trainer
        target_epoch = trainer.epoch + self._epochs
        log.info("training started at epoch %d, %d epochs to run", trainer.epoch, self._epochs)
        reason = STOP_COMPLETED
        try:
            reason = self._train_until(target_epoch)
        except Exception as error:  # every failure must reach the window, never end the thread silently
            log.error("training failed at epoch %d:\n%s", trainer.epoch, traceback.format_exc())
            self.failed.emit(f"{type(error).__name__}: {error}")
            reason = STOP_FAILED
        log.info("training ended at epoch %d: %s", trainer.epoch, reason)
        self.finished.emit(reason)

    def _train_until(self, target_epoch: int) -> str:
        trainer = self._trainer
        control = self._control
        while trainer.epoch < target_epoch:
            if control.paused:
                self.paused.emit(trainer.epoch)
            if not control.checkpoint():
                self._send_snapshot(final=True)
                return STOP_REQUESTED

            epochs_before = trainer.epoch
            report = trainer.run_epoch()
            if trainer.epoch > epochs_before:
                self.epoch_finished.emit(report)

            stepped = control.take_pause_after_epoch()
            if report.stop_reason is not None:
                self._send_snapshot(final=True)
                return report.stop_reason
            if stepped or trainer.epoch >= target_epoch:
                self._send_snapshot(final=True)
            elif time.perf_counter() >= self._next_prediction:
                self._send_snapshot(final=False)
            if stepped:
                control.request_pause()
        return STOP_COMPLETED

    def _send_snapshot(self, final: bool) -> None:
        """Send predictions, with a new forecast when final or when its time budget allows."""
        trainer = self._trainer
        if trainer.epoch == 0 and not trainer.history:
            return
        started = time.perf_counter()
        if final or self._forecast is None or started >= self._next_forecast:
            self._forecast = compute_forecast(trainer, self._forecast_steps)
            self._forecast_epoch = trainer.epoch
            forecast_seconds = time.perf_counter() - started
            self._next_forecast = started + max(self._snapshot_interval, forecast_seconds / FORECAST_SHARE)

        predicting = time.perf_counter()
        snapshot = take_snapshot(trainer, self._forecast_steps, self._forecast, self._forecast_epoch)
        prediction_seconds = time.perf_counter() - predicting
        self._next_prediction = predicting + max(self._snapshot_interval, prediction_seconds / PREDICTION_SHARE)
        self.snapshot_ready.emit(snapshot)


class TrainingThread:
    """Owns one QThread and its worker for one run, wired finished -> quit -> deleteLater."""

    def __init__(self, worker: TrainingWorker, control: WorkerControl) -> None:
        self.worker = worker
        self.control = control
        self.thread = QThread()
        self.thread.setObjectName("training")
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.run)
        # Direct: quit must work while the GUI thread blocks in stop_and_wait.
        worker.finished.connect(self.thread.quit, Qt.ConnectionType.DirectConnection)
        self.thread.finished.connect(worker.deleteLater)

    def start(self) -> None:
        self.thread.start()

    def stop_and_wait(self, timeout_ms: int = 30000) -> bool:
        """Request a stop and block until the thread ends; return False on timeout."""
        self.control.request_stop()
        finished = self.thread.wait(timeout_ms)
        if not finished:
            log.error("the training thread did not stop within %d ms", timeout_ms)
        return finished
