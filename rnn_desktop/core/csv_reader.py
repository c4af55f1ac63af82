"""Reading one numeric column of a CSV file into a Series.

``inspect_csv`` detects the dialect (encoding, delimiter, decimal mark,
header), types every column, picks the target column and parses it, leaving
missing values as NaN. ``read_series`` then applies the missing-value policy
and returns a Series. Every detected setting can be overridden by argument.

The reader accepts CRLF, LF and CR line endings. It skips blank lines, rows
of only delimiters, leading lines starting with '#' and a row of units under
the header (``_units_row``). A trailing delimiter
adds no column. Ragged rows are reported, and their absent cells count as
missing. The missing-value markers are listed in ``csv_values.MISSING_MARKERS``.
"""

from __future__ import annotations

import logging
import math
import re
import time as _time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from rnn_desktop.core import csv_dialect, csv_table, csv_values
from rnn_desktop.core.csv_dialect import WHITESPACE
from rnn_desktop.core.errors import CsvError, DataError
from rnn_desktop.core.series import Series, find_outliers

log = logging.getLogger(__name__)

MISSING_POLICIES = ("interpolate", "drop", "refuse")
MIN_LENGTH = 2
PREVIEW_ROWS = 20
_TYPE_SAMPLE_ROWS = 200
# Labels of a totals row at the end of a spreadsheet export, lower case, without a final colon.
TOTALS_LABELS = frozenset({"total", "totals", "grand total", "totale", "totali", "totale generale", "tot", "tot.",
                           "somma", "sum", "summe", "gesamt", "insgesamt", "somme", "suma"})
# Labels in a units row's first cells, lower case, without a final colon.
UNITS_LABELS = frozenset({"unit", "units", "unità", "unita", "einheit", "einheiten", "unité", "unités",
                          "unidad", "unidades"})
# Maximum length of a cell in a units row, in characters. "degrees Celsius" has 15.
MAX_UNIT_LENGTH = 16
# Signs that make a short cell without letters a unit.
_UNIT_SIGNS = "°%‰€$£¥"
# Header names that make a column of four-digit integers a year axis.
_TIME_NAME_RE = re.compile(r"year|jahr|anno|année|annee|año|date|datum|time|zeit|fecha|period", re.I)
# Delimiters of the spreadsheet exports that write 1026 as "1.026". A comma
# delimiter goes with the English convention, where '.' is the decimal point.
_POINT_THOUSANDS_DELIMITERS = (";", "\t")


@dataclass
class CsvInfo:
    """Everything detected in one CSV file, and the target column parsed with NaN for missing values.

    ``delimiter`` is ',', ';', '\\t', '|', "whitespace", or None for a file
    with one column. Line numbers count from 1 and include comment and blank
    lines, as an editor shows them.
    """

    path: str
    encoding: str
    delimiter: str | None
    decimal: str
    header: bool
    columns: list[tuple[str, str]]  # (name, "numeric" | "datetime" | "text" | "empty")
    column: str
    column_index: int
    rows: int
    missing: int
    missing_rows: list[int]
    missing_policy: str
    ragged_rows: list[int]
    first: float
    last: float
    min: float
    max: float
    values: np.ndarray  # (rows,) float64, NaN where a value is missing
    time: np.ndarray | None  # (rows,) datetime64[s] from time_column, or None
    time_column: str | None
    line_endings: str  # "CRLF", "LF", "CR", "mixed" or "none"
    comment_lines: int
    preview: list[list[str]]  # the first raw rows, header included
    value_lines: np.ndarray = field(repr=False, default_factory=lambda: np.zeros(0, dtype=np.int64))
    # Title lines above the header, such as a report's name, which the reader left out.
    title_lines: int = 0
    # Named columns after the target whose every data cell is blank or another missing-value
    # marker, the columns typed "empty". The default choice, the last numeric column, passes over them.
    empty_columns: list[str] = field(default_factory=list)
    # Set when numbers such as "1.026" were read with '.' as a thousands separator ("thousands"),
    # or read as decimals although they fit that reading too ("unclear"). None otherwise.
    point_grouping: csv_values.PointGrouping | None = None
    # (line, value) of the values far from the others (series.find_outliers), often a typing slip.
    outliers: list[tuple[int, float]] = field(default_factory=list)
    # "ascending" (also with no time axis), "newest_first" (the rows were read in reverse,
    # so ``values`` runs oldest first) or "unordered", with the first line whose time goes back.
    time_order: str = "ascending"
    unordered_line: int | None = None
    # When a few steps of an ascending time axis are far longer than its usual one, such as
    # skipped minutes in a sensor log: {"count", "line" (the row after the longest gap), "longest",
    # "step"}, both lengths in seconds. None otherwise (see time_gaps).
    time_gaps: dict[str, Any] | None = None
    # (line, label) of a last row that totals the column, left out of the values: its label, such as
    # "Totale", or "" when it has none but its value is the sum of the values above. None otherwise.
    totals_row: tuple[int, str] | None = None
    # (line, text) of the first cell of the time column that is empty or not a date, when the
    # column gives no time axis for that reason. None otherwise.
    unreadable_date: tuple[int, str] | None = None
    # (header cells, cells of most data rows) when they differ, as with a wrong delimiter that
    # splits the data rows at their decimal commas but leaves the header whole. None otherwise.
    header_mismatch: tuple[int, int] | None = None
    # (line, text) of rows that show a one-column file with decimal commas split at ',' taken as the
    # delimiter: the first row, then the first whose second field starts with 0 ("101,05"). Empty otherwise.
    decimal_comma_rows: list[tuple[int, str]] = field(default_factory=list)
    # (rows' delimiter, column names, header's delimiter) when the file reads as one column, but
    # the header cell and the sampled rows all split into the same two or more columns, as with
    # --delimiter ';' or --decimal ',' on a comma-separated file, or a header "id;value" over
    # rows "1,250.5". None otherwise.
    other_delimiter: tuple[str, list[str], str] | None = None
    # The delimiter that splits a one-cell header into the names of the rows' columns, when the
    # rows use another one, as in a header "date,value" over rows "2021-01-02;3,97". None otherwise.
    header_delimiter: str | None = None
    # The delimiter that detection chooses, when the one given by hand differs from it. None otherwise.
    detected_delimiter: str | None = None
    # Line of the units row under the header, which is not read as data, or None.
    unit_line: int | None = None
    # The unit of each column from that row, such as "°C", and "" for a column without one. Empty without a units row.
    units: list[str] = field(default_factory=list)

    def to_json_dict(self, include_values: bool = True) -> dict[str, Any]:
        """Return the JSON form: plain types, NaN written as None (null)."""
        result: dict[str, Any] = {
            "path": self.path,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "decimal": self.decimal,
            "header": self.header,
            "columns": [{"name": name, "type": kind} for name, kind in self.columns],
            "column": self.column,
            "column_index": self.column_index,
            "time_column": self.time_column,
            "rows": self.rows,
            "missing": self.missing,
            "missing_rows": list(self.missing_rows),
            "missing_policy": self.missing_policy,
            "ragged_rows": list(self.ragged_rows),
            "first": self.first,
            "last": self.last,
            "min": self.min,
            "max": self.max,
            "line_endings": self.line_endings,
            "comment_lines": self.comment_lines,
            "title_lines": self.title_lines,
            "empty_columns": list(self.empty_columns),
            "outliers": [[line, value] for line, value in self.outliers],
            "header_mismatch": None if self.header_mismatch is None else list(self.header_mismatch),
            "decimal_comma_rows": [[line, text] for line, text in self.decimal_comma_rows],
            "other_delimiter": _other_delimiter_params(self.other_delimiter),
            "header_delimiter": self.header_delimiter,
            "detected_delimiter": self.detected_delimiter,
            "unit_line": self.unit_line,
            "units": list(self.units),
            "time_order": self.time_order,
            "unordered_line": self.unordered_line,
            "time_gaps": None if self.time_gaps is None else dict(self.time_gaps),
            "unreadable_date": None if self.unreadable_date is None else list(self.unreadable_date),
            "totals_row": None if self.totals_row is None else list(self.totals_row),
            "point_grouping": None if self.point_grouping is None else {
                "reading": self.point_grouping.reading,
                "columns": list(self.point_grouping.columns),
                "example": self.point_grouping.example,
            },
        }
        if include_values:
            values = self.values.tolist()
            for position in np.flatnonzero(np.isnan(self.values)):
                values[position] = None
            result["values"] = values
        return result


def read_series(path: str | Path, column: str | int | None = None, delimiter: str | None = None,
                decimal: str | None = None, encoding: str | None = None, header: bool | None = None,
                missing: str = "interpolate") -> Series:
    """Read the target column of a CSV file as a Series with no NaN.

    ``missing`` selects the policy. "interpolate" fills gaps linearly between
    neighbours, and a gap at either end takes the nearest value. "drop"
    removes the rows together with their time. "refuse" raises CsvError if
    any value is missing. Raises CsvError on an unreadable file or a bad
    cell, and DataError "data.too_short" when fewer than 2 values remain.
    """
    info = inspect_csv(path, column=column, delimiter=delimiter, decimal=decimal,
                       encoding=encoding, header=header, missing=missing)
    values = info.values.copy()
    time = info.time
    gaps = np.flatnonzero(np.isnan(values))

    if gaps.size and missing == "refuse":
        listed_lines = ", ".join(str(line) for line in info.missing_rows[:10])
        values_word, lines_word, pronoun = ("value", "line", "it") if gaps.size == 1 else ("values", "lines", "them")
        raise CsvError(
            f"{info.path}: column '{info.column}' has {gaps.size} missing {values_word} ({lines_word} {listed_lines}"
            f"{', ...' if gaps.size > 10 else ''}) and the missing-value policy is 'refuse'. "
            f"Fill {pronoun} in the file, or choose the policy 'interpolate' or 'drop'.",
            code="csv.missing_rejected", path=info.path, column=info.column,
            count=int(gaps.size), lines=info.missing_rows)
    if gaps.size and missing == "drop":
        keep = ~np.isnan(values)
        values = values[keep]
        time = time[keep] if time is not None else None
    elif gaps.size:
        known = np.flatnonzero(~np.isnan(values))
        values[gaps] = np.interp(gaps, known, values[known])

    if values.shape[0] < MIN_LENGTH:
        raise DataError(
            f"{info.path}: the series in column '{info.column}' is too short: {values.shape[0]} "
            f"value{'s' if values.shape[0] != 1 else ''}, at least {MIN_LENGTH} needed "
            "(training needs more, see the sequence length). Use a longer file.",
            code="data.too_short", length=int(values.shape[0]), minimum=MIN_LENGTH, path=info.path)

    return Series(values=values, name=info.column, time=time, source=info.path,
                  missing_positions=gaps.astype(np.int64), details=info.to_json_dict(include_values=False))


def inspect_csv(path: str | Path, column: str | int | None = None, delimiter: str | None = None,
                decimal: str | None = None, encoding: str | None = None, header: bool | None = None,
                missing: str = "interpolate") -> CsvInfo:
    """Detect the dialect and columns of a CSV file and parse the target column.

    Each argument left as None is detected, and a value overrides detection.
    ``column`` is a name or a 0-based index (an int or a digit string), and a
    digit string that is also a column name selects that name. The default
    column is the last numeric one that is not the time axis. Raises CsvError
    when the file cannot be read or a cell of the target column is neither a
    number nor a missing-value marker, and DataError "data.too_short" when no
    data row is left.
    """
    started = _time.perf_counter()
    path = Path(path)
    _check_options(decimal, missing)
    delimiter = csv_dialect.normalize_delimiter(delimiter)

    text, used_encoding = csv_dialect.decode(csv_dialect.read_bytes(path), path, encoding)
    line_endings = csv_dialect.describe_line_endings(text)
    body, skipped_lines, comment_lines = csv_dialect.split_leading_comments(text)
    body, hinted_delimiter = csv_dialect.split_separator_hint(body)
    # A delimiter given by hand that detection would not choose may split the rows wrongly.
    detected_delimiter = None
    if delimiter is not None:
        detected = csv_dialect.detect_delimiter(csv_dialect.sample_lines(body))
        detected_delimiter = detected if detected not in (None, delimiter) else None
    if hinted_delimiter is not None:
        skipped_lines += 1
        if delimiter is None:
            delimiter = csv_dialect.normalize_delimiter(hinted_delimiter)
    body, title_lines = csv_dialect.split_title_lines(body, delimiter)
    skipped_lines += title_lines
    delimiter_detected = delimiter is None
    if delimiter is None:
        lines = csv_dialect.sample_lines(body)
        # A known decimal comma rules the comma out as delimiter, unless
        # quotes can protect the numbers from being split.
        comma_is_decimal = decimal == "," and not any('"' in line for line in lines)
        delimiter = csv_dialect.detect_delimiter(lines, exclude="," if comma_is_decimal else None)
        comma_ruled_out = comma_is_decimal and delimiter is None and any("," in line for line in lines)
    else:
        comma_ruled_out = False

    table = csv_table.parse_table(body, delimiter, path, skipped_lines)
    if not table.nonblank.size:
        raise CsvError(f"{path} contains no data rows. Choose a file with at least {MIN_LENGTH} values.",
                       code="csv.empty", path=str(path), min_length=MIN_LENGTH)

    first = int(table.nonblank[0])
    sample = [table.record(i) for i in table.nonblank[1:1 + _TYPE_SAMPLE_ROWS]]
    first_row = table.record(first)
    # True when "." is only vote_decimal's default, so numbers such as "1.026" may group thousands.
    point_undecided = False
    decimal_detected = decimal is None
    if decimal is None:
        cells = [cell for row in [first_row, *sample] for cell in row]
        decimal = csv_values.vote_decimal(cells, delimiter)
        point_undecided = decimal == "." and not csv_values.has_decimal_votes(cells)
    if header is None:
        header = _detect_header(first_row, sample, decimal)

    unit_line = None
    units: list[str] = []
    data_start = first + 1 if header else first
    unit_cells = _units_row(sample[0], sample[1:], first_row, decimal) if header and sample else None
    if unit_cells is not None:
        unit_record = int(table.nonblank[1])
        unit_line = int(table.lines[unit_record])
        data_start = unit_record + 1
        sample = [table.record(i) for i in table.nonblank[2:2 + _TYPE_SAMPLE_ROWS]]
    data_index = table.nonblank[table.nonblank >= data_start]
    if not data_index.size:
        raise DataError(
            f"{path} has a header row but no data rows, so the series is too short: 0 values, "
            f"at least {MIN_LENGTH} needed. Use a file with data below the header.",
            code="data.too_short", length=0, minimum=MIN_LENGTH, path=str(path), reason="header_only")
    if not header:
        sample = [first_row, *sample]
    width = _count_columns(first_row if header else None, sample)
    header_delimiter = None
    if header and len(first_row) == 1 and width > 1:
        # A header "date,value" over rows "2021-01-02;3,97": the names split at the header's own delimiter.
        header_delimiter = next((other for other in OTHER_DELIMITERS if other != delimiter
                                 and len(first_row[0].split(other)) == width
                                 and all(name.strip() for name in first_row[0].split(other))), None)
        if header_delimiter is not None:
            first_row = [name.strip() for name in first_row[0].split(header_delimiter)]
    header_mismatch = _header_mismatch(first_row, sample) if header else None
    # A delimiter given by hand, or a decimal comma that rules the comma out, can leave the columns in one.
    other_delimiter = _columns_at_other_delimiter(first_row[0], sample, delimiter) if header and width == 1 else None
    if other_delimiter is not None:
        detected_delimiter = None  # the note on the hidden columns names the options already
    names = _column_names(first_row if header else None, width)
    if unit_cells is not None:
        units = [unit_cells[j] if j < len(unit_cells) else "" for j in range(width)]
    columns = [(name, _column_type([row[j] for row in sample if len(row) > j], name, decimal))
               for j, name in enumerate(names)]
    # A column whose every cell is blank or another missing-value marker, such as a spreadsheet's unused
    # column, is typed "empty". The whole column decides, because a later row may fill it.
    columns = [(name, "empty" if kind == "text" and _is_missing_only(table, data_index, j) else kind)
               for j, (name, kind) in enumerate(columns)]
    # The window shows these settings for a file it could not read, so they can be changed there.
    reading = {"delimiter": delimiter, "decimal": decimal, "encoding": used_encoding, "header": header}
    try:
        if comma_ruled_out and not any(kind == "numeric" for _, kind in columns):
            raise CsvError(
                f"{path} reads as one text column: with the decimal mark ',' the comma cannot also be the "
                "delimiter, and no other delimiter was found. If the commas separate columns, leave "
                "--decimal out or use --decimal . ; if they are decimal marks, give the delimiter with --delimiter.",
                code="csv.comma_decimal_one_column", path=str(path), columns=[name for name, _ in columns])
        if column is None and not any(kind == "numeric" for _, kind in columns):
            _check_missing_only_column(path, table, data_index, columns)
        target = _choose_column(column, columns, path, other_delimiter, decimal)
        if column is not None and columns[target][1] == "datetime":
            # "Correct or empty those cells" would be wrong advice for a column of dates.
            numeric = [(name, j) for j, (name, kind) in enumerate(columns) if kind == "numeric"]
            listed = ", ".join(f"{name} ({j})" for name, j in numeric)
            choose = f"choose a numeric column: {listed}" if numeric else "the file has no numeric column"
            raise CsvError(
                f"{path}: column {target}, '{columns[target][0]}', contains dates or times, which give the plots "
                f"their time axis, not a series; {choose}.",
                code="csv.date_column", path=str(path), column=columns[target][0], index=target, numeric=numeric)
        empty_columns = [name for name, kind in columns[target + 1:] if kind == "empty"] if header else []
        if column is None:
            _check_default_column(path, table, data_index, columns, target, empty_columns)
        time_index = next((j for j, (_, kind) in enumerate(columns) if kind == "datetime" and j != target), None)

        value_lines = table.lines[data_index]
        ragged_rows = _find_ragged(table, data_index, width)

        cells = table.column(data_index, target)
        point_grouping = None
        if point_undecided and delimiter in _POINT_THOUSANDS_DELIMITERS:
            point_grouping = _detect_point_grouping(columns, sample, target, cells)
            if point_grouping.reading == "thousands":
                # With no vote for either mark, no number in the sample contains ',' or a '.' that only
                # a decimal point explains, so every column keeps its type under the decimal comma.
                decimal = ","
                reading["decimal"] = decimal
            elif point_grouping.reading != "unclear":
                point_grouping = None
        try:
            values = csv_values.parse_number_column(cells, decimal)
        except csv_values.BadCell as bad:
            positions = csv_values.find_bad_cells(cells, decimal, _BAD_CELLS_COUNTED) or [bad.position]
            bad_cells = [(int(value_lines[position]), cells[position]) for position in positions]
            raise _bad_value_error(path, bad_cells, names[target], decimal, columns, other_delimiter) from None

        # Rows whose every cell is empty, such as ",,," from a spreadsheet, are
        # blank lines, not missing values.
        empty_rows = [position for position in np.flatnonzero(np.isnan(values))
                      if not any(cell.strip() for cell in table.record(data_index[position]))]
        keep = np.ones(values.shape[0], dtype=bool)
        if empty_rows:
            keep[empty_rows] = False
        totals_row = _find_totals_row(table, data_index, keep, values, target, time_index)
        if totals_row is not None:
            keep[np.flatnonzero(keep)[-1]] = False
        if not keep.all():
            values = values[keep]
            value_lines = value_lines[keep]
            ragged_rows = sorted(set(ragged_rows) - set(table.lines[data_index][~keep].tolist()))

        if values.shape[0] == 0:
            raise DataError(
                f"{path} has only empty data rows, so the series is too short: 0 values, "
                f"at least {MIN_LENGTH} needed. Use a file with values in column '{names[target]}'.",
                code="data.too_short", length=0, minimum=MIN_LENGTH, path=str(path), reason="empty_rows",
                column=names[target])
        known = values[~np.isnan(values)]
        if known.size == 0:
            raise CsvError(
                f"{path}: every value in column '{names[target]}' is missing. Choose another column.",
                code="csv.all_missing", path=str(path), column=names[target],
                columns=[name for name, _ in columns])
    except CsvError as error:
        error.params.setdefault("reading", reading)
        raise
    time_axis = unreadable_date = None
    if time_index is not None:
        time_cells = table.column(data_index, time_index)
        time_axis, unreadable_date = _parse_time(time_cells, keep, table.lines[data_index], path, names[time_index])
    time_order, unordered_line = _time_order(time_axis, value_lines)
    if time_order == "newest_first":
        # Bank and spreadsheet exports often list the newest row first; training and the
        # forecast need the oldest first, so the rows are read bottom up.
        values, time_axis, value_lines = values[::-1].copy(), time_axis[::-1].copy(), value_lines[::-1].copy()
        known = values[~np.isnan(values)]

    decimal_comma_rows = []
    if delimiter_detected and decimal_detected and delimiter == "," and decimal == "." and '"' not in body:
        decimal_comma_rows = _find_decimal_comma_rows(table, table.nonblank)

    missing_lines = sorted(value_lines[np.isnan(values)].tolist())
    outliers = sorted((int(value_lines[i]), float(values[i])) for i in find_outliers(values))

    info = CsvInfo(
        path=str(path), encoding=used_encoding, delimiter=delimiter, decimal=decimal, header=header,
        columns=columns, column=names[target], column_index=target, rows=int(values.shape[0]),
        missing=len(missing_lines), missing_rows=missing_lines, missing_policy=missing,
        ragged_rows=ragged_rows, first=float(known[0]), last=float(known[-1]),
        min=float(known.min()), max=float(known.max()), values=values, time=time_axis,
        time_column=names[time_index] if time_axis is not None else None, line_endings=line_endings,
        comment_lines=comment_lines, title_lines=title_lines, preview=[table.record(i) for i in table.nonblank[:PREVIEW_ROWS]],
        value_lines=value_lines,
        empty_columns=empty_columns,
        point_grouping=point_grouping,
        outliers=outliers,
        time_order=time_order,
        unordered_line=unordered_line,
        time_gaps=time_gaps(time_axis, value_lines) if time_order != "unordered" else None,
        unreadable_date=unreadable_date,
        totals_row=totals_row,
        header_mismatch=header_mismatch,
        decimal_comma_rows=decimal_comma_rows,
        other_delimiter=other_delimiter,
        header_delimiter=header_delimiter,
        detected_delimiter=detected_delimiter,
        unit_line=unit_line,
        units=units,
    )
    log.info("read %s in %.2f s: %d rows of column %r, %d missing, encoding %s, delimiter %r, decimal %r",
             path, _time.perf_counter() - started, info.rows, info.column, info.missing,
             used_encoding, delimiter, decimal)
    return info


# A step this many times the usual one counts as a gap in the time axis.
TIME_GAP_FACTOR = 1.5
# Gaps are noted only when they are this rare among the steps (or at most MAX_NOTED_GAPS):
# business days skip every weekend, a pattern rather than a gap to report.
TIME_GAP_SHARE = 0.02
MAX_NOTED_GAPS = 3


def time_gaps(time_axis: np.ndarray | None, value_lines: np.ndarray) -> dict[str, Any] | None:
    """Return where an ascending time axis skips time, or None when it steps evenly.

    The usual step is the median of the positive steps. A step above
    TIME_GAP_FACTOR times it is a gap, so monthly data with months of 28 to 31
    days has none. The model takes the rows as evenly spaced, so a sensor log
    that skipped minutes joins values that are further apart than the others.
    """
    if time_axis is None or time_axis.size < 3:
        return None
    # The reader's time axis is datetime64 with no missing time (_parse_time), so the steps are whole seconds.
    steps = np.diff(time_axis.astype("datetime64[s]").astype(np.int64)).astype(np.float64)
    positive = np.sort(steps[steps > 0])
    if positive.size < 2:
        return None
    step = float(positive[positive.size // 2])
    gaps = steps > TIME_GAP_FACTOR * step
    count = int(gaps.sum())
    if count == 0 or count > max(MAX_NOTED_GAPS, TIME_GAP_SHARE * steps.size):
        return None
    longest = int(np.argmax(steps))
    return {"count": count, "line": int(value_lines[1:][longest]), "longest": float(steps[longest]), "step": step}


def time_length_parts(seconds: float) -> tuple[float, str]:
    """Split a length of time into a count of its largest whole unit: (4, "minute") for 240 seconds."""
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size and seconds % size == 0:
            return seconds / size, unit
    return seconds, "second"


def _time_order(time_axis: np.ndarray | None, value_lines: np.ndarray) -> tuple[str, int | None]:
    """Return ("ascending" | "newest_first" | "unordered", first line whose time goes back or None)."""
    if time_axis is None or time_axis.size < 2:
        return "ascending", None
    steps = np.diff(time_axis)
    zero = np.zeros(1, dtype=steps.dtype)[0]
    back = steps < zero
    if not back.any():
        return "ascending", None
    if not (steps > zero).any():
        return "newest_first", None
    return "unordered", int(value_lines[1:][back][0])


def _check_options(decimal: str | None, missing: str) -> None:
    if decimal not in (None, ".", ","):
        raise CsvError(f"Unknown decimal mark {decimal!r}. Use '.' or ','.",
                       code="csv.bad_option", option="decimal", value=decimal, allowed=[".", ","])
    if missing not in MISSING_POLICIES:
        raise CsvError(f"Unknown missing-value policy {missing!r}. Use one of: {', '.join(MISSING_POLICIES)}.",
                       code="csv.bad_option", option="missing", value=missing, allowed=list(MISSING_POLICIES))


def _classify(cell: str, decimal: str) -> str:
    if csv_values.is_missing(cell):
        return "missing"
    if csv_values.parse_number(cell, decimal) is not None:
        return "number"
    if csv_values.is_date(cell):
        return "date"
    return "text"


def _detect_header(first: Sequence[str], sample: Sequence[Sequence[str]], decimal: str) -> bool:
    """Decide whether the first record names the columns.

    It does when one of its cells is text above a numeric or date column, or
    when every cell of the file is text. A number in the first record above a
    numeric column means there is no header.
    """
    kinds = [_classify(cell, decimal) for cell in first]
    if not sample:
        return bool(kinds) and all(kind in ("text", "missing") for kind in kinds) and "text" in kinds

    column_kinds = [_column_type([row[j] for row in sample if len(row) > j], "", decimal)
                    for j in range(len(first))]
    if any(kind == "text" and column in ("numeric", "datetime")
           for kind, column in zip(kinds, column_kinds)):
        return True
    if any(kind in ("number", "date") for kind in kinds):
        return False
    return "text" in kinds and all(column == "text" for column in column_kinds)


def _units_row(row: Sequence[str], below: Sequence[Sequence[str]], header_row: Sequence[str],
               decimal: str) -> list[str] | None:
    """Return the unit of each cell of ``row`` ("" for none) when it is a units row, or None.

    ``row`` is the first record under the header and ``below`` a sample of
    the records under it. The row contains units when all of these hold:

    - ``below`` is not empty, and ``row`` has a unit under a column that is
      numeric in ``below``;
    - each filled cell of ``row`` is a missing-value marker, a label from
      UNITS_LABELS or a unit. A unit (see _is_unit) is short, has a letter or
      a sign such as ° or %, and is neither a number nor a date;
    - under a column that is text or empty in ``below``, the cell is empty, a
      missing-value marker or a label.

    A first data row with a bad cell beside numbers or dates stays data, so
    the reader still names that cell. Units written as numbers ("1") or
    starting with a digit ("1/s") are missed. A row of short words under the
    numeric columns alone is taken for units, such as a second header row
    "Datum;Wert", or "err" on line 2 of a file with one column.
    """
    if not below:
        return None
    units = ["" if csv_values.is_missing(cell) or _is_units_label(cell) else cell.strip() for cell in row]
    # A data row fails here, at its first number, before any column of the sample is typed.
    if not all(unit == "" or _is_unit(unit, decimal) for unit in units):
        return None

    unit_over_number = False
    for j, unit in enumerate(units):
        if not unit:
            continue
        name = header_row[j] if j < len(header_row) else ""
        kind = _column_type([other[j] for other in below if len(other) > j], name, decimal)
        if kind == "text":
            return None
        unit_over_number = unit_over_number or kind == "numeric"
    return units if unit_over_number else None


def _is_unit(cell: str, decimal: str) -> bool:
    """Check whether ``cell`` reads as a unit such as "°C", "%", "(EUR)", "[m/s]" or "hPa".

    A unit has at most MAX_UNIT_LENGTH characters, a letter or one of
    _UNIT_SIGNS, and does not start with a digit, a sign, a decimal mark or
    '#', which starts a spreadsheet error such as "#DIV/0!".
    """
    text = cell.strip()
    if not text or len(text) > MAX_UNIT_LENGTH or text[0].isdigit() or text[0] in "+-.,#":
        return False
    if not any(character.isalpha() or character in _UNIT_SIGNS for character in text):
        return False
    return csv_values.parse_number(text, decimal) is None and not csv_values.is_date(text)


def _is_units_label(cell: str) -> bool:
    return cell.strip().rstrip(":").strip().lower() in UNITS_LABELS


def _count_columns(header_row: Sequence[str] | None, sample: Sequence[Sequence[str]]) -> int:
    """Return the number of columns: the usual row width without trailing empty fields, or the header's."""
    widths = Counter(_width_without_trailing_empty(row) for row in sample if row)
    width = max(widths.most_common(1)[0][0], 1) if widths else 1
    if header_row is not None:
        width = max(width, _width_without_trailing_empty(header_row))
    return width


# Delimiters that _columns_at_other_delimiter tries, in this order.
OTHER_DELIMITERS = (",", ";", "\t", "|")


def _columns_at_other_delimiter(header_cell: str, sample: Sequence[Sequence[str]],
                                delimiter: str | None) -> tuple[str, list[str], str] | None:
    """Return (rows' delimiter, names, header's delimiter) of columns that one cell hides, or None.

    A comma file read with --delimiter ';' or --decimal ',' has the header
    "year,flow" and rows such as "1871,1120", which the decimal comma then
    reads as 1871.112. A header cell that splits into two or more names, with
    every sampled row splitting into as many cells, shows that. The rows may
    split at another delimiter than the header, as in a header "id;value" over
    rows "1,250.5", which read as 1250.5. A one-column file of decimal commas
    has a header without a delimiter, so it gives None.
    """
    rows = [row[0] for row in sample if len(row) == 1 and row[0].strip()]
    if not rows:
        return None
    for header_delimiter in OTHER_DELIMITERS:
        if header_delimiter == delimiter or header_delimiter not in header_cell:
            continue
        names = [name.strip() for name in header_cell.split(header_delimiter)]
        if not all(names):
            continue
        # The header's own delimiter first, then the others.
        for row_delimiter in (header_delimiter, *OTHER_DELIMITERS):
            if row_delimiter != delimiter and all(len(row.split(row_delimiter)) == len(names) for row in rows):
                return row_delimiter, names, header_delimiter
    return None


def delimiter_option(delimiter: str) -> str:
    """Return a delimiter as --delimiter takes it: ',' or 'tab'."""
    return repr({"\t": "tab", " ": "space"}.get(delimiter, delimiter))


def unreadable_time_column(details: dict[str, Any]) -> str | None:
    """Return the date column that gives no time axis because of ``details["unreadable_date"]``, or None.

    ``details`` is CsvInfo.to_json_dict's form, which a CSV series keeps as its details.
    """
    if not details.get("unreadable_date") or details.get("time_column"):
        return None
    return next((entry["name"] for entry in details.get("columns", ())
                 if entry.get("type") == "datetime" and entry.get("name") != details.get("column")), None)


def describe_detected_delimiter(chosen: str, detected: str) -> str:
    """Return the sentence saying that detection would split the rows at ``detected`` instead of ``chosen``."""
    return (f"the rows were split at the given --delimiter {delimiter_option(chosen)}, but detection chooses "
            f"{delimiter_option(detected)}; if {delimiter_option(detected)} separates the columns, leave "
            "--delimiter out")


def describe_other_delimiter(other: str, names: Sequence[str], decimal: str,
                             header_delimiter: str | None = None) -> str:
    """Return the sentence saying that a file read as one column splits at ``other`` into ``names``.

    ``header_delimiter`` is where the header splits, when that is not ``other``.
    """
    options = f"--delimiter {delimiter_option(other)}"
    if other == "," and decimal == ",":
        options += " with --decimal ."
    if header_delimiter is not None and header_delimiter != other:
        split = (f"its header splits at {delimiter_option(header_delimiter)} into {len(names)} columns "
                 f"({', '.join(names)}) and its rows at {delimiter_option(other)}")
    else:
        split = (f"the header and the rows split at {delimiter_option(other)} into {len(names)} columns "
                 f"({', '.join(names)})")
    return (f"the file reads as one column, but {split}; if {delimiter_option(other)} separates the "
            f"columns, use {options}, or leave those options out to detect them")


def _other_delimiter_sentence(other_delimiter: tuple[str, list[str], str], decimal: str) -> str:
    """Return describe_other_delimiter's sentence for _columns_at_other_delimiter's finding, capitalised."""
    rows_delimiter, names, header_delimiter = other_delimiter
    described = describe_other_delimiter(rows_delimiter, names, decimal, header_delimiter)
    return f"{described[0].upper()}{described[1:]}."


def _other_delimiter_params(other_delimiter: tuple[str, list[str], str] | None) -> dict[str, Any] | None:
    """Return _columns_at_other_delimiter's finding as the dict that errors and the JSON form carry, or None."""
    if other_delimiter is None:
        return None
    rows_delimiter, names, header_delimiter = other_delimiter
    return {"delimiter": rows_delimiter, "names": list(names), "header_delimiter": header_delimiter}


def _header_mismatch(header_row: Sequence[str], sample: Sequence[Sequence[str]]) -> tuple[int, int] | None:
    """Return (header cells, usual data row cells) when the two differ, else None.

    Rows that end in as many delimiters as the header match it, even when their
    last cells are empty ("31/01/2020;21,29;" under "Data;Temperatura;Note").
    """
    rows = [row for row in sample if row]
    if not rows:
        return None
    if len(header_row) == Counter(len(row) for row in rows).most_common(1)[0][0]:
        return None
    row_cells = Counter(_width_without_trailing_empty(row) for row in rows).most_common(1)[0][0]
    header_cells = _width_without_trailing_empty(header_row)
    return None if header_cells == row_cells else (header_cells, row_cells)


def _find_decimal_comma_rows(table: csv_table.Table, index: np.ndarray) -> list[tuple[int, str]]:
    """Return the (line, text) rows that show numbers such as 100,13 split at their decimal comma, or [].

    ``index`` lists every record from the first, a header included, so a
    header that names two columns rules the reading out. Each record must
    be two whole numbers, the second without a sign, or a single
    missing-value marker, and at least MIN_LENGTH records must be pairs.
    First fields that step by a constant non-zero amount (1, 2, 3 or 2001,
    2002, 2003) make an index or year column. Such a file gives [] unless
    some second field starts with 0, because decimals such as "05" often do
    and whole numbers rarely do.
    """
    lengths = table.lengths[index]
    pairs = index[lengths == 2]
    if pairs.size < MIN_LENGTH or (lengths[lengths != 2] != 1).any():
        return []
    if not all(csv_values.is_missing(cell) for cell in table.column(index[lengths != 2], 0)):
        return []
    # The first rows settle most files before the whole columns are read.
    sample = _whole_number_pairs(table, pairs[:_TYPE_SAMPLE_ROWS])
    if sample is None:
        return []
    # NOTE: the whole columns are read again as text, which about doubles the read time of a file of
    # a million such rows (docs/benchmarks.md).
    columns = sample if pairs.size <= _TYPE_SAMPLE_ROWS else _whole_number_pairs(table, pairs)
    if columns is None:
        return []

    whole_parts, decimal_parts = columns
    leading_zero = re.search(r"^0\d", decimal_parts, re.M)
    if leading_zero is None and _counts_steadily(sample[0]) and _counts_steadily(whole_parts):
        return []
    evidence = [int(pairs[0])]
    if leading_zero is not None:
        position = decimal_parts.count("\n", 0, leading_zero.start())
        if position:
            evidence.append(int(pairs[position]))
    return [(int(table.lines[record]), ",".join(table.record(record)).strip()) for record in evidence]


def _whole_number_pairs(table: csv_table.Table, rows: np.ndarray) -> tuple[str, str] | None:
    """Return the two cells of ``rows`` as two columns joined by "\n", or None unless both are whole numbers.

    The first cells may start with '-', the second cells are digits only
    and may end in the blanks that the line table leaves before a line end.
    """
    whole_parts = "\n".join(table.column(rows, 0))
    decimal_parts = "\n".join(table.column(rows, 1))
    if " " in decimal_parts or "\t" in decimal_parts:
        decimal_parts = re.sub(r"[ \t]+$", "", decimal_parts, flags=re.M)
    unsigned = ("\n" + whole_parts).replace("\n-", "\n")[1:]
    if not (_are_digit_runs(unsigned) and _are_digit_runs(decimal_parts)):
        return None
    return whole_parts, decimal_parts


def _are_digit_runs(joined: str) -> bool:
    """Check whether every cell of ``joined`` (cells joined by "\n") is one or more ASCII digits."""
    return (joined.isascii() and joined.replace("\n", "").isdigit() and "\n\n" not in joined
            and not joined.startswith("\n") and not joined.endswith("\n"))


def _counts_steadily(whole_parts: str) -> bool:
    """Check whether the numbers of ``whole_parts`` (joined by "\n") step by one constant non-zero amount."""
    steps = np.diff(np.array(whole_parts.split("\n"), dtype=np.float64))
    return steps.size >= 2 and steps[0] != 0 and bool((steps == steps[0]).all())


def _width_without_trailing_empty(row: Sequence[str]) -> int:
    width = len(row)
    while width > 1 and not row[width - 1].strip():
        width -= 1
    return width


def _column_names(header_row: Sequence[str] | None, width: int) -> list[str]:
    names = []
    for j in range(width):
        name = header_row[j].strip().lstrip("\ufeff") if header_row is not None and j < len(header_row) else ""
        names.append(name or f"column {j}")
    return names


def _find_totals_row(table: csv_table.Table, data_index: np.ndarray, keep: np.ndarray, values: np.ndarray,
                     target: int, time_index: int | None) -> tuple[int, str] | None:
    """Return (line, label) of a last kept row that totals the column, or None.

    A row counts when a cell other than the value is a totals label such as
    "Totale", or when its value is the sum of the values above while its time
    cell is empty or not a date. The label is "" in the second case.
    """
    kept = np.flatnonzero(keep)
    if kept.size < 3:
        return None
    last = int(kept[-1])
    record = table.record(int(data_index[last]))
    line = int(table.lines[data_index[last]])
    for j, cell in enumerate(record):
        if j != target and _is_totals_label(cell):
            return line, cell.strip()
    if time_index is None or time_index >= len(record) or csv_values.is_date(record[time_index]):
        return None
    above = values[kept[:-1]]
    above = above[~np.isnan(above)]
    total, value = float(above.sum()), float(values[last])
    # Rounding in the file: the total of values written to the cent may differ by a few cents.
    close = math.isclose(value, total, rel_tol=1e-9, abs_tol=0.005 * max(1, above.size) ** 0.5)
    if above.size >= 2 and total != 0 and close and abs(value) > np.abs(above).max():
        return line, ""
    return None


def _is_totals_label(cell: str) -> bool:
    return cell.strip().rstrip(":").strip().lower() in TOTALS_LABELS


def _column_type(cells: Sequence[str], name: str, decimal: str) -> str:
    """Return "numeric", "datetime" or "text" for a column from a sample of its cells.

    A column is numeric when at least half of its non-missing cells are
    numbers, so one stray word still lets the reader point at that cell. Four
    digit integers are a year axis only under a name such as "year" or "date".
    """
    # A totals row's label ("Totale" under dates) does not make the column text.
    kinds = Counter(_classify(cell, decimal) for cell in cells if not _is_totals_label(cell))
    present = sum(kinds.values()) - kinds["missing"]
    if present == 0:
        return "text"
    if kinds["date"] == present:
        return "datetime"
    if (kinds["number"] == present and _TIME_NAME_RE.search(name)
            and all(csv_values.is_year(cell) for cell in cells if not csv_values.is_missing(cell))):
        return "datetime"
    if 2 * kinds["number"] >= present:
        return "numeric"
    return "text"


def _choose_column(column: str | int | None, columns: list[tuple[str, str]], path: Path,
                   other_delimiter: tuple[str, list[str], str] | None = None, decimal: str = ".") -> int:
    """Return the index of the column to read. ``other_delimiter`` is as for _bad_value_error."""
    names = [name for name, _ in columns]
    if column is None:
        numeric = [j for j, (_, kind) in enumerate(columns) if kind == "numeric"]
        if not numeric:
            described = ", ".join(f"{name!r} ({kind})" for name, kind in columns)  # a tab shows as \t
            # Choosing a column helps only when text cells made the column of numbers read as text.
            advice = ("A series needs a column of numbers: check the delimiter and decimal mark, or choose the "
                      "column that holds the numbers by name or index if some text cells made it read as text.")
            if other_delimiter is not None:
                # A tab file read with --delimiter , has one text column named "day\tsales\tcost".
                advice = _other_delimiter_sentence(other_delimiter, decimal)
            raise CsvError(
                f"{path} has no numeric column (columns: {described}). {advice}",
                code="csv.no_numeric_column", path=str(path), columns=names, decimal=decimal,
                other_delimiter=_other_delimiter_params(other_delimiter))
        return numeric[-1]

    if isinstance(column, str):
        wanted = column.strip()
        for matches in (lambda name: name == wanted, lambda name: name.lower() == wanted.lower()):
            found = [j for j, name in enumerate(names) if matches(name)]
            if len(found) > 1:
                indexes = " and ".join(str(j) for j in found)
                raise CsvError(
                    f"{path} has {len(found)} columns named '{column}' (indexes {indexes}); choose one by its "
                    "index, counted from 0.",
                    code="csv.column_ambiguous", path=str(path), column=column, indexes=found)
            if found:
                return found[0]
        # "-1" is an index out of range, not a name.
        if not wanted.lstrip("-").isdigit():
            raise CsvError(
                f"{path} has no column named '{column}'. Columns: {', '.join(names)}.",
                code="csv.column_not_found", path=str(path), column=column, columns=names)
        column = int(wanted)

    if isinstance(column, (int, np.integer)) and not isinstance(column, bool) and 0 <= column < len(names):
        return int(column)
    raise CsvError(
        f"{path} has no column {column}: indexes run from 0 to {len(names) - 1} "
        f"({', '.join(names)}).",
        code="csv.column_not_found", path=str(path), column=column, columns=names)


def _detect_point_grouping(columns: list[tuple[str, str]], sample: Sequence[Sequence[str]], target: int,
                           target_cells: Sequence[str]) -> csv_values.PointGrouping:
    """Apply csv_values.detect_point_thousands to the sampled numeric columns.

    When the sample leaves it open, the whole target column decides, because
    its first rows may all be below 1000 and its later ones written "1.026".
    """
    numeric = [(j, name) for j, (name, kind) in enumerate(columns) if kind == "numeric"]
    sampled = [[row[j] for row in sample if len(row) > j] for j, _ in numeric]
    grouping = csv_values.detect_point_thousands([(name, cells) for (_, name), cells in zip(numeric, sampled)])
    if (grouping.reading in ("none", "unclear") and columns[target][1] == "numeric"
            and len(target_cells) > len(sample)):
        whole = [(name, target_cells if j == target else cells) for (j, name), cells in zip(numeric, sampled)]
        grouping = csv_values.detect_point_thousands(whole)
    return grouping


def _check_default_column(path: Path, table: csv_table.Table, index: np.ndarray,
                          columns: list[tuple[str, str]], target: int, empty_columns: list[str]) -> None:
    """Raise CsvError "csv.all_missing" when the default column passed over a later column of missing-value markers.

    In "t,value" with "NA" in every value cell, the series is the value
    column, and training on the column before it would pass for a real run.
    A later column of blank cells only, such as an unused notes column, is
    left to the caller's warning, because it may never have been meant as data.
    """
    names = [name for name, _ in columns]
    for j in range(target + 1, len(columns)):
        if names[j] in empty_columns and any(cell.strip() for cell in table.column(index, j)):
            raise CsvError(
                f"{path}: every value in column '{names[j]}' is missing, so the file has no series to train "
                f"on by default. Fill in column '{names[j]}', or choose another column, such as "
                f"'{names[target]}'.",
                code="csv.all_missing", path=str(path), column=names[j], columns=names)


def _check_missing_only_column(path: Path, table: csv_table.Table, index: np.ndarray,
                               columns: list[tuple[str, str]]) -> None:
    """Raise CsvError "csv.all_missing" when a file without a numeric column has a column of only missing values.

    In "date;value" with "NA" in every value cell, the value column is typed
    "empty", and "no numeric column" would send the reader to the delimiter and
    decimal mark. The last column with a marker such as "NA" is named. A
    column of empty cells only is named when no other column contains text,
    because next to text columns it may be an unused notes column.
    """
    names = [name for name, _ in columns]
    missing_only = [j for j, (_, kind) in enumerate(columns) if kind == "empty"]
    if not missing_only:
        return

    markers_by_column = {j: list(dict.fromkeys(cell.strip() for cell in table.column(index, j)))
                         for j in missing_only}
    marked = [j for j in missing_only if any(markers_by_column[j])]
    text_columns = [j for j, (_, kind) in enumerate(columns) if kind == "text"]
    if marked:
        j = marked[-1]
    elif not text_columns:
        j = missing_only[-1]
    else:
        return

    markers = markers_by_column[j]
    marker_texts = [repr(marker) if marker else "empty" for marker in markers[:3]]
    if len(markers) > 3:
        marker_texts.append("other markers")
    described = (marker_texts[0] if len(marker_texts) == 1
                 else f"{', '.join(marker_texts[:-1])} or {marker_texts[-1]}")
    raise CsvError(
        f"{path}: every value in column '{names[j]}' is missing (its cells are {described}), so the file "
        f"has no numeric column to read. Fill in column '{names[j]}' and read the file again.",
        code="csv.all_missing", path=str(path), column=names[j], columns=names, markers=markers)


def _is_missing_only(table: csv_table.Table, index: np.ndarray, j: int) -> bool:
    # The first rows settle most columns without building the whole list of cells.
    return all(all(csv_values.is_missing(cell) for cell in table.column(rows, j))
               for rows in (index[:_TYPE_SAMPLE_ROWS], index))


def _find_ragged(table: csv_table.Table, index: np.ndarray, width: int) -> list[int]:
    """Return the line numbers of records with fewer or more cells than ``width``; extra empty cells do not count."""
    ragged = []
    for record in index[table.lengths[index] != width]:
        row = table.record(record)
        if len(row) > width and not any(cell.strip() for cell in row[width:]):
            continue
        ragged.append(int(table.lines[record]))
    return ragged


# A column with more bad cells than this is reported as having "at least" this many.
_BAD_CELLS_COUNTED = 1000
_BAD_CELLS_SHOWN = 5


def _bad_value_error(path: Path, bad_cells: list[tuple[int, str]], column: str, decimal: str,
                     columns: list[tuple[str, str]],
                     other_delimiter: tuple[str, list[str], str] | None = None) -> CsvError:
    """Return the error for the (line, text) cells of ``column`` that are not numbers or beyond the float64 range, first one first.

    ``other_delimiter`` is _columns_at_other_delimiter's finding: then the cells
    are whole rows, and the hint names the delimiters instead.
    """
    line, text = bad_cells[0]
    single = len(bad_cells) == 1
    hint = ""
    advice = "Correct or empty that cell, or choose another column." if single else \
        "Correct or empty those cells, or choose another column."
    other_mark = "," if decimal == "." else "."
    split = _other_delimiter_params(other_delimiter)
    if other_delimiter is not None:
        # A header "id;value" over rows "12,74.3" reads as one column of whole rows, so no cell is to blame.
        hint, advice = f" {_other_delimiter_sentence(other_delimiter, decimal)}", ""
    elif "\n" in text or "\r" in text:
        hint = (f" {'The' if single else 'The first'} cell spans several lines, so a quote opened there "
                "is probably never closed.")
    elif csv_values.is_finite_number(text, other_mark):
        hint = (f" {'It' if single else 'The first one'} reads as a number with the decimal mark '{other_mark}'; "
                "if the file uses it, set the decimal mark.")
    names = [name for name, _ in columns]
    if single and csv_values.is_too_large(text, decimal):
        return CsvError(
            f"{path}, line {line}, column '{column}': {text!r} is too large for a 64-bit float, which holds "
            "magnitudes up to about 1.8e308. Correct or empty that cell, or choose another column. If the "
            "column really holds values this large, divide them by a power of ten in the file first.",
            code="csv.value_too_large", path=str(path), line=line, column=column, text=text,
            decimal=decimal, columns=names)
    if single:
        return CsvError(
            f"{path}, line {line}, column '{column}': {text!r} is not a number.{hint} {advice}".rstrip(),
            code="csv.bad_value", path=str(path), line=line, column=column, text=text,
            decimal=decimal, columns=names, other_delimiter=split)
    too_large = next(([cell_line, cell_text] for cell_line, cell_text in bad_cells
                      if csv_values.is_too_large(cell_text, decimal)), None)
    if too_large is not None:
        hint += (f" Line {too_large[0]} {too_large[1]!r} is too large for a 64-bit float, which holds "
                 "magnitudes up to about 1.8e308.")
    count = len(bad_cells)
    at_least = count >= _BAD_CELLS_COUNTED
    listed = ", ".join(f"line {cell_line} {cell_text!r}" for cell_line, cell_text in bad_cells[:_BAD_CELLS_SHOWN])
    more = count - _BAD_CELLS_SHOWN
    if more > 0:
        listed += f", and {'at least ' if at_least else ''}{more} more"
    return CsvError(
        f"{path}, column '{column}': {'at least ' if at_least else ''}{count} cells are not numbers: "
        f"{listed}.{hint} {advice}".rstrip(),
        code="csv.bad_values", path=str(path), line=line, column=column, text=text, count=count,
        at_least=at_least, cells=[list(cell) for cell in bad_cells[:_BAD_CELLS_SHOWN]],
        too_large=too_large, decimal=decimal, columns=names, other_delimiter=split)


def _parse_time(cells: list[str], keep: np.ndarray, lines: np.ndarray, path: Path,
                name: str) -> tuple[np.ndarray | None, tuple[int, str] | None]:
    """Return the time axis of the kept rows, or None with the (line, text) of the first cell that prevents it.

    The (line, text) is None when no single cell is to blame, as with dates
    that read only in different orders.
    """
    time_axis = csv_values.parse_date_column([cells[position] for position in np.flatnonzero(keep)])
    if time_axis is not None and not np.isnat(time_axis).any():
        return time_axis, None
    # NOTE: a time column with gaps or unreadable dates gives no x axis at
    # all; the values still load and are plotted against their positions.
    log.warning("%s: column %r has missing or unreadable dates; using positions as the x axis", path, name)
    for position in np.flatnonzero(keep):
        cell = cells[position]
        if csv_values.is_missing(cell) or csv_values.parse_date_column([cell]) is None:
            return None, (int(lines[position]), cell.strip())
    return None, None
