"""Pause, resume, stop, step, reset and learning-rate changes while paused."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import FAST
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolTip

from rnn_desktop.core.training import TrainConfig, Trainer
from rnn_desktop.gui import messages

LONG = TrainConfig().replace(**{**FAST, "epochs": 100_000})
TIMEOUT_MS = 60_000


def wait_for_epochs(qtbot, window, count: int) -> None:
    qtbot.waitUntil(lambda: len(window.reports) >= count, timeout=TIMEOUT_MS)


def stop_and_wait(qtbot, window) -> str:
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS) as blocker:
        window.stop_training()
    return blocker.args[0]


def busy_dialog_texts():
    """Start a timer that records, every 20 ms, the text of the busy dialog up then ("" for none).

    Return the timer, to stop, and the list of texts. Ticks arrive only while the event loop runs.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QProgressDialog

    texts: list[str] = []
    ticks = QTimer()
    ticks.setInterval(20)
    ticks.timeout.connect(lambda: texts.append(
        modal.labelText() if isinstance(modal := QApplication.activeModalWidget(), QProgressDialog) else ""))
    ticks.start()
    return ticks, texts


def test_pause_holds_and_resume_continues(qtbot, make_window):
    window = make_window(LONG)
    window.start_training()
    wait_for_epochs(qtbot, window, 2)

    window.pause_training()
    assert window.state == "paused"
    assert window.pause_button.text() == "Resume"
    # The epoch in progress stops at its next batch, so at most one more report arrives.
    qtbot.wait(300)
    paused_at = len(window.reports)
    qtbot.wait(500)
    assert len(window.reports) == paused_at

    window.resume_training()
    assert window.state == "running"
    wait_for_epochs(qtbot, window, paused_at + 2)
    epochs = [report.epoch for report in window.reports]
    assert epochs == list(range(1, len(epochs) + 1))

    assert stop_and_wait(qtbot, window) == "stopped"
    assert window.state == "idle"
    assert window.start_button.isEnabled()


def test_stop_while_paused(qtbot, make_window):
    window = make_window(LONG)
    window.start_training()
    wait_for_epochs(qtbot, window, 1)
    window.pause_training()

    assert stop_and_wait(qtbot, window) == "stopped"
    assert window.state == "idle"
    assert window.progress_label.text() == f"Stopped at epoch {window.reports[-1].epoch} of {LONG.epochs}"


def test_step_from_idle_runs_one_epoch(qtbot, make_window):
    window = make_window(LONG)

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.step_epoch()
    assert window.state == "idle"
    assert [report.epoch for report in window.reports] == [1]

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.step_epoch()
    assert window.state == "idle"
    assert [report.epoch for report in window.reports] == [1, 2]
    assert window.curve_point_counts()["train_loss"] == 2
    assert window.curve_point_counts()["prediction_train"] > 0


def test_step_while_paused_pauses_again(qtbot, make_window):
    window = make_window(LONG)
    window.start_training()
    wait_for_epochs(qtbot, window, 1)
    window.pause_training()
    qtbot.wait(300)
    paused_at = len(window.reports)

    with qtbot.waitSignal(window.state_changed, timeout=TIMEOUT_MS, check_params_cb=lambda s: s == "paused"):
        assert window.step_epoch()
    qtbot.wait(300)
    assert len(window.reports) == paused_at + 1
    stop_and_wait(qtbot, window)


def test_paused_step_hides_time_left(qtbot, make_window):
    window = make_window(LONG)
    window.start_training()
    wait_for_epochs(qtbot, window, 2)
    window._show_progress(window.reports[-1])
    assert " - ETA " in window.progress.format()  # the run's time left, while it runs
    window.pause_training()
    qtbot.waitUntil(window.step_button.isEnabled, timeout=TIMEOUT_MS)

    with qtbot.waitSignal(window.state_changed, timeout=TIMEOUT_MS, check_params_cb=lambda s: s == "paused"):
        assert window.step_epoch()
        # One epoch, then a pause again: the time left of all 100,000 epochs misled.
        window._show_progress(window.reports[-1])
        assert " - ETA " not in window.progress.format()
    stop_and_wait(qtbot, window)


def test_focus_stays_on_buttons_through_a_step(qtbot, make_window):
    window = make_window(LONG)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    window.start_training()
    wait_for_epochs(qtbot, window, 1)
    window.pause_training()
    qtbot.waitUntil(window.step_button.isEnabled, timeout=TIMEOUT_MS)  # once the pause is reached
    window.step_button.setFocus()
    qtbot.waitUntil(window.step_button.hasFocus)

    with qtbot.waitSignal(window.state_changed, timeout=TIMEOUT_MS, check_params_cb=lambda s: s == "running"):
        qtbot.mouseClick(window.step_button, Qt.MouseButton.LeftButton)
    # Qt would pass the focus from the disabled Step button on to Forecast steps, where the arrow keys change
    # it. On Pause, Space pressed to step again would pause the step.
    assert not window.forecast_steps.hasFocus()
    assert not window.pause_button.hasFocus()
    with qtbot.waitSignal(window.state_changed, timeout=TIMEOUT_MS, check_params_cb=lambda s: s == "paused"):
        pass
    qtbot.waitUntil(window.step_button.hasFocus, timeout=TIMEOUT_MS)
    stop_and_wait(qtbot, window)
    assert not window.forecast_steps.hasFocus()


def test_pause_and_stop_pending_messages(qtbot, make_window):
    window = make_window(LONG)
    window.start_training()
    wait_for_epochs(qtbot, window, 1)

    window.pause_training()
    assert window.statusBar().currentMessage() in ("Pausing after the current batch...",
                                                   "Paused. Resume, Step one epoch, or change the learning rate.")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Paused."), timeout=TIMEOUT_MS)
    assert window.step_button.isEnabled()

    window.resume_training()
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        window.stop_training()
        assert window.statusBar().currentMessage() == (
            "Stopping: the current batch ends, then the weights are scored and the predictions drawn...")
        assert "ETA" not in window.progress.format()


def test_step_waits_for_a_requested_pause(make_window):
    window = make_window(LONG)
    assert window.start_training()
    window._control.request_pause = lambda: None  # a batch that never ends, as in a very large model

    window.pause_training()

    assert window.statusBar().currentMessage() == "Pausing after the current batch..."
    assert not window.step_button.isEnabled()
    assert window.pause_button.text() == "Resume"
    window.resume_training()
    window.stop_training(wait=True)


def test_large_model_build_is_announced(qtbot, make_window):
    from PySide6.QtWidgets import QApplication

    window = make_window(TrainConfig().replace(**{**FAST, "hidden": 1024, "epochs": 1}))
    shown: list[str] = []
    window.statusBar().messageChanged.connect(shown.append)

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.start_training()

    assert f"Building a model of {messages.format_integer(1024)} hidden units..." in shown
    assert QApplication.overrideCursor() is None


def test_large_build_keeps_painting(qtbot, make_window, monkeypatch):
    import time

    from PySide6.QtWidgets import QApplication

    real_reset = Trainer.reset_weights

    def slow_reset(self, *args, **kwargs):
        time.sleep(0.3)  # a 4096-unit model's draw takes seconds
        real_reset(self, *args, **kwargs)

    monkeypatch.setattr(Trainer, "reset_weights", slow_reset)
    window = make_window(TrainConfig().replace(**{**FAST, "hidden": 1024, "epochs": 1}))
    ticks, seen = busy_dialog_texts()

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.start_training()
        # start_training returns once the model is built; the event loop ran meanwhile.
        building = [text for text in seen if text]
        assert building
        assert building[0] == f"Building a model of {messages.format_integer(1024)} hidden units..."
    ticks.stop()

    assert QApplication.activeModalWidget() is None
    assert window.trainer.config.hidden == 1024


def test_large_predictions_keep_painting(qtbot, make_window, monkeypatch):
    import time

    from PySide6.QtWidgets import QMessageBox

    from rnn_desktop.gui import main_window

    window = make_window(TrainConfig().replace(**{**FAST, "hidden": 1024, "epochs": 1}))
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.start_training()
    real_snapshot = main_window.take_snapshot

    def slow_snapshot(*args):
        time.sleep(0.3)  # every window of a 4096-unit model takes a minute
        return real_snapshot(*args)

    monkeypatch.setattr(main_window, "take_snapshot", slow_snapshot)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard)
    ticks, dialog_texts = busy_dialog_texts()

    window.reset_weights()
    ticks.stop()

    assert f"Computing the predictions of 150 windows with {messages.format_integer(1024)} hidden units..." \
        in dialog_texts
    assert window.statusBar().currentMessage() == messages.status_weights_reset()


def test_long_series_predictions_keep_painting(qtbot, make_window, monkeypatch):
    import time

    from rnn_desktop.core.generators import generate
    from rnn_desktop.gui import main_window

    # 256 units are few, but 30,000 windows make predicting them all take seconds.
    config = TrainConfig().replace(**{**FAST, "hidden": 256})
    series = generate("sine_wave", length=30_050)
    window = make_window(config, series=series)

    def slow_snapshot(*args):
        time.sleep(0.3)
        raise ValueError("not computed in this test")

    monkeypatch.setattr(main_window, "take_snapshot", slow_snapshot)
    window._new_trainer(config, series)
    ticks, dialog_texts = busy_dialog_texts()

    window._show_snapshot_now()
    ticks.stop()

    windows = messages.format_integer(30_000)
    assert f"Computing the predictions of {windows} windows with 256 hidden units..." in dialog_texts


def test_stop_in_a_long_epoch_names_its_batches(qtbot, make_window):
    from rnn_desktop.core.generators import generate

    window = make_window(TrainConfig().replace(**{**FAST, "batch_size": 1, "epochs": 3}),
                         series=generate("sine_wave", length=20_000))
    assert window.start_training()
    qtbot.waitUntil(lambda: window._batch_progress is not None, timeout=TIMEOUT_MS)

    assert stop_and_wait(qtbot, window) == "stopped"

    # Batch size 1: one batch per training window.
    batches = messages.format_integer(window.trainer.split.n_train)
    assert window.progress.format().startswith("Stopped in epoch 1, after ")
    assert window.progress.format().endswith(f" of its {batches} batches")


def test_stop_before_a_batch_ends_says_so(qtbot, make_window):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 3}))
    # A stop asked for before the worker's first batch: with a large model that batch takes seconds.
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS) as blocker:
        assert window.start_training()
        window.stop_training()

    assert blocker.args == ["stopped"]
    assert window.reports == []
    assert window.progress.format() == "Stopped in epoch 1 before its first batch ended; the weights are unchanged"
    assert window.progress.value() == 0


def inside_long_first_batch(qtbot, make_window, caplog):
    """Return a window whose run is 0.3 s into a first batch that takes about a second here."""
    import logging

    from rnn_desktop.core.generators import generate

    caplog.set_level(logging.INFO, logger="rnn_desktop")
    # Batches of 512 windows through 512 hidden units.
    config = TrainConfig().replace(**{**FAST, "hidden": 512, "batch_size": 512, "seq_len": 50, "epochs": 3})
    window = make_window(config, series=generate("sine_wave", length=1300))
    assert window.start_training()
    qtbot.waitUntil(lambda: any("started in the training process" in record.getMessage()
                                for record in caplog.records), timeout=TIMEOUT_MS)
    qtbot.wait(300)
    return window


def test_stop_inside_a_long_first_batch(qtbot, make_window, caplog):
    import time

    window = inside_long_first_batch(qtbot, make_window, caplog)

    started = time.perf_counter()
    assert stop_and_wait(qtbot, window) == "stopped"
    print(f"stop answered in {time.perf_counter() - started:.2f} s")

    assert window.reports == []
    assert window.trainer.split.n_train > 512
    assert window.trainer.epoch == 0
    assert window.progress.format() == "Stopped in epoch 1 before its first batch ended; the weights are unchanged"


def test_pause_inside_a_long_first_batch(qtbot, make_window, caplog):
    window = inside_long_first_batch(qtbot, make_window, caplog)

    with qtbot.waitSignal(window.state_changed, timeout=TIMEOUT_MS, check_params_cb=lambda s: s == "paused"):
        window.pause_training()
    qtbot.waitUntil(lambda: not window._pause_pending, timeout=TIMEOUT_MS)

    assert window.reports == []
    assert window.progress.format() == "Epoch 1 / 3 paused"
    window.resume_training()
    assert window.progress.format() == "Epoch 1 / 3 running"
    assert stop_and_wait(qtbot, window) == "stopped"


def test_step_after_stop_trains_one_epoch(qtbot, make_window):
    window = make_window(LONG)
    window.start_training()
    wait_for_epochs(qtbot, window, 2)
    stop_and_wait(qtbot, window)
    stopped_at = window.trainer.epoch

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.step_epoch()

    assert window.trainer.epoch == stopped_at + 1
    assert window.state == "idle"
    assert window.pause_button.text() == "Pause"
    assert not window.pause_button.isEnabled()
    assert "/ 100" not in window.progress.format()
    assert str(stopped_at + 1) in window.statusBar().currentMessage()


def test_lr_change_while_paused_continues(qtbot, make_window):
    window = make_window(LONG.replace(lr=0.01))
    window.start_training()
    wait_for_epochs(qtbot, window, 2)
    window.pause_training()
    qtbot.wait(300)
    paused_at = len(window.reports)

    assert window.training_panel.lr.isEnabled()
    assert not window.training_panel.hidden.isEnabled()
    window.training_panel.lr.setValue(0.002)
    assert window.statusBar().currentMessage() == (
        "Learning rate 0.002 from the next epoch on; the metrics line shows the rate of the last epoch.")
    window.resume_training()
    wait_for_epochs(qtbot, window, paused_at + 2)
    stop_and_wait(qtbot, window)

    reports = window.reports
    assert [r.epoch for r in reports] == list(range(1, len(reports) + 1))
    assert reports[0].lr == 0.01
    assert reports[-1].lr == 0.002
    assert window.trainer.lr == 0.002


def test_lr_change_while_idle_keeps_model(qtbot, make_window):
    window = make_window(TrainConfig().replace(**FAST))
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        window.start_training()
    trainer = window.trainer

    window.training_panel.lr.setValue(0.003)
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        window.start_training()

    assert window.trainer is trainer
    assert window.reports[-1].epoch == 2 * FAST["epochs"]
    assert window.reports[-1].lr == 0.003


def test_reset_weights_restarts_from_seed(qtbot, make_window, sine):
    config = TrainConfig().replace(**FAST)
    window = make_window(config)
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        window.start_training()

    window.reset_weights()

    assert window.trainer.epoch == 0
    assert window.reports == []
    assert window.curve_point_counts()["train_loss"] == 0
    _, expected = Trainer(config, sine.values).predict_windows()
    np.testing.assert_array_equal(window.prediction_plot._snapshot.prediction, expected)


def test_reset_after_data_change_follows_the_data_tab(qtbot, make_window):
    config = TrainConfig().replace(**FAST)
    window = make_window(config)
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        window.start_training()
    assert window.data_panel.set_generator("sine_wave", 300, 0.0, 0, {"period": 25.0})
    window.data_panel.set_split(20, None)

    window.reset_weights()

    series = window.data_panel.series()
    assert window.trainer.epoch == 0
    assert window.trainer.values.size == 300
    assert window.trainer.split.n_val == 20
    snapshot = window.prediction_plot._snapshot
    assert snapshot.n_train == window.trainer.split.n_train
    _, expected = Trainer(window.config(), series.values).predict_windows()
    np.testing.assert_array_equal(snapshot.prediction, expected)
    assert window.statusBar().currentMessage() == "Weights re-initialised."


def test_reset_while_paused_stops_run(qtbot, make_window):
    window = make_window(LONG)
    window.start_training()
    wait_for_epochs(qtbot, window, 1)
    window.pause_training()

    window.reset_weights()

    assert window.state == "idle"
    assert window.trainer.epoch == 0
    assert window.start_button.isEnabled()


def test_shortcuts_assigned(make_window):
    window = make_window()
    shortcuts = {
        window.start_action: "F5", window.pause_action: "F6", window.stop_action: "Shift+F5",
        window.step_action: "F10", window.reset_action: "Ctrl+R",
    }
    for action, keys in shortcuts.items():
        assert action.shortcut().toString() == keys


EARLY_STOPPING = TrainConfig().replace(**{**FAST, "epochs": 500, "patience": 3, "lr": 0.05})


def run_until_early_stop(qtbot, window) -> None:
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS) as finished:
        assert window.start_training()
    assert finished.args[0] == "early_stopping"


def test_step_after_early_stop_trains_again(qtbot, make_window):
    window = make_window(EARLY_STOPPING)
    run_until_early_stop(qtbot, window)
    stopped_at = window.reports[-1].epoch
    kept_epoch = window.reports[-1].extra["restored_epoch"]

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS) as finished:
        assert window.step_epoch()
        assert window.statusBar().currentMessage() == (
            f"Training continues after early stopping from the weights of epoch {kept_epoch}; "
            "the patience count starts again at 0.")

    assert finished.args[0] == "completed"
    assert window.reports[-1].epoch == stopped_at + 1
    assert window.reports[-1].stop_reason is None
    assert window.reports[-1].extra["continued_from_epoch"] == kept_epoch
    assert window.trainer.epoch == stopped_at + 1
    assert window.statusBar().currentMessage() == (
        f"Trained one more epoch after early stopping, from the weights of epoch {kept_epoch}; the model is now "
        f"at epoch {stopped_at + 1}, and the patience count started again at 0.")


def test_second_step_after_early_stop(qtbot, make_window):
    window = make_window(EARLY_STOPPING)
    run_until_early_stop(qtbot, window)
    stopped_at = window.reports[-1].epoch

    for _ in range(2):
        with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS) as finished:
            assert window.step_epoch()
        assert finished.args[0] == "completed"

    assert window.reports[-1].epoch == stopped_at + 2
    assert "continued_from_epoch" not in window.reports[-1].extra
    assert window.statusBar().currentMessage() == (
        f"Trained one more epoch; the model is now at epoch {stopped_at + 2}.")


def test_start_after_early_stop_waits_patience(qtbot, make_window):
    window = make_window(EARLY_STOPPING)
    run_until_early_stop(qtbot, window)
    stopped_at = window.reports[-1].epoch

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS) as finished:
        assert window.start_training()
        assert window.statusBar().currentMessage().startswith("Training continues after early stopping")

    new_reports = window.reports[stopped_at:]
    assert len(new_reports) >= 3
    assert [report.stop_reason for report in new_reports[:2]] == [None, None]
    if finished.args[0] == "early_stopping":
        assert window.statusBar().currentMessage().startswith("Training finished: validation loss stopped")
        assert "Stopped early at epoch" in window.progress.format()


def test_loaded_early_stop_continues(qtbot, make_window, tmp_path):
    window = make_window(EARLY_STOPPING)
    run_until_early_stop(qtbot, window)
    stopped_at = window.reports[-1].epoch
    kept_epoch = window.reports[-1].extra["restored_epoch"]
    path = tmp_path / "stopped.npz"
    assert window.save_weights(str(path))

    loaded = make_window(EARLY_STOPPING)
    assert loaded.load_weights(str(path))
    assert loaded.loss_plot.kept_line.value() == kept_epoch
    assert loaded.loss_plot.kept_line.isVisible()
    with qtbot.waitSignal(loaded.run_finished, timeout=TIMEOUT_MS) as finished:
        assert loaded.step_epoch()

    assert finished.args[0] == "completed"
    assert loaded.reports[-1].epoch == stopped_at + 1
    assert loaded.reports[-1].extra["continued_from_epoch"] == kept_epoch


@pytest.mark.parametrize("focused", ["start_button", "epochs"])
def test_focus_returns_after_run(qtbot, make_window, focused):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 2}))
    window.show()
    qtbot.waitExposed(window)
    widget = window.start_button if focused == "start_button" else window.training_panel.epochs
    window.settings_tabs.setCurrentIndex(1)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        window.start_action.trigger()
        assert not widget.hasFocus()

    assert widget.hasFocus()


def type_into(qtbot, window, field, text: str, tab: int = 1):
    """Type ``text`` over a field of the shown window's tab ``tab`` (Model and training), leaving the focus there."""
    window.show()
    qtbot.waitExposed(window)
    window.settings_tabs.setCurrentIndex(tab)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.selectAll()
    qtbot.keyClicks(field, text)
    return field


@pytest.mark.parametrize("key", [Qt.Key.Key_F5, Qt.Key.Key_F10], ids=["F5", "F10"])
def test_shortcut_applies_typed_value(qtbot, make_window, key):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 2, "hidden": 8}))
    field = type_into(qtbot, window, window.training_panel.hidden, "4")

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        qtbot.keyClick(field, key)

    assert field.value() == 4
    assert window.trainer.config.hidden == 4
    assert window.trainer.model.hidden == 4


def test_menu_start_applies_typed_epochs(qtbot, make_window):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 50}))
    type_into(qtbot, window, window.training_panel.epochs, "3")

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        window.start_action.trigger()

    assert window.reports[-1].epoch == 3


def test_patience_change_continues_model(qtbot, make_window):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 2}))
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.start_training()
    trainer = window.trainer

    window.set_config(window.config().replace(patience=3, clip_value=1.0))
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.start_training()

    assert window.trainer is trainer
    assert window.reports[-1].epoch == 4
    assert window.trainer.config.patience == 3
    assert window.trainer.config.clip_value == 1.0


@pytest.mark.parametrize(("name", "text", "expected", "message"), [
    ("lr", "0", 1e-7, "Learning rate (lr): 0 is outside the field's range, 1e-07 to 100, so it is now 1e-07."),
    ("lr", "500", 100.0, "Learning rate (lr): 500 is outside the field's range, 1e-07 to 100, so it is now 100."),
    ("hidden", "0", 1, "Hidden units (hidden): 0 is outside the field's range, 1 to 4,096, so it is now 1."),
    ("hidden", "5000", 4096,
     "Hidden units (hidden): 5,000 is outside the field's range, 1 to 4,096, so it is now 4,096."),
])
def test_typed_value_outside_range_is_named(qtbot, make_window, name, text, expected, message):
    window = make_window()
    field = type_into(qtbot, window, window.training_panel.number_field(name), text)

    qtbot.keyClick(field, Qt.Key.Key_Return)

    assert field.value() == expected
    message = message.replace("4,096", messages.format_integer(4096)).replace("5,000", messages.format_integer(5000))
    assert window.statusBar().currentMessage() == message
    assert QToolTip.isVisible()
    assert QToolTip.text() == message
    assert getattr(window.config(), name) == expected

    # Once the field's value changes again, the message no longer describes it and goes.
    field.stepBy(-1 if field.value() == field.maximum() else 1)
    assert window.statusBar().currentMessage() == ""


def test_settings_that_change_nothing_get_notes(make_window):
    window = make_window(TrainConfig().replace(batch_size=1000, bptt_truncate=80))
    notes = window.training_panel.note_label

    assert not notes.isHidden()
    # 200 values in windows of 50 with 50 validation windows leave 100 training windows.
    assert notes.text() == (
        "BPTT truncation to 80 steps is not below the window length, 50, so backpropagation runs through the "
        "whole window.\n"
        "A batch size of 1,000 is more than the 100 training windows, so each epoch is one batch of 100."
        .replace("1,000", messages.format_integer(1000)))

    window.set_config(window.config().replace(batch_size=32, bptt_truncate=10))
    assert notes.isHidden()


def test_typed_forecast_steps_apply_once_and_are_named(qtbot, make_window):
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    field = window.forecast_steps
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    changes: list[int] = []
    field.valueChanged.connect(changes.append)
    field.selectAll()

    qtbot.keyClicks(field, "20000")
    assert changes == []  # nothing is forecast while the number is typed
    qtbot.keyClick(field, Qt.Key.Key_Return)

    assert changes == [2_000]
    assert window.statusBar().currentMessage() == (
        f"Forecast steps: {messages.format_integer(20_000)} is outside the field's range, 0 to "
        f"{messages.format_integer(2_000)}, so it is now {messages.format_integer(2_000)}.")


def test_typed_generator_length_outside_range_is_named(qtbot, make_window):
    window = make_window(series=None)
    field = type_into(qtbot, window, window.data_panel.generator_form.length, "1", tab=0)

    qtbot.keyClick(field, Qt.Key.Key_Return)

    assert field.value() == 2
    # The status bar then shows why 2 values cannot train, so the tooltip under the field keeps this.
    assert QToolTip.text() == (
        f"Length: 1 is outside the field's range, 2 to {messages.format_integer(1_000_000)}, so it is now 2.")
    assert len(window.data_panel.series()) == 2


def test_typed_generator_parameter_outside_range_is_named(qtbot, make_window):
    window = make_window(series=None)
    form = window.data_panel.generator_form
    form.name.setCurrentIndex(form.name.findData("sine_wave"))
    assert form.name.currentText() == "Sine wave"
    field = type_into(qtbot, window, form.number_field("period"), "1", tab=0)

    qtbot.keyClick(field, Qt.Key.Key_Return)

    message = (f"Period: 1 is outside the field's range, 2 to {messages.format_integer(1_000_000)}, "
               "so it is now 2.")
    assert field.value() == 2.0
    assert window.statusBar().currentMessage() == message
    assert QToolTip.text() == message
    # The series follows the value the field kept: a period of 2 steps alternates sin(0) and sin(pi).
    np.testing.assert_allclose(window.data_panel.series().values[:4], [0.0, 0.0, 0.0, 0.0], atol=1e-12)


def test_flat_generated_series_gets_a_note(make_window):
    window = make_window(series=None)
    panel = window.data_panel
    note = panel.generator_form.note

    assert panel.set_generator("sine_wave", 300, 0.0, 0, {"amplitude": 0.0})
    assert not note.isHidden()
    assert note.text() == ("Every value of this series is 0, so there is nothing to learn. Check the parameters "
                           "above: an amplitude or a step of 0 gives a flat series, and so can a length shorter than "
                           "one cycle.")

    assert panel.set_generator("sine_wave", 300, 0.0, 0, {"amplitude": 2.0})
    assert note.isHidden()


def test_forecast_steps_apply_after_run(qtbot, make_window):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 100_000}))
    window.forecast_steps.setValue(20)
    assert window.start_training()
    wait_for_epochs(qtbot, window, 2)

    window.forecast_steps.setValue(35)
    assert window.statusBar().currentMessage() == "The forecast takes 35 steps once this run ends or stops."
    assert stop_and_wait(qtbot, window) == "stopped"

    assert window.prediction_plot._snapshot.forecast.size == 35


def test_stop_disables_pause_and_stop(qtbot, make_window):
    window = make_window(LONG)
    assert window.start_training()
    wait_for_epochs(qtbot, window, 1)

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        window.stop_training()
        assert not window.stop_button.isEnabled()
        assert not window.pause_button.isEnabled()

    assert window.start_button.isEnabled()
