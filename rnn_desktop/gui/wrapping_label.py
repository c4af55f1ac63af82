"""A label for status and metrics lines of any length, which wraps instead of widening the window."""

from __future__ import annotations

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
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 (Qt naming)
        super().setText(text)
        self.setToolTip(text.strip())
