"""Restore an assessment from a packet: validate everything in memory first, then write.

A packet can be validly signed and still be wrong inside (a writer's bug, or a
forger's own key). So :func:`restore_packet` reads and checks every part of a
verified packet (the answers, the pack, every evidence entry and its member, types,
dates, formats, and that they agree with the manifest) into one
:class:`RestoredPacket`, and only :func:`_write_restored` writes, through ONE store
transaction (:meth:`~dqsa.store.restored.RestoreMixin.restore_signed_year`): the
answers, the pack, the evidence, the signed state and the snapshot of what was sent
(with the SHA-256 of the imported zip), and an accepted change of signing identity
(:func:`_record_new_identity`). On any problem nothing is written and each problem
names the member and the field.

Times: the snapshot keeps the manifest's ``signed_at`` as it is (with the signer's UTC
offset in a packet of format 2; a format-1 packet has none); the year's row keeps the
signer's wall time without the zone, as an export on the signer's own computer does, so
the date shown is the date on the signed PDF's stamp wherever the packet is restored.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dqsa.export.packet import ANSWERS_NAME, PACK_NAME
from dqsa.export.verify import PacketError, PacketSource, Verification, plain_fingerprint, verify_packet

if TYPE_CHECKING:
    from dqsa.domain.answers import Answers
    from dqsa.domain.criteria import CriteriaPack
    from dqsa.store.evidence import PreparedEvidence
    from dqsa.store.identity_events import IdentityRecord

log = logging.getLogger(__name__)


class PacketContentError(ValueError):
    """A verified packet whose content cannot be restored; ``problems`` name member and field."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class RestoredEvidence:
    """One evidence file from the packet, checked and prepared for the store."""

    target_kind: str
    target_id: str
    caption: str
    prepared: PreparedEvidence
    member: str


@dataclass(frozen=True)
class RestoredPacket:
    """Everything a packet restores, validated; nothing of it is written yet."""

    answers: Answers
    pack: CriteriaPack
    evidence: tuple[RestoredEvidence, ...]
    signer: str
    fingerprint: str
    #: The manifest's time, with the signer's UTC offset when the packet gives one (format 2).
    signed_at: datetime
    #: ``answers.json`` exactly as it is in the packet (the snapshot keeps these bytes).
    answers_bytes: bytes = field(default=b"", repr=False)
    manifest_format: str = ""
    #: The zip file itself: SHA-256, size and name (set by :func:`prepare_import`).
    packet_sha256: str = ""
    packet_size: int = 0
    packet_name: str = ""


@dataclass(frozen=True)
class SignerChange:
    """The packet was signed by an identity this center file has not signed with before."""

    previous: tuple[str, ...]
    new: str


@dataclass
class ImportResult:
    """What :func:`import_packet` did: ``ok`` when the year was restored."""

    verification: Verification
    problems: list[str] = field(default_factory=list)
    restored: RestoredPacket | None = None
    #: Set when the packet's identity differs from the file's (whether accepted or refused).
    identity_change: SignerChange | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def summary(self) -> dict[str, Any]:
        return self.verification.summary

    @property
    def fingerprint(self) -> str | None:
        return self.verification.fingerprint


# --- validation ---------------------------------------------------------------------------------------


def restore_packet(verification: Verification) -> RestoredPacket:
    """Read and check a verified packet's content; :class:`PacketContentError` lists every problem."""
    from dqsa.domain.answers import check_answers

    manifest = verification.manifest
    if not verification.ok or manifest is None or verification.fingerprint is None:
        raise PacketContentError(verification.problems or ["材料包没有通过校验"])
    problems: list[str] = []
    answers_bytes = _member(verification, ANSWERS_NAME, problems)
    answers = _answers(answers_bytes, problems)
    pack, pack_digest = _pack(verification, problems)
    if answers is not None:
        if answers.year != manifest.year:
            problems.append(f"{ANSWERS_NAME}：字段 year 为 {answers.year}，清单为 {manifest.year}（不一致）")
        if answers.center.name != manifest.center.name:
            problems.append(f"{ANSWERS_NAME}：字段 center.name 与清单中的中心名称不一致")
        if (answers.pack.id, answers.pack.version) != (manifest.pack.id, manifest.pack.version):
            problems.append(f"{ANSWERS_NAME}：字段 pack 与清单中的标准包不一致")
    if pack is not None:
        if (pack.id, pack.version) != (manifest.pack.id, manifest.pack.version):
            problems.append(
                f"{PACK_NAME}：标准包 {pack.id} {pack.version} 与清单（{manifest.pack.id} {manifest.pack.version}）不一致"
            )
        elif pack_digest != manifest.pack.hash:  # the data as sent: a format-1 pack is upgraded when read
            problems.append(f"{PACK_NAME}：内容摘要与清单中的 pack.hash 不符")
        if pack.kind != manifest.pack.kind:
            problems.append(
                f"{PACK_NAME}：类型 {pack.kind} 与清单中的 pack.kind（{manifest.pack.kind}）不一致"
            )
    if answers is not None and pack is not None and not problems:
        problems += [
            f"{ANSWERS_NAME}：字段 {p}" if p.field else f"{ANSWERS_NAME}：{p}"
            for p in check_answers(pack, answers)
        ]
    evidence = _evidence(verification, pack, problems)
    if problems or answers is None or pack is None:
        raise PacketContentError(problems)
    signer = f"{manifest.signer.name}（{manifest.signer.title}）"
    return RestoredPacket(
        answers,
        pack,
        tuple(evidence),
        signer,
        verification.fingerprint,
        manifest.signed_at,  # kept whole in the snapshot; the year's row keeps the signer's wall time
        answers_bytes=answers_bytes or b"",
        manifest_format=manifest.format,
    )


def _member(verification: Verification, name: str, problems: list[str]) -> bytes | None:
    try:
        return verification.read_member(name)
    except PacketError as exc:
        problems.append(str(exc))
        return None


def _answers(data: bytes | None, problems: list[str]) -> Answers | None:
    from dqsa.answers_file import parse_answers_bytes
    from dqsa.domain.errors import InvalidInput

    if data is None:
        return None
    try:
        return parse_answers_bytes(data, what="")
    except InvalidInput as exc:
        problems += [
            f"{ANSWERS_NAME}：字段 {p}" if p.field else f"{ANSWERS_NAME}：{p.message}" for p in exc.problems
        ]
        return None


def _pack(verification: Verification, problems: list[str]) -> tuple[CriteriaPack | None, str]:
    """The packet's pack, and the digest of its data as sent (what the manifest's pack.hash is of)."""
    from dqsa.domain.criteria import pack_data_digest
    from dqsa.domain.errors import InvalidInput
    from dqsa.jsonlimits import JsonRefused, loads_limited
    from dqsa.packs import MAX_PACK_BYTES, pack_from_data

    data = _member(verification, PACK_NAME, problems)
    if data is None:
        return None, ""
    try:
        raw = loads_limited(data, what="", max_bytes=MAX_PACK_BYTES)
        return pack_from_data(raw, name=PACK_NAME), pack_data_digest(raw)
    except JsonRefused as exc:
        problems.append(f"{PACK_NAME}：{exc}")
    except InvalidInput as exc:
        problems += [
            f"{PACK_NAME}：字段 {p}" if p.field else f"{PACK_NAME}：{p.message}" for p in exc.problems
        ]
    return None, ""


def _known_targets(pack: CriteriaPack) -> dict[str, set[str]]:
    """What evidence may be attached to: each catalogue's entries (by its id), and the items."""
    known = {c.id: {e.id for e in c.entries} for c in pack.catalogs}
    return known | {"item": {item.id for _, _, item in pack.items()}}


def _evidence(
    verification: Verification, pack: CriteriaPack | None, problems: list[str]
) -> list[RestoredEvidence]:
    from dqsa.store.evidence import EvidenceError, restore_evidence

    manifest = verification.manifest
    assert manifest is not None
    known = _known_targets(pack) if pack is not None else None
    restored = []
    for index, entry in enumerate(manifest.evidence):
        where = f"evidence[{index}]（{entry.file}）"
        if known is not None and entry.target_id not in known.get(entry.target_kind, set()):
            problems.append(f"{where}：字段 target_id：标准包中没有 {entry.target_kind} {entry.target_id!r}")
        data = _member(verification, entry.file, problems)
        if data is None:
            continue
        try:
            prepared = restore_evidence(
                data,
                kind=entry.kind,
                original_name=entry.original_name,
                original_sha256=entry.original_sha256,
                original_size=entry.original_size,
                original_date=entry.original_date,
            )
        except EvidenceError as exc:
            problems.append(f"{where}：字段 kind 为 {entry.kind}，但内容不符：{exc}")
            continue
        if entry.kind == "document" and (entry.original_sha256, entry.original_size) != (
            prepared.sha256,
            len(data),
        ):  # a document is kept byte for byte: its original is the member itself
            problems.append(f"{where}：字段 original_sha256 / original_size 与文件内容不符")
            continue
        declared = manifest.media_type(entry)
        if declared is not None and declared != prepared.media_type:
            problems.append(f"{where}：字段 media_type 为 {declared}，内容是 {prepared.media_type}")
            continue
        restored.append(
            RestoredEvidence(entry.target_kind, entry.target_id, entry.caption, prepared, entry.file)
        )
    return restored


# --- the center file's identity ---------------------------------------------------------------------------


def signed_fingerprints(store: Any) -> tuple[str, ...]:
    """The fingerprints this center file's years were signed with, oldest first, each once."""
    known = getattr(store, "signed_fingerprints", None)
    if known is not None:
        return tuple(known())
    seen: dict[str, str] = {}
    for summary in sorted(store.assessments(), key=lambda s: s.year):
        if summary.fingerprint:
            seen.setdefault(plain_fingerprint(summary.fingerprint), summary.fingerprint)
    return tuple(seen.values())


def identity_change(store: Any, fingerprint: str) -> SignerChange | None:
    """An :class:`SignerChange` if the file has signed years and none with ``fingerprint``."""
    previous = signed_fingerprints(store)
    if not previous or plain_fingerprint(fingerprint) in {plain_fingerprint(p) for p in previous}:
        return None
    return SignerChange(previous, fingerprint)


def identity_change_message(change: SignerChange) -> str:
    old = "\n".join(f"    {fingerprint}" for fingerprint in change.previous)
    return (
        "材料包的签署身份与本中心文件以往签署的不同：\n"
        f"  以往的证书指纹：\n{old}\n"
        f"  材料包的证书指纹：\n    {change.new}\n"
        "可能是中心新建了签署身份，也可能是别人冒名签署。请先向该中心核实新指纹；"
        "确认无误后，再选择接受新的签署身份（命令行加 --accept-new-identity）。"
    )


def _record_new_identity(change: SignerChange, restored: RestoredPacket) -> IdentityRecord:
    """The file's record that the user accepted a packet's new signing identity.

    Written in the same transaction as the restored year (see :func:`_write_restored`).
    """
    from dqsa.store.identity_events import IdentityRecord

    log.info(
        "accepted a new signing identity for %s %s: %s (before: %s)",
        restored.answers.center.name,
        restored.answers.year,
        change.new,
        ", ".join(change.previous),
    )
    return IdentityRecord(
        kind="accepted",
        at=datetime.now().astimezone().replace(microsecond=0),
        center_name=restored.answers.center.name,
        new_fingerprint=change.new,
        old_fingerprint=change.previous[-1] if change.previous else None,
        year=restored.answers.year,
        note=f"导入材料包 {restored.packet_name} 时确认接受（以往的证书指纹：{'、'.join(change.previous)}）",
    )


# --- writing ---------------------------------------------------------------------------------------------


def _write_restored(
    store: Any, restored: RestoredPacket, identity_event: IdentityRecord | None = None
) -> None:
    """Write a validated packet into ``store`` (a CenterStore): ONE transaction, all or nothing."""
    from dqsa.store.sent import SentPacket

    store.restore_signed_year(
        restored.answers,
        restored.pack,
        restored.evidence,
        signer=restored.signer,
        fingerprint=restored.fingerprint,
        signed_at=restored.signed_at,
        packet=SentPacket(
            sha256=restored.packet_sha256,
            size=restored.packet_size,
            file_name=restored.packet_name,
            manifest_format=restored.manifest_format,
            answers_json=restored.answers_bytes,
        ),
        identity_event=identity_event,
    )


def check_target(store: Any, restored: RestoredPacket) -> list[str]:
    """What in ``store`` stands in the way of writing ``restored`` (checked before anything is written)."""
    year = restored.answers.year
    if year in store.years():
        return [
            f"本中心文件中已经有 {year} 年度的自评；如要用材料包中的替换，请先删除该年度（删除前会自动备份）。"
        ]
    return []


def prepare_import(source: PacketSource) -> ImportResult:
    """Verify and validate a packet without touching any center file (step 1 of :func:`import_packet`).

    The zip file's SHA-256 is taken before and after the checks: a packet that changes
    while it is read is refused (what the file records as sent must be what was checked).
    """
    from dataclasses import replace

    before = _packet_digest(source)
    verification = verify_packet(source)
    result = ImportResult(verification)
    if not verification.ok:
        result.problems = list(verification.problems)
        return result
    try:
        restored = restore_packet(verification)
    except PacketContentError as exc:
        result.problems = exc.problems
        return result
    after = _packet_digest(source)
    if before is None or before != after:
        result.problems = [
            "材料包在校验期间被改动或无法再次读取，没有导入。请确认文件没有被其他程序修改后再试。"
        ]
        return result
    name = "（内存中的材料包）" if isinstance(source, bytes) else Path(source).name
    result.restored = replace(restored, packet_sha256=before[0], packet_size=before[1], packet_name=name)
    return result


def _packet_digest(source: PacketSource) -> tuple[str, int] | None:
    """SHA-256 and size of the packet file as a whole (None when it cannot be read)."""
    import hashlib

    if isinstance(source, bytes):
        return hashlib.sha256(source).hexdigest(), len(source)
    hasher, size = hashlib.sha256(), 0
    try:
        with open(source, "rb") as handle:
            while chunk := handle.read(1 << 20):
                hasher.update(chunk)
                size += len(chunk)
    except OSError:
        return None
    return hasher.hexdigest(), size


def finish_import(result: ImportResult, store: Any, *, accept_new_identity: bool = False) -> ImportResult:
    """Compare the identity, check the year is free, then write (step 2 of :func:`import_packet`)."""
    restored = result.restored
    if not result.ok or restored is None:
        return result
    result.identity_change = identity_change(store, restored.fingerprint)
    if result.identity_change is not None and not accept_new_identity:
        result.problems = [identity_change_message(result.identity_change)]
        return result
    result.problems = check_target(store, restored)
    if result.problems:
        return result
    event = None
    if result.identity_change is not None:
        event = _record_new_identity(result.identity_change, restored)
    _write_restored(store, restored, event)
    return result


def import_packet(source: PacketSource, store: Any, *, accept_new_identity: bool = False) -> ImportResult:
    """Verify, validate everything, compare the identity, and only then restore into ``store``."""
    return finish_import(prepare_import(source), store, accept_new_identity=accept_new_identity)
