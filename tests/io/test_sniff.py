"""What-is-this-file checks: every bad input gets its own plain-Chinese message."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

import linting.io.sniff as sniff_module
from linting.io.errors import ReadError
from linting.io.sniff import (
    locked_by,
    ole_stream_names,
    owner_file_candidates,
    owner_file_for,
    parse_owner_file,
    sniff,
)
from tests import corpus

from .files import ODT_ENTRIES, XLSX_ENTRIES, ole_bytes, owner_file_bytes, write_zip


def _reason(path: Path) -> str:
    with pytest.raises(ReadError) as info:
        sniff(path)
    err = info.value
    assert err.path == path
    assert str(err) == f"{path}: {err.reason}"
    return err.reason


# ---------------------------------------------------------------------------
# Files we can open


def test_own_word_files_are_docx() -> None:
    files = sorted(corpus.DATA.glob("*/*.docx"))
    assert files
    for f in files:
        assert sniff(f) == "docx", f.name


def test_own_template_is_docx(tmp_path: Path) -> None:
    from tests.io.conftest import build_docx, p

    path = tmp_path / "模板.dotx"
    path.write_bytes(
        build_docx(
            p("正文"), main_type="application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
        )
    )
    assert sniff(path) == "docx"


@corpus.corpus
def test_real_word_is_docx() -> None:
    for name in ("python-docx__default.docx", "poi-tl__sdt.docx", "GongWen-Template-Lite__out.docx"):
        assert sniff(corpus.docx(name)) == "docx"


@corpus.corpus
def test_dotx_template_is_docx() -> None:
    assert sniff(corpus.docx("GongWen-Template-Lite__template.dotx")) == "docx"


def test_text_files_are_txt(tmp_path: Path) -> None:
    for name, raw in {
        "a.txt": "报告".encode(),
        "b.md": b"# title\n",
        "noext": "中文".encode("gb18030"),
        "c.TXT": b"\xff\xfe" + "x".encode("utf-16-le"),
        "d.log": b"plain\n",
    }.items():
        path = tmp_path / name
        path.write_bytes(raw)
        assert sniff(path) == "txt", name


def test_text_named_word_opens_as_text(tmp_path: Path) -> None:
    path = tmp_path / "renamed.docx"
    path.write_bytes("一、总体情况\r\n".encode())
    assert sniff(path) == "txt"


def test_own_text_files_are_txt() -> None:
    for f in [*corpus.OWN_TXT, corpus.SAMPLE_TXT]:
        assert sniff(f) == "txt", f.name


@corpus.corpus
def test_seed_corpus_is_txt() -> None:
    for f in corpus.corpus_files("seed", "*.txt"):
        assert sniff(f) == "txt"


# ---------------------------------------------------------------------------
# File-system problems


def test_missing_file(tmp_path: Path) -> None:
    assert _reason(tmp_path / "没有这个文件.docx") == "文件不存在"


def test_missing_parent_component(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    assert "文件不存在" in _reason(tmp_path / "file" / "child.txt")


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "报告.docx"
    folder.mkdir()
    assert "文件夹" in _reason(folder)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "空.docx"
    path.write_bytes(b"")
    assert _reason(path) == "文件是空的（0 字节）"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root, where chmod 000 does not stop reading: simulate the
    # PermissionError that open() raises for a normal user.
    path = tmp_path / "secret.txt"
    path.write_text("x")

    def deny(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(sniff_module, "open", deny, raising=False)
    assert "没有读取权限" in _reason(path)


def test_stat_permission_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "x.txt"
    path.write_text("x")
    real_stat = Path.stat

    def fake_stat(self: Path, *a, **k):
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_stat(self, *a, **k)

    monkeypatch.setattr(Path, "stat", fake_stat)
    assert _reason(path) == "没有读取权限"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX named pipes")
def test_fifo_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "不是普通文件" in _reason(fifo)


# ---------------------------------------------------------------------------
# Word/WPS owner files


def test_owner_file_names_the_user_and_the_document(tmp_path: Path) -> None:
    doc = tmp_path / "年度工作总结报告.docx"  # stem ≥ 8 chars: Word drops the first two
    doc.write_bytes(b"PK\x03\x04")
    owner = tmp_path / "~$工作总结报告.docx"
    owner.write_bytes(owner_file_bytes("张三"))
    assert owner.stat().st_size == 162
    reason = _reason(owner)
    assert reason.startswith("这是 Word/WPS 的临时锁定文件（“张三”正在编辑 年度工作总结报告.docx），不是文档本身")


def test_owner_file_without_readable_name(tmp_path: Path) -> None:
    owner = tmp_path / "~$abc.docx"
    owner.write_bytes(b"\x00" * 162)
    reason = _reason(owner)
    assert "临时锁定文件" in reason and "有人正在编辑" in reason


def test_big_file_named_like_owner_file_is_sniffed_normally(tmp_path: Path) -> None:
    path = tmp_path / "~$notes.txt"
    path.write_bytes("正文\n".encode() * 2000)
    assert sniff(path) == "txt"


def test_parse_owner_file_variants() -> None:
    assert parse_owner_file(owner_file_bytes("张三")) == "张三"
    assert parse_owner_file(owner_file_bytes("Zhang San")) == "Zhang San"
    # Only the ANSI (GBK) copy present.
    assert parse_owner_file(owner_file_bytes("李四", unicode=False)) == "李四"
    # Excel/PowerPoint layout: padded with spaces, UTF-16 copy one byte later.
    data = bytearray(165)
    data[0] = 2
    data[1:5] = "王五".encode("gbk")
    data[5:55] = b" " * 50
    data[55] = 2
    data[57:61] = "王五".encode("utf-16-le")
    assert parse_owner_file(bytes(data)) == "王五"
    assert parse_owner_file(b"") is None
    assert parse_owner_file(b"\x00" * 162) is None
    assert parse_owner_file(bytes([200]) + b"\xff" * 161) is None


def test_owner_file_candidates_follow_word_naming() -> None:
    names = [p.name for p in owner_file_candidates(Path("/x/年度工作总结报告.docx"))]
    assert names[0] == "~$工作总结报告.docx"
    names = [p.name for p in owner_file_candidates(Path("/x/1234567.docx"))]
    assert names[0] == "~$234567.docx"
    names = [p.name for p in owner_file_candidates(Path("/x/报告.docx"))]
    assert names[0] == "~$报告.docx"


def test_locked_by(tmp_path: Path) -> None:
    doc = tmp_path / "报告.docx"
    doc.write_bytes(b"x")
    assert locked_by(doc) is None
    (tmp_path / "~$报告.docx").write_bytes(owner_file_bytes("赵六"))
    assert owner_file_for(doc) == tmp_path / "~$报告.docx"
    assert locked_by(doc) == "赵六"
    (tmp_path / "~$报告.docx").write_bytes(b"\x00" * 162)
    assert locked_by(doc) == ""


# ---------------------------------------------------------------------------
# OLE compound files: .doc, .wps, encrypted .docx


def test_ole_parser_reads_directory_names(tmp_path: Path) -> None:
    path = tmp_path / "a.doc"
    path.write_bytes(ole_bytes(["WordDocument", "1Table", "\x05SummaryInformation"]))
    assert ole_stream_names(path) == {"Root Entry", "WordDocument", "1Table", "\x05SummaryInformation"}
    many = [f"Stream{i}" for i in range(9)]  # three directory sectors, chained through the FAT
    path.write_bytes(ole_bytes(many))
    assert ole_stream_names(path) == {"Root Entry", *many}


def test_doc(tmp_path: Path) -> None:
    path = tmp_path / "旧报告.doc"
    path.write_bytes(ole_bytes(["WordDocument", "1Table"]))
    assert _reason(path) == "这是旧版 Word 文档（.doc），请在 Word/WPS 中另存为 .docx 后再打开"


def test_doc_renamed_to_docx(tmp_path: Path) -> None:
    path = tmp_path / "报告.docx"
    path.write_bytes(ole_bytes(["WordDocument", "1Table"]))
    reason = _reason(path)
    assert "旧版 Word 文档（.doc）" in reason and "另存为" in reason


def test_wps(tmp_path: Path) -> None:
    path = tmp_path / "报告.wps"
    path.write_bytes(ole_bytes(["WordDocument"]))
    reason = _reason(path)
    assert "WPS 文字" in reason and ".docx" in reason


def test_encrypted_docx(tmp_path: Path) -> None:
    path = tmp_path / "加密.docx"
    path.write_bytes(ole_bytes(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]))
    assert _reason(path) == "文档已加密（设置了打开密码），请在 Word/WPS 中取消密码后再打开"


def test_encrypted_word_with_damaged_directory_falls_back_to_name_search(tmp_path: Path) -> None:
    raw = bytearray(ole_bytes(["EncryptionInfo", "EncryptedPackage"]))
    raw[0x1E] = 99  # impossible sector shift: the structured parse gives up
    path = tmp_path / "加密.docx"
    path.write_bytes(bytes(raw))
    assert "文档已加密" in _reason(path)


def test_other_ole_file(tmp_path: Path) -> None:
    path = tmp_path / "book.xls"
    path.write_bytes(ole_bytes(["Workbook"]))
    assert "Excel" in _reason(path)
    path = tmp_path / "unknown.bin"
    path.write_bytes(ole_bytes(["Something"]))
    assert "OLE" in _reason(path)


# ---------------------------------------------------------------------------
# Zips and other formats


def test_odt(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "报告.odt", ODT_ENTRIES)
    assert _reason(path).startswith("这是 OpenDocument 文档（.odt），请")
    assert ".docx" in _reason(path)


def test_odt_renamed_to_docx(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "报告.docx", ODT_ENTRIES)
    assert "OpenDocument" in _reason(path)


def test_xlsx(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "表格.docx", XLSX_ENTRIES)
    assert "Excel" in _reason(path)


def test_plain_zip(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "files.zip", {"a.txt": "x"})
    assert "压缩包" in _reason(path)
    path = write_zip(tmp_path / "broken.docx", {"a.txt": "x"})
    assert "word/document.xml" in _reason(path)


def test_truncated_docx(tmp_path: Path) -> None:
    raw = corpus.OWN_DOCX.read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(raw[: len(raw) // 2])
    assert "损坏" in _reason(path)


def test_empty_zip(tmp_path: Path) -> None:
    path = tmp_path / "e.docx"
    with open(path, "wb") as f:
        import zipfile

        zipfile.ZipFile(f, "w").close()
    assert "空的压缩包" in _reason(path)


def test_word_with_unusual_main_part_name(tmp_path: Path) -> None:
    rels = XLSX_ENTRIES["_rels/.rels"].replace("xl/workbook.xml", "word/document2.xml")
    path = write_zip(tmp_path / "x.docx", {"_rels/.rels": rels, "word/document2.xml": "<w:document/>"})
    assert sniff(path) == "docx"


def test_rtf(tmp_path: Path) -> None:
    path = tmp_path / "报告.doc"
    path.write_bytes(b"{\\rtf1\\ansi\\ansicpg936 hello}")
    reason = _reason(path)
    assert "RTF" in reason and ".docx" in reason


def test_pdf(tmp_path: Path) -> None:
    path = tmp_path / "报告.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert "PDF" in _reason(path)
    renamed = tmp_path / "报告.txt"
    renamed.write_bytes(path.read_bytes())
    assert "PDF" in _reason(renamed)


def test_html_saved_as_doc(tmp_path: Path) -> None:
    path = tmp_path / "网页.doc"
    path.write_bytes(b"<html xmlns:o='urn:schemas-microsoft-com:office:office'><body>x</body></html>")
    assert "网页格式" in _reason(path)
    mht = tmp_path / "mht.doc"
    mht.write_bytes(b"MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n")
    assert "网页格式" in _reason(mht)


def test_word_2003_xml(tmp_path: Path) -> None:
    path = tmp_path / "x.doc"
    path.write_bytes(b'<?xml version="1.0"?><w:wordDocument xmlns:w="x"/>')
    assert "Word XML" in _reason(path)


def test_png_image(tmp_path: Path) -> None:
    path = tmp_path / "scan.docx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100))
    assert "PNG 图片" in _reason(path)


def test_random_bytes(tmp_path: Path) -> None:
    rng = random.Random(1234)
    junk = bytes(rng.randrange(256) for _ in range(4096))
    for name in ("junk.bin", "junk.docx", "junk.txt", "junk", "junk.doc"):
        path = tmp_path / name
        path.write_bytes(junk)
        reason = _reason(path)
        assert reason, name


def test_random_bytes_messages(tmp_path: Path) -> None:
    junk = bytes(range(256)) * 8
    (tmp_path / "a.bin").write_bytes(junk)
    assert "无法识别的文件格式" in _reason(tmp_path / "a.bin")
    (tmp_path / "a.docx").write_bytes(junk)
    assert "不是 .docx 格式" in _reason(tmp_path / "a.docx")
    (tmp_path / "a.txt").write_bytes(junk)
    assert "不是文本文件" in _reason(tmp_path / "a.txt")


def test_sniff_reads_only_the_head(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 100_000)
    reads: list[int] = []
    real_open = open

    def spy(*args, **kwargs):
        f = real_open(*args, **kwargs)
        original = f.read

        def read(n: int = -1) -> bytes:
            reads.append(n)
            return original(n)

        f.read = read  # type: ignore[method-assign]
        return f

    monkeypatch.setattr(sniff_module, "open", spy, raising=False)
    assert sniff(path) == "txt"
    assert reads and all(0 < n <= 65536 for n in reads)


def test_small_text_file_starting_with_tilde_dollar_is_not_an_owner_file(tmp_path: Path) -> None:
    path = tmp_path / "~$notes.txt"
    path.write_bytes("正文\n".encode())
    assert sniff(path) == "txt"
