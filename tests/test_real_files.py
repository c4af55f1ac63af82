"""The three real series shipped beside the repository: reading, and training from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from rnn_desktop.cli import main
from rnn_desktop.core.csv_reader import read_series

# The real sample series shipped in resources/data; tests/test_sample_data.py
# checks them against the project's shared copies.
SHARED_DATA = Path(__file__).resolve().parents[1] / "resources" / "data"

# file, value column, time column, rows, first value, last value, first date
REAL_FILES = [
    ("airpassengers.csv", "passengers", "month", 144, 112.0, 432.0, "1949-01-01"),
    ("sunspots_monthly.csv", "sunspots", "date", 3177, 58.0, 37.0, "1749-01-01"),
    ("nile.csv", "flow", "year", 100, 1120.0, 740.0, "1871-01-01"),
]


@pytest.mark.parametrize("name, column, time_column, rows, first, last, start", REAL_FILES)
def test_real_file_loads(name, column, time_column, rows, first, last, start):
    path = SHARED_DATA / name
    assert path.is_file(), f"{path} is missing; the real series are expected beside the repository"

    series = read_series(path)
    assert series.name == column
    assert len(series) == rows
    assert series.values[0] == first
    assert series.values[-1] == last
    assert series.details["time_column"] == time_column
    assert str(series.time[0].astype("datetime64[D]")) == start
    assert series.missing_positions.size == 0


@pytest.mark.parametrize("name, column", [(entry[0], entry[1]) for entry in REAL_FILES])
def test_real_file_trains_from_command_line(name, column, capsys):
    path = SHARED_DATA / name
    assert path.is_file(), f"{path} is missing; the real series are expected beside the repository"

    code = main(["train", "--csv", str(path), "--column", column, "--epochs", "3", "--hidden", "8",
                 "--seq-len", "12", "--val-windows", "12"])
    out, err = capsys.readouterr()
    assert code == 0, err
    epochs = [line for line in out.splitlines() if line.startswith("epoch ")]
    assert len(epochs) == 3
    assert "stop: completed after 3 epochs" in out
