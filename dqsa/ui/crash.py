"""The crash handler: a Chinese dialog with a copyable report, or a log line in tests."""

from __future__ import annotations

import faulthandler
import logging
import platform
import sys
import traceback
from pathlib import Path
from types import TracebackType

from dqsa import __version__

log = logging.getLogger(__name__)
_fault_file = None


def crash_report(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None, log_path: Path
) -> str:
    """The text a person can copy into an email to whoever supports them."""
    lines = traceback.format_exception(kind, value, tb)
    return (
        f"dqsa {__version__}，Python {platform.python_version()}，{platform.platform()}\n"
        f"日志文件：{log_path}\n\n" + "".join(lines)
    )


def install_crash_handler(log_path: Path, *, dialogs: bool) -> None:
    """Log every uncaught exception; show it in a dialog unless ``dialogs`` is False.

    The hook resets itself while it runs, so an error inside the dialog cannot loop.
    """
    global _fault_file
    _fault_file = open(log_path.with_name("faults.log"), "a", encoding="utf-8")  # noqa: SIM115
    faulthandler.enable(_fault_file)

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        sys.excepthook = sys.__excepthook__
        try:
            report = crash_report(kind, value, tb, log_path)
            log.critical("uncaught exception\n%s", report)
            if dialogs:
                _show_dialog(report, log_path)
        finally:
            sys.excepthook = hook

    sys.excepthook = hook


def _show_dialog(report: str, log_path: Path) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    if QApplication.instance() is None:
        return
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("程序出错了")
    box.setText(
        "程序遇到了一个意外错误。已经保存的内容不会丢失。\n"
        "请点“显示详细信息”，复制报告发给技术支持人员，然后可以继续使用或重新打开程序。"
    )
    box.setInformativeText(f"日志文件：{log_path}")
    box.setDetailedText(report)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
