"""Command-line parsing shared by `train` and `gui`: generator parameters and closed pipes."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from rnn_desktop.cli import build_parser
from rnn_desktop.commands.common import series_from_args


def parse_train(*options: str):
    return build_parser().parse_args(["train", *options])


def test_param_sets_generator_parameter():
    series = series_from_args(parse_train("--generator", "sine_wave", "--param", "period=30",
                                          "--param", "amplitude=2", "--length", "60"))
    expected = 2.0 * np.sin(2.0 * np.pi * np.arange(60) / 30.0)
    np.testing.assert_allclose(series.values, expected, atol=1e-12)


def test_param_without_equals_is_rejected(capsys):
    with pytest.raises(SystemExit) as raised:
        parse_train("--param", "period")
    assert raised.value.code == 2
    assert "expected NAME=VALUE" in capsys.readouterr().err


def test_param_with_text_value_is_rejected(capsys):
    with pytest.raises(SystemExit):
        parse_train("--param", "period=long")
    assert "must be a number, got 'long'" in capsys.readouterr().err


def test_unknown_param_names_allowed_ones():
    from rnn_desktop.core.errors import ConfigError

    with pytest.raises(ConfigError) as raised:
        series_from_args(parse_train("--generator", "sine_wave", "--param", "speed=3"))
    assert "period, amplitude, phase" in str(raised.value)


def test_train_into_closed_pipe_has_no_traceback():
    process = subprocess.Popen([sys.executable, "-m", "rnn_desktop", "train", "--epochs", "30"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode()
    process.wait(timeout=120)
    assert "Traceback" not in stderr
    assert "BrokenPipeError" not in stderr


@pytest.mark.parametrize("option", ["--clip-value", "--clip-norm", "--bptt-truncate", "--patience"])
@pytest.mark.parametrize("text", ["0", "none", "off", "None"])
def test_zero_or_none_turns_setting_off(option, text):
    from rnn_desktop.commands.common import config_from_args

    config = config_from_args(parse_train(option, text))
    assert getattr(config, option[2:].replace("-", "_")) is None


def test_clip_value_keeps_positive_number():
    from rnn_desktop.commands.common import config_from_args

    config = config_from_args(parse_train("--clip-value", "2.5", "--clip-norm", "1e-3"))
    assert config.clip_value == 2.5
    assert config.clip_norm == 1e-3


@pytest.mark.parametrize(("option", "valid"), [
    ("--patience", "at least 1, or 0 or none to turn early stopping off"),
    ("--bptt-truncate", "at least 1, or 0 or none for full BPTT"),
])
@pytest.mark.parametrize("text", ["-1", "2.5", "abc"])
def test_count_option_error_names_valid_values(capsys, option, valid, text):
    from rnn_desktop.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["train", option, text])

    _, err = capsys.readouterr()
    assert stopped.value.code == 2
    assert f"argument {option}: expected a whole number of {valid}, got '{text}'" in err


@pytest.mark.parametrize(("option", "text", "expected"), [
    ("--clip-value", "abc", "expected a number above 0, or 0 or none to turn clipping off, got 'abc'"),
    ("--clip-norm", "x1", "expected a number above 0, or 0 or none to turn clipping off, got 'x1'"),
    ("--epochs", "1.5", "expected a whole number, got '1.5'"),
    ("--hidden", "2.5", "expected a whole number, got '2.5'"),
    ("--lr", "abc", "expected a number such as 0.5 or 1e-3, got 'abc'"),
    ("--val-fraction", "x", "expected a number such as 0.5 or 1e-3, got 'x'"),
])
def test_number_option_errors_are_short(capsys, option, text, expected):
    from rnn_desktop.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["train", option, text])

    err = capsys.readouterr().err
    assert stopped.value.code == 2
    assert err == (f"rnn-desktop train: error: argument {option}: {expected}\n"
                   "See 'rnn-desktop train --help' for the options.\n")


@pytest.mark.parametrize("command", ["train", "gui"])
@pytest.mark.parametrize(("option", "value"), [("--length", "30"), ("--noise", "0.1"), ("--param", "period=3")])
def test_generator_options_rejected_with_csv(capsys, command, option, value):
    from rnn_desktop.cli import main

    with pytest.raises(SystemExit) as stopped:
        main([command, "--csv", "data.csv", option, value])

    assert stopped.value.code == 2
    assert (f"rnn-desktop {command}: error: {option} sets a generated series, so it has no effect with --csv; "
            "leave it out\n") in capsys.readouterr().err


@pytest.mark.parametrize(("options", "hint"), [
    (["--learning-rate", "0.01"], "(--learning-rate: did you mean --lr?)"),
    (["--hiden", "8"], "(--hiden: did you mean --hidden?)"),
    (["--seq-lenght=20"], "(--seq-lenght: did you mean --seq-len?)"),
])
def test_unknown_option_names_the_one_meant(capsys, options, hint):
    from rnn_desktop.cli import main

    with pytest.raises(SystemExit) as raised:
        main(["train", *options])

    err = capsys.readouterr().err
    assert raised.value.code == 2
    assert err.startswith(f"rnn-desktop train: error: unrecognized arguments: {' '.join(options)} {hint}\n")
    # The command's own help lists its options; the top-level help does not.
    assert err.endswith("See 'rnn-desktop train --help' for the options.\n")


def test_unknown_option_without_a_close_one(capsys):
    from rnn_desktop.cli import main

    with pytest.raises(SystemExit):
        main(["inspect", "data.csv", "--verbose"])

    assert capsys.readouterr().err.startswith("rnn-desktop inspect: error: unrecognized arguments: --verbose\n")
