"""Review-result figures (issue 16): the desk signs a 审核结果, the center checks and keeps it.

Run: .venv/bin/python benchmarks/review.py [--runs N]
Builds the whole loop once with the real code (a center signs 2025 and 2026, a desk receives,
reviews and returns both: tests/review_loop.py), then times, in this process:
- the desk's ``return_review`` (the result's PDF, its signature and the zip), N more times;
- the center's check of a result file (signature, digests, the packet it refers to, the pinned
  desk) and keeping it (one transaction), each on a fresh copy of the center file.
The loop has already imported everything, so these are warm figures (a fresh process adds
reportlab and pyHanko's imports to the first return: see benchmarks/export.py). Wall-clock
times: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory(prefix="dqsa-bench-review-") as name:
        folder = Path(name)
        os.environ["DQSA_HOME"] = str(folder / "home")
        from review_loop import DESK_PASSPHRASE, build_loop

        started = time.perf_counter()
        loop = build_loop(folder / "loop")
        print(
            f"the loop (2 packets exported, received, reviewed, 2 results returned): {time.perf_counter() - started:.1f} s"
        )

        from dqsa.export.review_return import return_review
        from dqsa.store.desk.service import DeskStore

        returns = []
        os.environ["DQSA_HOME"] = str(folder / "loop" / "desk-home")
        with DeskStore.open(loop.desk, backups_root=folder / "b") as desk:
            center = desk.centers()[0]
            packet_id = desk.counted_packet(center.id, 2026).id
            for run in range(runs):
                started = time.perf_counter()
                result = return_review(
                    desk,
                    packet_id,
                    signer_name="王审核",
                    signer_title="组织委员",
                    passphrase=DESK_PASSPHRASE,
                    out_dir=folder / f"again-{run}",
                )
                returns.append(time.perf_counter() - started)
        size = result.path.stat().st_size
        print(
            f"desk return: median {statistics.median(returns):.2f} s of {runs} (first {returns[0]:.2f} s), {size / 1024:.0f} KB"
        )

        from dqsa.export.review_import import check_review_file
        from dqsa.store.service import CenterStore

        checks, keeps = [], []
        for run in range(runs):
            copy = folder / f"center-{run}.dqsa"
            shutil.copyfile(loop.center, copy)
            with CenterStore.open(copy, backups_root=folder / "b") as store:
                started = time.perf_counter()
                prepared = check_review_file(loop.result_2026, store)
                checks.append(time.perf_counter() - started)
                assert prepared.received is not None, prepared.refusal
                started = time.perf_counter()
                store.import_review(prepared.received)
                keeps.append(time.perf_counter() - started)
        print(f"center check: median {statistics.median(checks):.2f} s of {runs} (first {checks[0]:.2f} s)")
        print(f"center keep (one transaction): median {statistics.median(keeps) * 1000:.0f} ms of {runs}")


if __name__ == "__main__":
    main()
