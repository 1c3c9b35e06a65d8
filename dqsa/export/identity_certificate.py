"""A signing identity's key pair and self-signed certificate, and the names a certificate can hold."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from dqsa.export.identity_owner import Owner, owner_of

#: X.509 limits a name attribute to 64 bytes of UTF-8 (21 Chinese characters).
CERTIFICATE_NAME_BYTES = 64


def certificate_name(name: str) -> str:
    """``name`` as a certificate holds it: whole characters within 64 bytes of UTF-8, "…" where cut."""
    if len(name.encode("utf-8")) <= CERTIFICATE_NAME_BYTES:
        return name
    room = CERTIFICATE_NAME_BYTES - len("…".encode())
    kept = name.encode("utf-8")[:room].decode("utf-8", errors="ignore")
    return kept + "…"


def new_key_and_certificate(whose: Owner) -> tuple[Any, bytes]:
    """A new P-256 key and a self-signed certificate naming ``whose`` (a center's name or an owner)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    owner = owner_of(whose)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, certificate_name(owner.name)),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, owner.unit),
            x509.NameAttribute(NameOID.COMMON_NAME, certificate_name(owner.name)),
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
    return key, certificate.public_bytes(serialization.Encoding.PEM)
