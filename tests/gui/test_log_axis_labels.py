"""Labels of the log axes (loss, gradient norm): powers of ten in one form per axis."""

from __future__ import annotations

import types

import pytest
from PySide6.QtCore import QLocale

from rnn_desktop.gui.plots import LOSS_MAX_TICK_LABELS, LossPlot, decade_ticks


def labels(ticks):
    return [label for _, label in ticks]


def test_plain_numbers_within_range():
    # In the C locale, so that an earlier test's English locale, which groups 1,000, does not leak in.
    previous = QLocale()
    QLocale.setDefault(QLocale.c())
    try:
        assert labels(decade_ticks(-4, 3, 8)) == ["0.0001", "0.001", "0.01", "0.1", "1", "10", "100", "1000"]
    finally:
        QLocale.setDefault(previous)


@pytest.mark.parametrize("low, high", [(-6, 0), (0, 4), (-5, 5)])
def test_superscripts_beyond_range(low, high):
    tick_labels = labels(decade_ticks(low, high, 20))

    assert all(label.startswith("10") for label in tick_labels)
    assert "10\u2070" in tick_labels


def test_negative_exponent_superscript():
    assert labels(decade_ticks(-12, -11, 6)) == ["10\u207b\u00b9\u00b2", "10\u207b\u00b9\u00b9"]


def test_many_decades_thinned():
    ticks = decade_ticks(-12, 3, LOSS_MAX_TICK_LABELS)

    assert len(ticks) <= LOSS_MAX_TICK_LABELS
    assert [value for value, _ in ticks] == [-12.0, -9.0, -6.0, -3.0, 0.0, 3.0]


def test_plain_numbers_use_locale_decimal_mark():
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Italian, QLocale.Country.Italy))
    try:
        tick_labels = labels(decade_ticks(-2, 0, 6))
    finally:
        QLocale.setDefault(previous)

    assert tick_labels == ["0,01", "0,1", "1"]


def test_loss_plot_labels_one_form(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    for epoch, loss in enumerate((1.0, 1e-3, 1e-7), start=1):
        plot.append(types.SimpleNamespace(epoch=epoch, train_loss=loss, val_loss=loss * 2))
    plot.refresh()

    major = plot.plot.getAxis("left")._tickLevels[0]

    assert major
    assert all(label.startswith("10") for _, label in major)
