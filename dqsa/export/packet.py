"""The signed packet: one zip with the signed PDF, the workbook, the answers, the pack, the evidence,
a manifest of SHA-256 digests and a detached signature of the manifest with the certificate beside it.

Layout (``dqsa-packet/2``, described member by member and field by field in
``docs/材料包格式.md``)::

    自评报告.pdf          signed PDF (PAdES, visible stamp)
    自评表.xlsx           workbook
    answers.json          the assessment (dqsa-answers/1), restorable
    criteria-pack.json    the pack it was scored against
    evidence/…            photos and documents
    manifest.json         digests of all the above, center, year, totals, signer, fingerprint
    manifest.sig          ECDSA-SHA256 signature of manifest.json (DER)
    certificate.pem       the center's self-signed certificate

The manifest's digests, its signature and writing the zip are the signed zip's
(:mod:`dqsa.export.signed_zip`, shared with the desk's review result).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from dqsa import __version__
from dqsa.export import wording
from dqsa.export.content import EvidenceItem, ReportInput, Signer
from dqsa.export.signed_zip import (
    CERTIFICATE_NAME,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    digest,
    file_entries,
    manifest_bytes,
    seal_and_write,
)

if TYPE_CHECKING:
    from dqsa.domain.criteria import CriteriaPack
    from dqsa.export.fonts import ReportFonts
    from dqsa.store.identity_events import IdentityRecord
    from dqsa.store.sent import SentPacket
    from dqsa.store.snapshot import ExportSnapshot

PACKET_FORMAT = "dqsa-packet/2"
#: Formats a reader of packets accepts (``/1``: scores as strings, time without zone).
READABLE_FORMATS = ("dqsa-packet/1", "dqsa-packet/2")
REPORT_NAME = "自评报告.pdf"
WORKBOOK_NAME = "自评表.xlsx"
ANSWERS_NAME = "answers.json"
PACK_NAME = "criteria-pack.json"
__all__ = [
    "ANSWERS_NAME",
    "CERTIFICATE_NAME",
    "MANIFEST_NAME",
    "PACKET_FORMAT",
    "PACK_NAME",
    "READABLE_FORMATS",
    "REPORT_NAME",
    "SIGNATURE_NAME",
    "WORKBOOK_NAME",
    "PacketResult",
    "PacketSource",
    "digest",
    "export_packet",
    "packet_file_name",
    "safe_file_name",
]

Progress = Callable[[int, str], None]
#: One manifest ``evidence`` entry (see docs/材料包格式.md).
EvidenceEntry = dict[str, str | int | None]


class PacketSource(Protocol):
    """What :func:`export_packet` needs from a center file (a ``CenterStore`` is one)."""

    @property
    def read_only(self) -> str | None:
        """Why the file cannot be written (then nothing is exported), or None."""
        ...

    def export_snapshot(self, year: int) -> ExportSnapshot:
        """Everything the packet shows, read in one transaction."""
        ...

    def mark_signed(
        self,
        year: int,
        *,
        signer: str,
        fingerprint: str,
        at: datetime | None = None,
        packet: SentPacket | None = None,
        identity_event: IdentityRecord | None = None,
    ) -> None:
        """Record that the year was signed and sent, and freeze what was sent."""
        ...

    def record_identity_event(self, event: IdentityRecord) -> None:
        """Record a change of signing identity (a new one made for this export)."""
        ...


@dataclass(frozen=True)
class PacketResult:
    """Where the packet went and what it says."""

    path: Path
    size: int
    fingerprint: str
    created_identity: bool
    signed_at: datetime
    #: SHA-256 of the zip file as written (what the center file keeps as "the packet sent").
    sha256: str = ""
    #: The change of signing identity this export made (a first or a new identity), as recorded.
    identity_event: IdentityRecord | None = None


def safe_file_name(text: str, limit: int = 60) -> str:
    """A file name part from any text (Chinese kept; path separators and control characters removed)."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", text).strip(" .")
    return cleaned[:limit] or "未命名"


def packet_file_name(center_name: str, year: int) -> str:
    return f"{safe_file_name(center_name)}-{year}年度自评材料.zip"


def export_packet(
    store: PacketSource,
    year: int,
    *,
    signer_name: str,
    signer_title: str,
    passphrase: str,
    out_dir: Path,
    font_setting: str | None = None,
    progress: Progress | None = None,
    new_identity: bool = False,
) -> PacketResult:
    """Build, sign and write the packet; mark the assessment signed and freeze what was sent.

    Items below full marks without an improvement measure do not stop the export (the
    report marks them as gaps); the windows and the command line ask before calling this.
    A file open read-only is refused before anything is built (the signing could not be
    recorded). The center's identity is opened with the fingerprints the file has signed
    with, so a missing key raises :class:`~dqsa.export.identity.IdentityMissing` rather
    than silently becoming a new identity; ``new_identity`` makes a new one on purpose
    (the level above will see a new fingerprint), recorded in the file at once.
    """
    from dqsa.domain.signer import check_signer
    from dqsa.export.fonts import find_cjk_font, report_fonts
    from dqsa.export.identity import create_identity, open_or_create_identity
    from dqsa.export.identity_log import identity_record
    from dqsa.fileio import check_writable
    from dqsa.store.errors import ReadOnlyFile
    from dqsa.store.sent import SentPacket

    step = progress or (lambda percent, text: None)
    why = getattr(store, "read_only", None)
    if why:
        raise ReadOnlyFile(read_only_export_message(why), pending=f"{year} 年度签署导出")
    signer_name, signer_title = check_signer(signer_name, signer_title)
    step(5, "读取自评内容和证明材料")
    snapshot = store.export_snapshot(year)  # one read: an edit meanwhile cannot mix two states
    answers, pack, card = snapshot.answers, snapshot.pack, snapshot.scorecard
    # Everything that can refuse the export is checked before the identity: none is made for nothing.
    fonts = report_fonts(find_cjk_font(font_setting))
    _check_printable(fonts, snapshot, signer_name, signer_title)
    target = Path(out_dir) / packet_file_name(answers.center.name, year)
    # A read-only or full folder is said now, not after signing (the report and workbook take < 4 MB).
    check_writable(target, need=sum(len(c.data) for c in snapshot.evidence) + 4 * 1024 * 1024)
    step(10, "正在新建签署身份" if new_identity else "打开签署身份")
    if new_identity:
        identity, created = create_identity(answers.center.name, passphrase, replace=True), True
    else:
        identity, created = open_or_create_identity(
            answers.center.name, passphrase, known_fingerprints=snapshot.fingerprints
        )
    event = identity_record(identity.change, year=year, file_fingerprints=snapshot.fingerprints)
    if event is not None:  # recorded now: a failure later in the export must not lose it
        store.record_identity_event(event)
    step(15, "整理自评内容和证明材料")
    signed_at = datetime.now().astimezone().replace(microsecond=0)
    signer = Signer(signer_name, signer_title, identity.fingerprint, signed_at)
    evidence, evidence_entries = _collect_evidence(snapshot)
    content = ReportInput(
        pack,
        answers,
        card,
        tuple(evidence),
        signer,
        __version__,
        snapshot.comparison,
        snapshot.earlier_review,
    )

    step(30, "生成 Excel 自评表")
    from dqsa.export.workbook import build_workbook

    workbook = build_workbook(content)
    step(45, "生成 PDF 报告")
    from dqsa.export.report import build_report

    report = build_report(content, fonts)
    step(70, "数字签名")
    from dqsa.export.pdfsign import StampText, sign_pdf

    signed_pdf = sign_pdf(
        report.data,
        identity,
        page=report.signature_page,
        box=report.signature_box,
        text=StampText(signer.name, signer.title, signed_at, identity.fingerprint),
        fonts=fonts,
        location=answers.center.region,
    )
    step(85, "写入材料包")
    from dqsa.answers_file import answers_json

    answers_bytes = answers_json(answers).encode("utf-8")
    files: dict[str, bytes] = {
        REPORT_NAME: signed_pdf,
        WORKBOOK_NAME: workbook,
        ANSWERS_NAME: answers_bytes,
        PACK_NAME: _pack_json(pack),
    }
    for item in evidence:
        files[item.packet_name] = item.data
    manifest = _manifest(content, files, evidence_entries)
    sha256, size = seal_and_write(target, files, manifest, identity, prefix=".packet-")
    step(95, "记录报送内容")
    store.mark_signed(  # the snapshot keeps the zoned time, the year's row the signer's wall time
        year,
        signer=f"{signer.name}（{signer.title}）",
        fingerprint=identity.fingerprint,
        at=signed_at,
        packet=SentPacket(
            sha256=sha256,
            size=size,
            file_name=target.name,
            manifest_format=PACKET_FORMAT,
            answers_json=answers_bytes,
            scorecard=card,
            based_on=snapshot.modified_at,
        ),
    )
    step(100, "完成")
    return PacketResult(target, size, identity.fingerprint, created, signed_at, sha256, event)


def read_only_export_message(why: str) -> str:
    """Why a file open read-only cannot be signed and exported, and what to do."""
    return (
        "文件以只读方式打开，不能签署导出：签署导出要在中心文件中记下报送的内容（以后核对、接收上级审核结果都要用到），"
        f"但现在无法写入。\n{why}"
    )


def _check_printable(fonts: ReportFonts, snapshot: ExportSnapshot, name: str, title: str) -> None:
    """Every character of the people's text has a glyph in some face, or the export stops before it starts.

    An emoji in the signer's name is input to correct (:class:`InvalidInput` naming the field:
    exit 2); one in the answers or a caption is :class:`MissingGlyphs`, as the report would raise.
    """
    from dqsa.domain.errors import InvalidInput, Problem
    from dqsa.export.fonts import MissingGlyphs

    problems = []
    for field, label, value in (("signer_name", "签署人姓名", name), ("signer_title", "签署人职务", title)):
        lacking = fonts.lacking(value)
        if lacking:
            shown = "、".join(f"“{c}”" for c in lacking)
            problems.append(
                Problem(field, f"{label}中的{shown}无法印在报告和签章上（字体中没有这个字），请改为常用写法")
            )
    if problems:
        raise InvalidInput(problems)
    texts = [json.dumps(snapshot.answers.to_json_dict(), ensure_ascii=False)]
    texts += [f"{copy.ref.caption}{copy.ref.original_name}" for copy in snapshot.evidence]
    lacking = fonts.lacking("".join(texts))
    if lacking:
        raise MissingGlyphs(lacking)


def _pack_json(pack: CriteriaPack) -> bytes:
    data = pack.model_dump(mode="json", by_alias=True)
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _target_label(pack: CriteriaPack, kind: str, target_id: str) -> str:
    """What a piece of evidence belongs to, as a person reads it (an item as the standard labels it)."""
    if kind == "item":
        return wording.item_label(pack, target_id)
    from dqsa.domain.vocabulary import catalog_fact_id

    return pack.fact_label(catalog_fact_id(kind, target_id))


def _collect_evidence(snapshot: ExportSnapshot) -> tuple[list[EvidenceItem], list[EvidenceEntry]]:
    """The evidence as packet items, and their manifest entries (where each belongs, the original's digest)."""
    from dqsa.store.evidence import stored_file_name  # a photo is kept as JPEG: its name says so

    items: list[EvidenceItem] = []
    entries: list[EvidenceEntry] = []
    pack = snapshot.pack
    for number, copy in enumerate(snapshot.evidence, start=1):
        ref = copy.ref
        name = f"evidence/{number:02d}-{safe_file_name(stored_file_name(ref.original_name, ref.kind), 80)}"
        items.append(
            EvidenceItem(
                packet_name=name,
                original_name=ref.original_name,
                caption=ref.caption,
                target_kind=ref.target_kind,
                target_id=ref.target_id,
                target_label=_target_label(pack, ref.target_kind, ref.target_id),
                kind=ref.kind,
                media_type=ref.media_type,
                data=copy.data,
                width=ref.width,
                height=ref.height,
            )
        )
        entries.append(
            {
                "file": name,
                "kind": ref.kind,
                "media_type": ref.media_type,
                "target_kind": ref.target_kind,
                "target_id": ref.target_id,
                "caption": ref.caption,
                "original_name": ref.original_name,
                "original_sha256": ref.original_sha256,
                "original_size": ref.original_size,
                "original_date": ref.original_date.isoformat() if ref.original_date else None,
            }
        )
    return items, entries


def _manifest(content: ReportInput, files: dict[str, bytes], evidence: list[EvidenceEntry]) -> bytes:
    """``manifest.json`` as docs/材料包格式.md describes it: sorted keys, numbers as JSON numbers."""
    answers, card, pack, signer = content.answers, content.card, content.pack, content.signer
    manifest = {
        "format": PACKET_FORMAT,
        "program": f"dqsa {content.program_version}",
        "center": {
            "name": answers.center.name,
            "level": answers.center.level,
            "region": answers.center.region,
        },
        "level_label": card.level_label,
        "year": answers.year,
        "pack": {
            "id": pack.id,
            "version": pack.version,
            "hash": pack.content_hash(),
            "kind": pack.kind,
            "title": pack.title,
        },
        "totals": {
            "tables": {
                t.table_id: {
                    "score": wording.json_number(t.score),
                    "max": wording.json_number(t.max_points),
                    "percent": wording.json_number(t.percent),
                }
                for t in card.tables
            },
            "total": wording.json_number(card.total),
            "max": wording.json_number(card.max_total),
            "percent": wording.json_number(card.percent),
            "unanswered": len(card.unanswered),
        },
        "signer": {"name": signer.name, "title": signer.title},
        "signed_at": wording.iso_timestamp(signer.signed_at),
        "certificate_fingerprint": signer.fingerprint,
        "files": file_entries(files),
        "evidence": evidence,
    }
    return manifest_bytes(manifest)
