"""Worker failures, closing during training and non-finite values in the plots."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import types

import numpy as np
from gui_helpers import FAST, FailingTrainer

from rnn_desktop.core.training import TrainConfig
from rnn_desktop.gui.app import log_file_path
from rnn_desktop.gui.plots import LossPlot, PredictionPlot
from rnn_desktop.gui.worker import PredictionSnapshot

TIMEOUT_MS = 60_000


def test_worker_exception_reaches_window_and_log(qtbot, make_window, monkeypatch):
    # The window builds its Trainer from this name; the training process unpickles the subclass.
    monkeypatch.setattr("rnn_desktop.core.training.Trainer", FailingTrainer)
    window = make_window(TrainConfig().replace(**FAST))

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS) as finished:
        window.start_training()

    assert finished.args[0] == "failed"
    assert "simulated failure in epoch 3" in window.last_error
    assert [report.epoch for report in window.reports] == [1, 2]
    assert window.trainer.epoch == 2
    assert window.state == "idle"
    assert window.start_button.isEnabled()
    log_text = log_file_path().read_text(encoding="utf-8")
    assert "simulated failure in epoch 3" in log_text
    assert "Traceback" in log_text

    # The window is usable again: the next run trains.
    window.trainer.fail_at = None
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS) as finished:
        window.start_training()
    assert finished.args[0] == "completed"


CLOSE_SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QSettings, QTimer
    from rnn_desktop.gui.app import create_application
    from rnn_desktop.gui.main_window import MainWindow
    from rnn_desktop.core.training import TrainConfig

    app = create_application()
    window = MainWindow(settings=QSettings(sys.argv[1], QSettings.Format.IniFormat), restore_settings=False)
    window.set_interactive(ask_on_close=False, show_dialogs=False)
    window.set_config(TrainConfig().replace(epochs=1000000, patience=None))
    window.show()
    epochs = []
    window.epoch_shown.connect(lambda report: epochs.append(report.epoch))
    window.epoch_shown.connect(lambda report: len(epochs) == 3 and window.close())
    QTimer.singleShot(0, window.start_training)
    QTimer.singleShot(60000, lambda: sys.exit("training never reached epoch 3"))
    status = app.exec()
    print("epochs", len(epochs), "state", window.state, flush=True)
    sys.exit(status)
""")


def test_close_during_training_exits_cleanly(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", CLOSE_SCRIPT, str(tmp_path / "settings.ini")],
                            capture_output=True, text=True, timeout=120, env=env)

    assert result.returncode == 0, result.stderr
    assert "QThread: Destroyed while thread is still running" not in result.stderr
    assert "Traceback" not in result.stderr
    assert "state idle" in result.stdout


def fake_report(epoch, train_loss, val_loss):
    return types.SimpleNamespace(epoch=epoch, train_loss=train_loss, val_loss=val_loss)


def test_loss_plot_survives_nonfinite(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    losses = [0.5, np.nan, np.inf, 0.1, 0.0, -1.0, 0.05]
    for epoch, loss in enumerate(losses, start=1):
        plot.append(fake_report(epoch, loss, loss * 2))
    plot.refresh()

    x, y = plot.train_curve.getData()
    assert len(x) == len(losses)
    finite = np.isfinite(y)
    assert finite.sum() == 3
    (low, high), (bottom, top) = plot.plot.vb.viewRange()
    assert np.isfinite([low, high, bottom, top]).all()
    assert plot.point_counts()["train_loss"] == len(losses)


def test_prediction_plot_survives_nonfinite(qtbot):
    plot = PredictionPlot()
    qtbot.addWidget(plot)
    values = np.sin(np.arange(30.0))
    plot.set_series(values)
    prediction = np.full(25, np.nan)
    prediction[::3] = 0.5
    prediction[1] = np.inf
    plot.set_snapshot(PredictionSnapshot(epoch=1, index=np.arange(5, 30), prediction=prediction, n_train=20,
                                         forecast=np.array([np.nan, 1.0, np.inf])))
    plot.refresh()

    x, y = plot.actual_curve.getData()
    assert np.isfinite(y).all()
    (low, high), (bottom, top) = plot.plot.vb.viewRange()
    assert np.isfinite([low, high, bottom, top]).all()
    assert plot.point_counts() == {"series": 30, "prediction_train": 20, "prediction_val": 5, "forecast": 3}


def test_hover_readout_shows_values(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.append(fake_report(1, 0.5, 0.25))
    plot.append(fake_report(2, 0.125, 0.0625))
    plot.refresh()

    text, x = plot.describe(1.9)

    assert x == 2.0
    assert "0.125" in text
    assert "0.0625" in text
