"""Command line: ``rnn-desktop [gui|train|inspect] ...``, ``--self-test``, ``--version``.

This module only parses arguments and dispatches; each subcommand lives in
``rnn_desktop.commands``. With no subcommand the GUI starts.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from typing import NoReturn, Sequence

from rnn_desktop import __version__


def _count_or_off(turned_off: str):
    """Return an argparse type for a count of at least 1, where 0, 'none' and 'off' give None.

    ``turned_off`` completes the error message, saying what None does.
    """
    def parse(text: str) -> int | None:
        if text.lower() in ("none", "off", "0"):
            return None
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < 1:
            raise argparse.ArgumentTypeError(
                f"expected a whole number of at least 1, or 0 or none {turned_off}, got {text!r}")
        return value

    return parse


def _optional_float(text: str) -> float | None:
    """Parse a clipping threshold, where 0, 'none' and 'off' turn clipping off."""
    if text.lower() in ("none", "off"):
        return None
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a number above 0, or 0 or none to turn clipping off, got {text!r}") from None
    return None if value == 0 else value


def _whole_number(text: str) -> int:
    """Parse an integer option; an invalid value gets an error that names the expected form."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None


def _number(text: str) -> float:
    """Parse a real-valued option; an invalid value gets an error that names the expected form."""
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number such as 0.5 or 1e-3, got {text!r}") from None


def _shown(value: float | int | None) -> str:
    """Format an optional default for help text: 'none' or the number."""
    return "none" if value is None else f"{value:g}"


def _generator_parameter(text: str) -> tuple[str, float]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, for example period=30, got {text!r}")
    try:
        return name.strip(), float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"the value of {name.strip()!r} must be a number, got {value!r}") from None


def add_csv_options(parser: argparse.ArgumentParser) -> None:
    """Options that override what the CSV reader detects."""
    group = parser.add_argument_group("CSV reading (each overrides the detected value)")
    group.add_argument("--column", help="target column, by name or 0-based index (default: last numeric column)")
    group.add_argument("--delimiter", help="field delimiter: ',', ';', 'tab', '|' or 'space'")
    group.add_argument("--decimal", choices=[".", ","], metavar="MARK", help="decimal mark: '.' or ','")
    group.add_argument("--encoding", help="text encoding, for example utf-8, utf-16, cp1252")
    header = group.add_mutually_exclusive_group()
    header.add_argument("--header", dest="header", action="store_true", default=None,
                        help="the first row is a header")
    header.add_argument("--no-header", dest="header", action="store_false",
                        help="the first row is data")
    group.add_argument("--missing", choices=["interpolate", "drop", "refuse"], default="interpolate",
                       help="what to do with missing values (default: interpolate)")


def add_training_options(parser: argparse.ArgumentParser, json_help: bool = True) -> None:
    """Data, model and training options shared by ``train`` and ``gui``.

    Hyperparameter options default to argparse.SUPPRESS: an option appears in
    the namespace only when given, so it overrides the preset, and "none" can
    still disable a setting that the preset turns on. The defaults shown in the
    help are read from TrainConfig(), the "default" preset.
    """
    from rnn_desktop.core.generators import GENERATORS
    from rnn_desktop.core.series import CSV_VAL_FRACTION
    from rnn_desktop.core.training import TrainConfig

    default = TrainConfig()
    data = parser.add_argument_group("data")
    source = data.add_mutually_exclusive_group()
    source.add_argument("--generator", metavar="NAME",
                        help=f"built-in series: {', '.join(GENERATORS)} "
                             "(default: sine, the tutorial's sin(0..199))")
    source.add_argument("--csv", metavar="PATH", help="read the series from a CSV file")
    data.add_argument("--length", type=_whole_number, help="length of a generated series (default: 200)")
    data.add_argument("--noise", type=_number, help="noise standard deviation of a generated series (default: 0)")
    data.add_argument("--param", type=_generator_parameter, action="append", default=[], metavar="NAME=VALUE",
                      help="a parameter of the generator, for example --param period=30; repeat for several")
    data.add_argument("--seq-len", default=argparse.SUPPRESS, type=_whole_number, help=f"input window length in time steps (default: {default.seq_len})")
    val = data.add_mutually_exclusive_group()
    val.add_argument("--val-windows", default=argparse.SUPPRESS, type=_whole_number, help=f"number of validation windows at the end of the series (default: {default.val_windows}, "
                          "or --val-fraction for --csv)")
    val.add_argument("--val-fraction", default=argparse.SUPPRESS, type=_number,
                     help=f"fraction of windows used for validation, 0 to 1 (default for --csv: {CSV_VAL_FRACTION})")
    data.add_argument("--scale", default=argparse.SUPPRESS, choices=["minmax", "zscore", "none"],
                      help=f"scaling fitted on the training part (default: {default.scale})")
    add_csv_options(parser)

    model = parser.add_argument_group("model")
    model.add_argument("--hidden", default=argparse.SUPPRESS, type=_whole_number,
                       help=f"hidden units (default: {default.hidden})")
    model.add_argument("--activation", default=argparse.SUPPRESS, choices=["tanh", "sigmoid", "relu"],
                       help=f"activation of the hidden layer (default: {default.activation})")
    model.add_argument("--init", default=argparse.SUPPRESS, choices=["glorot", "uniform"],
                       help="glorot: Glorot uniform and orthogonal recurrent matrix; uniform: U(0, 1) as in the tutorial "
                            f"(default: {default.init})")
    model.add_argument("--dtype", default=argparse.SUPPRESS, choices=["float64", "float32"],
                       help=f"float type of weights and computations (default: {default.dtype})")

    train = parser.add_argument_group("training")
    train.add_argument("--epochs", default=argparse.SUPPRESS, type=_whole_number,
                       help=f"number of epochs to train; with --load, epochs to add to the saved ones "
                            f"(default: {default.epochs})")
    train.add_argument("--batch-size", default=argparse.SUPPRESS, type=_whole_number,
                       help=f"training windows per gradient step (default: {default.batch_size})")
    train.add_argument("--lr", default=argparse.SUPPRESS, type=_number,
                       help=f"learning rate (default: {default.lr:g})")
    train.add_argument("--optimizer", default=argparse.SUPPRESS, choices=["sgd", "momentum", "adam"],
                       help=f"algorithm that updates the weights (default: {default.optimizer})")
    train.add_argument("--momentum", default=argparse.SUPPRESS, type=_number, help=f"momentum coefficient for --optimizer momentum (default: {default.momentum:g})")
    train.add_argument("--bptt-truncate", default=argparse.SUPPRESS, type=_count_or_off("for full BPTT"), metavar="K",
                       help="backpropagate through the last K steps only; 0 or 'none' for full BPTT "
                            f"(default: {_shown(default.bptt_truncate)})")
    train.add_argument("--clip-value", default=argparse.SUPPRESS, type=_optional_float, metavar="V",
                       help="clip each gradient element to [-V, V]; 0 or 'none' to disable "
                            f"(default: {_shown(default.clip_value)})")
    train.add_argument("--clip-norm", default=argparse.SUPPRESS, type=_optional_float, metavar="N",
                       help="rescale the gradient to global norm N at most; 0 or 'none' to disable "
                            f"(default: {_shown(default.clip_norm)})")
    train.add_argument("--patience", default=argparse.SUPPRESS, type=_count_or_off("to turn early stopping off"),
                       help="early-stopping patience in epochs; 0 or 'none' to disable "
                            f"(default: {_shown(default.patience)})")
    train.add_argument("--reduce-on-plateau", action="store_true", default=argparse.SUPPRESS,
                       help="halve the learning rate when validation loss stalls")
    train.add_argument("--seed", default=argparse.SUPPRESS, type=_whole_number,
                       help=f"seed of the initial weights, the batch order and generated noise (default: {default.seed})")

    files = parser.add_argument_group("files and presets")
    files.add_argument("--preset", choices=["default", "tutorial"], default=None,
                       help="start from this configuration; other options override it "
                            "(default: default, whose values the option help shows)")
    files.add_argument("--save", metavar="PATH", help="write the trained weights to PATH (.npz)")
    files.add_argument("--load", metavar="PATH", help="start from the weights in PATH (.npz)")
    # gui keeps --json only to say that it writes --report, so its help leaves it out.
    files.add_argument("--json", metavar="PATH",
                       help="write a JSON summary of the run to PATH" if json_help else argparse.SUPPRESS)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors end with a pointer to --help instead of the long usage text."""

    def error(self, message: str) -> NoReturn:
        # The usage of train and gui fills a screen, which hid the one line that names the error.
        self.exit(2, f"{self.prog}: error: {message}\nSee '{self.prog} --help' for the options.\n")


def generator_parameters_help() -> str:
    """Return the lines that list each generator's --param names with their defaults and ranges."""
    from rnn_desktop.core.errors import value_as_typed
    from rnn_desktop.core.generators import GENERATORS

    def shown(value: float) -> str:
        return value_as_typed(value) if float(value).is_integer() else f"{value:.4g}"

    lines = ["generator parameters (--param NAME=VALUE), with their defaults and ranges:"]
    for name, spec in GENERATORS.items():
        params = ", ".join(f"{param.name}={shown(param.default)} ({shown(param.min)} to {shown(param.max)})"
                           for param in spec.params)
        lines.append(f"  {name}: {params or 'none'}")
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="rnn-desktop",
        description="Train a from-scratch numpy RNN on a time series and watch it learn.",
    )
    parser.add_argument("--version", action="version", version=f"rnn-desktop {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="open the main window (offscreen when no display is set), train 5 epochs, "
                             "save and reload the weights, then exit with 0 or 1")
    sub = parser.add_subparsers(dest="command", metavar="{gui,train,inspect}")

    # The epilog keeps its line breaks: one line per generator and its parameters.
    raw = argparse.RawDescriptionHelpFormatter
    gui = sub.add_parser("gui", help="open the desktop app (the default)", epilog=generator_parameters_help(),
                         formatter_class=raw)
    add_training_options(gui, json_help=False)
    gui.add_argument("--autostart", action="store_true", help="start training as soon as the window opens")
    gui.add_argument("--exit-when-done", action="store_true",
                     help="close the app when the training run ends (needs --autostart)")
    gui.add_argument("--report", metavar="OUT.json",
                     help="write a JSON report of the run when it ends, or why it could not start (needs --autostart)")
    gui.add_argument("--screenshot", metavar="OUT.png",
                     help="save a screenshot of the window when the training run ends (needs --autostart)")
    gui.add_argument("--language", choices=["en", "it"], help="interface language (default: system locale)")

    train = sub.add_parser("train", help="train without a GUI, one line per epoch", epilog=generator_parameters_help(),
                           formatter_class=raw)
    add_training_options(train)

    inspect = sub.add_parser("inspect", help="show what the CSV reader detects in a file")
    inspect.add_argument("path", help="CSV file")
    add_csv_options(inspect)
    inspect.add_argument("--json", metavar="OUT", help="write the detected settings and values as JSON")
    # For errors in each command's own words, such as gui's missing --autostart.
    parser.set_defaults(gui_parser=gui, train_parser=train, inspect_parser=inspect)
    return parser


# Names other tools give these options, which a close spelling match would not find.
OPTION_ALIASES = {
    "--learning-rate": "--lr", "--rate": "--lr", "--hidden-size": "--hidden", "--hidden-units": "--hidden",
    "--units": "--hidden", "--window": "--seq-len", "--window-length": "--seq-len", "--sequence-length": "--seq-len",
    "--optimiser": "--optimizer", "--batch": "--batch-size", "--epoch": "--epochs", "--file": "--csv",
    "--data": "--csv", "--output": "--save", "--weights": "--save", "--patience-epochs": "--patience",
}


def unknown_options_message(parser: argparse.ArgumentParser, extras: Sequence[str]) -> str:
    """Name the arguments ``parser`` does not know, with the option meant where one is close."""
    import difflib

    known = [option for option in parser._option_string_actions if option.startswith("--")]
    hints = []
    for extra in extras:
        name = extra.split("=", 1)[0]
        if not name.startswith("--") or name in known:
            continue
        alias = OPTION_ALIASES.get(name)
        close = [alias] if alias in known else difflib.get_close_matches(name, known, n=1, cutoff=0.75)
        if close:
            hints.append(f"{name}: did you mean {close[0]}?")
    message = f"unrecognized arguments: {' '.join(extras)}"
    return f"{message} ({'; '.join(hints)})" if hints else message


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        # A shell starts a background command (cmd &) with SIGINT ignored, and Python then keeps it
        # ignored. train and the window handle Ctrl+C once loaded anyway, so a Ctrl+C or kill -INT
        # in the half second before that was lost and the whole run went on.
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return _main(argv)
    except KeyboardInterrupt:
        # Ctrl+C while numpy and the package load (a second or so), or while inspect reads a
        # file. train and the window install their own handlers, which stop cleanly.
        print("rnn-desktop: stopped by Ctrl+C; nothing was written", file=sys.stderr, flush=True)
        return 128 + int(signal.SIGINT)


def _data_options_problem(args: argparse.Namespace) -> str | None:
    """Return why gui's or train's data and file options cannot go together, or None."""
    if not args.csv:
        unused = _csv_options_given(args)
        if unused:
            return f"{unused[0]} needs --csv: it sets how the CSV file is read"
    names = [name for name, _ in args.param or ()]
    repeated = next((name for name in names if names.count(name) > 1), None)
    if repeated is not None:
        return f"--param {repeated} is given more than once; give each parameter once"
    if args.csv:
        ignored = [option for option, value in (("--length", args.length), ("--noise", args.noise),
                                               ("--param", args.param or None)) if value is not None]
        if ignored:
            return f"{ignored[0]} sets a generated series, so it has no effect with --csv; leave it out"
    if getattr(args, "load", None) and getattr(args, "preset", None):
        # A preset sets the model's shape too, which loaded weights fix; it would be ignored or half applied.
        return ("--preset cannot be combined with --load: the weights file sets the model and its training "
                "settings; change single settings such as --lr or --epochs instead")
    return None


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args, extras = parser.parse_known_args(argv)
    if extras:
        # The command's own parser, so the error points to its --help, where the options are listed.
        command_parser = getattr(args, f"{args.command}_parser", parser) if args.command else parser
        command_parser.error(unknown_options_message(command_parser, extras))
    if args.command in ("gui", "train"):
        problem = _data_options_problem(args)
        if problem is not None:
            (args.gui_parser if args.command == "gui" else args.train_parser).error(problem)
    if args.command == "gui" and args.json is not None:
        # The training options are shared with train, whose --json gui would silently ignore.
        args.gui_parser.error("--json is for train; gui writes the run's summary, curves and latency "
                              "with --report (which needs --autostart)")
    if args.command == "gui" and not args.autostart:
        gui_parser = args.gui_parser
        # Without a run there is nothing to wait for, so the window would close as soon as it opens.
        if args.exit_when_done:
            gui_parser.error("--exit-when-done needs --autostart: it closes the app when the training run ends")
        # Both are written when the run ends, so without a run they would never be written.
        if args.screenshot:
            gui_parser.error("--screenshot needs --autostart: it saves the window when the training run ends")
        if args.report:
            gui_parser.error("--report needs --autostart: it describes the training run when it ends")

    if args.self_test:
        from rnn_desktop.commands.selftest import run_self_test

        return run_self_test()
    if args.command in ("train", "inspect"):
        return _run_headless(args)

    # Qt aborts with a generic error when its xcb plugin cannot load, so check first.
    from rnn_desktop.gui.platform_check import EXIT_PLATFORM_UNUSABLE, platform_problem

    problem = platform_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_PLATFORM_UNUSABLE

    from rnn_desktop.commands.gui import run_gui

    if args.command is None:
        # Bare `rnn-desktop`: the GUI with every default.
        args = build_parser().parse_args(["gui", *(argv if argv is not None else sys.argv[1:])])
    return run_gui(args)


def _csv_options_given(args: argparse.Namespace) -> list[str]:
    """Return the CSV reading options given on the command line, as their option names."""
    options = [option for option, value in (("--column", args.column), ("--delimiter", args.delimiter),
                                          ("--decimal", args.decimal), ("--encoding", args.encoding))
             if value is not None]
    if args.header is not None:
        options.append("--header" if args.header else "--no-header")
    if args.missing != "interpolate":
        options.append("--missing")
    return options


def _run_headless(args: argparse.Namespace) -> int:
    """Run `train` or `inspect`, which print to stdout."""
    if args.command == "train":
        from rnn_desktop.commands.train import run_train as run
    else:
        from rnn_desktop.commands.inspect import run_inspect as run
    try:
        return run(args)
    except BrokenPipeError:
        # The reader of stdout went away (for example `| head`): stop quietly,
        # and point stdout at devnull so Python's exit flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
