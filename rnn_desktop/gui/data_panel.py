"""The data panel: the series source (generator or CSV file), the split and a preview."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox, QButtonGroup, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QPushButton, QRadioButton, QSpinBox, QStackedWidget, QVBoxLayout, QWidget,
)

from rnn_desktop.core import csv_values
from rnn_desktop.core.errors import RnnDesktopError
from rnn_desktop.core.series import Series, count_val_windows, series_origin, shorter_window_gain
from rnn_desktop.gui import messages
from rnn_desktop.gui.core_errors import series_name
from rnn_desktop.gui.decimal_key import DecimalSpinBox
from rnn_desktop.gui.spin_boxes import CompactDoubleSpinBox, CompactSpinBox
from rnn_desktop.gui.generator_texts import generator_label, parameter_label, translated
from rnn_desktop.gui.limits import OutOfLimits, limit_problem, spin_limit_problem
from rnn_desktop.gui.locale_axis import LocaleAxisItem, LocaleDateAxisItem, locale_axes, whole_number_spacing
from rnn_desktop.gui.plots import ACTUAL_COLOR, VAL_COLOR, series_x_axis
from rnn_desktop.gui.training_panel import NOTE_STYLE, PROBLEM_STYLE

log = logging.getLogger(__name__)

DELIMITERS = (",", ";", "tab", "|", "space")
# The reader's name of a detected delimiter -> the option shown; None is a one-column file.
READER_DELIMITERS = {"\t": "tab", "whitespace": "space", None: None}
# Every name the reader reports (BOM detection gives utf-8-sig, utf-16-le and utf-16-be).
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1")
MISSING_POLICIES = ("interpolate", "drop", "refuse")


def spec_value(spec: Any, name: str, default: Any = None) -> Any:
    """Read ``name`` from a generator spec given as an object or a dict."""
    if isinstance(spec, dict):
        return spec.get(name, default)
    return getattr(spec, name, default)


class PreviewPlot(pg.PlotWidget):
    """A PlotWidget with a small preferred height, so the data tab fits without scrolling.

    The tab's word-wrapped labels make its scroll area size it by preferred height,
    and PlotWidget's own preferred height (480 pixels) pushed the preview's x axis
    out of view at the default 1400 x 900 window.
    """

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return QSize(300, 200)


class GeneratorForm(QWidget):
    """Generator choice, length, noise and the chosen generator's own parameters."""

    # When any field changes.
    edited = Signal()
    # When a typed number lies outside its field's range: the field's name ("length", "noise",
    # "seed" or a parameter's name), the number typed, the value kept, and the range's minimum and maximum.
    value_clamped = Signal(str, float, float, float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from rnn_desktop.core.generators import GENERATORS

        self._generators = GENERATORS
        self.name = QComboBox()
        for name, spec in GENERATORS.items():
            self.name.addItem(generator_label(name), name)
            description = spec_value(spec, "description")
            tip = self.tr("Command line: --generator %1").replace("%1", name)
            if description:
                tip = f"{translated(description)}\n{tip}"
            self.name.setItemData(self.name.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.name.setToolTip(self.tr("Built-in series. The first, Tutorial sine, is the classic tutorial's series."))
        self.length = self._number_field("length", CompactSpinBox(), 2, 1_000_000)
        self.length.setValue(200)
        self.length.setToolTip(self.tr("Number of values generated."))
        self.noise = self._number_field("noise", CompactDoubleSpinBox(), 0.0, 1e6, 4)
        self.noise.setSingleStep(0.05)
        self.noise.setToolTip(self.tr("Standard deviation of Gaussian noise added to every value."))
        self.noise_seed = self._number_field("seed", CompactSpinBox(), 0, 2**31 - 1)
        self.noise_seed.setToolTip(self.tr("Seed of the noise and of random generators."))

        # Shown when the series has nothing to learn, such as a sine of amplitude 0.
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._form = QFormLayout()
        layout.addLayout(self._form)
        layout.addWidget(self.note)
        self._form.addRow(self.tr("Generator"), self.name)
        self._form.addRow(self.tr("Length"), self.length)
        self._form.addRow(self.tr("Noise"), self.noise)
        self._form.addRow(self.tr("Noise seed"), self.noise_seed)
        self._param_widgets: dict[str, QDoubleSpinBox] = {}

        self.name.currentIndexChanged.connect(self._rebuild_params)
        self.name.currentIndexChanged.connect(self.edited)
        for widget in (self.length, self.noise_seed):
            widget.valueChanged.connect(self.edited)
        self.noise.valueChanged.connect(self.edited)
        self._rebuild_params()

    def _rebuild_params(self) -> None:
        for name in list(self._param_widgets):
            self._form.removeRow(self._param_widgets.pop(name))
        spec = self._generators.get(self.name.currentData())
        for param in spec_value(spec, "params", ()) or ():
            name = spec_value(param, "name")
            spin = self._number_field(name, CompactDoubleSpinBox(), *self._param_limits(param))
            spin.setValue(float(spec_value(param, "default", 0.0)))
            spin.setToolTip(translated(str(spec_value(param, "description", ""))))
            spin.valueChanged.connect(self.edited)
            self._param_widgets[name] = spin
            self._form.addRow(parameter_label(name), spin)

    def _number_field(self, name: str, spin, low: float, high: float, decimals: int = 0):
        """Set up ``spin`` (a CompactSpinBox or CompactDoubleSpinBox) to report a typed number outside its range."""
        spin.setRange(low, high)
        if decimals:
            spin.setDecimals(decimals)
        spin.setKeyboardTracking(False)
        spin.value_clamped.connect(lambda typed, kept: self.value_clamped.emit(
            name, typed, kept, spin.minimum(), spin.maximum()))
        return spin

    def number_field(self, name: str) -> QAbstractSpinBox:
        """Return the spin box that ``value_clamped`` names."""
        common = {"length": self.length, "noise": self.noise, "seed": self.noise_seed}
        return common[name] if name in common else self._param_widgets[name]

    @staticmethod
    def _param_limits(param: Any) -> tuple[float, float, int]:
        """Return the range and decimal places of the spin box of a generator parameter."""
        low = spec_value(param, "min")
        high = spec_value(param, "max")
        decimals = 0 if spec_value(param, "integer", False) else 4
        return -1e9 if low is None else float(low), 1e9 if high is None else float(high), decimals

    def params(self) -> dict[str, Any]:
        spec = self._generators.get(self.name.currentData())
        values: dict[str, Any] = {}
        for param in spec_value(spec, "params", ()) or ():
            name = spec_value(param, "name")
            value = self._param_widgets[name].value()
            if spec_value(param, "integer", False):
                value = int(round(value))
            values[name] = value
        return values

    def generate(self) -> Series:
        from rnn_desktop.core.generators import generate

        return generate(self.name.currentData(), length=self.length.value(), noise=self.noise.value(),
                        seed=self.noise_seed.value(), **self.params())

    def show_flat_note(self, series: Series) -> None:
        """Show a note below the fields when every value of ``series`` is the same, and hide it otherwise."""
        values = np.asarray(series.values)
        flat = bool(values.size) and bool(np.ptp(values) == 0)
        if flat:
            # train warns of this too.
            self.note.setText(self.tr("Every value of this series is %1, so there is nothing to learn. Check the "
                                      "parameters above: an amplitude or a step of 0 gives a flat series, and so "
                                      "can a length shorter than one cycle.").replace(
                "%1", messages.format_number(values[0])))
        self.note.setVisible(flat)

    def set_values(self, name: str, length: int, noise: float, seed: int,
                   params: dict[str, float] | None = None) -> None:
        """Show these settings without emitting ``edited``; parameters not in ``params`` get their default."""
        widgets = (self.name, self.length, self.noise, self.noise_seed)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            index = self.name.findData(name)
            if index >= 0:
                self.name.setCurrentIndex(index)
            self.length.setValue(length)
            self.noise.setValue(noise)
            self.noise_seed.setValue(seed)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._rebuild_params()
        for param_name, value in (params or {}).items():
            spin = self._param_widgets[param_name]
            spin.blockSignals(True)
            spin.setValue(float(value))
            spin.blockSignals(False)

    def out_of_limits(self, name: str, length: int, noise: float, seed: int,
                      params: dict[str, float]) -> OutOfLimits | None:
        """Return the first setting that the form would clamp or round, or None when all fit.

        A parameter's field is named "param NAME". Parameters that ``name`` lacks
        are left to the generator, which rejects them with the names it has.
        """
        problem = (spin_limit_problem("length", self.length, length)
                   or spin_limit_problem("noise", self.noise, noise)
                   or spin_limit_problem("seed", self.noise_seed, seed))
        if problem is not None:
            return problem
        spec = self._generators.get(name)
        for param in spec_value(spec, "params", ()) or ():
            param_name = spec_value(param, "name")
            if param_name in params:
                low, high, decimals = self._param_limits(param)
                problem = limit_problem(f"param {param_name}", params[param_name], low, high, decimals)
                if problem is not None:
                    return problem
        return None


# The ragged rows, and the values far from the others, that the CSV form names by line; it counts them all.
RAGGED_LINES_SHOWN = 5


def _first_few(items: list, text_of: Callable[[Any], str]) -> str:
    """Join the texts of the first RAGGED_LINES_SHOWN items, with ", ..." when there are more."""
    listed = ", ".join(text_of(item) for item in items[:RAGGED_LINES_SHOWN])
    return listed + ", ..." if len(items) > RAGGED_LINES_SHOWN else listed


class CsvForm(QWidget):
    """The CSV file's path and its reading settings, as detected and as overridden."""

    # When a reading setting changes through its widget.
    edited = Signal()
    # When the Open button is pressed.
    open_requested = Signal()
    # When the button that leaves a file that could not be read is pressed.
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path_label = QLabel(self.tr("No file"))
        self.path_label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open CSV..."))
        self.open_button.setToolTip(self.tr("Choose a CSV file (Ctrl+O). You can also drop a file on the window."))
        self.column = QComboBox()
        self.column.setToolTip(self.tr("The column to train on. Only numeric columns can be chosen."))
        self.delimiter = QComboBox()
        self.delimiter.addItem(self.tr("(one column)"), None)
        # Column kinds and delimiter names come from the reader in English.
        self._words = {"tab": self.tr("tab"), "space": self.tr("space"), "numeric": self.tr("numeric"),
                       "text": self.tr("text"), "datetime": self.tr("date and time"), "empty": self.tr("empty")}
        # A lone character is hard to read and to hit in a list, so each mark also has its name.
        marks = {",": self.tr("comma (,)"), ";": self.tr("semicolon (;)"), "|": self.tr("vertical bar (|)"),
                 ".": self.tr("point (.)")}
        for value in DELIMITERS:
            self.delimiter.addItem(marks.get(value) or self._words.get(value, value), value)
        self.delimiter.setToolTip(self.tr("Field separator, as detected; choose another to override it."))
        self.decimal = QComboBox()
        for value in (".", ","):
            self.decimal.addItem(marks[value], value)
        self.decimal.setToolTip(self.tr("Decimal mark, as detected; choose another to override it."))
        self.encoding = QComboBox()
        self.encoding.setEditable(True)
        for value in ENCODINGS:
            self.encoding.addItem(value, value)
        self.encoding.setToolTip(self.tr("Text encoding, as detected; choose or type another to override it."))
        self.header = QComboBox()
        self.header.addItem(self.tr("first row is a header"), True)
        self.header.addItem(self.tr("first row is data"), False)
        self.header.setToolTip(self.tr("Whether the first row names the columns, as detected."))
        self.missing = QComboBox()
        self.missing.addItem(self.tr("interpolate"), "interpolate")
        self.missing.addItem(self.tr("drop the row"), "drop")
        self.missing.addItem(self.tr("reject the file"), "refuse")
        self.missing.setToolTip(self.tr("What to do with empty or non-numeric cells in the column."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        # How the file was read that may need a change: one sentence per line, in the colour of
        # a warning, so that it does not read as part of the counts.
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet(NOTE_STYLE)
        self.notes.hide()
        # Shown with a file that could not be read, to train on the series in use again.
        self.back_button = QPushButton(self.tr("Back to the series in use"))
        self.back_button.hide()
        self.back_button.clicked.connect(self.back_requested)

        path_row = QHBoxLayout()
        path_row.addWidget(self.path_label, 1)
        path_row.addWidget(self.open_button)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(path_row)
        form.addRow(self.tr("Column"), self.column)
        form.addRow(self.tr("Delimiter"), self.delimiter)
        form.addRow(self.tr("Decimal mark"), self.decimal)
        form.addRow(self.tr("Encoding"), self.encoding)
        form.addRow(self.tr("Header"), self.header)
        form.addRow(self.tr("Missing values"), self.missing)
        form.addRow(self.summary)
        form.addRow(self.notes)
        form.addRow(self.back_button)

        self.open_button.clicked.connect(self.open_requested)
        # The decimal mark shown was detected with the old delimiter, so another delimiter lets the reader
        # detect it again, unless the person chose it for this file (a ';' file with decimal commas
        # read at ',' shows the point).
        self._decimal_chosen = False
        self._redetect_decimal = False
        self._path_shown: str | None = None
        self.delimiter.activated.connect(self._on_delimiter_chosen)
        # Connected before ``edited``, so the reload already uses the settings it changes.
        self.decimal.activated.connect(self._on_decimal_chosen)
        # Another delimiter or header choice gives other column names, so the reader picks the column again.
        for combo in (self.delimiter, self.header):
            combo.activated.connect(lambda _index: self.column.setCurrentIndex(-1))
        for combo in (self.column, self.delimiter, self.decimal, self.header, self.missing):
            combo.activated.connect(self.edited)
        self.encoding.activated.connect(self.edited)
        self.encoding.lineEdit().editingFinished.connect(self.edited)

    def _begin_showing(self, path: str) -> None:
        """Forget a decimal mark chosen for another file, and the request to detect it again."""
        if path != self._path_shown:
            self._decimal_chosen = False
        self._path_shown = path
        self._redetect_decimal = False

    def _on_delimiter_chosen(self) -> None:
        self._redetect_decimal = not self._decimal_chosen

    def _on_decimal_chosen(self) -> None:
        """Let the reader detect the delimiter and column again when ',' becomes both decimal mark and delimiter.

        The comma cannot be both, and the reader keeps it as the delimiter
        only where quotes protect the numbers. A file that was split at its
        decimal commas then reads as one column, which lacks the column
        chosen before.
        """
        self._decimal_chosen = True
        self._redetect_decimal = False
        if self.decimal.currentData() == "," and self.delimiter.currentData() == ",":
            self.delimiter.setCurrentIndex(self.delimiter.findData(None))
            self.column.setCurrentIndex(-1)

    def overrides(self) -> dict[str, Any]:
        """Return the reading settings shown, as read_series keyword arguments."""
        column = self.column.currentData()
        return {
            "column": column,
            "delimiter": self.delimiter.currentData(),
            "decimal": None if self._redetect_decimal else self.decimal.currentData(),
            "encoding": self.encoding.currentText().strip() or None,
            "header": self.header.currentData(),
            "missing": self.missing.currentData(),
        }

    def show_info(self, path: str, series: Series) -> None:
        """Show the reading settings of ``series`` (the reader's ``details``) for ``path``."""
        details = series.details or {}
        self._begin_showing(path)
        widgets = (self.column, self.delimiter, self.decimal, self.encoding, self.header, self.missing)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.path_label.setText(messages.shown_path(path))  # a sample by its name, not its package path
            self.path_label.setToolTip(path)
            self.back_button.hide()
            self.column.clear()
            names = [entry.get("name") for entry in details.get("columns", ())]
            for index, entry in enumerate(details.get("columns", ())):
                name, kind = entry.get("name"), entry.get("type", "")
                unit = messages.unit_text(messages.column_unit(details, name))
                described = f"{unit}, {self._words.get(kind, kind)}" if unit else self._words.get(kind, kind)
                shared = names.count(name) > 1
                if shared:
                    # Counted from 0, as --column and the reader's messages count them.
                    described = self.tr("index %1, %2").replace("%1", str(index)).replace("%2", described)
                # A name that two columns share would read the first of them, so those go by index.
                self.column.addItem(f"{messages.column_name(name)} ({described})", index if shared else name)
                if kind != "numeric":
                    self.column.model().item(self.column.count() - 1).setEnabled(False)
            chosen = details.get("column", series.name)
            self._select(self.column, chosen if names.count(chosen) <= 1 else details.get("column_index"))
            delimiter = details.get("delimiter")
            self._select(self.delimiter, READER_DELIMITERS.get(delimiter, delimiter))
            self._select(self.decimal, details.get("decimal", "."))
            self._select(self.encoding, details.get("encoding", "utf-8"))
            self._select(self.header, bool(details.get("header", True)))
            self._select(self.missing, details.get("missing_policy", "interpolate"))
            summary = self.tr("%1 values, %2 missing (%3)").replace(
                "%1", messages.format_integer(len(series))).replace(
                "%2", messages.format_integer(len(series.missing_positions))).replace(
                "%3", self.missing.currentText())
            notes = self._reading_notes(details)
            missing_lines = details.get("missing_rows") or []
            if missing_lines:
                missing_note = self.tr("A missing value at line %1.") if len(missing_lines) == 1 else \
                    self.tr("Missing values at lines %1.")
                text = missing_note.replace("%1", _first_few(missing_lines, messages.format_integer))
                notes.append(text[:-1] if text.endswith("....") else text)  # ", ..." ends the sentence
            values = np.asarray(series.values)
            if values.size and np.ptp(values) == 0:
                # train warns of this too: the model can learn nothing but the constant.
                notes.append(self.tr("Every value in column \"%1\" is %2, so there is nothing to learn; if "
                                     "another column is the series, choose it above.").replace(
                    "%1", messages.column_name(series.name)).replace("%2", messages.format_number(values[0])))
            self.summary.setText(summary + ".")
            self.summary.setStyleSheet("")
            self.notes.setText("\n".join(notes))
            self.notes.setVisible(bool(notes))
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    def _delimiter_name(self, delimiter: str) -> str:
        """Return the Delimiter list's name of a reader's delimiter, such as "comma (,)"."""
        index = self.delimiter.findData(READER_DELIMITERS.get(delimiter, delimiter))
        return self.delimiter.itemText(index) if index >= 0 else delimiter

    def _reading_notes(self, details: dict[str, Any]) -> list[str]:
        """Return the sentences on how the file was read that may need a change, shown below the counts."""
        from rnn_desktop.core.csv_reader import unreadable_time_column

        notes = []
        ragged = details.get("ragged_rows") or []
        if ragged:
            # inspect lists these too; a row with a cell too few or too many often hides a shifted value.
            lines = _first_few(ragged, messages.format_integer)
            if len(ragged) == 1:
                notes.append(self.tr("1 row has more or fewer cells than the first row (line %1).").replace(
                    "%1", lines))
            else:
                notes.append(self.tr("%1 rows have more or fewer cells than the first row (lines %2).").replace(
                    "%1", messages.format_integer(len(ragged))).replace("%2", lines))
        mismatch = details.get("header_mismatch")
        if mismatch:
            # Often a wrong delimiter, which splits the data rows (at decimal commas) but not the header.
            notes.append(self.tr("Cells in the header row: %1, in most data rows: %2; check the delimiter.").replace(
                "%1", messages.format_integer(mismatch[0])).replace("%2", messages.format_integer(mismatch[1])))
        other = details.get("other_delimiter")
        if other:
            # A delimiter or decimal comma chosen by hand left the columns in one: "1871,1120" reads as 1871.112.
            notes.append(messages.other_delimiter_note(other, details.get("decimal"), self._delimiter_name))
        detected = details.get("detected_delimiter")
        if detected:
            # A delimiter chosen in the list that detection would not choose may split the rows wrongly.
            notes.append(self.tr("The rows are split at the %1 chosen above, but detection chooses the %2; if the "
                                 "%2 separates the columns, choose it as the delimiter.").replace(
                "%1", self._delimiter_name(details.get("delimiter"))).replace("%2", self._delimiter_name(detected)))
        decimal_comma_rows = details.get("decimal_comma_rows")
        if decimal_comma_rows:
            # A one-column file with decimal commas, split at them, reads 100,13 as 100 and 13.
            # Semicolons separate the rows, because their own commas would blur a comma-separated list.
            listed = "; ".join(self.tr("line %1: %2").replace("%1", messages.format_integer(line)).replace("%2", text)
                               for line, text in decimal_comma_rows)
            notes.append(self.tr("Every row is two whole numbers separated by a comma (%1); if the file is one "
                                 "column of numbers with decimal commas, choose ',' as the decimal mark.").replace(
                "%1", listed))
        grouping = details.get("point_grouping")
        if grouping:
            # The Decimal mark field shows the mark chosen; this note gives the reason, and how to take the other.
            if grouping["reading"] == "thousands":
                note = self.tr("'.' is read as a thousands separator (%1 is %2); if it is a decimal point, "
                               "choose '.' as the decimal mark.")
                value = csv_values.parse_number(grouping["example"], ",")
            else:
                note = self.tr("'.' is read as a decimal point (%1 is %2), but it could also separate "
                               "thousands; if it does, choose ',' as the decimal mark.")
                value = csv_values.parse_number(grouping["example"], ".")
            # Written without the locale's grouping, which in Italian would print 1017 as "1.017" again.
            notes.append(note.replace("%1", grouping["example"]).replace("%2", messages.format_cell_value(value)))
        titles = details.get("title_lines") or 0
        if titles:
            notes.append(self.tr("The first line is a title above the header, so it is left out.") if titles == 1
                         else self.tr("The first %1 lines are titles above the header, so they are left out.").replace(
                             "%1", messages.format_integer(titles)))
        unit_line = details.get("unit_line")
        if unit_line is not None:
            # Units such as "°C" under the header are skipped, so the row gets no "not a number" error.
            names = [entry.get("name") for entry in details.get("columns", ())]
            listed = ", ".join(f"{messages.column_name(name)}: {unit}"
                               for name, unit in zip(names, details.get("units") or []) if unit)
            notes.append(self.tr("Line %1 contains units (%2), so it is not read as data.").replace(
                "%1", messages.format_integer(unit_line)).replace("%2", listed))
        totals = details.get("totals_row")
        if totals:
            line, label = totals
            note = (self.tr("Line %1, \"%2\", is a totals row, so it is left out of the values.") if label else
                    self.tr("Line %1 contains the sum of the values above it, so it is left out of the values "
                            "as a totals row."))
            notes.append(note.replace("%1", messages.format_integer(line)).replace("%2", label))
        date_column = unreadable_time_column(details)
        if date_column is not None:
            line, text = details["unreadable_date"]
            note = (self.tr("Column \"%1\" gives no time axis because line %2 is empty, so the plots use row "
                            "positions; fill in that cell to get the dates back.") if not text else
                    self.tr("Column \"%1\" gives no time axis because line %2, \"%3\", is not a date, so the "
                            "plots use row positions; correct that cell to get the dates back."))
            notes.append(note.replace("%1", messages.column_name(date_column)).replace(
                "%2", messages.format_integer(line)).replace("%3", text))
        order = details.get("time_order")
        if order == "newest_first":
            notes.append(self.tr("The rows run from newest to oldest, so they are read bottom up."))
        elif order == "unordered":
            notes.append(self.tr("The times go back at line %1, so the rows are not in time order, and the "
                                 "plots show them in row order; sort the file by time.").replace(
                "%1", messages.format_integer(details.get("unordered_line") or 0)))
        gaps = details.get("time_gaps")
        if gaps:
            # The time axis contains dates, so the lengths are in seconds.
            step, longest = messages.format_time_length(gaps["step"]), messages.format_time_length(gaps["longest"])
            note = (self.tr("The times step by %1, but one step is %2, before line %3; the model takes the rows as "
                            "evenly spaced.") if gaps["count"] == 1 else
                    self.tr("The times step by %1, but %4 steps are longer, the longest %2 before line %3; the "
                            "model takes the rows as evenly spaced."))
            notes.append(note.replace("%1", step).replace("%2", longest).replace(
                "%3", messages.format_integer(gaps["line"])).replace("%4", messages.format_integer(gaps["count"])))
        outliers = details.get("outliers") or []
        if outliers:
            # Often a typing slip: min-max scaling then squeezes every other value into a narrow band.
            listed = _first_few(outliers, lambda outlier: self.tr("line %1: %2").replace(
                "%1", messages.format_integer(outlier[0])).replace("%2", messages.format_cell_value(outlier[1])))
            if len(outliers) == 1:
                notes.append(self.tr("1 value lies far from the others (%1); check it in the file.").replace(
                    "%1", listed))
            else:
                notes.append(self.tr("%1 values lie far from the others (%2); check them in the file.").replace(
                    "%1", messages.format_integer(len(outliers))).replace("%2", listed))
        return notes

    def show_unread(self, path: str, error: RnnDesktopError, overrides: dict[str, Any],
                    in_use: str | None) -> None:
        """Show ``path``, which could not be read, with its columns and settings, so they can be changed.

        ``error.params`` has the file's column names and, under "reading", the
        detected settings; the settings given in ``overrides`` win over them.
        ``in_use`` names the series the window still trains on.
        """
        detected = error.params.get("reading", {})
        # A decimal mark left to the reader is the one it detected.
        reading = {**detected, **{key: value for key, value in overrides.items()
                                  if value is not None or key != "decimal"}}
        self._begin_showing(path)
        widgets = (self.column, self.delimiter, self.decimal, self.encoding, self.header, self.missing)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.path_label.setText(messages.shown_path(path))  # a sample by its name, not its package path
            self.path_label.setToolTip(path)
            self.column.clear()
            for name in error.params.get("columns", ()):
                self.column.addItem(messages.column_name(name), name)
            if error.params.get("column") in error.params.get("columns", ()):
                self._select(self.column, error.params["column"])
            if "delimiter" in reading:
                delimiter = reading["delimiter"]
                self._select(self.delimiter, READER_DELIMITERS.get(delimiter, delimiter))
            for combo, key in ((self.decimal, "decimal"), (self.encoding, "encoding"), (self.header, "header"),
                               (self.missing, "missing")):
                if reading.get(key) is not None:
                    self._select(combo, reading[key])
            # The reason in the form itself, in the red of the other problems that block Start:
            # the status bar that also shows it is easy to miss, and later messages replace it.
            if in_use:
                hint = self.tr("Not read: correct the file, or change the column or the settings "
                               "above. The series in use is still %1.").replace("%1", in_use)
            else:
                hint = self.tr("Not read: correct the file, or change the column or the settings "
                               "above.")
            self.summary.setText(f"{messages.error_text(error)}\n{hint}")
            self.summary.setStyleSheet(PROBLEM_STYLE)
            self.notes.hide()
            self.back_button.setVisible(bool(in_use))
            self.back_button.setToolTip(self.tr("Show and train on %1 again.").replace("%1", in_use or ""))
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    @staticmethod
    def _select(combo: QComboBox, value: Any) -> None:
        index = combo.findData(value)
        if index < 0:
            combo.addItem(str(value), value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)


class SplitForm(QWidget):
    """The number (or fraction) of windows that validate."""

    # When the split changes through its widgets.
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = QComboBox()
        self.mode.addItem(self.tr("last N windows"), "windows")
        self.mode.addItem(self.tr("fraction of windows"), "fraction")
        self.mode.setToolTip(self.tr("How the validation part is chosen. The split is chronological: "
                                     "validation windows are always the last ones."))
        self.windows = QSpinBox()
        self.windows.setRange(1, 10_000_000)
        self.windows.setKeyboardTracking(False)
        self.windows.setToolTip(self.tr("Number of windows at the end of the series used for validation. "
                                        "You can also drag the split line in the preview."))
        self.fraction = DecimalSpinBox()
        self.fraction.setRange(0.001, 0.999)
        self.fraction.setDecimals(3)
        self.fraction.setSingleStep(0.05)
        self.fraction.setKeyboardTracking(False)
        self.fraction.setToolTip(self.tr("Fraction of the windows used for validation, between 0 and 1."))
        self.summary = QLabel()
        # Wrapped, because a suggested window length makes it longer than the panel is wide.
        self.summary.setWordWrap(True)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.mode)
        row.addWidget(self.windows)
        row.addWidget(self.fraction)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.summary)

        self.mode.currentIndexChanged.connect(self._update_mode)
        self.mode.currentIndexChanged.connect(self.edited)
        self.windows.valueChanged.connect(self.edited)
        self.fraction.valueChanged.connect(self.edited)

    def _update_mode(self) -> None:
        by_windows = self.mode.currentData() == "windows"
        self.windows.setVisible(by_windows)
        self.fraction.setVisible(not by_windows)

    def values(self) -> tuple[int | None, float | None]:
        """Return (val_windows, val_fraction), one of them None."""
        if self.mode.currentData() == "windows":
            return self.windows.value(), None
        return None, self.fraction.value()

    def out_of_limits(self, val_windows: int | None, val_fraction: float | None) -> OutOfLimits | None:
        """Return the split value that its spin box would clamp or round, or None when it fits."""
        if val_windows is not None:
            return spin_limit_problem("val_windows", self.windows, val_windows)
        if val_fraction is not None:
            return spin_limit_problem("val_fraction", self.fraction, val_fraction)
        return None

    def set_values(self, val_windows: int | None, val_fraction: float | None) -> None:
        for widget in (self.mode, self.windows, self.fraction):
            widget.blockSignals(True)
        try:
            self.mode.setCurrentIndex(0 if val_windows is not None else 1)
            if val_windows is not None:
                self.windows.setValue(val_windows)
            if val_fraction is not None:
                self.fraction.setValue(val_fraction)
        finally:
            for widget in (self.mode, self.windows, self.fraction):
                widget.blockSignals(False)
        self._update_mode()


class DataPanel(QWidget):
    """Chooses the series and the split, and previews both.

    A load that fails leaves the current series untouched and emits
    ``load_failed``; the main window shows and logs the error.
    """

    # When a new series is in place, with the Series.
    series_changed = Signal(object)
    # When the split changes through the form or the preview's split line.
    split_edited = Signal()
    # When a series could not be loaded or generated, with the exception.
    load_failed = Signal(object)
    # When the Open CSV button is pressed.
    open_csv_requested = Signal()
    # When the form shows the series in use again, in place of a file that could not be read.
    series_in_use_shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: Series | None = None
        self._csv_path: str | None = None
        # A file the form shows after it failed to load, while another series stays in use.
        self._unread_csv_path: str | None = None
        self._seq_len = 50
        self._restoring = False

        self.generator_radio = QRadioButton(self.tr("Generator"))
        self.csv_radio = QRadioButton(self.tr("CSV file"))
        self._source_group = QButtonGroup(self)
        self._source_group.addButton(self.generator_radio)
        self._source_group.addButton(self.csv_radio)
        self.generator_radio.setChecked(True)
        self.generator_form = GeneratorForm()
        self.csv_form = CsvForm()
        self.source_stack = QStackedWidget()
        self.source_stack.addWidget(self.generator_form)
        self.source_stack.addWidget(self.csv_form)
        self.split_form = SplitForm()

        self.preview = PreviewPlot(axisItems=locale_axes())
        self.preview.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # as the main plots: Tab skips it
        self.preview.setMinimumHeight(150)
        self.preview.getPlotItem().setTitle(self.tr("Series preview"))
        self.preview.setToolTip(self.tr("The shaded part validates. Drag the orange line to move the split."))
        self.preview.getPlotItem().showGrid(x=True, y=True, alpha=0.2)
        self._preview_curve = self.preview.plot([], [], pen=pg.mkPen(ACTUAL_COLOR), connect="finite")
        self._preview_curve.setDownsampling(auto=True, method="peak")
        self._preview_curve.setClipToView(True)
        self._val_region = pg.LinearRegionItem(movable=False, brush=pg.mkBrush(255, 127, 14, 30),
                                               pen=pg.mkPen(None))
        self._val_region.setZValue(-10)
        self.preview.addItem(self._val_region, ignoreBounds=True)
        self._split_line = pg.InfiniteLine(angle=90, movable=True, pen=pg.mkPen(VAL_COLOR, width=2),
                                           hoverPen=pg.mkPen(VAL_COLOR, width=4))
        self._split_line.setToolTip(self.tr("Start of the validation part; drag to move it."))
        self.preview.addItem(self._split_line, ignoreBounds=True)
        self._preview_x = np.zeros(0)
        self._preview_dates = False

        source_box = QGroupBox(self.tr("Source"))
        source_layout = QVBoxLayout(source_box)
        radios = QHBoxLayout()
        radios.addWidget(self.generator_radio)
        radios.addWidget(self.csv_radio)
        radios.addStretch(1)
        source_layout.addLayout(radios)
        source_layout.addWidget(self.source_stack)
        split_box = QGroupBox(self.tr("Validation split"))
        split_layout = QVBoxLayout(split_box)
        split_layout.addWidget(self.split_form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(source_box)
        layout.addWidget(split_box)
        layout.addWidget(self.preview, 1)

        self.generator_radio.toggled.connect(self._on_source_toggled)
        self.generator_form.edited.connect(self.regenerate)
        self.csv_form.edited.connect(self._reload_csv)
        self.csv_form.open_requested.connect(self.open_csv_requested)
        self.csv_form.back_requested.connect(self._on_back_requested)
        self.split_form.edited.connect(self._on_split_edited)
        self._split_line.sigPositionChangeFinished.connect(self._on_split_dragged)

    # Series sources.

    def series(self) -> Series | None:
        return self._series

    def csv_path(self) -> str | None:
        return self._csv_path

    def shows_unread_csv(self) -> bool:
        """Return True while the CSV form shows a file that could not be read, in place of the series in use."""
        return self._unread_csv_path is not None and self.csv_radio.isChecked()

    def regenerate(self) -> bool:
        """Build the series from the generator form; return False when it failed."""
        try:
            series = self.generator_form.generate()
        except (RnnDesktopError, ValueError, TypeError) as error:
            log.error("generator %s failed: %s", self.generator_form.name.currentData(), error)
            self.load_failed.emit(error)
            return False
        self._set_source("generator")
        self.generator_form.show_flat_note(series)
        self.set_series(series)
        return True

    def set_generator(self, name: str, length: int, noise: float, seed: int,
                      params: dict[str, float] | None = None) -> bool:
        """Show these generator settings and build the series from them; return False when it failed.

        The series comes from the form, so the form always shows what is trained.
        """
        self.generator_form.set_values(name, length, noise, seed, params)
        return self.regenerate()

    def load_csv(self, path: str, **overrides: Any) -> bool:
        """Read ``path`` with the reader's detection and any overrides; return False when it failed.

        On failure the current series, the form and the model stay as they were.
        """
        from rnn_desktop.core.csv_reader import read_series

        overrides = {key: value for key, value in overrides.items() if value is not None}
        try:
            series = read_series(path, **overrides)
        except (RnnDesktopError, OSError, UnicodeError, ValueError) as error:
            log.error("could not load %s with %s: %s", path, overrides, error)
            if (str(path) != self._csv_path and isinstance(error, RnnDesktopError)
                    and "columns" in error.params):
                # The file opened but its column could not be read: the form shows it, so
                # another column or setting can be tried without opening it again.
                self._unread_csv_path = str(path)
                in_use = series_name(self._series.source, "") if self._series is not None else None
                self.csv_form.show_unread(str(path), error, overrides, in_use)
                self._set_source("csv")
            elif self._unread_csv_path is not None and str(path) != self._unread_csv_path:
                # The form showed another file that could not be read: it goes back to the series in use
                # rather than mix that file with this one's error.
                self._show_series_in_use()
            self.load_failed.emit(error)
            return False
        self._unread_csv_path = None
        self._csv_path = str(path)
        self.csv_form.show_info(str(path), series)
        self._set_source("csv")
        self.set_series(series)
        log.info("loaded %s: %d values from column %s", path, len(series), series.name)
        return True

    def _show_series_in_use(self) -> None:
        """Make the source form show the series in use again, in place of a file that could not be read."""
        self._unread_csv_path = None
        origin = series_origin(self._series) if self._series is not None else None
        if origin is not None and origin["kind"] == "csv" and self._csv_path is not None:
            self.csv_form.show_info(self._csv_path, self._series)
            self._set_source("csv")
        else:
            self._set_source("generator")

    def _on_back_requested(self) -> None:
        self._show_series_in_use()
        self.series_in_use_shown.emit()

    def _reload_csv(self) -> None:
        if self._unread_csv_path is not None:
            self.load_csv(self._unread_csv_path, **self.csv_form.overrides())
            return
        if self._csv_path is None:
            return
        if not self.load_csv(self._csv_path, **self.csv_form.overrides()):
            # Show the settings of the series still in use, not the rejected ones.
            series = self._series
            if series is not None and series.source == self._csv_path:
                self.csv_form.show_info(self._csv_path, series)

    def _set_source(self, source: str) -> None:
        self.generator_radio.blockSignals(True)
        self.csv_radio.blockSignals(True)
        self.generator_radio.setChecked(source == "generator")
        self.csv_radio.setChecked(source == "csv")
        self.generator_radio.blockSignals(False)
        self.csv_radio.blockSignals(False)
        self.source_stack.setCurrentWidget(self.generator_form if source == "generator" else self.csv_form)

    def _on_source_toggled(self) -> None:
        if self.generator_radio.isChecked():
            self.source_stack.setCurrentWidget(self.generator_form)
            self.regenerate()
        else:
            self.source_stack.setCurrentWidget(self.csv_form)
            if self._csv_path is not None or self._unread_csv_path is not None:
                self._reload_csv()
            else:
                self.open_csv_requested.emit()

    def set_series(self, series: Series) -> None:
        """Use ``series`` (already loaded) and redraw the preview."""
        self._series = series
        self._preview_x, uses_dates = series_x_axis(len(series), series.time)
        if uses_dates != self._preview_dates:
            # Dates are seconds since 1970 on the x axis, which only a date axis labels readably.
            self._preview_dates = uses_dates
            axis = LocaleDateAxisItem(orientation="bottom") if uses_dates else LocaleAxisItem("bottom")
            self.preview.getPlotItem().setAxisItems({"bottom": axis})
        if not uses_dates:
            self.preview.getPlotItem().getAxis("bottom").min_tick_spacing = whole_number_spacing(self._preview_x)
        values = np.where(np.isfinite(series.values), series.values, np.nan)
        self._preview_curve.setData(self._preview_x, values)
        self._fit_preview(values)
        self._update_split_marks()
        self.series_changed.emit(series)

    def _fit_preview(self, values: np.ndarray) -> None:
        """Show the whole new series, then let the view follow its data again.

        The curve clips to the view, so a series outside the old x range (dates
        followed by positions) had no visible points and auto-range kept the old range.
        """
        finite = values[np.isfinite(values)]
        if not self._preview_x.size or not finite.size:
            return
        view_box = self.preview.getPlotItem().getViewBox()
        view_box.setRange(xRange=(float(self._preview_x[0]), float(self._preview_x[-1])),
                          yRange=(float(finite.min()), float(finite.max())))
        view_box.enableAutoRange()

    # Split.

    def set_seq_len(self, seq_len: int) -> None:
        self._seq_len = int(seq_len)
        self._update_split_marks()

    def split_values(self) -> tuple[int | None, float | None]:
        return self.split_form.values()

    def set_split(self, val_windows: int | None, val_fraction: float | None) -> None:
        self.split_form.set_values(val_windows, val_fraction)
        self._update_split_marks()

    def _on_split_edited(self) -> None:
        self._update_split_marks()
        self.split_edited.emit()

    def _on_split_dragged(self) -> None:
        """Turn the dragged line's position into a number of validation windows."""
        if self._series is None or self._preview_x.size == 0:
            return
        n_windows = len(self._series) - self._seq_len
        first_val = int(np.searchsorted(self._preview_x, self._split_line.value()))
        n_val = int(np.clip(len(self._series) - first_val, 1, max(1, n_windows - 1)))
        self.split_form.set_values(n_val, None)
        self._update_split_marks()
        self.split_edited.emit()

    def _update_split_marks(self) -> None:
        series = self._series
        summary = ""
        visible = False
        if series is not None:
            n_windows = len(series) - self._seq_len
            val_windows, val_fraction = self.split_form.values()
            if n_windows >= 2:
                n_val = count_val_windows(n_windows, val_windows, val_fraction)
                n_train = n_windows - n_val
                if 1 <= n_val < n_windows:
                    # Window i predicts value seq_len + i, so validation targets start here.
                    start = self._seq_len + n_train
                    self._split_line.blockSignals(True)
                    self._split_line.setValue(float(self._preview_x[start]))
                    self._split_line.blockSignals(False)
                    self._val_region.setRegion((float(self._preview_x[start]), float(self._preview_x[-1])))
                    visible = True
                if n_val >= n_windows:
                    summary = self.tr("%1 windows in all, so at most %2 can be for validation").replace(
                        "%1", messages.format_integer(n_windows)).replace(
                        "%2", messages.format_integer(n_windows - 1))
                else:
                    summary = messages.split_summary(n_train, n_val)
                gain = shorter_window_gain(len(series), self._seq_len, val_windows, val_fraction, n_train)
                if gain is not None:
                    summary = self.tr("%1; a window length of %2 gives %3 training windows").replace(
                        "%1", summary).replace("%2", messages.format_integer(gain[0])).replace(
                        "%3", messages.format_integer(gain[1]))
            else:
                summary = self.tr("too short for windows of %1 values").replace(
                    "%1", messages.format_integer(self._seq_len))
        self._split_line.setVisible(visible)
        self._val_region.setVisible(visible)
        self.split_form.summary.setText(summary)

    def set_editable(self, editable: bool) -> None:
        for widget in (self.generator_radio, self.csv_radio, self.source_stack, self.split_form):
            widget.setEnabled(editable)
        self._split_line.setMovable(editable)

    def source_description(self) -> str:
        return self._series.source if self._series is not None else ""

    def csv_file_name(self) -> str:
        return Path(self._csv_path).name if self._csv_path else ""
