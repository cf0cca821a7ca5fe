"""PyInstaller hook for lxml: only ``lxml.etree`` (what python-docx and ``linting.io`` use).

Replaces the contributed hook, which collects every lxml submodule (``objectify``,
``html``, ``isoschematron`` with its XSLT resources… ~4 MB of unused code).
"""

from __future__ import annotations

hiddenimports = ["lxml.etree", "lxml._elementpath"]
