"""PyInstaller's own hook for PySide6.QtGui, minus the Qt plugins ReportLint doesn't ship (see qt_selection.py)."""

from __future__ import annotations

from PyInstaller.utils.hooks.qt import add_qt6_dependencies
from qt_selection import filter_plugins

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = filter_plugins(binaries)
