"""The sample series in resources/data are exact copies of the project's shared data files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "resources" / "data"
# In a checkout laid out as in development, the shared data folder sits beside the repository.
SHARED = REPO.parent / "shared" / "data"
# SHA-256 of the shared files, so a clone without the shared folder still checks its copies.
SHARED_SHA256 = {
    "airpassengers.csv": "d27dd74f3654ab4c688afccf2348870410902f480cea900d872be2ae33184411",
    "nile.csv": "30c6cb6b0ee6858642dc8667f5ec99c8223ef623acf6f50a966f728edccf1599",
    "sunspots_monthly.csv": "726500c021d25fee925c39f516ce10091c1c214e2d92ed360d40a2d130978d35",
}


@pytest.mark.parametrize("name", sorted(SHARED_SHA256))
def test_sample_matches_shared_file(name):
    sample = SAMPLES / name
    assert sample.is_file(), f"{sample} is missing"
    assert hashlib.sha256(sample.read_bytes()).hexdigest() == SHARED_SHA256[name]
    # Where the shared folder is at hand, the recorded digest must still be its file's.
    shared = SHARED / name
    if shared.is_file():
        assert sample.read_bytes() == shared.read_bytes()
