"""The Windows build's spec, built here on Linux: a broken spec, hook or missing file fails CI.

Quick checks (always run): the spec and hooks name no machine-specific path, the
version resource and the icon are well formed, the Qt plugin selection keeps what
a Widgets app needs.

Slow checks (marked ``slow``: left out with ``-m "not slow"`` or ``REPORTLINT_SLOW=0``; CI runs them):
build the bundle with ``packaging/build.py`` into a temp folder, run the built
``ReportLint --self-test`` on the samples offscreen and compare with the built and
the source command lines; ask the package index whether every pinned dependency
has a wheel for the Windows build's Python.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import re
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "ReportLint.spec"
WORKFLOW = ROOT / ".github" / "workflows" / "windows.yml"


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


build = _load("reportlint_build", PACKAGING / "build.py")
smoke = _load("reportlint_smoke", PACKAGING / "smoke_test.py")
qt_selection = _load("reportlint_qt_selection", PACKAGING / "hooks" / "qt_selection.py")


def _slow_enabled(config: pytest.Config) -> bool:
    # Selection is pytest's own (`-m "not slow"` leaves these out); REPORTLINT_SLOW=0 is the other switch.
    return os.environ.get("REPORTLINT_SLOW") != "0"


@pytest.fixture
def slow(request: pytest.FixtureRequest) -> None:
    if not _slow_enabled(request.config):
        pytest.skip("slow: builds the PyInstaller bundle or asks the package index; REPORTLINT_SLOW=0 is set")


# --- quick checks -------------------------------------------------------------------------------------------


def _string_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"), str(path))
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def test_spec_names_no_machine_specific_path() -> None:
    """Paths are joined from SPECPATH with os.path: no '/', '\\', drive, site-packages or .so in the spec's strings."""
    literals = _string_literals(SPEC)
    assert "main.py" in literals and "reportlint.ico" in literals  # the walk sees the spec's strings
    offenders = [s for s in literals if "\n" not in s and re.search(r"[/\\]|^[A-Za-z]:|site-packages|\.so\b", s)]
    assert offenders == []
    for path in [SPEC, *(PACKAGING / "hooks").glob("*.py")]:
        text = path.read_text("utf-8")
        assert not re.search(r"/(usr|home|root|tmp|opt)/|[A-Za-z]:\\\\|\.pyenv|python3\.\d+/", text), path.name


def test_version_resource_comes_from_pyproject() -> None:
    version = build.project_version()
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", version)
    text = build.version_info_text(version, build.DESCRIPTION, build.APP_NAME)
    assert f"filevers={build.version_tuple(version)}" in text
    assert "'ReportLint 公文结构校对'" in text and "'ReportLint.exe'" in text and f"'{version}'" in text
    assert build.version_tuple("1.2rc1") == (1, 2, 0, 0)
    assert build.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert build.version_tuple("2.3.4.5.6") == (2, 3, 4, 5)


def test_version_file_evaluates_to_the_resource() -> None:
    """PyInstaller eval()s the file with its VSVersionInfo classes (Windows-only imports): same names here."""
    strings: dict[str, str] = {}
    fixed: dict[str, object] = {}

    def record(kind: str) -> Callable[..., tuple[str, tuple, dict]]:
        def make(*args: object, **kwargs: object) -> tuple[str, tuple, dict]:
            if kind == "StringStruct":
                strings[str(args[0])] = str(args[1])
            if kind == "FixedFileInfo":
                fixed.update(kwargs)
            return (kind, args, kwargs)

        return make

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo"]
    namespace = {n: record(n) for n in [*names, "VarStruct"]}
    root = eval(build.version_info_text("1.4.2", build.DESCRIPTION, build.APP_NAME), namespace)  # noqa: S307
    assert root[0] == "VSVersionInfo"
    assert fixed["filevers"] == fixed["prodvers"] == (1, 4, 2, 0)
    assert strings["FileDescription"] == "ReportLint 公文结构校对"
    assert strings["ProductVersion"] == strings["FileVersion"] == "1.4.2"
    assert strings["OriginalFilename"] == "ReportLint.exe" and strings["CompanyName"]


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_icon_files_are_png_and_multi_size_png_in_ico() -> None:
    icons = ROOT / "resources" / "icons"
    assert _png_size((icons / "reportlint.png").read_bytes()) == (256, 256)
    ico = (icons / "reportlint.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        w, h, _colors, _res, _planes, _bpp, length, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i])
        size = _png_size(ico[offset : offset + length])
        assert size == (w or 256, h or 256)
        sizes.add(size[0])
    assert {16, 32, 48, 256} <= sizes


def test_qt_selection_keeps_what_a_widgets_app_needs() -> None:
    keep = qt_selection.keep_plugin
    assert keep("PySide6/plugins/platforms", "C:/x/qwindows.dll")
    assert keep("PySide6/Qt/plugins/platforms", "/x/libqxcb.so")
    assert keep("PySide6/plugins/platforms", "qoffscreen.dll")
    assert keep("PySide6/plugins/styles", "qmodernwindowsstyle.dll")
    assert keep("PySide6\\plugins\\imageformats", "qico.dll") and keep("PySide6/plugins/imageformats", "qsvg.dll")
    assert not keep("PySide6/plugins/imageformats", "qpdf.dll")
    assert not keep("PySide6/plugins/platforms", "qdirect2d.dll")
    assert not keep("PySide6/Qt/plugins/tls", "libqopensslbackend.so")
    assert not keep("PySide6/Qt/plugins/platforms", "libqwayland.so")
    assert qt_selection.keep_data_file("PySide6/translations/qtbase_zh_CN.qm")
    assert qt_selection.keep_data_file("PySide6/Qt/translations/qt_en.qm")
    assert not qt_selection.keep_data_file("PySide6/translations/qtbase_de.qm")
    assert not qt_selection.keep_data_file("PySide6/translations/qtdeclarative_zh_CN.qm")
    assert qt_selection.keep_data_file("resources/i18n/reportlint_en.qm")


def test_smoke_counts_parse_both_outputs() -> None:
    check = {
        "files": [{"outline": [{"level": 1}, {"level": 2}], "problems": [{"rule": "a"}, {"rule": "b"}, {"rule": "a"}]}]
    }
    assert smoke.counts_from_check_json(check) == smoke.Counts(2, {"a": 2, "b": 1})
    out = 'qt.qpa.fonts: something\n{"outline": 2, "problems": {"b": 1, "a": 2}}\n'
    assert smoke.counts_from_self_test(out) == smoke.Counts(2, {"a": 2, "b": 1})
    with pytest.raises(ValueError):
        smoke.counts_from_self_test("Traceback …\n")


def test_installer_is_per_user_and_never_takes_over_docx_or_txt() -> None:
    raw = (PACKAGING / "ReportLint.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Inno Setup reads the Chinese messages right
    text = raw.decode("utf-8-sig")
    setup = dict(
        line.split("=", 1) for line in text.split("[Setup]", 1)[1].split("\n[", 1)[0].splitlines() if "=" in line
    )
    assert setup["PrivilegesRequired"].strip() == "lowest"
    assert setup["DefaultDirName"].strip() == r"{localappdata}\Programs\ReportLint"
    assert (PACKAGING / setup["SetupIconFile"].strip().replace("\\", "/")).resolve().is_file()
    registry = [line for line in text.splitlines() if line.startswith("Root:")]
    assert registry and all(line.startswith("Root: HKCU;") for line in registry)  # no machine-wide key
    for ext in (".docx", ".txt"):
        own = [line for line in registry if f'Subkey: "Software\\Classes\\{ext}' in line]
        assert own and all(f'"Software\\Classes\\{ext}\\OpenWithProgids"' in line for line in own), ext
        assert all("uninsdeletevalue" in line for line in own)
    assert "chinesesimplified" in text and "english" in text
    assert "usPostUninstall" in text and "MB_DEFBUTTON2" in text  # user data kept unless the user says yes


# --- slow: build and run ------------------------------------------------------------------------------------


@pytest.fixture
def bundle(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    if not _slow_enabled(request.config):
        pytest.skip("slow: builds the PyInstaller bundle; REPORTLINT_SLOW=0 is set")
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed: pip install -r packaging/requirements-build.txt")
    out = tmp_path_factory.mktemp("build")
    proc = subprocess.run(
        [sys.executable, str(PACKAGING / "build.py"), "--dist", str(out / "dist"), "--work", str(out / "work")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-6000:]
    assert "MB" in proc.stdout  # it reports the sizes
    return out / "dist" / build.APP_NAME


@pytest.mark.slow
def test_built_bundle(bundle: Path, tmp_path: Path) -> None:
    """One test per build (two would build twice in parallel under xdist, sharing PyInstaller's cache)."""
    _check_contents(bundle)
    _check_self_test_matches_the_command_lines(bundle, tmp_path)


def _check_self_test_matches_the_command_lines(bundle: Path, tmp_path: Path) -> None:
    samples = smoke.default_samples()
    assert samples
    failures = smoke.check_bundle(bundle, samples)  # built editor == built CLI; nothing written in the bundle
    assert failures == []
    env = smoke.isolated_env(tmp_path)
    for sample in samples:
        built, _seconds = smoke.editor_counts(bundle, sample, env)
        env_src = dict(env, PYTHONPATH=str(ROOT))
        source = smoke.cli_counts([sys.executable, "-m", "linting"], sample, env_src)
        assert built == source, sample.name
        assert built.outline > 0 and sum(built.problems.values()) > 0  # the sample is full of defects


def _check_contents(bundle: Path) -> None:
    """The bundle holds what the app needs and nothing it doesn't."""
    exe = ".exe" if os.name == "nt" else ""
    assert (bundle / f"ReportLint{exe}").is_file() and (bundle / f"reportlint-cli{exe}").is_file()
    internal = bundle / "_internal"
    files = [p.relative_to(internal).as_posix() for p in internal.rglob("*") if p.is_file() or p.is_symlink()]
    names = {f.rsplit("/", 1)[-1] for f in files}
    assert "linting/data/defaults.toml" in files
    assert any(f.startswith("resources/samples/") for f in files)
    assert "resources/icons/reportlint.png" in files and "resources/icons/reportlint.ico" in files
    for qm in (ROOT / "resources").rglob("*.qm"):  # the editor's own translations
        assert qm.relative_to(ROOT).as_posix() in files
    assert [f for f in files if f.startswith("resources/") and f.endswith((".ts", ".py", ".json"))] == []
    assert [f for f in files if f.startswith("jieba/")] == ["jieba/dict.txt"]
    qms = sorted(f.rsplit("/", 1)[-1] for f in files if f.startswith("PySide6") and f.endswith(".qm"))
    assert qms and all(re.match(r"(qt|qtbase)_(zh_CN|en)\.qm$", n) for n in qms), qms
    assert any(re.match(r"(lib)?qoffscreen\.(so|dll)$", n) for n in names)
    unwanted = re.compile(
        r"opengl32sw|Qt6?(Network|Qml|Quick|Pdf|WebEngine|Multimedia|OpenGL)|qwayland|qpdf|pkg_resources"
    )
    assert sorted(f for f in files if unwanted.search(f)) == []
    version = build.project_version()
    zips = list(bundle.parent.glob(f"ReportLint-{version}-*.zip"))
    assert len(zips) == 1
    with zipfile.ZipFile(zips[0]) as zf:
        assert f"ReportLint/ReportLint{exe}" in zf.namelist()


# --- slow: the package index --------------------------------------------------------------------------------

#: Published only as a source distribution; pure Python, so pip installs it on Windows without a compiler.
PURE_PYTHON_SDISTS = {"jieba"}
_NETWORK_ERRORS = re.compile(
    r"NewConnectionError|Failed to establish a new connection|Temporary failure in name resolution|"
    r"Name or service not known|ConnectTimeout|ProxyError|Network is unreachable|Connection refused|getaddrinfo failed"
)


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            name, _, version = line.partition("==")
            assert version, f"{path.name}: {line!r} is not pinned"
            pins[name.strip().lower().replace("_", "-")] = version.strip()
    return pins


def _windows_python() -> str:
    m = re.search(r"python-version:\s*['\"]?(\d+\.\d+)", WORKFLOW.read_text("utf-8"))
    assert m, "the Windows workflow names its Python version"
    return m.group(1)


@pytest.mark.slow
@pytest.mark.parametrize(
    "requirements", ["requirements.txt", "requirements-dev.txt", "packaging/requirements-build.txt"]
)
def test_pinned_dependencies_have_windows_wheels(slow: None, requirements: str, tmp_path: Path) -> None:
    """Resolve each pin (and what it pulls in) for win_amd64 and the workflow's Python, wheels only.

    ``pip install --dry-run --report`` resolves exactly like ``pip download --only-binary=:all:
    --platform win_amd64`` but reads the wheels' metadata instead of downloading them (PySide6's is 80 MB).
    """
    pins = _pins(ROOT / requirements)
    binary = [f"{n}=={v}" for n, v in pins.items() if n not in PURE_PYTHON_SDISTS]
    report = tmp_path / "report.json"
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--dry-run",
        "--ignore-installed",
        "--only-binary=:all:",
        "--platform",
        "win_amd64",
        "--python-version",
        _windows_python(),
        "--target",
        str(tmp_path / "target"),
        "--report",
        str(report),
        "--quiet",
        "--retries",
        "1",
        "--timeout",
        "30",
        *binary,
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if proc.returncode != 0 and _NETWORK_ERRORS.search(proc.stderr):
        pytest.skip(f"the package index is not reachable: {_NETWORK_ERRORS.search(proc.stderr).group(0)}")
    assert proc.returncode == 0, proc.stderr[-3000:]
    installed = json.loads(report.read_text("utf-8"))["install"]
    chosen = {i["metadata"]["name"].lower().replace("_", "-"): i for i in installed}
    for name, version in pins.items():
        if name in PURE_PYTHON_SDISTS:
            continue
        assert chosen[name]["metadata"]["version"] == version
    for name, item in chosen.items():
        wheel = item["download_info"]["url"].rsplit("/", 1)[-1]
        assert wheel.endswith(("win_amd64.whl", "-none-any.whl")), (name, wheel)
    import importlib.metadata

    for name in PURE_PYTHON_SDISTS & pins.keys():
        dist = importlib.metadata.distribution(name)
        assert dist.version == pins[name]
        compiled = [str(f) for f in dist.files or [] if str(f).endswith((".so", ".pyd", ".dll", ".c"))]
        assert compiled == [], f"{name} is no longer pure Python: it needs a Windows wheel"
