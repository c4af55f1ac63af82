"""Splitting a CSV body into records, with the file line where each record starts.

Two implementations share one interface. A body with quotes below its first
line goes through the standard library's csv module. A body without quotes
there, the usual case for numeric exports, has one record per line and no
delimiter inside a cell. For it numpy finds the newlines and delimiters in
the UTF-8 bytes, and only the cells of the columns actually used become
Python strings.
"""

from __future__ import annotations

import csv
import gc
import io
import re
from operator import itemgetter
from pathlib import Path

import numpy as np

from rnn_desktop.core import csv_dialect
from rnn_desktop.core.csv_dialect import WHITESPACE
from rnn_desktop.core.errors import CsvError

# The delimiter for a one-column file: the ASCII unit separator, a control
# character that CSV text does not normally contain.
NO_DELIMITER = "\x1f"
_NEWLINE = ord("\n")


class Table:
    """Records of a CSV body.

    ``lines`` contains the 1-based file line where each record starts,
    ``lengths`` the number of cells of each record (0 for a blank line) and
    ``nonblank`` the indexes of records with at least one cell.
    """

    lines: np.ndarray
    lengths: np.ndarray
    nonblank: np.ndarray

    def record(self, index: int) -> list[str]:
        raise NotImplementedError

    def column(self, index: np.ndarray, position: int) -> list[str]:
        """Return cell ``position`` of each record in ``index``, or "" where a record is shorter."""
        raise NotImplementedError


def parse_table(body: str, delimiter: str | None, path: Path, skipped_lines: int) -> Table:
    """Split ``body`` with ``delimiter`` (a character, "whitespace", or None for one column)."""
    if delimiter == WHITESPACE:
        body = csv_dialect.prepare_whitespace_text(body)
    separator = {None: NO_DELIMITER, WHITESPACE: " "}.get(delimiter, delimiter)
    quote = body.find('"')
    if quote < 0:
        return _LineTable(body, separator, skipped_lines)

    # Many spreadsheets quote only the header. Then the csv module parses
    # that one line and the fast path takes the rest.
    first_line = re.search(r"[\r\n]|\Z", body)
    if quote < first_line.start() and body.find('"', first_line.start()) < 0:
        table = _LineTable(body, separator, skipped_lines)
        header = next(csv.reader([body[:first_line.start()]], delimiter=separator, skipinitialspace=True))
        table.replace_record(0, header)
        return table
    return _RowTable(body, separator, path, skipped_lines)


class _RowTable(Table):
    """Records parsed by the csv module, for bodies with quoted cells."""

    def __init__(self, body: str, separator: str, path: Path, skipped_lines: int) -> None:
        reader = csv.reader(io.StringIO(body, newline=""), delimiter=separator, skipinitialspace=True)

        # Millions of small lists would trigger the cyclic garbage collector
        # many times over, which doubles the parse time, and none of them is
        # cyclic. The switch is process-wide, so other threads go without
        # cyclic collection while this runs.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self.rows = list(reader)
        except csv.Error as error:
            line = skipped_lines + reader.line_num
            raise CsvError(
                f"{path}, line {line}: the CSV structure is broken ({error}). "
                "Look for an unclosed quote near that line.",
                code="csv.malformed", path=str(path), line=line, reason=str(error)) from None
        finally:
            if collecting:
                gc.enable()

        if csv_dialect.count_lines(body) == len(self.rows):
            self.lines = np.arange(1, len(self.rows) + 1, dtype=np.int64) + skipped_lines
        else:
            self.lines = _record_start_lines(body, separator) + skipped_lines
        self.lengths = np.fromiter(map(len, self.rows), dtype=np.int64, count=len(self.rows))
        self.nonblank = np.flatnonzero(self.lengths > 0)

    def record(self, index: int) -> list[str]:
        return self.rows[index]

    def column(self, index: np.ndarray, position: int) -> list[str]:
        if not index.size:
            return []
        if index.size == int(index[-1]) - int(index[0]) + 1:
            rows = self.rows[int(index[0]):int(index[-1]) + 1]
        else:
            rows = [self.rows[i] for i in index]
        if int(self.lengths[index].min()) > position:
            return list(map(itemgetter(position), rows))
        return [row[position] if len(row) > position else "" for row in rows]


def _record_start_lines(body: str, separator: str) -> np.ndarray:
    # Quoted cells span several lines, so count the lines each record consumed.
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=separator, skipinitialspace=True)
    starts = []
    previous_end = 0
    for _ in reader:
        starts.append(previous_end + 1)
        previous_end = reader.line_num
    return np.array(starts, dtype=np.int64)


class _LineTable(Table):
    """Records of a body without quotes, located by byte offsets of newlines and delimiters.

    Unlike the csv module with skipinitialspace, cells keep blanks after a
    delimiter; every cell parser strips them.
    """

    def __init__(self, body: str, separator: str, skipped_lines: int) -> None:
        if "\r" in body:
            body = body.replace("\r\n", "\n")
            if "\r" in body:
                body = body.replace("\r", "\n")
        if body and not body.endswith("\n"):
            body += "\n"
        self.separator = separator
        self.replaced: dict[int, list[str]] = {}
        self.raw = body.encode("utf-8")
        data = np.frombuffer(self.raw, dtype=np.uint8)

        self.ends = np.flatnonzero(data == _NEWLINE)  # (lines,) offset of each line's newline
        self.starts = np.concatenate(([0], self.ends[:-1] + 1)).astype(np.int64)[:self.ends.shape[0]]
        # Both are ASCII, so a byte equal to them never sits inside a multi-byte character.
        self.delimiters = np.flatnonzero(data == ord(separator))
        self.first_delimiter = np.searchsorted(self.delimiters, self.starts)
        # A line's delimiters end where the next line's begin, because a
        # newline is never a delimiter.
        next_first = np.append(self.first_delimiter[1:], self.delimiters.shape[0])
        counts = next_first - self.first_delimiter

        self.lengths = np.where(self.ends > self.starts, counts + 1, 0)
        self.lines = np.arange(1, self.ends.shape[0] + 1, dtype=np.int64) + skipped_lines
        self.nonblank = np.flatnonzero(self.lengths > 0)

    def replace_record(self, index: int, row: list[str]) -> None:
        """Use ``row``, parsed elsewhere, as record ``index``; it may have fewer cells than delimiters."""
        self.replaced[index] = row
        self.lengths[index] = len(row)

    def record(self, index: int) -> list[str]:
        if index in self.replaced:
            return list(self.replaced[index])
        if not self.lengths[index]:
            return []
        return self.raw[self.starts[index]:self.ends[index]].decode("utf-8").split(self.separator)

    def column(self, index: np.ndarray, position: int) -> list[str]:
        if not index.size:
            return []
        # A replaced record's quoted cells may contain the delimiter, so its byte
        # offsets do not locate its cells. It takes an empty cell here, and its
        # parsed cell is swapped in at the end.
        lengths = self.lengths[index].copy()
        replaced_slots: list[tuple[int, list[str]]] = []
        for record, row in self.replaced.items():
            slot = int(np.searchsorted(index, record))
            if slot < index.size and index[slot] == record:
                lengths[slot] = 0
                replaced_slots.append((slot, row))
        present = lengths > position
        first = self.first_delimiter[index]
        line_ends = self.ends[index]

        # Cell k of a line starts after its (k-1)-th delimiter and ends at
        # the next delimiter or at the newline. Records too short for the
        # column get an empty cell at their newline.
        if position == 0:
            cell_starts = np.where(present, self.starts[index], line_ends)
        else:
            cell_starts = line_ends.copy()
            cell_starts[present] = self.delimiters[first[present] + position - 1] + 1
        cell_ends = line_ends.copy()
        inner = lengths > position + 1
        cell_ends[inner] = self.delimiters[first[inner] + position]

        # Keep each cell and the byte after it, which is a delimiter or a
        # newline, so one decode and one split give every cell. The
        # boundaries alternate start, end + 1, start, ... and never decrease,
        # so repeating "outside, inside, outside, ..." over the gaps between
        # them marks the bytes to keep.
        boundaries = np.empty(2 * cell_starts.shape[0], dtype=np.int64)
        boundaries[0::2] = cell_starts
        boundaries[1::2] = cell_ends + 1
        sizes = np.diff(np.concatenate(([0], boundaries, [len(self.raw)])))
        inside = np.zeros(sizes.shape[0], dtype=bool)
        inside[1::2] = True
        keep = np.repeat(inside, sizes)

        text = np.frombuffer(self.raw, dtype=np.uint8)[keep].tobytes().decode("utf-8")
        if self.separator != "\n":
            text = text.replace(self.separator, "\n")
        cells = text.split("\n")[:-1]

        for slot, row in replaced_slots:
            cells[slot] = row[position] if len(row) > position else ""
        return cells
