"""Which Qt plugins and translations the ReportLint bundle keeps (used by the hooks here and the spec).

Not a hook itself (PyInstaller only runs ``hook-*.py``); the spec puts this folder
on ``sys.path`` so the hooks can import it.  Filtering plugins *in the hooks*,
before PyInstaller's binary-dependency analysis, matters: a plugin dropped there
never drags its libraries in (``imageformats/qpdf`` → QtPdf, ``platforms/qwayland``
→ QtWaylandClient, ``tls`` → QtNetwork…).

A Widgets editor needs: a platform plugin (``windows``/``xcb`` for the window,
``offscreen`` for the self-test and CI, ``minimal`` as a fallback), the Windows 11
style, image formats for .ico and .svg (PNG is built into QtGui), the SVG icon
engine, and on Linux the input-method plugins (ibus, compose) for Chinese typing.
"""

from __future__ import annotations

import os
import re

#: plugin type → kept plugin base names (without ``lib``/``q`` prefix variations: see :func:`plugin_name`).
#: A type missing here is dropped entirely.
KEEP_PLUGINS: dict[str, set[str]] = {
    "platforms": {"qwindows", "qxcb", "qoffscreen", "qminimal", "qcocoa"},
    "styles": {"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"},
    "imageformats": {"qico", "qsvg"},
    "iconengines": {"qsvgicon"},
    "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},
    "platformthemes": {"qxdgdesktopportal"},
    "accessiblebridge": None,  # type: ignore[dict-item]  # all of them (accessibility), where shipped
    "printsupport": None,  # type: ignore[dict-item]  # only collected if the editor imports QtPrintSupport
}

#: Qt translation catalogues kept: Qt's own strings (dialogs, context menus) in Chinese and English.
KEEP_TRANSLATION = re.compile(r"^(qt|qtbase)_(zh_CN|en)\.qm$")


def plugin_name(filename: str) -> str:
    """``libqxcb.so`` / ``qwindows.dll`` / ``qwindowsd.dll`` → ``qxcb`` / ``qwindows``."""
    stem = os.path.basename(filename).split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_plugin(dest_dir: str, filename: str) -> bool:
    """Whether a plugin collected into ``dest_dir`` (``…/plugins/<type>``) stays in the bundle."""
    plugin_type = dest_dir.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    if plugin_type not in KEEP_PLUGINS:
        return False
    kept = KEEP_PLUGINS[plugin_type]
    return kept is None or plugin_name(filename) in kept


def filter_plugins(binaries: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``(source, dest_dir)`` pairs from a Qt hook, minus the plugins ReportLint doesn't use."""
    out = []
    for src, dest in binaries:
        parts = dest.replace("\\", "/").split("/")
        if "plugins" in parts and not keep_plugin(dest, src):
            continue
        out.append((src, dest))
    return out


def keep_data_file(dest_name: str) -> bool:
    """For the spec's final filter of ``Analysis.datas``: drop Qt translations other than zh_CN/en."""
    parts = dest_name.replace("\\", "/").split("/")
    if "translations" in parts and parts[-1].endswith(".qm") and parts[0].startswith("PySide6"):
        return bool(KEEP_TRANSLATION.match(parts[-1]))
    return True
