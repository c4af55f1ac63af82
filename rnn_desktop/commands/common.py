"""Turning parsed command-line options into a TrainConfig and a Series."""

from __future__ import annotations

import argparse

from rnn_desktop.core.series import CSV_VAL_FRACTION, Series
from rnn_desktop.core.training import TrainConfig

# argparse destination -> TrainConfig field, for options that map one to one.
_CONFIG_OPTIONS = (
    "seq_len", "val_windows", "val_fraction", "scale", "hidden", "activation", "init", "dtype",
    "epochs", "batch_size", "lr", "optimizer", "momentum", "bptt_truncate", "clip_value",
    "clip_norm", "patience", "reduce_on_plateau", "seed",
)


def config_from_args(args: argparse.Namespace) -> TrainConfig:
    """Start from ``--preset`` (default: "default") and apply every option given.

    With ``--csv`` and neither ``--val-windows`` nor ``--val-fraction``, the
    validation part is the last CSV_VAL_FRACTION of the windows, as in the window.
    """
    config = TrainConfig.preset(args.preset or "default")
    # Hyperparameter options are absent from `args` unless given (argparse.SUPPRESS).
    changes = {name: getattr(args, name) for name in _CONFIG_OPTIONS if hasattr(args, name)}
    if getattr(args, "csv", None) and "val_windows" not in changes and "val_fraction" not in changes:
        changes.update(val_windows=None, val_fraction=CSV_VAL_FRACTION)
    if "val_fraction" in changes and changes["val_fraction"] is not None:
        changes["val_windows"] = None
    return config.replace(**changes)


def series_from_args(args: argparse.Namespace) -> Series:
    """Load the series named by ``--csv`` or ``--generator`` (default: the tutorial sine)."""
    if getattr(args, "csv", None):
        from rnn_desktop.core.csv_reader import read_series

        return read_series(
            args.csv, column=args.column, delimiter=args.delimiter, decimal=args.decimal,
            encoding=args.encoding, header=args.header, missing=args.missing,
        )
    from rnn_desktop.core.generators import generate

    return generate(
        args.generator or "sine",
        length=args.length if args.length is not None else 200,
        noise=args.noise if args.noise is not None else 0.0,
        seed=getattr(args, "seed", 0),
        **dict(getattr(args, "param", None) or []),
    )
