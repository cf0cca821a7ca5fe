"""Ten drafts with harder defects (deeper-level slips, numbering that fails to restart, series slips
across paragraphs, counts announcing heading runs, section order, look-alikes in context), written and
annotated independently of the implementation (tests/data/tricky/annotations.toml)."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from linting.engine import Linter
from linting.io import open_document
from tests.helpers import annotation_key

TRICKY = Path(__file__).parent / "data" / "tricky"
ANNOTATIONS = tomllib.loads((TRICKY / "annotations.toml").read_text("utf-8"))
LINTER = Linter()


def test_annotation_size() -> None:
    assert len(ANNOTATIONS) == 10 and sum(len(a["findings"]) for a in ANNOTATIONS.values()) >= 50


@pytest.mark.parametrize("name", sorted(ANNOTATIONS))
def test_tricky_draft(name: str) -> None:
    result = LINTER.lint(open_document(TRICKY / name).paragraphs)
    assert result.doctype == ANNOTATIONS[name]["doctype"]
    got = Counter(annotation_key(p) for p in result.problems if p.severity.value != "info")
    expected = Counter(tuple(f) for f in ANNOTATIONS[name]["findings"])
    assert not expected - got, f"missed: {sorted((expected - got).elements())}"
    assert not got - expected, f"false findings: {sorted((got - expected).elements())}"
