"""Pairing old and new paragraphs on save: edits in place stay in place, objects stay put.

Regression tests for cases a random stress run over the corpus found: short repeated
texts in table cells, and a split plus a deletion in one save next to images.  Each runs on
packages built here from raw WordprocessingML, and again on the outside corpus (``corpus``).
"""

from __future__ import annotations

import random
import re
import zipfile
from pathlib import Path

import pytest

from linting.io import open_document, save_document
from linting.io.docx_write import align_paragraphs
from linting.model import OBJECT_CHAR
from tests import corpus
from tests.io.conftest import build_docx
from tests.io.conftest import p as para
from tests.io.test_docx_fixtures import IMAGE, MERGED_TABLE, NESTED_TABLE, SDT_BLOCK

COUNTED = ("drawing", "pict", "fldChar", "fldSimple", "commentReference", "footnoteReference", "tbl", "tc")


def _counts(path: Path) -> dict[str, int]:
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    return {t: len(re.findall(rf"<w:{t}[ >/]", xml)) for t in COUNTED}


@pytest.fixture(autouse=True)
def _backups(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTLINT_BACKUP_DIR", str(tmp_path / "backups"))


def test_align_in_place_edits_of_short_cells() -> None:
    old = ["1", "2", "3", "", "1", "2", "5", ""]
    new = ["1", "改", "3", "测试", "1", "2", "", ""]
    assert align_paragraphs(old, new) == [(k, k) for k in range(8)]


def test_align_split_and_delete_between_images() -> None:
    old = [OBJECT_CHAR, "", OBJECT_CHAR, "", OBJECT_CHAR, "", OBJECT_CHAR]
    new = [OBJECT_CHAR, "", OBJECT_CHAR, OBJECT_CHAR, "", "新段", OBJECT_CHAR]
    pairs = align_paragraphs(old, new)
    assert all(old[a].count(OBJECT_CHAR) == new[b].count(OBJECT_CHAR) for a, b in pairs)
    assert sorted(a for a, _ in pairs if old[a] == OBJECT_CHAR) == [0, 2, 4, 6]


def _cell(*texts: str) -> str:
    return "<w:tc>" + "".join(para(t) for t in texts) + "</w:tc>"


#: Short repeated texts in table cells (numbers, blanks), a content control in a cell, merged and nested tables.
OWN_TABLES = (
    para("附表")
    + '<w:tbl><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="1000"/><w:gridCol w:w="1000"/></w:tblGrid>'
    + "".join(f"<w:tr>{_cell('1')}{_cell('2')}{_cell(str(r), '')}</w:tr>" for r in range(3, 7))
    + "<w:tr><w:tc>"
    + SDT_BLOCK
    + f"</w:tc>{_cell('1')}{_cell('')}</w:tr></w:tbl>"
    + para("1")
    + MERGED_TABLE
    + para("2")
    + NESTED_TABLE
    + para("合计1项")
)
#: Image paragraphs with empty paragraphs between them (texts 1, 3, 5 empty; 5 and 7 without an image).
OWN_IMAGES = IMAGE + para("") + IMAGE + para("") + IMAGE + para("") + IMAGE + para("图后正文") + IMAGE


def _own(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_bytes(build_docx(body))
    return path


def _copy_corpus(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(corpus.docx(name).read_bytes())
    return path


@pytest.mark.parametrize("seed", range(3))
def test_random_in_place_edits_keep_structure_own_tables(seed: int, tmp_path: Path) -> None:
    _random_in_place_edits_keep_structure(_own(tmp_path, "表格.docx", OWN_TABLES), seed)


@corpus.corpus
@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize(
    "name",
    [
        "python-docx__tbl-cell-access.docx",
        "python-docx__tbl-props.docx",
        "poi-tl__render_multiple_column.docx",
        "poi-tl__sdt_cell.docx",
    ],
)
def test_random_in_place_edits_keep_structure(name: str, seed: int, tmp_path: Path) -> None:
    _random_in_place_edits_keep_structure(_copy_corpus(tmp_path, name), seed)


def _random_in_place_edits_keep_structure(path: Path, seed: int) -> None:
    doc = open_document(path)
    before = _counts(path)
    rnd = random.Random(seed)
    texts = []
    for p in doc.paragraphs:
        t = p.text
        if not p.read_only:
            k = rnd.randint(0, len(t))
            t = rnd.choice(
                [t[:k] + "测试" + t[k:], t.replace("1", "改", 1), "" if OBJECT_CHAR not in t and "\n" not in t else t]
            )
        texts.append(t)
    save_document(doc, texts)
    assert open_document(path).texts == texts
    assert _counts(path) == before


@pytest.mark.parametrize("split,delete", [(5, 3), (3, 5), (7, 1)])
def test_split_and_delete_beside_own_images_keep_every_image(split: int, delete: int, tmp_path: Path) -> None:
    _split_and_delete_keep_every_image(_own(tmp_path, "图片.docx", OWN_IMAGES), split, delete)


@corpus.corpus
@pytest.mark.parametrize("split,delete", [(5, 3), (3, 5), (7, 1)])
def test_split_and_delete_beside_images_keep_every_image(split: int, delete: int, tmp_path: Path) -> None:
    _split_and_delete_keep_every_image(
        _copy_corpus(tmp_path, "python-docx__shp-inline-shape-access.docx"), split, delete
    )


def _split_and_delete_keep_every_image(path: Path, split: int, delete: int) -> None:
    doc = open_document(path)
    texts = doc.texts
    assert texts[delete] == "" and OBJECT_CHAR not in texts[split]
    new = texts[:split] + [texts[split], "新的一段"] + texts[split + 1 :]
    del new[delete if delete < split else delete + 1]
    before = _counts(path)
    save_document(doc, new)
    assert open_document(path).texts == new
    assert _counts(path)["drawing"] == before["drawing"]


def _movable(doc) -> list[int]:
    return [
        i
        for i, p in enumerate(doc.paragraphs)
        if not p.read_only and not p.in_table and OBJECT_CHAR not in p.text and "\n" not in p.text
    ]


def _splittable(files: list[Path]) -> list[Path]:
    """Files with at least three plain body paragraphs to split and delete."""
    from linting.io.errors import ReadError

    found = []
    for f in files:
        try:
            doc = open_document(f)
        except ReadError:
            continue
        if len(_movable(doc)) >= 3:
            found.append(f)
    return found


OWN_SPLITTABLE = _splittable(sorted(corpus.DATA.glob("*/*.docx")))


def test_own_files_to_split_are_there() -> None:
    assert len(OWN_SPLITTABLE) >= 6


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("src", OWN_SPLITTABLE, ids=lambda f: f.name)
def test_split_and_delete_in_one_save_lose_nothing_own(src: Path, seed: int, tmp_path: Path) -> None:
    """A paragraph split and another deleted in the same save, anywhere in every own .docx."""
    _split_and_delete_lose_nothing(src, seed, tmp_path)


@corpus.corpus
@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize(
    "src",
    _splittable(corpus.corpus_files("docx", "*.docx")) if corpus.AVAILABLE else corpus.corpus_files("docx"),
    ids=lambda f: f.name,
)
def test_split_and_delete_in_one_save_lose_nothing(src: Path, seed: int, tmp_path: Path) -> None:
    """A paragraph split and another deleted in the same save, anywhere in every corpus file."""
    _split_and_delete_lose_nothing(src, seed, tmp_path)


def _split_and_delete_lose_nothing(src: Path, seed: int, tmp_path: Path) -> None:
    from linting.io.docx_write import _SECTPR_IN

    path = tmp_path / src.name
    path.write_bytes(src.read_bytes())
    doc = open_document(path)
    texts = doc.texts
    movable = _movable(doc)
    rnd = random.Random(seed)
    i = rnd.choice(movable)
    k = rnd.randint(0, len(texts[i]))
    new = texts[:i] + [texts[i][:k], texts[i][k:] + "新段"] + texts[i + 1 :]
    j = rnd.choice([c for c in movable if c != i])
    del new[j if j < i else j + 1]
    before = _counts(path)
    save_document(doc, new)
    after = _counts(path)
    assert after["drawing"] == before["drawing"] and after["pict"] == before["pict"]
    assert after["tbl"] == before["tbl"] and after["tc"] == before["tc"]
    src = doc.source
    pinned = _SECTPR_IN.search(src.xml, *src.spans[j]) is not None
    got = open_document(path).texts
    if pinned:  # a paragraph carrying a section break is emptied, not removed (keeps the page setup)
        assert [t for t in got if t] == [t for t in new if t]
    else:
        assert got == new
