"""Weights files: exact round trip, atomic save and every rejected file."""

import json
import os

import numpy as np
import pytest

from rnn_desktop.core import weights as weights_mod
from rnn_desktop.core.errors import WeightsFileError
from rnn_desktop.core.training import TrainConfig, Trainer
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
