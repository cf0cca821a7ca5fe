"""ReportLint entry point.

The editor window (``ui/``) is the next milestone.  Until it lands,
``python main.py [FILE_OR_FOLDER ...]`` runs the checker — exactly
``python -m linting check`` — on the given paths, or on the bundled sample
reports in ``resources/samples/`` when none is given.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    """``resources/`` next to this file, or inside a PyInstaller bundle."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent))
    return base / "resources"


def main(argv: list[str] | None = None) -> int:
    from linting.cli import main as cli_main

    args = list(sys.argv[1:] if argv is None else argv)
    paths = args or [str(resource_dir() / "samples")]
    return cli_main(["check", *paths])


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # the batch check uses worker processes; needed in a frozen build
    sys.exit(main())
