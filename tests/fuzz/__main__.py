"""``python -m tests.fuzz`` → :func:`tests.fuzz.run.main`."""

from __future__ import annotations

import sys

from .run import main

if __name__ == "__main__":
    sys.exit(main())
