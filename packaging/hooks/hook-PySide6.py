"""PyInstaller's own hook for PySide6, without ``opengl32sw.dll`` (20 MB software OpenGL; a Widgets app paints
with the raster engine and never needs it)."""

from __future__ import annotations

import os

from PyInstaller.utils.hooks import check_requirement
from PyInstaller.utils.hooks.qt import ensure_single_qt_bindings_package, pyside6_library_info

ensure_single_qt_bindings_package("PySide6")

if pyside6_library_info.version is not None:
    hiddenimports = ["shiboken6", "inspect"]
    if check_requirement("PySide6 >= 6.4.0"):
        hiddenimports += ["PySide6.support.deprecated"]  # | and & on Qt enums
    binaries = [
        (src, dest)
        for src, dest in pyside6_library_info.collect_extra_binaries()
        if os.path.basename(src).lower() != "opengl32sw.dll"
    ]
