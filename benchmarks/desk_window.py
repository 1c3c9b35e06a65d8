"""The desk window on a big desk: how long a reviewer waits for the list, the dashboard and a review.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/desk_window.py [--packets 200] [--cache DIR]

Uses the packets ``benchmarks/desk.py`` makes and caches (real packets, ~10 photos each;
made here if missing, which takes minutes), builds the same five-year desk (200 centers
× 5 years), then times in this process: the window opening the desk and listing the
newest year (the table drawn), switching to the dashboard (charts drawn), opening the
first center's review, and back to the list. Also ``dqsa --demo-desk``'s two starts
are timed by hand (see the report); they depend on the machine's load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packets", type=int, default=200)
    parser.add_argument("--photos", type=int, default=10)
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    import desk as bench  # benchmarks/desk.py: its cached packets and five-year desk

    cache = (
        args.cache or Path(tempfile.gettempdir()) / "dqsa-benchmark-desk" / f"{args.packets}x{args.photos}"
    )
    folder = Path(tempfile.mkdtemp(prefix="dqsa-desk-window-"))
    os.environ["DQSA_HOME"] = str(folder / "home")
    paths = bench.packets(cache, args.packets, args.photos)
    desk_file = bench.five_years(paths, folder)

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)

    def settle() -> None:
        for _ in range(3):
            app.processEvents()

    from dqsa.settings import Settings
    from dqsa.store.desk.service import DeskStore
    from dqsa.ui.desk.window import DeskWindow

    figures: dict[str, list[float]] = {"open and list": [], "dashboard": [], "review": [], "back to list": []}
    for _ in range(5):
        started = time.perf_counter()
        window = DeskWindow(DeskStore.open(desk_file), Settings())
        window.resize(1366, 768)
        window.show()
        settle()
        figures["open and list"].append(time.perf_counter() - started)
        rows = window.overview.proxy.rowCount()
        started = time.perf_counter()
        window.overview.ui.tabs.setCurrentWidget(window.overview.ui.dashboardTab)
        settle()
        figures["dashboard"].append(time.perf_counter() - started)
        window.overview.ui.tabs.setCurrentWidget(window.overview.ui.tableTab)
        settle()
        started = time.perf_counter()
        window.open_review(window.overview.visible_packets()[0])
        settle()
        figures["review"].append(time.perf_counter() - started)
        started = time.perf_counter()
        window.close_review()
        settle()
        figures["back to list"].append(time.perf_counter() - started)
        window.close()
        settle()
    print(
        f"desk of {len(paths)} centers × 5 years, {rows} rows listed for the newest year (median of 5, goal ≤ 1 s):"
    )
    for name, values in figures.items():
        print(f"  {name}: {statistics.median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f})")


if __name__ == "__main__":
    main()
