"""The command-line side of ``annotate`` and of ``check --format html|csv`` / ``check -o FILE``.

Kept out of :mod:`linting.cli` so that module only declares the options.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

from linting.annotate import annotate_path, output_name


def _format_text(records: Sequence[dict[str, Any]]) -> str:
    lines = []
    for rec in records:
        for p in rec["problems"]:
            lines.append((rec["path"], p["paragraph"] + 1, p["start"] + 1, p["severity"], p["rule"], p["message"]))
    lines.sort(key=lambda t: (t[0], t[1], t[2], t[4]))
    return "".join(f"{path}:{line}:{col}: {sev} {rule} {message}\n" for path, line, col, sev, rule, message in lines)


def check_report_bytes(fmt: str, good: Sequence[dict[str, Any]], records: Sequence[dict[str, Any]]) -> bytes:
    """The ``check`` output in ``fmt`` (text, json, html, csv) as bytes."""
    from linting.report import attach_context, render_csv, render_html

    if fmt == "json":
        return (json.dumps({"files": list(good)}, ensure_ascii=False) + "\n").encode("utf-8")
    if fmt == "csv":
        return render_csv(good)
    if fmt == "html":
        attach_context(good)
        errors = [(r["path"], r["error"]) for r in records if "error" in r and not r.get("config_error")]
        return render_html(good, errors).encode("utf-8")
    return _format_text(good).encode("utf-8")


def write_check_report(
    args: argparse.Namespace, good: Sequence[dict[str, Any]], records: Sequence[dict], *, text: str | None = None
) -> bool:
    """Write ``check``'s report to ``args.output`` (atomically) or stdout; False (message printed) on failure.

    ``text``: the text output exactly as ``check`` prints it (summary line included), when already made."""
    from linting.io.atomic import atomic_write
    from linting.io.errors import SaveError

    data = text.encode("utf-8") if text is not None else check_report_bytes(args.format, good, records)
    if args.output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return True
    try:
        atomic_write(args.output, data, backup=False)
    except SaveError as e:
        print(f"{e.path}: {e.reason}", file=sys.stderr)
        return False
    return True


def _job(job: tuple[str, str, str, str, tuple[str, ...] | None, str | None, str | None]) -> dict[str, object]:
    src, out, fixes, author, rules, cfg, doctype = job
    return annotate_path(
        Path(src),
        Path(out),
        fixes=fixes,
        author=author,
        rules=rules,
        config_path=Path(cfg) if cfg else None,
        doctype=doctype,
    )


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def cmd_annotate(args: argparse.Namespace) -> int:
    """``python -m linting annotate IN -o OUT`` (file or folder); exit 0 written, 2 on any failure."""
    from linting.cli import expand_paths
    from linting.rules import RULES

    if args.rules:
        unknown = [r for r in args.rules if r not in RULES]
        if unknown:
            print(f"没有这些规则：{'、'.join(unknown)}（运行 python -m linting rules 查看）", file=sys.stderr)
            return 2
    if args.config is not None and not args.config.is_file():
        print(f"{args.config}: 配置文件不存在", file=sys.stderr)
        return 2
    src = Path(args.src)
    out = Path(args.output)
    rules = tuple(args.rules) if args.rules else None
    cfg = str(args.config) if args.config else None
    if not src.exists():
        print(f"{src}: 文件不存在", file=sys.stderr)
        return 2
    if src.is_dir():
        return _annotate_folder(src, out, args, rules, cfg, expand_paths)
    if out.is_dir():
        out = out / output_name(src)
    if _same(src, out):
        print(f"{out}: 批注版不能覆盖原文件，请另选输出文件名", file=sys.stderr)
        return 2
    rec = _job((str(src), str(out), args.fixes, args.author, rules, cfg, args.doctype))
    if "error" in rec:
        print(f"{src}: {rec['error']}", file=sys.stderr)
        return 2
    print(
        f"已生成批注版 {out}：{rec['comments']} 条批注，{rec['tracked']} 段含修订"
        + ("（已替换上次的 ReportLint 批注）" if rec["replaced"] else ""),
        file=sys.stderr,
    )
    return 0


def _annotate_folder(src: Path, outdir: Path, args: argparse.Namespace, rules, cfg, expand_paths) -> int:  # noqa: ANN001
    files, _ = expand_paths([str(src)])
    # never annotate an earlier output again (报告_校对意见.docx → 报告_校对意见_校对意见.docx)
    files = [f for f in files if not _inside(f, outdir) and not f.stem.endswith("_校对意见")]
    if not files:
        print(f"{src}: 没有找到 .docx 或 .txt 文件", file=sys.stderr)
        return 2
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        print(f"{outdir}: 无法创建输出文件夹（{e.strerror or e}）", file=sys.stderr)
        return 2
    jobs = []
    taken: set[str] = set()
    for f in files:
        rel = f.relative_to(src).parent
        name = output_name(f)
        key = str(rel / name).lower()
        if key in taken:  # 报告.docx and 报告.txt side by side
            name = f"{f.stem}_{f.suffix.lstrip('.')}_校对意见.docx"
            key = str(rel / name).lower()
        taken.add(key)
        target = outdir / rel / name
        target.parent.mkdir(parents=True, exist_ok=True)
        jobs.append((str(f), str(target), args.fixes, args.author, rules, cfg, args.doctype))
    workers = min(args.jobs or os.cpu_count() or 1, len(jobs))
    tty = sys.stderr.isatty()
    results: list[dict[str, object]] = []

    def progress(rec: dict[str, object]) -> None:
        results.append(rec)
        if tty:
            name = Path(str(rec["path"])).name
            sys.stderr.write(f"\r\x1b[K[{len(results)}/{len(jobs)}] {name}")
            sys.stderr.flush()

    if workers > 1 and len(jobs) >= 2:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for fut in as_completed([pool.submit(_job, j) for j in jobs]):
                progress(fut.result())
    else:
        for j in jobs:
            progress(_job(j))
    if tty:
        sys.stderr.write("\r\x1b[K")
    results.sort(key=lambda r: str(r["path"]))
    failed = [r for r in results if "error" in r]
    done = [r for r in results if "error" not in r]
    for r in failed:
        print(f"{r['path']}: {r['error']}", file=sys.stderr)
    comments = sum(int(r["comments"]) for r in done)  # type: ignore[call-overload]
    tracked = sum(int(r["tracked"]) for r in done)  # type: ignore[call-overload]
    print(
        f"已生成 {len(done)} 份批注版到 {outdir}：共 {comments} 条批注，{tracked} 段含修订"
        + (f"；{len(failed)} 份失败" if failed else ""),
        file=sys.stderr,
    )
    return 2 if failed else 0


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError):
        return False
    return True


__all__ = ["check_report_bytes", "cmd_annotate", "write_check_report"]
