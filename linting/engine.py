"""The lint engine: runs every enabled rule over a document, incrementally.

``Linter`` keeps two caches keyed by the (immutable, hashable) paragraph:
its :class:`~linting.analysis.ParagraphFacts` and the findings of every
paragraph rule.  A re-lint after an edit therefore analyses only the changed
paragraphs; document-level rules (series, counts, sections) re-run over the
cached facts, which is cheap, and the outline of the last lint is reused while
no paragraph changed what the outline pass reads
(:meth:`~linting.view.LintCache.outline`).  The editor calls ``lint`` with the
new paragraph list after each edit; nothing else is needed.
"""

from __future__ import annotations

import gc
import re
import threading
from bisect import bisect_left, insort
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import islice
from operator import attrgetter

from . import messages as msg
from .analysis import ParagraphFacts, analyze
from .config import Config, DocType, default_config
from .model import Applicability, Edit, Finding, Fix, Paragraph, Problem, Severity
from .outline import OutlineEntry
from .rules import RULES, Rule
from .rules.base import excerpt
from .view import DocView, LintCache
from .vocabulary import VOCABULARY, alternation

_TITLE_NOISE = re.compile(
    rf"(?:[0-9０-９]+|[（(][^（）()]*[)）]|{alternation(VOCABULARY.title_noise)}|[一二三四五六七八九十]+篇|\s)+$"
)


_MD_HEADING = re.compile(r"^#{1,6}\s+")

#: Lines of a saved web page or a document header that are never the title: 【打印本页】【关闭窗口】,
#: breadcrumbs (首页 > 新闻中心), 关键词/摘要 lines, 【标签】 rows.
_NOT_TITLE = re.compile(
    rf"^(?:【[^】]{{1,8}}】\s*){{1,}}$|^(?:{alternation(VOCABULARY.breadcrumbs)})\s*[>＞:：»/]|[>＞»]\s*(?:正文|详情|首页)\s*$"
    rf"|^(?:{alternation(VOCABULARY.metadata_labels + VOCABULARY.web_page_labels)})\s*[：:]"
    rf"|(?:{alternation(VOCABULARY.web_page_links)})"
)

#: The title is looked for in the first this-many paragraphs (after a red header, 份号 and 发文字号).
TITLE_SEARCH_PARAGRAPHS = 30
#: A line longer than this is body text, and ends the search for the title.
TITLE_MAX_CHARS = 60
#: At most this many short lines before the body are title candidates.
TITLE_MAX_CANDIDATES = 6

#: At most this many findings of one paragraph rule in one paragraph.
MAX_FINDINGS_PER_RULE = 100

#: A paragraph longer than this (no prose is) is linted on its first this-many characters only,
#: which bounds the work per paragraph whatever the input.
MAX_PARAGRAPH_CHARS = 100_000


#: The same key as :meth:`Problem.sort_key`, read by C code (a lint sorts thousands of problems).
_PROBLEM_ORDER = attrgetter("paragraph", "start", "end", "rule")

_gc_lock = threading.Lock()
_gc_depth = 0
_gc_restore = False


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a lint runs (it is re-enabled afterwards, as it was).

    A full lint allocates hundreds of thousands of small objects and frees them by reference
    counting; the cycle collector would scan the whole heap again and again meanwhile (about a
    tenth of a full lint's time) for garbage a lint does not make.  Lints on several threads
    share one pause: the collector comes back when the last one ends.
    """
    global _gc_depth, _gc_restore
    with _gc_lock:
        if _gc_depth == 0:
            _gc_restore = gc.isenabled()
            gc.disable()
        _gc_depth += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_depth -= 1
            if _gc_depth == 0 and _gc_restore:
                # What the lint made and kept (facts, findings, problems: the caches) is long-lived:
                # move it to the oldest generation (two list splices) rather than have the first
                # young collection after the pause scan it all.  Nothing is exempt from collection:
                # the next full collection looks at it as at everything else.  (Only when nothing
                # else keeps objects frozen: unfreeze thaws them all.)
                if gc.get_freeze_count() == 0:
                    gc.freeze()
                    gc.unfreeze()
                gc.enable()


class LintCancelled(Exception):
    """Raised by :meth:`Linter.lint` when its ``cancel`` callable returns true (caches stay valid)."""


def _bounded(p: Paragraph) -> Paragraph:
    """``p``, or ``p`` cut at :data:`MAX_PARAGRAPH_CHARS` (offsets of findings stay valid in the full text)."""
    return p if len(p.text) <= MAX_PARAGRAPH_CHARS else replace(p, text=p.text[:MAX_PARAGRAPH_CHARS])


@dataclass
class LintResult:
    """The result of one lint: problems sorted by position, plus the outline and type."""

    problems: list[Problem]
    outline: list[OutlineEntry]
    doctype: str | None
    doctype_source: str
    title_index: int | None
    facts: list[ParagraphFacts] = field(repr=False, default_factory=list)

    @property
    def worst(self) -> Severity | None:
        return max((p.severity for p in self.problems), key=lambda s: s.rank, default=None)


class Linter:
    """Lints documents with one configuration; keeps per-paragraph caches between calls."""

    def __init__(self, config: Config | None = None, *, rules: Sequence[str] | None = None) -> None:
        self.config = config or default_config()
        only = set(rules) if rules is not None else None
        #: The one place a finding's severity is decided: the configuration, else the rule's default.
        #: A rule the configuration turns off (``None``) does not run.
        self._severities: dict[str, Severity] = {}
        for r in RULES.values():
            sev = self.config.severities.get(r.id, r.severity)
            if sev is not None and (only is None or r.id in only):
                self._severities[r.id] = sev
        self.rules = [r for r in RULES.values() if r.id in self._severities]
        self._paragraph_rules = [r for r in self.rules if r.paragraph_check is not None]
        self._document_rules = [r for r in self.rules if r.document_check is not None]
        self._facts: dict[Paragraph, ParagraphFacts] = {}
        self._findings: dict[Paragraph, tuple[tuple[Rule, Finding], ...]] = {}
        self._problems_at: dict[tuple[int, Paragraph], tuple[Problem, ...]] = {}
        #: What document rules keep between lints (see :class:`~linting.view.LintCache`).
        self.cache = LintCache()
        #: The last lint's input and result: linting the same paragraphs again (``fix`` checking what
        #: is left, the editor re-linting without an edit) costs a comparison, not the document rules.
        self._last: tuple[tuple[tuple[Paragraph, ...], str | None], LintResult] | None = None

    @property
    def needs_jieba(self) -> bool:
        return any(r.needs_jieba for r in self.rules)

    def severity_of(self, rule: Rule) -> Severity:
        """The severity findings of ``rule`` get in this linter (configuration, else the rule's default)."""
        return self._severities.get(rule.id, rule.severity)

    def facts(self, p: Paragraph) -> ParagraphFacts:
        f = self._facts.get(p)
        if f is None:
            f = analyze(_bounded(p))
            self._facts[p] = f
        return f

    def lint(
        self,
        paragraphs: Sequence[Paragraph],
        doctype: str | None = None,
        *,
        cancel: Callable[[], bool] | None = None,
    ) -> LintResult:
        """Lint ``paragraphs``; ``doctype`` (a type name) overrides detection.

        ``cancel`` (for a background lint) is called before each paragraph that is not cached yet
        and before each document rule; when it returns true the lint stops with
        :class:`LintCancelled`.  What was computed so far stays cached for the next lint.
        """
        memo_key = (tuple(paragraphs), doctype)
        if self._last is not None and self._last[0] == memo_key:
            r = self._last[1]
            return replace(r, problems=list(r.problems), outline=list(r.outline), facts=list(r.facts))
        with _gc_paused():
            return self._lint(memo_key, paragraphs, doctype, cancel)

    def _lint(
        self,
        memo_key: tuple[tuple[Paragraph, ...], str | None],
        paragraphs: Sequence[Paragraph],
        doctype: str | None,
        cancel: Callable[[], bool] | None,
    ) -> LintResult:
        if cancel is None:
            known = self._facts.get  # ParagraphFacts are always true: a miss analyses the paragraph
            facts = [known(p) or self.facts(p) for p in paragraphs]
        else:
            facts = []
            for p in paragraphs:
                if p not in self._facts and cancel():
                    raise LintCancelled
                facts.append(self.facts(p))
        title_index = find_title(paragraphs, facts, self.config)
        dt, source = self._doctype(paragraphs, title_index, doctype)
        view = DocView(paragraphs, facts, title_index, dt, source, self.cache)
        problems: list[Problem] = []
        new_problems_at: dict[tuple[int, Paragraph], tuple[Problem, ...]] = {}
        known_at = self._problems_at.get
        for key in enumerate(paragraphs):
            cached = known_at(key)
            if cached is None:
                if cancel is not None and cancel():
                    raise LintCancelled
                i, p = key
                cached = self._paragraph_problems(i, p, facts[i])
            new_problems_at[key] = cached
            problems += cached
        self._problems_at = new_problems_at
        for rule in self._document_rules:
            assert rule.document_check is not None
            if cancel is not None and cancel():
                raise LintCancelled
            sev = self.severity_of(rule)
            problems.extend(to_problem(rule.id, sev, f, paragraphs) for f in rule.document_check(view, self.config))
        problems.sort(key=_PROBLEM_ORDER)
        self._trim_caches(paragraphs)
        outline = list(view.outline.entries)  # a copy: the outline itself stays in the cache
        result = LintResult(problems, outline, dt.name if dt else None, source, title_index, facts)
        self._last = (
            memo_key,
            replace(result, problems=list(problems), outline=list(result.outline), facts=list(facts)),
        )
        return result

    def _paragraph_problems(self, i: int, p: Paragraph, f: ParagraphFacts) -> tuple[Problem, ...]:
        found = self._findings.get(p)
        if found is None:
            text = _bounded(p).text
            config = self.config
            pairs: list[tuple[Rule, Finding]] = []
            for rule in self._paragraph_rules:
                got = rule.paragraph_check(text, f, config)  # type: ignore[misc]
                if not got:
                    continue  # () or []: the common case
                # A paragraph with hundreds of findings of one rule is not prose (or is hostile):
                # the first ones say everything and keep the editor responsive.
                if not isinstance(got, (list, tuple)) or len(got) > MAX_FINDINGS_PER_RULE:
                    got = islice(got, MAX_FINDINGS_PER_RULE)
                pairs.extend([(rule, finding) for finding in got])
            found = tuple(pairs)
            self._findings[p] = found
        return tuple([to_problem(rule.id, self.severity_of(rule), fd, (), (i, p)) for rule, fd in found])

    def _trim_caches(self, paragraphs: Sequence[Paragraph]) -> None:
        # Keep caches bounded: drop entries for paragraphs no longer in the document
        # once they clearly outnumber the live ones (undo keeps recent ones alive).
        if len(self._facts) > 2 * len(paragraphs) + 1000:
            live = set(paragraphs)
            self._facts = {p: f for p, f in self._facts.items() if p in live}
            self._findings = {p: f for p, f in self._findings.items() if p in live}
            self.cache.trim(live)

    def _doctype(
        self, paragraphs: Sequence[Paragraph], title_index: int | None, override: str | None
    ) -> tuple[DocType | None, str]:
        if override:
            dt = self.config.doctype_named(override)
            if dt is None:
                raise ValueError(msg.unknown_doctype(override, [d.name for d in self.config.doctypes]))
            return dt, "option"
        if self.config.doctype:
            return self.config.doctype_named(self.config.doctype), "config"
        if title_index is None:
            return None, ""
        dt = detect_doctype(paragraphs[title_index].text, self.config)
        return dt, ("title" if dt else "")


def to_problem(
    rule_id: str,
    severity: Severity,
    f: Finding,
    paragraphs: Sequence[Paragraph],
    at: tuple[int, Paragraph] | None = None,
) -> Problem:
    """The one way a :class:`Finding` becomes a :class:`Problem` (paragraph rules, document rules, passes).

    A document rule's finding says where it is (``f.paragraph``) in ``paragraphs``.  A paragraph
    rule's finding does not: ``at`` gives its paragraph's index and the paragraph, where its edits
    are placed.  A fix that would edit a read-only paragraph is dropped whole.
    """
    # One unpacking instead of an attribute lookup per field: this runs for every finding of a full lint.
    start, end, message, edits, applicability, description, _rule, index, shown = f
    if at is not None:
        index, p = at
        fix = Fix.in_paragraph(index, edits, applicability, description) if edits and not p.read_only else None
    else:
        assert index is not None, "a document rule's finding says in which paragraph it is"
        p = paragraphs[index]
        fix = None
        if edits and not any(paragraphs[e.paragraph].read_only for e in edits):
            fix = Fix(edits, applicability, description)
    excerpt_ = shown if shown and start == end else excerpt(p.text, start, end)
    return Problem(rule_id, severity, index, start, end, excerpt_, message, fix)


def normalize_title(title: str) -> str:
    """``2021意识形态工作情况总结十篇3`` → ``2021意识形态工作情况总结``."""
    t = title.strip()
    if t.startswith("《") and t.endswith("》") and t.count("《") == 1:
        t = t[1:-1].strip()  # a title written in 《》 is still the title
    t = _MD_HEADING.sub("", t)
    prev = None
    while prev != t:
        prev = t
        t = _TITLE_NOISE.sub("", t).strip()
    return t


def detect_doctype(title: str, config: Config) -> DocType | None:
    t = normalize_title(title)
    for dt in config.doctypes:
        if any(rx.search(t) for rx in dt.title):
            return dt
    return None


def find_title(
    paragraphs: Sequence[Paragraph], facts: list[ParagraphFacts], config: Config | None = None
) -> int | None:
    """The document's title.

    A Title-styled paragraph wins.  Otherwise the short lines before the first
    body paragraph or heading are candidates (a 公文 may open with 份号, the red
    header ``XX市人民政府文件`` and the 发文字号 before its title): the first one
    that names a document type, else the first one.
    """
    for i, p in enumerate(paragraphs[:TITLE_SEARCH_PARAGRAPHS]):
        if p.outline_level == 0 and p.text.strip():
            return i
    candidates: list[int] = []
    for i, p in enumerate(paragraphs[:TITLE_SEARCH_PARAGRAPHS]):
        if not p.text.strip() or p.in_table or (p.style or "").lower().startswith("toc"):
            continue
        f = facts[i]
        t = p.text.strip()
        if _NOT_TITLE.search(t) or f.toc or t.replace(" ", "").replace("\u3000", "") in ("目录", "目次"):
            continue
        if f.heading is not None and f.heading.marker is not None:
            break
        if len(t) > TITLE_MAX_CHARS or t.endswith(("。", "；", "，", "：", ":", ",", ";")):
            break
        candidates.append(i)
        if len(candidates) >= TITLE_MAX_CANDIDATES:
            break
    if not candidates:
        return None
    if config is not None and len(candidates) > 1:
        for i in candidates:
            if detect_doctype(paragraphs[i].text, config) is not None:
                return i
    return candidates[0]


def apply_fixes(texts: list[str], fixes: Sequence[Fix], *, only_safe: bool = True) -> tuple[list[str], int]:
    """Apply non-overlapping fixes to paragraph texts; returns the new texts and how many were applied.

    Fixes whose edits overlap an already accepted fix are skipped (they will be
    reported again on the next lint).  Each paragraph is rebuilt once from its
    pieces, and overlaps are looked up in sorted spans, so a fix of 50,000 marks
    in one long paragraph costs linear time.
    """
    taken: dict[int, list[tuple[int, int]]] = {}  # per paragraph: accepted spans, sorted, non-overlapping
    accepted: dict[int, list[Edit]] = {}
    count = 0
    for fix in fixes:
        if only_safe and fix.applicability != Applicability.SAFE:
            continue
        if any(_overlaps_taken(taken.get(e.paragraph), e.start, e.end) for e in fix.edits):
            continue
        for e in fix.edits:
            insort(taken.setdefault(e.paragraph, []), (e.start, max(e.end, e.start)))
            accepted.setdefault(e.paragraph, []).append(e)
        count += 1
    out = list(texts)
    for para, edits in accepted.items():
        t = out[para]
        pieces: list[str] = []
        pos = 0
        for e in sorted(edits, key=lambda e: (e.start, e.end)):
            pieces.append(t[pos : e.start])
            pieces.append(e.replacement)
            pos = max(pos, e.end)
        pieces.append(t[pos:])
        out[para] = "".join(pieces)
    return out, count


def _overlaps_taken(spans: list[tuple[int, int]] | None, a: int, b: int) -> bool:
    """Does the edit ``[a, b)`` overlap an accepted span, or insert at the start of one?

    ``spans`` is sorted and non-overlapping, so their ends are sorted too: of the spans
    starting before ``b`` only the last can reach past ``a``.
    """
    if not spans:
        return False
    k = bisect_left(spans, (b, -1))
    if k and a < spans[k - 1][1] and spans[k - 1][0] < b:
        return True
    if a == b:
        k = bisect_left(spans, (a, -1))
        return k < len(spans) and spans[k][0] == a
    return False


def fix_paragraphs(
    linter: Linter,
    paragraphs: Sequence[Paragraph],
    *,
    rules: Sequence[str] | None = None,
    doctype: str | None = None,
    rounds: int = 5,
) -> tuple[list[Paragraph], int]:
    """Apply safe fixes until none is left (fixes that overlapped wait for the next round)."""
    from dataclasses import replace

    current = list(paragraphs)
    total = 0
    for _ in range(rounds):
        result = linter.lint(current, doctype)
        fixes = [p.fix for p in result.problems if p.fix is not None and (not rules or p.rule in rules)]
        texts, applied = apply_fixes([p.text for p in current], fixes, only_safe=True)
        if not applied:
            break
        total += applied
        current = [p if p.text == t else replace(p, text=t) for p, t in zip(current, texts)]
    return current, total
