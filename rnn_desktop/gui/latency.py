"""GUI-thread latency: how late a 10 ms QTimer fires while the app works."""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer


class LatencyProbe(QObject):
    """Records the lateness of a repeating precise QTimer, in milliseconds.

    Each tick's lateness is the time since the previous tick minus the
    interval, so a GUI thread blocked for 80 ms shows one sample near 70 ms.
    """

    def __init__(self, interval_ms: int = 10, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._interval_ms = interval_ms
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_tick)
        self._last: float | None = None
        self._samples: list[float] = []

    def start(self) -> None:
        self._samples.clear()
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._last = None

    def _on_tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self._samples.append(max(0.0, (now - self._last) * 1000.0 - self._interval_ms))
        self._last = now

    def samples(self) -> np.ndarray:
        return np.array(self._samples, dtype=np.float64)

    def summary(self) -> dict[str, float | int | None]:
        """Return p50, p99 and max lateness in ms (None when no tick was recorded)."""
        samples = self.samples()
        if samples.size == 0:
            return {"latency_ms_p50": None, "latency_ms_p99": None, "latency_ms_max": None, "latency_samples": 0}
        return {
            "latency_ms_p50": round(float(np.percentile(samples, 50)), 3),
            "latency_ms_p99": round(float(np.percentile(samples, 99)), 3),
            "latency_ms_max": round(float(samples.max()), 3),
            "latency_samples": int(samples.size),
        }
