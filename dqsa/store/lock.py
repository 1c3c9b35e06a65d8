"""A lock file beside the center file, so a second running copy cannot open it.

The lock file holds the holder's process id and host. It is also locked with the
operating system's file lock while open, so a lock left behind by a crash (the
OS releases it with the process) is recognised as stale and taken over.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
from datetime import datetime
from pathlib import Path
from typing import IO

from dqsa.store.errors import FileInUse


def lock_path_for(path: Path) -> Path:
    """``中心.dqsa`` → ``中心.dqsa.lock``."""
    return path.with_name(path.name + ".lock")


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


class FileLock:
    """Holds the lock on one center file until :meth:`release`."""

    def __init__(self, path: Path) -> None:
        self.path = lock_path_for(path)
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`FileInUse` naming the holder."""
        handle = open(self.path, "a+b")  # noqa: SIM115 - kept open while the lock is held
        if not _try_os_lock(handle):
            handle.close()
            holder = self._read_holder()
            who = f"（进程 {holder.get('pid', '?')}，{holder.get('since', '?')} 起）" if holder else ""
            raise FileInUse(
                f"这个文件已经在另一个 dqsa 窗口中打开{who}：{self.path.with_suffix('')}\n"
                "请切换到那个窗口继续工作，或先关闭它再打开。",
                path=self.path,
            )
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "since": datetime.now().isoformat(" ", "seconds"),
        }
        # Keep byte 0 (the Windows lock region) in place: rewrite from byte 1 onward.
        handle.seek(0)
        handle.truncate()
        handle.write(b" " + json.dumps(info, ensure_ascii=False).encode("utf-8"))
        handle.flush()
        self._handle = handle

    def _read_holder(self) -> dict:
        try:
            return json.loads(self.path.read_bytes().decode("utf-8").strip() or "{}")
        except (OSError, ValueError):
            return {}

    def release(self) -> None:
        """Give the lock up and remove the lock file."""
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
