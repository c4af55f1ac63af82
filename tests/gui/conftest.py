"""Fixtures for the GUI tests: a window with private settings, series and headless references."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from gui_helpers import FAST

from rnn_desktop.core.series import Series
from rnn_desktop.core.training import TrainConfig


@pytest.fixture(scope="session", autouse=True)
def working_binding():
    """Fail every GUI test at once, with the reason, on a PySide6 build that would crash."""
    from rnn_desktop.gui.binding_check import binding_problem

    problem = binding_problem()
    if problem is not None:
        pytest.fail(problem, pytrace=False)


@pytest.fixture(autouse=True)
def qt_test_paths(qapp):
    """Keep the log file and settings of the tests out of the user's folders."""
    QStandardPaths.setTestModeEnabled(True)
    from rnn_desktop.gui.app import setup_logging

    setup_logging()
    # As in the app: cyclic garbage collection only on the GUI thread.
    from rnn_desktop.gui.gc_timer import install_gui_thread_collector

    install_gui_thread_collector(qapp)
    yield


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def sine():
    return Series(values=np.sin(np.arange(200, dtype=np.float64)), name="sine", source="generator sine")


@pytest.fixture
def make_window(qtbot, settings, sine):
    """Return a factory of non-interactive windows showing the sine, closed after the test."""
    from rnn_desktop.gui.main_window import MainWindow

    windows = []

    def make(config: TrainConfig | None = None, series: Series | None = sine):
        window = MainWindow(settings=settings, restore_settings=False)
        # The offscreen screen is 800 x 800, which would shrink the first size; the tests' layouts assume it.
        window.resize(1400, 900)
        window.set_interactive(ask_on_close=False, show_dialogs=False)
        qtbot.addWidget(window)
        if series is not None:
            window.set_series(series)
        window.set_config(config or TrainConfig().replace(**FAST))
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.set_interactive(ask_on_close=False, show_dialogs=False)
        window.stop_training(wait=True)
        window.close()
