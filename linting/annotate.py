"""``annotate``: a reviewer's copy of a report, findings as Word comments, safe fixes as tracked changes.

The pipeline for one document (:func:`annotate_document`):

1. a .txt is first converted to the official-format .docx (:mod:`linting.io.convert`);
2. ReportLint's own comments and tracked changes from an earlier run are removed
   (:func:`~linting.io.docx_annotate.strip_own_annotations`) and the document
   linted again, so annotating an annotated copy replaces instead of duplicating;
3. the problems (optionally only some rules) become comments; with
   ``fixes="tracked"`` the texts :func:`~linting.engine.fix_paragraphs` produces
   (the same as ``python -m linting fix``) are written as tracked changes.

The editor calls :func:`annotate_file` with its open document and last lint result.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from linting.config import load_config
from linting.engine import Linter, LintResult, fix_paragraphs
from linting.io import open_document
from linting.io.atomic import atomic_write
from linting.io.docx_annotate import AnnotateStats, render_annotated, strip_own_annotations
from linting.io.docx_read import read_docx
from linting.model import Document

FIX_MODES = ("tracked", "none")
DEFAULT_AUTHOR = "ReportLint"


@dataclass(slots=True)
class Annotated:
    """The result of annotating one document."""

    data: bytes  # the .docx package
    stats: AnnotateStats
    problems: int  # problems commented on
    replaced_previous: bool  # an earlier ReportLint annotation was removed first


def _read_bytes(data: bytes, name: str) -> Document:
    """Read a .docx package held in memory (through a temporary file: the reader takes paths)."""
    fd, tmp = tempfile.mkstemp(suffix=".docx", prefix="reportlint-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        doc = read_docx(Path(tmp))
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass
    return doc


def _as_docx(
    doc: Document, texts: Sequence[str] | None = None, sources: Sequence[int | None] | None = None
) -> Document:
    """``doc`` as a .docx read back, with ``texts`` (the editor's unsaved text) when given.

    ``sources``: which paragraph of ``doc`` each text continues (see :func:`linting.io.save_document`)."""
    edited = texts is not None and (
        list(texts) != doc.texts or (sources is not None and len(sources) != len(doc.texts))
    )
    if doc.kind == "docx" and not edited:
        return doc
    if doc.kind == "docx":
        from linting.io.docx_write import render_docx

        assert texts is not None
        work = _read_bytes(
            render_docx(doc, list(texts), sources=list(sources) if sources is not None else None), "edited"
        )
        work.path = doc.path
        return work
    from linting.io.convert import guess_title_index, txt_to_docx_bytes

    texts = list(texts) if texts is not None else doc.texts
    converted = _read_bytes(txt_to_docx_bytes(texts, guess_title_index(texts)), "converted")
    converted.path = doc.path.with_suffix(".docx") if doc.path is not None else None
    return converted


def annotate_document(
    doc: Document,
    result: LintResult | None = None,
    *,
    fixes: str = "tracked",
    author: str = DEFAULT_AUTHOR,
    rules: Sequence[str] | None = None,
    linter: Linter | None = None,
    doctype: str | None = None,
    date: datetime | None = None,
    texts: Sequence[str] | None = None,
    sources: Sequence[int | None] | None = None,
) -> Annotated:
    """Annotate ``doc`` (see the module doc); nothing is written.

    ``texts``: the paragraph texts as the editor has them now (unsaved edits
    included; default: as read), with ``sources`` saying which paragraph each continues (as for
    :func:`linting.io.save_document`; the editor passes it).  ``result`` is reused when it was computed on
    exactly ``doc``'s paragraphs as read (otherwise the document is linted
    here); ``linter`` defaults to one with the document's configuration.  Raises :class:`~linting.io.docx_annotate.AnnotateError`
    or :class:`ValueError` (unknown fix mode, bad doctype).
    """
    if fixes not in FIX_MODES:
        raise ValueError(f"--fixes 只能是 {' / '.join(FIX_MODES)}")
    author = author.strip() or DEFAULT_AUTHOR
    if linter is None:
        linter = Linter(load_config(doc.path) if doc.path is not None else None)
    original = doc
    work = _as_docx(doc, texts, sources)
    stripped = strip_own_annotations(work, author)
    if stripped is not None:
        path = work.path
        work = _read_bytes(stripped, "stripped")
        work.path = path
    if result is None or work is not original:
        result = linter.lint(work.paragraphs, doctype)
    problems = [p for p in result.problems if not rules or p.rule in rules]
    fixed_texts = None
    if fixes == "tracked":
        fixed, _ = fix_paragraphs(linter, work.paragraphs, rules=rules, doctype=doctype)
        fixed_texts = [p.text for p in fixed]
    data, stats = render_annotated(work, problems, fixed_texts, author=author, date=date)
    return Annotated(data, stats, len(problems), stripped is not None)


def annotate_file(
    doc: Document,
    result: LintResult | None,
    out: str | os.PathLike[str],
    *,
    fixes: str = "tracked",
    author: str = DEFAULT_AUTHOR,
    rules: Sequence[str] | None = None,
    linter: Linter | None = None,
    doctype: str | None = None,
    texts: Sequence[str] | None = None,
    sources: Sequence[int | None] | None = None,
) -> int:
    """Write the annotated copy of ``doc`` to ``out`` (atomically, no backup); return the comment count.

    For the editor (文件 → 导出批注版…): pass the open document, its last lint
    result and, when the user has unsaved edits, the current paragraph ``texts``
    (the copy then shows the edited text; ``result`` is recomputed).  Raises :class:`~linting.io.errors.SaveError` when ``out``
    can't be written, :class:`~linting.io.docx_annotate.AnnotateError` when the
    document can't be annotated safely.
    """
    ann = annotate_document(
        doc,
        result,
        fixes=fixes,
        author=author,
        rules=rules,
        linter=linter,
        doctype=doctype,
        texts=texts,
        sources=sources,
    )
    atomic_write(Path(out), ann.data, backup=False)
    return ann.stats.comments


def annotate_path(
    src: Path,
    out: Path,
    *,
    fixes: str = "tracked",
    author: str = DEFAULT_AUTHOR,
    rules: Sequence[str] | None = None,
    config_path: Path | None = None,
    doctype: str | None = None,
) -> dict[str, object]:
    """Annotate one file into ``out``; a record for the summary (``error`` on failure, never raises)."""
    from linting.config import ConfigError
    from linting.io.docx_annotate import AnnotateError
    from linting.io.errors import ReadError, SaveError

    rec: dict[str, object] = {"path": str(src), "out": str(out)}
    try:
        config = load_config(src, config_path)
        doc = open_document(src)
        ann = annotate_document(
            doc, None, fixes=fixes, author=author, rules=rules, linter=Linter(config), doctype=doctype
        )
        atomic_write(out, ann.data, backup=False)
    except (ReadError, SaveError) as e:
        rec["error"] = e.reason
        return rec
    except (ConfigError, AnnotateError, ValueError) as e:
        rec["error"] = str(e)
        return rec
    except Exception as e:  # noqa: BLE001 — a bug must not become a traceback for the user
        rec["error"] = f"内部错误：{type(e).__name__}: {e}"
        return rec
    rec.update(
        comments=ann.stats.comments,
        tracked=ann.stats.tracked_paragraphs,
        untracked=ann.stats.untracked_paragraphs,
        replaced=ann.replaced_previous,
    )
    return rec


def output_name(src: Path) -> str:
    """The annotated copy's file name: ``报告.docx`` → ``报告_校对意见.docx`` (a .txt becomes .docx)."""
    return f"{src.stem}_校对意见.docx"


__all__ = ["Annotated", "annotate_document", "annotate_file", "annotate_path", "output_name", "FIX_MODES"]
