"""Keep pyHanko's network code out of the program.

``pyhanko.sign.timestamps`` imports its HTTP time-stamp client at module level, so
importing the signer would load aiohttp, yarl, multidict, certifi and TLS although
dqsa never asks a time-stamp server anything (the program works offline; the signing
time is the laptop's clock, stated on the signature page); its validation module does
the same with the certificate validator's aiohttp fetchers. :func:`install` puts
stand-ins for those two modules in place before pyHanko is imported: signing and
validation are unchanged, no HTTP client is ever loaded, and the frozen build can
leave aiohttp and the TLS libraries out altogether.
"""

from __future__ import annotations

import importlib.machinery
import sys
import types


class OfflineTimeStamper:
    """Stands in for pyHanko's ``HTTPTimeStamper``; dqsa never contacts a time-stamp server."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise RuntimeError("dqsa 离线运行，不连接时间戳服务器 / dqsa works offline: no time-stamp server")


class OfflineFetcherBackend:
    """Stands in for the certificate validator's aiohttp backend (OCSP, CRL, certificate fetching).

    dqsa validates with fetching switched off; only a caller that would go online gets here.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise RuntimeError("dqsa 离线运行，不联网查询证书状态 / dqsa works offline: no revocation fetching")


#: pyHanko's modules that import aiohttp at module level, and what each must provide.
STAND_INS: dict[str, dict[str, type]] = {
    "pyhanko.sign.timestamps.aiohttp_client": {"HTTPTimeStamper": OfflineTimeStamper},
    "pyhanko_certvalidator.fetchers.aiohttp_fetchers": {"AIOHttpFetcherBackend": OfflineFetcherBackend},
}


def install() -> None:
    """Register the stand-ins, leaving any real module already loaded alone (idempotent)."""
    for name, members in STAND_INS.items():
        if name in sys.modules:
            continue
        stand_in = types.ModuleType(name, "dqsa's offline stand-in (dqsa.export.offline)")
        stand_in.__spec__ = importlib.machinery.ModuleSpec(name, loader=None)
        for member, value in members.items():
            setattr(stand_in, member, value)
        stand_in.__all__ = list(members)  # type: ignore[attr-defined]
        sys.modules[name] = stand_in


#: Installed alongside dqsa's dependencies but never needed by it: HTTP clients and
#: their helpers, TLS and OpenSSL's hashes (Python's own hashes serve; cryptography
#: carries its own OpenSSL), lxml (openpyxl falls back to the standard library and
#: pyHanko writes no XMP metadata for our PDFs), pydantic's v1 API, help() texts,
#: the pure-Python decimal (the C one serves), the line editor and the Japanese,
#: Korean and traditional-Chinese codecs. (Pillow's colour management stays: a CIELab
#: TIFF from a scanner converts to RGB through it.) The frozen build leaves them out;
#: the tests refuse them too (tests/conftest.py), and tests/test_offline.py runs the
#: self-test in a fresh process with all of them refused.
NOT_NEEDED = (
    "aiohttp", "aiohappyeyeballs", "aiosignal", "aiodns", "pycares", "yarl", "multidict",
    "frozenlist", "propcache", "brotli", "brotlicffi", "certifi", "charset_normalizer",
    "requests", "urllib3", "ssl", "_ssl", "_hashlib", "lxml", "readline",
    "pydantic.v1", "pydoc_data", "_pydecimal",
    "_codecs_jp", "_codecs_kr", "_codecs_hk", "_codecs_tw", "_codecs_iso2022",
)  # fmt: skip
