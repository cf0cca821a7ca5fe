"""Six .docx drafts built independently with Word's own structures (tests/data/tricky_docx/make.py):
a list continued with a start override (Word shows （三） as the first child), typed headings in heading
styles, tables with series in cells, content controls, a TOC field, tracked changes that fix a series,
hyperlinks and comments in headings.  Paragraph list, outline and every finding (info included) are annotated.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from linting.engine import Linter
from linting.io import open_document
from tests.helpers import annotation_key

FOLDER = Path(__file__).parent / "data" / "tricky_docx"
ANNOTATIONS = tomllib.loads((FOLDER / "annotations.toml").read_text("utf-8"))
LINTER = Linter()


@pytest.mark.parametrize("name", sorted(ANNOTATIONS))
def test_tricky_docx(name: str) -> None:
    a = ANNOTATIONS[name]
    doc = open_document(FOLDER / name)
    assert len(doc.paragraphs) == a["paragraphs"]
    result = LINTER.lint(doc.paragraphs)
    assert result.doctype == a["doctype"]
    assert [e.number + e.title for e in result.outline] == a["outline"]
    assert Counter(annotation_key(p) for p in result.problems) == Counter(tuple(f[:3]) for f in a["findings"])
