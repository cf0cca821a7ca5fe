"""The fuzz script (``python -m tests.fuzz``) runs, is reproducible, and judges results as documented."""

from __future__ import annotations

import pytest

from tests.fuzz import run as fuzz


def test_cases_are_reproducible_and_mutated() -> None:
    seeds = fuzz.seed_files()
    assert any(name.endswith(".docx") for name, _ in seeds) and any(name.endswith(".txt") for name, _ in seeds)
    originals = {data for _, data in seeds}
    cases = [fuzz.make_case(i, 5, seeds) for i in range(12)]
    again = [fuzz.make_case(i, 5, seeds) for i in range(12)]
    assert [c.data for c in cases] == [c.data for c in again]
    assert sum(c.data not in originals for c in cases) >= 10


def test_judge_flags_each_kind_of_failure() -> None:
    case = fuzz.Case(0, "x.docx", ["flip"], ".docx", b"")
    ok = {"code": 2, "stderr": "case.docx: 文件已损坏，无法打开\n", "crash": None, "reopen_error": None}
    ok |= {"seconds": 0.1, "cpu": 0.1, "peak_mb": 50.0}
    assert fuzz._judge(case, "check", ok) == []
    kinds = {
        "hang": None,
        "traceback": ok | {"crash": "Traceback (most recent call last):\nValueError: x"},
        "not plain Chinese": ok | {"stderr": "case.docx: 无法读取（Invalid argument）\n"},
        "slow": ok | {"cpu": fuzz.SLOW_CPU_SECONDS + 1},
        "memory": ok | {"peak_mb": fuzz.MEMORY_LIMIT_MB + 1},
        "output can't be reopened": ok | {"code": 0, "reopen_error": "文件已损坏"},
    }
    for kind, reply in kinds.items():
        assert [f.kind for f in fuzz._judge(case, "check", reply)] == [kind]


def test_a_few_cases_run_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert fuzz.main(["--cases", "4", "--jobs", "1", "--time", "60"]) == 0
    out = capsys.readouterr().out
    assert "4 cases (12 commands)" in out and "no traceback, hang" in out
