import multiprocessing
import sys

# In the packaged app the training process starts this same executable, and
# freeze_support runs the child's code there and exits instead of opening the app.
multiprocessing.freeze_support()

from rnn_desktop.cli import main  # noqa: E402 (after freeze_support, so the child skips it)

sys.exit(main())
