"""The desk signs and writes a review result (审核结果, ``dqsa-review/1``) for one center's year.

:func:`return_review` is the one call for the command line (``dqsa desk return``) and the
desk window (from a worker thread, with ``progress``)::

    from dqsa.export.review_return import return_review
    result = return_review(desk, packet_id, signer_name=…, signer_title=…, passphrase=…,
                           out_dir=folder, progress=lambda percent, text: …)
    result.path, result.sha256, result.fingerprint, result.created_identity

Steps: the review is read in one transaction (:meth:`DeskStore.return_snapshot`); the
desk's own signing identity is opened (made on the first result; keyed by the desk file's
own id; its fingerprint pinned in the desk file, a different one refused unless
``new_identity`` says so, and every change recorded); ``review.json`` and the short PDF
are made, the PDF PAdES-signed; the signed zip is written through a temporary file
(:mod:`dqsa.export.signed_zip`); the desk file records the result (when, digest, state,
``review.json`` as signed). A desk open read-only is refused before anything is made.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dqsa import __version__
from dqsa.export import wording
from dqsa.export.review_format import REVIEW_FORMAT, REVIEW_NAME, REVIEW_PDF_NAME

if TYPE_CHECKING:
    from dqsa.export.identity import SigningIdentity
    from dqsa.export.review_report import Signing
    from dqsa.store.desk.returns import ReturnRecord, ReturnSnapshot
    from dqsa.store.desk.service import DeskStore

#: progress(percent, text), as the packet export's.
Progress = Callable[[int, str], None]


@dataclass(frozen=True)
class ReturnResult:
    """Where the result went and what it was signed with."""

    path: Path
    size: int
    sha256: str
    fingerprint: str
    #: The desk's signing identity was made by this call (its first result, or ``new_identity``).
    created_identity: bool
    signed_at: datetime
    record: ReturnRecord


def result_file_name(center_name: str, year: int) -> str:
    """``<center>-<year>年度审核结果.zip``."""
    from dqsa.export.packet import safe_file_name

    return f"{safe_file_name(center_name)}-{year}年度审核结果.zip"


def return_review(
    desk: DeskStore,
    packet_id: int,
    *,
    signer_name: str,
    signer_title: str,
    passphrase: str,
    out_dir: Path,
    new_identity: bool = False,
    font_setting: str | None = None,
    progress: Progress | None = None,
) -> ReturnResult:
    """Sign and write the review result of a counted packet; record it in the desk file.

    Raises :class:`~dqsa.domain.errors.InvalidInput` (signer; a held or superseded packet),
    :class:`~dqsa.store.errors.ReadOnlyFile` (before anything is made),
    :class:`~dqsa.export.identity.IdentityError` and its kinds (wrong passphrase, missing key),
    :class:`~dqsa.store.desk.returns.SigningConflict` (a key that is not the pinned one),
    :class:`~dqsa.export.fonts.FontNotFound`, :class:`~dqsa.store.errors.SaveFailed` (the
    folder or the desk cannot be written) — each with a Chinese message.
    """
    from dqsa.export.fonts import find_cjk_font, report_fonts
    from dqsa.export.pdfsign import StampText, sign_pdf
    from dqsa.export.review_report import Signing, build_result_pdf
    from dqsa.export.signed_zip import file_entries, manifest_bytes
    from dqsa.store.errors import ReadOnlyFile

    step = progress or (lambda percent, text: None)
    from dqsa.domain.signer import check_signer

    name, title = check_signer(signer_name, signer_title)
    if desk.read_only:
        raise ReadOnlyFile(
            "审核台账以只读方式打开，不能签署审核结果：签署后要在台账中记下返回的结果，但现在无法写入。\n"
            + desk.read_only,
            path=desk.path,
            pending="签署审核结果",
        )
    step(5, "读取审核内容")
    snapshot = desk.return_snapshot(packet_id)
    step(15, "打开本台账的签署身份")
    identity, created = open_desk_identity(desk, passphrase, new_identity=new_identity)
    fonts = report_fonts(find_cjk_font(_font_setting(font_setting)))
    signed_at = datetime.now().astimezone().replace(microsecond=0)
    signing = Signing(name, title, signed_at, identity.fingerprint)
    step(30, "生成审核结果")
    review = review_json(snapshot, signing)
    step(45, "生成 PDF")
    pdf = build_result_pdf(snapshot, signing, fonts)
    step(70, "数字签名")
    signed_pdf = sign_pdf(
        pdf.data,
        identity,
        page=pdf.signature_page,
        box=pdf.signature_box,
        text=StampText(name, title, signed_at, identity.fingerprint),
        fonts=fonts,
        reason="党群服务中心年度自评审核结果",
    )
    step(85, "写入审核结果")
    files = {REVIEW_NAME: review, REVIEW_PDF_NAME: signed_pdf}
    manifest = manifest_bytes(
        {
            "format": REVIEW_FORMAT,
            "program": f"dqsa {__version__}",
            "files": file_entries(files),
            "certificate_fingerprint": identity.fingerprint,
            "signed_at": wording.iso_timestamp(signed_at),
            "desk": {"name": snapshot.desk_name},
        }
    )
    packet = snapshot.packet
    target = Path(out_dir) / result_file_name(packet.center_name, packet.year)
    sha256, size = _write(target, files, manifest, identity)
    step(95, "记入台账")
    record = _record(desk, snapshot, target, sha256, size, signing, review)
    step(100, "完成")
    return ReturnResult(target, size, sha256, identity.fingerprint, created, signed_at, record)


def _font_setting(given: str | None) -> str | None:
    if given is not None:
        return given
    from dqsa.settings import load_settings

    return load_settings().pdf_font or None


def _write(
    target: Path, files: dict[str, bytes], manifest: bytes, identity: SigningIdentity
) -> tuple[str, int]:
    from dqsa.export.signed_zip import seal_and_write
    from dqsa.store.errors import SaveFailed

    try:
        return seal_and_write(target, files, manifest, identity, prefix=".review-", store_all=True)
    except OSError as exc:
        raise SaveFailed(
            f"无法把审核结果写到 {target.parent}（{_why_not_written(exc)}），没有写出文件，台账也没有记录。"
            "请换一个可以写入的文件夹（例如桌面或 U 盘）再试。",
            path=target,
            pending="写出审核结果",
        ) from exc


def _why_not_written(exc: OSError) -> str:
    """The cause in words a reviewer understands (the system's own text is English on most machines)."""
    import errno

    if exc.errno in {errno.ENOSPC, errno.EDQUOT}:
        return "磁盘空间已满"
    if exc.errno in {errno.EROFS, errno.EACCES, errno.EPERM}:
        return "文件夹只读或没有写入权限，或同名文件正被别的程序打开"
    if exc.errno in {errno.ENOENT, errno.ENOTDIR}:
        return "文件夹不存在"
    return exc.strerror or str(exc)


def _record(
    desk: DeskStore,
    snapshot: ReturnSnapshot,
    target: Path,
    sha256: str,
    size: int,
    signing: Signing,
    review: bytes,
) -> ReturnRecord:
    from dqsa.store.desk.returns import NewReturn
    from dqsa.store.errors import SaveFailed, StoreError

    try:
        return desk.record_return(
            NewReturn(
                packet_id=snapshot.packet.id,
                returned_at=signing.signed_at.replace(tzinfo=None),  # the desk keeps local times
                sha256=sha256,
                size=size,
                file_name=target.name,
                state=snapshot.review.state,
                signer_name=signing.name,
                signer_title=signing.title,
                fingerprint=signing.fingerprint,
                review_json=review.decode("utf-8"),
            )
        )
    except StoreError as exc:
        raise SaveFailed(
            f"审核结果已写出到 {target}，但台账没有记下这次返回（{exc}）。文件本身是完整有效的。",
            path=desk.path,
            pending="记录审核结果",
        ) from exc


# --- the identity -----------------------------------------------------------------------------------------


def open_desk_identity(
    desk: DeskStore, passphrase: str, *, new_identity: bool = False
) -> tuple[SigningIdentity, bool]:
    """The desk's signing identity, made on its first result; pinned in the desk file. (identity, created)

    A key whose fingerprint is not the one the desk pinned is never used silently
    (:class:`~dqsa.store.desk.returns.SigningConflict`); a lost key raises
    :class:`~dqsa.export.identity.IdentityMissing`. ``new_identity`` makes a new one on
    purpose (the old stays retired beside it): the desk file records the change, and every
    center will see a new fingerprint.
    """
    from dqsa.export.identity import create_identity, desk_owner, open_or_create_identity

    signing = desk.signing()
    owner = desk_owner(signing.uid, signing.name)
    if new_identity:
        identity = create_identity(owner, passphrase, replace=True)
        desk.pin_signing_identity(identity.fingerprint, replaced=True, note="新建签署身份")
        return identity, True
    identity, created = open_or_create_identity(
        owner, passphrase, known_fingerprints=signing.known_fingerprints
    )
    desk.pin_signing_identity(identity.fingerprint)
    return identity, created


# --- review.json ------------------------------------------------------------------------------------------------


def review_json(snapshot: ReturnSnapshot, signing: Signing) -> bytes:
    """``review.json`` as docs/审核结果格式.md describes it: UTF-8, sorted keys, numbers as JSON numbers."""
    return (
        json.dumps(review_data(snapshot, signing), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    ).encode("utf-8")


def review_data(snapshot: ReturnSnapshot, signing: Signing) -> dict[str, Any]:
    """The result as plain data: every item of the pack, in its order (see :func:`review_json`)."""
    packet, review, submission = snapshot.packet, snapshot.review, snapshot.submission
    checklist = packet.checklist
    items = []
    for row in snapshot.sheet:
        given = row.review
        own: int | float | None
        reviewed: int | float | None
        if checklist:
            own = (1 if row.score >= row.max_points else 0) if row.applicable else None
            status = given.verdict.value if given is not None else None
            reviewed = None if given is None or given.score is None else (1 if given.score >= 1 else 0)
        else:
            own = wording.json_number(row.score) if row.applicable else None
            status = None
            reviewed = wording.json_number(given.score) if given is not None else None
        items.append(
            {
                "id": row.item_id,
                "self": own,
                "reviewed": reviewed,
                "status": status,
                "reason": given.reason if given is not None else "",
            }
        )
    updated = review.updated_at
    return {
        "format": REVIEW_FORMAT,
        "desk": {"name": snapshot.desk_name},
        "center": {"name": packet.center_name, "level": packet.level, "region": packet.region},
        "year": packet.year,
        "pack": {
            "id": packet.standard.pack_id,
            "version": packet.standard.version,
            "kind": packet.standard.kind,
            "title": packet.standard.title,
        },
        "packet": {
            "sha256": packet.sha256,
            "fingerprint": packet.fingerprint,
            "signed_at": packet.signed_at.replace(microsecond=0).isoformat(),
        },
        "state": review.state.value,
        "comment": review.comment,
        "reviewer": {"name": signing.name, "title": signing.title},
        "reviewed_at": wording.iso_timestamp(updated if updated is not None else signing.signed_at),
        "totals": {
            "self": wording.json_number(packet.total),
            "reviewed": wording.json_number(submission.reviewed_total),
            "max": wording.json_number(packet.max_total),
        },
        "items": items,
    }
