"""One module per command-line subcommand; `rnn_desktop.cli` parses and dispatches."""
