"""Trainer: configuration checks, reproducibility, control, early stopping, divergence."""

import math
import pickle
import threading

import numpy as np
import pytest

from rnn_desktop.core.errors import ConfigError, DataError, IncompatibleWeightsError
from rnn_desktop.core.training import (
    STOP_COMPLETED, STOP_DIVERGED, STOP_EARLY, STOP_REQUESTED, TrainConfig, Trainer, TrainingControl,
    RUNAWAY_LOSS_FACTOR, check_memory, estimate_memory_bytes,
)

SINE = np.sin(np.arange(200.0))


def small_config(**changes):
    base = TrainConfig(hidden=8, epochs=3, batch_size=10, seq_len=20, val_windows=20, patience=None)
    return base.replace(**changes)


@pytest.mark.parametrize("field, value, key", [
    ("hidden", 0, "minimum"),
    ("lr", 0.0, "minimum"),
    ("lr", -1.0, "minimum"),
    ("lr", math.nan, "minimum"),
    ("activation", "softplus", "allowed"),
    ("batch_size", 0, "minimum"),
    ("seq_len", 0, "minimum"),
    ("clip_value", 0.0, "minimum"),
    ("clip_norm", -2.0, "minimum"),
    ("optimizer", "rmsprop", "allowed"),
    ("init", "he", "allowed"),
    ("dtype", "float16", "allowed"),
    ("scale", "log", "allowed"),
    ("bptt_truncate", 0, "minimum"),
    ("patience", 0, "minimum"),
    ("epochs", -1, "minimum"),
    ("momentum", 1.0, "allowed"),
    ("seed", -1, "minimum"),
])
def test_validate_rejects_invalid_value(field, value, key):
    with pytest.raises(ConfigError) as caught:
        TrainConfig().replace(**{field: value}).validate()
    assert caught.value.code == f"config.{field}"
    assert caught.value.params["name"] == field
    assert key in caught.value.params
    if isinstance(value, str):
        assert repr(value) in str(caught.value)
    else:
        # The number as typed: 0 for 0.0, since the option took the text "0".
        shown = str(int(value)) if isinstance(value, float) and value.is_integer() else repr(value)
        assert f"got {shown}" in str(caught.value)


@pytest.mark.parametrize("fraction", [0.0, 1.0, 1.5, -0.2])
def test_validate_rejects_val_fraction_outside_unit_interval(fraction):
    with pytest.raises(ConfigError) as caught:
        TrainConfig(val_windows=None, val_fraction=fraction).validate()
    assert caught.value.code == "config.val_fraction"


def test_presets_validate():
    TrainConfig.preset("default").validate()
    TrainConfig.preset("tutorial").validate()


def test_unknown_preset_raises():
    with pytest.raises(ConfigError) as caught:
        TrainConfig.preset("fast")
    assert caught.value.code == "config.preset"


def test_trainer_rejects_short_series():
    with pytest.raises(DataError) as caught:
        Trainer(TrainConfig(seq_len=50, val_windows=50), np.zeros(100))
    assert caught.value.code == "data.too_short"
    assert caught.value.params == {"length": 100, "minimum": 101, "largest_seq_len": 49, "largest_val_windows": 49}
    assert "101" in str(caught.value)
    # The longest fitting window leaves one training window, so a quarter of the series is named too.
    assert ("a smaller seq_len (the longest that fits is 49, and a quarter of the series, 25, leaves more "
            "training windows)") in str(caught.value)


def test_short_series_error_names_quarter_only_below_fitting():
    # 60 values and 50 validation windows: at most 9 fits, below a quarter (15), so only 9 is named.
    with pytest.raises(DataError) as caught:
        Trainer(TrainConfig(seq_len=20, val_windows=50), np.zeros(60))
    assert caught.value.params["largest_seq_len"] == 9
    assert "a smaller seq_len (at most 9) or" in str(caught.value)


def test_short_series_error_without_fitting_window():
    with pytest.raises(DataError) as caught:
        Trainer(TrainConfig(seq_len=5, val_windows=50), np.zeros(20))
    assert caught.value.params["largest_seq_len"] is None
    assert "a smaller seq_len or fewer validation windows (at most 14)" in str(caught.value)
    assert caught.value.params["largest_val_windows"] == 14


def test_trainer_accepts_minimum_length():
    trainer = Trainer(TrainConfig(seq_len=50, val_windows=50, hidden=4), np.sin(np.arange(101.0)))
    assert (trainer.split.n_train, trainer.split.n_val) == (1, 50)


def test_trainer_minimum_length_with_fraction():
    config = TrainConfig(seq_len=5, val_windows=None, val_fraction=0.9, hidden=4)
    with pytest.raises(DataError) as caught:
        Trainer(config, np.arange(7.0))
    minimum = caught.value.params["minimum"]
    trainer = Trainer(config, np.arange(float(minimum)))
    assert trainer.split.n_train >= 1


def test_trainer_rejects_nan_values():
    values = SINE.copy()
    values[7] = np.nan
    with pytest.raises(DataError) as caught:
        Trainer(small_config(), values)
    assert caught.value.code == "data.non_finite"
    assert caught.value.params["position"] == 7


def test_tutorial_split_and_scaler():
    trainer = Trainer(TrainConfig.preset("tutorial"), SINE)
    assert trainer.split.n_windows == 150
    assert trainer.split.n_train == 100
    assert trainer.split.n_val == 50
    assert trainer.scaler.kind == "none"


def test_scaler_fitted_on_training_part_only():
    values = np.concatenate([np.linspace(0.0, 1.0, 130), np.full(40, 50.0)])
    # Training windows and their targets cover values[: n_train + seq_len].
    trainer = Trainer(small_config(scale="minmax", val_windows=40), values)
    assert trainer.split.n_train + 20 == 130
    assert trainer.scaler.shift == 0.0
    assert trainer.scaler.divisor == 1.0
    trainer = Trainer(small_config(scale="minmax", val_windows=20), values)
    assert trainer.scaler.divisor == 50.0


def test_same_seed_gives_identical_losses():
    runs = []
    for _ in range(2):
        trainer = Trainer(small_config(epochs=3), SINE)
        trainer.run()
        runs.append([(r.train_loss, r.val_loss, r.grad_norm) for r in trainer.history])
    assert runs[0] == runs[1]


def test_other_seed_gives_other_losses():
    first = Trainer(small_config(seed=1), SINE)
    second = Trainer(small_config(seed=2), SINE)
    assert first.run_epoch().train_loss != second.run_epoch().train_loss


def test_reset_weights_repeats_run():
    trainer = Trainer(small_config(), SINE)
    trainer.run()
    losses = [r.train_loss for r in trainer.history]
    trainer.reset_weights()
    assert trainer.epoch == 0
    assert trainer.history == []
    trainer.run()
    assert [r.train_loss for r in trainer.history] == losses


def test_run_reports_every_epoch_and_completes():
    trainer = Trainer(small_config(epochs=4), SINE)
    reports = []
    reason = trainer.run(on_epoch=reports.append)
    assert reason == STOP_COMPLETED
    assert [r.epoch for r in reports] == [1, 2, 3, 4]
    assert reports[-1].stop_reason == STOP_COMPLETED
    assert all(r.stop_reason is None for r in reports[:-1])
    assert trainer.epoch == 4


def test_report_fields_are_consistent():
    trainer = Trainer(small_config(), SINE)
    report = trainer.run_epoch()
    assert report.train_loss > 0.0
    assert report.val_rmse == pytest.approx(math.sqrt(report.val_loss) * trainer.scaler.divisor)
    assert report.train_rmse == pytest.approx(math.sqrt(report.train_loss) * trainer.scaler.divisor)
    assert report.samples_per_second > 0.0
    assert report.seconds > 0.0
    assert report.lr == trainer.config.lr
    assert report.best_val_loss == report.val_loss
    assert report.extra["batches"] == report.extra["batches_run"] == 16


def test_training_reduces_validation_error():
    trainer = Trainer(TrainConfig(hidden=16, epochs=40, patience=None), SINE)
    trainer.run()
    assert trainer.history[-1].val_rmse < 0.2 * trainer.history[0].val_rmse


def test_default_preset_beats_naive_forecast():
    trainer = Trainer(TrainConfig(), SINE)
    trainer.run(epochs=30)
    assert math.sqrt(trainer.best_val_loss) * trainer.scaler.divisor < 0.02
    assert trainer.naive_val_rmse == pytest.approx(0.68, abs=0.01)


def test_stop_request_takes_effect_within_one_batch():
    control = TrainingControl()
    trainer = Trainer(small_config(batch_size=1), SINE, control=control)
    calls = {"n": 0}
    original = control.checkpoint

    def checkpoint():
        calls["n"] += 1
        if calls["n"] == 5:
            control.request_stop()
        return original()

    control.checkpoint = checkpoint
    report = trainer.run_epoch()
    assert report.stop_reason == STOP_REQUESTED
    assert report.extra["batches_run"] == 4
    assert trainer.stop_reason == STOP_REQUESTED


def test_run_stops_before_next_epoch_when_requested():
    control = TrainingControl()
    trainer = Trainer(small_config(epochs=10), SINE, control=control)
    reason = trainer.run(on_epoch=lambda report: control.request_stop() if report.epoch == 2 else None)
    assert reason == STOP_REQUESTED
    assert trainer.epoch == 2


def test_pause_blocks_training_until_resumed():
    control = TrainingControl()
    trainer = Trainer(small_config(epochs=1), SINE, control=control)
    control.request_pause()
    done = threading.Event()
    thread = threading.Thread(target=lambda: (trainer.run(), done.set()))
    thread.start()
    assert not done.wait(0.3)
    assert trainer.epoch == 0
    control.resume()
    assert done.wait(10.0)
    thread.join()
    assert trainer.stop_reason == STOP_COMPLETED


class PauseAtBatch(TrainingControl):
    """Pauses itself at the given checkpoint, and a timer thread resumes it ``seconds`` later."""

    def __init__(self, batch, seconds):
        super().__init__()
        self.batch, self.seconds, self.calls = batch, seconds, 0

    def checkpoint(self):
        self.calls += 1
        if self.calls == self.batch:
            self.request_pause()
            threading.Timer(self.seconds, self.resume).start()
        return super().checkpoint()


def test_pause_excluded_from_epoch_time():
    control = PauseAtBatch(batch=3, seconds=0.5)
    trainer = Trainer(small_config(epochs=1), SINE, control=control)
    report = trainer.run_epoch()
    train_seconds = trainer.split.n_train / report.samples_per_second
    assert report.extra["batches_run"] == report.extra["batches"]
    assert report.seconds < 0.3
    assert train_seconds < 0.3
    assert control.paused_seconds >= 0.45


def test_stop_wakes_paused_trainer():
    control = TrainingControl()
    trainer = Trainer(small_config(epochs=5), SINE, control=control)
    control.request_pause()
    thread = threading.Thread(target=trainer.run)
    thread.start()
    control.request_stop()
    thread.join(10.0)
    assert not thread.is_alive()
    assert trainer.stop_reason == STOP_REQUESTED


def test_early_stopping_restores_best_weights():
    # A learning rate this high makes the validation loss rise after a few epochs.
    trainer = Trainer(small_config(epochs=200, patience=3, lr=0.05, optimizer="sgd", clip_norm=None), SINE)
    reason = trainer.run()
    assert reason == STOP_EARLY
    best = min(trainer.history, key=lambda r: r.val_loss)
    assert trainer.history[-1].extra["restored_epoch"] == best.epoch
    assert trainer.epoch == best.epoch + 3
    _, prediction = trainer.predict_windows()
    val_prediction = prediction[trainer.split.val]
    rmse = np.sqrt(np.mean((val_prediction - SINE[20:][trainer.split.val]) ** 2))
    assert rmse == pytest.approx(best.val_rmse, rel=1e-9)


def test_runaway_early_stop_names_learning_rate():
    trainer = Trainer(TrainConfig(lr=10, patience=5, epochs=60, hidden=8), np.sin(np.arange(200.0)))
    assert trainer.run() == STOP_EARLY
    last = trainer.history[-1]
    after_best = [r.val_loss for r in trainer.history if r.epoch > trainer.best_epoch]

    assert last.extra["runaway_val_loss"] == max(after_best)
    assert max(after_best) >= RUNAWAY_LOSS_FACTOR * trainer.best_val_loss
    assert last.extra["reason"].endswith("as a learning rate that is too high often makes it do: try a lower one")


def test_runaway_few_validation_windows():
    trainer = Trainer(TrainConfig(lr=10, patience=5, epochs=60, hidden=8, val_windows=2), np.sin(np.arange(200.0)))
    assert trainer.run() == STOP_EARLY
    last = trainer.history[-1]

    assert "runaway_val_loss" in last.extra
    assert last.extra["reason"].endswith(
        ". With only 2 validation windows, that best may be luck; a longer series gives a steadier measure, "
        "and a lower learning rate may help too")


def test_ordinary_early_stop_no_rate_hint():
    trainer = early_stopped_trainer()
    assert "runaway_val_loss" not in trainer.history[-1].extra
    assert "learning rate" not in trainer.history[-1].extra["reason"]


def test_early_stop_records_hidden_states_of_kept_weights():
    trainer = Trainer(small_config(epochs=200, patience=3, lr=0.05, optimizer="sgd", clip_norm=None), SINE)
    window = trainer.split.n_train
    trainer.set_recording(False, window)
    assert trainer.run() == STOP_EARLY
    last = trainer.history[-1]

    # The states recorded with the early stop are those of the restored best weights.
    trainer.model.forward(trainer._inputs[window:window + 1].T)
    assert np.array_equal(last.hidden_states, trainer.model.hidden_states()[:, 0, :])
    assert last.extra["restored_epoch"] < last.epoch


def early_stopped_trainer():
    trainer = Trainer(small_config(epochs=200, patience=3, lr=0.05, optimizer="sgd", clip_norm=None), SINE)
    assert trainer.run() == STOP_EARLY
    return trainer


def test_epoch_after_early_stop_restarts_patience():
    trainer = early_stopped_trainer()
    stopped_at, best_epoch = trainer.epoch, trainer.best_epoch
    best_weights = trainer.model.get_weights()

    report = trainer.run_epoch()

    assert report.epoch == stopped_at + 1
    assert report.stop_reason is None
    assert report.extra["continued_from_epoch"] == best_epoch
    assert trainer.stop_reason is None
    assert trainer._epochs_without_improvement <= 1
    assert not any(np.array_equal(trainer.model.params[name], value) for name, value in best_weights.items())


def test_run_after_early_stop_waits_patience_again():
    trainer = early_stopped_trainer()
    stopped_at = trainer.epoch

    reason = trainer.run(epochs=100)

    new_reports = trainer.history[stopped_at:]
    assert new_reports[0].extra["continued_from_epoch"] == stopped_at - 3
    assert all("continued_from_epoch" not in report.extra for report in new_reports[1:])
    assert len(new_reports) >= 3
    assert all(report.stop_reason is None for report in new_reports[:2])
    if reason == STOP_EARLY:
        # Three epochs without improvement, counted from the restart or from a new best epoch after it.
        assert trainer.epoch == max(stopped_at, trainer.best_epoch) + 3
        assert trainer.history[-1].extra["restored_epoch"] == trainer.best_epoch


def test_continuing_after_early_stop_same_after_load(tmp_path):
    in_memory = early_stopped_trainer()
    path = tmp_path / "stopped.npz"
    in_memory.save(path)
    loaded = Trainer.from_file(path, SINE)
    assert loaded.stop_reason == STOP_EARLY

    in_memory.run(epochs=20)
    loaded.run(epochs=20)

    assert [(r.train_loss, r.val_loss) for r in loaded.history] == [(r.train_loss, r.val_loss)
                                                                     for r in in_memory.history]
    assert loaded.stop_reason == in_memory.stop_reason
    assert loaded.epoch == in_memory.epoch


def test_divergence_stops_and_keeps_finite_weights():
    config = small_config(activation="relu", init="uniform", scale="none", lr=1e6, optimizer="sgd",
                          clip_norm=None, epochs=20)
    trainer = Trainer(config, SINE * 1000.0)
    reason = trainer.run()
    assert reason == STOP_DIVERGED
    last = trainer.history[-1]
    assert last.stop_reason == STOP_DIVERGED
    # Unscaled data times 1000 with U(0, 1) weights: the very first batch diverges, before any update.
    assert "before any update" in last.extra["reason"]
    assert last.extra["divergence"]["at_start"] is True
    assert last.diverged_at_start
    for value in trainer.model.params.values():
        assert np.all(np.isfinite(value))


def test_runaway_finite_loss_counts_as_divergence():
    # Plain SGD at lr 50 blows the loss up to about 1e12 long before it overflows.
    config = small_config(optimizer="sgd", lr=50.0, clip_norm=None, epochs=5)
    trainer = Trainer(config, SINE)
    assert trainer.run() == STOP_DIVERGED
    message = trainer.history[-1].extra["reason"]
    assert "above the divergence limit of 1e+10" in message
    assert "Lower the learning rate" in message
    assert trainer.history[-1].extra["divergence"]["at_start"] is False
    assert not trainer.history[-1].diverged_at_start
    for value in trainer.model.params.values():
        assert np.all(np.isfinite(value))
    # The epoch's training loss counts only the batches before the one that crossed the limit.
    assert trainer.history[-1].train_loss <= 1e10


def test_divergence_limit_scales_with_targets():
    trainer = Trainer(small_config(scale="none"), SINE * 1000.0)
    targets = trainer._targets[trainer.split.train].astype(np.float64)
    assert trainer._divergence_loss == pytest.approx(1e10 * np.mean(targets ** 2))
    assert Trainer(small_config(scale="minmax"), SINE)._divergence_loss == 1e10


def test_huge_predictions_finite_rmse_inf_loss():
    # Squared, a 1e160 error overflows: the loss is inf, the RMSE in the series' units is not.
    trainer = Trainer(small_config(scale="none", epochs=1), SINE)
    trainer.model.params["b_y"][0] = 1e160
    report = trainer.run_epoch()
    assert report.stop_reason == STOP_DIVERGED
    assert report.val_loss == np.inf
    assert report.val_rmse == pytest.approx(1e160, rel=1e-6)
    assert report.val_mae == pytest.approx(1e160, rel=1e-6)


def test_set_lr_keeps_adam_state():
    trainer = Trainer(small_config(), SINE)
    trainer.run_epoch()
    steps = trainer.optimizer.t
    moment = trainer.optimizer.m["W_hh"].copy()
    trainer.set_lr(0.001)
    assert trainer.optimizer.t == steps
    assert np.array_equal(trainer.optimizer.m["W_hh"], moment)
    assert trainer.run_epoch().lr == 0.001


def test_set_lr_rejects_zero():
    trainer = Trainer(small_config(), SINE)
    with pytest.raises(ConfigError):
        trainer.set_lr(0.0)
    assert trainer.lr == trainer.config.lr


def test_reduce_on_plateau_lowers_lr():
    config = small_config(epochs=30, lr=0.05, optimizer="sgd", clip_norm=None, reduce_on_plateau=True,
                          plateau_patience=2, plateau_factor=0.5)
    trainer = Trainer(config, SINE)
    trainer.run()
    lrs = [r.lr for r in trainer.history]
    assert min(lrs) < 0.05
    assert all(later <= earlier for earlier, later in zip(lrs, lrs[1:]))


def test_record_dh_and_hidden_states():
    trainer = Trainer(small_config(), SINE, record_dh=True, record_hidden_window=5)
    report = trainer.run_epoch()
    assert report.dh_norms.shape == (20,)
    assert np.all(report.dh_norms > 0.0)
    assert report.hidden_states.shape == (20, 8)
    trainer.model.forward(trainer._inputs[5:6].T)
    np.testing.assert_array_equal(report.hidden_states, trainer.model.hidden_states()[:, 0, :])


def test_record_dh_reports_zero_beyond_truncation():
    trainer = Trainer(small_config(bptt_truncate=5), SINE, record_dh=True)
    report = trainer.run_epoch()
    assert np.all(report.dh_norms[:15] == 0.0)
    assert np.all(report.dh_norms[15:] > 0.0)


def test_record_hidden_window_out_of_range():
    with pytest.raises(ConfigError):
        Trainer(small_config(), SINE, record_hidden_window=180)


def test_predict_windows_index_and_units():
    values = 10.0 + 3.0 * SINE
    trainer = Trainer(small_config(), values)
    trainer.run()
    index, prediction = trainer.predict_windows()
    assert index[0] == 20
    assert index[-1] == 199
    assert prediction.shape == (180,)
    val_rmse = np.sqrt(np.mean((prediction[trainer.split.val] - values[index[trainer.split.val]]) ** 2))
    assert val_rmse == pytest.approx(trainer.history[-1].val_rmse, rel=1e-9)


def test_forecast_feeds_predictions_back():
    trainer = Trainer(small_config(), SINE)
    trainer.run()
    forecast = trainer.forecast(3)
    window = SINE[-20:]
    scaler = trainer.scaler
    first = scaler.inverse(trainer.model.predict(scaler.transform(window)[None]))[0]
    assert forecast.shape == (3,)
    assert forecast[0] == pytest.approx(first, rel=1e-12)
    extended = np.append(window[1:], forecast[0])
    second = scaler.inverse(trainer.model.predict(scaler.transform(extended)[None]))[0]
    assert forecast[1] == pytest.approx(second, rel=1e-9)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_save_and_load_give_identical_predictions(tmp_path, dtype):
    trainer = Trainer(small_config(dtype=dtype, scale="zscore"), SINE)
    trainer.run()
    path = tmp_path / "model.npz"
    trainer.save(path)
    loaded = Trainer.from_file(path, SINE)
    assert np.array_equal(loaded.predict_windows()[1], trainer.predict_windows()[1])
    assert np.array_equal(loaded.forecast(5), trainer.forecast(5))
    assert loaded.epoch == 3
    assert [r.val_loss for r in loaded.history] == [r.val_loss for r in trainer.history]
    assert loaded.config == trainer.config
    assert loaded.model.params["W_hh"].dtype == np.dtype(dtype)


def test_orthogonal_draw_once_none_on_load(tmp_path, monkeypatch):
    # For 4096 hidden units one QR decomposition took 15 s here; building a trainer took two.
    trainer = Trainer(small_config(), SINE)
    trainer.run()
    trainer.save(tmp_path / "m.npz")
    calls = []
    real_qr = np.linalg.qr
    monkeypatch.setattr(np.linalg, "qr", lambda matrix: calls.append(matrix.shape) or real_qr(matrix))

    fresh = Trainer(small_config(), SINE)
    assert calls == [(8, 8)]
    # The same seed still draws the same weights.
    assert all(np.array_equal(fresh.model.params[name], Trainer(small_config(), SINE).model.params[name])
               for name in fresh.model.params)
    calls.clear()

    loaded = Trainer.from_file(tmp_path / "m.npz", SINE)
    assert calls == []
    assert all(np.array_equal(loaded.model.params[name], trainer.model.params[name]) for name in trainer.model.params)


def test_from_file_applies_training_changes(tmp_path):
    trainer = Trainer(small_config(), SINE)
    trainer.run()
    trainer.save(tmp_path / "m.npz")
    loaded = Trainer.from_file(tmp_path / "m.npz", SINE, epochs=7, lr=0.002)
    assert loaded.config.epochs == 7
    assert loaded.lr == 0.002
    loaded.run()
    assert loaded.epoch == 7


def test_from_file_rejects_model_change(tmp_path):
    trainer = Trainer(small_config(), SINE)
    trainer.save(tmp_path / "m.npz")
    with pytest.raises(IncompatibleWeightsError) as caught:
        Trainer.from_file(tmp_path / "m.npz", SINE, hidden=9)
    assert caught.value.params["name"] == "hidden"


def test_from_file_rejects_too_short_series(tmp_path):
    trainer = Trainer(small_config(), SINE)
    trainer.save(tmp_path / "m.npz")
    with pytest.raises(IncompatibleWeightsError) as caught:
        Trainer.from_file(tmp_path / "m.npz", SINE[:30])
    assert caught.value.params["minimum"] == 41


def test_float32_training_runs():
    trainer = Trainer(small_config(dtype="float32"), SINE)
    trainer.run()
    assert trainer.model.params["W_hh"].dtype == np.float32
    assert math.isfinite(trainer.history[-1].val_loss)


def test_hidden_too_large_for_memory():
    with pytest.raises(ConfigError) as caught:
        Trainer(small_config(hidden=100000), SINE)
    error = caught.value
    assert error.code == "config.memory"
    assert error.params["name"] == "hidden"
    assert error.params["value"] == 100000
    assert error.params["estimated_bytes"] > 80 * 2**30
    assert "GiB" in str(error)
    assert f"use hidden {error.params['maximum']} or less" in str(error)


def test_memory_maximum_is_largest_fitting_hidden():
    config = small_config(hidden=5000)
    available = 2**30
    with pytest.raises(ConfigError) as caught:
        check_memory(config, n_windows=180, available=available)
    maximum = caught.value.params["maximum"]

    def estimate(hidden):
        return estimate_memory_bytes(hidden, 20, 10, 180, "float64", "adam")

    assert estimate(maximum) <= available
    assert estimate(maximum + 1) > available
    check_memory(config.replace(hidden=maximum), n_windows=180, available=available)


def test_memory_check_accepts_default_size():
    check_memory(TrainConfig(), n_windows=150, available=2**30)


def test_pickled_trainer_continues_identically():
    config = small_config(epochs=6, optimizer="adam")
    reference = Trainer(config, SINE)
    reference.run()
    first = Trainer(config, SINE)
    first.run(3)

    copy = pickle.loads(pickle.dumps(first))
    copy.run(3)

    assert [r.train_loss for r in copy.history] == [r.train_loss for r in reference.history]
    assert [r.val_loss for r in copy.history] == [r.val_loss for r in reference.history]
    for name, value in reference.model.params.items():
        np.testing.assert_array_equal(copy.model.params[name], value)


def test_setstate_keeps_receiving_control():
    control = TrainingControl()
    receiver = Trainer(small_config(), SINE, control=control)
    sender = Trainer(small_config(seed=4), SINE)
    sender.run(2)

    receiver.__setstate__(pickle.loads(pickle.dumps(sender.__getstate__())))

    assert receiver.control is control
    assert receiver.epoch == 2
    assert receiver.config.seed == 4
    assert "control" not in sender.__getstate__()
    np.testing.assert_array_equal(receiver.predict_windows()[1], sender.predict_windows()[1])


class StopAtCheckpoint(TrainingControl):
    """A control whose stop request arrives at checkpoint number ``at`` (1-based)."""

    def __init__(self, at: int) -> None:
        super().__init__()
        self.at = at
        self.calls = 0

    def checkpoint(self) -> bool:
        self.calls += 1
        if self.calls == self.at:
            self.request_stop()
        return super().checkpoint()


def test_stop_before_first_batch_counts_no_epoch():
    config = small_config(batch_size=1000)  # one batch, so one checkpoint per epoch
    control = StopAtCheckpoint(at=2)
    trainer = Trainer(config, SINE, control)
    reference = Trainer(config, SINE)

    trainer.run_epoch()
    reference.run_epoch()
    report = trainer.run_epoch()

    assert trainer.epoch == 1
    assert len(trainer.history) == 1
    assert report is trainer.history[-1]
    assert report.stop_reason == "stopped"
    assert trainer.stop_reason == "stopped"
    # The shuffle was undone, so the next epoch draws what an uninterrupted run draws.
    assert trainer._shuffle_rng.bit_generator.state == reference._shuffle_rng.bit_generator.state


def test_stop_mid_epoch_records_no_gradients():
    trainer = Trainer(small_config(), SINE, StopAtCheckpoint(at=3), record_dh=True)

    report = trainer.run_epoch()

    assert report.stop_reason == "stopped"
    assert report.dh_norms is None


def test_run_reports_no_epoch_after_early_stop_request():
    config = small_config(batch_size=1000)
    trainer = Trainer(config, SINE, StopAtCheckpoint(at=1))
    seen = []

    reason = trainer.run(epochs=3, on_epoch=seen.append)

    assert reason == "stopped"
    assert seen == []
    assert trainer.epoch == 0
    assert trainer.history == []


def test_load_onto_other_data_restarts_early_stopping(tmp_path):
    trained = Trainer(small_config(epochs=6, patience=3), SINE)
    trained.run()
    trained.save(tmp_path / "sine.npz")
    other = 50.0 + 10.0 * np.cos(np.arange(200.0) * 0.3)

    loaded = Trainer.from_file(tmp_path / "sine.npz", other, epochs=3)
    best_before = loaded.best_val_loss
    report = loaded.run_epoch()

    assert loaded.load_warning is not None
    assert best_before == math.inf
    assert loaded.best_epoch == report.epoch == 7
    assert report.stop_reason is None


def test_load_onto_other_data_names_kept_epoch(tmp_path):
    stopped = early_stopped_trainer()
    stopped.save(tmp_path / "stopped.npz")
    other = 50.0 + 10.0 * np.cos(np.arange(200.0) * 0.3)

    loaded = Trainer.from_file(tmp_path / "stopped.npz", other)
    report = loaded.run_epoch()

    assert loaded.load_warning is not None
    assert stopped.best_epoch == stopped.epoch - 3
    assert report.extra["continued_from_epoch"] == stopped.best_epoch


@pytest.mark.parametrize("deleted", [False, True])
def test_other_data_warning_advice_follows_recorded_file(tmp_path, deleted):
    data = tmp_path / "levels.csv"
    data.write_text("level\n1\n", encoding="utf-8")
    trained = Trainer(small_config(epochs=1), SINE, source=str(data))
    trained.origin = {"kind": "csv", "path": str(data), "column": "level", "delimiter": None, "decimal": None,
                      "encoding": None, "header": None, "missing": "interpolate"}
    trained.run()
    trained.save(tmp_path / "levels.npz")
    if deleted:
        data.unlink()

    loaded = Trainer.from_file(tmp_path / "levels.npz", 50.0 + np.cos(np.arange(200.0) * 0.3))

    gone = f"{data} is not found any more, so train a new model for this series."
    assert (gone in loaded.load_warning) is deleted
    assert ("open the data the weights were trained on" in loaded.load_warning) is not deleted


def test_changed_file_named_once_whatever_path_form(tmp_path, monkeypatch):
    data = tmp_path / "levels.csv"
    data.write_text("level\n1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    trained = Trainer(small_config(epochs=1), SINE, source="levels.csv, column level")
    trained.origin = {"kind": "csv", "path": str(data), "column": "level", "delimiter": None, "decimal": None,
                      "encoding": None, "header": None, "missing": "interpolate"}
    trained.save(tmp_path / "levels.npz")

    loaded = Trainer.from_file(tmp_path / "levels.npz", SINE + 1.0, source=f"{data}, column level")

    assert loaded.load_warning.startswith(f"the data in {data}, column level changed since the weights in ")
    other_column = Trainer.from_file(tmp_path / "levels.npz", SINE + 1.0, source=f"{data}, column other")
    assert other_column.load_warning.startswith("the weights in ")


def test_load_onto_same_data_keeps_early_stopping(tmp_path):
    trained = Trainer(small_config(epochs=6, patience=3), SINE)
    trained.run()
    trained.save(tmp_path / "sine.npz")

    loaded = Trainer.from_file(tmp_path / "sine.npz", SINE)

    assert loaded.load_warning is None
    assert loaded.best_val_loss == trained.best_val_loss
    assert loaded.best_epoch == trained.best_epoch


def test_other_data_marks_survive_save_and_load(tmp_path):
    cosine = np.cos(np.arange(200.0))
    first = Trainer(small_config(epochs=2), cosine)
    first.run()
    first.save(tmp_path / "cosine.npz")
    moved = Trainer.from_file(tmp_path / "cosine.npz", SINE)
    moved.run_epoch()
    moved.save(tmp_path / "both.npz")

    loaded = Trainer.from_file(tmp_path / "both.npz", SINE)

    assert loaded.load_warning is None
    assert [bool(report.extra.get("other_data")) for report in loaded.history] == [True, True, False]


def test_on_batch_hook_and_pickle():
    import pickle

    trainer = Trainer(small_config(batch_size=40), SINE)
    calls = []
    trainer.on_batch = lambda done, total: calls.append((done, total))

    trainer.run_epoch()

    n_batches = -(-trainer.split.n_train // 40)
    assert calls == [(k, n_batches) for k in range(1, n_batches + 1)]
    copy = pickle.loads(pickle.dumps(trainer))
    assert copy.on_batch is None


@pytest.fixture
def checks_every_step(monkeypatch):
    """Make every batch check its control between time steps, with no time between checks."""
    import rnn_desktop.core.training as training

    monkeypatch.setattr(training, "INTERRUPTIBLE_BATCH_WORK", 0)
    monkeypatch.setattr(training, "STEP_CHECK_SECONDS", 0.0)


def test_small_batches_check_only_between_batches():
    control = StopAtCheckpoint(at=0)
    trainer = Trainer(small_config(epochs=1), SINE, control)

    report = trainer.run_epoch()

    assert control.calls == report.extra["batches"]


def test_large_batch_checks_between_time_steps(checks_every_step):
    config = small_config(epochs=1, bptt_truncate=5)
    control = StopAtCheckpoint(at=0)
    trainer = Trainer(config, SINE, control)

    report = trainer.run_epoch()

    # One check before each batch, before each forward step after the first, and before
    # each of the truncated backward steps.
    per_batch = 1 + (config.seq_len - 1) + 5
    assert control.calls == report.extra["batches"] * per_batch


def test_stop_inside_first_batch_keeps_weights(checks_every_step):
    config = small_config()
    trainer = Trainer(config, SINE, StopAtCheckpoint(at=10))
    start = {name: value.copy() for name, value in trainer.model.params.items()}

    report = trainer.run_epoch()

    assert report.stop_reason == STOP_REQUESTED
    assert trainer.epoch == 0
    assert trainer.history == []
    for name, value in start.items():
        np.testing.assert_array_equal(trainer.model.params[name], value, err_msg=name)


@pytest.mark.parametrize("into_backward", [False, True])
def test_stop_inside_batch_keeps_earlier_batches(checks_every_step, into_backward):
    config = small_config()
    per_batch = 1 + (config.seq_len - 1) + config.seq_len
    # Stop in the third batch: in its forward pass, or three steps into its backward pass.
    at = 2 * per_batch + 1 + (config.seq_len - 1 + 3 if into_backward else 4)
    trainer = Trainer(config, SINE, StopAtCheckpoint(at=at))
    reference = Trainer(config, SINE, StopAtCheckpoint(at=2 * per_batch + 1))

    report = trainer.run_epoch()
    reference_report = reference.run_epoch()

    assert report.stop_reason == STOP_REQUESTED
    assert report.extra["batches_run"] == reference_report.extra["batches_run"] == 2
    assert report.train_loss == reference_report.train_loss
    for name, value in reference.model.params.items():
        np.testing.assert_array_equal(trainer.model.params[name], value, err_msg=name)


def test_pause_inside_a_batch_changes_nothing(checks_every_step):
    config = small_config(epochs=2)
    control = PauseAtBatch(batch=30, seconds=0.3)
    paused = Trainer(config, SINE, control)
    reference = Trainer(config, SINE)

    paused.run()
    reference.run()

    assert control.paused_seconds >= 0.25
    assert [r.train_loss for r in paused.history] == [r.train_loss for r in reference.history]
    assert [r.val_loss for r in paused.history] == [r.val_loss for r in reference.history]
    for name, value in reference.model.params.items():
        np.testing.assert_array_equal(paused.model.params[name], value, err_msg=name)
    assert paused.history[0].seconds < 0.25


def test_validation_metrics_cached_per_weights(monkeypatch):
    trainer = Trainer(small_config(epochs=2), SINE)
    trainer.run()
    calls = []
    real_predict = trainer.model.predict
    monkeypatch.setattr(trainer.model, "predict", lambda windows: (calls.append(1), real_predict(windows))[1])

    first = trainer.validation_metrics()
    again = trainer.validation_metrics()

    # The last epoch scored these weights already.
    assert calls == []
    assert first == again
    assert first["rmse"] == trainer.history[-1].val_rmse
    trainer.reset_weights()
    trainer.validation_metrics()
    assert calls == [1]
