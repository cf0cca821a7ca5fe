"""Where ReportLint keeps its per-user files (backups, recovery copies, logs, caches).

One place decides the folder, so the editor, the command line and the
packaged build agree:

* ``REPORTLINT_DATA_DIR`` (tests and portable installs) wins;
* Windows: ``%LOCALAPPDATA%\\ReportLint``;
* macOS: ``~/Library/Application Support/ReportLint``;
* elsewhere: ``$XDG_DATA_HOME/reportlint`` (default ``~/.local/share/reportlint``).

The user's *configuration* is elsewhere (:func:`linting.config.user_config_path`,
roaming ``%APPDATA%`` on Windows): it is settings, not data.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def data_dir() -> Path:
    """The per-user data folder (not created here)."""
    override = os.environ.get("REPORTLINT_DATA_DIR")
    if override:
        return Path(override)
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "ReportLint"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "ReportLint"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "reportlint"


def subdir(name: str, *, create: bool = True) -> Path:
    """``data_dir() / name``, created on demand (``backups``, ``recovery``, ``logs``, ``cache``…)."""
    d = data_dir() / name
    if create:
        d.mkdir(parents=True, exist_ok=True)
    return d
