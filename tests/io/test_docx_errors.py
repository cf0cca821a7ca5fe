"""Bad input gives ReadError with a Chinese reason — never another exception, a hang or a memory blow-up."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from linting.io import docx_package
from linting.io.docx_read import read_docx
from linting.io.errors import ReadError
from tests import corpus
from tests.io.conftest import build_docx, p

CJK = re.compile(r"[\u4e00-\u9fff]")


def _expect_error(path) -> ReadError:
    with pytest.raises(ReadError) as info:
        read_docx(path)
    err = info.value
    assert CJK.search(err.reason), err.reason
    assert str(err) == f"{path}: {err.reason}"
    return err


def _rezip(data: bytes, drop: set[str] = frozenset(), replace: dict[str, bytes] | None = None) -> bytes:
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in drop:
                continue
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
    return out.getvalue()


def test_not_a_zip(tmp_path):
    path = tmp_path / "a.docx"
    path.write_bytes("这不是压缩包，只是文本。".encode())
    assert "无法解压" in _expect_error(path).reason


def test_truncated_zip(tmp_path):
    data = corpus.OWN_DOCX.read_bytes()
    path = tmp_path / "t.docx"
    path.write_bytes(data[: len(data) // 2])
    _expect_error(path)


def test_empty_ole_and_owner_files(tmp_path):
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    _expect_error(empty)
    ole = tmp_path / "enc.docx"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert ".doc" in _expect_error(ole).reason
    owner = tmp_path / "~$报告.docx"
    owner.write_bytes(b"\x05user" + b"\0" * 157)
    assert "锁定" in _expect_error(owner).reason
    _expect_error(tmp_path / "missing.docx")


def test_missing_document_xml(tmp_path):
    path = tmp_path / "m.docx"
    path.write_bytes(_rezip(build_docx(p("正文")), drop={"word/document.xml"}))
    assert "document.xml" in _expect_error(path).reason


def test_missing_content_types(tmp_path):
    path = tmp_path / "m.docx"
    path.write_bytes(_rezip(build_docx(p("正文")), drop={"[Content_Types].xml"}))
    assert "Content_Types" in _expect_error(path).reason


def test_malformed_xml(tmp_path):
    path = tmp_path / "bad.docx"
    path.write_bytes(_rezip(build_docx(p("正文")), replace={"word/document.xml": b"<w:document><w:body><w:p>"}))
    assert "XML" in _expect_error(path).reason


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""


def test_billion_laughs_rejected(tmp_path):
    path = tmp_path / "lol.docx"
    path.write_bytes(_rezip(build_docx(p("正文")), replace={"word/document.xml": BILLION_LAUGHS}))
    assert "实体" in _expect_error(path).reason
    # also in a secondary part (styles)
    path2 = tmp_path / "lol2.docx"
    styles = BILLION_LAUGHS.replace(b"w:document", b"w:styles")
    path2.write_bytes(_rezip(build_docx(p("正文")), replace={"word/styles.xml": styles}))
    _expect_error(path2)


def _bomb(path, name: str, size: int = 300 * 1024 * 1024) -> None:
    """A valid docx plus one huge, highly compressible entry written by streaming (no big allocation)."""
    base = build_docx(p("正文"))
    with (
        zipfile.ZipFile(io.BytesIO(base)) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst,
    ):
        for info in src.infolist():
            if info.filename != name:
                dst.writestr(info.filename, src.read(info.filename))
        chunk = b"\0" * (1 << 20)
        with dst.open(name, "w", force_zip64=True) as fh:
            for _ in range(size // len(chunk)):
                fh.write(chunk)


@pytest.fixture(scope="module")
def bombs(tmp_path_factory):
    d = tmp_path_factory.mktemp("bombs")
    doc_bomb = d / "doc_bomb.docx"
    _bomb(doc_bomb, "word/document.xml")
    media_bomb = d / "media_bomb.docx"
    _bomb(media_bomb, "word/media/zeros.bin")
    return doc_bomb, media_bomb


@pytest.mark.parametrize("which", [0, 1])
def test_zip_bomb_rejected_before_decompressing(bombs, which, monkeypatch):
    path = bombs[which]
    assert path.stat().st_size < 5 * 1024 * 1024
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self, name, *a, **kw):
        opened.append(getattr(name, "filename", name))
        return real_open(self, name, *a, **kw)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    err = _expect_error(path)
    assert "过大" in err.reason
    assert "word/document.xml" not in opened or which == 1
    assert "word/media/zeros.bin" not in opened


def test_streaming_cap_enforced_when_header_lies(tmp_path, monkeypatch):
    """If a part inflates past the cap while reading, reading stops with ReadError."""
    monkeypatch.setattr(docx_package, "MAX_PART_SIZE", 10_000)
    path = tmp_path / "big.docx"
    body = p("很长的正文" * 5000)
    path.write_bytes(build_docx(body))
    _expect_error(path)


def test_too_many_entries(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_package, "MAX_ENTRIES", 3)
    path = tmp_path / "many.docx"
    path.write_bytes(build_docx(p("正文")))
    _expect_error(path)


STRICT_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"'
    ' Target="word/document.xml"/></Relationships>'
)


def test_strict_ooxml(tmp_path):
    path = tmp_path / "strict.docx"
    path.write_bytes(_rezip(build_docx(p("正文")), replace={"_rels/.rels": STRICT_ROOT_RELS.encode()}))
    err = _expect_error(path)
    assert "Strict" in err.reason and "另存为" in err.reason


def test_strict_namespace_document(tmp_path):
    strict = build_docx(p("正文"))
    with zipfile.ZipFile(io.BytesIO(strict)) as zf:
        xml = zf.read("word/document.xml").replace(
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            b"http://purl.oclc.org/ooxml/wordprocessingml/main",
        )
    path = tmp_path / "strict2.docx"
    path.write_bytes(_rezip(strict, replace={"word/document.xml": xml}))
    assert "Strict" in _expect_error(path).reason


def test_dotx_template(tmp_path):
    path = tmp_path / "模板.dotx"
    path.write_bytes(
        build_docx(
            p("正文"), main_type="application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
        )
    )
    err = _expect_error(path)
    assert "模板" in err.reason and "另存为" in err.reason


@corpus.corpus
def test_strict_ooxml_from_corpus():
    err = _expect_error(corpus.docx("mammoth__strict-format.docx"))
    assert "Strict" in err.reason and "另存为" in err.reason


@corpus.corpus
def test_dotx_from_corpus():
    err = _expect_error(corpus.docx("GongWen-Template-Lite__template.dotx"))
    assert "模板" in err.reason and "另存为" in err.reason


def test_docm_content_type(tmp_path):
    path = tmp_path / "m.docx"
    path.write_bytes(build_docx(p("正文"), main_type="application/vnd.ms-word.document.macroEnabled.main+xml"))
    assert ".docm" in _expect_error(path).reason


def test_odd_relationships_do_not_crash(tmp_path):
    data = build_docx(p("正文"), rels=[("rIdNull", "header", "NULL"), ("rIdHash", "footer", "#bookmark")])
    path = tmp_path / "r.docx"
    path.write_bytes(data)
    assert read_docx(path).texts == ["正文"]


EXTERNAL_PICTURE = (
    '<w:p><w:r><w:t>图片：</w:t></w:r><w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/>'
    '<wp:docPr id="1" name="外部图片"/><a:graphic><a:graphicData '
    'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill>'
    '<a:blip r:link="rIdExtImg"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline>'
    "</w:drawing></w:r></w:p>"
)


def test_external_picture(tmp_path):
    data = build_docx(EXTERNAL_PICTURE + p("正文"))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        rels = zf.read("word/_rels/document.xml.rels").replace(
            b"</Relationships>",
            b'<Relationship Id="rIdExtImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            b'relationships/image" Target="file:///C:/missing/picture.png" TargetMode="External"/></Relationships>',
        )
    path = tmp_path / "ext.docx"
    path.write_bytes(_rezip(data, replace={"word/_rels/document.xml.rels": rels}))
    doc = read_docx(path)
    assert doc.texts == ["图片：\ufffc", "正文"]


@corpus.corpus
def test_external_picture_from_corpus():
    doc = read_docx(corpus.docx("mammoth__external-picture.docx"))
    assert len(doc.paragraphs) >= 1


@pytest.mark.parametrize(
    "body",
    [
        "".join("<w:tbl><w:tr><w:tc>" for _ in range(300))
        + "<w:p/>"
        + "".join("</w:tc></w:tr></w:tbl>" for _ in range(300)),
        "<w:p><w:r><w:t>" + "中" * 5_000_000 + "</w:t></w:r></w:p>",
    ],
)
def test_hostile_structure_is_refused_with_a_reason(body: str, tmp_path) -> None:
    from linting.io import open_document
    from linting.io.errors import ReadError
    from tests.io.conftest import build_docx

    f = tmp_path / "hostile.docx"
    f.write_bytes(build_docx(body))
    with pytest.raises(ReadError) as info:
        open_document(f)
    assert "嵌套过深或单段文字过长" in info.value.reason
