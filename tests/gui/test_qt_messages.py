"""Qt's messages: logged, printed to stderr from warnings up, and the plugin-limit ones kept quiet."""

from __future__ import annotations

import logging

from PySide6.QtCore import QtMsgType

from rnn_desktop.gui.qt_messages import handle_qt_message


def test_warning_goes_to_log_and_stderr(capsys, caplog):
    with caplog.at_level(logging.DEBUG, logger="rnn_desktop.gui.qt_messages"):
        handle_qt_message(QtMsgType.QtWarningMsg, None, "QFont: invalid point size")

    assert capsys.readouterr().err == "QFont: invalid point size\n"
    assert [(record.levelno, record.getMessage()) for record in caplog.records] == [
        (logging.WARNING, "Qt: QFont: invalid point size")]


def test_debug_message_only_logged(capsys, caplog):
    with caplog.at_level(logging.DEBUG, logger="rnn_desktop.gui.qt_messages"):
        handle_qt_message(QtMsgType.QtDebugMsg, None, "layout pass")

    assert capsys.readouterr().err == ""
    assert [record.levelno for record in caplog.records] == [logging.DEBUG]


def test_plugin_limit_message_kept_quiet(capsys, caplog):
    with caplog.at_level(logging.DEBUG, logger="rnn_desktop.gui.qt_messages"):
        handle_qt_message(QtMsgType.QtWarningMsg, None, "This plugin does not support propagateSizeHints()")

    assert capsys.readouterr().err == ""
    assert [record.levelno for record in caplog.records] == [logging.DEBUG]
