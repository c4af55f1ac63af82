"""Training in the child process: same numbers as headless, controls, a killed child, closing."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
from gui_helpers import FAST

from rnn_desktop.core.training import TrainConfig, Trainer
from rnn_desktop.gui import messages
from rnn_desktop.gui.app import log_file_path

LONG = TrainConfig().replace(**{**FAST, "epochs": 100_000})
TIMEOUT_MS = 60_000


def loaded_libraries(pid: int) -> str:
    return Path(f"/proc/{pid}/maps").read_text(encoding="utf-8", errors="replace")


def process_exists(pid: int) -> bool:
    """True while /proc lists ``pid`` as anything but a zombie."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except FileNotFoundError:
        return False
    return "\nState:\tZ" not in status


def assert_same_params(trainer, reference) -> None:
    for name, value in reference.model.params.items():
        np.testing.assert_array_equal(trainer.model.params[name], value, err_msg=name)


def pause_at_epoch_boundary(qtbot, window) -> None:
    """Pause, then step, so the child waits at the start of an epoch."""
    window.pause_training()
    with qtbot.waitSignal(window.state_changed, timeout=TIMEOUT_MS, check_params_cb=lambda s: s == "paused"):
        assert window.step_epoch()


def test_child_run_matches_headless(qtbot, make_window, sine):
    config = TrainConfig().replace(**FAST, seed=5)
    window = make_window(config)

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS) as finished:
        assert window.start_training()

    assert finished.args[0] == "completed"
    process = window.training_process
    assert process is not None
    assert process.pid != os.getpid()
    assert process.is_alive(), "the training process is kept for the next run"
    maps = loaded_libraries(process.pid)
    assert "libQt6Core" not in maps
    assert "shiboken6" not in maps

    reference = Trainer(config, sine.values)
    reference.run()
    shown = window.reports
    assert [r.epoch for r in shown] == [r.epoch for r in reference.history]
    assert [r.train_loss for r in shown] == [r.train_loss for r in reference.history]
    assert [r.val_loss for r in shown] == [r.val_loss for r in reference.history]
    trainer = window.trainer
    assert trainer.epoch == reference.epoch
    assert [r.val_loss for r in trainer.history] == [r.val_loss for r in reference.history]
    assert_same_params(trainer, reference)
    assert trainer.optimizer.t == reference.optimizer.t
    for slot, arrays in reference.optimizer.state_slots().items():
        for name, value in arrays.items():
            np.testing.assert_array_equal(trainer.optimizer.state_slots()[slot][name], value)


def test_second_run_reuses_process(qtbot, make_window, sine):
    config = TrainConfig().replace(**FAST)
    window = make_window(config)
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        window.start_training()
    first_pid = window.training_process.pid

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.step_epoch()

    assert window.training_process.pid == first_pid
    reference = Trainer(config, sine.values)
    reference.run(config.epochs + 1)
    assert [r.train_loss for r in window.reports] == [r.train_loss for r in reference.history]
    assert_same_params(window.trainer, reference)


def test_pause_step_lr_stop_match_headless(qtbot, make_window, sine, tmp_path):
    config = LONG.replace(lr=0.01)
    window = make_window(config)
    window.start_training()
    qtbot.waitUntil(lambda: len(window.reports) >= 2, timeout=TIMEOUT_MS)

    pause_at_epoch_boundary(qtbot, window)
    first_epochs = window.trainer.epoch
    assert window.state == "paused"
    assert [r.epoch for r in window.trainer.history] == [r.epoch for r in window.reports]
    reference = Trainer(config, sine.values)
    reference.run(first_epochs)
    assert_same_params(window.trainer, reference)

    # Saving while paused writes the state the child paused with.
    saved = tmp_path / "paused.npz"
    assert window.save_weights(str(saved)), window.last_error
    loaded = Trainer.from_file(saved, sine.values)
    assert loaded.epoch == first_epochs
    assert_same_params(loaded, reference)

    window.training_panel.lr.setValue(0.002)
    window.resume_training()
    qtbot.waitUntil(lambda: len(window.reports) >= first_epochs + 2, timeout=TIMEOUT_MS)
    pause_at_epoch_boundary(qtbot, window)
    total_epochs = window.trainer.epoch

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS) as finished:
        window.stop_training()

    assert finished.args[0] == "stopped"
    reference.set_lr(0.002)
    reference.run(total_epochs - first_epochs)
    trainer = window.trainer
    assert trainer.epoch == total_epochs
    assert trainer.lr == 0.002
    assert [r.lr for r in window.reports][-1] == 0.002
    assert [r.train_loss for r in window.reports] == [r.train_loss for r in reference.history]
    assert [r.val_loss for r in trainer.history] == [r.val_loss for r in reference.history]
    assert_same_params(trainer, reference)
    assert window.state == "idle"


def test_killed_process_shows_error(qtbot, make_window):
    window = make_window(LONG)
    window.start_training()
    qtbot.waitUntil(lambda: len(window.reports) >= 2, timeout=TIMEOUT_MS)
    pid = window.training_process.pid

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS) as finished:
        os.kill(pid, signal.SIGKILL)

    assert finished.args[0] == "failed"
    assert "training process ended unexpectedly" in window.last_error
    assert "signal 9" in window.last_error
    assert window.state == "idle"
    assert window.start_button.isEnabled()
    assert window.step_button.isEnabled()
    # The child never paused, so the model is back where the run started.
    assert window.trainer.epoch == 0
    assert window.reports == []
    assert window.curve_point_counts()["train_loss"] == 0
    # The progress and metrics lines no longer show the lost epochs.
    assert window.progress_label.text() == messages.progress_idle()
    assert window.metrics_label.text().strip() == ""
    assert window.progress.value() == 0
    assert "ended during run" in log_file_path().read_text(encoding="utf-8")

    # A new process trains the next run.
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS) as finished:
        assert window.step_epoch()
    assert finished.args[0] == "completed"
    assert window.training_process.pid != pid
    assert [r.epoch for r in window.reports] == [1]


def test_close_during_run_ends_process(qtbot, make_window):
    window = make_window(LONG)
    window.start_training()
    qtbot.waitUntil(lambda: len(window.reports) >= 1, timeout=TIMEOUT_MS)
    pid = window.training_process.pid

    window.close()

    assert window.state == "idle"
    assert pid not in [child.pid for child in multiprocessing.active_children()]
    assert not process_exists(pid)


CLOSE_SCRIPT = textwrap.dedent("""
    import multiprocessing
    import sys
    from pathlib import Path
    from PySide6.QtCore import QSettings, QTimer
    from rnn_desktop.gui.app import create_application
    from rnn_desktop.gui.main_window import MainWindow
    from rnn_desktop.core.training import TrainConfig

    app = create_application()
    window = MainWindow(settings=QSettings(sys.argv[1], QSettings.Format.IniFormat), restore_settings=False)
    window.set_interactive(ask_on_close=False, show_dialogs=False)
    window.set_config(TrainConfig().replace(epochs=1000000, patience=None))
    window.show()
    pids = []

    def on_epoch(report):
        pids.append(window.training_process.pid)
        if len(pids) == 2:
            window.close()

    window.epoch_shown.connect(on_epoch)
    QTimer.singleShot(0, window.start_training)
    QTimer.singleShot(60000, lambda: sys.exit("training never reached epoch 2"))
    status = app.exec()
    pid = pids[-1]
    print("child", pid, "alive", Path(f"/proc/{pid}").exists(), "children", len(multiprocessing.active_children()),
          flush=True)
    sys.exit(status)
""")


def test_close_mid_run_exits_cleanly(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", CLOSE_SCRIPT, str(tmp_path / "settings.ini")],
                            capture_output=True, text=True, timeout=120, env=env)

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "QThread: Destroyed" not in result.stderr
    assert "alive False children 0" in result.stdout, result.stdout


KILLED_PARENT_SCRIPT = textwrap.dedent("""
    import os
    import signal
    import sys
    from PySide6.QtCore import QSettings, QTimer
    from rnn_desktop.gui.app import create_application
    from rnn_desktop.gui.main_window import MainWindow
    from rnn_desktop.core.training import TrainConfig

    app = create_application()
    window = MainWindow(settings=QSettings(sys.argv[1], QSettings.Format.IniFormat), restore_settings=False)
    window.set_interactive(ask_on_close=False, show_dialogs=False)
    window.set_config(TrainConfig().replace(epochs=1000000, patience=None))

    def on_epoch(report):
        if report.epoch == 2:
            print("child", window.training_process.pid, flush=True)
            os.kill(os.getpid(), signal.SIGKILL)

    window.epoch_shown.connect(on_epoch)
    QTimer.singleShot(0, window.start_training)
    QTimer.singleShot(60000, lambda: sys.exit("training never reached epoch 2"))
    sys.exit(app.exec())
""")


def test_killed_window_ends_child_quietly(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", KILLED_PARENT_SCRIPT, str(tmp_path / "settings.ini")],
                            capture_output=True, text=True, timeout=120, env=env)

    assert result.returncode == -signal.SIGKILL, result.stderr
    pid = int(result.stdout.split()[1])
    deadline = time.monotonic() + 30
    while process_exists(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not process_exists(pid)
    # The child's stderr is the same pipe, closed once the child has exited.
    assert "Traceback" not in result.stderr


def test_worker_without_window_trains(qtbot, sine):
    from rnn_desktop.gui.worker import TrainingThread, TrainingWorker, WorkerControl

    config = TrainConfig().replace(**FAST)
    control = WorkerControl()
    trainer = Trainer(config, sine.values, control=control)
    worker = TrainingWorker(trainer, control, epochs=3, forecast_steps=5)
    epochs, snapshots = [], []
    worker.epoch_finished.connect(lambda report: epochs.append(report.epoch))
    worker.snapshot_ready.connect(snapshots.append)
    run = TrainingThread(worker, control)

    with qtbot.waitSignal(worker.finished, timeout=TIMEOUT_MS) as finished:
        run.start()

    assert finished.args[0] == "completed"
    assert epochs == [1, 2, 3]
    assert snapshots[-1].epoch == 3
    assert snapshots[-1].forecast.shape == (5,)
    assert trainer.epoch == 3
    assert trainer.control is control
    reference = Trainer(config, sine.values)
    reference.run(3)
    assert_same_params(trainer, reference)
    # The worker started its own process for this run and ended it afterwards.
    assert multiprocessing.active_children() == []
