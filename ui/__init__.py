"""The PySide6 editor.  It only shows and routes: every decision is made by the
Qt-free core in ``linting/``.

requirements.txt pins PySide6 6.11.3, which is not affected by the bug below; the
guard stays for an installation that brings 6.12 (it is applied only there).

Importing ``ui`` guards against a PySide6 6.12 binding bug on Python < 3.12:
every call of a Qt method that returns ``void`` hands back ``None`` without
taking a reference (harmless on 3.12+, where ``None`` is immortal).  On 3.11
each such call drops one reference to ``None`` (bool results do the same to
``True``/``False``), and after a few thousand calls
— opening a long document is hundreds of thousands — the interpreter aborts
with "none_dealloc: deallocating None".  Giving these singletons a huge
reference count up front makes them effectively immortal, as 3.12 does.
"""

from __future__ import annotations

import sys


def _immortalize_none() -> None:
    if sys.version_info >= (3, 12) or getattr(sys, "_reportlint_none_guard", False):
        return
    try:
        from importlib.metadata import version

        affected = tuple(int(x) for x in version("shiboken6").split(".")[:2]) >= (6, 12)
    except Exception:  # unknown installation (e.g. a frozen build without metadata): guard anyway
        affected = True
    if not affected:
        return
    import ctypes

    # ob_refcnt is the first field of every PyObject (a Py_ssize_t) in release builds.
    # True/False suffer the same way from bool-returning methods.
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
    sys._reportlint_none_guard = True  # type: ignore[attr-defined]


_immortalize_none()
