"""Entry point of ``reportlint-cli`` (``reportlint-cli.exe``), the console executable of the packaged build.

Exactly ``python -m linting``: the same subcommands, options, output and exit
status.  It is a separate executable because the editor ``ReportLint.exe`` is a
windowed program (no console: its output would be lost), and on Windows it
can't be called ``reportlint.exe`` next to ``ReportLint.exe`` (names are
case-insensitive).
"""

from __future__ import annotations

import multiprocessing
import sys

from linting.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # `check` runs worker processes
    sys.exit(main())
