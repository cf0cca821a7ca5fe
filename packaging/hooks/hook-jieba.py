"""PyInstaller hook for jieba: only what ReportLint's default-mode segmentation needs.

ReportLint calls ``jieba.Tokenizer().lcut(text, HMM=False)`` (``linting/rules/words.py``):
that reads ``jieba/dict.txt`` and imports ``jieba.finalseg`` (its HMM tables are
Python modules, collected as code).  This hook replaces the contributed one,
which bundles every data file of the package (~35 MB: ``analyse/idf.txt``, the
``posseg`` pickles, the paddle ``lac_small`` model), none of which is used.
The ``*.p`` pickles next to the ``finalseg`` modules are read only on Jython.
"""

from __future__ import annotations

import os

from PyInstaller.utils.hooks import get_package_paths

_, _jieba_dir = get_package_paths("jieba")

datas = [(os.path.join(_jieba_dir, "dict.txt"), "jieba")]

# Keyword extraction, part-of-speech tagging and paddle mode: not used, not bundled.
# (pkg_resources is excluded in the spec: without it jieba reads dict.txt with open().)
excludedimports = ["jieba.analyse", "jieba.posseg", "jieba.lac_small", "paddle"]
