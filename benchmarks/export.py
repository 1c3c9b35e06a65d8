"""Packet figures: export with 20 phone photos, first export, peak memory, packet size, verification.

Run: .venv/bin/python benchmarks/export.py [--runs N]
Goals (issue 12): median export ≤ 2.0 s with 20 photos taken by a phone (4000×3000 JPEG,
3–5 MB each), the first export of a fresh process including creating the signing
identity ≤ 3 s (the export call with the center file open, as in the program: it imports
reportlab, pyHanko and openpyxl, reads the font and makes the key), peak memory of that
process ≤ 200 MB; verification < 1 s. Also shown: process start to first packet, which
adds Python, SQLAlchemy and opening the file.

The photos are made and stored by this process; the exports run in a fresh child
process (``--child``), so its imports, its first export and its peak memory (ru_maxrss)
are the program's alone. Run it on a quiet machine: the figures are wall-clock times.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def prepare(folder: Path) -> Path:
    """A center file with the village's answers and 20 phone photos attached."""
    from store import phone_photos

    from dqsa.answers_file import load_answers_file
    from dqsa.store.evidence import prepare_photo
    from dqsa.store.service import CenterStore

    photos = phone_photos(20)
    print(
        f"input: 20 × 4000×3000 JPEG, {min(map(len, photos)) / 1e6:.1f}–{max(map(len, photos)) / 1e6:.1f} MB each"
    )
    path = folder / "中心.dqsa"
    with CenterStore.open(path, create=True, backups_root=folder / "backups") as store:
        store.import_answers(load_answers_file(DATA / "village-weak.json"))
        zones = [z.id for z in store.pack_for(2026).catalog("zone").entries]
        started = time.perf_counter()
        for n, data in enumerate(photos):
            store.add_evidence(
                2026, "zone", zones[n % len(zones)], prepare_photo(data, f"现场 {n + 1}.jpg"), f"照片 {n + 1}"
            )
        print(f"adding the 20 photos (downscale + store): {time.perf_counter() - started:.1f} s")
    return path


def child(db: Path, out: Path, runs: int) -> None:
    """In a fresh process: the first export (imports, identity creation), then ``runs`` more."""
    started = time.perf_counter()
    from dqsa.export.packet import export_packet
    from dqsa.store.service import CenterStore

    times, cpu = [], []
    with CenterStore.open(db) as store:
        for run in range(runs + 1):
            begin, begin_cpu = time.perf_counter(), time.process_time()
            result = export_packet(
                store, 2026, signer_name="张伟", signer_title="村党组织书记", passphrase="口令123456",
                out_dir=out / f"out{run}",
            )  # fmt: skip
            times.append(time.perf_counter() - begin)
            cpu.append(time.process_time() - begin_cpu)
            if run == 0:
                first = time.perf_counter() - started
                assert result.created_identity
    figures = {"first": first, "times": times, "cpu": cpu, "peak_kib": peak_kib(), "packet": str(result.path)}
    print(json.dumps(figures))


def peak_kib() -> int:
    """This process's peak resident memory. Linux's VmHWM starts afresh at exec; ru_maxrss
    would also count the parent's photos, inherited through fork."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5, help="exports after the first (default 5)")
    parser.add_argument("--child", nargs=2, metavar=("DB", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]), args.runs)
        return
    folder = Path(tempfile.mkdtemp(prefix="dqsa-export-"))
    os.environ["DQSA_HOME"] = str(
        folder / "home"
    )  # a fresh data folder: the first export creates the identity
    db = prepare(folder)
    output = subprocess.run(
        [sys.executable, __file__, "--runs", str(args.runs), "--child", str(db), str(folder)],
        capture_output=True, text=True, check=True, env={**os.environ, "DQSA_HOME": str(folder / "home2")},
    ).stdout  # fmt: skip
    figures = json.loads(output.strip().splitlines()[-1])
    warm = figures["times"][1:]
    print(
        "first export in a fresh process (export call: lazy imports + creating the identity + export): "
        f"{figures['times'][0]:.2f} s; from process start: {figures['first']:.2f} s"
    )
    print(
        f"export (workbook + PDF with 20 photos + signing + zip): median {statistics.median(warm):.2f} s "
        f"of {len(warm)} (min {min(warm):.2f}, max {max(warm):.2f})"
    )
    print(
        f"CPU time (all threads; what a busy machine does not inflate): first {figures['cpu'][0]:.2f} s, "
        f"median {statistics.median(figures['cpu'][1:]):.2f} s"
    )
    print(f"peak memory of the exporting process: {figures['peak_kib'] / 1024:.0f} MB")
    packet = Path(figures["packet"])
    print(f"packet size: {packet.stat().st_size / 1024 / 1024:.1f} MB")

    from dqsa.export.verify import verify_packet

    checks = []
    for _ in range(5):
        started = time.perf_counter()
        verification = verify_packet(packet)
        checks.append(time.perf_counter() - started)
    assert verification.ok, verification.problems
    print(f"verification: median {statistics.median(checks) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
