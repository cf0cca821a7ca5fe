"""关于: version equals pyproject's; the bundled libraries' licenses are listed."""

from __future__ import annotations

import tomllib
from pathlib import Path

import linting
from ui.about import BUNDLED_LIBRARIES, AboutDialog

ROOT = Path(__file__).resolve().parents[2]


def test_version_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert linting.__version__ == project["version"]


def test_about_shows_version_and_licenses(qtbot) -> None:
    dlg = AboutDialog()
    qtbot.addWidget(dlg)
    text = dlg.text()
    assert linting.__version__ in text
    for name, lic in [("PySide6", "LGPLv3"), ("python-docx", "MIT"), ("lxml", "BSD"), ("jieba", "MIT")]:
        assert name in text
        assert lic in text
    assert "PSF" in text
    assert len(BUNDLED_LIBRARIES) == 5
