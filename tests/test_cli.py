"""The command line contract: output formats, sorting, exit codes, folders."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from linting.cli import main
from linting.rules import RULES
from tests import corpus

ROOT = Path(__file__).resolve().parents[1]
LINE = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info) (?P<rule>[a-z-]+) (?P<msg>.+)$"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_text_format_sorted(capsys, tmp_path: Path) -> None:
    f = tmp_path / "总结.txt"
    f.write_text(
        "2024年工作总结\n一、主要工作\n今年以来,我们--社区做了大量工作。\n三、存在问题\n一是学习不够;三是作风不实。\n四、下一步打算\n继续努力。\n",
        "utf-8",
    )
    code, out, err = run(capsys, "check", str(f))
    assert code == 1 and err == ""
    *problem_lines, summary = out.splitlines()
    rows = [LINE.match(line) for line in problem_lines]
    assert all(rows), out
    sev = [m["sev"] for m in rows if m]
    assert summary == (
        f"检查了 1 个文件：错误 {sev.count('error')} 个，警告 {sev.count('warning')} 个，提示 {sev.count('info')} 个"
    )
    keys = [(int(m["line"]), int(m["col"])) for m in rows]
    assert keys == sorted(keys)
    found = {(int(m["line"]), m["rule"]) for m in rows}
    assert {(3, "placeholder"), (3, "halfwidth-punct"), (4, "heading-skip"), (5, "ordinal-skip")} <= found
    skip = next(m for m in rows if m["rule"] == "heading-skip")
    assert skip["msg"] == "序号跳号：一、之后应为二、，这里是三、" and skip["col"] == "1"


JSON_REPORT = (
    "2024年度机关后勤工作总结\n"
    "一、主要做法及取得的成效\n"
    "今年以来，后勤科围绕保障机关运转开展工作。\n"
    "（一）强化制度建设\n"
    "修订了车辆、会议室和办公用品管理办法。\n"
    "全体人员按照按照新制度落实各项要求。\n"
    "二、存在的问题\n"
    "个别环节衔接不够顺畅。\n"
    "三、下一步打算\n"
    "继续提升服务保障水平。\n"
)


def test_check_json_contract(capsys, tmp_path: Path) -> None:
    src = tmp_path / "后勤总结.txt"
    src.write_text(JSON_REPORT, "utf-8")
    code, out, _ = run(capsys, "check", "--format", "json", str(src))
    assert code == 1
    data = json.loads(out)
    (rec,) = data["files"]
    assert set(rec) == {"path", "doctype", "encoding", "paragraphs", "outline", "problems"}
    assert rec["doctype"] == "工作总结" and rec["encoding"].lower().replace("_", "-") in ("utf-8", "utf8")
    assert rec["paragraphs"] == len(JSON_REPORT.splitlines())
    assert rec["outline"][0] == {"level": 1, "number": "一、", "title": "主要做法及取得的成效", "paragraph": 1}
    for p in rec["problems"]:
        assert set(p) == {"rule", "severity", "paragraph", "start", "end", "excerpt", "message", "fix"}
    dup = next(p for p in rec["problems"] if p["rule"] == "duplicate-word")
    assert dup["excerpt"] == "按照按照" and dup["fix"]["applicability"] == "safe"
    assert dup["fix"]["edits"] == [{"paragraph": 5, "start": dup["start"] + 2, "end": dup["end"], "replacement": ""}]


DRAFTS = sorted(corpus.DATA.glob("holdout/*.draft.txt"))


def test_check_folder_recursive_parallel(capsys, tmp_path: Path) -> None:
    for i in range(6):
        d = tmp_path / f"sub{i % 2}"
        d.mkdir(exist_ok=True)
        (d / f"r{i}.txt").write_bytes(DRAFTS[i].read_bytes())
    (tmp_path / "sub0" / "notes.md").write_text("ignored", "utf-8")
    code, out, err = run(capsys, "check", "--format", "json", str(tmp_path))
    assert code == 1, err
    paths = [Path(f["path"]).name for f in json.loads(out)["files"]]
    assert sorted(paths) == [f"r{i}.txt" for i in range(6)]


def test_exit_0_when_clean(capsys, tmp_path: Path) -> None:
    f = tmp_path / "ok.txt"
    f.write_text(
        "关于开展安全检查的通知\n各科室：\n为做好安全生产工作，现将有关事项通知如下。\n一、检查时间\n3月1日至3月15日。\n二、检查内容\n消防设施和用电安全。\n",
        "utf-8",
    )
    code, out, err = run(capsys, "check", str(f))
    assert (code, out) == (0, "检查了 1 个文件：错误 0 个，警告 0 个，提示 0 个\n"), out


def test_exit_2_unreadable_file_named_on_stderr(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "旧文件.doc"
    bad.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600)
    good = tmp_path / "a.txt"
    good.write_text("一是加强学习；三是强化担当。", "utf-8")
    code, out, err = run(capsys, "check", str(bad), str(good), str(tmp_path / "missing.txt"))
    assert code == 2
    assert "旧文件.doc" in err and "另存为" in err and "missing.txt" in err
    assert "Traceback" not in err and "ordinal-skip" in out


def test_rules_lists_every_rule(capsys) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0
    ids = [line.split()[0] for line in out.splitlines()]
    assert ids == list(RULES)
    assert "heading-level-jump  info" in out.replace("   ", "  ") or re.search(r"heading-level-jump\s+info", out)


OUTLINE_REPORT = (
    "关于2024年防汛工作情况的报告\n"
    "一、加强组织领导,压实防汛责任\n"
    "(一)健全防汛指挥体系\n"
    "汛前调整了各级防汛指挥机构。\n"
    "(二)落实包保责任\n"
    "每座水库都明确了包保责任人。\n"
    "二、排查风险隐患\n"
    "共排查隐患一百余处。\n"
    "三、做好应急准备\n"
    "储备了编织袋、救生衣等物资。\n"
    "四、存在的问题\n"
    "部分山塘年久失修。\n"
    "五、下一步工作\n"
    "加快病险山塘除险加固。\n"
)


def test_outline_text_and_json(capsys, tmp_path: Path) -> None:
    src = tmp_path / "防汛报告.txt"
    src.write_text(OUTLINE_REPORT, "utf-8")
    code, out, _ = run(capsys, "outline", str(src))
    assert code == 0 and "一、加强组织领导，压实防汛责任" not in out  # shows the text as written
    assert "一、加强组织领导,压实防汛责任" in out and "  (一)健全防汛指挥体系" in out
    code, out, _ = run(capsys, "outline", "--format", "json", str(src))
    data = json.loads(out)
    assert [e["number"] for e in data["outline"] if e["level"] == 1] == ["一、", "二、", "三、", "四、", "五、"]


def test_type_option_and_bad_type(capsys, tmp_path: Path) -> None:
    f = tmp_path / "x.txt"
    f.write_text("关于调整办公用房的报告\n市机关事务局：\n因工作需要，拟调整办公用房。\n特此报告。\n", "utf-8")
    code, out, _ = run(capsys, "check", "--type", "请示", "--format", "json", str(f))
    rec = json.loads(out)["files"][0]
    assert rec["doctype"] == "请示" and any(p["rule"] == "missing-section" for p in rec["problems"])
    code, _, err = run(capsys, "check", "--type", "公函", str(f))
    assert code == 2 and "未知文种" in err


def test_bad_config_is_exit_2_with_location(capsys, tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('[rules]\n"heading-skip" = "loud"\n', "utf-8")
    f = tmp_path / "x.txt"
    f.write_text("正文。", "utf-8")
    code, _, err = run(capsys, "check", "--config", str(cfg), str(f))
    assert code == 2 and f"{cfg}:2" in err and "heading-skip" in err


def test_fix_applies_safe_fixes(capsys, tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes("2024年工作总结\r\n今年以来,我们按照按照要求开展工作。\r\n全年完成各项任务。\r\n".encode("gb18030"))
    out = tmp_path / "out.txt"
    code, _, err = run(capsys, "fix", str(src), "-o", str(out))
    text = out.read_bytes().decode("gb18030")
    assert "今年以来，我们按照要求开展工作。" in text and "\r\n" in text
    assert code == 1  # missing sections remain: they need a person
    code, _, err = run(capsys, "fix", str(src), "-o", str(out), "--rule", "duplicate-word")
    assert "今年以来,我们按照要求" in out.read_bytes().decode("gb18030")
    # the half-width comma and the missing sections remain: reported, and the status says so
    left = json.loads(run(capsys, "check", "--format", "json", str(out))[1])["files"][0]["problems"]
    left = [p for p in left if p["severity"] != "info"]
    assert code == 1 and len(left) >= 2
    assert f"剩余 {len(left)} 个问题需人工处理（其中所选规则 duplicate-word 的 0 个）" in err


def test_fix_one_rule_reports_what_really_remains(capsys, tmp_path: Path) -> None:
    src = tmp_path / "in.txt"
    src.write_text(
        "2024年工作总结\n一、主要工作\n今年以来,我们--社区做了大量工作;成效明显。\n三、存在问题\n一是学习不够;三是作风不实。\n",
        "utf-8",
    )
    out = tmp_path / "out.txt"
    code, _, err = run(capsys, "fix", str(src), "-o", str(out), "--rule", "halfwidth-punct")
    assert "," not in out.read_text("utf-8") and ";" not in out.read_text("utf-8")
    _, report, _ = run(capsys, "check", "--format", "json", str(out))
    left = [p for p in json.loads(report)["files"][0]["problems"] if p["severity"] != "info"]
    assert code == 1 and len(left) >= 3  # placeholder, heading skip, series skip, missing sections…
    assert f"已修改 2 处，剩余 {len(left)} 个问题需人工处理（其中所选规则 halfwidth-punct 的 0 个）" in err


@pytest.mark.parametrize("value", ["0", "-1", "两个"])
def test_jobs_must_be_a_positive_number(capsys, tmp_path: Path, value: str) -> None:
    f = tmp_path / "a.txt"
    f.write_text("正文。", "utf-8")
    with pytest.raises(SystemExit) as info:
        main(["check", f"--jobs={value}", str(f)])
    _, err = capsys.readouterr()
    assert info.value.code == 2
    assert f"“{value}”无效，--jobs 必须是正整数（1 或更大）" in err


def test_jobs_one_is_accepted(capsys, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("正文。", "utf-8")
    assert run(capsys, "check", "-j", "1", str(f))[0] == 0


def _many_problems(path: Path, lines: int = 4000) -> Path:
    path.write_text("2024年工作总结\n" + "".join(f"第{i}项工作,已经完成。\n" for i in range(lines)), "utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_closed_pipe_keeps_the_real_exit_status(tmp_path: Path, fmt: str) -> None:
    """``check … | head -1``: the reader goes away early; the status is still 1 (problems found)."""
    src = _many_problems(tmp_path / "长报告.txt")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "linting", "check", "--format", fmt, str(src)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.read(100)
    proc.stdout.close()  # like `head` exiting: the output is far bigger than the pipe buffer
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=120) == 1, err
    assert first and "Traceback" not in err and "BrokenPipe" not in err


def test_progress_bar_on_a_terminal_only(capsys, tmp_path: Path, monkeypatch) -> None:
    import linting.cli as cli

    for i in range(cli.PROGRESS_MIN_FILES):
        (tmp_path / f"r{i:02d}.txt").write_text("一是加强学习；三是强化担当。\n", "utf-8")
    code, out, err = run(capsys, "check", "-j", "1", str(tmp_path))
    assert code == 1 and err == ""
    monkeypatch.setattr(cli, "_stderr_is_terminal", lambda: True)
    code, out2, err = run(capsys, "check", "-j", "1", str(tmp_path))
    assert code == 1 and out2 == out  # stdout is unchanged
    n = cli.PROGRESS_MIN_FILES
    assert f"检查中 [{'#' * cli._Progress.WIDTH}] {n}/{n}" in err and err.endswith("\r")
    code, _, err = run(capsys, "check", "-j", "1", *sorted(str(f) for f in tmp_path.glob("*.txt"))[:3])
    assert err == ""  # a short run shows no bar


def _dies_on_boom(path, config_path, doctype, **kw):  # replaces check_file in forked workers
    from linting import cli

    if path.name.startswith("boom"):
        os._exit(9)  # what the out-of-memory killer does to a worker
    return cli._real_check_file(path, config_path, doctype, **kw)


@pytest.mark.skipif(
    __import__("multiprocessing").get_start_method() != "fork",
    reason="needs forked workers to inherit the patched checker (Linux); the recovery code is the same everywhere",
)
@pytest.mark.parametrize("jobs", ["2", "3"])
def test_a_dying_worker_fails_its_file_and_keeps_the_batch(capsys, tmp_path: Path, monkeypatch, jobs: str) -> None:
    import linting.cli as cli

    monkeypatch.setattr(cli, "_real_check_file", cli.check_file, raising=False)
    monkeypatch.setattr(cli, "check_file", _dies_on_boom)
    for i in range(8):
        (tmp_path / f"r{i}.txt").write_text("一是加强学习；三是强化担当。\n", "utf-8")
    (tmp_path / "boom.txt").write_text("正文。\n", "utf-8")
    code, out, err = run(capsys, "check", "-j", jobs, "--format", "json", str(tmp_path))
    assert code == 2
    assert sorted(Path(f["path"]).name for f in json.loads(out)["files"]) == [f"r{i}.txt" for i in range(8)]
    assert f"{tmp_path / 'boom.txt'}: {cli.MSG_WORKER_DIED}" in err
    code, out, err = run(capsys, "check", "-j", jobs, str(tmp_path))
    assert code == 2 and out.splitlines()[-1].endswith("，1 个文件无法检查")


def test_module_entry_point_runs_without_traceback(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run(
        [sys.executable, "-m", "linting", "check", str(tmp_path / "nope.docx")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
    )
    assert r.returncode == 2 and "nope.docx" in r.stderr and "Traceback" not in r.stderr


def test_check_and_outline_own_docx_show_word_auto_numbers(capsys) -> None:
    code, out, _ = run(capsys, "outline", "--format", "json", str(corpus.OWN_DOCX))
    assert code == 0
    numbers = [e["number"] for e in json.loads(out)["outline"]]
    assert numbers == ["一、", "（一）", "（二）", "（三）", "二、", "三、", "（一）", "（二）"]
    code, out, _ = run(capsys, "check", "--format", "json", str(corpus.OWN_DOCX))
    rec = json.loads(out)["files"][0]
    assert rec["encoding"] is None and rec["paragraphs"] > 10
    assert [e for e in rec["outline"] if e["number"] == "一、"][0]["title"] == "主要工作"


@corpus.corpus
def test_check_and_outline_docx_show_word_auto_numbers(capsys) -> None:
    code, out, _ = run(capsys, "outline", "--format", "json", str(corpus.docx("GongWen-Template-Lite__out.docx")))
    assert code == 0
    numbers = [e["number"] for e in json.loads(out)["outline"]]
    assert numbers[1:4] == ["一、", "二、", "三、"] and "（一）" in numbers and "1." in numbers and "（1）" in numbers
    code, out, _ = run(capsys, "check", "--format", "json", str(corpus.docx("GongWen-Template-Lite__out.docx")))
    rec = json.loads(out)["files"][0]
    assert rec["encoding"] is None and rec["paragraphs"] > 90
    assert [e for e in rec["outline"] if e["number"] == "一、"][0]["title"] == "一级标题a"


def test_convert_round_trips(capsys, tmp_path: Path) -> None:
    src = tmp_path / "r.txt"
    raw = "关于开展检查的通知\r\n各科室：\r\n现将有关事项通知如下。\r\n一、检查时间\r\n3月1日。\r\n".encode("gb18030")
    src.write_bytes(raw)
    docx = tmp_path / "r.docx"
    assert run(capsys, "convert", str(src), "-o", str(docx))[0] == 0
    back = tmp_path / "back.txt"
    assert run(capsys, "convert", str(docx), "-o", str(back))[0] == 0
    assert back.read_text("utf-8-sig").splitlines() == raw.decode("gb18030").splitlines()
    same = tmp_path / "same.txt"
    assert run(capsys, "convert", str(src), "-o", str(same))[0] == 0
    assert same.read_bytes() == raw
    again = tmp_path / "again.docx"
    assert run(capsys, "convert", str(docx), "-o", str(again))[0] == 0
    assert again.read_bytes() == docx.read_bytes()


def test_fix_docx_and_unreadable_input(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("REPORTLINT_BACKUP_DIR", str(tmp_path / "bak"))
    src = tmp_path / "in.txt"
    src.write_text(
        "2024年工作总结\n一、主要工作\n今年以来,我们按照按照要求开展工作。\n二、存在问题\n学习不够。\n三、下一步打算\n继续努力。\n",
        "utf-8",
    )
    docx = tmp_path / "in.docx"
    run(capsys, "convert", str(src), "-o", str(docx))
    out = tmp_path / "out.docx"
    code, _, _ = run(capsys, "fix", str(docx), "-o", str(out))
    assert code == 0
    from linting.io import open_document

    assert "今年以来，我们按照要求开展工作。" in open_document(out).texts
    bad = tmp_path / "x.docx"
    bad.write_bytes(bytes(range(256)) * 4)
    code, _, err = run(capsys, "fix", str(bad), "-o", str(tmp_path / "y.docx"))
    assert code == 2 and "x.docx" in err and "Traceback" not in err


def test_rules_json_carries_the_help(capsys) -> None:
    code, out, _ = run(capsys, "rules", "--format", "json")
    rules = json.loads(out)["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    assert all(set(r["doc"]) >= {"作用", "为什么", "示例", "修改后"} for r in rules)


def test_a_pool_only_where_the_work_pays(capsys, tmp_path: Path, monkeypatch) -> None:
    import linting.cli as cli

    used: list[int] = []
    real = cli._check_parallel
    monkeypatch.setattr(cli, "_check_parallel", lambda jobs, n, progress: used.append(n) or real(jobs, n, progress))
    for i in range(5):
        (tmp_path / f"r{i}.txt").write_text("一是加强学习；三是强化担当。\n", "utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path))
    assert code == 1 and used == []  # five one-line reports: checked in this process
    assert run(capsys, "check", "-j", "2", str(tmp_path))[1] == out and used == [2]  # asked for: a pool
    monkeypatch.setattr(cli, "POOL_MIN_BYTES", 10)
    monkeypatch.setattr(cli.os, "cpu_count", lambda: 3)
    assert run(capsys, "check", str(tmp_path))[1] == out and used == [2, 3]  # enough to read: every core


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["check"], "缺少必需的参数：PATH"),
        (["check", "--format", "xml", "a.txt"], "--format 的值 'xml' 无效（可选："),
        (["check", "-o"], "-o/--output 后面需要一个值"),
        (["frob"], "没有命令 'frob'（可用："),
        (["check", "a.txt", "--bogus"], "无法识别的参数：--bogus"),
        (["fix", "a.txt"], "缺少必需的参数：-o/--output"),
    ],
)
def test_argument_errors_are_in_chinese(capsys, argv: list[str], expected: str) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    _, err = capsys.readouterr()
    assert info.value.code == 2
    assert "参数错误：" + expected in err
    message = err.splitlines()[-1]
    for english in ("unrecognized", "required", "invalid choice", "expected one", "argument "):
        assert english not in message
