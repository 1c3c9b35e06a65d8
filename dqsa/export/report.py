"""The PDF self-assessment report: cover, chart, item tables, improvements, evidence, signature page.

Everything is drawn in one embedded (subset) Chinese TrueType font — no standard-14
font appears anywhere, so the report looks the same on every reader. The last page
leaves an empty framed box for the visible digital signature; :func:`build_report`
returns its exact position so that the signing step can stamp it there.

reportlab is imported only inside the functions (importing this module stays cheap).
"""

from __future__ import annotations

import contextlib
import functools
import io
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from dqsa.domain.answers import CHECKLIST_LABELS
from dqsa.domain.scoring import ItemResult, Scorecard, SectionResult, TableResult, fmt
from dqsa.export.content import EvidenceItem, ReportInput
from dqsa.export.fonts import FontChoice, register_reportlab_font

log = logging.getLogger(__name__)

#: Characters that must never start a line (added to reportlab's kinsoku list).
CANNOT_START = "，：；？！、。）」』】〉》%％”’…"
#: Size of the empty box left for the visible signature, in points.
SIGNATURE_BOX_SIZE = (260.0, 90.0)
MM = 72 / 25.4
MARGIN = 20 * MM
TITLE = "党群服务中心年度自评报告"
VERIFY_TEXT = (
    "收到材料包后，可在 dqsa 中用“帮助 → 校验材料包”或命令 dqsa verify 材料包.zip 校验；"
    "PDF 阅读器的签名面板也会显示此签名。请核对证书指纹与本中心此前报送时的一致。"
)

# Colours (hex), turned into reportlab colours where drawn.
INK = "#1F2933"
MUTED = "#6B7785"
ACCENT = "#2F5D8A"
GRID = "#A7B3C0"
HEADER_BG = "#DCE6F1"
ZEBRA_BG = "#F5F7FA"
BELOW_FULL_BG = "#FCEFDD"
SUBTOTAL_BG = "#EAF0F6"
TOTAL_BG = "#D5E1EE"
TABLE_COLOURS = ("#2F6FAF", "#D9822B", "#3C9D5D", "#8E5BB5", "#C2413A", "#4A9BA8")
MAX_CAPTION = 120


@dataclass(frozen=True)
class ReportPdf:
    """The report and where its visible signature goes."""

    data: bytes
    signature_page: int  # 0-based index of the signature page (the last page)
    signature_box: tuple[float, float, float, float]  # (x1, y1, x2, y2) in PDF points on that page


def build_report(data: ReportInput, font: FontChoice) -> ReportPdf:
    """Lay out the whole report; raises whatever reportlab raises on a broken layout."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    extend_line_break_rules()
    font_name = register_reportlab_font(font)
    kit = _Kit(font_name)
    card = data.card
    box = kit.signature_box()
    story: list[Any] = []
    story += _cover(data, kit)
    story += _overview(card, kit)
    story += _item_tables(card, kit)
    story += _improvements(card, kit)
    if data.comparison is not None:
        story += _comparison(data.comparison, kit)
    story += _evidence(data.evidence, kit)
    story += _signature_page(data, kit, box)

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"{card.center_name} {card.year} 年度自评报告",
        author=card.center_name,
        subject=data.pack.title,
        creator="dqsa",
        lang="zh-CN",
        initialFontName=font_name,
        initialFontSize=10,
    )
    footer = (card.center_name, f"{card.year} 年度自评报告")
    with _binary_streams():
        doc.build(story, canvasmaker=_numbered_canvas(font_name, *footer))
    if box.placed is None:  # pragma: no cover - the box is always drawn
        raise RuntimeError("签名框没有排入报告")
    page, rect = box.placed
    return ReportPdf(data=buffer.getvalue(), signature_page=page, signature_box=rect)


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    """Streams without ASCII85: photos are embedded as they are, not 25 % larger.

    reportlab reads the global ``rl_config.useA85`` while it builds; its pure-Python
    encoder took most of the time of a report with photos (3 s for 20 photos).
    """
    from reportlab import rl_config

    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def extend_line_break_rules() -> None:
    """Teach reportlab's CJK wrapping the Chinese line-breaking rules (kinsoku), once.

    1. ``ALL_CANNOT_START`` gains full-width punctuation. ``reportlab.platypus.paragraph``
       copies that name from ``reportlab.lib.textsplit`` at import time, so both are extended.
    2. reportlab lets only *one* such character hang past the line end: in "（红）。" the
       "。" still starts the next line, and an opening bracket may end a line. Its two CJK
       splitters (``textsplit.dumbSplit`` for one-style paragraphs, ``paragraph.cjkFragSplit``
       for mixed styles) are replaced by :func:`_kinsoku_lines`-based ones that move the
       break back to an allowed place instead. Without the expected internals, reportlab's
       own splitters stay (step 1 still applies).
    """
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    for module in (textsplit, paragraph):
        current = module.ALL_CANNOT_START
        missing = "".join(c for c in CANNOT_START if c not in current)
        if missing:
            module.ALL_CANNOT_START = current + missing
    if getattr(textsplit, "_dqsa_kinsoku", False):
        return
    needed = ("cjkFragSplit", "cjkU", "makeCJKParaLine", "ParaLines")
    if not callable(getattr(textsplit, "dumbSplit", None)) or not all(hasattr(paragraph, n) for n in needed):
        log.warning("reportlab internals changed: keeping its own CJK line breaking")
        return
    textsplit.dumbSplit = _dumb_split
    paragraph.cjkFragSplit = _cjk_frag_split
    textsplit._dqsa_kinsoku = True


#: Characters that must not end a line (opening brackets and quotes), besides reportlab's.
CANNOT_END = "（〔［｛〈《「『【“‘([{"
_FUZZ = 1e-6


def _rules() -> tuple[str, str]:
    from reportlab.lib import textsplit

    return textsplit.ALL_CANNOT_START, textsplit.ALL_CANNOT_END + CANNOT_END


def _kinsoku_lines(
    chars: Sequence[str], widths: Sequence[float], max_widths: Sequence[float], forced: Sequence[bool]
) -> list[tuple[int, int, float, float, bool]]:
    """Break ``chars`` into lines: (start, end, width used, line width, ended by a forced break).

    A break is allowed before ``chars[b]`` unless ``chars[b]`` may not start a line,
    ``chars[b-1]`` may not end one, or both belong to a run of Latin letters/digits.
    One closing punctuation mark may hang past the line end (as reportlab does); otherwise
    the break moves back to the nearest allowed place (not further than half a line for
    Latin words), and only text without any allowed place is cut where it overflows.
    """
    cannot_start, cannot_end = _rules()

    def one(c: str, among: str) -> bool:
        return len(c) == 1 and c in among

    def word(c: str) -> bool:
        return len(c) == 1 and ord(c) < 0x2E80 and not c.isspace()

    def allowed(b: int, words: bool = True) -> bool:
        before, after = chars[b - 1], chars[b]
        if one(after, cannot_start) or one(before, cannot_end):
            return False
        return not (words and word(before) and word(after))

    def break_before(start: int, p: int) -> int:
        """Where the line from ``start`` ends when ``chars[p]`` overflows it."""
        if p <= start:
            return p + 1  # one character wider than the line: it gets the line to itself
        c = chars[p]
        if one(c, cannot_start) and not one(c, cannot_end) and (p + 1 == n or allowed(p + 1, words=False)):
            return p + 1  # hanging punctuation
        half = start + (p - start + 1) // 2
        for b in range(p, max(start, half - 1), -1):
            if allowed(b):
                return b
        for b in range(p, start, -1):
            if allowed(b, words=False):
                return b
        return p

    n = len(chars)
    lines: list[tuple[int, int, float, float, bool]] = []
    start = i = 0
    used = 0.0
    max_width = max_widths[0]
    while i < n:
        used += widths[i]
        i += 1
        if forced[i - 1] or (used > max_width + _FUZZ and used > 0):
            end = i if forced[i - 1] else break_before(start, i - 1)
            used = sum(widths[start:end])
            while end < n and not forced[end - 1] and chars[end].isspace() and len(chars[end]) == 1:
                end += 1  # spaces at a break stay at the end of the line, unmeasured
            lines.append((start, end, used, max_width, forced[i - 1] and end == i))
            start = i = end
            used = 0.0
            max_width = max_widths[min(len(lines), len(max_widths) - 1)]
    if used > 0:
        lines.append((start, n, used, max_width, False))
    return lines


def _dumb_split(word: str, widths: Sequence[float], max_widths: Any) -> list[list[Any]]:
    """``reportlab.lib.textsplit.dumbSplit`` with the Chinese line-breaking rules."""
    if not isinstance(max_widths, list | tuple):
        max_widths = [max_widths]
    lines = _kinsoku_lines(word, widths, max_widths, [False] * len(word))
    out: list[list[Any]] = []
    for number, (start, end, used, width, _) in enumerate(lines):
        text = word[start:end]
        out.append([width - used, text if number == len(lines) - 1 and end == len(word) else text.strip()])
    return out


def _cjk_frag_split(frags: Any, max_widths: Any, calc_bounds: Any, encoding: str = "utf8") -> Any:
    """``reportlab.platypus.paragraph.cjkFragSplit`` with the Chinese line-breaking rules."""
    from reportlab.platypus import paragraph

    if not isinstance(max_widths, list | tuple):
        max_widths = [max_widths]
    units: list[Any] = []
    for frag in frags:
        text = frag.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            units.extend(paragraph.cjkU(t, frag, encoding) for t in text)
        else:
            units.append(paragraph.cjkU(text, frag, encoding))
    widths = []
    for unit in units:
        w = unit.width
        if hasattr(w, "normalizedValue"):
            w._normalizer = max_widths[0]
            w = w.normalizedValue(max_widths[0])
        widths.append(w)
    forced = [hasattr(unit.frag, "lineBreak") for unit in units]
    lines = [
        paragraph.makeCJKParaLine(units[start:end], width, used, width - used, line_break, calc_bounds)
        for start, end, used, width, line_break in _kinsoku_lines(units, widths, max_widths, forced)
    ]
    return paragraph.ParaLines(kind=1, lines=lines)


# --- styles and small helpers ----------------------------------------------------------


class _Kit:
    """Paragraph styles and cell helpers in the report's one font."""

    def __init__(self, font: str) -> None:
        from reportlab.lib.enums import TA_CENTER, TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle

        self.font = font
        ink = _colour(INK)
        base = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=17, wordWrap="CJK", textColor=ink)

        def style(name: str, parent: ParagraphStyle = base, **changes: Any) -> ParagraphStyle:
            return ParagraphStyle(name, parent=parent, **changes)

        self.body = base
        self.title = style("title", fontSize=26, leading=36, alignment=TA_CENTER, textColor=_colour(ACCENT))
        self.center_name = style("center", fontSize=19, leading=27, alignment=TA_CENTER)
        self.subtitle = style(
            "subtitle", fontSize=12, leading=18, alignment=TA_CENTER, textColor=_colour(MUTED)
        )
        self.h1 = style(
            "h1",
            fontSize=15,
            leading=22,
            spaceBefore=4,
            spaceAfter=8,
            keepWithNext=1,
            textColor=_colour(ACCENT),
        )
        self.h2 = style("h2", fontSize=12, leading=18, spaceBefore=8, spaceAfter=5, keepWithNext=1)
        self.h2_loose = style("h2_loose", parent=self.h2, keepWithNext=0)
        self.note = style("note", fontSize=9, leading=14, textColor=_colour(MUTED))
        # rightIndent leaves room for punctuation hanging past the line end (kinsoku), inside the cell.
        self.cell = style("cell", fontSize=9, leading=12.5, rightIndent=4)
        self.cell_center = style("cell_center", parent=self.cell, rightIndent=0, alignment=TA_CENTER)
        self.cell_right = style("cell_right", parent=self.cell, rightIndent=0, alignment=TA_RIGHT)
        self.cell_muted = style("cell_muted", parent=self.cell, textColor=_colour(MUTED))
        self.cell_head = style(
            "cell_head", parent=self.cell, rightIndent=0, alignment=TA_CENTER, textColor=_colour(INK)
        )
        self.cell_id = style("cell_id", parent=self.cell, fontSize=7, leading=10, textColor=_colour(MUTED))
        self.label = style("label", fontSize=10.5, leading=16, textColor=_colour(MUTED))
        self.value = style("value", fontSize=10.5, leading=16)
        self.caption = style("caption", fontSize=8.5, leading=12, alignment=TA_CENTER)
        self.caption_muted = style("caption_muted", parent=self.caption, textColor=_colour(MUTED))
        self.fingerprint = style("fingerprint", fontSize=10, leading=15)

    def p(self, text: str, style: Any = None) -> Any:
        """A paragraph of plain text (escaped); ``style`` defaults to table cells."""
        from reportlab.platypus import Paragraph

        return Paragraph(escape(text), style or self.cell)

    def markup(self, markup: str, style: Any = None) -> Any:
        """A paragraph of reportlab markup (callers escape the text parts)."""
        from reportlab.platypus import Paragraph

        return Paragraph(markup, style or self.cell)

    def table(
        self,
        rows: list[list[Any]],
        widths: Sequence[float],
        commands: list[tuple[Any, ...]] | None = None,
        *,
        header: bool = True,
    ) -> Any:
        """A table with the report's grid, padding and (optionally) header row."""
        from reportlab.platypus import Table, TableStyle

        style = [
            ("FONTNAME", (0, 0), (-1, -1), self.font),
            ("FONTSIZE", (0, 0), (-1, -1), 9),
            ("GRID", (0, 0), (-1, -1), 0.4, _colour(GRID)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
        if header:
            style += [
                ("BACKGROUND", (0, 0), (-1, 0), _colour(HEADER_BG)),
                ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ]
        # splitInRow: a row taller than a page (a 4000-character note) may break inside the row.
        table = Table(
            rows, colWidths=list(widths), repeatRows=1 if header else 0, hAlign="LEFT", splitInRow=1
        )
        table.setStyle(TableStyle(style + (commands or [])))
        return table

    def head_row(self, names: Sequence[str]) -> list[Any]:
        return [self.p(n, self.cell_head) for n in names]

    def signature_box(self) -> Any:
        return _signature_box_class()(self.font, *SIGNATURE_BOX_SIZE)


def _colour(hex_value: str) -> Any:
    from reportlab.lib.colors import HexColor

    return HexColor(hex_value)


def _frame_width() -> float:
    from reportlab.lib.pagesizes import A4

    return A4[0] - 2 * MARGIN


def _frame_height() -> float:
    from reportlab.lib.pagesizes import A4

    return A4[1] - 2 * MARGIN


def _percent(value: Decimal) -> str:
    return f"{fmt(value)}%"


def _date(moment: datetime) -> str:
    return f"{moment.year}年{moment.month}月{moment.day}日"


def _date_time(moment: datetime) -> str:
    text = f"{_date(moment)} {moment:%H:%M}"
    offset = moment.utcoffset()
    if offset is not None:
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        text += f"（UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}）"
    return text


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _checklist(card: Scorecard) -> bool:
    return card.pack_kind == "checklist"


def _result_text(card: Scorecard, score: Decimal, max_points: Decimal) -> str:
    if _checklist(card):
        return f"符合 {fmt(score)} / 适用 {fmt(max_points)} 项"
    return f"得分 {fmt(score)} / 满分 {fmt(max_points)} 分"


# --- cover -------------------------------------------------------------------------------


def _cover(data: ReportInput, kit: _Kit) -> list[Any]:
    from reportlab.platypus import PageBreak, Spacer

    card, pack, answers, signer = data.card, data.pack, data.answers, data.signer
    width = _frame_width()
    story: list[Any] = [
        Spacer(1, 22 * MM),
        kit.p(TITLE, kit.title),
        Spacer(1, 8 * MM),
        kit.p(card.center_name, kit.center_name),
        Spacer(1, 2 * MM),
        kit.p(f"{card.year} 年度", kit.subtitle),
        Spacer(1, 12 * MM),
    ]

    document = pack.source.document
    if "《" not in document:
        document = f"《{document}》"
    info: list[tuple[str, str]] = [
        ("中心级别", card.level_label),
        ("所在地区", answers.center.region or "（未填写）"),
        ("评价年度", f"{card.year} 年"),
        ("评价标准", pack.title),
        ("标准包", f"{pack.id}，版本 {pack.version}"),
        (
            "依据文件",
            f"{pack.source.issuer}{document}" + (f"，{pack.source.part}" if pack.source.part else ""),
        ),
    ]
    rows = [[kit.p(k, kit.label), kit.p(v, kit.value)] for k, v in info]
    if pack.source.kind == "explanatory_note":
        note = (
            f"注意：本标准包依据{document}整理，不是正式发布的标准；"
            "正式标准发布后，应以正式标准为准重新评价。"
        )
        rows.append([kit.p("说明", kit.label), kit.p(note, kit.value)])
    no_grid = [
        ("GRID", (0, 0), (-1, -1), 0, _colour("#FFFFFF")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, _colour(GRID)),
    ]
    story.append(kit.table(rows, [28 * MM, width - 28 * MM], no_grid, header=False))
    story.append(Spacer(1, 6 * MM))

    ratio = "符合率" if _checklist(card) else "得分率"
    totals = [kit.head_row(["评价表", "结果", ratio])]
    for table in card.tables:
        totals.append(
            [
                kit.p(table.title, kit.cell),
                kit.p(_result_text(card, table.score, table.max_points), kit.cell_center),
                kit.p(_percent(table.percent), kit.cell_center),
            ]
        )
    totals.append(
        [
            kit.p("合计", kit.cell),
            kit.p(_result_text(card, card.total, card.max_total), kit.cell_center),
            kit.p(_percent(card.percent), kit.cell_center),
        ]
    )
    total_style = [("BACKGROUND", (0, -1), (-1, -1), _colour(TOTAL_BG))]
    story.append(kit.table(totals, [width - 90 * MM, 60 * MM, 30 * MM], total_style))
    story.append(Spacer(1, 4 * MM))

    unanswered = card.unanswered
    below = card.below_full
    lines = [f"未填写的条目：{len(unanswered)} 项"]
    if unanswered:
        shown = "、".join(unanswered[:12]) + ("等" if len(unanswered) > 12 else "")
        lines[0] += f"（{shown}）"
    short = "未符合（含未填写）" if _checklist(card) else "未得满分"
    lines.append(f"{short}的条目：{len(below)} 项，见“三、改进措施”。")
    story += [kit.p(line, kit.note) for line in lines]
    story.append(Spacer(1, 6 * MM))

    sign_rows = [
        [kit.p("签署人", kit.label), kit.p(f"{data.signer.name}（{signer.title}）", kit.value)],
        [kit.p("签署日期", kit.label), kit.p(_date(signer.signed_at), kit.value)],
    ]
    if answers.assessor and answers.assessor != signer.name:
        sign_rows.insert(0, [kit.p("填报人", kit.label), kit.p(answers.assessor, kit.value)])
    sign_rows.append([kit.p("生成程序", kit.label), kit.p(f"dqsa {data.program_version}", kit.value)])
    story.append(kit.table(sign_rows, [28 * MM, width - 28 * MM], no_grid, header=False))
    story.append(PageBreak())
    return story


# --- overview: chart and section summary ---------------------------------------------------


def _overview(card: Scorecard, kit: _Kit) -> list[Any]:
    from reportlab.platypus import PageBreak, Spacer

    checklist = _checklist(card)
    story: list[Any] = [kit.p("一、得分概览", kit.h1)]
    shown = [(t, s) for t in card.tables for s in t.sections if s.max_points > 0]
    skipped = sum(1 for t in card.tables for s in t.sections if s.max_points == 0)
    what = "符合率（符合项 ÷ 适用项）" if checklist else "得分率（得分 ÷ 满分）"
    intro = f"下图为各项目的{what}。"
    if skipped:
        intro += f"对本中心不适用的 {skipped} 个项目未列出。"
    story.append(kit.p(intro, kit.note))
    story.append(Spacer(1, 2 * MM))
    if shown:
        story.append(_section_chart(card, shown, kit))
        story.append(Spacer(1, 5 * MM))

    width = _frame_width()
    if checklist:
        head = ["评价表", "项目", "符合", "适用", "符合率"]
    else:
        head = ["评价表", "项目", "得分", "满分", "得分率"]
    rows = [kit.head_row(head)]
    commands: list[tuple[Any, ...]] = []
    for table in card.tables:
        first = len(rows)
        for section in table.sections:
            applicable = section.max_points > 0
            rows.append(
                [
                    kit.p(table.short_title if len(rows) == first else ""),
                    kit.p(section.title, kit.cell if applicable else kit.cell_muted),
                    kit.p(fmt(section.score) if applicable else "—", kit.cell_center),
                    kit.p(fmt(section.max_points) if applicable else "—", kit.cell_center),
                    kit.p(_percent(section.percent) if applicable else "不适用", kit.cell_center),
                ]
            )
        rows.append(
            [
                kit.p(""),
                kit.p(f"{table.short_title}合计"),
                kit.p(fmt(table.score), kit.cell_center),
                kit.p(fmt(table.max_points), kit.cell_center),
                kit.p(_percent(table.percent), kit.cell_center),
            ]
        )
        commands.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), _colour(SUBTOTAL_BG)))
    story.append(kit.table(rows, [30 * MM, width - 30 * MM - 66 * MM, 20 * MM, 20 * MM, 26 * MM], commands))
    story.append(PageBreak())
    return story


def _section_chart(card: Scorecard, shown: list[tuple[TableResult, SectionResult]], kit: _Kit) -> Any:
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = kit.font
    width = _frame_width()
    label_size = 8.5
    widest = max(stringWidth(s.title, font, label_size) for _, s in shown)
    label_width = min(max(widest + 8, 60.0), 150.0)
    row = 24.0
    multiple = len(card.tables) > 1
    # Enough room for every bar, but never more than most of a page.
    row = min(row, (_frame_height() * 0.55) / max(len(shown), 1))
    legend_height = 18.0 if multiple else 0.0
    plot_height = row * len(shown)
    height = plot_height + 24 + legend_height

    drawing = Drawing(width, height)
    drawing.initialFontName = font
    drawing.initialFontSize = label_size
    chart = HorizontalBarChart()
    chart.x = label_width + 8
    chart.y = 18
    chart.width = width - chart.x - 44
    chart.height = plot_height
    reversed_rows = list(reversed(shown))  # a horizontal bar chart draws its first category at the bottom
    chart.data = [[float(s.percent) for _, s in reversed_rows]]
    chart.categoryAxis.categoryNames = [
        _wrap_label(s.title, font, label_size, label_width - 6) for _, s in reversed_rows
    ]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = label_size
    chart.categoryAxis.labels.leading = label_size * 1.25
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.textAnchor = "end"
    chart.categoryAxis.labels.dx = -6
    chart.categoryAxis.labels.fillColor = _colour(INK)
    chart.categoryAxis.strokeColor = _colour(GRID)
    chart.categoryAxis.tickLeft = 0
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 20
    chart.valueAxis.labelTextFormat = lambda value: f"{value:.0f}%"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.labels.fillColor = _colour(MUTED)
    chart.valueAxis.strokeColor = _colour(GRID)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = _colour("#E3E8EE")
    chart.valueAxis.gridStrokeWidth = 0.5
    chart.bars.strokeColor = None
    chart.barWidth = 10
    chart.groupSpacing = 6
    chart.barLabelFormat = lambda value: _percent(Decimal(str(value)))
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 8
    chart.barLabels.fillColor = _colour(INK)
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    table_index = {t.table_id: n for n, t in enumerate(card.tables)}
    for position, (table, _) in enumerate(reversed_rows):
        chart.bars[(0, position)].fillColor = _colour(TABLE_COLOURS[table_index[table.table_id] % 6])
    drawing.add(chart)

    if multiple:
        x = chart.x
        y = height - 12
        for n, table in enumerate(card.tables):
            drawing.add(Rect(x, y, 9, 9, fillColor=_colour(TABLE_COLOURS[n % 6]), strokeColor=None))
            text = table.short_title
            drawing.add(String(x + 13, y + 1, text, fontName=font, fontSize=8.5, fillColor=_colour(INK)))
            x += 13 + stringWidth(text, font, 8.5) + 16
    return drawing


def _wrap_label(text: str, font: str, size: float, width: float, max_lines: int = 2) -> str:
    """Break a chart label into at most ``max_lines`` lines (reportlab labels split only at spaces)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = [""]
    for char in text:
        candidate = lines[-1] + char
        if stringWidth(candidate, font, size) <= width or not lines[-1] or char in CANNOT_START:
            lines[-1] = candidate
        else:
            lines.append(char)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and stringWidth(last + "…", font, size) > width:
            last = last[:-1]
        lines[-1] = last + "…"
    return "\n".join(lines)


# --- the tables, item by item ----------------------------------------------------------------


def _item_tables(card: Scorecard, kit: _Kit) -> list[Any]:
    from reportlab.platypus import CondPageBreak, PageBreak, Spacer

    checklist = _checklist(card)
    story: list[Any] = [kit.p("二、逐项评分", kit.h1)]
    marked = "不符合" if checklist else "未得满分"
    story.append(kit.p(f"浅橙色底纹标出{marked}的条目。", kit.note))
    story.append(Spacer(1, 2 * MM))
    for table in card.tables:
        # Not keepWithNext: that would glue the heading to the whole (multi-page) table.
        story.append(CondPageBreak(60 * MM))
        heading = (
            f"{table.title}（{_result_text(card, table.score, table.max_points)}，{_percent(table.percent)}）"
        )
        story.append(kit.p(heading, kit.h2_loose))
        story.append(_checklist_table(card, table, kit) if checklist else _scored_table(card, table, kit))
        story.append(Spacer(1, 4 * MM))
    story.append(PageBreak())
    return story


def _item_cell(item: ItemResult, kit: _Kit) -> list[Any]:
    """The item's wording and, small and grey below it, its id (two paragraphs: a ``<br/>``
    after a full line with hanging punctuation would leave an empty line)."""
    style = kit.cell if item.applicable else kit.cell_muted
    return [kit.p(item.text, style), kit.p(item.item_id, kit.cell_id)]


def _basis(item: ItemResult) -> str:
    text = item.explanation
    if item.note:
        text += f"。备注：{item.note}"
    return text


def _row_styles(flags: list[str]) -> list[tuple[Any, ...]]:
    """Backgrounds for rows flagged "below", "zebra", "sub" or "total" (row 0 is the header),
    and no page break just before a subtotal or total row (it stays with an item row)."""
    colours = {"below": BELOW_FULL_BG, "zebra": ZEBRA_BG, "sub": SUBTOTAL_BG, "total": TOTAL_BG}
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, row), (-1, row), _colour(colours[flag]))
        for row, flag in enumerate(flags, start=1)
        if flag in colours
    ]
    summary = {"sub", "total"}
    for k, flag in enumerate(flags):
        if flag in summary and k > 0 and flags[k - 1] not in summary:
            end = k
            while end + 1 < len(flags) and flags[end + 1] in summary:
                end += 1
            commands.append(("NOSPLIT", (0, k), (-1, end + 1)))  # table rows: flags[k - 1] is row k
    return commands


def _scored_table(card: Scorecard, table: TableResult, kit: _Kit) -> Any:
    width = _frame_width()
    widths = [22 * MM, 10 * MM, 0.0, 12 * MM, 12 * MM, 52 * MM]
    widths[2] = width - sum(widths)
    rows = [kit.head_row(["项目", "序号", "考评内容", "分值", "得分", "得分依据"])]
    flags: list[str] = []
    spans: list[tuple[Any, ...]] = []
    for section in table.sections:
        for k, item in enumerate(section.items):
            muted = kit.cell_muted if not item.applicable else kit.cell
            rows.append(
                [
                    kit.p(section.title if k == 0 else ""),
                    kit.p(str(item.number), kit.cell_center),
                    _item_cell(item, kit),
                    kit.p(fmt(item.max_points) if item.applicable else "—", kit.cell_center),
                    kit.p(fmt(item.score) if item.applicable else "—", kit.cell_center),
                    kit.p(_basis(item), muted),
                ]
            )
            flags.append("below" if item.below_full else ("zebra" if len(rows) % 2 else ""))
        rows.append(
            [
                kit.p(f"小计：{section.title}", kit.cell_right),
                "",
                "",
                kit.p(fmt(section.max_points), kit.cell_center),
                kit.p(fmt(section.score), kit.cell_center),
                kit.p(f"得分率 {_percent(section.percent)}"),
            ]
        )
        flags.append("sub")
        spans.append(("SPAN", (0, len(rows) - 1), (2, len(rows) - 1)))
    rows.append(
        [
            kit.p(f"合计：{table.short_title}", kit.cell_right),
            "",
            "",
            kit.p(fmt(table.max_points), kit.cell_center),
            kit.p(fmt(table.score), kit.cell_center),
            kit.p(f"得分率 {_percent(table.percent)}"),
        ]
    )
    flags.append("total")
    spans.append(("SPAN", (0, len(rows) - 1), (2, len(rows) - 1)))
    return kit.table(rows, widths, _row_styles(flags) + spans)


def _checklist_table(card: Scorecard, table: TableResult, kit: _Kit) -> Any:
    width = _frame_width()
    widths = [26 * MM, 10 * MM, 0.0, 16 * MM, 50 * MM]
    widths[2] = width - sum(widths)
    rows = [kit.head_row(["项目", "序号", "核查内容", "结果", "说明"])]
    flags: list[str] = []
    spans: list[tuple[Any, ...]] = []
    for section in table.sections:
        for k, item in enumerate(section.items):
            muted = kit.cell_muted if not item.applicable else kit.cell
            status = CHECKLIST_LABELS[item.status or "unanswered"]
            rows.append(
                [
                    kit.p(section.title if k == 0 else ""),
                    kit.p(str(item.number), kit.cell_center),
                    _item_cell(item, kit),
                    kit.p(status, kit.cell_center),
                    kit.p(_basis(item), muted),
                ]
            )
            flags.append("below" if item.below_full else ("zebra" if len(rows) % 2 else ""))
        rows.append(
            [
                kit.p(f"小计：{section.title}", kit.cell_right),
                "",
                "",
                kit.p(_checklist_summary(section.score, section.max_points, section.percent)),
                "",
            ]
        )
        flags.append("sub")
        spans += [
            ("SPAN", (0, len(rows) - 1), (2, len(rows) - 1)),
            ("SPAN", (3, len(rows) - 1), (4, len(rows) - 1)),
        ]
    rows.append(
        [
            kit.p(f"合计：{table.short_title}", kit.cell_right),
            "",
            "",
            kit.p(_checklist_summary(table.score, table.max_points, table.percent)),
            "",
        ]
    )
    flags.append("total")
    spans += [
        ("SPAN", (0, len(rows) - 1), (2, len(rows) - 1)),
        ("SPAN", (3, len(rows) - 1), (4, len(rows) - 1)),
    ]
    return kit.table(rows, widths, _row_styles(flags) + spans)


def _checklist_summary(met: Decimal, applicable: Decimal, share: Decimal) -> str:
    if not applicable:
        return "全部不适用"
    return f"符合 {fmt(met)} / 适用 {fmt(applicable)} 项，符合率 {_percent(share)}"


# --- improvements --------------------------------------------------------------------------------


def _improvements(card: Scorecard, kit: _Kit) -> list[Any]:
    from reportlab.platypus import PageBreak, Spacer

    checklist = _checklist(card)
    story: list[Any] = [kit.p("三、改进措施", kit.h1)]
    below = [i for i in card.items() if i.below_full]
    if not below:
        done = "全部适用条目均已符合" if checklist else "全部适用条目均已得满分"
        story += [kit.p(f"{done}，无需改进措施。", kit.body), PageBreak()]
        return story
    what = "不符合" if checklist else "未得满分"
    story.append(kit.p(f"以下 {len(below)} 个条目{what}，按标准“持续改进”的要求列出改进措施。", kit.note))
    story.append(Spacer(1, 2 * MM))
    width = _frame_width()
    widths = [10 * MM, 0.0, 18 * MM, 62 * MM]
    widths[1] = width - sum(widths)
    rows = [kit.head_row(["序号", "条目", "结果" if checklist else "得分", "改进措施"])]
    flags: list[str] = []
    for n, item in enumerate(below, start=1):
        if checklist:
            result = CHECKLIST_LABELS[item.status or "unanswered"]
        else:
            result = f"{fmt(item.score)} / {fmt(item.max_points)}"
        action = item.corrective_action.strip()
        rows.append(
            [
                kit.p(str(n), kit.cell_center),
                _item_cell(item, kit),
                kit.p(result, kit.cell_center),
                kit.p(action, kit.cell) if action else kit.p("（未填写）", kit.cell_muted),
            ]
        )
        flags.append("zebra" if n % 2 == 0 else "")
    story.append(kit.table(rows, widths, _row_styles(flags)))
    story.append(PageBreak())
    return story


# --- comparison with the previous year ---------------------------------------------------------


def _comparison(comparison: Any, kit: _Kit) -> list[Any]:
    """附：与上年度对比 — both years' section percentages, the items that changed, the facts."""
    from reportlab.platypus import PageBreak, Spacer

    from dqsa.domain.comparison import TREND_LABELS

    c = comparison
    story: list[Any] = [kit.p(f"附：与 {c.old_year} 年度对比", kit.h1)]
    intro = (
        f"合计 {fmt(c.old_total)}/{fmt(c.old_max)}（{c.old_year} 年）→ {fmt(c.new_total)}/{fmt(c.new_max)}"
        f"（{c.new_year} 年）；进步 {c.count('improved')} 项，退步 {c.count('regressed')} 项，"
        f"不变 {c.count('unchanged')} 项。"
    )
    story += [kit.p(intro, kit.note), Spacer(1, 2 * MM)]
    shown = [s for s in c.sections if s.new_score is not None and s.old_score is not None and s.new_max]
    if shown:
        story += [_comparison_chart(c, shown, kit), Spacer(1, 4 * MM)]
    changed = [i for i in c.items if i.trend != "unchanged"]
    if changed:
        story.append(kit.p("有变化的条目", kit.h2))
        width = _frame_width()
        widths = [24 * MM, 0.0, 20 * MM, 20 * MM, 18 * MM]
        widths[1] = width - sum(widths)
        rows = [kit.head_row(["条目", "考评内容", f"{c.old_year} 年", f"{c.new_year} 年", "变化"])]
        for item in changed:
            rows.append(
                [
                    kit.p(item.item_id, kit.cell),
                    kit.p(_shorten(item.text, 60), kit.cell),
                    kit.p(item.shown("old"), kit.cell_center),
                    kit.p(item.shown("new"), kit.cell_center),
                    kit.p(TREND_LABELS[item.trend], kit.cell_center),
                ]
            )
        story.append(kit.table(rows, widths, _row_styles([""] * len(changed))))
    if c.facts:
        story.append(kit.p("情况变化", kit.h2))
        story += [kit.p(f"· {line}", kit.body) for line in c.facts]
    story.append(PageBreak())
    return story


def _comparison_chart(comparison: Any, shown: list[Any], kit: _Kit) -> Any:
    """Section percentages, earlier year grey and later year blue, side by side."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = kit.font
    width = _frame_width()
    label_size = 8.5
    label_width = min(max(max(stringWidth(s.title, font, label_size) for s in shown) + 8, 60.0), 150.0)
    row = min(26.0, (_frame_height() * 0.5) / max(len(shown), 1))
    height = row * len(shown) + 42
    drawing = Drawing(width, height)
    drawing.initialFontName = font  # no standard-14 font anywhere: every font must be embedded
    drawing.initialFontSize = label_size
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width + 8, 18
    chart.width, chart.height = width - chart.x - 44, row * len(shown)
    rows = list(reversed(shown))
    chart.data = [[float(s.old_percent) for s in rows], [float(s.new_percent) for s in rows]]
    chart.categoryAxis.categoryNames = [_wrap_label(s.title, font, label_size, label_width - 6) for s in rows]
    for labels in (chart.categoryAxis.labels, chart.valueAxis.labels, chart.barLabels):
        labels.fontName = font
        labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -6
    chart.categoryAxis.tickLeft = 0
    chart.categoryAxis.strokeColor = _colour(GRID)
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labelTextFormat = lambda value: f"{value:.0f}%"
    chart.valueAxis.strokeColor = _colour(GRID)
    chart.bars.strokeColor = None
    chart.bars[0].fillColor = _colour("#9E9E9E")
    chart.bars[1].fillColor = _colour("#1565C0")
    chart.barWidth, chart.groupSpacing, chart.barSpacing = 7, 6, 1
    chart.barLabelFormat = lambda value: _percent(Decimal(str(value)))
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    x, y = chart.x, height - 12
    for colour, year in (("#9E9E9E", comparison.old_year), ("#1565C0", comparison.new_year)):
        drawing.add(Rect(x, y, 9, 9, fillColor=_colour(colour), strokeColor=None))
        drawing.add(String(x + 13, y + 1, f"{year} 年", fontName=font, fontSize=8.5, fillColor=_colour(INK)))
        x += 70
    return drawing


# --- evidence --------------------------------------------------------------------------------------


def _evidence(evidence: Sequence[EvidenceItem], kit: _Kit) -> list[Any]:
    from reportlab.platypus import PageBreak, Spacer

    photos = [e for e in evidence if e.kind == "photo"]
    documents = [e for e in evidence if e.kind != "photo"]
    if not photos and not documents:
        return []
    story: list[Any] = [kit.p("四、佐证材料", kit.h1)]
    parts = []
    if photos:
        parts.append(f"照片 {len(photos)} 张")
    if documents:
        parts.append(f"文件 {len(documents)} 个")
    story.append(kit.p("共" + "、".join(parts) + "，原件均在材料包中。", kit.note))
    story.append(Spacer(1, 2 * MM))
    width = _frame_width()
    cell_width = width / 2
    # Two rows of photos per page: what is left of the page after the heading, in two.
    image_width = cell_width - 12
    image_height = 235.0
    photo_class = _photo_class()
    for start in range(0, len(photos), 4):
        if start:
            story += [PageBreak(), kit.p("四、佐证材料（续）", kit.h1)]
        group = photos[start : start + 4]
        cells = [
            [
                photo_class(item.data, image_width, image_height, kit),
                *_photo_caption(start + k + 1, item, kit),
            ]
            for k, item in enumerate(group)
        ]
        while len(cells) % 2:
            cells.append([])
        rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
        style = [
            ("GRID", (0, 0), (-1, -1), 0, _colour("#FFFFFF")),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
        ]
        story.append(kit.table(rows, [cell_width, cell_width], style, header=False))
    if documents:
        story.append(kit.p("其他佐证文件", kit.h2))
        rows = [kit.head_row(["序号", "文件名", "对应"])]
        for n, item in enumerate(documents, start=1):
            rows.append(
                [
                    kit.p(str(n), kit.cell_center),
                    kit.p(_shorten(item.original_name, MAX_CAPTION)),
                    kit.p(_shorten(item.target_label, MAX_CAPTION)),
                ]
            )
        story.append(kit.table(rows, [10 * MM, width * 0.6 - 10 * MM, width * 0.4]))
    story.append(PageBreak())
    return story


def _photo_caption(number: int, item: EvidenceItem, kit: _Kit) -> list[Any]:
    caption = _shorten(item.caption, MAX_CAPTION) or "（无说明）"
    lines = [kit.p(f"图 {number}　{caption}", kit.caption)]
    if item.target_label:
        lines.append(kit.p(f"对应：{_shorten(item.target_label, MAX_CAPTION)}", kit.caption_muted))
    lines.append(kit.p(f"原文件：{_shorten(item.original_name, MAX_CAPTION)}", kit.caption_muted))
    return lines


#: Long side of the photos printed in the report (≈ 280 dpi in their 8 cm box); the packet keeps the full ones.
PRINT_LONG_SIDE = 900


def print_copy(data: bytes) -> bytes:
    """A photo downscaled for printing four to a page (the original stays in the packet's evidence)."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        if max(image.size) <= PRINT_LONG_SIDE:
            return data
        image.draft("RGB", (PRINT_LONG_SIDE, PRINT_LONG_SIDE))
        picture = image.convert("RGB")
        picture.thumbnail((PRINT_LONG_SIDE, PRINT_LONG_SIDE), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=80, optimize=True)
        return buffer.getvalue()


@functools.cache
def _photo_class() -> Any:
    """A flowable drawing one photo centred in a fixed box (a placeholder if it cannot be read)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus.flowables import Flowable

    class Photo(Flowable):
        def __init__(self, data: bytes, width: float, height: float, kit: _Kit) -> None:
            super().__init__()
            self.data = data
            self.box = (width, height)
            self.kit = kit
            self.reader: Any = None
            self.size: tuple[int, int] | None = None
            try:
                self.reader = ImageReader(io.BytesIO(print_copy(data)))
                self.size = self.reader.getSize()
            except Exception as exc:  # a damaged photo must not stop the report
                log.warning("photo unreadable in the PDF report: %s", exc)

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            return self.box

        def draw(self) -> None:
            canvas = self.canv
            box_width, box_height = self.box
            if self.size is None or not all(self.size):
                canvas.setStrokeColor(_colour(GRID))
                canvas.rect(0, 0, box_width, box_height)
                canvas.setFont(self.kit.font, 9)
                canvas.setFillColor(_colour(MUTED))
                canvas.drawCentredString(box_width / 2, box_height / 2, "（照片无法读取）")
                return
            pixel_width, pixel_height = self.size
            scale = min(box_width / pixel_width, box_height / pixel_height)
            width, height = pixel_width * scale, pixel_height * scale
            x, y = (box_width - width) / 2, 0.0  # bottom-aligned: the caption sits right under it
            canvas.drawImage(self.reader, x, y, width, height)
            canvas.setStrokeColor(_colour(GRID))
            canvas.setLineWidth(0.4)
            canvas.rect(x, y, width, height)

    return Photo


# --- signature page ---------------------------------------------------------------------------------


def _signature_page(data: ReportInput, kit: _Kit, box: Any) -> list[Any]:
    from reportlab.platypus import KeepTogether, Spacer

    signer = data.signer
    width = _frame_width()
    pairs = [part for part in signer.fingerprint.replace(" ", "").split(":") if part]
    groups = [":".join(pairs[i : i + 16]) for i in range(0, len(pairs), 16)] or [signer.fingerprint]
    fingerprint = "<br/>".join(escape(g) for g in groups)
    rows = [
        [kit.p("签署人", kit.label), kit.p(signer.name, kit.value)],
        [kit.p("职务", kit.label), kit.p(signer.title, kit.value)],
        [kit.p("签署时间", kit.label), kit.p(_date_time(signer.signed_at), kit.value)],
        [kit.p("证书指纹（SHA-256）", kit.label), kit.markup(fingerprint, kit.fingerprint)],
    ]
    no_grid = [
        ("GRID", (0, 0), (-1, -1), 0, _colour("#FFFFFF")),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, _colour(GRID)),
    ]
    block = [
        kit.p("签署", kit.h1),
        kit.p(
            f"本报告与答卷、评分结果{'和佐证材料' if data.evidence else ''}一并打包，"
            f"由{signer.name}以下列证书进行数字签名。"
            "签名后对报告或材料的任何改动都会使签名失效。",
            kit.body,
        ),
        Spacer(1, 4 * MM),
        kit.table(rows, [40 * MM, width - 40 * MM], no_grid, header=False),
        Spacer(1, 6 * MM),
        kit.p("如何校验", kit.h2),
        kit.p(VERIFY_TEXT, kit.body),
        Spacer(1, 12 * MM),
        box,
    ]
    return [KeepTogether(block)]


@functools.cache
def _signature_box_class() -> Any:
    """The empty framed box for the visible signature; records where it was drawn."""
    from reportlab.platypus.flowables import Flowable

    class SignatureBox(Flowable):
        caption_height = 14.0

        def __init__(self, font: str, box_width: float, box_height: float) -> None:
            super().__init__()
            self.font = font
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
            canvas.setStrokeColor(_colour("#9AA5B1"))
            canvas.setLineWidth(0.6)
            canvas.setDash(3, 2)
            canvas.rect(x, 0, self.box_width, self.box_height, stroke=1, fill=0)
            canvas.setDash()
            canvas.setFont(self.font, 8)
            canvas.setFillColor(_colour(MUTED))
            canvas.drawString(x, self.box_height + 4, "数字签名")
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

    return SignatureBox


# --- page footer ---------------------------------------------------------------------------------------


def _numbered_canvas(font: str, left: str, right: str) -> Callable[..., Any]:
    """A canvas class that draws "第 N 页 共 M 页" once the total is known (two-pass)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    page_width = A4[0]

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._page_states: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._page_states.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._page_states)
            for state in self._page_states:
                self.__dict__.update(state)
                self._draw_footer(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _draw_footer(self, total: int) -> None:
            self.saveState()
            y = MARGIN - 9 * MM
            self.setStrokeColor(_colour(GRID))
            self.setLineWidth(0.4)
            self.line(MARGIN, y + 11, page_width - MARGIN, y + 11)
            self.setFont(font, 8)
            self.setFillColor(_colour(MUTED))
            number = f"第 {self._pageNumber} 页 共 {total} 页"
            self.drawCentredString(page_width / 2, y, number)
            room = (page_width - 2 * MARGIN - stringWidth(number, font, 8)) / 2 - 12
            name = left
            while len(name) > 1 and stringWidth(name, font, 8) > room:
                name = name[:-2] + "…" if len(name) > 2 else ""
            self.drawString(MARGIN, y, name)
            self.drawRightString(page_width - MARGIN, y, right)
            self.restoreState()

    return NumberedCanvas
