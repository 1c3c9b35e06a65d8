"""A lock on one file, so a second running copy of the program cannot open it.

The lock is keyed to the file itself, not to the name it was opened by:

- the lock file sits beside the file's *resolved* path (``中心.dqsa.lock``), so a
  symlink or another spelling of the path finds the same lock; it holds the holder's
  process id and host, and is locked with the operating system's file lock while
  open, so a lock left behind by a crash (the OS releases it with the process) is
  recognised as stale and taken over;
- the file itself is locked too (``flock`` on POSIX: by device and inode), so a hard
  link, which resolves to another path, cannot open the same file twice either; within
  one process a table of held (device, inode) pairs says the same on every system.

A lock that cannot be taken because the folder is read-only, the disk is full or
permission is missing raises :class:`CannotLock` (the caller decides: view read-only
or refuse); a lock held by another program raises :class:`FileInUse`.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import sys
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from dqsa.store.errors import FileInUse

#: Errors that mean "this place cannot be written", not "something is broken".
UNWRITABLE = frozenset({errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT})

#: (device, inode) of every file this process holds a lock on.
_HELD: dict[tuple[int, int], Path] = {}


class CannotLock(Exception):
    """The lock file cannot be created or written here (read-only folder or media, full disk)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error
        self.disk_full = error.errno in {errno.ENOSPC, errno.EDQUOT}


def lock_path_for(path: Path) -> Path:
    """``中心.dqsa`` → ``中心.dqsa.lock`` (beside the path as given: resolve it first)."""
    return path.with_name(path.name + ".lock")


def file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of a file, where the system gives them."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if info.st_ino else None


def _try_os_lock(handle: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _in_use(target: Path, holder: dict[str, Any] | None = None, *, other_name: bool = False) -> FileInUse:
    who = f"（进程 {holder.get('pid', '?')}，{holder.get('since', '?')} 起）" if holder else ""
    how = "（通过另一个名称或链接）" if other_name else ""
    return FileInUse(
        f"这个文件已经在另一个 dqsa 窗口中打开{how}{who}：{target}\n请切换到那个窗口继续工作，或先关闭它再打开。",
        path=target,
    )


class FileLock:
    """Holds the lock on one file until :meth:`release`."""

    def __init__(self, path: Path) -> None:
        #: The locked file's resolved path.
        self.target = Path(path).resolve()
        self.path = lock_path_for(self.target)
        self._handle: IO[bytes] | None = None
        self._file_fd: int | None = None
        self._identity: tuple[int, int] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        """Take the lock (and the file's, if it exists) or raise :class:`FileInUse` / :class:`CannotLock`."""
        try:
            handle = open(self.path, "a+b", buffering=0)  # noqa: SIM115 - kept open while held
        except OSError as exc:
            if exc.errno in UNWRITABLE:
                raise CannotLock(exc) from None
            raise
        if not _try_os_lock(handle):
            handle.close()
            raise _in_use(self.target, self._read_holder())
        self._handle = handle
        try:
            self._write_holder(handle)
            if self.target.exists():
                self.hold_file()
        except BaseException:
            self.release()
            raise

    def _write_holder(self, handle: IO[bytes]) -> None:
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": datetime.now().isoformat(" ", "seconds"),
        }
        # Keep byte 0 (the Windows lock region) in place: rewrite from byte 1 onward.
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(b" " + json.dumps(info, ensure_ascii=False).encode("utf-8"))
        except OSError as exc:  # a full disk: the lock itself holds; only the holder's name is missing
            if exc.errno not in UNWRITABLE:
                raise
            with contextlib.suppress(OSError):
                handle.truncate(0)

    def hold_file(self) -> None:
        """Lock the file itself by its identity (call again after the file was replaced)."""
        self._let_go_of_file()
        identity = file_identity(self.target)
        if identity is not None:
            if identity in _HELD:
                raise _in_use(self.target, other_name=_HELD[identity] != self.target)
            if sys.platform != "win32":
                import fcntl

                fd = os.open(self.target, os.O_RDONLY)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    os.close(fd)
                    raise _in_use(self.target, other_name=True) from None
                self._file_fd = fd
            _HELD[identity] = self.target
            self._identity = identity

    def _let_go_of_file(self) -> None:
        if self._identity is not None:
            _HELD.pop(self._identity, None)
            self._identity = None
        if self._file_fd is not None:
            fd, self._file_fd = self._file_fd, None
            os.close(fd)

    def _read_holder(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_bytes().decode("utf-8").strip() or "{}")
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def release(self) -> None:
        """Give the lock up and remove the lock file."""
        self._let_go_of_file()
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        # Windows refuses to delete an open file: unlink after closing there.
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)
        handle.close()
        if sys.platform == "win32":
            with contextlib.suppress(OSError):
                self.path.unlink(missing_ok=True)
