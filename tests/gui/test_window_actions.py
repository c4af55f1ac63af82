"""Closing with unsaved weights, drag and drop, and the gradient view."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import FAST, SHARED_DATA
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from rnn_desktop.core.training import TrainConfig

TIMEOUT_MS = 60_000


def train(qtbot, window) -> None:
    with qtbot.waitSignal(window.run_finished, timeout=TIMEOUT_MS):
        assert window.start_training()


@pytest.fixture
def trained_window(qtbot, make_window):
    window = make_window()
    window.set_interactive(ask_on_close=True, show_dialogs=False)
    train(qtbot, window)
    assert window.weights_unsaved
    return window


def answer_close_question(monkeypatch, answer):
    asked = []

    def question(*args, **kwargs):
        asked.append(args)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_close_cancel_keeps_window(trained_window, monkeypatch):
    asked = answer_close_question(monkeypatch, QMessageBox.StandardButton.Cancel)

    assert not trained_window.close()

    assert len(asked) == 1
    assert trained_window.weights_unsaved


def test_close_discard_closes(trained_window, monkeypatch):
    answer_close_question(monkeypatch, QMessageBox.StandardButton.Discard)
    assert trained_window.close()


def test_close_save_writes_weights(trained_window, monkeypatch, tmp_path):
    answer_close_question(monkeypatch, QMessageBox.StandardButton.Save)
    path = tmp_path / "closing.npz"
    monkeypatch.setattr(trained_window, "choose_save_weights", lambda: trained_window.save_weights(str(path)))

    assert trained_window.close()
    assert path.is_file()


def test_close_after_save_does_not_ask(trained_window, monkeypatch, tmp_path):
    asked = answer_close_question(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert trained_window.save_weights(str(tmp_path / "saved.npz"))

    assert trained_window.close()
    assert asked == []


def drop(window, path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)


def test_drop_csv_loads_series(make_window):
    window = make_window(series=None)
    drop(window, SHARED_DATA / "airpassengers.csv")
    assert len(window.data_panel.series()) == 144
    assert window.data_panel.csv_radio.isChecked()


def test_drop_other_file_shows_error(qtbot, make_window, tmp_path):
    window = make_window()
    path = tmp_path / "notes.docx"
    path.write_bytes(b"x")
    with qtbot.waitSignal(window.error_shown, timeout=2000) as shown:
        drop(window, path)
    assert "notes.docx" in shown.args[0]
    assert ".csv, .tsv or .txt" in shown.args[0]


def test_gradient_view_plots_norms(qtbot, make_window):
    window = make_window(TrainConfig().replace(**FAST))
    window.gradients_action.trigger()
    assert window.gradients_action.isChecked()
    train(qtbot, window)

    window.refresh_plots()
    x, y = window.gradient_plot.curve.getData()
    assert len(x) == FAST.get("seq_len", TrainConfig().seq_len)
    assert np.isfinite(y).any()
    assert window.reports[-1].dh_norms is not None


def test_hidden_state_view_shows_window(qtbot, make_window):
    config = TrainConfig().replace(**FAST)
    window = make_window(config)
    window.gradients_action.trigger()
    train(qtbot, window)

    window.refresh_plots()
    image = window.hidden_plot.image.image
    assert image is not None
    assert image.shape == (config.hidden, config.seq_len)
    assert np.isfinite(image).all()
    assert window.reports[-1].hidden_states.shape == (config.seq_len, config.hidden)
