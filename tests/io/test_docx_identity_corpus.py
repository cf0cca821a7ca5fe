"""Random structure edits with ``sources`` over the real-document corpus (skipped when it is absent).

Fixed seed, a few edits per document: every save either succeeds and reads back as the edited
texts, or is refused with a Chinese sentence naming the paragraph (and then writes nothing).
The only documented difference: a paragraph that can't be removed (the last one of a table cell) is
emptied instead, so empty paragraphs are compared apart.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from linting.io import ReadError, SaveError, open_document, render_document
from linting.model import OBJECT_CHAR
from tests import corpus

FILES = corpus.corpus_files("docx", "*.docx")


def _edit(doc, rnd: random.Random) -> tuple[list[str], list[int | None]]:
    blocks: list[tuple[int | None, str]] = list(enumerate(doc.texts))
    editable = [not p.read_only for p in doc.paragraphs]
    for _ in range(rnd.randint(1, 4)):
        i = rnd.randrange(len(blocks))
        s, text = blocks[i]
        if s is not None and not editable[s]:
            continue
        op = rnd.choice(["split", "merge", "insert", "delete", "edit"])
        if op == "split":
            c = rnd.randint(0, len(text))
            blocks[i : i + 1] = [(s, text[:c]), (s, text[c:])]
        elif op == "merge" and i + 1 < len(blocks):
            s2 = blocks[i + 1][0]
            if s2 is None or editable[s2]:
                blocks[i : i + 2] = [(s, text + blocks[i + 1][1])]
        elif op == "insert":
            blocks.insert(i, (None, "新增段落"))
        elif op == "delete" and len(blocks) > 1:
            del blocks[i]
        elif op == "edit":
            a = rnd.randint(0, len(text))
            b = min(len(text), a + rnd.randint(0, 2))
            if OBJECT_CHAR not in text[a:b]:
                blocks[i] = (s, text[:a] + "改" + text[b:])
    return [t for _, t in blocks], [s for s, _ in blocks]


@corpus.corpus
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_random_identity_edits_on_real_documents(path: Path, tmp_path: Path) -> None:
    try:
        doc = open_document(path)
    except ReadError:
        pytest.skip("the reader refuses this file (tested elsewhere)")
    if not doc.paragraphs or doc.source.spans is None:
        pytest.skip("no paragraphs to edit")
    rnd = random.Random(path.name)
    for _ in range(4):
        texts, sources = _edit(doc, rnd)
        try:
            data = render_document(doc, texts, sources=sources)
        except SaveError as e:
            assert "第 " in e.reason and "段" in e.reason
            continue
        out = tmp_path / "out.docx"
        out.write_bytes(data)
        got = open_document(out).texts
        assert [t for t in got if t] == [t for t in texts if t]
