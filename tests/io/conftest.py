"""Fixtures for the .docx I/O tests: a tiny package builder writing raw WordprocessingML."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests import corpus

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'mc:Ignorable="w14"'
)
CORPUS = corpus.DOCX  # the outside corpus (tests/corpus.py); tests reading it are marked `corpus`

DEFAULT_STYLES = """
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>
  <w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="a"/></w:style>
<w:style w:type="paragraph" w:styleId="x1"><w:name w:val="标题 3"/></w:style>
<w:style w:type="paragraph" w:styleId="Custom"><w:name w:val="My Heading"/><w:basedOn w:val="1"/></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/></w:style>
"""

PNG_1x1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def build_docx(
    body: str,
    *,
    styles: str = DEFAULT_STYLES,
    numbering: str | None = None,
    parts: dict[str, str] | None = None,
    rels: list[tuple[str, str, str]] | None = None,
    main_type: str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
) -> bytes:
    """A complete .docx package around ``body`` (the inside of ``w:body``).

    ``parts``: extra word/<name> parts (name → XML); ``rels``: (Id, type suffix, target).
    """
    parts = dict(parts or {})
    rels = list(rels or [])
    rels.append(("rIdStyles", "styles", "styles.xml"))
    parts["styles.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {NSDECL}>{styles}</w:styles>'
    )
    if numbering is not None:
        rels.append(("rIdNum", "numbering", "numbering.xml"))
        parts["numbering.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {NSDECL}>{numbering}</w:numbering>'
        )
    overrides = {
        "styles.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
        "numbering.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
        "footnotes.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        "comments.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
        "header1.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml",
        "footer1.xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
    }
    ct = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="png" ContentType="image/png"/>'
        f'<Override PartName="/word/document.xml" ContentType="{main_type}"/>'
        + "".join(
            f'<Override PartName="/word/{name}" ContentType="{overrides[name]}"/>'
            for name in parts
            if name in overrides
        )
        + "</Types>"
    )
    root_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    doc_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="{rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{target}"/>'
            for rid, kind, target in rels
        )
        + '<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>'
        + '<Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.com/" TargetMode="External"/>'
        + "</Relationships>"
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NSDECL}><w:body>{body}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", ct)
        zf.writestr("_rels/.rels", root_rels)
        zf.writestr("word/document.xml", document)
        zf.writestr("word/_rels/document.xml.rels", doc_rels)
        for name, xml in parts.items():
            zf.writestr(f"word/{name}", xml)
        zf.writestr("word/media/image1.png", PNG_1x1)
    return buf.getvalue()


@pytest.fixture
def make_docx(tmp_path):
    """Write a built package to a temp file and return its path."""
    counter = [0]

    def _make(body: str, **kw) -> Path:
        counter[0] += 1
        path = tmp_path / f"fixture{counter[0]}.docx"
        path.write_bytes(build_docx(body, **kw))
        return path

    return _make


def p(text: str, style: str | None = None, numpr: str = "", rpr: str = "") -> str:
    """A simple paragraph XML."""
    ppr = ""
    if style or numpr:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + numpr + "</w:pPr>"
    run = f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr}{run}</w:p>"
