"""How two spellings of one certificate fingerprint are compared ("AB:CD:…", "ABCD EF01 …", "ab-cd-…")."""

from __future__ import annotations

#: What people and programs put between the hexadecimal digits of a fingerprint.
SEPARATORS = frozenset(": -\t")


def plain_fingerprint(fingerprint: str) -> str:
    """The fingerprint's digits only, upper case: equal for every spelling of one fingerprint."""
    return "".join(ch for ch in fingerprint if ch not in SEPARATORS).upper()


def same_fingerprint(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` spell the same fingerprint."""
    return plain_fingerprint(a) == plain_fingerprint(b)
