"""The staff's words: items as the standard labels them, packs by title, dates, Qt's own dialogs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QListWidget
from test_gui import make_window, page

from dqsa.store.service import CenterStore
from dqsa.ui.first_run import FirstRunDialog
from dqsa.ui.i18n import install_translations


def test_items_packs_and_boxes_in_the_standards_words(qtbot, tmp_path: Path, data_dir: Path) -> None:
    from dqsa.answers_file import load_answers_file

    window = make_window(qtbot, tmp_path / "c.dqsa")
    window.store.import_answers(load_answers_file(data_dir / "village-weak.json"))
    window.open_assessment(2026)
    site = page(window, "场地与标识").builder
    header = site.cards["A1.site.1"].findChildren(QLabel)[0]
    assert "表A.1 · 选址要求 · 第1项" in header.text() and "A1.site.1" not in header.text()
    assert "A1.site.1" in header.toolTip()  # the id is still there for whoever needs it
    profile = page(window, "中心概况")
    assert profile.ui.packLabel.text().startswith("社会组织党群服务中心工作评价（湖州标准附录A）")
    assert "huzhou-social-org" not in profile.ui.packLabel.text()
    zones = page(window, "功能区设置").builder
    box = zones.fields["zones.business"].box
    assert box.text() == "已设置业务办理区" and not box.isChecked()  # unticked reads “not set up”
    systems = page(window, "运行制度").builder
    assert systems.fields["mechanisms.evaluation"].box.text() == "已建立考核评价机制"
    review = page(window, "评分总览")
    row = review._items["A1.site.1"]
    assert row.text(0).startswith("第1项") and "A1.site.1" not in row.text(0)
    review.ui.itemTree.setCurrentItem(row)
    assert "表A.1 · 选址要求 · 第1项" in review.ui.itemLabel.text()
    export = window.wizard.export_page
    assert "A1." not in export.unanswered.text() + export.measures.text()
    assert "表A." in export.measures.text()
    assert "心里" not in export.findChildren(QLabel)[2].text()  # the passphrase in plain words
    window.close()


def test_first_run_names_each_pack_once_and_chooses_no_level(qtbot, tmp_path: Path) -> None:
    store = CenterStore.open(tmp_path / "c.dqsa", create=True)
    dialog = FirstRunDialog(store)
    qtbot.addWidget(dialog)
    titles = [dialog.ui.packCombo.itemText(i) for i in range(dialog.ui.packCombo.count())]
    assert all(title.count("据编制说明") <= 1 for title in titles)
    assert dialog.ui.levelCombo.currentIndex() == -1
    dialog.ui.nameEdit.setText("某村党群服务中心")
    dialog.accept()
    assert "请选择中心级别" in dialog.ui.errorLabel.text() and store.center() is None
    wenzhou = dialog.ui.packCombo.findData("wenzhou-oujianghong")
    dialog.ui.packCombo.setCurrentIndex(wenzhou)
    assert dialog.ui.levelCombo.currentIndex() == -1  # a new pack's levels: still none chosen
    assert "不是正式发布的标准" in dialog.ui.packNoteLabel.text()
    dialog.ui.levelCombo.setCurrentIndex(dialog.ui.levelCombo.findData("village"))
    dialog.accept()
    assert store.center().level == "village"
    store.close()


def test_the_review_dates_are_written_as_people_write_them(qtbot, tmp_path: Path, data_dir: Path) -> None:
    from datetime import datetime

    from dqsa.answers_file import load_answers_file

    window = make_window(qtbot, tmp_path / "c.dqsa")
    window.store.import_answers(load_answers_file(data_dir / "village-weak.json"))
    window.store.mark_signed(
        2026, signer="张伟（书记）", fingerprint="AB:CD", at=datetime(2026, 11, 30, 14, 5)
    )
    window.open_assessment(2026)
    assert "2026年11月30日 14:05" in window.wizard.ui.warningLabel.text()
    window.store.backup_now("test")
    listing = window.backups_dialog().findChild(QListWidget)
    assert re.match(r"20\d\d年\d{1,2}月\d{1,2}日 \d\d:\d\d　", listing.item(0).text())
    window.close()


def test_qt_file_dialog_speaks_chinese(qtbot) -> None:
    app = QApplication.instance()
    translators = install_translations(app, "zh_CN")
    try:
        dialog = QFileDialog(None, "打开", str(Path(__file__).parent), "材料包 (*.zip)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own widgets, as on Linux
        qtbot.addWidget(dialog)
        labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        assert labels["lookInLabel"] == "查找范围(&L)："
        assert labels["fileTypeLabel"] == "文件类型(&T)："
        assert labels["fileNameLabel"].startswith("文件名")
        from PySide6.QtCore import QCoreApplication

        folder = QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms")
        assert folder == "文件夹"
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_the_supplement_of_qt_translations_is_compiled_from_its_source(tmp_path: Path) -> None:
    from dqsa.ui import build_translations

    for name in build_translations.QT_SUPPLEMENTS:
        build_translations.release(build_translations.I18N / f"{name}.ts", tmp_path / f"{name}.qm")
        assert (tmp_path / f"{name}.qm").read_bytes() == (build_translations.I18N / f"{name}.qm").read_bytes()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: nothing to raise
def test_the_user_guide_opens_inside_the_program_with_its_pictures(qtbot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path / "c.dqsa")
    window.show_user_guide()
    guide = window.guide_window
    assert guide is not None and guide.isVisible()
    text = guide.browser.toPlainText()
    assert "dqsa 用户指南" in text and "签署" in text
    shown = guide.images()
    assert "images/home.png" in shown and len(shown) >= 3
    picture = guide.browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(shown[0]))
    assert not picture.isNull() and picture.width() > 100
    window.show_user_guide()  # asked again: the same window comes to the front
    assert window.guide_window is guide
    window.close()
    assert not guide.isVisible()
