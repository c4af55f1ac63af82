"""The ``train`` command: output, JSON summary, presets, weights files and bad input."""

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from rnn_desktop.cli import build_parser, main
from rnn_desktop.commands.common import config_from_args
from rnn_desktop.core.training import TrainConfig, Trainer
from rnn_desktop.core.weights import load_weights

SAMPLE_DATA = Path(__file__).resolve().parents[2] / "resources" / "data"
SUMMARY_KEYS = {"epochs_run", "train_loss", "val_loss", "val_rmse", "val_mae", "naive_val_rmse",
                "seconds", "samples_per_second", "stop_reason"}


def run(argv, capsys):
    code = main(["train", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_prints_one_line_per_epoch(capsys):
    code, out, err = run(["--epochs", "3", "--hidden", "6"], capsys)
    assert code == 0
    epoch_lines = [line for line in out.splitlines() if line.startswith("epoch ")]
    assert len(epoch_lines) == 3
    assert epoch_lines[0].startswith("epoch 1/3")
    assert "val_rmse" in epoch_lines[0]
    assert err == ""


def test_json_summary_keys_and_values(tmp_path, capsys):
    path = tmp_path / "run.json"
    code, _, _ = run(["--epochs", "2", "--hidden", "6", "--json", str(path)], capsys)
    summary = json.loads(path.read_text())
    assert code == 0
    assert SUMMARY_KEYS <= set(summary)
    assert summary["epochs_run"] == 2
    assert summary["stop_reason"] == "completed"
    assert summary["naive_val_rmse"] == pytest.approx(0.6796, abs=1e-4)
    assert summary["val_rmse"] > 0.0
    assert summary["samples_per_second"] > 0.0
    assert summary["n_train"] == 100
    assert summary["n_val"] == 50
    assert summary["kept_epoch"] == 2
    assert summary["epochs_this_run"] == 2
    assert summary["loaded_from"] is None
    assert summary["load_warning"] is None
    assert summary["data"] == {"kind": "generator", "name": "sine", "length": 200, "noise": 0.0, "seed": 0,
                               "params": {}, "values": 200}


def test_json_summary_of_loaded_run(tmp_path, capsys):
    weights, path = tmp_path / "w.npz", tmp_path / "run.json"
    code, _, err = run(["--epochs", "3", "--hidden", "4", "--save", str(weights)], capsys)
    assert code == 0, err

    code, _, err = run(["--generator", "sine_wave", "--load", str(weights), "--epochs", "2", "--json", str(path)],
                       capsys)

    assert code == 0, err
    summary = json.loads(path.read_text())
    assert summary["epochs_run"] == 5
    assert summary["epochs_this_run"] == 2
    assert summary["loaded_from"] == str(weights)
    assert summary["load_warning"].startswith(f"the weights in {weights} were trained on generator sine")


def test_repeated_generator_parameter_rejected(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["train", "--generator", "sine_wave", "--param", "period=1", "--param", "period=2"])
    out, err = capsys.readouterr()
    assert caught.value.code == 2
    assert "--param period is given more than once; give each parameter once" in err
    assert out == ""


def test_json_summary_names_csv_data(tmp_path, capsys):
    path = tmp_path / "run.json"
    code, _, err = run(["--csv", str(SAMPLE_DATA / "nile.csv"), "--epochs", "1", "--hidden", "4", "--json", str(path)],
                       capsys)
    assert code == 0, err
    data = json.loads(path.read_text())["data"]
    assert data["kind"] == "csv"
    assert data["path"] == str((SAMPLE_DATA / "nile.csv").resolve())
    assert data["column"] == "flow"
    assert data["values"] == 100


def test_tutorial_preset_configuration():
    args = build_parser().parse_args(["train", "--preset", "tutorial"])
    config = config_from_args(args)
    assert config == TrainConfig.preset("tutorial")
    assert (config.hidden, config.activation, config.init) == (100, "sigmoid", "uniform")
    assert (config.optimizer, config.batch_size, config.lr, config.epochs) == ("sgd", 1, 1e-4, 25)
    assert (config.bptt_truncate, config.clip_value, config.clip_norm) == (5, 10.0, None)


def test_options_override_preset():
    args = build_parser().parse_args(["train", "--preset", "tutorial", "--hidden", "7",
                                      "--clip-value", "none", "--val-fraction", "0.25"])
    config = config_from_args(args)
    assert config.hidden == 7
    assert config.clip_value is None
    assert config.val_windows is None
    assert config.val_fraction == 0.25
    assert config.activation == "sigmoid"


def test_tutorial_preset_runs(tmp_path, capsys):
    path = tmp_path / "run.json"
    code, out, _ = run(["--preset", "tutorial", "--epochs", "1", "--json", str(path)], capsys)
    summary = json.loads(path.read_text())
    assert code == 0
    assert summary["config"]["hidden"] == 100
    assert summary["epochs_run"] == 1


def test_save_then_load_continues(tmp_path, capsys):
    weights = tmp_path / "m.npz"
    code, _, _ = run(["--epochs", "2", "--hidden", "5", "--save", str(weights)], capsys)
    assert code == 0
    assert load_weights(weights).metadata["epoch"] == 2

    summary_path = tmp_path / "run.json"
    code, out, _ = run(["--load", str(weights), "--epochs", "2", "--json", str(summary_path)], capsys)
    assert code == 0
    assert "epoch 3/4" in out
    assert json.loads(summary_path.read_text())["epochs_run"] == 4


def test_resumed_run_matches_one_run(tmp_path, capsys):
    one_run = tmp_path / "one.json"
    resumed = tmp_path / "resumed.json"
    weights = tmp_path / "half.npz"
    run(["--epochs", "4", "--hidden", "5", "--json", str(one_run)], capsys)
    run(["--epochs", "2", "--hidden", "5", "--save", str(weights)], capsys)
    code, out, _ = run(["--load", str(weights), "--epochs", "2", "--json", str(resumed)], capsys)
    assert code == 0
    assert "starts fresh" not in out
    assert json.loads(resumed.read_text())["val_rmse"] == json.loads(one_run.read_text())["val_rmse"]


EARLY_STOPPING_OPTIONS = ["--hidden", "6", "--seq-len", "20", "--val-windows", "20", "--batch-size", "8",
                          "--lr", "0.05", "--clip-norm", "none", "--patience", "3"]


def test_load_after_early_stop_trains_again(tmp_path, capsys):
    weights = tmp_path / "stopped.npz"
    code, out, _ = run([*EARLY_STOPPING_OPTIONS, "--epochs", "200", "--save", str(weights)], capsys)
    assert code == 0
    assert "stop: early_stopping after 16 epochs" in out

    summary_path = tmp_path / "continued.json"
    code, out, _ = run(["--load", str(weights), "--epochs", "20", "--json", str(summary_path)], capsys)

    assert code == 0
    assert "was saved after early stopping at epoch 16" in out
    assert "from the weights of epoch 13, with the patience count back at 0" in out
    epoch_lines = [line for line in out.splitlines() if line.startswith("epoch ")]
    assert epoch_lines[0].startswith("epoch 17/36")
    assert len(epoch_lines) >= 3
    assert json.loads(summary_path.read_text())["epochs_run"] == 16 + len(epoch_lines)


def test_load_without_optimizer_state_says_so(tmp_path, capsys):
    weights = tmp_path / "old.npz"
    run(["--epochs", "1", "--hidden", "5", "--save", str(weights)], capsys)
    with np.load(weights) as archive:
        arrays = {name: archive[name] for name in archive.files if not name.startswith("optimizer.")}
    metadata = json.loads(str(arrays["metadata"][()]))
    del metadata["optimizer_state"]
    arrays["metadata"] = np.array(json.dumps(metadata))
    np.savez(weights, **arrays)
    code, out, _ = run(["--load", str(weights), "--epochs", "1"], capsys)
    assert code == 0
    assert f"note: {weights} has no saved adam optimiser state; the optimiser starts fresh" in out


def test_loaded_model_predicts_as_saved(tmp_path, capsys):
    weights = tmp_path / "m.npz"
    first = tmp_path / "first.json"
    second = tmp_path / "second.json"
    run(["--epochs", "2", "--hidden", "5", "--save", str(weights), "--json", str(first)], capsys)
    run(["--load", str(weights), "--epochs", "0", "--json", str(second)], capsys)
    assert json.loads(first.read_text())["val_rmse"] == json.loads(second.read_text())["val_rmse"]


@pytest.mark.parametrize("argv, text", [
    (["--hidden", "0"], "--hidden"),
    (["--lr", "0"], "--lr"),
    (["--batch-size", "0"], "--batch-size"),
    (["--val-fraction", "1.5"], "--val-fraction"),
    (["--clip-norm", "-1"], "--clip-norm"),
    (["--length", "60"], "at least 101"),
    (["--generator", "nonsense"], "nonsense"),
    (["--load", "missing.npz"], "does not exist"),
])
def test_bad_input_exits_2_with_message(argv, text, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(argv, capsys)
    assert code == 2
    assert text in err
    assert "Traceback" not in err


def test_load_rejects_model_change(tmp_path, capsys):
    weights = tmp_path / "m.npz"
    run(["--epochs", "1", "--hidden", "5", "--save", str(weights)], capsys)
    code, _, err = run(["--load", str(weights), "--hidden", "6"], capsys)
    assert code == 2
    assert "hidden" in err


def test_load_rejects_damaged_file(tmp_path, capsys):
    weights = tmp_path / "m.npz"
    weights.write_bytes(b"PK\x03\x04 broken")
    code, _, err = run(["--load", str(weights)], capsys)
    assert code == 2
    assert "truncated or damaged" in err


def test_module_entry_point(tmp_path):
    summary = tmp_path / "run.json"
    result = subprocess.run(
        [sys.executable, "-m", "rnn_desktop", "train", "--epochs", "1", "--hidden", "4", "--json", str(summary)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(summary.read_text())["epochs_run"] == 1


def test_unknown_option_is_rejected_by_argparse(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["train", "--hiddden", "3"])
    assert caught.value.code == 2


def test_diverged_run_reports_reason_and_saves_nothing(tmp_path, capsys):
    path = tmp_path / "run.json"
    weights = tmp_path / "m.npz"
    code, out, _ = run(["--lr", "1e8", "--optimizer", "sgd", "--clip-norm", "none", "--activation", "relu",
                        "--init", "uniform", "--scale", "none", "--epochs", "30", "--json", str(path),
                        "--save", str(weights)], capsys)
    summary = json.loads(path.read_text())
    assert code == 1
    assert summary["stop_reason"] == "diverged"
    assert "learning rate" in summary["reason"]
    assert "learning rate" in out
    assert not weights.exists()


def test_hidden_too_large_exits_cleanly(capsys):
    code, out, err = run(["--hidden", "100000"], capsys)
    assert code == 2
    assert "Traceback" not in err
    assert "100000" in err
    assert "GiB" in err
    assert out == ""


def test_memory_error_while_training_exits_cleanly(monkeypatch, capsys):
    def run_out_of_memory(trainer):
        raise MemoryError("Unable to allocate 74.5 GiB for an array")

    monkeypatch.setattr(Trainer, "run_epoch", run_out_of_memory)
    code, _, err = run(["--epochs", "1", "--hidden", "5"], capsys)
    assert code == 2
    assert "out of memory (Unable to allocate 74.5 GiB for an array)" in err
    assert "--hidden" in err


@pytest.mark.parametrize("option", ["--save", "--json"])
def test_output_in_missing_folder_rejected_before_training(tmp_path, capsys, option):
    target = tmp_path / "absent" / "out.file"
    code, out, err = run(["--epochs", "1", "--hidden", "5", option, str(target)], capsys)
    assert code == 2
    assert "epoch 1/1" not in out
    assert f"cannot write {option} {target}: the folder {target.parent} does not exist" in err


@pytest.mark.parametrize("option, example", [("--save", "weights.npz"), ("--json", "summary.json")])
def test_output_that_is_folder_rejected(tmp_path, capsys, option, example):
    code, out, err = run(["--epochs", "1", "--hidden", "5", option, str(tmp_path)], capsys)
    assert code == 2
    assert "epoch 1/1" not in out
    assert f"cannot write {option} {tmp_path}: it is a folder" in err
    assert str(tmp_path / example) in err
    assert ".tmp" not in err


def test_failed_save_names_target(tmp_path, capsys, monkeypatch):
    from rnn_desktop.core import weights as weights_mod

    def full_disk(stream, **arrays):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(weights_mod.np, "savez", full_disk)
    target = tmp_path / "m.npz"
    code, _, err = run(["--epochs", "1", "--hidden", "5", "--save", str(target)], capsys)
    assert code == 1
    assert f"cannot write --save {target}: No space left on device" in err
    assert ".weights-" not in err


def test_large_model_build_is_announced(capsys):
    # The draw of a 4096-unit model took 15 s here, with nothing printed meanwhile.
    code, out, _ = run(["--hidden", "1024", "--epochs", "0"], capsys)
    assert code == 0
    assert out.startswith("building a model of 1024 hidden units; its random orthogonal start takes a while")

    code, out, _ = run(["--hidden", "1023", "--epochs", "0"], capsys)
    assert code == 0
    assert "building a model" not in out


def test_large_model_same_seeded_weights(tmp_path, capsys):
    # From 1024 units on, train checks the settings before the draw; the seed still gives the same weights.
    from rnn_desktop.core.training import TrainConfig, Trainer

    weights = tmp_path / "large.npz"
    code, _, _ = run(["--hidden", "1024", "--epochs", "0", "--save", str(weights)], capsys)
    assert code == 0
    direct = Trainer(TrainConfig(hidden=1024), np.sin(np.arange(200.0)))
    saved = Trainer.from_file(weights, np.sin(np.arange(200.0)))
    assert all(np.array_equal(saved.model.params[name], direct.model.params[name]) for name in direct.model.params)


def test_diverged_run_exits_1(capsys):
    code, out, err = run(["--lr", "50", "--optimizer", "sgd", "--clip-norm", "none", "--epochs", "30",
                          "--hidden", "8"], capsys)
    assert code == 1
    assert "stop: diverged" in out
    assert "training diverged at epoch" in err
    assert err.rstrip().endswith("; lower --lr or set --clip-norm")


def test_divergence_with_clipping_lower_lr(capsys):
    # The default clips the gradient norm at 5, so "set --clip-norm" would ask for what is already on.
    code, out, err = run(["--lr", "1e6", "--epochs", "3", "--hidden", "8"], capsys)
    assert code == 1
    assert "stop: diverged" in out
    assert "Lower the learning rate (gradient clipping is already on)" in out
    assert err.rstrip().endswith("; lower --lr (clipping is already on)")


def test_divergence_before_any_update_blames_the_start(capsys):
    code, out, err = run(["--activation", "relu", "--init", "uniform", "--epochs", "3", "--hidden", "32"], capsys)

    assert code == 1
    assert "before any update: the starting weights already give it" in out
    assert ("training diverged in its first batch, before any update, so the starting weights cause it; "
            "use another --init or --activation") in err
    assert "lower --lr" not in err
    # No batch ran, so the epoch line and the stop line state that instead of a NaN loss and "after 1 epoch".
    assert "train_loss - (diverged in the first batch, before any update)" in out
    assert "nan" not in out.split("train_loss", 1)[1].split("val_loss", 1)[0]
    assert "stop: diverged in the first batch, before any update, in " in out
    assert "after 1 epoch" not in out


def test_cut_epoch_names_its_batches(capsys):
    code, out, _ = run(["--lr", "50", "--optimizer", "sgd", "--activation", "relu", "--epochs", "5"], capsys)

    epoch_lines = [line for line in out.splitlines() if line.startswith("epoch ")]
    assert code == 1
    assert "(1 of 7 batches)" in epoch_lines[-1]


def test_full_epoch_line_names_no_batches(capsys):
    code, out, _ = run(["--epochs", "2", "--hidden", "5"], capsys)

    assert code == 0
    assert "batches)" not in out


def test_load_onto_csv_warns(tmp_path, capsys):
    weights = tmp_path / "sine.npz"
    csv = tmp_path / "counts.csv"
    csv.write_text("month,count\n" + "".join(f"{i},{100 + 3 * i}\n" for i in range(144)))
    run(["--epochs", "1", "--hidden", "5", "--save", str(weights)], capsys)
    code, _, err = run(["--load", str(weights), "--csv", str(csv), "--epochs", "0"], capsys)
    assert code == 0
    assert f"warning: the weights in {weights} were trained on generator sine (200 values)" in err
    assert f"not on {csv}, column count (144 values)" in err


def test_load_onto_same_generator_no_warning(tmp_path, capsys):
    weights = tmp_path / "sine.npz"
    run(["--epochs", "1", "--hidden", "5", "--save", str(weights)], capsys)
    code, _, err = run(["--load", str(weights), "--epochs", "0"], capsys)
    assert code == 0
    assert err == ""


@pytest.mark.parametrize("argv, option, field", [
    (["--seq-len", "0"], "--seq-len", "seq_len"),
    (["--batch-size", "0"], "--batch-size", "batch_size"),
    (["--lr", "inf"], "--lr must be a number above 0, got inf", "error: lr"),
    (["--val-windows", "0"], "--val-windows", "val_windows"),
    (["--seq-len", "190"], "a smaller --seq-len", "seq_len"),
])
def test_errors_name_options(capsys, argv, option, field):
    code, _, err = run([*argv, "--epochs", "1"], capsys)
    assert code == 2
    assert option in err
    assert field not in err


@pytest.mark.parametrize("argv, expected", [
    (["--lr", "0"], "error: --lr must be a number above 0, got 0; set a positive value\n"),
    (["--momentum", "2"], "error: --momentum must be at least 0 and below 1, got 2\n"),
    (["--clip-norm", "-1"], "error: --clip-norm must be a number above 0, got -1; set a positive value, "
                            "or none (or 0) to turn it off\n"),
    (["--noise", "1e300"], "error: sine: --noise 1e+300 is out of range; use a value from 0 to 1000000.\n"),
])
def test_errors_show_values_as_typed(capsys, argv, expected):
    code, _, err = run([*argv, "--epochs", "1"], capsys)
    assert code == 2
    assert err.endswith(expected)


def test_settings_that_change_nothing_get_notes(capsys):
    code, out, err = run(["--momentum", "0.5", "--bptt-truncate", "100", "--batch-size", "1000", "--epochs", "1",
                          "--hidden", "4"], capsys)

    assert code == 0, err
    assert "note: --momentum applies to --optimizer momentum only, so adam does not use it\n" in out
    assert ("note: --bptt-truncate 100 is not below the window length 50, so backpropagation runs through the "
            "whole window, as without it\n") in out
    assert "note: --batch-size 1000 is more than the 100 training windows, so each epoch is one batch of 100\n" in out


def test_settings_in_use_get_no_notes(capsys):
    code, out, err = run(["--optimizer", "momentum", "--momentum", "0.5", "--bptt-truncate", "10", "--batch-size",
                          "100", "--epochs", "1", "--hidden", "4"], capsys)

    assert code == 0, err
    # One epoch predicts worse than repeating the last value; that note is about the result.
    settings_notes = [line for line in out.splitlines() if line.startswith("note:") and "naive" not in line]
    assert settings_notes == []


def test_load_of_folder_says_folder(tmp_path, capsys):
    code, _, err = run(["--load", str(tmp_path)], capsys)
    assert code == 2
    assert err.endswith(f"cannot load weights file {tmp_path}: it is a folder, not a weights file; "
                        "choose a .npz file inside it\n")


def test_error_keeps_core_params():
    from rnn_desktop.core.errors import ConfigError

    with pytest.raises(ConfigError) as caught:
        TrainConfig(batch_size=0).validate()
    assert caught.value.params["name"] == "batch_size"


def train_help(capsys):
    """Return ``train --help`` with its line wrapping undone."""
    with pytest.raises(SystemExit):
        main(["train", "--help"])
    return " ".join(capsys.readouterr().out.split())


@pytest.mark.parametrize("meaning", ["last K steps only; 0 or 'none' for full BPTT",
                                     "patience in epochs; 0 or 'none' to disable"])
def test_zero_means_off_in_help(capsys, meaning):
    assert meaning in train_help(capsys)


@pytest.mark.parametrize("option, field", [("--bptt-truncate", "bptt_truncate"), ("--patience", "patience")])
def test_zero_turns_option_off(option, field):
    args = build_parser().parse_args(["train", option, "0"])
    assert getattr(config_from_args(args), field) is None


def test_help_lists_every_generator_parameter(capsys):
    from rnn_desktop.core.generators import GENERATORS

    text = train_help(capsys)
    assert "sine_wave: period=20 (2 to 1000000), amplitude=1 (0 to 1000000), phase=0 (-6.283 to 6.283)" in text
    for name, spec in GENERATORS.items():
        assert f" {name}: " in text
        for param in spec.params:
            assert f"{param.name}=" in text


def test_help_shows_default_preset_values(capsys):
    default = TrainConfig()
    text = train_help(capsys)
    assert f"input window length in time steps (default: {default.seq_len})" in text
    assert f"hidden units (default: {default.hidden})" in text
    assert f"learning rate (default: {default.lr:g})" in text
    assert f"epochs to add to the saved ones (default: {default.epochs})" in text
    assert f"training windows per gradient step (default: {default.batch_size})" in text
    assert f"validation windows at the end of the series (default: {default.val_windows}, or" in text
    assert "(default for --csv: 0.2)" in text
    assert f"generated noise (default: {default.seed})" in text


def test_help_names_decimal_marks(capsys):
    text = train_help(capsys)
    assert "--decimal MARK decimal mark: '.' or ','" in text
    assert "{.,,}" not in text


def test_help_lists_generator_names(capsys):
    from rnn_desktop.core.generators import GENERATORS

    text = train_help(capsys)
    assert "built-in series: " + ", ".join(GENERATORS) + " (default: sine" in text


def test_option_names_leave_paths_alone():
    from rnn_desktop.commands.train import with_option_names

    message = "hidden 6 does not match the weights file /data/hidden/seq_len.npz, which has model.hidden 5"
    assert with_option_names(message, "hidden") == (
        "--hidden 6 does not match the weights file /data/hidden/seq_len.npz, which has model.hidden 5")


@pytest.mark.parametrize(("name", "n_train", "n_val"), [
    ("nile.csv", 40, 10), ("airpassengers.csv", 75, 19), ("sunspots_monthly.csv", 2502, 625),
])
def test_csv_default_split_is_fraction(name, n_train, n_val, tmp_path, capsys):
    summary = tmp_path / "summary.json"
    code, out, err = run(["--csv", str(SAMPLE_DATA / name), "--epochs", "1", "--hidden", "4",
                          "--json", str(summary)], capsys)

    assert code == 0, err
    assert f"{n_train} training and {n_val} validation windows" in out
    data = json.loads(summary.read_text())
    assert data["n_train"] == n_train
    assert data["n_val"] == n_val
    assert data["config"]["val_fraction"] == 0.2
    assert data["config"]["val_windows"] is None


def test_csv_explicit_val_windows_kept(capsys):
    code, out, err = run(["--csv", str(SAMPLE_DATA / "airpassengers.csv"), "--val-windows", "30", "--epochs", "1",
                          "--hidden", "4"], capsys)

    assert code == 0, err
    assert "64 training and 30 validation windows" in out


def test_load_onto_short_series_advice(tmp_path, capsys):
    weights = tmp_path / "air.npz"
    code, _, err = run(["--csv", str(SAMPLE_DATA / "airpassengers.csv"), "--epochs", "1", "--hidden", "4",
                        "--save", str(weights)], capsys)
    assert code == 0, err

    code, _, err = run(["--csv", str(SAMPLE_DATA / "nile.csv"), "--load", str(weights), "--val-windows", "60"],
                       capsys)

    assert code == 2
    assert "need windows of 50 values" in err
    assert "fewer than the 111 needed" in err
    assert "--val-windows or --val-fraction" in err
    # The weights fix the window length, so the message must not suggest changing it.
    assert "seq-len" not in err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signal_name, code, name", [("SIGINT", 130, "Ctrl+C"), ("SIGTERM", 143, "SIGTERM")])
def test_stop_signal_exits_with_outputs(tmp_path, signal_name, code, name):
    import signal

    weights, summary = tmp_path / "w.npz", tmp_path / "run.json"
    process = subprocess.Popen([sys.executable, "-m", "rnn_desktop", "train", "--epochs", "100000", "--patience",
                                "none", "--hidden", "4", "--save", str(weights), "--json", str(summary)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first_line = process.stdout.readline()
    epoch_line = process.stdout.readline()
    process.send_signal(getattr(signal, signal_name))
    out, err = process.communicate(timeout=120)

    assert first_line.startswith("training on 200 values from generator sine")
    assert epoch_line.startswith("epoch ")
    assert process.returncode == code, err
    assert f"rnn-desktop train: training interrupted by {name} after" in err
    assert "--save and --json written for the epochs done" in err
    assert f"saved weights to {weights}" in out
    data = json.loads(summary.read_text())
    assert data["stop_reason"] == "stopped"
    # The signal lands inside an epoch or between two.
    assert data["reason"] in (f"stopped by {name} in epoch {data['epochs_run']}, which counts with the batches it ran",
                              f"stopped by {name} after epoch {data['epochs_run']}")
    assert data["epochs_run"] >= 1
    assert load_weights(weights).metadata["epoch"] == data["epochs_run"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_during_setup_writes_nothing(tmp_path, capsys, monkeypatch):
    import os
    import signal

    from rnn_desktop.commands import train

    def build_then_interrupt(*args, **kwargs):
        trainer = Trainer(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGINT)  # as if Ctrl+C came while a large model was built
        return trainer

    monkeypatch.setattr(train, "Trainer", build_then_interrupt)
    weights = tmp_path / "w.npz"
    weights.write_bytes(b"the user's earlier file")

    code, out, err = run(["--epochs", "5", "--hidden", "4", "--save", str(weights)], capsys)

    assert code == 130
    assert "stop requested; stopping before training starts" in err
    assert "stopped by Ctrl+C before training started; nothing was written" in err
    assert "epoch" not in out
    assert weights.read_bytes() == b"the user's earlier file"
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_after_last_epoch(tmp_path, capsys, monkeypatch):
    import os
    import signal

    from rnn_desktop.commands import train

    def summary_then_interrupt(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGINT)  # as if Ctrl+C came while the outputs were prepared
        return build_summary(*args, **kwargs)

    build_summary = train.build_summary
    monkeypatch.setattr(train, "build_summary", summary_then_interrupt)
    weights, summary = tmp_path / "w.npz", tmp_path / "run.json"

    code, out, err = run(["--epochs", "2", "--hidden", "4", "--save", str(weights), "--json", str(summary)], capsys)

    assert code == 0, err
    assert "stop requested after training ended; the outputs are still written" in err
    assert "finishing the current batch" not in err
    assert "stop: completed after 2 epochs" in out
    assert json.loads(summary.read_text())["stop_reason"] == "completed"
    assert load_weights(weights).metadata["epoch"] == 2


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_inherited_ignored_ctrl_c_is_heard(tmp_path, capsys):
    import signal

    # A shell starts "rnn-desktop train ... &" with SIGINT ignored; Ctrl+C must still stop it from the start.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        main(["inspect", str(tmp_path / "absent.csv")])
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, previous)
    capsys.readouterr()


def write_rows(tmp_path, name, header, rows):
    path = tmp_path / name
    path.write_text(header + "\n" + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def test_first_line_names_column_and_time_axis(tmp_path, capsys):
    months = [f"{1950 + i // 12}-{i % 12 + 1:02d}" for i in range(80)]
    path = write_rows(tmp_path, "monthly.csv", "month,passengers", [f"{m},{100 + i % 7}" for i, m in enumerate(months)])

    code, out, err = run(["--csv", str(path), "--epochs", "1", "--hidden", "4", "--seq-len", "5"], capsys)

    assert code == 0, err
    assert out.startswith(f"training on 80 values of column 'passengers' from {path}, time axis 'month': ")


def test_all_na_value_column_rejected(tmp_path, capsys):
    path = write_rows(tmp_path, "allmissing.csv", "t,value", [f"{i},NA" for i in range(80)])

    code, out, err = run(["--csv", str(path), "--epochs", "1"], capsys)

    assert code == 2
    assert out == ""
    assert f"{path}: every value in column 'value' is missing" in err
    assert "Fill in column 'value', or choose another column, such as 't'." in err


def test_all_na_column_with_column_option_trains(tmp_path, capsys):
    path = write_rows(tmp_path, "allmissing.csv", "t,value", [f"{i},NA" for i in range(80)])

    code, out, err = run(["--csv", str(path), "--column", "t", "--epochs", "1", "--seq-len", "5"], capsys)

    assert code == 0, err
    assert out.startswith(f"training on 80 values of column 't' from {path}: ")
    assert err == ""


def test_blank_value_column_named_in_warning(tmp_path, capsys):
    path = write_rows(tmp_path, "blank.csv", "t,value", [f"{i}," for i in range(80)])

    code, out, err = run(["--csv", str(path), "--epochs", "1", "--seq-len", "5"], capsys)

    assert code == 0, err
    assert out.startswith(f"training on 80 values of column 't' from {path}: ")
    assert (f"warning: every value in column 'value' of {path} is missing, so the default column is 't'; "
            "if 'value' is the series, fill it in, or choose the column with --column") in err


def test_blank_notes_column_keeps_default(tmp_path, capsys):
    rows = [f"{i},{(i * 3) % 10 + 0.5}," for i in range(80)]
    path = write_rows(tmp_path, "notes.csv", "t,value,notes", rows)

    code, out, err = run(["--csv", str(path), "--epochs", "1", "--seq-len", "5"], capsys)

    assert code == 0, err
    assert out.startswith(f"training on 80 values of column 'value' from {path}: ")
    assert "every value in column 'notes'" in err


def write_levels(path):
    path.write_text("day;level\n" + "".join(f"{i};{np.cos(0.2 * i):.4f}".replace(".", ",") + "\n"
                                            for i in range(150)), encoding="utf-8")


def test_load_without_data_uses_recorded_csv(tmp_path, capsys):
    data = tmp_path / "levels.csv"
    write_levels(data)
    weights = tmp_path / "w.npz"
    assert run(["--csv", str(data), "--epochs", "2", "--hidden", "6", "--save", str(weights)], capsys)[0] == 0
    assert load_weights(weights).metadata["data"]["origin"]["path"] == str(data.resolve())

    code, out, err = run(["--load", str(weights), "--epochs", "1"], capsys)

    assert code == 0, err
    assert out.splitlines()[0] == f"using the data recorded in {weights}"
    assert f"of column 'level' from {data}" in out.splitlines()[1]
    assert "warning" not in err


def test_load_with_recorded_csv_gone_exits_2(tmp_path, capsys):
    data = tmp_path / "levels.csv"
    write_levels(data)
    weights = tmp_path / "w.npz"
    assert run(["--csv", str(data), "--epochs", "1", "--hidden", "6", "--save", str(weights)], capsys)[0] == 0
    data.unlink()

    code, out, err = run(["--load", str(weights), "--epochs", "1"], capsys)

    assert code == 2
    assert f"{weights} was trained on {data.resolve()}, which could not be read again" in err
    assert "give the data with --csv or --generator" in err


def test_load_with_data_options_keeps_them(tmp_path, capsys):
    data = tmp_path / "levels.csv"
    write_levels(data)
    weights = tmp_path / "w.npz"
    assert run(["--csv", str(data), "--epochs", "1", "--hidden", "6", "--seq-len", "20",
                "--save", str(weights)], capsys)[0] == 0

    code, out, err = run(["--load", str(weights), "--generator", "sine", "--epochs", "1"], capsys)

    assert code == 0, err
    assert "using the data recorded" not in out
    assert "from generator sine" in out.splitlines()[0]


@pytest.mark.parametrize("option", ["--json", "--save"])
def test_output_over_recorded_csv_rejected(tmp_path, capsys, option):
    data = tmp_path / "levels.csv"
    write_levels(data)
    weights = tmp_path / "w.npz"
    assert run(["--csv", str(data), "--epochs", "1", "--hidden", "6", "--save", str(weights)], capsys)[0] == 0
    before = data.read_bytes()

    code, out, err = run(["--load", str(weights), "--epochs", "1", option, str(data)], capsys)

    assert code == 2
    assert f"{option} {data} is also the CSV file that {weights} records" in err
    assert data.read_bytes() == before


def test_csv_option_without_csv_rejected(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["train", "--column", "value", "--epochs", "1"])
    assert caught.value.code == 2
    assert "rnn-desktop train: error: --column needs --csv" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["train", "gui"])
def test_preset_with_load_rejected(tmp_path, capsys, command):
    weights = tmp_path / "w.npz"
    run(["--epochs", "1", "--hidden", "4", "--save", str(weights)], capsys)

    with pytest.raises(SystemExit) as caught:
        main([command, "--load", str(weights), "--preset", "tutorial"])

    assert caught.value.code == 2
    assert f"rnn-desktop {command}: error: --preset cannot be combined with --load" in capsys.readouterr().err


def test_diverged_run_keeps_existing_save(tmp_path, capsys):
    weights = tmp_path / "d.npz"
    assert run(["--epochs", "1", "--hidden", "8", "--save", str(weights)], capsys)[0] == 0
    before = weights.read_bytes()

    code, out, err = run(["--lr", "50", "--optimizer", "sgd", "--clip-norm", "none", "--epochs", "3",
                          "--hidden", "8", "--save", str(weights)], capsys)

    assert code == 1
    assert weights.read_bytes() == before
    assert "saved weights" not in out
    assert err.rstrip().endswith(f"; --save {weights} was not written, so it keeps what it held before this run")


def test_diverged_run_writes_no_new_save(tmp_path, capsys):
    weights = tmp_path / "new.npz"
    summary = tmp_path / "run.json"
    code, _, err = run(["--lr", "50", "--optimizer", "sgd", "--clip-norm", "none", "--epochs", "3",
                        "--save", str(weights), "--json", str(summary)], capsys)

    assert code == 1
    assert not weights.exists()
    assert err.rstrip().endswith(f"; --save {weights} was not written")
    # The summary describes the run, so it is written.
    assert json.loads(summary.read_text(encoding="utf-8"))["stop_reason"] == "diverged"


def test_ragged_rows_and_constant_column_warned(tmp_path, capsys):
    path = tmp_path / "stations.csv"
    rows = [f"{i},{20 + 5 * np.sin(i / 5):.2f},1001" for i in range(150)]
    rows[10] += ",9"
    path.write_text("t,temperature,station_id\n" + "\n".join(rows) + "\n", encoding="utf-8")

    code, out, err = run(["--csv", str(path), "--epochs", "1", "--hidden", "4"], capsys)

    assert code == 0, err
    assert f"warning: 1 row has more or fewer cells than the first row of {path} (line 12)" in err
    assert f"warning: every value in column 'station_id' of {path} is 1001; if another column" in err
    code, out, err = run(["--csv", str(path), "--column", "temperature", "--epochs", "1", "--hidden", "4"], capsys)
    assert "every value in column" not in err


def test_thousands_reading_noted(tmp_path, capsys):
    path = tmp_path / "visits.csv"
    rows = [f"{i};{value // 1000}.{value % 1000:03d}" if value >= 1000 else f"{i};{value}"
            for i, value in ((i, 900 + (i * 37) % 400) for i in range(120))]
    path.write_text("giorno;visite\n" + "\n".join(rows) + "\n", encoding="utf-8")

    code, out, err = run(["--csv", str(path), "--epochs", "1", "--hidden", "4"], capsys)

    assert code == 0, err
    assert "note: '.' is read as a thousands separator ('1.011' is 1011)" in out


def test_units_row_file_trains(tmp_path, capsys):
    path = tmp_path / "weather.csv"
    rows = "".join(f"2024-01-{day:02d},{day % 5 + 2.5},,{70 + day % 11}\n" for day in range(1, 31))
    path.write_text("date,temperature,,humidity\n,°C,,%\n" + rows, encoding="utf-8")

    code, out, err = run(["--csv", str(path), "--epochs", "1", "--hidden", "4", "--seq-len", "5"], capsys)

    assert code == 0, err
    assert "training on 30 values of column 'humidity'" in out
    assert "note: line 2 contains units (temperature: °C, humidity: %), so it is not read as data" in out


def test_newest_first_file_trains_same(tmp_path, capsys):
    rows = (SAMPLE_DATA / "airpassengers.csv").read_text(encoding="utf-8").splitlines()
    reversed_file = tmp_path / "newest_first.csv"
    reversed_file.write_text("\n".join([rows[0], *rows[:0:-1]]) + "\n", encoding="utf-8")
    options = ["--epochs", "2", "--hidden", "4"]

    _, forward, _ = run(["--csv", str(SAMPLE_DATA / "airpassengers.csv"), *options], capsys)
    code, backward, err = run(["--csv", str(reversed_file), *options], capsys)

    assert code == 0, err
    assert "run from newest to oldest by 'month', so they were read bottom up, oldest first" in backward
    def losses(out):  # the epoch lines without their seconds and samples/s
        return [line.rsplit("  ", 2)[0] for line in out.splitlines() if line.startswith("epoch")]

    assert losses(backward) == losses(forward)


def test_wrong_delimiter_warned_by_header_cells(tmp_path, capsys):
    path = tmp_path / "vendite.csv"
    rows = [f"{day:02d}/01/2020;Torino;{1000 + day * 7},{day:02d}" for day in range(1, 29)]
    path.write_text("Data;Citta;Vendite\n" + "\n".join(rows) + "\n", encoding="utf-8")

    code, out, err = run(["--csv", str(path), "--delimiter", ",", "--column", "1", "--seq-len", "5",
                          "--epochs", "1", "--hidden", "4"], capsys)

    assert code == 0, err
    assert ("the header row has 1 cell and most data rows have 2, so some columns lack a name or values; "
            "if the delimiter ',' is wrong, give the right one with --delimiter") in err


def test_decimal_comma_rows_warned(tmp_path, capsys):
    path = tmp_path / "prezzi.csv"
    rows = [f"{100 + (day * 7) % 5},{(day * 37) % 100}" for day in range(60)]
    rows[2] = "101,05"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")

    code, out, err = run(["--csv", str(path), "--seq-len", "5", "--epochs", "1", "--hidden", "4"], capsys)

    assert code == 0, err
    assert out.startswith(f"training on 60 values of column 'column 1' from {path}: ")
    assert (f"warning: in {path}, every row is two whole numbers separated by a comma (line 1: 100,0, and "
            "line 3: 101,05 with a leading 0 after the comma, as decimals have); if the file is one column of "
            "numbers with decimal commas, such as 100,0 for 100.0, read it with --decimal ,") in err
    code, out, err = run(["--csv", str(path), "--decimal", ",", "--seq-len", "5", "--epochs", "1",
                          "--hidden", "4"], capsys)
    assert code == 0, err
    assert out.startswith(f"training on 60 values of column 'column 0' from {path}: ")
    assert "two whole numbers" not in err


def test_decimal_comma_rows_not_warned_with_delimiter(tmp_path, capsys):
    path = tmp_path / "prezzi.csv"
    rows = [f"{100 + (day * 7) % 5},{(day * 37) % 100:02d}" for day in range(60)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")

    code, out, err = run(["--csv", str(path), "--delimiter", ",", "--seq-len", "5", "--epochs", "1",
                          "--hidden", "4"], capsys)

    assert code == 0, err
    assert err == ""


@pytest.mark.parametrize("policy, done", [
    ("interpolate", "filled in, linearly between neighbours and with the nearest value at either end"),
    ("drop", "left out with their rows"),
])
def test_missing_values_noted(tmp_path, capsys, policy, done):
    path = tmp_path / "gaps.csv"
    rows = [f"{i},{'' if i in (4, 9) else round(np.sin(i), 4)}" for i in range(120)]
    path.write_text("t,level\n" + "\n".join(rows) + "\n", encoding="utf-8")

    code, out, err = run(["--csv", str(path), "--missing", policy, "--epochs", "1", "--hidden", "4"], capsys)

    assert code == 0, err
    assert f"note: 2 missing values were {done} (lines 6, 11); --missing chooses how" in out
    assert "are missing" not in err  # 2 of 120 is no reason for a warning


def test_many_missing_values_warned(tmp_path, capsys):
    # An exported predictions file: its 50 forecast rows have no actual value.
    path = tmp_path / "predictions.csv"
    rows = [f"{i},{round(np.sin(i), 4) if i < 100 else ''}" for i in range(150)]
    path.write_text("position,actual\n" + "\n".join(rows) + "\n", encoding="utf-8")

    code, _, err = run(["--csv", str(path), "--epochs", "1", "--hidden", "4"], capsys)

    assert code == 0, err
    assert (f"warning: 33% of the values of {path} are missing, so the model learns from and is validated on "
            "values that are not in the file") in err


def test_one_training_window_noted(tmp_path, capsys):
    path = tmp_path / "short.csv"
    path.write_text("v\n1\n2\n3\n", encoding="utf-8")

    code, out, err = run(["--csv", str(path), "--seq-len", "1", "--epochs", "1", "--hidden", "4"], capsys)

    assert code == 0, err
    assert ("note: only 1 training window of 1 value, too few for the model to learn much from; a longer series "
            "trains better") in out


def test_far_value_warned(tmp_path, capsys):
    path = tmp_path / "levels.csv"
    rows = [f"{i},{20 + 5 * np.sin(i / 5):.2f}" for i in range(150)]
    rows[30] = "30,1e308"
    path.write_text("t,level\n" + "\n".join(rows) + "\n", encoding="utf-8")

    code, out, err = run(["--csv", str(path), "--epochs", "1", "--hidden", "4"], capsys)

    assert code == 0, err
    assert (f"warning: 1 value lies far from the others in column 'level' of {path} (line 32: 1e+308), "
            "more than 100 times the interquartile range from the median") in err


def test_json_train_loss_of_restored_epoch(tmp_path, capsys):
    summary_path = tmp_path / "s.json"
    code, out, err = run(["--epochs", "400", "--json", str(summary_path)], capsys)
    assert code == 0, err
    summary = json.loads(summary_path.read_text(encoding="utf-8"))
    assert summary["stop_reason"] == "early_stopping"

    weights = tmp_path / "w.npz"
    run(["--epochs", "400", "--save", str(weights)], capsys)
    history = load_weights(weights).history
    restored = history[-1]["extra"]["restored_epoch"]
    assert restored < len(history)
    assert summary["train_loss"] == history[restored - 1]["train_loss"]
    assert summary["kept_epoch"] == restored
    assert summary["train_loss"] != history[-1]["train_loss"]


def test_load_stop_line_counts_run(tmp_path, capsys):
    weights = tmp_path / "w.npz"
    run(["--epochs", "3", "--hidden", "4", "--patience", "none", "--save", str(weights)], capsys)

    code, out, err = run(["--load", str(weights), "--epochs", "2"], capsys)

    assert code == 0, err
    assert "stop: completed after 5 epochs (2 in this run) in " in out


@pytest.mark.parametrize(("options", "expected"), [
    (["--noise", "-1"], "sine: --noise -1 is out of range; use a value from 0 to 1000000."),
    (["--seed", "99999999999999999999"],
     "sine: --seed 99999999999999999999 is out of range; use a value from 0 to 4294967295."),
    (["--generator", "sine_wave", "--param", "period=0"],
     "sine_wave: --param period=0 is out of range; use a value from 2 to 1000000."),
    (["--length", "10"], "use a longer series (--length), a smaller --seq-len or fewer validation windows "
                         "(--val-windows or --val-fraction)"),
    (["--length", "52"], "use a longer series (--length), a smaller --seq-len (at most 1) or fewer validation "
                         "windows (--val-windows at most 1)"),
])
def test_generator_errors_name_options(options, expected, capsys):
    from rnn_desktop.cli import main

    assert main(["train", *options]) == 2

    assert expected in capsys.readouterr().err


def test_batch_line_counts_long_epochs_only(monkeypatch):
    import io

    from rnn_desktop.commands import train as train_command

    clock = {"now": 100.0}
    monkeypatch.setattr(train_command.time, "perf_counter", lambda: clock["now"])
    stream = io.StringIO()
    line = train_command.BatchProgressLine(stream, total_epochs=3)

    line.show(1, 10, 1000)  # the epoch has just begun
    clock["now"] += 0.9
    line.show(1, 90, 1000)
    assert stream.getvalue() == ""

    clock["now"] += 0.2
    line.show(1, 110, 1000)
    clock["now"] += 0.1
    line.show(1, 120, 1000)  # within the update interval
    line.clear()

    assert stream.getvalue() == "\repoch 1/3: batch 110 of 1000\r\x1b[K"


@pytest.mark.parametrize("option", [["--delimiter", ";"], ["--decimal", ","]])
def test_columns_read_as_one_are_refused(tmp_path, capsys, option):
    path = tmp_path / "flow.csv"
    path.write_text("year,flow\n" + "".join(f"{1871 + i},{1100 + (i * 37) % 300}\n" for i in range(80)),
                    encoding="utf-8")

    code, out, err = run(["--csv", str(path), "--epochs", "1", "--hidden", "4", "--seq-len", "5", *option], capsys)

    # Trained on, "1871,1100" would be the number 1871.11, so nothing trains.
    assert code == 2
    assert "epoch 1/1" not in out
    assert (f"error: in {path}, the file reads as one column, but the header and the rows split at ',' into "
            "2 columns (year, flow); if ',' separates the columns, use --delimiter ',' with --decimal ., or "
            "leave those options out to detect them") in err


def test_decimal_comma_column_no_delimiter_note(tmp_path, capsys):
    path = tmp_path / "level.csv"
    path.write_text("level\n" + "".join(f"{i % 7},5\n" for i in range(80)), encoding="utf-8")

    code, _, err = run(["--csv", str(path), "--epochs", "1", "--hidden", "4", "--seq-len", "5",
                        "--delimiter", ";"], capsys)

    assert code == 0
    assert "reads as one column" not in err


def test_header_and_rows_with_other_delimiters_are_named(tmp_path, capsys):
    path = tmp_path / "mixed.csv"
    path.write_text("id;value\n" + "".join(f"{i},{250 + i}.5\n" for i in range(1, 61)), encoding="utf-8")

    # Detected, the rows' comma is the delimiter and the header's names split at ';'.
    code, out, err = run(["--csv", str(path), "--epochs", "1", "--hidden", "4", "--seq-len", "5"], capsys)
    assert code == 0
    assert f"of column 'value' from {path}" in out
    assert "reads as one column" not in err

    # A hand-chosen '|' leaves every line whole, which the error explains.
    code, _, err = run(["--csv", str(path), "--delimiter", "|", "--epochs", "1", "--hidden", "4", "--seq-len", "5"],
                       capsys)
    assert code == 2
    assert (f"error: in {path}, the file reads as one column, but its header splits at ';' into 2 columns "
            "(id, value) and its rows at ','; if ',' separates the columns, use --delimiter ',', or leave those "
            "options out to detect them") in err



def test_few_training_windows_suggest_shorter_window(tmp_path, capsys):
    path = tmp_path / "sixty.csv"
    path.write_text("value\n" + "".join(f"{i % 7 + 0.5}\n" for i in range(60)), encoding="utf-8")

    code, out, _ = run(["--csv", str(path), "--epochs", "1", "--hidden", "4"], capsys)

    assert code == 0
    assert "8 training and 2 validation windows of 50" in out
    assert "note: only 8 training windows of 50 values; --seq-len 15 (a quarter of the series) gives 36\n" in out


def test_enough_training_windows_get_no_note(capsys):
    code, out, _ = run(["--epochs", "1", "--hidden", "4"], capsys)

    assert code == 0
    assert "training windows of" not in out


def test_load_of_diverged_file_says_so(tmp_path, capsys):
    weights = tmp_path / "diverged.npz"
    trainer = Trainer(TrainConfig(lr=50.0, optimizer="sgd", clip_norm=None, epochs=5, hidden=8),
                      np.sin(np.arange(200.0)))
    assert trainer.run() == "diverged"
    trainer.save(str(weights))

    code, out, _ = run(["--load", str(weights), "--epochs", "0", "--lr", "0.01"], capsys)

    assert code == 0
    assert (f"note: {weights} was saved after training diverged at epoch 1 (--lr 50); its weights may predict "
            "far off and diverge again when trained further, so train from fresh weights (without --load) with "
            "a lower --lr or a --clip-norm\n") in out
    # No epoch ran, so the reason of the diverged run is not repeated as this run's.
    assert "divergence limit" not in out


def test_continued_run_compares_with_loaded_weights(tmp_path, capsys):
    weights = tmp_path / "nile.npz"
    csv = str(SAMPLE_DATA / "nile.csv")
    assert run(["--csv", csv, "--save", str(weights)], capsys)[0] == 0

    code, out, _ = run(["--csv", csv, "--load", str(weights), "--epochs", "5", "--save", str(weights)], capsys)

    assert code == 0
    loaded = re.search(rf"note: the weights loaded from {re.escape(str(weights))} give val_rmse ([\d.]+) on this data\n",
                       out)
    assert loaded is not None
    final = re.search(r"stop: completed after \d+ epochs \(5 in this run\) in [\d.]+ s; val_rmse ([\d.]+)", out)
    assert final is not None
    # Five epochs on from the early-stopped weights end worse here, which the note reports.
    assert float(final.group(1)) > float(loaded.group(1))
    assert (f"note: val_rmse rose from {loaded.group(1)} (the weights loaded from {weights}) to {final.group(1)}; "
            f"{weights} gets the weights of this run\n") in out


@pytest.mark.parametrize(("n_train", "n_val", "expected"), [
    (8, 2, "8 training and 2 validation windows"),
    (1, 1, "1 training and 1 validation window"),
    (3, 1, "3 training windows and 1 validation window"),
    (1, 4, "1 training window and 4 validation windows"),
])
def test_split_counts_take_their_own_noun(n_train, n_val, expected):
    from rnn_desktop.commands.train import describe_split

    assert describe_split(n_train, n_val) == expected


def test_given_delimiter_other_than_detected_warns(tmp_path, capsys):
    path = tmp_path / "semi.csv"
    path.write_text("date,value\n" + "".join(f"2021-01-{day:02d};{day % 7 + 2},{day % 9}5\n" for day in range(1, 29)),
                    encoding="utf-8")

    code, _, err = run(["--csv", str(path), "--delimiter", ",", "--epochs", "1", "--hidden", "4", "--seq-len", "5"],
                       capsys)

    assert code == 0
    assert (f"warning: in {path}, the rows were split at the given --delimiter ',', but detection chooses ';'; "
            "if ';' separates the columns, leave --delimiter out\n") in err


def test_flat_generated_series_warns(capsys):
    code, _, err = run(["--generator", "sine_wave", "--param", "amplitude=0", "--epochs", "1", "--hidden", "4"], capsys)

    assert code == 0
    assert ("rnn-desktop train: warning: every value of generator sine_wave is 0, so there is nothing to learn; "
            "check its --param values\n") in err


@pytest.mark.parametrize("stop_at, expected", [
    (1, "stopped by Ctrl+C in epoch 1 before its first batch ended; the weights are unchanged"),
    (3, "stopped by Ctrl+C in epoch 1, which counts with the batches it ran"),
])
def test_stopped_reason_names_stop_point(stop_at, expected):
    from rnn_desktop.commands.train import stopped_reason
    from rnn_desktop.core.training import TrainConfig, Trainer, TrainingControl

    class StopAt(TrainingControl):
        calls = 0

        def checkpoint(self):
            self.calls += 1
            if self.calls == stop_at:
                self.request_stop()
            return super().checkpoint()

    trainer = Trainer(TrainConfig(hidden=4, epochs=2, batch_size=16), np.sin(np.arange(200.0)), StopAt())
    trainer.run()

    assert stopped_reason(trainer, 0, "Ctrl+C") == expected


def test_stopped_reason_between_epochs():
    from rnn_desktop.commands.train import stopped_reason
    from rnn_desktop.core.training import TrainConfig, Trainer

    trainer = Trainer(TrainConfig(hidden=4, epochs=3, batch_size=16), np.sin(np.arange(200.0)))
    trainer.run(on_epoch=lambda report: trainer.control.request_stop() if report.epoch == 2 else None)

    assert stopped_reason(trainer, 0, None) == "stopped after epoch 2"
    assert stopped_reason(trainer, 2, "SIGTERM").startswith("stopped by SIGTERM in epoch 3 before its first batch")


def test_worse_than_naive_gets_a_note(capsys):
    code, out, err = run(["--epochs", "1", "--hidden", "4"], capsys)

    assert code == 0, err
    notes = [line for line in out.splitlines() if line.startswith("note:")]
    assert len(notes) == 1
    assert "is above naive persistence's 0.679602" in notes[0]


def test_well_trained_run_gets_no_quality_note(capsys):
    code, out, err = run(["--epochs", "300"], capsys)

    assert code == 0, err
    assert "stop: early_stopping" in out
    assert "note:" not in out


def test_better_earlier_epoch_gets_a_note():
    from rnn_desktop.commands.train import quality_notes
    from rnn_desktop.core.training import TrainConfig, Trainer

    trainer = Trainer(TrainConfig(epochs=30, patience=None), np.sin(np.arange(200.0)))
    trainer.run()
    last = trainer.history[-1].val_rmse
    best = min(trainer.history, key=lambda report: report.val_rmse)

    notes = quality_notes(trainer, 0, last)

    assert best.val_rmse * 1.1 < last, "this seed's last epoch is not its best"
    assert notes == [f"epoch {best.epoch} had this run's lowest val_rmse, {best.val_rmse:.6g}, but the weights are "
                     "those of epoch 30; only early stopping (--patience) goes back to the best epoch"]
    assert quality_notes(trainer, 0, best.val_rmse) == []
