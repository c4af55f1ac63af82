"""``rnn-desktop --self-test``: open the real window, train briefly, save and reload the weights.

The check runs on whatever display is available: an existing QT_QPA_PLATFORM
or X/Wayland display is used as it is (CI runs it under Xvfb), and without
either the offscreen platform is chosen, so it also runs on a server. Each
step prints one line; the first failing step ends the test with exit status 1.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import numpy as np

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1

SERIES_LENGTH = 200  # the tutorial's sin(0..199)
EPOCHS = 5
HIDDEN = 16
SEQ_LEN = 20
VAL_WINDOWS = 30
TRAINING_TIMEOUT_SECONDS = 120


class SelfTestFailure(Exception):
    """A failed self-test step; the message names the problem and how to fix it."""


def choose_platform(environ: dict[str, str] | os._Environ = os.environ) -> str:
    """Set QT_QPA_PLATFORM to offscreen unless a platform or a display is already set; return it."""
    if environ.get("QT_QPA_PLATFORM"):
        return environ["QT_QPA_PLATFORM"]
    if sys.platform.startswith("linux") and not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")):
        environ["QT_QPA_PLATFORM"] = "offscreen"
        return "offscreen"
    return "default"  # Qt picks xcb for DISPLAY, wayland for WAYLAND_DISPLAY, or the native one


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


def check_environment() -> None:
    """Fail early, with the fix, when Qt cannot open a window or the binding would crash."""
    from rnn_desktop.gui.platform_check import platform_problem

    problem = platform_problem()
    check(problem is None, str(problem))

    from rnn_desktop.gui.binding_check import binding_problem

    problem = binding_problem()
    check(problem is None, str(problem))


def check_resources() -> None:
    from rnn_desktop.resources import resource_path

    icon = resource_path("icons", "rnn-desktop.png")
    check(icon.is_file(), f"app icon not found at {icon}: the installation or bundle lacks resources/")


def check_qt_locale_data() -> None:
    """Check the ICU data Qt uses (collation and time zone names), which the bundle ships trimmed."""
    from PySide6.QtCore import QCollator, QLocale, QTimeZone

    collator = QCollator(QLocale("it_IT"))
    check(collator.compare("abete", "Zebra") < 0,
          "Qt's collation sorts 'abete' after 'Zebra' for Italian: ICU collation data is missing")
    name = QTimeZone(b"Europe/Rome").displayName(QTimeZone.TimeType.StandardTime,
                                                 QTimeZone.NameType.LongName, QLocale("en_US"))
    check(bool(name), "Qt returned no name for the time zone Europe/Rome: ICU time zone data is missing")


def check_translations(app) -> None:
    """Load the Italian translation (Qt's and the app's), then switch back to English."""
    from rnn_desktop.gui.app import install_translators

    try:
        loaded = install_translators(app, "it")
    finally:
        install_translators(app, "en")
    check(any(Path(path).name == "rnn_desktop_it.qm" for path in loaded),
          f"the Italian translation did not load (loaded: {loaded or 'nothing'}); "
          "the translations were not compiled into the installation or bundle")


def build_window(folder: Path):
    """Create the application and the real main window, with settings kept in ``folder``."""
    from PySide6.QtCore import QSettings

    from rnn_desktop.gui.app import create_application
    from rnn_desktop.gui.main_window import MainWindow

    app = create_application(sys.argv[:1], language="en")
    settings_file = folder / "settings.ini"
    window = MainWindow(settings=QSettings(str(settings_file), QSettings.Format.IniFormat),
                        restore_settings=False)
    window.set_interactive(ask_on_close=False, show_dialogs=False)
    window.show()
    app.processEvents()
    check(window.isVisible(), "the main window did not become visible")
    print(f"self-test: window shown on Qt platform {app.platformName()}")
    return app, window


def train_briefly(app, window):
    """Train a small model on the sine series for EPOCHS epochs through the window's own controls."""
    from PySide6.QtCore import QEventLoop, QTimer

    from rnn_desktop.core.generators import generate
    from rnn_desktop.core.training import TrainConfig

    series = generate("sine", length=SERIES_LENGTH)
    config = TrainConfig.preset("default").replace(
        epochs=EPOCHS, hidden=HIDDEN, seq_len=SEQ_LEN, val_windows=VAL_WINDOWS, patience=None, seed=0)
    window.set_series(series)
    window.set_config(config)

    loop = QEventLoop()
    outcome: dict[str, str] = {}

    def on_finished(reason: str) -> None:
        outcome["reason"] = reason
        loop.quit()

    def on_timeout() -> None:
        outcome["reason"] = "timeout"
        loop.quit()

    window.run_finished.connect(on_finished)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(on_timeout)
    timer.start(TRAINING_TIMEOUT_SECONDS * 1000)
    check(window.start_training(), f"training did not start: {window.last_error}")
    loop.exec()
    timer.stop()
    window.run_finished.disconnect(on_finished)

    reason = outcome.get("reason")
    check(reason != "timeout", f"training did not finish within {TRAINING_TIMEOUT_SECONDS} s")
    check(reason == "completed", f"training ended with {reason!r} instead of 'completed': {window.last_error}")
    reports = window.reports
    check(len(reports) == EPOCHS, f"the window showed {len(reports)} epochs instead of {EPOCHS}")
    check(all(np.isfinite(report.train_loss) for report in reports),
          f"non-finite training loss: {[report.train_loss for report in reports]}")
    return series, reports


def check_plots(app, window) -> dict[str, int]:
    """Check that every curve of the loss and prediction plots received points."""
    window.refresh_plots()
    app.processEvents()
    counts = window.curve_point_counts()
    expected = {
        "train_loss": EPOCHS,
        "val_loss": EPOCHS,
        "series": SERIES_LENGTH,
    }
    for name, value in expected.items():
        check(counts.get(name) == value, f"plot curve {name!r} has {counts.get(name)} points, expected {value}")
    for name in ("prediction_train", "prediction_val", "forecast"):
        check(counts.get(name, 0) > 0, f"plot curve {name!r} received no points")
    return counts


def check_weights_round_trip(window, series, folder: Path) -> None:
    """Save the weights, load them through the window and compare the predictions exactly."""
    from rnn_desktop.core.training import Trainer

    path = folder / "selftest-weights.npz"
    check(window.save_weights(str(path)), f"saving weights to {path} failed: {window.last_error}")
    check(path.is_file(), f"the weights file {path} was not written")
    _, before = window.trainer.predict_windows()

    reloaded = Trainer.from_file(path, series.values)
    _, from_file = reloaded.predict_windows()
    check(np.array_equal(before, from_file),
          f"predictions after reloading {path} differ by up to {np.max(np.abs(before - from_file)):.3g}")

    check(window.load_weights(str(path)), f"loading weights from {path} failed: {window.last_error}")
    _, in_window = window.trainer.predict_windows()
    check(np.array_equal(before, in_window), "predictions after loading the weights in the window differ")


def quiet_console_logging() -> None:
    """Show only warnings and errors on the console: the step lines are the report."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)


def run_steps(folder: Path) -> int:
    state: dict = {}
    steps: list[tuple[str, Callable[[], object]]] = [
        ("environment", check_environment),
        ("resources", check_resources),
        ("main window", lambda: state.update(zip(("app", "window"), build_window(folder)))),
        ("Qt locale data", check_qt_locale_data),
        ("translations", lambda: check_translations(state["app"])),
        (f"training {EPOCHS} epochs on the sine series",
         lambda: state.update(zip(("series", "reports"), train_briefly(state["app"], state["window"])))),
        ("plots received data", lambda: check_plots(state["app"], state["window"])),
        ("weights saved and reloaded", lambda: check_weights_round_trip(state["window"], state["series"], folder)),
    ]
    try:
        for name, step in steps:
            step_started = time.perf_counter()
            try:
                step()
            except SelfTestFailure as failure:
                print(f"self-test FAILED at '{name}': {failure}", file=sys.stderr)
                log.error("self-test failed at %s: %s", name, failure)
                return EXIT_FAILED
            except Exception as error:  # any crash in the app is a failed self-test, reported with its type
                print(f"self-test FAILED at '{name}': {type(error).__name__}: {error}", file=sys.stderr)
                log.exception("self-test crashed at %s", name)
                return EXIT_FAILED
            print(f"self-test: {name}: ok ({time.perf_counter() - step_started:.2f} s)")
    finally:
        window = state.get("window")
        if window is not None:
            window.close()
    return EXIT_OK


def run_self_test() -> int:
    """Run every step, printing one line each; return 0 when all pass, else 1."""
    started = time.perf_counter()
    platform = choose_platform()
    quiet_console_logging()
    if platform == "default":
        display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        for_display = f" for display {display}" if display else ""
        print(f"self-test: Qt platform chosen by Qt{for_display}; the window line names it")
    else:
        print(f"self-test: Qt platform {platform}")

    with tempfile.TemporaryDirectory(prefix="rnn-desktop-selftest-") as folder:
        status = run_steps(Path(folder))
    if status == EXIT_OK:
        print(f"self-test passed in {time.perf_counter() - started:.1f} s")
    return status
