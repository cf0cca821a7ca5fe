"""linting.lexicon segments exactly like jieba, from a lookup file in the app's cache folder."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linting import lexicon
from linting.io import open_document
from linting.rules.words import tokenizer
from tests import corpus

CLAUSE = re.compile(r"[，。；：！？、“”（）《》]")


def _own_clauses() -> list[str]:
    texts = [t for f in [*corpus.OWN_TXT, corpus.SAMPLE_TXT] for t in open_document(f).texts]
    return sorted({c for t in texts for c in CLAUSE.split(t) if c})


def test_same_segmentation_as_jieba_on_every_own_clause() -> None:
    clauses = _own_clauses()
    assert len(clauses) > 1000
    lx, tok = lexicon.lexicon(), tokenizer()
    differ = [c for c in clauses if lx.lcut(c) != tok.lcut(c, HMM=False)]
    assert not differ, differ[:5]


ALPHABET = "的了在是和与按照认真学习一个层面方今年初工作总结落实要求abcXY0129 .-_%+#&\t\r\n，。?𫖯"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_same_segmentation_as_jieba_on_any_text(text: str) -> None:
    assert lexicon.lexicon().lcut(text) == tokenizer().lcut(text, HMM=False)


def test_same_frequencies_as_jieba() -> None:
    lx, tok = lexicon.lexicon(), tokenizer()
    assert lx.total == tok.total
    for word in ["按照", "认真", "牢牢", "方方面面", "今年", "年初", "按照按照", "的", "不存在的词语", "x"]:
        assert lx.freq(word) == tok.FREQ.get(word, 0), word


def test_lookup_file_is_in_the_app_cache_with_a_fixed_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTLINT_DATA_DIR", str(tmp_path))
    path = lexicon.cache_path()
    assert path.parent == tmp_path / "cache"
    assert re.fullmatch(r"jieba-lexicon-[\w.]+-\d+-f\d+\.bin", path.name)
    assert lexicon.cache_path() == path


def test_a_damaged_lookup_file_is_rebuilt(tmp_path: Path) -> None:
    env = dict(os.environ, REPORTLINT_DATA_DIR=str(tmp_path))
    code = "from linting import lexicon; print(lexicon.cache_path()); print(lexicon.lexicon().lcut('按照按照要求'))"
    run = lambda: subprocess.run(  # noqa: E731
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", env=env, cwd=corpus.REPO
    )
    first = run()
    assert first.returncode == 0, first.stderr
    path = Path(first.stdout.splitlines()[0])
    assert path.is_file() and "['按照', '按照', '要求']" in first.stdout
    path.write_bytes(b"\0" * 20)
    again = run()
    assert again.returncode == 0 and "['按照', '按照', '要求']" in again.stdout, again.stderr
    assert path.stat().st_size > 1_000_000
    assert not list(path.parent.glob("*.tmp"))


def test_building_the_lookup_removes_files_of_older_versions_and_formats(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    stale = [cache / "jieba-lexicon-0.42.1-4769401-f1.bin", cache / "jieba-lexicon-0.39-4769401-f2.bin"]
    for f in stale:
        f.write_bytes(b"old")
    other = cache / "something-else.bin"
    other.write_bytes(b"keep")
    env = dict(os.environ, REPORTLINT_DATA_DIR=str(tmp_path))
    code = "from linting import lexicon; print(lexicon.cache_path()); lexicon.lexicon()"
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", env=env, cwd=corpus.REPO
    )
    assert r.returncode == 0, r.stderr
    current = Path(r.stdout.splitlines()[0])
    assert current.is_file() and other.is_file()
    assert not any(f.exists() for f in stale)


def test_an_unwritable_cache_folder_still_segments(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", "utf-8")  # the data folder can't be created: the lookup is built in memory
    env = dict(os.environ, REPORTLINT_DATA_DIR=str(blocker))
    code = "from linting import lexicon; print(lexicon.lexicon().lcut('按照按照要求'))"
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", env=env, cwd=corpus.REPO
    )
    assert r.returncode == 0 and "['按照', '按照', '要求']" in r.stdout, r.stderr


def test_cli_with_a_repeated_word_does_not_load_jieba() -> None:
    probe = (
        "import sys\n"
        "from linting.cli import main\n"
        f"code = main(['check', {str(corpus.SAMPLE_TXT)!r}])\n"
        "sys.stdout.flush()\n"
        "sys.stderr.write('JIEBA=%d CODE=%d' % ('jieba' in sys.modules, code))\n"
    )
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, encoding="utf-8", cwd=corpus.REPO)
    assert "duplicate-word" in r.stdout  # the sample has a word typed twice: the rule ran and confirmed it
    assert "JIEBA=0 CODE=1" in r.stderr, r.stderr
