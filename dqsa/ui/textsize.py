"""The text size of every window (100 %, 125 %, 150 % of the system's), applied at once.

The application font is scaled; widgets that need a larger font than the text around
them (page titles) declare it relative to the application font with
:func:`set_relative_size`, so they grow with it instead of keeping a fixed size.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from dqsa.settings import TEXT_SCALES

#: Dynamic property of a widget whose font is ``factor`` × the application font.
RELATIVE = "dqsaRelativeSize"
_BOLD = "dqsaRelativeBold"
_BASE = "dqsaBaseFont"

__all__ = ["TEXT_SCALES", "apply_text_scale", "base_font", "current_scale", "set_relative_size"]


def base_font() -> QFont:
    """The font the system gave the program (remembered before the first change)."""
    app = QApplication.instance()
    base = app.property(_BASE)
    if not isinstance(base, QFont):
        base = QFont(QApplication.font())
        app.setProperty(_BASE, base)
    return QFont(base)


def _scaled(font: QFont, factor: float) -> QFont:
    font = QFont(font)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    else:  # a font given in pixels (some platforms)
        font.setPixelSize(max(1, round(font.pixelSize() * factor)))
    return font


def current_scale() -> int:
    """The percentage applied now."""
    value = QApplication.instance().property("dqsaTextScale")
    return int(value) if value else 100


def apply_text_scale(percent: int) -> None:
    """Scale the text of every window, open now or later, to ``percent`` of the system's size."""
    percent = percent if percent in TEXT_SCALES else 100
    app = QApplication.instance()
    base = base_font()
    app.setProperty("dqsaTextScale", percent)
    QApplication.setFont(_scaled(base, percent / 100))
    # Qt tells open windows itself only once the event loop runs, and later; say it now.
    for window in QApplication.topLevelWidgets():
        QCoreApplication.sendEvent(window, QEvent(QEvent.Type.ApplicationFontChange))
    for widget in QApplication.allWidgets():
        if widget.property(RELATIVE) is not None:
            _apply(widget)
        elif widget.styleSheet():  # a styled widget keeps its old font until it is styled again
            widget.setStyleSheet(widget.styleSheet())


def set_relative_size(widget: QWidget, factor: float, *, bold: bool = False) -> None:
    """Give ``widget`` a font ``factor`` times the application's, now and after every size change."""
    widget.setProperty(RELATIVE, float(factor))
    widget.setProperty(_BOLD, bold)
    _apply(widget)


def _apply(widget: QWidget) -> None:
    font = _scaled(QApplication.font(), float(widget.property(RELATIVE)))
    font.setBold(bool(widget.property(_BOLD)))
    widget.setFont(font)
