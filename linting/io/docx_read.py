"""Read a .docx into ReportLint's :class:`~linting.model.Document`.

The package is read with :mod:`zipfile` + lxml directly (never python-docx's
``Document()``, which chokes on odd relationships and misses text).

Paragraph list
    Body paragraphs in document order, recursing into content controls, custom
    XML and AlternateContent; each table's cells row by row at the table's
    place (raw ``w:tc``; vMerge continuation cells skipped; nested tables at
    their place).  Text-box paragraphs are *not* in the list (the box is one
    ``OBJECT_CHAR`` in its anchor paragraph); their text goes to
    ``extra["textboxes"]``.

TOC policy
    Table-of-contents paragraphs (style ``toc N``, inside a content control
    whose gallery is "Table of Contents", or inside a ``TOC`` field result)
    stay in the list so paragraph indexes match what the user sees, but are
    ``read_only=True`` with ``outline_level=None``.

Read-only
    Paragraphs inside a complex field that spans paragraphs, or containing
    tracked insertions/deletions, are ``read_only``.

Locked spans and objects
    ``Paragraph.locked`` holds the code-point spans Word computes or that
    belong to a revision: complex-field results (``HYPERLINK``, ``PAGE``,
    ``TOC``… fields included), simple-field (``w:fldSimple``) results and
    tracked insertions/moves.  A plain ``w:hyperlink`` element is ordinary,
    editable text and is not locked.  ``Paragraph.objects`` names each
    ``OBJECT_CHAR`` in order: "image", "chart", "textbox", "footnote",
    "endnote", "equation" or "object" (shapes, OLE, ink, symbol-font signs).

The :class:`DocxSource` stored in ``Document.source`` keeps the original
package bytes, the decoded ``document.xml`` and the character span of every
listed ``w:p`` in it, so :func:`linting.io.docx_write.render_docx` can splice
edited paragraphs into the original bytes without reserializing the rest.
"""

from __future__ import annotations

import logging
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from linting.io.docx_numbering import Numbering, read_numpr
from linting.io.docx_package import Package, open_package
from linting.io.docx_text import (
    R_NS,
    STRICT_W_NS,
    W_BODY,
    W_NS,
    W_P,
    W_PPR,
    W_PSTYLE,
    W_SDT,
    W_SDTCONTENT,
    W_TBL,
    W_TC,
    W_TCPR,
    W_TR,
    W_VAL,
    W_VMERGE,
    FieldStack,
    ParagraphWalker,
    block_texts,
    collect_paragraphs,
    make_parser,
    w,
)
from linting.io.errors import MAX_PARAGRAPHS, ReadError, too_many_paragraphs
from linting.model import Document, Paragraph

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
STRICT_OFFICE_DOC_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"

MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": None,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": (
        "这是 Word 模板文件（.dotx），不是普通文档；请在 Word/WPS 中打开后“另存为” Word 文档(*.docx) 再检查"
    ),
    "application/vnd.ms-word.document.macroEnabled.main+xml": (
        "这是启用宏的 Word 文档（.docm）；为安全起见请在 Word/WPS 中“另存为” Word 文档(*.docx) 再检查"
    ),
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": (
        "这是启用宏的 Word 模板文件（.dotm）；请在 Word/WPS 中“另存为” Word 文档(*.docx) 再检查"
    ),
}
MSG_STRICT = (
    "这是“严格 Open XML”（Strict Open XML）格式的文档，暂不支持；请在 Word 中“另存为”普通的 Word 文档(*.docx) 后再打开"
)
MSG_NO_CT = "文件不是有效的 .docx（缺少 [Content_Types].xml）"
MSG_NO_DOC = "文件不是有效的 Word 文档（缺少正文部分 word/document.xml）"
MSG_ENTITY = "文件包含不安全的 XML 实体声明（DOCTYPE/ENTITY），已拒绝打开"
MSG_ENCODING = "文件内容的文字编码无法识别（可能已损坏或由其他软件生成）；请在 Word/WPS 中打开并另存为 .docx 后再试"
MSG_DAMAGED = "文件已损坏或含有无法识别的内容，无法打开；请在 Word/WPS 中打开并另存为 .docx 后再试"

log = logging.getLogger(__name__)

W_STYLE = w("style")
W_STYLEID = w("styleId")
W_TYPE = w("type")
W_NAME = w("name")
W_BASEDON = w("basedOn")
W_NEXT = w("next")
W_DEFAULT = w("default")
W_OUTLINELVL = w("outlineLvl")
W_JC = w("jc")
W_GRIDSPAN = w("gridSpan")
W_GRIDBEFORE = w("gridBefore")
W_TRPR = w("trPr")
W_CUSTOMXML = w("customXml")
#: Grid spans beyond this are clamped (display only; a hostile file can't ask for a huge grid).
_MAX_SPAN = 1000
W_FOOTNOTE = w("footnote")
W_ENDNOTE = w("endnote")
W_COMMENT = w("comment")

_HEADING_RE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_TOC_RE = re.compile(r"^toc\s*[1-9]$", re.IGNORECASE)
_TITLE_NAMES = {"title", "标题"}


# -- XML parsing -----------------------------------------------------------------------


def parse_xml(path: Path, name: str, data: bytes) -> etree._Element:
    """Parse one package part safely; entity declarations are refused outright."""
    probe = data
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            probe = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            raise ReadError(path, f"文件内容损坏（{name} 编码错误）") from exc
    if b"<!ENTITY" in probe or (b"<!DOCTYPE" in probe and b"ENTITY" in probe):
        raise ReadError(path, MSG_ENTITY)
    try:
        root = etree.fromstring(data, make_parser())
    except (etree.XMLSyntaxError, ValueError) as exc:
        text = str(exc)
        if "depth" in text.lower() or "huge" in text.lower() or "too long" in text.lower():
            # lxml's safety limits (nesting depth, one text node over 10 MB): a real Word file never
            # comes near them, a crafted one does.
            raise ReadError(path, f"文档结构异常（{name} 嵌套过深或单段文字过长），为安全起见不予打开") from exc
        raise ReadError(path, f"文件内容损坏（{name} 不是有效的 XML）") from exc
    if root is None:
        raise ReadError(path, f"文件内容损坏（{name} 为空）")
    return root


def _part(pkg: Package, name: str) -> etree._Element | None:
    stored = pkg.find(name)
    if stored is None:
        return None
    return parse_xml(pkg.path, stored, pkg.read(stored))


def _decode(data: bytes) -> tuple[str, str]:
    """Decode an XML part to str, remembering the codec for writing back."""
    if data[:2] == b"\xff\xfe":
        return data.decode("utf-16-le"), "utf-16-le"  # keeps the BOM as U+FEFF
    if data[:2] == b"\xfe\xff":
        return data.decode("utf-16-be"), "utf-16-be"
    if data[:4] == b"<\x00?\x00":  # UTF-16 without a byte order mark (the XML declaration shows it)
        return data.decode("utf-16-le"), "utf-16-le"
    if data[:4] == b"\x00<\x00?":
        return data.decode("utf-16-be"), "utf-16-be"
    m = re.match(rb"^(?:\xef\xbb\xbf)?<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']", data)
    enc = m.group(1).decode("ascii").lower() if m else "utf-8"
    if enc in ("utf8", "utf-8"):
        enc = "utf-8"
    try:
        return data.decode(enc), enc
    except (LookupError, UnicodeDecodeError):
        return data.decode("utf-8", errors="strict"), "utf-8"


# -- relationships and content types -------------------------------------------------


def _rels_name(part: str) -> str:
    d, b = posixpath.split(part)
    return posixpath.join(d, "_rels", b + ".rels")


def _resolve(base_part: str, target: str) -> str | None:
    if not target or target.upper() == "NULL" or target.startswith("#"):
        return None
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_part), target)).lstrip("/")


def _relationships(pkg: Package, part: str) -> list[tuple[str, str]]:
    """(type, resolved internal target) of a part's relationships; oddities are skipped."""
    try:
        root = _part(pkg, _rels_name(part))
    except ReadError:
        return []
    if root is None:
        return []
    out = []
    for rel in root:
        if not isinstance(rel.tag, str) or rel.get("TargetMode", "").lower() == "external":
            continue
        target = _resolve(part, rel.get("Target", ""))
        if target:
            out.append((rel.get("Type", ""), target))
    return out


def _main_part(pkg: Package) -> str:
    ct_name = pkg.find("[Content_Types].xml")
    if ct_name is None:
        raise ReadError(pkg.path, MSG_NO_CT)
    ct = parse_xml(pkg.path, ct_name, pkg.read(ct_name))
    overrides = {}
    for el in ct:
        if isinstance(el.tag, str) and el.tag.endswith("Override"):
            overrides[(el.get("PartName") or "").lstrip("/").lower()] = el.get("ContentType") or ""
    main = None
    try:
        rels = _part(pkg, "_rels/.rels")
    except ReadError:
        rels = None
    if rels is not None:
        for rel in rels:
            rtype = rel.get("Type", "") if isinstance(rel.tag, str) else ""
            if rtype == STRICT_OFFICE_DOC_REL:
                raise ReadError(pkg.path, MSG_STRICT)
            if rtype == OFFICE_DOC_REL:
                main = _resolve("", rel.get("Target", ""))
                break
    if main is None or pkg.find(main) is None:
        main = "word/document.xml"
    ctype = overrides.get(main.lower())
    refusal = MAIN_TYPES.get(ctype) if ctype is not None else None
    if refusal:
        raise ReadError(pkg.path, refusal)
    if ctype is not None and ctype not in MAIN_TYPES:
        if "spreadsheetml" in ctype or "presentationml" in ctype:
            raise ReadError(pkg.path, "这不是 Word 文档（看起来是 Excel 或 PowerPoint 文件）")
    if pkg.find(main) is None:
        for ctype_ in overrides.values():
            if refusal_ := MAIN_TYPES.get(ctype_):
                raise ReadError(pkg.path, refusal_)
        raise ReadError(pkg.path, MSG_NO_DOC)
    return pkg.find(main) or main


# -- styles ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Style:
    name: str
    based_on: str | None
    outline: int | None  # raw w:outlineLvl value
    num_id: str | None
    ilvl: int | None
    jc: str | None = None  # the style's own w:jc, as shown (see _alignment)
    next: str | None = None  # the style's own w:next (not inherited through basedOn)


@dataclass(slots=True)
class _StyleInfo:
    """Resolved facts about a paragraph style (through its basedOn chain)."""

    name: str | None
    outline: int | None
    num_id: str | None
    ilvl: int | None
    is_toc: bool
    jc: str | None = None  # the first w:jc up the basedOn chain, as shown (see _alignment)


class Styles:
    """Paragraph styles of a document, resolved lazily and memoized."""

    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, _Style] = {}
        self.numbering_styles: dict[str, tuple[str | None, int | None]] = {}
        self.default_id: str | None = None
        self._memo: dict[str | None, _StyleInfo] = {}
        if root is None:
            return
        for st in root.iter(W_STYLE):
            sid = st.get(W_STYLEID)
            if sid is None:
                continue
            stype = st.get(W_TYPE, "paragraph")
            name_el = st.find(W_NAME)
            based = st.find(W_BASEDON)
            nxt = st.find(W_NEXT)
            ppr = st.find(W_PPR)
            outline = None
            if ppr is not None:
                ol = ppr.find(W_OUTLINELVL)
                if ol is not None:
                    try:
                        outline = int(ol.get(W_VAL, ""))
                    except ValueError:
                        outline = None
            num_id, ilvl = read_numpr(ppr)
            if stype == "numbering":
                self.numbering_styles[sid] = (num_id, ilvl)
                continue
            if stype != "paragraph":
                continue
            self.styles[sid] = _Style(
                name_el.get(W_VAL, sid) if name_el is not None else sid,
                based.get(W_VAL) if based is not None else None,
                outline,
                num_id,
                ilvl,
                _alignment(ppr),
                nxt.get(W_VAL) if nxt is not None else None,
            )
            if st.get(W_DEFAULT) in ("1", "true", "on") and self.default_id is None:
                self.default_id = sid

    def next_of(self, style_id: str | None) -> str | None:
        """The style id Word gives a paragraph made by Enter at the end of one in ``style_id``
        (None: the document's default paragraph style), when it is another existing paragraph
        style; None when Word keeps the style (no ``w:next``, itself, or an unknown style)."""
        sid = style_id if style_id is not None else self.default_id
        st = self.styles.get(sid) if sid is not None else None
        nxt = st.next if st is not None else None
        if nxt is None or nxt == sid or nxt not in self.styles:
            return None
        return nxt

    def info(self, style_id: str | None) -> _StyleInfo:
        if style_id is None:
            style_id = self.default_id
        memo = self._memo.get(style_id)
        if memo is not None:
            return memo
        chain: list[_Style] = []
        seen: set[str] = set()
        sid = style_id
        while sid is not None and sid not in seen and sid in self.styles:
            seen.add(sid)
            st = self.styles[sid]
            chain.append(st)
            sid = st.based_on
        name = chain[0].name if chain else style_id
        outline = _chain_outline(chain)
        num_id = ilvl = None
        for st in chain:
            if st.num_id is not None:
                num_id, ilvl = st.num_id, st.ilvl
                break
        if num_id is not None and ilvl is None:
            for st in chain:
                if st.ilvl is not None:
                    ilvl = st.ilvl
                    break
        is_toc = bool(name and _TOC_RE.match(name.strip()))
        jc = next((st.jc for st in chain if st.jc is not None), None)
        info = _StyleInfo(name, outline, num_id, ilvl, is_toc, jc)
        self._memo[style_id] = info
        return info


def _chain_outline(chain: list[_Style]) -> int | None:
    for st in chain:
        if st.outline is not None:
            return st.outline + 1 if 0 <= st.outline <= 8 else None
    for st in chain:
        nm = (st.name or "").strip()
        m = _HEADING_RE.match(nm)
        if m:
            return int(m.group(1))
        if nm.lower() in _TITLE_NAMES:
            return 0
    return None


# -- w:p span scanning -------------------------------------------------------------------

_TAG_END = re.compile(r"""(?:[^>"']|"[^"]*"|'[^']*')*>""")


def scan_paragraph_spans(xml: str, prefixes: set[str | None]) -> list[tuple[int, int]]:
    """Character spans ``[start, end)`` of every ``w:p`` element of ``xml`` in document order.

    A small tokenizer: it skips comments, CDATA and processing instructions
    (where ``<w:p`` could appear as text) and matches start/end tags of the
    paragraph element under each prefix bound to the WordprocessingML
    namespace.  ``<`` can't occur unescaped elsewhere, so this is exact for
    well-formed XML; the caller checks the count against lxml's.
    """
    names = "|".join(re.escape(f"{p}:p" if p else "p") for p in sorted(prefixes, key=lambda p: p or ""))
    pattern = re.compile(rf"<(?:!--.*?-->|!\[CDATA\[.*?\]\]>|\?.*?\?>|!DOCTYPE[^>]*>|(/?)(?:{names})(?=[\s/>]))", re.S)
    spans: list[list[int]] = []
    stack: list[int] = []
    for m in pattern.finditer(xml):
        slash = m.group(1)
        if slash is None:
            continue  # comment / PI / CDATA
        if slash:
            end = xml.index(">", m.end()) + 1
            if stack:
                spans[stack.pop()][1] = end
            continue
        tag_end = _TAG_END.match(xml, m.end())
        if tag_end is None:
            break
        end = tag_end.end()
        if xml[end - 2] == "/":
            spans.append([m.start(), end])
        else:
            stack.append(len(spans))
            spans.append([m.start(), -1])
    return [(s, e) for s, e in spans]


# -- the source handle -------------------------------------------------------------------------


@dataclass(slots=True)
class DocxSource:
    """What the writer needs to save a .docx back (stored in ``Document.source``)."""

    package: Package
    part: str  # name of the main document part
    xml: str  # its decoded text
    encoding: str
    #: per listed paragraph: [start, end) in ``xml``, or None when spans are unavailable
    spans: list[tuple[int, int]] | None
    #: per listed paragraph: namespace declarations (string) needed to parse its fragment
    nsdecls: list[str]
    #: per listed paragraph: field state at its start (see FieldStack.snapshot)
    field_states: list[tuple]
    #: per listed paragraph: it is the last w:p of a table cell (can't be removed)
    last_in_cell: list[bool]
    texts: list[str] = field(default_factory=list)
    #: namespace declarations of the document root (for new content when no paragraph exists)
    root_nsdecl: str = ""
    #: paragraph style id → the id of its ``w:next`` style, where Word changes the style on Enter at
    #: a paragraph's end (see :meth:`Styles.next_of`; the key ``""`` stands for "no w:pStyle")
    style_next: dict[str, str] = field(default_factory=dict)
    #: the document's default paragraph style id (written as no ``w:pStyle``)
    default_style: str | None = None


def _nsdecl(nsmap: dict[str | None, str]) -> str:
    parts = []
    for prefix, uri in nsmap.items():
        uri = uri.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
        parts.append(f' xmlns:{prefix}="{uri}"' if prefix else f' xmlns="{uri}"')
    return "".join(parts)


# -- reading ---------------------------------------------------------------------------------------


def read_docx(path: Path) -> Document:
    """Read a .docx file; raise :class:`ReadError` with a Chinese reason for bad files."""
    path = Path(path)
    try:
        return _read(path)
    except ReadError:
        raise
    except RecursionError as exc:
        raise ReadError(path, "文件结构嵌套过深，无法读取") from exc
    except MemoryError as exc:
        raise ReadError(path, "文件过大，内存不足，无法读取") from exc
    except UnicodeError as exc:
        log.info("undecodable part in %s", path, exc_info=True)
        raise ReadError(path, MSG_ENCODING) from exc
    except Exception as exc:  # a bug or an unforeseen oddity must not become a traceback for the user
        log.info("unexpected error reading %s", path, exc_info=True)
        raise ReadError(path, MSG_DAMAGED) from exc


def _read(path: Path) -> Document:
    pkg = open_package(path)
    main = _main_part(pkg)
    data = pkg.read(main)
    root = parse_xml(path, main, data)
    if root.tag.startswith(f"{{{STRICT_W_NS}}}"):
        raise ReadError(path, MSG_STRICT)
    if not root.tag.startswith(f"{{{W_NS}}}"):
        raise ReadError(path, "文件不是有效的 Word 文档（正文部分格式不对）")
    xml, encoding = _decode(data)

    rels = _relationships(pkg, main)
    rel_by_kind: dict[str, list[str]] = {}
    for rtype, target in rels:
        rel_by_kind.setdefault(rtype.rsplit("/", 1)[-1], []).append(target)

    def first_part(kind: str, default: str) -> etree._Element | None:
        for target in rel_by_kind.get(kind, []) + [default]:
            if pkg.find(target) is not None:
                try:
                    return _part(pkg, target)
                except ReadError:
                    raise
        return None

    styles = Styles(first_part("styles", "word/styles.xml"))
    numbering = Numbering(first_part("numbering", "word/numbering.xml"), styles.numbering_styles)

    body = root.find(W_BODY)
    blocks = collect_paragraphs(body, []) if body is not None else []
    if len(blocks) > MAX_PARAGRAPHS:
        raise ReadError(path, too_many_paragraphs(len(blocks)))
    textboxes: list[str] = []
    fields = FieldStack()
    cells = _TableCells()
    paragraphs: list[Paragraph] = []
    field_states: list[tuple] = []
    root_nsdecl = _nsdecl(root.nsmap)
    root_nsmap = root.nsmap
    nsdecls: list[str] = []
    style_next: dict[str, str] = {}
    next_info: dict[str | None, tuple[str | None, int | None] | None] = {}

    def follow(style_id: str | None) -> tuple[str | None, int | None] | None:
        """(name, outline level) of the paragraph Enter at the end of a ``style_id`` one makes."""
        if style_id in next_info:
            return next_info[style_id]
        nxt = styles.next_of(style_id)
        out = None
        if nxt is not None:
            style_next[style_id if style_id is not None else ""] = nxt
            ninfo = styles.info(nxt)
            out = (ninfo.name, None if ninfo.is_toc else _outline(None, ninfo, styles, nxt))
        next_info[style_id] = out
        return out

    for bp in blocks:
        p = bp.elem
        field_states.append(fields.snapshot())
        starts_in_field = bool(fields.fields)
        walker = ParagraphWalker(fields, textboxes=textboxes)
        text = walker.walk(p)
        ends_in_field = bool(fields.fields)
        nsmap = p.nsmap
        nsdecls.append(root_nsdecl if nsmap == root_nsmap else _nsdecl(nsmap))

        ppr = p.find(W_PPR)
        style_id = None
        if ppr is not None:
            ps = ppr.find(W_PSTYLE)
            if ps is not None:
                style_id = ps.get(W_VAL)
        sinfo = styles.info(style_id)
        is_toc = bp.in_toc_sdt or sinfo.is_toc or walker.touched_toc
        outline = None if is_toc else _outline(ppr, sinfo, styles, style_id)
        auto_number = _auto_number(ppr, sinfo, style_id, numbering)
        read_only = is_toc or walker.tracked or starts_in_field or ends_in_field
        paragraphs.append(
            Paragraph(
                text=text,
                style=sinfo.name,
                outline_level=outline,
                auto_number=auto_number,
                in_table=bp.in_table,
                read_only=read_only,
                locked=tuple(walker.locked),
                objects=tuple(walker.objects),
                alignment=_alignment(ppr) or sinfo.jc,
                table_cell=cells.of(p) if bp.in_table else None,
                next_style=follow(style_id),
                column_widths=cells.widths_of(p) if bp.in_table else None,
            )
        )

    spans: list[tuple[int, int]] | None = None
    all_ps = list(root.iter(W_P))
    prefixes = {p.prefix for p in all_ps}
    if all_ps:
        raw_spans = scan_paragraph_spans(xml, prefixes)
        if len(raw_spans) == len(all_ps) and all(e > s for s, e in raw_spans):
            index = {el: i for i, el in enumerate(all_ps)}
            spans = [raw_spans[index[bp.elem]] for bp in blocks]
    else:
        spans = []

    extra = _extras(pkg, rel_by_kind)
    extra["textboxes"] = textboxes
    source = DocxSource(
        package=pkg,
        part=main,
        xml=xml,
        encoding=encoding,
        spans=spans,
        nsdecls=nsdecls,
        field_states=field_states,
        last_in_cell=[bp.last_in_cell for bp in blocks],
        texts=[p.text for p in paragraphs],
        root_nsdecl=root_nsdecl,
        style_next=style_next,
        default_style=styles.default_id,
    )
    return Document(paragraphs=paragraphs, path=path, kind="docx", source=source, extra=extra)


#: w:jc values → Paragraph.alignment (display only; "start"/"end" as in a left-to-right paragraph).
_JC = {
    "left": "left",
    "start": "left",
    "center": "center",
    "right": "right",
    "end": "right",
    "both": "justify",
    "distribute": "justify",
}


class _TableCells:
    """Where each table paragraph sits on its outermost table's grid (display only, see
    ``Paragraph.table_cell``); each table's grid is worked out once, when first asked."""

    def __init__(self) -> None:
        self._tables: dict[etree._Element, int] = {}
        self._cells: dict[etree._Element, tuple[int, int, int, int, int]] = {}
        self._widths: dict[int, tuple[float, ...] | None] = {}

    def widths_of(self, p: etree._Element) -> tuple[float, ...] | None:
        """The column widths of ``p``'s outermost table (see ``Paragraph.column_widths``), or None."""
        cell = self.of(p)
        return None if cell is None else self._widths.get(cell[0])

    def of(self, p: etree._Element) -> tuple[int, int, int, int, int] | None:
        outer = None
        for anc in p.iterancestors(W_TC):
            outer = anc  # the outermost cell (a nested table's paragraphs belong to it)
        if outer is None:
            return None
        cell = self._cells.get(outer)
        if cell is None:
            tbl = next(outer.iterancestors(W_TBL), None)
            if tbl is None or tbl in self._tables:
                return None
            self._tables[tbl] = index = len(self._tables)
            grid = _grid(tbl)
            for tc, (row, col, rows, cols) in grid.items():
                self._cells[tc] = (index, row, col, rows, cols)
            self._widths[index] = _column_widths(tbl, max((c + cs for _r, c, _rs, cs in grid.values()), default=0))
            cell = self._cells.get(outer)
        return cell


def _children_through(parent: etree._Element, want: str) -> list[etree._Element]:
    """Children with tag ``want``, looking through content controls and custom XML (as the reader does)."""
    out = []
    for child in parent:
        if child.tag == want:
            out.append(child)
        elif child.tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                out.extend(_children_through(content, want))
        elif child.tag == W_CUSTOMXML:
            out.extend(_children_through(child, want))
    return out


def _int_val(parent: etree._Element | None, tag: str, default: int) -> int:
    el = parent.find(tag) if parent is not None else None
    if el is None:
        return default
    try:
        return max(0, min(_MAX_SPAN, int(el.get(W_VAL, ""))))
    except ValueError:
        return default


def _grid(tbl: etree._Element) -> dict[etree._Element, tuple[int, int, int, int]]:
    """Each listed cell (not a vMerge continuation) of ``tbl`` → (row, column, row span, column span)."""
    rows: list[dict[int, tuple[etree._Element, bool, int]]] = []
    for tr in _children_through(tbl, W_TR):
        col = _int_val(tr.find(W_TRPR), W_GRIDBEFORE, 0)
        row: dict[int, tuple[etree._Element, bool, int]] = {}
        for tc in _children_through(tr, W_TC):
            pr = tc.find(W_TCPR)
            span = max(1, _int_val(pr, W_GRIDSPAN, 1))
            vm = pr.find(W_VMERGE) if pr is not None else None
            row[col] = (tc, vm is not None and vm.get(W_VAL, "continue") == "continue", span)
            col += span
        rows.append(row)
    out: dict[etree._Element, tuple[int, int, int, int]] = {}
    for r, row in enumerate(rows):
        for col, (tc, continuation, span) in row.items():
            if continuation:
                continue
            down = 1
            while r + down < len(rows):
                below = rows[r + down].get(col)
                if below is None or not below[1] or below[2] != span:
                    break
                down += 1
            out[tc] = (r, col, down, span)
    return out


W_TBLGRID = w("tblGrid")
W_GRIDCOL = w("gridCol")
W_TCW = w("tcW")
W_W = w("w")
W_GRIDAFTER = w("gridAfter")


def _measure(value: str | None) -> float | None:
    """A positive width in twips (a ``w:w`` value), or None."""
    try:
        x = float(value) if value is not None else 0.0
    except ValueError:
        return None
    return x if 0 < x < 1e7 else None


def _column_widths(tbl: etree._Element, cols: int) -> tuple[float, ...] | None:
    """Display only: ``tbl``'s ``cols`` grid columns as fractions of the table width, from ``w:tblGrid``,
    else from the first row of single-column cells whose ``w:tcW`` are all in twips; None if neither."""
    if cols < 1:
        return None
    widths: list[float | None] = []
    grid = tbl.find(W_TBLGRID)
    if grid is not None:
        widths = [_measure(gc.get(W_W)) for gc in grid.findall(W_GRIDCOL)][:cols]
    if len(widths) != cols or None in widths:
        widths = []
        for tr in _children_through(tbl, W_TR):
            pr = tr.find(W_TRPR)
            if _int_val(pr, W_GRIDBEFORE, 0) or _int_val(pr, W_GRIDAFTER, 0):
                continue
            row: list[float | None] = []
            for tc in _children_through(tr, W_TC):
                tcpr = tc.find(W_TCPR)
                tcw = tcpr.find(W_TCW) if tcpr is not None else None
                if _int_val(tcpr, W_GRIDSPAN, 1) > 1 or tcw is None or tcw.get(W_TYPE, "dxa") != "dxa":
                    row = []
                    break
                row.append(_measure(tcw.get(W_W)))
            if len(row) == cols and None not in row:
                widths = row
                break
    if len(widths) != cols or None in widths:
        return None
    total = sum(x for x in widths if x is not None)
    return tuple(x / total for x in widths if x is not None)


def _alignment(ppr: etree._Element | None) -> str | None:
    """The paragraph alignment a ``w:pPr`` states (``w:jc``), or None."""
    if ppr is None:
        return None
    jc = ppr.find(W_JC)
    return None if jc is None else _JC.get(jc.get(W_VAL, ""))


def _outline(ppr: etree._Element | None, sinfo: _StyleInfo, styles: Styles, style_id: str | None) -> int | None:
    """Paragraph outlineLvl → own style named Title (without its own outlineLvl) → style chain."""
    if ppr is not None:
        ol = ppr.find(W_OUTLINELVL)
        if ol is not None:
            try:
                v = int(ol.get(W_VAL, ""))
            except ValueError:
                v = -1
            if 0 <= v <= 8:
                return v + 1
            if v == 9:
                return None
    own = styles.styles.get(style_id if style_id is not None else styles.default_id or "")
    if own is not None and own.outline is None and (own.name or "").strip().lower() in _TITLE_NAMES:
        return 0
    return sinfo.outline


def _auto_number(
    ppr: etree._Element | None, sinfo: _StyleInfo, style_id: str | None, numbering: Numbering
) -> str | None:
    num_id, ilvl = read_numpr(ppr)
    if num_id is None:
        num_id = sinfo.num_id
        if ilvl is None:
            ilvl = sinfo.ilvl
            if ilvl is None and num_id is not None:
                ilvl = numbering.level_for_style(num_id, style_id)
    if num_id is None or num_id.strip() == "0":
        return None
    return numbering.label(num_id.strip(), ilvl or 0)


def _extras(pkg: Package, rel_by_kind: dict[str, list[str]]) -> dict[str, list[str]]:
    extra: dict[str, list[str]] = {"headers": [], "footers": [], "footnotes": [], "endnotes": [], "comments": []}

    def parts(kind: str) -> list[etree._Element]:
        out = []
        for target in rel_by_kind.get(kind, []):
            if pkg.find(target) is None:
                continue
            try:
                root = _part(pkg, target)
            except ReadError:
                continue
            if root is not None:
                out.append(root)
        return out

    for kind, key in (("header", "headers"), ("footer", "footers")):
        for root in parts(kind):
            extra[key].extend(block_texts(root))
    for kind, key, tag in (
        ("footnotes", "footnotes", W_FOOTNOTE),
        ("endnotes", "endnotes", W_ENDNOTE),
        ("comments", "comments", W_COMMENT),
    ):
        for root in parts(kind):
            for note in root:
                if note.tag != tag or note.get(W_TYPE) in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                extra[key].extend(block_texts(note))
    return extra


__all__ = ["read_docx", "DocxSource", "scan_paragraph_spans", "parse_xml", "R_NS"]
