"""Generate the hold-out .docx test documents (deterministic; stdlib only).

Run:  python tests/data/docx_holdout/make.py

Every part is written as raw WordprocessingML so that the files look like what Word/WPS
save (Chinese style ids "a"/"1"/"2", numbering.xml with chineseCountingThousand lists,
content controls, tracked changes, comments, text boxes with a VML fallback, header/footer,
footnotes).  The zip entries carry a fixed timestamp, so the output is byte-identical on
every run.  The expected findings are hand-written in annotations.toml next to this file.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

OUT = Path(__file__).resolve().parent
ZIP_TIME = (2024, 6, 1, 8, 0, 0)

# --------------------------------------------------------------------------- namespaces

NS = {
    "wpc": "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "o": "urn:schemas-microsoft-com:office:office",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "v": "urn:schemas-microsoft-com:vml",
    "wp14": "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "w10": "urn:schemas-microsoft-com:office:word",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "w15": "http://schemas.microsoft.com/office/word/2012/wordml",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "wpi": "http://schemas.microsoft.com/office/word/2010/wordprocessingInk",
    "wne": "http://schemas.microsoft.com/office/word/2006/wordml",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
}
NSDECL = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items()) + ' mc:Ignorable="w14 w15 wp14"'
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'

REL_T = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT_W = "application/vnd.openxmlformats-officedocument.wordprocessingml."

FANGSONG = "仿宋_GB2312"
HEITI = "黑体"
KAITI = "楷体_GB2312"
XBS = "方正小标宋简体"


# --------------------------------------------------------------------------- run / paragraph helpers


def t(text: str) -> str:
    sp = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:t{sp}>{escape(text)}</w:t>"


def rpr(font: str | None = None, bold: bool = False, hl: str | None = None,
        style: str | None = None, size: int | None = None) -> str:
    parts = []
    if style:
        parts.append(f'<w:rStyle w:val="{style}"/>')
    if font:
        parts.append(f'<w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:hint="eastAsia"/>')
    else:
        parts.append('<w:rFonts w:hint="eastAsia"/>')
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if hl:
        parts.append(f'<w:highlight w:val="{hl}"/>')
    if size:
        parts.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def R(text: str, **kw) -> str:
    """A run with one w:t."""
    return f"<w:r>{rpr(**kw)}{t(text)}</w:r>"


def P(*content: str, style: str | None = None, num: tuple[int, int] | None = None,
      jc: str | None = None, noindent: bool = False, left: int | None = None,
      runfont: str | None = None, runsize: int | None = None) -> str:
    """A paragraph.  Plain str arguments that are not XML become runs."""
    ppr = []
    if style:
        ppr.append(f'<w:pStyle w:val="{style}"/>')
    if num:
        ppr.append(f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>')
    if noindent:
        ppr.append('<w:ind w:firstLineChars="0" w:firstLine="0"/>')
    elif left is not None:
        ppr.append(f'<w:ind w:left="{left}" w:firstLineChars="0" w:firstLine="0"/>')
    if jc:
        ppr.append(f'<w:jc w:val="{jc}"/>')
    body = []
    for c in content:
        if c.startswith("<"):
            body.append(c)
        else:
            body.append(R(c, font=runfont, size=runsize))
    pp = f"<w:pPr>{''.join(ppr)}</w:pPr>" if ppr else ""
    return f"<w:p>{pp}{''.join(body)}</w:p>"


def title_direct(text: str) -> str:
    """A title typed with direct formatting (no Title style), as WPS users do."""
    return P(R(text, font=XBS, size=44), jc="center", noindent=True)


def right(text: str) -> str:
    return P(text, jc="right", noindent=True)


def cell(text: str, width: int, span: int = 1, bold: bool = False) -> str:
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    tcpr += '<w:vAlign w:val="center"/>'
    para = (f'<w:p><w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/>'
            f'</w:pPr>{R(text, bold=bold, size=28)}</w:p>')
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{para}</w:tc>"


def table(rows: list[list], widths: list[int]) -> str:
    """rows: list of rows; a cell is a str or (str, gridspan)."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = [
        '<w:tbl><w:tblPr><w:tblStyle w:val="a8"/><w:tblW w:w="0" w:type="auto"/>'
        '<w:jc w:val="center"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
        'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>',
        f"<w:tblGrid>{grid}</w:tblGrid>",
    ]
    for ri, row in enumerate(rows):
        out.append("<w:tr>")
        col = 0
        for c in row:
            text, span = (c, 1) if isinstance(c, str) else c
            out.append(cell(text, sum(widths[col:col + span]), span, bold=(ri == 0)))
            col += span
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def sect(header: bool = False, footer: bool = False) -> str:
    refs = ""
    if header:
        refs += '<w:headerReference w:type="default" r:id="rIdHeader1"/>'
    if footer:
        refs += '<w:footerReference w:type="default" r:id="rIdFooter1"/>'
    return (f"<w:sectPr>{refs}"
            '<w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" '
            'w:header="851" w:footer="1191" w:gutter="0"/>'
            '<w:cols w:space="425"/><w:docGrid w:type="linesAndChars" w:linePitch="579" '
            'w:charSpace="-849"/></w:sectPr>')


# --------------------------------------------------------------------------- package parts


def styles_xml(h1_num: int | None = None) -> str:
    """Styles as Chinese Word writes them: ids a/1/2/a3…, English names."""
    h1_numpr = h2_numpr = ""
    if h1_num is not None:  # heading styles linked to the list (the template way)
        h1_numpr = f'<w:numPr><w:numId w:val="{h1_num}"/></w:numPr>'
        h2_numpr = f'<w:numPr><w:ilvl w:val="1"/><w:numId w:val="{h1_num}"/></w:numPr>'

    def f(font):
        return f'<w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}"/>'

    return (
        XML_HEAD + f"<w:styles {NSDECL}>"
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="Times New Roman" w:eastAsia="{FANGSONG}" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
        '<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        "<w:pPrDefault/></w:docDefaults>"
        # Normal
        '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:widowControl w:val="0"/><w:spacing w:line="579" w:lineRule="exact"/>'
        '<w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/></w:pPr>'
        f'<w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="{FANGSONG}" w:hAnsi="Times New Roman"/>'
        '<w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>'
        # heading 1
        '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>'
        '<w:next w:val="a"/><w:link w:val="10"/><w:uiPriority w:val="9"/><w:qFormat/>'
        f'<w:pPr><w:keepNext/><w:keepLines/>{h1_numpr}<w:outlineLvl w:val="0"/></w:pPr>'
        f'<w:rPr>{f(HEITI)}<w:kern w:val="44"/></w:rPr></w:style>'
        # heading 2
        '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/>'
        '<w:next w:val="a"/><w:link w:val="20"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>'
        f'<w:pPr><w:keepNext/><w:keepLines/>{h2_numpr}<w:outlineLvl w:val="1"/></w:pPr>'
        f'<w:rPr>{f(KAITI)}</w:rPr></w:style>'
        # default character / table / numbering styles
        '<w:style w:type="character" w:default="1" w:styleId="a0"><w:name w:val="Default Paragraph Font"/>'
        '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        '<w:style w:type="numbering" w:default="1" w:styleId="a2"><w:name w:val="No List"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        # Title
        '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:basedOn w:val="a"/>'
        '<w:next w:val="a"/><w:link w:val="a4"/><w:uiPriority w:val="10"/><w:qFormat/>'
        '<w:pPr><w:spacing w:after="579" w:line="700" w:lineRule="exact"/>'
        '<w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>'
        f'<w:rPr>{f(XBS)}<w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>'
        '<w:style w:type="character" w:customStyle="1" w:styleId="a4"><w:name w:val="标题 字符"/>'
        f'<w:basedOn w:val="a0"/><w:link w:val="a3"/><w:rPr>{f(XBS)}<w:sz w:val="44"/></w:rPr></w:style>'
        '<w:style w:type="character" w:customStyle="1" w:styleId="10"><w:name w:val="标题 1 字符"/>'
        f'<w:basedOn w:val="a0"/><w:link w:val="1"/><w:rPr>{f(HEITI)}</w:rPr></w:style>'
        '<w:style w:type="character" w:customStyle="1" w:styleId="20"><w:name w:val="标题 2 字符"/>'
        f'<w:basedOn w:val="a0"/><w:link w:val="2"/><w:rPr>{f(KAITI)}</w:rPr></w:style>'
        # header / footer
        '<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="header"/><w:basedOn w:val="a"/>'
        '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" '
        'w:space="1" w:color="auto"/></w:pBdr><w:tabs><w:tab w:val="center" w:pos="4153"/>'
        '<w:tab w:val="right" w:pos="8306"/></w:tabs><w:snapToGrid w:val="0"/><w:spacing w:line="240" '
        'w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>'
        '<w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="a6"><w:name w:val="footer"/><w:basedOn w:val="a"/>'
        '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4153"/>'
        '<w:tab w:val="right" w:pos="8306"/></w:tabs><w:snapToGrid w:val="0"/><w:spacing w:line="240" '
        'w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/></w:pPr>'
        '<w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>'
        # footnotes
        '<w:style w:type="paragraph" w:styleId="a7"><w:name w:val="footnote text"/><w:basedOn w:val="a"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:pPr><w:snapToGrid w:val="0"/>'
        '<w:spacing w:line="240" w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/>'
        '<w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="a9"><w:name w:val="footnote reference"/>'
        '<w:basedOn w:val="a0"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
        '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
        # table grid
        '<w:style w:type="table" w:styleId="a8"><w:name w:val="Table Grid"/><w:basedOn w:val="a1"/>'
        '<w:uiPriority w:val="39"/><w:tblPr><w:tblBorders>'
        '<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        '<w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        '<w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        '</w:tblBorders></w:tblPr></w:style>'
        # hyperlink, comments
        '<w:style w:type="character" w:styleId="aa"><w:name w:val="Hyperlink"/><w:basedOn w:val="a0"/>'
        '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="0563C1"/>'
        '<w:u w:val="single"/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="ab"><w:name w:val="annotation reference"/>'
        '<w:basedOn w:val="a0"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
        '<w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="ac"><w:name w:val="annotation text"/><w:basedOn w:val="a"/>'
        '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/>'
        '<w:jc w:val="left"/></w:pPr></w:style>'
        "</w:styles>"
    )


def numbering_xml(heading_styles: bool, restart_num: bool) -> str:
    """One multilevel list 一、/（一）/1./（1）, as a GB/T 9704 template defines it."""
    lvls = [
        ("chineseCountingThousand", "%1、", "1" if heading_styles else None),
        ("chineseCountingThousand", "（%2）", "2" if heading_styles else None),
        ("decimal", "%3.", None),
        ("decimal", "（%4）", None),
    ]
    out = [XML_HEAD, f"<w:numbering {NSDECL}>",
           '<w:abstractNum w:abstractNumId="0" w15:restartNumberingAfterBreak="0">'
           '<w:nsid w:val="5A3B1C2D"/><w:multiLevelType w:val="multilevel"/><w:tmpl w:val="28D4C38C"/>']
    for i in range(9):
        if i < len(lvls):
            fmt, text, pstyle = lvls[i]
        else:
            fmt, text, pstyle = "decimal", "".join(f"%{k + 1}." for k in range(i + 1)), None
        ps = f'<w:pStyle w:val="{pstyle}"/>' if pstyle else ""
        out.append(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{ps}'
            f'<w:suff w:val="nothing"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr>'
            '<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:lvl>')
    out.append("</w:abstractNum>")
    out.append('<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    if restart_num:
        # What Word writes for "Restart at 一": a second num on the same abstractNum.
        out.append('<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
                   '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    out.append("</w:numbering>")
    return "".join(out)


def settings_xml(footnotes: bool, track: bool) -> str:
    fn = ('<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
          if footnotes else "")
    return (XML_HEAD + f"<w:settings {NSDECL}>"
            '<w:zoom w:percent="100"/><w:bordersDoNotSurroundHeader/><w:bordersDoNotSurroundFooter/>'
            + ('<w:trackRevisions/>' if track else "")
            + '<w:defaultTabStop w:val="420"/><w:drawingGridHorizontalSpacing w:val="158"/>'
            '<w:drawingGridVerticalSpacing w:val="579"/><w:displayHorizontalDrawingGridEvery w:val="0"/>'
            '<w:displayVerticalDrawingGridEvery w:val="2"/>'
            '<w:characterSpacingControl w:val="compressPunctuation"/>' + fn
            + '<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/>'
            '<w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/>'
            '<w:adjustLineHeightInTable/><w:useFELayout/>'
            '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
            'w:val="15"/></w:compat><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
            '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>')


FONT_TABLE = (XML_HEAD + f"<w:fonts {NSDECL}>"
              + "".join(f'<w:font w:name="{n}"><w:charset w:val="86"/><w:family w:val="modern"/>'
                        '<w:pitch w:val="fixed"/></w:font>'
                        for n in (FANGSONG, HEITI, KAITI, XBS, "宋体"))
              + '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/>'
              '<w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
              "</w:fonts>")


def header_xml(text: str) -> str:
    return (XML_HEAD + f"<w:hdr {NSDECL}>"
            f'<w:p><w:pPr><w:pStyle w:val="a5"/><w:jc w:val="right"/></w:pPr>{R(text)}</w:p></w:hdr>')


def footer_page_xml() -> str:
    """Footer with a PAGE field, centred as '— 1 —'."""
    fld = ('<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体"/></w:rPr><w:t xml:space="preserve">— </w:t></w:r>'
           '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
           '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体"/></w:rPr><w:instrText xml:space="preserve"> PAGE   \\* MERGEFORMAT </w:instrText></w:r>'
           '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>'
           '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体"/><w:noProof/></w:rPr><w:t>1</w:t></w:r>'
           '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>'
           '<w:r><w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体"/></w:rPr><w:t xml:space="preserve"> —</w:t></w:r>')
    return (XML_HEAD + f"<w:ftr {NSDECL}>"
            f'<w:p><w:pPr><w:pStyle w:val="a6"/><w:jc w:val="center"/></w:pPr>{fld}</w:p></w:ftr>')


def footnotes_xml(notes: dict[int, str]) -> str:
    out = [XML_HEAD, f"<w:footnotes {NSDECL}>",
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:line="240" w:lineRule="auto"/>'
           '</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:line="240" '
           'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
    for fid, text in notes.items():
        out.append(f'<w:footnote w:id="{fid}"><w:p><w:pPr><w:pStyle w:val="a7"/></w:pPr>'
                   '<w:r><w:rPr><w:rStyle w:val="a9"/></w:rPr><w:footnoteRef/></w:r>'
                   f'{R(" " + text)}</w:p></w:footnote>')
    out.append("</w:footnotes>")
    return "".join(out)


def comments_xml(comments: list[tuple[int, str, str, str]]) -> str:
    out = [XML_HEAD, f"<w:comments {NSDECL}>"]
    for cid, author, date, text in comments:
        out.append(f'<w:comment w:id="{cid}" w:author="{author}" w:date="{date}" w:initials="{author[0]}">'
                   '<w:p><w:pPr><w:pStyle w:val="ac"/></w:pPr><w:r><w:rPr><w:rStyle w:val="ab"/></w:rPr>'
                   f'<w:annotationRef/></w:r>{R(text)}</w:p></w:comment>')
    out.append("</w:comments>")
    return "".join(out)


def core_xml(title: str, author: str) -> str:
    return (XML_HEAD +
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{escape(title)}</dc:title><dc:creator>{escape(author)}</dc:creator>"
            f"<cp:lastModifiedBy>{escape(author)}</cp:lastModifiedBy><cp:revision>3</cp:revision>"
            '<dcterms:created xsi:type="dcterms:W3CDTF">2024-06-01T00:00:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-06-01T08:00:00Z</dcterms:modified>'
            "</cp:coreProperties>")


def app_xml(application: str) -> str:
    return (XML_HEAD +
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"<Template>Normal.dotm</Template><TotalTime>42</TotalTime><Pages>2</Pages>"
            f"<Application>{escape(application)}</Application><DocSecurity>0</DocSecurity>"
            "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
            "<AppVersion>16.0000</AppVersion></Properties>")


def write_docx(name: str, body: str, *, title: str, author: str = "办公室",
               application: str = "Microsoft Office Word", numbering: str | None = None,
               h1_num: int | None = None, header: str | None = None, footer: bool = False,
               footnotes: dict[int, str] | None = None, comments=None,
               hyperlinks: dict[str, str] | None = None, track: bool = False) -> Path:
    doc = XML_HEAD + f"<w:document {NSDECL}><w:body>{body}{sect(bool(header), footer)}</w:body></w:document>"
    parts: dict[str, str] = {
        "word/document.xml": doc,
        "word/styles.xml": styles_xml(h1_num),
        "word/settings.xml": settings_xml(bool(footnotes), track),
        "word/fontTable.xml": FONT_TABLE,
        "docProps/core.xml": core_xml(title, author),
        "docProps/app.xml": app_xml(application),
    }
    overrides = {
        "/word/document.xml": CT_W + "document.main+xml",
        "/word/styles.xml": CT_W + "styles+xml",
        "/word/settings.xml": CT_W + "settings+xml",
        "/word/fontTable.xml": CT_W + "fontTable+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    }
    rels = [("rId1", "styles", "styles.xml"), ("rId2", "settings", "settings.xml"),
            ("rId3", "fontTable", "fontTable.xml")]
    if numbering:
        parts["word/numbering.xml"] = numbering
        overrides["/word/numbering.xml"] = CT_W + "numbering+xml"
        rels.append(("rId4", "numbering", "numbering.xml"))
    if header:
        parts["word/header1.xml"] = header_xml(header)
        overrides["/word/header1.xml"] = CT_W + "header+xml"
        rels.append(("rIdHeader1", "header", "header1.xml"))
    if footer:
        parts["word/footer1.xml"] = footer_page_xml()
        overrides["/word/footer1.xml"] = CT_W + "footer+xml"
        rels.append(("rIdFooter1", "footer", "footer1.xml"))
    if footnotes:
        parts["word/footnotes.xml"] = footnotes_xml(footnotes)
        overrides["/word/footnotes.xml"] = CT_W + "footnotes+xml"
        rels.append(("rId5", "footnotes", "footnotes.xml"))
    if comments:
        parts["word/comments.xml"] = comments_xml(comments)
        overrides["/word/comments.xml"] = CT_W + "comments+xml"
        rels.append(("rId6", "comments", "comments.xml"))
    rel_xml = [XML_HEAD,
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    for rid, typ, target in rels:
        rel_xml.append(f'<Relationship Id="{rid}" Type="{REL_T}{typ}" Target="{target}"/>')
    for rid, url in (hyperlinks or {}).items():
        rel_xml.append(f'<Relationship Id="{rid}" Type="{REL_T}hyperlink" Target="{escape(url)}" '
                       'TargetMode="External"/>')
    rel_xml.append("</Relationships>")
    parts["word/_rels/document.xml.rels"] = "".join(rel_xml)
    parts["_rels/.rels"] = (
        XML_HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>")
    ct = [XML_HEAD, '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
          '<Default Extension="xml" ContentType="application/xml"/>']
    ct += [f'<Override PartName="{k}" ContentType="{v}"/>' for k, v in overrides.items()]
    ct.append("</Types>")
    parts["[Content_Types].xml"] = "".join(ct)

    order = ["[Content_Types].xml", "_rels/.rels"] + sorted(k for k in parts if k not in
                                                            ("[Content_Types].xml", "_rels/.rels"))
    path = OUT / name
    with zipfile.ZipFile(path, "w") as z:
        for k in order:
            zi = zipfile.ZipInfo(k, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, parts[k].encode("utf-8"))
    return path


# --------------------------------------------------------------------------- special XML pieces


def sdt_block(alias: str, tag: str, sid: int, *paras: str) -> str:
    return (f'<w:sdt><w:sdtPr><w:alias w:val="{alias}"/><w:tag w:val="{tag}"/><w:id w:val="{sid}"/>'
            f'</w:sdtPr><w:sdtEndPr/><w:sdtContent>{"".join(paras)}</w:sdtContent></w:sdt>')


def sdt_inline(alias: str, tag: str, sid: int, text: str, date: str | None = None) -> str:
    extra = ""
    if date:
        extra = (f'<w:date w:fullDate="{date}T00:00:00Z"><w:dateFormat w:val="yyyy\'年\'M\'月\'d\'日\'"/>'
                 '<w:lid w:val="zh-CN"/><w:storeMappedDataAs w:val="dateTime"/>'
                 '<w:calendar w:val="gregorian"/></w:date>')
    return (f'<w:sdt><w:sdtPr><w:alias w:val="{alias}"/><w:tag w:val="{tag}"/><w:id w:val="{sid}"/>'
            f'{extra}</w:sdtPr><w:sdtContent>{R(text)}</w:sdtContent></w:sdt>')


def hyperlink(rid: str, text: str) -> str:
    return f'<w:hyperlink r:id="{rid}" w:history="1">{R(text, style="aa")}</w:hyperlink>'


def ins(rid: int, text: str, author="张伟", date="2024-07-08T09:12:00Z") -> str:
    return f'<w:ins w:id="{rid}" w:author="{author}" w:date="{date}">{R(text)}</w:ins>'


def dele(rid: int, text: str, author="张伟", date="2024-07-08T09:10:00Z") -> str:
    return (f'<w:del w:id="{rid}" w:author="{author}" w:date="{date}"><w:r>{rpr()}'
            f"<w:delText>{escape(text)}</w:delText></w:r></w:del>")


def commented(cid: int, text: str) -> str:
    return (f'<w:commentRangeStart w:id="{cid}"/>{R(text)}<w:commentRangeEnd w:id="{cid}"/>'
            f'<w:r><w:rPr><w:rStyle w:val="ab"/></w:rPr><w:commentReference w:id="{cid}"/></w:r>')


def footnote_ref(fid: int) -> str:
    return f'<w:r><w:rPr><w:rStyle w:val="a9"/></w:rPr><w:footnoteReference w:id="{fid}"/></w:r>'


def text_box(paras: list[str], shape_id: int) -> str:
    """A floating text box: DrawingML (wps) choice with a VML fallback, as Word 2010+ saves it."""
    content = "".join(
        f'<w:p><w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>'
        f'{R(x, font=HEITI if i == 0 else None, size=24)}</w:p>' for i, x in enumerate(paras))
    return (
        '<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        f'relativeHeight="{251659264 + shape_id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>3600450</wp:posOffset>'
        '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>381000</wp:posOffset>'
        '</wp:positionV><wp:extent cx="1800225" cy="1400175"/><wp:effectExtent l="0" t="0" r="28575" b="28575"/>'
        f'<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="{shape_id}" name="文本框 {shape_id}"/>'
        '<wp:cNvGraphicFramePr/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        '<a:ext cx="1800225" cy="1400175"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="6350"><a:solidFill>'
        '<a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>'
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" '
        'anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>'
        '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
        '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
        '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        f'<v:shape id="文本框 {shape_id}" o:spid="_x0000_s{1025 + shape_id}" type="#_x0000_t202" '
        'style="position:absolute;left:0;text-align:left;margin-left:283.5pt;margin-top:30pt;'
        f'width:141.75pt;height:110.25pt;z-index:{251659264 + shape_id};visibility:visible;'
        'mso-wrap-style:square;mso-wrap-distance-left:9pt;mso-wrap-distance-top:0;'
        'mso-wrap-distance-right:9pt;mso-wrap-distance-bottom:0;mso-position-horizontal:absolute;'
        'mso-position-horizontal-relative:text;mso-position-vertical:absolute;'
        'mso-position-vertical-relative:text;v-text-anchor:top" fillcolor="white" strokeweight=".5pt">'
        f'<v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox><w10:wrap type="square"/>'
        '</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


# --------------------------------------------------------------------------- the documents

H1, H2, TITLE = "1", "2", "a3"


def doc01() -> Path:
    """工作总结, headings from Word auto-numbering (numPr on each heading paragraph).  Clean."""
    def h1(x):
        return P(x, style=H1, num=(1, 0))

    def h2(x):
        return P(x, style=H2, num=(1, 1))

    b = [
        P("市民政局2024年工作总结", style=TITLE),
        P("2024年，市民政局在市委、市政府的坚强领导下，坚持以人民为中心的发展思想，聚焦兜底线、织密网、"
          "建机制，各项民政工作取得新进展。现将全年工作总结如下。"),
        h1("主要工作"),
        h2("兜牢民生保障底线"),
        P(R("一是", bold=True), R("完善社会救助体系。全市累计发放城乡低保金2.36亿元，同比增长12.5%，做到应保尽保。"),
          R("二是", bold=True), R("加强特困人员供养。新建改造区域性养老服务中心6所，特困人员集中供养率达到45.8%。"),
          R("三是", bold=True), R("做好临时救助工作。全年实施临时救助1.2万人次，及时回应群众急难愁盼。")),
        h2("提升基层治理水平"),
        P("重点抓好三个方面的工作：一是推进村（居）务公开，全市1286个村（社区）全部实现“阳光村务”平台上线；"
          "二是深化“五社联动”机制，培育社区社会组织420家；三是规范村（居）民委员会换届后续工作，"
          "组织新任成员培训3期。"),
        h2("加强自身建设"),
        P("深入开展党纪学习教育，组织集中学习研讨16次，制定完善内部管理制度23项，机关作风和服务效能进一步提升。"),
        h1("存在的问题"),
        P("一是养老服务供给与群众需求之间还有差距，农村养老服务设施利用率不高；二是基层民政工作力量相对薄弱，"
          "部分乡镇（街道）民政专干身兼数职；三是信息化建设相对滞后，部门间数据共享不够充分。"),
        h1("下一步打算"),
        h2("持续完善社会救助体系"),
        P("健全分层分类的社会救助体系，推进低收入人口动态监测全覆盖，确保困难群众基本生活得到有效保障。"),
        h2("深化养老服务改革"),
        P("加快构建居家社区机构相协调、医养康养相结合的养老服务体系，力争2025年底前实现街道综合养老服务中心全覆盖。"),
        right("市民政局"),
        right("2024年12月20日"),
    ]
    return write_docx("01-zongjie-autonum.docx", "".join(b), title="市民政局2024年工作总结",
                      numbering=numbering_xml(heading_styles=False, restart_num=False),
                      header=None, footer=True)


def doc02() -> Path:
    """工作总结 whose heading styles carry the list; the third 一级 heading restarts it by mistake."""
    b = [
        P("县农业农村局2024年上半年工作总结", style=TITLE),
        P("今年以来，县农业农村局紧紧围绕全年目标任务，统筹推进粮食生产、产业发展和乡村建设各项工作，"
          "现将上半年工作总结如下。"),
        P("主要工作", style=H1),                       # 一、 (numPr from the style)
        P("推进粮食稳产保供", style=H2),               # （一）
        P(R("按照"), R("按照县委、县政府关于粮食安全的部署要求，全面落实粮食播种面积和产量目标，"
                       "夏粮播种面积稳定在18.6万亩，小麦单产较去年同期提高3.2%。")),
        P("加快产业融合发展", style=H2),               # （二）
        P("一是壮大特色产业，新建高标准设施蔬菜基地2个；二是培育经营主体，新增市级以上农业产业化龙头企业3家；"
          "三是拓展销售渠道，组织企业参加各类农产品展销会5场；五是发展乡村旅游，打造休闲农业精品线路2条。"),
        P("抓好农村人居环境整治", style=H2),           # （三）
        P(R("上半年共开展村庄清洁行动"), R("XX", hl="yellow"),
          R("次，完成农村户厕改造1500户，农村生活垃圾收运处置体系实现行政村全覆盖。")),
        P("存在的问题", style=H1),                     # 二、
        P("对照年初目标,部分重点项目建设进度偏慢，农业产业链条较短,产品附加值不高，农村实用人才短缺的状况仍较突出。"),
        P("下一步打算", style=H1, num=(2, 0)),         # restarted list: shows 一、 again
        P("全力抓好秋粮生产", style=H2, num=(2, 1)),   # （一）
        P("加强田间管理和病虫害统防统治，确保全年粮食总产稳定在8万吨以上。"),
        P("加快重点项目建设", style=H2, num=(2, 1)),   # （二）
        P("建立项目推进台账，实行周调度、月通报，确保年内项目全部建成投用。"),
        right("县农业农村局"),
        right("2024年7月5日"),
    ]
    return write_docx("02-zongjie-autonum-defects.docx", "".join(b), title="上半年工作总结",
                      numbering=numbering_xml(heading_styles=True, restart_num=True), h1_num=1,
                      footer=True)


def doc03() -> Path:
    """请示 with typed numbers, a table, header, footer page field and a footnote.  Clean."""
    def l1(x):
        return P(R(x, font=HEITI))

    def l2(x):
        return P(R(x, font=KAITI))

    b = [
        title_direct("关于申请应急救援装备购置经费的请示"),
        P("市财政局：", noindent=True),
        P("为进一步提升我局应急救援处置能力，保障人民群众生命财产安全，根据年度工作安排，拟购置一批应急救援装备。"
          "现将有关情况请示如下。"),
        l1("一、申请缘由"),
        l2("（一）现有装备老化严重"),
        P(R("我局现有救援装备大多购置于2015年前后，已超过规定使用年限"), footnote_ref(1),
          R("，故障率逐年上升，难以满足实战需要。")),
        l2("（二）承担任务日益繁重"),
        P("近年来，我市极端天气多发频发，今年以来已参与处置各类突发事件37起，对装备性能提出了更高要求。"),
        l1("二、申请事项"),
        P("经测算，拟购置应急救援装备共需经费65.5万元，具体明细如下："),
        table([["装备名称", "数量", "预算（万元）"],
               ["救援无人机", "2台", "36"],
               ["便携式照明设备", "10套", "29.5"]], [3400, 2400, 3000]),
        P("恳请市财政局从市级应急专项资金中予以安排。"),
        P("妥否，请批示。"),
        right("市应急管理局"),
        right("2024年6月12日"),
        P("（联系人：王明，联系电话：0951-6012345）"),
    ]
    return write_docx("03-qingshi-typed.docx", "".join(b), title="关于申请应急救援装备购置经费的请示",
                      application="WPS Office", header="××市××局", footer=True,
                      footnotes={1: "根据省应急管理厅《应急救援装备配备指导标准》，主要救援装备使用年限一般为8年。"})


def doc04() -> Path:
    """通知 with 一、 sections, typed 1. items, a numbered table, 附件 list and a text box.  Clean."""
    def l1(x):
        return P(R(x, font=HEITI))

    b = [
        title_direct("关于召开全市教育系统安全生产工作会议的通知"),
        P("各县（区）教育局，市直各学校：", noindent=True),
        P("为深入贯彻落实全省教育系统安全生产工作会议精神，全面排查化解校园安全风险，经研究，"
          "决定召开全市教育系统安全生产工作会议。现将有关事项通知如下："),
        l1("一、会议时间和地点"),
        P("2024年6月20日（星期四）上午9时30分，会期半天。会议地点为市教育局四楼会议室。"),
        l1("二、参会人员"),
        P("1.各县（区）教育局分管负责同志"),
        P("2.市直各学校分管安全工作负责同志"),
        P("3.市教育局机关相关科室负责同志"),
        l1("三、会议议程"),
        P("1.传达全省教育系统安全生产工作会议精神"),
        P("2.通报上半年全市教育系统安全生产工作情况"),
        P("3.部署下半年校园安全重点工作"),
        l1("四、有关要求"),
        P("请各单位按照下表分配的名额确定参会人员，于6月18日下班前将参会回执报送市教育局安全科。"),
        table([["序号", "单位", "名额"],
               ["1", "各县（区）教育局", "每单位2人"],
               ["2", "市直各学校", "每校1人"],
               ["3", "市教育局机关相关科室", "每科室1人"],
               [("参会人员须携带本单位安全隐患排查整治台账。", 3)]], [1200, 4600, 3000]),
        P(R("参会人员请提前15分钟到达会场签到，会议期间请将手机调至静音状态。"),
          text_box(["温馨提示", "会场周边停车位紧张，请尽量乘坐公共交通工具。"], 1)),
        P("附件：1.全市教育系统安全生产工作会议参会回执"),
        P("2.会场座次安排图", left=1600),
        right("市教育局"),
        right("2024年6月14日"),
    ]
    return write_docx("04-tongzhi-table-list.docx", "".join(b),
                      title="关于召开全市教育系统安全生产工作会议的通知",
                      application="WPS Office", footer=True)


def doc05() -> Path:
    """述职报告, typed numbers in heading-styled paragraphs, with defects."""
    b = [
        P("2024年度述职报告", style=TITLE),
        P(R("市住房和城乡建设局副局长　李华", font=KAITI), jc="center", noindent=True),
        P("各位领导、同志们：", noindent=True),
        P("2024年，本人在局党组的坚强领导下，认真履行岗位职责，较好完成了各项目标任务。现将个人履职情况报告如下。"),
        P("一、主要履职情况", style=H1),
        P("（一）加强政治理论学习。", style=H2),
        P("坚持把政治理论学习摆在首位，认真研读《中国共产党纪律处分条例，全年参加局党组理论学习中心组学习12次，"
          "撰写心得体会5篇，政治判断力、政治领悟力、政治执行力不断提升。"),
        P("（二）扎实推进重点工作", style=H2),
        P("围绕年度目标任务，重点抓好三个方面的工作：一是推进城镇老旧小区改造，完成改造小区86个，惠及居民1.2万户；"
          "二是加强建筑市场监管，开展建筑施工安全专项检查4轮；三是推动保障性住房建设，新开工保障性租赁住房2100套；"
          "四是优化营商环境，工程建设项目审批时间压缩至60个工作日以内。"),
        P("（三）持续改进工作作风", style=H2),
        P("坚持深入一线调查研究，全年走访项目工地和社区50余次，协调解决群众反映的急难愁盼事项120余件。"),
        P("二、廉洁自律情况", style=H1),
        P("严格遵守中央八项规定及其实施细则精神，认真落实党风廉政建设“一岗双责”，自觉接受组织和群众监督，"
          "始终做到清正廉洁。"),
        P("四、今后努力方向", style=H1),
        P("一是持续加强理论武装，不断提高政治能力；二是聚焦城市更新重点任务，推动分管工作提质增效；"
          "三是严格落实廉洁自律各项规定，树立良好形象。"),
        P("以上述职，请予评议。"),
        right("2024年12月25日"),
    ]
    return write_docx("05-shuzhi-defects.docx", "".join(b), title="2024年度述职报告", author="李华")


def doc06() -> Path:
    """情况报告 with content controls, a hyperlink, tracked changes and a comment.  Clean."""
    b = [
        sdt_block("标题", "title", -1587341210,
                  P("关于全市2024年上半年安全生产工作情况的报告", style=TITLE)),
        P("市人民政府：", noindent=True),
        P("根据《市人民政府办公室关于报送2024年上半年重点工作进展情况的通知》要求，"
          "现将全市上半年安全生产工作情况报告如下。"),
        P("一、基本情况", style=H1),
        sdt_block("基本情况", "basic", 1406795122,
                  P("上半年，全市共发生各类生产安全事故12起、死亡9人，同比分别下降20%和18.2%，"
                    "未发生较大及以上生产安全事故，全市安全生产形势总体平稳。"),
                  P("从行业领域看，道路交通、建筑施工和工矿商贸领域事故起数分别占事故总数的50%、25%和16.7%，"
                    "仍是防范的重点。")),
        P("二、主要工作", style=H1),
        P("（一）压实安全生产责任", style=H2),
        P(R("制定党政领导干部安全生产责任清单，逐级签订目标责任书1200余份，相关清单已在"),
          hyperlink("rIdLink1", "市应急管理局门户网站"), R("全文公开，接受社会监督。")),
        P("（二）深化重点行业领域专项整治", style=H2),
        P(R("按照"), dele(11, "按照"),
          R("市安全生产委员会部署，一是开展城镇燃气安全专项整治，排查整改隐患860处；"),
          ins(12, "二是开展建筑施工安全专项整治，检查在建工地312个；"),
          R("三是开展道路交通安全专项整治，查处各类交通违法行为4.6万起。")),
        P("（三）提升应急处置能力", style=H2),
        P(R("修订完善各类应急预案36部，组织开展防汛、森林防火等综合应急演练"), commented(0, "46场次"),
          R("，参演人员3200余人次。")),
        P("三、下一步工作", style=H1),
        P(R("一是持续深化安全生产治本攻坚行动，推动重大事故隐患动态清零；二是加强汛期和高温时段安全防范，"
            "严格落实领导带班和24小时值班制度；三是加快应急指挥平台建设，计划于"),
          sdt_inline("完成时限", "deadline", 873420916, "2024年9月底"), R("前建成投用。")),
        P("特此报告。"),
        right("市应急管理局"),
        P(sdt_inline("成文日期", "date", -20113497, "2024年7月10日", date="2024-07-10"),
          jc="right", noindent=True),
    ]
    return write_docx("06-baogao-content-controls.docx", "".join(b),
                      title="关于全市2024年上半年安全生产工作情况的报告", footer=True,
                      comments=[(0, "王芳", "2024-07-08T10:20:00Z", "请与统计报表核对。")],
                      hyperlinks={"rIdLink1": "http://yjj.example.gov.cn/zrqd/"}, track=True)


def main() -> None:
    for make in (doc01, doc02, doc03, doc04, doc05, doc06):
        print(make().name)


if __name__ == "__main__":
    main()
