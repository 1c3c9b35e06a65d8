"""What every subcommand shares: exit codes, the subcommand record, usage errors, the passphrase, opening a file."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dqsa.store.service import CenterStore

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INVALID = 2


class UsageError(Exception):
    """Arguments that do not go together (exit 2 with the message)."""


@dataclass(frozen=True)
class Command:
    """One subcommand: its name and help, how its arguments are declared, and what runs it.

    ``run`` returns the exit code. Heavy imports happen inside ``run``, never at import
    time: ``dqsa --help`` and the GUI's start must not load the export libraries.
    """

    name: str
    help: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]
    aliases: tuple[str, ...] = field(default=())


def passphrase(args: argparse.Namespace, prompt: str = "签署口令：") -> str:
    """The signing passphrase from ``--passphrase-env``, else asked in the terminal (never echoed)."""
    import os

    if args.passphrase_env:
        value = os.environ.get(args.passphrase_env)
        if value is None:
            raise UsageError(f"环境变量 {args.passphrase_env} 没有设置")
        return value
    if not sys.stdin.isatty():
        raise UsageError("请在终端中运行以输入签署口令，或用 --passphrase-env 指定存放口令的环境变量")
    import getpass

    return getpass.getpass(prompt)


def passphrase_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-env", metavar="变量名", help="从这个环境变量读取签署口令（否则提示输入）"
    )


def open_store(path: Path) -> CenterStore:
    """An existing center file (a missing one is an error, never created here)."""
    from dqsa.store.service import CenterStore

    return CenterStore.open(path, create=False)


def pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` terminal columns (Chinese characters take two)."""
    from dqsa.export.wording import display_width

    return text + " " * max(0, width - display_width(text))
