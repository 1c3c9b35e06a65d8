"""Reading a review result (审核结果, ``dqsa-review/1``) the way a center must: trusting nothing.

:func:`read_review_result` is the one call for the center side (``dqsa import-review``,
文件 → 导入审核结果)::

    from dqsa.export.review_read import read_review_result
    check = read_review_result(path_or_bytes, center_name="…", sent_packets={sha256, …},
                               pinned_fingerprint=None or "AA:BB:…")
    if check.problems: refuse, show describe_review(check)
    elif check.desk_change is not None: refuse unless the user accepts the new reviewer
    else: import check.document (and check.review_json, the bytes as signed)

It never raises for a bad file: every problem becomes a line of :attr:`ReviewCheck.problems`
that says which check failed, and its kind is in :attr:`ReviewCheck.kinds`:

- ``changed`` (one byte is enough): the zip's layout is not exactly the writer's
  (checked strictly: every header byte), a member's digest, the manifest's signature, the
  PDF's signature (made with the same certificate, covering the whole file);
- ``malformed``: limits (size, nesting, members) before parsing, duplicate keys,
  strict models (:mod:`dqsa.export.review_format`), totals that do not add up;
- ``other_center``: the result names another center than ``center_name``;
- ``other_packet``: its packet digest is not among ``sent_packets``;
- ``other_desk``: with ``pinned_fingerprint`` given, a different certificate is
  :attr:`ReviewCheck.desk_change` (the only finding a person may accept, recorded);
  without one (the first result), the fingerprint is what to pin.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dqsa.export import wording
from dqsa.export.review_format import (
    MAX_REVIEW_BYTES,
    REVIEW_NAME,
    REVIEW_PDF_NAME,
    ReviewDocument,
    ReviewFormatError,
    ReviewManifest,
    parse_review,
    parse_review_manifest,
)
from dqsa.export.signed_zip import (
    Limits,
    SignedZipError,
    canonical_pem,
    check_members,
    open_archive,
    plain_fingerprint,
    read_signature,
    safe_members,
)

if TYPE_CHECKING:
    import zipfile

log = logging.getLogger(__name__)

#: A result is two small members and the side files.
LIMITS = Limits(
    noun="审核结果",
    max_members=8,
    max_archive_bytes=64 * 1024 * 1024,
    max_total_bytes=64 * 1024 * 1024,
    max_member_bytes=32 * 1024 * 1024,
)
#: As for packets: a clock in the wrong zone signs hours ahead; a day is a problem.
FUTURE_TOLERANCE = timedelta(days=1)

ReviewSource = Path | str | bytes


@dataclass(frozen=True)
class DeskChange:
    """The result is signed by another desk certificate than the one this center pinned."""

    pinned: str
    new: str

    @property
    def message(self) -> str:
        return (
            f"审核结果由另一个审核单位证书签署：本中心登记的审核单位证书指纹为 {wording.fingerprint_text(self.pinned)}，"
            f"这份审核结果的为 {wording.fingerprint_text(self.new)}。可能是审核单位换了签署身份，也可能是冒名的审核结果："
            "请先用电话等方式向审核单位核实新指纹，确认后才能接受。"
        )


@dataclass
class ReviewCheck:
    """What the reader found: ``ok`` only with no problem and no change of desk.

    ``fingerprint`` (the desk's certificate), ``manifest`` and ``document`` are set as far
    as they could be read, even when problems were found, so the caller can say who claims
    to have sent it. ``review_json`` and ``pdf`` are the members' bytes as signed (set only
    when their digests match), for the caller to keep exactly.
    """

    problems: list[str] = field(default_factory=list)
    #: Which checks failed: ``changed``, ``malformed``, ``other_center``, ``other_packet``, ``other_desk``.
    kinds: set[str] = field(default_factory=set)
    source: str = ""
    sha256: str | None = None
    #: The file's bytes as read, hashed and checked (what a caller keeps: never a second read).
    data: bytes = field(default=b"", repr=False)
    fingerprint: str | None = None
    certificate_der: bytes | None = field(default=None, repr=False)
    manifest: ReviewManifest | None = None
    document: ReviewDocument | None = None
    review_json: bytes | None = field(default=None, repr=False)
    pdf: bytes | None = field(default=None, repr=False)
    desk_change: DeskChange | None = None

    @property
    def ok(self) -> bool:
        return not self.problems and self.desk_change is None

    def add(self, kind: str, *problems: str) -> None:
        if problems:
            self.kinds.add(kind)
            self.problems += problems

    def as_dict(self) -> dict[str, Any]:
        document = self.document
        return {
            "ok": self.ok,
            "problems": self.problems,
            "kinds": sorted(self.kinds),
            "desk_change": (
                {"pinned": self.desk_change.pinned, "new": self.desk_change.new} if self.desk_change else None
            ),
            "fingerprint": self.fingerprint,
            "sha256": self.sha256,
            "desk": document.desk.name if document else None,
            "center": document.center.name if document else None,
            "year": document.year if document else None,
            "state": document.state if document else None,
            "packet_sha256": document.packet.sha256 if document else None,
        }


def read_review_result(
    source: ReviewSource,
    *,
    center_name: str,
    sent_packets: Collection[str],
    pinned_fingerprint: str | None = None,
    now: datetime | None = None,
) -> ReviewCheck:
    """Check a result file (a path or its bytes) for the center ``center_name``.

    ``sent_packets`` are the SHA-256 digests (hex) of the packets this center sent (the
    snapshots kept at signing); ``pinned_fingerprint`` the desk certificate the center
    pinned on its first import (None before). ``now`` (tests) is the moment a signing
    time may not be after. Never raises for a bad file.
    """
    import hashlib

    shown = "（内存中的审核结果）" if isinstance(source, bytes) else str(source)
    check = ReviewCheck(source=shown)
    data = b""
    try:
        data = _read(source)
        check.data, check.sha256 = data, hashlib.sha256(data).hexdigest()
        with open_archive(data, LIMITS, strict=True) as archive:
            _check(archive, check, now)
    except SignedZipError as exc:
        if _is_packet(data):
            check.add("malformed", PACKET_NOT_RESULT)
        else:
            check.add("changed", _damaged(str(exc)))
    except MemoryError:
        check.add("malformed", "审核结果太大，电脑内存不够读取它。")
    except Exception as exc:  # the last guard: a hostile file must never crash the program
        log.exception("reading the review result %s failed unexpectedly", shown)
        check.add(
            "malformed",
            f"读取审核结果时出现意外错误（{type(exc).__name__}），审核结果不可信。详情已写入日志。",
        )
    if check.document is not None and not check.problems:
        _check_addressee(check, check.document, center_name, sent_packets)
    fingerprint = check.fingerprint
    if (
        fingerprint
        and pinned_fingerprint
        and plain_fingerprint(pinned_fingerprint) != plain_fingerprint(fingerprint)
    ):
        check.desk_change = DeskChange(pinned_fingerprint, fingerprint)
        check.kinds.add("other_desk")
    return check


PACKET_NOT_RESULT = (
    "审核结果格式不对：这是中心报送的材料包，不是审核结果。"
    "审核单位返回的审核结果，文件名是“中心名称-2026年度审核结果.zip”这样的。"
)


def _is_packet(data: bytes) -> bool:
    """A center's packet picked by mistake (it has answers and a pack): said so, not called damaged."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False
    return {"answers.json", "criteria-pack.json", "manifest.json"} <= names


def _damaged(problem: str) -> str:
    """A file that cannot be read as the writer wrote it was changed or damaged on its way: say so first."""
    return problem if "改动" in problem else f"审核结果被改动过或已损坏：{problem}"


def _read(source: ReviewSource) -> bytes:
    """The whole file (it is small): read once, so what is checked is what is hashed."""
    if isinstance(source, bytes):
        if len(source) > LIMITS.max_archive_bytes:
            raise SignedZipError("审核结果太大，不像是 dqsa 审核结果。")
        return source
    path = Path(source)
    try:
        if path.stat().st_size > LIMITS.max_archive_bytes:
            raise SignedZipError("审核结果太大，不像是 dqsa 审核结果。")
        with path.open("rb") as handle:
            return handle.read(LIMITS.max_archive_bytes + 1)
    except FileNotFoundError:
        raise SignedZipError(f"找不到审核结果：{path}") from None
    except IsADirectoryError:
        raise SignedZipError(f"{path} 是文件夹，不是审核结果。") from None
    except PermissionError:
        raise SignedZipError(f"没有权限读取审核结果：{path}") from None
    except OSError as exc:
        raise SignedZipError(f"读取失败：{path}（{exc.strerror or exc}）") from None


def _check(archive: zipfile.ZipFile, check: ReviewCheck, now: datetime | None) -> None:
    members = safe_members(archive, LIMITS)
    signature = read_signature(archive, members, LIMITS.noun)
    check.fingerprint, check.certificate_der = signature.fingerprint, signature.certificate_der
    check.add("changed", *(f"审核结果被改动过：{p}" for p in signature.problems))
    if signature.certificate_pem != canonical_pem(signature.certificate_der):
        check.add("changed", "审核结果被改动过：certificate.pem 不是写出时的样子")
    try:
        manifest = parse_review_manifest(signature.manifest)
    except ReviewFormatError as exc:
        check.add("malformed", *exc.problems)
        return
    check.manifest = manifest
    if manifest.certificate_fingerprint != signature.fingerprint:
        check.add(
            "changed", "审核结果被改动过：清单中记录的证书指纹与 certificate.pem 不一致（证书被替换？）"
        )
    hold = {REVIEW_NAME: MAX_REVIEW_BYTES, REVIEW_PDF_NAME: LIMITS.max_member_bytes}
    members_check = check_members(archive, members, manifest.files, LIMITS, hold=hold)
    check.add("changed", *(_damaged(p) for p in members_check.problems))
    review = members_check.held.get(REVIEW_NAME)
    pdf = members_check.held.get(REVIEW_PDF_NAME)
    if review is not None:
        check.review_json = review
        try:
            check.document = parse_review(review)
        except ReviewFormatError as exc:
            check.add("malformed", *exc.problems)
    if check.document is not None and check.document.desk.name != manifest.desk.name:
        check.add("malformed", "审核结果格式不对：review.json 中的 desk.name 与清单中的审核单位不一致")
    check.add("malformed", *_times(manifest, check.document, now))
    if pdf is not None and not check.problems:
        check.pdf = pdf
        _check_pdf(pdf, signature.certificate_der, check)


def _times(manifest: ReviewManifest, document: ReviewDocument | None, now: datetime | None) -> list[str]:
    moment = now or datetime.now().astimezone()
    problems = []
    if manifest.signed_at - moment > FUTURE_TOLERANCE:
        problems.append(
            f"审核结果的签署时间 {wording.datetime_text(manifest.signed_at, zone=True)} 在未来（晚于现在超过一天）："
            "签署时间不可信，审核单位电脑的时钟或文件有误"
        )
    if document is not None and document.reviewed_at - manifest.signed_at > FUTURE_TOLERANCE:
        problems.append("审核结果格式不对：审核时间（reviewed_at）晚于签署时间")
    return problems


def _check_pdf(pdf: bytes, certificate_der: bytes, check: ReviewCheck) -> None:
    from dqsa.export.pdfsign import check_pdf_signature

    try:
        result = check_pdf_signature(pdf, certificate_der, noun="审核结果")
    except Exception as exc:  # pyHanko on a hostile PDF: refused, the details go to the log
        log.warning("checking the review result's PDF signature failed", exc_info=True)
        check.add(
            "changed",
            f"审核结果被改动过或已损坏：{REVIEW_PDF_NAME} 无法校验（{type(exc).__name__}），详情已写入日志",
        )
        return
    if not result.ok:
        check.add("changed", f"审核结果被改动过：{REVIEW_PDF_NAME}：{result.problem}")


def _check_addressee(
    check: ReviewCheck, document: ReviewDocument, center_name: str, sent_packets: Collection[str]
) -> None:
    """The result must be for this center, and about a packet this center sent."""
    said = document.center.name
    if " ".join(said.split()) != " ".join(center_name.split()):
        check.add(
            "other_center",
            f"这份审核结果是给“{said}”的，不是本中心（“{center_name}”）的：不能导入。"
            "请确认收到的文件，或请审核单位重新发送。",
        )
        return
    sent = {digest.lower() for digest in sent_packets}
    if document.packet.sha256 not in sent:
        check.add(
            "other_packet",
            f"这份审核结果针对的材料包（SHA-256 {document.packet.sha256[:16]}…，{document.year} 年度）"
            "不是本中心报送过的：本中心文件中没有这样一次签署报送。可能是冒名的材料包得到的审核结果，"
            "或者报送记录不在这个中心文件中。",
        )


# --- in words ----------------------------------------------------------------------------------------------


def describe_review(check: ReviewCheck) -> str:
    """The result of the check in plain Chinese, for a person; the first line carries the desk's fingerprint.

    Every line is escaped (:func:`wording.escaped`): nothing from the file can forge a line.
    """
    fingerprint = wording.fingerprint_text(check.fingerprint) if check.fingerprint else "（无法读取证书）"
    if check.ok:
        lines = [f"审核结果校验通过。审核单位证书指纹：{fingerprint}"]
    else:
        lines = [f"审核结果未通过校验。审核单位证书指纹：{fingerprint}"]
        lines += [f"  - {problem}" for problem in check.problems]
        if check.desk_change is not None:
            lines.append(f"  - {check.desk_change.message}")
    document = check.document
    if document is not None:
        from dqsa.domain.rollup import REVIEW_LABELS, ReviewState

        lines += [
            f"审核单位：{document.desk.name}",
            f"中心：{document.center.name}　年度：{document.year}　评分标准：{document.pack.title}（版本 {document.pack.version}）",
            f"审核结论：{REVIEW_LABELS[ReviewState(document.state)]}　审核人：{document.reviewer.name}（{document.reviewer.title}）",
        ]
    return "\n".join(wording.escaped(line) for line in lines)
