"""A .docx whose styles say what Enter at a paragraph's end gives (``w:next``), for the next-style tests.

Made-up text; built from raw WordprocessingML with :func:`tests.io.conftest.build_docx`.
"""

from __future__ import annotations

from pathlib import Path

from tests.io.conftest import build_docx

STYLES = """
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:next w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="Zw"><w:name w:val="正文"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/>
  <w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="CnH1"><w:name w:val="标题 1"/><w:next w:val="Zw"/>
  <w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Own"><w:name w:val="My Heading"/>
  <w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="NumH"><w:name w:val="heading 2"/><w:next w:val="a"/>
  <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="LP"><w:name w:val="List Paragraph"/><w:basedOn w:val="a"/></w:style>
"""

NUMBERING = """
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
  <w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
  <w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
"""

HEADING_RPR = '<w:rPr><w:rFonts w:ascii="黑体" w:eastAsia="黑体"/><w:b/><w:sz w:val="32"/></w:rPr>'


def para(text: str, ppr: str = "", rpr: str = "") -> str:
    """One paragraph: ``ppr`` is the inside of its ``w:pPr``, ``rpr`` its run's ``w:rPr`` (whole element)."""
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}<w:r>{rpr}<w:t>{text}</w:t></w:r></w:p>"


#: (name, paragraph XML) of the file, in order; the tests address paragraphs by these names.
PARAGRAPHS = [
    ("title", para("关于二〇二六年安全生产检查情况的报告", '<w:jc w:val="center"/>')),
    (
        "h1",
        para(
            "一、总体情况",
            '<w:pStyle w:val="1"/><w:keepNext/><w:ind w:firstLine="0"/><w:jc w:val="center"/><w:rPr><w:b/></w:rPr>',
            HEADING_RPR,
        ),
    ),
    ("body1", para("今年以来，我局按照年初部署，组织开展了三轮全面检查。")),
    ("cn", para("二、主要做法", '<w:pStyle w:val="CnH1"/>', HEADING_RPR)),
    ("body2", para("坚持问题导向，逐项建立整改台账。")),
    ("own", para("检查范围", '<w:pStyle w:val="Own"/>', HEADING_RPR)),
    ("numh1", para("压实责任", '<w:pStyle w:val="NumH"/>')),
    ("numh2", para("强化督导", '<w:pStyle w:val="NumH"/>')),
    ("item1", para("完善制度", '<w:pStyle w:val="LP"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>')),
    ("item2", para("加强培训", '<w:pStyle w:val="LP"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>')),
    ("sect", para("三、下一步打算", '<w:pStyle w:val="1"/><w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>')),
    ("last", para("继续抓好隐患排查治理。")),
]
INDEX = {name: i for i, (name, _xml) in enumerate(PARAGRAPHS)}


def write_next_style_docx(path: Path) -> Path:
    """Write the fixture to ``path`` and return it."""
    body = "".join(xml for _name, xml in PARAGRAPHS)
    path.write_bytes(build_docx(body, styles=STYLES, numbering=NUMBERING))
    return path
