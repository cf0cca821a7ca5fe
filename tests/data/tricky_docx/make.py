#!/usr/bin/env python3
"""Generate the tricky .docx drafts and their annotations (test data only).

    python make.py            # write 01-…06-*.docx and annotations.toml next to this file
    python make.py --check    # also re-read the files with an independent lxml walker
                              # (paragraph list, Word list-label rendering, outline) and
                              # with python-docx (the files must open)

Deterministic: fixed zip timestamps, fixed entry order, no clock or randomness.
Only the standard library is needed to generate; lxml/python-docx only for --check.

Every draft is raw WordprocessingML written the way Chinese Word 2016+ writes it:
style ids "a" (Normal), "1"/"2" (heading 1/2), "a3" (Title), "11" (toc 1), "TOC" (TOC Heading);
numbering.xml with chineseCountingThousand "%1、", "（%2）" and decimal "%3." levels (suff nothing).
"""
from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
ZIP_DATE = (2024, 12, 30, 9, 0, 0)

# ----------------------------------------------------------------------------------------------
# namespaces
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_DECL = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    f'xmlns:w="{W}" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'mc:Ignorable="w14 wp14"'
)
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_W = "application/vnd.openxmlformats-officedocument.wordprocessingml"


# ----------------------------------------------------------------------------------------------
# small WordprocessingML builders
def t(text: str, tag: str = "w:t") -> str:
    sp = ' xml:space="preserve"' if text != text.strip() or "  " in text else ""
    return f"<{tag}{sp}>{escape(text)}</{tag}>"


def rpr(bold=False, font=None, rstyle=None, extra="") -> str:
    parts = []
    if rstyle:
        parts.append(f'<w:rStyle w:val="{rstyle}"/>')
    if font:
        parts.append(f'<w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}" w:hint="eastAsia"/>')
    else:
        parts.append('<w:rFonts w:hint="eastAsia"/>')
    if bold:
        parts.append("<w:b/><w:bCs/>")
    parts.append(extra)
    return "<w:rPr>" + "".join(parts) + "</w:rPr>"


def r(text: str, **kw) -> str:
    return f"<w:r>{rpr(**kw)}{t(text)}</w:r>"


def p(content: str = "", style=None, num=None, ilvl=None, jc=None, ind=None, outline=None,
      tabs=None, keep=False) -> str:
    """A paragraph. `num`/`ilvl` → w:numPr (both written when given)."""
    ppr = []
    if style:
        ppr.append(f'<w:pStyle w:val="{style}"/>')
    if keep:
        ppr.append("<w:keepNext/>")
    if num is not None:
        lv = f'<w:ilvl w:val="{ilvl or 0}"/>'
        ppr.append(f'<w:numPr>{lv}<w:numId w:val="{num}"/></w:numPr>')
    if tabs:
        ppr.append(tabs)
    if ind:
        ppr.append(ind)
    if jc:
        ppr.append(f'<w:jc w:val="{jc}"/>')
    if outline is not None:
        ppr.append(f'<w:outlineLvl w:val="{outline}"/>')
    ppr.append('<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>')
    return f"<w:p><w:pPr>{''.join(ppr)}</w:pPr>{content}</w:p>"


def right(text: str) -> str:
    """Signature / date lines: right aligned, no first-line indent, like real drafts."""
    return p(r(text), jc="right", ind='<w:ind w:right="1280" w:firstLineChars="0" w:firstLine="0"/>')


def empty() -> str:
    return p("")


def fld_complex(instr: str, result_runs: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{t(" " + instr + " ", "w:instrText")}</w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f"{result_runs}"
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def sdt_block(inner: str, alias: str, tag: str, sid: int) -> str:
    return (f'<w:sdt><w:sdtPr><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>'
            f'<w:alias w:val="{alias}"/><w:tag w:val="{tag}"/><w:id w:val="{sid}"/>'
            f'</w:sdtPr><w:sdtEndPr/><w:sdtContent>{inner}</w:sdtContent></w:sdt>')


def sdt_inline(runs: str, alias: str, tag: str, sid: int) -> str:
    return (f'<w:sdt><w:sdtPr><w:alias w:val="{alias}"/><w:tag w:val="{tag}"/><w:id w:val="{sid}"/>'
            f'<w:text/></w:sdtPr><w:sdtContent>{runs}</w:sdtContent></w:sdt>')


def sect(footer_rid="rIdFooter1", header_rid=None) -> str:
    hdr = f'<w:headerReference w:type="default" r:id="{header_rid}"/>' if header_rid else ""
    return (f'<w:sectPr>{hdr}<w:footerReference w:type="default" r:id="{footer_rid}"/>'
            '<w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" '
            'w:footer="992" w:gutter="0"/><w:cols w:space="425"/>'
            '<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-849"/></w:sectPr>')


# ----------------------------------------------------------------------------------------------
# shared parts
def styles_xml(heading_numbering: bool) -> str:
    """Chinese-Word style ids. With heading_numbering the heading styles carry the list
    (numId 1, ilvl 0 / 1), the way GB/T 9704 templates link 一、/（一） to 标题 1/2."""
    h1_num = '<w:numPr><w:numId w:val="1"/></w:numPr>' if heading_numbering else ""
    h2_num = '<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>' if heading_numbering else ""
    return XML_HEAD + f'''<w:styles xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:r="{REL_NS}" xmlns:w="{W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>\
<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>\
<w:pPrDefault/></w:docDefaults>\
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/>\
<w:pPr><w:widowControl w:val="0"/><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/></w:pPr>\
<w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>\
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:link w:val="10"/><w:uiPriority w:val="9"/><w:qFormat/>\
<w:pPr><w:keepNext/><w:keepLines/>{h1_num}<w:outlineLvl w:val="0"/></w:pPr>\
<w:rPr><w:rFonts w:ascii="黑体" w:eastAsia="黑体" w:hAnsi="黑体"/><w:kern w:val="44"/></w:rPr></w:style>\
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:link w:val="20"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/>\
<w:pPr><w:keepNext/><w:keepLines/>{h2_num}<w:outlineLvl w:val="1"/></w:pPr>\
<w:rPr><w:rFonts w:ascii="楷体_GB2312" w:eastAsia="楷体_GB2312" w:hAnsi="楷体_GB2312"/></w:rPr></w:style>\
<w:style w:type="character" w:default="1" w:styleId="a0"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>\
<w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>\
<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
<w:style w:type="numbering" w:default="1" w:styleId="a2"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>\
<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:link w:val="a4"/><w:uiPriority w:val="10"/><w:qFormat/>\
<w:pPr><w:spacing w:before="240" w:after="60"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>\
<w:rPr><w:rFonts w:ascii="方正小标宋简体" w:eastAsia="方正小标宋简体" w:hAnsi="方正小标宋简体"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>\
<w:style w:type="character" w:customStyle="1" w:styleId="10"><w:name w:val="标题 1 字符"/><w:basedOn w:val="a0"/><w:link w:val="1"/><w:uiPriority w:val="9"/><w:rPr><w:rFonts w:ascii="黑体" w:eastAsia="黑体" w:hAnsi="黑体"/></w:rPr></w:style>\
<w:style w:type="character" w:customStyle="1" w:styleId="20"><w:name w:val="标题 2 字符"/><w:basedOn w:val="a0"/><w:link w:val="2"/><w:uiPriority w:val="9"/><w:rPr><w:rFonts w:ascii="楷体_GB2312" w:eastAsia="楷体_GB2312" w:hAnsi="楷体_GB2312"/></w:rPr></w:style>\
<w:style w:type="character" w:customStyle="1" w:styleId="a4"><w:name w:val="标题 字符"/><w:basedOn w:val="a0"/><w:link w:val="a3"/><w:uiPriority w:val="10"/><w:rPr><w:rFonts w:ascii="方正小标宋简体" w:eastAsia="方正小标宋简体" w:hAnsi="方正小标宋简体"/><w:sz w:val="44"/></w:rPr></w:style>\
<w:style w:type="paragraph" w:styleId="11"><w:name w:val="toc 1"/><w:basedOn w:val="a"/><w:next w:val="a"/><w:autoRedefine/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>\
<w:pPr><w:ind w:firstLineChars="0" w:firstLine="0"/></w:pPr></w:style>\
<w:style w:type="paragraph" w:styleId="TOC"><w:name w:val="TOC Heading"/><w:basedOn w:val="1"/><w:next w:val="a"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/><w:qFormat/>\
<w:pPr><w:widowControl/><w:jc w:val="center"/><w:outlineLvl w:val="9"/></w:pPr></w:style>\
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="footnote text"/><w:basedOn w:val="a"/><w:link w:val="a6"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>\
<w:pPr><w:snapToGrid w:val="0"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>\
<w:style w:type="character" w:customStyle="1" w:styleId="a6"><w:name w:val="脚注文本 字符"/><w:basedOn w:val="a0"/><w:link w:val="a5"/><w:uiPriority w:val="99"/><w:semiHidden/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>\
<w:style w:type="character" w:styleId="a7"><w:name w:val="footnote reference"/><w:basedOn w:val="a0"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>\
<w:style w:type="character" w:styleId="a8"><w:name w:val="Hyperlink"/><w:basedOn w:val="a0"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="0563C1" w:themeColor="hyperlink"/><w:u w:val="single"/></w:rPr></w:style>\
<w:style w:type="character" w:styleId="a9"><w:name w:val="annotation reference"/><w:basedOn w:val="a0"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>\
<w:style w:type="paragraph" w:styleId="aa"><w:name w:val="annotation text"/><w:basedOn w:val="a"/><w:link w:val="ab"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:jc w:val="left"/></w:pPr></w:style>\
<w:style w:type="character" w:customStyle="1" w:styleId="ab"><w:name w:val="批注文字 字符"/><w:basedOn w:val="a0"/><w:link w:val="aa"/><w:uiPriority w:val="99"/></w:style>\
<w:style w:type="table" w:styleId="ac"><w:name w:val="Table Grid"/><w:basedOn w:val="a1"/><w:uiPriority w:val="39"/>\
<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>\
<w:style w:type="paragraph" w:styleId="ad"><w:name w:val="header"/><w:basedOn w:val="a"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr><w:tabs><w:tab w:val="center" w:pos="4153"/><w:tab w:val="right" w:pos="8306"/></w:tabs><w:snapToGrid w:val="0"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>\
<w:style w:type="paragraph" w:styleId="ae"><w:name w:val="footer"/><w:basedOn w:val="a"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4153"/><w:tab w:val="right" w:pos="8306"/></w:tabs><w:snapToGrid w:val="0"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="28"/></w:rPr></w:style>\
</w:styles>'''


def numbering_xml(link_styles: bool, override_num: bool) -> str:
    """abstractNum 0: 一、 / （一） / 1. / （1）; suff nothing, as in GB/T 9704 templates.
    num 1 → abstractNum 0.  With override_num, num 2 → the same abstractNum 0 with
    lvlOverride ilvl 1 startOverride 3 (what Word's “设置编号值…→ 3” writes)."""
    def lvl(i, fmt, text, pstyle=None, start=1):
        ps = f'<w:pStyle w:val="{pstyle}"/>' if (pstyle and link_styles) else ""
        return (f'<w:lvl w:ilvl="{i}" w:tplc="0409000F"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{ps}'
                f'<w:suff w:val="nothing"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr>'
                f'<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:lvl>')
    lvls = (lvl(0, "chineseCountingThousand", "%1、", "1")
            + lvl(1, "chineseCountingThousand", "（%2）", "2")
            + lvl(2, "decimal", "%3.")
            + lvl(3, "decimal", "（%4）"))
    for i in range(4, 9):
        lvls += (f'<w:lvl w:ilvl="{i}" w:tentative="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                 f'<w:lvlText w:val="%{i + 1}."/><w:lvlJc w:val="left"/>'
                 f'<w:pPr><w:ind w:left="{420 * (i + 1)}" w:hanging="420"/></w:pPr></w:lvl>')
    nums = '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    if override_num:
        nums += ('<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
                 '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="3"/></w:lvlOverride></w:num>')
    return XML_HEAD + (
        f'<w:numbering xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        f'xmlns:r="{REL_NS}" xmlns:w="{W}">'
        '<w:abstractNum w:abstractNumId="0"><w:nsid w:val="5A3C1B20"/>'
        '<w:multiLevelType w:val="multilevel"/><w:tmpl w:val="7D2E4C10"/>'
        f'{lvls}</w:abstractNum>{nums}</w:numbering>')


def settings_xml(track=False, footnotes=False) -> str:
    tr = "<w:trackRevisions/>" if track else ""
    fn = ('<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
          if footnotes else "")
    return XML_HEAD + (
        f'<w:settings xmlns:r="{REL_NS}" xmlns:w="{W}">'
        f'<w:zoom w:percent="100"/>{tr}<w:bordersDoNotSurroundHeader/><w:bordersDoNotSurroundFooter/>'
        '<w:defaultTabStop w:val="420"/><w:drawingGridVerticalSpacing w:val="579"/>'
        '<w:displayHorizontalDrawingGridEvery w:val="0"/><w:characterSpacingControl w:val="compressPunctuation"/>'
        f'{fn}<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/>'
        '<w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>'
        '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
        '</w:compat><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
        '<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>')


def footer_xml() -> str:
    """Page number “— 1 —” from a PAGE field; footer paragraphs are not body paragraphs."""
    return XML_HEAD + (
        f'<w:ftr {NS_DECL}><w:p><w:pPr><w:pStyle w:val="ae"/><w:jc w:val="center"/></w:pPr>'
        + r("— ") + fld_complex("PAGE   \\* MERGEFORMAT", r("1")) + r(" —")
        + "</w:p></w:ftr>")


def header_xml(text: str) -> str:
    return XML_HEAD + (f'<w:hdr {NS_DECL}><w:p><w:pPr><w:pStyle w:val="ad"/></w:pPr>{r(text)}</w:p></w:hdr>')


def core_xml(title: str) -> str:
    return XML_HEAD + (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f'<dc:title>{escape(title)}</dc:title><dc:creator>办公室</dc:creator><cp:lastModifiedBy>办公室</cp:lastModifiedBy>'
        '<cp:revision>3</cp:revision>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">2024-12-20T01:00:00Z</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">2024-12-30T01:00:00Z</dcterms:modified>'
        '</cp:coreProperties>')


APP_XML = XML_HEAD + (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<Template>Normal.dotm</Template><TotalTime>42</TotalTime><Pages>2</Pages>'
    '<Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity>'
    '<AppVersion>16.0000</AppVersion></Properties>')


# ----------------------------------------------------------------------------------------------
class Draft:
    """Collects body XML and, alongside, the expected annotations.

    self.n is the 1-based index of the last paragraph of the paragraph list (body order, into
    content controls, table cells row by row with merged cells once)."""

    def __init__(self, name: str, doctype: str, title: str):
        self.name, self.doctype, self.title = name, doctype, title
        self.body: list[str] = []
        self.n = 0
        self.outline: list[str] = []
        self.findings: list[tuple[int, str, str]] = []
        self.parts: dict[str, str] = {}          # extra parts: path → xml
        self.rels: list[tuple[str, str, str, str]] = []  # (id, type, target, mode)
        self.overrides: dict[str, str] = {}      # part name → content type
        self.numbering: str | None = None
        self.heading_numbering = False
        self.track = False
        self.footnotes = False
        self.header: str | None = None

    def add(self, xml: str, heading: str | None = None, count: int = 1) -> int:
        self.body.append(xml)
        self.n += count
        if heading is not None:
            self.outline.append(heading)
        return self.n

    def finding(self, para: int, rule: str, excerpt: str):
        self.findings.append((para, rule, excerpt))

    # ---- packaging
    def write(self, folder: Path) -> Path:
        doc = (XML_HEAD + f'<w:document {NS_DECL}><w:body>' + "".join(self.body)
               + sect("rIdFooter1", "rIdHeader1" if self.header else None) + "</w:body></w:document>")
        parts: dict[str, str] = {}
        rels = [
            ("rId1", "styles", "styles.xml", None),
            ("rId2", "settings", "settings.xml", None),
            ("rIdFooter1", "footer", "footer1.xml", None),
        ]
        ct = {
            "/word/document.xml": f"{CT_W}.document.main+xml",
            "/word/styles.xml": f"{CT_W}.styles+xml",
            "/word/settings.xml": f"{CT_W}.settings+xml",
            "/word/footer1.xml": f"{CT_W}.footer+xml",
            "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
            "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
        }
        if self.numbering:
            rels.append(("rId3", "numbering", "numbering.xml", None))
            ct["/word/numbering.xml"] = f"{CT_W}.numbering+xml"
            parts["word/numbering.xml"] = self.numbering
        if self.header:
            rels.append(("rIdHeader1", "header", "header1.xml", None))
            ct["/word/header1.xml"] = f"{CT_W}.header+xml"
            parts["word/header1.xml"] = header_xml(self.header)
        rels += self.rels
        ct.update(self.overrides)
        parts.update(self.parts)
        rels_xml = XML_HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + "".join(
            f'<Relationship Id="{i}" Type="{REL_NS}/{ty}" Target="{escape(tg)}"'
            + (f' TargetMode="{mode}"' if mode else "") + "/>" for i, ty, tg, mode in rels) + "</Relationships>"
        content_types = (XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                         '<Default Extension="xml" ContentType="application/xml"/>'
                         + "".join(f'<Override PartName="{k}" ContentType="{v}"/>' for k, v in ct.items())
                         + "</Types>")
        root_rels = (XML_HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                     '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
                     '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                     '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                     "</Relationships>")
        entries = [
            ("[Content_Types].xml", content_types),
            ("_rels/.rels", root_rels),
            ("docProps/app.xml", APP_XML),
            ("docProps/core.xml", core_xml(self.title)),
            ("word/document.xml", doc),
            ("word/_rels/document.xml.rels", rels_xml),
            ("word/styles.xml", styles_xml(self.heading_numbering)),
            ("word/settings.xml", settings_xml(self.track, self.footnotes)),
            ("word/footer1.xml", footer_xml()),
        ] + sorted(parts.items())
        out = folder / self.name
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in entries:
                info = zipfile.ZipInfo(name, ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                z.writestr(info, data.encode("utf-8"))
        return out


def title_p(text: str) -> str:
    return p(r(text), style="a3")


def body(text: str) -> str:
    return p(r(text))


# ----------------------------------------------------------------------------------------------
# 01 工作总结: heading styles auto-numbered from one list; a second num with startOverride=3
def draft01() -> Draft:
    d = Draft("01-autonum-summary.docx", "工作总结", "市民政局2024年工作总结")
    d.heading_numbering = True
    d.numbering = numbering_xml(link_styles=True, override_num=True)
    H1 = lambda s: p(r(s), style="1")                       # 一、 from the style's numPr
    H2 = lambda s: p(r(s), style="2")                       # （一） from the style's numPr (ilvl 1)
    H2b = lambda s: p(r(s), style="2", num=2, ilvl=1)       # same list, num 2 → startOverride 3
    L3 = lambda s: p(r(s), num=1, ilvl=2)                   # Normal + numPr → 1. 2.
    d.add(title_p("市民政局2024年工作总结"))
    d.add(body("2024年，在市委、市政府的坚强领导下，我局坚持以人民为中心，扎实推进各项民政工作，"
               "现将全年工作情况总结如下。"))
    d.add(H1("主要工作"), "一、主要工作")
    d.add(H2("加强基层治理"), "（一）加强基层治理")
    d.add(L3("健全社区服务体系"), "1.健全社区服务体系")
    d.add(body("全年新建社区综合服务站12个，社区服务覆盖率达到98%。"))
    d.add(L3("规范村务公开"), "2.规范村务公开")
    n = d.add(p(r("指导各村（居）严格") + r("严格落实村务公开制度，群众满意度明显提升。")))
    d.finding(n, "duplicate-word", "严格严格")  # the doubled word, per the excerpt convention
    d.add(H2("做好社会救助"), "（二）做好社会救助")
    n = d.add(body("全年发放城乡低保金××万元，临时救助困难群众1560人次，做到应保尽保。"))
    d.finding(n, "placeholder", "××")
    d.add(H1("重点突破"), "二、重点突破")
    n = d.add(H2b("推进养老服务"), "（三）推进养老服务")
    d.finding(n, "heading-skip", "（三）")
    d.add(body("新建街道综合养老服务中心3个，改造提升农村敬老院5所。"))
    d.add(H2b("优化婚姻登记服务"), "（四）优化婚姻登记服务")
    d.add(body("推行婚姻登记“跨省通办”，全年办理婚姻登记4200余对。"))
    d.add(H1("存在的问题"), "三、存在的问题")
    d.add(body("一是基层民政工作力量薄弱；二是养老服务供给不足，服务质量有待提升。"))
    d.add(H1("下一步打算"), "四、下一步打算")
    d.add(body("我们将持续深化民政领域改革，着力补齐养老服务短板，推动民政事业高质量发展。"))
    d.add(empty())
    d.add(right("市民政局"))
    d.add(right("2024年12月20日"))
    return d


# ----------------------------------------------------------------------------------------------
# 02 述职报告: typed numbers in heading-styled paragraphs
def draft02() -> Draft:
    d = Draft("02-typed-shuzhi.docx", "述职报告", "2024年度个人述职报告")
    H1 = lambda s: p(r(s), style="1")
    H2 = lambda s: p(r(s), style="2")
    d.add(title_p("2024年度个人述职报告"))
    d.add(body("根据组织安排，现将本人2024年度履职情况报告如下。"))
    d.add(H1("一、履职情况"), "一、履职情况")
    d.add(H2("（一）加强政治理论学习"), "（一）加强政治理论学习")
    d.add(body("坚持把学习贯彻习近平新时代中国特色社会主义思想作为首要政治任务，全年参加集中学习24次，"
               "撰写学习体会6篇。"))
    d.add(H2("（二）认真履行岗位职责"), "（二）认真履行岗位职责")
    n = d.add(body("统筹推进办公室、财务等分管工作：一是完善内部管理制度；二是加强预算执行管理；"
                   "四是规范国有资产管理。"))
    d.finding(n, "ordinal-skip", "四是")
    n = d.add(H2("（二）严格落实廉政要求"), "（二）严格落实廉政要求")
    d.finding(n, "heading-duplicate", "（二）")
    d.add(body("严格遵守中央八项规定精神，自觉接受组织和群众监督。"))
    d.add(H1("二、存在的不足"), "二、存在的不足")
    d.add(body("理论学习的深度还不够，深入基层调查研究还不够多。"))
    n = d.add(p(r("三、今后努力方向") + r("。"), style="1"), "三、今后努力方向。")
    d.finding(n, "heading-punctuation", "。")
    d.add(body("进一步加强理论学习，不断提升履职能力，努力把各项工作做得更好。"))
    d.add(body("以上述职，请予评议。"))
    d.add(empty())
    d.add(right("述职人：王明"))
    d.add(right("2025年1月10日"))
    return d


# ----------------------------------------------------------------------------------------------
# 03 情况报告: a table (numbered first column, 一是/二是 in cells, a vertical merge),
#    a text box, a header; no 特此报告; count 四项措施 vs three items
TEXTBOX_P = p(r("内部资料　注意保存", bold=True), jc="center",
              ind='<w:ind w:firstLineChars="0" w:firstLine="0"/>')


def textbox_run(inner_p: str) -> str:
    return (
        '<w:r><w:rPr><w:noProof/></w:rPr><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
        'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>right</wp:align></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>-1080000</wp:posOffset></wp:positionV>'
        '<wp:extent cx="1800000" cy="396000"/><wp:effectExtent l="0" t="0" r="19050" b="19050"/><wp:wrapNone/>'
        '<wp:docPr id="1" name="文本框 1"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1800000" cy="396000"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:schemeClr val="lt1"/></a:solidFill>'
        '<a:ln w="6350"><a:solidFill><a:prstClr val="black"/></a:solidFill></a:ln></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{inner_p}</w:txbxContent></wps:txbx>'
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" '
        'anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>'
        '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
        '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
        '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        '<v:shape id="文本框 1" o:spid="_x0000_s1026" type="#_x0000_t202" '
        'style="position:absolute;left:0;text-align:left;margin-left:90.5pt;margin-top:-85.05pt;width:141.75pt;'
        'height:31.2pt;z-index:251659264;visibility:visible;mso-wrap-style:square;mso-position-horizontal:right;'
        'mso-position-horizontal-relative:margin" fillcolor="white [3201]" strokeweight=".5pt">'
        f'<v:textbox><w:txbxContent>{inner_p}</w:txbxContent></v:textbox></v:shape></w:pict>'
        '</mc:Fallback></mc:AlternateContent></w:r>')


def cell(text: str, width: int, vmerge: str | None = None, center=False, span=1) -> str:
    vm = "" if vmerge is None else ('<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>")
    gs = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    ppr_jc = "center" if center else "left"
    para = p(r(text) if text else "", jc=ppr_jc, ind='<w:ind w:firstLineChars="0" w:firstLine="0"/>')
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{gs}{vm}<w:vAlign w:val="center"/></w:tcPr>'
            f'{para}</w:tc>')


def draft03() -> Draft:
    d = Draft("03-table-report.docx", "情况报告", "关于2024年全市安全生产工作情况的报告")
    d.header = "市应急管理局"
    HB = lambda s: p(r(s, font="黑体"), keep=True)          # typed 一、 in Normal style, 黑体 run
    n_title = d.add(title_p("关于2024年全市安全生产工作情况的报告"))
    d.finding(n_title, "missing-section", "结束语“特此报告”")
    d.add(p(r("市政府："), ind='<w:ind w:firstLineChars="0" w:firstLine="0"/>'))
    d.add(p(r("现将我市2024年安全生产工作情况报告如下。") + textbox_run(TEXTBOX_P)))
    d.add(HB("一、基本情况"), "一、基本情况")
    n = d.add(body("全年共发生生产安全事故12起，同比下降20%，未发生较大及以上事故。主要采取了四项措施："
                   "一是压实安全生产责任；二是深入开展隐患排查整治；三是强化安全执法检查。"))
    d.finding(n, "count-mismatch", "四项措施")
    d.add(body("各重点行业检查情况如下表。"))
    widths = (900, 1700, 2200, 3900)
    rows = [
        [cell("序号", widths[0], center=True), cell("行业", widths[1], center=True),
         cell("牵头单位", widths[2], center=True), cell("主要工作", widths[3], center=True)],
        [cell("1", widths[0], center=True), cell("危险化学品", widths[1]),
         cell("市应急管理局", widths[2], vmerge="restart"),
         cell("一是检查企业46家；二是督促整改隐患132处。", widths[3])],
        [cell("2", widths[0], center=True), cell("工贸行业", widths[1]),
         cell("", widths[2], vmerge="continue"),                     # merged: not a paragraph of its own
         cell("一是检查企业80家；二是停产整顿3家。", widths[3])],
        [cell("3", widths[0], center=True), cell("道路交通", widths[1]),
         cell("市公安局交警支队", widths[2]),
         cell("一是查处交通违法行为1.2万起；二是约谈运输企业5家。", widths[3])],
    ]
    n_cell_paras = 4 + 4 + 3 + 4
    tbl = ('<w:tbl><w:tblPr><w:tblStyle w:val="ac"/><w:tblW w:w="8700" w:type="dxa"/><w:jc w:val="center"/>'
           '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
           'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>'
           + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"
           + "".join('<w:tr><w:trPr><w:jc w:val="center"/></w:trPr>' + "".join(row) + "</w:tr>" for row in rows)
           + "</w:tbl>")
    d.add(tbl, count=n_cell_paras)
    d.add(HB("二、存在的问题"), "二、存在的问题")
    d.add(body("部分企业安全生产主体责任落实不到位，基层监管执法力量相对薄弱。"))
    d.add(HB("三、下一步工作"), "三、下一步工作")
    d.add(body("一是深入推进安全生产治本攻坚三年行动；二是加强基层执法队伍建设；三是修订完善应急预案。"))
    d.add(empty())
    d.add(right("市应急管理局"))
    d.add(right("2024年12月25日"))
    return d


# ----------------------------------------------------------------------------------------------
# 04 请示 (clean): content controls around the title and the request, an inline control in
#    the addressee line, a footnote, 妥否，请批示。
def draft04() -> Draft:
    d = Draft("04-sdt-qingshi.docx", "请示", "关于申请拨付2025年社区养老服务补助资金的请示")
    d.footnotes = True
    d.rels.append(("rId4", "footnotes", "footnotes.xml", None))
    d.overrides["/word/footnotes.xml"] = f"{CT_W}.footnotes+xml"
    d.parts["word/footnotes.xml"] = XML_HEAD + (
        f'<w:footnotes {NS_DECL}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="a5"/></w:pPr>'
        '<w:r><w:rPr><w:rStyle w:val="a7"/></w:rPr><w:footnoteRef/></w:r>'
        + r(" 中共中央办公厅、国务院办公厅2023年5月印发。") + "</w:p></w:footnote></w:footnotes>")
    H1 = lambda s: p(r(s), style="1")
    d.add(sdt_block(title_p("关于申请拨付2025年社区养老服务补助资金的请示"), "标题", "title", -1588329001))
    d.add(p(sdt_inline(r("市财政局"), "主送机关", "recipient", 1203344556) + r("："),
            ind='<w:ind w:firstLineChars="0" w:firstLine="0"/>'))
    d.add(p(r("为加快推进社区居家养老服务体系建设，根据《关于推进基本养老服务体系建设的意见》")
            + '<w:r><w:rPr><w:rStyle w:val="a7"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
            + r("精神，结合我区实际，现就申请拨付补助资金有关事项请示如下。")))
    d.add(H1("一、申请缘由"), "一、申请缘由")
    d.add(body("截至2024年底，我区60岁以上老年人口占比已达21.5%，现有社区养老服务站点难以满足需求。"
               "区财政已安排配套资金300万元，资金缺口仍然较大。"))
    d.add(H1("二、申请事项"), "二、申请事项")
    d.add(sdt_block(body("恳请市财政局拨付2025年社区养老服务补助资金500万元，用于新建社区养老服务站10个。"),
                    "请示事项", "request", 774502913))
    d.add(body("妥否，请批示。"))
    d.add(empty())
    d.add(right("区民政局"))
    d.add(right("2025年3月5日"))
    d.add(body("（联系人：李强，联系电话：0951-1234567）"))
    return d


# ----------------------------------------------------------------------------------------------
# 05 通知 (clean but for one info): TOC content control with toc 1 entries that carry typed
#    一、 text; body 一、二、三、 auto-numbered on Normal paragraphs (numPr + outlineLvl, no heading
#    style); typed 1. 2. under them (restarting under each parent); 附件：1.… / 2.… list.
def draft05() -> Draft:
    d = Draft("05-toc-notice.docx", "通知", "关于做好2025年春节期间安全生产工作的通知")
    d.numbering = numbering_xml(link_styles=False, override_num=False)
    noind = '<w:ind w:firstLineChars="0" w:firstLine="0"/>'
    toc_tabs = '<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="8834"/></w:tabs>'
    heads = [("一、总体要求", "1", "_Toc186001001"), ("二、重点任务", "1", "_Toc186001002"),
             ("三、工作要求", "2", "_Toc186001003")]

    def toc_entry(text, page, anchor, first=False):
        lead = ""
        if first:
            lead = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                    f'<w:r>{t(" TOC " + chr(92) + "o " + chr(34) + "1-3" + chr(34) + " " + chr(92) + "h " + chr(92) + "z " + chr(92) + "u ", "w:instrText")}</w:r>'
                    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')
        link = (f'<w:hyperlink w:anchor="{anchor}" w:history="1">'
                f'<w:r><w:rPr><w:rStyle w:val="a8"/><w:noProof/></w:rPr>{t(text)}</w:r>'
                '<w:r><w:rPr><w:noProof/><w:webHidden/></w:rPr><w:tab/></w:r>'
                + '<w:r><w:rPr><w:noProof/><w:webHidden/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
                + f'<w:r><w:rPr><w:noProof/><w:webHidden/></w:rPr>{t(" PAGEREF " + anchor + " " + chr(92) + "h ", "w:instrText")}</w:r>'
                + '<w:r><w:rPr><w:noProof/><w:webHidden/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>'
                + f'<w:r><w:rPr><w:noProof/><w:webHidden/></w:rPr>{t(page)}</w:r>'
                + '<w:r><w:rPr><w:noProof/><w:webHidden/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>'
                + "</w:hyperlink>")
        return p(lead + link, style="11", tabs=toc_tabs)

    d.add(title_p("关于做好2025年春节期间安全生产工作的通知"))
    toc_paras = [p(r("目录"), style="TOC")]
    toc_paras += [toc_entry(txt, pg, anc, first=(i == 0)) for i, (txt, pg, anc) in enumerate(heads)]
    toc_paras.append(p('<w:r><w:rPr><w:b/><w:bCs/><w:lang w:val="zh-CN"/></w:rPr>'
                       '<w:fldChar w:fldCharType="end"/></w:r>'))
    d.add('<w:sdt><w:sdtPr><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:id w:val="-1840924573"/>'
          '<w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj>'
          '</w:sdtPr><w:sdtEndPr><w:rPr><w:b/><w:bCs/></w:rPr></w:sdtEndPr><w:sdtContent>'
          + "".join(toc_paras) + "</w:sdtContent></w:sdt>", count=len(toc_paras))

    def auto_h1(text, bm_id, anchor):
        return p(f'<w:bookmarkStart w:id="{bm_id}" w:name="{anchor}"/>' + r(text, font="黑体")
                 + f'<w:bookmarkEnd w:id="{bm_id}"/>', num=1, ilvl=0, outline=0, keep=True)

    d.add(p(r("各镇（街道）、区直各部门："), ind=noind))
    d.add(body("为切实做好2025年春节期间安全生产工作，保障人民群众生命财产安全，现将有关事项通知如下。"))
    d.add(auto_h1("总体要求", 0, heads[0][2]), "一、总体要求")
    d.add(body("坚持人民至上、生命至上，全面排查整治各类安全隐患，坚决防范遏制重特大事故发生。"))
    d.add(auto_h1("重点任务", 1, heads[1][2]), "二、重点任务")
    n = d.add(body("1.开展隐患排查整治"), "1.开展隐患排查整治")
    d.finding(n, "heading-level-jump", "1.")          # info: 1. directly under 一、 (once per scheme)
    d.add(body("各地各部门要组织力量对辖区内人员密集场所、危险化学品企业开展全覆盖检查。"))
    d.add(body("2.加强应急值守"), "2.加强应急值守")
    d.add(body("严格落实24小时值班和领导带班制度，确保信息畅通。"))
    d.add(auto_h1("工作要求", 2, heads[2][2]), "三、工作要求")
    d.add(body("1.压实工作责任"), "1.压实工作责任")
    d.add(body("各单位主要负责人要亲自部署、亲自检查，层层压实责任。"))
    d.add(body("2.严格信息报送"), "2.严格信息报送")
    d.add(body("发生突发事件要在30分钟内电话报告、1小时内书面报告。"))
    d.add(empty())
    d.add(p(r("附件：1.春节期间安全生产隐患排查表"), ind='<w:ind w:left="640" w:firstLineChars="0" w:firstLine="0"/>'))
    d.add(p(r("2.春节期间值班安排表"), ind='<w:ind w:left="1600" w:firstLineChars="0" w:firstLine="0"/>'))
    d.add(empty())
    d.add(right("区安全生产委员会办公室"))
    d.add(right("2025年1月15日"))
    return d


# ----------------------------------------------------------------------------------------------
# 06 工作总结 with tracked changes (visible series correct), a hyperlink in a heading, a comment
#    anchored in a heading, a DATE field in the last line; 下一步打算 before 存在的问题.
def draft06() -> Draft:
    d = Draft("06-tracked-summary.docx", "工作总结", "区政务服务中心2024年工作总结")
    d.track = True
    d.rels.append(("rId5", "hyperlink", "http://zwfw.example.gov.cn/", "External"))
    d.rels.append(("rId6", "comments", "comments.xml", None))
    d.overrides["/word/comments.xml"] = f"{CT_W}.comments+xml"
    d.parts["word/comments.xml"] = XML_HEAD + (
        f'<w:comments {NS_DECL}><w:comment w:id="0" w:author="李华" w:date="2024-12-28T10:00:00Z" w:initials="李">'
        '<w:p><w:pPr><w:pStyle w:val="aa"/></w:pPr><w:r><w:rPr><w:rStyle w:val="a9"/></w:rPr><w:annotationRef/></w:r>'
        + r("这一部分是否放到问题之后？") + "</w:p></w:comment></w:comments>")
    H1 = lambda content: p(content, style="1")
    H2 = lambda content: p(content, style="2")
    AU = 'w:author="张伟" w:date="2024-12-29T09:12:00Z"'
    d.add(title_p("区政务服务中心2024年工作总结"))
    d.add(body("2024年，区政务服务中心围绕优化营商环境目标，持续深化政务服务改革，现将全年工作总结如下。"))
    d.add(H1(r("一、主要工作")), "一、主要工作")
    d.add(H2(r("（一）深化“一网通办”改革")), "（一）深化“一网通办”改革")
    d.add(p(r("一是优化办事流程，平均办理时限压减30%；二是推行帮办代办服务；")
            + f'<w:del w:id="101" {AU}><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>{t("四是", "w:delText")}</w:r></w:del>'
            + f'<w:ins w:id="102" {AU}><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>{t("三是")}</w:r></w:ins>'
            + r("扩大自助服务终端覆盖面。")))
    d.add(H2(r("（二）完善") + '<w:hyperlink r:id="rId5" w:history="1">'
             + r("区政务服务网", rstyle="a8") + "</w:hyperlink>" + r("功能")),
          "（二）完善区政务服务网功能")
    d.add(p(r("全年网上办件量达到")
            + f'<w:del w:id="103" {AU}><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>{t("XX", "w:delText")}</w:r></w:del>'
            + f'<w:ins w:id="104" {AU}><w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>{t("12.6")}</w:r></w:ins>'
            + r("万件，“一网通办”率达到92%。")))
    d.add(H1(r("二、") + '<w:commentRangeStart w:id="0"/>' + r("下一步打算") + '<w:commentRangeEnd w:id="0"/>'
             + '<w:r><w:rPr><w:rStyle w:val="a9"/></w:rPr><w:commentReference w:id="0"/></w:r>'),
          "二、下一步打算")
    d.add(body("一是持续优化营商环境；二是加快数字政府建设。"))
    n = d.add(H1(r("三、存在的问题")), "三、存在的问题")
    d.finding(n, "section-order", "三、存在的问题")
    d.add(body("部分窗口工作人员业务能力有待提升，线上线下服务融合还不够深入。"))
    d.add(empty())
    d.add(right("区政务服务中心"))
    d.add(p(fld_complex('DATE \\@ "yyyy年M月d日"', r("2024年12月30日")), jc="right",
            ind='<w:ind w:right="1280" w:firstLineChars="0" w:firstLine="0"/>'))
    return d


DRAFTS = [draft01, draft02, draft03, draft04, draft05, draft06]


# ----------------------------------------------------------------------------------------------
def toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def annotations(drafts: list[Draft]) -> str:
    out = ["# Tricky .docx drafts written by make.py (do not edit the .docx by hand; edit make.py and rerun).",
           "# paragraphs: body paragraphs in order, into content controls, table cells row by row",
           "#   (vertically merged continuation cells not counted), not header/footer/footnote/text box.",
           "# outline: every heading as Word shows it (rendered auto-number + text as written).",
           "# findings: [paragraph (1-based), rule, excerpt].", ""]
    for d in drafts:
        out.append(f"[{toml_str(d.name)}]")
        out.append(f"doctype = {toml_str(d.doctype)}")
        out.append(f"paragraphs = {d.n}")
        out.append("outline = [")
        out += [f"  {toml_str(h)}," for h in d.outline]
        out.append("]")
        out.append("findings = [")
        out += [f"  [{n}, {toml_str(rule)}, {toml_str(ex)}]," for n, rule, ex in sorted(d.findings)]
        out.append("]")
        out.append("")
    return "\n".join(out)


# ----------------------------------------------------------------------------------------------
# independent reader used by --check (does not use the Draft bookkeeping above)
def check(folder: Path) -> int:
    import re
    import tomllib

    import docx  # python-docx: the files must at least open
    from lxml import etree

    WN = "{%s}" % W
    MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
    parser = etree.XMLParser(resolve_entities=False)
    ann = tomllib.loads((folder / "annotations.toml").read_text("utf-8"))
    bad = 0

    def chinese(n):
        digits = "零一二三四五六七八九"
        if n <= 10:
            return "十" if n == 10 else digits[n]
        if n < 20:
            return "十" + digits[n % 10]
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")

    def fmt(n, f):
        return {"decimal": str(n), "chineseCountingThousand": chinese(n), "chineseCounting": chinese(n)}[f]

    for name, exp in ann.items():
        z = zipfile.ZipFile(folder / name)
        root = etree.fromstring(z.read("word/document.xml"), parser)
        styles = etree.fromstring(z.read("word/styles.xml"), parser)
        numbering = (etree.fromstring(z.read("word/numbering.xml"), parser)
                     if "word/numbering.xml" in z.namelist() else None)
        sty = {}
        for s in styles.iter(WN + "style"):
            sid = s.get(WN + "styleId")
            nm = s.find(WN + "name").get(WN + "val")
            based = s.find(WN + "basedOn")
            numpr = s.find(f"{WN}pPr/{WN}numPr")
            sty[sid] = (nm, based.get(WN + "val") if based is not None else None, numpr)

        def style_numpr(sid):
            while sid:
                nm, based, numpr = sty[sid]
                if numpr is not None:
                    il = numpr.find(WN + "ilvl")
                    return numpr.find(WN + "numId").get(WN + "val"), int(il.get(WN + "val")) if il is not None else 0
                sid = based
            return None

        nums, absn = {}, {}
        if numbering is not None:
            for a in numbering.iter(WN + "abstractNum"):
                lv = {}
                for l in a.iter(WN + "lvl"):
                    lv[int(l.get(WN + "ilvl"))] = (int(l.find(WN + "start").get(WN + "val")),
                                                   l.find(WN + "numFmt").get(WN + "val"),
                                                   l.find(WN + "lvlText").get(WN + "val"))
                absn[a.get(WN + "abstractNumId")] = lv
            for nmm in numbering.iter(WN + "num"):
                ov = {int(o.get(WN + "ilvl")): int(o.find(WN + "startOverride").get(WN + "val"))
                      for o in nmm.iter(WN + "lvlOverride") if o.find(WN + "startOverride") is not None}
                nums[nmm.get(WN + "numId")] = (nmm.find(WN + "abstractNumId").get(WN + "val"), ov)

        # paragraph list
        paras = []  # (p element, in_table, in_toc)

        def walk(el, in_tbl=False, in_toc=False):
            for ch in el:
                if not isinstance(ch.tag, str):
                    continue
                if ch.tag == WN + "p":
                    paras.append((ch, in_tbl, in_toc))
                elif ch.tag == WN + "tbl":
                    for tr in ch.iter(WN + "tr"):
                        if tr.getparent() is not ch:
                            continue
                        for tc in tr.findall(WN + "tc"):
                            vm = tc.find(f"{WN}tcPr/{WN}vMerge")
                            if vm is not None and vm.get(WN + "val") != "restart":
                                continue
                            walk(tc, True, in_toc)
                elif ch.tag == WN + "sdt":
                    toc = ch.find(f"{WN}sdtPr/{WN}docPartObj/{WN}docPartGallery")
                    walk(ch.find(WN + "sdtContent"), in_tbl,
                         in_toc or (toc is not None and toc.get(WN + "val") == "Table of Contents"))
                elif ch.tag in (WN + "customXml", WN + "smartTag"):
                    walk(ch, in_tbl, in_toc)

        walk(root.find(WN + "body"))

        def text_of(pe):
            out = []

            def rec(e):
                for c in e:
                    if not isinstance(c.tag, str):
                        continue
                    if c.tag in (WN + "del", WN + "delText", WN + "instrText", MC + "Fallback", WN + "pPr",
                                 WN + "rPr"):
                        continue
                    if c.tag == WN + "t":
                        out.append(c.text or "")
                    elif c.tag == WN + "tab":
                        out.append("\t")
                    elif c.tag in (WN + "drawing", WN + "footnoteReference", WN + "pict"):
                        out.append("\ufffc")
                    else:
                        rec(c)
            rec(pe)
            return "".join(out)

        counters: dict[str, dict[int, int]] = {}
        used_override: set[str] = set()
        rendered = []
        for pe, in_tbl, in_toc in paras:
            ppr = pe.find(WN + "pPr")
            ps = ppr.find(WN + "pStyle") if ppr is not None else None
            sid = ps.get(WN + "val") if ps is not None else "a"
            np_ = ppr.find(WN + "numPr") if ppr is not None else None
            ref = None
            if np_ is not None:
                il = np_.find(WN + "ilvl")
                ref = (np_.find(WN + "numId").get(WN + "val"), int(il.get(WN + "val")) if il is not None else 0)
            else:
                ref = style_numpr(sid)
            label = ""
            if ref and ref[0] != "0" and ref[0] in nums:
                numid, ilvl = ref
                aid, ov = nums[numid]
                c = counters.setdefault(aid, {})
                if ilvl in ov and numid not in used_override:
                    used_override.add(numid)
                    c[ilvl] = ov[ilvl]
                elif ilvl in c:
                    c[ilvl] += 1
                else:
                    c[ilvl] = absn[aid][ilvl][0]
                for deeper in [k for k in c if k > ilvl]:
                    del c[deeper]
                lvtext = absn[aid][ilvl][2]
                label = re.sub(r"%(\d)", lambda m: fmt(c.get(int(m.group(1)) - 1, 1),
                                                       absn[aid][int(m.group(1)) - 1][1]), lvtext)
            rendered.append((label + text_of(pe), sid, in_tbl, in_toc))

        # outline (independent of the Draft bookkeeping)
        heading_re = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．]|（\d+）)")
        outline, in_attach = [], False
        for full, sid, in_tbl, in_toc in rendered:
            nm = sty.get(sid, ("",))[0]
            if full.startswith("附件"):
                in_attach = True
                continue
            if in_attach and re.match(r"^\d+[.．]", full):
                continue
            in_attach = False
            if in_tbl or in_toc or nm == "Title" or nm.startswith("toc"):
                continue
            if heading_re.match(full) or re.fullmatch(r"heading \d", nm):
                outline.append(full)
        problems = []
        if len(paras) != exp["paragraphs"]:
            problems.append(f"paragraphs {len(paras)} != {exp['paragraphs']}")
        if outline != exp["outline"]:
            problems.append(f"outline {outline} != {exp['outline']}")
        for n, rule, ex in exp["findings"]:
            txt = rendered[n - 1][0]
            if rule == "missing-section":
                continue
            if ex not in txt:
                problems.append(f"finding {n} {rule}: {ex!r} not in {txt!r}")
        docx.Document(str(folder / name))
        print(("OK  " if not problems else "BAD ") + name)
        for pr in problems:
            print("    " + pr)
        if "--verbose" in sys.argv:
            for i, (full, sid, in_tbl, in_toc) in enumerate(rendered, 1):
                print(f"    {i:3} {'T' if in_tbl else ' '}{'C' if in_toc else ' '} [{sid}] {full}")
        bad += bool(problems)
    return bad


def main() -> int:
    drafts = [f() for f in DRAFTS]
    for d in drafts:
        d.write(HERE)
    (HERE / "annotations.toml").write_text(annotations(drafts), encoding="utf-8")
    if "--check" in sys.argv:
        return 1 if check(HERE) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
