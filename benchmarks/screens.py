"""Render every view of the program at 1366×768 to PNG files, to look at them.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/screens.py OUT_DIR [--scale 1.5] [--lang en]
At --scale 1.5 the window is still 1366×768 physical pixels (910×512 logical), as on
an old laptop set to 150 %.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("DQSA_HOME", tempfile.mkdtemp(prefix="dqsa-screens-"))

    from PySide6.QtWidgets import QApplication

    from dqsa.demo import build_demo_file
    from dqsa.settings import Settings
    from dqsa.store.service import CenterStore
    from dqsa.ui.i18n import install_translations
    from dqsa.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    install_translations(app, args.lang)
    store = CenterStore.open(build_demo_file(Path(tempfile.mkdtemp())))
    window = MainWindow(store, Settings(language=args.lang), demo=True)
    logical = (round(1366 / args.scale), round(768 / args.scale))
    window.resize(*logical)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)
    tag = f"{int(args.scale * 100)}"

    def grab(name: str) -> None:
        app.processEvents()
        window.grab().save(str(args.out / f"{tag}-{name}.png"))

    grab("00-home")
    window.open_assessment(2026)
    wizard = window.wizard
    for index in range(wizard.page_count()):
        wizard.go_to(index)
        grab(f"{index + 1:02d}-page")
    window.close()


if __name__ == "__main__":
    main()
