"""txt ↔ docx conversion: the official layout (GB/T 9704) and the text both survive."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm
from lxml import etree

from linting.io.convert import (
    CHARS_PER_LINE,
    DEFAULT_TXT_FORMAT,
    char_space,
    docx_texts_for_txt,
    docx_to_txt_bytes,
    guess_title_index,
    heading_level,
    paragraphs_for_texts,
    txt_to_docx_bytes,
)
from linting.io.txt import decode_txt
from linting.model import OBJECT_CHAR, Document, Paragraph, TextFormat
from tests import corpus

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

REPORT = [
    "关于2024年度安全生产工作情况的报告",
    "",
    "市应急管理局：",
    "　　今年以来，我局认真贯彻落实上级部署，现将有关情况报告如下。",
    "一、主要工作",
    "（一）加强组织领导",
    "1.健全制度。一是完善责任清单；二是强化考核。",
    "（1）召开专题会议",
    "（二）强化隐患排查。全年共排查隐患120处，整改率100%。",
    "二、下一步打算",
    "继续抓好各项工作。图表如下：" + OBJECT_CHAR,
    "某某县应急管理局",
    "2024年12月20日",
]


@pytest.fixture(scope="module")
def built() -> bytes:
    return txt_to_docx_bytes(REPORT, title_index=0)


@pytest.fixture(scope="module")
def document(built: bytes):
    return docx.Document(io.BytesIO(built))


def _styles_xml(built: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(built)) as zf:
        return etree.fromstring(zf.read("word/styles.xml"))


def _style(built: bytes, style_id: str) -> etree._Element:
    root = _styles_xml(built)
    el = root.find(f"{W}style[@{W}styleId='{style_id}']")
    assert el is not None, style_id
    return el


def _fonts(el: etree._Element) -> dict[str, str]:
    rfonts = el.find(f"{W}rPr/{W}rFonts")
    assert rfonts is not None
    return {k.replace(W, ""): v for k, v in rfonts.attrib.items()}


def test_opens_in_python_word_with_one_paragraph_per_line(document) -> None:
    texts = [p.text for p in document.paragraphs]
    assert len(texts) == len(REPORT)
    assert texts[3] == "今年以来，我局认真贯彻落实上级部署，现将有关情况报告如下。"  # leading 　　 is formatting now
    assert texts[10] == "继续抓好各项工作。图表如下："  # object placeholder dropped


def test_page_is_a4_with_gbt9704_margins(document) -> None:
    section = document.sections[0]
    # Stored in twips (1/1440 inch): A4 is Word's usual 11906 × 16838.
    pg = section._sectPr.find(f"{W}pgSz")
    assert (pg.get(f"{W}w"), pg.get(f"{W}h")) == ("11906", "16838")

    def mm(value) -> float:
        return value / Mm(1)

    assert mm(section.page_width) == pytest.approx(210, abs=0.05)
    assert mm(section.page_height) == pytest.approx(297, abs=0.05)
    assert mm(section.top_margin) == pytest.approx(37, abs=0.05)
    assert mm(section.bottom_margin) == pytest.approx(35, abs=0.05)
    assert mm(section.left_margin) == pytest.approx(28, abs=0.05)
    assert mm(section.right_margin) == pytest.approx(26, abs=0.05)
    grid = section._sectPr.find(f"{W}docGrid")
    assert grid.get(f"{W}type") == "linesAndChars"
    assert grid.get(f"{W}linePitch") == "579"
    assert int(grid.get(f"{W}charSpace")) == char_space()


def test_char_grid_gives_28_characters_per_line() -> None:
    text_width_pt = (210 - 28 - 26) / 25.4 * 72
    pitch = 16 + char_space() / 4096
    assert round(text_width_pt / pitch) == CHARS_PER_LINE


def test_title_is_centred_in_xiaobiaosong_22pt(document, built: bytes) -> None:
    title = document.paragraphs[0]
    assert title.style.name == "Title"
    style = _style(built, "Title")
    assert style.find(f"{W}pPr/{W}jc").get(f"{W}val") == "center"
    fonts = _fonts(style)
    assert fonts["eastAsia"] == fonts["ascii"] == fonts["hAnsi"] == "方正小标宋简体"
    assert not any(k.endswith("Theme") for k in fonts)  # a theme font would override ours
    assert style.find(f"{W}rPr/{W}sz").get(f"{W}val") == "44"
    assert style.find(f"{W}pPr/{W}ind").get(f"{W}firstLineChars") == "0"
    assert style.find(f"{W}pPr/{W}pBdr") is None  # the English template's underline is gone


def test_body_is_fangsong_16pt_exact_spacing_two_char_indent(built: bytes) -> None:
    normal = _style(built, "Normal")
    fonts = _fonts(normal)
    assert fonts["eastAsia"] == fonts["ascii"] == "仿宋_GB2312"
    assert normal.find(f"{W}rPr/{W}sz").get(f"{W}val") == "32"
    spacing = normal.find(f"{W}pPr/{W}spacing")
    assert (spacing.get(f"{W}line"), spacing.get(f"{W}lineRule")) == ("579", "exact")
    assert normal.find(f"{W}pPr/{W}ind").get(f"{W}firstLineChars") == "200"
    defaults = _styles_xml(built).find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    assert defaults.get(f"{W}eastAsia") == "仿宋_GB2312"
    assert defaults.get(f"{W}asciiTheme") is None


@pytest.mark.parametrize(
    ("index", "style_id", "font", "outline"),
    [(4, "Heading1", "黑体", "0"), (5, "Heading2", "楷体_GB2312", "1"), (7, "Heading4", "仿宋_GB2312", "3")],
)
def test_headings_fonts_and_outline_levels(document, built: bytes, index, style_id, font, outline) -> None:
    para = document.paragraphs[index]
    assert para.style.style_id == style_id
    style = _style(built, style_id)
    fonts = _fonts(style)
    assert fonts["eastAsia"] == fonts["ascii"] == font
    assert style.find(f"{W}pPr/{W}outlineLvl").get(f"{W}val") == outline
    assert style.find(f"{W}rPr/{W}b") is None  # bold is local practice, not the standard
    assert style.find(f"{W}rPr/{W}color").get(f"{W}val") == "000000"


def test_run_in_headings(document) -> None:
    level3 = document.paragraphs[6]  # "1.健全制度。一是…" runs into its paragraph
    assert level3.style.name == "Normal"
    level2 = document.paragraphs[8]  # "（二）强化隐患排查。全年…"
    assert level2.style.name == "Normal"
    head, rest = level2.runs
    assert head.text == "（二）强化隐患排查。"
    assert head._r.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "楷体_GB2312"
    assert rest._r.find(f"{W}rPr") is None  # body font from the style


def test_date_line_is_right_aligned_four_chars_in(document) -> None:
    date = document.paragraphs[-1]
    assert date.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert date._p.find(f"{W}pPr/{W}ind").get(f"{W}rightChars") == "400"
    assert document.paragraphs[-2].alignment is None


def test_footer_has_page_number_field(document) -> None:
    footer = document.sections[0].footer
    xml = etree.tostring(footer._element, encoding=str)
    assert "PAGE" in xml and "fldChar" in xml
    assert footer.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_schema_order_of_paragraph_properties(built: bytes) -> None:
    # Word rejects pPr children out of schema order; check the ones we write.
    order = ["pStyle", "keepNext", "widowControl", "spacing", "ind", "jc", "outlineLvl"]
    with zipfile.ZipFile(io.BytesIO(built)) as zf:
        for part in ("word/styles.xml", "word/document.xml"):
            root = etree.fromstring(zf.read(part))
            for ppr in root.iter(f"{W}pPr"):
                tags = [c.tag.replace(W, "") for c in ppr if c.tag.replace(W, "") in order]
                assert tags == sorted(tags, key=order.index), (part, tags)


def test_no_title() -> None:
    d = docx.Document(io.BytesIO(txt_to_docx_bytes(["一、情况", "正文"], title_index=None)))
    assert [p.style.name for p in d.paragraphs] == ["Heading 1", "Normal"]


def test_empty_input_gives_valid_document() -> None:
    d = docx.Document(io.BytesIO(txt_to_docx_bytes([])))
    assert d.paragraphs == [] or all(p.text == "" for p in d.paragraphs)


def test_reads_back_through_the_word_reader(tmp_path: Path, built: bytes) -> None:
    from linting.io.docx_read import read_docx

    path = tmp_path / "公文.docx"
    path.write_bytes(built)
    doc = read_docx(path)
    levels = [p.outline_level for p in doc.paragraphs]
    assert levels[0] == 0  # title
    assert levels[4] == 1 and levels[5] == 2 and levels[7] == 4
    assert levels[3] is None


# ---------------------------------------------------------------------------
# Structure guesses


def test_heading_level() -> None:
    assert heading_level("一、总体情况") == 1
    assert heading_level("(一)主要做法") == 2
    assert heading_level("（一）主要做法") == 2
    assert heading_level("1.健全制度") == 3
    assert heading_level("（1）召开会议") == 4
    assert heading_level("1.5万元用于") is None
    assert heading_level("今年以来") is None


def test_guess_title_index() -> None:
    assert guess_title_index(["", "关于2024年工作的报告", "正文。"]) == 1
    assert guess_title_index(["市应急管理局：", "正文"]) is None
    assert guess_title_index(["一、总体情况"]) is None
    assert guess_title_index(["这是一段很长的正文" * 10]) is None
    assert guess_title_index(["", ""]) is None


# ---------------------------------------------------------------------------
# docx → txt


def _docx_doc(paragraphs: list[Paragraph]) -> Document:
    return Document(paragraphs=paragraphs, path=None, kind="docx")


def test_word_to_txt_default_format_is_utf8_bom_crlf() -> None:
    doc = _docx_doc([Paragraph("总体情况", auto_number="一、"), Paragraph("正文" + OBJECT_CHAR + "。")])
    raw = docx_to_txt_bytes(doc)
    assert raw == "\ufeff一、总体情况\r\n正文。\r\n".encode()
    assert DEFAULT_TXT_FORMAT == TextFormat("utf-8", True, "\r\n", True)


def test_word_to_txt_splits_line_breaks_and_honours_format() -> None:
    doc = _docx_doc([Paragraph("甲\n乙"), Paragraph("丙\t丁")])
    assert docx_texts_for_txt(doc) == ["甲", "乙", "丙\t丁"]
    fmt = TextFormat("gb18030", False, "\n", False)
    assert docx_to_txt_bytes(doc, fmt) == "甲\n乙\n丙\t丁".encode("gb18030")


@pytest.mark.parametrize(
    "src",
    [
        corpus.OWN_DOCX,
        pytest.param(corpus.docx("GongWen-Template-Lite__out.docx"), marks=corpus.corpus, id="corpus-gongwen"),
    ],
    ids=lambda f: f.name,
)
def test_real_word_to_txt_contains_the_text(src: Path) -> None:
    from linting.io.docx_read import read_docx

    doc = read_docx(src)
    raw = docx_to_txt_bytes(doc)
    lines, fmt, _ = decode_txt(raw)
    assert fmt == DEFAULT_TXT_FORMAT
    body = [t for t in doc.texts if t.strip()]
    assert body, "sample has text"
    joined = "\n".join(lines)
    for t in body[:20]:
        assert t.replace(OBJECT_CHAR, "").split("\n")[0] in joined


def test_paragraphs_for_texts_keeps_properties_of_matched_paragraphs() -> None:
    doc = _docx_doc([Paragraph("总体情况", auto_number="一、", outline_level=1), Paragraph("正文"), Paragraph("结尾")])
    same = paragraphs_for_texts(doc, ["总体情况（改）", "正文", "结尾"])
    assert same[0].auto_number == "一、" and same[0].text == "总体情况（改）"
    inserted = paragraphs_for_texts(doc, ["总体情况", "新段落", "正文", "结尾"])
    assert [p.auto_number for p in inserted] == ["一、", None, None, None]
    assert inserted[0].outline_level == 1


def test_control_characters_from_txt_do_not_break_the_docx() -> None:
    texts = ["标题", "第一页\x0c第二页", "制表\t符", "坏\ud800字\x01"]
    d = docx.Document(io.BytesIO(txt_to_docx_bytes(texts, title_index=0)))
    assert [p.text for p in d.paragraphs] == ["标题", "第一页第二页", "制表\t符", "坏字"]
