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


def build_report(window, probe_summary: dict[str, Any], wall_seconds: float, reason: str) -> dict[str, Any]:
    """Return the scripted run's report: epochs, curve points, final metrics, speed and latency."""
    reports = window.reports
    last = reports[-1] if reports else None
    trainer = window.trainer
    samples = 0
    train_seconds = 0.0
    if trainer is not None and reports:
        n_train = trainer.split.n_train
        samples = n_train * len(reports)
        train_seconds = sum(n_train / r.samples_per_second for r in reports
                            if r.samples_per_second and math.isfinite(r.samples_per_second))
    report: dict[str, Any] = {
        "stop_reason": reason,
        "epochs_shown": len(reports),
        "curve_points": window.curve_point_counts(),
        "train_loss": last.train_loss if last else None,
        "val_loss": last.val_loss if last else None,
        "val_rmse": last.val_rmse if last else None,
        "val_mae": last.val_mae if last else None,
        "val_mape": last.val_mape if last else None,
        "naive_val_rmse": trainer.naive_val_rmse if trainer is not None else None,
        # Training windows per second of training time, as the train command counts them.
        "samples_per_second": samples / train_seconds if train_seconds > 0 else None,
        # Training windows per second of wall time, validation and GUI work included.
        "samples_per_second_wall": samples / wall_seconds if wall_seconds > 0 else None,
        "wall_seconds": wall_seconds,
        "config": trainer.config.to_dict() if trainer is not None else window.config().to_dict(),
        "error": window.last_error,
    }
    report.update(probe_summary)
    return {key: _json_number(value) for key, value in report.items()}


def _wants_config(args: argparse.Namespace) -> bool:
    return getattr(args, "preset", None) is not None or any(hasattr(args, name) for name in _CONFIG_OPTIONS)


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

    # Command-line data and settings replace what the last session saved.
    try:
        if args.csv:
            if not window.open_csv(args.csv, column=args.column, delimiter=args.delimiter, decimal=args.decimal,
                                   encoding=args.encoding, header=args.header, missing=args.missing):
                print(f"rnn-desktop: {window.last_error}", file=sys.stderr)
                if args.exit_when_done:
                    return EXIT_BAD_INPUT
        elif args.generator or args.length is not None or args.noise is not None or scripted:
            window.set_series(series_from_args(args))
        if _wants_config(args) or scripted:
            window.set_config(config_from_args(args))
        if args.load and not window.load_weights(args.load):
            print(f"rnn-desktop: {window.last_error}", file=sys.stderr)
            if args.exit_when_done:
                return EXIT_BAD_INPUT
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
                print(f"rnn-desktop: could not write {args.report}: {error}", file=sys.stderr)
                outcome["exit"] = EXIT_FAILED
        if args.screenshot and not window.grab().save(args.screenshot):
            log.error("could not write the screenshot %s", args.screenshot)
            print(f"rnn-desktop: could not write {args.screenshot}", file=sys.stderr)
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
    elif args.exit_when_done:
        # Nothing to wait for: take the screenshot and report once the window has been drawn.
        QTimer.singleShot(300, lambda: on_finished("not started"))

    status = app.exec()
    log.info("event loop ended with status %d; log file %s", status, log_file_path())
    return outcome["exit"] if status == 0 else status
