"""Reader text and in-place editing on hand-built fixtures (one per tricky construct)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from lxml import etree

from linting.io.docx_read import read_docx
from linting.io.docx_write import render_docx
from linting.model import OBJECT_CHAR
from tests.io.conftest import build_docx, p

HYPERLINK = (
    '<w:p><w:r><w:t>访问</w:t></w:r><w:hyperlink r:id="rIdLink"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>'
    "<w:t>示例网站</w:t></w:r></w:hyperlink><w:r><w:t>获取信息</w:t></w:r></w:p>"
)
COMPLEX_FIELD = (
    '<w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    '<w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页内容</w:t></w:r></w:p>'
)
SIMPLE_FIELD = (
    '<w:p><w:r><w:t>共</w:t></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple>'
    "<w:r><w:t>页总计</w:t></w:r></w:p>"
)
FOOTNOTE = (
    '<w:p><w:r><w:t>正文内容</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
    '<w:footnoteReference w:id="1"/></w:r><w:r><w:t>继续说明</w:t></w:r></w:p>'
)
BOOKMARK = (
    '<w:p><w:bookmarkStart w:id="0" w:name="书签一"/><w:r><w:t>书签内文字</w:t></w:r><w:bookmarkEnd w:id="0"/>'
    "<w:r><w:t>之后</w:t></w:r></w:p>"
)
IMAGE = (
    '<w:p><w:r><w:t>图片前</w:t></w:r><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
    '<wp:extent cx="9525" cy="9525"/><wp:docPr id="1" name="图片 1"/>'
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
    '<pic:nvPicPr><pic:cNvPr id="1" name="image1.png"/><pic:cNvPicPr/></pic:nvPicPr>'
    '<pic:blipFill><a:blip r:embed="rIdImg"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
    '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9525" cy="9525"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr>'
    "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r><w:r><w:t>图片后</w:t></w:r></w:p>"
)
TEXTBOX = (
    '<w:p><w:r><w:t>框前</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
    '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" '
    'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>0'
    '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>0</wp:posOffset></wp:positionV>'
    '<wp:extent cx="914400" cy="914400"/><wp:wrapNone/><wp:docPr id="2" name="文本框 2"/>'
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
    '<wps:spPr><a:prstGeom prst="rect"/></wps:spPr><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框内容</w:t></w:r></w:p>'
    "</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    '</mc:Choice><mc:Fallback><w:pict><v:rect style="width:72pt;height:72pt"><v:textbox><w:txbxContent>'
    "<w:p><w:r><w:t>文本框内容</w:t></w:r></w:p></w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback>"
    "</mc:AlternateContent></w:r><w:r><w:t>框后</w:t></w:r></w:p>"
)
SDT_BLOCK = (
    '<w:sdt><w:sdtPr><w:alias w:val="控件"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>控件段落</w:t></w:r></w:p>'
    "</w:sdtContent></w:sdt>"
)
SDT_INLINE = (
    "<w:p><w:r><w:t>姓名：</w:t></w:r><w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>张三</w:t></w:r></w:sdtContent>"
    "</w:sdt><w:r><w:t>先生</w:t></w:r></w:p>"
)
TRACKED = (
    '<w:p><w:r><w:t>原有</w:t></w:r><w:ins w:id="11" w:author="审阅人" w:date="2024-01-01T00:00:00Z"><w:r>'
    '<w:t>新增</w:t></w:r></w:ins><w:del w:id="12" w:author="审阅人" w:date="2024-01-01T00:00:00Z"><w:r>'
    "<w:delText>删除</w:delText></w:r></w:del><w:r><w:t>文字</w:t></w:r></w:p>"
)
COMMENT = (
    '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>被批注的话</w:t></w:r><w:commentRangeEnd w:id="0"/>'
    '<w:r><w:commentReference w:id="0"/></w:r><w:r><w:t>其余部分</w:t></w:r></w:p>'
)
MERGED_TABLE = (
    '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="1000"/>'
    '<w:gridCol w:w="1000"/><w:gridCol w:w="1000"/></w:tblGrid>'
    '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>'
    + p("合并横")
    + "</w:tc><w:tc>"
    + p("丙一")
    + "</w:tc></w:tr>"
    '<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>'
    + p("纵向合并")
    + "</w:tc><w:tc>"
    + p("乙二")
    + "</w:tc><w:tc>"
    + p("丙二")
    + "</w:tc></w:tr>"
    "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>"
    + p("乙三")
    + "</w:tc><w:tc>"
    + p("丙三")
    + "</w:tc></w:tr></w:tbl>"
)
NESTED_TABLE = (
    '<w:tbl><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid><w:tr><w:tc>'
    + p("外层单元格")
    + '<w:tbl><w:tblGrid><w:gridCol w:w="1000"/></w:tblGrid><w:tr><w:tc>'
    + p("内层单元格")
    + "</w:tc></w:tr></w:tbl>"
    + p("")
    + "</w:tc><w:tc>"
    + p("右侧单元格")
    + "</w:tc></w:tr></w:tbl>"
)
SENTINEL = p("不变的段落")

FEATURES = {
    "hyperlink": (HYPERLINK, ["访问示例网站获取信息"]),
    "complex_field": (COMPLEX_FIELD, ["第3页内容"]),
    "simple_field": (SIMPLE_FIELD, ["共9页总计"]),
    "footnote": (FOOTNOTE, [f"正文内容{OBJECT_CHAR}继续说明"]),
    "bookmark": (BOOKMARK, ["书签内文字之后"]),
    "image": (IMAGE, [f"图片前{OBJECT_CHAR}图片后"]),
    "textbox": (TEXTBOX, [f"框前{OBJECT_CHAR}框后"]),
    "sdt": (SDT_BLOCK + SDT_INLINE, ["控件段落", "姓名：张三先生"]),
    "tracked": (TRACKED, ["原有新增文字"]),
    "comment": (COMMENT, ["被批注的话其余部分"]),
    "merged_cells": (MERGED_TABLE, ["合并横", "丙一", "纵向合并", "乙二", "丙二", "乙三", "丙三"]),
    "nested_table": (NESTED_TABLE, ["外层单元格", "内层单元格", "", "右侧单元格"]),
}

FOOTNOTES_XML = (
    '<?xml version="1.0" encoding="UTF-8"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 脚注正文</w:t></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)
COMMENTS_XML = (
    '<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:comment w:id="0" w:author="审阅人" w:initials="S"><w:p><w:r><w:t>批注内容</w:t></w:r></w:p></w:comment>'
    "</w:comments>"
)
HEADER_XML = (
    '<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:p><w:r><w:t>页眉文字</w:t></w:r></w:p></w:hdr>"
)
FOOTER_XML = (
    '<?xml version="1.0" encoding="UTF-8"?><w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:p><w:r><w:t>页脚文字</w:t></w:r></w:p></w:ftr>"
)
EXTRA_PARTS = {
    "footnotes.xml": FOOTNOTES_XML,
    "comments.xml": COMMENTS_XML,
    "header1.xml": HEADER_XML,
    "footer1.xml": FOOTER_XML,
}
EXTRA_RELS = [
    ("rIdFn", "footnotes", "footnotes.xml"),
    ("rIdCm", "comments", "comments.xml"),
    ("rIdH1", "header", "header1.xml"),
    ("rIdF1", "footer", "footer1.xml"),
]

COUNTED = [
    "drawing", "fldChar", "fldSimple", "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
    "commentReference", "footnoteReference", "sdt", "ins", "del", "tbl", "tc", "hyperlink", "instrText",
    "AlternateContent", "txbxContent", "delText", "r",
]  # fmt: skip


def _make(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "f.docx"
    path.write_bytes(build_docx(body, parts=EXTRA_PARTS, rels=EXTRA_RELS))
    return path


def _counts(xml: bytes) -> dict[str, int]:
    root = etree.fromstring(xml)
    out = dict.fromkeys(COUNTED, 0)
    for el in root.iter():
        if isinstance(el.tag, str):
            name = etree.QName(el).localname
            if name in out:
                out[name] += 1
    return out


def _document_xml(data: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("word/document.xml")


def _edit(text: str) -> str:
    """Replace one character in the middle (not an object) and add a character at the end."""
    if not text:
        return text
    i = len(text) // 2
    while i < len(text) and text[i] == OBJECT_CHAR:
        i += 1
    if i >= len(text):
        return text + "末"
    return text[:i] + "改" + text[i + 1 :] + "末"


@pytest.mark.parametrize("name", sorted(FEATURES))
def test_feature_text_and_edit(tmp_path, name):
    body, expected = FEATURES[name]
    path = _make(tmp_path, body + SENTINEL)
    doc = read_docx(path)
    assert doc.texts == expected + ["不变的段落"]

    # identical texts → identical package
    assert render_docx(doc, doc.texts) == path.read_bytes()

    new = [_edit(t) for t in doc.texts[:-1]] + [doc.texts[-1]]
    out = render_docx(doc, new)
    old_xml = _document_xml(path.read_bytes())
    new_xml = _document_xml(out)
    assert _counts(new_xml) == _counts(old_xml), name
    out_path = tmp_path / "out.docx"
    out_path.write_bytes(out)
    doc2 = read_docx(out_path)
    assert doc2.texts == new
    # the untouched paragraph is byte-identical
    s1, e1 = doc.source.spans[-1]
    s2, e2 = doc2.source.spans[-1]
    assert doc.source.xml[s1:e1] == doc2.source.xml[s2:e2]
    # python-docx can open it
    docx.Document(str(out_path))
    # every other zip entry unchanged
    import zipfile

    with zipfile.ZipFile(path) as a, zipfile.ZipFile(out_path) as b:
        assert a.namelist() == b.namelist()
        for n in a.namelist():
            if n != "word/document.xml":
                assert a.read(n) == b.read(n)


def test_read_only_and_flags(tmp_path):
    path = _make(tmp_path, TRACKED + MERGED_TABLE + p("目录项\t1", style="TOC1") + SENTINEL)
    doc = read_docx(path)
    assert doc.paragraphs[0].read_only
    assert all(q.in_table for q in doc.paragraphs[1:8])
    toc = doc.paragraphs[8]
    assert toc.read_only and toc.outline_level is None and toc.style == "toc 1"
    assert not doc.paragraphs[-1].read_only and not doc.paragraphs[-1].in_table


def test_extras(tmp_path):
    doc = read_docx(_make(tmp_path, TEXTBOX + FOOTNOTE))
    assert doc.extra["textboxes"] == ["文本框内容"]
    assert doc.extra["headers"] == ["页眉文字"]
    assert doc.extra["footers"] == ["页脚文字"]
    assert doc.extra["footnotes"] == [" 脚注正文"]
    assert doc.extra["comments"] == ["批注内容"]


def _hyperlink_text(xml: bytes) -> str:
    root = etree.fromstring(xml)
    ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    return "".join(root.xpath("//w:hyperlink//w:t/text()", namespaces=ns))


def test_boundary_rule_hyperlink(tmp_path):
    path = _make(tmp_path, HYPERLINK)
    doc = read_docx(path)
    # typed right after the link → outside it; right before → outside too
    out = render_docx(doc, ["访问前示例网站后获取信息"])
    assert _hyperlink_text(_document_xml(out)) == "示例网站"
    # replacing text inside the link keeps it inside
    out = render_docx(doc, ["访问样例网站获取信息"])
    assert _hyperlink_text(_document_xml(out)) == "样例网站"
    # appending at the very end of a paragraph that ends with a link goes into the link (only neighbour)
    path2 = tmp_path / "h2.docx"
    path2.write_bytes(build_docx(HYPERLINK.replace("<w:r><w:t>获取信息</w:t></w:r>", "")))
    doc2 = read_docx(path2)
    out = render_docx(doc2, ["访问示例网站。"])
    assert _hyperlink_text(_document_xml(out)) == "示例网站。"


def test_boundary_rule_field(tmp_path):
    doc = read_docx(_make(tmp_path, COMPLEX_FIELD))
    out = render_docx(doc, ["第3X页内容"])
    xml = _document_xml(out).decode()
    assert "<w:t>3</w:t>" in xml and "X页内容" in xml


def test_insert_tab_and_break_inherit_run(tmp_path):
    path = tmp_path / "t.docx"
    path.write_bytes(build_docx(p("甲乙丙丁", rpr="<w:b/>")))
    doc = read_docx(path)
    out = render_docx(doc, ["甲乙\t丙\n丁 "])
    xml = _document_xml(out).decode()
    assert xml.count("<w:r>") == 1 and "<w:tab/>" in xml and "<w:br/>" in xml
    out_path = tmp_path / "o.docx"
    out_path.write_bytes(out)
    assert read_docx(out_path).texts == ["甲乙\t丙\n丁 "]
    assert 'xml:space="preserve"' in xml


def test_delete_object(tmp_path):
    doc = read_docx(_make(tmp_path, IMAGE))
    out = render_docx(doc, ["图片前图片后"])
    assert _counts(_document_xml(out))["drawing"] == 0


def test_object_char_cannot_be_inserted(tmp_path):
    doc = read_docx(_make(tmp_path, p("普通文字")))
    out = render_docx(doc, [f"普通{OBJECT_CHAR}文字"])
    assert OBJECT_CHAR not in _document_xml(out).decode()


def test_split_and_merge_paragraphs(tmp_path):
    path = tmp_path / "s.docx"
    path.write_bytes(build_docx(p("第一段前半第一段后半", style="1", rpr="<w:b/>") + p("第二段")))
    doc = read_docx(path)
    out = render_docx(doc, ["第一段前半", "第一段后半", "第二段"])
    out_path = tmp_path / "o.docx"
    out_path.write_bytes(out)
    doc2 = read_docx(out_path)
    assert doc2.texts == ["第一段前半", "第一段后半", "第二段"]
    assert doc2.paragraphs[1].style == "heading 1"
    assert "<w:b/>" in doc2.source.xml[slice(*doc2.source.spans[1])]
    # merge back
    out = render_docx(doc2, ["第一段前半第一段后半", "第二段"])
    out_path.write_bytes(out)
    assert read_docx(out_path).texts == ["第一段前半第一段后半", "第二段"]


def test_delete_paragraph_keeps_bookmark_and_comment_anchors(tmp_path):
    doc = read_docx(_make(tmp_path, p("甲段") + BOOKMARK + COMMENT + p("丁段")))
    out = render_docx(doc, ["甲段", "丁段"])
    before = _counts(_document_xml(_make(tmp_path, p("甲段") + BOOKMARK + COMMENT + p("丁段")).read_bytes()))
    after = _counts(_document_xml(out))
    for tag in ("bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "commentReference"):
        assert after[tag] == before[tag], tag
    out_path = tmp_path / "o.docx"
    out_path.write_bytes(out)
    assert read_docx(out_path).texts == ["甲段", "丁段"]
    docx.Document(str(out_path))


def test_last_paragraph_of_cell_is_emptied_not_removed(tmp_path):
    doc = read_docx(_make(tmp_path, MERGED_TABLE))
    texts = doc.texts
    new = [t for t in texts if t != "丙一"]
    out = render_docx(doc, new)
    assert _counts(_document_xml(out))["tc"] == _counts(_document_xml(_make(tmp_path, MERGED_TABLE).read_bytes()))["tc"]
    out_path = tmp_path / "o.docx"
    out_path.write_bytes(out)
    assert read_docx(out_path).texts == [t if t != "丙一" else "" for t in texts]


def test_insert_into_empty_document(tmp_path):
    path = tmp_path / "e.docx"
    path.write_bytes(build_docx(""))
    doc = read_docx(path)
    assert doc.texts == []
    out = render_docx(doc, ["新的一段"])
    out_path = tmp_path / "o.docx"
    out_path.write_bytes(out)
    assert read_docx(out_path).texts == ["新的一段"]


def test_text_in_empty_paragraph_gets_a_run(tmp_path):
    path = tmp_path / "e.docx"
    path.write_bytes(build_docx("<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr></w:p>" + SENTINEL))
    doc = read_docx(path)
    out = render_docx(doc, ["新内容", "不变的段落"])
    out_path = tmp_path / "o.docx"
    out_path.write_bytes(out)
    doc2 = read_docx(out_path)
    assert doc2.texts == ["新内容", "不变的段落"]
    assert re.search(r"<w:r><w:rPr><w:b/></w:rPr><w:t>新内容</w:t></w:r>", doc2.source.xml)


def test_wps_comments_and_pis_in_body(tmp_path):
    body = "<!-- WPS 注释 --><?wps something?>" + "<w:p><!-- x --><w:r><w:t>正文</w:t><!-- y --></w:r></w:p>" + SENTINEL
    doc = read_docx(_make(tmp_path, body))
    assert doc.texts == ["正文", "不变的段落"]
    out = render_docx(doc, ["正文改", "不变的段落"])
    out_path = tmp_path / "o.docx"
    out_path.write_bytes(out)
    assert read_docx(out_path).texts == ["正文改", "不变的段落"]


def test_atoms_and_symbols(tmp_path):
    body = (
        "<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:cr/><w:noBreakHyphen/>"
        '<w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="SimSun" w:char="2605"/><w:softHyphen/>'
        "<w:lastRenderedPageBreak/></w:r></w:p>"
    )
    doc = read_docx(_make(tmp_path, body))
    assert doc.texts == [f"甲\t乙\n丙\n-{OBJECT_CHAR}★"]
