"""Per-document ignores: “忽略此处” and “本文档忽略此规则”, remembered across sessions.

The document itself is never touched.  The ignores of one document are a small
JSON file in ``linting.appdata.subdir("ignores")`` named by a hash of the
document's resolved path.  An untitled document keeps its ignores in memory.

An ignored *occurrence* is keyed so that an edit elsewhere keeps it: by the
rule, a hash of the paragraph's normalized text, the flagged text and which
occurrence of that flagged text in the paragraph it is — never by paragraph
index.  Inserting or editing other paragraphs leaves the key unchanged; editing
the flagged paragraph (its text changes) makes the problem show again, which is
what a user expects after touching the very words that were flagged.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from . import appdata
from .model import Problem

__all__ = ["DocumentIgnores", "IgnoreKey", "ignore_key", "ignores_file"]

log = logging.getLogger(__name__)

_FORMAT_VERSION = 1
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class IgnoreKey:
    """What identifies one ignored occurrence (independent of the paragraph's index)."""

    rule: str
    text_hash: str
    flagged: str
    occurrence: int


def _normalize(text: str) -> str:
    """Paragraph text as compared for ignores: NFC, whitespace runs collapsed, ends stripped."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def ignore_key(problem: Problem, paragraph_text: str) -> IgnoreKey:
    """The key of ``problem`` found in a paragraph whose text is ``paragraph_text``."""
    start = max(0, min(problem.start, len(paragraph_text)))
    end = max(start, min(problem.end, len(paragraph_text)))
    flagged = paragraph_text[start:end] or problem.excerpt
    occurrence = 0
    if paragraph_text[start:end]:
        i = paragraph_text.find(flagged)
        while 0 <= i < start:
            occurrence += 1
            i = paragraph_text.find(flagged, i + 1)
    digest = hashlib.sha256(_normalize(paragraph_text).encode("utf-8")).hexdigest()[:32]
    return IgnoreKey(problem.rule, digest, flagged, occurrence)


def ignores_file(document_path: Path) -> Path:
    """Where the ignores of ``document_path`` are stored (the folder is created)."""
    resolved = str(Path(document_path).resolve())
    if os.name == "nt":
        resolved = resolved.lower()  # Windows paths are case-insensitive
    digest = hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:32]
    return appdata.subdir("ignores") / f"{digest}.json"


class DocumentIgnores:
    """The ignored problems and rules of one document."""

    def __init__(self, document_path: Path | None = None) -> None:
        self.document_path = Path(document_path) if document_path is not None else None
        self._rules: set[str] = set()
        self._here: set[IgnoreKey] = set()

    # -- loading and saving ---------------------------------------------------

    @classmethod
    def load(cls, document_path: Path | None) -> DocumentIgnores:
        """The stored ignores of ``document_path`` (empty if none or unreadable); untitled → in memory only."""
        ign = cls(document_path)
        if document_path is None:
            return ign
        path = ignores_file(Path(document_path))
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return ign
        except (OSError, ValueError) as e:
            log.warning("ignoring unreadable ignores file %s: %s", path, e)
            return ign
        if not isinstance(data, dict) or data.get("version") != _FORMAT_VERSION:
            return ign
        ign._rules = {str(r) for r in data.get("rules", []) if isinstance(r, str)}
        for item in data.get("here", []):
            try:
                ign._here.add(
                    IgnoreKey(str(item["rule"]), str(item["text"]), str(item["flagged"]), int(item["occurrence"]))
                )
            except (KeyError, TypeError, ValueError):
                continue
        return ign

    def save(self) -> None:
        """Write the ignores to disk atomically (nothing for an untitled document; no file when empty)."""
        if self.document_path is None:
            return
        path = ignores_file(self.document_path)
        if not self._rules and not self._here:
            try:
                path.unlink()
            except FileNotFoundError:
                pass
            return
        data = {
            "version": _FORMAT_VERSION,
            "document": str(Path(self.document_path).resolve()),
            "rules": sorted(self._rules),
            "here": [
                {"rule": k.rule, "text": k.text_hash, "flagged": k.flagged, "occurrence": k.occurrence}
                for k in sorted(self._here, key=lambda k: (k.rule, k.text_hash, k.occurrence, k.flagged))
            ],
        }
        from .io.atomic import atomic_write

        atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"), backup=False)

    def move_to(self, document_path: Path | None) -> None:
        """The document was saved under a new name (Save As): keep the ignores for the new path."""
        self.document_path = Path(document_path) if document_path is not None else None

    # -- queries and changes ---------------------------------------------------

    def is_ignored(self, problem: Problem, paragraph_text: str) -> bool:
        """Whether ``problem`` (found in a paragraph with ``paragraph_text``) is ignored."""
        if problem.rule in self._rules:
            return True
        return bool(self._here) and ignore_key(problem, paragraph_text) in self._here

    def ignore_here(self, problem: Problem, paragraph_text: str) -> None:
        """忽略此处: ignore this occurrence (it stays ignored when other paragraphs change)."""
        self._here.add(ignore_key(problem, paragraph_text))

    def ignore_rule(self, rule_id: str) -> None:
        """本文档忽略此规则."""
        self._rules.add(rule_id)

    def ignored_rules(self) -> frozenset[str]:
        """The rules ignored in the whole document."""
        return frozenset(self._rules)

    def clear(self) -> None:
        """Show every ignored problem again."""
        self._rules.clear()
        self._here.clear()

    def count(self) -> int:
        """How many ignores (occurrences + whole rules) are recorded."""
        return len(self._rules) + len(self._here)
