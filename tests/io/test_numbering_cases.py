"""Word numbering corner cases (tests/io/numbering_cases.py): our labels are the ones Word shows."""

from __future__ import annotations

import pytest

from linting.io.docx_read import read_docx
from tests.io.numbering_cases import CASES


@pytest.mark.parametrize("name", sorted(CASES))
def test_numbering_case(name: str, tmp_path) -> None:
    case = CASES[name]
    path = tmp_path / f"{name}.docx"
    path.write_bytes(case.build())
    assert [q.auto_number for q in read_docx(path).paragraphs] == case.expected, case.note


def test_cases_have_distinct_paragraph_texts(tmp_path) -> None:
    """The LibreOffice comparison aligns by text, so no case repeats a paragraph."""
    for name, case in CASES.items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(case.build())
        texts = [q.text for q in read_docx(path).paragraphs]
        assert len(set(texts)) == len(texts) == len(case.expected), name


def test_enclosed_ideograph_label_is_the_paren_level() -> None:
    """Word's ㈠㈡ (ideographEnclosedCircle) label reads as the （一） level in the outline."""
    from linting.markers import parse_auto_number

    marker = parse_auto_number("㈢")
    assert marker is not None and (marker.style, marker.value, marker.from_auto_number) == ("cn-paren", 3, True)
    assert parse_auto_number("①") is not None and parse_auto_number("①").style != "cn-paren"


def test_comparison_aligns_and_reports_label_differences(tmp_path) -> None:
    """The LibreOffice comparison (tests/bench/numbering.py) on a made-up export, no LibreOffice needed."""
    from tests.bench.numbering import compare

    path = tmp_path / "skipped.docx"
    path.write_bytes(CASES["skipped-level"].build())
    lo_text = "\ufeff1.\t跳级第1段内容\n\n1.1.1 跳级第2段内容\n1.1\t跳级第3段内容\n"
    res = compare(path, lo_text)
    assert (res.paragraphs, res.aligned, res.labelled, res.agree) == (3, 3, 3, 2)
    assert [(i, ours, theirs) for i, ours, theirs, _ in res.diffs] == [(2, "1.2", "1.1")]
    bullets = compare(path, "•\t跳级第1段内容\n跳级第2段内容\n")
    assert bullets.aligned == 2 and [d[2] for d in bullets.diffs] == [None, None]
