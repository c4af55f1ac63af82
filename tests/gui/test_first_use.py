"""What a first-time user meets: short sample series, stale results, steps and paused time."""

from __future__ import annotations

from gui_helpers import FAST, SHARED_DATA

from rnn_desktop.core.training import TrainConfig
from rnn_desktop.gui import messages

TIMEOUT_MS = 60_000


def test_short_csv_adapts_split_and_says_so(make_window):
    window = make_window(TrainConfig())

    assert window.open_csv(str(SHARED_DATA / "nile.csv"))

    config = window.config()
    assert config.val_windows is None
    assert config.val_fraction == 0.2
    assert window.start_button.isEnabled()
    assert "Adapted the settings" in window.statusBar().currentMessage()


def test_three_value_csv_names_shortest_window(make_window, tmp_path):
    window = make_window(TrainConfig())
    path = tmp_path / "short.csv"
    path.write_text("v\n1\n2\n3\n", encoding="utf-8")

    assert window.open_csv(str(path))

    assert window.config().seq_len == 1
    # A quarter of 3 values is under 1, so the message names 1 as the shortest, not "at most a quarter".
    assert ("window length 50 -> 1 (the shortest window, as a quarter of the series is less than 1)"
            in window.statusBar().currentMessage())


def test_long_csv_split_named_as_csv_default(make_window):
    window = make_window(TrainConfig())

    assert window.open_csv(str(SHARED_DATA / "sunspots_monthly.csv"))

    # The series could train with 50 validation windows, so the status does not claim it had to change.
    message = window.statusBar().currentMessage()
    assert message.endswith("values of this series: validation on the last 20 % of the windows, "
                            "as for every CSV file.")
    assert "so it can train" not in message


def test_generator_after_csv_names_its_split(make_window):
    window = make_window(TrainConfig())
    assert window.open_csv(str(SHARED_DATA / "airpassengers.csv"))

    window.data_panel.generator_radio.click()

    assert window.config().val_windows == 50
    assert window.statusBar().currentMessage().endswith(
        "validation on the last 50 windows, as for every generated series.")


def test_too_long_window_is_shortened(make_window):
    window = make_window(TrainConfig().replace(seq_len=99, val_windows=None, val_fraction=0.2))

    assert window.open_csv(str(SHARED_DATA / "nile.csv"))

    assert window.config().seq_len == 25
    assert window.start_button.isEnabled()
    assert "window length 99 -> 25" in window.statusBar().currentMessage()


def test_fitting_settings_are_kept(make_window):
    window = make_window(TrainConfig().replace(seq_len=12, val_windows=20, val_fraction=None))

    assert window.open_csv(str(SHARED_DATA / "airpassengers.csv"))

    assert window.config().seq_len == 12
    assert window.config().val_windows == 20


def write_series(path, count: int):
    path.write_text("value\n" + "".join(f"{i % 7 + 0.5}\n" for i in range(count)), encoding="utf-8")
    return str(path)


def test_window_length_restored_after_short_file(make_window, tmp_path):
    window = make_window(TrainConfig())
    assert window.open_csv(write_series(tmp_path / "three.csv", 3))
    assert window.config().seq_len == 1

    assert window.open_csv(write_series(tmp_path / "forty.csv", 40))
    assert window.config().seq_len == 10
    assert "window length 1 -> 10 (at most a quarter" in window.statusBar().currentMessage()

    assert window.open_csv(str(SHARED_DATA / "nile.csv"))
    assert window.config().seq_len == 50
    assert window.statusBar().currentMessage().endswith(
        "Adapted the settings to the 100 values of this series: window length 10 -> 50 again, "
        "as before the shorter series.")


def test_generator_split_restored_after_short_series(make_window):
    window = make_window(TrainConfig())
    form = window.data_panel.generator_form
    assert window.data_panel.set_generator("sawtooth", 3, 0.0, 0, form.params())
    assert (window.config().val_windows, window.config().val_fraction) == (None, 0.2)

    assert window.data_panel.set_generator("sawtooth", 200, 0.0, 0, form.params())

    assert (window.config().seq_len, window.config().val_windows) == (50, 50)
    assert "validation on the last 50 windows, as for every generated series" in window.statusBar().currentMessage()


def test_typed_window_length_kept(make_window, tmp_path):
    window = make_window(TrainConfig())
    assert window.open_csv(write_series(tmp_path / "three.csv", 3))

    window.training_panel.seq_len.setValue(2)
    assert window.open_csv(str(SHARED_DATA / "nile.csv"))

    assert window.config().seq_len == 2
    assert "window length" not in window.statusBar().currentMessage()


def test_window_length_restored_next_session(qtbot, make_window, settings, tmp_path):
    from rnn_desktop.gui.main_window import MainWindow

    window = make_window(TrainConfig())
    assert window.open_csv(write_series(tmp_path / "three.csv", 3))
    window.close()  # saves the settings, with the window length of 1

    reopened = MainWindow(settings=settings, restore_settings=True)
    reopened.set_interactive(ask_on_close=False, show_dialogs=False)
    qtbot.addWidget(reopened)

    assert reopened.config().seq_len == 50
    assert reopened.config().val_windows == 50
    assert "window length 1 -> 50 again" in reopened.statusBar().currentMessage()
    assert reopened.start_button.isEnabled()


def test_disabled_start_says_why(make_window):
    window = make_window(TrainConfig().replace(**FAST))

    window.set_config(window.config().replace(seq_len=190))

    assert not window.start_button.isEnabled()
    assert "Start is unavailable" in window.statusBar().currentMessage()
    assert "190" in window.start_button.toolTip()


def train_briefly(qtbot, window) -> None:
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.start_training()


def test_progress_says_first_epoch_runs(qtbot, make_window):
    window = make_window()
    assert window.progress.format() == "No training yet"

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.start_training()
        assert window.progress.format() == "Epoch 1 / 6 running"

    assert window.progress.format().startswith("Epoch 6 / 6")


def test_new_data_clears_previous_results(qtbot, make_window):
    window = make_window()
    train_briefly(qtbot, window)
    assert window.curve_point_counts()["train_loss"] == 6
    assert "Epoch 6 / 6" in window.progress.format()

    assert window.open_csv(str(SHARED_DATA / "airpassengers.csv"))

    assert window.curve_point_counts()["train_loss"] == 0
    assert "Epoch 6" not in window.progress.format()
    assert "previous model" in window.progress.format()
    assert window.metrics_label.text().startswith("Previous model")
    assert window.progress.value() == 0


def test_changed_model_settings_mark_results(qtbot, make_window):
    window = make_window()
    train_briefly(qtbot, window)

    window.set_config(window.config().replace(hidden=9))
    assert "previous model" in window.progress.format()

    window.set_config(window.config().replace(hidden=8))
    assert "Epoch 6 / 6" in window.progress.format()


def answer_questions(monkeypatch, answer):
    """Answer every QMessageBox.question with ``answer``; return the list that collects their texts."""
    from PySide6.QtWidgets import QMessageBox

    questions = []

    def reply(*args, **kwargs):
        questions.append(args[2])
        return answer

    monkeypatch.setattr(QMessageBox, "question", reply)
    return questions


def test_start_asks_before_replacing_unsaved_model(qtbot, make_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window = make_window()
    train_briefly(qtbot, window)
    window.set_interactive(ask_on_close=True, show_dialogs=False)
    questions = answer_questions(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.set_config(window.config().replace(hidden=9))

    assert not window.start_training()
    assert questions == ["Training now starts a new model, which replaces the current one, trained for 6 epochs. "
                         "Its weights have not been saved. Save them first?"]
    assert window.trainer.epoch == 6

    answer_questions(monkeypatch, QMessageBox.StandardButton.Discard)
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.start_training()
    assert window.trainer.config.hidden == 9
    window.set_interactive(ask_on_close=False, show_dialogs=False)


def test_reset_asks_before_discarding_unsaved_model(qtbot, make_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window = make_window()
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.step_epoch()
    window.set_interactive(ask_on_close=True, show_dialogs=False)
    questions = answer_questions(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.reset_weights()

    assert questions == ["Reset weights discards the training of the current model, 1 epoch. "
                         "Its weights have not been saved. Save them first?"]
    assert window.trainer.epoch == 1

    answer_questions(monkeypatch, QMessageBox.StandardButton.Discard)
    window.reset_weights()
    assert window.trainer.epoch == 0
    window.set_interactive(ask_on_close=False, show_dialogs=False)


def test_reset_while_paused_asks_with_run_epochs(qtbot, make_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 100_000}))
    assert window.start_training()
    qtbot.waitUntil(lambda: len(window.reports) >= 2, timeout=TIMEOUT_MS)
    window.pause_training()
    qtbot.waitUntil(lambda: window.state == "paused", timeout=TIMEOUT_MS)
    window.set_interactive(ask_on_close=True, show_dialogs=False)
    questions = answer_questions(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.reset_weights()

    assert len(questions) == 1
    assert questions[0].startswith("Reset weights discards the training of the current model")
    assert window.state == "paused"
    window.set_interactive(ask_on_close=False, show_dialogs=False)


def test_load_asks_after_reading_file(qtbot, make_window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    window = make_window()
    train_briefly(qtbot, window)
    good = tmp_path / "good.npz"
    window.trainer.save(str(good))  # a file on disk, while the window's weights stay unsaved
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a zip file")
    window.set_interactive(ask_on_close=True, show_dialogs=False)
    questions = answer_questions(monkeypatch, QMessageBox.StandardButton.Cancel)

    # A file that cannot be read shows no question, because nothing would replace the model.
    assert not window.load_weights(str(broken))
    assert questions == []
    # Cancel at the question keeps the model, and the status bar reports that the file was not loaded.
    assert not window.load_weights(str(good))
    assert questions == ["Loading weights replaces the current model, trained for 6 epochs. "
                         "Its weights have not been saved. Save them first?"]
    assert window.trainer.epoch == 6
    assert window.weights_unsaved
    assert str(good) in window.statusBar().currentMessage()

    answer_questions(monkeypatch, QMessageBox.StandardButton.Discard)
    assert window.load_weights(str(good))
    assert not window.weights_unsaved
    window.set_interactive(ask_on_close=False, show_dialogs=False)


def test_question_names_early_stop_weights(qtbot, make_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 500, "patience": 1, "lr": 0.05}))
    train_briefly(qtbot, window)
    kept = window.reports[-1].extra["restored_epoch"]
    window.set_interactive(ask_on_close=True, show_dialogs=False)
    questions = answer_questions(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.reset_weights()

    assert len(questions) == 1
    assert questions[0].endswith(f"Save them first?\n\nEarly stopping kept the weights of epoch {kept}, so those "
                                 "are the weights Save writes.")

    # Closing the window shows the same note. Cancel keeps the window open.
    window.close()
    assert len(questions) == 2
    assert questions[1].endswith(f"Save them before closing?\n\nEarly stopping kept the weights of epoch {kept}, "
                                 "so those are the weights Save writes.")
    window.set_interactive(ask_on_close=False, show_dialogs=False)


def test_reset_of_saved_weights_asks_nothing(qtbot, make_window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    window = make_window()
    train_briefly(qtbot, window)
    assert window.save_weights(str(tmp_path / "saved.npz"))
    window.set_interactive(ask_on_close=True, show_dialogs=False)
    questions = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: questions.append(args[2]))

    window.reset_weights()

    assert questions == []
    assert window.trainer.epoch == 0
    window.set_interactive(ask_on_close=False, show_dialogs=False)


def test_eta_counts_down_between_progress(make_window, monkeypatch):
    from types import SimpleNamespace

    from rnn_desktop.gui import main_window

    window = make_window()
    clock = [100.0]
    monkeypatch.setattr(main_window, "time", SimpleNamespace(perf_counter=lambda: clock[0]))
    window._run_started, window._paused_seconds, window._paused_since, window._eta_basis = 90.0, 0.0, None, None

    assert window._time_left(1, 10) == 90.0
    clock[0] = 130.0  # a long epoch: 30 s later, still one epoch done
    assert window._time_left(1, 10) == 60.0
    clock[0] = 200.0
    assert window._time_left(1, 10) == 0.0
    assert window._time_left(2, 10) == 440.0  # the next epoch measures the pace again


def test_paused_long_epoch_says_paused(make_window):
    window = make_window()
    window._state, window._pause_pending = "paused", False
    window._batch_progress, window._run_start_epoch, window._run_target_epoch = (1, 3, 7), 0, 200

    window._show_run_progress()

    assert window.progress.format() == "Epoch 1 / 200 paused after batch 3 of 7"
    window._state = "idle"


def test_eta_left_out_while_paused(qtbot, make_window):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 100_000}))
    window.start_training()
    qtbot.waitUntil(lambda: len(window.reports) >= 3 and "ETA" in window.progress.format(), timeout=TIMEOUT_MS)

    window.pause_training()
    qtbot.wait(300)
    paused_text = window.progress.format()
    assert paused_text.startswith("Epoch ")
    assert "ETA" not in paused_text
    qtbot.wait(1000)
    window.refresh_plots()
    assert window.progress.format() == paused_text

    window.resume_training()
    assert "ETA" in window.progress.format()
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        window.stop_training()


def test_resume_replaces_paused_status(qtbot, make_window):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 100_000}))
    window.start_training()
    qtbot.waitUntil(lambda: len(window.reports) >= 1, timeout=TIMEOUT_MS)
    window.pause_training()
    assert window.statusBar().currentMessage().startswith("Paus")

    window.resume_training()

    assert not window.statusBar().currentMessage().startswith("Paus")
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        window.stop_training()


def test_progress_text_sits_beside_the_bar(make_window):
    window = make_window()

    assert not window.progress.isTextVisible()
    assert window.progress_label.text() == window.progress.format()


def test_unknown_eta_is_left_out(qtbot, make_window):
    window = make_window()
    train_briefly(qtbot, window)

    assert "ETA" not in window.progress.format()
    assert "- -" not in window.progress.format()


def test_early_stop_fills_bar_and_names_kept_epoch(qtbot, make_window):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 500, "patience": 1, "lr": 0.05}))

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS) as finished:
        assert window.start_training()

    assert finished.args[0] == "early_stopping"
    last = window.reports[-1]
    assert window.progress.value() == window.progress.maximum()
    assert f"Stopped early at epoch {last.epoch}, kept epoch" in window.progress.format()


def test_runaway_loss_suggests_lower_rate(qtbot, make_window):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 60, "patience": 5, "lr": 10.0, "hidden": 8}))

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS) as finished:
        assert window.start_training()

    assert finished.args[0] == "early_stopping"
    peak = window.reports[-1].extra["runaway_val_loss"]
    status = window.statusBar().currentMessage()
    assert status.startswith("Training finished: validation loss stopped improving (early stopping). The validation "
                             f"loss then rose to {messages.format_number(peak, 3)}, over 100 times its best")
    assert "a learning rate that is too high often does that, so try a lower one." in status
    # The best epoch of a rate of 10 still predicts worse than repeating the last value, and the status
    # message ends with that.
    assert status.endswith("train longer or try other settings.")


def test_runaway_loss_one_validation_window(qtbot, make_window):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 60, "patience": 5, "lr": 10.0, "hidden": 8,
                                                   "val_windows": 1}))

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS) as finished:
        assert window.start_training()

    assert finished.args[0] == "early_stopping"
    assert window.trainer.split.n_val == 1
    status = window.statusBar().currentMessage()
    assert ("With only 1 validation window, that best may be luck: a longer series gives a steadier "
            "measure, and a lower learning rate may help too." in status)


def test_loss_plot_marks_kept_epoch(qtbot, make_window):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 500, "patience": 1, "lr": 0.05}))
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.start_training()
    kept = window.reports[-1].extra["restored_epoch"]
    line = window.loss_plot.kept_line
    shown_after_run = (line.isVisible(), line.value())

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.step_epoch()
    window.refresh_plots()

    assert shown_after_run == (True, kept)
    assert not line.isVisible()


def test_tutorial_preset_explains_its_result(make_window):
    window = make_window()

    window.training_panel.tutorial_button.click()

    assert window.config().activation == "sigmoid"
    assert "Recommended" in window.statusBar().currentMessage()
    assert "Recommended" in window.training_panel.tutorial_button.toolTip()


def test_pause_leaves_speed_unchanged(qtbot, make_window):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 100_000, "batch_size": 1}))
    window.start_training()
    qtbot.waitUntil(lambda: len(window.reports) >= 2, timeout=TIMEOUT_MS)
    window.pause_training()
    qtbot.wait(1500)
    window.resume_training()
    paused_at = len(window.reports)
    qtbot.waitUntil(lambda: len(window.reports) >= paused_at + 2, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        window.stop_training()

    speeds = sorted(report.samples_per_second for report in window.reports)
    median = speeds[len(speeds) // 2]
    assert speeds[0] > median / 5, speeds


def test_settings_that_start_off_show_useful_values(make_window):
    window = make_window(TrainConfig())
    panel = window.training_panel
    assert window.config().clip_value is None

    shown_at_start = panel.clip_value.spin.value()
    panel.tutorial_button.click()
    panel.recommended_button.click()

    assert shown_at_start == 10.0
    assert panel.clip_value.spin.value() == 10.0
    assert not panel.clip_value.spin.isEnabled()
    assert panel.bptt_truncate.spin.value() == 5
    assert window.config().clip_value is None


def test_tutorial_preset_status_fits_the_data(make_window):
    window = make_window()
    window.apply_preset("tutorial")
    assert "end near predicting zero" in window.statusBar().currentMessage()

    assert window.open_csv(str(SHARED_DATA / "nile.csv"))
    window.apply_preset("tutorial")
    message = window.statusBar().currentMessage()
    assert "made for its sine wave" in message
    assert "predicting zero" not in message


def test_long_epoch_shows_batches(qtbot, make_window):
    import numpy as np

    from rnn_desktop.core.series import Series
    from rnn_desktop.gui.messages import format_integer

    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 2, "batch_size": 1, "hidden": 32}))
    window.set_series(Series(values=np.sin(np.arange(20_000) * 0.05), name="long", source="long"))
    assert window.start_training()

    qtbot.waitUntil(lambda: "running: batch" in window.progress.format(), timeout=TIMEOUT_MS)
    text = window.progress.format()
    assert text.startswith("Epoch 1 / 2 running: batch ")
    assert f" of {format_integer(window.trainer.split.n_train)} - ETA " in text
    assert 0 < window.progress.value() < window.progress.maximum() // 2

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        window.stop_training()


def test_batch_count_stays_after_first_epoch(qtbot, make_window):
    import numpy as np

    from rnn_desktop.core.series import Series

    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 3, "batch_size": 1, "hidden": 32}))
    window.set_series(Series(values=np.sin(np.arange(3_000) * 0.05), name="long", source="long"))
    assert window.start_training()

    qtbot.waitUntil(lambda: window.progress.format().startswith("Epoch 2 / 3 running: batch "), timeout=TIMEOUT_MS)
    # The refresh timer redraws the progress line every 0.2 s; it must not put epoch 1's line back.
    qtbot.wait(600)
    assert len(window.reports) == 1  # epoch 2 still runs: an epoch here takes about 4 s
    assert window.progress.format().startswith("Epoch 2 / 3 running: batch ")
    assert window.metrics_label.text().startswith("Validation RMSE")

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        window.stop_training()
