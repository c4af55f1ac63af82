"""Plot axes whose tick labels follow the current QLocale.

pyqtgraph formats ticks with Python's ``%g`` and ``strftime`` in the C
locale, so an Italian window would show "0.5" and "Jan". These axes take
pyqtgraph's strings and swap in the locale's decimal mark and its short
month and day names.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QDate, QLocale

# Names that strftime's %b and %a print in the C locale, in QLocale's numbering order (1-based).
_C_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_C_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_C_NAME = re.compile(r"\b(" + "|".join(_C_MONTHS + _C_DAYS) + r")\b")


def localize_number_text(text: str, locale: QLocale | None = None) -> str:
    """Replace the '.' decimal mark in pyqtgraph's number text with the locale's."""
    locale = locale or QLocale()
    return text.replace(".", locale.decimalPoint())


def localize_date_text(text: str, locale: QLocale | None = None) -> str:
    """Replace English month and day abbreviations with the locale's short names."""
    locale = locale or QLocale()
    short = QLocale.FormatType.ShortFormat

    def local_name(match: re.Match) -> str:
        name = match.group(1)
        if name in _C_MONTHS:
            return locale.monthName(_C_MONTHS.index(name) + 1, short)
        return locale.dayName(_C_DAYS.index(name) + 1, short)

    return _C_NAME.sub(local_name, text)


class LocaleAxisItem(pg.AxisItem):
    """An AxisItem whose tick labels and scale factor use the locale's decimal mark.

    ``min_tick_spacing`` above 0 drops tick levels finer than it: an axis of
    whole time steps gets no tick at 2.5 when it is zoomed in or short.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.min_tick_spacing = 0.0

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802, N803 (pyqtgraph naming)
        levels = super().tickSpacing(minVal, maxVal, size)
        if self.min_tick_spacing <= 0.0:
            return levels
        kept = [(spacing, offset) for spacing, offset in levels if spacing >= self.min_tick_spacing]
        return kept or [(self.min_tick_spacing, 0.0)]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph naming)
        locale = QLocale()
        return [localize_number_text(text, locale) for text in super().tickStrings(values, scale, spacing)]

    def labelString(self):  # noqa: N802 (pyqtgraph naming)
        # The label text itself is translated; only the "(x0.001)" scale factor is a number.
        text = super().labelString()
        return re.sub(r"\(x[0-9.e+-]+\)", lambda match: localize_number_text(match.group(0)), text)


class LocaleDateAxisItem(pg.DateAxisItem):
    """A DateAxisItem with the locale's short month and day names, in no time zone.

    The series' times carry no time zone, so ticks show them as written:
    pyqtgraph's default would shift them by the computer's offset from UTC,
    and put a reading taken at 12:00 under the 13:00 tick in Rome.

    When the whole view lies in one year, month or day, the axis label names
    it, because the ticks then leave it out: a view of two weeks in March
    has ticks "05", "06", "07" and the label "date (March 2024)".
    """

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("utcOffset", 0)
        super().__init__(*args, **kwargs)
        self._span_name = ""

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph naming)
        locale = QLocale()
        return [localize_date_text(text, locale) for text in super().tickStrings(values, scale, spacing)]

    def setRange(self, mn, mx):  # noqa: N802 (pyqtgraph naming)
        super().setRange(mn, mx)
        name = span_name(mn, mx)
        if name != getattr(self, "_span_name", ""):
            self._span_name = name
            self._updateLabel()

    def labelString(self):  # noqa: N802 (pyqtgraph naming)
        # pyqtgraph's __init__ sets the range and requests the label before _span_name exists.
        if not getattr(self, "_span_name", ""):
            return super().labelString()
        text = self.labelText
        self.labelText = f"{text} ({self._span_name})" if text else self._span_name
        try:
            return super().labelString()
        finally:
            self.labelText = text


def span_name(start: float, end: float, locale: QLocale | None = None) -> str:
    """Return the day, month or year that contains all of start..end (seconds since 1970), or ""."""
    try:
        first, last = (datetime(1970, 1, 1) + timedelta(seconds=float(value)) for value in (start, end))
    except (OverflowError, ValueError):
        return ""
    locale = locale or QLocale()
    day = QDate(first.year, first.month, first.day)
    if first.date() == last.date():
        return locale.toString(day, "d MMMM yyyy")
    if (first.year, first.month) == (last.year, last.month):
        return locale.toString(day, "MMMM yyyy")
    if first.year == last.year:
        return str(first.year)
    return ""


def localize_tick_strings(axis: pg.AxisItem) -> None:
    """Make an axis that pyqtgraph created itself, such as a ColorBarItem's, use the locale's decimal mark."""
    pyqtgraph_strings = axis.tickStrings

    def tick_strings(values, scale, spacing):
        locale = QLocale()
        return [localize_number_text(text, locale) for text in pyqtgraph_strings(values, scale, spacing)]

    axis.tickStrings = tick_strings


def whole_number_spacing(xs: np.ndarray) -> float:
    """Return 1 when every x is a whole number (positions, years), else 0: a ``min_tick_spacing``."""
    return 1.0 if xs.size and bool(np.all(np.isfinite(xs))) and bool(np.all(xs == np.round(xs))) else 0.0


def locale_axes() -> dict[str, LocaleAxisItem]:
    """Return new left and bottom axes for a PlotWidget's ``axisItems``."""
    return {"left": LocaleAxisItem("left"), "bottom": LocaleAxisItem("bottom")}
