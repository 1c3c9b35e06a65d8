"""Bytes sealed with a passphrase: scrypt to derive a key, AES-256-GCM to encrypt. For the signing key
and its backup.

The file is small JSON (UTF-8)::

    {"sealed": "dqsa-sealed/1",
     "kdf": {"name": "scrypt", "n": 32768, "r": 8, "p": 3, "salt": "<base64>"},
     "check": "<base64>", "nonce": "<base64>", "data": "<base64 ciphertext + tag>",
     ... header fields of the caller (format, center name, fingerprint …)}

scrypt (N=2^15, r=8, p=3: 32 MB of memory, about 0.4 s on this machine for one try)
replaces the first release's PBKDF2 with 2048 iterations. The derived 64 bytes give
the AES key and a check value: a wrong passphrase fails the check
(:class:`SealedWrongPassphrase`), while a passphrase that passes the check but not the
authentication means the file was damaged (:class:`SealedDamaged`), so the two get
different messages. Every field except ``data`` is authenticated as associated data:
the header cannot be changed without the passphrase noticing.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import unicodedata
from typing import Any

SEALED_FORMAT = "dqsa-sealed/1"
#: scrypt's cost: OWASP's N=2^15, r=8, p=3 (32 MB of memory per try).
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 3
#: What a sealed file may ask for when it is opened (a hostile file must not make us use 4 GB).
_MAX_N, _MAX_R, _MAX_P = 2**20, 16, 16
_MAX_MEMORY = 256 * 1024 * 1024
_MAX_BYTES = 1024 * 1024
_CHECK_LABEL = b"dqsa passphrase check"
_RESERVED = {"sealed", "kdf", "check", "nonce", "data"}


class SealedDamaged(ValueError):
    """The sealed bytes are not readable (damaged, truncated, not a sealed file)."""


class SealedWrongPassphrase(ValueError):
    """The passphrase is not the one the bytes were sealed with."""


def _passphrase_bytes(passphrase: str) -> bytes:
    """The passphrase as bytes; NFC so that the same characters typed two ways give the same key."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _derive(passphrase: str, salt: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    derived = Scrypt(salt=salt, length=64, n=n, r=r, p=p).derive(_passphrase_bytes(passphrase))
    return derived[:32], hashlib.sha256(_CHECK_LABEL + derived[32:]).digest()


def _associated(document: dict[str, Any]) -> bytes:
    return json.dumps({k: v for k, v in document.items() if k != "data"}, sort_keys=True).encode("utf-8")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def seal(plaintext: bytes, passphrase: str, *, header: dict[str, Any]) -> bytes:
    """``plaintext`` sealed with ``passphrase``; ``header`` (JSON values) is stored in clear, authenticated."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if _RESERVED & set(header):
        raise ValueError(f"header may not use {sorted(_RESERVED & set(header))}")
    salt, nonce = os.urandom(16), os.urandom(12)
    key, check = _derive(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    document: dict[str, Any] = {
        **header,
        "sealed": SEALED_FORMAT,
        "kdf": {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt)},
        "check": _b64(check),
        "nonce": _b64(nonce),
    }
    document["data"] = _b64(AESGCM(key).encrypt(nonce, plaintext, _associated(document)))
    return (json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def read_header(data: bytes) -> dict[str, Any]:
    """The clear fields of sealed bytes (not yet authenticated: that needs the passphrase)."""
    document = _document(data)
    return {k: v for k, v in document.items() if k not in _RESERVED}


def _document(data: bytes) -> dict[str, Any]:
    if len(data) > _MAX_BYTES:
        raise SealedDamaged("too large")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise SealedDamaged("not JSON") from None
    if not isinstance(document, dict) or document.get("sealed") != SEALED_FORMAT:
        raise SealedDamaged("not a sealed file")
    kdf = document.get("kdf")
    if not isinstance(kdf, dict) or kdf.get("name") != "scrypt":
        raise SealedDamaged("unknown key derivation")
    for name in ("n", "r", "p"):
        if type(kdf.get(name)) is not int:
            raise SealedDamaged(f"kdf.{name}")
    n, r, p = kdf["n"], kdf["r"], kdf["p"]
    if not (2 <= n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= _MAX_R and 1 <= p <= _MAX_P):
        raise SealedDamaged("kdf parameters out of range")
    if 128 * n * r > _MAX_MEMORY:
        raise SealedDamaged("kdf needs too much memory")
    for name in ("check", "nonce", "data"):
        if not isinstance(document.get(name), str):
            raise SealedDamaged(name)
    if not isinstance(kdf.get("salt"), str):
        raise SealedDamaged("kdf.salt")
    return document


def _unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise SealedDamaged("base64") from None


def open_sealed(data: bytes, passphrase: str) -> tuple[bytes, dict[str, Any]]:
    """The plaintext and the (now authenticated) header of sealed bytes.

    :class:`SealedWrongPassphrase` when the passphrase fails the check value,
    :class:`SealedDamaged` for anything else that is wrong.
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    document = _document(data)
    kdf = document["kdf"]
    salt, check, nonce, ciphertext = (
        _unb64(kdf["salt"]),
        _unb64(document["check"]),
        _unb64(document["nonce"]),
        _unb64(document["data"]),
    )
    if len(salt) < 8 or len(nonce) != 12 or len(check) != 32:
        raise SealedDamaged("field sizes")
    key, expected = _derive(passphrase, salt, kdf["n"], kdf["r"], kdf["p"])
    if not hmac.compare_digest(check, expected):
        raise SealedWrongPassphrase("wrong passphrase")
    try:
        plaintext = AESGCM(key).decrypt(nonce, ciphertext, _associated(document))
    except (InvalidTag, ValueError):
        raise SealedDamaged("authentication failed") from None
    return plaintext, {k: v for k, v in document.items() if k not in _RESERVED}
