"""Cyclic garbage collection on the GUI thread only.

Python's cyclic collector runs in whichever thread happens to allocate when a
generation's threshold is crossed. With training in a worker thread, that can
be the worker, which then destroys Qt wrappers (plot items, timers, widgets)
that belong to the GUI thread, and Qt may abort. So automatic collection is
turned off while the app runs, and a timer on the GUI thread collects each
generation when its allocation count passes the threshold that Python itself
would have used.
"""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

# How often the GUI thread checks the allocation counts, in milliseconds.
CHECK_INTERVAL_MS = 100


class GuiThreadCollector(QObject):
    """A QTimer that runs gc.collect on the thread that owns it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due_generations)

    def start(self) -> None:
        gc.disable()
        self._timer.start()
        log.info("automatic garbage collection moved to the GUI thread")

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def collect_due_generations(self) -> None:
        """Collect the oldest generation whose count passed its threshold, as Python would."""
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        for generation in (2, 1, 0):
            if thresholds[generation] and counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return


_collector: GuiThreadCollector | None = None


def install_gui_thread_collector(app: QObject) -> GuiThreadCollector:
    """Start the collector once per process, owned by ``app`` (the QApplication)."""
    global _collector
    if _collector is None:
        _collector = GuiThreadCollector(app)
        _collector.start()
    return _collector
