"""Translated sentences for the core's typed errors, built from each error's ``code`` and ``params``.

The core's own ``str(error)`` stays English for the command line and the
log; the window shows the sentence built here. Weights-file sentences leave
out the path because the window wraps them in "Could not read <path>: ...".
A code missing here, or an error without the params its sentence needs,
falls back to the English message (see ``messages.error_text``).
"""

from __future__ import annotations

import math
import re
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication

from rnn_desktop.core.errors import RnnDesktopError
from rnn_desktop.gui.generator_texts import PARAMETER_LABELS, generator_label, parameter_label
from rnn_desktop.gui.messages import (
    column_name, format_integer, format_number, format_value, origin_csv, other_delimiter_note, shown_path,
)

# pyside6-lupdate files module-level tr() calls under the empty context.
_CONTEXT = ""
MAX_LINES_SHOWN = 10


def tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def fill(template: str, *values: Any) -> str:
    """Replace %1, %2, ... in one pass, so a value that contains "%2" stays as it is."""
    return re.sub(r"%(\d)", lambda match: str(values[int(match.group(1)) - 1]), template)


def _value(value: Any) -> str:
    """Show a number in the locale's format and anything else as it is."""
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, int):
        return format_integer(value)
    if isinstance(value, float) and math.isfinite(value):
        return format_value(value)
    return str(value)


def _listed(values: Any) -> str:
    return ", ".join(str(value) for value in values)


def _listed_columns(names: Any) -> str:
    """Return column names as a list the window shows, with the reader's "column N" translated."""
    return _listed(column_name(name) for name in names)


def field_label(name: str) -> str:
    """Return the translated label of a TrainConfig field or generator parameter, with its name."""
    labels = {
        "seq_len": tr("window length"),
        "val_windows": tr("validation windows"),
        "val_fraction": tr("validation fraction"),
        "scale": tr("scaling"),
        "hidden": tr("hidden units"),
        "activation": tr("activation"),
        "init": tr("initialisation"),
        "dtype": tr("float type"),
        "epochs": tr("epochs"),
        "batch_size": tr("batch size"),
        "lr": tr("learning rate"),
        "optimizer": tr("optimiser"),
        "momentum": tr("momentum"),
        "bptt_truncate": tr("BPTT truncation"),
        "clip_value": tr("clipping by value"),
        "clip_norm": tr("clipping by norm"),
        "seed": tr("random seed"),
        "patience": tr("early-stopping patience"),
        "plateau_patience": tr("learning-rate decay patience"),
        "plateau_factor": tr("learning-rate decay factor"),
        "min_lr": tr("minimum learning rate"),
        "length": tr("length"),
        "noise": tr("noise"),
        "forecast_steps": tr("forecast steps"),
    }
    label = labels.get(name)
    if label is None and name in PARAMETER_LABELS:
        label = parameter_label(name)
    if not label:
        return name
    # The name in parentheses is the command line's; "Noise (noise)" would only repeat it.
    return label if label.lower() == name.replace("_", " ") else f"{label} ({name})"


# CSV files. These errors reach the window on their own, so they name the file.

def _csv_bad_option(p: dict) -> str:
    option = p["option"]
    if option == "delimiter":
        return fill(tr("Unknown delimiter \"%1\". Use one of: %2."), p["value"], _listed(p["allowed"]))
    if option == "encoding":
        return fill(tr("Unknown encoding \"%1\". Use a Python codec name such as utf-8, utf-16 or cp1252."),
                    p["value"])
    if option == "decimal":
        return fill(tr("Unknown decimal mark \"%1\". Use \".\" or \",\"."), p["value"])
    if option == "missing":
        return fill(tr("Unknown missing-value policy \"%1\". Use one of: %2."), p["value"], _listed(p["allowed"]))
    raise KeyError(option)


def _csv_missing_rejected(p: dict) -> str:
    lines = [format_integer(line) for line in p["lines"][:MAX_LINES_SHOWN]]
    shown = ", ".join(lines) + (", ..." if len(p["lines"]) > MAX_LINES_SHOWN else "")
    if p["count"] == 1:
        return fill(tr("%1: column \"%2\" has 1 missing value (line %3), and missing values are set to reject "
                       "the file. Fill it in the file, or choose to interpolate it or to drop its row."),
                    p["path"], column_name(p["column"]), shown)
    return fill(tr("%1: column \"%2\" has %3 missing values (lines %4), and missing values are set to reject "
                   "the file. Fill them in the file, or choose to interpolate them or to drop their rows."),
                p["path"], column_name(p["column"]), format_integer(p["count"]), shown)


def _csv_all_missing(p: dict) -> str:
    if "markers" in p:
        # No column is numeric, so there is no other column to choose. The markers show what the cells hold.
        markers = ", ".join(f'"{marker}"' if marker else tr("empty") for marker in p["markers"][:3])
        return fill(tr("%1: every value in column \"%2\" is missing (its cells are %3), so the file has no numeric "
                       "column to read. Fill in column \"%2\" and read the file again."),
                    p["path"], column_name(p["column"]), markers)
    return fill(tr("%1: every value in column \"%2\" is missing. Choose another column."), p["path"],
                column_name(p["column"]))


def _bad_cell_hint(p: dict, single: bool) -> str:
    """Return the sentence on the (first) bad cell's likely cause, with a leading space, or ""."""
    from rnn_desktop.core.csv_values import is_finite_number

    text = p["text"]
    other = "," if p["decimal"] == "." else "."
    if "\n" in text or "\r" in text:
        if single:
            return " " + tr("The cell spans several lines, so a quote opened there is probably never closed.")
        return " " + tr("The first cell spans several lines, so a quote opened there is probably never closed.")
    if is_finite_number(text, other):
        if single:
            return " " + fill(tr("It reads as a number with the decimal mark \"%1\"; if the file uses it, "
                                 "set the decimal mark."), other)
        return " " + fill(tr("The first one reads as a number with the decimal mark \"%1\"; if the file uses "
                             "it, set the decimal mark."), other)
    return ""


def _csv_no_numeric_column(p: dict) -> str:
    if p.get("other_delimiter"):
        return fill(tr("%1 has no numeric column (columns: %2)."), p["path"], _listed_columns(p["columns"])) + " " + \
            other_delimiter_note(p["other_delimiter"], p.get("decimal", "."))
    return fill(tr("%1 has no numeric column (columns: %2). A series needs a column of numbers: check the delimiter "
                   "and the decimal mark, or choose the column that holds the numbers if some text cells made it "
                   "read as text."), p["path"], _listed_columns(p["columns"]))


def _csv_bad_value(p: dict) -> str:
    if p.get("other_delimiter"):
        return fill(tr("%1, line %2, column \"%3\": \"%4\" is not a number."), p["path"],
                    format_integer(p["line"]), column_name(p["column"]), p["text"]) + " " + other_delimiter_note(
            p["other_delimiter"], p["decimal"])
    return fill(tr("%1, line %2, column \"%3\": \"%4\" is not a number.%5 Correct or empty that cell, "
                   "or choose another column."),
                p["path"], format_integer(p["line"]), column_name(p["column"]), p["text"], _bad_cell_hint(p, True))


def _csv_value_too_large(p: dict) -> str:
    return fill(tr("%1, line %2, column \"%3\": \"%4\" is too large for a 64-bit float, which holds magnitudes "
                   "up to about 1.8e308. Correct or empty that cell, or choose another column. If the column "
                   "really holds values this large, divide them by a power of ten in the file first."),
                p["path"], format_integer(p["line"]), column_name(p["column"]), p["text"])


def _csv_bad_values(p: dict) -> str:
    listed = ", ".join(fill(tr("line %1 \"%2\""), format_integer(line), text) for line, text in p["cells"])
    more = p["count"] - len(p["cells"])
    if more == 1:
        listed += tr(", and 1 more")
    elif more > 0:
        if p["at_least"]:
            listed += fill(tr(", and at least %1 more"), format_integer(more))
        else:
            listed += fill(tr(", and %1 more"), format_integer(more))
    if p["at_least"]:
        summary = fill(tr("%1, column \"%2\": at least %3 cells are not numbers: %4."),
                       p["path"], column_name(p["column"]), format_integer(p["count"]), listed)
    else:
        summary = fill(tr("%1, column \"%2\": %3 cells are not numbers: %4."),
                       p["path"], column_name(p["column"]), format_integer(p["count"]), listed)
    if p.get("other_delimiter"):
        return summary + " " + other_delimiter_note(p["other_delimiter"], p["decimal"])
    hint = _bad_cell_hint(p, False)
    if p.get("too_large"):
        line, text = p["too_large"]
        hint += " " + fill(tr("Line %1 \"%2\" is too large for a 64-bit float, which holds magnitudes up to "
                              "about 1.8e308."), format_integer(line), text)
    return summary + hint + " " + tr("Correct or empty those cells, or choose another column.")


def _data_too_short(p: dict) -> str:
    reason = p.get("reason")
    if reason == "header_only":
        return fill(tr("%1 has a header row but no data rows, so the series is too short: 0 values, at least %2 "
                       "needed. Use a file with data below the header."), p["path"], format_integer(p["minimum"]))
    if reason == "empty_rows":
        return fill(tr("%1 has only empty data rows, so the series is too short: 0 values, at least %2 needed. "
                       "Use a file with values in column \"%3\"."),
                    p["path"], format_integer(p["minimum"]), column_name(p["column"]))
    if "path" in p:
        return fill(tr("%1: the series is too short: %2 values, at least %3 needed. Use a longer file."),
                    p["path"], format_integer(p["length"]), format_integer(p["minimum"]))
    if p.get("largest_seq_len"):
        return fill(tr("The series has %1 values but needs at least %2 for these windows and the validation part. "
                       "Use a longer series, a window length of at most %3 or fewer validation windows."),
                    format_integer(p["length"]), format_integer(p["minimum"]), format_integer(p["largest_seq_len"]))
    return fill(tr("The series has %1 values but needs at least %2 for these windows and the validation part. "
                   "Use a longer series, a shorter window or fewer validation windows."),
                format_integer(p["length"]), format_integer(p["minimum"]))


# Settings. Codes are "config.<field>", and the params show which check failed.

def _config_field(p: dict) -> str:
    name = p["name"]
    if "allowed" in p:
        return fill(tr("Unknown %1 \"%2\". Use one of: %3."), field_label(name), p["value"], _listed(p["allowed"]))
    if isinstance(p["minimum"], float):
        return fill(tr("%1 must be a number above 0, but it is %2. Set a positive value."),
                    field_label(name), _value(p["value"]))
    return fill(tr("%1 must be a whole number of at least %2, but it is %3."),
                field_label(name), format_integer(p["minimum"]), _value(p["value"]))


def _config_val_windows(p: dict) -> str:
    if p["value"] is None:
        return tr("Set the number of validation windows or the fraction of windows used for validation.")
    return _config_field(p)


def _config_open_interval(p: dict) -> str:
    return fill(tr("%1 must be between 0 and 1, both excluded, but it is %2."),
                field_label(p["name"]), _value(p["value"]))


def _config_momentum(p: dict) -> str:
    return fill(tr("%1 must be at least 0 and below 1, but it is %2."), field_label(p["name"]), _value(p["value"]))


def _config_min_lr(p: dict) -> str:
    return fill(tr("%1 must be 0 or more, but it is %2."), field_label(p["name"]), _value(p["value"]))


def _config_generator_value(p: dict) -> str:
    return fill(tr("Generator %1: %2 must be a finite number, but it is %3."),
                generator_label(p["generator"]), field_label(p["name"]), _value(p["value"]))


def _config_out_of_range(p: dict) -> str:
    return fill(tr("Generator %1: %2 = %3 is out of range. Use a value from %4 to %5."),
                generator_label(p["generator"]), field_label(p["name"]), _value(p["value"]), _value(p["min"]),
                _value(p["max"]))


def _config_memory(p: dict) -> str:
    text = fill(tr("%1 %2 needs an estimated %3 GiB of memory, but this computer has %4 GiB."),
                field_label(p["name"]), _value(p["value"]), format_number(p["estimated_bytes"] / 2**30, 3),
                format_number(p["available_bytes"] / 2**30, 3))
    if p["maximum"] >= 1:
        return text + " " + fill(tr("Use %1 or fewer hidden units, or a shorter window or a smaller batch."),
                                 format_integer(p["maximum"]))
    return text + " " + tr("Use a shorter window or a smaller batch.")


# Weights files. The window wraps these in "Could not read <path>: ...".

def _weights_incompatible(p: dict) -> str:
    if "minimum" in p and "seq_len" in p:
        return fill(tr("these weights read windows of %1 values, so with this validation split they need a series "
                       "of at least %2 values, but this one has %3. Load a longer series."),
                    format_integer(p["seq_len"]), format_integer(p["minimum"]), format_integer(p["length"]))
    if "minimum" in p:
        return fill(tr("these weights need a series of at least %1 values, but this one has %2. "
                       "Load a longer series."), format_integer(p["minimum"]), format_integer(p["length"]))
    return fill(tr("%1 %2 does not match the weights file, which has %3. Leave it unset or train a new model."),
                field_label(p["name"]), p["value"], p["expected"])


_BUILDERS: dict[str, Callable[[dict], str]] = {
    "csv.not_found": lambda p: fill(tr("CSV file not found: %1. Check the path and try again."), p["path"]),
    "csv.not_a_file": lambda p: fill(tr("%1 is a folder, not a CSV file. Choose a file inside it."), p["path"]),
    "csv.unreadable": lambda p: fill(tr("Cannot read %1: %2. Check that the file is readable."),
                                     p["path"], p["reason"]),
    "csv.bad_option": _csv_bad_option,
    "csv.binary": lambda p: fill(tr("%1 contains NUL bytes (bytes of value 0), so it looks like a binary file, not a CSV file. "
                                    "Export the data as CSV text and try again."), p["path"]),
    "csv.encoding": lambda p: fill(tr("%1, line %2: byte %3 is invalid in the encoding %4. Set the encoding the "
                                      "file was saved with (for example utf-8, utf-16 or cp1252)."),
                                   p["path"], format_integer(p["line"]), p["byte"], p["encoding"]),
    "csv.encoding_not_wide": lambda p: fill(tr("%1 has no zero bytes, so it is not %2 text. Leave out the encoding "
                                               "to detect it, or set the one the file was saved with (for example "
                                               "utf-8 or cp1252)."), p["path"], p["encoding"]),
    "csv.missing_rejected": _csv_missing_rejected,
    "csv.empty": lambda p: fill(tr("%1 contains no data rows. Choose a file with at least %2 values."),
                                p["path"], format_integer(p["min_length"])),
    "csv.all_missing": _csv_all_missing,
    "csv.malformed": lambda p: fill(tr("%1, line %2: the CSV structure is broken (%3). Look for an unclosed "
                                       "quote near that line."), p["path"], format_integer(p["line"]), p["reason"]),
    "csv.no_numeric_column": _csv_no_numeric_column,
    "csv.comma_decimal_one_column": lambda p: fill(tr(
        "%1 reads as one text column: with the decimal mark ',' the comma cannot also be the delimiter. If the "
        "commas separate columns, choose '.' as the decimal mark; if they are decimal marks, choose the delimiter."),
        p["path"]),
    "csv.column_not_found": lambda p: fill(tr("%1 has no column %2. Columns: %3."),
                                           p["path"], p["column"], _listed_columns(p["columns"])),
    "csv.date_column": lambda p: fill(tr("%1: column %2, %3, contains dates or times, which give the plots their "
                                         "time axis, not a series; choose a numeric column: %4."),
                                      p["path"], p["index"], p["column"],
                                      ", ".join(f"{name} ({index})" for name, index in p["numeric"]) or "-"),
    "csv.column_ambiguous": lambda p: fill(tr("%1 has %2 columns named %3 (indexes %4); choose one by its index, "
                                              "counted from 0."), p["path"], len(p["indexes"]), p["column"],
                                           ", ".join(str(index) for index in p["indexes"])),
    "csv.bad_value": _csv_bad_value,
    "csv.bad_values": _csv_bad_values,
    "csv.value_too_large": _csv_value_too_large,
    "data.too_short": _data_too_short,
    "data.not_numeric": lambda p: tr("The series is not numeric. Choose a numeric column."),
    "data.shape": lambda p: fill(tr("The series must be one-dimensional, but its shape is %1."), p["shape"]),
    "data.non_finite": lambda p: fill(tr("The series contains %1 NaN or infinite values, the first at position %2. "
                                         "Fill or drop them before training."),
                                      format_integer(p["count"]), format_integer(p["position"])),
    "config.preset": lambda p: fill(tr("Unknown preset %1. Use one of: %2."), p["value"], _listed(p["allowed"])),
    "config.val_windows": _config_val_windows,
    "config.val_fraction": _config_open_interval,
    "config.plateau_factor": _config_open_interval,
    "config.momentum": _config_momentum,
    "config.min_lr": _config_min_lr,
    "config.not_a_number": _config_generator_value,
    "config.out_of_range": _config_out_of_range,
    "config.memory": _config_memory,
    "weights.not_found": lambda p: tr("the file does not exist"),
    "weights.unreadable": lambda p: tr("the file cannot be read"),
    "weights.empty": lambda p: tr("the file is empty; choose a file saved by rnn-desktop"),
    "weights.not_npz": lambda p: tr("the file is not an npz archive; choose a .npz file saved by rnn-desktop"),
    "weights.pickled": lambda p: fill(tr("array %1 contains pickled Python objects, which are never loaded "
                                         "because unpickling can run code"), p["array"]),
    # Python's detail ("File is not a zip file") stays in the log, in English.
    "weights.truncated": lambda p: tr("the file is truncated or damaged; load another copy, or train and save "
                                      "the weights again"),
    "weights.missing_array": lambda p: fill(tr("the entry %1 is missing; choose a file saved by rnn-desktop"),
                                            p["array"]),
    "weights.bad_metadata": lambda p: tr("the metadata is invalid; choose a file saved by rnn-desktop"),
    "weights.newer_version": lambda p: fill(tr("the file format version %1 is newer than this program reads (%2); "
                                               "update rnn-desktop to load it"),
                                            format_integer(p["version"]), format_integer(p["supported"])),
    "weights.shape_mismatch": lambda p: fill(tr("array %1 has shape %2, but the metadata needs %3"),
                                             p["array"], p["shape"], p["expected"]),
    "weights.bad_dtype": lambda p: fill(tr("array %1 has type %2, but the metadata says %3"),
                                        p["array"], p["dtype"], p["expected"]),
    "weights.non_finite": lambda p: fill(tr("array %1 contains %2 NaN or infinite values"),
                                         p["array"], format_integer(p["count"])),
    "weights.incompatible": _weights_incompatible,
}

# Settings checked by TrainConfig.validate with the generic integer, positive or choice check.
CONFIG_FIELDS = ("seq_len", "scale", "hidden", "activation", "init", "dtype", "epochs", "batch_size", "lr",
                 "optimizer", "bptt_truncate", "clip_value", "clip_norm", "seed", "patience", "plateau_patience")
for _name in CONFIG_FIELDS:
    _BUILDERS[f"config.{_name}"] = _config_field

HANDLED_CODES = frozenset(_BUILDERS)


def series_name(source: str | None, fallback: str) -> str:
    """Translate a Series.source: "generator <name>" for the built-in series, else a file path."""
    if not source:
        return fallback
    if source.startswith("generator "):
        return fill(tr("generator %1"), generator_label(source.removeprefix("generator ")))
    from rnn_desktop.core.series import split_csv_source

    path_and_column = split_csv_source(source)  # as the train command describes a CSV series
    if path_and_column is not None:
        return origin_csv(*path_and_column)
    return shown_path(source)


def other_data_warning_text(path: str, source: str | None, length: int, warning: str) -> str:
    """Translate Trainer.load_warning for weights trained on other data; return ``warning`` when that fails.

    The core gives the warning as an English sentence, so the values are read
    again from the weights file's "data" entry and from the current series.
    When the CSV file the weights were trained on is not found any more, the
    advice leaves out opening it, as the core's does.
    """
    from rnn_desktop.core.series import recorded_csv_missing
    from rnn_desktop.core.training import same_source
    from rnn_desktop.core.weights import load_weights

    try:
        saved = load_weights(path).metadata.get("data") or {}
        trained_length = format_integer(int(saved["length"]))
    except (RnnDesktopError, OSError, ValueError, KeyError, TypeError):
        return warning
    trained_on = series_name(saved.get("source"), tr("another series"))
    if same_source(saved, source):
        if int(saved["length"]) == length:
            difference = fill(tr("the same number of values, %1, but other ones"), format_integer(length))
        else:
            difference = fill(tr("%1 values then, %2 now"), trained_length, format_integer(length))
        return fill(tr("the data in %1 changed since the weights in %2 were saved (%3); the scaler fitted then "
                       "is reused, so the predictions and errors may be far off. Train on, or train a new model."),
                    series_name(source, ""), path, difference)
    if recorded_csv_missing(saved.get("origin")):
        text = tr("the weights in %1 were trained on %2 (%3 values), not on %4 (%5 values); the scaler fitted "
                  "on %2 is reused, so the predictions and errors may be far off. %2 is not found any more, "
                  "so train a new model for this series.")
    else:
        text = tr("the weights in %1 were trained on %2 (%3 values), not on %4 (%5 values); the scaler fitted "
                  "on %2 is reused, so the predictions and errors may be far off. Train a new model for this "
                  "series, or open the data the weights were trained on.")
    return fill(text, path, trained_on, trained_length, series_name(source, tr("this series")), format_integer(length))


def core_error_text(error: RnnDesktopError) -> str | None:
    """Return the translated sentence for ``error``, or None when its code or params are not known here."""
    builder = _BUILDERS.get(error.code)
    if builder is None:
        return None
    try:
        text = builder(error.params)
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    # Settings sentences start with a field label; CSV ones with a path, which keeps its case.
    if error.code.startswith("config."):
        text = text[:1].upper() + text[1:]
    return text
