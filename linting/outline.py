"""The outline: which paragraphs are headings, at what level, and the numbering checks.

One pass over the cached per-paragraph facts builds the heading tree the way a
reader sees it: numbering restarts under each new parent; a new numbering style
opens a child level; the style's rank in the GB/T 9704 chain
(``一、`` → ``（一）`` → ``1.`` → ``（1）`` → ``①``) decides where it goes when
no outline level comes from the file.  The same pass records the numbering
problems (skip, duplicate, order, mixed style, level jump, marker punctuation),
which the heading rules report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import messages as msg
from .analysis import Heading, ParagraphFacts
from .markers import GB_CHAIN, STYLES, Marker, render_marker
from .model import Paragraph

#: A numbered line ending like a sentence (``（二）…合计7万元；``) is a list item, not a heading.
_ITEM_END = ("。", "；", ";", "，", ",")

#: Renumbering fixes of one outline may touch at most this many headings in total, so that
#: thousands of identical headings cost linear time, not one fix per slip over all the rest.
RENUMBER_BUDGET = 5000

#: From this rank down (``1.`` ``（1）`` ``①``) numbers are list items: a list may restart at 1.
_LIST_RANK = 60


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    """One line of the outline panel / JSON ``outline`` list."""

    level: int
    number: str
    title: str
    paragraph: int
    style: str  # marker style id, "none" for an unnumbered heading


@dataclass(frozen=True, slots=True)
class RawIssue:
    """A numbering problem found while building the outline (turned into a Problem by a rule)."""

    rule: str
    paragraph: int
    start: int
    end: int
    message: str
    edits: tuple[tuple[int, int, int, str], ...] = ()  # (paragraph, start, end, replacement)
    safe: bool = False
    fix_description: str = ""
    #: What to show as the excerpt when the span is empty (an auto-number is not in the text).
    shown: str = ""


@dataclass(slots=True)
class _Level:
    style: str
    rank: int
    explicit: int | None
    last: int
    variant: str
    marker: Marker | None
    siblings: list[tuple[int, Marker]] = field(default_factory=list)
    #: After a duplicate, the next number may also be read as continuing from the
    #: slot the duplicate should have had: （一）（一）（三） is one slip, not two.
    alt_next: int = 0


@dataclass(slots=True)
class OutlineResult:
    entries: list[OutlineEntry]
    issues: list[RawIssue]
    #: paragraph index → number of siblings in its run (for count-mismatch on headings)
    run_length: dict[int, int]


def build_outline(paragraphs: list[Paragraph], facts: list[ParagraphFacts], title_index: int | None) -> OutlineResult:
    """Build the outline and collect numbering issues."""
    entries: list[OutlineEntry] = []
    issues: list[RawIssue] = []
    stack: list[_Level] = []
    runs: list[_Level] = []
    pending_fixes: list[tuple[_Level, int, RawIssue]] = []
    jumps_seen: set[tuple[str, str]] = set()
    unnumbered = _unnumbered_headings(paragraphs, facts, title_index)
    heading_paras = [
        i
        for i, f in enumerate(facts)
        if i != title_index and (f.heading is not None or i in unnumbered) and not _attachment_line(paragraphs, i)
    ]
    for pos, i in enumerate(heading_paras):
        f = facts[i]
        p = paragraphs[i]
        h = f.heading
        if h is None:
            h = Heading(None, True, p.text.strip(), 0, len(p.text), False)
        m = h.marker
        style = m.style if m else "none"
        explicit = p.outline_level if p.outline_level is not None and 1 <= p.outline_level <= 9 else None
        rank = STYLES[style].rank if style != "none" else 0
        text = p.text

        if m is not None and m.bad_punct:
            issues.append(_bad_punct_issue(i, text, m))

        idx = _find_same_style(stack, style, explicit)
        if idx is not None and m is not None and m.value == 1 and stack[idx].rank >= _LIST_RANK:
            # 1. 2. … then 1. again without a new parent: a second list, not a duplicate.
            del stack[idx:]
            lvl = _Level(style, rank, explicit, 1, m.variant, m)
            lvl.siblings.append((i, m))
            runs.append(lvl)
            stack.append(lvl)
        elif idx is not None and m is not None:
            del stack[idx + 1 :]
            lvl = stack[idx]
            _check_sibling(lvl, i, m, text, issues, pending_fixes)
        else:
            mixed_at = None
            if m is not None and m.value != 1:
                mixed_at = _find_mixed(stack, m, _next_marker(facts, paragraphs, heading_paras, pos))
            if mixed_at is not None:
                del stack[mixed_at + 1 :]
                lvl = stack[mixed_at]
                assert lvl.marker is not None and m is not None
                expected = render_marker(lvl.marker, m.value)
                edits = () if m.from_auto_number else ((i, m.start, m.end, expected),)
                issues.append(
                    RawIssue(
                        "heading-style-mixed",
                        i,
                        m.start,
                        m.end,
                        msg.heading_style_mixed(lvl.marker.shown, m.shown, expected),
                        edits,
                        True,
                        f"改为“{expected}”",
                        m.shown,
                    )
                )
                lvl.last = m.value
                lvl.alt_next = 0
                lvl.siblings.append((i, m))
            else:
                while stack and _should_pop(stack[-1], rank, explicit, style):
                    stack.pop()
                parent = stack[-1] if stack else None
                lvl = _Level(style, rank, explicit, m.value if m else 0, m.variant if m else "", m)
                if m is not None:
                    lvl.siblings.append((i, m))
                    runs.append(lvl)
                    if m.value != 1:
                        first = render_marker(m, 1)
                        edits = () if m.from_auto_number else ((i, m.start, m.end, first),)
                        issues.append(
                            RawIssue(
                                "heading-skip",
                                i,
                                m.start,
                                m.end,
                                msg.heading_first_not_one(
                                    m.shown, first, parent.marker.shown if parent and parent.marker else None
                                ),
                                edits,
                                False,
                                f"改为“{first}”",
                                m.shown,
                            )
                        )
                    _check_level_jump(parent, lvl, i, m, explicit, issues, jumps_seen)
                stack.append(lvl)
        if h.standalone and h.ends_with_period and _heading_level_for_period(style, explicit):
            nxt = _next_nonempty(paragraphs, i)
            nxt_f = facts[nxt] if nxt is not None else None
            same_style_next = (
                nxt_f is not None
                and nxt_f.heading is not None
                and nxt_f.heading.marker is not None
                and nxt_f.heading.marker.style == style
            )
            prv = _prev_nonempty(paragraphs, i)
            prv_f = facts[prv] if prv is not None else None
            same_style_prev = (
                prv_f is not None
                and prv_f.heading is not None
                and prv_f.heading.marker is not None
                and prv_f.heading.marker.style == style
                and prv_f.heading.standalone
                and prv_f.heading.title.rstrip()[-1:] in _ITEM_END
            )
            # A run of one-sentence numbered items is a list, not headings; the last
            # paragraph of a document is not a heading either.
            if nxt is not None and not same_style_next and not same_style_prev:
                dot = h.title_end - 1
                issues.append(
                    RawIssue(
                        "heading-punctuation",
                        i,
                        dot,
                        dot + 1,
                        msg.heading_period(),
                        ((i, dot, dot + 1, ""),),
                        True,
                        "删去句号",
                    )
                )
        number = m.shown if m else ""
        entries.append(OutlineEntry(len(stack), number, _short_title(h.title), i, style))
    run_length: dict[int, int] = {}
    for lvl in runs:
        for i, _m in lvl.siblings:
            run_length[i] = len(lvl.siblings)
    budget = RENUMBER_BUDGET
    for lvl, sib_index, issue in pending_fixes:
        cost = len(lvl.siblings) - sib_index
        if cost > budget:  # thousands of slips (a hostile file): report them, offer no renumbering
            issues.append(issue)
            continue
        budget -= cost
        issues.append(_with_renumber(issue, lvl, sib_index))
    issues.sort(key=lambda r: (r.paragraph, r.start, r.rule))
    return OutlineResult(entries, issues, run_length)


_ATTACHMENT = ("附件：", "附件:", "附件 ")


def _attachment_line(paragraphs: list[Paragraph], i: int) -> bool:
    """``附件：1.×××`` then ``2.×××``: the attachment list after the body is not a heading run."""
    t = paragraphs[i].text.lstrip(" \t\u3000")
    if t.startswith(_ATTACHMENT):
        return True
    for j in range(i - 1, max(-1, i - 30), -1):
        prev = paragraphs[j].text.lstrip(" \t\u3000")
        if not prev:
            continue
        if prev.startswith(_ATTACHMENT):
            return True
        if not prev[:1].isdigit():
            return False
    return False


def _short_title(title: str, limit: int = 40) -> str:
    title = title.strip()
    return title if len(title) <= limit else title[: limit - 1] + "…"


def _find_same_style(stack: list[_Level], style: str, explicit: int | None) -> int | None:
    for j in range(len(stack) - 1, -1, -1):
        lvl = stack[j]
        if lvl.style == style:
            if style == "none" and lvl.explicit != explicit:
                continue
            return j
        if explicit is not None and lvl.explicit is not None and lvl.explicit < explicit:
            # A shallower explicit heading bounds the search: don't jump above the parent.
            return None
    return None


def _find_mixed(stack: list[_Level], m: Marker, nxt: Marker | None) -> int | None:
    """The level whose sequence ``m`` continues in a different style, if any."""
    if nxt is not None and nxt.style == m.style and nxt.value == m.value + 1:
        return None  # the new style goes on: a new list, not a slip
    for j in range(len(stack) - 1, -1, -1):
        lvl = stack[j]
        if lvl.style == "none" or lvl.marker is None:
            continue
        if (lvl.last + 1 == m.value or lvl.alt_next == m.value) and _comparable(lvl.style, m.style):
            return j
    return None


def _comparable(a: str, b: str) -> bool:
    """Styles a writer could confuse for one another at the same level."""
    if a == b:
        return False
    group = set(GB_CHAIN) | {"multi2", "multi3"}
    return a in group and b in group


def _should_pop(top: _Level, rank: int, explicit: int | None, style: str) -> bool:
    if explicit is not None:
        if top.explicit is not None:
            return top.explicit >= explicit
        return True
    if style == "none":
        return True
    if top.style == "none" or top.explicit is not None:
        return False
    return top.rank >= rank


def _check_sibling(
    lvl: _Level, i: int, m: Marker, text: str, issues: list[RawIssue], pending: list[tuple[_Level, int, RawIssue]]
) -> None:
    prev = lvl.marker
    assert prev is not None
    expected_value = lvl.last + 1
    alt = lvl.alt_next
    lvl.alt_next = 0
    if m.value == expected_value or (alt and m.value == alt):
        pass
    elif m.value == lvl.last:
        lvl.alt_next = lvl.last + 2
        expected = render_marker(prev, expected_value)
        issue = RawIssue(
            "heading-duplicate", i, m.start, m.end, msg.heading_duplicate(m.shown, expected), shown=m.shown
        )
        pending.append((lvl, len(lvl.siblings), issue))
    elif m.value > expected_value:
        expected = render_marker(prev, expected_value)
        issue = RawIssue(
            "heading-skip", i, m.start, m.end, msg.heading_skip(prev.shown, expected, m.shown), shown=m.shown
        )
        pending.append((lvl, len(lvl.siblings), issue))
    else:
        expected = render_marker(prev, expected_value)
        issues.append(
            RawIssue(
                "heading-order", i, m.start, m.end, msg.heading_order(prev.shown, m.shown, expected), shown=m.shown
            )
        )
    if m.variant != lvl.variant and m.style == "arabic" and _variant_class(m.variant) != _variant_class(lvl.variant):
        want = render_marker(m, m.value)
        want = want[: len(want) - 1] + (lvl.variant or ".") if want and want[-1] in ".．、" else want
        edits = () if m.from_auto_number else ((i, m.start, m.end, want),)
        issues.append(
            RawIssue(
                "heading-style-mixed",
                i,
                m.start,
                m.end,
                msg.heading_variant_mixed(prev.shown, m.shown, want),
                edits,
                True,
                f"改为“{want}”",
            )
        )
    if m.style == "arabic-paren" and (m.variant == "enclosed") != (lvl.variant == "enclosed"):
        want = render_marker(Marker(m.style, m.value, lvl.variant, prev.shown, 0, 0), m.value)
        edits = () if m.from_auto_number else ((i, m.start, m.end, want),)
        issues.append(
            RawIssue(
                "heading-style-mixed",
                i,
                m.start,
                m.end,
                msg.heading_variant_mixed(prev.shown, m.shown, want),
                edits,
                True,
                f"改为“{want}”",
            )
        )
    lvl.last = m.value
    lvl.marker = m
    lvl.siblings.append((i, m))


def _variant_class(v: str) -> str:
    return "dun" if v == "、" else "dot"


def _with_renumber(issue: RawIssue, lvl: _Level, sib_index: int) -> RawIssue:
    """Attach a fix that renumbers this sibling and the ones after it in the same run."""
    sibs = lvl.siblings
    if sib_index == 0 or sib_index >= len(sibs):
        return issue
    value = sibs[sib_index - 1][1].value
    edits = []
    for para, m in sibs[sib_index:]:
        value += 1
        if m.value != value:
            if m.from_auto_number:
                return issue  # Word numbers it; the user must fix the list in Word
            edits.append((para, m.start, m.end, render_marker(m, value)))
    if not edits:
        return issue
    desc = "重新编号本级其后的序号" if len(edits) > 1 else f"改为“{edits[0][3]}”"
    return RawIssue(
        issue.rule, issue.paragraph, issue.start, issue.end, issue.message, tuple(edits), False, desc, issue.shown
    )


def _check_level_jump(
    parent: _Level | None,
    lvl: _Level,
    i: int,
    m: Marker,
    explicit: int | None,
    issues: list[RawIssue],
    seen: set[tuple[str, str]],
) -> None:
    """Report a skipped level once per pair of styles: the writer's scheme, not a slip each time."""
    if parent is None or (parent.style, lvl.style) in seen:
        return
    seen.add((parent.style, lvl.style))
    if explicit is not None and parent.explicit is not None:
        if explicit > parent.explicit + 1:
            issues.append(
                RawIssue(
                    "heading-level-jump", i, m.start, m.end, msg.heading_level_jump_explicit(parent.explicit, explicit)
                )
            )
        return
    if parent.style in GB_CHAIN and lvl.style in GB_CHAIN:
        gap = GB_CHAIN.index(lvl.style) - GB_CHAIN.index(parent.style)
        if gap > 1:
            missing = STYLES[GB_CHAIN[GB_CHAIN.index(parent.style) + 1]].label
            issues.append(
                RawIssue(
                    "heading-level-jump",
                    i,
                    m.start,
                    m.end,
                    msg.heading_level_jump(parent.marker.shown if parent.marker else "", m.shown, missing),
                )
            )


def _bad_punct_issue(i: int, text: str, m: Marker) -> RawIssue:
    if m.style == "cn":
        start = m.bad_punct_start
        return RawIssue(
            "heading-punctuation",
            i,
            m.start,
            m.end,
            msg.heading_marker_punct(m.shown, m.shown[:-1] + "、"),
            ((i, start, start + 1, "、"),),
            True,
            "改为顿号“、”",
        )
    start = m.bad_punct_start
    return RawIssue(
        "heading-punctuation",
        i,
        m.start,
        start + 1,
        msg.heading_marker_punct(text[m.start : start + 1], m.shown),
        ((i, start, start + 1, ""),),
        True,
        f"删去“{m.bad_punct}”",
    )


def _heading_level_for_period(style: str, explicit: int | None) -> bool:
    if explicit is not None:
        return explicit <= 2
    return style in ("part", "chapter", "section", "cn", "cn-paren", "none")


def _next_nonempty(paragraphs: list[Paragraph], i: int) -> int | None:
    for j in range(i + 1, min(len(paragraphs), i + 50)):
        if paragraphs[j].text.strip():
            return j
    return None


def _prev_nonempty(paragraphs: list[Paragraph], i: int) -> int | None:
    for j in range(i - 1, max(-1, i - 50), -1):
        if paragraphs[j].text.strip():
            return j
    return None


def _next_marker(
    facts: list[ParagraphFacts], paragraphs: list[Paragraph], heading_paras: list[int], pos: int
) -> Marker | None:
    for k in range(pos + 1, min(len(heading_paras), pos + 3)):
        h = facts[heading_paras[k]].heading
        if h is not None and h.marker is not None:
            return h.marker
    return None


def _unnumbered_headings(paragraphs: list[Paragraph], facts: list[ParagraphFacts], title_index: int | None) -> set[int]:
    """Short standalone lines used as headings in plain text (seed doc08's style).

    Only where the file gives no style information and the text has no
    ``一、``/``第X章`` level of its own, and only between real body paragraphs.
    """
    if any(p.outline_level is not None for p in paragraphs):
        return set()
    for f in facts:
        if (
            f.heading is not None
            and f.heading.marker is not None
            and f.heading.marker.style in ("cn", "part", "chapter", "section")
        ):
            return set()
    out = set()
    n = len(paragraphs)
    for i, f in enumerate(facts):
        if not f.short_line or i == title_index or f.length < 4 or paragraphs[i].in_table:
            continue
        prev = next((j for j in range(i - 1, -1, -1) if facts[j].length), None)
        nxt = next((j for j in range(i + 1, n) if facts[j].length), None)
        if prev is None or nxt is None or prev == title_index:
            continue
        if facts[prev].length < 40 or facts[prev].heading is not None:
            continue
        nf = facts[nxt]
        if not (
            nf.length >= 40
            or (nf.heading is not None and nf.heading.marker is not None and nf.heading.marker.value == 1)
        ):
            continue
        if _looks_like_signature(paragraphs[i].text):
            continue
        out.add(i)
    return out


def _looks_like_signature(text: str) -> bool:
    import re

    t = text.strip()
    if re.search(r"\d{4}\s*年\s*\d{1,2}\s*月|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$", t):
        return True
    if re.search(r"(特此|此致|敬礼|附件)", t):
        return True
    return bool(re.search(r"(局|委|会|办|院|部|厅|处|室|社区|中心|公司|政府|学校|大学|支部|党委)$", t))
