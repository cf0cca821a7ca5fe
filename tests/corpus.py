"""Where the test data lives: the project's own fixtures, and the optional outside corpus.

The core suite runs on what the repository writes itself (``tests/data``, ``resources/samples``,
packages built from raw WordprocessingML).  The *corpus layer* runs over the real documents in
``<repo>/../shared/corpus`` (``seed/`` drafts, third-party ``docx/``), which are not ours to commit;
``REPORTLINT_CORPUS`` points elsewhere.  Tests that read it are marked ``corpus`` and are skipped,
with :data:`SKIP_REASON`, when it is absent (``tests/conftest.py`` does that).  A corpus that is
present but holds none of the expected files is an error, so a moved folder can't silently test
nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"

#: The bundled sample report (a 工作总结 draft with the usual slips).
SAMPLE_TXT = next((REPO / "resources" / "samples").glob("*.txt"))
#: A .docx the project builds itself (tests/data/docx_holdout/make.py): Word auto-numbered headings.
OWN_DOCX = DATA / "docx_holdout" / "01-zongjie-autonum.docx"
#: Every .txt report the project wrote for its tests (drafts, clean and tricky reports).
OWN_TXT = sorted(p for sub in ("holdout", "clean", "tricky") for p in (DATA / sub).glob("*.txt"))

ENV = "REPORTLINT_CORPUS"


def corpus_root() -> Path:
    """``$REPORTLINT_CORPUS`` if set, else ``<repo>/../shared/corpus``."""
    env = os.environ.get(ENV)
    return Path(env).resolve() if env else REPO.parent / "shared" / "corpus"


ROOT = corpus_root()
SEED = ROOT / "seed"
DOCX = ROOT / "docx"
AVAILABLE = ROOT.is_dir()
SKIP_REASON = f"corpus layer: no outside corpus at {ROOT} (set {ENV} to its folder; the core suite runs without it)"


class CorpusError(AssertionError):
    """The corpus folder is there but does not hold what the tests expect."""


def corpus_files(sub: str, *patterns: str) -> list[Path]:
    """Files of ``<corpus>/<sub>`` matching ``patterns`` (sorted), for parametrizing ``corpus`` tests.

    Without a corpus this returns one placeholder path (the test is marked ``corpus`` and skipped
    before it runs, so the skip reason stays the single stated one instead of pytest's "empty
    parameter set"). With a corpus that has no such files it raises :class:`CorpusError`.
    """
    if not AVAILABLE:
        return [ROOT / sub / "corpus-absent"]
    folder = ROOT / sub
    files = sorted({f for pattern in patterns for f in folder.glob(pattern) if f.is_file()})
    if not files:
        raise CorpusError(f"the corpus at {ROOT} is present but {folder} has no {' '.join(patterns)}")
    return files


def corpus_file(sub: str, name: str) -> Path:
    """One named corpus file (for a test marked ``corpus``); a missing one is a :class:`CorpusError`."""
    path = ROOT / sub / name
    if AVAILABLE and not path.is_file():
        raise CorpusError(f"the corpus at {ROOT} is present but {path} is missing")
    return path


def seed(name: str) -> Path:
    """A seed draft, ``seed("doc01")`` → ``<corpus>/seed/doc01.txt``."""
    return corpus_file("seed", f"{name}.txt")


def docx(name: str) -> Path:
    """A third-party .docx of the corpus by file name."""
    return corpus_file("docx", name)


corpus = pytest.mark.corpus
