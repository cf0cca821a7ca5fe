"""Rebuild the English translation: ``python resources/i18n/update.py``.

1. ``pyside6-lupdate`` extracts every ``tr()`` / ``QCoreApplication.translate()``
   string of ``ui/*.py`` and ``main.py`` into ``reportlint_en.ts`` (Chinese is
   the source language; strings no longer in the code are dropped).
2. Each unfinished message gets its English text from ``en.json`` (keys are
   the Chinese source strings, or ``"Context|source"`` where one source needs a
   different translation in one context).  Translations already in the .ts and
   not in ``en.json`` are kept.
3. ``pyside6-lrelease`` compiles ``reportlint_en.qm`` (shipped; loaded by
   ``ui.i18n.install_translators`` when the language is English).

Strings still without a translation are listed; ``--strict`` makes that an error
(exit status 1).  ``--check`` changes nothing and exits 1 when the .ts/.qm are
not up to date with the code and ``en.json``.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "reportlint_en.ts"
QM = HERE / "reportlint_en.qm"
DICT = HERE / "en.json"


def tool(name: str) -> str:
    """Path of ``lupdate``/``lrelease`` shipped with PySide6 (or ``pyside6-<name>`` on PATH)."""
    try:
        import PySide6

        folder = Path(PySide6.__file__).parent
        for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
            if candidate.is_file():
                return str(candidate)
    except ImportError:
        pass
    found = shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"cannot find {name} (install PySide6-Essentials)")
    return found


def sources() -> list[str]:
    """The files scanned, relative to the repository root."""
    files = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "ui").glob("*.py"))
    if (ROOT / "main.py").is_file():
        files.append("main.py")
    return files


def run_lupdate(ts: Path) -> None:
    cmd = [tool("lupdate"), *sources(), "-source-language", "zh_CN", "-target-language", "en"]
    cmd += ["-no-obsolete", "-locations", "none", "-silent", "-ts", str(ts)]
    subprocess.run(cmd, cwd=ROOT, check=True)


def run_lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def wrapper_messages() -> dict[str, list[str]]:
    """Strings passed to a module's translate wrapper, which lupdate does not see.

    A wrapper is a function whose body is ``return QCoreApplication.translate("Context", <its parameter>)``
    (e.g. ``def _tr(text): return QCoreApplication.translate("Models", text)``); every call of it
    with a string literal is a message of that context.
    """
    found: dict[str, list[str]] = {}
    for rel in sources():
        tree = ast.parse((ROOT / rel).read_text(encoding="utf-8"))
        wrappers: dict[str, str] = {}
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef) or not node.args.args:
                continue
            body = [b for b in node.body if not (isinstance(b, ast.Expr) and isinstance(b.value, ast.Constant))]
            if len(body) != 1 or not isinstance(body[0], ast.Return) or not isinstance(body[0].value, ast.Call):
                continue
            call = body[0].value
            name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
            if name != "translate" or len(call.args) < 2:
                continue
            ctx, arg = call.args[0], call.args[1]
            if isinstance(ctx, ast.Constant) and isinstance(arg, ast.Name) and arg.id == node.args.args[0].arg:
                wrappers[node.name] = str(ctx.value)
        if not wrappers:
            continue
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in wrappers
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                msgs = found.setdefault(wrappers[node.func.id], [])
                if node.args[0].value not in msgs:
                    msgs.append(node.args[0].value)
    return found


def add_wrapper_messages(ts: Path) -> None:
    """Add the wrapper strings lupdate missed to the .ts (keeping translations already there)."""
    tree = ET.parse(ts)
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    for ctx_name, msgs in wrapper_messages().items():
        ctx = contexts.get(ctx_name)
        if ctx is None:
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = ctx_name
            contexts[ctx_name] = ctx
        have = {m.findtext("source") for m in ctx.iter("message")}
        for src in msgs:
            if src in have:
                continue
            msg = ET.SubElement(ctx, "message")
            ET.SubElement(msg, "source").text = src
            ET.SubElement(msg, "translation", {"type": "unfinished"})
    # Keep contexts sorted by name, as lupdate does.
    ordered = sorted(root.findall("context"), key=lambda c: c.findtext("name") or "")
    for c in root.findall("context"):
        root.remove(c)
    root.extend(ordered)
    tree.write(ts, encoding="utf-8")


def load_dict() -> dict[str, str]:
    return json.loads(DICT.read_text(encoding="utf-8")) if DICT.is_file() else {}


def fill(ts: Path, table: dict[str, str], previous: dict[tuple[str, str], str]) -> list[tuple[str, str]]:
    """Fill the .ts from ``table``; return (context, source) of messages still untranslated."""
    tree = ET.parse(ts)
    missing: list[tuple[str, str]] = []
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            english = table.get(f"{name}|{source}", table.get(source)) or previous.get((name, source))
            if english is not None:
                tr.text = english
                tr.attrib.pop("type", None)
            elif not (tr.text or "").strip():
                tr.set("type", "unfinished")
                missing.append((name, source))
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return missing


def build(ts: Path, qm: Path) -> list[tuple[str, str]]:
    if TS.is_file() and ts != TS:
        shutil.copyfile(TS, ts)
    previous = {}
    if ts.is_file():
        for ctx in ET.parse(ts).getroot().iter("context"):
            for msg in ctx.iter("message"):
                text = msg.findtext("translation")
                if text and msg.find("translation").get("type") != "unfinished":
                    previous[(ctx.findtext("name"), msg.findtext("source"))] = text
    run_lupdate(ts)
    add_wrapper_messages(ts)
    missing = fill(ts, load_dict(), previous)
    run_lrelease(ts, qm)
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true", help="exit 1 if a string has no English translation")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if .ts/.qm are out of date")
    args = parser.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            ts, qm = Path(tmp) / TS.name, Path(tmp) / QM.name
            missing = build(ts, qm)
            same = TS.is_file() and QM.is_file() and ts.read_bytes() == TS.read_bytes()
            same = same and qm.read_bytes() == QM.read_bytes()
        for ctx, src in missing:
            print(f"untranslated: {ctx}: {src}")
        print("up to date" if same else "out of date: run python resources/i18n/update.py")
        return 0 if same and not missing else 1
    missing = build(TS, QM)
    for ctx, src in missing:
        print(f"untranslated: {ctx}: {src}")
    total = sum(1 for _ in ET.parse(TS).getroot().iter("message"))
    print(f"{TS.relative_to(ROOT)}: {total} strings, {total - len(missing)} translated; wrote {QM.relative_to(ROOT)}")
    return 1 if (missing and args.strict) else 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
