"""Check a received packet offline: one packet, from a path or from bytes, into one structured result.

Reading the zip is :mod:`dqsa.export.signed_zip`'s job (shared with the review result):
the packet is never extracted to disk, its layout must be exactly the writer's (no
bytes before or after the zip: a PDF+zip polyglot is refused), member names are safe,
members are streamed and hashed chunk by chunk and only the few the checks need (the
side files, the signed PDF, the answers and the pack) are held in memory; sizes and
counts are limited (a zip bomb is refused, even one whose headers lie about its sizes).

A valid signature is not enough: the manifest's summary must be what the packet's own
answers give when re-scored with its own pack (:mod:`dqsa.export.packet_content`), the
manifest's texts may hold no control characters, no JSON key may appear twice, and the
signing time may not lie in the future.

:func:`verify_packet` never raises for a bad packet: every problem, including a
manifest of the wrong shape, becomes a line in :attr:`Verification.problems`. The
receiving desk reuses it as it is; restoring a verified packet is
:mod:`dqsa.export.restore`'s job.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from dqsa.export import wording
from dqsa.export.manifest import ManifestError, PacketManifest, parse_manifest
from dqsa.export.packet import ANSWERS_NAME, PACK_NAME, REPORT_NAME
from dqsa.export.signed_zip import (
    Limits,
    SignedZipError,
    Source,
    check_members,
    open_archive,
    plain_fingerprint,
    read_listed,
    read_signature,
    safe_members,
)

if TYPE_CHECKING:
    import zipfile

    from dqsa.export.packet_content import PacketContent

__all__ = [
    "PacketError",
    "PacketSource",
    "Verification",
    "describe",
    "fingerprint_text",
    "plain_fingerprint",
    "verify_packet",
]

log = logging.getLogger(__name__)

MAX_MEMBERS = 2000
#: The zip file itself.
MAX_PACKET_BYTES = 400 * 1024 * 1024
#: All members together, unpacked (streamed: never all in memory).
MAX_TOTAL_BYTES = 400 * 1024 * 1024
#: Any one member unpacked: an evidence document is at most 50 MB, a photo far less.
MAX_MEMBER_BYTES = 64 * 1024 * 1024
#: The pack inside a packet is read (re-scored, and for its table titles) only up to this size.
MAX_PACK_BYTES = 4 * 1024 * 1024
#: A signing time this far in the future is a problem. A day, not minutes: a laptop whose clock
#: shows Beijing time under a UTC zone signs eight hours "ahead", and that is not a forgery.
FUTURE_TOLERANCE = timedelta(days=1)
#: Format 1 wrote the signer's wall time without a zone: read as Beijing time.
BEIJING = timezone(timedelta(hours=8))

#: A packet that cannot be read at all (the generic signed-zip refusal, under the name callers know).
PacketError = SignedZipError
#: A packet given as a file or as its bytes (the receiving desk keeps packets as bytes).
PacketSource = Source


def _limits() -> Limits:
    """The packet's limits, read when used (tests lower them)."""
    return Limits("材料包", MAX_MEMBERS, MAX_PACKET_BYTES, MAX_TOTAL_BYTES, MAX_MEMBER_BYTES)


@dataclass
class Verification:
    """What the check found: ``ok`` only when there is no problem at all.

    ``manifest`` is the parsed manifest (either format) once its shape is right, and
    ``fingerprint`` the SHA-256 fingerprint of the packet's certificate once it can be read:
    both are set even when other problems were found, so a reviewer can see who
    claims to have sent it. ``content`` is the packet's answers and pack, re-scored, once
    they agree with the manifest. :meth:`read_member` gives a member's bytes, checked again
    against the signed manifest.
    """

    problems: list[str] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    manifest: PacketManifest | None = None
    fingerprint: str | None = None
    certificate_der: bytes | None = field(default=None, repr=False)
    source: str = ""
    content: PacketContent | None = field(default=None, repr=False)
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
        return read_listed(self._packet, name, self.manifest.files[name], _limits())


# --- the check --------------------------------------------------------------------------------------------


def verify_packet(
    source: PacketSource, *, expected_fingerprint: str | None = None, now: datetime | None = None
) -> Verification:
    """Check every byte of every member, the manifest's shape and signature, the PDF's signature, and
    that the manifest's summary is what the packet's own answers and pack give (re-scored).

    ``source`` is a path or the packet's bytes; ``now`` (tests) is the moment a signing time
    may not be after. Never raises for a bad packet.
    """
    shown = "（内存中的材料包）" if isinstance(source, bytes) else str(source)
    result = Verification(source=shown, _packet=source)
    try:
        with open_archive(source, _limits()) as archive:
            _check(archive, result, expected_fingerprint, now)
    except PacketError as exc:
        result.problems.append(str(exc))
    except MemoryError:
        result.problems.append("材料包太大，电脑内存不够校验它。")
    except Exception as exc:  # the last guard: a hostile packet must never crash the program
        log.exception("verifying %s failed unexpectedly", shown)
        result.problems.append(f"校验时出现意外错误（{type(exc).__name__}），材料包不可信。详情已写入日志。")
    return result


def _check(
    archive: zipfile.ZipFile, result: Verification, expected_fingerprint: str | None, now: datetime | None
) -> None:
    limits = _limits()
    members = safe_members(archive, limits)
    signature = read_signature(archive, members, limits.noun)
    fingerprint = signature.fingerprint
    result.fingerprint, result.certificate_der = fingerprint, signature.certificate_der
    result.problems += signature.problems
    try:
        manifest = parse_manifest(signature.manifest)
    except ManifestError as exc:
        result.problems += exc.problems
        return
    result.manifest = manifest
    result.summary = _summary(manifest, fingerprint)
    if manifest.certificate_fingerprint != fingerprint:
        result.problems.append("清单中记录的证书指纹与材料包中的证书 certificate.pem 不一致（证书被替换？）")
    if expected_fingerprint and plain_fingerprint(expected_fingerprint) != plain_fingerprint(fingerprint):
        result.problems.append(f"证书指纹与您预期的不同：材料包为 {fingerprint}")
    result.problems += _signing_time(manifest, now)
    from dqsa.answers_file import MAX_ANSWERS_BYTES

    hold = {REPORT_NAME: MAX_MEMBER_BYTES, PACK_NAME: MAX_PACK_BYTES, ANSWERS_NAME: MAX_ANSWERS_BYTES}
    checked = check_members(archive, members, manifest.files, limits, hold=hold)
    result.problems += checked.problems
    pack = checked.held.get(PACK_NAME)
    if pack is not None:
        result.summary |= _pack_words(pack)
    answers = checked.held.get(ANSWERS_NAME)
    if answers is not None and pack is not None:
        _check_content(manifest, answers, pack, result)
    elif not checked.problems:  # listed, but over the size this reader takes
        result.problems.append(f"材料包中的 {ANSWERS_NAME} 或 {PACK_NAME} 太大，不像是 dqsa 写出的")
    report = checked.held.get(REPORT_NAME)
    if report is not None and signature.certificate_der:
        _check_report(report, signature.certificate_der, result)


def _check_content(manifest: PacketManifest, answers: bytes, pack: bytes, result: Verification) -> None:
    from dqsa.export.packet_content import ContentRefused, check_content

    try:
        result.content = check_content(manifest, answers, pack)
    except ContentRefused as exc:
        result.problems += exc.problems


def _signing_time(manifest: PacketManifest, now: datetime | None) -> list[str]:
    """A signing time in the future (beyond :data:`FUTURE_TOLERANCE`) is a problem."""
    signed = manifest.signed_at
    if signed.utcoffset() is None:
        signed = signed.replace(tzinfo=BEIJING)
    moment = now or datetime.now().astimezone()
    if signed - moment > FUTURE_TOLERANCE:
        when = wording.datetime_text(signed, zone=True)
        return [f"签署时间 {when} 在未来（晚于现在超过一天）：签署时间不可信，电脑时钟或清单有误"]
    return []


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
    tables are named by their titles (from the packet's pack) and times in words. Every line
    is escaped (:func:`wording.escaped`): no text from the packet, not even in a problem's
    words, can move the cursor, reorder a line or start a new one.
    """
    s = verification.summary
    fingerprint = fingerprint_text(verification.fingerprint)
    if verification.ok:
        lines = [
            f"校验通过。证书指纹：{fingerprint}",
            "材料包完整，签名有效，自签署以来没有被改动；清单中的得分与按答卷重新评分的结果一致。",
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
    return "\n".join(wording.escaped(line) for line in lines)


def _when(signed_at: object) -> str:
    """An ISO time in words (``2026年11月30日 14:05（UTC+08:00）``); anything else as it is."""
    from datetime import datetime

    if not isinstance(signed_at, str):
        return str(signed_at)
    try:
        return wording.datetime_text(datetime.fromisoformat(signed_at), zone=True)
    except ValueError:
        return signed_at
