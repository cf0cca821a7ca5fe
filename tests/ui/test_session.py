"""The open document behind a window: what Save As does with the document's ignores."""

from __future__ import annotations

from pathlib import Path

from linting.ignores import DocumentIgnores
from linting.io import open_document
from ui.session import Session

TEXT = "关于某项工作的情况报告\n一、基本情况\n我们开展了调研,形成了报告。\n"


def _session(tmp_path: Path) -> tuple[Session, Path]:
    src = tmp_path / "原稿.txt"
    src.write_text(TEXT, "utf-8")
    return Session(open_document(src), src), src


def _first_problem(s: Session):
    paragraphs = list(s.doc.paragraphs)
    res = s.linter.lint(paragraphs)
    assert res.problems, "the fixture must have a problem to ignore"
    p = res.problems[0]
    return p, paragraphs[p.paragraph].text


def test_save_as_keeps_the_documents_ignores_under_the_new_name(tmp_path: Path) -> None:
    s, src = _session(tmp_path)
    problem, text = _first_problem(s)
    s.ignores.ignore_here(problem, text)
    s.ignores.ignore_rule("heading-skip")
    s.ignores.save()
    target = tmp_path / "另存.txt"
    s.save([p.text for p in s.doc.paragraphs], None, target)
    assert s.ignores.is_ignored(problem, text)
    stored = DocumentIgnores.load(target)
    assert stored.is_ignored(problem, text) and "heading-skip" in stored.ignored_rules()
    assert DocumentIgnores.load(src).is_ignored(problem, text)  # the original keeps its own


def test_save_as_over_another_file_replaces_its_stored_ignores(tmp_path: Path) -> None:
    s, _ = _session(tmp_path)
    other = tmp_path / "别的.txt"
    other.write_text("别的文件\n", "utf-8")
    theirs = DocumentIgnores(other)
    theirs.ignore_rule("placeholder")
    theirs.save()
    s.save([p.text for p in s.doc.paragraphs], None, other)
    assert DocumentIgnores.load(other).count() == 0


def test_an_untitled_documents_ignores_are_stored_at_its_first_save(tmp_path: Path) -> None:
    src = tmp_path / "样例.txt"
    src.write_text(TEXT, "utf-8")
    s = Session(open_document(src), None, untitled_name="未命名")
    problem, text = _first_problem(s)
    s.ignores.ignore_here(problem, text)
    target = tmp_path / "首次保存.txt"
    s.save([p.text for p in s.doc.paragraphs], None, target)
    assert DocumentIgnores.load(target).is_ignored(problem, text)
