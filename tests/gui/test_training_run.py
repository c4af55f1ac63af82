"""Full runs in the window: epoch order, curve sizes and agreement with the headless Trainer."""

from __future__ import annotations

import numpy as np
import pytest

from rnn_desktop.core.training import TrainConfig, Trainer
from gui_helpers import FAST, SHARED_DATA, headless_history

RUN_TIMEOUT_MS = 120_000


def run_to_end(qtbot, window) -> tuple[str, list]:
    """Start training and return (stop reason, epoch numbers in arrival order)."""
    epochs = []
    window.epoch_shown.connect(lambda report: epochs.append(report.epoch))
    with qtbot.waitSignal(window.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        assert window.start_training()
    return blocker.args[0], epochs


def assert_same_reports(shown, expected):
    assert len(shown) == len(expected)
    for mine, reference in zip(shown, expected):
        assert mine.epoch == reference.epoch
        assert mine.train_loss == reference.train_loss
        assert mine.val_loss == reference.val_loss
        assert mine.val_rmse == reference.val_rmse
        assert mine.val_mae == reference.val_mae


def test_sine_run_matches_headless(qtbot, make_window, sine):
    config = TrainConfig().replace(**FAST, seed=3)
    window = make_window(config)

    reason, epochs = run_to_end(qtbot, window)

    assert reason == "completed"
    assert epochs == list(range(1, config.epochs + 1))
    assert_same_reports(window.reports, headless_history(config, sine.values))
    counts = window.curve_point_counts()
    assert counts["train_loss"] == config.epochs
    assert counts["val_loss"] == config.epochs
    assert counts["series"] == 200
    assert counts["prediction_train"] == 200 - config.seq_len - config.val_windows
    assert counts["prediction_val"] == config.val_windows
    assert counts["forecast"] == window.forecast_steps.value()
    assert window.state == "idle"
    assert window.start_button.isEnabled()


def test_airpassengers_run_matches_headless(qtbot, make_window):
    path = SHARED_DATA / "airpassengers.csv"
    assert path.is_file(), f"sample data file missing: {path}"
    config = TrainConfig().replace(**FAST, seq_len=12, val_windows=24, seed=1)
    window = make_window(config, series=None)
    assert window.open_csv(str(path)), window.last_error
    series = window.data_panel.series()

    reason, epochs = run_to_end(qtbot, window)

    assert reason == "completed"
    assert len(series) == 144
    assert epochs == list(range(1, config.epochs + 1))
    assert_same_reports(window.reports, headless_history(config, series.values))
    counts = window.curve_point_counts()
    assert counts["train_loss"] == config.epochs
    assert counts["prediction_train"] == 144 - 12 - 24
    assert counts["prediction_val"] == 24
    assert counts["series"] == 144


def test_predictions_shown_match_trainer(qtbot, make_window, sine):
    config = TrainConfig().replace(**FAST)
    window = make_window(config)
    run_to_end(qtbot, window)

    reference = Trainer(config, sine.values)
    reference.run()
    _, expected = reference.predict_windows()
    np.testing.assert_array_equal(window.prediction_plot._snapshot.prediction, expected)
    np.testing.assert_array_equal(window.prediction_plot._snapshot.forecast,
                                  reference.forecast(window.forecast_steps.value()))


def test_invalid_settings_rejected_before_start(qtbot, make_window):
    window = make_window(TrainConfig().replace(**FAST, seq_len=190))

    assert not window.training_panel.problem_label.isHidden()
    assert window.training_panel.problem_label.text() == (
        "The series has 200 values, but a window length of 190 with this split needs at least 241. "
        "Use a window length of at most 149, or shorten the validation part.")
    with qtbot.waitSignal(window.error_shown, timeout=2000):
        assert not window.start_training()
    assert window.trainer is None
    assert window.state == "idle"


@pytest.mark.parametrize("field, value", [("val_windows", 150), ("seq_len", 199), ("val_fraction", 0.999)])
def test_invalid_split_reported(make_window, field, value):
    window = make_window()
    changes = {field: value, "val_windows": None} if field == "val_fraction" else {field: value}
    window.set_config(window.config().replace(**changes))

    assert not window.training_panel.problem_label.isHidden()
    assert not window.start_button.isEnabled()


def test_diverged_run_names_the_value(qtbot, make_window):
    from rnn_desktop.core.training import TrainConfig

    window = make_window(TrainConfig(epochs=5, hidden=8, optimizer="sgd", lr=50.0, clip_norm=None))
    with qtbot.waitSignal(window.run_finished, timeout=60000) as finished:
        assert window.start_training()

    assert finished.args == ["diverged"]
    text = window.progress_label.text()
    assert text.startswith("Diverged at epoch 1: the training loss reached ")
    assert text.endswith(", above the limit of 1e+10")
    status = window.statusBar().currentMessage()
    assert status.startswith("Training stopped: the loss diverged.")
    assert "may already be far off" in status
    assert "lower the learning rate or enable clipping" in status
    assert "press Reset weights and train again before using them" in status


def test_divergence_with_clipping_lower_rate(qtbot, make_window):
    from rnn_desktop.core.training import TrainConfig

    # The window's largest rate, 100, with SGD: unbounded relu units diverge in spite of the clipping.
    window = make_window(TrainConfig(epochs=5, hidden=8, activation="relu", optimizer="sgd", lr=100.0,
                                     clip_norm=5.0))
    with qtbot.waitSignal(window.run_finished, timeout=60000) as finished:
        assert window.start_training()

    assert finished.args == ["diverged"]
    status = window.statusBar().currentMessage()
    assert "lower the learning rate (gradient clipping is already on)" in status
    assert "enable clipping" not in status


def test_divergence_before_any_update_blames_the_start(qtbot, make_window):
    from rnn_desktop.core.training import TrainConfig

    window = make_window(TrainConfig(epochs=3, activation="relu", init="uniform"))
    with qtbot.waitSignal(window.run_finished, timeout=60000) as finished:
        assert window.start_training()

    assert finished.args == ["diverged"]
    status = window.statusBar().currentMessage()
    assert status.startswith("Training stopped: the loss diverged in the first batch, before any update")
    assert "Choose another initialisation or activation" in status
    # The weights are the untouched starting ones: named so, and nothing to save before a new model.
    assert window.metrics_label.text().startswith("Starting weights, before any update: validation RMSE ")
    assert not window.weights_unsaved


def test_weights_worse_than_naive_are_named(qtbot, make_window):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 1, "hidden": 4}))

    reason, _ = run_to_end(qtbot, window)

    assert reason == "completed"
    assert window.statusBar().currentMessage() == (
        "Training finished: all epochs ran. The weights kept predict worse than repeating the last value: "
        "train longer or try other settings.")
    # The numbers stay in view on the metrics line, where the baseline text reports that it does better.
    assert "(repeating the last value does better: 0.6796)" in window.metrics_label.text()


def test_weights_better_than_naive_get_no_warning(qtbot, make_window):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 40, "hidden": 16}))

    reason, _ = run_to_end(qtbot, window)

    assert reason == "completed"
    assert window.reports[-1].val_rmse < window.trainer.naive_val_rmse
    assert window.statusBar().currentMessage() == "Training finished: all epochs ran."
    assert "(repeating the last value: 0.6796)" in window.metrics_label.text()
