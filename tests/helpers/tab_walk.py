"""Walking a window with the Tab key, as a keyboard user does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def walk_tab(qtbot: QtBot, start: QWidget, steps: int) -> list[str]:
    """Focus ``start``, press Tab ``steps`` times; where focus went (object names, or the
    accessible name of a widget without one)."""
    window = start.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    start.setFocus()
    seen = [start.objectName()]
    for _ in range(steps):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None
        seen.append(now.objectName() or now.accessibleName())
    return seen
