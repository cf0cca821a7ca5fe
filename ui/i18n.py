"""Languages: Chinese (the source language, default) and English, through Qt's translation system.

Every user-visible string in ``ui/`` is a Chinese source string wrapped in
``self.tr`` / ``QCoreApplication.translate``; ``resources/i18n/update.py``
extracts them into ``reportlint_en.ts`` (with the English translations) and
compiles ``reportlint_en.qm``.  Qt's own dialogs (file dialogs, message box
buttons) are translated to Chinese with ``qtbase_zh_CN.qm`` from PySide6's
translations folder.

The language is, in order: the ``language`` argument, the QSettings value
``"language"`` (``"zh_CN"`` or ``"en"``), then the system locale (Chinese →
``"zh_CN"``, anything else → ``"en"``).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

__all__ = [
    "LANGUAGES",
    "SETTINGS_KEY",
    "choose_language",
    "current_language",
    "install_translators",
    "resource_dir",
    "qm_path",
]

#: Supported languages: code → name shown in the settings (each in its own language).
LANGUAGES: dict[str, str] = {"zh_CN": "中文", "en": "English"}
#: QSettings key holding the chosen language.
SETTINGS_KEY = "language"

_installed: list[QTranslator] = []
_current: list[str] = []  # the language install_translators chose last


def resource_dir() -> Path:
    """The ``resources/`` folder: next to the code, or inside a PyInstaller bundle (``sys._MEIPASS``)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def qm_path(language: str = "en") -> Path:
    """Our compiled translation for ``language``."""
    return resource_dir() / "i18n" / f"reportlint_{language}.qm"


def _normalize(language: str | None) -> str | None:
    if not language:
        return None
    lang = str(language).strip().replace("-", "_")
    if lang.lower().startswith("zh"):
        return "zh_CN"
    if lang.lower().startswith("en"):
        return "en"
    return None


def choose_language(language: str | None = None) -> str:
    """``"zh_CN"`` or ``"en"``: the argument, else QSettings ``"language"``, else the system locale."""
    chosen = _normalize(language)
    if chosen:
        return chosen
    chosen = _normalize(str(QSettings().value(SETTINGS_KEY, "", str) or ""))
    if chosen:
        return chosen
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def current_language() -> str:
    """The language the running interface was installed in (``--lang`` included), else :func:`choose_language`."""
    return _current[0] if _current else choose_language()


def _qt_translations_dirs() -> list[Path]:
    dirs = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        dirs += [Path(bundle) / "PySide6" / "Qt" / "translations", Path(bundle) / "PySide6" / "translations"]
    dirs.append(resource_dir() / "i18n")
    return dirs


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Install the translators for the chosen language on ``app``; return ``"zh_CN"`` or ``"en"``.

    Calling it again replaces the translators installed before (widgets that
    already exist keep their texts until they are re-created).
    """
    lang = choose_language(language)
    _current[:] = [lang]
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if lang == "en":
        ours = QTranslator(app)
        if ours.load(str(qm_path("en"))):
            app.installTranslator(ours)
            _installed.append(ours)
    else:
        for folder in _qt_translations_dirs():
            qt = QTranslator(app)
            if qt.load("qtbase_zh_CN", str(folder)):
                app.installTranslator(qt)
                _installed.append(qt)
                break
    return lang


def installed_translators() -> list[QTranslator]:
    """The translators this module installed (for tests and diagnostics)."""
    return list(_installed)
