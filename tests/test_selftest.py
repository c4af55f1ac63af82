"""Tests for ``rnn-desktop --self-test``: a passing run, and failures that name their step."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from rnn_desktop.commands import selftest
from rnn_desktop.commands.selftest import EXIT_FAILED, EXIT_OK, choose_platform, run_self_test



def test_platform_kept_when_set():
    environ = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}
    assert choose_platform(environ) == "xcb"
    assert environ["QT_QPA_PLATFORM"] == "xcb"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland displays exist on Linux only")
def test_platform_uses_display_when_present():
    environ = {"DISPLAY": ":99"}
    assert choose_platform(environ) == "default"
    assert "QT_QPA_PLATFORM" not in environ


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland displays exist on Linux only")
def test_platform_offscreen_without_display():
    environ: dict[str, str] = {}
    assert choose_platform(environ) == "offscreen"
    assert environ["QT_QPA_PLATFORM"] == "offscreen"


@pytest.mark.slow
def test_self_test_command_passes(tmp_path):
    environ = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    environ["QT_QPA_PLATFORM"] = "offscreen"
    # Keep the log file and settings of the app out of the user's folders.
    environ["HOME"] = str(tmp_path)
    environ["XDG_DATA_HOME"] = str(tmp_path / "data")
    environ["XDG_CONFIG_HOME"] = str(tmp_path / "config")

    result = subprocess.run([sys.executable, "-m", "rnn_desktop", "--self-test"], env=environ, cwd=tmp_path,
                            capture_output=True, text=True, timeout=300)

    assert result.returncode == EXIT_OK, result.stdout + result.stderr
    assert "self-test passed" in result.stdout
    assert result.stdout.startswith("self-test: Qt platform offscreen\n")
    for step in ("main window", "training 5 epochs", "plots received data", "weights saved and reloaded"):
        assert f"self-test: {step}" in result.stdout, result.stdout


def test_missing_resources_fail(monkeypatch, tmp_path, capsys):
    import rnn_desktop.resources

    monkeypatch.setattr(rnn_desktop.resources, "resource_path", lambda *parts: tmp_path.joinpath("gone", *parts))
    monkeypatch.setattr(selftest, "check_environment", lambda: None)

    assert run_self_test() == EXIT_FAILED
    error = capsys.readouterr().err
    assert "self-test FAILED at 'resources'" in error
    assert str(tmp_path / "gone") in error


def test_changed_predictions_fail(qapp, monkeypatch, capsys):
    # A reloaded model whose predictions differ by 1e-12 must fail the round trip.
    from rnn_desktop.core.training import Trainer

    original = Trainer.from_file.__func__

    def from_file_with_offset(cls, *args, **kwargs):
        trainer = original(cls, *args, **kwargs)
        predict = trainer.predict_windows

        def shifted():
            index, prediction = predict()
            return index, prediction + 1e-12

        trainer.predict_windows = shifted
        return trainer

    monkeypatch.setattr(Trainer, "from_file", classmethod(from_file_with_offset))
    monkeypatch.setattr(selftest, "check_environment", lambda: None)

    assert run_self_test() == EXIT_FAILED
    output = capsys.readouterr()
    assert "self-test: plots received data: ok" in output.out
    assert "self-test FAILED at 'weights saved and reloaded'" in output.err
    assert "differ" in output.err


def test_plot_check_needs_points():
    class EmptyWindow:
        def refresh_plots(self):
            pass

        def curve_point_counts(self):
            return {"train_loss": 0, "val_loss": 0, "series": selftest.SERIES_LENGTH}

    class NoEvents:
        def processEvents(self):  # noqa: N802 (Qt naming)
            pass

    with pytest.raises(selftest.SelfTestFailure, match="train_loss"):
        selftest.check_plots(NoEvents(), EmptyWindow())
