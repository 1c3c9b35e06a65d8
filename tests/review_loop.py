"""The whole loop, built once with the real code: a center signs 2025 and 2026, a desk receives and
reviews both (2025 通过, 2026 退回补充) and signs a 审核结果 for each.

Used by the GUI tests of issue 16 and by ``docs/screenshots.py``-style looks at the windows::

    files = build_loop(folder)   # ~10 s: two packets, two results
    files.center, files.result_2025, files.result_2026, files.fingerprint
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data"
DESK = "某街道社会组织综合党委"
CENTER_PASSPHRASE = "中心签署口令2026"
DESK_PASSPHRASE = "台账签署口令2026"


@dataclass(frozen=True)
class LoopFiles:
    center: Path
    desk: Path
    result_2025: Path
    result_2026: Path
    fingerprint: str
    #: The item the reviewer rescored in each year, and the reason given.
    item_id: str
    reason: str


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


def build_loop(root: Path) -> LoopFiles:
    from dqsa.answers_file import load_answers_file
    from dqsa.export.packet import export_packet
    from dqsa.export.receive import receive_packet
    from dqsa.export.review_return import return_review
    from dqsa.store.desk.service import DeskStore
    from dqsa.store.service import CenterStore

    root.mkdir(parents=True, exist_ok=True)
    answers = load_answers_file(DATA / "village-weak.json")
    center = root / "本中心.dqsa"
    packets = {}
    with _home(root / "center-home"), CenterStore.open(center, create=True, backups_root=root / "b") as store:
        for year in (2025, 2026):
            store.import_answers(answers.model_copy(update={"year": year}))
            packets[year] = export_packet(
                store,
                year,
                signer_name="张伟",
                signer_title="书记",
                passphrase=CENTER_PASSPHRASE,
                out_dir=root / f"packets-{year}",
            ).path
    desk_path = root / "台账.dqsd"
    results = {}
    with (
        _home(root / "desk-home"),
        DeskStore.create(desk_path, DESK, backups_root=root / "b") as desk,
    ):
        for year, packet in packets.items():
            packet_id = receive_packet(desk, packet).packet_id
            assert packet_id is not None
            row = next(r for r in desk.review_sheet(packet_id) if r.applicable and r.score > 0)
            desk.update_review(
                packet_id,
                state="passed" if year == 2025 else "returned",
                comment="" if year == 2025 else "请补充接待区的照片。\n台账不全。",
                reviewer="王审核",
                items=[(row.item_id, "0", "现场查看：没有相关台账")],
            )
            result = return_review(
                desk,
                packet_id,
                signer_name="王审核",
                signer_title="组织委员",
                passphrase=DESK_PASSPHRASE,
                out_dir=root / "results",
            )
            results[year] = result.path
            item_id = row.item_id
    return LoopFiles(
        center, desk_path, results[2025], results[2026], result.fingerprint, item_id, "现场查看：没有相关台账"
    )
