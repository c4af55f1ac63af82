"""Test-wide setup: Qt runs offscreen unless a test asks for a real X display."""

import os
import pathlib

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = pathlib.Path(__file__).resolve().parent.parent
# Real series shipped beside the repository (see README, "Tests").
SHARED_DATA = REPO.parent / "shared" / "data"
