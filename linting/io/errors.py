"""Errors raised by reading and saving documents.

Both carry the path and a plain-Chinese reason that the UI shows as is, e.g.
``ReadError(path, "文件是空的（0 字节）")``.  ``str(error)`` is
``"{path}: {reason}"`` (just the reason when no path is known, which only
happens for in-memory encoding).
"""

from __future__ import annotations

import logging
import os

# Library logging never reaches the console by itself (Python's last-resort handler would print
# English tracebacks before our Chinese message); the app or the CLI decides where the log goes.
logging.getLogger("linting").addHandler(logging.NullHandler())


#: Documents with more paragraphs than this are refused (about 2,000 pages; the 600-page benchmark report has 5,500).
MAX_PARAGRAPHS = 50_000


def too_many_paragraphs(n: int) -> str:
    """The reason given for a document over :data:`MAX_PARAGRAPHS`."""
    return f"文档的段落过多（{n:,} 段，超过 {MAX_PARAGRAPHS:,} 段的上限），无法检查；请把文档拆分成几个文件后再打开"


class ReadError(Exception):
    """A file could not be opened as a document; ``reason`` says why, in Chinese."""

    def __init__(self, path: str | os.PathLike[str] | None, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(_format(path, reason))

    def __reduce__(self):  # keep pickling (multiprocessing, pytest-xdist) working
        return (type(self), (self.path, self.reason))


class SaveError(Exception):
    """A document could not be saved; the original file is untouched.

    ``locked_by`` is the user name found in Word/WPS's owner file (``~$…``)
    when the file is open in another program, else ``None``.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None,
        reason: str,
        locked_by: str | None = None,
    ) -> None:
        self.path = path
        self.reason = reason
        self.locked_by = locked_by
        super().__init__(_format(path, reason))

    def __reduce__(self):
        return (type(self), (self.path, self.reason, self.locked_by))


def _format(path: str | os.PathLike[str] | None, reason: str) -> str:
    return reason if path is None else f"{path}: {reason}"
