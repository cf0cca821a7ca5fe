"""The made-up regression set (tests/data/made_up): documents written for this project in types and
habits the development corpus is thin on. Clean ones must give no warning; defect ones exactly the
expected findings, as .txt and as the official-format .docx; safe fixes change no Chinese character.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from linting.chars import is_han
from linting.engine import Linter, fix_paragraphs
from linting.io import convert_file, open_document
from tests.helpers import annotation_key

MADE_UP = Path(__file__).parent / "data" / "made_up"
EXPECTED = tomllib.loads((MADE_UP / "expected.toml").read_text("utf-8"))
LINTER = Linter()


def _keys(problems) -> Counter:
    return Counter(annotation_key(pr) for pr in problems if pr.severity.value != "info")


def test_every_document_has_expectations_and_the_set_is_balanced() -> None:
    names = {p.name for p in MADE_UP.glob("*.txt")}
    assert names == set(EXPECTED)
    clean = [n for n in names if n.startswith("c")]
    defects = [n for n in names if n.startswith("d")]
    assert len(clean) >= 10 and len(defects) >= 10
    assert all(not EXPECTED[n]["findings"] for n in clean)
    assert all(EXPECTED[n]["findings"] for n in defects)
    rules = {f[1] for n in defects for f in EXPECTED[n]["findings"]}
    assert len(rules) >= 12  # the defects exercise most rule families


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_made_up_txt(name: str) -> None:
    result = LINTER.lint(open_document(MADE_UP / name).paragraphs)
    assert (result.doctype or "") == EXPECTED[name]["doctype"]
    got = _keys(result.problems)
    expected = Counter(tuple(f) for f in EXPECTED[name]["findings"])
    assert not expected - got, f"missed: {sorted((expected - got).elements())}"
    assert not got - expected, f"false findings: {sorted((got - expected).elements())}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_made_up_as_docx_gives_the_same_findings(name: str, tmp_path: Path) -> None:
    out = tmp_path / (Path(name).stem + ".docx")
    convert_file(MADE_UP / name, out)
    docx = LINTER.lint(open_document(out).paragraphs)
    txt = LINTER.lint(open_document(MADE_UP / name).paragraphs)
    assert _keys(docx.problems) == _keys(txt.problems)


def _han(text: str) -> str:
    return "".join(c for c in text if is_han(c))


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if n.startswith("d")))
def test_safe_fixes_keep_every_chinese_character_and_clear_their_findings(name: str) -> None:
    paragraphs = list(open_document(MADE_UP / name).paragraphs)
    before = LINTER.lint(paragraphs)
    fixed, n = fix_paragraphs(Linter(), paragraphs)
    assert len(fixed) == len(paragraphs)
    assert [_han(p.text) for p in fixed] == [_han(p.text) for p in paragraphs]
    safe_rules = {pr.rule for pr in before.problems if pr.fix is not None and pr.fix.applicability.value == "safe"}
    after = Linter().lint(fixed)
    assert not {pr.rule for pr in after.problems} & safe_rules - {"missing-section"}
    assert (n > 0) == bool(safe_rules)
