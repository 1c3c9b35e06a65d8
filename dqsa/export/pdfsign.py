"""A real PDF digital signature (PAdES, pyHanko) with a visible Chinese stamp; and its check.

The signature is PAdES (SubFilter ``ETSI.CAdES.detached``, with the signing-certificate-v2
attribute), made offline with the center's key. The stamp's appearance is a small PDF
page drawn with reportlab in the report's own fonts (:func:`stamp_pdf`): one short line
each for signer, title, time and the fingerprint in groups of four, measured with the
fonts' real widths and shrunk rather than cut when a long title needs it. pyHanko only
places that page in the signature field, so its OpenType engine (which parsed the whole
CJK font for every export) is not used. Validation is offline: the certificate in the
packet is the only trust root.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from dqsa.export import wording
from dqsa.export.identity import SigningIdentity

if TYPE_CHECKING:
    from pyhanko.pdf_utils.content import PdfContent

    from dqsa.export.fonts import ReportFonts

FIELD_NAME = "dqsa-signature"
#: The stamp's text sizes: it starts at the first and shrinks (never below the last) until it fits.
STAMP_FONT_SIZES = (9.0, 8.5, 8.0, 7.5, 7.0, 6.5, 6.0)
STAMP_PADDING = 6.0
STAMP_INK = "#1F2933"
STAMP_FRAME = "#2F5D8A"
STAMP_FILL = "#F3F7FB"


@dataclass(frozen=True)
class StampText:
    """What the visible stamp says."""

    signer_name: str
    signer_title: str
    signed_at: datetime
    fingerprint: str

    def lines(self) -> list[tuple[str, str]]:
        """(label, value) lines, the fingerprint in two lines of eight groups of four."""
        first, *rest = wording.fingerprint_lines(self.fingerprint)
        lines = [
            ("签署人", self.signer_name),
            ("职务", self.signer_title),
            ("签署时间", wording.datetime_text(self.signed_at, zone=True)),
            ("证书指纹", first),
        ]
        lines += [("", line) for line in rest]
        return lines


def stamp_pdf(text: StampText, size: tuple[float, float], fonts: ReportFonts) -> bytes:
    """The stamp's appearance: a one-page PDF exactly ``size`` (points) large.

    Labels sit in a column of their own; a value too long for its line wraps (at the
    Chinese line-breaking rules) and the whole stamp takes a smaller size until it fits.
    """
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph

    from dqsa.export.report.linebreak import extend_line_break_rules

    extend_line_break_rules()
    width, height = size
    inner_width = width - 2 * STAMP_PADDING
    inner_height = height - 2 * STAMP_PADDING
    lines = text.lines()

    def layout(font_size: float) -> tuple[float, float, list[tuple[Paragraph | None, Paragraph, float]]]:
        label_face = fonts.face_for("".join(label for label, _ in lines) + "：")
        label_width = max(stringWidth(f"{label}：", label_face, font_size) for label, _ in lines if label)
        style = ParagraphStyle(
            "stamp", fontName=fonts.primary, fontSize=font_size, leading=font_size * 1.3,
            wordWrap="CJK", textColor=HexColor(STAMP_INK),
        )  # fmt: skip
        rows: list[tuple[Paragraph | None, Paragraph, float]] = []
        used = 0.0
        for label, value in lines:
            head = Paragraph(fonts.markup(f"{label}："), style) if label else None
            body = Paragraph(fonts.markup(value), style)
            _, body_height = body.wrap(inner_width - label_width, inner_height)
            rows.append((head, body, body_height))
            used += body_height
        return label_width, used, rows

    for font_size in STAMP_FONT_SIZES:
        label_width, used, rows = layout(font_size)
        if used <= inner_height:
            break
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), pageCompression=1, initialFontName=fonts.primary)
    canvas.setTitle("数字签名")
    canvas.setFillColor(HexColor(STAMP_FILL))
    canvas.setStrokeColor(HexColor(STAMP_FRAME))
    canvas.setLineWidth(0.8)
    canvas.rect(0.4, 0.4, width - 0.8, height - 0.8, stroke=1, fill=1)
    y = height - STAMP_PADDING - max(0.0, (inner_height - used) / 2)
    for head, body, body_height in rows:
        y -= body_height
        if head is not None:
            head.wrap(label_width, body_height)
            head.drawOn(canvas, STAMP_PADDING, y + body_height - head.height)
        body.drawOn(canvas, STAMP_PADDING + label_width, y)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _stamp_content(pdf: bytes, size: tuple[float, float]) -> PdfContent:
    """The stamp page as pyHanko content (imported from memory: no file is written)."""
    from pyhanko.pdf_utils.content import PdfContent
    from pyhanko.pdf_utils.layout import BoxConstraints
    from pyhanko.pdf_utils.reader import PdfFileReader

    class ImportedStampPage(PdfContent):  # type: ignore[misc]  # pyHanko is checked without its stubs here
        def render(self) -> bytes:
            writer = self._ensure_writer
            xobject = writer.import_page_as_xobject(PdfFileReader(io.BytesIO(pdf), strict=False), page_ix=0)
            self.resources.xobject["/Stamp"] = xobject
            return b"/Stamp Do"

    return ImportedStampPage(box=BoxConstraints(width=size[0], height=size[1]))


def sign_pdf(
    pdf: bytes,
    identity: SigningIdentity,
    *,
    page: int,
    box: tuple[float, float, float, float],
    text: StampText,
    fonts: ReportFonts,
    location: str = "",
    reason: str = "党群服务中心年度自评材料",
) -> bytes:
    """Sign ``pdf`` (PAdES) with a visible stamp in ``box`` on ``page``; returns the signed PDF.

    ``reason`` is what the signature says it is for (a reader's signature panel shows it).
    """
    from asn1crypto import keys, x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.layout import AxisAlignment, Margins, SimpleBoxLayoutRule
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import StaticStampStyle
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    certificate = x509.Certificate.load(identity.certificate_der)
    key_der = identity.private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    signer = signers.SimpleSigner(
        signing_cert=certificate,
        signing_key=keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs([certificate]),
    )
    # Whole points, outward: the stamp covers the report's dashed box completely.
    field_box = (math.floor(box[0]), math.floor(box[1]), math.ceil(box[2]), math.ceil(box[3]))
    size = (float(field_box[2] - field_box[0]), float(field_box[3] - field_box[1]))
    fonts.reset()
    try:
        appearance = stamp_pdf(text, size, fonts)
    finally:
        fonts.release()
    fonts.check()
    stamp = StaticStampStyle(
        background=_stamp_content(appearance, size),
        background_opacity=1.0,
        border_width=0,
        background_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MID, y_align=AxisAlignment.ALIGN_MID, margins=Margins.uniform(0)
        ),
    )
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location or None,
        name=text.signer_name,
    )
    spec = fields.SigFieldSpec(sig_field_name=FIELD_NAME, on_page=page, box=field_box)
    pdf_signer = signers.PdfSigner(metadata, signer=signer, stamp_style=stamp, new_field_spec=spec)
    output = io.BytesIO()
    pdf_signer.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False), output=output)
    return output.getvalue()


@dataclass(frozen=True)
class PdfSignatureCheck:
    """The outcome of checking a PDF's signature against the packet's certificate."""

    ok: bool
    problem: str = ""
    signer_fingerprint: str = ""


def check_pdf_signature(pdf: bytes, certificate_der: bytes, *, noun: str = "材料包") -> PdfSignatureCheck:
    """Valid, made by this certificate, and covering the whole file (nothing added after).

    ``noun`` names the signed zip the PDF came in (``材料包``, ``审核结果``) in the messages.
    """
    from asn1crypto import x509
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    from dqsa.export.identity import fingerprint_of

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = reader.embedded_signatures
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        return PdfSignatureCheck(False, f"PDF 文件损坏，无法读取：{exc}")
    if len(signatures) != 1:
        return PdfSignatureCheck(False, f"PDF 中应有 1 个数字签名，实际有 {len(signatures)} 个")
    embedded = signatures[0]
    signer_der = embedded.signer_cert.dump()
    signer_fingerprint = fingerprint_of(signer_der)
    if signer_der != certificate_der:
        return PdfSignatureCheck(
            False, f"PDF 的签名证书与{noun}中的证书不一致（证书被替换？）", signer_fingerprint
        )
    context = ValidationContext(trust_roots=[x509.Certificate.load(certificate_der)], allow_fetching=False)
    try:
        status = validate_pdf_signature(embedded, context)
    except Exception as exc:
        return PdfSignatureCheck(False, f"PDF 签名无法校验：{exc}", signer_fingerprint)
    if not (status.intact and status.valid):
        return PdfSignatureCheck(False, "PDF 签名无效：内容与签名不符（文件被改动过）", signer_fingerprint)
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        return PdfSignatureCheck(False, "PDF 在签名之后又被追加了内容", signer_fingerprint)
    return PdfSignatureCheck(True, "", signer_fingerprint)
