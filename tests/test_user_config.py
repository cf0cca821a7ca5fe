"""linting.user_config: the settings dialog edits the same file the CLI reads, and nothing else in it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linting.config import ConfigError, load_config, user_config_path
from linting.engine import Linter
from linting.model import Paragraph, Severity
from linting.rules import RULES
from linting.user_config import read_rule_settings, write_rule_settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def user_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the user config (both platforms' variables) at a temp folder."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "appdata"))
    path = user_config_path()
    assert str(path).startswith(str(tmp_path))
    return path


def test_missing_file_reads_as_defaults(user_file: Path) -> None:
    values = read_rule_settings()
    assert set(values) == set(RULES)
    assert all(values[r] == RULES[r].severity.value for r in RULES)


def test_write_creates_file_the_cli_loads_and_the_linter_honours(user_file: Path) -> None:
    text = "一、总体情况\n今年工作有进展,成效明显.\n"
    paragraphs = [Paragraph(line) for line in text.splitlines()]
    before = {p.rule for p in Linter(load_config()).lint(paragraphs).problems}
    assert "halfwidth-punct" in before

    write_rule_settings({"halfwidth-punct": "off", "heading-level-jump": "error"})
    assert user_file.is_file()
    cfg = load_config()
    assert cfg.severities["halfwidth-punct"] is None
    assert cfg.severities["heading-level-jump"] is Severity.ERROR
    after = {p.rule for p in Linter(cfg).lint(paragraphs).problems}
    assert "halfwidth-punct" not in after
    assert read_rule_settings()["halfwidth-punct"] == "off"
    assert read_rule_settings()["heading-level-jump"] == "error"


def test_cli_process_honours_written_file(user_file: Path, tmp_path: Path) -> None:
    doc = tmp_path / "草稿.txt"
    doc.write_text("一、总体情况\n今年工作有进展,成效明显.\n", encoding="utf-8")

    def rules_found() -> set[str]:
        out = subprocess.run(
            [sys.executable, "-m", "linting", "check", "--format", "json", str(doc)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        data = json.loads(out.stdout)
        return {p["rule"] for f in data["files"] for p in f["problems"]}

    assert "halfwidth-punct" in rules_found()
    write_rule_settings({"halfwidth-punct": "off"})
    assert "halfwidth-punct" not in rules_found()


def test_keeps_every_other_line_and_comment(user_file: Path) -> None:
    original = (
        "# 我的配置\n"
        'doctype = "工作总结"   # 固定文种\n'
        "\n"
        "[rules]\n"
        '# 半角标点先不管\n"halfwidth-punct" = "关闭"   # 暂时\n'
        'heading-skip = "error" # 跳号很严重\n'
        "\n"
        "[[placeholder]]\n"
        'id = "unit"\n'
        'pattern = "某单位"\n'
        'message = "请写明单位名称：{match}"\n'
    )
    user_file.parent.mkdir(parents=True)
    user_file.write_text(original, encoding="utf-8")

    write_rule_settings({"heading-skip": "info", "halfwidth-punct": "off", "duplicate-word": "off"})
    new = user_file.read_text(encoding="utf-8")
    old_lines, new_lines = original.splitlines(), new.splitlines()
    # heading-skip changed in place, comment kept; halfwidth-punct (关闭 == off) untouched; one line added.
    assert 'heading-skip = "info" # 跳号很严重' in new_lines
    assert '"halfwidth-punct" = "关闭"   # 暂时' in new_lines
    assert '"duplicate-word" = "off"' in new_lines
    assert len(new_lines) == len(old_lines) + 1
    kept = [line for line in old_lines if "heading-skip" not in line]
    assert all(line in new_lines for line in kept)
    # The added rule stays inside [rules], before the blank line and [[placeholder]].
    assert new_lines.index('"duplicate-word" = "off"') < new_lines.index("[[placeholder]]") - 1
    cfg = load_config()
    assert cfg.doctype == "工作总结"
    assert [p.id for p in cfg.placeholders][-1] == "unit"
    assert cfg.severities["heading-skip"] is Severity.INFO
    assert cfg.severities["duplicate-word"] is None


def test_back_to_default_is_not_added_but_existing_line_is_updated(user_file: Path) -> None:
    user_file.parent.mkdir(parents=True)
    user_file.write_text('[rules]\n"placeholder" = "error"\n', encoding="utf-8")
    write_rule_settings({"placeholder": "warning", "heading-order": "warning"})
    text = user_file.read_text(encoding="utf-8")
    assert '"placeholder" = "warning"' in text
    assert "heading-order" not in text


def test_no_rules_table_appends_one_and_keeps_crlf(user_file: Path) -> None:
    user_file.parent.mkdir(parents=True)
    user_file.write_bytes('doctype = "请示"\r\n'.encode())
    write_rule_settings({"ordinal-mixed": "info"})
    raw = user_file.read_bytes()
    assert raw.startswith('doctype = "请示"\r\n'.encode())
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert load_config().severities["ordinal-mixed"] is Severity.INFO


def test_chinese_value_names_are_accepted(user_file: Path) -> None:
    write_rule_settings({"ordinal-mixed": "提示", "ordinal-order": "关闭"})
    values = read_rule_settings()
    assert values["ordinal-mixed"] == "info"
    assert values["ordinal-order"] == "off"


def test_invalid_input_writes_nothing(user_file: Path) -> None:
    with pytest.raises(ValueError):
        write_rule_settings({"no-such-rule": "off"})
    with pytest.raises(ValueError):
        write_rule_settings({"placeholder": "loud"})
    assert not user_file.exists()


def test_broken_existing_file_is_never_overwritten(user_file: Path) -> None:
    user_file.parent.mkdir(parents=True)
    broken = '[rules]\n"placeholder" = "loud"\n# my notes\n'
    user_file.write_text(broken, encoding="utf-8")
    with pytest.raises(ConfigError):
        read_rule_settings()
    with pytest.raises(ConfigError):
        write_rule_settings({"heading-skip": "off"})
    assert user_file.read_text(encoding="utf-8") == broken


def test_every_rule_every_value_round_trips(user_file: Path) -> None:
    for i, value in enumerate(("error", "warning", "info", "off")):
        wanted = {rid: ("error", "warning", "info", "off")[(i + k) % 4] for k, rid in enumerate(RULES)}
        write_rule_settings(wanted)
        assert read_rule_settings() == wanted
        cfg = load_config()
        for rid, sev in wanted.items():
            expected = None if sev == "off" else Severity(sev)
            assert cfg.severities.get(rid, RULES[rid].severity) == expected
        assert value in wanted.values()


def test_inline_rules_table_is_refused_not_broken(user_file: Path) -> None:
    user_file.parent.mkdir(parents=True)
    inline = 'rules = { "placeholder" = "info" }\n'
    user_file.write_text(inline, encoding="utf-8")
    assert read_rule_settings()["placeholder"] == "info"
    with pytest.raises(ConfigError):
        write_rule_settings({"heading-skip": "off"})
    assert user_file.read_text(encoding="utf-8") == inline
    load_config()  # still valid


def test_failed_write_leaves_the_old_file(user_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from linting.io import SaveError

    user_file.parent.mkdir(parents=True)
    user_file.write_text('# 我的设置\n[rules]\n"placeholder" = "info"\n', encoding="utf-8")

    def no_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", no_replace)
    with pytest.raises(SaveError):
        write_rule_settings({"placeholder": "off"})
    assert user_file.read_text(encoding="utf-8") == '# 我的设置\n[rules]\n"placeholder" = "info"\n'
    assert [p.name for p in user_file.parent.iterdir()] == [user_file.name]  # no temp file left


_VALUES = ["error", "warning", "info", "off", "错误", "警告", "提示", "关闭", "on"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    existing=st.dictionaries(st.sampled_from(sorted(RULES)), st.sampled_from(_VALUES), max_size=6),
    wanted=st.dictionaries(st.sampled_from(sorted(RULES)), st.sampled_from(["error", "warning", "info", "off"])),
    comments=st.lists(st.sampled_from(["# 注释", "", "   # 缩进的注释"]), max_size=3),
    rules_first=st.booleans(),
    crlf=st.booleans(),
)
def test_property_any_layout_stays_valid_and_means_what_was_asked(
    user_file: Path, existing: dict, wanted: dict, comments: list, rules_first: bool, crlf: bool
) -> None:
    rules_block = ["[rules]", *comments, *(f'"{k}" = "{v}"  # 原来的' for k, v in existing.items())]
    other = ['doctype = "工作总结"', "# 文件末尾的说明"] if rules_first else ['doctype = "工作总结"']
    lines = (other[:1] + [""] + rules_block + other[1:]) if rules_first else (other + [""] + rules_block)
    nl = "\r\n" if crlf else "\n"
    original = nl.join(lines) + nl
    user_file.parent.mkdir(parents=True, exist_ok=True)
    user_file.write_bytes(original.encode("utf-8"))

    write_rule_settings(wanted)
    cfg = load_config()  # the CLI accepts it
    values = read_rule_settings()
    for rid, sev in wanted.items():
        assert values[rid] == sev
        assert cfg.severities.get(rid, RULES[rid].severity) == (None if sev == "off" else Severity(sev))
    for rid in set(existing) - set(wanted):
        raw = existing[rid]
        expected = (
            RULES[rid].severity.value
            if raw == "on"
            else {"错误": "error", "警告": "warning", "提示": "info", "关闭": "off"}.get(raw, raw)
        )
        assert values[rid] == expected
    new = user_file.read_bytes().decode("utf-8")
    kept = [line for line in lines if not any(f'"{k}"' in line for k in wanted)]
    new_lines = new.split(nl)
    assert all(line in new_lines for line in kept)
    assert cfg.doctype == "工作总结"
    if crlf:
        assert "\n" not in new.replace("\r\n", "")
    user_file.unlink()
