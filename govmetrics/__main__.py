"""``python -m govmetrics``: the same command as ``govmetrics``."""

import sys

from govmetrics.cli import main

if __name__ == "__main__":
    sys.exit(main())
