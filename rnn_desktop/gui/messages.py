"""Every message the window shows, in one place and through Qt translation.

Messages that take values use Qt's "%1" placeholders, filled in after
translation, so translators see the whole sentence. Core errors carry a
``code`` and ``params``; ``error_text`` turns the codes it has sentences for into a
translated sentence and falls back to the error's English message.
"""

from __future__ import annotations

import math
import re
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from rnn_desktop.core.errors import RnnDesktopError
from rnn_desktop.gui.generator_texts import generator_label

# pyside6-lupdate files module-level tr() calls under the empty context,
# so the lookup at run time uses the same one.
_CONTEXT = ""


def tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


# Below this size, a number with more whole digits than its significant digits is written in full
# with group separators (444,372 rather than 4.444e+05). From it on, the exponent form is shorter.
WHOLE_NUMBER_LIMIT = 1e9


def format_number(value: float | None, digits: int = 4) -> str:
    """Format a number in the current locale with ``digits`` significant digits; "-" for None.

    A number with more than ``digits`` whole digits keeps all of them, below WHOLE_NUMBER_LIMIT.
    """
    if value is None:
        return "-"
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    if 10.0 ** digits <= abs(value) < WHOLE_NUMBER_LIMIT:
        return format_integer(round(value))
    return QLocale().toString(float(value), "g", digits)


def format_percent(value: float | None) -> str:
    """Format a percentage with 3 significant digits and a percent sign, "n/a" for None.

    None is a MAPE left out because the series contains zeros, and "MAPE -" read oddly.
    """
    if value is None:
        return tr("n/a")
    # A no-break space keeps "%" beside its number where a line wraps.
    return format_number(value, 3) + "\u00a0%"


def format_value(value: float) -> str:
    """Format a setting's value: whole numbers in full (1,000,000, not 1e+06), others with 6 significant digits."""
    if float(value).is_integer() and abs(value) < 1e15:
        return format_integer(int(value))
    return format_number(value, 6)


def format_cell_value(value: float) -> str:
    """Format a value read from a file close to how the file writes it: up to 12 significant digits and
    no group separators, so that a search in the file finds it (1500, not 1,500), with the locale's decimal mark.
    """
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() | QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(float(value), "g", 12)


def format_integer(value: int) -> str:
    return QLocale().toString(int(value))


def format_rate(value: float | None) -> str:
    """Format a rate such as samples per second: whole numbers from 100 up, else 3 digits."""
    if value is None or value != value or value in (float("inf"), float("-inf")):
        return "-"
    return format_integer(round(value)) if abs(value) >= 100 else format_number(value, 3)


def format_time_length(seconds: float) -> str:
    """Write a length of time in its largest whole unit: "4 minutes", "1 day"."""
    from rnn_desktop.core.csv_reader import time_length_parts

    count, unit = time_length_parts(seconds)
    singular, plural = {"day": (tr("1 day"), tr("%1 days")), "hour": (tr("1 hour"), tr("%1 hours")),
                        "minute": (tr("1 minute"), tr("%1 minutes")),
                        "second": (tr("1 second"), tr("%1 seconds"))}[unit]
    if count == 1:
        return singular
    return plural.replace("%1", format_integer(int(count)) if unit != "second" else format_number(count))


def format_duration(seconds: float) -> str:
    """Format a duration as m:ss or h:mm:ss."""
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


# Titles of message boxes.
def title_error() -> str:
    return tr("rnn-desktop: error")


def title_invalid_settings() -> str:
    return tr("Invalid settings")


def title_unsaved_weights() -> str:
    return tr("Unsaved weights")


# Status bar and dialogs.
def status_ready() -> str:
    return tr("Ready. Press Start (F5) to train.")


def status_training() -> str:
    return tr("Training...")


def status_building_model(hidden: int) -> str:
    return tr("Building a model of %1 hidden units...").replace("%1", format_integer(hidden))


def busy_predicting(windows: int, hidden: int) -> str:
    return tr("Computing the predictions of %1 windows with %2 hidden units...").replace(
        "%1", format_integer(windows)).replace("%2", format_integer(hidden))


def status_pausing() -> str:
    return tr("Pausing after the current batch...")


def status_stopping() -> str:
    # A large model on a long series then takes a while to score the validation windows and predict the series.
    return tr("Stopping: the current batch ends, then the weights are scored and the predictions drawn...")


def status_paused() -> str:
    return tr("Paused. Resume, Step one epoch, or change the learning rate.")


def status_value_clamped(name: str, typed: float, kept: float, minimum: float, maximum: float) -> str:
    """Say that a number typed into field ``name`` was outside its range.

    ``name`` is a TrainConfig field, "noise" or a generator parameter.
    """
    from rnn_desktop.gui.core_errors import field_label

    label = field_label(name)
    return tr("%1: %2 is outside the field's range, %4 to %5, so it is now %3.").replace(
        "%1", label[:1].upper() + label[1:]).replace("%2", format_value(typed)).replace(
        "%3", format_value(kept)).replace("%4", format_value(minimum)).replace("%5", format_value(maximum))


def status_forecast_steps_after_run(steps: int) -> str:
    return tr("The forecast takes %1 steps once this run ends or stops.").replace("%1", format_integer(steps))


def status_lr_from_next_epoch(lr: float) -> str:
    return tr("Learning rate %1 from the next epoch on; the metrics line shows the rate of the last epoch.").replace(
        "%1", format_number(lr, 3))


def status_finished(reason: str, clipping: bool = False) -> str:
    """Return why a run ended. ``clipping`` tells whether gradient clipping was on, for the divergence advice."""
    if reason == "diverged" and clipping:
        return tr("Training stopped: the loss diverged. The weights kept from before that point may already be "
                  "far off, so lower the learning rate (gradient clipping is already on), press Reset weights and "
                  "train again before using them.")
    return {
        "completed": tr("Training finished: all epochs ran."),
        "early_stopping": tr("Training finished: validation loss stopped improving (early stopping)."),
        # The weights from before the divergence can already predict far worse than the naive forecast.
        "diverged": tr("Training stopped: the loss diverged. The weights kept from before that point may "
                       "already be far off, so lower the learning rate or enable clipping, press Reset weights "
                       "and train again before using them."),
        "stopped": tr("Training stopped."),
        "failed": tr("Training failed; see the error message and the log file."),
    }.get(reason, tr("Training ended: %1").replace("%1", reason))


def status_worse_than_naive() -> str:
    """Say that the weights kept predict worse than repeating the last value; the metrics line has the numbers."""
    return tr("The weights kept predict worse than repeating the last value: train longer or try other settings.")


def export_file_part(export_kind: str) -> str:
    """Return the part of a proposed file name that says what the file holds, in the interface's language.

    ``export_kind`` is "weights", "predictions", "loss_history" or a plot's export name
    followed by "_plot"; any other text comes back as it is.
    """
    parts = {
        "weights": tr("weights"),
        "predictions": tr("predictions"),
        "loss_history": tr("loss_history"),
        "loss_plot": tr("loss_plot"),
        "predictions_plot": tr("predictions_plot"),
        "gradient_plot": tr("gradient_plot"),
        "hidden_state_plot": tr("hidden_state_plot"),
    }
    return parts.get(export_kind, export_kind)


def status_runaway_loss(peak: float, best: float, factor: float, validation_windows: int | None = None) -> str:
    """Return the sentence added to the early-stopping status when the validation loss rose ``factor`` times.

    With ``validation_windows`` given (fewer than FEW_VALIDATION_WINDOWS), the sentence adds that the best may be luck.
    """
    if validation_windows == 1:
        text = tr("The validation loss then rose to %1, over %3 times its best (%2). With only 1 validation "
                  "window, that best may be luck: a longer series gives a steadier measure, and a lower "
                  "learning rate may help too.")
    elif validation_windows is not None:
        text = tr("The validation loss then rose to %1, over %3 times its best (%2). With only %4 validation "
                  "windows, that best may be luck: a longer series gives a steadier measure, and a lower "
                  "learning rate may help too.").replace("%4", format_integer(validation_windows))
    else:
        text = tr("The validation loss then rose to %1, over %3 times its best (%2): a learning rate that is too "
                  "high often does that, so try a lower one.")
    return text.replace("%1", format_number(peak, 3)).replace("%2", format_number(best, 3)).replace(
        "%3", format_number(factor))


def status_diverged_at_start() -> str:
    return tr("Training stopped: the loss diverged in the first batch, before any update, so the starting "
              "weights cause it. Choose another initialisation or activation and train again.")


def status_csv_loaded(path: str, rows: int, column: str) -> str:
    return tr("Loaded %1: %2 values from column \"%3\".").replace("%1", path).replace(
        "%2", format_integer(rows)).replace("%3", column_name(column))


def column_name(name: str) -> str:
    """Return a column name as the window shows it, with the reader's "column N" translated.

    The reader names a column "column N" (counted from 0) when the file has no
    header or the header cell is empty. The name itself stays English, because
    the command line and the weights files use it.
    """
    generated = re.fullmatch(r"column (\d+)", name)
    if generated is None:
        return name
    return tr("column %1").replace("%1", generated.group(1))


def column_unit(details: dict[str, Any], name: str | None) -> str:
    """Return the unit that the file's units row gives column ``name``, or "" when it gives none.

    ``details`` is the reader's JSON form (CsvInfo.to_json_dict), as a CSV series keeps it.
    """
    units = details.get("units") or []
    names = [entry.get("name") for entry in details.get("columns", ())]
    if name not in names or names.index(name) >= len(units):
        return ""
    return units[names.index(name)]


def unit_text(unit: str) -> str:
    """Return ``unit`` without one pair of enclosing brackets, so "(EUR)" and "[m/s]" fit in a label's own."""
    if len(unit) > 2 and unit[0] + unit[-1] in ("()", "[]"):
        return unit[1:-1].strip()
    return unit


def column_label(name: str, unit: str) -> str:
    """Return a column name as column_name shows it, followed by its unit in parentheses when it has one."""
    if not unit:
        return column_name(name)
    return f"{column_name(name)} ({unit_text(unit)})"


def error_origin_missing(path: str, data: str) -> str:
    return tr("%1 was trained on %2, which is not found any more. Give the data with --csv or "
              "--generator.").replace("%1", path).replace("%2", data)


def question_open_origin_to_fit(data: str, reason: str) -> str:
    """Offer to open the data of weights that do not fit the current series; ``reason`` is why they do not."""
    # The reason is written to follow "Could not load FILE: ", so it starts in lower case.
    return tr("%2\n\nThe weights were trained on %1. Open that data and load the weights onto it?").replace(
        "%1", data).replace("%2", reason[:1].upper() + reason[1:])


def error_weights_do_not_fit(path: str, reason: str) -> str:
    return tr("Cannot load %1 onto the current series: %2").replace("%1", path).replace("%2", reason)


def title_open_origin() -> str:
    return tr("Open the weights' data?")


def question_open_origin(data: str) -> str:
    return tr("These weights were trained on %1, not on the current series.\n\n"
              "Yes: open that data and load the weights onto it.\n"
              "No: load the weights onto the current series.\n"
              "Cancel: do not load the weights.").replace("%1", data)


def status_weights_not_loaded(path: str) -> str:
    return tr("Weights from %1 not loaded.").replace("%1", path)


def shown_path(path: str) -> str:
    """Return ``path`` as messages show it: "sample NAME" for a file of File > Open sample.

    The samples live inside the installed package, under a long path that
    means nothing to the person.
    """
    from pathlib import Path

    from rnn_desktop.resources import resource_path

    try:
        candidate = Path(path).resolve()
        is_sample = candidate.parent == resource_path("data").resolve() and candidate.is_file()
    except (OSError, ValueError):
        return path
    return tr("sample %1").replace("%1", candidate.name) if is_sample else path


def origin_csv(path: str, column: str) -> str:
    return tr("%1, column \"%2\"").replace("%1", shown_path(path)).replace("%2", column)


def origin_generator(name: str, length: int) -> str:
    return tr("the %1 generator (%2 values)").replace("%1", generator_label(name)).replace(
        "%2", format_integer(length))


def question_replace_file(path: str) -> str:
    return tr("%1 already exists. Replace it?").replace("%1", path)


def status_weights_saved(path: str) -> str:
    return tr("Weights saved to %1.").replace("%1", path)


def status_weights_loaded(path: str, epoch: int) -> str:
    if epoch == 1:
        return tr("Weights loaded from %1 (trained for 1 epoch).").replace("%1", path)
    return tr("Weights loaded from %1 (trained for %2 epochs).").replace("%1", path).replace(
        "%2", format_integer(epoch))


def status_weights_loaded_other_data(path: str, epoch: int, warning: str) -> str:
    return status_weights_loaded(path, epoch) + " " + tr("Warning: %1").replace("%1", warning)


def metrics_with_other_scaler(metrics: str) -> str:
    """Mark a metrics line of weights loaded onto other data, still scaled as that data."""
    return tr("Scaler fitted on other data · %1").replace("%1", metrics)


def warning_text(warning: str) -> str:
    return tr("Warning: %1").replace("%1", warning)


def status_exported(path: str) -> str:
    return tr("Exported to %1.").replace("%1", path)


def status_new_model(old_epochs: int) -> str:
    if old_epochs == 1:
        return tr("The data or the model settings changed, so training starts a new model; "
                  "the previous one had trained for 1 epoch.")
    return tr("The data or the model settings changed, so training starts a new model; "
              "the previous one had trained for %1 epochs.").replace("%1", format_integer(old_epochs))


def status_weights_reset() -> str:
    return tr("Weights re-initialised.")


def status_language_changed(language: str) -> str:
    """Return the sentence that the language changes at the next start, in the chosen ``language``."""
    from rnn_desktop.gui.app import translate_into

    text = QT_TRANSLATE_NOOP("", "The language changes the next time the app starts.")
    return translate_into(language, _CONTEXT, text)


def status_language_in_use() -> str:
    return tr("The window already uses this language.")


def delimiter_name(delimiter: str) -> str:
    """Return a delimiter's name as the Data tab's Delimiter list shows it, such as "comma (,)"."""
    names = {",": tr("comma (,)"), ";": tr("semicolon (;)"), "|": tr("vertical bar (|)"), "\t": tr("tab")}
    return names.get(delimiter, f"\"{delimiter}\"")


def other_delimiter_note(split: dict, decimal: str, name_of: Callable[[str], str] = delimiter_name) -> str:
    """Return the sentence on columns that a file read as one column hides.

    ``split`` is the reader's "other_delimiter" finding, and ``name_of`` names
    a delimiter (the Data tab passes its list's own names).
    """
    rows = split["delimiter"]
    header = split.get("header_delimiter") or rows
    if header != rows:
        note = tr("The file reads as one column, but its header splits at the %4 into %2 columns (%3) and its rows "
                  "at the %1; if the %1 separates the columns, choose it as the delimiter.").replace("%4", name_of(header))
    elif rows == "," and decimal == ",":
        note = tr("The file reads as one column, but the header and the rows split at the %1 into %2 columns (%3); "
                  "if the %1 separates the columns, choose it as the delimiter and the point (.) as the decimal mark.")
    else:
        note = tr("The file reads as one column, but the header and the rows split at the %1 into %2 columns (%3); "
                  "if the %1 separates the columns, choose it as the delimiter.")
    return note.replace("%1", name_of(rows)).replace("%2", format_integer(len(split["names"]))).replace(
        "%3", ", ".join(split["names"]))


def status_cannot_start(problem: str) -> str:
    return tr("Start is unavailable. %1").replace("%1", problem)


def status_settings_adapted(values: int, changes: list[str], to_train: bool = True) -> str:
    """Say which settings were changed to fit a series of ``values`` values, and why.

    ``to_train`` is False when no change was needed to train: each one gives back a
    setting that an earlier, shorter series took away, or is the usual split of a
    CSV file or of a generated series.
    """
    if to_train:
        text = tr("Adapted the settings to the %1 values of this series, so it can train: %2.")
    else:
        text = tr("Adapted the settings to the %1 values of this series: %2.")
    return text.replace("%1", format_integer(values)).replace("%2", "; ".join(changes))


def split_summary(n_train: int, n_val: int) -> str:
    """Name the numbers of training and validation windows, in the singular for a count of 1."""
    # One sentence per combination lets translators see each whole. English and Italian both
    # use the singular for 1 only.
    if n_train == 1 and n_val == 1:
        text = tr("1 training window, 1 validation window")
    elif n_train == 1:
        text = tr("1 training window, %2 validation windows")
    elif n_val == 1:
        text = tr("%1 training windows, 1 validation window")
    else:
        text = tr("%1 training, %2 validation windows")
    return text.replace("%1", format_integer(n_train)).replace("%2", format_integer(n_val))


def change_window_length(old: int, new: int, shortest: bool = False) -> str:
    """Name a window length cut to fit a short series: a quarter of it, or with ``shortest`` the shortest of 1."""
    if shortest:
        text = tr("window length %1 -> %2 (the shortest window, as a quarter of the series is less than 1)")
    else:
        text = tr("window length %1 -> %2 (at most a quarter of the series)")
    return text.replace("%1", format_integer(old)).replace("%2", format_integer(new))


def change_window_length_back(old: int, new: int) -> str:
    return tr("window length %1 -> %2 again, as before the shorter series").replace(
        "%1", format_integer(old)).replace("%2", format_integer(new))


def change_split_to_fraction(percent: int) -> str:
    return tr("validation on the last %1 % of the windows").replace("%1", format_integer(percent))


def change_split_to_csv_fraction(percent: int) -> str:
    return tr("validation on the last %1 % of the windows, as for every CSV file").replace(
        "%1", format_integer(percent))


def change_split_to_windows(windows: int) -> str:
    return tr("validation on the last %1 windows, as for every generated series").replace(
        "%1", format_integer(windows))


def status_step_done(epoch: int) -> str:
    return tr("Trained one more epoch; the model is now at epoch %1.").replace("%1", format_integer(epoch))


def status_continue_after_early_stop(kept_epoch: int) -> str:
    return tr("Training continues after early stopping from the weights of epoch %1; "
              "the patience count starts again at 0.").replace("%1", format_integer(kept_epoch))


def status_step_after_early_stop(kept_epoch: int, epoch: int) -> str:
    return tr("Trained one more epoch after early stopping, from the weights of epoch %1; the model is now "
              "at epoch %2, and the patience count started again at 0.").replace(
        "%1", format_integer(kept_epoch)).replace("%2", format_integer(epoch))


def status_tutorial_preset(on_tutorial_series: bool = True) -> str:
    """Say what the tutorial preset does; ``on_tutorial_series`` is False for data other than sin(0..199)."""
    if on_tutorial_series:
        return tr("Tutorial preset: its saturated sigmoid units barely learn in 25 epochs and end near "
                  "predicting zero. Choose Recommended for a model that fits the series.")
    return tr("Tutorial preset: the classic tutorial's settings, made for its sine wave. Its saturated sigmoid "
              "units barely learn in 25 epochs, and this series is not scaled, so expect a poor fit. "
              "Choose Recommended for a model that fits the series.")


def progress_previous_model() -> str:
    return tr("Results of the previous model; Start trains a new one")


def progress_step(epoch: int) -> str:
    return tr("Epoch %1 (one step)").replace("%1", format_integer(epoch))


def progress_early_stop(epoch: int, kept_epoch: int) -> str:
    return tr("Stopped early at epoch %1, kept epoch %2").replace("%1", format_integer(epoch)).replace(
        "%2", format_integer(kept_epoch))


def metrics_previous_model(text: str) -> str:
    return tr("Previous model. %1").replace("%1", text)


def question_replace_model(epochs: int) -> str:
    if epochs == 1:
        return tr("Training now starts a new model, which replaces the current one, trained for 1 epoch. "
                  "Its weights have not been saved. Save them first?")
    return tr("Training now starts a new model, which replaces the current one, trained for %1 epochs. "
              "Its weights have not been saved. Save them first?").replace("%1", format_integer(epochs))


def question_load_model(epochs: int) -> str:
    if epochs == 1:
        return tr("Loading weights replaces the current model, trained for 1 epoch. "
                  "Its weights have not been saved. Save them first?")
    return tr("Loading weights replaces the current model, trained for %1 epochs. "
              "Its weights have not been saved. Save them first?").replace("%1", format_integer(epochs))


def note_kept_weights(kept_epoch: int) -> str:
    return tr("Early stopping kept the weights of epoch %1, so those are the weights Save writes.").replace(
        "%1", format_integer(kept_epoch))


def question_reset_model(epochs: int) -> str:
    if epochs == 1:
        return tr("Reset weights discards the training of the current model, 1 epoch. "
                  "Its weights have not been saved. Save them first?")
    return tr("Reset weights discards the training of the current model, %1 epochs. "
              "Its weights have not been saved. Save them first?").replace("%1", format_integer(epochs))


def menu_open_sample() -> str:
    return tr("Open sa&mple")


def sample_title(name: str) -> str:
    return {
        "airpassengers.csv": tr("Airline passengers, monthly 1949-1960 (144 values)"),
        "nile.csv": tr("Nile river flow, yearly 1871-1970 (100 values)"),
        "sunspots_monthly.csv": tr("Sunspots, monthly 1749-2013 (3177 values)"),
    }.get(name, name)


def progress_text(epoch: int, total: int, eta_seconds: float | None, samples_per_second: float) -> str:
    """Describe the run's progress; the ETA part is left out while it is unknown."""
    if eta_seconds is None:
        return tr("Epoch %1 / %2 - %4 samples/s").replace("%1", format_integer(epoch)).replace(
            "%2", format_integer(total)).replace("%4", format_rate(samples_per_second))
    return tr("Epoch %1 / %2 - ETA %3 - %4 samples/s").replace("%1", format_integer(epoch)).replace(
        "%2", format_integer(total)).replace("%3", format_duration(eta_seconds)).replace(
        "%4", format_rate(samples_per_second))


def progress_idle() -> str:
    return tr("No training yet")


def progress_batches(epoch: int, total: int, done: int, batches: int, eta_seconds: float | None = None) -> str:
    """Describe a long epoch's progress by its batches, with the run's time left when known."""
    text = tr("Epoch %1 / %2 running: batch %3 of %4").replace("%1", format_integer(epoch)).replace(
        "%2", format_integer(total)).replace("%3", format_integer(done)).replace("%4", format_integer(batches))
    if eta_seconds is None:
        return text
    return tr("%1 - ETA %2").replace("%1", text).replace("%2", format_duration(eta_seconds))


def progress_batches_paused(epoch: int, total: int, done: int, batches: int) -> str:
    """Describe a run paused in the middle of a long epoch."""
    return tr("Epoch %1 / %2 paused after batch %3 of %4").replace("%1", format_integer(epoch)).replace(
        "%2", format_integer(total)).replace("%3", format_integer(done)).replace("%4", format_integer(batches))


def progress_running(epoch: int, total: int) -> str:
    """Describe a run before its first epoch ends, which on a long series takes a while."""
    return tr("Epoch %1 / %2 running").replace("%1", format_integer(epoch)).replace("%2", format_integer(total))


def progress_paused(epoch: int, total: int) -> str:
    """Describe a run paused before its first epoch ended or counted a batch."""
    return tr("Epoch %1 / %2 paused").replace("%1", format_integer(epoch)).replace("%2", format_integer(total))


def progress_diverged(epoch: int, divergence: dict | None) -> str:
    """Say which value diverged at ``epoch``, from the trainer's ``extra["divergence"]`` numbers."""
    quantities = {"training loss": tr("the training loss"), "gradient norm": tr("the gradient norm"),
                  "validation loss": tr("the validation loss"), "weight": tr("a weight")}
    if not divergence or divergence.get("quantity") not in quantities:
        return tr("Diverged at epoch %1").replace("%1", format_integer(epoch))
    quantity = quantities[divergence["quantity"]]
    if divergence.get("limit") is not None:
        return tr("Diverged at epoch %1: %2 reached %3, above the limit of %4").replace(
            "%1", format_integer(epoch)).replace("%2", quantity).replace(
            "%3", format_number(divergence["value"])).replace("%4", format_number(divergence["limit"]))
    return tr("Diverged at epoch %1: %2 became NaN or infinite").replace(
        "%1", format_integer(epoch)).replace("%2", quantity)


def progress_stopped(epoch: int, target: int) -> str:
    return tr("Stopped at epoch %1 of %2").replace("%1", format_integer(epoch)).replace("%2", format_integer(target))


def progress_stopped_before_batch(epoch: int) -> str:
    return tr("Stopped in epoch %1 before its first batch ended; the weights are unchanged").replace(
        "%1", format_integer(epoch))


def progress_stopped_in_epoch(epoch: int, done: int, batches: int) -> str:
    return tr("Stopped in epoch %1, after %2 of its %3 batches").replace("%1", format_integer(epoch)).replace(
        "%2", format_integer(done)).replace("%3", format_integer(batches))


def progress_loaded_early_stop(best_epoch: int, epoch: int) -> str:
    return tr("Loaded the weights of epoch %1, which early stopping kept after %2 epochs").replace(
        "%1", format_integer(best_epoch)).replace("%2", format_integer(epoch))


def progress_loaded(epoch: int) -> str:
    return tr("Loaded weights of epoch %1; not trained further yet").replace("%1", format_integer(epoch))


def baseline_text(rmse: float | None, naive_rmse: float | None) -> str:
    """Give the persistence baseline's RMSE, saying so when it beats ``rmse``."""
    if rmse is not None and naive_rmse is not None and math.isfinite(rmse) and rmse > naive_rmse:
        return tr("repeating the last value does better: %1").replace("%1", format_number(naive_rmse))
    return tr("repeating the last value: %1").replace("%1", format_number(naive_rmse))


def metrics_text(report: Any, naive_rmse: float | None) -> str:
    """Summarise an EpochReport's validation metrics, beside the persistence baseline's RMSE."""
    mape = format_percent(report.val_mape)
    return tr("Validation RMSE %1 (%4) · MAE %2 · MAPE %3 · learning rate %5").replace(
        "%1", format_number(report.val_rmse)).replace("%2", format_number(report.val_mae)).replace(
        "%3", mape).replace("%4", baseline_text(report.val_rmse, naive_rmse)).replace(
        "%5", format_number(report.lr, 3))


def final_metrics_text(metrics: dict, naive_rmse: float | None, epoch: int) -> str:
    """Summarise the validation metrics of the weights kept at the end of a run.

    Epoch 0 stands for the starting weights, kept when the first batch diverged.
    """
    mape = format_percent(metrics.get("mape"))
    if epoch == 0:
        return tr("Starting weights, before any update: validation RMSE %1 (%2) · MAE %3 · MAPE %4").replace(
            "%1", format_number(metrics["rmse"])).replace("%2", baseline_text(metrics["rmse"], naive_rmse)).replace(
            "%3", format_number(metrics["mae"])).replace("%4", mape)
    return tr("Weights of epoch %1: validation RMSE %2 (%3) · MAE %4 · MAPE %5").replace(
        "%1", format_integer(epoch)).replace("%2", format_number(metrics["rmse"])).replace(
        "%3", baseline_text(metrics["rmse"], naive_rmse)).replace("%4", format_number(metrics["mae"])).replace(
        "%5", mape)


def question_save_weights() -> str:
    return tr("The trained weights have not been saved. Save them before closing?")


def error_predictions_of_other_data() -> str:
    return tr("The model was trained on other data than the series shown, so there are no predictions of this "
              "series to export. Press Start or Step to train on it, or open the model's data again.")


def error_no_model() -> str:
    return tr("There is no model yet. Train one with Start or Step, or load weights.")


def error_no_epochs_to_export() -> str:
    return tr("There is no loss history yet. Train with Start or Step, then export it.")


def error_busy() -> str:
    return tr("Stop or pause training first.")


def error_lr_only_when_paused() -> str:
    return tr("The learning rate can be changed while training is paused or stopped.")


def error_file_not_read(path: str, reason: str) -> str:
    return tr("Could not read %1: %2").replace("%1", path).replace("%2", reason)


def error_setting_beyond_field(name: str, value: float, minimum: float, maximum: float,
                               decimals: int | None) -> str:
    """Return why a loaded setting cannot be shown: its field in the window would clamp or round it."""
    if minimum <= value <= maximum:
        text = tr("%1 is %2, with more decimal places than the window keeps (%3). "
                  "Continue training with the command line: rnn-desktop train --load FILE").replace(
            "%3", format_integer(decimals or 0))
    else:
        text = tr("%1 is %2, outside the range the window accepts (%3 to %4). "
                  "Continue training with the command line: rnn-desktop train --load FILE").replace(
            "%3", format_number(minimum, 8)).replace("%4", format_number(maximum, 8))
    return text.replace("%1", name).replace("%2", format_number(value, 12))


def error_file_not_written(path: str, reason: str) -> str:
    return tr("Could not write %1: %2").replace("%1", path).replace("%2", reason)


def error_dropped_file(path: str) -> str:
    return tr("Cannot open %1: drop a .csv, .tsv or .txt file to load data, or a .npz file to load "
              "weights.").replace("%1", path)


def error_worker(message: str, log_path: str) -> str:
    return tr("Training failed with an unexpected error: %1\nThe details are in the log file %2.").replace(
        "%1", message).replace("%2", log_path)


def error_process_died(exit_code: int | None, epoch: int, log_path: str) -> str:
    """Return the error for a training process that ended during a run, with its exit status and the model's epoch."""
    if exit_code is None:
        exit_status = tr("exit status unknown")
    elif exit_code < 0:
        exit_status = tr("stopped by signal %1").replace("%1", str(-exit_code))
    else:
        exit_status = tr("exit code %1").replace("%1", str(exit_code))
    return tr("The training process ended unexpectedly (%1). The model is back at epoch %2, where the run "
              "started or was last paused.\nThe details are in the log file %3.").replace(
        "%1", exit_status).replace("%2", format_integer(epoch)).replace("%3", log_path)


def error_unexpected(message: str, log_path: str) -> str:
    return tr("Unexpected error: %1\nThe details are in the log file %2.").replace(
        "%1", message).replace("%2", log_path)


# Core errors by code. Each entry builds the sentence from the error's params;
# a code missing here, or params missing from an error, fall back to str(error).
def _config_invalid(p: dict) -> str:
    return tr("Invalid value %1 for %2: %3").replace("%1", str(p["value"])).replace(
        "%2", str(p["name"])).replace("%3", str(p.get("fix", "")))


_CODE_MESSAGES: dict[str, Callable[[dict], str]] = {
    "config.preset": lambda p: tr("Unknown preset %1.").replace("%1", str(p["value"])),
}


def error_text(error: BaseException) -> str:
    """Return the translated sentence for a core error, else its own message."""
    if isinstance(error, RnnDesktopError):
        builder = _CODE_MESSAGES.get(error.code)
        if builder is not None:
            try:
                return builder(error.params)
            except (KeyError, TypeError, ValueError):
                pass
        from rnn_desktop.gui.core_errors import core_error_text  # deferred: core_errors imports this module

        translated = core_error_text(error)
        return translated if translated is not None else error.message
    return str(error) or type(error).__name__
