"""``python -m unboil``: the same as the ``unboil`` command."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
