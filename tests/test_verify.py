"""The verifier as the receiving side uses it: packets of every format, from a path or from bytes."""

from __future__ import annotations

from pathlib import Path

from dqsa.export.verify import import_packet, verify_packet
from dqsa.store.service import CenterStore

V1_PACKET = Path(__file__).parent / "data" / "packet-v1.zip"
V1_FINGERPRINT = (
    "49:E2:5F:F1:A2:B7:9B:6C:48:07:E6:A8:68:17:51:82:A6:3C:32:5E:13:A5:05:27:CC:DD:0C:13:C9:E7:31:1A"
)


def test_a_format_1_packet_keeps_verifying(tmp_path: Path) -> None:
    verification = verify_packet(V1_PACKET)
    assert verification.ok, verification.problems
    assert verification.summary["fingerprint"] == V1_FINGERPRINT
    assert verification.summary["center"] == "吴兴区某街道社会组织党群服务中心"
    assert verification.summary["year"] == 2026


def test_a_format_1_packet_restores(tmp_path: Path) -> None:
    with CenterStore.open(tmp_path / "恢复.dqsa", create=True) as store:
        assert import_packet(V1_PACKET, store).ok
        summary = store.assessments()[0]
        assert (summary.year, summary.status, summary.fingerprint) == (2026, "signed", V1_FINGERPRINT)
        assert {(e.kind, e.original_name) for e in store.evidence(2026)} == {
            ("document", "会议纪要.pdf"),
            ("photo", "接待区 照片.jpg"),
        }
        assert str(store.scorecard(2026).total) in {"30", "30.0"}
