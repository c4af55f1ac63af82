"""Typed errors raised by the core.

Each error carries a stable ``code`` and the values involved in ``params``, so
the GUI can build a translated message from them, while ``str(error)`` stays a
complete English message for the command line and the logs.
"""

from __future__ import annotations

import math
import numbers
from typing import Any


def value_as_typed(value: Any) -> str:
    """Return a value for an error message as a person would type it: 0 for 0.0, text in quotes.

    Whole numbers lose the ".0", and other numbers keep every digit, so that
    1.0000001 never shows as 1 in "must be below 1". Whole numbers of 1e16 and
    more keep Python's short form, 1e+300, not three hundred digits.
    """
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return str(int(value))
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        number = float(value)
        whole = math.isfinite(number) and number.is_integer() and abs(number) < 1e16
        return str(int(number)) if whole else repr(number)
    return repr(value)


class RnnDesktopError(Exception):
    """Base class of every error the core raises on purpose.

    ``code`` names the kind of failure (for example ``"csv.bad_value"``) and
    ``params`` contains the values a message needs (file, line, value, fix).
    """

    code = "error"

    def __init__(self, message: str, code: str | None = None, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.params = params


class ConfigError(RnnDesktopError):
    """Invalid hyperparameter or invalid combination of hyperparameters."""

    code = "config"


class DataError(RnnDesktopError):
    """A series that cannot be used for training (too short, non-finite, ...)."""

    code = "data"


class CsvError(DataError):
    """A CSV file that cannot be read; ``params`` names file, line and column."""

    code = "csv"


class WeightsFileError(RnnDesktopError):
    """A weights file that was rejected; the current model is left untouched."""

    code = "weights"


class IncompatibleWeightsError(WeightsFileError):
    """A valid weights file whose model does not fit the current data or settings."""

    code = "weights.incompatible"
