"""Test-wide setup: backups go to a temporary folder; the ``corpus`` layer is skipped without a corpus;
under CI (the ``CI`` environment variable set) hypothesis runs derandomized, so a CI run is deterministic;
every reuse of a cached outline is verified against a fresh build."""

from __future__ import annotations

import os

# Every reuse of the last outline in the suite is checked against a fresh build (linting/view.py);
# set before anything imports linting.
os.environ.setdefault("REPORTLINT_VERIFY_OUTLINE_REUSE", "1")

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from tests import corpus  # noqa: E402

settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _backups_in_tmp(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTLINT_BACKUP_DIR", str(tmp_path_factory.getbasetemp() / "backups"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip every test marked ``corpus`` with one stated reason when the outside corpus is absent."""
    if corpus.AVAILABLE:
        return
    skip = pytest.mark.skip(reason=corpus.SKIP_REASON)
    for item in items:
        if item.get_closest_marker("corpus") is not None:
            item.add_marker(skip)


def pytest_report_header(config: pytest.Config) -> str:
    """Say once, at the top of the run, whether the corpus layer runs."""
    if corpus.AVAILABLE:
        return f"corpus layer: {corpus.ROOT}"
    return corpus.SKIP_REASON
