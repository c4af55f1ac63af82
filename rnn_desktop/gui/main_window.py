"""The main window: panels, plots, controls, menus, files and the training run.

Besides the person at the keyboard, tests and the self-test drive the window
through its public methods (``set_series``, ``set_config``, ``start_training``,
``pause_training``, ``resume_training``, ``step_epoch``, ``stop_training``,
``reset_weights``, ``open_csv``, ``save_weights``, ``load_weights``) and watch
its signals (``epoch_shown``, ``run_finished``, ``error_shown``).
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPoint, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QIcon, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox, QApplication, QHBoxLayout, QLabel, QMainWindow, QMessageBox, QProgressBar, QPushButton,
    QScrollArea, QSizePolicy, QSplitter, QTabWidget, QToolTip, QVBoxLayout, QWidget,
)

from rnn_desktop.core.errors import RnnDesktopError
from rnn_desktop.core.series import CSV_VAL_FRACTION, Series, series_origin
from rnn_desktop.core.training import (
    FEW_VALIDATION_WINDOWS, LARGE_MODEL_HIDDEN, RUNAWAY_LOSS_FACTOR, TrainConfig, clipping_on,
)
from rnn_desktop.gui import messages
from rnn_desktop.gui.app import current_language, log_file_path, save_language
from rnn_desktop.gui.busy import WorkAbandoned, run_while_busy
from rnn_desktop.gui.core_errors import series_name
from rnn_desktop.gui.data_panel import DataPanel
from rnn_desktop.gui.file_actions import FileActionsMixin
from rnn_desktop.gui.plots import GradientPlot, HiddenStatePlot, LossPlot, PredictionPlot
from rnn_desktop.gui.spin_boxes import CompactSpinBox
from rnn_desktop.gui.states import IDLE, PAUSED, RUNNING
from rnn_desktop.gui.status_bar import ElidingStatusBar
from rnn_desktop.gui.training_panel import TrainingPanel
from rnn_desktop.gui.worker import TrainingHost, TrainingThread, TrainingWorker, WorkerControl, take_snapshot
from rnn_desktop.gui.wrapping_label import WrappingLabel
from rnn_desktop.resources import resource_path

log = logging.getLogger(__name__)

# The refresh timer redraws one changed plot per tick: the loss plot every second
# tick, the others in turn. When drawing is slow, the interval grows so drawing
# takes at most 1 / REFRESH_BUSY_FACTOR of the GUI thread. With 20, the loss plot
# of a short series moved once a second, 30 to 40 epochs at a time. With 10 it
# moves about every 0.3 s, which cost the GUI run about 4% of its samples per
# second (docs/benchmarks.md).
REFRESH_INTERVAL_MS = 50
REFRESH_MAX_INTERVAL_MS = 500
REFRESH_BUSY_FACTOR = 10
PROGRESS_INTERVAL_S = 0.2
# A recursive forecast of the default model on the monthly sunspots took 0.78 ms per step here, and
# the window computes it in the GUI thread, so 2,000 steps take about 1.5 s. Longer forecasts only
# compound their errors further.
MAX_FORECAST_STEPS = 2_000
# Pixels beside a push button's text when a narrow window shrinks the button to it: the frame and margins.
BUTTON_TEXT_PADDING = 24
# Building a model of this many hidden units or more, or predicting every window with it, can take
# seconds, so the window does it beside its event loop.
SLOW_BUILD_HIDDEN = LARGE_MODEL_HIDDEN
# Multiply-adds above which predicting every window runs beside the event loop too, about 0.1 s
# here. 512 units on 50,000 windows froze the window for two minutes after Reset weights.
SLOW_PREDICTION_WORK = 2_000_000_000
# The progress bar counts hundredths of an epoch, so a long epoch can show how far it has come.
PROGRESS_STEPS_PER_EPOCH = 100
# Relative heights of the loss, prediction and diagnostics plots in a new window.
DEFAULT_PLOT_HEIGHTS = (2, 3, 2)
# Pixels left free on each side of a first window on a screen smaller than its 1400 x 900.
FIRST_SIZE_SCREEN_MARGIN = 20
# The diagnostics plots get at least this share of the plots' height when they are shown,
# and never less than DIAGNOSTICS_MIN_HEIGHT pixels.
DIAGNOSTICS_SHARE = 2 / 7
DIAGNOSTICS_MIN_HEIGHT = 160
# With the diagnostics shown, the loss plot keeps at least this share of the height above them:
# its title and axes take about 90 pixels, so 2/5 of a short window left its curves 40 pixels.
LOSS_SHARE_WITH_DIAGNOSTICS = 0.45
# Pixels of the handles between the plots, wider than Qt's default so they are easy to grab.
PLOT_HANDLE_WIDTH = 8
# The sample series in resources/data, in the order File > Open sample lists them.
SAMPLE_FILES = ("airpassengers.csv", "nile.csv", "sunspots_monthly.csv")
# Fields that may differ between the model and the form without rebuilding the model: the
# trainer reads them anew every epoch or batch, as `train --load` lets them change too.
RUN_ONLY_FIELDS = ("lr", "epochs", "patience", "clip_value", "clip_norm", "reduce_on_plateau",
                   "plateau_patience", "plateau_factor", "min_lr")
# A series too short for the window length and split gets windows of at most this share
# of its values, and validation on this fraction of its windows.
ADAPTED_SEQ_LEN_SHARE = 0.25
ADAPTED_VAL_FRACTION = CSV_VAL_FRACTION
# The generator's split (the tutorial's last 50 windows), which a loaded CSV file replaces
# by ADAPTED_VAL_FRACTION so the split scales with the file's length.
GENERATOR_SPLIT = (TrainConfig().val_windows, TrainConfig().val_fraction)


class MainWindow(FileActionsMixin, QMainWindow):
    """The app's window; only the GUI thread calls its methods."""

    # After each epoch reaches the window, with the EpochReport.
    epoch_shown = Signal(object)
    # When a run ends and the window is idle again, with the stop reason.
    run_finished = Signal(str)
    # When an error is shown to the person, with the message text.
    error_shown = Signal(str)
    # When the window changes between idle, running and paused.
    state_changed = Signal(str)

    def __init__(self, settings: QSettings | None = None, restore_settings: bool = True) -> None:
        super().__init__()
        self._settings = settings if settings is not None else QSettings()
        # The field whose clamped value the status line names, and the slot that clears it (see _on_value_clamped).
        self._status_watch: tuple[QWidget, object] | None = None
        self._state = IDLE
        self._trainer = None
        self._trainer_config: TrainConfig | None = None
        self._trainer_series: Series | None = None
        self._control: WorkerControl | None = None
        self._run: TrainingThread | None = None
        # The child process that trains, started when the window is first shown and kept between runs.
        self._host = TrainingHost(self)
        self._reports: list = []
        self._snapshot = None
        self._weights_unsaved = False
        self._weights_file: str | None = None  # the file this model was loaded from or last saved to
        self._run_forecast_steps = 0  # the forecast steps that the current or last run computes
        # The "Start is unavailable" message the status bar shows, cleared when its reason goes.
        self._shown_cannot_start: str | None = None
        # The error line that show_error put in the status bar, replaced once new data loads.
        self._shown_error: str | None = None
        # True while the split is the one a CSV file got in place of the generators' 50 windows,
        # so that a generated series gets those back (the tutorial's results need them).
        self._split_adapted_for_csv = False
        # The window length a short series made shorter, and the one it had before. A longer
        # series gets the earlier length back unless the adapted length was changed by hand.
        self._adapted_seq_len: tuple[int, int] | None = None  # (before, adapted)
        self._ask_on_close = True
        self._remember_config = True  # False when the command line set this session's data or settings
        self._remember_layout = True  # False in scripted runs, whose window size is not the person's
        self._show_dialogs = True
        self.last_error: str | None = None
        # The last error in the core's English words when it came from one (the command line prints
        # those, as train does), else the window's text.
        self.last_error_english: str | None = None
        self._form_problem: str | None = None  # why the settings cannot train, shown in the form
        self._replaced_message: str | None = None  # set when Start replaced a trained model
        self._adapted_message: str | None = None  # set when a new series changed the settings
        self._opening_csv = False
        self._batch_progress: tuple[int, int, int] | None = None  # (epoch, batches done, batches) of a long epoch
        self._results_stale = False  # the shown results belong to a model the next Start replaces
        self._metrics_of_model = " "  # the metrics line of the current model, shown again if it fits again
        self._progress_of_model = ("", 0)  # the progress text and value of the current model, likewise
        self._run_target_epoch = 0
        self._run_started = 0.0
        self._run_start_epoch = 0
        self._run_is_step = False  # the run trains one epoch from idle (Step), then ends
        self._paused_seconds = 0.0  # time the current run spent paused, left out of its ETA
        # A pause or stop takes effect at the end of the current batch, which in a large model takes a while.
        self._pause_pending = False
        # True while a paused run trains the one epoch that Step asked for.
        self._stepping = False
        self._stop_pending = False
        self._step_had_focus = False  # Step had the focus when its run disabled it
        # ((epochs done, epochs), seconds left, active seconds) when the run's progress last changed.
        self._eta_basis: tuple[tuple[float, int], float, float] | None = None
        self._paused_since: float | None = None
        # The widget that had the keyboard focus when a run began. A run disables
        # the form and Start, so Qt moves the focus along the tab chain, to
        # Forecast steps. The focus goes back to this widget when the run ends.
        self._focus_before_run: QWidget | None = None

        self.setWindowTitle(self.tr("rnn-desktop"))
        icon_path = resource_path("icons", "rnn-desktop.png")
        if icon_path.exists():
            self.setWindowIcon(QIcon(str(icon_path)))
        self.setAcceptDrops(True)
        self._build_widgets()
        self._build_actions()
        self._build_menus()
        self._connect()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_INTERVAL_MS)
        self._refresh_timer.timeout.connect(self._on_refresh_tick)
        self._next_panel = 0
        self._loss_drawn_last = False
        self._progress_shown_at = 0.0

        self.training_panel.set_config(TrainConfig())
        self.data_panel.set_split(TrainConfig().val_windows, TrainConfig().val_fraction)
        if restore_settings:
            self._restore_settings()
        if self.data_panel.series() is None:
            self.data_panel.regenerate()
        self._update_controls()
        if self._validate_form():
            self.statusBar().showMessage(self._adapted_message or messages.status_ready())

    # Layout.

    def _build_widgets(self) -> None:
        self.data_panel = DataPanel()
        self.training_panel = TrainingPanel()
        self.loss_plot = LossPlot()
        self.prediction_plot = PredictionPlot()
        self.gradient_plot = GradientPlot()
        self.hidden_plot = HiddenStatePlot()
        self.diagnostics = QWidget()
        # Below this height the axis labels of the two plots overlap.
        self.diagnostics.setMinimumHeight(DIAGNOSTICS_MIN_HEIGHT)
        diagnostics_layout = QHBoxLayout(self.diagnostics)
        diagnostics_layout.setContentsMargins(0, 0, 0, 0)
        diagnostics_layout.addWidget(self.gradient_plot)
        diagnostics_layout.addWidget(self.hidden_plot)
        self.diagnostics.setVisible(False)

        self.settings_tabs = QTabWidget()
        self.settings_tabs.addTab(self._scrolled(self.data_panel), self.tr("Data"))
        self.settings_tabs.addTab(self._scrolled(self.training_panel), self.tr("Model and training"))

        self.start_button = QPushButton(self.tr("Start"))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.step_button = QPushButton(self.tr("Step"))
        self.reset_button = QPushButton(self.tr("Reset weights"))
        # Applied when typing ends, not at each digit: each new number recomputes the forecast in this thread.
        self.forecast_steps = CompactSpinBox()
        self.forecast_steps.setRange(0, MAX_FORECAST_STEPS)
        self.forecast_steps.setKeyboardTracking(False)
        self.forecast_steps.setValue(50)
        self.forecast_steps.setToolTip(self.tr("Number of future steps forecast recursively "
                                               "beyond the end of the series."))
        # The text sits beside the bar rather than on it, where it would straddle the filled part.
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress_label = QLabel()
        self.progress_label.setMinimumWidth(360)
        self._set_progress_text(messages.progress_idle())
        self.metrics_label = WrappingLabel(" ")
        self.metrics_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        for button in (self.start_button, self.pause_button, self.stop_button, self.step_button,
                       self.reset_button):
            buttons.addWidget(button)
        # The pause button also reads Resume, so it keeps room for the longer of the two.
        self._shrink_to_text(self.pause_button, self.tr("Resume"))
        for button in (self.start_button, self.stop_button, self.step_button, self.reset_button):
            self._shrink_to_text(button)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("Forecast steps")))
        buttons.addWidget(self.forecast_steps)

        self.plot_splitter = QSplitter(Qt.Orientation.Vertical)
        self.plot_splitter.addWidget(self.loss_plot)
        self.plot_splitter.addWidget(self.prediction_plot)
        self.plot_splitter.addWidget(self.diagnostics)
        for index, height in enumerate(DEFAULT_PLOT_HEIGHTS):
            self.plot_splitter.setStretchFactor(index, height)
        # A plot dragged to zero height would stay hidden with its menu entry still checked.
        self.plot_splitter.setChildrenCollapsible(False)
        self.plot_splitter.setHandleWidth(PLOT_HANDLE_WIDTH)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 4, 4, 4)
        right_layout.addLayout(buttons)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_label)
        progress_row.addSpacing(12)  # a long line (divergence) otherwise runs into the bar
        progress_row.addWidget(self.progress, 1)
        right_layout.addLayout(progress_row)
        right_layout.addWidget(self.metrics_label)
        right_layout.addWidget(self.plot_splitter, 1)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.addWidget(self.settings_tabs)
        self.main_splitter.addWidget(right)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setSizes([430, 970])
        self.setCentralWidget(self.main_splitter)
        self.setStatusBar(ElidingStatusBar())
        self.resize(self._first_size())

    def _first_size(self) -> QSize:
        """Return the window's size before any is saved: 1400 x 900, or less on a smaller screen.

        The window frame and a panel or dock take some of the screen, so the
        window keeps a margin of FIRST_SIZE_SCREEN_MARGIN pixels on each side.
        """
        size = QSize(1400, 900)
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry().size()
            size = size.boundedTo(available - QSize(2 * FIRST_SIZE_SCREEN_MARGIN, 2 * FIRST_SIZE_SCREEN_MARGIN))
        return size

    @staticmethod
    def _shrink_to_text(button: QPushButton, *other_texts: str) -> None:
        """Let ``button`` narrow to its text in a narrow window.

        The style draws a push button at least 80 pixels wide, and a row of short
        Italian labels then made the window 1,181 pixels wide at least. The
        button keeps that width whenever the row has room.
        """
        metrics = button.fontMetrics()
        text_width = max(metrics.horizontalAdvance(text.replace("&", "")) for text in (button.text(), *other_texts))
        button.setMinimumWidth(text_width + BUTTON_TEXT_PADDING)
        policy = button.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        button.setSizePolicy(policy)

    @staticmethod
    def _scrolled(widget: QWidget) -> QScrollArea:
        area = QScrollArea()
        area.setWidget(widget)
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setMinimumWidth(widget.minimumSizeHint().width() + 20)
        # Tab goes to the fields inside, and the area scrolls to the field with the focus.
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return area

    def _build_actions(self) -> None:
        def action(text: str, shortcut, slot, tip: str = "") -> QAction:
            item = QAction(text, self)
            if shortcut:
                item.setShortcut(QKeySequence(shortcut))
            if tip:
                item.setToolTip(tip)
                item.setStatusTip(tip)
            # A shortcut or menu leaves the focus in a spin box whose typed text is not applied yet.
            item.triggered.connect(self.commit_typed_values)
            item.triggered.connect(slot)
            return item

        self.start_action = action(self.tr("&Start"), "F5", self.start_training,
                                   self.tr("Train the current model for the set number of epochs (F5)."))
        self.pause_action = action(self.tr("&Pause"), "F6", self.toggle_pause,
                                   self.tr("Pause training after the current batch, or resume it (F6)."))
        self.stop_action = action(self.tr("S&top"), "Shift+F5", self.stop_training,
                                  self.tr("Stop training after the current batch (Shift+F5)."))
        self.step_action = action(self.tr("St&ep one epoch"), "F10", self.step_epoch,
                                  self.tr("Train one more epoch of the current model (F10)."))
        self.reset_action = action(self.tr("&Reset weights"), "Ctrl+R", self.reset_weights,
                                   self.tr("Re-initialise the weights from the seed (Ctrl+R)."))
        self.open_action = action(self.tr("&Open CSV..."), QKeySequence.StandardKey.Open, self.choose_csv)
        self.save_weights_action = action(self.tr("&Save weights..."), QKeySequence.StandardKey.Save,
                                          self.choose_save_weights)
        self.load_weights_action = action(self.tr("&Load weights..."), "Ctrl+L", self.choose_load_weights)
        self.export_predictions_action = action(self.tr("Export &predictions as CSV..."), None,
                                                self.choose_export_predictions)
        self.export_history_action = action(self.tr("Export loss &history as CSV..."), None,
                                            self.choose_export_history)
        self.export_loss_plot_action = action(self.tr("Export loss plo&t (PNG or SVG)..."), None,
                                              lambda: self.choose_export_plot(self.loss_plot))
        self.export_prediction_plot_action = action(self.tr("Export predictio&n plot (PNG or SVG)..."), None,
                                                    lambda: self.choose_export_plot(self.prediction_plot))
        # The diagnostics plots, shown with View > Show gradient norms and hidden states.
        self.export_gradient_plot_action = action(self.tr("Export &gradient plot (PNG or SVG)..."), None,
                                                  lambda: self.choose_export_plot(self.gradient_plot))
        self.export_hidden_plot_action = action(self.tr("Export hi&dden-state plot (PNG or SVG)..."), None,
                                                lambda: self.choose_export_plot(self.hidden_plot))
        self.quit_action = action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.gradients_action = action(self.tr("Show &gradient norms and hidden states"), None,
                                       self._on_gradients_toggled,
                                       self.tr("Record and plot the gradient norm at each time step and the "
                                               "hidden state over the first validation window, from the next "
                                               "epoch on."))
        self.gradients_action.setCheckable(True)

        self.start_button.clicked.connect(self.start_action.trigger)
        self.pause_button.clicked.connect(self.pause_action.trigger)
        self.stop_button.clicked.connect(self.stop_action.trigger)
        self.step_button.clicked.connect(self.step_action.trigger)
        self.reset_button.clicked.connect(self.reset_action.trigger)
        for button, item in ((self.start_button, self.start_action), (self.pause_button, self.pause_action),
                             (self.stop_button, self.stop_action), (self.step_button, self.step_action),
                             (self.reset_button, self.reset_action)):
            button.setToolTip(item.toolTip())

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.open_action)
        self.sample_menu = file_menu.addMenu(messages.menu_open_sample())
        for name in SAMPLE_FILES:
            path = resource_path("data", name)
            if path.is_file():
                self.sample_menu.addAction(messages.sample_title(name),
                                           lambda p=str(path): self.open_csv(p, sample=True))
            else:
                log.warning("sample file %s not found", path)
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        file_menu.addSeparator()
        file_menu.addAction(self.save_weights_action)
        file_menu.addAction(self.load_weights_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_predictions_action)
        file_menu.addAction(self.export_history_action)
        file_menu.addAction(self.export_loss_plot_action)
        file_menu.addAction(self.export_prediction_plot_action)
        file_menu.addAction(self.export_gradient_plot_action)
        file_menu.addAction(self.export_hidden_plot_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        training_menu = self.menuBar().addMenu(self.tr("&Training"))
        for item in (self.start_action, self.pause_action, self.stop_action, self.step_action, self.reset_action):
            training_menu.addAction(item)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.gradients_action)
        language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = current_language()
        for code, name in (("en", "English"), ("it", "Italiano")):
            item = QAction(name, self, checkable=True)
            item.setChecked(code == current)
            item.triggered.connect(lambda _checked=False, c=code: self._choose_language(c))
            group.addAction(item)
            language_menu.addAction(item)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("Show &log file location"), self._show_log_location)
        help_menu.addAction(self.tr("&About"), self._show_about)
        self._rebuild_recent_menu()

    def _connect(self) -> None:
        self.data_panel.series_changed.connect(self._on_series_changed)
        self.data_panel.load_failed.connect(self._on_load_failed)
        self.data_panel.series_in_use_shown.connect(self._on_series_in_use_shown)
        self.data_panel.split_edited.connect(self._validate_form)
        # A split the person chose stays, whatever data comes next.
        self.data_panel.split_edited.connect(self._forget_adapted_split)
        self.data_panel.open_csv_requested.connect(self.choose_csv)
        self.training_panel.config_edited.connect(self._on_config_edited)
        self.training_panel.value_clamped.connect(
            lambda name, *values: self._on_value_clamped(self.training_panel.number_field(name), name, *values))
        generators = self.data_panel.generator_form
        generators.value_clamped.connect(
            lambda name, *values: self._on_value_clamped(generators.number_field(name), name, *values))
        self.training_panel.preset_requested.connect(self.apply_preset)
        self.training_panel.lr_edited.connect(self._on_lr_edited)
        self.forecast_steps.valueChanged.connect(self._on_forecast_steps_changed)
        self.forecast_steps.value_clamped.connect(lambda typed, kept: self._on_value_clamped(
            self.forecast_steps, "forecast_steps", typed, kept, self.forecast_steps.minimum(),
            self.forecast_steps.maximum()))

    # Public surface for tests and the self-test.

    @property
    def state(self) -> str:
        return self._state

    @property
    def trainer(self):
        """The current model's Trainer, or None; do not use it while training runs.

        While paused, this waits until the training process has sent its state.
        """
        self._sync_paused_trainer()
        return self._trainer

    @property
    def training_process(self):
        """The TrainingProcess that runs training, or None until one has started; for tests."""
        return self._host.process

    def _sync_paused_trainer(self) -> None:
        """Copy the paused training process's state into the window's Trainer before it is read."""
        if self._run is not None and self._state == PAUSED:
            self._run.wait_for_state()

    @property
    def reports(self) -> list:
        """EpochReports shown since the model was built or reset, oldest first."""
        return list(self._reports)

    @property
    def weights_unsaved(self) -> bool:
        return self._weights_unsaved

    @property
    def run_start_epoch(self) -> int:
        """The model's epoch count when the last run started."""
        return self._run_start_epoch

    def set_remember_config(self, remember: bool) -> None:
        """Choose whether closing saves the settings shown, for the next session to open with."""
        self._remember_config = remember

    def set_remember_layout(self, remember: bool) -> None:
        """Choose whether closing saves the window's size and splitter positions."""
        self._remember_layout = remember

    def set_interactive(self, ask_on_close: bool, show_dialogs: bool) -> None:
        """Turn off the close question and modal error boxes (scripted runs and tests)."""
        self._ask_on_close = ask_on_close
        self._show_dialogs = show_dialogs

    def set_series(self, series: Series) -> None:
        self.data_panel.set_series(series)

    def config(self) -> TrainConfig:
        """Return the settings shown in both panels as one TrainConfig."""
        val_windows, val_fraction = self.data_panel.split_values()
        return self.training_panel.config().replace(val_windows=val_windows, val_fraction=val_fraction)

    def set_config(self, config: TrainConfig) -> None:
        self.training_panel.set_config(config)
        self.data_panel.set_split(config.val_windows, config.val_fraction)
        self.data_panel.set_seq_len(config.seq_len)
        self._validate_form()

    def apply_preset(self, name: str) -> None:
        """Show the preset's settings; the tutorial's also gets a status line on why it barely learns.

        A CSV series keeps its split: the presets' 50 validation windows belong to the
        tutorial's sine, and the Data tab set the split for the file. A series too
        short for the preset's window length gets a shorter one, as on opening it.
        """
        preset = TrainConfig.preset(name)
        series = self.data_panel.series()
        if series is not None and self.data_panel.csv_path() is not None and series.source == self.data_panel.csv_path():
            current = self.config()
            preset = preset.replace(val_windows=current.val_windows, val_fraction=current.val_fraction)
        self._adapted_seq_len = None
        self.set_config(preset)
        # A short series gets the window length and split it had before, as when it was opened.
        adapted = self._adapt_settings_to(series) if series is not None else None
        if name == "tutorial" and self._form_problem is None:
            tutorial_series = series is not None and np.array_equal(series.values, np.sin(np.arange(200.0)))
            tutorial = messages.status_tutorial_preset(tutorial_series)
            self.statusBar().showMessage(f"{tutorial} {adapted}" if adapted else tutorial)
        elif adapted:
            self.statusBar().showMessage(adapted)

    def curve_point_counts(self) -> dict[str, int]:
        counts = dict(self.loss_plot.point_counts())
        counts.update(self.prediction_plot.point_counts())
        return counts

    def open_csv(self, path: str, sample: bool = False, **overrides) -> bool:
        """Load a CSV file; on failure show the error and keep the current data and model.

        For a ``sample`` file (File > Open sample), the status bar gives the file
        name, not the long path inside the installed package, and Open recent
        leaves it out, since the sample menu always lists it.
        """
        if self._state != IDLE:
            self.show_error(messages.error_busy())
            return False
        self._adapted_message = None
        self._opening_csv = True  # this method reports what it loaded in the status bar
        try:
            loaded = self.data_panel.load_csv(str(path), **overrides)
        finally:
            self._opening_csv = False
        if loaded:
            if not sample:
                self._remember_file(str(path))
            series = self.data_panel.series()
            if self._form_problem is not None:
                return loaded
            text = messages.status_csv_loaded(Path(path).name if sample else str(path), len(series), series.name)
            if self._adapted_message:
                text = f"{text} {self._adapted_message}"
            self.statusBar().showMessage(text)
        return loaded

    # Training.

    def commit_typed_values(self) -> None:
        """Apply the text typed into any spin box, as Enter or leaving the field would.

        The spin boxes apply typed text only then (keyboard tracking is off, so a
        half-typed number rebuilds nothing), but a shortcut or menu action keeps
        the focus in the field.
        """
        for spin in self.findChildren(QAbstractSpinBox):
            spin.interpretText()

    def start_training(self) -> bool:
        """Train the current model (built first when needed) for the set epochs; False when refused."""
        self.commit_typed_values()
        if self._state != IDLE:
            return False
        return self._begin_run(single_epoch=False)

    def step_epoch(self) -> bool:
        """Train one epoch: a paused run pauses again after it, an idle window goes back to idle."""
        self.commit_typed_values()
        if self._state == RUNNING:
            return False
        if self._state == PAUSED:
            self._control.request_step()
            self._stepping = True
            self._set_state(RUNNING)
            return True
        return self._begin_run(single_epoch=True)

    def pause_training(self) -> None:
        if self._state == RUNNING:
            self._control.request_pause()
            self._pause_pending = True
            self._set_state(PAUSED)

    def resume_training(self) -> None:
        if self._state == PAUSED:
            self._control.resume()
            self._pause_pending = False
            self._set_state(RUNNING)

    def toggle_pause(self) -> None:
        if self._state == RUNNING:
            self.pause_training()
        elif self._state == PAUSED:
            self.resume_training()

    def stop_training(self, wait: bool = False) -> None:
        """Ask the worker to stop after the current batch; with ``wait``, block until it has."""
        if self._run is None:
            return
        self._control.request_stop()
        if not self._stop_pending:
            self._stop_pending = True
            self.statusBar().showMessage(messages.status_stopping())
            self._show_run_progress()  # without the time left
            self._update_controls()
        if wait:
            self._run.stop_and_wait()

    def reset_weights(self) -> None:
        """Re-initialise the weights from the seed; a paused run is stopped first."""
        self.commit_typed_values()
        if self._state == RUNNING:
            return
        if self._trainer is None:
            return
        # self.trainer first copies a paused run's state, so the epoch count is current.
        if self.trainer.epoch > 0 and not self._confirm_discarding_model(messages.question_reset_model):
            return
        if self._run is not None:
            self._finish_thread(wait=True)
        config, series = self.config(), self.data_panel.series()
        if series is not None and (series is not self._trainer_series or not self._fits_model(config)):
            # The data or the model's settings changed since this model was built: fresh weights for those,
            # so the plots match the Data tab.
            if self._new_trainer(config, series) is None:
                return
            self._replaced_message = None
        else:
            try:
                self._while_building(self._trainer.config.hidden, self._trainer.reset_weights)
            except WorkAbandoned:
                return  # the application is quitting
        self._reports.clear()
        self.loss_plot.clear()
        self.gradient_plot.clear()
        self.hidden_plot.clear()
        self._show_states_of_model()
        self.prediction_plot.clear_predictions()
        self._show_snapshot_now()
        self._weights_unsaved = False
        self.progress.setValue(0)
        self._set_progress_text(messages.progress_idle())
        self.metrics_label.setText(" ")
        self.refresh_plots()
        self.statusBar().showMessage(messages.status_weights_reset())
        log.info("weights reset")

    def _begin_run(self, single_epoch: bool) -> bool:
        config = self.config()
        trainer = self._prepare_trainer(config)
        if trainer is None:
            return False

        self._control.clear()
        if config.lr != self._trainer_config.lr:
            trainer.set_lr(config.lr)
        # A request sent to the previous run may have arrived after its last checkpoint.
        trainer.set_recording(*self._recording(trainer))
        # The run's epoch count, early stopping and clipping may differ from the model's first run or a
        # loaded file's. The trainer uses the run's, and reports and saved files show them.
        run_changes = {name: getattr(config, name) for name in RUN_ONLY_FIELDS
                       if name != "lr" and getattr(config, name) != getattr(trainer.config, name)}
        if run_changes:
            trainer.config = trainer.config.replace(**run_changes)
        self._trainer_config = config
        self._control.trainer = trainer
        epochs = 1 if single_epoch else config.epochs
        self._run_is_step = single_epoch
        self._run_forecast_steps = self.forecast_steps.value()
        worker = TrainingWorker(trainer, self._control, epochs=epochs,
                                forecast_steps=self._run_forecast_steps, host=self._host)
        worker.epoch_finished.connect(self._on_epoch_finished)
        worker.batch_progress.connect(self._on_batch_progress)
        worker.snapshot_ready.connect(self._on_snapshot)
        worker.paused.connect(self._on_worker_paused)
        worker.failed.connect(self._on_worker_failed)
        worker.process_died.connect(self._on_process_died)
        worker.finished.connect(self._on_worker_finished)
        self._run = TrainingThread(worker, self._control)
        self._run_start_epoch = trainer.epoch
        self._run_target_epoch = trainer.epoch + epochs
        self.loss_plot.set_epoch_span(self._run_target_epoch)
        self._set_progress_text(messages.progress_running(trainer.epoch + 1, self._run_target_epoch))
        self._batch_progress = None
        self._run_started = time.perf_counter()
        self._eta_basis = None
        self._paused_seconds = 0.0
        self._paused_since = None
        self._set_state(RUNNING)
        self._refresh_timer.start()
        replaced, self._replaced_message = self._replaced_message, None
        kept_epoch = self._early_stop_kept_epoch()
        continued = messages.status_continue_after_early_stop(kept_epoch) if kept_epoch is not None else None
        self.statusBar().showMessage(replaced or continued or messages.status_training())
        self._run.start()
        return True

    def _early_stop_kept_epoch(self) -> int | None:
        """Return the epoch whose weights early stopping kept when the current model stopped early, else None.

        Training such a model again continues from those weights with the patience count back at 0.
        """
        if not self._reports or self._reports[-1].stop_reason != "early_stopping":
            return None
        last = self._reports[-1]
        return int(last.extra.get("restored_epoch", last.epoch))

    def _prepare_trainer(self, config: TrainConfig):
        """Return the Trainer to train: the current one when it fits the settings, else a new one."""
        series = self.data_panel.series()
        if series is None:
            self.show_error(messages.error_no_model())
            return None
        if self._trainer is not None and self._trainer_series is series and self._fits_model(config):
            return self._trainer
        if not self._confirm_discarding_model(messages.question_replace_model):
            return None
        return self._new_trainer(config, series)

    def _new_trainer(self, config: TrainConfig, series: Series):
        """Build and show a Trainer with fresh weights for ``config`` on ``series``; None for invalid settings."""
        from rnn_desktop.core.training import Trainer

        control = WorkerControl()
        try:
            config.validate()
            trainer = self._while_building(
                config.hidden, lambda: Trainer(config, series.values, control=control, source=series.source))
            trainer.origin = series_origin(series)
        except (RnnDesktopError, ValueError) as error:
            log.error("cannot train with %s on %s: %s", config.to_dict(), series.source, error)
            self.show_error(messages.error_text(error), title=messages.title_invalid_settings())
            return None
        except WorkAbandoned:
            return None  # the application is quitting
        if self._trainer is not None and self._trainer.epoch > 0:
            self._replaced_message = messages.status_new_model(self._trainer.epoch)
        self._install_trainer(trainer, config, series, control)
        log.info("new model: %s on %s (%d values)", config.to_dict(), series.source, len(series))
        return trainer

    def _while_building(self, hidden: int, build):
        """Return ``build()``; for a model of SLOW_BUILD_HIDDEN units or more, run it with a busy dialog.

        The orthogonal start of W_hh takes seconds for a large model (4 s for 2048 units and 15 s for
        4096 here), and in the GUI thread the window froze meanwhile.
        """
        text = messages.status_building_model(hidden)
        slow = hidden >= SLOW_BUILD_HIDDEN
        if slow:
            self.statusBar().showMessage(text)
        return self._beside_event_loop(slow, text, build)

    def _beside_event_loop(self, slow: bool, text: str, work):
        """Return ``work()``: when ``slow``, run behind a busy dialog with ``text`` while the window keeps drawing."""
        if not slow:
            return work()
        log.info("running beside the event loop: %s", text)
        return run_while_busy(self, text, work)

    def _confirm_discarding_model(self, question) -> bool:
        """Ask to save a trained model with unsaved weights before a new model or a reset discards it.

        ``question`` makes the text from the epochs trained. Returns False when the
        person cancels or the save fails, like closing the window does.
        """
        if self._trainer is None or not self._weights_unsaved or not self._ask_on_close:
            return True
        answer = QMessageBox.question(
            self, messages.title_unsaved_weights(), self._with_kept_weights_note(question(self._trainer.epoch)),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save:
            return bool(self.choose_save_weights())
        return True

    def _with_kept_weights_note(self, question: str) -> str:
        """Add to a question about unsaved weights which epoch's weights Save writes after early stopping."""
        trainer = self._trainer
        if trainer is not None and trainer.stop_reason == "early_stopping" and 0 < trainer.best_epoch < trainer.epoch:
            # The epoch count alone suggests the last epoch's weights, but Save writes the kept ones.
            return question + "\n\n" + messages.note_kept_weights(trainer.best_epoch)
        return question

    def _recording(self, trainer) -> tuple[bool, int | None]:
        """Return the ``Trainer.set_recording`` arguments for the View menu's choice.

        The hidden states are those of the first validation window. Reading the
        split is safe during a run, because training never changes it.
        """
        if not self.gradients_action.isChecked():
            return False, None
        return True, trainer.split.n_train

    def _send_recording(self) -> None:
        """Apply the View menu's choice to the current model, through the training process during a run."""
        if self._trainer is None:
            return
        record_dh, hidden_window = self._recording(self._trainer)
        if self._run is not None:
            self._control.set_recording(record_dh, hidden_window)
        else:
            self._trainer.set_recording(record_dh, hidden_window)
            self._show_states_of_model()

    def _show_states_of_model(self) -> None:
        """Show the hidden states of the idle model's weights, so loaded or reset weights need no epoch first.

        The gradient norms still wait for an epoch: they come from a training batch.
        """
        if self._run is not None or self._trainer is None:
            return
        _, window = self._recording(self._trainer)
        if window is None:
            return
        restored_epoch = self._reports[-1].extra.get("restored_epoch") if self._reports else None
        self.hidden_plot.set_states(self._trainer.window_hidden_states(window),
                                    restored_epoch if restored_epoch is not None else self._trainer.epoch)

    def _fits_model(self, config: TrainConfig) -> bool:
        if self._trainer_config is None:
            return False
        current = {k: v for k, v in self._trainer_config.to_dict().items() if k not in RUN_ONLY_FIELDS}
        wanted = {k: v for k, v in config.to_dict().items() if k not in RUN_ONLY_FIELDS}
        return current == wanted

    def _install_trainer(self, trainer, config: TrainConfig, series: Series, control: WorkerControl) -> None:
        self._trainer = trainer
        self._trainer_config = config
        self._trainer_series = series
        self._control = control
        control.trainer = trainer
        self._reports = list(getattr(trainer, "history", []) or [])
        self.loss_plot.clear()
        self.loss_plot.set_scaled(trainer.config.scale != "none")
        for report in self._reports:
            self.loss_plot.append(report)
        self.gradient_plot.clear()
        self.hidden_plot.clear()
        self._show_states_of_model()
        self.prediction_plot.clear_predictions()
        self._weights_unsaved = False
        self._weights_file = None
        self._results_stale = False
        self._metrics_of_model = " "
        self.metrics_label.setText(" ")
        self.progress.setValue(0)
        self._set_progress_text(messages.progress_idle())

    # Worker signals.

    def _on_epoch_finished(self, report) -> None:
        self._reports.append(report)
        self._batch_progress = None  # the epoch's own line replaces its batch count
        self.loss_plot.append(report)
        if report.dh_norms is not None or (report.stop_reason == "diverged" and self.gradients_action.isChecked()):
            self.gradient_plot.set_report(report, self._trainer_config.bptt_truncate)
        if report.hidden_states is not None:
            self.hidden_plot.set_report(report)
        # Weights that diverged before any update are the starting weights: nothing trained to lose.
        self._weights_unsaved = self._weights_unsaved or not report.diverged_at_start
        self.epoch_shown.emit(report)

    def _on_batch_progress(self, epoch: int, done: int, total: int) -> None:
        """Show how far a long epoch has come, until its report replaces the line."""
        if self._state != RUNNING or (self._reports and self._reports[-1].epoch >= epoch):
            return
        self._batch_progress = (epoch, done, total)
        self._show_batch_progress()

    def _show_batch_progress(self) -> None:
        epoch, done, total = self._batch_progress
        epochs = max(1, self._run_target_epoch - self._run_start_epoch)
        epochs_done = epoch - 1 - self._run_start_epoch + done / total
        self.progress.setRange(0, epochs * PROGRESS_STEPS_PER_EPOCH)
        self.progress.setValue(round(epochs_done * PROGRESS_STEPS_PER_EPOCH))
        # The time left comes from the batches so far, so a long first epoch already shows how long
        # the run will take. Validation time is left out until the first epoch reports.
        eta = self._time_left(epochs_done, epochs) if self._counts_down() else None
        if self._state == PAUSED and not self._pause_pending:
            self._set_progress_text(messages.progress_batches_paused(epoch, self._run_target_epoch, done, total))
        else:
            self._set_progress_text(messages.progress_batches(epoch, self._run_target_epoch, done, total, eta))

    def _counts_down(self) -> bool:
        """Say whether the progress line shows the run's time left: not while paused, stopping or stepping.

        A step from a pause trains one epoch and pauses again, so the whole run's time left misled.
        """
        return self._state == RUNNING and not self._stop_pending and not self._stepping

    def _time_left(self, epochs_done: float, epochs: int) -> float | None:
        """Return the run's seconds left at its pace so far, pauses excluded; None before any progress.

        The pace is measured when the progress changes. Between two changes the
        time left counts down from that estimate: measured again at every redraw,
        it grew while a long epoch ran, because the time passed but the progress did not.
        """
        if epochs_done <= 0:
            return None
        now = time.perf_counter()
        paused = self._paused_seconds + (now - self._paused_since if self._paused_since is not None else 0.0)
        active = now - self._run_started - paused
        basis = self._eta_basis
        if basis is None or basis[0] != (epochs_done, epochs):
            basis = self._eta_basis = ((epochs_done, epochs), active / epochs_done * (epochs - epochs_done), active)
        return max(0.0, basis[1] - (active - basis[2]))

    def _on_snapshot(self, snapshot) -> None:
        self._snapshot = snapshot
        self.prediction_plot.set_snapshot(snapshot)

    def _on_worker_paused(self, _epoch) -> None:
        self._stepping = False
        if self._state == RUNNING:
            self._set_state(PAUSED)
        elif self._pause_pending and self._state == PAUSED and not self._stop_pending:
            self.statusBar().showMessage(messages.status_paused())
        if self._pause_pending and self._state == PAUSED and self._paused_since is None:
            self._paused_since = time.perf_counter()
        confirmed = self._pause_pending and self._state == PAUSED
        self._pause_pending = False
        if confirmed:
            self._show_run_progress()
        self._update_controls()
        self.refresh_plots()

    def _on_worker_failed(self, message: str) -> None:
        self.show_error(messages.error_worker(str(message), str(log_file_path())))

    def _on_process_died(self, exit_code) -> None:
        epoch = self._trainer.epoch if self._trainer is not None else 0
        self.show_error(messages.error_process_died(exit_code, epoch, str(log_file_path())))

    def _on_worker_finished(self, reason: str) -> None:
        self._finish_thread(wait=True)
        self._match_reports_to_trainer()
        self.loss_plot.end_run()
        self.refresh_plots()
        if self._reports:
            self._show_progress(self._reports[-1])
            if reason == "early_stopping":
                self._show_early_stop()
            elif reason == "diverged":
                report = self._reports[-1]
                self._set_progress_text(messages.progress_diverged(report.epoch, report.extra.get("divergence")))
            elif reason == "stopped":
                last = self._reports[-1]
                done, batches = last.extra.get("batches_run"), last.extra.get("batches")
                if done is not None and batches is not None and done < batches:
                    # The stopped epoch counts with the batches it ran, as in train's epoch line.
                    self._set_progress_text(messages.progress_stopped_in_epoch(last.epoch, done, batches))
                elif not self._run_is_step:
                    self._set_progress_text(messages.progress_stopped(last.epoch, self._run_target_epoch))
        if reason == "stopped" and (not self._reports or self._reports[-1].epoch <= self._run_start_epoch):
            # No batch ended, so no epoch report came and the weights are as they were.
            self.progress.setValue(0)
            self._set_progress_text(messages.progress_stopped_before_batch(self._run_start_epoch + 1))
        final = self._show_final_metrics()
        if self.forecast_steps.value() != self._run_forecast_steps:
            self._show_snapshot_now()  # the field changed during the run
        if self._run_is_step and reason == "completed" and self._trainer is not None:
            continued_from = self._reports[-1].extra.get("continued_from_epoch") if self._reports else None
            if continued_from is not None:
                self.statusBar().showMessage(messages.status_step_after_early_stop(continued_from,
                                                                                   self._trainer.epoch))
            else:
                self.statusBar().showMessage(messages.status_step_done(self._trainer.epoch))
        elif reason == "diverged" and self._reports and self._reports[-1].diverged_at_start:
            self.statusBar().showMessage(messages.status_diverged_at_start())
        else:
            clipping = self._trainer is not None and clipping_on(self._trainer.config)
            text = messages.status_finished(str(reason), clipping)
            peak = self._reports[-1].extra.get("runaway_val_loss") if self._reports else None
            if reason == "early_stopping" and peak is not None and self._trainer is not None:
                n_val = self._trainer.split.n_val
                text += " " + messages.status_runaway_loss(peak, self._trainer.best_val_loss, RUNAWAY_LOSS_FACTOR,
                                                           n_val if n_val < FEW_VALIDATION_WINDOWS else None)
            naive = self._trainer.naive_val_rmse if self._trainer is not None else None
            if reason != "diverged" and final is not None and naive is not None and final["rmse"] > naive:
                text += " " + messages.status_worse_than_naive()
            self.statusBar().showMessage(text)
        epochs = self._trainer.epoch if self._trainer else 0
        log.info("run finished: %s after %d %s", reason, epochs, "epoch" if epochs == 1 else "epochs")
        self.run_finished.emit(str(reason))

    def _match_reports_to_trainer(self) -> None:
        """Show the trainer's history when it lost epochs the window showed (the training process died)."""
        trainer = self._trainer
        if trainer is None or [r.epoch for r in self._reports] == [r.epoch for r in trainer.history]:
            return
        log.warning("showing the %d epochs the model has instead of the %d received", len(trainer.history),
                    len(self._reports))
        self._reports = list(trainer.history)
        data_change = self.loss_plot.data_change_epoch
        self.loss_plot.clear()
        if data_change is not None and data_change < trainer.epoch:
            self.loss_plot.set_data_change(data_change)
        self.loss_plot.set_epoch_span(trainer.epoch)
        for report in self._reports:
            self.loss_plot.append(report)
        self.gradient_plot.clear()
        self.hidden_plot.clear()
        self._show_snapshot_now()
        if not self._reports:
            # No epoch is left to describe, so the lines must not keep the lost run's numbers.
            self.progress.setValue(0)
            self._set_progress_text(messages.progress_idle())
            self.metrics_label.setText(" ")

    def _finish_thread(self, wait: bool) -> None:
        """Stop the worker's thread (if any), wait for it and go back to idle."""
        run, self._run = self._run, None
        if run is not None:
            run.control.request_stop()
            if wait:
                run.stop_and_wait()
        self._refresh_timer.stop()
        self._stepping = False
        self._set_state(IDLE)

    def _live_panels(self) -> list:
        panels = [self.loss_plot, self.prediction_plot]
        if not self.diagnostics.isHidden():
            panels.extend([self.gradient_plot, self.hidden_plot])
        return panels

    def _on_refresh_tick(self) -> None:
        """Redraw one changed plot, time it, and space the next tick accordingly.

        The loss plot gets every second tick when it has new epochs, and the
        other plots take turns in the rest. The progress line changes with the
        loss plot, so it never counts epochs that the plot does not show yet.
        """
        started = time.perf_counter()
        loss_plot = self.loss_plot
        loss_turn = loss_plot.dirty and not self._loss_drawn_last
        drawn = None
        if not loss_turn:
            others = self._live_panels()[1:]
            for offset in range(len(others)):
                panel = others[(self._next_panel + offset) % len(others)]
                if panel.dirty:
                    drawn = panel
                    self._next_panel = (self._next_panel + offset + 1) % len(others)
                    break
        if drawn is None and loss_plot.dirty:
            drawn = loss_plot
        if drawn is not None:
            drawn.refresh(paint_now=True)
        self._loss_drawn_last = drawn is loss_plot
        if drawn is loss_plot or (not loss_plot.dirty and started - self._progress_shown_at >= PROGRESS_INTERVAL_S):
            self._progress_shown_at = started
            self._show_run_progress()
        elapsed_ms = (time.perf_counter() - started) * 1000.0
        interval = int(min(REFRESH_MAX_INTERVAL_MS, max(REFRESH_INTERVAL_MS, REFRESH_BUSY_FACTOR * elapsed_ms)))
        self._refresh_timer.setInterval(interval)

    def refresh_plots(self) -> None:
        """Redraw every plot that changed and the progress line, now."""
        self.loss_plot.refresh()
        self.prediction_plot.refresh()
        if not self.diagnostics.isHidden():
            self.gradient_plot.refresh()
            self.hidden_plot.refresh()
        if self._state != IDLE:
            self._show_run_progress()

    def _show_run_progress(self) -> None:
        """Show the batches of a long epoch while it runs, else the progress after the last epoch."""
        if self._batch_progress is not None and self._state != IDLE:
            self._show_batch_progress()
            if self._reports:
                self._show_metrics(self._reports[-1])
        elif self._reports:
            self._show_progress(self._reports[-1])
        elif self._state != IDLE:
            # The first epoch of the run has neither ended nor counted a batch yet.
            epoch = self._run_start_epoch + 1
            if self._state == PAUSED and not self._pause_pending:
                self._set_progress_text(messages.progress_paused(epoch, self._run_target_epoch))
            else:
                self._set_progress_text(messages.progress_running(epoch, self._run_target_epoch))

    def _show_progress(self, report) -> None:
        done = report.epoch - self._run_start_epoch
        total = max(1, self._run_target_epoch - self._run_start_epoch)
        eta = self._time_left(done, total) if self._counts_down() else None
        self.progress.setRange(0, total * PROGRESS_STEPS_PER_EPOCH)
        self.progress.setValue(min(max(done, 0), total) * PROGRESS_STEPS_PER_EPOCH)
        if self._run_is_step:
            self._set_progress_text(messages.progress_step(report.epoch))
        else:
            self._set_progress_text(messages.progress_text(report.epoch, self._run_target_epoch, eta,
                                                           report.samples_per_second))
        self._show_metrics(report)

    def _show_metrics(self, report) -> None:
        naive = self._trainer.naive_val_rmse if self._trainer is not None else None
        self.metrics_label.setText(self._with_scaler_note(messages.metrics_text(report, naive)))

    def _set_progress_text(self, text: str) -> None:
        """Show ``text`` beside the progress bar; the bar's format keeps it for tests and tools."""
        self.progress.setFormat(text)
        self.progress_label.setText(text)

    def _show_early_stop(self) -> None:
        """Fill the bar after early stopping and name the epoch whose weights were kept."""
        report = self._reports[-1]
        kept = report.extra.get("restored_epoch", report.epoch)
        self.progress.setValue(self.progress.maximum())
        self._set_progress_text(messages.progress_early_stop(report.epoch, kept))
        self.loss_plot.set_kept_epoch(kept)
        # The run's last refresh came before this, and the refresh timer has stopped.
        self.loss_plot.refresh()

    def _show_final_metrics(self) -> dict | None:
        """Show the metrics of the weights kept, which early stopping takes from an earlier epoch, and return them."""
        snapshot, trainer = self._snapshot, self._trainer
        if snapshot is None or trainer is None or not self._reports or snapshot.n_train >= snapshot.index.size:
            return None
        from rnn_desktop.core.series import regression_metrics

        val = slice(snapshot.n_train, snapshot.index.size)
        metrics = regression_metrics(trainer.values[snapshot.index[val]], snapshot.prediction[val])
        last = self._reports[-1]
        epoch = 0 if last.diverged_at_start else last.extra.get("restored_epoch", last.epoch)
        self.metrics_label.setText(self._with_scaler_note(messages.final_metrics_text(metrics, trainer.naive_val_rmse,
                                                                                      epoch)))
        return metrics

    def _with_scaler_note(self, metrics: str) -> str:
        """Mark the metrics of weights loaded onto other data, whose scaler still comes from that data."""
        if self._trainer is not None and getattr(self._trainer, "load_warning", None):
            return messages.metrics_with_other_scaler(metrics)
        return metrics

    def _show_snapshot_now(self) -> None:
        """Compute predictions here, beside the event loop for a large model; only when no worker uses the trainer.

        Predicting every window of a 4096-unit model took over a minute, and in the GUI thread the
        window froze meanwhile.
        """
        if self._trainer is None or self._run is not None:
            return
        trainer, steps = self._trainer, self.forecast_steps.value()
        hidden = trainer.config.hidden
        windows = trainer.values.shape[0] - trainer.config.seq_len
        # Every window and each forecast step runs the model over seq_len steps.
        work = (windows + steps) * trainer.config.seq_len * hidden * (hidden + 1)
        slow = hidden >= SLOW_BUILD_HIDDEN or work >= SLOW_PREDICTION_WORK
        try:
            snapshot = self._beside_event_loop(slow, messages.busy_predicting(windows, hidden),
                                               lambda: take_snapshot(trainer, steps))
        except WorkAbandoned:
            return  # the application is quitting
        except (RnnDesktopError, ValueError, FloatingPointError) as error:
            log.error("could not compute predictions: %s", error)
            return
        self._on_snapshot(snapshot)
        self.refresh_plots()

    # State and form.

    def _set_state(self, state: str) -> None:
        if state == self._state:
            return
        was_paused = self._state == PAUSED
        if self._state == IDLE:
            focused = QApplication.focusWidget()
            self._focus_before_run = focused if focused is not None and self.isAncestorOf(focused) else None
        self._state = state
        # The metrics line changes every epoch; held, its wrapping does not move the plots during a run.
        self.metrics_label.hold_height(state != IDLE)
        now = time.perf_counter()
        if was_paused and self._paused_since is not None:
            self._paused_seconds += now - self._paused_since
            self._paused_since = None
        if state != PAUSED:
            self._pause_pending = False
        if state == IDLE:
            self._stop_pending = False
        if state == PAUSED and not self._pause_pending:
            # A requested pause starts when the training process reaches it: until then, it trains.
            self._paused_since = now
        if state == PAUSED:
            self.statusBar().showMessage(messages.status_pausing() if self._pause_pending else messages.status_paused())
        elif state == RUNNING and was_paused:
            self.statusBar().showMessage(messages.status_training())
        if state == PAUSED or (was_paused and state == RUNNING):
            self._show_run_progress()  # the time left leaves the line while paused and comes back on Resume
        self._update_controls()
        if state == IDLE:
            self._restore_focus()
        self.state_changed.emit(state)

    def _restore_focus(self) -> None:
        widget, self._focus_before_run = self._focus_before_run, None
        if widget is not None and widget.isEnabled() and widget.isVisible():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_controls(self) -> None:
        idle, running, paused = self._state == IDLE, self._state == RUNNING, self._state == PAUSED
        can_build = self._form_problem is None
        buttons = (self.start_button, self.pause_button, self.stop_button, self.step_button, self.reset_button)
        focused = QApplication.focusWidget()
        self.start_action.setEnabled(idle and can_build)
        # Once a stop is asked for, the run only ends: a pause or a second stop would change nothing.
        self.pause_action.setEnabled((running or paused) and not self._stop_pending)
        self.pause_action.setText(self.tr("&Resume") if paused else self.tr("&Pause"))
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.stop_action.setEnabled((running or paused) and not self._stop_pending)
        # Step waits until a requested pause is reached, or the step would join the running batch.
        self.step_action.setEnabled((idle and can_build) or (paused and not self._pause_pending))
        self.reset_action.setEnabled((idle or paused) and self._trainer is not None)
        for button, item in zip(buttons, (self.start_action, self.pause_action, self.stop_action,
                                          self.step_action, self.reset_action)):
            button.setEnabled(item.isEnabled())
        if focused in buttons and not focused.isEnabled():
            # Qt moved the focus on to the next field, Forecast steps, where a key press would change it.
            if focused is self.step_button:
                # Space pressed again to step once more would pause the step on Pause, so no widget
                # has the focus until Step can take it back.
                self._step_had_focus = True
                if QApplication.focusWidget() is not None:
                    QApplication.focusWidget().clearFocus()
            else:
                (self.start_button if idle else self.pause_button).setFocus(Qt.FocusReason.OtherFocusReason)
        elif self._step_had_focus and self.step_button.isEnabled():
            self._step_had_focus = False
            if QApplication.focusWidget() is None:
                self.step_button.setFocus(Qt.FocusReason.OtherFocusReason)
        for item in (self.open_action, self.load_weights_action, self.recent_menu.menuAction(),
                     self.sample_menu.menuAction()):
            item.setEnabled(idle)
        self.save_weights_action.setEnabled(not running and self._trainer is not None)
        # Like Save weights: nothing to export before there is a model, or epochs.
        self.export_predictions_action.setEnabled(not running and self._trainer is not None)
        self.export_history_action.setEnabled(not running and bool(self._reports))
        diagnostics = not self.diagnostics.isHidden()
        self.export_gradient_plot_action.setEnabled(diagnostics)
        self.export_hidden_plot_action.setEnabled(diagnostics)
        self.data_panel.set_editable(idle)
        self.training_panel.set_editable(idle, lr_editable=paused)

    def _on_series_changed(self, series: Series) -> None:
        if self._shown_error is not None and self.statusBar().currentMessage() == self._shown_error:
            # The error came before this data loaded, for example from a CSV file that failed to load.
            self.statusBar().showMessage(messages.status_ready())
        self._shown_error = None
        details = series.details or {}
        column, time_column = details.get("column"), details.get("time_column")
        # The axes show each column's unit from the file's units row, as "temperature (°C)".
        value_name = messages.column_label(column, messages.column_unit(details, column)) if column else column
        time_name = (messages.column_label(time_column, messages.column_unit(details, time_column))
                     if time_column else time_column)
        self.prediction_plot.set_series(series.values, series.time, value_name=value_name, time_name=time_name)
        if self._trainer is not None and self._trainer_series is not series:
            # The model was trained on other data; its predictions no longer apply.
            self.prediction_plot.clear_predictions()
        self.prediction_plot.refresh()
        self._adapted_message = self._adapt_settings_to(series)
        if not self._validate_form():
            return
        csv_path = self.data_panel.csv_path()
        if not self._opening_csv and csv_path is not None and series.source == csv_path:
            # Read again with other settings in the Data tab: the column and count may have changed.
            text = messages.status_csv_loaded(messages.shown_path(csv_path), len(series), series.name)
            self.statusBar().showMessage(f"{text} {self._adapted_message}" if self._adapted_message else text)
        elif self._adapted_message:
            self.statusBar().showMessage(self._adapted_message)

    def _adapt_settings_to(self, series: Series) -> str | None:
        """Fit the window length and split to a new series when they leave it no training part.

        The settings are kept when the series gives at least as many training as
        validation windows. A window length or split that an earlier series made
        smaller comes back when this series is long enough for it. Returns the
        status message naming each change, or None.
        """
        from rnn_desktop.core.series import count_val_windows

        def fits(candidate: TrainConfig) -> bool:
            n_windows = len(series) - candidate.seq_len
            if n_windows < 2:
                return False
            n_val = count_val_windows(n_windows, candidate.val_windows, candidate.val_fraction)
            return 1 <= n_val <= n_windows - n_val

        config = self.config()
        split = (config.val_windows, config.val_fraction)
        from_csv = self.data_panel.csv_path() is not None and series.source == self.data_panel.csv_path()
        changes: list[str] = []
        restored = 0  # how many of the changes give back an earlier setting or the data's usual split
        quarter = int(len(series) * ADAPTED_SEQ_LEN_SHARE)
        longest = max(1, quarter)
        shortest = quarter < 1  # the window length of 1 is then more than a quarter of the series
        if self._adapted_seq_len is not None and self._adapted_seq_len[1] == config.seq_len:
            before = self._adapted_seq_len[0]
            wanted = before if fits(config.replace(seq_len=before)) else min(before, longest)
            if wanted > config.seq_len and fits(config.replace(seq_len=wanted)):
                if wanted == before:
                    changes.append(messages.change_window_length_back(config.seq_len, before))
                    self._adapted_seq_len = None
                else:
                    changes.append(messages.change_window_length(config.seq_len, wanted, shortest and wanted == 1))
                    self._adapted_seq_len = (before, wanted)
                config = config.replace(seq_len=wanted)
                restored += 1
        adapted_split = (None, ADAPTED_VAL_FRACTION)
        csv_split = from_csv and split == GENERATOR_SPLIT
        if csv_split:
            config = config.replace(val_windows=None, val_fraction=ADAPTED_VAL_FRACTION)
        elif not from_csv and self._split_adapted_for_csv and split == adapted_split:
            with_split = config.replace(val_windows=GENERATOR_SPLIT[0], val_fraction=GENERATOR_SPLIT[1])
            if len(series) - with_split.seq_len >= 2 * GENERATOR_SPLIT[0]:
                self._split_adapted_for_csv = False
                log.info("split back to the last %d windows for %s", GENERATOR_SPLIT[0], series.source)
                config, split = with_split, GENERATOR_SPLIT
                changes.append(messages.change_split_to_windows(GENERATOR_SPLIT[0]))
                restored += 1

        if not fits(config):
            if config.seq_len > longest:
                changes.append(messages.change_window_length(config.seq_len, longest, shortest))
                before = self._adapted_seq_len[0] if self._adapted_seq_len is not None else config.seq_len
                self._adapted_seq_len = (before, longest)
                config = config.replace(seq_len=longest)
            if not fits(config) and config.val_fraction != ADAPTED_VAL_FRACTION:
                config = config.replace(val_windows=None, val_fraction=ADAPTED_VAL_FRACTION)
        if (config.val_windows, config.val_fraction) != split:
            percent = round(ADAPTED_VAL_FRACTION * 100)
            if csv_split:
                changes.append(messages.change_split_to_csv_fraction(percent))
                restored += 1
            else:
                changes.append(messages.change_split_to_fraction(percent))
            # A generated series long enough for the generators' split gets it back later.
            self._split_adapted_for_csv = True
        if not changes:
            return None
        log.info("settings adapted to %s (%d values): %s", series.source, len(series), changes)
        self.set_config(config)
        return messages.status_settings_adapted(len(series), changes, to_train=restored < len(changes))

    def _forget_adapted_split(self) -> None:
        self._split_adapted_for_csv = False

    def _on_load_failed(self, error) -> None:
        self.show_error(messages.error_text(error), english=str(error) if isinstance(error, RnnDesktopError) else None)
        # The Data tab may now show a file it could not read, or the series in use again. The status
        # bar keeps the error, which names what to fix.
        self._validate_form(announce=False)

    def _on_series_in_use_shown(self) -> None:
        """Replace the unreadable file's error in the status bar once the Data tab shows the series in use."""
        series = self.data_panel.series()
        if series is not None:
            self.statusBar().showMessage(self.tr("Back to %1.").replace("%1", series_name(series.source, "")))
        self._validate_form()

    def _on_config_edited(self) -> None:
        seq_len = self.training_panel.seq_len.value()
        if self._adapted_seq_len is not None and self._adapted_seq_len[1] != seq_len:
            self._adapted_seq_len = None  # the person chose a length of their own
        self.data_panel.set_seq_len(seq_len)
        self._validate_form()

    def _on_value_clamped(self, field: QWidget, name: str, typed: float, kept: float, minimum: float,
                          maximum: float) -> None:
        """Show the value a typed number became, in the status bar and in a tooltip under its field."""
        text = messages.status_value_clamped(name, typed, kept, minimum, maximum)
        self.statusBar().showMessage(text)
        QToolTip.showText(field.mapToGlobal(QPoint(0, field.height())), text, field)
        self._clear_status_on_change(field, kept, text)

    def _clear_status_on_change(self, field: QWidget, kept_value: float, text: str) -> None:
        """Clear the status line ``text`` once the value of ``field`` is no longer ``kept_value``.

        The message names that value, so it stops being true then. Only the last
        such message is watched; a newer message is left alone.
        """
        if self._status_watch is not None:
            watched, slot = self._status_watch
            watched.valueChanged.disconnect(slot)
            self._status_watch = None

        def on_change(value: float) -> None:
            if value == kept_value:
                return
            field.valueChanged.disconnect(on_change)
            self._status_watch = None
            if self.statusBar().currentMessage() == text:
                self.statusBar().clearMessage()

        field.valueChanged.connect(on_change)
        self._status_watch = (field, on_change)

    def _on_lr_edited(self, lr: float) -> None:
        if self._state == PAUSED and self._control is not None:
            self._control.set_lr(lr)
            self._trainer_config = self._trainer_config.replace(lr=lr)
            self.statusBar().showMessage(messages.status_lr_from_next_epoch(lr))

    def _on_forecast_steps_changed(self) -> None:
        if self._state == IDLE:
            self._show_snapshot_now()
        else:
            # The training process forecasts with the run's number of steps; the end of the run applies the new one.
            self.statusBar().showMessage(messages.status_forecast_steps_after_run(self.forecast_steps.value()))

    def _validate_form(self, announce: bool = True) -> bool:
        """Show the first reason the settings cannot train on the current series, if any.

        With ``announce`` the reason also replaces the status bar's message.
        """
        config = self.config()
        series = self.data_panel.series()
        problem = None
        try:
            config.validate()
            if series is not None:
                from rnn_desktop.core.series import longest_fitting_seq_len, min_series_length

                needed = min_series_length(config.seq_len, config.val_windows, config.val_fraction)
                if len(series) < needed:
                    fitting = longest_fitting_seq_len(len(series), config.seq_len, config.val_windows,
                                                      config.val_fraction)
                    if fitting:
                        problem = self.tr("The series has %1 values, but a window length of %2 with this split "
                                          "needs at least %3. Use a window length of at most %4, or shorten the "
                                          "validation part.").replace("%4", messages.format_integer(fitting))
                    else:
                        problem = self.tr("The series has %1 values, but a window length of %2 with this "
                                          "split needs at least %3. Shorten the window or the validation part.")
                    problem = problem.replace("%1", messages.format_integer(len(series))).replace(
                        "%2", messages.format_integer(config.seq_len)).replace("%3", messages.format_integer(needed))
        except (RnnDesktopError, ValueError) as error:
            problem = messages.error_text(error)
        if problem is None and self.data_panel.shows_unread_csv():
            # Start would train the series still in use, which the Data tab no longer shows.
            problem = self.tr("The CSV file in the Data tab could not be read. Change its column or reading "
                              "settings, open another file, or choose Generator.")
        self.training_panel.show_problem(problem)
        self.training_panel.show_notes(self._setting_notes(config, series) if problem is None else [])
        self._form_problem = problem
        self._update_controls()
        # Show why Start is unavailable where the person looks: the status bar and its tooltip.
        for button, item in ((self.start_button, self.start_action), (self.step_button, self.step_action)):
            button.setToolTip(messages.status_cannot_start(problem) if problem else item.toolTip())
        cannot_start = messages.status_cannot_start(problem) if problem is not None else None
        if cannot_start is not None and announce:
            self.statusBar().showMessage(cannot_start)
        elif problem is None and self.statusBar().currentMessage() == self._shown_cannot_start:
            # The reason is gone, so its message must not stay beside an enabled Start.
            self.statusBar().clearMessage()
        self._shown_cannot_start = cannot_start if announce else self._shown_cannot_start
        self._mark_previous_model()
        return problem is None

    def _setting_notes(self, config: TrainConfig, series: Series | None) -> list[str]:
        """Return notes on settings that change nothing as set, as train prints them."""
        from rnn_desktop.core.series import count_val_windows

        notes = []
        if config.bptt_truncate is not None and config.bptt_truncate >= config.seq_len:
            notes.append(self.tr("BPTT truncation to %1 steps is not below the window length, %2, so "
                                 "backpropagation runs through the whole window.").replace(
                "%1", messages.format_integer(config.bptt_truncate)).replace(
                "%2", messages.format_integer(config.seq_len)))
        if series is not None:
            n_windows = len(series) - config.seq_len
            n_train = n_windows - count_val_windows(n_windows, config.val_windows, config.val_fraction)
            if 0 < n_train < config.batch_size:
                notes.append(self.tr("A batch size of %1 is more than the %2 training windows, so each epoch is "
                                     "one batch of %2.").replace("%1", messages.format_integer(config.batch_size))
                             .replace("%2", messages.format_integer(n_train)))
        return notes

    def _mark_previous_model(self) -> None:
        """Mark the shown results as the previous model's once the data or model settings change.

        New data clears the curves, readouts and diagnostics because they no longer
        match the series shown. Changed model settings only relabel the progress and
        metrics lines, which come back when the settings match the model again.
        """
        if self._trainer is None or self._state != IDLE:
            return
        series = self.data_panel.series()
        data_changed = self._trainer_series is not series
        stale = data_changed or not self._fits_model(self.config())
        if data_changed and self._reports:
            for panel in (self.loss_plot, self.gradient_plot, self.hidden_plot):
                panel.clear()
            for panel in (self.loss_plot, self.prediction_plot, self.gradient_plot, self.hidden_plot):
                panel.clear_readout()
            self.refresh_plots()
        if stale == self._results_stale:
            return
        self._results_stale = stale
        if stale:
            self._metrics_of_model = self.metrics_label.text()
            self._progress_of_model = (self.progress.format(), self.progress.value())
            self._set_progress_text(messages.progress_previous_model())
            if data_changed:
                self.progress.setValue(0)
            text = self._metrics_of_model.strip()
            self.metrics_label.setText(messages.metrics_previous_model(text) if text else " ")
        else:
            text, value = self._progress_of_model
            self._set_progress_text(text)
            self.progress.setValue(value)
            self.metrics_label.setText(self._metrics_of_model)

    def _on_gradients_toggled(self, checked: bool) -> None:
        self._show_diagnostics(checked)
        self._update_controls()
        self._settings.setValue("showGradients", checked)
        self._send_recording()

    def _show_diagnostics(self, visible: bool) -> None:
        """Show or hide the gradient and hidden-state plots, giving them at least DIAGNOSTICS_SHARE of the height.

        A splitter state saved while the plots were hidden gives them no height,
        so Qt would show them at their minimum height.
        """
        self.diagnostics.setVisible(visible)
        if not visible:
            self.refresh_plots()
            return
        sizes = self.plot_splitter.sizes()
        total = sum(sizes)
        if total <= 0:
            # Not laid out yet: the splitter scales these sizes to its height when it is shown. Sizes
            # below the plots' minimum heights would be raised to them instead, hence the factor.
            upper = DEFAULT_PLOT_HEIGHTS[0] + DEFAULT_PLOT_HEIGHTS[1]
            loss = max(DEFAULT_PLOT_HEIGHTS[0] / upper, LOSS_SHARE_WITH_DIAGNOSTICS) * upper
            self.plot_splitter.setSizes([round(100 * loss), round(100 * (upper - loss)),
                                         100 * DEFAULT_PLOT_HEIGHTS[2]])
        elif sizes[2] < DIAGNOSTICS_SHARE * total:
            # Take the height from the loss and prediction plots in proportion to their heights.
            diagnostics_height = round(DIAGNOSTICS_SHARE * total)
            rest = total - diagnostics_height
            upper = sizes[0] + sizes[1]
            share = sizes[0] / upper if upper > 0 else 2 / 5
            loss = round(rest * max(share, LOSS_SHARE_WITH_DIAGNOSTICS))
            self.plot_splitter.setSizes([loss, rest - loss, diagnostics_height])
        for panel in (self.gradient_plot, self.hidden_plot):
            panel.mark_dirty()
        self.refresh_plots()

    # Errors.

    def show_error(self, text: str, title: str | None = None, english: str | None = None) -> None:
        """Show an error in the status bar and a message box, and log it.

        ``english`` is the same error as the command line words it, in English
        whatever the window's language; None when ``text`` is all there is.
        """
        log.error("shown to the user: %s", english or text)
        self.last_error = text
        self.last_error_english = english or text
        self._shown_error = text.splitlines()[0] if text else ""
        self.statusBar().showMessage(self._shown_error, 15000)
        if self._show_dialogs:
            box = QMessageBox(QMessageBox.Icon.Warning, title or messages.title_error(), text,
                              QMessageBox.StandardButton.Ok, self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
        self.error_shown.emit(text)

    def show_unexpected_error(self, error: BaseException) -> None:
        """Exception hook target: show an error that escaped a slot."""
        self.show_error(messages.error_unexpected(f"{type(error).__name__}: {error}", str(log_file_path())))

    # Settings, language, closing.

    def _restore_settings(self) -> None:
        geometry = self._settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        for key, splitter in (("mainSplitter", self.main_splitter), ("plotSplitter", self.plot_splitter)):
            state = self._settings.value(key)
            if state is not None:
                splitter.restoreState(state)
        saved = self._settings.value("config", "", type=str)
        if saved:
            try:
                self.set_config(TrainConfig.from_dict(json.loads(saved)))
            except (ValueError, TypeError) as error:
                log.warning("ignoring the saved settings, they cannot be read: %s", error)
        # The window then opens on a generated series, which gets its own split back.
        self._split_adapted_for_csv = self._settings.value("splitAdaptedForCsv", False, type=bool)
        before = self._settings.value("seqLenBeforeAdapting", 0, type=int)
        if before > self.training_panel.seq_len.value():
            self._adapted_seq_len = (before, self.training_panel.seq_len.value())
        self.forecast_steps.setValue(self._settings.value("forecastSteps", 50, type=int))
        show_gradients = self._settings.value("showGradients", False, type=bool)
        self.gradients_action.setChecked(show_gradients)
        self._show_diagnostics(show_gradients)

    def save_settings(self) -> None:
        if self._remember_layout:
            self._settings.setValue("geometry", self.saveGeometry())
            self._settings.setValue("mainSplitter", self.main_splitter.saveState())
            self._settings.setValue("plotSplitter", self.plot_splitter.saveState())
        if self._remember_config:
            self._settings.setValue("config", json.dumps(self.config().to_dict()))
            self._settings.setValue("splitAdaptedForCsv", self._split_adapted_for_csv)
            self._settings.setValue("seqLenBeforeAdapting",
                                    self._adapted_seq_len[0] if self._adapted_seq_len is not None else 0)
            self._settings.setValue("forecastSteps", self.forecast_steps.value())
        self._settings.sync()

    def _choose_language(self, code: str) -> None:
        # Saved even when in use already, because --language may have chosen it for this session only.
        save_language(code)
        if code == current_language():
            self.statusBar().showMessage(messages.status_language_in_use())
        else:
            self.statusBar().showMessage(messages.status_language_changed(code))

    def _show_log_location(self) -> None:
        QMessageBox.information(self, self.tr("Log file"), str(log_file_path()))

    def _show_about(self) -> None:
        from rnn_desktop import __version__

        QMessageBox.about(self, self.tr("About rnn-desktop"), self.tr(
            "rnn-desktop %1\nA recurrent neural network written from scratch in numpy, "
            "trained live on a time series.").replace("%1", __version__))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(event)
        # Spawning the training process and its imports took 0.26 to 0.4 s on a 2-core machine,
        # so they start once the window is up rather than when Start is pressed.
        QTimer.singleShot(0, self._host.prestart)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt naming)
        if self._weights_unsaved and self._ask_on_close:
            was_running = self._state == RUNNING
            if was_running:
                self.pause_training()
            answer = QMessageBox.question(
                self, messages.title_unsaved_weights(), self._with_kept_weights_note(messages.question_save_weights()),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel or (
                    answer == QMessageBox.StandardButton.Save and not self.choose_save_weights()):
                if was_running:
                    self.resume_training()
                event.ignore()
                return
        if self._run is not None:
            log.info("window closed during training; stopping the worker")
            self._finish_thread(wait=True)
        self._host.shut_down()
        self.save_settings()
        log.info("window closed")
        event.accept()
