"""查看 → the text sizes, one set of actions for any main window (the center's and the desk's).

The size applies to every window at once (:mod:`dqsa.ui.textsize`) and is remembered in the
settings both windows share.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from dqsa.settings import TEXT_SCALES, Settings, save_settings
from dqsa.ui.i18n import tr
from dqsa.ui.textsize import apply_text_scale, current_scale


def add_text_size_actions(window: QWidget, menu: QMenu, settings: Settings) -> dict[int, QAction]:
    """正常 / 较大 / 很大 (checkable, Alt+1–3) and 放大文字 / 缩小文字 (Ctrl++ / Ctrl+-) in ``menu``."""
    actions: dict[int, QAction] = {}
    group = QActionGroup(window)
    labels = ((100, tr("正常")), (125, tr("较大")), (150, tr("很大")))
    for number, (percent, label) in enumerate(labels, start=1):
        action = QAction(tr("文字{0}（{1}%）(&{2})").format(label, percent, number), window)
        action.setCheckable(True)
        action.setChecked(percent == current_scale())
        action.triggered.connect(lambda _checked=False, p=percent: set_text_scale(p, actions, settings))
        group.addAction(action)
        menu.addAction(action)
        actions[percent] = action
    menu.addSeparator()
    for text, step, key in (
        (tr("放大文字(&I)"), 1, QKeySequence.StandardKey.ZoomIn),
        (tr("缩小文字(&O)"), -1, QKeySequence.StandardKey.ZoomOut),
    ):
        action = QAction(text, window)
        action.setShortcut(key)
        action.triggered.connect(lambda _checked=False, s=step: step_text_scale(s, actions, settings))
        menu.addAction(action)
    return actions


def set_text_scale(percent: int, actions: dict[int, QAction], settings: Settings) -> None:
    """Apply a text size now, to every window, tick it, and remember it."""
    apply_text_scale(percent)
    for other, action in actions.items():
        action.setChecked(other == current_scale())
    if settings.text_scale != current_scale():
        settings.text_scale = current_scale()
        save_settings(settings)


def step_text_scale(step: int, actions: dict[int, QAction], settings: Settings) -> None:
    """One size larger (``step`` 1) or smaller (-1), within the sizes offered."""
    index = TEXT_SCALES.index(current_scale()) + step
    set_text_scale(TEXT_SCALES[max(0, min(index, len(TEXT_SCALES) - 1))], actions, settings)
