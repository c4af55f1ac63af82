"""The loss plot's x range: the planned epochs while training, the epochs run once a run ends."""

from __future__ import annotations

import types

import pytest
from PySide6.QtCore import QPointF
from gui_helpers import FAST, show_widget

from rnn_desktop.core.training import TrainConfig
from rnn_desktop.gui.plots import LossPlot

TIMEOUT_MS = 60_000


def fake_report(epoch):
    return types.SimpleNamespace(epoch=epoch, train_loss=1.0 / epoch, val_loss=2.0 / epoch)


def x_range(plot) -> tuple[float, float]:
    low, high = plot.plot.vb.viewRange()[0]
    return low, high


def test_span_kept_while_training(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.set_epoch_span(300)
    for epoch in range(1, 21):
        plot.append(fake_report(epoch))
    plot.refresh()

    assert x_range(plot) == pytest.approx((0.5, 300.5))


def test_end_run_fits_epochs_run(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.set_epoch_span(300)
    for epoch in range(1, 21):
        plot.append(fake_report(epoch))
    plot.refresh()

    plot.end_run()
    plot.refresh()

    assert x_range(plot) == pytest.approx((0.5, 20.5))


def test_clear_forgets_span(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.set_epoch_span(300)
    plot.append(fake_report(1))
    plot.refresh()

    plot.clear()
    for epoch in range(1, 6):
        plot.append(fake_report(epoch))
    plot.refresh()

    assert x_range(plot) == pytest.approx((0.5, 5.5))


def test_early_stop_fits_loss_range(qtbot, make_window):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 500, "patience": 3, "lr": 0.05}))

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS) as finished:
        assert window.start_training()

    assert finished.args[0] == "early_stopping"
    last = window.reports[-1].epoch
    assert last < 500
    assert x_range(window.loss_plot) == pytest.approx((0.5, last + 0.5))
    x, _ = window.loss_plot.train_curve.getData()
    assert list(x) == list(range(1, last + 1))


def test_planned_range_then_epochs_run(qtbot, make_window):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 500}))
    window.start_training()
    qtbot.waitUntil(lambda: len(window.reports) >= 2, timeout=TIMEOUT_MS)
    window.pause_training()
    window.refresh_plots()

    assert x_range(window.loss_plot) == pytest.approx((0.5, 500.5))

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS) as finished:
        window.stop_training()
    assert finished.args[0] == "stopped"
    last = window.reports[-1].epoch
    assert x_range(window.loss_plot) == pytest.approx((0.5, last + 0.5))


def test_step_after_early_stop_extends_range(qtbot, make_window):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 500, "patience": 3, "lr": 0.05}))
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.start_training()
    stopped_at = window.reports[-1].epoch

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.step_epoch()

    assert x_range(window.loss_plot) == pytest.approx((0.5, stopped_at + 1.5))


def test_loaded_history_sets_range(qtbot, make_window, tmp_path):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 4}))
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.start_training()
    path = tmp_path / "four.npz"
    assert window.save_weights(str(path))
    window.loss_plot.set_epoch_span(300)
    window.refresh_plots()

    assert window.load_weights(str(path))
    window.refresh_plots()

    assert x_range(window.loss_plot) == pytest.approx((0.5, 4.5))


@pytest.mark.parametrize("scale, title", [("none", "Loss (MSE on the series' values)"),
                                          ("minmax", "Loss (MSE on scaled data)")])
def test_title_names_what_loss_measures(qtbot, make_window, scale, title):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 1, "scale": scale}))

    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.step_epoch()

    assert window.loss_plot.plot.titleLabel.text == title


def test_legend_leaves_curves_that_end_high(make_window):
    from types import SimpleNamespace

    plot = make_window().loss_plot
    # Falling losses leave the top right corner free.
    for epoch in range(1, 41):
        plot.append(SimpleNamespace(epoch=epoch, train_loss=1.0 / epoch, val_loss=1.2 / epoch))
    plot.refresh()
    assert plot._legend_corner == (True, True)

    # Weights loaded onto other data: the losses jump up at the end.
    for epoch in range(41, 61):
        plot.append(SimpleNamespace(epoch=epoch, train_loss=2.0, val_loss=3.0))
    plot.refresh()
    assert plot._legend_corner != (True, True)

    # The next model's curves start without the last run's corner.
    plot.clear()
    plot.refresh()
    assert plot._legend_corner == (True, True)


@pytest.mark.parametrize(("lowest", "bottom"), [(0.0011, -4.0), (0.0015, -3.0), (0.02, -2.0)])
def test_falling_loss_keeps_room_below(qtbot, lowest, bottom):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.set_epoch_span(10)
    plot.append(types.SimpleNamespace(epoch=1, train_loss=0.5, val_loss=0.4))
    plot.append(types.SimpleNamespace(epoch=2, train_loss=lowest, val_loss=0.3))
    plot.refresh()

    assert plot.plot.vb.viewRange()[1][0] == pytest.approx(bottom)


def shown_loss_plot(qtbot, width: int, height: int) -> LossPlot:
    """Return a LossPlot shown at this size, removed after the test."""
    return show_widget(qtbot, LossPlot(), width, height)


@pytest.mark.parametrize("height", [170, 260, 400])
def test_line_labels_clear_of_legend(qtbot, height):
    plot = shown_loss_plot(qtbot, 700, height)
    plot.append(types.SimpleNamespace(epoch=1, train_loss=0.5, val_loss=0.06))
    plot.append(types.SimpleNamespace(epoch=2, train_loss=0.05, val_loss=0.1))
    plot.set_epoch_span(3)
    plot.refresh()
    qtbot.wait(50)
    # The lines appear after the range has settled, as when weights are loaded.
    plot.set_kept_epoch(1)
    plot.set_data_change(2)
    plot.refresh()
    qtbot.wait(50)

    legend = plot.plot.legend.sceneBoundingRect()
    view = plot.plot.vb.sceneBoundingRect()
    for line in (plot.kept_line, plot.data_change_line):
        label = line.label.sceneBoundingRect()
        assert not label.intersects(legend), (line.label.toPlainText(), label, legend)
        assert view.contains(label), (line.label.toPlainText(), label, view)


def test_legend_in_short_plot_leaves_newest_epochs(qtbot):
    plot = shown_loss_plot(qtbot, 700, 170)
    # Airline passengers with the defaults: the training loss falls, validation stays near 0.005.
    for epoch in range(1, 81):
        plot.append(types.SimpleNamespace(epoch=epoch, train_loss=max(0.3 / epoch ** 1.5, 7e-4),
                                          val_loss=0.004 + 0.001 * (epoch % 3)))
    plot.refresh()
    qtbot.wait(50)
    plot.refresh()
    qtbot.wait(50)

    legend = plot.plot.legend.sceneBoundingRect()
    view = plot.plot.vb
    for curve in (plot.train_curve, plot.val_curve):
        xs, ys = curve.getData()
        for x, y in zip(xs[-20:], ys[-20:]):
            point = view.mapViewToScene(QPointF(x, y))
            assert not legend.contains(point), (curve.name(), x, y)


def test_diverged_first_epoch_draws_without_warnings(qtbot, recwarn):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.append(types.SimpleNamespace(epoch=1, train_loss=float("inf"), val_loss=4.0e118))
    plot.refresh()

    xs = plot.train_curve.getData()[0]
    assert xs is None or len(xs) == 0
    assert not [warning for warning in recwarn if "All-NaN" in str(warning.message)]


def test_short_loss_plot_labels_fewer_decades(qtbot):
    plot = shown_loss_plot(qtbot, 700, 150)
    for epoch in range(1, 31):
        plot.append(types.SimpleNamespace(epoch=epoch, train_loss=10.0 ** (-epoch / 6), val_loss=0.01))
    plot.refresh()
    qtbot.wait(50)
    plot.refresh()

    labelled = plot.plot.getAxis("left")._tickLevels[0]
    assert 2 <= len(labelled) <= plot.plot.vb.height() // 22


def test_training_on_after_early_stop_marks_its_start(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    for epoch in range(1, 41):
        extra = {"continued_from_epoch": 6} if epoch == 37 else {}
        plot.append(types.SimpleNamespace(epoch=epoch, train_loss=0.01, val_loss=0.02, extra=extra))
    plot.refresh()

    assert plot.continuation_line.isVisible()
    assert plot.continuation_line.value() == 36.5
    assert plot.continuation_line.label.toPlainText() == "from epoch 6"

    plot.clear()
    plot.refresh()
    assert not plot.continuation_line.isVisible()


@pytest.mark.parametrize(("height", "columns"), [(130, 2), (400, 1)])
def test_legend_one_row_in_short_view(qtbot, height, columns):
    plot = shown_loss_plot(qtbot, 700, height)
    for epoch in range(1, 41):
        plot.append(types.SimpleNamespace(epoch=epoch, train_loss=0.3 / epoch ** 2, val_loss=0.3 / epoch ** 1.8))
    plot.refresh()
    qtbot.wait(50)
    plot.refresh()

    legend = plot.plot.legend
    assert legend.columnCount == columns
    assert legend.sceneBoundingRect().height() < plot.plot.vb.height()
