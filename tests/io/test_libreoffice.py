"""A saved .docx opens in another real word processor (LibreOffice) with the edit visible.

LibreOffice is installed by .ci/run; on a developer machine without it this test is
skipped (reason given), everything else still runs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from linting.io import open_document, save_document
from tests import corpus
from tests.libreoffice import needs_soffice, render_text

OWN = [
    corpus.OWN_DOCX,
    corpus.DATA / "tricky_docx" / "03-table-report.docx",
    corpus.DATA / "docx_holdout" / "06-baogao-content-controls.docx",
]


@needs_soffice
@pytest.mark.parametrize("src", OWN, ids=lambda f: f.name)
def test_edited_own_docx_renders_in_libreoffice(src: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _edited_docx_renders(src, tmp_path, monkeypatch)


@corpus.corpus
@needs_soffice
@pytest.mark.parametrize(
    "name", ["GongWen-Template-Lite__out.docx", "poi-tl__sdt_cell.docx", "poi-tl__554.docx", "poi-tl__636.docx"]
)
def test_edited_docx_renders_in_libreoffice(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _edited_docx_renders(corpus.docx(name), tmp_path, monkeypatch)


def _edited_docx_renders(original: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORTLINT_BACKUP_DIR", str(tmp_path / "backups"))
    src = tmp_path / original.name
    src.write_bytes(original.read_bytes())
    doc = open_document(src)
    texts = doc.texts
    i = next(k for k, t in enumerate(texts) if len(t.strip()) >= 2 and not doc.paragraphs[k].read_only)
    texts[i] = texts[i] + "【已校对ZQX】"
    save_document(doc, texts)
    rendered, r = render_text(src, tmp_path)
    assert "【已校对ZQX】" in rendered, r.stderr
    assert open_document(src).texts[i].endswith("【已校对ZQX】")
