"""备份签署身份 / 恢复签署身份: the signing identity in one encrypted file, for a new laptop.

The backup holds the key, the certificate and the center's name, sealed with the
identity's own passphrase (scrypt + AES-256-GCM, :mod:`dqsa.export.sealed`). The
center's name, the fingerprint and the date are also readable without the
passphrase, so the restore dialog can say whose identity it is before asking; they
are authenticated once the passphrase opens the file.

Restoring the same identity (the key was lost, the certificate is still here) just
puts the key back. Restoring over a different identity is refused unless the user
agrees to replace it; the replaced one is retired and kept, like every identity.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from dqsa.export.identity import (
    CERT_FILE,
    IdentityChange,
    IdentityError,
    SigningIdentity,
    WrongPassphrase,
    _certificate_der,
    _identity,
    _retire,
    _same_public_key,
    _store,
    fingerprint_of,
    identity_folder,
    identity_state,
    load_identity,
    previous_fingerprints,
    write_private_file,
)
from dqsa.export.sealed import SealedDamaged, SealedWrongPassphrase, open_sealed, read_header, seal

BACKUP_FORMAT = "dqsa-identity-backup/1"
BACKUP_SUFFIX = ".dqsa-identity"
_MAX_BACKUP_BYTES = 1024 * 1024


class BackupDamaged(IdentityError):
    """The backup file cannot be read (damaged, truncated, not a backup)."""


class IdentityConflict(IdentityError):
    """This computer already has another identity for the center; restoring would replace it."""

    def __init__(self, center_name: str, current: str, restored: str) -> None:
        self.center_name, self.current, self.restored = center_name, current, restored
        super().__init__(
            f"这台电脑上已有“{center_name}”的另一个签署身份：\n  现在的证书指纹：{current}\n"
            f"  备份中的证书指纹：{restored}\n"
            "恢复会改用备份中的身份（现在的身份停用并保留）。如确认，请选择替换"
            "（命令行加 --replace）；以后签署的材料包将使用备份中的证书指纹。"
        )


@dataclass(frozen=True)
class BackupInfo:
    """What a backup says about itself before it is opened (authenticated only once it is)."""

    path: Path
    center_name: str
    fingerprint: str
    created: str


def backup_file_name(center_name: str) -> str:
    from dqsa.export.packet import safe_file_name

    return f"{safe_file_name(center_name)}-签署身份备份{BACKUP_SUFFIX}"


def backup_identity(center_name: str, passphrase: str, target: Path) -> BackupInfo:
    """Write the center's identity, sealed with its passphrase, to ``target`` (opening it checks the passphrase)."""
    from cryptography.hazmat.primitives import serialization

    identity = load_identity(center_name, passphrase)
    key_der = identity.private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    created = datetime.now().astimezone().replace(microsecond=0).isoformat()
    secret = json.dumps(
        {
            "center": center_name,
            "certificate": identity.certificate_pem.decode("ascii"),
            "key": base64.b64encode(key_der).decode("ascii"),
        },
        ensure_ascii=False,
    ).encode("utf-8")
    header = {
        "format": BACKUP_FORMAT,
        "center": center_name,
        "fingerprint": identity.fingerprint,
        "created": created,
    }
    target = Path(target)
    if target.is_dir():
        target = target / backup_file_name(center_name)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_private_file(target, seal(secret, passphrase, header=header))
    return BackupInfo(target, center_name, identity.fingerprint, created)


def read_backup(path: Path) -> BackupInfo:
    """The center, fingerprint and date a backup file declares, without its passphrase."""
    header = read_header(_read(path))
    try:
        center, fingerprint = header["center"], header["fingerprint"]
    except KeyError:
        raise BackupDamaged(_damaged(path)) from None
    if (
        header.get("format") != BACKUP_FORMAT
        or not isinstance(center, str)
        or not isinstance(fingerprint, str)
    ):
        raise BackupDamaged(_damaged(path))
    return BackupInfo(Path(path), center, fingerprint, str(header.get("created", "")))


def _read(path: Path) -> bytes:
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(_MAX_BACKUP_BYTES + 1)
    except FileNotFoundError:
        raise IdentityError(f"找不到签署身份备份文件：{path}") from None
    except IsADirectoryError:
        raise IdentityError(f"{path} 是文件夹，不是签署身份备份文件") from None
    except OSError as exc:
        raise IdentityError(f"无法读取签署身份备份文件 {path}：{exc.strerror or exc}") from None
    if len(data) > _MAX_BACKUP_BYTES:
        raise BackupDamaged(_damaged(path))
    try:
        read_header(data)
    except SealedDamaged:
        raise BackupDamaged(_damaged(path)) from None
    return data


def restore_identity(path: Path, passphrase: str, *, replace_current: bool = False) -> SigningIdentity:
    """Put the backup's identity in place on this computer; the result's ``change`` says what happened.

    :class:`WrongPassphrase`, :class:`BackupDamaged`, and :class:`IdentityConflict`
    when another identity of the center is here and ``replace_current`` is false.
    """
    from cryptography.hazmat.primitives import serialization

    data = _read(path)
    try:
        secret, header = open_sealed(data, passphrase)
    except SealedWrongPassphrase:
        raise WrongPassphrase("签署口令不对：备份文件使用的是备份时签署身份的口令。") from None
    except SealedDamaged:
        raise BackupDamaged(_damaged(path)) from None
    try:
        content = json.loads(secret)
        center_name = content["center"]
        certificate_pem = content["certificate"].encode("ascii")
        key = serialization.load_der_private_key(base64.b64decode(content["key"]), None)
        certificate_der = _certificate_der(certificate_pem)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise BackupDamaged(_damaged(path)) from None
    fingerprint = fingerprint_of(certificate_der)
    if (
        header.get("format") != BACKUP_FORMAT
        or header.get("center") != center_name
        or header.get("fingerprint") != fingerprint
        or not _same_public_key(key, certificate_der)
    ):
        raise BackupDamaged(_damaged(path))
    folder = identity_folder(center_name)
    state = identity_state(center_name)
    current = _current_fingerprint(center_name) if state in ("ready", "key-missing") else None
    if current is not None and current != fingerprint:
        if not replace_current:
            raise IdentityConflict(center_name, current, fingerprint)
        _retire(folder)
    elif current is None and folder.exists() and any(folder.iterdir()):
        _retire(folder)  # a damaged certificate or a stray folder: kept aside, not overwritten
    _store(folder, center_name, key, certificate_pem, passphrase)
    identity = _identity(folder, center_name, key, certificate_pem)
    old = current or next(iter(previous_fingerprints(center_name)[1:]), None)
    change = IdentityChange("restored", center_name, old, identity.fingerprint, datetime.now().astimezone())
    return replace(identity, change=change)


def _current_fingerprint(center_name: str) -> str | None:
    try:
        return fingerprint_of(_certificate_der((identity_folder(center_name) / CERT_FILE).read_bytes()))
    except (OSError, ValueError, TypeError):
        return None


def _damaged(path: Path) -> str:
    return f"签署身份备份文件已损坏或不是 dqsa 的备份文件：{path}。请换一份备份再试。"


__all__ = [
    "BACKUP_FORMAT",
    "BackupDamaged",
    "BackupInfo",
    "IdentityConflict",
    "backup_file_name",
    "backup_identity",
    "read_backup",
    "restore_identity",
]
