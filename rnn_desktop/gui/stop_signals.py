"""Close the window cleanly on SIGTERM and SIGINT (Ctrl+C in the terminal).

Python runs a signal handler only between bytecodes, and Qt's event loop is
C++ code, so a handler installed with signal.signal would wait until the
next slot written in Python runs. A timer that fires every WAKE_INTERVAL_MS
gives the interpreter that chance. The handler only schedules the close on
the event loop, so it happens outside any paint. The window closes
without the unsaved-weights question, which stops the training process and
saves the settings. The event loop then ends with 128 + the signal number,
the status a shell shows for a process ended by that signal.
"""

from __future__ import annotations

import logging
import signal
import threading
from typing import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

WAKE_INTERVAL_MS = 250
HANDLED_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT") if hasattr(signal, name))


def close_on_stop_signals(app: QApplication, window: QWidget,
                          before_close: Callable[[int], None] | None = None) -> QTimer | None:
    """Install the handlers; return the wake-up timer, or None off the main thread.

    ``before_close`` runs first with the signal's number, for example to finish
    a scripted run's outputs.
    """
    if threading.current_thread() is not threading.main_thread():
        return None

    received: list[int] = []

    def close_window() -> None:
        number = received[0]
        log.info("received %s: closing the window", signal.Signals(number).name)
        if before_close is not None:
            before_close(number)
        setter = getattr(window, "set_interactive", None)
        if setter is not None:
            setter(ask_on_close=False, show_dialogs=False)
        # Closing the last window also posts Qt's quit event (exit status 0). When the event loop handled it
        # after the exit below, the process ended with 0 (seen once in a full test run), so it is turned off.
        app.setQuitOnLastWindowClosed(False)
        window.close()
        app.exit(128 + number)

    def on_signal(number: int, frame) -> None:
        # Python may run this inside a paint method written in Python (pyqtgraph's), and closing the
        # window there made Qt crash ("endPaint() called with active painter"). So the event loop closes it.
        if received:
            return
        received.append(number)
        QTimer.singleShot(0, close_window)

    for number in HANDLED_SIGNALS:
        signal.signal(number, on_signal)
    timer = QTimer(app)
    timer.setObjectName("stop-signal wake-up")
    timer.timeout.connect(lambda: None)
    timer.start(WAKE_INTERVAL_MS)
    return timer
