"""Opening and saving documents: the one entry point the rest of ReportLint uses.

* :func:`open_document` — what the file is (:func:`~linting.io.sniff.sniff`,
  re-exported as ``sniff_kind`` so ``linting.io.sniff`` stays the module),
  then :func:`~linting.io.txt.read_txt` or the .docx reader.  Every failure is
  a :class:`ReadError` with a Chinese reason.
* :func:`save_document` — write edited paragraph texts back in the document's
  own format (a .txt keeps its encoding, BOM and line endings; a .docx keeps
  everything that was not edited), or convert when the target's extension
  says the other format.  Always atomic, with a backup of the previous
  version (see :mod:`linting.io.atomic`).  Failures raise :class:`SaveError`
  and leave the old file as it was.  The editor passes ``sources`` (which
  source paragraph each text continues) so a .docx is saved by paragraph
  identity; without it paragraphs are paired by text, a best effort (see
  :mod:`linting.io.docx_write`).
* :func:`convert_file` — .txt ↔ .docx on disk.

.docx support lives in ``docx_read``/``docx_write`` and is imported lazily, so
plain-text work never loads lxml/python-docx.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path

from ..model import Document
from .atomic import atomic_write, backup_dir, list_backups
from .errors import MAX_PARAGRAPHS, ReadError, SaveError, too_many_paragraphs
from .sniff import DOCX_SUFFIXES, TEXT_SUFFIXES
from .sniff import sniff as sniff_kind
from .txt import encode_document_txt, read_txt, validate_sources

__all__ = [
    "ReadError",
    "SaveError",
    "open_document",
    "save_document",
    "render_document",
    "convert_file",
    "target_kind",
    "sniff_kind",
    "read_txt",
    "atomic_write",
    "backup_dir",
    "list_backups",
]

log = logging.getLogger(__name__)

#: Extensions we refuse to write: they promise a format we do not produce.
_FOREIGN_SUFFIXES = frozenset(
    {".doc", ".dot", ".wps", ".wpt", ".rtf", ".odt", ".pdf", ".xls", ".xlsx", ".html", ".htm"}
)


def open_document(path: str | os.PathLike[str]) -> Document:
    """Open a .txt or .docx file as a :class:`Document`; raise :class:`ReadError` otherwise."""
    p = Path(path)
    try:
        kind = sniff_kind(p)
        if kind == "txt":
            doc = read_txt(p)
            if len(doc.paragraphs) > MAX_PARAGRAPHS:
                raise ReadError(p, too_many_paragraphs(len(doc.paragraphs)))
            return doc
        from .docx_read import read_docx

        return read_docx(p)
    except ReadError:
        raise
    except (MemoryError, KeyboardInterrupt):
        raise
    except Exception as e:  # a damaged file must not crash the app; the cause goes to the log only
        log.info("unexpected error reading %s", p, exc_info=True)
        raise ReadError(p, "文件已损坏或含有无法识别的内容，无法打开") from e


def target_kind(doc: Document, path: str | os.PathLike[str] | None) -> str:
    """``"txt"`` or ``"docx"``: the format a save of ``doc`` to ``path`` writes.

    Saving to the document's own path (or no path) keeps its format, whatever
    the extension says (a text file named ``.docx`` stays text).  Another path
    gets the format its extension names; an unknown extension keeps the
    document's format; ``.doc``/``.pdf``/… raise :class:`SaveError`.
    """
    if path is None or (doc.path is not None and _same_path(Path(path), Path(doc.path))):
        return doc.kind
    suffix = Path(path).suffix.lower()
    if suffix in DOCX_SUFFIXES:
        return "docx"
    if suffix in TEXT_SUFFIXES:
        return "txt"
    if suffix in _FOREIGN_SUFFIXES:
        raise SaveError(path, f"ReportLint 不能保存为 {suffix} 格式；请保存为 .docx 或 .txt")
    return doc.kind


def render_document(
    doc: Document,
    texts: Sequence[str],
    path: str | os.PathLike[str] | None = None,
    *,
    sources: Sequence[int | None] | None = None,
) -> bytes:
    """The bytes :func:`save_document` would write (no file is touched); same arguments."""
    srcs = _check_sources(doc, texts, sources)
    kind = target_kind(doc, path)
    where = Path(path) if path is not None else doc.path
    if kind == "txt":
        if doc.kind == "txt":
            return encode_document_txt(doc, list(texts), path=where)  # lines have no identity
        from .convert import docx_to_txt_bytes, paragraphs_for_texts

        edited = Document(paragraphs=paragraphs_for_texts(doc, texts, sources=srcs), path=where, kind="docx")
        return docx_to_txt_bytes(edited)
    if doc.kind == "docx":
        from .docx_write import DocxRenderError, render_docx

        try:
            return render_docx(doc, list(texts), srcs)
        except DocxRenderError as e:  # its message is already plain Chinese
            raise SaveError(where, f"{e}；原文件没有改动") from e
    from .convert import txt_structure, txt_to_docx_bytes

    title_index, levels = txt_structure(texts)
    return txt_to_docx_bytes(list(texts), title_index, levels)


def save_document(
    doc: Document,
    texts: Sequence[str],
    path: str | os.PathLike[str] | None = None,
    *,
    sources: Sequence[int | None] | None = None,
    backup: bool = True,
) -> Path | None:
    """Save edited ``texts`` of ``doc`` to ``path`` (default: where it came from).

    ``sources`` — one entry per text — tells a .docx save which paragraph each
    text continues: ``sources[j]`` is the index in ``doc.paragraphs`` of the
    source paragraph, or ``None`` for a new paragraph.  Non-``None`` entries
    never decrease; the same index on several outputs is a split (the first
    keeps the paragraph's element and properties, the others are new
    paragraphs formatted like it, each object on the side its U+FFFC went); an
    index missing from the list was deleted, or merged into the output just
    before its place when some of its text is found there.  A malformed list
    raises ``ValueError`` (a programming error, never shown to users).
    Without ``sources`` a .docx save pairs paragraphs by aligning texts: a best
    effort (CLI, tests) that can pick the wrong one of several equal
    paragraphs.  .txt saves and conversions accept and ignore ``sources``
    (lines have no identity), except that .docx → .txt uses it to keep each
    paragraph's list label.

    Same format as the source unless ``path`` names the other one (.txt ↔
    .docx), see :func:`target_kind`.  Writes atomically; returns the backup
    of the replaced file, if one was made.  Raises :class:`SaveError` (and
    writes nothing) when the edit can't be saved without losing something.
    """
    _check_sources(doc, texts, sources)
    target = Path(path) if path is not None else doc.path
    if target is None:
        raise SaveError(None, "没有指定保存位置；请使用“另存为”")
    target = Path(target)
    try:
        data = render_document(doc, texts, target if path is not None else None, sources=sources)
    except SaveError as e:
        if e.path is None:
            raise SaveError(target, e.reason, e.locked_by) from None
        raise
    except (MemoryError, KeyboardInterrupt):
        raise
    except Exception as e:  # a bug in rendering must not cost the user the file; the cause goes to the log only
        log.error("unexpected error rendering %s", target, exc_info=True)
        raise SaveError(target, "生成文件内容时出错，没有保存，原文件没有改动（详细信息已写入日志）") from e
    return atomic_write(target, data, backup=backup)


def _check_sources(
    doc: Document, texts: Sequence[str], sources: Sequence[int | None] | None
) -> list[int | None] | None:
    """Validate ``sources`` against ``doc`` and ``texts``; ``ValueError`` when malformed."""
    if sources is None:
        return None
    return validate_sources(sources, len(texts), len(doc.paragraphs))


def convert_file(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
    """Convert ``src`` to the format ``dst``'s extension names and write it atomically.

    .txt → .docx: official format (:func:`~linting.io.convert.txt_to_docx_bytes`).
    .docx → .txt: UTF-8 with BOM, CRLF (:data:`~linting.io.convert.DEFAULT_TXT_FORMAT`).
    .docx → .docx: open + save unchanged (a round trip through the writer).
    .txt → .txt: same encoding, BOM and line endings, byte for byte.
    """
    source = Path(src)
    target = Path(dst)
    doc = open_document(source)
    save_document(doc, doc.texts, target)


def _same_path(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        pass
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a.absolute() == b.absolute()
