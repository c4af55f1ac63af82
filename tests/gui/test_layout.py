"""The window at its default size: what fits, and how the plots label their axes."""

from __future__ import annotations

import numpy as np
from gui_helpers import FAST, SHARED_DATA, field_columns, show_widget

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


def contrast_ratio(first, second) -> float:
    """Return the WCAG 2 contrast ratio of two RGB colours."""
    def luminance(color):
        channels = [value / 255 for value in color[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_prediction_colours_contrast_with_background():
    from rnn_desktop.gui.plots import TRAIN_PREDICTION_COLOR, VAL_PREDICTION_COLOR, VAL_REGION_COLOR

    # 3:1 is WCAG 2.1's minimum contrast for graphical objects.
    assert contrast_ratio(VAL_PREDICTION_COLOR, VAL_REGION_COLOR) >= 3
    assert contrast_ratio(TRAIN_PREDICTION_COLOR, (255, 255, 255)) >= 3


def test_predictions_drawn_above_series(make_window):
    plot = make_window().prediction_plot

    assert plot.train_curve.zValue() > plot.actual_curve.zValue()
    assert plot.val_curve.zValue() > plot.actual_curve.zValue()
    assert plot.forecast_curve.zValue() > plot.actual_curve.zValue()
    assert plot.val_curve.opts["pen"].widthF() >= plot.actual_curve.opts["pen"].widthF()


def train_shown(qtbot, window) -> None:
    """Show ``window`` at 1400 x 900, train one run and draw its plots."""
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.run_finished, timeout=60000):
        assert window.start_training()
    window.refresh_plots()
    qtbot.wait(50)


def test_validation_label_inside_band(qtbot, make_window):
    from PySide6.QtCore import QPointF

    window = make_window()
    train_shown(qtbot, window)

    plot = window.prediction_plot
    line_x = plot.plot.vb.mapViewToScene(QPointF(plot.split_line.value(), 0)).x()
    label = plot.split_line.label
    assert plot.split_line.isVisible()
    assert label.sceneBoundingRect().left() >= line_x
    assert label.zValue() + plot.split_line.zValue() > plot.val_curve.zValue()


def test_validation_label_fill_only_when_it_fits(qtbot, make_window):
    from PySide6.QtCore import QPointF, Qt

    from rnn_desktop.core.series import Series
    from rnn_desktop.core.training import TrainConfig

    # 100 values and 10 validation windows, as in the Nile file: the band is narrower than the label.
    short = Series(values=np.sin(0.3 * np.arange(100.0)), name="short", source="test")
    window = make_window(TrainConfig(epochs=1, hidden=4, seq_len=40, val_windows=10, val_fraction=None),
                         series=short)
    train_shown(qtbot, window)

    plot = window.prediction_plot
    label = plot.split_line.label
    start, end = plot.val_region.getRegion()
    band = (plot.plot.vb.mapViewToScene(QPointF(end, 0)).x()
            - plot.plot.vb.mapViewToScene(QPointF(start, 0)).x())
    assert band < label.boundingRect().width()
    assert label.fill.style() == Qt.BrushStyle.NoBrush

    # Zoomed in on the band, the label fits and gets its fill back.
    plot.plot.vb.setXRange(start - 1, end + 1, padding=0)
    qtbot.wait(50)
    assert label.fill.style() == Qt.BrushStyle.SolidPattern


def test_legends_let_data_show_through(make_window):
    window = make_window()

    for panel in (window.loss_plot, window.prediction_plot):
        assert panel.plot.legend.opts["brush"].color().alpha() <= 128


def test_loss_axis_ticks_whole_epochs(make_window):
    axis = make_window().loss_plot.plot.getAxis("bottom")

    for last_epoch in (2, 3, 5, 7):
        levels = axis.tickValues(0.5, last_epoch + 0.5, 900)
        values = [value for _, ticks in levels for value in ticks]
        assert values, last_epoch
        assert all(float(value).is_integer() for value in values), (last_epoch, values)


def tick_values(axis, low, high):
    return [value for _, ticks in axis.tickValues(low, high, 900) for value in ticks]


def test_short_file_axes_tick_whole_steps(make_window, tmp_path):
    window = make_window()
    path = tmp_path / "five.csv"
    path.write_text("value\n3\n5\n4\n6\n5\n", encoding="utf-8")
    assert window.open_csv(str(path))
    preview_axis = window.data_panel.preview.getPlotItem().getAxis("bottom")
    prediction_axis = window.prediction_plot.plot.getAxis("bottom")

    for axis in (preview_axis, prediction_axis):
        values = tick_values(axis, -0.2, 4.2)
        assert values and all(float(value).is_integer() for value in values), values


def test_time_axis_of_fractional_years_keeps_fine_ticks(make_window):
    panel = make_window().prediction_plot
    panel.set_series(np.arange(40.0) % 3, time=2000.0 + np.arange(40) / 4)
    axis = panel.plot.getAxis("bottom")

    values = tick_values(axis, 2000.0, 2001.0)
    assert any(not float(value).is_integer() for value in values), values


def test_long_status_message_is_elided(qtbot, make_window):
    window = show_widget(qtbot, make_window(), 1400, 900)
    width = window.width()
    message = "Warning: " + " ".join(f"/a/long/path/number/{i}/weights.npz" for i in range(40))

    window.statusBar().showMessage(message)
    qtbot.wait(50)

    status_bar = window.statusBar()
    lines = status_bar.displayed_lines()
    shown = status_bar.displayed_text()
    assert window.width() == width
    assert len(lines) == 2
    assert shown.endswith("…")
    assert message.startswith(shown[:-1])
    for line in lines:
        assert status_bar.fontMetrics().horizontalAdvance(line) <= status_bar.width()
    assert status_bar.toolTip() == message


def test_long_status_message_takes_a_second_line(qtbot, make_window):
    window = show_widget(qtbot, make_window(), 1366, 768)
    status_bar = window.statusBar()
    one_line = status_bar.height()
    # Advice at the end of a message this long was cut at 1366 px.
    message = "Tutorial preset: " + "the settings of the classic tutorial, " * 6 + "so choose Recommended."

    window.statusBar().showMessage(message)
    qtbot.waitUntil(lambda: status_bar.height() > one_line)

    assert len(status_bar.displayed_lines()) == 2
    assert status_bar.displayed_text() == message
    window.statusBar().showMessage("Ready.")
    qtbot.waitUntil(lambda: status_bar.height() == one_line)


def test_preview_follows_series_without_dates(make_window, tmp_path):
    window = make_window(series=None)
    plain = tmp_path / "plain.csv"
    plain.write_text("x,v\n" + "".join(f"{i},{np.sin(i / 3):.4f}\n" for i in range(120)), encoding="utf-8")
    view_box = window.data_panel.preview.getPlotItem().getViewBox()

    assert window.open_csv(str(SHARED_DATA / "airpassengers.csv"))
    assert window.open_csv(str(plain))

    # The dated series left the view at 1949 to 1960 in seconds; the positions 0 to 119 must show.
    (x_low, x_high), (y_low, y_high) = view_box.viewRange()
    assert -10 < x_low <= 0
    assert 119 <= x_high < 130
    assert -1.5 < y_low <= -0.99
    assert 0.99 <= y_high < 1.5


def test_short_prediction_plot_legend_clear(qtbot):
    from PySide6.QtCore import QPointF

    from rnn_desktop.gui.plots import PredictionPlot

    panel = show_widget(qtbot, PredictionPlot(), 900, 220)
    values = 300 + 200 * np.abs(np.sin(np.arange(144) * 0.26))
    panel.set_series(values)
    panel.refresh()
    qtbot.wait(50)
    panel.refresh()
    qtbot.wait(50)

    legend = panel.plot.legend.sceneBoundingRect()
    for x, y in zip(*panel.actual_curve.getData()):
        assert not legend.contains(panel.plot.vb.mapViewToScene(QPointF(x, y))), (x, y)


def test_narrow_prediction_plot_legend_takes_two_rows(qtbot):
    from rnn_desktop.gui.plots import PredictionPlot

    panel = show_widget(qtbot, PredictionPlot(), 420, 300)
    panel.set_series(np.sin(np.arange(200.0)))
    panel.refresh()
    qtbot.wait(50)

    # One row of four entries is wider than this view and lost its last entry past the edge.
    legend = panel.plot.legend
    assert legend.columnCount == 2
    assert legend.sceneBoundingRect().right() <= panel.plot.vb.sceneBoundingRect().right()

    panel.resize(1200, 300)
    qtbot.wait(50)
    panel.refresh()
    assert legend.columnCount == 4


def test_tab_stops_show_their_focus(qtbot, make_window):
    from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QComboBox

    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.settings_tabs.setFocus()
    stops = []
    for tab in range(window.settings_tabs.count()):
        window.settings_tabs.setCurrentIndex(tab)
        for _ in range(60):
            window.focusNextChild()
            stops.append(QApplication.focusWidget())

    # Plots and scroll areas draw no focus frame, so Tab passes them by; the fields inside take it.
    assert not [stop for stop in stops if isinstance(stop, QAbstractScrollArea)]
    assert any(isinstance(stop, QComboBox) for stop in stops)
    assert window.loss_plot.plot_widget not in stops


def test_first_window_fits_a_small_screen(qtbot, settings):
    from rnn_desktop.gui.main_window import FIRST_SIZE_SCREEN_MARGIN, MainWindow

    window = MainWindow(settings=settings, restore_settings=False)
    qtbot.addWidget(window)
    window.set_interactive(ask_on_close=False, show_dialogs=False)

    # Qt's offscreen screen is 800 x 800, smaller than the first size of 1400 x 900.
    available = window.screen().availableGeometry()
    assert available.width() < 1400
    assert window.width() == available.width() - 2 * FIRST_SIZE_SCREEN_MARGIN
    assert window.height() == min(900, available.height() - 2 * FIRST_SIZE_SCREEN_MARGIN)


def test_metrics_line_keeps_height_during_run(qtbot, make_window):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 3}))
    show_widget(qtbot, window, 1000, 700)
    label = window.metrics_label
    one_line = label.heightForWidth(label.width())

    window._set_state("running")
    label.setText("word " * 400)
    tall = label.minimumHeight()
    label.setText("short")

    # While training, a shorter text leaves the height: the plots below do not jump.
    assert tall > one_line
    assert label.minimumHeight() == tall
    # A pause and the resumed run are one run, so the height stays.
    window._set_state("paused")
    window._set_state("running")
    assert label.minimumHeight() == tall
    # A new width wraps the text anew, so the short text needs one line again.
    window.resize(1100, 700)
    qtbot.waitUntil(lambda: label.minimumHeight() < tall)
    assert label.minimumHeight() == label.heightForWidth(label.width())
    window._set_state("idle")
    assert label.minimumHeight() == 0


def test_model_and_training_fields_share_a_column(qtbot, make_window):
    assert len(field_columns(qtbot, make_window())) == 1


def test_early_stopping_field_names_its_unit(make_window):
    window = make_window()

    assert window.training_panel.patience.spin.text() == "30 epochs"
