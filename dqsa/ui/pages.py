"""Wizard pages built from the criteria pack: each item's wording, its inputs, its live score.

A page shows the items whose ``page`` is its id. An item's inputs follow from its
rule: a manual score, a checklist status, or the facts the rule reads (yes/no,
numbers, zones with photos, mechanisms with documents, check lists). Facts no rule
reads and the ledgers are listed after the items. Nothing here knows an item id.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dqsa.domain.answers import CHECKLIST_LABELS, Answers, StaffMember, catalog_answers, catalog_flag
from dqsa.domain.criteria import Catalog, CatalogEntry, CriteriaPack, DerivedFact, Item
from dqsa.domain.errors import Problem
from dqsa.domain.scoring import ItemResult, fmt
from dqsa.domain.vocabulary import Ratio
from dqsa.export.wording import item_label
from dqsa.ui.evidence_strip import EvidenceStrip
from dqsa.ui.fields import (
    CheckField,
    NumberField,
    ProblemLabel,
    TextField,
    status_field,
    yes_no_field,
)
from dqsa.ui.forms.ui_page_frame import Ui_PageFrame
from dqsa.ui.forms.ui_profile_page import Ui_ProfilePage
from dqsa.ui.forms.ui_staff_table import Ui_StaffTable
from dqsa.ui.i18n import tr
from dqsa.ui.pending import PendingMark, PendingMarks, add_beside
from dqsa.ui.session import AssessmentSession
from dqsa.ui.textsize import set_relative_size


def method_label(method: str) -> str:
    return {"auto": tr("自动"), "manual": tr("人工"), "override": tr("更正")}[method]


#: A page title's size, relative to the text around it (it grows with the text size setting).
TITLE_SIZE = 1.5


def title_label(text: str) -> QLabel:
    """A page's title."""
    label = QLabel(text)
    set_relative_size(label, TITLE_SIZE, bold=True)
    return label


def result_text(result: ItemResult) -> str:
    """“得分 2 / 2 · why”, or the checklist status."""
    if result.status is not None:
        head = CHECKLIST_LABELS[result.status]
    else:
        head = tr("得分 {0} / {1}").format(fmt(result.score), fmt(result.max_points))
    return f"{head}（{method_label(result.method)}）· {result.explanation}"


class ItemCard(QFrame):
    """One item: where the standard puts it, its points and wording, the inputs, the live result."""

    def __init__(self, item: Item, pack: CriteriaPack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        points = tr("（{0} 分）").format(fmt(item.max_points)) if item.max_points is not None else ""
        header = QLabel(f"<b>{escape(item_label(pack, item.id))}</b>{points}")
        header.setTextFormat(Qt.TextFormat.RichText)
        header.setToolTip(tr("条目编号：{0}").format(item.id))
        wording = QLabel(item.text)
        wording.setWordWrap(True)
        wording.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        wording.setStyleSheet("color: #333;")
        layout.addWidget(header)
        layout.addWidget(wording)
        self.inputs = QVBoxLayout()
        layout.addLayout(self.inputs)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setStyleSheet("color: #1a5e20;")
        layout.addWidget(self.result)

    def show_result(self, result: ItemResult) -> None:
        self.result.setText(result_text(result))
        below = result.applicable and result.below_full
        self.result.setStyleSheet("color: #8a4b00;" if below else "color: #1a5e20;")


class PageBuilder:
    """Builds the inputs of a page's items and binds them to the session."""

    def __init__(self, session: AssessmentSession, layout: QVBoxLayout, page_id: str) -> None:
        self.session = session
        self.pack = session.pack
        self.layout = layout
        self.page_id = page_id
        self.answers: Answers = session.answers()
        self.cards: dict[str, ItemCard] = {}
        self.shown_facts: set[str] = set()
        self.fields: dict[str, Any] = {}
        self.pending = PendingMarks(session)

    # -- the page ---------------------------------------------------------------------

    def build(self) -> None:
        for _, _, item in self.pack.items():
            if item.page == self.page_id and item.applies_to_level(self.answers.center.level):
                card = ItemCard(item, self.pack)
                self._item_inputs(card, item)
                self.cards[item.id] = card
                self.layout.addWidget(card)
        self._leftovers()
        self.layout.addStretch(1)
        self.show_scores(self.session.scorecard)  # later scores come through the page (FactsPage)

    def show_scores(self, card: Any) -> None:
        for result in card.items():
            if result.item_id in self.cards:
                self.cards[result.item_id].show_result(result)
        self.pending.update()

    def _leftovers(self) -> None:
        """Facts of this page that no item reads, and the entries of this page's catalogues
        that no item reads (the ledgers, beside the mechanisms), under the catalogue's name."""
        leftover = [f for f in self.pack.facts if f.page == self.page_id and f.id not in self.shown_facts]
        catalogs = [
            (c, [e for e in c.entries if c.fact_id(e.id) not in self.shown_facts])
            for c in self.pack.catalogs
            if c.page == self.page_id
        ]
        catalogs = [(c, entries) for c, entries in catalogs if entries]
        if not leftover and not catalogs:
            return
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(box)
        inner.addWidget(QLabel("<b>" + tr("其他情况") + "</b>"))
        for fact in leftover:
            inner.addWidget(self._fact_input(fact.id))
        for catalog, entries in catalogs:
            inner.addWidget(QLabel(tr("{0}（{1}的打勾）：").format(catalog.label, catalog.yes_word)))
            for entry in entries:
                inner.addWidget(self._catalog_row(catalog, entry))
        self.layout.addWidget(box)

    # -- inputs per rule ----------------------------------------------------------------

    def _item_inputs(self, card: ItemCard, item: Item) -> None:
        rule = item.rule
        if rule.type == "manual":
            top = item.max_points or Decimal(0)
            step = getattr(rule, "step", Decimal("0.5"))
            field = NumberField(
                tr("评分："),
                tr("分"),
                tr("0–{0}，步长 {1}").format(fmt(top), fmt(step)),
                example=tr("例如 {0} 或 {1}").format(fmt(top), fmt(max(top - step, Decimal(0)))),
            )
            field.set_value(self.answers.manual_scores.get(item.id))
            self._bind(field, f"manual_scores.{item.id}", lambda s, y, v: s.set_manual_score(y, item.id, v))
            card.inputs.addWidget(field)
        elif rule.type == "checklist":
            field = status_field(tr("核查结果："))
            field.set_value(self.answers.checklist.get(item.id))
            self._bind(field, f"checklist.{item.id}", lambda s, y, v: s.set_checklist_status(y, item.id, v))
            card.inputs.addWidget(field)
        else:
            facts = self.pack.rule_inputs(rule, self.answers.center.level)
            plain_checks = [f for f in facts if self.pack.is_checklist_fact(f)]
            grid = QGridLayout() if len(plain_checks) > 3 else None
            if plain_checks:
                card.inputs.addWidget(QLabel(tr("已经具备的（有就打勾）：")))
            for fact_id in facts:
                widget = self._fact_input(fact_id)
                if grid is not None and fact_id in plain_checks:
                    position = plain_checks.index(fact_id)
                    grid.addWidget(widget, position // 3, position % 3)
                else:
                    card.inputs.addWidget(widget)
            if grid is not None:
                card.inputs.addLayout(grid)
        if rule.type in {"manual", "checklist"}:
            note = TextField(tr("说明："), tr("评分依据、现场情况等（可不填）"))
            note.set_value(self.answers.notes.get(item.id))
            self._bind(note, f"notes.{item.id}", lambda s, y, v: s.set_item_text(y, item.id, "notes", v))
            card.inputs.addWidget(note)

    def _fact_input(self, fact_id: str) -> QWidget:
        self.shown_facts.add(fact_id)
        label = self.pack.fact_label(fact_id)
        derived = self.pack.derived_fact(fact_id)
        if derived is not None:
            note = QLabel(self._derived_from(derived, label))
            note.setWordWrap(True)
            note.setStyleSheet("color: #555;")
            return note
        found = self.pack.catalog_fact(fact_id)
        if found is not None and self.pack.fact_def(fact_id) is None:
            return self._catalog_row(*found)
        fact = self.pack.fact_def(fact_id)
        if fact is None:  # a pack's consistency check makes every fact a rule reads known
            raise LookupError(f"标准包 {self.pack.id} 中没有事实项 {fact_id}")
        key = f"facts.{fact_id}"
        current = self.answers.facts.get(fact_id)
        if fact.type == "bool" and self.pack.is_checklist_fact(fact_id):
            field: Any = CheckField(label)
        elif fact.type == "bool":
            field = yes_no_field(label)
        else:
            low = fmt(fact.minimum) if fact.minimum is not None else "0"
            integer = fact.type == "int"
            hint = tr("整数，不小于 {0}").format(low) if integer else tr("数字")
            field = NumberField(label + "：", fact.unit or "", hint, integer=integer)
        field.set_value(current)
        if fact.help:
            field.setToolTip(fact.help)
        self._bind(field, key, lambda s, y, v: s.set_fact(y, fact_id, v))
        if not fact.lasts:
            add_beside(field.row, self.pending.mark(key))
        return field

    def _derived_from(self, derived: DerivedFact, label: str) -> str:
        """Where a computed fact comes from, in the pack's words."""
        if isinstance(derived.derive, Ratio):
            part, whole = (self.pack.fact_label(f) for f in (derived.derive.part, derived.derive.whole))
            return tr("{0}：根据“{1}”和“{2}”自动计算").format(label, part, whole)
        roster = self.pack.roster
        page = self.pack.page(roster.page) if roster is not None else None
        if roster is None or page is None:
            return tr("{0}：自动计算").format(label)
        return tr("{0}：根据“{1}”页的{2}自动计算").format(label, page.title, roster.label)

    def _catalog_row(self, catalog: Catalog, entry: CatalogEntry) -> QWidget:
        """A catalogue entry (a zone, a mechanism, a ledger): present or not, its area, its evidence."""
        self.shown_facts.add(catalog.fact_id(entry.id))
        current = next((e for e in catalog_answers(self.answers, catalog.answers) if e.id == entry.id), None)
        row = QWidget()
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        present = CheckField(catalog_check_label(catalog, entry.label))
        present.set_value(catalog_flag(current, catalog) if current else False)
        top.addWidget(present, 1)
        area = None
        problem = ProblemLabel(reserve=catalog.area)  # the area can be mistyped: keep its line
        if catalog.area:
            area = NumberField(tr("面积"), "m²", tr("可不填"), problem=problem)
            area.set_value(getattr(current, "area_m2", None))
            top.addWidget(area)
        layout.addLayout(top)
        layout.addWidget(problem)

        def save(store: Any, year: int, _value: Any) -> None:
            store.set_catalog_entry(
                year, catalog.id, entry.id, present=present.value(), area_m2=area.value() if area else None,
                note=current.note if current else "",
            )  # fmt: skip

        key = f"{catalog.answers}.{entry.id}"
        # The area's message wins over the box's: a save of the box must not clear a typing error.
        self._bind(present, key, save, problem_widget=area or problem)
        if area is not None:
            self._bind(area, f"{key}.area", save)
        if not catalog.entry_lasts(entry):
            add_beside(present.row, self.pending.mark(key))
        if catalog.evidence:
            strip = EvidenceStrip(self.session.store, self.session.year, catalog.id, entry.id)
            strip.changed.connect(self.session.rescore)  # evidence changes unsign a signed year
            top.addWidget(strip, 2)
        return row

    def _bind(self, field: Any, key: str, action: Any, problem_widget: Any = None) -> None:
        """Save ``action(store, year, value)`` under ``key`` when ``field`` is edited.

        A field whose text becomes invalid cancels its waiting save (nothing half-typed is kept).
        """
        self.fields[key] = field
        self.session.register(key, problem_widget or field)
        field.edited.connect(lambda value: self.session.save(key, lambda s, y: action(s, y, value)))
        if isinstance(field, NumberField):
            field.invalidated.connect(lambda: self.session.cancel(key))


def catalog_check_label(catalog: Catalog, label: str) -> str:
    """A catalogue entry's check box, worded with the catalogue's “yes” so that unticked reads as “no”:
    a “yes” that is a done deed (已设置, 已建立) goes before the name, a state (齐全) after it."""
    if catalog.yes_word.startswith("已"):
        return f"{catalog.yes_word}{label}"
    return f"{label}{catalog.yes_word}"


class FactsPage(QWidget):
    """A page of the pack: its items and facts."""

    def __init__(self, session: AssessmentSession, page_id: str, title: str, intro: str = "") -> None:
        super().__init__()
        self.ui = Ui_PageFrame()
        self.ui.setupUi(self)
        self.ui.titleLabel.setText(title)
        set_relative_size(self.ui.titleLabel, TITLE_SIZE, bold=True)
        self.ui.introLabel.setText(intro)
        self.ui.introLabel.setVisible(bool(intro))
        self.marks_above: list[PendingMark] = []  # 待更新 marks of what before_items shows
        self.before_items(session)
        self.builder = PageBuilder(session, self.ui.contentsLayout, page_id)
        self.builder.pending.marks.update({mark.field: mark for mark in self.marks_above})
        self.builder.build()
        # A bound method of this widget: Qt drops the connection when a rebuild deletes the page.
        session.scored.connect(self._show_scores)

    def _show_scores(self, card: Any) -> None:
        self.builder.show_scores(card)

    def before_items(self, session: AssessmentSession) -> None:
        """Hook for pages that show something above the items."""


def roster_columns() -> list[str]:
    return [tr("姓名"), tr("职务"), tr("专职"), tr("党员"), tr("受过培训"), tr("电话（可不填）")]


_FLAGS = ("full_time", "party_member", "trained")
#: The roster's columns, by the answers' field names (dqsa-answers/1's staff entries).
_COLUMNS = ("name", "role", *_FLAGS, "phone")


class StaffTable(QWidget):
    """The staff roster, edited in place; every change saves the whole roster."""

    def __init__(self, session: AssessmentSession) -> None:
        super().__init__()
        self.session = session
        self.ui = Ui_StaffTable()
        self.ui.setupUi(self)
        table = self.ui.staffTable
        headers = roster_columns()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.horizontalHeader().setStretchLastSection(True)
        self._fit_columns()
        self._loading = True
        self._table_rows: list[int] = []  # the table row of each person of the last roster saved
        for person in session.answers().staff or []:
            self._add_row(person)
        self._loading = False
        self.ui.errorLabel.setStyleSheet("color: #b00020;")
        self.ui.errorLabel.hide()
        session.register("staff", self)
        table.itemChanged.connect(self._changed)
        self.ui.addButton.clicked.connect(self.add_person)
        self.ui.removeButton.clicked.connect(self.remove_selected)

    def _fit_columns(self) -> None:
        """Room for a name and a title at the current text size."""
        width = self.fontMetrics().horizontalAdvance("中")
        self.ui.staffTable.setColumnWidth(0, width * 5 + 20)
        self.ui.staffTable.setColumnWidth(1, width * 10 + 20)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_columns()

    def _add_row(self, person: StaffMember | None = None) -> int:
        table = self.ui.staffTable
        blocked = table.blockSignals(True)  # a half-built row is not a change
        row = table.rowCount()
        table.insertRow(row)
        table.setItem(row, 0, QTableWidgetItem(person.name if person else ""))
        table.setItem(row, 1, QTableWidgetItem(person.role if person else ""))
        for column, flag in enumerate(_FLAGS, start=2):
            cell = QTableWidgetItem()
            cell.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            )
            checked = bool(person and getattr(person, flag))
            cell.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            table.setItem(row, column, cell)
        table.setItem(row, 5, QTableWidgetItem(person.phone if person else ""))
        table.blockSignals(blocked)
        return row

    def add_person(self) -> None:
        row = self._add_row()
        self.ui.staffTable.setCurrentCell(row, 0)
        self.ui.staffTable.editItem(self.ui.staffTable.item(row, 0))

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.ui.staffTable.selectedIndexes()}, reverse=True)
        for row in rows:
            self.ui.staffTable.removeRow(row)
        if rows:
            self._changed()

    def roster(self) -> list[dict]:
        """The table's people; rows left completely empty are not people yet."""
        table = self.ui.staffTable
        people = []

        def text(row: int, column: int) -> str:
            cell = table.item(row, column)
            return cell.text().strip() if cell is not None else ""

        def ticked(row: int, column: int) -> bool:
            cell = table.item(row, column)
            return cell is not None and cell.checkState() == Qt.CheckState.Checked

        self._table_rows = []
        for row in range(table.rowCount()):
            name, role, phone = text(row, 0), text(row, 1), text(row, 5)
            flags = {flag: ticked(row, column) for column, flag in enumerate(_FLAGS, start=2)}
            if not (name or role or phone or any(flags.values())):
                continue
            people.append({"name": name, "role": role, "phone": phone, **flags})
            self._table_rows.append(row)
        return people

    def _changed(self, *_: object) -> None:
        if self._loading:
            return
        roster = self.roster()
        self.session.save("staff", lambda store, year: store.set_staff(year, roster))

    def show_problem(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.setVisible(bool(text))

    def add_mark(self, mark: PendingMark) -> None:
        """The roster's 待更新 mark, beside its buttons."""
        add_beside(self.ui.buttonLayout, mark)

    def show_problems(self, problems: list[Problem]) -> None:
        """The store's problems with the roster, each with the table row and column it is in."""
        self.show_problem("；".join(self._where(p) + p.message for p in problems))

    def _where(self, problem: Problem) -> str:
        """“第 2 行姓名：” from a problem's field (the roster, then a person's index and field)."""
        _roster, *path = problem.field.split(".")
        if not path or not path[0].isdigit():
            return ""
        index = int(path[0])
        rows = getattr(self, "_table_rows", [])
        row = rows[index] + 1 if index < len(rows) else index + 1
        labels = dict(zip(_COLUMNS, roster_columns(), strict=True))
        column = labels.get(path[1], "") if len(path) > 1 else ""
        return tr("第 {0} 行{1}：").format(row, column)


class StaffPage(FactsPage):
    """人员配备: the roster table above the page's items."""

    def before_items(self, session: AssessmentSession) -> None:
        self.table = StaffTable(session)
        self.ui.contentsLayout.addWidget(self.table)
        roster = session.pack.roster
        if roster is not None and not roster.lasts:
            mark = PendingMark("staff")
            self.table.add_mark(mark)
            self.marks_above.append(mark)


class ProfilePage(QWidget):
    """中心概况: the assessment's own copy of the center profile, and the assessor."""

    def __init__(self, session: AssessmentSession, title: str) -> None:
        super().__init__()
        self.session = session
        outer = QVBoxLayout(self)
        outer.addWidget(title_label(title))
        form = QWidget()
        self.ui = Ui_ProfilePage()
        self.ui.setupUi(form)
        outer.addWidget(form)
        outer.addStretch(1)
        answers = session.answers()
        pack = session.pack
        self.ui.nameEdit.setText(answers.center.name)
        self.ui.regionEdit.setText(answers.center.region)
        self.ui.contactEdit.setText(answers.center.contact)
        self.ui.assessorEdit.setText(answers.assessor)
        self.ui.yearLabel.setText(str(answers.year))
        self.ui.packLabel.setText(tr("{0}（新建后不可更改）").format(pack.title))
        self.ui.packLabel.setToolTip(tr("标准包 {0}，版本 {1}").format(pack.id, pack.version))
        combo: QComboBox = self.ui.levelCombo
        for level in pack.levels:
            combo.addItem(level.label, level.code)
        combo.setCurrentIndex(max(0, combo.findData(answers.center.level)))
        self.ui.errorLabel.setStyleSheet("color: #b00020;")
        for key in ("name", "region", "contact", "assessor", "level"):
            session.register(f"profile.{key}", self)
        for key, edit in (
            ("name", self.ui.nameEdit),
            ("region", self.ui.regionEdit),
            ("contact", self.ui.contactEdit),
            ("assessor", self.ui.assessorEdit),
        ):
            edit.textEdited.connect(lambda text, key=key: self._save(key, text))
        combo.activated.connect(lambda _index: self._save("level", combo.currentData()))
        self.pending = PendingMarks(session)
        edits = {
            "center.region": self.ui.regionEdit,
            "center.contact": self.ui.contactEdit,
            "assessor": self.ui.assessorEdit,
        }  # the profile fields of the answers, as the pack names them (pack.profile)
        for field in pack.profile.fields:
            if not field.lasts and field.field in edits:
                self._mark_beside(edits[field.field], self.pending.mark(field.field))
        self.pending.update()
        session.scored.connect(self._scored)

    def _mark_beside(self, edit: QWidget, mark: PendingMark) -> None:
        """Put a 待更新 mark to the right of one of the form's fields."""
        form = self.ui.formLayout
        row, role = form.getWidgetPosition(edit)
        holder = QWidget()
        line = QHBoxLayout(holder)
        line.setContentsMargins(0, 0, 0, 0)
        form.removeWidget(edit)
        line.addWidget(edit, 1)
        line.addWidget(mark)
        form.setWidget(row, role, holder)

    def _scored(self, _card: object) -> None:
        self.pending.update()

    def _save(self, key: str, value: str) -> None:
        self.session.save(f"profile.{key}", lambda store, year: store.set_profile(year, **{key: value}))

    def show_problem(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
