"""Start time of the built editor to a shown window, on Linux under Xvfb (the Windows build's proxy).

    python packaging/measure_start.py [--bundle dist/ReportLint] [--runs 5] [--source]

Starts a private Xvfb display, launches ``ReportLint`` (no argument: it opens the bundled
sample) with the real ``xcb`` platform plugin, and polls ``xwininfo`` until a top-level
window titled ``…ReportLint…`` is viewable; prints the median, min and max over the runs
(after a first start in a fresh profile, reported separately).
``--source`` measures ``python main.py`` the same way, for comparison.  A figure, not a test:
it prints and never asserts.  Needs ``Xvfb`` and ``xwininfo`` (Debian: xvfb, x11-utils).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def window_shown(env: dict[str, str]) -> bool:
    """A viewable top-level window whose title mentions ReportLint exists on the display."""
    out = subprocess.run(["xwininfo", "-root", "-children"], capture_output=True, text=True, env=env).stdout
    for line in out.splitlines():
        if "ReportLint" in line and '"' in line:
            wid = line.split()[0]
            info = subprocess.run(["xwininfo", "-id", wid], capture_output=True, text=True, env=env).stdout
            if "IsViewable" in info:
                return True
    return False


def one_run(cmd: list[str], env: dict[str, str], timeout: float = 60.0) -> float:
    """Seconds from launch to a shown window (the process is then terminated)."""
    deadline = time.monotonic() + 10
    while window_shown(env):  # the previous run's window must be gone first
        if time.monotonic() > deadline:
            raise RuntimeError("a ReportLint window is still on the display")
        time.sleep(0.05)
    started = time.monotonic()
    log = Path(env["HOME"]) / "stderr.txt"
    with open(log, "wb") as err:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err, cwd=env["HOME"])
    try:
        while time.monotonic() - started < timeout:
            if window_shown(env):
                return time.monotonic() - started
            if proc.poll() is not None:
                tail = log.read_text("utf-8", errors="replace")[-2000:]
                raise RuntimeError(f"{cmd[0]} exited {proc.returncode} before showing a window:\n{tail}")
            time.sleep(0.02)
        raise RuntimeError(f"no window after {timeout:.0f} s")
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """A private Xvfb on a free display number (``-displayfd``: no clash with other users' displays)."""
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1920x1080x24", "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_fd,),
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as r:
        number = r.readline().strip()
    if not number:
        xvfb.terminate()
        raise RuntimeError("Xvfb did not start")
    return xvfb, f":{number}"


def measure(cmd: list[str], runs: int, scratch: Path, display: str) -> list[float]:
    scratch.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        HOME=str(scratch),
        REPORTLINT_DATA_DIR=str(scratch / "data"),
        XDG_CONFIG_HOME=str(scratch / "config"),
        XDG_CACHE_HOME=str(scratch / "cache"),
    )
    first = one_run(cmd, env)  # fresh profile: no jieba cache file, no settings yet
    return [first] + [one_run(cmd, env) for _ in range(runs)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "ReportLint")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--source", action="store_true", help="also measure `python main.py`")
    args = parser.parse_args(argv)
    if not (shutil.which("Xvfb") and shutil.which("xwininfo")):
        print("needs Xvfb and xwininfo", file=sys.stderr)
        return 2
    xvfb, display = start_xvfb()
    try:
        with tempfile.TemporaryDirectory(prefix="reportlint-start-") as tmp:
            targets = [("bundle", [str(args.bundle.resolve() / "ReportLint")])]
            if args.source:
                targets.append(("source", [sys.executable, str(ROOT / "main.py")]))
            for name, cmd in targets:
                first, *times = measure(cmd, args.runs, Path(tmp) / name, display)
                print(
                    f"{name}: window shown after {statistics.median(times):.2f} s median "
                    f"(min {min(times):.2f}, max {max(times):.2f}, {len(times)} runs; "
                    f"first start in a fresh profile {first:.2f} s)"
                )
    finally:
        xvfb.terminate()
        xvfb.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
