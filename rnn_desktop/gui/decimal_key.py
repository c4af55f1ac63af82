"""Make the '.' key type the locale's decimal mark in the app's double spin boxes.

In a locale whose decimal mark is ',' (Italian), Qt's QDoubleSpinBox reads
'.' as a group separator, so a person who types 0.05 out of habit gets 5
without any warning. This filter turns a '.' key press into the locale's
mark. Pasted text is not changed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDoubleSpinBox


class DecimalKeyFilter(QObject):
    """Application-wide event filter that turns a '.' key press in a QDoubleSpinBox into the decimal mark."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QDoubleSpinBox):
            return False
        if event.text() != ".":
            return False
        mark = watched.locale().decimalPoint()
        if mark == ".":
            return False

        key = Qt.Key.Key_Comma if mark == "," else event.key()
        QApplication.sendEvent(watched, QKeyEvent(QEvent.Type.KeyPress, key, event.modifiers(), mark))
        return True


_filter: DecimalKeyFilter | None = None


def install_decimal_key_filter(app: QApplication) -> None:
    """Install the filter on ``app`` once; later calls do nothing."""
    global _filter

    if _filter is None:
        _filter = DecimalKeyFilter(app)
        app.installEventFilter(_filter)
