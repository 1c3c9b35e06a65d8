"""Receiving packets into a desk: verify, re-score, then let the desk store identify and keep them.

One packet (a path or its bytes) goes through :func:`receive_packet`:

1. its bytes are read once and hashed; bytes the desk already holds are a
   **duplicate** (nothing else is done);
2. the existing verifier (:func:`dqsa.export.verify.verify_packet`) checks every
   member, the manifest's signature and the PDF's; any problem → **refused** with
   the verifier's words (logged in the desk's receipt log, nothing stored);
3. the packet's own ``answers.json`` is re-scored with its own ``criteria-pack.json``
   through the domain, and the result must equal the manifest's totals exactly
   (a packet whose numbers do not add up is refused, whoever signed it);
4. :meth:`DeskStore.add_packet <dqsa.store.desk.receiving.ReceivingMixin.add_packet>`
   identifies the center by its certificate and keeps the packet (accepted,
   superseded, outdated or held).

:func:`receive_paths` does the same for files and folders (walked recursively for
``*.zip``; other files are reported, not fatal), with progress for a window's worker
thread and, on request (``workers`` > 1), verification in a pool of processes
(steps 2–3 are CPU-bound; the desk itself is written from the calling thread only).
On 2 cores the pool does not pay (see :func:`default_workers`), so by default there is none.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from dqsa.export.packet import ANSWERS_NAME, PACK_NAME
from dqsa.export.verify import MAX_PACKET_BYTES, PacketError, Verification, verify_packet

if TYPE_CHECKING:
    from dqsa.store.desk.records import IncomingPacket, Receipt
    from dqsa.store.desk.service import DeskStore

log = logging.getLogger(__name__)

#: progress(done, total, what): called after each packet (and once at the start with done=0).
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Refusal:
    """A packet that cannot be received, and why (Chinese, one or more lines)."""

    source_name: str
    problems: tuple[str, ...]
    sha256: str | None = None
    fingerprint: str | None = None

    @property
    def message(self) -> str:
        return "；".join(self.problems)


@dataclass(frozen=True)
class OddFile:
    """A file met while walking folders that is not a packet (reported, not fatal)."""

    path: Path
    message: str


# --- one packet ---------------------------------------------------------------------------------------


def read_packet(path: Path) -> bytes:
    """A packet file's bytes (size-limited); :class:`PacketError` in plain Chinese when it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_PACKET_BYTES:
            raise PacketError(f"文件太大（{size // (1024 * 1024)} MB），不像是 dqsa 材料包。")
        with path.open("rb") as handle:
            return handle.read(MAX_PACKET_BYTES + 1)
    except FileNotFoundError:
        raise PacketError(f"找不到文件：{path}") from None
    except IsADirectoryError:
        raise PacketError(f"{path} 是文件夹，不是材料包。") from None
    except PermissionError:
        raise PacketError(f"没有权限读取：{path}") from None
    except OSError as exc:
        raise PacketError(f"读取失败：{path}（{exc.strerror or exc}）") from None


def check_packet(data: bytes, source_name: str, *, sha256: str | None = None) -> IncomingPacket | Refusal:
    """Verify and re-score one packet's bytes: the :class:`IncomingPacket` to store, or why not.

    Never raises for a bad packet. Runs in a worker process too (everything it
    returns can be pickled).
    """
    digest = sha256 or hashlib.sha256(data).hexdigest()
    verification = verify_packet(data)
    try:
        if not verification.ok or verification.manifest is None or verification.fingerprint is None:
            problems = verification.problems or ["材料包没有通过校验"]
            return Refusal(source_name, tuple(problems), digest, verification.fingerprint)
        try:
            return _incoming(verification, data, digest, source_name)
        except _Refused as exc:
            return Refusal(source_name, tuple(exc.problems), digest, verification.fingerprint)
        except Exception as exc:  # the last guard: a hostile packet must never crash the desk
            log.exception("checking %s failed unexpectedly", source_name)
            return Refusal(
                source_name,
                (f"检查材料包内容时出现意外错误（{type(exc).__name__}），材料包不可信。详情已写入日志。",),
                digest,
                verification.fingerprint,
            )
    finally:
        verification.release()


class _Refused(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _incoming(verification: Verification, data: bytes, digest: str, source_name: str) -> IncomingPacket:
    from dqsa.answers_file import parse_answers_bytes
    from dqsa.domain.criteria import pack_data_digest
    from dqsa.domain.errors import InvalidInput
    from dqsa.domain.rollup import Standard, marks_from_scorecard
    from dqsa.domain.scoring import score
    from dqsa.jsonlimits import JsonRefused, loads_limited
    from dqsa.packs import MAX_PACK_BYTES, pack_from_data
    from dqsa.store.desk.records import IncomingPacket

    manifest = verification.manifest
    fingerprint = verification.fingerprint
    assert manifest is not None and fingerprint is not None
    try:
        answers = parse_answers_bytes(verification.read_member(ANSWERS_NAME), what="")
    except PacketError as exc:
        raise _Refused([str(exc)]) from None
    except InvalidInput as exc:
        raise _Refused([f"{ANSWERS_NAME}：{_problem(p)}" for p in exc.problems]) from None
    try:
        raw_pack = loads_limited(verification.read_member(PACK_NAME), what="", max_bytes=MAX_PACK_BYTES)
        pack = pack_from_data(raw_pack, name=PACK_NAME)
    except PacketError as exc:
        raise _Refused([str(exc)]) from None
    except JsonRefused as exc:
        raise _Refused([f"{PACK_NAME}：{exc}"]) from None
    except InvalidInput as exc:
        raise _Refused([f"{PACK_NAME}：{_problem(p)}" for p in exc.problems]) from None
    problems = []
    if pack_data_digest(raw_pack) != manifest.pack.hash:
        problems.append(f"{PACK_NAME}：内容摘要与清单中的 pack.hash 不符")
    if (pack.id, pack.version, pack.kind) != (manifest.pack.id, manifest.pack.version, manifest.pack.kind):
        problems.append(f"{PACK_NAME}：标准包 {pack.id} {pack.version}（{pack.kind}）与清单不一致")
    if (answers.pack.id, answers.pack.version) != (manifest.pack.id, manifest.pack.version):
        problems.append(f"{ANSWERS_NAME}：字段 pack 与清单中的标准包不一致")
    if answers.year != manifest.year:
        problems.append(f"{ANSWERS_NAME}：字段 year 为 {answers.year}，清单为 {manifest.year}（不一致）")
    if answers.center.name != manifest.center.name or answers.center.level != manifest.center.level:
        problems.append(f"{ANSWERS_NAME}：字段 center 与清单中的中心名称或级别不一致")
    if problems:
        raise _Refused(problems)
    try:
        card = score(pack, answers)
    except InvalidInput as exc:
        raise _Refused([f"{ANSWERS_NAME}：{_problem(p)}" for p in exc.problems]) from None
    total, maximum = manifest.total_decimal()
    tables = {t.table_id: (t.score, t.max_points) for t in card.tables}
    declared = manifest.tables_decimal()
    if (
        card.total != total
        or card.max_total != maximum
        or card.percent != manifest.percent_decimal()
        or tables != declared
        or len(card.unanswered) != manifest.totals.unanswered
    ):
        raise _Refused(
            [
                "重新评分的结果与清单中的得分不一致："
                f"清单 {_figures(declared, total, maximum)}，重新评分 {_figures(tables, card.total, card.max_total)}。"
                "材料包的内容与它声明的得分不符，不能计入。"
            ]
        )
    return IncomingPacket(
        data=data,
        sha256=digest,
        source_name=source_name,
        manifest_format=manifest.format,
        center_name=manifest.center.name,
        center_level=manifest.center.level,
        level_label=manifest.level_label or card.level_label,
        center_region=manifest.center.region,
        year=manifest.year,
        standard=Standard(pack.id, pack.version, pack.kind, pack.title),
        pack_json=json.dumps(pack.model_dump(mode="json", by_alias=True), ensure_ascii=False, sort_keys=True),
        pack_hash=pack.content_hash(),
        fingerprint=fingerprint,
        signer_name=manifest.signer.name,
        signer_title=manifest.signer.title,
        signed_at=manifest.signed_at,
        total=card.total,
        max_total=card.max_total,
        percent=card.percent,
        unanswered=len(card.unanswered),
        tables=tables,
        marks=marks_from_scorecard(card),
        manifest=manifest.model_dump(mode="json"),
    )


def _problem(problem: object) -> str:
    field = getattr(problem, "field", "")
    message = getattr(problem, "message", str(problem))
    return f"字段 {field}：{message}" if field else str(message)


def _figures(tables: dict[str, tuple[Decimal, Decimal]], total: Decimal, maximum: Decimal) -> str:
    from dqsa.domain.numbers import fmt

    parts = [f"{key} {fmt(s)}/{fmt(m)}" for key, (s, m) in tables.items()]
    return "，".join([*parts, f"合计 {fmt(total)}/{fmt(maximum)}"])


def receive_packet(desk: DeskStore, source: Path | bytes, *, name: str | None = None) -> Receipt:
    """Receive one packet (a path or its bytes) into ``desk``: the :class:`Receipt` says what became of it.

    A packet that cannot be read or verified is refused (and logged); storage failures
    of the desk itself (read-only, full disk) raise :class:`~dqsa.store.errors.StoreError`.
    """
    source_name = name or (str(source) if isinstance(source, Path) else "（内存中的材料包）")
    if isinstance(source, Path):
        try:
            data = read_packet(source)
        except PacketError as exc:
            return desk.record_refusal(source_name, str(exc))
    else:
        data = source
    digest = hashlib.sha256(data).hexdigest()
    duplicate = desk.note_duplicate(digest, source_name)
    if duplicate is not None:
        return duplicate
    return _store(desk, check_packet(data, source_name, sha256=digest))


def _store(desk: DeskStore, checked: IncomingPacket | Refusal) -> Receipt:
    if isinstance(checked, Refusal):
        return desk.record_refusal(checked.source_name, checked.message, sha256=checked.sha256)
    return desk.add_packet(checked)


# --- many packets --------------------------------------------------------------------------------------


def packet_files(paths: Iterable[Path]) -> tuple[list[Path], list[OddFile]]:
    """The ``*.zip`` files among ``paths`` (folders walked recursively, in name order), and the rest.

    A file given by name is taken whatever its extension (the verifier decides);
    inside folders only ``.zip`` files are, and other files are listed as odd.
    Hidden files and a desk's own packets folder are skipped.
    """
    files: list[Path] = []
    odd: list[OddFile] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            files.append(path)

    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found in _walk(path):
                if found.suffix.lower() == ".zip":
                    add(found)
                else:
                    odd.append(OddFile(found, "不是 zip 材料包，已跳过"))
        elif path.exists():
            add(path)
        else:
            odd.append(OddFile(path, "找不到这个文件或文件夹"))
    return files, odd


def _walk(folder: Path) -> Iterator[Path]:
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name.endswith(".packets"):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.is_file():
            yield entry


def _check_file(path: str) -> IncomingPacket | Refusal:
    """Worker-process entry: read and check one file."""
    try:
        data = read_packet(Path(path))
    except PacketError as exc:
        return Refusal(path, (str(exc),))
    return check_packet(data, path)


def default_workers() -> int:
    """Verification processes by default: one, i.e. no pool.

    Measured (benchmarks/desk.py, 200 packets of 3 MB with 10 photos each, 2 cores):
    in the calling thread 12.8 s on a quiet machine (64 ms a packet), 11.6–23.7 s
    while other work ran; a pool of 2 spawned processes 10.0 s quiet but 17.3 s
    under load (starting the processes, importing pyHanko in each, 3 MB sent back per
    packet). Either is far inside the 60 s goal, and no pool means no child processes
    of the window; ``workers`` > 1 remains for machines where it pays.
    """
    return 1


def receive_paths(
    desk: DeskStore,
    paths: Sequence[Path],
    *,
    progress: Progress | None = None,
    workers: int | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[Receipt], list[OddFile]]:
    """Receive every packet among ``paths`` (files and folders); receipts in the order of the files.

    ``workers`` > 1 verifies in that many processes (spawned; the desk is written from
    this thread only, packet by packet, so an interruption keeps everything received so
    far); the default is :func:`default_workers`. ``cancelled()`` is asked between packets.
    """
    files, odd = packet_files(paths)
    total = len(files)
    step = progress or (lambda done, count, what: None)
    step(0, total, "")
    receipts: list[Receipt] = []
    chosen = default_workers() if workers is None else workers
    if chosen <= 1 or total < 4:
        for path in files:
            if cancelled is not None and cancelled():
                break
            receipts.append(receive_packet(desk, path, name=str(path)))
            step(len(receipts), total, str(path))
        return receipts, odd
    pending: list[tuple[Path, str]] = []  # not duplicates: to be checked
    for path in files:
        try:
            data = read_packet(path)
        except PacketError as exc:
            receipts.append(desk.record_refusal(str(path), str(exc)))
            step(len(receipts), total, str(path))
            continue
        digest = hashlib.sha256(data).hexdigest()
        del data
        duplicate = desk.note_duplicate(digest, str(path))
        if duplicate is not None:
            receipts.append(duplicate)
            step(len(receipts), total, str(path))
        else:
            pending.append((path, digest))
    import multiprocessing

    # spawn, never fork: a window's process has threads (Qt); the frozen program needs freeze_support().
    with ProcessPoolExecutor(max_workers=chosen, mp_context=multiprocessing.get_context("spawn")) as pool:
        window = 2 * chosen  # packets in flight: memory stays bounded whatever the folder holds
        queue: list[tuple[Path, str, Future[IncomingPacket | Refusal]]] = []
        waiting = iter(pending)
        try:
            while True:
                while len(queue) < window:
                    following = next(waiting, None)
                    if following is None:
                        break
                    queue.append((*following, pool.submit(_check_file, str(following[0]))))
                if not queue or (cancelled is not None and cancelled()):
                    break
                path, digest, future = queue.pop(0)
                checked = future.result()
                if not isinstance(checked, Refusal) and checked.sha256 != digest:
                    checked = Refusal(str(path), ("文件在接收过程中被改动，请重新接收。",), digest)
                receipts.append(_store(desk, checked))
                step(len(receipts), total, str(path))
        finally:
            for _, _, future in queue:
                future.cancel()
    return _in_file_order(receipts, files), odd


def _in_file_order(receipts: list[Receipt], files: list[Path]) -> list[Receipt]:
    order = {str(path): index for index, path in enumerate(files)}
    return sorted(receipts, key=lambda r: order.get(r.source_name, len(order)))
