"""Hostile .docx files (issue 8): bounded numbering, and every failure one plain Chinese sentence.

Each file is built here from the fixture builder and damaged on purpose; nothing is stored.
"""

from __future__ import annotations

import io
import logging
import re
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from linting import cli
from linting.io import open_document
from linting.io.docx_numbering import MAX_COUNTER, MAX_LABEL, Numbering, format_number
from linting.io.errors import MAX_PARAGRAPHS, ReadError
from tests.io.conftest import build_docx, p

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")
#: What must never reach the user: tracebacks, exception class names, English OS/zlib wording.
ENGLISH = re.compile(r"Traceback|Error|error|Invalid|argument|codec|[A-Za-z]{6,}")


def _numbered(fmt: str, text: str = "%1、", start: int | str = 1, override: str = "", count: int = 4) -> bytes:
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
        f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/>'
        f"{override}</w:num>"
    )
    numpr = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
    return build_docx("".join(p(f"第{i}项工作", numpr=numpr) for i in range(count)), numbering=numbering)


def _labels(tmp_path: Path, data: bytes) -> list[str | None]:
    f = tmp_path / "n.docx"
    f.write_bytes(data)
    return [q.auto_number for q in open_document(f).paragraphs]


# -- numbering -----------------------------------------------------------------------------------


@pytest.mark.parametrize("start", [50_000_000_000, 1_000_000_000, 10**30])
def test_huge_letter_start_is_clamped(tmp_path: Path, start: int) -> None:
    # 5×10¹⁰ with letter numbering used to build a 2-billion-character label (gigabytes).
    got = _labels(tmp_path, _numbered("lowerLetter", "%1.", start=start))
    assert all(label is not None and 0 < len(label) <= MAX_LABEL for label in got)


def test_huge_start_override_is_clamped(tmp_path: Path) -> None:
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1000000000"/></w:lvlOverride>'
    got = _labels(tmp_path, _numbered("decimal", "%1.", override=override))
    assert got[0] == f"{MAX_COUNTER}." and got[1] == f"{MAX_COUNTER}."  # clamped, and it stays there
    assert all(len(label or "") <= MAX_LABEL for label in got)


def test_negative_start_with_chinese_numbering_is_read(tmp_path: Path) -> None:
    # Used to fail the whole file with "无法读取该文档（ValueError）".
    got = _labels(tmp_path, _numbered("chineseCounting", start=-2))
    assert got == ["-2、", "-1、", "0、", "一、"]
    assert _labels(tmp_path, _numbered("chineseCountingThousand", start=-1, count=3)) == ["-1、", "0、", "一、"]


@pytest.mark.parametrize(
    "fmt",
    ["chineseCounting", "ideographDigital", "upperLetter", "upperRoman", "decimalEnclosedCircle", "hex", "ordinal"],
)
def test_negative_values_never_raise(fmt: str) -> None:
    assert format_number(-7, fmt) == "-7" or fmt == "ordinal"


def test_megabyte_lvltext_gives_a_short_label(tmp_path: Path) -> None:
    # A 4 MB lvlText took 9–20 s; the label is rendered lazily and cut at MAX_LABEL.
    got = _labels(tmp_path, _numbered("decimal", "%1." + "x" * 4_000_000, count=3))
    assert [label[:2] for label in got if label] == ["1.", "2.", "3."]
    assert all(len(label or "") == MAX_LABEL for label in got)


def test_label_rendering_stops_at_the_cap() -> None:
    # Count the template characters actually visited: a few more than the label, not the template.
    class Spy(str):
        visits = 0

        def __getitem__(self, key: object) -> str:  # type: ignore[override]
            Spy.visits += 1
            return str.__getitem__(self, key)  # type: ignore[index]

    from lxml import etree

    from linting.io.docx_text import W_NS

    root = etree.fromstring(
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    numbering = Numbering(root, {})
    numbering.abstracts["0"].levels[0].text = Spy("%1." + "x" * 100_000)
    assert len(numbering.label("1", 0) or "") == MAX_LABEL
    assert Spy.visits <= 3 * MAX_LABEL


# -- damaged packages: one Chinese sentence from check, fix and convert --------------------------


def _entry_data_span(data: bytes, name: str) -> tuple[int, int]:
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    off = info.header_offset
    n, e = struct.unpack("<HH", data[off + 26 : off + 30])
    start = off + 30 + n + e
    return start, start + info.compress_size


def _corrupt_deflate(data: bytes, name: str) -> bytes:
    start, end = _entry_data_span(data, name)
    b = bytearray(data)
    for k in range(start + 3, end - 3):
        b[k] ^= 0x5A
    return bytes(b)


def _rezip(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, content if info.filename == name else src.read(info.filename))
    return out.getvalue()


BASE = build_docx(p("一、总体情况") + p("今年以来,我们认真落实各项工作。"))


def _bad_cd_offset(data: bytes) -> bytes:
    b = bytearray(data)
    struct.pack_into("<I", b, data.rfind(b"PK\x05\x06") + 16, 0xFFFFFF00)
    return bytes(b)


DAMAGED = {
    "deflate-rels": lambda: _corrupt_deflate(BASE, "_rels/.rels"),
    "deflate-document": lambda: _corrupt_deflate(BASE, "word/document.xml"),
    "deflate-styles": lambda: _corrupt_deflate(BASE, "word/styles.xml"),
    "central-directory-offset": lambda: _bad_cd_offset(BASE),
    "central-directory-size": lambda: (
        BASE[: BASE.rfind(b"PK\x01\x02") + 20] + b"\xff\xff\xff\x7f" + BASE[BASE.rfind(b"PK\x01\x02") + 24 :]
    ),
}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("case", sorted(DAMAGED))
def test_damaged_package_is_one_chinese_sentence(tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    src = tmp_path / "坏文件.docx"
    src.write_bytes(DAMAGED[case]())
    for args in (
        ("check", str(src)),
        ("fix", str(src), "-o", str(tmp_path / "out.docx")),
        ("convert", str(src), "-o", str(tmp_path / "out.txt")),
    ):
        code, out, err = _run(capsys, *args)
        assert code == 2, (args, err)
        lines = err.strip().splitlines()
        assert len(lines) == 1, err
        reason = lines[0].split(": ", 1)[1]
        assert CJK.search(reason) and not ENGLISH.search(reason.replace(".docx", "")), reason
    assert not (tmp_path / "out.docx").exists() and not (tmp_path / "out.txt").exists()


def test_corrupt_central_directory_says_damaged(tmp_path: Path) -> None:
    f = tmp_path / "a.docx"
    f.write_bytes(_bad_cd_offset(BASE))
    with pytest.raises(ReadError) as info:
        open_document(f)
    assert "损坏" in info.value.reason and "Invalid" not in info.value.reason


def test_utf16_document_xml_without_bom_is_read(tmp_path: Path) -> None:
    xml = zipfile.ZipFile(io.BytesIO(BASE)).read("word/document.xml").decode("utf-8")
    data = _rezip(BASE, "word/document.xml", xml.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"))
    f = tmp_path / "u16.docx"
    f.write_bytes(data)
    doc = open_document(f)
    assert [q.text for q in doc.paragraphs] == ["一、总体情况", "今年以来,我们认真落实各项工作。"]


def test_undecodable_document_xml_is_a_chinese_sentence(tmp_path: Path) -> None:
    # Declared UTF-16 but not decodable as such: lxml may still parse, our decoder must not leak its name.
    xml = zipfile.ZipFile(io.BytesIO(BASE)).read("word/document.xml").decode("utf-8")
    raw = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le") + b"\x00"
    f = tmp_path / "u16b.docx"
    f.write_bytes(_rezip(BASE, "word/document.xml", raw))
    try:
        open_document(f)
    except ReadError as e:
        assert CJK.search(e.reason) and "Unicode" not in e.reason


def test_latin1_declared_document_saves_edits_as_character_references(tmp_path: Path) -> None:
    # An ISO-8859-1 document.xml holds Chinese as &#…; references; a fix used to fail to encode
    # (and print a traceback from the log before the message).
    text = "".join(f"&#{ord(c)};" if ord(c) > 127 else c for c in "今年以来,我们认真落实。")
    data = build_docx(p(text))
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    src = tmp_path / "latin1.docx"
    src.write_bytes(_rezip(data, "word/document.xml", xml.replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"')))
    out = tmp_path / "out.docx"
    assert cli.main(["fix", str(src), "-o", str(out)]) == 0
    assert [q.text for q in open_document(out).paragraphs] == ["今年以来，我们认真落实。"]


def test_library_log_never_prints_to_the_console() -> None:
    assert any(isinstance(h, logging.NullHandler) for h in logging.getLogger("linting").handlers)


def test_cli_stderr_has_no_traceback_in_a_fresh_process(tmp_path: Path) -> None:
    # In a real process (no pytest log capture): Python's last-resort handler must not fire.
    src = tmp_path / "bad.docx"
    src.write_bytes(_corrupt_deflate(BASE, "_rels/.rels"))
    proc = subprocess.run(
        [sys.executable, "-m", "linting", "fix", str(src), "-o", str(tmp_path / "o.docx")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr, proc.stderr


# -- size limits ----------------------------------------------------------------------------------


def test_docx_over_the_paragraph_limit_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "many.docx"
    f.write_bytes(build_docx("<w:p/>" * (MAX_PARAGRAPHS + 1)))
    with pytest.raises(ReadError) as info:
        open_document(f)
    assert "段落过多" in info.value.reason


def test_txt_over_the_paragraph_limit_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "many.txt"
    f.write_text("好\n" * (MAX_PARAGRAPHS + 1), encoding="utf-8")
    with pytest.raises(ReadError) as info:
        open_document(f)
    assert "段落过多" in info.value.reason
    f.write_text("好\n" * (MAX_PARAGRAPHS - 1), encoding="utf-8")
    assert len(open_document(f).paragraphs) <= MAX_PARAGRAPHS


# -- saving hostile documents ---------------------------------------------------------------------


def test_diff_of_long_repetitive_sequences_ignores_popular_items() -> None:
    # An exact SequenceMatcher on 20,000 equal items is quadratic (a fix of a line of 好, or of
    # thousands of identical headings never finished); above the threshold popular items are ignored.
    from linting.io import docx_write

    assert not docx_write._matcher("今年以来,我们", "今年以来，我们").autojunk
    assert docx_write._matcher("好," * 20_000, "好，" * 20_000).autojunk
    assert docx_write._matcher(["一、标题"] * 5000, ["二、标题"] * 5000).autojunk


def test_fix_of_a_long_line_of_halfwidth_commas_saves_the_right_text(tmp_path: Path) -> None:
    src = tmp_path / "commas.docx"
    src.write_bytes(build_docx(p("今年以来" + "好," * 20_000)))
    out = tmp_path / "out.docx"
    assert cli.main(["fix", str(src), "-o", str(out)]) == 0
    assert [q.text for q in open_document(out).paragraphs] == ["今年以来" + "好，" * 20_000]


def test_save_after_editing_one_of_thousands_of_identical_headings(tmp_path: Path) -> None:
    from linting.io import save_document

    src = tmp_path / "heads.docx"
    src.write_bytes(build_docx(p("关于工作的报告") + p("（一）小标题") * 20_000))
    doc = open_document(src)
    texts = [q.text for q in doc.paragraphs]
    texts[100] = "（二）小标题"  # two edits far apart: 19,800 identical paragraphs between them
    texts[19_900] = "（三）小标题"
    save_document(doc, texts, tmp_path / "out.docx")
    assert [q.text for q in open_document(tmp_path / "out.docx").paragraphs] == texts
