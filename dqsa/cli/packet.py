"""Subcommands on signed packets: export, verify, import-packet; and the signing identity's backups."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dqsa.cli.common import (
    EXIT_FAILED,
    EXIT_INVALID,
    EXIT_OK,
    Command,
    open_store,
    passphrase,
    passphrase_argument,
)

if TYPE_CHECKING:
    from dqsa.export.identity import IdentityChange

# --- export -------------------------------------------------------------------------------------


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True, help="材料包保存到的文件夹")
    parser.add_argument("--signer", required=True, help="签署人姓名")
    parser.add_argument("--title", required=True, help="签署人职务")
    passphrase_argument(parser)
    parser.add_argument(
        "--allow-missing-measures",
        action="store_true",
        help="有未得满分的条目没有填写改进措施时仍然导出（报告中标为“缺”）",
    )
    parser.add_argument(
        "--new-identity",
        action="store_true",
        help="找不到签署私钥又没有备份时：新建签署身份（上级会看到新的证书指纹，需告知上级）",
    )


def _export(args: argparse.Namespace) -> int:
    from dqsa.export.identity import IdentityMissing
    from dqsa.export.packet import export_packet, read_only_export_message
    from dqsa.export.wording import fingerprint_text, item_label
    from dqsa.settings import load_settings

    with open_store(args.db) as store:
        if store.read_only:  # said before the passphrase is asked: the signing could not be recorded
            print(read_only_export_message(store.read_only), file=sys.stderr)
            return EXIT_FAILED
        card, pack = store.scorecard(args.year), store.pack_for(args.year)
    missing = card.without_measures
    if missing:
        stream = sys.stdout if args.allow_missing_measures else sys.stderr
        print(f"以下 {len(missing)} 个未得满分的条目没有填写改进措施：", file=stream)
        for item_id in missing:
            print(f"  - {item_label(pack, item_id)}（{item_id}）", file=stream)
        if not args.allow_missing_measures:
            print(
                "请先填写改进措施；如确需先报送，请加 --allow-missing-measures（报告中这些条目标为“缺”）。",
                file=sys.stderr,
            )
            return EXIT_INVALID
    secret = passphrase(args)
    with open_store(args.db) as store:
        try:
            result = export_packet(
                store,
                args.year,
                signer_name=args.signer,
                signer_title=args.title,
                passphrase=secret,
                out_dir=args.out,
                font_setting=load_settings().pdf_font or None,
                new_identity=args.new_identity,
            )
        except IdentityMissing as exc:
            print(f"{exc}\n没有导出。", file=sys.stderr)  # the message names the window's and these commands
            return EXIT_FAILED
    event = result.identity_event
    if event is not None and event.kind == "replaced":
        old = fingerprint_text(event.old_fingerprint) if event.old_fingerprint else "（未记录）"
        print(f"已新建签署身份，代替证书指纹 {old}：请告知上级以新指纹为准。")
    elif result.created_identity:
        print("首次签署：已为本中心建立签署身份（证书）。")
    print(f"材料包：{result.path}（{result.size / 1024 / 1024:.1f} MB）")
    print(f"材料包 SHA-256：{result.sha256}")
    print(f"证书指纹：{fingerprint_text(result.fingerprint)}")
    print(f"（清单中的写法：{result.fingerprint}）")
    print("中心文件已记下这次报送的内容；本年度现在只能查看，如需修改请先选择“修改（需重新报送）”。")
    return EXIT_OK


# --- verify -------------------------------------------------------------------------------------


def _verify_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("packet", type=Path)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--fingerprint", help="预期的证书指纹（与以往报送的核对）")


def _verify(args: argparse.Namespace) -> int:
    from dqsa.export.verify import describe, verify_packet

    verification = verify_packet(args.packet, expected_fingerprint=args.fingerprint)
    if args.json:
        print(json.dumps(verification.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(describe(verification))
    return EXIT_OK if verification.ok else EXIT_FAILED


# --- import-packet ------------------------------------------------------------------------------


def _import_packet_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("packet", type=Path)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument(
        "--accept-new-identity",
        action="store_true",
        help="接受与本中心文件以往签署不同的证书指纹（请先向该中心核实新指纹）",
    )


def _import_packet(args: argparse.Namespace) -> int:
    from dqsa.export.restore import finish_import, prepare_import
    from dqsa.export.verify import describe, fingerprint_text
    from dqsa.store.service import CenterStore

    prepared = prepare_import(args.packet)  # everything checked before the center file is opened
    print(f"材料包的证书指纹：{fingerprint_text(prepared.fingerprint)}")
    if not prepared.ok:
        if not prepared.verification.ok:
            print(describe(prepared.verification), file=sys.stderr)
        else:
            print("材料包的内容有问题：", file=sys.stderr)
            for problem in prepared.problems:
                print(f"  - {problem}", file=sys.stderr)
        print("材料包未通过校验，没有导入。", file=sys.stderr)
        return EXIT_FAILED
    created = not args.db.exists()
    store = CenterStore.open(args.db, create=True)
    try:
        result = finish_import(prepared, store, accept_new_identity=args.accept_new_identity)
    finally:
        store.close(discard_if_empty=True)  # a file made here for a refused import is not left behind
    if not result.ok:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print("没有导入。", file=sys.stderr)
        return EXIT_FAILED
    if result.identity_change is not None:
        print("已按您的确认接受新的签署身份，并记入中心文件。")
    summary = result.summary
    where = "新建的中心文件" if created else "中心文件"
    print(f"已从材料包恢复 {summary.get('center')} {summary.get('year')} 年度自评到{where} {args.db}")
    if result.restored is not None:
        print(f"材料包 SHA-256：{result.restored.packet_sha256}（作为已报送的内容记下，该年度只能查看）")
    return EXIT_OK


# --- identity -----------------------------------------------------------------------------------


def _identity_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="identity_command", metavar="操作", required=True)
    backup = actions.add_parser("backup", help="把签署身份备份到一个加密文件（用签署口令加密）")
    backup.add_argument("--center", required=True, help="中心名称（与中心文件中的一致）")
    backup.add_argument("--out", type=Path, required=True, help="备份文件（或保存到的文件夹）")
    passphrase_argument(backup)
    restore = actions.add_parser("restore", help="从备份文件恢复签署身份")
    restore.add_argument("backup", type=Path, help="签署身份备份文件")
    passphrase_argument(restore)
    restore.add_argument(
        "--replace", action="store_true", help="这台电脑上已有该中心的另一个签署身份时，停用它并改用备份中的"
    )
    restore.add_argument("--db", type=Path, help="把这次恢复记入这个中心文件（签署身份的变化都带日期记录）")


def _identity(args: argparse.Namespace) -> int:
    from dqsa.export.identity_backup import backup_identity, read_backup, restore_identity
    from dqsa.export.wording import fingerprint_text

    if args.identity_command == "backup":
        info = backup_identity(args.center, passphrase(args), args.out)
        print(f"已把“{info.center_name}”的签署身份备份到：{info.path}")
        print(f"证书指纹：{fingerprint_text(info.fingerprint)}")  # in groups of four, as on the cover
        print("备份文件用签署口令加密：请把它和口令分开保管（例如存到单位的 U 盘），不要随材料包发出。")
        return EXIT_OK
    info = read_backup(args.backup)
    print(
        f"备份中的签署身份：{info.center_name}　证书指纹：{fingerprint_text(info.fingerprint)}"
        f"　备份时间：{_when_text(info.created)}"
    )
    identity = restore_identity(args.backup, passphrase(args), replace_current=args.replace)
    change = identity.change
    if change is not None and change.old_fingerprint and change.old_fingerprint != identity.fingerprint:
        print(f"原来的签署身份（证书指纹 {fingerprint_text(change.old_fingerprint)}）已停用并保留。")
    print(f"已恢复“{identity.center_name}”的签署身份，证书指纹：{fingerprint_text(identity.fingerprint)}")
    if args.db is not None:
        _record_restore(args.db, change)
    return EXIT_OK


def _when_text(iso: str) -> str:
    """A backup's ISO time as the report writes times (``2026年11月30日 14:05（UTC+08:00）``)."""
    from datetime import datetime

    from dqsa.export.wording import datetime_text

    try:
        return datetime_text(datetime.fromisoformat(iso), zone=True)
    except ValueError:
        return iso or "（未记录）"


def _record_restore(db: Path, change: IdentityChange | None) -> None:
    """Record a restored identity in the center file it belongs to (its center's name must match)."""
    from dqsa.export.identity_log import identity_record

    with open_store(db) as store:
        center = store.center()
        if center is None or change is None or change.center_name != center.name:
            print(f"中心文件 {db} 不是这个中心的，没有记录这次恢复。", file=sys.stderr)
            return
        event = identity_record(change, file_fingerprints=store.signed_fingerprints())
        if event is not None:
            store.record_identity_event(event)
            print(f"已把这次恢复记入中心文件 {db}。")


COMMANDS = [
    Command("export", "导出签署过的材料包（PDF、Excel、答卷、证明材料）", _export_arguments, _export),
    Command("verify", "校验收到的材料包", _verify_arguments, _verify),
    Command(
        "import-packet", "从材料包恢复一个年度的自评（先校验）", _import_packet_arguments, _import_packet
    ),
    Command("identity", "备份或恢复本中心的签署身份（换电脑时使用）", _identity_arguments, _identity),
]
