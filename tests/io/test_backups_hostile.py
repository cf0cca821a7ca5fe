"""Backups and temp files that can be trusted (issue 8): complete or absent, cleaned up, long names."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from linting.config import load_config
from linting.io import atomic as atomic_module
from linting.io.atomic import (
    NAME_MAX,
    STALE_TEMP_SECONDS,
    atomic_write,
    clean_stale_temp_files,
    list_backups,
)
from linting.io.errors import SaveError

OLD = "原来的内容，第一版。\n".encode() * 2000
NEW = "修改后的内容，第二版。\n".encode() * 2000


@pytest.fixture(autouse=True)
def _backups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "backups"
    monkeypatch.setenv("REPORTLINT_BACKUP_DIR", str(folder))
    monkeypatch.setattr(atomic_module, "_last_cleaned", {})
    return folder


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    d = tmp_path / "docs"
    d.mkdir()
    return d


def _age(path: Path, seconds: float) -> None:
    t = time.time() - seconds
    os.utime(path, (t, t))


def test_backup_interrupted_mid_copy_leaves_no_truncated_backup(
    docs: Path, _backups: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = docs / "报告.txt"
    target.write_bytes(OLD)
    _backups.mkdir()
    real_fsync = os.fsync

    def disk_full(fd: int) -> None:  # the copy got its bytes out, then the disk filled up
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_module.os, "fsync", disk_full)
    with pytest.raises(SaveError):
        atomic_write(target, NEW)  # the document's own fsync fails too: nothing changes
    monkeypatch.setattr(atomic_module.os, "fsync", real_fsync)
    assert target.read_bytes() == OLD
    assert list(_backups.iterdir()) == []  # no backup under a final name, no temp left


def test_backup_killed_mid_copy_never_has_its_final_name(docs: Path, _backups: Path, monkeypatch) -> None:
    # Simulate kill -9 inside the copy: the process dies (BaseException) after half the bytes.
    target = docs / "报告.txt"
    target.write_bytes(OLD)
    _backups.mkdir()

    class Killed(BaseException):
        pass

    real_open = open
    written: list[Path] = []

    def dying_open(file, mode="r", *a, **kw):  # noqa: ANN001, ANN002, ANN003
        f = real_open(file, mode, *a, **kw)
        if "x" in mode:
            written.append(Path(file))
            real_write = f.write

            class Half:
                def __enter__(self):
                    return self

                def __exit__(self, *exc):  # noqa: ANN002
                    f.close()

                def write(self, data: bytes) -> int:
                    real_write(data[: len(data) // 2])
                    f.flush()
                    raise Killed

                def fileno(self) -> int:
                    return f.fileno()

                def flush(self) -> None:
                    f.flush()

            return Half()
        return f

    monkeypatch.setattr("builtins.open", dying_open)
    with pytest.raises(Killed):
        atomic_module._copy_atomically(target, _backups / "x.txt")
    monkeypatch.undo()
    assert written and written[0].name.startswith(".~rl-")
    assert not (_backups / "x.txt").exists()
    assert list_backups(target) == []


def test_backup_is_complete_and_named_like_before(docs: Path, _backups: Path) -> None:
    target = docs / "报告.txt"
    target.write_bytes(OLD)
    made = atomic_write(target, NEW)
    assert made is not None and made.read_bytes() == OLD
    assert [p.name for p in _backups.iterdir()] == [made.name]  # no temp file left beside it


def test_stale_temp_files_are_cleaned_in_both_folders(docs: Path, _backups: Path) -> None:
    target = docs / "报告.txt"
    target.write_bytes(OLD)
    _backups.mkdir()
    stale_doc = docs / ".~报告.txt.reportlint-tmp-0a1b2c3d"
    stale_short = docs / ".~rl-deadbeef.tmp"
    stale_backup = _backups / ".~rl-0badcafe.tmp"
    fresh = docs / ".~其他.docx.reportlint-tmp-12345678"  # a save in progress in another window
    not_ours = [docs / ".~lock.报告.txt#", docs / "~$报告.docx", docs / ".~rl-notahex.tmp", docs / "笔记.tmp"]
    for f in (stale_doc, stale_short, stale_backup, fresh, *not_ours):
        f.write_bytes(b"x" * 100)
    for f in (stale_doc, stale_short, stale_backup, *not_ours):
        _age(f, STALE_TEMP_SECONDS + 60)
    atomic_write(target, NEW)
    assert not stale_doc.exists() and not stale_short.exists() and not stale_backup.exists()
    assert fresh.exists()
    assert all(f.exists() for f in not_ours)


def test_clean_stale_temp_files_counts_and_respects_age(docs: Path) -> None:
    f = docs / ".~a.docx.reportlint-tmp-00000000"
    f.write_bytes(b"1")
    assert clean_stale_temp_files(docs, older_than=3600) == 0 and f.exists()
    _age(f, 7200)
    assert clean_stale_temp_files(docs, older_than=3600) == 1 and not f.exists()
    assert clean_stale_temp_files(docs / "missing", older_than=0) == 0


@pytest.mark.parametrize("length", [73, 74, 75, 80, 83])
def test_long_chinese_name_saves_in_place_with_a_backup(docs: Path, _backups: Path, length: int) -> None:
    name = ("关于进一步加强基层党组织建设工作情况的报告" * 5)[:length] + ".txt"
    assert len(name.encode()) <= NAME_MAX  # a legal name
    target = docs / name
    target.write_bytes(OLD)
    made = atomic_write(target, NEW)
    assert target.read_bytes() == NEW
    assert made is not None and made.read_bytes() == OLD
    assert len(made.name.encode()) <= NAME_MAX
    assert list_backups(target) == [made]
    # A second save keeps a second backup under the same (shortened) history.
    atomic_write(target, OLD)
    assert len(list_backups(target)) == 2
    assert sorted(p.name for p in docs.iterdir()) == [name]


def test_two_long_names_sharing_a_start_keep_separate_histories(docs: Path) -> None:
    stem = ("关于进一步加强基层党组织建设工作情况的报告" * 4)[:78]
    a, b = docs / f"{stem}甲.txt", docs / f"{stem}乙.txt"
    for t in (a, b):
        t.write_bytes(OLD)
        atomic_write(t, NEW)
    assert len(list_backups(a)) == 1 and len(list_backups(b)) == 1
    assert list_backups(a) != list_backups(b)


def test_read_only_file_system_says_the_folder_cannot_be_written(docs: Path, monkeypatch) -> None:
    target = docs / "报告.txt"
    target.write_bytes(OLD)

    class RO:
        f_flag = getattr(os, "ST_RDONLY", 1)

    monkeypatch.setattr(atomic_module.os, "access", lambda p, mode: False)
    monkeypatch.setattr(atomic_module.os, "statvfs", lambda p: RO(), raising=False)
    with pytest.raises(SaveError) as info:
        atomic_write(target, NEW)
    assert "该文件夹不能写入" in info.value.reason and "只读属性" not in info.value.reason
    assert target.read_bytes() == OLD


def test_erofs_on_create_says_the_folder_cannot_be_written(docs: Path, monkeypatch) -> None:
    target = docs / "新报告.txt"

    def erofs(*a, **kw):  # noqa: ANN002, ANN003
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(atomic_module.os, "open", erofs)
    with pytest.raises(SaveError) as info:
        atomic_write(target, NEW)
    assert "该文件夹不能写入" in info.value.reason


def test_unexpected_os_error_is_plain_chinese(docs: Path, monkeypatch) -> None:
    target = docs / "报告.txt"
    target.write_bytes(OLD)

    def busy(*a):  # noqa: ANN002
        raise OSError(errno.EBUSY, "Device or resource busy")

    monkeypatch.setattr(atomic_module.os, "replace", busy)
    with pytest.raises(SaveError) as info:
        atomic_write(target, NEW, backup=False)
    assert "Device" not in info.value.reason and "原文件没有改动" in info.value.reason


def test_load_config_accepts_str_and_pathlike(tmp_path: Path) -> None:
    folder = tmp_path / "报告"
    folder.mkdir()
    (folder / ".reportlint.toml").write_text('[rules]\n"halfwidth-punct" = "off"\n', encoding="utf-8")
    doc = folder / "a.docx"
    for arg in (str(doc), doc, os.fspath(doc)):
        cfg = load_config(arg, user=False)
        assert cfg.severities.get("halfwidth-punct", "missing") is None
    extra = tmp_path / "extra.toml"
    extra.write_text('[rules]\n"placeholder" = "off"\n', encoding="utf-8")
    cfg = load_config(str(doc), str(extra), user=False)
    assert cfg.severities.get("placeholder", "missing") is None


def test_backups_under_the_whole_long_stem_stay_in_the_history(docs: Path, _backups: Path) -> None:
    stem = ("关于进一步加强基层党组织建设工作情况的报告" * 4)[:65]  # 195 bytes: shortened from now on
    target = docs / f"{stem}.txt"
    target.write_bytes(OLD)
    old_style = _backups / f"{atomic_module._backup_prefix(target, shorten=False)}20200101-000000-000000.txt"
    _backups.mkdir()
    old_style.write_bytes(b"older")
    made = atomic_write(target, NEW)
    assert made is not None and made != old_style
    assert list_backups(target) == [made, old_style]  # newest first across both name forms
