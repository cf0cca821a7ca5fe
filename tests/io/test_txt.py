"""Plain-text reading and writing: every encoding and line-ending form round-trips byte for byte."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linting.io.errors import ReadError, SaveError
from linting.io.txt import (
    MAX_TXT_BYTES,
    TxtSource,
    align_endings,
    decode_txt,
    dominant_newline,
    encode_document_txt,
    encode_txt,
    read_txt,
    split_lines,
    unencodable_chars,
    utf16_without_bom,
)
from linting.model import TextFormat
from tests import corpus

LINES = ["关于2024年度工作情况的报告", "一、总体情况", "　　今年以来，𫖯同志牵头落实。", "", "(一)主要做法"]

# name → (raw bytes, expected encoding, expected bom, expected newline, expected final newline)
FIXTURES: dict[str, tuple[bytes, str, bool, str, bool]] = {
    "utf8-lf": ("\n".join(LINES).encode("utf-8") + b"\n", "utf-8", False, "\n", True),
    "utf8-bom-crlf": (codecs.BOM_UTF8 + "\r\n".join(LINES).encode("utf-8") + b"\r\n", "utf-8", True, "\r\n", True),
    "utf8-no-final-newline": ("\r\n".join(LINES).encode("utf-8"), "utf-8", False, "\r\n", False),
    "utf16le-bom": (codecs.BOM_UTF16_LE + "\r\n".join(LINES).encode("utf-16-le"), "utf-16-le", True, "\r\n", False),
    "utf16be-bom": (
        codecs.BOM_UTF16_BE + ("\n".join(LINES) + "\n").encode("utf-16-be"),
        "utf-16-be",
        True,
        "\n",
        True,
    ),
    "gb18030-crlf": (("\r\n".join(LINES) + "\r\n").encode("gb18030"), "gb18030", False, "\r\n", True),
    "gbk-cr": (("\r".join(LINES[:2] + LINES[3:]) + "\r").encode("gbk"), "gb18030", False, "\r", True),
    "mixed-endings": (
        "第一行\r\n第二行\n第三行\r第四行\r\n第五行".encode(),
        "utf-8",
        False,
        "\r\n",
        False,
    ),
    "empty-lines-only": (b"\r\n\r\n", "utf-8", False, "\r\n", True),
    "ascii-only": (b"plain ascii\n", "utf-8", False, "\n", True),
    "gb18030-bom": ("\ufeff第一行\n".encode("gb18030"), "gb18030", True, "\n", True),
}


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_round_trips_byte_for_byte(tmp_path: Path, name: str) -> None:
    raw, encoding, bom, newline, final = FIXTURES[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(raw)
    doc = read_txt(path)
    fmt = doc.text_format
    assert fmt is not None
    assert (fmt.encoding, fmt.bom, fmt.newline, fmt.final_newline) == (encoding, bom, newline, final)
    assert doc.kind == "txt" and doc.path == path
    assert encode_document_txt(doc, doc.texts) == raw
    if name != "mixed-endings":
        # Uniform endings: TextFormat alone is enough.
        assert encode_txt(doc.texts, fmt) == raw


def test_text_content_is_decoded(tmp_path: Path) -> None:
    raw = FIXTURES["gb18030-crlf"][0]
    path = tmp_path / "gb.txt"
    path.write_bytes(raw)
    doc = read_txt(path)
    assert doc.texts == LINES
    assert "𫖯" in doc.texts[2]  # a 4-byte GB18030 character survives
    assert "𫖯".encode("gb18030") == b"\x98\x38\xf5\x37"


def test_bom_is_not_part_of_the_text(tmp_path: Path) -> None:
    for name in ("utf8-bom-crlf", "utf16le-bom", "utf16be-bom", "gb18030-bom"):
        path = tmp_path / f"{name}.txt"
        path.write_bytes(FIXTURES[name][0])
        assert not read_txt(path).texts[0].startswith("\ufeff")


def test_mixed_endings_are_kept_per_line(tmp_path: Path) -> None:
    raw = FIXTURES["mixed-endings"][0]
    path = tmp_path / "mixed.txt"
    path.write_bytes(raw)
    doc = read_txt(path)
    assert doc.texts == ["第一行", "第二行", "第三行", "第四行", "第五行"]
    assert isinstance(doc.source, TxtSource)
    assert doc.source.line_endings == ("\r\n", "\n", "\r", "\r\n", "")
    # Without the per-line endings the dominant one (CRLF, 2 of 4) is used.
    assert encode_txt(doc.texts, doc.text_format) == "第一行\r\n第二行\r\n第三行\r\n第四行\r\n第五行".encode()


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_editing_one_line_keeps_encoding_bom_and_endings(tmp_path: Path, name: str) -> None:
    raw, *_ = FIXTURES[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(raw)
    doc = read_txt(path)
    texts = doc.texts
    texts[0] = texts[0] + "（修改）"
    out = encode_document_txt(doc, texts)
    fmt = doc.text_format
    again = tmp_path / "again.txt"
    again.write_bytes(out)
    doc2 = read_txt(again)
    assert doc2.texts == texts
    assert doc2.text_format == fmt
    assert doc2.source.line_endings == doc.source.line_endings
    # Only the edited line's bytes changed.
    suffix = "（修改）".encode(fmt.encoding)
    head = len(codecs.BOM_UTF8) if fmt.bom and fmt.encoding == "utf-8" else 0
    if fmt.bom and fmt.encoding.startswith("utf-16"):
        head = 2
    if fmt.bom and fmt.encoding == "gb18030":
        head = 4
    first = doc.texts[0].encode(fmt.encoding)
    assert out == raw[: head + len(first)] + suffix + raw[head + len(first) :]


def test_inserting_a_line_into_mixed_endings_keeps_the_others(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(FIXTURES["mixed-endings"][0])
    doc = read_txt(path)
    texts = doc.texts
    texts.insert(2, "新增一行")
    out = encode_document_txt(doc, texts)
    assert out == "第一行\r\n第二行\n新增一行\r\n第三行\r第四行\r\n第五行".encode()
    del texts[0]
    out = encode_document_txt(doc, texts)
    assert out == "第二行\n新增一行\r\n第三行\r第四行\r\n第五行".encode()


def test_appending_after_a_last_line_without_newline() -> None:
    fmt = TextFormat(encoding="utf-8", bom=False, newline="\n", final_newline=False)
    endings = align_endings(["a", "b"], ["\r", ""], ["a", "b", "c"], fmt)
    assert endings == ["\r", "\n", "\n"]
    assert encode_txt(["a", "b", "c"], fmt, line_endings=endings) == b"a\rb\nc"


def test_split_lines_does_not_split_on_unicode_separators() -> None:
    text = "甲\u2028乙\x0c丙\u2029丁\x85戊\r\n己"
    lines, endings = split_lines(text)
    assert lines == ["甲\u2028乙\x0c丙\u2029丁\x85戊", "己"]
    assert endings == ["\r\n", ""]


def test_split_lines_edge_cases() -> None:
    assert split_lines("") == ([""], [""])
    assert split_lines("\n") == ([""], ["\n"])
    assert split_lines("a\n\n") == (["a", ""], ["\n", "\n"])
    assert split_lines("a\r\r\n") == (["a", ""], ["\r", "\r\n"])


def test_dominant_newline() -> None:
    assert dominant_newline(["\n", "\r\n", "\n", ""]) == "\n"
    assert dominant_newline(["\n", "\r\n"]) == "\r\n"  # tie → CRLF
    assert dominant_newline(["\r", "\n"]) == "\n"
    assert dominant_newline([""]) == "\r\n"  # no evidence → Windows default


def test_empty_file_is_one_empty_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    doc = read_txt(path)
    assert doc.texts == [""]
    assert doc.text_format.final_newline is False
    assert encode_document_txt(doc, doc.texts) == b""


@pytest.mark.parametrize("f", [*corpus.OWN_TXT, corpus.SAMPLE_TXT], ids=lambda f: f.name)
def test_own_text_files_round_trip(f: Path) -> None:
    doc = read_txt(f)
    assert encode_document_txt(doc, doc.texts) == f.read_bytes(), f.name
    assert len(doc.paragraphs) > 3


@corpus.corpus
def test_seed_corpus_round_trips() -> None:
    for f in corpus.corpus_files("seed", "*.txt"):
        doc = read_txt(f)
        assert doc.text_format.encoding == "utf-8"
        assert encode_document_txt(doc, doc.texts) == f.read_bytes(), f.name
        assert len(doc.paragraphs) > 3


def test_utf16_without_bom_is_detected_only_when_unmistakable(tmp_path: Path) -> None:
    ascii_le = "Report 2024\r\nline two\r\n".encode("utf-16-le")
    ascii_be = "Report 2024\r\nline two\r\n".encode("utf-16-be")
    assert utf16_without_bom(ascii_le) == "utf-16-le"
    assert utf16_without_bom(ascii_be) == "utf-16-be"
    mostly_chinese = "中文报告内容a".encode("utf-16-le")
    assert utf16_without_bom(mostly_chinese) is None
    path = tmp_path / "le.txt"
    path.write_bytes(ascii_le)
    doc = read_txt(path)
    assert doc.texts == ["Report 2024", "line two"]
    assert (doc.text_format.encoding, doc.text_format.bom) == ("utf-16-le", False)
    assert encode_document_txt(doc, doc.texts) == ascii_le


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(bytes(range(256)) * 4, id="all-bytes"),
        pytest.param(b"\x00\x01\x02\x03binary\x00\xff" * 20, id="nul-bytes"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", id="png"),
        pytest.param(b"abc\x01\x02\x03\x04\x05\x06\x07\x08def", id="control-chars"),
        pytest.param(b"\xff\xfe\x00", id="utf16-odd-length"),
        pytest.param(b"\xef\xbb\xbf\xff\xfe\xfd", id="bad-utf8-after-bom"),
        pytest.param(b"\x80\x80\x80\xff", id="not-utf8-not-gb18030"),
    ],
)
def test_binary_junk_is_not_text(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(raw)
    with pytest.raises(ReadError) as info:
        read_txt(path)
    assert "不是文本文件" in info.value.reason
    assert str(info.value) == f"{path}: {info.value.reason}"


def test_huge_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("linting.io.txt.MAX_TXT_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 1001)
    with pytest.raises(ReadError) as info:
        read_txt(path)
    assert "文件太大" in info.value.reason
    assert MAX_TXT_BYTES == 50 * 1024 * 1024


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as info:
        read_txt(tmp_path / "nope.txt")
    assert info.value.reason == "文件不存在"


def test_unencodable_character_raises_save_error_naming_it() -> None:
    fmt = TextFormat(encoding="gbk", bom=False, newline="\r\n", final_newline=True)
    with pytest.raises(SaveError) as info:
        encode_txt(["一切正常", "表情😀在这里"], fmt, path="报告.txt")
    reason = info.value.reason
    assert "😀" in reason and "U+1F600" in reason and "第 2 段第 3 个字符" in reason
    assert str(info.value).startswith("报告.txt: ")
    assert unencodable_chars(["一切正常", "表情😀在这里"], "gbk") == [(1, 2, "😀")]


def test_lone_surrogate_cannot_be_saved_in_any_utf() -> None:
    for enc in ("utf-8", "utf-16-le", "gb18030"):
        fmt = TextFormat(encoding=enc, bom=False, newline="\n", final_newline=False)
        with pytest.raises(SaveError) as info:
            encode_txt(["坏\ud800字"], fmt)
        assert "U+D800" in info.value.reason


def test_emoji_and_rare_chars_fit_gb18030() -> None:
    fmt = TextFormat(encoding="gb18030", bom=False, newline="\r\n", final_newline=True)
    raw = encode_txt(["😀𫖯"], fmt)
    lines, fmt2, _ = decode_txt(raw)
    assert lines == ["😀𫖯"] and fmt2 == fmt


def test_python_codec_aliases_are_normalised() -> None:
    fmt = TextFormat(encoding="utf-8-sig", bom=False, newline="\n", final_newline=False)
    assert encode_txt(["a"], fmt) == codecs.BOM_UTF8 + b"a"
    fmt = TextFormat(encoding="UTF8", bom=False, newline="\n", final_newline=False)
    assert encode_txt(["a"], fmt) == b"a"


# ---------------------------------------------------------------------------
# Property: any text without lone surrogates round-trips in every encoding

_ENCODINGS = [
    ("utf-8", False),
    ("utf-8", True),
    ("utf-16-le", True),
    ("utf-16-be", True),
    ("gb18030", False),
]
_chars = st.one_of(
    # Controls (other than tab and line breaks) make a file "not text" by design.
    st.characters(blacklist_categories=("Cs", "Cc")),
    st.sampled_from("\t\r\n"),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=_chars, max_size=60), enc=st.sampled_from(_ENCODINGS))
def test_property_any_text_round_trips(text: str, enc: tuple[str, bool]) -> None:
    encoding, bom = enc
    raw = ("\ufeff".encode(encoding) if bom else b"") + text.encode(encoding)
    lines, fmt, endings = decode_txt(raw)
    assert encode_txt(lines, fmt, line_endings=endings) == raw
    if encoding == "gb18030" and _is_utf8(raw):
        return  # e.g. pure ASCII: read as UTF-8, same bytes
    expected = text[1:] if (not bom and text.startswith("\ufeff")) else text
    assert lines == split_lines(expected)[0]
    assert fmt.encoding == encoding
    assert fmt.bom == (bom or text.startswith("\ufeff"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lines=st.lists(
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
        min_size=1,
        max_size=8,
    ),
    enc=st.sampled_from(_ENCODINGS),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    final=st.booleans(),
)
def test_property_lines_round_trip_in_each_encoding(
    lines: list[str], enc: tuple[str, bool], newline: str, final: bool
) -> None:
    encoding, bom = enc
    if lines[0].startswith("\ufeff"):
        lines[0] = "x" + lines[0]  # a leading U+FEFF would be read as a BOM
    fmt = TextFormat(encoding=encoding, bom=bom, newline=newline, final_newline=final)
    raw = encode_txt(lines, fmt)
    back, fmt2, endings = decode_txt(raw)
    if not final and len(lines) > 1 and lines[-1] == "":
        # ["a", ""] without a final newline is the same file as ["a"] with one.
        lines, final = lines[:-1], True
    assert back == lines
    assert endings is None
    assert encode_txt(back, fmt2) == raw
    assert fmt2.final_newline == final
    if len(lines) > 1 or final:
        assert fmt2.newline == newline
    if not (encoding == "gb18030" and _is_utf8(raw)):
        assert (fmt2.encoding, fmt2.bom) == (encoding, bom)


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
