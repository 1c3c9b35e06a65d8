"""Receiving-desk figures (issue 15.7): receiving 200 packets, opening a big desk, the roll-up.

Run: .venv/bin/python benchmarks/desk.py [--packets 200] [--photos 10] [--cache DIR] [--workers N]

Goals: receiving 200 packets of about 10 photos each ≤ 60 s on a 2-core machine;
opening a desk of 5 years × 200 centers and listing a year ≤ 1 s; a roll-up workbook
of 200 centers ≤ 5 s. Also shown: the roll-up PDF.

The packets are real: exported by the program from center files made of the test
answers (the four test centers in turn, each under its own name and signing identity),
each with ``--photos`` phone-sized photos (4000×3000 JPEG, downscaled by the program as
a center's would be). Building 200 takes minutes, so they are cached in ``--cache``
(default: <temp>/dqsa-benchmark-desk/<packets>x<photos>) and reused by later runs.

The desk of five years is the 200 received packets plus four earlier years made from
them (each packet's checked content with another year and other bytes, added through
the store's own ``add_packet``): the same rows a real desk would hold. Opening and
listing are timed in a fresh process, with and without the imports.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
sys.path.insert(0, str(Path(__file__).parent))
ANSWERS = ("village-weak.json", "township-half.json", "city-full.json", "wenzhou-village.json")
#: Short names: the signing certificate holds at most 64 bytes of the name (see the report).
NAMES = ("某村党群服务中心", "某街道党群服务中心", "某市党群服务中心", "某社区瓯江红党群服务中心")
YEAR = 2026
PASSPHRASE = "benchmark-口令-2026"


# --- building the packets (once) -------------------------------------------------------------------------


def _photos(count: int) -> list[bytes]:
    from store import phone_photos

    return phone_photos(count)


def _build_chunk(args: tuple[list[int], int, str]) -> list[str]:
    """In a worker process: export packets number ``indexes`` into ``folder``."""
    indexes, photos, folder = args
    out = Path(folder)
    home = out / "homes" / str(os.getpid())
    os.environ["DQSA_HOME"] = str(home)
    from dqsa.answers_file import load_answers_file
    from dqsa.domain.answers import Center
    from dqsa.export.packet import export_packet
    from dqsa.store.evidence import prepare_photo
    from dqsa.store.service import CenterStore

    prepared = [prepare_photo(data, f"现场照片 {n + 1}.jpg") for n, data in enumerate(_photos(photos))]
    made = []
    for index in indexes:
        answers = load_answers_file(DATA / ANSWERS[index % len(ANSWERS)])
        center = answers.center
        name = f"第{index + 1:03d}号{NAMES[index % len(NAMES)]}"
        region = f"测试县第{index % 12 + 1}片区"
        answers = answers.model_copy(update={"center": Center(name=name, level=center.level, region=region)})
        work = out / "centers" / f"{index:03d}"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        with CenterStore.open(work / "中心.dqsa", create=True, backups_root=work / "backups") as store:
            store.import_answers(answers)
            items = [i.item_id for i in store.scorecard(YEAR).items()]
            for n, photo in enumerate(prepared):
                store.add_evidence(YEAR, "item", items[n % len(items)], photo, f"照片 {n + 1}")
            result = export_packet(
                store,
                YEAR,
                signer_name="王主任",
                signer_title="中心主任",
                passphrase=PASSPHRASE,
                out_dir=out / "packets",
            )
        shutil.rmtree(work, ignore_errors=True)
        made.append(str(result.path))
    return made


def packets(cache: Path, count: int, photos: int) -> list[Path]:
    """The cached packets, building the missing ones (in as many processes as there are cores)."""
    folder = cache / "packets"
    have = sorted(folder.glob("*.zip")) if folder.is_dir() else []
    if len(have) >= count:
        return have[:count]
    print(f"building {count} packets with {photos} photos each in {cache} (once; cached for later runs)…")
    started = time.perf_counter()
    shutil.rmtree(cache, ignore_errors=True)
    cache.mkdir(parents=True)
    workers = max(1, os.cpu_count() or 1)
    chunks = [(list(range(k, count, workers)), photos, str(cache)) for k in range(workers)]
    import multiprocessing

    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        for done in pool.map(_build_chunk, chunks):
            print(f"  {len(done)} packets built")
    shutil.rmtree(cache / "homes", ignore_errors=True)  # the throw-away signing keys
    print(f"built in {time.perf_counter() - started:.0f} s")
    return sorted(folder.glob("*.zip"))[:count]


# --- the figures ------------------------------------------------------------------------------------------


def receive(paths: list[Path], folder: Path, workers: int) -> float:
    from dqsa.export.receive import receive_paths
    from dqsa.store.desk.service import DeskStore

    desk_file = folder / f"接收-{workers}.dqsd"
    with DeskStore.create(desk_file, "基准测试街道", backups_root=folder / "backups") as desk:
        started = time.perf_counter()
        receipts, _odd = receive_paths(desk, paths, workers=workers)
        elapsed = time.perf_counter() - started
    outcomes: dict[str, int] = {}
    for receipt in receipts:
        outcomes[receipt.outcome.value] = outcomes.get(receipt.outcome.value, 0) + 1
    assert outcomes == {"accepted": len(paths)}, outcomes
    return elapsed


def five_years(paths: list[Path], folder: Path) -> Path:
    """A desk with the packets' year and four earlier years (the checked content, other years and bytes)."""
    import dataclasses
    import hashlib

    from dqsa.export.receive import Refusal, check_packet, read_packet
    from dqsa.store.desk.service import DeskStore

    desk_file = folder / "五年.dqsd"
    with DeskStore.create(desk_file, "基准测试街道", backups_root=folder / "backups") as desk:
        for path in paths:
            checked = check_packet(read_packet(path), str(path))
            assert not isinstance(checked, Refusal), checked
            desk.add_packet(checked)
            for back in range(1, 5):
                data = f"{checked.sha256}-{back}".encode()
                manifest = dict(checked.manifest, year=YEAR - back)
                desk.add_packet(
                    dataclasses.replace(
                        checked,
                        data=data,
                        sha256=hashlib.sha256(data).hexdigest(),
                        year=YEAR - back,
                        manifest=manifest,
                    )
                )
    return desk_file


def open_and_list_child(desk_file: str) -> None:
    """In a fresh process: the time to import, open and list a year, and to open and list again."""
    started = time.perf_counter()
    from dqsa.store.desk.service import DeskStore

    imported = time.perf_counter()
    with DeskStore.open(Path(desk_file)) as desk:
        rows = desk.list_rows(YEAR)
    first = time.perf_counter()
    times = []
    for _ in range(5):
        t = time.perf_counter()
        with DeskStore.open(Path(desk_file)) as desk:
            again = desk.list_rows(YEAR)
            assert len(again) == len(rows)
        times.append(time.perf_counter() - t)
    t = time.perf_counter()
    with DeskStore.open(Path(desk_file)) as desk:
        for year in range(YEAR - 4, YEAR + 1):
            desk.list_rows(year)
        info = desk.info()
    all_years = time.perf_counter() - t
    print(
        json.dumps(
            {
                "imports": imported - started,
                "first_open_and_list": first - imported,
                "open_and_list_median": statistics.median(times),
                "rows": len(rows),
                "packets": info.packets,
                "all_five_years": all_years,
            }
        )
    )


def rollup(folder: Path, desk_file: Path) -> tuple[float, float, int]:
    from dqsa.export.rollup_report import write_rollup_report
    from dqsa.export.rollup_workbook import write_rollup_workbook
    from dqsa.store.desk.service import DeskStore

    with DeskStore.open(desk_file) as desk:
        started = time.perf_counter()
        write_rollup_workbook(desk, YEAR, folder / "汇总.xlsx")
        workbook = time.perf_counter() - started
        started = time.perf_counter()
        pdf = write_rollup_report(desk, YEAR, folder / "汇总.pdf")
        report = time.perf_counter() - started
    return workbook, report, pdf.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--packets", type=int, default=200)
    parser.add_argument("--photos", type=int, default=10)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument(
        "--workers", type=int, default=None, help="verification processes (default: as the program)"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--keep", type=Path, default=None, help="keep the desks and roll-ups in this folder")
    args = parser.parse_args()
    if args.child:
        open_and_list_child(args.child)
        return
    cache = (
        args.cache or Path(tempfile.gettempdir()) / "dqsa-benchmark-desk" / f"{args.packets}x{args.photos}"
    )
    paths = packets(cache, args.packets, args.photos)
    sizes = [p.stat().st_size for p in paths]
    print(
        f"input: {len(paths)} packets, {sum(sizes) / 1e6:.0f} MB in all, "
        f"{min(sizes) / 1e6:.1f}–{max(sizes) / 1e6:.1f} MB each; {os.cpu_count()} cores"
    )
    with tempfile.TemporaryDirectory(prefix="dqsa-desk-bench-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        os.environ["DQSA_HOME"] = str(folder / "home")
        from dqsa.export.receive import default_workers

        chosen = default_workers() if args.workers is None else args.workers
        for workers in sorted({1, chosen}):
            elapsed = receive(paths, folder, workers)
            print(
                f"receive {len(paths)} packets, {workers} process(es): {elapsed:.1f} s "
                f"({elapsed / len(paths) * 1000:.0f} ms each)   goal ≤ 60 s for 200"
            )
        started = time.perf_counter()
        desk_file = five_years(paths, folder)
        print(f"(made the five-year desk in {time.perf_counter() - started:.0f} s)")
        child = subprocess.run(
            [sys.executable, __file__, "--child", str(desk_file)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        figures = json.loads(child.stdout.strip().splitlines()[-1])
        print(
            f"desk of {figures['packets']} packets (5 years × {len(paths)}): open + list {YEAR} "
            f"({figures['rows']} rows): first {figures['first_open_and_list']:.2f} s after "
            f"{figures['imports']:.2f} s of imports; again {figures['open_and_list_median']:.2f} s (median of 5)"
            "   goal ≤ 1 s"
        )
        print(f"  open + list all five years + info: {figures['all_five_years']:.2f} s")
        workbook, report, size = rollup(folder, desk_file)
        print(f"roll-up workbook of {len(paths)} centers: {workbook:.2f} s   goal ≤ 5 s")
        print(f"roll-up PDF summary: {report:.2f} s ({size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
