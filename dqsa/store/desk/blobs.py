"""The packets folder beside a desk file: every received packet, byte-exact, content-addressed.

``<desk file>.packets/<sha256[:2]>/<sha256>.zip``. A packet is written once, to a
temporary name in its final folder, fsynced, renamed into place and the folder
fsynced, all BEFORE the database row that names it commits: a crash leaves at worst
a file no row names (an orphan), never a row without its file. At open, leftovers
of an interrupted write (``*.tmp``) are deleted and orphan packets are moved to
``未入账/`` inside the folder, where a person can find them and receive them again
(a desk restored from an older backup must not lose packets received since).

Why beside the file and not in SQLite: 5 years × 200 centers × ~2 MB is ~2 GB; the
daily backups and the integrity check at open would copy and scan all of it.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from dqsa.store.errors import SaveFailed, StoreError

log = logging.getLogger(__name__)

#: Where orphan packets are moved at open (inside the packets folder).
UNFILED = "未入账"
_SUFFIX = ".zip"
_PARTIAL = ".tmp"


def packets_folder(desk_file: Path) -> Path:
    """The folder beside ``desk_file`` that holds its packets."""
    return desk_file.with_name(desk_file.name + ".packets")


def _is_digest(text: str) -> bool:
    return len(text) == 64 and all(ch in "0123456789abcdef" for ch in text)


class PacketFolder:
    """The packets of one desk file."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_of(self, sha256: str) -> Path:
        if not _is_digest(sha256):
            raise ValueError(f"not a SHA-256 digest: {sha256!r}")
        return self.root / sha256[:2] / f"{sha256}{_SUFFIX}"

    def has(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    # -- writing -----------------------------------------------------------------------------

    def write(self, sha256: str, data: bytes) -> Path:
        """Keep ``data`` under its digest (once: an intact copy already there is left alone).

        Durable when this returns (file and folder fsynced). A failure leaves nothing
        behind and raises :class:`SaveFailed` with a Chinese message.
        """
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ValueError("the data is not what its digest says")
        target = self.path_of(sha256)
        if target.is_file() and target.stat().st_size == len(data) and _digest_of(target) == sha256:
            return target
        partial = target.with_name(f".{sha256}.{os.getpid()}{_PARTIAL}")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(partial, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(partial, target)
            _sync_folder(target.parent)
            _sync_folder(self.root)
        except OSError as exc:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)
            raise SaveFailed(_write_failure(exc, self.root), path=self.root, pending="保存材料包") from exc
        return target

    # -- reading ------------------------------------------------------------------------------

    def read(self, sha256: str, *, check: bool = True) -> bytes:
        """The packet's bytes; :class:`StoreError` when it is missing, unreadable or not what it was."""
        path = self.path_of(sha256)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise StoreError(
                f"找不到这个材料包的原件：{path}\n"
                f"台账文件和它旁边的“{self.root.name}”文件夹要一起移动和备份。"
                "请把原来的文件夹放回台账文件旁边，或重新接收这个材料包。",
                path=path,
            ) from None
        except OSError as exc:
            raise StoreError(f"读取材料包原件失败：{path}（{exc.strerror or exc}）", path=path) from None
        if check and hashlib.sha256(data).hexdigest() != sha256:
            raise StoreError(
                f"材料包原件已损坏或被改动（与接收时的摘要不符）：{path}\n请重新接收这个中心的材料包。",
                path=path,
            )
        return data

    # -- tidying at open ---------------------------------------------------------------------

    def tidy(self, known: Iterable[str]) -> list[Path]:
        """Delete leftovers of interrupted writes; move packets no row names to ``未入账/``.

        Returns where the moved packets now are. Never raises: a folder that cannot be
        tidied is left as it is (logged).
        """
        if not self.root.is_dir():
            return []
        wanted = set(known)
        moved: list[Path] = []
        try:
            for sub in sorted(self.root.iterdir()):
                if not sub.is_dir() or len(sub.name) != 2 or sub.name == UNFILED:
                    continue
                for entry in sorted(sub.iterdir()):
                    if entry.name.endswith(_PARTIAL):
                        entry.unlink(missing_ok=True)
                        continue
                    digest = entry.name.removesuffix(_SUFFIX)
                    if entry.suffix == _SUFFIX and _is_digest(digest) and digest not in wanted:
                        place = self.root / UNFILED / entry.name
                        place.parent.mkdir(exist_ok=True)
                        shutil.move(str(entry), place)
                        moved.append(place)
        except OSError as exc:
            log.warning("could not tidy %s: %s", self.root, exc)
        if moved:
            log.warning("moved %d packet(s) no row names to %s", len(moved), self.root / UNFILED)
        return moved


def _digest_of(path: Path) -> str:
    hasher = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            hasher.update(chunk)
    return hasher.hexdigest()


def _sync_folder(folder: Path) -> None:
    """fsync a folder so a rename in it survives power loss (not possible on Windows: skipped)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _write_failure(exc: OSError, root: Path) -> str:
    if exc.errno in {errno.ENOSPC, errno.EDQUOT}:
        return "磁盘空间已满，材料包没有保存，台账没有改动。请腾出空间后重新接收。"
    if exc.errno in {errno.EROFS, errno.EACCES, errno.EPERM}:
        return f"无法写入材料包文件夹（只读或没有权限）：{root}\n台账没有改动。"
    return f"保存材料包失败（{exc.strerror or exc}），台账没有改动：{root}"
