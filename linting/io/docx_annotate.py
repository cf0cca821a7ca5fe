"""A reviewer's copy of a .docx: every finding a Word comment, every safe fix a tracked change.

:func:`render_annotated` takes a :class:`~linting.model.Document` read from a
.docx, the problems to comment on and (optionally) the texts the safe fixes
produce, and returns the bytes of a new package:

* each problem becomes a ``w:comment`` in ``word/comments.xml`` (created, with
  its relationship and content-type override, when the document has none),
  anchored with ``w:commentRangeStart``/``w:commentRangeEnd`` around its exact
  span and a ``w:commentReference`` run after it.  Findings on a Word
  auto-number (an empty span), in a read-only paragraph (tracked changes, TOC,
  fields spanning paragraphs) or in a field result / tracked insertion are
  anchored on the whole paragraph;
* each paragraph whose text the fixes change gets the character diff as
  tracked changes: the removed characters' runs wrapped in ``w:del`` (their
  ``w:t`` become ``w:delText``), the new text as a run in ``w:ins`` right after
  (formatted like the text it replaces or its left neighbour).  Accepting every
  change gives exactly the fixed text, rejecting them the original; both are
  verified before the paragraph is written, otherwise the paragraph keeps its
  comments only;
* runs are split only where a comment or a change starts or ends; untouched
  paragraphs keep their bytes (the same splice-into-the-original approach as
  :mod:`linting.io.docx_write`) and every zip entry other than the document,
  the comments, the content types and the document relationships is copied
  byte for byte.

ReportLint's own comments are recognised by their second line
``规则：<rule>（ReportLint）``; :func:`strip_own_annotations` removes them,
their anchors and the tracked changes written under the same author (a
rejection: the original text comes back), so annotating an annotated copy
replaces ReportLint's annotations instead of adding duplicates.  Other
comments and revisions are kept.
"""

from __future__ import annotations

import copy
import io
import posixpath
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from xml.sax.saxutils import quoteattr

from lxml import etree

from linting.io.docx_package import write_package
from linting.io.docx_read import DocxSource
from linting.io.docx_text import (
    W_BDO,
    W_CUSTOMXML,
    W_DEL,
    W_DELTEXT,
    W_DIR,
    W_FLDCHAR,
    W_FLDSIMPLE,
    W_HYPERLINK,
    W_INS,
    W_INSTRTEXT,
    W_MOVETO,
    W_NS,
    W_P,
    W_PPR,
    W_R,
    W_RPR,
    W_SDTCONTENT,
    W_SMARTTAG,
    W_T,
    XML_SPACE,
    Token,
    make_parser,
    tokenize,
    w,
)
from linting.io.docx_write import _make_nodes, _pieces, _serialize, diff_opcodes, remove_element
from linting.model import Applicability, Document, Problem

COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"

W_COMMENTS = w("comments")
W_COMMENT = w("comment")
W_ID = w("id")
W_AUTHOR = w("author")
W_DATE = w("date")
W_INITIALS = w("initials")
W_CRS = w("commentRangeStart")
W_CRE = w("commentRangeEnd")
W_CREF = w("commentReference")
W_ANNOTATIONREF = w("annotationRef")

#: The line that marks a comment as ReportLint's own (second paragraph of the comment).
OWN_MARK = "（ReportLint）"
_OWN_LINE = re.compile(r"^规则：[\w.-]+（ReportLint）$")
#: Elements a run-level unit can sit in (the run is a direct child of one of these).
_CONTAINERS = frozenset({W_P, W_HYPERLINK, W_SDTCONTENT, W_SMARTTAG, W_CUSTOMXML, W_FLDSIMPLE, W_INS, W_MOVETO, W_DEL})
_CONTAINERS = _CONTAINERS | {W_DIR, W_BDO}
_ID_RE = re.compile(r"""\b(?:[\w.-]+:)?id\s*=\s*["'](-?\d+)["']""")


class _Ids:
    """Fresh ``w:id`` values: after the largest one in use, or the smallest free ones when that is huge."""

    def __init__(self, used: set[int]) -> None:
        self.used = used
        top = max(used, default=0)
        self.next = top + 1 if top < 2**30 else 1

    def take(self) -> int:
        while self.next in self.used:
            self.next += 1
        value = self.next
        self.next += 1
        return value


class AnnotateError(Exception):
    """The document can't be annotated (message in Chinese)."""


@dataclass(slots=True)
class AnnotateStats:
    """What :func:`render_annotated` did."""

    comments: int = 0
    #: paragraphs written with tracked changes
    tracked_paragraphs: int = 0
    #: paragraphs whose fix could not be written as tracked changes (comments only)
    untracked_paragraphs: int = 0
    #: comments anchored on their whole paragraph
    paragraph_anchored: int = 0


def initials_for(author: str) -> str:
    """Word's initials for an author: ``ReportLint`` → ``RL``, ``张科长`` → ``张``."""
    caps = "".join(c for c in author if "A" <= c <= "Z")
    if caps:
        return caps[:3]
    return author.strip()[:1] or "R"


def comment_lines(problem: Problem, *, tracked: bool) -> list[str]:
    """The paragraphs of the comment for ``problem``: message, rule (the marker) and suggested fix."""
    lines = [problem.message, f"规则：{problem.rule}{OWN_MARK}"]
    fix = problem.fix
    if fix is not None and fix.description:
        if fix.applicability == Applicability.SAFE:
            note = "（已作为修订标出，可在“审阅”中接受或拒绝）" if tracked else "（可自动修改）"
            lines.append(f"建议：{fix.description}{note}")
        else:
            lines.append(f"建议（需人工确认，未自动修改）：{fix.description}")
    return lines


def is_own_comment(comment: etree._Element) -> bool:
    """Does this ``w:comment`` carry ReportLint's marker line?"""
    for p in comment.iter(W_P):
        text = "".join(t.text or "" for t in p.iter(W_T)).strip()
        if _OWN_LINE.match(text):
            return True
    return False


# -- package helpers ----------------------------------------------------------------------------


def _rels_name(part: str) -> str:
    d, b = posixpath.split(part)
    return posixpath.join(d, "_rels", b + ".rels")


def _decode(data: bytes) -> str:
    if data[:3] == b"\xef\xbb\xbf":
        data = data[3:]
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    return data.decode("utf-8")


@dataclass(slots=True)
class _CommentsPart:
    name: str  # part name in the package
    root: etree._Element
    exists: bool  # already in the package
    rels_name: str
    rels_text: str | None  # new relationships text when a relationship must be added
    rels_exists: bool
    ct_text: str | None  # new content types text when an override must be added


def _comments_part(src: DocxSource) -> _CommentsPart:
    pkg = src.package
    rels_name = _rels_name(src.part)
    stored_rels = pkg.find(rels_name)
    rels_text = _decode(pkg.read(stored_rels)) if stored_rels else None
    target = None
    if rels_text is not None:
        rels_root = etree.fromstring(rels_text.encode("utf-8"), make_parser())
        for rel in rels_root:
            if isinstance(rel.tag, str) and rel.get("Type") == COMMENTS_REL and rel.get("TargetMode") != "External":
                t = rel.get("Target", "")
                if t.startswith("/"):
                    target = t.lstrip("/")
                else:
                    target = posixpath.normpath(posixpath.join(posixpath.dirname(src.part), t))
                break
    if target is not None and pkg.find(target) is not None:
        name = pkg.find(target) or target
        root = etree.fromstring(pkg.read(name), make_parser())
        return _CommentsPart(name, root, True, rels_name, None, True, None)
    # a new part: pick a free name next to the document
    base = posixpath.dirname(src.part)
    k = 0
    while True:
        leaf = "comments.xml" if k == 0 else f"comments{k}.xml"
        name = posixpath.join(base, leaf) if base else leaf
        if pkg.find(name) is None:
            break
        k += 1
    root = etree.Element(W_COMMENTS, nsmap={"w": W_NS})
    ids = set(re.findall(r'Id\s*=\s*"([^"]*)"', rels_text or ""))
    rid = "rIdReportLintComments"
    while rid in ids:
        rid += "x"
    rel = f'<Relationship Id="{rid}" Type="{COMMENTS_REL}" Target={quoteattr(leaf)}/>'
    if rels_text is None:
        new_rels = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PR_NS}">{rel}</Relationships>'
        )
    else:
        m = list(re.finditer(r"</(?:[\w.-]+:)?Relationships\s*>", rels_text))
        if not m:
            raise AnnotateError("文档的关系文件（.rels）格式异常，无法添加批注")
        pos = m[-1].start()
        new_rels = rels_text[:pos] + rel + rels_text[pos:]
    ct_name = pkg.find("[Content_Types].xml")
    assert ct_name is not None  # the reader refuses packages without it
    ct_text = _decode(pkg.read(ct_name))
    override = f'<Override PartName="/{name}" ContentType="{COMMENTS_CT}"/>'
    m = list(re.finditer(r"</(?:[\w.-]+:)?Types\s*>", ct_text))
    if not m:
        raise AnnotateError("文档的 [Content_Types].xml 格式异常，无法添加批注")
    new_ct = ct_text[: m[-1].start()] + override + ct_text[m[-1].start() :]
    return _CommentsPart(name, root, False, rels_name, new_rels, rels_text is not None, new_ct)


def _serialize_part(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _assemble(src: DocxSource, replaced: dict[str, bytes], added: dict[str, bytes]) -> bytes:
    """The package with ``replaced`` parts rewritten and ``added`` parts appended at the end."""
    data = write_package(src.package, replaced)
    if not added:
        return data
    buf = io.BytesIO(data)
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as zf:
        for name, content in added.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16  # rw-r--r-- when unpacked with unzip
            zf.writestr(info, content, zipfile.ZIP_DEFLATED)
    return buf.getvalue()


# -- paragraph fragments ------------------------------------------------------------------------------


class _Frag:
    def __init__(self, src: DocxSource, index: int) -> None:
        assert src.spans is not None
        s, e = src.spans[index]
        raw = src.xml[s:e]
        m = re.match(r"""<(?:[^>"']|"[^"]*"|'[^']*')*>""", raw)
        self.start_tag = m.group(0) if m else None
        self.wrapper = etree.fromstring(f"<x{src.nsdecls[index]}>{raw}</x>", make_parser())
        self.p = self.wrapper[0]


def _split_run_before(el: etree._Element) -> None:
    """Move ``el`` and what follows it in its run into a new run (same properties) right after."""
    r = el.getparent()
    if r is None or r.tag != W_R:
        return
    prev = [c for c in r if c is not el and c.tag != W_RPR and r.index(c) < r.index(el)]
    if not prev:
        return
    r2 = etree.Element(W_R, attrib=dict(r.attrib))
    rpr = r.find(W_RPR)
    if rpr is not None:
        r2.append(copy.deepcopy(rpr))
    for c in list(r)[r.index(el) :]:
        r2.append(c)
    r.addnext(r2)


def _split_at(p: etree._Element, state: tuple, offsets: set[int]) -> tuple[str, list[Token]]:
    """Split runs so that every offset in ``offsets`` falls between runs; returns fresh tokens."""
    text, tokens = tokenize(p, state)
    for k in sorted(offsets, reverse=True):
        if k <= 0 or k >= len(text):
            continue
        inside = next((t for t in tokens if t.is_text and t.start < k < t.end), None)
        if inside is not None:
            t = inside.elem
            cur = t.text or ""
            cut = k - inside.start
            t2 = etree.Element(W_T, attrib=dict(t.attrib))
            _set_text(t2, cur[cut:])
            _set_text(t, cur[:cut])
            t.addnext(t2)
            _split_run_before(t2)
            continue
        at = next((t for t in tokens if t.start == k and t.end > t.start), None)
        if at is not None:
            _split_run_before(at.elem)
    return tokenize(p, state)


def _set_text(t: etree._Element, text: str) -> None:
    t.text = text
    if text and (text[0].isspace() or text[-1].isspace() or "  " in text):
        t.set(XML_SPACE, "preserve")


def _unit(el: etree._Element) -> etree._Element:
    """The paragraph-content element (run, math…) a token element belongs to."""
    cur = el
    while cur.getparent() is not None and cur.getparent().tag not in _CONTAINERS:
        cur = cur.getparent()
    return cur


def _units(tokens: list[Token], a: int, b: int) -> list[etree._Element]:
    out: list[etree._Element] = []
    for t in tokens:
        if t.end <= t.start or t.start < a or t.end > b:
            continue
        u = _unit(t.elem)
        if not out or out[-1] is not u:
            out.append(u)
    return out


def _covered(tokens: list[Token], a: int, b: int) -> bool:
    """Do the tokens inside [a, b) cover it exactly (no token straddles an edge)?"""
    return all(not (t.start < a < t.end or t.start < b < t.end) for t in tokens)


def _rev_attrs(rid: int, author: str, date: str) -> dict[str, str]:
    return {W_ID: str(rid), W_AUTHOR: author, W_DATE: date}


def reject_own_revisions(p: etree._Element, author: str) -> bool:
    """Remove ``author``'s ``w:ins`` and unwrap their ``w:del`` inside ``p``; True if any."""
    changed = False
    for ins in [e for e in p.iter(W_INS) if e.get(W_AUTHOR) == author and e.getparent() is not None]:
        if ins.getparent().tag == W_RPR:  # a run-property mark, not content
            continue
        remove_element(ins)
        changed = True
    for d in [e for e in p.iter(W_DEL) if e.get(W_AUTHOR) == author]:
        parent = d.getparent()
        if parent is None or parent.tag == W_RPR:
            continue
        for dt in d.iter(W_DELTEXT):
            dt.tag = W_T
        pos = parent.index(d)
        for k, child in enumerate(list(d)):
            parent.insert(pos + k, child)
        remove_element(d)
        changed = True
    return changed


def _track(
    p: etree._Element,
    state: tuple,
    tokens: list[Token],
    old: str,
    new: str,
    ids: _Ids,
    author: str,
    date: str,
    ops: list[tuple[str, int, int, int, int]] | None = None,
) -> dict[etree._Element, etree._Element] | None:
    """Write old → new as tracked changes into ``p`` (already split at the edit edges).

    Returns del wrapper → the ins that follows it (for comment anchoring), or None
    when the change can't be written safely (``p`` is then left unusable: work on a copy).
    """
    pairs: dict[etree._Element, etree._Element] = {}
    for tag, i1, i2, j1, j2 in reversed(ops if ops is not None else diff_opcodes(old, new)):
        if tag == "equal":
            continue
        if not _covered(tokens, i1, i2):
            return None
        last_del: etree._Element | None = None
        rpr_src: etree._Element | None = None
        if i2 > i1:
            units = _units(tokens, i1, i2)
            if not units:
                return None
            for u in units:
                if u.tag != W_R or u.find(W_FLDCHAR) is not None or u.find(W_INSTRTEXT) is not None:
                    return None
            rpr_src = units[0]
            groups: list[list[etree._Element]] = []
            for u in units:
                if groups and groups[-1][-1].getnext() is u:
                    groups[-1].append(u)
                else:
                    groups.append([u])
            for g in groups:
                d = etree.Element(W_DEL, attrib=_rev_attrs(ids.take(), author, date))
                g[0].addprevious(d)
                for u in g:
                    d.append(u)
                    for t in u.iter(W_T):
                        t.tag = W_DELTEXT
                last_del = d
        if j2 > j1:
            pieces = _pieces(new[j1:j2])
            if not pieces:
                continue
            left = [t for t in tokens if t.end == i1 and t.end > t.start]
            right = [t for t in tokens if t.start == i2 and t.end > t.start]
            if rpr_src is None:
                src_tok = left[-1] if left else (right[0] if right else None)
                rpr_src = _unit(src_tok.elem) if src_tok is not None else None
            run = etree.Element(W_R)
            rpr = rpr_src.find(W_RPR) if rpr_src is not None and rpr_src.tag == W_R else None
            if rpr is not None:
                rpr = copy.deepcopy(rpr)
                for child in list(rpr):
                    if child.tag in (W_INS, W_DEL, w("rPrChange")):
                        rpr.remove(child)
                run.append(rpr)
            for node in _make_nodes(pieces):
                run.append(node)
            ins = etree.Element(W_INS, attrib=_rev_attrs(ids.take(), author, date))
            ins.append(run)
            if last_del is not None:
                last_del.addnext(ins)
                pairs[last_del] = ins
            elif left:
                _outermost_own(_unit(left[-1].elem)).addnext(ins)
            elif right:
                _unit(right[0].elem).addprevious(ins)
            else:
                p.append(ins)
    return pairs


def _outermost_own(u: etree._Element) -> etree._Element:
    parent = u.getparent()
    if parent is not None and parent.tag in (W_DEL, W_INS) and parent.getparent() is not None:
        return parent
    return u


def _visible(p: etree._Element, state: tuple) -> str:
    return tokenize(p, state)[0]


def _rejected(p: etree._Element, state: tuple, author: str) -> str:
    q = copy.deepcopy(p)
    reject_own_revisions(q, author)
    return tokenize(q, state)[0]


# -- the renderer ---------------------------------------------------------------------------------------


def _whole_paragraph(doc: Document, tokens: list[Token] | None, prob: Problem) -> bool:
    para = doc.paragraphs[prob.paragraph]
    if prob.end <= prob.start or para.read_only or prob.end > len(para.text):
        return True
    if any(s < prob.end and prob.start < e for s, e in para.locked):
        return True
    if tokens is None:
        return True
    for t in tokens:
        if t.end > t.start and t.start < prob.end and prob.start < t.end:
            # a field result (complex: an opaque identity; simple: w:fldSimple) or a tracked insertion
            for c in t.ctx:
                if not isinstance(c, etree._Element) or c.tag in (W_FLDSIMPLE, W_INS, W_MOVETO):
                    return True
    return False


def _own_anchor_ids(src: DocxSource, comments: _CommentsPart) -> set[str]:
    return {c.get(W_ID, "") for c in comments.root if c.tag == W_COMMENT and is_own_comment(c)}


def strip_own_annotations(doc: Document, author: str = "ReportLint") -> bytes | None:
    """The package of ``doc`` without ReportLint's comments and its ``author``'s tracked changes.

    None when the document carries no ReportLint comment (nothing is touched then,
    and other authors' revisions are never touched).
    """
    src = doc.source
    if not isinstance(src, DocxSource) or src.spans is None:
        return None
    part = _comments_part(src)
    if not part.exists:
        return None
    own = _own_anchor_ids(src, part)
    if not own:
        return None
    for c in [c for c in part.root if c.tag == W_COMMENT and c.get(W_ID, "") in own]:
        remove_element(c)
    repl: dict[int, str] = {}
    needle = re.compile(r"comment(?:RangeStart|RangeEnd|Reference)|author\s*=")
    for i, (s, e) in enumerate(src.spans):
        if not needle.search(src.xml, s, e):
            continue
        f = _Frag(src, i)
        changed = reject_own_revisions(f.p, author)
        for el in list(f.p.iter(W_CRS, W_CRE, W_CREF)):
            if el.get(W_ID, "") not in own:
                continue
            if el.tag == W_CREF:
                run = el.getparent()
                if run is not None and run.tag == W_R and all(c is el or c.tag == W_RPR for c in run):
                    remove_element(run)
                    changed = True
                    continue
            remove_element(el)
            changed = True
        if changed:
            repl[i] = _serialize(f.p, f.start_tag)
    xml = _splice(src, repl)
    return _assemble(src, {src.part: xml.encode(src.encoding), part.name: _serialize_part(part.root)}, {})


def _splice(src: DocxSource, repl: dict[int, str]) -> str:
    assert src.spans is not None
    pieces: list[str] = []
    cursor = 0
    for i in sorted(repl):
        s, e = src.spans[i]
        pieces.append(src.xml[cursor:s])
        pieces.append(repl[i])
        cursor = e
    pieces.append(src.xml[cursor:])
    return "".join(pieces)


def _make_comment(cid: int, lines: list[str], author: str, initials: str, date: str) -> etree._Element:
    c = etree.Element(W_COMMENT, attrib={W_ID: str(cid), W_AUTHOR: author, W_DATE: date, W_INITIALS: initials})
    for k, line in enumerate(lines):
        p = etree.SubElement(c, W_P)
        if k == 0:
            r0 = etree.SubElement(p, W_R)
            etree.SubElement(r0, W_ANNOTATIONREF)
        r = etree.SubElement(p, W_R)
        t = etree.SubElement(r, W_T)
        _set_text(t, line)
    return c


def _ref_run(cid: int) -> etree._Element:
    r = etree.Element(W_R)
    etree.SubElement(r, W_CREF, attrib={W_ID: str(cid)})
    return r


def render_annotated(
    doc: Document,
    problems: Sequence[Problem],
    fixed_texts: Sequence[str] | None = None,
    *,
    author: str = "ReportLint",
    date: datetime | None = None,
) -> tuple[bytes, AnnotateStats]:
    """The annotated package of ``doc`` (read from a .docx without ReportLint annotations).

    ``problems``: one comment each.  ``fixed_texts``: the paragraph texts after
    the safe fixes (same count as ``doc.paragraphs``), written as tracked changes;
    None for comments only.
    """
    src = doc.source
    if not isinstance(src, DocxSource):
        raise AnnotateError("该文档不是从 .docx 读取的，无法写入批注")
    if src.spans is None:
        raise AnnotateError("无法定位文档中的段落位置，为避免损坏文件，已放弃写入批注")
    old = src.texts
    if fixed_texts is not None and len(fixed_texts) != len(old):
        raise AnnotateError("修改后的段落数与原文不同，无法作为修订写入")
    stamp = (date or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    initials = initials_for(author)
    stats = AnnotateStats()
    part = _comments_part(src)

    used = {int(x) for x in _ID_RE.findall(src.xml)}
    used |= {int(c.get(W_ID, "0")) for c in part.root if c.tag == W_COMMENT and c.get(W_ID, "").lstrip("-").isdigit()}
    ids = _Ids(used)

    by_para: dict[int, list[tuple[int, Problem]]] = {}
    ordered = sorted(problems, key=lambda q: q.sort_key())
    for prob in ordered:
        if not 0 <= prob.paragraph < len(old):
            continue
        by_para.setdefault(prob.paragraph, []).append((ids.take(), prob))
    edit_paras = (
        {i for i, (a, b) in enumerate(zip(old, fixed_texts, strict=True)) if a != b}
        if fixed_texts is not None
        else set()
    )
    comments_out: list[etree._Element] = []
    repl: dict[int, str] = {}
    for i in sorted(set(by_para) | edit_paras):
        f = _Frag(src, i)
        state = src.field_states[i]
        text, tokens = tokenize(f.p, state)
        if text != old[i]:
            raise AnnotateError("文档内容与读取时不一致，为避免损坏文件，已放弃写入批注")
        items = by_para.get(i, [])
        whole = {cid for cid, prob in items if _whole_paragraph(doc, tokens, prob)}
        offsets: set[int] = set()
        for cid, prob in items:
            if cid not in whole:
                offsets.update((prob.start, prob.end))
        pairs: dict[etree._Element, etree._Element] = {}
        tracked_here = False
        if i in edit_paras:
            assert fixed_texts is not None
            new = fixed_texts[i]
            trial = copy.deepcopy(f.p)
            ops = diff_opcodes(old[i], new)
            edit_offsets = {k for tag, a, b, _, _ in ops if tag != "equal" for k in (a, b)}
            _, ttoks = _split_at(trial, state, offsets | edit_offsets)
            saved_ids = ids.next
            got = _track(trial, state, ttoks, old[i], new, ids, author, stamp, ops)
            if got is not None and _visible(trial, state) == new and _rejected(trial, state, author) == old[i]:
                f.wrapper.replace(f.p, trial)
                f.p = trial
                tokens = ttoks
                pairs = got
                tracked_here = True
                stats.tracked_paragraphs += 1
            else:
                ids.next = saved_ids
                stats.untracked_paragraphs += 1
                _, tokens = _split_at(f.p, state, offsets)
        elif offsets:
            _, tokens = _split_at(f.p, state, offsets)
        ends: dict[etree._Element, etree._Element] = {}
        ppr = f.p.find(W_PPR)
        head = (f.p.index(ppr) + 1) if ppr is not None else 0
        for cid, prob in items:
            stats.comments += 1
            fixable = prob.fix is not None and prob.fix.applicability == Applicability.SAFE
            lines = comment_lines(prob, tracked=fixable and tracked_here)
            comments_out.append(_make_comment(cid, lines, author, initials, stamp))
            start = etree.Element(W_CRS, attrib={W_ID: str(cid)})
            end = etree.Element(W_CRE, attrib={W_ID: str(cid)})
            units = [] if cid in whole else _units(tokens, prob.start, prob.end)
            if not units:
                stats.paragraph_anchored += 1
                f.p.insert(head, start)
                head += 1
                f.p.append(end)
                f.p.append(_ref_run(cid))
                continue
            first = _outermost_own(units[0])
            last = _outermost_own(units[-1])
            last = pairs.get(last, last)
            first.addprevious(start)
            anchor = ends.get(last, last)
            anchor.addnext(end)
            ref = _ref_run(cid)
            end.addnext(ref)
            ends[last] = ref
        repl[i] = _serialize(f.p, f.start_tag)

    xml = _splice(src, repl)
    for c in comments_out:
        part.root.append(c)
    replaced: dict[str, bytes] = {src.part: xml.encode(src.encoding)} if repl else {}
    added: dict[str, bytes] = {}
    if comments_out or part.exists:
        body = _serialize_part(part.root)
        if part.exists:
            replaced[part.name] = body
        else:
            added[part.name] = body
            assert part.rels_text is not None and part.ct_text is not None
            if part.rels_exists:
                replaced[part.rels_name] = part.rels_text.encode("utf-8")
            else:
                added[part.rels_name] = part.rels_text.encode("utf-8")
            ct_name = src.package.find("[Content_Types].xml") or "[Content_Types].xml"
            replaced[ct_name] = part.ct_text.encode("utf-8")
    return _assemble(src, replaced, added), stats


__all__ = [
    "AnnotateError",
    "AnnotateStats",
    "OWN_MARK",
    "comment_lines",
    "initials_for",
    "is_own_comment",
    "reject_own_revisions",
    "render_annotated",
    "strip_own_annotations",
]
