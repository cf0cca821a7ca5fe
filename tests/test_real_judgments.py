"""Regression layer over the real development documents in ``../shared/corpus/real``.

Every finding the linter gave on those documents was judged by hand (``tests/data/real_judgments.toml``):
what was judged a false alarm must stay silent, what was judged a real slip must stay found. ``unsure``
entries are recorded but not asserted. The documents themselves are not part of the repository; the
tests skip, with the reason, when the corpus folder is absent.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from linting.config import load_config
from linting.engine import Linter
from linting.io import open_document
from tests import corpus

REAL = corpus.ROOT / "real"
JUDGMENTS = tomllib.loads((Path(__file__).parent / "data" / "real_judgments.toml").read_text("utf-8"))["judgment"]

pytestmark = corpus.corpus


@cache
def _findings(name: str) -> Counter[tuple[int, str]]:
    path = REAL / name
    doc = open_document(path)
    result = Linter(load_config(path)).lint(list(doc.paragraphs))
    return Counter((p.paragraph, p.rule) for p in result.problems)


def _cases(verdict: str) -> list:
    """Judged cases; a false alarm not fixed yet carries ``open`` (why) and is an expected failure."""
    out = []
    for j in JUDGMENTS:
        if j["verdict"] != verdict:
            continue
        marks = [pytest.mark.xfail(reason=f"known false alarm: {j['open']}", strict=True)] if j.get("open") else []
        out.append(pytest.param(j["file"], j["paragraph"], j["rule"], marks=marks))
    return out


def test_judgments_are_well_formed() -> None:
    keys = [(j["file"], j["paragraph"], j["rule"]) for j in JUDGMENTS]
    assert len(keys) == len(set(keys)), "one judgment per (file, paragraph, rule)"
    assert {j["verdict"] for j in JUDGMENTS} <= {"true", "false", "unsure"}
    assert all(j["reason"].strip() for j in JUDGMENTS)
    assert all((REAL / j["file"]).is_file() for j in JUDGMENTS)


@pytest.mark.parametrize(("name", "paragraph", "rule"), _cases("true"))
def test_true_finding_stays_found(name: str, paragraph: int, rule: str) -> None:
    assert _findings(name)[(paragraph, rule)], f"{name} ¶{paragraph}: the real {rule} slip is no longer found"


@pytest.mark.parametrize(("name", "paragraph", "rule"), _cases("false"))
def test_false_alarm_stays_silent(name: str, paragraph: int, rule: str) -> None:
    assert not _findings(name)[(paragraph, rule)], f"{name} ¶{paragraph}: {rule} false alarm is back"
