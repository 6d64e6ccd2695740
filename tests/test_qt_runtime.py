"""Guards on the Qt runtime we ship on (TOOLING.md)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_calls_do_not_leak_none_references(qtbot: QtBot) -> None:
    # PySide6 6.12.0 on Python 3.11 drops a reference to None per void call until the
    # interpreter aborts; on 3.12+ None is immortal. Keep this passing on every Python we support.
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(20_000):
        label.setText("x")
    assert sys.getrefcount(None) == before


def test_fonts_are_available(qtbot: QtBot) -> None:
    # Without fonts Qt silently draws empty boxes.
    assert QFontDatabase.families()
