"""Fuzz the readers, the rules and the writers with mutations of the project's own test files.

``python -m tests.fuzz`` (options: ``--seed``, ``--cases``, ``--time``, ``--jobs``, ``--keep DIR``).

Inputs are the repository's own fixtures — ``tests/data/**`` (.txt and .docx), the bundled sample
in ``resources/samples`` and packages built with ``tests.io.conftest.build_docx`` (auto-numbered
lists, tables) — mutated with a fixed seed: zip bytes (flips, truncation, splices, a corrupt
compressed stream, damaged headers), XML trees (elements deleted, duplicated thousands of times,
moved, nested deep, attributes set to hostile values, re-encoded), numbering values (huge,
negative and malformed starts, overrides, levels, megabyte ``lvlText``, link loops) and long
paragraphs (megabyte lines of count claims, quotes, brackets, thousands of identical headings).

Each case runs ``check``, ``fix`` and ``convert`` through the CLI in a worker process, one
command at a time under a watchdog.  Reported as findings: an exception escaping the CLI, an
exit status other than 0/1/2, stderr that is not plain Chinese (a traceback, an exception name),
a fix/convert output that can't be opened again, a command over :data:`SLOW_CPU_SECONDS` of CPU,
one that does not answer within :data:`HANG_SECONDS` (the worker is killed and restarted), or
one over :data:`MEMORY_LIMIT_MB` of peak resident memory (the kernel's VmHWM, reset before each
command).  Exit status 1 when anything was found.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: A command using more CPU than this is reported (CPU, not wall time: the machine may be shared).
SLOW_CPU_SECONDS = 10.0
#: A command that has not answered after this much wall time is a hang: the worker is killed.
HANG_SECONDS = 30.0
MEMORY_LIMIT_MB = 500
#: Address-space cap of a worker, so a runaway case fails instead of swapping the machine.
WORKER_AS_LIMIT = 3 * 1024**3
CJK = re.compile(r"[\u4e00-\u9fff]")
NOT_PLAIN = re.compile(r"Traceback|\b[A-Z][A-Za-z]*(?:Error|Exception)\b|File \"")
#: English words a Chinese message may name (products, formats); any other word is a leaked detail.
ALLOWED_WORDS = frozenset(
    "Word WPS docx docm dotx dotm xlsx pptx Excel PowerPoint Office Open Strict OpenDocument HTML MHT "
    "JPEG TIFF gzip Windows ReportLint LibreOffice DOCTYPE ENTITY TOML python linting rules Content_Types "
    "document word".split()
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# ---------------------------------------------------------------------------------------------
# Seeds


def seed_files() -> list[tuple[str, bytes]]:
    """(name, bytes) of every fixture the mutations start from, in a fixed order."""
    out: list[tuple[str, bytes]] = []
    for pattern in ("tests/data/**/*.docx", "tests/data/**/*.txt", "resources/samples/*"):
        for f in sorted(ROOT.glob(pattern)):
            if f.is_file() and f.suffix in (".docx", ".txt"):
                out.append((str(f.relative_to(ROOT)), f.read_bytes()))
    out.extend(_built_fixtures())
    return out


def _built_fixtures() -> list[tuple[str, bytes]]:
    from tests.io.conftest import build_docx, p

    def lvl(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
        return (
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>'
        )

    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + lvl(0, "chineseCounting", "%1、")
        + lvl(1, "chineseCounting", "（%1）")
        + lvl(2, "decimal", "%3.")
        + lvl(3, "lowerLetter", "%4)")
        + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>'
    )

    def numpr(num: int, ilvl: int) -> str:
        return f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'

    body = (
        p("关于二〇二五年度工作情况的报告", style="Title")
        + p("总体情况", numpr=numpr(1, 0))
        + p("今年以来，我们重点抓好三个方面的工作：一是加强学习，二是改进作风，三是狠抓落实。")
        + p("组织领导", numpr=numpr(1, 1))
        + p("完善制度", numpr=numpr(1, 2))
        + p("落实责任", numpr=numpr(1, 2))
        + p("存在问题", numpr=numpr(1, 0))
        + p("下步打算", numpr=numpr(2, 0))
        + "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>表格里的“引号</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>XX局</w:t></w:r></w:p></w:tc></w:tr></w:tbl>" + p("特此报告。")
    )
    built = _zip_parts(build_docx(body, numbering=numbering))
    assert built is not None
    fixed = [(zipfile.ZipInfo(info.filename, (2026, 1, 1, 0, 0, 0)), content) for info, content in built]
    return [("built:numbered-report.docx", _rezip(fixed))]  # fixed timestamps: reproducible bytes


# ---------------------------------------------------------------------------------------------
# Mutations


def _zip_parts(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return [(i, zf.read(i)) for i in zf.infolist()]
    except Exception:  # noqa: BLE001 - a seed already damaged by an earlier mutation
        return None


def _rezip(parts: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    """A new package of ``parts``; timestamps are kept, so the same case always has the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, strict_timestamps=False) as zf:
        for info, content in parts:
            y, mo, d, h, mi, sec = info.date_time
            ok = 1980 <= y <= 2107 and 1 <= mo <= 12 and 1 <= d <= 31 and h < 24 and mi < 60 and sec < 62
            stamp = info.date_time if ok else (1980, 1, 1, 0, 0, 0)
            zf.writestr(zipfile.ZipInfo(info.filename, stamp), content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def m_flip(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 24)):
        b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def m_truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(1, max(2, len(data)))]


def m_splice(rng: random.Random, data: bytes) -> bytes:
    a = rng.randrange(len(data))
    n = rng.randint(1, 4096)
    if rng.random() < 0.5:
        return data[:a] + data[a + n :]
    return data[:a] + data[a : a + n] * rng.randint(2, 50) + data[a:]


def m_corrupt_entry(rng: random.Random, data: bytes) -> bytes:
    """Damage the compressed stream (or a header field) of one entry, leaving the rest intact."""
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except Exception:  # noqa: BLE001
        return m_flip(rng, data)
    info = rng.choice(infos)
    off = info.header_offset
    b = bytearray(data)
    choice = rng.random()
    if choice < 0.5:
        start = off + 30 + int.from_bytes(data[off + 26 : off + 28], "little")
        start += int.from_bytes(data[off + 28 : off + 30], "little")
        for k in range(start + 2, min(len(b), start + info.compress_size - 2)):
            if rng.random() < 0.3:
                b[k] ^= rng.randrange(1, 256)
    else:
        cd = data.find(b"PK\x01\x02" + data[off + 4 : off + 6])  # some central entry
        where = cd if cd >= 0 and rng.random() < 0.5 else off
        field = rng.choice([8, 10, 14, 18, 22, 26, 28] if where == off else [10, 20, 24, 28, 30, 42])
        val = rng.choice([0, 1, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFF, rng.randrange(1 << 32)])
        width = 2 if field in (8, 10, 26, 28) else 4
        b[where + field : where + field + width] = (val & ((1 << (8 * width)) - 1)).to_bytes(width, "little")
    return bytes(b)


HOSTILE_NUMBERS = [
    "0", "-1", "-3", "-2147483648", "2147483647", "50000000000", "1000000000", "1" + "0" * 60, "", "x",
    "３", "1.5", " 7 ", "99999999999999999999999",
]  # fmt: skip
NUM_FORMATS = [
    "decimal", "upperLetter", "lowerLetter", "upperRoman", "chineseCounting", "chineseCountingThousand",
    "ideographDigital", "chineseLegalSimplified", "ideographTraditional", "decimalEnclosedCircle",
    "decimalEnclosedParen", "bullet", "none", "hex", "ordinal", "decimalZero", "decimalFullWidth", "bogus",
]  # fmt: skip
LONG_UNITS = [
    "抓好三个方面：一是学习，二是工作，三是总结。",
    "“",
    "”",
    "《（【",
    "）】》",
    "二是加强领导。",
    "一、标题",
    "?",
    "XX",
    "按照按照",
    "中,",
    "，,",
    "（一）（一）",
    "第一，第二，第二，",
    "\u3000",
]


def _long_text(rng: random.Random) -> str:
    unit = rng.choice(LONG_UNITS)
    size = rng.choice([2_000, 20_000, 200_000, 1_000_000, 5_000_000])
    return unit * max(1, size // len(unit))


def _parse(xml: bytes):  # noqa: ANN202 - lxml element or None
    from lxml import etree

    try:
        return etree.fromstring(xml, etree.XMLParser(resolve_entities=False, huge_tree=True))
    except Exception:  # noqa: BLE001
        return None


def _serialize(root) -> bytes:  # noqa: ANN001
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _mutate_part(rng: random.Random, data: bytes, name_pred: Callable[[str], bool], op) -> bytes:  # noqa: ANN001
    parts = _zip_parts(data)
    if parts is None:
        return m_flip(rng, data)
    idx = [i for i, (info, _) in enumerate(parts) if name_pred(info.filename)]
    if not idx:
        return m_corrupt_entry(rng, data)
    i = rng.choice(idx)
    info, content = parts[i]
    root = _parse(content)
    if root is None:
        return m_flip(rng, data)
    new = op(rng, root)
    parts[i] = (info, new if isinstance(new, bytes) else _serialize(root))
    return _rezip(parts)


def _xml_op(rng: random.Random, root) -> bytes | None:  # noqa: ANN001
    from lxml import etree

    elems = [e for e in root.iter() if isinstance(e.tag, str)]
    if len(elems) < 2:
        return None
    e = rng.choice(elems[1:])
    parent = e.getparent()
    op = rng.choice(["delete", "dup", "move", "nest", "attr", "text", "tag", "encode"])
    if op == "delete" and parent is not None:
        parent.remove(e)
    elif op == "dup" and parent is not None:
        k = parent.index(e)
        for _ in range(rng.choice([1, 2, 10, 1000, 5000])):
            parent.insert(k, etree.fromstring(etree.tostring(e)))
    elif op == "move" and parent is not None:
        target = rng.choice(elems)
        if e not in target.iterancestors() and target is not e:
            parent.remove(e)
            target.append(e)
    elif op == "nest" and parent is not None:
        k = parent.index(e)
        parent.remove(e)
        outer = inner = etree.Element(f"{{{W}}}sdtContent")
        for _ in range(rng.choice([5, 50, 200, 400])):
            nxt = etree.SubElement(inner, rng.choice([f"{{{W}}}sdtContent", f"{{{W}}}smartTag", f"{{{W}}}ins"]))
            inner = nxt
        inner.append(e)
        parent.insert(k, outer)
    elif op == "attr":
        key = rng.choice(list(e.attrib) or [f"{{{W}}}val"])
        e.set(key, rng.choice(HOSTILE_NUMBERS + ["", "0", "Heading1", "\u4e00" * 300]))
    elif op == "text":
        e.text = _long_text(rng) if rng.random() < 0.5 else rng.choice(["", "\ufffd", "一、", "\u200b" * 50])
    elif op == "tag":
        e.tag = rng.choice([f"{{{W}}}p", f"{{{W}}}r", f"{{{W}}}t", f"{{{W}}}tbl", f"{{{W}}}tc", "{urn:x}y"])
    elif op == "encode":
        xml = _serialize(root).decode("utf-8")
        enc = rng.choice(["utf-16", "utf-16-le-nobom", "latin-1-declared", "gb18030"])
        if enc == "utf-16":
            return xml.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
        if enc == "utf-16-le-nobom":
            return xml.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le")
        if enc == "latin-1-declared":
            return xml.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("utf-8")
        return xml.replace('encoding="UTF-8"', 'encoding="GB18030"').encode("gb18030", "replace")
    return None


def m_xml(rng: random.Random, data: bytes) -> bytes:
    def pick(name: str) -> bool:
        return name.endswith((".xml", ".rels")) and (rng.random() < 0.7 or "document" not in name)

    return _mutate_part(rng, data, lambda n: n == "word/document.xml" or pick(n), _xml_op)


def _numbering_op(rng: random.Random, root) -> None:  # noqa: ANN001
    from lxml import etree

    targets = [e for e in root.iter() if isinstance(e.tag, str) and e.tag.rsplit("}", 1)[-1] in (
        "start", "startOverride", "ilvl", "numFmt", "lvlText", "lvlRestart", "abstractNumId", "numStyleLink",
        "styleLink", "numId")]  # fmt: skip
    if not targets:
        return
    for e in rng.sample(targets, min(len(targets), rng.randint(1, 4))):
        local = e.tag.rsplit("}", 1)[-1]
        key = f"{{{W}}}val"
        if local == "numFmt":
            e.set(key, rng.choice(NUM_FORMATS))
        elif local == "lvlText":
            e.set(key, rng.choice(["%1" * 5000, "%1." + "x" * 4_000_000, "%9%8%7", "%", "%0%a", ""]))
        elif local in ("numStyleLink", "styleLink"):
            e.set(key, rng.choice(["ListA", "ListB", ""]))
        elif local == "ilvl" and rng.random() < 0.5:
            e.set(key, rng.choice(["9", "-1", "255", "100000000000"]))
        else:
            e.set(key, rng.choice(HOSTILE_NUMBERS))
    if rng.random() < 0.2:  # a numStyleLink loop between two abstract numbers
        for k, ab in enumerate(root.iter(f"{{{W}}}abstractNum")):
            link = etree.SubElement(ab, f"{{{W}}}numStyleLink")
            link.set(f"{{{W}}}val", "ListA" if k % 2 else "ListB")


def m_numbering(rng: random.Random, data: bytes) -> bytes:
    return _mutate_part(rng, data, lambda n: n.endswith("numbering.xml"), _numbering_op)


def _long_op(rng: random.Random, root) -> None:  # noqa: ANN001
    from lxml import etree

    ts = list(root.iter(f"{{{W}}}t"))
    paras = list(root.iter(f"{{{W}}}p"))
    if rng.random() < 0.6 and ts:
        rng.choice(ts).text = _long_text(rng)[: 9 * 1024 * 1024 // 3]  # under lxml's 10 MB text-node cap
    elif paras:
        p = rng.choice(paras)
        parent = p.getparent()
        template = etree.fromstring(
            f'<w:p xmlns:w="{W}"><w:r><w:t>{rng.choice(["一、标题", "（一）小标题", "1.条目", "", "一是加强领导。"])}'
            "</w:t></w:r></w:p>"
        )
        k = parent.index(p)
        for _ in range(rng.choice([3000, 10000, 40000])):
            parent.insert(k, etree.fromstring(etree.tostring(template)))


def m_long(rng: random.Random, data: bytes) -> bytes:
    return _mutate_part(rng, data, lambda n: n == "word/document.xml", _long_op)


def m_txt(rng: random.Random, data: bytes) -> bytes:
    op = rng.random()
    if op < 0.3:
        return m_flip(rng, data)
    if op < 0.4:
        return m_truncate(rng, data)
    text = data.decode("utf-8", "replace")
    lines = text.splitlines()
    if op < 0.65:
        lines.insert(rng.randrange(len(lines) + 1), _long_text(rng))
    elif op < 0.8:
        lines = lines + [rng.choice(["一、标题", "", "（一）小标题"])] * rng.choice([3000, 20000, 60000])
    out = "\n".join(lines)
    enc = rng.choice(["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
    return out.encode(enc, "replace") if op >= 0.4 else out.encode()


DOCX_MUTATORS: list[tuple[str, Callable[[random.Random, bytes], bytes], float]] = [
    ("flip", m_flip, 1.0),
    ("truncate", m_truncate, 0.6),
    ("splice", m_splice, 0.6),
    ("corrupt-entry", m_corrupt_entry, 1.5),
    ("xml", m_xml, 3.0),
    ("numbering", m_numbering, 2.0),
    ("long", m_long, 1.5),
]


@dataclass
class Case:
    index: int
    seed_name: str
    mutations: list[str]
    suffix: str
    data: bytes


def make_case(index: int, seed: int, seeds: list[tuple[str, bytes]]) -> Case:
    rng = random.Random(seed * 1_000_003 + index)
    # Three cases in four start from a .docx (fewer seeds, many more ways to break).
    docx = [s for s in seeds if s[0].endswith(".docx")]
    txt = [s for s in seeds if not s[0].endswith(".docx")]
    pool = docx if (rng.random() < 0.75 or not txt) and docx else txt
    name, data = pool[rng.randrange(len(pool))]
    suffix = ".docx" if name.endswith(".docx") else ".txt"
    done: list[str] = []
    for _ in range(1 if rng.random() < 0.7 else 2):
        if suffix == ".txt":
            data, mut = m_txt(rng, data), "txt"
        else:
            names = [m[0] for m in DOCX_MUTATORS]
            weights = [m[2] for m in DOCX_MUTATORS]
            mut = rng.choices(names, weights)[0]
            func = next(m[1] for m in DOCX_MUTATORS if m[0] == mut)
            data = func(rng, data) or data
        done.append(mut)
    return Case(index, name, done, suffix, data)


# ---------------------------------------------------------------------------------------------
# Worker (a separate process running CLI commands on request)


def _peak_reset() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def _peak_mb() -> float:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker() -> int:
    """Serve JSON requests ``{"args": [...], "reopen": path|null}`` on stdin, one JSON reply per line."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (WORKER_AS_LIMIT, WORKER_AS_LIMIT))
    except (ImportError, ValueError, OSError):
        pass
    from linting import cli
    from linting.io import open_document
    from linting.io.errors import ReadError

    real_out = sys.stdout
    for line in sys.stdin:
        req = json.loads(line)
        _peak_reset()
        out, err = io.StringIO(), io.StringIO()
        t0 = time.perf_counter()
        c0 = time.process_time()
        crash = None
        code: int | None = None
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = cli.main(req["args"])
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else 2
        except BaseException:  # noqa: BLE001 - exactly what we look for
            crash = traceback.format_exc()
        reopen_error = None
        if req.get("reopen") and code in (0, 1) and os.path.exists(req["reopen"]):
            try:
                open_document(req["reopen"])
            except ReadError as e:
                reopen_error = e.reason
            except BaseException:  # noqa: BLE001
                reopen_error = traceback.format_exc()
        reply = {
            "code": code,
            "stderr": err.getvalue()[-4000:],
            "crash": crash,
            "reopen_error": reopen_error,
            "seconds": time.perf_counter() - t0,
            "cpu": time.process_time() - c0,
            "peak_mb": _peak_mb(),
        }
        real_out.write(json.dumps(reply) + "\n")
        real_out.flush()
    return 0


class Worker:
    """The parent's handle on one worker process, restarted after a hang."""

    def __init__(self, backups: str) -> None:
        self.proc: subprocess.Popen[str] | None = None
        self.backups = backups  # the workers' backup folder: never the user's

    def _start(self) -> subprocess.Popen[str]:
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONUTF8="1", REPORTLINT_BACKUP_DIR=self.backups)
        return subprocess.Popen(
            [sys.executable, "-m", "tests.fuzz", "--worker"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            env=env,
        )

    def run(self, args: list[str], reopen: str | None, timeout: float) -> dict | None:
        """The reply, or None when the command did not answer within ``timeout`` (worker killed)."""
        if self.proc is None or self.proc.poll() is not None:
            self.proc = self._start()
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps({"args": args, "reopen": reopen}) + "\n")
        self.proc.stdin.flush()
        import selectors

        sel = selectors.DefaultSelector()
        sel.register(self.proc.stdout, selectors.EVENT_READ)
        ready = sel.select(timeout)
        sel.close()
        line = self.proc.stdout.readline() if ready else ""
        if not line:
            self.close()
            return None
        reply = json.loads(line)
        if reply.get("peak_mb", 0) > MEMORY_LIMIT_MB / 2:
            # A process keeps memory it once took (and VmHWM can't drop below it): start the next
            # command in a fresh worker, so one heavy case is not blamed on the ones after it.
            self.close()
        return reply

    def close(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


# ---------------------------------------------------------------------------------------------
# Parent


@dataclass
class Finding:
    case: Case
    command: str
    kind: str
    detail: str


def _commands(path: Path, case: Case, work: Path) -> list[tuple[str, list[str], str | None]]:
    other = ".txt" if case.suffix == ".docx" else ".docx"
    fixed = work / f"fixed{case.suffix}"
    converted = work / f"converted{other}"
    return [
        ("check", ["check", "--format", "json", str(path)], None),
        ("fix", ["fix", str(path), "-o", str(fixed)], str(fixed)),
        ("convert", ["convert", str(path), "-o", str(converted)], str(converted)),
    ]


def _judge(case: Case, name: str, reply: dict | None) -> list[Finding]:
    if reply is None:
        return [Finding(case, name, "hang", f"no answer within {HANG_SECONDS:.0f} s")]
    out = []
    if reply["crash"]:
        out.append(Finding(case, name, "traceback", reply["crash"][-1500:]))
    if reply["code"] not in (0, 1, 2) and not reply["crash"]:
        out.append(Finding(case, name, "exit status", repr(reply["code"])))
    err = reply["stderr"]
    if NOT_PLAIN.search(err) or (reply["code"] == 2 and err.strip() and not CJK.search(err)):
        out.append(Finding(case, name, "not plain Chinese", err[-1500:]))
    else:
        for line in err.splitlines():
            reason = line.split(": ", 1)[1] if ": " in line and "case." in line.split(": ", 1)[0] else line
            leaked = [w for w in re.findall(r"[A-Za-z_]{4,}", reason) if w not in ALLOWED_WORDS]
            if leaked:
                out.append(Finding(case, name, "not plain Chinese", line[-800:]))
                break
    if reply["reopen_error"]:
        out.append(Finding(case, name, "output can't be reopened", reply["reopen_error"][-800:]))
    if reply["cpu"] > SLOW_CPU_SECONDS:
        out.append(Finding(case, name, "slow", f"{reply['cpu']:.1f} s of CPU ({reply['seconds']:.1f} s wall)"))
    if reply["peak_mb"] > MEMORY_LIMIT_MB:
        out.append(Finding(case, name, "memory", f"{reply['peak_mb']:.0f} MB"))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=20261201)
    ap.add_argument("--cases", type=int, default=400, help="at most this many cases (default 400)")
    ap.add_argument("--time", type=float, default=100.0, help="stop starting cases after this many seconds")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--keep", type=Path, help="copy the inputs of failing cases into this folder")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return worker()

    from concurrent.futures import ThreadPoolExecutor

    seeds = seed_files()
    started = time.perf_counter()
    deadline = started + args.time
    findings: list[Finding] = []
    stats: list[tuple[float, float, Case, str, int | None, float]] = []  # CPU s, MB, case, command, exit, wall s
    ran = [0]
    backups = tempfile.mkdtemp(prefix="reportlint-fuzz-backups-")

    def run_slot(slot: int) -> None:
        w = Worker(backups)
        try:
            for index in range(slot, args.cases, args.jobs):
                if time.perf_counter() > deadline:
                    return
                case = make_case(index, args.seed, seeds)
                with tempfile.TemporaryDirectory(prefix="reportlint-fuzz-") as tmp:
                    work = Path(tmp)
                    path = work / f"case{case.suffix}"
                    path.write_bytes(case.data)
                    for name, cmd, reopen in _commands(path, case, work):
                        reply = w.run(cmd, reopen, HANG_SECONDS)
                        found = _judge(case, name, reply)
                        findings.extend(found)
                        if reply is not None:
                            stats.append((reply["cpu"], reply["peak_mb"], case, name, reply["code"], reply["seconds"]))
                        if found and args.keep:
                            args.keep.mkdir(parents=True, exist_ok=True)
                            (args.keep / f"case{case.index:04d}{case.suffix}").write_bytes(case.data)
                ran[0] += 1
        finally:
            w.close()

    try:
        with ThreadPoolExecutor(args.jobs) as pool:
            list(pool.map(run_slot, range(args.jobs)))
    finally:
        shutil.rmtree(backups, ignore_errors=True)
    elapsed = time.perf_counter() - started

    def label(c: Case) -> str:
        return f"case {c.index} ({c.seed_name} + {'+'.join(c.mutations)}, {len(c.data):,} bytes)"

    print(f"fuzz: seed {args.seed}, {ran[0]} cases ({len(stats)} commands) in {elapsed:.0f} s, {args.jobs} workers")
    opened = sum(1 for s in stats if s[3] == "check" and s[4] in (0, 1))
    print(f"inputs that opened: {opened} of {ran[0]} (the rest were refused with a message)")
    if stats:
        slow = max(stats, key=lambda s: s[0])
        big = max(stats, key=lambda s: s[1])
        print(f"slowest command: {slow[0]:.2f} s of CPU — {slow[3]} of {label(slow[2])}")
        wall = max(stats, key=lambda s: s[5])
        print(f"longest wall time: {wall[5]:.2f} s — {wall[3]} of {label(wall[2])}")
        print(f"largest peak memory: {big[1]:.0f} MB — {big[3]} of {label(big[2])}")
    if not findings:
        print("no traceback, hang, unclear message or over-limit run")
        return 0
    print(f"{len(findings)} finding(s):")
    for f in findings:
        print(f"- {f.kind}: {f.command} of {label(f.case)}\n    " + f.detail.strip().replace("\n", "\n    "))
    return 1
