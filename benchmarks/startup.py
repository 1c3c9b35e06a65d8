"""Start-up time: process start → window shown / year list on screen / file open, against a bare PySide6 window.

Every figure is measured the same way in the same run: a fresh process is started and
the time is taken when it prints its marker line, so time spent quitting does not
count. The markers:

- bare PySide6 window: printed from the event loop's first turn after ``show()``;
- dqsa window shown (``DQSA_EXIT_AFTER_SHOW``): the same moment in dqsa;
- dqsa year list on screen (``DQSA_EXIT_AFTER_LIST``): the list has every year with
  its scores (no "…" cell) and the window was repainted; the line printed carries the
  first row's cells, and the script checks the scores are in it;
- dqsa file open (``DQSA_EXIT_AFTER_LOAD``): the store is imported and the file open,
  the window ready for work.

Goals (issues 4 and 11.7): window shown ≤ 2.5× the bare window; year list on screen
≤ 3× the bare window.
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
def shown():
    print("dqsa-startup: window shown", flush=True)
    window.close()
QTimer.singleShot(0, shown)
sys.exit(app.exec())
"""
MARKER = "dqsa-startup: "


def timed(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Seconds from process start to its marker line, and that line."""
    started = time.perf_counter()
    with subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8"
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith(MARKER):
                elapsed = time.perf_counter() - started
                process.stdout.read()
                break
        else:
            raise SystemExit(f"no marker from {command} (exit code {process.wait()})")
    if process.returncode != 0:
        raise SystemExit(f"{command} failed with exit code {process.returncode}")
    return elapsed, line[len(MARKER) :].strip()


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
    cases = {
        "bare PySide6 window shown": (bare, env),
        "dqsa main window shown": (dqsa, {**env, "DQSA_EXIT_AFTER_SHOW": "1"}),
        "dqsa year list on screen with scores": (dqsa, {**env, "DQSA_EXIT_AFTER_LIST": "1"}),
        "dqsa center file open (store loaded)": (dqsa, {**env, "DQSA_EXIT_AFTER_LOAD": "1"}),
    }
    for command, case_env in cases.values():  # warm the file cache
        timed(command, case_env)
    times: dict[str, list[float]] = {name: [] for name in cases}
    listed = ""
    for _ in range(args.runs):
        for name, (command, case_env) in cases.items():
            elapsed, line = timed(command, case_env)
            times[name].append(elapsed)
            if name.startswith("dqsa year list"):
                listed = line
    if "…" in listed or "listed" not in listed:
        raise SystemExit(f"the year list was not measured with its scores: {listed!r}")
    medians = {name: statistics.median(values) for name, values in times.items()}
    bare_median = medians["bare PySide6 window shown"]
    for name, values in times.items():
        ratio = medians[name] / bare_median
        print(
            f"{name:<40} median {medians[name] * 1000:5.0f} ms (min {min(values) * 1000:5.0f})  {ratio:.2f}×"
        )
    print(f"first row as shown: {listed}")
    print("goals: window shown ≤ 2.5×, year list on screen ≤ 3× the bare window")
    heavy = subprocess.run(
        [sys.executable, "-c", "import dqsa.ui.app, dqsa.ui.main_window, dqsa.store.year_list, sys; "
         "print(sorted(m for m in ('sqlalchemy', 'pydantic', 'yaml', 'openpyxl', 'reportlab', 'cryptography', "
         "'pyhanko', 'alembic') if m in sys.modules))"],
        env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    print(f"heavy libraries imported by the GUI modules and the light list reader: {heavy}")


if __name__ == "__main__":
    main()
