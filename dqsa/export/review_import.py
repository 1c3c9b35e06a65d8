"""Taking a review result (审核结果) into the center file: checked first, then kept in one transaction.

The one path for ``dqsa import-review`` and 文件 → 导入审核结果::

    prepared = check_review_file(path, store)       # reads and checks; writes nothing
    if prepared.refusal: say it (prepared.kinds says which); stop
    if prepared.desk_change: ask, or --accept-new-reviewer
    imported = keep_review(prepared, store, accept_new_reviewer=…)   # ReviewRefused: nothing kept

The file is checked by :func:`dqsa.export.review_read.read_review_result` (signature,
digests, format, addressee, the pinned desk); the store checks what only the file knows
(the packet sent, its year, center and pack) in the transaction that keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from dqsa.export import wording
from dqsa.export.review_read import ReviewCheck, describe_review, read_review_result

if TYPE_CHECKING:
    from dqsa.export.review_format import ReviewDocument
    from dqsa.store.reviews import ImportedReview, ReceivedReview
    from dqsa.store.service import CenterStore

#: Each kind of refusal in a few words, for the line that says which.
KIND_WORDS: dict[str, str] = {
    "changed": "审核结果被改动过或已损坏",
    "malformed": "不是审核结果，或格式不对",
    "other_center": "这是给别的中心的审核结果",
    "other_packet": "它针对的材料包不是本中心报送的",
    "other_year": "年度与本中心报送的材料包不一致",
    "other_pack": "评分标准与本中心报送时所用的不同",
    "other_desk": "由另一个审核单位证书签署",
    "read_only": "中心文件只读，不能保存",
}
ORDER = (
    "read_only",
    "changed",
    "malformed",
    "other_center",
    "other_packet",
    "other_year",
    "other_pack",
    "other_desk",
)


@dataclass
class PreparedReview:
    """A result file read and checked against the open center file; nothing written yet."""

    path: Path
    check: ReviewCheck | None = None
    received: ReceivedReview | None = None
    kinds: set[str] = field(default_factory=set)
    #: Why it cannot be imported, in words (empty when it can, or needs only the new desk accepted).
    refusal: str = ""
    #: The desk certificate pinned (None before the first result).
    pinned: str | None = None

    @property
    def desk_change(self) -> bool:
        return self.check is not None and self.check.desk_change is not None

    @property
    def importable(self) -> bool:
        return not self.refusal and self.received is not None

    @property
    def fingerprint(self) -> str | None:
        return self.check.fingerprint if self.check is not None else None

    @property
    def desk_name(self) -> str:
        document = self.check.document if self.check is not None else None
        return document.desk.name if document is not None else ""

    def headline(self) -> str:
        """Which check refused it, in a few words ("没有导入：审核结果被改动过或已损坏")."""
        named = [KIND_WORDS[k] for k in ORDER if k in self.kinds]
        return "没有导入：" + "；".join(named) + "。" if named else ""


def check_review_file(path: Path, store: CenterStore) -> PreparedReview:
    """Read ``path`` and check it against ``store`` (the center, the packets sent, the pinned desk)."""
    prepared = PreparedReview(Path(path))
    if store.read_only:
        prepared.kinds.add("read_only")
        prepared.refusal = f"中心文件现在以只读方式打开，不能保存审核结果，没有导入。\n{store.read_only}"
        return prepared
    center = store.center()
    pinned = store.pinned_reviewer()
    prepared.pinned = pinned.fingerprint if pinned is not None else None
    check = read_review_result(
        path,
        center_name=center.name if center is not None else "",
        sent_packets=store.sent_packet_digests(),
        pinned_fingerprint=prepared.pinned,
    )
    if check.kinds == {"other_center"} and check.document is not None:
        # The center may have been renamed since it sent the packet: the name it sent under counts.
        sent = store.find_sent(check.document.packet.sha256)
        if sent is not None:
            sent_name = store.summary(sent.year).center_name
            if sent_name != (center.name if center is not None else ""):
                check = read_review_result(
                    path,
                    center_name=sent_name,
                    sent_packets=store.sent_packet_digests(),
                    pinned_fingerprint=prepared.pinned,
                )
    prepared.check = check
    prepared.kinds = set(check.kinds)
    if check.problems:
        prepared.refusal = describe_review(check)
        return prepared
    if check.document is None or check.manifest is None or check.sha256 is None or check.fingerprint is None:
        prepared.kinds.add("malformed")
        prepared.refusal = "审核结果无法读取，没有导入。"
        return prepared
    prepared.received = received_review(check, path)
    return prepared


def received_review(check: ReviewCheck, path: Path) -> ReceivedReview:
    """What the store keeps of a checked result."""
    from dqsa.domain.review import ReviewedItem
    from dqsa.store.reviews import ReceivedReview

    document: ReviewDocument | None = check.document
    assert document is not None and check.manifest is not None and check.sha256 and check.fingerprint
    data = check.data  # the bytes that were checked and hashed, not a second read of the file
    items = tuple(
        ReviewedItem(i.id, _decimal(i.self_score), _decimal(i.reviewed), i.status, i.reason)
        for i in document.items
    )
    return ReceivedReview(
        result_sha256=check.sha256,
        result_name=Path(path).name,
        result_zip=data,
        desk_name=document.desk.name,
        desk_fingerprint=check.fingerprint,
        center_name=document.center.name,
        year=document.year,
        pack_id=document.pack.id,
        pack_version=document.pack.version,
        pack_kind=document.pack.kind,
        packet_sha256=document.packet.sha256,
        state=document.state,
        comment=document.comment,
        reviewer_name=document.reviewer.name,
        reviewer_title=document.reviewer.title,
        reviewed_at=document.reviewed_at,
        signed_at=check.manifest.signed_at,
        total_self=_decimal(document.totals.self_score) or Decimal(0),
        total_reviewed=_decimal(document.totals.reviewed) or Decimal(0),
        total_max=_decimal(document.totals.max) or Decimal(0),
        items=items,
    )


def _decimal(value: int | float | None) -> Decimal | None:
    if value is None:
        return None
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def keep_review(
    prepared: PreparedReview, store: CenterStore, *, accept_new_reviewer: bool = False
) -> ImportedReview:
    """Keep a prepared result; :class:`~dqsa.store.reviews.ReviewRefused` when refused (nothing kept).

    The file is read again and must be byte for byte what was checked (it could have been
    replaced while a person read the question).
    """
    import hashlib

    from dqsa.store.reviews import ReviewRefused

    if prepared.received is None or prepared.refusal:
        raise ReviewRefused(
            "malformed", prepared.refusal or "审核结果没有通过校验，没有导入。", path=store.path
        )
    if prepared.desk_change and not accept_new_reviewer:
        change = prepared.check.desk_change if prepared.check is not None else None
        raise ReviewRefused(
            "other_desk",
            change.message if change is not None else "审核结果由另一个审核单位证书签署，没有导入。",
            path=store.path,
            pinned=change.pinned if change else None,
            new=change.new if change else None,
        )
    try:
        now_bytes = prepared.path.read_bytes()
    except OSError as exc:
        raise ReviewRefused(
            "changed", f"无法再次读取审核结果：{prepared.path}（{exc.strerror or exc}）", path=store.path
        ) from None
    if hashlib.sha256(now_bytes).hexdigest() != prepared.received.result_sha256:
        raise ReviewRefused(
            "changed", "审核结果在检查之后被改动或替换了，没有导入：请重新导入。", path=store.path
        )
    return store.import_review(prepared.received, accept_new_reviewer=accept_new_reviewer)


def imported_lines(imported: ImportedReview) -> list[str]:
    """What an import did, for a person: the desk, its fingerprint in groups of four, the state, the totals."""
    record = imported.record
    checklist = record.pack_kind == "checklist"
    lines = []
    if imported.duplicate:
        lines.append(
            f"这份审核结果已经导入过（{wording.datetime_text(record.imported_at)}），没有重复导入，中心文件没有改变。"
        )
    else:
        lines.append(f"已导入 {record.year} 年度审核结果。")
    lines.append(f"审核单位：{record.desk_name}")
    lines.append(f"审核单位证书指纹：{wording.fingerprint_text(record.desk_fingerprint)}")
    if imported.pinned:
        lines.append(
            "这是第一次导入该审核单位的结果：已登记这个指纹，以后指纹不同的审核结果需要确认才能导入。"
        )
    if imported.accepted_over is not None:
        lines.append(
            f"已按您的确认接受新的审核单位证书（原登记的为 {wording.fingerprint_text(imported.accepted_over)}），并记入历史。"
        )
    lines.append(
        f"审核结论：{record.label}　审核人：{record.reviewer_name}（{record.reviewer_title}）"
        f"　审核时间：{wording.datetime_text(record.reviewed_at)}"
    )
    if checklist:
        lines.append(
            f"合计：自评符合 {wording.fmt(record.total_self)} 项，复核后符合 {wording.fmt(record.total_reviewed)} 项"
            f"（适用 {wording.fmt(record.total_max)} 项）"
        )
    else:
        lines.append(
            f"合计：自评 {wording.fmt(record.total_self)} 分，复核得分 {wording.fmt(record.total_reviewed)} 分"
            f"（满分 {wording.fmt(record.total_max)}）"
        )
    changed = [i for i in record.items if not i.kept]
    if changed:
        lines.append(f"审核人改动了 {len(changed)} 个条目的得分或判定。")
    if record.comment:
        lines.append("审核意见：" + record.comment.replace("\n", " / "))
    if record.outdated:
        when = wording.datetime_text(record.sent_at) if record.sent_at else ""
        lines.append(
            f"注意：这份审核结果针对的是 {when} 报送的版本；本年度之后又修改或重新报送过，审核结果不一定反映现在的内容。"
        )
    if imported.replaced is not None:
        lines.append(f"它代替了之前显示的审核结果（{imported.replaced.label}），之前的仍保留在中心文件中。")
    elif not record.current:
        lines.append("已显示的审核结果比这一份签署得晚，仍显示已显示的那一份；这一份也保留在中心文件中。")
    if record.state == "returned":
        lines.append(
            "审核单位要求退回补充：请在程序中打开该年度，选择“按审核意见修改（需重新报送）”，补充后重新签署导出并报送。"
        )
    return [wording.escaped(line) for line in lines]
