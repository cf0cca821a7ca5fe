"""The open document behind a window: file, format, configuration, linter, ignores, saving.

Qt-free on purpose (it only calls ``linting``), so file handling is testable
without a window.  The editor's paragraph identity (``DocumentEditor.sources()``)
reaches ``linting.io.save_document`` through ONE adapter,
:func:`save_with_sources`, which passes ``sources=`` only when the installed
``save_document`` accepts it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linting.config import Config, ConfigError, default_config, load_config
from linting.engine import Linter
from linting.ignores import DocumentIgnores
from linting.io import ReadError, SaveError, open_document, save_document, target_kind
from linting.model import Document, Paragraph, TextFormat

log = logging.getLogger(__name__)

__all__ = ["ReadError", "SaveError", "Session", "save_with_sources", "FILE_FILTER_OPEN"]

FILE_FILTER_OPEN = "*.docx *.txt"


def save_with_sources(
    doc: Document, texts: Sequence[str], path: str | os.PathLike[str] | None, sources: Sequence[int | None] | None
) -> Path | None:
    """``save_document(doc, texts, path, sources=sources)``: the one place the editor saves.

    ``sources[i]`` is the index (in ``doc.paragraphs``) of the paragraph that
    paragraph ``i`` continues, or None for a new one (see ``DocumentEditor.sources``), so the
    writer never guesses which paragraph became which.  ``None`` (a recovered copy, whose
    paragraphs have no identity in the file) falls back to the writer's text alignment.
    """
    return save_document(doc, list(texts), path, sources=list(sources) if sources is not None else None)


def load_ignores(path: Path | None) -> DocumentIgnores:
    """The document's ignores (a damaged ignore file loads as empty; see ``linting.ignores``)."""
    return DocumentIgnores.load(path)


@dataclass
class SaveOutcome:
    """What a save did: the file written, its backup, and whether the document was reopened."""

    path: Path
    backup: Path | None
    reopened: bool


def _is_new_empty_file(path: Path) -> bool:
    if path.suffix.lower() not in (".txt", ".docx"):
        return False
    try:
        return path.is_file() and path.stat().st_size == 0
    except OSError:
        return False


class Session:
    """One open document: the loaded :class:`Document`, where it saves, its config and Linter."""

    def __init__(self, doc: Document, path: Path | None, *, untitled_name: str | None = None) -> None:
        self.doc = doc
        self.path = path
        self.untitled_name = untitled_name or "未命名"
        self.config_error: str | None = None
        self.config = self._load_config()
        self.linter = Linter(self.config)
        self.ignores: Any = load_ignores(path)

    # -- construction

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, empty_as_new: bool = True) -> Session:
        """Open ``path``; :class:`ReadError` with a Chinese reason if it can't be read.

        A 0-byte .txt/.docx (Windows' 新建 → 文本文档 / Word 文档 makes one) opens as an empty document
        that saves in the format its name says; ``empty_as_new=False`` refuses it as the command line does.
        """
        p = Path(path)
        if empty_as_new and _is_new_empty_file(p):
            doc = Document(paragraphs=[Paragraph("")], path=None, kind="txt", text_format=TextFormat())
            return cls(doc, p)
        doc = open_document(p)
        return cls(doc, p)

    @classmethod
    def untitled_copy(cls, path: str | os.PathLike[str], name: str | None = None) -> Session:
        """Open ``path`` as an untitled document (the bundled sample): saving asks where."""
        p = Path(path)
        doc = open_document(p)
        doc.path = None
        return cls(doc, None, untitled_name=name or p.stem)

    @classmethod
    def new(cls, name: str = "未命名") -> Session:
        """An empty untitled text document."""
        doc = Document(paragraphs=[Paragraph("")], path=None, kind="txt", text_format=TextFormat())
        return cls(doc, None, untitled_name=name)

    def _load_config(self) -> Config:
        try:
            self.config_error = None
            return load_config(self.path)
        except ConfigError as e:
            self.config_error = str(e)
            return default_config()

    def reload_config(self) -> Linter:
        """Re-read the configuration (settings changed); returns the new Linter."""
        self.config = self._load_config()
        self.linter = Linter(self.config)
        return self.linter

    # -- facts

    @property
    def kind(self) -> str:
        return self.doc.kind

    @property
    def is_untitled(self) -> bool:
        return self.path is None

    def display_name(self) -> str:
        return self.path.name if self.path is not None else self.untitled_name

    def paragraphs(self) -> list[Paragraph]:
        return list(self.doc.paragraphs)

    def doctype_names(self) -> list[str]:
        return [d.name for d in self.config.doctypes]

    # -- saving

    def save(
        self, texts: Sequence[str], sources: Sequence[int | None] | None, path: str | os.PathLike[str] | None = None
    ) -> SaveOutcome:
        """Save to ``path`` (default: the document's file).  :class:`SaveError` leaves everything as it was.

        Saving in the document's own format keeps the loaded document as the
        base of later saves (its package and identity stay valid).  Saving in the
        other format (.txt → .docx, .docx → .txt) reopens the written file as
        the document, so later saves edit that file (``reopened`` is True).
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise SaveError(None, "没有指定保存位置；请使用“另存为”")
        new_kind = target_kind(self.doc, target)
        backup = save_with_sources(self.doc, texts, target, sources)
        reopened = False
        if new_kind != self.doc.kind:
            try:
                self.doc = open_document(target)
                reopened = True
            except ReadError:  # written but unreadable: keep working on the old base
                log.exception("could not reopen %s after saving", target)
        moved = self.path is None or os.path.abspath(target) != os.path.abspath(self.path)
        self.path = target
        if moved:
            # Save As: the ignores belong to this text, so they follow it to the new name
            # (and replace whatever was stored for a file that was overwritten).
            self.ignores.move_to(target)
            try:
                self.ignores.save()
            except OSError:
                log.exception("could not store the ignores of %s", target)
            self.config = self._load_config()
            self.linter = Linter(self.config)
        return SaveOutcome(target, backup, reopened)
