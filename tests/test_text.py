"""Control characters in free text (finding 6): refused or normalised at entry, field by field, and never
able to stop an export when they got in before.

A vertical tab is what Word puts in copied text for a line break; ESC can forge lines in a terminal;
a right-to-left override reorders what a reader sees; a lone surrogate is what a JSON file can hold
but no other file can.
"""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dqsa.answers_file import load_answers_file
from dqsa.domain.answers import check_edit, parse_answers
from dqsa.domain.errors import InvalidInput
from dqsa.domain.text import multi_line, printable, single_line
from dqsa.packs import find_pack
from dqsa.store.service import CenterProfile, CenterStore

DATA = Path(__file__).parent / "data"
HUZHOU = find_pack("huzhou-social-org")
#: Everything a field may be offered that is not text: from Word, a terminal, a hostile file.
HIDDEN = {
    "ESC": "\x1b[2J",
    "NUL": "\x00",
    "BEL": "\x07",
    "C1": "\x9b",
    "RLO": "\u202e",
    "LRI": "\u2066",
    "RLM": "\u200f",
    "surrogate": "\ud800",
    "noncharacter": "\uffff",
}


def _problem(exc: pytest.ExceptionInfo[InvalidInput]) -> tuple[str, str]:
    (problem,) = exc.value.problems
    return problem.field, problem.message


# --- the rules, field by field -----------------------------------------------------------------------------


def test_line_breaks_from_word_become_newlines_where_lines_are_allowed() -> None:
    assert multi_line("第一行\x0b第二行\x0c第三行\r\n第四行\r第五行\u2028第六行\u2029七\x85八") == (
        "第一行\n第二行\n第三行\n第四行\n第五行\n第六行\n七\n八"
    )
    assert multi_line("\ufeff前\t后") == "前 后"  # a pasted byte order mark goes, a tab is a space


def test_one_line_fields_refuse_a_line_break_inside_but_not_around() -> None:
    assert single_line("清溪村\r\n") == "清溪村"  # a cell copied from Excel ends with one
    assert single_line("张\t三") == "张 三"
    for brk in ("\n", "\x0b", "\r", "\u2028"):
        with pytest.raises(ValueError, match="只能写一行"):
            single_line(f"张三{brk}（书记）")


@pytest.mark.parametrize("name", list(HIDDEN))
def test_hidden_characters_are_refused_naming_them(name: str) -> None:
    for check in (single_line, multi_line):
        with pytest.raises(ValueError, match="隐藏字符") as caught:
            check(f"清溪村{HIDDEN[name]}党群服务中心")
        assert "U+" in str(caught.value)


def test_every_answers_text_field_is_checked_with_the_field_named() -> None:
    data = json.loads((DATA / "village-weak.json").read_text(encoding="utf-8"))
    fields = {
        "center.name": lambda d, v: d["center"].__setitem__("name", v),
        "center.region": lambda d, v: d["center"].__setitem__("region", v),
        "center.contact": lambda d, v: d["center"].__setitem__("contact", v),
        "assessor": lambda d, v: d.__setitem__("assessor", v),
        "staff.0.name": lambda d, v: d["staff"][0].__setitem__("name", v),
        "staff.0.role": lambda d, v: d["staff"][0].__setitem__("role", v),
        "staff.0.phone": lambda d, v: d["staff"][0].__setitem__("phone", v),
        "zones.0.note": lambda d, v: d["zones"][0].__setitem__("note", v),
        "notes.A1.site.1": lambda d, v: d.setdefault("notes", {}).__setitem__("A1.site.1", v),
        "corrective_actions.A1.site.1": lambda d, v: d.setdefault("corrective_actions", {}).__setitem__(
            "A1.site.1", v
        ),
    }
    for field, put in fields.items():
        for hidden in ("\x1b[31m", "\u202e"):
            spoiled = json.loads(json.dumps(data))
            put(spoiled, f"文字{hidden}文字")
            with pytest.raises(InvalidInput) as caught:
                parse_answers(spoiled)
            where, message = _problem(caught)
            assert where == field and "隐藏字符" in message, (field, where, message)


def test_a_lone_surrogate_in_a_json_file_gets_a_chinese_message(tmp_path: Path) -> None:
    from dqsa.cli import EXIT_INVALID, main

    text = (DATA / "village-weak.json").read_text(encoding="utf-8")
    path = tmp_path / "代理.json"
    path.write_text(text.replace('"assessor": "', '"assessor": "\\ud800', 1), encoding="utf-8")
    assert main(["import", str(path), "--db", str(tmp_path / "a.dqsa")]) == EXIT_INVALID
    assert not (tmp_path / "a.dqsa").exists()
    from pydantic import TypeAdapter, ValidationError

    from dqsa.domain.errors import problems_from_validation_error

    with pytest.raises(ValidationError) as caught:  # pydantic reading raw JSON bytes itself
        TypeAdapter(str).validate_python(b"\xed\xa0\x80")
    (problem,) = problems_from_validation_error(caught.value)
    assert "无效的字符" in problem.message and "Input should" not in problem.message


def test_dqsa_import_refuses_esc_and_rlo_in_the_center_name(tmp_path: Path, capsys) -> None:
    from dqsa.cli import EXIT_INVALID, main

    for hidden in ("\x1b[2J", "\u202e"):
        data = json.loads((DATA / "village-weak.json").read_text(encoding="utf-8"))
        data["center"]["name"] = f"清溪村{hidden}党群服务中心"
        path = tmp_path / "答卷.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        assert main(["import", str(path), "--db", str(tmp_path / "a.dqsa")]) == EXIT_INVALID
        err = capsys.readouterr().err
        assert "center.name" in err and "隐藏字符" in err and "\x1b" not in err and "\u202e" not in err
    assert not (tmp_path / "a.dqsa").exists()


# --- the store's edit paths keep what the domain made of the text ---------------------------------------------


@pytest.fixture
def store(tmp_path: Path):
    with CenterStore.open(tmp_path / "中心.dqsa", create=True, backups_root=tmp_path / "备份") as opened:
        opened.import_answers(load_answers_file(DATA / "village-weak.json"))
        yield opened


def test_a_vertical_tab_typed_into_a_measure_is_saved_as_a_newline(store: CenterStore) -> None:
    year = store.years()[0]
    store.set_item_text(year, "A1.site.1", "corrective_actions", "年底前完成\x0b明年复查")
    store.set_item_text(year, "A1.site.1", "notes", "备注\x0c第二段")
    store.set_override(year, "A1.zones.1", score=3, reason="合并设置\r\n见照片")
    zone = HUZHOU.catalogs[0].entries[0].id
    store.set_catalog_entry(year, HUZHOU.catalogs[0].id, zone, present=True, area_m2=40, note="一\x0b二")
    answers = store.answers(year)
    assert answers.corrective_actions["A1.site.1"] == "年底前完成\n明年复查"
    assert answers.notes["A1.site.1"] == "备注\n第二段"
    assert answers.overrides["A1.zones.1"].reason == "合并设置\n见照片"
    assert next(z for z in answers.zones if z.id == zone).note == "一\n二"
    new = [change.new_value for change in store.history(year)[-4:]]
    assert "年底前完成\n明年复查" in new and "备注\n第二段" in new  # the history keeps what was saved


@pytest.mark.parametrize(
    ("edit", "field"),
    [
        (lambda s, y: s.set_item_text(y, "A1.site.1", "notes", "备注\x1b[31m"), "notes.A1.site.1"),
        (
            lambda s, y: s.set_override(y, "A1.zones.1", score=3, reason="理由\u202e"),
            "overrides.A1.zones.1.reason",
        ),
        (lambda s, y: s.set_profile(y, name="清溪村\u202e中心"), "center.name"),
        (lambda s, y: s.set_profile(y, assessor="张三\n李四"), "assessor"),
        (lambda s, y: s.set_staff(y, [{"name": "张三\x1b[2J"}]), "staff.0.name"),
        (
            lambda s, y: s.set_center(
                CenterProfile("清溪村\x1b]0;x\x07中心", "village", "huzhou-social-org")
            ),
            "center.name",
        ),
    ],
)
def test_hidden_characters_are_refused_by_the_store_and_nothing_is_saved(
    store: CenterStore, edit, field
) -> None:
    year = store.years()[0]
    before, history = store.answers(year), store.history(year)
    with pytest.raises(InvalidInput) as caught:
        edit(store, year)
    assert any(
        p.field == field and ("隐藏字符" in p.message or "一行" in p.message) for p in caught.value.problems
    ), caught.value.problems
    assert store.answers(year) == before and store.history(year) == history


def test_a_caption_with_hidden_characters_is_refused(store: CenterStore) -> None:
    from PIL import Image

    from dqsa.store.evidence import prepare_photo

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "red").save(buffer, "JPEG")
    photo = prepare_photo(buffer.getvalue(), "照片.jpg")
    year = store.years()[0]
    with pytest.raises(InvalidInput) as caught:
        store.add_evidence(year, "item", "A1.site.1", photo, "接待区\u202e照片")
    assert _problem(caught)[0] == "evidence.caption"
    assert store.evidence(year) == []
    ref = store.add_evidence(year, "item", "A1.site.1", photo, "第一行\x0b第二行")
    assert ref.caption == "第一行\n第二行"


def test_the_desk_refuses_hidden_characters_in_names_comments_and_reasons(tmp_path: Path) -> None:
    from dqsa.store.desk.records import RosterRow
    from dqsa.store.desk.service import DeskStore, check_desk_name

    with pytest.raises(InvalidInput, match="隐藏字符"):
        check_desk_name("某街道\u202e综合党委")
    with DeskStore.create(tmp_path / "台账.dqsd", "某街道社会组织综合党委") as desk:
        with pytest.raises(InvalidInput, match="隐藏字符"):
            desk.import_roster([RosterRow("清溪村\x1b[2J党群服务中心", "village", "")])
        from dqsa.export.receive import receive_packet

        receive_packet(desk, DATA / "packet-v1.zip")
        (row,) = desk.list_rows(desk.years()[0])
        with pytest.raises(InvalidInput, match="隐藏字符"):
            desk.update_review(row.packet_id, comment="意见\x1b[2J")
        with pytest.raises(InvalidInput, match="隐藏字符"):
            desk.update_review(row.packet_id, reviewer="李四\u202e")
        desk.update_review(row.packet_id, comment="第一条\x0b第二条", reviewer="李四")
        assert desk.review(row.packet_id).comment == "第一条\n第二条"


def test_a_pack_whose_text_holds_a_control_character_is_refused() -> None:
    from dqsa.packs import pack_from_data

    data = HUZHOU.model_dump(mode="json", by_alias=True)
    data["tables"][0]["sections"][0]["items"][0]["text"] += "\x1b[2J"
    with pytest.raises(InvalidInput, match=r"tables\[0\]\.sections\[0\]\.items\[0\]\.text.*隐藏字符"):
        pack_from_data(data)


# --- text that got in before the checks never stops an export --------------------------------------------------

BAD = "坏\x0b字\x1b[31m符\u202e反\ud800\ufffe\x00终"
#: What SQLite could store of it (a lone surrogate never reached a file: it cannot be encoded).
STORED = BAD.replace("\ud800", "")


def _smuggle(path: Path) -> None:
    """What a file saved by the release before this check can hold (written past the store, as it was)."""
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE assessment SET center_region = ?, assessor = ?", (STORED, STORED))
        connection.execute(
            "UPDATE item_answer SET corrective_action = ?, note = ? WHERE item_id = 'A1.site.1'",
            (STORED, STORED),
        )
        connection.execute("UPDATE evidence_link SET caption = ?", (STORED,))
    connection.close()


def test_a_year_saved_with_control_characters_opens_and_exports(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from dqsa.export.packet import export_packet
    from dqsa.store.evidence import prepare_photo

    path = tmp_path / "旧文件.dqsa"
    with CenterStore.open(path, create=True, backups_root=tmp_path / "备份") as store:
        store.import_answers(load_answers_file(DATA / "village-weak.json"))
        year = store.years()[0]
        store.set_item_text(year, "A1.site.1", "notes", "x")
        store.set_item_text(year, "A1.site.1", "corrective_actions", "x")
        buffer = io.BytesIO()
        from PIL import Image

        Image.new("RGB", (64, 48), "red").save(buffer, "JPEG")
        store.add_evidence(year, "item", "A1.site.1", prepare_photo(buffer.getvalue(), "照片.jpg"), "说明")
    _smuggle(path)
    with CenterStore.open(path, backups_root=tmp_path / "备份") as store:
        answers = store.answers(year)
        assert (
            answers.corrective_actions["A1.site.1"] == "坏\n字[31m符反终"
        )  # shown without what cannot be shown
        result = export_packet(
            store,
            year,
            signer_name="张三",
            signer_title="书记",
            passphrase="口令 12345",
            out_dir=tmp_path / "导出",
        )
    import zipfile

    with zipfile.ZipFile(result.path) as packet:
        book = load_workbook(io.BytesIO(packet.read("自评表.xlsx")))
        answers_json = packet.read("answers.json").decode("utf-8")
    cells = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value]
    assert any("坏\n字[31m符反终" in c for c in cells)
    assert not any(ch in "".join(cells) for ch in "\x0b\x1b\u202e\x00")
    assert "\\u001b" not in answers_json and "\\u202e" not in answers_json.lower()


def test_the_workbook_and_the_report_never_stop_on_text(tmp_path: Path) -> None:
    """Built straight from answers that bypass every check (as a future caller might)."""
    import dataclasses

    from openpyxl import load_workbook

    from dqsa.domain.scoring import score
    from dqsa.export.content import ReportInput, Signer
    from dqsa.export.fonts import find_cjk_font, report_fonts
    from dqsa.export.report import build_report
    from dqsa.export.workbook import build_workbook

    answers = load_answers_file(DATA / "village-weak.json")
    answers = answers.model_copy(
        update={
            "notes": {"A1.site.1": BAD},
            "corrective_actions": {"A1.site.1": '=HYPERLINK("http://example.com","点我")'},
            "center": answers.center.model_copy(update={"name": "清溪村" + BAD, "region": BAD}),
            "assessor": BAD,
        }
    )
    from datetime import datetime

    data = ReportInput(
        HUZHOU,
        answers,
        score(HUZHOU, answers),
        (),
        Signer("张" + BAD, BAD, ":".join(["AB"] * 32), datetime.now().astimezone()),
        "0.1.0",
    )
    book = load_workbook(io.BytesIO(build_workbook(data)))
    measure = next(
        c for row in book["改进措施"].iter_rows() for c in row if str(c.value).startswith("=HYPERLINK")
    )
    assert measure.data_type == "s"  # a person's "=…" is text, not a live formula
    report = build_report(dataclasses.replace(data), report_fonts(find_cjk_font()))
    path = tmp_path / "r.pdf"
    path.write_bytes(report.data)
    import subprocess

    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "清溪村坏" in text.replace("\n", "") and "\x1b" not in text


# --- properties --------------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec=None), max_size=40))
def test_any_text_is_refused_or_kept_as_a_worksheet_can_hold_it(text: str) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    shown = printable(text)
    assert not ILLEGAL_CHARACTERS_RE.search(shown)
    shown.encode("utf-8")  # no lone surrogate left
    for check, lines in ((multi_line, True), (single_line, False)):
        try:
            kept = check(text)
        except ValueError as exc:
            assert any("\u4e00" <= c <= "\u9fff" for c in str(exc))
            continue
        assert not ILLEGAL_CHARACTERS_RE.search(kept)
        kept.encode("utf-8")
        assert lines or "\n" not in kept
        assert printable(kept) == kept  # what is kept is shown as it is


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec=None), max_size=30))
def test_a_note_edit_either_is_refused_with_its_field_or_comes_back_printable(text: str) -> None:
    try:
        kept = check_edit(HUZHOU, "village", "notes.A1.site.1", text)
    except InvalidInput as exc:
        assert [p.field for p in exc.problems] == ["notes.A1.site.1"]
        return
    assert kept == printable(kept)
