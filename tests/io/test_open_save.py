"""The façade: open_document / save_document / convert_file."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

import linting.io.convert as convert_module
from linting.io import convert_file, list_backups, open_document, save_document, target_kind
from linting.io.errors import ReadError, SaveError
from linting.model import Document, Paragraph, TextFormat
from tests import corpus

from . import test_txt as txt_cases
from .files import ole_bytes, owner_file_bytes

REPO = Path(__file__).resolve().parents[2]
SAMPLE_TXT = corpus.SAMPLE_TXT
SAMPLE_DOCX = corpus.OWN_DOCX  # built by tests/data/docx_holdout/make.py: Word auto-numbering, styles


@pytest.fixture(autouse=True)
def _backups(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "backups"
    monkeypatch.setenv("REPORTLINT_BACKUP_DIR", str(folder))
    return folder


# ---------------------------------------------------------------------------
# open_document


def test_open_txt(tmp_path: Path) -> None:
    path = tmp_path / "报告.txt"
    path.write_bytes("一、总体情况\r\n正文。\r\n".encode("gb18030"))
    doc = open_document(path)
    assert doc.kind == "txt" and doc.texts == ["一、总体情况", "正文。"]
    assert doc.encoding == "gb18030"


def test_open_docx() -> None:
    doc = open_document(SAMPLE_DOCX)
    assert doc.kind == "docx" and doc.path == SAMPLE_DOCX
    assert any(t.strip() for t in doc.texts)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("gone.docx", None, "文件不存在"),
        ("empty.txt", b"", "文件是空的（0 字节）"),
        ("~$abc.docx", owner_file_bytes("张三"), "“张三”正在编辑"),
        ("old.doc", ole_bytes(["WordDocument"]), "旧版 Word 文档（.doc）"),
        ("secret.docx", ole_bytes(["EncryptionInfo", "EncryptedPackage"]), "文档已加密"),
        ("junk.txt", bytes(range(256)) * 4, "不是文本文件"),
    ],
)
def test_open_bad_inputs_raise_read_error(tmp_path: Path, name: str, content: bytes | None, expected: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ReadError) as info:
        open_document(path)
    assert expected in info.value.reason


def test_unexpected_reader_failure_becomes_read_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import linting.io.docx_read as docx_read

    def broken(path):
        raise ValueError("boom")

    monkeypatch.setattr(docx_read, "read_docx", broken)
    with pytest.raises(ReadError) as info:
        open_document(SAMPLE_DOCX)
    assert "无法打开" in info.value.reason and isinstance(info.value.__cause__, ValueError)


# ---------------------------------------------------------------------------
# save_document, same format


def _saves_back_byte_for_byte(src: Path, tmp_path: Path) -> None:
    path = tmp_path / src.name
    path.write_bytes(src.read_bytes())
    doc = open_document(path)
    save_document(doc, doc.texts)
    assert path.read_bytes() == src.read_bytes(), src.name


@pytest.mark.parametrize("src", [*corpus.OWN_TXT, corpus.SAMPLE_TXT], ids=lambda f: f.name)
def test_own_txt_files_save_back_byte_for_byte(src: Path, tmp_path: Path) -> None:
    _saves_back_byte_for_byte(src, tmp_path)


@corpus.corpus
@pytest.mark.parametrize("src", corpus.corpus_files("seed", "*.txt"), ids=lambda f: f.name)
def test_seed_files_save_back_byte_for_byte(src: Path, tmp_path: Path) -> None:
    _saves_back_byte_for_byte(src, tmp_path)


def test_txt_edit_keeps_format_and_makes_backup(tmp_path: Path) -> None:
    path = tmp_path / "报告.txt"
    original = b"\xef\xbb\xbf" + "标题\r\n正文一\n正文二\r\n".encode()
    path.write_bytes(original)
    doc = open_document(path)
    texts = doc.texts
    texts[1] = "正文一（已修改）"
    backup = save_document(doc, texts)
    assert path.read_bytes() == b"\xef\xbb\xbf" + "标题\r\n正文一（已修改）\n正文二\r\n".encode()
    assert backup is not None and backup.read_bytes() == original
    assert list_backups(path) == [backup]


def test_save_without_backup(tmp_path: Path) -> None:
    path = tmp_path / "报告.txt"
    path.write_bytes(b"a\n")
    doc = open_document(path)
    assert save_document(doc, ["b"], backup=False) is None
    assert path.read_bytes() == b"b\n"


def test_word_unchanged_save_is_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "公文.docx"
    path.write_bytes(SAMPLE_DOCX.read_bytes())
    doc = open_document(path)
    save_document(doc, doc.texts)
    assert path.read_bytes() == SAMPLE_DOCX.read_bytes()


def test_word_edit_is_saved(tmp_path: Path) -> None:
    path = tmp_path / "公文.docx"
    path.write_bytes(SAMPLE_DOCX.read_bytes())
    doc = open_document(path)
    texts = doc.texts
    i = next(k for k, t in enumerate(texts) if t.strip() and not doc.paragraphs[k].read_only)
    texts[i] = texts[i] + "（补充）"
    save_document(doc, texts)
    assert open_document(path).texts[i] == texts[i]


def test_text_named_word_stays_text_when_saved_in_place(tmp_path: Path) -> None:
    path = tmp_path / "其实是文本.docx"
    path.write_bytes("第一行\n".encode())
    doc = open_document(path)
    assert doc.kind == "txt"
    save_document(doc, ["第一行", "第二行"])
    assert path.read_bytes() == "第一行\n第二行\n".encode()


def test_unencodable_character_is_a_save_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("中文\r\n".encode("gbk"))
    doc = open_document(path)
    doc.text_format = TextFormat("gbk", False, "\r\n", True)  # as if a strict-GBK file
    with pytest.raises(SaveError) as info:
        save_document(doc, ["中文😀"])
    assert info.value.path == path and "😀" in info.value.reason
    assert path.read_bytes() == "中文\r\n".encode("gbk")


def test_no_path(tmp_path: Path) -> None:
    doc = Document(paragraphs=[Paragraph("x")], path=None, kind="txt", text_format=TextFormat())
    with pytest.raises(SaveError) as info:
        save_document(doc, ["x"])
    assert "另存为" in info.value.reason
    target = tmp_path / "new.txt"
    save_document(doc, ["x", "y"], target)
    assert target.read_bytes() == b"x\ny\n"


def test_foreign_extension_is_refused(tmp_path: Path) -> None:
    doc = open_document(SAMPLE_TXT)
    with pytest.raises(SaveError) as info:
        save_document(doc, doc.texts, tmp_path / "报告.doc")
    assert ".docx 或 .txt" in info.value.reason
    assert not (tmp_path / "报告.doc").exists()


def test_render_failure_leaves_the_file_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "报告.docx"
    path.write_bytes(b"old")

    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(convert_module, "txt_to_docx_bytes", broken)
    doc = open_document(SAMPLE_TXT)
    with pytest.raises(SaveError) as info:
        save_document(doc, doc.texts, path)
    assert "原文件没有改动" in info.value.reason
    assert path.read_bytes() == b"old"


def test_target_kind() -> None:
    txt = Document(paragraphs=[], path=Path("/x/a.txt"), kind="txt")
    assert target_kind(txt, None) == "txt"
    assert target_kind(txt, "/x/a.txt") == "txt"
    assert target_kind(txt, "/x/b.docx") == "docx"
    assert target_kind(txt, "/x/b.log") == "txt"
    dx = Document(paragraphs=[], path=Path("/x/a.docx"), kind="docx")
    assert target_kind(dx, "/x/b.TXT") == "txt"
    assert target_kind(dx, "/x/b.dotx") == "docx"
    with pytest.raises(SaveError):
        target_kind(dx, "/x/b.pdf")


# ---------------------------------------------------------------------------
# Cross-format save and convert_file


def test_save_txt_as_docx(tmp_path: Path) -> None:
    doc = open_document(SAMPLE_TXT)
    target = tmp_path / "sample.docx"
    assert save_document(doc, doc.texts, target) is None
    d = docx.Document(str(target))
    assert d.paragraphs[0].style.name == "Title"
    assert open_document(target).kind == "docx"


def test_save_word_as_txt_keeps_auto_numbers(tmp_path: Path) -> None:
    doc = open_document(SAMPLE_DOCX)
    target = tmp_path / "out.txt"
    save_document(doc, doc.texts, target)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    text = raw.decode("utf-8-sig")
    for p in doc.paragraphs:
        if p.text.strip():
            assert (p.auto_number or "") + p.text.split("\n")[0].replace("\ufffc", "") in text


@pytest.mark.parametrize("name", sorted(txt_cases.FIXTURES))
def test_convert_txt_to_txt_is_byte_for_byte(tmp_path: Path, name: str) -> None:
    raw = txt_cases.FIXTURES[name][0]
    src = tmp_path / f"{name}.txt"
    src.write_bytes(raw)
    dst = tmp_path / "out" / f"{name}.txt"
    dst.parent.mkdir()
    convert_file(src, dst)
    assert dst.read_bytes() == raw


def test_convert_txt_to_word_and_back(tmp_path: Path) -> None:
    src = tmp_path / "报告.txt"
    lines = ["关于工作情况的报告", "一、总体情况", "（一）主要做法", "正文内容。"]
    src.write_bytes("\r\n".join(lines).encode("gb18030"))
    dst = tmp_path / "报告.docx"
    convert_file(src, dst)
    d = docx.Document(io.BytesIO(dst.read_bytes()))
    assert [p.text for p in d.paragraphs] == lines
    assert [p.style.name for p in d.paragraphs] == ["Title", "Heading 1", "Heading 2", "Normal"]
    back = tmp_path / "back.txt"
    convert_file(dst, back)
    assert back.read_bytes() == ("\ufeff" + "\r\n".join(lines) + "\r\n").encode()


def test_convert_word_to_word_is_a_round_trip(tmp_path: Path) -> None:
    dst = tmp_path / "copy.docx"
    convert_file(SAMPLE_DOCX, dst)
    assert dst.read_bytes() == SAMPLE_DOCX.read_bytes()


def test_convert_bad_source(tmp_path: Path) -> None:
    with pytest.raises(ReadError):
        convert_file(tmp_path / "missing.txt", tmp_path / "x.docx")


def test_convert_refuses_foreign_target(tmp_path: Path) -> None:
    with pytest.raises(SaveError):
        convert_file(SAMPLE_TXT, tmp_path / "x.pdf")


def test_linting_io_imports_no_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, linting.io, linting.io.convert; "
        "print([m for m in sys.modules if m.startswith(('PySide', 'PyQt', 'shiboken'))])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "[]"


def test_opening_txt_does_not_load_word_machinery() -> None:
    import subprocess
    import sys

    code = (
        f"import sys, linting.io as io_; io_.open_document({str(SAMPLE_TXT)!r}); "
        "print([m for m in sys.modules if m.startswith(('docx', 'lxml', 'linting.io.docx'))])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
    assert out.stdout.strip() == "[]"
