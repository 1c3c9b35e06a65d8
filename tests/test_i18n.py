"""The English translation is complete, compiled from its source, and actually used."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import QApplication

from dqsa.ui import build_translations
from dqsa.ui.i18n import install_translations

TS = build_translations.I18N / "dqsa_en.ts"


def test_every_message_is_translated_with_its_placeholders() -> None:
    messages = ET.parse(TS).getroot().iter("message")
    count = 0
    for message in messages:
        count += 1
        source = message.findtext("source")
        translation = message.find("translation")
        assert translation.get("type") != "unfinished", source
        assert translation.text, source
        assert sorted(re.findall(r"\{\d\}", source)) == sorted(re.findall(r"\{\d\}", translation.text)), (
            source
        )
        if re.search(r"&[A-Za-z]", source):
            assert re.search(r"&[A-Za-z]", translation.text), f"accelerator lost: {source}"
    assert count > 100


def test_compiled_translation_matches_its_source(tmp_path: Path) -> None:
    build_translations.release(TS, tmp_path / "dqsa_en.qm")
    assert (tmp_path / "dqsa_en.qm").read_bytes() == (build_translations.I18N / "dqsa_en.qm").read_bytes()


def test_the_window_speaks_english_when_asked(qtbot, tmp_path: Path) -> None:
    from dqsa.settings import Settings
    from dqsa.store.service import CenterStore
    from dqsa.ui.main_window import MainWindow

    app = QApplication.instance()
    translators = install_translations(app, "en")
    try:
        window = MainWindow(
            CenterStore.open(tmp_path / "c.dqsa", create=True), Settings(), ask_first_run=False
        )
        qtbot.addWidget(window)
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus == ["&File", "&View", "&Help"]
        assert window.home.ui.newButton.text() == "&New self-assessment…"
        window.close()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
