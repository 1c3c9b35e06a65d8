"""The command line. With no subcommand it starts the desktop program.

Every subcommand is a thin call into the domain, store and export layers, declared
once as a :class:`~dqsa.cli.common.Command` in the module of its kind (``criteria``,
``center``, ``packet``, …) and collected in :data:`COMMANDS`: the parser, the
dispatch and the list of subcommand names all come from that one table. Exit codes:
0 success, 1 failure of the program or the environment, 2 invalid input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from dqsa import __version__
from dqsa.cli import center, criteria, desk, packet, review
from dqsa.cli.center import comparison_to_dict, render_comparison, render_scorecard
from dqsa.cli.common import EXIT_FAILED, EXIT_INVALID, EXIT_OK, Command, UsageError

__all__ = [
    "COMMANDS",
    "EXIT_FAILED",
    "EXIT_INVALID",
    "EXIT_OK",
    "SUBCOMMANDS",
    "UsageError",
    "comparison_to_dict",
    "main",
    "render_comparison",
    "render_scorecard",
]

#: Every subcommand, in the order ``dqsa --help`` lists them.
COMMANDS: tuple[Command, ...] = (
    *criteria.COMMANDS,
    *center.COMMANDS,
    *packet.COMMANDS,
    *review.COMMANDS,
    *desk.COMMANDS,
)
SUBCOMMANDS: frozenset[str] = frozenset(name for c in COMMANDS for name in (c.name, *c.aliases))


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
    parser.add_argument(
        "--demo-desk", action="store_true", help="打开示例上级审核台账的临时副本（十几个中心、两个年度）"
    )
    parser.add_argument("--file", type=Path, help="打开指定的中心文件（.dqsa）或上级审核台账（.dqsd）")
    parser.add_argument(
        "--self-test", action="store_true", help="自检：打开示例、评分、导出并校验材料包（用于安装后的检查）"
    )
    sub = parser.add_subparsers(dest="command", metavar="子命令")
    for command in COMMANDS:
        command.arguments(sub.add_parser(command.name, help=command.help, aliases=list(command.aliases)))
    return parser


def _command(name: str) -> Command:
    return next(c for c in COMMANDS if name == c.name or name in c.aliases)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``dqsa`` console script and ``python -m dqsa``."""
    _make_output_safe()
    argv = list(sys.argv[1:] if argv is None else argv)
    if not set(argv) & SUBCOMMANDS and "--file" not in argv:  # "dqsa 中心.dqsa": a double-clicked file
        for index, arg in enumerate(argv):
            if arg.lower().endswith((".dqsa", ".dqsd")) and not arg.startswith("-"):
                argv[index : index + 1] = ["--file", arg]
                break
    args = _build_parser().parse_args(argv)
    if args.self_test:
        from dqsa.ui.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        from dqsa.ui.app import run_gui  # Qt is imported only for the GUI

        return run_gui(
            no_err_windows=args.no_err_windows, demo=args.demo, file=args.file, demo_desk=args.demo_desk
        )
    run = _command(args.command).run
    from dqsa.domain.errors import InvalidInput

    try:
        with _library_logs_to_file():
            return run(args)
    except InvalidInput as exc:
        print("输入有误：", file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        return EXIT_INVALID
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:  # the reader went away ("dqsa verify … | head"): nothing more to say
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return EXIT_FAILED
    except OSError as exc:
        from dqsa.fileio import describe_os_error

        print(describe_os_error(exc), file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:
        from dqsa.export.fonts import FontNotFound
        from dqsa.export.identity import IdentityError
        from dqsa.store.errors import StoreError

        if isinstance(exc, StoreError | IdentityError | FontNotFound):
            print(str(exc), file=sys.stderr)
            return EXIT_FAILED
        raise


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
