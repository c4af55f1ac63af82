"""Locate files under `resources/` (icons, translations, desktop file, sample data).

The same call works in three layouts: a source checkout or editable install
(`resources/` beside the package), an installed wheel (copied into the package
as `rnn_desktop/_resources`), and a PyInstaller bundle (under `sys._MEIPASS`).
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """Return the first existing resources folder of the layouts above."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates.append(_PACKAGE_DIR / "_resources")
    candidates.append(_PACKAGE_DIR.parent / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    # Fall back to the source layout so error messages show a meaningful path.
    return candidates[-1]


def resource_path(*parts: str) -> Path:
    """Return the path of a file under the resources folder (it may not exist)."""
    return resources_dir().joinpath(*parts)
