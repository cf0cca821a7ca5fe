"""Compare our Word list labels (``Paragraph.auto_number``) with LibreOffice's rendering.

Run ``python -m tests.bench.numbering [-v] [FILE_OR_DIR ...]``.  Without arguments it compares every
.docx it can reach: the project's own fixtures (``tests/data/**``) and, when present, the outside
corpus (``../shared/corpus/{docx,real,seed}``; absent folders are skipped with a note).

LibreOffice (``soffice``) exports each file as UTF-8 text, which writes list labels in front of the
paragraph text.  Paragraphs are aligned in order: our paragraph text (whitespace and ``￼`` removed)
must end the LibreOffice line, and what precedes it is LibreOffice's label.  A LibreOffice label made
only of symbols (``•``, ``➢``, private-use glyphs) is a bullet, which we don't label (``None``).

Printed: per file the paragraphs aligned, those with a label on either side, and the disagreements;
``-v`` lists every disagreement (ours vs LibreOffice).  LibreOffice is not Word: a disagreement must
be judged against ECMA-376 §17.9 (see the module notes in ``linting/io/docx_numbering.py``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from linting.io.docx_read import read_docx

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "corpus"
WINDOW = 60  # LibreOffice lines searched ahead for one paragraph
MAX_LABEL = 24  # a longer prefix is not a label (the alignment went wrong)


def _norm(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace() and ch not in "\ufffc\ufeff\u200b")


def _is_bullet(label: str) -> bool:
    return bool(label) and not any(unicodedata.category(ch)[0] in "LN" for ch in label)


@dataclass
class FileResult:
    """The comparison of one file."""

    path: Path
    paragraphs: int = 0
    aligned: int = 0
    labelled: int = 0
    agree: int = 0
    diffs: list[tuple[int, str | None, str | None, str]] = field(default_factory=list)
    error: str | None = None


def compare(path: Path, lo_text: str) -> FileResult:
    """Align ``path``'s paragraphs with LibreOffice's text export ``lo_text`` and compare labels."""
    res = FileResult(path)
    try:
        doc = read_docx(path)
    except Exception as exc:  # noqa: BLE001 - a file we refuse is reported, not fatal
        res.error = f"ours: {type(exc).__name__}"
        return res
    lines = [_norm(line) for line in lo_text.splitlines()]
    j = 0
    res.paragraphs = len(doc.paragraphs)
    for i, p in enumerate(doc.paragraphs):
        ours = _norm(p.auto_number or "") or None
        text = _norm(p.text)
        found = None
        for k in range(j, min(len(lines), j + WINDOW)):
            line = lines[k]
            if text:
                if line.endswith(text) and len(line) - len(text) <= MAX_LABEL:
                    found = k, line[: len(line) - len(text)]
                    break
            elif line == (ours or "") or (len(line) <= MAX_LABEL and line and not ours and _is_bullet(line)):
                found = k, line
                break
        if found is None:
            continue
        j = found[0] + 1
        theirs: str | None = found[1] or None
        if ours is None and theirs is not None and text:
            # a literal number typed in the text is no label: LibreOffice's prefix must be one
            if _is_bullet(theirs):
                theirs = None
        elif theirs is not None and _is_bullet(theirs):
            theirs = None
        if ours is None and theirs is not None and p.read_only and text.startswith(theirs):
            theirs = None  # LibreOffice writes tracked deletions too: "按照" + "按照市…" is no label
        res.aligned += 1
        if ours is None and theirs is None:
            continue
        res.labelled += 1
        if ours == theirs:
            res.agree += 1
        else:
            res.diffs.append((i, ours, theirs, p.text[:30]))
    return res


def _convert(files: list[Path], out: Path, profile: Path) -> dict[Path, str]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is not installed: nothing to compare against")
    texts: dict[Path, str] = {}
    by_dir: dict[Path, list[Path]] = {}
    for f in files:
        by_dir.setdefault(f.parent, []).append(f)
    for n, (_, group) in enumerate(sorted(by_dir.items())):
        dest = out / str(n)
        dest.mkdir(parents=True)
        subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to",
             "txt:Text (encoded):UTF8", "--outdir", str(dest), *map(str, group)],
            check=False, capture_output=True, timeout=600,
        )  # fmt: skip
        for f in group:
            txt = dest / (f.stem + ".txt")
            if txt.exists():
                texts[f] = txt.read_text(encoding="utf-8-sig", errors="replace")
    return texts


def default_files() -> list[Path]:
    """Every .docx reachable: our fixtures, then the outside corpus folders that exist."""
    files = sorted((REPO / "tests" / "data").rglob("*.docx"))
    for sub in ("docx", "real", "seed"):
        folder = SHARED / sub
        if folder.is_dir():
            files += sorted(folder.glob("*.docx"))
        else:
            print(f"(skipped: {folder} is absent)", file=sys.stderr)
    return [f for f in files if not f.name.startswith("~$")]


def main(argv: list[str] | None = None) -> int:
    """Compare and print the figures; exit 0."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    ap.add_argument("--cases", action="store_true", help="also the made-up corner cases of tests/io/numbering_cases.py")
    args = ap.parse_args(argv)
    files: list[Path] = []
    for p in args.paths:
        files += sorted(p.rglob("*.docx")) if p.is_dir() else [p]
    files = files or default_files()
    with tempfile.TemporaryDirectory() as tmp:
        if args.cases:
            from tests.io.numbering_cases import CASES

            (Path(tmp) / "cases").mkdir()
            for name, case in CASES.items():
                f = Path(tmp) / "cases" / f"{name}.docx"
                f.write_bytes(case.build())
                files.append(f)
        texts = _convert(files, Path(tmp) / "out", Path(tmp) / "profile")
        results = [compare(f, texts[f]) if f in texts else FileResult(f, error="LibreOffice: no output") for f in files]
    tot = FileResult(Path("total"))
    for r in results:
        for name in ("paragraphs", "aligned", "labelled", "agree"):
            setattr(tot, name, getattr(tot, name) + getattr(r, name))
        status = r.error or f"{r.aligned}/{r.paragraphs} aligned, {r.labelled} labelled, {len(r.diffs)} differ"
        if r.error or r.diffs or args.verbose:
            print(f"{r.path.name}: {status}")
        if args.verbose:
            for i, ours, theirs, text in r.diffs:
                print(f"    ¶{i}: ours {ours!r} vs LibreOffice {theirs!r}  {text!r}")
    pct = 100.0 * tot.agree / tot.labelled if tot.labelled else 100.0
    print(
        f"{len(files)} files ({sum(1 for r in results if r.error)} unread), {tot.paragraphs} paragraphs, "
        f"{tot.aligned} aligned, {tot.labelled} with a label, {tot.agree} agree ({pct:.1f}%), "
        f"{tot.labelled - tot.agree} differ in {sum(1 for r in results if r.diffs)} files"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
