"""``python main.py``: the sample as an untitled copy, --self-test equal to the CLI, --screenshot."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "示例-XX局2024年度工作总结.txt"


def _cli_counts(path: Path) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-m", "linting", "check", str(path), "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    rec = json.loads(out.stdout)["files"][0]
    return {
        "outline": len(rec["outline"]),
        "problems": dict(sorted(Counter(p["rule"] for p in rec["problems"]).items())),
    }


def _main(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", env=env
    )


def test_self_test_prints_the_cli_counts_for_the_sample() -> None:
    res = _main("--self-test", str(SAMPLE))
    assert res.returncode == 0, res.stderr
    lines = [ln for ln in res.stdout.splitlines() if ln.strip()]
    assert len(lines) == 1
    assert json.loads(lines[0]) == _cli_counts(SAMPLE)


def test_self_test_on_a_docx_equals_the_cli(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("关于加强安全生产工作的请示")
    d.add_heading("一、基本情况", level=1)
    d.add_paragraph("今年以来,我局按照按照上级要求开展检查。")
    d.add_heading("三、存在问题", level=1)
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "XX单位"
    t.cell(0, 1).text = "二十次"
    f = tmp_path / "请示.docx"
    d.save(str(f))
    res = _main("--self-test", str(f))
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout.strip().splitlines()[-1]) == _cli_counts(f)


def test_self_test_exits_2_on_an_unreadable_file(tmp_path: Path) -> None:
    bad = tmp_path / "空.docx"
    bad.write_bytes(b"")
    res = _main("--self-test", str(bad))
    assert res.returncode == 2
    assert res.stdout.strip() == "" and str(bad.name) in res.stderr


def test_screenshot_writes_a_png_of_the_window(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    res = _main("--screenshot", str(out), "--size", "1200x800")
    assert res.returncode == 0, res.stderr
    from PySide6.QtGui import QImage

    img = QImage(str(out))
    assert not img.isNull() and (img.width(), img.height()) == (1200, 800)


def test_run_without_files_opens_the_sample_as_an_untitled_copy(qtbot, monkeypatch) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui import app, main_window
    from ui.app import lint_finished

    seen: dict[str, object] = {}

    def inspect_and_close() -> None:
        wins = main_window.windows()
        if not wins or not lint_finished(wins[0]):
            QTimer.singleShot(50, inspect_and_close)
            return
        w = wins[0]
        seen["count"] = len(wins)
        seen["untitled"] = w.session.is_untitled
        seen["title"] = w.windowTitle()
        seen["problems"] = len(w.visible_problems())
        for x in wins:
            x.close()
        QApplication.instance().quit()

    monkeypatch.setattr(app, "_recovery", None)
    QTimer.singleShot(0, inspect_and_close)
    assert app.run([]) == 0
    monkeypatch.setattr(app, "_recovery", None)
    assert seen["count"] == 1 and seen["untitled"] is True
    assert seen["title"] == f"{SAMPLE.stem} - ReportLint"
    assert seen["problems"] > 0


@pytest.mark.parametrize("argv", [["--help"]])
def test_help_mentions_the_cli(argv: list[str]) -> None:
    res = _main(*argv)
    assert res.returncode == 0 and "python -m linting" in res.stdout
