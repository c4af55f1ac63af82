"""CSV loading, weights files and exports through the window."""

from __future__ import annotations

import csv

import numpy as np
import pytest
from PySide6.QtCore import Qt
from gui_helpers import FAST, SHARED_DATA

from rnn_desktop.core.training import TrainConfig

TIMEOUT_MS = 60_000


def train(qtbot, window) -> None:
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.start_training()


@pytest.mark.parametrize("content", [
    "name,comment\nalpha,beta\ngamma,delta\n",  # no numeric column
    "",  # empty file
    "value\n1\n2\nthree\n4\n",  # a bad cell in the target column
])
def test_failing_csv_keeps_data_and_model(qtbot, make_window, tmp_path, content):
    window = make_window()
    train(qtbot, window)
    series, trainer, reports = window.data_panel.series(), window.trainer, window.reports
    bad = tmp_path / "bad.csv"
    bad.write_text(content, encoding="utf-8")

    with qtbot.waitSignal(window.error_shown, timeout=2000) as shown:
        assert not window.open_csv(str(bad))

    assert str(bad) in shown.args[0] or "bad.csv" in shown.args[0]
    assert window.data_panel.series() is series
    assert window.trainer is trainer
    assert window.reports == reports
    assert window.curve_point_counts()["prediction_train"] > 0
    if content:
        # The file opened, so the form shows it with its columns, and names the series still in use.
        assert window.data_panel.csv_form.path_label.text() == str(bad)
        assert "The series in use is still" in window.data_panel.csv_form.summary.text()
    else:
        assert window.data_panel.generator_radio.isChecked()


def test_missing_csv_file_reported(qtbot, make_window, tmp_path):
    window = make_window()
    with qtbot.waitSignal(window.error_shown, timeout=2000):
        assert not window.open_csv(str(tmp_path / "absent.csv"))
    assert window.last_error


@pytest.mark.parametrize("first", ["airpassengers.csv", None])
def test_unopenable_after_unread_restores_form(qtbot, make_window, tmp_path, first):
    window = make_window()
    if first:
        assert window.open_csv(str(SHARED_DATA / first))
    text = tmp_path / "text.csv"
    text.write_text("name,comment\nalpha,beta\ngamma,delta\n", encoding="utf-8")
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    assert not window.open_csv(str(text))
    assert not window.start_action.isEnabled()

    with qtbot.waitSignal(window.error_shown, timeout=2000) as shown:
        assert not window.open_csv(str(empty))

    panel = window.data_panel
    assert "empty.csv" in shown.args[0]
    assert not panel.shows_unread_csv()
    assert window.start_action.isEnabled()
    if first:
        assert panel.csv_radio.isChecked()
        assert panel.csv_form.path_label.text() == f"sample {first}"  # not its long path in the package
        assert panel.csv_form.path_label.toolTip() == str(SHARED_DATA / first)
        assert panel.csv_form.summary.text().startswith("144 values")
    else:
        assert panel.generator_radio.isChecked()


def test_empty_csv_names_minimum(qtbot, make_window, tmp_path):
    window = make_window()
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")

    with qtbot.waitSignal(window.error_shown, timeout=2000) as shown:
        assert not window.open_csv(str(empty))

    assert shown.args[0] == f"{empty} contains no data rows. Choose a file with at least 2 values."


def test_back_button_leaves_unread_csv(qtbot, make_window, tmp_path):
    window = make_window(series=None)
    assert window.open_csv(str(SHARED_DATA / "nile.csv"))
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n" + "".join(f"{i},{i}\n" for i in range(60)) + "3,x\n", encoding="utf-8")
    form = window.data_panel.csv_form
    assert not window.open_csv(str(bad))
    assert not window.start_action.isEnabled()
    assert form.back_button.isVisibleTo(window)

    qtbot.mouseClick(form.back_button, Qt.MouseButton.LeftButton)

    assert window.start_action.isEnabled()
    assert not form.back_button.isVisibleTo(window)
    assert form.path_label.toolTip() == str(SHARED_DATA / "nile.csv")
    assert window.data_panel.series().name == "flow"
    assert window.statusBar().currentMessage() == "Back to sample nile.csv."


def test_csv_override_failure_restores_form(qtbot, make_window):
    window = make_window(series=None)
    assert window.open_csv(str(SHARED_DATA / "airpassengers.csv"))
    series = window.data_panel.series()
    form = window.data_panel.csv_form

    # ';' splits nothing in this file, so the one column left is text and the load fails.
    form.delimiter.setCurrentIndex(form.delimiter.findData(";"))
    with qtbot.waitSignal(window.error_shown, timeout=2000):
        form.edited.emit()

    assert window.data_panel.series() is series
    assert form.delimiter.currentData() == ","


def test_csv_recent_files_remembered(make_window, settings):
    window = make_window(series=None)
    path = str(SHARED_DATA / "airpassengers.csv")
    assert window.open_csv(path)
    assert settings.value("recentFiles") in ([path], path)
    assert window.recent_menu.actions()[0].text() == path


def test_weights_round_trip_after_restart(qtbot, make_window, tmp_path):
    config = TrainConfig().replace(**{**FAST, "hidden": 12, "seed": 5})
    window = make_window(config)
    train(qtbot, window)
    before = window.prediction_plot._snapshot
    path = tmp_path / "model.npz"
    assert window.save_weights(str(path))
    assert not window.weights_unsaved
    window.close()

    # A new window with the recommended settings, as after a restart.
    reopened = make_window(TrainConfig())
    assert reopened.load_weights(str(path)), reopened.last_error

    after = reopened.prediction_plot._snapshot
    np.testing.assert_array_equal(after.prediction, before.prediction)
    np.testing.assert_array_equal(after.forecast, before.forecast)
    assert reopened.config().hidden == 12
    assert reopened.config().seed == 5
    assert reopened.trainer.epoch == FAST["epochs"]
    assert reopened.curve_point_counts()["train_loss"] == FAST["epochs"]
    # The progress line names the loaded epoch, not "No training yet" beside the loaded curves.
    assert reopened.progress_label.text() == f"Loaded weights of epoch {FAST['epochs']}; not trained further yet"


def test_weights_rejected_on_short_series(qtbot, make_window, tmp_path):
    from rnn_desktop.core.series import Series

    window = make_window()
    train(qtbot, window)
    path = tmp_path / "model.npz"
    assert window.save_weights(str(path))
    window.set_series(Series(values=np.sin(np.arange(45.0)), name="short"))
    trainer = window.trainer

    with qtbot.waitSignal(window.error_shown, timeout=2000):
        assert not window.load_weights(str(path))
    assert window.trainer is trainer


def test_corrupt_weights_file_rejected(qtbot, make_window, tmp_path):
    window = make_window()
    path = tmp_path / "broken.npz"
    path.write_bytes(b"not a zip file")

    with qtbot.waitSignal(window.error_shown, timeout=2000) as shown:
        assert not window.load_weights(str(path))
    assert "broken.npz" in shown.args[0]
    assert window.trainer is None


def sine_series():
    from rnn_desktop.core.series import Series

    return Series(values=np.sin(np.arange(200.0)), name="sine", source="generator sine")


def read_exported(path):
    # One line ending throughout, LF.
    assert b"\r" not in path.read_bytes()
    lines = path.read_text(encoding="utf-8").splitlines()
    # The header comes first: a comment line above it became pandas' header.
    assert not lines[0].startswith("#")
    return list(csv.DictReader(lines))


def test_exports_machine_readable(qtbot, make_window, tmp_path):
    window = make_window()
    train(qtbot, window)

    predictions = tmp_path / "predictions.csv"
    history = tmp_path / "history.csv"
    assert window.export_predictions(str(predictions))
    assert window.export_history(str(history))

    rows = read_exported(predictions)
    parts = [row["part"] for row in rows]
    assert parts.count("train") == 100
    assert parts.count("validation") == 50
    assert parts.count("forecast") == window.forecast_steps.value()
    snapshot = window.prediction_plot._snapshot
    assert float(rows[0]["prediction"]) == snapshot.prediction[0]
    assert int(rows[0]["position"]) == 50

    epochs = read_exported(history)
    assert [int(row["epoch"]) for row in epochs] == list(range(1, FAST["epochs"] + 1))
    assert float(epochs[-1]["val_loss"]) == window.reports[-1].val_loss
    assert {row["data"] for row in epochs} == {"current"}


def test_semicolon_exports_read_back_exactly(qtbot, make_window, tmp_path):
    from rnn_desktop.core.csv_reader import inspect_csv

    window = make_window()
    train(qtbot, window)
    predictions = tmp_path / "predictions.csv"
    history = tmp_path / "history.csv"

    assert window.export_predictions(str(predictions), "semicolon")
    assert window.export_history(str(history), "semicolon")

    lines = predictions.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "position;time;actual;prediction;part"
    assert "," in lines[1].split(";")[3]
    assert "." not in lines[1]
    # The product's own reader finds the form, and every number comes back to the last bit.
    info = inspect_csv(predictions, column="prediction")
    assert (info.delimiter, info.decimal) == (";", ",")
    snapshot = window.prediction_plot._snapshot
    assert np.array_equal(info.values[:len(snapshot.prediction)], snapshot.prediction)
    assert np.array_equal(info.values[len(snapshot.prediction):], snapshot.forecast)
    losses = inspect_csv(history, column="val_loss").values
    assert np.array_equal(losses, [report.val_loss for report in window.reports])


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_plot_export(qtbot, make_window, tmp_path, suffix):
    window = make_window()
    train(qtbot, window)
    path = tmp_path / f"loss{suffix}"

    assert window.export_plot(window.loss_plot, str(path))
    assert path.stat().st_size > 1000


@pytest.mark.parametrize("suffix", [".png", ".svg"])
@pytest.mark.parametrize("where", ["missing folder", "a folder's name"])
def test_plot_export_failure_is_reported(make_window, tmp_path, suffix, where):
    # A path that names a folder fails to open for writing even for root, like a read-only folder.
    path = tmp_path / "no such folder" / f"loss{suffix}" if where == "missing folder" else tmp_path / f"loss{suffix}"
    if where == "a folder's name":
        path.mkdir()
    window = make_window()

    assert not window.export_plot(window.loss_plot, str(path))

    assert path.exists() == (where == "a folder's name")
    assert window.last_error is not None
    assert str(path) in window.last_error
    assert not window.statusBar().currentMessage().startswith("Exported")


def test_settings_persist(make_window, settings):
    window = make_window(TrainConfig().replace(**{**FAST, "hidden": 17}))
    window.save_settings()

    from rnn_desktop.gui.main_window import MainWindow

    restored = MainWindow(settings=settings, restore_settings=True)
    try:
        assert restored.config().hidden == 17
    finally:
        restored.set_interactive(False, False)
        restored.close()


def test_save_dialog_confirms_final_npz_name(qtbot, make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    window = make_window(TrainConfig().replace(**FAST))
    train(qtbot, window)
    data = tmp_path / "mydata.csv"
    data.write_text("value\n1\n2\n", encoding="utf-8")
    questions: list[str] = []
    answer = {"button": QMessageBox.StandardButton.No}

    def get_save_file_name(*args, **kwargs):
        return str(data), ""

    def question(parent, title, text, *args):
        questions.append(text)
        return answer["button"]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    monkeypatch.setattr(QMessageBox, "question", question)

    # The CSV keeps its content; the weights go to mydata.csv.npz, which does not exist yet.
    assert window.choose_save_weights()
    assert data.read_text(encoding="utf-8") == "value\n1\n2\n"
    weights = tmp_path / "mydata.csv.npz"
    assert weights.exists()
    assert questions == []

    # Saving again shows the replace question for mydata.csv.npz itself; No leaves the file as it was.
    before = weights.read_bytes()
    window.trainer.reset_weights(9)
    assert not window.choose_save_weights()
    assert questions == [f"{weights} already exists. Replace it?"]
    assert weights.read_bytes() == before

    answer["button"] = QMessageBox.StandardButton.Yes
    assert window.choose_save_weights()
    assert weights.read_bytes() != before


def test_unread_csv_shown_for_another_column(qtbot, make_window, tmp_path):
    window = make_window()
    sine = window.data_panel.series()
    path = tmp_path / "two.csv"
    rows = "".join(f"{i},{np.sin(i):.6f},{'n/a?' if i in (5, 9) else i * 0.5}\n" for i in range(120))
    path.write_text("step,good,broken\n" + rows, encoding="utf-8")
    form = window.data_panel.csv_form

    # The last numeric-looking column has two bad cells: nothing is loaded, but the form shows the file.
    with qtbot.waitSignal(window.error_shown, timeout=2000):
        assert not window.open_csv(str(path))
    assert window.data_panel.series() is sine
    assert window.data_panel.csv_radio.isChecked()
    assert form.path_label.text() == str(path)
    assert [form.column.itemData(i) for i in range(form.column.count())] == ["step", "good", "broken"]
    assert form.column.currentData() == "broken"
    assert form.delimiter.currentData() == ","
    reason, hint = form.summary.text().split("\n")
    assert "2 cells are not numbers" in reason
    assert hint.startswith("Not read: correct the file, or change the column")
    assert "#b00020" in form.summary.styleSheet()
    # Start would train the sine, which the Data tab no longer shows, so it waits for a readable file.
    assert not window.start_button.isEnabled()
    assert window.start_button.toolTip().endswith("open another file, or choose Generator.")
    assert "2 cells are not numbers" in window.statusBar().currentMessage()

    # Choosing another column reads the same file again, without the Open dialog.
    form.column.setCurrentIndex(form.column.findData("good"))
    form.edited.emit()
    series = window.data_panel.series()
    assert series is not sine
    assert series.name == "good"
    assert window.data_panel.csv_path() == str(path)
    assert window.start_button.isEnabled()
    assert form.summary.styleSheet() == ""
    np.testing.assert_allclose(series.values[:3], np.round(np.sin(np.arange(3.0)), 6))


def test_csv_error_replaced_when_data_loads(qtbot, make_window, tmp_path):
    window = make_window()
    path = tmp_path / "text.csv"
    path.write_text("x\n" + "".join(f"{i}.5\n" for i in range(120)) + "abc\n", encoding="utf-8")
    with qtbot.waitSignal(window.error_shown, timeout=2000):
        assert not window.open_csv(str(path))
    assert '"abc" is not a number' in window.statusBar().currentMessage()

    window.data_panel.generator_radio.click()

    assert window.data_panel.series().source.startswith("generator")
    assert window.start_button.isEnabled()
    assert window.statusBar().currentMessage() == "Ready. Press Start (F5) to train."


def test_unrelated_status_kept_when_data_loads(make_window):
    window = make_window()
    window.statusBar().showMessage("Weights saved to w.npz.")

    assert window.data_panel.set_generator("sine_wave", 300, 0.0, 4, {"period": 25.0})

    assert window.statusBar().currentMessage() == "Weights saved to w.npz."


@pytest.mark.parametrize("answer", ["Yes", "No"])
def test_loading_weights_offers_their_csv(qtbot, make_window, tmp_path, monkeypatch, answer):
    from PySide6.QtWidgets import QMessageBox

    path = tmp_path / "levels.csv"
    path.write_text("day;level\n" + "".join(f"{i};{np.cos(0.3 * i):.4f}".replace(".", ",") + "\n"
                                            for i in range(150)), encoding="utf-8")
    trained = make_window(TrainConfig().replace(**FAST), series=None)
    assert trained.open_csv(str(path))
    train(qtbot, trained)
    weights = tmp_path / "levels.npz"
    assert trained.save_weights(str(weights))
    trained.close()

    questions: list[tuple] = []

    def question(parent, title, text, buttons, default):
        questions.append((title, text, buttons, default))
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", question)
    window = make_window()
    window.set_interactive(ask_on_close=False, show_dialogs=True)
    assert window.load_weights(str(weights)), window.last_error

    buttons = QMessageBox.StandardButton
    assert questions == [("Open the weights' data?",
                          f'These weights were trained on {path}, column "level", not on the current series.\n\n'
                          "Yes: open that data and load the weights onto it.\n"
                          "No: load the weights onto the current series.\n"
                          "Cancel: do not load the weights.",
                          buttons.Yes | buttons.No | buttons.Cancel, buttons.Yes)]
    if answer == "Yes":
        assert window.data_panel.csv_path() == str(path)
        assert window.trainer.load_warning is None
        assert window.trainer.epoch == FAST["epochs"]
        assert window.data_panel.csv_form.decimal.currentData() == ","
    else:
        assert window.data_panel.generator_radio.isChecked()
        assert window.trainer.load_warning is not None


def save_sine_wave_weights(qtbot, make_window, tmp_path):
    """Train briefly on the sine_wave generator (300 values, period 25) and return the saved weights' path."""
    trained = make_window(TrainConfig().replace(**FAST))
    assert trained.data_panel.set_generator("sine_wave", 300, 0.0, 4, {"period": 25.0})
    train(qtbot, trained)
    weights = tmp_path / "wave.npz"
    assert trained.save_weights(str(weights))
    trained.close()
    return weights


def write_short_csv(tmp_path, count: int = 40) -> str:
    path = tmp_path / "short.csv"
    path.write_text("value\n" + "".join(f"{np.sin(i * 0.5):.4f}\n" for i in range(count)), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("answer", ["Open", "Cancel"])
def test_weights_too_long_offer_their_data(qtbot, make_window, tmp_path, monkeypatch, answer):
    from PySide6.QtWidgets import QMessageBox

    weights = save_sine_wave_weights(qtbot, make_window, tmp_path)
    questions = []

    def question(parent, title, text, buttons, default):
        questions.append((title, text, buttons, default))
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", question)
    window = make_window(series=None)
    short = write_short_csv(tmp_path)
    assert window.open_csv(short)
    window.set_interactive(ask_on_close=False, show_dialogs=True)

    assert window.load_weights(str(weights)) == (answer == "Open")

    buttons = QMessageBox.StandardButton
    assert questions == [(
        "Open the weights' data?",
        "These weights read windows of 50 values, so with this validation split they need a series of at least "
        "52 values, but this one has 40. Load a longer series.\n\n"
        "The weights were trained on the Sine wave generator (300 values). "
        "Open that data and load the weights onto it?",
        buttons.Open | buttons.Cancel, buttons.Open)]
    if answer == "Open":
        assert window.data_panel.generator_form.name.currentData() == "sine_wave"
        assert window.trainer.load_warning is None
    else:
        assert window.data_panel.csv_path() == short
        assert window.trainer is None


def test_weights_too_long_without_dialogs(qtbot, make_window, tmp_path):
    weights = save_sine_wave_weights(qtbot, make_window, tmp_path)
    window = make_window(series=None)
    assert window.open_csv(write_short_csv(tmp_path))

    assert not window.load_weights(str(weights))

    assert window.last_error == (f"Cannot load {weights} onto the current series: these weights read windows of "
                                 "50 values, so with this validation split they need a series of at least 52 "
                                 "values, but this one has 40. Load a longer series.")


def test_weights_load_with_data_tab_split(qtbot, make_window, tmp_path):
    weights = save_sine_wave_weights(qtbot, make_window, tmp_path)  # 50 validation windows of 50 values
    window = make_window(series=None)
    assert window.open_csv(str(SHARED_DATA / "nile.csv"))  # 100 values: 50 windows, so the last 20%

    assert window.load_weights(str(weights)), window.last_error

    assert window.trainer.config.val_fraction == 0.2
    assert window.trainer.split.n_val == 10
    assert window.trainer.load_warning is not None
    assert window.config().val_fraction == 0.2


def test_cancel_at_origin_question_loads_nothing(qtbot, make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    weights = save_sine_wave_weights(qtbot, make_window, tmp_path)
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 3, "hidden": 5}))
    train(qtbot, window)
    trainer, series, config = window.trainer, window.data_panel.series(), window.config()
    reports = list(window.reports)
    window.set_interactive(ask_on_close=False, show_dialogs=True)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Cancel)

    assert not window.load_weights(str(weights))

    assert window.trainer is trainer
    assert window.data_panel.series() is series
    assert window.data_panel.generator_form.name.currentData() == "sine"
    assert window.config() == config
    assert window.reports == reports
    assert window.statusBar().currentMessage() == f"Weights from {weights} not loaded."


def test_loading_weights_opens_their_generator(qtbot, make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    weights = save_sine_wave_weights(qtbot, make_window, tmp_path)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    window = make_window()
    window.set_interactive(ask_on_close=False, show_dialogs=True)
    assert window.load_weights(str(weights)), window.last_error

    form = window.data_panel.generator_form
    assert form.name.currentData() == "sine_wave"
    assert form.length.value() == 300
    assert window.trainer.load_warning is None


def test_csv_form_names_ragged_rows(make_window, tmp_path):
    window = make_window(series=None)
    path = tmp_path / "ragged.csv"
    rows = [f"{i},{np.sin(i):.5f}" for i in range(120)]
    rows[7] += ",extra"
    rows[40] = f"{40}"
    path.write_text("t,value\n" + "\n".join(rows) + "\n", encoding="utf-8")

    assert window.open_csv(str(path))

    form = window.data_panel.csv_form
    assert form.summary.text() == "120 values, 1 missing (interpolate)."
    assert form.notes.text() == ("2 rows have more or fewer cells than the first row (lines 9, 42).\n"
                                 "A missing value at line 42.")
    assert not form.notes.isHidden()


def test_csv_form_names_far_values(make_window, tmp_path):
    from PySide6.QtCore import QLocale

    window = make_window(series=None)
    path = tmp_path / "levels.csv"
    rows = [f"{i},{20 + 5 * np.sin(i):.5f}" for i in range(120)]
    rows[7] = "7,-9999"
    rows[40] = "40,1e308"
    path.write_text("t,value\n" + "\n".join(rows) + "\n", encoding="utf-8")
    # An English locale that groups digits, where format_number writes -9999 as -9,999.
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        assert window.open_csv(str(path))
        notes = window.data_panel.csv_form.notes.text()
    finally:
        QLocale.setDefault(previous)

    # As the file writes them, so that a search in the file finds them.
    assert notes == "2 values lie far from the others (line 9: -9999, line 42: 1e+308); check them in the file."


def test_csv_form_notes_columns_hidden_by_decimal_comma(make_window):
    window = make_window(series=None)
    assert window.open_csv(str(SHARED_DATA / "nile.csv"))
    form = window.data_panel.csv_form

    # The comma cannot be both marks, so each row "1871,1120" reads as one number, 1871.112.
    index = form.decimal.findData(",")
    form.decimal.setCurrentIndex(index)
    form.decimal.activated.emit(index)

    assert window.data_panel.series().name == "year,flow"
    assert form.notes.text() == (
        "The file reads as one column, but the header and the rows split at the comma (,) into 2 columns "
        "(year, flow); if the comma (,) separates the columns, choose it as the delimiter and the point (.) "
        "as the decimal mark.")


def test_csv_form_notes_mixed_delimiters(make_window, tmp_path):
    window = make_window(series=None)
    path = tmp_path / "mixed.csv"
    path.write_text("id;value\n" + "".join(f"{i},{250 + i}.5\n" for i in range(1, 61)), encoding="utf-8")

    # Read at a hand-chosen '|', every line stays whole.
    assert window.open_csv(str(path), delimiter="|")

    assert window.data_panel.csv_form.notes.text() == (
        "The file reads as one column, but its header splits at the semicolon (;) into 2 columns (id, value) "
        "and its rows at the comma (,); if the comma (,) separates the columns, choose it as the delimiter.")


def test_csv_form_notes_grouped_numbers(make_window, tmp_path):
    window = make_window(series=None)
    path = tmp_path / "visits.csv"
    rows = [f"{i};{value // 1000}.{value % 1000:03d}" if value >= 1000 else f"{i};{value}"
            for i, value in ((i, 900 + (i * 37) % 400) for i in range(120))]
    path.write_text("giorno;visite\n" + "\n".join(rows) + "\n", encoding="utf-8")

    assert window.open_csv(str(path))

    assert window.data_panel.csv_form.decimal.currentData() == ","
    assert window.data_panel.csv_form.notes.text() == (
        "'.' is read as a thousands separator (1.011 is 1011); if it is a decimal point, "
        "choose '.' as the decimal mark.")


def test_csv_form_notes_header_mismatch(make_window, tmp_path):
    window = make_window(series=None)
    path = tmp_path / "vendite.csv"
    rows = [f"{day:02d}/01/2020;Torino;{1000 + day * 7},{day:02d}" for day in range(1, 29)]
    path.write_text("Data;Citta;Vendite\n" + "\n".join(rows) + "\n", encoding="utf-8")

    assert window.open_csv(str(path), column="1", delimiter=",")

    assert window.data_panel.csv_form.notes.text() == (
        "Cells in the header row: 1, in most data rows: 2; check the delimiter.\n"
        "The rows are split at the comma (,) chosen above, but detection chooses the semicolon (;); if the "
        "semicolon (;) separates the columns, choose it as the delimiter.")


def test_csv_form_notes_decimal_comma_rows(make_window, tmp_path):
    window = make_window(series=None)
    path = tmp_path / "prezzi.csv"
    rows = [f"{100 + (day * 7) % 5},{(day * 37) % 100}" for day in range(60)]
    rows[2] = "101,05"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    form = window.data_panel.csv_form

    assert window.open_csv(str(path))

    assert window.data_panel.series().name == "column 1"
    assert form.notes.text() == (
        "Every row is two whole numbers separated by a comma (line 1: 100,0; line 3: 101,05); "
        "if the file is one column of numbers with decimal commas, choose ',' as the decimal mark.")

    # The fix the note suggests: with ',' as the decimal mark the file reads as one column.
    index = form.decimal.findData(",")
    form.decimal.setCurrentIndex(index)
    form.decimal.activated.emit(index)

    series = window.data_panel.series()
    assert series.name == "column 0"
    assert series.values[:3].tolist() == [100.0, 102.37, 101.05]
    assert form.delimiter.currentData() is None
    assert form.notes.isHidden()
    assert form.summary.text() == "60 values, 0 missing (interpolate)."
    assert window.statusBar().currentMessage().endswith(' 60 values from column "column 0".')


def test_csv_form_says_rows_were_read_bottom_up(make_window, tmp_path):
    window = make_window(series=None)
    rows = (SHARED_DATA / "airpassengers.csv").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "newest_first.csv"
    path.write_text("\n".join([rows[0], *rows[:0:-1]]) + "\n", encoding="utf-8")

    assert window.open_csv(str(path))

    assert window.data_panel.csv_form.notes.text() == "The rows run from newest to oldest, so they are read bottom up."
    series = window.data_panel.series()
    assert series.time[0] < series.time[-1]


def test_changed_csv_warns_without_offering_it(qtbot, make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    path = tmp_path / "levels.csv"
    rows = [f"{i},{np.cos(0.3 * i):.4f}" for i in range(150)]
    path.write_text("day,level\n" + "\n".join(rows) + "\n", encoding="utf-8")
    window = make_window(TrainConfig().replace(**FAST), series=None)
    assert window.open_csv(str(path))
    train(qtbot, window)
    weights = tmp_path / "levels.npz"
    assert window.save_weights(str(weights))

    rows[20] = "20,9.5"
    path.write_text("day,level\n" + "\n".join(rows) + "\n", encoding="utf-8")
    questions: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: questions.append(args[2]))
    window.set_interactive(ask_on_close=False, show_dialogs=True)
    assert window.open_csv(str(path))
    assert window.load_weights(str(weights))

    assert questions == []
    warning, metrics = window.metrics_label.text().split("\n")
    assert warning.startswith(
        f"Warning: the data in {path} changed since the weights in {weights} were saved (the same number of "
        "values, 150, but other ones)")
    # The loaded weights' errors on this data stay in view under the warning.
    assert metrics.startswith("Scaler fitted on other data · Weights of epoch ")

    train(qtbot, window)
    assert window.metrics_label.text().startswith("Scaler fitted on other data · ")


def test_weights_of_deleted_csv_warn_it_is_gone(qtbot, make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    path = tmp_path / "levels.csv"
    path.write_text("day,level\n" + "".join(f"{i},{np.cos(0.3 * i):.4f}\n" for i in range(150)), encoding="utf-8")
    window = make_window(TrainConfig().replace(**FAST), series=None)
    assert window.open_csv(str(path))
    train(qtbot, window)
    weights = tmp_path / "levels.npz"
    assert window.save_weights(str(weights))
    window.set_series(sine_series())
    path.unlink()
    questions: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: questions.append(args[2]))
    window.set_interactive(ask_on_close=False, show_dialogs=True)

    assert window.load_weights(str(weights))

    assert questions == []
    assert f"{path} is not found any more, so train a new model for this series." in window.metrics_label.text()
    assert "open the data the weights were trained on" not in window.metrics_label.text()


@pytest.mark.parametrize("preset", ["default", "tutorial"])
def test_preset_keeps_csv_split(make_window, preset):
    window = make_window(series=None)
    assert window.open_csv(str(SHARED_DATA / "sunspots_monthly.csv"))
    assert (window.config().val_windows, window.config().val_fraction) == (None, 0.2)

    window.apply_preset(preset)

    assert (window.config().val_windows, window.config().val_fraction) == (None, 0.2)
    assert window.config().hidden == TrainConfig.preset(preset).hidden


@pytest.mark.parametrize("preset", ["default", "tutorial"])
def test_preset_keeps_short_file_trainable(make_window, tmp_path, preset):
    path = tmp_path / "short30.csv"
    path.write_text("value\n" + "".join(f"{np.sin(0.5 * k):.4f}\n" for k in range(30)), encoding="utf-8")
    window = make_window(series=None)
    assert window.open_csv(str(path))
    adapted = window.config().seq_len
    assert adapted < 50

    window.apply_preset(preset)

    assert window.config().seq_len == adapted
    assert window.config().hidden == TrainConfig.preset(preset).hidden
    assert window.start_button.isEnabled()
    assert "window length" in window.statusBar().currentMessage()


def test_preset_sets_split_for_generator(make_window):
    window = make_window()
    window.set_config(window.config().replace(val_windows=None, val_fraction=0.3))

    window.apply_preset("tutorial")

    assert window.config().val_windows == TrainConfig.preset("tutorial").val_windows


def export_sample_predictions(qtbot, make_window, tmp_path, sample: str):
    """Train briefly on a shared sample file, export the predictions, and return the file and its rows."""
    window = make_window(TrainConfig().replace(**FAST), series=None)
    assert window.open_csv(str(SHARED_DATA / sample))
    train(qtbot, window)
    path = tmp_path / "predictions.csv"
    assert window.export_predictions(str(path))
    return path, read_exported(path)


def test_forecast_rows_continue_the_dates(qtbot, make_window, tmp_path):
    from rnn_desktop.core.csv_reader import inspect_csv

    path, rows = export_sample_predictions(qtbot, make_window, tmp_path, "airpassengers.csv")

    forecast = [row for row in rows if row["part"] == "forecast"]
    # Times at the series' step, as the file writes them, not 1961-01-01T00:00:00.
    assert [row["time"] for row in forecast[:3]] == ["1961-01", "1961-02", "1961-03"]
    first = int(rows[0]["position"])
    assert rows[0]["time"] == f"{1949 + first // 12}-{first % 12 + 1:02d}"
    # Reopened, the file keeps its date axis through the forecast rows.
    assert inspect_csv(path, column="prediction").time_column == "time"


def test_exported_years_stay_years(qtbot, make_window, tmp_path):
    from rnn_desktop.core.csv_reader import inspect_csv

    path, rows = export_sample_predictions(qtbot, make_window, tmp_path, "nile.csv")

    assert rows[0]["time"] == str(1871 + int(rows[0]["position"]))
    assert [row["time"] for row in rows if row["part"] == "forecast"][:2] == ["1971", "1972"]
    assert inspect_csv(path, column="prediction").time_column == "time"


def test_plot_export_leaves_out_hover_line(qtbot, make_window, tmp_path, monkeypatch):
    from rnn_desktop.gui import plots

    window = make_window()
    train(qtbot, window)
    panel = window.prediction_plot
    panel._cursor.setPos(60.0)
    panel._cursor.setVisible(True)
    seen = []
    original = plots._export_plot
    monkeypatch.setattr(plots, "_export_plot", lambda p, path: (seen.append(p._cursor.isVisible()),
                                                                original(p, path)))

    assert window.export_plot(panel, str(tmp_path / "predictions.png"))

    assert seen == [False]
    assert panel._cursor.isVisible()


def test_cannot_start_message_cleared_when_fixed(make_window):
    window = make_window()
    window.training_panel.seq_len.setValue(3200)
    window._on_config_edited()
    assert window.statusBar().currentMessage().startswith("Start is unavailable. ")

    window.apply_preset("default")

    assert window.start_button.isEnabled()
    assert window.statusBar().currentMessage() == ""


def test_load_dialog_comes_before_question(qtbot, make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    window = make_window(TrainConfig().replace(**FAST))
    train(qtbot, window)
    window.set_interactive(ask_on_close=True, show_dialogs=True)
    assert window.weights_unsaved
    questions: list[str] = []
    opened: list[bool] = []

    def question(parent, title, text, *args):
        questions.append(text)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (opened.append(True), ("", ""))[1])

    # The file comes first, so cancelling the file dialog shows no question.
    window.choose_load_weights()

    assert opened == [True]
    assert questions == []

    saved = tmp_path / "other.npz"
    window.trainer.save(str(saved))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(saved), ""))
    window.choose_load_weights()

    assert len(questions) == 1
    assert questions[0].startswith("Loading weights replaces the current model")
    assert window.weights_unsaved
    window.set_interactive(ask_on_close=False, show_dialogs=False)


def test_generator_gets_its_split_back_after_csv(make_window, settings):
    from rnn_desktop.gui.main_window import MainWindow

    window = make_window()
    assert window.config().val_windows == 50
    assert window.open_csv(str(SHARED_DATA / "nile.csv"))
    assert (window.config().val_windows, window.config().val_fraction) == (None, 0.2)

    assert window.data_panel.regenerate()
    assert (window.config().val_windows, window.config().val_fraction) == (50, None)

    # Across a restart too: the settings saved with the CSV's split give the sine its 50 windows back.
    assert window.open_csv(str(SHARED_DATA / "nile.csv"))
    window.save_settings()
    restored = MainWindow(settings=settings, restore_settings=True)
    try:
        assert restored.data_panel.csv_path() is None
        assert (restored.config().val_windows, restored.config().val_fraction) == (50, None)
    finally:
        restored.set_interactive(ask_on_close=False, show_dialogs=False)
        restored.close()


def test_chosen_split_stays_for_generator(make_window):
    window = make_window()
    assert window.open_csv(str(SHARED_DATA / "nile.csv"))
    window.data_panel.split_edited.emit()  # as when the person edits the split

    assert window.data_panel.regenerate()
    assert (window.config().val_windows, window.config().val_fraction) == (None, 0.2)


def test_header_only_file_message(make_window, tmp_path):
    from rnn_desktop.core.csv_reader import read_series
    from rnn_desktop.core.errors import RnnDesktopError

    path = tmp_path / "header_only.csv"
    path.write_text("date,value\n", encoding="utf-8")
    window = make_window()

    assert not window.open_csv(str(path))

    with pytest.raises(RnnDesktopError) as caught:
        read_series(str(path))
    assert window.statusBar().currentMessage() == str(caught.value)
    assert "has a header row but no data rows" in str(caught.value)


def test_csv_form_mixed_delimiters_error(make_window, tmp_path):
    # A row such as "12,74.3" is no number even with ',' as a thousands separator, so the read fails:
    # the error then names the two delimiters instead of blaming the cell.
    window = make_window(series=None)
    path = tmp_path / "mixed.csv"
    path.write_text("id;value\n" + "".join(f"{i},{70 + i}.5\n" for i in range(1, 61)), encoding="utf-8")

    assert not window.open_csv(str(path), delimiter="|")

    text = window.data_panel.csv_form.summary.text()
    assert "column \"id;value\": 29 cells are not numbers: line 2 \"1,71.5\"" in text
    assert (", and 24 more. The file reads as one column, but its header splits at the semicolon (;) into 2 "
            "columns (id, value) and its rows at the comma (,); if the comma (,) separates the columns, choose "
            "it as the delimiter.\n") in text
    assert "Correct or empty" not in text


def test_file_dialogs_start_in_a_useful_folder(make_window, settings, tmp_path, monkeypatch):
    window = make_window()
    monkeypatch.chdir(tmp_path)

    # Nothing chosen yet: the folder the app started in, where the command line wrote its files.
    assert window._last_folder() == str(tmp_path)

    chosen = tmp_path / "runs"
    chosen.mkdir()
    window._remember_folder(str(chosen / "model.npz"))
    assert window._last_folder() == str(chosen)

    # A remembered folder that is gone falls back to the start folder.
    chosen.rmdir()
    assert window._last_folder() == str(tmp_path)


def choose(combo, value) -> None:
    """Pick ``value`` in a Data tab list as a person does, which reloads the file."""
    index = combo.findData(value)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_chosen_delimiter_detects_decimal_again(make_window, tmp_path):
    window = make_window(series=None)
    path = tmp_path / "misure.csv"
    path.write_text("ora|livello\n" + "".join(f"{i};{i % 5 + 2},{i % 10}5\n" for i in range(40)), encoding="utf-8")
    # Read at '|' first: one column of whole rows such as "0;2,05", with the point as decimal mark.
    assert not window.open_csv(str(path), delimiter="|")
    form = window.data_panel.csv_form
    assert form.decimal.currentData() == "."

    choose(form.delimiter, ";")

    series = window.data_panel.series()
    assert series.source == str(path)
    assert form.decimal.currentData() == ","
    assert series.values[:3].tolist() == [2.05, 3.15, 4.25]


def test_chosen_decimal_kept_when_delimiter_changes(make_window, tmp_path):
    window = make_window(series=None)
    path = tmp_path / "interi.csv"
    path.write_text("t;v\n" + "".join(f"{i};{i % 5 + 2}\n" for i in range(40)), encoding="utf-8")
    assert window.open_csv(str(path))
    form = window.data_panel.csv_form
    assert form.decimal.currentData() == "."

    # Whole numbers read the same with either mark, so only the choice keeps the comma.
    choose(form.decimal, ",")
    choose(form.delimiter, ";")

    assert window.data_panel.series().source == str(path)
    assert form.decimal.currentData() == ","


def test_csv_form_notes_constant_column(make_window, tmp_path):
    window = make_window(series=None)
    path = tmp_path / "const.csv"
    path.write_text("t,value\n" + "".join(f"{i},42\n" for i in range(60)), encoding="utf-8")

    assert window.open_csv(str(path))

    assert window.data_panel.csv_form.notes.text() == (
        "Every value in column \"value\" is 42, so there is nothing to learn; if another column is the series, "
        "choose it above.")


def test_split_summary_suggests_shorter_window(make_window, tmp_path, qtbot):
    window = make_window(series=None)
    window.resize(1100, 700)
    window.show()
    qtbot.waitExposed(window)
    path = tmp_path / "sixty.csv"
    path.write_text("value\n" + "".join(f"{i % 7 + 0.5}\n" for i in range(60)), encoding="utf-8")
    width_before = window.data_panel.width()

    assert window.open_csv(str(path))
    qtbot.wait(50)

    assert window.config().seq_len == 50
    assert window.data_panel.split_form.summary.text() == (
        "8 training, 2 validation windows; a window length of 15 gives 36 training windows")
    # The longer summary wraps instead of widening the Data tab.
    assert window.data_panel.width() == width_before


def test_save_dialog_proposes_a_file_name(qtbot, make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = make_window(TrainConfig().replace(**FAST))
    monkeypatch.chdir(tmp_path)
    proposed: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda parent, title, start, *args, **kwargs: (
        proposed.append(start), ("", ""))[1])
    train(qtbot, window)

    window.choose_save_weights()
    assert proposed[-1] == str(tmp_path / "weights.npz")
    window.choose_export_predictions()
    assert proposed[-1] == str(tmp_path / "predictions.csv")

    saved = tmp_path / "sine-model.npz"
    assert window.save_weights(str(saved))
    window.choose_save_weights()
    assert proposed[-1] == str(tmp_path / "sine-model.npz")

    assert window.open_csv(str(SHARED_DATA / "nile.csv"))
    window.set_config(window.config().replace(**FAST))
    train(qtbot, window)
    window.choose_save_weights()
    assert proposed[-1] == str(tmp_path / "nile.npz")

    # Loaded weights propose the file they came from.
    assert window.load_weights(str(saved), origin="keep")
    window.choose_save_weights()
    assert proposed[-1] == str(tmp_path / "sine-model.npz")


def test_proposed_names_follow_model_data(qtbot, make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = make_window(TrainConfig().replace(**FAST), series=None)
    monkeypatch.chdir(tmp_path)
    proposed: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda parent, title, start, *args, **kwargs: (
        proposed.append(start), ("", ""))[1])
    assert window.open_csv(str(SHARED_DATA / "nile.csv"))
    train(qtbot, window)
    window.choose_export_predictions()
    assert proposed[-1] == str(tmp_path / "nile_predictions.csv")

    window.choose_export_history()
    assert proposed[-1] == str(tmp_path / "nile_loss_history.csv")
    window.choose_export_plot(window.loss_plot)
    assert proposed[-1] == str(tmp_path / "nile_loss_plot.png")

    assert window.open_csv(str(SHARED_DATA / "airpassengers.csv"))
    window.choose_save_weights()
    assert proposed[-1] == str(tmp_path / "nile.npz")

    # No file name is asked for predictions that do not exist for the series shown.
    asked = len(proposed)
    window.choose_export_predictions()
    assert len(proposed) == asked
    assert window.last_error.startswith("The model was trained on other data than the series shown")


def test_history_export_needs_epochs(make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    window = make_window()
    dialogs: list[bool] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (dialogs.append(True), ("", ""))[1])

    window.choose_export_history()

    assert dialogs == []
    assert window.last_error == "There is no loss history yet. Train with Start or Step, then export it."


def test_csv_form_notes_delimiter_other_than_detected(make_window, tmp_path):
    window = make_window(series=None)
    path = tmp_path / "semi.csv"
    path.write_text("date,value\n" + "".join(f"2021-01-{day:02d};{day % 7 + 2},{day % 9}5\n" for day in range(1, 29)),
                    encoding="utf-8")
    assert window.open_csv(str(path))
    form = window.data_panel.csv_form
    assert form.notes.text() == ""

    choose(form.delimiter, ",")

    assert form.notes.text() == ("The rows are split at the comma (,) chosen above, but detection chooses the "
                                 "semicolon (;); if the semicolon (;) separates the columns, choose it as the "
                                 "delimiter.")


def test_blank_column_listed_empty_and_disabled(make_window, tmp_path):
    path = tmp_path / "weather.csv"
    rows = "".join(f"2024-01-{day:02d},{day % 5 + 2.5},,{70 + day % 11}\n" for day in range(1, 41))
    path.write_text("date,temperature,,humidity\n" + rows, encoding="utf-8")
    window = make_window(series=None)

    assert window.open_csv(str(path))

    column = window.data_panel.csv_form.column
    assert [column.itemText(i) for i in range(column.count())] == [
        "date (date and time)", "temperature (numeric)", "column 2 (empty)", "humidity (numeric)"]
    assert not column.model().item(2).isEnabled()
    assert column.currentData() == "humidity"


def test_units_row_file_opens(make_window, tmp_path):
    path = tmp_path / "weather.csv"
    rows = "".join(f"2024-01-{day:02d},{day % 5 + 2.5},,{70 + day % 11}\n" for day in range(1, 41))
    path.write_text("date,temperature,,humidity\n,°C,,%\n" + rows, encoding="utf-8")
    window = make_window(series=None)

    assert window.open_csv(str(path))

    form = window.data_panel.csv_form
    assert len(window.data_panel.series()) == 40
    assert [form.column.itemText(i) for i in range(form.column.count())] == [
        "date (date and time)", "temperature (°C, numeric)", "column 2 (empty)", "humidity (%, numeric)"]
    assert form.column.currentData() == "humidity"
    assert "Line 2 contains units (temperature: °C, humidity: %), so it is not read as data." in form.notes.text()
    assert window.prediction_plot.plot.getAxis("left").labelText == "humidity (%)"


def test_bracketed_unit_in_axis_label(make_window, tmp_path):
    path = tmp_path / "sales.csv"
    rows = "".join(f"{day:02d}/01/2024;{day * 3},50\n" for day in range(1, 41))
    path.write_text("Data;Vendite\n;(EUR)\n" + rows, encoding="utf-8")
    window = make_window(series=None)

    assert window.open_csv(str(path))

    form = window.data_panel.csv_form
    assert form.column.itemText(1) == "Vendite (EUR, numeric)"
    assert window.prediction_plot.plot.getAxis("left").labelText == "Vendite (EUR)"
    assert "Line 2 contains units (Vendite: (EUR)), so it is not read as data." in form.notes.text()


@pytest.mark.parametrize("time", [
    np.array(["2023-06-01T08:00", "2023-06-01T09:00", "2023-06-01T07:00"], dtype="datetime64[s]"),
    np.array(["2023-06-01", "NaT", "2023-06-03"], dtype="datetime64[s]"),
    np.array([1.0, 3.0, 2.0]),
    np.array([1.0, np.nan, 3.0]),
])
def test_future_times_none_when_time_goes_back(time):
    from rnn_desktop.gui.exporting import future_times

    assert future_times(time, 3) is None


def test_repeated_time_keeps_the_time_axis():
    from rnn_desktop.gui.exporting import future_times
    from rnn_desktop.gui.plots import time_x_values

    # One instant written with two UTC offsets at the change of summer time.
    hours = np.array(["2021-03-28T00:00", "2021-03-28T01:00", "2021-03-28T01:00", "2021-03-28T02:00"],
                     dtype="datetime64[s]")

    assert time_x_values(4, hours) is not None
    assert future_times(hours, 1) == np.array(["2021-03-28T03:00"], dtype="datetime64[s]")
    assert time_x_values(2, hours[1:3]) is None


def test_future_times_continue_axis():
    from rnn_desktop.gui.exporting import future_times

    hours = np.array(["2023-06-01T08:00", "2023-06-01T09:00", "2023-06-01T10:00"], dtype="datetime64[s]")
    expected = np.array(["2023-06-01T11:00", "2023-06-01T12:00"], dtype="datetime64[s]")
    assert np.array_equal(future_times(hours, 2), expected)
    assert np.array_equal(future_times(np.array([1900.0, 1901.0, 1902.0]), 2), [1903.0, 1904.0])


def test_forecast_rows_untimed_when_time_goes_back(qtbot, make_window, tmp_path):
    data = tmp_path / "back.csv"
    rows = [f"2023-06-01T{hour:02d}:00,{np.sin(hour / 3):.4f}" for hour in range(24)]
    rows[12] = "2023-05-31T23:00," + rows[12].split(",")[1]
    data.write_text("time,value\n" + "\n".join(rows) + "\n", encoding="utf-8")
    window = make_window(TrainConfig().replace(**{**FAST, "seq_len": 4}), series=None)
    assert window.open_csv(str(data))
    train(qtbot, window)
    predictions = tmp_path / "predictions.csv"

    assert window.export_predictions(str(predictions))

    exported = read_exported(predictions)
    forecast = [row for row in exported if row["part"] == "forecast"]
    assert forecast
    assert {row["time"] for row in forecast} == {""}
    assert exported[0]["time"].startswith("2023-06-01T")


def test_exports_disabled_without_model(qtbot, make_window):
    window = make_window()
    window._update_controls()

    assert not window.export_predictions_action.isEnabled()
    assert not window.export_history_action.isEnabled()
    assert not window.save_weights_action.isEnabled()

    train(qtbot, window)

    assert window.export_predictions_action.isEnabled()
    assert window.export_history_action.isEnabled()


def test_shared_column_names_distinguished(qtbot, make_window, tmp_path):
    data = tmp_path / "dup.csv"
    data.write_text("x,x\n" + "".join(f"{k},{100 + k}\n" for k in range(60)), encoding="utf-8")
    window = make_window(series=None)
    assert window.open_csv(str(data))
    panel = window.data_panel

    # The default is the last numeric column, which is the second x.
    assert panel.series().values[0] == 100
    combo = panel.csv_form.column
    assert [combo.itemText(i) for i in range(combo.count())] == ["x (index 0, numeric)", "x (index 1, numeric)"]
    panel.csv_form.column.setCurrentIndex(0)
    panel.csv_form.column.activated.emit(0)
    qtbot.waitUntil(lambda: panel.series().values[0] == 0)

    from rnn_desktop.core.series import series_origin

    assert series_origin(panel.series())["column"] == 0


def test_diagnostics_plots_export(qtbot, make_window, tmp_path):
    from PySide6.QtGui import QImage

    window = make_window()
    window._update_controls()
    assert not window.export_gradient_plot_action.isEnabled()
    window.gradients_action.trigger()
    assert window.export_gradient_plot_action.isEnabled()
    assert window.export_hidden_plot_action.isEnabled()
    train(qtbot, window)

    for panel, name in ((window.gradient_plot, "gradient.png"), (window.hidden_plot, "hidden.svg")):
        path = tmp_path / name
        assert window.export_plot(panel, str(path))
        assert path.stat().st_size > 1000
    # Wide enough for a slide, whatever the plot's size on screen.
    assert QImage(str(tmp_path / "gradient.png")).width() >= 1600


def test_data_tab_notes_gaps_in_time(make_window, tmp_path):
    import datetime

    start = datetime.datetime(2024, 3, 1)
    rows = "".join(f"{start + datetime.timedelta(minutes=i):%Y-%m-%d %H:%M},{i % 5}\n" for i in range(300)
                   if i not in (120, 121, 200))
    data = tmp_path / "log.csv"
    data.write_text("timestamp,value\n" + rows, encoding="utf-8")
    window = make_window(series=None)

    assert window.open_csv(str(data))

    assert ("The times step by 1 minute, but 2 steps are longer, the longest 3 minutes before line 122; the model "
            "takes the rows as evenly spaced.") in window.data_panel.csv_form.notes.text().splitlines()
