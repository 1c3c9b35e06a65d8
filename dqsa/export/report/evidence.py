"""五、佐证材料: the photos, four to a page with their full captions, and the list of documents."""

from __future__ import annotations

import functools
import io
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from dqsa.export.content import EvidenceItem, ReportInput
from dqsa.export.report.kit import FRAME_WIDTH, GRID, MM, MUTED, Kit, Notes, colour, draw_text

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

log = logging.getLogger(__name__)

#: A caption longer than this many points keeps its beginning under the photo and goes in full below.
CAPTION_LIMIT = 60.0
IMAGE_HEIGHT = 235.0


def story(data: ReportInput, kit: Kit) -> list[Flowable]:
    from reportlab.platypus import PageBreak, Spacer

    evidence: Sequence[EvidenceItem] = data.evidence
    photos = [e for e in evidence if e.kind == "photo"]
    documents = [e for e in evidence if e.kind != "photo"]
    if not photos and not documents:
        return []
    story: list[Flowable] = [kit.heading("evidence")]
    parts = []
    if photos:
        parts.append(f"照片 {len(photos)} 张")
    if documents:
        parts.append(f"文件 {len(documents)} 个")
    story.append(kit.p("共" + "、".join(parts) + "，原件均在材料包的 evidence 文件夹中。", kit.note))
    story.append(Spacer(1, 2 * MM))
    cell_width = FRAME_WIDTH / 2
    text_width = cell_width - 16
    photo_class = _photo_class()
    copies = _print_copies([item.data for item in photos])
    notes = Notes()
    for start in range(0, len(photos), 4):
        if start:
            story += [PageBreak(), kit.heading("evidence", continued=True)]
        group = photos[start : start + 4]
        cells: list[list[Flowable]] = [
            [
                photo_class(copies[start + k], cell_width - 12, IMAGE_HEIGHT, kit),
                *_caption(start + k + 1, item, kit, notes, text_width),
            ]
            for k, item in enumerate(group)
        ]
        while len(cells) % 2:
            cells.append([])
        rows: list[list[object]] = [list(cells[i : i + 2]) for i in range(0, len(cells), 2)]
        style = [
            ("GRID", (0, 0), (-1, -1), 0, colour("#FFFFFF")),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
        ]
        story.append(kit.table(rows, [cell_width, cell_width], style, header=False))
    story += kit.notes(notes)
    if documents:
        story.append(kit.p("其他佐证文件", kit.h2))
        rows = [kit.head_row(["序号", "文件名", "说明", "对应"])]
        for n, item in enumerate(documents, start=1):
            rows.append(
                [
                    kit.p(str(n), kit.cell_center),
                    kit.p(item.original_name),
                    kit.p(item.caption),
                    kit.p(item.target_label),
                ]
            )
        rest = FRAME_WIDTH - 10 * MM
        story.append(kit.table(rows, [10 * MM, rest * 0.34, rest * 0.33, rest * 0.33]))
    story.append(PageBreak())
    return story


def _caption(number: int, item: EvidenceItem, kit: Kit, notes: Notes, width: float) -> list[Flowable]:
    caption = " ".join(item.caption.split()) or "（无说明）"
    lines: list[Flowable] = []
    fitted = kit.fitted(
        f"图 {number}　{caption}", width, notes, f"图 {number} 的说明", kit.caption, limit=CAPTION_LIMIT
    )
    lines += fitted if isinstance(fitted, list) else [fitted]
    if item.target_label:
        lines.append(kit.p(f"对应：{item.target_label}", kit.caption_muted))
    lines.append(kit.p(f"原文件：{item.original_name}", kit.caption_muted))
    return lines


#: Long side of the photos printed in the report (≈ 280 dpi in their 8 cm box); the packet keeps the full ones.

#: Long side of the photos printed in the report (≈ 250 dpi in their 8 cm box); the packet keeps the full
#: ones. Half the stored 1600 px, so the JPEG decoder scales by 1/2 itself (a quarter of the work).
PRINT_LONG_SIDE = 800
#: Photos made ready for print at the same time (the laptops have two cores).
PRINT_WORKERS = 2


def print_copy(data: bytes) -> bytes:
    """A photo downscaled for printing four to a page (the original stays in the packet's evidence)."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        if max(image.size) <= PRINT_LONG_SIDE:
            return data
        width, height = image.size
        scale = PRINT_LONG_SIDE / max(width, height)
        image.draft("RGB", (max(1, round(width * scale)), max(1, round(height * scale))))
        picture = image.convert("RGB")
        picture.thumbnail((PRINT_LONG_SIDE, PRINT_LONG_SIDE), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=80, optimize=True)
        return buffer.getvalue()


def _print_copies(photos: list[bytes]) -> list[bytes | Exception]:
    """Every photo's print copy, two at a time (Pillow decodes and encodes without the GIL);
    a photo that cannot be read gives its exception, drawn as a placeholder."""
    from concurrent.futures import ThreadPoolExecutor

    def one(data: bytes) -> bytes | Exception:
        try:
            return print_copy(data)
        except Exception as exc:  # a damaged photo must not stop the report
            return exc

    if len(photos) < 2:
        return [one(data) for data in photos]
    with ThreadPoolExecutor(
        max_workers=min(PRINT_WORKERS, len(photos)), thread_name_prefix="dqsa-photo"
    ) as pool:
        return list(pool.map(one, photos))


@functools.cache
def _photo_class() -> type[Flowable]:
    """A flowable drawing one photo centred in a fixed box (a placeholder if it cannot be read)."""
    from reportlab.platypus.flowables import Flowable

    class Photo(Flowable):  # type: ignore[misc]  # reportlab has no type hints
        """The print copy goes to a file in the build's scratch folder and is drawn by name:
        drawn from memory (an ImageReader), reportlab decodes every photo to name it and
        keeps the pixels until the end of the build (2.7 MB a photo, 54 MB for 20)."""

        def __init__(self, jpeg: bytes | Exception, width: float, height: float, kit: Kit) -> None:
            from PIL import Image

            super().__init__()
            self.box = (width, height)
            self.kit = kit
            self.path = ""
            self.size: tuple[int, int] | None = None
            try:
                if isinstance(jpeg, Exception):
                    raise jpeg
                with Image.open(io.BytesIO(jpeg)) as picture:  # reads the header only
                    self.size = picture.size
                path = kit.scratch_file(".jpg")
                path.write_bytes(jpeg)
                self.path = str(path)
            except Exception as exc:  # a damaged photo must not stop the report
                log.warning("photo unreadable in the PDF report: %s", exc)
                self.size = None

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            """The photo's own height within the box, so that its caption sits right under it."""
            box_width, box_height = self.box
            if self.size is None or not all(self.size):
                return box_width, box_height / 2
            pixel_width, pixel_height = self.size
            return box_width, pixel_height * min(box_width / pixel_width, box_height / pixel_height)

        def draw(self) -> None:
            canvas = self.canv
            box_width, box_height = self.wrap(*self.box)
            if self.size is None or not all(self.size):
                canvas.setStrokeColor(colour(GRID))
                canvas.rect(0, 0, box_width, box_height)
                canvas.setFillColor(colour(MUTED))
                draw_text(
                    canvas,
                    self.kit.fonts,
                    box_width / 2,
                    box_height / 2,
                    "（照片无法读取）",
                    9,
                    align="center",
                )
                return
            pixel_width, pixel_height = self.size
            scale = min(box_width / pixel_width, box_height / pixel_height)
            width, height = pixel_width * scale, pixel_height * scale
            x, y = (box_width - width) / 2, 0.0  # bottom-aligned: the caption sits right under it
            canvas.drawImage(self.path, x, y, width, height)
            canvas.setStrokeColor(colour(GRID))
            canvas.setLineWidth(0.4)
            canvas.rect(x, y, width, height)

    return Photo
