"""Drive the program as a person would: first run, fill every page, close, reopen."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QWidget,
)

from dqsa.domain.scoring import score
from dqsa.settings import Settings
from dqsa.store.service import CenterStore
from dqsa.ui.evidence_strip import EvidenceStrip
from dqsa.ui.fields import CheckField, ChoiceField, NumberField
from dqsa.ui.first_run import FirstRunDialog
from dqsa.ui.main_window import MainWindow
from dqsa.ui.new_year import NewAssessmentDialog
from dqsa.years import default_year

YEAR = default_year(date.today())  # what 新建年度自评 suggests for an empty file


def type_text(qtbot, widget, text: str) -> None:
    """Type as a person does: Latin keys one by one, Chinese committed by the input method."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def make_window(qtbot, path: Path, **kwargs) -> MainWindow:
    store = CenterStore.open(path, create=True)
    window = MainWindow(store, Settings(), ask_first_run=False, **kwargs)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window


def saved(qtbot, window: MainWindow) -> None:
    """Wait until the autosaver has committed everything (it must within half a second)."""
    qtbot.waitUntil(lambda: not window.autosaver.has_pending(), timeout=2000)


def page(window: MainWindow, title: str):
    wizard = window.wizard
    for index in range(wizard.page_count()):
        if wizard.ui.stepList.item(index).text().endswith(title):
            wizard.go_to(index)
            return wizard.ui.pageStack.widget(index)
    raise AssertionError(f"no page {title}")


def click_yes(field: ChoiceField, qtbot, yes: bool = True) -> None:
    buttons = field.findChildren(QRadioButton)
    qtbot.mouseClick(buttons[0 if yes else 1], Qt.MouseButton.LeftButton)


def type_into(field: NumberField, qtbot, text: str) -> None:
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field.edit, text)


def tick(field: CheckField, qtbot) -> None:
    qtbot.mouseClick(field.box, Qt.MouseButton.LeftButton, pos=QPoint(8, field.box.height() // 2))


def when_shown(kind: type, then, tries: int = 250) -> None:
    """Call ``then(dialog)`` once a modal dialog of ``kind`` is up (it is shown by exec())."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, kind):  # not shown yet: look again shortly
        if tries:
            QTimer.singleShot(20, lambda: when_shown(kind, then, tries - 1))
        return
    then(dialog)


def create_suggested_year(qtbot, dialog: NewAssessmentDialog) -> None:
    """新建年度自评: take the year offered, start from the earlier year when offered."""
    qtbot.keyClick(dialog.year_combo, Qt.Key.Key_Return)


def first_run(qtbot, window: MainWindow, name: str) -> None:
    """Answer the first-run dialog with the keyboard, then start the suggested year's assessment."""

    def answer(dialog: FirstRunDialog) -> None:
        type_text(qtbot, dialog.ui.nameEdit, name)
        qtbot.keyClick(dialog.ui.nameEdit, Qt.Key.Key_Tab)  # → 评分标准 (Huzhou is first)
        assert dialog.ui.levelCombo.currentIndex() == -1  # no level chosen for the person
        for _ in range(4):  # city, county, township, village
            qtbot.keyClick(dialog.ui.levelCombo, Qt.Key.Key_Down)
        type_text(qtbot, dialog.ui.regionEdit, "湖州市 某县")
        qtbot.mouseClick(
            dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        when_shown(NewAssessmentDialog, lambda new: create_suggested_year(qtbot, new))

    QTimer.singleShot(0, lambda: when_shown(FirstRunDialog, answer))
    window.new_assessment()
    # the dialogs are gone: the keys go to the window again (asynchronous on the offscreen platform)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def test_first_run_fill_every_page_close_and_reopen(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "我的 中心" / "青山村.dqsa"
    window = make_window(qtbot, path)
    first_run(qtbot, window, "青山村党群服务中心")
    assert window.store.center().level == "village"
    assert window.wizard is not None and window.session.year == YEAR

    profile = page(window, "中心概况")
    type_text(qtbot, profile.ui.assessorEdit, "李红")

    site = page(window, "场地与标识").builder
    for key, field in site.fields.items():
        if isinstance(field, ChoiceField):
            click_yes(field, qtbot, yes=key != "facts.sign.logo")  # everything but the LOGO
    type_into(site.fields["manual_scores.A1.site.1"], qtbot, "5.5")
    type_into(site.fields["facts.area_m2"], qtbot, "-5")
    saved(qtbot, window)
    area = site.fields["facts.area_m2"]
    assert "不能为负数" in area.problem.message
    type_into(area, qtbot, "236")
    saved(qtbot, window)
    assert area.problem.message == ""

    staff = page(window, "人员配备")
    table = staff.table
    for name, party in (("王五", True), ("赵六", False)):
        qtbot.mouseClick(table.ui.addButton, Qt.MouseButton.LeftButton)
        editors = [e for e in table.ui.staffTable.viewport().findChildren(QLineEdit) if e.isVisible()]
        assert len(editors) == 1, "adding a person should open the name cell for typing"
        type_text(qtbot, editors[0], name)
        qtbot.keyClick(editors[0], Qt.Key.Key_Return)
        qtbot.wait(20)  # the closed editor goes away
        row = table.ui.staffTable.rowCount() - 1
        if party:
            table.ui.staffTable.item(row, 3).setCheckState(Qt.CheckState.Checked)
    for field in staff.builder.fields.values():
        if isinstance(field, ChoiceField):
            click_yes(field, qtbot)  # duty kept, whereabouts posted
        elif isinstance(field, NumberField):
            type_into(field, qtbot, "1.5")  # the four 班子建设 items

    zones = page(window, "功能区设置").builder
    for key in ("zones.reception", "zones.oath", "zones.activity"):
        tick(zones.fields[key], qtbot)
    type_into(zones.fields["zones.reception.area"], qtbot, "35")
    for key in ("facts.content.overview", "facts.content.structure", "facts.content.finance"):
        tick(zones.fields[key], qtbot)

    systems = page(window, "运行制度").builder
    for key in ("mechanisms.coordination", "mechanisms.operation", "mechanisms.reporting"):
        tick(systems.fields[key], qtbot)
    type_into(systems.fields["manual_scores.A2.systems.2"], qtbot, "3")

    role = page(window, "作用发挥").builder
    for key, field in role.fields.items():
        if key.startswith("manual_scores."):
            type_into(field, qtbot, "2")
    type_into(role.fields["facts.training.sessions"], qtbot, "3")
    type_into(role.fields["facts.research.topics"], qtbot, "1")

    funding = page(window, "资金与群众评价").builder
    click_yes(funding.fields["facts.funding.fiscal"], qtbot)
    click_yes(funding.fields["facts.funding.party_fee"], qtbot, yes=False)
    click_yes(funding.fields["facts.funding.fund_scheme"], qtbot, yes=False)
    type_into(funding.fields["facts.survey.respondents"], qtbot, "40")
    type_into(funding.fields["facts.survey.satisfied"], qtbot, "36")
    type_into(funding.fields["manual_scores.A2.mass.1"], qtbot, "4")
    saved(qtbot, window)

    # the engine, on the same answers, gives what the review page shows
    store, year = window.store, window.session.year
    expected = score(store.pack_for(year), store.answers(year))
    # worked by hand: A1 = 选址 5.5+2+2, 面积 5+10 (236 ≥ 200), 标识 4×5 (no LOGO),
    #   功能 5 (1/2) + 2.7 (3/11) + 2.2 (2/9), 人员 5 (2 ≥ 1) + 2.5 (1/2 party) + 5, 资产 6 → 72.9
    # A2 = 班子 4×1.5, 制度 3.5 (3/6) + 3, 作用 8×2 + 3.8 (3/4 of 5) + 6, 资金 5, 群众 4 + 5 (36/40 = 90%) → 52.3
    assert [t.score for t in expected.tables] == [Decimal("72.9"), Decimal("52.3")]
    review = page(window, "评分总览")
    assert "建设工作：72.9 / 100" in review.ui.summaryLabel.text()
    assert "运行管理：52.3 / 100" in review.ui.summaryLabel.text()
    assert "合计：125.2 / 200" in window.wizard.ui.totalsLabel.text()
    row = review._items["A1.sign.2"]
    assert (row.text(1), row.text(2)) == ("0 / 4", "自动")
    assert store.answers(year).assessor == "李红"
    before = store.answers(year)

    window.close()
    reopened = make_window(qtbot, path)
    assert reopened.store.answers(year) == before
    reopened.open_assessment(year)
    site = page(reopened, "场地与标识").builder
    assert site.fields["facts.area_m2"].edit.text() == "236"
    staff = page(reopened, "人员配备")
    names = [staff.table.ui.staffTable.item(r, 0).text() for r in range(staff.table.ui.staffTable.rowCount())]
    assert names == ["王五", "赵六"]
    assert "125.2" in reopened.wizard.ui.totalsLabel.text()
    assert reopened.store.answers(year).zones[0].area_m2 == 35
    reopened.close()


def test_override_needs_a_reason_on_the_review_page(qtbot, tmp_path: Path, data_dir: Path) -> None:
    from dqsa.answers_file import load_answers_file

    window = make_window(qtbot, tmp_path / "c.dqsa")
    window.store.import_answers(load_answers_file(data_dir / "village-weak.json"))
    window.open_assessment(2026)
    review = page(window, "评分总览")
    review.ui.itemTree.setCurrentItem(review._items["A1.area.2"])
    qtbot.keyClicks(review.ui.overrideScoreEdit, "8")
    qtbot.mouseClick(review.ui.applyOverrideButton, Qt.MouseButton.LeftButton)
    assert "理由" in review.ui.overrideError.text()
    assert window.store.scorecard(2026).item("A1.area.2").score == 0
    type_text(qtbot, review.ui.overrideReasonEdit, "另有独立活动室")
    qtbot.mouseClick(review.ui.applyOverrideButton, Qt.MouseButton.LeftButton)
    assert review.ui.overrideError.text() == ""
    assert review._items["A1.area.2"].text(1) == "8 / 10"
    assert review._items["A1.area.2"].text(2) == "更正"
    review.ui.itemTree.setCurrentItem(review._items["A1.sign.2"])
    type_text(qtbot, review.ui.actionEdit, "年底前安装夜光LOGO")
    saved(qtbot, window)
    assert window.store.answers(2026).corrective_actions["A1.sign.2"] == "年底前安装夜光LOGO"


def jpeg_file(path: Path, size=(1200, 900), colour=(180, 40, 40)) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def test_photo_added_dropped_refused_and_removed(qtbot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path / "c.dqsa")
    first_run(qtbot, window, "照片测试中心")
    zones = page(window, "功能区设置")
    strips = {s.target: s for s in zones.findChildren(EvidenceStrip)}
    strip = strips["reception"]
    with qtbot.waitSignal(window.wizard.session.scored, timeout=5000):  # a signed year would be unsigned
        strip.add_files([jpeg_file(tmp_path / "接待区 照片.jpg")])
    assert strip.list.count() == 1 and strip.list.item(0).text() == "接待区 照片.jpg"
    assert not strip.list.item(0).icon().isNull()

    bad = tmp_path / "不是照片.jpg"
    bad.write_bytes(b"this is not a picture" * 100)
    data = QMimeData()
    data.setUrls(
        [
            QUrl.fromLocalFile(str(bad)),
            QUrl.fromLocalFile(str(jpeg_file(tmp_path / "第二张.jpg", colour=(20, 90, 200)))),
        ]
    )
    drop = QDropEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(strip.changed, timeout=5000):  # prepared off the GUI thread
        strip.dropEvent(drop)
    assert strip.list.count() == 2
    assert strip.problem.isVisibleTo(window) and "不是照片.jpg" in strip.problem.text()

    strip.list.setCurrentRow(0)
    qtbot.keyClick(strip.list, Qt.Key.Key_Delete)
    assert strip.list.count() == 1
    assert [e.original_name for e in window.store.evidence(YEAR)] == ["第二张.jpg"]


def test_keyboard_moves_between_pages_and_fields(qtbot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path / "c.dqsa")
    first_run(qtbot, window, "键盘中心")
    with qtbot.waitActive(window):  # the first-run dialog had the focus
        window.activateWindow()
    wizard = window.wizard
    wizard.go_to(0)
    qtbot.keyClick(wizard, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert wizard.current_page() == 1
    qtbot.keyClick(wizard.ui.nextButton, Qt.Key.Key_Space)
    assert wizard.current_page() == 2
    qtbot.keyClick(wizard, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert wizard.current_page() == 1
    profile = page(window, "中心概况")
    profile.ui.nameEdit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is profile.ui.nameEdit)
    for expected in (
        profile.ui.levelCombo,
        profile.ui.regionEdit,
        profile.ui.contactEdit,
        profile.ui.assessorEdit,
    ):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected


def test_changing_the_level_rebuilds_the_pages(qtbot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path / "c.dqsa")
    first_run(qtbot, window, "级别中心")
    site = page(window, "场地与标识").builder
    assert "未填写：中心总面积" in site.cards["A1.area.2"].result.text()
    profile = page(window, "中心概况")
    profile.ui.levelCombo.setCurrentIndex(profile.ui.levelCombo.findData("city"))
    profile.ui.levelCombo.activated.emit(profile.ui.levelCombo.currentIndex())
    saved(qtbot, window)
    assert window.store.answers(YEAR).center.level == "city"
    staff = page(window, "人员配备").builder
    labels = [label.text() for label in staff.cards["A1.staff.1"].findChildren(QLabel)]
    assert any(text.startswith("专职工作人员数") for text in labels)
    assert any("市级标准 2" in text or "未填写" in text for text in labels)
    # The old pages are gone; saving again must reach only the new ones (no deleted widget).
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    profile = page(window, "中心概况")
    profile.ui.levelCombo.setCurrentIndex(profile.ui.levelCombo.findData("village"))
    profile.ui.levelCombo.activated.emit(profile.ui.levelCombo.currentIndex())
    saved(qtbot, window)
    assert window.store.answers(YEAR).center.level == "village"
    assert "未填写：中心总面积" in page(window, "场地与标识").builder.cards["A1.area.2"].result.text()


def test_checklist_pack_pages_show_met_not_met(qtbot, tmp_path: Path, data_dir: Path) -> None:
    from dqsa.answers_file import load_answers_file

    window = make_window(qtbot, tmp_path / "w.dqsa")
    window.store.import_answers(load_answers_file(data_dir / "wenzhou-village.json"))
    window.open_assessment(2026)
    zones = page(window, "功能定位").builder
    field = zones.fields["checklist.F.village.3"]
    assert field.value() == "not_met"
    buttons = field.findChildren(QRadioButton)
    assert [b.text() for b in buttons] == ["符合", "不符合", "不适用"]
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    assert window.store.scorecard(2026).item("F.village.3").status == "met"
    assert "F.basic.1" not in zones.cards  # not applicable to a village center: not shown
    assert "合计：72.2%" in window.wizard.ui.totalsLabel.text()  # 13 of 18 applicable items met


KILLED_AFTER_TYPING = """
import os, sys, time
from pathlib import Path
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from PySide6.QtTest import QTest
from dqsa.settings import Settings
from dqsa.store.service import CenterStore
from dqsa.ui.main_window import MainWindow
app = QApplication([])
window = MainWindow(CenterStore.open(Path(sys.argv[1])), Settings(), ask_first_run=False)
window.show()
window.open_assessment(int(sys.argv[2]))
window.wizard.go_to(1)
app.processEvents()
builder = window.wizard.ui.pageStack.widget(1).builder
builder.fields["facts.area_m2"].edit.selectAll()
QTest.keyClicks(builder.fields["facts.area_m2"].edit, "345.5")
print("typed", flush=True)
deadline = time.monotonic() + 30
while time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_an_edit_survives_the_program_being_killed_a_second_later(tmp_path: Path, data_dir: Path) -> None:
    from dqsa.answers_file import load_answers_file

    path = tmp_path / "被杀 中心.dqsa"
    with CenterStore.open(path, create=True) as store:
        store.import_answers(load_answers_file(data_dir / "village-weak.json"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with subprocess.Popen(
        [sys.executable, "-c", KILLED_AFTER_TYPING, str(path), "2026"],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    ) as program:
        assert program.stdout.readline().strip() == "typed"
        time.sleep(1.0)
        program.send_signal(signal.SIGKILL)
    with CenterStore.open(path) as store:
        assert store.answers(2026).facts["area_m2"] == Decimal("345.5")


def test_generated_forms_are_up_to_date() -> None:
    from dqsa.ui import build_forms

    for form in sorted(build_forms.FORMS.glob("*.ui")):
        generated = build_forms.GENERATED / f"ui_{form.stem}.py"
        assert generated.read_text(encoding="utf-8") == build_forms.compile_form(form), (
            f"{generated.name} is stale: run python -m dqsa.ui.build_forms"
        )


def test_demo_opens_two_filled_years(qtbot, tmp_path: Path) -> None:
    from dqsa.demo import build_demo_file

    store = CenterStore.open(build_demo_file(tmp_path / "demo"))
    window = MainWindow(store, Settings(), demo=True)
    qtbot.addWidget(window)
    window.show()
    assert store.years() == [2026, 2025]
    assert window.home.ui.assessmentTable.rowCount() == 2
    assert "示例" in window.windowTitle()
    assert "党群服务中心自评" not in window.windowTitle()  # the platform appends the program's name once
    assert store.scorecard(2026).total > store.scorecard(2025).total
    window.close()


def run_program(*args: str, env_extra: dict[str, str]) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env_extra}
    return subprocess.run(
        [sys.executable, "-m", "dqsa", *args, "--no-err-windows"],
        env=env, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )  # fmt: skip


def test_first_start_creates_the_default_center_file(private_home: Path) -> None:
    done = run_program(env_extra={"DQSA_EXIT_AFTER_LOAD": "1"})
    assert done.returncode == 0, done.stderr
    from dqsa.paths import default_center_file

    assert default_center_file().is_file()
    assert (private_home / "logs" / "dqsa.log").is_file()
    with CenterStore.open(default_center_file()) as store:
        assert store.assessments() == []


def test_a_bad_file_on_the_command_line_is_a_message_not_a_crash(tmp_path: Path) -> None:
    bad = tmp_path / "坏 文件.dqsa"
    bad.write_bytes(b"\x00\x01 not sqlite" * 50)
    done = run_program(str(bad), env_extra={"DQSA_EXIT_AFTER_LOAD": "1"})
    assert done.returncode == 1
    assert "不是 dqsa 中心文件" in done.stderr and "Traceback" not in done.stderr


def test_nothing_heavy_is_imported_before_the_window_is_shown() -> None:
    code = (
        "import sys, dqsa.cli, dqsa.ui.app, dqsa.ui.main_window; "
        "print(sorted(m for m in ('sqlalchemy', 'pydantic', 'yaml', 'openpyxl', 'reportlab', "
        "'cryptography', 'alembic', 'PIL') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_sign_and_export_from_the_last_page_then_edit_warns(qtbot, tmp_path: Path, data_dir: Path) -> None:
    from dqsa.answers_file import load_answers_file
    from dqsa.export.verify import verify_packet

    window = make_window(qtbot, tmp_path / "c.dqsa")
    window.store.import_answers(load_answers_file(data_dir / "village-weak.json"))
    window.open_assessment(2026)
    window.wizard.show_export_page()
    export = window.wizard.export_page
    assert "第一次签署" in export.identity_note.text()
    type_text(qtbot, export.signer, "张伟")
    type_text(qtbot, export.title, "村党组织书记")
    qtbot.keyClicks(export.passphrase, "secret-2026")
    assert export.passphrase_again.isVisibleTo(window)  # a new passphrase is typed twice
    qtbot.keyClicks(export.passphrase_again, "secret-2062")
    export.folder.setText(str(tmp_path / "发出 的材料"))
    qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    assert "两次输入的口令不一样" in export.problem.message
    assert window.store.assessments()[0].status == "draft"
    qtbot.keyClicks(export.passphrase_again, "secret-2026")
    asked: list[str] = []

    def sign_anyway(box: QMessageBox) -> None:
        asked.append(box.text())
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, lambda: when_shown(QMessageBox, sign_anyway))
    with qtbot.waitSignal(export.exported, timeout=30000):
        qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
        # while it runs nothing else can be edited: the progress dialog blocks every window
        assert export.progress.windowModality() == Qt.WindowModality.ApplicationModal
    missing = window.store.scorecard(2026).without_measures
    assert f"以下 {len(missing)} 项未得满分，还没有填写改进措施" in asked[0]
    assert "表A.1 · " in asked[0] and missing[0] not in asked[0]  # items as the standard names them
    packet = export.last_result.path
    assert packet.exists() and str(packet) in export.result.text()
    assert verify_packet(packet).ok
    assert export.open_folder.isVisibleTo(window)
    assert window.store.assessments()[0].status == "signed"
    assert "已签署报送，现在只能查看" in window.wizard.ui.warningLabel.text()
    assert window.store.sent(2026).sha256 == export.last_result.sha256

    # A signed year is read-only: the click does nothing (13.2; the full story in test_sent_gui.py).
    site = page(window, "场地与标识").builder
    click_yes(site.fields["facts.sign.logo"], qtbot)
    saved(qtbot, window)
    assert window.store.assessments()[0].status == "signed"
    QTimer.singleShot(0, lambda: when_shown(QDialog, lambda d: d.accept()))
    assert window.wizard.reopen()
    click_yes(site.fields["facts.sign.logo"], qtbot)
    saved(qtbot, window)
    assert window.store.assessments()[0].status == "reopened"
    assert "现在的内容与已报送的材料包不一致" in window.wizard.ui.warningLabel.text()


def test_a_wrong_passphrase_is_shown_on_the_page(qtbot, tmp_path: Path, data_dir: Path) -> None:
    from dqsa.answers_file import load_answers_file
    from dqsa.export.identity import create_identity

    window = make_window(qtbot, tmp_path / "c.dqsa")
    answers = load_answers_file(data_dir / "township-half.json")
    window.store.import_answers(answers)
    create_identity(answers.center.name, "the-right-one")
    window.open_assessment(2026)
    window.wizard.show_export_page()
    export = window.wizard.export_page
    assert "已有签署身份" in export.identity_note.text()
    type_text(qtbot, export.signer, "李明")
    type_text(qtbot, export.title, "主任")
    qtbot.keyClicks(export.passphrase, "the-wrong-one")
    export.folder.setText(str(tmp_path))

    def confirm_unanswered(tries: int = 250) -> None:
        box = QApplication.activeModalWidget()
        if box is None or box is window:
            if tries:
                QTimer.singleShot(20, lambda: confirm_unanswered(tries - 1))
            return
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, confirm_unanswered)
    qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: export.export_button.isEnabled() and bool(export.problem.text()), timeout=30000)
    assert "口令不对" in export.problem.text()
    assert window.store.assessments()[0].status == "draft"


def test_self_test_of_the_installed_program(private_home: Path) -> None:
    done = run_program("--self-test", env_extra={})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "自检通过" in done.stdout


def test_the_user_guide_is_found() -> None:
    from dqsa.paths import user_guide

    guide = user_guide()
    assert guide is not None and "签署" in guide.read_text(encoding="utf-8")


def test_one_round_of_saves_rescores_once(qtbot) -> None:
    from dqsa.ui.autosave import Autosaver

    autosaver = Autosaver()
    done: list[str] = []
    rounds: list[object] = []
    autosaver.saved.connect(rounds.append)
    for key in ("a", "b", "c"):
        autosaver.schedule(key, lambda key=key: done.append(key))
    autosaver.flush()
    assert sorted(done) == ["a", "b", "c"] and len(rounds) == 1
    autosaver.flush()  # nothing pending: no round, no signal
    assert len(rounds) == 1


def test_restoring_a_backup_from_the_window(qtbot, tmp_path: Path, data_dir: Path) -> None:
    from PySide6.QtWidgets import QDialog, QListWidget, QListWidgetItem

    from dqsa.answers_file import load_answers_file

    window = make_window(qtbot, tmp_path / "恢复 测试.dqsa")
    window.store.import_answers(load_answers_file(data_dir / "village-weak.json"))
    backup = window.store.backup_now("before-changes")
    window.store.set_fact(2026, "area_m2", 999)
    listing = QListWidget()
    item = QListWidgetItem(backup.name)
    item.setData(Qt.ItemDataRole.UserRole, str(backup))
    listing.addItem(item)
    listing.setCurrentItem(item)
    dialog = QDialog(window)
    window._restore(listing, dialog)
    assert window.store.answers(2026).facts.get("area_m2") != 999
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert "已从备份恢复" in window.statusBar().currentMessage()


def test_a_checklist_override_is_typed_as_its_label_or_code() -> None:
    from dqsa.ui.review import _typed_status

    typed = {
        t: _typed_status(t) for t in ["符合", " 不符合 ", "不适用", "met", "Not met", "NA", "n/a", "对", ""]
    }
    assert typed == {
        "符合": "met",
        " 不符合 ": "not_met",
        "不适用": "na",
        "met": "met",
        "Not met": "not_met",
        "NA": "na",
        "n/a": "na",
        "对": None,
        "": None,
    }


def test_the_wizard_can_be_made_read_only_in_one_place(qtbot, tmp_path: Path, data_dir: Path) -> None:
    """The hook for a year already reported: one switch disables every input, also after a rebuild.

    The export page keeps its own rules (a signed year may be sent again as it is; a file
    open read-only cannot be exported, and the page says why): see tests/test_sent_gui.py.
    """
    from PySide6.QtWidgets import QAbstractButton

    from dqsa.answers_file import load_answers_file

    def inputs(kinds: tuple[type, ...]) -> list[QWidget]:
        from dqsa.ui.export_page import ExportPage

        stack = wizard.ui.pageStack
        exports = stack.findChildren(ExportPage)  # also a rebuilt one's, until it is deleted
        return [
            w
            for w in stack.findChildren(QWidget)
            if isinstance(w, kinds) and not w.isHidden() and not any(e.isAncestorOf(w) for e in exports)
        ]

    window = make_window(qtbot, tmp_path / "c.dqsa")
    window.store.import_answers(load_answers_file(data_dir / "village-weak.json"))
    window.open_assessment(2026)
    wizard = window.wizard
    wizard.set_read_only(True)
    found = inputs((QLineEdit, QAbstractButton))
    assert found and not any(w.isEnabled() for w in found)
    assert wizard.ui.nextButton.isEnabled()  # moving between pages stays possible
    wizard.rebuild()
    found = inputs((QLineEdit,))
    assert found and not any(w.isEnabled() for w in found)
    wizard.set_read_only(False)
    assert page(window, "场地与标识").builder.fields["facts.area_m2"].edit.isEnabled()
    window.close()


def test_the_first_run_message_goes_when_its_field_is_corrected(qtbot, tmp_path: Path) -> None:
    """Finding 14: 请选择中心级别 stayed on the dialog after a level was chosen."""
    store = CenterStore.open(tmp_path / "c.dqsa", create=True)
    dialog = FirstRunDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.ui.errorLabel.text().startswith("请填写中心名称")
    type_text(qtbot, dialog.ui.nameEdit, "青山村党群服务中心")
    assert dialog.ui.errorLabel.text() == ""
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.ui.errorLabel.text().startswith("请选择中心级别")
    type_text(qtbot, dialog.ui.regionEdit, "湖州市")
    assert dialog.ui.errorLabel.text().startswith("请选择中心级别")  # not what it is about
    qtbot.keyClick(dialog.ui.levelCombo, Qt.Key.Key_Down)
    assert dialog.ui.levelCombo.currentIndex() >= 0
    assert dialog.ui.errorLabel.text() == ""
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert store.center() is not None and store.center().name == "青山村党群服务中心"
    store.close()
