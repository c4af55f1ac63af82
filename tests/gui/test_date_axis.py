"""The date axis: times shown as written, and the label naming the month or year of a short view."""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
import pytest
from gui_helpers import show_widget
from PySide6.QtCore import QLocale

from rnn_desktop.gui.locale_axis import LocaleDateAxisItem, span_name

HOUR = 3600.0
DAY = 24 * HOUR


def seconds(text: str) -> float:
    return float(np.datetime64(text, "s").astype(np.int64))


def shown_labels(qtbot, low: str, high: str) -> dict[float, list[tuple[float, str]]]:
    """Return the labels of each tick level of a date axis 700 px wide showing low..high."""
    axis = LocaleDateAxisItem(orientation="bottom")
    plot = show_widget(qtbot, pg.PlotWidget(axisItems={"bottom": axis}), 700, 300)
    # pyqtgraph measures its labels with the font metrics of the first paint.
    qtbot.waitUntil(lambda: hasattr(axis, "fontMetrics"))
    start, end = seconds(low), seconds(high)
    labels = {}
    for spacing, values in axis.tickValues(start, end, 600):
        labels[spacing] = list(zip(values, axis.tickStrings(values, 1.0, spacing)))
    plot.close()
    return labels


@pytest.fixture
def rome_time(monkeypatch):
    """Run the test as on a computer set to Central European Time (UTC+1 in March)."""
    monkeypatch.setenv("TZ", "CET-1")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_times_keep_their_clock_outside_utc(qtbot, rome_time):
    assert time.localtime(0).tm_hour == 1

    labels = shown_labels(qtbot, "2024-03-05T09:00", "2024-03-05T15:00")

    hours = dict(labels[HOUR])
    assert "12:00" in hours[seconds("2024-03-05T12:00")]


def test_label_names_short_view_month(qtbot):
    labels = shown_labels(qtbot, "2024-03-04T12:00", "2024-03-18")

    assert [text for _, text in labels[DAY][:3]] == ["05", "06", "07"]
    assert span_name(seconds("2024-03-04T12:00"), seconds("2024-03-18")) == "March 2024"


@pytest.mark.parametrize(("low", "high", "name"), [
    ("2024-03-05T09:30", "2024-03-05T15:00", "5 March 2024"),
    ("2024-02-20", "2024-04-10", "2024"),
    ("2023-12-20", "2024-01-10", ""),
    ("1871-01-01", "1970-01-01", ""),
])
def test_span_name(low, high, name):
    assert span_name(seconds(low), seconds(high)) == name


def test_span_name_outside_dates_is_empty():
    assert span_name(-1e300, 1e300) == ""


def test_axis_label_follows_the_view(qtbot):
    axis = LocaleDateAxisItem(orientation="bottom")
    plot = show_widget(qtbot, pg.PlotWidget(axisItems={"bottom": axis}), 700, 300)
    plot.setLabel("bottom", "date")

    plot.setXRange(seconds("2024-03-04"), seconds("2024-03-18"), padding=0)
    qtbot.waitUntil(lambda: "March 2024" in axis.label.toPlainText())
    assert axis.label.toPlainText().strip() == "date (March 2024)"

    plot.setXRange(seconds("2023-03-04"), seconds("2024-03-18"), padding=0)
    qtbot.waitUntil(lambda: "March" not in axis.label.toPlainText())
    assert axis.label.toPlainText().strip() == "date"


def test_span_name_uses_locale_month_names():
    italian = QLocale(QLocale.Language.Italian, QLocale.Country.Italy)

    assert span_name(seconds("2024-03-04"), seconds("2024-03-18"), italian) == "marzo 2024"
