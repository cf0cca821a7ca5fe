"""Reading and writing plain-text reports without changing a byte that was not edited.

Decoding is a fixed cascade, never a statistical guess (detectors misfire on
short Chinese text):

1. a byte-order mark: UTF-8 (``EF BB BF``), UTF-16 LE (``FF FE``), UTF-16 BE
   (``FE FF``);
2. UTF-16 without a BOM, only when the NUL bytes make it unmistakable (mostly
   ASCII text: a NUL in every other byte, always on the same side);
3. strict UTF-8;
4. GB18030 (a superset of GBK/GB2312 that holds every Unicode character; its
   4-byte characters such as 𫖯 survive).  A leading GB18030-encoded U+FEFF
   (``84 31 95 33``) counts as its BOM.

Anything else, or text full of NUL/control characters, is "not a text file".

One line is one paragraph.  Lines end at ``\\r\\n``, ``\\n`` or ``\\r`` only
(not at the Unicode separators :py:meth:`str.splitlines` also splits on, so a
stray U+2028 or form feed stays inside its line and survives a round trip).

Line endings: :class:`~linting.model.TextFormat` records the dominant ending
(the most frequent; on a tie CRLF, then LF, then CR; CRLF for a file without
any line break, since the users are on Windows).  A file with *mixed* endings
also keeps every line's own ending in :class:`TxtSource` (``Document.source``),
so an unedited file saves back byte for byte; lines the user edits in place
keep their ending, new lines get the dominant one (see :func:`align_endings`).
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from ..model import Document, Paragraph, TextFormat
from .errors import ReadError, SaveError
from .seqdiff import common_affixes

#: Biggest .txt file we open.  Reports are a few hundred KB; anything this big
#: is a log or a data dump and would make the editor crawl.
MAX_TXT_BYTES = 50 * 1024 * 1024

NOT_TEXT = "不是文本文件"

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ENDING_PREFERENCE = ("\r\n", "\n", "\r")
_DEFAULT_NEWLINE = "\r\n"

# C0 controls that do occur in real text files: tab, LF, VT, FF, CR, and the
# old DOS end-of-file mark ^Z.  ESC shows up in text copied from terminals.
_BAD_CONTROL = re.compile("[\x01-\x08\x0e-\x19\x1c-\x1f\x7f-\x9f]")

_ENCODING_LABELS = {
    "utf-8": "UTF-8",
    "utf-16-le": "UTF-16 LE",
    "utf-16-be": "UTF-16 BE",
    "gb18030": "GB18030（GBK）",
    "gbk": "GBK",
    "gb2312": "GB2312",
}


@dataclass(frozen=True, slots=True)
class TxtSource:
    """What :func:`read_txt` remembers beyond :class:`TextFormat` (stored in ``Document.source``).

    ``line_endings`` has one entry per paragraph — the terminator that followed
    it in the file, ``""`` for a last line without one — or is ``None`` when
    every line ends the same way (then ``TextFormat.newline`` says it all).
    """

    line_endings: tuple[str, ...] | None = None
    size: int = 0


# ---------------------------------------------------------------------------
# Reading


def read_txt(path: str | os.PathLike[str]) -> Document:
    """Read a plain-text report; one line becomes one paragraph.

    Raises :class:`ReadError` (Chinese reason) when the file cannot be read,
    is too big, or is not text.
    """
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_TXT_BYTES:
            raise ReadError(p, _too_big(size))
        with open(p, "rb") as f:
            raw = f.read(MAX_TXT_BYTES + 1)
    except ReadError:
        raise
    except FileNotFoundError:
        raise ReadError(p, "文件不存在") from None
    except PermissionError:
        raise ReadError(p, "没有读取权限") from None
    except IsADirectoryError:
        raise ReadError(p, "这是一个文件夹，不是文件") from None
    except OSError as e:
        raise ReadError(p, f"无法读取文件（{e.strerror or e}）") from None
    if len(raw) > MAX_TXT_BYTES:
        raise ReadError(p, _too_big(len(raw)))
    texts, fmt, endings = decode_txt(raw, path=p)
    paragraphs = [Paragraph(text=t) for t in texts]
    return Document(
        paragraphs=paragraphs,
        path=p,
        kind="txt",
        text_format=fmt,
        source=TxtSource(line_endings=endings, size=len(raw)),
    )


def decode_txt(
    raw: bytes, *, path: str | os.PathLike[str] | None = None
) -> tuple[list[str], TextFormat, tuple[str, ...] | None]:
    """Decode file bytes into lines, their :class:`TextFormat`, and per-line endings if mixed.

    ``encode_txt(lines, fmt, line_endings=endings) == raw`` always holds.
    """
    text, encoding, bom = _decode(raw, path)
    _check_controls(text, path)
    lines, endings = split_lines(text)
    newline = dominant_newline(endings)
    final_newline = bool(endings) and endings[-1] != ""
    per_line: tuple[str, ...] | None = None
    if len({e for e in endings if e}) > 1:
        per_line = tuple(endings)
    fmt = TextFormat(encoding=encoding, bom=bom, newline=newline, final_newline=final_newline)
    return lines, fmt, per_line


def split_lines(text: str) -> tuple[list[str], list[str]]:
    """Split at CRLF/LF/CR only; returns the lines and each line's terminator.

    The last line's terminator is ``""`` when the text does not end with a
    line break.  A text ending with a break has no extra empty last line:
    ``"a\\nb\\n"`` → ``["a", "b"]``.  The empty text is one empty line.
    """
    lines: list[str] = []
    endings: list[str] = []
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        lines.append(text[pos : m.start()])
        endings.append(m.group())
        pos = m.end()
    if pos < len(text) or not lines:
        lines.append(text[pos:])
        endings.append("")
    return lines, endings


def dominant_newline(endings: Sequence[str]) -> str:
    """The most frequent line ending (CRLF > LF > CR on a tie; CRLF when there is none)."""
    counts = Counter(e for e in endings if e)
    if not counts:
        return _DEFAULT_NEWLINE
    return max(_ENDING_PREFERENCE, key=lambda e: (counts[e], -_ENDING_PREFERENCE.index(e)))


def _decode(raw: bytes, path: str | os.PathLike[str] | None) -> tuple[str, str, bool]:
    """Return (text, encoding, bom) following the cascade in the module docstring."""
    if raw.startswith(codecs.BOM_UTF8):
        return _strict(raw[3:], "utf-8", path), "utf-8", True
    if raw.startswith(codecs.BOM_UTF16_LE):
        return _strict_utf16(raw[2:], "utf-16-le", path), "utf-16-le", True
    if raw.startswith(codecs.BOM_UTF16_BE):
        return _strict_utf16(raw[2:], "utf-16-be", path), "utf-16-be", True
    if b"\x00" in raw:
        guess = utf16_without_bom(raw)
        if guess is None:
            raise ReadError(path, f"{NOT_TEXT}（含有二进制数据），无法作为 .txt 打开")
        return _strict_utf16(raw, guess, path), guess, False
    try:
        return raw.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError as utf8_error:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            at = utf8_error.start
            raise ReadError(
                path,
                f"{NOT_TEXT}，或者编码无法识别：既不是 UTF-8 也不是 GB18030（GBK）编码"
                f"（第 {at + 1} 个字节附近出错）。请用记事本“另存为”UTF-8 编码后再打开",
            ) from None
    if text.startswith("\ufeff"):
        return text[1:], "gb18030", True
    return text, "gb18030", False


def utf16_without_bom(raw: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when NUL bytes show unmistakable BOM-less UTF-16, else None.

    Only mostly-ASCII text is recognisable: in UTF-16 LE every ASCII character
    is ``xx 00``, so NULs sit on odd offsets only (even offsets for BE).  We
    require an even length, no NUL on the other side, and at least half of the
    code units to carry one.  Chinese-only UTF-16 without a BOM has no such
    pattern and is not guessed (it would be a coin toss).
    """
    if len(raw) < 2 or len(raw) % 2:
        return None
    even_nuls = raw[0::2].count(0)
    odd_nuls = raw[1::2].count(0)
    units = len(raw) // 2
    if odd_nuls and not even_nuls and odd_nuls * 2 >= units:
        return "utf-16-le"
    if even_nuls and not odd_nuls and even_nuls * 2 >= units:
        return "utf-16-be"
    return None


def _strict(raw: bytes, encoding: str, path: str | os.PathLike[str] | None) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as e:
        label = _ENCODING_LABELS.get(encoding, encoding)
        raise ReadError(
            path,
            f"{NOT_TEXT}，或者已损坏：开头标明是 {label} 编码，但第 {e.start + 1} 个字节起不是合法的 {label}",
        ) from None


def _strict_utf16(raw: bytes, encoding: str, path: str | os.PathLike[str] | None) -> str:
    if len(raw) % 2:
        raise ReadError(path, f"{NOT_TEXT}，或者已损坏：UTF-16 编码的文件字节数应为偶数")
    return _strict(raw, encoding, path)


def _check_controls(text: str, path: str | os.PathLike[str] | None) -> None:
    """Reject decoded text that is really binary data (NULs, many control characters)."""
    if "\x00" in text:
        raise ReadError(path, f"{NOT_TEXT}（含有二进制数据），无法作为 .txt 打开")
    limit = max(3, len(text) // 200)
    bad = 0
    for _ in _BAD_CONTROL.finditer(text):
        bad += 1
        if bad > limit:
            raise ReadError(path, f"{NOT_TEXT}（含有大量控制字符），无法作为 .txt 打开")


def _too_big(size: int) -> str:
    mb = size / (1024 * 1024)
    cap = MAX_TXT_BYTES // (1024 * 1024)
    return f"文件太大（{mb:.0f} MB），超过 {cap} MB 的上限；ReportLint 只用于检查文字报告"


# ---------------------------------------------------------------------------
# Writing


def canonical_encoding(fmt: TextFormat) -> tuple[str, bool]:
    """Normalise ``fmt.encoding`` to a codec name and BOM flag (``utf-8-sig`` → utf-8 + BOM)."""
    try:
        name = codecs.lookup(fmt.encoding).name
    except LookupError:
        raise SaveError(None, f"不认识的文字编码“{fmt.encoding}”") from None
    bom = fmt.bom
    if name == "utf-8-sig":
        return "utf-8", True
    if name in ("utf-16", "utf-32"):
        # Python's BOM-writing variants: pin the byte order so the output is predictable.
        return f"{name}-le", True
    return name, bom


def encode_txt(
    texts: Sequence[str],
    fmt: TextFormat,
    *,
    line_endings: Sequence[str] | None = None,
    path: str | os.PathLike[str] | None = None,
) -> bytes:
    """Encode paragraphs as a text file in ``fmt`` (encoding, BOM, line ending, final newline).

    ``line_endings`` (one per text, as in :class:`TxtSource`) overrides
    ``fmt.newline`` line by line; the last entry is ignored in favour of
    ``fmt.final_newline``.  NUL characters are dropped (a file holding one is
    not a text file any more).  A character the encoding cannot hold raises
    :class:`SaveError` naming the character and where it is (``path`` is only
    used in that message).
    """
    encoding, bom = canonical_encoding(fmt)
    if any("\x00" in t for t in texts):
        # A NUL makes the file binary to every text tool (and to read_txt): drop it.
        texts = [t.replace("\x00", "") for t in texts]
    if line_endings is not None and len(line_endings) != len(texts):
        raise ValueError("line_endings must have one entry per text")
    parts: list[str] = []
    last = len(texts) - 1
    for i, t in enumerate(texts):
        parts.append(t)
        if i < last:
            ending = line_endings[i] if line_endings is not None else fmt.newline
            parts.append(ending or fmt.newline)
        elif fmt.final_newline:
            ending = line_endings[i] if line_endings is not None else fmt.newline
            parts.append(ending or fmt.newline)
    text = "".join(parts)
    try:
        body = text.encode(encoding)
        prefix = "\ufeff".encode(encoding) if bom else b""
    except UnicodeEncodeError as e:
        raise SaveError(path, _unencodable_message(texts, encoding, e.object[e.start : e.end])) from None
    return prefix + body


def unencodable_chars(texts: Sequence[str], encoding: str) -> list[tuple[int, int, str]]:
    """``(paragraph, offset, char)`` for every character ``encoding`` cannot hold.

    For warning the user *before* saving.  UTF-8/UTF-16/GB18030 hold every
    Unicode character, so only lone surrogates (which can come from broken
    clipboard data) are reported for them.
    """
    found: list[tuple[int, int, str]] = []
    codec = codecs.lookup(encoding).name
    for i, t in enumerate(texts):
        try:
            t.encode(codec)
            continue
        except UnicodeEncodeError:
            pass
        for j, ch in enumerate(t):
            try:
                ch.encode(codec)
            except UnicodeEncodeError:
                found.append((i, j, ch))
    return found


def describe_char(ch: str) -> str:
    """``“😀”（U+1F600）`` — a character as shown in messages (lone surrogates shown by code only)."""
    code = f"U+{ord(ch):04X}"
    if "\ud800" <= ch <= "\udfff":
        return f"无效字符（{code}，不成对的代理项）"
    name = unicodedata.name(ch, "")
    shown = ch if name and not unicodedata.category(ch).startswith("C") else ""
    return f"“{shown}”（{code}）" if shown else f"字符 {code}"


def _unencodable_message(texts: Sequence[str], encoding: str, sample: str) -> str:
    label = _ENCODING_LABELS.get(encoding, encoding.upper())
    where = unencodable_chars(texts, encoding)
    if where:
        para, offset, ch = where[0]
        more = f"等 {len(where)} 处" if len(where) > 1 else ""
        return (
            f"第 {para + 1} 段第 {offset + 1} 个字符 {describe_char(ch)}{more}无法用 {label} 编码保存；"
            f"请删除或替换该字符，或另存为 .docx"
        )
    ch = sample[:1] or "?"
    return f"字符 {describe_char(ch)} 无法用 {label} 编码保存；请删除或替换该字符，或另存为 .docx"


# ---------------------------------------------------------------------------
# Saving by identity


def validate_sources(sources: Sequence[int | None], n_texts: int, n_paragraphs: int) -> list[int | None]:
    """Check a ``sources`` list (see :func:`linting.io.save_document`): one entry per text, each
    ``None`` or a paragraph index in range, the indexes never decreasing.  Returns it as a list;
    raises ``ValueError`` (a message for programmers) when it is malformed."""
    out = list(sources)
    if len(out) != n_texts:
        raise ValueError(f"sources must have one entry per text: got {len(out)} sources for {n_texts} texts")
    last = -1
    for j, s in enumerate(out):
        if s is None:
            continue
        if isinstance(s, bool) or not isinstance(s, int):
            raise ValueError(f"sources[{j}] must be a paragraph index (int) or None, not {type(s).__name__}")
        if not 0 <= s < n_paragraphs:
            raise ValueError(
                f"sources[{j}] = {s} is out of range: the document has {n_paragraphs} paragraphs (0..{n_paragraphs - 1})"
            )
        if s < last:
            raise ValueError(f"sources must be non-decreasing: sources[{j}] = {s} comes after {last}")
        last = s
    return out


# ---------------------------------------------------------------------------
# Keeping per-line endings across edits


def match_lines(old: Sequence[str], new: Sequence[str]) -> list[int | None]:
    """For each new line, the index of the old line it continues, or None for an inserted line.

    Unchanged lines match their old selves; a block of lines replaced by the
    same number of lines matches pairwise (that is an in-place edit); other
    new lines are inserts.  Common head and tail are matched first, so the
    diff only runs on the edited middle.
    """
    n_old, n_new = len(old), len(new)
    head, tail = common_affixes(old, new)
    result: list[int | None] = [None] * n_new
    for k in range(head):
        result[k] = k
    for k in range(tail):
        result[n_new - 1 - k] = n_old - 1 - k
    mid_old = list(old[head : n_old - tail])
    mid_new = list(new[head : n_new - tail])
    if len(mid_old) == len(mid_new) == 1:
        result[head] = head
        return result
    matcher = SequenceMatcher(None, mid_old, mid_new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for k in range(j2 - j1):
                result[head + j1 + k] = head + i1 + k
    return result


def align_endings(
    old_texts: Sequence[str],
    old_endings: Sequence[str] | None,
    new_texts: Sequence[str],
    fmt: TextFormat,
) -> list[str] | None:
    """Line endings for ``new_texts`` that keep each unedited line's original ending.

    Returns ``None`` when the file had uniform endings (use ``fmt.newline``).
    Lines are matched with :func:`match_lines`; inserted lines get the
    dominant ``fmt.newline``.  The last entry is decided by
    ``fmt.final_newline`` in :func:`encode_txt`.
    """
    if old_endings is None or len(old_texts) != len(old_endings):
        return None
    return [
        (old_endings[i] or fmt.newline) if i is not None else fmt.newline for i in match_lines(old_texts, new_texts)
    ]


def encode_document_txt(doc: Document, texts: Sequence[str], *, path: str | os.PathLike[str] | None = None) -> bytes:
    """Encode edited ``texts`` the way ``doc`` (read by :func:`read_txt`) was stored."""
    fmt = doc.text_format or TextFormat()
    endings = None
    if isinstance(doc.source, TxtSource):
        endings = align_endings(doc.texts, doc.source.line_endings, texts, fmt)
    return encode_txt(texts, fmt, line_endings=endings, path=path)
