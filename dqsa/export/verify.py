"""Check a received packet offline, and restore an assessment from it.

The packet is read into memory member by member, never extracted to disk, so no
member name can write anywhere; absolute names, ``..`` and drive letters are
refused anyway, and sizes and counts are limited (a zip bomb is refused, even one
whose headers lie about its sizes).
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from dqsa.export.packet import (
    ANSWERS_NAME,
    CERTIFICATE_NAME,
    MANIFEST_NAME,
    PACK_NAME,
    PACKET_FORMAT,
    READABLE_FORMATS,
    REPORT_NAME,
    SIGNATURE_NAME,
    digest,
)

MAX_MEMBERS = 2000
MAX_TOTAL_BYTES = 400 * 1024 * 1024
MAX_PACKET_BYTES = 400 * 1024 * 1024
_SIDE_FILES = {MANIFEST_NAME, SIGNATURE_NAME, CERTIFICATE_NAME}


class PacketError(Exception):
    """The packet cannot be read at all (not a zip, unsafe, too large)."""


@dataclass
class Verification:
    """What the check found: ``ok`` only when there is no problem at all."""

    problems: list[str] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    members: dict[str, bytes] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "problems": self.problems, "summary": self.summary}


def read_members(path: Path) -> dict[str, bytes]:
    """Every member's bytes, read safely into memory."""
    try:
        if Path(path).stat().st_size > MAX_PACKET_BYTES:
            raise PacketError("材料包太大，不像是 dqsa 材料包。")
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise PacketError(f"找不到材料包：{path}") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise PacketError(f"这不是一个完整的 zip 材料包（{exc}）。请确认文件没有在传输中损坏。") from None
    members: dict[str, bytes] = {}
    total = 0
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise PacketError(f"材料包中的文件太多（{len(infos)} 个）。")
        for info in infos:
            if info.is_dir():
                continue
            name = info.filename
            _check_name(name)
            if name in members:
                raise PacketError(f"材料包中有重名的文件：{name}")
            data = _read_limited(archive, info, MAX_TOTAL_BYTES - total)
            total += len(data)
            members[name] = data
    return members


def _check_name(name: str) -> None:
    pure = PurePosixPath(name)
    if (
        name.startswith(("/", "\\"))
        or ":" in name
        or "\\" in name
        or any(part in {"..", ""} for part in pure.parts)
        or "\x00" in name
    ):
        raise PacketError(f"材料包中有不安全的文件路径：{name!r}（已拒绝）")


def _read_limited(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    if info.file_size > budget:
        raise PacketError("材料包解压后太大（可能是压缩炸弹），已拒绝。")
    chunks, size = [], 0
    try:
        with archive.open(info) as handle:
            while chunk := handle.read(1 << 20):
                size += len(chunk)
                if size > budget or size > info.file_size:
                    raise PacketError("材料包解压后太大（可能是压缩炸弹），已拒绝。")
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise PacketError(f"材料包中的 {info.filename} 已损坏（{exc}）。") from None
    return b"".join(chunks)


def verify_packet(path: Path, *, expected_fingerprint: str | None = None) -> Verification:
    """Check every byte of every member, the manifest signature and the PDF signature."""
    from dqsa.export.identity import fingerprint_of, verify_bytes
    from dqsa.export.pdfsign import check_pdf_signature

    result = Verification()
    try:
        members = read_members(path)
    except PacketError as exc:
        result.problems.append(str(exc))
        return result
    result.members = members
    missing = [name for name in (MANIFEST_NAME, SIGNATURE_NAME, CERTIFICATE_NAME) if name not in members]
    if missing:
        result.problems.append("材料包缺少：" + "、".join(missing) + "（不是完整的 dqsa 材料包）")
        return result
    manifest_bytes = members[MANIFEST_NAME]
    certificate_pem = members[CERTIFICATE_NAME]
    try:
        manifest = json.loads(manifest_bytes)
    except ValueError:
        result.problems.append(f"清单 {MANIFEST_NAME} 已损坏，无法读取（被改动过？）")
        return result
    try:
        certificate_der = _certificate_der(certificate_pem)
    except (ValueError, TypeError):
        result.problems.append(f"证书 {CERTIFICATE_NAME} 已损坏，无法读取（被改动过？）")
        return result
    if not isinstance(manifest, dict) or manifest.get("format") not in READABLE_FORMATS:
        result.problems.append(f"不是 {PACKET_FORMAT} 格式的材料包")
        return result
    result.summary = _summary(manifest, fingerprint_of(certificate_der))
    if not verify_bytes(certificate_pem, manifest_bytes, members[SIGNATURE_NAME]):
        result.problems.append(
            f"清单 {MANIFEST_NAME} 与签名 {SIGNATURE_NAME} 不符：清单被改动过，或签名不是证书 {CERTIFICATE_NAME} 做的"
        )
    fingerprint = fingerprint_of(certificate_der)
    if manifest.get("certificate_fingerprint") != fingerprint:
        result.problems.append(
            f"清单中记录的证书指纹与材料包中的证书 {CERTIFICATE_NAME} 不一致（证书被替换？）"
        )
    if expected_fingerprint and _plain(expected_fingerprint) != _plain(fingerprint):
        result.problems.append(f"证书指纹与您预期的不同：材料包为 {fingerprint}")
    listed = manifest.get("files", {})
    for name, data in members.items():
        if name in _SIDE_FILES:
            continue
        entry = listed.get(name)
        if entry is None:
            result.problems.append(f"多出了清单中没有的文件：{name}")
        elif entry.get("sha256") != digest(data):
            result.problems.append(f"文件被改动过：{name}（与清单中的摘要不符）")
    for name in listed:
        if name not in members:
            result.problems.append(f"缺少清单中列出的文件：{name}")
    if REPORT_NAME in members:
        check = check_pdf_signature(members[REPORT_NAME], certificate_der)
        if not check.ok:
            result.problems.append(f"{REPORT_NAME}：{check.problem}")
    return result


def _certificate_der(pem: bytes) -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    return x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER)


def _plain(fingerprint: str) -> str:
    return fingerprint.replace(":", "").replace(" ", "").upper()


def _summary(manifest: dict[str, Any], fingerprint: str) -> dict[str, Any]:
    center = manifest.get("center", {})
    totals = manifest.get("totals", {})
    return {
        "center": center.get("name"),
        "level": manifest.get("level_label") or center.get("level"),
        "year": manifest.get("year"),
        "pack": f"{manifest.get('pack', {}).get('id')} {manifest.get('pack', {}).get('version')}",
        "totals": {k: f"{v.get('score')}/{v.get('max')}" for k, v in totals.get("tables", {}).items()},
        "total": f"{totals.get('total')}/{totals.get('max')}",
        "signer": manifest.get("signer", {}),
        "signed_at": manifest.get("signed_at"),
        "fingerprint": fingerprint,
    }


def describe(verification: Verification) -> str:
    """The result in plain Chinese, for a person."""
    s = verification.summary
    lines = []
    if verification.ok:
        lines.append("校验通过：材料包完整，签名有效，自签署以来没有被改动。")
    else:
        lines.append("校验未通过：")
        lines += [f"  - {problem}" for problem in verification.problems]
    if s:
        signer = s.get("signer", {})
        lines += [
            f"中心：{s.get('center')}（{s.get('level')}）",
            f"年度：{s.get('year')}　标准包：{s.get('pack')}",
            "得分："
            + "；".join(f"{k} {v}" for k, v in s.get("totals", {}).items())
            + f"；合计 {s.get('total')}",
            f"签署人：{signer.get('name')}（{signer.get('title')}）　签署时间：{s.get('signed_at')}",
            f"证书指纹：{s.get('fingerprint')}",
            "请核对证书指纹与该中心以往报送时的一致。",
        ]
    return "\n".join(lines)


def import_packet(path: Path, store: Any) -> Verification:
    """Verify, then restore the assessment (answers, pack, evidence, signature) into ``store``."""
    from datetime import datetime

    from dqsa.answers_file import parse_answers_text
    from dqsa.packs import pack_from_data
    from dqsa.store.evidence import restore_evidence

    verification = verify_packet(path)
    if not verification.ok:
        return verification
    members = verification.members
    manifest = json.loads(members[MANIFEST_NAME])
    answers = parse_answers_text(members[ANSWERS_NAME].decode("utf-8"))
    pack = pack_from_data(json.loads(members[PACK_NAME]), name=PACK_NAME)
    store.import_answers(answers, pack=pack)
    for entry in manifest.get("evidence", []):
        date = entry.get("original_date")
        prepared = restore_evidence(
            members[entry["file"]],
            kind=entry["kind"],
            original_name=entry["original_name"],
            original_sha256=entry.get("original_sha256", ""),
            original_size=int(entry.get("original_size") or len(members[entry["file"]])),
            original_date=datetime.fromisoformat(date) if date else None,
        )
        store.add_evidence(
            answers.year, entry["target_kind"], entry["target_id"], prepared, entry.get("caption", "")
        )
    signer = manifest.get("signer", {})
    store.mark_signed(
        answers.year,
        signer=f"{signer.get('name')}（{signer.get('title')}）",
        fingerprint=manifest["certificate_fingerprint"],
        at=datetime.fromisoformat(manifest["signed_at"]),
    )
    return verification
