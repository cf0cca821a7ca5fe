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
from ..model import Problem, Severity
from . import register
from .base import Rule, problem
from .placeholders import clause_start

if TYPE_CHECKING:
    from ..config import Config, SectionSpec
    from ..engine import DocView

_NEGATION = re.compile(r"没有|未|无|并无|杜绝|不存在")


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


def _present(view: DocView, spec: SectionSpec) -> bool:
    heads = [e.paragraph for e in view.outline.entries]
    if spec.headings is not None and any(spec.headings.search(_heading_text(view, i)) for i in heads):
        return True
    if spec.cues is None:
        return False
    cache = view.linter.cue_cache
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


def check(view: DocView, config: Config) -> Iterable[Problem]:
    dt = view.doctype
    if dt is None:
        return
    if view.title_index is not None:
        at = view.title_index
    else:
        at = next((i for i, p in enumerate(view.paragraphs) if p.text.strip()), None)
        if at is None:
            return
    text = view.paragraphs[at].text
    sev = view.severity(RULE)
    if sum(1 for p in view.paragraphs if p.text.strip()) < 3:
        return  # a fragment, not a whole document
    for spec in dt.sections:
        if not spec.required or _present(view, spec):
            continue
        examples = _examples(spec)
        yield problem(RULE, sev, at, text, 0, len(text.rstrip()), msg.missing_section(dt.name, spec.name, examples))
    for closing in dt.closings:
        tail = [p.text for p in view.paragraphs if p.text.strip()][-6:]
        if not any(closing.patterns.search(t) for t in tail):
            yield problem(RULE, sev, at, text, 0, len(text.rstrip()), msg.missing_closing(dt.name, closing.name))


def _examples(spec: SectionSpec) -> str:
    if spec.examples:
        return spec.examples
    if spec.headings is None:
        return f"“{spec.name}”"
    return f"“{spec.name}”"


RULE = register(Rule(
    "missing-section", Severity.WARNING, "文种必备部分缺失（工作总结缺“存在问题”“下一步打算”，请示缺“妥否，请批示”）",
    {"作用": "按标题识别文种（工作总结、述职报告、情况报告、请示、通知），检查其必备部分和结束语。",
     "为什么": "审核时最常因“只讲成绩、不讲问题和打算”或请示缺少请示语而退回。同义说法（下半年工作安排、改进措施等）都算。",
     "示例": "××局2024年工作总结\n一、主要工作……\n二、工作亮点……",
     "修改后": "××局2024年工作总结\n一、主要工作……\n二、存在的问题……\n三、下一步工作打算……"},
    False, document_check=check,
))
