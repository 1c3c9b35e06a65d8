"""``dqsa criteria``: list, show and check criteria packs."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from dqsa.cli.common import EXIT_OK, Command

if TYPE_CHECKING:
    from dqsa.domain.criteria import CriteriaPack


def _arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="criteria_command", metavar="操作", required=True)
    actions.add_parser("list", help="列出程序自带的标准包")
    show = actions.add_parser("show", help="显示一个标准包的全部条目")
    show.add_argument("pack", help="标准包编号，如 huzhou-social-org")
    show.add_argument("--json", action="store_true", help="输出 JSON")
    check = actions.add_parser("check", help="检查一个标准包文件是否有效")
    check.add_argument("file", type=Path)


def _run(args: argparse.Namespace) -> int:
    from dqsa.domain.criteria import PACK_SCHEMA
    from dqsa.packs import bundled_packs, find_pack, read_pack_file

    if args.criteria_command == "list":
        for pack in bundled_packs().values():
            kind = "计分" if pack.kind == "scored" else "核查清单"
            items = sum(1 for _ in pack.items())
            print(f"{pack.id}  {pack.version}  {kind}  {items} 项  {pack.title}")
        return EXIT_OK
    if args.criteria_command == "show":
        pack = find_pack(args.pack)
        if args.json:
            print(json.dumps(pack.model_dump(mode="json", by_alias=True), ensure_ascii=False, indent=2))
        else:
            print_pack(pack)
        return EXIT_OK
    read = read_pack_file(args.file)
    pack = read.pack
    items = sum(1 for _ in pack.items())
    print(f"有效：{pack.id} {pack.version}，{len(pack.tables)} 张表，{items} 个条目")
    if read.upgraded:
        reference = bundled_packs().get(pack.id)
        lasting = (
            f"哪些内容长期不变取自程序自带的同编号标准包（{reference.version}）"
            if reference is not None
            else "程序没有同编号的标准包，全部内容按每年重新填写处理"
        )
        print(
            f"注意：这是旧格式（{read.written_format}）的标准包，读取时已升级为 {PACK_SCHEMA}："
            f"目录、名单人数、满意率等按旧版程序的规则补齐，{lasting}。"
        )
        print(f"按文件原样计算的摘要（SHA-256）：{read.written_digest}")
        print(f"升级后的内容摘要（SHA-256）：{pack.content_hash()}")
    else:
        print(f"内容摘要（SHA-256）：{pack.content_hash()}")
    return EXIT_OK


def print_pack(pack: CriteriaPack) -> None:
    from dqsa.export.wording import fmt

    source = pack.source
    print(f"{pack.title}（{pack.id} {pack.version}）")
    print(f"来源：{source.document} · {source.part}")
    if source.kind == "explanatory_note":
        print("注意：依据编制说明整理，不是正式发布的标准。")
    print("级别：" + "、".join(f"{lv.label}({lv.code})" for lv in pack.levels))
    for table in pack.tables:
        points = f"  {fmt(table.max_points)} 分" if table.max_points else ""
        print(f"\n{table.title}{points}")
        for section in table.sections:
            points = f"  {fmt(section.max_points)} 分" if section.max_points else ""
            print(f"  {section.title}{points}")
            for item in section.items:
                points = f"[{fmt(item.max_points)}分] " if item.max_points else ""
                print(f"    {item.id:<14} {points}{item.text}")


COMMANDS = [Command("criteria", "查看或检查评分标准包", _arguments, _run)]
