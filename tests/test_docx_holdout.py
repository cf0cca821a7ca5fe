"""Six .docx reports built independently of the implementation (tests/data/docx_holdout/make.py):
Word auto-numbered headings (including a list Word restarts by mistake), typed numbers, tables,
headers/footers, footnotes, text boxes, content controls, hyperlinks, tracked changes, comments.

The paragraph list, the outline (as Word shows it) and the findings must match the annotation.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from linting.engine import Linter
from linting.io import open_document
from tests.helpers import annotation_key

HOLDOUT = Path(__file__).parent / "data" / "docx_holdout"
ANNOTATIONS = tomllib.loads((HOLDOUT / "annotations.toml").read_text("utf-8"))
LINTER = Linter()


@pytest.mark.parametrize("name", sorted(ANNOTATIONS))
def test_docx_holdout(name: str) -> None:
    a = ANNOTATIONS[name]
    doc = open_document(HOLDOUT / name)
    assert len(doc.paragraphs) == a["paragraphs"]
    result = LINTER.lint(doc.paragraphs)
    assert result.doctype == a["doctype"]
    assert [e.number + e.title for e in result.outline] == a["outline"]
    got = Counter(annotation_key(p) for p in result.problems if p.severity.value != "info")
    assert got == Counter(tuple(f) for f in a["findings"])
    for p in result.problems:
        if p.severity.value == "info":
            assert [p.paragraph + 1, p.rule] in [f[:2] for f in a.get("info_findings", [])]
