"""Carry forward what lasts (issue 13.3), wired through the store, the command line and the window.

The issue's case: "以上一年为起点" copied the study count (6) and the survey (50 / 46), which
then scored full marks by themselves, and did not copy 联系方式. The domain decides what
lasts (tests/test_carry.py); these tests check every way a person starts a new year uses it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QTimer
from test_gui import make_window, page, saved, type_into, when_shown

from dqsa.answers_file import load_answers_file
from dqsa.cli import main
from dqsa.domain.carry import pending_updates
from dqsa.paths import resource_path
from dqsa.store.evidence import prepare_document, prepare_photo
from dqsa.store.service import CenterProfile, CenterStore
from dqsa.ui.new_year import NewAssessmentDialog

#: The facts of the issue: yearly, and last year they scored full marks.
STUDY, SURVEY = "training.sessions", ("survey.respondents", "survey.satisfied")
#: The items that read them (the study count's, the survey's).
STUDY_ITEM, SURVEY_ITEM = "A2.role.8", "A2.mass.2"


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (120, 160, 90)).save(buffer, "JPEG")
    return buffer.getvalue()


def make_last_year(path: Path) -> None:
    """A center file with the demo's 2025, the study count and the survey as the issue had them,
    and a center profile without contact details (as the first-run dialog leaves it)."""
    answers = load_answers_file(resource_path("examples", "demo-2025.json"))
    with CenterStore.open(path, create=True) as store:
        store.import_answers(answers)
        c = answers.center
        store.set_center(CenterProfile(c.name, c.level, answers.pack.id, c.region, contact=""))
        store.set_fact(2025, STUDY, 6)
        store.set_fact(2025, SURVEY[0], 50)
        store.set_fact(2025, SURVEY[1], 46)
        store.add_evidence(2025, "zone", "reception", prepare_photo(jpeg(), "接待区.jpg"))
        store.add_evidence(2025, "item", STUDY_ITEM, prepare_photo(jpeg(), "学习签到.jpg"))
        store.add_evidence(2025, "item", "A2.role.1", prepare_document(b"%PDF-1.4\n", "活动记录.pdf"))


@pytest.fixture
def last_year(tmp_path: Path) -> Iterator[CenterStore]:
    path = tmp_path / "中心 文件.dqsa"
    make_last_year(path)
    with CenterStore.open(path) as store:
        yield store


def check_the_new_year(store: CenterStore, year: int) -> None:
    """What the issue asks of a year started from 2025."""
    last, new = store.answers(2025), store.answers(year)
    assert STUDY not in new.facts and not set(SURVEY) & set(new.facts)  # yearly: they start empty
    assert new.center.contact == last.center.contact == "0572-0000000"  # contact details last
    assert new.facts["area_m2"] == last.facts["area_m2"] and new.zones == last.zones  # lasting facts
    assert new.staff == last.staff
    assert (new.manual_scores, new.overrides, new.notes, new.corrective_actions) == ({}, {}, {}, {})
    before, after = store.scorecard(2025), store.scorecard(year)
    for item_id in (STUDY_ITEM, SURVEY_ITEM):
        assert before.item(item_id).score == before.item(item_id).max_points  # full marks in 2025…
        assert not after.item(item_id).answered and after.item(item_id).score == 0  # …none for free
    pending = {p.field for p in pending_updates(store.pack_for(year), new)}
    assert {f"facts.{STUDY}", *(f"facts.{f}" for f in SURVEY), "assessor"} <= pending


def test_the_issues_case_through_the_store(last_year: CenterStore) -> None:
    last_year.create_assessment(2026, from_year=2025)
    check_the_new_year(last_year, 2026)


def test_evidence_is_carried_with_what_lasts_only(last_year: CenterStore) -> None:
    """A zone's photo lasts with the zone; the study item's sign-in photo and a manual item's record
    belong to 2025 (their items are answered anew each year)."""
    last_year.create_assessment(2026, from_year=2025)
    carried = [(e.target_kind, e.target_id, e.original_name) for e in last_year.evidence(2026)]
    assert carried == [("zone", "reception", "接待区.jpg")]
    assert len(last_year.evidence(2025)) == 3  # last year keeps its own


def test_the_issues_case_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "命令行.dqsa"
    make_last_year(path)
    assert main(["new-year", "--db", str(path), "--year", "2026", "--from", "2025"]) == 0
    out = capsys.readouterr().out
    carried, _, yearly = out.partition("每年重新填写的不复制")
    assert "联系方式" in carried and "工作人员名单" in carried and "功能区" in carried
    assert "满意度调查" in yearly and "本年度组织集中学习或日常性学习次数" in yearly
    with CenterStore.open(path) as store:
        check_the_new_year(store, 2026)


def test_the_issues_case_through_the_window(qtbot, tmp_path: Path) -> None:
    """新建年度自评 from 2025: the dialog says what is carried (in the pack's words), the yearly
    fields are marked 待更新 on their pages and listed on the review page, and a mark goes
    away once the field is filled in."""
    path = tmp_path / "窗口.dqsa"
    make_last_year(path)
    window = make_window(qtbot, path)
    said: list[str] = []

    def choose(dialog: NewAssessmentDialog) -> None:
        dialog.year_combo.setCurrentIndex(dialog.year_combo.findData(2026))
        assert dialog.from_year() == 2025
        said.append(dialog.carry_over.text())
        dialog.accept()

    QTimer.singleShot(0, lambda: when_shown(NewAssessmentDialog, choose))
    window.new_assessment()
    assert window.session is not None and window.session.year == 2026
    assert "满意度调查" in said[0] and "联系方式" in said[0]
    check_the_new_year(window.store, 2026)

    role = page(window, "作用发挥")
    assert f"facts.{STUDY}" in role.builder.pending.shown()
    mark = role.builder.pending.marks[f"facts.{STUDY}"]
    assert mark.text() == "待更新" and mark.isVisibleTo(role)
    assert "每年重新填写" in mark.toolTip()
    funding = page(window, "资金与群众评价")
    assert set(funding.builder.pending.shown()) >= {f"facts.{f}" for f in SURVEY}
    site = page(window, "场地与标识")
    assert "facts.site.tidy" in site.builder.pending.shown()  # yearly: its state is checked again
    assert "facts.area_m2" not in site.builder.pending.marks  # lasting: no mark at all
    systems = page(window, "运行制度")
    assert "ledgers.activity_log" in systems.builder.pending.shown()  # a yearly record
    profile = page(window, "中心概况")
    assert profile.pending.shown() == ["assessor"]

    wizard = window.wizard
    review = wizard.review
    wizard.go_to(wizard.ui.pageStack.indexOf(review))
    assert {f"facts.{STUDY}", "assessor"} <= set(review.pending_fields())
    line = review.pending_label.text().replace("\u2060", "")  # (word joiners keep a name on one line)
    assert "待更新" in line and "作用发挥" in line
    assert "本年度组织集中学习或日常性学习次数" in review.pending_label.toolTip()  # each answer, by page

    role = page(window, "作用发挥")
    type_into(role.builder.fields[f"facts.{STUDY}"], qtbot, "4")
    saved(qtbot, window)
    qtbot.waitUntil(lambda: f"facts.{STUDY}" not in role.builder.pending.shown(), timeout=2000)
    assert window.store.answers(2026).facts[STUDY] == 4
    assert f"facts.{STUDY}" not in review.pending_fields()

    review.pending_label.linkActivated.emit("funding")  # the page's name in the 待更新 line
    assert wizard.ui.pageStack.currentWidget() is page(window, "资金与群众评价")
    window.close()


def test_a_blank_year_marks_every_yearly_field_and_no_lasting_one(qtbot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path / "空白.dqsa")
    window.store.set_center(CenterProfile("某村党群服务中心", "village", "huzhou-social-org"))
    window.store.create_assessment(2026)
    window.open_assessment(2026)
    pack = window.session.pack
    site = page(window, "场地与标识")
    yearly = {f"facts.{f.id}" for f in pack.facts if f.page == "site" and not f.lasts}
    assert set(site.builder.pending.shown()) == yearly
    window.store.set_fact(2026, "site.tidy", True)
    window.session.rescore()
    assert "facts.site.tidy" not in site.builder.pending.shown()
    assert Decimal(window.session.scorecard.total) >= 0
    window.close()


def test_the_marks_sit_beside_their_fields(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "位置.dqsa"
    make_last_year(path)
    with CenterStore.open(path) as store:
        store.create_assessment(2026, from_year=2025)
    window = make_window(qtbot, path)
    window.open_assessment(2026)
    role = page(window, "作用发挥")
    qtbot.waitUntil(lambda: role.isVisible())
    field = role.builder.fields[f"facts.{STUDY}"]
    mark = role.builder.pending.marks[f"facts.{STUDY}"]
    assert mark.parentWidget() is field  # in the field's own row
    edit = field.edit.geometry()
    assert (
        mark.geometry().left() >= edit.right() and abs(mark.geometry().center().y() - edit.center().y()) < 8
    )
    assert mark.height() <= field.edit.height() + 2  # small: it does not make the row taller
    from_right = field.width() - edit.right()  # (the page may still gain its scroll bar meanwhile)
    type_into(field, qtbot, "5")
    saved(qtbot, window)
    qtbot.waitUntil(lambda: mark.isHidden(), timeout=2000)
    assert field.width() - field.edit.geometry().right() == from_right  # filling it in moves nothing
    window.close()
