"""Every .docx reads, and saving unchanged text gives back identical zip entries.

The project's own .docx (tests/data) always; the outside corpus's when it is here (``corpus`` layer).
"""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from linting.io.docx_read import read_docx
from linting.io.docx_write import render_docx
from linting.io.errors import ReadError
from linting.model import OBJECT_CHAR
from tests import corpus

FILES = corpus.corpus_files("docx", "*.docx", "*.dotx")
OWN_FILES = sorted(corpus.DATA.glob("*/*.docx"))
REJECTED = {"mammoth__strict-format.docx", "GongWen-Template-Lite__template.dotx"}


def _entries(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


@corpus.corpus
@pytest.mark.parametrize("path", FILES, ids=lambda f: f.name)
def test_reads_and_round_trips(path, tmp_path):
    _reads_and_round_trips(path, tmp_path)


@pytest.mark.parametrize("path", OWN_FILES, ids=lambda f: f"{f.parent.name}/{f.name}")
def test_own_docx_reads_and_round_trips(path, tmp_path):
    _reads_and_round_trips(path, tmp_path)


def _reads_and_round_trips(path, tmp_path):
    if path.name in REJECTED:
        with pytest.raises(ReadError) as info:
            read_docx(path)
        assert any("\u4e00" <= c <= "\u9fff" for c in info.value.reason)
        return
    doc = read_docx(path)
    assert doc.kind == "docx" and doc.source is not None
    assert doc.source.spans is not None
    # python-docx sees body paragraphs (no sdt/table content): we see at least as many
    pd = docx.Document(str(path))
    assert len(doc.paragraphs) >= len(pd.paragraphs)
    assert render_docx(doc, doc.texts) == path.read_bytes()

    # a one-character edit in every paragraph round-trips and leaves other entries identical
    new = [t + "改" if t else t for t in doc.texts]
    out = render_docx(doc, new)
    orig_entries = _entries(path.read_bytes())
    new_entries = _entries(out)
    assert [n for n, _ in orig_entries] == [n for n, _ in new_entries]
    for (name, a), (_, b) in zip(orig_entries, new_entries, strict=True):
        if name != doc.source.part:
            assert a == b, name
    out_path = tmp_path / "out.docx"
    out_path.write_bytes(out)
    assert read_docx(out_path).texts == new
    docx.Document(str(out_path))


def _doc(name: str):
    return read_docx(corpus.docx(name))


@corpus.corpus
def test_sdt_cell_content():
    doc = _doc("poi-tl__sdt_cell.docx")
    text = "\n".join(doc.texts)
    for s in ("表格嵌套表格", "独立文本内容控件", "最后目标：文本控件内的文字和表格", "我是{{title}}"):
        assert s in text
    assert any(p.in_table for p in doc.paragraphs)
    assert [p.auto_number for p in doc.paragraphs if p.auto_number][:3] == ["1.", "2.", "3."]


@corpus.corpus
def test_914_toc_and_numbered_heading():
    doc = _doc("poi-tl__914.docx")
    assert "风险识别" in doc.texts and "风险详情：" in doc.texts
    toc = [p for p in doc.paragraphs if p.style and p.style.lower().startswith("toc")]
    assert toc and all(p.read_only and p.outline_level is None for p in toc)
    heading = doc.paragraphs[doc.texts.index("风险识别")]
    assert heading.auto_number == "一、" and heading.outline_level == 1 and not heading.read_only


@corpus.corpus
def test_gongwen_heading_labels():
    doc = _doc("GongWen-Template-Lite__out.docx")
    by_text = {p.text: p for p in doc.paragraphs}
    assert by_text["一级标题a"].auto_number == "一、"
    assert by_text["一级标题k"].auto_number == "十一、"
    assert by_text["二级标题a"].auto_number == "（一）"
    assert by_text["二级标题k"].auto_number == "（十一）"
    assert by_text["三级标题a"].auto_number == "1."
    assert by_text["三级标题j"].auto_number == "10."
    assert by_text["四级标题a"].auto_number == "（1）"
    # after 二级标题 (十二), the third level restarts
    assert by_text["三级标题1"].auto_number == "1."
    assert by_text["一级标题2"].auto_number == "十二、"
    assert by_text["二级标题3"].auto_number == "（一）"
    # heading 2..5 styles carry outline levels 2..5; Title is 0
    assert by_text["一级标题a"].outline_level == 2
    assert by_text["测试文段"].outline_level == 0
    assert by_text["一级标题a"].text == "一级标题a"  # the label is not in the text
    assert "- 1 -" in doc.extra["footers"]


@corpus.corpus
def test_textbox_and_tracked_changes():
    doc = _doc("mammoth__text-box.docx")
    assert OBJECT_CHAR in doc.texts[0]
    assert doc.extra["textboxes"]
    tracked = _doc("poi-tl__636.docx")
    assert any(p.read_only for p in tracked.paragraphs)
