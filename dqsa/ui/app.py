"""Start the desktop program."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from dqsa import __version__
from dqsa.packs import bundled_packs


class PackOverviewWindow(QMainWindow):
    """For now: the main window says which criteria packs are loaded."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(f"党群服务中心自评 dqsa {__version__}")
        lines = ["已载入的评分标准包："]
        for pack in bundled_packs().values():
            kind = "计分" if pack.kind == "scored" else "核查清单"
            lines.append(f"· {pack.title}（{pack.id} {pack.version}，{kind}）")
        label = QLabel("\n".join(lines))
        label.setMargin(24)
        self.setCentralWidget(label)
        self.resize(720, 240)


def run_gui(*, no_err_windows: bool = False) -> int:
    """Show the main window and run the event loop; returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    window = PackOverviewWindow()
    window.show()
    return app.exec()
