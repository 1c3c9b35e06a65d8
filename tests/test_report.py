"""The PDF report: fonts and glyph fallback, embedding, page numbers, line breaking, layout,
the reviewer's room, the signature box (checked with poppler-utils, which did not write it)."""

from __future__ import annotations

import dataclasses
import io
import itertools
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from dqsa.answers_file import load_answers_file
from dqsa.domain.answers import CHECKLIST_LABELS
from dqsa.domain.scoring import score
from dqsa.export import fonts, wording
from dqsa.export.content import EvidenceItem, ReportInput, Signer
from dqsa.export.fonts import (
    BUNDLED_FONT,
    FontNotFound,
    MissingGlyphs,
    find_cjk_font,
    register_reportlab_font,
    report_fonts,
)
from dqsa.export.report import ReportPdf, build_report, extend_line_break_rules, linebreak
from dqsa.packs import find_pack

DATA_DIR = Path(__file__).parent / "data"
A4_WIDTH, A4_HEIGHT = 595.2756, 841.8898
FINGERPRINT = ":".join(["AB"] * 32)
NO_LINE_START = "，：；？！、。"
SIGNER = Signer(
    name="张伟",
    title="村党组织书记",
    fingerprint=FINGERPRINT,
    signed_at=datetime(2026, 11, 20, 10, 30, tzinfo=timezone(timedelta(hours=8))),
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


def report_input(
    answers_file: str, evidence: tuple[EvidenceItem, ...], signer: Signer = SIGNER
) -> ReportInput:
    answers = load_answers_file(DATA_DIR / answers_file)
    pack = find_pack(answers.pack.id)
    return ReportInput(
        pack=pack,
        answers=answers,
        card=score(pack, answers),
        evidence=evidence,
        signer=signer,
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
    tmp_path_factory: pytest.TempPathFactory,
    answers_file: str,
    evidence: tuple[EvidenceItem, ...],
    font: str | None = None,
    signer: Signer = SIGNER,
) -> Built:
    data = report_input(answers_file, evidence, signer)
    report = build_report(data, report_fonts(find_cjk_font(font)))
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


def font_without(path: Path, *, keep: str = "") -> Path:
    """The bundled face cut down to the 3755 common Chinese characters, punctuation and ``keep``:
    no Latin letters, no digits, no %, . or / (like Droid Sans Fallback, which blanked every
    number of a signed report once)."""
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    chars = set("，。、：；？！（）《》“”‘’…—·　 ") | set(keep) | set(fonts.TEST_CHARACTERS)
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(bytes([high, low]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    chars -= set("0123456789%./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz:+-")
    collection = TTCollection(str(fonts.bundled_font().path))
    face = collection.fonts[0]
    subsetter = subset.Subsetter(subset.Options(notdef_outline=True, name_IDs=["*"], name_languages=["*"]))
    subsetter.populate(unicodes=[ord(c) for c in chars])
    subsetter.subset(face)
    face["name"].setName("Test No Digits", 1, 3, 1, 0x409)
    face["name"].setName("TestNoDigits", 6, 3, 1, 0x409)
    face.save(str(path))
    collection.close()
    return path


@pytest.fixture(scope="module")
def no_digits_font(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return font_without(tmp_path_factory.mktemp("fonts") / "无数字 字体.ttf")


def test_the_bundled_font_is_the_default_and_has_what_reports_need() -> None:
    from reportlab.pdfbase import pdfmetrics

    choice = find_cjk_font()
    assert choice.path.name == BUNDLED_FONT and choice.path.parent.name == "fonts"
    assert (choice.path.parent / "LICENSE-wqy-microhei.txt").is_file()
    assert choice.family == "WenQuanYi Micro Hei"
    name = register_reportlab_font(choice)
    assert register_reportlab_font(choice) == name  # idempotent
    face = pdfmetrics.getFont(name).face
    needed = "党群服务中心，：0123456789%./ABCXYZ·—（）《》“”【】→÷×㎡²≥"
    assert [c for c in needed if not face.charToGlyph.get(ord(c))] == []
    assert name != "STSong-Light"


def test_a_system_font_never_comes_before_the_bundled_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(fonts.FONT_ENV, raising=False)
    droid = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
    monkeypatch.setattr(fonts, "_system_fonts", lambda: [(droid, 0)])
    assert find_cjk_font().path.name == BUNDLED_FONT


@pytest.mark.parametrize("kind", ["missing", "not_a_font", "cff", "latin_only", "folder"])
@pytest.mark.parametrize("where", ["setting", "environment"])
def test_an_unusable_chosen_font_is_said_in_chinese_not_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, where: str
) -> None:
    bad = tmp_path / "我的 字体" / "说明.ttf"
    bad.parent.mkdir()
    reasons = {
        "missing": "文件不存在",
        "not_a_font": "不是可用的 TrueType 字体",
        "cff": "OpenType/CFF",
        "latin_only": "没有中文字形",
        "folder": "文件不存在或不是文件",
    }
    if kind == "not_a_font":
        bad.write_text("这不是字体文件", encoding="utf-8")
    elif kind == "cff":
        bad = bad.with_name("NotoSansCJK-Regular.otf")
        bad.write_bytes(b"OTTO" + bytes(200))  # the header of an OpenType font with CFF outlines
    elif kind == "latin_only":
        bad = latin_only_font(bad)
    elif kind == "folder":
        bad.mkdir()
    monkeypatch.delenv(fonts.FONT_ENV, raising=False)
    if where == "environment":
        monkeypatch.setenv(fonts.FONT_ENV, str(bad))
    with pytest.raises(fonts.ChosenFontUnusable) as caught:
        find_cjk_font(str(bad) if where == "setting" else None)
    message = str(caught.value)
    assert message.startswith("选定的 PDF 字体不能使用") and str(bad) in message
    assert reasons[kind] in message
    assert ("pdf_font" if where == "setting" else "DQSA_PDF_FONT") in message
    assert "删除这项设置" in message and "Traceback" not in message


def test_an_unusable_chosen_font_stops_the_cli_export_before_anything_is_signed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from dqsa.cli import EXIT_FAILED, main
    from dqsa.store.service import CenterStore

    path = tmp_path / "中心.dqsa"
    with CenterStore.open(path, create=True) as store:
        store.import_answers(load_answers_file(DATA_DIR / "village-weak.json"))
    monkeypatch.setenv(fonts.FONT_ENV, str(tmp_path / "没有这个字体.ttf"))
    monkeypatch.setenv("DQSA_TEST_PASS", "清溪村口令2026")
    out = tmp_path / "发出"
    code = main(
        ["export", "--db", str(path), "--year", "2026", "--out", str(out), "--signer", "张伟", "--title", "书记",
         "--passphrase-env", "DQSA_TEST_PASS", "--allow-missing-measures"]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code == EXIT_FAILED
    assert "选定的 PDF 字体不能使用（环境变量 DQSA_PDF_FONT）" in err and "没有这个字体.ttf" in err
    assert "Traceback" not in err and not (out.exists() and list(out.iterdir()))


def test_a_usable_configured_font_comes_first(no_digits_font: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert find_cjk_font(str(no_digits_font)).path == no_digits_font
    monkeypatch.setenv(fonts.FONT_ENV, str(no_digits_font))
    assert find_cjk_font().path == no_digits_font


def test_without_any_usable_font_the_error_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(fonts.FONT_ENV, raising=False)
    monkeypatch.setattr(fonts, "_bundled_fonts", list)
    monkeypatch.setattr(fonts, "_system_fonts", list)
    with pytest.raises(FontNotFound) as caught:
        find_cjk_font()
    message = str(caught.value)
    assert "找不到可用的中文 TrueType 字体" in message
    for hint in ("SimSun", "SimHei", "微软雅黑", "fonts-wqy-zenhei", ".ttf", ".ttc", "设置", "CFF"):
        assert hint in message


def test_fc_list_lines_are_parsed() -> None:
    assert fonts.parse_fc_list_line("/usr/share/fonts/wqy-zenhei.ttc: :index=1") == (
        Path("/usr/share/fonts/wqy-zenhei.ttc"),
        1,
    )
    assert fonts.parse_fc_list_line("/fonts/my font.ttf: ") == (Path("/fonts/my font.ttf"), 0)
    assert fonts.parse_fc_list_line("   ") is None


# --- line breaking ----------------------------------------------------------------------------


def test_the_reportlab_internals_the_line_breaking_replaces_are_still_there() -> None:
    """Fails loudly when a reportlab update changes what dqsa.export.report.linebreak replaces:
    the report would then fall back to reportlab's own (worse) Chinese line breaking."""
    assert linebreak.internals_problems() == []
    extend_line_break_rules()
    assert linebreak.installed()
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    assert textsplit.dumbSplit is linebreak._dumb_split
    assert paragraph.cjkFragSplit is linebreak._cjk_frag_split


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


@pytest.mark.parametrize(
    "text",
    [
        "表A.1 社会组织服务中心建设工作评分表（得分 64.8 / 满分 100 分，64.8%）",
        "标识设计应符合GB/T 10001.1的要求，消防标志应符合GB 13495的要求，编号 A1.site.1。",
    ],
)
def test_numbers_and_codes_never_break_inside(text: str) -> None:
    from reportlab.lib import textsplit

    name = register_reportlab_font(find_cjk_font())
    extend_line_break_rules()
    runs = re.findall(r"[0-9A-Za-z][0-9A-Za-z./%]*[0-9A-Za-z%]|[0-9]", text)
    for width in range(70, 420, 3):
        lines = [line.strip() for _, line in textsplit.wordSplit(text, width, name, 12)]
        for first, second in itertools.pairwise(lines):
            joined = first[-6:] + "|" + second[:6]
            for run in runs:
                for cut in range(1, len(run)):
                    assert run[:cut] + "|" + run[cut:] not in joined or run in first + second[:0], (
                        width,
                        lines,
                    )


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
    assert "【缺】未填写改进措施" in text
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


# --- what a township reviewer checks -------------------------------------------------------------


def item_rows(built: Built) -> dict[str, tuple[int, list[str]]]:
    """Each item id → (page, the words after it in reading order: points and score, or the result)."""
    found: dict[str, tuple[int, list[str]]] = {}
    card = built.input.card
    ids = {i.item_id for i in card.items()}
    for page in range(1, built.pages + 1):
        words = run("pdftotext", "-raw", "-f", str(page), "-l", str(page), str(built.path), "-").split()
        for k, word in enumerate(words):
            if word in ids and word not in found:
                found[word] = (page, words[k + 1 : k + 3])
    return found


def test_every_item_score_the_total_and_the_year_can_be_read_back(any_report: Built) -> None:
    card = any_report.input.card
    checklist = card.pack_kind == "checklist"
    rows = item_rows(any_report)
    assert set(rows) == {i.item_id for i in card.items()}
    for item in card.items():
        _, after = rows[item.item_id]
        if checklist:
            assert after[0] == CHECKLIST_LABELS[item.status or "unanswered"], (item.item_id, after)
        elif item.applicable:
            assert after == [wording.fmt(item.max_points), wording.fmt(item.score)], (item.item_id, after)
    first = compact(any_report.text(1))
    total = wording.result_text(card.total, card.max_total, checklist=checklist)
    assert compact(total) in first and f"{card.year}年度" in first
    assert compact(wording.percent_text(card.percent)) in first
    for line in wording.fingerprint_lines(FINGERPRINT):
        assert compact(line) in first  # the cover carries the fingerprint, four digits to a group
    assert f"第 1 页 共 {any_report.pages} 页" in any_report.text(1)


def test_a_table_row_never_splits_and_a_section_ends_with_its_subtotal(any_report: Built) -> None:
    rows = item_rows(any_report)
    card = any_report.input.card
    for table in card.tables:
        for section in table.sections:
            last = section.items[-1]
            page = rows[last.item_id][0]
            # the row, whole, on its page: the id and what follows it; the subtotal right after
            assert compact(f"小计：{section.title}") in compact(any_report.text(page)), (last.item_id, page)
    for item_id, (_page, after) in rows.items():
        assert len(after) == 2, item_id  # nothing of the row was pushed to the next page


def test_a_section_that_runs_over_a_page_is_named_again_there(any_report: Built) -> None:
    """The first item row of a page a table continues on names its section with （续）; it does
    not stand under an empty 项目 cell (a reviewer holding page 5 knows where they are)."""
    rows = item_rows(any_report)
    continued = 0
    for table in any_report.input.card.tables:
        for section in table.sections:
            pages = [rows[item.item_id][0] for item in section.items]
            for before, page in itertools.pairwise(pages):
                if page != before:
                    raw = run(
                        "pdftotext", "-raw", "-f", str(page), "-l", str(page), str(any_report.path), "-"
                    )
                    assert compact(f"{section.title}（续）") in compact(raw), (section.title, page)
                    continued += 1
    assert continued  # each bundled report has a section running over a page break
    assert "（续）" not in compact(any_report.text(1, 2))  # never where a section starts


def test_the_reportlab_internals_the_continued_section_name_uses_are_still_there() -> None:
    """Fails loudly when reportlab changes what dqsa.export.report.continued relies on (the
    onSplit hook, a table's cell values and row heights): the name would no longer be repeated."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from dqsa.export.report.continued import SectionName, SectionTable

    style = ParagraphStyle("t", fontName="Helvetica", fontSize=9, leading=12)
    rows: list[list[object]] = [["head", "text"]]
    for k in range(30):
        shown = Paragraph("Section", style) if k == 0 else None
        rows.append(
            [SectionName(shown, Paragraph("A section with a long name (continued)", style)), f"row {k}"]
        )
    table = SectionTable(rows, colWidths=[80, 200], repeatRows=1, splitInRow=0)
    table.wrap(280, 1000)
    first, rest = table.split(280, 200)
    assert isinstance(rest._argH, list) and rest._argH[1] is None
    cell = rest._cellvalues[1][0]
    name = cell[0] if isinstance(cell, tuple | list) else cell
    assert isinstance(name, SectionName) and name.shown is not None
    assert rows[len(first._cellvalues)][0].shown is None  # the original rows are left as they were
    rest.wrap(280, 1000)
    assert rest._rowHeights[1] > first._rowHeights[2]  # measured again: the name takes a line


def test_the_comparison_counts_unanswered_items_and_explains_changes(tmp_path: Path) -> None:
    """未填写 is its own category in the intro, an unanswered year reads 未填写 (not 0), and the
    domain's note stands under an item whose change needs explaining."""
    from test_workbook import with_last_year

    data = with_last_year(report_input("village-weak.json", ()))
    path = tmp_path / "对比.pdf"
    path.write_bytes(build_report(data, report_fonts(find_cjk_font(None))).data)
    text = compact(run("pdftotext", str(path), "-"))
    c = data.comparison
    assert c is not None and c.count("unanswered") == 2
    assert compact(f"不变 {c.count('unchanged')} 项，未填写 2 项。未填写的条目不按 0 分比较") in text
    assert "说明：上年未填写" in text and "说明：本年为人工更正（理由：业务办理在综合接待区内合并设置" in text
    rows = compact(run("pdftotext", "-raw", str(path), "-"))  # in drawing order: row by row
    assert "A1.site.1" in rows and "说明：上年未填写未填写3/6未填写" in rows  # 2025 column: 未填写, not 0


def test_sections_are_numbered_in_one_order(village: Built, checklist: Built) -> None:
    text = compact(village.text(2, village.pages))  # after the cover, which refers to 三、改进措施
    order = ["一、得分概览", "二、逐项评分", "三、改进措施", "四、佐证材料", "五、签署"]
    positions = [text.index(title) for title in order]
    assert positions == sorted(positions)
    assert "附：" not in text
    plain = compact(checklist.text())
    assert "四、签署" in plain and "佐证材料" not in plain


def test_room_for_the_reviewer(any_report: Built) -> None:
    first = compact(any_report.text(1))
    for words in ("审核意见", "审核人", "日期", "盖章", "以下由上级审核部门填写"):
        assert words in first
    items = compact(any_report.text(3, 4))
    review = "复核结果" if any_report.input.card.pack_kind == "checklist" else "复核得分"
    assert review in items


def test_items_below_full_marks_are_labelled_as_the_standard_labels_them(village: Built) -> None:
    text = compact(village.text())
    card = village.input.card
    for item_id in card.below_full:
        assert compact(wording.item_label(village.input.pack, item_id)) in text
    missing = len(card.without_measures)
    assert missing and f"其中{missing}项未填写改进措施" in text
    assert text.count("【缺】未填写改进措施") == missing + 1  # each gap, and the line explaining the mark


def test_a_font_without_digits_still_shows_every_digit(
    no_digits_font: Path, monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The font luck of the first release: a chosen face without 0-9 must not blank a single number."""
    monkeypatch.setenv(fonts.FONT_ENV, str(no_digits_font))
    built = build(tmp_path_factory, "village-weak.json", (photo(1),))
    assert find_cjk_font().path == no_digits_font
    card = built.input.card
    rows = item_rows(built)
    for item in card.items():
        if item.applicable:
            assert rows[item.item_id][1] == [wording.fmt(item.max_points), wording.fmt(item.score)]
    text = built.text()
    assert f"第 1 页 共 {built.pages} 页" in text and f"第 {built.pages} 页 共 {built.pages} 页" in text
    assert "2026 年度" in text
    assert compact(wording.result_text(card.total, card.max_total, checklist=False)) in compact(text)
    listed = run("pdffonts", str(built.path))
    assert "TestNoDigits" in listed.replace(" ", "") and "WenQuanYiMicroHei" in listed
    for row in listed.splitlines()[2:]:
        assert row.split()[-5:-3] == ["yes", "yes"], row


def test_a_character_no_font_has_stops_the_report_with_its_name(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    odd = "\U000f0041"  # a private-use character: no font draws it
    signer = Signer("张" + odd, "书记", FINGERPRINT, SIGNER.signed_at)
    with pytest.raises(MissingGlyphs) as caught:
        build(tmp_path_factory, "wenzhou-village.json", (), signer=signer)
    message = str(caught.value)
    assert "U+F0041" in message and odd in message and "没有字形" in message
    assert isinstance(
        caught.value, FontNotFound
    )  # the windows and the command line show it as they show font errors


def test_long_texts_go_below_the_table_in_full(tmp_path_factory: pytest.TempPathFactory) -> None:
    data = report_input("village-weak.json", ())
    long_note = "本条目的说明很长。" * 450  # 4050 characters: taller than a page in a table cell
    items = [
        dataclasses.replace(i, note=long_note) if i.item_id == "A1.site.1" else i for i in data.card.items()
    ]
    by_id = {i.item_id: i for i in items}
    tables = tuple(
        dataclasses.replace(
            t,
            sections=tuple(
                dataclasses.replace(s, items=tuple(by_id[i.item_id] for i in s.items)) for s in t.sections
            ),
        )
        for t in data.card.tables
    )
    data = dataclasses.replace(data, card=dataclasses.replace(data.card, tables=tables))
    report = build_report(data, report_fonts(find_cjk_font()))
    path = tmp_path_factory.mktemp("long") / "long.pdf"
    path.write_bytes(report.data)
    text = compact(run("pdftotext", str(path), "-"))
    assert "全文见本表后注1" in text and "注1" in text
    assert text.count("本条目的说明很长。") >= 450


@pytest.mark.parametrize("title", ["书记", "某某街道社会组织综合党委副书记兼党群服务中心主任（代理）" * 2])
def test_the_stamp_wraps_and_shrinks_but_never_cuts(tmp_path: Path, title: str) -> None:
    from dqsa.export.pdfsign import StampText, stamp_pdf

    size = (280.0, 100.0)
    text = StampText("欧阳建国", title, SIGNER.signed_at, FINGERPRINT)
    path = tmp_path / "stamp.pdf"
    path.write_bytes(stamp_pdf(text, size, report_fonts(find_cjk_font())))
    words = compact(run("pdftotext", str(path), "-"))
    assert compact(title) in words and "欧阳建国" in words and "（UTC+08:00）" in words
    assert "".join(wording.fingerprint_groups(FINGERPRINT)) in words
    boxes = re.findall(
        r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"',
        run("pdftotext", "-bbox", str(path), "-"),
    )
    assert boxes
    for x_min, y_min, x_max, y_max in boxes:
        assert float(x_min) > 0 and float(x_max) < size[0] - 2 and float(y_min) > 0 and float(y_max) < size[1]


def test_the_comparison_lists_no_item_empty_in_both_years_and_marks_drops_from_empty_items(
    tmp_path: Path,
) -> None:
    """Finding 14: the Wenzhou report listed items 未填写 in both years under 有变化的条目, and a
    section's bar fell from items left empty with nothing to say so."""
    from dqsa.domain.comparison import compare

    wz = report_input("wenzhou-village.json", ())
    old = wz.answers.model_copy(update={"year": 2025})
    checklist = dict(old.checklist)
    checklist["F.village.3"] = "met"  # one real change: 符合 last year, 不符合 this year
    old = old.model_copy(update={"checklist": checklist})
    comparison = compare(score(wz.pack, old), old, wz.pack, wz.card, wz.answers, wz.pack)
    empty_both = [i.item_id for i in comparison.items if i.both_unanswered]
    assert sorted(empty_both) == sorted(wz.card.unanswered) == ["R.daily.4", "R.systems.6"]
    path = tmp_path / "温州对比.pdf"
    path.write_bytes(
        build_report(dataclasses.replace(wz, comparison=comparison), report_fonts(find_cjk_font())).data
    )
    text = compact(run("pdftotext", str(path), "-"))
    listed = text[text.index("有变化的条目") :]
    assert "F.village.3" in listed
    for item_id in empty_both:
        assert item_id not in listed, item_id
    assert compact("标 * 的项目有未填写的条目（按 0 分计），得分率的变化不一定是实际的进步或退步") in text
    for part in comparison.sections:
        if part.new_unanswered:
            assert (
                compact(f"{part.title}，上年 {part.old_unanswered} 项、本年 {part.new_unanswered} 项未填写")
                in text
            )
