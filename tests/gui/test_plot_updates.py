"""What the plots show when their data changes: readouts, single epochs, the y range, labels."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import FAST, show_widget
from PySide6.QtCore import QPointF

from rnn_desktop.core.series import Series
from rnn_desktop.core.training import TrainConfig
from rnn_desktop.gui.plots import PredictionPlot
from rnn_desktop.gui.worker import PredictionSnapshot

SINE = np.sin(np.arange(200, dtype=np.float64))
SEQ_LEN = 20
N_TRAIN = 130


def snapshot(epoch: int, prediction: np.ndarray) -> PredictionSnapshot:
    return PredictionSnapshot(epoch=epoch, index=np.arange(SEQ_LEN, SINE.size), prediction=prediction,
                              n_train=N_TRAIN, forecast=np.zeros(0))


def shown_y_range(plot: PredictionPlot) -> tuple[float, float]:
    return tuple(plot.plot.vb.viewRange()[1])


def hover(panel, x: float) -> None:
    """Move the mouse over ``panel`` at data x, at mid-height."""
    y_low, y_high = panel.plot.vb.viewRange()[1]
    scene_pos = panel.plot.vb.mapViewToScene(QPointF(x, (y_low + y_high) / 2))
    panel.plot.scene().sigMouseMoved.emit(scene_pos)


@pytest.fixture
def prediction_plot(qtbot):
    plot = show_widget(qtbot, PredictionPlot(), 900, 350)
    plot.set_series(SINE)
    plot.refresh()
    return plot


@pytest.mark.parametrize(("start", "step", "expected"), [
    ("1871", "Y", "1876: series"),
    ("1949-01", "M", "1949-06: series"),
    ("2021-03-01", "D", "2021-03-06: series"),
    ("2021-03-01T00:00", "h", "2021-03-01 05:00: series"),
])
def test_readout_dates_at_series_step(prediction_plot, start, step, expected):
    times = np.datetime64(start) + np.arange(40).astype(f"timedelta64[{step}]")
    prediction_plot.set_series(np.sin(np.arange(40.0)), times.astype("datetime64[s]"))
    prediction_plot.refresh()

    hover(prediction_plot, times[5].astype("datetime64[s]").astype("int64"))

    assert prediction_plot.readout.text().startswith(expected)


def test_readout_cleared_by_new_series(prediction_plot):
    hover(prediction_plot, 68)
    assert prediction_plot.readout.text().startswith("68: series")

    prediction_plot.set_series(50 + 100 * np.abs(SINE))
    prediction_plot.refresh()

    assert prediction_plot.readout.text().strip() == ""
    assert not prediction_plot._cursor.isVisible()


def test_readout_follows_new_predictions(prediction_plot):
    prediction_plot.set_snapshot(snapshot(1, np.full(SINE.size - SEQ_LEN, 0.25)))
    prediction_plot.refresh()
    hover(prediction_plot, 68)
    assert "0.25" in prediction_plot.readout.text()

    prediction_plot.set_snapshot(snapshot(2, np.full(SINE.size - SEQ_LEN, 0.75)))
    prediction_plot.refresh()

    assert "0.75" in prediction_plot.readout.text()
    assert "0.25" not in prediction_plot.readout.text()


def test_readout_cleared_with_loss_history(qtbot, make_window):
    window = make_window()
    with qtbot.waitSignal(window.run_finished, timeout=60_000):
        assert window.step_epoch()
    window.refresh_plots()
    hover(window.loss_plot, 1)
    assert window.loss_plot.readout.text().startswith("epoch 1")

    window.reset_weights()

    assert window.loss_plot.readout.text().strip() == ""


def test_loss_plot_draws_single_epoch(qtbot, make_window):
    from rnn_desktop.gui.plots import TRAIN_COLOR

    window = make_window()
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.run_finished, timeout=60_000):
        assert window.step_epoch()
    window.refresh_plots()
    qtbot.wait(50)

    curve = window.loss_plot.train_curve
    x, _ = curve.getData()
    assert len(x) == 1
    assert curve.opts["symbol"] is not None
    image = window.loss_plot.plot_widget.grab().toImage()
    colors = {image.pixelColor(i, j).getRgb()[:3] for i in range(0, image.width(), 2)
              for j in range(0, image.height(), 2)}
    assert TRAIN_COLOR in colors


def test_loss_plot_drops_dots_for_long_runs(make_window):
    from types import SimpleNamespace

    from rnn_desktop.gui.plots import LOSS_SYMBOL_MAX_EPOCHS

    plot = make_window().loss_plot
    for epoch in range(1, LOSS_SYMBOL_MAX_EPOCHS + 2):
        plot.append(SimpleNamespace(epoch=epoch, train_loss=1.0 / epoch, val_loss=1.2 / epoch))
    plot.refresh()

    assert plot.train_curve.opts["symbol"] is None
    assert plot.val_curve.opts["symbol"] is None


def test_prediction_range_shrinks_after_overshoot(prediction_plot):
    target = SINE[SEQ_LEN:]
    prediction_plot.set_snapshot(snapshot(1, 2.5 * target))
    prediction_plot.refresh()
    low, high = shown_y_range(prediction_plot)
    assert low < -2
    assert high > 2

    prediction_plot.set_snapshot(snapshot(5, 0.98 * target))
    prediction_plot.refresh()

    low, high = shown_y_range(prediction_plot)
    assert -1.3 < low < -1
    assert 1 < high < 1.6


def test_time_going_back_plots_in_row_order(make_window, tmp_path):
    path = tmp_path / "months.csv"
    months = [f"2020-{month:02d}" for month in range(1, 13)] * 4  # the year repeats: time goes back at line 14
    path.write_text("month,value\n" + "".join(f"{month},{k % 7 + 0.5 * k}\n" for k, month in enumerate(months)),
                    encoding="utf-8")
    window = make_window(TrainConfig().replace(seq_len=5, val_windows=5, val_fraction=None), series=None)

    assert window.open_csv(str(path))

    plot = window.prediction_plot
    np.testing.assert_array_equal(plot._x, np.arange(48.0))
    assert plot.plot.getAxis("bottom").labelText == "time step"
    np.testing.assert_array_equal(window.data_panel._preview_x, np.arange(48.0))
    assert "the plots show them in row order" in window.data_panel.csv_form.notes.text()


def test_unreadable_date_named_in_data_tab(make_window, tmp_path):
    path = tmp_path / "dates.csv"
    days = [f"{day:02d}.01.2018" for day in range(1, 29)]
    days[9] = "32.01.2018"
    path.write_text("Data;Valore\n" + "".join(f"{day};{k},5\n" for k, day in enumerate(days)), encoding="utf-8")
    window = make_window(TrainConfig().replace(seq_len=5, val_windows=5, val_fraction=None), series=None)

    assert window.open_csv(str(path))

    assert ('Column "Data" gives no time axis because line 11, "32.01.2018", is not a date, so the plots use row '
            "positions; correct that cell to get the dates back.") in window.data_panel.csv_form.notes.text()
    assert window.prediction_plot.plot.getAxis("bottom").labelText == "time step"


def test_totals_row_named_in_data_tab(make_window, tmp_path):
    path = tmp_path / "vendite.csv"
    rows = "".join(f"{day:02d}.01.2018;{day},5\n" for day in range(1, 29))
    path.write_text("Vendite 2018;\nData;Vendite\n" + rows + "Totale;420,00\n", encoding="utf-8")
    window = make_window(TrainConfig().replace(seq_len=5, val_windows=5, val_fraction=None), series=None)

    assert window.open_csv(str(path))

    notes = window.data_panel.csv_form.notes.text()
    assert "The first line is a title above the header, so it is left out." in notes
    assert 'Line 31, "Totale", is a totals row, so it is left out of the values.' in notes
    assert len(window.data_panel.series()) == 28
    assert window.prediction_plot.plot.getAxis("bottom").labelText == "Data"


def test_missing_value_lines_in_data_tab(make_window, tmp_path):
    path = tmp_path / "gaps.csv"
    values = [str(k) for k in range(40)]
    values[4] = values[9] = "NA"
    path.write_text("v\n" + "\n".join(values) + "\n", encoding="utf-8")
    window = make_window(TrainConfig().replace(seq_len=5, val_windows=5, val_fraction=None), series=None)

    assert window.open_csv(str(path))

    assert window.data_panel.csv_form.notes.text() == "Missing values at lines 6, 11."


def test_many_missing_value_lines_end_in_one_ellipsis(make_window, tmp_path):
    path = tmp_path / "gaps.csv"
    values = [str(k) if k % 5 else "NA" for k in range(1, 60)]
    path.write_text("v\n" + "\n".join(values) + "\n", encoding="utf-8")
    window = make_window(TrainConfig().replace(seq_len=5, val_windows=5, val_fraction=None), series=None)

    assert window.open_csv(str(path))

    assert window.data_panel.csv_form.notes.text() == "Missing values at lines 6, 11, 16, 21, 26, ..."


def test_new_series_drops_hand_zoom(prediction_plot):
    prediction_plot.plot.vb.setRange(xRange=(10, 20), yRange=(0, 0.5), padding=0)
    prediction_plot.plot.vb.sigRangeChangedManually.emit(None)

    prediction_plot.set_series(10.0 + SINE[:120])
    prediction_plot.refresh()

    x_low, x_high = prediction_plot.plot.vb.viewRange()[0]
    assert x_low <= 0.0
    assert x_high >= 119.0
    assert shown_y_range(prediction_plot)[1] > 10.5


def test_flat_series_in_middle_of_range(prediction_plot):
    prediction_plot.set_series(np.zeros(100))
    prediction_plot.refresh()

    low, high = shown_y_range(prediction_plot)
    assert low < -0.4
    assert high > 0.4


@pytest.mark.parametrize(("scale", "factor"), [(0.3, ""), (1e-5, "(x1e-06)")])
def test_value_axis_scale_factor_only_for_tiny_values(prediction_plot, scale, factor):
    prediction_plot.set_series(scale * (1.5 + SINE), time_name="day", value_name="rate")
    prediction_plot.refresh()

    label = prediction_plot.plot.getAxis("left").labelString()
    assert "rate" in label
    assert ("(x" in label) == bool(factor)
    assert factor in label


def test_prediction_range_steady_while_settled(prediction_plot):
    target = SINE[SEQ_LEN:]
    prediction_plot.set_snapshot(snapshot(1, 1.05 * target))
    prediction_plot.refresh()
    first = shown_y_range(prediction_plot)

    for epoch, factor in enumerate((0.97, 1.03, 0.95, 1.0), start=2):
        prediction_plot.set_snapshot(snapshot(epoch, factor * target))
        prediction_plot.refresh()
        assert shown_y_range(prediction_plot) == first, epoch


def test_prediction_range_grows_for_overshoot(prediction_plot):
    target = SINE[SEQ_LEN:]
    prediction_plot.set_snapshot(snapshot(1, target))
    prediction_plot.refresh()

    prediction_plot.set_snapshot(snapshot(2, 1.6 * target))
    prediction_plot.refresh()

    low, high = shown_y_range(prediction_plot)
    assert low <= -1.6
    assert high >= 1.6


def test_validation_label_above_data(prediction_plot, qtbot):
    prediction_plot.set_snapshot(snapshot(1, SINE[SEQ_LEN:]))
    # The label's scene geometry is final once it has been painted.
    prediction_plot.refresh(paint_now=True)
    qtbot.wait(50)

    label = prediction_plot.split_line.label
    vb = prediction_plot.plot.vb
    top_of_series = vb.mapViewToScene(QPointF(0, SINE.max())).y()
    line_x = vb.mapViewToScene(QPointF(prediction_plot.split_line.value(), 0)).x()
    assert label.isVisible()
    assert label.sceneBoundingRect().left() >= line_x
    assert label.sceneBoundingRect().bottom() < top_of_series
    assert label.fill.color().alpha() < 255


def early_split_plot(qtbot, width: int, n_train: int = 2, values: np.ndarray = SINE) -> PredictionPlot:
    """Return a plot ``width`` pixels wide whose split line follows ``n_train`` training predictions.

    With the default, the split line lies at a tenth of the series, under the legend.
    The predictions equal ``values``.
    """
    plot = show_widget(qtbot, PredictionPlot(), width, 350)
    plot.set_series(values)
    plot.set_snapshot(PredictionSnapshot(epoch=1, index=np.arange(SEQ_LEN, values.size),
                                         prediction=values[SEQ_LEN:], n_train=n_train, forecast=np.zeros(0)))
    plot.refresh(paint_now=True)
    qtbot.wait(50)
    return plot


@pytest.fixture(params=["en", "it"])
def language(request, qapp):
    """Run a test in English and in Italian, whose legend entries are longer."""
    from rnn_desktop.gui.app import install_translators

    from PySide6.QtCore import QLocale

    previous = QLocale()
    install_translators(qapp, request.param)
    yield request.param
    install_translators(qapp, "en")
    QLocale.setDefault(previous)


def test_validation_label_below_legend_row(qtbot, language):
    plot = early_split_plot(qtbot, 900)

    label_rect = plot.split_line.label.sceneBoundingRect()
    legend_rect = plot.plot.legend.sceneBoundingRect()
    line_x = plot.plot.vb.mapViewToScene(QPointF(plot.split_line.value(), 0)).x()
    assert plot.split_line.label.isVisible()
    assert label_rect.left() >= line_x
    assert label_rect.top() >= legend_rect.bottom()
    assert label_rect.bottom() <= plot.plot.vb.sceneBoundingRect().bottom()


@pytest.mark.parametrize("width", [500, 900, 1100])
def test_validation_label_apart_from_legend(qtbot, language, width):
    # Split lines from under the legend to past its right end: the label never touches the
    # legend's row, nor follows its last entry closer than one line height.
    for n_train in range(2, 140, 6):
        plot = early_split_plot(qtbot, width, n_train)
        label = plot.split_line.label
        label_rect = label.sceneBoundingRect()
        legend_rect = plot.plot.legend.sceneBoundingRect()
        if not label.isVisible():
            continue
        margin = label.boundingRect().height()
        assert not label_rect.adjusted(-margin, 0, 0, 0).intersects(legend_rect), (n_train, label_rect, legend_rect)
        assert label_rect.right() <= plot.plot.vb.sceneBoundingRect().right()
        plot.close()


def test_validation_label_leaves_curve_below_legend(qtbot):
    # The series stays at its maximum, the height just below the legend's row, so the label moves down.
    values = np.ones(200)
    values[0] = 0.0
    plot = early_split_plot(qtbot, 900, values=values)

    label = plot.split_line.label
    label_rect = label.sceneBoundingRect()
    curve_y = plot.plot.vb.mapViewToScene(QPointF(0, 1.0)).y()
    view = plot.plot.vb.sceneBoundingRect()
    assert label.isVisible()
    assert not label_rect.top() <= curve_y <= label_rect.bottom()
    assert label_rect.top() > view.center().y()
    assert label_rect.bottom() <= view.bottom()


@pytest.mark.parametrize(("val_windows", "expected"), [
    (1, "179 training windows, 1 validation window"),
    (179, "1 training window, 179 validation windows"),
    (30, "150 training, 30 validation windows"),
])
def test_split_summary_singular(make_window, val_windows, expected):
    window = make_window(TrainConfig().replace(seq_len=20, val_windows=val_windows, val_fraction=None))

    assert window.data_panel.split_form.summary.text() == expected


def test_split_summary_of_too_many_validation_windows(make_window):
    window = make_window(TrainConfig().replace(seq_len=20, val_windows=9999, val_fraction=None))

    # 200 values in windows of 20 give 180 windows.
    assert window.data_panel.split_form.summary.text() == "180 windows in all, so at most 179 can be for validation"


def test_split_summary_one_of_each(make_window):
    short = Series(values=np.sin(np.arange(4.0)), name="short", source="test")
    window = make_window(TrainConfig().replace(seq_len=2, val_windows=1, val_fraction=None), series=short)

    # A window of 1, a quarter of the series, would give 2 training windows, which the summary adds.
    assert window.data_panel.split_form.summary.text() == (
        "1 training window, 1 validation window; a window length of 1 gives 2 training windows")


def test_title_names_predictions_beyond_range(prediction_plot):
    far = np.full(SINE.size - SEQ_LEN, 0.25)
    far[5] = 61.5
    prediction_plot.set_snapshot(snapshot(1, far))
    prediction_plot.refresh()
    assert prediction_plot.plot.titleLabel.text.endswith(
        "(the predictions span 0.25 to 61.5, more than the axis shows)")

    prediction_plot.set_snapshot(snapshot(2, np.full(SINE.size - SEQ_LEN, 21.0)))
    prediction_plot.refresh()
    assert prediction_plot.plot.titleLabel.text.endswith("(every prediction is 21, outside what the axis shows)")

    prediction_plot.set_snapshot(snapshot(3, np.full(SINE.size - SEQ_LEN, 0.25)))
    prediction_plot.refresh()
    assert prediction_plot.plot.titleLabel.text == "Predictions against the series"


def test_title_note_only_for_predictions_the_axis_cuts(prediction_plot):
    # Beyond the series' span above it, but inside the room kept for the legend: the curve shows.
    prediction_plot.set_snapshot(snapshot(1, np.full(SINE.size - SEQ_LEN, 3.2)))
    prediction_plot.refresh()
    top = prediction_plot.plot.vb.viewRange()[1][1]
    assert top > 3.2
    assert prediction_plot.plot.titleLabel.text == "Predictions against the series"


def test_validation_label_hidden_where_it_would_be_cut(prediction_plot):
    # Validation is the last four predictions, so the label would run off the plot's right edge.
    narrow = PredictionSnapshot(epoch=1, index=np.arange(SEQ_LEN, SINE.size), prediction=np.zeros(SINE.size - SEQ_LEN),
                                n_train=SINE.size - SEQ_LEN - 4, forecast=np.zeros(0))
    prediction_plot.set_snapshot(narrow)
    prediction_plot.refresh()
    assert prediction_plot.split_line.isVisible()
    assert not prediction_plot.split_line.label.isVisible()

    prediction_plot.set_snapshot(snapshot(2, np.zeros(SINE.size - SEQ_LEN)))
    prediction_plot.refresh()
    assert prediction_plot.split_line.label.isVisible()


def test_forecast_follows_calendar_months():
    from rnn_desktop.core.csv_reader import read_series

    from gui_helpers import SHARED_DATA

    series = read_series(SHARED_DATA / "airpassengers.csv")
    plot = PredictionPlot()
    plot.set_series(series.values, series.time)
    forecast_x = plot._forecast_x(14)

    months = forecast_x.astype(np.int64).astype("datetime64[s]").astype("datetime64[D]")
    assert str(months[0]) == "1961-01-01"
    assert str(months[13]) == "1962-02-01"


def test_single_validation_window_is_drawn_as_dot(prediction_plot):
    prediction = np.full(SINE.size - SEQ_LEN, 0.25)
    one_val = PredictionSnapshot(epoch=1, index=np.arange(SEQ_LEN, SINE.size), prediction=prediction,
                                 n_train=SINE.size - SEQ_LEN - 1, forecast=np.zeros(0))

    prediction_plot.set_snapshot(one_val)
    prediction_plot.refresh()

    assert prediction_plot.val_curve.opts["symbol"] == "o"
    assert prediction_plot.train_curve.opts["symbol"] is None
    assert len(prediction_plot.val_curve.getData()[0]) == 1


def test_narrow_plot_title_keeps_note_in_tooltip(qtbot, prediction_plot):
    prediction_plot.resize(560, 300)
    prediction_plot.show()
    qtbot.waitExposed(prediction_plot)
    far = np.full(SINE.size - SEQ_LEN, 0.25)
    far[5] = 61.5
    prediction_plot.set_snapshot(snapshot(1, far))
    prediction_plot.refresh()

    title = prediction_plot.plot.titleLabel
    assert title.text == "Predictions against the series (predictions beyond the axis)"
    assert title.toolTip() == "the predictions span 0.25 to 61.5, more than the axis shows"
    assert title.item.boundingRect().width() <= prediction_plot.plot_widget.width()



def test_very_narrow_plot_shows_plain_title(qtbot, prediction_plot):
    prediction_plot.resize(380, 300)
    far = np.full(SINE.size - SEQ_LEN, 0.25)
    far[5] = 61.5
    prediction_plot.set_snapshot(snapshot(1, far))
    prediction_plot.refresh()

    assert prediction_plot.plot.titleLabel.text == "Predictions against the series"
    assert prediction_plot.plot.titleLabel.toolTip() == "the predictions span 0.25 to 61.5, more than the axis shows"


def test_loss_plot_gets_every_second_tick(make_window, monkeypatch):
    window = make_window()
    drawn = []
    panels = {"loss": window.loss_plot, "prediction": window.prediction_plot,
              "gradient": window.gradient_plot, "hidden": window.hidden_plot}
    for name, panel in panels.items():
        monkeypatch.setattr(panel, "refresh", lambda paint_now=False, name=name: drawn.append(name))
        monkeypatch.setattr(type(panel), "dirty", property(lambda self: True))
    window.diagnostics.setHidden(False)

    for _ in range(6):
        window._on_refresh_tick()

    assert drawn == ["loss", "prediction", "loss", "gradient", "loss", "hidden"]


def test_progress_line_matches_loss_plot(qtbot, make_window):
    import re

    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 60}))
    mismatches, ticks = [], []
    real_tick = window._on_refresh_tick

    def checked_tick():
        real_tick()
        drawn_epochs, _ = window.loss_plot.train_curve.getData()
        match = re.match(r"Epoch (\d+) / ", window.progress.format())
        if drawn_epochs is not None and drawn_epochs.size and match:
            ticks.append(int(drawn_epochs[-1]))
            if int(match.group(1)) != int(drawn_epochs[-1]):
                mismatches.append((match.group(1), int(drawn_epochs[-1])))

    window._refresh_timer.timeout.disconnect()
    window._refresh_timer.timeout.connect(checked_tick)
    with qtbot.waitSignal(window.run_finished, timeout=60_000):
        assert window.start_training()

    assert ticks
    assert mismatches == []
