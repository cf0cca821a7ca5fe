"""The two test layers: the core suite needs nothing outside the repository; the corpus layer is
skipped with one stated reason when the outside corpus is absent, and fails when it is present but empty."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests import corpus


def _python(code: str, corpus_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, REPORTLINT_CORPUS=str(corpus_dir))
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", env=env, cwd=corpus.REPO
    )


def test_present_but_empty_corpus_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "seed").mkdir()
    r = _python("from tests import corpus; print(corpus.AVAILABLE); corpus.corpus_files('seed', 'doc*.txt')", tmp_path)
    assert r.stdout.startswith("True") and r.returncode != 0
    assert "CorpusError" in r.stderr and "has no doc*.txt" in r.stderr


def test_missing_named_file_of_a_present_corpus_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "docx").mkdir()
    r = _python("from tests import corpus; corpus.docx('gone.docx')", tmp_path)
    assert r.returncode != 0 and "CorpusError" in r.stderr


def test_absent_corpus_skips_the_layer_with_one_reason(tmp_path: Path) -> None:
    env = dict(os.environ, REPORTLINT_CORPUS=str(tmp_path / "absent"))
    r = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:xdist", "tests/test_seed.py", "tests/io/test_sniff.py"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=corpus.REPO,
    )
    assert r.returncode == 0, r.stdout[-2000:]
    reasons = {m for m in re.findall(r"^SKIPPED \[\d+\] [^:]+:\d+: (.*)$", r.stdout, re.M)}
    assert reasons == {corpus.SKIP_REASON.replace(str(corpus.ROOT), str(tmp_path / "absent"))}
    assert re.search(r"\d+ passed, \d+ skipped", r.stdout)


def test_no_absolute_machine_path_in_the_repository() -> None:
    pattern = re.compile(r"""["'](/work|/home|/tmp|/root|[A-Z]:\\\\Users)[/\\]""")
    offenders = []
    for path in corpus.REPO.rglob("*.py"):
        if any(part.startswith(".") for part in path.relative_to(corpus.REPO).parts):
            continue
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if pattern.search(line) and "noqa: abs-path" not in line:
                offenders.append(f"{path.relative_to(corpus.REPO)}:{n}")
    assert not offenders, offenders
