"""The core stays Qt-free, and every rule is registered once with a stable id."""

from __future__ import annotations

import re
from pathlib import Path

from linting.rules import RULES

ROOT = Path(__file__).resolve().parents[1]

CONTRACT_IDS = [
    "heading-skip",
    "heading-duplicate",
    "heading-order",
    "heading-style-mixed",
    "heading-level-jump",
    "heading-punctuation",
    "ordinal-skip",
    "ordinal-duplicate",
    "ordinal-order",
    "ordinal-mixed",
    "ordinal-nested",
    "placeholder",
    "missing-section",
    "duplicate-word",
    "count-mismatch",
    "halfwidth-punct",
    "unbalanced-pair",
]


def test_linting_imports_no_qt() -> None:
    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6|PyQt)", re.M)
    offenders = [str(p) for p in (ROOT / "linting").rglob("*.py") if pattern.search(p.read_text("utf-8"))]
    assert offenders == []


def test_contract_rule_ids_all_present() -> None:
    assert set(CONTRACT_IDS) <= set(RULES)


def test_defaults_toml_is_package_data() -> None:
    assert (ROOT / "linting" / "data" / "defaults.toml").is_file()
