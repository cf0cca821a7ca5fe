"""Deciding what a file is before opening it, and saying plainly why we can't.

:func:`sniff` looks at the file's bytes first and its name second, so a PDF
renamed to ``.txt`` gets the PDF message and a ``.docx`` that is really a
renamed ``.doc`` gets the ``.doc`` message.  Everything that is not a Word
2007+ package or plain text raises :class:`ReadError` with a reason in Chinese
that tells the user what to do.

Also here: reading Word's *owner files* (``~$name.docx``, the lock file Word
and WPS create next to an open document, holding the name of whoever has it
open).  :mod:`linting.io.atomic` uses them to say who is blocking a save.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import stat
import struct
import zipfile
import zlib
from pathlib import Path

from .errors import ReadError

__all__ = ["sniff", "parse_owner_file", "owner_file_for", "locked_by", "ole_stream_names"]

log = logging.getLogger(__name__)

MSG_CORRUPT_ZIP = "文件已损坏（压缩包结构不完整），无法打开；如有备份请使用备份"

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ZIP_EMPTY_MAGIC = b"PK\x05\x06"

DOCX_SUFFIXES = frozenset({".docx", ".docm", ".dotx", ".dotm"})
TEXT_SUFFIXES = frozenset({"", ".txt", ".text", ".md", ".markdown"})

#: Owner files are 162 bytes (Word) or 165 (Excel/PowerPoint); anything much
#: bigger named ``~$…`` is somebody's real document with an odd name.
_OWNER_FILE_MAX = 4096
_HEAD = 8192

_SAVE_AS_DOCX = "请在 Word/WPS 中“另存为” .docx 格式后再打开"

# Signatures of common binary files, for a message better than "not text".
_MAGIC_NAMES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF87a", "GIF 图片"),
    (b"GIF89a", "GIF 图片"),
    (b"Rar!\x1a\x07", "RAR 压缩包"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩包"),
    (b"\x1f\x8b", "gzip 压缩包"),
    (b"MZ", "Windows 程序文件"),
    (b"\x7fELF", "程序文件"),
    (b"II*\x00", "TIFF 图片"),
    (b"MM\x00*", "TIFF 图片"),
)


def sniff(path: str | os.PathLike[str]) -> str:
    """Return ``"docx"`` or ``"txt"`` for a file we can open, else raise :class:`ReadError`.

    ``"docx"`` only means "a zip package with a Word main document"; the
    .docx reader still checks the content types.  ``"txt"`` means the start of
    the file looks like text; :func:`linting.io.txt.read_txt` does the full
    decoding checks.
    """
    p = Path(path)
    st = _stat(p)
    if stat.S_ISDIR(st.st_mode):
        raise ReadError(p, "这是一个文件夹，不是文件")
    if not stat.S_ISREG(st.st_mode):
        raise ReadError(p, "这不是普通文件（可能是设备或管道），无法打开")
    if st.st_size == 0:
        raise ReadError(p, "文件是空的（0 字节）")
    if _is_owner_file(p, st.st_size):
        raise ReadError(p, _owner_file_message(p))

    head = _read_head(p)
    suffix = p.suffix.lower()

    if head.startswith(OLE_MAGIC):
        raise ReadError(p, _ole_message(p, suffix))
    if head.startswith(ZIP_MAGIC):
        return _sniff_zip(p, suffix)
    if head.startswith(ZIP_EMPTY_MAGIC):
        raise ReadError(p, "这是一个空的压缩包，不是 Word 文档")
    if head.startswith(b"{\\rtf"):
        raise ReadError(p, f"这是 RTF 格式文档，ReportLint 不能直接打开；{_SAVE_AS_DOCX}")
    if head.startswith(b"%TSD-"):  # e.g. %TSD-Header: enterprise document-protection software
        raise ReadError(
            p,
            "这个文件被企业文档加密（防泄密）软件加密了，不是损坏：请在装有该加密软件的电脑上打开，"
            "或请管理员解密后再检查",
        )
    if head.startswith(b"%PDF-"):
        raise ReadError(
            p,
            "这是 PDF 文件，ReportLint 只能检查 .docx 和 .txt；请打开原始的 Word 文档，或先把 PDF 转换为 .docx",
        )

    text_like = _looks_like_text(head)
    if not text_like:
        for magic, what in _MAGIC_NAMES:
            if head.startswith(magic):
                raise ReadError(p, f"这是{what}，不是文档；ReportLint 只能打开 .docx 和 .txt 文件")

    if suffix in (".doc", ".dot", ".wps", ".docx", ".xml") and text_like:
        lowered = head[:2048].lower().lstrip(b"\xef\xbb\xbf \t\r\n")
        if lowered.startswith((b"<html", b"<!doctype html", b"mime-version:")) or b"<html" in lowered[:512]:
            raise ReadError(p, f"这是网页格式（HTML/MHT）保存的文档，不是真正的 Word 文档；{_SAVE_AS_DOCX}")
        if lowered.startswith(b"<?xml") and (b"w:worddocument" in lowered or b"pkg:package" in lowered):
            raise ReadError(p, f"这是 Word XML 格式（.xml）保存的文档；{_SAVE_AS_DOCX}")

    if text_like:
        # Any text file opens as text, whatever its extension says (a report.txt
        # renamed to .docx by hand still opens, and saves back as text).
        return "txt"
    if suffix in DOCX_SUFFIXES:
        raise ReadError(p, "文件已损坏，或者不是 .docx 格式（文件开头不是 .docx 应有的压缩包结构）")
    if suffix in (".doc", ".dot", ".wps"):
        raise ReadError(p, f"文件已损坏，或者不是 Word/WPS 文档；{_SAVE_AS_DOCX}")
    if suffix in TEXT_SUFFIXES:
        raise ReadError(p, "不是文本文件（含有二进制数据），无法作为 .txt 打开")
    raise ReadError(p, "无法识别的文件格式；ReportLint 只能打开 .docx 和 .txt 文件")


# ---------------------------------------------------------------------------
# File system


def _stat(p: Path) -> os.stat_result:
    try:
        return p.stat()
    except FileNotFoundError:
        raise ReadError(p, "文件不存在") from None
    except NotADirectoryError:
        raise ReadError(p, "文件不存在（路径中的某一级不是文件夹）") from None
    except PermissionError:
        raise ReadError(p, "没有读取权限") from None
    except OSError as e:
        raise ReadError(p, _os_error_reason(e)) from None


def _read_head(p: Path) -> bytes:
    try:
        with open(p, "rb") as f:
            return f.read(_HEAD)
    except PermissionError:
        raise ReadError(p, "没有读取权限（文件可能正被其他程序独占打开）") from None
    except OSError as e:
        raise ReadError(p, _os_error_reason(e)) from None


def _os_error_reason(e: OSError) -> str:
    return os_error_reason(e)


def os_error_reason(e: OSError) -> str:
    """A plain-Chinese reason for an OSError met while reading a file (the English detail goes to the log)."""
    log.info("read error: %r", e)
    if e.errno == errno.ENAMETOOLONG:
        return "文件路径太长，无法读取；请把文件移到路径较短的文件夹"
    if e.errno == errno.ENOENT:
        return "文件不存在"
    if e.errno in (errno.EACCES, errno.EPERM):
        return "没有读取权限"
    if e.errno == errno.EIO:
        return "读取文件时磁盘出错（U盘或网络盘可能已断开），无法打开"
    if e.errno in (errno.EINVAL, errno.EOVERFLOW, None):
        return "文件已损坏，无法读取；如有备份请使用备份"
    return "无法读取文件（磁盘或系统出错）；请检查文件所在的磁盘后重试"


def _looks_like_text(head: bytes) -> bool:
    """Cheap byte-level look at the start of a file: BOM, BOM-less UTF-16, or no NUL and few controls."""
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        from .txt import utf16_without_bom

        sample = head if len(head) % 2 == 0 else head[:-1]
        return utf16_without_bom(sample) is not None
    controls = sum(1 for b in head if b < 0x20 and b not in b"\t\n\x0b\x0c\r\x1a\x1b")
    return controls <= max(3, len(head) // 200)


# ---------------------------------------------------------------------------
# Zip packages


def _sniff_zip(p: Path, suffix: str) -> str:
    try:
        with zipfile.ZipFile(p) as zf:
            names = set(zf.namelist())
            mimetype = b""
            if "mimetype" in names:
                with zf.open("mimetype") as f:
                    mimetype = f.read(200).strip()
            main_target = _office_main_part(zf, names)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError, zlib.error) as e:
        log.info("corrupt zip %s: %r", p, e)
        raise ReadError(p, MSG_CORRUPT_ZIP) from None
    except OSError as e:
        if e.errno in (None, errno.EINVAL, errno.EOVERFLOW):  # zipfile seeking to an offset the file lacks
            log.info("corrupt zip %s: %r", p, e)
            raise ReadError(p, MSG_CORRUPT_ZIP) from None
        raise ReadError(p, _os_error_reason(e)) from None
    except RuntimeError as e:  # an encrypted "mimetype" entry
        log.info("unreadable zip %s: %r", p, e)
        raise ReadError(p, MSG_CORRUPT_ZIP) from None

    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        if mimetype == b"application/vnd.oasis.opendocument.text":
            raise ReadError(p, "这是 OpenDocument 文档（.odt），请在 WPS/LibreOffice 中另存为 .docx 后再打开")
        raise ReadError(p, "这是 OpenDocument 格式的表格或演示文稿，不是文字文档；ReportLint 只能打开 .docx 和 .txt")
    if "word/document.xml" in names or (main_target or "").startswith("word/"):
        return "docx"
    if "xl/workbook.xml" in names or (main_target or "").startswith("xl/"):
        raise ReadError(p, "这是 Excel 表格（.xlsx），不是 Word 文档；ReportLint 只能打开 .docx 和 .txt")
    if "ppt/presentation.xml" in names or (main_target or "").startswith("ppt/"):
        raise ReadError(p, "这是 PowerPoint 演示文稿（.pptx），不是 Word 文档；ReportLint 只能打开 .docx 和 .txt")
    if any(n.lower().endswith(".xml") and n.lower().startswith("word/") for n in names):
        return "docx"  # unusual part names: let the .docx reader decide from the content types
    if suffix in DOCX_SUFFIXES:
        raise ReadError(p, "文件已损坏，或者不是 Word 文档：压缩包里没有 Word 正文（word/document.xml）")
    raise ReadError(p, "这是一个压缩包（.zip），不是 Word 文档；ReportLint 只能打开 .docx 和 .txt")


_RE_OFFICE_DOC_REL = re.compile(
    rb"<Relationship\b[^>]*?Type=\"[^\"]*/officeDocument\"[^>]*?Target=\"([^\"]+)\""
    rb"|<Relationship\b[^>]*?Target=\"([^\"]+)\"[^>]*?Type=\"[^\"]*/officeDocument\"",
)


def _office_main_part(zf: zipfile.ZipFile, names: set[str]) -> str | None:
    """The package's main part from ``_rels/.rels`` (read capped, no XML parser needed)."""
    if "_rels/.rels" not in names:
        return None
    with zf.open("_rels/.rels") as f:
        rels = f.read(64 * 1024)
    m = _RE_OFFICE_DOC_REL.search(rels)
    if not m:
        return None
    target = (m.group(1) or m.group(2)).decode("utf-8", "replace")
    return target.lstrip("/")


# ---------------------------------------------------------------------------
# OLE compound files (.doc, .wps, encrypted .docx)


def _ole_message(p: Path, suffix: str) -> str:
    names = ole_stream_names(p)
    if names is None:
        names = set()
    lowered = {n.lower() for n in names}
    if "encryptioninfo" in lowered or "encryptedpackage" in lowered:
        return "文档已加密（设置了打开密码），请在 Word/WPS 中取消密码后再打开"
    if suffix in (".wps", ".wpt") or any(n.startswith("wps") for n in lowered):
        return f"这是 WPS 文字的旧格式文档（.wps），{_SAVE_AS_DOCX}"
    if "worddocument" in lowered or suffix in (".doc", ".dot"):
        if suffix in DOCX_SUFFIXES:
            return f"这其实是旧版 Word 文档（.doc），只是扩展名改成了 {suffix}；{_SAVE_AS_DOCX}"
        return "这是旧版 Word 文档（.doc），请在 Word/WPS 中另存为 .docx 后再打开"
    if "workbook" in lowered or "book" in lowered or suffix in (".xls", ".et"):
        return "这是旧版 Excel 表格（.xls），不是 Word 文档；ReportLint 只能打开 .docx 和 .txt"
    if "powerpoint document" in lowered or suffix in (".ppt", ".dps"):
        return "这是旧版 PowerPoint 演示文稿（.ppt），不是 Word 文档；ReportLint 只能打开 .docx 和 .txt"
    return f"这是旧版 Office 二进制文件（OLE 复合文档），不是 .docx 或文本文件；{_SAVE_AS_DOCX}"


_ENDOFCHAIN = 0xFFFFFFFE
_MAX_SECTORS = 1 << 20


def ole_stream_names(path: str | os.PathLike[str]) -> set[str] | None:
    """Names of the storages and streams in an OLE compound file, or None if it can't be parsed.

    Follows the header's DIFAT → FAT → directory chain ([MS-CFB]) with bounds
    and loop checks.  When the structure is damaged we fall back to looking
    for the UTF-16LE names we care about anywhere in the first megabytes.
    """
    try:
        with open(path, "rb") as f:
            names = _parse_ole_directory(f)
            if names is not None:
                return names
            f.seek(0)
            blob = f.read(16 * 1024 * 1024)
    except OSError:
        return None
    found = set()
    for name in ("EncryptionInfo", "EncryptedPackage", "WordDocument", "Workbook", "PowerPoint Document"):
        if name.encode("utf-16-le") in blob:
            found.add(name)
    return found


def _parse_ole_directory(f) -> set[str] | None:  # noqa: ANN001 - a binary file object
    header = f.read(512)
    if len(header) < 512 or not header.startswith(OLE_MAGIC):
        return None
    shift = struct.unpack_from("<H", header, 0x1E)[0]
    if shift not in (9, 12):
        return None
    size = 1 << shift
    n_fat = struct.unpack_from("<I", header, 0x2C)[0]
    first_dir = struct.unpack_from("<I", header, 0x30)[0]
    difat_next = struct.unpack_from("<I", header, 0x44)[0]
    fat_sectors = [s for s in struct.unpack_from("<109I", header, 0x4C) if s < _ENDOFCHAIN]
    per_sector = size // 4

    def read_sector(n: int) -> bytes:
        f.seek((n + 1) * size)
        data = f.read(size)
        if len(data) != size:
            raise EOFError
        return data

    try:
        seen: set[int] = set()
        while difat_next < _ENDOFCHAIN and difat_next not in seen and len(fat_sectors) < n_fat:
            seen.add(difat_next)
            entries = struct.unpack(f"<{per_sector}I", read_sector(difat_next))
            fat_sectors.extend(s for s in entries[:-1] if s < _ENDOFCHAIN)
            difat_next = entries[-1]
        fat: list[int] = []
        for s in fat_sectors[: max(n_fat, 1)]:
            fat.extend(struct.unpack(f"<{per_sector}I", read_sector(s)))
        names: set[str] = set()
        sector = first_dir
        visited: set[int] = set()
        while sector < _ENDOFCHAIN:
            if sector in visited or sector >= len(fat) or len(visited) > _MAX_SECTORS:
                return None
            visited.add(sector)
            data = read_sector(sector)
            for off in range(0, size, 128):
                entry = data[off : off + 128]
                name_len = struct.unpack_from("<H", entry, 64)[0]
                kind = entry[66]
                if kind == 0 or not 2 <= name_len <= 64:
                    continue
                names.add(entry[: name_len - 2].decode("utf-16-le", "replace"))
            sector = fat[sector]
        return names
    except (EOFError, struct.error, OSError):
        return None


# ---------------------------------------------------------------------------
# Word/WPS owner files (~$name.docx)


def parse_owner_file(data: bytes) -> str | None:
    """The user name stored in a Word owner file, or None if it can't be read.

    Layout (Word 2007–2019, also written by LibreOffice for compatibility):
    byte 0 is the name length (1–52), then the name in the Windows ANSI code
    page (GBK on Chinese Windows), zero-padded to offset 54; at 54 a 2-byte
    length and then the same name in UTF-16LE.  Excel/PowerPoint pad with
    spaces and put the UTF-16 copy one byte later.  We prefer the UTF-16 copy
    and fall back to the ANSI one.
    """
    if len(data) < 2:
        return None
    ansi_len = data[0]
    if len(data) >= 58 and 0 < ansi_len <= 52:
        pos = 54
        n = data[pos]
        if n == 0x20 and (data[pos - 1] or data[pos - 2]):
            pos = 55
            n = data[pos]
        if 0 < n <= 52 and pos + 2 + 2 * n <= len(data):
            name = _clean_name(data[pos + 2 : pos + 2 + 2 * n].decode("utf-16-le", "replace"))
            if name:
                return name
    if 0 < ansi_len <= 52:
        chunk = data[1 : min(len(data), 54)].split(b"\x00", 1)[0]
        for enc in ("utf-8", "gb18030"):
            try:
                name = _clean_name(chunk.decode(enc))
            except UnicodeDecodeError:
                continue
            if name:
                return name
        name = _clean_name(chunk.decode("gb18030", "replace"))
        if name:
            return name
    return None


def _clean_name(name: str) -> str | None:
    name = name.replace("\x00", "").strip()
    if not name or "\ufffd" in name or any(ch < " " for ch in name):
        return None
    return name


def owner_file_candidates(doc: str | os.PathLike[str]) -> list[Path]:
    """Where Word/WPS put the owner file for ``doc`` (Word drops leading characters of long names)."""
    p = Path(doc)
    name = p.name
    stem_len = len(p.stem)
    candidates: list[str] = []
    if stem_len >= 8:
        candidates.append("~$" + name[2:])
    elif stem_len == 7:
        candidates.append("~$" + name[1:])
    candidates.append("~$" + name)
    for alt in ("~$" + name[2:], "~$" + name[1:]):
        if alt not in candidates and len(name) > 2:
            candidates.append(alt)
    return [p.with_name(c) for c in candidates]


def owner_file_for(doc: str | os.PathLike[str]) -> Path | None:
    """The existing owner file next to ``doc``, if any."""
    for c in owner_file_candidates(doc):
        try:
            st = c.stat()
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode) and st.st_size <= _OWNER_FILE_MAX:
            return c
    return None


def locked_by(doc: str | os.PathLike[str]) -> str | None:
    """Who has ``doc`` open in Word/WPS according to its owner file; ``""`` if the name is unreadable.

    ``None`` when there is no owner file.
    """
    owner = owner_file_for(doc)
    if owner is None:
        return None
    try:
        data = owner.read_bytes()
    except OSError:
        return ""
    return parse_owner_file(data) or ""


_OFFICE_SUFFIXES = DOCX_SUFFIXES | {".doc", ".dot", ".wps", ".wpt", ".rtf", ".odt"}


def _is_owner_file(p: Path, size: int) -> bool:
    """``~$…`` and small: Word's exact size, or an office extension (WPS writes other sizes)."""
    if not p.name.startswith("~$") or size > _OWNER_FILE_MAX:
        return False
    return size in (162, 165) or p.suffix.lower() in _OFFICE_SUFFIXES


def _owner_file_message(p: Path) -> str:
    try:
        user = parse_owner_file(p.read_bytes()[:_OWNER_FILE_MAX])
    except OSError:
        user = None
    doc_name = _document_for_owner_file(p)
    who = f"“{user}”正在编辑 {doc_name}" if user else f"有人正在编辑 {doc_name}"
    return f"这是 Word/WPS 的临时锁定文件（{who}），不是文档本身；请打开 {doc_name}"


def _document_for_owner_file(owner: Path) -> str:
    """Best guess at the document an owner file belongs to (its name lost 0–2 leading characters)."""
    tail = owner.name[2:]
    try:
        siblings = [c.name for c in owner.parent.iterdir() if not c.name.startswith("~$")]
    except OSError:
        siblings = []
    if tail in siblings:
        return tail
    matches = [n for n in siblings if n.endswith(tail) and len(n) - len(tail) in (1, 2)]
    if len(matches) == 1:
        return matches[0]
    return f"“…{tail}”"
