"""Test-wide setup: backups of saved files go to a temporary folder, never the user's data folder."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _backups_in_tmp(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTLINT_BACKUP_DIR", str(tmp_path_factory.getbasetemp() / "backups"))
