"""The numerical core and the train command must not import Qt."""

import subprocess
import sys

CORE_MODULES = [
    "rnn_desktop.core.rnn", "rnn_desktop.core.optim", "rnn_desktop.core.training",
    "rnn_desktop.core.series", "rnn_desktop.core.weights", "rnn_desktop.core.errors",
    "rnn_desktop.core.training_process",
    "rnn_desktop.commands.train",
]


def test_core_imports_no_qt():
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in CORE_MODULES)
        + "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'PyQt5', 'PyQt6', 'shiboken6', 'pyqtgraph'))\n"
        + "print(','.join(qt))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
