"""Cell-level parsing for the CSV reader: numbers, dates and missing-value markers.

A number has a decimal point or a decimal comma. Thousands separators (",",
".", apostrophe, space, no-break space) are accepted when they group the
digits by three. One currency sign (€ $ £ ¥) or percent sign before or after
the number is stripped, so "12,50 €" reads 12.5 and "45%" reads 45.0 (percent
points, not 0.45). Accounting negatives, "(193,28)" and "-€ 193,28", read as
-193.28. Anything else in a numeric cell is junk and the reader raises.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Sequence

import numpy as np

# Compared after stripping whitespace and lowering the case.
# Spreadsheets write "not available" in their own language: #N/D (Italian, Portuguese), #NV
# (German), #N/B (Dutch); "n.d.", "nd" and "n/d" are the Italian and Spanish abbreviations.
MISSING_MARKERS = frozenset({"", "na", "n/a", "nan", "null", "none", "-", "?", "#n/a",
                             "#n/d", "n/d", "n.d.", "nd", "#nv", "#n/b",
                             # Data loggers write these for a failed reading.
                             "err", "error"})

# The markers above in the spellings that files usually contain.
_EXACT_MARKERS = frozenset(
    spelling for marker in MISSING_MARKERS for spelling in (marker, marker.upper(), marker.capitalize()))
_EXACT_MARKERS |= {"NaN", "N/a"}

_SYMBOLS = "€$£¥%"
_SYMBOL_RE = re.compile(rf"\A\s*[{_SYMBOLS}]?\s*(?P<number>.*?)\s*[{_SYMBOLS}]?\s*\Z", re.S)
# "(193,28)" or "(€ 193,28)", and "-€ 193,28": negative in accounting formats. The number inside has no sign.
_ACCOUNTING_NEGATIVE_RE = re.compile(
    rf"\A(?:\((?P<number>[^()+-]*\d[^()+-]*)\)|-(?P<symbol_number>[{_SYMBOLS}]\s*[^()+-]*\d[^()+-]*))\Z")
_PLAIN_RE = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\Z")
_GROUPED_POINT_RE = re.compile(
    r"[+-]?\d{1,3}(?P<sep>[,' \u00a0\u202f])\d{3}(?:(?P=sep)\d{3})*(?:\.\d*)?\Z")
_GROUPED_COMMA_RE = re.compile(
    r"[+-]?\d{1,3}(?P<sep>[.' \u00a0\u202f])\d{3}(?:(?P=sep)\d{3})*(?:,\d*)?\Z")

# A whole number with '.' grouping its thousands: 1.026 or -12.345.678. The
# first group never starts with 0, because "0.125" can only be a decimal.
_POINT_THOUSANDS_RE = re.compile(r"[+-]?[1-9]\d{0,2}(?:\.\d{3})+\Z")
_INTEGER_RE = re.compile(r"[+-]?\d+\Z")
_NUMBER_LIKE_RE = re.compile(r"[+-]?[\d.,]*\d[\d.,]*\Z")
# Read with '.' grouping thousands, the smallest grouped number of a column is
# at most this many times its largest integer below 1000.
POINT_THOUSANDS_MAX_RATIO = 10

_ISO_DATE_RE = re.compile(
    r"(?P<year>\d{4})(?:[-/](?P<month>\d{1,2})(?:[-/](?P<day>\d{1,2})"
    r"(?:[T ](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?Z?)?)?)?\Z")
_DAY_FIRST_RE = re.compile(
    r"(?P<first>\d{1,2})(?P<sep>[./])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})"
    r"(?:[ T](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second_of_minute>\d{2}))?)?\Z")
_YEAR_RE = re.compile(r"\d{4}\Z")
# The UTC offset at the end of a time: "Z", "+01:00" or "-0500", as written by isoformat() or a logger.
_TIME_ZONE_RE = re.compile(r"(?<=[T ]\d\d:\d\d)(?::\d\d(?:\.\d+)?)?(?P<zone>Z|[+-]\d\d:?\d\d)\Z")
# A month and its year: "01/2018" or "01-2018" ("01.2018" would be a number), and a month's
# name or abbreviation before the year, as spreadsheets write it: "gen-2018", "Jan 18", "gennaio 2018".
_MONTH_YEAR_RE = re.compile(r"(?P<month>\d{1,2})[/-](?P<year>\d{4})\Z")
_MONTH_NAME_RE = re.compile(r"(?P<name>[^\W\d_]+)\.?[\s/.-]?(?P<year>\d{4}|\d{2})\Z")
# Month names and abbreviations in English, Italian, German, French and Spanish, lower case,
# without a final dot. No spelling means another month in another of these languages.
_MONTH_NAMES = {
    name: number
    for number, names in enumerate((
        "jan january gen gennaio januar janv janvier ene enero",
        "feb february febbraio februar fév févr février fevr feb febrero",
        "mar march marzo mär märz mrz mars",
        "apr april aprile avr avril abr abril",
        "may mag maggio mai mayo",
        "jun june giu giugno juni juin junio",
        "jul july lug luglio juli juil juillet julio",
        "aug august ago agosto aoû août",
        "sep sept september set settembre septembre septiembre",
        "oct october ott ottobre okt oktober octobre octubre",
        "nov november novembre noviembre",
        "dec december dic dicembre dez dezember déc décembre diciembre",
    ), start=1)
    for name in names.split()
}
# Two-digit years from 00 to 68 are 2000 to 2068, and 69 to 99 are 1969 to 1999, as C's strptime reads them.
_TWO_DIGIT_YEAR_PIVOT = 69


class BadCell(ValueError):
    """A cell that is neither a number nor a missing-value marker, at ``position`` in its column."""

    def __init__(self, position: int, text: str) -> None:
        super().__init__(f"cell {position}: {text!r}")
        self.position = position
        self.text = text


def is_missing(text: str) -> bool:
    return text.strip().lower() in MISSING_MARKERS


def parse_number(text: str, decimal: str) -> float | None:
    """Parse one cell with decimal mark ``decimal`` ("." or ","), or return None when it is not a number.

    Accounting formats write a negative number in parentheses, "(193,28)", or
    with the sign before the currency, "-€ 1.000,00"; both read as negative.
    """
    stripped = text.strip()
    inside = _accounting_negative(stripped)
    if inside is not None:
        value = parse_number(inside, decimal)
        return None if value is None or value < 0 else -value
    match = _SYMBOL_RE.match(text)
    number = match.group("number") if match else stripped

    grouped = _GROUPED_POINT_RE if decimal == "." else _GROUPED_COMMA_RE
    grouping = grouped.match(number)
    if grouping:
        number = number.replace(grouping.group("sep"), "")
    if decimal == ",":
        if "." in number:
            return None
        number = number.replace(",", ".")

    if not _PLAIN_RE.match(number):
        return None
    return float(number)


def _accounting_negative(text: str) -> str | None:
    """Return the number in an accounting negative, "193,28" of "(193,28)" or "€ 193,28" of "-€ 193,28", else None."""
    match = _ACCOUNTING_NEGATIVE_RE.match(text)
    return None if match is None else match.group("number") or match.group("symbol_number")


def is_finite_number(text: str, decimal: str) -> bool:
    """Return whether ``text`` parses with decimal mark ``decimal`` as a finite number, which a column may contain."""
    value = parse_number(text, decimal)
    return value is not None and math.isfinite(value)


def is_too_large(text: str, decimal: str) -> bool:
    """Check whether ``text`` is a number beyond the float64 range (about 1.8e308), such as "1e309".

    "inf" is not: the reader takes it for junk, not for a number.
    """
    value = parse_number(text, decimal)
    return value is not None and math.isinf(value)


def parse_number_column(cells: Sequence[str], decimal: str) -> np.ndarray:
    """Convert the cells of one column to float64, with NaN for missing-value markers.

    Raises BadCell on the first cell that is junk or not finite, which
    includes "inf" and numbers beyond the float64 range. A column of
    plain numbers takes a vectorised path; only columns with markers,
    thousands separators or signs are parsed cell by cell.
    """
    if not cells:
        return np.zeros(0)
    joined = "\n".join(cells)

    # With a decimal comma and no point anywhere, swapping the mark in one
    # string is far cheaper than parsing each cell.
    if decimal == "," and "." not in joined and joined.count("\n") == len(cells) - 1:
        joined = joined.replace(",", ".")
        cells = joined.split("\n")
        decimal = "."

    # float() accepts exactly the plain number forms once "_", "," and
    # non-ASCII digits are ruled out, plus "nan" (a missing marker anyway)
    # and "inf" (rejected below).
    plain_floats = decimal == "." and "_" not in joined and "," not in joined and joined.isascii()
    if plain_floats:
        try:
            values = np.array(cells, dtype=np.float64)
        except ValueError:
            values = _parse_with_common_markers(cells)
    else:
        values = _parse_strictly(cells, decimal)

    infinite = np.flatnonzero(np.isinf(values))
    if infinite.size:
        position = int(infinite[0])
        raise BadCell(position, cells[position])
    return values


def find_bad_cells(cells: Sequence[str], decimal: str, limit: int = 1000) -> list[int]:
    """Return the positions of the cells that parse_number_column rejects, at most ``limit``.

    Each block of cells is parsed whole, and only a block that fails is split
    in halves, so a long column with a few bad cells costs a few parses of it.
    """
    found: list[int] = []

    def scan(start: int, stop: int) -> None:
        if len(found) >= limit:
            return
        try:
            parse_number_column(cells[start:stop], decimal)
        except BadCell:
            if stop - start == 1:
                found.append(start)
                return
            middle = (start + stop) // 2
            scan(start, middle)
            scan(middle, stop)

    block = 4096
    for start in range(0, len(cells), block):
        scan(start, min(start + block, len(cells)))
        if len(found) >= limit:
            break
    return found


def _parse_with_common_markers(cells: Sequence[str]) -> np.ndarray:
    # Markers spelled exactly as listed become "nan" so the vectorised
    # conversion still applies. Markers with blanks around them and junk go
    # through the cell-by-cell parser, which also finds the junk's position.
    substituted = ["nan" if cell in _EXACT_MARKERS else cell for cell in cells]
    try:
        return np.array(substituted, dtype=np.float64)
    except ValueError:
        return _parse_with_float(cells)


def _parse_with_float(cells: Sequence[str]) -> np.ndarray:
    numbers = []
    append = numbers.append
    for position, cell in enumerate(cells):
        try:
            append(float(cell))
        except ValueError:
            append(_parse_cell(position, cell, "."))
    return np.array(numbers, dtype=np.float64)


def _parse_strictly(cells: Sequence[str], decimal: str) -> np.ndarray:
    numbers = [_parse_cell(position, cell, decimal) for position, cell in enumerate(cells)]
    return np.array(numbers, dtype=np.float64)


def _parse_cell(position: int, cell: str, decimal: str) -> float:
    if is_missing(cell):
        return float("nan")
    number = parse_number(cell, decimal)
    if number is None:
        raise BadCell(position, cell)
    return number


def vote_decimal(cells: Sequence[str], delimiter: str | None) -> str:
    """Guess the decimal mark from sample cells: "," or "." (the default).

    A cell with both marks votes for the one that comes last, so "1.234,5"
    votes for a decimal comma. A mark that appears twice is a thousands
    separator. A single mark followed by one, two, or four or more digits is
    decimal. A single mark followed by exactly three digits ("1,234") is
    ambiguous, so it decides only when nothing else does: comma when the
    delimiter is not a comma, point otherwise.
    """
    votes, ambiguous_comma = _count_decimal_votes(cells)
    if votes[","] > votes["."]:
        return ","
    if votes["."] > votes[","]:
        return "."
    if ambiguous_comma and delimiter != ",":
        return ","
    return "."


def has_decimal_votes(cells: Sequence[str]) -> bool:
    """Check whether any cell gives vote_decimal a reason, so that "." is not only its default."""
    votes, ambiguous_comma = _count_decimal_votes(cells)
    return bool(votes[","] or votes["."] or ambiguous_comma)


def _count_decimal_votes(cells: Sequence[str]) -> tuple[dict[str, int], int]:
    votes = {",": 0, ".": 0}
    ambiguous_comma = 0
    for cell in cells:
        text = cell.strip()
        text = _accounting_negative(text) or text
        text = text.strip().strip(_SYMBOLS).strip()
        for separator in ("'", " ", "\u00a0", "\u202f"):
            text = text.replace(separator, "")
        text = re.sub(r"[eE][+-]?\d+\Z", "", text)
        if not re.fullmatch(r"[+-]?[\d.,]*\d[\d.,]*", text) or is_date(cell):
            continue

        comma, point = text.rfind(","), text.rfind(".")
        if comma >= 0 and point >= 0:
            votes["," if comma > point else "."] += 1
        elif comma >= 0:
            if text.count(",") > 1:
                votes["."] += 1
            elif len(text) - comma - 1 != 3:
                votes[","] += 1
            else:
                ambiguous_comma += 1
        elif point >= 0:
            if text.count(".") > 1:
                votes[","] += 1
            elif len(text) - point - 1 != 3:
                votes["."] += 1
    return votes, ambiguous_comma


@dataclass
class PointGrouping:
    """The verdict of ``detect_point_thousands`` on numbers such as "1.026".

    ``reading`` is "thousands" when '.' separates thousands. It is "unclear"
    when every number with a '.' also fits that reading but no column shows
    it, "decimal" when some number can only have a decimal point, and "none"
    when no number has a '.' grouped like thousands. ``columns`` lists the
    columns with grouped numbers, and ``example`` is the first of those numbers.
    """

    reading: str
    columns: list[str] = field(default_factory=list)
    example: str = ""


def detect_point_thousands(columns: Sequence[tuple[str, Sequence[str]]]) -> PointGrouping:
    """Decide whether '.' separates thousands in numeric columns of whole numbers.

    ``columns`` pairs each numeric column's name with its cells. The reading
    is "thousands" only when all of these hold:

    - no number contains ',' and every number with a '.' is grouped as
      1.026 or 12.345.678 (one to three digits, the first not 0, then groups
      of exactly three digits);
    - some column has both grouped numbers and integers without a '.', and
      all of those integers are below 1000, because a grouping format writes
      1000 and above with a '.';
    - in that column the smallest grouped number, read as thousands, is at
      most POINT_THOUSANDS_MAX_RATIO times the largest integer.

    The second condition rejects values that all have three decimals, such
    as 12.500 next to an integer index column, because the integers must be
    in the same column. The third rejects a decimal column such as 7, 12.500,
    9, whose grouped reading jumps from 9 to 12500. Those files fit both
    readings and get "unclear". Dates and cells that are not numbers are
    skipped, because they carry no evidence about the decimal mark.
    """
    grouped_columns: list[str] = []
    example = ""
    clear = False
    for name, cells in columns:
        joined = "".join(cells)
        if "." not in joined and "," not in joined:
            continue
        summary = _summarize_point_column(cells)
        if summary is None:
            return PointGrouping("decimal")
        smallest_grouped, largest_short, long_integer, first_grouped = summary
        if not first_grouped:
            continue
        grouped_columns.append(name)
        example = example or first_grouped
        if (not long_integer and largest_short >= 0
                and smallest_grouped <= POINT_THOUSANDS_MAX_RATIO * largest_short):
            clear = True

    if not grouped_columns:
        return PointGrouping("none")
    return PointGrouping("thousands" if clear else "unclear", grouped_columns, example)


def _summarize_point_column(cells: Sequence[str]) -> tuple[float, int, bool, str] | None:
    """Summarise the numbers of one column for detect_point_thousands.

    The result is the smallest grouped number read as thousands (inf if
    none), the largest integer below 1000 (-1 if none), whether an integer
    of 1000 or more occurs, and the first grouped cell ("" if none). Returns
    None at the first number with a ',' or with a '.' that cannot group thousands.
    """
    smallest_grouped = math.inf
    largest_short = -1
    long_integer = False
    first_grouped = ""
    for cell in cells:
        number = cell.strip()
        # Plain integers and grouped numbers, the common cells, skip the slower checks below.
        if not (number.isascii() and number.isdigit()) and not _POINT_THOUSANDS_RE.match(number):
            if is_missing(cell) or is_date(cell):
                continue
            match = _SYMBOL_RE.match(cell)
            number = match.group("number") if match else number
            if not _NUMBER_LIKE_RE.match(number):
                continue
            if "," in number or ("." in number and not _POINT_THOUSANDS_RE.match(number)):
                return None
            if "." not in number and not _INTEGER_RE.match(number):
                continue

        value = abs(int(number.replace(".", "")))
        if "." in number:
            smallest_grouped = min(smallest_grouped, value)
            first_grouped = first_grouped or number
        elif value >= 1000:
            long_integer = True
        else:
            largest_short = max(largest_short, value)
    return smallest_grouped, largest_short, long_integer, first_grouped


def is_date(text: str) -> bool:
    """Check whether ``text`` is an ISO date (YYYY-MM, YYYY-MM-DD, with time) or a day-first date.

    A bare year (YYYY) is not a date here, because it is also a number. The
    reader decides about year columns from the whole column and its name.
    """
    text = _without_time_zone(text.strip())
    return bool((_ISO_DATE_RE.match(text) and not _YEAR_RE.match(text)) or _DAY_FIRST_RE.match(text)
                or _month_and_year(text) is not None)


def _without_time_zone(text: str) -> str:
    """Return ``text`` without a UTC offset after its time, as in "2021-03-01T00:00:00+01:00"."""
    match = _TIME_ZONE_RE.search(text)
    return text[:match.start("zone")] if match else text


def _in_utc(text: str) -> str:
    """Return a time with a UTC offset as the same instant in UTC, in ISO form without the offset.

    Unreadable text comes back as it is, for the parsing after this to reject.
    """
    match = _TIME_ZONE_RE.search(text)
    if match is None:
        return text
    zone = match.group("zone")
    if zone == "Z":
        zone = "+00:00"
    elif ":" not in zone:
        zone = f"{zone[:3]}:{zone[3:]}"
    try:
        moment = datetime.fromisoformat(text[:match.start("zone")].replace(" ", "T", 1) + zone)
    except ValueError:
        return text
    return moment.astimezone(timezone.utc).replace(tzinfo=None).isoformat()


def _month_and_year(text: str) -> tuple[int, int] | None:
    """Return (month, year) of "01/2018", "gen-2018", "Jan 18" or "gennaio 2018", else None."""
    match = _MONTH_YEAR_RE.match(text)
    if match:
        month = int(match.group("month"))
        return (month, int(match.group("year"))) if 1 <= month <= 12 else None
    match = _MONTH_NAME_RE.match(text)
    if match is None:
        return None
    month = _MONTH_NAMES.get(match.group("name").lower())
    return None if month is None else (month, _full_year(match.group("year")))


def _full_year(year: str) -> int:
    """Return a four-digit year for "2018" or for a two-digit "18"."""
    number = int(year)
    if len(year) > 2:
        return number
    return number + (1900 if number >= _TWO_DIGIT_YEAR_PIVOT else 2000)


def is_year(text: str) -> bool:
    return bool(_YEAR_RE.match(text.strip()))


def parse_date_column(cells: Sequence[str]) -> np.ndarray | None:
    """Convert date cells to datetime64[s], with NaT for missing markers.

    Day-first forms (31/12/2020, 31.12.2020) are read as month-first only
    when some first number exceeds 12 in none of the cells and some second
    number does, as in US exports (12/31/2020). When no number exceeds 12 in
    either place, the slashed dates are read month first only if that puts
    them in time order (either way) and day first does not, or if both do and
    month first spaces them far more evenly. Monthly US data dated on the 1st
    (1/1/2020, 2/1/2020, ...) read day first runs through January 1 to 12 and
    then jumps a year. Returns None if a cell is neither a date nor a missing marker.
    """
    if any(_TIME_ZONE_RE.search(cell.strip()) for cell in cells):
        # numpy warns about offsets (and will reject them); the same instants in UTC keep the steps even
        # across a change to or from summer time.
        cells = [_in_utc(cell.strip()) for cell in cells]
    # numpy parses the ISO forms in C and raises on anything else.
    try:
        return np.array(cells, dtype="datetime64[s]")
    except ValueError:
        pass
    texts = [cell.strip() for cell in cells]
    try:
        return np.array(["NaT" if text.lower() in MISSING_MARKERS else text for text in texts],
                        dtype="datetime64[s]")
    except ValueError:
        pass

    order = _slashed_order(texts)
    day_first = _dates_from_texts(texts, month_first=order == "month first")
    if order != "unclear" or day_first is None:
        return day_first
    month_first = _dates_from_texts(texts, month_first=True)
    if month_first is None or not _in_time_order(month_first):
        return day_first
    if not _in_time_order(day_first):
        return month_first
    # In order both ways: month first only when its steps are far more even than day first's.
    return month_first if 2 * _unevenness(month_first) < _unevenness(day_first) else day_first


def _dates_from_texts(texts: Sequence[str], month_first: bool) -> np.ndarray | None:
    iso_texts = []
    for text in texts:
        if text.lower() in MISSING_MARKERS:
            iso_texts.append("NaT")
            continue
        iso = _to_iso(text, month_first)
        if iso is None:
            return None
        iso_texts.append(iso)
    try:
        return np.array(iso_texts, dtype="datetime64[s]")
    except ValueError:
        return None  # for example a 31st of February


def _unevenness(dates: np.ndarray) -> float:
    """Return the largest step between the known dates over their median step (inf when that is 0)."""
    steps = np.abs(np.diff(dates[~np.isnat(dates)]).astype(np.int64))
    if steps.size == 0:
        return 1.0
    median = float(np.median(steps))
    return float(steps.max()) / median if median > 0 else float("inf")


def _in_time_order(dates: np.ndarray) -> bool:
    """Return True when the known dates never go back, or never go forward."""
    known = dates[~np.isnat(dates)]
    steps = np.diff(known).astype(np.int64)
    return bool((steps >= 0).all() or (steps <= 0).all())


def _slashed_order(texts: Sequence[str]) -> str:
    """Return "month first", "day first" or "unclear" (slashed dates with no number above 12) for the dates.

    Dates without slashes (31.12.2020) are always day first, so they are "day first" here too.
    """
    slashed = first_above_12 = second_above_12 = False
    for text in texts:
        match = _DAY_FIRST_RE.match(text)
        if match and match.group("sep") == "/":
            slashed = True
            first_above_12 |= int(match.group("first")) > 12
            second_above_12 |= int(match.group("second")) > 12
    if second_above_12 and not first_above_12:
        return "month first"
    return "unclear" if slashed and not first_above_12 else "day first"


def _to_iso(text: str, month_first: bool) -> str | None:
    match = _ISO_DATE_RE.match(text)
    if match:
        year, month, day = match.group("year"), match.group("month") or "1", match.group("day") or "1"
        hour, minute, second = match.group("hour"), match.group("minute"), match.group("second")
    elif (month_and_year := _month_and_year(text)) is not None:
        month_number, year_number = month_and_year
        year, month, day = str(year_number), str(month_number), "1"
        hour = minute = second = None
    else:
        match = _DAY_FIRST_RE.match(text)
        if not match:
            return None
        year = str(_full_year(match.group("year")))
        day, month = match.group("first"), match.group("second")
        if month_first and match.group("sep") == "/":
            day, month = month, day
        hour, minute, second = match.group("hour"), match.group("minute"), match.group("second_of_minute")

    iso = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
    if hour is not None:
        iso += f"T{int(hour):02d}:{minute}:{second or '00'}"
    return iso
