"""Work run beside the event loop behind a busy dialog."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from rnn_desktop.gui.busy import BusyDialog, WorkAbandoned, run_while_busy


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_returns_the_result_after_showing_the_text(parent):
    release = threading.Event()
    dialog_texts: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        dialog_texts.append(dialog.labelText() if isinstance(dialog, QProgressDialog) else "")
        release.set()

    def build() -> int:
        release.wait(10)
        return 42

    QTimer.singleShot(10, look)

    assert run_while_busy(parent, "Building...", build) == 42
    assert dialog_texts == ["Building..."]
    assert QApplication.activeModalWidget() is None
    assert QApplication.overrideCursor() is None


def test_escape_leaves_the_dialog_up(parent):
    from PySide6.QtTest import QTest

    release = threading.Event()
    still_up: list[bool] = []

    def dismiss() -> None:
        dialog = QApplication.activeModalWidget()
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        QApplication.processEvents()
        still_up.append(dialog.isVisible() and QApplication.activeModalWidget() is dialog)
        release.set()

    QTimer.singleShot(10, dismiss)

    assert run_while_busy(parent, "Building...", lambda: release.wait(10)) is True
    # Dismissed, the dialog let a second Start begin while the first build still ran.
    assert still_up == [True]
    assert QApplication.activeModalWidget() is None


class TitleBarClose:
    """Stands for the close event that the title bar's button sends through the window system."""

    def __init__(self) -> None:
        self.ignored = False

    def spontaneous(self) -> bool:
        return True

    def ignore(self) -> None:
        self.ignored = True


def test_title_bar_close_is_refused(qtbot):
    dialog = BusyDialog("Building...", None, 0, 0)
    qtbot.addWidget(dialog)
    close = TitleBarClose()

    dialog.closeEvent(close)

    assert close.ignored


def test_raises_what_the_work_raised(parent):
    def fail() -> None:
        raise ValueError("bad size")

    with pytest.raises(ValueError, match="bad size"):
        run_while_busy(parent, "Building...", fail)
    assert QApplication.overrideCursor() is None


QUITTING_APP = """
import threading
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from rnn_desktop.gui.busy import BusyDialog, WorkAbandoned, run_while_busy

app = QApplication([])
window = QWidget()
window.show()
release = threading.Event()

def build():
    try:
        run_while_busy(window, "Building...", lambda: release.wait(30))
        print("returned")
    except WorkAbandoned:
        print("abandoned")

QTimer.singleShot(0, build)
# A stop signal closes the window, and the quit that follows ends every running event loop.
QTimer.singleShot(300, app.quit)
app.exec()
release.set()
"""


def test_quitting_application_abandons_the_work(tmp_path):
    # Quitting ends event loops only under a running QApplication.exec, so this runs in its own process.
    script = tmp_path / "quit_while_busy.py"
    script.write_text(QUITTING_APP, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["abandoned"]


def test_busy_dialog_centred_on_window(qtbot):
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QProgressDialog

    from rnn_desktop.gui.busy import run_while_busy

    window = QMainWindow()
    qtbot.addWidget(window)
    window.setGeometry(100, 80, 900, 600)
    window.show()
    qtbot.waitExposed(window)
    centres = []
    probe = QTimer()
    probe.setInterval(20)
    probe.timeout.connect(lambda: centres.append(modal.frameGeometry().center()) if isinstance(
        modal := QApplication.activeModalWidget(), QProgressDialog) else None)
    probe.start()

    run_while_busy(window, "Working...", lambda: time.sleep(0.3))
    probe.stop()

    assert centres
    middle = window.frameGeometry().center()
    assert abs(centres[0].x() - middle.x()) <= 2
    assert abs(centres[0].y() - middle.y()) <= 2
