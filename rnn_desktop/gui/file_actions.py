"""File actions of the main window: CSV files, recent files, weights, exports, drag and drop.

``FileActionsMixin`` is one base of ``MainWindow`` and uses its state
(``_settings``, ``_trainer``, ``_state``, ``_snapshot``, ``_reports``) and
its ``show_error``, ``open_csv`` and ``_sync_paused_trainer`` methods.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from rnn_desktop.core.errors import RnnDesktopError
from rnn_desktop.core.series import origin_available, series_origin
from rnn_desktop.gui import messages
from rnn_desktop.gui.app import current_language
from rnn_desktop.gui.core_errors import other_data_warning_text
from rnn_desktop.gui.exporting import write_loss_history_csv, write_predictions_csv
from rnn_desktop.gui.plots import export_plot
from rnn_desktop.gui.states import IDLE, RUNNING
from rnn_desktop.gui.worker import WorkerControl

log = logging.getLogger(__name__)


def origin_text(origin: dict) -> str:
    """Name the recorded data for the question: the CSV file and column, or the generator."""
    if origin["kind"] == "csv":
        return messages.origin_csv(origin["path"], str(origin["column"]))
    return messages.origin_generator(origin["name"], origin["length"])

MAX_RECENT_FILES = 8
CSV_SUFFIXES = (".csv", ".tsv", ".txt")


class FileActionsMixin:
    """Menu and drop actions that read or write files; a base class of MainWindow.

    Texts are translated in the "MainWindow" context, where ``self.tr`` looks
    at run time and where the translation files have them.
    """

    def _last_folder(self) -> str:
        """Return the folder of the last file chosen, else the folder the app started in, else home."""
        folder = self._settings.value("lastFolder", "", type=str)
        if folder and Path(folder).is_dir():
            return folder
        # Started from a terminal, the working folder is where the command line wrote its files.
        try:
            start = Path.cwd()
        except OSError:  # the working folder was deleted
            return str(Path.home())
        return str(start) if start != Path(start.anchor) else str(Path.home())

    def _remember_folder(self, path: str) -> None:
        self._settings.setValue("lastFolder", str(Path(path).parent))

    def choose_csv(self) -> None:
        title = QCoreApplication.translate("MainWindow", "Open CSV")
        filters = QCoreApplication.translate("MainWindow", "CSV files (*.csv *.tsv *.txt);;All files (*)")
        path, _ = QFileDialog.getOpenFileName(self, title, self._last_folder(), filters)
        if path:
            self._remember_folder(path)
            self.open_csv(path)

    def _remember_file(self, path: str) -> None:
        # A session whose data or settings came from the command line saves none of its
        # settings, recent files included, so a scripted run leaves the next session as it was.
        if not self._remember_config:
            return
        # Absolute, so the entry still opens after the app starts from another folder.
        path = str(Path(path).resolve())
        recent = [p for p in self._recent_files() if p != path]
        recent.insert(0, path)
        self._settings.setValue("recentFiles", recent[:MAX_RECENT_FILES])
        self._rebuild_recent_menu()

    def _recent_files(self) -> list[str]:
        value = self._settings.value("recentFiles", [])
        if isinstance(value, str):
            value = [value]
        return [str(p) for p in (value or [])]

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self._recent_files()
        for path in recent:
            self.recent_menu.addAction(path, lambda p=path: self.open_csv(p))
        if not recent:
            empty = self.recent_menu.addAction(QCoreApplication.translate("MainWindow", "(none)"))
            empty.setEnabled(False)

    def choose_save_weights(self) -> bool:
        title = QCoreApplication.translate("MainWindow", "Save weights")
        filters = QCoreApplication.translate("MainWindow", "Weights (*.npz)")
        chosen = self._choose_save_path(title, filters, ".npz", suffix_required=True,
                                        suggested_name=self._suggested_weights_name())
        return self.save_weights(chosen[0]) if chosen else False

    def _suggested_weights_name(self) -> str:
        """Return the file name the Save dialog proposes: the model's own weights file, else one named after the data."""
        if self._weights_file is not None:
            return Path(self._weights_file).name
        return self._data_file_name("weights", ".npz")

    def _data_file_name(self, what: str, suffix: str) -> str:
        """Return a file name for ``what``: "nile_what.csv" after the model's CSV file, else "what.csv".

        The model's data, not the Data tab's: after opening another file, the weights still belong to the first.
        Weights take the data's name alone, "nile.npz".
        """
        series = self._trainer_series if self._trainer is not None else self.data_panel.series()
        source = series.source if series is not None else ""
        name = messages.export_file_part(what)
        if not source or source.startswith("generator "):
            return name + suffix
        stem = Path(source).stem
        return stem + suffix if what == "weights" else f"{stem}_{name}{suffix}"

    def save_weights(self, path: str) -> bool:
        if self._trainer is None:
            self.show_error(messages.error_no_model())
            return False
        if self._state == RUNNING:
            self.show_error(messages.error_busy())
            return False
        self._sync_paused_trainer()
        try:
            self._trainer.save(path)
        except (RnnDesktopError, OSError) as error:
            log.error("could not save weights to %s: %s", path, error)
            self.show_error(messages.error_file_not_written(path, messages.error_text(error)))
            return False
        self._weights_unsaved = False
        self._weights_file = path
        self.statusBar().showMessage(messages.status_weights_saved(path))
        log.info("weights saved to %s at epoch %d", path, self._trainer.epoch)
        return True

    def choose_load_weights(self) -> None:
        title = QCoreApplication.translate("MainWindow", "Load weights")
        filters = QCoreApplication.translate("MainWindow", "Weights (*.npz);;All files (*)")
        path, _ = QFileDialog.getOpenFileName(self, title, self._last_folder(), filters)
        if path:
            self._remember_folder(path)
            self.load_weights(path)

    def load_weights(self, path: str, origin: str = "ask") -> bool:
        """Load a weights file onto the current series; a rejected file changes nothing.

        The file may record the data the weights were trained on: a CSV file or a
        generator. When that data differs from the current series and can still be
        opened, ``origin`` chooses what to do. "ask" asks the person (when dialogs
        are shown), "open" opens that data first, and "keep" keeps the current
        series. "require" opens it too and fails when it cannot, because a scripted
        run must not train the weights on other data. Cancel in the question
        returns False and changes nothing. With "ask", a model with unsaved
        weights is offered for saving once the file has been read, before
        anything changes.
        """
        if self._state != IDLE:
            self.show_error(messages.error_busy())
            return False
        series = self.data_panel.series()
        if series is None:
            self.show_error(messages.error_no_model())
            return False

        from rnn_desktop.core.training import Trainer

        control = WorkerControl()
        try:
            try:
                trainer = Trainer.from_file(path, series.values, control=control, source=series.source)
            except RnnDesktopError as error:
                if error.code != "weights.incompatible" or "minimum" not in error.params:
                    raise
                # The file's validation split leaves this series too short. The Data tab's own split
                # may fit it, as a CSV file's 20% does where the sine's 50 windows do not.
                split = dict(zip(("val_windows", "val_fraction"), self.data_panel.split_values()))
                log.info("the split saved in %s does not fit %s; trying the Data tab's %s", path, series.source,
                         split)
                trainer = Trainer.from_file(path, series.values, control=control, source=series.source, **split)
        except (RnnDesktopError, OSError, ValueError) as error:
            if isinstance(error, RnnDesktopError) and error.code == "weights.incompatible":
                # The file was read, but its windows do not fit this series. The data it was
                # trained on may still be there to open.
                loaded = self._load_onto_saved_origin(path, origin, series, messages.error_text(error))
                if loaded is not None:
                    return loaded
                log.error("cannot load the weights in %s onto %s: %s", path, series.source, error)
                self.show_error(messages.error_weights_do_not_fit(path, messages.error_text(error)), english=str(error))
                return False
            log.error("could not load weights from %s: %s", path, error)
            self.show_error(messages.error_file_not_read(path, messages.error_text(error)),
                            english=str(error) if isinstance(error, RnnDesktopError) else None)
            return False
        config = trainer.config
        # The form would clamp or round such a value, and Start would then build another model.
        beyond = (self.training_panel.out_of_limits(config)
                  or self.data_panel.split_form.out_of_limits(config.val_windows, config.val_fraction))
        if beyond is not None:
            log.error("weights in %s have %s = %r, which the window cannot show", path, beyond.field, beyond.value)
            reason = messages.error_setting_beyond_field(beyond.field, beyond.value, beyond.minimum, beyond.maximum,
                                                         beyond.decimals)
            self.show_error(messages.error_file_not_read(path, reason))
            return False
        if origin == "ask" and not self._confirm_loading(path):
            return False
        saved_origin = trainer.saved_origin if trainer.load_warning else None
        if saved_origin is not None and saved_origin == series_origin(series):
            saved_origin = None  # that data is open already, and its file changed since
        if saved_origin is not None and origin == "require":
            if not origin_available(saved_origin):
                self._show_origin_missing(path, saved_origin)
                return False
            # When opening fails, _open_origin has shown why.
            return self._open_origin(saved_origin) and self.load_weights(path, origin="keep")
        if saved_origin is not None and origin_available(saved_origin):
            if origin == "ask" and self._show_dialogs:
                origin = self._ask_open_origin(saved_origin)
            if origin == "cancel":
                # Nothing has changed yet: the model, data and settings stay as they were.
                log.info("loading weights from %s cancelled at the question about their data", path)
                self.statusBar().showMessage(messages.status_weights_not_loaded(path))
                return False
            if origin == "open" and self._open_origin(saved_origin):
                return self.load_weights(path, origin="keep")
        trainer.origin = series_origin(series)
        self._install_trainer(trainer, config, series, control)
        self._weights_file = path
        self._adapted_seq_len = None  # the file's window length is the one to keep
        self.set_config(config)
        self._show_snapshot_now()
        self._update_controls()
        if trainer.epoch > 0 and trainer.stop_reason == "early_stopping" and 0 < trainer.best_epoch < trainer.epoch:
            self._set_progress_text(messages.progress_loaded_early_stop(trainer.best_epoch, trainer.epoch))
            self.loss_plot.set_kept_epoch(trainer.best_epoch)
        elif trainer.epoch > 0:
            self._set_progress_text(messages.progress_loaded(trainer.epoch))
        # The metrics of the loaded weights, as after a run. For other data the warning goes above them.
        self._show_final_metrics()
        warning = getattr(trainer, "load_warning", None)
        if warning:
            warning = other_data_warning_text(path, series.source, len(series), warning)
            # Weights from other data may predict far off, so the status bar and metrics line show the warning.
            self.statusBar().showMessage(messages.status_weights_loaded_other_data(path, trainer.epoch, warning))
            metrics = self.metrics_label.text().strip()
            self.metrics_label.setText(messages.warning_text(warning) + (f"\n{metrics}" if metrics else ""))
            if trainer.epoch > 0:
                self.loss_plot.set_data_change(trainer.epoch)
        else:
            self.statusBar().showMessage(messages.status_weights_loaded(path, trainer.epoch))
            # A file trained on other data first, then on this data, marks those first epochs.
            other_epochs = [report.epoch for report in trainer.history if report.extra.get("other_data")]
            if other_epochs and max(other_epochs) < trainer.epoch:
                self.loss_plot.set_data_change(max(other_epochs))
        self.loss_plot.refresh()  # draws the kept and data-change marks set above
        log.info("weights loaded from %s (epoch %d)", path, trainer.epoch)
        return True

    def _show_origin_missing(self, path: str, saved_origin: dict) -> None:
        """Say that the data the weights in ``path`` record cannot be opened, with the reader's reason in English."""
        from rnn_desktop.core.series import origin_unreadable_text, series_from_origin

        try:
            series_from_origin(saved_origin)
            reason: BaseException = FileNotFoundError(saved_origin.get("path") or saved_origin.get("name"))
        except (RnnDesktopError, OSError, ValueError, TypeError, KeyError) as error:
            reason = error
        log.error("the data recorded in %s cannot be opened: %s", path, reason)
        self.show_error(messages.error_origin_missing(path, origin_text(saved_origin)),
                        english=origin_unreadable_text(path, saved_origin, reason))

    def _load_onto_saved_origin(self, path: str, origin: str, series, reason: str) -> bool | None:
        """Offer to open the data of weights that do not fit the current series, and load them onto it.

        Returns None when the file records no such data, or the data is the current
        series or cannot be opened: the caller then shows ``reason``. Else returns
        whether the weights were loaded.
        """
        from rnn_desktop.core.weights import load_weights

        if origin == "keep":
            return None
        try:
            saved_origin = (load_weights(path).metadata.get("data") or {}).get("origin")
        except (RnnDesktopError, OSError, ValueError):
            return None
        if not isinstance(saved_origin, dict) or saved_origin == series_origin(series):
            return None
        if not origin_available(saved_origin):
            return None
        if origin == "ask" and self._show_dialogs:
            answer = QMessageBox.question(
                self, messages.title_open_origin(),
                messages.question_open_origin_to_fit(origin_text(saved_origin), reason),
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Open)
            if answer != QMessageBox.StandardButton.Open:
                log.info("loading weights from %s cancelled at the question about their data", path)
                self.statusBar().showMessage(messages.status_weights_not_loaded(path))
                return False
        elif origin == "ask":
            return None  # no dialogs: the caller reports why the weights do not fit
        if origin == "ask" and not self._confirm_loading(path):
            return False
        # When opening fails, _open_origin has shown why.
        return self._open_origin(saved_origin) and self.load_weights(path, origin="keep")

    def _confirm_loading(self, path: str) -> bool:
        """Offer to save the unsaved weights that loading ``path`` replaces, and return False on Cancel."""
        if self._confirm_discarding_model(messages.question_load_model):
            return True
        log.info("loading weights from %s cancelled at the question about unsaved weights", path)
        self.statusBar().showMessage(messages.status_weights_not_loaded(path))
        return False

    def _ask_open_origin(self, origin: dict) -> str:
        """Ask whether to open the data that weights were trained on; return "open", "keep" or "cancel"."""
        answer = QMessageBox.question(
            self, messages.title_open_origin(), messages.question_open_origin(origin_text(origin)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes)
        if answer == QMessageBox.StandardButton.Yes:
            return "open"
        if answer == QMessageBox.StandardButton.No:
            return "keep"
        # Cancel, Escape and closing the dialog.
        return "cancel"

    def _open_origin(self, origin: dict) -> bool:
        """Open the CSV file or generator that ``origin`` records; False when it failed (the error is shown)."""
        log.info("opening the data the weights were trained on: %s", origin)
        if origin["kind"] == "csv":
            return self.open_csv(origin["path"], column=origin["column"], delimiter=origin["delimiter"],
                                 decimal=origin["decimal"], encoding=origin["encoding"], header=origin["header"],
                                 missing=origin["missing"])
        return self.data_panel.set_generator(origin["name"], origin["length"], origin["noise"], origin["seed"],
                                             origin["params"])

    def _choose_save_path(self, title: str, filters: str, default_suffix: str,
                          suffix_required: bool = False, suggested_name: str | None = None,
                          selected_filter: str = "") -> tuple[str, str] | None:
        """Ask for a file to write and return its path and the filter chosen, or None when the person cancels.

        ``default_suffix`` is added to a name without one, or with ``suffix_required``
        to every name that does not end in it (a weights file named "data.csv" becomes
        "data.csv.npz"). The question about replacing a file is asked here, for the
        final name, because the dialog would ask about the name as typed.
        ``suggested_name`` is the file name the dialog proposes in the last folder,
        and ``selected_filter`` the filter it starts with.
        """
        start = self._last_folder()
        if suggested_name:
            start = str(Path(start) / suggested_name)
        path, chosen_filter = QFileDialog.getSaveFileName(self, title, start, filters, selected_filter,
                                                          options=QFileDialog.Option.DontConfirmOverwrite)
        if not path:
            return None
        if not Path(path).suffix or (suffix_required and not path.lower().endswith(default_suffix)):
            path += default_suffix
        if Path(path).exists():
            answer = QMessageBox.question(
                self, title, messages.question_replace_file(path),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return None
        self._remember_folder(path)
        return path, chosen_filter

    def _choose_csv_export(self, title: str, export_name: str) -> tuple[str, str] | None:
        """Ask for a CSV file to export into; return its path and CSV form, or None.

        The dialog proposes a file name made of the model's data and ``export_name``.

        The dialog offers both forms of exporting.CSV_FORMS as file types. It starts
        with the form chosen last time, or for a first export with the semicolon form
        in Italian, the form an Italian spreadsheet opens into columns.
        """
        filters = {
            "comma": QCoreApplication.translate("MainWindow", "CSV: commas, decimal points (*.csv)"),
            "semicolon": QCoreApplication.translate("MainWindow",
                                                    "European CSV: semicolons, decimal commas (*.csv)"),
        }
        default = "semicolon" if current_language() == "it" else "comma"
        last = self._settings.value("csvExportForm", default, type=str)
        chosen = self._choose_save_path(title, ";;".join(filters.values()), ".csv",
                                        suggested_name=self._data_file_name(export_name, ".csv"),
                                        selected_filter=filters.get(last, filters[default]))
        if chosen is None:
            return None
        path, chosen_filter = chosen
        form = next((name for name, text in filters.items() if text == chosen_filter), last)
        self._settings.setValue("csvExportForm", form)
        return path, form

    def choose_export_predictions(self) -> None:
        # Shown before the dialog, so that no file name is chosen for nothing.
        problem = self._predictions_problem()
        if problem is not None:
            self.show_error(problem)
            return
        chosen = self._choose_csv_export(QCoreApplication.translate("MainWindow", "Export predictions"),
                                         "predictions")
        if chosen:
            self.export_predictions(*chosen)

    def _predictions_problem(self) -> str | None:
        """Return why there are no predictions of the shown series to export, or None."""
        series = self.data_panel.series()
        if self._snapshot is None or series is None:
            return messages.error_no_model()
        if self._trainer_series is not series:
            return messages.error_predictions_of_other_data()
        return None

    def export_predictions(self, path: str, form: str = "comma") -> bool:
        """Write the predictions to ``path`` in CSV form ``form`` (see exporting.CSV_FORMS)."""
        problem = self._predictions_problem()
        if problem is not None:
            self.show_error(problem)
            return False
        series = self.data_panel.series()
        try:
            write_predictions_csv(path, series.values, series.time, self._snapshot, form)
        except OSError as error:
            self.show_error(messages.error_file_not_written(path, str(error)))
            return False
        self.statusBar().showMessage(messages.status_exported(path))
        return True

    def choose_export_history(self) -> None:
        if not self._reports:
            # A file with only the header line would look like a failed export.
            self.show_error(messages.error_no_epochs_to_export())
            return
        chosen = self._choose_csv_export(QCoreApplication.translate("MainWindow", "Export loss history"),
                                         "loss_history")
        if chosen:
            self.export_history(*chosen)

    def export_history(self, path: str, form: str = "comma") -> bool:
        """Write the loss history to ``path`` in CSV form ``form`` (see exporting.CSV_FORMS)."""
        try:
            write_loss_history_csv(path, self._reports, self.loss_plot.data_change_epoch, form)
        except OSError as error:
            self.show_error(messages.error_file_not_written(path, str(error)))
            return False
        self.statusBar().showMessage(messages.status_exported(path))
        return True

    def choose_export_plot(self, panel) -> None:
        chosen = self._choose_save_path(
            QCoreApplication.translate("MainWindow", "Export plot"),
            QCoreApplication.translate("MainWindow", "PNG image (*.png);;SVG drawing (*.svg)"),
            ".png", suggested_name=self._data_file_name(f"{panel.export_name}_plot", ".png"))
        if chosen:
            self.export_plot(panel, chosen[0])

    def export_plot(self, panel, path: str) -> bool:
        try:
            export_plot(panel, path)
        except (OSError, RuntimeError, ValueError) as error:
            log.error("could not export a plot to %s: %s", path, error)
            self.show_error(messages.error_file_not_written(path, str(error)))
            return False
        self.statusBar().showMessage(messages.status_exported(path))
        return True

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt naming)
        if event.mimeData().hasUrls() and any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt naming)
        for url in event.mimeData().urls():
            if not url.isLocalFile():
                continue
            path = url.toLocalFile()
            suffix = Path(path).suffix.lower()
            if suffix in CSV_SUFFIXES:
                self.open_csv(path)
            elif suffix == ".npz":
                self.load_weights(path)
            else:
                self.show_error(messages.error_dropped_file(path))
            event.acceptProposedAction()
            return
