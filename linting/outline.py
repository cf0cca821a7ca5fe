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

import re
from dataclasses import dataclass, field

from . import messages as msg
from . import rule_ids
from .analysis import Heading, ParagraphFacts, quoted_paragraphs
from .markers import GB_CHAIN, STYLES, Marker, render_marker
from .model import Applicability, Edit, Finding, Paragraph, check_rule_ids
from .numerals import parse_arabic, parse_cn
from .vocabulary import VOCABULARY, alternation

#: A numbered line ending like a sentence (``（二）…合计7万元；``) is a list item, not a heading.
_ITEM_END = ("。", "；", ";", "，", ",")

#: Renumbering fixes of one outline may touch at most this many headings in total, so that
#: thousands of identical headings cost linear time, not one fix per slip over all the rest.
RENUMBER_BUDGET = 5000

#: From this rank down (``1.`` ``（1）`` ``①``) numbers are list items: a list may restart at 1.
_LIST_RANK = 60
#: An attachment list (附件：1.… 2.…) is recognised up to this many paragraphs after its 附件 line.
ATTACHMENT_LIST_REACH = 30
#: A line that starts an attachment or glossary (附件1 / 附件：…表 / 名词解释) has at most this many characters.
PART_START_MAX = 48
#: Headings shown in messages are cut to this many characters.
SHORT_TITLE_CHARS = 40
#: The next/previous non-empty paragraph is looked for at most this far away.
NEIGHBOUR_REACH = 50
#: The paragraphs around an unnumbered heading are body text: at least this many characters.
BODY_PARAGRAPH_MIN = 40
#: A heading found after a soft line break keeps at most this many characters as its title.
INNER_TITLE_CHARS = 20

#: The rule ids this pass may emit (each reported by exactly one rule in ``rules/headings.py``,
#: which checks it at registration); a finding with any other id is refused, so a typo fails
#: loudly instead of silently dropping findings.
RULE_IDS: frozenset[str] = rule_ids.OUTLINE


@dataclass(frozen=True, slots=True)
class OutlineEntry:
    """One line of the outline panel / JSON ``outline`` list."""

    level: int
    number: str
    title: str
    paragraph: int
    style: str  # marker style id, "none" for an unnumbered heading


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
    #: The numbering findings (``rule`` and ``paragraph`` set), reported by ``rules/headings.py``.
    issues: list[Finding]
    #: paragraph index → number of siblings in its run (for count-mismatch on headings)
    run_length: dict[int, int]


def build_outline(paragraphs: list[Paragraph], facts: list[ParagraphFacts], title_index: int | None) -> OutlineResult:
    """Build the outline and collect numbering issues."""
    entries: list[OutlineEntry] = []
    issues: list[Finding] = []
    stack: list[_Level] = []
    runs: list[_Level] = []
    pending_fixes: list[tuple[_Level, int, Finding]] = []
    jumps_seen: set[tuple[str, str]] = set()
    unnumbered = _unnumbered_headings(paragraphs, facts, title_index)
    excess = [f.quotes for f in facts]
    quoted = quoted_paragraphs([p.text for p in paragraphs], excess) if any(q[0] for q in excess) else set()
    heading_paras = [
        i
        for i, f in enumerate(facts)
        if i != title_index
        and (f.heading is not None or i in unnumbered)
        and i not in quoted  # numbered lines inside a quotation that spans paragraphs
        and not _attachment_line(paragraphs, i)
    ]
    items = _heading_items(paragraphs, facts, heading_paras)
    roots = _part_starts(paragraphs, title_index)
    next_root = 0
    #: The body's open levels when an attachment root began (restored if the body goes on).
    body_stack: list[_Level] = []
    body_runs: dict[tuple[str, str], _Level] = {}
    #: (style, parent style) → the last run of that style: learns restart vs continuous numbering.
    last_runs: dict[tuple[str, str], _Level] = {}
    restarts: dict[str, int] = {}
    colon_issues: list[Finding] = []
    dot_items = 0
    carries: dict[str, list[Finding]] = {}
    period_candidates: list[tuple[str, Finding]] = []
    period_counts: dict[str, list[int]] = {}
    for pos, (i, h) in enumerate(items):
        p = paragraphs[i]
        m = h.marker
        if next_root < len(roots) and roots[next_root] <= i:
            # 附件1 / 名词解释 after the body: a new outline root, numbering starts again.
            while next_root < len(roots) and roots[next_root] <= i:
                next_root += 1
            if stack:
                body_stack, body_runs = list(stack), dict(last_runs)
            stack.clear()
            last_runs.clear()
        if body_stack and m is not None and not any(lvl.style == m.style for lvl in stack):
            # The body goes on after an attachment line inside it (第二章 ends with 附件：…, then 第三章):
            # a heading continuing an open series of the body returns to the body's hierarchy.
            k = next((j for j, lvl in enumerate(body_stack) if lvl.style == m.style and lvl.last + 1 == m.value), None)
            if k is not None:
                stack[:] = body_stack[: k + 1]
                last_runs.clear()
                last_runs.update(body_runs)
                body_stack = []
        style = m.style if m else "none"
        explicit = p.outline_level if p.outline_level is not None and 1 <= p.outline_level <= 9 else None
        rank = STYLES[style].rank if style != "none" else 0
        text = p.text

        if m is not None and m.bad_punct:
            (colon_issues if m.style == "arabic" and m.bad_punct in "：:" else issues).append(
                _bad_punct_issue(i, text, m)
            )
        if m is not None and m.style == "arabic" and not m.bad_punct:
            dot_items += 1

        idx = _find_same_style(stack, style, explicit, m.value if m else None)
        if idx is not None and m is not None and m.value != stack[idx].last + 1:
            # 1、2、 … 主要措施：1、2、3、4、 then 3、: the outer list resumes after a sub-list.
            for j in range(idx - 1, -1, -1):
                if stack[j].style == style and stack[j].last + 1 == m.value:
                    idx = j
                    break
        intro = m is not None and m.value == 1 and _after_intro(paragraphs, facts, i)
        if idx is not None and intro and m is not None and not m.from_auto_number:
            # 现就…安排如下： then 一、二、 again: a list introduced by a colon nests under the current item.
            lvl = _Level(style, rank, explicit, 1, m.variant, m)
            lvl.siblings.append((i, m))
            runs.append(lvl)
            stack.append(lvl)
        elif idx is not None and m is not None and m.value == 1 and stack[idx].rank >= _LIST_RANK:
            # 1. 2. … then 1. again without a new parent: a second list, not a duplicate.
            del stack[idx:]
            lvl = _Level(style, rank, explicit, 1, m.variant, m)
            lvl.siblings.append((i, m))
            runs.append(lvl)
            stack.append(lvl)
        elif idx is not None and m is not None:
            del stack[idx + 1 :]
            lvl = stack[idx]
            if lvl.explicit is None and explicit is not None:
                # 第三条 (正文) then 第四条 (标题2): the series takes the outline level some of its items
                # carry, so a styled sub-list under one item does not close the series.
                lvl.explicit = explicit
            _check_sibling(lvl, i, m, issues, pending_fixes)
        else:
            mixed_at = None
            if m is not None and m.value != 1:
                mixed_at = _find_mixed(stack, m, _next_marker(items, pos))
            if mixed_at is not None:
                del stack[mixed_at + 1 :]
                lvl = stack[mixed_at]
                assert lvl.marker is not None and m is not None
                expected = render_marker(lvl.marker, m.value)
                edits = () if m.from_auto_number else (Edit(i, m.start, m.end, expected),)
                issues.append(
                    Finding(
                        m.start,
                        m.end,
                        msg.heading_style_mixed(lvl.marker.shown, m.shown, expected),
                        edits,
                        Applicability.SAFE,
                        msg.fix_replace(expected),
                        rule="heading-style-mixed",
                        paragraph=i,
                        shown=m.shown,
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
                    run_key = (style, parent.style if parent else "")
                    before = last_runs.get(run_key)
                    last_runs[run_key] = lvl
                    carried = False
                    if before is not None and parent is not None:
                        # The document's own convention: （一）…（五） under 一、 then （六） under 二、
                        # is continuous numbering when the document does so at every parent change.
                        # (After a duplicate, the slot the duplicate should have had also counts:
                        # 第五条 第五条 | 第四章 第七条 is one slip, not two.)
                        if m.value != 1 and (m.value == before.last + 1 or m.value == before.alt_next):
                            carried = True
                        elif m.value == 1:
                            restarts[style] = restarts.get(style, 0) + 1
                    if m.value != 1:
                        first = render_marker(m, 1)
                        edits = () if m.from_auto_number else (Edit(i, m.start, m.end, first),)
                        (carries.setdefault(style, []) if carried else issues).append(
                            Finding(
                                m.start,
                                m.end,
                                msg.heading_first_not_one(
                                    m.shown, first, parent.marker.shown if parent and parent.marker else None
                                ),
                                edits,
                                Applicability.UNSAFE,
                                msg.fix_replace(first),
                                rule="heading-skip",
                                paragraph=i,
                                shown=m.shown,
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
                and (
                    (prv_f.heading.standalone and prv_f.heading.title.rstrip()[-1:] in _ITEM_END)
                    or (
                        not prv_f.heading.standalone
                        and prv is not None
                        and paragraphs[prv].text.rstrip()[-1:] in _ITEM_END
                    )
                )
            )
            # A run of one-sentence numbered items is a list, not headings; the last
            # paragraph of a document is not a heading either.
            if nxt is not None and not same_style_next and not same_style_prev:
                dot = h.title_end - 1
                period_candidates.append(
                    (
                        style,
                        Finding(
                            dot,
                            dot + 1,
                            msg.heading_period(),
                            (Edit(i, dot, dot + 1, ""),),
                            Applicability.SAFE,
                            msg.FIX_DELETE_PERIOD,
                            rule="heading-punctuation",
                            paragraph=i,
                        ),
                    )
                )
        if h.standalone and _heading_level_for_period(style, explicit):
            period_counts.setdefault(style, [0, 0])[1 if h.ends_with_period else 0] += 1
        number = m.shown if m else ""
        entries.append(OutlineEntry(len(stack), number, _short_title(h.title), i, style))
    issues.extend(_stray_outline_levels(runs, paragraphs))
    if dot_items:
        issues.extend(colon_issues)  # 2： among 1. 3. items; a document written 1：2：3： throughout is its habit
    for style, carried_issues in carries.items():
        if style == "article":
            continue  # 第X条 are numbered through the whole regulation, across 第X章
        # Two parent changes that both continue, or one that carries a long numbering on (（八） under
        # 二、): the document numbers this level through; anything less is a number that fails to restart.
        long_run = any(r.shown and _value_of(r.shown) >= 8 for r in carried_issues)
        if (len(carried_issues) < 2 and not long_run) or restarts.get(style, 0):
            issues.extend(carried_issues)  # no continuous habit: a number that fails to restart
    for style, issue in period_candidates:
        without, with_period = period_counts.get(style, [0, 0])
        # The document's own habit: when most headings of this level end in 。, the 。 is its style.
        # (Level 1 一、 stays strict; the variant is tolerated from （一） down.)
        if style in ("cn", "part", "chapter", "section", "none") or with_period < 2 or with_period < without:
            issues.append(issue)
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
    issues.sort(key=_position)
    check_rule_ids(issues, RULE_IDS, "outline pass")
    return OutlineResult(entries, issues, run_length)


def _position(f: Finding) -> tuple[int, int, str]:
    """Sort key of the pass's findings (``paragraph`` and ``rule`` are always set here)."""
    return (f.paragraph or 0, f.start, f.rule or "")


_ATTACHMENT = ("附件：", "附件:", "附件 ")


def _attachment_line(paragraphs: list[Paragraph], i: int) -> bool:
    """``附件：1.×××`` then ``2.×××``: the attachment list after the body is not a heading run."""
    t = paragraphs[i].text.lstrip(" \t\u3000")
    if t.startswith(_ATTACHMENT):
        return True
    for j in range(i - 1, max(-1, i - ATTACHMENT_LIST_REACH), -1):
        prev = paragraphs[j].text.lstrip(" \t\u3000")
        if not prev:
            continue
        if prev.startswith(_ATTACHMENT):
            return True
        if not prev[:1].isdigit():
            return False
    return False


def _short_title(title: str, limit: int = SHORT_TITLE_CHARS) -> str:
    title = title.strip()
    return title if len(title) <= limit else title[: limit - 1] + "…"


def _find_same_style(stack: list[_Level], style: str, explicit: int | None, value: int | None = None) -> int | None:
    """The open level ``style`` continues: same style, and the same Word outline level when both have one.

    When no level of the same outline level takes the number but one of another outline level does
    (一、标题1, 二、标题2, 三、标题1), the number series wins over the stray heading style.
    """
    exact: int | None = None
    for j in range(len(stack) - 1, -1, -1):
        lvl = stack[j]
        if lvl.style == style:
            if style == "none" and lvl.explicit != explicit:
                continue
            if style != "none" and explicit is not None and lvl.explicit is not None and lvl.explicit != explicit:
                continue  # 2.(标题1) then 1.(标题2): a list one level down, not this series
            exact = j
            break
        if explicit is not None and lvl.explicit is not None and lvl.explicit < explicit:
            # A shallower explicit heading bounds the search: don't jump above the parent.
            break
    if exact is not None and (value is None or value in (1, stack[exact].last + 1)):
        return exact
    if value is not None and value != 1 and explicit is not None:
        for j in range(len(stack) - 1, -1, -1):
            lvl = stack[j]
            if lvl.style == style and lvl.explicit is not None and value == lvl.last + 1:
                return j
    return exact


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
    lvl: _Level, i: int, m: Marker, issues: list[Finding], pending: list[tuple[_Level, int, Finding]]
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
        issue = Finding(
            m.start,
            m.end,
            msg.heading_duplicate(m.shown, expected),
            rule="heading-duplicate",
            paragraph=i,
            shown=m.shown,
        )
        pending.append((lvl, len(lvl.siblings), issue))
    elif m.value > expected_value:
        expected = render_marker(prev, expected_value)
        issue = Finding(
            m.start,
            m.end,
            msg.heading_skip(prev.shown, expected, m.shown),
            rule="heading-skip",
            paragraph=i,
            shown=m.shown,
        )
        pending.append((lvl, len(lvl.siblings), issue))
    else:
        expected = render_marker(prev, expected_value)
        issues.append(
            Finding(
                m.start,
                m.end,
                msg.heading_order(prev.shown, m.shown, expected),
                rule="heading-order",
                paragraph=i,
                shown=m.shown,
            )
        )
    # The same number written in another form of the level's style (1、 among 1. / ⑴ among （1））.
    want = None
    if m.variant != lvl.variant and m.style == "arabic" and _variant_class(m.variant) != _variant_class(lvl.variant):
        want = render_marker(m, m.value)
        want = want[: len(want) - 1] + (lvl.variant or ".") if want and want[-1] in ".．、" else want
    elif m.style == "arabic-paren" and (m.variant == "enclosed") != (lvl.variant == "enclosed"):
        want = render_marker(Marker(m.style, m.value, lvl.variant, prev.shown, 0, 0), m.value)
    if want is not None:
        edits = () if m.from_auto_number else (Edit(i, m.start, m.end, want),)
        issues.append(
            Finding(
                m.start,
                m.end,
                msg.heading_variant_mixed(prev.shown, m.shown, want),
                edits,
                Applicability.SAFE,
                msg.fix_replace(want),
                rule="heading-style-mixed",
                paragraph=i,
            )
        )
    lvl.last = m.value
    lvl.marker = m
    lvl.siblings.append((i, m))


def _variant_class(v: str) -> str:
    return "dun" if v == "、" else "dot"


def _with_renumber(issue: Finding, lvl: _Level, sib_index: int) -> Finding:
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
            edits.append(Edit(para, m.start, m.end, render_marker(m, value)))
    if not edits:
        return issue
    desc = msg.FIX_RENUMBER_LEVEL if len(edits) > 1 else msg.fix_replace(edits[0].replacement)
    return issue._replace(edits=tuple(edits), applicability=Applicability.UNSAFE, fix_description=desc)


def _check_level_jump(
    parent: _Level | None,
    lvl: _Level,
    i: int,
    m: Marker,
    explicit: int | None,
    issues: list[Finding],
    seen: set[tuple[str, str]],
) -> None:
    """Report a skipped level once per pair of styles: the writer's scheme, not a slip each time."""
    if parent is None or (parent.style, lvl.style) in seen:
        return
    seen.add((parent.style, lvl.style))
    if explicit is not None and parent.explicit is not None:
        if explicit > parent.explicit + 1:
            issues.append(
                Finding(
                    m.start,
                    m.end,
                    msg.heading_level_jump_explicit(parent.explicit, explicit),
                    rule="heading-level-jump",
                    paragraph=i,
                )
            )
        return
    if parent.style in GB_CHAIN and lvl.style in GB_CHAIN:
        gap = GB_CHAIN.index(lvl.style) - GB_CHAIN.index(parent.style)
        if gap > 1:
            missing = STYLES[GB_CHAIN[GB_CHAIN.index(parent.style) + 1]].label
            issues.append(
                Finding(
                    m.start,
                    m.end,
                    msg.heading_level_jump(parent.marker.shown if parent.marker else "", m.shown, missing),
                    rule="heading-level-jump",
                    paragraph=i,
                )
            )


def _bad_punct_issue(i: int, text: str, m: Marker) -> Finding:
    start = m.bad_punct_start
    if m.style == "cn":
        message = msg.heading_marker_punct(m.shown, m.shown[:-1] + "、")
        return _punct_finding(i, m.start, m.end, message, Edit(i, start, start + 1, "、"), msg.FIX_DUN_HAO)
    if m.style == "arabic":
        message = msg.heading_marker_colon(text[m.start : m.end], f"{m.value}.")
        return _punct_finding(i, m.start, m.end, message, Edit(i, start, start + 1, "."), msg.FIX_DOT)
    message = msg.heading_marker_punct(text[m.start : start + 1], m.shown)
    return _punct_finding(i, m.start, start + 1, message, Edit(i, start, start + 1, ""), msg.fix_delete(m.bad_punct))


def _punct_finding(i: int, start: int, end: int, message: str, edit: Edit, description: str) -> Finding:
    return Finding(
        start, end, message, (edit,), Applicability.SAFE, description, rule="heading-punctuation", paragraph=i
    )


def _heading_level_for_period(style: str, explicit: int | None) -> bool:
    if explicit is not None:
        return explicit <= 2
    return style in ("part", "chapter", "section", "cn", "cn-paren", "none")


def _next_nonempty(paragraphs: list[Paragraph], i: int) -> int | None:
    for j in range(i + 1, min(len(paragraphs), i + NEIGHBOUR_REACH)):
        if paragraphs[j].text.strip():
            return j
    return None


def _prev_nonempty(paragraphs: list[Paragraph], i: int) -> int | None:
    for j in range(i - 1, max(-1, i - NEIGHBOUR_REACH), -1):
        if paragraphs[j].text.strip():
            return j
    return None


def _next_marker(items: list[tuple[int, Heading]], pos: int) -> Marker | None:
    for k in range(pos + 1, min(len(items), pos + 3)):
        h = items[k][1]
        if h.marker is not None:
            return h.marker
    return None


def _heading_items(
    paragraphs: list[Paragraph], facts: list[ParagraphFacts], heading_paras: list[int]
) -> list[tuple[int, Heading]]:
    """The headings in order: each heading paragraph, plus headings after a soft break inside it.

    Decimal markers (``1.2``) count only under their own parent number or as the first of a run:
    ``9.26会议纪要`` is a date, not heading 26 under a missing 9.
    """
    out: list[tuple[int, Heading]] = []
    prefixes: set[int] = set()
    # (head, value) of every decimal marker: 5.1 with neither a parent 5 nor a 5.2 anywhere is a date
    # (5.1假期期间…, 10.1国庆期间…), not the first of a run.
    decimals = {
        (_decimal_head(mk), mk.value)
        for i in heading_paras
        if (h := facts[i].heading) is not None
        for mk in (h.marker, *h.inner)
        if mk is not None and mk.style.startswith("multi")
    }
    for i in heading_paras:
        h = facts[i].heading
        if h is None:
            out.append((i, Heading(None, True, paragraphs[i].text.strip(), 0, len(paragraphs[i].text), False)))
            continue
        for k, mk in enumerate((h.marker, *h.inner)):
            if mk is not None and mk.style.startswith("multi"):
                head = _decimal_head(mk)
                if head not in prefixes and (mk.value != 1 or (head, 2) not in decimals):
                    continue
                prefixes.add(head)
            elif mk is not None and mk.style == "arabic":
                prefixes.add(mk.value)
            if k == 0:
                out.append((i, h))
            elif mk is not None:
                text = paragraphs[i].text
                out.append((i, Heading(mk, False, text[mk.end : mk.end + INNER_TITLE_CHARS], mk.end, mk.end, False)))
    return out


def _decimal_head(mk: Marker) -> int:
    """The first number of a decimal marker (``2.3.1`` → 2)."""
    return int(mk.variant.replace("．", ".").split(".")[0])


def _value_of(shown: str) -> int:
    """The number in a marker as shown (``（八）`` → 8, ``12.`` → 12)."""
    digits = re.sub(r"[^0-9]", "", shown)
    if digits:
        return parse_arabic(digits) or 0
    cn = re.sub(r"[^一二三四五六七八九十百零〇]", "", shown)
    return (parse_cn(cn) or 0) if cn else 0


def _stray_outline_levels(runs: list[_Level], paragraphs: list[Paragraph]) -> list[Finding]:
    """Siblings of one numbered series whose Word outline level differs from most of the series."""
    out = []
    for lvl in runs:
        levels = [(i, m, lv) for i, m in lvl.siblings if (lv := paragraphs[i].outline_level)]
        counts: dict[int, int] = {}
        for _i, _m, lv in levels:
            counts[lv] = counts.get(lv, 0) + 1
        if len(counts) < 2:
            continue
        major, n = max(counts.items(), key=lambda kv: kv[1])
        if n * 2 <= len(levels):
            continue
        for i, m, lv in levels:
            if lv != major:
                out.append(
                    Finding(
                        m.start,
                        m.end,
                        msg.heading_outline_level(m.shown, lv or 0, major),
                        rule="heading-outline-level",
                        paragraph=i,
                        shown=m.shown,
                    )
                )
    return out


_RE_PART_START = re.compile(
    r"^\s*(?:附件\s*[0-9０-９一二三四五六七八九十]{0,3}\s*(?:[：:].{0,40})?|附录\s*[0-9一二三四五六七八九十A-Z]{0,3}(?:[：:].{0,40})?"
    r"|(?:名词解释|术语解释|名词术语|术语和定义|附表\s*[0-9]{0,2})\s*[：:]?)\s*$"
)


def _part_starts(paragraphs: list[Paragraph], title_index: int | None) -> list[int]:
    """Paragraphs after which an attachment or glossary begins (``附件1``, ``附件：…表``, ``名词解释``)."""
    start = (title_index or 0) + 1
    out = []
    for i in range(start, len(paragraphs)):
        t = paragraphs[i].text
        if t and len(t) <= PART_START_MAX and t.lstrip()[:2] in ("附件", "附录", "名词", "术语", "附表"):
            if _RE_PART_START.match(t) and not re.search(r"[0-9]\s*[.．、]", t.split("：")[-1][:3]):
                out.append(i)
    return out


def _after_intro(paragraphs: list[Paragraph], facts: list[ParagraphFacts], i: int) -> bool:
    """The previous non-empty paragraph is body text introducing a list with a colon (``安排如下：``)."""
    j = _prev_nonempty(paragraphs, i)
    if j is None or facts[j].heading is not None:
        return False
    t = paragraphs[j].text.rstrip()
    return len(t) >= 4 and t[-1:] in "：:"


def _unnumbered_headings(paragraphs: list[Paragraph], facts: list[ParagraphFacts], title_index: int | None) -> set[int]:
    """Short standalone lines used as headings in plain text (seed doc08's style).

    Only where the file gives no style information and the text has no
    ``一、``/``第X章`` level of its own, and only between real body paragraphs.
    """
    if any(p.outline_level is not None or p.auto_number for p in paragraphs):
        return set()  # the file has its own heading structure (styles or Word lists)
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
        if facts[prev].length < BODY_PARAGRAPH_MIN or facts[prev].heading is not None:
            continue
        nf = facts[nxt]
        if not (
            nf.length >= BODY_PARAGRAPH_MIN
            or (nf.heading is not None and nf.heading.marker is not None and nf.heading.marker.value == 1)
        ):
            continue
        if _looks_like_signature(paragraphs[i].text) or _RE_NOT_A_HEADING.match(paragraphs[i].text):
            continue
        out.add(i)
    return out


#: 【标签】 rows, 关键词/摘要 lines: short lines that are not section headings.
_RE_NOT_A_HEADING = re.compile(rf"^\s*(?:【[^】]*】|(?:{alternation(VOCABULARY.metadata_labels)})\s*[：:]?)")


_RE_SIGNATURE_DATE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_RE_CLOSING_WORD = re.compile(alternation(VOCABULARY.closing_words))
_RE_ORGANIZATION = re.compile(f"(?:{alternation(VOCABULARY.organization_suffixes)})$")


def _looks_like_signature(text: str) -> bool:
    """A date, a closing word (特此/此致…) or an organisation's name (…局, …社区): the signature block."""
    t = text.strip()
    return bool(_RE_SIGNATURE_DATE.search(t) or _RE_CLOSING_WORD.search(t) or _RE_ORGANIZATION.search(t))
