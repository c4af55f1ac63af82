"""Whether a value fits a spin box unchanged, so settings from the command line are never clamped or rounded."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox


@dataclass(frozen=True)
class OutOfLimits:
    """A value that a spin box would clamp to its range or round to its decimals."""

    field: str  # the TrainConfig field or generator setting the spin box edits
    value: float
    minimum: float
    maximum: float
    decimals: int | None  # decimal places the spin box keeps; None for whole numbers


def limit_problem(field: str, value: float, minimum: float, maximum: float,
                  decimals: int | None = None) -> OutOfLimits | None:
    """Return why ``value`` does not fit the range and decimals, or None when it fits unchanged."""
    fits = minimum <= value <= maximum
    if fits and decimals is not None:
        # QDoubleSpinBox rounds every value it is given to its number of decimals.
        fits = round(float(value), decimals) == float(value)
    return None if fits else OutOfLimits(field, value, minimum, maximum, decimals)


def spin_limit_problem(field: str, spin: QAbstractSpinBox, value: float) -> OutOfLimits | None:
    """Return why ``spin`` cannot hold ``value`` unchanged, or None when it can."""
    decimals = spin.decimals() if isinstance(spin, QDoubleSpinBox) else None
    return limit_problem(field, value, spin.minimum(), spin.maximum(), decimals)
