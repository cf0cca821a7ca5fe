"""Heading numbering rules: they report what the outline pass found."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..model import Finding, Severity
from ..outline import RULE_IDS as OUTLINE_RULE_IDS
from .base import DocumentCheck, Rule

if TYPE_CHECKING:
    from ..config import Config
    from ..view import DocView


def _from_outline(rule_id: str) -> DocumentCheck:
    def check(view: DocView, config: Config) -> Iterable[Finding]:
        return [f for f in view.outline.issues if f.rule == rule_id]

    return check


def _rule(*, id: str, severity: Severity, summary: str, doc: dict[str, str], fixable: bool) -> Rule:
    from . import register

    if id not in OUTLINE_RULE_IDS:
        raise ValueError(f"rule {id} is not among the ids the outline pass declares")
    r = register(
        Rule(id=id, severity=severity, summary=summary, doc=doc, fixable=fixable, document_check=_from_outline(id))
    )
    RULE_BY_ID[id] = r
    return r


RULE_BY_ID: dict[str, Rule] = {}

_rule(
    id="heading-skip",
    severity=Severity.WARNING,
    summary="同一上级下的标题序号跳号（一、二、四、）",
    doc={
        "作用": "检查同一上级标题下的同级序号是否连续，第一个是否从“一”“（一）”“1.”开始。",
        "为什么": "跳号通常意味着删改时漏了一节或编号未更新，审核时会被退回。",
        "示例": "一、……\n二、……\n四、……",
        "修改后": "一、……\n二、……\n三、……",
    },
    fixable=True,
)
_rule(
    id="heading-duplicate",
    severity=Severity.WARNING,
    summary="同一上级下的标题序号重复（（一）…（一））",
    doc={
        "作用": "检查同级标题序号是否重复使用。",
        "为什么": "重复序号让读者无法引用和定位。",
        "示例": "（一）加强领导\n（一）强化学习",
        "修改后": "（一）加强领导\n（二）强化学习",
    },
    fixable=True,
)
_rule(
    id="heading-order",
    severity=Severity.WARNING,
    summary="标题序号倒序（三、在二、之前）",
    doc={
        "作用": "检查同级序号是否倒退。",
        "为什么": "倒序多因调整段落顺序后未重新编号。",
        "示例": "三、……\n二、……",
        "修改后": "二、……\n三、……",
    },
    fixable=False,
)
_rule(
    id="heading-style-mixed",
    severity=Severity.WARNING,
    summary="同级标题序号样式混用（（二）后接（3））",
    doc={
        "作用": "检查同一层级的序号是否使用同一种样式和写法。",
        "为什么": "GB/T 9704 规定各层序号样式固定；混用会让层级关系混乱。",
        "示例": "（一）加强组织领导\n（二）完善工作机制\n(3)强化督促检查\n（四）严格考核问效",
        "修改后": "（一）加强组织领导\n（二）完善工作机制\n（三）强化督促检查\n（四）严格考核问效",
    },
    fixable=True,
)
_rule(
    id="heading-level-jump",
    severity=Severity.INFO,
    summary="越级使用序号（“一、”下直接用“1.”）",
    doc={
        "作用": "检查是否跳过了中间层级（一、→（一）→1.→（1））。",
        "为什么": "GB/T 9704 规定层次序数依次使用；实际中跳级较常见，故默认只作提示。",
        "示例": "一、总体情况\n1.基本情况",
        "修改后": "一、总体情况\n（一）基本情况",
    },
    fixable=False,
)
_rule(
    id="heading-punctuation",
    severity=Severity.WARNING,
    summary="标题标点错误：单独成行的标题末尾有句号，或序号标点错误（（一）、）",
    doc={
        "作用": "检查单独成行的一、二级标题末尾是否多了句号，序号后的标点是否正确。",
        "为什么": "“一、”后用顿号，“（一）”“（1）”“①”后不加标点；单独成行的标题不加句号。",
        "示例": "一、统一思想，形成工作共识。\n（一）、加强领导",
        "修改后": "一、统一思想，形成工作共识\n（一）加强领导",
    },
    fixable=True,
)
_rule(
    id="heading-outline-level",
    severity=Severity.WARNING,
    summary="标题的大纲级别（标题样式）与其同级序号不一致（“二、”设成了标题2）",
    doc={
        "作用": "检查 .docx 中按序号属于同一级的标题是否用了同一个标题样式（大纲级别）。",
        "为什么": "序号决定层级：一个“二、”被设成标题2，导航窗格和目录里它会挂到“一、”下面，结构就乱了。",
        "示例": "一、总体情况（标题1）\n二、主要做法（标题2）\n三、存在问题（标题1）",
        "修改后": "一、总体情况（标题1）\n二、主要做法（标题1）\n三、存在问题（标题1）",
    },
    fixable=False,
)

if set(RULE_BY_ID) != OUTLINE_RULE_IDS:
    raise RuntimeError(f"outline pass ids without a rule: {sorted(OUTLINE_RULE_IDS - set(RULE_BY_ID))}")
