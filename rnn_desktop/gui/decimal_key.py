"""Let the app's double spin boxes read both '.' and ',' as the decimal mark.

In a locale whose decimal mark is ',' (Italian), Qt's QDoubleSpinBox reads
'.' as a group separator, so a person who types 0.05 out of habit gets 5
without any warning. DecimalKeyFilter turns a '.' key press into the
locale's mark. DecimalSpinBox also reads pasted or edited text written with
the other decimal mark, for example 0.05 pasted from a paper.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QValidator
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


def with_locale_mark(text: str, mark: str) -> str:
    """Replace the other decimal mark by ``mark`` when ``text`` has exactly one of it and no ``mark``.

    The app's spin boxes never show group separators, so one '.' in Italian
    text, or one ',' in English text, can only be a decimal mark.
    """
    other = "." if mark == "," else ","
    if mark in text or text.count(other) != 1:
        return text
    return text.replace(other, mark)


class DecimalSpinBox(QDoubleSpinBox):
    """QDoubleSpinBox that accepts a number written with either decimal mark."""

    def validate(self, text: str, position: int) -> tuple[QValidator.State, str, int]:
        fixed = with_locale_mark(text, self.locale().decimalPoint())
        return super().validate(fixed, position)

    def valueFromText(self, text: str) -> float:  # noqa: N802 (Qt naming)
        return super().valueFromText(with_locale_mark(text, self.locale().decimalPoint()))


_filter: DecimalKeyFilter | None = None


def install_decimal_key_filter(app: QApplication) -> None:
    """Install the filter on ``app`` once; later calls do nothing."""
    global _filter

    if _filter is None:
        _filter = DecimalKeyFilter(app)
        app.installEventFilter(_filter)
