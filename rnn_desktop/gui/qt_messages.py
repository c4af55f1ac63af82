"""Qt's own warnings and errors: written to the log file, and to stderr as Qt would.

A few messages that only describe a limit of the platform plugin, such as the
offscreen plugin's "does not support propagateSizeHints()", go to the log alone.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

# Parts of messages that tell the person nothing they can act on.
QUIET_MESSAGES = ("does not support propagateSizeHints",)

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_installed = False


def handle_qt_message(kind: QtMsgType, context, message: str) -> None:
    """Log one Qt message, and print warnings and worse to stderr unless they are quiet ones."""
    level = _LEVELS.get(kind, logging.WARNING)
    if any(part in message for part in QUIET_MESSAGES):
        log.debug("Qt: %s", message)
        return
    log.log(level, "Qt: %s", message)
    if level >= logging.WARNING:
        sys.stderr.write(message + "\n")
        sys.stderr.flush()


def install_qt_message_handler(app: QApplication) -> None:
    """Route Qt's messages through handle_qt_message until ``app`` is about to quit."""
    global _installed
    if _installed:
        return
    qInstallMessageHandler(handle_qt_message)
    _installed = True

    def restore_default() -> None:
        # Messages printed while Qt tears down, after Python's logging may be closed, take Qt's default path.
        global _installed
        qInstallMessageHandler(None)
        _installed = False

    app.aboutToQuit.connect(restore_default)
