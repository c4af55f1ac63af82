"""rnn-desktop: train a from-scratch numpy RNN on a time series and watch it learn."""

__version__ = "0.1.0"
