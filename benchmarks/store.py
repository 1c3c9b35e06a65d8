"""Store figures: open a ten-year file with 50 photos, commit one edit, file size.

Run: .venv/bin/python benchmarks/store.py   (prints the figures; not a test)
Goals (issue 3): open → list of assessments < 200 ms; one durable edit < 10 ms median
(it includes rewriting the year's cached list totals, issue 11.7); ten years + 50 photos < 30 MB.
"""

from __future__ import annotations

import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw

from dqsa.answers_file import load_answers_file
from dqsa.store.evidence import prepare_photo
from dqsa.store.service import CenterStore

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def phone_photos(count: int) -> list[bytes]:
    """``count`` distinct 4000×3000 JPEGs with a phone photo's texture and size (3–5 MB)."""
    width, height = 4000, 3000
    base = Image.linear_gradient("L").resize((width, height))
    colour = Image.merge("RGB", (base, base.rotate(90).resize((width, height)), base.transpose(0)))
    noise = Image.effect_noise((width, height), 40).convert("RGB")
    scene = Image.blend(colour, noise, 0.35)
    photos = []
    for n in range(count):
        frame = scene.copy()
        draw = ImageDraw.Draw(frame)
        for k in range(12):
            x, y = (n * 97 + k * 631) % width, (n * 53 + k * 379) % height
            draw.rectangle((x, y, x + 400, y + 300), fill=((k * 40) % 256, (n * 30) % 256, 120))
        buffer = io.BytesIO()
        frame.save(buffer, "JPEG", quality=90)
        photos.append(buffer.getvalue())
    return photos


def build(path: Path, backups: Path) -> None:
    weak = load_answers_file(DATA / "village-weak.json")
    with CenterStore.open(path, create=True, backups_root=backups) as store:
        for year in range(2017, 2027):
            store.import_answers(weak.model_copy(update={"year": year}))
        zones = [z.id for z in store.pack_for(2026).catalog("zone").entries]
        photos = phone_photos(50)
        sizes = sorted(len(p) for p in photos)
        print(f"input photos: 50 × 4000×3000 JPEG, {sizes[0] / 1e6:.1f}–{sizes[-1] / 1e6:.1f} MB each")
        started = time.perf_counter()
        for n, data in enumerate(photos):
            prepared = prepare_photo(data, f"现场照片 {n + 1}.jpg")
            year = 2017 + n % 10
            store.add_evidence(year, "zone", zones[n % len(zones)], prepared, caption=f"照片 {n + 1}")
        per_photo = (time.perf_counter() - started) / len(photos)
        print(f"prepare (downscale, EXIF, thumbnail) + store one photo: {per_photo * 1000:.0f} ms")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path, backups = Path(tmp) / "十年 中心.dqsa", Path(tmp) / "backups"
        build(path, backups)
        size = path.stat().st_size
        print(f"file size, 10 years + 50 photos: {size / 1024 / 1024:.1f} MB")

        opens = []
        for _ in range(15):
            started = time.perf_counter()
            store = CenterStore.open(path, backups_root=backups)
            years = [a.year for a in store.assessments()]
            opens.append((time.perf_counter() - started) * 1000)
            store.close()
        assert len(years) == 10
        print(
            f"open → list of assessments (in process): median {statistics.median(opens):.1f} ms, max {max(opens):.1f} ms"
        )

        code = (
            "import time; t=time.perf_counter(); from pathlib import Path; "
            "from dqsa.store.service import CenterStore; "
            f"s=CenterStore.open(Path({str(path)!r}), backups_root=Path({str(backups)!r})); "
            "y=[a.year for a in s.assessments()]; print((time.perf_counter()-t)*1000); s.close()"
        )
        fresh = [float(subprocess.check_output([sys.executable, "-c", code], text=True)) for _ in range(5)]
        print(f"open → list in a fresh process, imports included: median {statistics.median(fresh):.1f} ms")
        light = (
            "import time; t=time.perf_counter(); from pathlib import Path; "
            "from dqsa.store.year_list import peek_year_list; "
            f"listing=peek_year_list(Path({str(path)!r})); assert listing.complete and len(listing.rows) == 10; "
            "print((time.perf_counter()-t)*1000)"
        )
        peeks = [float(subprocess.check_output([sys.executable, "-c", light], text=True)) for _ in range(5)]
        print(
            "year list with scores read light (plain sqlite3) in a fresh process, imports included: "
            f"median {statistics.median(peeks):.1f} ms"
        )

        with CenterStore.open(path, backups_root=backups) as store:
            commits = []
            for n in range(300):
                started = time.perf_counter()
                store.set_fact(2026, "area_m2", 100 + n)
                commits.append((time.perf_counter() - started) * 1000)
            scoring = []
            for _ in range(30):
                started = time.perf_counter()
                store.scorecard(2026)
                scoring.append((time.perf_counter() - started) * 1000)
        commits.sort()
        print(
            f"one durable edit (set_fact, WAL + synchronous=FULL): median {statistics.median(commits):.2f} ms, "
            f"p95 {commits[int(len(commits) * 0.95)]:.2f} ms"
        )
        print(f"load + score one assessment: median {statistics.median(scoring):.1f} ms")


if __name__ == "__main__":
    main()
