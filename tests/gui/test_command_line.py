"""The gui command's options: overrides of loaded files, one-off settings and write failures."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from gui_helpers import SHARED_DATA

from rnn_desktop.core.generators import generate
from rnn_desktop.core.training import TrainConfig, Trainer


def run_gui_command(tmp_path, *options: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    return subprocess.run([sys.executable, "-m", "rnn_desktop", "gui", *options], capture_output=True,
                          text=True, timeout=300, env=env, cwd=tmp_path)


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

    assert result.returncode == 1
    assert "missing/r.json: the folder missing does not exist" in result.stderr
    assert "missing/w.png: the folder missing does not exist" in result.stderr
    assert "Errno" not in result.stderr


def test_exit_when_done_needs_autostart(capsys):
    from rnn_desktop.cli import main

    with pytest.raises(SystemExit) as raised:
        main(["gui", "--exit-when-done"])

    assert raised.value.code == 2
    assert "--exit-when-done needs --autostart" in capsys.readouterr().err


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
