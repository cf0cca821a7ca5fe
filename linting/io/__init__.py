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
  and leave the old file as it was.
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
from .txt import encode_document_txt, read_txt

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


def render_document(doc: Document, texts: Sequence[str], path: str | os.PathLike[str] | None = None) -> bytes:
    """The bytes :func:`save_document` would write (no file is touched)."""
    kind = target_kind(doc, path)
    where = Path(path) if path is not None else doc.path
    if kind == "txt":
        if doc.kind == "txt":
            return encode_document_txt(doc, list(texts), path=where)
        from .convert import docx_to_txt_bytes, paragraphs_for_texts

        edited = Document(paragraphs=paragraphs_for_texts(doc, texts), path=where, kind="docx")
        return docx_to_txt_bytes(edited)
    if doc.kind == "docx":
        from .docx_write import DocxRenderError, render_docx

        try:
            return render_docx(doc, list(texts))
        except DocxRenderError as e:  # its message is already plain Chinese
            raise SaveError(where, f"{e}；原文件没有改动") from e
    from .convert import guess_title_index, txt_to_docx_bytes

    return txt_to_docx_bytes(list(texts), guess_title_index(texts))


def save_document(
    doc: Document,
    texts: Sequence[str],
    path: str | os.PathLike[str] | None = None,
    *,
    backup: bool = True,
) -> Path | None:
    """Save edited ``texts`` (one per paragraph) of ``doc`` to ``path`` (default: where it came from).

    Same format as the source unless ``path`` names the other one (.txt ↔
    .docx), see :func:`target_kind`.  Writes atomically; returns the backup
    of the replaced file, if one was made.  Raises :class:`SaveError`.
    """
    target = Path(path) if path is not None else doc.path
    if target is None:
        raise SaveError(None, "没有指定保存位置；请使用“另存为”")
    target = Path(target)
    try:
        data = render_document(doc, texts, target if path is not None else None)
    except SaveError as e:
        if e.path is None:
            raise SaveError(target, e.reason, e.locked_by) from None
        raise
    except (MemoryError, KeyboardInterrupt):
        raise
    except Exception as e:  # a bug in rendering must not cost the user the file; the cause goes to the log only
        log.error("unexpected error rendering %s", target, exc_info=True)
        raise SaveError(target, "生成文件内容时出错，未保存，原文件没有改动") from e
    return atomic_write(target, data, backup=backup)


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
