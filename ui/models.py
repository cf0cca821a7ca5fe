"""Item models for the outline and problems panels (testable without a window).

* :class:`OutlineModel` — the heading tree of ``LintResult.outline`` (a flat,
  ordered list with levels) as a ``QAbstractItemModel``; each heading carries
  the worst severity and the number of problems in its own section (from the
  heading to the next heading).
* :class:`ProblemsModel` — one row per :class:`~linting.model.Problem`:
  severity, message, rule, location (``第 12 段`` + the section it is in).
  The Problem itself is under ``Qt.UserRole``.
* :class:`ProblemsFilter` — the sort/filter proxy: severity toggles, one rule,
  and a search text.

Updates keep the models cheap while the user types: a new lint whose
structure is unchanged only refreshes data (``dataChanged``) instead of
resetting the model, so expansion, selection and scroll position survive.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from linting.model import Problem, Severity
from linting.outline import OutlineEntry

from .icons import severity_icon

_RANK = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}

ProblemRole = Qt.ItemDataRole.UserRole
#: Sort key role (position for location, rank for severity, text otherwise).
SortRole = Qt.ItemDataRole.UserRole + 1
#: The paragraph index a row points at (outline and problems).
ParagraphRole = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


def severity_label(severity: Severity) -> str:
    """错误 / 警告 / 提示."""
    return {
        Severity.ERROR: QCoreApplication.translate("Models", "错误"),
        Severity.WARNING: QCoreApplication.translate("Models", "警告"),
        Severity.INFO: QCoreApplication.translate("Models", "提示"),
    }[Severity(severity)]


def heading_label(entry: OutlineEntry) -> str:
    """The heading as Word shows it: number (auto-number included) and title."""
    return f"{entry.number}{entry.title}".strip() or QCoreApplication.translate("Models", "（空标题）")


# --------------------------------------------------------------------------------------------- outline


@dataclass(eq=False)
class _Node:
    entry: OutlineEntry | None
    parent: _Node | None
    row: int = 0
    children: list[_Node] = field(default_factory=list)
    count: int = 0
    worst: Severity | None = None


def _structure(entries: Sequence[OutlineEntry]) -> list[tuple[int, str, str]]:
    return [(e.level, e.number, e.title) for e in entries]


class OutlineModel(QAbstractItemModel):
    """The heading tree: column 0 the heading (with its problems' icon), column 1 the count."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = _Node(None, None)
        self._nodes: list[_Node] = []  # in document order
        self._starts: list[int] = []  # paragraph of each node, for bisect

    # -- building

    def set_outline(self, entries: Sequence[OutlineEntry], problems: Sequence[Problem] = ()) -> None:
        """Show ``entries``; counts come from ``problems``.  Same headings → data refresh only."""
        same = len(entries) == len(self._nodes) and _structure(entries) == _structure(
            [n.entry for n in self._nodes if n.entry is not None]
        )
        if same:
            for node, e in zip(self._nodes, entries):
                node.entry = e
            self._starts = [e.paragraph for e in entries]
            before = [(n.count, n.worst) for n in self._nodes]
            self._count(problems)
            # Only headings whose count or severity changed are repainted (typing changes one or two).
            for n, old in zip(self._nodes, before):
                if (n.count, n.worst) != old:
                    first = self.createIndex(n.row, 0, n)
                    self.dataChanged.emit(first, self.createIndex(n.row, 1, n))
            return
        self.beginResetModel()
        self._root = _Node(None, None)
        self._nodes = []
        stack: list[_Node] = [self._root]
        levels: list[int] = [-1]
        for e in entries:
            while len(stack) > 1 and levels[-1] >= e.level:
                stack.pop()
                levels.pop()
            parent = stack[-1]
            node = _Node(e, parent, len(parent.children))
            parent.children.append(node)
            self._nodes.append(node)
            stack.append(node)
            levels.append(e.level)
        self._starts = [e.paragraph for e in entries]
        self._count(problems)
        self.endResetModel()

    def _count(self, problems: Iterable[Problem]) -> None:
        for n in self._nodes:
            n.count = 0
            n.worst = None
        if not self._nodes:
            return
        starts = self._starts
        nodes = self._nodes
        i = -1
        last = len(starts) - 1
        for p in problems:  # sorted by position: walk the headings along
            para = p.paragraph
            if i >= 0 and starts[i] > para:
                i = -1
            while i < last and starts[i + 1] <= para:
                i += 1
            if i < 0:
                continue
            n = nodes[i]
            n.count += 1
            if n.worst is None or _RANK[p.severity] > _RANK[n.worst]:
                n.worst = p.severity

    # -- lookups

    def entries(self) -> list[OutlineEntry]:
        return [n.entry for n in self._nodes if n.entry is not None]

    def index_for_paragraph(self, paragraph: int) -> QModelIndex:
        """The heading whose section contains ``paragraph`` (invalid before the first heading)."""
        i = bisect.bisect_right(self._starts, paragraph) - 1
        if i < 0:
            return QModelIndex()
        n = self._nodes[i]
        return self.createIndex(n.row, 0, n)

    def entry(self, index: _Index) -> OutlineEntry | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node.entry if isinstance(node, _Node) else None

    # -- QAbstractItemModel

    def _node(self, index: _Index) -> _Node:
        if index.isValid():
            node = index.internalPointer()
            if isinstance(node, _Node):
                return node
        return self._root

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= 2 or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        p = self._node(parent)
        if row >= len(p.children):
            return QModelIndex()
        return self.createIndex(row, column, p.children[row])

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index)
        p = node.parent
        if p is None or p is self._root:
            return QModelIndex()
        return self.createIndex(p.row, 0, p)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 2

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        node = self._node(index)
        e = node.entry
        if e is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return heading_label(e)
            return str(node.count) if node.count else ""
        if role == Qt.ItemDataRole.DecorationRole and col == 0 and node.worst is not None:
            return severity_icon(node.worst)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole heading first: the panel is narrow and elides long ones.
            tip = heading_label(e) + "\n" + QCoreApplication.translate("Models", "第 {n} 段").format(n=e.paragraph + 1)
            if node.count:
                tip += " · " + QCoreApplication.translate("Models", "{n} 个问题").format(n=node.count)
            return tip
        if role == ParagraphRole:
            return e.paragraph
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                (QCoreApplication.translate("Models", "标题"), QCoreApplication.translate("Models", "问题"))[section]
                if 0 <= section < 2
                else None
            )
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


# --------------------------------------------------------------------------------------------- problems

COL_SEVERITY, COL_MESSAGE, COL_RULE, COL_LOCATION = range(4)


def _sections(problems: Sequence[Problem], outline: Sequence[OutlineEntry]) -> list[str]:
    """The heading label of the section each problem is in (problems sorted by position)."""
    starts = [e.paragraph for e in outline]
    labels: dict[int, str] = {}
    out = []
    i = -1
    last = len(starts) - 1
    for p in problems:
        para = p.paragraph
        if i >= 0 and starts[i] > para:  # not sorted after all: look it up
            i = bisect.bisect_right(starts, para) - 1
        while i < last and starts[i + 1] <= para:
            i += 1
        if i < 0:
            out.append("")
            continue
        label = labels.get(i)
        if label is None:
            label = labels[i] = heading_label(outline[i])
        out.append(label)
    return out


def _problem_key(p: Problem) -> tuple[object, ...]:
    return (p.rule, p.severity, p.paragraph, p.start, p.end, p.message)


class ProblemsModel(QAbstractTableModel):
    """One row per problem, in document order; the Problem under ``Qt.UserRole``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems: list[Problem] = []
        self._sections: list[str] = []
        self._keys: list[tuple[object, ...]] = []

    def set_problems(self, problems: Sequence[Problem], outline: Sequence[OutlineEntry] = ()) -> None:
        """Show ``problems`` (sorted by position); ``outline`` names each one's section."""
        sections = _sections(problems, outline)
        keys = [_problem_key(p) for p in problems]
        new_problems = list(problems)
        old_keys, old_sections, old_problems = self._keys, self._sections, self._problems
        if keys == old_keys:
            # Same findings (e.g. an edit that changed nothing reported): keep rows, refresh objects.
            self._problems = new_problems
            if sections != old_sections:
                self._sections = sections
                self._changed_rows(0, len(keys))
            return
        # Typing changes a few findings in one place: replace only the rows between the common
        # prefix and suffix, so views and the proxy keep selection and scroll and stay cheap.
        n_old, n_new = len(old_keys), len(keys)
        limit = min(n_old, n_new)
        pre = 0
        while pre < limit and old_keys[pre] == keys[pre]:
            pre += 1
        suf = 0
        while suf < limit - pre and old_keys[n_old - 1 - suf] == keys[n_new - 1 - suf]:
            suf += 1
        old_mid, new_mid = n_old - pre - suf, n_new - pre - suf
        if old_mid > 2000 or new_mid > 2000:
            self.beginResetModel()
            self._problems, self._keys, self._sections = new_problems, keys, sections
            self.endResetModel()
            return
        common = min(old_mid, new_mid)
        if old_mid > new_mid:
            cut = slice(pre + common, pre + old_mid)
            self.beginRemoveRows(QModelIndex(), cut.start, cut.stop - 1)
            self._problems = old_problems[: cut.start] + old_problems[cut.stop :]
            self._keys = old_keys[: cut.start] + old_keys[cut.stop :]
            self._sections = old_sections[: cut.start] + old_sections[cut.stop :]
            self.endRemoveRows()
        elif new_mid > old_mid:
            at = pre + common
            self.beginInsertRows(QModelIndex(), at, at + new_mid - common - 1)
            self._problems = old_problems[:at] + new_problems[at : at + new_mid - common] + old_problems[at:]
            self._keys = old_keys[:at] + keys[at : at + new_mid - common] + old_keys[at:]
            self._sections = old_sections[:at] + sections[at : at + new_mid - common] + old_sections[at:]
            self.endInsertRows()
        # Now the row count is right; refresh every object (positions after the edit may have moved).
        same_sections = self._sections == sections
        self._problems, self._keys, self._sections = new_problems, keys, sections
        if not same_sections:
            self._changed_rows(0, n_new)
        elif common:
            self._changed_rows(pre, pre + common)

    def _changed_rows(self, first: int, end: int) -> None:
        if end > first:
            self.dataChanged.emit(self.index(first, 0), self.index(end - 1, 3))

    def problems(self) -> list[Problem]:
        return list(self._problems)

    def problem(self, row: int) -> Problem:
        return self._problems[row]

    def row_of(self, problem: Problem) -> int:
        """Row of ``problem`` (matched by rule and position), -1 if absent."""
        key = _problem_key(problem)
        try:
            return self._keys.index(key)
        except ValueError:
            return -1

    def counts(self) -> dict[Severity, int]:
        out = {s: 0 for s in Severity}
        for p in self._problems:
            out[p.severity] += 1
        return out

    # -- QAbstractTableModel

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not (0 <= index.row() < len(self._problems)):
            return None
        p = self._problems[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_SEVERITY:
                return severity_label(p.severity)
            if col == COL_MESSAGE:
                return p.message
            if col == COL_RULE:
                return p.rule
            loc = QCoreApplication.translate("Models", "第 {n} 段").format(n=p.paragraph + 1)
            sec = self._sections[index.row()]
            return f"{loc} · {sec}" if sec else loc
        if role == Qt.ItemDataRole.DecorationRole and col == COL_SEVERITY:
            return severity_icon(p.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = p.message
            if p.excerpt:
                tip += "\n" + QCoreApplication.translate("Models", "原文：{x}").format(x=p.excerpt)
            if p.fix is not None:
                tip += "\n" + QCoreApplication.translate("Models", "修改：{x}").format(x=p.fix.description)
            return tip
        if role == ProblemRole:
            return p
        if role == ParagraphRole:
            return p.paragraph
        if role == SortRole:
            if col == COL_SEVERITY:
                return -p.severity.rank * 10_000_000 + index.row()
            if col == COL_MESSAGE:
                return p.message
            if col == COL_RULE:
                return p.rule
            return index.row()  # rows are in document order
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            names = (
                QCoreApplication.translate("Models", "级别"),
                QCoreApplication.translate("Models", "问题"),
                QCoreApplication.translate("Models", "规则"),
                QCoreApplication.translate("Models", "位置"),
            )
            return names[section] if 0 <= section < 4 else None
        return section + 1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ProblemsFilter(QSortFilterProxyModel):
    """Severity toggles, a rule, and a search text over :class:`ProblemsModel`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._severities: set[Severity] = set(Severity)
        self._rule: str | None = None
        self._search = ""
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(False)

    def _refilter(self) -> None:
        # Qt 6.10 deprecates invalidateFilter() for begin/endFilterChange().
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            self.endFilterChange()
        else:  # pragma: no cover - older Qt
            self.invalidateFilter()

    def _active(self) -> bool:
        return bool(self._rule or self._search or len(self._severities) < len(Severity))

    def set_severity_visible(self, severity: Severity, visible: bool) -> None:
        if visible:
            self._severities.add(Severity(severity))
        else:
            self._severities.discard(Severity(severity))
        self._refilter()

    def set_rule(self, rule: str | None) -> None:
        self._rule = rule or None
        self._refilter()

    def rule(self) -> str | None:
        return self._rule

    def set_search(self, text: str) -> None:
        self._search = text.strip().lower()
        self._refilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._active():
            return True
        model = self.sourceModel()
        if not isinstance(model, ProblemsModel) or not (0 <= source_row < model.rowCount()):
            return True
        p = model.problem(source_row)
        if p.severity not in self._severities:
            return False
        if self._rule and p.rule != self._rule:
            return False
        if self._search:
            loc = str(model.data(model.index(source_row, COL_LOCATION)) or "")
            hay = f"{p.message}\n{p.rule}\n{p.excerpt}\n{loc}".lower()
            if self._search not in hay:
                return False
        return True

    def problem_at(self, index: _Index) -> Problem | None:
        if not index.isValid():
            return None
        p = self.data(index, ProblemRole)
        return p if isinstance(p, Problem) else None
