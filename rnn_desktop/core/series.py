"""Series, sliding windows, chronological split, scalers, metrics and forecasts.

API CONTRACT (skeleton): ``Series`` is final; the rest is being filled in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass
class Series:
    """A clean univariate time series, ready for windowing.

    ``values`` is 1-D float64 with no NaN. ``time`` is an optional x axis of the
    same length (numpy datetime64 or float); None means positions 0..n-1.
    ``missing_positions`` are the 0-based positions in the original rows that
    were missing and were filled (interpolate) or removed (drop).
    """

    values: np.ndarray
    name: str = "value"
    time: np.ndarray | None = None
    source: str = ""  # human-readable origin: "generator sine", a file path, ...
    missing_positions: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    details: dict[str, Any] = field(default_factory=dict)  # detected CSV settings, generator params

    def __len__(self) -> int:
        return int(self.values.shape[0])
