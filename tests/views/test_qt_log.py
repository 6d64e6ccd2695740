"""Qt's own warnings reach the app's log instead of a console a windowed app lacks."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import qInstallMessageHandler, qWarning

from app.views.qt_log import install_qt_message_handler


def test_qt_warnings_are_logged(caplog: pytest.LogCaptureFixture) -> None:
    previous = install_qt_message_handler()
    try:
        with caplog.at_level(logging.DEBUG, logger="app.qt"):
            qWarning("a layout could not fit its widgets")
    finally:
        qInstallMessageHandler(previous)  # type: ignore[arg-type]
    records = [r for r in caplog.records if r.name == "app.qt"]
    assert [r.levelno for r in records] == [logging.WARNING]
    assert "a layout could not fit its widgets" in records[0].getMessage()
