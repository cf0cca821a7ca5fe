"""Saving a file so that a failure can never leave the user with half a report.

:func:`atomic_write` writes a temporary file in the same folder (same disk, so
the final rename is atomic), flushes and fsyncs it, then ``os.replace``-s it
onto the target and fsyncs the folder where the platform allows.  On any
failure the original file is untouched, the temporary file is removed and a
:class:`SaveError` explains in plain Chinese what happened — most often, on
Windows, that the document is open in Word/WPS (we read Word's ``~$`` owner
file to say who has it open).

Backups: before replacing, the previous version is copied to a per-user
folder, not next to the document (users hate ``报告.docx.bak`` litter and
sync tools upload it):

* ``REPORTLINT_BACKUP_DIR`` if set (tests use this);
* Windows: ``%LOCALAPPDATA%\\ReportLint\\backups``;
* macOS: ``~/Library/Application Support/ReportLint/backups``;
* elsewhere: ``$XDG_DATA_HOME/reportlint/backups`` (default ``~/.local/share``).

A backup is named ``{stem}~{hash of the full path}~{timestamp}{suffix}`` so two
``报告.docx`` in different folders keep separate histories (a stem over 180
bytes is shortened; names are measured in bytes, as file systems do); the newest
:data:`KEEP_BACKUPS` per file are kept.  A backup is written like the document
(temp file, fsync, rename), so one under its final name is always complete.
A failing backup never blocks the save (the original is only ever replaced
atomically, so it is never lost).

Temp files a killed save left behind (only our own names, older than
:data:`STALE_TEMP_SECONDS`) are removed from the target folder and the backup
folder at the next save.

Caveats: ``os.replace`` makes a new file, so hard links to the old one are
not updated and on POSIX the owner becomes the saving user (the permission
bits are copied over).  A symlink target is written through, the link stays.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
import secrets
import stat
import sys
import time
from datetime import datetime
from pathlib import Path

from .errors import SaveError
from .sniff import locked_by

__all__ = ["atomic_write", "backup_dir", "list_backups", "clean_stale_temp_files", "KEEP_BACKUPS"]

log = logging.getLogger(__name__)

#: How many previous versions of each file are kept.
KEEP_BACKUPS = 10

#: Longest file name (in bytes) most file systems accept.
NAME_MAX = 255
#: Our temp files older than this (seconds) were left by a killed save and are removed.
STALE_TEMP_SECONDS = 15 * 60
_TEMP_RE = re.compile(r"^\.~(?:.+\.reportlint-tmp-|rl-)[0-9a-f]{8}(?:\.tmp)?$", re.DOTALL)
#: The longest document name kept whole in a backup name (bytes); longer ones are shortened.
_BACKUP_STEM_MAX = 180

_last_cleaned: dict[str, float] = {}

MSG_READ_ONLY_FOLDER = "该文件夹不能写入（所在的磁盘或共享文件夹是只读的），无法保存；请“另存为”到其他位置"

_CHUNK = 1024 * 1024
_WINDOWS = sys.platform == "win32"
# Windows error codes that mean "someone else has the file open".
_WIN_SHARING_VIOLATION = 32
_WIN_LOCK_VIOLATION = 33
_WIN_FILENAME_EXCED_RANGE = 206


def atomic_write(path: str | os.PathLike[str], data: bytes, *, backup: bool = True) -> Path | None:
    """Replace ``path`` with ``data`` atomically; return the backup of the old version, if one was made.

    Raises :class:`SaveError` (with ``locked_by`` set when Word/WPS holds the
    file) on failure; the existing file is then exactly as it was.
    """
    target = Path(path)
    try:
        if target.is_symlink():
            target = target.resolve()
        st = target.stat()
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise _save_error(target, e, "stat") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise SaveError(target, "已有同名的文件夹，无法保存；请换一个文件名")
    folder = target.parent
    if not folder.is_dir():
        raise SaveError(target, "保存位置不存在（文件夹可能已被移动或删除，或U盘已拔出）")

    if st is not None and not os.access(target, os.W_OK):
        if _read_only_fs(folder):
            raise SaveError(target, MSG_READ_ONLY_FOLDER)
        raise SaveError(target, "文件是只读的，无法保存；请取消文件的只读属性，或“另存为”其他文件名")

    clean_stale_temp_files(folder)
    backup_path: Path | None = None
    if backup and st is not None:
        backup_path = _make_backup(target)

    tmp = _temp_name(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as e:
        raise _save_error(target, e, "create") from None
    try:
        try:
            view = memoryview(data)
            written = 0
            while written < len(view):
                n = os.write(fd, view[written : written + _CHUNK])
                if n <= 0:
                    raise OSError(errno.EIO, "write returned 0")
                written += n
            os.fsync(fd)
        finally:
            os.close(fd)
        if st is not None and not _WINDOWS:
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
        os.replace(tmp, target)
    except BaseException as e:
        _remove_quietly(tmp)
        if isinstance(e, OSError):
            raise _save_error(target, e, "write") from None
        raise
    _fsync_dir(folder)
    return backup_path


# ---------------------------------------------------------------------------
# Errors


def _save_error(target: Path, e: OSError, phase: str) -> SaveError:
    """Turn an OSError from ``phase`` ("stat", "create" the temp file, "write" it or replace) into a SaveError."""
    code = e.errno
    winerror = getattr(e, "winerror", None)
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", -1):
        return SaveError(target, "磁盘空间不足，无法保存；请清理磁盘后重试，或“另存为”到其他磁盘")
    if code == errno.EROFS:
        return SaveError(target, MSG_READ_ONLY_FOLDER)
    if code == errno.ENAMETOOLONG or winerror == _WIN_FILENAME_EXCED_RANGE:
        return SaveError(target, "文件路径太长，无法保存；请缩短文件名，或保存到路径较短的文件夹")
    if code == errno.ENOENT:
        return SaveError(target, "保存位置不存在（文件夹可能已被移动或删除，或U盘已拔出）")
    if code == errno.EIO:
        return SaveError(target, "磁盘读写出错，无法保存（U盘或网络盘可能已断开）；请检查后重试")
    if (
        isinstance(e, PermissionError)
        or code in (errno.EACCES, errno.EPERM)
        or winerror
        in (
            _WIN_SHARING_VIOLATION,
            _WIN_LOCK_VIOLATION,
        )
    ):
        return _permission_error(target, phase, winerror)
    log.info("save of %s failed (%s): %r", target, phase, e)
    return SaveError(target, "无法保存（磁盘或系统出错）；原文件没有改动，请稍后重试或“另存为”其他位置")


def _permission_error(target: Path, phase: str, winerror: int | None) -> SaveError:
    user = locked_by(target)
    if user is not None:
        who = f"正被“{user}”" if user else "正"
        return SaveError(
            target,
            f"文件{who}在 Word/WPS 中打开，无法保存；请关闭后重试，或“另存为”其他文件名",
            locked_by=user,
        )
    if winerror in (_WIN_SHARING_VIOLATION, _WIN_LOCK_VIOLATION):
        return SaveError(target, "文件正被其他程序打开，无法保存；请关闭后重试，或“另存为”其他文件名")
    if _read_only_fs(target.parent):
        return SaveError(target, MSG_READ_ONLY_FOLDER)
    if phase == "create" or not os.access(target.parent, os.W_OK):
        return SaveError(
            target,
            "没有权限在这个文件夹里保存文件；请“另存为”到其他文件夹（例如“文档”或桌面）",
        )
    if target.exists() and not os.access(target, os.W_OK):
        return SaveError(target, "文件是只读的，无法保存；请取消文件的只读属性，或“另存为”其他文件名")
    return SaveError(
        target,
        "文件可能正被其他程序（如 Word/WPS）打开，或没有写入权限，无法保存；请关闭后重试，或“另存为”其他文件名",
    )


# ---------------------------------------------------------------------------
# Temp files and fsync


def _name_bytes(name: str) -> int:
    """A file name's length as file systems count it: bytes (UTF-8; NTFS's UTF-16 units are never more)."""
    return len(name.encode("utf-8", "surrogatepass"))


def _temp_name(target: Path) -> Path:
    token = secrets.token_hex(4)
    tmp = target.with_name(f".~{target.name}.reportlint-tmp-{token}")
    # Stay under Windows MAX_PATH even when the target just fits, and under NAME_MAX (255 bytes):
    # an 83-character Chinese name is 249 bytes, legal itself but not with our temp suffix.
    if len(str(tmp)) > 240 or _name_bytes(tmp.name) > NAME_MAX:
        tmp = target.with_name(f".~rl-{token}.tmp")
    return tmp


def _read_only_fs(folder: Path) -> bool:
    """Whether ``folder`` is on a file system mounted read-only (POSIX; False when unknown)."""
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:
        return False
    try:
        return bool(statvfs(folder).f_flag & getattr(os, "ST_RDONLY", 1))
    except OSError:
        return False


def clean_stale_temp_files(folder: str | os.PathLike[str], *, older_than: float | None = None) -> int:
    """Remove our own temp files left in ``folder`` by a save that was killed; return how many.

    Only names we create (``.~NAME.reportlint-tmp-XXXXXXXX`` and ``.~rl-XXXXXXXX.tmp``) that were
    last written more than ``older_than`` seconds ago (default :data:`STALE_TEMP_SECONDS`): a save
    in progress in another window keeps writing its file, so it is never touched.
    """
    limit = STALE_TEMP_SECONDS if older_than is None else older_than
    removed = 0
    now = time.time()
    key = os.fspath(folder)
    if older_than is None:  # the automatic clean-up runs at most once a minute per folder
        if now - _last_cleaned.get(key, -1e9) < 60:
            return 0
        _last_cleaned[key] = now
    try:
        with os.scandir(folder) as it:
            for entry in it:
                if not _TEMP_RE.match(entry.name):
                    continue
                try:
                    st = entry.stat(follow_symlinks=False)
                    if not stat.S_ISREG(st.st_mode) or now - st.st_mtime < limit:
                        continue
                    os.unlink(entry.path)
                    removed += 1
                except OSError:
                    continue
    except OSError:
        return removed
    if removed:
        log.info("removed %d stale temp file(s) in %s", removed, folder)
    return removed


def _remove_quietly(p: Path) -> None:
    try:
        os.unlink(p)
    except OSError:
        pass


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable (POSIX); Windows cannot open folders this way, NTFS journals it."""
    if _WINDOWS:
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# ---------------------------------------------------------------------------
# Backups


def backup_dir() -> Path:
    """The per-user folder holding previous versions of saved files."""
    override = os.environ.get("REPORTLINT_BACKUP_DIR")
    if override:
        return Path(override)
    if _WINDOWS:
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "ReportLint" / "backups"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "ReportLint" / "backups"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "reportlint" / "backups"


def _backup_prefix(target: Path, *, shorten: bool = True) -> str:
    try:
        full = str(target.resolve())
    except OSError:
        full = str(target.absolute())
    key = full.lower() if _WINDOWS else full
    digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{_short_stem(target.stem) if shorten else target.stem}~{digest}~"


def _short_stem(stem: str) -> str:
    """``stem`` cut (at a character boundary) to :data:`_BACKUP_STEM_MAX` bytes, so that the backup
    name with its hash and timestamp stays under NAME_MAX; the hash of the full path keeps it unique."""
    if _name_bytes(stem) <= _BACKUP_STEM_MAX:
        return stem
    out = []
    size = 0
    for ch in stem:
        size += _name_bytes(ch)
        if size > _BACKUP_STEM_MAX:
            break
        out.append(ch)
    return "".join(out)


def list_backups(path: str | os.PathLike[str]) -> list[Path]:
    """Backups of ``path``, newest first."""
    target = Path(path)
    folder = backup_dir()
    # Backups made before long names were shortened carry the whole stem: still the same history.
    prefixes = dict.fromkeys((_backup_prefix(target), _backup_prefix(target, shorten=False)))
    try:
        found = [
            (n[len(p) :], n)
            for n in os.listdir(folder)
            if n.endswith(target.suffix)
            for p in prefixes
            if n.startswith(p)
        ]
    except OSError:
        return []
    return [folder / n for _stamp, n in sorted(found, reverse=True)]  # newest (latest timestamp) first


def _make_backup(target: Path) -> Path | None:
    """Copy the current ``target`` into the backup folder and prune old copies; None on any failure."""
    try:
        folder = backup_dir()
        folder.mkdir(parents=True, exist_ok=True)
        previous = list_backups(target)
        if previous and _same_content(previous[0], target):
            return previous[0]
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        prefix = _backup_prefix(target)
        dest = folder / f"{prefix}{stamp}{target.suffix}"
        n = 1
        while dest.exists():
            dest = folder / f"{prefix}{stamp}-{n}{target.suffix}"
            n += 1
        _copy_atomically(target, dest)
        for old in list_backups(target)[KEEP_BACKUPS:]:
            _remove_quietly(old)
        return dest
    except (OSError, ValueError) as e:
        log.warning("could not back up %s: %s", target, e)
        return None


def _copy_atomically(src: Path, dest: Path) -> None:
    """Copy ``src`` to ``dest`` like a save: a temp file, fsynced, then renamed.

    A backup under its final name is therefore always complete; disk full or a kill mid-copy
    leaves at most a temp file, which :func:`clean_stale_temp_files` removes later.
    """
    clean_stale_temp_files(dest.parent)
    tmp = dest.with_name(f".~rl-{secrets.token_hex(4)}.tmp")
    try:
        with open(src, "rb") as fin, open(tmp, "xb") as fout:
            while True:
                chunk = fin.read(_CHUNK)
                if not chunk:
                    break
                fout.write(chunk)
            fout.flush()
            os.fsync(fout.fileno())
        os.replace(tmp, dest)
    except BaseException:
        _remove_quietly(tmp)
        raise


def _same_content(a: Path, b: Path) -> bool:
    try:
        if a.stat().st_size != b.stat().st_size:
            return False
        return a.read_bytes() == b.read_bytes()
    except OSError:
        return False
