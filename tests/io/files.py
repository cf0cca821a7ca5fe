"""Builders for the odd files users open by mistake (OLE containers, owner files, zips)."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREE = 0xFFFFFFFF
_END = 0xFFFFFFFE
_FATSECT = 0xFFFFFFFD


def ole_bytes(stream_names: list[str], *, payload: bytes = b"") -> bytes:
    """A minimal but well-formed compound file (512-byte sectors) whose directory lists ``stream_names``.

    Sector 0 is the FAT, sector 1 the directory; streams have no data (the
    sniffer only reads names).  ``payload`` is appended as extra sectors.
    """
    header = bytearray(512)
    header[0:8] = OLE_MAGIC
    struct.pack_into("<HH", header, 0x18, 0x3E, 3)  # minor, major version
    struct.pack_into("<H", header, 0x1C, 0xFFFE)  # byte order
    struct.pack_into("<HH", header, 0x1E, 9, 6)  # sector shift, mini sector shift
    struct.pack_into("<I", header, 0x2C, 1)  # number of FAT sectors
    struct.pack_into("<I", header, 0x30, 1)  # first directory sector
    struct.pack_into("<I", header, 0x38, 4096)  # mini stream cutoff
    struct.pack_into("<III", header, 0x3C, _END, 0, _END)  # mini FAT start/count, DIFAT start
    struct.pack_into("<I", header, 0x48, 0)  # DIFAT count
    difat = [0] + [_FREE] * 108
    struct.pack_into("<109I", header, 0x4C, *difat)

    n_dir_sectors = (len(stream_names) + 1 + 3) // 4
    fat = [_FATSECT] + [i + 1 for i in range(1, n_dir_sectors)] + [_END]
    fat += [_FREE] * (128 - len(fat))
    fat_sector = struct.pack("<128I", *fat)

    entries = bytearray()
    for i, name in enumerate(["Root Entry", *stream_names]):
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry[: len(encoded)] = encoded
        struct.pack_into("<H", entry, 64, len(encoded))
        entry[66] = 5 if i == 0 else 2
        struct.pack_into("<III", entry, 68, _FREE, _FREE, _FREE)
        struct.pack_into("<I", entry, 116, _END)
        entries += entry
    entries += bytes(512 * n_dir_sectors - len(entries))
    return bytes(header) + fat_sector + bytes(entries) + payload


def owner_file_bytes(user: str, *, ansi: bool = True, unicode: bool = True) -> bytes:
    """A 162-byte Word owner file for ``user`` (layout as Word 2016 writes it)."""
    data = bytearray(162)
    data[0] = len(user)
    if ansi:
        raw = user.encode("gbk", "replace")[:53]
        data[1 : 1 + len(raw)] = raw
    if unicode:
        struct.pack_into("<H", data, 54, len(user))
        raw16 = user.encode("utf-16-le")
        data[56 : 56 + len(raw16)] = raw16
    return bytes(data)


def write_zip(path: Path, entries: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


ODT_ENTRIES: dict[str, bytes | str] = {
    "mimetype": "application/vnd.oasis.opendocument.text",
    "content.xml": "<office:document-content/>",
    "META-INF/manifest.xml": "<manifest/>",
}

XLSX_ENTRIES: dict[str, bytes | str] = {
    "[Content_Types].xml": "<Types/>",
    "_rels/.rels": (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    ),
    "xl/workbook.xml": "<workbook/>",
}
