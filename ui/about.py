"""关于: version of ReportLint and the licenses of the libraries bundled with it."""

from __future__ import annotations

import html
import platform
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

import linting

__all__ = ["AboutDialog", "BUNDLED_LIBRARIES", "show_about", "version"]

#: (name shown, distribution name for its version, license, homepage)
BUNDLED_LIBRARIES: tuple[tuple[str, str | None, str, str], ...] = (
    ("Qt / PySide6", "PySide6-Essentials", "LGPLv3", "https://www.qt.io/licensing"),
    ("python-docx", "python-docx", "MIT", "https://github.com/python-openxml/python-docx"),
    ("lxml", "lxml", "BSD", "https://lxml.de"),
    ("jieba", "jieba", "MIT", "https://github.com/fxsjy/jieba"),
    ("Python", None, "PSF License", "https://docs.python.org/3/license.html"),
)


def version() -> str:
    """ReportLint's version (``linting.__version__``, equal to pyproject's)."""
    return linting.__version__


def _lib_version(dist: str | None) -> str:
    if dist is None:
        return platform.python_version()
    if dist == "PySide6-Essentials":
        return f"{pyside_version} (Qt {qVersion()})"
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "—"


class AboutDialog(QDialog):
    """The 关于 dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AboutDialog")
        self.setWindowTitle(self.tr("关于 ReportLint"))
        layout = QVBoxLayout(self)
        head = QLabel(self)
        head.setObjectName("aboutHeader")
        head.setTextFormat(Qt.TextFormat.RichText)
        head.setText(
            "<h2>"
            + html.escape(self.tr("ReportLint 公文结构校对"))
            + "</h2><p>"
            + html.escape(self.tr("版本 %1").replace("%1", version()))
            + "</p><p>"
            + html.escape(
                self.tr(
                    "检查工作总结、述职报告、情况报告、请示、通知等公文的结构：标题序号、序次语、占位符、缺失部分……"
                )
            )
            + "</p>"
        )
        head.setWordWrap(True)
        head.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(head)

        self.licenses = QTextBrowser(self)
        self.licenses.setObjectName("licenses")
        self.licenses.setOpenExternalLinks(True)
        rows = "".join(
            f"<tr><td>{html.escape(name)}</td><td>{html.escape(_lib_version(dist))}</td>"
            f"<td>{html.escape(lic)}</td><td><a href='{url}'>{html.escape(url)}</a></td></tr>"
            for name, dist, lic, url in BUNDLED_LIBRARIES
        )
        self.licenses.setHtml(
            "<p><b>" + html.escape(self.tr("随附的第三方组件及其许可证：")) + "</b></p>"
            "<table cellspacing='0' cellpadding='4' border='1' style='border-collapse:collapse'>"
            "<tr><th>"
            + html.escape(self.tr("组件"))
            + "</th><th>"
            + html.escape(self.tr("版本"))
            + "</th><th>"
            + html.escape(self.tr("许可证"))
            + "</th><th>"
            + html.escape(self.tr("网址"))
            + "</th></tr>"
            + rows
            + "</table><p>"
            + html.escape(
                self.tr("Qt 和 PySide6 以 LGPLv3 许可证提供，可以替换为其他兼容版本；其源代码可在上述网址获取。")
            )
            + "</p>"
        )
        layout.addWidget(self.licenses, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, Qt.Orientation.Horizontal, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 440)

    def text(self) -> str:
        """All the dialog's text as plain text (version and licenses)."""
        header = self.findChild(QLabel, "aboutHeader")
        head_text = header.text() if header is not None else ""
        return head_text + "\n" + self.licenses.toPlainText()


def show_about(parent: QWidget | None) -> None:
    """Show the 关于 dialog (modal)."""
    AboutDialog(parent).exec()
