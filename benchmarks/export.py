"""Packet figures: export with 20 phone photos, packet size, verification time.

Run: .venv/bin/python benchmarks/export.py
Goals (issue 5): export < 3 s and packet < 10 MB with 20 photos taken by a phone
(4000×3000 JPEG, 3–5 MB each); verification < 1 s.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
os.environ.setdefault("DQSA_HOME", tempfile.mkdtemp(prefix="dqsa-export-bench-"))

from store import phone_photos

from dqsa.answers_file import load_answers_file
from dqsa.export.packet import export_packet
from dqsa.export.verify import verify_packet
from dqsa.store.evidence import prepare_photo
from dqsa.store.service import CenterStore

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="dqsa-export-"))
    photos = phone_photos(20)
    print(
        f"input: 20 × 4000×3000 JPEG, {min(map(len, photos)) / 1e6:.1f}–{max(map(len, photos)) / 1e6:.1f} MB each"
    )
    with CenterStore.open(folder / "中心.dqsa", create=True, backups_root=folder / "backups") as store:
        store.import_answers(load_answers_file(DATA / "village-weak.json"))
        zones = [z.id for z in store.pack_for(2026).zones]
        started = time.perf_counter()
        for n, data in enumerate(photos):
            store.add_evidence(
                2026, "zone", zones[n % len(zones)], prepare_photo(data, f"现场 {n + 1}.jpg"), f"照片 {n + 1}"
            )
        print(f"adding the 20 photos (downscale + store): {time.perf_counter() - started:.1f} s")
        times = []
        for run in range(3):
            started = time.perf_counter()
            result = export_packet(
                store, 2026, signer_name="张伟", signer_title="村党组织书记", passphrase="口令123456",
                out_dir=folder / f"out{run}",
            )  # fmt: skip
            times.append(time.perf_counter() - started)
        print(
            f"export (workbook + PDF with 20 photos + signing + zip): median {statistics.median(times):.2f} s, first {times[0]:.2f} s"
        )
        print(f"packet size: {result.size / 1024 / 1024:.1f} MB")
    checks = []
    for _ in range(5):
        started = time.perf_counter()
        verification = verify_packet(result.path)
        checks.append(time.perf_counter() - started)
    assert verification.ok, verification.problems
    print(f"verification: median {statistics.median(checks) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
