"""The ``inspect`` command, and ``train --csv`` with reader overrides."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from rnn_desktop.cli import main

GERMAN = "Zeit;Wert\n0;1,5\n1;2,25\n2;-0,75\n"


def write(tmp_path: Path, text: str, name: str = "data.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def inspect_json(source: Path, capsys, *options: str) -> tuple[int, dict]:
    """Run inspect with --json and return its exit status and the JSON it wrote."""
    output = source.parent / "out.json"
    code = main(["inspect", str(source), *options, "--json", str(output)])
    capsys.readouterr()
    return code, json.loads(output.read_text(encoding="utf-8"))


def test_prints_detected_settings(tmp_path, capsys):
    code = main(["inspect", str(write(tmp_path, GERMAN))])
    out, err = capsys.readouterr()
    assert code == 0
    assert err == ""
    assert "delimiter      semicolon" in out
    assert "decimal        ','" in out
    assert "header         yes" in out
    assert "columns        0: Zeit (numeric), 1: Wert (numeric)" in out
    assert "column         Wert (index 1)" in out
    assert "rows           3" in out
    assert "first, last    1.5, -0.75" in out
    assert "min, max       -0.75, 2.25" in out


def test_thousands_point_note(tmp_path, capsys):
    source = write(tmp_path, "Data;Valore\n01/01/2021;986\n02/01/2021;1.017\n03/01/2021;1.026\n")
    code = main(["inspect", str(source)])
    out, err = capsys.readouterr()
    assert code == 0
    assert "decimal        ','" in out
    assert "min, max       986, 1026" in out
    assert "note           '.' is read as a thousands separator ('1.017' is 1017)" in out
    assert "use --decimal ." in out


WEATHER = ("date,temperature,,humidity\n,°C,,%\n"
           + "".join(f"2024-01-{day:02d},{day % 5 + 2.5},,{70 + day % 11}\n" for day in range(1, 11)))


def test_units_row_note(tmp_path, capsys):
    code = main(["inspect", str(write(tmp_path, WEATHER))])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "columns        0: date (datetime), 1: temperature (numeric), 2: column 2 (empty), 3: humidity (numeric)" in out
    assert "rows           10\n" in out
    assert "note           line 2 contains units (temperature: °C, humidity: %), so it is not read as data" in out


def test_units_row_in_json(tmp_path, capsys):
    code, data = inspect_json(write(tmp_path, WEATHER), capsys)
    assert code == 0
    assert data["unit_line"] == 2
    assert data["units"] == ["", "°C", "", "%"]
    assert data["columns"][2] == {"name": "column 2", "type": "empty"}
    assert len(data["values"]) == 10


def test_json_without_units_row(tmp_path, capsys):
    code, data = inspect_json(write(tmp_path, "t,v\n0,1.5\n1,2.5\n"), capsys)
    assert code == 0
    assert data["unit_line"] is None
    assert data["units"] == []


def test_unclear_point_note(tmp_path, capsys):
    source = write(tmp_path, "t;peso\n1;12.500\n2;13.250\n")
    code = main(["inspect", str(source)])
    out, err = capsys.readouterr()
    assert code == 0
    assert "decimal        '.'" in out
    assert "note           '.' is read as a decimal point, so '12.500' reads as 12.5" in out
    assert "could also be grouped by thousands (12500)" in out
    assert "use --decimal ," in out


def test_decimal_comma_rows_note(tmp_path, capsys):
    source = write(tmp_path, "100,13\n98,7\n101,05\n99,5\n")
    code = main(["inspect", str(source)])
    out, err = capsys.readouterr()
    assert code == 0
    assert err == ""
    assert "columns        0: column 0 (numeric), 1: column 1 (numeric)" in out
    assert ("note           every row is two whole numbers separated by a comma (line 1: 100,13, and line 3: "
            "101,05 with a leading 0 after the comma, as decimals have)") in out
    assert "such as 100,13 for 100.13, read it with --decimal ," in out


def test_decimal_comma_rows_note_gone_with_option(tmp_path, capsys):
    source = write(tmp_path, "100,13\n98,7\n101,05\n99,5\n")
    output = tmp_path / "out.json"
    code = main(["inspect", str(source), "--decimal", ",", "--json", str(output)])
    out, err = capsys.readouterr()
    data = json.loads(output.read_text(encoding="utf-8"))
    assert code == 0
    assert "two whole numbers" not in out
    assert data["decimal_comma_rows"] == []
    assert data["values"] == [100.13, 98.7, 101.05, 99.5]


def test_decimal_comma_rows_in_json(tmp_path, capsys):
    code, data = inspect_json(write(tmp_path, "100,13\n98,7\n101,05\n99,5\n"), capsys)
    assert code == 0
    assert data["decimal_comma_rows"] == [[1, "100,13"], [3, "101,05"]]


def test_all_na_column_error(tmp_path, capsys):
    source = write(tmp_path, "date;value\n2021-01-01;NA\n2021-01-02;NA\n")
    code = main(["inspect", str(source)])
    out, err = capsys.readouterr()
    assert code == 2
    assert "every value in column 'value' is missing (its cells are 'NA')" in err
    assert "no numeric column to read" in err


def test_json_output_keys_and_values(tmp_path, capsys):
    code, data = inspect_json(write(tmp_path, "t,v\n0,1.5\n1,NA\n2,3.5\n"), capsys)
    assert code == 0
    assert data["encoding"] == "utf-8"
    assert data["delimiter"] == ","
    assert data["decimal"] == "."
    assert data["header"] is True
    assert data["columns"] == [{"name": "t", "type": "numeric"}, {"name": "v", "type": "numeric"}]
    assert data["column"] == "v"
    assert data["rows"] == 3
    assert data["missing"] == 1
    assert data["missing_rows"] == [3]
    assert data["missing_policy"] == "interpolate"
    assert (data["first"], data["last"], data["min"], data["max"]) == (1.5, 3.5, 1.5, 3.5)
    assert data["values"] == [1.5, None, 3.5]
    assert data["times"] is None  # a numeric first column is no time axis


def test_json_times_follow_the_series_step(tmp_path, capsys):
    code, data = inspect_json(write(tmp_path, "Mese;Valore\n31/12/2020;1,5\n31/01/2021;ND\n28/02/2021;2\n"), capsys)
    assert code == 0
    # One time per value, the missing one's included, written as far as the series' step needs.
    assert data["times"] == ["2020-12-31", "2021-01-31", "2021-02-28"]
    assert data["values"] == [1.5, None, 2.0]

    monthly = write(tmp_path, "month,passengers\n1949-01,112\n1949-02,118\n", name="monthly.csv")
    code, data = inspect_json(monthly, capsys)
    assert code == 0
    assert data["times"] == ["1949-01", "1949-02"]


def test_json_path_is_absolute_like_trains(tmp_path, capsys, monkeypatch):
    write(tmp_path, GERMAN)
    monkeypatch.chdir(tmp_path)
    code = main(["inspect", "data.csv", "--json", "out.json"])
    capsys.readouterr()
    assert code == 0
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data["path"] == str((tmp_path / "data.csv").resolve())


def test_overrides_reach_the_reader(tmp_path, capsys):
    source = write(tmp_path, "10;20\n1;2,5\n3;4,5\n", encoding="cp1252")
    code, data = inspect_json(source, capsys, "--delimiter", ";", "--decimal", ",", "--encoding", "cp1252",
                              "--header", "--column", "20", "--missing", "drop")
    assert code == 0
    assert (data["delimiter"], data["decimal"], data["encoding"]) == (";", ",", "cp1252")
    assert data["header"] is True
    assert data["column"] == "20"
    assert data["missing_policy"] == "drop"
    assert data["values"] == [2.5, 4.5]


def test_no_header_override(tmp_path, capsys):
    source = write(tmp_path, "a,b\n1,2\n3,4\n")
    code = main(["inspect", str(source), "--no-header", "--column", "0"])
    out, err = capsys.readouterr()
    assert code == 2
    assert "line 1" in err
    assert "'a' is not a number" in err


def test_refuse_policy_adds_note(tmp_path, capsys):
    code = main(["inspect", str(write(tmp_path, "v\n1\nNA\n3\n")), "--missing", "refuse"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "missing        1 (line 3), policy refuse" in out
    assert "with the policy 'refuse'" in out


def test_missing_file_exits_2(tmp_path, capsys):
    code = main(["inspect", str(tmp_path / "absent.csv")])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert "CSV file not found" in err


def test_junk_exits_2_with_line(tmp_path, capsys):
    code = main(["inspect", str(write(tmp_path, "t,v\n0,1\n1,two\n"))])
    _, err = capsys.readouterr()
    assert code == 2
    assert "line 3, column 'v': 'two' is not a number" in err


def test_json_folder_exits_2(tmp_path, capsys):
    code = main(["inspect", str(write(tmp_path, GERMAN)), "--json", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 2
    assert f"cannot write --json {tmp_path}: it is a folder" in err
    assert out == ""


def test_json_write_failure_exits_1(tmp_path, capsys):
    # /dev/full accepts the open and fails the write with ENOSPC, as a full disk does.
    output = tmp_path / "out.json"
    output.symlink_to("/dev/full")
    code = main(["inspect", str(write(tmp_path, GERMAN)), "--json", str(output)])
    _, err = capsys.readouterr()
    assert code == 1
    assert f"cannot write {output}: No space left on device" in err


def test_module_entry_point(tmp_path):
    result = subprocess.run([sys.executable, "-m", "rnn_desktop", "inspect", str(write(tmp_path, GERMAN))],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    assert "decimal        ','" in result.stdout


def test_train_reads_csv_with_overrides(tmp_path, capsys):
    rows = "".join(f"{i};{i % 7},{i % 3}\n" for i in range(60))
    source = write(tmp_path, "Zeit;Wert\n" + rows)
    code = main(["train", "--csv", str(source), "--column", "Wert", "--delimiter", ";", "--decimal", ",",
                 "--epochs", "2", "--hidden", "4", "--seq-len", "5", "--val-windows", "5"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "training on 60 values" in out
    assert len([line for line in out.splitlines() if line.startswith("epoch ")]) == 2


def test_train_with_single_number_says_too_short(tmp_path, capsys):
    code = main(["train", "--csv", str(write(tmp_path, "42\n")), "--epochs", "1"])
    _, err = capsys.readouterr()
    assert code == 2
    assert "too short" in err
    assert "at least 2" in err


def test_train_with_short_csv_gives_minimum(tmp_path, capsys):
    source = write(tmp_path, "v\n" + "".join(f"{i}\n" for i in range(30)))
    code = main(["train", "--csv", str(source), "--epochs", "1", "--seq-len", "50", "--val-windows", "50"])
    _, err = capsys.readouterr()
    assert code == 2
    assert "30 values" in err
    assert "at least 101" in err


def test_unreadable_dates_are_explained(tmp_path, capsys):
    code = main(["inspect", str(write(tmp_path, "date,v\n2020-01-01,1\n2020-02-30,2\n"))])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "time axis      none: column 'date' gives no time axis because line 3, '2020-02-30', is not a date" in out


def test_one_missing_value_says_line(tmp_path, capsys):
    rows = "".join(f"{i},{'NA' if i == 10 else i * 1.5}\n" for i in range(20))
    code = main(["inspect", str(write(tmp_path, "t,v\n" + rows))])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "missing        1 (line 12), policy interpolate" in out


def test_two_missing_values_say_lines(tmp_path, capsys):
    rows = "".join(f"{i},{'NA' if i in (3, 10) else i * 1.5}\n" for i in range(20))
    code = main(["inspect", str(write(tmp_path, "t,v\n" + rows))])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "missing        2 (lines 5, 12), policy interpolate" in out


def test_refused_single_gap_says_line(tmp_path, capsys):
    rows = "".join(f"{i},{'NA' if i == 10 else i * 1.5}\n" for i in range(80))
    code = main(["train", "--csv", str(write(tmp_path, "t,v\n" + rows)), "--missing", "refuse", "--epochs", "1"])
    _, err = capsys.readouterr()
    assert code == 2
    assert "column 'v' has 1 missing value (line 12) and the missing-value policy is 'refuse'. Fill it in" in err


def test_blank_column_listed_as_empty(tmp_path, capsys):
    rows = "".join(f"{i},\n" for i in range(20))
    code = main(["inspect", str(write(tmp_path, "t,value\n" + rows))])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "column         t (index 0)" in out
    assert "empty columns  value (every value is missing, so the last numeric column is used)" in out


def test_rows_after_drop_reported(tmp_path, capsys):
    source = write(tmp_path, "t,v\n1,2\n2,\n3,4\n4,5\n")

    code = main(["inspect", str(source), "--missing", "drop"])

    assert code == 0
    assert "rows           4 (3 after the missing ones are dropped)" in capsys.readouterr().out


def test_inspect_notes_header_with_other_delimiter(tmp_path, capsys):
    from rnn_desktop.cli import main

    path = tmp_path / "semi.csv"
    path.write_text("date,value\n" + "".join(f"2021-01-{day:02d};{day % 7 + 2},{day % 9}5\n" for day in range(1, 29)),
                    encoding="utf-8")

    assert main(["inspect", str(path)]) == 0

    out = capsys.readouterr().out
    assert "delimiter      semicolon\n" in out
    assert "decimal        ','\n" in out
    assert "columns        0: date (datetime), 1: value (numeric)\n" in out
    assert ("note           the header's names are separated by ',' and the rows' cells by ';', so each was split "
            "at its own delimiter\n") in out


def test_unreadable_date_line_named(tmp_path, capsys):
    path = tmp_path / "dates.csv"
    path.write_text("Data;Valore\n30.01.2018;1\n28.02.2018;2\n31.02.2018;3\n31.03.2018;4\n", encoding="utf-8")

    code = main(["inspect", str(path)])

    out = capsys.readouterr().out
    assert code == 0
    assert ("time axis      none: column 'Data' gives no time axis because line 4, '31.02.2018', is not a date; "
            "the values use their positions 0, 1, 2, ... instead, and correcting that cell brings the dates back") in out


def test_time_gaps_note(tmp_path, capsys):
    import datetime

    start = datetime.datetime(2024, 3, 1)
    rows = "".join(f"{start + datetime.timedelta(minutes=i):%Y-%m-%d %H:%M},{i % 5}\n" for i in range(300) if i != 120)
    source = write(tmp_path, "timestamp,value\n" + rows)

    code = main(["inspect", str(source)])

    out, _ = capsys.readouterr()
    assert code == 0
    assert ("note           the times in 'timestamp' step by 1 minute, but one step is 2 minutes, before line 122; "
            "the model takes the rows as evenly spaced, so it joins values further apart there") in out
