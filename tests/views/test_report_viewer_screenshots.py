"""README screenshots of the report window, against the sandbox (real report PDFs).

Rendered on every run; with ``SPOT_SCREENSHOTS_DIR`` set they are also written there:
``SPOT_SCREENSHOTS_DIR=resources/screenshots QT_QPA_PLATFORM=offscreen
python -m pytest tests/views/test_report_viewer_screenshots.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from app.api import SpotClient
from app.sandbox import SandboxServer
from app.services.reports import ReportOffline, ReportUnavailable
from app.tasks import InlineTaskRunner, TaskRunner
from app.views.reports.report_viewer import ReportWindow
from tests.helpers.reports import (
    FakeReports,
    FakeSeen,
    make_service,
    open_window,
    resulted_kit,
    wait_for_pdf,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def save(qtbot: QtBot, widget: QWidget, name: str, tmp_path: Path) -> None:
    widget.resize(1000, 820)
    qtbot.wait(50)  # let queued layout requests settle before grabbing
    image = widget.grab().toImage()
    image.save(str(tmp_path / f"{name}.png"))
    target = os.environ.get("SPOT_SCREENSHOTS_DIR")
    if target:
        image.save(str(Path(target) / f"{name}.png"))


def test_report_window_screenshots(
    qtbot: QtBot, sandbox: SandboxServer, runner: TaskRunner, tmp_path: Path
) -> None:
    with SpotClient(sandbox.base_url, sandbox.token, sleep=lambda _s: None) as client:
        kit, reports = resulted_kit(client, sandbox)
        original = next(r for r in reports if not r.is_amendment)
        amended = next(r for r in reports if r.is_amendment)
        assert kit.sample is not None
        service, seen, _counting = make_service(client)
        window = open_window(qtbot, service, seen, runner)
        window.open_report(amended, kit_id=kit.kit_id, sample_id=kit.sample.sample_id,
                           replaces=original)
        wait_for_pdf(qtbot, window)
        assert window.windowTitle().startswith(f"Report for kit {kit.kit_id}")
        save(qtbot, window, "report_viewer", tmp_path)

        search = window.findChild(QLineEdit, "search_edit")
        assert search is not None
        search.setFocus()
        qtbot.keyClicks(search, "cholesterol")
        qtbot.keyClick(search, Qt.Key.Key_Return)  # at once: the first match when counted
        qtbot.waitUntil(lambda: window.search_status().startswith("1 of"), timeout=10_000)
        save(qtbot, window, "report_search", tmp_path)

        tabs = window.findChild(QTabWidget, "report_tabs")
        assert tabs is not None
        qtbot.waitUntil(lambda: bool(window.text_view().toPlainText()), timeout=10_000)
        tabs.setCurrentIndex(1)
        qtbot.keyClick(search, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.search_status().startswith("1 of"))
        save(qtbot, window, "report_text", tmp_path)

        for name, failure in (
            ("report_error_expired", ReportUnavailable(debug="HTTP 404")),
            ("report_error_offline", ReportOffline(debug="SpotConnectionError", transient=True)),
        ):
            failing = ReportWindow(
                FakeReports({str(amended.pdf): failure}), FakeSeen(), InlineTaskRunner()
            )
            qtbot.addWidget(failing)
            failing.show()
            failing.open_report(amended, kit_id=kit.kit_id, sample_id=kit.sample.sample_id)
            assert failing.error() is not None
            save(qtbot, failing, name, tmp_path)
