"""The center's signing identity: an ECDSA P-256 key and a self-signed certificate naming it.

The private key lives in the user's data folder, encrypted with a passphrase the
signer chooses; it is never written into a center file or a packet. Losing the
passphrase means creating a new identity (the old one is kept, retired), which
packets then show as a new certificate fingerprint.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from dqsa.paths import data_dir

MIN_PASSPHRASE = 6
KEY_FILE = "key.pem"
CERT_FILE = "certificate.pem"


class IdentityError(Exception):
    """A signing identity problem, in Chinese, saying what to do."""


class WrongPassphrase(IdentityError):
    """The passphrase does not open the key."""


@dataclass(frozen=True)
class SigningIdentity:
    """An opened identity: certificate, private key (a cryptography object) and fingerprint."""

    folder: Path
    center_name: str
    certificate_pem: bytes
    certificate_der: bytes
    fingerprint: str
    private_key: Any = field(repr=False)


def fingerprint_of(certificate_der: bytes) -> str:
    """SHA-256 of a certificate, as upper-case hex pairs joined by ':'."""
    digest = hashlib.sha256(certificate_der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def identities_root() -> Path:
    return data_dir() / "signing"


def identity_folder(center_name: str) -> Path:
    """One folder per center (named by a hash: center names may hold any character)."""
    digest = hashlib.sha256(center_name.strip().encode("utf-8")).hexdigest()[:16]
    return identities_root() / digest


def has_identity(center_name: str) -> bool:
    folder = identity_folder(center_name)
    return (folder / KEY_FILE).is_file() and (folder / CERT_FILE).is_file()


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise IdentityError(
            f"签署口令至少 {MIN_PASSPHRASE} 个字符（可以用中文）。请牢记：忘记后只能新建签署身份。"
        )


def create_identity(center_name: str, passphrase: str, *, replace: bool = False) -> SigningIdentity:
    """Make a new key pair and certificate for the center; an old one is retired, not deleted."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    check_passphrase(passphrase)
    folder = identity_folder(center_name)
    if has_identity(center_name):
        if not replace:
            raise IdentityError("本中心已经有签署身份；如果忘记了口令，请选择“新建签署身份”。")
        retired = folder.parent / f"{folder.name}-retired-{datetime.now():%Y%m%d-%H%M%S}"
        shutil.move(folder, retired)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, center_name.strip()[:64]),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, "党群服务中心年度自评签署"),
            x509.NameAttribute(NameOID.COMMON_NAME, center_name.strip()[:64]),
        ]
    )
    now = datetime.now(UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365 * 20))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    encrypted = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )
    (folder / KEY_FILE).write_bytes(encrypted)
    (folder / CERT_FILE).write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (folder / "center.txt").write_text(center_name, encoding="utf-8")
    return load_identity(center_name, passphrase)


def load_identity(center_name: str, passphrase: str) -> SigningIdentity:
    """Open the center's identity with its passphrase."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    folder = identity_folder(center_name)
    if not has_identity(center_name):
        raise IdentityError("本中心还没有签署身份；第一次签署时会自动建立。")
    try:
        key = serialization.load_pem_private_key((folder / KEY_FILE).read_bytes(), passphrase.encode("utf-8"))
    except (ValueError, TypeError):
        raise WrongPassphrase(
            "签署口令不对。请再试一次；如果忘记了口令，可以新建签署身份"
            "（新身份的证书指纹不同，请告知上级以新指纹为准）。"
        ) from None
    pem = (folder / CERT_FILE).read_bytes()
    certificate = x509.load_pem_x509_certificate(pem)
    der = certificate.public_bytes(serialization.Encoding.DER)
    return SigningIdentity(folder, center_name, pem, der, fingerprint_of(der), key)


def open_or_create_identity(center_name: str, passphrase: str) -> tuple[SigningIdentity, bool]:
    """The center's identity, created on first signing; returns (identity, created)."""
    if has_identity(center_name):
        return load_identity(center_name, passphrase), False
    return create_identity(center_name, passphrase), True


def sign_bytes(identity: SigningIdentity, data: bytes) -> bytes:
    """A detached ECDSA-SHA256 signature (DER) of ``data``."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    return identity.private_key.sign(data, ec.ECDSA(hashes.SHA256()))


def verify_bytes(certificate_pem: bytes, data: bytes, signature: bytes) -> bool:
    """True when ``signature`` is the certificate key's signature of ``data``."""
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    try:
        public_key = x509.load_pem_x509_certificate(certificate_pem).public_key()
        public_key.verify(signature, data, ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True
