"""Command line: ``python -m linting check|outline|rules|convert|fix``.

Exit codes (a contract): 0 — no warnings or errors; 1 — warnings or errors
found (or, for ``fix``, problems remain); 2 — a file could not be read (a
message on stderr names the file and the reason; never a traceback), a bad
option or configuration, or a file whose checking process died.  The status
is the same when stdout is a pipe closed early (``check … | head``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, NoReturn

from .config import Config, ConfigError, load_config
from .model import Document, Severity

DOC_SUFFIXES = (".docx", ".txt")
#: Without ``--jobs``, files are checked in parallel only when there are this many bytes to read: below it
#: starting worker processes costs more than it saves (a one-page report lints in a few milliseconds).
POOL_MIN_BYTES = 2_000_000
#: A folder run shows a progress bar on stderr (when it is a terminal) from this many files on.
PROGRESS_MIN_FILES = 20
MSG_WORKER_DIED = "检查该文件的进程意外退出（可能内存不足或被系统终止），未能完成检查"


#: argparse's own error messages (English) in Chinese; ours are Chinese already and pass through.
_ARGPARSE_ZH = (
    (re.compile(r"^unrecognized arguments: (.*)$"), r"无法识别的参数：\1"),
    (re.compile(r"^the following arguments are required: (.*)$"), r"缺少必需的参数：\1"),
    (re.compile(r"^argument command: invalid choice: (.+?) \(choose from (.*)\)$"), r"没有命令 \1（可用：\2）"),
    (re.compile(r"^argument (\S+): invalid choice: (.+?) \(choose from (.*)\)$"), r"\1 的值 \2 无效（可选：\3）"),
    (re.compile(r"^argument (\S+): expected one argument$"), r"\1 后面需要一个值"),
    (re.compile(r"^argument (\S+): expected at least one argument$"), r"\1 后面至少需要一个值"),
    (re.compile(r"^argument (\S+): invalid \w+ value: (.*)$"), r"\1 的值 \2 无效"),
    (re.compile(r"^argument (\S+): not allowed with argument (.*)$"), r"\1 不能与 \2 同时使用"),
    (re.compile(r"^ambiguous option: (\S+) could match (.*)$"), r"选项 \1 有歧义，可能是：\2"),
    (re.compile(r"^invalid choice: (.+?) \(choose from (.*)\)$"), r"命令 \1 无效（可选：\2）"),
    (re.compile(r"^argument (\S+): (.*)$"), r"\1：\2"),
)


def _in_chinese(message: str) -> str:
    """argparse's English error message in Chinese (unknown ones unchanged)."""
    for rx, zh in _ARGPARSE_ZH:
        if rx.match(message):
            return rx.sub(zh, message)
    return message


class ChineseArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose errors are Chinese (used by the command line and by ``main.py``)."""

    def error(self, message: str) -> NoReturn:  # argparse exits with 2 as well; the message is Chinese
        self.print_usage(sys.stderr)
        print(f"{self.prog}: 参数错误：{_in_chinese(message)}", file=sys.stderr)
        sys.exit(2)


_Parser = ChineseArgumentParser


def _positive_int(value: str) -> int:
    """``--jobs``: a whole number ≥ 1 (0 and negative numbers are refused, not read as "all cores")."""
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"“{value}”无效，--jobs 必须是正整数（1 或更大），例如 --jobs 2")
    return n


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m linting", description="ReportLint 公文结构校对（命令行）")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    c = sub.add_parser("check", help="检查文件或文件夹（.docx / .txt）")
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--format", choices=("text", "json", "html", "csv"), default="text")
    c.add_argument("-o", "--output", type=Path, metavar="FILE", help="写入文件（默认：标准输出）")
    c.add_argument("--config", type=Path, help="额外的配置文件（TOML）")
    c.add_argument("--type", dest="doctype", help="指定文种（如 工作总结、请示），不按标题识别")
    c.add_argument("--jobs", "-j", type=_positive_int, default=None, help="并行进程数（正整数；默认：全部 CPU 核）")

    o = sub.add_parser("outline", help="显示文档大纲")
    o.add_argument("path", metavar="FILE")
    o.add_argument("--format", choices=("text", "json"), default="text")
    o.add_argument("--config", type=Path)

    r = sub.add_parser("rules", help="列出全部规则")
    r.add_argument(
        "--format", choices=("text", "json"), default="text", help="json：含每条规则的说明（作用/为什么/示例/修改后）"
    )

    v = sub.add_parser("convert", help=".txt ↔ .docx 转换（.docx→.docx 为原样往返）")
    v.add_argument("src", metavar="IN")
    v.add_argument("-o", "--output", required=True, metavar="OUT")

    f = sub.add_parser("fix", help="应用可安全自动修改的问题并保存")
    f.add_argument("src", metavar="IN")
    f.add_argument("-o", "--output", required=True, metavar="OUT")
    f.add_argument("--rule", action="append", dest="rules", metavar="ID", help="只修改这些规则（可重复）")
    f.add_argument("--config", type=Path)
    f.add_argument("--type", dest="doctype")
    _add_annotate_parser(sub)
    return p


def _add_annotate_parser(sub: Any) -> None:
    a = sub.add_parser("annotate", help="导出批注版：问题写成 Word 批注，可安全修改的写成修订")
    a.add_argument("src", metavar="IN", help=".docx / .txt 文件，或文件夹")
    a.add_argument("-o", "--output", required=True, metavar="OUT", help="输出 .docx（IN 为文件夹时为输出文件夹）")
    a.add_argument("--fixes", choices=("tracked", "none"), default="tracked", help="tracked：安全修改写成修订（默认）")
    a.add_argument("--rule", action="append", dest="rules", metavar="ID", help="只批注这些规则（可重复）")
    a.add_argument("--author", default="ReportLint", metavar="NAME", help="批注和修订的作者（默认 ReportLint）")
    a.add_argument("--config", type=Path)
    a.add_argument("--type", dest="doctype")
    a.add_argument("--jobs", "-j", type=int, default=0)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    _utf8_stdio()
    try:
        if args.command == "rules":
            return _cmd_rules(args.format)
        if args.command == "check":
            return _cmd_check(args)
        if args.command == "outline":
            return _cmd_outline(args)
        if args.command == "convert":
            return _cmd_convert(args)
        if args.command == "fix":
            return _cmd_fix(args)
        if args.command == "annotate":
            from .annotate_cli import cmd_annotate

            return cmd_annotate(args)
    except ConfigError as e:
        print(str(e), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # a write outside _out(): the status is unknown, say so the safe way
        _silence_stdout()
        return 2
    return 2


def _out(text: str) -> None:
    """Write to stdout; a reader that went away (``| head``) only silences the rest of the output,
    so the command still finishes and returns its real exit status."""
    try:
        sys.stdout.write(text)
    except BrokenPipeError:
        _silence_stdout()


def _silence_stdout() -> None:
    """Point stdout at the null device (also for the flush at exit, which would complain)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
    try:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 — lives until exit
    except OSError:
        pass


def _utf8_stdio() -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
        except (AttributeError, ValueError):
            pass


# ---------------------------------------------------------------------------
# rules


def _cmd_rules(fmt: str = "text") -> int:
    from .rules import RULES

    if fmt == "json":
        rules = [
            {"id": r.id, "severity": r.severity.value, "summary": r.summary, "fixable": r.fixable, "doc": r.doc}
            for r in RULES.values()
        ]
        _out(json.dumps({"rules": rules}, ensure_ascii=False) + "\n")
        return 0
    width = max(len(r) for r in RULES)
    _out("".join(f"{r.id:<{width}}  {r.severity.value:<7}  {r.summary}\n" for r in RULES.values()))
    return 0


# ---------------------------------------------------------------------------
# check


def expand_paths(paths: Iterable[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to check (folders expanded recursively, sorted) and paths that don't exist."""
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = [
                f
                for f in p.rglob("*")
                if f.suffix.lower() in DOC_SUFFIXES and f.is_file() and not f.name.startswith("~$")
            ]
            files.extend(sorted(found))
        elif p.exists():
            files.append(p)
        else:
            missing.append((raw, "文件不存在"))
    return files, missing


def check_file(path: Path, config_path: Path | None, doctype: str | None, *, fixes: bool = True) -> dict[str, Any]:
    """Open and lint one file; returns the JSON record (or {"path", "error"}).

    ``fixes=False`` (text output) leaves each problem's ``fix`` out: building the edits is work only
    the JSON output shows."""
    from .io import open_document
    from .io.errors import ReadError

    try:
        config = load_config(path, config_path)
    except ConfigError as e:
        return {"path": str(path), "error": str(e), "config_error": True}
    try:
        doc = open_document(path)
    except ReadError as e:
        return {"path": str(path), "error": e.reason}
    except MemoryError:
        return {"path": str(path), "error": "文件太大，内存不足，无法打开"}
    except Exception as e:  # noqa: BLE001 — a bug must not turn into a traceback for the user
        return {"path": str(path), "error": f"无法读取（内部错误：{type(e).__name__}: {e}）"}
    try:
        result = _linter(config).lint(doc.paragraphs, doctype)
    except ValueError as e:
        return {"path": str(path), "error": str(e), "config_error": True}
    return record(path, doc, result, fixes=fixes)


def record(path: Path, doc: Document, result: Any, *, fixes: bool = True) -> dict[str, Any]:
    """The JSON record of one checked file (README "Command line"); without ``fix`` when ``fixes`` is false."""
    if fixes:
        problems = [p.to_json() for p in result.problems]
    else:
        problems = [
            {
                "rule": p.rule,
                "severity": p.severity.value,
                "paragraph": p.paragraph,
                "start": p.start,
                "message": p.message,
            }
            for p in result.problems
        ]
    return {
        "path": str(path),
        "doctype": result.doctype,
        "encoding": doc.encoding,
        "paragraphs": len(doc.paragraphs),
        "outline": [
            {"level": e.level, "number": e.number, "title": e.title, "paragraph": e.paragraph} for e in result.outline
        ],
        "problems": problems,
    }


#: One file to check: (path, --config, --type, whether to build fixes).
Job = tuple[str, str | None, str | None, bool]
_LINTERS: dict[int, Any] = {}


def _linter(config: Config) -> Any:
    from .engine import Linter

    key = id(config)
    lin = _LINTERS.get(key)
    if lin is None or lin.config is not config:
        lin = Linter(config)
        _LINTERS[key] = lin
    return lin


def _check_one(job: Job) -> dict[str, Any]:
    path, cfg, doctype, fixes = job
    return check_file(Path(path), Path(cfg) if cfg else None, doctype, fixes=fixes)


class _Progress:
    """``检查中 [#####-----] 45/200`` on stderr, redrawn in place; only on a terminal, only for long runs."""

    WIDTH = 30

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.enabled = total >= PROGRESS_MIN_FILES and _stderr_is_terminal()
        self._shown = -1

    def step(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        filled = self.WIDTH * self.done // self.total
        if filled == self._shown and self.done != self.total:
            return
        self._shown = filled
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        sys.stderr.write(f"\r检查中 [{bar}] {self.done}/{self.total}")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self._shown >= 0:
            sys.stderr.write("\r" + " " * (self.WIDTH + 30) + "\r")
            sys.stderr.flush()


def _stderr_is_terminal() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


def _died(job: Job) -> dict[str, Any]:
    return {"path": job[0], "error": MSG_WORKER_DIED}


def _run_isolated(job: Job) -> dict[str, Any]:
    """One job in a process of its own: if that dies too, the file is the cause and is marked failed."""
    try:
        with ProcessPoolExecutor(max_workers=1) as pool:
            return pool.submit(_check_one, job).result()
    except BrokenProcessPool:
        return _died(job)


def _check_parallel(jobs: list[Job], workers: int, progress: _Progress) -> list[dict[str, Any]]:
    """Check ``jobs`` in a process pool, in order. A worker that dies (out of memory, killed) breaks the
    pool: the files it had not finished are checked again one process each, so only the file that
    kills its process is reported as failed and the rest of the batch is kept."""
    results: list[dict[str, Any] | None] = [None] * len(jobs)
    try:
        with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
            futures: dict[Future[dict[str, Any]], int] = {pool.submit(_check_one, job): i for i, job in enumerate(jobs)}
            for fut in as_completed(futures):
                try:
                    results[futures[fut]] = fut.result()
                except BrokenProcessPool:
                    continue
                progress.step()
    except BrokenProcessPool:
        pass
    for i, job in enumerate(jobs):
        if results[i] is None:
            results[i] = _run_isolated(job)
            progress.step()
    return [r for r in results if r is not None]


def _total_size(files: Iterable[Path]) -> int:
    total = 0
    for f in files:
        try:
            total += f.stat().st_size
        except OSError:
            pass
    return total


def _cmd_check(args: argparse.Namespace) -> int:
    files, missing = expand_paths(args.paths)
    if args.config is not None and not args.config.is_file():
        print(f"{args.config}: 配置文件不存在", file=sys.stderr)
        return 2
    fixes = args.format != "text"  # json, html and csv show each problem's fix (and its end)
    jobs: list[Job] = [(str(f), str(args.config) if args.config else None, args.doctype, fixes) for f in files]
    workers = args.jobs or os.cpu_count() or 1
    progress = _Progress(len(jobs))
    try:
        if len(jobs) >= 4 and workers > 1 and (args.jobs is not None or _total_size(files) >= POOL_MIN_BYTES):
            records = _check_parallel(jobs, workers, progress)
        else:
            records = []
            for j in jobs:
                records.append(_check_one(j))
                progress.step()
    finally:
        progress.close()
    status = 0
    for raw, reason in missing:
        print(f"{raw}: {reason}", file=sys.stderr)
        status = 2
    good = []
    failed = len(missing)
    for rec in records:
        if "error" in rec:
            failed += 1
            print(f"{rec['path']}: {rec['error']}" if not rec.get("config_error") else rec["error"], file=sys.stderr)
            status = 2
            continue
        good.append(rec)
        if status == 0 and any(p["severity"] in ("error", "warning") for p in rec["problems"]):
            status = 1
    if args.format in ("html", "csv") or args.output is not None:
        from .annotate_cli import write_check_report

        text = _text_report(good, failed) if args.format == "text" else None
        if not write_check_report(args, good, records, text=text):
            return 2
    elif args.format == "json":
        # One compact dumps (C encoder) and one write: indent= would use the pure-Python
        # encoder and a write per token, slower than the linting itself for a big batch.
        _out(json.dumps({"files": good}, ensure_ascii=False) + "\n")
    else:
        _out(_text_report(good, failed))
    if not files and not missing:
        print("没有找到 .docx 或 .txt 文件", file=sys.stderr)
    return status


def _text_report(good: Sequence[dict[str, Any]], failed: int) -> str:
    """``check``'s text output: one sorted line per problem, then the summary line."""
    lines = []
    for rec in good:
        for p in rec["problems"]:
            lines.append((rec["path"], p["paragraph"] + 1, p["start"] + 1, p["severity"], p["rule"], p["message"]))
    lines.sort(key=lambda t: (t[0], t[1], t[2], t[4]))
    text = "".join(f"{path}:{line}:{col}: {sev} {rule} {message}\n" for path, line, col, sev, rule, message in lines)
    return text + summary_line(len(good) + failed, lines, failed) + "\n"


def summary_line(files: int, problems: Sequence[tuple[Any, ...]], failed: int = 0) -> str:
    """The last line of ``check``'s text output: ``检查了 3 个文件：错误 0 个，警告 5 个，提示 1 个``
    (``，1 个文件无法检查`` when some could not be read)."""
    counts = {"error": 0, "warning": 0, "info": 0}
    for row in problems:
        counts[row[3]] += 1
    line = f"检查了 {files} 个文件：错误 {counts['error']} 个，警告 {counts['warning']} 个，提示 {counts['info']} 个"
    if failed:
        line += f"，{failed} 个文件无法检查"
    return line


# ---------------------------------------------------------------------------
# outline


def _cmd_outline(args: argparse.Namespace) -> int:
    rec = check_file(Path(args.path), args.config, None, fixes=False)
    if "error" in rec:
        print(f"{rec['path']}: {rec['error']}" if not rec.get("config_error") else rec["error"], file=sys.stderr)
        return 2
    if args.format == "json":
        _out(
            json.dumps({"path": rec["path"], "doctype": rec["doctype"], "outline": rec["outline"]}, ensure_ascii=False)
            + "\n"
        )
    else:
        rows = [f"文种：{rec['doctype']}\n"] if rec["doctype"] else []
        for e in rec["outline"]:
            indent = "  " * (e["level"] - 1)
            rows.append(f"{indent}{e['number']}{e['title']}  （第 {e['paragraph'] + 1} 段）\n")
        _out("".join(rows))
    return 0


# ---------------------------------------------------------------------------
# convert / fix


def _cmd_convert(args: argparse.Namespace) -> int:
    from .io import convert_file
    from .io.errors import ReadError, SaveError

    try:
        convert_file(Path(args.src), Path(args.output))
    except ReadError as e:
        print(f"{e.path}: {e.reason}", file=sys.stderr)
        return 2
    except SaveError as e:
        print(f"{e.path}: {e.reason}", file=sys.stderr)
        return 2
    return 0


def _cmd_fix(args: argparse.Namespace) -> int:
    from .engine import Linter, fix_paragraphs
    from .io import open_document, save_document
    from .io.errors import ReadError, SaveError
    from .rules import RULES

    src = Path(args.src)
    if args.rules:
        unknown = [r for r in args.rules if r not in RULES]
        if unknown:
            print(f"没有这些规则：{'、'.join(unknown)}（运行 python -m linting rules 查看）", file=sys.stderr)
            return 2
    config = load_config(src, args.config)
    try:
        doc = open_document(src)
    except ReadError as e:
        print(f"{e.path}: {e.reason}", file=sys.stderr)
        return 2
    linter = Linter(config)
    try:
        fixed, applied_total = fix_paragraphs(linter, doc.paragraphs, rules=args.rules, doctype=args.doctype)
    except ValueError as e:
        print(str(e), file=sys.stderr)
        return 2
    texts = [p.text for p in fixed]
    try:
        save_document(doc, texts, Path(args.output))
    except SaveError as e:
        print(f"{e.path}: {e.reason}", file=sys.stderr)
        return 2
    result = linter.lint(fixed, args.doctype)
    remaining = [p for p in result.problems if p.severity != Severity.INFO]
    message = f"已修改 {applied_total} 处，剩余 {len(remaining)} 个问题需人工处理"
    if args.rules:
        selected = sum(1 for p in remaining if p.rule in args.rules)
        message += f"（其中所选规则 {'、'.join(args.rules)} 的 {selected} 个）"
    print(message, file=sys.stderr)
    return 1 if remaining else 0
