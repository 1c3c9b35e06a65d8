"""The desk window: menus, the list of a year (or one center's review), drops, opening and closing the file."""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from dqsa.settings import Settings, save_settings
from dqsa.store.errors import StoreError
from dqsa.ui.autosave import Autosaver
from dqsa.ui.desk import DESK_SUFFIX
from dqsa.ui.desk.overview import DeskOverview
from dqsa.ui.i18n import QT_TR_NOOP, tr
from dqsa.ui.places import remember_folder, start_folder, use_settings
from dqsa.ui.text_size_menu import add_text_size_actions, set_text_scale, step_text_scale
from dqsa.ui.textsize import apply_text_scale, current_scale
from dqsa.ui.worker import finish_running_jobs, running_jobs

if TYPE_CHECKING:
    from dqsa.store.desk.service import DeskStore
    from dqsa.ui.desk.review import DeskReviewView

log = logging.getLogger(__name__)

#: The file dialogs offer both kinds of dqsa file.
OPEN_FILTER = QT_TR_NOOP(
    "dqsa 文件（中心文件、审核台账） (*.dqsa *.dqsd);;中心文件 (*.dqsa);;上级审核台账 (*.dqsd);;所有文件 (*)"
)


class DeskWindow(QMainWindow):
    """One desk file: the year's centers and dashboard, a center's review, receiving and roll-up."""

    def __init__(
        self,
        store: DeskStore | None,
        settings: Settings,
        *,
        demo: bool = False,
        dialogs: bool = True,
    ) -> None:
        super().__init__()
        self.store: DeskStore | None = None
        self.settings = settings
        use_settings(settings)
        if settings.text_scale != current_scale():
            apply_text_scale(settings.text_scale)
        self.demo = demo
        self.dialogs = dialogs
        self.reviewer = ""  # the name typed last in this window: a new review starts with it
        self._closing_later = False
        self._view_folder: Path | None = None
        self.autosaver = Autosaver(self)
        self.autosaver.saved.connect(self._saved)
        self.autosaver.failed.connect(self._failed)
        self.stack = QStackedWidget()
        self.overview = DeskOverview(self)
        self.stack.addWidget(self.overview)
        self.review_view: DeskReviewView | None = None
        self.setCentralWidget(self.stack)
        self.save_label = QLabel()
        self.statusBar().addPermanentWidget(self.save_label)
        self.setAcceptDrops(True)
        self._build_menus()
        self.overview.review_requested.connect(self.open_review)
        self.overview.receive_requested.connect(self.choose_and_receive)
        self.overview.identity_requested.connect(self.check_identity)
        self.overview.roster_requested.connect(self.import_roster)
        self.overview.workbook_requested.connect(self.export_workbook)
        self.overview.report_requested.connect(self.export_report)
        self.resize(1280, 720)
        self.setWindowTitle(tr("上级审核台账"))
        if store is not None:
            self.set_store(store)
        else:
            self.overview.show_loading()
        self._enable()

    # -- the file ------------------------------------------------------------------------------------

    def load(self, path: Path, *, create: bool = False, name: str | None = None) -> bool:
        """Open (or make) the desk file; on failure say why and keep what is open."""
        from dqsa.store.desk.service import DeskStore

        # The example's automatic backups stay beside it in its temporary folder, not among the user's.
        backups_root = path.parent / "backups" if self.demo else None
        try:
            store = DeskStore.open(path, create=create, name=name, backups_root=backups_root)
        except StoreError as exc:
            self.show_open_error(exc)
            return False
        except ValueError as exc:  # InvalidInput: the desk's name
            self.warn(tr("无法新建审核台账"), str(exc))
            return False
        self.set_store(store)
        return True

    def set_store(self, store: DeskStore, *, demo: bool | None = None) -> None:
        """Show ``store`` (the one open before is closed)."""
        self.close_review()
        if self.store is not None and self.store is not store:
            finish_running_jobs()
            self.store.close()
        self.store = store
        if demo is not None:
            self.demo = demo
        suffix = tr("（示例，修改不会影响您的文件）") if self.demo else ""
        self.setWindowTitle(store.path.name + suffix)
        self.overview.set_store(store)
        if not self.demo:
            self.settings.remember(store.path)
            save_settings(self.settings)
        self._fill_recent()
        self._enable()

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
            self.open_backup_copy(exc.newest_backup, exc.path)

    def show_open_error_text(self, text: str) -> None:
        self.statusBar().showMessage(text.splitlines()[0] if text else "")
        self.warn(tr("无法打开文件"), text)

    def open_backup_copy(self, backup: Path, damaged: Path | None) -> None:
        """Open a copy of a backup beside the damaged file's folder's user data; the damaged file stays."""
        from dqsa.paths import data_dir

        target = data_dir() / f"从备份恢复 {datetime.now():%Y%m%d-%H%M%S}{DESK_SUFFIX}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(backup.read_bytes())
        if damaged is not None:  # the packets stay where they are: the copy reads them from there
            from dqsa.store.desk.blobs import packets_folder

            source = packets_folder(damaged)
            if source.is_dir():
                shutil.copytree(source, packets_folder(target))
        if self.load(target):
            self.inform(tr("已打开备份"), tr("已把备份复制为：\n{0}\n请核对内容后继续使用。").format(target))

    # -- menus ---------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(tr("文件(&F)"))
        self._action(file_menu, tr("打开(&O)…"), self.choose_file, QKeySequence.StandardKey.Open)
        self._action(
            file_menu, tr("新建上级审核台账(&N)…"), self.choose_new_desk, QKeySequence.StandardKey.New
        )
        self.recent_menu = file_menu.addMenu(tr("最近打开(&R)"))
        file_menu.addSeparator()
        self.receive_action = self._action(file_menu, tr("接收材料包(&A)…"), self.choose_and_receive)
        self.receive_folder_action = self._action(file_menu, tr("接收整个文件夹(&D)…"), self.choose_folder)
        self.roster_action = self._action(file_menu, tr("导入名册(&M)…"), self.import_roster)
        file_menu.addSeparator()
        self.workbook_action = self._action(file_menu, tr("导出汇总表(&X)…"), self.export_workbook)
        self.report_action = self._action(file_menu, tr("导出汇总报告(&P)…"), self.export_report)
        file_menu.addSeparator()
        self.backup_action = self._action(file_menu, tr("备份台账(&B)…"), self.export_backup)
        self.backups_action = self._action(file_menu, tr("备份与恢复(&K)…"), self.show_backups)
        self.rename_action = self._action(file_menu, tr("修改单位名称(&U)…"), self.rename_desk)
        file_menu.addSeparator()
        self._action(file_menu, tr("关闭窗口(&C)"), self.close, QKeySequence.StandardKey.Close)
        self._build_view_menu()
        help_menu = self.menuBar().addMenu(tr("帮助(&H)"))
        self._action(
            help_menu, tr("用户指南(&G)"), self.show_user_guide, QKeySequence.StandardKey.HelpContents
        )
        self._action(help_menu, tr("校验材料包(&V)…"), self.verify_packet)
        self._action(help_menu, tr("打开示例台账(&E)"), self.open_demo)
        self._action(help_menu, tr("关于(&A)"), self.show_about)

    def _build_view_menu(self) -> None:
        """查看 → text size, as in the center's window (the same setting, applied to every window)."""
        view_menu = self.menuBar().addMenu(tr("查看(&V)"))
        self.text_size_actions = add_text_size_actions(self, view_menu, self.settings)
        view_menu.addSeparator()
        self._action(view_menu, tr("刷新(&R)"), self.refresh, QKeySequence.StandardKey.Refresh)

    def set_text_scale(self, percent: int) -> None:
        """Apply a text size now, to every window, and remember it."""
        set_text_scale(percent, self.text_size_actions, self.settings)

    def _step_text_scale(self, step: int) -> None:
        step_text_scale(step, self.text_size_actions, self.settings)

    def _action(self, menu: QMenu, text: str, slot: Callable[..., Any], shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _fill_recent(self) -> None:
        from dqsa.ui.desk.opening import fill_recent_menu

        fill_recent_menu(self.recent_menu, self.settings, self)

    def _enable(self) -> None:
        has_store = self.store is not None
        writable = has_store and not self.store.read_only
        for action in (
            self.receive_action,
            self.receive_folder_action,
            self.roster_action,
            self.rename_action,
        ):
            action.setEnabled(writable)
        for action in (self.workbook_action, self.report_action, self.backup_action, self.backups_action):
            action.setEnabled(has_store)

    # -- opening and making files ------------------------------------------------------------------

    def choose_file(self) -> None:
        """打开…: either kind of file; a center file opens in the center's window."""
        from dqsa.ui.desk.opening import open_any_file

        path, _ = QFileDialog.getOpenFileName(self, tr("打开"), str(start_folder("center")), tr(OPEN_FILTER))
        if path:
            remember_folder("center", Path(path).parent)
            open_any_file(Path(path), self.settings, self)

    def choose_new_desk(self) -> None:
        from dqsa.ui.desk.opening import new_desk

        new_desk(self.settings, self)

    def open_demo(self) -> None:
        from dqsa.ui.desk.opening import open_demo_desk

        open_demo_desk(self.settings, self)

    def refresh(self) -> None:
        if self.store is None:
            return
        if self.review_view is not None and self.stack.currentWidget() is self.review_view:
            self.review_view.reload()
        else:
            self.overview.refresh()

    # -- receiving -------------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        data = event.mimeData()
        writable = self.store is not None and not self.store.read_only
        if writable and data.hasUrls() and any(url.isLocalFile() for url in data.urls()):
            event.acceptProposedAction()
            return
        event.ignore()

    def dragMoveEvent(self, event: Any) -> None:
        if self.store is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.receive(paths)

    def choose_and_receive(self) -> None:
        """接收材料包…: one or more zips (a folder: 接收整个文件夹)."""
        if self.store is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(
            self, tr("选择收到的材料包"), str(start_folder("packet")), tr("材料包 (*.zip);;所有文件 (*)")
        )
        if paths:
            remember_folder("packet", Path(paths[0]).parent)
            self.receive([Path(p) for p in paths])

    def choose_folder(self) -> None:
        if self.store is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self, tr("选择存放材料包的文件夹"), str(start_folder("packet"))
        )
        if folder:
            remember_folder("packet", Path(folder))
            self.receive([Path(folder)])

    def receive(self, paths: list[Path]) -> None:
        """Receive packets and folders (recursively) in the background, then show what became of each."""
        if self.store is None or self.store.read_only:
            return
        from dqsa.ui.desk.receiving import receive_in_background

        self.close_review()
        receive_in_background(self, self.store, paths, on_done=self._received)

    def _received(self, _receipts: list[Any]) -> None:
        self.overview.refresh(newest_year=True)

    def check_identity(self, packet_id: int) -> None:
        """核实身份…: a held packet's old and new fingerprints; accept the new one with a reason."""
        if self.store is None:
            return
        from dqsa.ui.desk.receiving import HeldIdentityDialog

        dialog = HeldIdentityDialog(self.store, packet_id, self, reviewer=self.reviewer)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reviewer = dialog.reviewer() or self.reviewer
            self.statusBar().showMessage(dialog.outcome_text, 15000)
        dialog.deleteLater()
        self.overview.refresh()

    # -- reviewing ---------------------------------------------------------------------------------------

    def open_review(self, packet_id: int) -> None:
        """One center's review; 上一个 / 下一个 follow the list as it is sorted and filtered now."""
        if self.store is None:
            return
        from dqsa.ui.desk.review import DeskReviewView

        if self.review_view is None:
            self.review_view = DeskReviewView(self)
            self.review_view.back_requested.connect(self.close_review)
            self.stack.addWidget(self.review_view)
        self.autosaver.flush()
        self.review_view.show_packet(self.store, packet_id, self.overview.visible_packets())
        self.stack.setCurrentWidget(self.review_view)
        self.review_view.setFocus()

    def close_review(self) -> None:
        """Save what is pending and go back to the list (refreshed: states and totals may have changed)."""
        self.autosaver.flush()
        if self.review_view is not None and self.stack.currentWidget() is self.review_view:
            packet_id = self.review_view.packet_id
            self.stack.setCurrentWidget(self.overview)
            if self.store is not None:
                self.overview.refresh(select_packet=packet_id)
            self.overview.ui.centerTable.setFocus()

    # -- viewing a packet's files -------------------------------------------------------------------------

    def view_folder(self) -> Path:
        """A private temporary folder for reports opened in the system's viewer (removed on close)."""
        if self._view_folder is None or not self._view_folder.is_dir():
            self._view_folder = Path(tempfile.mkdtemp(prefix="dqsa-desk-view-"))
        return self._view_folder

    # -- roll-up, roster, backups -------------------------------------------------------------------------

    def import_roster(self) -> None:
        if self.store is None or self.store.read_only:
            return
        from dqsa.ui.desk.outputs import choose_and_import_roster

        if choose_and_import_roster(self, self.store):
            self.overview.refresh()

    def export_workbook(self) -> None:
        if self.store is None:
            return
        from dqsa.ui.desk.outputs import export_rollup

        export_rollup(self, self.store, self.overview.current_year(), kind="workbook")

    def export_report(self) -> None:
        if self.store is None:
            return
        from dqsa.ui.desk.outputs import export_rollup

        export_rollup(self, self.store, self.overview.current_year(), kind="report")

    def export_backup(self) -> None:
        if self.store is None:
            return
        from dqsa.ui.desk.outputs import export_desk_backup

        export_desk_backup(self, self.store)

    def rename_desk(self) -> None:
        if self.store is None or self.store.read_only:
            return
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(
            self,
            tr("修改单位名称"),
            tr("单位名称（例如：某某街道社会组织综合党委）："),
            text=self.store.info().name,
        )
        if not ok:
            return
        try:
            self.store.set_name(name)
        except (StoreError, ValueError) as exc:
            self.warn(tr("无法修改"), str(exc))
            return
        self.overview.refresh()

    def show_backups(self) -> None:
        if self.store is None:
            return
        self.close_review()
        dialog = self.backups_dialog()
        dialog.exec()
        dialog.deleteLater()

    def backups_dialog(self) -> QDialog:
        """The desk file's automatic backups, with 从所选备份恢复 (:mod:`.backups`)."""
        from dqsa.ui.desk.backups import backups_dialog

        return backups_dialog(self)

    # -- help ----------------------------------------------------------------------------------------------

    def show_user_guide(self) -> None:
        from dqsa.paths import user_guide
        from dqsa.ui.help_window import GuideWindow

        guide = user_guide()
        if guide is None:
            self.warn(
                tr("用户指南"), tr("找不到用户指南文件（安装不完整？请重新安装程序）：docs/用户指南.md")
            )
            return
        window = getattr(self, "guide_window", None)
        if window is None:
            window = self.guide_window = GuideWindow(guide, self)
        window.show()
        window.raise_()
        window.activateWindow()

    def verify_packet(self) -> None:
        from dqsa.ui.verification import choose_and_verify

        choose_and_verify(self)

    def show_about(self) -> None:
        from dqsa import __version__

        info = self.store.info() if self.store is not None else None
        text = tr(
            "<b>党群服务中心自评 dqsa {0}</b><br><br>上级审核台账：{1}<br>台账文件：{2}<br>材料包文件夹：{3}"
        ).format(
            __version__,
            info.name if info else "—",
            info.path if info else "—",
            info.packets_folder if info else "—",
        )
        QMessageBox.about(self, tr("关于 dqsa"), text)

    # -- saving and closing ---------------------------------------------------------------------------------

    def _saved(self, when: datetime | None) -> None:
        stamp = (when or datetime.now()).strftime("%H:%M:%S")
        self.save_label.setStyleSheet("")
        self.save_label.setText(tr("已保存 {0}").format(stamp))

    def _failed(self, _key: str, message: str) -> None:
        self.save_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.save_label.setText(tr("未能保存，修改仍在窗口中"))
        self.statusBar().showMessage(message.splitlines()[0], 15000)

    def warn(self, title: str, text: str) -> None:
        if self.dialogs:
            QMessageBox.warning(self, title, text)
        else:
            print(text, file=sys.stderr)

    def inform(self, title: str, text: str) -> None:
        if self.dialogs:
            QMessageBox.information(self, title, text)

    def closeEvent(self, event: QCloseEvent) -> None:
        if running_jobs() and not finish_running_jobs(timeout=3):
            event.ignore()
            self.statusBar().showMessage(tr("正在完成接收或导出，完成后自动关闭…"))
            if not self._closing_later:
                self._closing_later = True
                QTimer.singleShot(200, self._close_when_idle)
            return
        self.autosaver.flush()
        if self.autosaver.failed_keys and self.dialogs:
            answer = QMessageBox.warning(
                self,
                tr("有修改未能保存"),
                tr("有 {0} 处修改因磁盘问题未能保存。仍要关闭吗？（已保存的内容不受影响）").format(
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
        guide = getattr(self, "guide_window", None)
        if guide is not None:
            guide.close()
        if self._view_folder is not None:
            shutil.rmtree(
                self._view_folder, ignore_errors=True
            )  # a viewer still holding a file: left for the system
        event.accept()

    def _close_when_idle(self) -> None:
        if running_jobs():
            QTimer.singleShot(200, self._close_when_idle)
            return
        self._closing_later = False
        self.close()


def keep_alive(window: QWidget) -> None:
    """Top-level windows opened from another window live until they are closed."""
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _windows.add(window)
    window.destroyed.connect(lambda _object=None: _windows.discard(window))


_windows: set[QWidget] = set()
