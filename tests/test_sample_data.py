"""The sample series in resources/data are exact copies of the project's shared data files."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "resources" / "data"
# In a checkout laid out as in CI, the shared data folder sits beside the repository.
SHARED = REPO.parent / "shared" / "data"
NAMES = ("airpassengers.csv", "nile.csv", "sunspots_monthly.csv")


@pytest.mark.parametrize("name", NAMES)
def test_sample_file_is_present(name):
    assert (SAMPLES / name).is_file(), f"{SAMPLES / name} is missing"


@pytest.mark.parametrize("name", NAMES)
def test_sample_matches_shared_copy(name):
    if not SHARED.is_dir():
        pytest.skip(f"no shared data folder at {SHARED} to compare with")
    assert (SAMPLES / name).read_bytes() == (SHARED / name).read_bytes()
