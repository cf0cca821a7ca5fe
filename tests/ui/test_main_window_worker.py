"""The background lint worker on its own: debounce, one job in flight, stale results dropped."""

from __future__ import annotations

import threading
import time

from linting.engine import Linter
from linting.model import Paragraph
from linting.rules import RULES


class SlowLinter(Linter):
    """A real Linter (without jieba's rule, so the worker uses it at once) that takes its time
    and records how many lints ran at once."""

    def __init__(self) -> None:
        super().__init__(rules=[r.id for r in RULES.values() if not r.needs_jieba])
        self.calls: list[tuple[str, ...]] = []
        self.running = 0
        self.max_running = 0
        self._lock = threading.Lock()

    def lint(self, paragraphs, doctype=None):
        with self._lock:
            self.running += 1
            self.max_running = max(self.max_running, self.running)
        try:
            time.sleep(0.15)
            self.calls.append(tuple(p.text for p in paragraphs))
            return super().lint(paragraphs, doctype)
        finally:
            with self._lock:
                self.running -= 1


class FakeDocument:
    def __init__(self) -> None:
        self.rev = 0
        self.texts = ["关于春季防火工作的通知", "各单位要做好准备,确保安全。"]

    def edit(self, text: str) -> None:
        self.texts[1] = text
        self.rev += 1

    def paragraphs(self) -> list[Paragraph]:
        return [Paragraph(t) for t in self.texts]


def _worker(linter, doc, debounce_ms=50):
    from ui.lint_worker import LintWorker

    return LintWorker(linter, lambda: doc.rev, doc.paragraphs, debounce_ms=debounce_ms)


def test_edits_are_debounced_into_one_lint(qtbot) -> None:
    linter = SlowLinter()
    doc = FakeDocument()
    worker = _worker(linter, doc)
    results = []
    worker.resultReady.connect(results.append)
    for n in range(10):
        doc.edit(f"各单位要做好准备{n},确保安全。")
        worker.schedule()
    qtbot.waitUntil(lambda: bool(results) and not worker.is_busy(), timeout=10_000)
    assert len(linter.calls) == 1 and linter.calls[0][1] == "各单位要做好准备9,确保安全。"
    assert len(results) == 1 and results[0].revision == doc.rev
    assert [p.rule for p in results[0].result.problems] == [
        p.rule for p in Linter(rules=[r.id for r in linter.rules]).lint(doc.paragraphs()).problems
    ]


def test_a_result_for_an_old_revision_is_dropped_and_one_job_runs_at_a_time(qtbot) -> None:
    linter = SlowLinter()
    doc = FakeDocument()
    worker = _worker(linter, doc, debounce_ms=10_000)  # only lint_now starts jobs here
    results = []
    worker.resultReady.connect(results.append)
    worker.lint_now()  # job 1 on revision 0
    doc.edit("各单位要做好准备，确保安全。")  # the text changes while job 1 runs
    worker.lint_now()  # must wait for job 1, then run on revision 1
    worker.lint_now()
    qtbot.waitUntil(lambda: bool(results) and not worker.is_busy(), timeout=10_000)
    assert linter.max_running == 1
    assert len(linter.calls) == 2
    assert [r.revision for r in results] == [1]  # job 1's result was stale: never delivered
    assert not any(p.rule == "halfwidth-punct" for p in results[0].result.problems)


def test_forcing_a_document_type_relints_and_drops_older_jobs(qtbot) -> None:
    linter = SlowLinter()
    doc = FakeDocument()
    worker = _worker(linter, doc, debounce_ms=10_000)
    results = []
    worker.resultReady.connect(results.append)
    worker.lint_now()
    worker.set_doctype("请示")  # while the first job runs
    qtbot.waitUntil(lambda: bool(results) and not worker.is_busy(), timeout=10_000)
    assert [r.result.doctype for r in results] == ["请示"]
    worker.stop()
    doc.edit("x")
    worker.schedule()
    worker.lint_now()
    assert not worker.is_busy() and len(linter.calls) == 2


def test_other_rules_show_before_jieba_then_the_complete_result(qtbot) -> None:
    doc = FakeDocument()
    doc.edit("各单位要按照按照要求做好准备。")
    worker = _worker(Linter(), doc)
    results = []
    worker.resultReady.connect(results.append)
    worker.lint_now()
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    if not results[0].complete:  # jieba not loaded yet in this process: no duplicate-word yet
        assert not any(p.rule == "duplicate-word" for p in results[0].result.problems)
    worker.start_jieba()
    qtbot.waitUntil(lambda: results[-1].complete and not worker.is_busy(), timeout=30_000)
    assert [p.rule for p in results[-1].result.problems] == [p.rule for p in Linter().lint(doc.paragraphs()).problems]
    assert any(p.rule == "duplicate-word" for p in results[-1].result.problems)
