"""Make the two README pictures: the HTML batch report and an annotated page.

    python docs/make_pictures.py [--outdir docs]

* ``report.png``: ``check --format html`` over the bundled sample and the test drafts,
  rendered by headless Chromium (``chromium``/``chromium-browser``/``google-chrome``);
* ``annotated.png``: the sample annotated with ``annotate`` (comments + tracked changes),
  printed to PDF by LibreOffice with the comments as note icons, page 1 rasterised by
  ``pdftoppm`` (poppler-utils).

Needs those three programs (Debian: ``apt-get install chromium poppler-utils libreoffice``);
everything runs offline.  Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from linting.cli import main as cli  # noqa: E402

SAMPLE = next((ROOT / "resources" / "samples").glob("*.txt"))
DRAFTS = [
    SAMPLE,
    ROOT / "tests" / "data" / "tricky" / "01-anjian-zongjie.txt",
    ROOT / "tests" / "data" / "tricky" / "05-zhuangbei-qingshi.txt",
    ROOT / "tests" / "data" / "holdout" / "02-qingkuang.draft.txt",
    ROOT / "tests" / "data" / "holdout" / "04-tongzhi.draft.txt",
]


def _which(*names: str) -> str:
    for n in names:
        found = shutil.which(n)
        if found:
            return found
    raise SystemExit(f"需要安装 {names[0]}（找不到 {' / '.join(names)}）")


def report_png(out: Path, work: Path) -> None:
    chromium = _which("chromium", "chromium-browser", "google-chrome")
    html = work / "report.html"
    cwd = Path.cwd()
    try:  # paths in the page relative to the repository, as a user would type them
        os.chdir(ROOT)
        cli(["check", "--format", "html", "-o", str(html), *(str(d.relative_to(ROOT)) for d in DRAFTS)])
    finally:
        os.chdir(cwd)
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--user-data-dir={work / 'chromium'}",
            "--window-size=1360,1500",
            f"--screenshot={out}",
            html.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


def annotated_png(out: Path, work: Path) -> None:
    soffice = _which("soffice", "libreoffice")
    pdftoppm = _which("pdftoppm")
    docx = work / "示例_校对意见.docx"
    cli(["annotate", str(SAMPLE), "-o", str(docx)])
    # LibreOffice 7.4 can't put comments in the margin of a PDF: they are exported as PDF
    # annotations (a note icon at each anchor), tracked changes as coloured strike/underline.
    pdf_filter = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation={(work / 'lo-profile').as_uri()}",
            "--convert-to",
            pdf_filter,
            "--outdir",
            str(work),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = docx.with_suffix(".pdf")
    subprocess.run(
        [pdftoppm, "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(out.with_suffix(""))],
        check=True,
        timeout=120,
    )


def run(outdir: Path) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="reportlint-shots-") as tmp:
        work = Path(tmp)
        report_png(outdir / "report.png", work)
        annotated_png(outdir / "annotated.png", work)
    print(f"已生成 {outdir / 'report.png'} 和 {outdir / 'annotated.png'}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--outdir", type=Path, default=ROOT / "docs")
    run(ap.parse_args().outdir)
