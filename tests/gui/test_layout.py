"""The window at its default size: what fits, and how the plots label their axes."""

from __future__ import annotations

from gui_helpers import SHARED_DATA

from rnn_desktop.core.training import TrainConfig


def test_data_tab_fits_default_window(qtbot, make_window):
    window = make_window(TrainConfig())
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)

    assert window.open_csv(str(SHARED_DATA / "sunspots_monthly.csv"))
    qtbot.wait(50)

    area = window.settings_tabs.currentWidget()
    assert area.verticalScrollBar().maximum() == 0
    assert window.data_panel.preview.height() >= 150


def test_loss_axis_labels_only_powers_of_ten(make_window):
    window = make_window()
    window.loss_plot.redraw()

    major, minor = window.loss_plot.plot.getAxis("left")._tickLevels
    labels = [label for _, label in major]
    assert labels == ["0.001", "0.01", "0.1", "1"]
    assert minor == []


def test_loss_axis_thins_many_decades(make_window):
    window = make_window()
    window.loss_plot._set_decade_ticks((-12.0, 1.0))

    major, _ = window.loss_plot.plot.getAxis("left")._tickLevels
    assert len(major) <= 6


def test_axes_use_csv_column_names(make_window):
    window = make_window()

    assert window.open_csv(str(SHARED_DATA / "airpassengers.csv"))

    plot = window.prediction_plot.plot
    assert plot.getAxis("bottom").labelText == "month"
    assert plot.getAxis("left").labelText == "passengers"


def test_preview_uses_date_axis_for_dates(make_window):
    from pyqtgraph import DateAxisItem

    window = make_window()

    assert window.open_csv(str(SHARED_DATA / "nile.csv"))

    assert isinstance(window.data_panel.preview.getPlotItem().getAxis("bottom"), DateAxisItem)


def test_empty_loss_plot_shows_decades(make_window):
    from rnn_desktop.gui.plots import LossPlot

    plot = LossPlot()

    major, minor = plot.plot.getAxis("left")._tickLevels
    assert [label for _, label in major] == ["0.001", "0.01", "0.1", "1"]
    assert minor == []
    x_low, x_high = plot.plot.getViewBox().viewRange()[0]
    assert x_low <= 1 <= x_high


def test_other_data_warning_keeps_window_width(qtbot, make_window, tmp_path):
    from rnn_desktop.core.csv_reader import read_series
    from rnn_desktop.core.training import Trainer

    nile = read_series(str(SHARED_DATA / "nile.csv"))
    weights = tmp_path / "weights_trained_on_the_nile_series_with_a_long_file_name.npz"
    Trainer(TrainConfig(epochs=1, hidden=4, val_windows=10), nile.values, source=nile.source).save(weights)
    window = make_window(TrainConfig())
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_csv(str(SHARED_DATA / "airpassengers.csv"))
    qtbot.wait(50)
    width = window.width()

    assert window.load_weights(str(weights))
    qtbot.wait(100)

    label = window.metrics_label
    assert label.text().startswith("Warning:")
    assert window.width() == width
    assert window.minimumSizeHint().width() <= width
    # The whole warning wraps inside the label, and the tooltip has it too.
    assert label.height() > label.fontMetrics().height() * 1.5
    assert label.toolTip() == label.text()
    assert label.geometry().right() <= window.centralWidget().width()
