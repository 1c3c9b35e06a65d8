"""Signed zips: how dqsa writes, and reads back safely, a zip whose every member is listed with its
SHA-256 in a manifest signed by the sender's own key.

A center's packet (``dqsa-packet/…``, :mod:`dqsa.export.packet` / :mod:`dqsa.export.verify`) and a
desk's review result (``dqsa-review/1``, :mod:`dqsa.export.review_result`) are both made this way::

    <members>          listed in the manifest's ``files`` with their SHA-256 and size
    manifest.json      the manifest (UTF-8 JSON, sorted keys): what the signature covers
    manifest.sig       ECDSA P-256 / SHA-256 signature of manifest.json's bytes (DER)
    certificate.pem    the signer's self-signed certificate

Writing (:func:`seal_and_write`): the side files are added and the zip written through a
temporary file in the target folder, so a failure leaves no half file.

Reading (:func:`open_archive`, :func:`safe_members`, :func:`read_signature`, :func:`check_members`):
the zip is never extracted to disk; its layout must be exactly what the writer writes
(nothing before the first member, nothing between members, nothing after the end of the
central directory: a PDF+zip polyglot or a zip with a hidden payload is refused); member
names are safe (no absolute paths, ``..``, drive letters, control characters); sizes and
counts are limited before anything is unpacked, and again while unpacking (headers may lie);
members are streamed and hashed in chunks, and only those a check needs are held in memory.
Every refusal is a :class:`SignedZipError` in plain Chinese naming what kind of file it is
(``材料包``, ``审核结果``).
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING, Protocol

from dqsa.domain.fingerprint import plain_fingerprint as plain_fingerprint  # re-exported
from dqsa.export import wording

if TYPE_CHECKING:
    from dqsa.export.identity import SigningIdentity

MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
CERTIFICATE_NAME = "certificate.pem"
#: The members every signed zip carries besides those its manifest lists.
SIDE_FILES = (MANIFEST_NAME, SIGNATURE_NAME, CERTIFICATE_NAME)
#: The side files are held in memory while checking, each within its own limit.
SIDE_LIMITS = {MANIFEST_NAME: 4 * 1024 * 1024, SIGNATURE_NAME: 4 * 1024, CERTIFICATE_NAME: 64 * 1024}
#: Already compressed: stored as they are (faster, no gain from deflating).
STORED_SUFFIXES = (".pdf", ".jpg", ".jpeg", ".png", ".xlsx", ".docx", ".zip")
_CHUNK = 1 << 20

#: A signed zip given as a file or as its bytes.
Source = Path | str | bytes


class SignedZipError(Exception):
    """The file cannot be read as a signed zip at all (not a zip, unsafe, too large, changed while read)."""


@dataclass(frozen=True)
class Limits:
    """What a reader accepts, and what the file is called in its messages (``材料包``, ``审核结果``)."""

    noun: str
    max_members: int
    #: The zip file itself.
    max_archive_bytes: int
    #: All members together, unpacked (streamed: never all in memory).
    max_total_bytes: int
    #: Any one member unpacked.
    max_member_bytes: int


class ListedFile(Protocol):
    """A manifest's entry for one member."""

    @property
    def sha256(self) -> str: ...

    @property
    def size(self) -> int: ...


# --- names and digests (both sides) ------------------------------------------------------------------------


def digest(data: bytes) -> str:
    """SHA-256 of ``data`` as 64 lower-case hex digits (as manifests write it)."""
    return hashlib.sha256(data).hexdigest()


def certificate_der(pem: bytes) -> bytes:
    """The certificate's DER bytes (what its fingerprint is of); :class:`ValueError` if it is none."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    return x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER)


# --- writing -----------------------------------------------------------------------------------------------


def file_entries(files: Mapping[str, bytes]) -> dict[str, dict[str, str | int]]:
    """The manifest's ``files``: every member's SHA-256 and size, by name (sorted)."""
    return {name: {"sha256": digest(data), "size": len(data)} for name, data in sorted(files.items())}


def manifest_bytes(manifest: Mapping[str, object]) -> bytes:
    """A manifest as the writers write it: UTF-8 JSON, sorted keys, indented 2, one final newline."""
    import json

    return (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def seal_and_write(
    target: Path,
    files: Mapping[str, bytes],
    manifest: bytes,
    identity: SigningIdentity,
    *,
    prefix: str,
    store_all: bool = False,
) -> tuple[str, int]:
    """Add the manifest, its signature and the certificate to ``files`` and write the zip to ``target``.

    Returns the SHA-256 and size of the zip as written (the digest the receiver computes).
    """
    from dqsa.export.identity import sign_bytes

    members = dict(files)
    members[MANIFEST_NAME] = manifest
    members[SIGNATURE_NAME] = sign_bytes(identity, manifest)
    members[CERTIFICATE_NAME] = identity.certificate_pem
    return write_zip(target, members, prefix=prefix, store_all=store_all)


def write_zip(
    target: Path, files: Mapping[str, bytes], *, prefix: str = ".packet-", store_all: bool = False
) -> tuple[str, int]:
    """Write ``files`` as a zip through a temporary file in the same folder: a failure leaves no half file.

    Compressed formats are stored, the rest deflated (``store_all``: nothing is deflated, so that
    every byte of the file is a byte of some member, of a header, or of the directory, and
    none can change without changing what is read); names are UTF-8 (flag bit 11), no
    directory entries, no comment. Returns the SHA-256 and size of the zip file's final
    bytes, read back (and synced) before the file takes the target's name.
    """
    from dqsa.fileio import atomic_output

    with atomic_output(target, prefix=prefix) as temporary:  # a failure: OutputFailed naming the folder
        with zipfile.ZipFile(temporary, "w") as archive:
            for name, data in files.items():
                stored = store_all or name.lower().endswith(STORED_SUFFIXES)
                info = zipfile.ZipInfo(name, date_time=datetime.now().timetuple()[:6])
                info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, data)  # non-ASCII names get the UTF-8 flag
        hasher, size = hashlib.sha256(), 0
        with open(temporary, "rb") as written:  # synced by atomic_output before the rename
            while chunk := written.read(_CHUNK):
                hasher.update(chunk)
                size += len(chunk)
    return hasher.hexdigest(), size


# --- reading: the archive ---------------------------------------------------------------------------------


@contextmanager
def open_archive(source: Source, limits: Limits, *, strict: bool = False) -> Iterator[zipfile.ZipFile]:
    """The zip, opened for reading once its size and its layout are known to be the writer's
    (``strict``: see :func:`check_layout`)."""
    noun = limits.noun
    shown = noun if isinstance(source, bytes) else str(source)
    try:
        if isinstance(source, bytes):
            if len(source) > limits.max_archive_bytes:
                raise SignedZipError(f"{noun}太大，不像是 dqsa {noun}。")
            archive = zipfile.ZipFile(io.BytesIO(source))
        else:
            if Path(source).stat().st_size > limits.max_archive_bytes:
                raise SignedZipError(f"{noun}太大，不像是 dqsa {noun}。")
            archive = zipfile.ZipFile(source)
    except FileNotFoundError:
        raise SignedZipError(f"找不到{noun}：{shown}") from None
    except IsADirectoryError:
        raise SignedZipError(f"{shown} 是文件夹，不是{noun}。") from None
    except PermissionError:
        raise SignedZipError(f"没有权限读取{noun}：{shown}") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise SignedZipError(f"这不是一个完整的 zip {noun}（{exc}）。请确认文件没有在传输中损坏。") from None
    with archive:
        check_declared(archive, limits)
        check_layout(archive, noun, strict=strict)
        yield archive


def check_declared(archive: zipfile.ZipFile, limits: Limits) -> None:
    """What the central directory itself declares, named before the layout is compared: a member
    encrypted, compressed in a foreign way, or too large (from the directory: nothing is read).

    A crafted zip is often odd in more than one way; the person is told the plainest one
    ("…太大", "…是加密的") rather than that a header differs from the directory.
    """
    noun = limits.noun
    for name, info in safe_members(archive, limits).items():
        if info.file_size > limits.max_member_bytes:
            raise SignedZipError(
                f"{noun}中的 {name} 太大（{info.file_size // (1024 * 1024)} MB，"
                f"上限 {limits.max_member_bytes // (1024 * 1024)} MB），已拒绝。"
            )


_EOCD = struct.Struct("<4s4H2LH")  # end of central directory record, 22 bytes
_LOCAL = struct.Struct("<4s2B4HL2L2H")  # local file header, 30 bytes (as zipfile writes it)
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # central directory entry, 46 bytes
#: What dqsa's writer puts in every central directory entry (checked with ``strict``).
_WRITER_VERSIONS = (20, 45)
_WRITER_SYSTEMS = (0, 3)  # written on Windows or elsewhere
_WRITER_MODE = 0o644 << 16


def check_layout(archive: zipfile.ZipFile, noun: str, *, strict: bool = False) -> None:
    """The zip is exactly a writer's zip: members back to back from the first byte, each local header
    the same as its central directory entry, then the central directory, then its end record (no
    comment), then nothing.

    Refused otherwise: bytes before the first member or after the end (a PDF+zip polyglot, a
    payload appended for another program), gaps between members, a local header that says other
    than the directory (a name, a time, a size, a checksum), more than one disk, or a central
    directory whose count does not match its entries. With ``strict`` (a file only dqsa's own
    :func:`write_zip` makes, like a review result) the directory's entries must also carry exactly
    what that writer writes, so that no byte of the file can change unnoticed.
    """
    handle = archive.fp
    if handle is None:  # pragma: no cover - an open archive always has its file
        raise SignedZipError(f"{noun}无法读取。")
    odd = f"{noun}的 zip 结构不是 dqsa 写出的样子"
    try:
        size = handle.seek(0, os.SEEK_END)
        if size < _EOCD.size:
            raise SignedZipError(f"{odd}（文件太短）。")
        handle.seek(size - _EOCD.size)
        signature, disk, cd_disk, disk_entries, entries, cd_size, cd_offset, comment = _EOCD.unpack(
            handle.read(_EOCD.size)
        )
        if signature != b"PK\x05\x06":
            raise SignedZipError(
                f"{odd}：zip 的结尾之后还有别的内容（或带有注释），已拒绝。"
                f"{noun}应当正好是 dqsa 写出的 zip，不能是与别的文件拼接成的。"
            )
        infos = archive.infolist()
        if disk or cd_disk or disk_entries != entries or entries != len(infos) or comment:
            raise SignedZipError(f"{odd}（分卷、注释或目录项数不符），已拒绝。")
        if cd_offset + cd_size != size - _EOCD.size or archive.start_dir != cd_offset:
            raise SignedZipError(
                f"{odd}：zip 的开头之前或目录之前有多余的内容，已拒绝。"
                f"{noun}应当正好是 dqsa 写出的 zip，不能是与别的文件拼接成的（例如 PDF 与 zip 的混合文件）。"
            )
        handle.seek(cd_offset)
        _check_directory(handle.read(cd_size), infos, odd)
        expected = 0
        for info in sorted(infos, key=lambda i: i.header_offset):
            if info.header_offset != expected:
                where = "开头" if expected == 0 else f"{_shown(info.filename)} 之前"
                raise SignedZipError(f"{odd}：{where}有多余的内容，已拒绝。")
            handle.seek(info.header_offset)
            expected = _check_local(handle, info, odd)
            if strict and not _as_written(info):
                raise SignedZipError(f"{odd}（{_shown(info.filename)} 的目录项被改动过），已拒绝。")
        if expected != cd_offset:
            raise SignedZipError(f"{odd}：最后一个文件与目录之间有多余的内容，已拒绝。")
    except (OSError, struct.error) as exc:
        raise SignedZipError(f"这不是一个完整的 zip {noun}（{exc}）。") from None
    finally:
        handle.seek(0)


def _check_directory(directory: bytes, infos: list[zipfile.ZipInfo], odd: str) -> None:
    """Walk the central directory byte by byte: every length it declares is the length it has, and every
    entry says what zipfile understood (a length that overruns is read short by zipfile, not refused)."""
    at = 0
    for info in infos:
        if at + _CENTRAL.size > len(directory):
            raise SignedZipError(f"{odd}（目录不完整），已拒绝。")
        (
            head, create_version, create_system, extract_version, reserved, flags, method, time, date,
            crc, compressed, size, name_length, extra_length, comment_length, volume, internal, external, offset,
        ) = _CENTRAL.unpack_from(directory, at)  # fmt: skip
        end = at + _CENTRAL.size + name_length + extra_length + comment_length
        name = directory[at + _CENTRAL.size : at + _CENTRAL.size + name_length]
        extra = directory[at + _CENTRAL.size + name_length : end - comment_length]
        if (
            head != b"PK\x01\x02"
            or end > len(directory)
            or name != _encoded_name(info)
            or extra != info.extra
            or directory[end - comment_length : end] != info.comment
            or (create_version, create_system, extract_version, reserved) != (
                info.create_version, info.create_system, info.extract_version, info.reserved
            )
            or (flags, method, crc, compressed, size) != (
                info.flag_bits, info.compress_type, info.CRC, info.compress_size, info.file_size
            )
            or (time, date) != _dos_time(info)
            or (volume, internal, external, offset) != (
                info.volume, info.internal_attr, info.external_attr, info.header_offset
            )
        ):  # fmt: skip
            raise SignedZipError(f"{odd}（{_shown(info.filename)} 的目录项不一致），已拒绝。")
        at = end
    if at != len(directory):
        raise SignedZipError(f"{odd}：目录的长度与其中的文件不符，已拒绝。")


def _dos_time(info: zipfile.ZipInfo) -> tuple[int, int]:
    """(time, date) as a zip header writes them."""
    year, month, day, hour, minute, second = info.date_time
    return hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day


def _check_local(handle: IO[bytes], info: zipfile.ZipInfo, odd: str) -> int:
    """Check a member's local header against its directory entry; where the member's data ends."""
    local = handle.read(_LOCAL.size)
    if len(local) != _LOCAL.size:
        raise SignedZipError(f"{odd}（{_shown(info.filename)} 不完整），已拒绝。")
    head, version, reserved, flags, method, time, date, crc, compressed, size, name_length, extra_length = (
        _LOCAL.unpack(local)
    )
    descriptor = bool(flags & 0x08)  # sizes and checksum follow the data instead
    name = handle.read(name_length)
    extra = handle.read(extra_length)
    if (
        head != b"PK\x03\x04"
        or (version, reserved, flags, method)
        != (info.extract_version, info.reserved, info.flag_bits, info.compress_type)
        or (time, date) != _dos_time(info)
        or (not descriptor and (crc, compressed, size) != (info.CRC, info.compress_size, info.file_size))
        or name != _encoded_name(info)
        or extra != info.extra
    ):
        raise SignedZipError(f"{odd}（{_shown(info.filename)} 的文件头与目录不一致），已拒绝。")
    end = int(info.header_offset + _LOCAL.size + name_length + extra_length + info.compress_size)
    if descriptor:  # 12 bytes, 16 with its signature
        handle.seek(end)
        end += 16 if handle.read(4) == b"PK\x07\x08" else 12
    return end


def _encoded_name(info: zipfile.ZipInfo) -> bytes:
    return info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437")


def _as_written(info: zipfile.ZipInfo) -> bool:
    """The directory entry carries exactly what :func:`write_zip` writes."""
    return (
        info.create_version in _WRITER_VERSIONS
        and info.extract_version in _WRITER_VERSIONS
        and info.create_system in _WRITER_SYSTEMS
        and info.external_attr == _WRITER_MODE
        and info.internal_attr == 0
        and info.volume == 0
        and info.comment == b""
        and info.extra == b""
        and info.flag_bits == (0 if info.orig_filename.isascii() else 0x800)  # UTF-8 names flagged
        and info.compress_type == zipfile.ZIP_STORED
        and info.compress_size == info.file_size
    )


def _shown(name: str) -> str:
    return wording.escaped(name)


def safe_members(archive: zipfile.ZipFile, limits: Limits) -> dict[str, zipfile.ZipInfo]:
    """The archive's files by name: names safe, no duplicates, counts and declared sizes within limits."""
    noun = limits.noun
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise SignedZipError(f"{noun}中的文件太多（{len(infos)} 个）。")
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if info.is_dir():
            continue
        check_name(info.filename, noun)
        if info.filename in members:
            raise SignedZipError(f"{noun}中有重名的文件：{info.filename}")
        if info.flag_bits & 0x1:
            raise SignedZipError(f"{noun}中的 {info.filename} 是加密的（dqsa {noun}不加密），已拒绝。")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise SignedZipError(f"{noun}中的 {info.filename} 用了 dqsa 不用的压缩方式，已拒绝。")
        members[info.filename] = info
    if sum(info.file_size for info in members.values()) > limits.max_total_bytes:
        raise SignedZipError(f"{noun}解压后太大（可能是压缩炸弹），已拒绝。")
    return members


def check_name(name: str, noun: str) -> None:
    """A member name that cannot write anywhere and cannot forge a line when shown."""
    pure = PurePosixPath(name)
    if (
        name.startswith(("/", "\\"))
        or ":" in name
        or "\\" in name
        or any(part in {"..", ""} for part in pure.parts)
        or "\x00" in name
    ):
        raise SignedZipError(f"{noun}中有不安全的文件路径：{name!r}（已拒绝）")
    if wording.has_control(name, allow_newlines=False):
        raise SignedZipError(f"{noun}中有文件名含控制字符的文件：{_shown(name)}（已拒绝）")


def chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, noun: str) -> Iterator[bytes]:
    """A member's bytes in chunks; :class:`SignedZipError` beyond ``limit`` or its declared size."""
    if info.file_size > limit:
        raise SignedZipError(
            f"{noun}中的 {info.filename} 太大（{info.file_size // (1024 * 1024)} MB），已拒绝。"
        )
    size = 0
    try:
        with archive.open(info) as handle:
            while chunk := handle.read(_CHUNK):
                size += len(chunk)
                if size > limit or size > info.file_size:
                    raise SignedZipError(f"{noun}解压后太大（可能是压缩炸弹），已拒绝。")
                yield chunk
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        raise SignedZipError(f"{noun}中的 {info.filename} 已损坏，无法解压（传输中损坏？）。") from None


def read_whole(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, noun: str) -> bytes:
    """A member's bytes (at most ``limit``)."""
    buffer = bytearray()
    for chunk in chunks(archive, info, limit, noun):
        buffer += chunk
    return bytes(buffer)


def member_digest(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, noun: str) -> tuple[str, int]:
    """A member's SHA-256 and size, streamed."""
    hasher, size = hashlib.sha256(), 0
    for chunk in chunks(archive, info, limit, noun):
        hasher.update(chunk)
        size += len(chunk)
    return hasher.hexdigest(), size


# --- reading: the signature ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signature:
    """The side files read and the manifest's signature checked (``problems`` say what is wrong)."""

    manifest: bytes
    certificate_pem: bytes
    certificate_der: bytes
    fingerprint: str
    problems: tuple[str, ...] = ()


def read_signature(archive: zipfile.ZipFile, members: Mapping[str, zipfile.ZipInfo], noun: str) -> Signature:
    """Read the manifest, its signature and the certificate; check the signature.

    :class:`SignedZipError` when a side file is missing or the certificate cannot be read
    (then nothing can be said of who signed); a signature that does not match is one of
    the returned ``problems``.
    """
    from dqsa.export.identity import fingerprint_of, verify_bytes

    missing = [name for name in SIDE_FILES if name not in members]
    if missing:
        raise SignedZipError(f"{noun}缺少：" + "、".join(missing) + f"（不是完整的 dqsa {noun}）")
    held = {name: read_whole(archive, members[name], SIDE_LIMITS[name], noun) for name in SIDE_FILES}
    pem = held[CERTIFICATE_NAME]
    try:
        der = certificate_der(pem)
    except (ValueError, TypeError):
        raise SignedZipError(f"证书 {CERTIFICATE_NAME} 已损坏，无法读取（被改动过？）") from None
    problems = []
    if not verify_bytes(pem, held[MANIFEST_NAME], held[SIGNATURE_NAME]):
        problems.append(
            f"清单 {MANIFEST_NAME} 与签名 {SIGNATURE_NAME} 不符：清单被改动过，或签名不是证书 {CERTIFICATE_NAME} 做的"
        )
    return Signature(held[MANIFEST_NAME], pem, der, fingerprint_of(der), tuple(problems))


def canonical_pem(der: bytes) -> bytes:
    """The certificate as the writers write it (64-character lines, ``\n``): a strict reader compares."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    return x509.load_der_x509_certificate(der).public_bytes(serialization.Encoding.PEM)


# --- reading: the listed members ------------------------------------------------------------------------------


@dataclass
class MemberCheck:
    """What :func:`check_members` found: problems, and the bytes of the members asked to be held."""

    problems: list[str] = field(default_factory=list)
    held: dict[str, bytes] = field(default_factory=dict)


def check_members(
    archive: zipfile.ZipFile,
    members: Mapping[str, zipfile.ZipInfo],
    listed: Mapping[str, ListedFile],
    limits: Limits,
    *,
    hold: Mapping[str, int] | None = None,
) -> MemberCheck:
    """Every member besides the side files is listed, of the listed size and digest; none is missing.

    ``hold`` names members (with a size limit each) whose bytes the caller needs next: they
    are read once, hashed, and returned in :attr:`MemberCheck.held` when their digest matches.
    """
    noun = limits.noun
    hold = hold or {}
    result = MemberCheck()
    for name, info in members.items():
        if name in SIDE_FILES:
            continue
        if info.file_size > limits.max_member_bytes:  # from the header: not read at all
            size = info.file_size // (1024 * 1024)
            result.problems.append(
                f"{noun}中的 {name} 太大（{size} MB，上限 {limits.max_member_bytes // (1024 * 1024)} MB），已拒绝"
            )
            continue
        entry = listed.get(name)
        if entry is None:
            result.problems.append(f"多出了清单中没有的文件：{name}")
            continue
        if info.file_size != entry.size:
            result.problems.append(f"文件被改动过：{name}（大小与清单不符）")
            continue
        data: bytes | None = None
        try:
            if name in hold and info.file_size <= hold[name]:
                data = read_whole(archive, info, hold[name], noun)
                sha256, size = digest(data), len(data)
            else:
                sha256, size = member_digest(archive, info, limits.max_member_bytes, noun)
        except SignedZipError as exc:
            result.problems.append(str(exc))
            continue
        if sha256 != entry.sha256 or size != entry.size:
            result.problems.append(f"文件被改动过：{name}（与清单中的摘要不符）")
        elif data is not None:
            result.held[name] = data
    for name in listed:
        if name not in members:
            result.problems.append(f"缺少清单中列出的文件：{name}")
    return result


def read_listed(source: Source, name: str, entry: ListedFile, limits: Limits) -> bytes:
    """One member's bytes, read again and checked against its manifest entry; or :class:`SignedZipError`."""
    with open_archive(source, limits) as archive:
        try:
            info = archive.getinfo(name)
        except KeyError:
            raise SignedZipError(f"{limits.noun}中缺少 {name}") from None
        data = read_whole(archive, info, min(entry.size, limits.max_member_bytes), limits.noun)
    if digest(data) != entry.sha256:
        raise SignedZipError(f"{name} 与清单中的摘要不符（{limits.noun}在校验之后被改动过？）")
    return data
