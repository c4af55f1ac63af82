"""States of the main window's training run."""

IDLE = "idle"  # no worker thread
RUNNING = "running"  # the worker trains
PAUSED = "paused"  # the worker waits at a checkpoint between batches
