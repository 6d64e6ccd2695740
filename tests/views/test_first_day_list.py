"""Issue 13 (what a receptionist met on her first day): the order list, kit panel and main
window items, driven like a user."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.views.kit_panel.kit_box import TrackingLink

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)

TRACKING_URL = "https://www.ups.com/track?tracknum=1Z999AA10123456784"


def test_a_tracking_link_that_opens_no_browser_says_so_and_copies_the_url(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []

    def no_browser(url: QUrl) -> bool:
        opened.append(url)
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(no_browser))
    holder = QWidget()
    qtbot.addWidget(holder)
    link = TrackingLink("ups", "1Z999AA10123456784", TRACKING_URL, holder)
    holder.show()
    qtbot.waitExposed(holder)
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert opened == [QUrl(TRACKING_URL)]
    box = holder.findChild(QMessageBox, "trackingLinkFailed")
    assert box is not None
    assert box.isVisible()
    assert "did not open" in box.text()
    assert TRACKING_URL in box.text()
    copy = box.findChild(QPushButton, "copyTrackingLink")
    assert copy is not None
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert QApplication.clipboard().text() == TRACKING_URL
