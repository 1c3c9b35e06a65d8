"""Subcommands on answers files and center files: score, import, export-answers, new-year, compare."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dqsa.cli.common import EXIT_FAILED, EXIT_OK, Command, UsageError, open_store, pad

if TYPE_CHECKING:
    from dqsa.domain.comparison import Comparison, PartChange
    from dqsa.domain.scoring import Scorecard, SectionResult, TableResult
    from dqsa.store.records import AssessmentSummary
    from dqsa.store.reviews import ReviewRecord
    from dqsa.store.sent import SentRecord


# --- score ----------------------------------------------------------------------------------


def _score_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("answers", type=Path, nargs="?", help="答卷文件（dqsa-answers/1 JSON）")
    parser.add_argument("--db", type=Path, help="中心文件（.dqsa），与 --year 一起使用")
    parser.add_argument("--year", type=int, help="年度")
    parser.add_argument("--json", action="store_true", help="输出评分结果 JSON")


def _score(args: argparse.Namespace) -> int:
    from dqsa.cli.review import render_review, review_to_dict
    from dqsa.domain.scoring import score, scorecard_to_dict

    summary: AssessmentSummary | None = None
    history: list[SentRecord] = []
    review: ReviewRecord | None = None
    if args.db is not None:
        if args.answers is not None or args.year is None:
            raise UsageError("用法：dqsa score 答卷.json，或 dqsa score --db 中心文件 --year 年度")
        with open_store(args.db) as store:
            card = store.scorecard(args.year)
            summary = store.summary(args.year)
            history = store.sent_history(args.year)
            review = store.review(args.year)
    else:
        if args.answers is None:
            raise UsageError("请给出答卷文件，或用 --db 和 --year 指定中心文件中的年度")
        from dqsa.answers_file import load_answers_file
        from dqsa.packs import find_pack

        answers = load_answers_file(args.answers)
        pack = find_pack(answers.pack.id, answers.pack.version)
        card = score(pack, answers)
    if args.json:
        data: dict[str, Any] = dict(scorecard_to_dict(card))
        if summary is not None:  # a year of a center file: where it stands, and what was sent
            data["status"] = str(summary.status)
            data["sent"] = sent_to_dict(summary, history)
            data["review"] = review_to_dict(review)  # the level above's result, null when none
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(render_scorecard(card))
        if summary is not None:
            print()
            print(render_sent(summary, history, card))
            if review is not None:
                print()
                print(render_review(review))
    return EXIT_OK


def sent_to_dict(summary: AssessmentSummary, history: list[SentRecord]) -> dict[str, Any] | None:
    """What was sent for a year (its latest signing) as JSON data; None when it was never sent.

    ``as_sent`` is true while the year is signed (the store refuses edits until it is
    reopened); ``known`` false for a packet signed before this program kept what was sent
    (then only who, when and the fingerprint are known).
    """
    from decimal import Decimal

    from dqsa.domain.status import AssessmentStatus
    from dqsa.export.wording import json_number

    if not history:
        return None
    sent = history[-1]
    totals = None
    if sent.totals is not None:
        totals = {
            "total": json_number(Decimal(sent.totals.total)),
            "max": json_number(Decimal(sent.totals.max)),
            "percent": json_number(Decimal(sent.totals.percent)),
            "tables": [
                {"title": t.title, "score": json_number(Decimal(t.score)), "max": json_number(Decimal(t.max))}
                for t in sent.totals.tables
            ],
        }
    return {
        "as_sent": summary.status is AssessmentStatus.SIGNED,
        "known": sent.known,
        "origin": sent.origin,
        "sha256": sent.sha256,
        "size": sent.size,
        "file_name": sent.file_name,
        "manifest_format": sent.manifest_format,
        "fingerprint": sent.fingerprint,
        "signer": sent.signer,
        "signed_at": sent.signed_at.isoformat(),  # with the signer's UTC offset when it is known
        "totals": totals,
        "times_sent": len(history),
    }


def render_sent(summary: AssessmentSummary, history: list[SentRecord], card: Scorecard) -> str:
    """Whether the year is as sent, in words, for the terminal."""
    from dqsa.domain.status import AssessmentStatus
    from dqsa.export.wording import datetime_text, fingerprint_text, fmt

    if not history:
        return "报送状态：草稿，尚未签署报送。"
    sent = history[-1]
    when = f"{datetime_text(sent.signed_at, zone=True)}，{sent.signer}"
    lines = []
    if summary.status is AssessmentStatus.SIGNED:
        lines.append(f"报送状态：已签署报送（{when}），现在的内容与报送的材料包一致。")
    else:
        lines.append(
            f"报送状态：已报送后修改——现在的内容与 {when} 报送的材料包不一致，需要重新签署导出并报送。"
        )
        if sent.totals is not None:
            unit = "%" if card.pack_kind == "checklist" else ""
            sent_total = sent.totals.percent + "%" if unit else sent.totals.total
            now_total = fmt(card.percent) + "%" if unit else fmt(card.total)
            lines.append(f"  报送时合计 {sent_total}，现在 {now_total}。")
    if sent.known:
        if sent.sha256:
            lines.append(f"  材料包：{sent.file_name}（SHA-256 {sent.sha256}）")
    else:
        lines.append("  这是本程序以前的版本签署的，当时没有保存报送内容的副本，无法显示报送时的内容。")
    if sent.fingerprint:
        lines.append(f"  证书指纹：{fingerprint_text(sent.fingerprint)}")
    if len(history) > 1:
        lines.append(f"  本年度共报送 {len(history)} 次，以最后一次为准。")
    return "\n".join(lines)


def render_scorecard(card: Scorecard) -> str:
    """A plain-text scorecard for the terminal."""
    from dqsa.domain.answers import CHECKLIST_LABELS
    from dqsa.export.wording import METHOD_LABELS, fmt

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
                method = METHOD_LABELS[item.method]
                lines.append(
                    f"    {pad(item.item_id, 14)} {pad(result, 9)} {pad(method, 4)} {item.explanation}"
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


def _subtotal(part: TableResult | SectionResult, checklist: bool) -> str:
    from dqsa.export.wording import fmt

    if checklist:
        return f"符合 {fmt(part.score)}/{fmt(part.max_points)} 项（{fmt(part.percent)}%）"
    return f"{fmt(part.score)}/{fmt(part.max_points)} 分（{fmt(part.percent)}%）"


# --- import and export-answers ----------------------------------------------------------------------


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("answers", type=Path)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--replace", action="store_true", help="覆盖该年度已有的自评")
    parser.add_argument(
        "--reopen",
        action="store_true",
        help="与 --replace 一起：该年度已签署报送时仍然替换（记入历史；替换后需重新签署导出并报送）",
    )


def _import(args: argparse.Namespace) -> int:
    from dqsa.answers_file import load_answers_file
    from dqsa.store.errors import SignedYear
    from dqsa.store.service import CenterStore

    if args.reopen and not args.replace:
        raise UsageError("--reopen 只和 --replace 一起使用（替换已签署报送的年度）。")
    answers = load_answers_file(args.answers)
    if not args.db.exists():  # checked before the file is created: a refused import leaves no file
        from dqsa.domain.answers import ensure_valid
        from dqsa.packs import find_pack

        ensure_valid(find_pack(answers.pack.id, answers.pack.version), answers)
    reason = f"用 dqsa import --replace --reopen 替换为答卷 {args.answers.name}" if args.reopen else None
    with CenterStore.open(args.db, create=True) as store:
        try:
            store.import_answers(answers, replace=args.replace, reopen_reason=reason)
        except SignedYear as exc:
            print(
                f"{exc.year} 年度的自评已签署报送，替换它会使中心文件与已报送的材料包不一致。\n"
                "如确需替换，请加 --reopen（会记入历史；替换后需要重新签署导出并报送）。没有导入。",
                file=sys.stderr,
            )
            return EXIT_FAILED
        total = store.scorecard(answers.year).total
        status = store.summary(answers.year).status
    print(f"已导入 {answers.center.name} {answers.year} 年度自评到 {args.db}（合计 {total}）")
    if status.was_sent:
        print(f"注意：{answers.year} 年度曾签署报送，现在与已报送的材料包不一致，需要重新签署导出并报送。")
    return EXIT_OK


def _export_answers_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("-o", "--output", type=Path, help="输出文件（默认打印到屏幕）")


def _export_answers(args: argparse.Namespace) -> int:
    from dqsa.answers_file import answers_json, write_answers_file

    with open_store(args.db) as store:
        answers = store.answers(args.year)
    if args.output is None:
        sys.stdout.write(answers_json(answers))
    else:
        write_answers_file(answers, args.output)
        print(f"已导出到 {args.output}")
    return EXIT_OK


# --- new-year -------------------------------------------------------------------------------------


def _new_year_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, required=True, help="中心文件（.dqsa），须已填写中心概况")
    parser.add_argument("--year", type=int, required=True, help="要新建的年度")
    parser.add_argument(
        "--from", dest="from_year", type=int, metavar="以往年度", help="以这个较早的年度为起点"
    )


def _new_year(args: argparse.Namespace) -> int:
    """Create a year's assessment, empty or from an earlier year (the window's 新建年度自评)."""
    from datetime import date

    from dqsa import years

    with open_store(args.db) as store:
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
        pack = store.pack_for(args.year)
    if args.from_year is None:
        print(f"已新建 {args.year} 年度自评（空白）：{args.db}")
    else:
        print(f"已新建 {args.year} 年度自评，以 {args.from_year} 年度为起点：{args.db}")
        print(years.carry_over(pack, args.from_year))
    return EXIT_OK


# --- compare --------------------------------------------------------------------------------------


def _compare_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("answers", type=Path, nargs="*", help="两份答卷文件：较早的在前")
    parser.add_argument("--db", type=Path, help="中心文件，与 --years 一起使用")
    parser.add_argument("--years", type=int, nargs=2, metavar=("较早年度", "较晚年度"))
    parser.add_argument("--json", action="store_true")


def _compare(args: argparse.Namespace) -> int:
    if args.db is not None:
        if args.answers or not args.years:
            raise UsageError(
                "用法：dqsa compare --db 中心文件 --years 2025 2026，或 dqsa compare A.json B.json"
            )
        with open_store(args.db) as store:
            result = store.compare(*args.years)
    else:
        if len(args.answers) != 2:
            raise UsageError("请给出两份答卷文件（较早的在前），或用 --db 和 --years")
        result = _compare_files(args.answers[0], args.answers[1])
    if args.json:
        print(json.dumps(comparison_to_dict(result), ensure_ascii=False, indent=2))
    else:
        print(render_comparison(result))
    return EXIT_OK


def _compare_files(old_path: Path, new_path: Path) -> Comparison:
    """Two answers files, each scored against its own bundled pack, compared as the store compares years."""
    from dqsa.answers_file import load_answers_file
    from dqsa.domain.comparison import compare
    from dqsa.domain.scoring import score
    from dqsa.packs import find_pack

    old, new = load_answers_file(old_path), load_answers_file(new_path)
    old_pack = find_pack(old.pack.id, old.pack.version)
    new_pack = find_pack(new.pack.id, new.pack.version)
    return compare(score(old_pack, old), old, old_pack, score(new_pack, new), new, new_pack)


def comparison_to_dict(result: Comparison) -> dict[str, Any]:
    """The comparison as JSON-ready data (numbers as numbers)."""
    from dqsa.export.wording import json_number as num

    def part(p: PartChange) -> dict[str, Any]:
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
                "note": i.note,
            }
            for i in result.items
        ],
        "facts": list(result.facts),
    }


def render_comparison(result: Comparison) -> str:
    """The comparison as text: subtotals, changed items, changed facts."""
    from dqsa.domain.comparison import TREND_LABELS
    from dqsa.export.wording import change_text, fmt

    lines = [f"{result.old_year} 年 → {result.new_year} 年（{result.old_pack} → {result.new_pack}）", ""]
    lines.append(
        f"合计：{fmt(result.old_total)}/{fmt(result.old_max)} → {fmt(result.new_total)}/{fmt(result.new_max)}"
    )
    for part in (*result.tables, *result.sections):
        old = (
            "—"
            if part.old_score is None or part.old_max is None
            else f"{fmt(part.old_score)}/{fmt(part.old_max)}"
        )
        new = (
            "—"
            if part.new_score is None or part.new_max is None
            else f"{fmt(part.new_score)}/{fmt(part.new_max)}"
        )
        lines.append(f"  {pad(part.title, 16)} {pad(old, 12)} → {pad(new, 12)} {change_text(part.change)}")
    changed = [i for i in result.items if i.trend != "unchanged"]
    lines += [
        "",
        f"有变化的条目（{len(changed)} 项；进步 {result.count('improved')}，退步 {result.count('regressed')}）：",
    ]
    for item in changed:
        note = f"（{item.note}）" if item.note else ""
        lines.append(
            f"  {pad(item.item_id, 14)} {pad(TREND_LABELS[item.trend], 8)} "
            f"{pad(item.shown('old'), 8)} → {pad(item.shown('new'), 8)} {item.text[:30]}{note}"
        )
    if result.facts:
        lines += ["", "情况变化："] + [f"  {line}" for line in result.facts]
    return "\n".join(lines)


COMMANDS = [
    Command("score", "为一份答卷或中心文件中的一个年度评分", _score_arguments, _score),
    Command("import", "把答卷导入中心文件（没有则新建）", _import_arguments, _import),
    Command(
        "export-answers", "把中心文件中一个年度的自评导出为答卷", _export_answers_arguments, _export_answers
    ),
    Command(
        "new-year",
        "在中心文件中新建一个年度的自评（空白，或以以往年度为起点）",
        _new_year_arguments,
        _new_year,
    ),
    Command("compare", "对比两个年度（或两份答卷）的自评", _compare_arguments, _compare),
]
