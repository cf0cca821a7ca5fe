"""linting.ignores: per-document ignores survive edits elsewhere, never touch the document."""

from __future__ import annotations

from pathlib import Path

import pytest

from linting import appdata
from linting.engine import Linter
from linting.ignores import DocumentIgnores, ignores_file
from linting.model import Paragraph, Problem

DRAFT = [
    "一、总体情况",
    "今年工作有进展,成效明显.",
    "各部门协同配合,按时完成任务.",
    "二、存在问题",
    "部分任务推进较慢,需要加强.",
]


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REPORTLINT_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def lint(texts: list[str]) -> list[Problem]:
    return list(Linter().lint([Paragraph(t) for t in texts]).problems)


def visible(ign: DocumentIgnores, texts: list[str]) -> list[Problem]:
    return [p for p in lint(texts) if not ign.is_ignored(p, texts[p.paragraph] if p.paragraph >= 0 else "")]


def the_problem(texts: list[str], rule: str, paragraph: int) -> Problem:
    found = [p for p in lint(texts) if p.rule == rule and p.paragraph == paragraph]
    assert found, (rule, paragraph, lint(texts))
    return found[0]


def test_ignore_here_survives_edits_elsewhere_and_insertions_above(tmp_path: Path) -> None:
    doc = tmp_path / "总结.docx"
    doc.write_bytes(b"PK fake docx")
    ign = DocumentIgnores.load(doc)
    target = the_problem(DRAFT, "halfwidth-punct", 2)
    ign.ignore_here(target, DRAFT[2])
    ign.save()

    # Another session: edit another paragraph and insert two paragraphs above.
    edited = ["关于2026年工作的总结", "", DRAFT[0], DRAFT[1].replace("进展", "较大进展"), DRAFT[2], *DRAFT[3:]]
    again = DocumentIgnores.load(doc)
    assert again.count() == 1
    shown = visible(again, edited)
    assert not [p for p in shown if p.rule == "halfwidth-punct" and edited[p.paragraph] == DRAFT[2]]
    # The other paragraphs' problems of the same rule are still shown.
    assert [p for p in shown if p.rule == "halfwidth-punct" and p.paragraph == 3]
    assert doc.read_bytes() == b"PK fake docx"


def test_editing_the_flagged_text_shows_it_again(tmp_path: Path) -> None:
    doc = tmp_path / "总结.txt"
    ign = DocumentIgnores.load(doc)
    ign.ignore_here(the_problem(DRAFT, "halfwidth-punct", 1), DRAFT[1])
    assert not [p for p in visible(ign, DRAFT) if p.rule == "halfwidth-punct" and p.paragraph == 1]
    changed = list(DRAFT)
    changed[1] = "今年工作有进展,成效显著."
    assert [p for p in visible(ign, changed) if p.rule == "halfwidth-punct" and p.paragraph == 1]


def test_occurrence_index_distinguishes_repeated_text() -> None:
    text = "按照按照要求，按照按照规定"
    problems = [p for p in lint([text]) if p.rule == "duplicate-word"]
    assert len(problems) == 2, problems  # the fixture: one repeat in each clause
    ign = DocumentIgnores.load(None)
    ign.ignore_here(problems[1], text)
    assert not ign.is_ignored(problems[0], text)
    assert ign.is_ignored(problems[1], text)


def test_ignore_rule_and_clear(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    ign = DocumentIgnores.load(doc)
    ign.ignore_rule("halfwidth-punct")
    ign.save()
    again = DocumentIgnores.load(doc)
    assert not [p for p in visible(again, DRAFT) if p.rule == "halfwidth-punct"]
    assert [p for p in lint(DRAFT) if p.rule == "halfwidth-punct"]
    again.clear()
    assert again.count() == 0
    again.save()
    assert not ignores_file(doc).exists()
    assert DocumentIgnores.load(doc).count() == 0


def test_per_document_and_stored_in_appdata(tmp_path: Path, _data_dir: Path) -> None:
    a, b = tmp_path / "x" / "报告.docx", tmp_path / "y" / "报告.docx"
    ign = DocumentIgnores.load(a)
    ign.ignore_rule("placeholder")
    ign.save()
    assert ignores_file(a).parent == appdata.subdir("ignores")
    assert str(ignores_file(a)).startswith(str(_data_dir))
    assert DocumentIgnores.load(a).count() == 1
    assert DocumentIgnores.load(b).count() == 0
    assert not a.exists()  # the document is never created or touched


def test_untitled_is_memory_only(_data_dir: Path) -> None:
    ign = DocumentIgnores.load(None)
    ign.ignore_rule("placeholder")
    ign.save()
    assert ign.count() == 1
    assert not (_data_dir / "ignores").exists() or not any((_data_dir / "ignores").iterdir())


def test_corrupt_file_loads_empty(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    ignores_file(doc).write_text("{not json", encoding="utf-8")
    assert DocumentIgnores.load(doc).count() == 0
