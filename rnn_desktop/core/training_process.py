"""A Trainer in a child process: the run loop, its commands and the parent's handle.

The GUI trains in a child process so that drawing and training do not share
one interpreter lock. This module imports no Qt, because the child imports it
(``serve`` is the child's entry point), and the "spawn" start method starts the
child as a fresh interpreter that imports only what it unpickles.

The two processes exchange tuples over two one-way pipes. The parent sends
``("run", run_id, options, trainer_bytes)``, then any of ``("pause",)``,
``("resume",)``, ``("stop",)``, ``("step",)``, ``("lr", value)`` and
``("record", record_dh, hidden_window)`` (see ``Trainer.set_recording``), and
``("quit",)`` to end the child.

For each run the child sends ``("started", run_id)``, then any number of
``("epoch", run_id, EpochReport)``, ``("snapshot", run_id, PredictionSnapshot)``
and ``("paused", run_id, epoch, commands_seen, state)``, at most one
``("failed", run_id, message, traceback_text)``, and last ``("finished", run_id,
reason, state)``. Here ``state`` is ``Trainer.__getstate__()``, or None when it
could not be pickled. The child also forwards its log records as ``("log",
level, logger_name, text)``.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import select
import signal
import threading
import time
import traceback
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from rnn_desktop.core.training import STOP_COMPLETED, STOP_REQUESTED, TrainingControl

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from rnn_desktop.core.training import Trainer

log = logging.getLogger(__name__)

# Reason sent with `finished` when the run raised; `failed` carries the message.
STOP_FAILED = "failed"

# Minimum seconds between two prediction snapshots (at most 20 per second).
SNAPSHOT_INTERVAL = 0.05
# Share of the training process's time that predictions and the forecast may take.
# Each is computed again only after its last duration divided by its share has
# passed: a forecast of 50 steps took 97 ms against 46 ms for an epoch on the sine
# with the recommended settings (loaded 2-core machine), so computing it after
# every epoch made training three times slower.
PREDICTION_SHARE = 0.10
FORECAST_SHARE = 0.05

# Message kinds, the first item of every tuple sent between the processes.
RUN, PAUSE, RESUME, STOP, STEP, SET_LR, SET_RECORDING, QUIT = (
    "run", "pause", "resume", "stop", "step", "lr", "record", "quit")
# Commands that do not count in `commands_seen`, because they neither pause nor resume the
# child. A paused child applies them without sending another `paused` message.
UNCOUNTED_COMMANDS = (SET_RECORDING,)
LOG, STARTED, EPOCH, SNAPSHOT, PAUSED, FAILED, FINISHED, BATCH = (
    "log", "started", "epoch", "snapshot", "paused", "failed", "finished", "batch")
# Seconds between two messages on the batches done in an epoch. An epoch shorter than this
# sends none, so only long epochs (a long series, a large model) report their progress.
BATCH_PROGRESS_INTERVAL = 0.5


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
    """Return a private copy of the recursive forecast; call only where the trainer is not training."""
    if forecast_steps <= 0:
        return np.zeros(0)
    return np.array(trainer.forecast(forecast_steps), dtype=np.float64, copy=True)


def take_snapshot(trainer: Trainer, forecast_steps: int, forecast: np.ndarray | None = None,
                  forecast_epoch: int | None = None) -> PredictionSnapshot:
    """Compute the predictions now, with ``forecast`` or else a new one; call only where the trainer is not training."""
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


class RunControl(TrainingControl):
    """TrainingControl with single-epoch steps and learning-rate changes.

    The learning rate is applied at the next checkpoint, on the thread that
    trains, so the Trainer is never changed while a batch runs.
    """

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._pending_lr: float | None = None
        self._pending_recording: tuple[bool, int | None] | None = None
        self._pause_after_epoch = False
        self.trainer: Trainer | None = None

    def set_lr(self, lr: float) -> None:
        with self._lock:
            self._pending_lr = float(lr)

    def set_recording(self, record_dh: bool, hidden_window: int | None) -> None:
        """Request ``Trainer.set_recording(record_dh, hidden_window)`` at the next checkpoint."""
        with self._lock:
            self._pending_recording = (bool(record_dh), hidden_window)

    def request_step(self) -> None:
        """Run until the end of the current epoch, then pause."""
        with self._lock:
            self._pause_after_epoch = True
        self.resume()

    def discard_pending(self) -> None:
        """Forget learning rate and recording requests that a previous run did not apply."""
        with self._lock:
            self._pending_lr = None
            self._pending_recording = None

    def take_pause_after_epoch(self) -> bool:
        with self._lock:
            requested = self._pause_after_epoch
            self._pause_after_epoch = False
        return requested

    def apply_pending(self) -> None:
        """Apply the latest learning rate and recording requests to the trainer."""
        with self._lock:
            lr, self._pending_lr = self._pending_lr, None
            recording, self._pending_recording = self._pending_recording, None
        if self.trainer is None:
            return
        if lr is not None:
            self.trainer.set_lr(lr)
            log.info("learning rate set to %g at epoch %d", lr, self.trainer.epoch)
        if recording is not None:
            self.trainer.set_recording(*recording)
            log.info("recording of dL/dh norms %s, hidden states of window %s, from epoch %d",
                     "on" if recording[0] else "off", recording[1], self.trainer.epoch + 1)

    def checkpoint(self) -> bool:
        running = super().checkpoint()
        self.apply_pending()
        return running


class PipeControl(RunControl):
    """The child's control: reads the parent's commands at each checkpoint, between two batches.

    While paused it sends the trainer's state and ``paused`` once, then blocks
    on the command pipe. ``commands_seen`` counts the commands of this run, so
    the parent can tell whether a ``paused`` message comes after its latest command.
    """

    def __init__(self, commands: Connection, results: Connection) -> None:
        super().__init__()
        self._commands = commands
        self._results = results
        # Connection.poll builds a selector on every call, so POSIX checks the pipe with select:
        # 5 us against 10 to 30 us per batch, measured with Python 3.11 on a loaded 2-core machine.
        self._fileno = commands.fileno() if os.name == "posix" else None
        self.run_id = 0
        self.commands_seen = 0
        self.parent_gone = False

    def _apply(self, message: tuple) -> None:
        kind = message[0]
        if kind not in UNCOUNTED_COMMANDS:
            self.commands_seen += 1
        if kind == PAUSE:
            self.request_pause()
        elif kind == RESUME:
            self.resume()
        elif kind == STOP:
            self.request_stop()
        elif kind == STEP:
            self.request_step()
        elif kind == SET_LR:
            self.set_lr(message[1])
        elif kind == SET_RECORDING:
            self.set_recording(message[1], message[2])
        elif kind == QUIT:
            self.parent_gone = True
            self.request_stop()
        else:
            log.warning("ignoring the command %r during a run", kind)

    def _receive(self) -> None:
        try:
            self._apply(self._commands.recv())
        except (EOFError, OSError):
            # The parent closed its end or exited: stop, and leave once the run has ended.
            self.parent_gone = True
            self.request_stop()

    def _command_waiting(self) -> bool:
        if self._fileno is not None:
            readable, _, _ = select.select([self._fileno], [], [], 0)
            return bool(readable)
        return self._commands.poll()

    def read_commands(self) -> None:
        """Apply every command that has arrived, without blocking."""
        while not self.parent_gone and self._command_waiting():
            self._receive()

    def checkpoint(self) -> bool:
        self.read_commands()
        if self.paused and not self.stop_requested:
            started = time.perf_counter()
            self.send_paused()
            while self.paused and not self.stop_requested:
                self._receive()
            self.paused_seconds += time.perf_counter() - started
        self.apply_pending()
        return not self.stop_requested

    def send_paused(self) -> None:
        trainer = self.trainer
        self._results.send((PAUSED, self.run_id, trainer.epoch, self.commands_seen, trainer_state(trainer)))


def trainer_state(trainer: Trainer) -> dict[str, Any] | None:
    """Return ``trainer.__getstate__()`` if it pickles, else log why and return None."""
    state = trainer.__getstate__()
    try:
        pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError) as error:
        log.error("the trainer's state cannot be sent back to the window: %s", error)
        return None
    return state


class ChildRun:
    """One run in the child: ``epochs`` more epochs, with the same snapshot throttling as before."""

    def __init__(self, trainer: Trainer, control: PipeControl, results: Connection, run_id: int,
                 epochs: int, forecast_steps: int, snapshot_interval: float) -> None:
        self._trainer = trainer
        self._control = control
        self._results = results
        self._run_id = run_id
        self._epochs = int(epochs)
        self._forecast_steps = int(forecast_steps)
        self._snapshot_interval = snapshot_interval
        self._next_prediction = 0.0  # perf_counter time after which predictions may be computed again
        self._next_forecast = 0.0
        self._forecast: np.ndarray | None = None
        self._forecast_epoch = 0
        self._next_batch_message = 0.0  # perf_counter time after which batch progress may be sent

    def run(self) -> str:
        """Train until the epochs are done, early stopping, divergence or a stop request."""
        trainer = self._trainer
        trainer.on_batch = self._send_batch_progress
        try:
            return self._run()
        finally:
            trainer.on_batch = None

    def _send_batch_progress(self, done: int, total: int) -> None:
        now = time.perf_counter()
        if done < total and now >= self._next_batch_message:
            self._next_batch_message = now + BATCH_PROGRESS_INTERVAL
            self._results.send((BATCH, self._run_id, self._trainer.epoch + 1, done, total))

    def _run(self) -> str:
        trainer = self._trainer
        target_epoch = trainer.epoch + self._epochs
        log.info("training started at epoch %d, %d epochs to run", trainer.epoch, self._epochs)
        control = self._control
        while trainer.epoch < target_epoch:
            if not control.checkpoint():
                self._send_snapshot(final=True)
                return STOP_REQUESTED

            epochs_before = trainer.epoch
            self._next_batch_message = time.perf_counter() + BATCH_PROGRESS_INTERVAL
            report = trainer.run_epoch()
            if trainer.epoch > epochs_before:
                self._results.send((EPOCH, self._run_id, report))

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
        self._results.send((SNAPSHOT, self._run_id, snapshot))


class _ForwardingHandler(logging.Handler):
    """Sends the child's log records to the parent, which writes them to its log file."""

    def __init__(self, results: Connection) -> None:
        super().__init__(logging.INFO)
        self._results = results

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._results.send((LOG, record.levelno, record.name, self.format(record)))
        except (OSError, ValueError):
            # The parent has exited or closed the pipe, so no log is left to write to.
            pass
        except pickle.PicklingError:
            self.handleError(record)


def _run_one(message: tuple, control: PipeControl, results: Connection) -> None:
    """Run the training of one ``run`` message and send every result, ending with ``finished``."""
    _, run_id, options, payload = message
    control.clear()
    control.run_id = run_id
    control.commands_seen = 0
    control.take_pause_after_epoch()
    control.discard_pending()
    trainer = None
    reason = STOP_FAILED
    try:
        trainer = pickle.loads(payload)
        trainer.control = control
        control.trainer = trainer
        results.send((STARTED, run_id))
        reason = ChildRun(trainer, control, results, run_id, options["epochs"], options["forecast_steps"],
                          options["snapshot_interval"]).run()
    except ConnectionError:
        raise  # the parent has exited, so serve ends the child
    except Exception as error:  # every failure must reach the window, never end the child silently
        epoch = trainer.epoch if trainer is not None else -1
        results.send((FAILED, run_id, f"{type(error).__name__}: {error}", traceback.format_exc()))
        log.info("training failed at epoch %d", epoch)
    state = trainer_state(trainer) if trainer is not None else None
    log.info("training ended at epoch %d: %s", trainer.epoch if trainer is not None else -1, reason)
    results.send((FINISHED, run_id, reason, state))
    control.trainer = None


def _ignore_stop_signals() -> None:
    """Leave Ctrl+C and SIGTERM to the parent, which stops the run and then ends this process.

    A terminal's Ctrl+C, or `timeout`, signals the whole process group. Had the
    child died of it, the parent would have lost every epoch since the last
    pause. The child still ends on the parent's quit command, when the parent's pipe
    closes, or on SIGKILL.
    """
    for name in ("SIGINT", "SIGTERM"):
        number = getattr(signal, name, None)
        if number is not None:
            try:
                signal.signal(number, signal.SIG_IGN)
            except (OSError, ValueError):  # not the main thread, or a platform without it
                log.debug("could not ignore %s in the training process", name)


def serve(commands: Connection, results: Connection) -> None:
    """Entry point of the child process: run each ``run`` message until ``quit`` or the parent goes away."""
    _ignore_stop_signals()
    root = logging.getLogger()
    root.handlers[:] = [_ForwardingHandler(results)]
    root.setLevel(logging.INFO)
    control = PipeControl(commands, results)
    while not control.parent_gone:
        try:
            message = commands.recv()
        except (EOFError, OSError):
            break
        kind = message[0]
        if kind == QUIT:
            break
        if kind == RUN:
            try:
                _run_one(message, control, results)
            except ConnectionError:
                break  # the parent exited during the run
        # Any other command belongs to a run that ended before the child read it.
    results.close()


class TrainingProcess:
    """The parent's handle on one child process that runs ``serve``.

    ``send`` is for one thread at a time (the GUI thread), and ``receive`` for
    one other thread (the reader). ``receive`` raises EOFError once the child
    has exited, because the parent closes its copy of the child's end.
    """

    def __init__(self) -> None:
        self._context = multiprocessing.get_context("spawn")
        self._process = None
        self._commands = None
        self._results = None
        self.started_at = 0.0

    def start(self) -> None:
        commands_read, commands_write = self._context.Pipe(duplex=False)
        results_read, results_write = self._context.Pipe(duplex=False)
        process = self._context.Process(target=serve, args=(commands_read, results_write),
                                        name="rnn-desktop training", daemon=True)
        self.started_at = time.perf_counter()
        process.start()
        # The child has its own copies now; closing ours lets each side see the other's exit as EOF.
        commands_read.close()
        results_write.close()
        self._process, self._commands, self._results = process, commands_write, results_read
        log.info("training process %d started", process.pid)

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def exitcode(self) -> int | None:
        return self._process.exitcode if self._process is not None else None

    def is_alive(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def send(self, message: tuple) -> bool:
        """Send a message to the child; return False when the child is gone."""
        if self._commands is None:
            return False
        try:
            self._commands.send(message)
        except (OSError, ValueError):
            return False
        return True

    def receive(self) -> tuple:
        """Block until the child sends a message; raise EOFError when it has exited."""
        try:
            return self._results.recv()
        except OSError as error:  # Windows reports a closed pipe as BrokenPipeError
            raise EOFError(str(error)) from error

    def join(self, timeout: float | None) -> bool:
        """Wait up to ``timeout`` seconds for the child to exit; return True when it has."""
        if self._process is None:
            return True
        self._process.join(timeout)
        return self._process.exitcode is not None

    def shut_down(self, timeout: float = 5.0) -> int | None:
        """Ask the child to quit, terminate it after ``timeout`` seconds, kill it if that fails; return the exit code."""
        if self._process is None:
            return None
        self.send((QUIT,))
        if not self.join(timeout):
            # The child ignores SIGTERM (see _ignore_stop_signals), so it gets SIGKILL.
            log.warning("training process %d did not quit within %g s; killing it", self.pid, timeout)
            self._process.kill()
            self.join(None)
        if self._commands is not None:
            self._commands.close()
        return self._process.exitcode

    def close_results(self) -> None:
        """Close the parent's reading end; call after the reader has stopped."""
        if self._results is not None:
            self._results.close()
