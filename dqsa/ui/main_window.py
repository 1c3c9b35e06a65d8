"""The main window: the center's years, the assessment wizard, menus and the save status."""

from __future__ import annotations

import logging
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
)

from dqsa import __version__
from dqsa.paths import data_dir
from dqsa.settings import Settings, save_settings
from dqsa.store.errors import StoreClosed, StoreError
from dqsa.ui.autosave import Autosaver
from dqsa.ui.home import HomeView
from dqsa.ui.i18n import tr
from dqsa.ui.places import remember_folder, start_folder, use_settings
from dqsa.ui.text_size_menu import add_text_size_actions, set_text_scale, step_text_scale
from dqsa.ui.textsize import apply_text_scale, current_scale
from dqsa.ui.worker import finish_running_jobs, running_jobs

if TYPE_CHECKING:  # the store, the domain and the wizard are imported once the window is up
    from dqsa.domain.criteria import CriteriaPack
    from dqsa.store.service import CenterStore
    from dqsa.ui.session import AssessmentSession
    from dqsa.ui.wizard import AssessmentWizard

log = logging.getLogger(__name__)
FILE_FILTER = "dqsa 中心文件 (*.dqsa);;所有文件 (*)"


class MainWindow(QMainWindow):
    """Hosts the home view and one assessment wizard at a time."""

    def __init__(
        self,
        store: CenterStore | None,
        settings: Settings,
        *,
        log_path: Path | None = None,
        demo: bool = False,
        ask_first_run: bool = True,
        dialogs: bool = True,
    ) -> None:
        super().__init__()
        self.store = store
        self.settings = settings
        use_settings(settings)  # file dialogs remember their folders in these settings
        if settings.text_scale != current_scale():
            apply_text_scale(settings.text_scale)
        self.guide_window: QDialog | None = None
        self._closing_later = False
        self.log_path = log_path
        self.demo = demo
        self.autosaver = Autosaver(self)
        self.wizard: AssessmentWizard | None = None
        self.session: AssessmentSession | None = None
        self.stack = QStackedWidget()
        self.home = HomeView()
        self.stack.addWidget(self.home)
        self.setCentralWidget(self.stack)
        self.save_label = QLabel()
        self.statusBar().addPermanentWidget(self.save_label)
        self._build_menus()
        self.home.open_requested.connect(self.open_assessment)
        self.home.export_requested.connect(self.export_assessment)
        self.home.compare_requested.connect(self.show_comparison)
        self.home.new_requested.connect(self.new_assessment)
        self.home.delete_requested.connect(self.delete_assessment)
        self.autosaver.saved.connect(self._saved)
        self.autosaver.failed.connect(self._failed)
        self.ask_first_run = ask_first_run
        self.dialogs = dialogs
        self.resize(1280, 720)
        if store is not None:
            self._store_ready()
        else:
            self.setWindowTitle(tr("党群服务中心自评"))
            self.home.show_loading()

    def load(self, path: Path, *, create: bool) -> bool:
        """Open the center file after the window is up (the heavy imports happen here)."""
        from dqsa.store.service import CenterStore

        try:
            self.store = CenterStore.open(path, create=create)
        except StoreError as exc:
            self.show_open_error(exc)
            return False
        self._store_ready()
        return True

    def _store_ready(self) -> None:
        self._show_store()
        if self.ask_first_run and self.store.center() is None and not self.demo:
            self.ask_center_profile()

    # -- menus ---------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(tr("文件(&F)"))
        self._action(file_menu, tr("打开(&O)…"), self.choose_file, QKeySequence.StandardKey.Open)
        self._action(file_menu, tr("新建中心文件(&N)…"), self.choose_new_file, QKeySequence.StandardKey.New)
        self._action(file_menu, tr("新建上级审核台账(&D)…"), self.new_desk)  # the desk: its own window
        self.recent_menu = file_menu.addMenu(tr("最近打开(&R)"))
        self.import_review_action = self._action(file_menu, tr("导入审核结果(&T)…"), self.import_review)
        self._action(file_menu, tr("备份与恢复(&B)…"), self.show_backups)
        from dqsa.ui import identity  # 备份签署身份 / 恢复签署身份 (dqsa/ui/identity.py)

        self._action(file_menu, tr("备份签署身份(&K)…"), lambda: identity.show_backup_identity(self))
        self._action(file_menu, tr("恢复签署身份(&I)…"), self.restore_identity)
        file_menu.addSeparator()
        self._action(file_menu, tr("退出(&X)"), self.close, QKeySequence.StandardKey.Quit)
        self._build_view_menu()
        help_menu = self.menuBar().addMenu(tr("帮助(&H)"))
        self._action(
            help_menu, tr("用户指南(&G)"), self.show_user_guide, QKeySequence.StandardKey.HelpContents
        )
        self._action(help_menu, tr("校验材料包(&V)…"), self.verify_packet)
        self._action(help_menu, tr("打开示例中心(&E)"), self.open_demo)
        self._action(help_menu, tr("打开示例审核台账(&S)"), self.open_demo_desk)
        self._action(help_menu, tr("关于(&A)"), self.show_about)
        self._fill_recent()

    def _build_view_menu(self) -> None:
        """查看 → text size, remembered in the settings and applied to every window at once."""
        view_menu = self.menuBar().addMenu(tr("查看(&V)"))
        self.text_size_actions = add_text_size_actions(self, view_menu, self.settings)

    def set_text_scale(self, percent: int) -> None:
        """Apply a text size now, to every window, and remember it."""
        set_text_scale(percent, self.text_size_actions, self.settings)

    def _step_text_scale(self, step: int) -> None:
        step_text_scale(step, self.text_size_actions, self.settings)

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _fill_recent(self) -> None:
        from dqsa.ui.desk.opening import fill_recent_menu  # center files and desks, each in its window

        fill_recent_menu(self.recent_menu, self.settings, self)

    # -- the center file --------------------------------------------------------------------

    def _show_store(self) -> None:
        suffix = tr("（示例，修改不会影响您的文件）") if self.demo else ""
        # The platform appends the application's display name: "本中心.dqsa — 党群服务中心自评".
        self.setWindowTitle(self.store.path.name + suffix)
        self.home.show_store(self.store)
        self.stack.setCurrentWidget(self.home)
        if not self.demo:
            self.settings.remember(self.store.path)
            save_settings(self.settings)
            self._fill_recent()

    def switch_file(self, path: Path, *, create: bool = False, demo: bool = False) -> bool:
        """Close the current file and open another; on failure keep the current one."""
        from dqsa.store.service import CenterStore

        self.close_assessment()  # also waits for background work on the current file
        if self.store is not None and path.resolve() == self.store.path.resolve():
            return True
        try:
            new_store = CenterStore.open(path, create=create)
        except StoreError as exc:
            self.show_open_error(exc)
            return False
        if self.store is not None:
            self.store.close()
        self.store, self.demo = new_store, demo
        self._show_store()
        if self.store.center() is None and not demo:
            self.ask_center_profile()
        return True

    def show_open_error(self, exc: StoreError) -> None:
        log.error("cannot open %s: %s", exc.path, exc)
        self.statusBar().showMessage(str(exc).splitlines()[0])
        if not self.dialogs:
            print(str(exc), file=sys.stderr)
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning, tr("无法打开文件"), str(exc), QMessageBox.StandardButton.Ok, self
        )
        backup_button = None
        if exc.newest_backup is not None:
            backup_button = box.addButton(tr("打开最近的备份（副本）"), QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if backup_button is not None and box.clickedButton() is backup_button:
            self.open_backup_copy(exc.newest_backup)

    def open_backup_copy(self, backup: Path) -> None:
        """Open a copy of a backup beside the user's data; the damaged file stays as it is."""
        target = data_dir() / f"从备份恢复 {datetime.now():%Y%m%d-%H%M%S}.dqsa"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(backup.read_bytes())
        if self.switch_file(target):
            QMessageBox.information(
                self, tr("已打开备份"), tr("已把备份复制为：\n{0}\n请核对内容后继续使用。").format(target)
            )

    def choose_file(self) -> None:
        """打开…: a center file here, a desk (.dqsd) in a desk window."""
        from dqsa.ui.desk.opening import is_desk_file, open_desk_window
        from dqsa.ui.desk.window import OPEN_FILTER

        path, _ = QFileDialog.getOpenFileName(self, tr("打开"), str(start_folder("center")), tr(OPEN_FILTER))
        if path:
            remember_folder("center", Path(path).parent)
            if is_desk_file(Path(path)):
                open_desk_window(Path(path), self.settings, parent=self)
            else:
                self.switch_file(Path(path))

    def new_desk(self) -> None:
        """文件 → 新建上级审核台账…: the receiving desk opens in a window of its own."""
        from dqsa.ui.desk.opening import new_desk

        new_desk(self.settings, self)

    def open_demo_desk(self) -> None:
        from dqsa.ui.desk.opening import open_demo_desk

        open_demo_desk(self.settings, self)

    def choose_new_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("新建中心文件"), str(start_folder("center")), FILE_FILTER
        )
        if path:
            remember_folder("center", Path(path).parent)
            target = Path(path) if path.endswith(".dqsa") else Path(path + ".dqsa")
            if target.exists():
                QMessageBox.warning(
                    self, tr("文件已存在"), tr("这个文件已经存在，请换一个名称，或用“打开”。")
                )
                return
            self.switch_file(target, create=True)

    def open_demo(self) -> None:
        from dqsa.demo import build_demo_file

        self.switch_file(build_demo_file(), demo=True)

    # -- assessments ----------------------------------------------------------------------------

    def ask_center_profile(self) -> bool:
        from dqsa.ui.first_run import FirstRunDialog

        dialog = FirstRunDialog(self.store, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        self.home.show_store(self.store)
        return accepted

    def new_assessment(self) -> None:
        """Ask for the year (and whether to start from the latest earlier one), create it, open it."""
        from dqsa.ui.new_year import NewAssessmentDialog

        if self.store.center() is None and not self.ask_center_profile():
            return
        dialog = NewAssessmentDialog(self.store.years(), self, pack=self._pack_of_a_new_year())
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        year, from_year = dialog.year(), dialog.from_year()
        dialog.deleteLater()
        self.activateWindow()  # the keys go to the window again, not to the closed dialog
        if not accepted or year is None:
            return
        try:
            self.store.create_assessment(year, from_year=from_year)
        except (StoreError, ValueError) as exc:  # ValueError: InvalidInput
            QMessageBox.warning(self, tr("无法新建"), str(exc))
            return
        self.open_assessment(year)  # the list is refreshed when the person comes back to it

    def _pack_of_a_new_year(self) -> CriteriaPack | None:
        """The pack a new year is made with (it says what is carried over), if it can be read."""
        from dqsa.packs import find_pack

        center = self.store.center()
        try:
            return find_pack(center.pack_id) if center is not None else None
        except (ValueError, LookupError):  # ValueError: InvalidInput (a damaged pack)
            return None

    def open_assessment(self, year: int) -> None:
        from dqsa.ui.session import AssessmentSession
        from dqsa.ui.wizard import AssessmentWizard

        self.close_assessment()
        self.session = AssessmentSession(self.store, year, self.autosaver, self)
        self.wizard = AssessmentWizard(self.session)
        self.wizard.home_requested.connect(self.close_assessment)
        self.wizard.compare_sent_requested.connect(self.show_sent_comparison)
        self.stack.addWidget(self.wizard)
        self.stack.setCurrentWidget(self.wizard)
        self.wizard.ui.stepList.setFocus()

    def show_comparison(self) -> None:
        """The two newest years side by side (the person may pick others)."""
        from dqsa.ui.comparison_view import ComparisonDialog

        self.close_assessment()
        if len(self.store.years()) < 2:
            return
        self.comparison = ComparisonDialog(self.store, self)
        self.comparison.show()

    def show_sent_comparison(self, year: int) -> None:
        """What changed in ``year`` since it was sent: what was sent → what it is now."""
        from dqsa.ui.comparison_view import ComparisonDialog

        self.autosaver.flush()
        self.comparison = ComparisonDialog(self.store, self, old=(year, True), new=(year, False))
        self.comparison.show()

    def export_assessment(self, year: int) -> None:
        """Open the assessment at its 签署导出 page."""
        self.open_assessment(year)
        self.wizard.show_export_page()

    def show_user_guide(self) -> None:
        """Open the guide in a window of the program (no viewer for .md files is needed)."""
        from dqsa.paths import user_guide
        from dqsa.ui.help_window import GuideWindow

        guide = user_guide()
        if guide is None:
            QMessageBox.warning(
                self, tr("用户指南"), tr("找不到用户指南文件（安装不完整？请重新安装程序）：docs/用户指南.md")
            )
            return
        if self.guide_window is None:
            self.guide_window = GuideWindow(guide, self)
        self.guide_window.show()
        self.guide_window.raise_()
        self.guide_window.activateWindow()

    def import_review(self, path: Path | None = None) -> None:
        """文件 → 导入审核结果…: the level above's signed result, checked, confirmed and kept."""
        from dqsa.ui.review_import import choose_review_file, import_review_in_background

        if self.store is None:
            return
        self.close_assessment()  # the pages show the review: they are drawn again when opened
        path = path or choose_review_file(self)
        if path is None:
            return
        store = self.store
        import_review_in_background(
            self, store, path, on_imported=lambda _imported: self.home.show_store(store)
        )

    def verify_packet(self) -> None:
        from dqsa.ui.verification import choose_and_verify

        choose_and_verify(self)

    def close_assessment(self) -> None:
        """Save what is pending and go back to the list of years (refreshed if a year was open)."""
        self.autosaver.flush()
        finish_running_jobs()  # photos being prepared are saved before the pages go
        if self.wizard is not None:
            self.stack.removeWidget(self.wizard)
            self.wizard.deleteLater()
            self.session.deleteLater()
            self.wizard = self.session = None
            if self.store is not None:  # scores, status and dates may have changed
                self.home.show_store(self.store)
        self.stack.setCurrentWidget(self.home)

    def delete_assessment(self, year: int) -> None:
        sent = ""
        if self.store.summary(year).status.was_sent:
            sent = tr("\n本年度已签署报送：文件中保存的报送内容也会一起删除。")
        answer = QMessageBox.question(
            self,
            tr("删除年度自评"),
            tr("确定删除 {0} 年度的自评吗？\n删除前会自动备份，需要时可从“文件 → 备份与恢复”找回。").format(
                year
            )
            + sent,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            backup = self.store.delete_assessment(year)
        except StoreError as exc:
            QMessageBox.warning(self, tr("无法删除"), str(exc))
            return
        self.home.show_store(self.store)
        self.statusBar().showMessage(
            tr("已删除 {0} 年度自评，删除前的备份：{1}").format(year, backup.name), 10000
        )

    # -- the signing identity ---------------------------------------------------------------------

    def restore_identity(self) -> None:
        """文件 → 恢复签署身份; an identity restored for this file's center is recorded in the file."""
        from dqsa.ui.identity import RestoreIdentityDialog

        dialog = RestoreIdentityDialog(self)
        dialog.exec()
        restored, dialog.restored = dialog.restored, None
        dialog.deleteLater()
        if restored is not None:
            self.record_identity_change(restored.change)

    def record_identity_change(self, change: object) -> None:
        """Record a change of this center's signing identity in the open file (when it can be written)."""
        from dqsa.export.identity_log import identity_record

        center = self.store.center() if self.store is not None else None
        if change is None or center is None or getattr(change, "center_name", None) != center.name:
            return
        event = identity_record(change, file_fingerprints=self.store.signed_fingerprints())
        if event is None:
            return
        if self.store.read_only:
            self.statusBar().showMessage(tr("文件以只读方式打开，签署身份的变化没有记入中心文件。"), 10000)
            return
        try:
            self.store.record_identity_event(event)
        except StoreError as exc:
            QMessageBox.warning(self, tr("签署身份"), str(exc))

    # -- backups and about ----------------------------------------------------------------------

    def show_backups(self) -> None:
        if self.store is None:
            return
        self.close_assessment()
        dialog = self.backups_dialog()
        dialog.exec()
        dialog.deleteLater()

    def backups_dialog(self) -> QDialog:
        """The list of automatic backups, with 从所选备份恢复."""
        from dqsa.export.wording import datetime_text

        dialog = QDialog(self)
        dialog.setWindowTitle(tr("备份与恢复"))
        layout = QVBoxLayout(dialog)
        layout.addWidget(
            QLabel(tr("自动备份（最新的在最上面）。恢复前会先备份当前内容，恢复后可以再改回来。"))
        )
        listing = QListWidget()
        for backup in self.store.backups():
            stamp = datetime_text(datetime.fromtimestamp(backup.stat().st_mtime))
            item = QListWidgetItem(f"{stamp}　{backup.name}")
            item.setData(Qt.ItemDataRole.UserRole, str(backup))
            listing.addItem(item)
        layout.addWidget(listing)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        restore = buttons.addButton(tr("从所选备份恢复(&R)"), QDialogButtonBox.ButtonRole.ActionRole)
        restore.setEnabled(listing.count() > 0)
        buttons.rejected.connect(dialog.reject)
        restore.clicked.connect(lambda: self._restore(listing, dialog))
        layout.addWidget(buttons)
        dialog.resize(560, 360)
        return dialog

    def _restore(self, listing: QListWidget, dialog: QDialog) -> None:
        item = listing.currentItem()
        if item is None:
            return
        backup = Path(item.data(Qt.ItemDataRole.UserRole))
        try:
            self.store.restore(backup)
        except StoreClosed as exc:  # the backup was copied but the file could not be reopened: closed
            log.error("restoring %s left the file closed: %s", backup, exc)
            self.store = None
            self.home.show_closed()
            self.setWindowTitle(tr("党群服务中心自评"))
            dialog.reject()
            QMessageBox.warning(self, tr("无法恢复"), str(exc))
            return
        except StoreError as exc:  # the file is unchanged and open again
            QMessageBox.warning(self, tr("无法恢复"), str(exc))
            return
        self._show_store()
        dialog.accept()
        self.statusBar().showMessage(tr("已从备份恢复：{0}").format(backup.name), 10000)

    def show_about(self) -> None:
        from dqsa.packs import bundled_packs

        packs = "<br>".join(
            tr("{0}（版本 {1}）").format(p.title, p.version) for p in bundled_packs().values()
        )
        QMessageBox.about(
            self,
            tr("关于 dqsa"),
            tr(
                "<b>党群服务中心自评 dqsa {0}</b><br><br>评分标准包：<br>{1}<br><br>数据文件：{2}<br>日志文件：{3}"
            ).format(__version__, packs, self.store.path, self.log_path or "—"),
        )

    # -- saving ------------------------------------------------------------------------------

    def _saved(self, when: datetime | None) -> None:
        stamp = (when or datetime.now()).strftime("%H:%M:%S")
        self.save_label.setStyleSheet("")
        self.save_label.setText(tr("已保存 {0}").format(stamp))

    def _failed(self, key: str, message: str) -> None:
        self.save_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.save_label.setText(tr("未能保存，修改仍在窗口中"))
        self.statusBar().showMessage(message.splitlines()[0], 15000)

    def closeEvent(self, event: QCloseEvent) -> None:
        # Short work (the year list's scores, a photo) is waited for here; a long one (an
        # export, many photos) lets the window answer and closes it once it is saved.
        if running_jobs() and not finish_running_jobs(timeout=3):
            event.ignore()
            self.statusBar().showMessage(tr("正在完成导出或照片添加，完成后自动关闭…"))
            if not self._closing_later:
                self._closing_later = True
                QTimer.singleShot(200, self._close_when_idle)
            return
        self.autosaver.flush()
        if self.autosaver.failed_keys:
            answer = QMessageBox.warning(
                self,
                tr("有修改未能保存"),
                tr("有 {0} 处修改因磁盘问题未能保存。仍要退出吗？（已保存的内容不受影响）").format(
                    len(self.autosaver.failed_keys)
                ),
                QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Close,
            )
            if answer == QMessageBox.StandardButton.Retry:
                self.autosaver.retry_failed()
                event.ignore()
                return
        if self.store is not None:
            self.store.close()
        if self.guide_window is not None:
            self.guide_window.close()
        event.accept()

    def _close_when_idle(self) -> None:
        if running_jobs():
            QTimer.singleShot(200, self._close_when_idle)
            return
        self._closing_later = False
        self.close()
