"""The gui command's options: overrides of loaded files, one-off settings and write failures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from gui_helpers import SHARED_DATA

from rnn_desktop.core.generators import generate
from rnn_desktop.core.training import TrainConfig, Trainer


def run_gui_command(tmp_path, *options: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "rnn_desktop", "gui", *options], capture_output=True,
                          text=True, timeout=timeout, env=gui_env(tmp_path), cwd=tmp_path)


def gui_env(tmp_path) -> dict[str, str]:
    """Return the environment of a gui subprocess: offscreen, with its settings and log under tmp_path."""
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
                XDG_DATA_HOME=str(tmp_path / "data"))


def start_gui(tmp_path, *options: str, new_group: bool = False) -> subprocess.Popen:
    """Start the gui command in the background, with text pipes for stdout and stderr.

    ``new_group`` puts it in a process group of its own, which a signal can then reach
    as a terminal's Ctrl+C reaches its foreground group: the gui and its training process.
    """
    return subprocess.Popen([sys.executable, "-m", "rnn_desktop", "gui", *options], env=gui_env(tmp_path),
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=new_group)


def wait_for_first_run(tmp_path, timeout: float = 120) -> str:
    """Wait until the gui's log file says run 1 started, and return the log's text."""
    import time

    log_text = ""
    deadline = time.monotonic() + timeout
    while "run 1 started" not in log_text and time.monotonic() < deadline:
        time.sleep(0.2)
        logs = list((tmp_path / "data").rglob("*.log"))
        log_text = logs[0].read_text(encoding="utf-8") if logs else ""
    assert "run 1 started" in log_text, f"training did not start within {timeout:.0f} s"
    return log_text


def test_epochs_option_wins_over_loaded_file(tmp_path):
    trainer = Trainer(TrainConfig().replace(epochs=4, hidden=8, batch_size=16, patience=None),
                      generate("sine", length=200).values)
    trainer.run()
    trainer.save(tmp_path / "w.npz")

    result = run_gui_command(tmp_path, "--load", "w.npz", "--epochs", "3", "--autostart",
                             "--exit-when-done", "--report", "r.json")

    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["epochs_this_run"] == 3
    assert report["epochs_run"] == 7
    assert report["config"]["epochs"] == 3


def test_short_csv_trains_with_defaults(tmp_path):
    result = run_gui_command(tmp_path, "--csv", str(SHARED_DATA / "nile.csv"), "--epochs", "2",
                             "--autostart", "--exit-when-done", "--report", "r.json")

    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["epochs_this_run"] == 2
    assert report["config"]["val_fraction"] == 0.2


def test_report_in_missing_folder_says_why(tmp_path):
    result = run_gui_command(tmp_path, "--epochs", "1", "--hidden", "4", "--autostart", "--exit-when-done",
                             "--report", "missing/r.json", "--screenshot", "missing/w.png")

    assert result.returncode == 2
    assert (f"cannot write --report missing/r.json: the folder {tmp_path / 'missing'} does not exist; "
            "create it or choose another folder") in result.stderr
    assert "Errno" not in result.stderr


def test_report_failing_at_write_exits_1(tmp_path):
    # /dev/full accepts the open and fails the write with ENOSPC, as a full disk does.
    (tmp_path / "r.json").symlink_to("/dev/full")

    result = run_gui_command(tmp_path, "--epochs", "1", "--hidden", "4", "--autostart", "--exit-when-done",
                             "--report", "r.json", "--screenshot", "w.png")

    assert result.returncode == 1
    assert "could not write r.json: No space left on device" in result.stderr
    assert (tmp_path / "w.png").stat().st_size > 0


def test_exit_when_done_needs_autostart(capsys):
    from rnn_desktop.cli import main

    with pytest.raises(SystemExit) as raised:
        main(["gui", "--exit-when-done"])

    assert raised.value.code == 2
    assert "rnn-desktop gui: error: --exit-when-done needs --autostart" in capsys.readouterr().err


def test_one_off_settings_are_not_saved(qtbot, settings):
    from rnn_desktop.gui.main_window import MainWindow

    window = MainWindow(settings=settings, restore_settings=False)
    window.set_interactive(ask_on_close=False, show_dialogs=False)
    window.set_remember_config(False)
    window.set_config(window.config().replace(epochs=2))
    window.close()

    reopened = MainWindow(settings=settings, restore_settings=True)
    qtbot.addWidget(reopened)

    assert reopened.config().epochs == TrainConfig().epochs


def parse_gui(*options: str):
    from rnn_desktop.cli import build_parser

    return build_parser().parse_args(["gui", *options])


@pytest.mark.parametrize("option, value", [
    ("--lr", "-1"), ("--hidden", "0"), ("--epochs", "-3"), ("--batch-size", "0"), ("--seq-len", "0"),
    ("--momentum", "1"), ("--val-fraction", "2"), ("--length", "1"), ("--noise", "-0.5"),
])
def test_gui_rejects_options_like_train(capsys, option, value):
    from PySide6.QtWidgets import QApplication

    from rnn_desktop.cli import main
    from rnn_desktop.gui.main_window import MainWindow

    windows_before = {id(widget) for widget in QApplication.topLevelWidgets() if isinstance(widget, MainWindow)}
    train_status = main(["train", option, value])
    train_error = capsys.readouterr().err
    # A scripted run, so a gui command that accepts the value ends by itself instead of waiting for a person.
    gui_status = main(["gui", option, value, "--autostart", "--exit-when-done"])
    gui_error = capsys.readouterr().err

    assert train_status == 2
    assert gui_status == 2
    assert train_error.startswith("rnn-desktop train: error: ")
    assert gui_error == train_error.replace("rnn-desktop train:", "rnn-desktop gui:", 1)
    windows_after = {id(widget) for widget in QApplication.topLevelWidgets() if isinstance(widget, MainWindow)}
    assert windows_after == windows_before


@pytest.mark.parametrize("options, expected", [
    (("--hidden", "100000"), "--hidden 100000 is outside the range the window accepts, 1 to 4096"),
    (("--epochs", "0"), "--epochs 0 is outside the range the window accepts, 1 to 10000000"),
    (("--lr", "1e-9"), "--lr 1e-09 is outside the range the window accepts, 1e-07 to 100"),
    (("--momentum", "0.99995", "--optimizer", "momentum"), "--momentum 0.99995 is outside the range"),
    (("--val-fraction", "0.0005"), "--val-fraction 0.0005 is outside the range the window accepts, 0.001 to 0.999"),
    (("--val-fraction", "0.1234"), "--val-fraction 0.1234 has more decimal places than the window keeps (3)"),
    (("--noise", "0.00001"), "--noise 1e-05 has more decimal places than the window keeps (4)"),
    (("--generator", "sine_wave", "--param", "phase=0.123456"),
     "--param phase=0.123456 has more decimal places than the window keeps (4)"),
    (("--clip-norm", "2000000"), "--clip-norm 2000000 is outside the range the window accepts, 0.0001 to 1000000"),
    (("--lr", "1e6"), "--lr 1000000 is outside the range the window accepts, 1e-07 to 100"),
])
def test_gui_rejects_values_beyond_widgets(make_window, options, expected):
    from rnn_desktop.commands.gui import check_options, widget_limits_problem

    args = parse_gui(*options)
    window = make_window()

    assert check_options(args) is None
    problem = widget_limits_problem(window, args, scripted=False)
    assert problem is not None
    assert problem.startswith(expected), problem


def test_gui_accepts_values_at_window_limits(make_window):
    from rnn_desktop.commands.gui import apply_options, check_options, widget_limits_problem

    args = parse_gui("--hidden", "4096", "--lr", "1e-7", "--val-fraction", "0.25", "--noise", "0.0001",
                     "--epochs", "1", "--seed", "2147483647")
    window = make_window()

    assert check_options(args) is None
    assert widget_limits_problem(window, args, scripted=False) is None
    assert apply_options(window, args, scripted=False) is None
    config = window.config()
    assert config.hidden == 4096
    assert config.lr == 1e-7
    assert config.val_fraction == 0.25
    assert config.seed == 2147483647
    assert window.data_panel.generator_form.noise.value() == 0.0001


@pytest.mark.parametrize("scripted", [False, True])
def test_unread_csv_leaves_sine_split(make_window, tmp_path, scripted):
    from rnn_desktop.commands.gui import apply_options

    path = tmp_path / "text.csv"
    path.write_text("t,y\n" + "".join(f"{i},{i % 5}\n" for i in range(80)) + "80,oops\n", encoding="utf-8")
    args = parse_gui("--csv", str(path), "--missing", "refuse", "--epochs", "2",
                     *(["--autostart"] if scripted else []))
    window = make_window()

    problem = apply_options(window, args, scripted=scripted)

    assert (problem is not None) == scripted
    assert "oops" in window.last_error
    assert window.data_panel.series().source == "generator sine"
    assert (window.config().val_windows, window.config().val_fraction) == (50, None)
    assert window.data_panel.split_form.summary.text() == "100 training, 50 validation windows"


def test_scripted_run_notes_adapted_settings(tmp_path):
    result = run_gui_command(tmp_path, "--length", "10", "--epochs", "1", "--autostart", "--exit-when-done",
                             "--report", "r.json", timeout=120)

    assert result.returncode == 0, result.stderr
    assert ("rnn-desktop gui: note: the series has 10 values, too few for the window length and split asked for, so "
            "the window uses --seq-len 2 (not 50) and --val-fraction 0.2 (not --val-windows 50); give "
            "these options to choose other values") in result.stderr


def test_start_problem_in_trains_words(tmp_path):
    result = run_gui_command(tmp_path, "--length", "10", "--val-windows", "50", "--autostart", "--exit-when-done",
                             "--report", "r.json", timeout=120)

    assert result.returncode == 2
    expected = ("training did not start: the series has 10 values but needs at least 53 for windows of 2 values, "
                "their targets and 50 validation windows; use a longer series (--length), a smaller --seq-len or "
                "fewer validation windows (--val-windows at most 7)")
    assert f"rnn-desktop gui: error: {expected}" in result.stderr
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["error"] == expected


def test_scripted_run_without_adaptation_has_no_note(tmp_path):
    result = run_gui_command(tmp_path, "--csv", str(SHARED_DATA / "nile.csv"), "--seq-len", "10", "--epochs", "1",
                             "--autostart", "--exit-when-done", timeout=120)

    assert result.returncode == 0, result.stderr
    assert "note:" not in result.stderr


def test_hidden_above_limit_exits_early(tmp_path):
    result = run_gui_command(tmp_path, "--hidden", "100000", "--autostart", "--exit-when-done",
                             "--report", "r.json", timeout=120)

    assert result.returncode == 2
    assert "--hidden 100000 is outside the range the window accepts, 1 to 4096" in result.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["stop_reason"] == "not_started"
    assert "--hidden 100000" in report["error"]


def test_scripted_run_keeps_saved_layout(tmp_path):
    from PySide6.QtCore import QSettings

    conf = tmp_path / "config" / "rnn-desktop" / "rnn-desktop.conf"
    conf.parent.mkdir(parents=True)
    saved = QSettings(str(conf), QSettings.Format.IniFormat)
    saved.setValue("geometry", b"person's layout")
    saved.sync()

    result = run_gui_command(tmp_path, "--epochs", "1", "--autostart", "--exit-when-done", timeout=120)

    assert result.returncode == 0, result.stderr
    after = QSettings(str(conf), QSettings.Format.IniFormat)
    assert after.value("geometry") == b"person's layout"
    assert after.value("config") is None


def test_data_tab_shows_generator_options(qtbot, settings):
    from rnn_desktop.commands.common import series_from_args
    from rnn_desktop.commands.gui import apply_options
    from rnn_desktop.gui.main_window import MainWindow

    args = parse_gui("--generator", "sine_wave", "--length", "500", "--param", "period=30", "--param",
                     "amplitude=2", "--noise", "0.1", "--seed", "3", "--epochs", "2", "--hidden", "8",
                     "--autostart")
    expected = series_from_args(args).values
    window = MainWindow(settings=settings, restore_settings=False)
    window.set_interactive(ask_on_close=False, show_dialogs=False)
    qtbot.addWidget(window)

    assert apply_options(window, args, scripted=True) is None

    form = window.data_panel.generator_form
    assert form.name.currentData() == "sine_wave"
    assert form.length.value() == 500
    assert form.noise.value() == 0.1
    assert form.noise_seed.value() == 3
    assert form.params()["period"] == 30
    assert form.params()["amplitude"] == 2
    assert form.params()["phase"] == 0
    np.testing.assert_array_equal(window.data_panel.series().values, expected)

    for _ in range(2):
        with qtbot.waitSignal(window.run_finished, timeout=60000):
            assert window.start_training()
        np.testing.assert_array_equal(window.trainer.values, expected)
    assert window.trainer.epoch == 4

    # Any change in the form regenerates from what it shows, which is the series trained on.
    assert window.data_panel.regenerate()
    np.testing.assert_array_equal(window.data_panel.series().values, expected)


@pytest.mark.parametrize("option", ["--screenshot", "--report"])
def test_outputs_need_autostart(tmp_path, option):
    # A command that accepted the option would open a window and wait for a person until the timeout.
    result = run_gui_command(tmp_path, option, "out.file", timeout=60)

    assert result.returncode == 2
    assert f"rnn-desktop gui: error: {option} needs --autostart" in result.stderr
    assert not (tmp_path / "out.file").exists()


def test_scripted_run_refuses_one_column_file(tmp_path):
    result = run_gui_command(tmp_path, "--csv", str(SHARED_DATA / "nile.csv"), "--delimiter", ";",
                             "--autostart", "--exit-when-done", "--report", "r.json")

    # As train does: with ';' the row "1871,1120" would train as the number 1871.112.
    assert result.returncode == 2
    assert ("the file reads as one column, but the header and the rows split at ',' into 2 columns (year, flow)"
            in result.stderr)
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["stop_reason"] == "not_started"
    assert report["epochs_this_run"] == 0


def test_run_that_cannot_start_writes_report(tmp_path):
    result = run_gui_command(tmp_path, "--csv", str(SHARED_DATA / "nile.csv"), "--val-windows", "50",
                             "--autostart", "--exit-when-done", "--report", "r.json")

    assert result.returncode == 2
    assert "training did not start" in result.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["stop_reason"] == "not_started"
    assert report["epochs_this_run"] == 0
    assert "training did not start" in report["error"]
    assert "100 values" in report["error"]


def assert_screenshot_written(path) -> None:
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), f"{path} is missing or not an image"
    assert image.width() > 400
    assert image.height() > 300


def test_run_that_cannot_start_writes_screenshot(tmp_path):
    result = run_gui_command(tmp_path, "--csv", str(SHARED_DATA / "nile.csv"), "--val-windows", "50",
                             "--autostart", "--exit-when-done", "--screenshot", "s.png")

    assert result.returncode == 2
    assert "training did not start" in result.stderr
    assert_screenshot_written(tmp_path / "s.png")


def test_bad_csv_exit_when_done_writes_screenshot(tmp_path):
    path = tmp_path / "cells.csv"
    path.write_text("value\n" + "".join(f"{i}.5\n" for i in range(100)) + "three\nfour\n", encoding="utf-8")

    result = run_gui_command(tmp_path, "--csv", str(path), "--autostart", "--exit-when-done",
                             "--screenshot", "s.png", "--report", "r.json")

    assert result.returncode == 2
    assert "2 cells are not numbers" in result.stderr
    assert_screenshot_written(tmp_path / "s.png")
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["stop_reason"] == "not_started"


def test_italian_window_reports_errors_in_english(tmp_path):
    path = tmp_path / "cells.csv"
    path.write_text("value\n" + "".join(f"{i}.5\n" for i in range(100)) + "three\nfour\n", encoding="utf-8")

    result = run_gui_command(tmp_path, "--language", "it", "--csv", str(path), "--autostart", "--exit-when-done",
                             "--report", "r.json")

    assert result.returncode == 2
    english = f"{path}, column 'value': 2 cells are not numbers: line 102 'three', line 103 'four'."
    assert english in result.stderr
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["error"].startswith(english)
    log_text = "".join(log.read_text(encoding="utf-8") for log in (tmp_path / "data").rglob("*.log"))
    assert f"shown to the user: {english}" in log_text


def test_invalid_option_writes_report(tmp_path):
    result = run_gui_command(tmp_path, "--lr", "-1", "--autostart", "--exit-when-done", "--report", "r.json")

    assert result.returncode == 2
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["stop_reason"] == "not_started"
    assert report["error"].startswith("--lr must be a number above 0")


@pytest.mark.parametrize(("option", "name", "expected"), [
    ("--csv", "missing.csv", "CSV file not found"),
    ("--load", "missing.npz", "the file does not exist"),
    ("--load", "broken.npz", "not an npz archive"),
])
def test_unreadable_file_rejected_before_window(tmp_path, option, name, expected):
    path = tmp_path / name
    if name.startswith("broken"):
        path.write_bytes(b"not a zip archive")
    report = tmp_path / "report.json"

    result = run_gui_command(tmp_path, option, str(path), "--autostart", "--exit-when-done",
                             "--report", str(report))

    assert result.returncode == 2
    assert result.stderr.startswith("rnn-desktop gui: error: ")
    assert expected in result.stderr
    assert str(path) in result.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["stop_reason"] == "not_started"
    assert expected in data["error"]
    # The window never opened, so it drew no curve, not even the default sine.
    assert data["curve_points"] == {}


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_bad_csv_autostart_trains_nothing(tmp_path):
    import signal
    import time

    path = tmp_path / "cells.csv"
    path.write_text("value\n" + "".join(f"{i}.5\n" for i in range(100)) + "three\nfour\n", encoding="utf-8")
    report = tmp_path / "r.json"
    screenshot = tmp_path / "s.png"
    app = start_gui(tmp_path, "--csv", str(path), "--autostart", "--report", str(report),
                    "--screenshot", str(screenshot))
    try:
        deadline = time.monotonic() + 120
        while not (report.exists() and screenshot.exists()) and time.monotonic() < deadline:
            time.sleep(0.2)
        # The window stays open, showing the error, until the person closes it.
        time.sleep(1.0)
        assert app.poll() is None
        app.send_signal(signal.SIGTERM)
        _, stderr = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()

    assert "2 cells are not numbers: line 102 'three', line 103 'four'" in stderr
    # The offscreen plugin's note on a limit of its own stays in the log.
    assert "propagateSizeHints" not in stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["stop_reason"] == "not_started"
    assert "2 cells are not numbers" in data["error"]
    assert data["epochs_shown"] == 0
    assert screenshot.stat().st_size > 0
    log_text = "".join(log.read_text(encoding="utf-8") for log in (tmp_path / "data").rglob("*.log"))
    assert "training started" not in log_text


def test_missing_csv_exits_without_autostart(tmp_path):
    result = run_gui_command(tmp_path, "--csv", str(tmp_path / "missing.csv"))
    assert result.returncode == 2
    assert "CSV file not found" in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGINT"])
def test_stop_signal_closes_window_cleanly(tmp_path, signal_name):
    import re
    import signal
    import time

    app = start_gui(tmp_path, "--epochs", "100000", "--patience", "none", "--autostart")
    try:
        log_text = wait_for_first_run(tmp_path)
        child = int(re.search(r"in process (\d+)", log_text).group(1))

        app.send_signal(getattr(signal, signal_name))
        _, stderr = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()

    number = getattr(signal, signal_name).value
    assert app.returncode == 128 + number, stderr
    assert "Traceback" not in stderr
    log_text = next((tmp_path / "data").rglob("*.log")).read_text(encoding="utf-8")
    assert f"received {signal_name}: closing the window" in log_text
    assert "window closed" in log_text
    assert not Path(f"/proc/{child}").exists() or "zombie" in Path(f"/proc/{child}/status").read_text().lower()


def test_load_with_other_hidden_rejected_like_train(tmp_path, capsys):
    from rnn_desktop.cli import main

    trainer = Trainer(TrainConfig().replace(epochs=1, hidden=6, batch_size=16, patience=None),
                      generate("sine", length=200).values)
    trainer.run()
    trainer.save(tmp_path / "w6.npz")
    before = (tmp_path / "w6.npz").read_bytes()
    train_code = main(["train", "--load", str(tmp_path / "w6.npz"), "--hidden", "8"])
    train_error = capsys.readouterr().err.removeprefix("rnn-desktop train: error: ").strip()

    result = run_gui_command(tmp_path, "--load", str(tmp_path / "w6.npz"), "--hidden", "8", "--autostart",
                             "--exit-when-done", "--report", "r.json", "--save", str(tmp_path / "w6.npz"))

    assert train_code == 2
    assert train_error.startswith("--hidden 8 does not match the weights file")
    assert result.returncode == 2
    assert result.stderr == f"rnn-desktop gui: error: {train_error}\n"
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["stop_reason"] == "not_started"
    assert report["error"] == train_error
    assert (tmp_path / "w6.npz").read_bytes() == before


def test_load_alone_opens_recorded_data(qtbot, settings, tmp_path):
    from rnn_desktop.commands.gui import apply_options
    from rnn_desktop.gui.main_window import MainWindow

    data, _ = make_recorded_weights(tmp_path, epochs=2)
    window = MainWindow(settings=settings, restore_settings=False)
    window.set_interactive(ask_on_close=False, show_dialogs=False)
    qtbot.addWidget(window)
    assert apply_options(window, parse_gui("--load", str(tmp_path / "w.npz")), scripted=False) is None

    assert window.data_panel.csv_path() == str(data.resolve())
    assert window.trainer.epoch == 2
    assert window.trainer.load_warning is None


def make_recorded_weights(tmp_path, epochs: int = 1):
    """Train on a CSV file for ``epochs`` and save weights that record it; return (CSV path, weights path)."""
    from rnn_desktop.core.csv_reader import read_series
    from rnn_desktop.core.series import series_origin

    data = tmp_path / "levels.csv"
    data.write_text("day,level\n" + "".join(f"{i},{np.cos(0.2 * i):.4f}\n" for i in range(150)), encoding="utf-8")
    series = read_series(data)
    trainer = Trainer(TrainConfig(epochs=epochs, hidden=8, val_windows=None, val_fraction=0.2), series.values,
                      source=series.source)
    trainer.origin = series_origin(series)
    trainer.run()
    trainer.save(tmp_path / "w.npz")
    return data, tmp_path / "w.npz"


@pytest.mark.parametrize("language", ["en", "it"])
def test_scripted_load_without_recorded_csv_trains_nothing(tmp_path, language):
    data, weights = make_recorded_weights(tmp_path)
    data.unlink()

    result = run_gui_command(tmp_path, "--load", str(weights), "--autostart", "--exit-when-done",
                             "--save", "out.npz", "--report", "r.json", "--language", language)

    assert result.returncode == 2
    # The command line's words, in English whatever the window's language.
    assert f"{weights} was trained on {data}, which could not be read again" in result.stderr
    assert "not found" in result.stderr
    assert "give the data with --csv or --generator" in result.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert "could not be read again" in report["error"]
    assert not (tmp_path / "out.npz").exists()
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["stop_reason"] == "not_started"


def test_report_over_recorded_csv_rejected(tmp_path):
    data, weights = make_recorded_weights(tmp_path)
    before = data.read_bytes()

    result = run_gui_command(tmp_path, "--load", str(weights), "--autostart", "--exit-when-done",
                             "--report", str(data), timeout=120)

    assert result.returncode == 2
    assert f"--report {data} is also the CSV file that {weights} records" in result.stderr
    assert data.read_bytes() == before


def test_gui_json_option_rejected(capsys):
    from rnn_desktop.cli import main

    with pytest.raises(SystemExit) as caught:
        main(["gui", "--json", "x.json"])
    assert caught.value.code == 2
    assert "rnn-desktop gui: error: --json is for train; gui writes" in capsys.readouterr().err


def test_diverged_gui_run_exits_1(tmp_path):
    earlier = tmp_path / "w.npz"
    earlier.write_bytes(b"earlier weights")
    result = run_gui_command(tmp_path, "--lr", "50", "--optimizer", "sgd", "--clip-norm", "none", "--epochs", "5",
                             "--autostart", "--exit-when-done", "--report", "r.json", "--save", "w.npz")

    assert result.returncode == 1
    assert "rnn-desktop gui: error: training diverged: the training loss reached" in result.stderr
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["stop_reason"] == "diverged"
    # Weights from a diverged run never replace the file --save names.
    assert earlier.read_bytes() == b"earlier weights"
    assert ("rnn-desktop gui: warning: --save w.npz was not written, because training diverged, so it keeps what it held "
            "before this run") in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signal_name, whole_group", [("SIGTERM", False), ("SIGTERM", True), ("SIGINT", True)])
def test_stop_signal_writes_scripted_outputs(tmp_path, signal_name, whole_group):
    import os
    import signal
    import time

    from rnn_desktop.core.weights import load_weights

    app = start_gui(tmp_path, "--epochs", "100000", "--patience", "none", "--hidden", "8", "--autostart",
                    "--exit-when-done", "--report", "r.json", "--save", "w.npz", new_group=whole_group)
    number = getattr(signal, signal_name)
    try:
        wait_for_first_run(tmp_path)
        time.sleep(2.0)
        if whole_group:  # as Ctrl+C in a terminal or `timeout` does: the training process gets it too
            os.killpg(app.pid, number)
        else:
            app.send_signal(number)
        _, stderr = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()

    assert app.returncode == 128 + number, stderr
    assert "Traceback" not in stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["stop_reason"] == "stopped"
    assert report["epochs_run"] >= 1
    name = "Ctrl+C" if signal_name == "SIGINT" else signal_name
    # The signal lands inside an epoch or between two.
    assert report["reason"] in (f"stopped by {name} in epoch {report['epochs_run']}, which counts with the batches it ran",
                                f"stopped by {name} after epoch {report['epochs_run']}")
    assert load_weights(tmp_path / "w.npz").metadata["epoch"] == report["epochs_run"]


def test_load_onto_other_csv_prints_warning(tmp_path):
    data, weights = make_recorded_weights(tmp_path)
    other = tmp_path / "other.csv"
    other.write_text("day,level\n" + "".join(f"{i},{np.sin(0.1 * i):.4f}\n" for i in range(150)), encoding="utf-8")

    result = run_gui_command(tmp_path, "--load", str(weights), "--csv", str(other), "--epochs", "1",
                             "--autostart", "--exit-when-done")

    assert result.returncode == 0, result.stderr
    assert f"rnn-desktop gui: warning: the weights in {weights} were trained on {data}" in result.stderr


def test_scripted_run_leaves_recent_files_alone(tmp_path):
    from PySide6.QtCore import QSettings

    conf = tmp_path / "config" / "rnn-desktop" / "rnn-desktop.conf"
    conf.parent.mkdir(parents=True)
    saved = QSettings(str(conf), QSettings.Format.IniFormat)
    saved.setValue("recentFiles", ["/data/earlier.csv"])
    saved.sync()

    result = run_gui_command(tmp_path, "--csv", str(SHARED_DATA / "nile.csv"), "--seq-len", "10", "--epochs", "1",
                             "--autostart", "--exit-when-done")

    assert result.returncode == 0, result.stderr
    settings_text = conf.read_text(encoding="utf-8")
    assert "earlier.csv" in settings_text
    assert "nile.csv" not in settings_text
