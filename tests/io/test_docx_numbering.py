"""Rendered list labels (auto_number) for hand-built numbering definitions."""

from __future__ import annotations

import pytest

from linting.io.docx_numbering import chinese_counting, chinese_counting_thousand, format_number
from linting.io.docx_read import read_docx
from tests.io.conftest import DEFAULT_STYLES, p


def lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def numpr(num_id: int | str, ilvl: int | None = 0) -> str:
    il = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    return f'<w:numPr>{il}<w:numId w:val="{num_id}"/></w:numPr>'


def labels(make_docx, body: str, numbering: str, styles: str = DEFAULT_STYLES) -> list[str | None]:
    return [q.auto_number for q in read_docx(make_docx(body, numbering=numbering, styles=styles)).paragraphs]


def test_chinese_counting_thousand_list(make_docx):
    numbering = '<w:abstractNum w:abstractNumId="0">' + lvl(0, "chineseCountingThousand", "%1、") + "</w:abstractNum>"
    numbering += '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    body = "".join(p(f"第{i}项", numpr=numpr(1)) for i in range(12))
    got = labels(make_docx, body, numbering)
    assert got[:3] == ["一、", "二、", "三、"]
    assert got[9:] == ["十、", "十一、", "十二、"]


def test_paren_chinese_counting(make_docx):
    numbering = '<w:abstractNum w:abstractNumId="0">' + lvl(0, "chineseCounting", "（%1）") + "</w:abstractNum>"
    numbering += '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    got = labels(make_docx, "".join(p("x", numpr=numpr(1)) for _ in range(11)), numbering)
    assert got[0] == "（一）" and got[10] == "（十一）"


MULTI = (
    '<w:abstractNum w:abstractNumId="0">'
    + lvl(0, "decimal", "%1.")
    + lvl(1, "decimal", "%1.%2")
    + lvl(2, "decimal", "%1.%2.%3")
    + "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)


def test_multilevel_with_restart(make_docx):
    body = "".join(p("x", numpr=numpr(1, lv)) for lv in (0, 1, 1, 2, 0, 1, 2, 2))
    assert labels(make_docx, body, MULTI) == ["1.", "1.1", "1.2", "1.2.1", "2.", "2.1", "2.1.1", "2.1.2"]


def test_start_override(make_docx):
    numbering = MULTI + (
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>'
    )
    body = "".join(p("x", numpr=numpr(2)) for _ in range(3))
    assert labels(make_docx, body, numbering) == ["3.", "4.", "5."]


def test_two_nums_share_abstract_and_continue(make_docx):
    numbering = MULTI + '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
    body = p("a", numpr=numpr(1)) + p("b", numpr=numpr(1)) + p("c", numpr=numpr(2)) + p("d", numpr=numpr(1))
    assert labels(make_docx, body, numbering) == ["1.", "2.", "3.", "4."]


def test_start_override_restarts_shared_sequence(make_docx):
    numbering = MULTI + (
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    body = p("a", numpr=numpr(1)) + p("b", numpr=numpr(1)) + p("c", numpr=numpr(2)) + p("d", numpr=numpr(2))
    assert labels(make_docx, body, numbering) == ["1.", "2.", "1.", "2."]


HEADING_STYLES = DEFAULT_STYLES.replace(
    '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/></w:style>',
    '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="3"><w:name w:val="heading 3"/><w:basedOn w:val="a"/>'
    '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="2"/></w:pPr></w:style>',
)
GONGWEN = (
    '<w:abstractNum w:abstractNumId="0">'
    + lvl(0, "chineseCountingThousand", "%1、", extra='<w:pStyle w:val="2"/>')
    + lvl(1, "chineseCountingThousand", "（%2）", extra='<w:pStyle w:val="3"/>')
    + "</w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)


def test_heading_style_carries_numbering(make_docx):
    body = (
        p("总体情况", style="2") + p("正文") + p("细项", style="3") + p("细项二", style="3") + p("下一部分", style="2")
    )
    doc = read_docx(make_docx(body, numbering=GONGWEN, styles=HEADING_STYLES))
    assert [q.auto_number for q in doc.paragraphs] == ["一、", None, "（一）", "（二）", "二、"]
    assert [q.outline_level for q in doc.paragraphs] == [2, None, 3, 3, 2]


def test_num_id_zero_switches_off_style_numbering(make_docx):
    body = p("有编号", style="2") + p("无编号", style="2", numpr=numpr(0, None)) + p("有编号", style="2")
    assert labels(make_docx, body, GONGWEN, HEADING_STYLES) == ["一、", None, "二、"]


def test_bullets_have_no_label(make_docx):
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + lvl(0, "bullet", "\uf06c")
        + lvl(1, "decimal", "%2)")
        + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    body = p("a", numpr=numpr(1)) + p("b", numpr=numpr(1, 1)) + p("c", numpr=numpr(1))
    assert labels(make_docx, body, numbering) == [None, "1)", None]


def test_lvl_restart(make_docx):
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + lvl(0, "decimal", "%1.")
        + lvl(1, "decimal", "%1.%2")
        + lvl(2, "lowerLetter", "%3)", extra='<w:lvlRestart w:val="0"/>')
        + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    body = "".join(p("x", numpr=numpr(1, lv)) for lv in (0, 2, 2, 1, 2, 0, 2))
    # level 2 never restarts
    assert labels(make_docx, body, numbering) == ["1.", "a)", "b)", "1.1", "c)", "2.", "d)"]


def test_lvl_restart_one(make_docx):
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + lvl(0, "decimal", "%1.")
        + lvl(1, "decimal", "%1.%2")
        + lvl(2, "decimal", "(%3)", extra='<w:lvlRestart w:val="1"/>')
        + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    body = "".join(p("x", numpr=numpr(1, lv)) for lv in (0, 2, 1, 2, 0, 2))
    # level 2 restarts only when level 0 is used, not level 1
    assert labels(make_docx, body, numbering) == ["1.", "(1)", "1.1", "(2)", "2.", "(1)"]


def test_is_lgl_and_num_style_link(make_docx):
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="ListStyle"/>'
        + lvl(0, "upperRoman", "%1.")
        + lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>")
        + "</w:abstractNum>"
        '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ListStyle"/></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    )
    styles = DEFAULT_STYLES + (
        '<w:style w:type="numbering" w:styleId="ListStyle"><w:name w:val="My List"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    body = p("a", numpr=numpr(2)) + p("b", numpr=numpr(2, 1)) + p("c", numpr=numpr(2))
    assert labels(make_docx, body, numbering, styles) == ["I.", "1.1", "II."]


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (1, "decimal", "1"),
        (7, "decimalZero", "07"),
        (12, "decimalFullWidth", "１２"),
        (28, "upperLetter", "BB"),
        (3, "lowerLetter", "c"),
        (14, "upperRoman", "XIV"),
        (9, "lowerRoman", "ix"),
        (11, "chineseCounting", "十一"),
        (101, "chineseCounting", "一〇一"),
        (101, "chineseCountingThousand", "一百零一"),
        (110, "chineseCountingThousand", "一百一十"),
        (1010, "chineseCountingThousand", "一千零一十"),
        (20, "taiwaneseCountingThousand", "二十"),
        (3, "ideographTraditional", "丙"),
        (2, "ideographZodiac", "丑"),
        (13, "chineseLegalSimplified", "壹拾叁"),
        (3, "decimalEnclosedCircle", "③"),
        (3, "decimalEnclosedCircleChinese", "③"),
        (1, "decimalEnclosedParen", "⑴"),
        (2, "decimalEnclosedFullstop", "⒉"),
        (5, "none", ""),
        (5, "bullet", None),
    ],
)
def test_format_number(n, fmt, expected):
    assert format_number(n, fmt) == expected


def test_chinese_numbers():
    assert [chinese_counting_thousand(i) for i in (1, 10, 19, 20, 99, 100, 105, 10000, 10001)] == [
        "一", "十", "十九", "二十", "九十九", "一百", "一百零五", "一万", "一万零一",
    ]  # fmt: skip
    assert chinese_counting(10) == "十"
