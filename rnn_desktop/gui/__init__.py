"""PySide6 + pyqtgraph desktop interface on top of `rnn_desktop.core`."""
