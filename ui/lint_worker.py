"""The background lint: debounced, on an immutable snapshot, stale results dropped.

An edit calls :meth:`LintWorker.schedule`, which (re)starts a 300 ms
single-shot timer.  On timeout the worker takes a snapshot on the GUI thread
(``snapshot()`` returns the revision and a list of immutable Paragraphs) and
runs ``Linter.lint`` in a ``QRunnable`` on the global thread pool.  At most one
job is in flight per document (so its Linter is used by one job at a time);
an edit during a job just marks the worker dirty and a new job starts when the
current one is done.  A result whose revision is no longer the editor's is
dropped.  The relay object whose signal the runnable emits is created (and
owned) on the GUI thread.

jieba: the full linter needs jieba for ``duplicate-word``.  Until jieba has
been loaded in the background, jobs run a second linter without jieba's rules
so every other result shows at once; when jieba is ready the worker re-lints
with the full linter (see :func:`linting.rules.words.preload_in_background`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from linting.engine import Linter, LintResult
from linting.model import Paragraph
from linting.rules import words

log = logging.getLogger(__name__)

#: Debounce after the last edit before a lint starts.
DEBOUNCE_MS = 300


@dataclass(frozen=True)
class LintOutcome:
    """What a job produced: for which revision, with or without jieba, the result or an error."""

    revision: int
    generation: int
    paragraphs: tuple[Paragraph, ...]
    result: LintResult | None
    error: str | None
    complete: bool  # False when jieba's rules were left out


class _Relay(QObject):
    done = Signal(object)


class _Job(QRunnable):
    def __init__(
        self, relay: _Relay, linter: Linter, snapshot: tuple[Paragraph, ...], revision: int, generation: int,
        doctype: str | None, complete: bool,
    ) -> None:  # fmt: skip
        super().__init__()
        self.setAutoDelete(True)
        self._relay = relay
        self._linter = linter
        self._snapshot = snapshot
        self._revision = revision
        self._generation = generation
        self._doctype = doctype
        self._complete = complete

    def run(self) -> None:
        result = None
        error = None
        try:
            result = self._linter.lint(self._snapshot, self._doctype)
        except Exception as e:  # noqa: BLE001 - report in the window, never kill the pool thread
            log.exception("lint failed")
            error = f"{type(e).__name__}: {e}"
        outcome = LintOutcome(self._revision, self._generation, self._snapshot, result, error, self._complete)
        try:
            self._relay.done.emit(outcome)
        except RuntimeError:  # the window (and its relay) is gone
            pass


class LintWorker(QObject):
    """Debounced background lint of one document; emits ``resultReady`` for the current revision only."""

    #: A current result (LintOutcome with result set).
    resultReady = Signal(object)
    #: A job failed (message); the previous result stays.
    failed = Signal(str)
    #: A job started / the worker went idle (for the status bar and tests).
    busyChanged = Signal(bool)

    def __init__(
        self,
        linter: Linter,
        revision: Callable[[], int],
        paragraphs: Callable[[], Sequence[Paragraph]],
        parent: QObject | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        """``revision()`` is the editor's content revision, ``paragraphs()`` its snapshot (GUI thread)."""
        super().__init__(parent)
        self._linter = linter
        self._partial: Linter | None = None
        self._revision = revision
        self._paragraphs = paragraphs
        self._doctype: str | None = None
        self._generation = 0
        self._in_flight = False
        self._dirty = False
        self._stopped = False
        self._last: LintOutcome | None = None
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.lint_now)
        self._jieba_thread: threading.Thread | None = None
        self._jieba_poll = QTimer(self)
        self._jieba_poll.setInterval(100)
        self._jieba_poll.timeout.connect(self._check_jieba)

    # -- configuration

    def set_linter(self, linter: Linter) -> None:
        """Use another linter (new config); the next job uses it and older results are dropped."""
        self._linter = linter
        self._partial = None
        self.invalidate()

    def linter(self) -> Linter:
        return self._linter

    def set_doctype(self, doctype: str | None) -> None:
        """Force a document type (None: detect) and re-lint."""
        self._doctype = doctype or None
        self.invalidate()

    def doctype(self) -> str | None:
        return self._doctype

    def invalidate(self) -> None:
        """Drop results of running jobs and lint again at once."""
        self._generation += 1
        self.lint_now()

    # -- scheduling

    def schedule(self) -> None:
        """An edit happened: lint after the debounce interval (restarts the timer)."""
        if not self._stopped:
            self._timer.start()

    def lint_now(self) -> None:
        """Start a job now (or as soon as the running one is done)."""
        self._timer.stop()
        if self._stopped:
            return
        if self._in_flight:
            self._dirty = True
            return
        revision = self._revision()
        snapshot = tuple(self._paragraphs())
        complete = words.jieba_loaded() or not self._linter.needs_jieba
        linter = self._linter if complete else self._partial_linter()
        self._in_flight = True
        self._dirty = False
        self.busyChanged.emit(True)
        job = _Job(self._relay, linter, snapshot, revision, self._generation, self._doctype, complete)
        QThreadPool.globalInstance().start(job)

    def _partial_linter(self) -> Linter:
        if self._partial is None:
            cfg = self._linter.config
            ids = [r.id for r in self._linter.rules if not r.needs_jieba]
            self._partial = Linter(cfg, rules=ids)
        return self._partial

    def is_busy(self) -> bool:
        return self._in_flight or self._timer.isActive() or self._dirty

    def last_outcome(self) -> LintOutcome | None:
        return self._last

    def start_jieba(self) -> None:
        """Load jieba on a background thread; re-lint with the full rule set when it is ready."""
        if words.jieba_loaded() or not self._linter.needs_jieba:
            return
        if self._jieba_thread is None:
            self._jieba_thread = words.preload_in_background()
        self._jieba_poll.start()

    def _check_jieba(self) -> None:
        if words.jieba_loaded():
            self._jieba_poll.stop()
            self._partial = None
            if self._last is not None and not self._last.complete:
                self.lint_now()

    def stop(self) -> None:
        """No new jobs (the window is closing); a running job's result is ignored."""
        self._stopped = True
        self._timer.stop()
        self._jieba_poll.stop()
        self._generation += 1

    # -- results

    def _on_done(self, outcome: LintOutcome) -> None:
        self._in_flight = False
        if self._stopped:
            return
        stale = outcome.generation != self._generation or outcome.revision != self._revision()
        if outcome.error is not None and not stale:
            self.failed.emit(outcome.error)
        elif not stale and outcome.result is not None:
            self._last = outcome
            self.resultReady.emit(outcome)
        if self._dirty or (stale and not self._timer.isActive()):
            self.lint_now()
            return
        if not outcome.complete and words.jieba_loaded() and not stale:
            self.lint_now()
            return
        self.busyChanged.emit(False)
