"""A received packet's files, without unpacking anything by hand: the report, the photos, last year's packet.

Every file is read from the packet the desk keeps and checked against the digest its
signed manifest lists (:meth:`DeskStore.member_bytes`). The report is written to a
private temporary folder and opened with the computer's PDF viewer; when none is
registered the person is told where the file is. Photos are shown in the program.
"""

from __future__ import annotations

import logging
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon, QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dqsa.domain.scoring import fmt
from dqsa.export.packet import REPORT_NAME, safe_file_name
from dqsa.export.wording import datetime_text, item_label
from dqsa.ui.i18n import tr
from dqsa.ui.places import remember_folder, start_folder

if TYPE_CHECKING:
    from dqsa.store.desk.service import DeskStore
    from dqsa.ui.desk.window import DeskWindow

log = logging.getLogger(__name__)


def open_report(window: DeskWindow, store: DeskStore, packet_id: int) -> Path | None:
    """Write the packet's signed report to a temporary file and open it with the system's PDF viewer."""
    from dqsa.store.errors import StoreError

    packet = store.packet(packet_id)
    try:
        data = store.member_bytes(packet_id, REPORT_NAME)
    except StoreError as exc:
        QMessageBox.warning(window, tr("查看自评报告"), str(exc))
        return None
    target = (
        window.view_folder()
        / f"{safe_file_name(packet.center_name)}-{packet.year}年度自评报告-{packet.id}.pdf"
    )
    try:
        if target.exists():
            target.chmod(stat.S_IRUSR | stat.S_IWUSR)
        target.write_bytes(data)
        target.chmod(stat.S_IRUSR)  # read-only: a viewer that saves changes cannot alter it by mistake
    except OSError as exc:
        QMessageBox.warning(window, tr("查看自评报告"), tr("无法写出临时文件 {0}：{1}").format(target, exc))
        return None
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(target))):
        box = QMessageBox(
            QMessageBox.Icon.Information,
            tr("查看自评报告"),
            tr(
                "这台电脑上没有能打开 PDF 文件的程序。报告已取出为：\n{0}\n\n"
                "请安装一个 PDF 阅读器（例如 Adobe Acrobat Reader、福昕阅读器）后再点“查看自评报告”，"
                "或用“另存材料包”把整个材料包保存到别处。"
            ).format(target),
            QMessageBox.StandardButton.Ok,
            window,
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()
        box.deleteLater()
    return target


def save_packet_as(window: DeskWindow, store: DeskStore, packet_id: int) -> Path | None:
    """另存材料包…: the packet exactly as received, to a place the person chooses."""
    from dqsa.export.packet import packet_file_name
    from dqsa.store.errors import StoreError

    packet = store.packet(packet_id)
    suggested = start_folder("export") / packet_file_name(packet.center_name, packet.year)
    path, _ = QFileDialog.getSaveFileName(window, tr("另存材料包"), str(suggested), tr("材料包 (*.zip)"))
    if not path:
        return None
    target = Path(path) if path.lower().endswith(".zip") else Path(path + ".zip")
    remember_folder("export", target.parent)
    try:
        store.save_packet(packet_id, target)
    except StoreError as exc:
        QMessageBox.warning(window, tr("另存材料包"), str(exc))
        return None
    window.statusBar().showMessage(tr("已保存：{0}").format(target), 10000)
    return target


class _Picture(QLabel):
    """A photo scaled to the room it has, keeping its proportions."""

    def __init__(self) -> None:
        super().__init__()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(200, 150)
        self.original = QPixmap()

    def show_image(self, pixmap: QPixmap) -> None:
        self.original = pixmap
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.original.isNull():
            self.setPixmap(QPixmap())
            return
        self.setPixmap(
            self.original.scaled(
                self.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )


class PhotoDialog(QDialog):
    """The packet's photos: a strip of thumbnails, the chosen one large, with its caption and item."""

    def __init__(self, store: DeskStore, packet_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from dqsa.store.errors import StoreError

        packet = store.packet(packet_id)
        self.setWindowTitle(tr("照片：{0} · {1} 年度").format(packet.center_name, packet.year))
        pack = store.pack_of(packet_id)
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.strip = QListWidget()
        self.strip.setViewMode(QListWidget.ViewMode.ListMode)
        side = self.fontMetrics().height() * 4
        self.strip.setIconSize(QSize(side, side))
        self.strip.setMinimumWidth(side + self.fontMetrics().horizontalAdvance("中") * 8 + 24)
        self.picture = _Picture()
        splitter.addWidget(self.strip)
        splitter.addWidget(self.picture)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([1, 3000])
        layout.addWidget(splitter, 1)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.caption)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.images: list[tuple[QPixmap, str]] = []
        problems = []
        for member in store.members(packet_id):
            if member.kind != "photo":
                continue
            try:
                data = store.member_bytes(packet_id, member.name)
            except StoreError as exc:
                problems.append(str(exc))
                continue
            image = QImage.fromData(data)
            if image.isNull():
                problems.append(tr("无法显示 {0}").format(member.original_name or member.name))
                continue
            pixmap = QPixmap.fromImage(image)
            where = ""
            if member.target_kind == "item" and member.target_id:
                where = item_label(pack, member.target_id)
            elif member.target_id:
                where = (
                    pack.fact_label(f"{member.target_kind}.{member.target_id}")
                    if hasattr(pack, "fact_label")
                    else ""
                )
            text = "　".join(t for t in (member.caption, where, member.original_name) if t)
            item = QListWidgetItem(QIcon(pixmap), member.caption or member.original_name or member.name)
            item.setToolTip(text)
            self.strip.addItem(item)
            self.images.append((pixmap, text))
        self.strip.currentRowChanged.connect(self._show)
        if self.images:
            self.strip.setCurrentRow(0)
        else:
            self.caption.setText(tr("这个材料包里没有照片。"))
        if problems:
            self.caption.setText(self.caption.text() + "\n" + "\n".join(problems))
        fit_to_screen(self, 80, 34)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.images):
            pixmap, text = self.images[row]
            self.picture.show_image(pixmap)
            self.caption.setText(tr("第 {0} / {1} 张　{2}").format(row + 1, len(self.images), text))


class LastYearDialog(QDialog):
    """Last year's packet of the same center: its totals and every item's score beside this year's."""

    def __init__(self, store: DeskStore, packet_id: int, parent: DeskWindow) -> None:
        super().__init__(parent)
        self.store = store
        self.window_ = parent
        current = store.packet(packet_id)
        previous = store.previous_packet(packet_id)
        self.previous_id = previous.id if previous is not None else None
        self.setWindowTitle(tr("上年材料：{0}").format(current.center_name))
        layout = QVBoxLayout(self)
        if previous is None:
            layout.addWidget(QLabel(tr("台账中没有这个中心更早年度的材料包。")))
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            buttons.rejected.connect(self.reject)
            layout.addWidget(buttons)
            return
        same = previous.standard.key == current.standard.key
        heading = QLabel(
            tr("{0} 年度材料包：{1}，签署 {2}，收到 {3}。").format(
                previous.year,
                _measure(previous),
                datetime_text(previous.signed_at, zone=True),
                datetime_text(previous.received_at),
            )
            + ("" if same else tr("\n注意：上年使用的评分标准与本年不同，条目得分不能直接比较。"))
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [tr("条目"), tr("{0} 年自评").format(previous.year), tr("{0} 年复核").format(previous.year),
             tr("{0} 年自评").format(current.year), tr("内容")]
        )  # fmt: skip
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        pack = store.pack_of(previous.id)
        before = {r.item_id: r for r in store.review_sheet(previous.id)}
        now = {r.item_id: r for r in store.review_sheet(packet_id)} if same else {}
        for item_id, row in before.items():
            line = self.table.rowCount()
            self.table.insertRow(line)
            this_year = now.get(item_id)
            review = row.review
            cells = [
                item_label(pack, item_id),
                _score(row),
                (_score(row, review) if review is not None else ""),
                _score(this_year) if this_year is not None else "—",
                row.text,
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 4:
                    cell.setToolTip(text)
                self.table.setItem(line, column, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        report = buttons.addButton(tr("查看上年报告(&P)"), QDialogButtonBox.ButtonRole.ActionRole)
        photos = buttons.addButton(tr("上年照片(&O)"), QDialogButtonBox.ButtonRole.ActionRole)
        photos.setEnabled(any(m.kind == "photo" for m in store.members(previous.id)))
        report.clicked.connect(lambda: open_report(self.window_, store, previous.id))
        photos.clicked.connect(self._photos)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 90, 34)

    def _photos(self) -> None:
        if self.previous_id is not None:
            dialog = PhotoDialog(self.store, self.previous_id, self)
            dialog.exec()
            dialog.deleteLater()


def _measure(packet: Any) -> str:
    if packet.standard.kind == "checklist":
        return tr("符合 {0} / 适用 {1} 项（{2}%）").format(
            fmt(packet.total), fmt(packet.max_total), fmt(packet.percent)
        )
    return tr("合计 {0} / {1}").format(fmt(packet.total), fmt(packet.max_total))


def _score(row: Any, review: Any = None) -> str:
    if row.entry == "checklist":
        from dqsa.ui.desk.review import verdict_label

        verdict = review.verdict if review is not None else row.self_verdict
        return verdict_label(verdict.value)
    if review is not None:
        return fmt(review.score) if review.applicable and review.score is not None else tr("不适用")
    return f"{fmt(row.score)} / {fmt(row.max_points)}" if row.applicable else tr("不适用")


def fit_to_screen(dialog: QDialog, characters: int, lines: int) -> None:
    """A size in characters and lines of the current text, at most nine tenths of the screen."""
    width = dialog.fontMetrics().horizontalAdvance("中") * characters
    height = dialog.fontMetrics().height() * lines
    screen = dialog.screen().availableGeometry() if dialog.screen() is not None else None
    if screen is not None:
        width, height = min(width, screen.width() * 9 // 10), min(height, screen.height() * 9 // 10)
    dialog.resize(width, height)
