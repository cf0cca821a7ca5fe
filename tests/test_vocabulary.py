"""The built-in word lists: read from ``[vocabulary]`` in defaults.toml, each one used, not user-configurable."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from linting.config import ConfigError, config_from_text
from linting.vocabulary import DEFAULTS, VOCABULARY, Vocabulary, alternation, load

PACKAGE = Path(__file__).resolve().parents[1] / "linting"


def test_every_list_is_loaded_without_duplicates() -> None:
    for f in fields(Vocabulary):
        words = getattr(VOCABULARY, f.name)
        assert words, f.name
        assert len(set(words)) == len(words), f"{f.name} has a duplicate"


def test_every_list_is_used_by_the_code() -> None:
    source = "\n".join(p.read_text("utf-8") for p in PACKAGE.rglob("*.py") if p.name != "vocabulary.py")
    unused = [f.name for f in fields(Vocabulary) if f"VOCABULARY.{f.name}" not in source]
    assert not unused


def test_a_missing_or_unknown_list_is_refused(tmp_path: Path) -> None:
    text = DEFAULTS.read_text("utf-8")
    missing = tmp_path / "missing.toml"
    missing.write_text(re.sub(r"(?m)^negations = .*$", "", text), "utf-8")
    with pytest.raises(ValueError, match="negations"):
        load(missing)
    extra = tmp_path / "extra.toml"
    extra.write_text(text + "\nnew_list = ['字']\n", "utf-8")
    with pytest.raises(ValueError, match="new_list"):
        load(extra)
    empty = tmp_path / "empty.toml"
    empty.write_text(re.sub(r"(?m)^negations = .*$", "negations = []", text), "utf-8")
    with pytest.raises(ValueError, match="negations"):
        load(empty)


def test_alternation_tries_the_longer_word_first() -> None:
    rx = re.compile(alternation(("个", "个方面", "方面")))
    assert rx.match("个方面的工作").group(0) == "个方面"
    assert rx.match("方面").group(0) == "方面"
    assert re.fullmatch(alternation(("a.b",)), "a.b") and not re.fullmatch(alternation(("a.b",)), "axb")


def test_a_user_config_cannot_change_the_vocabulary() -> None:
    with pytest.raises(ConfigError) as e:
        config_from_text("[vocabulary]\nnegations = ['没']\n", "user.toml")
    assert "内置词表" in str(e.value)


def test_the_defaults_still_load_as_a_config() -> None:
    assert config_from_text("", "empty.toml").doctypes
