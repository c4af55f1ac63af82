"""Detect a PySide6 build that corrupts the reference counts of None and True.

PySide6-Essentials 6.12.0 on Python 3.11 returns None from void methods and
True from ``Signal.emit`` without taking a reference. Measured on Python
3.11.7: each ``emit()`` lowers ``sys.getrefcount(True)`` by one and each
``setText()`` lowers None's by one, while 6.11.0 and 6.11.3 keep both
counts. After a few thousand calls Python aborts with "Fatal Python error:
none_dealloc" or "bool_dealloc", in the middle of training. Python 3.12 and later make None and True immortal, so the defect
does no harm there and this check finds nothing.
"""

from __future__ import annotations

import sys

CALLS = 50


def binding_problem() -> str | None:
    """Return why the installed PySide6 cannot run the app, or None when it can."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        ping = Signal()

    probe = Probe()
    before = sys.getrefcount(True)
    for _ in range(CALLS):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    if lost < CALLS // 2:
        return None
    return (
        f"PySide6 {pyside_version} on Python {sys.version_info.major}.{sys.version_info.minor} loses a "
        f"reference to True on every signal emission ({lost} in {CALLS} calls), so the app would crash "
        "with 'Fatal Python error: bool_dealloc' after a few thousand signals. Install another version, "
        "for example: pip install 'PySide6-Essentials==6.11.3', or use Python 3.12 or later."
    )
