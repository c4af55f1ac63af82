"""A label for status and metrics lines of any length, which wraps instead of widening the window."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class WrappingLabel(QLabel):
    """A word-wrapped QLabel that requests no width of its own, with its whole text as the tooltip.

    A plain QLabel's minimum width is its text's width, so one long warning
    widened the main window past the screen. This label takes the width the
    layout gives it and grows in height instead. A word longer than that width,
    such as a long file path, is clipped, and the tooltip still shows it whole.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._holding = False
        self.setText(text)

    def hold_height(self, hold: bool) -> None:
        """Keep, while ``hold`` is True, the tallest height the label's texts needed since.

        A line of numbers that changes every epoch may wrap onto a second line
        and back, and the widgets below would jump up and down each time.
        """
        if hold and self._holding:
            return  # already held, as from a pause to the resumed run: the tallest height stays
        # A label never shown has no width of its own yet, and would wrap a word per line.
        self._holding = hold and self.isVisible()
        self.setMinimumHeight(self.heightForWidth(self.width()) if self._holding else 0)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt naming)
        super().setText(text)
        self.setToolTip(text.strip())
        if self._holding:
            self.setMinimumHeight(max(self.minimumHeight(), self.heightForWidth(self.width())))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        if self._holding and event.size().width() != event.oldSize().width():
            # A new width wraps the text anew, so the height held for the old width no longer applies.
            # QLabel's heightForWidth never returns less than the minimum height, so that goes first.
            self.setMinimumHeight(0)
            self.setMinimumHeight(self.heightForWidth(event.size().width()))
