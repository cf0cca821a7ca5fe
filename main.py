"""ReportLint desktop editor: ``python main.py [FILE...]``.

No file opens the bundled sample report as an untitled copy.  Also
``--self-test FILE`` (smoke test of the packaged app) and ``--screenshot
OUT.png [FILE]``; see :mod:`ui.app`.  The command-line checker is
``python -m linting``.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from ui.app import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # the batch check uses worker processes; needed in a frozen build
    sys.exit(main())
