"""Smoke test of a built bundle: the packaged editor's ``--self-test`` must agree with the packaged command line.

    python packaging/smoke_test.py [--bundle dist/ReportLint] [FILE ...]

For each FILE (default: every sample in ``resources/samples/``) it runs

* ``ReportLint --self-test FILE`` (the editor, offscreen: opens FILE in the real window,
  waits for the lint, prints ``{"outline": N, "problems": {"rule-id": count}}``), and
* ``reportlint-cli check --format json FILE`` (the packaged ``python -m linting``),

and compares outline size and per-rule counts.  It also checks that running the
bundle wrote nothing inside the bundle folder (it may be read-only under Program
Files) and that jieba's cache did not land in the temp folder: per-user files go
to the app's data folder, pointed at a scratch folder here.  Exit 0 when all agree.

On Windows the editor is a windowed (GUI-subsystem) program: a console's ``>``
redirection does not reach it, but handles passed explicitly by the parent do —
which is what ``subprocess`` does here, so this script is how CI reads its output.

Used by ``tests/test_packaging.py`` and ``.github/workflows/windows.yml``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXE_SUFFIX = ".exe" if os.name == "nt" else ""
APP = "ReportLint" + EXE_SUFFIX
CLI = "reportlint-cli" + EXE_SUFFIX
TIMEOUT = 300  # seconds per run: generous for a cold start on a shared CI runner


@dataclass(frozen=True)
class Counts:
    """What the self-test prints: the outline's size and problems per rule."""

    outline: int
    problems: dict[str, int]

    def as_json(self) -> dict[str, object]:
        return {"outline": self.outline, "problems": dict(sorted(self.problems.items()))}


def counts_from_check_json(data: dict) -> Counts:
    """Counts from ``check --format json`` output for one file."""
    (entry,) = data["files"]
    return Counts(len(entry["outline"]), dict(Counter(p["rule"] for p in entry["problems"])))


def counts_from_self_test(stdout: str) -> Counts:
    """Counts from the editor's ``--self-test`` output (its last JSON line)."""
    lines = [line for line in stdout.splitlines() if line.strip().startswith("{")]
    if not lines:
        raise ValueError(f"no JSON line in the self-test output: {stdout[-500:]!r}")
    data = json.loads(lines[-1])
    return Counts(int(data["outline"]), {str(k): int(v) for k, v in data["problems"].items()})


def isolated_env(scratch: Path) -> dict[str, str]:
    """The environment for a bundle run: offscreen Qt; data, config, cache and temp under ``scratch``."""
    env = dict(os.environ)
    for name in ("PYTHONPATH", "PYTHONHOME", "QT_PLUGIN_PATH", "QT_QPA_PLATFORM_PLUGIN_PATH"):
        env.pop(name, None)  # the bundle must find everything in itself
    temp = scratch / "temp"
    home = scratch / "home"
    for d in (temp, home):
        d.mkdir(parents=True, exist_ok=True)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        REPORTLINT_DATA_DIR=str(scratch / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_DATA_HOME=str(home / "data"),
        APPDATA=str(home / "AppData" / "Roaming"),
        LOCALAPPDATA=str(home / "AppData" / "Local"),
        TMPDIR=str(temp),
        TEMP=str(temp),
        TMP=str(temp),
    )
    return env


def _run(cmd: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, env=env, timeout=TIMEOUT, cwd=env["TEMP"])


def _text(b: bytes) -> str:
    return b.decode("utf-8", errors="replace")


def editor_counts(bundle: Path, sample: Path, env: dict[str, str]) -> tuple[Counts, float]:
    """Run ``ReportLint --self-test sample``; its counts and wall time in seconds."""
    started = time.monotonic()
    proc = _run([str(bundle / APP), "--self-test", str(sample)], env)
    elapsed = time.monotonic() - started
    if proc.returncode == 2 and b"--self-test" in proc.stderr:
        # Legacy entry (before the editor lands, main.py is `python -m linting check`): check that
        # the windowed executable runs the engine, through the command line it still wraps.
        started = time.monotonic()
        proc = _run([str(bundle / APP), "--format", "json", str(sample)], env)
        elapsed = time.monotonic() - started
        if proc.returncode in (0, 1):
            return counts_from_check_json(json.loads(_text(proc.stdout))), elapsed
    if proc.returncode != 0:
        raise RuntimeError(
            f"{APP} --self-test exited {proc.returncode}\nstdout: {_text(proc.stdout)[-2000:]}\n"
            f"stderr: {_text(proc.stderr)[-4000:]}"
        )
    return counts_from_self_test(_text(proc.stdout)), elapsed


def cli_counts(cmd: list[str], sample: Path, env: dict[str, str]) -> Counts:
    """Run ``cmd check --format json sample`` (exit 0 or 1 = findings) and count."""
    proc = _run([*cmd, "check", "--format", "json", str(sample)], env)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{cmd} check exited {proc.returncode}: {_text(proc.stderr)[-4000:]}")
    return counts_from_check_json(json.loads(_text(proc.stdout)))


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` with its size and modification time (to see if a run wrote there)."""
    out = {}
    for p in folder.rglob("*"):
        st = p.lstat()
        out[p.relative_to(folder).as_posix()] = (st.st_size, st.st_mtime_ns)
    return out


def default_samples() -> list[Path]:
    return sorted(p for p in (ROOT / "resources" / "samples").iterdir() if p.suffix in (".txt", ".docx"))


def converted_to_docx(bundle: Path, sample: Path, out_dir: Path, env: dict[str, str]) -> Path:
    """``reportlint-cli convert sample.txt -o out.docx``: exercises python-docx's bundled template."""
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / (sample.stem + ".docx")
    proc = _run([str(bundle / CLI), "convert", str(sample), "-o", str(out)], env)
    if proc.returncode != 0 or not out.is_file():
        raise RuntimeError(f"convert exited {proc.returncode}: {_text(proc.stderr)[-4000:]}")
    return out


def check_bundle(bundle: Path, samples: list[Path]) -> list[str]:
    """Run the checks; return the failures (empty when all is well).  Prints one line per document.

    Each .txt sample is also converted to .docx by the bundle and checked again, so reading and
    writing .docx (lxml, python-docx and its template) are exercised in the frozen app too.
    """
    failures: list[str] = []
    before = snapshot(bundle)
    with tempfile.TemporaryDirectory(prefix="reportlint-smoke-") as tmp:
        scratch = Path(tmp)
        env = isolated_env(scratch)
        documents = list(samples)
        for sample in samples:
            if sample.suffix == ".txt":
                try:
                    documents.append(converted_to_docx(bundle, sample, scratch / "docx", env))
                except (RuntimeError, subprocess.TimeoutExpired) as e:
                    failures.append(f"{sample.name} → .docx: {e}")
        for doc in documents:
            try:
                gui, seconds = editor_counts(bundle, doc, env)
                cli = cli_counts([str(bundle / CLI)], doc, env)
            except (RuntimeError, ValueError, subprocess.TimeoutExpired) as e:
                failures.append(f"{doc.name}: {e}")
                continue
            print(f"{doc.name}: self-test {seconds:.2f} s, {json.dumps(gui.as_json(), ensure_ascii=False)}")
            if gui != cli:
                failures.append(f"{doc.name}: editor {gui.as_json()} != command line {cli.as_json()}")
        in_temp = sorted(p.name for p in (scratch / "temp").rglob("*") if "jieba" in p.name)
        if in_temp:
            failures.append(f"jieba wrote to the temp folder: {in_temp}")
        # duplicate-word's word lookup (linting/lexicon.py) is built from jieba's dict.txt once and
        # cached in the per-user data folder (jieba-lexicon-<version>-<size>-….bin).
        cached = [
            p
            for pattern in ("*jieba*.cache", "*jieba*.bin")
            for p in scratch.rglob(pattern)
            if (scratch / "temp") not in p.parents
        ]
        if not cached:
            failures.append("no jieba lexicon cache in the per-user folders: every start re-reads dict.txt")
    after = snapshot(bundle)
    changed = sorted(k for k in after.keys() | before.keys() if after.get(k) != before.get(k))
    if changed:
        failures.append(f"the run wrote inside the bundle folder: {changed[:10]}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "ReportLint", help="the built folder")
    parser.add_argument("files", nargs="*", type=Path, help="documents to check (default: the samples)")
    args = parser.parse_args(argv)
    samples = [p.resolve() for p in args.files] or default_samples()
    failures = check_bundle(args.bundle.resolve(), samples)
    for f in failures:
        print("FAIL:", f, file=sys.stderr)
    if not failures:
        print(f"OK: {len(samples)} sample(s) and their .docx conversions, editor and command line agree")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
