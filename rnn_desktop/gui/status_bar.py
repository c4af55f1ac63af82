"""A status bar that elides a long message and shows it whole in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QStatusBar, QWidget

# Space kept free left of the message and right of it for the size grip, in pixels.
TEXT_MARGIN = 6
SIZE_GRIP_SPACE = 20


class ElidingStatusBar(QStatusBar):
    """A QStatusBar whose temporary message ends in "…" when it is wider than the bar.

    QStatusBar clips a long message at the window's edge without any mark, so
    the end of a warning was lost. The tooltip always has the whole message.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messageChanged.connect(self.setToolTip)

    def displayed_text(self) -> str:
        """Return the current message as drawn: whole when it fits, else elided at the right."""
        width = max(0, self.width() - TEXT_MARGIN - SIZE_GRIP_SPACE)
        return self.fontMetrics().elidedText(self.currentMessage(), Qt.TextElideMode.ElideRight, width)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt naming)
        if not self.currentMessage():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        area = self.rect().adjusted(TEXT_MARGIN, 0, -SIZE_GRIP_SPACE, 0)
        painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.displayed_text())
