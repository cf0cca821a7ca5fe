"""Write edited paragraph texts back into a .docx, changing as little as possible.

Saving by identity (``sources``)
    The editor passes, for every output text ``j``, ``sources[j]``: the index
    of the source paragraph it continues, or ``None`` for a new paragraph
    (non-``None`` entries never decrease).  The writer then never guesses:

    * an index on one output: that paragraph, edited in place (character diff,
      see below); an untouched paragraph keeps its bytes;
    * the same index on several outputs: a split.  The first output keeps the
      paragraph's element (attributes, ``w:pPr``); the others are new
      paragraphs with a copy of its ``w:pPr``.  The paragraph's content is cut
      at the output boundaries, so every run, object, bookmark, comment anchor
      and field goes to the side its text went (zero-width openers — bookmark
      and comment-range starts, field codes — go with the text after them;
      hyperlinks, content controls and tracked insertions cut in two are
      cloned).  A section break moves to the last part, where the paragraph
      mark was.  A cut inside a simple field, an equation or ruby text is
      refused;
    * an index missing from the list: deleted, or merged into the output just
      before its place when some of its text is found there by a character
      diff, or one of its objects is needed there: the output's own paragraph
      keeps its own objects first, and a neighbour counts as merged for an
      object only when the diff explains more of the output with it than
      without.  A merged paragraph's runs move into that
      output, objects included; a deleted one's bookmarks and comment anchors
      move to its neighbour.  Deleting paragraphs that cut a field spanning
      paragraphs (part of a TOC) is refused;
    * ``None``: a new paragraph formatted like the previous output's source
      (the next one's at the top);
    * an :class:`~linting.model.AfterEnd` index: a split part made by Enter at
      the end of that paragraph (the editor says so; the writer never infers it
      from texts).  It is a split part like any other (content cut and placed
      as above), but formatted as Word formats the paragraph after Enter at the
      end: when the paragraph's style has a ``w:next`` naming another style
      (标题 1 → 正文), its ``w:pPr`` holds only that style (no direct outline
      level, numbering, keep-with-next, indents… of the heading; a section break
      it received stays) and its text runs lose their direct run formatting, so
      typed text shows in the next style; a style without ``w:next`` keeps
      everything, like a plain split part (a numbered list item gives another
      item of the same list).

    Objects: U+FFFC in an output is always tied to an object of the source
    paragraph(s) by the character diff.  A U+FFFC missing from the output
    means the user deleted that object, and it is removed.  A U+FFFC the writer
    can't tie to an object — moved away from its text, pasted, typed into a new
    paragraph — first lets the writer join neighbouring paragraphs (an object
    whose U+FFFC went across a paragraph edge, e.g. a split part merged into the
    paragraph before it); if it still can't be placed the save is refused with
    :class:`DocxRenderError` naming the paragraph (第 N 段, 1-based, and an
    excerpt) and nothing is written.  What the texts can't tell apart is
    decided by the diff: deleting one of several *adjacent* U+FFFC removes the
    later one (so does deleting one of two objects of a paragraph together with
    all the text between them); of two absent paragraphs at the same place with
    the same text, the first counts as merged; where an edit is explained as
    well by keeping text as by keeping an object (“￼完” → “完￼”), the text is
    kept.

    Characters: see :func:`clean_text` — line separators become ``w:br``,
    characters XML can't hold are removed.  A paragraph that can't be removed
    (the last of a table cell, one carrying a section break) is emptied
    instead, and a document keeps at least one paragraph.

Without ``sources`` (CLI, tests) the old and new paragraph lists are aligned by
text — a best effort that can pick the wrong one of several equal paragraphs:

:func:`render_docx` returns the bytes of a new package:

* every zip entry is copied verbatim (compressed bytes, order, metadata); only
  the main document part is replaced, and only when some text changed;
* inside ``document.xml`` the old and new paragraph lists are aligned (see
  :func:`align_paragraphs`: same-count edits pair in place; otherwise a scored
  global alignment between unique unchanged anchors that never pairs a new
  paragraph with more objects than the old one had and prefers deleting a
  paragraph that can really be removed); unchanged paragraphs keep their bytes —
  edited ones are parsed *as fragments*, edited and spliced back at their
  character span, the rest of the file is never reserialized;
* an edited paragraph is changed in place from a character diff, right to
  left: deletions trim the owning ``w:t`` nodes or remove the atom element
  (tab, break, drawing, footnote reference…); insertions go into a
  neighbouring ``w:t`` so they inherit its formatting; ``"\\t"``/``"\\n"`` become
  ``w:tab``/``w:br`` elements in that run; ``OBJECT_CHAR`` cannot be inserted
  and is ignored.  No run is created or deleted, except that text typed into a
  paragraph with no run at all gets one run (formatted like the paragraph mark).

Boundary rule (text typed where two tokens meet): a *replacement* goes into
the ``w:t`` of the text it replaces.  A pure insertion goes to the token
before the insertion point when both sides are in the same context (same
hyperlink / field result / content control / tracked insertion, or none);
otherwise to the side that is less deeply wrapped — so typing right after a
hyperlink or a field does not extend the link or the field result, and typing
right before one does not enter it either; on a tie the token before wins.

New paragraphs (a paragraph split in the editor) copy the ``w:pPr`` (without
section break or revision marks) and the first run's ``w:rPr`` of the
paragraph they were split from.  Deleted paragraphs are removed, but their
invisible anchors — bookmark starts/ends, comment range marks and comment
reference runs, permission ranges — are moved to the end of the previous
surviving paragraph (or the start of the next), so no bookmark pair or
comment anchor is broken.  A paragraph that can't be removed (the last one
of a table cell, one carrying a section break) is emptied instead.

Read-only paragraphs (field results, tracked changes, TOC) are edited like
any other if the caller changes them — the editor and the fixers are
expected to leave them alone; nothing is refused here.
"""

from __future__ import annotations

import bisect
import copy
import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from lxml import etree

from linting.io.docx_package import write_package
from linting.io.docx_read import DocxSource
from linting.io.docx_text import (
    W_BR,
    W_DEL,
    W_INS,
    W_P,
    W_PPR,
    W_PSTYLE,
    W_R,
    W_RPR,
    W_SECTPR,
    W_T,
    W_TAB,
    W_VAL,
    XML_SPACE,
    Token,
    make_parser,
    tokenize,
    w,
)
from linting.io.seqdiff import common_affixes
from linting.io.txt import validate_sources
from linting.model import OBJECT_CHAR, AfterEnd, Document

W_RPRCHANGE = w("rPrChange")
W_PPRCHANGE = w("pPrChange")
W_COMMENTREF = w("commentReference")
MARKER_TAGS = frozenset(
    w(t)
    for t in (
        "bookmarkStart",
        "bookmarkEnd",
        "commentRangeStart",
        "commentRangeEnd",
        "permStart",
        "permEnd",
        "moveFromRangeStart",
        "moveFromRangeEnd",
        "moveToRangeStart",
        "moveToRangeEnd",
    )
)
_TAG_END = re.compile(r"""<(?:[^>"']|"[^"]*"|'[^']*')*>""")
_XMLNS = re.compile(r"""\s+xmlns(?::[\w.-]+)?\s*=\s*(?:"[^"]*"|'[^']*')""")


log = logging.getLogger(__name__)


class DocxRenderError(Exception):
    """The document cannot be saved safely (message in Chinese)."""


# -- public API ----------------------------------------------------------------------------


def render_docx(doc: Document, new_texts: Sequence[str], sources: Sequence[int | None] | None = None) -> bytes:
    """The complete new .docx package with the paragraph texts replaced by ``new_texts``.

    ``sources`` (one entry per text) says where each text comes from:
    ``sources[j]`` is the index in ``doc.paragraphs`` of the paragraph output
    ``j`` continues, or ``None`` for a new paragraph.  See the module
    documentation for the rules; a malformed list raises ``ValueError``.
    Without ``sources`` the paragraphs are paired by aligning texts — a best
    effort for the CLI and tests that can pick the wrong one of equal
    paragraphs.

    With ``new_texts`` equal to the texts that were read (and ``sources`` the
    identity), the original file bytes are returned unchanged.
    """
    src = doc.source
    if not isinstance(src, DocxSource):
        raise DocxRenderError("该文档不是从 .docx 读取的，无法按 .docx 保存")
    old = src.texts
    new = list(new_texts)
    if sources is not None:
        srcs = validate_sources(sources, len(new), len(old))
        if new == old and srcs == list(range(len(old))) and not any(isinstance(s, AfterEnd) for s in srcs):
            return write_package(src.package, {})
        if src.spans is None:
            raise DocxRenderError("无法定位文档中的段落位置，为避免损坏文件，已放弃保存")
        paras = doc.paragraphs
        xml = _render_identity(src, old, new, srcs, [p.in_table for p in paras], [p.objects for p in paras])
        return write_package(src.package, {src.part: xml.encode(src.encoding)})
    if new == old:
        return write_package(src.package, {})
    if src.spans is None:
        raise DocxRenderError("无法定位文档中的段落位置，为避免损坏文件，已放弃保存")
    xml = _render_xml(src, old, new)
    return write_package(src.package, {src.part: xml.encode(src.encoding, "xmlcharrefreplace")})


#: Above this many item pairs SequenceMatcher ignores items that fill over 1 % of the sequence
#: (its "autojunk"): on a run of thousands of equal items (identical paragraphs, a line of
#: ``好,好,``) an exact match takes quadratic time.  Real edits stay well below it.
_EXACT_DIFF_PAIRS = 4_000_000


def _matcher(a, b) -> SequenceMatcher:  # noqa: ANN001 - str or list[str]
    return SequenceMatcher(None, a, b, autojunk=len(a) * len(b) > _EXACT_DIFF_PAIRS)


def diff_opcodes(a, b) -> list[tuple[str, int, int, int, int]]:
    """SequenceMatcher opcodes after trimming the common prefix and suffix.

    SequenceMatcher is greedy (longest block first), so on runs of equal
    items (``OBJECT_CHAR``s, empty paragraphs) it can pair the wrong ones;
    trimming first makes a single-site edit come out exact.
    """
    n, m = len(a), len(b)
    pre, suf = common_affixes(a, b)
    ops: list[tuple[str, int, int, int, int]] = []
    if pre:
        ops.append(("equal", 0, pre, 0, pre))
    a_mid, b_mid = a[pre : n - suf], b[pre : m - suf]
    mid = _matcher(a_mid, b_mid).get_opcodes()
    if isinstance(a_mid, str) and OBJECT_CHAR in a_mid and OBJECT_CHAR in b_mid:
        # of two ways to explain the edit, the one that keeps as much and more of the text wins: an
        # object can't move across text, so "￼完" → "完￼" is 完 kept and an object deleted/brought in
        by_text = SequenceMatcher(lambda c: c == OBJECT_CHAR, a_mid, b_mid, autojunk=False).get_opcodes()
        if _kept(by_text) >= _kept(mid):
            mid = by_text
    for tag, i1, i2, j1, j2 in mid:
        if i1 == i2 and j1 == j2:
            continue
        ops.append((tag, i1 + pre, i2 + pre, j1 + pre, j2 + pre))
    if suf:
        ops.append(("equal", n - suf, n, m - suf, m))
    return ops


def _kept(ops: Sequence[tuple[str, int, int, int, int]]) -> int:
    """How many items an opcode list keeps (the length of its equal blocks)."""
    return sum(i2 - i1 for tag, i1, i2, _j1, _j2 in ops if tag == "equal")


# -- planning ------------------------------------------------------------------------------------


#: Score of a pair that shares (almost) nothing: still better than deleting one paragraph and
#: creating another, which would lose the old one's objects and, in a table cell, its place.
_WEAK_PAIR = 0.01


def _overlaps(removed: str, target: str, after: bool) -> bool:
    """Does ``target`` end with the start of ``removed`` (``after``) or start with its end?"""
    if removed in target:
        return True
    for k in range(min(len(removed), len(target)), 0, -1):
        if after and target.endswith(removed[:k]) or not after and target.startswith(removed[-k:]):
            return True
    return False


_SECTPR_IN = re.compile(r"<(?:[\w.-]+:)?sectPr[\s/>]")
_GAP = 3.0  # cost of leaving a paragraph unpaired (deleted, or created): structural edits are rare,
#             so a shifted alignment must keep clearly more text than editing in place
_FULL_DP_CELLS = 10_000  # up to 100 × 100 changed paragraphs: align without a band
_PINNED_GAP = _GAP + 1.0  # deleting a paragraph that can only be emptied
_MARGIN = 3  # unchanged paragraphs around a change that the alignment may still choose among
_ANCHOR_LEN = 8  # an unchanged paragraph this long is trusted as an alignment anchor
_BAND = 6  # otherwise: how far alignment may stray from the diagonal, beyond the count change


def _changed_blocks(
    old: list[str],
    new: list[str],
    pinned: Sequence[bool] | None = None,
) -> list[tuple[int, int, int, int, list[tuple[int, int]]]]:
    """The changed middle of the paragraph lists, with its old→new pairing.

    Common leading and trailing paragraphs are unchanged.  In between, paragraphs
    are paired by :func:`align_paragraphs` — a global alignment, not a text diff
    over paragraphs: a diff pairs equal *texts*, and short repeated texts (``1``,
    ``2``, empty cells of a table) would pair across positions and turn edits in
    place into deletions and insertions that lose objects and table structure.
    """
    n, m = len(old), len(new)
    pre, suf = common_affixes(old, new)
    if pre == n - suf and pre == m - suf:
        return []
    # Let the alignment see a few unchanged neighbours: when a deleted paragraph has equal
    # twins next to it (empty lines), it can then pick the one that can really be removed.
    pre, suf = max(0, pre - _MARGIN), max(0, suf - _MARGIN)
    # Unchanged runs holding a real sentence found once on each side are safe anchors
    # (as in patience diff): align between them only, which keeps the alignment small when
    # edits are far apart in a long document.
    blocks = []
    a0, b0 = pre, pre
    mid_old, mid_new = old[pre : n - suf], new[pre : m - suf]
    count_old, count_new = Counter(mid_old), Counter(mid_new)
    matcher = _matcher(mid_old, mid_new)
    for a, b, size in matcher.get_matching_blocks():
        a, b = a + pre, b + pre
        strong = [
            k
            for k in range(a, a + size)
            if len(old[k]) >= _ANCHOR_LEN and count_old[old[k]] == 1 and count_new[old[k]] == 1
        ]
        if strong:
            # Only the stretch from the first to the last unique paragraph is fixed; equal
            # short or empty paragraphs at its edges stay free for the alignment.
            first, last = strong[0], strong[-1] + 1
            fa, fb = first, b + (first - a)
            if a0 < fa or b0 < fb:
                blocks.append((a0, fa, b0, fb))
            a0, b0 = last, b + (last - a)
    if a0 < n - suf or b0 < m - suf:
        blocks.append((a0, n - suf, b0, m - suf))
    out = []
    for i1, i2, j1, j2 in blocks:
        pin = pinned[i1:i2] if pinned is not None else None
        pairs = [(i1 + x, j1 + y) for x, y in align_paragraphs(old[i1:i2], new[j1:j2], pin)]
        out.append((i1, i2, j1, j2, pairs))
    return out


def _pair_score(a: str, b: str) -> float:
    if a == b:
        return len(a) + 1.0
    objects_a, objects_b = a.count(OBJECT_CHAR), b.count(OBJECT_CHAR)
    if objects_b > objects_a:
        return float("-inf")  # an object can't be typed: that new paragraph is not this old one
    lost = 2.0 * (objects_a - objects_b)  # dropping an image is what a pair must avoid most
    return _text_score(a, b) - lost


def _text_score(a: str, b: str) -> float:
    if not a or not b:
        return _WEAK_PAIR
    sm = _matcher(a, b)
    if sm.real_quick_ratio() < 0.3 or sm.quick_ratio() < 0.3:
        return _WEAK_PAIR
    r = sm.ratio()
    return r * (len(a) + len(b)) / 2 if r >= 0.3 else _WEAK_PAIR


def _same_paragraph(a: str, b: str) -> bool:
    """Cheap test that ``b`` is ``a`` edited in place."""
    if a == b:
        return True
    if a.count(OBJECT_CHAR) != b.count(OBJECT_CHAR):
        return False
    if len(a) <= 4 and len(b) <= 4:
        return True
    if not a or not b:
        return False
    return _matcher(a, b).quick_ratio() >= 0.5


def align_paragraphs(a: list[str], b: list[str], pinned: Sequence[bool] | None = None) -> list[tuple[int, int]]:
    """Order-preserving pairs (i, j) of old and new paragraphs that keep the most text.

    A pair scores about the characters it keeps (equal texts most, dissimilar
    texts a little: an edited paragraph is still better kept than deleted and
    recreated); leaving a paragraph unpaired costs ``_GAP``.  Same counts with
    every pair plausibly the same paragraph (typing, ``fix``) pair in place
    without the alignment; big blocks align within a band around the diagonal.
    ``pinned[i]``: old paragraph ``i`` can't be removed (last in its table cell,
    carries a section break), so when equal texts make the choice free, another
    one is deleted.
    """
    n, m = len(a), len(b)
    if n == 0 or m == 0:
        return []
    if n == m and all(_same_paragraph(x, y) for x, y in zip(a, b)):
        return [(k, k) for k in range(n)]
    if n * m <= _FULL_DP_CELLS:
        lo, hi = -n, m
    else:
        lo, hi = min(0, m - n) - _BAND, max(0, m - n) + _BAND
    neg = float("-inf")
    score: dict[tuple[int, int], float] = {(n, m): 0.0}
    step: dict[tuple[int, int], int] = {}  # 0 pair, 1 skip old, 2 skip new
    for i in range(n, -1, -1):
        for j in range(min(m, i + hi), max(0, i + lo) - 1, -1):
            if i == n and j == m:
                continue
            best, how = neg, -1
            if i < n and j < m:
                v = score.get((i + 1, j + 1), neg)
                if v != neg:
                    v += _pair_score(a[i], b[j])
                    if v != neg:
                        best, how = v, 0
            if i < n:
                v = score.get((i + 1, j), neg) - (_PINNED_GAP if pinned is not None and pinned[i] else _GAP)
                if v > best:
                    best, how = v, 1
            if j < m:
                v = score.get((i, j + 1), neg) - _GAP
                if v > best:
                    best, how = v, 2
            if how >= 0 and best != neg:
                score[(i, j)] = best
                step[(i, j)] = how
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while (i, j) in step:
        how = step[(i, j)]
        if how == 0:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif how == 1:
            i += 1
        else:
            j += 1
    return pairs


class _Plan:
    def __init__(self, n_old: int) -> None:
        self.edit: dict[int, str] = {}  # old index -> new text
        self.delete: set[int] = set()
        self.after: dict[int, list[str]] = {}  # new paragraphs after old index (template = that index)
        self.before: dict[int, list[str]] = {}  # new paragraphs before old index
        self.merge: dict[int, int] = {}  # deleted old index -> paired old index that absorbs its content
        self.n_old = n_old


def _plan(old: list[str], new: list[str], pinned: Sequence[bool] | None = None) -> _Plan:
    plan = _Plan(len(old))
    for i1, i2, j1, j2, pairs in _changed_blocks(old, new, pinned):
        paired_old = {a for a, _ in pairs}
        for a, b in pairs:
            if old[a] != new[b]:
                plan.edit[a] = new[b]
        for a in range(i1, i2):
            if a not in paired_old:
                plan.delete.add(a)
        # a removed paragraph whose text survives inside a neighbour's new text was merged
        # into it (Backspace/Delete at a paragraph edge): move its content, objects included
        new_of = dict(pairs)
        for d in range(i1, i2):
            if d in paired_old or not old[d]:
                continue
            prev = [a for a in paired_old if a < d]
            later = [a for a in paired_old if a > d]
            for a in ([max(prev)] if prev else []) + ([min(later)] if later else []):
                if old[a] != new[new_of[a]] and _overlaps(old[d], new[new_of[a]], after=d > a):
                    plan.merge[d] = a
                    break
        # unpaired new paragraphs: after the previous paired old one, else before the next
        pair_by_new = dict((b, a) for a, b in pairs)
        last_old: int | None = i1 - 1 if i1 > 0 else None
        pending_front: list[str] = []
        for b in range(j1, j2):
            if b in pair_by_new:
                last_old = pair_by_new[b]
                if pending_front:
                    plan.before.setdefault(last_old, []).extend(pending_front)
                    pending_front = []
                continue
            if last_old is not None and last_old >= 0:
                plan.after.setdefault(last_old, []).append(new[b])
            else:
                pending_front.append(new[b])
        if pending_front:
            nxt = i2 if i2 < len(old) else None
            # prefer a surviving next paragraph as anchor
            if nxt is None and i1 < i2:
                nxt = i1
            if nxt is not None:
                plan.before.setdefault(nxt, []).extend(pending_front)
            else:
                plan.before.setdefault(-1, []).extend(pending_front)
    return plan


# -- rendering ---------------------------------------------------------------------------------------


class _Frag:
    """A paragraph parsed out of the original XML as a standalone fragment."""

    def __init__(self, src: DocxSource, index: int) -> None:
        assert src.spans is not None  # render_docx refuses a source without spans
        s, e = src.spans[index]
        self.raw = src.xml[s:e]
        m = _TAG_END.match(self.raw)
        self.start_tag = m.group(0) if m else None
        self.wrapper = etree.fromstring(f"<x{src.nsdecls[index]}>{self.raw}</x>", make_parser())
        self.p = self.wrapper[0]
        self.parsed = etree.tostring(self.p, encoding="unicode", with_tail=False)  # to see if it changed
        self.index = index
        self.touched = False  # received anchors from a deleted neighbour


class _Frags(dict[int, _Frag]):
    """The fragment of each old paragraph, made on first use."""

    def __init__(self, src: DocxSource) -> None:
        super().__init__()
        self.src = src

    def __missing__(self, i: int) -> _Frag:
        f = self[i] = _Frag(self.src, i)
        return f


def _serialize(p: etree._Element, start_tag: str | None) -> str:
    text = etree.tostring(p, encoding="unicode", with_tail=False)
    m = _TAG_END.match(text)
    assert m is not None
    first = m.group(0)
    rest = text[m.end() :]
    self_closing = first.endswith("/>")
    if start_tag is None:
        return _XMLNS.sub("", first) + rest
    orig_closing = start_tag.endswith("/>")
    if self_closing and not orig_closing:
        return start_tag[:-1].rstrip() + "/>"
    if not self_closing and orig_closing:
        return start_tag[:-2].rstrip() + ">" + rest
    return start_tag + rest


def _render_xml(src: DocxSource, old: list[str], new: list[str]) -> str:
    spans = src.spans
    assert spans is not None  # render_docx refuses a source without spans
    pinned = [bool(src.last_in_cell[i]) or _SECTPR_IN.search(src.xml, *spans[i]) is not None for i in range(len(old))]
    plan = _plan(old, new, pinned)
    n = len(old)
    # a deleted paragraph that can't go is emptied instead
    frags = _Frags(src)
    frag = frags.__getitem__

    for i in sorted(plan.delete):
        f = frag(i)
        ppr = f.p.find(W_PPR)
        if src.last_in_cell[i] or (ppr is not None and ppr.find(W_SECTPR) is not None):
            plan.delete.discard(i)
            plan.edit[i] = ""
    surviving = [i for i in range(n) if i not in plan.delete]
    if not surviving and plan.delete:
        keep = min(plan.delete)
        plan.delete.discard(keep)
        plan.edit[keep] = ""
        surviving = [keep]

    # structural merges: move the removed paragraph's content into its neighbour
    base = {i: old[i] for i in plan.edit}
    state = {i: src.field_states[i] for i in plan.edit}
    merged_into: dict[int, list[int]] = {}
    for d, a in plan.merge.items():
        merged_into.setdefault(a, []).append(d)
    for a, ds in merged_into.items():
        target = frag(a).p
        ppr = target.find(W_PPR)
        for d in sorted(d for d in ds if d > a):
            for child in [c for c in frag(d).p if c.tag != W_PPR]:
                target.append(child)
            base[a] = base[a] + old[d]
        for d in sorted((d for d in ds if d < a), reverse=True):
            pos = (list(target).index(ppr) + 1) if ppr is not None else 0
            for off, child in enumerate([c for c in frag(d).p if c.tag != W_PPR]):
                target.insert(pos + off, child)
            base[a] = old[d] + base[a]
            state[a] = src.field_states[d]
        for d in ds:
            if d in plan.edit:  # couldn't be removed: it is now empty
                del plan.edit[d]
                frag(d).touched = True

    # text edits
    for i, text in plan.edit.items():
        f = frag(i)
        apply_text_edit(f.p, base[i], text, state[i])

    # move invisible anchors out of deleted paragraphs
    for i in sorted(plan.delete):
        markers = _detach_markers(frag(i).p)
        if not markers:
            continue
        k = bisect.bisect_left(surviving, i)
        if k > 0:
            tf = frag(surviving[k - 1])
            tf.touched = True
            target = tf.p
            for m in markers:
                target.append(m)
        else:
            tf = frag(surviving[k])
            tf.touched = True
            target = tf.p
            ppr = target.find(W_PPR)
            pos = (list(target).index(ppr) + 1) if ppr is not None else 0
            for off, m in enumerate(markers):
                target.insert(pos + off, m)

    # build replacements
    repl: dict[int, str] = {}
    for i, f in frags.items():
        if i in plan.delete:
            repl[i] = ""
        elif i in plan.edit or f.touched:
            repl[i] = _serialize(f.p, f.start_tag)
    before: dict[int, str] = {}
    after: dict[int, str] = {}
    for i, texts in plan.after.items():
        tmpl = frag(i) if i in range(n) else None
        after[i] = "".join(_new_paragraph(tmpl, t, src) for t in texts)
    for i, texts in plan.before.items():
        if i == -1:
            continue
        before[i] = "".join(_new_paragraph(frag(i), t, src) for t in texts)

    xml = src.xml
    pieces: list[str] = []
    cursor = 0
    touched = sorted(set(repl) | set(before) | set(after))
    for i in touched:
        s, e = spans[i]
        pieces.append(xml[cursor:s])
        pieces.append(before.get(i, ""))
        pieces.append(repl.get(i, xml[s:e]))
        pieces.append(after.get(i, ""))
        cursor = e
    pieces.append(xml[cursor:])
    out = "".join(pieces)
    if -1 in plan.before:  # document without any paragraph
        extra = "".join(_new_paragraph(None, t, src) for t in plan.before[-1])
        pos = _body_insert_pos(out)
        out = out[:pos] + extra + out[pos:]
    return out


def _body_insert_pos(xml: str) -> int:
    matches = list(re.finditer(r"<(?:[\w.-]+:)?sectPr[\s/>]", xml))
    m = matches[-1] if matches else None
    if m is not None:
        return m.start()
    end = re.search(r"</(?:[\w.-]+:)?body\s*>", xml)
    if end is None:
        raise DocxRenderError("文档结构异常（找不到正文），无法保存")
    return end.start()


def _detach_markers(p: etree._Element) -> list[etree._Element]:
    out: list[etree._Element] = []
    for el in list(p.iter()):
        if el.tag in MARKER_TAGS:
            out.append(el)
        elif el.tag == W_COMMENTREF:
            run = el.getparent()
            if run is not None and run.tag == W_R and run not in out:
                out.append(run)
    for el in out:
        parent = el.getparent()
        if parent is not None:
            remove_element(el)
    return out


def _clean_rpr(rpr: etree._Element | None) -> etree._Element | None:
    if rpr is None:
        return None
    rpr = copy.deepcopy(rpr)
    for child in list(rpr):
        if child.tag in (W_INS, W_DEL, W_RPRCHANGE):
            rpr.remove(child)
    return rpr


def _new_paragraph(tmpl: _Frag | None, text: str, src: DocxSource) -> str:
    return _serialize(_new_p(tmpl, text, src), None)


def _new_p(tmpl: _Frag | None, text: str, src: DocxSource) -> etree._Element:
    """A new ``w:p`` formatted like ``tmpl`` (its ``w:pPr`` without section break or revision
    marks, its first run's ``w:rPr``) holding ``text`` in one run (no run when ``text`` is empty)."""
    if tmpl is not None:
        wrapper = etree.fromstring(f"<x{src.nsdecls[tmpl.index]}/>", make_parser())
        p = etree.SubElement(wrapper, W_P)
        ppr = tmpl.p.find(W_PPR)
        if ppr is not None:
            ppr = copy.deepcopy(ppr)
            for child in list(ppr):
                if child.tag in (W_SECTPR, W_PPRCHANGE):
                    ppr.remove(child)
                elif child.tag == W_RPR:
                    cleaned = _clean_rpr(child)
                    ppr.replace(child, cleaned)
            p.append(ppr)
        rpr = None
        for r in tmpl.p.iter(W_R):
            rpr = r.find(W_RPR)
            if rpr is not None:
                break
        rpr = _clean_rpr(rpr)
    else:
        wrapper = etree.fromstring(f"<x{src.root_nsdecl}/>", make_parser())
        p = etree.SubElement(wrapper, W_P)
        rpr = None
    pieces = _pieces(text)
    if pieces:
        run = etree.SubElement(p, W_R)
        if rpr is not None:
            run.append(rpr)
        for node in _make_nodes(pieces):
            run.append(node)
    return p


# -- characters ----------------------------------------------------------------------------------

#: Line separators typed inside a paragraph: all become a line break (``w:br``, read back as ``"\n"``).
_LINE_SEPARATORS = re.compile("\r\n?|[\x0b\u2028\u2029]")
#: Characters XML 1.0 (and so a .docx) cannot hold: C0 controls except tab and line feed, lone
#: surrogates, U+FFFE and U+FFFF.  (Form feed included: a page break is not typed as a character.)
_UNSAVABLE = re.compile("[\x00-\x08\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NEEDS_CLEANING = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff\u2028\u2029]")


def clean_text(text: str) -> str:
    """``text`` as a .docx paragraph holds it (what reopening the saved file gives back).

    ``"\\r\\n"``, ``"\\r"``, vertical tab, U+2028 (line separator) and U+2029
    (paragraph separator) become ``"\\n"`` — a line break inside the paragraph
    (``w:br``), as Word does for a soft return; NUL and the other C0 controls
    (except tab and line feed), lone surrogates, U+FFFE and U+FFFF are removed.
    The editor may apply this to typed or pasted text so what it shows is what
    is saved.
    """
    if _NEEDS_CLEANING.search(text) is None:
        return text
    return _UNSAVABLE.sub("", _LINE_SEPARATORS.sub("\n", text))


def unsavable_chars(text: str) -> list[tuple[int, str]]:
    """``(offset, char)`` of every character :func:`clean_text` removes (for a warning)."""
    return [(m.start(), m.group()) for m in _UNSAVABLE.finditer(text)]


# -- saving by identity (``sources`` given) ----------------------------------------------------

W_SDT_ = w("sdt")
W_SDTCONTENT_ = w("sdtContent")
W_SDTPR_ = w("sdtPr")
W_ID = w("id")
W_FLDCHAR_ = w("fldChar")
W_FLDCHARTYPE_ = w("fldCharType")
#: Property children copied into a wrapper cloned by a split (content stays on its side).
_PROPERTY_TAGS = frozenset({W_RPR, W_SDTPR_, w("sdtEndPr"), w("smartTagPr"), w("customXmlPr")})
#: Wrappers a paragraph split may cut in two (each half keeps the wrapper's properties).
_CLONEABLE = frozenset(
    {W_R, w("hyperlink"), w("smartTag"), w("customXml"), w("dir"), w("bdo"), W_INS, w("moveTo"), W_SDT_, W_SDTCONTENT_}
)
#: Zero-width things that belong to the text after them: a split moves them with that text.
_STARTERS = frozenset(
    w(t)
    for t in (
        "bookmarkStart",
        "commentRangeStart",
        "permStart",
        "moveFromRangeStart",
        "moveToRangeStart",
        "proofErr",
        "lastRenderedPageBreak",
        "instrText",
    )
)


def _excerpt(text: str) -> str:
    shown = text.replace(OBJECT_CHAR, "□").replace("\n", " ").replace("\t", " ").strip()
    return shown[:12] + ("…" if len(shown) > 12 else "")


def _where(index: int, text: str, original: bool = False) -> str:
    ex = _excerpt(text)
    head = f"原文第 {index + 1} 段" if original else f"第 {index + 1} 段"
    return f"{head}（“{ex}”）" if ex else f"{head}（空段落）"


def _is_starter(el: etree._Element) -> bool:
    """A zero-width element that opens something for the text after it (bookmark start, field code…)."""
    tag = el.tag
    if not isinstance(tag, str):
        return True  # comments and processing instructions go with whatever follows
    if tag in _STARTERS:
        return True
    if tag == W_FLDCHAR_:
        return el.get(W_FLDCHARTYPE_) in ("begin", "separate")
    if tag == W_R:
        content = [c for c in el if not (isinstance(c.tag, str) and c.tag == W_RPR)]
        return bool(content) and all(_is_starter(c) for c in content)
    return False


class _CutError(Exception):
    pass


@dataclass(slots=True)
class _Group:
    """Consecutive outputs, the present source paragraphs they continue and the absent paragraphs
    that may have been merged into them; ``parts`` (set by resolving) are the old paragraphs, in
    order, whose content they hold."""

    outputs: list[int]
    present: list[int]
    cands: list[int]
    parts: list[int] = field(default_factory=list)
    lo: int = 0  # the first and last of the initial groups it was made of
    hi: int = 0


#: Object kinds (``Paragraph.objects``) as named in messages.
_KIND_NAMES = {
    "image": "图片",
    "chart": "图表",
    "textbox": "文本框",
    "footnote": "脚注",
    "endnote": "尾注",
    "equation": "公式",
    "object": "对象",
}

#: How many neighbouring groups a save may join to place an object before it gives up.
_MAX_JOINS = 16


def _cut_point(p: etree._Element, x: etree._Element) -> etree._Element:
    """Move a split point before ``x`` back over the zero-width openers just before it, and out
    of wrappers it starts, so bookmarks, comment ranges and field codes go with their text."""
    while True:
        prev = x.getprevious()
        while prev is not None and _is_starter(prev):
            x = prev
            prev = x.getprevious()
        parent = x.getparent()
        if parent is p or parent is None:
            return x
        if prev is None or (isinstance(prev.tag, str) and prev.tag in _PROPERTY_TAGS):
            x = parent  # x starts its wrapper: move the whole wrapper
            continue
        return x


def _split_before(p: etree._Element, x: etree._Element) -> list[etree._Element]:
    """Detach ``x`` and everything after it in ``p``; wrappers cut on the way are cloned.

    Returns the top-level nodes, in order, for the new paragraph.
    """
    parent = x.getparent()
    moving = [x, *x.itersiblings()]
    while parent is not p:
        if parent.tag not in _CLONEABLE:
            raise _CutError(parent.tag)
        clone = etree.Element(parent.tag, attrib=dict(parent.attrib))
        for child in parent:
            if isinstance(child.tag, str) and child.tag in _PROPERTY_TAGS:
                prop = copy.deepcopy(child)
                if prop.tag == W_SDTPR_:
                    for ident in prop.findall(W_ID):
                        prop.remove(ident)  # two controls must not share an id
                clone.append(prop)
        for node in moving:
            clone.append(node)
        after = list(parent.itersiblings())
        grand = parent.getparent()
        if all(isinstance(c.tag, str) and c.tag in _PROPERTY_TAGS for c in parent):
            remove_element(parent)  # nothing of it is left on this side
        moving = [clone, *after]
        parent = grand
    for node in moving:
        if node.getparent() is p:
            p.remove(node)
    return moving


def _cut(p: etree._Element, tokens: list[Token], b: int, limit: int) -> list[etree._Element]:
    """Detach the content of ``p`` from visible position ``b`` on (tokens at ``limit`` or later
    are already gone)."""
    x = None
    for tok in tokens:
        if tok.start >= limit:
            break
        if tok.end <= b or tok.start == tok.end:
            continue
        if tok.start < b:  # the cut falls inside this w:t: split the node
            t = tok.elem
            cur = t.text or ""
            off = b - tok.start
            tail = etree.Element(W_T)
            _set_text(tail, cur[off:])
            _set_text(t, cur[:off])
            t.addnext(tail)
            tok.end = b
            x = tail
        else:
            x = tok.elem
        break
    if x is None:
        return []
    return _split_before(p, _cut_point(p, x))


def _is_content(el: etree._Element) -> bool:
    return not (isinstance(el.tag, str) and el.tag == W_PPR)


def _render_identity(
    src: DocxSource,
    old: list[str],
    new: list[str],
    sources: list[int | None],
    in_table: list[bool],
    objects_of: list[tuple[str, ...]],
) -> str:
    """Rewrite ``document.xml`` for ``new`` texts whose origin ``sources`` names (see :func:`render_docx`)."""
    n, m = len(old), len(new)
    spans: list[tuple[int, int]] = src.spans or []
    # per old paragraph: its first and last output and how many (plain int lists: a long document
    # must not cost one object per paragraph)
    first_out = [-1] * n
    last_out = [-1] * n
    n_out = [0] * n
    for j, s in enumerate(sources):
        if s is not None:
            if first_out[s] < 0:
                first_out[s] = j
            last_out[s] = j
            n_out[s] += 1
    texts = list(new)
    for j, s in enumerate(sources):
        if s is None or texts[j] != old[s]:
            cleaned = clean_text(texts[j])
            if cleaned != texts[j]:
                removed = len(unsavable_chars(texts[j]))
                if removed:
                    log.warning("第 %d 段有 %d 个 .docx 不能保存的字符（控制字符等），已删除", j + 1, removed)
                texts[j] = cleaned

    frags = _Frags(src)
    frag = frags.__getitem__

    touched: set[int] = set()  # old paragraphs whose element changed
    out_el: dict[int, etree._Element] = {}  # outputs that are new elements (split parts, new paragraphs)

    def pinned(i: int) -> bool:
        return bool(src.last_in_cell[i]) or _SECTPR_IN.search(src.xml, *spans[i]) is not None

    # the output each absent paragraph would have been merged into: the one just before its place
    src_list = [s for s in sources if s is not None]
    pos_list = [j for j, s in enumerate(sources) if s is not None]
    absent = [d for d in range(n) if n_out[d] == 0]
    prev_out: dict[int, int] = {}
    candidates: dict[int, list[int]] = {}
    for d in absent:
        k = bisect.bisect_right(src_list, d)
        j = (pos_list[k] if k < len(pos_list) else m) - 1
        prev_out[d] = j
        if j >= 0 and old[d]:
            candidates.setdefault(j, []).append(d)

    def template(j: int) -> _Frag | None:
        for k in [*range(j - 1, -1, -1), *range(j + 1, m)]:
            sk = sources[k]
            if sk is not None:
                return frag(sk)
        return frag(0) if n else None

    # -- groups: contiguous runs of outputs and the old paragraphs whose content flows into them ------
    # A present source's group spans its first to its last output (new paragraphs typed between the
    # parts of a split included); a run of new paragraphs just before an absent paragraph's place is
    # a group when that paragraph may have been merged into it; any other output is a group of its own.
    bound_a: list[int] = []
    bound_e: list[int] = []
    j = 0
    while j < m:
        s = sources[j]
        if s is not None:
            e = last_out[s]
        else:
            e = j
            while e + 1 < m and sources[e + 1] is None and not candidates.get(e):
                e += 1
            if not candidates.get(e):
                e = j  # new paragraphs with nothing merged: each on its own
        bound_a.append(j)
        bound_e.append(e)
        j = e + 1

    def joined(outputs: Sequence[int]) -> str:
        return "".join(texts[k] for k in outputs)

    def resolve(g: _Group) -> _Group:
        """Decide which candidates were merged: those with some text found in the outputs, and those
        with only an object found there when that object is needed to explain the outputs, i.e. the
        diff ties more of them to the text with it than without (a paragraph keeps its own objects
        first; of several such candidates the first ones count as merged)."""
        if not g.cands:
            g.parts = list(g.present)
            return g
        order = sorted(g.present + g.cands)
        cand_set = set(g.cands)
        spans_d, pos, pieces = [], 0, []
        for p in order:
            if p in cand_set:
                spans_d.append((p, pos, pos + len(old[p])))
            pieces.append(old[p])
            pos += len(old[p])
        combined = "".join(pieces)
        by_text: set[int] = set()  # a character other than U+FFFC of theirs is in the outputs
        by_object: set[int] = set()  # only U+FFFC of theirs are
        for tag, i1, i2, _j1, _j2 in diff_opcodes(combined, joined(g.outputs)):
            if tag != "equal":
                continue
            for p, x, y in spans_d:
                lo, hi = max(x, i1), min(y, i2)
                if lo >= hi:
                    continue
                if any(ch != OBJECT_CHAR for ch in combined[lo:hi]):
                    by_text.add(p)
                else:
                    by_object.add(p)
        by_object -= by_text
        parts = [p for p in order if p not in cand_set or p in by_text]
        if by_object:
            target = joined(g.outputs)
            score = matched_chars(parts, target)
            for d in [p for p in order if p in by_object]:
                with_d = sorted([*parts, d])
                score_d = matched_chars(with_d, target)
                if score_d > score:  # its object is needed to explain the outputs
                    parts, score = with_d, score_d
        g.parts = parts
        return g

    def matched_chars(parts: Sequence[int], target: str) -> int:
        """How many characters of ``target`` the character diff ties to the text of ``parts``."""
        return sum(
            i2 - i1 for tag, i1, i2, _j1, _j2 in diff_opcodes("".join(old[p] for p in parts), target) if tag == "equal"
        )

    def group(idx: int) -> _Group:
        a, e = bound_a[idx], bound_e[idx]
        sa = sources[a]
        present = [sa] if sa is not None else []
        return resolve(_Group(list(range(a, e + 1)), present, candidates.get(e, []), lo=idx, hi=idx))

    def plain(idx: int) -> bool:
        """A paragraph kept as it was (checked without building a group: most of a long document)."""
        a, e = bound_a[idx], bound_e[idx]
        s = sources[a]
        return a == e and s is not None and e not in candidates and texts[a] == old[s]

    def join(x: _Group, y: _Group) -> _Group:
        return resolve(_Group(x.outputs + y.outputs, x.present + y.present, x.cands + y.cands, lo=x.lo, hi=y.hi))

    def untouched(g: _Group) -> bool:
        j = g.outputs[0]
        return len(g.outputs) == 1 and g.parts == [sources[j]] and texts[j] == old[g.parts[0]]

    def objects_placed(g: _Group) -> bool:
        if untouched(g):
            return True
        target = joined(g.outputs)
        if OBJECT_CHAR not in target:
            return True
        combined = "".join(old[p] for p in g.parts)
        matched = sum(
            target.count(OBJECT_CHAR, j1, j2)
            for tag, _i1, _i2, j1, j2 in diff_opcodes(combined, target)
            if tag == "equal"
        )
        return target.count(OBJECT_CHAR) == matched

    def unplaced_message(g: _Group, k: int) -> str:
        """Output ``k`` has a U+FFFC the writer can't tie to an object; name the objects ``g`` lost."""
        target = joined(g.outputs)
        owner: list[tuple[int, int]] = []  # per character of the old text: (paragraph, object number)
        for p in g.parts:
            nth = 0
            for ch in old[p]:
                owner.append((p, nth))
                nth += ch == OBJECT_CHAR
        combined = "".join(old[p] for p in g.parts)
        lost: list[str] = []
        for tag, i1, i2, _j1, _j2 in diff_opcodes(combined, target):
            if tag in ("delete", "replace"):
                for x in range(i1, i2):
                    if combined[x] == OBJECT_CHAR:
                        p, nth = owner[x]
                        kinds = objects_of[p] if p < len(objects_of) else ()
                        lost.append(_KIND_NAMES.get(kinds[nth] if nth < len(kinds) else "object", "对象"))
        if lost:
            what = "、".join(dict.fromkeys(lost))
            return (
                f"{_where(k, texts[k])}中的{what}无法放到修改后的位置（对象只能随文字拆分、合并或删除，"
                "不能移到别处或复制），为避免丢失内容，没有保存"
            )
        return (
            f"{_where(k, texts[k])}中的对象占位符“□”没有对应的图片或其他对象（对象不能复制、粘贴或新增），"
            "为避免内容与显示不符，没有保存"
        )

    # An object whose U+FFFC went to a neighbouring paragraph (a split part merged into the paragraph
    # before it, an image cut to the start of the next line) is placed by joining neighbouring groups,
    # alternately the next and the previous one; an object that still can't be placed refuses the save.
    regions: list[_Group] = []
    i = 0
    while i < len(bound_a):
        if plain(i):
            i += 1
            continue
        cur = start = group(i)
        i += 1
        joins = 0
        while not objects_placed(cur):
            forward = i < len(bound_a) and (joins % 2 == 0 or cur.lo == 0)
            if joins >= _MAX_JOINS or not (forward or cur.lo > 0):
                raise DocxRenderError(unplaced_message(cur, start.outputs[0]))
            if forward:
                cur = join(cur, group(i))
                i += 1
            elif regions and regions[-1].hi == cur.lo - 1:
                cur = join(regions.pop(), cur)
            else:
                cur = join(group(cur.lo - 1), cur)
            joins += 1
        regions.append(cur)

    merged: set[int] = set()
    for g in regions:
        if untouched(g):
            continue
        if not g.parts:
            for k in g.outputs:
                out_el[k] = _new_p(template(k), texts[k], src)
            continue
        first = g.outputs[0]
        who = _where(first, texts[first])
        s0 = g.parts[0]
        own = sources[first] == s0
        state = src.field_states[s0]
        if own:
            carrier = frag(s0).p
            touched.add(s0)
        else:
            carrier = out_el[first] = _new_p(template(first), "", src)
        for d in g.parts if not own else g.parts[1:]:
            for child in [c for c in frag(d).p if _is_content(c)]:
                carrier.append(child)
            touched.add(d)
            if n_out[d] == 0:
                merged.add(d)
        combined = "".join(old[p] for p in g.parts)
        target = joined(g.outputs)
        have, _ = tokenize(carrier, state)
        if have != combined:
            raise DocxRenderError(f"{who}与相邻段落合并时涉及跨段的域（如目录），无法保存")
        apply_text_edit(carrier, combined, target, state)
        if len(g.outputs) == 1:
            continue
        have, tokens = tokenize(carrier, state)
        if have != target:
            raise DocxRenderError(f"{who}：分段后的文字与预期不一致，为避免损坏文件，没有保存")
        starts, pos = [], 0
        for k in g.outputs:
            starts.append(pos)
            pos += len(texts[k])
        tails: list[list[etree._Element]] = []
        limit = len(target) + 1
        try:
            for b in reversed(starts[1:]):
                tails.append(_cut(carrier, tokens, b, limit))
                limit = b
        except _CutError:
            raise DocxRenderError(f"{who}：不能在域结果、公式或注音文字的中间分段，没有保存") from None
        tails.reverse()
        for k, nodes in zip(g.outputs[1:], tails):
            t = sources[k]
            if t is not None and first_out[t] == k:
                el = frag(t).p  # another paragraph's own element (its content is in the carrier now)
                touched.add(t)
            else:
                el = out_el[k] = _new_p(frag(t) if t is not None else template(k), "", src)
            for node in nodes:
                el.append(node)
        # a section break stays where the paragraph mark was: at the end of the paragraph's last part
        for t in {sk for sk in (sources[k] for k in g.outputs) if sk is not None}:
            if n_out[t] < 2:
                continue
            ppr = frag(t).p.find(W_PPR)
            sect = ppr.find(W_SECTPR) if ppr is not None else None
            if sect is not None:
                last_part = out_el[last_out[t]]
                lppr = last_part.find(W_PPR)
                if lppr is None:
                    lppr = etree.Element(W_PPR)
                    last_part.insert(0, lppr)
                lppr.append(sect)

    # -- parts made by Enter at a paragraph's end: Word's next style ------------------------------
    restyle: list[tuple[int, str]] = []
    for j, s in enumerate(sources):
        if isinstance(s, AfterEnd):
            nxt = src.style_next.get(_style_id(frag(s).p) or "")
            if nxt is not None:
                restyle.append((j, nxt))
    for j, nxt in restyle:
        s = sources[j]
        assert s is not None
        if first_out[s] == j:  # the paragraph's own element (what was before it went elsewhere)
            touched.add(s)
            _apply_next_style(frag(s).p, nxt, src, typed=False)
        elif j in out_el:
            _apply_next_style(out_el[j], nxt, src, typed=True)

    # -- paragraphs that are gone ----------------------------------------------------------------
    def element_of(j: int) -> etree._Element:
        s = sources[j]
        if s is not None and first_out[s] == j:
            touched.add(s)
            return frag(s).p
        return out_el[j]

    def anchored_in_table(j: int) -> bool:
        for k in [*range(j, -1, -1), *range(j + 1, m)]:
            if sources[k] is not None:
                return in_table[sources[k]]
        return False

    def move_section_break(d: int) -> bool:
        """Can removed paragraph ``d`` go although it ends a section?  Its section break moves to the
        output before it (where the section now ends); when nothing of its section is left (the
        output before it ends a section too, or there is none) the empty section goes with it."""
        j = prev_out[d]
        ppr = frag(d).p.find(W_PPR)
        sect = ppr.find(W_SECTPR) if ppr is not None else None
        if sect is None or src.last_in_cell[d] or in_table[d]:
            return False
        if j < 0:
            return True
        if anchored_in_table(j):
            return False
        target_p = element_of(j)
        tppr = target_p.find(W_PPR)
        if tppr is not None and tppr.find(W_SECTPR) is not None:
            return True
        if tppr is None:
            tppr = etree.Element(W_PPR)
            target_p.insert(0, tppr)
        change = tppr.find(W_PPRCHANGE)
        if change is not None:
            change.addprevious(sect)
        else:
            tppr.append(sect)
        return True

    # a paragraph that can't be removed (last of a table cell; carrying a section break that can't
    # move to the paragraph before it) is emptied instead
    kept_empty: set[int] = {d for d in absent if pinned(d) and not move_section_break(d)}
    if m == 0 and n and not kept_empty:
        kept_empty.add(0)  # a document keeps at least one paragraph
    gone = [d for d in absent if d not in merged and d not in kept_empty]
    gone_set = set(gone)
    for d in gone:
        if d - 1 in gone_set:
            continue
        e = d
        while e + 1 in gone_set:
            e += 1
        after = src.field_states[e + 1] if e + 1 < n else ()
        if src.field_states[d] != after:
            raise DocxRenderError(
                f"{_where(d, old[d], original=True)}属于跨段的域（如目录），不能只删除其中一部分，没有保存"
            )
    for d in sorted(kept_empty):
        if d not in merged:  # a merged one has already given its content away
            apply_text_edit(frag(d).p, old[d], "", src.field_states[d])
        touched.add(d)

    for d in gone:
        markers = _detach_markers(frag(d).p)
        if not markers:
            continue
        j = prev_out[d]
        if j >= 0:
            target_p = element_of(j)
            for mk in markers:
                target_p.append(mk)
        elif m:
            target_p = element_of(0)
            ppr = target_p.find(W_PPR)
            pos = (list(target_p).index(ppr) + 1) if ppr is not None else 0
            for off, mk in enumerate(markers):
                target_p.insert(pos + off, mk)
        # with no paragraph left at all the anchors go with the text they marked

    # -- splice -----------------------------------------------------------------------------------
    def render(j: int) -> str:
        s = sources[j]
        if s is not None and first_out[s] == j:
            a, b = spans[s]
            if s in touched:
                f = frag(s)
                # content that went away and came back (a region joined to place an object) keeps its bytes
                if etree.tostring(f.p, encoding="unicode", with_tail=False) != f.parsed:
                    return _serialize(f.p, f.start_tag)
            return src.xml[a:b]
        return _serialize(out_el[j], None)

    # each present paragraph's place receives its outputs and the new paragraphs after them
    firsts = [j for j, s in zip(pos_list, src_list) if first_out[s] == j]
    repl: dict[int, str] = {}
    for x, j in enumerate(firsts):
        s = src_list[bisect.bisect_left(pos_list, j)]
        end = firsts[x + 1] if x + 1 < len(firsts) else m
        if s in touched or end - j > 1:
            repl[s] = "".join(render(k) for k in range(j, end))
    lead = range(firsts[0] if firsts else m)
    for d in absent:
        if d in kept_empty:
            f = frag(d)
            repl[d] = _serialize(f.p, f.start_tag)
        else:
            repl[d] = ""
    lead_xml = "".join(render(j) for j in lead)
    if lead_xml and n:
        anchor = src_list[0] if src_list else 0
        a, b = spans[anchor]
        repl[anchor] = lead_xml + repl.get(anchor, src.xml[a:b])
        lead_xml = ""
    xml = src.xml
    pieces: list[str] = []
    cursor = 0
    for i in sorted(repl):
        a, b = spans[i]
        pieces.append(xml[cursor:a])
        pieces.append(repl[i])
        cursor = b
    pieces.append(xml[cursor:])
    out = "".join(pieces)
    if lead_xml:  # a document that had no paragraph at all
        pos = _body_insert_pos(out)
        out = out[:pos] + lead_xml + out[pos:]
    return out


def _style_id(p: etree._Element) -> str | None:
    """The ``w:pStyle`` of paragraph ``p`` (None: the default paragraph style)."""
    ppr = p.find(W_PPR)
    ps = ppr.find(W_PSTYLE) if ppr is not None else None
    return ps.get(W_VAL) if ps is not None else None


#: Run children of plain typed text (a run holding anything else keeps its formatting).
_TEXT_RUN_CHILDREN = frozenset({W_RPR, W_T, W_TAB, W_BR})


def _apply_next_style(p: etree._Element, style_id: str, src: DocxSource, typed: bool) -> None:
    """Format ``p`` as the paragraph Word makes on Enter at a paragraph's end whose style's
    ``w:next`` is ``style_id``: a ``w:pPr`` with only that style (none when it is the default
    style) and the section break ``p`` carries, if any; with ``typed`` (a new element holding
    typed text), its plain text runs lose their direct formatting too."""
    old = p.find(W_PPR)
    ppr = p.makeelement(W_PPR, {})
    if style_id != src.default_style:
        ps = etree.SubElement(ppr, W_PSTYLE)
        ps.set(W_VAL, style_id)
    if old is not None:
        sect = old.find(W_SECTPR)
        if sect is not None:
            ppr.append(sect)
        p.replace(old, ppr)
    else:
        p.insert(0, ppr)
    if len(ppr) == 0:
        p.remove(ppr)
    if typed:
        for r in p.iter(W_R):
            rpr = r.find(W_RPR)
            if rpr is not None and all(c.tag in _TEXT_RUN_CHILDREN for c in r):
                r.remove(rpr)


# -- in-paragraph editing ------------------------------------------------------------------------------


def _pieces(s: str) -> list[str]:
    """Split inserted text into plain-text pieces and single "\\t"/"\\n" atoms (objects dropped)."""
    s = clean_text(s).replace(OBJECT_CHAR, "")
    return [x for x in re.split(r"([\t\n])", s) if x]


def _set_text(t: etree._Element, text: str) -> None:
    t.text = text
    if text and (text[0].isspace() or text[-1].isspace() or "  " in text):
        t.set(XML_SPACE, "preserve")


def _make_nodes(pieces: list[str]) -> list[etree._Element]:
    nodes = []
    for piece in pieces:
        if piece == "\t":
            nodes.append(etree.Element(W_TAB))
        elif piece == "\n":
            nodes.append(etree.Element(W_BR))
        else:
            t = etree.Element(W_T)
            _set_text(t, piece)
            nodes.append(t)
    return nodes


def remove_element(el: etree._Element) -> None:
    """Remove ``el`` from its parent, keeping the text that follows it (its tail)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _insert_nodes_at(parent: etree._Element, index: int, nodes: list[etree._Element]) -> None:
    for k, node in enumerate(nodes):
        parent.insert(index + k, node)


def apply_text_edit(p: etree._Element, old_text: str, new_text: str, field_state: tuple = ()) -> None:
    """Change the visible text of ``p`` from ``old_text`` to ``new_text`` in place."""
    text, tokens = tokenize(p, field_state)
    if text != old_text:
        raise DocxRenderError("文档内容与读取时不一致，为避免损坏文件，已放弃保存")
    if text == new_text:
        return
    starts = [t.start for t in tokens]
    emptied: list[etree._Element] = []
    ops = diff_opcodes(text, new_text)
    for tag, i1, i2, j1, j2 in reversed(ops):
        if tag == "equal":
            continue
        anchor: tuple[Token, int] | None = None
        if tag == "replace":
            tok = _text_token_at(tokens, starts, i1)
            if tok is not None:
                anchor = (tok, i1 - tok.start)
        if tag in ("delete", "replace"):
            _delete_range(tokens, starts, i1, i2, emptied)
        if tag in ("insert", "replace"):
            pieces = _pieces(new_text[j1:j2])
            if pieces:
                _insert(p, tokens, starts, i1, pieces, anchor, i2)
    for t in emptied:
        if not t.text and t.getparent() is not None:
            remove_element(t)


def _text_token_at(tokens: list[Token], starts: list[int], pos: int) -> Token | None:
    k = bisect.bisect_right(starts, pos) - 1
    while k >= 0:
        tok = tokens[k]
        if tok.is_text and tok.start <= pos < tok.end:
            return tok
        if tok.end <= pos and tok.end != tok.start:
            return None
        k -= 1
    return None


def _delete_range(tokens: list[Token], starts: list[int], i1: int, i2: int, emptied: list) -> None:
    k = bisect.bisect_right(starts, i1) - 1
    k = max(k, 0)
    while k > 0 and tokens[k - 1].end > i1:
        k -= 1
    for tok in tokens[k:]:
        if tok.start >= i2:
            break
        if tok.end <= i1 or tok.start == tok.end:
            continue
        if tok.is_text:
            t = tok.elem
            cur = t.text or ""
            a = max(i1, tok.start) - tok.start
            b = min(i2, tok.end) - tok.start
            _set_text(t, cur[:a] + cur[b:])
            if not t.text:
                emptied.append(t)
        else:
            remove_element(tok.elem)
            tok.alive = False


def _choose(left: Token | None, right: Token | None) -> tuple[Token, bool] | None:
    """The boundary rule: (token, at_end) where inserted text goes; see module doc."""
    if left is None and right is None:
        return None
    if left is None:
        return (right, False) if right is not None else None
    if right is None:
        return left, True
    if left.ctx == right.ctx:
        if left.is_text or not right.is_text:
            return left, True
        return right, False
    if right.special < left.special:
        return right, False
    return left, True


def _insert(
    p: etree._Element,
    tokens: list[Token],
    starts: list[int],
    pos: int,
    pieces: list[str],
    anchor: tuple[Token, int] | None,
    pos_right: int | None = None,
) -> None:
    """Insert ``pieces`` at ``pos``; ``pos_right`` is where the right neighbour starts
    (old coordinates, after a deletion of ``[pos, pos_right)``)."""
    if pos_right is None:
        pos_right = pos
    if anchor is None and pos_right == pos:
        inside = _text_token_at(tokens, starts, pos)
        if inside is not None and inside.start < pos:
            anchor = (inside, pos - inside.start)
    if anchor is None:
        left = right = None
        k = bisect.bisect_left(starts, pos) - 1
        while k >= 0:
            tok = tokens[k]
            if tok.alive and tok.end <= pos and tok.end > tok.start:
                left = tok if tok.end == pos else None
                break
            k -= 1
        k = bisect.bisect_left(starts, pos_right)
        cut = tokens[k - 1] if k > 0 else None
        if cut is not None and cut.alive and cut.start < pos_right < cut.end:
            right = cut  # the deletion trimmed the start of this w:t: what is left of it follows
        while right is None and k < len(tokens):
            tok = tokens[k]
            if tok.start > pos_right:
                break
            if tok.alive:
                right = tok
                break
            k += 1
        choice = _choose(left, right)
        if choice is None:
            _insert_without_tokens(p, pieces)
            return
        tok, at_end = choice
        if not tok.is_text:
            _insert_next_to(tok.elem, pieces, after=at_end)
            return
        # a left token's text before ``pos`` is untouched (edits run right to left)
        anchor = (tok, pos - tok.start if at_end else 0)
    tok, off = anchor
    t = tok.elem
    cur = t.text or ""
    if len(pieces) == 1 and pieces[0] not in ("\t", "\n"):
        _set_text(t, cur[:off] + pieces[0] + cur[off:])
        return
    head, tail = cur[:off], cur[off:]
    first = 0
    if pieces[0] not in ("\t", "\n"):
        head += pieces[0]
        first = 1
    nodes = _make_nodes(pieces[first:])
    if tail:
        if nodes and nodes[-1].tag == W_T:
            _set_text(nodes[-1], (nodes[-1].text or "") + tail)
        else:
            tt = etree.Element(W_T)
            _set_text(tt, tail)
            nodes.append(tt)
    _set_text(t, head)
    parent = t.getparent()
    _insert_nodes_at(parent, parent.index(t) + 1, nodes)


def _insert_next_to(el: etree._Element, pieces: list[str], after: bool) -> None:
    parent = el.getparent()
    nodes = _make_nodes(pieces)
    if parent.tag == W_R:
        _insert_nodes_at(parent, parent.index(el) + (1 if after else 0), nodes)
        return
    # object outside a run (e.g. math at paragraph level): needs a run of its own
    run = etree.Element(W_R)
    near = next(iter(parent.iter(W_R)), None)
    rpr = _clean_rpr(near.find(W_RPR)) if near is not None else None
    if rpr is not None:
        run.append(rpr)
    for node in nodes:
        run.append(node)
    parent.insert(parent.index(el) + (1 if after else 0), run)


def _insert_without_tokens(p: etree._Element, pieces: list[str]) -> None:
    runs = [c for c in p if c.tag == W_R]
    if runs:
        run = runs[-1]
    else:
        run = etree.SubElement(p, W_R)
        ppr = p.find(W_PPR)
        rpr = _clean_rpr(ppr.find(W_RPR)) if ppr is not None else None
        if rpr is not None:
            run.append(rpr)
    for node in _make_nodes(pieces):
        run.append(node)
