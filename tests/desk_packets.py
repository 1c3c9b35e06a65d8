"""Real packets for the desk's tests, made once per test process with the real exporter.

Exporting takes about a second a packet, so :func:`desk_packets` builds a handful
once (in pytest's base temporary folder) and every test copies what it needs:

- ``village``, ``city``, ``township`` (湖州, scored) and ``wenzhou`` (温州, checklist), 2026;
- ``village_2025``: the village's 2025 (for "last year" and year changes);
- ``village_resigned``: the village's 2026 signed again, later (it supersedes ``village``);
- ``forged``: a packet in the village's name signed with another key (held);
- ``tampered``: the village's packet with one byte of its workbook changed (refused);
- ``v1``: ``tests/data/packet-v1.zip`` (format ``dqsa-packet/1``, signed by the first release).

The signing identities live in this builder's own data folders (one per signer),
never in a test's private ``DQSA_HOME``.

Use it from a test module with a fixture::

    @pytest.fixture(scope="session")
    def packets(tmp_path_factory):
        return desk_packets(tmp_path_factory)
"""

from __future__ import annotations

import io
import os
import shutil
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
PASSPHRASE = "台账测试口令2026"


@dataclass(frozen=True)
class DeskPackets:
    village: Path
    city: Path
    township: Path
    wenzhou: Path
    village_2025: Path
    village_resigned: Path
    forged: Path
    tampered: Path
    v1: Path
    #: The folder they were built in: the center files that signed them are under ``centers/``.
    root: Path | None = None

    def center_file(self, name: str, folder: Path) -> Path:
        """A copy in ``folder`` of the center file that signed packet ``name`` (it keeps what was sent)."""
        source: Path = getattr(self, name)
        assert self.root is not None
        signed = {
            "village": "village-weak.json-None-home-village",
            "wenzhou": "wenzhou-village.json-None-home-wenzhou",
            "village_2025": "village-weak.json-2025-home-village-2025",
        }[name]
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{source.stem} 中心.dqsa"
        shutil.copyfile(self.root / "centers" / signed / "中心.dqsa", target)
        return target

    def copy(self, name: str, folder: Path) -> Path:
        """A copy of one packet in ``folder`` (tests may rename, move or damage their copy)."""
        source: Path = getattr(self, name)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{name}-{source.name}"
        shutil.copyfile(source, target)
        return target


@contextmanager
def _home(folder: Path) -> Iterator[None]:
    before = os.environ.get("DQSA_HOME")
    os.environ["DQSA_HOME"] = str(folder)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("DQSA_HOME", None)
        else:
            os.environ["DQSA_HOME"] = before


def photo(colour: tuple[int, int, int], size: tuple[int, int] = (800, 600)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def export(
    root: Path, answers_file: str, *, year: int | None = None, home: str = "home", photos: int = 1, out: str
) -> Path:
    """Export one packet of ``tests/data/<answers_file>`` (as ``year`` if given) signed in ``root/home``."""
    from dqsa.answers_file import load_answers_file
    from dqsa.export.packet import export_packet
    from dqsa.store.evidence import prepare_photo
    from dqsa.store.service import CenterStore

    answers = load_answers_file(DATA / answers_file)
    if year is not None:
        answers = answers.model_copy(update={"year": year})
    work = root / "centers" / f"{answers_file}-{year}-{home}-{out}"
    work.mkdir(parents=True, exist_ok=True)
    with _home(root / home), CenterStore.open(work / "中心.dqsa", create=True) as store:
        store.import_answers(answers)
        for n in range(photos):
            store.add_evidence(
                answers.year,
                "item",
                store.scorecard(answers.year).items()[0].item_id,
                prepare_photo(photo((40 * n % 256, 90, 200)), f"照片 {n + 1}.jpg"),
                f"第 {n + 1} 张照片",
            )
        result = export_packet(
            store,
            answers.year,
            signer_name="张伟",
            signer_title="书记",
            passphrase=PASSPHRASE,
            out_dir=root / out,
        )
    return result.path


def tamper(packet: Path, target: Path) -> Path:
    with zipfile.ZipFile(packet) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    workbook = bytearray(members["自评表.xlsx"])
    workbook[len(workbook) // 2] ^= 0x01
    members["自评表.xlsx"] = bytes(workbook)
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


def build(root: Path) -> DeskPackets:
    village = export(root, "village-weak.json", out="village")
    city = export(root, "city-full.json", out="city")
    township = export(root, "township-half.json", out="township")
    wenzhou = export(root, "wenzhou-village.json", out="wenzhou")
    village_2025 = export(root, "village-weak.json", year=2025, out="village-2025")
    time.sleep(1.1)  # signing times are to the second: the resigned one is later
    village_resigned = export(root, "village-weak.json", photos=2, out="village-resigned")
    forged = export(root, "village-weak.json", home="forger", out="forged")
    tampered = tamper(village, root / "tampered.zip")
    v1 = root / "packet-v1.zip"
    shutil.copyfile(DATA / "packet-v1.zip", v1)
    return DeskPackets(
        village, city, township, wenzhou, village_2025, village_resigned, forged, tampered, v1, root
    )


_BUILT: DeskPackets | None = None


def desk_packets(tmp_path_factory: pytest.TempPathFactory) -> DeskPackets:
    """The packets above, built once per test process (call it from a session fixture)."""
    global _BUILT
    if _BUILT is None:
        _BUILT = build(tmp_path_factory.mktemp("desk-packets"))
    return _BUILT
