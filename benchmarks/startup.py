"""Start-up time: process start → main window shown, against a bare PySide6 window.

Both are measured the same way in the same run: wall time of a fresh process that
shows its window and quits from the event loop's first turn. Goal (issue 4):
dqsa within 2.5× of the bare window.
Run: .venv/bin/python benchmarks/startup.py [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("党群服务中心"))
window.resize(1280, 720)
window.show()
QTimer.singleShot(0, window.close)
sys.exit(app.exec())
"""


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="dqsa-startup-"))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "DQSA_HOME": str(home),
    }
    data = Path(__file__).resolve().parents[1] / "tests" / "data"
    from dqsa.paths import DEFAULT_FILE_NAME

    center = home / "data" / DEFAULT_FILE_NAME
    subprocess.run(
        [sys.executable, "-m", "dqsa", "import", str(data / "village-weak.json"), "--db", str(center)],
        env=env, check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    dqsa = [sys.executable, "-m", "dqsa", "--no-err-windows"]
    bare = [sys.executable, "-c", BARE]
    timed(bare, env), timed(dqsa, {**env, "DQSA_EXIT_AFTER_SHOW": "1"})  # warm the file cache
    bare_times, shown_times, filled_times = [], [], []
    for _ in range(args.runs):
        bare_times.append(timed(bare, env))
        shown_times.append(timed(dqsa, {**env, "DQSA_EXIT_AFTER_SHOW": "1"}))
        filled_times.append(timed(dqsa, {**env, "DQSA_EXIT_AFTER_LOAD": "1"}))
    b, d, f = (statistics.median(t) for t in (bare_times, shown_times, filled_times))
    print(f"bare PySide6 window:                median {b * 1000:.0f} ms (min {min(bare_times) * 1000:.0f})")
    print(f"dqsa main window shown:             median {d * 1000:.0f} ms (min {min(shown_times) * 1000:.0f})")
    print(
        f"dqsa window with the years listed:  median {f * 1000:.0f} ms (min {min(filled_times) * 1000:.0f})"
    )
    print(f"ratio, window shown: {d / b:.2f}× (goal ≤ 2.5×); ratio, list filled: {f / b:.2f}×")
    heavy = subprocess.run(
        [sys.executable, "-c", "import dqsa.ui.app, dqsa.ui.main_window, sys; "
         "print(sorted(m for m in ('openpyxl', 'reportlab', 'cryptography', 'pyhanko', 'alembic') if m in sys.modules))"],
        env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    print(f"heavy libraries imported by the GUI modules: {heavy}")


if __name__ == "__main__":
    main()
