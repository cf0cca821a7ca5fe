"""The ten seed drafts against the hand annotation in tests/data/seed_annotations.toml.

The engine must find every annotated defect and nothing else (half-width
punctuation is checked separately, against an independent simple rule).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from linting.engine import Linter
from linting.model import Paragraph
from tests import corpus
from tests.helpers import annotation_key

SEED = corpus.SEED
pytestmark = corpus.corpus  # the seed drafts live in the outside corpus (tests/corpus.py)
ANNOTATIONS = tomllib.loads((Path(__file__).parent / "data" / "seed_annotations.toml").read_text("utf-8"))
LINTER = Linter()


def _lint(name: str):
    lines = corpus.seed(name).read_text("utf-8").split("\n")
    return lines, LINTER.lint([Paragraph(t) for t in lines])


def test_seed_folder_is_there() -> None:
    assert sorted(ANNOTATIONS) == [f"doc{i:02d}" for i in range(1, 11)]
    assert all((SEED / f"{n}.txt").is_file() for n in ANNOTATIONS)


@pytest.mark.parametrize("name", sorted(ANNOTATIONS))
def test_seed_matches_annotation(name: str) -> None:
    _, result = _lint(name)
    got = Counter(annotation_key(p) for p in result.problems if p.rule != "halfwidth-punct")
    expected = Counter(tuple(f) for f in ANNOTATIONS[name]["findings"])
    assert not expected - got, f"missed: {sorted((expected - got).elements())}"
    assert not got - expected, f"false findings: {sorted((got - expected).elements())}"
    assert result.doctype == ANNOTATIONS[name]["doctype"]


_HALF_NEAR_CJK = re.compile(r"[\u4e00-\u9fff][ ]?[,;:?!()]|[,;:?!()][ ]?[\u4e00-\u9fff]")


@pytest.mark.parametrize("name", sorted(ANNOTATIONS))
def test_seed_halfwidth_one_per_paragraph(name: str) -> None:
    lines, result = _lint(name)
    lost = {f[0] for f in ANNOTATIONS[name]["findings"] if f[2] == "?"}
    expected = set()
    for i, line in enumerate(lines):
        stripped = line
        if i + 1 in lost:
            stripped = re.sub(r"(?<=[\u4e00-\u9fff0-9])\?(?=[\u4e00-\u9fff0-9,])", "", line)
        if _HALF_NEAR_CJK.search(stripped):
            expected.add(i)
    got = [p.paragraph for p in result.problems if p.rule == "halfwidth-punct"]
    assert len(got) == len(set(got)), "more than one half-width finding in a paragraph"
    assert set(got) == expected
    for p in result.problems:
        if p.rule == "halfwidth-punct":
            assert p.fix is not None and p.fix.applicability.value == "safe"
            for e in p.fix.edits:
                assert lines[p.paragraph][e.start : e.end] in ",;:?!()"


def test_seed_doc08_outline_restarts_under_unnumbered_headings() -> None:
    _, result = _lint("doc08")
    top = [e for e in result.outline if e.level == 1 and e.number == ""]
    assert [e.title for e in top] == [
        "掌握意识形态工作的主阵地",
        "畅通意识形态工作的主渠道",
        "依靠意识形态工作的主力军",
    ]
    children = [e.number for e in result.outline if e.level == 2]
    assert children == ["1.", "2.", "1.", "2.", "3.", "1.", "2.", "3."]


def test_seed_doc02_outline_levels() -> None:
    _, result = _lint("doc02")
    assert [(e.level, e.number) for e in result.outline] == [
        (1, "一、"),
        (2, "(一)"),
        (2, "(二)"),
        (2, "(三)"),
        (1, "二、"),
        (1, "三、"),
    ]
    assert result.outline[-1].title == "存在的问题及下步打算"
