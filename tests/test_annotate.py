"""``annotate``: findings as Word comments, safe fixes as tracked changes, everything else untouched."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from linting.annotate import annotate_document, annotate_file, output_name
from linting.cli import main
from linting.config import load_config
from linting.engine import Linter, fix_paragraphs
from linting.io import open_document
from linting.io.docx_annotate import is_own_comment
from tests import corpus
from tests.io.conftest import build_docx, p
from tests.libreoffice import convert, needs_soffice

ROOT = Path(__file__).resolve().parents[1]

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DATE = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)

NUMBERING = (
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
)
NUM1 = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
NUM2 = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>'
REVIEW_COMMENTS = (
    '<?xml version="1.0" encoding="UTF-8"?><w:comments '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:comment w:id="0" w:author="王处长" w:initials="王"><w:p><w:r><w:t>这句再斟酌</w:t></w:r></w:p></w:comment>'
    "</w:comments>"
)
#: A made-up 工作总结 draft: half-width punctuation (also inside a hyperlink), a repeated word split
#: over a bold run, a placeholder in a field result, a Word list restarting by mistake (the
#: duplicate 一、 is an auto-number: empty span), an ordinal skip (unsafe fix), a reviewer's comment.
BODY = (
    p("XX县农业农村局2024年度工作总结", style="Title")
    + "<w:p><w:r><w:t>今年以来,我局</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>按照按照</w:t></w:r>"
    "<w:r><w:t>县委部署推进工作;成效明显。</w:t></w:r></w:p>"
    + p("主要工作及成效", style="1", numpr=NUM1)
    + '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>全年完成高标准农田建设</w:t></w:r><w:commentRangeEnd w:id="0"/>'
    '<w:r><w:commentReference w:id="0"/></w:r><w:r><w:t>两万亩,详见</w:t></w:r>'
    '<w:hyperlink r:id="rIdLink"><w:r><w:t>农业农村局网站(专题)</w:t></w:r></w:hyperlink><w:r><w:t>。</w:t></w:r></w:p>'
    + '<w:p><w:r><w:t>经费合计</w:t></w:r><w:fldSimple w:instr=" =SUM(A1:A3) "><w:r><w:t>XX</w:t></w:r></w:fldSimple>'
    "<w:r><w:t>万元。</w:t></w:r></w:p>"
    + p("存在的问题", style="1", numpr=NUM2)
    + p("一是基础设施薄弱;二是人才不足;四是资金紧张。")
    + p("下一步工作打算", style="1", numpr=NUM1)
    + p("继续抓好粮食生产,确保完成--任务。")
)


def make_draft(path: Path, comments: bool = True) -> Path:
    parts = {"comments.xml": REVIEW_COMMENTS} if comments else {}
    rels = [("rIdCm", "comments", "comments.xml")] if comments else []
    path.write_bytes(build_docx(BODY, numbering=NUMBERING, parts=parts, rels=rels))
    return path


# -- helpers reading an annotated package -----------------------------------------------------------


def zparts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def body_paragraphs(root: etree._Element) -> list[etree._Element]:
    from linting.io.docx_text import collect_paragraphs

    return [bp.elem for bp in collect_paragraphs(root.find(W + "body"), [])]


def visible_texts(root: etree._Element) -> list[str]:
    from linting.io.docx_text import paragraph_text

    return [paragraph_text(el) for el in body_paragraphs(root)]


def accept_all(data: bytes, author: str = "ReportLint") -> list[str]:
    """The paragraph texts once every tracked change is accepted: w:del removed, w:ins unwrapped."""
    root = etree.fromstring(zparts(data)["word/document.xml"])
    for d in list(root.iter(W + "del")):
        if d.getparent().tag != W + "rPr":
            d.getparent().remove(d)
    for ins in list(root.iter(W + "ins")):
        parent = ins.getparent()
        if parent.tag == W + "rPr":
            continue
        pos = parent.index(ins)
        for k, child in enumerate(list(ins)):
            parent.insert(pos + k, child)
        parent.remove(ins)
    assert not any(True for _ in root.iter(W + "delText"))
    return visible_texts(root)


def reject_all(data: bytes) -> list[str]:
    """The paragraph texts once every tracked change is rejected: w:ins removed, w:del unwrapped."""
    root = etree.fromstring(zparts(data)["word/document.xml"])
    for ins in list(root.iter(W + "ins")):
        if ins.getparent().tag != W + "rPr":
            ins.getparent().remove(ins)
    for d in list(root.iter(W + "del")):
        parent = d.getparent()
        if parent.tag == W + "rPr":
            continue
        for t in d.iter(W + "delText"):
            t.tag = W + "t"
        pos = parent.index(d)
        for k, child in enumerate(list(d)):
            parent.insert(pos + k, child)
        parent.remove(d)
    return visible_texts(root)


def comments_of(data: bytes) -> list[etree._Element]:
    parts = zparts(data)
    if "word/comments.xml" not in parts:
        return []
    return [c for c in etree.fromstring(parts["word/comments.xml"]) if c.tag == W + "comment"]


def own_comments(data: bytes) -> list[etree._Element]:
    return [c for c in comments_of(data) if is_own_comment(c)]


def comment_text(c: etree._Element) -> str:
    return "\n".join("".join(t.text or "" for t in q.iter(W + "t")) for q in c.iter(W + "p"))


def anchored_text(data: bytes, cid: str) -> tuple[str, etree._Element]:
    """The original text between commentRangeStart/End ``cid`` (deleted text included, inserted not)."""
    root = etree.fromstring(zparts(data)["word/document.xml"])
    for para in body_paragraphs(root):
        inside, out = False, []
        for el in para.iter():
            if el.tag == W + "commentRangeStart" and el.get(W + "id") == cid:
                inside = True
            elif el.tag == W + "commentRangeEnd" and el.get(W + "id") == cid:
                return "".join(out), para
            elif inside and el.tag in (W + "t", W + "delText"):
                if any(a.tag == W + "ins" for a in el.iterancestors()):
                    continue
                out.append(el.text or "")
    raise AssertionError(f"comment {cid} has no range")


def lint(path: Path, rules=None):
    doc = open_document(path)
    linter = Linter(load_config(path))
    result = linter.lint(doc.paragraphs)
    problems = [q for q in result.problems if not rules or q.rule in rules]
    fixed = [q.text for q in fix_paragraphs(linter, doc.paragraphs, rules=rules)[0]]
    return doc, problems, fixed


# -- the fixture draft --------------------------------------------------------------------------------


def test_every_problem_is_a_comment_on_its_exact_span(tmp_path: Path) -> None:
    src = make_draft(tmp_path / "总结.docx")
    doc, problems, _ = lint(src)
    ann = annotate_document(doc, date=DATE)
    mine = own_comments(ann.data)
    assert ann.stats.comments == len(mine) == len(problems) > 5
    ids = [c.get(W + "id") for c in comments_of(ann.data)]
    assert len(ids) == len(set(ids))
    for c, prob in zip(mine, sorted(problems, key=lambda q: q.sort_key()), strict=True):
        assert c.get(W + "author") == "ReportLint" and c.get(W + "initials") == "RL"
        assert c.get(W + "date") == "2026-03-01T09:30:00Z"
        text = comment_text(c)
        assert prob.message in text and f"规则：{prob.rule}" in text
        if prob.fix is not None:
            assert prob.fix.description in text
        span, para = anchored_text(ann.data, c.get(W + "id"))
        whole = prob.end <= prob.start or prob.rule == "placeholder" and prob.paragraph == 4
        assert span == (doc.texts[prob.paragraph] if whole else prob.excerpt), prob
        # every range has its reference run right after its end
        end = next(e for e in para.iter(W + "commentRangeEnd") if e.get(W + "id") == c.get(W + "id"))
        assert end.getnext().find(W + "commentReference").get(W + "id") == c.get(W + "id")


def test_auto_number_and_field_findings_anchor_on_the_paragraph(tmp_path: Path) -> None:
    src = make_draft(tmp_path / "总结.docx")
    doc, problems, _ = lint(src)
    dup = next(q for q in problems if q.rule == "heading-duplicate")
    assert doc.paragraphs[dup.paragraph].auto_number == "一、" and dup.start == dup.end
    ann = annotate_document(doc, date=DATE)
    root = etree.fromstring(zparts(ann.data)["word/document.xml"])
    paras = body_paragraphs(root)
    for index in (dup.paragraph, 4):  # the auto-numbered heading; the paragraph with XX in a field result
        kids = [k for k in paras[index] if k.tag != W + "pPr"]
        assert kids[0].tag == W + "commentRangeStart"
        assert kids[-2].tag == W + "commentRangeEnd" and kids[-1].find(W + "commentReference") is not None
    assert ann.stats.paragraph_anchored == 2


def test_accepting_all_changes_gives_what_fix_gives(tmp_path: Path) -> None:
    src = make_draft(tmp_path / "总结.docx")
    doc, _, fixed = lint(src)
    assert fixed != doc.texts
    ann = annotate_document(doc, date=DATE)
    assert accept_all(ann.data) == fixed
    assert reject_all(ann.data) == doc.texts
    # the CLI's fix writes the same text
    out = tmp_path / "fixed.docx"
    main(["fix", str(src), "-o", str(out)])
    assert open_document(out).texts == accept_all(ann.data)
    # revisions: author, date, unique ids, deleted text as w:delText
    root = etree.fromstring(zparts(ann.data)["word/document.xml"])
    revs = [e for e in root.iter(W + "ins", W + "del") if e.getparent().tag != W + "rPr"]
    assert revs and all(e.get(W + "author") == "ReportLint" and e.get(W + "date") for e in revs)
    all_ids = [e.get(W + "id") for e in revs] + [c.get(W + "id") for c in comments_of(ann.data)]
    assert len(all_ids) == len(set(all_ids))
    for d in root.iter(W + "del"):
        assert d.find(f".//{W}t") is None and d.find(f".//{W}delText") is not None
    # the unsafe renumbering (四是 → 三是) is a comment only
    assert "四是" in accept_all(ann.data)[6]
    assert any("需人工确认" in comment_text(c) and "ordinal-skip" in comment_text(c) for c in own_comments(ann.data))


def test_reopening_gives_the_same_body_text(tmp_path: Path) -> None:
    src = make_draft(tmp_path / "总结.docx")
    doc, _, fixed = lint(src)
    plain = tmp_path / "批注.docx"
    tracked = tmp_path / "修订.docx"
    n = annotate_file(doc, None, plain, fixes="none")
    assert n == len(own_comments(plain.read_bytes()))
    again = open_document(plain)
    assert again.texts == doc.texts  # comments are not body text
    assert [q.auto_number for q in again.paragraphs] == [q.auto_number for q in doc.paragraphs]
    annotate_file(doc, None, tracked)
    assert open_document(tracked).texts == fixed  # Word shows insertions, hides deletions


def test_other_parts_untouched_and_existing_comment_kept(tmp_path: Path) -> None:
    src = make_draft(tmp_path / "总结.docx")
    doc, problems, _ = lint(src)
    ann = annotate_document(doc, date=DATE)
    before, after = zparts(src.read_bytes()), zparts(ann.data)
    assert list(after)[: len(before)] == list(before)
    changed = {"word/document.xml", "word/comments.xml"}
    for name in before:
        if name not in changed:
            assert after[name] == before[name], name
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(io.BytesIO(ann.data)) as b:
        for name in before:
            if name not in changed:
                assert a.getinfo(name).compress_size == b.getinfo(name).compress_size
    reviewer = [c for c in comments_of(ann.data) if not is_own_comment(c)]
    assert [(c.get(W + "id"), c.get(W + "author"), comment_text(c)) for c in reviewer] == [
        ("0", "王处长", "这句再斟酌")
    ]
    span, _ = anchored_text(ann.data, "0")
    assert span == "全年完成高标准农田建设"
    assert len(comments_of(ann.data)) == len(problems) + 1


def test_comments_part_created_with_relationship_and_content_type(tmp_path: Path) -> None:
    src = make_draft(tmp_path / "无批注.docx", comments=False)
    doc, problems, _ = lint(src)
    ann = annotate_document(doc, date=DATE)
    parts = zparts(ann.data)
    assert set(parts) - set(zparts(src.read_bytes())) == {"word/comments.xml"}
    assert b"/relationships/comments" in parts["word/_rels/document.xml.rels"]
    assert b'PartName="/word/comments.xml"' in parts["[Content_Types].xml"]
    assert len(own_comments(ann.data)) == len(problems)
    # the package opens through the normal reader, comments visible as extra text
    out = tmp_path / "out.docx"
    out.write_bytes(ann.data)
    assert len(open_document(out).extra["comments"]) >= len(problems)


def test_annotating_twice_equals_once(tmp_path: Path) -> None:
    src = make_draft(tmp_path / "总结.docx")
    once = annotate_document(open_document(src), date=DATE)
    first = tmp_path / "一次.docx"
    first.write_bytes(once.data)
    twice = annotate_document(open_document(first), date=DATE)
    assert twice.replaced_previous and not once.replaced_previous
    a, b = zparts(once.data), zparts(twice.data)
    assert a == b
    # a reviewer's own reply added to the annotated copy survives a re-run
    n_own = len(own_comments(once.data))
    assert len(own_comments(twice.data)) == n_own


def test_rule_filter_and_author(tmp_path: Path) -> None:
    src = make_draft(tmp_path / "总结.docx")
    doc, problems, fixed = lint(src, rules=["halfwidth-punct"])
    ann = annotate_document(doc, rules=["halfwidth-punct"], author="张科长", date=DATE)
    mine = own_comments(ann.data)
    assert len(mine) == len(problems) == 4
    assert {c.get(W + "author") for c in mine} == {"张科长"} and {c.get(W + "initials") for c in mine} == {"张"}
    assert accept_all(ann.data) == fixed
    assert "按照按照" in accept_all(ann.data)[1]  # duplicate-word not fixed when not asked for
    again = tmp_path / "a.docx"
    again.write_bytes(ann.data)
    assert annotate_document(open_document(again), rules=["halfwidth-punct"], author="张科长", date=DATE).data == (
        ann.data
    )


def test_txt_input_is_converted_first(tmp_path: Path) -> None:
    src = tmp_path / "情况报告.txt"
    src.write_text(
        "关于XX镇防汛工作情况的报告\n一、基本情况\n今年汛期,全镇降雨偏多。\n三、存在问题\n一是预警不及时;三是物资不足。\n",
        "utf-8",
    )
    ann = annotate_document(open_document(src), date=DATE)
    out = tmp_path / "out.docx"
    out.write_bytes(ann.data)
    converted = tmp_path / "converted.docx"
    main(["convert", str(src), "-o", str(converted)])
    doc, problems, fixed = lint(converted)
    assert len(own_comments(ann.data)) == len(problems) > 0
    assert accept_all(ann.data) == fixed
    assert reject_all(ann.data) == doc.texts


# -- the CLI ----------------------------------------------------------------------------------------------


def test_cli_annotate_file_and_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    src = make_draft(tmp_path / "in" / "总结.docx")
    txt = tmp_path / "in" / "sub" / "通知.txt"
    txt.write_text("关于开展安全检查的通知\n各单位:\n请于X月X日前上报。\n", "utf-8")
    out = tmp_path / "out.docx"
    assert main(["annotate", str(src), "-o", str(out), "--rule", "placeholder"]) == 0
    _, problems, _ = lint(src, rules=["placeholder"])
    assert len(own_comments(out.read_bytes())) == len(problems) == 3
    assert "3 条批注" in capsys.readouterr().err
    assert main(["annotate", str(src), "-o", str(src)]) == 2  # never over the original
    assert main(["annotate", str(src), "-o", str(out), "--rule", "no-such-rule"]) == 2
    outdir = tmp_path / "批注版"
    assert main(["annotate", str(tmp_path / "in"), "-o", str(outdir), "--fixes", "none", "-j", "2"]) == 0
    err = capsys.readouterr().err
    made = sorted(q.relative_to(outdir).as_posix() for q in outdir.rglob("*.docx"))
    assert made == sorted([output_name(src), "sub/" + output_name(txt)])
    assert "已生成 2 份批注版" in err
    assert open_document(outdir / output_name(src)).texts == open_document(src).texts
    (tmp_path / "in" / output_name(src)).write_bytes((outdir / output_name(src)).read_bytes())  # a copy put back
    assert main(["annotate", str(tmp_path / "in"), "-o", str(outdir)]) == 0
    assert "已生成 2 份批注版" in capsys.readouterr().err
    bad = tmp_path / "in" / "坏.docx"
    bad.write_bytes(src.read_bytes()[:300])  # a truncated download
    assert main(["annotate", str(tmp_path / "in"), "-o", str(outdir)]) == 2
    assert "坏.docx" in capsys.readouterr().err


# -- every test document and the sample ------------------------------------------------------------


def _test_documents() -> list[Path]:
    docs = sorted((ROOT / "tests" / "data").glob("*docx*/*.docx"))
    docs += sorted((ROOT / "resources" / "samples").glob("*.txt"))
    docs += sorted((ROOT / "tests" / "data" / "tricky").glob("*.txt"))[:3]
    return docs


def _check_roundtrip(path: Path, tmp_path: Path) -> None:
    if path.suffix == ".txt":
        conv = tmp_path / (path.stem + ".docx")
        main(["convert", str(path), "-o", str(conv)])
        path = conv
    doc, problems, fixed = lint(path)
    ann = annotate_document(doc, date=DATE)
    assert len(own_comments(ann.data)) == len(problems) == ann.stats.comments
    assert ann.stats.untracked_paragraphs == 0
    assert accept_all(ann.data) == fixed
    out = tmp_path / "annotated.docx"
    out.write_bytes(ann.data)
    reopened = open_document(out)
    assert reopened.texts == fixed
    plain = annotate_document(doc, fixes="none", date=DATE)
    out.write_bytes(plain.data)
    assert open_document(out).texts == doc.texts
    twice = annotate_document(open_document(out), fixes="none", date=DATE)
    assert zparts(twice.data) == zparts(plain.data)


@pytest.mark.parametrize("path", _test_documents(), ids=lambda q: q.name)
def test_test_documents_roundtrip(path: Path, tmp_path: Path) -> None:
    _check_roundtrip(path, tmp_path)


def _shared_documents() -> list[Path]:
    return corpus.corpus_files("docx", "*.docx") + corpus.corpus_files("seed", "*.txt")


@corpus.corpus
def test_shared_corpus_roundtrip(tmp_path: Path) -> None:
    from linting.io.errors import ReadError

    done = 0
    for k, path in enumerate(_shared_documents()):
        try:
            open_document(path)
        except ReadError:
            continue  # refused input (Strict OOXML…) is the reader's business
        sub = tmp_path / str(k)
        sub.mkdir()
        _check_roundtrip(path, sub)
        done += 1
    assert done > 10


# -- LibreOffice --------------------------------------------------------------------------------------


@needs_soffice
def test_libreoffice_shows_the_comments(tmp_path: Path) -> None:
    src = make_draft(tmp_path / "总结.docx")
    out = tmp_path / "批注版.docx"
    n = annotate_file(open_document(src), None, out)
    r = convert([out], "odt", tmp_path / "odt", tmp_path / "lo-profile")
    odt = tmp_path / "odt" / "批注版.odt"
    assert odt.is_file(), r.stderr
    with zipfile.ZipFile(odt) as z:
        content = etree.fromstring(z.read("content.xml"))
    office = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
    dc = "{http://purl.org/dc/elements/1.1/}"
    notes = list(content.iter(office + "annotation"))
    authors = [a.findtext(dc + "creator") for a in notes]
    assert authors.count("ReportLint") == n and "王处长" in authors
    texts = ["".join(a.itertext()) for a in notes]
    assert any("heading-duplicate" in t for t in texts)
    changes = list(content.iter("{urn:oasis:names:tc:opendocument:xmlns:text:1.0}changed-region"))
    assert changes  # the tracked changes are tracked changes in LibreOffice too


def test_ids_stay_in_range_next_to_huge_existing_ids(tmp_path: Path) -> None:
    big = "2147483600"
    body = BODY.replace('w:id="0"', f'w:id="{big}"')
    src = tmp_path / "大编号.docx"
    src.write_bytes(
        build_docx(
            body,
            numbering=NUMBERING,
            parts={"comments.xml": REVIEW_COMMENTS.replace('w:id="0"', f'w:id="{big}"')},
            rels=[("rIdCm", "comments", "comments.xml")],
        )
    )
    ann = annotate_document(open_document(src), date=DATE)
    root = etree.fromstring(zparts(ann.data)["word/document.xml"])
    ids = [int(e.get(W + "id")) for e in root.iter(W + "ins", W + "del", W + "commentRangeStart")]
    assert ids.count(int(big)) == 1 and len(ids) == len(set(ids))
    assert all(0 < k < 2**31 for k in ids)
    assert anchored_text(ann.data, big)[0] == "全年完成高标准农田建设"


def test_editor_export_with_unsaved_edits(tmp_path: Path) -> None:
    src = make_draft(tmp_path / "总结.docx")
    doc = open_document(src)
    texts = doc.texts
    texts[1] = "今年以来我局按县委部署推进工作,成效明显。"  # typed in the editor, not saved
    out = tmp_path / "导出.docx"
    n = annotate_file(doc, None, out, fixes="none", texts=texts)
    assert open_document(out).texts == texts and src.read_bytes() == make_draft(tmp_path / "again.docx").read_bytes()
    spans = [anchored_text(out.read_bytes(), c.get(W + "id"))[0] for c in own_comments(out.read_bytes())]
    assert "," in spans and "按照按照" not in spans and n == len(spans)


def test_clean_document_comes_back_unchanged(tmp_path: Path) -> None:
    src = tmp_path / "干净.docx"
    src.write_bytes(build_docx(p("关于开展节前安全检查的通知", style="Title") + p("请各单位认真组织自查。")))
    doc, problems, _ = lint(src)
    assert problems == []
    assert annotate_document(doc).data == src.read_bytes()


@needs_soffice
def test_libreoffice_opens_every_annotated_test_document(tmp_path: Path) -> None:
    outs: dict[Path, int] = {}
    for k, path in enumerate(_test_documents()):
        out = tmp_path / f"{k:02d}.docx"
        outs[out] = annotate_file(open_document(path), None, out)
    r = convert(list(outs), "odt", tmp_path / "odt", tmp_path / "lo-profile", timeout=600)
    office = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
    dc = "{http://purl.org/dc/elements/1.1/}"
    for out, n in outs.items():
        odt = tmp_path / "odt" / (out.stem + ".odt")
        assert odt.is_file(), (out, r.stderr)
        with zipfile.ZipFile(odt) as z:
            content = etree.fromstring(z.read("content.xml"))
        authors = [a.findtext(dc + "creator") for a in content.iter(office + "annotation")]
        assert authors.count("ReportLint") == n, out
