"""Qt-free numerical core: model, training, data, weights files.

Nothing under this package may import Qt; a test enforces it.
"""
