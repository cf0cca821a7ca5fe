"""Enter at the end of a paragraph, saved as Word saves it: the new paragraph takes the style's ``w:next``.

The editor marks the part of a split made by Enter at a paragraph's end with
:class:`linting.model.AfterEnd` in ``sources``; a plain index repeated is a split
anywhere else (Enter in the middle or at the start), where both parts keep the style.
"""

from __future__ import annotations

import pickle
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from linting.io import open_document, save_document
from linting.model import AfterEnd, Paragraph
from tests.io.nextstyle_files import INDEX, PARAGRAPHS, write_next_style_docx
from tests.libreoffice import needs_soffice, render_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TYPED = "新写的一段正文，没有标题格式。"


def _body_paragraphs(path: Path) -> list[etree._Element]:
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    return list(root.iter(f"{W}p"))


def _ppr_children(p: etree._Element) -> list[str]:
    ppr = p.find(f"{W}pPr")
    return [] if ppr is None else [etree.QName(c).localname for c in ppr]


def _enter_at_end(path: Path, name: str, marker: type[int] = AfterEnd) -> tuple[Path, int]:
    """Open the fixture, press "Enter at the end" of paragraph ``name`` and type TYPED; save; return (file, new index)."""
    doc = open_document(path)
    i = INDEX[name]
    texts = doc.texts
    texts.insert(i + 1, TYPED)
    sources: list[int | None] = list(range(len(doc.paragraphs)))
    sources.insert(i + 1, marker(i))
    save_document(doc, texts, sources=sources)
    return path, i + 1


@pytest.fixture
def fixture_docx(tmp_path: Path) -> Path:
    return write_next_style_docx(tmp_path / "报告.docx")


def test_reader_exposes_the_next_style(fixture_docx: Path) -> None:
    paras = open_document(fixture_docx).paragraphs
    assert paras[INDEX["h1"]].next_style == ("Normal", None)
    assert paras[INDEX["cn"]].next_style == ("正文", None)
    assert paras[INDEX["numh1"]].next_style == ("Normal", None)
    assert paras[INDEX["own"]].next_style is None  # no w:next: Word keeps the style
    assert paras[INDEX["item1"]].next_style is None
    assert paras[INDEX["body1"]].next_style is None  # Normal's w:next is itself


def test_next_style_survives_pickling_and_is_not_part_of_equality() -> None:
    p = Paragraph("一、总体情况", style="heading 1", outline_level=1, next_style=("Normal", None))
    q = pickle.loads(pickle.dumps(p))
    assert q.next_style == ("Normal", None)
    assert p == Paragraph("一、总体情况", style="heading 1", outline_level=1)


def test_heading_enter_at_end_gives_a_normal_paragraph(fixture_docx: Path) -> None:
    before = _body_paragraphs(fixture_docx)
    path, j = _enter_at_end(fixture_docx, "h1")
    after = _body_paragraphs(path)
    new = after[j]
    assert "".join(new.itertext()) == TYPED
    # default style: no w:pStyle; nothing of the heading's direct formatting
    assert _ppr_children(new) == []
    assert all(r.find(f"{W}rPr") is None for r in new.iter(f"{W}r"))
    # the heading itself and everything else are unchanged
    heading = after[j - 1]
    assert etree.tostring(heading) == etree.tostring(before[j - 1])
    reread = open_document(path).paragraphs
    assert (reread[j].text, reread[j].style, reread[j].outline_level, reread[j].auto_number) == (
        TYPED,
        "Normal",
        None,
        None,
    )
    assert reread[j - 1].style == "heading 1" and reread[j - 1].outline_level == 1
    originals = [open_document(write_next_style_docx(path.with_name("原件.docx"))).texts]
    assert [p.text for k, p in enumerate(reread) if k != j] == originals[0]


def test_plain_split_at_end_keeps_the_style(fixture_docx: Path) -> None:
    """A repeated plain index is a split (as Enter in the middle): both parts keep the style."""
    path, j = _enter_at_end(fixture_docx, "h1", marker=int)
    reread = open_document(path).paragraphs
    assert reread[j].text == TYPED
    assert reread[j].style == "heading 1" and reread[j].outline_level == 1


def test_chinese_named_heading_gets_its_next_style(fixture_docx: Path) -> None:
    path, j = _enter_at_end(fixture_docx, "cn")
    new = _body_paragraphs(path)[j]
    ppr = new.find(f"{W}pPr")
    assert ppr is not None and [c.get(f"{W}val") for c in ppr] == ["Zw"]
    reread = open_document(path).paragraphs[j]
    assert (reread.style, reread.outline_level) == ("正文", None)


def test_style_without_next_keeps_everything(fixture_docx: Path) -> None:
    path, j = _enter_at_end(fixture_docx, "own")
    after = _body_paragraphs(path)
    assert etree.tostring(after[j].find(f"{W}pPr")) == etree.tostring(after[j - 1].find(f"{W}pPr"))
    reread = open_document(path).paragraphs[j]
    assert (reread.style, reread.outline_level) == ("My Heading", 2)


def test_numbered_list_item_gives_another_item(fixture_docx: Path) -> None:
    path, j = _enter_at_end(fixture_docx, "item1")
    reread = open_document(path).paragraphs
    assert (reread[j].text, reread[j].style, reread[j].auto_number) == (TYPED, "List Paragraph", "2.")
    assert reread[j + 1].auto_number == "3."


def test_style_numbered_heading_gives_unnumbered_body(fixture_docx: Path) -> None:
    path, j = _enter_at_end(fixture_docx, "numh1")
    reread = open_document(path).paragraphs
    assert (reread[j].style, reread[j].outline_level, reread[j].auto_number) == ("Normal", None, None)
    assert (reread[j - 1].auto_number, reread[j + 1].auto_number) == ("（一）", "（二）")


def test_section_break_moves_to_the_new_paragraph(fixture_docx: Path) -> None:
    path, j = _enter_at_end(fixture_docx, "sect")
    after = _body_paragraphs(path)
    assert "sectPr" not in _ppr_children(after[j - 1])
    assert _ppr_children(after[j]) == ["sectPr"]
    assert open_document(path).paragraphs[j].style == "Normal"


def test_edited_heading_and_typed_part_both_saved(fixture_docx: Path) -> None:
    """The flag is the editor's word, not a guess from texts: the heading may be edited too."""
    doc = open_document(fixture_docx)
    i = INDEX["h1"]
    texts = doc.texts
    texts[i] = "一、总体情况和成效"
    texts.insert(i + 1, TYPED)
    sources: list[int | None] = list(range(len(doc.paragraphs)))
    sources.insert(i + 1, AfterEnd(i))
    save_document(doc, texts, sources=sources)
    reread = open_document(fixture_docx).paragraphs
    assert (reread[i].text, reread[i].style) == ("一、总体情况和成效", "heading 1")
    assert (reread[i + 1].text, reread[i + 1].style) == (TYPED, "Normal")


@needs_soffice
def test_saved_file_opens_in_libreoffice(fixture_docx: Path, tmp_path: Path) -> None:
    path, _j = _enter_at_end(fixture_docx, "h1")
    text, r = render_text(path, tmp_path)
    assert r.returncode == 0, r.stderr
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    h = lines.index("一、总体情况")
    assert lines[h + 1] == TYPED
    assert lines[-1] == PARAGRAPHS[-1][1].split("<w:t>")[1].split("</w:t>")[0]  # nothing after it is lost


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.integers(0, len(PARAGRAPHS) - 1), st.text("正文一二。，", max_size=6), st.booleans()),
        max_size=6,
    )
)
def test_random_enters_at_ends_keep_texts_and_give_next_styles(tmp_path: Path, enters) -> None:  # noqa: ANN001
    """Enter at the end of any paragraphs (several after one, some as plain splits): every text comes back,
    each original paragraph keeps its style, each new one has the next style (or its source's)."""
    path = write_next_style_docx(tmp_path / "随机.docx")
    doc = open_document(path)
    after: dict[int, list[tuple[str, bool]]] = {}
    for i, text, flagged in enters:
        after.setdefault(i, []).append((text, flagged))
    texts: list[str] = []
    sources: list[int | None] = []
    expected: list[str | None] = []
    for i, p in enumerate(doc.paragraphs):
        texts.append(p.text)
        sources.append(i)
        expected.append(p.style)
        for text, flagged in after.get(i, []):
            texts.append(text)
            sources.append(AfterEnd(i) if flagged else i)
            expected.append(p.next_style[0] if flagged and p.next_style else p.style)
    save_document(doc, texts, sources=sources)
    reread = open_document(path).paragraphs
    assert [p.text for p in reread] == texts
    assert [p.style for p in reread] == expected


def test_marked_first_output_is_restyled_too(fixture_docx: Path) -> None:
    """A paragraph Enter made can outlive the heading it came from (its block deleted): the mark still
    restyles it, even with the heading's old text and nothing else changed."""
    doc = open_document(fixture_docx)
    i = INDEX["sect"]
    sources: list[int | None] = list(range(len(doc.paragraphs)))
    sources[i] = AfterEnd(i)
    save_document(doc, doc.texts, sources=sources)
    reread = open_document(fixture_docx).paragraphs
    assert (reread[i].text, reread[i].style, reread[i].outline_level) == ("三、下一步打算", "Normal", None)
    assert _ppr_children(_body_paragraphs(fixture_docx)[i]) == ["sectPr"]
