"""``dqsa desk …``: the receiving desk (上级审核台账) on the command line.

new, roster, receive, missing, list, review, return (:mod:`dqsa.cli.desk_return`), rollup,
accept-identity, export-packet, history. Each is a thin call into :class:`~dqsa.store.desk.service.DeskStore` and
:mod:`dqsa.export.receive` / the roll-up exporters; ``--json`` gives the same as data.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dqsa.cli.common import EXIT_FAILED, EXIT_OK, Command, UsageError, pad

if TYPE_CHECKING:
    from dqsa.store.desk.records import ListRow, Receipt
    from dqsa.store.desk.service import DeskStore


def _open(path: Path) -> DeskStore:
    """An existing desk file (never created here)."""
    from dqsa.store.desk.service import DeskStore

    return DeskStore.open(path)


def _num(value: Decimal | None) -> int | float | None:
    from dqsa.export.wording import json_number

    return json_number(value)


def _fmt(value: Decimal | None) -> str:
    from dqsa.domain.numbers import fmt

    return "—" if value is None else fmt(value)


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


# --- the actions ------------------------------------------------------------------------------------------


def _new(args: argparse.Namespace) -> int:
    from dqsa.store.desk.service import DeskStore

    with DeskStore.create(args.file, args.name) as desk:
        info = desk.info()
    print(f"已新建审核台账：{info.path}（{info.name}）")
    print(f"收到的材料包将原样保存在旁边的文件夹：{info.packets_folder}")
    print("台账文件和这个文件夹要一起移动、一起备份。")
    return EXIT_OK


def _roster(args: argparse.Namespace) -> int:
    from dqsa.export.roster_file import read_roster

    rows = read_roster(args.roster)
    with _open(args.file) as desk:
        result = desk.import_roster(rows)
        size = len(desk.roster())
    if args.json:
        _print_json(
            {"added": result.added, "updated": result.updated, "unchanged": result.unchanged, "roster": size}
        )
    else:
        print(
            f"已导入名册：新增 {result.added} 个，更新 {result.updated} 个，"
            f"未变 {result.unchanged} 个；名册共 {size} 个中心。"
        )
    return EXIT_OK


def _receive(args: argparse.Namespace) -> int:
    from dqsa.export.receive import receive_paths

    def progress(done: int, total: int, name: str) -> None:
        if not args.json and total >= 20 and done and done % 20 == 0:
            print(f"  … {done}/{total}", file=sys.stderr)

    with _open(args.file) as desk:
        receipts, odd = receive_paths(desk, args.paths, workers=args.workers, progress=progress)
    if args.json:
        _print_json(
            {
                "receipts": [r.as_dict() for r in receipts],
                "skipped": [{"path": str(o.path), "message": o.message} for o in odd],
            }
        )
    else:
        for receipt in receipts:
            print(f"{receipt.outcome.label}：{Path(receipt.source_name).name}　{receipt.message}")
        for item in odd:
            print(f"跳过：{item.path}　{item.message}")
        _receive_summary(receipts)
    return EXIT_OK if all(r.outcome.fine for r in receipts) else EXIT_FAILED


def _receive_summary(receipts: Sequence[Receipt]) -> None:
    from collections import Counter

    counts = Counter(r.outcome for r in receipts)
    parts = [f"{outcome.label} {n}" for outcome, n in counts.items()]
    print(f"共 {len(receipts)} 个材料包：" + ("，".join(parts) if parts else "没有找到材料包（*.zip）"))


def _missing(args: argparse.Namespace) -> int:
    with _open(args.file) as desk:
        missing = desk.missing(args.year)
        roster = len(desk.roster())
    if args.json:
        _print_json(
            [
                {
                    "name": m.name,
                    "level": m.level,
                    "region": m.region,
                    "held": m.held,
                    "last_year": m.last_year,
                }
                for m in missing
            ]
        )
        return EXIT_OK
    basis = "名册中的中心" if roster else "以往报送过的中心（台账中还没有名册）"
    if not missing:
        print(f"{args.year} 年度：{basis}都已报送。")
        return EXIT_OK
    print(f"{args.year} 年度尚未报送：{len(missing)} 个（比对的是{basis}）")
    for m in missing:
        note = "（材料包因身份变化暂扣，待核实）" if m.held else ""
        last = f"　上次报送：{m.last_year} 年度" if m.last_year else ""
        print(f"  {pad(m.name, 40)} {pad(m.level, 10)} {m.region}{last}{note}")
    return EXIT_OK


def list_row_dict(row: ListRow) -> dict[str, Any]:
    """One line of ``dqsa desk list --json``: numbers as numbers."""
    data: dict[str, Any] = {
        "packet_id": row.packet_id,
        "center_id": row.center_id,
        "name": row.name,
        "level": row.level,
        "level_label": row.level_label,
        "region": row.region,
        "fingerprint": row.fingerprint,
        "status": row.status.value,
        "year": row.year,
        "standard": {"id": row.standard.pack_id, "version": row.standard.version, "kind": row.standard.kind},
        "tables": {key: {"score": _num(s), "max": _num(m)} for key, (s, m) in row.tables.items()},
        "total": _num(row.total),
        "max": _num(row.max_total),
        "percent": _num(row.percent),
        "review_state": row.review_state.value,
        "review_state_label": row.review_state.label,
        "reviewer": row.reviewer,
        "reviewed_total": _num(row.reviewed_total),
        "reviewed_max": _num(row.reviewed_max),
        "reviewed_percent": _num(row.reviewed_percent),
        "signed_at": row.signed_at.isoformat(),
        "unanswered": row.unanswered,
    }
    for key, (score, _) in row.tables.items():
        data.setdefault(key, _num(score))
    return data


def _list(args: argparse.Namespace) -> int:
    from dqsa.export.wording import fingerprint_text
    from dqsa.store.desk.reviews import review_state_of

    review = review_state_of(args.review) if args.review else None
    status = {"accepted": "accepted", "已接收": "accepted", "held": "held", "暂扣": "held"}.get(
        args.status or ""
    )
    if args.status and status is None:
        raise UsageError("--status 只能是 已接收（accepted）或 暂扣（held）")
    with _open(args.file) as desk:
        rows = desk.list_rows(
            args.year, region=args.region, level=args.level, status=status, review_state=review
        )
    if args.json:
        _print_json([list_row_dict(r) for r in rows])
        return EXIT_OK
    if not rows:
        print("没有符合条件的材料包。")
        return EXIT_OK
    for (year, key), group in _groups(rows).items():
        title = group[0].standard.title or f"{key[0]} {key[1]}"
        print(f"\n{year} 年度　{title}（{key[0]} {key[1]}）　{len(group)} 个")
        checklist = group[0].checklist
        tables = list(group[0].tables)
        head = [pad("中心", 36), pad("级别", 10), pad("地区", 14), pad("状态", 8)]
        head += [pad(t, 8) for t in tables]
        head += [pad("符合率" if checklist else "合计", 8), pad("审核", 8), "复核合计"]
        print(" ".join(head))
        for row in group:
            cells = [
                pad(row.name, 36),
                pad(row.level_label, 10),
                pad(row.region, 14),
                pad(row.status.label, 8),
            ]
            cells += [pad(_fmt(row.tables.get(t, (None, None))[0]), 8) for t in tables]
            measure = f"{_fmt(row.percent)}%" if checklist else _fmt(row.total)
            reviewed = row.reviewed_percent if checklist else row.reviewed_total
            cells += [pad(measure, 8), pad(row.review_state.label, 8)]
            cells.append(
                (f"{_fmt(reviewed)}%" if checklist else _fmt(reviewed)) if reviewed is not None else "—"
            )
            print(" ".join(cells))
            if row.held_reason:
                print(f"    {row.held_reason}")
            print(f"    证书指纹：{fingerprint_text(row.fingerprint)}")  # as on the report's cover
    return EXIT_OK


def _groups(rows: Sequence[ListRow]) -> dict[tuple[int, tuple[str, str]], list[ListRow]]:
    groups: dict[tuple[int, tuple[str, str]], list[ListRow]] = {}
    for row in rows:
        groups.setdefault((row.year, row.standard.key), []).append(row)
    return groups


class _ScoreAction(argparse.Action):
    """``--score ITEM=VALUE``: one more item score (its ``--reason`` may follow)."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any, *_: Any
    ) -> None:
        text = str(values)
        if "=" not in text:
            raise argparse.ArgumentError(
                self, f"应写成 条目编号=分值，如 A1.site.1=5 或 B.1=不符合，而不是 {text!r}"
            )
        item, value = text.split("=", 1)
        scores = list(getattr(namespace, "scores", None) or [])
        scores.append([item.strip(), value.strip(), ""])
        namespace.scores = scores


class _ReasonAction(argparse.Action):
    """``--reason 文本``: the reason of the ``--score`` just before it."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any, *_: Any
    ) -> None:
        scores = getattr(namespace, "scores", None)
        if not scores:
            raise argparse.ArgumentError(self, "--reason 要跟在它说明的 --score 后面")
        scores[-1][2] = str(values)


def _review(args: argparse.Namespace) -> int:
    with _open(args.file) as desk:
        packet = desk.counted_packet(args.center, args.year)
        items = [
            (item, None if value in {"", "-", "清除"} else value, reason)
            for item, value, reason in args.scores or []
        ]
        desk.update_review(
            packet.id, state=args.state, comment=args.comment, reviewer=args.reviewer, items=items
        )
        review = desk.review(packet.id)
        rows = desk.list_rows(args.year, status="accepted")
    row = next(r for r in rows if r.packet_id == packet.id)
    if args.json:
        _print_json(
            {
                **list_row_dict(row),
                "comment": review.comment,
                "items": {
                    i.item_id: {"score": _num(i.score), "applicable": i.applicable, "reason": i.reason}
                    for i in review.items.values()
                },
            }
        )
        return EXIT_OK
    print(
        f"{row.name} {args.year} 年度　审核状态：{review.state.label}"
        + (f"　审核人：{review.reviewer}" if review.reviewer else "")
    )
    if review.comment:
        print(f"审核意见：{review.comment}")
    for item in review.items.values():
        word = item.verdict.label if row.checklist else _fmt(item.score)
        print(f"  {pad(item.item_id, 16)} 复核：{pad(word, 8)} {item.reason}")
    if row.reviewed_total is not None:
        if row.checklist:
            print(f"自评符合率 {_fmt(row.percent)}%，复核后 {_fmt(row.reviewed_percent)}%")
        else:
            print(f"自评合计 {_fmt(row.total)} 分，复核合计 {_fmt(row.reviewed_total)} 分")
    return EXIT_OK


def _rollup(args: argparse.Namespace) -> int:
    if args.out is None and args.pdf is None:
        raise UsageError("请用 --out 指定汇总表（.xlsx），或用 --pdf 指定汇报用的 PDF（可同时给出）")
    with _open(args.file) as desk:
        if args.out is not None:
            from dqsa.export.rollup_workbook import write_rollup_workbook

            path = write_rollup_workbook(desk, args.year, args.out)
            print(f"汇总表：{path}")
        if args.pdf is not None:
            from dqsa.export.rollup_report import write_rollup_report

            path = write_rollup_report(desk, args.year, args.pdf)
            print(f"汇总报告（PDF）：{path}")
    return EXIT_OK


def _accept_identity(args: argparse.Namespace) -> int:
    with _open(args.file) as desk:
        if args.packet is not None:
            packet_id = args.packet
        else:
            if args.center is None or args.year is None:
                raise UsageError("请用 --packet 编号，或 --center 名称 和 --year 年度 指定暂扣的材料包")
            held = [p for p in desk.held_packets() if p.center_name == args.center and p.year == args.year]
            if not held:
                print(f"台账中没有“{args.center}” {args.year} 年度被暂扣的材料包。", file=sys.stderr)
                return EXIT_FAILED
            if len(held) > 1:
                ids = "、".join(str(p.id) for p in held)
                raise UsageError(
                    f"“{args.center}” {args.year} 年度有 {len(held)} 个暂扣的材料包（编号 {ids}），请用 --packet 指定"
                )
            packet_id = held[0].id
        receipt = desk.accept_identity(packet_id, reason=args.reason, by=args.by or "")
    print(receipt.message)
    print(f"材料包现在：{receipt.outcome.label}")
    return EXIT_OK


def _retire_identity(args: argparse.Namespace) -> int:
    from dqsa.export.wording import fingerprint_text
    from dqsa.store.desk.records import canonical_fingerprint

    try:
        fingerprint = canonical_fingerprint(args.fingerprint)
    except ValueError as exc:
        raise UsageError(f"--fingerprint：{exc}") from None
    with _open(args.file) as desk:
        center = desk.find_center(args.center)
        if center is None:
            print(f"台账中没有中心“{args.center}”。", file=sys.stderr)
            return EXIT_FAILED
        uncounted = desk.retire_identity(
            center.id, fingerprint, reason=args.reason, by=args.by or "", uncount=args.uncount
        )
    print(f"已停用“{args.center}”的证书 {fingerprint_text(fingerprint)}。以后用它签署的材料包将被暂扣。")
    if uncounted:
        print(f"用它签署的 {len(uncounted)} 个材料包已不再计入（编号 {'、'.join(map(str, uncounted))}）。")
    return EXIT_OK


def _export_packet(args: argparse.Namespace) -> int:
    from dqsa.export.packet import packet_file_name

    with _open(args.file) as desk:
        packet = (
            desk.packet(args.packet)
            if args.packet is not None
            else desk.counted_packet(args.center, args.year)
        )
        target = (
            args.out / packet_file_name(packet.center_name, packet.year)
            if args.out.is_dir() or not args.out.suffix
            else args.out
        )
        path = desk.save_packet(packet.id, target)
    print(f"已原样导出材料包：{path}")
    print(f"SHA-256：{packet.sha256}")
    return EXIT_OK


def _history(args: argparse.Namespace) -> int:
    with _open(args.file) as desk:
        center_id = None
        if args.center:
            found = desk.find_center(args.center)
            if found is None:
                print(f"台账中没有中心“{args.center}”。", file=sys.stderr)
                return EXIT_FAILED
            center_id = found.id
        entries = desk.history(center_id=center_id, limit=args.limit)
    if args.json:
        _print_json(
            [
                {
                    "at": e.at.isoformat(),
                    "what": e.what,
                    "center_id": e.center_id,
                    "packet_id": e.packet_id,
                    "old": _plain(e.old_value),
                    "new": _plain(e.new_value),
                }
                for e in entries
            ]
        )
        return EXIT_OK
    for e in entries:
        where = f"中心 {e.center_id} " if e.center_id else ""
        where += f"材料包 {e.packet_id} " if e.packet_id else ""
        change = (
            f"{_plain(e.old_value)} → {_plain(e.new_value)}"
            if e.old_value is not None
            else f"{_plain(e.new_value)}"
        )
        print(f"{e.at:%Y-%m-%d %H:%M:%S}  {pad(e.what, 24)} {where}{change}")
    return EXIT_OK


def _plain(value: Any) -> Any:
    from dqsa.store.records import plain

    return plain(value)


# --- the parser ---------------------------------------------------------------------------------------------


def _arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="desk_command", metavar="操作", required=True)

    def action(name: str, help: str) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=help, description=help)
        sub.add_argument("file", type=Path, metavar="台账文件", help="审核台账文件（.dqsd）")
        return sub

    new = action("new", "新建审核台账")
    new.add_argument("--name", required=True, help="单位名称，如“某某街道社会组织综合党委”")

    roster = action("roster", "导入名册（Excel 或 CSV；列：名称、级别、地区、证书指纹）")
    roster.add_argument("roster", type=Path, metavar="名册文件")
    roster.add_argument("--json", action="store_true")

    receive = action("receive", "接收材料包（zip 文件或文件夹，文件夹逐层查找）")
    receive.add_argument("paths", type=Path, nargs="+", metavar="材料包或文件夹")
    receive.add_argument("--json", action="store_true")
    receive.add_argument(
        "--workers", type=int, default=None, help="校验用的进程数（默认 1：在本进程中逐个校验，实测最快）"
    )

    missing = action("missing", "列出某年度尚未报送的中心")
    missing.add_argument("--year", type=int, required=True)
    missing.add_argument("--json", action="store_true")

    listing = action("list", "列出收到的材料包（中心、级别、地区、证书指纹、状态、得分、审核）")
    listing.add_argument("--year", type=int)
    listing.add_argument("--region", help="只列出这个地区的")
    listing.add_argument("--level", help="只列出这个级别的（代码或名称）")
    listing.add_argument("--status", help="已接收 或 暂扣")
    listing.add_argument("--review", help="只列出这个审核状态的（待审核、通过、退回补充、有问题）")
    listing.add_argument("--json", action="store_true")

    review = action("review", "审核：状态、意见、逐项复核得分")
    review.add_argument("--center", required=True, help="中心名称")
    review.add_argument("--year", type=int, required=True)
    review.add_argument("--state", help="待审核、通过、退回补充 或 有问题")
    review.add_argument("--comment", help="审核意见")
    review.add_argument("--reviewer", help="审核人")
    review.add_argument(
        "--score",
        action=_ScoreAction,
        dest="scores",
        metavar="条目=分值",
        help="复核得分，如 A1.site.1=5；核查清单填 符合、不符合 或 不适用；分值写 - 表示清除",
    )
    review.add_argument(
        "--reason",
        action=_ReasonAction,
        dest="scores",
        metavar="理由",
        help="紧跟在 --score 后：复核得分与自评不同的理由",
    )
    review.add_argument("--json", action="store_true")

    from dqsa.cli import desk_return

    desk_return.arguments(action("return", "签署并写出某中心某年度的审核结果（返回给中心）"))

    rollup = action("rollup", "写出某年度的汇总表（Excel）和汇报用的 PDF")
    rollup.add_argument("--year", type=int, required=True)
    rollup.add_argument("--out", type=Path, help="汇总表（.xlsx）")
    rollup.add_argument("--pdf", type=Path, help="汇报用的 PDF 汇总")

    accept = action("accept-identity", "接受暂扣材料包的新签署身份（请先向该中心核实证书指纹）")
    accept.add_argument("--packet", type=int, help="暂扣的材料包编号（见 dqsa desk list --status 暂扣）")
    accept.add_argument("--center", help="中心名称")
    accept.add_argument("--year", type=int)
    accept.add_argument("--reason", required=True, help="理由，如“已电话向中心核实新指纹”")
    accept.add_argument("--by", help="审核人")

    retire = action("retire-identity", "停用中心的一个证书（例如冒名者的证书先到而被确定时）")
    retire.add_argument("--center", required=True, help="中心名称")
    retire.add_argument("--fingerprint", required=True, help="要停用的证书指纹")
    retire.add_argument("--reason", required=True, help="理由")
    retire.add_argument("--by", help="审核人")
    retire.add_argument(
        "--uncount",
        action="store_true",
        help="用它签署的已计入的材料包也不再计入（该中心必须另有有效的证书）",
    )

    export = action("export-packet", "把收到的材料包原样导出")
    export.add_argument("--center", help="中心名称")
    export.add_argument("--year", type=int)
    export.add_argument("--packet", type=int, help="材料包编号（代替 --center/--year）")
    export.add_argument("--out", type=Path, required=True, help="保存到的文件夹（或文件名）")

    history = action("history", "台账的修改记录")
    history.add_argument("--center", help="只看这个中心的")
    history.add_argument("--limit", type=int, default=None, help="最多列出多少条（最新的）")
    history.add_argument("--json", action="store_true")


def _return(args: argparse.Namespace) -> int:
    from dqsa.cli.desk_return import run

    return run(args)


_RUN: dict[str, Callable[[argparse.Namespace], int]] = {
    "new": _new,
    "roster": _roster,
    "receive": _receive,
    "missing": _missing,
    "list": _list,
    "review": _review,
    "return": _return,
    "rollup": _rollup,
    "accept-identity": _accept_identity,
    "retire-identity": _retire_identity,
    "export-packet": _export_packet,
    "history": _history,
}


def _run(args: argparse.Namespace) -> int:
    if (
        args.desk_command == "export-packet"
        and args.packet is None
        and (args.center is None or args.year is None)
    ):
        raise UsageError("请用 --center 名称 和 --year 年度（或 --packet 编号）指定材料包")
    return _RUN[args.desk_command](args)


COMMANDS = [
    Command("desk", "上级审核台账：接收、核实、审核、汇总各中心的材料包", _arguments, _run),
]
