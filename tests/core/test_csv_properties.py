"""Property tests: random numeric tables written in random dialects read back exactly."""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rnn_desktop.core.csv_reader import inspect_csv
from rnn_desktop.core.csv_values import BadCell, find_bad_cells, parse_number_column

DELIMITERS = [",", ";", "\t", "|", " "]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1252"]
NAMES = ["value", "Größe", "temp°C", "Zeit", "x1", "level", "prezzo€", "wert_2"]
MARKERS = ["NA", "N/A", "n/a", "NaN", "null", "-", "?"]


@dataclass
class Dialect:
    delimiter: str
    decimal: str
    encoding: str
    line_ending: str
    header: bool
    quoting: str  # "none", "all" or "header"
    trailing_delimiter: bool
    comments: int
    final_newline: bool


def number_texts() -> st.SearchStrategy[str]:
    """Point-decimal texts of finite floats: fixed-point with 0 to 6 decimals, or Python's repr."""
    fixed = st.builds(
        lambda whole, decimals, fraction: f"{whole}.{fraction % 10 ** decimals:0{decimals}d}" if decimals
        else str(whole),
        st.integers(-10**7, 10**7), st.integers(0, 6), st.integers(0, 10**6 - 1))
    shortest = st.floats(allow_nan=False, allow_infinity=False).map(repr)
    return st.one_of(fixed, shortest)


@st.composite
def dialects(draw: st.DrawFn) -> Dialect:
    delimiter = draw(st.sampled_from(DELIMITERS))
    return Dialect(
        delimiter=delimiter,
        decimal=draw(st.sampled_from([".", ","])),
        encoding=draw(st.sampled_from(ENCODINGS)),
        line_ending=draw(st.sampled_from(["\n", "\r\n", "\r"])),
        header=draw(st.booleans()),
        # Whitespace-separated files are written without quotes and without
        # trailing delimiters, because trailing blanks are not a delimiter there.
        quoting=draw(st.sampled_from(["none", "all", "header"])) if delimiter != " " else "none",
        trailing_delimiter=draw(st.booleans()) if delimiter != " " else False,
        comments=draw(st.integers(0, 2)),
        final_newline=draw(st.booleans()),
    )


@st.composite
def tables(draw: st.DrawFn) -> tuple[Dialect, list[str], list[list[str]], list[list[bool]]]:
    dialect = draw(dialects())
    width = draw(st.integers(1, 4))
    height = draw(st.integers(2, 25))
    names = draw(st.lists(st.sampled_from(NAMES), min_size=width, max_size=width, unique=True))
    cells = draw(st.lists(st.lists(number_texts(), min_size=width, max_size=width),
                          min_size=height, max_size=height))
    # Missing cells only in the last column, and never in a whole row.
    missing = [[False] * (width - 1) + [draw(st.booleans()) and draw(st.booleans())] for _ in range(height)]
    if width == 1 or dialect.delimiter == " ":
        missing = [[False] * width for _ in range(height)]
    if all(row[-1] for row in missing):
        missing[0][-1] = False
    return dialect, names, cells, missing


def render(dialect: Dialect, names: list[str], cells: list[list[str]], missing: list[list[bool]],
           marker: str) -> bytes:
    def field(text: str, header: bool = False) -> str:
        quoted = (dialect.quoting == "all" or (header and dialect.quoting == "header")
                  or (dialect.delimiter == dialect.decimal and "," in text))
        return f'"{text}"' if quoted else text

    lines = [f"# comment {number}" for number in range(dialect.comments)]
    if dialect.header:
        lines.append(dialect.delimiter.join(field(name, header=True) for name in names))
    for row, row_missing in zip(cells, missing):
        texts = [marker if gone else text.replace(".", dialect.decimal) for text, gone in zip(row, row_missing)]
        lines.append(dialect.delimiter.join(field(text) for text in texts))
    if dialect.trailing_delimiter:
        lines = [line + dialect.delimiter if not line.startswith("#") else line for line in lines]
    text = dialect.line_ending.join(lines) + (dialect.line_ending if dialect.final_newline else "")
    return text.encode(dialect.encoding)


def expected_values(cells: list[list[str]], missing: list[list[bool]], column: int) -> np.ndarray:
    return np.array([np.nan if gone[column] else float(row[column]) for row, gone in zip(cells, missing)])


def needs_decimal_hint(dialect: Dialect, cells: list[list[str]], width: int) -> bool:
    """Whether the table is ambiguous without being told the decimal mark.

    Without a header, a one-column file of "1,5" also reads as two integer
    columns; and a comma-delimited file whose quoted numbers all look like
    "1,234" reads as thousands. A semicolon- or tab-delimited file whose
    point numbers all look like "1.234" may read as thousands too.
    """
    if dialect.decimal == "." and dialect.delimiter in (";", "\t"):
        dotted = [text for row in cells for text in row if "." in text]
        return bool(dotted) and all(re.fullmatch(r"-?[1-9]\d{0,2}\.\d{3}", text) for text in dotted)
    if dialect.decimal != ",":
        return False
    if width == 1 and not dialect.header:
        return any("." in text for row in cells for text in row)
    return dialect.delimiter == ","


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=tables(), marker=st.sampled_from(MARKERS))
def test_random_dialect_reads_back_exactly(table, marker):
    dialect, names, cells, missing = table
    width = len(names)
    hint = {"decimal": dialect.decimal} if needs_decimal_hint(dialect, cells, width) else {}
    data = render(dialect, names, cells, missing, marker)
    if dialect.delimiter == dialect.decimal == "," and b'"' not in data:
        # Without quotes, "0,0" is one number or two fields. A known decimal comma
        # makes the reader take one number, so the person must name the delimiter.
        hint["delimiter"] = ","

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "table.csv"
        path.write_bytes(data)
        info = inspect_csv(path, column=width - 1, **hint)

    expected = expected_values(cells, missing, width - 1)
    np.testing.assert_array_equal(info.values, expected)
    assert info.header == dialect.header
    assert len(info.columns) == width
    assert info.missing == int(np.isnan(expected).sum())
    if dialect.header:
        assert [name for name, _ in info.columns] == names


@settings(max_examples=100, deadline=None)
@given(
    delimiter=st.sampled_from([";", "\t", "|", ","]),
    decimal=st.sampled_from([".", ","]),
    numbers=st.lists(st.tuples(st.integers(-10**9, 10**9), st.integers(0, 99)), min_size=2, max_size=30),
)
def test_quoted_thousands_with_overrides_read_back_exactly(delimiter, decimal, numbers):
    thousands = "," if decimal == "." else "."
    texts, expected = [], []
    for whole, hundredths in numbers:
        grouped = f"{abs(whole):,}".replace(",", thousands)
        texts.append(f'"{"-" if whole < 0 else ""}{grouped}{decimal}{hundredths:02d}"')
        expected.append(float(f"{whole}.{hundredths:02d}") if whole >= 0 else -float(f"{-whole}.{hundredths:02d}"))

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "table.csv"
        path.write_text("n" + delimiter + "amount\n"
                        + "".join(f"{i}{delimiter}{text}\n" for i, text in enumerate(texts)), encoding="utf-8")
        info = inspect_csv(path, delimiter=delimiter, decimal=decimal, header=True, column="amount")

    assert info.values.tolist() == expected


_CELLS = st.lists(st.sampled_from(["1.5", "2,5", "-3", "1e5", "1e999", "inf", "", "NA", "nan", " 7 ", "x",
                                   "1.234,5", "1,234.5", "12..5", "+4", "€ 3", "--"]), max_size=60)


@settings(max_examples=300, deadline=None)
@given(cells=_CELLS, decimal=st.sampled_from([".", ","]))
def test_find_bad_cells_matches_column_parser(cells, decimal):
    def rejected(subset):
        try:
            parse_number_column(subset, decimal)
        except BadCell:
            return True
        return False

    found = find_bad_cells(cells, decimal)
    assert found == [i for i, cell in enumerate(cells) if rejected([cell])]
    assert bool(found) == rejected(cells)
    assert find_bad_cells(cells, decimal, limit=2) == found[:2]
