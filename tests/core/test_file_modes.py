"""Permission bits of files written through a temporary file: weights and CSV exports."""

from __future__ import annotations

import os
import stat
import sys

import numpy as np
import pytest

from rnn_desktop.core.file_modes import current_umask
from rnn_desktop.core.training import TrainConfig, Trainer

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


@pytest.fixture
def umask_027():
    previous = os.umask(0o027)
    yield 0o027
    os.umask(previous)


def mode_of(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def small_trainer() -> Trainer:
    return Trainer(TrainConfig(epochs=1, hidden=4), np.sin(np.arange(200.0)))


def test_current_umask_reads_process_mask(umask_027):
    assert current_umask() == 0o027
    assert current_umask() == 0o027


def test_new_weights_file_follows_umask(umask_027, tmp_path):
    path = tmp_path / "new.npz"
    small_trainer().save(path)
    assert mode_of(path) == 0o640


def test_replaced_weights_file_keeps_mode(umask_027, tmp_path):
    path = tmp_path / "kept.npz"
    path.write_bytes(b"old")
    os.chmod(path, 0o604)

    small_trainer().save(path)

    assert mode_of(path) == 0o604


def test_csv_export_follows_umask(umask_027, tmp_path):
    from rnn_desktop.gui.exporting import write_loss_history_csv

    trainer = small_trainer()
    trainer.run()
    path = tmp_path / "loss.csv"
    write_loss_history_csv(path, trainer.history)
    assert mode_of(path) == 0o640
