"""``rnn-desktop gui``: open the window, optionally train, report and close by itself."""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

from rnn_desktop.commands.common import (
    config_from_args, data_options_given, input_paths, one_column_problem, recorded_origin, series_from_args,
)
from rnn_desktop.core.errors import RnnDesktopError, value_as_typed
from rnn_desktop.core.training import TrainConfig

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1  # the run failed or a report file could not be written
EXIT_BAD_INPUT = 2  # invalid option, data or weights file
EXIT_BROKEN_BINDING = 3  # the installed PySide6 would crash the app
# The report's stop_reason when the scripted run could not start. Its "error" key contains the reason.
NOT_STARTED = "not_started"
# How long a stop signal waits for a scripted run to stop before the window closes regardless.
STOP_WAIT_MS = 20000
# How long the window has to lay out and paint after it is shown, before a scripted run starts or
# a screenshot of a run that cannot start is taken.
PAINT_WAIT_MS = 300

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


def build_report(window, probe_summary: dict[str, Any], wall_seconds: float, reason: str,
                 stopped_by: str | None = None) -> dict[str, Any]:
    """Return the scripted run's report: the train command's summary plus curves, wall speed and latency.

    Metrics are those of the weights the run ends with (after early stopping,
    the restored best ones), computed as the train command's ``--json`` does.
    ``stopped_by`` names the signal that stopped the run ("Ctrl+C", "SIGTERM"), if any.
    """
    from rnn_desktop.commands.train import build_summary, stopped_reason

    reports = window.reports
    trainer = window.trainer
    report: dict[str, Any] = {}
    if trainer is not None:
        samples, train_seconds = count_training_samples(trainer, reports)
        report.update(build_summary(trainer, wall_seconds, samples, train_seconds))
        # Training windows per second of wall time, validation and GUI work included.
        report["samples_per_second_wall"] = samples / wall_seconds if wall_seconds > 0 else None
        if reason == "stopped" and not report.get("reason"):
            # In the words of train's summary.
            report["reason"] = stopped_reason(trainer, window.run_start_epoch, stopped_by)
    report.update({
        "stop_reason": reason,
        "epochs_shown": len(reports),
        "epochs_this_run": trainer.epoch - window.run_start_epoch if trainer is not None else 0,
        "curve_points": window.curve_point_counts(),
        "last_epoch_val_rmse": reports[-1].val_rmse if reports else None,
        "error": window.last_error_english,
    })
    report.update(probe_summary)
    return {key: _json_number(value) for key, value in report.items()}


def failure_report(error: str, window=None) -> dict[str, Any]:
    """Return the report of a scripted run that could not start, with the reason under ``error``."""
    if window is not None:
        report = build_report(window, {}, 0.0, NOT_STARTED)
    else:
        report = {"stop_reason": NOT_STARTED, "epochs_shown": 0, "epochs_this_run": 0, "curve_points": {},
                  "last_epoch_val_rmse": None}
    report["error"] = error
    return report


def check_options(args: argparse.Namespace) -> str | None:
    """Return why the settings, the generated series or a named file are invalid, in train's words, or None.

    A CSV file is only opened, and a weights file is fully validated and
    checked against the model options given, so no error waits for the
    window to open.
    """
    from rnn_desktop.commands.train import option_error_text
    from rnn_desktop.core.csv_dialect import check_readable
    from rnn_desktop.core.training import check_model_changes
    from rnn_desktop.core.weights import load_weights

    try:
        config_from_args(args).validate()
        if args.csv:
            # Only that the file opens: the window reads and parses it with its own settings.
            check_readable(Path(args.csv))
        else:
            series_from_args(args)
        if args.load:
            # The window would set the given --hidden and so on after loading, and
            # Start would then train a new model in place of the loaded one.
            check_model_changes(args.load, load_weights(args.load), _given_options(args))
    except RnnDesktopError as error:
        return option_error_text(error, args)
    return None


def path_options_problem(args: argparse.Namespace) -> str | None:
    """Return why the file options cannot be used as given, or None.

    The rules are train's: no empty path, no output over the --csv or --load
    input or over another output, except --save over --load, and every output
    in a writable folder. A screenshot name must also end in an image type
    that Qt can write.
    """
    from rnn_desktop.commands.paths import empty_path_problem, outputs_problem, overwrite_problem

    inputs = input_paths(args)
    outputs = (("--save", args.save), ("--report", args.report), ("--screenshot", args.screenshot))
    problem = (empty_path_problem((*inputs, *outputs))
               or overwrite_problem(inputs, outputs, allowed=[("--save", "--load")])
               or outputs_problem((("--save", args.save, "weights.npz", False),
                                   ("--report", args.report, "report.json", True),
                                   ("--screenshot", args.screenshot, "window.png", True))))
    if problem is None and args.screenshot:
        problem = _screenshot_type_problem(args.screenshot)
    return problem


def _screenshot_type_problem(path: str) -> str | None:
    from PySide6.QtGui import QImageWriter

    suffix = Path(path).suffix.lower().removeprefix(".")
    image_types = {bytes(name).decode("ascii").lower() for name in QImageWriter.supportedImageFormats()}
    if suffix in image_types:
        return None
    return (f"cannot write --screenshot {path}: the name must end in an image type, "
            "such as .png or .jpg; add one to the file name")


def generator_settings(args: argparse.Namespace) -> dict[str, Any]:
    """Return the generator form's settings for the series that ``series_from_args`` generates."""
    return {
        "name": args.generator or "sine",
        "length": args.length if args.length is not None else 200,
        "noise": args.noise if args.noise is not None else 0.0,
        "seed": getattr(args, "seed", 0),
        "params": dict(args.param or []),
    }


def uses_generator(args: argparse.Namespace, scripted: bool) -> bool:
    """Return whether the command line requests a generated series rather than the window's default."""
    given = (args.generator, args.length, args.noise)
    return not args.csv and (scripted or bool(args.param) or any(value is not None for value in given))


def widget_limits_problem(window, args: argparse.Namespace, scripted: bool) -> str | None:
    """Return why a valid option does not fit the window's fields, or None.

    The spin boxes would clamp such a value to their range or round it to their
    decimals, so the window would train with a value other than the one given.
    """
    problem = None
    if _wants_config(args) or scripted:
        config = config_from_args(args)
        problem = (window.training_panel.out_of_limits(config)
                   or window.data_panel.split_form.out_of_limits(config.val_windows, config.val_fraction))
    if problem is None and uses_generator(args, scripted):
        problem = window.data_panel.generator_form.out_of_limits(**generator_settings(args))
    return None if problem is None else _limits_message(problem)


def _limits_message(problem) -> str:
    typed = value_as_typed(problem.value)  # 1000000 for 1e6, not 1000000.0
    if problem.field.startswith("param "):
        option = f"--param {problem.field.removeprefix('param ')}={typed}"
    else:
        option = f"--{problem.field.replace('_', '-')} {typed}"
    if problem.minimum <= problem.value <= problem.maximum:
        return (f"{option} has more decimal places than the window keeps ({problem.decimals}); "
                f"round it to {problem.decimals} decimal places, or use `rnn-desktop train`")
    return (f"{option} is outside the range the window accepts, {_limit_text(problem.minimum)} to "
            f"{_limit_text(problem.maximum)}; choose a value in that range, or use `rnn-desktop train`")


def _limit_text(value: float) -> str:
    """Format a spin box limit: whole numbers in full (10000000, not 1e+07), others as %g."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


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


def apply_options(window, args: argparse.Namespace, scripted: bool) -> str | None:
    """Show the command line's data and settings in ``window``; return why its run cannot start, or None.

    Command-line data and settings replace what the last session saved, for
    this session only. A CSV or weights file that fails to load stops a
    scripted run (--autostart), and its error is returned. Otherwise the window
    opens with the error shown, and the error is printed.
    """
    given = _given_options(args)
    # --load without data options opens the data the weights record, when they record it.
    recorded = bool(args.load) and not data_options_given(args) and recorded_origin(args.load) is not None
    generated = uses_generator(args, scripted) and not recorded
    window.set_remember_config(not (_wants_config(args) or scripted or args.csv or args.load or generated))
    try:
        requested = config_from_args(args)
        if _wants_config(args) or scripted:
            window.set_config(requested)
        if args.csv:
            if not window.open_csv(args.csv, column=args.column, delimiter=args.delimiter, decimal=args.decimal,
                                   encoding=args.encoding, header=args.header, missing=args.missing):
                if "val_windows" not in given and "val_fraction" not in given:
                    # The split set above for the CSV file does not belong to the generated series still in use.
                    preset = TrainConfig.preset(args.preset or "default")
                    window.set_config(window.config().replace(val_windows=preset.val_windows,
                                                              val_fraction=preset.val_fraction))
                if scripted:
                    return window.last_error
                print(f"rnn-desktop gui: error: {window.last_error_english}", file=sys.stderr)
            elif scripted and (one_column := one_column_problem(window.data_panel.series())) is not None:
                # As train refuses it: a scripted run would train on numbers such as 1871.112 for "1871,1120".
                return one_column
        elif generated and not window.data_panel.set_generator(**generator_settings(args)):
            return window.last_error
        origin = "keep"
        if recorded:
            origin = "require" if scripted else "open"
        if args.load and not window.load_weights(args.load, origin=origin):
            if scripted:
                return window.last_error
            print(f"rnn-desktop gui: error: {window.last_error_english}", file=sys.stderr)
        elif args.load and window.trainer is not None and window.trainer.load_warning:
            # A scripted run's progress soon replaces the warning in the window, so it is printed too.
            print(f"rnn-desktop gui: warning: {window.trainer.load_warning}", file=sys.stderr)
        if given:
            # Loading data may adapt the window and split, and loading weights sets the file's
            # hyperparameters. The options given on the command line still win over both.
            window.set_config(window.config().replace(**given))
        if scripted and not args.load:
            note = adapted_settings_note(requested, window.config(), given, len(window.data_panel.series()))
            if note is not None:
                print(f"rnn-desktop gui: note: {note}", file=sys.stderr)
    except RnnDesktopError as error:
        log.error("gui: invalid input: %s", error)
        return str(error)
    return None


def start_problem_in_english(window, args: argparse.Namespace) -> str | None:
    """Return train's words for why the window's settings cannot train on its series, or None.

    The window words the reason in its own language and for its fields. The
    terminal and the report get what train would print, with the option names.
    """
    from rnn_desktop.commands.train import option_error_text
    from rnn_desktop.core.training import Trainer

    series = window.data_panel.series()
    if series is None:
        return None
    try:
        # The window draws the weights itself; a draw here took 15 s more for 4096 units.
        Trainer(window.config(), series.values, draw_weights=False)
    except RnnDesktopError as error:
        return option_error_text(error, args)
    return None


def adapted_settings_note(requested: TrainConfig, shown: TrainConfig, given: dict[str, Any],
                          length: int) -> str | None:
    """Say which settings the window changed to fit a short series, in a scripted run, or return None.

    The window adapts a window length and split that leave a series no training
    part and reports it in its status bar, but a scripted run's reader sees the terminal.
    """
    def split_option(config: TrainConfig) -> str:
        if config.val_fraction is not None:
            return f"--val-fraction {config.val_fraction:g}"
        return f"--val-windows {config.val_windows}"

    changes = []
    if "seq_len" not in given and shown.seq_len != requested.seq_len:
        changes.append(f"--seq-len {shown.seq_len} (not {requested.seq_len})")
    split_given = "val_windows" in given or "val_fraction" in given
    if not split_given and (shown.val_windows, shown.val_fraction) != (requested.val_windows, requested.val_fraction):
        changes.append(f"{split_option(shown)} (not {split_option(requested)})")
    if not changes:
        return None
    return (f"the series has {length} values, too few for the window length and split asked for, so the window "
            f"uses {' and '.join(changes)}; give these options to choose other values")


def _reject_options(args: argparse.Namespace, message: str, window=None) -> int:
    """Print why the options are invalid, as the train command does, write the report, and return 2."""
    print(f"rnn-desktop gui: error: {message}", file=sys.stderr)
    log.info("gui command rejected its options: %s", message)
    if args.report:
        failure = _write_report(args.report, failure_report(message, window))
        if failure is not None:
            print(f"rnn-desktop gui: error: {failure}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _write_report(path: str, report: dict[str, Any]) -> str | None:
    """Write ``report`` as JSON to ``path``; return why it failed, or None."""
    try:
        Path(path).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    except OSError as error:
        log.error("could not write the report %s: %s", path, error)
        return _write_failure(path, error)
    return None


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


def _screenshot_not_started(window, problem: str, path: str) -> None:
    """Show ``window`` with why the scripted run cannot start, save its image to ``path``, and close it.

    A failed write is printed and logged, but the exit status stays that of the run that could not start.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    if window.last_error != problem:
        window.show_error(problem)
    window.show()
    # Let the window lay out and paint before it is grabbed.
    painted = QEventLoop()
    QTimer.singleShot(PAINT_WAIT_MS, painted.quit)
    painted.exec()
    failure = _save_screenshot(window, path)
    if failure is not None:
        log.error("%s", failure)
        print(f"rnn-desktop gui: error: {failure}", file=sys.stderr)
    window.close()


def run_gui(args: argparse.Namespace) -> int:
    """Open the window; with --autostart train at once, with --exit-when-done close when done."""
    from PySide6.QtCore import QEventLoop, QTimer

    from rnn_desktop.gui.app import create_application, install_exception_hook, log_file_path
    from rnn_desktop.gui import messages
    from rnn_desktop.gui.latency import LatencyProbe
    from rnn_desktop.gui.main_window import MainWindow
    from rnn_desktop.gui.states import IDLE
    from rnn_desktop.gui.stop_signals import close_on_stop_signals

    from rnn_desktop.gui.binding_check import binding_problem

    problem = binding_problem()
    if problem is not None:
        print(f"rnn-desktop gui: error: {problem}", file=sys.stderr)
        log.error("refusing to start the GUI: %s", problem)
        return EXIT_BROKEN_BINDING

    scripted = bool(args.autostart or args.exit_when_done)
    invalid = path_options_problem(args)
    if invalid is not None:
        # The --report path may be the one at fault, so no report is written.
        print(f"rnn-desktop gui: error: {invalid}", file=sys.stderr)
        log.info("gui command rejected its file options: %s", invalid)
        return EXIT_BAD_INPUT
    invalid = check_options(args)
    if invalid is not None:
        return _reject_options(args, invalid)

    app = create_application(sys.argv[:1], language=getattr(args, "language", None))
    window = MainWindow(restore_settings=not scripted)
    window.set_remember_layout(not scripted)
    invalid = widget_limits_problem(window, args, scripted)
    if invalid is not None:
        return _reject_options(args, invalid, window)
    install_exception_hook(window.show_unexpected_error)
    window.set_interactive(ask_on_close=not args.exit_when_done, show_dialogs=not args.exit_when_done)

    def not_started(message: str) -> int:
        """Report why the scripted run cannot start, and return its exit status."""
        # The window shows its error in its own language; the terminal and report get the English.
        message = message.replace(window.last_error, window.last_error_english) if window.last_error else message
        print(f"rnn-desktop gui: error: {message}", file=sys.stderr)
        if args.report:
            failure = _write_report(args.report, failure_report(message, window))
            if failure is not None:
                print(f"rnn-desktop gui: error: {failure}", file=sys.stderr)
        return EXIT_BAD_INPUT

    problem = apply_options(window, args, scripted)
    if problem is not None and args.exit_when_done:
        if args.screenshot:
            _screenshot_not_started(window, problem, args.screenshot)
        return not_started(problem)

    probe = LatencyProbe(parent=window)
    outcome: dict[str, Any] = {"reason": None, "exit": EXIT_OK, "started": None, "stopped_by": None}

    def take_screenshot() -> None:
        failure = _save_screenshot(window, args.screenshot)
        if failure is not None:
            log.error("%s", failure)
            print(f"rnn-desktop gui: error: {failure}", file=sys.stderr)
            outcome["exit"] = EXIT_FAILED

    def on_finished(reason: str) -> None:
        probe.stop()
        wall = time.perf_counter() - outcome["started"] if outcome["started"] else 0.0
        outcome["reason"] = reason
        if reason in ("failed", "diverged"):
            # As train does: a run that diverged or failed is no success, whatever was saved.
            outcome["exit"] = EXIT_FAILED
        if reason == "diverged":
            detail = window.reports[-1].extra.get("reason", "") if window.reports else ""
            print(f"rnn-desktop gui: error: training diverged: {detail}", file=sys.stderr)
        window.refresh_plots()
        app.processEvents()
        if args.save and reason == "diverged":
            # As train does: weights from a run that diverged never replace what --save names.
            unchanged = ", so it keeps what it held before this run" if os.path.exists(args.save) else ""
            print(f"rnn-desktop gui: warning: --save {args.save} was not written, because training diverged{unchanged}",
                  file=sys.stderr)
        elif args.save:
            if window.save_weights(args.save):
                # The screenshot shows how the run ended as well as where the weights went.
                window.statusBar().showMessage(f"{messages.status_finished(reason)} "
                                               f"{messages.status_weights_saved(args.save)}")
            else:
                outcome["exit"] = EXIT_FAILED
        if args.report:
            failure = _write_report(args.report, build_report(window, probe.summary(), wall, reason,
                                                              outcome["stopped_by"]))
            if failure is not None:
                print(f"rnn-desktop gui: error: {failure}", file=sys.stderr)
                outcome["exit"] = EXIT_FAILED
        if args.screenshot:
            take_screenshot()
        if args.exit_when_done:
            window.close()
            app.quit()

    def start() -> None:
        outcome["started"] = time.perf_counter()
        probe.start()
        if not window.start_training():
            probe.stop()
            english = start_problem_in_english(window, args)
            if english is not None:
                window.last_error_english = english
            problem = f"training did not start: {window.last_error}"
            outcome["exit"] = not_started(problem)
            if args.exit_when_done:
                if args.screenshot:
                    # The window already shows why Start is unavailable.
                    _screenshot_not_started(window, window.last_error, args.screenshot)
                window.close()
                app.quit()

    window.run_finished.connect(on_finished)

    def finish_outputs(number: int) -> None:
        """On a stop signal mid-run, stop training so the outputs are written for the epochs done."""
        if outcome["started"] is None or outcome["reason"] is not None or window.state == IDLE:
            return
        from rnn_desktop.commands.train import STOP_SIGNALS

        outcome["stopped_by"] = STOP_SIGNALS.get(number, signal.Signals(number).name)
        if not (args.save or args.report or args.screenshot):
            return
        log.info("stop signal during a scripted run: stopping training to write its outputs")
        finished = QEventLoop()
        window.run_finished.connect(finished.quit)
        QTimer.singleShot(STOP_WAIT_MS, finished.quit)
        window.stop_training()
        finished.exec()

    close_on_stop_signals(app, window, before_close=finish_outputs)
    window.show()
    if problem is not None:
        # The window stays open with the error. Training the default series in
        # place of the data that failed to load would pass for the requested run.
        if window.last_error != problem:
            window.show_error(problem)
        outcome["exit"] = not_started(problem)
        if args.screenshot:
            QTimer.singleShot(PAINT_WAIT_MS, take_screenshot)
    elif args.autostart:
        QTimer.singleShot(PAINT_WAIT_MS, start)

    status = app.exec()
    log.info("event loop ended with status %d; log file %s", status, log_file_path())
    return outcome["exit"] if status == 0 else status
