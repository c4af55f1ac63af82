"""Turning parsed command-line options into a TrainConfig and a Series."""

from __future__ import annotations

import argparse
import copy
import functools
import os
from typing import Any, Callable, Sequence

from rnn_desktop.core import csv_values
from rnn_desktop.core.csv_reader import describe_other_delimiter, time_length_parts
from rnn_desktop.core.errors import RnnDesktopError
from rnn_desktop.core.series import CSV_VAL_FRACTION, Series
from rnn_desktop.core.training import TrainConfig

# argparse destination -> TrainConfig field, for options that map one to one.
_CONFIG_OPTIONS = (
    "seq_len", "val_windows", "val_fraction", "scale", "hidden", "activation", "init", "dtype",
    "epochs", "batch_size", "lr", "optimizer", "momentum", "bptt_truncate", "clip_value",
    "clip_norm", "patience", "reduce_on_plateau", "seed",
)


def config_from_args(args: argparse.Namespace) -> TrainConfig:
    """Start from ``--preset`` (default: "default") and apply every option given.

    With ``--csv`` and neither ``--val-windows`` nor ``--val-fraction``, the
    validation part is the last CSV_VAL_FRACTION of the windows, as in the window.
    """
    config = TrainConfig.preset(args.preset or "default")
    # Hyperparameter options are absent from `args` unless given (argparse.SUPPRESS).
    changes = {name: getattr(args, name) for name in _CONFIG_OPTIONS if hasattr(args, name)}
    if getattr(args, "csv", None) and "val_windows" not in changes and "val_fraction" not in changes:
        changes.update(val_windows=None, val_fraction=CSV_VAL_FRACTION)
    if "val_fraction" in changes and changes["val_fraction"] is not None:
        changes["val_windows"] = None
    return config.replace(**changes)


def data_options_given(args: argparse.Namespace) -> bool:
    """Return whether the command line names the data: --csv, or any generator option."""
    return bool(getattr(args, "csv", None) or getattr(args, "generator", None) or getattr(args, "param", None)
                or getattr(args, "length", None) is not None or getattr(args, "noise", None) is not None)


def recorded_origin(weights_path: str) -> dict[str, Any] | None:
    """Return the data origin a weights file records (see series.series_origin), or None.

    None also when the file cannot be read: loading it later reports why. The
    path checks and the data loading both need the origin, so the file is read
    once for each version of it on disk.
    """
    try:
        stat = os.stat(weights_path)
    except OSError:
        return None
    origin = _read_origin(os.path.abspath(weights_path), stat.st_mtime_ns, stat.st_size)
    return copy.deepcopy(origin)


@functools.lru_cache(maxsize=4)
def _read_origin(path: str, mtime_ns: int, size: int) -> dict[str, Any] | None:
    from rnn_desktop.core.weights import load_weights

    try:
        data = load_weights(path).metadata.get("data") or {}
    except (RnnDesktopError, OSError):
        return None
    origin = data.get("origin")
    return origin if isinstance(origin, dict) and origin.get("kind") in ("csv", "generator") else None


def input_paths(args: argparse.Namespace) -> list[tuple[str, str | None]]:
    """Return the files the command reads, as (option or phrase, path) pairs for the overwrite check.

    With --load and no data options, that includes the CSV file the weights record.
    """
    inputs = [("--csv", getattr(args, "csv", None)), ("--load", getattr(args, "load", None))]
    if args.load and not data_options_given(args):
        origin = recorded_origin(args.load)
        if origin is not None and origin["kind"] == "csv":
            inputs.append((f"the CSV file that {args.load} records", origin["path"]))
    return inputs


def series_from_args(args: argparse.Namespace) -> Series:
    """Load the series named by ``--csv`` or ``--generator`` (default: the tutorial sine)."""
    if getattr(args, "csv", None):
        from rnn_desktop.core.csv_reader import read_series

        return read_series(
            args.csv, column=args.column, delimiter=args.delimiter, decimal=args.decimal,
            encoding=args.encoding, header=args.header, missing=args.missing,
        )
    from rnn_desktop.core.generators import generate

    return generate(
        args.generator or "sine",
        length=args.length if args.length is not None else 200,
        noise=args.noise if args.noise is not None else 0.0,
        seed=getattr(args, "seed", 0),
        **dict(getattr(args, "param", None) or []),
    )


def one_column_problem(series: Series) -> str | None:
    """Return why a CSV series read as one column is refused, or None.

    The file read as one column while its header and rows split at another
    delimiter into several: a --delimiter or --decimal that does not fit the
    file. Training would then read "1871,1120" as the number 1871.112.
    """
    other_delimiter = series.details.get("other_delimiter")
    if not other_delimiter:
        return None
    return f"in {series.source}, " + describe_other_delimiter(
        other_delimiter["delimiter"], other_delimiter["names"], series.details.get("decimal"),
        other_delimiter.get("header_delimiter"))


def first_few(items: Sequence[Any], text_of: Callable[[Any], str] = str, shown: int = 5) -> str:
    """Join the texts of the first ``shown`` items with commas, and ", ..." when there are more."""
    listed = ", ".join(text_of(item) for item in items[:shown])
    return listed + ", ..." if len(items) > shown else listed


def line_list(lines: Sequence[int], shown: int = 5) -> str:
    """Return "line 7" or "lines 7, 9, ..." for the line numbers in ``lines``."""
    return f"line{'' if len(lines) == 1 else 's'} {first_few(lines, shown=shown)}"


def describe_outliers(outliers: Sequence[Sequence[float]]) -> str:
    """Return "line 14: 1e+308, ..." for the (line, value) pairs of the values far from the others."""
    return first_few(outliers, lambda outlier: f"line {outlier[0]}: {outlier[1]:g}")


def describe_header_mismatch(header_cells: int, row_cells: int, delimiter: str | None) -> str:
    """Explain a header row whose cell count differs from the data rows', often a wrong delimiter."""
    cells = "1 cell" if header_cells == 1 else f"{header_cells} cells"
    used = "no delimiter" if delimiter is None else f"the delimiter {delimiter!r}"
    return (f"the header row has {cells} and most data rows have {row_cells}, so some columns lack a name "
            f"or values; if {used} is wrong, give the right one with --delimiter, or leave the option out "
            "to detect it")


def describe_decimal_comma_rows(rows: Sequence[Sequence[Any]]) -> str:
    """Explain that rows of two whole numbers split at a comma may be one column of numbers with decimal commas.

    ``rows`` are the reader's (line, text) pairs: the first row, then the
    first whose part after the comma starts with 0, if that is another row.
    """
    listed = []
    for line, text in rows:
        after_comma = text.split(",")[1].rstrip()
        leading_zero = len(after_comma) > 1 and after_comma.startswith("0")
        listed.append(f"line {line}: {text}" + (" with a leading 0 after the comma, as decimals have"
                                                if leading_zero else ""))
    evidence = ", and ".join(listed)
    return (f"every row is two whole numbers separated by a comma ({evidence}); if the file is one column "
            f"of numbers with decimal commas, such as {rows[0][1]} for {rows[0][1].replace(',', '.')}, "
            "read it with --decimal ,")


def describe_unordered_time(time_column: str | None, line: int | None) -> str:
    """Explain that the time axis goes back somewhere, so the rows are used in file order."""
    return (f"the times in '{time_column}' go back at line {line}, so the rows are not in time order; "
            "they are used as they stand in the file, and sorting the file by time fixes that")


def describe_time_gaps(time_column: str | None, gaps: dict) -> str:
    """Explain that a time axis skips time at a few places, which the model does not see."""
    step, longest = describe_time_length(gaps["step"]), describe_time_length(gaps["longest"])
    where = (f"one step is {longest}, before line {gaps['line']}" if gaps["count"] == 1 else
             f"{gaps['count']} steps are longer, the longest {longest} before line {gaps['line']}")
    return (f"the times in '{time_column}' step by {step}, but {where}; the model takes the rows as evenly "
            "spaced, so it joins values further apart there")


def describe_time_length(seconds: float) -> str:
    """Write a length of time in its largest whole unit: "4 minutes", "1 day"."""
    count, unit = time_length_parts(seconds)
    return f"{count:g} {unit}" + ("" if count == 1 else "s")


def describe_title_lines(count: int) -> str:
    """Explain that the first ``count`` lines were left out as titles above the header."""
    lines = "line is a title" if count == 1 else f"{count} lines are titles"
    return f"the first {lines} above the header, so the reader left {'it' if count == 1 else 'them'} out"


def describe_unit_row(line: int, names: Sequence[str], units: Sequence[str]) -> str:
    """Explain that ``line`` contains the ``units`` of the columns ``names`` and is not read as data."""
    listed = ", ".join(f"{name}: {unit}" for name, unit in zip(names, units) if unit)
    return f"line {line} contains units ({listed}), so it is not read as data"


def describe_totals_row(totals_row: Any) -> str:
    """Explain that the (line, label) row in ``totals_row`` was left out as the column's total."""
    line, label = totals_row
    if label:
        return f"line {line}, '{label}', is a totals row, so it is left out of the values"
    return f"line {line} contains the sum of the values above it, so it is left out of the values as a totals row"


def describe_unreadable_date(time_column: str, unreadable: Any) -> str:
    """Explain that ``time_column`` gives no time axis because of the cell (line, text) in ``unreadable``."""
    line, text = unreadable
    cell = f"line {line} is empty" if not text else f"line {line}, {text!r}, is not a date"
    return (f"column '{time_column}' gives no time axis because {cell}; the values use their positions 0, 1, "
            "2, ... instead, and correcting that cell brings the dates back")


def describe_point_grouping(grouping: Any) -> str:
    """Explain how the reader took numbers such as '1.026': a csv_values.PointGrouping, or its JSON dict."""
    if isinstance(grouping, dict):
        grouping = csv_values.PointGrouping(reading=grouping["reading"], columns=list(grouping["columns"]),
                                            example=grouping["example"])
    columns = ", ".join(f"'{name}'" for name in grouping.columns)
    column_word = "column" if len(grouping.columns) == 1 else "columns"
    as_thousands = csv_values.parse_number(grouping.example, ",")
    as_decimal = csv_values.parse_number(grouping.example, ".")
    if grouping.reading == "thousands":
        return (f"'.' is read as a thousands separator ({grouping.example!r} is {as_thousands:g}), because in "
                f"{column_word} {columns} every number with a '.' is grouped by three digits and the others "
                "are below 1000. If '.' is a decimal point, use --decimal .")
    return (f"'.' is read as a decimal point, so {grouping.example!r} reads as {as_decimal:g}, but every number "
            f"with a '.' in {column_word} {columns} could also be grouped by thousands ({as_thousands:g}). "
            "If '.' separates thousands there, use --decimal ,")
