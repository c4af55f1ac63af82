"""Test-wide setup: Qt runs offscreen unless a test requests a real X display."""

import os
import pathlib

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = pathlib.Path(__file__).resolve().parent.parent
# The real sample series shipped with the app.
SAMPLE_DATA = REPO / "resources" / "data"
