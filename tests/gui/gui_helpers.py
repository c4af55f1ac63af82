"""Shared constants and helpers of the GUI tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from rnn_desktop.core.training import TrainConfig, Trainer

# The real sample series shipped in resources/data (copies of the project's shared data files).
SHARED_DATA = Path(__file__).resolve().parents[2] / "resources" / "data"

# Small settings, so each run takes a second or two on a loaded machine.
FAST = dict(epochs=6, hidden=8, batch_size=16, patience=None)


def headless_history(config: TrainConfig, values: np.ndarray) -> list:
    """Train like the train command does and return the EpochReports."""
    trainer = Trainer(config, values)
    trainer.run()
    return trainer.history
