"""``rnn-desktop gui``: open the window, optionally train, report and close by itself."""

from __future__ import annotations

import argparse
import json
import logging
import math
import sys
import time
from pathlib import Path
from typing import Any

from rnn_desktop.commands.common import config_from_args, series_from_args
from rnn_desktop.core.errors import RnnDesktopError

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1  # the run failed or a report file could not be written
EXIT_BAD_INPUT = 2  # invalid option, data or weights file
EXIT_BROKEN_BINDING = 3  # the installed PySide6 would crash the app

# Options that mean "use these settings" rather than the ones saved from the last session.
_CONFIG_OPTIONS = (
    "seq_len", "val_windows", "val_fraction", "scale", "hidden", "activation", "init", "dtype",
    "epochs", "batch_size", "lr", "optimizer", "momentum", "bptt_truncate", "clip_value",
    "clip_norm", "patience", "reduce_on_plateau", "seed",
)


def _json_number(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def count_training_samples(trainer, reports) -> tuple[int, float]:
    """Return (training windows, seconds spent on them) over ``reports``, as the train command counts."""
    samples, seconds = 0, 0.0
    batch = min(trainer.config.batch_size, trainer.split.n_train)
    for report in reports:
        if report.samples_per_second and report.samples_per_second > 0:
            count = min(report.extra.get("batches_run", 0) * batch, trainer.split.n_train)
            samples += count
            seconds += count / report.samples_per_second
    return samples, seconds


def build_report(window, probe_summary: dict[str, Any], wall_seconds: float, reason: str) -> dict[str, Any]:
    """Return the scripted run's report: the train command's summary plus curves, wall speed and latency.

    Metrics are those of the weights the run ends with (after early stopping,
    the restored best ones), computed as the train command's ``--json`` does.
    """
    from rnn_desktop.commands.train import build_summary

    reports = window.reports
    trainer = window.trainer
    report: dict[str, Any] = {}
    if trainer is not None:
        samples, train_seconds = count_training_samples(trainer, reports)
        report.update(build_summary(trainer, wall_seconds, samples, train_seconds))
        # Training windows per second of wall time, validation and GUI work included.
        report["samples_per_second_wall"] = samples / wall_seconds if wall_seconds > 0 else None
    report.update({
        "stop_reason": reason,
        "epochs_shown": len(reports),
        "epochs_this_run": trainer.epoch - window.run_start_epoch if trainer is not None else 0,
        "curve_points": window.curve_point_counts(),
        "last_epoch_val_rmse": reports[-1].val_rmse if reports else None,
        "error": window.last_error,
    })
    report.update(probe_summary)
    return {key: _json_number(value) for key, value in report.items()}


def _wants_config(args: argparse.Namespace) -> bool:
    return getattr(args, "preset", None) is not None or any(hasattr(args, name) for name in _CONFIG_OPTIONS)


def _given_options(args: argparse.Namespace) -> dict[str, Any]:
    """Return the hyperparameters given on the command line, which win over a loaded file's."""
    changes = {name: getattr(args, name) for name in _CONFIG_OPTIONS if hasattr(args, name)}
    if changes.get("val_fraction") is not None:
        changes["val_windows"] = None
    elif changes.get("val_windows") is not None:
        changes["val_fraction"] = None
    return changes


def _write_failure(path: str, error: OSError) -> str:
    """Describe a failed write in plain words: the path and the operating system's reason."""
    reason = error.strerror or str(error)
    folder = Path(path).parent
    if not folder.is_dir():
        reason = f"the folder {folder} does not exist"
    return f"could not write {path}: {reason}"


def _save_screenshot(window, path: str) -> str | None:
    """Save the window's image to ``path``; return why it failed, or None."""
    folder = Path(path).parent
    if not folder.is_dir():
        return f"could not write the screenshot {path}: the folder {folder} does not exist"
    if not window.grab().save(path):
        return (f"could not write the screenshot {path}: check that the folder is writable and the "
                "name ends in an image type such as .png or .jpg")
    return None


def run_gui(args: argparse.Namespace) -> int:
    """Open the window; with --autostart train at once, with --exit-when-done close when done."""
    from PySide6.QtCore import QTimer

    from rnn_desktop.gui.app import create_application, install_exception_hook, log_file_path
    from rnn_desktop.gui.latency import LatencyProbe
    from rnn_desktop.gui.main_window import MainWindow

    from rnn_desktop.gui.binding_check import binding_problem

    problem = binding_problem()
    if problem is not None:
        print(f"rnn-desktop: {problem}", file=sys.stderr)
        log.error("refusing to start the GUI: %s", problem)
        return EXIT_BROKEN_BINDING

    app = create_application(sys.argv[:1], language=getattr(args, "language", None))
    scripted = bool(args.autostart or args.exit_when_done)
    window = MainWindow(restore_settings=not scripted)
    install_exception_hook(window.show_unexpected_error)
    window.set_interactive(ask_on_close=not args.exit_when_done, show_dialogs=not args.exit_when_done)

    # Command-line data and settings replace what the last session saved, for this session only.
    given = _given_options(args)
    window.set_remember_config(not (_wants_config(args) or scripted or args.csv or args.load
                                    or args.generator or args.length is not None or args.noise is not None))
    try:
        if _wants_config(args) or scripted:
            window.set_config(config_from_args(args))
        if args.csv:
            if not window.open_csv(args.csv, column=args.column, delimiter=args.delimiter, decimal=args.decimal,
                                   encoding=args.encoding, header=args.header, missing=args.missing):
                print(f"rnn-desktop: {window.last_error}", file=sys.stderr)
                if args.exit_when_done:
                    return EXIT_BAD_INPUT
        elif args.generator or args.length is not None or args.noise is not None or scripted:
            window.set_series(series_from_args(args))
        if args.load and not window.load_weights(args.load):
            print(f"rnn-desktop: {window.last_error}", file=sys.stderr)
            if args.exit_when_done:
                return EXIT_BAD_INPUT
        if given:
            # Loading data may adapt the window and split, and loading weights sets the file's
            # hyperparameters. The options given on the command line still win over both.
            window.set_config(window.config().replace(**given))
    except RnnDesktopError as error:
        print(f"rnn-desktop: {error}", file=sys.stderr)
        log.error("gui: invalid input: %s", error)
        return EXIT_BAD_INPUT

    probe = LatencyProbe(parent=window)
    outcome: dict[str, Any] = {"reason": None, "exit": EXIT_OK, "started": None}

    def on_finished(reason: str) -> None:
        probe.stop()
        wall = time.perf_counter() - outcome["started"] if outcome["started"] else 0.0
        outcome["reason"] = reason
        if reason == "failed":
            outcome["exit"] = EXIT_FAILED
        window.refresh_plots()
        app.processEvents()
        if args.save and not window.save_weights(args.save):
            outcome["exit"] = EXIT_FAILED
        if args.report:
            try:
                report = build_report(window, probe.summary(), wall, reason)
                Path(args.report).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
            except OSError as error:
                log.error("could not write the report %s: %s", args.report, error)
                print(f"rnn-desktop: {_write_failure(args.report, error)}", file=sys.stderr)
                outcome["exit"] = EXIT_FAILED
        if args.screenshot:
            failure = _save_screenshot(window, args.screenshot)
            if failure is not None:
                log.error("%s", failure)
                print(f"rnn-desktop: {failure}", file=sys.stderr)
                outcome["exit"] = EXIT_FAILED
        if args.exit_when_done:
            window.close()
            app.quit()

    def start() -> None:
        outcome["started"] = time.perf_counter()
        probe.start()
        if not window.start_training():
            probe.stop()
            print(f"rnn-desktop: training did not start: {window.last_error}", file=sys.stderr)
            outcome["exit"] = EXIT_BAD_INPUT
            if args.exit_when_done:
                window.close()
                app.quit()

    window.run_finished.connect(on_finished)
    window.show()
    if args.autostart:
        QTimer.singleShot(300, start)

    status = app.exec()
    log.info("event loop ended with status %d; log file %s", status, log_file_path())
    return outcome["exit"] if status == 0 else status
