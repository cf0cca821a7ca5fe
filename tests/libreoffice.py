"""LibreOffice for tests: is it here, and converting a file with it (one place for the command line).

.ci/run installs LibreOffice; on a machine without it the tests that need it are skipped with
:data:`NO_SOFFICE` as the reason.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
NO_SOFFICE = "LibreOffice (soffice) is not installed here; .ci/run installs it"
#: Mark for a test that needs LibreOffice.
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason=NO_SOFFICE)

#: LibreOffice's filter for plain UTF-8 text.
TEXT = "txt:Text (encoded):UTF8"


def convert(
    files: Sequence[Path], to: str, outdir: Path, profile: Path, *, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    """``soffice --headless --convert-to TO`` of ``files`` into ``outdir``, with its own profile folder."""
    assert SOFFICE is not None
    return subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation=file://{profile}",
            "--convert-to",
            to,
            "--outdir",
            str(outdir),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def render_text(path: Path, tmp_path: Path) -> tuple[str, subprocess.CompletedProcess[str]]:
    """The text LibreOffice shows for ``path`` (UTF-8 text export), and the finished process."""
    out = tmp_path / "lo-out"
    proc = convert([path], TEXT, out, tmp_path / "lo-profile")
    result = out / (path.stem + ".txt")
    assert result.exists(), proc.stderr
    return result.read_text("utf-8-sig"), proc
