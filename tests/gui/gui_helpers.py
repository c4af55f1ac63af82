"""Shared constants and helpers of the GUI tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from rnn_desktop.core.training import TrainConfig, Trainer

# The real sample series shipped in resources/data (copies of the project's shared data files).
SHARED_DATA = Path(__file__).resolve().parents[2] / "resources" / "data"

# Small settings, so each run takes a second or two on a loaded machine.
FAST = dict(epochs=6, hidden=8, batch_size=16, patience=None)


def show_widget(qtbot, widget, width: int, height: int):
    """Show ``widget`` at this size on screen, removed after the test, and return it."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def headless_history(config: TrainConfig, values: np.ndarray) -> list:
    """Train like the train command does and return the EpochReports."""
    trainer = Trainer(config, values)
    trainer.run()
    return trainer.history


class FailingTrainer(Trainer):
    """A Trainer whose run_epoch raises before training epoch ``fail_at`` (1-based), for failure tests.

    The window trains a pickled copy in its training process, which imports this
    module by name, so a test sets ``fail_at`` on the instance to change it.
    """

    fail_at: int | None = 3

    def run_epoch(self):
        if self.fail_at is not None and self.epoch + 1 == self.fail_at:
            raise RuntimeError(f"simulated failure in epoch {self.fail_at}")
        return super().run_epoch()


def field_columns(qtbot, window) -> set[int]:
    """Show the Model and training tab and return the x positions, in the window, where its fields start."""
    from PySide6.QtCore import QPoint

    window.show()
    qtbot.waitExposed(window)
    window.settings_tabs.setCurrentIndex(1)
    panel = window.training_panel
    return {widget.mapTo(window, QPoint(0, 0)).x() for widget in (panel.seq_len, panel.hidden, panel.optimizer,
                                                                  panel.lr, panel.epochs, panel.seed)}
