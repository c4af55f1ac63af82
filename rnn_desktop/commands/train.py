"""``rnn-desktop train``: train without a GUI, printing one line per epoch."""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import re
import signal
import sys
import threading
import time
from typing import Any

import numpy as np

from rnn_desktop.commands.common import (
    config_from_args, data_options_given, describe_decimal_comma_rows, describe_header_mismatch, describe_outliers,
    describe_point_grouping, describe_time_gaps, describe_title_lines, describe_totals_row, describe_unit_row,
    describe_unordered_time, describe_unreadable_date, input_paths, line_list, one_column_problem, recorded_origin, series_from_args,
)
from rnn_desktop.commands.paths import empty_path_problem, outputs_problem, overwrite_problem
from rnn_desktop.core.csv_reader import describe_detected_delimiter, unreadable_time_column
from rnn_desktop.core.errors import RnnDesktopError
from rnn_desktop.core.series import (
    OUTLIER_IQR_FACTOR, csv_source, origin_unreadable_text, scaled_mse, series_from_origin,
    FEW_TRAINING_WINDOWS, series_origin, shorter_window_gain,
)
from rnn_desktop.core.training import (
    LARGE_MODEL_HIDDEN, STOP_COMPLETED, STOP_DIVERGED, STOP_EARLY, STOP_REQUESTED, EpochReport, TrainConfig, Trainer,
    TrainingControl, clipping_on,
)

logger = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1  # training diverged or an output file could not be written
EXIT_BAD_INPUT = 2  # invalid option, data or weights file
# train warns when at least this share of a CSV file's values is missing.
MANY_MISSING_SHARE = 0.1
# Seconds an epoch runs before a terminal gets a line counting its batches, and between updates.
BATCH_LINE_DELAY = 1.0
BATCH_LINE_INTERVAL = 0.5


def format_epoch(report: EpochReport, total: int) -> str:
    """Return the one-line summary of an epoch that the command prints.

    An epoch that a stop or a divergence cut short gives its training loss over
    the batches it finished, followed by their count.
    """
    batches_run, batches = report.extra.get("batches_run"), report.extra.get("batches")
    if report.diverged_at_start:
        train_loss = "train_loss - (diverged in the first batch, before any update)"
    elif batches_run is not None and batches is not None and batches_run < batches:
        train_loss = f"train_loss {report.train_loss:.6g} ({batches_run} of {batches} batches)"
    else:
        train_loss = f"train_loss {report.train_loss:.6g}"
    parts = [
        f"epoch {report.epoch:>{len(str(total))}}/{total}",
        train_loss,
        f"val_loss {report.val_loss:.6g}",
        f"val_rmse {report.val_rmse:.6g}",
        f"val_mae {report.val_mae:.6g}",
        f"grad_norm {report.grad_norm:.3g}",
        f"lr {report.lr:.3g}",
        f"{report.seconds:.3f} s",
        f"{report.samples_per_second:.0f} samples/s",
    ]
    return "  ".join(parts)


def _json_number(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def build_summary(trainer: Trainer, seconds: float, samples: int, train_seconds: float) -> dict[str, Any]:
    """Return the ``--json`` summary.

    Validation metrics are those of the weights the run ends with, which after
    early stopping are the restored best ones; train_loss is then that epoch's
    too. ``samples_per_second`` counts
    training windows per second of training (validation excluded).
    """
    last = trainer.history[-1] if trainer.history else None
    # After early stopping the weights kept are the best epoch's, so its training loss goes with them.
    restored = last.extra.get("restored_epoch") if last is not None else None
    kept_report = next((report for report in trainer.history if report.epoch == restored), last)
    metrics = trainer.validation_metrics()
    summary = {
        "epochs_run": trainer.epoch,
        "train_loss": kept_report.train_loss if kept_report else None,
        "val_loss": scaled_mse(metrics["rmse"], trainer.scaler.divisor),
        "val_rmse": metrics["rmse"],
        "val_mae": metrics["mae"],
        "val_mape": metrics["mape"],
        "naive_val_rmse": trainer.naive_val_rmse,
        "best_val_loss": trainer.best_val_loss,
        "seconds": seconds,
        "samples_per_second": samples / train_seconds if train_seconds > 0 else None,
        "stop_reason": trainer.stop_reason,
        "reason": last.extra.get("reason") if last else None,
        "kept_epoch": restored if restored is not None else trainer.epoch,
        "n_train": trainer.split.n_train,
        "n_val": trainer.split.n_val,
        "config": trainer.config.to_dict(),
        # What series.series_from_origin rebuilds the data from, and its number of values.
        "data": {**(trainer.origin or {}), "values": int(len(trainer.values))},
    }
    return {key: _json_number(value) for key, value in summary.items()}


def _fail(message: str, code: int = EXIT_BAD_INPUT) -> int:
    print(f"rnn-desktop train: error: {message}", file=sys.stderr)
    return code


# The signals that stop training at the next batch boundary, with the outputs still written.
STOP_SIGNALS = {signal.SIGINT: "Ctrl+C"}
if hasattr(signal, "SIGTERM"):
    STOP_SIGNALS[signal.SIGTERM] = "SIGTERM"


# The note on a better earlier epoch needs its val_rmse this many times below the last one:
# smaller differences are the epoch-to-epoch noise of most runs.
BETTER_EPOCH_FACTOR = 1.1


def quality_notes(trainer: Trainer, start_epoch: int, val_rmse: float | None) -> list[str]:
    """Return notes on weights that a run ends with but that predict worse than they could.

    Two checks a forecaster makes first: whether an earlier epoch of this run
    scored better (only early stopping goes back to it), and whether the
    weights beat repeating the last value.
    """
    notes = []
    run = [report for report in trainer.history if report.epoch > start_epoch and math.isfinite(report.val_rmse)]
    if trainer.stop_reason == STOP_COMPLETED and run and val_rmse is not None:
        best = min(run, key=lambda report: report.val_rmse)
        if best.epoch != trainer.epoch and best.val_rmse * BETTER_EPOCH_FACTOR < val_rmse:
            notes.append(f"epoch {best.epoch} had this run's lowest val_rmse, {best.val_rmse:.6g}, but the weights "
                         f"are those of epoch {trainer.epoch}; only early stopping (--patience) goes back to the "
                         "best epoch")
    naive = trainer.naive_val_rmse
    if trainer.epoch > start_epoch and trainer.stop_reason != STOP_DIVERGED and val_rmse is not None \
            and naive is not None and math.isfinite(naive) and val_rmse > naive:
        notes.append(f"val_rmse {val_rmse:.6g} is above naive persistence's {naive:.6g}: repeating the last value "
                     "predicts the validation part better than these weights; train longer or try other settings")
    return notes


def stopped_reason(trainer: Trainer, start_epoch: int, stopped_by: str | None) -> str:
    """Say where a requested stop left the run that began at ``start_epoch``, and by what (a signal's name)."""
    by = f" by {stopped_by}" if stopped_by else ""
    if trainer.epoch == start_epoch or not trainer.history:
        return f"stopped{by} in epoch {trainer.epoch + 1} before its first batch ended; the weights are unchanged"
    last = trainer.history[-1]
    if last.extra.get("batches_run", 0) < last.extra.get("batches", 0):
        return f"stopped{by} in epoch {trainer.epoch}, which counts with the batches it ran"
    return f"stopped{by} after epoch {trainer.epoch}"


class _StopRequest:
    """The first stop signal received, shared by the signal handler and the training loop.

    The handlers are installed before the data is read and the model is built,
    which takes several seconds for a large model. A signal in that time stops
    the command too. Without them, Ctrl+C would raise KeyboardInterrupt there,
    and a shell that started the command with SIGINT ignored would lose it.
    """

    def __init__(self, control: TrainingControl) -> None:
        self.control = control
        self.signum: int | None = None
        # "preparing" while the data is read and the model built, then "training", then "writing".
        self.phase = "preparing"
        # True when the trainer also stops between the time steps of a batch. That means a large model
        # or batch, whose validation also takes a while, so the stop message mentions it.
        self.inside_batches = False
        self.val_windows = 0

    def __call__(self, signum: int, frame: Any) -> None:
        if self.signum is None:
            print(self._message(), file=sys.stderr, flush=True)
            self.signum = signum
        self.control.request_stop()

    def _message(self) -> str:
        if self.phase == "training":
            if self.inside_batches:
                return (f"stop requested; leaving the current batch, which changes nothing, then scoring the "
                        f"{self.val_windows} validation windows")
            return "stop requested; finishing the current batch"
        if self.phase == "writing":
            # Training already ran to its end, so the outputs are complete and the command ends as usual.
            return "stop requested after training ended; the outputs are still written"
        return "stop requested; stopping before training starts"

    @property
    def name(self) -> str:
        return STOP_SIGNALS.get(self.signum, f"signal {self.signum}")

    @property
    def exit_code(self) -> int:
        return 128 + int(self.signum or 0)


def run_train(args: argparse.Namespace) -> int:
    """Train with the given options and return the exit code.

    The code is 0 when done, 1 when training diverged or an output failed, 2 on
    bad input, and 128 plus the signal's number after Ctrl+C (130) or SIGTERM (143).
    """
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    problem = path_options_problem(args)
    if problem is not None:
        logger.info("train command rejected its file options: %s", problem)
        return _fail(problem)
    stop = _StopRequest(TrainingControl())
    previous = _install_stop_handlers(stop)
    try:
        return _train(args, stop)
    finally:
        _restore_handlers(previous)


def _train(args: argparse.Namespace, stop: _StopRequest) -> int:
    control = stop.control
    try:
        config = config_from_args(args)
        config.validate()
        origin = recorded_origin(args.load) if args.load and not data_options_given(args) else None
        if origin is not None:
            series = _series_from_recorded(args.load, origin)
            if series is None:
                return EXIT_BAD_INPUT
            print(f"using the data recorded in {args.load}", flush=True)
        else:
            series = series_from_args(args)
            problem = one_column_problem(series)
            if problem is not None:
                return _fail(problem)
        if args.load:
            changes = {name: getattr(config, name) for name in _given_options(args)}
            trainer = Trainer.from_file(args.load, series.values, control, source=_describe(series), **changes)
        else:
            # A large model's draw takes seconds. So the settings are checked first without it, and a line
            # explains the wait.
            large = config.hidden >= LARGE_MODEL_HIDDEN
            trainer = Trainer(config, series.values, control, source=_describe(series), draw_weights=not large)
            if large:
                print(f"building a model of {config.hidden} hidden units; its random orthogonal start takes "
                      "a while at this size", flush=True)
                trainer.reset_weights(refit_scaler=False)
        trainer.origin = series_origin(series)
    except RnnDesktopError as error:
        logger.info("train command rejected its input: %s", error)
        return _fail(option_error_text(error, args))
    except OSError as error:
        return _fail(f"{error.filename or ''}: {error.strerror or error}")
    except MemoryError as error:
        logger.info("train command ran out of memory while preparing: %s", error)
        return _fail(_out_of_memory_message(error))

    if stop.signum is not None:
        print(f"rnn-desktop train: stopped by {stop.name} before training started; nothing was written",
              file=sys.stderr, flush=True)
        return stop.exit_code

    start_epoch = trainer.epoch
    loaded_rmse = float(trainer.validation_metrics()["rmse"]) if args.load else None
    total = start_epoch + trainer.config.epochs if args.load else trainer.config.epochs
    print(f"training on {len(series.values)} values {_describe_input(series)}: "
          f"{describe_split(trainer.split.n_train, trainer.split.n_val)} of "
          f"{trainer.config.seq_len}; naive persistence val_rmse {trainer.naive_val_rmse:.6g}", flush=True)
    few_windows = None if args.load else describe_few_windows(len(series.values), trainer.config,
                                                              trainer.split.n_train)
    if few_windows:
        print(f"note: {few_windows}", flush=True)
    for note in setting_notes(_given_options(args), trainer.config, trainer.split.n_train):
        print(f"note: {note}", flush=True)
    if series.details.get("point_grouping"):
        print(f"note: {describe_point_grouping(series.details['point_grouping'])}", flush=True)
    missing_lines = series.details.get("missing_rows") or []
    if missing_lines:
        done = {"interpolate": "filled in, linearly between neighbours and with the nearest value at either end",
                "drop": "left out with their rows"}.get(series.details.get("missing_policy"), "handled")
        values = "1 missing value was" if len(missing_lines) == 1 else f"{len(missing_lines)} missing values were"
        print(f"note: {values} {done} ({line_list(missing_lines)}); --missing chooses how", flush=True)
        # The reader's counts are of the file's rows, before any are dropped.
        share = series.details["missing"] / series.details["rows"]
        if share >= MANY_MISSING_SHARE:
            print(f"rnn-desktop train: warning: {share:.0%} of the values of {series.source} are missing, so the "
                  "model learns from and is validated on values that are not in the file; fill them in, or "
                  "train on a part of the file that has them", file=sys.stderr, flush=True)
    if series.details.get("title_lines"):
        print(f"note: {describe_title_lines(series.details['title_lines'])}", flush=True)
    if series.details.get("unit_line") is not None:
        names = [entry["name"] for entry in series.details["columns"]]
        print(f"note: {describe_unit_row(series.details['unit_line'], names, series.details['units'])}", flush=True)
    if series.details.get("totals_row"):
        print(f"note: {describe_totals_row(series.details['totals_row'])}", flush=True)
    date_column = unreadable_time_column(series.details)
    if date_column is not None:
        print(f"note: {describe_unreadable_date(date_column, series.details['unreadable_date'])}", flush=True)
    if series.details.get("time_order") == "newest_first":
        print(f"note: the rows of {series.source} run from newest to oldest by '{series.details['time_column']}', "
              "so they were read bottom up, oldest first", flush=True)
    for column in series.details.get("empty_columns", []) if args.column is None else []:
        print(f"rnn-desktop train: warning: every value in column '{column}' of {series.source} is missing, "
              f"so the default column is '{series.name}'; if '{column}' is the series, fill it in, "
              "or choose the column with --column", file=sys.stderr, flush=True)
    for warning in _data_warnings(series, args.column is None):
        print(f"rnn-desktop train: warning: {warning}", file=sys.stderr, flush=True)
    if trainer.load_warning is not None:
        print(f"rnn-desktop train: warning: {trainer.load_warning}", file=sys.stderr, flush=True)
    if args.load and not trainer.optimizer_restored:
        print(f"note: {args.load} has no saved {trainer.config.optimizer} optimiser state; "
              "the optimiser starts fresh", flush=True)
    if args.load and trainer.stop_reason == STOP_DIVERGED:
        # The file keeps the weights and the settings that diverged, and --load reuses both.
        print(f"note: {args.load} was saved after training diverged at epoch {trainer.epoch} (--lr "
              f"{trainer.history[-1].lr:g}); its weights may predict far off and diverge again when trained "
              "further, so train from fresh weights (without --load) with a lower --lr or a --clip-norm",
              flush=True)
    if loaded_rmse is not None:
        print(f"note: the weights loaded from {args.load} give val_rmse {loaded_rmse:.6g} on this data", flush=True)
    if args.load and trainer.stop_reason == STOP_EARLY:
        print(f"note: {args.load} was saved after early stopping at epoch {trainer.epoch}; training continues "
              f"from the weights of epoch {trainer.best_epoch}, with the patience count back at 0", flush=True)

    totals = {"samples": 0, "seconds": 0.0}
    batch_line = BatchProgressLine(sys.stderr, total) if sys.stderr.isatty() else None
    if batch_line is not None:
        trainer.on_batch = lambda done, batches: batch_line.show(trainer.epoch + 1, done, batches)

    def on_epoch(report: EpochReport) -> None:
        if batch_line is not None:
            batch_line.clear()
        print(format_epoch(report, total), flush=True)
        if report.samples_per_second > 0:
            samples = report.extra["batches_run"] * min(trainer.config.batch_size, trainer.split.n_train)
            samples = min(samples, trainer.split.n_train)
            totals["samples"] += samples
            totals["seconds"] += samples / report.samples_per_second

    # After a stop signal the trainer stops at the next batch boundary, so the
    # outputs below are still written for the epochs done.
    started = time.perf_counter()
    stop.inside_batches = trainer.stops_inside_batches
    stop.val_windows = trainer.split.n_val
    stop.phase = "training"
    try:
        trainer.run(epochs=trainer.config.epochs if args.load else None, on_epoch=on_epoch)
    except MemoryError as error:
        logger.info("train command ran out of memory at epoch %d: %s", trainer.epoch, error)
        return _fail(_out_of_memory_message(error))
    finally:
        stop.phase = "writing"
        trainer.on_batch = None
        if batch_line is not None:
            batch_line.clear()
    seconds = time.perf_counter() - started

    summary = build_summary(trainer, seconds, totals["samples"], totals["seconds"])
    # For scripts: the epochs of this run, where the weights came from, and whether they learnt other data.
    summary["epochs_this_run"] = trainer.epoch - start_epoch
    summary["loaded_from"] = args.load
    summary["load_warning"] = trainer.load_warning
    if trainer.epoch == start_epoch:
        summary["reason"] = None  # no epoch ran, so the last report's reason belongs to an earlier run
    if stop.signum is not None and trainer.stop_reason == STOP_REQUESTED and not summary["reason"]:
        summary["reason"] = stopped_reason(trainer, start_epoch, stop.name)
    epochs = "epoch" if trainer.epoch == 1 else "epochs"
    this_run = trainer.epoch - start_epoch
    # After --load, the epoch count includes the loaded file's epochs, but the time is this run's only.
    loaded = f" ({this_run} in this run)" if start_epoch else ""
    at_start = bool(trainer.history) and trainer.history[-1].diverged_at_start
    if at_start:
        line = f"stop: {trainer.stop_reason} in the first batch, before any update, in {seconds:.2f} s"
    else:
        line = f"stop: {trainer.stop_reason} after {trainer.epoch} {epochs}{loaded} in {seconds:.2f} s"
    if summary["val_rmse"] is not None:
        line += f"; val_rmse {summary['val_rmse']:.6g} (naive persistence {trainer.naive_val_rmse:.6g})"
    print(line, flush=True)
    if summary["reason"]:
        print(summary["reason"], flush=True)
    worse = (loaded_rmse is not None and trainer.epoch > start_epoch and summary["val_rmse"] is not None
             and summary["val_rmse"] > loaded_rmse and trainer.stop_reason != STOP_DIVERGED)
    if worse:
        # Early stopping restores the best epoch of this run only, so a short run can end worse than it began.
        saved_note = f"; {args.save} gets the weights of this run" if args.save else ""
        print(f"note: val_rmse rose from {loaded_rmse:.6g} (the weights loaded from {args.load}) to "
              f"{summary['val_rmse']:.6g}{saved_note}", flush=True)
    for note in quality_notes(trainer, start_epoch, summary["val_rmse"]):
        print(f"note: {note}", flush=True)

    # Weights from a run that diverged may predict far off, so they never replace what --save names.
    if args.save and trainer.stop_reason != STOP_DIVERGED:
        try:
            trainer.save(args.save)
        except OSError as error:
            return _fail(f"cannot write --save {args.save}: {error.strerror or error}", EXIT_FAILED)
        print(f"saved weights to {args.save}", flush=True)
    if args.json:
        try:
            with open(args.json, "w", encoding="utf-8") as stream:
                json.dump(summary, stream, indent=2)
                stream.write("\n")
        except OSError as error:
            return _fail(f"cannot write --json {args.json}: {error.strerror or error}", EXIT_FAILED)
    if trainer.stop_reason == STOP_DIVERGED:
        if not args.save:
            saved = ""
        elif os.path.exists(args.save):
            saved = f"; --save {args.save} was not written, so it keeps what it held before this run"
        else:
            saved = f"; --save {args.save} was not written"
        if at_start:
            what = ("training diverged in its first batch, before any update, so the starting weights cause it; "
                    "use another --init or --activation")
        else:
            fix = ("lower --lr (clipping is already on)" if clipping_on(trainer.config)
                   else "lower --lr or set --clip-norm")
            what = f"training diverged at epoch {trainer.epoch}; {fix}"
        return _fail(f"{what}{saved}", EXIT_FAILED)
    if stop.signum is not None and trainer.stop_reason == STOP_REQUESTED:
        written = [option for option, path in (("--save", args.save), ("--json", args.json)) if path]
        outputs = f"; {' and '.join(written)} written for the epochs done" if written else ""
        print(f"rnn-desktop train: training interrupted by {stop.name} after {trainer.epoch} {epochs}{outputs}",
              file=sys.stderr, flush=True)
        return stop.exit_code
    return EXIT_OK


def path_options_problem(args: argparse.Namespace) -> str | None:
    """Return why the file options cannot be used as given, or None.

    An output may not name the --csv or --load input or the other output, with
    one exception: --save may name the --load file, which it then updates in
    place (the save is atomic, so a failed save keeps the old weights).
    """
    inputs = input_paths(args)
    outputs = (("--save", args.save), ("--json", args.json))
    return (empty_path_problem((*inputs, *outputs))
            or overwrite_problem(inputs, outputs, allowed=[("--save", "--load")])
            or outputs_problem((("--save", args.save, "weights.npz", False),
                                ("--json", args.json, "summary.json", True))))


def with_option_names(message: str, field: Any) -> str:
    """Replace TrainConfig field names in a core message with the options that set them.

    Names with an underscore (seq_len) are replaced everywhere; a plain word such as
    hidden only when it is the field the error is about, because it may be an
    ordinary word elsewhere.
    """
    from rnn_desktop.commands.common import _CONFIG_OPTIONS

    names = [name for name in _CONFIG_OPTIONS if "_" in name or name == field]
    if not names:
        return message
    # Names inside paths and dotted names such as model.hidden are left alone.
    pattern = r"(?<![\w./\\-])(" + "|".join(sorted(names, key=len, reverse=True)) + r")(?![\w/\\-])"
    return re.sub(pattern, lambda match: "--" + match.group(1).replace("_", "-"), message)


class BatchProgressLine:
    """A line on a terminal that counts the batches of a long epoch, rewritten in place.

    It appears once an epoch has run for BATCH_LINE_DELAY seconds and changes at
    most every BATCH_LINE_INTERVAL seconds, so short epochs print nothing extra.
    """

    def __init__(self, stream: Any, total_epochs: int) -> None:
        self._stream = stream
        self._total = total_epochs
        self._epoch = 0
        self._next = 0.0
        self._shown = False

    def show(self, epoch: int, done: int, batches: int) -> None:
        now = time.perf_counter()
        if epoch != self._epoch:
            self._epoch = epoch
            self._next = now + BATCH_LINE_DELAY
        if now < self._next or done >= batches:
            return
        self._next = now + BATCH_LINE_INTERVAL
        self._stream.write(f"\repoch {epoch}/{self._total}: batch {done} of {batches}")
        self._stream.flush()
        self._shown = True

    def clear(self) -> None:
        """Erase the line, before the epoch's own line is printed."""
        if self._shown:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._shown = False


# Settings whose options also take none or 0 to turn them off (see the README).
_OPTIONS_TURNED_OFF = ("config.clip_value", "config.clip_norm", "config.bptt_truncate", "config.patience")


def option_error_text(error: RnnDesktopError, args: argparse.Namespace) -> str:
    """Return a core error's message with the command-line options that set the values it names."""
    message = with_generator_options(with_option_names(str(error), error.params.get("name")), error, args)
    if error.code in _OPTIONS_TURNED_OFF:
        message += ", or none (or 0) to turn it off"
    return message


def with_generator_options(message: str, error: RnnDesktopError, args: argparse.Namespace) -> str:
    """Name the options that set a generated series where a core message names its settings.

    A generator's own settings are --length, --noise and --seed, and its other
    parameters are --param NAME=VALUE.
    """
    if getattr(args, "csv", None):
        return message
    if error.code == "data.too_short":
        message = message.replace("use a longer series", "use a longer series (--length)", 1)
        if "fewer validation windows (at most" in message:
            return message.replace("fewer validation windows (at most", "fewer validation windows (--val-windows at most", 1)
        return message.replace("fewer validation windows", "fewer validation windows (--val-windows or --val-fraction)", 1)
    generator = error.params.get("generator")
    name = error.params.get("name")
    # with_option_names already turned "seed", a TrainConfig field too, into "--seed".
    for prefix in (f"{generator}: {name} = ", f"{generator}: --{name} = "):
        if generator and name and message.startswith(prefix):
            # "sine: noise = -1 is out of range" becomes "sine: --noise -1 is out of range".
            option = f"--{name} " if name in ("length", "noise", "seed") else f"--param {name}="
            return f"{generator}: {option}{message[len(prefix):]}"
    return message


def _describe(series: Any) -> str:
    """Return the data description saved with the weights: the generator or the CSV path and column."""
    if series.source.startswith("generator "):
        return series.source
    return csv_source(series.source, series.name) if series.source else series.name


def describe_split(n_train: int, n_val: int) -> str:
    """Return "8 training and 2 validation windows", each count with its own noun when one of them is 1."""
    if n_train == n_val == 1:
        return "1 training and 1 validation window"
    if 1 in (n_train, n_val):
        return (f"{n_train} training {'window' if n_train == 1 else 'windows'} and "
                f"{n_val} validation {'window' if n_val == 1 else 'windows'}")
    return f"{n_train} training and {n_val} validation windows"


def describe_few_windows(length: int, config: Any, n_train: int) -> str | None:
    """Return a note when there are few training windows, with a shorter --seq-len that gives more, else None."""
    if n_train >= FEW_TRAINING_WINDOWS:
        return None
    gain = shorter_window_gain(length, config.seq_len, config.val_windows, config.val_fraction, n_train)
    if gain is None:
        return (f"only {n_train} training {'window' if n_train == 1 else 'windows'} of {config.seq_len} "
                f"{'value' if config.seq_len == 1 else 'values'}, too few for the model to learn much from; "
                "a longer series trains better")
    return (f"only {n_train} training {'window' if n_train == 1 else 'windows'} of {config.seq_len} values; "
            f"--seq-len {gain[0]} (a quarter of the series) gives {gain[1]}")


def _data_warnings(series: Any, default_column: bool) -> list[str]:
    """Return warnings about a CSV series that reads but may not be what the file means."""
    warnings = []
    ragged = series.details.get("ragged_rows") or []
    if ragged:
        rows = "1 row has" if len(ragged) == 1 else f"{len(ragged)} rows have"
        warnings.append(f"{rows} more or fewer cells than the first row of {series.source} "
                        f"({line_list(ragged)}); an unquoted number with a "
                        "thousands separator or a stray delimiter shifts the cells, so check them with "
                        "rnn-desktop inspect")
    mismatch = series.details.get("header_mismatch")
    if mismatch:
        warnings.append(f"in {series.source}, "
                        + describe_header_mismatch(mismatch[0], mismatch[1], series.details.get("delimiter")))
    if series.details.get("detected_delimiter"):
        warnings.append(f"in {series.source}, " + describe_detected_delimiter(
            series.details["delimiter"], series.details["detected_delimiter"]))
    decimal_comma_rows = series.details.get("decimal_comma_rows")
    if decimal_comma_rows:
        warnings.append(f"in {series.source}, {describe_decimal_comma_rows(decimal_comma_rows)}")
    if series.details.get("time_order") == "unordered":
        warnings.append(f"in {series.source}, "
                        + describe_unordered_time(series.details.get("time_column"), series.details.get("unordered_line")))
    if series.details.get("time_gaps"):
        warnings.append(f"in {series.source}, "
                        + describe_time_gaps(series.details.get("time_column"), series.details["time_gaps"]))
    outliers = series.details.get("outliers") or []
    if outliers:
        values = "1 value lies" if len(outliers) == 1 else f"{len(outliers)} values lie"
        warnings.append(f"{values} far from the others in column '{series.name}' of {series.source} "
                        f"({describe_outliers(outliers)}), more than {OUTLIER_IQR_FACTOR:g} times the interquartile range from "
                        "the median; scaling squeezes the other values into a narrow band, so check "
                        f"{'that cell' if len(outliers) == 1 else 'those cells'} in the file")
    if default_column and "column" in series.details and series.values.size and np.ptp(series.values) == 0:
        warnings.append(f"every value in column '{series.name}' of {series.source} is {series.values[0]:g}; "
                        "if another column is the series, choose it with --column")
    elif "column" not in series.details and series.values.size and np.ptp(series.values) == 0:
        # A generated series is flat with an amplitude or step of 0, for example.
        warnings.append(f"every value of {series.source} is {series.values[0]:g}, so there is nothing to learn; "
                        "check its --param values")
    return warnings


def _series_from_recorded(weights_path: str, origin: dict[str, Any]) -> Any:
    """Rebuild the series recorded in a weights file, or print why it failed and return None."""
    try:
        return series_from_origin(origin)
    except (RnnDesktopError, OSError) as error:
        logger.info("the data recorded in %s could not be read: %s", weights_path, error)
        _fail(origin_unreadable_text(weights_path, origin, error))
        return None


def _describe_input(series: Any) -> str:
    """Return where the values come from, for the first line: the generator, or the CSV column and time axis."""
    if not series.source or series.source.startswith("generator "):
        return f"from {series.source or series.name}"
    text = f"of column '{series.name}' from {series.source}"
    time_column = series.details.get("time_column")
    if time_column:
        text += f", time axis '{time_column}'"
    return text


def _out_of_memory_message(error: MemoryError) -> str:
    detail = f" ({error})" if str(error) else ""
    return (f"out of memory{detail}; use a smaller --hidden, --seq-len or --batch-size, "
            "or close other programs")


def _install_stop_handlers(handler: Any) -> dict[int, Any]:
    """Set ``handler`` for the stop signals when running in the main thread; return the previous handlers."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    return {signum: signal.signal(signum, handler) for signum in STOP_SIGNALS}


def _restore_handlers(previous: dict[int, Any]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler if handler is not None else signal.SIG_DFL)


def setting_notes(given_options: list[str], config: TrainConfig, n_train: int) -> list[str]:
    """Return notes on the settings in ``given_options`` (TrainConfig fields) that have no effect as set."""
    given = set(given_options)
    notes = []
    if "momentum" in given and config.optimizer != "momentum":
        notes.append(f"--momentum applies to --optimizer momentum only, so {config.optimizer} does not use it")
    if "bptt_truncate" in given and config.bptt_truncate is not None and config.bptt_truncate >= config.seq_len:
        notes.append(f"--bptt-truncate {config.bptt_truncate} is not below the window length {config.seq_len}, "
                     "so backpropagation runs through the whole window, as without it")
    if "batch_size" in given and config.batch_size > n_train:
        notes.append(f"--batch-size {config.batch_size} is more than the {n_train} training windows, so each "
                     f"epoch is one batch of {n_train}")
    return notes


def _given_options(args: argparse.Namespace) -> list[str]:
    """Return the TrainConfig fields given on the command line (present in ``args``)."""
    from rnn_desktop.commands.common import _CONFIG_OPTIONS

    names = [name for name in _CONFIG_OPTIONS if hasattr(args, name)]
    if "val_fraction" in names and "val_windows" not in names:
        names.append("val_windows")  # config_from_args cleared it in favour of the fraction
    return names
