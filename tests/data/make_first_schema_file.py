"""Made ``schema-0001.dqsa`` once, with the first released schema (revision 0001).

Kept for transparency; the test opens the committed file, it does not run this.
Run: python tests/data/make_first_schema_file.py
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from PIL import Image

from dqsa.answers_file import load_answers_file
from dqsa.store.evidence import prepare_photo
from dqsa.store.service import CenterStore

HERE = Path(__file__).parent


def photo() -> bytes:
    image = Image.new("RGB", (640, 480))
    for x in range(0, 640, 8):
        image.paste((x % 256, 80, 255 - x % 256), (x, 0, x + 8, 480))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=70)
    return buffer.getvalue()


def main() -> None:
    target = HERE / "schema-0001.dqsa"
    target.unlink(missing_ok=True)
    with (
        tempfile.TemporaryDirectory() as backups,
        CenterStore.open(target, create=True, backups_root=Path(backups)) as store,
    ):
        weak = load_answers_file(HERE / "village-weak.json")
        store.import_answers(weak.model_copy(update={"year": 2025}))
        store.create_assessment(2026, from_year=2025)
        store.set_fact(2026, "area_m2", 230.5)
        store.set_manual_score(2026, "A1.site.1", 5.5)
        store.set_override(2026, "A1.zones.1", score=7.5, reason="综合接待与业务办理合并设置")
        store.set_item_text(2026, "A1.sign.2", "corrective_actions", "年底前安装夜光 LOGO")
        store.add_evidence(2026, "zone", "reception", prepare_photo(photo(), "接待区 照片.jpg"), "接待区全景")
        store.mark_signed(2025, signer="张伟（村党组织书记）", fingerprint="ab" * 32)


if __name__ == "__main__":
    main()
