"""Required sections per document type (工作总结 needs 存在问题 and 下一步打算 …).

A part counts as present when a heading (any level) matches one of its
synonyms, or when a body sentence carries one of its cues — reports often merge
the last two parts into one closing paragraph (``…但还存在…等问题。今后我们将…``).
Type definitions, synonyms and cues are data in ``defaults.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .. import messages as msg
from ..model import Finding, Severity
from ..vocabulary import VOCABULARY, alternation
from . import register
from .base import Rule
from .placeholders import clause_start

if TYPE_CHECKING:
    from ..config import Config, SectionSpec
    from ..view import DocView

_NEGATION = re.compile(alternation(VOCABULARY.negations))
#: A label line (``下半年计划：``) standing for a section heading is shorter than this.
LABEL_LINE_LIMIT = 40
#: … and its label (stripped, with the colon) has at most this many characters.
LABEL_MAX = 16


def _heading_text(view: DocView, i: int) -> str:
    h = view.facts[i].heading
    return h.title if h is not None else view.paragraphs[i].text


def _cue_present(spec: SectionSpec, text: str) -> bool:
    if spec.cues is None:
        return False
    for m in spec.cues.finditer(text):
        start = clause_start(text, m.start(), "，,。；;！!？?")
        if _NEGATION.search(text, start, m.start() + 2):
            continue
        return True
    return False


def _label_line(text: str) -> str | None:
    """A short label line ending in a colon (``下半年计划：``): a section heading written as a label."""
    t = text.strip()
    if 2 <= len(t) <= LABEL_MAX and t[-1] in "：:" and not any(c in t for c in "。，,；;"):
        return t[:-1]
    return None


def _present(view: DocView, spec: SectionSpec) -> bool:
    heads = [e.paragraph for e in view.outline.entries]
    if spec.headings is not None and any(spec.headings.search(_heading_text(view, i)) for i in heads):
        return True
    if spec.headings is not None:
        for p in view.paragraphs:
            label = _label_line(p.text) if len(p.text) < LABEL_LINE_LIMIT else None
            if label is not None and spec.headings.search(label):
                return True
    if spec.cues is None:
        return False
    cache = view.cache.cues
    start = (view.title_index or 0) + 1
    for p in view.paragraphs[start:]:
        key = (p, spec.name)
        hit = cache.get(key)
        if hit is None:
            hit = frozenset([spec.name]) if _cue_present(spec, p.text) else frozenset()
            cache[key] = hit
        if hit:
            return True
    return False


def check(view: DocView, config: Config) -> Iterable[Finding]:
    dt = view.doctype
    if dt is None:
        return
    at: int | None
    if view.title_index is not None:
        at = view.title_index
    else:
        at = next((i for i, p in enumerate(view.paragraphs) if p.text.strip()), None)
        if at is None:
            return
    text = view.paragraphs[at].text
    if sum(1 for p in view.paragraphs if p.text.strip()) < 3:
        return  # a fragment, not a whole document
    for spec in dt.sections:
        if not spec.required or _present(view, spec):
            continue
        examples = _examples(spec)
        yield Finding(0, len(text.rstrip()), msg.missing_section(dt.name, spec.name, examples), paragraph=at)
    for closing in dt.closings:
        tail = [p.text for p in view.paragraphs if p.text.strip()][-6:]
        if not any(closing.patterns.search(t) for t in tail):
            yield Finding(0, len(text.rstrip()), msg.missing_closing(dt.name, closing.name), paragraph=at)


def _examples(spec: SectionSpec) -> str:
    if spec.examples:
        return spec.examples
    return msg.section_example(spec.name)


register(
    Rule(
        id="missing-section",
        severity=Severity.WARNING,
        summary="文种必备部分缺失（工作总结缺“存在问题”“下一步打算”，请示缺“妥否，请批示”）",
        doc={
            "作用": "按标题识别文种（工作总结、述职报告、情况报告、请示、通知），检查其必备部分和结束语。",
            "为什么": "审核时最常因“只讲成绩、不讲问题和打算”或请示缺少请示语而退回。同义说法（下半年工作安排、改进措施等）都算。",
            "示例": "××局2024年工作总结\n一、主要工作……\n二、工作亮点……",
            "修改后": "××局2024年工作总结\n一、主要工作……\n二、存在的问题……\n三、下一步工作打算……",
        },
        fixable=False,
        document_check=check,
    )
)


def _positions(view: DocView) -> dict[str, int]:
    """First top-level heading of each part of the document type (attributing ambiguous headings carefully).

    A heading that matches several parts counts for every *required* part it
    matches (``存在的问题及下步打算`` is both), but for an optional part only when it
    matches that part alone (``下一步主要工作`` is not the 主要工作 part).
    """
    dt = view.doctype
    assert dt is not None
    out: dict[str, int] = {}
    for e in view.outline.entries:
        if e.level != 1:
            continue
        title = _heading_text(view, e.paragraph)
        matched = [spec for spec in dt.sections if spec.headings is not None and spec.headings.search(title)]
        for spec in matched:
            if spec.name in out or (not spec.required and len(matched) > 1):
                continue
            out[spec.name] = e.paragraph
    return out


def check_order(view: DocView, config: Config) -> Iterable[Finding]:
    dt = view.doctype
    if dt is None or len(dt.sections) < 2:
        return
    pos = _positions(view)
    names = [spec.name for spec in dt.sections]
    for k, later in enumerate(names):
        for earlier in names[k + 1 :]:
            # `later` is declared before `earlier` but its heading comes after `earlier`'s
            if later in pos and earlier in pos and pos[later] > pos[earlier]:
                i = pos[later]
                text = view.paragraphs[i].text
                yield Finding(0, len(text.rstrip()), msg.section_order(dt.name, later, earlier), paragraph=i)
                break


register(
    Rule(
        id="section-order",
        severity=Severity.WARNING,
        summary="文种各部分顺序颠倒（工作总结应为 成绩→问题→打算）",
        doc={
            "作用": "检查一级标题中各部分的先后：工作总结、述职报告先讲做法和成效，再讲问题，最后讲打算。",
            "为什么": "顺序颠倒（先写打算再写问题）是审核时常见的退改理由。合并的部分（“存在的问题及下步打算”）不报。",
            "示例": "2024年度工作总结\n一、主要工作\n全年完成各项任务。\n二、下一步打算\n继续努力。\n三、存在的问题\n学习不够深入。",
            "修改后": "2024年度工作总结\n一、主要工作\n全年完成各项任务。\n二、存在的问题\n学习不够深入。\n三、下一步打算\n继续努力。",
        },
        fixable=False,
        document_check=check_order,
    )
)
