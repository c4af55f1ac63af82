"""Live plots: loss per epoch, predictions against the series, forecast, gradient norms.

Every curve is created once and fed with ``setData``. New data only marks a
plot dirty, and ``refresh()`` redraws it. The main window calls ``refresh()``
from a timer, so the redraw rate stays capped however fast epochs arrive.
Non-finite values become gaps (``connect="finite"``) and never blank a plot.
"""

from __future__ import annotations

import logging
import math
import os

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from rnn_desktop.core.series import date_readout_unit, times_go_forward
from rnn_desktop.gui.exporting import future_times
from rnn_desktop.gui.locale_axis import (
    LocaleAxisItem, LocaleDateAxisItem, locale_axes, localize_tick_strings, whole_number_spacing,
)
from rnn_desktop.gui.messages import format_integer, format_number

log = logging.getLogger(__name__)

pg.setConfigOptions(antialias=False, background="w", foreground="k")

TRAIN_COLOR = (31, 119, 180)
VAL_COLOR = (255, 127, 14)
ACTUAL_COLOR = (30, 30, 30)
FORECAST_COLOR = (44, 160, 44)
# The prediction plot draws the series in grey under the predictions, so the predictions stay
# visible where they cover a dense series. Every pen is opaque: a translucent 3-pixel pen made
# each repaint about twice as slow as an opaque one.
SERIES_UNDER_PREDICTIONS_COLOR = (125, 125, 125)
TRAIN_PREDICTION_COLOR = TRAIN_COLOR
# A dark orange with a contrast ratio of about 4.7 against VAL_REGION_COLOR (WCAG 2 formula).
VAL_PREDICTION_COLOR = (204, 51, 0)
# Translucent, so the split line, the validation band and the data stay visible under the legend.
LEGEND_BRUSH = (255, 255, 255, 110)
LINE_LABEL_FILL = (255, 255, 255, 200)
# Text anchors of a vertical line's label, left or right of the line.
LINE_LABEL_LEFT = (1.05, 0.0)
LINE_LABEL_RIGHT = (-0.05, 0.0)
# The loss legend's corners as (right, top), in the order preferred on a tie, and the share of the
# plot's width and height a corner's legend covers.
LEGEND_CORNERS = ((True, True), (False, False), (True, False), (False, True))
# Heights of the loss plot's line labels, as shares of the view from the bottom, unless the legend
# is there: then a label moves just below (or above) it, LINE_LABEL_LEGEND_GAP pixels away.
KEPT_LABEL_POSITION = 0.72
DATA_CHANGE_LABEL_POSITION = 0.58
CONTINUATION_LABEL_POSITION = 0.44
LINE_LABEL_LEGEND_GAP = 3.0
# Above this share of the loss view's height, the legend's entries stand side by side in one row.
# A row is wider and covers more of the newest epochs. So it is used only where a column would
# leave almost no free height, as in a 1100 x 650 window with the diagnostics shown.
LEGEND_ONE_ROW_SHARE = 0.9
# Pixels between the loss plot's legend and the corner of the view it sits in.
LEGEND_OFFSET = 10
LEGEND_CORNER_SHARE = (0.3, 0.3)
# Share of the epoch axis, from its right end, whose points count double when the legend picks a corner.
LEGEND_NEWEST_SHARE = 0.25
KEPT_COLOR = (90, 90, 90)
# Markers of gradient norms that are exactly 0.
ZERO_COLOR = (204, 51, 0)
# Steps that truncated backpropagation leaves out: their zero is the setting, not a problem.
TRUNCATED_COLOR = (150, 150, 150)
VAL_REGION_COLOR = (255, 242, 230)
# Opacity of the "validation" label's band-coloured fill, which lets a curve under it show through.
SPLIT_LABEL_FILL_ALPHA = 150
# Space between the split line and the label, as a share of the label's width, and pixels
# between the label and the legend above it.
SPLIT_LABEL_INDENT = 0.1
SPLIT_LABEL_GAP = 4
# The label stays in the legend's row only when it starts at least this many label heights right
# of the legend. Closer, it read as one more legend entry ("forecast validation").
SPLIT_LABEL_LEGEND_CLEARANCE = 2.0


def finite_or_nan(values: np.ndarray, positive: bool = False) -> np.ndarray:
    """Return a float copy with non-finite values (and values <= 0 when ``positive``) set to NaN."""
    values = np.array(values, dtype=np.float64, copy=True)
    bad = ~np.isfinite(values)
    if positive:
        bad |= values <= 0
    values[bad] = np.nan
    return values


def nearest_index(xs: np.ndarray, x: float) -> int | None:
    """Return the index of the value of sorted ``xs`` nearest to ``x``; None when empty."""
    if xs.size == 0:
        return None
    i = int(np.searchsorted(xs, x))
    if i <= 0:
        return 0
    if i >= xs.size:
        return xs.size - 1
    return i if xs[i] - x < x - xs[i - 1] else i - 1


def make_curve(plot: pg.PlotItem, color, name: str, width: float = 1.5, style=Qt.PenStyle.SolidLine,
               symbol: str | None = None) -> pg.PlotDataItem:
    pen = pg.mkPen(color=color, width=width, style=style)
    curve = plot.plot([], [], pen=pen, name=name, connect="finite", symbol=symbol, symbolSize=5,
                      symbolBrush=color, symbolPen=color)
    curve.setDownsampling(auto=True, method="peak")
    curve.setClipToView(True)
    return curve


class GrowingArray:
    """A 1-D float buffer that grows by doubling, so appending an epoch allocates rarely."""

    def __init__(self, capacity: int = 256) -> None:
        self._data = np.empty(capacity, dtype=np.float64)
        self._size = 0

    def append(self, value: float) -> None:
        if self._size == self._data.size:
            bigger = np.empty(self._data.size * 2, dtype=np.float64)
            bigger[: self._size] = self._data[: self._size]
            self._data = bigger
        self._data[self._size] = value
        self._size += 1

    def clear(self) -> None:
        self._size = 0

    def view(self) -> np.ndarray:
        return self._data[: self._size]

    def __len__(self) -> int:
        return self._size


class PlotPanel(QWidget):
    """A PlotWidget with a readout line under it that shows the values at the mouse."""

    # What the file name proposed for an exported image names, as "loss" in "nile_loss_plot.png".
    export_name = "plot"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget(axisItems=locale_axes())
        # A click still gives the plot the focus for pyqtgraph's zoom keys, but Tab skips it: it shows
        # no focus frame, so a keyboard user would lose their place there.
        self.plot_widget.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.plot: pg.PlotItem = self.plot_widget.getPlotItem()
        # No grid: pyqtgraph 0.14 draws it with the axes, and it made each repaint of a
        # 950x300 plot take 13 ms instead of 3.5 ms (offscreen, on a shared 2-core machine).
        self.plot.setMenuEnabled(True)
        self.readout = QLabel(" ")
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._cursor = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen((150, 150, 150), style=Qt.PenStyle.DotLine))
        self._cursor.setVisible(False)
        self.plot.addItem(self._cursor, ignoreBounds=True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.readout)

        self._dirty = False
        self._titles: tuple[str, ...] = ()  # for fit_title, from the longest to the shortest
        self._range: tuple | None = None
        self._user_moved = False
        self._readout_at: tuple[float, float] | None = None  # data point the readout describes, if any
        self.plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.plot.vb.sigRangeChangedManually.connect(self._on_range_changed_manually)
        self.plot.autoBtn.clicked.connect(self._on_auto_range_requested)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        if not self.plot.sceneBoundingRect().contains(scene_pos):
            self._cursor.setVisible(False)
            return
        point = self.plot.vb.mapSceneToView(scene_pos)
        self._show_readout(point.x(), point.y(), show_cursor=True)

    def _show_readout(self, x: float, y: float, show_cursor: bool) -> None:
        text, cursor_x = self.describe_point(x, y)
        if text:
            self._readout_at = (x, y)
            self.readout.setText(text)
            self._cursor.setPos(cursor_x)
            if show_cursor:
                self._cursor.setVisible(True)
        else:
            self.clear_readout()

    def clear_readout(self) -> None:
        """Empty the readout line and hide the cursor line, because the data they describe is gone."""
        self._readout_at = None
        self.readout.setText(" ")
        self._cursor.setVisible(False)

    def describe(self, x: float) -> tuple[str, float]:
        """Return the readout text for the point nearest to x, and that point's x."""
        return "", x

    def describe_point(self, x: float, y: float) -> tuple[str, float]:
        """Like ``describe`` for the mouse at (x, y); plots whose readout depends on y override it."""
        return self.describe(x)

    def mark_dirty(self) -> None:
        self._dirty = True

    def keep_content_width(self, titles: tuple[str, ...], extra: int = 0) -> None:
        """Keep the widget as wide as the plot needs with its shortest title, plus ``extra`` pixels.

        pyqtgraph lays out the plot inside the widget, and a widget narrower
        than that cut the plot's right side off (title, last points, colour
        bar). ``titles`` run from the longest to the shortest; fit_title shows
        the longest one that fits the widget's width.
        """
        self._titles = titles
        self.plot.setTitle(titles[-1])
        needed = self.plot.effectiveSizeHint(Qt.SizeHint.MinimumSize).width()
        self.plot_widget.setMinimumWidth(int(np.ceil(needed)) + CONTENT_WIDTH_MARGIN + extra)
        self.fit_title()

    def fit_title(self) -> None:
        """Show the longest title of ``_titles`` (longest first) that fits the widget's width, else the last."""
        titles = self._titles
        width = self.plot_widget.width()
        for title in titles:
            if self.plot.titleLabel.text != title:
                self.plot.setTitle(title)
            # The whole plot must fit too: axes such as the colour bar's widen once their labels are drawn.
            needed = self.plot.effectiveSizeHint(Qt.SizeHint.MinimumSize).width()
            if self.plot.titleLabel.item.boundingRect().width() <= width - TITLE_MARGIN and needed <= width:
                break
        if self.plot.geometry().width() > width:
            # pyqtgraph fits the plot to the widget only on a resize, and a longer title had kept it wider.
            self.plot.setGeometry(self.plot_widget.range)

    def legend_height_share(self, legend: pg.LegendItem, margin: float, max_share: float) -> float:
        """Return the share of the view's height that ``legend`` and ``margin`` pixels take, at most ``max_share``.

        0 while the legend or the plot is hidden, or before the view is laid out.
        """
        view_height = self.plot.vb.height()
        if not self.isVisible() or not legend.isVisible() or view_height <= 0:
            return 0.0
        return min(max_share, (legend.boundingRect().height() + margin) / view_height)

    def refresh_soon(self) -> None:
        """Redraw once control returns to the event loop, also outside a run, whose timer is stopped.

        For a resized view: legends and labels are placed by the view's size in pixels.
        """
        self._dirty = True
        QTimer.singleShot(0, self, self.refresh)

    @property
    def dirty(self) -> bool:
        return self._dirty

    def refresh(self, paint_now: bool = False) -> bool:
        """Redraw when data changed since the last call; return whether it redrew.

        ``paint_now`` paints before returning, so the caller can time the whole update.
        """
        if not self._dirty:
            return False
        self._dirty = False
        self.redraw()
        if self._readout_at is not None:
            # Describe the new data at the same point, so the readout never shows values no longer drawn.
            self._show_readout(*self._readout_at, show_cursor=False)
        if paint_now and self.isVisible():
            self.plot_widget.viewport().repaint()
        return True

    def redraw(self) -> None:
        raise NotImplementedError

    def set_view_range(self, x_range: tuple[float, float], y_range: tuple[float, float]) -> None:
        """Show this range, and leave the axes alone while it stays the same.

        pyqtgraph's auto-range moves the axes on every new point, and then it
        recomputes the ticks of both axes on each redraw, which was the largest
        cost of a live update. A range kept until the data leaves it avoids that.
        """
        wanted = (tuple(map(float, x_range)), tuple(map(float, y_range)))
        if self._user_moved or wanted == self._range:
            return
        self._range = wanted
        self.plot.setRange(xRange=wanted[0], yRange=wanted[1], padding=0)

    def _on_range_changed_manually(self, *_args) -> None:
        self._user_moved = True

    def _on_auto_range_requested(self) -> None:
        """The "A" button gives the range back to the plot."""
        self._user_moved = False
        self._range = None
        self.mark_dirty()


class IntegerAxisItem(LocaleAxisItem):
    """An axis of whole numbers, such as epochs, with ticks only at integers (no 1.5)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.min_tick_spacing = 1.0


# Powers of ten that log axes label as plain numbers, 0.0001 to 1000. An axis reaching beyond
# them labels every tick as 10 with a superscript exponent, so one axis never mixes the two forms.
PLAIN_DECADES = range(-4, 4)
_SUPERSCRIPTS = str.maketrans("-0123456789", "\u207b\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")


def decade_ticks(low: float, high: float, max_labels: int) -> list[tuple[float, str]]:
    """Return (log10 value, label) ticks for the powers of ten from ``low`` to ``high``.

    ``low`` and ``high`` are log10 values. When there are more than ``max_labels``
    decades, every second (third...) one is labelled.
    """
    decades = list(range(int(low), int(high) + 1))
    every = max(1, -(-len(decades) // max_labels))
    labelled = decades[::every]
    if all(decade in PLAIN_DECADES for decade in labelled):
        return [(float(decade), format_number(10.0 ** decade)) for decade in labelled]
    return [(float(decade), "10" + str(decade).translate(_SUPERSCRIPTS)) for decade in labelled]


# Most labelled powers of ten on the loss axis; more decades label every second (third...) one.
LOSS_MAX_TICK_LABELS = 6
# Minimum pixels between two labelled powers of ten on the loss axis: more labels would touch.
TICK_LABEL_SPACING = 22
# The loss curves mark each epoch with a dot up to this many epochs: a single epoch draws no line,
# and a few dots show where the epochs are.
LOSS_SYMBOL_MAX_EPOCHS = 30


class LossPlot(PlotPanel):
    """Training and validation loss per epoch, on a log axis."""

    export_name = "loss"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.set_scaled(True)
        self.plot.setAxisItems({"bottom": IntegerAxisItem("bottom")})
        self.plot.setLabel("bottom", self.tr("epoch"))
        self.plot.setLabel("left", self.tr("loss"))
        self.plot.setLogMode(x=False, y=True)
        # A log axis with an SI prefix reads as "loss (x0.001)" over powers of ten: confusing.
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.plot.addLegend(offset=(-LEGEND_OFFSET, LEGEND_OFFSET), brush=LEGEND_BRUSH)
        self._legend_corner = LEGEND_CORNERS[0]
        # The legend's corner and the line labels' heights depend on the view's size in pixels.
        self.plot.vb.sigResized.connect(self.refresh_soon)
        self.train_curve = make_curve(self.plot, TRAIN_COLOR, self.tr("training"))
        self.val_curve = make_curve(self.plot, VAL_COLOR, self.tr("validation"))
        self._epochs = GrowingArray()
        self._train = GrowingArray()
        self._val = GrowingArray()
        self._last_epoch = 1
        # The epoch whose weights early stopping kept, marked until training goes on. Its label sits
        # below the legend's usual top right corner, which the kept epoch (a patience before the
        # last) often reaches. A light fill keeps it readable over curves.
        self._kept_epoch: int | None = None
        self.kept_line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(KEPT_COLOR, style=Qt.PenStyle.DashLine),
                                         label=self.tr("kept"),
                                         labelOpts={"position": KEPT_LABEL_POSITION, "anchors": [LINE_LABEL_LEFT] * 2,
                                                    "color": KEPT_COLOR, "fill": LINE_LABEL_FILL})
        self.kept_line.setVisible(False)
        self.plot.addItem(self.kept_line, ignoreBounds=True)
        # After weights trained on other data (or on an earlier version of this file) are loaded,
        # a line between their last epoch and the next one. Its label sits lower than the kept
        # label, which may be a few epochs away.
        self.data_change_epoch: int | None = None
        self.data_change_line = pg.InfiniteLine(angle=90, movable=False,
                                                pen=pg.mkPen(KEPT_COLOR, style=Qt.PenStyle.DotLine),
                                                label=self.tr("current data"),
                                                labelOpts={"position": DATA_CHANGE_LABEL_POSITION,
                                                           "anchors": [LINE_LABEL_RIGHT] * 2,
                                                           "color": KEPT_COLOR, "fill": LINE_LABEL_FILL})
        self.data_change_line.setVisible(False)
        self.plot.addItem(self.data_change_line, ignoreBounds=True)
        # Training that went on after early stopping starts again from the kept weights, so its
        # first epoch can jump. A line before that epoch names the weights it started from.
        self._continuation: tuple[int, int] | None = None  # (first epoch that went on, epoch of its weights)
        self.continuation_line = pg.InfiniteLine(angle=90, movable=False,
                                                 pen=pg.mkPen(KEPT_COLOR, style=Qt.PenStyle.DashDotLine),
                                                 label="", labelOpts={"position": CONTINUATION_LABEL_POSITION,
                                                                      "anchors": [LINE_LABEL_LEFT] * 2,
                                                                      "color": KEPT_COLOR, "fill": LINE_LABEL_FILL})
        self.continuation_line.setVisible(False)
        self.plot.addItem(self.continuation_line, ignoreBounds=True)
        # Draw the empty axes now, so they show the decades and epoch 1 rather than pyqtgraph's 0 to 1.
        self.redraw()

    def set_scaled(self, scaled: bool) -> None:
        """Title the plot for losses on scaled data, or on the series' own values (scaling none)."""
        self.plot.setTitle(self.tr("Loss (MSE on scaled data)") if scaled else self.tr("Loss (MSE on the series' values)"))

    def set_epoch_span(self, last_epoch: int) -> None:
        """Keep the x axis from epoch 1 to ``last_epoch``, the end of the current run."""
        self._last_epoch = max(1, int(last_epoch))
        self.mark_dirty()

    def end_run(self) -> None:
        """Fit the x axis to the epochs shown, because early stopping or a stop may end a run before its span."""
        self._last_epoch = 1
        self.mark_dirty()

    def append(self, report) -> None:
        """Add one epoch; a mark of kept weights goes, because training went on from them."""
        self._epochs.append(report.epoch)
        self._train.append(report.train_loss)
        self._val.append(report.val_loss)
        self._kept_epoch = None
        continued_from = report.extra.get("continued_from_epoch") if getattr(report, "extra", None) else None
        if continued_from is not None:
            self._continuation = (int(report.epoch), int(continued_from))
        self.mark_dirty()

    def set_kept_epoch(self, epoch: int | None) -> None:
        """Mark the epoch whose weights early stopping kept, or remove the mark (None)."""
        self._kept_epoch = None if epoch is None else int(epoch)
        self.mark_dirty()

    def set_data_change(self, last_epoch: int | None) -> None:
        """Mark that the epochs after ``last_epoch`` train on the data now open, or remove the mark (None)."""
        self.data_change_epoch = None if last_epoch is None else int(last_epoch)
        self.mark_dirty()

    def clear(self) -> None:
        """Remove every epoch and mark, and the span of the last run with them."""
        for buffer in (self._epochs, self._train, self._val):
            buffer.clear()
        self._last_epoch = 1
        self._kept_epoch = None
        self.data_change_epoch = None
        self._continuation = None
        # Ties keep the legend where it is, so without this it would stay where the last run put it.
        self._move_legend(LEGEND_CORNERS[0])
        self.mark_dirty()

    def redraw(self) -> None:
        epochs = self._epochs.view()
        train = finite_or_nan(self._train.view(), positive=True)
        val = finite_or_nan(self._val.view(), positive=True)
        # No dots without epochs: the legend would draw them in pyqtgraph's default colours.
        symbol = "o" if 0 < epochs.size <= LOSS_SYMBOL_MAX_EPOCHS else None
        for curve, values in ((self.train_curve, train), (self.val_curve, val)):
            if curve.opts["symbol"] != symbol:
                curve.setSymbol(symbol)
            if values.size and np.isnan(values).all():
                # Dots over an all-NaN curve, such as the loss of a first epoch that diverged, make
                # pyqtgraph warn "All-NaN slice encountered".
                curve.setData([], [])
            else:
                curve.setData(epochs, values)

        kept_epoch = self._kept_epoch
        self.kept_line.setVisible(kept_epoch is not None and epochs.size > 0)
        if kept_epoch is not None:
            self.kept_line.setPos(kept_epoch)
        change = self.data_change_epoch
        self.data_change_line.setVisible(change is not None and epochs.size > 0)
        if change is not None:
            self.data_change_line.setPos(change + 0.5)
        continuation = self._continuation
        self.continuation_line.setVisible(continuation is not None and epochs.size > 0)
        if continuation is not None:
            self.continuation_line.setPos(continuation[0] - 0.5)
            text = self.tr("from epoch %1").replace("%1", format_integer(continuation[1]))
            if self.continuation_line.label.format != text:
                self.continuation_line.label.setFormat(text.replace("{", "{{").replace("}", "}}"))
        last = max(self._last_epoch, int(epochs[-1]) if epochs.size else 1)
        if change is not None and change >= last:
            # The line after the last epoch gets a free epoch right of it, not the plot's edge.
            last = change + 1
        y_range = decade_range(np.concatenate([train, val]))
        self._set_decade_ticks(y_range)
        x_range = (0.5, last + 0.5)
        self.set_view_range(x_range, y_range)
        # Each mark's label sits on the side of its line with more room, so it is not cut at the
        # plot's edge. The two labels sit at different heights, so they do not overlap either.
        middle = (x_range[0] + x_range[1]) / 2
        marks = ((self.kept_line, kept_epoch), (self.data_change_line, None if change is None else change + 0.5),
                 (self.continuation_line, None if continuation is None else continuation[0] - 0.5))
        for line, x in marks:
            if x is not None:
                line.label.anchors = [LINE_LABEL_LEFT if x > middle else LINE_LABEL_RIGHT] * 2
                line.label.updatePosition()
        labels = self._line_labels()
        self._place_legend(epochs, (train, val), x_range, y_range, labels)
        self._keep_labels_clear_of_legend(labels)

    def _line_labels(self) -> list[tuple[pg.InfiniteLine, float, QRectF]]:
        """Return (line, usual position, label box in the view's pixels) for each shown line label.

        The boxes are computed from the view's range and size, because the labels'
        own positions follow a new range only when the view is next drawn.
        """
        view = self.plot.vb
        width, height = view.width(), view.height()
        (x_low, x_high), _ = view.viewRange()
        if width <= 0 or height <= 0 or x_high <= x_low:
            return []
        labels = []
        for line, position in ((self.kept_line, KEPT_LABEL_POSITION),
                               (self.data_change_line, DATA_CHANGE_LABEL_POSITION),
                               (self.continuation_line, CONTINUATION_LABEL_POSITION)):
            if not line.isVisible():
                continue
            size = line.label.boundingRect()
            x = (line.value() - x_low) / (x_high - x_low) * width
            left = x - size.width() if line.label.anchors[0] == LINE_LABEL_LEFT else x
            # The label's top edge sits at its position, a share of the view's height from the bottom.
            labels.append((line, position, QRectF(left, (1.0 - position) * height, size.width(), size.height())))
        return labels

    def _keep_labels_clear_of_legend(self, labels: list[tuple[pg.InfiniteLine, float, QRectF]]) -> None:
        """Move a line label that the legend still covers to just below the legend, or above one at the bottom."""
        height = self.plot.vb.height()
        legend = self.plot.legend.mapRectToParent(self.plot.legend.boundingRect())
        for line, position, box in labels:
            if box.intersects(legend):
                if legend.center().y() < height / 2:
                    top = legend.bottom() + LINE_LABEL_LEGEND_GAP
                else:
                    top = legend.top() - LINE_LABEL_LEGEND_GAP - box.height()
                position = 1.0 - min(max(top, 0.0), height - box.height()) / height
            line.label.orthoPos = position
            # A label misses the view's changes while its line is hidden, and pyqtgraph then draws it
            # out of sight once the line is shown, until the view changes again.
            line.label.viewTransformChanged()

    def _place_legend(self, epochs: np.ndarray, curves: tuple[np.ndarray, ...], x_range: tuple[float, float],
                      y_range: tuple[float, float], labels: list[tuple[pg.InfiniteLine, float, QRectF]]) -> None:
        """Put the legend in the corner that covers the fewest points of the curves, and none of ``labels``.

        Losses usually fall, so the top right corner is usually free. After weights
        loaded onto other data, or a late jump, the curves end high, and the legend
        moves away from them. Ties keep the current corner, so it does not jump around.
        """
        # The legend's own footprint once the view is laid out: in a short plot it takes more than
        # LEGEND_CORNER_SHARE of the height.
        view_width, view_height = self.plot.vb.width(), self.plot.vb.height()
        self._fit_legend_rows(view_height)
        legend = self.plot.legend.boundingRect()
        reach_x, reach_y = legend.width() + LEGEND_OFFSET, legend.height() + LEGEND_OFFSET
        share_x, share_y = LEGEND_CORNER_SHARE
        if self.isVisible() and view_width > 0 and view_height > 0 and legend.height() > 0:
            share_x, share_y = min(1.0, reach_x / view_width), min(1.0, reach_y / view_height)
        width = (x_range[1] - x_range[0]) * share_x
        height = (y_range[1] - y_range[0]) * share_y
        xs = np.concatenate([epochs] * len(curves)).astype(np.float64)
        with np.errstate(divide="ignore", invalid="ignore"):
            ys = np.log10(np.concatenate(curves))
        finite = np.isfinite(ys)
        xs, ys = xs[finite], ys[finite]
        # The newest epochs are the ones a person watches, so covering one of them counts double.
        weights = np.where(xs >= x_range[1] - (x_range[1] - x_range[0]) * LEGEND_NEWEST_SHARE, 2, 1)
        counts = {}
        for corner in LEGEND_CORNERS:
            right, top = corner
            in_x = xs >= x_range[1] - width if right else xs <= x_range[0] + width
            in_y = ys >= y_range[1] - height if top else ys <= y_range[0] + height
            counts[corner] = int(weights[in_x & in_y].sum())
        # A line label that the legend would cover in a corner counts as more points than any curve
        # has, so the legend avoids it.
        for _, _, box in labels:
            for corner in LEGEND_CORNERS:
                right, top = corner
                area = QRectF(view_width - reach_x if right else 0.0, 0.0 if top else view_height - reach_y,
                              reach_x, reach_y)
                if box.intersects(area):
                    counts[corner] += int(weights.sum()) + 1
        self._move_legend(min(LEGEND_CORNERS, key=lambda corner: (counts[corner], corner != self._legend_corner)))

    def _move_legend(self, corner: tuple[bool, bool]) -> None:
        """Anchor the legend in ``corner``, given as (right, top)."""
        if corner == self._legend_corner:
            return
        self._legend_corner = corner
        right, top = corner
        anchor = (1 if right else 0, 0 if top else 1)
        self.plot.legend.anchor(itemPos=anchor, parentPos=anchor,
                                offset=(-LEGEND_OFFSET if right else LEGEND_OFFSET,
                                        LEGEND_OFFSET if top else -LEGEND_OFFSET))

    def _fit_legend_rows(self, view_height: float) -> None:
        """Lay the legend's entries out side by side when, one under the other, they fill much of a short view."""
        legend = self.plot.legend
        entries = len(legend.items)
        if entries < 2 or view_height <= 0:
            return
        # The height the entries take one under the other, from the current layout's rows.
        row_height = legend.boundingRect().height() / max(1, legend.rowCount)
        columns = entries if row_height * entries > LEGEND_ONE_ROW_SHARE * view_height else 1
        legend.setColumnCount(columns)

    def _set_decade_ticks(self, y_range: tuple[float, float]) -> None:
        """Label powers of ten only, at most LOSS_MAX_TICK_LABELS of them, fewer in a short plot.

        pyqtgraph's own log ticks label 2 to 9 within each decade, which overlap
        when the loss spans several decades and read oddly on an empty plot.
        """
        max_labels = LOSS_MAX_TICK_LABELS
        if self.isVisible() and self.plot.vb.height() > 0:
            max_labels = max(2, min(max_labels, int(self.plot.vb.height() // TICK_LABEL_SPACING)))
        ticks = [decade_ticks(*y_range, max_labels), []]
        axis = self.plot.getAxis("left")
        # New ticks make the axis draw itself again, a millisecond or more of every live redraw.
        if axis._tickLevels != ticks:
            axis.setTicks(ticks)

    def point_counts(self) -> dict[str, int]:
        return {"train_loss": len(self._train), "val_loss": len(self._val)}

    def history(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return self._epochs.view().copy(), self._train.view().copy(), self._val.view().copy()

    def describe(self, x: float) -> tuple[str, float]:
        epochs = self._epochs.view()
        i = nearest_index(epochs, x)
        if i is None:
            return "", x
        text = self.tr("epoch %1: training loss %2, validation loss %3").replace(
            "%1", format_integer(int(epochs[i]))).replace(
            "%2", format_number(self._train.view()[i])).replace("%3", format_number(self._val.view()[i]))
        return text, float(epochs[i])


# Share of the data's height added above it for the prediction plot's one-row legend.
LEGEND_HEADROOM = 0.15
# Pixels between the prediction plot's legend and the left edge of the view.
PREDICTION_LEGEND_OFFSET_X = 10
# Pixels added to a plot's own minimum width for the widget's frame (keep_content_width), and for
# the heat map's colour bar labels, such as "-0.5".
CONTENT_WIDTH_MARGIN = 4
COLOR_BAR_LABEL_WIDTH = 36
# Pixels of the plot's width that its title leaves free.
TITLE_MARGIN = 40
# Pixels below the prediction plot's legend row kept free of data, and the largest share of the
# view's height that the row's room may take.
PREDICTION_LEGEND_MARGIN = 2.0
PREDICTION_LEGEND_MAX_SHARE = 0.5
# Prediction curves with at most this many points also draw a dot at each one.
PREDICTION_SYMBOL_MAX_POINTS = 30
# The prediction plot's y range shrinks to the data when the data needs less than this share
# of its height. The gap between growing and shrinking keeps the axes from moving every epoch.
RANGE_SHRINK_SHARE = 0.8
# The value axis scales its numbers with an SI prefix, as in "value (x1e-06)", only when the
# largest shown value lies below this (or above 1e9).
SI_PREFIX_BELOW = 0.01


class PredictionPlot(PlotPanel):
    """The series, the one-step predictions over training and validation, and the forecast.

    The x axis is the series' time axis when it has one (dates become a date
    axis), else positions 0..n-1.
    """

    export_name = "predictions"

    def __init__(self, parent: QWidget | None = None) -> None:
        self._date_axis = LocaleDateAxisItem(orientation="bottom")
        super().__init__(parent)
        self.plot.setTitle(self.tr("Predictions against the series"))
        self._title_note: tuple[str, int] = ("", -1)  # the note and the plot's width it was fitted to
        self._set_value_label(self.tr("value"))
        # One row at the top, above the data: the y range leaves LEGEND_HEADROOM of space for it.
        self.plot.addLegend(offset=(PREDICTION_LEGEND_OFFSET_X, 2), brush=LEGEND_BRUSH, colCount=4)
        self.actual_curve = make_curve(self.plot, SERIES_UNDER_PREDICTIONS_COLOR, self.tr("series"), width=1.5)
        self.train_curve = make_curve(self.plot, TRAIN_PREDICTION_COLOR, self.tr("prediction (training)"), width=2.0)
        self.val_curve = make_curve(self.plot, VAL_PREDICTION_COLOR, self.tr("prediction (validation)"), width=2.0)
        self.forecast_curve = make_curve(self.plot, FORECAST_COLOR, self.tr("forecast"), width=2.0)
        # Predictions and forecast above the series: on a dense series such as monthly sunspots,
        # a series drawn on top hid them completely.
        for curve in (self.train_curve, self.val_curve, self.forecast_curve):
            curve.setZValue(5)
        # Opaque and behind the curves: blending a translucent fill over the plot cost more per repaint.
        self.val_region = pg.LinearRegionItem(movable=False, brush=pg.mkBrush(VAL_REGION_COLOR),
                                              pen=pg.mkPen(None))
        self.val_region.setZValue(-10)
        self.val_region.setVisible(False)
        self.plot.addItem(self.val_region, ignoreBounds=True)
        # The label's anchor puts the text's top left corner a little right of the line, inside
        # the validation band. _fit_split_label moves it clear of the legend.
        self.split_line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen(VAL_COLOR, width=1),
                                          label=self.tr("validation"),
                                          labelOpts={"position": 1.0,
                                                     "anchors": [(-SPLIT_LABEL_INDENT, 0.0)] * 2,
                                                     "color": VAL_PREDICTION_COLOR,
                                                     "fill": (*VAL_REGION_COLOR, SPLIT_LABEL_FILL_ALPHA)})
        self.split_line.setZValue(10)  # its label stays above the predictions (z 5)
        self.split_line.setVisible(False)
        self.plot.addItem(self.split_line, ignoreBounds=True)
        self._label_fill = pg.mkBrush((*VAL_REGION_COLOR, SPLIT_LABEL_FILL_ALPHA))
        self.plot.vb.sigTransformChanged.connect(self._fit_split_label)
        # The room kept for the legend's row depends on the view's height in pixels.
        self.plot.vb.sigResized.connect(self.refresh_soon)
        # The legend's size follows its text, which the language and the font set.
        self.plot.legend.geometryChanged.connect(self._fit_split_label)

        self._x = np.zeros(0)
        self._values = np.zeros(0)
        self._uses_dates = False
        self._date_unit = "D"  # the numpy unit the readout gives dates in, from the series' step
        self._snapshot = None
        self._pred_x = np.zeros(0)

    def set_series(self, values: np.ndarray, time: np.ndarray | None = None, value_name: str | None = None,
                   time_name: str | None = None) -> None:
        """Show a new series and drop the predictions of the previous one.

        ``value_name`` and ``time_name`` are the CSV file's column names, which label the axes.
        """
        self._values = np.array(values, dtype=np.float64, copy=True)
        # A zoom chosen for the last series would show an arbitrary part of this one.
        self._user_moved = False
        self._range = None
        self._x, uses_dates = series_x_axis(self._values.size, time)
        self._date_unit = date_readout_unit(self._x) if uses_dates else "D"
        if uses_dates != self._uses_dates:
            self._uses_dates = uses_dates
            self.plot.setAxisItems({"bottom": self._date_axis if uses_dates else LocaleAxisItem("bottom")})
        if not uses_dates:
            self.plot.getAxis("bottom").min_tick_spacing = whole_number_spacing(self._x)
        if time_name and time_x_values(self._values.size, time) is not None:
            self.plot.setLabel("bottom", time_name)
        else:
            self.plot.setLabel("bottom", self.tr("date") if uses_dates else self.tr("time step"))
        self._set_value_label(value_name or self.tr("value"))
        self._snapshot = None
        self._series_changed = True
        self.clear_readout()
        self.mark_dirty()

    def set_snapshot(self, snapshot) -> None:
        self._snapshot = snapshot
        self.mark_dirty()

    def clear_predictions(self) -> None:
        self._snapshot = None
        self.mark_dirty()

    def redraw(self) -> None:
        if self._series_changed:
            self._series_changed = False
            self.actual_curve.setData(self._x, finite_or_nan(self._values))
            self._range = None
        snapshot = self._snapshot
        if snapshot is None or snapshot.index.size == 0:
            for curve in (self.train_curve, self.val_curve, self.forecast_curve):
                curve.setData([], [])
            self.val_region.setVisible(False)
            self.split_line.setVisible(False)
            self._pred_x = np.zeros(0)
            self._fit_range(np.zeros(0), 0)
            return

        n_train = snapshot.n_train
        pred_x = self._x[snapshot.index]
        self._pred_x = pred_x
        for curve, count in ((self.train_curve, n_train), (self.val_curve, pred_x.size - n_train)):
            # A short series has few windows, and a single validation window makes a line of no length.
            symbol = "o" if 0 < count <= PREDICTION_SYMBOL_MAX_POINTS else None
            if curve.opts["symbol"] != symbol:
                curve.setSymbol(symbol)
        self.train_curve.setData(pred_x[:n_train], finite_or_nan(snapshot.prediction[:n_train]))
        self.val_curve.setData(pred_x[n_train:], finite_or_nan(snapshot.prediction[n_train:]))
        if n_train < pred_x.size:
            start = float(pred_x[n_train])
            self.split_line.setPos(start)
            self.val_region.setRegion((start, float(pred_x[-1])))
            self.split_line.setVisible(True)
            self.val_region.setVisible(True)
            self._fit_split_label()

        steps = snapshot.forecast.size
        if steps and self._x.size:
            forecast_x = self._forecast_x(steps)
            # Start the forecast line at the last value so it reads as a continuation.
            xs = np.concatenate([self._x[-1:], forecast_x])
            ys = np.concatenate([self._values[-1:], finite_or_nan(snapshot.forecast)])
            self.forecast_curve.setData(xs, ys)
        else:
            self.forecast_curve.setData([], [])
        self._fit_range(np.concatenate([snapshot.prediction, snapshot.forecast]), steps)

    def _set_value_label(self, text: str) -> None:
        """Label the value axis; its numbers below 1 stay as they are, not 0.5 shown as 500 "(x0.001)"."""
        self.plot.setLabel("left", text)
        left = self.plot.getAxis("left")
        if hasattr(left, "setSIPrefixEnableRanges"):  # pyqtgraph 0.13.4 and later; setLabel resets it
            left.setSIPrefixEnableRanges(((0.0, SI_PREFIX_BELOW), (1e9, float("inf"))))

    def _fit_range(self, predicted: np.ndarray, forecast_steps: int) -> None:
        """Show the series, forecast and predictions, and move the y range only when it fits them badly.

        The range grows as soon as a value leaves it, and shrinks back once the
        values need less than RANGE_SHRINK_SHARE of its height, for example when
        predictions that overshot early in training have settled. Predictions
        may widen the range by at most the series' own span on each side, so a
        diverging forecast does not flatten the series into a line.
        """
        if self._x.size == 0:
            return
        x_end = self._forecast_x(forecast_steps)[-1] if forecast_steps else self._x[-1]
        values = self._values[np.isfinite(self._values)]
        if values.size == 0:
            return
        low, high = float(values.min()), float(values.max())
        span = high - low if high > low else max(1.0, abs(high))
        if high == low:
            # A flat series: the line in the middle of the view, as in the Data tab's preview.
            low, high = low - span / 2, high + span / 2
        finite = predicted[np.isfinite(predicted)]
        if finite.size:
            low = max(min(low, float(finite.min())), low - span)
            high = min(max(high, float(finite.max())), high + span)
        data = high - low if high > low else span
        pad = 0.05 * data
        self._fit_legend_columns()
        # In a short plot the legend's row takes more than LEGEND_HEADROOM of the height.
        share = self.legend_height_share(self.plot.legend, PREDICTION_LEGEND_MARGIN, PREDICTION_LEGEND_MAX_SHARE)
        headroom = max(LEGEND_HEADROOM * data, share / (1.0 - share) * (data + 2 * pad))
        y_range = (low - pad, high + pad + headroom)
        if self._range is not None and self._range[0][1] == float(x_end):
            # Keep the current range while it contains the data and is not much taller, so the axes stay put.
            shown_low, shown_high = self._range[1]
            contains = shown_low <= y_range[0] and y_range[1] <= shown_high
            if contains and y_range[1] - y_range[0] >= RANGE_SHRINK_SHARE * (shown_high - shown_low):
                self._set_title_note(self._beyond_note(finite, (shown_low, shown_high)))
                return
        self._set_title_note(self._beyond_note(finite, y_range))
        self.set_view_range((float(self._x[0]), float(x_end)), y_range)

    def _beyond_note(self, finite: np.ndarray, y_range: tuple[float, float]) -> str:
        """Return the title's note on predictions outside ``y_range``, the range shown, or "" when all are inside.

        The range includes the room above the data kept for the legend, where predictions show too.
        """
        if not finite.size or (y_range[0] <= finite.min() and finite.max() <= y_range[1]):
            return ""
        smallest, largest = format_number(float(finite.min())), format_number(float(finite.max()))
        if smallest == largest:
            return self.tr("every prediction is %1, outside what the axis shows").replace("%1", smallest)
        return self.tr("the predictions span %1 to %2, more than the axis shows").replace(
            "%1", smallest).replace("%2", largest)

    def _fit_legend_columns(self) -> None:
        """Lay the legend's four entries in one row, or in two rows where one row is wider than the view.

        In Italian the row is about 580 pixels wide, and a window 1024 pixels wide cut off its last entry.
        """
        legend = self.plot.legend
        view_width = self.plot.vb.width()
        if view_width <= 0 or not legend.items:
            return
        # pyqtgraph's legend adds 3 pixels after each sample and each label.
        one_row = sum(sample.width() + label.width() + 6 for sample, label in legend.items)
        columns = len(legend.items) if one_row + PREDICTION_LEGEND_OFFSET_X <= view_width else 2
        legend.setColumnCount(columns)

    def _forecast_x(self, steps: int) -> np.ndarray:
        """Return the x of ``steps`` forecast values, by calendar month on a date axis that steps by months."""
        if self._uses_dates and self._x.size > 1 and steps > 0:
            times = self._x.astype(np.int64).astype("datetime64[s]")
            return future_times(times, steps).astype(np.int64).astype(np.float64)
        return extend_axis(self._x, steps)

    def _set_title_note(self, note: str) -> None:
        """Add ``note`` to the title in parentheses, or show the plain title when it is empty.

        A title too wide for the plot gets a short note instead, and the title's
        tooltip keeps the whole note.
        """
        width = self.plot_widget.width()
        if (note, width) == self._title_note:
            return
        self._title_note = (note, width)
        title = self.tr("Predictions against the series")
        short_note = self.tr("predictions beyond the axis")
        self._titles = (f"{title} ({note})", f"{title} ({short_note})", title) if note else (title,)
        self.fit_title()
        self.plot.titleLabel.setToolTip(note)

    def point_counts(self) -> dict[str, int]:
        snapshot = self._snapshot
        n_pred = snapshot.index.size if snapshot is not None else 0
        n_train = snapshot.n_train if snapshot is not None else 0
        return {
            "series": int(self._values.size),
            "prediction_train": int(n_train),
            "prediction_val": int(n_pred - n_train),
            "forecast": int(snapshot.forecast.size) if snapshot is not None else 0,
        }

    def describe(self, x: float) -> tuple[str, float]:
        i = nearest_index(self._x, x)
        if i is None:
            return "", x
        label = self._x_label(i)
        text = self.tr("%1: series %2").replace("%1", label).replace("%2", format_number(self._values[i]))
        snapshot = self._snapshot
        if snapshot is not None and snapshot.index.size:
            j = int(np.searchsorted(snapshot.index, i))
            if j < snapshot.index.size and snapshot.index[j] == i:
                text += self.tr(", prediction %1").replace("%1", format_number(snapshot.prediction[j]))
        if snapshot is not None and snapshot.forecast.size and x > self._x[-1]:
            forecast_x = self._forecast_x(snapshot.forecast.size)
            k = nearest_index(forecast_x, x)
            text = self.tr("forecast step %1: %2").replace("%1", format_integer(k + 1)).replace(
                "%2", format_number(snapshot.forecast[k]))
            return text, float(forecast_x[k])
        return text, float(self._x[i])

    def _fit_split_label(self, *_args) -> None:
        """Place the "validation" label at the top of the band, or below the legend's row.

        The y range keeps the legend's row free of the series (LEGEND_HEADROOM),
        so there the label rarely covers a curve. The label shares that row only
        when it starts well right of the legend (SPLIT_LABEL_LEGEND_CLEARANCE), and
        otherwise moves below the legend, or to the bottom of the band when the
        curves pass there. Past the band's end, a band-coloured fill
        would make the band look wider than it is, so the label then has no fill.
        It is hidden when it would start past that end or run off the plot.
        """
        if not self.val_region.isVisible():
            return
        label = self.split_line.label
        start, end = self.val_region.getRegion()
        left = self.plot.vb.mapViewToScene(QPointF(start, 0)).x()
        right = self.plot.vb.mapViewToScene(QPointF(end, 0)).x()
        width = max(1.0, label.boundingRect().width())
        height = label.boundingRect().height()
        view = self.plot.vb.sceneBoundingRect()
        # Pixels from the line to the text's left edge, and the text's top edge in the scene.
        offset = SPLIT_LABEL_INDENT * width
        top = view.top()
        legend = self.plot.legend
        if legend is not None and legend.isVisible():
            legend_rect = legend.sceneBoundingRect()
            clear_of_legend = legend_rect.right() + SPLIT_LABEL_LEGEND_CLEARANCE * height
            if left + offset < clear_of_legend and legend_rect.bottom() > top:
                top = legend_rect.bottom() + SPLIT_LABEL_GAP
        top = self._split_label_top(top, left + offset, width, height, view)

        # A label that would start past the band's end, or be cut by the plot's edge, names nothing:
        # the band and the legend's "prediction (validation)" entry still show the split.
        label.setVisible(left + offset <= right and left + offset + width <= view.right()
                         and top + height <= view.bottom())
        brush = self._label_fill if left + offset + width <= right else pg.mkBrush(None)
        if label.fill != brush:
            label.fill = brush
            label.update()
        anchor = (-offset / width, 0.0)
        if tuple(label.anchors[0]) != anchor:
            label.anchors = [anchor, anchor]
            label.setAnchor(anchor)
        # The label's position runs from 0 at the bottom of the view to 1 at its top.
        position = (view.bottom() - top) / view.height() if view.height() > 0 else 1.0
        position = min(1.0, max(0.0, position))
        if abs(label.orthoPos - position) > 1e-6:
            label.setPosition(position)
        # pyqtgraph 0.14's TextItem rescales itself only when painted or shown, so a label placed while
        # its line was hidden kept a view-scaled shape outside the plot and was never painted.
        label.updateTransform()

    def _split_label_top(self, top: float, left: float, width: float, height: float, view) -> float:
        """Return the label's top edge in the scene: ``top``, or near the view's bottom when the curves cross it.

        Below the legend the label often lies on the series' peaks. It moves to
        the bottom edge when the curves under its width leave that edge free.
        """
        x_low = self.plot.vb.mapSceneToView(QPointF(left, 0)).x()
        x_high = self.plot.vb.mapSceneToView(QPointF(left + width, 0)).x()
        under_label = [finite_or_nan(self._values[(self._x >= x_low) & (self._x <= x_high)])]
        if self._snapshot is not None and self._pred_x.size == self._snapshot.prediction.size:
            inside = (self._pred_x >= x_low) & (self._pred_x <= x_high)
            under_label.append(finite_or_nan(self._snapshot.prediction[inside]))
        values = np.concatenate(under_label)
        values = values[np.isfinite(values)]
        if not values.size:
            return top

        def covered(edge: float) -> bool:
            # Scene y grows downwards, so the label spans edge .. edge + height.
            scene_high = self.plot.vb.mapViewToScene(QPointF(x_low, float(values.max()))).y()
            scene_low = self.plot.vb.mapViewToScene(QPointF(x_low, float(values.min()))).y()
            return scene_high < edge + height and scene_low > edge

        bottom = view.bottom() - height - SPLIT_LABEL_GAP
        if covered(top) and not covered(bottom) and bottom > top:
            return bottom
        return top

    def _x_label(self, i: int) -> str:
        if self._uses_dates:
            return str(np.datetime64(int(self._x[i]), "s").astype(f"datetime64[{self._date_unit}]")).replace("T", " ")
        return format_number(self._x[i], 8)


# Most labelled powers of ten on the gradient norm axis, which fit the diagnostics plots' minimum height.
GRADIENT_MAX_TICK_LABELS = 4
# Share of the view's height kept below the norms for the markers of 0, which then sit under
# the lowest labelled power of ten rather than beside it.
ZERO_MARKER_BAND = 0.12
# Pixels kept free between the gradient plot's legend and the highest norm.
GRADIENT_LEGEND_MARGIN = 4.0
# Largest share of the view's height that the room for the legend may take.
GRADIENT_LEGEND_MAX_SHARE = 0.5


class GradientPlot(PlotPanel):
    """Mean norm of dL/dh_t per time step over the last batch: shows vanishing gradients."""

    export_name = "gradient"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        titles = (self.tr("Gradient norm per time step (last batch)"), self.tr("Gradient norm per step"))
        self.plot.setLabel("bottom", self.tr("time step in the window"))
        self.plot.getAxis("bottom").min_tick_spacing = 1.0  # whole steps, also for a window of 1 or 2
        self.plot.setLabel("left", self.tr("mean ||dL/dh||"))
        self.plot.setLogMode(x=False, y=True)
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.curve = make_curve(self.plot, TRAIN_COLOR, self.tr("gradient norm"), symbol="o")
        # A log axis cannot show 0, so the steps whose norm is 0 get a marker on the bottom edge, with
        # a legend. Grey markers are the steps that truncated backpropagation leaves out. Red ones are
        # steps inside it that get no gradient through the activation (saturated or dead units).
        self.zero_points = self.plot.plot([], [], pen=None, symbol="t", symbolSize=7, symbolBrush=ZERO_COLOR,
                                          symbolPen=ZERO_COLOR)
        self.truncated_points = self.plot.plot([], [], pen=None, symbol="t", symbolSize=7,
                                               symbolBrush=TRUNCATED_COLOR, symbolPen=TRUNCATED_COLOR)
        self._legend = pg.LegendItem(offset=(-10, 2), brush=LEGEND_BRUSH)
        self._legend.setParentItem(self.plot.getViewBox())
        self._legend.setVisible(False)
        # The room kept for the legend above the norms is a share of the view's height.
        self.plot.vb.sigResized.connect(self.refresh_soon)
        self.empty_hint = add_empty_hint(self.plot, self.tr("Recorded from the next epoch on"))
        self._norms = np.zeros(0)
        self._truncated = 0  # how many first steps truncated backpropagation leaves out
        self._epoch = 0
        self.redraw()
        self.keep_content_width(titles)

    def set_report(self, report, bptt_truncate: int | None = None) -> None:
        """Show the report's gradient norms; ``bptt_truncate`` is the run's setting (None: full BPTT).

        A diverged epoch without norms leaves the plot empty, with a hint that gives the reason.
        """
        if report.dh_norms is None:
            if report.stop_reason == "diverged" and self._norms.size == 0:
                self.empty_hint.setText(self.tr("Not recorded: the loss diverged in epoch %1").replace(
                    "%1", format_integer(report.epoch)))
            return
        self.empty_hint.setText(self.tr("Recorded from the next epoch on"))
        self._norms = np.array(report.dh_norms, dtype=np.float64, copy=True)
        self._truncated = max(0, self._norms.size - bptt_truncate) if bptt_truncate else 0
        self._epoch = report.epoch
        self.mark_dirty()

    def clear(self) -> None:
        self._norms = np.zeros(0)
        self.empty_hint.setText(self.tr("Recorded from the next epoch on"))
        self.mark_dirty()

    def redraw(self) -> None:
        self.fit_title()
        steps = np.arange(1, self._norms.size + 1, dtype=np.float64)
        norms = finite_or_nan(self._norms, positive=True)
        if np.isnan(norms).all():
            # An all-NaN curve makes pyqtgraph warn, so the curve gets no data.
            self.curve.setData([], [])
        else:
            self.curve.setData(steps, norms)
        low, high = decade_range(norms)
        truncated = steps <= self._truncated
        zero = (self._norms == 0.0) & ~truncated
        any_truncated, any_zero = bool(truncated.any()), bool(zero.any())
        self._legend.clear()
        if any_truncated or any_zero:
            # With markers of 0 beside it, the curve's dots need a name too.
            self._legend.addItem(self.curve, self.tr("mean ||dL/dh|| above 0"))
        if any_truncated:
            self._legend.addItem(self.truncated_points, self.tr("0: outside truncated BPTT, which keeps the last %1 steps")
                                 .replace("%1", format_integer(self._norms.size - self._truncated)))
        if any_zero:
            self._legend.addItem(self.zero_points, self.tr("0: no gradient passes the activation"))
        self._legend.setVisible(any_truncated or any_zero)
        # Shares of the view's height: a band under the lowest power of ten for the markers of 0,
        # and room above the norms for the legend, so that it covers none of the dots.
        band = ZERO_MARKER_BAND if any_truncated or any_zero else 0.0
        legend = self.legend_height_share(self._legend, GRADIENT_LEGEND_MARGIN, GRADIENT_LEGEND_MAX_SHARE)
        view = (high - low) / (1.0 - band - legend)
        floor, top = low - band * view, high + legend * view
        # The items take linear values and apply the log themselves.
        edge = 10.0 ** (low - band * view / 2)
        self.zero_points.setData(steps[zero], np.full(int(zero.sum()), edge))
        self.truncated_points.setData(steps[truncated], np.full(int(truncated.sum()), edge))
        # A whole step of room at each end, so the first and last dots show whole.
        self.set_view_range((0.0, max(1, self._norms.size) + 1.0), (floor, top))
        # Label at most GRADIENT_MAX_TICK_LABELS whole decades, because at the plot's minimum height
        # the labels of minor log ticks or of many decades overlap.
        major = decade_ticks(low, high, GRADIENT_MAX_TICK_LABELS)
        self.empty_hint.setPos(1.0, (low + high) / 2)
        show_empty_state(self.plot, self.empty_hint, self._norms.size == 0)
        if self._norms.size:
            self.plot.getAxis("left").setTicks([major, []])

    def describe(self, x: float) -> tuple[str, float]:
        steps = np.arange(1, self._norms.size + 1, dtype=np.float64)
        i = nearest_index(steps, x)
        if i is None:
            return "", x
        text = self.tr("epoch %1, step %2: %3").replace("%1", format_integer(self._epoch)).replace(
            "%2", format_integer(i + 1)).replace("%3", format_number(self._norms[i]))
        return text, float(steps[i])


class HiddenStatePlot(PlotPanel):
    """Hidden state h_t of every unit over the first validation window, as a heat map.

    x is the time step in the window and y the hidden unit; the colour is the
    activation, and the colour bar beside the map shows its scale. Units that
    stay saturated read as flat bands.
    """

    export_name = "hidden_state"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        titles = (self.tr("Hidden state over the first validation window"), self.tr("Hidden state"))
        self.plot.setLabel("bottom", self.tr("time step in the window"))
        self.plot.setLabel("left", self.tr("hidden unit"))
        # Units and time steps are whole numbers, which read oddly as "400 (x0.001)" or 1.5.
        for name in ("bottom", "left"):
            self.plot.getAxis(name).enableAutoSIPrefix(False)
            self.plot.getAxis(name).min_tick_spacing = 1.0
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.colormap.get("CET-D1"))
        self.plot.addItem(self.image)
        # The colour scale right of the map. It only shows the image's levels, which redraw sets,
        # so it has no handles and no colour map menu.
        self.color_bar = pg.ColorBarItem(colorMap=self.image.getColorMap(), width=12, interactive=False,
                                         colorMapMenu=False)
        self.color_bar.setImageItem(self.image, insert_in=self.plot)
        self.color_bar.getAxis("right").enableAutoSIPrefix(False)
        localize_tick_strings(self.color_bar.getAxis("right"))
        self.empty_hint = add_empty_hint(self.plot, self.tr("Recorded from the next epoch on"))
        self._states = np.zeros((0, 0))
        self._epoch = 0
        self.redraw()
        # The colour bar's tick labels get their width only when first drawn.
        self.keep_content_width(titles, extra=COLOR_BAR_LABEL_WIDTH)
        self.plot.vb.sigResized.connect(self.refresh_soon)  # the title fits the width

    def set_report(self, report) -> None:
        if report.hidden_states is None:
            return
        # After early stopping the trainer records the states of the restored weights, so the readout
        # names their epoch, as the metrics line does.
        self.set_states(report.hidden_states, report.extra.get("restored_epoch", report.epoch))

    def set_states(self, states: np.ndarray, epoch: int) -> None:
        """Show hidden states (steps, units) of the weights of epoch ``epoch``."""
        self._states = np.array(states, dtype=np.float64, copy=True)
        self._epoch = epoch
        self.mark_dirty()

    def clear(self) -> None:
        self._states = np.zeros((0, 0))
        self.mark_dirty()

    def redraw(self) -> None:
        self.fit_title()
        states = self._states
        show_empty_state(self.plot, self.empty_hint, states.size == 0)
        # Without data the bar would show pyqtgraph's default levels, 0 to 1.
        self.color_bar.setVisible(states.size > 0)
        if states.size == 0:
            self.image.clear()
            # One empty cell around the hint, rather than pyqtgraph's range of an empty plot.
            self.empty_hint.setPos(1.0, 0.0)
            self.set_view_range((0.5, 1.5), (-0.5, 0.5))
            return
        # Rows are units and columns time steps; non-finite values show as 0.
        image = np.nan_to_num(states.T, nan=0.0, posinf=0.0, neginf=0.0)
        limit = float(np.abs(image).max()) or 1.0
        low = -limit if image.min() < 0 else 0.0
        self.image.setImage(image, levels=(low, limit), autoLevels=False)
        # pyqtgraph 0.14's first setImage applies, after these levels, the 0 to 1 that the colour
        # bar gave the still empty image. Setting them again wins; the image renders when painted.
        self.image.setLevels((low, limit), update=False)
        self.color_bar.setLevels((low, limit), update_items=False)
        self.image.setRect(0.5, -0.5, states.shape[0], states.shape[1])
        self.set_view_range((0.5, states.shape[0] + 0.5), (-0.5, states.shape[1] - 0.5))

    def describe(self, x: float) -> tuple[str, float]:
        """Describe the time step nearest to x: the range of its hidden states."""
        return self.describe_point(x, None)

    def describe_point(self, x: float, y: float | None) -> tuple[str, float]:
        """Describe the cell under (x, y): its unit's state, or the step's range when y is off the map."""
        if self._states.size == 0:
            return "", x
        step = int(np.clip(round(x), 1, self._states.shape[0]))
        values = self._states[step - 1]
        epoch, step_text = format_integer(self._epoch), format_integer(step)
        unit = None if y is None or not np.isfinite(y) else int(round(y))
        if unit is not None and 0 <= unit < values.size:
            text = self.tr("epoch %1, step %2, unit %3: hidden state %4").replace("%1", epoch).replace(
                "%2", step_text).replace("%3", format_integer(unit)).replace("%4", format_number(float(values[unit])))
            return text, float(step)
        finite = values[np.isfinite(values)]
        if not finite.size:
            # After divergence every state can be NaN, where np.nanmin warns and returns NaN.
            text = self.tr("epoch %1, step %2: no finite hidden state").replace(
                "%1", epoch).replace("%2", step_text)
            return text, float(step)
        text = self.tr("epoch %1, step %2: hidden state from %3 to %4").replace(
            "%1", epoch).replace("%2", step_text).replace(
            "%3", format_number(float(finite.min()))).replace("%4", format_number(float(finite.max())))
        return text, float(step)


def add_empty_hint(plot: pg.PlotItem, text: str) -> pg.TextItem:
    """Add a grey text to ``plot``, centred where the plot places it, for show_empty_state to show."""
    hint = pg.TextItem(text, color=(120, 120, 120), anchor=(0.5, 0.5))
    plot.addItem(hint, ignoreBounds=True)
    # Hidden until show_empty_state finds the plot empty and also removes its ticks.
    hint.setVisible(False)
    return hint


def show_empty_state(plot: pg.PlotItem, hint: pg.TextItem, empty: bool) -> None:
    """Show ``hint`` and no ticks while a plot is empty, and pyqtgraph's ticks once it has data.

    The ticks of an empty plot would only label the placeholder range.
    """
    if hint.isVisible() == empty:
        return
    hint.setVisible(empty)
    for name in ("bottom", "left"):
        plot.getAxis(name).setTicks([[], []] if empty else None)


# Minimum room, in decades, between the smallest value and the bottom of a log plot's range: a
# falling loss of 0.0011 gets a range down to 0.0001, not one whose bottom edge it runs along.
DECADE_MARGIN = 0.1


def decade_range(values: np.ndarray) -> tuple[float, float]:
    """Return the log10 range of whole decades that contains the finite positive values, with a margin below."""
    finite = values[np.isfinite(values) & (values > 0)]
    if finite.size == 0:
        return (-3.0, 0.0)
    low = float(np.floor(np.log10(finite.min()) - DECADE_MARGIN))
    high = float(np.ceil(np.log10(finite.max())))
    return (low, high if high > low else low + 1.0)


def time_x_values(length: int, time: np.ndarray | None) -> np.ndarray | None:
    """Return the x values of a series' time axis (dates as seconds since 1970), or None when it cannot order them.

    A time axis orders the plot only when it goes forward (series.times_go_forward),
    as the reader's "ascending" order does, so a time may repeat. In a file whose
    time goes back (the reader notes it), the values are used in row order, so
    the plot draws them by position.
    """
    if time is None or len(time) != length:
        return None
    time = np.asarray(time)
    if np.issubdtype(time.dtype, np.datetime64):
        xs = time.astype("datetime64[s]").astype(np.int64).astype(np.float64)
    elif np.issubdtype(time.dtype, np.number):
        xs = time.astype(np.float64)
    else:
        return None
    return xs if times_go_forward(time) else None


def series_x_axis(length: int, time: np.ndarray | None) -> tuple[np.ndarray, bool]:
    """Return the x values of a series and whether they are dates (seconds since 1970)."""
    xs = time_x_values(length, time)
    if xs is None:
        return np.arange(length, dtype=np.float64), False
    return xs, bool(np.issubdtype(np.asarray(time).dtype, np.datetime64))


def extend_axis(xs: np.ndarray, steps: int) -> np.ndarray:
    """Return ``steps`` x values after ``xs``, spaced by the median step of ``xs``."""
    # The middle of the sorted steps: np.median's first call imports numpy.ma, which took
    # 100 ms on the GUI thread in the middle of training.
    gaps = np.sort(np.diff(xs)) if xs.size > 1 else np.ones(1)
    step = float(gaps[gaps.size // 2])
    return xs[-1] + step * np.arange(1, steps + 1, dtype=np.float64)


# Pixels across an exported PNG at least: a plot 870 px wide on screen came out too small for a slide.
PNG_EXPORT_MIN_WIDTH = 1600


def render_plot_image(panel: PlotPanel) -> QImage:
    """Draw the plot as on screen into an image at least PNG_EXPORT_MIN_WIDTH pixels wide.

    The image has a device pixel ratio, as on a high-resolution screen, so
    lines, text and the legend all grow together. pyqtgraph's ImageExporter
    scaled the scene instead, and left the legend at its size on screen.
    """
    source = panel.plot.sceneBoundingRect()
    ratio = max(1.0, PNG_EXPORT_MIN_WIDTH / max(1.0, source.width()))
    image = QImage(math.ceil(source.width() * ratio), math.ceil(source.height() * ratio),
                   QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        panel.plot.scene().render(painter, QRectF(0.0, 0.0, source.width(), source.height()), source)
    finally:
        painter.end()
    return image


def export_plot(panel: PlotPanel, path: str) -> None:
    """Write a plot as PNG or SVG, chosen by the file extension.

    SVG goes through pyqtgraph's exporter, which writes a clip path for the plot
    area and one named group per item. The whole widget drawn by QSvgGenerator
    has neither (Qt 6.11.3), so it is only the fallback: when pyqtgraph's
    exporter fails on SVG from Qt that it cannot read, QSvgGenerator draws the
    plot widget instead, and the reason is logged.
    """
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise OSError(f"the folder {folder} was not found; choose an existing folder")
    # The dotted hover line marks where the mouse was, not the data, so exports leave it out.
    cursor_shown = panel._cursor.isVisible()
    panel._cursor.setVisible(False)
    try:
        _export_plot(panel, path)
    finally:
        panel._cursor.setVisible(cursor_shown)


def _export_plot(panel: PlotPanel, path: str) -> None:
    from xml.parsers.expat import ExpatError

    if not path.lower().endswith(".svg"):
        image = render_plot_image(panel)
        if not image.save(path):
            raise OSError(f"{path} could not be written; check that the folder is writable and has free space")
        return

    from rnn_desktop.gui.svg_export import PlotSvgExporter

    try:
        PlotSvgExporter(panel.plot).export(path)
    except (ValueError, IndexError, ExpatError) as error:
        # pyqtgraph 0.14.0's exporter raises these when Qt's SVG is not in the form it parses. ValueError
        # comes from unexpected path data (seen with Qt 6.11.3). Its source also shows IndexError for a
        # document without a group and ExpatError for text that is not XML.
        log.warning("pyqtgraph's SVG exporter failed (%s: %s); drawing %s with QSvgGenerator instead",
                    type(error).__name__, error, path)
        render_svg(panel.plot_widget, path)


def render_svg(widget: QWidget, path: str) -> None:
    """Draw ``widget`` into an SVG file with Qt's generator."""
    from PySide6.QtCore import QRect, QSize
    from PySide6.QtSvg import QSvgGenerator

    generator = QSvgGenerator()
    generator.setFileName(path)
    generator.setSize(QSize(widget.width(), widget.height()))
    generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
    generator.setTitle(path)
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"cannot open {path} for writing")
    try:
        widget.render(painter)
    finally:
        painter.end()
