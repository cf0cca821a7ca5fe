"""Shared setup for the editor's Qt tests (pytest-qt, offscreen).

``QT_QPA_PLATFORM=offscreen`` is set here, before anything imports Qt.  Every
test gets its own data, backup and config folders and its own QSettings file,
so no test reads or writes the user's real settings; the global thread pool is
drained after each test so no background lint outlives its window.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _ui_isolation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Per-test data/backup/config folders and QSettings file; the thread pool drained afterwards."""
    from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool

    data = tmp_path / "_appdata"
    monkeypatch.setenv("REPORTLINT_DATA_DIR", str(data / "data"))
    monkeypatch.setenv("REPORTLINT_BACKUP_DIR", str(data / "backups"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(data / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(data / "cache"))
    monkeypatch.setenv("APPDATA", str(data / "roaming"))
    QCoreApplication.setOrganizationName("ReportLint")
    QCoreApplication.setApplicationName("ReportLint")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(data / "qsettings"))
    QSettings().clear()
    yield
    QThreadPool.globalInstance().waitForDone(10_000)
