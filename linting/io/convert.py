"""Converting between plain text and .docx.

.txt → .docx builds a *new* document laid out as a Chinese official document
per GB/T 9704-2012 (python-docx is fine for new documents; existing ones are
saved by :mod:`linting.io.docx_write`, which keeps everything it did not edit):

* A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (text block
  156 × 225 mm);
* title: 方正小标宋简体 二号 (22 pt), centred, Word's built-in "Title" style
  (so readers treat it as the title, outline level 0);
* body: 仿宋_GB2312 三号 (16 pt), first line indented 2 characters
  (``w:firstLineChars="200"``), justified, exact line spacing 28.95 pt and a
  ``linesAndChars`` document grid — 22 lines of 28 characters per page;
* headings found from their markers (:func:`linting.markers.find_marker`):
  ``一、`` 黑体 (Heading 1), ``（一）`` 楷体_GB2312 (Heading 2), ``1.`` and
  ``（1）`` 仿宋_GB2312 (Heading 3/4), indented like body text.  A heading that
  runs into its paragraph (``（一）加强领导。一是……``) gets the heading font
  for the heading sentence only and is kept as a body paragraph; only
  standalone headings get an outline level (Word's navigation pane shows the
  whole paragraph otherwise);
* a trailing date line (``2024年3月5日``) is set right-aligned, four
  characters from the right margin (成文日期 右空四字);
* a centred page number ``— 1 —`` (宋体 四号) in the footer.

East Asian fonts are set on ``w:eastAsia`` as well as ``w:ascii``/``w:hAnsi``
(and theme fonts are removed, since a theme attribute would win).  Leading
spaces/full-width spaces of each line are dropped: the indent is formatting.

.docx → .txt writes each paragraph as one line with its auto-number label
(``一、``) in front, drops embedded-object placeholders (U+FFFC: an image has
no text), and turns line breaks inside a paragraph into separate lines.  The
default text format is UTF-8 *with* BOM and CRLF: that is what Windows
Notepad, WPS and Excel on Chinese Windows open without guessing GBK (UTF-8
without a BOM still turns into mojibake in older Notepad and many tools).
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import replace

from lxml import etree

from ..markers import find_marker
from ..model import OBJECT_CHAR, Document, Paragraph, TextFormat
from .txt import encode_txt, match_lines

__all__ = [
    "txt_to_docx_bytes",
    "docx_to_txt_bytes",
    "docx_texts_for_txt",
    "guess_title_index",
    "heading_level",
    "txt_structure",
    "DEFAULT_TXT_FORMAT",
    "paragraphs_for_texts",
]

#: Format used when a .docx is written out as text (see module docstring).
DEFAULT_TXT_FORMAT = TextFormat(encoding="utf-8", bom=True, newline="\r\n", final_newline=True)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"

FONT_TITLE = "方正小标宋简体"
FONT_BODY = "仿宋_GB2312"
FONT_H1 = "黑体"
FONT_H2 = "楷体_GB2312"
FONT_PAGE_NUMBER = "宋体"

PT_TITLE = 22  # 二号
PT_BODY = 16  # 三号
PT_PAGE_NUMBER = 14  # 四号
LINE_PITCH_TWIPS = 579  # 28.95 pt exact line spacing → 22 lines in 225 mm
CHARS_PER_LINE = 28

PAGE_MM = (210, 297)
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}

_HEADING_FONTS = {1: FONT_H1, 2: FONT_H2, 3: FONT_BODY, 4: FONT_BODY}
_MARKER_LEVELS = {"cn": 1, "cn-paren": 2, "arabic": 3, "arabic-paren": 4}
_LEAD = " \t\u3000\u00a0"
_SENTENCE_END = re.compile(r"[。！？；]")
_RE_DATE_LINE = re.compile(
    r"^[ \t\u3000]*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日[ \t\u3000]*$"
)
# Characters XML 1.0 cannot hold (a form feed or stray control in a .txt would
# make lxml refuse the whole document).  Tab and line breaks are handled by
# python-docx (w:tab, w:br).
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Line separators inside a line become a line break (w:br), as when saving a .docx (docx_write.clean_text).
_LINE_SEPARATORS = re.compile("\r\n?|[\x0b\u2028\u2029]")


# ---------------------------------------------------------------------------
# Recognising structure in plain text


def heading_level(text: str) -> int | None:
    """1–4 for a line starting with ``一、`` / ``（一）`` / ``1.`` / ``（1）``, else None."""
    marker = find_marker(text)
    if marker is None:
        return None
    return _MARKER_LEVELS.get(marker.style)


def guess_title_index(texts: Sequence[str]) -> int | None:
    """Index of the title line: the engine's title (:func:`txt_structure`), the one title detector."""
    return txt_structure(texts)[0]


def txt_structure(texts: Sequence[str]) -> tuple[int | None, dict[int, int]]:
    """The title line and the outline level of each standalone heading, as the engine reads ``texts``.

    One detector for both: the converted .docx marks as title and headings exactly what the linter
    found in the text (a red-header 请示's title below the 发文机关 line; short unnumbered headings),
    so it gets the same outline and the same findings.  Headings are given an outline level only
    when every heading above them is standalone too: under a run-in heading (``2.强化教研。…``, kept
    a body paragraph) the .docx leaves the level to the text, as in the .txt.
    """
    from ..engine import Linter

    result = Linter(rules=[]).lint([Paragraph(t) for t in texts])
    levels: dict[int, int] = {}
    chain: list[tuple[int, bool]] = []  # (level, has an explicit level) of the open ancestors
    for e in result.outline:
        while chain and chain[-1][0] >= e.level:
            chain.pop()
        heading = result.facts[e.paragraph].heading if e.paragraph < len(result.facts) else None
        standalone = heading is None or heading.standalone
        explicit = standalone and all(ok for _, ok in chain) and e.level <= 4
        if explicit:
            levels[e.paragraph] = e.level
        chain.append((e.level, explicit))
    return result.title_index, levels


def _split_run_in(text: str) -> tuple[str, str]:
    """Split a run-in heading ``（一）加强领导。一是……`` into its heading sentence and the rest."""
    m = _SENTENCE_END.search(text)
    if not m or m.end() >= len(text):
        return text, ""
    return text[: m.end()], text[m.end() :]


# ---------------------------------------------------------------------------
# .txt → .docx


_RE_RUN_SPECIAL = re.compile(r"([\t\n\r])")
#: Longest text put in one w:t (lxml refuses a text node over 10 MB when reading it back).
_T_CHUNK = 1_000_000


def txt_to_docx_bytes(
    texts: Sequence[str], title_index: int | None = None, levels: dict[int, int] | None = None
) -> bytes:
    """A new official-format .docx with one paragraph per text (see module docstring).

    ``title_index`` marks the title line (``None``: no title; see :func:`txt_structure`).
    ``levels`` (paragraph → outline level, from :func:`txt_structure`) decides which lines are
    headings and at what level; without it, headings are found from their markers alone.
    """
    import docx  # python-docx; imported here so reading .txt never pays for it
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    _setup_page(document)
    _setup_styles(document)
    _add_page_number(document)
    body = document.element.body
    for p in list(body.iterchildren(f"{W}p")):
        body.remove(p)

    # python-docx scans the whole body (and every style) on each add_paragraph: quadratic on
    # tens of thousands of lines.  Each new paragraph is therefore moved out of the body at once
    # (so the body stays one element long), style ids are looked up once, and all paragraphs go
    # back in front of the section properties at the end.
    staged: list[etree._Element] = []
    style_ids: dict[str, str] = {}

    def add_text(para, text: str) -> None:  # noqa: ANN001 - a python-docx Paragraph
        # What python-docx's run text setter writes (w:t, w:tab for a tab, w:br for a line break),
        # built without its one string object per character (a gigabyte for a 10 MB line), and
        # with a long text split over several w:t: a text node over 10 MB can't be read back.
        if not text:
            return
        r = para._p.add_r()
        for piece in _RE_RUN_SPECIAL.split(text):
            if piece == "\t":
                r.add_tab()
            elif piece in ("\n", "\r"):
                r.add_br()
            else:
                for k in range(0, len(piece), _T_CHUNK):
                    r.add_t(piece[k : k + _T_CHUNK])

    def add_paragraph(text: str = "", style: str | None = None):  # noqa: ANN202 - a python-docx Paragraph
        para = document.add_paragraph()
        add_text(para, text)
        if style is not None:
            if style not in style_ids:
                style_ids[style] = document.styles[style].style_id
            para._p.style = style_ids[style]
        body.remove(para._p)
        staged.append(para._p)
        return para

    last_text = max((i for i, t in enumerate(texts) if t.strip(_LEAD)), default=-1)
    for i, raw in enumerate(texts):
        text = _XML_INVALID.sub("", _LINE_SEPARATORS.sub("\n", raw.lstrip(_LEAD).replace(OBJECT_CHAR, "")))
        if i == title_index:
            add_paragraph(text, style="Title")
            continue
        level = heading_level(text) if text else None
        if levels is not None and i in levels:
            para = add_paragraph(text, style=f"Heading {levels[i]}")
            font = _HEADING_FONTS.get(level or levels[i], FONT_BODY)
            if font != _HEADING_FONTS.get(levels[i]):  # 一、 under 第一部分: Heading 2, but 黑体 as 一、
                for r in para.runs:
                    _set_run_font(r._r, font)
            continue
        if levels is not None and level is not None and not _split_run_in(text)[1]:
            level = None  # a marker the linter does not read as a heading here: body text, as in the .txt
        if level is None:
            para = add_paragraph(text)
            if i == last_text and _RE_DATE_LINE.match(text):
                para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                _set_ind(para._p, right_chars=400, first_line_chars=0)
            continue
        head, rest = _split_run_in(text)
        if not rest or level > 2:
            if rest:  # run-in 1./（1） heading: same font as the body, no outline level
                add_paragraph(text)
                continue
            add_paragraph(text, style=f"Heading {level}")
            continue
        para = add_paragraph()
        head_run = para.add_run(head)
        if level <= 2:
            _set_run_font(head_run._r, _HEADING_FONTS[level])
        add_text(para, rest)
    sect_pr = body.find(f"{W}sectPr")
    for el in staged:
        if sect_pr is not None:
            sect_pr.addprevious(el)
        else:
            body.append(el)

    if title_index is not None and 0 <= title_index < len(texts):
        document.core_properties.title = _XML_INVALID.sub("", texts[title_index].strip(_LEAD))[:250]
    document.core_properties.author = ""
    document.core_properties.last_modified_by = ""
    document.core_properties.comments = ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _setup_page(document) -> None:  # noqa: ANN001 - python-docx Document
    from docx.shared import Mm

    section = document.sections[0]
    section.page_width = Mm(PAGE_MM[0])
    section.page_height = Mm(PAGE_MM[1])
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = Mm(15)
    # GB/T 9704 §7.5: the page number sits 7 mm below the text block; 四号 is about 5 mm tall.
    section.footer_distance = Mm(MARGINS_MM["bottom"] - 7 - 5)
    sect_pr = section._sectPr
    for old in sect_pr.findall(f"{W}docGrid"):
        sect_pr.remove(old)
    grid = etree.SubElement(sect_pr, f"{W}docGrid")
    grid.set(f"{W}type", "linesAndChars")
    grid.set(f"{W}linePitch", str(LINE_PITCH_TWIPS))
    grid.set(f"{W}charSpace", str(char_space()))


def char_space() -> int:
    """``w:charSpace`` for 28 characters per line: Word's pitch is font size + charSpace/4096 pt."""
    text_width_pt = (PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]) / 25.4 * 72
    pitch = text_width_pt / CHARS_PER_LINE
    return round((pitch - PT_BODY) * 4096)


def _rfonts(font: str) -> etree._Element:
    el = etree.Element(f"{W}rFonts")
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        el.set(f"{W}{attr}", font)
    el.set(f"{W}hint", "eastAsia")
    return el


def _rpr(font: str, size_pt: float, bold: bool = False) -> etree._Element:
    rpr = etree.Element(f"{W}rPr")
    rpr.append(_rfonts(font))
    if bold:
        etree.SubElement(rpr, f"{W}b")
        etree.SubElement(rpr, f"{W}bCs")
    etree.SubElement(rpr, f"{W}color").set(f"{W}val", "000000")
    half = str(round(size_pt * 2))
    etree.SubElement(rpr, f"{W}sz").set(f"{W}val", half)
    etree.SubElement(rpr, f"{W}szCs").set(f"{W}val", half)
    lang = etree.SubElement(rpr, f"{W}lang")
    lang.set(f"{W}val", "en-US")
    lang.set(f"{W}eastAsia", "zh-CN")
    return rpr


def _ppr(
    *,
    jc: str = "both",
    first_line_chars: int = 200,
    outline: int | None = None,
    keep_next: bool = False,
    line: int = LINE_PITCH_TWIPS,
) -> etree._Element:
    """Paragraph properties, children in the schema order Word insists on."""
    ppr = etree.Element(f"{W}pPr")
    if keep_next:
        etree.SubElement(ppr, f"{W}keepNext")
    etree.SubElement(ppr, f"{W}widowControl").set(f"{W}val", "0")
    spacing = etree.SubElement(ppr, f"{W}spacing")
    spacing.set(f"{W}before", "0")
    spacing.set(f"{W}after", "0")
    spacing.set(f"{W}line", str(line))
    spacing.set(f"{W}lineRule", "exact")
    ind = etree.SubElement(ppr, f"{W}ind")
    ind.set(f"{W}firstLineChars", str(first_line_chars))
    ind.set(f"{W}firstLine", str(first_line_chars * PT_BODY * 20 // 100))
    etree.SubElement(ppr, f"{W}jc").set(f"{W}val", jc)
    if outline is not None:
        etree.SubElement(ppr, f"{W}outlineLvl").set(f"{W}val", str(outline))
    return ppr


def _replace_props(style_el: etree._Element, ppr: etree._Element | None, rpr: etree._Element) -> None:
    for tag in ("pPr", "rPr"):
        for old in style_el.findall(f"{W}{tag}"):
            style_el.remove(old)
    if ppr is not None:
        style_el.append(ppr)
    style_el.append(rpr)


def _setup_styles(document) -> None:  # noqa: ANN001 - python-docx Document
    styles = document.styles
    root = styles.element
    # Document defaults: the English template's theme fonts and 10 pt after-spacing go.
    defaults = root.find(f"{W}docDefaults")
    if defaults is not None:
        rpr_default = defaults.find(f"{W}rPrDefault")
        if rpr_default is not None:
            for old in rpr_default.findall(f"{W}rPr"):
                rpr_default.remove(old)
            rpr_default.append(_rpr(FONT_BODY, PT_BODY))
        ppr_default = defaults.find(f"{W}pPrDefault")
        if ppr_default is not None:
            for old in ppr_default.findall(f"{W}pPr"):
                ppr_default.remove(old)
            etree.SubElement(ppr_default, f"{W}pPr")
    _replace_props(styles["Normal"].element, _ppr(), _rpr(FONT_BODY, PT_BODY))
    _replace_props(
        styles["Title"].element,
        _ppr(jc="center", first_line_chars=0, line=round(PT_TITLE * 1.5 * 20)),
        _rpr(FONT_TITLE, PT_TITLE),
    )
    for level in (1, 2, 3, 4):
        style_el = styles[f"Heading {level}"].element
        _replace_props(
            style_el,
            _ppr(outline=level - 1, keep_next=True),
            _rpr(_HEADING_FONTS[level], PT_BODY),
        )
    for name in ("Footer",):
        try:
            style_el = styles[name].element
        except KeyError:
            continue
        _replace_props(style_el, None, _rpr(FONT_PAGE_NUMBER, PT_PAGE_NUMBER))


def _set_run_font(r: etree._Element, font: str) -> None:
    rpr = r.find(f"{W}rPr")
    if rpr is None:
        rpr = etree.Element(f"{W}rPr")
        r.insert(0, rpr)
    for old in rpr.findall(f"{W}rFonts"):
        rpr.remove(old)
    rpr.insert(0, _rfonts(font))


def _set_ind(p: etree._Element, *, right_chars: int, first_line_chars: int) -> None:
    ppr = p.find(f"{W}pPr")
    if ppr is None:
        ppr = etree.Element(f"{W}pPr")
        p.insert(0, ppr)
    ind = ppr.find(f"{W}ind")
    if ind is None:
        ind = etree.Element(f"{W}ind")
        jc = ppr.find(f"{W}jc")
        if jc is not None:
            jc.addprevious(ind)
        else:
            ppr.append(ind)
    ind.set(f"{W}rightChars", str(right_chars))
    ind.set(f"{W}right", str(right_chars * PT_BODY * 20 // 100))
    ind.set(f"{W}firstLineChars", str(first_line_chars))
    ind.set(f"{W}firstLine", "0")


def _add_page_number(document) -> None:  # noqa: ANN001 - python-docx Document
    """Footer with a centred ``— PAGE —`` field."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    footer = document.sections[0].footer
    para = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.add_run("— ")
    run = para.add_run()
    r = run._r
    begin = etree.SubElement(r, f"{W}fldChar")
    begin.set(f"{W}fldCharType", "begin")
    instr_run = para.add_run()
    instr = etree.SubElement(instr_run._r, f"{W}instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = " PAGE "
    sep_run = para.add_run()
    etree.SubElement(sep_run._r, f"{W}fldChar").set(f"{W}fldCharType", "separate")
    para.add_run("1")
    end_run = para.add_run()
    etree.SubElement(end_run._r, f"{W}fldChar").set(f"{W}fldCharType", "end")
    para.add_run(" —")
    for run in para.runs:
        _set_run_font(run._r, FONT_PAGE_NUMBER)


# ---------------------------------------------------------------------------
# .docx → .txt


def docx_texts_for_txt(doc: Document) -> list[str]:
    """The lines a .docx becomes as plain text (auto-numbers in front, no U+FFFC, breaks split)."""
    lines: list[str] = []
    for p in doc.paragraphs:
        text = (p.auto_number or "") + p.text.replace(OBJECT_CHAR, "")
        lines.extend(re.split(r"\r\n|\r|\n|\v|\u2028|\u2029", text))
    return lines


def docx_to_txt_bytes(doc: Document, fmt: TextFormat | None = None) -> bytes:
    """Plain-text bytes for a document (default format: UTF-8 with BOM, CRLF)."""
    return encode_txt(docx_texts_for_txt(doc), fmt or DEFAULT_TXT_FORMAT, path=doc.path)


def paragraphs_for_texts(
    doc: Document, texts: Sequence[str], *, sources: Sequence[int | None] | None = None
) -> list[Paragraph]:
    """``doc``'s paragraphs with edited ``texts``, keeping each matched paragraph's properties.

    With ``sources`` (see :func:`linting.io.save_document`) output ``j`` keeps
    the properties (list label, style) of paragraph ``sources[j]`` when it is
    that paragraph's first output; later parts of a split and new paragraphs
    are plain.  Without it paragraphs are matched with
    :func:`linting.io.txt.match_lines` (a best effort).
    """
    old = doc.paragraphs
    if sources is not None:
        seen: set[int] = set()
        out: list[Paragraph] = []
        for t, s in zip(texts, sources, strict=True):
            if s is not None and s not in seen:
                seen.add(s)
                out.append(replace(old[s], text=t))
            else:
                out.append(Paragraph(text=t))
        return out
    return [
        replace(old[i], text=t) if i is not None else Paragraph(text=t)
        for i, t in zip(match_lines([p.text for p in old], texts), texts, strict=True)
    ]
