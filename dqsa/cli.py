"""The command line. With no subcommand it starts the desktop program.

Every subcommand is a thin call into the domain and file layers. Exit codes:
0 success, 1 failure of the program or the environment, 2 invalid input.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from dqsa import __version__

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INVALID = 2
SUBCOMMANDS = {
    "criteria",
    "score",
    "import",
    "export-answers",
    "export",
    "verify",
    "import-packet",
    "compare",
    "identity",
    "new-year",
}


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dqsa",
        description="党群服务中心年度自评工具。不带子命令时打开图形界面。",
    )
    parser.add_argument("--version", action="version", version=f"dqsa {__version__}")
    parser.add_argument(
        "--no-err-windows",
        action="store_true",
        help="出错时只写日志、不弹出对话框（用于测试和冒烟检查）",
    )
    parser.add_argument(
        "--demo", action="store_true", help="打开示例中心的临时副本（两个年度，不影响您的文件）"
    )
    parser.add_argument("--file", type=Path, help="打开指定的中心文件（.dqsa）")
    parser.add_argument(
        "--self-test", action="store_true", help="自检：打开示例、评分、导出并校验材料包（用于安装后的检查）"
    )
    sub = parser.add_subparsers(dest="command", metavar="子命令")

    criteria = sub.add_parser("criteria", help="查看或检查评分标准包")
    criteria_sub = criteria.add_subparsers(dest="criteria_command", metavar="操作", required=True)
    criteria_sub.add_parser("list", help="列出程序自带的标准包")
    show = criteria_sub.add_parser("show", help="显示一个标准包的全部条目")
    show.add_argument("pack", help="标准包编号，如 huzhou-social-org")
    show.add_argument("--json", action="store_true", help="输出 JSON")
    check = criteria_sub.add_parser("check", help="检查一个标准包文件是否有效")
    check.add_argument("file", type=Path)

    score = sub.add_parser("score", help="为一份答卷或中心文件中的一个年度评分")
    score.add_argument("answers", type=Path, nargs="?", help="答卷文件（dqsa-answers/1 JSON）")
    score.add_argument("--db", type=Path, help="中心文件（.dqsa），与 --year 一起使用")
    score.add_argument("--year", type=int, help="年度")
    score.add_argument("--json", action="store_true", help="输出评分结果 JSON")

    imp = sub.add_parser("import", help="把答卷导入中心文件（没有则新建）")
    imp.add_argument("answers", type=Path)
    imp.add_argument("--db", type=Path, required=True)
    imp.add_argument("--replace", action="store_true", help="覆盖该年度已有的自评")

    exp = sub.add_parser("export-answers", help="把中心文件中一个年度的自评导出为答卷")
    exp.add_argument("--db", type=Path, required=True)
    exp.add_argument("--year", type=int, required=True)
    exp.add_argument("-o", "--output", type=Path, help="输出文件（默认打印到屏幕）")

    packet = sub.add_parser("export", help="导出签署过的材料包（PDF、Excel、答卷、证明材料）")
    packet.add_argument("--db", type=Path, required=True)
    packet.add_argument("--year", type=int, required=True)
    packet.add_argument("--out", type=Path, required=True, help="材料包保存到的文件夹")
    packet.add_argument("--signer", required=True, help="签署人姓名")
    packet.add_argument("--title", required=True, help="签署人职务")
    packet.add_argument(
        "--passphrase-env", metavar="变量名", help="从这个环境变量读取签署口令（否则提示输入）"
    )
    packet.add_argument(
        "--allow-missing-measures",
        action="store_true",
        help="有未得满分的条目没有填写改进措施时仍然导出（报告中标为“缺”）",
    )

    verify = sub.add_parser("verify", help="校验收到的材料包")
    verify.add_argument("packet", type=Path)
    verify.add_argument("--json", action="store_true")
    verify.add_argument("--fingerprint", help="预期的证书指纹（与以往报送的核对）")

    comparison = sub.add_parser("compare", help="对比两个年度（或两份答卷）的自评")
    comparison.add_argument("answers", type=Path, nargs="*", help="两份答卷文件：较早的在前")
    comparison.add_argument("--db", type=Path, help="中心文件，与 --years 一起使用")
    comparison.add_argument("--years", type=int, nargs=2, metavar=("较早年度", "较晚年度"))
    comparison.add_argument("--json", action="store_true")

    restore = sub.add_parser("import-packet", help="从材料包恢复一个年度的自评（先校验）")
    restore.add_argument("packet", type=Path)
    restore.add_argument("--db", type=Path, required=True)
    restore.add_argument(
        "--accept-new-identity",
        action="store_true",
        help="接受与本中心文件以往签署不同的证书指纹（请先向该中心核实新指纹）",
    )
    identity = sub.add_parser("identity", help="备份或恢复本中心的签署身份（换电脑时使用）")
    identity_sub = identity.add_subparsers(dest="identity_command", metavar="操作", required=True)
    backup = identity_sub.add_parser("backup", help="把签署身份备份到一个加密文件（用签署口令加密）")
    backup.add_argument("--center", required=True, help="中心名称（与中心文件中的一致）")
    backup.add_argument("--out", type=Path, required=True, help="备份文件（或保存到的文件夹）")
    backup.add_argument(
        "--passphrase-env", metavar="变量名", help="从这个环境变量读取签署口令（否则提示输入）"
    )
    restore_identity = identity_sub.add_parser("restore", help="从备份文件恢复签署身份")
    restore_identity.add_argument("backup", type=Path, help="签署身份备份文件")
    restore_identity.add_argument(
        "--passphrase-env", metavar="变量名", help="从这个环境变量读取签署口令（否则提示输入）"
    )
    restore_identity.add_argument(
        "--replace", action="store_true", help="这台电脑上已有该中心的另一个签署身份时，停用它并改用备份中的"
    )

    new_year = sub.add_parser("new-year", help="在中心文件中新建一个年度的自评（空白，或以以往年度为起点）")
    new_year.add_argument("--db", type=Path, required=True, help="中心文件（.dqsa），须已填写中心概况")
    new_year.add_argument("--year", type=int, required=True, help="要新建的年度")
    new_year.add_argument(
        "--from", dest="from_year", type=int, metavar="以往年度", help="以这个较早的年度为起点"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``dqsa`` console script and ``python -m dqsa``."""
    _make_output_safe()
    argv = list(sys.argv[1:] if argv is None else argv)
    if not set(argv) & SUBCOMMANDS and "--file" not in argv:  # "dqsa 中心.dqsa": a double-clicked file
        for index, arg in enumerate(argv):
            if arg.lower().endswith(".dqsa") and not arg.startswith("-"):
                argv[index : index + 1] = ["--file", arg]
                break
    args = _build_parser().parse_args(argv)
    if args.self_test:
        from dqsa.ui.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        from dqsa.ui.app import run_gui  # Qt is imported only for the GUI

        return run_gui(no_err_windows=args.no_err_windows, demo=args.demo, file=args.file)
    handler: Callable[[argparse.Namespace], int] = {
        "criteria": _criteria,
        "score": _score,
        "import": _import,
        "export-answers": _export_answers,
        "export": _export,
        "verify": _verify,
        "import-packet": _import_packet,
        "compare": _compare,
        "identity": _identity,
        "new-year": _new_year,
    }[args.command]
    from dqsa.domain.errors import InvalidInput

    try:
        with _library_logs_to_file():
            return handler(args)
    except InvalidInput as exc:
        print("输入有误：", file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        return EXIT_INVALID
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID
    except OSError as exc:
        print(f"操作失败：{exc}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:
        from dqsa.export.fonts import FontNotFound
        from dqsa.export.identity import IdentityError
        from dqsa.store.errors import StoreError

        if isinstance(exc, StoreError | IdentityError | FontNotFound):
            print(str(exc), file=sys.stderr)
            return EXIT_FAILED
        raise


class UsageError(Exception):
    """Arguments that do not go together."""


@contextmanager
def _library_logs_to_file() -> Iterator[None]:
    """Warnings and tracebacks that libraries log (pyHanko, fontTools) go to dqsa.log, not to the terminal.

    With no handler at all, Python prints them on stderr, in English, before the
    program's own message (a PDF changed after signing made pyHanko print a traceback).
    """
    import logging

    from dqsa.paths import log_dir

    handler: logging.Handler
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(folder / "dqsa.log", encoding="utf-8", delay=True)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    except OSError:
        handler = logging.NullHandler()  # no log folder: the messages are dropped, still not printed
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
        handler.close()


def _make_output_safe() -> None:
    """Never crash on a console that cannot show a character (old Windows code pages)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")


# --- criteria ---------------------------------------------------------------------


def _criteria(args: argparse.Namespace) -> int:
    from dqsa.packs import bundled_packs, find_pack, load_pack_file

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
            _print_pack(pack)
        return EXIT_OK
    pack = load_pack_file(args.file)
    items = sum(1 for _ in pack.items())
    print(f"有效：{pack.id} {pack.version}，{len(pack.tables)} 张表，{items} 个条目")
    print(f"内容摘要（SHA-256）：{pack.content_hash()}")
    return EXIT_OK


def _print_pack(pack) -> None:
    from dqsa.domain.scoring import fmt

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


# --- score -----------------------------------------------------------------------------


def _open_store(path: Path):
    from dqsa.store.service import CenterStore

    return CenterStore.open(path, create=False)


def _score(args: argparse.Namespace) -> int:
    from dqsa.domain.scoring import score, scorecard_to_dict

    if args.db is not None:
        if args.answers is not None or args.year is None:
            raise UsageError("用法：dqsa score 答卷.json，或 dqsa score --db 中心文件 --year 年度")
        with _open_store(args.db) as store:
            card = store.scorecard(args.year)
    else:
        if args.answers is None:
            raise UsageError("请给出答卷文件，或用 --db 和 --year 指定中心文件中的年度")
        from dqsa.answers_file import load_answers_file
        from dqsa.packs import find_pack

        answers = load_answers_file(args.answers)
        pack = find_pack(answers.pack.id, answers.pack.version)
        card = score(pack, answers)
    if args.json:
        print(json.dumps(scorecard_to_dict(card), ensure_ascii=False, indent=2))
    else:
        print(render_scorecard(card))
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from dqsa.answers_file import load_answers_file
    from dqsa.store.service import CenterStore

    answers = load_answers_file(args.answers)
    if not args.db.exists():  # checked before the file is created: a refused import leaves no file
        from dqsa.domain.answers import ensure_valid
        from dqsa.packs import find_pack

        ensure_valid(find_pack(answers.pack.id, answers.pack.version), answers)
    with CenterStore.open(args.db, create=True) as store:
        store.import_answers(answers, replace=args.replace)
        total = store.scorecard(answers.year).total
    print(f"已导入 {answers.center.name} {answers.year} 年度自评到 {args.db}（合计 {total}）")
    return EXIT_OK


def _export_answers(args: argparse.Namespace) -> int:
    from dqsa.answers_file import answers_json, write_answers_file

    with _open_store(args.db) as store:
        answers = store.answers(args.year)
    if args.output is None:
        sys.stdout.write(answers_json(answers))
    else:
        write_answers_file(answers, args.output)
        print(f"已导出到 {args.output}")
    return EXIT_OK


def _passphrase(args: argparse.Namespace) -> str:
    import os

    if args.passphrase_env:
        value = os.environ.get(args.passphrase_env)
        if value is None:
            raise UsageError(f"环境变量 {args.passphrase_env} 没有设置")
        return value
    if not sys.stdin.isatty():
        raise UsageError("请在终端中运行以输入签署口令，或用 --passphrase-env 指定存放口令的环境变量")
    import getpass

    return getpass.getpass("签署口令：")


def _export(args: argparse.Namespace) -> int:
    from dqsa.export.packet import export_packet
    from dqsa.export.wording import fingerprint_text, item_label
    from dqsa.settings import load_settings

    with _open_store(args.db) as store:
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
    passphrase = _passphrase(args)
    with _open_store(args.db) as store:
        result = export_packet(
            store,
            args.year,
            signer_name=args.signer,
            signer_title=args.title,
            passphrase=passphrase,
            out_dir=args.out,
            font_setting=load_settings().pdf_font or None,
        )
    if result.created_identity:
        print("首次签署：已为本中心建立签署身份（证书）。")
    print(f"材料包：{result.path}（{result.size / 1024 / 1024:.1f} MB）")
    print(f"证书指纹：{fingerprint_text(result.fingerprint)}")
    print(f"（清单中的写法：{result.fingerprint}）")
    return EXIT_OK


def _verify(args: argparse.Namespace) -> int:
    from dqsa.export.verify import describe, verify_packet

    verification = verify_packet(args.packet, expected_fingerprint=args.fingerprint)
    if args.json:
        print(json.dumps(verification.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(describe(verification))
    return EXIT_OK if verification.ok else EXIT_FAILED


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
        # LEAD (phase 1 store helper): when ``created`` and nothing was restored (a failure while
        # writing), discard the file just created here instead of only closing it.
        store.close()
    if not result.ok:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        print("没有导入。", file=sys.stderr)
        return EXIT_FAILED
    if result.identity_change is not None:
        print("已按您的确认接受新的签署身份。")
    summary = result.summary
    where = "新建的中心文件" if created else "中心文件"
    print(f"已从材料包恢复 {summary.get('center')} {summary.get('year')} 年度自评到{where} {args.db}")
    return EXIT_OK


def _identity(args: argparse.Namespace) -> int:
    from dqsa.export.identity_backup import backup_identity, read_backup, restore_identity

    if args.identity_command == "backup":
        info = backup_identity(args.center, _passphrase(args), args.out)
        print(f"已把“{info.center_name}”的签署身份备份到：{info.path}")
        print(f"证书指纹：{info.fingerprint}")
        print("备份文件用签署口令加密：请把它和口令分开保管（例如存到单位的 U 盘），不要随材料包发出。")
        return EXIT_OK
    info = read_backup(args.backup)
    print(f"备份中的签署身份：{info.center_name}　证书指纹：{info.fingerprint}　备份时间：{info.created}")
    identity = restore_identity(args.backup, _passphrase(args), replace_current=args.replace)
    change = identity.change
    if change is not None and change.old_fingerprint and change.old_fingerprint != identity.fingerprint:
        print(f"原来的签署身份（证书指纹 {change.old_fingerprint}）已停用并保留。")
    print(f"已恢复“{identity.center_name}”的签署身份，证书指纹：{identity.fingerprint}")
    return EXIT_OK


def _compare(args: argparse.Namespace) -> int:
    from dqsa.domain.comparison import compare

    if args.db is not None:
        if args.answers or not args.years:
            raise UsageError(
                "用法：dqsa compare --db 中心文件 --years 2025 2026，或 dqsa compare A.json B.json"
            )
        with _open_store(args.db) as store:
            result = store.compare(*args.years)
    else:
        if len(args.answers) != 2:
            raise UsageError("请给出两份答卷文件（较早的在前），或用 --db 和 --years")
        from dqsa.answers_file import load_answers_file
        from dqsa.domain.scoring import score
        from dqsa.packs import find_pack

        sides: list = []
        for path in args.answers:
            answers = load_answers_file(path)
            pack = find_pack(answers.pack.id, answers.pack.version)
            sides += [score(pack, answers), answers, pack]
        result = compare(*sides)
    if args.json:
        print(json.dumps(comparison_to_dict(result), ensure_ascii=False, indent=2))
    else:
        print(render_comparison(result))
    return EXIT_OK


def comparison_to_dict(result) -> dict:
    """The comparison as JSON-ready data (numbers as numbers)."""

    def num(value):
        return None if value is None else float(value)

    def part(p):
        return {
            "id": p.part_id,
            "title": p.title,
            "old": num(p.old_score),
            "old_max": num(p.old_max),
            "new": num(p.new_score),
            "new_max": num(p.new_max),
            "change": num(p.change),
        }

    return {
        "format": "dqsa-comparison/1",
        "years": [result.old_year, result.new_year],
        "packs": [result.old_pack, result.new_pack],
        "total": {"old": num(result.old_total), "new": num(result.new_total)},
        "tables": [part(t) for t in result.tables],
        "sections": [part(s) for s in result.sections],
        "items": [
            {
                "id": i.item_id,
                "old_id": i.old_id,
                "old": num(i.old_score),
                "new": num(i.new_score),
                "old_status": i.old_status,
                "new_status": i.new_status,
                "change": num(i.change),
                "trend": i.trend,
            }
            for i in result.items
        ],
        "facts": list(result.facts),
    }


def render_comparison(result) -> str:
    """The comparison as text: subtotals, changed items, changed facts."""
    from dqsa.domain.comparison import TREND_LABELS
    from dqsa.domain.scoring import fmt

    def signed(value) -> str:
        return "—" if value is None else (f"+{fmt(value)}" if value > 0 else fmt(value))

    lines = [f"{result.old_year} 年 → {result.new_year} 年（{result.old_pack} → {result.new_pack}）", ""]
    lines.append(
        f"合计：{fmt(result.old_total)}/{fmt(result.old_max)} → {fmt(result.new_total)}/{fmt(result.new_max)}"
    )
    for part in (*result.tables, *result.sections):
        old = "—" if part.old_score is None else f"{fmt(part.old_score)}/{fmt(part.old_max)}"
        new = "—" if part.new_score is None else f"{fmt(part.new_score)}/{fmt(part.new_max)}"
        lines.append(f"  {_pad(part.title, 16)} {_pad(old, 12)} → {_pad(new, 12)} {signed(part.change)}")
    changed = [i for i in result.items if i.trend != "unchanged"]
    lines += [
        "",
        f"有变化的条目（{len(changed)} 项；进步 {result.count('improved')}，退步 {result.count('regressed')}）：",
    ]
    for item in changed:
        lines.append(
            f"  {_pad(item.item_id, 14)} {_pad(TREND_LABELS[item.trend], 8)} "
            f"{_pad(item.shown('old'), 8)} → {_pad(item.shown('new'), 8)} {item.text[:30]}"
        )
    if result.facts:
        lines += ["", "情况变化："] + [f"  {line}" for line in result.facts]
    return "\n".join(lines)


_METHOD_LABELS = {"auto": "自动", "manual": "人工", "override": "更正"}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def render_scorecard(card) -> str:
    """A plain-text scorecard for the terminal."""
    from dqsa.domain.answers import CHECKLIST_LABELS
    from dqsa.domain.scoring import fmt

    checklist = card.pack_kind == "checklist"
    pack = f"标准包 {card.pack_id} {card.pack_version}"
    lines = [f"{card.center_name}  {card.year} 年度自评  （{card.level_label}，{pack}）"]
    for table in card.tables:
        lines.append("")
        lines.append(f"{table.title}  {_subtotal(table, checklist)}")
        for section in table.sections:
            lines.append(f"  {section.title}  {_subtotal(section, checklist)}")
            for item in section.items:
                if checklist:
                    result = CHECKLIST_LABELS[item.status or "unanswered"]
                else:
                    result = f"{fmt(item.score)}/{fmt(item.max_points)}"
                method = _METHOD_LABELS[item.method]
                lines.append(
                    f"    {_pad(item.item_id, 14)} {_pad(result, 9)} {_pad(method, 4)} {item.explanation}"
                )
    lines.append("")
    if checklist:
        lines.append(
            f"合计：适用 {fmt(card.max_total)} 项，符合 {fmt(card.total)} 项（{fmt(card.percent)}%）"
        )
    else:
        lines.append(f"合计：{fmt(card.total)} / {fmt(card.max_total)} 分（{fmt(card.percent)}%）")
    if card.unanswered:
        lines.append(f"未填写（{len(card.unanswered)} 项）：" + "、".join(card.unanswered))
    if card.below_full:
        label = "不符合" if checklist else "未得满分（需制定改进措施）"
        lines.append(f"{label}（{len(card.below_full)} 项）：" + "、".join(card.below_full))
    return "\n".join(lines)


def _subtotal(part, checklist: bool) -> str:
    from dqsa.domain.scoring import fmt

    if checklist:
        return f"符合 {fmt(part.score)}/{fmt(part.max_points)} 项（{fmt(part.percent)}%）"
    return f"{fmt(part.score)}/{fmt(part.max_points)} 分（{fmt(part.percent)}%）"


# --- new-year --------------------------------------------------------------------------


def _new_year(args: argparse.Namespace) -> int:
    """Create a year's assessment, empty or from an earlier year (the window's 新建年度自评)."""
    from datetime import date

    from dqsa import years

    with _open_store(args.db) as store:
        existing = store.years()
        problem = years.year_problem(args.year, existing, date.today())
        if problem is None and args.from_year is not None:
            if args.from_year not in existing:
                problem = f"中心文件中没有 {args.from_year} 年度的自评，不能以它为起点。"
            elif args.from_year >= args.year:
                problem = f"起点年度 {args.from_year} 应早于要新建的 {args.year} 年度。"
        if problem is not None:
            raise UsageError(problem)
        store.create_assessment(args.year, from_year=args.from_year)
    if args.from_year is None:
        print(f"已新建 {args.year} 年度自评（空白）：{args.db}")
    else:
        print(f"已新建 {args.year} 年度自评，以 {args.from_year} 年度为起点：{args.db}")
        print(years.CARRY_OVER.format(args.from_year))
    return EXIT_OK
