"""``rnn-desktop inspect PATH``: print what the CSV reader detects in a file, optionally as JSON."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from typing import TextIO

from rnn_desktop.commands.common import (
    describe_decimal_comma_rows, describe_header_mismatch, describe_other_delimiter, describe_outliers,
    describe_point_grouping, describe_time_gaps, describe_title_lines, describe_totals_row, describe_unit_row,
    describe_unordered_time, describe_unreadable_date, line_list,
)
from rnn_desktop.commands.paths import empty_path_problem, outputs_problem, overwrite_problem
from rnn_desktop.core.csv_dialect import DELIMITER_NAMES
from rnn_desktop.core.csv_reader import CsvInfo, delimiter_option, describe_detected_delimiter, inspect_csv
from rnn_desktop.core.errors import RnnDesktopError
from rnn_desktop.core.series import OUTLIER_IQR_FACTOR, time_texts

logger = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1  # the JSON file could not be written
EXIT_BAD_INPUT = 2  # the CSV file or an option was rejected
_SHOWN_LINES = 10
_PREVIEW_ROWS = 5


def run_inspect(args: argparse.Namespace) -> int:
    """Inspect ``args.path`` with the given overrides, print the report and write ``--json``, then return the exit code."""
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    problem = (empty_path_problem((("the CSV path", args.path), ("--json", args.json)))
               or overwrite_problem([("the CSV input", args.path)], [("--json", args.json)])
               or outputs_problem([("--json", args.json, "settings.json", True)]))
    if problem is not None:
        logger.info("inspect rejected its file options: %s", problem)
        print(f"rnn-desktop inspect: error: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        info = inspect_csv(args.path, column=args.column, delimiter=args.delimiter, decimal=args.decimal,
                           encoding=args.encoding, header=args.header, missing=args.missing)
    except RnnDesktopError as error:
        logger.info("inspect rejected %s: %s", args.path, error)
        print(f"rnn-desktop inspect: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT

    print_report(info, sys.stdout)

    if args.json:
        try:
            with open(args.json, "w", encoding="utf-8") as output:
                output.write(format_json(info))
        except OSError as error:
            print(f"rnn-desktop inspect: error: cannot write {args.json}: {error.strerror or error}",
                  file=sys.stderr)
            return EXIT_FAILED
    return EXIT_OK


def format_json(info: CsvInfo) -> str:
    """Return the JSON text: one key per line, and the values and times each on a single line.

    ``path`` is absolute with links resolved, as in train's summary. ``times``
    is the time axis as text at the series' step ("1949-01" for a monthly
    series), or null without a time axis.
    """
    # CPython's json module uses its C encoder only without indent; indented,
    # a million values took about 5 s here, so they are encoded apart.
    data = info.to_json_dict()
    data["path"] = os.path.realpath(data["path"])
    values = data.pop("values")
    times = None if info.time is None else time_texts(info.time, len(values))
    settings = json.dumps(data, indent=1, ensure_ascii=False)
    return f'{settings[:-2]},\n "values": {json.dumps(values)},\n "times": {json.dumps(times)}\n}}\n'


def print_report(info: CsvInfo, out: TextIO) -> None:
    delimiter = "none (one column)" if info.delimiter is None else DELIMITER_NAMES.get(
        info.delimiter, repr(info.delimiter))
    columns = ", ".join(f"{index}: {name} ({kind})" for index, (name, kind) in enumerate(info.columns))

    lines = [
        f"file           {info.path}",
        f"encoding       {info.encoding}",
        f"line endings   {info.line_endings}",
        f"comment lines  {info.comment_lines}",
        f"delimiter      {delimiter}",
        f"decimal        {info.decimal!r}",
        f"header         {'yes' if info.header else 'no'}",
        f"columns        {columns}",
        f"column         {info.column} (index {info.column_index})",
        f"time axis      {_describe_time_axis(info)}",
        f"rows           {info.rows}" + (f" ({info.rows - info.missing} after the missing ones are dropped)"
                                            if info.missing_policy == "drop" and info.missing else ""),
        f"missing        {info.missing}{_lines_suffix(info.missing_rows)}, policy {info.missing_policy}",
        f"ragged rows    {len(info.ragged_rows)}{_lines_suffix(info.ragged_rows)}",
        f"first, last    {info.first:g}, {info.last:g}",
        f"min, max       {info.min:g}, {info.max:g}",
    ]
    if info.empty_columns:
        lines.append(f"empty columns  {', '.join(info.empty_columns)} (every value is missing, so the last numeric column is used)")
    if info.outliers:
        lines.append(f"far values     {len(info.outliers)} ({describe_outliers(info.outliers)}), more than {OUTLIER_IQR_FACTOR:g} "
                     "times the interquartile range from the median")
    if info.header_mismatch is not None:
        lines.append(f"note           {describe_header_mismatch(*info.header_mismatch, info.delimiter)}")
    if info.other_delimiter is not None:
        other, names, header_delimiter = info.other_delimiter
        lines.append(f"note           {describe_other_delimiter(other, names, info.decimal, header_delimiter)}")
    if info.header_delimiter is not None:
        lines.append(f"note           the header's names are separated by {delimiter_option(info.header_delimiter)} "
                     f"and the rows' cells by {delimiter_option(info.delimiter)}, so each was split at its own "
                     "delimiter")
    if info.detected_delimiter is not None:
        lines.append(f"note           {describe_detected_delimiter(info.delimiter, info.detected_delimiter)}")
    if info.decimal_comma_rows:
        lines.append(f"note           {describe_decimal_comma_rows(info.decimal_comma_rows)}")
    if info.point_grouping is not None:
        lines.append(f"note           {describe_point_grouping(info.point_grouping)}")
    if info.title_lines:
        lines.append(f"note           {describe_title_lines(info.title_lines)}")
    if info.unit_line is not None:
        names = [name for name, _ in info.columns]
        lines.append(f"note           {describe_unit_row(info.unit_line, names, info.units)}")
    if info.totals_row is not None:
        lines.append(f"note           {describe_totals_row(info.totals_row)}")
    if info.time_order == "newest_first":
        lines.append(f"note           the rows run from newest to oldest by '{info.time_column}', "
                     "so they are read bottom up, oldest first")
    elif info.time_order == "unordered":
        lines.append(f"note           {describe_unordered_time(info.time_column, info.unordered_line)}")
    if info.time_gaps is not None:
        lines.append(f"note           {describe_time_gaps(info.time_column, info.time_gaps)}")
    if info.missing and info.missing_policy == "refuse":
        lines.append("note           with the policy 'refuse', reading this column for training fails")
    lines.append("first rows")
    lines.extend(f"  {row}" for row in info.preview[:_PREVIEW_ROWS])
    out.write("\n".join(lines) + "\n")


def _describe_time_axis(info: CsvInfo) -> str:
    if info.time_column:
        return info.time_column
    dates = [name for index, (name, kind) in enumerate(info.columns)
             if kind == "datetime" and index != info.column_index]
    if dates and info.unreadable_date is not None:
        return f"none: {describe_unreadable_date(dates[0], info.unreadable_date)}"
    if dates:
        return f"none: column '{dates[0]}' has missing or unreadable dates (positions 0, 1, 2, ... instead)"
    return "none (positions 0, 1, 2, ...)"


def _lines_suffix(lines: list[int]) -> str:
    if not lines:
        return ""
    return f" ({line_list(lines, shown=_SHOWN_LINES)})"
