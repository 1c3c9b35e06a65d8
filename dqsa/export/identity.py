"""The center's signing identity: an ECDSA P-256 key and a self-signed certificate naming it.

Where it lives (per center, in the user's data folder; the folders are 0700, the key 0600;
on Windows the per-user data folder's default ACL already keeps other users out)::

    signing/<hash of the center name>/
        key.dqsakey       the private key, encrypted with the signer's passphrase:
                          scrypt (N=2^15, r=8, p=3) then AES-256-GCM (see :mod:`dqsa.export.sealed`)
        certificate.pem   the certificate (public: it travels in every packet)
        center.txt        the center's name
    signing/<hash>-retired-YYYYmmdd-HHMMSS/   an identity that was replaced: kept, never deleted

The first release wrote ``key.pem`` (PKCS#8, PBKDF2 with 2048 iterations): it still
opens, and is re-encrypted into ``key.dqsakey`` on its next successful use.

A receiving desk (上级审核台账) signs its review results with an identity of its own, kept
the same way under ``signing/desk-<hash of the desk file's own id>/``: every function
here that takes a center's name also takes an :class:`IdentityOwner` (:func:`desk_owner`),
so a desk never shares a key with a center of the same name, and renaming the desk keeps
its identity.

The key never goes into a center file or a packet. A missing key never silently
becomes a new identity: :func:`open_or_create_identity` raises :class:`IdentityMissing`
when an identity existed before, and creating a new one is the explicit
:func:`create_identity` ``(replace=True)``; the level above will see a new fingerprint.
Every function that changes the identity returns what changed
(:class:`IdentityChange`) for the center file's history (phase 2).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from dqsa.domain.fingerprint import plain_fingerprint
from dqsa.export.identity_certificate import CERTIFICATE_NAME_BYTES as CERTIFICATE_NAME_BYTES
from dqsa.export.identity_certificate import certificate_name as certificate_name
from dqsa.export.identity_certificate import new_key_and_certificate as _new_key_and_certificate
from dqsa.export.identity_owner import IdentityOwner, Owner
from dqsa.export.identity_owner import center_owner as center_owner  # re-exported: callers ask identity
from dqsa.export.identity_owner import desk_owner as desk_owner
from dqsa.export.identity_owner import owner_of as _owner
from dqsa.export.sealed import SealedDamaged, SealedWrongPassphrase, open_sealed, seal
from dqsa.paths import data_dir

log = logging.getLogger(__name__)

#: Passphrase rules, checked when an identity is created (old identities keep theirs).
MIN_PASSPHRASE = 8
PASSPHRASE_RULES = (
    f"签署口令至少 {MIN_PASSPHRASE} 个字符（可以用中文），不能全是数字，也不能是同一个字符重复。"
    "请牢记：忘记口令又没有备份时，只能新建签署身份，上级会看到新的证书指纹。"
)
KEY_FILE = "key.dqsakey"
LEGACY_KEY_FILE = "key.pem"
CERT_FILE = "certificate.pem"
CENTER_FILE = "center.txt"
KEY_FORMAT = "dqsa-signing-key/1"
_MAX_KEY_FILE = 64 * 1024
_MAX_CERT_FILE = 64 * 1024

IdentityState = Literal["none", "ready", "key-missing", "retired-only"]


class IdentityError(Exception):
    """A signing identity problem, in Chinese, saying what to do."""


class WrongPassphrase(IdentityError):
    """The passphrase does not open the key."""


class DamagedKey(IdentityError):
    """The key file cannot be read (damaged, truncated, empty, not a key)."""


class DamagedCertificate(IdentityError):
    """The certificate file cannot be read, or does not belong to the key."""


#: How to restore an identity, in the window and on the command line: the same message reaches both.
RESTORE_HOW = (
    "从备份恢复签署身份（窗口中：文件 → 恢复签署身份；命令行：dqsa identity restore 备份文件 --db 中心文件）"
)
#: How to make a new identity on purpose, in both.
NEW_HOW = (
    "新建签署身份（窗口中：在导出页勾选“新建签署身份”；命令行：dqsa export 加 --new-identity），"
    "但上级会看到新的证书指纹，需要告知上级以新指纹为准"
)


class IdentityMissing(IdentityError):
    """The center had an identity, but its key is gone: restore it from a backup, or create a new one."""

    def __init__(self, center_name: str, previous: tuple[str, ...], *, kind: str = "center") -> None:
        self.center_name = center_name
        self.previous = previous
        own = "本中心" if kind == "center" else "本台账"
        before = f"{own}以前用证书指纹 {'、'.join(previous)} 签署过，" if previous else f"{own}以前签署过，"
        what_to_do = (
            f"请{RESTORE_HOW}；没有备份时，可以{NEW_HOW}。"
            if kind == "center"
            else "请把原来那台电脑上的签署身份复制过来；没有办法找回时，可以新建签署身份"
            "（命令行加 --new-identity），但各中心会看到新的证书指纹，需要告知它们以新指纹为准。"
        )
        super().__init__(
            f"找不到{own}的签署私钥。{before}但私钥文件不在这台电脑上（换了电脑、重装了系统，或文件被删除）。\n"
            + what_to_do
        )


@dataclass(frozen=True)
class IdentityChange:
    """What changed in a center's signing identity, and when (phase 2 records it in the center file)."""

    kind: Literal["created", "replaced", "restored", "re-encrypted"]
    center_name: str
    old_fingerprint: str | None
    new_fingerprint: str
    at: datetime


@dataclass(frozen=True)
class SigningIdentity:
    """An opened identity: certificate, private key (a cryptography object) and fingerprint."""

    folder: Path
    center_name: str
    certificate_pem: bytes
    certificate_der: bytes
    fingerprint: str
    private_key: Any = field(repr=False)
    #: Set when opening or making this identity changed something on disk.
    change: IdentityChange | None = None


def fingerprint_of(certificate_der: bytes) -> str:
    """SHA-256 of a certificate, as upper-case hex pairs joined by ':'."""
    digest = hashlib.sha256(certificate_der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def identities_root() -> Path:
    return data_dir() / "signing"


def identity_folder(center_name: Owner) -> Path:
    """One folder per center (named by a hash: center names may hold any character), or per desk."""
    return identities_root() / _owner(center_name).folder_name


def retired_folders(center_name: Owner) -> list[Path]:
    """The center's retired identities, oldest first."""
    folder = identity_folder(center_name)
    if not folder.parent.is_dir():
        return []
    return sorted(p for p in folder.parent.glob(f"{folder.name}-retired-*") if p.is_dir())


def identity_state(center_name: Owner, known_fingerprints: Iterable[str] = ()) -> IdentityState:
    """Whether the center has a usable identity here, had one whose key is gone, or never had one.

    With ``known_fingerprints`` (those the center file has signed with), an identity kept under
    an earlier name of the center counts as ready: signing adopts it
    (:mod:`dqsa.export.identity_rename`).
    """
    folder = identity_folder(center_name)
    has_key = (folder / KEY_FILE).is_file() or (folder / LEGACY_KEY_FILE).is_file()
    if has_key:
        return "ready"  # a missing or damaged certificate is reported when the key is opened
    if (folder / CERT_FILE).is_file():
        return "key-missing"
    if retired_folders(center_name):
        return "retired-only"
    if known_fingerprints:
        from dqsa.export.identity_rename import earlier_name_folder

        if earlier_name_folder(_owner(center_name), known_fingerprints) is not None:
            return "ready"
    return "none"


def has_identity(center_name: Owner) -> bool:
    """Whether the center has (or had) an identity on this computer: then a new one is an explicit act."""
    return identity_state(center_name) != "none"


def previous_fingerprints(center_name: Owner, known: Iterable[str] = ()) -> tuple[str, ...]:
    """Fingerprints this center signed with: its current certificate, retired ones, and ``known`` ones."""
    found: list[str] = []
    folders = [identity_folder(center_name), *reversed(retired_folders(center_name))]
    for folder in folders:
        fingerprint = _fingerprint_of_file(folder / CERT_FILE)
        if fingerprint:
            found.append(fingerprint)
    found += [f for f in known if f]
    unique: dict[str, str] = {}
    for fingerprint in found:
        unique.setdefault(plain_fingerprint(fingerprint), fingerprint)
    return tuple(unique.values())


def certificate_fingerprint(folder: Path) -> str | None:
    """The fingerprint of the certificate kept in an identity folder (None: none, or unreadable)."""
    return _fingerprint_of_file(folder / CERT_FILE)


def keep_private(path: Path) -> None:
    """User-only modes on a file (0600) or folder (0700) of an identity."""
    _chmod(path, 0o700 if path.is_dir() else 0o600)


def _fingerprint_of_file(path: Path) -> str | None:
    try:
        return fingerprint_of(_certificate_der(path.read_bytes()[:_MAX_CERT_FILE]))
    except (OSError, ValueError, TypeError):
        return None


def local_identities() -> list[tuple[str, str]]:
    """(center name, fingerprint) of every identity on this computer that can sign, sorted by name."""
    root = identities_root()
    found = []
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        if "-retired-" in folder.name or not folder.is_dir():
            continue
        try:
            center = (folder / CENTER_FILE).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            continue
        fingerprint = _fingerprint_of_file(folder / CERT_FILE)
        if center and fingerprint and identity_folder(center) == folder and identity_state(center) == "ready":
            found.append((center, fingerprint))
    return sorted(found)


def check_passphrase(passphrase: str) -> None:
    """The rules for a new passphrase (:data:`PASSPHRASE_RULES`); :class:`IdentityError` if broken."""
    text = passphrase.strip()
    if len(text) < MIN_PASSPHRASE or text.isdigit() or len(set(text)) == 1:
        raise IdentityError(PASSPHRASE_RULES)


# --- files, kept private ---------------------------------------------------------------------------


def _private_folder(folder: Path) -> None:
    """Make ``folder`` (and the signing root) and keep them user-only (0700 where the system has modes)."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in (identities_root(), folder):
        if path.is_dir():
            _chmod(path, 0o700)


def _chmod(path: Path, mode: int) -> None:
    try:
        os.chmod(path, mode)
    except OSError:  # a file system without modes (FAT on a USB stick): the user's folder ACL applies
        log.info("could not set mode %o on %s", mode, path)


def write_private_file(path: Path, data: bytes) -> None:
    """Write ``data`` atomically to ``path``, readable by the user only (0600)."""
    descriptor, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)  # mkstemp creates it 0600
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _chmod(path, 0o600)


def _retire(folder: Path) -> Path:
    """Move an identity folder aside; it is kept (its certificate verifies old packets)."""
    retired = folder.parent / f"{folder.name}-retired-{datetime.now():%Y%m%d-%H%M%S-%f}"
    shutil.move(folder, retired)
    return retired


# --- creating and opening --------------------------------------------------------------------------------


def create_identity(center_name: Owner, passphrase: str, *, replace: bool = False) -> SigningIdentity:
    """Make a new key pair and certificate for the center; an old one is retired, not deleted.

    With an identity already here (even one whose key is missing) this is refused
    unless ``replace``: the level above will see a new fingerprint. The returned
    identity's ``change`` says what happened.
    """
    check_passphrase(passphrase)
    owner = _owner(center_name)
    folder = identity_folder(owner)
    state = identity_state(owner)
    old = previous_fingerprints(owner)
    if state != "none" and not replace:
        raise IdentityError(
            f"{owner.own}已经有签署身份；如果忘记了口令又没有备份，请选择“新建签署身份”（对方会看到新的证书指纹）。"
        )
    if folder.exists() and any(folder.iterdir()):
        _retire(folder)
    key, certificate_pem = _new_key_and_certificate(owner)
    _store(folder, owner.name, key, certificate_pem, passphrase)
    identity = _identity(folder, owner.name, key, certificate_pem)
    change = IdentityChange(
        "replaced" if old else "created", owner.name, old[0] if old else None, identity.fingerprint, _now()
    )
    log.info("signing identity %s for %s: %s", change.kind, owner.name, identity.fingerprint)
    return _with_change(identity, change)


def _identity(folder: Path, center_name: str, key: Any, certificate_pem: bytes) -> SigningIdentity:
    """An identity from a key and certificate already in memory (just written: no second KDF run)."""
    der = _certificate_der(certificate_pem)
    return SigningIdentity(folder, center_name, certificate_pem, der, fingerprint_of(der), key)


def _store(folder: Path, center_name: str, key: Any, certificate_pem: bytes, passphrase: str) -> None:
    """Write a key (sealed with the passphrase), its certificate and the center's name into ``folder``."""
    _private_folder(folder)
    write_private_file(folder / KEY_FILE, seal_key(key, passphrase))
    write_private_file(folder / CERT_FILE, certificate_pem)
    write_private_file(folder / CENTER_FILE, center_name.encode("utf-8"))
    (folder / LEGACY_KEY_FILE).unlink(missing_ok=True)


def seal_key(key: Any, passphrase: str) -> bytes:
    """The key file's bytes: the key's PKCS#8 DER sealed with the passphrase (strong KDF)."""
    from cryptography.hazmat.primitives import serialization

    der = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return seal(der, passphrase, header={"format": KEY_FORMAT})


def load_identity(center_name: Owner, passphrase: str) -> SigningIdentity:
    """Open the center's identity with its passphrase.

    Distinct errors: :class:`WrongPassphrase`, :class:`DamagedKey`,
    :class:`DamagedCertificate`, :class:`IdentityMissing` (the key is gone). A key of the
    first release is re-encrypted with the strong KDF once it opens.
    """
    owner = _owner(center_name)
    folder = identity_folder(owner)
    state = identity_state(owner)
    if state == "none":
        raise IdentityError(f"{owner.own}还没有签署身份；第一次签署时会建立。")
    if state != "ready":
        raise IdentityMissing(owner.name, previous_fingerprints(owner), kind=owner.kind)
    _private_folder(folder)  # folders and keys of the first release were 0755 and 0644
    change = None
    if (folder / KEY_FILE).is_file():
        _chmod(folder / KEY_FILE, 0o600)
        key = _open_key(folder / KEY_FILE, passphrase, owner)
    else:
        key = _open_legacy_key(folder / LEGACY_KEY_FILE, passphrase)
    pem, der = _read_certificate(folder / CERT_FILE)
    if not _same_public_key(key, der):
        raise DamagedCertificate(
            f"签署证书 {folder / CERT_FILE} 与私钥不配对（文件被替换或损坏）。请{RESTORE_HOW}。"
        )
    fingerprint = fingerprint_of(der)
    if not (folder / KEY_FILE).is_file():
        change = _reencrypt(folder, key, passphrase, owner.name, fingerprint)
    return SigningIdentity(folder, owner.name, pem, der, fingerprint, key, change)


def _open_key(path: Path, passphrase: str, owner: IdentityOwner | None = None) -> Any:
    from cryptography.hazmat.primitives import serialization

    data = _read_small(path, _MAX_KEY_FILE, DamagedKey, "签署私钥")
    try:
        der, header = open_sealed(data, passphrase)
        if header.get("format") != KEY_FORMAT:
            raise SealedDamaged("not a key file")
        return serialization.load_der_private_key(der, None)
    except SealedWrongPassphrase:
        raise WrongPassphrase(_wrong_passphrase(owner)) from None
    except (SealedDamaged, ValueError, TypeError):
        raise DamagedKey(_damaged_key(path)) from None


def _open_legacy_key(path: Path, passphrase: str) -> Any:
    """The first release's PKCS#8 PEM key; its structure is checked first, so damage is not called a wrong passphrase."""
    from cryptography.hazmat.primitives import serialization

    data = _read_small(path, _MAX_KEY_FILE, DamagedKey, "签署私钥")
    if not _looks_like_encrypted_pkcs8(data):
        raise DamagedKey(_damaged_key(path))
    try:
        return serialization.load_pem_private_key(data, passphrase.encode("utf-8"))
    except (ValueError, TypeError):
        raise WrongPassphrase(_wrong_passphrase()) from None


def _looks_like_encrypted_pkcs8(data: bytes) -> bool:
    import base64
    import binascii

    from asn1crypto import keys  # type: ignore[import-untyped]  # no type hints (pyHanko's dependency)

    begin, end = b"-----BEGIN ENCRYPTED PRIVATE KEY-----", b"-----END ENCRYPTED PRIVATE KEY-----"
    start, stop = data.find(begin), data.find(end)
    if start < 0 or stop < start:
        return False
    try:
        der = base64.b64decode(b"".join(data[start + len(begin) : stop].split()), validate=True)
        info = keys.EncryptedPrivateKeyInfo.load(der, strict=True)
        _ = info.native  # parses every field
        return bool(info["encrypted_data"].native)
    except (ValueError, TypeError, binascii.Error, KeyError, IndexError):
        return False


def _reencrypt(
    folder: Path, key: Any, passphrase: str, center: str, fingerprint: str
) -> IdentityChange | None:
    """Replace the first release's key file with one sealed by the strong KDF; on failure keep the old one."""
    try:
        write_private_file(folder / KEY_FILE, seal_key(key, passphrase))
        (folder / LEGACY_KEY_FILE).unlink()
    except OSError:
        log.warning("could not re-encrypt the signing key in %s", folder, exc_info=True)
        (folder / KEY_FILE).unlink(missing_ok=True)
        return None
    log.info("signing key of %s re-encrypted with scrypt", center)
    return IdentityChange("re-encrypted", center, fingerprint, fingerprint, _now())


def _read_small(path: Path, limit: int, error: type[IdentityError], what: str) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise error(f"无法读取{what}文件 {path}：{exc.strerror or exc}") from None
    if not data or len(data) > limit:
        raise error(_damaged_key(path) if error is DamagedKey else _damaged_certificate(path))
    return data


def _read_certificate(path: Path) -> tuple[bytes, bytes]:
    if not path.is_file():
        raise DamagedCertificate(f"找不到签署证书 {path}。请{RESTORE_HOW}。")
    pem = _read_small(path, _MAX_CERT_FILE, DamagedCertificate, "签署证书")
    try:
        return pem, _certificate_der(pem)
    except (ValueError, TypeError):
        raise DamagedCertificate(_damaged_certificate(path)) from None


def _certificate_der(pem: bytes) -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    return x509.load_pem_x509_certificate(pem).public_bytes(serialization.Encoding.DER)


def _same_public_key(key: Any, certificate_der: bytes) -> bool:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    def spki(public_key: Any) -> bytes:
        return bytes(
            public_key.public_bytes(
                serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
            )
        )

    certificate = x509.load_der_x509_certificate(certificate_der)
    return spki(certificate.public_key()) == spki(key.public_key())


def _wrong_passphrase(owner: IdentityOwner | None = None) -> str:
    if owner is not None and owner.kind == "desk":
        return (
            "台账签署口令不对。请再试一次（注意大小写和输入法）；如果忘记了口令，只能新建签署身份"
            "（新身份的证书指纹不同，请告知各中心以新指纹为准）。"
        )
    return (
        "签署口令不对。请再试一次（注意大小写和输入法）。如果忘记了口令（签署身份的备份也用这个口令加密），"
        f"只能{NEW_HOW}。"
    )


def _damaged_key(path: Path) -> str:
    return (
        f"签署私钥文件已损坏，无法读取：{path}。这不是口令的问题。请{RESTORE_HOW}；没有备份时只能{NEW_HOW}。"
    )


def _damaged_certificate(path: Path) -> str:
    return f"签署证书文件已损坏，无法读取：{path}。这不是口令的问题。请{RESTORE_HOW}。"


def _with_change(identity: SigningIdentity, change: IdentityChange) -> SigningIdentity:
    from dataclasses import replace

    return replace(identity, change=change)


def _now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


def open_or_create_identity(
    center_name: Owner, passphrase: str, *, known_fingerprints: Iterable[str] = ()
) -> tuple[SigningIdentity, bool]:
    """The center's identity, created on its first signing; returns (identity, created).

    An identity that existed before (a certificate here, retired identities, or
    ``known_fingerprints``: those the center file has signed with) is never replaced
    silently: :class:`IdentityMissing` then says to restore it or to create a new one.
    """
    owner = _owner(center_name)
    known = tuple(known_fingerprints)
    from dqsa.export.identity_rename import follow_rename

    follow_rename(owner, known)  # the center was renamed: its identity follows the file
    state = identity_state(owner)
    if state == "ready":
        return load_identity(owner, passphrase), False
    if state == "none" and not any(known):
        return create_identity(owner, passphrase), True
    raise IdentityMissing(owner.name, previous_fingerprints(owner, known), kind=owner.kind)


def sign_bytes(identity: SigningIdentity, data: bytes) -> bytes:
    """A detached ECDSA-SHA256 signature (DER) of ``data``."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    signature: bytes = identity.private_key.sign(data, ec.ECDSA(hashes.SHA256()))
    return signature


def verify_bytes(certificate_pem: bytes, data: bytes, signature: bytes) -> bool:
    """True when ``signature`` is the certificate key's signature of ``data``."""
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    try:
        public_key = x509.load_pem_x509_certificate(certificate_pem).public_key()
        if not isinstance(public_key, ec.EllipticCurvePublicKey):
            return False
        public_key.verify(signature, data, ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True
