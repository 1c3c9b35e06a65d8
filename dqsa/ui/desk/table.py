"""The desk's list of centers for one year and one standard: a model that sorts by numbers, and its filter.

One standard at a time: a Huzhou table (A1, A2, total in points) and a Wenzhou
checklist (share of applicable items met) have different columns and are never
added together. Cells show text; :data:`SORT` holds what a column sorts by (numbers
as numbers, an empty value last).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from dqsa.domain.scoring import fmt
from dqsa.export.wording import datetime_text, fingerprint_groups, fingerprint_lines
from dqsa.ui.i18n import tr

#: Role of the value a column sorts by.
SORT = Qt.ItemDataRole.UserRole + 1
#: Role of the row's packet id (the same in every column).
PACKET = Qt.ItemDataRole.UserRole + 2
HELD_BACKGROUND = QColor("#fff4ce")
HELD_TEXT = QColor("#5c4400")
REVIEW_COLOURS = {
    "passed": QColor("#1a5e20"),
    "returned": QColor("#8a4b00"),
    "problem": QColor("#b00020"),
}

Index = QModelIndex | QPersistentModelIndex


def short_fingerprint(fingerprint: str) -> str:
    """The first two groups, as read over the phone: ``2D88 66A8…``."""
    groups = fingerprint_groups(fingerprint)
    return " ".join(groups[:2]) + "…" if groups else "—"


def score_text(score: Decimal, maximum: Decimal, *, checklist: bool) -> str:
    """A table's figure: points for a scored standard, ``met / applicable`` for a checklist."""
    return f"{fmt(score)}/{fmt(maximum)}" if checklist else fmt(score)


class Column:
    """One column: its heading, how a row is shown and how it sorts."""

    def __init__(self, key: str, title: str, tooltip: str = "", *, numeric: bool = False) -> None:
        self.key = key
        self.title = title
        self.tooltip = tooltip
        self.numeric = numeric


def review_label(state: Any) -> str:
    return tr(state.label) if hasattr(state, "label") else str(state)


class DeskTableModel(QAbstractTableModel):
    """Rows of ``ListRow`` (the desk store's list) for one standard."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.columns: list[Column] = []
        self.checklist = False
        self.table_ids: list[str] = []
        self._texts: list[list[str]] = []
        self._sorts: list[list[Any]] = []
        self._held: list[bool] = []

    def set_rows(
        self, rows: Sequence[Any], tables: Sequence[tuple[str, str, Decimal]], *, checklist: bool
    ) -> None:
        """``tables``: (table id, short title, maximum) of the standard, in its order."""
        self.beginResetModel()
        self.rows = list(rows)
        self.checklist = checklist
        self.table_ids = [t[0] for t in tables]
        columns = [
            Column("name", tr("中心名称")),
            Column("level", tr("级别")),
            Column("region", tr("地区")),
            Column("fingerprint", tr("证书指纹"), tr("证书指纹的前两组；把鼠标停在上面可看完整指纹")),
            Column("status", tr("接收状态")),
        ]
        for table_id, title, maximum in tables:
            heading = f"{table_id} {title}" if title else table_id
            tip = (
                tr("符合项 / 适用项") if checklist or not maximum else tr("满分 {0} 分").format(fmt(maximum))
            )
            columns.append(Column(f"table:{table_id}", heading, tip, numeric=True))
        if checklist:
            columns.append(Column("total", tr("符合率"), tr("适用条目中符合的比例"), numeric=True))
        else:
            columns.append(Column("total", tr("合计"), tr("自评合计得分"), numeric=True))
        columns += [
            Column("review", tr("审核状态")),
            Column(
                "reviewed",
                tr("复核后符合率") if checklist else tr("复核合计"),
                tr("用复核得分代替自评得分后的合计；没有复核改分的显示“—”"),
                numeric=True,
            ),
            Column("received", tr("收到日期")),
        ]
        self.columns = columns
        # Every cell's text and sort value once: the view asks for them tens of thousands of times
        # (sizing columns, sorting, painting), and a desk lists up to a few hundred centers.
        keys = [c.key for c in columns]
        self._texts = [[self.text(row, key) for key in keys] for row in self.rows]
        self._sorts = [[self.sort_value(row, key) for key in keys] for row in self.rows]
        self._held = [is_held(row) for row in self.rows]
        self.endResetModel()

    # -- Qt model ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.columns[section].tooltip or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        number, column_number = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[number][column_number]
        if role == SORT:
            return self._sorts[number][column_number]
        row = self.rows[number]
        column = self.columns[column_number]
        if role == PACKET:
            return row.packet_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column.key)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self._held[number]:
            return QBrush(HELD_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if self._held[number]:
                return QBrush(HELD_TEXT)
            if column.key == "review":
                colour = REVIEW_COLOURS.get(str(getattr(row.review_state, "value", row.review_state)))
                return QBrush(colour) if colour else None
        return None

    def text(self, row: Any, key: str) -> str:
        if key == "name":
            return row.name
        if key == "level":
            return row.level_label or row.level
        if key == "region":
            return row.region or "—"
        if key == "fingerprint":
            return short_fingerprint(row.fingerprint)
        if key == "status":
            return tr("身份待核实") if is_held(row) else tr("已接收")
        if key.startswith("table:"):
            found = row.tables.get(key[6:])
            return score_text(found[0], found[1], checklist=self.checklist) if found else "—"
        if key == "total":
            return f"{fmt(row.percent)}%" if self.checklist else fmt(row.total)
        if key == "review":
            return review_label(row.review_state)
        if key == "reviewed":
            if row.reviewed_total is None:
                return "—"
            return f"{fmt(row.reviewed_percent)}%" if self.checklist else fmt(row.reviewed_total)
        if key == "received":
            return tr("{0}月{1}日").format(row.received_at.month, row.received_at.day)
        return ""

    def sort_value(self, row: Any, key: str) -> Any:
        if key.startswith("table:"):
            found = row.tables.get(key[6:])
            if not found:
                return -1.0
            score, maximum = found
            return float(score / maximum * 100) if self.checklist and maximum else float(score)
        if key == "total":
            return float(row.percent if self.checklist else row.total)
        if key == "reviewed":
            if row.reviewed_total is None:
                return -1.0
            return float(row.reviewed_percent if self.checklist else row.reviewed_total)
        if key == "received":
            return row.received_at.timestamp()
        if key == "status":
            return 0 if is_held(row) else 1  # held first: they need a decision
        return self.text(row, key)

    def tooltip(self, row: Any, key: str) -> str | None:
        if key == "fingerprint":
            return tr("证书指纹：\n{0}").format("\n".join(fingerprint_lines(row.fingerprint)))
        if key == "status" and is_held(row):
            return row.held_reason or tr("证书与已登记的不同，需核实后才计入")
        if key == "name":
            return tr("双击或按回车打开审核")
        if key == "received":
            return tr("收到：{0}\n签署：{1}").format(
                datetime_text(row.received_at), datetime_text(row.signed_at, zone=True)
            )
        return None

    def row_of_packet(self, packet_id: int) -> int | None:
        return next((n for n, row in enumerate(self.rows) if row.packet_id == packet_id), None)


def is_held(row: Any) -> bool:
    return str(getattr(row.status, "value", row.status)) == "held"


class DeskFilter(QSortFilterProxyModel):
    """Rows whose region, level, review state and status match the choices (None: any)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.region: str | None = None
        self.level: str | None = None
        self.review: str | None = None
        self.status: str | None = None
        self.text = ""
        self.setSortRole(SORT)
        # Chinese names in the order people expect (拼音), whatever the computer's own locale.
        self.collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))

    def lessThan(self, left: Index, right: Index) -> bool:
        a, b = left.data(SORT), right.data(SORT)
        if isinstance(a, str) and isinstance(b, str):
            return self.collator.compare(a, b) < 0
        if isinstance(a, (int, float)) and isinstance(b, (int, float)):
            return a < b
        return super().lessThan(left, right)

    def set_choice(self, **choices: str | None) -> None:
        self.beginFilterChange()
        for name, value in choices.items():
            setattr(self, name, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.text = text.strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, DeskTableModel):
            return True
        row = model.rows[source_row]
        if self.region is not None and row.region != self.region:
            return False
        if self.level is not None and row.level != self.level:
            return False
        if (
            self.review is not None
            and str(getattr(row.review_state, "value", row.review_state)) != self.review
        ):
            return False
        if self.status is not None and str(getattr(row.status, "value", row.status)) != self.status:
            return False
        return not self.text or self.text.lower() in row.name.lower()
