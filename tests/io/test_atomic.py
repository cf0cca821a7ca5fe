"""Atomic saving: whatever fails, the original bytes are intact and no temp file is left."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

import linting.io.atomic as atomic_module
from linting.io.atomic import KEEP_BACKUPS, atomic_write, backup_dir, list_backups
from linting.io.errors import SaveError

from .files import owner_file_bytes

ORIGINAL = "原来的内容\r\n".encode()
NEW = "新的内容\r\n".encode() * 1000


@pytest.fixture(autouse=True)
def _backups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "backups"
    monkeypatch.setenv("REPORTLINT_BACKUP_DIR", str(folder))
    return folder


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    return folder


def _leftovers(folder: Path, target: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != target.name and not p.name.startswith("~$"))


def test_writes_new_file_without_backup(docs: Path) -> None:
    target = docs / "新报告.txt"
    assert atomic_write(target, NEW) is None
    assert target.read_bytes() == NEW
    assert _leftovers(docs, target) == []


def test_replaces_and_backs_up(docs: Path, _backups: Path) -> None:
    target = docs / "报告.txt"
    target.write_bytes(ORIGINAL)
    backup = atomic_write(target, NEW)
    assert target.read_bytes() == NEW
    assert backup is not None and backup.parent == _backups
    assert backup.read_bytes() == ORIGINAL
    assert backup.name.startswith("报告~") and backup.suffix == ".txt"
    assert list_backups(target) == [backup]
    assert _leftovers(docs, target) == []  # nothing next to the user's file


def test_backup_can_be_disabled(docs: Path, _backups: Path) -> None:
    target = docs / "报告.txt"
    target.write_bytes(ORIGINAL)
    assert atomic_write(target, NEW, backup=False) is None
    assert list_backups(target) == []


def test_backups_rotate_to_keep_the_last_n(docs: Path) -> None:
    target = docs / "报告.docx"
    target.write_bytes(b"v0")
    made = []
    for i in range(1, KEEP_BACKUPS + 5):
        made.append(atomic_write(target, f"v{i}".encode()))
    kept = list_backups(target)
    assert len(kept) == KEEP_BACKUPS
    assert [p.read_bytes() for p in kept] == [f"v{i}".encode() for i in range(KEEP_BACKUPS + 3, 3, -1)]
    assert kept[0] == made[-1]


def test_unchanged_content_does_not_push_out_old_backups(docs: Path) -> None:
    target = docs / "a.txt"
    target.write_bytes(b"one")
    first = atomic_write(target, b"two")
    again = atomic_write(target, b"two")  # backs up "two"
    third = atomic_write(target, b"two")  # "two" already the newest backup: reused
    assert third == again and len(list_backups(target)) == 2
    assert first is not None and first.read_bytes() == b"one"


def test_same_name_in_two_folders_keeps_separate_histories(tmp_path: Path) -> None:
    a = tmp_path / "x" / "报告.txt"
    b = tmp_path / "y" / "报告.txt"
    for p in (a, b):
        p.parent.mkdir()
        p.write_bytes(p.parent.name.encode())
        atomic_write(p, b"new")
    assert [p.read_bytes() for p in list_backups(a)] == [b"x"]
    assert [p.read_bytes() for p in list_backups(b)] == [b"y"]


def test_backup_failure_does_not_block_the_save(docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("REPORTLINT_BACKUP_DIR", str(blocker / "backups"))
    target = docs / "报告.txt"
    target.write_bytes(ORIGINAL)
    assert atomic_write(target, NEW) is None
    assert target.read_bytes() == NEW


def test_backup_dir_defaults(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("REPORTLINT_BACKUP_DIR")
    monkeypatch.setattr(atomic_module, "_WINDOWS", True)
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert backup_dir() == tmp_path / "Local" / "ReportLint" / "backups"
    monkeypatch.setattr(atomic_module, "_WINDOWS", False)
    monkeypatch.setattr(atomic_module.sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert backup_dir() == tmp_path / "xdg" / "reportlint" / "backups"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert backup_dir() == Path.home() / ".local" / "share" / "reportlint" / "backups"


def test_keeps_permission_bits(docs: Path) -> None:
    target = docs / "a.txt"
    target.write_bytes(ORIGINAL)
    os.chmod(target, 0o640)
    atomic_write(target, NEW)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_writes_through_a_symlink(docs: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(ORIGINAL)
    link = docs / "link.txt"
    link.symlink_to(real)
    atomic_write(link, NEW)
    assert link.is_symlink() and real.read_bytes() == NEW


# ---------------------------------------------------------------------------
# Failure paths: the original is intact and no temp file is left every time


def _assert_intact(docs: Path, target: Path) -> None:
    assert target.read_bytes() == ORIGINAL
    assert _leftovers(docs, target) == []


def test_file_open_in_word_names_the_user(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = docs / "年度工作总结报告.docx"
    target.write_bytes(ORIGINAL)
    (docs / "~$工作总结报告.docx").write_bytes(owner_file_bytes("张三"))

    def locked(src, dst):  # what Windows does while Word holds the file
        raise PermissionError(13, "Permission denied", str(src), None, str(dst))

    monkeypatch.setattr(atomic_module.os, "replace", locked)
    with pytest.raises(SaveError) as info:
        atomic_write(target, NEW)
    err = info.value
    assert err.reason == "文件正被“张三”在 Word/WPS 中打开，无法保存；请关闭后重试，或“另存为”其他文件名"
    assert err.locked_by == "张三"
    assert str(err) == f"{target}: {err.reason}"
    _assert_intact(docs, target)


def test_file_open_in_word_with_unreadable_owner_file(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = docs / "报告.docx"
    target.write_bytes(ORIGINAL)
    (docs / "~$报告.docx").write_bytes(b"\x00" * 162)
    monkeypatch.setattr(atomic_module.os, "replace", _raise(PermissionError(13, "Permission denied")))
    with pytest.raises(SaveError) as info:
        atomic_write(target, NEW)
    assert info.value.reason.startswith("文件正在 Word/WPS 中打开")
    assert info.value.locked_by == ""
    _assert_intact(docs, target)


def test_sharing_violation_without_owner_file(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = docs / "报告.txt"
    target.write_bytes(ORIGINAL)
    e = PermissionError(13, "The process cannot access the file")
    e.winerror = 32  # type: ignore[attr-defined]  # ERROR_SHARING_VIOLATION
    monkeypatch.setattr(atomic_module.os, "replace", _raise(e))
    with pytest.raises(SaveError) as info:
        atomic_write(target, NEW)
    assert "正被其他程序打开" in info.value.reason and info.value.locked_by is None
    _assert_intact(docs, target)


def test_disk_full_mid_write(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = docs / "报告.txt"
    target.write_bytes(ORIGINAL)
    monkeypatch.setattr(atomic_module, "_CHUNK", 100)
    real_write = os.write
    calls = []

    def write(fd: int, data) -> int:
        calls.append(len(data))
        if len(calls) > 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(atomic_module.os, "write", write)
    with pytest.raises(SaveError) as info:
        atomic_write(target, NEW)
    assert "磁盘空间不足" in info.value.reason
    assert len(calls) == 4  # failed part-way through, after some data was written
    _assert_intact(docs, target)


def test_disk_full_at_fsync(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = docs / "报告.txt"
    target.write_bytes(ORIGINAL)
    monkeypatch.setattr(atomic_module.os, "fsync", _raise(OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(SaveError) as info:
        atomic_write(target, NEW)
    assert "磁盘空间不足" in info.value.reason
    _assert_intact(docs, target)


def test_short_writes_are_completed(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = docs / "报告.txt"
    real_write = os.write
    monkeypatch.setattr(atomic_module.os, "write", lambda fd, data: real_write(fd, bytes(data[:7])))
    atomic_write(target, NEW)
    assert target.read_bytes() == NEW


def test_read_only_folder(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The tests run as root, and chmod 0o500 does not stop root from creating
    # files, so simulate what os.open raises for a normal user in a
    # read-only folder (and make os.access agree).
    target = docs / "报告.txt"
    target.write_bytes(ORIGINAL)
    os.chmod(docs, 0o500)
    try:
        monkeypatch.setattr(atomic_module.os, "open", _raise(PermissionError(13, "Permission denied")))
        monkeypatch.setattr(atomic_module.os, "access", lambda p, mode: Path(p) != docs)
        with pytest.raises(SaveError) as info:
            atomic_write(target, NEW)
        assert "没有权限在这个文件夹里保存文件" in info.value.reason
    finally:
        os.chmod(docs, 0o700)
    _assert_intact(docs, target)


def test_read_only_file(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = docs / "报告.txt"
    target.write_bytes(ORIGINAL)
    # Root ignores the read-only bit; simulate os.access for a normal user.
    monkeypatch.setattr(atomic_module.os, "access", lambda p, mode: Path(p) != target)
    with pytest.raises(SaveError) as info:
        atomic_write(target, NEW)
    assert "只读" in info.value.reason
    _assert_intact(docs, target)


def test_read_only_disk(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = docs / "报告.txt"
    target.write_bytes(ORIGINAL)
    monkeypatch.setattr(atomic_module.os, "open", _raise(OSError(errno.EROFS, "Read-only file system")))
    with pytest.raises(SaveError) as info:
        atomic_write(target, NEW)
    assert "只读" in info.value.reason
    _assert_intact(docs, target)


def test_path_too_long(docs: Path) -> None:
    target = docs / ("长" * 200 + ".txt")  # 600 bytes in UTF-8: over NAME_MAX
    with pytest.raises(SaveError) as info:
        atomic_write(target, NEW)
    assert "路径太长" in info.value.reason
    assert list(docs.iterdir()) == []


def test_windows_path_too_long(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = docs / "报告.txt"
    target.write_bytes(ORIGINAL)
    e = OSError(errno.EINVAL, "The filename or extension is too long")
    e.winerror = 206  # type: ignore[attr-defined]
    monkeypatch.setattr(atomic_module.os, "replace", _raise(e))
    with pytest.raises(SaveError) as info:
        atomic_write(target, NEW)
    assert "路径太长" in info.value.reason
    _assert_intact(docs, target)


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(SaveError) as info:
        atomic_write(tmp_path / "gone" / "报告.txt", NEW)
    assert "保存位置不存在" in info.value.reason


def test_target_is_a_folder(docs: Path) -> None:
    (docs / "报告.txt").mkdir()
    with pytest.raises(SaveError) as info:
        atomic_write(docs / "报告.txt", NEW)
    assert "同名的文件夹" in info.value.reason


def test_unexpected_error_is_still_a_save_error(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = docs / "报告.txt"
    target.write_bytes(ORIGINAL)
    monkeypatch.setattr(atomic_module.os, "replace", _raise(OSError(errno.EBUSY, "Device or resource busy")))
    with pytest.raises(SaveError) as info:
        atomic_write(target, NEW)
    assert "无法保存" in info.value.reason and "原文件没有改动" in info.value.reason
    _assert_intact(docs, target)


def test_keyboard_interrupt_cleans_up(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = docs / "报告.txt"
    target.write_bytes(ORIGINAL)
    monkeypatch.setattr(atomic_module.os, "fsync", _raise(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, NEW)
    _assert_intact(docs, target)


def _raise(exc: BaseException):
    def fail(*args, **kwargs):
        raise exc

    return fail
