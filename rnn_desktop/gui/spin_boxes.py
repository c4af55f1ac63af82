"""Spin boxes that accept any number typed and report the value they keep in its place.

Qt's own spin boxes reject a key press that would leave the range, and on
Enter restore the previous value for a number below the minimum, in both
cases without any message. These accept the number, keep the nearest value
in the range, and emit ``value_clamped`` with both, so the window can show
what happened.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox

from rnn_desktop.gui.decimal_key import with_locale_mark


class CompactDoubleSpinBox(QDoubleSpinBox):
    """A spin box that shows 0.003 rather than 0.0030000, with the locale's decimal mark.

    It also reads numbers written with the other decimal mark (see with_locale_mark).
    """

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt naming)
        if float(value).is_integer() and abs(value) < 1e15:
            # 1000000, not 1e+06; without group separators, like the whole-number fields.
            locale = self.locale()
            locale.setNumberOptions(locale.numberOptions() | QLocale.NumberOption.OmitGroupSeparator)
            return locale.toString(int(value))
        return self.locale().toString(float(value), "g", 6)

    # A typed number outside the range, with the value that Qt clamps it to.
    value_clamped = Signal(float, float)

    def valueFromText(self, text: str) -> float:  # noqa: N802 (Qt naming)
        value, ok = self.locale().toDouble(with_locale_mark(text, self.locale().decimalPoint()))
        if not ok:
            return self.value()
        kept = min(max(value, self.minimum()), self.maximum())
        if kept != value:
            self.value_clamped.emit(value, kept)
        return value

    def validate(self, text: str, position: int):
        text = with_locale_mark(text, self.locale().decimalPoint())
        if text.strip() in ("", self.locale().decimalPoint(), "-"):
            return QValidator.State.Intermediate, text, position
        _, ok = self.locale().toDouble(text)
        if ok:
            return QValidator.State.Acceptable, text, position
        # Allow a half-typed exponent such as "1e" or "1e-".
        if any(text.lower().endswith(tail) for tail in ("e", "e-", "e+")):
            return QValidator.State.Intermediate, text, position
        return QValidator.State.Invalid, text, position


class CompactSpinBox(QSpinBox):
    """A whole-number spin box that takes any whole number typed and reports one outside its range."""

    # A typed number outside the range, with the value that Qt clamps it to.
    value_clamped = Signal(float, float)

    def valueFromText(self, text: str) -> int:  # noqa: N802 (Qt naming)
        value, ok = self.locale().toLongLong(text.strip())
        if not ok:
            return self.value()
        kept = min(max(value, self.minimum()), self.maximum())
        if kept != value:
            self.value_clamped.emit(float(value), float(kept))
        return kept

    def validate(self, text: str, position: int):
        stripped = text.strip()
        if stripped in ("", "-", "+"):
            return QValidator.State.Intermediate, text, position
        _, ok = self.locale().toLongLong(stripped)
        return (QValidator.State.Acceptable if ok else QValidator.State.Invalid), text, position
