"""Reading and writing rule severities in the user's config file (the one the CLI reads).

The editor's settings dialog and the command line share ONE configuration
system: :func:`linting.config.user_config_path`.  This module edits only the
``[rules]`` table of that file, by hand and line by line, so every other line,
comment, blank line and the file's line endings stay exactly as the user wrote
them.  Before anything is written the new text is parsed and validated the way
the CLI would load it (:func:`linting.config.config_from_text`) and checked to
say exactly what was asked; a file the CLI would reject is never produced.  The
write is atomic (temporary file + ``os.replace``).

Values are ``"error"``, ``"warning"``, ``"info"`` or ``"off"``; the Chinese names
(错误/警告/提示/关闭) and ``"on"``/``true``/``false`` are accepted on input.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .config import ConfigError, config_from_text, user_config_path

__all__ = ["SEVERITY_CHOICES", "normalize_severity", "read_rule_settings", "write_rule_settings", "default_settings"]

#: The values a rule can be set to, in the order a settings UI lists them.
SEVERITY_CHOICES: tuple[str, ...] = ("error", "warning", "info", "off")

_WORDS = {
    "error": "error",
    "warning": "warning",
    "info": "info",
    "off": "off",
    "错误": "error",
    "警告": "warning",
    "提示": "info",
    "关闭": "off",
    "false": "off",
}

_HEADER = re.compile(r"^\s*\[\s*(?:rules|\"rules\"|'rules')\s*\]\s*(?:#.*)?$")
_ANY_HEADER = re.compile(r"^\s*\[")
# A key line inside [rules]:   indent  "key"  =  value  rest(comment)
_KEY_LINE = re.compile(
    r"""^(?P<indent>\s*)(?P<q>["']?)(?P<key>[A-Za-z0-9_-]+)(?P=q)(?P<eq>\s*=\s*)"""
    r"""(?P<value>"[^"\\]*"|'[^']*'|true|false)(?P<rest>\s*(?:\#.*)?)$"""
)

_NEW_FILE_HEADER = (
    "# ReportLint 用户配置（编辑器的“设置”和命令行共用这个文件）\n"
    "# 规则级别：error | warning | info | off（也可写 错误/警告/提示/关闭）\n"
)


def normalize_severity(value: object, rule_id: str | None = None) -> str | None:
    """``"error"``/``"warning"``/``"info"``/``"off"`` for a config value; ``None`` for "on" (the default).

    Raises :class:`ValueError` for anything else.
    """
    if value is True:
        return None
    if value is False:
        return "off"
    word = str(value).strip().lower()
    if word == "on":
        return None
    if word in _WORDS:
        return _WORDS[word]
    raise ValueError(f"rule {rule_id or '?'}: invalid severity {value!r} (expected error/warning/info/off)")


def default_settings() -> dict[str, str]:
    """Every rule's shipped severity (rule id → "error"/"warning"/"info")."""
    from .rules import RULES

    return {rid: rule.severity.value for rid, rule in RULES.items()}


def read_rule_settings(path: Path | None = None) -> dict[str, str]:
    """Every rule's severity as the user file sets it (rule id → "error"/"warning"/"info"/"off").

    Rules the file does not mention have their shipped default.  ``path``
    defaults to :func:`linting.config.user_config_path`; a missing file means
    all defaults.  A file the CLI would reject raises :class:`ConfigError`.
    Folder ``.reportlint.toml`` files are not considered: this is the user's
    own setting, not the effective one for a particular document.
    """
    target = Path(path) if path is not None else user_config_path()
    result = default_settings()
    text = _read_text(target)
    if text is None:
        return result
    rules = _validated_rules(text, str(target))
    for rid, val in rules.items():
        sev = normalize_severity(val, rid)
        if sev is not None:
            result[rid] = sev
    return result


def write_rule_settings(values: Mapping[str, str], path: Path | None = None) -> None:
    """Set the severities in ``values`` (rule id → error/warning/info/off) in the user config file.

    Only the ``[rules]`` table changes: a rule already in the file gets its
    value replaced in place (its trailing comment kept); a rule set to
    something other than its default is appended to the table; a rule set
    back to its default that is not in the file is not added.  Rules not in
    ``values`` keep whatever the file says.  The file is created (with its
    folder) if needed.

    Raises :class:`ValueError` for an unknown rule id or an invalid severity
    (nothing written), :class:`ConfigError` when the existing file is not
    valid (nothing written: we never overwrite what we cannot read), and
    :class:`linting.io.SaveError` when the file cannot be written.
    """
    from .rules import RULES

    target = Path(path) if path is not None else user_config_path()
    wanted: dict[str, str] = {}
    for rid, val in values.items():
        if rid not in RULES:
            raise ValueError(f"unknown rule id {rid!r}")
        sev = normalize_severity(val, rid)
        wanted[rid] = sev if sev is not None else RULES[rid].severity.value

    old = _read_text(target)
    text = old if old is not None else ""
    current = _validated_rules(text, str(target)) if old is not None else {}

    if current and not any(_HEADER.match(line) for line in text.splitlines()):
        # `rules = {…}` or `rules.x = …`: valid TOML we do not rewrite by hand.
        raise ConfigError(str(target), None, "rules", "规则写成了内联表或点号键，无法自动修改；请改写为 [rules] 表")
    new_text = _edit_rules_table(text, wanted, current, {rid: r.severity.value for rid, r in RULES.items()})
    if old is None and new_text:
        new_text = _NEW_FILE_HEADER + "\n" + new_text
    if new_text == text:
        return

    # The CLI must accept what we write, and it must mean what was asked.
    try:
        data = _validated_rules(new_text, str(target))
    except ConfigError as e:
        raise ConfigError(str(target), None, "rules", f"无法自动修改这个配置文件，请手动编辑（{e.reason}）") from None
    effective = {rid: normalize_severity(v, rid) or RULES[rid].severity.value for rid, v in data.items()}
    for rid, sev in wanted.items():
        if effective.get(rid, RULES[rid].severity.value) != sev:
            raise ConfigError(str(target), None, f"rules.{rid}", "无法自动修改这个配置文件的 [rules] 表，请手动编辑")

    from .io.atomic import atomic_write

    target.parent.mkdir(parents=True, exist_ok=True)
    bom = b"\xef\xbb\xbf" if _had_bom(target) else b""
    atomic_write(target, bom + new_text.encode("utf-8"), backup=False)


# ---------------------------------------------------------------------------


def _read_text(target: Path) -> str | None:
    try:
        raw = target.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as e:
        raise ConfigError(str(target), None, "(文件)", f"无法读取：{e.strerror or e}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(str(target), None, "(文件)", "不是 UTF-8 编码，请用 UTF-8 保存") from None


def _had_bom(target: Path) -> bool:
    try:
        with target.open("rb") as f:
            return f.read(3) == b"\xef\xbb\xbf"
    except OSError:
        return False


def _validated_rules(text: str, name: str) -> dict[str, Any]:
    """The raw ``[rules]`` table of ``text``, after checking the CLI accepts the whole text."""
    config_from_text(text, name)  # raises ConfigError exactly as the CLI would
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:  # pragma: no cover - config_from_text already raised
        raise ConfigError(name, None, "(语法)", str(e)) from None
    rules = data.get("rules", {})
    return dict(rules) if isinstance(rules, dict) else {}


def _edit_rules_table(text: str, wanted: dict[str, str], current: dict[str, Any], defaults: dict[str, str]) -> str:
    """``text`` with the ``[rules]`` table updated to ``wanted`` (a careful line edit)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    todo = dict(wanted)

    start = next((i for i, line in enumerate(lines) if _HEADER.match(line.rstrip("\r\n"))), None)
    if start is not None:
        end = next((j for j in range(start + 1, len(lines)) if _ANY_HEADER.match(lines[j])), len(lines))
        for j in range(start + 1, end):
            body = lines[j].rstrip("\r\n")
            ending = lines[j][len(body) :]
            m = _KEY_LINE.match(body)
            if not m or m.group("key") not in todo:
                continue
            rid = m.group("key")
            sev = todo.pop(rid)
            try:
                same = (normalize_severity(current.get(rid), rid) or defaults[rid]) == sev
            except ValueError:
                same = False
            if not same:
                lines[j] = (
                    f'{m.group("indent")}{m.group("q")}{rid}{m.group("q")}{m.group("eq")}"{sev}"{m.group("rest")}'
                )
                lines[j] += ending
        additions = [f'"{rid}" = "{sev}"{newline}' for rid, sev in todo.items() if sev != defaults[rid]]
        if additions:
            # After the table's last non-blank line, so blank lines before the next table stay.
            insert_at = end
            while insert_at > start + 1 and not lines[insert_at - 1].strip():
                insert_at -= 1
            if insert_at > 0 and not lines[insert_at - 1].endswith(("\n", "\r")):
                lines[insert_at - 1] += newline
            lines[insert_at:insert_at] = additions
        return "".join(lines)

    additions = [f'"{rid}" = "{sev}"{newline}' for rid, sev in todo.items() if sev != defaults[rid]]
    if not additions:
        return text
    out = text
    if out and not out.endswith(("\n", "\r")):
        out += newline
    if out.strip():
        out += newline
    return out + "[rules]" + newline + "".join(additions)
