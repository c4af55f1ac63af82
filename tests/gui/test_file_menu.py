"""File menu: samples, recent files, shortcuts with a spin box focused and encodings."""

from __future__ import annotations

import csv
import os

import numpy as np
import pytest
from gui_helpers import FAST, SHARED_DATA
from PySide6.QtCore import Qt

from rnn_desktop.core.generators import COMMON_PARAMETERS


def test_open_sample_lists_and_loads_series(make_window):
    window = make_window()
    actions = window.sample_menu.actions()

    assert len(actions) == 3
    actions[1].trigger()

    assert len(window.data_panel.series()) == 100
    assert window.data_panel.csv_path().endswith("nile.csv")
    assert window.statusBar().currentMessage().startswith('Loaded nile.csv: 100 values from column "flow".')
    assert not any(path.endswith("nile.csv") for path in window._recent_files())


def test_messages_name_samples_briefly(make_window, tmp_path):
    from rnn_desktop.gui.core_errors import series_name
    from rnn_desktop.gui.messages import origin_csv, shown_path
    from rnn_desktop.resources import resource_path

    make_window()
    sample = str(resource_path("data", "nile.csv"))
    own = tmp_path / "nile.csv"
    own.write_text("flow\n1\n2\n", encoding="utf-8")

    assert shown_path(sample) == "sample nile.csv"
    assert series_name(sample, "") == "sample nile.csv"
    assert origin_csv(sample, "flow") == 'sample nile.csv, column "flow"'
    assert shown_path(str(own)) == str(own)
    assert shown_path(str(tmp_path / "absent.csv")) == str(tmp_path / "absent.csv")


def test_recent_files_are_absolute(make_window, tmp_path, monkeypatch):
    (tmp_path / "short.csv").write_text((SHARED_DATA / "nile.csv").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    window = make_window()

    assert window.open_csv("short.csv")

    recent = window._recent_files()
    assert recent[0] == str(tmp_path / "short.csv")
    assert os.path.isabs(recent[0])


@pytest.mark.parametrize("field", ["epochs", "lr", "forecast_steps", "split_windows"])
@pytest.mark.parametrize("action_name, key", [("load_weights_action", Qt.Key.Key_L),
                                              ("open_action", Qt.Key.Key_O),
                                              ("save_weights_action", Qt.Key.Key_S)])
def test_file_shortcuts_work_in_spin_boxes(qtbot, make_window, field, action_name, key):
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    spins = {"epochs": window.training_panel.epochs, "lr": window.training_panel.lr,
             "forecast_steps": window.forecast_steps, "split_windows": window.data_panel.split_form.windows}
    window.settings_tabs.setCurrentIndex(0 if field == "split_windows" else 1)
    spin = spins[field]
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    action = getattr(window, action_name)
    action.setEnabled(True)
    triggered = []
    action.triggered.disconnect()
    action.triggered.connect(lambda *_: triggered.append(True))

    qtbot.keyClick(spin, key, Qt.KeyboardModifier.ControlModifier)

    assert triggered == [True]


def test_encoding_list_has_reader_names(make_window):
    window = make_window()
    combo = window.data_panel.csv_form.encoding
    names = {combo.itemData(i) for i in range(combo.count())}

    assert {"utf-8-sig", "utf-16-le", "utf-16-be", "cp1252"} <= names


def test_generator_length_minimum_matches_generators(make_window):
    window = make_window()
    length = next(spec for spec in COMMON_PARAMETERS if spec.name == "length")

    assert window.data_panel.generator_form.length.minimum() == length.min


def test_weights_from_other_data_warn(make_window, tmp_path):
    import numpy as np

    from rnn_desktop.core.training import TrainConfig, Trainer

    other = Trainer(TrainConfig().replace(epochs=2, hidden=8, batch_size=16, patience=None),
                    np.cos(np.arange(200, dtype=np.float64)), source="cosine")
    other.run()
    other.save(tmp_path / "cosine.npz")
    window = make_window()

    assert window.load_weights(str(tmp_path / "cosine.npz"))

    assert "Warning:" in window.statusBar().currentMessage()
    assert "cosine" in window.statusBar().currentMessage()
    assert window.metrics_label.text().startswith("Warning:")
    assert window.loss_plot.data_change_line.isVisible()
    assert window.loss_plot.data_change_line.value() == 2.5


def test_data_change_mark_stays_while_training_goes_on(qtbot, make_window, tmp_path):
    from rnn_desktop.core.training import TrainConfig, Trainer

    other = Trainer(TrainConfig().replace(**{**FAST, "epochs": 2}), np.cos(np.arange(200.0)), source="cosine")
    other.run()
    other.save(tmp_path / "cosine.npz")
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 2}))
    assert window.load_weights(str(tmp_path / "cosine.npz"))

    with qtbot.waitSignal(window.run_finished, timeout=60_000):
        assert window.step_epoch()
    window.refresh_plots()
    shown_after_step = window.loss_plot.data_change_line.isVisible()
    window.reset_weights()
    window.refresh_plots()

    assert shown_after_step
    assert not window.loss_plot.data_change_line.isVisible()


def test_history_export_marks_other_data(qtbot, make_window, tmp_path):
    from rnn_desktop.core.training import TrainConfig, Trainer

    other = Trainer(TrainConfig().replace(**{**FAST, "epochs": 2}), np.cos(np.arange(200.0)), source="cosine")
    other.run()
    other.save(tmp_path / "cosine.npz")
    window = make_window(TrainConfig().replace(**{**FAST, "epochs": 1}))
    assert window.load_weights(str(tmp_path / "cosine.npz"))
    with qtbot.waitSignal(window.run_finished, timeout=60_000):
        assert window.step_epoch()
    history = tmp_path / "history.csv"

    assert window.export_history(str(history))

    rows = list(csv.DictReader(history.read_text(encoding="utf-8").splitlines()))
    assert [(row["epoch"], row["data"]) for row in rows] == [("1", "other"), ("2", "other"), ("3", "current")]


def test_file_trained_on_two_series_marks_first(qtbot, make_window, tmp_path):
    from rnn_desktop.core.training import TrainConfig, Trainer

    config = TrainConfig().replace(**{**FAST, "epochs": 2})
    first = Trainer(config, np.cos(np.arange(200.0)), source="cosine")
    first.run()
    first.save(tmp_path / "cosine.npz")
    window = make_window(config)
    sine = window.data_panel.series()
    moved = Trainer.from_file(tmp_path / "cosine.npz", sine.values, source=sine.source)
    moved.run_epoch()
    moved.save(tmp_path / "both.npz")
    history = tmp_path / "history.csv"

    assert window.load_weights(str(tmp_path / "both.npz"))
    assert window.export_history(str(history))

    rows = list(csv.DictReader(history.read_text(encoding="utf-8").splitlines()))
    assert [row["data"] for row in rows] == ["other", "other", "current"]
    assert window.loss_plot.data_change_line.isVisible()
    assert window.loss_plot.data_change_line.value() == 2.5


@pytest.mark.parametrize("changes, expected", [
    ({"lr": 1e-8}, "lr is 1e-08, outside the range the window accepts (1e-07 to 100)"),
    ({"val_windows": None, "val_fraction": 0.2345},
     "val_fraction is 0.2345, with more decimal places than the window keeps (3)"),
])
def test_weights_beyond_fields_rejected(make_window, tmp_path, changes, expected):
    from rnn_desktop.core.training import TrainConfig, Trainer

    weights = tmp_path / "weights.npz"
    Trainer(TrainConfig(epochs=1, hidden=4).replace(**changes), np.sin(np.arange(200.0))).save(weights)
    window = make_window()
    config_before = window.config()

    assert not window.load_weights(str(weights))

    assert expected in window.last_error
    assert "rnn-desktop train --load" in window.last_error
    assert window.trainer is None
    assert window.config() == config_before
