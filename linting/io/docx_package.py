"""Safe reading and byte-preserving rewriting of the zip package behind a .docx.

Reading is defensive: the whole file is held in memory (so a save always
matches what was read, even if the file changes on disk meanwhile), the zip
directory is checked against size caps before anything is decompressed, and
every part we decompress is re-checked while it streams (a lying header can't
blow up memory).

Writing copies every entry's *compressed* bytes verbatim from the original
package (same names, same order, same metadata) and only recompresses the
parts that were replaced.  Untouched entries are therefore identical down to
the compressed stream, and a save costs no decompression of images.
"""

from __future__ import annotations

import io
import logging
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from linting.io.errors import ReadError

#: Refuse packages with more entries than this.
MAX_ENTRIES = 10_000
#: A single part we decompress may not exceed this.
MAX_PART_SIZE = 100 * 1024 * 1024
#: Sum of what we actually decompress while reading one document.
MAX_TOTAL_READ = 200 * 1024 * 1024
#: Sum of the declared uncompressed sizes of all entries.  Media is stored
#: nearly 1:1, so a large photo-heavy report can legitimately declare a lot;
#: above :data:`MAX_TOTAL_DECLARED_COMPRESSIBLE` the package must not be
#: suspiciously compressible (zip bombs compress ~1000:1).
MAX_TOTAL_DECLARED = 2 * 1024 * 1024 * 1024
MAX_TOTAL_DECLARED_COMPRESSIBLE = 200 * 1024 * 1024
MAX_BOMB_RATIO = 20
#: Files larger than this are not loaded at all.
MAX_FILE_SIZE = 1024 * 1024 * 1024

log = logging.getLogger(__name__)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

MSG_NOT_ZIP = "文件已损坏或不是有效的 .docx（无法解压）"
MSG_CORRUPT_PART = "文件已损坏（其中的压缩数据有误，无法解压），无法打开；如有备份请使用备份"
MSG_BOMB = "文件解压后过大（可能是恶意构造的压缩包），已拒绝打开"


@dataclass(slots=True)
class Entry:
    """One zip entry, with where its compressed bytes live in the original file."""

    info: zipfile.ZipInfo
    data_start: int  # offset of the compressed data in Package.data
    data_end: int


class Package:
    """An opened .docx package held in memory."""

    def __init__(self, path: Path, data: bytes) -> None:
        self.path = path
        self.data = data
        self._read_total = 0
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, struct.error) as exc:
            raise ReadError(path, MSG_NOT_ZIP) from exc
        if len(infos) > MAX_ENTRIES:
            raise ReadError(path, f"压缩包内文件数量过多（{len(infos)} 个），已拒绝打开")
        declared = sum(i.file_size for i in infos)
        compressed = sum(i.compress_size for i in infos) or 1
        if declared > MAX_TOTAL_DECLARED or (
            declared > MAX_TOTAL_DECLARED_COMPRESSIBLE and declared > MAX_BOMB_RATIO * compressed
        ):
            raise ReadError(path, MSG_BOMB)
        self.entries: list[Entry] = []
        self._by_name: dict[str, Entry] = {}
        for info in infos:
            start = self._data_offset(info)
            entry = Entry(info, start, start + info.compress_size)
            if entry.data_end > len(data):
                raise ReadError(path, MSG_NOT_ZIP)
            self.entries.append(entry)
            self._by_name[info.filename] = entry
        # Lookup is case-insensitive as a fallback (some producers vary case).
        self._lower = {name.lower(): name for name in self._by_name}

    def _data_offset(self, info: zipfile.ZipInfo) -> int:
        off = info.header_offset
        header = self.data[off : off + 30]
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            raise ReadError(self.path, MSG_NOT_ZIP)
        name_len, extra_len = struct.unpack("<HH", header[26:30])
        return off + 30 + name_len + extra_len

    # -- lookup -----------------------------------------------------------------
    @property
    def names(self) -> list[str]:
        return [e.info.filename for e in self.entries]

    def find(self, name: str) -> str | None:
        """The stored name of part ``name`` (leading ``/`` ignored), or None."""
        name = name.lstrip("/")
        if name in self._by_name:
            return name
        return self._lower.get(name.lower())

    def read(self, name: str) -> bytes:
        """Decompress one part, enforcing the size caps while streaming."""
        stored = self.find(name)
        if stored is None:
            raise KeyError(name)
        info = self._by_name[stored].info
        if info.file_size > MAX_PART_SIZE:
            raise ReadError(self.path, MSG_BOMB)
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as fh:
                while True:
                    chunk = fh.read(1 << 20)
                    if not chunk:
                        break
                    size += len(chunk)
                    self._read_total += len(chunk)
                    if size > MAX_PART_SIZE or self._read_total > MAX_TOTAL_READ:
                        raise ReadError(self.path, MSG_BOMB)
                    chunks.append(chunk)
        except ReadError:
            raise
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            EOFError,
            ValueError,
            NotImplementedError,
            RuntimeError,
        ) as exc:
            # RuntimeError: encrypted entry; NotImplementedError: exotic compression.
            log.info("cannot decompress %s in %s: %r", stored, self.path, exc)
            raise ReadError(self.path, MSG_CORRUPT_PART) from exc
        return b"".join(chunks)

    def raw(self, name: str) -> bytes:
        """The compressed bytes of one entry, exactly as stored."""
        e = self._by_name[name]
        return self.data[e.data_start : e.data_end]


def open_package(path: Path) -> Package:
    """Read ``path`` into memory and open it as a zip, or raise :class:`ReadError`."""
    path = Path(path)
    if path.name.startswith("~$"):
        raise ReadError(path, "这是 Word/WPS 打开文档时生成的临时锁定文件（~$ 开头），不是文档本身")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_SIZE:
            raise ReadError(path, "文件过大，已拒绝打开")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ReadError(path, "文件不存在") from exc
    except IsADirectoryError as exc:
        raise ReadError(path, "这是一个文件夹，不是文件") from exc
    except PermissionError as exc:
        raise ReadError(path, "没有权限读取该文件") from exc
    except OSError as exc:
        from linting.io.sniff import os_error_reason

        raise ReadError(path, os_error_reason(exc)) from exc
    if not data:
        raise ReadError(path, "文件是空的（0 字节）")
    if data.startswith(_OLE_MAGIC):
        raise ReadError(
            path,
            "这是加密（设置了打开密码）的文档或旧版 Word 97-2003 (.doc) 文件；"
            "请在 Word/WPS 中取消密码或另存为 Word 文档(.docx) 后再打开",
        )
    if not data.startswith(b"PK"):
        raise ReadError(path, MSG_NOT_ZIP)
    return Package(path, data)


# -- writing ---------------------------------------------------------------------


def _strip_zip64(extra: bytes) -> bytes:
    """Drop ZIP64 extra records (we write 32-bit sizes; the caps keep us far below 4 GB)."""
    out = bytearray()
    i = 0
    while i + 4 <= len(extra):
        tag, ln = struct.unpack("<HH", extra[i : i + 4])
        if tag != 0x0001:
            out += extra[i : i + 4 + ln]
        i += 4 + ln
    return bytes(out)


def _dos_time(info: zipfile.ZipInfo) -> tuple[int, int]:
    y, mo, d, h, mi, s = info.date_time
    y = max(1980, min(2107, y))
    return (h << 11) | (mi << 5) | (s // 2), ((y - 1980) << 9) | (mo << 5) | d


def write_package(pkg: Package, replacements: dict[str, bytes]) -> bytes:
    """A new zip: every entry of ``pkg`` in order, with ``replacements`` (name → new content).

    Unchanged entries keep their compressed bytes, CRC, timestamps and
    attributes; replaced entries are deflated anew.  When nothing is replaced
    the original file bytes are returned as they are.
    """
    changed = {n: c for n, c in replacements.items() if n in pkg._by_name}
    if not changed:
        return pkg.data
    out = io.BytesIO()
    central = io.BytesIO()
    for entry in pkg.entries:
        info = entry.info
        flags = info.flag_bits & ~0x08  # sizes go in the local header, no data descriptor
        name = info.filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437")
        method = info.compress_type
        if info.filename in changed:
            content = changed.pop(info.filename)
            crc = zlib.crc32(content)
            usize = len(content)
            if method == zipfile.ZIP_STORED:
                body = content
            else:
                method = zipfile.ZIP_DEFLATED
                comp = zlib.compressobj(6, zlib.DEFLATED, -15)
                body = comp.compress(content) + comp.flush()
                flags &= ~0x06  # compression-level bits: normal
        else:
            body = pkg.data[entry.data_start : entry.data_end]
            crc, usize = info.CRC, info.file_size
        flags &= ~0x01  # never encrypted (encrypted entries fail at read time)
        dostime, dosdate = _dos_time(info)
        offset = out.tell()
        version = max(info.extract_version, 20) if method == zipfile.ZIP_DEFLATED else info.extract_version
        version = min(version, 45)
        out.write(
            struct.pack(
                "<4sHHHHHIIIHH",
                b"PK\x03\x04",
                version,
                flags,
                method,
                dostime,
                dosdate,
                crc,
                len(body),
                usize,
                len(name),
                0,
            )
        )
        out.write(name)
        out.write(body)
        extra = _strip_zip64(info.extra)
        comment = info.comment or b""
        central.write(
            struct.pack(
                "<4sBBHHHHHIIIHHHHHII",
                b"PK\x01\x02",
                min(info.create_version, 63),
                info.create_system,
                version,
                flags,
                method,
                dostime,
                dosdate,
                crc,
                len(body),
                usize,
                len(name),
                len(extra),
                len(comment),
                0,
                info.internal_attr,
                info.external_attr & 0xFFFFFFFF,
                offset,
            )
        )
        central.write(name)
        central.write(extra)
        central.write(comment)
    cd = central.getvalue()
    cd_offset = out.tell()
    out.write(cd)
    comment = pkg._zip.comment or b""
    out.write(
        struct.pack(
            "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(pkg.entries), len(pkg.entries), len(cd), cd_offset, len(comment)
        )
    )
    out.write(comment)
    return out.getvalue()
