import sys

from rnn_desktop.cli import main

sys.exit(main())
