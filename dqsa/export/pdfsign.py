"""A real PDF digital signature (PAdES baseline, pyHanko) with a visible Chinese stamp; and its check.

pyHanko's default stamp font cannot draw Chinese; its OpenType support can, given a
single-face TrueType file (a ``.ttc`` collection is split first). Validation is
offline: the certificate in the packet is the only trust root.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dqsa.export.fonts import FontChoice, single_face_file
from dqsa.export.identity import SigningIdentity

FIELD_NAME = "dqsa-signature"


def _font_factory(face: Path, size: int):
    """pyHanko's OpenType font engine, fed the font from memory.

    Its own factory opens the font file and never closes it; reading the bytes once
    leaves no handle behind (and no locked file on Windows).
    """
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory

    class InMemoryGlyphAccumulatorFactory(GlyphAccumulatorFactory):
        def create_font_engine(self, writer, obj_stream=None):
            if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
                obj_stream = writer.prepare_object_stream()
            return GlyphAccumulator(
                writer=writer,
                font_handle=io.BytesIO(Path(self.font_file).read_bytes()),
                font_size=self.font_size,
                ot_script_tag=self.ot_script_tag,
                ot_language_tag=self.ot_language_tag,
                writing_direction=self.writing_direction,
                bcp47_lang_code=self.bcp47_lang_code,
                obj_stream=obj_stream,
            )

    return InMemoryGlyphAccumulatorFactory(str(face), font_size=size)


def sign_pdf(
    pdf: bytes,
    identity: SigningIdentity,
    *,
    page: int,
    box: tuple[float, float, float, float],
    signer_name: str,
    signer_title: str,
    signed_at: datetime,
    font: FontChoice,
    font_cache: Path,
    location: str = "",
) -> bytes:
    """Sign ``pdf`` with a visible stamp in ``box`` on ``page``; returns the signed PDF."""
    from asn1crypto import keys, x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    logging.getLogger("fontTools").setLevel(
        logging.ERROR
    )  # "BDF NOT subset" notes are not the user's concern
    certificate = x509.Certificate.load(identity.certificate_der)
    key_der = identity.private_key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    signer = signers.SimpleSigner(
        signing_cert=certificate,
        signing_key=keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs([certificate]),
    )
    face = single_face_file(font, font_cache)
    stamp = TextStampStyle(
        stamp_text=(
            f"签署人：{signer_name}（{signer_title}）\n"
            f"签署时间：{signed_at:%Y-%m-%d %H:%M}\n"
            f"证书指纹：{identity.fingerprint[:23]}…"
        ),
        text_box_style=TextBoxStyle(font=_font_factory(face, 9)),
        border_width=1,
    )
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        reason="党群服务中心年度自评材料",
        location=location or None,
        name=signer_name,
    )
    spec = fields.SigFieldSpec(sig_field_name=FIELD_NAME, on_page=page, box=tuple(int(v) for v in box))
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


def check_pdf_signature(pdf: bytes, certificate_der: bytes) -> PdfSignatureCheck:
    """Valid, made by this certificate, and covering the whole file (nothing added after)."""
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
            False, "PDF 的签名证书与材料包中的证书不一致（证书被替换？）", signer_fingerprint
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
