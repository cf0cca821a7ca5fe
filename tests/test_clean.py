"""Twelve polished reports written independently of the implementation (tests/data/clean/README.md
lists the traps in each: 诊诊, 三、四级手术, 第一书记, 有待, 统一要求, 互联网+, STEM (…), 某企业 as a case,
nested quotes, 1—11月, 附件 lists …). A careful writer's text must get no warning at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linting.engine import Linter
from linting.io import open_document

CLEAN = Path(__file__).parent / "data" / "clean"
FILES = sorted(CLEAN.glob("*.txt"))
LINTER = Linter()


def test_there_are_twelve() -> None:
    assert len(FILES) == 12


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_clean_report_gets_no_finding(path: Path) -> None:
    result = LINTER.lint(open_document(path).paragraphs)
    assert result.doctype is not None
    assert len(result.outline) >= 5
    assert [(p.paragraph + 1, p.rule, p.excerpt, p.message) for p in result.problems] == []
