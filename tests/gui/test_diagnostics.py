"""View > Show gradient norms and hidden states: turned on at any time, shown at a usable height."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from gui_helpers import FAST

from rnn_desktop.core.training import TrainConfig
from rnn_desktop.gui.plots import GRADIENT_MAX_TICK_LABELS, HiddenStatePlot

TIMEOUT_MS = 60_000
LONG = TrainConfig().replace(**{**FAST, "epochs": 100_000})


def assert_panels_have_data(window) -> None:
    window.refresh_plots()
    _, norms = window.gradient_plot.curve.getData()
    assert norms is not None
    assert norms.size == window.config().seq_len
    assert np.isfinite(norms).any()
    image = window.hidden_plot.image.image
    assert image is not None
    assert image.shape == (window.config().hidden, window.config().seq_len)


def step(qtbot, window) -> None:
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.step_epoch()


def test_diagnostics_on_after_step_then_step(qtbot, make_window):
    window = make_window()
    step(qtbot, window)
    assert window.reports[-1].dh_norms is None

    window.gradients_action.trigger()
    step(qtbot, window)

    assert window.reports[-1].dh_norms is not None
    assert window.reports[-1].hidden_states is not None
    assert_panels_have_data(window)


def test_diagnostics_on_after_run_then_start(qtbot, make_window):
    window = make_window()
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.start_training()

    window.gradients_action.trigger()
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.start_training()

    assert all(report.dh_norms is not None for report in window.reports[FAST["epochs"]:])
    assert_panels_have_data(window)


def test_diagnostics_on_during_run(qtbot, make_window):
    window = make_window(LONG)
    with qtbot.waitSignal(window.epoch_shown, timeout=TIMEOUT_MS):
        assert window.start_training()

    window.gradients_action.trigger()
    with qtbot.waitSignal(window.epoch_shown, timeout=TIMEOUT_MS,
                          check_params_cb=lambda report: report.dh_norms is not None):
        pass
    window.stop_training(wait=True)

    assert_panels_have_data(window)


def test_diagnostics_on_while_paused_then_step(qtbot, make_window):
    window = make_window(LONG)
    with qtbot.waitSignal(window.epoch_shown, timeout=TIMEOUT_MS):
        assert window.start_training()
    with qtbot.waitSignal(window.state_changed, timeout=TIMEOUT_MS):
        window.pause_training()
    assert window.state == "paused"

    window.gradients_action.trigger()
    # The request must not make the window wait for a pause message that never comes.
    assert window.trainer is not None
    with qtbot.waitSignal(window.epoch_shown, timeout=TIMEOUT_MS) as shown:
        assert window.step_epoch()

    assert shown.args[0].dh_norms is not None
    assert shown.args[0].hidden_states is not None
    assert_panels_have_data(window)
    window.stop_training(wait=True)


def test_diagnostics_off_during_run_stops_recording(qtbot, make_window):
    window = make_window(LONG)
    window.gradients_action.trigger()
    with qtbot.waitSignal(window.epoch_shown, timeout=TIMEOUT_MS,
                          check_params_cb=lambda report: report.dh_norms is not None):
        assert window.start_training()

    window.gradients_action.trigger()
    with qtbot.waitSignal(window.epoch_shown, timeout=TIMEOUT_MS,
                          check_params_cb=lambda report: report.dh_norms is None):
        pass
    window.stop_training(wait=True)

    assert window.reports[-1].hidden_states is None


def test_diagnostics_height_after_restart(qtbot, settings):
    from rnn_desktop.gui.main_window import DIAGNOSTICS_MIN_HEIGHT, MainWindow

    first = MainWindow(settings=settings, restore_settings=True)
    first.set_interactive(ask_on_close=False, show_dialogs=False)
    qtbot.addWidget(first)
    first.resize(1400, 900)
    first.show()
    qtbot.waitExposed(first)
    first.close()  # saves the splitter with the diagnostics hidden
    settings.setValue("showGradients", True)

    window = MainWindow(settings=settings, restore_settings=True)
    window.set_interactive(ask_on_close=False, show_dialogs=False)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)

    sizes = window.plot_splitter.sizes()
    assert window.diagnostics.isVisible()
    assert window.diagnostics.height() >= DIAGNOSTICS_MIN_HEIGHT
    assert sizes[2] >= 0.25 * sum(sizes)
    assert window.gradient_plot.plot_widget.height() >= 100
    window.close()


def shown_with_diagnostics(qtbot, make_window):
    """Return a 1400 x 900 window on screen with the diagnostics panels turned on."""
    window = make_window()
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.gradients_action.trigger()
    qtbot.wait(50)
    return window


def test_diagnostics_handle_drag_enlarges(qtbot, make_window):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    window = shown_with_diagnostics(qtbot, make_window)
    before = window.diagnostics.height()

    handle = window.plot_splitter.handle(2)
    assert handle.height() >= 6
    center = handle.rect().center()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, center)
    for dy in range(-10, -110, -10):
        QTest.mouseMove(handle, center + QPoint(0, dy))
        qtbot.wait(10)
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, center + QPoint(0, -100))
    qtbot.wait(50)

    assert window.diagnostics.height() >= before + 80
    assert min(window.plot_splitter.sizes()) > 0


def test_diagnostics_cannot_collapse(qtbot, make_window):
    window = shown_with_diagnostics(qtbot, make_window)

    window.plot_splitter.setSizes([400, 400, 0])
    qtbot.wait(50)

    assert not window.plot_splitter.childrenCollapsible()
    assert window.plot_splitter.sizes()[2] > 0


def test_diagnostics_height_new_window(qtbot, settings):
    from rnn_desktop.gui.main_window import MainWindow

    settings.setValue("showGradients", True)
    window = MainWindow(settings=settings, restore_settings=True)
    window.set_interactive(ask_on_close=False, show_dialogs=False)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)

    loss, prediction, diagnostics = window.plot_splitter.sizes()
    assert prediction > diagnostics
    assert prediction > loss
    assert diagnostics >= 0.25 * (loss + prediction + diagnostics)
    window.close()


@pytest.mark.parametrize("size", [(1100, 650), (1400, 900)])
def test_loss_plot_keeps_height_beside_diagnostics(qtbot, make_window, size):
    from rnn_desktop.gui.main_window import LOSS_SHARE_WITH_DIAGNOSTICS

    window = make_window()
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.gradients_action.trigger()
    qtbot.wait(50)

    loss, prediction, _ = window.plot_splitter.sizes()
    assert loss >= LOSS_SHARE_WITH_DIAGNOSTICS * (loss + prediction) - 1
    assert prediction >= loss


def test_gradient_axis_thins_many_decades(make_window):
    plot = make_window().gradient_plot
    norms = np.logspace(-12, 0, 20)
    plot.set_report(SimpleNamespace(epoch=1, dh_norms=norms))
    plot.refresh()

    major, minor = plot.plot.getAxis("left")._tickLevels
    assert 2 <= len(major) <= GRADIENT_MAX_TICK_LABELS
    assert minor == []


def x_values(item) -> list[float]:
    """Return the x data of a plot item, an empty list when it has none."""
    xs = item.getData()[0]
    return [] if xs is None else list(xs)


def test_zero_gradient_steps_marked(make_window):
    plot = make_window().gradient_plot
    norms = np.array([0.0, 0.0, 0.0, 1e-3, 1e-2])
    plot.set_report(SimpleNamespace(epoch=1, dh_norms=norms))
    plot.refresh()

    xs, ys = plot.zero_points.getData()
    low, high = plot.plot.vb.viewRange()[1]

    assert list(xs) == [1.0, 2.0, 3.0]
    assert np.all((low <= ys) & (ys <= low + 0.1 * (high - low)))
    assert plot._legend.isVisible()


def test_truncated_steps_marked_apart(make_window):
    plot = make_window().gradient_plot
    norms = np.array([0.0, 0.0, 0.0, 0.0, 1e-2, 1e-3])
    plot.set_report(SimpleNamespace(epoch=1, dh_norms=norms), bptt_truncate=3)
    plot.refresh()

    assert x_values(plot.truncated_points) == [1.0, 2.0, 3.0]
    assert x_values(plot.zero_points) == [4.0]
    labels = [label.text for _, label in plot._legend.items]
    assert labels == ["mean ||dL/dh|| above 0", "0: outside truncated BPTT, which keeps the last 3 steps",
                      "0: no gradient passes the activation"]

    plot.set_report(SimpleNamespace(epoch=2, dh_norms=np.array([1e-3] * 6)), bptt_truncate=6)
    plot.refresh()
    assert x_values(plot.truncated_points) == []
    assert not plot._legend.isVisible()


def window_with_diagnostics(qtbot, make_window, width: int, height: int):
    """Return a shown window of this size with the gradient and hidden-state plots on."""
    window = make_window()
    window.gradients_action.trigger()
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_zero_markers_and_legend_clear_of_norms(qtbot, make_window):
    window = window_with_diagnostics(qtbot, make_window, 1400, 900)
    plot = window.gradient_plot
    norms = np.concatenate([np.zeros(30), np.linspace(0.05, 0.1, 20)])
    plot.set_report(SimpleNamespace(epoch=1, dh_norms=norms), bptt_truncate=20)
    plot.refresh()
    qtbot.wait(50)
    plot.refresh()

    lowest_label = min(value for value, _ in plot.plot.getAxis("left")._tickLevels[0])
    marker_ys = plot.truncated_points.getData()[1]
    assert np.all(marker_ys < lowest_label)
    legend = plot.plot.vb.mapSceneToView(plot._legend.sceneBoundingRect()).boundingRect()
    dot_ys = plot.curve.getData()[1]
    assert np.nanmax(dot_ys) < min(legend.top(), legend.bottom())


def test_all_zero_gradients_draw_markers_only(make_window, recwarn):
    plot = make_window().gradient_plot
    plot.set_report(SimpleNamespace(epoch=1, dh_norms=np.zeros(5)))
    plot.refresh()

    assert x_values(plot.curve) == []
    assert len(x_values(plot.zero_points)) == 5
    assert not [warning for warning in recwarn if "All-NaN" in str(warning.message)]


def test_positive_gradients_hide_zero_legend(make_window):
    plot = make_window().gradient_plot
    plot.set_report(SimpleNamespace(epoch=1, dh_norms=np.array([1e-3, 1e-2])))
    plot.refresh()

    assert x_values(plot.zero_points) == []
    assert not plot._legend.isVisible()


def test_stop_keeps_gradient_record(qtbot, make_window):
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 100_000}))
    window.gradients_action.trigger()
    with qtbot.waitSignal(window.run_finished, timeout=60_000):
        assert window.start_training()
        qtbot.waitUntil(lambda: len(window.reports) >= 3, timeout=60_000)
        window.stop_training()
    window.refresh_plots()

    ys = window.gradient_plot.curve.getData()[1]
    assert ys is not None
    assert np.isfinite(ys).any()


def test_empty_diagnostics_show_hint(qtbot, make_window):
    window = make_window()
    assert window.gradient_plot.empty_hint.isVisibleTo(window.gradient_plot.plot)
    assert window.hidden_plot.empty_hint.isVisibleTo(window.hidden_plot.plot)

    window.gradients_action.trigger()
    step(qtbot, window)
    window.refresh_plots()

    assert not window.gradient_plot.empty_hint.isVisibleTo(window.gradient_plot.plot)
    assert not window.hidden_plot.empty_hint.isVisibleTo(window.hidden_plot.plot)
    x_low, x_high = window.hidden_plot.plot.vb.viewRange()[0]
    assert x_high - x_low == window.config().seq_len


def test_loaded_weights_show_states_at_once(qtbot, make_window, tmp_path):
    trained = make_window()
    with qtbot.waitSignal(trained.run_finished, timeout=TIMEOUT_MS):
        assert trained.start_training()
    path = tmp_path / "w.npz"
    assert trained.save_weights(str(path))

    window = make_window()
    window.gradients_action.trigger()
    assert window.load_weights(str(path), origin="keep")
    window.refresh_plots()

    # The hidden states need only a forward pass of the loaded weights; the gradient norms need an epoch.
    assert not window.hidden_plot.empty_hint.isVisibleTo(window.hidden_plot.plot)
    assert window.gradient_plot.empty_hint.isVisibleTo(window.gradient_plot.plot)
    text, _ = window.hidden_plot.describe_point(1.0, 0.0)
    assert text.startswith(f"epoch {trained.trainer.epoch}, step 1, unit 0: hidden state ")
    window_index = window.trainer.split.n_train
    expected = window.trainer.window_hidden_states(window_index)
    assert np.array_equal(window.hidden_plot._states, expected)


def test_heat_map_readout_names_cell(qtbot):
    plot = HiddenStatePlot()
    qtbot.addWidget(plot)
    states = np.array([[0.25, -0.5, 0.75], [0.125, 0.5, -0.875]])  # (steps, units)
    plot.set_report(SimpleNamespace(epoch=3, extra={}, hidden_states=states))
    plot.refresh()

    cell_text, cell_x = plot.describe_point(2.2, 1.1)
    off_map_text, _ = plot.describe_point(1.0, 7.0)

    assert cell_x == 2.0
    assert cell_text == "epoch 3, step 2, unit 1: hidden state 0.5"
    assert off_map_text == "epoch 3, step 1: hidden state from -0.5 to 0.75"


def test_heat_map_readout_names_kept_epoch(qtbot):
    plot = HiddenStatePlot()
    qtbot.addWidget(plot)
    # Early stopping in epoch 52 restored the weights of epoch 22, whose states the trainer recorded.
    plot.set_report(SimpleNamespace(epoch=52, extra={"restored_epoch": 22}, hidden_states=np.array([[0.5]])))
    plot.refresh()

    text, _ = plot.describe_point(1.0, 0.0)

    assert text == "epoch 22, step 1, unit 0: hidden state 0.5"


def test_heat_map_color_bar_shows_levels(qtbot):
    plot = HiddenStatePlot()
    qtbot.addWidget(plot)
    bar = plot.color_bar
    assert not bar.isVisible()

    plot.set_report(SimpleNamespace(epoch=1, extra={}, hidden_states=np.array([[0.25, -0.5], [0.125, 0.75]])))
    plot.refresh()
    assert bar.isVisible()
    assert not bar.interactive
    assert tuple(bar.levels()) == (-0.75, 0.75)
    assert tuple(bar.levels()) == tuple(plot.image.getLevels())

    # States that are all positive (as from a ReLU) start the scale at 0.
    plot.set_report(SimpleNamespace(epoch=2, extra={}, hidden_states=np.array([[0.5, 2.0], [1.0, 0.0]])))
    plot.refresh()
    assert tuple(bar.levels()) == (0.0, 2.0)
    assert tuple(bar.levels()) == tuple(plot.image.getLevels())
    assert bar.axis.range == [0.0, 2.0]


def test_diagnostics_axes_tick_whole_steps(make_window):
    window = make_window()

    for axis in (window.gradient_plot.plot.getAxis("bottom"), window.hidden_plot.plot.getAxis("bottom"),
                 window.hidden_plot.plot.getAxis("left")):
        values = [value for _, ticks in axis.tickValues(0.5, 1.5, 400) for value in ticks]
        assert values and all(float(value).is_integer() for value in values), values


def test_diverged_epoch_says_why_gradients_are_missing(make_window):
    plot = make_window().gradient_plot

    plot.set_report(SimpleNamespace(epoch=1, dh_norms=None, stop_reason="diverged"))
    assert plot.empty_hint.toPlainText() == "Not recorded: the loss diverged in epoch 1"

    plot.clear()
    assert plot.empty_hint.toPlainText() == "Recorded from the next epoch on"


def test_diagnostics_plots_not_cut_in_narrow_window(qtbot, make_window):
    from PySide6.QtCore import Qt

    window = window_with_diagnostics(qtbot, make_window, 1100, 600)

    for panel in (window.gradient_plot, window.hidden_plot):
        # The title fits the width on the first redraw after the resize.
        qtbot.waitUntil(lambda panel=panel: panel.plot.geometry().width() <= panel.plot_widget.width(), timeout=2000)
        needed = panel.plot.effectiveSizeHint(Qt.SizeHint.MinimumSize).width()
        assert panel.plot_widget.width() >= needed, (type(panel).__name__, panel.plot_widget.width(), needed)


def test_diagnostics_titles_shorten_only_when_narrow(qtbot, make_window):
    window = window_with_diagnostics(qtbot, make_window, 1600, 900)
    window.gradient_plot.refresh_soon()
    qtbot.wait(50)
    assert window.gradient_plot.plot.titleLabel.text == "Gradient norm per time step (last batch)"

    window.resize(1100, 650)
    qtbot.waitUntil(lambda: window.gradient_plot.plot.titleLabel.text == "Gradient norm per step", timeout=2000)
    assert window.hidden_plot.plot.titleLabel.text == "Hidden state"
    assert window.minimumSizeHint().width() <= 1100
