"""接收材料包: packets and folders dropped or chosen, received in a worker, then what became of each.

The worker walks folders (recursively, ``*.zip``), verifies and stores each packet
through :func:`dqsa.export.receive.receive_paths`; a progress dialog shows the count
and can stop between packets (everything received so far is kept). The summary lists
every packet's outcome with the reason; a held identity (身份变化，需核实) is
highlighted and can be checked at once: :class:`HeldIdentityDialog` shows the
fingerprint the desk knows beside the packet's and accepts the new one only with a
reason, which the desk records.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dqsa.export.wording import fingerprint_lines
from dqsa.ui.i18n import QT_TR_NOOP, tr
from dqsa.ui.worker import Job, run_in_background

if TYPE_CHECKING:
    from dqsa.store.desk.service import DeskStore

log = logging.getLogger(__name__)

#: Outcomes as the summary names them (the store's codes → our words), in the order counted.
OUTCOME_WORDS = {
    "accepted": QT_TR_NOOP("已接收"),
    "superseded": QT_TR_NOOP("已接收（替换旧版）"),
    "outdated": QT_TR_NOOP("较旧版本（未计入）"),
    "duplicate": QT_TR_NOOP("重复（已有）"),
    "held": QT_TR_NOOP("暂扣：身份待核实"),
    "refused": QT_TR_NOOP("拒收"),
    "odd": QT_TR_NOOP("已跳过"),
}
OUTCOME_COLOURS = {
    "held": (QColor("#fff4ce"), QColor("#5c4400")),
    "refused": (QColor("#fde7e9"), QColor("#b00020")),
    "odd": (None, QColor("#666666")),
    "outdated": (None, QColor("#666666")),
    "duplicate": (None, QColor("#666666")),
}
#: Columns of the summary.
FILE, CENTER, YEAR, OUTCOME, MESSAGE = range(5)


def outcome_code(receipt: Any) -> str:
    return str(getattr(receipt.outcome, "value", receipt.outcome))


def receive_in_background(
    window: QWidget, store: DeskStore, paths: list[Path], *, on_done: Callable[[list[Any]], None]
) -> Job[Any]:
    """Receive ``paths`` off the GUI thread behind a progress dialog, then show the summary."""
    stop = threading.Event()
    progress = QProgressDialog(tr("正在查找材料包…"), tr("停止"), 0, 0, window)
    progress.setWindowTitle(tr("接收材料包"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)  # one small packet is done before the dialog would show
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.setMinimumWidth(progress.fontMetrics().horizontalAdvance("中") * 36)
    progress.canceled.connect(stop.set)
    progress.setValue(0)

    def work(report: Callable[[int, str], None]) -> tuple[list[Any], list[Any]]:
        from dqsa.export.receive import receive_paths

        def step(done: int, total: int, what: str) -> None:
            percent = 100 * done // total if total else 0
            name = Path(what).name if what else ""
            report(percent, f"{done}\t{total}\t{name}")

        return receive_paths(store, paths, progress=step, cancelled=stop.is_set)

    def shown(percent: int, text: str) -> None:
        done, total, name = [*text.split("\t"), "", "", ""][:3]
        if total and total != "0":
            progress.setMaximum(100)
            progress.setValue(percent)
            progress.setLabelText(tr("已处理 {0} / {1} 个材料包\n{2}").format(done, total, name))

    def dismiss() -> None:
        progress.canceled.disconnect(stop.set)  # closing the dialog says "canceled": not a stop asked for
        progress.close()
        progress.deleteLater()

    def finished(result: tuple[list[Any], list[Any]]) -> None:
        stopped = stop.is_set()
        dismiss()
        receipts, odd = result
        on_done(receipts)
        show_summary(window, store, receipts, odd, stopped=stopped)

    def failed(exc: Exception) -> None:
        dismiss()
        log.error("receiving failed", exc_info=exc)
        on_done([])
        said = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        if not said:  # an exception without words (a worker process that died): never an empty sentence
            said = tr("程序出错（{0}），详情已写入日志").format(type(exc).__name__)
        QMessageBox.warning(
            window, tr("接收材料包"), tr("接收中断：{0}\n已经接收的材料包都已保存。").format(said)
        )

    return run_in_background(work, parent=window, on_done=finished, on_error=failed, on_progress=shown)


def show_summary(
    window: QWidget, store: DeskStore, receipts: list[Any], odd: list[Any], *, stopped: bool
) -> None:
    """The summary dialog; a held identity can be checked from it."""
    if not receipts and not odd:
        QMessageBox.information(window, tr("接收材料包"), tr("没有找到材料包（zip 文件）。"))
        return
    dialog = ReceiptSummary(store, receipts, odd, window, stopped=stopped)
    dialog.exec()
    dialog.deleteLater()


class ReceiptSummary(QDialog):
    """Each packet's outcome, with the reason; held identities highlighted with 核实身份…."""

    def __init__(
        self,
        store: DeskStore,
        receipts: list[Any],
        odd: list[Any],
        parent: QWidget | None = None,
        *,
        stopped: bool = False,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.receipts = receipts
        self.setWindowTitle(tr("接收结果"))
        layout = QVBoxLayout(self)
        counts: dict[str, int] = {}
        for receipt in receipts:
            counts[outcome_code(receipt)] = counts.get(outcome_code(receipt), 0) + 1
        if odd:
            counts["odd"] = len(odd)
        parts = [
            tr("{0} {1} 个").format(tr(OUTCOME_WORDS[c]), n) for c, n in counts.items() if c in OUTCOME_WORDS
        ]
        heading = tr("共 {0} 个材料包：").format(len(receipts)) + "，".join(parts) + "。"
        if stopped:
            heading += tr("\n接收已按要求停止，之后的材料包没有处理（可以再次接收，已收到的会显示为重复）。")
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        held = counts.get("held", 0)
        if held:
            note = QLabel(
                tr(
                    "有 {0} 个材料包暂扣：中心名称与已登记的中心相同，但证书指纹不同（身份变化，需核实）。"
                    "暂扣的材料包不计入汇总。请先打电话与该中心核对新指纹，确认后选中它，点“核实身份”。"
                ).format(held)
            )
            note.setWordWrap(True)
            note.setStyleSheet(
                "background: #fff4ce; color: #5c4400; border: 1px solid #e0c060; padding: 6px;"
            )
            layout.addWidget(note)
        self.table = QTableWidget(len(receipts) + len(odd), 5)
        self.table.setHorizontalHeaderLabels([tr("文件"), tr("中心"), tr("年度"), tr("结果"), tr("说明")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        rows = [
            (
                outcome_code(r),
                Path(r.source_name).name,
                r.center_name,
                str(r.year) if r.year else "",
                r.message,
                r.packet_id,
            )
            for r in receipts
        ] + [("odd", Path(o.path).name, "", "", o.message, None) for o in odd]
        for row, (code, name, center, year, message, packet_id) in enumerate(rows):
            cells = [name, center, year, tr(OUTCOME_WORDS.get(code, code)), message]
            background, foreground = OUTCOME_COLOURS.get(code, (None, None))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text if column in (FILE, MESSAGE) else "")
                cell.setData(Qt.ItemDataRole.UserRole, (code, packet_id))
                if background is not None:
                    cell.setBackground(QBrush(background))
                if foreground is not None:
                    cell.setForeground(QBrush(foreground))
                self.table.setItem(row, column, cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FILE, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        width = self.fontMetrics().horizontalAdvance("中")
        self.table.setColumnWidth(FILE, min(self.table.columnWidth(FILE), width * 16))
        layout.addWidget(self.table, 1)
        self.details = QLabel()  # the chosen packet's whole message (the column shows its start)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.identity_button = buttons.addButton(tr("核实身份(&I)…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button = buttons.addButton(tr("复制结果(&C)"), QDialogButtonBox.ButtonRole.ActionRole)
        self.identity_button.setVisible(bool(held))
        self.identity_button.clicked.connect(self._check_identity)
        self.copy_button.clicked.connect(self._copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.currentCellChanged.connect(lambda *_: self._enable())
        first_held = next((n for n, row in enumerate(rows) if row[0] == "held"), None)
        self.table.setCurrentCell(first_held if first_held is not None else 0, 0)
        self._enable()
        from dqsa.ui.desk.viewers import fit_to_screen

        fit_to_screen(self, 84, min(len(rows), 16) * 2 + 10)

    def _selected(self) -> tuple[str, int | None]:
        item = self.table.item(self.table.currentRow(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ("", None)

    def _enable(self) -> None:
        code, packet_id = self._selected()
        self.identity_button.setEnabled(code == "held" and packet_id is not None)
        row = self.table.currentRow()
        if 0 <= row < self.table.rowCount():
            self.details.setText(
                f"{self.table.item(row, FILE).text()}：{self.table.item(row, MESSAGE).text()}"
            )

    def _check_identity(self) -> None:
        code, packet_id = self._selected()
        if code != "held" or packet_id is None:
            return
        window = self.parent()
        reviewer = getattr(window, "reviewer", "")
        dialog = HeldIdentityDialog(self.store, packet_id, self, reviewer=reviewer)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            if window is not None and hasattr(window, "reviewer"):
                window.reviewer = dialog.reviewer() or reviewer
            row = self.table.currentRow()
            for column in range(self.table.columnCount()):
                cell = self.table.item(row, column)
                cell.setBackground(QBrush())
                cell.setForeground(QBrush(QColor("#1a5e20")))
                cell.setData(Qt.ItemDataRole.UserRole, ("accepted", packet_id))
            self.table.item(row, OUTCOME).setText(tr("已核实并接收"))
            self.table.item(row, MESSAGE).setText(dialog.outcome_text)
            self._enable()
            refresh = getattr(getattr(window, "overview", None), "refresh", None)
            if refresh is not None:
                refresh()
        dialog.deleteLater()

    def _copy(self) -> None:
        lines = [self.heading.text()]
        for row in range(self.table.rowCount()):
            lines.append("\t".join(self.table.item(row, c).text() for c in range(self.table.columnCount())))
        QGuiApplication.clipboard().setText("\n".join(lines))

    def outcomes(self) -> list[str]:
        """The outcome column as shown (for tests)."""
        return [self.table.item(row, OUTCOME).text() for row in range(self.table.rowCount())]


class HeldIdentityDialog(QDialog):
    """A held packet: the fingerprint the desk knows for the center and the packet's; accept with a reason."""

    def __init__(
        self, store: DeskStore, packet_id: int, parent: QWidget | None = None, *, reviewer: str = ""
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.packet_id = packet_id
        self.outcome_text = ""
        packet = store.packet(packet_id)
        self.setWindowTitle(tr("核实身份：{0}").format(packet.center_name))
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "“{0}”的 {1} 年度材料包使用了新的签署证书，与台账中登记的不同。"
                "可能是该中心新建了签署身份（例如忘记了口令、换了电脑），也可能是别人冒用该中心的名称。"
                "请打电话或当面与该中心核对下面的新指纹（四位一组，逐组读），一致后再接受。"
                "接受后，这个材料包计入汇总，该中心用新指纹签署的材料包以后都会接收；核实情况会记录在台账中。"
            ).format(packet.center_name, packet.year)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        known = self._known_fingerprints(packet)
        self.old_label = QLabel("\n\n".join("\n".join(fingerprint_lines(f)) for f in known) or tr("（无）"))
        self.new_label = QLabel("\n".join(fingerprint_lines(packet.fingerprint)))
        for label in (self.old_label, self.new_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setStyleSheet("font-family: monospace;")
        self.new_label.setStyleSheet("font-family: monospace; font-weight: bold; color: #5c4400;")
        form.addRow(tr("台账中登记的指纹："), self.old_label)
        form.addRow(tr("这个材料包的指纹："), self.new_label)
        signer = tr("{0}（{1}）").format(packet.signer_name, packet.signer_title)
        form.addRow(tr("签署人："), QLabel(signer))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(
            tr("例如：12月1日电话联系该中心张伟书记，逐组核对新指纹一致；原因是更换了电脑。")
        )
        self.reason.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        reason_label = QLabel(tr("核实情况(&R)："))
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, self.reason)
        self.by = QLineEdit(reviewer)
        self.by.setMaxLength(60)
        by_label = QLabel(tr("核实人(&N)："))
        by_label.setBuddy(self.by)
        form.addRow(by_label, self.by)
        layout.addLayout(form)
        # The name may have been taken first by someone else: then the registered certificate is the
        # forger's, and it must stop counting (its packets are held; the genuine ones count again).
        self.known = known
        self.forged = QCheckBox(tr("台账中登记的指纹是别人冒用的：停用它，撤下用它签署的材料包(&F)"))
        self.forged.setToolTip(
            tr(
                "只在核实后确认原来登记的证书不是该中心的时勾选。不勾选时，原来的指纹仍然有效（例如中心有两台电脑）。"
            )
        )
        self.forged.setVisible(bool(known))
        layout.addWidget(self.forged)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox()
        self.accept_button = buttons.addButton(tr("接受新身份(&A)"), QDialogButtonBox.ButtonRole.AcceptRole)
        later = buttons.addButton(tr("暂不处理(&L)"), QDialogButtonBox.ButtonRole.RejectRole)
        self.accept_button.clicked.connect(self._accept_identity)
        later.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.reason.textChanged.connect(self._enable)
        self._enable()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 40)

    def _known_fingerprints(self, packet: Any) -> list[str]:
        """The fingerprints the desk knows for a center of this name (pinned or from the roster)."""
        found = self.store.find_center(packet.center_name)
        if found is not None:
            return list(found.fingerprints)
        for entry in self.store.roster():
            if entry.name == packet.center_name and entry.fingerprint:
                return [entry.fingerprint]
        return []

    def reviewer(self) -> str:
        return self.by.text().strip()

    def _enable(self) -> None:
        self.accept_button.setEnabled(bool(self.reason.toPlainText().strip()))

    def _accept_identity(self) -> None:
        from dqsa.domain.errors import InvalidInput
        from dqsa.store.errors import StoreError

        reason = self.reason.toPlainText().strip()
        if not reason:
            self.problem.setText(tr("请写明核实情况（何时、与谁、如何核对了新指纹）。"))
            return
        try:
            receipt = self.store.accept_identity(self.packet_id, reason=reason, by=self.reviewer())
        except InvalidInput as exc:
            self.problem.setText("；".join(p.message for p in exc.problems))
            return
        except StoreError as exc:
            self.problem.setText(str(exc))
            return
        self.outcome_text = receipt.message or tr("已接受新身份")
        if self.forged.isChecked():
            try:
                center = self.store.find_center(self.store.packet(self.packet_id).center_name)
                if center is not None:
                    for fingerprint in self.known:
                        if fingerprint in center.fingerprints:
                            self.store.retire_identity(
                                center.id, fingerprint, reason=reason, by=self.reviewer(), uncount=True
                            )
            except (InvalidInput, StoreError) as exc:
                said = (
                    "；".join(p.message for p in exc.problems) if isinstance(exc, InvalidInput) else str(exc)
                )
                self.outcome_text = tr("新身份已接受，但停用原来的指纹没有完成：{0}").format(said)
                QMessageBox.warning(self, tr("核实身份"), self.outcome_text)
                self.accept()
                return
            self.outcome_text += tr("；原来登记的指纹已停用，用它签署的材料包已撤下。")
        self.accept()
