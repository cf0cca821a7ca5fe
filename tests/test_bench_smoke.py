"""Keep the benchmark scripts (tests/bench) from rotting: build tiny documents and lint them once.

No timings are asserted here; the benchmark itself is ``python -m tests.bench``.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from linting.engine import Linter
from linting.model import Paragraph
from tests.bench import corpus, run

NUMBERING_RULES = ("heading-duplicate", "heading-skip", "heading-order")


@pytest.fixture(scope="module")
def seeds() -> list[corpus.Seed]:
    return corpus.load_seeds()


def _numbering_problems(lines: list[str]) -> Counter[str]:
    result = Linter(rules=list(NUMBERING_RULES)).lint([Paragraph(t) for t in lines])
    return Counter(p.rule for p in result.problems)


def test_report_has_requested_size_and_coherent_numbering(seeds: list[corpus.Seed]) -> None:
    lines = corpus.report_lines(20_000, seeds)
    size = len("\n".join(lines))
    longest = max(len(t) for t in lines)
    assert 20_000 <= size <= 20_000 + longest + 1
    assert corpus.uniqueness(lines) == 1.0  # no byte-identical paragraphs (the cache would hide work)

    result = Linter().lint([Paragraph(t) for t in lines])
    assert result.doctype == "工作总结"
    assert result.title_index == 0
    parts = [e for e in result.outline if e.style == "part"]
    chapters = [e for e in result.outline if e.style == "chapter"]
    assert parts and chapters and all(e.level == 1 for e in parts) and all(e.level == 2 for e in chapters)

    # Renumbering adds no numbering problem: the report has exactly the ones its seed bodies have on
    # their own (seed doc01's “(一)…(一)” stays one duplicate per copy), none on part/chapter lines.
    heading_lines = {e.paragraph for e in parts + chapters}
    assert not [p for p in result.problems if p.rule in NUMBERING_RULES and p.paragraph in heading_lines]
    expected: Counter[str] = Counter()
    seed_of_chapter = [seeds[int(re.search(r"年第(\d+)篇）$", lines[e.paragraph]).group(1)) - 1] for e in chapters]
    for s in seed_of_chapter:
        expected += _numbering_problems([s.title, *s.body])
    got = Counter(p.rule for p in result.problems if p.rule in NUMBERING_RULES)
    # The last chapter may be cut short, so it can only have fewer.
    assert got <= expected and expected - got <= _numbering_problems(
        [seed_of_chapter[-1].title, *seed_of_chapter[-1].body]
    )


def test_docx_and_batch_generators(tmp_path: Path, seeds: list[corpus.Seed]) -> None:
    from linting.io import open_document

    txt, docx_path = corpus.build_report(6_000, tmp_path, seeds)
    assert docx_path is not None
    lines = txt.read_text(encoding="utf-8").rstrip("\n").split("\n")
    doc = open_document(docx_path)
    body = [p for p in doc.paragraphs if not p.in_table]
    assert [p.text for p in body] == lines
    assert body[0].outline_level == 0  # Title style
    assert any(p.outline_level == 1 for p in body) and any(p.outline_level == 2 for p in body)

    folder = corpus.build_batch(4, tmp_path, seeds)
    files = sorted(f.suffix for f in folder.iterdir() if not f.name.startswith("."))
    assert files == [".docx", ".docx", ".txt", ".txt"]
    assert corpus.build_batch(4, tmp_path, seeds) == folder  # cached


def test_rows_and_machine_info() -> None:
    assert run.Row("x", 0.5, "s", "<= 1.0").status == "pass"
    assert run.Row("x", 2.0, "s", "<= 1.0").status == "miss"
    assert run.Row("x", None, "s", "<= 1.0", error="boom").status == "ERROR"
    info = run.machine_info()
    assert info["cpu_count"] and info["python"]
