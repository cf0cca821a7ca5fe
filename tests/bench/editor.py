"""Editor benchmark: ``python -m tests.bench.editor [--size CHARS] [--runs N] [--txt]``.

For the ≈600-page report of :mod:`tests.bench.corpus` (≈1M characters of
unique paragraphs, as a styled .docx with tables; ``--txt`` for the .txt) it
prints, never asserts:

* start-up: wall time from launching a fresh process that does what
  ``python main.py FILE`` does until the window is shown with its first lint
  applied (and, separately, until the complete lint with jieba is shown);
* the longest UI stall while typing 200 characters (input-method commits, one
  every 40 ms, a 400 ms pause after every 20 so the background lint delivers)
  in a middle paragraph: the largest gap of a 5 ms heartbeat ``QTimer`` minus
  its interval, plus the slowest single keystroke and result application;
* fix-all for ``halfwidth-punct``: the synchronous apply (one undo step) and
  the time until the re-lint is shown;
* peak memory (VmHWM) of that process.

Targets: ≤ 3 s, ≤ 50 ms, ≤ 1 s, ≤ 500 MB.  Each run is a fresh process
(``--child``); the figures are medians over ``--runs``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from . import corpus

TARGETS = {
    "startup_first_lint_s": ("<= 3.0", 3.0),
    "startup_complete_lint_s": ("", None),
    "typing_max_stall_ms": ("<= 50", 50.0),
    "typing_slowest_key_ms": ("", None),
    "typing_slowest_result_apply_ms": ("", None),
    "fix_all_apply_s": ("<= 1.0", 1.0),
    "fix_all_until_relinted_s": ("", None),
    "peak_memory_mb": ("<= 500", 500.0),
}


def _vmhwm_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    except (ImportError, AttributeError):
        return None


def child(path: str, launched: float) -> dict[str, Any]:
    """Runs in the fresh process: what ``main.py FILE`` does, then the measurements."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from ui.app import create_app, lint_finished, wait_until
    from ui.main_window import open_path

    app = create_app(language="zh_CN")
    window = open_path(Path(path))
    assert window is not None
    window.resize(1600, 1000)
    window.show()
    out: dict[str, Any] = {}
    wait_until(lambda: window.lint_result() is not None and window.is_current(), 120)
    out["startup_first_lint_s"] = time.time() - launched
    wait_until(lambda: lint_finished(window), 120)
    out["startup_complete_lint_s"] = time.time() - launched
    out["paragraphs"] = len(window.editor.paragraphs())
    out["problems"] = len(window.visible_problems())

    # -- typing in the middle, with a heartbeat measuring stalls
    editor = window.editor
    paragraphs = editor.paragraphs()
    mid = len(paragraphs) // 2
    while mid < len(paragraphs) and (len(paragraphs[mid].text) < 20 or paragraphs[mid].read_only):
        mid += 1
    editor.go_to(mid, 10)
    gaps: list[float] = []
    key_times: list[float] = []
    apply_times: list[float] = []
    beat = QElapsedTimer()
    heartbeat = QTimer()
    heartbeat.setInterval(5)

    def tick() -> None:
        gaps.append(beat.nsecsElapsed() / 1e6)
        beat.restart()

    heartbeat.timeout.connect(tick)
    original_apply = window._apply_outcome

    def timed_apply(outcome: Any) -> None:
        t = time.perf_counter()
        original_apply(outcome)
        apply_times.append((time.perf_counter() - t) * 1000)

    window.worker.resultReady.disconnect(window._apply_outcome)
    window.worker.resultReady.connect(timed_apply)
    text = "我们要进一步加强组织领导完善工作机制确保各项任务落到实处" * 10
    typed = {"n": 0}

    def type_one() -> None:
        n = typed["n"]
        if n >= 200:
            return
        ev = QInputMethodEvent()
        ev.setCommitString(text[n])
        t = time.perf_counter()
        QApplication.sendEvent(editor, ev)
        key_times.append((time.perf_counter() - t) * 1000)
        typed["n"] = n + 1
        QTimer.singleShot(400 if (n + 1) % 20 == 0 else 40, type_one)

    beat.start()
    heartbeat.start()
    QTimer.singleShot(40, type_one)
    wait_until(lambda: typed["n"] >= 200, 300)
    wait_until(lambda: lint_finished(window), 60)
    heartbeat.stop()
    out["typing_max_stall_ms"] = max(0.0, max(gaps[1:], default=0.0) - 5.0)
    out["typing_slowest_key_ms"] = max(key_times, default=0.0)
    out["typing_slowest_result_apply_ms"] = max(apply_times, default=0.0)

    # -- fix all half-width punctuation
    n_half = sum(1 for p in window.visible_problems() if p.rule == "halfwidth-punct")
    t = time.perf_counter()
    fixed = window.fix_all("halfwidth-punct")
    out["fix_all_apply_s"] = time.perf_counter() - t
    wait_until(lambda: lint_finished(window), 120)
    out["fix_all_until_relinted_s"] = time.perf_counter() - t
    out["fix_all_fixed"] = fixed
    out["fix_all_problems_before"] = n_half
    out["peak_memory_mb"] = _vmhwm_mb()
    window.editor.document().setModified(False)
    window.close()
    app.processEvents()
    return out


def _run_child(path: Path, env: dict[str, str]) -> dict[str, Any]:
    launched = time.time()
    res = subprocess.run(
        [sys.executable, "-m", "tests.bench.editor", "--child", str(path), "--launched", repr(launched)],
        cwd=corpus.REPO,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=900,
    )
    if res.returncode != 0:
        raise RuntimeError(f"child failed ({res.returncode}):\n{res.stderr[-3000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.bench.editor", description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=1_000_000, help="report size in characters (default 1,000,000)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--txt", action="store_true", help="use the .txt report instead of the .docx")
    ap.add_argument("--cache", type=Path, default=corpus.CACHE_DIR)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--launched", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.launched or time.time())), flush=True)
        return 0
    txt, docx_path = corpus.build_report(args.size, args.cache, docx=not args.txt)
    path = txt if args.txt else docx_path
    assert path is not None
    print(f"document: {path.name} ({path.stat().st_size / 1e6:.1f} MB), {args.runs} fresh processes", flush=True)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        env.setdefault("REPORTLINT_DATA_DIR", str(Path(tmp) / "data"))
        env.setdefault("REPORTLINT_BACKUP_DIR", str(Path(tmp) / "backups"))
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")  # QSettings and user config of this run only
        for n in range(args.runs):
            r = _run_child(path, env)
            results.append(r)
            print(f"  run {n + 1}: " + ", ".join(f"{k}={v:.3f}" for k, v in r.items() if isinstance(v, float)))
    first = results[0]
    print(
        f"paragraphs {first['paragraphs']}, problems shown {first['problems']}, "
        f"halfwidth-punct fixed {first['fix_all_fixed']} of {first['fix_all_problems_before']}"
    )
    print(f"{'figure':34} {'median':>10}  target")
    for key, (target, limit) in TARGETS.items():
        values = [r[key] for r in results if r.get(key) is not None]
        if not values:
            print(f"{key:34} {'n/a':>10}")
            continue
        med = statistics.median(values)
        verdict = "" if limit is None else ("✓" if med <= limit else "✗")
        print(f"{key:34} {med:10.3f}  {target} {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
