"""The review result from the level above, on the center's side: import-review; ``score --json``'s ``review``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dqsa.cli.common import EXIT_FAILED, EXIT_OK, Command, open_store

if TYPE_CHECKING:
    from dqsa.store.reviews import ReviewRecord


def _import_review_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("result", type=Path, help="审核单位返回的审核结果（中心名称-年度审核结果.zip）")
    parser.add_argument("--db", type=Path, required=True, help="中心文件（.dqsa）")
    parser.add_argument(
        "--accept-new-reviewer",
        action="store_true",
        help="审核结果由与以往不同的审核单位证书签署时仍然导入（请先向审核单位核实新指纹；记入历史）",
    )


def _import_review(args: argparse.Namespace) -> int:
    from dqsa.export.review_import import KIND_WORDS, check_review_file, imported_lines, keep_review
    from dqsa.export.wording import escaped, fingerprint_text
    from dqsa.store.reviews import ReviewRefused

    with open_store(args.db) as store:
        prepared = check_review_file(args.result, store)
        if prepared.refusal:
            print(prepared.headline(), file=sys.stderr)
            print(prepared.refusal, file=sys.stderr)
            return EXIT_FAILED
        if prepared.desk_change and not args.accept_new_reviewer:
            change = prepared.check.desk_change if prepared.check else None
            assert change is not None
            print(prepared.headline(), file=sys.stderr)
            print(escaped(f"审核单位：{prepared.desk_name}"), file=sys.stderr)
            print(f"本中心登记的审核单位证书指纹：{fingerprint_text(change.pinned)}", file=sys.stderr)
            print(f"这份审核结果的证书指纹：　　　{fingerprint_text(change.new)}", file=sys.stderr)
            print(
                "可能是审核单位换了签署身份，也可能是冒名的审核结果。请先用电话等方式向审核单位核实新指纹；"
                "确认无误后，加 --accept-new-reviewer 再导入一次（会记入历史）。",
                file=sys.stderr,
            )
            return EXIT_FAILED
        try:
            imported = keep_review(prepared, store, accept_new_reviewer=args.accept_new_reviewer)
        except ReviewRefused as exc:
            print(f"没有导入：{KIND_WORDS.get(exc.kind, '审核结果不能导入')}。", file=sys.stderr)
            print(str(exc), file=sys.stderr)
            return EXIT_FAILED
    for line in imported_lines(imported):
        print(line)
    return EXIT_OK


def review_to_dict(record: ReviewRecord | None) -> dict[str, Any] | None:
    """The review shown for a year as JSON data (``dqsa score --json``'s ``review``); None when none."""
    from dqsa.export.wording import json_number

    if record is None:
        return None
    return {
        "state": record.state,
        "label": record.label,
        "comment": record.comment,
        "reviewer": {"name": record.reviewer_name, "title": record.reviewer_title},
        "reviewed_at": record.reviewed_at.isoformat(),
        "signed_at": record.signed_at.isoformat(),
        "desk": {"name": record.desk_name, "fingerprint": record.desk_fingerprint},
        "packet_sha256": record.packet_sha256,
        "refers_to_version_sent": record.sent_number,
        "changed_since": record.outdated,
        "totals": {
            "self": json_number(record.total_self),
            "reviewed": json_number(record.total_reviewed),
            "max": json_number(record.total_max),
        },
        "items": [
            {
                "id": item.item_id,
                "self": json_number(item.self_score),
                "reviewed": json_number(item.reviewed),
                "status": item.status,
                "reason": item.reason,
            }
            for item in record.items
        ],
        "result_sha256": record.result_sha256,
    }


COMMANDS = [
    Command(
        "import-review",
        "导入上级返回的审核结果（先校验签名和审核单位证书指纹）",
        _import_review_arguments,
        _import_review,
    ),
]


def render_review(record: ReviewRecord) -> str:
    """The review shown for a year, for the terminal (``dqsa score --db``)."""
    from dqsa.export.wording import datetime_text, escaped, fingerprint_text, fmt

    checklist = record.pack_kind == "checklist"
    unit = "项" if checklist else "分"
    lines = [
        f"上级审核：{record.label}（{record.desk_name}，{record.reviewer_name}，{datetime_text(record.reviewed_at)}）",
        f"  审核单位证书指纹：{fingerprint_text(record.desk_fingerprint)}",
        f"  自评 {fmt(record.total_self)} {unit}，复核 {fmt(record.total_reviewed)} {unit}（{'适用' if checklist else '满分'} {fmt(record.total_max)}）",
    ]
    if record.comment:
        lines.append("  审核意见：" + record.comment.replace("\n", " / "))
    for item in record.items:
        if not item.kept:
            reason = f"：{item.reason}" if item.reason else ""
            own = "—" if item.self_score is None else fmt(item.self_score)
            lines.append(f"  {item.item_id}  自评 {own} → 复核 {item.shown()}{reason}")
    if record.outdated:
        lines.append("  注意：审核结果针对的是之前报送的版本，本年度之后又修改或重新报送过。")
    return "\n".join(escaped(line) for line in lines)
