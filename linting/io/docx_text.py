"""The paragraph token model shared by the .docx reader and writer.

A ``w:p`` element is walked once, in document order, and turned into the
text the user sees plus (optionally) a list of :class:`Token` objects that tie
every character of that text to the XML node it came from:

* a *text* token is a ``w:t`` node; its characters are the node's text;
* an *atom* token is one element that shows as one character: ``w:tab`` /
  ``w:ptab`` → ``"\\t"``, ``w:br`` / ``w:cr`` → ``"\\n"``, ``w:noBreakHyphen``
  → ``"-"``, ``w:sym`` → its character, and drawings, pictures, OLE objects,
  ``mc:AlternateContent`` as a whole, math and footnote/endnote references →
  :data:`~linting.model.OBJECT_CHAR`.

What is *not* visible and therefore not in the text: ``w:delText``,
``w:instrText``, field instructions (between ``fldChar begin`` and
``separate``), ``mc:Fallback``, deleted/moved-away runs, ruby annotations,
comments and processing instructions (WPS leaves some in the body).

Field state (``fldChar`` begin/separate/end) can span paragraphs (a TOC field
starts in the first TOC line and ends in the last), so a :class:`FieldStack`
is threaded through consecutive paragraphs.

Each token carries a *context*: the tuple of "special" wrappers it is inside
(hyperlink, simple field, content control, tracked insertion, complex-field
result).  The writer uses it for the boundary rule — where text typed at the
edge of a hyperlink or field goes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from linting.model import OBJECT_CHAR

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_NS = "http://www.w3.org/XML/1998/namespace"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag (``w("p")`` → ``{…/main}p``)."""
    return f"{{{W_NS}}}{tag}"


W_P = w("p")
W_R = w("r")
W_T = w("t")
W_PPR = w("pPr")
W_RPR = w("rPr")
W_PSTYLE = w("pStyle")
W_VAL = w("val")
W_TBL = w("tbl")
W_TR = w("tr")
W_TC = w("tc")
W_TCPR = w("tcPr")
W_VMERGE = w("vMerge")
W_SDT = w("sdt")
W_SDTPR = w("sdtPr")
W_SDTCONTENT = w("sdtContent")
W_DOCPARTOBJ = w("docPartObj")
W_DOCPARTGALLERY = w("docPartGallery")
W_CUSTOMXML = w("customXml")
W_SMARTTAG = w("smartTag")
W_HYPERLINK = w("hyperlink")
W_FLDSIMPLE = w("fldSimple")
W_FLDCHAR = w("fldChar")
W_FLDCHARTYPE = w("fldCharType")
W_INSTRTEXT = w("instrText")
W_DELTEXT = w("delText")
W_INS = w("ins")
W_DEL = w("del")
W_MOVETO = w("moveTo")
W_MOVEFROM = w("moveFrom")
W_DIR = w("dir")
W_BDO = w("bdo")
W_TAB = w("tab")
W_PTAB = w("ptab")
W_BR = w("br")
W_CR = w("cr")
W_NOBREAKHYPHEN = w("noBreakHyphen")
W_SYM = w("sym")
W_CHAR = w("char")
W_DRAWING = w("drawing")
W_PICT = w("pict")
W_OBJECT = w("object")
W_FOOTNOTEREF = w("footnoteReference")
W_ENDNOTEREF = w("endnoteReference")
W_CONTENTPART = w("contentPart")
W_RUBY = w("ruby")
W_RUBYBASE = w("rubyBase")
W_TXBXCONTENT = w("txbxContent")
W_SECTPR = w("sectPr")
W_BODY = w("body")
MC_ALT = f"{{{MC_NS}}}AlternateContent"
MC_CHOICE = f"{{{MC_NS}}}Choice"
MC_FALLBACK = f"{{{MC_NS}}}Fallback"
M_OMATH = f"{{{M_NS}}}oMath"
M_OMATHPARA = f"{{{M_NS}}}oMathPara"
XML_SPACE = f"{{{XML_NS}}}space"

#: Run children that show as one fixed character.
ATOM_CHARS = {W_TAB: "\t", W_PTAB: "\t", W_BR: "\n", W_CR: "\n", W_NOBREAKHYPHEN: "-"}
#: Run children that show as one embedded object.
OBJECT_TAGS = frozenset(
    {W_DRAWING, W_PICT, W_OBJECT, MC_ALT, W_FOOTNOTEREF, W_ENDNOTEREF, W_CONTENTPART, M_OMATH, M_OMATHPARA}
)
#: Paragraph-content wrappers that are transparent for the boundary rule.
TRANSPARENT = frozenset({W_SMARTTAG, W_CUSTOMXML, W_DIR, W_BDO})
#: Paragraph-content wrappers that form a separate context (hyperlink etc.).
SPECIAL = frozenset({W_HYPERLINK, W_FLDSIMPLE, W_INS, W_MOVETO})
#: Wrappers whose text is *locked* (see :attr:`linting.model.Paragraph.locked`): a simple field's
#: result and tracked insertions.  A plain ``w:hyperlink`` is editable text, so it is not here;
#: complex-field results (including ``HYPERLINK`` fields) are locked through the field stack.
LOCKING = frozenset({W_FLDSIMPLE, W_INS, W_MOVETO})

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
A_GRAPHICDATA = f"{{{A_NS}}}graphicData"
WPS_TXBX = "{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}txbx"
V_TEXTBOX = "{urn:schemas-microsoft-com:vml}textbox"
V_IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"


def make_parser() -> etree.XMLParser:
    """A hardened lxml parser: no entity expansion, no network, no DTD, no huge trees."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=False
    )


@dataclass(slots=True)
class Token:
    """A piece of paragraph text tied to its XML node (see module doc)."""

    start: int
    end: int
    elem: etree._Element
    is_text: bool
    ctx: tuple = ()
    special: int = 0
    alive: bool = True  # False once the writer removed its element


@dataclass(slots=True)
class _Field:
    result: bool  # False while in the instruction part
    toc: bool
    ident: object
    instr: list[str] = field(default_factory=list)


class FieldStack:
    """Open complex fields at a point of the document (they can span paragraphs)."""

    __slots__ = ("fields", "n_instr", "ctx")

    def __init__(self, snapshot: tuple[tuple[bool, bool], ...] = ()) -> None:
        self.fields: list[_Field] = [_Field(res, toc, object()) for res, toc in snapshot]
        self.n_instr = sum(1 for f in self.fields if not f.result)
        self.ctx: tuple = tuple(f.ident for f in self.fields if f.result)

    def snapshot(self) -> tuple[tuple[bool, bool], ...]:
        return tuple((f.result, f.toc) for f in self.fields)

    @property
    def in_toc(self) -> bool:
        return any(f.toc for f in self.fields)

    def fldchar(self, kind: str | None) -> None:
        fields = self.fields
        if kind == "begin":
            fields.append(_Field(False, False, object()))
            self.n_instr += 1
        elif kind == "separate":
            if fields and not fields[-1].result:
                top = fields[-1]
                top.result = True
                self.n_instr -= 1
                instr = "".join(top.instr).strip().upper()
                top.toc = instr.startswith("TOC")
                self.ctx = tuple(f.ident for f in fields if f.result)
        elif kind == "end":
            if fields:
                top = fields.pop()
                if not top.result:
                    self.n_instr -= 1
                else:
                    self.ctx = tuple(f.ident for f in fields if f.result)


def sym_char(el: etree._Element) -> str:
    """The character of a ``w:sym`` (symbol-font private-use codes → OBJECT_CHAR)."""
    code = el.get(W_CHAR)
    try:
        cp = int(code or "", 16)
    except ValueError:
        return OBJECT_CHAR
    if 0xF000 <= cp <= 0xF0FF or not (0x20 <= cp <= 0x10FFFF) or 0xD800 <= cp <= 0xDFFF:
        return OBJECT_CHAR
    return chr(cp)


def object_kind(el: etree._Element) -> str:
    """What an element shown as ``OBJECT_CHAR`` is: "image", "chart", "textbox", "footnote",
    "endnote", "equation" or "object" (shapes, OLE objects, ink, symbol-font characters…)."""
    tag = el.tag
    if tag == W_FOOTNOTEREF:
        return "footnote"
    if tag == W_ENDNOTEREF:
        return "endnote"
    if tag == M_OMATH or tag == M_OMATHPARA:
        return "equation"
    if tag == MC_ALT:
        branch = first_branch(el)
        if branch is not None:
            for child in branch.iter(W_DRAWING, W_PICT, W_OBJECT):
                return object_kind(child)
        return "object"
    if tag == W_DRAWING:
        for gd in el.iter(A_GRAPHICDATA):
            uri = gd.get("uri", "")
            if uri.endswith("/picture"):
                return "image"
            if "chart" in uri:
                return "chart"
            if uri.endswith("/wordprocessingShape"):
                for _ in gd.iter(WPS_TXBX):
                    return "textbox"
            return "object"
        return "object"
    if tag == W_PICT:
        for _ in el.iter(V_TEXTBOX):
            return "textbox"
        for _ in el.iter(V_IMAGEDATA):
            return "image"
    return "object"


def first_branch(alt: etree._Element) -> etree._Element | None:
    """The ``mc:Choice`` (or, failing that, ``mc:Fallback``) of an AlternateContent."""
    fallback = None
    for child in alt:
        if child.tag == MC_CHOICE:
            return child
        if child.tag == MC_FALLBACK and fallback is None:
            fallback = child
    return fallback


class ParagraphWalker:
    """Walks one ``w:p`` and collects its visible text (and tokens, if asked)."""

    __slots__ = (
        "parts",
        "pos",
        "tokens",
        "fields",
        "tracked",
        "textboxes",
        "want_tokens",
        "touched_toc",
        "locked",
        "lock_depth",
        "objects",
    )

    def __init__(self, fields: FieldStack, want_tokens: bool = False, textboxes: list | None = None) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.tokens: list[Token] = []
        #: code-point spans of locked text (field results, tracked insertions), merged when adjacent
        self.locked: list[tuple[int, int]] = []
        self.lock_depth = 0
        #: kind of each OBJECT_CHAR in the text, in order (see :func:`object_kind`)
        self.objects: list[str] = []
        self.fields = fields
        self.tracked = False
        self.textboxes = textboxes
        self.want_tokens = want_tokens
        self.touched_toc = False

    # -- entry point -------------------------------------------------------------
    def walk(self, p: etree._Element) -> str:
        self.touched_toc = self.fields.in_toc
        ppr = p.find(W_PPR)
        if ppr is not None:
            rpr = ppr.find(W_RPR)
            if rpr is not None and (rpr.find(W_INS) is not None or rpr.find(W_DEL) is not None):
                self.tracked = True
        self._content(p, (), 0)
        return "".join(self.parts)

    # -- helpers -----------------------------------------------------------------
    def _add(self, text: str, elem: etree._Element, is_text: bool, ctx: tuple, special: int) -> None:
        n = len(text)
        if self.want_tokens:
            fctx = self.fields.ctx
            if fctx:
                ctx = ctx + fctx
                special += len(fctx)
            self.tokens.append(Token(self.pos, self.pos + n, elem, is_text, ctx, special))
        if n:
            if self.lock_depth or self.fields.ctx:
                locked = self.locked
                if locked and locked[-1][1] == self.pos:
                    locked[-1] = (locked[-1][0], self.pos + n)
                else:
                    locked.append((self.pos, self.pos + n))
            self.parts.append(text)
            self.pos += n

    def _content(self, parent: etree._Element, ctx: tuple, special: int) -> None:
        for child in parent:
            tag = child.tag
            if tag == W_R:
                self._run(child, ctx, special)
            elif tag in TRANSPARENT:
                self._content(child, ctx, special)
            elif tag in SPECIAL:
                if tag == W_INS or tag == W_MOVETO:
                    self.tracked = True
                if tag in LOCKING:
                    self.lock_depth += 1
                    self._content(child, ctx + (child,), special + 1)
                    self.lock_depth -= 1
                else:
                    self._content(child, ctx + (child,), special + 1)
            elif tag == W_SDT:
                content = child.find(W_SDTCONTENT)
                if content is not None:
                    self._content(content, ctx + (child,), special + 1)
            elif tag == W_DEL or tag == W_MOVEFROM:
                self.tracked = True
            elif tag == MC_ALT:
                branch = first_branch(child)
                if branch is not None:
                    self._content(branch, ctx, special)
            elif tag == M_OMATH or tag == M_OMATHPARA:
                if self.fields.n_instr == 0:
                    self.objects.append("equation")
                    self._add(OBJECT_CHAR, child, False, ctx, special)
            # everything else (pPr, bookmarks, proofErr, comments, PIs …) has no text

    def _run(self, r: etree._Element, ctx: tuple, special: int) -> None:
        fields = self.fields
        for c in r:
            tag = c.tag
            if tag == W_T:
                if fields.n_instr == 0:
                    text = c.text or ""
                    if OBJECT_CHAR in text:  # a literal U+FFFC typed as text: no object behind it
                        self.objects.extend(["object"] * text.count(OBJECT_CHAR))
                    self._add(text, c, True, ctx, special)
            elif tag == W_FLDCHAR:
                fields.fldchar(c.get(W_FLDCHARTYPE))
                if fields.in_toc:
                    self.touched_toc = True
            elif tag == W_INSTRTEXT:
                if fields.fields and not fields.fields[-1].result:
                    fields.fields[-1].instr.append(c.text or "")
            elif tag in ATOM_CHARS:
                if fields.n_instr == 0:
                    self._add(ATOM_CHARS[tag], c, False, ctx, special)
            elif tag in OBJECT_TAGS:
                if fields.n_instr == 0:
                    self.objects.append(object_kind(c))
                    self._add(OBJECT_CHAR, c, False, ctx, special)
                    if self.textboxes is not None:
                        collect_textboxes(c, self.textboxes)
            elif tag == W_SYM:
                if fields.n_instr == 0:
                    ch = sym_char(c)
                    if ch == OBJECT_CHAR:
                        self.objects.append("object")
                    self._add(ch, c, False, ctx, special)
            elif tag == W_RUBY:
                base = c.find(W_RUBYBASE)
                if base is not None:
                    for rr in base:
                        if rr.tag == W_R:
                            self._run(rr, ctx, special)


def paragraph_text(p: etree._Element, fields: FieldStack | None = None) -> str:
    """Visible text of one paragraph (a fresh field state unless one is given)."""
    return ParagraphWalker(fields or FieldStack()).walk(p)


def tokenize(p: etree._Element, snapshot: tuple = ()) -> tuple[str, list[Token]]:
    """Text and tokens of ``p``, starting from a saved field state."""
    walker = ParagraphWalker(FieldStack(snapshot), want_tokens=True)
    text = walker.walk(p)
    return text, walker.tokens


# -- block structure ---------------------------------------------------------------


@dataclass(slots=True)
class BlockPara:
    """A paragraph found by :func:`collect_paragraphs` with where it lives."""

    elem: etree._Element
    in_table: bool
    in_toc_sdt: bool
    last_in_cell: bool = False


def _is_toc_sdt(sdt: etree._Element) -> bool:
    pr = sdt.find(W_SDTPR)
    if pr is None:
        return False
    obj = pr.find(W_DOCPARTOBJ)
    if obj is None:
        return False
    gal = obj.find(W_DOCPARTGALLERY)
    return gal is not None and (gal.get(W_VAL) or "").strip().lower() == "table of contents"


def _is_vmerge_continuation(tc: etree._Element) -> bool:
    pr = tc.find(W_TCPR)
    if pr is None:
        return False
    vm = pr.find(W_VMERGE)
    return vm is not None and vm.get(W_VAL, "continue") == "continue"


def collect_paragraphs(
    parent: etree._Element, out: list[BlockPara], in_table: bool = False, toc: bool = False
) -> list[BlockPara]:
    """Append the block-level paragraphs under ``parent`` in reading order.

    Recurses into content controls, custom XML, AlternateContent (first
    branch) and tables (raw ``w:tc``: a gridSpan cell appears once, vMerge
    continuation cells are skipped, nested tables at their place).
    """
    for child in parent:
        tag = child.tag
        if tag == W_P:
            out.append(BlockPara(child, in_table, toc))
        elif tag == W_TBL:
            for row in _children_through(child, W_TR):
                for cell in _children_through(row, W_TC):
                    if _is_vmerge_continuation(cell):
                        continue
                    start = len(out)
                    collect_paragraphs(cell, out, True, toc)
                    # the cell's last direct w:p must never be removed
                    last = None
                    for sub in cell:
                        if sub.tag == W_P:
                            last = sub
                    for bp in out[start:]:
                        if bp.elem is last:
                            bp.last_in_cell = True
        elif tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                collect_paragraphs(content, out, in_table, toc or _is_toc_sdt(child))
        elif tag == W_CUSTOMXML or tag == W_INS or tag == W_MOVETO:
            collect_paragraphs(child, out, in_table, toc)
        elif tag == MC_ALT:
            branch = first_branch(child)
            if branch is not None:
                collect_paragraphs(branch, out, in_table, toc)
    return out


def _children_through(parent: etree._Element, want: str):
    """Children with tag ``want``, looking through sdt/customXml wrappers."""
    for child in parent:
        tag = child.tag
        if tag == want:
            yield child
        elif tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                yield from _children_through(content, want)
        elif tag == W_CUSTOMXML:
            yield from _children_through(child, want)


def collect_textboxes(obj: etree._Element, out: list[str]) -> None:
    """Append the paragraph texts of text boxes inside a drawing/pict/AlternateContent."""
    root = obj
    if obj.tag == MC_ALT:
        root = first_branch(obj)
        if root is None:
            return
    for box in root.iter(W_TXBXCONTENT):
        for bp in collect_paragraphs(box, []):
            out.append(paragraph_text(bp.elem))


def block_texts(parent: etree._Element, textboxes: list[str] | None = None) -> list[str]:
    """Paragraph texts of a header, footer, note or comment container."""
    texts = []
    for bp in collect_paragraphs(parent, []):
        walker = ParagraphWalker(FieldStack(), textboxes=textboxes)
        texts.append(walker.walk(bp.elem))
    return texts
