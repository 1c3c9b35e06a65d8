"""Check a received packet offline: one packet, from a path or from bytes, into one structured result.

The packet is never extracted to disk, so no member name can write anywhere;
absolute names, ``..`` and drive letters are refused anyway. Members are streamed:
each one's SHA-256 is computed chunk by chunk and only the few the checks need (the
manifest, the signature, the certificate, the signed PDF) are held in memory, so
memory stays bounded whatever the packet holds. Sizes and counts are limited (a zip
bomb is refused, even one whose headers lie about its sizes).

:func:`verify_packet` never raises for a bad packet: every problem, including a
manifest of the wrong shape, becomes a line in :attr:`Verification.problems`. The
receiving desk reuses it as it is; restoring a verified packet is
:mod:`dqsa.export.restore`'s job.
"""

from __future__ import annotations

import hashlib
import io
import logging
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from dqsa.export import wording
from dqsa.export.manifest import ManifestError, PacketManifest, parse_manifest
from dqsa.export.packet import CERTIFICATE_NAME, MANIFEST_NAME, PACK_NAME, REPORT_NAME, SIGNATURE_NAME

log = logging.getLogger(__name__)

MAX_MEMBERS = 2000
#: The zip file itself.
MAX_PACKET_BYTES = 400 * 1024 * 1024
#: All members together, unpacked (streamed: never all in memory).
MAX_TOTAL_BYTES = 400 * 1024 * 1024
#: Any one member unpacked: an evidence document is at most 50 MB, a photo far less.
MAX_MEMBER_BYTES = 64 * 1024 * 1024
#: Members held in memory while checking, and their own limits (the PDF's signature is checked in memory).
_HELD_LIMITS = {
    MANIFEST_NAME: 4 * 1024 * 1024,
    SIGNATURE_NAME: 4 * 1024,
    CERTIFICATE_NAME: 64 * 1024,
    REPORT_NAME: MAX_MEMBER_BYTES,
}
_SIDE_FILES = {MANIFEST_NAME, SIGNATURE_NAME, CERTIFICATE_NAME}
#: The pack inside a packet is read (for its table titles) only up to this size.
MAX_PACK_BYTES = 4 * 1024 * 1024
_CHUNK = 1 << 20

#: A packet given as a file or as its bytes (the receiving desk keeps packets as bytes).
PacketSource = Path | str | bytes


class PacketError(Exception):
    """The packet cannot be read at all (not a zip, unsafe, too large, changed while being read)."""


@dataclass
class Verification:
    """What the check found: ``ok`` only when there is no problem at all.

    ``manifest`` is the parsed manifest (either format) once its shape is right, and
    ``fingerprint`` the SHA-256 fingerprint of the packet's certificate once it can be read:
    both are set even when other problems were found, so a reviewer can see who
    claims to have sent it. :meth:`read_member` gives a member's bytes, checked again
    against the signed manifest.
    """

    problems: list[str] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    manifest: PacketManifest | None = None
    fingerprint: str | None = None
    certificate_der: bytes | None = field(default=None, repr=False)
    source: str = ""
    _packet: PacketSource | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "fingerprint": self.fingerprint,
            "format": self.manifest.format if self.manifest else None,
            "problems": self.problems,
            "summary": self.summary,
        }

    def release(self) -> None:
        """Let go of the packet (a packet given as bytes is held for :meth:`read_member` until then).

        A desk verifying hundreds of packets keeps the results, not the packets' bytes.
        """
        self._packet = None

    def read_member(self, name: str) -> bytes:
        """A member's bytes, read again and checked against the manifest's digest; or :class:`PacketError`."""
        if self._packet is None or self.manifest is None or name not in self.manifest.files:
            raise PacketError(f"材料包中没有清单列出的文件 {name}")
        entry = self.manifest.files[name]
        with _open_archive(self._packet) as archive:
            try:
                info = archive.getinfo(name)
            except KeyError:
                raise PacketError(f"材料包中缺少 {name}") from None
            data = _read_whole(archive, info, min(entry.size, MAX_MEMBER_BYTES))
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            raise PacketError(f"{name} 与清单中的摘要不符（材料包在校验之后被改动过？）")
        return data


# --- reading the zip safely --------------------------------------------------------------------------


@contextmanager
def _open_archive(source: PacketSource) -> Iterator[zipfile.ZipFile]:
    shown = "材料包" if isinstance(source, bytes) else str(source)
    try:
        if isinstance(source, bytes):
            if len(source) > MAX_PACKET_BYTES:
                raise PacketError("材料包太大，不像是 dqsa 材料包。")
            archive = zipfile.ZipFile(io.BytesIO(source))
        else:
            if Path(source).stat().st_size > MAX_PACKET_BYTES:
                raise PacketError("材料包太大，不像是 dqsa 材料包。")
            archive = zipfile.ZipFile(source)
    except FileNotFoundError:
        raise PacketError(f"找不到材料包：{shown}") from None
    except IsADirectoryError:
        raise PacketError(f"{shown} 是文件夹，不是材料包。") from None
    except PermissionError:
        raise PacketError(f"没有权限读取材料包：{shown}") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise PacketError(f"这不是一个完整的 zip 材料包（{exc}）。请确认文件没有在传输中损坏。") from None
    with archive:
        yield archive


def _members(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The archive's files by name: names safe, no duplicates, counts and declared sizes within limits."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise PacketError(f"材料包中的文件太多（{len(infos)} 个）。")
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if info.is_dir():
            continue
        _check_name(info.filename)
        if info.filename in members:
            raise PacketError(f"材料包中有重名的文件：{info.filename}")
        if info.flag_bits & 0x1:
            raise PacketError(f"材料包中的 {info.filename} 是加密的（dqsa 材料包不加密），已拒绝。")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise PacketError(f"材料包中的 {info.filename} 用了 dqsa 不用的压缩方式，已拒绝。")
        members[info.filename] = info
    if sum(info.file_size for info in members.values()) > MAX_TOTAL_BYTES:
        raise PacketError("材料包解压后太大（可能是压缩炸弹），已拒绝。")
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


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> Iterator[bytes]:
    """A member's bytes in chunks; :class:`PacketError` beyond ``limit`` or its declared size (lying headers)."""
    if info.file_size > limit:
        raise PacketError(
            f"材料包中的 {info.filename} 太大（{info.file_size // (1024 * 1024)} MB），已拒绝。"
        )
    size = 0
    try:
        with archive.open(info) as handle:
            while chunk := handle.read(_CHUNK):
                size += len(chunk)
                if size > limit or size > info.file_size:
                    raise PacketError("材料包解压后太大（可能是压缩炸弹），已拒绝。")
                yield chunk
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        raise PacketError(f"材料包中的 {info.filename} 已损坏，无法解压（传输中损坏？）。") from None


def _read_whole(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    buffer = bytearray()
    for chunk in _chunks(archive, info, limit):
        buffer += chunk
    return bytes(buffer)


def _digest(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[str, int]:
    hasher, size = hashlib.sha256(), 0
    for chunk in _chunks(archive, info, MAX_MEMBER_BYTES):
        hasher.update(chunk)
        size += len(chunk)
    return hasher.hexdigest(), size


# --- the check --------------------------------------------------------------------------------------------


def verify_packet(source: PacketSource, *, expected_fingerprint: str | None = None) -> Verification:
    """Check every byte of every member, the manifest's shape and signature, and the PDF's signature.

    ``source`` is a path or the packet's bytes. Never raises for a bad packet.
    """
    shown = "（内存中的材料包）" if isinstance(source, bytes) else str(source)
    result = Verification(source=shown, _packet=source)
    try:
        with _open_archive(source) as archive:
            _check(archive, result, expected_fingerprint)
    except PacketError as exc:
        result.problems.append(str(exc))
    except MemoryError:
        result.problems.append("材料包太大，电脑内存不够校验它。")
    except Exception as exc:  # the last guard: a hostile packet must never crash the program
        log.exception("verifying %s failed unexpectedly", shown)
        result.problems.append(f"校验时出现意外错误（{type(exc).__name__}），材料包不可信。详情已写入日志。")
    return result


def _check(archive: zipfile.ZipFile, result: Verification, expected_fingerprint: str | None) -> None:
    from dqsa.export.identity import fingerprint_of, verify_bytes

    members = _members(archive)
    missing = [name for name in (MANIFEST_NAME, SIGNATURE_NAME, CERTIFICATE_NAME) if name not in members]
    if missing:
        result.problems.append("材料包缺少：" + "、".join(missing) + "（不是完整的 dqsa 材料包）")
        return
    held = {name: _read_whole(archive, members[name], _HELD_LIMITS[name]) for name in _SIDE_FILES}
    manifest_bytes, certificate_pem = held[MANIFEST_NAME], held[CERTIFICATE_NAME]
    try:
        certificate_der = _certificate_der(certificate_pem)
    except (ValueError, TypeError):
        result.problems.append(f"证书 {CERTIFICATE_NAME} 已损坏，无法读取（被改动过？）")
        return
    fingerprint = fingerprint_of(certificate_der)
    result.fingerprint, result.certificate_der = fingerprint, certificate_der
    if not verify_bytes(certificate_pem, manifest_bytes, held[SIGNATURE_NAME]):
        result.problems.append(
            f"清单 {MANIFEST_NAME} 与签名 {SIGNATURE_NAME} 不符：清单被改动过，或签名不是证书 {CERTIFICATE_NAME} 做的"
        )
    try:
        manifest = parse_manifest(manifest_bytes)
    except ManifestError as exc:
        result.problems += exc.problems
        return
    result.manifest = manifest
    result.summary = _summary(manifest, fingerprint)
    if manifest.certificate_fingerprint != fingerprint:
        result.problems.append(
            f"清单中记录的证书指纹与材料包中的证书 {CERTIFICATE_NAME} 不一致（证书被替换？）"
        )
    if expected_fingerprint and plain_fingerprint(expected_fingerprint) != plain_fingerprint(fingerprint):
        result.problems.append(f"证书指纹与您预期的不同：材料包为 {fingerprint}")
    listed = manifest.files
    report: bytes | None = None
    pack: bytes | None = None
    for name, info in members.items():
        if name in _SIDE_FILES:
            continue
        if info.file_size > MAX_MEMBER_BYTES:  # from the header: not read at all
            size = info.file_size // (1024 * 1024)
            result.problems.append(
                f"材料包中的 {name} 太大（{size} MB，上限 {MAX_MEMBER_BYTES // (1024 * 1024)} MB），已拒绝"
            )
            continue
        entry = listed.get(name)
        if entry is None:
            result.problems.append(f"多出了清单中没有的文件：{name}")
            continue
        if info.file_size != entry.size:
            result.problems.append(f"文件被改动过：{name}（大小与清单不符）")
            continue
        try:
            if name == REPORT_NAME:  # read once: hashed here, its signature checked below
                report = _read_whole(archive, info, _HELD_LIMITS[REPORT_NAME])
                sha256, size = hashlib.sha256(report).hexdigest(), len(report)
            elif name == PACK_NAME and info.file_size <= MAX_PACK_BYTES:  # its words, for the summary
                pack = _read_whole(archive, info, MAX_PACK_BYTES)
                sha256, size = hashlib.sha256(pack).hexdigest(), len(pack)
            else:
                sha256, size = _digest(archive, info)
        except PacketError as exc:
            result.problems.append(str(exc))
            continue
        if sha256 != entry.sha256 or size != entry.size:
            result.problems.append(f"文件被改动过：{name}（与清单中的摘要不符）")
        elif name == PACK_NAME and pack is not None:
            result.summary |= _pack_words(pack)
    for name in listed:
        if name not in members:
            result.problems.append(f"缺少清单中列出的文件：{name}")
    if REPORT_NAME in members and members[REPORT_NAME].file_size <= _HELD_LIMITS[REPORT_NAME]:
        try:
            if report is None:
                report = _read_whole(archive, members[REPORT_NAME], _HELD_LIMITS[REPORT_NAME])
        except PacketError as exc:
            result.problems.append(str(exc))
            return
        _check_report(report, certificate_der, result)


def _check_report(pdf: bytes, certificate_der: bytes, result: Verification) -> None:
    from dqsa.export.pdfsign import check_pdf_signature

    try:
        check = check_pdf_signature(pdf, certificate_der)
    except Exception as exc:  # pyHanko on a hostile PDF: the packet is refused, the details go to the log
        log.warning("checking the PDF signature failed", exc_info=True)
        result.problems.append(f"{REPORT_NAME}：PDF 无法校验（{type(exc).__name__}），详情已写入日志")
        return
    if not check.ok:
        result.problems.append(f"{REPORT_NAME}：{check.problem}")


def _certificate_der(pem: bytes) -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    return x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER)


def plain_fingerprint(fingerprint: str) -> str:
    """A fingerprint without separators, upper case: how two spellings of one are compared."""
    return "".join(ch for ch in fingerprint if ch not in ": -").upper()


def _summary(manifest: PacketManifest, fingerprint: str) -> dict[str, Any]:
    totals = manifest.totals
    title = getattr(manifest.pack, "title", None)  # format 2 names the pack; 1 leaves it to the pack file
    return {
        **({"pack_title": title} if title else {}),
        "format": manifest.format,
        "center": manifest.center.name,
        "level": manifest.level_label or manifest.center.level,
        "region": manifest.center.region,
        "year": manifest.year,
        "pack": f"{manifest.pack.id} {manifest.pack.version}",
        "totals": {key: f"{t.score}/{t.max}" for key, t in totals.tables.items()},
        "total": f"{totals.total}/{totals.max}",
        "signer": {"name": manifest.signer.name, "title": manifest.signer.title},
        "signed_at": manifest.signed_at.isoformat(),
        "fingerprint": fingerprint,
    }


def _pack_words(data: bytes) -> dict[str, Any]:
    """The pack's title and its tables' names, from the packet's own pack (its digest already
    checked). Only these words are taken, each checked for shape; nothing else is trusted."""
    from dqsa.jsonlimits import JsonRefused, loads_limited

    try:
        pack = loads_limited(data, what=f"{PACK_NAME} ", max_bytes=MAX_PACK_BYTES)
    except JsonRefused:
        return {}
    if not isinstance(pack, dict):
        return {}
    words: dict[str, Any] = {}
    if isinstance(pack.get("title"), str) and pack["title"].strip():
        words["pack_title"] = pack["title"].strip()[:200]
    tables = pack.get("tables")
    titles = {
        table["id"]: name.strip()[:40]
        for table in (tables if isinstance(tables, list) else [])
        if isinstance(table, dict) and isinstance(table.get("id"), str)
        for name in [table.get("short_title") or table.get("title")]
        if isinstance(name, str) and name.strip()
    }
    if titles:
        words["table_titles"] = titles
    return words


def fingerprint_text(fingerprint: str | None) -> str:
    """A fingerprint as a person reads it over the phone (16 groups of 4), or why there is none."""
    return wording.fingerprint_text(fingerprint) if fingerprint else "（无法读取证书）"


def describe(verification: Verification) -> str:
    """The result in plain Chinese, for a person; the first line carries the fingerprint.

    The fingerprint is in groups of four, as on the report's cover and the signature stamp;
    tables are named by their titles (from the packet's pack) and times in words.
    """
    s = verification.summary
    fingerprint = fingerprint_text(verification.fingerprint)
    if verification.ok:
        lines = [
            f"校验通过。证书指纹：{fingerprint}",
            "材料包完整，签名有效，自签署以来没有被改动。",
        ]
    else:
        lines = [f"校验未通过。证书指纹：{fingerprint}"]
        lines += [f"  - {problem}" for problem in verification.problems]
    if s:
        signer = s.get("signer", {})
        titles = s.get("table_titles", {})
        scores = [f"{titles.get(table, table)} {points}" for table, points in s.get("totals", {}).items()]
        version = str(s.get("pack", "")).partition(" ")[2]
        pack = f"{s['pack_title']}（版本 {version}）" if s.get("pack_title") else s.get("pack")
        lines += [
            f"中心：{s.get('center')}（{s.get('level')}）",
            f"年度：{s.get('year')}　评分标准：{pack}",
            "得分：" + "；".join([*scores, f"合计 {s.get('total')}"]),
            f"签署人：{signer.get('name')}（{signer.get('title')}）　签署时间：{_when(s.get('signed_at'))}",
        ]
    if verification.fingerprint:
        lines.append("请核对证书指纹与该中心以往报送时的一致。冒号格式的同一指纹：")
        lines.append(verification.fingerprint)
    return "\n".join(lines)


def _when(signed_at: object) -> str:
    """An ISO time in words (``2026年11月30日 14:05（UTC+08:00）``); anything else as it is."""
    from datetime import datetime

    if not isinstance(signed_at, str):
        return str(signed_at)
    try:
        return wording.datetime_text(datetime.fromisoformat(signed_at), zone=True)
    except ValueError:
        return signed_at
