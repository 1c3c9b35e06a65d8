"""签署导出: signer, passphrase, what is still missing, export in the background, the result.

A file open read-only cannot be signed and exported (the signing could not be recorded):
the page says why before anything starts. A center whose key is missing on this
computer (a new laptop, a deleted key) is never silently given a new identity: the page
says so and offers 恢复签署身份 from a backup or, with a warning that the level above
will see a new fingerprint, a new identity.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dqsa.domain.errors import InvalidInput
from dqsa.domain.signer import MAX_SIGNER_NAME, MAX_SIGNER_TITLE, check_signer
from dqsa.domain.status import AssessmentStatus
from dqsa.export.wording import datetime_text, item_label
from dqsa.ui.fields import ProblemLabel
from dqsa.ui.i18n import tr
from dqsa.ui.pages import title_label
from dqsa.ui.places import remember_folder, start_folder
from dqsa.ui.session import AssessmentSession
from dqsa.ui.worker import Job, Report, run_in_background

if TYPE_CHECKING:
    from dqsa.domain.criteria import CriteriaPack
    from dqsa.export.packet import PacketResult

log = logging.getLogger(__name__)

#: Items named in full in a message; more are counted ("…等 21 项").
LISTED = 8


def passphrase_explanation() -> str:
    """What the passphrase is, in plain words (the export page, the guide say the same)."""
    return tr(
        "签署口令相当于本中心电子印章的密码：每次签署导出都要输入。口令不保存在电脑里，"
        "程序和任何人都无法替您找回；忘记了只能新建签署身份，上级需要重新核对证书指纹。"
        "请把口令记在本子上，和公章一样妥善保管。"
    )


def items_text(pack: CriteriaPack, item_ids: list[str], limit: int = LISTED) -> str:
    """Items as the standard labels them, separated by “、”; a long list ends with “等 N 项”."""
    shown = "、".join(item_label(pack, item_id) for item_id in item_ids[:limit])
    if len(item_ids) > limit:
        shown += tr(" 等 {0} 项").format(len(item_ids))
    return shown


class ExportPage(QWidget):
    """The wizard's last page. ``measures_requested(item_id)``: go and write that item's measure."""

    exported = Signal()
    measures_requested = Signal(str)

    def __init__(self, session: AssessmentSession, title: str) -> None:
        super().__init__()
        self.session = session
        self._known: tuple[str, ...] | None = None
        self.job: Job[PacketResult] | None = None
        self.last_result: PacketResult | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()  # long lists of missing items at a large text size still fit
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        contents = QWidget()
        scroll.setWidget(contents)
        outer.addWidget(scroll)
        layout = QVBoxLayout(contents)
        layout.addWidget(title_label(title))
        intro = QLabel(
            tr(
                "导出的材料包是一个 zip 文件，内含签署过的 PDF 报告、Excel 自评表、答卷和照片等证明材料，"
                "可以直接用电子邮件报送上级，也可以拷在 U 盘上送去。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        explanation = QLabel(passphrase_explanation())
        explanation.setWordWrap(True)
        explanation.setStyleSheet("color: #555;")
        layout.addWidget(explanation)
        form = QFormLayout()
        self.signer = QLineEdit()
        self.signer.setMaxLength(MAX_SIGNER_NAME)
        self.title = QLineEdit()
        self.title.setMaxLength(MAX_SIGNER_TITLE)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_again = QLineEdit()
        self.passphrase_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_again.setPlaceholderText(tr("第一次设定口令，请再输入一遍确认"))
        self.folder = QLineEdit(str(start_folder("export")))
        choose = QPushButton(tr("选择(&C)…"))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        form.addRow(tr("签署人姓名(&S)："), self.signer)
        form.addRow(tr("签署人职务(&T)："), self.title)
        form.addRow(tr("签署口令(&P)："), self.passphrase)
        self.again_label = QLabel(tr("再次输入口令(&A)："))
        self.again_label.setBuddy(self.passphrase_again)
        form.addRow(self.again_label, self.passphrase_again)
        folder_label = QLabel(tr("保存到(&D)："))
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        layout.addLayout(form)
        self.identity_note = QLabel()
        self.identity_note.setWordWrap(True)
        layout.addWidget(self.identity_note)
        self.new_identity = QCheckBox(tr("忘记了口令，新建签署身份(&G)（证书指纹会改变，请告知上级）"))
        layout.addWidget(self.new_identity)
        self.unanswered = QLabel()
        self.unanswered.setWordWrap(True)
        layout.addWidget(self.unanswered)
        measures_row = QHBoxLayout()
        self.measures = QLabel()
        self.measures.setWordWrap(True)
        measures_row.addWidget(self.measures, 1)
        self.measures_button = QPushButton(tr("去填写改进措施(&M)"))
        measures_row.addWidget(self.measures_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(measures_row)
        self.sent_note = QLabel()
        self.sent_note.setWordWrap(True)
        self.sent_note.setStyleSheet("color: #174ea6;")
        self.sent_note.hide()
        layout.addWidget(self.sent_note)
        self.problem = ProblemLabel()
        layout.addWidget(self.problem)
        self.export_button = QPushButton(tr("签署并导出材料包(&E)"))
        layout.addWidget(self.export_button)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result)
        self.open_folder = QPushButton(tr("打开所在文件夹(&O)"))
        self.open_folder.hide()
        layout.addWidget(self.open_folder)
        layout.addStretch(1)
        self.signer.setText(session.answers().assessor)
        choose.clicked.connect(self._choose_folder)
        self.export_button.clicked.connect(self.start_export)
        self.open_folder.clicked.connect(self._open_folder)
        self.new_identity.toggled.connect(lambda _checked: self._show_identity())
        self.measures_button.clicked.connect(self._go_to_measures)
        session.scored.connect(self._show_state)  # a bound method: disconnected when the page goes
        self._show_state()

    # -- what the page shows ---------------------------------------------------------------

    def _show_state(self, _card: object = None) -> None:
        self._show_identity()
        self._show_sent()
        card = self.session.scorecard
        pack = self.session.pack
        if card.unanswered:
            self.unanswered.setText(
                tr("还有 {0} 项未填写（记 0 分）：{1}").format(
                    len(card.unanswered), items_text(pack, card.unanswered)
                )
            )
            self.unanswered.setStyleSheet("color: #8a4b00;")
        else:
            self.unanswered.setText(tr("所有条目都已填写。"))
            self.unanswered.setStyleSheet("color: #1a5e20;")
        self.measures.setText(measures_text(card, pack))
        missing = card.without_measures
        self.measures.setStyleSheet("color: #8a4b00;" if missing else "color: #1a5e20;")
        self.measures_button.setVisible(bool(missing))

    def _show_sent(self) -> None:
        """A file open read-only cannot be exported; a signed year may be sent again as it is."""
        store = self.session.store
        why = store.read_only
        self.export_button.setEnabled(self.job is None and not why)
        if why:
            self.sent_note.setText(
                tr("文件以只读方式打开，不能签署导出：签署导出要在中心文件中记下报送的内容。") + "\n" + why
            )
            self.sent_note.setStyleSheet("color: #b00020;")
            self.sent_note.show()
            return
        self.sent_note.setStyleSheet("color: #174ea6;")
        summary = store.summary(self.session.year)
        if summary.status is AssessmentStatus.SIGNED and summary.signed_at is not None:
            self.sent_note.setText(
                tr(
                    "本年度已于 {0} 签署报送，内容没有改过。需要时可以再次签署导出（例如材料包丢失）："
                    "新材料包内容相同、签署时间不同，上级以最后收到的为准。"
                ).format(datetime_text(summary.signed_at))
            )
            self.sent_note.show()
        elif summary.status is AssessmentStatus.REOPENED:
            self.sent_note.setText(
                tr("本年度报送后改过：签署导出新的材料包并报送上级后，上级收到的才与这里一致。")
            )
            self.sent_note.show()
        else:
            self.sent_note.hide()

    def _file_fingerprints(self) -> tuple[str, ...]:
        """The fingerprints this center file has signed with (read when the page opens, after an
        export and after an identity is restored: not after every save)."""
        if self._known is None:
            self._known = self.session.store.signed_fingerprints()
        return self._known

    def _local_identity(self) -> bool:
        from dqsa.export.identity import has_identity

        return has_identity(self.session.scorecard.center_name)  # current after every save

    def key_missing(self) -> bool:
        """The file was signed before but this computer has no usable key for the center."""
        from dqsa.export.identity import identity_state

        known = self._file_fingerprints()  # a renamed center's identity is found by them
        state = identity_state(self.session.scorecard.center_name, known)
        return state != "ready" and (state != "none" or bool(self._file_fingerprints()))

    def creating_identity(self) -> bool:
        """Whether this export sets a new passphrase (first signature, or a new identity)."""
        exists = self._local_identity() or bool(self._file_fingerprints())
        return not exists or self.new_identity.isChecked()

    def replacing_identity(self) -> bool:
        """Whether the person asked for a new identity in place of one the center had."""
        return self.new_identity.isChecked() and (self._local_identity() or bool(self._file_fingerprints()))

    def _show_identity(self) -> None:
        from dqsa.export.wording import fingerprint_text

        exists = self._local_identity() or bool(self._file_fingerprints())
        if exists and self.key_missing() and not self.new_identity.isChecked():
            known = self._file_fingerprints()
            self.identity_note.setText(
                tr(
                    "这台电脑上找不到本中心的签署私钥（换了电脑、重装了系统，或文件被删除）。"
                    "本中心以前用证书指纹 {0} 签署过。请先用“文件 → 恢复签署身份”从备份恢复；"
                    "没有备份时，可以勾选下面的“新建签署身份”，但上级会看到新的证书指纹，需要告知上级。"
                ).format(fingerprint_text(known[-1]) if known else tr("（见以往的材料包）"))
            )
            self.identity_note.setStyleSheet("color: #b00020;")
        elif not exists:
            self.identity_note.setText(
                tr(
                    "第一次签署：将为本中心建立签署身份（数字证书）。请设定一个口令（至少 8 个字符，可以用中文，"
                    "不能全是数字），输入两遍，并记在安全的地方。"
                )
            )
        elif self.new_identity.isChecked():
            self.identity_note.setText(
                tr("将新建签署身份：请设定新的口令，输入两遍。上级会看到新的证书指纹，请告知上级。")
            )
        else:
            self.identity_note.setText(tr("本中心已有签署身份，请输入当初设定的口令。"))
        if not (exists and self.key_missing() and not self.new_identity.isChecked()):
            self.identity_note.setStyleSheet("")
        self.new_identity.setText(
            tr("没有备份：新建签署身份(&G)（证书指纹会改变，请告知上级）")
            if exists and self.key_missing()
            else tr("忘记了口令，新建签署身份(&G)（证书指纹会改变，请告知上级）")
        )
        self.new_identity.setVisible(exists)
        creating = self.creating_identity()
        self.again_label.setVisible(creating)
        self.passphrase_again.setVisible(creating)

    def _go_to_measures(self) -> None:
        missing = self.session.scorecard.without_measures
        if missing:
            self.measures_requested.emit(missing[0])

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("材料包保存到"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    # -- the export ------------------------------------------------------------------------------

    def start_export(self) -> None:
        self.session.autosaver.flush()
        self.problem.show_problem("")
        why = self.session.store.read_only
        if why:  # checked before anything starts: the signing could not be recorded
            from dqsa.export.packet import read_only_export_message

            self.problem.show_problem(read_only_export_message(why))
            return
        try:  # one line each, a sane length: named here, before anything starts
            check_signer(self.signer.text(), self.title.text())
        except InvalidInput as exc:
            self.problem.show_problem("；".join(p.message for p in exc.problems))
            (self.signer if exc.problems[0].field == "signer_name" else self.title).setFocus()
            return
        creating = self.creating_identity()
        if creating and self.passphrase.text() != self.passphrase_again.text():
            self.problem.show_problem(tr("两次输入的口令不一样，请重新输入。"))
            self.passphrase_again.clear()
            self.passphrase_again.setFocus()
            return
        if not self._confirm_missing():
            return
        replacing = self.replacing_identity()
        if replacing and not self._confirm_replacement():
            return
        out_dir = Path(self.folder.text())
        options = {
            "signer_name": self.signer.text(),
            "signer_title": self.title.text(),
            "passphrase": self.passphrase.text(),
            "out_dir": out_dir,
        }
        store, year = self.session.store, self.session.year

        def work(report: Report) -> PacketResult:
            from dqsa.export.packet import export_packet

            # A new identity is made inside the export, which records it in the center file.
            return export_packet(store, year, progress=report, new_identity=replacing, **options)

        # Application-modal: no edit can land while the packet is written (it is read in one
        # transaction anyway), and no other window can start another export.
        self.progress = QProgressDialog(tr("正在导出…"), None, 0, 100, self)
        self.progress.setWindowTitle(tr("签署导出"))
        self.progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setValue(0)
        self.export_button.setEnabled(False)
        self.job = run_in_background(
            work,
            parent=self,
            on_done=self._done,
            on_error=self._failed,
            on_progress=self._progressed,
            always=lambda _result: remember_folder("export", out_dir),
        )

    def _close_progress(self) -> None:
        self.progress.close()
        self.progress.deleteLater()

    def _progressed(self, percent: int, text: str) -> None:
        self.progress.setValue(percent)
        self.progress.setLabelText(text)

    def _confirm_missing(self) -> bool:
        """Unanswered items and items below full marks without a measure: sign anyway?"""
        card, pack = self.session.scorecard, self.session.pack
        parts = []
        if card.unanswered:
            parts.append(tr("还有 {0} 项未填写，这些条目记 0 分。").format(len(card.unanswered)))
        missing = card.without_measures
        if missing:
            parts.append(
                tr("以下 {0} 项未得满分，还没有填写改进措施：\n{1}").format(
                    len(missing), items_text(pack, missing).replace("、", "\n")
                )
            )
        if not parts:
            return True
        answer = QMessageBox.question(
            self,
            tr("还有没填完的内容"),
            "\n\n".join([*parts, tr("仍要签署导出吗？")]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _confirm_replacement(self) -> bool:
        answer = QMessageBox.warning(
            self,
            tr("新建签署身份"),
            tr(
                "将新建签署身份。以后报送的材料包证书指纹会改变，上级看到新指纹时需要核实，"
                "请主动告知上级以新指纹为准。有签署身份的备份时，请改用“恢复签署身份”。继续吗？"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _done(self, result: PacketResult) -> None:
        self._close_progress()
        self.job = None
        self.export_button.setEnabled(True)
        self.last_result = result
        self.new_identity.setChecked(False)
        event = result.identity_event
        if event is not None and event.kind == "replaced":
            created = tr("已新建签署身份：证书指纹已改变，请告知上级以新指纹为准。")
        elif result.created_identity:
            created = tr("已为本中心建立签署身份。")
        else:
            created = ""
        self.result.setText(
            tr("已导出：{0}\n大小：{1:.1f} MB\n证书指纹：{2}\n{3}").format(
                result.path, result.size / 1024 / 1024, result.fingerprint, created
            )
        )
        self.open_folder.show()
        self.passphrase.clear()
        self.passphrase_again.clear()
        self._known = None  # a new identity may have signed
        self.session.rescore()
        self._show_state()
        self.exported.emit()

    def _failed(self, exc: Exception) -> None:
        from dqsa.export.identity import IdentityMissing

        self._close_progress()
        self.job = None
        self.export_button.setEnabled(True)
        self.problem.show_problem(export_error_text(exc))
        if isinstance(exc, IdentityMissing):
            self.offer_identity_ways(exc)

    def offer_identity_ways(self, exc: Exception) -> str:
        """The key is missing: restore it from a backup, or (warned) make a new one; which was chosen."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("找不到签署私钥"))
        box.setText(str(exc))
        box.setInformativeText(
            tr(
                "有签署身份的备份文件，请选“恢复签署身份”，上级看到的证书指纹不变。"
                "没有备份时才选“新建签署身份”：上级会看到新的证书指纹，需要告知上级以新指纹为准。"
            )
        )
        restore = box.addButton(tr("恢复签署身份(&R)…"), QMessageBox.ButtonRole.AcceptRole)
        new = box.addButton(tr("新建签署身份(&N)…"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is restore:
            self._restore_identity()
            return "restore"
        if clicked is new and self._confirm_replacement():
            self.new_identity.setChecked(True)
            self.passphrase.clear()
            self.passphrase_again.clear()
            self.passphrase.setFocus()
            self.problem.show_problem(tr("请为新的签署身份设定口令（输入两遍），再点“签署并导出材料包”。"))
            return "new"
        return "cancel"

    def _restore_identity(self) -> None:
        from dqsa.ui.identity import RestoreIdentityDialog

        dialog = RestoreIdentityDialog(self.window())
        dialog.exec()
        restored, dialog.restored = dialog.restored, None
        dialog.deleteLater()
        if restored is None:
            return
        recorder = getattr(self.window(), "record_identity_change", None)
        if recorder is not None:  # the main window records it in the center file
            recorder(restored.change)
        self._known = None
        self.problem.show_problem("")
        self._show_identity()
        self.passphrase.setFocus()

    def _open_folder(self) -> None:
        if self.last_result is None:
            return
        folder = self.last_result.path.parent
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            QMessageBox.information(
                self,
                tr("无法打开文件夹"),
                tr(
                    "没能打开文件管理器。材料包保存在：\n{0}\n请在“此电脑”或文件管理器中打开这个文件夹。"
                ).format(folder),
            )


def measures_text(card: Any, pack: CriteriaPack) -> str:
    """How many items below full marks have an improvement measure, and which lack one."""
    below, missing = card.below_full, card.without_measures
    checklist = card.pack_kind == "checklist"
    if not below:
        return (
            tr("所有适用条目都已符合，不需要改进措施。")
            if checklist
            else tr("所有条目都得了满分，不需要改进措施。")
        )
    head = (
        tr("改进措施：不符合 {0} 项，已填写 {1} 项").format(len(below), len(below) - len(missing))
        if checklist
        else tr("改进措施：未得满分 {0} 项，已填写 {1} 项").format(len(below), len(below) - len(missing))
    )
    if not missing:
        return head + tr("，全部填写了。")
    return head + tr("，还缺 {0} 项：{1}").format(len(missing), items_text(pack, missing))


def export_error_text(exc: Exception) -> str:
    """What went wrong with an export, for the page."""
    from dqsa.domain.errors import InvalidInput
    from dqsa.export.fonts import FontNotFound
    from dqsa.export.identity import IdentityError
    from dqsa.store.errors import StoreError

    if isinstance(exc, InvalidInput):
        return "；".join(p.message for p in exc.problems)
    if isinstance(exc, IdentityError | FontNotFound | StoreError | OSError):
        return str(exc)
    log.error("export failed", exc_info=exc)
    return tr("导出失败：{0}").format(exc)
