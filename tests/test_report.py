"""The PDF report: fonts, embedding, page numbers, line breaking, signature box (uses poppler-utils)."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from dqsa.answers_file import load_answers_file
from dqsa.domain.scoring import score
from dqsa.export import fonts
from dqsa.export.content import EvidenceItem, ReportInput, Signer
from dqsa.export.fonts import FontChoice, FontNotFound, find_cjk_font, register_reportlab_font
from dqsa.export.report import ReportPdf, build_report, extend_line_break_rules
from dqsa.packs import find_pack

DATA_DIR = Path(__file__).parent / "data"
A4_WIDTH, A4_HEIGHT = 595.2756, 841.8898
FINGERPRINT = ":".join(["AB"] * 32)
NO_LINE_START = "，：；？！、。"
SIGNER = Signer(
    name="张伟", title="村党组织书记", fingerprint=FINGERPRINT, signed_at=datetime(2026, 11, 20, 10, 30)
)
COLOURS = ["#c0392b", "#2980b9", "#27ae60", "#8e44ad", "#f39c12"]


# --- helpers -----------------------------------------------------------------------------


def run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True, timeout=60).stdout


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def jpeg(colour: str, size: tuple[int, int]) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def photo(n: int) -> EvidenceItem:
    size = (600, 800) if n % 2 else (800, 600)
    return EvidenceItem(
        packet_name=f"evidence/{n:02d}-照片.jpg",
        original_name=f"IMG_{n:04d}.jpg",
        caption=f"综合接待区第{n}张照片：服务窗口、公示栏",
        target_kind="zone",
        target_id="reception",
        target_label="综合接待区",
        kind="photo",
        media_type="image/jpeg",
        data=jpeg(COLOURS[n % len(COLOURS)], size),
        width=size[0],
        height=size[1],
    )


DOCUMENT = EvidenceItem(
    packet_name="evidence/06-联席会议记录.pdf",
    original_name="联席会议记录.pdf",
    caption="联席会议记录",
    target_kind="mechanism",
    target_id="joint_meeting",
    target_label="联席会议制度",
    kind="document",
    media_type="application/pdf",
    data=b"%PDF-1.4\n",
)


def report_input(answers_file: str, evidence: tuple[EvidenceItem, ...]) -> ReportInput:
    answers = load_answers_file(DATA_DIR / answers_file)
    pack = find_pack(answers.pack.id)
    return ReportInput(
        pack=pack,
        answers=answers,
        card=score(pack, answers),
        evidence=evidence,
        signer=SIGNER,
        program_version="0.1.0",
    )


@dataclass
class Built:
    input: ReportInput
    report: ReportPdf
    path: Path

    def text(self, first: int | None = None, last: int | None = None) -> str:
        pages = []
        if first is not None:
            pages += ["-f", str(first), "-l", str(last or first)]
        return run("pdftotext", *pages, str(self.path), "-")

    @property
    def pages(self) -> int:
        match = re.search(r"^Pages:\s+(\d+)", run("pdfinfo", str(self.path)), re.M)
        assert match
        return int(match.group(1))


def build(
    tmp_path_factory: pytest.TempPathFactory, answers_file: str, evidence: tuple[EvidenceItem, ...]
) -> Built:
    data = report_input(answers_file, evidence)
    report = build_report(data, find_cjk_font())
    path = tmp_path_factory.mktemp("report") / "report.pdf"
    path.write_bytes(report.data)
    return Built(data, report, path)


@pytest.fixture(scope="module")
def village(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(tmp_path_factory, "village-weak.json", (*(photo(n) for n in range(1, 6)), DOCUMENT))


@pytest.fixture(scope="module")
def checklist(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(tmp_path_factory, "wenzhou-village.json", ())


@pytest.fixture(params=["village", "checklist"])
def any_report(request: pytest.FixtureRequest) -> Built:
    return request.getfixturevalue(request.param)


# --- fonts ----------------------------------------------------------------------------------


def latin_only_font(path: Path) -> Path:
    """A valid TrueType font without a single Chinese glyph."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    def box() -> object:
        pen = TTGlyphPen(None)
        pen.moveTo((100, 0))
        pen.lineTo((100, 700))
        pen.lineTo((500, 700))
        pen.lineTo((500, 0))
        pen.closePath()
        return pen.glyph()

    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "A"])
    builder.setupCharacterMap({ord("A"): "A"})
    builder.setupGlyf({".notdef": box(), "A": box()})
    builder.setupHorizontalMetrics({".notdef": (600, 100), "A": (600, 100)})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": "Latin Only", "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=800, usWinAscent=800, usWinDescent=200, fsType=0)
    builder.setupPost()
    builder.save(str(path))
    return path


def test_a_chinese_truetype_font_is_found_and_registered() -> None:
    from reportlab.pdfbase import pdfmetrics

    choice = find_cjk_font()
    assert choice.path.is_file()
    assert choice.family
    name = register_reportlab_font(choice)
    assert register_reportlab_font(choice) == name  # idempotent
    face = pdfmetrics.getFont(name).face
    assert all(face.charToGlyph.get(ord(c)) for c in "党群服务中心，：")
    assert name != "STSong-Light"


@pytest.mark.parametrize("kind", ["not_a_font", "cff", "latin_only"])
def test_an_unusable_configured_font_is_passed_over(tmp_path: Path, kind: str) -> None:
    if kind == "not_a_font":
        bad = tmp_path / "说明.ttf"
        bad.write_text("这不是字体文件", encoding="utf-8")
    elif kind == "cff":
        bad = tmp_path / "NotoSansCJK-Regular.otf"
        bad.write_bytes(b"OTTO" + bytes(200))  # the header of an OpenType font with CFF outlines
    else:
        bad = latin_only_font(tmp_path / "latin.ttf")
    choice = find_cjk_font(str(bad))
    assert choice.path != bad
    assert choice == find_cjk_font()


def test_a_usable_configured_font_comes_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    system = find_cjk_font()
    single = fonts.single_face_file(system, tmp_path / "cache")
    assert find_cjk_font(str(single)).path == single
    monkeypatch.setenv(fonts.FONT_ENV, str(single))
    assert find_cjk_font().path == single


def test_without_any_usable_font_the_error_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(fonts.FONT_ENV, raising=False)
    monkeypatch.setattr(fonts, "_bundled_fonts", list)
    monkeypatch.setattr(fonts, "_system_fonts", list)
    cff = tmp_path / "SourceHanSans.otf"
    cff.write_bytes(b"OTTO" + bytes(200))
    with pytest.raises(FontNotFound) as caught:
        find_cjk_font(str(cff))
    message = str(caught.value)
    assert "找不到可用的中文 TrueType 字体" in message
    for hint in ("SimSun", "SimHei", "微软雅黑", "fonts-wqy-zenhei", ".ttf", ".ttc", "设置"):
        assert hint in message
    assert str(cff) in message and "CFF" in message
    with pytest.raises(FontNotFound):
        find_cjk_font()


def test_fc_list_lines_are_parsed() -> None:
    assert fonts.parse_fc_list_line("/usr/share/fonts/wqy-zenhei.ttc: :index=1") == (
        Path("/usr/share/fonts/wqy-zenhei.ttc"),
        1,
    )
    assert fonts.parse_fc_list_line("/fonts/my font.ttf: ") == (Path("/fonts/my font.ttf"), 0)
    assert fonts.parse_fc_list_line("   ") is None


def test_a_collection_face_is_extracted_once(tmp_path: Path) -> None:
    from fontTools.ttLib import TTFont

    choice = find_cjk_font()
    single = fonts.single_face_file(choice, tmp_path)
    if choice.path.read_bytes()[:4] != b"ttcf":
        assert single == choice.path
        return
    assert single.parent == tmp_path and single.suffix == ".ttf"
    stamp = single.stat().st_mtime_ns
    assert fonts.single_face_file(choice, tmp_path) == single
    assert single.stat().st_mtime_ns == stamp
    with TTFont(str(single)) as face:
        assert ord("党") in face.getBestCmap()
    plain = FontChoice(path=single, subfont_index=0, family=choice.family)
    assert fonts.single_face_file(plain, tmp_path / "other") == single


# --- line breaking ----------------------------------------------------------------------------


def test_punctuation_never_starts_and_opening_brackets_never_end_a_line() -> None:
    from reportlab.lib import textsplit

    name = register_reportlab_font(find_cjk_font())
    extend_line_break_rules()
    extend_line_break_rules()
    for extra in "，：；？！、。）》":
        assert textsplit.ALL_CANNOT_START.count(extra) == 1
    text = (
        "形象标识采取 CMYK 0 100 100 0 色调（红）。服务中心选址合理，场馆配套设施完备；较好地满足需求！是否？"
    )
    for width in range(60, 400, 7):
        lines = [line for _, line in textsplit.wordSplit(text, width, name, 10)]
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        for line in lines[1:]:
            assert line.strip()[:1] not in NO_LINE_START + "）", (width, lines)
        for line in lines[:-1]:
            assert line.strip()[-1:] != "（", (width, lines)


# --- the reports --------------------------------------------------------------------------------


def test_every_font_is_an_embedded_truetype_subset(any_report: Built) -> None:
    rows = run("pdffonts", str(any_report.path)).splitlines()[2:]
    assert rows
    for row in rows:
        fields = row.split()
        emb, sub = fields[-5], fields[-4]
        assert (emb, sub) == ("yes", "yes"), row
        assert "Type 1" not in row and "Type 3" not in row, row
        assert not re.search(r"Helvetica|Times|Courier|Symbol|ZapfDingbats|STSong", row), row


def test_page_one_is_the_cover_and_pages_are_numbered(any_report: Built) -> None:
    card = any_report.input.card
    first = compact(any_report.text(1))
    assert compact(card.center_name) in first
    assert "党群服务中心年度自评报告" in first
    assert card.level_label in first
    pages = any_report.pages
    numbers = re.findall(r"第\s*(\d+)\s*页\s*共\s*(\d+)\s*页", any_report.text())
    assert max(int(total) for _, total in numbers) == pages
    assert {int(total) for _, total in numbers} == {pages}
    assert [int(n) for n, _ in numbers] == list(range(1, pages + 1))
    assert f"第1页共{pages}页" in first


def test_no_line_starts_with_closing_punctuation(any_report: Built) -> None:
    for line in any_report.text().splitlines():
        stripped = line.strip()
        assert not stripped or stripped[0] not in NO_LINE_START, line


def test_item_wording_and_scores_are_in_the_tables(village: Built) -> None:
    text = compact(village.text())
    wording = village.input.pack.item("A1.site.1").text
    assert compact(wording) in text
    for heading in ("考评内容", "得分依据", "改进措施", "佐证材料", "签署", "小计", "合计"):
        assert heading in text
    corrective = village.input.answers.corrective_actions["A1.area.2"]
    assert compact(corrective) in text
    assert "（未填写）" in text
    assert "联席会议记录.pdf" in text
    assert "IMG_0005.jpg" in text


def test_the_checklist_report_counts_met_items(checklist: Built) -> None:
    card = checklist.input.card
    text = compact(checklist.text())
    assert "核查内容" in text and "不符合" in text
    assert f"符合{card.total}/适用{card.max_total}项" in compact(checklist.text(1))
    assert "编制说明" in compact(checklist.text(1))
    assert "四、佐证材料" not in text and "佐证材料" not in text  # no evidence: no evidence section
    wording = checklist.input.pack.item("F.village.3").text
    assert compact(wording) in text


def test_photos_are_embedded_as_they_are(village: Built) -> None:
    rows = [r.split() for r in run("pdfimages", "-list", str(village.path)).splitlines()[2:]]
    assert len(rows) == 5
    assert all(row[8] == "jpeg" for row in rows)
    assert len({row[0] for row in rows}) == 2  # two pages, 2×2 photos per page


def test_the_last_page_keeps_an_empty_box_for_the_signature(any_report: Built) -> None:
    report = any_report.report
    pages = any_report.pages
    assert report.signature_page == pages - 1
    x1, y1, x2, y2 = report.signature_box
    assert 0 <= x1 < x2 <= A4_WIDTH and 0 <= y1 < y2 <= A4_HEIGHT
    assert x2 - x1 == pytest.approx(260, abs=20) and y2 - y1 == pytest.approx(90, abs=15)
    last = compact(any_report.text(pages))
    assert "签署" in last and "张伟" in last and "村党组织书记" in last
    assert FINGERPRINT.replace(":", "") in last.replace(":", "")  # wrapped after 16 pairs
    assert "dqsaverify材料包.zip" in last and "帮助→校验材料包" in last
    assert "数字签名" in last
    inside = run(
        "pdftotext",
        *("-f", str(pages), "-l", str(pages)),
        *("-x", str(int(x1) + 1), "-y", str(int(A4_HEIGHT - y2) + 1)),
        *("-W", str(int(x2 - x1) - 2), "-H", str(int(y2 - y1) - 2)),
        str(any_report.path),
        "-",
    )
    assert not inside.strip()


def test_the_document_information_names_the_center(village: Built) -> None:
    info = run("pdfinfo", str(village.path))
    assert re.search(r"^Author:\s+" + re.escape(village.input.card.center_name), info, re.M)
    assert re.search(r"^Creator:\s+dqsa$", info, re.M)
    assert re.search(r"^Title:\s+.*自评报告", info, re.M)


def test_importing_the_report_module_does_not_import_reportlab() -> None:
    code = "import sys, dqsa.export.report, dqsa.export.fonts; print('reportlab' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
