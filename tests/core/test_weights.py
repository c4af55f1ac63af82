"""Weights files: exact round trip, atomic save and every rejected file."""

import json
import os

import numpy as np
import pytest

from rnn_desktop.core import weights as weights_mod
from rnn_desktop.core.errors import WeightsFileError
from rnn_desktop.core.training import STOP_EARLY, TrainConfig, Trainer
from rnn_desktop.core.weights import FORMAT_VERSION, load_weights, save_weights

SINE = np.sin(np.arange(200.0))


@pytest.fixture(scope="module")
def trained():
    trainer = Trainer(TrainConfig(hidden=6, epochs=2, seq_len=20, val_windows=20), SINE)
    trainer.run()
    return trainer


@pytest.fixture
def saved(tmp_path, trained):
    path = tmp_path / "model.npz"
    trained.save(path)
    return path


def rewrite(path, change_arrays=None, change_metadata=None):
    """Rewrite a valid weights file with some arrays or metadata changed."""
    with np.load(path, allow_pickle=False) as archive:
        arrays = {name: archive[name] for name in archive.files}
    metadata = json.loads(str(arrays.pop("metadata")[()]))
    if change_metadata:
        change_metadata(metadata)
    if change_arrays:
        change_arrays(arrays)
    arrays["metadata"] = np.array(json.dumps(metadata))
    np.savez(path, **arrays)


def rejection(path):
    with pytest.raises(WeightsFileError) as caught:
        load_weights(path)
    return caught.value


def test_round_trip_is_exact(saved, trained):
    loaded = load_weights(saved)
    for name, value in trained.model.params.items():
        assert np.array_equal(loaded.arrays[name], value)
        assert loaded.arrays[name].dtype == value.dtype
    assert loaded.metadata["format_version"] == FORMAT_VERSION
    assert loaded.metadata["seq_len"] == 20
    assert loaded.metadata["scaler"] == trained.scaler.to_dict()
    assert loaded.config == trained.config.to_dict()
    assert len(loaded.history) == 2


def test_missing_file(tmp_path):
    assert rejection(tmp_path / "absent.npz").code == "weights.not_found"


def test_empty_file(tmp_path):
    path = tmp_path / "empty.npz"
    path.write_bytes(b"")
    error = rejection(path)
    assert error.code == "weights.empty"
    assert "empty" in str(error)


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_truncated_file(saved, keep):
    data = saved.read_bytes()
    saved.write_bytes(data[: int(len(data) * keep)])
    error = rejection(saved)
    assert error.code == "weights.truncated"
    assert "truncated" in str(error)


def test_text_file_is_not_npz(tmp_path):
    path = tmp_path / "notes.npz"
    path.write_text("W_hh = [[1, 2], [3, 4]]\n")
    assert rejection(path).code == "weights.not_npz"


def test_npy_file_is_not_npz(tmp_path):
    path = tmp_path / "array.npz"
    with open(path, "wb") as stream:
        np.save(stream, np.zeros(3))
    assert rejection(path).code == "weights.not_npz"


def test_pickled_object_array(saved):
    rewrite(saved, change_arrays=lambda a: a.update(b_y=np.array([{"run": "code"}], dtype=object)))
    error = rejection(saved)
    assert error.code == "weights.pickled"
    assert error.params["array"] == "b_y"


@pytest.mark.parametrize("name", ["W_xh", "W_hh", "b_h", "W_hy", "b_y"])
def test_missing_array(saved, name):
    rewrite(saved, change_arrays=lambda a: a.pop(name))
    error = rejection(saved)
    assert error.code == "weights.missing_array"
    assert error.params["array"] == name
    assert name in str(error)


def test_missing_metadata(saved):
    with np.load(saved) as archive:
        arrays = {name: archive[name] for name in archive.files if name != "metadata"}
    np.savez(saved, **arrays)
    assert rejection(saved).code == "weights.missing_array"


def test_shape_disagrees_with_metadata(saved):
    rewrite(saved, change_metadata=lambda m: m["model"].update(hidden=7))
    error = rejection(saved)
    assert error.code == "weights.shape_mismatch"
    assert error.params["array"] == "W_xh"
    assert error.params["expected"] == (1, 7)


def test_transposed_array(saved):
    rewrite(saved, change_arrays=lambda a: a.update(W_hy=a["W_hy"].T.copy()))
    error = rejection(saved)
    assert error.code == "weights.shape_mismatch"
    assert error.params["array"] == "W_hy"


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_values(saved, bad):
    def poison(arrays):
        arrays["W_hh"] = arrays["W_hh"].copy()
        arrays["W_hh"][1, 2] = bad
    rewrite(saved, change_arrays=poison)
    error = rejection(saved)
    assert error.code == "weights.non_finite"
    assert error.params == {"path": str(saved), "array": "W_hh", "count": 1}


def test_integer_array(saved):
    rewrite(saved, change_arrays=lambda a: a.update(b_y=np.array([1])))
    assert rejection(saved).code == "weights.bad_dtype"


def test_newer_format_version(saved):
    rewrite(saved, change_metadata=lambda m: m.update(format_version=FORMAT_VERSION + 1))
    error = rejection(saved)
    assert error.code == "weights.newer_version"
    assert error.params["version"] == FORMAT_VERSION + 1
    assert "newer" in str(error)


def test_invalid_json_metadata(saved):
    with np.load(saved) as archive:
        arrays = {name: archive[name] for name in archive.files}
    arrays["metadata"] = np.array("{not json")
    np.savez(saved, **arrays)
    assert rejection(saved).code == "weights.bad_metadata"


def test_metadata_with_unknown_activation(saved):
    rewrite(saved, change_metadata=lambda m: m["model"].update(activation="__import__('os')"))
    error = rejection(saved)
    assert error.code == "weights.bad_metadata"
    assert "activation" in str(error)


def test_rejection_leaves_current_model_untouched(saved, trained):
    before = trained.model.get_weights()
    predictions = trained.predict_windows()[1].copy()
    rewrite(saved, change_metadata=lambda m: m.update(format_version=99))
    with pytest.raises(WeightsFileError):
        Trainer.from_file(saved, SINE)
    for name, value in before.items():
        assert np.array_equal(trained.model.params[name], value)
    assert np.array_equal(trained.predict_windows()[1], predictions)


def test_failed_save_keeps_existing_file(saved, trained, monkeypatch):
    original = saved.read_bytes()

    def broken_savez(stream, **arrays):
        stream.write(b"PK partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(weights_mod.np, "savez", broken_savez)
    with pytest.raises(OSError):
        trained.save(saved)
    assert saved.read_bytes() == original
    assert os.listdir(saved.parent) == [saved.name]


def test_save_replaces_existing_file(saved, trained):
    save_weights(saved, trained.model.params, {"model": {"input_size": 1, "hidden": 6, "activation": "tanh",
                                                         "init": "glorot", "dtype": "float64"},
                                               "seq_len": 20, "scaler": {"kind": "none", "shift": 0.0,
                                                                         "divisor": 1.0}})
    assert load_weights(saved).metadata["scaler"]["kind"] == "none"


def test_history_with_nan_is_saved_as_null(tmp_path):
    trainer = Trainer(TrainConfig(hidden=3, epochs=1, seq_len=20, val_windows=20), SINE)
    trainer.run()
    trainer.history[0].train_loss = float("nan")
    path = tmp_path / "m.npz"
    trainer.save(path)
    assert load_weights(path).history[0]["train_loss"] is None
    assert np.isnan(Trainer.from_file(path, SINE).history[0].train_loss)


def train_losses(trainer, epochs):
    trainer.run(epochs=epochs)
    return [(report.train_loss, report.val_loss) for report in trainer.history[-epochs:]]


@pytest.mark.parametrize("optimizer", ["sgd", "momentum", "adam"])
def test_resumed_training_matches_one_run(tmp_path, optimizer):
    config = TrainConfig(hidden=6, epochs=6, seq_len=20, val_windows=20, batch_size=8, optimizer=optimizer)
    one_run = Trainer(config, SINE)
    expected = train_losses(one_run, 6)

    first_half = Trainer(config, SINE)
    losses = train_losses(first_half, 3)
    path = tmp_path / "half.npz"
    first_half.save(path)
    resumed = Trainer.from_file(path, SINE)
    losses += train_losses(resumed, 3)

    assert resumed.optimizer_restored
    assert resumed.optimizer.t == one_run.optimizer.t
    assert losses == expected


def test_optimizer_state_round_trip(saved, trained):
    state = load_weights(saved).optimizer_state
    assert state.name == "adam"
    assert state.step == trained.optimizer.t
    assert np.array_equal(state.slots["m"]["W_hh"], trained.optimizer.m["W_hh"])
    assert np.array_equal(state.slots["v"]["b_y"], trained.optimizer.v["b_y"])


def drop_optimizer_state(saved):
    def drop_arrays(arrays):
        for name in [name for name in arrays if name.startswith("optimizer.")]:
            arrays.pop(name)

    def drop_metadata(metadata):
        metadata.pop("optimizer_state")
        metadata.pop("shuffle_rng")

    rewrite(saved, change_arrays=drop_arrays, change_metadata=drop_metadata)


def test_file_without_optimizer_state_loads_fresh(saved, caplog):
    drop_optimizer_state(saved)
    with caplog.at_level("WARNING", logger="rnn_desktop.core.training"):
        trainer = Trainer.from_file(saved, SINE)
    assert load_weights(saved).optimizer_state is None
    assert not trainer.optimizer_restored
    assert trainer.optimizer.t == 0
    assert not trainer.optimizer.m["W_hh"].any()
    assert "starts fresh" in caplog.text


def test_other_optimizer_starts_fresh(saved):
    trainer = Trainer.from_file(saved, SINE, optimizer="momentum")
    assert not trainer.optimizer_restored
    assert trainer.optimizer.t == 0


def test_missing_optimizer_array(saved):
    rewrite(saved, change_arrays=lambda a: a.pop("optimizer.v.W_xh"))
    error = rejection(saved)
    assert error.code == "weights.missing_array"
    assert error.params["array"] == "optimizer.v.W_xh"


def test_optimizer_array_wrong_shape(saved):
    rewrite(saved, change_arrays=lambda a: a.update({"optimizer.m.W_hh": np.zeros((6, 5))}))
    error = rejection(saved)
    assert error.code == "weights.shape_mismatch"
    assert error.params["array"] == "optimizer.m.W_hh"


def test_optimizer_array_non_finite(saved):
    def poison(arrays):
        arrays["optimizer.m.b_h"] = arrays["optimizer.m.b_h"].copy()
        arrays["optimizer.m.b_h"][0] = np.nan
    rewrite(saved, change_arrays=poison)
    error = rejection(saved)
    assert error.code == "weights.non_finite"
    assert error.params["array"] == "optimizer.m.b_h"


@pytest.mark.parametrize("state", [{"name": "rmsprop", "step": 3}, {"name": "adam", "step": -1},
                                   {"name": "adam", "step": 2.5}, "adam"])
def test_invalid_optimizer_metadata(saved, state):
    rewrite(saved, change_metadata=lambda m: m.update(optimizer_state=state))
    error = rejection(saved)
    assert error.code == "weights.bad_metadata"
    assert "optimizer_state" in str(error)


def test_invalid_shuffle_state(saved):
    rewrite(saved, change_metadata=lambda m: m.update(shuffle_rng={"bit_generator": "MT19937"}))
    error = rejection(saved)
    assert error.code == "weights.bad_metadata"
    assert "shuffle_rng" in str(error)


def test_non_finite_optimizer_state_not_saved(tmp_path):
    trainer = Trainer(TrainConfig(hidden=6, epochs=1, seq_len=20, val_windows=20), SINE)
    trainer.run()
    trainer.optimizer.v["W_hh"][0, 0] = np.inf
    path = tmp_path / "diverged.npz"
    trainer.save(path)
    loaded = Trainer.from_file(path, SINE)
    assert load_weights(path).optimizer_state is None
    assert not loaded.optimizer_restored


def test_load_onto_other_data_warns(saved, caplog):
    other = np.linspace(100.0, 600.0, 144)
    with caplog.at_level("WARNING", logger="rnn_desktop.core.training"):
        trainer = Trainer.from_file(saved, other, source="passengers.csv")
    assert trainer.load_warning is not None
    assert "trained on another series (200 values)" in trainer.load_warning
    assert "not on passengers.csv (144 values)" in trainer.load_warning
    assert "scaler" in trainer.load_warning
    assert trainer.load_warning in caplog.text


def test_load_onto_same_data_no_warning(saved):
    assert Trainer.from_file(saved, SINE).load_warning is None


def test_saved_source_named_in_warning(tmp_path):
    trainer = Trainer(TrainConfig(hidden=3, epochs=1, seq_len=20, val_windows=20), SINE, source="generator sine")
    path = tmp_path / "sine.npz"
    trainer.save(path)
    data = load_weights(path).metadata["data"]
    assert data["source"] == "generator sine"
    assert data["length"] == 200
    warning = Trainer.from_file(path, SINE[:150]).load_warning
    assert "trained on generator sine (200 values), not on this series (150 values)" in warning


def test_file_without_data_entry_no_warning(saved):
    rewrite(saved, change_metadata=lambda m: m.pop("data"))
    assert Trainer.from_file(saved, SINE[:150]).load_warning is None


def test_invalid_data_entry(saved):
    rewrite(saved, change_metadata=lambda m: m.update(data={"source": 3, "length": 200, "sha256": "x"}))
    error = rejection(saved)
    assert error.code == "weights.bad_metadata"
    assert "data" in str(error)


def early_stopping_config(**changes):
    """Settings whose validation loss stops improving at epoch 13, so patience 3 stops training at epoch 16."""
    base = dict(hidden=6, epochs=200, seq_len=20, val_windows=20, batch_size=8, optimizer="adam", lr=0.05,
                clip_norm=None, patience=3)
    return TrainConfig(**{**base, **changes})


def run_losses(trainer, epochs):
    trainer.run(epochs=epochs)
    return [(report.train_loss, report.val_loss) for report in trainer.history]


@pytest.mark.parametrize("changes, saved_at", [
    ({}, 15),  # two epochs without improvement when saved, the best epoch before the save
    ({}, 14),
    ({"reduce_on_plateau": True, "plateau_patience": 2}, 14),
    ({"optimizer": "momentum", "reduce_on_plateau": True, "plateau_patience": 2}, 16),
])
def test_resumed_early_stop_matches_one_run(tmp_path, changes, saved_at):
    config = early_stopping_config(**changes)
    one_run = Trainer(config, SINE)
    expected = run_losses(one_run, config.epochs)
    assert one_run.stop_reason == STOP_EARLY
    assert one_run.epoch > saved_at

    first_part = Trainer(config, SINE)
    run_losses(first_part, saved_at)
    assert first_part._epochs_without_improvement > 0
    path = tmp_path / "part.npz"
    first_part.save(path)
    resumed = Trainer.from_file(path, SINE)
    losses = run_losses(resumed, config.epochs - saved_at)

    assert losses == expected
    assert resumed.stop_reason == STOP_EARLY
    assert resumed.epoch == one_run.epoch
    assert resumed.best_epoch == one_run.best_epoch
    assert resumed.best_val_loss == one_run.best_val_loss
    assert resumed.history[-1].extra["restored_epoch"] == one_run.history[-1].extra["restored_epoch"]
    assert [report.lr for report in resumed.history] == [report.lr for report in one_run.history]
    for name, value in one_run.model.params.items():
        assert np.array_equal(resumed.model.params[name], value)


def test_early_stopping_state_round_trip(tmp_path):
    trainer = Trainer(early_stopping_config(), SINE)
    trainer.run(epochs=15)
    path = tmp_path / "m.npz"
    trainer.save(path)

    state = load_weights(path).early_stopping
    assert state.best_epoch == 13
    assert state.best_val_loss == trainer.best_val_loss
    assert state.epochs_without_improvement == 2
    assert state.epochs_on_plateau == 2
    for name, value in trainer._best_weights.items():
        assert np.array_equal(state.best_weights[name], value)
        assert state.best_weights[name].dtype == value.dtype
        assert not np.array_equal(state.best_weights[name], trainer.model.params[name])


def test_untrained_model_saves_no_best_weights(tmp_path):
    trainer = Trainer(early_stopping_config(), SINE)
    path = tmp_path / "untrained.npz"
    trainer.save(path)

    state = load_weights(path).early_stopping
    assert state.best_weights is None
    assert state.best_val_loss == float("inf")
    assert state.best_epoch == 0
    with np.load(path) as archive:
        assert not [name for name in archive.files if name.startswith("best.")]
    assert Trainer.from_file(path, SINE).best_val_loss == float("inf")


def drop_early_stopping_state(saved):
    def drop_arrays(arrays):
        for name in [name for name in arrays if name.startswith("best.")]:
            arrays.pop(name)

    rewrite(saved, change_arrays=drop_arrays, change_metadata=lambda m: m.pop("early_stopping"))


def test_file_without_early_stopping_state_loads(saved, trained):
    drop_early_stopping_state(saved)
    assert load_weights(saved).early_stopping is None

    trainer = Trainer.from_file(saved, SINE)

    assert trainer.best_val_loss == min(report.val_loss for report in trained.history)
    assert trainer._epochs_without_improvement == 0
    for name, value in trained.model.params.items():
        assert np.array_equal(trainer._best_weights[name], value)


@pytest.mark.parametrize("name", ["W_xh", "W_hh", "b_h", "W_hy", "b_y"])
def test_missing_best_array(saved, name):
    rewrite(saved, change_arrays=lambda a: a.pop(f"best.{name}"))
    error = rejection(saved)
    assert error.code == "weights.missing_array"
    assert error.params["array"] == f"best.{name}"


def test_best_array_wrong_shape(saved):
    rewrite(saved, change_arrays=lambda a: a.update({"best.W_hh": np.zeros((6, 5))}))
    error = rejection(saved)
    assert error.code == "weights.shape_mismatch"
    assert error.params["array"] == "best.W_hh"


def test_best_array_non_finite(saved):
    def poison(arrays):
        arrays["best.W_hy"] = arrays["best.W_hy"].copy()
        arrays["best.W_hy"][0, 0] = np.inf
    rewrite(saved, change_arrays=poison)
    error = rejection(saved)
    assert error.code == "weights.non_finite"
    assert error.params["array"] == "best.W_hy"


def test_best_array_wrong_dtype(saved):
    rewrite(saved, change_arrays=lambda a: a.update({"best.b_y": a["best.b_y"].astype(np.float32)}))
    error = rejection(saved)
    assert error.code == "weights.bad_dtype"
    assert error.params["array"] == "best.b_y"


@pytest.mark.parametrize("key, value", [
    ("best_epoch", -1), ("best_epoch", 2.0), ("best_epoch", True), ("best_epoch", 3),
    ("epochs_without_improvement", -2), ("epochs_without_improvement", "2"),
    ("epochs_on_plateau", None), ("best_val_loss", -0.5), ("best_val_loss", "low"),
    ("best_val_loss", None), ("best_weights", "yes"), ("best_weights", False),
])
def test_invalid_early_stopping_metadata(saved, key, value):
    rewrite(saved, change_metadata=lambda m: m["early_stopping"].update({key: value}))
    error = rejection(saved)
    assert error.code == "weights.bad_metadata"
    assert f"early_stopping.{key}" in str(error)


def test_early_stopping_metadata_not_an_object(saved):
    rewrite(saved, change_metadata=lambda m: m.update(early_stopping=[1, 2]))
    error = rejection(saved)
    assert error.code == "weights.bad_metadata"
    assert "early_stopping" in str(error)


def test_non_finite_best_weights_not_saved(tmp_path, caplog):
    trainer = Trainer(early_stopping_config(), SINE)
    trainer.run(epochs=3)
    trainer._best_weights["W_hh"][0, 0] = np.nan
    path = tmp_path / "bad_best.npz"
    with caplog.at_level("WARNING", logger="rnn_desktop.core.training"):
        trainer.save(path)
    assert load_weights(path).early_stopping is None
    assert "without the early stopping state" in caplog.text


def origin_of_csv(tmp_path):
    from rnn_desktop.core.csv_reader import read_series
    from rnn_desktop.core.series import series_origin

    path = tmp_path / "levels.csv"
    path.write_text("day;level\n" + "".join(f"{i};{np.sin(i):.4f}".replace(".", ",") + "\n" for i in range(120)),
                    encoding="utf-8")
    series = read_series(path)
    return series, series_origin(series)


def test_csv_origin_round_trip(tmp_path):
    series, origin = origin_of_csv(tmp_path)
    assert origin == {"kind": "csv", "path": str((tmp_path / "levels.csv").resolve()), "column": "level",
                      "delimiter": ";", "decimal": ",", "encoding": "utf-8", "header": True,
                      "missing": "interpolate"}
    trainer = Trainer(TrainConfig(epochs=1, hidden=4, val_fraction=0.2, val_windows=None), series.values)
    trainer.origin = origin
    trainer.save(tmp_path / "w.npz")

    same = Trainer.from_file(tmp_path / "w.npz", series.values)
    other = Trainer.from_file(tmp_path / "w.npz", series.values[::-1].copy())
    assert same.saved_origin == origin
    assert same.origin == origin
    assert other.saved_origin == origin
    assert other.origin is None


def test_generator_origin_round_trip(tmp_path):
    from rnn_desktop.core.generators import generate
    from rnn_desktop.core.series import series_origin

    series = generate("sine_wave", length=300, noise=0.1, seed=3, period=30)
    origin = series_origin(series)
    assert origin == {"kind": "generator", "name": "sine_wave", "length": 300, "noise": 0.1, "seed": 3,
                      "params": {"period": 30.0, "amplitude": 1.0, "phase": 0.0}}
    trainer = Trainer(TrainConfig(epochs=1, hidden=4), series.values)
    trainer.origin = origin
    trainer.save(tmp_path / "w.npz")
    assert Trainer.from_file(tmp_path / "w.npz", series.values).saved_origin == origin


@pytest.mark.parametrize("origin", [
    "levels.csv",
    {"kind": "csv", "path": "", "column": "level", "delimiter": ";", "decimal": ",", "encoding": None,
     "header": True, "missing": "interpolate"},
    {"kind": "csv", "path": "a.csv", "column": True, "delimiter": None, "decimal": None, "encoding": None,
     "header": None, "missing": "drop"},
    {"kind": "generator", "name": "sine", "length": -1, "noise": 0.0, "seed": 0, "params": {}},
    {"kind": "generator", "name": "sine", "length": 200, "noise": float("nan"), "seed": 0, "params": {}},
    {"kind": "generator", "name": "sine", "length": 200, "noise": 0.0, "seed": 0, "params": {"period": "x"}},
])
def test_malformed_origin_rejected(saved, origin):
    rewrite(saved, change_metadata=lambda meta: meta["data"].update(origin=origin))
    error = rejection(saved)
    assert error.code == "weights.bad_metadata"
    assert "data.origin" in str(error)


def test_unknown_origin_kind_ignored(saved):
    rewrite(saved, change_metadata=lambda meta: meta["data"].update(origin={"kind": "database", "table": "t"}))
    assert load_weights(saved).metadata["data"]["origin"]["kind"] == "database"


def test_reset_after_loading_other_data_refits_scaler(saved, trained):
    other = 100.0 + 50.0 * np.cos(np.arange(200.0) / 7.0)
    loaded = Trainer.from_file(saved, other)
    assert loaded.scaler == trained.scaler
    assert loaded.load_warning is not None

    loaded.reset_weights()

    fresh = Trainer(loaded.config, other)
    assert loaded.scaler == fresh.scaler
    assert loaded.load_warning is None
    assert loaded.run_epoch().val_loss == fresh.run_epoch().val_loss
