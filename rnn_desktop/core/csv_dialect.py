"""Dialect detection for the CSV reader: encoding, line endings, comments and delimiter."""

from __future__ import annotations

import codecs
import csv
import logging
import re
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Sequence

from rnn_desktop.core.errors import CsvError

log = logging.getLogger(__name__)

WHITESPACE = "whitespace"  # runs of spaces and tabs separate the fields
# Candidates in order of preference. On equal consistency the earlier one
# wins, because a comma may also be a decimal mark while the others never are.
DELIMITER_CANDIDATES = ("\t", ";", "|", ",")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe", WHITESPACE: "whitespace"}
_DELIMITER_ALIASES = {
    ",": ",", "comma": ",", ";": ";", "semicolon": ";", "\t": "\t", "\\t": "\t", "tab": "\t",
    "|": "|", "pipe": "|", " ": WHITESPACE, "space": WHITESPACE, "whitespace": WHITESPACE,
}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE_LINES = 100
_DIGIT_COMMA_RE = re.compile(r"(?<=\d),(?=\d)")
_NUMBER_TOKEN_RE = re.compile(r"[+-]?[\d.,]*\d[\d.,]*(?:[eE][+-]?\d+)?\Z")


def read_bytes(path: Path) -> bytes:
    """Return the file's bytes; raise CsvError naming the path when it cannot be read."""
    return _with_file_errors(path, path.read_bytes)


def check_readable(path: Path) -> None:
    """Raise the CsvError that read_bytes would raise, after only opening the file."""
    _with_file_errors(path, lambda: path.open("rb").close())


def _with_file_errors(path: Path, action: Callable[[], Any]) -> Any:
    try:
        return action()
    except FileNotFoundError:
        raise CsvError(f"CSV file not found: {path}. Check the path and try again.",
                       code="csv.not_found", path=str(path)) from None
    except IsADirectoryError:
        raise CsvError(f"{path} is a folder, not a CSV file. Choose a file inside it.",
                       code="csv.not_a_file", path=str(path)) from None
    except OSError as error:
        raise CsvError(f"Cannot read {path}: {error.strerror or error}. Check that the file is readable.",
                       code="csv.unreadable", path=str(path), reason=str(error)) from None


def normalize_delimiter(value: str | None) -> str | None:
    """Map a user's delimiter option (',', ';', 'tab', '|', 'space', ...) to the reader's form."""
    if value is None:
        return None
    key = value if value.strip() == "" else value.strip().lower()
    if key not in _DELIMITER_ALIASES:
        raise CsvError(
            f"unknown delimiter {value!r}; use one of: ',', ';', 'tab', '|', 'space'.",
            code="csv.bad_option", option="delimiter", value=value,
            allowed=[",", ";", "tab", "|", "space"])
    return _DELIMITER_ALIASES[key]


def decode(data: bytes, path: Path, encoding: str | None) -> tuple[str, str]:
    """Decode the file's bytes and return the text without a byte order mark, and the encoding used.

    Without ``encoding``: a byte order mark decides (UTF-8, UTF-16, UTF-32),
    then UTF-16 without one is recognised by its zero bytes, then UTF-8 is
    tried, then Windows-1252.
    """
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise CsvError(f"unknown encoding {encoding!r}; use a Python codec name such as "
                           "utf-8, utf-16 or cp1252.",
                           code="csv.bad_option", option="encoding", value=encoding) from None
        wide = codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
        if wide and data and b"\x00" not in data[:4096]:
            # Digits and delimiters take a zero byte each in UTF-16 and UTF-32, so text without any
            # would decode into unrelated characters and no line breaks.
            raise CsvError(f"{path} has no zero bytes, so it is not {encoding} text. Leave out the encoding "
                           "to detect it, or set the one the file was saved with (for example utf-8 or cp1252).",
                           code="csv.encoding_not_wide", path=str(path), encoding=encoding)
        return _decode_as(data, path, encoding).lstrip("\ufeff"), encoding

    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom):], path, name), name

    guessed = _guess_utf16_without_bom(data[:4096])
    if guessed:
        return _decode_as(data, path, guessed), guessed
    if b"\x00" in data[:4096]:
        raise CsvError(f"{path} contains NUL bytes (bytes of value 0), so it looks like a binary file, not a CSV file. "
                       "Export the data as CSV text and try again.",
                       code="csv.binary", path=str(path))

    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        log.info("%s is not UTF-8; trying Windows-1252", path)
    return _decode_as(data, path, "cp1252"), "cp1252"


def _decode_as(data: bytes, path: Path, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise CsvError(
            f"{path}, line {line}: byte 0x{data[error.start]:02x} is invalid in encoding {encoding}. "
            "Set the encoding the file was saved with (for example utf-8, utf-16 or cp1252).",
            code="csv.encoding", path=str(path), line=line, encoding=encoding,
            byte=f"0x{data[error.start]:02x}") from None


def _guess_utf16_without_bom(head: bytes) -> str | None:
    if len(head) < 4:
        return None
    even_zeros = head[0::2].count(0) / len(head[0::2])
    odd_zeros = head[1::2].count(0) / len(head[1::2])
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def describe_line_endings(text: str) -> str:
    """Return "CRLF", "LF", "CR", "mixed" or "none"."""
    if "\r" not in text:
        return "LF" if "\n" in text else "none"
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    kinds = [name for name, count in (("CRLF", crlf), ("LF", lf), ("CR", cr)) if count]
    if not kinds:
        return "none"
    return kinds[0] if len(kinds) == 1 else "mixed"


def count_lines(text: str) -> int:
    """Count physical lines the way ``str.splitlines`` would for CR, LF and CRLF endings."""
    breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    ends_with_break = text.endswith(("\n", "\r"))
    return breaks if ends_with_break or not text else breaks + 1


def split_leading_comments(text: str) -> tuple[str, int, int]:
    """Cut leading blank lines and lines starting with '#' off ``text``.

    Return the rest, the number of lines cut, and how many of them were comments.
    """
    offset = 0
    skipped = 0
    comments = 0
    for match in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|\Z)", text):
        line = match.group()
        if not line:
            break
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        comments += stripped.startswith("#")
        skipped += 1
        offset = match.end()
    return text[offset:], skipped, comments


# A report exported from a spreadsheet may have up to this many title lines above its header.
MAX_TITLE_LINES = 10
# Lines below a header that must split like it before the lines above it count as titles, and the
# share of them that must have exactly the header's number of cells.
_TITLE_CHECK_ROWS = 20
TITLE_ROWS_MATCH_SHARE = 0.8


def split_title_lines(text: str, delimiter: str | None = None) -> tuple[str, int]:
    """Cut title lines above the header off ``text``; return the rest and the number of lines cut.

    A spreadsheet report may start with a title, a subtitle and an empty row
    ("Report vendite;;", "dati in euro;;", ";;") above its header. Such lines
    have at most one filled cell, whichever delimiter splits them. They count
    as titles only when the line below them has two or more cells that are not
    numbers, and most lines below that have as many cells. A one-column file
    with decimal commas ("value" over "1,5") is not cut, because its second
    line is a number.
    """
    lines, ends = [], []
    for match in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|\Z)", text):
        if not match.group() or len(lines) == MAX_TITLE_LINES + 1 + _TITLE_CHECK_ROWS:
            break
        lines.append(match.group())
        ends.append(match.end())
    for candidate in [delimiter] if delimiter else DELIMITER_CANDIDATES:
        if candidate == WHITESPACE:
            continue
        rows = list(csv.reader([line.rstrip("\r\n") for line in lines], delimiter=candidate))
        for k in range(1, min(MAX_TITLE_LINES, len(rows) - 3) + 1):
            # A title has one filled cell whichever delimiter splits it ("name,notes,v" is a header).
            if sum(1 for cell in rows[k - 1] if cell.strip()) > 1 or _splits_at_other_delimiter(lines[k - 1]):
                break
            header = [cell.strip() for cell in rows[k]]
            filled = [cell for cell in header if cell]
            if len(filled) < 2 or any(_looks_numeric(cell) for cell in filled):
                continue
            below = [row for row in rows[k + 1:] if any(cell.strip() for cell in row)]
            width = _count_fields(rows[k])
            # Most rows have the header's cells; a few may end early, as a totals row "Totale;25800,00;" does.
            # A row counts when its filled cells or all its delimiters match the header's: a last column of
            # notes, mostly empty, leaves "31/01/2020;21,29;" with two filled cells under three names.
            counts = [_count_fields(row) for row in below]
            matching = sum(1 for row, count in zip(below, counts) if count == width or len(row) == len(rows[k]))
            if len(below) >= 2 and max(counts) <= width and matching >= TITLE_ROWS_MATCH_SHARE * len(below):
                if any(any(cell.strip() for cell in row) for row in rows[:k]):
                    return text[ends[k - 1]:], k
                return text, 0
    return text, 0


def _splits_at_other_delimiter(line: str) -> bool:
    """Return whether any delimiter candidate splits ``line`` into two or more filled cells."""
    return any(sum(1 for cell in next(csv.reader([line.rstrip("\r\n")], delimiter=candidate), []) if cell.strip()) > 1
               for candidate in DELIMITER_CANDIDATES)


def _looks_numeric(cell: str) -> bool:
    return bool(re.fullmatch(r"[-+(]?[\d.,' \u00a0]*\d[\d.,' \u00a0]*\)?\s*%?", cell))


def split_separator_hint(text: str) -> tuple[str, str | None]:
    """Cut a leading "sep=;" line, which Excel writes and reads, off ``text``; return the rest and the delimiter."""
    match = re.match(r"sep=(.)[ \t]*(?:\r\n|\r|\n|\Z)", text)
    if not match:
        return text, None
    return text[match.end():], match.group(1)


def sample_lines(text: str, count: int = _SAMPLE_LINES) -> list[str]:
    """Return up to ``count`` non-blank lines from the start of ``text``."""
    lines = []
    for line in re.finditer(r"[^\r\n]+", text[: 200 * count * 20]):
        if line.group().strip():
            lines.append(line.group())
            if len(lines) == count:
                break
    return lines


def detect_delimiter(lines: Sequence[str], exclude: str | None = None) -> str | None:
    """Pick the delimiter that splits the sample lines into the most consistent number of fields.

    Return None when no candidate gives two or more fields, which means a
    single column. ``exclude`` drops a candidate, such as the comma when the
    decimal mark is known to be a comma.
    """
    best: tuple[float, str] | None = None
    for candidate in DELIMITER_CANDIDATES:
        if candidate == exclude:
            continue
        counts = [_count_fields(row) for row in csv.reader(lines, delimiter=candidate, skipinitialspace=True)]
        score = _consistency(counts)
        if score > 0 and (best is None or score > best[0]):
            best = (score, candidate)
    if best is not None and best[1] == "," and _is_whitespace_table_with_decimal_comma(lines):
        return WHITESPACE
    if best is not None and best[1] == ",":
        rows_delimiter = _rows_delimiter_under_comma_header(lines, exclude)
        if rows_delimiter is not None:
            return rows_delimiter
    if best is not None:
        return best[1]
    rows_delimiter = _rows_delimiter_under_split_header(lines, exclude)
    if rows_delimiter is not None:
        return rows_delimiter

    # One column whose every line ends in a delimiter, except perhaps the header.
    data = lines[1:] if len(lines) > 1 else lines
    for candidate in DELIMITER_CANDIDATES:
        if candidate != exclude and data and all(line.rstrip(" ").endswith(candidate) for line in data):
            return candidate

    counts = [len(line.split()) for line in lines]
    if _consistency(counts) >= 0.8:
        return WHITESPACE
    return None


def _rows_delimiter_under_comma_header(lines: Sequence[str], exclude: str | None) -> str | None:
    """Return the delimiter of data rows below a header of comma-separated names, or None.

    In a header "date,value" over rows "2021-01-02;3,97", the comma splits
    every line into two fields, so it looks consistent, but it splits the rows
    at their decimal commas. The rows' delimiter is a candidate other than the
    comma that the header lacks and that splits every data row into the same
    two or more fields. Every comma in the rows must also lie between two
    digits, as a decimal comma does.
    """
    if len(lines) < 3:
        return None
    header, data = lines[0], lines[1:]
    if "," not in header:
        return None
    if any("," in _DIGIT_COMMA_RE.sub("", line) for line in data):
        return None
    for candidate in DELIMITER_CANDIDATES:
        if candidate not in (",", exclude) and candidate not in header and _row_width(data, candidate) >= 2:
            return candidate
    return None


def _rows_delimiter_under_split_header(lines: Sequence[str], exclude: str | None) -> str | None:
    """Return the delimiter of data rows below a header of names split at another one, or None.

    In a header "year;flow" over rows "1871,1120", no candidate splits every
    line alike, and the comma could be a decimal mark. But the header's two
    names match the two fields of every row at the comma, which the header
    lacks, so the rows are comma-separated.
    """
    if len(lines) < 3:
        return None
    header, data = lines[0], lines[1:]
    for header_delimiter in DELIMITER_CANDIDATES:
        names = [name.strip() for name in header.split(header_delimiter)]
        if len(names) < 2 or not all(names):
            continue
        for candidate in DELIMITER_CANDIDATES:
            if candidate not in (header_delimiter, exclude) and candidate not in header \
                    and _row_width(data, candidate) == len(names):
                return candidate
    return None


def _row_width(rows: Sequence[str], candidate: str) -> int:
    """Return the number of fields that ``candidate`` splits every one of ``rows`` into, or 0 when they differ."""
    if not all(candidate in row for row in rows):
        return 0
    counts = {_count_fields(row) for row in csv.reader(rows, delimiter=candidate, skipinitialspace=True)}
    return counts.pop() if len(counts) == 1 else 0


def _is_whitespace_table_with_decimal_comma(lines: Sequence[str]) -> bool:
    """Check whether blanks separate numbers written with a decimal comma, as in "0 1,5".

    The comma then splits such lines into a consistent number of fields too,
    but those fields contain blanks between digits, which a real comma table
    does not.
    """
    data = lines[1:] if len(lines) > 1 else lines
    tokens = [token for line in data for token in line.split()]
    if not all(_NUMBER_TOKEN_RE.match(token) for token in tokens):
        return False
    counts = [len(line.split()) for line in lines]
    return _consistency(counts) >= 0.8 and all(re.search(r"\d[ \t]+[+-]?\d", line) for line in data)


def _count_fields(row: list[str]) -> int:
    count = len(row)
    while count > 1 and not row[count - 1].strip():
        count -= 1  # a trailing delimiter does not add a field
    return count


def _consistency(counts: Sequence[int]) -> float:
    """Fraction of lines with the most common field count, or 0 when that count is below 2.

    A first line with a single field above rows of several is taken as a
    one-column header whose data contain the candidate as a decimal mark, so
    the candidate scores 0.
    """
    if not counts:
        return 0.0
    mode, frequency = Counter(counts).most_common(1)[0]
    if mode < 2:
        return 0.0
    if len(counts) > 1 and counts[0] == 1:
        return 0.0
    return frequency / len(counts)


def prepare_whitespace_text(text: str) -> str:
    """Turn runs of spaces and tabs into single spaces and trim each line, for ``csv`` with delimiter ' '."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"^[ \t]+|[ \t]+$", "", text, flags=re.M)
    return re.sub(r"[ \t]+", " ", text)
