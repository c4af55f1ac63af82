"""The training worker: runs a Trainer in a child process and reports through signals only.

The child process (``rnn_desktop.core.training_process``) imports no Qt and
trains a pickled copy of the window's Trainer, so training and drawing do not
share one interpreter lock. A reader thread blocks on the child's pipe and
hands each message to the GUI thread, where ``TrainingWorker`` turns it into
the signals below. The worker never touches a widget.

The GUI thread talks to the child through ``WorkerControl`` (pause, resume,
stop, step, learning rate, recording), whose requests take effect at the
child's next checkpoint, which comes between two batches. Whenever the child pauses, and
at the end of every run, it sends the Trainer's state back. The worker copies
that state into the window's Trainer, so whenever no batch runs, the window's
Trainer contains the trained weights, optimiser state and history.
"""

from __future__ import annotations

import atexit
import collections
import logging
import pickle
import threading
import time
import weakref
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from rnn_desktop.core.training_process import (  # noqa: F401 (re-exported for the window and tests)
    BATCH, EPOCH, FAILED, FINISHED, LOG, PAUSE, PAUSED, RESUME, RUN, SET_LR, SET_RECORDING, SNAPSHOT,
    SNAPSHOT_INTERVAL, STARTED, STEP, STOP, STOP_FAILED, UNCOUNTED_COMMANDS, PredictionSnapshot, RunControl,
    TrainingProcess, compute_forecast, take_snapshot,
)

from rnn_desktop.core.training import TrainingControl

if TYPE_CHECKING:
    from rnn_desktop.core.training import Trainer

log = logging.getLogger(__name__)

# Seconds the child gets to quit when the window closes, before it is terminated.
SHUTDOWN_TIMEOUT_S = 5.0


class WorkerControl(RunControl):
    """Pause, resume, stop, step, learning-rate and recording requests, sent to the training process of a run.

    Without an attached run the requests only change this object's own state,
    as a TrainingControl does for a Trainer that runs in this process. Call
    the methods from the GUI thread only.
    """

    def __init__(self) -> None:
        super().__init__()
        self._process: TrainingProcess | None = None
        # Commands sent to the current run; the child's `paused` message reports how many it has read.
        self.commands_sent = 0

    def attach(self, process: TrainingProcess | None) -> None:
        """Send the following requests to ``process`` (None: keep them here)."""
        self._process = process
        self.commands_sent = 0

    def _send(self, *message: Any) -> None:
        if self._process is not None and self._process.send(message) and message[0] not in UNCOUNTED_COMMANDS:
            self.commands_sent += 1

    def request_pause(self) -> None:
        super().request_pause()
        self._send(PAUSE)

    def resume(self) -> None:
        super().resume()
        self._send(RESUME)

    def request_stop(self) -> None:
        super().request_stop()
        self._send(STOP)

    def request_step(self) -> None:
        if self._process is None:
            super().request_step()
            return
        TrainingControl.resume(self)  # the child resumes on STEP by itself
        self._send(STEP)

    def set_lr(self, lr: float) -> None:
        if self._process is None:
            super().set_lr(lr)
        else:
            self._send(SET_LR, float(lr))

    def set_recording(self, record_dh: bool, hidden_window: int | None) -> None:
        if self._process is None:
            super().set_recording(record_dh, hidden_window)
        else:
            self._send(SET_RECORDING, bool(record_dh), hidden_window)


class _RunRecord:
    """The latest `paused` and `finished` messages of one run, for the GUI thread to wait on."""

    def __init__(self, run_id: int) -> None:
        self.run_id = run_id
        self.condition = threading.Condition()
        self.paused: tuple[int, tuple] | None = None  # (sequence number, message) of the latest `paused`
        self.finished: tuple[int, tuple] | None = None
        self.process_ended = False


class _ResultReader(QThread):
    """Blocks on the child's result pipe and queues each message for the GUI thread.

    Log records are written to this process's log right here; everything else
    goes to ``inbox`` and ``received`` wakes the host on the GUI thread.
    """

    received = Signal()
    process_ended = Signal()

    def __init__(self, process: TrainingProcess) -> None:
        super().__init__()
        self.setObjectName("training results")
        self._process = process
        self.inbox: collections.deque[tuple[int, tuple]] = collections.deque()
        self._lock = threading.Lock()
        self._record: _RunRecord | None = None
        self._sequence = 0

    def watch(self, record: _RunRecord | None) -> None:
        with self._lock:
            self._record = record

    def run(self) -> None:
        while True:
            try:
                message = self._process.receive()
            except EOFError:
                break
            except (pickle.UnpicklingError, AttributeError, ImportError, TypeError) as error:
                log.error("could not read a message from the training process: %s", error)
                continue
            if message[0] == LOG:
                _, level, name, text = message
                logging.getLogger(name).log(level, "[training process %s] %s", self._process.pid, text)
                continue
            self._sequence += 1
            entry = (self._sequence, message)
            with self._lock:
                record = self._record
            if record is not None and message[1] == record.run_id and message[0] in (PAUSED, FINISHED):
                with record.condition:
                    if message[0] == PAUSED:
                        record.paused = entry
                    else:
                        record.finished = entry
                    record.condition.notify_all()
            self.inbox.append(entry)
            self.received.emit()
        with self._lock:
            record = self._record
        if record is not None:
            with record.condition:
                record.process_ended = True
                record.condition.notify_all()
        self.process_ended.emit()


_hosts: weakref.WeakSet[TrainingHost] = weakref.WeakSet()


@atexit.register
def _shut_down_hosts() -> None:
    """Stop every training process and reader thread left running when Python exits."""
    for host in list(_hosts):
        host.shut_down()


class TrainingHost(QObject):
    """Owns one training process and its reader thread; kept alive between runs.

    Keeping the child saves the spawn and the imports (about 0.25 to 0.4 s on a
    2-core machine, measured with a bare spawn of numpy and the core) at every
    Start and Step after the first. ``start`` may be called ahead of the first
    run. A child that died is replaced at the next run.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process: TrainingProcess | None = None
        self._reader: _ResultReader | None = None
        self._worker: TrainingWorker | None = None
        self._next_run_id = 0
        self._shut_down = False  # set by shut_down, so a late prestart starts no child
        _hosts.add(self)

    @property
    def process(self) -> TrainingProcess | None:
        return self._process

    def start(self) -> None:
        """Start the child process unless one is alive; safe to call at any time on the GUI thread."""
        if self._process is not None and self._process.is_alive():
            return
        self._retire()
        process = TrainingProcess()
        process.start()
        reader = _ResultReader(process)
        reader.received.connect(self._drain, Qt.ConnectionType.QueuedConnection)
        reader.process_ended.connect(self._on_process_ended, Qt.ConnectionType.QueuedConnection)
        self._process, self._reader = process, reader
        reader.start()

    @Slot()
    def prestart(self) -> None:
        """Start the child ahead of the first run, unless the host was shut down since."""
        if not self._shut_down:
            self.start()

    def _retire(self) -> None:
        """Wait for a dead child's reader to end and release both."""
        if self._process is None:
            return
        process, reader = self._process, self._reader
        self._process = self._reader = None
        process.shut_down(SHUTDOWN_TIMEOUT_S)
        if reader is not None:
            reader.wait()
            # Whatever is left belongs to runs that have been waited for or abandoned.
            reader.inbox.clear()
        process.close_results()

    def shut_down(self) -> None:
        """Quit the child (terminated after SHUTDOWN_TIMEOUT_S) and end the reader thread."""
        self._shut_down = True
        self._retire()

    def begin_run(self, worker: TrainingWorker) -> tuple[int, _RunRecord]:
        self._shut_down = False
        self.start()
        self._next_run_id += 1
        record = _RunRecord(self._next_run_id)
        self._worker = worker
        self._reader.watch(record)
        return record.run_id, record

    def end_run(self, worker: TrainingWorker) -> None:
        if self._worker is worker:
            self._worker = None
            if self._reader is not None:
                self._reader.watch(None)

    def terminate(self) -> None:
        """Terminate a child that does not respond; the reader then reports it as ended."""
        if self._process is not None and self._process.is_alive():
            log.error("terminating training process %s", self._process.pid)
            self._process.shut_down(0.0)

    @Slot()
    def _drain(self) -> None:
        if self._reader is not None:
            self._drain_reader(self._reader)

    def _drain_reader(self, reader: _ResultReader) -> None:
        while reader.inbox:
            sequence, message = reader.inbox.popleft()
            worker = self._worker
            if worker is not None and message[1] == worker.run_id:
                worker.handle(sequence, message)
            else:
                log.debug("dropping %s of run %s, which has no worker", message[0], message[1])

    @Slot()
    def _on_process_ended(self) -> None:
        reader = self.sender()
        if reader is not self._reader or self._process is None:
            return  # a retired child, already accounted for
        self._drain_reader(reader)
        exit_code = self._process.exitcode if self._process.join(1.0) else None
        worker = self._worker
        if worker is not None:
            log.error("training process %s ended during run %d with exit code %s",
                      self._process.pid, worker.run_id, exit_code)
            worker.handle_process_ended(exit_code)
        else:
            log.warning("training process %s ended between runs with exit code %s", self._process.pid, exit_code)
        self._retire()


class TrainingWorker(QObject):
    """Runs ``epochs`` more epochs of a Trainer in the training process of ``host``.

    Connect ``finished`` to clean-up: it fires exactly once per run, also after
    ``failed`` or ``process_died``. Without a ``host`` the worker starts a
    child of its own for this run and ends it afterwards.
    """

    # After every completed epoch, with its EpochReport.
    epoch_finished = Signal(object)
    # Within a long epoch, at most every BATCH_PROGRESS_INTERVAL seconds: the epoch being
    # trained, the batches done and the batches in the epoch.
    batch_progress = Signal(int, int, int)
    # With a PredictionSnapshot, at most every SNAPSHOT_INTERVAL seconds (less often when
    # predicting is slow, see PREDICTION_SHARE), after a step and after the last epoch.
    snapshot_ready = Signal(object)
    # When the child blocks in a pause (after a step or a pause request), with the epoch count.
    paused = Signal(object)
    # Once when the run raised, with the error message; `finished` follows with STOP_FAILED.
    failed = Signal(object)
    # Once when the child process ended during the run, with its exit code. The code is None when
    # unknown and negative for a signal on POSIX. `finished` follows with STOP_FAILED.
    process_died = Signal(object)
    # Once at the end of the run, with the stop reason.
    finished = Signal(object)

    def __init__(self, trainer: Trainer, control: WorkerControl, epochs: int, forecast_steps: int,
                 snapshot_interval: float = SNAPSHOT_INTERVAL, host: TrainingHost | None = None) -> None:
        super().__init__()
        self._trainer = trainer
        self._control = control
        self._control.trainer = trainer
        self._epochs = int(epochs)
        self._forecast_steps = int(forecast_steps)
        self._snapshot_interval = snapshot_interval
        self._own_host = host is None
        self._host = host if host is not None else TrainingHost()
        self._record: _RunRecord | None = None
        self.run_id = 0
        self._applied = 0  # sequence number of the newest state copied into the trainer
        self._started_at = 0.0
        self._done = False

    @property
    def done(self) -> bool:
        return self._done

    def start(self) -> None:
        """Send the trainer to the child and start the run."""
        # NOTE: the window's Trainer and the child's copy each hold the weights, the optimiser
        # state and the series, so a run can take up to twice the memory check_memory estimates.
        self.run_id, self._record = self._host.begin_run(self)
        process = self._host.process
        self._control.attach(process)
        options = {"epochs": self._epochs, "forecast_steps": self._forecast_steps,
                   "snapshot_interval": self._snapshot_interval}
        payload = pickle.dumps(self._trainer, protocol=pickle.HIGHEST_PROTOCOL)
        self._started_at = time.perf_counter()
        log.info("training started at epoch %d, %d epochs to run in process %s", self._trainer.epoch,
                 self._epochs, process.pid)
        if not process.send((RUN, self.run_id, options, payload)):
            self.handle_process_ended(process.exitcode)

    def handle(self, sequence: int, message: tuple) -> None:
        """Turn one message of the child into a signal; GUI thread only."""
        if self._done:
            return
        kind = message[0]
        if kind == STARTED:
            log.info("run %d started in the training process after %.0f ms", self.run_id,
                     (time.perf_counter() - self._started_at) * 1000.0)
        elif kind == EPOCH:
            self.epoch_finished.emit(message[2])
        elif kind == BATCH:
            _, _, epoch, done, total = message
            self.batch_progress.emit(epoch, done, total)
        elif kind == SNAPSHOT:
            self.snapshot_ready.emit(message[2])
        elif kind == PAUSED:
            _, _, epoch, commands_seen, state = message
            self._apply_state(sequence, state)
            # A pause the child reached before reading a later resume or step is already over.
            if commands_seen == self._control.commands_sent:
                self.paused.emit(epoch)
        elif kind == FAILED:
            _, _, text, details = message
            log.error("training failed at epoch %d:\n%s", self._trainer.epoch, details)
            self.failed.emit(text)
        elif kind == FINISHED:
            _, _, reason, state = message
            self._apply_state(sequence, state)
            self._finish(reason)

    def handle_process_ended(self, exit_code: int | None) -> None:
        if self._done:
            return
        self.process_died.emit(exit_code)
        self._finish(STOP_FAILED)

    def _finish(self, reason: str) -> None:
        self._done = True
        self._control.attach(None)
        self._host.end_run(self)
        log.info("training ended at epoch %d: %s", self._trainer.epoch, reason)
        if self._own_host:
            self._host.shut_down()
        self.finished.emit(reason)

    def _apply_state(self, sequence: int, state: dict | None) -> None:
        """Copy a state the child sent into the trainer, unless a newer one is already there."""
        if state is None or sequence <= self._applied:
            return
        self._trainer.__setstate__(state)
        self._applied = sequence

    def wait_for_state(self, timeout: float) -> bool:
        """Block until the child has paused after the last request, or the run ended, and take its state.

        Returns False on timeout. Call on the GUI thread while the run is paused,
        before reading the trainer.
        """
        record = self._record
        if record is None or self._done:
            return True

        def settled() -> bool:
            if record.finished is not None or record.process_ended:
                return True
            return record.paused is not None and record.paused[1][3] == self._control.commands_sent

        with record.condition:
            if not record.condition.wait_for(settled, timeout):
                return False
            entry = record.finished or record.paused
        if entry is not None:
            self._apply_state(entry[0], entry[1][-1])
        return True

    def wait_until_finished(self, timeout: float) -> bool:
        """Block until the child sent `finished` or ended, and take the final state; False on timeout."""
        record = self._record
        if record is None or self._done:
            return True
        with record.condition:
            if not record.condition.wait_for(lambda: record.finished is not None or record.process_ended, timeout):
                return False
            entry = record.finished
        if entry is not None:
            self._apply_state(entry[0], entry[1][-1])
        return True

    def terminate_process(self) -> None:
        self._host.terminate()


class TrainingThread:
    """Starts one run of a worker and waits for its end; the name comes from the thread it once owned."""

    def __init__(self, worker: TrainingWorker, control: WorkerControl) -> None:
        self.worker = worker
        self.control = control

    def start(self) -> None:
        self.worker.start()

    def wait_for_state(self, timeout_ms: int = 30000) -> bool:
        """Block until the paused child has sent its trainer state; return False on timeout."""
        ready = self.worker.wait_for_state(timeout_ms / 1000.0)
        if not ready:
            log.error("the training process did not pause within %d ms", timeout_ms)
        return ready

    def stop_and_wait(self, timeout_ms: int = 30000) -> bool:
        """Request a stop and block until the run ends, terminating the child after ``timeout_ms``.

        Returns False when the child had to be terminated. Otherwise the trainer
        contains the final state on return.
        """
        self.control.request_stop()
        if self.worker.wait_until_finished(timeout_ms / 1000.0):
            return True
        log.error("the training process did not stop within %d ms", timeout_ms)
        self.worker.terminate_process()
        self.worker.wait_until_finished(SHUTDOWN_TIMEOUT_S)
        return False
