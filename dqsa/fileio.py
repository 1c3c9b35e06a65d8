"""Writing the files a person asked for (packets, answers, workbooks, reports, backups), the same way everywhere.

Standard library only, cheap to import. Every output goes through :func:`atomic_output`: a
temporary file in the target's folder, renamed over the target when complete, removed on any
failure; so a full disk or a read-only folder leaves either the old file or nothing, never
half a file. What could not be written is :class:`OutputFailed`: an ``OSError`` whose message
(Chinese) names the file and its folder, says why, and what to do.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

#: errno values meaning "this place cannot be written" (the file system, the folder or the file).
_READ_ONLY = {errno.EROFS}
_NO_PERMISSION = {errno.EACCES, errno.EPERM}
_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


class OutputFailed(OSError):
    """An output file could not be written; nothing was left behind. ``str()`` is the Chinese message."""

    def __init__(self, target: Path, error: OSError) -> None:
        super().__init__(error.errno, cannot_write_message(target, error))
        self.target = target
        self.folder = target.parent

    def __str__(self) -> str:
        return str(self.strerror)


def cannot_write_message(target: Path, error: OSError) -> str:
    """Why ``target`` could not be written and what to do, naming its folder."""
    why, todo = _why(error)
    return f"无法把“{target.name}”保存到文件夹“{target.parent}”：{why}。没有写出任何文件。{todo}"


def describe_os_error(error: OSError) -> str:
    """Any failure of the file system in Chinese, naming the file (never a bare ``[Errno 30] …``)."""
    if isinstance(error, OutputFailed):
        return str(error)
    why, todo = _why(error)
    where = f"“{error.filename}”" if error.filename else "文件"
    return f"无法读写{where}：{why}。{todo}"


def _why(error: OSError) -> tuple[str, str]:
    code = error.errno
    if code in _FULL:
        why = "磁盘空间已满"
        todo = "请删除一些不需要的文件腾出空间，或换一个空间充足的文件夹（或 U 盘）后再试。"
    elif code in _READ_ONLY:
        why = "这个位置是只读的（如光盘、写保护的 U 盘）"
        todo = "请换一个可以写入的文件夹（如“文档”）后再试。"
    elif code in _NO_PERMISSION:
        why = "没有在这个文件夹中写入的权限，或同名文件正被其他程序（如 Excel、PDF 阅读器）打开"
        todo = "请关闭打开它的程序，或换一个文件夹（如“文档”）后再试。"
    elif code == errno.ENOENT:
        why = "文件夹不存在（U 盘是否已拔出？）"
        todo = "请重新选择保存的文件夹。"
    elif code in {errno.ENOTDIR, errno.EISDIR, errno.EEXIST}:
        why = "这个名字已被一个文件或文件夹占用"
        todo = "请换一个文件夹或文件名。"
    elif code == errno.EIO:
        why = "读写磁盘出错（U 盘可能已拔出，或磁盘损坏）"
        todo = "请检查 U 盘或磁盘后再试，或换一个文件夹。"
    elif code == errno.ENAMETOOLONG:
        why = "文件夹路径太长"
        todo = "请选择一个路径较短的文件夹（如“文档”）。"
    else:
        why = error.strerror or str(error)
        todo = "请检查磁盘或 U 盘，或换一个文件夹后再试。"
    return why, todo


@contextlib.contextmanager
def atomic_output(target: Path, *, prefix: str = ".dqsa-") -> Iterator[Path]:
    """A temporary path beside ``target`` to write; renamed to ``target`` when the block ends without error.

    On any failure the temporary file is removed; an ``OSError`` becomes :class:`OutputFailed`.
    """
    target = Path(target)
    temporary: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, name = tempfile.mkstemp(prefix=prefix, suffix=target.suffix, dir=target.parent)
        os.close(descriptor)
        temporary = Path(name)
        yield temporary
        _fsync(temporary)
        os.replace(temporary, target)
        temporary = None
    except OSError as exc:
        if isinstance(exc, OutputFailed):
            raise
        raise OutputFailed(target, exc) from exc
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def write_bytes_atomic(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    """Write ``data`` through a temporary file beside ``path`` (see :func:`atomic_output`)."""
    with atomic_output(path) as temporary:
        temporary.write_bytes(data)
        os.chmod(temporary, mode)  # mkstemp makes 0600; a saved file should be readable like any other


def write_text_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text (``\\n`` line ends) through a temporary file beside ``path``.

    A crash or power loss leaves either the old file or the new one, never half.
    """
    with atomic_output(path, prefix=".tmp-") as temporary:
        with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(temporary, 0o644)


def check_writable(target: Path, *, need: int = 0) -> None:
    """:class:`OutputFailed` now if ``target``'s folder (made if missing) takes no file, or has less than
    ``need`` bytes free: said before any work is done, not after it.

    Folders made for the check are removed again (the writing makes them): an export refused
    for another reason after this check leaves no empty folder behind.
    """
    import shutil

    target = Path(target)
    made = [p for p in (target.parent, *target.parent.parents) if not p.exists()]
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, name = tempfile.mkstemp(prefix=".dqsa-", dir=target.parent)
        os.close(descriptor)
        os.unlink(name)
        if need and shutil.disk_usage(target.parent).free < need:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    except OSError as exc:
        raise OutputFailed(target, exc) from exc
    finally:
        for folder in made:  # innermost first
            with contextlib.suppress(OSError):
                folder.rmdir()
