"""What leaves the desk: the roll-up workbook and PDF summary, a backup of the whole desk; what comes in: a roster.

Long work runs in the worker (:func:`dqsa.ui.worker.run_in_background`) behind a
progress dialog; the result says where the file went and offers its folder.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from dqsa.ui.i18n import tr
from dqsa.ui.places import remember_folder, start_folder
from dqsa.ui.worker import Job, Report, run_in_background

if TYPE_CHECKING:
    from dqsa.store.desk.service import DeskStore

log = logging.getLogger(__name__)


def _problems_text(exc: Exception) -> str:
    problems = getattr(exc, "problems", None)
    if problems:
        return "\n".join(f"· {p.message}" for p in problems)
    return str(exc)


def run_with_progress(
    parent: QWidget,
    title: str,
    label: str,
    work: Callable[[Report], Any],
    *,
    on_done: Callable[[Any], None],
) -> Job[Any]:
    """``work`` in the worker behind a window-modal progress dialog; a failure is said in plain words."""
    progress = QProgressDialog(label, None, 0, 100, parent)
    progress.setWindowTitle(title)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.setMinimumWidth(progress.fontMetrics().horizontalAdvance("中") * 28)
    progress.setValue(0)

    def shown(percent: int, _text: str) -> None:
        progress.setValue(max(0, min(percent, 100)))

    def done(result: Any) -> None:
        progress.close()
        progress.deleteLater()
        on_done(result)

    def failed(exc: Exception) -> None:
        progress.close()
        progress.deleteLater()
        log.error("%s failed", title, exc_info=exc)
        QMessageBox.warning(parent, title, tr("没有完成：\n{0}").format(_problems_text(exc)))

    return run_in_background(work, parent=parent, on_done=done, on_error=failed, on_progress=shown)


def _written(parent: QWidget, title: str, path: Path) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        title,
        tr("已保存：\n{0}").format(path),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    folder = box.addButton(tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole)
    box.exec()
    if box.clickedButton() is folder and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))):
        QMessageBox.information(parent, title, tr("请在文件管理器中打开：\n{0}").format(path.parent))
    box.deleteLater()


def _choose_target(parent: QWidget, title: str, name: str, file_filter: str, suffix: str) -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder("export") / name), file_filter)
    if not path:
        return None
    target = Path(path) if path.lower().endswith(suffix) else Path(path + suffix)
    remember_folder("export", target.parent)
    return target


# -- roll-up ----------------------------------------------------------------------------------------------


def export_rollup(parent: QWidget, store: DeskStore, year: int | None, *, kind: str) -> Job[Any] | None:
    """导出汇总表… (``kind`` "workbook") or 导出汇总报告… ("report") for ``year``."""
    from dqsa.export.packet import safe_file_name

    if year is None:
        return None
    desk = safe_file_name(store.info().name)
    if kind == "workbook":
        title, suffix, file_filter = tr("导出汇总表"), ".xlsx", tr("Excel 工作簿 (*.xlsx)")
        name = f"{desk}-{year}年度汇总表{suffix}"
        doing = tr("正在生成 {0} 年度的汇总表…").format(year)
    else:
        title, suffix, file_filter = tr("导出汇总报告"), ".pdf", tr("PDF 文件 (*.pdf)")
        name = f"{desk}-{year}年度汇总报告{suffix}"
        doing = tr("正在生成 {0} 年度的汇总报告（含图表）…").format(year)
    target = _choose_target(parent, title, name, file_filter, suffix)
    if target is None:
        return None

    def work(report: Report) -> Path:
        writer = rollup_writer(kind)
        return writer(store, year, target, report)

    return run_with_progress(
        parent, title, doing, work,
        on_done=lambda path: _written(parent, title, Path(path) if path else target),
    )  # fmt: skip


def rollup_writer(kind: str) -> Callable[[Any, int, Path, Report], Path]:
    """The desk-core's writer of the roll-up workbook or PDF summary, called with progress."""
    if kind == "workbook":
        from dqsa.export.rollup_workbook import write_rollup_workbook

        return lambda store, year, target, report: write_rollup_workbook(store, year, target, progress=report)
    from dqsa.export.rollup_report import write_rollup_report

    return lambda store, year, target, report: write_rollup_report(store, year, target, progress=report)


# -- a backup of the whole desk ----------------------------------------------------------------------


def export_desk_backup(parent: QWidget, store: DeskStore) -> Job[Any] | None:
    """备份台账…: one zip with the desk file and every packet, for a USB stick."""
    from dqsa.export.packet import safe_file_name

    title = tr("备份台账")
    name = f"{safe_file_name(store.info().name)}-台账备份-{date.today():%Y%m%d}.zip"
    target = _choose_target(parent, title, name, tr("zip 文件 (*.zip)"), ".zip")
    if target is None:
        return None
    return run_with_progress(
        parent, title, tr("正在把台账和全部材料包写入备份…"), lambda _report: store.export_backup(target),
        on_done=lambda path: _written(parent, title, Path(path)),
    )  # fmt: skip


# -- the roster ---------------------------------------------------------------------------------------


def choose_and_import_roster(parent: QWidget, store: DeskStore) -> bool:
    """导入名册…: an Excel or CSV file with 名称, 级别, 地区 and optionally 证书指纹 (all or nothing)."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        tr("导入名册"),
        str(start_folder("packet")),
        tr("名册 (*.xlsx *.csv);;所有文件 (*)"),
    )
    if not path:
        return False
    remember_folder("packet", Path(path).parent)
    return import_roster_file(parent, store, Path(path))


def import_roster_file(parent: QWidget, store: DeskStore, path: Path) -> bool:
    from dqsa.domain.errors import InvalidInput
    from dqsa.store.errors import StoreError

    try:
        from dqsa.export.roster_file import read_roster

        rows = read_roster(path)
        result = store.import_roster(rows)
    except InvalidInput as exc:
        QMessageBox.warning(
            parent,
            tr("名册有误，没有导入"),
            tr("名册 {0} 中有以下问题，请改正后重新导入（名册没有任何改动）：\n{1}").format(
                path.name, _problems_text(exc)
            ),
        )
        return False
    except (StoreError, OSError, ValueError) as exc:
        QMessageBox.warning(parent, tr("无法导入名册"), str(exc))
        return False
    QMessageBox.information(
        parent,
        tr("名册已导入"),
        tr("名册共 {0} 个中心：新增 {1} 个，更新 {2} 个，未变 {3} 个。").format(
            result.total, result.added, result.updated, result.unchanged
        ),
    )
    return True
