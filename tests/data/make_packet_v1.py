"""Made ``packet-v1.zip`` once, with the packet writer of format ``dqsa-packet/1``.

Format 1 is what the first release sent upward; those packets must keep verifying
(and restoring) forever, whatever the writer does later. The test opens the
committed file; it does not run this. The identity is throw-away: it lives in a
temporary data folder that is deleted at the end, so nobody can sign with it again.

Run: python tests/data/make_packet_v1.py
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
TARGET = HERE / "packet-v1.zip"


def photo() -> bytes:
    from PIL import Image

    image = Image.new("RGB", (640, 480))
    for x in range(0, 640, 8):
        image.paste((x % 256, 80, 255 - x % 256), (x, 0, x + 8, 480))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def document() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Meeting minutes 2026")
    page.save()
    return buffer.getvalue()


def main() -> None:
    with tempfile.TemporaryDirectory() as home:
        os.environ["DQSA_HOME"] = home  # the identity and backups go there, and are thrown away
        from dqsa.answers_file import load_answers_file
        from dqsa.export.packet import PACKET_FORMAT, export_packet
        from dqsa.store.evidence import prepare_document, prepare_photo
        from dqsa.store.service import CenterStore

        assert PACKET_FORMAT == "dqsa-packet/1", PACKET_FORMAT
        with CenterStore.open(Path(home) / "中心.dqsa", create=True) as store:
            store.import_answers(load_answers_file(HERE / "township-half.json"))
            store.add_evidence(
                2026, "zone", "reception", prepare_photo(photo(), "接待区 照片.jpg"), "接待区全景"
            )
            store.add_evidence(2026, "item", "A1.site.1", prepare_document(document(), "会议纪要.pdf"), "")
            result = export_packet(
                store,
                2026,
                signer_name="李明",
                signer_title="主任",
                passphrase="一次性口令-" + os.urandom(8).hex(),
                out_dir=Path(home) / "out",
            )
        shutil.copyfile(result.path, TARGET)
    print(f"{TARGET} ({TARGET.stat().st_size} bytes), fingerprint {result.fingerprint}")


if __name__ == "__main__":
    main()
