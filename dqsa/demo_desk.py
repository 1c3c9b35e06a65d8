"""The example desk (``dqsa --demo-desk``): a dozen centers, two years, in a temporary desk file (no Qt).

A reviewer should be able to try the desk in a minute: receiving, a held identity, a
missing center, reviews already begun, both standards. The desk is filled with real
signed packets, made from the bundled example answers with throw-away identities:

- the packets are made once and kept in the user's data folder
  (``demo-desk/packets-v<N>/``); the next start only receives them again (seconds);
- making them runs in two worker processes (one per core on the laptops we aim at),
  each with its own private data folder, so the throw-away signing keys never mix
  with the user's own identity (:mod:`dqsa.export.identity` keeps keys per data folder);
- a half-made cache (the program closed meanwhile) is never used: the packets are
  written to a temporary folder that is renamed only when every packet is there.
"""

from __future__ import annotations

import json
import logging
import os
import random
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dqsa.paths import data_dir, resource_path

log = logging.getLogger(__name__)

Progress = Callable[[int, str], None]

#: Bump when the demo's centers or answers change: older caches are then rebuilt.
DEMO_VERSION = 2
DEMO_DESK_NAME = "示例县社会组织综合党委"
DEMO_FILE_NAME = "示例审核台账（临时副本）.dqsd"
YEARS = (2025, 2026)
#: The passphrase of the throw-away identities (they live only in the cache's private folders).
_PASSPHRASE = "demo-desk-2026"
HUZHOU = "huzhou-social-org"
WENZHOU = "wenzhou-oujianghong"


@dataclass(frozen=True)
class DemoCenter:
    """One center of the example county and what it sent."""

    name: str
    level: str
    region: str
    pack: str
    years: tuple[int, ...]
    seed: int
    #: The year it sent a packet signed with a new identity (held until a reviewer accepts it).
    new_identity_in: int | None = None
    #: The year it sent twice (the first packet is superseded by the second).
    resent_in: int | None = None
    #: Photos of the site in its packets.
    photos: int = 0
    #: How well it does against the example answers, -1 … 1 (the example county is not all alike).
    strength: float = 0.0


CENTERS: tuple[DemoCenter, ...] = (
    DemoCenter("清溪村党群服务中心", "village", "示例县东城街道", HUZHOU, YEARS, 1, photos=3, strength=0.3),
    DemoCenter(
        "竹林村党群服务中心", "village", "示例县东城街道", HUZHOU, YEARS, 2, resent_in=2026, strength=0.5
    ),
    DemoCenter("桑园社区党群服务中心", "village", "示例县西山镇", HUZHOU, YEARS, 3, photos=1, strength=-0.2),
    DemoCenter("西山镇社会组织党群服务中心", "township", "示例县西山镇", HUZHOU, YEARS, 4, strength=0.6),
    DemoCenter("东城街道党群服务中心", "township", "示例县东城街道", HUZHOU, YEARS, 5, strength=0.9),
    DemoCenter("茶山村党群服务中心", "village", "示例县南湖乡", HUZHOU, (2025,), 6, strength=-0.6),
    DemoCenter("南湖乡党群服务中心", "township", "示例县南湖乡", HUZHOU, YEARS, 7, new_identity_in=2026),
    DemoCenter("示例县社会组织党群服务中心", "county", "示例县", HUZHOU, YEARS, 8, strength=0.8),
    DemoCenter("湖畔村党群服务中心", "village", "示例县南湖乡", HUZHOU, (2026,), 9, strength=-0.4),
    DemoCenter("瓯江社区瓯江红党群服务中心", "village", "示例县江北街道", WENZHOU, YEARS, 10, strength=0.3),
    DemoCenter("江北街道瓯江红党群服务中心", "township", "示例县江北街道", WENZHOU, YEARS, 11, strength=0.7),
    DemoCenter("梧田村瓯江红党群服务中心", "village", "示例县江北街道", WENZHOU, (2026,), 12, strength=-0.2),
)

LEVEL_LABELS = {"village": "村(社区)", "township": "乡镇(街道)", "county": "区县"}


@dataclass(frozen=True)
class DemoPacket:
    """One packet of the example, in the order the desk receives them."""

    path: Path
    center: str
    year: int
    #: "first" (its first packet), "resent" (the earlier of two), "new_identity".
    note: str = ""


# -- answers --------------------------------------------------------------------------------


def demo_answers(center: DemoCenter, year: int, *, variant: int = 0) -> dict[str, Any]:
    """The answers document of ``center`` for ``year`` (``variant`` 1: an earlier draft, a little weaker)."""
    rng = random.Random(center.seed * 1000 + year * 10 + variant)
    if center.pack == HUZHOU:
        base = json.loads(resource_path("examples", f"demo-{year}.json").read_text(encoding="utf-8"))
        data = _huzhou_variant(base, center, rng, weaker=variant == 1)
    else:
        data = _wenzhou_answers(center, year, rng, weaker=variant == 1)
    data["center"] = {"name": center.name, "level": center.level, "region": center.region}
    data["year"] = year
    return data


def _huzhou_variant(
    base: dict[str, Any], center: DemoCenter, rng: random.Random, *, weaker: bool
) -> dict[str, Any]:
    """The example answers, made better or worse by the center's strength (and a little chance)."""
    from dqsa.packs import find_pack

    pack = find_pack(HUZHOU)
    strength = center.strength - (0.3 if weaker else 0.0)
    data = json.loads(json.dumps(base))
    data["assessor"] = "示例评估人"
    facts = data["facts"]
    area = {"village": 200, "township": 300, "county": 500}[center.level]
    facts["area_m2"] = area + round(area * (0.1 + 0.3 * strength)) + rng.randrange(-20, 30, 5)
    for key, value in list(facts.items()):
        if isinstance(value, bool):
            facts[key] = _flip(value, strength, rng)
    scores = data["manual_scores"]
    for key, value in list(scores.items()):
        item = pack.item(key)
        maximum = float(item.max_points) if item is not None and item.max_points else float(value)
        moved = float(value) + maximum * (0.45 * strength + rng.uniform(-0.15, 0.15))
        scores[key] = max(0.0, min(maximum, round(moved * 2) / 2))
    for zone in data.get("zones", []):
        zone["present"] = _flip(bool(zone.get("present")), strength, rng)
    for mechanism in data.get("mechanisms", []):
        mechanism["established"] = _flip(bool(mechanism.get("established")), strength, rng)
    data.pop("overrides", None)  # an override's reason speaks of the example center's own facts
    return data


def _flip(value: bool, strength: float, rng: random.Random) -> bool:
    """A yes turned no (weaker) or a no turned yes (stronger), by chance."""
    if value:
        return not rng.random() < max(0.0, -strength) * 0.5 + 0.05
    return rng.random() < max(0.0, strength) * 0.7 + 0.05


#: The Wenzhou checklist's items a village or township center answers by hand.
_WENZHOU_MANUAL = {
    "village": ("F.village.1", "F.village.2", "F.village.3", "F.village.4", "F.village.5", "F.village.6"),
    "township": ("F.township.1", "F.township.2"),
}
_WENZHOU_DAILY = ("R.daily.1", "R.daily.2", "R.daily.3", "R.daily.4")
_WENZHOU_MECHANISMS = ("first_contact", "cooperation", "regular_meeting", "reporting", "evaluation")


def _wenzhou_answers(center: DemoCenter, year: int, rng: random.Random, *, weaker: bool) -> dict[str, Any]:
    met = 0.6 + 0.3 * center.strength - (0.1 if year == YEARS[0] or weaker else 0.0)
    checklist = {}
    for item in (*_WENZHOU_MANUAL.get(center.level, ()), *_WENZHOU_DAILY):
        roll = rng.random()
        checklist[item] = "na" if roll > 0.95 else "met" if roll < met else "not_met"
    return {
        "format": "dqsa-answers/1",
        "pack": {"id": WENZHOU, "version": "1.0.0"},
        "assessor": "示例评估人",
        "facts": {
            "area_m2": (260 if center.level == "village" else 420) + rng.randrange(-30, 40, 5),
            "logo.red": True,
            "logo.yellow": rng.random() < met,
        },
        "mechanisms": [{"id": m, "established": rng.random() < met + 0.1} for m in _WENZHOU_MECHANISMS],
        "checklist": checklist,
    }


# -- the packets (made once, in worker processes) ----------------------------------------------


def _tasks() -> list[DemoCenter]:
    return list(CENTERS)


def make_center_packets(center: DemoCenter, out: Path, home: Path) -> list[tuple[str, int, str, str]]:
    """Every packet ``center`` sends, written into ``out``: (file name, year, center name, note).

    Runs in a worker process whose private data folder is ``home`` (the throw-away key
    lives there, never in the user's own data folder).
    """
    home.mkdir(parents=True, exist_ok=True)
    os.environ["DQSA_HOME"] = str(home)
    from dqsa.answers_file import parse_answers_text
    from dqsa.export.identity import create_identity
    from dqsa.export.packet import export_packet
    from dqsa.store.service import CenterStore

    made: list[tuple[str, int, str, str]] = []
    work = Path(tempfile.mkdtemp(prefix="center-", dir=home))
    versions: list[tuple[int, int, str]] = []
    for year in center.years:
        if center.resent_in == year:
            versions.append((year, 1, "resent"))
        versions.append((year, 0, "new_identity" if center.new_identity_in == year else ""))
    last_signed = 0.0
    for number, (year, variant, note) in enumerate(versions):
        if note == "new_identity":  # the center forgot its passphrase and made a new identity
            create_identity(center.name, _PASSPHRASE, replace=True)
        folder = work / f"{number:02d}"
        store = CenterStore.open(folder / "center.dqsa", create=True, backups_root=folder / "backups")
        try:
            answers = parse_answers_text(
                json.dumps(demo_answers(center, year, variant=variant), ensure_ascii=False)
            )
            store.import_answers(answers)
            for photo in range(center.photos):
                _add_photo(store, year, photo)
            while time.time() - last_signed < 1.05:  # a packet sent again is signed a second later at least
                time.sleep(0.05)
            result = export_packet(
                store, year, signer_name="示例签署人", signer_title="中心负责人", passphrase=_PASSPHRASE,
                out_dir=folder,
            )  # fmt: skip
            last_signed = time.time()
        finally:
            store.close()
        name = f"{center.seed:02d}-{year}-{number}.zip"
        shutil.move(str(result.path), out / name)
        made.append((name, year, center.name, note))
    shutil.rmtree(work, ignore_errors=True)
    return made


_PHOTO_TARGETS = (
    ("item", "A1.site.1", "中心外景"),
    ("item", "A1.sign.2", "标识标牌"),
    ("zone", "activity", "活动室"),
)


def _add_photo(store: Any, year: int, number: int) -> None:
    """A drawn picture as a site photo (the demo ships no real photos)."""
    import io

    from PIL import Image, ImageDraw

    from dqsa.store.evidence import prepare_photo

    colours = ((196, 43, 28), (21, 101, 192), (46, 125, 50))
    picture = Image.new("RGB", (1200, 800), (236, 239, 241))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 560, 1200, 800), fill=(120, 144, 156))
    draw.rectangle((300, 260, 900, 600), fill=colours[number % 3])
    draw.polygon(((260, 270), (600, 90), (940, 270)), fill=(84, 110, 122))
    for window in range(3):
        left = 360 + window * 180
        draw.rectangle((left, 340, left + 110, 440), fill=(255, 248, 225))
    draw.rectangle((545, 470, 655, 600), fill=(93, 64, 55))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=80)
    kind, target, caption = _PHOTO_TARGETS[number % len(_PHOTO_TARGETS)]
    prepared = prepare_photo(buffer.getvalue(), f"photo-{number + 1}.jpg")
    store.add_evidence(year, kind, target, prepared, caption)


def cache_folder() -> Path:
    """Where the example packets are kept between starts."""
    return data_dir() / "demo-desk" / f"packets-v{DEMO_VERSION}"


def demo_packets(progress: Progress | None = None, *, cache: Path | None = None) -> list[DemoPacket]:
    """The example packets in the order the desk receives them; made the first time (progress 0–80)."""
    step = progress or (lambda _percent, _text: None)
    folder = cache or cache_folder()
    listing = folder / "packets.json"
    if not listing.is_file():
        _make_packets(folder, step)
    rows = json.loads(listing.read_text(encoding="utf-8"))
    packets = [DemoPacket(folder / name, center, year, note) for name, year, center, note in rows]
    if not all(p.path.is_file() for p in packets):  # a packet removed by hand: make them all again
        shutil.rmtree(folder, ignore_errors=True)
        return demo_packets(progress, cache=cache)
    return packets


def _make_packets(folder: Path, step: Progress) -> None:
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from multiprocessing import get_context

    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".making-", dir=folder.parent))
    homes = staging / "homes"
    tasks = _tasks()
    made: list[tuple[str, int, str, str]] = []
    step(1, "正在制作示例材料包（只在第一次需要，约半分钟）…")
    try:
        with ProcessPoolExecutor(max_workers=_workers(), mp_context=get_context("spawn")) as pool:
            futures = [
                pool.submit(make_center_packets, center, staging, homes / f"{center.seed:02d}")
                for center in tasks
            ]
            for done, future in enumerate(as_completed(futures), start=1):
                made += future.result()
                step(1 + 79 * done // len(futures), f"正在制作示例材料包（{done}/{len(futures)}）…")
        shutil.rmtree(homes, ignore_errors=True)  # the throw-away keys are not kept
        made.sort(key=_receiving_order)
        (staging / "packets.json").write_text(
            json.dumps(made, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        if folder.exists():
            shutil.rmtree(folder)
        staging.rename(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _receiving_order(row: tuple[str, int, str, str]) -> tuple[int, int, str]:
    """Last year's packets first, then this year's; a center's packets in the order it made them."""
    name, year, _center, _note = row
    seed, _year, number = name.removesuffix(".zip").split("-")
    return year, int(seed), number


def _workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


# -- the desk ---------------------------------------------------------------------------------------------

#: Reviews already begun in the example: (center, year, state, comment, [(item, value, reason)]).
REVIEWS: tuple[tuple[str, int, str, str, tuple[tuple[str, str, str], ...]], ...] = (
    ("清溪村党群服务中心", 2025, "passed", "材料齐全，同意通过。", ()),
    ("竹林村党群服务中心", 2025, "passed", "", ()),
    ("桑园社区党群服务中心", 2025, "passed", "", ()),
    ("西山镇社会组织党群服务中心", 2025, "passed", "", ()),
    ("东城街道党群服务中心", 2025, "passed", "", ()),
    ("南湖乡党群服务中心", 2025, "passed", "", ()),
    ("示例县社会组织党群服务中心", 2025, "passed", "", ()),
    ("瓯江社区瓯江红党群服务中心", 2025, "passed", "", ()),
    ("清溪村党群服务中心", 2026, "passed", "现场查看与材料一致，同意通过。", ()),
    (
        "桑园社区党群服务中心",
        2026,
        "returned",
        "群众满意度调查只有汇总数，请补充调查问卷和统计表后重新报送。",
        (("A2.mass.1", "1", "缺少满意度调查的原始问卷，按现有材料酌情给分"),),
    ),
    (
        "西山镇社会组织党群服务中心",
        2026,
        "problem",
        "场地面积与去年报送的不一致，请说明。",
        (("A1.area.2", "0", "现场测量实际使用面积约 260 平方米，未达到乡镇级 300 平方米的要求"),),
    ),
    (
        "瓯江社区瓯江红党群服务中心",
        2026,
        "pending",
        "",
        (("R.daily.1", "不符合", "值班记录只到 9 月，后三个月缺失"),),
    ),
)
REVIEWER = "李明（示例审核人）"


def build_demo_desk(
    folder: Path | None = None, progress: Progress | None = None, *, cache: Path | None = None
) -> Path:
    """Write the example desk into ``folder`` (default: a new temporary folder) and return its path.

    A fresh copy each time (the example is for trying things out); the packets come
    from the cache, made the first time (progress 0–80 %), then received (80–100 %).
    """
    from dqsa.export.receive import receive_paths
    from dqsa.store.desk.blobs import packets_folder
    from dqsa.store.desk.records import RosterRow
    from dqsa.store.desk.service import DeskStore

    step = progress or (lambda _percent, _text: None)
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="dqsa-demo-desk-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DEMO_FILE_NAME
    for leftover in folder.glob(DEMO_FILE_NAME + "*"):
        shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
    template = _template_folder(cache or cache_folder())
    if (template / DEMO_FILE_NAME).is_file() and packets_folder(template / DEMO_FILE_NAME).is_dir():
        step(50, "正在复制示例审核台账…")  # made before: a copy is enough (about a second)
        shutil.copyfile(template / DEMO_FILE_NAME, path)
        shutil.copytree(packets_folder(template / DEMO_FILE_NAME), packets_folder(path))
        step(100, "完成")
        return path
    packets = demo_packets(step, cache=cache)
    step(80, "正在接收示例材料包…")
    with DeskStore.open(
        path, create=True, name=DEMO_DESK_NAME + "（示例）", backups_root=folder / "backups"
    ) as desk:
        desk.import_roster(
            [
                RosterRow(c.name, LEVEL_LABELS[c.level], c.region, line=n)
                for n, c in enumerate(CENTERS, start=2)
            ]
        )
        total = len(packets)

        def received(done: int, _total: int, _name: str) -> None:
            step(80 + 18 * done // max(total, 1), f"正在接收示例材料包（{done}/{total}）…")

        receive_paths(desk, [p.path for p in packets], progress=received, workers=1)
        step(98, "正在填写示例审核意见…")
        for center, year, state, comment, items in REVIEWS:
            packet = desk.counted_packet(center, year)
            for item_id, value, reason in items:
                desk.set_item_review(packet.id, item_id, value, reason, reviewer=REVIEWER)
            if comment:
                desk.set_review_comment(packet.id, comment, reviewer=REVIEWER)
            desk.set_review_state(packet.id, state, reviewer=REVIEWER)
    _keep_template(path, template)
    step(100, "完成")
    return path


def _template_folder(cache: Path) -> Path:
    """Where the finished example desk is kept beside its packets (a new desk schema makes a new one)."""
    from dqsa import __version__
    from dqsa.store.files import DESK_FILE

    return cache.parent / f"desk-v{DEMO_VERSION}-{__version__}-{DESK_FILE.head}"


def _keep_template(path: Path, template: Path) -> None:
    """Keep a copy of the finished desk, so that the next start only copies it (best effort)."""
    from dqsa.store.desk.blobs import packets_folder

    try:
        template.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".desk-", dir=template.parent))
        try:
            shutil.copyfile(path, staging / DEMO_FILE_NAME)
            shutil.copytree(packets_folder(path), packets_folder(staging / DEMO_FILE_NAME))
            if template.exists():
                shutil.rmtree(template)
            staging.rename(template)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except OSError as exc:  # a full or read-only data folder: the next start receives the packets again
        log.warning("could not keep the example desk: %s", exc)
