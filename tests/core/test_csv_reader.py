"""CSV reader: dialects, columns, missing values and errors, on small files written here."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from rnn_desktop.core import csv_values
from rnn_desktop.core.csv_reader import CsvInfo, inspect_csv, read_series
from rnn_desktop.core.errors import CsvError, DataError


def write(tmp_path: Path, content: str | bytes, name: str = "data.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return path


# Encodings


def test_utf8_bom_header_name_and_values(tmp_path):
    path = write(tmp_path, b"\xef\xbb\xbftime,value\n0,1.5\n1,2.5\n2,3.5\n")
    info = inspect_csv(path)
    assert info.columns[0][0] == "time"
    assert info.encoding == "utf-8-sig"
    assert info.rows == 3
    assert info.values.tolist() == [1.5, 2.5, 3.5]


def test_utf16_le_bom_tab_separated(tmp_path):
    path = write(tmp_path, "\ufeffZeit\tWert\n0\t1.25\n1\t-2.5\n2\t3\n", encoding="utf-16-le")
    info = inspect_csv(path)
    assert info.encoding == "utf-16-le"
    assert info.delimiter == "\t"
    assert [name for name, _ in info.columns] == ["Zeit", "Wert"]
    assert info.values.tolist() == [1.25, -2.5, 3.0]


def test_utf16_be_bom(tmp_path):
    path = write(tmp_path, "\ufeffa;b\n1;2,5\n2;3,5\n", encoding="utf-16-be")
    info = inspect_csv(path)
    assert info.encoding == "utf-16-be"
    assert info.values.tolist() == [2.5, 3.5]


def test_utf16_without_bom_is_recognised(tmp_path):
    path = write(tmp_path, "a,b\n1,2\n3,4\n", encoding="utf-16-le")
    info = inspect_csv(path)
    assert info.encoding == "utf-16-le"
    assert info.values.tolist() == [2.0, 4.0]


def test_cp1252_fallback_decodes_header(tmp_path):
    path = write(tmp_path, "Größe;Wert\n1;2,5\n2;3,5\n", encoding="cp1252")
    info = inspect_csv(path)
    assert info.encoding == "cp1252"
    assert info.columns[0][0] == "Größe"
    assert info.values.tolist() == [2.5, 3.5]


def test_encoding_override_is_used(tmp_path):
    # The bytes are valid UTF-8 too, so only the override gives "Ã©" here.
    path = write(tmp_path, "café,v\n1,2\n2,3\n")
    info = inspect_csv(path, encoding="latin-1")
    assert info.encoding == "latin-1"
    assert info.columns[0][0] == "cafÃ©"


def test_encoding_override_that_fails_names_line(tmp_path):
    path = write(tmp_path, b"a,b\n1,2\n2,\xe9\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path, encoding="utf-8")
    assert caught.value.code == "csv.encoding"
    assert caught.value.params["line"] == 3
    assert "utf-8" in str(caught.value)


@pytest.mark.parametrize("encoding", ["utf-16", "UTF16", "utf-16-le", "utf-32"])
def test_wide_encoding_on_narrow_text_is_rejected(tmp_path, encoding):
    path = write(tmp_path, "value\n1\n2\n3\n")

    with pytest.raises(CsvError) as caught:
        inspect_csv(path, encoding=encoding)

    assert caught.value.code == "csv.encoding_not_wide"
    assert f"not {encoding} text" in str(caught.value)
    assert "Leave out the encoding" in str(caught.value)


def test_wide_encoding_override_reads_wide_text(tmp_path):
    path = write(tmp_path, "value\n1\n2\n3\n".encode("utf-16-le"))

    info = inspect_csv(path, encoding="utf-16-le")

    assert info.values.tolist() == [1.0, 2.0, 3.0]


def test_unknown_encoding_is_rejected(tmp_path):
    path = write(tmp_path, "a\n1\n2\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path, encoding="klingon-8")
    assert caught.value.code == "csv.bad_option"
    assert caught.value.params["value"] == "klingon-8"


def test_binary_file_is_rejected(tmp_path):
    path = write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\xff\x00\x00")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path)
    assert caught.value.code == "csv.binary"


# Delimiters, decimal marks, quoting


def test_semicolon_decimal_comma(tmp_path):
    path = write(tmp_path, "Zeit;Wert\n0;1,5\n1;2,25\n2;-0,75\n")
    series = read_series(path)
    assert series.values.tolist() == [1.5, 2.25, -0.75]
    assert series.details["delimiter"] == ";"
    assert series.details["decimal"] == ","


def test_semicolon_decimal_comma_without_header(tmp_path):
    path = write(tmp_path, "0;1,5\n1;2,25\n2;-0,75\n")
    info = inspect_csv(path)
    assert info.header is False
    assert info.values.tolist() == [1.5, 2.25, -0.75]


def test_quoted_thousands_with_decimal_point(tmp_path):
    path = write(tmp_path, 'day,sales\n1,"1,234.5"\n2,"12,000.25"\n3,17.5\n')
    info = inspect_csv(path)
    assert info.decimal == "."
    assert info.values.tolist() == [1234.5, 12000.25, 17.5]


def test_quoted_thousands_with_decimal_comma(tmp_path):
    path = write(tmp_path, 'Tag;Umsatz\n1;"1.234,5"\n2;"1.000.000,25"\n3;"17,5"\n')
    info = inspect_csv(path)
    assert info.decimal == ","
    assert info.values.tolist() == [1234.5, 1000000.25, 17.5]


def test_comma_delimited_with_quoted_decimal_comma(tmp_path):
    path = write(tmp_path, 'a,b\n1,"2,5"\n2,"3,75"\n')
    info = inspect_csv(path)
    assert info.delimiter == ","
    assert info.decimal == ","
    assert info.values.tolist() == [2.5, 3.75]


@pytest.mark.parametrize("column", [0, 1])
def test_quoted_first_row_with_delimiter_inside(tmp_path, column):
    # Only the first line has quotes, as with a quoted header, but it is a data row
    # whose quoted cell contains the delimiter.
    path = write(tmp_path, '"0,5",1\n2,3\n4,5\n')
    info = inspect_csv(path, column=column, decimal=",")
    assert info.header is False
    assert len(info.columns) == 2
    assert info.values.tolist() == ([0.5, 2.0, 4.0] if column == 0 else [1.0, 3.0, 5.0])


def test_pipe_delimiter(tmp_path):
    path = write(tmp_path, "a|b|c\n1|2|3\n4|5|6\n")
    info = inspect_csv(path)
    assert info.delimiter == "|"
    assert info.values.tolist() == [3.0, 6.0]


def test_whitespace_delimiter_with_uneven_runs(tmp_path):
    path = write(tmp_path, "  t   v\n1  2.5  \n2\t 3.5\n3      4.5\n")
    info = inspect_csv(path)
    assert info.delimiter == "whitespace"
    assert [name for name, _ in info.columns] == ["t", "v"]
    assert info.values.tolist() == [2.5, 3.5, 4.5]


def test_quoted_header_and_text_column(tmp_path):
    path = write(tmp_path, '"station","note","level"\n"A","dry, hot",1.5\n"B","wet",2.5\n')
    info = inspect_csv(path)
    assert info.columns == [("station", "text"), ("note", "text"), ("level", "numeric")]
    assert info.values.tolist() == [1.5, 2.5]


def test_exponent_and_signs(tmp_path):
    path = write(tmp_path, "v\n1e3\n-2.5E-2\n+4\n.5\n")
    assert inspect_csv(path).values.tolist() == [1000.0, -0.025, 4.0, 0.5]


def test_euro_and_percent_signs_are_stripped(tmp_path):
    text = "Data;Prezzo;Sconto\n31/12/2020;1.234,50 €;5%\n01/01/2021;€ 99,90;12,5 %\n"
    path = write(tmp_path, text, encoding="cp1252")
    info = inspect_csv(path)
    assert info.encoding == "cp1252"
    assert info.values.tolist() == [5.0, 12.5]
    assert inspect_csv(path, column="Prezzo").values.tolist() == [1234.5, 99.9]


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_line_endings(tmp_path, ending):
    path = write(tmp_path, ending.join(["x,y", "1,10", "2,20", "3,30"]) + ending)
    info = inspect_csv(path)
    assert info.values.tolist() == [10.0, 20.0, 30.0]
    assert info.line_endings == {"\n": "LF", "\r\n": "CRLF", "\r": "CR"}[ending]


def test_blank_lines_and_leading_comments(tmp_path):
    path = write(tmp_path, "# exported by logger 2.1\n#units: volt\n\nt,v\n1,0.5\n\n2,0.75\n\n\n3,1.0\n")
    info = inspect_csv(path)
    assert info.comment_lines == 2
    assert info.values.tolist() == [0.5, 0.75, 1.0]
    assert info.value_lines.tolist() == [5, 7, 10]


def test_trailing_delimiter_column_is_ignored(tmp_path):
    path = write(tmp_path, "a,b,\n1,2,\n3,4,\n")
    info = inspect_csv(path)
    assert [name for name, _ in info.columns] == ["a", "b"]
    assert info.column == "b"
    assert info.ragged_rows == []
    assert info.values.tolist() == [2.0, 4.0]


def test_rows_of_only_delimiters_are_skipped(tmp_path):
    path = write(tmp_path, "a;b\n1;2\n;\n3;4\n;;\n")
    info = inspect_csv(path)
    assert info.rows == 2
    assert info.missing == 0
    assert info.values.tolist() == [2.0, 4.0]


def test_decimal_comma_on_comma_file_explained(tmp_path):
    path = write(tmp_path, "month,passengers\n1949-01,112\n1949-02,118\n1949-03,132\n")

    with pytest.raises(CsvError) as caught:
        read_series(path, decimal=",")

    assert caught.value.code == "csv.comma_decimal_one_column"
    assert "with the decimal mark ',' the comma cannot also be the delimiter" in str(caught.value)
    assert read_series(path).values.tolist() == [112.0, 118.0, 132.0]


def test_header_cell_count_mismatch_reported(tmp_path):
    path = write(tmp_path, "Data;Citta;Vendite\n01/01/2020;Torino;1.043,48\n02/01/2020;Roma;987,54\n"
                           "03/01/2020;Bari;1.001,10\n")

    assert inspect_csv(path, delimiter=",").header_mismatch == (1, 2)
    assert inspect_csv(path).header_mismatch is None


@pytest.mark.parametrize(("content", "expected"), [
    ("100,13\n98,7\n101,05\n", [(1, "100,13"), (3, "101,05")]),
    ("100,13\n98,7\n101,5\n-2,25\n", [(1, "100,13")]),
    ("100,13\r\n98,7 \r\n101,5\r\n", [(1, "100,13")]),
    ("100,00\n98,7\n101,05\n", [(1, "100,00")]),
    ("100,13\nNA\n98,7\n", [(1, "100,13")]),
    # Counting first fields make an index column, unless a leading 0 shows decimals.
    ("1,05\n2,3\n3,7\n", [(1, "1,05")]),
    ("# export\n\n100,13\n98,7\n", [(3, "100,13")]),
])
def test_decimal_comma_rows_found(tmp_path, content, expected):
    info = inspect_csv(write(tmp_path, content))

    assert info.delimiter == ","
    assert info.decimal == "."
    assert info.decimal_comma_rows == expected
    assert info.to_json_dict()["decimal_comma_rows"] == [list(row) for row in expected]


def test_decimal_comma_rows_read_unchanged(tmp_path):
    path = write(tmp_path, "100,13\n98,7\n101,05\n")

    info = inspect_csv(path)

    assert info.column == "column 1"
    assert info.values.tolist() == [13.0, 7.0, 5.0]
    assert inspect_csv(path, decimal=",").values.tolist() == [100.13, 98.7, 101.05]


@pytest.mark.parametrize("content", [
    "count,total\n100,13\n98,7\n101,05\n",  # a header names two columns
    "2020-01-01,13\n2020-01-02,7\n2020-01-03,5\n",  # a date column
    "2001,13\n2002,7\n2003,5\n2004,25\n",  # a year column without a header
    "1,5\n2,3\n3,7\n",  # an index column
    "100,13\n98,-7\n101,5\n",  # a sign after the comma
    "100, 13\n98, 7\n101, 5\n",  # a blank after the comma
    "100,13\n98,7.5\n101,5\n",  # a decimal point
    "100,13,4\n98,7,1\n",  # three fields
    "100,13\n98\n101,5\n",  # a row of one number
    '"100","13"\n"98","7"\n',  # quoted fields
    "sep=,\n100,13\n98,7\n101,5\n",  # the file names its delimiter
    "100,13\n",  # one row
])
def test_decimal_comma_rows_not_found(tmp_path, content):
    assert inspect_csv(write(tmp_path, content)).decimal_comma_rows == []


@pytest.mark.parametrize("options", [{"delimiter": ","}, {"decimal": "."}, {"decimal": ","}])
def test_decimal_comma_rows_not_found_with_options(tmp_path, options):
    info = inspect_csv(write(tmp_path, "100,13\n98,7\n101,05\n"), **options)

    assert info.decimal_comma_rows == []


def test_decimal_comma_rows_scan_whole_file(tmp_path):
    rows = [f"{100 + i % 7},{i % 100}" for i in range(1000)]
    later = rows.copy()
    later[900] = "106,5.5"

    assert inspect_csv(write(tmp_path, "\n".join(rows) + "\n")).decimal_comma_rows == [(1, "100,0")]
    assert inspect_csv(write(tmp_path, "\n".join(later) + "\n", name="later.csv")).decimal_comma_rows == []


def test_newest_first_rows_are_read_oldest_first(tmp_path):
    rows = [f"2020-{month:02d}-01,{value}" for month, value in ((m, 10 * m) for m in range(12, 0, -1))]
    rows[3] = "2020-09-01,NA"
    path = write(tmp_path, "date,value\n" + "\n".join(rows) + "\n")

    info = inspect_csv(path)
    series = read_series(path, missing="drop")

    assert info.time_order == "newest_first"
    assert info.time[0] == np.datetime64("2020-01-01")
    assert info.time[-1] == np.datetime64("2020-12-01")
    assert info.first == 10.0
    assert info.last == 120.0
    assert info.missing_rows == [5]
    assert info.value_lines.tolist() == list(range(13, 1, -1))
    assert series.values.tolist() == [10.0 * m for m in range(1, 13) if m != 9]


def test_unordered_times_keep_file_order(tmp_path):
    rows = ["2020-01-01,1", "2020-02-01,2", "2020-04-01,4", "2020-03-01,3", "2020-05-01,5"]
    path = write(tmp_path, "date,value\n" + "\n".join(rows) + "\n")

    info = inspect_csv(path)

    assert (info.time_order, info.unordered_line) == ("unordered", 5)
    assert info.values.tolist() == [1.0, 2.0, 4.0, 3.0, 5.0]


def test_far_values_reported_by_line(tmp_path):
    rows = [f"{20 + (i % 7)};{i}" for i in range(40)]
    rows[5] = "1e308;5"
    path = write(tmp_path, "level;n\n" + "\n".join(rows) + "\n")

    info = inspect_csv(path, column="level")

    assert info.outliers == [(7, 1e308)]
    assert info.to_json_dict()["outliers"] == [[7, 1e308]]
    assert inspect_csv(path, column="n").outliers == []


def test_ragged_rows_are_reported(tmp_path):
    path = write(tmp_path, "a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n")
    info = inspect_csv(path)
    assert info.ragged_rows == [3, 4]
    assert info.missing_rows == [3]
    assert read_series(path).values.tolist() == [3.0, 5.5, 8.0, 12.0]


def test_quoted_cell_over_two_lines_keeps_line_numbers(tmp_path):
    path = write(tmp_path, 'id,note,v\n1,"first\nsecond",1.5\n2,ok,oops\n')
    with pytest.raises(CsvError) as caught:
        inspect_csv(path)
    assert caught.value.params["line"] == 4


def test_unclosed_quote_is_explained(tmp_path):
    path = write(tmp_path, 'a,b\n1,2\n2,"3\n4,5\n')
    with pytest.raises(CsvError) as caught:
        inspect_csv(path)
    assert caught.value.params["line"] == 3
    assert "quote" in str(caught.value)


# '.' as a thousands separator in whole numbers


ITALIAN_INTEGERS = ("Data;Valore\r\n01/01/2021;986\r\n02/01/2021;1.017\r\n03/01/2021;1.026\r\n"
                    "04/01/2021;1.084\r\n05/01/2021;999\r\n")


def test_italian_integer_export_reads_thousands(tmp_path):
    path = write(tmp_path, ITALIAN_INTEGERS, encoding="cp1252")
    info = inspect_csv(path)
    assert info.delimiter == ";"
    assert info.decimal == ","
    assert info.values.tolist() == [986.0, 1017.0, 1026.0, 1084.0, 999.0]
    assert (info.min, info.max) == (986.0, 1084.0)
    assert info.point_grouping is not None
    assert info.point_grouping.reading == "thousands"
    assert info.point_grouping.columns == ["Valore"]
    assert info.point_grouping.example == "1.017"


def test_thousands_reread_with_details(tmp_path):
    # Weights files record the detected settings, and the file is read again with them.
    path = write(tmp_path, ITALIAN_INTEGERS)
    series = read_series(path)
    again = inspect_csv(path, decimal=series.details["decimal"], delimiter=series.details["delimiter"])
    assert again.values.tolist() == series.values.tolist()


def test_tab_export_grouped_columns(tmp_path):
    path = write(tmp_path, "Anno\tAbitanti\tNati\n2019\t12.345\t950\n2020\t12.410\t1.020\n2021\t12.390\t987\n")
    info = inspect_csv(path, column="Abitanti")
    assert info.decimal == ","
    assert info.values.tolist() == [12345.0, 12410.0, 12390.0]
    assert info.point_grouping.columns == ["Abitanti", "Nati"]
    assert inspect_csv(path).values.tolist() == [950.0, 1020.0, 987.0]


def test_grouped_negative_and_currency(tmp_path):
    path = write(tmp_path, "giorno;saldo\n1;-1.250 €\n2;-980 €\n3;NA\n4;2.100.000 €\n5;640 €\n")
    info = inspect_csv(path)
    assert info.decimal == ","
    assert info.values[[0, 1, 3, 4]].tolist() == [-1250.0, -980.0, 2100000.0, 640.0]
    assert info.missing == 1


def test_accounting_negatives(tmp_path):
    path = write(tmp_path, "Data;Saldo\n01/01/2018;(193,28)\n02/01/2018;1.006,72\n03/01/2018;-€ 1.000,00\n"
                           "04/01/2018;(€ 12,50)\n05/01/2018;ND\n06/01/2018;€ 40,00\n")
    info = inspect_csv(path)
    assert info.decimal == ","
    assert info.values[[0, 1, 2, 3, 5]].tolist() == [-193.28, 1006.72, -1000.0, -12.5, 40.0]
    assert info.missing == 1


def test_only_accounting_negatives_read_as_numbers(tmp_path):
    rows = "".join(f"{day:02d}/01/2018;({100 + day},{day % 10}0)\n" for day in range(1, 29))
    info = inspect_csv(write(tmp_path, "Data;Saldo\n" + rows))
    assert info.decimal == ","
    assert info.values[:2].tolist() == [-101.1, -102.2]


@pytest.mark.parametrize("text", ["(-5)", "(abc)", "(5", "-(5)", "--€ 5"])
def test_malformed_accounting_cells_are_not_numbers(text):
    from rnn_desktop.core.csv_values import parse_number

    assert parse_number(text, ".") is None


def test_thousands_after_type_sample(tmp_path):
    rows = [f"{day};{900 + day % 90}" for day in range(300)] + ["300;1.005", "301;1.012", "302;998"]
    path = write(tmp_path, "giorno;valore\n" + "\n".join(rows) + "\n")
    info = inspect_csv(path)
    assert info.decimal == ","
    assert info.values[-3:].tolist() == [1005.0, 1012.0, 998.0]
    assert info.point_grouping.reading == "thousands"


def test_three_decimals_stay_decimal(tmp_path):
    # Every value has exactly three decimals, and only the index column has integers.
    path = write(tmp_path, "t;peso\n1;12.500\n2;13.250\n3;11.750\n4;1.125\n")
    info = inspect_csv(path)
    assert info.decimal == "."
    assert info.values.tolist() == [12.5, 13.25, 11.75, 1.125]
    assert info.point_grouping.reading == "unclear"
    assert info.point_grouping.columns == ["peso"]


def test_leading_zero_stays_decimal(tmp_path):
    path = write(tmp_path, "t;v\n1;0.125\n2;1.250\n3;986\n")
    info = inspect_csv(path)
    assert info.decimal == "."
    assert info.values.tolist() == [0.125, 1.25, 986.0]
    assert info.point_grouping is None


@pytest.mark.parametrize(("content", "values"), [
    # Read as thousands, the values would jump from 9 to 12500.
    ("t;v\n1;7\n2;12.500\n3;9\n", [7.0, 12.5, 9.0]),
    # An ungrouped integer above 999 in the same column rules the grouping format out.
    ("t;v\n1;1.026\n2;1234\n3;999\n", [1.026, 1234.0, 999.0]),
    # Read as thousands, 512.125 would be a thousand times its neighbours.
    ("t;v\n1;512\n2;512.125\n3;513\n", [512.0, 512.125, 513.0]),
])
def test_ambiguous_column_stays_decimal(tmp_path, content, values):
    info = inspect_csv(write(tmp_path, content))
    assert info.decimal == "."
    assert info.values.tolist() == values
    assert info.point_grouping.reading == "unclear"


def test_decimal_in_other_column_wins(tmp_path):
    path = write(tmp_path, "a;b\n1.5;986\n2.5;1.026\n3.5;999\n")
    info = inspect_csv(path)
    assert info.decimal == "."
    assert info.values.tolist() == [986.0, 1.026, 999.0]
    assert info.point_grouping is None


def test_decimal_after_type_sample_wins(tmp_path):
    rows = [f"{day};{1000 + day}" for day in range(300)]
    rows[1] = "1;1.001"
    rows[250] = "250;3.5"
    path = write(tmp_path, "t;v\n" + "\n".join(rows) + "\n")
    info = inspect_csv(path)
    assert info.decimal == "."
    assert info.values[[1, 250]].tolist() == [1.001, 3.5]


def test_comma_delimiter_keeps_decimal_point(tmp_path):
    path = write(tmp_path, "t,v\n1,986\n2,1.026\n3,999\n")
    info = inspect_csv(path)
    assert info.decimal == "."
    assert info.values.tolist() == [986.0, 1.026, 999.0]
    assert info.point_grouping is None


def test_decimal_override_skips_thousands(tmp_path):
    path = write(tmp_path, ITALIAN_INTEGERS)
    info = inspect_csv(path, decimal=".")
    assert info.decimal == "."
    assert info.values.tolist() == [986.0, 1.017, 1.026, 1.084, 999.0]
    assert info.point_grouping is None


def test_point_grouping_in_json_dict(tmp_path):
    data = inspect_csv(write(tmp_path, ITALIAN_INTEGERS)).to_json_dict()
    assert data["point_grouping"] == {"reading": "thousands", "columns": ["Valore"], "example": "1.017"}
    assert inspect_csv(write(tmp_path, "t;v\n1;2\n2;3\n", name="plain.csv")).to_json_dict()["point_grouping"] is None


@pytest.mark.parametrize(("columns", "reading"), [
    ([("v", ["986", "1.017", "NA", "1.026"])], "thousands"),
    ([("v", ["-1.026", "-986"])], "thousands"),
    ([("v", ["999", "1.000.000"])], "unclear"),
    ([("v", ["12.500", "13.250"])], "unclear"),
    ([("v", ["1.026", "n.d.", "986"])], "thousands"),
    ([("v", ["986", "1.026"]), ("w", ["1,5", "2"])], "decimal"),
    ([("v", ["986", "12.34"])], "decimal"),
    ([("v", ["986", "1.026", "1e3"])], "thousands"),
    ([("v", ["986", "1234"])], "none"),
    ([("d", ["31.12.2020", "01.01.2021"]), ("v", ["986", "1.026"])], "thousands"),
])
def test_detect_point_thousands(columns, reading):
    assert csv_values.detect_point_thousands(columns).reading == reading


# Header and columns


def test_one_column_with_and_without_header_match(tmp_path):
    plain = read_series(write(tmp_path, "3.5\n4\n-1\n", name="plain.csv"))
    named = read_series(write(tmp_path, "level\n3.5\n4\n-1\n", name="named.csv"))
    assert plain.values.tolist() == [3.5, 4.0, -1.0]
    assert named.values.tolist() == plain.values.tolist()
    assert named.name == "level"
    assert plain.details["header"] is False
    assert named.details["header"] is True


def test_one_column_decimal_comma_with_header(tmp_path):
    path = write(tmp_path, "Wert\n1,5\n2,25\n-0,75\n")
    info = inspect_csv(path)
    assert info.delimiter is None
    assert info.values.tolist() == [1.5, 2.25, -0.75]


def test_one_column_decimal_comma_override_without_header(tmp_path):
    # Without a header "1,5" also reads as two integer columns; the decimal
    # override settles it.
    path = write(tmp_path, "1,5\n2,25\n-0,75\n")
    info = inspect_csv(path, decimal=",")
    assert info.values.tolist() == [1.5, 2.25, -0.75]


def test_single_number_is_too_short(tmp_path):
    path = write(tmp_path, "42\n")
    with pytest.raises(DataError) as caught:
        read_series(path)
    assert caught.value.code == "data.too_short"
    assert caught.value.params["length"] == 1
    assert caught.value.params["minimum"] == 2
    assert "too short" in str(caught.value)
    assert "at least 2" in str(caught.value)


def test_header_without_rows_is_too_short(tmp_path):
    path = write(tmp_path, "a,b\n")
    with pytest.raises(DataError) as caught:
        read_series(path)
    assert caught.value.code == "data.too_short"
    assert caught.value.params["length"] == 0


def test_default_column_is_last_numeric(tmp_path):
    path = write(tmp_path, "date,temp,rain,station\n2020-01-01,1.5,0,A\n2020-01-02,2.5,3,B\n")
    info = inspect_csv(path)
    assert info.columns == [("date", "datetime"), ("temp", "numeric"), ("rain", "numeric"),
                            ("station", "text")]
    assert info.column == "rain"
    assert info.time_column == "date"


@pytest.mark.parametrize("choice", ["temp", "TEMP", 1, "1"])
def test_column_by_name_or_index(tmp_path, choice):
    path = write(tmp_path, "date,temp,rain\n2020-01-01,1.5,0\n2020-01-02,2.5,3\n")
    info = inspect_csv(path, column=choice)
    assert info.column == "temp"
    assert info.values.tolist() == [1.5, 2.5]


@pytest.mark.parametrize("choice", ["wind", 3, "7", -1])
def test_unknown_column_lists_columns(tmp_path, choice):
    path = write(tmp_path, "date,temp,rain\n2020-01-01,1.5,0\n2020-01-02,2.5,3\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path, column=choice)
    assert caught.value.code == "csv.column_not_found"
    assert caught.value.params["columns"] == ["date", "temp", "rain"]
    assert "temp" in str(caught.value)


def test_headerless_columns_are_named_by_index(tmp_path):
    path = write(tmp_path, "1,2\n3,4\n")
    info = inspect_csv(path, column="0")
    assert [name for name, _ in info.columns] == ["column 0", "column 1"]
    assert info.values.tolist() == [1.0, 3.0]


def test_header_override_reads_first_row_as_data(tmp_path):
    path = write(tmp_path, "10,20\n1,2\n3,4\n")
    assert inspect_csv(path).values.tolist() == [20.0, 2.0, 4.0]
    info = inspect_csv(path, header=True)
    assert [name for name, _ in info.columns] == ["10", "20"]
    assert info.values.tolist() == [2.0, 4.0]


def test_no_numeric_column_is_rejected(tmp_path):
    path = write(tmp_path, "name,city\nAnna,Rome\nBen,Oslo\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path)
    assert caught.value.code == "csv.no_numeric_column"
    assert "'city' (text)" in str(caught.value)


def test_wrong_delimiter_on_tab_file_names_the_tab(tmp_path):
    path = write(tmp_path, "day\tsales\tcost\n2021-01-01\t12\t3\n2021-01-02\t14\t4\n2021-01-03\t13\t5\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path, delimiter=",")

    assert caught.value.code == "csv.no_numeric_column"
    assert str(caught.value) == (
        f"{path} has no numeric column (columns: 'day\\tsales\\tcost' (text)). The file reads as one column, but "
        "the header and the rows split at 'tab' into 3 columns (day, sales, cost); if 'tab' separates the "
        "columns, use --delimiter 'tab', or leave those options out to detect them.")
    assert caught.value.params["other_delimiter"] == {"delimiter": "\t", "names": ["day", "sales", "cost"],
                                                      "header_delimiter": "\t"}


def test_delimiter_override(tmp_path):
    path = write(tmp_path, "a;b,c\n1;2,5\n2;3,5\n")
    info = inspect_csv(path, delimiter="semicolon")
    assert info.delimiter == ";"
    assert info.values.tolist() == [2.5, 3.5]


@pytest.mark.parametrize("given, expected", [(",", ","), ("tab", "\t"), ("\t", "\t"), ("|", "|"),
                                             ("space", "whitespace"), ("whitespace", "whitespace")])
def test_delimiter_names_are_accepted(tmp_path, given, expected):
    separator = {",": ",", "\t": "\t", "|": "|", "whitespace": " "}[expected]
    path = write(tmp_path, separator.join(["a", "b"]) + "\n" + separator.join(["1", "2"]) + "\n"
                 + separator.join(["3", "4"]) + "\n")
    info = inspect_csv(path, delimiter=given)
    assert info.delimiter == expected
    assert info.values.tolist() == [2.0, 4.0]


@pytest.mark.parametrize("option, value", [("delimiter", ":"), ("decimal", ";"), ("missing", "ignore")])
def test_bad_option_is_rejected(tmp_path, option, value):
    path = write(tmp_path, "a\n1\n2\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path, **{option: value})
    assert caught.value.code == "csv.bad_option"
    assert caught.value.params["option"] == option


# Units row under the header

WEATHER_ROWS = "".join(f"2024-01-{day:02d},{day % 5 + 2.5},,{70 + day % 11}\n" for day in range(1, 11))


def test_units_row_skipped_and_recorded(tmp_path):
    path = write(tmp_path, "date,temperature,,humidity\n,°C,,%\n" + WEATHER_ROWS)
    info = inspect_csv(path)
    assert info.unit_line == 2
    assert info.units == ["", "°C", "", "%"]
    assert info.columns == [("date", "datetime"), ("temperature", "numeric"), ("column 2", "empty"),
                            ("humidity", "numeric")]
    assert info.column == "humidity"
    assert info.rows == 10
    assert info.missing == 0
    assert info.value_lines.tolist() == list(range(3, 13))
    assert info.ragged_rows == []
    assert info.time is not None


def test_units_row_in_json_form(tmp_path):
    path = write(tmp_path, "date,temperature,,humidity\n,°C,,%\n" + WEATHER_ROWS)
    data = inspect_csv(path).to_json_dict(include_values=False)
    assert data["unit_line"] == 2
    assert data["units"] == ["", "°C", "", "%"]
    json.dumps(data)


def test_units_row_absent_by_default(tmp_path):
    data = inspect_csv(write(tmp_path, "date,temperature,,humidity\n" + WEATHER_ROWS)).to_json_dict()
    assert data["unit_line"] is None
    assert data["units"] == []


def test_units_in_brackets(tmp_path):
    rows = "".join(f"2024-01-{day:02d},{day}.5,{day * 3}\n" for day in range(1, 8))
    path = write(tmp_path, "date,temperature,wind\n,[°C],[m/s]\n" + rows)
    info = inspect_csv(path, column="temperature")
    assert info.unit_line == 2
    assert info.units == ["", "[°C]", "[m/s]"]
    assert info.values.tolist() == [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5]


def test_units_with_semicolons_and_decimal_commas(tmp_path):
    rows = "".join(f"{day:02d}.01.2024;{day},5;1013,{day};{day * 2}\n" for day in range(1, 8))
    path = write(tmp_path, "Datum;Temperatur;Luftdruck;Verkauf\nEinheit;°C;hPa;Stk.\n" + rows)
    info = inspect_csv(path, column="Temperatur")
    assert info.delimiter == ";"
    assert info.decimal == ","
    assert info.unit_line == 2
    assert info.units == ["", "°C", "hPa", "Stk."]
    assert info.values.tolist() == [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5]
    assert info.time_column == "Datum"


@pytest.mark.parametrize("unit", ["(EUR)", "€", "kg", "mm", "kWh/m²", "degrees Celsius"])
def test_units_row_accepts_unit(tmp_path, unit):
    path = write(tmp_path, f"year,sales\n,{unit}\n2020,5\n2021,6\n2022,7\n")
    info = inspect_csv(path)
    assert info.unit_line == 2
    assert info.units == ["", unit]
    assert info.values.tolist() == [5.0, 6.0, 7.0]


def test_units_label_in_text_column(tmp_path):
    path = write(tmp_path, "station,temp,rain\nUnit:,°C,mm\nRome,3.5,1\nOslo,1.5,0\nBern,0.5,2\n")
    info = inspect_csv(path)
    assert info.unit_line == 2
    assert info.units == ["", "°C", "mm"]
    assert info.rows == 3


def test_bad_first_data_row_still_rejected(tmp_path):
    rows = "".join(f"2024-01-{day:02d},{day}.5,{70 + day}\n" for day in range(2, 8))
    path = write(tmp_path, "date,temperature,humidity\n2024-01-01,warm,71\n" + rows)
    with pytest.raises(CsvError) as caught:
        inspect_csv(path, column="temperature")
    error = caught.value
    assert error.code == "csv.bad_value"
    assert (error.params["line"], error.params["column"], error.params["text"]) == (2, "temperature", "warm")


@pytest.mark.parametrize("first_row", [
    "Rome,abc",  # a name under the text column: a data row
    ",#DIV/0!",  # a spreadsheet error
    ",3.5x",  # starts with a digit
    ",reading not available today",  # longer than a unit
])
def test_bad_first_row_not_units(tmp_path, first_row):
    path = write(tmp_path, f"city,temp\n{first_row}\nMilan,3.5\nOslo,1.5\nBern,0.5\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path)
    assert caught.value.code == "csv.bad_value"
    assert caught.value.params["line"] == 2


def test_number_in_first_row_not_unit(tmp_path):
    path = write(tmp_path, "city,temp\n,1\nMilan,3.5\nOslo,1.5\nBern,0.5\n")
    info = inspect_csv(path)
    assert info.unit_line is None
    assert info.values.tolist() == [1.0, 3.5, 1.5, 0.5]


def test_text_only_table_has_no_units(tmp_path):
    path = write(tmp_path, "name,city\nunit,°C\nAnna,Rome\nBen,Oslo\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path)
    assert caught.value.code == "csv.no_numeric_column"


def test_no_units_row_without_header(tmp_path):
    path = write(tmp_path, "1.5;2\nkg;%\n2.5;3\n3.5;4\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path)
    assert caught.value.code == "csv.bad_value"
    assert caught.value.params["line"] == 2


def test_no_units_row_with_header_off(tmp_path):
    path = write(tmp_path, "temperature\n°C\n3.5\n4.1\n2.9\n")
    assert inspect_csv(path).unit_line == 2
    with pytest.raises(CsvError) as caught:
        inspect_csv(path, header=False)
    assert caught.value.code == "csv.bad_values"
    assert caught.value.params["cells"] == [[1, "temperature"], [2, "°C"]]


def test_second_header_row_read_as_units(tmp_path):
    # A known false positive of the rule: short words under the numeric columns alone read as units.
    path = write(tmp_path, "date,value\nDatum,Wert\n2024-01-01,3\n2024-01-02,4\n2024-01-03,5\n")
    info = inspect_csv(path)
    assert info.unit_line == 2
    assert info.units == ["Datum", "Wert"]


def test_read_series_skips_units_row(tmp_path):
    series = read_series(write(tmp_path, "date,temperature,,humidity\n,°C,,%\n" + WEATHER_ROWS))
    assert len(series) == 10
    assert series.details["units"] == ["", "°C", "", "%"]


# Missing values


def test_empty_na_and_lowercase_na_are_missing(tmp_path):
    path = write(tmp_path, "t,v\n0,1\n1,\n2,NA\n3,n/a\n4,9\n")
    info = inspect_csv(path)
    assert info.missing == 3
    assert info.missing_rows == [3, 4, 5]
    assert np.isnan(info.values[1:4]).all()
    series = read_series(path)
    assert series.values.tolist() == [1.0, 3.0, 5.0, 7.0, 9.0]
    assert series.missing_positions.tolist() == [1, 2, 3]


@pytest.mark.parametrize("marker", ["", "NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "-", "?", "#N/A",
                                    "#N/D", "N/D", "n.d.", "#NV", "#N/B", "ERR", "Error"])
def test_each_missing_marker(tmp_path, marker):
    path = write(tmp_path, f"t;v\n0;2\n1;{marker}\n2;4\n")
    info = inspect_csv(path)
    assert info.missing == 1
    assert read_series(path).values.tolist() == [2.0, 3.0, 4.0]


def test_italian_excel_export_with_not_available_cells(tmp_path):
    path = tmp_path / "vendite.csv"
    path.write_bytes("sep=;\r\nMese;Valore\r\n01/2024;1.250,50\r\n02/2024;#N/D\r\n03/2024;1.300,50\r\n"
                     .encode("cp1252"))
    series = read_series(path)
    assert series.values.tolist() == [1250.5, 1275.5, 1300.5]
    assert series.missing_positions.tolist() == [1]


@pytest.mark.parametrize(("content", "options", "expected"), [
    ("year,flow\n" + "".join(f"{1871 + i},{1100 + i}\n" for i in range(60)), {"delimiter": ";"},
     (",", ["year", "flow"], ",")),
    # Read at a hand-chosen '|', the header and the rows stay whole.
    ("id;value\n" + "".join(f"{i},{250 + i}.5\n" for i in range(60)), {"delimiter": "|"},
     (",", ["id", "value"], ";")),
    ("level\n" + "".join(f"{i % 7},5\n" for i in range(60)), {"delimiter": ";"}, None),
])
def test_columns_hidden_in_one_are_found(tmp_path, content, options, expected):
    info = inspect_csv(write(tmp_path, content), **options)
    assert info.other_delimiter == expected


@pytest.mark.parametrize(("rows", "code", "start"), [
    # "12,74.3" is no number with ',' as a thousands separator: one such cell, then many.
    ([f"{i},{250 + i}.5" for i in range(1, 30)] + ["12,74.3"] + [f"{i},{250 + i}.5" for i in range(31, 61)],
     "csv.bad_value", "line 31, column 'id;value': '12,74.3' is not a number. "),
    ([f"{i},{70 + i}.5" for i in range(1, 61)], "csv.bad_values", "column 'id;value': 29 cells are not numbers: "),
])
def test_mixed_delimiters_error_names_them(tmp_path, rows, code, start):
    path = write(tmp_path, "id;value\n" + "\n".join(rows) + "\n")
    with pytest.raises(CsvError) as caught:
        read_series(path, delimiter="|")

    error = caught.value
    assert error.code == code
    assert str(error).startswith(f"{path}, {start}")
    assert str(error).endswith("The file reads as one column, but its header splits at ';' into 2 columns "
                               "(id, value) and its rows at ','; if ',' separates the columns, use --delimiter "
                               "',', or leave those options out to detect them.")
    assert "Correct or empty" not in str(error)
    assert error.params["other_delimiter"] == {"delimiter": ",", "names": ["id", "value"], "header_delimiter": ";"}


def test_comma_header_over_semicolon_rows(tmp_path):
    # The comma splits every line into two fields here too, but in the rows it is the decimal mark.
    rows = "".join(f"2021-01-{day:02d};{day % 7 + 2},{day * 7 % 100:02d}\n" for day in range(1, 29))
    info = inspect_csv(write(tmp_path, "date,value\n" + rows))

    assert (info.delimiter, info.decimal) == (";", ",")
    assert info.columns == [("date", "datetime"), ("value", "numeric")]
    assert info.header_delimiter == ","
    assert info.header_mismatch is None
    assert info.first == 3.07
    assert info.to_json_dict(include_values=False)["header_delimiter"] == ","


def test_semicolon_header_over_comma_rows(tmp_path):
    # "1871,1120" could be 1871.112 with a decimal comma, but the header's two names match two fields.
    info = inspect_csv(write(tmp_path, "year;flow\n" + "".join(f"{1871 + i},{1100 + 7 * i}\n" for i in range(40))))

    assert (info.delimiter, info.decimal) == (",", ".")
    assert [name for name, _ in info.columns] == ["year", "flow"]
    assert info.header_delimiter == ";"
    assert (info.first, info.last) == (1100.0, 1373.0)


def test_given_delimiter_other_than_detected_is_noted(tmp_path):
    rows = "".join(f"2021-01-{day:02d};{day % 7 + 2},{day * 7 % 100:02d}\n" for day in range(1, 29))
    path = write(tmp_path, "date,value\n" + rows)

    forced = inspect_csv(path, delimiter=",")
    assert forced.detected_delimiter == ";"
    assert forced.to_json_dict(include_values=False)["detected_delimiter"] == ";"
    # Detected, or given as detection would choose it, there is nothing to note.
    assert inspect_csv(path).detected_delimiter is None
    assert inspect_csv(path, delimiter=";").detected_delimiter is None


def test_comma_file_with_semicolons_in_text_stays_comma(tmp_path):
    info = inspect_csv(write(tmp_path, "name,notes,v\n" + "".join(f"a{i},x;y,{i}.5\n" for i in range(30))))

    assert info.delimiter == ","
    assert info.column == "v"
    assert info.header_delimiter is None


def test_missing_at_the_ends_takes_nearest_value(tmp_path):
    path = write(tmp_path, "v\nNA\n1\n2\nNA\nNA\n")
    assert read_series(path).values.tolist() == [1.0, 1.0, 2.0, 2.0, 2.0]


def test_drop_policy_removes_rows_and_time(tmp_path):
    path = write(tmp_path, "day,v\n2021-03-01,1\n2021-03-02,NA\n2021-03-03,3\n")
    series = read_series(path, missing="drop")
    assert series.values.tolist() == [1.0, 3.0]
    assert series.missing_positions.tolist() == [1]
    assert series.time.astype("datetime64[D]").astype(str).tolist() == ["2021-03-01", "2021-03-03"]


def test_refuse_policy_names_lines(tmp_path):
    path = write(tmp_path, "v\n1\n\n2\nNA\n3\n")
    with pytest.raises(CsvError) as caught:
        read_series(path, missing="refuse")
    assert caught.value.code == "csv.missing_rejected"
    assert caught.value.params["count"] == 1
    assert caught.value.params["lines"] == [5]
    assert "line" in str(caught.value)


def test_refuse_policy_accepts_complete_file(tmp_path):
    path = write(tmp_path, "v\n1\n2\n")
    assert read_series(path, missing="refuse").values.tolist() == [1.0, 2.0]


def test_all_missing_is_rejected(tmp_path):
    path = write(tmp_path, "a,v\n1,NA\n2,\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path, column="v")
    assert caught.value.code == "csv.all_missing"


def test_all_na_default_names_marker(tmp_path):
    path = write(tmp_path, "date;value\n2021-01-01;NA\n2021-01-02;NA\n2021-01-03;NA\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path)
    error = caught.value
    assert error.code == "csv.all_missing"
    assert error.params["column"] == "value"
    assert error.params["markers"] == ["NA"]
    assert "every value in column 'value' is missing (its cells are 'NA')" in str(error)
    assert "decimal mark" not in str(error)


def test_all_missing_lists_markers(tmp_path):
    path = write(tmp_path, "date;value\n2021-01-01;NA\n2021-01-02;\n2021-01-03;n/a\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path)
    assert caught.value.code == "csv.all_missing"
    assert "(its cells are 'NA', empty or 'n/a')" in str(caught.value)


def test_empty_column_beside_dates(tmp_path):
    path = write(tmp_path, "date;value\n2021-01-01;\n2021-01-02;\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path)
    assert caught.value.code == "csv.all_missing"
    assert "(its cells are empty)" in str(caught.value)


def test_empty_notes_beside_text_unnamed(tmp_path):
    path = write(tmp_path, "name;city;notes\nAnna;Rome;\nBen;Oslo;\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path)
    assert caught.value.code == "csv.no_numeric_column"


def test_blank_column_typed_empty(tmp_path):
    path = write(tmp_path, "date,temperature,,humidity\n2024-01-01,3.5,,81\n2024-01-02,4.1,,79\n")
    info = inspect_csv(path)
    assert info.columns == [("date", "datetime"), ("temperature", "numeric"), ("column 2", "empty"),
                            ("humidity", "numeric")]
    assert info.column == "humidity"
    assert info.to_json_dict()["columns"][2] == {"name": "column 2", "type": "empty"}


def test_marker_column_typed_empty(tmp_path):
    path = write(tmp_path, "t;v;notes\n1;2,5;NA\n2;3,5;\n3;4,5;n/a\n")
    info = inspect_csv(path, column="v")
    assert info.columns[2] == ("notes", "empty")
    assert info.empty_columns == ["notes"]


def test_later_value_keeps_column_text(tmp_path):
    # The first 200 cells of "notes" are empty, but a later one is not.
    rows = [f"{i};{i},5;" for i in range(250)] + ["250;1,5;checked"]
    path = write(tmp_path, "t;v;notes\n" + "\n".join(rows) + "\n")
    info = inspect_csv(path)
    assert info.columns[2] == ("notes", "text")
    assert info.empty_columns == []


def test_text_with_markers_not_numeric(tmp_path):
    path = write(tmp_path, "date;value\n2021-01-01;NA\n2021-01-02;high\n2021-01-03;low\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path)
    assert caught.value.code == "csv.no_numeric_column"
    assert "'value' (text)" in str(caught.value)


def test_later_values_not_all_missing(tmp_path):
    # The column is typed text from its first 200 rows, but a later row has a value.
    rows = ["2021-01-01;NA"] * 250 + ["2021-01-02;5"]
    path = write(tmp_path, "date;value\n" + "\n".join(rows) + "\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path)
    assert caught.value.code == "csv.no_numeric_column"
    assert inspect_csv(path, column="value").values[-1] == 5.0


def test_no_nan_reaches_the_series(tmp_path):
    rows = "\n".join(f"{i},{'NA' if i % 7 == 0 else i * 0.5}" for i in range(2000))
    path = write(tmp_path, "i,v\n" + rows + "\n")
    series = read_series(path)
    assert series.values.shape == (2000,)
    assert np.isfinite(series.values).all()
    assert series.missing_positions.size == 286


# Junk


def test_junk_names_file_line_column_and_text(tmp_path):
    path = write(tmp_path, "t,level\n0,1.5\n1,2.5\n2,about 3\n3,4\n")
    with pytest.raises(CsvError) as caught:
        read_series(path)
    error = caught.value
    assert error.code == "csv.bad_value"
    assert error.params["line"] == 4
    assert error.params["column"] == "level"
    assert error.params["text"] == "about 3"
    assert error.params["path"] == str(path)
    message = str(error)
    assert str(path) in message
    assert "line 4" in message
    assert "'level'" in message
    assert "'about 3'" in message


def test_junk_in_long_column_is_found(tmp_path):
    rows = [f"{i},{i}.25" for i in range(5000)]
    rows[3210] = "3210,12..5"
    path = write(tmp_path, "i,v\n" + "\n".join(rows) + "\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path)
    assert caught.value.params["line"] == 3212
    assert caught.value.params["text"] == "12..5"


def test_bad_cells_counted_first_five_listed(tmp_path):
    rows = [f"{i},{i}.25" for i in range(5000)]
    bad = {10: "x", 11: "inf", 700: "1e999", 2500: "n/d?", 4000: "3..4", 4998: "--", 4999: "y"}
    for position, text in bad.items():
        rows[position] = f"{position},{text}"
    path = write(tmp_path, "i,v\n" + "\n".join(rows) + "\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path)
    error = caught.value
    assert error.code == "csv.bad_values"
    assert error.params["count"] == 7
    assert error.params["at_least"] is False
    # Data row i sits on line i + 2, after the header.
    assert error.params["cells"] == [[12, "x"], [13, "inf"], [702, "1e999"], [2502, "n/d?"], [4002, "3..4"]]
    assert (error.params["line"], error.params["text"]) == (12, "x")
    message = str(error)
    assert "column 'v': 7 cells are not numbers: line 12 'x', line 13 'inf'" in message
    assert "line 4002 '3..4', and 2 more." in message
    assert "Correct or empty those cells" in message


def test_text_column_reports_at_least_limit(tmp_path):
    rows = [f"{i},name {i}" for i in range(3000)]
    path = write(tmp_path, "i,v\n" + "\n".join(rows) + "\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path, column="v")
    params = caught.value.params
    assert params["count"] == 1000
    assert params["at_least"] is True
    assert "at least 1000 cells are not numbers" in str(caught.value)
    assert "and at least 995 more" in str(caught.value)


def test_bad_cells_other_decimal_mark_hint(tmp_path):
    path = write(tmp_path, "a;b\n1;2.5\n2;3.5\n3;4\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path, decimal=",", column="b")
    assert caught.value.code == "csv.bad_values"
    assert "The first one reads as a number with the decimal mark '.'" in str(caught.value)


def test_infinity_is_junk(tmp_path):
    path = write(tmp_path, "v\n1\ninf\n2\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path)
    assert caught.value.params["text"] == "inf"


def test_wrong_decimal_mark_hints_at_the_fix(tmp_path):
    path = write(tmp_path, "a;b\n1;2.5\n2;3\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path, decimal=",", column="b")
    assert "decimal mark '.'" in str(caught.value)


@pytest.mark.parametrize(("content", "decimal"), [
    ("v\n1\n1e400\n2\n", "."),
    ("v\n1\n1e400\n2\n", ","),
    ("v\n1\n1e400\n2\n-1e999\n", "."),
])
def test_overflow_cell_has_no_decimal_hint(tmp_path, content, decimal):
    # 1e400 is infinite with either decimal mark, so switching the mark cannot help.
    with pytest.raises(CsvError) as caught:
        inspect_csv(write(tmp_path, content), decimal=decimal)
    assert caught.value.code in ("csv.value_too_large", "csv.bad_values")
    assert "'1e400'" in str(caught.value)
    assert "decimal mark" not in str(caught.value)


@pytest.mark.parametrize("text", ["1e309", "-1e309", "1,8e308 €"])
def test_overflow_cell_named_too_large(tmp_path, text):
    path = write(tmp_path, f"v\n1\n{text}\n2\n")

    with pytest.raises(CsvError) as caught:
        inspect_csv(path, decimal="," if "," in text else ".")

    error = caught.value
    assert error.code == "csv.value_too_large"
    assert (error.params["line"], error.params["text"]) == (3, text)
    message = str(error)
    assert f"line 3, column 'v': {text!r} is too large for a 64-bit float" in message
    assert "up to about 1.8e308" in message
    assert "not a number" not in message
    assert "divide them by a power of ten" in message


def test_overflow_among_bad_cells_hinted(tmp_path):
    path = write(tmp_path, "v\n1\nx\n2\n1e309\n3\n")

    with pytest.raises(CsvError) as caught:
        inspect_csv(path)

    error = caught.value
    assert error.code == "csv.bad_values"
    assert error.params["too_large"] == [5, "1e309"]
    assert "Line 5 '1e309' is too large for a 64-bit float" in str(error)


def test_largest_float_still_reads(tmp_path):
    path = write(tmp_path, "v\n1\n1.7976931348623157e308\n2\n")

    assert inspect_csv(path).max == np.finfo(np.float64).max


def test_only_empty_rows_are_too_short(tmp_path):
    path = write(tmp_path, "a,b\n,\n,,\n")
    with pytest.raises(DataError) as caught:
        inspect_csv(path, column="b", delimiter=",")
    assert caught.value.code == "data.too_short"


def test_missing_file(tmp_path):
    with pytest.raises(CsvError) as caught:
        inspect_csv(tmp_path / "absent.csv")
    assert caught.value.code == "csv.not_found"


def test_empty_file(tmp_path):
    with pytest.raises(CsvError) as caught:
        inspect_csv(write(tmp_path, "# only a comment\n\n"))
    assert caught.value.code == "csv.empty"


# Dates


def test_iso_month_axis(tmp_path):
    path = write(tmp_path, "month,n\n1949-01,112\n1949-02,118\n")
    info = inspect_csv(path)
    assert info.time_column == "month"
    assert info.time.astype(str).tolist() == ["1949-01-01T00:00:00", "1949-02-01T00:00:00"]


def test_iso_datetime_axis(tmp_path):
    path = write(tmp_path, "when,v\n2020-05-01T10:00:00,1\n2020-05-01 10:30,2\n")
    info = inspect_csv(path)
    assert info.time.astype(str).tolist() == ["2020-05-01T10:00:00", "2020-05-01T10:30:00"]


@pytest.mark.parametrize("first, second", [("31/12/2020", "01/01/2021"), ("31.12.2020", "01.01.2021")])
def test_day_first_dates(tmp_path, first, second):
    path = write(tmp_path, f"Datum;Wert\n{first};1,5\n{second};2,5\n")
    info = inspect_csv(path)
    assert info.columns[0] == ("Datum", "datetime")
    assert info.time.astype("datetime64[D]").astype(str).tolist() == ["2020-12-31", "2021-01-01"]
    assert info.values.tolist() == [1.5, 2.5]


@pytest.mark.parametrize("cells", [
    ("gen-2018", "feb-2018", "dic-2018"),
    ("gen 2018", "feb 2018", "dic 2018"),
    ("gennaio 2018", "febbraio 2018", "dicembre 2018"),
    ("Jan-18", "Feb-18", "Dec-18"),
    ("janv. 2018", "févr. 2018", "déc. 2018"),
    ("01/2018", "02/2018", "12/2018"),
])
def test_month_and_year_dates(tmp_path, cells):
    path = write(tmp_path, "Mese;Vendite\n" + "".join(f"{cell};{k},5\n" for k, cell in enumerate(cells)))
    info = inspect_csv(path)
    assert info.columns[0] == ("Mese", "datetime")
    assert info.time.astype("datetime64[M]").astype(str).tolist() == ["2018-01", "2018-02", "2018-12"]
    assert info.values.tolist() == [0.5, 1.5, 2.5]


@pytest.mark.parametrize("suffixes", [("+01:00", "+02:00", "+02:00"), ("Z", "Z", "Z")])
def test_times_with_utc_offset_read_in_utc(tmp_path, suffixes, recwarn):
    times = ("2021-03-28T01:00:00", "2021-03-28T03:00:00", "2021-03-28T04:00:00") if suffixes[0] != "Z" else \
        ("2021-03-28T00:00:00", "2021-03-28T01:00:00", "2021-03-28T02:00:00")
    rows = "".join(f"{time}{zone},{k}.5\n" for k, (time, zone) in enumerate(zip(times, suffixes)))
    info = inspect_csv(write(tmp_path, "timestamp,load\n" + rows))
    assert info.columns[0] == ("timestamp", "datetime")
    # The change to summer time keeps the steps at one hour once the times are in UTC.
    assert info.time.astype(str).tolist() == ["2021-03-28T00:00:00", "2021-03-28T01:00:00", "2021-03-28T02:00:00"]
    assert [str(warning.message) for warning in recwarn] == []


def test_two_digit_years_day_first(tmp_path):
    path = write(tmp_path, "Data;Valore\n30/12/68;1\n31/12/69;2\n01/01/18;3\n")
    info = inspect_csv(path)
    assert info.time.astype("datetime64[D]").astype(str).tolist() == ["2068-12-30", "1969-12-31", "2018-01-01"]


@pytest.mark.parametrize("text", ["13/2018", "foo 2018", "12.2020", "gen-2018x"])
def test_not_a_month_and_year(text):
    from rnn_desktop.core.csv_values import is_date

    assert not is_date(text)


def test_day_first_with_time(tmp_path):
    path = write(tmp_path, "t;v\n31.12.2020 23:59;1\n01.01.2021 00:00:30;2\n")
    assert inspect_csv(path).time.astype(str).tolist() == ["2020-12-31T23:59:00", "2021-01-01T00:00:30"]


def test_slash_dates_month_first_when_day_exceeds_12(tmp_path):
    path = write(tmp_path, "date,v\n12/30/2020,1\n12/31/2020,2\n")
    assert inspect_csv(path).time.astype("datetime64[D]").astype(str).tolist() == ["2020-12-30", "2020-12-31"]


def test_ambiguous_slash_dates_are_day_first(tmp_path):
    path = write(tmp_path, "date,v\n01/02/2020,1\n03/04/2020,2\n")
    assert inspect_csv(path).time.astype("datetime64[D]").astype(str).tolist() == ["2020-02-01", "2020-04-03"]


def test_ambiguous_slash_dates_month_first_in_order(tmp_path):
    # Monthly US data dated on the 1st: read day first, the dates would run 1 to 12 January, then back.
    us = [f"{month}/1/{year}" for year in (2020, 2021) for month in range(1, 13)]
    path = write(tmp_path, "date,v\n" + "".join(f"{date},{i}\n" for i, date in enumerate(us)))

    info = inspect_csv(path)

    assert info.time_order == "ascending"
    assert info.time[1].astype("datetime64[D]").astype(str) == "2020-02-01"
    assert info.time[-1].astype("datetime64[D]").astype(str) == "2021-12-01"


def test_ambiguous_slash_dates_both_orders_day_first(tmp_path):
    # The first twelve days of January, day first; month first they would be in order too.
    days = [f"{day:02d}/01/2020" for day in range(1, 13)]
    path = write(tmp_path, "date,v\n" + "".join(f"{date},{i}\n" for i, date in enumerate(days)))

    assert inspect_csv(path).time[-1].astype("datetime64[D]").astype(str) == "2020-01-12"


def test_year_column_is_time_axis_by_name(tmp_path):
    path = write(tmp_path, "year,flow\n1871,1120\n1872,1160\n")
    info = inspect_csv(path)
    assert info.columns[0] == ("year", "datetime")
    assert info.time.astype("datetime64[Y]").astype(str).tolist() == ["1871", "1872"]


def test_four_digit_values_are_numbers_by_default(tmp_path):
    path = write(tmp_path, "count,price\n1871,1120\n1872,1160\n")
    info = inspect_csv(path)
    assert info.columns == [("count", "numeric"), ("price", "numeric")]
    assert info.time is None


def test_unreadable_date_drops_time_axis_only(tmp_path):
    path = write(tmp_path, "date,v\n2020-01-01,1\n2020-02-30,2\n2020-03-01,3\n")
    info = inspect_csv(path)
    assert info.time is None
    assert info.values.tolist() == [1.0, 2.0, 3.0]
    assert info.unreadable_date == (3, "2020-02-30")


def test_title_lines_above_header_left_out(tmp_path):
    rows = "".join(f"{day:02d}/01/2018;Nord;1.{day:03d},56\n" for day in range(1, 21))
    path = write(tmp_path, "Report vendite mensili;;\nAzienda Rossi - dati in euro;;\n;;\nData;Regione;Vendite\n" + rows)
    info = inspect_csv(path)
    assert info.title_lines == 3
    assert info.columns == [("Data", "datetime"), ("Regione", "text"), ("Vendite", "numeric")]
    assert info.values[0] == 1001.56
    assert info.value_lines[0] == 5


def test_title_line_with_short_totals_row(tmp_path):
    months = [f"{month}-{year}" for year in (2021, 2022)
              for month in "gen feb mar apr mag giu lug ago set ott nov dic".split()]
    rows = "".join(f"{month};1{k:03d},00;({k},50)\r\n" for k, month in enumerate(months))
    path = write(tmp_path, "Report vendite 2021-2022;;\r\nmese;vendite;margine\r\n" + rows + "Totale;25800,00;\r\n")
    info = inspect_csv(path, column="vendite")
    assert info.title_lines == 1
    assert info.totals_row == (27, "Totale")
    assert info.rows == 24
    assert info.time_column == "mese"
    assert inspect_csv(path).values[0] == -0.5


def test_title_line_over_mostly_empty_notes_column(tmp_path):
    # A spreadsheet export: title, header with a notes column that few rows fill, a totals row, cp1252, CRLF.
    notes = {3: "sensore guasto", 17: "stima"}
    rows = "".join(f"{28 if month == 2 else 30}/{month:02d}/{2020 + k // 12};{15 + k % 12},{k:02d};{notes.get(k, '')}\r\n"
                   for k, month in enumerate([m for _ in range(4) for m in range(1, 13)]))
    content = "Temperature medie mensili - Liceo Galilei;;\r\nData;Temperatura (°C);Note\r\n" + rows + "Totale;966,45;\r\n"
    path = write(tmp_path, content, encoding="cp1252")

    info = inspect_csv(path)

    assert info.title_lines == 1
    assert info.columns == [("Data", "datetime"), ("Temperatura (°C)", "numeric"), ("Note", "text")]
    assert info.column == "Temperatura (°C)"
    assert info.rows == 48
    assert info.values[:2].tolist() == [15.0, 16.01]
    assert info.totals_row == (51, "Totale")
    # Rows ending in the header's delimiters match it, though their last cell is empty.
    assert info.header_mismatch is None


@pytest.mark.parametrize("content", [
    "value\n" + "".join(f"{k},5\n" for k in range(20)),
    "a,b\n" + "".join(f"{k},{k * 2}\n" for k in range(20)),
    "title\n" + "".join(f"{k},{k * 2}\n" for k in range(20)),
    "name,notes,v\n" + "".join(f"a{k},x;y,{k}.5\n" for k in range(20)),
])
def test_no_title_lines_without_text_header(tmp_path, content):
    # A one-column file of decimal commas, a plain table, and one title over rows without a header.
    info = inspect_csv(write(tmp_path, content))
    assert info.title_lines == 0


def test_labelled_totals_row_left_out(tmp_path):
    rows = "".join(f"{day:02d}/01/2018;{day}0,5\n" for day in range(1, 11))
    info = inspect_csv(write(tmp_path, "Data;Vendite\n" + rows + "Totale:;555,00\n"))
    assert info.totals_row == (12, "Totale:")
    assert info.rows == 10
    assert info.values[-1] == 100.5
    assert info.time_column == "Data"
    assert info.outliers == []


def test_unlabelled_sum_row_left_out(tmp_path):
    rows = "".join(f"{day:02d}/01/2018;{day}0,5\n" for day in range(1, 11))
    info = inspect_csv(write(tmp_path, "Data;Vendite\n" + rows + ";555,00\n"))
    assert info.totals_row == (12, "")
    assert info.rows == 10
    assert info.time_column == "Data"


@pytest.mark.parametrize("last_row", ["11/01/2018;555,00", ";554,00", "Media;55,5"])
def test_last_row_kept_unless_a_total(tmp_path, last_row):
    # A dated row, a sum that does not match, and a label that is no total all stay values.
    rows = "".join(f"{day:02d}/01/2018;{day}0,5\n" for day in range(1, 11))
    info = inspect_csv(write(tmp_path, "Data;Vendite\n" + rows + last_row + "\n"))
    assert info.totals_row is None
    assert info.rows == 11


def test_empty_date_cell_is_named(tmp_path):
    path = write(tmp_path, "Data;Valore\n30.01.2018;1\n;2\n31.03.2018;4\n")
    info = inspect_csv(path)
    assert info.time is None
    assert info.unreadable_date == (3, "")
    assert info.to_json_dict()["unreadable_date"] == [3, ""]


# Report


def test_json_dict_writes_missing_as_null(tmp_path):
    path = write(tmp_path, "t,v\n0,1\n1,NA\n2,3\n")
    data = json.loads(json.dumps(inspect_csv(path).to_json_dict(), allow_nan=False))
    assert data["values"] == [1.0, None, 3.0]
    for key in ("encoding", "delimiter", "decimal", "header", "columns", "column", "rows", "missing",
                "missing_policy", "first", "last", "min", "max", "values"):
        assert key in data
    assert data["columns"] == [{"name": "t", "type": "numeric"}, {"name": "v", "type": "numeric"}]
    assert (data["first"], data["last"], data["min"], data["max"]) == (1.0, 3.0, 1.0, 3.0)


def test_series_details_match_inspect_keys(tmp_path):
    path = write(tmp_path, "t,v\n0,1\n1,2\n")
    info = inspect_csv(path)
    details = read_series(path).details
    expected = info.to_json_dict()
    del expected["values"]
    assert details == expected


def test_preview_holds_raw_rows(tmp_path):
    path = write(tmp_path, "# note\nt;v\n0;1,5\n\n1;2,5\n")
    info = inspect_csv(path)
    assert isinstance(info, CsvInfo)
    assert info.preview == [["t", "v"], ["0", "1,5"], ["1", "2,5"]]


def test_first_last_min_max_skip_missing(tmp_path):
    path = write(tmp_path, "v\nNA\n4\n-2\n7\n3\n?\n")
    info = inspect_csv(path)
    assert (info.first, info.last, info.min, info.max) == (4.0, 3.0, -2.0, 7.0)
    assert not math.isnan(info.first)


def test_empty_cells_in_first_column(tmp_path):
    path = write(tmp_path, "a,b\n,2\n3,4\n5,\n7,8\n")
    info = inspect_csv(path, column="a")
    assert info.missing_rows == [2]
    assert read_series(path, column="a").values.tolist() == [3.0, 3.0, 5.0, 7.0]


def test_quoted_and_unquoted_files_read_alike(tmp_path):
    rows = [f"{i},{'NA' if i % 5 == 0 else i / 8},x{i}" for i in range(1, 400)]
    plain = inspect_csv(write(tmp_path, "n,v,tag\n" + "\n".join(rows) + "\n", name="plain.csv"))
    quoted = inspect_csv(write(tmp_path, '"n","v","tag"\n' + "\n".join(rows) + "\n", name="quoted.csv"))
    np.testing.assert_array_equal(plain.values, quoted.values)
    assert plain.missing_rows == quoted.missing_rows
    assert plain.columns == quoted.columns


def test_one_column_with_trailing_delimiters_under_plain_header(tmp_path):
    path = write(tmp_path, "value\n1,\n2.5,\n-3,\n")
    info = inspect_csv(path)
    assert info.delimiter == ","
    assert info.values.tolist() == [1.0, 2.5, -3.0]


def test_folder_is_not_a_csv_file(tmp_path):
    with pytest.raises(CsvError) as caught:
        inspect_csv(tmp_path)
    assert caught.value.code == "csv.not_a_file"


def test_italian_excel_export_file():
    # Windows-1252, CRLF, semicolons, decimal commas with thousands dots, euro
    # and percent signs, day-first dates, a "-" gap, a trailing delimiter on
    # every line and an empty last row, as Excel writes them in Italy.
    path = Path(__file__).resolve().parent.parent / "data" / "excel_export_it.csv"
    info = inspect_csv(path, column="Prezzo medio")
    assert info.encoding == "cp1252"
    assert info.line_endings == "CRLF"
    assert (info.delimiter, info.decimal, info.header) == (";", ",", True)
    assert info.columns == [("Data", "datetime"), ("Città", "text"), ("Prezzo medio", "numeric"),
                            ("Variazione", "numeric")]
    assert info.rows == 4
    assert info.missing_rows == [4]
    assert info.ragged_rows == []
    assert info.time.astype("datetime64[D]").astype(str).tolist() == [
        "2020-12-31", "2021-01-01", "2021-01-02", "2021-01-03"]
    prices = read_series(path, column="Prezzo medio").values
    assert prices.tolist() == pytest.approx([1234.5, 999.9, 1049.95, 1100.0], abs=1e-9)
    assert read_series(path).values.tolist() == [1.5, -2.25, 0.0, 12.0]


def test_quoted_header_only(tmp_path):
    path = write(tmp_path, '"a,1";"b"\r\n1;2,5\r\n3;4,5\r\n')
    info = inspect_csv(path)
    assert info.columns == [("a,1", "numeric"), ("b", "numeric")]
    assert info.preview[0] == ["a,1", "b"]
    assert info.values.tolist() == [2.5, 4.5]


def test_quoted_first_data_row_only(tmp_path):
    path = write(tmp_path, '"5","6"\n1,2\n3,4\n')
    info = inspect_csv(path)
    assert info.header is False
    assert info.values.tolist() == [6.0, 2.0, 4.0]
    assert inspect_csv(path, column=0).values.tolist() == [5.0, 1.0, 3.0]


def test_excel_separator_hint_line(tmp_path):
    path = write(tmp_path, "sep=;\r\nTag;Wert\r\n1;2,5\r\n2;x\r\n")
    with pytest.raises(CsvError) as caught:
        inspect_csv(path)
    assert caught.value.params["line"] == 4
    info = inspect_csv(write(tmp_path, "sep=|\na|b\n1|2\n3|4\n", name="pipe.csv"))
    assert info.delimiter == "|"
    assert info.preview[0] == ["a", "b"]
    assert info.values.tolist() == [2.0, 4.0]


@pytest.mark.parametrize("cells, expected", [
    (["1\u00a0234,5", "12\u00a0000,25"], [1234.5, 12000.25]),  # French, no-break space
    (["1\u202f234,5", "2\u202f000\u202f000,0"], [1234.5, 2000000.0]),  # French, narrow no-break space
    (["1'234.5", "12'000.25"], [1234.5, 12000.25]),  # Swiss apostrophe
])
def test_other_thousands_separators(tmp_path, cells, expected):
    path = write(tmp_path, "n;v\n" + "".join(f"{i};{cell}\n" for i, cell in enumerate(cells)))
    assert inspect_csv(path).values.tolist() == expected


def test_shared_column_name_rejected(tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text("x,x\n1,10\n2,20\n3,30\n", encoding="utf-8")

    with pytest.raises(CsvError) as caught:
        read_series(path, column="x")

    assert caught.value.code == "csv.column_ambiguous"
    assert caught.value.params["indexes"] == [0, 1]
    assert "has 2 columns named 'x' (indexes 0 and 1); choose one by its index" in str(caught.value)
    assert read_series(path, column=0).values.tolist() == [1, 2, 3]
    assert read_series(path, column="1").values.tolist() == [10, 20, 30]


def test_negative_index_gets_the_index_range(tmp_path):
    path = tmp_path / "two.csv"
    path.write_text("year,flow\n1,10\n2,20\n", encoding="utf-8")

    with pytest.raises(CsvError) as caught:
        read_series(path, column="-1")

    assert str(caught.value).endswith("has no column -1: indexes run from 0 to 1 (year, flow).")


def test_text_only_file_asks_for_numbers(tmp_path):
    path = tmp_path / "text.csv"
    path.write_text("name,comment\nalpha,beta\ngamma,delta\n", encoding="utf-8")

    with pytest.raises(CsvError) as caught:
        read_series(path)

    assert caught.value.code == "csv.no_numeric_column"
    assert "A series needs a column of numbers: check the delimiter and decimal mark" in str(caught.value)


def test_date_column_rejected_as_series(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text("timestamp,temperature,humidity\n2024-03-01 00:00,1.5,40\n2024-03-01 00:01,1.6,41\n"
                    "2024-03-01 00:02,1.7,42\n", encoding="utf-8")

    with pytest.raises(CsvError) as caught:
        read_series(path, column=0)

    assert caught.value.code == "csv.date_column"
    assert str(caught.value).endswith("column 0, 'timestamp', contains dates or times, which give the plots their "
                                      "time axis, not a series; choose a numeric column: temperature (1), "
                                      "humidity (2).")


def minute_log(tmp_path, skipped):
    import datetime

    start = datetime.datetime(2024, 3, 1)
    rows = [f"{start + datetime.timedelta(minutes=i):%Y-%m-%d %H:%M},{20 + i % 7}" for i in range(600)
            if i not in skipped]
    path = tmp_path / "log.csv"
    path.write_text("timestamp,temperature\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_skipped_minutes_are_noted(tmp_path):
    # Minutes 100 to 102 and 300 are missing: steps of 4 and 2 minutes.
    info = inspect_csv(minute_log(tmp_path, {100, 101, 102, 300}))

    # Line 102 contains minute 103, the first after the longest gap.
    assert info.time_gaps == {"count": 2, "line": 102, "longest": 240.0, "step": 60.0}
    assert info.to_json_dict()["time_gaps"] == info.time_gaps


@pytest.mark.parametrize("dates", [
    # Business days skip every weekend: a pattern, not a gap.
    [f"2024-01-{day:02d}" for day in range(1, 32) if day not in (6, 7, 13, 14, 20, 21, 27, 28)],
    # Months of 28 to 31 days.
    [f"{2020 + month // 12}-{month % 12 + 1:02d}-01" for month in range(36)],
])
def test_regular_patterns_are_no_gaps(tmp_path, dates):
    path = tmp_path / "days.csv"
    path.write_text("date,v\n" + "".join(f"{date},{k}\n" for k, date in enumerate(dates)), encoding="utf-8")

    assert inspect_csv(path).time_gaps is None


@pytest.mark.parametrize(("seconds", "parts"), [
    (240.0, (4.0, "minute")), (86400.0, (1.0, "day")), (7200.0, (2.0, "hour")), (90.0, (90.0, "second")),
])
def test_time_length_parts(seconds, parts):
    from rnn_desktop.core.csv_reader import time_length_parts

    assert time_length_parts(seconds) == parts
