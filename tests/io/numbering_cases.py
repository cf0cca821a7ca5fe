"""Made-up Word numbering corner cases (raw WordprocessingML) with the labels Word shows.

Each case is (body, numbering.xml inside, styles.xml inside, expected labels).  The expected labels
follow ECMA-376 Part 1 §17.9 and Word's behaviour; ``tests/io/test_numbering_cases.py`` checks our
reader against them and ``python -m tests.bench.numbering --cases`` renders the same files with
LibreOffice for comparison (verdicts where LibreOffice disagrees are noted per case).
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.io.conftest import DEFAULT_STYLES, build_docx, p


def lvl(ilvl: int, fmt: str | None, text: str | None, start: int | None = 1, extra: str = "") -> str:
    """One ``w:lvl``; ``None`` leaves that child out."""
    return (
        f'<w:lvl w:ilvl="{ilvl}">'
        + (f'<w:start w:val="{start}"/>' if start is not None else "")
        + (f'<w:numFmt w:val="{fmt}"/>' if fmt is not None else "")
        + (f'<w:lvlText w:val="{text}"/>' if text is not None else "")
        + extra
        + "</w:lvl>"
    )


def numpr(num_id: int | str | None, ilvl: int | None = 0) -> str:
    """A ``w:numPr``; ``None`` leaves ``numId``/``ilvl`` out."""
    il = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
    ni = f'<w:numId w:val="{num_id}"/>' if num_id is not None else ""
    return f"<w:numPr>{il}{ni}</w:numPr>"


def abstract(aid: int, *levels: str, extra: str = "") -> str:
    """A ``w:abstractNum``."""
    return f'<w:abstractNum w:abstractNumId="{aid}">{extra}{"".join(levels)}</w:abstractNum>'


def num(num_id: int, aid: int, overrides: str = "") -> str:
    """A ``w:num``."""
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


def table(*cells: str) -> str:
    """A one-row table, one cell per argument (each the inside of ``w:tc``)."""
    return "<w:tbl><w:tblGrid/><w:tr>" + "".join(f"<w:tc>{c}</w:tc>" for c in cells) + "</w:tr></w:tbl>"


@dataclass(frozen=True)
class Case:
    """One corner case: the package parts and the labels Word shows, paragraph by paragraph."""

    body: str
    numbering: str
    expected: list[str | None]
    styles: str = DEFAULT_STYLES
    note: str = ""

    def build(self) -> bytes:
        """The .docx bytes."""
        return build_docx(self.body, numbering=self.numbering, styles=self.styles)


def _items(tag: str, spec: list[tuple[int | str | None, int | None]], style: str | None = None) -> str:
    return "".join(p(f"{tag}第{i + 1}段内容", style=style, numpr=numpr(n, lv)) for i, (n, lv) in enumerate(spec))


MULTI3 = abstract(0, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2"), lvl(2, "decimal", "%1.%2.%3"))

HEADED_STYLES = DEFAULT_STYLES + (
    '<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/>'
    '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="my heading"/><w:basedOn w:val="H2"/></w:style>'
)
LINKED_STYLES = DEFAULT_STYLES + (
    '<w:style w:type="paragraph" w:styleId="S1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>'
    '<w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="S2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/>'
    '<w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
    '<w:style w:type="numbering" w:styleId="GongwenList"><w:name w:val="公文列表"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
)
TWO_LEVEL = abstract(0, lvl(0, "chineseCountingThousand", "%1、"), lvl(1, "chineseCountingThousand", "（%2）"))

CASES: dict[str, Case] = {
    "table-continues-list": Case(
        _items("表前", [(1, 0), (1, 0)])
        + table(_items("格内", [(1, 0)]), _items("格二", [(1, 1)]))
        + _items("表后", [(1, 0)]),
        MULTI3 + num(1, 0),
        ["1.", "2.", "3.", "3.1", "4."],
        note="a table does not interrupt a list: counters run on in document order, cell by cell",
    ),
    "numpr-through-style-chain": Case(
        p("甲标题", style="Mine") + p("乙标题", style="H2") + p("丙标题", style="Mine"),
        TWO_LEVEL + num(1, 0),
        ["（一）", "（二）", "（三）"],
        styles=HEADED_STYLES,
    ),
    "ilvl-on-paragraph-numid-from-style": Case(
        p("甲节", style="H2", numpr=numpr(None, 0))
        + p("乙节", style="H2")
        + p("丙节", style="H2", numpr=numpr(None, 0)),
        TWO_LEVEL + num(1, 0),
        ["一、", "（一）", "二、"],
        styles=HEADED_STYLES,
    ),
    "numid-on-paragraph-ilvl-from-style": Case(
        p("甲节", style="H2", numpr=numpr(2, None)) + p("乙节", style="H2", numpr=numpr(2, None)),
        TWO_LEVEL + num(1, 0) + abstract(1, lvl(0, "decimal", "%1)"), lvl(1, "lowerLetter", "%2)")) + num(2, 1),
        ["1)", "2)"],
        styles=HEADED_STYLES,
        note="a paragraph numPr without ilvl is level 0 (§17.9.3), not the style's ilvl; LibreOffice agrees, "
        "Word unverified",
    ),
    "start-missing-is-zero": Case(
        _items("零起", [(1, 0), (1, 0)]),
        abstract(0, lvl(0, "decimal", "%1.", start=None)) + num(1, 0),
        ["0.", "1."],
        note="§17.9.25: an omitted w:start means 0",
    ),
    "skipped-level": Case(
        _items("跳级", [(1, 0), (1, 2), (1, 1)]),
        MULTI3 + num(1, 0),
        ["1.", "1.1.1", "1.2"],
        note="a skipped level shows its start value and then counts as used",
    ),
    "chinese-zero": Case(
        _items("零号", [(1, 0), (2, 0)]),
        abstract(0, lvl(0, "chineseCounting", "%1、", start=0))
        + num(1, 0)
        + abstract(1, lvl(0, "chineseCountingThousand", "%1、", start=0))
        + num(2, 1),
        ["0、", "0、"],
        note="zero in a Chinese format is written in digits; LibreOffice agrees, Word unverified (〇 possible)",
    ),
    "ideograph-traditional-wraps": Case(
        _items("天干", [(1, 0)] * 11),
        abstract(0, lvl(0, "ideographTraditional", "%1.")) + num(1, 0),
        ["甲.", "乙.", "丙.", "丁.", "戊.", "己.", "庚.", "辛.", "壬.", "癸.", "甲."],
        note="after 癸 the cycle starts again; LibreOffice writes 11 (undecided: Word unverified)",
    ),
    "enclosed-circle-and-paren": Case(
        _items("圈号", [(1, 0)] * 3) + _items("括号", [(2, 0)] * 2),
        abstract(0, lvl(0, "decimalEnclosedCircle", "%1"))
        + num(1, 0)
        + abstract(1, lvl(0, "decimalEnclosedParen", "%1"))
        + num(2, 1),
        ["①", "②", "③", "⑴", "⑵"],
        note="LibreOffice has no decimalEnclosedParen and writes 1, 2: LibreOffice is wrong",
    ),
    "full-width-and-japanese": Case(
        _items("全角", [(1, 0)] * 2) + _items("日式", [(2, 0)] * 2),
        abstract(0, lvl(0, "decimalFullWidth", "%1．", start=11))
        + num(1, 0)
        + abstract(1, lvl(0, "japaneseCounting", "第%1章", start=10))
        + num(2, 1),
        ["１１．", "１２．", "第十章", "第十一章"],
    ),
    "level-override-replaces-level": Case(
        _items("覆盖", [(1, 0), (2, 0), (2, 0)]),
        MULTI3
        + num(1, 0)
        + num(
            2,
            0,
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/>'
            + lvl(0, "upperRoman", "%1.", start=5)
            + "</w:lvlOverride>",
        ),
        ["1.", "V.", "VI."],
    ),
    "numid-zero-stops-style-list": Case(
        p("甲节", style="H2") + p("乙节", style="H2", numpr=numpr(0, None)) + p("丙节", style="H2"),
        TWO_LEVEL + num(1, 0),
        ["（一）", None, "（二）"],
        styles=HEADED_STYLES,
    ),
    "other-list-does-not-restart": Case(
        _items("主表", [(1, 0), (1, 1)]) + _items("他表", [(2, 0)]) + _items("主续", [(1, 1)]),
        MULTI3 + num(1, 0) + abstract(1, lvl(0, "decimal", "(%1)")) + num(2, 1),
        ["1.", "1.1", "(1)", "1.2"],
        note="a paragraph of another list (another abstractNum) at a higher level resets nothing",
    ),
    "is-lgl-over-chinese": Case(
        _items("法条", [(1, 0), (1, 1), (1, 1)]),
        abstract(0, lvl(0, "chineseCountingThousand", "第%1章"), lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>"))
        + num(1, 0),
        ["第一章", "1.1", "1.2"],
        note="§17.9.4 isLgl shows every level in Arabic digits; LibreOffice ignores it (一.1): LibreOffice is wrong",
    ),
    "override-instance-then-back": Case(
        _items("原表", [(1, 0)] * 3) + _items("新表", [(2, 0)]) + _items("回原", [(1, 0)]),
        MULTI3 + num(1, 0) + num(2, 0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'),
        ["1.", "2.", "3.", "1.", "2."],
        note="counters are per abstractNum: the restarted sequence continues under the first numId; "
        "LibreOffice agrees, Word unverified",
    ),
    "override-level-one-only": Case(
        _items("一级", [(1, 0), (1, 1), (1, 1)]) + _items("二号", [(2, 0), (2, 1)]),
        MULTI3 + num(1, 0) + num(2, 0, '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="7"/></w:lvlOverride>'),
        ["1.", "1.1", "1.2", "2.", "2.7"],
        note="a startOverride on level 1 leaves level 0 counting on",
    ),
    "style-linked-levels": Case(
        p("甲章", style="S1")
        + p("甲节", style="S2")
        + p("乙节", style="S2")
        + p("乙章", style="S1")
        + p("丙节", style="S2"),
        abstract(
            0,
            lvl(0, "chineseCountingThousand", "%1、", extra='<w:pStyle w:val="S1"/>'),
            lvl(1, "chineseCountingThousand", "（%2）", extra='<w:pStyle w:val="S2"/>'),
        )
        + num(3, 0),
        ["一、", "（一）", "（二）", "二、", "（一）"],
        styles=LINKED_STYLES,
        note="a style's numPr without ilvl takes the level whose w:pStyle names the style (Word's link, as "
        "Open-Xml-PowerTools does it); LibreOffice puts every such paragraph on level 0 (一、二、三、…)",
    ),
    "num-style-link": Case(
        _items("链接", [(2, 0), (2, 1), (2, 1), (2, 0)]),
        abstract(
            0,
            lvl(0, "chineseCountingThousand", "%1、"),
            lvl(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>'),
            extra='<w:styleLink w:val="GongwenList"/>',
        )
        + abstract(1, extra='<w:numStyleLink w:val="GongwenList"/>')
        + num(1, 0)
        + num(2, 1),
        ["一、", "1.", "2.", "二、"],
        styles=LINKED_STYLES,
        note="numStyleLink → numbering style → its numId → the abstractNum with the styleLink",
    ),
    "lvl-restart-zero-never-restarts": Case(
        _items("不重启", [(1, 0), (1, 1), (1, 1), (1, 0), (1, 1)]),
        abstract(0, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%2)", extra='<w:lvlRestart w:val="0"/>')) + num(1, 0),
        ["1.", "1)", "2)", "2.", "3)"],
        note="§17.9.10: lvlRestart 0 never restarts; LibreOffice restarts anyway (1)): LibreOffice is wrong",
    ),
    "ideograph-digital-and-fullstop": Case(
        _items("数字", [(1, 0)] * 2) + _items("句点", [(2, 0)]),
        abstract(0, lvl(0, "ideographDigital", "%1、", start=9))
        + num(1, 0)
        + abstract(1, lvl(0, "decimalEnclosedFullstop", "%1", start=2))
        + num(2, 1),
        ["九、", "一〇、", "⒉"],
        note="ideographDigital writes digit by digit (LibreOffice: 十); LibreOffice has no decimalEnclosedFullstop",
    ),
    "ideograph-enclosed-circle": Case(
        _items("圈字", [(1, 0)] * 3),
        abstract(0, lvl(0, "ideographEnclosedCircle", "%1", start=9)) + num(1, 0),
        ["㈨", "㈩", "(十一)"],
        note="Word writes ㈠㈡㈢ (MS-DOCX 2.4, MS-OI29500 2.1.540); LibreOffice writes ⑨⑩⑪: LibreOffice is wrong; "
        "past 10 our (十一) is unverified",
    ),
    "chinese-counting-past-99": Case(
        _items("百项", [(1, 0)] * 2) + _items("千项", [(2, 0)] * 2),
        abstract(0, lvl(0, "chineseCounting", "%1、", start=99))
        + num(1, 0)
        + abstract(1, lvl(0, "chineseCountingThousand", "%1、", start=100))
        + num(2, 1),
        ["九十九、", "一〇〇、", "一百、", "一百零一、"],
        note="MS-DOCX 2.4: chineseCounting 一, 十, 一〇〇; chineseCountingThousand 一, 十, 一百; "
        "LibreOffice writes 一百 for both: LibreOffice is wrong",
    ),
}
