"""CSV exports of predictions and loss history, in one of two forms.

"comma" is the form programs read: commas between fields and decimal points.
"semicolon" has semicolons between fields and decimal commas. A spreadsheet
set up for Italian, German, French or Spanish opens that form into columns on
a double click, but reads a comma-separated file as one column of text.
"""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from rnn_desktop.core.file_modes import match_new_file_mode
from rnn_desktop.core.series import time_texts, times_go_forward

# Field delimiter and decimal mark of each form.
CSV_FORMS = {"comma": (",", "."), "semicolon": (";", ",")}


def _write_atomically(path: str | os.PathLike, form: str, header: Sequence[str],
                      rows: Iterable[Sequence[object]]) -> None:
    """Write a CSV through a temporary file in the same folder, so a failure leaves no half file.

    The header row comes first, with no comment line above it: pandas' read_csv,
    R's read.csv and spreadsheets took a comment line for the header.
    """
    path = Path(path)
    handle, temp_name = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", newline="", encoding="utf-8") as stream:
            delimiter, _ = CSV_FORMS[form]
            # The csv module ends rows with CRLF by default; LF is what the product's other text files use.
            writer = csv.writer(stream, delimiter=delimiter, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)
        match_new_file_mode(temp_name, path)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _number(value: float | None, form: str = "comma") -> str:
    """Return ``value`` in full precision with the form's decimal mark, or "" for None."""
    if value is None:
        return ""
    return repr(float(value)).replace(".", CSV_FORMS[form][1])


def future_times(time: np.ndarray | None, steps: int) -> np.ndarray | None:
    """Return the ``steps`` times after the series' ``time`` axis, or None without one.

    Months differ in length, so a datetime axis that steps by whole calendar
    months (the first of each month, or each year's 1 January) goes on by
    months. Any other axis goes on by its median step. A time axis that goes
    back or has missing times gets None: the plots then ignore its times, and
    any future time would be a guess. A time may repeat, as in the plots.
    """
    if time is None or len(time) < 2 or steps <= 0:
        return None
    if not times_go_forward(time):
        return None
    if np.issubdtype(time.dtype, np.datetime64):
        months = time.astype("datetime64[M]")
        month_steps = np.diff(months.astype(np.int64))
        on_month_starts = bool((months.astype(time.dtype) == time).all())
        regular = bool((month_steps == month_steps[0]).all()) and month_steps[0] > 0
        if on_month_starts and regular:
            future = months[-1] + month_steps[0] * np.arange(1, steps + 1)
            return future.astype(time.dtype)
    gaps = np.sort(np.diff(time))
    return time[-1] + gaps[gaps.size // 2] * np.arange(1, steps + 1)


def write_predictions_csv(path: str | os.PathLike, values: np.ndarray, time: np.ndarray | None,
                          snapshot, form: str = "comma") -> int:
    """Write one row per predicted value and per forecast step; return the number of rows.

    ``form`` is a key of CSV_FORMS.

    Columns: position in the series, time (empty without a time axis), actual
    value (empty for forecast rows), prediction, part (train, validation or forecast).
    """
    rows = []
    n_train = snapshot.n_train
    forecast_time = future_times(time, len(snapshot.forecast))
    # The series' and the forecast's times together, so both get the unit of the whole axis.
    all_time = time if forecast_time is None else np.concatenate([time, forecast_time])
    stamps = time_texts(all_time, len(values) + len(snapshot.forecast))
    for k, (position, prediction) in enumerate(zip(snapshot.index, snapshot.prediction)):
        part = "train" if k < n_train else "validation"
        rows.append((int(position), stamps[position], _number(values[position], form), _number(prediction, form),
                     part))
    for step, prediction in enumerate(snapshot.forecast, start=1):
        stamp = stamps[len(values) - 1 + step] if forecast_time is not None else ""
        rows.append((len(values) - 1 + step, stamp, "", _number(prediction, form), "forecast"))
    _write_atomically(path, form, ("position", "time", "actual", "prediction", "part"), rows)
    return len(rows)


def write_loss_history_csv(path: str | os.PathLike, reports: Sequence,
                           other_data_epochs: int | None = None, form: str = "comma") -> int:
    """Write one row per EpochReport; return the number of rows.

    ``form`` is a key of CSV_FORMS.
    The last column, data, is "other" for epochs 1 to ``other_data_epochs``, which
    came with weights trained on other data, and for the epochs a weights file
    marked so (``extra["other_data"]``). It is "current" for the rest.
    """
    header = ("epoch", "train_loss", "val_loss", "train_rmse", "val_rmse", "val_mae", "val_mape",
              "grad_norm", "lr", "seconds", "samples_per_second", "data")
    last_other = other_data_epochs if other_data_epochs is not None else 0
    rows = [
        (r.epoch, *(_number(value, form) for value in (
            r.train_loss, r.val_loss, r.train_rmse, r.val_rmse, r.val_mae, r.val_mape, r.grad_norm, r.lr,
            r.seconds, r.samples_per_second)),
         "other" if r.epoch <= last_other or r.extra.get("other_data") else "current")
        for r in reports
    ]
    _write_atomically(path, form, header, rows)
    return len(rows)
