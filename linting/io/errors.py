"""Errors raised by reading and saving documents.

Both carry the path and a plain-Chinese reason that the UI shows as is, e.g.
``ReadError(path, "文件是空的（0 字节）")``.  ``str(error)`` is
``"{path}: {reason}"`` (just the reason when no path is known, which only
happens for in-memory encoding).
"""

from __future__ import annotations

import os


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
