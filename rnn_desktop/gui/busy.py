"""Slow numerical work started from the GUI thread, run so that the window keeps painting."""

from __future__ import annotations

import logging
import threading
import time
from typing import Callable, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

log = logging.getLogger(__name__)

T = TypeVar("T")


class WorkAbandoned(Exception):
    """The application began to quit before the work ended, so its result is not waited for."""

# How often the GUI thread checks whether the work has ended.
POLL_INTERVAL_MS = 50


class BusyDialog(QProgressDialog):
    """A busy bar that neither Escape nor the title bar's close button dismisses.

    Dismissed, it let clicks reach the window while the work still ran, and a
    second Start began a run that the first one's end then overwrote.
    """

    def reject(self) -> None:
        log.info("the busy dialog stays open: the work beside the event loop cannot be interrupted")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt naming)
        # A close from the window system (the title bar's button) is refused. One from the program, as when
        # the application quits, goes ahead: refused, it stopped the application from quitting.
        if event.spontaneous():
            event.ignore()
        else:
            super().closeEvent(event)


def run_while_busy(parent: QWidget, text: str, work: Callable[[], T]) -> T:
    """Run ``work()`` in a Python thread and return its result, or raise what it raised.

    Meanwhile a modal BusyDialog shows ``text`` with a busy bar, and the GUI
    thread goes on handling events, so the window repaints instead of
    freezing. The dialog blocks input to the window until the work ends, so
    nothing the person clicks can start other work on the same objects. ``work`` must not touch widgets. numpy's
    BLAS and LAPACK calls release the interpreter lock, so a large model's QR
    decomposition runs beside the event loop.

    Raises WorkAbandoned when the application quits meanwhile, for example on a
    stop signal: quitting ends every running event loop, this one included.
    """
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["result"] = work()
        except BaseException as error:  # noqa: BLE001 (raised again in the GUI thread)
            outcome["error"] = error

    dialog = BusyDialog(text, None, 0, 0, parent)
    dialog.setWindowTitle(QApplication.applicationDisplayName() or "rnn-desktop")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    # A title and no buttons: minimise, maximise and close did nothing useful, and close was refused.
    dialog.setWindowFlags(Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint | Qt.WindowType.WindowTitleHint)
    dialog.adjustSize()
    if parent is not None:
        # Over the middle of the window: some window managers put it at the top left corner.
        frame = dialog.frameGeometry()
        frame.moveCenter(parent.window().frameGeometry().center())
        dialog.move(frame.topLeft())
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(POLL_INTERVAL_MS)
    worker = threading.Thread(target=target, name="busy-work", daemon=True)
    timer.timeout.connect(lambda: None if worker.is_alive() else loop.quit())

    started = time.perf_counter()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        worker.start()
        dialog.show()
        timer.start()
        loop.exec()
    finally:
        timer.stop()
        dialog.hide()
        dialog.deleteLater()
        QApplication.restoreOverrideCursor()
    seconds = time.perf_counter() - started
    if worker.is_alive():
        log.info("the application quit after %.1f s, before the work beside the event loop ended", seconds)
        raise WorkAbandoned()
    log.info("work beside the event loop took %.1f s", seconds)
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]
