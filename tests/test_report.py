"""``check --format html|csv`` and ``check -o FILE``: self-contained page, Excel-friendly CSV."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from linting.cli import main

ROOT = Path(__file__).resolve().parents[1]
TRICKY = ROOT / "tests" / "data" / "tricky"


def drafts(tmp_path: Path) -> list[Path]:
    a = tmp_path / "总结.txt"
    a.write_text(
        "XX街道2024年工作总结\n一、主要工作\n今年以来,我们按照按照要求推进<工作>。\n三、存在问题\n"
        "一是学习不够;三是作风不实。\n",
        "utf-8",
    )
    b = tmp_path / "请示.txt"
    b.write_text("关于购置办公设备的请示\n县财政局：\n因工作需要，拟购置电脑10台。\n妥否，请批示。\n", "utf-8")
    return [a, b]


def check_json(capsys: pytest.CaptureFixture[str], *paths: Path) -> dict:
    main(["check", "--format", "json", *map(str, paths)])
    return json.loads(capsys.readouterr().out)


class Page(HTMLParser):
    """Collects what the tests look at: tags, attributes, classes and text per element kind."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.rows: list[dict[str, str | None]] = []
        self.marks: list[str] = []
        self.summary_rows = 0
        self.in_summary = False
        self.text: list[str] = []
        self.style = ""
        self.script = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag not in ("meta", "input", "br"):
            self.stack.append((tag, a))
        if tag == "tr" and "problem" in (a.get("class") or ""):
            self.rows.append(a)
        if tag == "table" and a.get("id") == "summary-table":
            self.in_summary = True
        if tag == "tr" and self.in_summary and not any(t == "thead" for t, _ in self.stack):
            self.summary_rows += 1
        if tag == "mark":
            self.marks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.in_summary = False
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data: str) -> None:
        top = self.stack[-1][0] if self.stack else ""
        if top == "style":
            self.style += data
        elif top == "script":
            self.script += data
        else:
            self.text.append(data)
        if top == "mark":
            self.marks[-1] += data


def test_html_report_structure_and_content(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = drafts(tmp_path) + [TRICKY / "01-anjian-zongjie.txt"]
    data = check_json(capsys, *files)
    out = tmp_path / "report.html"
    code = main(["check", "--format", "html", "-o", str(out), *map(str, files)])
    assert code == 1 and capsys.readouterr().out == ""
    page = Page()
    page.feed(out.read_text("utf-8"))
    problems = [q for f in data["files"] for q in f["problems"]]
    # one row per problem, carrying its severity and rule for the filters
    assert len(page.rows) == len(problems) > 5
    assert sorted((r["data-sev"], r["data-rule"]) for r in page.rows) == sorted(
        (q["severity"], q["rule"]) for q in problems
    )
    assert page.summary_rows == len(files)
    # the span of each problem is highlighted in its context
    assert sorted(page.marks) == sorted(q["excerpt"] if q["end"] > q["start"] else "" for q in problems)
    text = "".join(page.text)
    for f in data["files"]:
        assert f["path"] in text and (f["doctype"] or "未识别") in text
        for e in f["outline"]:
            assert e["title"] in text
    assert "今年以来,我们按照按照要求推进<工作>。" in text  # context, escaped and unescaped back
    # filters and sorting exist and work on those rows
    ids = {a.get("id") for _, a in page.tags}
    assert {"q", "rule", "summary-table"} <= ids
    assert sorted(a["value"] for t, a in page.tags if t == "input" and a.get("name") == "sev") == [
        "error",
        "info",
        "warning",
    ]
    options = {a["value"] for t, a in page.tags if t == "option"} - {""}
    assert options == {q["rule"] for q in problems}
    assert "sortable" in out.read_text("utf-8") and "localeCompare" in page.script
    # readable Chinese, self-contained
    html_tag = next(a for t, a in page.tags if t == "html")
    assert html_tag["lang"] == "zh-CN"
    assert any(t == "meta" and a.get("charset") == "utf-8" for t, a in page.tags)
    for font in ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"):
        assert font in page.style
    for tag, a in page.tags:
        assert tag not in ("link", "img", "iframe", "object")
        assert not (tag == "script" and a.get("src"))
        href = a.get("href") or ""
        assert href == "" or href.startswith("#")
    assert "http://" not in page.style + page.script and "https://" not in page.style + page.script


def test_html_lists_unreadable_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = drafts(tmp_path)[1]
    bad = tmp_path / "旧版.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    out = tmp_path / "r.html"
    assert main(["check", "--format", "html", "-o", str(out), str(good), str(bad)]) == 2
    page = Page()
    page.feed(out.read_text("utf-8"))
    assert "旧版.doc" in "".join(page.text) and page.summary_rows == 1


def test_csv_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = drafts(tmp_path) + [TRICKY / "02-xuexiao-zongjie.txt"]
    data = check_json(capsys, *files)
    out = tmp_path / "report.csv"
    assert main(["check", "--format", "csv", "-o", str(out), *map(str, files)]) == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    body = raw[3:].decode("utf-8")
    assert body.count("\r\n") == body.count("\n")  # CRLF everywhere
    rows = list(csv.reader(io.StringIO(body, newline="")))
    assert rows[0] == ["path", "paragraph", "start", "end", "severity", "rule", "message", "excerpt", "fix"]
    expected = [
        [f["path"], str(q["paragraph"]), str(q["start"]), str(q["end"]), q["severity"], q["rule"], q["message"]]
        for f in data["files"]
        for q in f["problems"]
    ]
    assert [r[:7] for r in rows[1:]] == expected
    safe = [r for r in rows[1:] if r[5] == "duplicate-word"]
    assert safe and safe[0][8].endswith("（可自动修改）") and safe[0][7] == "按照按照"
    # to stdout as well, same bytes
    main(["check", "--format", "csv", *map(str, files)])
    assert capsys.readouterr().out == raw.decode("utf-8")


def test_output_option_keeps_text_and_json_contracts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [str(f) for f in drafts(tmp_path)]
    for fmt in ("text", "json"):
        code = main(["check", "--format", fmt, *files])
        stdout = capsys.readouterr().out
        out = tmp_path / f"r.{fmt}"
        assert main(["check", "--format", fmt, "-o", str(out), *files]) == code == 1
        assert capsys.readouterr().out == ""
        assert out.read_text("utf-8") == stdout
