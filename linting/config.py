"""Configuration: shipped defaults (TOML) merged with the user's and the folder's files.

Order, later wins: ``linting/data/defaults.toml`` → the user file
(``%APPDATA%\\ReportLint\\config.toml`` or ``~/.config/reportlint/config.toml``)
→ every ``.reportlint.toml`` from the filesystem root down to the document's
folder → ``--config FILE``.  A bad file raises :class:`ConfigError` naming the
file, the line and the key, in Chinese.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import rule_ids
from .chars import HAN_RANGE as CJK_RANGE
from .model import Severity

CONFIG_NAME = ".reportlint.toml"
_DEFAULTS = Path(__file__).with_name("data") / "defaults.toml"


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names file, line and key."""

    def __init__(self, path: str, line: int | None, key: str, reason: str) -> None:
        self.path, self.line, self.key, self.reason = path, line, key, reason
        where = f"{path}:{line}" if line else path
        super().__init__(f"配置文件错误 {where}：{key}：{reason}")


@dataclass(frozen=True, slots=True)
class PlaceholderPattern:
    id: str
    regex: re.Pattern[str]
    message: str
    check: str | None = None
    trigger: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class SectionSpec:
    name: str
    required: bool
    headings: re.Pattern[str] | None
    cues: re.Pattern[str] | None
    examples: str = ""


@dataclass(frozen=True, slots=True)
class ClosingSpec:
    name: str
    patterns: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class DocType:
    name: str
    order: int
    title: tuple[re.Pattern[str], ...]
    sections: tuple[SectionSpec, ...]
    closings: tuple[ClosingSpec, ...]


@dataclass(frozen=True)
class Config:
    """The effective configuration (immutable; the engine caches on it)."""

    severities: dict[str, Severity | None] = field(default_factory=dict)
    placeholders: tuple[PlaceholderPattern, ...] = ()
    #: Union of every placeholder trigger (None if a pattern has none): one search per
    #: paragraph decides whether any placeholder pattern needs to run at all.
    placeholder_prefilter: re.Pattern[str] | None = None
    lookalikes: re.Pattern[str] | None = None
    doctypes: tuple[DocType, ...] = ()
    doctype: str | None = None
    sources: tuple[str, ...] = ()

    def doctype_named(self, name: str) -> DocType | None:
        for d in self.doctypes:
            if d.name == name:
                return d
        return None


# ---------------------------------------------------------------------------
# Loading


def user_config_path() -> Path:
    if os.name == "nt" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / "ReportLint" / "config.toml"
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "reportlint" / "config.toml"


def folder_configs(document: Path) -> list[Path]:
    """``.reportlint.toml`` files from the root down to the document's folder."""
    folder = document if document.is_dir() else document.parent
    found = []
    for d in [folder.resolve(), *folder.resolve().parents]:
        f = d / CONFIG_NAME
        if f.is_file():
            found.append(f)
    return list(reversed(found))


def load_config(
    document: str | os.PathLike[str] | None = None, extra: str | os.PathLike[str] | None = None, *, user: bool = True
) -> Config:
    """The effective config for ``document`` (or for no document), with ``extra`` on top (str or PathLike)."""
    doc_path = Path(document) if document is not None else None
    extra_path = Path(extra) if extra is not None else None
    files: list[Path] = []
    if user:
        u = user_config_path()
        if u.is_file():
            files.append(u)
    if doc_path is not None:
        files.extend(folder_configs(doc_path))
    if extra_path is not None:
        if not extra_path.is_file():
            raise ConfigError(str(extra_path), None, "--config", "文件不存在")
        files.append(extra_path)
    return _load_cached(tuple(str(f) for f in files), tuple(_mtime(f) for f in files))


def _mtime(p: Path) -> float:
    try:
        return p.stat().st_mtime
    except OSError:
        return 0.0


@lru_cache(maxsize=32)
def _load_cached(files: tuple[str, ...], _mtimes: tuple[float, ...]) -> Config:
    raw = _read_toml(_DEFAULTS)
    merged = _Merged.from_defaults(raw)
    for f in files:
        merged.apply(Path(f), _read_toml(Path(f)))
    return merged.build(files)


def config_from_text(text: str, name: str = "<config>") -> Config:
    """Defaults plus one config given as text (used by tests and the editor's settings)."""
    merged = _Merged.from_defaults(_read_toml(_DEFAULTS))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise _syntax_error(name, e) from None
    merged.apply_data(name, text, data)
    return merged.build((name,))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ConfigError(str(path), None, "(文件)", f"无法读取：{e.strerror or e}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(str(path), None, "(文件)", "不是 UTF-8 编码，请用 UTF-8 保存") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise _syntax_error(str(path), e) from None
    data["__text__"] = text
    return data


def _syntax_error(path: str, e: tomllib.TOMLDecodeError) -> ConfigError:
    m = re.search(r"line (\d+)", str(e))
    return ConfigError(path, int(m.group(1)) if m else None, "(语法)", f"TOML 语法错误（{e}）")


def _line_of(text: str, key: str, table: str | None = None) -> int | None:
    """Best-effort line number of ``key`` (inside ``[table]`` when given)."""
    lines = text.splitlines()
    start = 0
    if table:
        pat = re.compile(r"^\s*\[\[?\s*" + re.escape(table).replace(r"\.", r"\s*\.\s*") + r"\s*\]\]?")
        for i, line in enumerate(lines):
            if pat.search(line.replace('"', "")):
                start = i
                break
    kpat = re.compile(r'^\s*"?' + re.escape(key) + r'"?\s*=')
    for i in range(start, len(lines)):
        if kpat.search(lines[i]):
            return i + 1
    return start + 1 if table else None


_SEVERITY_WORDS = {
    "error": Severity.ERROR,
    "warning": Severity.WARNING,
    "info": Severity.INFO,
    "错误": Severity.ERROR,
    "警告": Severity.WARNING,
    "提示": Severity.INFO,
    "off": None,
    "关闭": None,
    "false": None,
}


class _Merged:
    """Mutable accumulation of raw config data before compiling."""

    def __init__(self) -> None:
        self.severities: dict[str, Severity | None] = {}
        self.placeholders: list[dict[str, Any]] = []
        self.lookalikes: list[str] = []
        self.doctypes: dict[str, dict[str, Any]] = {}
        self.doctype: str | None = None
        self.prefilter: str | None = None
        self.prefilter_covers = 0  # the prefilter was written for the first N placeholder patterns
        self._where: dict[int, tuple[str, int | None, str]] = {}
        #: The shipped defaults are not validated pattern by pattern (every one is compiled when the
        #: config is built, and the tests build it): that halves the cost of loading a config.
        self._trusted = False

    @classmethod
    def from_defaults(cls, raw: dict[str, Any]) -> _Merged:
        m = cls()
        own = {k: v for k, v in raw.items() if k != "vocabulary"}  # read by linting.vocabulary, not a setting
        m._trusted = True
        m.apply_data(str(_DEFAULTS), raw.get("__text__", ""), own)
        m._trusted = False
        return m

    def _check(self, pattern: str, on_error: Any) -> None:
        """Refuse an invalid regex with a message naming file, line and key (user files only)."""
        if not self._trusted:
            _compile(pattern, on_error)

    def apply(self, path: Path, data: dict[str, Any]) -> None:
        self.apply_data(str(path), data.get("__text__", ""), data)

    def apply_data(self, name: str, text: str, data: dict[str, Any]) -> None:
        def err(key: str, reason: str, table: str | None = None, line_key: str | None = None) -> ConfigError:
            return ConfigError(name, _line_of(text, line_key or key.split(".")[-1], table), key, reason)

        known = {"__text__", "doctype", "rules", "placeholder", "lookalikes", "placeholder_prefilter"}
        if "vocabulary" in data:
            raise err("vocabulary", "内置词表不能在配置文件中修改（它随程序提供，见 linting/data/defaults.toml）")
        for key in data:
            if key not in known:
                raise err(key, f"未知的配置项（可用：{'、'.join(sorted(known - {'__text__'}))}）", line_key=key)
        if "doctype" in data:
            dt = data["doctype"]
            if isinstance(dt, str):
                self.doctype = dt
            elif isinstance(dt, dict):
                for tname, spec in dt.items():
                    if not isinstance(spec, dict):
                        raise err(f"doctype.{tname}", "应为表（[doctype.名称]）", line_key=tname)
                    self._merge_doctype(tname, spec, err)
            else:
                raise err("doctype", "应为文种名称（字符串）或 [doctype.名称] 表")
        rules = data.get("rules", {})
        if not isinstance(rules, dict):
            raise err("rules", "应为表 [rules]")
        for rid, val in rules.items():
            if rid not in rule_ids.ALL:
                raise err(f"rules.{rid}", "没有这条规则（运行 python -m linting rules 查看规则列表）", "rules", rid)
            word = str(val).lower() if not isinstance(val, bool) else ("off" if val is False else "on")
            if word == "on":
                self.severities.pop(rid, None)
                continue
            if word not in _SEVERITY_WORDS:
                raise err(f"rules.{rid}", f"级别“{val}”无效，应为 error / warning / info / off", "rules", rid)
            self.severities[rid] = _SEVERITY_WORDS[word]
        ph = data.get("placeholder", [])
        if not isinstance(ph, list):
            raise err("placeholder", "应写成 [[placeholder]] 表数组")
        for i, entry in enumerate(ph):
            if not isinstance(entry, dict) or "pattern" not in entry:
                raise err(f"placeholder[{i}]", "缺少 pattern（正则表达式）", line_key="placeholder")
            self._check(entry["pattern"], lambda r, i=i: err(f"placeholder[{i}].pattern", r, line_key="pattern"))
            self.placeholders.append(
                {
                    "id": str(entry.get("id", f"user-{len(self.placeholders)}")),
                    "pattern": entry["pattern"],
                    "message": str(entry.get("message", "残留的占位内容“{match}”：请补全")),
                    "check": entry.get("check"),
                    "trigger": entry.get("trigger"),
                }
            )
            if entry.get("trigger") is not None:
                self._check(entry["trigger"], lambda r, i=i: err(f"placeholder[{i}].trigger", r, line_key="trigger"))
        pf = data.get("placeholder_prefilter")
        if pf is not None:
            if not isinstance(pf, dict) or not isinstance(pf.get("pattern"), str):
                raise err("placeholder_prefilter.pattern", "应为正则表达式字符串", "placeholder_prefilter", "pattern")
            self._check(
                pf["pattern"], lambda r: err("placeholder_prefilter.pattern", r, "placeholder_prefilter", "pattern")
            )
            self.prefilter = pf["pattern"]
            self.prefilter_covers = len(self.placeholders)
        la = data.get("lookalikes", {})
        if la:
            pats = la.get("patterns", []) if isinstance(la, dict) else None
            if not isinstance(pats, list):
                raise err("lookalikes.patterns", "应为字符串数组", "lookalikes", "patterns")
            for p in pats:
                self._check(p, lambda r: err("lookalikes.patterns", r, "lookalikes", "patterns"))
            self.lookalikes.extend(pats)

    def _merge_doctype(self, tname: str, spec: dict[str, Any], err: Any) -> None:
        cur = self.doctypes.setdefault(tname, {"title": [], "order": 100, "section": [], "closing": []})
        for key, val in spec.items():
            if key == "title":
                if not isinstance(val, list) or not all(isinstance(v, str) for v in val):
                    raise err(f"doctype.{tname}.title", "应为正则表达式字符串数组", line_key="title")
                for v in val:
                    self._check(v, lambda r: err(f"doctype.{tname}.title", r, line_key="title"))
                cur["title"] = list(val)
            elif key == "order":
                if not isinstance(val, int):
                    raise err(f"doctype.{tname}.order", "应为整数", line_key="order")
                cur["order"] = val
            elif key in ("section", "closing"):
                if not isinstance(val, list):
                    raise err(f"doctype.{tname}.{key}", f"应写成 [[doctype.{tname}.{key}]] 表数组", line_key=key)
                for s in val:
                    if not isinstance(s, dict) or "name" not in s:
                        raise err(f"doctype.{tname}.{key}", "每项需要 name", line_key=key)
                    lists = ("headings", "cues") if key == "section" else ("patterns",)
                    for lk in lists:
                        v = s.get(lk, [])
                        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                            raise err(f"doctype.{tname}.{key}.{lk}", "应为正则表达式字符串数组", line_key=lk)
                        for x in v:
                            self._check(x, lambda r, lk=lk, key=key: err(f"doctype.{tname}.{key}.{lk}", r, line_key=lk))
                    existing = next((e for e in cur[key] if e["name"] == s["name"]), None)
                    if existing is None:
                        cur[key].append({k: (list(v) if isinstance(v, list) else v) for k, v in s.items()})
                    else:
                        for lk in lists:
                            existing.setdefault(lk, []).extend(s.get(lk, []))
                        if "required" in s:
                            existing["required"] = bool(s["required"])
            else:
                raise err(
                    f"doctype.{tname}.{key}", "未知的配置项（可用：title、order、section、closing）", line_key=key
                )

    def build(self, files: tuple[str, ...]) -> Config:
        placeholders = tuple(
            PlaceholderPattern(
                p["id"],
                _compile(p["pattern"]),
                p["message"],
                p.get("check"),
                _compile(p["trigger"]) if p.get("trigger") else None,
            )
            for p in self.placeholders
        )
        lookalikes = _compile("|".join(f"(?:{p})" for p in self.lookalikes)) if self.lookalikes else None
        doctypes = []
        for name, spec in self.doctypes.items():
            sections = tuple(
                SectionSpec(
                    s["name"],
                    bool(s.get("required", True)),
                    _alt(s.get("headings", [])),
                    _alt(s.get("cues", [])),
                    str(s.get("examples", "")),
                )
                for s in spec["section"]
            )
            closings = tuple(
                ClosingSpec(c["name"], _alt(c.get("patterns", [])) or re.compile(r"(?!x)x")) for c in spec["closing"]
            )
            doctypes.append(DocType(name, spec["order"], tuple(_compile(t) for t in spec["title"]), sections, closings))
        doctypes.sort(key=lambda d: d.order)
        if self.doctype is not None and not any(d.name == self.doctype for d in doctypes):
            raise ConfigError(
                files[-1] if files else "<config>",
                None,
                "doctype",
                f"未知文种“{self.doctype}”（可用：{'、'.join(d.name for d in doctypes)}）",
            )
        prefilter = None
        extra = placeholders[self.prefilter_covers :]
        if self.prefilter is not None and all(p.trigger is not None for p in extra):
            parts = [_expand(self.prefilter)] + [p.trigger.pattern for p in extra if p.trigger is not None]
            prefilter = re.compile("|".join(f"(?:{x})" for x in parts) if len(parts) > 1 else parts[0])
        return Config(dict(self.severities), placeholders, prefilter, lookalikes, tuple(doctypes), self.doctype, files)


def _expand(pattern: str) -> str:
    return pattern.replace("{CJK}", CJK_RANGE)


def _compile(pattern: str, on_error: Any = None) -> re.Pattern[str]:
    try:
        return re.compile(_expand(pattern))
    except re.error as e:
        if on_error is not None:
            raise on_error(f"正则表达式无效（{e}）") from None
        raise


def _alt(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return _compile("|".join(f"(?:{p})" for p in patterns))


@lru_cache(maxsize=1)
def default_config() -> Config:
    """Defaults only (no user or folder files)."""
    return _load_cached((), ())
