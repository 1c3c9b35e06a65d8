"""六、签署: who signed, when, with which certificate, how to check it, and the framed
box where the signing step stamps the visible digital signature (its position is recorded)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from dqsa.export import wording
from dqsa.export.content import ReportInput
from dqsa.export.fonts import ReportFonts
from dqsa.export.report.kit import FRAME_WIDTH, MM, MUTED, Kit, colour, draw_text

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

#: Size of the box left for the visible signature, in points.
SIGNATURE_BOX_SIZE = (280.0, 100.0)
VERIFY_TEXT = (
    "收到材料包后，可在 dqsa 中用“帮助 → 校验材料包”或命令 dqsa verify 材料包.zip 校验；"
    "PDF 阅读器的签名面板也会显示此签名（PAdES）。本中心的证书是自签名证书，阅读器会提示“签发者未知”，"
    "这是正常的：请用电话等方式与本中心核对上面的证书指纹，并与本中心此前报送时的指纹比对。"
)


class SignatureBox:
    """Makes the box flowable and, once the report is laid out, says where it went."""

    def __init__(self, fonts: ReportFonts) -> None:
        self.flowable = _signature_box_class()(fonts, *SIGNATURE_BOX_SIZE)

    @property
    def placed(self) -> tuple[int, tuple[float, float, float, float]] | None:
        placed: tuple[int, tuple[float, float, float, float]] | None = self.flowable.placed
        return placed


def story(data: ReportInput, kit: Kit, box: SignatureBox) -> list[Flowable]:
    from reportlab.platypus import KeepTogether, Spacer

    signer = data.signer
    fingerprint = "<br/>".join(kit.text(line) for line in wording.fingerprint_lines(signer.fingerprint))
    rows = [
        [kit.p("签署人", kit.label), kit.p(signer.name, kit.value)],
        [kit.p("职务", kit.label), kit.p(signer.title, kit.value)],
        [kit.p("签署时间", kit.label), kit.p(wording.datetime_text(signer.signed_at, zone=True), kit.value)],
        [kit.p("证书指纹（SHA-256）", kit.label), kit.markup(fingerprint, kit.fingerprint)],
        [
            kit.p("同一指纹（冒号格式）", kit.label),
            kit.markup(_colon_lines(signer.fingerprint, kit), kit.cell_muted),
        ],
    ]
    block: list[Flowable] = [
        kit.heading("signature"),
        kit.p(
            f"本报告与答卷、评分结果{'和佐证材料' if data.evidence else ''}一并打包，"
            f"由{signer.name}以下列证书进行数字签名。签名后对报告或材料的任何改动都会使签名失效。",
            kit.body,
        ),
        Spacer(1, 4 * MM),
        kit.plain_table(rows, [40 * MM, FRAME_WIDTH - 40 * MM]),
        Spacer(1, 6 * MM),
        kit.p("如何校验", kit.h2),
        kit.p(VERIFY_TEXT, kit.body),
        Spacer(1, 10 * MM),
        box.flowable,
    ]
    return [KeepTogether(block)]


def _colon_lines(fingerprint: str, kit: Kit) -> str:
    """``AB:CD:…`` as in the manifest and ``dqsa verify``, 16 pairs to a line."""
    pairs = [part for part in fingerprint.split(":") if part]
    return "<br/>".join(kit.text(":".join(pairs[i : i + 16])) for i in range(0, len(pairs), 16))


@functools.cache
def _signature_box_class() -> type[Flowable]:
    """The empty framed box for the visible signature; records where it was drawn."""
    from reportlab.platypus.flowables import Flowable

    class SignatureBoxFlowable(Flowable):  # type: ignore[misc]  # reportlab has no type hints
        caption_height = 14.0

        def __init__(self, fonts: ReportFonts, box_width: float, box_height: float) -> None:
            super().__init__()
            self.fonts = fonts
            self.box_width = box_width
            self.box_height = box_height
            self.placed: tuple[int, tuple[float, float, float, float]] | None = None

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            self.width = avail_width
            self.height = self.box_height + self.caption_height
            return self.width, self.height

        def draw(self) -> None:
            canvas = self.canv
            x = self.width - self.box_width  # right-aligned in the frame
            canvas.setStrokeColor(colour("#9AA5B1"))
            canvas.setLineWidth(0.6)
            canvas.setDash(3, 2)
            canvas.rect(x, 0, self.box_width, self.box_height, stroke=1, fill=0)
            canvas.setDash()
            canvas.setFillColor(colour(MUTED))
            draw_text(canvas, self.fonts, x, self.box_height + 4, "数字签名", 8)
            a, b, c, d, e, f = canvas._currentMatrix
            corners = [(x, 0.0), (x + self.box_width, self.box_height)]
            (x1, y1), (x2, y2) = [(a * u + c * v + e, b * u + d * v + f) for u, v in corners]
            rect = (
                round(min(x1, x2), 2),
                round(min(y1, y2), 2),
                round(max(x1, x2), 2),
                round(max(y1, y2), 2),
            )
            self.placed = (canvas.getPageNumber() - 1, rect)

    return SignatureBoxFlowable
