"""jieba's dictionary as a lookup that loads only what a sentence needs.

The duplicate-word rule confirms a candidate repeat (``按照按照``) by segmenting the clause around
it exactly as ``jieba.Tokenizer().lcut(clause, HMM=False)`` does.  Loading jieba's whole prefix
dictionary costs about a second in every process (a 500,000-entry dict unmarshalled); this module
keeps the same words and frequencies, built once from jieba's own ``dict.txt``, in one cache file
split by first character, and unmarshals only the pieces for the characters of the clauses it is
asked about.  Segmentation (word graph, best route, grouping of single Latin letters/digits, the
split into Han and non-Han blocks) follows jieba 0.42 step by step, so results are identical
(tests/test_lexicon.py compares the two).

The cache file lives in ``linting.appdata.subdir("cache")`` under a fixed name carrying jieba's
version and the dictionary's size; it is rebuilt when either changes, and written atomically, so
processes that build it at the same time don't clash.
"""

from __future__ import annotations

import importlib.util
import marshal
import os
import re
import threading
from array import array
from bisect import bisect_left
from math import log
from pathlib import Path

#: 2: the index is the sorted first characters plus arrays of offsets, sizes and longest words
#: (unmarshalled in 0.1 ms; format 1's dict of tuples took 4–8 ms, paid by every process's first lint).
FORMAT = 2
#: jieba's block and token patterns (jieba/__init__.py: re_han_default, re_skip_default, re_eng).
_RE_HAN = re.compile(r"([\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+)", re.U)
_RE_SKIP = re.compile(r"(\r\n|\s)", re.U)
_RE_ENG = re.compile(r"[a-zA-Z0-9]", re.U)

_lock = threading.Lock()
_lexicon: Lexicon | None = None


def jieba_dict_file() -> Path:
    """jieba's main dictionary (``jieba/dict.txt``), found without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "dict.txt"
        if path.is_file():
            return path
    import jieba  # a frozen build may only know the package once imported

    return Path(jieba.__file__).resolve().parent / "dict.txt"


def _jieba_version(dict_file: Path | None = None) -> str:
    """jieba's installed version.

    Read from the name of the ``jieba-<version>.dist-info`` folder next to the package when there
    is exactly one (importing :mod:`importlib.metadata` alone costs 20–30 ms, paid by the first lint
    of every process), else from the package metadata.
    """
    if dict_file is not None:
        found = list(dict_file.parent.parent.glob("jieba-*.dist-info"))
        if len(found) == 1:
            return found[0].name[len("jieba-") : -len(".dist-info")]
    try:
        from importlib.metadata import version

        return version("jieba")
    except Exception:  # noqa: BLE001 — a frozen build may carry no metadata
        return "unknown"


def cache_path(dict_file: Path | None = None) -> Path:
    """The lookup file: ``<app data>/cache/jieba-lexicon-<jieba version>-<dict size>-f<format>.bin``."""
    from .appdata import subdir

    dict_file = dict_file or jieba_dict_file()
    version = _jieba_version(dict_file)
    return subdir("cache") / f"jieba-lexicon-{version}-{dict_file.stat().st_size}-f{FORMAT}.bin"


def build(dict_file: Path) -> bytes:
    """The lookup file's content for ``dict_file``.

    Frequencies as jieba's ``gen_pfdict`` reads them (a later line for the same word wins; the
    total sums every line); words with frequency 0 are left out (jieba never routes through them).
    """
    freq: dict[str, int] = {}
    total = 0
    with open(dict_file, "rb") as f:
        for line in f:
            parts = line.strip().decode("utf-8").split(" ")
            if len(parts) < 2:
                continue
            n = int(parts[1])
            freq[parts[0]] = n
            total += n
    shards: dict[str, dict[str, int]] = {}
    for word, n in freq.items():
        if n:
            shards.setdefault(word[0], {})[word] = n
    blobs: list[bytes] = []
    chars = "".join(sorted(shards))
    offsets, sizes, longest = array("I"), array("I"), array("I")
    offset = 0
    for ch in chars:
        blob = marshal.dumps(shards[ch])
        offsets.append(offset)
        sizes.append(len(blob))
        longest.append(max(len(w) for w in shards[ch]))
        blobs.append(blob)
        offset += len(blob)
    head = marshal.dumps((FORMAT, total, chars, offsets.tobytes(), sizes.tobytes(), longest.tobytes()))
    return b"".join([len(head).to_bytes(8, "little"), head, *blobs])


def _write(data: bytes, target: Path) -> None:
    """Write ``data`` to ``target`` atomically (a temp file per process, then ``os.replace``)."""
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


def _remove_stale(current: Path) -> None:
    """Delete lookup files of other jieba versions or formats (each is several MB), keeping ``current``."""
    for old in current.parent.glob("jieba-lexicon-*.bin"):
        if old != current:
            try:
                old.unlink()
            except OSError:
                pass  # in use by another process (Windows) or read-only: harmless, tried again next build


class Lexicon:
    """jieba's word frequencies, unmarshalled one first character at a time."""

    def __init__(self, data: bytes) -> None:
        size = int.from_bytes(data[:8], "little")
        head = marshal.loads(data[8 : 8 + size])
        if not isinstance(head, tuple) or len(head) != 6 or head[0] != FORMAT:
            raise ValueError(f"lookup format {head[0] if isinstance(head, tuple) and head else '?'}, expected {FORMAT}")
        _fmt, self.total, self._chars, offsets, sizes, longest = head
        self._offsets, self._sizes, self._longest = array("I"), array("I"), array("I")
        self._offsets.frombytes(offsets)
        self._sizes.frombytes(sizes)
        self._longest.frombytes(longest)
        if not len(self._chars) == len(self._offsets) == len(self._sizes) == len(self._longest):
            raise ValueError("lookup index damaged")
        self._data = memoryview(data)[8 + size :]
        self._shards: dict[str, tuple[int, dict[str, int]]] = {}
        self._logtotal = log(self.total)

    def _shard(self, ch: str) -> tuple[int, dict[str, int]]:
        shard = self._shards.get(ch)
        if shard is None:
            k = bisect_left(self._chars, ch)
            if k == len(self._chars) or self._chars[k] != ch:
                shard = (0, {})
            else:
                offset, size = self._offsets[k], self._sizes[k]
                shard = (self._longest[k], marshal.loads(self._data[offset : offset + size]))
            self._shards[ch] = shard
        return shard

    def freq(self, word: str) -> int:
        """jieba's frequency of ``word`` (0 when it is not a dictionary word)."""
        return self._shard(word[0])[1].get(word, 0) if word else 0

    def _cut_block(self, sentence: str) -> list[str]:
        """jieba's ``__cut_DAG_NO_HMM`` on one Han block."""
        n = len(sentence)
        dag: list[list[int]] = []
        for k in range(n):
            longest, words = self._shard(sentence[k])
            ends = [i for i in range(k, min(n, k + longest)) if words.get(sentence[k : i + 1])]
            dag.append(ends or [k])
        route: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
        logtotal = self._logtotal
        for idx in range(n - 1, -1, -1):
            route[idx] = max(
                (log(self.freq(sentence[idx : x + 1]) or 1) - logtotal + route[x + 1][0], x) for x in dag[idx]
            )
        out: list[str] = []
        buf = ""
        x = 0
        while x < n:
            y = route[x][1] + 1
            word = sentence[x:y]
            if len(word) == 1 and _RE_ENG.match(word):
                buf += word
            else:
                if buf:
                    out.append(buf)
                    buf = ""
                out.append(word)
            x = y
        if buf:
            out.append(buf)
        return out

    def lcut(self, sentence: str) -> list[str]:
        """``jieba.Tokenizer().lcut(sentence, HMM=False)``."""
        out: list[str] = []
        for blk in _RE_HAN.split(sentence):
            if not blk:
                continue
            if _RE_HAN.match(blk):
                out.extend(self._cut_block(blk))
            else:
                for piece in _RE_SKIP.split(blk):
                    if _RE_SKIP.match(piece):
                        out.append(piece)
                    else:
                        out.extend(piece)
        return out


def lexicon() -> Lexicon:
    """The process's lookup, built into the cache folder on first use ever (thread-safe).

    A cache folder that can't be written (read-only profile, file in use) only costs the build
    again next time: the lookup is then built in memory."""
    global _lexicon
    if _lexicon is not None:
        return _lexicon
    with _lock:
        if _lexicon is None:
            dict_file = jieba_dict_file()
            try:
                path: Path | None = cache_path(dict_file)
            except OSError:
                path = None
            found: Lexicon | None = None
            if path is not None:
                try:
                    found = Lexicon(path.read_bytes())
                except (OSError, ValueError, EOFError, TypeError):
                    found = None  # missing, damaged or from another format: build it again
            if found is None:
                data = build(dict_file)
                found = Lexicon(data)
                if path is not None:
                    try:
                        _write(data, path)
                    except OSError:
                        pass
                    _remove_stale(path)
            _lexicon = found
    return _lexicon


def loaded() -> bool:
    """Whether this process has opened the lookup."""
    return _lexicon is not None
