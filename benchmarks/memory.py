"""Memory and time of the hostile-input paths: large pictures, a packet with a huge member, the key's KDF.

Run: .venv/bin/python benchmarks/memory.py
Goals (issue 14.8): a 64-Mpx 16-bit RGBA PNG stays under 300 MB (decoded reduced or
refused with a clear message); verify stays under 300 MB whatever a packet holds.
Each case runs in a fresh process; the figure is that process's own peak (VmHWM).
"""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PEAK = (
    "def peak():\n"
    "    with open('/proc/self/status') as status:\n"
    "        return next(int(l.split()[1]) // 1024 for l in status if l.startswith('VmHWM:'))\n"
)


def png(path: Path, width: int, height: int, depth: int, colour: int) -> Path:
    bands = {0: 1, 2: 3, 6: 4}[colour]
    row = width * bands * depth // 8

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    packer, body = zlib.compressobj(6), bytearray()
    for y in range(height):
        body += packer.compress(b"\x00" + bytes([y % 256]) * row)
    body += packer.flush()
    header = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", bytes(body)) + chunk(b"IEND", b"")
    )
    return path


def jpeg(path: Path, side: int) -> Path:
    from PIL import Image

    Image.linear_gradient("L").resize((side, side)).convert("RGB").save(path, quality=90)
    return path


def huge_member_packet(path: Path, megabytes: int) -> Path:
    with (
        zipfile.ZipFile(REPO / "tests" / "data" / "packet-v1.zip") as source,
        zipfile.ZipFile(path, "w") as out,
    ):
        for info in source.infolist():
            out.writestr(info, source.read(info))
        info = zipfile.ZipInfo("evidence/99-huge.bin")
        info.compress_type = zipfile.ZIP_DEFLATED
        with out.open(info, "w", force_zip64=True) as handle:
            for _ in range(megabytes):
                handle.write(bytes(range(256)) * 4096)
    return path


def run(code: str, argument: Path, home: Path) -> tuple[str, int, float]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PEAK + code, str(argument)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
        env={**os.environ, "DQSA_HOME": str(home)},
    )
    outcome, peak = done.stdout.strip().rsplit("\n", 1)
    return outcome, int(peak), time.perf_counter() - started


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="dqsa-memory-"))
    prepare = (
        "import sys\nfrom pathlib import Path\nfrom dqsa.store.evidence import EvidenceError, prepare_file\n"
        "try:\n    r = prepare_file(Path(sys.argv[1])); print('accepted', r.width, r.height)\n"
        "except EvidenceError as e:\n    print('refused')\nprint(peak())\n"
    )
    verify = (
        "import sys\nfrom dqsa.export.verify import verify_packet\n"
        "v = verify_packet(sys.argv[1]); print('ok' if v.ok else 'refused')\nprint(peak())\n"
    )
    cases = [
        ("8000×8000 16-bit RGBA PNG", prepare, png(folder / "rgba16.png", 8000, 8000, 16, 6)),
        ("8000×8000 16-bit grey PNG", prepare, png(folder / "grey16.png", 8000, 8000, 16, 0)),
        ("6200×6200 RGB PNG", prepare, png(folder / "rgb.png", 6200, 6200, 8, 2)),
        ("8000×8000 JPEG", prepare, jpeg(folder / "big.jpg", 8000)),
        ("verify: packet with a 390 MB member", verify, huge_member_packet(folder / "huge.zip", 390)),
        ("verify: packet-v1.zip", verify, REPO / "tests" / "data" / "packet-v1.zip"),
    ]
    print(f"{'case':<40} {'outcome':<20} {'peak MB':>8} {'seconds':>8}")
    for name, code, path in cases:
        outcome, peak, seconds = run(code, path, folder / "home")
        print(f"{name:<40} {outcome:<20} {peak:>8} {seconds:>8.1f}")
    from dqsa.export.sealed import SCRYPT_N, SCRYPT_P, SCRYPT_R, open_sealed, seal

    sealed = seal(b"x" * 200, "口令-benchmark", header={})
    started = time.perf_counter()
    open_sealed(sealed, "口令-benchmark")
    print(
        f"opening a sealed key (scrypt N={SCRYPT_N}, r={SCRYPT_R}, p={SCRYPT_P}): {time.perf_counter() - started:.2f} s"
    )


if __name__ == "__main__":
    main()
