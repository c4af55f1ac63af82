"""File options of train, inspect and gui: outputs never replace an input, and bad paths fail before work starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rnn_desktop.cli import main
from rnn_desktop.core.generators import generate
from rnn_desktop.core.training import TrainConfig, Trainer

CSV_TEXT = "t,value\n" + "".join(f"{i},{(i * 7) % 11 + 0.5}\n" for i in range(80))
FAST = ["--epochs", "1", "--hidden", "4", "--seq-len", "5"]


def write_csv(tmp_path: Path, name: str = "data.csv") -> Path:
    path = tmp_path / name
    path.write_text(CSV_TEXT, encoding="utf-8")
    return path


def write_weights(path: Path, hidden: int = 4) -> Path:
    trainer = Trainer(TrainConfig().replace(epochs=1, hidden=hidden, seq_len=5, batch_size=16, patience=None),
                      generate("sine", length=80).values)
    trainer.run()
    trainer.save(path)
    return path


def run_train(capsys, *options: str) -> tuple[int, str, str]:
    code = main(["train", *options])
    out, err = capsys.readouterr()
    return code, out, err


def run_gui(tmp_path: Path, *options: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    return subprocess.run([sys.executable, "-m", "rnn_desktop", "gui", *options], capture_output=True,
                          text=True, timeout=300, env=env, cwd=tmp_path)


# train: outputs over inputs


def test_train_save_over_csv_rejected(tmp_path, capsys):
    csv = write_csv(tmp_path)

    code, out, err = run_train(capsys, "--csv", str(csv), "--save", str(csv), *FAST)

    assert code == 2
    assert f"--save {csv} is also the --csv input; choose another file name for --save" in err
    assert out == ""  # nothing trained
    assert csv.read_text(encoding="utf-8") == CSV_TEXT


def test_train_json_over_csv_rejected(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    csv = write_csv(tmp_path, "n2.csv")

    code, out, err = run_train(capsys, "--csv", "n2.csv", "--json", "./n2.csv", *FAST)

    assert code == 2
    assert "--json ./n2.csv is also the --csv input; choose another file name for --json" in err
    assert out == ""
    assert csv.read_text(encoding="utf-8") == CSV_TEXT


def test_train_json_over_csv_symlink_rejected(tmp_path, capsys):
    csv = write_csv(tmp_path)
    link = tmp_path / "link.csv"
    link.symlink_to(csv)

    code, _, err = run_train(capsys, "--csv", str(csv), "--json", str(link), *FAST)

    assert code == 2
    assert "is also the --csv input" in err
    assert csv.read_text(encoding="utf-8") == CSV_TEXT
    assert link.is_symlink()


def test_train_json_over_loaded_weights_rejected(tmp_path, capsys):
    weights = write_weights(tmp_path / "r.npz")
    before = weights.read_bytes()

    code, out, err = run_train(capsys, "--load", str(weights), "--json", str(weights), "--epochs", "1")

    assert code == 2
    assert f"--json {weights} is also the --load input; choose another file name for --json" in err
    assert out == ""
    assert weights.read_bytes() == before


def test_train_save_and_json_same_file_rejected(tmp_path, capsys):
    same = tmp_path / "same.npz"

    code, out, err = run_train(capsys, "--save", str(same), "--json", str(same), *FAST)

    assert code == 2
    assert f"--json {same} is also the --save output; choose another file name for --json" in err
    assert out == ""
    assert not same.exists()


def test_train_save_over_load_updates_weights(tmp_path, capsys):
    weights = write_weights(tmp_path / "w.npz")

    code, out, err = run_train(capsys, "--load", str(weights), "--save", str(weights), "--epochs", "2")

    assert code == 0, err
    assert f"saved weights to {weights}" in out
    again = Trainer.from_file(weights, generate("sine", length=80).values)
    assert again.epoch == 3


# train: empty and unwritable paths


@pytest.mark.parametrize("option", ["--save", "--json", "--csv", "--load"])
def test_train_empty_path_rejected(capsys, option):
    code, out, err = run_train(capsys, option, "", *FAST)

    assert code == 2
    assert f"rnn-desktop train: error: {option} needs a file name, got ''" in err
    assert out == ""


@pytest.mark.parametrize("option", ["--save", "--json", "--csv", "--load"])
def test_train_dash_path_rejected(tmp_path, capsys, monkeypatch, option):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_train(capsys, option, "-", *FAST)

    assert code == 2
    assert (f"rnn-desktop train: error: {option} '-' would name a file called '-': rnn-desktop reads and writes "
            "files only, not standard input or output; give a file name (./- for a file called '-')") in err
    assert out == ""
    assert list(tmp_path.iterdir()) == []


def test_train_json_unwritable_folder_rejected(capsys):
    code, out, err = run_train(capsys, "--json", "/proc/nope.json", *FAST)

    assert code == 2
    assert "cannot write --json /proc/nope.json: no file can be created in the folder /proc" in err
    assert out == ""


# inspect --json


def test_inspect_json_over_csv_rejected(tmp_path, capsys):
    csv = write_csv(tmp_path)

    code = main(["inspect", str(csv), "--json", str(csv)])

    out, err = capsys.readouterr()
    assert code == 2
    assert f"--json {csv} is also the CSV input; choose another file name for --json" in err
    assert out == ""
    assert csv.read_text(encoding="utf-8") == CSV_TEXT


def test_inspect_json_folder_rejected(tmp_path, capsys):
    csv = write_csv(tmp_path)

    code = main(["inspect", str(csv), "--json", str(tmp_path)])

    out, err = capsys.readouterr()
    assert code == 2
    assert f"cannot write --json {tmp_path}: it is a folder; give a file name inside it" in err
    assert out == ""


@pytest.mark.parametrize(("argv", "expected"), [
    (["", "--json", "out.json"], "the CSV path needs a file name"),
    (["data.csv", "--json", ""], "--json needs a file name"),
])
def test_inspect_empty_path_rejected(tmp_path, capsys, monkeypatch, argv, expected):
    monkeypatch.chdir(tmp_path)
    write_csv(tmp_path)

    code = main(["inspect", *argv])

    _, err = capsys.readouterr()
    assert code == 2
    assert expected in err
    assert not (tmp_path / "out.json").exists()


# gui: the same rules, before the window opens


@pytest.mark.parametrize(("options", "expected"), [
    (["--screenshot", "{tmp}"], "cannot write --screenshot {tmp}: it is a folder; give a file name inside it"),
    (["--screenshot", "{tmp}/missing/x.png"], "cannot write --screenshot {tmp}/missing/x.png: the folder "
                                             "{tmp}/missing does not exist"),
    (["--screenshot", "{tmp}/shot.txt"], "the name must end in an image type, such as .png or .jpg"),
    (["--report", "{tmp}"], "cannot write --report {tmp}: it is a folder"),
    (["--report", ""], "--report needs a file name, got ''"),
    (["--screenshot", ""], "--screenshot needs a file name, got ''"),
    (["--save", ""], "--save needs a file name, got ''"),
    (["--csv", ""], "--csv needs a file name, got ''"),
    (["--load", ""], "--load needs a file name, got ''"),
    (["--report", "{tmp}/same", "--screenshot", "{tmp}/same"],
     "--screenshot {tmp}/same is also the --report output; choose another file name for --screenshot"),
    (["--csv", "{tmp}/data.csv", "--report", "{tmp}/data.csv"],
     "--report {tmp}/data.csv is also the --csv input; choose another file name for --report"),
    (["--csv", "{tmp}/data.csv", "--save", "{tmp}/data.csv"],
     "--save {tmp}/data.csv is also the --csv input; choose another file name for --save"),
])
def test_gui_bad_path_rejected_early(tmp_path, options, expected):
    write_csv(tmp_path)
    options = [option.format(tmp=tmp_path) for option in options]

    result = run_gui(tmp_path, *options, "--epochs", "1", "--autostart", "--exit-when-done")

    assert result.returncode == 2
    assert result.stderr.startswith("rnn-desktop gui: error: ")
    assert expected.format(tmp=tmp_path) in result.stderr
    assert (tmp_path / "data.csv").read_text(encoding="utf-8") == CSV_TEXT


def test_gui_report_over_loaded_weights_rejected(tmp_path):
    weights = write_weights(tmp_path / "w.npz")
    before = weights.read_bytes()

    result = run_gui(tmp_path, "--load", str(weights), "--report", str(weights), "--autostart", "--exit-when-done")

    assert result.returncode == 2
    assert f"--report {weights} is also the --load input" in result.stderr
    assert weights.read_bytes() == before


def test_gui_save_over_load_updates_weights(tmp_path):
    weights = write_weights(tmp_path / "w.npz")

    result = run_gui(tmp_path, "--load", str(weights), "--save", str(weights), "--epochs", "1",
                     "--autostart", "--exit-when-done", "--report", "r.json")

    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["epochs_run"] == 2
    again = Trainer.from_file(weights, generate("sine", length=80).values)
    assert again.epoch == 2


def test_train_json_failing_at_write_exits_1(tmp_path, capsys):
    # /dev/full accepts the open and fails the write with ENOSPC, as a full disk does.
    summary = tmp_path / "run.json"
    summary.symlink_to("/dev/full")
    weights = tmp_path / "w.npz"

    code, out, err = run_train(capsys, "--save", str(weights), "--json", str(summary), *FAST)

    assert code == 1
    assert f"cannot write --json {summary}: No space left on device" in err
    assert f"saved weights to {weights}" in out
    assert weights.exists()
