"""The model and training panel: every hyperparameter, with tooltips and presets."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox, QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QPushButton, QVBoxLayout, QWidget,
)

from rnn_desktop.core.training import ACTIVATIONS, DTYPES, INITS, OPTIMIZERS, SCALERS, TrainConfig
from rnn_desktop.gui.spin_boxes import CompactDoubleSpinBox, CompactSpinBox
from rnn_desktop.gui.limits import OutOfLimits, spin_limit_problem

MAX_INT = 2**31 - 1
# The style of a reason that keeps Start disabled; the Data tab uses it too.
PROBLEM_STYLE = "color: #b00020;"
# Something to check that does not block training, such as how a CSV file was read.
NOTE_STYLE = "color: #8a4b00;"


class OptionalNumber(QWidget):
    """A check box that turns a setting on, beside the spin box of its value; off means None.

    ``suggested`` is the value the spin box shows until one is set, so that a
    setting that starts off shows a useful value (not the spin box's minimum)
    and keeps it when it is ticked.
    """

    changed = Signal()

    def __init__(self, spin: QAbstractSpinBox, check_text: str, suggested: float,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(check_text)
        self.spin = spin
        self.spin.setValue(suggested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.spin, 1)
        self.check.toggled.connect(self.spin.setEnabled)
        self.check.toggled.connect(self.changed)
        self.spin.valueChanged.connect(self.changed)

    def value(self):
        return self.spin.value() if self.check.isChecked() else None

    def set_value(self, value) -> None:
        self.check.setChecked(value is not None)
        self.spin.setEnabled(value is not None)
        if value is not None:
            self.spin.setValue(value)

    def setToolTip(self, text: str) -> None:  # noqa: N802 (Qt naming)
        super().setToolTip(text)
        self.check.setToolTip(text)
        self.spin.setToolTip(text)


def int_spin(low: int, high: int) -> CompactSpinBox:
    spin = CompactSpinBox()
    spin.setRange(low, high)
    spin.setKeyboardTracking(False)
    return spin


def float_spin(low: float, high: float, decimals: int) -> QDoubleSpinBox:
    spin = CompactDoubleSpinBox()
    spin.setRange(low, high)
    spin.setDecimals(decimals)
    spin.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
    spin.setKeyboardTracking(False)
    return spin


def choice_combo(values: tuple[str, ...], labels: dict[str, str] | None = None) -> QComboBox:
    """Return a combo box of ``values``, each shown as its label in ``labels`` or as itself."""
    combo = QComboBox()
    for value in values:
        combo.addItem((labels or {}).get(value, value), value)
    return combo


class TrainingPanel(QWidget):
    """Edits the model and training fields of a TrainConfig.

    The split fields (val_windows, val_fraction) belong to the data panel; the
    fields without a widget (plateau settings) keep their value from the
    last ``set_config``.
    """

    # Whenever a field changes through the widgets.
    config_edited = Signal()
    # When a preset button is pressed, with the preset name ("default" or "tutorial").
    preset_requested = Signal(str)
    # When the learning rate changes through its widget, with the new value.
    lr_edited = Signal(float)
    # When a typed number lies outside its field's range: the field's TrainConfig name, the
    # number typed, the value the field keeps, and the range's minimum and maximum.
    value_clamped = Signal(str, float, float, float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base = TrainConfig()
        self._updating = False

        self.seq_len = int_spin(1, 100000)
        self.hidden = int_spin(1, 4096)
        self.activation = choice_combo(ACTIVATIONS)
        self.init = choice_combo(INITS)
        self.dtype = choice_combo(DTYPES)
        self.scale = choice_combo(SCALERS, {"minmax": self.tr("min-max"), "zscore": self.tr("z-score"),
                                            "none": self.tr("none")})
        self.optimizer = choice_combo(OPTIMIZERS)
        self.lr = float_spin(1e-7, 100.0, 7)
        self.momentum = float_spin(0.0, 0.9999, 4)
        self.batch_size = int_spin(1, 1000000)
        self.epochs = int_spin(1, 10000000)
        # The values shown while a setting is off: the tutorial's truncation and
        # clipping, and the default preset's norm and patience.
        self.bptt_truncate = OptionalNumber(int_spin(1, 100000), self.tr("truncate to"), 5)
        self.clip_value = OptionalNumber(float_spin(1e-4, 1e6, 4), self.tr("clip at"), 10.0)
        self.clip_norm = OptionalNumber(float_spin(1e-4, 1e6, 4), self.tr("clip at"), 5.0)
        self.patience = OptionalNumber(int_spin(1, 1000000), self.tr("after"), 30)
        # "after 30" left out what the 30 counts.
        self.patience.spin.setSuffix(self.tr(" epochs"))
        self.reduce_on_plateau = QCheckBox(self.tr("halve when validation loss stalls"))
        self.seed = int_spin(0, MAX_INT)

        self.recommended_button = QPushButton(self.tr("Recommended"))
        self.tutorial_button = QPushButton(self.tr("Tutorial (classic numpy RNN)"))
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(PROBLEM_STYLE)
        self.problem_label.setVisible(False)
        # A setting that changes nothing as set, such as a batch larger than the training part.
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(NOTE_STYLE)
        self.note_label.setVisible(False)

        self._set_tooltips()
        self._build_layout()
        self._connect()
        self.set_config(self._base)

    def _build_layout(self) -> None:
        presets = QHBoxLayout()
        presets.addWidget(QLabel(self.tr("Preset:")))
        presets.addWidget(self.recommended_button)
        presets.addWidget(self.tutorial_button)
        presets.addStretch(1)

        model_box = QGroupBox(self.tr("Model"))
        model = QFormLayout(model_box)
        model.addRow(self.tr("Window length (seq_len)"), self.seq_len)
        model.addRow(self.tr("Hidden units"), self.hidden)
        model.addRow(self.tr("Activation"), self.activation)
        model.addRow(self.tr("Initialisation"), self.init)
        model.addRow(self.tr("Float type"), self.dtype)
        model.addRow(self.tr("Scaling"), self.scale)

        training_box = QGroupBox(self.tr("Training"))
        training = QFormLayout(training_box)
        training.addRow(self.tr("Optimiser"), self.optimizer)
        training.addRow(self.tr("Learning rate"), self.lr)
        training.addRow(self.tr("Momentum"), self.momentum)
        training.addRow(self.tr("Batch size"), self.batch_size)
        training.addRow(self.tr("Epochs"), self.epochs)
        training.addRow(self.tr("BPTT"), self.bptt_truncate)
        training.addRow(self.tr("Clip by value"), self.clip_value)
        training.addRow(self.tr("Clip by norm"), self.clip_norm)
        training.addRow(self.tr("Early stopping"), self.patience)
        training.addRow(self.tr("Learning rate decay"), self.reduce_on_plateau)
        training.addRow(self.tr("Random seed"), self.seed)
        # One label width for both groups, so their fields start in one column.
        labels = [form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
                  for form in (model, training) for row in range(form.rowCount())]
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(presets)
        layout.addWidget(model_box)
        layout.addWidget(training_box)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.note_label)
        layout.addStretch(1)

    def _set_tooltips(self) -> None:
        tips = {
            self.seq_len: self.tr("Number of past values the network reads to predict the next one. "
                                  "Longer windows see more context but train slower and make gradients vanish sooner."),
            self.hidden: self.tr("Size of the hidden state. More units can fit more complex series "
                                 "but train slower and overfit sooner."),
            self.activation: self.tr("Non-linearity of the hidden state. tanh is the usual choice; "
                                     "sigmoid is the tutorial's; relu can explode without clipping."),
            self.init: self.tr("How the weights start. glorot (with an orthogonal recurrent matrix) trains reliably; "
                               "uniform U(0, 1) is the tutorial's and needs a tiny learning rate."),
            self.dtype: self.tr("Floating-point precision. float32 is faster; float64 gives results "
                                "identical to the command line's on every machine."),
            self.scale: self.tr("Rescaling of the series, fitted on the training part only. Scaled inputs "
                                "keep the activations out of saturation; none is the tutorial's choice."),
            self.optimizer: self.tr("How gradients update the weights. adam adapts the step per weight and "
                                    "is the robust default; sgd is the tutorial's."),
            self.lr: self.tr("Size of each update step. Too large diverges, too small barely moves. "
                             "You can change it while training is paused."),
            self.momentum: self.tr("Fraction of the previous update added to the next one, "
                                   "for the momentum optimiser only."),
            self.batch_size: self.tr("Windows averaged into one gradient step. Small batches update often "
                                     "and noisily; large ones are smoother and faster per sample."),
            self.epochs: self.tr("Passes over the training windows in one run. "
                                 "Early stopping may end the run sooner."),
            self.bptt_truncate: self.tr("Backpropagate through the last K time steps only. Truncation is "
                                        "faster but ignores longer dependencies; unchecked means full BPTT."),
            self.clip_value: self.tr("Limit each gradient element to [-V, V], which stops single huge "
                                     "gradients from wrecking the weights (the tutorial uses 10)."),
            self.clip_norm: self.tr("Rescale the whole gradient when its norm exceeds N, "
                                    "which prevents exploding gradients without changing their direction."),
            self.patience: self.tr("Stop when the validation loss has not improved for this many epochs, "
                                   "and keep the best weights."),
            self.reduce_on_plateau: self.tr("Halve the learning rate when the validation loss stalls, "
                                            "so training can settle into a minimum."),
            self.seed: self.tr("Seed of the weight initialisation and the shuffling. "
                               "The same seed and settings give the same result."),
            self.recommended_button: self.tr("Settings that train well on most series: tanh, Glorot "
                                             "initialisation, Adam and min-max scaling."),
            self.tutorial_button: self.tr("The classic numpy RNN tutorial: 100 sigmoid units, U(0, 1) weights, "
                                          "plain SGD with learning rate 0.0001 and BPTT truncated to 5 steps. "
                                          "With correct gradients its sigmoid units start saturated, and 25 "
                                          "epochs of SGD at that rate cannot move them, so on the sine it ends "
                                          "near predicting zero (validation RMSE about 0.71, worse than "
                                          "repeating the last value at 0.68). Recommended reaches about 0.005 "
                                          "on the same data."),
        }
        # Rich text makes Qt wrap the tooltip; plain text stays on one line as wide as the sentence.
        for widget, text in tips.items():
            widget.setToolTip(f"<p>{html.escape(text)}</p>")

    def _connect(self) -> None:
        for spin in (self.seq_len, self.hidden, self.momentum, self.batch_size, self.epochs, self.seed):
            spin.valueChanged.connect(self._on_edited)
        self.lr.valueChanged.connect(self._on_lr_edited)
        for combo in (self.activation, self.init, self.dtype, self.scale, self.optimizer):
            combo.currentIndexChanged.connect(self._on_edited)
        for optional in (self.bptt_truncate, self.clip_value, self.clip_norm, self.patience):
            optional.changed.connect(self._on_edited)
        self.reduce_on_plateau.toggled.connect(self._on_edited)
        for name, spin in self._number_fields().items():
            spin.value_clamped.connect(lambda typed, kept, name=name, spin=spin: self.value_clamped.emit(
                name, typed, kept, spin.minimum(), spin.maximum()))
        self.optimizer.currentIndexChanged.connect(self._update_momentum_enabled)
        self.recommended_button.clicked.connect(lambda: self.preset_requested.emit("default"))
        self.tutorial_button.clicked.connect(lambda: self.preset_requested.emit("tutorial"))

    def _number_fields(self) -> dict[str, QAbstractSpinBox]:
        return {"seq_len": self.seq_len, "hidden": self.hidden, "lr": self.lr, "momentum": self.momentum,
                "batch_size": self.batch_size, "epochs": self.epochs, "bptt_truncate": self.bptt_truncate.spin,
                "clip_value": self.clip_value.spin, "clip_norm": self.clip_norm.spin,
                "patience": self.patience.spin, "seed": self.seed}

    def number_field(self, name: str) -> QAbstractSpinBox:
        """Return the spin box that ``value_clamped`` names."""
        return self._number_fields()[name]

    def _on_edited(self, *_: Any) -> None:
        if not self._updating:
            self.config_edited.emit()

    def _on_lr_edited(self, value: float) -> None:
        if not self._updating:
            self.lr_edited.emit(float(value))
            self.config_edited.emit()

    def _update_momentum_enabled(self) -> None:
        self.momentum.setEnabled(self.optimizer.isEnabled() and self.optimizer.currentData() == "momentum")

    def set_config(self, config: TrainConfig) -> None:
        """Show every field of ``config`` without emitting ``config_edited``."""
        self._updating = True
        try:
            self._base = config
            self.seq_len.setValue(config.seq_len)
            self.hidden.setValue(config.hidden)
            self._select(self.activation, config.activation)
            self._select(self.init, config.init)
            self._select(self.dtype, config.dtype)
            self._select(self.scale, config.scale)
            self._select(self.optimizer, config.optimizer)
            self.lr.setValue(config.lr)
            self.momentum.setValue(config.momentum)
            self.batch_size.setValue(config.batch_size)
            self.epochs.setValue(config.epochs)
            self.bptt_truncate.set_value(config.bptt_truncate)
            self.clip_value.set_value(config.clip_value)
            self.clip_norm.set_value(config.clip_norm)
            self.patience.set_value(config.patience)
            self.reduce_on_plateau.setChecked(bool(config.reduce_on_plateau))
            self.seed.setValue(config.seed)
        finally:
            self._updating = False
        self._update_momentum_enabled()

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value)
        if index < 0:
            # A value this version does not list (a newer weights file): show it rather than hide it.
            combo.addItem(value, value)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def config(self) -> TrainConfig:
        """Return the config shown, with the split fields of the last ``set_config``."""
        return self._base.replace(
            seq_len=self.seq_len.value(),
            hidden=self.hidden.value(),
            activation=self.activation.currentData(),
            init=self.init.currentData(),
            dtype=self.dtype.currentData(),
            scale=self.scale.currentData(),
            optimizer=self.optimizer.currentData(),
            lr=float(self.lr.value()),
            momentum=float(self.momentum.value()),
            batch_size=self.batch_size.value(),
            epochs=self.epochs.value(),
            bptt_truncate=self.bptt_truncate.value(),
            clip_value=self.clip_value.value(),
            clip_norm=self.clip_norm.value(),
            patience=self.patience.value(),
            reduce_on_plateau=self.reduce_on_plateau.isChecked(),
            seed=self.seed.value(),
        )

    def out_of_limits(self, config: TrainConfig) -> OutOfLimits | None:
        """Return the first field of ``config`` that its spin box would clamp or round, or None.

        ``set_config`` would change such a value silently, so callers check first.
        """
        spins = {
            "seq_len": self.seq_len, "hidden": self.hidden, "lr": self.lr, "momentum": self.momentum,
            "batch_size": self.batch_size, "epochs": self.epochs, "seed": self.seed,
            "bptt_truncate": self.bptt_truncate.spin, "clip_value": self.clip_value.spin,
            "clip_norm": self.clip_norm.spin, "patience": self.patience.spin,
        }
        for name, spin in spins.items():
            value = getattr(config, name)
            problem = spin_limit_problem(name, spin, value) if value is not None else None
            if problem is not None:
                return problem
        return None

    def show_problem(self, text: str | None) -> None:
        """Show why the current settings cannot train, or hide the message when None."""
        self.problem_label.setText(text or "")
        self.problem_label.setVisible(bool(text))

    def show_notes(self, notes: list[str]) -> None:
        """Show notes on settings that change nothing as set, or hide them when there are none."""
        self.note_label.setText("\n".join(notes))
        self.note_label.setVisible(bool(notes))

    def inputs(self) -> list[QWidget]:
        """Return every input widget, presets included."""
        return [
            self.seq_len, self.hidden, self.activation, self.init, self.dtype, self.scale,
            self.optimizer, self.lr, self.momentum, self.batch_size, self.epochs, self.bptt_truncate,
            self.clip_value, self.clip_norm, self.patience, self.reduce_on_plateau, self.seed,
            self.recommended_button, self.tutorial_button,
        ]

    def set_editable(self, editable: bool, lr_editable: bool) -> None:
        """Enable every field, or only the learning rate (while paused), or none."""
        for widget in self.inputs():
            widget.setEnabled(editable)
        self.lr.setEnabled(editable or lr_editable)
        self._update_momentum_enabled()
