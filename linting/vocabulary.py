"""The built-in word lists, read once from ``[vocabulary]`` in ``data/defaults.toml``.

Word lists that encode knowledge of 公文 (title noise, metadata labels, negation words,
count units, organisation suffixes, question words) live in the data file, where they can be
read and reviewed in one place; code refers to them by name.  They are not part of the user
configuration: paragraph facts are cached per paragraph text, independently of any config.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

DEFAULTS = Path(__file__).with_name("data") / "defaults.toml"


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The ``[vocabulary]`` table (see the comments in ``defaults.toml`` for what each list is)."""

    title_noise: tuple[str, ...]
    metadata_labels: tuple[str, ...]
    web_page_labels: tuple[str, ...]
    web_page_links: tuple[str, ...]
    breadcrumbs: tuple[str, ...]
    negations: tuple[str, ...]
    count_units: tuple[str, ...]
    organization_suffixes: tuple[str, ...]
    closing_words: tuple[str, ...]
    question_words: tuple[str, ...]
    numeral_pair_units: tuple[str, ...]
    naming_words: tuple[str, ...]
    reduplication_before: tuple[str, ...]
    reduplication_after: tuple[str, ...]
    signature_labels: tuple[str, ...]
    surnames: tuple[str, ...]
    contact_labels: tuple[str, ...]


def load(path: Path = DEFAULTS) -> Vocabulary:
    """Read the vocabulary; a missing or misspelt list is a programming error (tests load it)."""
    table = tomllib.loads(path.read_text("utf-8"))["vocabulary"]
    names = {f.name for f in fields(Vocabulary)}
    if set(table) != names:
        raise ValueError(f"[vocabulary] in {path.name}: expected {sorted(names)}, found {sorted(table)}")
    for name, words in table.items():
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
            raise ValueError(f"[vocabulary] {name}: expected a non-empty list of words")
    return Vocabulary(**{name: tuple(words) for name, words in table.items()})


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of ``words`` (escaped), longer words first so the longest one matches."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


VOCABULARY = load()
