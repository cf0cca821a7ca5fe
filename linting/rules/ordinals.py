"""In-paragraph series (一是/二是, 第一/第二, 首先/其次), numbered lists (①②③, （1）（2）) and announced counts.

A series continues across consecutive paragraphs and ends at a heading.  A
``一是`` after a later item in the same paragraph opens a nested series; the
nested series ends with its paragraph and the outer one may continue.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import messages as msg
from .. import rule_ids
from ..analysis import CountClaim
from ..markers import Ordinal, list_item_text, ordinal_text
from ..model import Applicability, Edit, Finding, Severity, check_rule_ids
from .base import DocumentCheck, Rule

if TYPE_CHECKING:
    from ..config import Config
    from ..view import DocView


#: Renumbering fixes of one lint may touch at most this many items in total (linear time on
#: a paragraph of thousands of repeated 二是).
RENUMBER_BUDGET = 5000

#: How far after the colon the first item of the announced list may start (``：“一是`` …).
_CLAIM_GAP = 3

#: The rule ids the series pass may emit (each declared below by exactly one rule, checked at
#: import); a finding with any other id is refused, so a typo cannot silently drop findings.
RULE_IDS: frozenset[str] = rule_ids.SERIES


@dataclass(slots=True)
class _Series:
    family: str
    last: int
    last_para: int
    items: list[tuple[int, Ordinal]] = field(default_factory=list)
    mixed_families: set[str] = field(default_factory=set)
    claim: tuple[int, CountClaim] | None = None
    ended: bool = False
    #: After a duplicate the next item may also continue the original numbering:
    #: 一是…二是…二是…三是 is one slip (renumber from the second 二是), not two.
    alt_next: int = 0
    #: (index in the finding list, position in ``items``) of skips/duplicates to renumber from.
    renumber: list[tuple[int, int]] = field(default_factory=list)


def _issue(rule: str, i: int, start: int, end: int, message: str, edits: tuple[Edit, ...] = ()) -> Finding:
    """A finding of the series pass (its renumbering fixes are never applied unseen)."""
    desc = msg.fix_replace(edits[0].replacement) if edits else ""
    return Finding(start, end, message, edits, Applicability.UNSAFE, desc, rule=rule, paragraph=i)


def series_issues(view: DocView) -> list[Finding]:
    """All series and count findings of the document (computed once per lint)."""
    cached = view.memo.get("series")
    if cached is not None:
        return cached  # type: ignore[return-value]
    issues: list[Finding] = []
    stack: list[_Series] = []
    pending_claim: tuple[int, CountClaim] | None = None
    heading_paras = {e.paragraph for e in view.outline.entries}
    run_length = view.outline.run_length

    def close_all() -> None:
        while stack:
            _finish(stack.pop(), view, issues)

    for i, f in enumerate(view.facts):
        if i in heading_paras or i == view.title_index:
            close_all()
            if pending_claim is not None and i in heading_paras:
                _claim_on_headings(pending_claim, i, view, run_length, issues)
            pending_claim = None
        while len(stack) > 1:
            _finish(stack.pop(), view, issues)
        if not f.length:
            continue
        # Claims in colon order, consumed with a cursor: linear even for a megabyte of claims.
        claims = sorted(f.count_claims, key=lambda c: c.colon)
        k = 0
        if pending_claim is not None and f.ordinals and f.ordinals[0].value == 1:
            close_all()
            _handle(f.ordinals[0], i, stack, issues, view)
            stack[-1].claim = pending_claim
            ordinals = f.ordinals[1:]
        else:
            ordinals = f.ordinals
        pending_claim = None
        for o in ordinals:
            # A claim counts the series that starts right after its colon (``三个方面：一是``).
            claim = None
            while k < len(claims) and claims[k].colon <= o.start:
                c = claims[k]
                if claim is None and c.colon < o.start and o.start - c.colon <= _CLAIM_GAP:
                    claim = c
                k += 1
            if claim is not None:
                close_all()
                _start(o, i, stack, issues)
                if stack:
                    stack[-1].claim = (i, claim)
                continue
            _handle(o, i, stack, issues, view)
        if k < len(claims) and not view.paragraphs[i].text[claims[-1].colon + 1 :].strip():
            # A paragraph ending in ``…三个方面：`` announces the list in the next paragraphs
            # (``实现了两个转变：从…到…。`` says its items itself and announces nothing).
            pending_claim = (i, claims[-1])
    close_all()
    _list_issues(view, issues, heading_paras)
    check_rule_ids(issues, RULE_IDS, "series pass")
    view.memo["series"] = issues
    return issues


def _handle(o: Ordinal, i: int, stack: list[_Series], issues: list[Finding], view: DocView) -> None:
    if not stack:
        _start(o, i, stack, issues)
        return
    cur = stack[-1]
    if o.value == 0:  # 最后
        cur.ended = True
        return
    if o.family == cur.family:
        alt, cur.alt_next = cur.alt_next, 0
        if o.value == cur.last + 1 or (alt and o.value == alt):
            _advance(cur, o, i)
        elif o.value == 1:
            if cur.last_para == i and (cur.last >= 2 or _nested_ahead(view.facts[i].ordinals, o)):
                outer_item = cur.items[-1][1].text
                issues.append(_issue("ordinal-nested", i, o.start, o.end, msg.ordinal_nested(outer_item, o.text)))
                stack.append(_Series(o.family, 1, i, [(i, o)]))
            elif cur.last_para == i and cur.last == 1:
                issues.append(
                    _issue(
                        "ordinal-duplicate",
                        i,
                        o.start,
                        o.end,
                        msg.ordinal_duplicate(o.text, ordinal_text(o.family, 2)),
                        _rename(o, i, 2),
                    )
                )
                _advance(cur, o, i)
            else:
                _finish(stack.pop(), view, issues)
                while stack:
                    _finish(stack.pop(), view, issues)
                stack.append(_Series(o.family, 1, i, [(i, o)]))
        elif o.value == cur.last and _outer_resumes(stack, o):
            # 一是…，一是…，二是…；二是…: the nested series ends, the outer one goes on.
            _finish(stack.pop(), view, issues)
            _advance(stack[-1], o, i)
        elif o.value == cur.last:
            expected = ordinal_text(o.family, cur.last + 1)
            cur.renumber.append((len(issues), len(cur.items)))
            issues.append(_issue("ordinal-duplicate", i, o.start, o.end, msg.ordinal_duplicate(o.text, expected)))
            _advance(cur, o, i)
            cur.alt_next = o.value + 2
        elif o.value > cur.last + 1:
            prev = cur.items[-1][1].text
            expected = ordinal_text(o.family, cur.last + 1)
            cur.renumber.append((len(issues), len(cur.items)))
            issues.append(_issue("ordinal-skip", i, o.start, o.end, msg.ordinal_skip(prev, expected, o.text)))
            _advance(cur, o, i)
        else:
            outer = stack[-2] if len(stack) > 1 else None
            if outer is not None and outer.family == o.family and o.value == outer.last + 1:
                _finish(stack.pop(), view, issues)
                _advance(outer, o, i)
                return
            prev = cur.items[-1][1].text
            issues.append(
                _issue(
                    "ordinal-order",
                    i,
                    o.start,
                    o.end,
                    msg.ordinal_order(prev, o.text, ordinal_text(o.family, cur.last + 1)),
                )
            )
            _advance(cur, o, i)
        return
    # A different family.
    if o.value == cur.last + 1 and o.value != 1:
        if o.family not in cur.mixed_families:
            cur.mixed_families.add(o.family)
            firsts = [it.text for _, it in cur.items[:2]]
            suggestion = msg.ordinal_suggestion(cur.family, o.family)
            issues.append(_issue("ordinal-mixed", i, o.start, o.end, msg.ordinal_mixed(firsts, o.text, suggestion)))
        _advance(cur, o, i)
        return
    outer = stack[-2] if len(stack) > 1 else None
    if outer is not None and outer.family == o.family and o.value == outer.last + 1:
        _finish(stack.pop(), view, issues)
        _advance(outer, o, i)
        return
    if o.value == 1 and cur.last_para == i:
        stack.append(_Series(o.family, 1, i, [(i, o)]))  # a sub-list in another form: fine
        return
    while stack:
        _finish(stack.pop(), view, issues)
    _start(o, i, stack, issues)


def _outer_resumes(stack: list[_Series], o: Ordinal) -> bool:
    """Is ``o`` the next item of the series the current (nested) one was opened inside?"""
    return len(stack) > 1 and stack[-2].family == o.family and o.value == stack[-2].last + 1


def _nested_ahead(ordinals: tuple[Ordinal, ...], o: Ordinal) -> bool:
    """A second ``一是`` right after the first, in the same paragraph: a series nested in the first
    item when the items after it run ``二是…`` and then ``二是`` again (the outer series resuming);
    otherwise it is a duplicate."""
    values = [x.value for x in ordinals if x.start > o.start and x.family == o.family]
    k = 1
    for v in values:
        if v == k + 1:
            k += 1
        else:
            return k >= 2 and v == 2
    return False


def _start(o: Ordinal, i: int, stack: list[_Series], issues: list[Finding]) -> None:
    if o.value == 0:
        return
    if o.value >= 2 and o.family in ("是", "要", "其"):
        issues.append(
            _issue("ordinal-skip", i, o.start, o.end, msg.ordinal_missing_first(o.text, ordinal_text(o.family, 1)))
        )
    stack.append(_Series(o.family, o.value, i, [(i, o)]))


def _advance(s: _Series, o: Ordinal, i: int, value: int | None = None) -> None:
    s.last = o.value if value is None else value
    s.last_para = i
    s.items.append((i, o))


def _with_renumber(issue: Finding, s: _Series, pos: int) -> Finding:
    """The fix for a skip or duplicate at ``s.items[pos]``: renumber it and the items after it."""
    if pos == 0 or s.family == "首先":
        return issue
    value = s.items[pos - 1][1].value
    edits: list[Edit] = []
    for para, o in s.items[pos:]:
        if o.family != s.family or o.value == 0:
            continue
        value += 1
        if o.value != value:
            edits.extend(_rename(o, para, value))
    return issue._replace(edits=tuple(edits), fix_description=msg.fix_replace(edits[0].replacement) if edits else "")


def _rename(o: Ordinal, i: int, value: int) -> tuple[Edit, ...]:
    if o.family in ("首先",):
        return ()
    new = ordinal_text(o.family, value)
    return (Edit(i, o.start, o.end, new),)


def _finish(s: _Series, view: DocView, issues: list[Finding]) -> None:
    budget: list[int] = view.memo.setdefault("renumber_budget", [RENUMBER_BUDGET])  # type: ignore[assignment]
    for at, pos in s.renumber:
        cost = len(s.items) - pos
        if cost > budget[0]:  # thousands of slips (a hostile file): report them, offer no renumbering
            continue
        budget[0] -= cost
        issues[at] = _with_renumber(issues[at], s, pos)
    if s.claim is None:
        return
    ci, claim = s.claim
    n = len(s.items)
    if n != claim.count:
        text = view.paragraphs[ci].text
        items = msg.listed_items([it.text for _, it in s.items[:6]], n)
        issues.append(
            _issue(
                "count-mismatch",
                ci,
                claim.start,
                claim.end,
                msg.count_mismatch(text[claim.start : claim.end], n, items),
            )
        )


def _claim_on_headings(
    pc: tuple[int, CountClaim], i: int, view: DocView, run_length: dict[int, int], issues: list[Finding]
) -> None:
    """``从以下三个方面汇报：`` followed by headings 一、二、三、: count the heading run."""
    ci, claim = pc
    f = view.facts[i]
    if f.heading is None or f.heading.marker is None or f.heading.marker.value != 1:
        return
    n = run_length.get(i)
    if n is None or n == claim.count:
        return
    text = view.paragraphs[ci].text
    issues.append(
        _issue(
            "count-mismatch",
            ci,
            claim.start,
            claim.end,
            msg.count_mismatch(text[claim.start : claim.end], n, msg.heading_run(n)),
        )
    )


@dataclass(slots=True)
class _List:
    """A numbered list (``①②③`` / ``⑴⑵`` / ``（1）（2）`` / ``1）2）``) being followed."""

    last: int
    last_para: int
    items: list[tuple[int, Ordinal]]
    alt_next: int = 0
    renumber: list[tuple[int, int]] = field(default_factory=list)


def _list_issues(view: DocView, issues: list[Finding], heading_paras: set[int]) -> None:
    """Skips, repeats and reversals in numbered lists inside paragraphs.

    A list starts at its item 1 (items of a list whose start was not seen are not checked: note
    marks and stray numbers), restarts silently at every new item 1 (``做法：①…②… 要求：①…②…``),
    continues into the next paragraph when that one goes on with the same family, and ends at a
    heading, at a paragraph without its items, or at the end of the document.  Each family
    (``①`` ``⑴`` ``（1）`` ``1）``) is followed on its own, so one list may nest in another; the
    words series (一是/二是) are not touched.
    """
    facts = view.facts
    lists: dict[str, _List] = {}

    def end(family: str) -> None:
        _finish_list(lists.pop(family), view, issues)

    last = -1
    # Only the paragraphs with items are visited (a relint after a keystroke walks every paragraph's
    # facts once here, no more): a list goes on only into the next non-empty paragraph.
    for i in [i for i, f in enumerate(facts) if f.list_items]:
        f = facts[i]
        if lists:
            if i in heading_paras or i == view.title_index or any(facts[k].length for k in range(last + 1, i)):
                for family in list(lists):
                    end(family)
            else:
                present = {o.family for o in f.list_items}
                for family in [fam for fam in lists if fam not in present]:
                    end(family)
        last = i
        for o in f.list_items:
            cur = lists.get(o.family)
            if o.value == 1:
                if cur is not None:
                    end(o.family)
                lists[o.family] = _List(1, i, [(i, o)])
                continue
            if cur is None:
                continue
            alt, cur.alt_next = cur.alt_next, 0
            if o.value == cur.last + 1 or (alt and o.value == alt):
                pass
            elif o.value == cur.last:
                expected = list_item_text(o, cur.last + 1)
                cur.renumber.append((len(issues), len(cur.items)))
                issues.append(_issue("ordinal-duplicate", i, o.start, o.end, msg.ordinal_duplicate(o.text, expected)))
                cur.alt_next = o.value + 2
            elif o.value > cur.last + 1:
                prev = cur.items[-1][1].text
                expected = list_item_text(o, cur.last + 1)
                cur.renumber.append((len(issues), len(cur.items)))
                issues.append(_issue("ordinal-skip", i, o.start, o.end, msg.ordinal_skip(prev, expected, o.text)))
            else:
                prev = cur.items[-1][1].text
                expected = list_item_text(o, cur.last + 1)
                issues.append(_issue("ordinal-order", i, o.start, o.end, msg.ordinal_order(prev, o.text, expected)))
            cur.last = o.value
            cur.last_para = i
            cur.items.append((i, o))
    for family in list(lists):
        end(family)


def _finish_list(s: _List, view: DocView, issues: list[Finding]) -> None:
    """Attach the renumbering fixes (unsafe) of a finished list's skips and repeats."""
    budget: list[int] = view.memo.setdefault("renumber_budget", [RENUMBER_BUDGET])  # type: ignore[assignment]
    for at, pos in s.renumber:
        cost = len(s.items) - pos
        if cost > budget[0]:
            continue
        budget[0] -= cost
        value = s.items[pos - 1][1].value
        edits: list[Edit] = []
        for para, o in s.items[pos:]:
            value += 1
            if o.value != value:
                edits.append(Edit(para, o.start, o.end, list_item_text(o, value)))
        if edits:
            issues[at] = issues[at]._replace(edits=tuple(edits), fix_description=msg.fix_replace(edits[0].replacement))


def _check_for(rule_id: str) -> DocumentCheck:
    def check(view: DocView, config: Config) -> Iterable[Finding]:
        return [f for f in series_issues(view) if f.rule == rule_id]

    return check


_RULES: dict[str, Rule] = {}


def _rule(*, id: str, severity: Severity, summary: str, doc: dict[str, str], fixable: bool) -> None:
    from . import register

    if id not in RULE_IDS:
        raise ValueError(f"rule {id} is not among the ids the series pass declares")
    _RULES[id] = register(
        Rule(id=id, severity=severity, summary=summary, doc=doc, fixable=fixable, document_check=_check_for(id))
    )


_rule(
    id="ordinal-skip",
    severity=Severity.WARNING,
    summary="段内序次语跳号（一是…三是…五是）",
    doc={
        "作用": "检查“一是、二是”“第一、第二”等序次语，以及段内“①②③”“⑴⑵⑶”“（1）（2）（3）”“1）2）3）”编号是否连续（可跨段延续）。",
        "为什么": "跳号多是删改内容后未重排，读者会以为漏了一条。",
        "示例": "一是加强领导；二是强化学习；三是抓好宣传；五是完善制度。",
        "修改后": "一是加强领导；二是强化学习；三是抓好宣传；四是完善制度。",
    },
    fixable=True,
)
_rule(
    id="ordinal-duplicate",
    severity=Severity.WARNING,
    summary="段内序次语重复（一是…二是…二是）",
    doc={
        "作用": "检查序次语及段内“①②③”“（1）（2）（3）”等编号是否重复。",
        "为什么": "重复的序次语让条目数和引用出错。",
        "示例": "一是加强理论学习，二是改进工作作风，二是狠抓工作落实。",
        "修改后": "一是加强理论学习，二是改进工作作风，三是狠抓工作落实。",
    },
    fixable=True,
)
_rule(
    id="ordinal-order",
    severity=Severity.WARNING,
    summary="段内序次语倒序（三是…二是）",
    doc={
        "作用": "检查序次语及段内“①②③”“（1）（2）（3）”等编号是否倒退。",
        "为什么": "倒序多因调整语序后未改序次语。",
        "示例": "一是加强理论学习，三是改进工作作风，二是狠抓工作落实。",
        "修改后": "一是加强理论学习，二是改进工作作风，三是狠抓工作落实。",
    },
    fixable=False,
)
_rule(
    id="ordinal-mixed",
    severity=Severity.WARNING,
    summary="同一组序次语混用不同形式（首先…其次…第三）",
    doc={
        "作用": "检查同一组序次语是否用同一种形式。",
        "为什么": "“首先、其次”与“第一、第二”“一是、二是”是不同体系，混用不规范。",
        "示例": "首先，要加强理论学习；其次，要改进工作作风；第三，要狠抓工作落实。",
        "修改后": "首先，要加强理论学习；其次，要改进工作作风；再次，要狠抓工作落实。",
    },
    fixable=False,
)
_rule(
    id="ordinal-nested",
    severity=Severity.WARNING,
    summary="在一组序次语的某一项内又开了一组（二是…一是…二是）",
    doc={
        "作用": "检查是否在“二是”这一项里又从“一是”开始新的一组。",
        "为什么": "同形式的序次语嵌套会让读者分不清层次。",
        "示例": "二是活动丰富。一是开展文化活动；二是开展创建活动。",
        "修改后": "二是活动丰富。（1）开展文化活动；（2）开展创建活动。",
    },
    fixable=False,
)
_rule(
    id="count-mismatch",
    severity=Severity.WARNING,
    summary="宣布的条数与实际列出的条数不符（三个方面：一是…四是）",
    doc={
        "作用": "检查“抓好三个方面的工作：”之类的数目与其后列出的条目数是否一致。",
        "为什么": "增删条目后常忘了改前面的数字。",
        "示例": "主要抓好三个方面的工作：一是加强学习，二是改进作风，三是强化担当，四是狠抓落实。",
        "修改后": "主要抓好四个方面的工作：一是加强学习，二是改进作风，三是强化担当，四是狠抓落实。",
    },
    fixable=False,
)

if set(_RULES) != RULE_IDS:
    raise RuntimeError(f"series pass ids without a rule: {sorted(RULE_IDS - set(_RULES))}")
