"""Measure ReportLint: ``python -m tests.bench [--quick] [--out FILE] [--runs N] [--size CHARS]``.

Every figure is the median of several runs (``time.perf_counter``), printed as
one row — name, value, unit, target, pass/miss — and written with machine
info to ``tests/bench/results.json`` (or ``--out``).  Targets are goals: a
missed target never changes the exit status; a crash does (a row that raised
is printed as ERROR, the rest still run, and the exit status is 1).

The documents come from :mod:`tests.bench.corpus` and are cached in
``tests/bench/.cache/`` (rebuilt when the seeds or the generator change).
Backups made by saves go to a temporary folder (``REPORTLINT_BACKUP_DIR``).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import corpus

REPO = corpus.REPO
DEFAULT_OUT = Path(__file__).resolve().parent / "results.json"
REGEX_BASELINE = r"[,;:?!()]"


@dataclass
class Row:
    """One printed figure."""

    name: str
    value: float | None
    unit: str
    target: str = ""  # e.g. "<= 1.0"; empty: reported only
    note: str = ""
    error: str = ""

    @property
    def status(self) -> str:
        if self.error:
            return "ERROR"
        if not self.target or self.value is None:
            return "-"
        op, limit = self.target.split()
        ok = self.value <= float(limit) if op == "<=" else self.value >= float(limit)
        return "pass" if ok else "miss"


class Bench:
    """Collects rows; ``measure`` runs one figure and turns a crash into an ERROR row."""

    def __init__(self) -> None:
        self.rows: list[Row] = []

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        _print_row(row)
        return row

    def guard(self, names: list[str], fn: Callable[[], None]) -> None:
        """Run ``fn`` (which adds rows); if it raises, add ERROR rows for ``names`` not yet added."""
        try:
            fn()
        except Exception as e:  # noqa: BLE001 — report and carry on; the exit status says it
            tb = traceback.format_exc(limit=4)
            print(tb, file=sys.stderr)
            have = {r.name for r in self.rows}
            for n in names:
                if n not in have:
                    self.add(Row(n, None, "", error=f"{type(e).__name__}: {e}"))


def _fmt(v: float | None) -> str:
    if v is None:
        return "-"
    if v == 0 or abs(v) >= 100:
        return f"{v:.0f}"
    if abs(v) >= 1:
        return f"{v:.2f}"
    return f"{v:.4f}"


_HEADER = f"{'name':<34} {'value':>10} {'unit':<9} {'target':<9} {'status':<6} note"


def _print_row(r: Row) -> None:
    note = r.error or r.note
    print(f"{r.name:<34} {_fmt(r.value):>10} {r.unit:<9} {r.target:<9} {r.status:<6} {note}", flush=True)


def median_time(fn: Callable[[], Any], runs: int, setup: Callable[[], Any] | None = None) -> float:
    """Median wall time of ``fn()`` over ``runs`` runs (``setup()`` runs untimed before each)."""
    times = []
    for _ in range(runs):
        if setup is not None:
            setup()
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


# ---------------------------------------------------------------------------
# Machine info


def machine_info() -> dict[str, Any]:
    cpu_model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu_model = platform.processor()
    mem_total = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_total = int(line.split()[1]) // 1024
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    return {
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "cpu_count": os.cpu_count(),
        "cpu_usable": usable,
        "cpu_model": cpu_model,
        "mem_total_mb": mem_total,
    }


def _git_head() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, timeout=10
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "linting"], cwd=REPO, capture_output=True, text=True, timeout=10
        ).stdout.strip()
        return out.stdout.strip() + ("+dirty(linting/)" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return ""


# ---------------------------------------------------------------------------
# Helpers


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return env


def _python(code: str, timeout: float = 300, env: dict[str, str] | None = None) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=timeout, env=env or _env()
    )
    if proc.returncode != 0:
        raise RuntimeError(f"subprocess failed ({proc.returncode}): {proc.stderr.strip()[-800:]}")
    return proc.stdout


def fresh_linter(**kwargs: Any) -> Any:
    """A new ``Linter`` with every cache empty, module-level ones too (the caches keyed by paragraph
    text: jieba's segments, unpaired marks, quotation excess).

    A "full lint" must do all the work: a fresh editor session or CLI process has no caches.
    """
    from linting import analysis
    from linting.engine import Linter
    from linting.rules import punct, words

    for module, name in ((words, "_segment"), (punct, "_unbalanced"), (analysis, "quote_excess")):
        cached = getattr(module, name, None)
        if cached is not None and hasattr(cached, "cache_clear"):
            cached.cache_clear()
    return Linter(**kwargs)


def _paragraphs_of(path: Path) -> list[Any]:
    from linting.io import open_document

    return list(open_document(path).paragraphs)


def _middle_body_index(paragraphs: list[Any], facts: list[Any]) -> int:
    """The body paragraph (not a heading, ≥ 40 characters) closest to the middle."""
    mid = len(paragraphs) // 2
    for d in range(len(paragraphs)):
        for i in (mid + d, mid - d):
            if 0 <= i < len(paragraphs) and facts[i].heading is None and len(paragraphs[i].text) >= 40:
                return i
    return mid


def _edit_text(text: str, n: int) -> str:
    """A one-character edit in the middle of ``text``, different for each ``n``."""
    pos = len(text) // 2
    return text[:pos] + "甲乙丙丁戊己庚辛壬癸"[n % 10] + str(n // 10 or "") + text[pos + 1 :]


# ---------------------------------------------------------------------------
# The figures


def bench_lint(b: Bench, txt: Path, runs: int) -> dict[str, Any]:
    from linting.lexicon import lexicon
    from linting.rules import RULES

    lexicon()  # the word lookup opened before timing: the editor preloads it in the background
    paragraphs = _paragraphs_of(txt)
    text = "\n".join(p.text for p in paragraphs)
    chars = len(text)
    ctx: dict[str, Any] = {"paragraphs": paragraphs, "chars": chars}

    result = fresh_linter().lint(paragraphs)
    ctx["problems"] = len(result.problems)
    full = median_time(lambda: fresh_linter().lint(paragraphs), runs)
    b.add(
        Row(
            "full_lint_1M_txt",
            full,
            "s",
            "<= 1.0",
            f"{chars:,} chars, {len(paragraphs):,} paragraphs, {len(result.problems):,} problems, fresh Linter",
        )
    )

    rx = re.compile(REGEX_BASELINE)
    regex = median_time(lambda: rx.findall(text), max(runs, 5))
    b.add(Row("regex_pass_1M", regex * 1000, "ms", "", f"re.compile(r'{REGEX_BASELINE}').findall over the text"))
    b.add(Row("full_lint_over_regex", full / regex, "x", "<= 15"))

    # jieba's share: time spent segmenting (a timing proxy around linting.lexicon's lcut), and the
    # whole duplicate-word rule (the same lint without it: candidate regex + segmentation).
    from linting import lexicon as lexicon_module

    class _TimedLexicon:
        def __init__(self, lx: Any) -> None:
            self._lx, self.seconds, self.calls = lx, 0.0, 0

        def freq(self, word: str) -> int:
            return self._lx.freq(word)

        def lcut(self, *a: Any, **k: Any) -> Any:
            t = time.perf_counter()
            try:
                return self._lx.lcut(*a, **k)
            finally:
                self.seconds += time.perf_counter() - t
                self.calls += 1

    real = lexicon_module._lexicon
    proxy = _TimedLexicon(real)
    lexicon_module._lexicon = proxy  # type: ignore[assignment]
    try:
        fresh_linter().lint(paragraphs)
    finally:
        lexicon_module._lexicon = real
    b.add(
        Row(
            "jieba_time_in_full_lint",
            proxy.seconds * 1000,
            "ms",
            "",
            f"{proxy.calls} lcut calls = {100 * proxy.seconds / full:.1f}% of the full lint",
        )
    )
    without = [r for r in RULES if r != "duplicate-word"]
    # Interleaved with full lints so machine noise hits both alike.
    pairs = [
        (
            median_time(lambda: fresh_linter().lint(paragraphs), 1),
            median_time(lambda: fresh_linter(rules=without).lint(paragraphs), 1),
        )
        for _ in range(runs)
    ]
    with_dup = statistics.median(a for a, _ in pairs)
    no_dup = statistics.median(c for _, c in pairs)
    b.add(
        Row(
            "full_lint_without_dup_word",
            no_dup,
            "s",
            "",
            f"all rules but duplicate-word (the jieba user); interleaved full lint {with_dup:.3f} s",
        )
    )
    full_for_share = with_dup
    share = max(0.0, full_for_share - no_dup)
    b.add(
        Row(
            "dup_word_rule_share",
            100 * share / full_for_share,
            "%",
            "",
            f"{share * 1000:.0f} ms of {full_for_share * 1000:.0f} ms: candidate regex + jieba",
        )
    )

    # Incremental: warm a Linter on the document, then edit one character of the middle paragraph.
    facts = result.facts
    mid = _middle_body_index(paragraphs, facts)
    linter = fresh_linter()
    linter.lint(paragraphs)
    counter = iter(range(10_000))

    def edited() -> list[Any]:
        n = next(counter)
        out = list(paragraphs)
        out[mid] = dataclasses.replace(paragraphs[mid], text=_edit_text(paragraphs[mid].text, n))
        return out

    docs = [edited() for _ in range(max(runs, 5))]
    it = iter(docs)
    relint = median_time(lambda: linter.lint(next(it)), len(docs))
    b.add(Row("relint_after_char_edit", relint * 1000, "ms", "<= 30", f"paragraph {mid} of {len(paragraphs)}"))

    # Insert a new paragraph in the middle: every index after it shifts.
    inserts = []
    for n in range(max(runs, 5)):
        out = list(paragraphs)
        out.insert(mid, dataclasses.replace(paragraphs[mid], text=f"新插入的一段说明文字，第{n + 1}稿。"))
        inserts.append(out)
    linter2 = fresh_linter()
    linter2.lint(paragraphs)
    it2 = iter(inserts)
    # Each insert is measured against a linter warmed on the original document.
    ins = median_time(lambda: linter2.lint(next(it2)), len(inserts), setup=lambda: linter2.lint(paragraphs))
    b.add(Row("relint_after_insert_paragraph", ins * 1000, "ms", "", "indices after the insert shift"))
    ctx["text"] = text
    return ctx


def bench_jieba_load(b: Bench, runs: int, tmp: Path) -> None:
    code = (
        "import time; t = time.perf_counter(); from linting.lexicon import lexicon; "
        "lexicon().lcut('按照按照实施方案要求落实'); print(time.perf_counter() - t)"
    )
    _python(code)  # make sure the lookup file exists
    warm = statistics.median(float(_python(code).strip()) for _ in range(runs))
    b.add(Row("jieba_load_fresh_process", warm, "s", "", "open linting.lexicon + one clause, lookup file present"))
    cold = []
    for n in range(min(runs, 3)):
        env = _env()
        env["REPORTLINT_DATA_DIR"] = str(tmp / f"data-{n}")
        cold.append(float(_python(code, env=env).strip()))
    b.add(Row("jieba_load_no_cache_file", statistics.median(cold), "s", "", "first run ever: builds the lookup file"))
    ref = (
        "import time; t = time.perf_counter(); from linting.rules.words import tokenizer; tokenizer(); "
        "print(time.perf_counter() - t)"
    )
    _python(ref)
    jieba_warm = statistics.median(float(_python(ref).strip()) for _ in range(runs))
    b.add(Row("jieba_itself_load_fresh_process", jieba_warm, "s", "", "jieba.Tokenizer initialize, cache present"))


def bench_docx(b: Bench, docx_path: Path, runs: int, tmp: Path) -> None:
    from linting.io import open_document, save_document
    from linting.lexicon import lexicon

    lexicon()
    holder: dict[str, Any] = {}

    def open_and_lint() -> None:
        doc = open_document(docx_path)
        result = fresh_linter().lint(doc.paragraphs)
        holder["doc"], holder["result"] = doc, result

    t_open = median_time(lambda: open_document(docx_path), runs)
    total = median_time(open_and_lint, runs)
    doc, result = holder["doc"], holder["result"]
    tables = sum(1 for p in doc.paragraphs if p.in_table)
    b.add(Row("docx_open", t_open, "s", "", f"{docx_path.stat().st_size / 1e6:.1f} MB file"))
    b.add(
        Row(
            "docx_open_outline_first_lint",
            total,
            "s",
            "<= 3.0",
            f"{len(doc.paragraphs):,} paragraphs ({tables} in tables), {len(result.outline):,} outline entries",
        )
    )

    mid = _middle_body_index(doc.paragraphs, result.facts)
    save_times = []
    for n in range(runs):
        target = tmp / f"save-{n}.docx"
        shutil.copyfile(docx_path, target)
        d = open_document(target)
        texts = d.texts
        texts[mid] = _edit_text(texts[mid], n)
        t = time.perf_counter()
        save_document(d, texts)
        save_times.append(time.perf_counter() - t)
        if n == 0:  # the edit must be in the saved file, and only there
            again = open_document(target).texts
            if again != texts:
                diff = sum(1 for a, c in zip(again, texts, strict=False) if a != c) + abs(len(again) - len(texts))
                raise AssertionError(f"saved .docx reads back different: {diff} paragraphs differ")
    b.add(
        Row(
            "docx_save_after_edit",
            statistics.median(save_times),
            "s",
            "<= 2.0",
            "one paragraph changed; atomic write + backup (verified by re-reading)",
        )
    )


def bench_memory(b: Bench, docx_path: Path) -> None:
    # Peak RSS of the process's own memory: VmHWM from /proc (ru_maxrss is no good in a child: Linux
    # carries the parent's pre-exec high-water mark over into it).  Falls back to ru_maxrss elsewhere.
    code = (
        "import resource, sys\n"
        "def peak():\n"
        "    try:\n"
        "        for line in open('/proc/self/status'):\n"
        "            if line.startswith('VmHWM:'):\n"
        "                return int(line.split()[1]) / 1024\n"
        "    except OSError:\n"
        "        pass\n"
        "    kib = 1024 if sys.platform != 'darwin' else 2**20\n"
        "    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / kib\n"
        "from linting.engine import Linter\n"
        "from linting.io import open_document\n"
        "from linting.lexicon import lexicon\n"
        "base = peak()\n"
        "lexicon()\n"
        "jieba = peak()\n"
        f"doc = open_document({str(docx_path)!r})\n"
        "opened = peak()\n"
        "r = Linter().lint(doc.paragraphs)\n"
        "print(base, jieba, opened, peak())\n"
    )
    base, jieba, opened, peak = (float(x) for x in _python(code).split())
    b.add(
        Row(
            "peak_rss_docx_open_lint",
            peak,
            "MB",
            "<= 400",
            f"fresh process, VmHWM; after imports {base:.0f} MB, +jieba {jieba:.0f}, +open {opened:.0f}",
        )
    )


def _cli_first_output(path: Path, runs: int) -> tuple[float, float, bool]:
    """(median time to first stdout byte, median time to exit, whether jieba was imported)."""
    firsts, exits = [], []
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "linting", "check", str(path)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=_env(),
        )
        assert proc.stdout is not None
        first = proc.stdout.read(1)
        t_first = time.perf_counter() - t
        proc.stdout.read()
        rc = proc.wait()
        exits.append(time.perf_counter() - t)
        if rc not in (0, 1):
            raise RuntimeError(f"CLI exit status {rc} on {path}")
        if not first:
            raise RuntimeError(f"CLI printed nothing for {path}")
        firsts.append(t_first)
    probe = (
        "import sys\n"
        "from linting.cli import main\n"
        f"main(['check', {str(path)!r}])\n"
        "sys.stdout.flush()\n"
        "from linting import lexicon\n"
        "sys.stderr.write('JIEBA=%d' % lexicon.loaded())\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, env=_env(), timeout=120
    )
    m = re.search(r"JIEBA=(\d)", proc.stderr)
    if m is None:
        raise RuntimeError(f"jieba probe failed: {proc.stderr[-500:]}")
    return statistics.median(firsts), statistics.median(exits), m.group(1) == "1"


def _halve_repeats(text: str) -> str:
    from linting.rules.words import candidates

    for m in reversed(candidates(text)):
        text = text[: m.start()] + m.group(0)[: len(m.group(0)) // 2] + text[m.end() :]
    return text


def bench_cli(b: Bench, runs: int, tmp: Path, seeds: list[corpus.Seed]) -> None:
    from linting.rules.words import candidates

    def has_candidate(lines: list[str]) -> bool:
        return any(candidates(t) for t in lines)

    with_cand = next((s for s in seeds if has_candidate(list(s.body))), None)
    without = next((s for s in seeds if not has_candidate([s.title, *s.body])), None)
    cases = []
    if without is not None:
        cases.append(("no_jieba", without, False))
    else:  # only doc09 available: drop its repeated word to get a candidate-free page
        body = [_halve_repeats(t) for t in seeds[0].body]
        cases.append(("no_jieba", corpus.Seed(seeds[0].name + "-nodup", seeds[0].title, tuple(body)), False))
    if with_cand is not None:
        cases.append(("with_jieba", with_cand, True))
    for label, seed, expect_jieba in cases:
        path = corpus.write_txt([seed.title, *seed.body], tmp / f"cli-{label}-{seed.name}.txt")
        first, total, loaded = _cli_first_output(path, runs)
        note = f"{seed.name} ({len(''.join(seed.body)):,} chars); jieba {'loaded' if loaded else 'not loaded'}"
        if loaded != expect_jieba:
            note += f" — UNEXPECTED (expected {'loaded' if expect_jieba else 'not loaded'})"
        b.add(Row(f"cli_first_output_{label}", first, "s", "", note))
        b.add(Row(f"cli_exit_{label}", total, "s", ""))


def _chunks(text: str, limit: int) -> list[str]:
    """``text`` cut at line ends into pieces of at most ``limit`` characters."""
    out, cur, size = [], [], 0
    for line in text.split("\n"):
        if cur and size + len(line) + 1 > limit:
            out.append("\n".join(cur))
            cur, size = [], 0
        cur.append(line)
        size += len(line) + 1
    if cur:
        out.append("\n".join(cur))
    return out


def bench_autocorrect(b: Bench, text: str, ours: float, runs: int) -> None:
    import autocorrect_py as autocorrect

    t_fmt = median_time(lambda: autocorrect.format(text), runs)
    b.add(Row("autocorrect_format_1M", t_fmt, "s", "", "autocorrect_py.format(text), whole text at once"))
    # Its parser sometimes gives up on large inputs ("call limit reached", not deterministic), so
    # lint_for runs over chunks of whole lines, halving the chunk size until every chunk passes.
    try:
        autocorrect.lint_for(text, "report.txt")
        whole = "whole text at once works"
    except ValueError as e:
        whole = "whole text fails: " + str(e).strip().splitlines()[-1].strip(" =")
    limit = 100_000
    while True:
        pieces = _chunks(text, limit)
        try:
            t_lint = median_time(lambda p=pieces: [autocorrect.lint_for(c, "report.txt") for c in p], runs)
            break
        except ValueError:
            if limit < 1000:
                raise
            limit //= 2
    note = f"lint_for over {len(pieces)} chunks of ≤{limit:,} chars ({whole})"
    b.add(Row("autocorrect_lint_for_1M", t_lint, "s", "", note))
    b.add(Row("full_lint_over_autocorrect", ours / t_lint, "x", "<= 1.0", "our full lint / autocorrect lint_for"))


def _wall(cmd: list[str], runs: int) -> float:
    def once() -> None:
        proc = subprocess.run(cmd, cwd=REPO, capture_output=True, env=_env(), timeout=600)
        if proc.returncode not in (0, 1):
            raise RuntimeError(f"{cmd[2:]} exit {proc.returncode}: {proc.stderr.decode()[-500:]}")

    return median_time(once, runs)


def bench_startup(b: Bench, txt: Path, runs: int) -> None:
    """Start-up figures (issue 9): wall clock of whole CLI runs, and the first lint in a fresh process."""
    start = _wall([sys.executable, "-c", "pass"], runs)
    b.add(Row("python_start", start, "s", "", "python -c pass"))
    sample = _wall([sys.executable, "-m", "linting", "check", "resources/samples/"], runs)
    b.add(Row("cli_sample_folder", sample, "s", "<= 1.0", "python -m linting check resources/samples/, wall"))
    big = _wall([sys.executable, "-m", "linting", "check", str(txt)], runs)
    b.add(Row("cli_1M_report_beyond_start", big - start, "s", "<= 1.0", f"check of the 1M .txt {big:.2f} s − start"))
    code = (
        "import time\n"
        "from linting.engine import Linter\n"
        "from linting.io import open_document\n"
        f"ps = open_document({str(txt)!r}).paragraphs\n"
        "t = time.perf_counter(); Linter().lint(ps); ours = time.perf_counter() - t\n"
        "import autocorrect_py\n"
        "text = '\\n'.join(p.text for p in ps)\n"
        "t = time.perf_counter(); autocorrect_py.lint_for(text, 'report.txt'); theirs = time.perf_counter() - t\n"
        "print(ours, theirs)\n"
    )
    pairs = [tuple(float(x) for x in _python(code).split()) for _ in range(runs)]
    ours = statistics.median(p[0] for p in pairs)
    ratio = statistics.median(p[0] / p[1] for p in pairs)
    b.add(Row("first_full_lint_fresh_process", ours, "s", "", "nothing loaded yet: regexes compiled, lookup opened"))
    b.add(Row("first_full_lint_over_autocorrect", ratio, "x", "<= 1.0", "same process, autocorrect lint_for after"))


def bench_batch(b: Bench, folder: Path, count: int, runs: int) -> None:
    cores = os.cpu_count() or 1

    def run(jobs: int) -> float:
        def once() -> None:
            proc = subprocess.run(
                [sys.executable, "-m", "linting", "check", str(folder), "--format", "json", "--jobs", str(jobs)],
                cwd=REPO,
                capture_output=True,
                env=_env(),
                timeout=600,
            )
            if proc.returncode not in (0, 1):
                raise RuntimeError(f"batch check exit {proc.returncode}: {proc.stderr.decode()[-500:]}")
            files = json.loads(proc.stdout)["files"]
            if len(files) != count:
                raise RuntimeError(f"batch check reported {len(files)} files, expected {count}")

        return median_time(once, runs)

    t1 = run(1)
    b.add(Row("batch_reports_per_s_jobs1", count / t1, "reports/s", "", f"{count} reports, {t1:.2f} s"))
    tn = run(cores)
    b.add(Row("batch_reports_per_s_all_cores", count / tn, "reports/s", "", f"--jobs {cores}, {tn:.2f} s"))
    b.add(Row("batch_speedup", t1 / tn, "x", "", f"{cores} cores"))


# ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smoke test: 2 runs, 200k-char report, 20-report batch")
    ap.add_argument("--runs", type=int, help="runs per figure (default 5, --quick 2)")
    ap.add_argument("--size", type=int, help="characters in the big report (default 1,000,000; --quick 200,000)")
    ap.add_argument("--batch", type=int, help="reports in the batch folder (default 200; --quick 20)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"JSON results (default {DEFAULT_OUT})")
    ap.add_argument("--cache", type=Path, default=corpus.CACHE_DIR, help="where generated documents are kept")
    args = ap.parse_args(argv)
    runs = args.runs or (2 if args.quick else 5)
    size = args.size or (200_000 if args.quick else 1_000_000)
    batch = args.batch or (20 if args.quick else 200)

    tmp = Path(tempfile.mkdtemp(prefix="reportlint-bench-"))
    os.environ["REPORTLINT_BACKUP_DIR"] = str(tmp / "backups")
    b = Bench()
    started = time.time()
    try:
        seeds = corpus.load_seeds()
        t = time.perf_counter()
        txt, docx_path = corpus.build_report(size, args.cache, seeds)
        folder = corpus.build_batch(batch, args.cache, seeds)
        docx_name = docx_path.name if docx_path else "-"
        print(
            f"documents ready in {time.perf_counter() - t:.1f} s: {txt.name}, {docx_name}, "
            f"{folder.name}/ (cache {args.cache})",
            flush=True,
        )
        print(f"runs per figure: {runs}; machine: {machine_info()['cpu_model']} × {os.cpu_count()}", flush=True)
        print(_HEADER)
        print("-" * len(_HEADER))

        ctx: dict[str, Any] = {}
        b.guard(
            [
                "full_lint_1M_txt",
                "regex_pass_1M",
                "full_lint_over_regex",
                "jieba_time_in_full_lint",
                "full_lint_without_dup_word",
                "dup_word_rule_share",
                "relint_after_char_edit",
                "relint_after_insert_paragraph",
            ],
            lambda: ctx.update(bench_lint(b, txt, runs)),
        )
        b.guard(
            [
                "python_start",
                "cli_sample_folder",
                "cli_1M_report_beyond_start",
                "first_full_lint_fresh_process",
                "first_full_lint_over_autocorrect",
            ],
            lambda: bench_startup(b, txt, runs),
        )
        b.guard(
            ["jieba_load_fresh_process", "jieba_load_no_cache_file", "jieba_itself_load_fresh_process"],
            lambda: bench_jieba_load(b, runs, tmp),
        )
        assert docx_path is not None
        b.guard(
            ["docx_open", "docx_open_outline_first_lint", "docx_save_after_edit"],
            lambda: bench_docx(b, docx_path, min(runs, 3) if not args.quick else 1, tmp),
        )
        b.guard(["peak_rss_docx_open_lint"], lambda: bench_memory(b, docx_path))
        b.guard(
            ["cli_first_output_no_jieba", "cli_exit_no_jieba", "cli_first_output_with_jieba", "cli_exit_with_jieba"],
            lambda: bench_cli(b, runs, tmp, seeds),
        )
        full = next((r.value for r in b.rows if r.name == "full_lint_1M_txt" and r.value), None)
        if "text" in ctx and full:
            b.guard(
                ["autocorrect_format_1M", "autocorrect_lint_for_1M", "full_lint_over_autocorrect"],
                lambda: bench_autocorrect(b, ctx["text"], full, runs),
            )
        else:
            b.add(Row("full_lint_over_autocorrect", None, "", error="no full-lint figure to compare"))
        b.guard(
            ["batch_reports_per_s_jobs1", "batch_reports_per_s_all_cores", "batch_speedup"],
            lambda: bench_batch(b, folder, batch, max(1, min(runs, 3))),
        )
    except Exception:  # noqa: BLE001 — generator/setup crash
        traceback.print_exc()
        b.add(Row("setup", None, "", error="crashed before measuring, see traceback"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    out = {
        "generated": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
        "duration_s": round(time.time() - started, 1),
        "git": _git_head(),
        "machine": machine_info(),
        "settings": {"runs": runs, "report_chars": size, "batch": batch, "quick": args.quick},
        "rows": [dict(dataclasses.asdict(r), status=r.status) for r in b.rows],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    errors = [r for r in b.rows if r.error]
    misses = [r.name for r in b.rows if r.status == "miss"]
    print("-" * len(_HEADER))
    print(
        f"{len(b.rows)} figures, {len(misses)} targets missed{': ' + ', '.join(misses) if misses else ''}, "
        f"{len(errors)} errors; results in {args.out}"
    )
    return 1 if errors else 0
