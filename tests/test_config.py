"""Configuration: folder files found upward, rule severities, extra patterns and types, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from linting.config import ConfigError, config_from_text, load_config
from linting.engine import Linter
from linting.model import Paragraph, Severity


def _lint(text: str, config) -> list:
    return Linter(config).lint([Paragraph(t) for t in text.split("\n")]).problems


def test_folder_config_found_upward_and_applied(tmp_path: Path) -> None:
    (tmp_path / ".reportlint.toml").write_text('[rules]\n"halfwidth-punct" = "off"\n"placeholder" = "error"\n', "utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    doc = sub / "报告.txt"
    doc.write_text("今年以来,--社区认真落实。", "utf-8")
    config = load_config(doc, user=False)
    rules = {p.rule: p.severity for p in _lint("今年以来,--社区认真落实。", config)}
    assert "halfwidth-punct" not in rules
    assert rules["placeholder"] is Severity.ERROR


def test_nearer_folder_wins(tmp_path: Path) -> None:
    (tmp_path / ".reportlint.toml").write_text('[rules]\n"placeholder" = "off"\n', "utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / ".reportlint.toml").write_text('[rules]\n"placeholder" = "info"\n', "utf-8")
    config = load_config(sub / "x.txt", user=False)
    assert config.severities["placeholder"] is Severity.INFO


def test_extra_placeholder_pattern_and_lookalike() -> None:
    config = config_from_text(
        '[[placeholder]]\nid = "unit"\npattern = "某单位"\nmessage = "请写明单位：{match}"\n'
        '[lookalikes]\npatterns = ["XX型号"]\n'
    )
    problems = _lint("某单位召开会议，采购XX型号设备。", config)
    msgs = [p.message for p in problems if p.rule == "placeholder"]
    assert msgs == ["请写明单位：某单位"]


def test_new_doctype_and_section_synonym() -> None:
    config = config_from_text(
        '[doctype."调研报告"]\ntitle = ["调研报告$"]\norder = 5\n'
        '[[doctype."调研报告".section]]\nname = "对策建议"\nrequired = true\nheadings = ["对策", "建议"]\n'
        '[[doctype."工作总结".section]]\nname = "下一步打算"\nheadings = ["明后年设想"]\n'
    )
    r = Linter(config).lint(
        [Paragraph(t) for t in ["关于农村养老的调研报告", "一、基本情况", "正文内容。", "二、存在问题", "正文内容。"]]
    )
    assert r.doctype == "调研报告"
    assert [p.rule for p in r.problems if p.rule == "missing-section"] == ["missing-section"]
    r2 = Linter(config).lint(
        [
            Paragraph(t)
            for t in ["2024年工作总结", "一、主要工作", "正文。", "二、存在问题", "正文。", "三、明后年设想", "正文。"]
        ]
    )
    assert not [p for p in r2.problems if p.rule == "missing-section"]


def test_forced_doctype() -> None:
    config = config_from_text('doctype = "请示"\n')
    r = Linter(config).lint(
        [Paragraph(t) for t in ["关于调整办公用房的报告", "市机关事务局：", "因工作需要，拟调整办公用房。"]]
    )
    assert r.doctype == "请示" and any("妥否" in p.message for p in r.problems if p.rule == "missing-section")


@pytest.mark.parametrize(
    "text,line,key",
    [
        ('[rules]\n"heading-skip" = "loud"\n', 2, "rules.heading-skip"),
        ('[rules]\n"no-such-rule" = "off"\n', 2, "rules.no-such-rule"),
        ('colour = "red"\n', 1, "colour"),
        ('[[placeholder]]\nid = "x"\npattern = "([a-z"\n', 3, "placeholder[0].pattern"),
        ('[rules\n"x" = 1\n', 1, "(语法)"),
        ('[doctype."调研报告"]\ntitle = "调研报告"\n', 2, "doctype.调研报告.title"),
        ('doctype = "公函"\n', None, "doctype"),
    ],
)
def test_bad_config_names_file_line_and_key(tmp_path: Path, text: str, line: int | None, key: str) -> None:
    f = tmp_path / ".reportlint.toml"
    f.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path / "doc.txt", user=False)
    err = info.value
    assert err.path == str(f) and err.key == key
    if line is not None:
        assert err.line == line
        assert f"{f}:{line}" in str(err)
    assert "配置文件错误" in str(err)


def test_config_not_utf8(tmp_path: Path) -> None:
    (tmp_path / ".reportlint.toml").write_bytes('[rules]\n"placeholder" = "关闭"\n'.encode("gbk"))
    with pytest.raises(ConfigError, match="UTF-8"):
        load_config(tmp_path / "doc.txt", user=False)


def test_chinese_severity_words() -> None:
    config = config_from_text('[rules]\n"placeholder" = "关闭"\n"heading-level-jump" = "警告"\n')
    assert config.severities["placeholder"] is None
    assert config.severities["heading-level-jump"] is Severity.WARNING


def test_default_prefilter_covers_every_trigger() -> None:
    """The shipped prefilter must match wherever any default placeholder trigger matches."""
    from tests.test_rules import MUST_FIND, MUST_NOT_FIND

    config = config_from_text("")
    texts = [t for t, _, _ in MUST_FIND["placeholder"]] + MUST_NOT_FIND["placeholder"]
    from linting.io import open_document
    from tests import corpus

    texts += [line for f in corpus.OWN_TXT for line in open_document(f).texts]
    if corpus.AVAILABLE:  # the seed drafts too, when the outside corpus is here
        texts += [line for f in corpus.corpus_files("seed", "doc*.txt") for line in f.read_text("utf-8").splitlines()]
    samples = [
        "-",
        "_",
        "X",
        "ｘ",
        "×",
        "○",
        "□",
        "△",
        "＊",
        "*",
        "W",
        "【",
        "[",
        "［",
        "{",
        "｛",
        "此处",
        "待补充",
        "待定",
        "待填",
        "请填写",
        "请补充",
        "某某",
        "…",
        "...",
        "。。。",
        "/",
        "?",
    ]
    for text in texts + samples:
        if any(p.trigger.search(text) for p in config.placeholders):
            assert config.placeholder_prefilter.search(text), text


def test_user_pattern_without_trigger_disables_prefilter_and_with_trigger_extends_it() -> None:
    assert config_from_text('[[placeholder]]\npattern = "甲方"\n').placeholder_prefilter is None
    c = config_from_text('[[placeholder]]\npattern = "甲方"\ntrigger = "甲"\n')
    assert c.placeholder_prefilter.search("甲方代表签字") and _lint("甲方代表签字确认。", c)
