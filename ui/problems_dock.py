"""The problems panel (bottom): filterable list; double-click or Enter selects the span.

Emits requests only: ``problemActivated(problem)`` to show a problem in the
editor and ``problemActionRequested(problem, action)`` with the same action
names as the editor's context menu (``fix``, ``fix-all``, ``ignore-here``,
``ignore-rule``, plus ``help``).  The main window routes both.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from linting.model import Applicability, Problem, Severity
from linting.outline import OutlineEntry

from .docks import Dock, EnterTableView, EnterToolButton
from .icons import severity_icon
from .models import COL_LOCATION, COL_MESSAGE, COL_RULE, COL_SEVERITY, ProblemsFilter, ProblemsModel, severity_label


class ProblemsDock(Dock):
    """Problems list with severity toggles, a rule filter and a search box."""

    problemActivated = Signal(object)
    problemActionRequested = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("问题"), "problemsDock", parent)
        self.model = ProblemsModel(self)
        self.proxy = ProblemsFilter(self)
        self.proxy.setSourceModel(self.model)
        self._fixable_rules: set[str] = set()
        self._checking = False  # a new document's first lint is running

        body = QWidget(self)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.setSpacing(2)
        bar = QHBoxLayout()
        bar.setSpacing(4)
        self.severity_buttons: dict[Severity, EnterToolButton] = {}
        for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO):
            b = EnterToolButton(body)
            b.setCheckable(True)
            b.setChecked(True)
            b.setIcon(severity_icon(sev))
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            b.setAutoRaise(True)
            b.toggled.connect(lambda on, s=sev: self.proxy.set_severity_visible(s, on))
            b.toggled.connect(self._update_page)
            bar.addWidget(b)
            self.severity_buttons[sev] = b
        self.rule_combo = QComboBox(body)
        self.rule_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.rule_combo.addItem(self.tr("全部规则"), None)
        self.rule_combo.currentIndexChanged.connect(self._rule_changed)
        bar.addWidget(self.rule_combo)
        self.search = QLineEdit(body)
        self.search.setPlaceholderText(self.tr("搜索问题…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        bar.addWidget(self.search, 1)
        self.fix_button = EnterToolButton(body)
        self.fix_button.setText(self.tr("修复"))
        self.fix_button.setToolTip(self.tr("应用所选问题的修改建议 (Ctrl+.)"))
        self.fix_button.clicked.connect(lambda: self._request_selected("fix"))
        bar.addWidget(self.fix_button)
        self.fix_all_button = EnterToolButton(body)
        self.fix_all_button.setText(self.tr("修复全部此类问题"))
        self.fix_all_button.clicked.connect(lambda: self._request_selected("fix-all"))
        bar.addWidget(self.fix_all_button)
        lay.addLayout(bar)

        self.stack = QStackedWidget(body)
        self.view = EnterTableView(self.stack)
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)  # Tab leaves the list (to the filter row), as in a list box
        self.view.setWordWrap(False)
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_SEVERITY, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_RULE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_LOCATION, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_SEVERITY, 96)
        header.resizeSection(COL_RULE, 150)
        header.resizeSection(COL_LOCATION, 280)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(False)
        self.view.setSortingEnabled(False)
        self.stack.addWidget(self.view)
        self.clean_label = QLabel(self.stack)
        self.clean_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clean_label.setWordWrap(True)
        self.stack.addWidget(self.clean_label)
        lay.addWidget(self.stack, 1)
        self.setWidget(body)

        # Tab from the list goes on to this panel's own filter row and buttons.
        chain: list[QWidget] = [self.view, *self.severity_buttons.values(), self.rule_combo, self.search]
        chain += [self.fix_button, self.fix_all_button]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

        self.view.doubleClicked.connect(self._activate)
        self.view.enterPressed.connect(self._activate)
        self.view.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_page)
        self._update_counts()
        self._update_page()
        self._update_buttons()

    # -- content

    def set_problems(self, problems: Sequence[Problem], outline: Sequence[OutlineEntry]) -> None:
        """Show a new lint's (visible) problems; the selection follows the same problem if it is still there."""
        current = self.selected_problem()
        self._checking = False
        self.model.set_problems(problems, outline)
        rules = sorted({p.rule for p in problems})
        present = [self.rule_combo.itemData(i) for i in range(1, self.rule_combo.count())]
        if rules != present:
            keep = self.proxy.rule()
            self.rule_combo.blockSignals(True)
            self.rule_combo.clear()
            self.rule_combo.addItem(self.tr("全部规则"), None)
            for r in rules:
                self.rule_combo.addItem(r, r)
            if keep and keep not in rules:
                self.rule_combo.addItem(keep, keep)
            self.rule_combo.setCurrentIndex(max(0, self.rule_combo.findData(keep)) if keep else 0)
            self.rule_combo.blockSignals(False)
        self._fixable_rules = {
            p.rule for p in problems if p.fix is not None and p.fix.applicability == Applicability.SAFE
        }
        if current is not None:
            self.select_problem(current, scroll=False)
        self._update_counts()
        self._update_page()
        self._update_buttons()

    def visible_problems(self) -> list[Problem]:
        """The problems the list shows (after the filters), in order."""
        out = []
        for r in range(self.proxy.rowCount()):
            p = self.proxy.problem_at(self.proxy.index(r, 0))
            if p is not None:
                out.append(p)
        return out

    def selected_problem(self) -> Problem | None:
        return self.proxy.problem_at(self.view.currentIndex())

    def select_problem(self, problem: Problem, *, scroll: bool = True) -> bool:
        """Make ``problem``'s row current (without activating it)."""
        row = self.model.row_of(problem)
        if row < 0:
            return False
        idx = self.proxy.mapFromSource(self.model.index(row, 0))
        if not idx.isValid():
            return False
        self.view.setCurrentIndex(idx)
        if scroll:
            self.view.scrollTo(idx)
        return True

    # -- internals

    def _update_counts(self) -> None:
        counts = self.model.counts()
        for sev, b in self.severity_buttons.items():
            b.setText(f"{severity_label(sev)} {counts[sev]}")

    def show_checking(self) -> None:
        """A new document is being checked: no problems yet, and no claim that there are none."""
        self.set_problems([], [])
        self._checking = True
        self._update_page()

    def _update_page(self) -> None:
        if self._checking:
            self.clean_label.setText(self.tr("正在检查…"))
            self.stack.setCurrentWidget(self.clean_label)
        elif self.model.rowCount() == 0:
            self.clean_label.setText(self.tr("未发现问题。这份文档的结构、编号和标点都没有检查出问题。"))
            self.stack.setCurrentWidget(self.clean_label)
        elif self.proxy.rowCount() == 0:
            self.clean_label.setText(self.tr("没有符合筛选条件的问题。"))
            self.stack.setCurrentWidget(self.clean_label)
        else:
            self.stack.setCurrentWidget(self.view)

    def _update_buttons(self, *_: object) -> None:
        p = self.selected_problem()
        self.fix_button.setEnabled(p is not None and p.fix is not None)
        self.fix_all_button.setEnabled(p is not None and p.rule in self._fixable_rules)

    def _rule_changed(self, _i: int) -> None:
        self.proxy.set_rule(self.rule_combo.currentData())
        self._update_page()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_page()

    def _activate(self, index: QModelIndex) -> None:
        p = self.proxy.problem_at(index)
        if p is not None:
            self.problemActivated.emit(p)

    def _request_selected(self, action: str) -> None:
        p = self.selected_problem()
        if p is not None:
            self.problemActionRequested.emit(p, action)

    def _context_menu(self, pos: QPoint) -> None:
        idx = self.view.indexAt(pos)
        p = self.proxy.problem_at(idx)
        menu = QMenu(self)
        if p is not None:
            self.view.setCurrentIndex(idx)
            a = menu.addAction(self.tr("转到"))
            a.triggered.connect(lambda: self.problemActivated.emit(p))
            if p.fix is not None:
                a = menu.addAction(self.tr("修复：{d}").format(d=p.fix.description))
                a.triggered.connect(lambda: self.problemActionRequested.emit(p, "fix"))
            if p.rule in self._fixable_rules:
                a = menu.addAction(self.tr("修复全部此类问题"))
                a.triggered.connect(lambda: self.problemActionRequested.emit(p, "fix-all"))
            menu.addSeparator()
            a = menu.addAction(self.tr("忽略此处"))
            a.triggered.connect(lambda: self.problemActionRequested.emit(p, "ignore-here"))
            a = menu.addAction(self.tr("本文档忽略此规则"))
            a.triggered.connect(lambda: self.problemActionRequested.emit(p, "ignore-rule"))
            a = menu.addAction(self.tr("规则说明"))
            a.triggered.connect(lambda: self.problemActionRequested.emit(p, "help"))
            menu.addSeparator()
        a = menu.addAction(self.tr("复制问题列表"))
        a.triggered.connect(self.copy_list)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def copy_list(self) -> None:
        """Copy the shown problems as tab-separated text."""
        lines = []
        for r in range(self.proxy.rowCount()):
            cells = [str(self.proxy.data(self.proxy.index(r, c)) or "") for c in range(4)]
            lines.append("\t".join(cells))
        QGuiApplication.clipboard().setText("\n".join(lines))
