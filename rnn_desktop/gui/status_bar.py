"""A status bar that wraps a long message onto a second line, elides what is left, and shows it whole in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QStatusBar, QWidget

# Space kept free left of the message and right of it for the size grip, in pixels.
TEXT_MARGIN = 6
SIZE_GRIP_SPACE = 20
# Lines a message may take before the rest ends in "…". At 1366 px one line
# held about 190 characters, and the advice at the end of longer messages was lost.
MAX_LINES = 2
# Pixels above and below the lines of a message that takes more than one.
VERTICAL_MARGIN = 2


class ElidingStatusBar(QStatusBar):
    """A QStatusBar whose temporary message wraps onto a second line, then ends in "…".

    QStatusBar clips a long message at the window's edge without any mark, so
    the end of a warning was lost. The bar grows by a line while a message
    needs it, and the tooltip always has the whole message.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._one_line_height = super().sizeHint().height()
        self.messageChanged.connect(self.setToolTip)
        self.messageChanged.connect(self._fit_height)

    def _text_width(self) -> int:
        return max(0, self.width() - TEXT_MARGIN - SIZE_GRIP_SPACE)

    def displayed_lines(self) -> list[str]:
        """Return the current message as drawn: whole words on each line, the last one elided if needed."""
        metrics, width = self.fontMetrics(), self._text_width()
        lines: list[str] = []
        rest = self.currentMessage()
        while len(lines) < MAX_LINES - 1 and metrics.horizontalAdvance(rest) > width:
            words = rest.split(" ")
            line, used = words[0], 1
            while used < len(words) and metrics.horizontalAdvance(f"{line} {words[used]}") <= width:
                line, used = f"{line} {words[used]}", used + 1
            if used == len(words) or metrics.horizontalAdvance(line) > width:
                break  # one word wider than the bar: it is elided on this line
            lines.append(line)
            rest = " ".join(words[used:])
        lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
        return lines

    def displayed_text(self) -> str:
        """Return the current message as drawn, its lines joined by spaces."""
        return " ".join(self.displayed_lines())

    def _needed_height(self) -> int:
        lines = len(self.displayed_lines()) if self.currentMessage() else 1
        if lines == 1:
            return self._one_line_height
        return max(self._one_line_height, lines * self.fontMetrics().lineSpacing() + 2 * VERTICAL_MARGIN)

    def _fit_height(self) -> None:
        height = self._needed_height()
        if self.minimumHeight() != height:
            self.setMinimumHeight(height)
            self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), self._needed_height()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        # A narrower window can need a second line for the same message, a wider one no longer.
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt naming)
        if not self.currentMessage():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        lines = self.displayed_lines()
        if len(lines) == 1:
            area = self.rect().adjusted(TEXT_MARGIN, 0, -SIZE_GRIP_SPACE, 0)
            painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, lines[0])
            return
        spacing = self.fontMetrics().lineSpacing()
        top = (self.height() - spacing * len(lines)) // 2
        for number, line in enumerate(lines):
            area = self.rect().adjusted(TEXT_MARGIN, 0, -SIZE_GRIP_SPACE, 0)
            area.setTop(top + number * spacing)
            area.setHeight(spacing)
            painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
