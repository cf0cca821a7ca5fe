"""PyInstaller hook for python-docx: its templates, and the ``docx/parts`` folder on disk.

python-docx opens its header/footer/styles/settings/comments templates as
``<docx/parts/x.py's folder>/../templates/…``.  In a bundle the modules live in
the PYZ archive, so ``_internal/docx/parts`` would not exist, and on Linux/macOS
a path through a missing folder's ``..`` doesn't resolve: adding a footer (the page
number of a .txt → .docx conversion) failed with FileNotFoundError.  Collecting
``docx.parts`` also as source files (imports still come from the PYZ) makes the
folder exist.  This replaces the contributed hook (which collects only the data).
"""

from __future__ import annotations

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("docx")
module_collection_mode = {"docx.parts": "pyz+py"}
