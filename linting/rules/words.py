"""Words typed twice (``按照按照``), confirmed by jieba segmentation.

A cheap regex finds candidate repeats; jieba's segmentation of only the clause
around a candidate confirms that two identical words stand side by side.  So
``牢牢`` ``方方面面`` ``一个个`` ``层层`` (one word to jieba) and ``今年年初``
(``今年``+``年初``) are never reported.  The segmentation is jieba's, run on
:mod:`linting.lexicon` (jieba's dictionary loaded piece by piece), so nothing is
loaded for a report without a candidate and a few milliseconds with one.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import messages as msg
from ..chars import HAN_RANGE
from ..model import THIS_PARAGRAPH, Applicability, Edit, Finding, Severity
from ..vocabulary import VOCABULARY, alternation
from . import register
from .base import Rule

if TYPE_CHECKING:
    from ..analysis import ParagraphFacts
    from ..config import Config

_HAN = HAN_RANGE
# Two passes are faster than one alternation: each starts with a plain character class.
_CANDIDATE_WORD = re.compile(rf"([{_HAN}]{{2,4}})\1")
_CANDIDATE_CHAR = re.compile(r"([的了在是和与及对将把被为从向于以])\1")
_CLAUSE = re.compile(r"[，。；：！？、,.;:!?\s“”（）()《》]")
# 一个一个、一步一步: distributive repetition, correct Chinese.
_DISTRIBUTIVE = re.compile(r"^一[个步点天年次件批项条位名家户项层级环]$")

_REDUP_BEFORE = re.compile(rf"(?:{alternation(VOCABULARY.reduplication_before)})$")
_REDUP_AFTER = re.compile(alternation(VOCABULARY.reduplication_after))


def _tentative(text: str, start: int, end: int) -> bool:
    """``再研究研究`` / ``商量商量吧`` / ``发展发展再发展``: a verb said twice on purpose."""
    return bool(_REDUP_BEFORE.search(text, max(0, start - 2), start) or _REDUP_AFTER.match(text, end))


_lock = threading.Lock()
_tokenizer: Any = None


def _cache_dir() -> Path:
    from ..appdata import subdir

    return subdir("cache")


def tokenizer() -> Any:
    """jieba's own tokenizer, loaded once (thread-safe) with its cache file ``jieba.cache`` in the app's
    cache folder.  The rule itself uses :mod:`linting.lexicon` (same results, loads in milliseconds);
    this is the reference the tests compare it with."""
    global _tokenizer
    if _tokenizer is not None:
        return _tokenizer
    with _lock:
        if _tokenizer is None:
            # jieba imports pkg_resources when it can (slow, deprecated, and bulky in a frozen
            # build); without it jieba reads its files directly.  Hide it just for this import.
            hide = "pkg_resources" not in sys.modules
            if hide:
                sys.modules["pkg_resources"] = None  # type: ignore[assignment]
            try:
                import jieba
            finally:
                if hide:
                    del sys.modules["pkg_resources"]

            jieba.setLogLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            d = _cache_dir()
            try:
                d.mkdir(parents=True, exist_ok=True)
                tok.tmp_dir = str(d)
                tok.cache_file = "jieba.cache"
            except OSError:
                pass  # jieba falls back to its default temp location
            tok.initialize()
            _tokenizer = tok
    return _tokenizer


def preload_in_background() -> threading.Thread:
    """Open the word lookup on a worker thread (the editor calls this after its window shows; the first
    run ever builds the lookup file from jieba's dictionary, about a second)."""
    from ..lexicon import lexicon

    t = threading.Thread(target=lexicon, name="lexicon-load", daemon=True)
    t.start()
    return t


def jieba_loaded() -> bool:
    """Whether the word lookup this rule segments with is open in this process."""
    from ..lexicon import loaded

    return loaded()


_MAX_CANDIDATES = 200


def candidates(text: str) -> list[re.Match[str]]:
    """Repeats that might be a word typed twice (the cheap step; jieba confirms), in text order."""
    words = list(_CANDIDATE_WORD.finditer(text))
    chars = list(_CANDIDATE_CHAR.finditer(text))
    if not chars or not words:
        return words or chars  # one pass found nothing: the other's matches are in text order already
    return sorted([*words, *chars], key=lambda m: m.start())


@lru_cache(maxsize=4096)
def _segment(clause: str) -> tuple[str, ...]:
    from ..lexicon import lexicon

    return tuple(lexicon().lcut(clause))


def _freq(word: str) -> int:
    from ..lexicon import lexicon

    return lexicon().freq(word)


#: The clause around a repeated word is looked for at most this far on each side.
CLAUSE_REACH = 30


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    s = start
    while s > 0 and not _CLAUSE.match(text, s - 1) and start - s < CLAUSE_REACH:
        s -= 1
    e = end
    while e < len(text) and not _CLAUSE.match(text, e) and e - end < CLAUSE_REACH:
        e += 1
    return s, e


def check(text: str, facts: ParagraphFacts, config: Config) -> Iterable[Finding]:
    out: list[Finding] = []
    for n, m in enumerate(candidates(text)):
        if n >= _MAX_CANDIDATES:
            break  # not prose: don't let a hostile paragraph stall the linter
        unit = m.group(1)
        if _DISTRIBUTIVE.match(unit):
            continue
        if len(unit) == 2 and unit[1] == "着":
            continue  # 看着看着 / 说着说着: a reduplicated verb, "while doing"
        s, e = m.span()
        if len(unit) == 2 and _tentative(text, s, e):
            continue
        boundary = s + len(unit)
        cs, ce = _clause_bounds(text, s, e)
        tokens = _segment(text[cs:ce])
        pos = cs
        spans = []
        for t in tokens:
            spans.append((pos, pos + len(t), t))
            pos += len(t)
        confirmed = False
        crosses = any(a < boundary < b for a, b, _ in spans)
        for (a1, _b1, t1), (_a2, b2, t2) in zip(spans, spans[1:]):
            if t1 == t2 == unit and a1 == s and b2 == e:
                confirmed = True
                break
        own_token = any(a == s and b == boundary for a, b, _ in spans)
        if not confirmed and len(unit) >= 2 and not crosses and own_token:
            # (中南大学|大学生: the first copy ends another word, so nothing was typed twice.)
            # 认真认真学习 → 认真|认真学习: the repeat is real although jieba merged the second copy.
            confirmed = bool(_freq(unit)) and not _freq(unit + unit)
        if confirmed:
            out.append(
                Finding(
                    s,
                    e,
                    msg.duplicate_word(unit),
                    (Edit(THIS_PARAGRAPH, boundary, e, ""),),
                    Applicability.SAFE,
                    msg.fix_delete_repeated(unit),
                )
            )
    return out


register(
    Rule(
        id="duplicate-word",
        severity=Severity.WARNING,
        summary="词语误重复（按照按照）；牢牢、方方面面、一个个、层层、今年年初等不报",
        doc={
            "作用": "找出连续重复输入的词语，用 jieba 分词确认是两个相同的词相连。",
            "为什么": "复制粘贴或输入法联想常造成“按照按照”之类的重复，朗读时才发现。",
            "示例": "安排办公室一名工作人员按照按照实施方案要求落实。",
            "修改后": "安排办公室一名工作人员按照实施方案要求落实。",
        },
        fixable=True,
        paragraph_check=check,
        needs_jieba=True,
    )
)
