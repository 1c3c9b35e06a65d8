"""Interface language: Chinese by default (the source strings), English as a second language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from dqsa.paths import resource_path

LANGUAGES = {"zh_CN": "中文", "en": "English"}
CONTEXT = ""  # pyside6-lupdate files bare tr("…") calls under the empty context


def QT_TR_NOOP(text: str) -> str:  # the name Qt's lupdate looks for
    """Marks text whose translation is looked up later with ``tr(variable)``."""
    return text


def tr(text: str) -> str:
    """Translate a Chinese source string for code outside a QObject method."""
    return QCoreApplication.translate(CONTEXT, text)


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Qt's own strings (standard buttons) and ours for ``language``; keep the result alive."""
    language = language if language in LANGUAGES else "zh_CN"
    QLocale.setDefault(QLocale(QLocale.Language.Chinese if language == "zh_CN" else QLocale.Language.English))
    installed = []
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", qt_translations):
        app.installTranslator(qt)
        installed.append(qt)
    # What Qt's catalogue lacks (the file dialog's "Look in", "Files of type", "Folder"): ours,
    # installed after it so that it is asked first.
    supplement = QTranslator(app)
    if supplement.load(f"qtbase_supplement_{language}", str(resource_path("i18n"))):
        app.installTranslator(supplement)
        installed.append(supplement)
    if language != "zh_CN":  # Chinese is the source language: nothing to load
        ours = QTranslator(app)
        if ours.load(f"dqsa_{language}", str(resource_path("i18n"))):
            app.installTranslator(ours)
            installed.append(ours)
    return installed
