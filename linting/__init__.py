"""ReportLint 公文结构校对: the engine, rules, configuration and document I/O (no Qt here)."""

from __future__ import annotations

#: The release version; kept equal to ``[project] version`` in pyproject.toml (a test checks it).
__version__ = "0.1.0"
